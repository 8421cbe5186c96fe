/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Quiescent-state-based reclamation (QSBR), DPDK 22.11's API.
 *
 * Readers of a lock-free structure register a thread id on a QS variable
 * and, between their accesses, report a quiescent state (a point where they
 * hold no reference into the structure). A writer that unlinked an element
 * takes a token with rte_rcu_qsbr_start() and frees the element once
 * rte_rcu_qsbr_check() says every registered reader reported a quiescent
 * state after that token (the grace period). The defer queue (_dq_) keeps
 * unlinked elements with their token and frees them when their grace period
 * is over.
 *
 * The caller allocates the variable: rte_rcu_qsbr_get_memsize() bytes,
 * cache-line aligned, then rte_rcu_qsbr_init(). Layout: the header, one
 * cache line of counter per possible thread, then the bitmap of registered
 * thread ids (64 ids a word).
 *
 * Return values follow DPDK: the functions that can fail return 1 (or NULL,
 * or a size of 1) and set rte_errno, not a negative errno.
 */
#ifndef _RTE_RCU_QSBR_H_
#define _RTE_RCU_QSBR_H_

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_debug.h>
#include <rte_pause.h>
#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Log type of the library (lib.rcu). */
extern int rte_rcu_log_type;

/* Bits in one word of the registered-thread bitmap. */
#define __RTE_QSBR_THRID_ARRAY_ELM_SIZE (sizeof(uint64_t) * 8)
/* Bytes of the bitmap for max_threads ids, whole cache lines. */
#define __RTE_QSBR_THRID_ARRAY_SIZE(max_threads)                                         \
	RTE_ALIGN(RTE_ALIGN_MUL_CEIL(max_threads, __RTE_QSBR_THRID_ARRAY_ELM_SIZE) >> 3, \
		  RTE_CACHE_LINE_SIZE)
/* Word i of the bitmap of v: it follows the max_threads counters. */
#define __RTE_QSBR_THRID_ARRAY_ELM(v, i) \
	((uint64_t *)((struct rte_rcu_qsbr_cnt *)((v) + 1) + (v)->max_threads) + (i))
#define __RTE_QSBR_THRID_INDEX_SHIFT 6
#define __RTE_QSBR_THRID_MASK 0x3f
/* Thread id meaning "the caller is not a reader" (rte_rcu_qsbr_synchronize). */
#define RTE_QSBR_THRID_INVALID 0xffffffff

/* The counter of one reader, alone in its cache line. */
struct rte_rcu_qsbr_cnt {
	/* Last token this reader acknowledged; 0 while it is offline. 64 bits
	 * never wrap in practice, so no comparison handles wrap-around. */
	uint64_t cnt;
	/* Nesting of rte_rcu_qsbr_lock(); kept for DPDK's layout. */
	uint32_t lock_cnt;
} __rte_cache_aligned;

#define __RTE_QSBR_CNT_THR_OFFLINE 0
#define __RTE_QSBR_CNT_INIT 1
#define __RTE_QSBR_CNT_MAX ((uint64_t)~0)
#define __RTE_QSBR_TOKEN_SIZE sizeof(uint64_t)

/* A QS variable. The writer side and the fixed fields sit in separate
 * cache lines so that token updates do not evict what readers keep reading. */
struct rte_rcu_qsbr {
	uint64_t token __rte_cache_aligned; /* last token handed out */
	uint64_t acked_token; /* a token every reader had acknowledged at the last check */

	uint32_t num_elems __rte_cache_aligned; /* words in the thread id bitmap */
	uint32_t num_threads;			/* threads registered now */
	uint32_t max_threads;			/* thread ids are 0 .. max_threads - 1 */

	/* max_threads counters, then the bitmap of registered ids. */
	struct rte_rcu_qsbr_cnt qsbr_cnt[] __rte_cache_aligned;
} __rte_cache_aligned;

/* Frees n elements e (each esize bytes, as enqueued) of the structure p. */
typedef void (*rte_rcu_qsbr_free_resource_t)(void *p, void *e, unsigned int n);

