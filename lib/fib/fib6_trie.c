/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The trie data plane of rte_fib6. Level 0 (tbl24) is indexed by the first
 * three bytes of an address, level L > 0 by byte 2 + L, so an entry of
 * level L stands for a prefix of 24 + 8 * L bits. Entries hold next_hop << 1,
 * or a group's index << 1 | 1. Add and delete rewrite the changed prefix's
 * addresses that no more specific route holds, found in the RIB, as the
 * IPv4 DIR-24-8 table does; addresses are 128-bit integers for the
 * arithmetic of ranges.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_rib6.h>

#include "fib_private.h"

typedef unsigned __int128 fib6_addr;

#define TRIE_LEVELS 14 /* tbl24, then bytes 3 to 15 */

/* Bits of the prefix an entry of level stands for. */
static inline unsigned int
trie_level_depth(unsigned int level)
{
	return 24 + 8 * level;
}

/* The low n bits set (n at most 128). */
static inline fib6_addr
trie_low_bits(unsigned int n)
{
	return n >= 128 ? ~(fib6_addr)0 : ((fib6_addr)1 << n) - 1;
}

static fib6_addr
trie_addr(const uint8_t *ip)
{
	fib6_addr a = 0;
	int i;

	for (i = 0; i < RTE_FIB6_IPV6_ADDR_SIZE; i++)
		a = a << 8 | ip[i];
	return a;
}

static void
trie_addr_bytes(fib6_addr a, uint8_t *ip)
{
	int i;

	for (i = RTE_FIB6_IPV6_ADDR_SIZE - 1; i >= 0; i--, a >>= 8)
		ip[i] = (uint8_t)a;
}

static __rte_always_inline void
trie_lookup_sized(const struct fib6_trie *dp, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE],
		  uint64_t *next_hops, unsigned int n, unsigned int sz)
{
	unsigned int i, b;
	uint64_t e;

	for (i = 0; i < n; i++) {
		const uint8_t *ip = ips[i];

		e = fib_entry_get(dp->tbl24, (size_t)ip[0] << 16 | ip[1] << 8 | ip[2], sz);
		/* a byte-15 entry never points further: no route is deeper than 128 */
		for (b = 3; (e & 1) && b < RTE_FIB6_IPV6_ADDR_SIZE; b++)
			e = fib_entry_get(dp->groups.tbl8,
					  (size_t)(e >> 1) * DIR24_8_GROUP_ENTRIES + ip[b], sz);
		next_hops[i] = e >> 1;
	}
}

static void
trie_lookup_2b(void *p, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE], uint64_t *next_hops,
	       const unsigned int n)
{
	trie_lookup_sized(p, ips, next_hops, n, RTE_FIB6_TRIE_2B);
}

static void
trie_lookup_4b(void *p, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE], uint64_t *next_hops,
	       const unsigned int n)
{
	trie_lookup_sized(p, ips, next_hops, n, RTE_FIB6_TRIE_4B);
}

static void
trie_lookup_8b(void *p, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE], uint64_t *next_hops,
	       const unsigned int n)
{
	trie_lookup_sized(p, ips, next_hops, n, RTE_FIB6_TRIE_8B);
}

rte_fib6_lookup_fn_t
fib6_trie_lookup_fn(const struct fib6_trie *dp, enum rte_fib6_lookup_type type)
{
	if (type != RTE_FIB6_LOOKUP_DEFAULT && type != RTE_FIB6_LOOKUP_TRIE_SCALAR)
		return NULL; /* RTE_FIB6_LOOKUP_TRIE_VECTOR_AVX512 is not built */
	switch (dp->nh_sz) {
	case RTE_FIB6_TRIE_2B:
		return trie_lookup_2b;
	case RTE_FIB6_TRIE_4B:
		return trie_lookup_4b;
	default:
		return trie_lookup_8b;
	}
}

struct fib6_trie *
fib6_trie_create(const char *name, int socket_id, const struct rte_fib6_conf *conf)
{
	struct fib6_trie *dp;
	int ret = -EINVAL;

	if (conf->trie.nh_sz < RTE_FIB6_TRIE_2B || conf->trie.nh_sz > RTE_FIB6_TRIE_8B) {
		RTE_LOG(ERR, LPM, "FIB6 %s: nh_sz %d is invalid; use RTE_FIB6_TRIE_2B, 4B or 8B\n",
			name, (int)conf->trie.nh_sz);
		goto out_err;
	}
	ret = fib_tables_check("FIB6", name, conf->trie.nh_sz, conf->trie.num_tbl8,
			       conf->default_nh);
	if (ret < 0)
		goto out_err;
	ret = -ENOMEM;
	dp = rte_zmalloc_socket("FIB6_TRIE", sizeof(*dp), RTE_CACHE_LINE_SIZE, socket_id);
	if (dp == NULL)
		goto out_err;
	ret = fib_tables_init(&dp->tbl24, &dp->groups, conf->trie.num_tbl8, conf->trie.nh_sz,
			      conf->default_nh, socket_id, "FIB6", name);
	if (ret < 0)
		goto out_free;
	dp->nh_sz = conf->trie.nh_sz;
	dp->def_nh = conf->default_nh;
	return dp;

out_free:
	rte_free(dp);
out_err:
	rte_errno = -ret;
	return NULL;
}

