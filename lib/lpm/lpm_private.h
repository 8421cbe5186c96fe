/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of an IPv4 LPM table: the private state around struct rte_lpm,
 * the encoding of table entries as 32-bit words, and the rule set.
 */
#ifndef _LPM_PRIVATE_H_
#define _LPM_PRIVATE_H_

#include <stdint.h>
#include <sys/queue.h>

#include <rte_lpm.h>

/* Entry bits, as struct rte_lpm_tbl_entry lays them out (tested by the unit suite). */
#define LPM_ENTRY_NEXT_HOP_MASK 0x00ffffffu
#define LPM_ENTRY_VALID (1u << 24)
#define LPM_ENTRY_GROUP (1u << 25)
#define LPM_ENTRY_DEPTH_SHIFT 26
#define LPM_MAX_DEPTH_TBL24 24

_Static_assert(LPM_ENTRY_VALID == RTE_LPM_LOOKUP_SUCCESS, "valid is the success bit");
_Static_assert((LPM_ENTRY_VALID | LPM_ENTRY_GROUP) == RTE_LPM_VALID_EXT_ENTRY_BITMASK,
	       "valid and valid_group make the extension mask");
_Static_assert(sizeof(struct rte_lpm_tbl_entry) == sizeof(uint32_t), "entries are 32 bits");

static inline uint32_t
lpm_entry_depth(uint32_t e)
{
	return e >> LPM_ENTRY_DEPTH_SHIFT;
}

/* One rule: its masked address, depth (0 marks a free slot) and next hop. */
struct lpm_rule {
	uint32_t ip;
	uint32_t next_hop;
	uint8_t depth;
};

/*
 * The rules of a table: an open-addressing hash on (ip, depth) with linear
 * probing, sized to twice max_rules so probes stay short; a count a depth
 * lets the search for a covering rule skip depths that have none.
 */
struct lpm_rules {
	struct lpm_rule *slots;
	uint32_t mask; /* slot count - 1 */
	uint32_t max_rules;
	uint32_t count;
	uint32_t depth_count[RTE_LPM_MAX_DEPTH + 1];
};

int lpm_rules_init(struct lpm_rules *rs, uint32_t max_rules, int socket_id);
void lpm_rules_fini(struct lpm_rules *rs);
void lpm_rules_clear(struct lpm_rules *rs);
/* The rule ip/depth (ip already masked), or NULL. */
struct lpm_rule *lpm_rules_find(const struct lpm_rules *rs, uint32_t ip, uint8_t depth);
/* Insert a rule known to be absent; -ENOSPC when max_rules are present. */
int lpm_rules_insert(struct lpm_rules *rs, uint32_t ip, uint8_t depth, uint32_t next_hop);
/* Remove a rule returned by lpm_rules_find. */
void lpm_rules_remove(struct lpm_rules *rs, struct lpm_rule *r);
/* The longest rule shorter than depth that covers ip, or NULL. */
const struct lpm_rule *lpm_rules_find_cover(const struct lpm_rules *rs, uint32_t ip, uint8_t depth);

static inline uint32_t
lpm_depth_mask(uint8_t depth)
{
	return depth == 0 ? 0 : UINT32_MAX << (32 - depth);
}

/* A table: the public part first, so that struct rte_lpm * converts back. */
struct lpm_table {
	struct rte_lpm lpm;
	TAILQ_ENTRY(lpm_table) next; /* in the list of named tables */
	char name[RTE_LPM_NAMESIZE];
	uint32_t number_tbl8s;
	uint32_t *tbl8_free; /* stack of free tbl8 group indexes */
	uint32_t tbl8_free_count;
	struct lpm_rules rules;
};

#endif /* _LPM_PRIVATE_H_ */
