/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv6 longest-prefix match: a multibit trie of 14 levels. Level 0 is a
 * table of 2^24 entries indexed by the first three bytes of an address;
 * each of levels 1-13 is a 256-entry tbl8 group indexed by the next byte.
 * An entry holds the next hop of the longest rule covering its part of the
 * address space, or points to the group of the next level where rules
 * longer than the level's end split it. Groups are taken from a pool as
 * rules need them and given back when no rule needs the split.
 *
 * Entries are written as single 32-bit stores and a new group is filled
 * before the entry pointing to it is published (release store), so lookups
 * may run concurrently with a writer.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_lpm6.h>

#include "eal_private.h"
#include "lpm_common.h"

/* Entry bits (private: the table is opaque). */
#define LPM6_NEXT_HOP_MASK 0x1fffffu /* also the group index of an extended entry */
#define LPM6_VALID (1u << 21)
#define LPM6_EXT (1u << 22)
#define LPM6_DEPTH_SHIFT 24
#define LPM6_MAX_TBL8S (1u << 21)
#define LPM6_TBL24_ENTRIES (1u << 24)
/* tbl24 and one tbl8 level for each of the last 13 bytes. */
#define LPM6_LEVELS 14

_Static_assert(RTE_LPM6_MAX_DEPTH <= LPM_DEPTH_MAX, "rule set holds every depth");
_Static_assert(RTE_LPM6_IPV6_ADDR_SIZE <= LPM_KEY_MAX, "rule set holds an address");
_Static_assert(RTE_LPM6_NAMESIZE == LPM_NAMESIZE, "one name size for both tables");
_Static_assert(LPM6_MAX_TBL8S - 1 == LPM6_NEXT_HOP_MASK, "a group index fits an entry");

struct rte_lpm6 {
	uint32_t *tbl24;
	struct lpm_tbl8_pool tbl8s;
	struct lpm_rules rules;
	struct lpm_name name;
};

enum lpm6_rewrite {
	LPM6_REWRITE_ADD,
	LPM6_REWRITE_DELETE,
};

static uint32_t
lpm6_entry_make(uint32_t next_hop, uint8_t depth)
{
	return next_hop | LPM6_VALID | (uint32_t)depth << LPM6_DEPTH_SHIFT;
}

static unsigned int
lpm6_entry_depth(uint32_t e)
{
	return e >> LPM6_DEPTH_SHIFT;
}

/* The level a rule of depth ends in, and the bit where level ends. */
static unsigned int
lpm6_level_of(uint8_t depth)
{
	return depth <= 24 ? 0 : (depth - 24 + 7) / 8;
}

static unsigned int
lpm6_level_end(unsigned int level)
{
	return 24 + 8 * level;
}

/* ip's index into its table of level. */
static uint32_t
lpm6_index(const uint8_t *ip, unsigned int level)
{
	if (level == 0)
		return (uint32_t)ip[0] << 16 | (uint32_t)ip[1] << 8 | ip[2];
	return ip[2 + level];
}

static uint32_t *
lpm6_group(const struct rte_lpm6 *t, uint32_t e)
{
	return lpm_tbl8_pool_group(&t->tbl8s, e & LPM6_NEXT_HOP_MASK);
}

static void
lpm6_entry_store(uint32_t *slot, uint32_t e)
{
	/* Pairs with the plain 32-bit loads of the lookups: never a torn entry. */
	__atomic_store_n(slot, e, __ATOMIC_RELAXED);
}

/*
 * Is entry e rewritten by the add or delete of a rule of depth? An add
 * takes entries that are empty or hold a shorter rule (or this one); a
 * delete takes those of exactly this rule, as rules of one depth never
 * overlap.
 */
static bool
lpm6_entry_taken(uint32_t e, uint8_t depth, enum lpm6_rewrite how)
{
	if (!(e & LPM6_VALID))
		return how == LPM6_REWRITE_ADD;
	if (how == LPM6_REWRITE_ADD)
		return lpm6_entry_depth(e) <= depth;
	return lpm6_entry_depth(e) == depth;
}

/* Store v in the n entries at ent the update takes, through groups of deeper levels. */
static void
lpm6_rewrite(struct rte_lpm6 *t, uint32_t *ent, uint32_t n, uint8_t depth, uint32_t v,
	     enum lpm6_rewrite how)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (ent[i] & LPM6_EXT)
			lpm6_rewrite(t, lpm6_group(t, ent[i]), LPM_TBL8_GROUP_ENTRIES, depth, v,
				     how);
		else if (lpm6_entry_taken(ent[i], depth, how))
			lpm6_entry_store(&ent[i], v);
	}
}

/* Rewrite the entries a rule key/depth covers, in the table of its level. */
static void
lpm6_rewrite_rule(struct rte_lpm6 *t, uint32_t *tbl, const uint8_t *key, uint8_t depth, uint32_t v,
		  enum lpm6_rewrite how)
{
	unsigned int level = lpm6_level_of(depth);

