/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Longest-prefix match for IPv6 (DPDK 22.11 API). The table is opaque;
 * addresses are 16 bytes in network order. Writers (create, add, delete,
 * free) must be serialised by the caller; lookups may run beside a writer,
 * except in the part of the address space of a rule being deleted, whose
 * tbl8 groups are reused at once (no RCU reclaim here).
 */
#ifndef _RTE_LPM6_H_
#define _RTE_LPM6_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Rule depths are 1..RTE_LPM6_MAX_DEPTH. */
#define RTE_LPM6_MAX_DEPTH 128
#define RTE_LPM6_IPV6_ADDR_SIZE 16
/* Longest name of a table, with its terminating NUL. */
#define RTE_LPM6_NAMESIZE 32

struct rte_lpm6;

/* What rte_lpm6_create() sizes a table for. */
struct rte_lpm6_config {
	uint32_t max_rules;    /* rules the table holds, of all depths together */
	uint32_t number_tbl8s; /* 256-entry groups for the bytes after the first three */
	int flags;	       /* unused; pass 0 */
};

/*
 * Create a table named name (unique) on socket_id (or SOCKET_ID_ANY).
 * Returns NULL with rte_errno: EINVAL (name or config NULL, max_rules 0,
 * number_tbl8s above 2^21, socket_id < -1, name too long), EEXIST (a table
 * of that name exists), ENOMEM.
 */
struct rte_lpm6 *rte_lpm6_create(const char *name, int socket_id,
				 const struct rte_lpm6_config *config);

/* The table created with that name, or NULL with rte_errno ENOENT. */
struct rte_lpm6 *rte_lpm6_find_existing(const char *name);

/* Free a table and its name; NULL is ignored. */
void rte_lpm6_free(struct rte_lpm6 *lpm);

/*
 * Add ip/depth -> next_hop (21 bits), or change the next hop of that rule.
 * Returns 0, -EINVAL (lpm or ip NULL, depth not 1..128, next_hop above 21
 * bits), -ENOSPC (max_rules rules present, or too few free tbl8 groups;
 * the table is then unchanged).
 */
int rte_lpm6_add(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth, uint32_t next_hop);

/* 1 with *next_hop set if ip/depth is a rule, 0 if not, -EINVAL for bad arguments. */
int rte_lpm6_is_rule_present(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth,
			     uint32_t *next_hop);

/*
 * Delete the rule ip/depth; its addresses fall back to the next shorter
 * covering rule. Returns 0, -EINVAL (bad arguments), -ENOENT (no such rule).
 */
int rte_lpm6_delete(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth);

/* Delete n rules; those that do not exist are skipped. Returns 0 or -EINVAL (NULLs). */
int rte_lpm6_delete_bulk_func(struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
			      uint8_t *depths, unsigned int n);

/* Delete every rule. */
void rte_lpm6_delete_all(struct rte_lpm6 *lpm);

/* Next hop of ip: 0 with *next_hop set, -ENOENT when no rule covers ip, -EINVAL for NULLs. */
int rte_lpm6_lookup(const struct rte_lpm6 *lpm, const uint8_t *ip, uint32_t *next_hop);

/* Look up n addresses: next_hops[i] is the next hop, or -1 where none matched. Returns 0. */
int rte_lpm6_lookup_bulk_func(const struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
			      int32_t *next_hops, unsigned int n);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LPM6_H_ */
