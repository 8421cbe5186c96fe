/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The DIR-24-8 data plane of rte_fib: the first 24 bits of an address index
 * tbl24; an entry there is a next hop or a group of 256 entries indexed by
 * the last 8 bits. Add and delete recompute the range of the prefix they
 * change from the RIB: every part of the range that no more specific
 * route holds takes the prefix's next hop (or on delete the covering
 * route's, else the default).
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_rib.h>

#include "fib_private.h"

/* One lookup, the entry size a constant where the caller inlines it. */
static __rte_always_inline void
dir24_8_lookup_sized(const struct fib_dir24_8 *dp, const uint32_t *ips, uint64_t *next_hops,
		     unsigned int n, enum rte_fib_dir24_8_nh_sz nh_sz)
{
	unsigned int i;
	uint64_t e;

	for (i = 0; i < n; i++) {
		e = fib_entry_get(dp->tbl24, ips[i] >> 8, nh_sz);
		if (e & 1)
			e = fib_entry_get(
				dp->groups.tbl8,
				(size_t)(e >> 1) * DIR24_8_GROUP_ENTRIES + (ips[i] & 0xff), nh_sz);
		next_hops[i] = e >> 1;
	}
}

static void
dir24_8_lookup_1b(void *p, const uint32_t *ips, uint64_t *next_hops, const unsigned int n)
{
	dir24_8_lookup_sized(p, ips, next_hops, n, RTE_FIB_DIR24_8_1B);
}

static void
dir24_8_lookup_2b(void *p, const uint32_t *ips, uint64_t *next_hops, const unsigned int n)
{
	dir24_8_lookup_sized(p, ips, next_hops, n, RTE_FIB_DIR24_8_2B);
}

static void
dir24_8_lookup_4b(void *p, const uint32_t *ips, uint64_t *next_hops, const unsigned int n)
{
	dir24_8_lookup_sized(p, ips, next_hops, n, RTE_FIB_DIR24_8_4B);
}

static void
dir24_8_lookup_8b(void *p, const uint32_t *ips, uint64_t *next_hops, const unsigned int n)
{
	dir24_8_lookup_sized(p, ips, next_hops, n, RTE_FIB_DIR24_8_8B);
}

/* One function for every size, reading it from the table. */
static void
dir24_8_lookup_uni(void *p, const uint32_t *ips, uint64_t *next_hops, const unsigned int n)
{
	const struct fib_dir24_8 *dp = p;

	dir24_8_lookup_sized(dp, ips, next_hops, n, dp->nh_sz);
}

rte_fib_lookup_fn_t
dir24_8_lookup_fn(const struct fib_dir24_8 *dp, enum rte_fib_lookup_type type)
{
	static const rte_fib_lookup_fn_t sized[] = {
		[RTE_FIB_DIR24_8_1B] = dir24_8_lookup_1b,
		[RTE_FIB_DIR24_8_2B] = dir24_8_lookup_2b,
		[RTE_FIB_DIR24_8_4B] = dir24_8_lookup_4b,
		[RTE_FIB_DIR24_8_8B] = dir24_8_lookup_8b,
	};

	switch (type) {
	case RTE_FIB_LOOKUP_DEFAULT:
	case RTE_FIB_LOOKUP_DIR24_8_SCALAR_MACRO:
	case RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE:
		return sized[dp->nh_sz];
	case RTE_FIB_LOOKUP_DIR24_8_SCALAR_UNI:
		return dir24_8_lookup_uni;
	default:
		/* RTE_FIB_LOOKUP_DIR24_8_VECTOR_AVX512 is not built */
		return NULL;
	}
}

struct fib_dir24_8 *
dir24_8_create(const char *name, int socket_id, const struct rte_fib_conf *conf)
{
	struct fib_dir24_8 *dp;
	int ret = -EINVAL;

	if (conf->dir24_8.nh_sz > RTE_FIB_DIR24_8_8B) {
		RTE_LOG(ERR, LPM, "FIB %s: nh_sz %d is invalid; use RTE_FIB_DIR24_8_1B..8B\n", name,
			(int)conf->dir24_8.nh_sz);
		goto out_err;
	}
	ret = fib_tables_check("FIB", name, conf->dir24_8.nh_sz, conf->dir24_8.num_tbl8,
			       conf->default_nh);
	if (ret < 0)
		goto out_err;
	ret = -ENOMEM;
	dp = rte_zmalloc_socket("FIB_DIR24_8", sizeof(*dp), RTE_CACHE_LINE_SIZE, socket_id);
	if (dp == NULL)
		goto out_err;
	ret = fib_tables_init(&dp->tbl24, &dp->groups,
			      RTE_ALIGN_CEIL(conf->dir24_8.num_tbl8, DIR24_8_GROUP_ROUND),
			      conf->dir24_8.nh_sz, conf->default_nh, socket_id, "FIB", name);
	if (ret < 0)
		goto out_free;
	dp->nh_sz = conf->dir24_8.nh_sz;
	dp->def_nh = conf->default_nh;
	return dp;

out_free:
	rte_free(dp);
out_err:
	rte_errno = -ret;
	return NULL;
}

void
dir24_8_free(struct fib_dir24_8 *dp)
{
	if (dp == NULL)
		return;
	fib_tables_fini(&dp->tbl24, &dp->groups);
	rte_free(dp);
}