	lpm6_rewrite(t, tbl + lpm6_index(key, level),
		     UINT32_C(1) << (lpm6_level_end(level) - depth), depth, v, how);
}

/* Groups an add of key/depth must take: one a level below the last existing one. */
static uint32_t
lpm6_groups_needed(const struct rte_lpm6 *t, const uint8_t *key, uint8_t depth)
{
	unsigned int level = lpm6_level_of(depth), k;
	const uint32_t *tbl = t->tbl24;
	uint32_t e;

	for (k = 1; k <= level; k++) {
		e = tbl[lpm6_index(key, k - 1)];
		if (!(e & LPM6_EXT))
			return level - k + 1;
		tbl = lpm6_group(t, e);
	}
	return 0;
}

/*
 * The table of key/depth's level, making the groups on the way: each new
 * group starts with the entry it replaces, everywhere. The caller checked
 * that the pool has enough groups.
 */
static uint32_t *
lpm6_path_make(struct rte_lpm6 *t, const uint8_t *key, uint8_t depth)
{
	unsigned int level = lpm6_level_of(depth), k, j;
	uint32_t *tbl = t->tbl24, *slot, *grp;
	uint32_t e, g;

	for (k = 1; k <= level; k++) {
		slot = &tbl[lpm6_index(key, k - 1)];
		e = *slot;
		if (!(e & LPM6_EXT)) {
			if (lpm_tbl8_pool_alloc(&t->tbl8s, &g) < 0)
				return NULL; /* not reached: counted before */
			grp = lpm_tbl8_pool_group(&t->tbl8s, g);
			for (j = 0; j < LPM_TBL8_GROUP_ENTRIES; j++)
				grp[j] = e;
			/* Publish the filled group; lookups load it through this entry. */
			e = g | LPM6_VALID | LPM6_EXT;
			__atomic_store_n(slot, e, __ATOMIC_RELEASE);
		}
		tbl = lpm6_group(t, e);
	}
	return tbl;
}

static void
lpm6_log_rule(const char *what, const struct rte_lpm6 *t, const uint8_t *ip, uint8_t depth,
	      const char *fix)
{
	char buf[INET6_ADDRSTRLEN];

	if (inet_ntop(AF_INET6, ip, buf, sizeof(buf)) == NULL)
		strcpy(buf, "?");
	RTE_LOG(ERR, LPM, "LPM6 %s: %s %s/%u%s\n", t->name.name, what, buf, depth, fix);
}

/* -EINVAL with a log line unless lpm, ip and depth are usable. */
static int
lpm6_args_check(const char *fn, const struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth)
{
	if (lpm == NULL || ip == NULL) {
		RTE_LOG(ERR, LPM, "%s: lpm and ip must not be NULL\n", fn);
		return -EINVAL;
	}
	if (depth < 1 || depth > RTE_LPM6_MAX_DEPTH) {
		RTE_LOG(ERR, LPM, "%s: depth %u is not 1..%d\n", fn, depth, RTE_LPM6_MAX_DEPTH);
		return -EINVAL;
	}
	return 0;
}

static void
lpm6_table_release(struct rte_lpm6 *t)
{
	lpm_rules_fini(&t->rules);
	lpm_tbl8_pool_fini(&t->tbl8s);
	rte_free(t->tbl24);
	rte_free(t);
}

static struct rte_lpm6 *
lpm6_table_alloc(const char *name, int socket_id, const struct rte_lpm6_config *config)
{
	struct rte_lpm6 *t;

	t = rte_zmalloc_socket("LPM6", sizeof(*t), RTE_CACHE_LINE_SIZE, socket_id);
	if (t == NULL)
		goto out_nomem;
	t->tbl24 = rte_zmalloc_socket("LPM6_TBL24", LPM6_TBL24_ENTRIES * sizeof(uint32_t),
				      RTE_CACHE_LINE_SIZE, socket_id);
	if (t->tbl24 == NULL)
		goto out_nomem;
	if (lpm_tbl8_pool_init(&t->tbl8s, name, config->number_tbl8s, socket_id) < 0 ||
	    lpm_rules_init(&t->rules, RTE_LPM6_IPV6_ADDR_SIZE, config->max_rules, socket_id) < 0)
		goto out_release;
	return t;

out_nomem:
	RTE_LOG(ERR, LPM,
		"LPM6 %s: no memory for the 64 MiB first-level table on socket %d; give "
		"the EAL more memory (-m/--socket-mem)\n",
		name, socket_id);
out_release:
	if (t != NULL)
		lpm6_table_release(t);
	return NULL;
}

