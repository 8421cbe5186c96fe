/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 LPM control path: table life cycle (named through lpm_common.c) and
 * the DIR-24-8 updates behind rte_lpm_add() and rte_lpm_delete(). Lookups
 * are inline in rte_lpm.h.
 *
 * Every entry is written as one 32-bit store, so a concurrent lookup sees
 * either the old or the new entry. A new tbl8 group is filled before the
 * tbl24 entry that points to it is published (release store); lookups need
 * no acquire as they depend on the loaded index.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_lpm.h>

#include "eal_private.h"
#include "lpm_private.h"

#define LPM_LOG(level, ...) RTE_LOG(level, LPM, __VA_ARGS__)
#define LPM_IP_FMT "%u.%u.%u.%u/%u"
#define LPM_IP_ARGS(ip, depth) \
	(ip) >> 24, ((ip) >> 16) & 0xff, ((ip) >> 8) & 0xff, (ip)&0xff, (unsigned int)(depth)

/* The rule set's key for ip: its 4 bytes in network order. */
static const uint8_t *
lpm_ip_key(uint32_t ip, uint32_t *key)
{
	*key = rte_cpu_to_be_32(ip);
	return (const uint8_t *)key;
}

static struct lpm_table *
lpm_table_of(struct rte_lpm *lpm)
{
	return container_of(lpm, struct lpm_table, lpm);
}

static uint32_t *
lpm_tbl24(struct lpm_table *t)
{
	return (uint32_t *)t->lpm.tbl24;
}

/* The 256 entries of tbl8 group g. */
static uint32_t *
lpm_tbl8_group(struct lpm_table *t, uint32_t g)
{
	return lpm_tbl8_pool_group(&t->tbl8s, g);
}

static void
lpm_entry_store(uint32_t *slot, uint32_t e)
{
	/* Pairs with the plain 32-bit loads of the lookups: never a torn entry. */
	__atomic_store_n(slot, e, __ATOMIC_RELAXED);
}

static uint32_t
lpm_entry_make(uint32_t next_hop, uint8_t depth)
{
	return next_hop | LPM_ENTRY_VALID | (uint32_t)depth << LPM_ENTRY_DEPTH_SHIFT;
}

/*
 * What an update of a rule of some depth rewrites among the entries it
 * covers: an add takes entries that are empty or hold a shorter rule (or
 * this one); a delete takes the entries that hold exactly this rule, as
 * two rules of one depth never overlap.
 */
enum lpm_rewrite {
	LPM_REWRITE_ADD,
	LPM_REWRITE_DELETE,
};

static bool
lpm_entry_taken(uint32_t e, uint8_t depth, enum lpm_rewrite how)
{
	if (!(e & LPM_ENTRY_VALID))
		return how == LPM_REWRITE_ADD;
	if (how == LPM_REWRITE_ADD)
		return lpm_entry_depth(e) <= depth;
	return lpm_entry_depth(e) == depth;
}

/* Store v in those of the n entries at ent that the update of depth takes. */
static void
lpm_entries_rewrite(uint32_t *ent, uint32_t n, uint8_t depth, uint32_t v, enum lpm_rewrite how)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (lpm_entry_taken(ent[i], depth, how))
			lpm_entry_store(&ent[i], v);
}

/*
 * Rewrite the /24s that a rule of depth <= 24 covers with v (a tbl24
 * entry): in tbl24 itself, and through every tbl8 group found on the way,
 * where deeper rules keep their entries.
 */
static void
lpm_tbl24_rewrite(struct lpm_table *t, uint32_t ip, uint8_t depth, uint32_t v, enum lpm_rewrite how)
{
	uint32_t *tbl24 = lpm_tbl24(t);
	uint32_t first = ip >> 8, n = UINT32_C(1) << (LPM_MAX_DEPTH_TBL24 - depth);
	uint32_t i, e;

	for (i = first; i < first + n; i++) {
		e = tbl24[i];
		if (__RTE_LPM_ENTRY_IS_EXT(e))
			lpm_entries_rewrite(lpm_tbl8_group(t, e & LPM_ENTRY_NEXT_HOP_MASK),
					    RTE_LPM_TBL8_GROUP_NUM_ENTRIES, depth,
					    v | LPM_ENTRY_GROUP, how);
		else
			lpm_entries_rewrite(&tbl24[i], 1, depth, v, how);
	}
}

