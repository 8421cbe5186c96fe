/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sequence counter: readers of data that one writer at a time updates read
 * without writing anything shared, and retry when a write overlapped their
 * read. The counter is odd while a write is in progress and changes with
 * every write. Writers must be serialised by the caller (or use
 * rte_seqlock_t, which carries a lock for them).
 *
 *	do {
 *		sn = rte_seqcount_read_begin(&sc);
 *		copy = data;
 *	} while (rte_seqcount_read_retry(&sc, sn));
 *
 * The reader may see torn data inside the loop: it must only copy it.
 */
#ifndef _RTE_SEQCOUNT_H_
#define _RTE_SEQCOUNT_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_branch_prediction.h>
#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	uint32_t sn; /* odd: a write is in progress */
} rte_seqcount_t;

#define RTE_SEQCOUNT_INITIALIZER \
	{                        \
		.sn = 0          \
	}

__rte_experimental static inline void
rte_seqcount_init(rte_seqcount_t *seqcount)
{
	__atomic_store_n(&seqcount->sn, 0, __ATOMIC_RELAXED);
}

/* Start a read: the value to give rte_seqcount_read_retry(). */
__rte_experimental static inline uint32_t
rte_seqcount_read_begin(const rte_seqcount_t *seqcount)
{
	/* Acquire: the data loads that follow are not done before this one,
	 * and see what the write that ended at this value stored. */
	return __atomic_load_n(&seqcount->sn, __ATOMIC_ACQUIRE);
}

/* True if the data read since begin_sn may be inconsistent: read again. */
__rte_experimental static inline bool
rte_seqcount_read_retry(const rte_seqcount_t *seqcount, uint32_t begin_sn)
{
	/* The read started during a write. */
	if (unlikely(begin_sn & 1))
		return true;
	/* The data loads are done before the load below (load-load order, an
	 * acquire fence; x86 keeps it, the barrier stops the compiler, and
	 * unlike atomic_thread_fence it builds under ThreadSanitizer). A write
	 * that stored any of what they saw bumped sn before it. */
	rte_smp_rmb();
	return __atomic_load_n(&seqcount->sn, __ATOMIC_RELAXED) != begin_sn;
}

__rte_experimental static inline void
rte_seqcount_write_begin(rte_seqcount_t *seqcount)
{
	/* Only writers store sn, and they are serialised: no RMW needed. */
	uint32_t sn = __atomic_load_n(&seqcount->sn, __ATOMIC_RELAXED) + 1;

	__atomic_store_n(&seqcount->sn, sn, __ATOMIC_RELAXED);
	/* The odd value is visible before any data store (store-store order,
	 * a release fence; rte_smp_wmb as in read_retry), so a reader that saw
	 * a new data value also sees sn changed. */
	rte_smp_wmb();
}

__rte_experimental static inline void
rte_seqcount_write_end(rte_seqcount_t *seqcount)
{
	uint32_t sn = __atomic_load_n(&seqcount->sn, __ATOMIC_RELAXED) + 1;

	/* Release: the data stores are visible to a reader whose begin (acquire)
	 * loads this even value. */
	__atomic_store_n(&seqcount->sn, sn, __ATOMIC_RELEASE);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SEQCOUNT_H_ */
