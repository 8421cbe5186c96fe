/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MCS lock (Mellor-Crummey and Scott): a queue lock where each waiter spins
 * on a flag in its own node, so a handover touches one waiter's cache line
 * instead of every waiter's. The lock is a pointer to the last node in the
 * queue (NULL: free); each locker passes a node of its own (on its stack is
 * fine) that must stay valid until it has unlocked.
 */
#ifndef _RTE_MCSLOCK_H_
#define _RTE_MCSLOCK_H_

#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rte_mcslock {
	struct rte_mcslock *next; /* the waiter queued behind this node */
	int locked;		  /* 1 while this node's owner waits */
} rte_mcslock_t;

/* Queue me on the lock *msl and wait for the lock to be handed over. */
static inline void
rte_mcslock_lock(rte_mcslock_t **msl, rte_mcslock_t *me)
{
	rte_mcslock_t *prev;

	__atomic_store_n(&me->locked, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&me->next, NULL, __ATOMIC_RELAXED);
	/*
	 * Become the tail. Acquire: pairs with the release of the unlock
	 * that emptied the queue (its critical section is visible) and of the
	 * previous tail's own exchange (its node is initialised before we
	 * write prev->next). Release: a later locker that finds me as its
	 * predecessor sees my node initialised.
	 */
	prev = __atomic_exchange_n(msl, me, __ATOMIC_ACQ_REL);
	if (likely(prev == NULL))
		return;
	/* Release: the predecessor, loading next with acquire, sees
	 * me->locked = 1 before it can clear it. */
	__atomic_store_n(&prev->next, me, __ATOMIC_RELEASE);
	/* Acquire: pairs with the predecessor's release handover. */
	while (__atomic_load_n(&me->locked, __ATOMIC_ACQUIRE) != 0)
		rte_pause();
}

/* Release the lock *msl that me holds, to the next waiter if there is one. */
static inline void
rte_mcslock_unlock(rte_mcslock_t **msl, rte_mcslock_t *me)
{
	rte_mcslock_t *next = __atomic_load_n(&me->next, __ATOMIC_ACQUIRE);

	if (likely(next == NULL)) {
		rte_mcslock_t *expected = me;

		/* No one queued: free the lock. Release: the critical section
		 * is visible to the next locker's acquiring exchange. */
		if (likely(__atomic_compare_exchange_n(msl, &expected, NULL, false,
						       __ATOMIC_RELEASE, __ATOMIC_RELAXED)))
			return;
		/* A locker became the tail but has not linked itself yet. */
		while ((next = __atomic_load_n(&me->next, __ATOMIC_ACQUIRE)) == NULL)
			rte_pause();
	}
	/* Release: hands the critical section over to the waiter. */
	__atomic_store_n(&next->locked, 0, __ATOMIC_RELEASE);
}

/* Take the lock only if it is free: 1 if taken, 0 if held by someone. */
static inline int
rte_mcslock_trylock(rte_mcslock_t **msl, rte_mcslock_t *me)
{
	rte_mcslock_t *expected = NULL;

	__atomic_store_n(&me->next, NULL, __ATOMIC_RELAXED);
	/* Acquire and release for the reasons of the exchange in lock. */
	return __atomic_compare_exchange_n(msl, &expected, me, false, __ATOMIC_ACQ_REL,
					   __ATOMIC_RELAXED);
}

/* 1 if someone holds (or waits for) the lock, 0 if it is free. msl is the
 * lock's value (the tail node), as the caller loaded it. */
static inline int
rte_mcslock_is_locked(rte_mcslock_t *msl)
{
	return msl != NULL;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MCSLOCK_H_ */