__rte_export struct rte_lpm6 *
rte_lpm6_create(const char *name, int socket_id, const struct rte_lpm6_config *config)
{
	struct rte_lpm6 *t;
	int err;

	err = lpm_config_check("LPM6", name, socket_id, config, config ? config->max_rules : 0,
			       config ? config->number_tbl8s : 0, LPM6_MAX_TBL8S);
	if (err < 0)
		goto out_err;
	if (lpm_names_find(LPM_KIND_IPV6, name) != NULL) {
		err = -EEXIST;
		goto out_exists;
	}
	t = lpm6_table_alloc(name, socket_id, config);
	if (t == NULL) {
		err = -ENOMEM;
		goto out_err;
	}
	err = lpm_names_add(LPM_KIND_IPV6, &t->name, name);
	if (err < 0) {
		lpm6_table_release(t);
		goto out_exists;
	}
	return t;

out_exists:
	lpm_names_log_exists("LPM6", name, "rte_lpm6_find_existing");
out_err:
	rte_errno = -err;
	return NULL;
}

__rte_export struct rte_lpm6 *
rte_lpm6_find_existing(const char *name)
{
	struct lpm_name *n = name != NULL ? lpm_names_find(LPM_KIND_IPV6, name) : NULL;

	if (n == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return container_of(n, struct rte_lpm6, name);
}

__rte_export void
rte_lpm6_free(struct rte_lpm6 *lpm)
{
	if (lpm == NULL)
		return;
	lpm_names_remove(&lpm->name);
	lpm6_table_release(lpm);
}

__rte_export int
rte_lpm6_add(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth, uint32_t next_hop)
{
	uint8_t key[RTE_LPM6_IPV6_ADDR_SIZE];
	uint32_t v = lpm6_entry_make(next_hop, depth);
	struct lpm_rule *r;
	int ret;

	ret = lpm6_args_check(__func__, lpm, ip, depth);
	if (ret < 0)
		return ret;
	if (next_hop > LPM6_NEXT_HOP_MASK) {
		RTE_LOG(ERR, LPM, "rte_lpm6_add: next hop %#x does not fit in 21 bits\n", next_hop);
		return -EINVAL;
	}
	memcpy(key, ip, sizeof(key));
	lpm_key_mask(key, sizeof(key), depth);
	r = lpm_rules_find(&lpm->rules, key, depth);
	if (r != NULL) {
		/* A new next hop for an existing rule: its groups exist. */
		if (r->next_hop != next_hop) {
			r->next_hop = next_hop;
			lpm6_rewrite_rule(lpm, lpm6_path_make(lpm, key, depth), key, depth, v,
					  LPM6_REWRITE_ADD);
		}
		return 0;
	}
	/* Count first, so that a failed add leaves the table as it was. */
	if (lpm6_groups_needed(lpm, key, depth) > lpm->tbl8s.free_count) {
		lpm6_log_rule("too few free tbl8 groups to add", lpm, key, depth,
			      "; create the table with a larger number_tbl8s");
		return -ENOSPC;
	}
	if (lpm_rules_insert(&lpm->rules, key, depth, next_hop) < 0) {
		lpm6_log_rule("holds its max_rules rules, cannot add", lpm, key, depth,
			      "; delete rules or create it with a larger max_rules");
		return -ENOSPC;
	}
	lpm6_rewrite_rule(lpm, lpm6_path_make(lpm, key, depth), key, depth, v, LPM6_REWRITE_ADD);
	return 0;
}

__rte_export int
rte_lpm6_is_rule_present(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth, uint32_t *next_hop)
{
	uint8_t key[RTE_LPM6_IPV6_ADDR_SIZE];
	const struct lpm_rule *r;
	int ret;

	ret = lpm6_args_check(__func__, lpm, ip, depth);
	if (ret < 0)
		return ret;
	if (next_hop == NULL) {
		RTE_LOG(ERR, LPM, "rte_lpm6_is_rule_present: next_hop is NULL\n");
		return -EINVAL;
	}
	memcpy(key, ip, sizeof(key));
	lpm_key_mask(key, sizeof(key), depth);
	r = lpm_rules_find(&lpm->rules, key, depth);
	if (r == NULL)
		return 0;
	*next_hop = r->next_hop;
	return 1;
}

/*
 * Does group grp of a level starting at bit start hold nothing that needs
 * it: no deeper group and no rule longer than start? Then its 256 entries
 * are one and the same (the rule covering the whole group, or none).
 */
static bool
lpm6_group_foldable(const uint32_t *grp, unsigned int start)
{
	unsigned int j;

	for (j = 0; j < LPM_TBL8_GROUP_ENTRIES; j++)
		if ((grp[j] & LPM6_EXT) ||
		    ((grp[j] & LPM6_VALID) && lpm6_entry_depth(grp[j]) > start))
			return false;
	return true;
}

/* Delete key/depth (masked); -ENOENT without a log line when there is no such rule. */
static int
lpm6_rule_delete(struct rte_lpm6 *t, const uint8_t *key, uint8_t depth)
{
	unsigned int level = lpm6_level_of(depth), k;
	uint32_t *slots[LPM6_LEVELS];
	const struct lpm_rule *cover;
	struct lpm_rule *r;
	uint32_t *tbl = t->tbl24, *grp, g;

	r = lpm_rules_find(&t->rules, key, depth);
	if (r == NULL)
		return -ENOENT;
	lpm_rules_remove(&t->rules, r);
	cover = lpm_rules_find_cover(&t->rules, key, depth);
	/* The rule exists, so every level on its path above its own has a group. */
	for (k = 1; k <= level; k++) {
		slots[k] = &tbl[lpm6_index(key, k - 1)];
		tbl = lpm6_group(t, *slots[k]);
	}
	lpm6_rewrite_rule(t, tbl, key, depth,
			  cover != NULL ? lpm6_entry_make(cover->next_hop, cover->depth) : 0,
			  LPM6_REWRITE_DELETE);
	/* Give back the groups on the path that no remaining rule splits, deepest first. */
	for (k = level; k >= 1; k--) {
		g = *slots[k] & LPM6_NEXT_HOP_MASK;
		grp = lpm_tbl8_pool_group(&t->tbl8s, g);
		if (!lpm6_group_foldable(grp, lpm6_level_end(k - 1)))
			break;
		lpm6_entry_store(slots[k], grp[0]);
		lpm_tbl8_pool_free(&t->tbl8s, g);
	}
	return 0;
}

__rte_export int
rte_lpm6_delete(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth)
{
	uint8_t key[RTE_LPM6_IPV6_ADDR_SIZE];
	int ret;

	ret = lpm6_args_check(__func__, lpm, ip, depth);
	if (ret < 0)
		return ret;
	memcpy(key, ip, sizeof(key));
	lpm_key_mask(key, sizeof(key), depth);
	ret = lpm6_rule_delete(lpm, key, depth);
	if (ret < 0)
		lpm6_log_rule("no rule", lpm, key, depth, " to delete");
	return ret;
}

__rte_export int
rte_lpm6_delete_bulk_func(struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
			  uint8_t *depths, unsigned int n)
{
	uint8_t key[RTE_LPM6_IPV6_ADDR_SIZE];
	unsigned int i;

	if (lpm == NULL || ips == NULL || depths == NULL) {
		RTE_LOG(ERR, LPM,
			"rte_lpm6_delete_bulk_func: lpm, ips and depths must not be "
			"NULL\n");
		return -EINVAL;
	}
	/* As DPDK: rules that do not exist (or bad depths) are skipped. */
	for (i = 0; i < n; i++) {
		if (depths[i] < 1 || depths[i] > RTE_LPM6_MAX_DEPTH)
			continue;
		memcpy(key, ips[i], sizeof(key));
		lpm_key_mask(key, sizeof(key), depths[i]);
		lpm6_rule_delete(lpm, key, depths[i]);
	}
	return 0;
}

__rte_export void
rte_lpm6_delete_all(struct rte_lpm6 *lpm)
{
	if (lpm == NULL)
		return;
	memset(lpm->tbl24, 0, LPM6_TBL24_ENTRIES * sizeof(uint32_t));
	lpm_tbl8_pool_reset(&lpm->tbl8s);
	lpm_rules_clear(&lpm->rules);
}

/* The entry that resolves ip: at most one load a level. */
static uint32_t
lpm6_resolve(const struct rte_lpm6 *t, const uint8_t *ip)
{
	uint32_t e = t->tbl24[lpm6_index(ip, 0)];
	unsigned int b;

	for (b = 3; (e & LPM6_EXT) && b < RTE_LPM6_IPV6_ADDR_SIZE; b++)
		e = lpm6_group(t, e)[ip[b]];
	return e;
}

__rte_export int
rte_lpm6_lookup(const struct rte_lpm6 *lpm, const uint8_t *ip, uint32_t *next_hop)
{
	uint32_t e;

	if (lpm == NULL || ip == NULL || next_hop == NULL)
		return -EINVAL;
	e = lpm6_resolve(lpm, ip);
	if (!(e & LPM6_VALID))
		return -ENOENT;
	*next_hop = e & LPM6_NEXT_HOP_MASK;
	return 0;
}

__rte_export int
rte_lpm6_lookup_bulk_func(const struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
			  int32_t *next_hops, unsigned int n)
{
	unsigned int i;
	uint32_t e;

	if (lpm == NULL || ips == NULL || next_hops == NULL)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		e = lpm6_resolve(lpm, ips[i]);
		next_hops[i] = (e & LPM6_VALID) ? (int32_t)(e & LPM6_NEXT_HOP_MASK) : -1;
	}
	return 0;
}
