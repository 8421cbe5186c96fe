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
#include <rte_fib6.h>

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

/*
 * Entries of 1 << sz_shift bytes: both data planes number their sizes so
 * (RTE_FIB_DIR24_8_1B is 0, RTE_FIB6_TRIE_2B is 1, ...).
 */
static inline uint64_t
fib_entry_get(const void *tbl, size_t i, unsigned int sz_shift)
{
	switch (sz_shift) {
	case 0:
		return ((const uint8_t *)tbl)[i];
	case 1:
		return ((const uint16_t *)tbl)[i];
	case 2:
		return ((const uint32_t *)tbl)[i];
	default:
		return ((const uint64_t *)tbl)[i];
	}
}

/* Write v into n entries of tbl from i. */
void fib_entries_fill(void *tbl, size_t i, size_t n, unsigned int sz_shift, uint64_t v);

/* The largest next hop an entry of 1 << sz_shift bytes holds. */
static inline uint64_t
fib_max_nh(unsigned int sz_shift)
{
	return (UINT64_C(1) << ((8u << sz_shift) - 1)) - 1;
}

/* Groups of 256 entries and a stack of the free ones. */
struct fib_groups {
	void *tbl8;
	uint32_t *free;
	uint32_t free_count;
	uint32_t n;
	unsigned int sz_shift;
};

/*
 * Check the sizes of create (kind and name for the log line): -EINVAL when
 * num_tbl8 is 0 or either it or default_nh is above the largest next hop.
 */
int fib_tables_check(const char *kind, const char *name, unsigned int sz_shift, uint32_t num_tbl8,
		     uint64_t default_nh);
/* Allocate tbl24 (every entry default_nh) and n groups: 0 or -ENOMEM with a log line. */
int fib_tables_init(void **tbl24, struct fib_groups *g, uint32_t n, unsigned int sz_shift,
		    uint64_t default_nh, int socket_id, const char *kind, const char *name);
void fib_tables_fini(void **tbl24, struct fib_groups *g);
/*
 * Take a free group and fill it with entry value e (a caller has checked
 * free_count); the returned entry points at it.
 */
uint64_t fib_groups_take(struct fib_groups *g, uint64_t e);
/* The entry that replaces the uniform group entry ext points at, which goes back. */
uint64_t fib_groups_fold(struct fib_groups *g, uint64_t ext);

struct fib_dir24_8 {
	void *tbl24;
	struct fib_groups groups;
	enum rte_fib_dir24_8_nh_sz nh_sz;
	uint64_t def_nh;
};

/* The data plane for conf (checked here), or NULL with rte_errno. */
struct fib_dir24_8 *dir24_8_create(const char *name, int socket_id,
				   const struct rte_fib_conf *conf);
void dir24_8_free(struct fib_dir24_8 *dp);
/* The scalar lookup of that type, NULL for a type not provided. */
rte_fib_lookup_fn_t dir24_8_lookup_fn(const struct fib_dir24_8 *dp, enum rte_fib_lookup_type type);
int dir24_8_modify(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop, int op);

struct rte_fib6 {
	struct rib_name name;
	struct rte_rib6 *rib;
	enum rte_fib6_type type;
	uint64_t def_nh;
	void *dp;
	rte_fib6_lookup_fn_t lookup;
	rte_fib6_modify_fn_t modify;
};

/*
 * The IPv6 trie: tbl24 for the first 24 bits, then a group of 256 a byte.
 * An entry has a group exactly while a route deeper than the entry lies
 * in it, as in DIR-24-8.
 */
struct fib6_trie {
	void *tbl24;
	struct fib_groups groups;
	enum rte_fib_trie_nh_sz nh_sz;
	uint64_t def_nh;
};

struct fib6_trie *fib6_trie_create(const char *name, int socket_id,
				   const struct rte_fib6_conf *conf);
void fib6_trie_free(struct fib6_trie *dp);
rte_fib6_lookup_fn_t fib6_trie_lookup_fn(const struct fib6_trie *dp,
					 enum rte_fib6_lookup_type type);
int fib6_trie_modify(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth,
		     uint64_t next_hop, int op);

#endif /* _FIB_PRIVATE_H_ */