#define RTE_RCU_QSBR_DQ_NAMESIZE RTE_RING_NAMESIZE

/* The defer queue is used by one thread at a time (lighter ring). */
#define RTE_RCU_QSBR_DQ_MT_UNSAFE 1

struct rte_rcu_qsbr_dq_parameters {
	const char *name; /* name of the queue's ring, unique */
	uint32_t flags;	  /* RTE_RCU_QSBR_DQ_MT_UNSAFE or 0 */
	uint32_t size;	  /* elements the queue holds, > 0 */
	uint32_t esize;	  /* bytes of an element, a multiple of 4, at most 256 */
	/* Enqueue first reclaims (up to max_reclaim_size elements) when more
	 * than this many wait; above size, never; 0, at every enqueue. */
	uint32_t trigger_reclaim_limit;
	/* Most elements that automatic reclamation frees at a time; must be
	 * non-zero when trigger_reclaim_limit <= size. */
	uint32_t max_reclaim_size;
	rte_rcu_qsbr_free_resource_t free_fn; /* called for each element reclaimed */
	void *p;			      /* first argument of free_fn, may be NULL */
	struct rte_rcu_qsbr *v;		      /* the QS variable the readers report to */
};

struct rte_rcu_qsbr_dq;

/* Bytes of a QS variable for max_threads readers; 1 with rte_errno EINVAL
 * when max_threads is 0. */
size_t rte_rcu_qsbr_get_memsize(uint32_t max_threads);

/* Initialise v (rte_rcu_qsbr_get_memsize(max_threads) bytes): no reader
 * registered. 0, or 1 with rte_errno EINVAL (v NULL, max_threads 0). */
int rte_rcu_qsbr_init(struct rte_rcu_qsbr *v, uint32_t max_threads);

/*
 * Add thread_id to the readers a writer waits for. The thread starts
 * offline: it is waited for after rte_rcu_qsbr_thread_online(). Registering
 * twice is harmless. 0, or 1 with rte_errno EINVAL (v NULL, thread_id >=
 * max_threads).
 */
int rte_rcu_qsbr_thread_register(struct rte_rcu_qsbr *v, unsigned int thread_id);

/* Remove thread_id from the readers; call it offline. 0, or 1 with
 * rte_errno EINVAL (v NULL, thread_id >= max_threads). */
int rte_rcu_qsbr_thread_unregister(struct rte_rcu_qsbr *v, unsigned int thread_id);

/*
 * The reader is about to access the structure: writers wait for it from now
 * on. It takes the current token as its acknowledged one, so only tokens
 * handed out later wait for its next quiescent state.
 */
