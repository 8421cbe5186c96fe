/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reader/writer spinlock: any number of readers or one writer. A waiting
 * writer keeps new readers out, so a stream of readers cannot starve it.
 *
 * One 32-bit word: bit 0 (RTE_RWLOCK_WAIT) a writer waits, bit 1
 * (RTE_RWLOCK_WRITE) a writer holds the lock, bits 2.. the number of
 * readers, in steps of RTE_RWLOCK_READ. Locks are acquire operations and
 * unlocks release operations on that word.
 */
#ifndef _RTE_RWLOCK_H_
#define _RTE_RWLOCK_H_

#include <errno.h>
#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_RWLOCK_WAIT 0x1  /* a writer waits */
#define RTE_RWLOCK_WRITE 0x2 /* a writer holds the lock */
#define RTE_RWLOCK_MASK (RTE_RWLOCK_WAIT | RTE_RWLOCK_WRITE)
#define RTE_RWLOCK_READ 0x4 /* one reader */

typedef struct {
	int32_t cnt;
} rte_rwlock_t;

#define RTE_RWLOCK_INITIALIZER \
	{                      \
		0              \
	}

/* Make rwl free. Not while anyone uses it. Returns nothing. */
static inline void
rte_rwlock_init(rte_rwlock_t *rwl)
{
	rwl->cnt = 0;
}

/* Take rwl for reading, waiting while a writer holds it or waits for it. */
static inline void
rte_rwlock_read_lock(rte_rwlock_t *rwl)
{
	for (;;) {
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_MASK)
			rte_pause();
		/* acquire: pairs with the release in rte_rwlock_write_unlock */
		if (likely(!(__atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE) &
			     RTE_RWLOCK_MASK)))
			return;
		/* a writer came in between: step back and wait again */
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELAXED);
	}
}

/*
 * Take rwl for reading if no writer holds it or waits for it. Returns 0
 * when taken, -EBUSY otherwise. rte_errno is not set.
 */
static inline int
rte_rwlock_read_trylock(rte_rwlock_t *rwl)
{
	if (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_MASK)
		return -EBUSY;
	/* acquire: pairs with the release in rte_rwlock_write_unlock */
	if (unlikely(__atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE) &
		     RTE_RWLOCK_MASK)) {
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELAXED);
		return -EBUSY;
	}
	return 0;
}

/* Drop a read hold. */
static inline void
rte_rwlock_read_unlock(rte_rwlock_t *rwl)
{
	/* release: pairs with the acquire CAS of the next writer */
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELEASE);
}

/*
 * Take rwl for writing if nobody holds it (a waiting writer does not
 * count). Returns 0 when taken, -EBUSY otherwise. rte_errno is not set.
 */
static inline int
rte_rwlock_write_trylock(rte_rwlock_t *rwl)
{
	int32_t x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);

	/* acquire: pairs with the release of the last unlock */
	if (x < RTE_RWLOCK_WRITE &&
	    __atomic_compare_exchange_n(&rwl->cnt, &x, x + RTE_RWLOCK_WRITE, 0, __ATOMIC_ACQUIRE,
					__ATOMIC_RELAXED))
		return 0;
	return -EBUSY;
}

/* Take rwl for writing; while waiting, keep new readers out. */
static inline void
rte_rwlock_write_lock(rte_rwlock_t *rwl)
{
	int32_t x;

	for (;;) {
		x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);
		/* free (perhaps with our wait bit): take it and clear the bit;
		 * acquire pairs with the release of the last unlock */
		if (x < RTE_RWLOCK_WRITE) {
			if (__atomic_compare_exchange_n(&rwl->cnt, &x, RTE_RWLOCK_WRITE, 1,
							__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				return;
			continue;
		}
		if (!(x & RTE_RWLOCK_WAIT))
			__atomic_fetch_or(&rwl->cnt, RTE_RWLOCK_WAIT, __ATOMIC_RELAXED);
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) > RTE_RWLOCK_WAIT)
			rte_pause();
	}
}

/* Drop the write hold. */
static inline void
rte_rwlock_write_unlock(rte_rwlock_t *rwl)
{
	/* release: pairs with the acquire of the next reader or writer */
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_WRITE, __ATOMIC_RELEASE);
}

/* 1 if a writer holds rwl, else 0 (a snapshot). */
static inline int
rte_rwlock_write_is_locked(rte_rwlock_t *rwl)
{
	return (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_WRITE) != 0;
}

/*
 * The _tm forms would try a hardware transaction first; without one they
 * are the plain locks, which is what they fall back to anyway.
 */
static inline void
rte_rwlock_read_lock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_read_lock(rwl);
}

static inline void
rte_rwlock_read_unlock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_read_unlock(rwl);
}

static inline void
rte_rwlock_write_lock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_write_lock(rwl);
}

static inline void
rte_rwlock_write_unlock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_write_unlock(rwl);
}

#ifdef __cplusplus
}
#endif

#endif
