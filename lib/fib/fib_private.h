/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of rte_fib: the table and the DIR-24-8 data plane's entry
 * points.
 *
 * A DIR-24-8 entry holds next_hop << 1, its low bit set when it points at a
 * group of 256 entries instead (then the rest is the group's index). A /24
 * has a group exactly while a route longer than 24 bits lies in it, so
 * writes never need a group that add did not reserve.
 */
#ifndef _FIB_PRIVATE_H_
#define _FIB_PRIVATE_H_

#include <stdint.h>

#include <rte_fib.h>

#include "../rib/rib_trie.h"

struct rte_fib {
	struct rib_name name;
	struct rte_rib *rib;
	enum rte_fib_type type;
	uint64_t def_nh;
	void *dp;
	rte_fib_lookup_fn_t lookup;
	rte_fib_modify_fn_t modify;
};

#define DIR24_8_TBL24_ENTRIES (1u << 24)
#define DIR24_8_GROUP_ENTRIES 256u
/* Groups come in multiples of this, as DPDK sizes them. */
#define DIR24_8_GROUP_ROUND 64u

struct fib_dir24_8 {
	void *tbl24;
	void *tbl8;
	uint32_t *free_groups;
	uint32_t free_count;
	uint32_t number_tbl8s;
	enum rte_fib_dir24_8_nh_sz nh_sz;
	uint64_t def_nh;
};

/* The largest next hop an entry of nh_sz holds. */
static inline uint64_t
dir24_8_max_nh(enum rte_fib_dir24_8_nh_sz nh_sz)
{
	return (UINT64_C(1) << ((8u << nh_sz) - 1)) - 1;
}

/* The data plane for conf (checked here), or NULL with rte_errno. */
struct fib_dir24_8 *dir24_8_create(const char *name, int socket_id,
				   const struct rte_fib_conf *conf);
void dir24_8_free(struct fib_dir24_8 *dp);
/* The scalar lookup of that type, NULL for a type not provided. */
rte_fib_lookup_fn_t dir24_8_lookup_fn(const struct fib_dir24_8 *dp, enum rte_fib_lookup_type type);
int dir24_8_modify(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop, int op);

#endif /* _FIB_PRIVATE_H_ */