static __rte_always_inline void
rte_rcu_qsbr_thread_online(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t t;

	RTE_ASSERT(v != NULL && thread_id < v->max_threads);
	t = __atomic_load_n(&v->token, __ATOMIC_RELAXED);
	__atomic_store_n(&v->qsbr_cnt[thread_id].cnt, t, __ATOMIC_RELAXED);
	/*
	 * Store-load order: the reader's loads of the structure must not be
	 * done before a writer can see it online, or the writer could free
	 * what the reader is about to use. Only a full fence orders a store
	 * before later loads; it pairs with the writer's acquire load of cnt.
	 */
	rte_atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* The reader holds no reference into the structure until it comes online:
 * writers stop waiting for it. */
static __rte_always_inline void
rte_rcu_qsbr_thread_offline(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	RTE_ASSERT(v != NULL && thread_id < v->max_threads);
	/* Release: the reader's loads of the structure are done before a
	 * writer that reads "offline" (acquire) frees anything. */
	__atomic_store_n(&v->qsbr_cnt[thread_id].cnt, __RTE_QSBR_CNT_THR_OFFLINE, __ATOMIC_RELEASE);
}

/* Mark a read-side critical section. QSBR needs nothing here: these exist
 * for code written against DPDK, whose debug build counts nesting. */
static __rte_always_inline void
rte_rcu_qsbr_lock(__rte_unused struct rte_rcu_qsbr *v, __rte_unused unsigned int thread_id)
{
	RTE_ASSERT(v != NULL && thread_id < v->max_threads);
}

static __rte_always_inline void
rte_rcu_qsbr_unlock(__rte_unused struct rte_rcu_qsbr *v, __rte_unused unsigned int thread_id)
{
	RTE_ASSERT(v != NULL && thread_id < v->max_threads);
}

/* Begin a grace period (writer): returns the token to pass to
 * rte_rcu_qsbr_check(). */
static __rte_always_inline uint64_t
rte_rcu_qsbr_start(struct rte_rcu_qsbr *v)
{
	RTE_ASSERT(v != NULL);
	/* Release: the writer's unlinking is visible to a reader that sees
	 * this token (its acquire load in rte_rcu_qsbr_quiescent()). */
	return __atomic_add_fetch(&v->token, 1, __ATOMIC_RELEASE);
}

/* The reader holds no reference into the structure at this point. */
static __rte_always_inline void
rte_rcu_qsbr_quiescent(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t t;

	RTE_ASSERT(v != NULL && thread_id < v->max_threads);
	/* Acquire: pairs with rte_rcu_qsbr_start(); later loads of the
	 * structure see the writer's changes made before the token. */
	t = __atomic_load_n(&v->token, __ATOMIC_ACQUIRE);
	/* Release: the reader's earlier loads of the structure are done
	 * before a writer sees the acknowledgement (its acquire load). The
	 * store is skipped when nothing changed, to keep the line shared. */
	if (t != __atomic_load_n(&v->qsbr_cnt[thread_id].cnt, __ATOMIC_RELAXED))
		__atomic_store_n(&v->qsbr_cnt[thread_id].cnt, t, __ATOMIC_RELEASE);
}

/* A reader's counter value c says it is past token t (or offline). */
static __rte_always_inline bool
__rte_rcu_qsbr_cnt_is_past(uint64_t c, uint64_t t)
{
	return c == __RTE_QSBR_CNT_THR_OFFLINE || c >= t;
}

/* Record the least token acknowledged by the readers checked. Writers may
 * race here; any of their values is a token every reader had passed. */
static __rte_always_inline void
__rte_rcu_qsbr_acked_set(struct rte_rcu_qsbr *v, uint64_t acked)
{
	if (acked != __RTE_QSBR_CNT_MAX)
		__atomic_store_n(&v->acked_token, acked, __ATOMIC_RELAXED);
}

/* Check the registered readers only (some ids are not registered). */
static __rte_always_inline int
__rte_rcu_qsbr_check_selective(struct rte_rcu_qsbr *v, uint64_t t, bool wait)
{
	uint64_t acked = __RTE_QSBR_CNT_MAX;
	uint32_t i;

	for (i = 0; i < v->num_elems; i++) {
		uint64_t *word = __RTE_QSBR_THRID_ARRAY_ELM(v, i);
		/* Acquire: pairs with the release of register/unregister. */
		uint64_t bmap = __atomic_load_n(word, __ATOMIC_ACQUIRE);
		uint32_t base = i << __RTE_QSBR_THRID_INDEX_SHIFT;

		while (bmap != 0) {
			uint32_t j = (uint32_t)__builtin_ctzll(bmap);
			/* Acquire: pairs with the reader's release in
			 * quiescent/offline; its loads are done. */
			uint64_t c = __atomic_load_n(&v->qsbr_cnt[base + j].cnt, __ATOMIC_ACQUIRE);

			if (!__rte_rcu_qsbr_cnt_is_past(c, t)) {
				if (!wait)
					return 0;
				rte_pause();
				/* The reader may have unregistered meanwhile. */
				bmap = __atomic_load_n(word, __ATOMIC_ACQUIRE);
				continue;
			}
			if (c != __RTE_QSBR_CNT_THR_OFFLINE && c < acked)
				acked = c;
			bmap &= ~(UINT64_C(1) << j);
		}
	}
	__rte_rcu_qsbr_acked_set(v, acked);
	return 1;
}

/* Check every counter (all ids are registered). */
static __rte_always_inline int
__rte_rcu_qsbr_check_all(struct rte_rcu_qsbr *v, uint64_t t, bool wait)
{
	uint64_t acked = __RTE_QSBR_CNT_MAX;
	uint32_t i;

	for (i = 0; i < v->max_threads; i++) {
		uint64_t c;

		for (;;) {
			/* Acquire: as in the selective check. */
			c = __atomic_load_n(&v->qsbr_cnt[i].cnt, __ATOMIC_ACQUIRE);
			if (__rte_rcu_qsbr_cnt_is_past(c, t))
				break;
			if (!wait)
				return 0;
			rte_pause();
		}
		if (c != __RTE_QSBR_CNT_THR_OFFLINE && c < acked)
			acked = c;
	}
	__rte_rcu_qsbr_acked_set(v, acked);
	return 1;
}

/*
 * Is the grace period of token t over, i.e. has every registered online
 * reader reported a quiescent state since t was handed out? With wait,
 * spins until it is and returns 1; without, returns 1 or 0 at once.
 */
static __rte_always_inline int
rte_rcu_qsbr_check(struct rte_rcu_qsbr *v, uint64_t t, bool wait)
{
	RTE_ASSERT(v != NULL);
	/* A token at or below one all readers acknowledged needs no scan. */
	if (t <= __atomic_load_n(&v->acked_token, __ATOMIC_RELAXED))
		return 1;
	if (__atomic_load_n(&v->num_threads, __ATOMIC_RELAXED) == v->max_threads)
		return __rte_rcu_qsbr_check_all(v, t, wait);
	return __rte_rcu_qsbr_check_selective(v, t, wait);
}

/*
 * Start a grace period and wait until it is over. A reader that calls this
 * passes its own id (it reports a quiescent state first, else it would wait
 * for itself); any other caller passes RTE_QSBR_THRID_INVALID.
 */
void rte_rcu_qsbr_synchronize(struct rte_rcu_qsbr *v, unsigned int thread_id);

/* Print v's state to f. 0, or 1 with rte_errno EINVAL (v or f NULL). */
int rte_rcu_qsbr_dump(FILE *f, struct rte_rcu_qsbr *v);

/*
 * Create a defer queue. NULL with rte_errno: EINVAL (params, name, free_fn
 * or v NULL; size or esize 0; esize not a multiple of 4 or above 256; automatic
 * reclamation with max_reclaim_size 0), ENOMEM, EEXIST (a ring of that
 * name exists), ENAMETOOLONG.
 */
__rte_experimental struct rte_rcu_qsbr_dq *
rte_rcu_qsbr_dq_create(const struct rte_rcu_qsbr_dq_parameters *params);

/*
 * Queue element e (esize bytes, copied) to be freed after a grace period
 * that starts now. 0, or 1 with rte_errno EINVAL (dq or e NULL) or ENOSPC
 * (the queue is full even after automatic reclamation).
 */
__rte_experimental int rte_rcu_qsbr_dq_enqueue(struct rte_rcu_qsbr_dq *dq, void *e);

/*
 * Free up to n queued elements whose grace period is over, oldest first.
 * freed: how many were freed; pending: how many remain; available: free
 * places in the queue (each may be NULL). 0, or 1 with rte_errno EINVAL
 * (dq NULL, n 0).
 */
__rte_experimental int rte_rcu_qsbr_dq_reclaim(struct rte_rcu_qsbr_dq *dq, unsigned int n,
					       unsigned int *freed, unsigned int *pending,
					       unsigned int *available);

/*
 * Free what can be freed and delete the queue. 0 (also for dq NULL), or 1
 * with rte_errno EAGAIN when elements still wait for readers: the queue is
 * kept, call it again after they report a quiescent state.
 */
__rte_experimental int rte_rcu_qsbr_dq_delete(struct rte_rcu_qsbr_dq *dq);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RCU_QSBR_H_ */