/* Free what lpm_table_alloc made; t may be partly built. */
static void
lpm_table_release(struct lpm_table *t)
{
	lpm_rules_fini(&t->rules);
	lpm_tbl8_pool_fini(&t->tbl8s);
	rte_free(t);
}

static struct lpm_table *
lpm_table_alloc(const char *name, int socket_id, const struct rte_lpm_config *config)
{
	struct lpm_table *t;

	t = rte_zmalloc_socket("LPM", sizeof(*t), RTE_CACHE_LINE_SIZE, socket_id);
	if (t == NULL) {
		LPM_LOG(ERR,
			"LPM %s: no memory for the %zu-byte tables on socket %d; give "
			"the EAL more memory (-m/--socket-mem)\n",
			name, sizeof(*t), socket_id);
		return NULL;
	}
	if (lpm_tbl8_pool_init(&t->tbl8s, name, config->number_tbl8s, socket_id) < 0)
		goto out_release;
	t->lpm.tbl8 = (struct rte_lpm_tbl_entry *)t->tbl8s.entries;
	if (lpm_rules_init(&t->rules, sizeof(uint32_t), config->max_rules, socket_id) < 0)
		goto out_release;
	return t;

out_release:
	lpm_table_release(t);
	return NULL;
}

__rte_export struct rte_lpm *
rte_lpm_create(const char *name, int socket_id, const struct rte_lpm_config *config)
{
	struct lpm_table *t;
	int err;

	err = lpm_config_check("LPM", name, socket_id, config, config ? config->max_rules : 0,
			       config ? config->number_tbl8s : 0, RTE_LPM_MAX_TBL8_NUM_GROUPS);
	if (err < 0)
		goto out_err;
	/* Checked before the allocation too, so that a taken name costs no 64 MiB. */
	if (lpm_names_find(LPM_KIND_IPV4, name) != NULL) {
		err = -EEXIST;
		goto out_exists;
	}
	t = lpm_table_alloc(name, socket_id, config);
	if (t == NULL) {
		err = -ENOMEM;
		goto out_err;
	}
	err = lpm_names_add(LPM_KIND_IPV4, &t->name, name);
	if (err < 0) {
		lpm_table_release(t);
		goto out_exists;
	}
	return &t->lpm;

out_exists:
	lpm_names_log_exists("LPM", name, "rte_lpm_find_existing");
out_err:
	rte_errno = -err;
	return NULL;
}

