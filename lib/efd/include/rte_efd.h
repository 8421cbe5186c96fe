/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Elastic flow distributor: a table from keys to small values (for example the
 * worker that owns a flow). Lookups never fail: a key never inserted yields an
 * arbitrary value (0 here), so callers must track membership themselves.
 */
#ifndef _RTE_EFD_H_
#define _RTE_EFD_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_EFD_VALUE_NUM_BITS (8)
/* Keys a single rte_efd_lookup_bulk() call is meant for. */
#define RTE_EFD_BURST_MAX (32)
/* Bytes in a table name, with its terminating NUL. */
#define RTE_EFD_NAMESIZE 32

typedef uint8_t efd_value_t;

/* rte_efd_update() results besides 0. */
#define RTE_EFD_UPDATE_WARN_GROUP_FULL (1)
#define RTE_EFD_UPDATE_NO_CHANGE (2)
#define RTE_EFD_UPDATE_FAILED (3)

struct rte_efd_table;

/*
 * A table for at least max_num_rules keys of key_len bytes, named name (unique,
 * under RTE_EFD_NAMESIZE bytes). The socket arguments choose memory placement in
 * DPDK; here one copy serves every socket. NULL with rte_errno EINVAL (bad
 * argument, no online socket, offline socket not below RTE_MAX_NUMA_NODES),
 * EEXIST (name taken) or ENOMEM, after a log line.
 */
struct rte_efd_table *rte_efd_create(const char *name, uint32_t max_num_rules, uint32_t key_len,
				     uint64_t online_cpu_socket_bitmask,
				     uint8_t offline_cpu_socket);
/* Free table and its entries; NULL is ignored. */
void rte_efd_free(struct rte_efd_table *table);
/* The table of that name, or NULL with rte_errno ENOENT. */
struct rte_efd_table *rte_efd_find_existing(const char *name);

/*
 * Set the value of key (insert or replace). One writer at a time; lookups may run
 * meanwhile. 0; RTE_EFD_UPDATE_NO_CHANGE if key already had value;
 * RTE_EFD_UPDATE_FAILED if the table is full or an argument is NULL (table unchanged).
 */
int rte_efd_update(struct rte_efd_table *table, unsigned int socket_id, const void *key,
		   efd_value_t value);
/*
 * Remove key, storing its value in *prev_value when not NULL. One writer at a time.
 * 0, or nonzero (-ENOENT: key absent, -EINVAL: NULL table or key).
 */
int rte_efd_delete(struct rte_efd_table *table, unsigned int socket_id, const void *key,
		   efd_value_t *prev_value);
/* The value of key; 0 for a key never inserted. Safe from any number of threads. */
efd_value_t rte_efd_lookup(const struct rte_efd_table *table, unsigned int socket_id,
			   const void *key);
/* rte_efd_lookup() of num_keys keys into value_list (any num_keys >= 0 is served). */
void rte_efd_lookup_bulk(const struct rte_efd_table *table, unsigned int socket_id, int num_keys,
			 const void **key_list, efd_value_t *value_list);

#ifdef __cplusplus
}
#endif

#endif
