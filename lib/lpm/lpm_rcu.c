/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QSBR-based freeing of tbl8 groups (rte_lpm_rcu_qsbr_add). Deleting the
 * last rule deeper than 24 of a /24 folds its tbl8 group back into tbl24;
 * a lookup that read the old tbl24 entry may still be about to read the
 * group, so the group is cleared and reused only after the readers
 * registered on the table's QS variable have passed a quiescent state.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"
#include "lpm_private.h"

#define LPM_LOG(level, ...) RTE_LOG(level, LPM, __VA_ARGS__)

/* What waits on the defer queue for one freed group. */
struct lpm_rcu_entry {
	uint32_t group;
	uint32_t gen; /* t->rcu_gen when queued */
};

/* free_fn of the defer queue; runs inside the caller's (serialised) update. */
static void
lpm_rcu_dq_free(void *p, void *elem, unsigned int n)
{
	struct lpm_table *t = p;
	struct lpm_rcu_entry e;

	RTE_SET_USED(n);
	memcpy(&e, elem, sizeof(e));
	/* delete_all reset the pool; this group is free already. */
	if (e.gen == t->rcu_gen)
		lpm_tbl8_pool_free(&t->tbl8s, e.group);
}

void
lpm_rcu_group_free(struct lpm_table *t, uint32_t g)
{
	struct lpm_rcu_entry e = {.group = g, .gen = t->rcu_gen};

	if (t->rcu_v == NULL) {
		lpm_tbl8_pool_free(&t->tbl8s, g);
		return;
	}
	/* SYNC mode, or a full queue (readers stalled): wait rather than leak. */
	if (t->rcu_dq != NULL && rte_rcu_qsbr_dq_enqueue(t->rcu_dq, &e) == 0)
		return;
	rte_rcu_qsbr_synchronize(t->rcu_v, RTE_QSBR_THRID_INVALID);
	lpm_tbl8_pool_free(&t->tbl8s, g);
}

bool
lpm_rcu_reclaim(struct lpm_table *t)
{
	unsigned int freed = 0;

	if (t->rcu_dq == NULL)
		return false;
	/* One group is all an add needs. */
	rte_rcu_qsbr_dq_reclaim(t->rcu_dq, 1, &freed, NULL, NULL);
	return freed != 0;
}

void
lpm_rcu_reset(struct lpm_table *t)
{
	t->rcu_gen++;
}

void
lpm_rcu_fini(struct lpm_table *t)
{
	if (t->rcu_dq != NULL && rte_rcu_qsbr_dq_delete(t->rcu_dq) != 0)
		LPM_LOG(ERR,
			"rte_lpm_free %s: freed tbl8 groups still wait for readers; their defer "
			"queue stays allocated. Have the readers report a quiescent state or "
			"unregister before freeing the table\n",
			t->name.name);
	t->rcu_dq = NULL;
	t->rcu_v = NULL;
}

static int
lpm_rcu_dq_make(struct lpm_table *t, const struct rte_lpm_rcu_config *cfg)
{
	char name[RTE_RCU_QSBR_DQ_NAMESIZE];
	struct rte_rcu_qsbr_dq_parameters params = {
		.name = name,
		/* Every group can be freed and waiting at once. */
		.size = cfg->dq_size != 0 ? cfg->dq_size : RTE_MAX(t->tbl8s.n, 1u),
		.esize = sizeof(struct lpm_rcu_entry),
		.trigger_reclaim_limit = cfg->reclaim_thd,
		.max_reclaim_size =
			cfg->reclaim_max != 0 ? cfg->reclaim_max : RTE_LPM_RCU_DQ_RECLAIM_MAX,
		.free_fn = lpm_rcu_dq_free,
		.p = t,
		.v = cfg->v,
	};

	/* Table names are as long as ring names: the address keeps it unique. */
	snprintf(name, sizeof(name), "LPM_RCU_%" PRIxPTR, (uintptr_t)t);
	t->rcu_dq = rte_rcu_qsbr_dq_create(&params);
	if (t->rcu_dq == NULL) {
		LPM_LOG(ERR, "rte_lpm_rcu_qsbr_add %s: no defer queue (%s)\n", t->name.name,
			rte_strerror(rte_errno));
		return 1;
	}
	return 0;
}

__rte_export int
rte_lpm_rcu_qsbr_add(struct rte_lpm *lpm, struct rte_lpm_rcu_config *cfg)
{
	struct lpm_table *t;

	if (lpm == NULL || cfg == NULL || cfg->v == NULL) {
		LPM_LOG(ERR, "rte_lpm_rcu_qsbr_add: %s is NULL\n",
			lpm == NULL ? "lpm" : (cfg == NULL ? "cfg" : "cfg->v"));
		rte_errno = EINVAL;
		return 1;
	}
	t = container_of(lpm, struct lpm_table, lpm);
	if (t->rcu_v != NULL) {
		LPM_LOG(ERR, "rte_lpm_rcu_qsbr_add %s: a QSBR variable is attached already\n",
			t->name.name);
		rte_errno = EEXIST;
		return 1;
	}
	if (cfg->mode != RTE_LPM_QSBR_MODE_DQ && cfg->mode != RTE_LPM_QSBR_MODE_SYNC) {
		LPM_LOG(ERR,
			"rte_lpm_rcu_qsbr_add %s: mode %d unknown; use RTE_LPM_QSBR_MODE_DQ or "
			"RTE_LPM_QSBR_MODE_SYNC\n",
			t->name.name, (int)cfg->mode);
		rte_errno = EINVAL;
		return 1;
	}
	if (cfg->mode == RTE_LPM_QSBR_MODE_DQ && lpm_rcu_dq_make(t, cfg) != 0)
		return 1;
	t->rcu_mode = cfg->mode;
	t->rcu_v = cfg->v;
	return 0;
}
