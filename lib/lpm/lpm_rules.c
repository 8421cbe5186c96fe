/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rule set of an IPv4 LPM table. The tables answer lookups; this set
 * answers the control path: does a rule exist, and which shorter rule
 * takes over the addresses of a deleted one.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "lpm_private.h"

/* Slots are kept at most half full; max_rules above this cannot be sized. */
#define LPM_RULES_MAX (UINT32_C(1) << 30)

static uint32_t
lpm_rules_hash(uint32_t ip, uint8_t depth)
{
	/* Murmur3's finaliser: every input bit reaches the low bits used as index. */
	uint32_t h = ip ^ ((uint32_t)depth * 0x9e3779b9u);

	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

int
lpm_rules_init(struct lpm_rules *rs, uint32_t max_rules, int socket_id)
{
	uint32_t slots;

	memset(rs, 0, sizeof(*rs));
	if (max_rules > LPM_RULES_MAX) {
		RTE_LOG(ERR, LPM, "max_rules %u is more than this library can index (%u)\n",
			max_rules, LPM_RULES_MAX);
		return -ENOMEM;
	}
	slots = rte_align32pow2(RTE_MAX(max_rules * 2, 16u));
	rs->slots = rte_zmalloc_socket("LPM_RULES", (size_t)slots * sizeof(rs->slots[0]),
				       RTE_CACHE_LINE_SIZE, socket_id);
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
	memset(rs->slots, 0, ((size_t)rs->mask + 1) * sizeof(rs->slots[0]));
	memset(rs->depth_count, 0, sizeof(rs->depth_count));
	rs->count = 0;
}

struct lpm_rule *
lpm_rules_find(const struct lpm_rules *rs, uint32_t ip, uint8_t depth)
{
	uint32_t i;

	if (rs->depth_count[depth] == 0)
		return NULL;
	/* Never full (at most half the slots used), so the probe meets a free slot. */
	for (i = lpm_rules_hash(ip, depth) & rs->mask; rs->slots[i].depth != 0;
	     i = (i + 1) & rs->mask)
		if (rs->slots[i].ip == ip && rs->slots[i].depth == depth)
			return &rs->slots[i];
	return NULL;
}

int
lpm_rules_insert(struct lpm_rules *rs, uint32_t ip, uint8_t depth, uint32_t next_hop)
{
	uint32_t i;

	if (rs->count >= rs->max_rules)
		return -ENOSPC;
	for (i = lpm_rules_hash(ip, depth) & rs->mask; rs->slots[i].depth != 0;
	     i = (i + 1) & rs->mask)
		;
	rs->slots[i] = (struct lpm_rule){.ip = ip, .next_hop = next_hop, .depth = depth};
	rs->count++;
	rs->depth_count[depth]++;
	return 0;
}

void
lpm_rules_remove(struct lpm_rules *rs, struct lpm_rule *r)
{
	uint32_t hole = (uint32_t)(r - rs->slots);
	uint32_t i, home;

	rs->count--;
	rs->depth_count[r->depth]--;
	/*
	 * Backward-shift deletion: move later members of the probe run into
	 * the hole when their home slot is not cyclically after the hole, so
	 * that every remaining rule stays reachable from its home slot.
	 */
	for (i = (hole + 1) & rs->mask; rs->slots[i].depth != 0; i = (i + 1) & rs->mask) {
		home = lpm_rules_hash(rs->slots[i].ip, rs->slots[i].depth) & rs->mask;
		if (((i - home) & rs->mask) >= ((i - hole) & rs->mask)) {
			rs->slots[hole] = rs->slots[i];
			hole = i;
		}
	}
	rs->slots[hole].depth = 0;
}

const struct lpm_rule *
lpm_rules_find_cover(const struct lpm_rules *rs, uint32_t ip, uint8_t depth)
{
	const struct lpm_rule *r;
	uint8_t d;

	for (d = depth - 1; d > 0; d--) {
		r = lpm_rules_find(rs, ip & lpm_depth_mask(d), d);
		if (r != NULL)
			return r;
	}
	return NULL;
}