/* Give the /24 of ip a group holding what its tbl24 entry held. */
static int
dir24_8_group_attach(struct fib_dir24_8 *dp, uint32_t ip)
{
	uint64_t e = fib_entry_get(dp->tbl24, ip >> 8, dp->nh_sz);

	if (e & 1)
		return 0;
	if (dp->groups.free_count == 0)
		return -ENOSPC;
	fib_entries_fill(dp->tbl24, ip >> 8, 1, dp->nh_sz, fib_groups_take(&dp->groups, e));
	return 0;
}

/* Fold the group of ip's /24 back into tbl24: no route longer than 24 is left there. */
static void
dir24_8_group_detach(struct fib_dir24_8 *dp, uint32_t ip)
{
	uint64_t e = fib_entry_get(dp->tbl24, ip >> 8, dp->nh_sz);

	/* with no longer route, the group is uniform: its first entry is the /24's */
	if (e & 1)
		fib_entries_fill(dp->tbl24, ip >> 8, 1, dp->nh_sz, fib_groups_fold(&dp->groups, e));
}

/* Point addresses [from, to) at nh; no route more specific than the one written holds them. */
static void
dir24_8_gap_write(struct fib_dir24_8 *dp, uint64_t from, uint64_t to, uint64_t nh)
{
	uint64_t end, e;

	while (from < to) {
		if ((from & 0xff) == 0 && to - from >= DIR24_8_GROUP_ENTRIES) {
			end = to & ~(uint64_t)0xff;
			fib_entries_fill(dp->tbl24, from >> 8, (end - from) >> 8, dp->nh_sz,
					 nh << 1);
		} else {
			/* part of a /24, which has a group since a longer route lies in it */
			end = RTE_MIN(to, (from | 0xff) + 1);
			e = fib_entry_get(dp->tbl24, from >> 8, dp->nh_sz);
			if (e & 1)
				fib_entries_fill(dp->groups.tbl8,
						 (size_t)(e >> 1) * DIR24_8_GROUP_ENTRIES +
							 (from & 0xff),
						 end - from, dp->nh_sz, nh << 1);
		}
		from = end;
	}
}

/* Point ip/depth at nh wherever no more specific route of the RIB holds the address. */
static void
dir24_8_range_write(struct fib_dir24_8 *dp, struct rte_rib *rib, uint32_t ip, uint8_t depth,
		    uint64_t nh)
{
	struct rte_rib_node *sub = NULL;
	uint64_t from = ip, sub_end;
	uint32_t sub_ip;
	uint8_t sub_depth;

	while ((sub = rte_rib_get_nxt(rib, ip, depth, sub, RTE_RIB_GET_NXT_COVER)) != NULL) {
		rte_rib_get_ip(sub, &sub_ip);
		rte_rib_get_depth(sub, &sub_depth);
		sub_end = (uint64_t)sub_ip + (UINT64_C(1) << (32 - sub_depth));
		dir24_8_gap_write(dp, from, sub_ip, nh);
		from = sub_end;
	}
	dir24_8_gap_write(dp, from, (uint64_t)ip + (UINT64_C(1) << (32 - depth)), nh);
}

static int
dir24_8_route_add(struct fib_dir24_8 *dp, struct rte_rib *rib, uint32_t ip, uint8_t depth,
		  uint64_t nh)
{
	struct rte_rib_node *node = rte_rib_lookup_exact(rib, ip, depth);
	int ret;

	if (node != NULL) {
		rte_rib_set_nh(node, nh);
		dir24_8_range_write(dp, rib, ip, depth, nh);
		return 0;
	}
	if (depth > 24) {
		ret = dir24_8_group_attach(dp, ip);
		if (ret < 0)
			return ret;
	}
	node = rte_rib_insert(rib, ip, depth);
	if (node == NULL) {
		ret = -rte_errno;
		if (depth > 24 &&
		    rte_rib_get_nxt(rib, ip & ~0xffu, 24, NULL, RTE_RIB_GET_NXT_COVER) == NULL)
			dir24_8_group_detach(dp, ip);
		return ret;
	}
	rte_rib_set_nh(node, nh);
	dir24_8_range_write(dp, rib, ip, depth, nh);
	return 0;
}

static int
dir24_8_route_delete(struct fib_dir24_8 *dp, struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	struct rte_rib_node *node = rte_rib_lookup_exact(rib, ip, depth);
	struct rte_rib_node *parent;
	uint64_t nh = dp->def_nh;

	if (node == NULL)
		return -ENOENT;
	parent = rte_rib_lookup_parent(node);
	if (parent != NULL)
		rte_rib_get_nh(parent, &nh);
	dir24_8_range_write(dp, rib, ip, depth, nh);
	rte_rib_remove(rib, ip, depth);
	if (depth > 24 &&
	    rte_rib_get_nxt(rib, ip & ~0xffu, 24, NULL, RTE_RIB_GET_NXT_COVER) == NULL)
		dir24_8_group_detach(dp, ip);
	return 0;
}

int
dir24_8_modify(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop, int op)
{
	struct fib_dir24_8 *dp = fib->dp;

	ip &= rte_rib_depth_to_mask(depth);
	switch (op) {
	case RTE_FIB_ADD:
		if (next_hop > fib_max_nh(dp->nh_sz)) {
			RTE_LOG(ERR, LPM,
				"FIB %s: next hop %" PRIu64 " is above %" PRIu64
				", the largest this nh_sz holds; use a larger nh_sz\n",
				fib->name.name, next_hop, fib_max_nh(dp->nh_sz));
			return -EINVAL;
		}
		return dir24_8_route_add(dp, fib->rib, ip, depth, next_hop);
	case RTE_FIB_DEL:
		return dir24_8_route_delete(dp, fib->rib, ip, depth);
	default:
		return -EINVAL;
	}
}
