/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rwlock.h: the try forms against each state of the lock, a waiting
 * writer keeping readers out, and two lcores checking that a reader never
 * sees a writer's update half done. Also the recursive spinlock's trylock.
 */
#include <errno.h>
#include <stdint.h>

#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_rwlock.h>
#include <rte_spinlock.h>

#include "test.h"

#define RWLOCK_ROUNDS 200000

static int
test_rwlock_try(void)
{
	rte_rwlock_t l = RTE_RWLOCK_INITIALIZER;

	TEST_ASSERT_SUCCESS(rte_rwlock_read_trylock(&l), "read on a free lock");
	TEST_ASSERT_SUCCESS(rte_rwlock_read_trylock(&l), "second reader");
	TEST_ASSERT_EQUAL(l.cnt, 2 * RTE_RWLOCK_READ, "two readers counted");
	TEST_ASSERT_EQUAL(rte_rwlock_write_trylock(&l), -EBUSY, "write while read");
	rte_rwlock_read_unlock(&l);
	rte_rwlock_read_unlock(&l);

	TEST_ASSERT_SUCCESS(rte_rwlock_write_trylock(&l), "write on a free lock");
	TEST_ASSERT(rte_rwlock_write_is_locked(&l), "write held");
	TEST_ASSERT_EQUAL(rte_rwlock_write_trylock(&l), -EBUSY, "second writer");
	TEST_ASSERT_EQUAL(rte_rwlock_read_trylock(&l), -EBUSY, "read while written");
	TEST_ASSERT_EQUAL(l.cnt, RTE_RWLOCK_WRITE, "failed tries leave no trace");
	rte_rwlock_write_unlock(&l);
	TEST_ASSERT(!rte_rwlock_write_is_locked(&l), "write dropped");

	/* a waiting writer keeps new readers out, but not another writer */
	l.cnt = RTE_RWLOCK_WAIT;
	TEST_ASSERT_EQUAL(rte_rwlock_read_trylock(&l), -EBUSY, "read while a writer waits");
	TEST_ASSERT_SUCCESS(rte_rwlock_write_trylock(&l), "write while a writer waits");
	rte_rwlock_write_unlock(&l);
	TEST_ASSERT_EQUAL(l.cnt, RTE_RWLOCK_WAIT, "the wait bit stays for its owner");
	rte_rwlock_write_lock(&l);
	TEST_ASSERT_EQUAL(l.cnt, RTE_RWLOCK_WRITE, "write_lock takes it and clears the bit");
	rte_rwlock_write_unlock(&l);
	rte_rwlock_init(&l);
	rte_rwlock_read_lock(&l);
	rte_rwlock_read_unlock(&l);
	TEST_ASSERT_EQUAL(l.cnt, 0, "free again");
	return TEST_SUCCESS;
}

struct rwlock_ctx {
	rte_rwlock_t lock;
	uint64_t a, b; /* equal whenever the lock is free */
	uint32_t torn; /* reads that saw a != b */
	uint32_t done; /* the writer finished */
	uint32_t reads;
};

static int
rwlock_writer(void *arg)
{
	struct rwlock_ctx *c = arg;

	for (uint32_t i = 0; i < RWLOCK_ROUNDS; i++) {
		rte_rwlock_write_lock(&c->lock);
		/* plain accesses: the lock is what orders them */
		c->a++;
		rte_pause();
		c->b++;
		rte_rwlock_write_unlock(&c->lock);
	}
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
	return 0;
}

static int
test_rwlock_two_lcores(void)
{
	struct rwlock_ctx c = {.lock = RTE_RWLOCK_INITIALIZER};
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(rwlock_writer, &c, worker), "launch");
	while (!__atomic_load_n(&c.done, __ATOMIC_ACQUIRE)) {
		if (c.reads % 2)
			rte_rwlock_read_lock(&c.lock);
		else if (rte_rwlock_read_trylock(&c.lock) != 0)
			continue;
		if (c.a != c.b)
			c.torn++;
		rte_rwlock_read_unlock(&c.lock);
		c.reads++;
	}
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "writer");
	TEST_ASSERT_EQUAL(c.torn, 0, "reads saw a half-done update");
	TEST_ASSERT_EQUAL(c.a, RWLOCK_ROUNDS, "every write counted");
	TEST_ASSERT_EQUAL(c.b, RWLOCK_ROUNDS, "every write counted");
	TEST_ASSERT(c.reads > 0, "the reader got in");
	TEST_ASSERT_EQUAL(c.lock.cnt, 0, "lock free at the end");
	return TEST_SUCCESS;
}

static int
spinlock_try_other(void *arg)
{
	return rte_spinlock_recursive_trylock(arg);
}

static int
test_rwlock_spinlock_recursive_trylock(void)
{
	rte_spinlock_recursive_t slr = RTE_SPINLOCK_RECURSIVE_INITIALIZER;
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_EQUAL(rte_spinlock_recursive_trylock(&slr), 1, "free: taken");
	TEST_ASSERT_EQUAL(rte_spinlock_recursive_trylock(&slr), 1, "owner: again");
	TEST_ASSERT_EQUAL(slr.count, 2, "two holds");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(spinlock_try_other, &slr, worker), "launch");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(worker), 0, "another thread cannot take it");
	rte_spinlock_recursive_unlock(&slr);
	rte_spinlock_recursive_unlock(&slr);
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(spinlock_try_other, &slr, worker), "launch");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(worker), 1, "free again: the other thread takes it");
	TEST_ASSERT_EQUAL(rte_spinlock_recursive_trylock(&slr), 0, "now held by the other");
	return TEST_SUCCESS;
}

static const struct test_case rwlock_cases[] = {
	TEST_CASE(test_rwlock_try),
	TEST_CASE(test_rwlock_two_lcores),
	TEST_CASE(test_rwlock_spinlock_recursive_trylock),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(rwlock, TEST_SUITE_EAL, rwlock_cases)
