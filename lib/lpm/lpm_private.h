/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of an IPv4 LPM table: the private state around struct rte_lpm,
 * the encoding of table entries as 32-bit words.
 */
#ifndef _LPM_PRIVATE_H_
#define _LPM_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_lpm.h>

#include "lpm_common.h"

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

static inline uint32_t
lpm_depth_mask(uint8_t depth)
{
	return depth == 0 ? 0 : UINT32_MAX << (32 - depth);
}

/* A table: the public part first, so that struct rte_lpm * converts back. */
struct lpm_table {
	struct rte_lpm lpm;
	struct lpm_name name;
	struct lpm_tbl8_pool tbl8s; /* lpm.tbl8 is tbl8s.entries */
	struct lpm_rules rules;
	/* Attached QSBR variable (NULL: none), its mode, and in DQ mode the
	 * queue of freed groups waiting for their grace period. */
	struct rte_rcu_qsbr *rcu_v;
	enum rte_lpm_qsbr_mode rcu_mode;
	struct rte_rcu_qsbr_dq *rcu_dq;
	/* Bumped by delete_all: queued groups of an older generation are free already. */
	uint32_t rcu_gen;
};

/* Deferred freeing of tbl8 groups (lpm_rcu.c). */
/* Give group g back, after a grace period when a QSBR variable is attached. */
void lpm_rcu_group_free(struct lpm_table *t, uint32_t g);
/* Free what the defer queue may free now; true if anything was. */
bool lpm_rcu_reclaim(struct lpm_table *t);
/* Forget queued groups: the pool is being reset. */
void lpm_rcu_reset(struct lpm_table *t);
/* Delete the defer queue. */
void lpm_rcu_fini(struct lpm_table *t);

#endif /* _LPM_PRIVATE_H_ */
