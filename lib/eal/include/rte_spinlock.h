/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_

#include <rte_common.h>
#include <rte_pause.h>
#include <rte_lcore.h>

typedef struct {
	volatile int locked; /* 0 unlocked, 1 locked */
} rte_spinlock_t;

#define RTE_SPINLOCK_INITIALIZER { 0 }

static inline void
rte_spinlock_init(rte_spinlock_t *sl)
{
	sl->locked = 0;
}

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

static inline void
rte_spinlock_unlock(rte_spinlock_t *sl)
{
	/* release: pairs with the acquire CAS in rte_spinlock_lock */
	__atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}

static inline int
rte_spinlock_trylock(rte_spinlock_t *sl)
{
	int exp = 0;

	return __atomic_compare_exchange_n(&sl->locked, &exp, 1, 0,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline int
rte_spinlock_is_locked(rte_spinlock_t *sl)
{
	return __atomic_load_n(&sl->locked, __ATOMIC_ACQUIRE);
}

typedef struct {
	rte_spinlock_t sl;
	volatile int user;
	volatile int count;
} rte_spinlock_recursive_t;

#define RTE_SPINLOCK_RECURSIVE_INITIALIZER { RTE_SPINLOCK_INITIALIZER, -1, 0 }

static inline void
rte_spinlock_recursive_init(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_init(&slr->sl);
	slr->user = -1;
	slr->count = 0;
}

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

static inline void
rte_spinlock_recursive_unlock(rte_spinlock_recursive_t *slr)
{
	if (--(slr->count) == 0) {
		slr->user = -1;
		rte_spinlock_unlock(&slr->sl);
	}
}

#endif
