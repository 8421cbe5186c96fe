/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_

#include <rte_common.h>
#include <rte_pause.h>
#include <rte_lcore.h>

/* A test-and-set lock; spinning threads pause, they never sleep. */
typedef struct {
	volatile int locked; /* 0 unlocked, 1 locked */
} rte_spinlock_t;

#define RTE_SPINLOCK_INITIALIZER { 0 }

/* Make sl unlocked. Returns nothing; rte_errno is not set. */
static inline void
rte_spinlock_init(rte_spinlock_t *sl)
{
	sl->locked = 0;
}

/* Take sl, spinning until it is free (acquire order). Returns nothing; no rte_errno. */
static inline void
rte_spinlock_lock(rte_spinlock_t *sl)
{
	int exp = 0;

	/* acquire: pairs with the release store in rte_spinlock_unlock */
	while (!__atomic_compare_exchange_n(&sl->locked, &exp, 1, 0,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		rte_wait_until_equal_32((volatile uint32_t *)&sl->locked, 0, __ATOMIC_RELAXED);
		exp = 0;
	}
}

/* Release sl, which the caller holds (release order). Returns nothing; no rte_errno. */
static inline void
rte_spinlock_unlock(rte_spinlock_t *sl)
{
	/* release: pairs with the acquire CAS in rte_spinlock_lock */
	__atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}

/* Take sl if it is free: 1 if taken, 0 if someone holds it. No rte_errno. */
static inline int
rte_spinlock_trylock(rte_spinlock_t *sl)
{
	int exp = 0;

	return __atomic_compare_exchange_n(&sl->locked, &exp, 1, 0,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* 1 if sl is held by someone, 0 if free. No rte_errno. */
static inline int
rte_spinlock_is_locked(rte_spinlock_t *sl)
{
	return __atomic_load_n(&sl->locked, __ATOMIC_ACQUIRE);
}

/* A spinlock the holding thread may take again; it is freed after as many unlocks. */
typedef struct {
	rte_spinlock_t sl;
	volatile int user;
	volatile int count;
} rte_spinlock_recursive_t;

#define RTE_SPINLOCK_RECURSIVE_INITIALIZER { RTE_SPINLOCK_INITIALIZER, -1, 0 }

/* Make slr unlocked with no owner. Returns nothing; rte_errno is not set. */
static inline void
rte_spinlock_recursive_init(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_init(&slr->sl);
	slr->user = -1;
	slr->count = 0;
}

/*
 * Take slr, or count one more hold if this thread owns it already. Returns
 * nothing; rte_errno is not set.
 */
static inline void
rte_spinlock_recursive_lock(rte_spinlock_recursive_t *slr)
{
	int id = rte_gettid();

	if (slr->user != id) {
		rte_spinlock_lock(&slr->sl);
		slr->user = id;
	}
	slr->count++;
}

/*
 * Take slr if it is free, or count one more hold if this thread owns it
 * already. Returns 1 if this thread now holds it, 0 if another thread
 * does. rte_errno is not set.
 */
static inline int
rte_spinlock_recursive_trylock(rte_spinlock_recursive_t *slr)
{
	int id = rte_gettid();

	if (slr->user != id) {
		if (rte_spinlock_trylock(&slr->sl) == 0)
			return 0;
		slr->user = id;
	}
	slr->count++;
	return 1;
}

/*
 * Drop one hold of slr, which this thread owns; the last one frees it.
 * Returns nothing; rte_errno is not set.
 */
static inline void
rte_spinlock_recursive_unlock(rte_spinlock_recursive_t *slr)
{
	if (--(slr->count) == 0) {
		slr->user = -1;
		rte_spinlock_unlock(&slr->sl);
	}
}

/*
 * Hardware transactional memory (Intel RTM) is not used: 0. The _tm forms
 * below, which would try a transaction first, are the plain locks, which
 * is what they fall back to anyway.
 */
static inline int
rte_tm_supported(void)
{
	return 0;
}

static inline void
rte_spinlock_lock_tm(rte_spinlock_t *sl)
{
	rte_spinlock_lock(sl);
}

static inline int
rte_spinlock_trylock_tm(rte_spinlock_t *sl)
{
	return rte_spinlock_trylock(sl);
}

static inline void
rte_spinlock_unlock_tm(rte_spinlock_t *sl)
{
	rte_spinlock_unlock(sl);
}

static inline void
rte_spinlock_recursive_lock_tm(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_recursive_lock(slr);
}

static inline int
rte_spinlock_recursive_trylock_tm(rte_spinlock_recursive_t *slr)
{
	return rte_spinlock_recursive_trylock(slr);
}

static inline void
rte_spinlock_recursive_unlock_tm(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_recursive_unlock(slr);
}

#endif