__rte_export struct rte_lpm *
rte_lpm_find_existing(const char *name)
{
	struct lpm_name *n = name != NULL ? lpm_names_find(LPM_KIND_IPV4, name) : NULL;

	if (n == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return &container_of(n, struct lpm_table, name)->lpm;
}

__rte_export void
rte_lpm_free(struct rte_lpm *lpm)
{
	struct lpm_table *t;

	if (lpm == NULL)
		return;
	t = lpm_table_of(lpm);
	lpm_names_remove(&t->name);
	lpm_rcu_fini(t);
	lpm_table_release(t);
}

/* Write a rule deeper than 24 into the tbl8 group of its /24, made on first use. */
static int
lpm_add_tbl8(struct lpm_table *t, uint32_t ip, uint8_t depth, uint32_t next_hop)
{
	uint32_t *slot24 = &lpm_tbl24(t)[ip >> 8];
	uint32_t first = ip & 0xff, n = UINT32_C(1) << (RTE_LPM_MAX_DEPTH - depth);
	uint32_t v = lpm_entry_make(next_hop, depth) | LPM_ENTRY_GROUP;
	uint32_t e = *slot24, g, j, fill, *grp;

	if (__RTE_LPM_ENTRY_IS_EXT(e)) {
		grp = lpm_tbl8_group(t, e & LPM_ENTRY_NEXT_HOP_MASK);
		lpm_entries_rewrite(grp + first, n, depth, v, LPM_REWRITE_ADD);
		return 0;
	}
	/* Groups whose grace period is over come back from the defer queue. */
	if (lpm_tbl8_pool_alloc(&t->tbl8s, &g) < 0 &&
	    (!lpm_rcu_reclaim(t) || lpm_tbl8_pool_alloc(&t->tbl8s, &g) < 0)) {
		LPM_LOG(ERR,
			"LPM %s: all %u tbl8 groups are in use%s, cannot add " LPM_IP_FMT
			"; create the table with a larger number_tbl8s\n",
			t->name.name, t->tbl8s.n,
			t->rcu_dq != NULL ? " or wait for readers' quiescent states" : "",
			LPM_IP_ARGS(ip, depth));
		return -ENOSPC;
	}
	/* The group inherits the /24's rule (if any) where the new rule does not apply. */
	fill = (e & LPM_ENTRY_VALID) ? e | LPM_ENTRY_GROUP : LPM_ENTRY_GROUP;
	grp = lpm_tbl8_group(t, g);
	for (j = 0; j < RTE_LPM_TBL8_GROUP_NUM_ENTRIES; j++)
		grp[j] = (j >= first && j < first + n) ? v : fill;
	/* Publish the filled group; pairs with the lookup's dependent load of tbl8. */
	__atomic_store_n(slot24, g | LPM_ENTRY_VALID | LPM_ENTRY_GROUP, __ATOMIC_RELEASE);
	return 0;
}

static int
lpm_add_entries(struct lpm_table *t, uint32_t ip, uint8_t depth, uint32_t next_hop)
{
	if (depth <= LPM_MAX_DEPTH_TBL24) {
		lpm_tbl24_rewrite(t, ip, depth, lpm_entry_make(next_hop, depth), LPM_REWRITE_ADD);
		return 0;
	}
	return lpm_add_tbl8(t, ip, depth, next_hop);
}

/* -EINVAL with a log line unless lpm and depth are usable. */
static int
lpm_args_check(const char *fn, const struct rte_lpm *lpm, uint8_t depth)
{
	if (lpm == NULL) {
		LPM_LOG(ERR, "%s: lpm is NULL\n", fn);
		return -EINVAL;
	}
	if (depth < 1 || depth > RTE_LPM_MAX_DEPTH) {
		LPM_LOG(ERR, "%s: depth %u is not 1..%d (a default route is two /1 rules)\n", fn,
			depth, RTE_LPM_MAX_DEPTH);
		return -EINVAL;
	}
	return 0;
}

__rte_export int
rte_lpm_add(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t next_hop)
{
	struct lpm_table *t;
	struct lpm_rule *r;
	uint32_t key;
	int ret;

	ret = lpm_args_check(__func__, lpm, depth);
	if (ret < 0)
		return ret;
	if (next_hop > LPM_ENTRY_NEXT_HOP_MASK) {
		LPM_LOG(ERR, "rte_lpm_add: next hop %#x does not fit in 24 bits\n", next_hop);
		return -EINVAL;
	}
	t = lpm_table_of(lpm);
	ip &= lpm_depth_mask(depth);
	r = lpm_rules_find(&t->rules, lpm_ip_key(ip, &key), depth);
	if (r != NULL) {
		/* A new next hop for an existing rule: its entries exist, nothing to allocate. */
		if (r->next_hop != next_hop) {
			r->next_hop = next_hop;
			lpm_add_entries(t, ip, depth, next_hop);
		}
		return 0;
	}
	ret = lpm_rules_insert(&t->rules, lpm_ip_key(ip, &key), depth, next_hop);
	if (ret < 0) {
		LPM_LOG(ERR,
			"LPM %s: holds its max_rules (%u) rules, cannot add " LPM_IP_FMT
			"; delete rules or create it with a larger max_rules\n",
			t->name.name, t->rules.max_rules, LPM_IP_ARGS(ip, depth));
		return ret;
	}
	ret = lpm_add_entries(t, ip, depth, next_hop);
	if (ret < 0)
		lpm_rules_remove(&t->rules, lpm_rules_find(&t->rules, lpm_ip_key(ip, &key), depth));
	return ret;
}

__rte_export int
rte_lpm_is_rule_present(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t *next_hop)
{
	const struct lpm_rule *r;
	uint32_t key;
	int ret;

	ret = lpm_args_check(__func__, lpm, depth);
	if (ret < 0)
		return ret;
	if (next_hop == NULL) {
		LPM_LOG(ERR, "rte_lpm_is_rule_present: next_hop is NULL\n");
		return -EINVAL;
	}
	r = lpm_rules_find(&lpm_table_of(lpm)->rules, lpm_ip_key(ip & lpm_depth_mask(depth), &key),
			   depth);
	if (r == NULL)
		return 0;
	*next_hop = r->next_hop;
	return 1;
}

/* Entry value that replaces a deleted rule's: the covering rule's, or empty. */
static uint32_t
lpm_cover_entry(const struct lpm_rule *cover)
{
	return cover != NULL ? lpm_entry_make(cover->next_hop, cover->depth) : 0;
}

static void
lpm_delete_tbl8(struct lpm_table *t, uint32_t ip, uint8_t depth, const struct lpm_rule *cover)
{
	uint32_t *slot24 = &lpm_tbl24(t)[ip >> 8];
	uint32_t first = ip & 0xff, n = UINT32_C(1) << (RTE_LPM_MAX_DEPTH - depth);
	uint32_t v = lpm_cover_entry(cover) | LPM_ENTRY_GROUP;
	uint32_t g = *slot24 & LPM_ENTRY_NEXT_HOP_MASK, j, *grp;

	grp = lpm_tbl8_group(t, g);
	lpm_entries_rewrite(grp + first, n, depth, v, LPM_REWRITE_DELETE);
	/*
	 * With no rule deeper than 24 left in this /24, all 256 entries hold
	 * the same rule of depth <= 24 (or none): fold it back into tbl24 and
	 * give the group back.
	 */
	for (j = 0; j < RTE_LPM_TBL8_GROUP_NUM_ENTRIES; j++)
		if ((grp[j] & LPM_ENTRY_VALID) && lpm_entry_depth(grp[j]) > LPM_MAX_DEPTH_TBL24)
			return;
	lpm_entry_store(slot24, (grp[0] & LPM_ENTRY_VALID) ? grp[0] & ~LPM_ENTRY_GROUP : 0);
	lpm_rcu_group_free(t, g);
}

__rte_export int
rte_lpm_delete(struct rte_lpm *lpm, uint32_t ip, uint8_t depth)
{
	const struct lpm_rule *cover;
	struct lpm_table *t;
	struct lpm_rule *r;
	uint32_t key;
	int ret;

	ret = lpm_args_check(__func__, lpm, depth);
	if (ret < 0)
		return ret;
	t = lpm_table_of(lpm);
	ip &= lpm_depth_mask(depth);
	r = lpm_rules_find(&t->rules, lpm_ip_key(ip, &key), depth);
	if (r == NULL) {
		LPM_LOG(ERR, "LPM %s: no rule " LPM_IP_FMT " to delete\n", t->name.name,
			LPM_IP_ARGS(ip, depth));
		return -EINVAL;
	}
	lpm_rules_remove(&t->rules, r);
	cover = lpm_rules_find_cover(&t->rules, lpm_ip_key(ip, &key), depth);
	if (depth <= LPM_MAX_DEPTH_TBL24)
		lpm_tbl24_rewrite(t, ip, depth, lpm_cover_entry(cover), LPM_REWRITE_DELETE);
	else
		lpm_delete_tbl8(t, ip, depth, cover);
	return 0;
}

__rte_export void
rte_lpm_delete_all(struct rte_lpm *lpm)
{
	struct lpm_table *t;

	if (lpm == NULL)
		return;
	t = lpm_table_of(lpm);
	memset(t->lpm.tbl24, 0, sizeof(t->lpm.tbl24));
	lpm_rcu_reset(t);
	lpm_tbl8_pool_reset(&t->tbl8s);
	lpm_rules_clear(&t->rules);
}
