/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sequence lock: a sequence counter (rte_seqcount.h) for lock-free readers
 * and a spinlock that serialises the writers. Readers use the same retry
 * loop as with rte_seqcount_t:
 *
 *	do {
 *		sn = rte_seqlock_read_begin(&sl);
 *		copy = data;
 *	} while (rte_seqlock_read_retry(&sl, sn));
 */
#ifndef _RTE_SEQLOCK_H_
#define _RTE_SEQLOCK_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_branch_prediction.h>
#include <rte_compat.h>
#include <rte_seqcount.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	rte_seqcount_t count; /* what readers check */
	rte_spinlock_t lock;  /* what writers take */
} rte_seqlock_t;

#define RTE_SEQLOCK_INITIALIZER                                                     \
	{                                                                           \
		.count = RTE_SEQCOUNT_INITIALIZER, .lock = RTE_SPINLOCK_INITIALIZER \
	}

__rte_experimental static inline void
rte_seqlock_init(rte_seqlock_t *seqlock)
{
	rte_seqcount_init(&seqlock->count);
	rte_spinlock_init(&seqlock->lock);
}

__rte_experimental static inline uint32_t
rte_seqlock_read_begin(const rte_seqlock_t *seqlock)
{
	return rte_seqcount_read_begin(&seqlock->count);
}

__rte_experimental static inline bool
rte_seqlock_read_retry(const rte_seqlock_t *seqlock, uint32_t begin_sn)
{
	return rte_seqcount_read_retry(&seqlock->count, begin_sn);
}

/* Take the writer lock and start a write (readers retry until it ends). */
__rte_experimental static inline void
rte_seqlock_write_lock(rte_seqlock_t *seqlock)
{
	rte_spinlock_lock(&seqlock->lock);
	rte_seqcount_write_begin(&seqlock->count);
}

__rte_experimental static inline void
rte_seqlock_write_unlock(rte_seqlock_t *seqlock)
{
	rte_seqcount_write_end(&seqlock->count);
	rte_spinlock_unlock(&seqlock->lock);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SEQLOCK_H_ */