void
fib6_trie_free(struct fib6_trie *dp)
{
	if (dp == NULL)
		return;
	fib_tables_fini(&dp->tbl24, &dp->groups);
	rte_free(dp);
}

/* Where the entries of a level's table are: tbl24, or group g of tbl8. */
struct trie_table {
	void *entries;
	size_t base;
};

static inline struct trie_table
trie_table_of(const struct fib6_trie *dp, unsigned int level, uint64_t ext)
{
	struct trie_table t = {dp->tbl24, 0};

	if (level > 0) {
		t.entries = dp->groups.tbl8;
		t.base = (size_t)(ext >> 1) * DIR24_8_GROUP_ENTRIES;
	}
	return t;
}

/* Index of a's entry in its level's table. */
static inline size_t
trie_index(fib6_addr a, unsigned int level)
{
	unsigned int shift = 128 - trie_level_depth(level);

	return (size_t)(a >> shift) & (level == 0 ? 0xffffff : 0xff);
}

/*
 * Point [from, last] at nh in the table t of level; no route more specific
 * than the one written holds these addresses, so entries wholly inside
 * have no group and entries partly inside have one.
 */
static void
trie_gap_write(struct fib6_trie *dp, struct trie_table t, unsigned int level, fib6_addr from,
	       fib6_addr last, uint64_t nh)
{
	unsigned int shift = 128 - trie_level_depth(level);
	fib6_addr span = trie_low_bits(shift), start, end;
	size_t i, first = trie_index(from, level), final = trie_index(last, level);
	uint64_t e;

	size_t run_end;

	for (i = first; i <= final; i++) {
		start = (from & ~span & ~((fib6_addr)(level == 0 ? 0xffffff : 0xff) << shift)) |
			(fib6_addr)i << shift;
		end = start | span;
		if (from <= start && end <= last) {
			/* every entry up to the last one is whole too: write them at once */
			run_end = (last & span) == span ? final : final - 1;
			fib_entries_fill(t.entries, t.base + i, run_end - i + 1, dp->nh_sz,
					 nh << 1);
			i = run_end;
			continue;
		}
		e = fib_entry_get(t.entries, t.base + i, dp->nh_sz);
		if ((e & 1) && level + 1 < TRIE_LEVELS)
			trie_gap_write(dp, trie_table_of(dp, level + 1, e), level + 1,
				       RTE_MAX(from, start), RTE_MIN(last, end), nh);
	}
}

/* Point ip/depth at nh wherever no more specific route of the RIB holds the address. */
static void
trie_range_write(struct fib6_trie *dp, struct rte_rib6 *rib, const uint8_t *ip, uint8_t depth,
		 uint64_t nh)
{
	struct rte_rib6_node *sub = NULL;
	fib6_addr from = trie_addr(ip), last = from | trie_low_bits(128 - depth), sub_ip;
	uint8_t sub_bytes[RTE_FIB6_IPV6_ADDR_SIZE], sub_depth;
	struct trie_table top = trie_table_of(dp, 0, 0);

	while ((sub = rte_rib6_get_nxt(rib, ip, depth, sub, RTE_RIB6_GET_NXT_COVER)) != NULL) {
		rte_rib6_get_ip(sub, sub_bytes);
		rte_rib6_get_depth(sub, &sub_depth);
		sub_ip = trie_addr(sub_bytes);
		if (sub_ip > from)
			trie_gap_write(dp, top, 0, from, sub_ip - 1, nh);
		sub_ip |= trie_low_bits(128 - sub_depth);
		if (sub_ip == last)
			return; /* the last sub-route ends the range */
		from = sub_ip + 1;
	}
	trie_gap_write(dp, top, 0, from, last, nh);
}

/* Entries on ip's path at the levels a route of depth goes past. */
struct trie_path {
	struct trie_table table[TRIE_LEVELS];
	size_t index[TRIE_LEVELS];
	unsigned int levels;
};

static void
trie_path_get(const struct fib6_trie *dp, fib6_addr a, uint8_t depth, struct trie_path *p)
{
	unsigned int level;
	uint64_t e = 0;

	p->levels = 0;
	for (level = 0; level < TRIE_LEVELS && trie_level_depth(level) < depth; level++) {
		p->table[level] = trie_table_of(dp, level, e);
		p->index[level] = trie_index(a, level);
		p->levels = level + 1;
		e = fib_entry_get(p->table[level].entries, p->table[level].base + p->index[level],
				  dp->nh_sz);
		if (!(e & 1))
			break;
	}
}

