/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rule set of an LPM table (IPv4 or IPv6). The tables answer
 * lookups; this set answers the control path: does a rule exist, and
 * which shorter rule takes over the addresses of a deleted one.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "lpm_common.h"

/* Slots are kept at most half full; max_rules above this cannot be sized. */
#define LPM_RULES_MAX (UINT32_C(1) << 30)

static struct lpm_rule *
lpm_rules_slot(const struct lpm_rules *rs, uint32_t i)
{
	return (struct lpm_rule *)(rs->slots + (size_t)i * rs->stride);
}

static uint32_t
lpm_rules_hash(const struct lpm_rules *rs, const uint8_t *key, uint8_t depth)
{
	uint32_t h = (uint32_t)depth * 0x9e3779b9u, w;
	unsigned int i;

	for (i = 0; i < rs->key_len; i += 4) {
		memcpy(&w, key + i, 4);
		h = (h ^ w) * 0x01000193u;
		h ^= h >> 15;
	}
	/* Murmur3's finaliser: every input bit reaches the low bits used as index. */
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h & rs->mask;
}

void
lpm_key_mask(uint8_t *key, unsigned int key_len, uint8_t depth)
{
	unsigned int i;

	for (i = 0; i<key_len; i++, depth = depth> 8 ? depth - 8 : 0)
		key[i] &= depth >= 8 ? 0xff : (uint8_t)(0xff00 >> depth);
}

int
lpm_rules_init(struct lpm_rules *rs, unsigned int key_len, uint32_t max_rules, int socket_id)
{
	uint32_t slots;

	memset(rs, 0, sizeof(*rs));
	if (max_rules > LPM_RULES_MAX) {
		RTE_LOG(ERR, LPM, "max_rules %u is more than this library can index (%u)\n",
			max_rules, LPM_RULES_MAX);
		return -ENOMEM;
	}
	rs->key_len = key_len;
	rs->stride = sizeof(struct lpm_rule) + key_len;
	slots = rte_align32pow2(RTE_MAX(max_rules * 2, 16u));
	rs->slots = rte_zmalloc_socket("LPM_RULES", (size_t)slots * rs->stride, RTE_CACHE_LINE_SIZE,
				       socket_id);
	if (rs->slots == NULL) {
		RTE_LOG(ERR, LPM,
			"no memory for %u rules on socket %d; lower max_rules or "
			"give the EAL more memory\n",
			max_rules, socket_id);
		return -ENOMEM;
	}
	rs->mask = slots - 1;
	rs->max_rules = max_rules;
	return 0;
}

void
lpm_rules_fini(struct lpm_rules *rs)
{
	rte_free(rs->slots);
	rs->slots = NULL;
}

void
lpm_rules_clear(struct lpm_rules *rs)
{
	memset(rs->slots, 0, ((size_t)rs->mask + 1) * rs->stride);
	memset(rs->depth_count, 0, sizeof(rs->depth_count));
	rs->count = 0;
}

struct lpm_rule *
lpm_rules_find(const struct lpm_rules *rs, const uint8_t *key, uint8_t depth)
{
	struct lpm_rule *r;
	uint32_t i;

	if (rs->depth_count[depth] == 0)
		return NULL;
	/* Never full (at most half the slots used), so the probe meets a free slot. */
	for (i = lpm_rules_hash(rs, key, depth);; i = (i + 1) & rs->mask) {
		r = lpm_rules_slot(rs, i);
		if (r->depth == 0)
			return NULL;
		if (r->depth == depth && memcmp(r->key, key, rs->key_len) == 0)
			return r;
	}
}

int
lpm_rules_insert(struct lpm_rules *rs, const uint8_t *key, uint8_t depth, uint32_t next_hop)
{
	struct lpm_rule *r;
	uint32_t i;

	if (rs->count >= rs->max_rules)
		return -ENOSPC;
	for (i = lpm_rules_hash(rs, key, depth); lpm_rules_slot(rs, i)->depth != 0;
	     i = (i + 1) & rs->mask)
		;
	r = lpm_rules_slot(rs, i);
	r->next_hop = next_hop;
	r->depth = depth;
	memcpy(r->key, key, rs->key_len);
	rs->count++;
	rs->depth_count[depth]++;
	return 0;
}

void
lpm_rules_remove(struct lpm_rules *rs, struct lpm_rule *r)
{
	uint32_t hole = (uint32_t)(((uint8_t *)r - rs->slots) / rs->stride);
	struct lpm_rule *s;
	uint32_t i, home;

	rs->count--;
	rs->depth_count[r->depth]--;
	/*
	 * Backward-shift deletion: move later members of the probe run into
	 * the hole when their home slot is not cyclically after the hole, so
	 * that every remaining rule stays reachable from its home slot.
	 */
	for (i = (hole + 1) & rs->mask; (s = lpm_rules_slot(rs, i))->depth != 0;
	     i = (i + 1) & rs->mask) {
		home = lpm_rules_hash(rs, s->key, s->depth);
		if (((i - home) & rs->mask) >= ((i - hole) & rs->mask)) {
			memcpy(lpm_rules_slot(rs, hole), s, rs->stride);
			hole = i;
		}
	}
	lpm_rules_slot(rs, hole)->depth = 0;
}

const struct lpm_rule *
lpm_rules_find_cover(const struct lpm_rules *rs, const uint8_t *key, uint8_t depth)
{
	uint8_t masked[LPM_KEY_MAX];
	const struct lpm_rule *r;
	uint8_t d;

	for (d = depth - 1; d > 0; d--) {
		if (rs->depth_count[d] == 0)
			continue;
		memcpy(masked, key, rs->key_len);
		lpm_key_mask(masked, rs->key_len, d);
		r = lpm_rules_find(rs, masked, d);
		if (r != NULL)
			return r;
	}
	return NULL;
}
