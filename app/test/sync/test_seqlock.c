/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * seqlock: the sequence number across a write, a read that overlaps a
 * write retries, and a writer and a reader on two lcores where no accepted
 * read holds a half-written pair.
 */
#include <stdatomic.h>
#include <stdint.h>

#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_seqlock.h>

#include "test.h"

#define SEQ_ROUNDS 200000

static int
test_seqlock_states(void)
{
	rte_seqlock_t sl = RTE_SEQLOCK_INITIALIZER;
	uint32_t sn;

	sn = rte_seqlock_read_begin(&sl);
	TEST_ASSERT_EQUAL(sn, 0, "initial");
	TEST_ASSERT(!rte_seqlock_read_retry(&sl, sn), "no write: no retry");
	rte_seqlock_write_lock(&sl);
	TEST_ASSERT(rte_seqlock_read_retry(&sl, sn), "a write started: retry");
	TEST_ASSERT(rte_seqlock_read_retry(&sl, rte_seqlock_read_begin(&sl)),
		    "read begun during a write: retry");
	TEST_ASSERT(rte_spinlock_is_locked(&sl.lock), "writers serialised");
	rte_seqlock_write_unlock(&sl);
	TEST_ASSERT_EQUAL(sl.count.sn, 2, "one write: +2");
	TEST_ASSERT(!rte_spinlock_is_locked(&sl.lock), "writer lock free");
	sn = rte_seqlock_read_begin(&sl);
	TEST_ASSERT(!rte_seqlock_read_retry(&sl, sn), "after the write: no retry");
	rte_seqlock_init(&sl);
	TEST_ASSERT_EQUAL(sl.count.sn, 0, "init");
	return TEST_SUCCESS;
}

struct seq_ctx {
	rte_seqlock_t sl;
	_Atomic uint64_t a, b; /* written together; relaxed atomics, torn reads possible */
	_Atomic bool done;
};

static int
seq_writer(void *arg)
{
	struct seq_ctx *c = arg;

	for (uint64_t i = 1; i <= SEQ_ROUNDS; i++) {
		rte_seqlock_write_lock(&c->sl);
		atomic_store_explicit(&c->a, i, memory_order_relaxed);
		atomic_store_explicit(&c->b, i, memory_order_relaxed);
		rte_seqlock_write_unlock(&c->sl);
	}
	atomic_store(&c->done, true);
	return 0;
}

static int
test_seqlock_two_lcores(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct seq_ctx c = {.sl = RTE_SEQLOCK_INITIALIZER};
	uint64_t reads = 0, retries = 0, torn = 0;

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(seq_writer, &c, worker), "launch");
	while (!atomic_load(&c.done)) {
		uint64_t a, b;
		uint32_t sn;

		do {
			sn = rte_seqlock_read_begin(&c.sl);
			a = atomic_load_explicit(&c.a, memory_order_relaxed);
			b = atomic_load_explicit(&c.b, memory_order_relaxed);
			retries++;
		} while (rte_seqlock_read_retry(&c.sl, sn));
		retries--;
		if (a != b)
			torn++;
		reads++;
	}
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	printf("  %" PRIu64 " reads, %" PRIu64 " retried\n", reads, retries);
	TEST_ASSERT_EQUAL(torn, 0, "accepted torn pairs");
	TEST_ASSERT_EQUAL(c.sl.count.sn, 2u * SEQ_ROUNDS, "sequence number");
	return TEST_SUCCESS;
}

static const struct test_case seqlock_cases[] = {
	TEST_CASE(test_seqlock_states),
	TEST_CASE(test_seqlock_two_lcores),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(seqlock, TEST_SUITE_EAL, seqlock_cases)