/* Groups a route of depth at a still needs: from the first entry on its path without one. */
static unsigned int
trie_groups_missing(const struct fib6_trie *dp, fib6_addr a, uint8_t depth)
{
	struct trie_table t = trie_table_of(dp, 0, 0);
	unsigned int level, need = 0;
	uint64_t e;

	while (need < TRIE_LEVELS && trie_level_depth(need) < depth)
		need++;
	for (level = 0; level < need; level++) {
		e = fib_entry_get(t.entries, t.base + trie_index(a, level), dp->nh_sz);
		if (!(e & 1))
			return need - level;
		t = trie_table_of(dp, level + 1, e);
	}
	return 0;
}

/* Give every entry on the path of a route of depth at a group (counted free before). */
static void
trie_groups_attach(struct fib6_trie *dp, fib6_addr a, uint8_t depth)
{
	unsigned int level;
	struct trie_table t = trie_table_of(dp, 0, 0);
	size_t i;
	uint64_t e;

	for (level = 0; level < TRIE_LEVELS && trie_level_depth(level) < depth; level++) {
		i = t.base + trie_index(a, level);
		e = fib_entry_get(t.entries, i, dp->nh_sz);
		if (!(e & 1)) {
			e = fib_groups_take(&dp->groups, e);
			fib_entries_fill(t.entries, i, 1, dp->nh_sz, e);
		}
		t = trie_table_of(dp, level + 1, e);
	}
}

/* After a delete: fold groups on a's path that no deeper route needs, deepest first. */
static void
trie_groups_detach(struct fib6_trie *dp, struct rte_rib6 *rib, fib6_addr a, uint8_t depth)
{
	struct trie_path p;
	uint8_t prefix[RTE_FIB6_IPV6_ADDR_SIZE];
	unsigned int level, d;
	size_t i;
	uint64_t e;

	trie_path_get(dp, a, depth, &p);
	for (level = p.levels; level-- > 0;) {
		i = p.table[level].base + p.index[level];
		e = fib_entry_get(p.table[level].entries, i, dp->nh_sz);
		if (!(e & 1))
			continue;
		d = trie_level_depth(level);
		trie_addr_bytes(a & ~trie_low_bits(128 - d), prefix);
		if (rte_rib6_get_nxt(rib, prefix, (uint8_t)d, NULL, RTE_RIB6_GET_NXT_COVER) != NULL)
			return;
		fib_entries_fill(p.table[level].entries, i, 1, dp->nh_sz,
				 fib_groups_fold(&dp->groups, e));
	}
}

static int
trie_route_add(struct fib6_trie *dp, struct rte_rib6 *rib, const uint8_t *ip, uint8_t depth,
	       uint64_t nh)
{
	struct rte_rib6_node *node = rte_rib6_lookup_exact(rib, ip, depth);

	if (node == NULL) {
		if (trie_groups_missing(dp, trie_addr(ip), depth) > dp->groups.free_count)
			return -ENOSPC;
		node = rte_rib6_insert(rib, ip, depth);
		if (node == NULL)
			return -rte_errno;
		trie_groups_attach(dp, trie_addr(ip), depth);
	}
	rte_rib6_set_nh(node, nh);
	trie_range_write(dp, rib, ip, depth, nh);
	return 0;
}

static int
trie_route_delete(struct fib6_trie *dp, struct rte_rib6 *rib, const uint8_t *ip, uint8_t depth)
{
	struct rte_rib6_node *node = rte_rib6_lookup_exact(rib, ip, depth);
	struct rte_rib6_node *parent;
	uint64_t nh = dp->def_nh;

	if (node == NULL)
		return -ENOENT;
	parent = rte_rib6_lookup_parent(node);
	if (parent != NULL)
		rte_rib6_get_nh(parent, &nh);
	trie_range_write(dp, rib, ip, depth, nh);
	rte_rib6_remove(rib, ip, depth);
	trie_groups_detach(dp, rib, trie_addr(ip), depth);
	return 0;
}

int
fib6_trie_modify(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth,
		 uint64_t next_hop, int op)
{
	struct fib6_trie *dp = fib->dp;
	uint8_t prefix[RTE_FIB6_IPV6_ADDR_SIZE];

	trie_addr_bytes(trie_addr(ip) & ~trie_low_bits(128 - depth), prefix);
	switch (op) {
	case RTE_FIB6_ADD:
		if (next_hop > fib_max_nh(dp->nh_sz)) {
			RTE_LOG(ERR, LPM,
				"FIB6 %s: next hop %" PRIu64 " is above %" PRIu64
				", the largest this nh_sz holds; use a larger nh_sz\n",
				fib->name.name, next_hop, fib_max_nh(dp->nh_sz));
			return -EINVAL;
		}
		return trie_route_add(dp, fib->rib, prefix, depth, next_hop);
	case RTE_FIB6_DEL:
		return trie_route_delete(dp, fib->rib, prefix, depth);
	default:
		return -EINVAL;
	}
}
