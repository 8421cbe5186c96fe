/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Defer queues: elements unlinked from a lock-free structure wait in a ring
 * with the token of their grace period and are freed, oldest first, once
 * that grace period is over.
 *
 * Enqueue is MP-RTS (writers on the control path rarely collide) unless the
 * creator says one thread uses the queue. Dequeue is MC-HTS because reclaim
 * peeks at the oldest record and puts it back when its grace period is not
 * over, which needs the peek API.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_ring_elem.h>
#include <rte_ring_peek.h>

#include "rcu_private.h"

/* Most bytes of an element: records live on the stack of enqueue and reclaim. */
#define RCU_DQ_ESIZE_MAX 256

/* A record on the ring. The element follows the token, as raw bytes. */
struct rcu_dq_record {
	uint64_t token;
	uint8_t elem[];
};

static int
rcu_dq_params_check(const struct rte_rcu_qsbr_dq_parameters *p)
{
	const char *bad = NULL;

	if (p == NULL)
		bad = "params is NULL";
	else if (p->name == NULL)
		bad = "name is NULL";
	else if (p->free_fn == NULL)
		bad = "free_fn is NULL; give the function that frees an element";
	else if (p->v == NULL)
		bad = "v is NULL; give the QS variable the readers report to";
	else if (p->size == 0)
		bad = "size is 0; give the number of elements the queue holds";
	else if (p->esize == 0 || p->esize % 4 != 0 || p->esize > RCU_DQ_ESIZE_MAX)
		bad = "esize must be a non-zero multiple of 4, at most 256";
	else if (p->trigger_reclaim_limit <= p->size && p->max_reclaim_size == 0)
		bad = "max_reclaim_size is 0 with automatic reclamation on; set it, or set "
		      "trigger_reclaim_limit above size";
	if (bad == NULL)
		return 0;
	RCU_LOG(ERR, "rte_rcu_qsbr_dq_create: %s", bad);
	return EINVAL;
}

__rte_export struct rte_rcu_qsbr_dq *
rte_rcu_qsbr_dq_create(const struct rte_rcu_qsbr_dq_parameters *params)
{
	struct rte_rcu_qsbr_dq *dq;
	unsigned int flags;
	int err;

	err = rcu_dq_params_check(params);
	if (err != 0)
		goto out_errno;
	dq = rte_zmalloc("rcu_dq", sizeof(*dq), RTE_CACHE_LINE_SIZE);
	if (dq == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dq_create %s: out of memory; give the EAL more memory",
			params->name);
		err = ENOMEM;
		goto out_errno;
	}
	flags = (params->flags & RTE_RCU_QSBR_DQ_MT_UNSAFE) ? RING_F_SP_ENQ : RING_F_MP_RTS_ENQ;
	flags |= RING_F_MC_HTS_DEQ;
	/* A ring of count places holds count - 1: round size + 1 up. */
	dq->r = rte_ring_create_elem(params->name, __RTE_QSBR_TOKEN_SIZE + params->esize,
				     rte_align32pow2(params->size + 1), SOCKET_ID_ANY, flags);
	if (dq->r == NULL) {
		/* The ring logged the cause and set rte_errno. */
		err = rte_errno;
		rte_free(dq);
		goto out_errno;
	}
	dq->v = params->v;
	dq->size = params->size;
	dq->esize = __RTE_QSBR_TOKEN_SIZE + params->esize;
	dq->trigger_reclaim_limit = params->trigger_reclaim_limit;
	dq->max_reclaim_size = params->max_reclaim_size;
	dq->free_fn = params->free_fn;
	dq->p = params->p;
	return dq;

out_errno:
	rte_errno = err;
	return NULL;
}

/* Record storage on the stack, aligned for the token. */
union rcu_dq_buf {
	struct rcu_dq_record rec;
	uint8_t bytes[__RTE_QSBR_TOKEN_SIZE + RCU_DQ_ESIZE_MAX];
};

__rte_export int
rte_rcu_qsbr_dq_enqueue(struct rte_rcu_qsbr_dq *dq, void *e)
{
	union rcu_dq_buf buf;

	if (dq == NULL || e == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dq_enqueue: %s is NULL", dq == NULL ? "dq" : "e");
		rte_errno = EINVAL;
		return 1;
	}
	/* The element is unlinked already: its grace period starts now. */
	buf.rec.token = rte_rcu_qsbr_start(dq->v);
	/* Make room before the queue grows long; readers get time meanwhile.
	 * A limit above size turns this off (the ring may hold more than size). */
	if (dq->trigger_reclaim_limit <= dq->size &&
	    rte_ring_count(dq->r) > dq->trigger_reclaim_limit)
		rte_rcu_qsbr_dq_reclaim(dq, dq->max_reclaim_size, NULL, NULL, NULL);
	memcpy(buf.rec.elem, e, dq->esize - __RTE_QSBR_TOKEN_SIZE);
	/*
	 * Taking the token and enqueueing are not one step: with several
	 * writers, tokens may land out of order. A later token in front only
	 * delays the records behind it, it never frees one early.
	 */
	if (rte_ring_enqueue_elem(dq->r, buf.bytes, dq->esize) != 0) {
		RCU_LOG(ERR,
			"rte_rcu_qsbr_dq_enqueue %s: queue full (%u elements wait for readers); "
			"readers must report quiescent states, or make the queue larger",
			dq->r->name, rte_ring_count(dq->r));
		rte_errno = ENOSPC;
		return 1;
	}
	return 0;
}

__rte_export int
rte_rcu_qsbr_dq_reclaim(struct rte_rcu_qsbr_dq *dq, unsigned int n, unsigned int *freed,
			unsigned int *pending, unsigned int *available)
{
	union rcu_dq_buf buf;
	unsigned int cnt = 0;

	if (dq == NULL || n == 0) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dq_reclaim: %s", dq == NULL ? "dq is NULL" : "n is 0");
		rte_errno = EINVAL;
		return 1;
	}
	/* Peek at the oldest record; take it only when its grace period is over. */
	while (cnt < n &&
	       rte_ring_dequeue_bulk_elem_start(dq->r, buf.bytes, dq->esize, 1, available) != 0) {
		if (rte_rcu_qsbr_check(dq->v, buf.rec.token, false) != 1) {
			rte_ring_dequeue_elem_finish(dq->r, 0);
			break;
		}
		rte_ring_dequeue_elem_finish(dq->r, 1);
		dq->free_fn(dq->p, buf.rec.elem, 1);
		cnt++;
	}
	if (freed != NULL)
		*freed = cnt;
	if (pending != NULL)
		*pending = rte_ring_count(dq->r);
	return 0;
}

__rte_export int
rte_rcu_qsbr_dq_delete(struct rte_rcu_qsbr_dq *dq)
{
	unsigned int pending;

	if (dq == NULL)
		return 0;
	rte_rcu_qsbr_dq_reclaim(dq, ~0u, NULL, &pending, NULL);
	if (pending != 0) {
		RCU_LOG(ERR,
			"rte_rcu_qsbr_dq_delete %s: %u elements still wait for readers; the queue "
			"is kept, delete it again after they report a quiescent state",
			dq->r->name, pending);
		rte_errno = EAGAIN;
		return 1;
	}
	rte_ring_free(dq->r);
	rte_free(dq);
	return 0;
}
