/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QS variables: sizing, initialisation, reader registration, the blocking
 * grace period and the dump. The reader and checker fast paths are inline
 * in rte_rcu_qsbr.h.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "rcu_private.h"

__rte_export int rte_rcu_log_type;

RTE_INIT(rcu_log_init)
{
	rte_rcu_log_type = rte_log_register_type_and_pick_level("lib.rcu", RTE_LOG_ERR);
	if (rte_rcu_log_type < 0)
		rte_rcu_log_type = RTE_LOGTYPE_EAL;
}

/* The counters take a cache line each, or readers would share lines. */
_Static_assert(sizeof(struct rte_rcu_qsbr_cnt) == RTE_CACHE_LINE_SIZE, "one counter a line");
_Static_assert(offsetof(struct rte_rcu_qsbr, qsbr_cnt) == sizeof(struct rte_rcu_qsbr),
	       "the counters follow the header");

__rte_export size_t
rte_rcu_qsbr_get_memsize(uint32_t max_threads)
{
	if (max_threads == 0) {
		RCU_LOG(ERR, "rte_rcu_qsbr_get_memsize: max_threads is 0; give the number of "
			     "reader thread ids (e.g. RTE_MAX_LCORE)");
		rte_errno = EINVAL;
		return 1;
	}
	return sizeof(struct rte_rcu_qsbr) + sizeof(struct rte_rcu_qsbr_cnt) * max_threads +
	       __RTE_QSBR_THRID_ARRAY_SIZE(max_threads);
}

__rte_export int
rte_rcu_qsbr_init(struct rte_rcu_qsbr *v, uint32_t max_threads)
{
	size_t sz;

	if (v == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_init: v is NULL; allocate "
			     "rte_rcu_qsbr_get_memsize(max_threads) bytes first");
		rte_errno = EINVAL;
		return 1;
	}
	sz = rte_rcu_qsbr_get_memsize(max_threads);
	if (sz == 1)
		return 1;
	/* All counters 0: every reader offline; bitmap 0: none registered. */
	memset(v, 0, sz);
	v->max_threads = max_threads;
	v->num_elems = RTE_ALIGN_MUL_CEIL(max_threads, __RTE_QSBR_THRID_ARRAY_ELM_SIZE) /
		       __RTE_QSBR_THRID_ARRAY_ELM_SIZE;
	v->token = __RTE_QSBR_CNT_INIT;
	v->acked_token = __RTE_QSBR_CNT_INIT - 1;
	return 0;
}

static int
rcu_thread_id_check(const char *fn, const struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	if (v == NULL) {
		RCU_LOG(ERR, "%s: v is NULL; pass an initialised QS variable", fn);
		rte_errno = EINVAL;
		return 1;
	}
	if (thread_id >= v->max_threads) {
		RCU_LOG(ERR, "%s: thread id %u is not below max_threads %u; use ids 0..%u", fn,
			thread_id, v->max_threads, v->max_threads - 1);
		rte_errno = EINVAL;
		return 1;
	}
	return 0;
}

/*
 * Set (registering) or clear the bit of thread_id. num_threads changes only
 * with the bit, by the one caller whose CAS flipped it, so concurrent calls
 * for the same id count once.
 */
static void
rcu_thread_bit_set(struct rte_rcu_qsbr *v, unsigned int thread_id, bool on)
{
	uint64_t *word = __RTE_QSBR_THRID_ARRAY_ELM(v, thread_id >> __RTE_QSBR_THRID_INDEX_SHIFT);
	uint64_t bit = UINT64_C(1) << (thread_id & __RTE_QSBR_THRID_MASK);
	uint64_t old = __atomic_load_n(word, __ATOMIC_RELAXED);
	uint64_t new;

	do {
		if (((old & bit) != 0) == on)
			return;
		new = on ? old | bit : old & ~bit;
		/* Release: pairs with the checker's acquire load of the bitmap;
		 * an unregistering reader's loads of the structure are done. */
	} while (!__atomic_compare_exchange_n(word, &old, new, false, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
	if (on)
		__atomic_fetch_add(&v->num_threads, 1, __ATOMIC_RELAXED);
	else
		__atomic_fetch_sub(&v->num_threads, 1, __ATOMIC_RELAXED);
}

__rte_export int
rte_rcu_qsbr_thread_register(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	if (rcu_thread_id_check(__func__, v, thread_id) != 0)
		return 1;
	rcu_thread_bit_set(v, thread_id, true);
	return 0;
}

__rte_export int
rte_rcu_qsbr_thread_unregister(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	if (rcu_thread_id_check(__func__, v, thread_id) != 0)
		return 1;
	rcu_thread_bit_set(v, thread_id, false);
	return 0;
}

__rte_export void
rte_rcu_qsbr_synchronize(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t t;

	RTE_ASSERT(v != NULL);
	t = rte_rcu_qsbr_start(v);
	/* A reader calling this would otherwise wait for itself. */
	if (thread_id != RTE_QSBR_THRID_INVALID)
		rte_rcu_qsbr_quiescent(v, thread_id);
	rte_rcu_qsbr_check(v, t, true);
}

/* Call fn for each registered id, in increasing order. */
static void
rcu_for_each_registered(struct rte_rcu_qsbr *v, void (*fn)(FILE *, struct rte_rcu_qsbr *, uint32_t),
			FILE *f)
{
	for (uint32_t i = 0; i < v->num_elems; i++) {
		uint64_t bmap = __atomic_load_n(__RTE_QSBR_THRID_ARRAY_ELM(v, i), __ATOMIC_ACQUIRE);

		while (bmap != 0) {
			uint32_t j = (uint32_t)__builtin_ctzll(bmap);

			fn(f, v, (i << __RTE_QSBR_THRID_INDEX_SHIFT) + j);
			bmap &= bmap - 1;
		}
	}
}

static void
rcu_dump_id(FILE *f, struct rte_rcu_qsbr *v, uint32_t id)
{
	RTE_SET_USED(v);
	fprintf(f, " %u", id);
}

static void
rcu_dump_counter(FILE *f, struct rte_rcu_qsbr *v, uint32_t id)
{
	fprintf(f, "  thread %u: acknowledged %" PRIu64 ", lock depth %u\n", id,
		__atomic_load_n(&v->qsbr_cnt[id].cnt, __ATOMIC_RELAXED),
		__atomic_load_n(&v->qsbr_cnt[id].lock_cnt, __ATOMIC_RELAXED));
}

__rte_export int
rte_rcu_qsbr_dump(FILE *f, struct rte_rcu_qsbr *v)
{
	if (v == NULL || f == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dump: %s is NULL; pass a QS variable and a stream",
			v == NULL ? "v" : "f");
		rte_errno = EINVAL;
		return 1;
	}
	fprintf(f, "rcu qsbr %p: %zu bytes, thread ids 0..%u, %u registered:", (void *)v,
		rte_rcu_qsbr_get_memsize(v->max_threads), v->max_threads - 1,
		__atomic_load_n(&v->num_threads, __ATOMIC_RELAXED));
	rcu_for_each_registered(v, rcu_dump_id, f);
	fprintf(f, "\n  token %" PRIu64 ", least acknowledged %" PRIu64 "\n",
		__atomic_load_n(&v->token, __ATOMIC_RELAXED),
		__atomic_load_n(&v->acked_token, __ATOMIC_RELAXED));
	rcu_for_each_registered(v, rcu_dump_counter, f);
	return 0;
}
