/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mcslock: trylock and is_locked against each state, a waiter queued behind
 * the holder gets the lock handed over at unlock, and two lcores adding to
 * a plain counter under the lock without losing an update.
 */
#include <stdatomic.h>
#include <stdint.h>

#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mcslock.h>

#include "test.h"

#define MCS_ROUNDS 200000

static int
test_mcslock_states(void)
{
	rte_mcslock_t *lock = NULL;
	rte_mcslock_t me, other;

	TEST_ASSERT(!rte_mcslock_is_locked(lock), "free");
	TEST_ASSERT_EQUAL(rte_mcslock_trylock(&lock, &me), 1, "try on a free lock");
	TEST_ASSERT(rte_mcslock_is_locked(lock) && lock == &me, "held, me the tail");
	TEST_ASSERT_EQUAL(rte_mcslock_trylock(&lock, &other), 0, "try on a held lock");
	TEST_ASSERT(lock == &me, "a failed try does not queue");
	rte_mcslock_unlock(&lock, &me);
	TEST_ASSERT(lock == NULL, "free again");
	rte_mcslock_lock(&lock, &other);
	TEST_ASSERT(lock == &other, "lock on a free lock");
	rte_mcslock_unlock(&lock, &other);
	TEST_ASSERT(!rte_mcslock_is_locked(lock), "free at the end");
	return TEST_SUCCESS;
}

struct mcs_ctx {
	rte_mcslock_t *lock;
	uint64_t counter;
	_Atomic int stage; /* 1: waiter about to queue, 2: waiter holds the lock */
};

static int
mcs_waiter(void *arg)
{
	struct mcs_ctx *c = arg;
	rte_mcslock_t me;

	atomic_store(&c->stage, 1);
	rte_mcslock_lock(&c->lock, &me);
	atomic_store(&c->stage, 2);
	rte_mcslock_unlock(&c->lock, &me);
	return 0;
}

static int
test_mcslock_handover(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct mcs_ctx c = {.lock = NULL};
	rte_mcslock_t me;

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	rte_mcslock_lock(&c.lock, &me);
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(mcs_waiter, &c, worker), "launch");
	/* The waiter is queued once it is the tail. */
	while (__atomic_load_n(&c.lock, __ATOMIC_RELAXED) == &me)
		rte_pause();
	/* It must not get in while we hold the lock, however long. */
	rte_delay_ms(20);
	TEST_ASSERT_EQUAL(atomic_load(&c.stage), 1, "waiter got in past the holder");
	rte_mcslock_unlock(&c.lock, &me);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	TEST_ASSERT_EQUAL(atomic_load(&c.stage), 2, "waiter took the lock");
	TEST_ASSERT(c.lock == NULL, "left free");
	return TEST_SUCCESS;
}

static int
mcs_adder(void *arg)
{
	struct mcs_ctx *c = arg;
	rte_mcslock_t me;

	for (unsigned int i = 0; i < MCS_ROUNDS; i++) {
		rte_mcslock_lock(&c->lock, &me);
		/* Read and write apart, so that an unprotected race would lose updates. */
		uint64_t v = *(volatile uint64_t *)&c->counter;
		*(volatile uint64_t *)&c->counter = v + 1;
		rte_mcslock_unlock(&c->lock, &me);
	}
	return 0;
}

static int
test_mcslock_two_lcores(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct mcs_ctx c = {.lock = NULL};

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(mcs_adder, &c, worker), "launch");
	mcs_adder(&c);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	TEST_ASSERT_EQUAL(c.counter, 2ull * MCS_ROUNDS, "counter %" PRIu64, c.counter);
	TEST_ASSERT(c.lock == NULL, "left free");
	return TEST_SUCCESS;
}

static const struct test_case mcslock_cases[] = {
	TEST_CASE(test_mcslock_states),
	TEST_CASE(test_mcslock_handover),
	TEST_CASE(test_mcslock_two_lcores),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mcslock, TEST_SUITE_EAL, mcslock_cases)
