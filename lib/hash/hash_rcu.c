/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QSBR-based freeing of deleted keys (rte_hash_rcu_qsbr_add). A deleted
 * key's position, and the extendable bucket its deletion emptied, go back
 * to the free lists only after the readers registered on the table's QS
 * variable have passed a quiescent state: a lock-free reader may still be
 * comparing that key or walking that bucket.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_ring_elem.h>

#include "hash_private.h"

/* Deleted keys freed at a time by default (DPDK's RTE_HASH_RCU_DQ_RECLAIM_MAX). */
#define HASH_RCU_RECLAIM_MAX 16

/* What waits on the defer queue for one deleted key. */
struct hash_rcu_entry {
	uint32_t key_idx;
	uint32_t ext_idx; /* 0: the delete emptied no extendable bucket */
	uint32_t gen;	  /* h->rcu_gen when queued */
};

static void
hash_rcu_free_now(struct rte_hash *h, const struct hash_rcu_entry *e)
{
	if (h->rcu.free_key_data_func != NULL)
		h->rcu.free_key_data_func(h->rcu.key_data_ptr,
					  atomic_load_explicit(&hash_key_at(h, e->key_idx)->pdata,
							       memory_order_relaxed));
	if (e->ext_idx != 0) {
		uint32_t ext_idx = e->ext_idx;

		rte_ring_sp_enqueue_elem(h->free_ext_bkts, &ext_idx, sizeof(ext_idx));
	}
	hash_slot_free(h, e->key_idx);
}

/* free_fn of the defer queue; runs with the writer lock held (see callers). */
static void
hash_rcu_dq_free(void *p, void *elem, unsigned int n)
{
	struct rte_hash *h = p;
	struct hash_rcu_entry e;

	RTE_SET_USED(n);
	memcpy(&e, elem, sizeof(e));
	/* A reset refilled the free lists; this position is free already. */
	if (e.gen != h->rcu_gen)
		return;
	hash_rcu_free_now(h, &e);
}

void
hash_rcu_retire(struct rte_hash *h, uint32_t key_idx, uint32_t ext_idx)
{
	struct hash_rcu_entry e = {.key_idx = key_idx, .ext_idx = ext_idx, .gen = h->rcu_gen};

	/* A full queue (readers stalled) must not leak the position: wait. */
	if (h->rcu_dq != NULL && rte_rcu_qsbr_dq_enqueue(h->rcu_dq, &e) == 0)
		return;
	rte_rcu_qsbr_synchronize(h->rcu.v, RTE_QSBR_THRID_INVALID);
	hash_rcu_free_now(h, &e);
}

bool
hash_rcu_reclaim(struct rte_hash *h)
{
	unsigned int freed = 0;

	if (h->rcu_dq == NULL)
		return false;
	rte_rcu_qsbr_dq_reclaim(h->rcu_dq, h->rcu.max_reclaim_size, &freed, NULL, NULL);
	return freed != 0;
}

void
hash_rcu_reset(struct rte_hash *h)
{
	if (h->rcu_dq == NULL)
		return;
	/* Free what may be freed (the application's key data with it); the
	 * rest stays queued and is dropped by generation when it comes out. */
	rte_rcu_qsbr_dq_reclaim(h->rcu_dq, ~0u, NULL, NULL, NULL);
	h->rcu_gen++;
}

void
hash_rcu_fini(struct rte_hash *h)
{
	if (h->rcu_dq != NULL && rte_rcu_qsbr_dq_delete(h->rcu_dq) != 0)
		HASH_LOG(ERR,
			 "rte_hash_free %s: deleted keys still wait for readers; their defer queue "
			 "stays allocated. Have the readers report a quiescent state or unregister "
			 "before freeing the table\n",
			 h->name);
	h->rcu_dq = NULL;
	h->rcu.v = NULL;
}

static int
hash_rcu_dq_make(struct rte_hash *h, const struct rte_hash_rcu_config *cfg)
{
	char name[RTE_RCU_QSBR_DQ_NAMESIZE];
	struct rte_rcu_qsbr_dq_parameters params = {
		.name = name,
		/* Every position can be deleted and waiting at once. */
		.size = cfg->dq_size != 0 ? cfg->dq_size : hash_slots_total(h),
		.esize = sizeof(struct hash_rcu_entry),
		.trigger_reclaim_limit = cfg->trigger_reclaim_limit,
		.max_reclaim_size =
			cfg->max_reclaim_size != 0 ? cfg->max_reclaim_size : HASH_RCU_RECLAIM_MAX,
		.free_fn = hash_rcu_dq_free,
		.p = h,
		.v = cfg->v,
	};

	/* Table names are as long as ring names: the address keeps it unique. */
	snprintf(name, sizeof(name), "HASH_RCU_%" PRIxPTR, (uintptr_t)h);
	h->rcu_dq = rte_rcu_qsbr_dq_create(&params);
	if (h->rcu_dq == NULL) {
		HASH_LOG(ERR, "rte_hash_rcu_qsbr_add %s: no defer queue (%s)\n", h->name,
			 rte_strerror(rte_errno));
		return 1;
	}
	h->rcu.dq_size = params.size;
	h->rcu.max_reclaim_size = params.max_reclaim_size;
	return 0;
}

__rte_export int
rte_hash_rcu_qsbr_add(struct rte_hash *h, struct rte_hash_rcu_config *cfg)
{
	if (h == NULL || cfg == NULL || cfg->v == NULL) {
		HASH_LOG(ERR, "rte_hash_rcu_qsbr_add: %s is NULL\n",
			 h == NULL ? "h" : (cfg == NULL ? "cfg" : "cfg->v"));
		rte_errno = EINVAL;
		return 1;
	}
	if (h->rcu.v != NULL) {
		HASH_LOG(ERR, "rte_hash_rcu_qsbr_add %s: a QSBR variable is attached already\n",
			 h->name);
		rte_errno = EEXIST;
		return 1;
	}
	if (cfg->mode != RTE_HASH_QSBR_MODE_DQ && cfg->mode != RTE_HASH_QSBR_MODE_SYNC) {
		HASH_LOG(ERR,
			 "rte_hash_rcu_qsbr_add %s: mode %d unknown; use RTE_HASH_QSBR_MODE_DQ "
			 "or RTE_HASH_QSBR_MODE_SYNC\n",
			 h->name, (int)cfg->mode);
		rte_errno = EINVAL;
		return 1;
	}
	h->rcu = *cfg;
	if (cfg->mode == RTE_HASH_QSBR_MODE_DQ && hash_rcu_dq_make(h, cfg) != 0) {
		memset(&h->rcu, 0, sizeof(h->rcu));
		return 1;
	}
	return 0;
}
