/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Legacy atomics of rte_atomic.h: the 16/32/64-bit counters' return
 * values, cmpset/exchange, the 128-bit compare-exchange, and two lcores
 * adding to one counter without losing an update.
 */
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_launch.h>
#include <rte_lcore.h>

#include "test.h"

#define ATOMIC_ADDS 500000

static int
test_atomic_counters(void)
{
	rte_atomic16_t a16 = RTE_ATOMIC16_INIT(5);
	rte_atomic32_t a32;
	rte_atomic64_t a64 = RTE_ATOMIC64_INIT(0);
	uint32_t u32 = 7;
	uint64_t u64 = 1;

	TEST_ASSERT_EQUAL(rte_atomic16_read(&a16), 5, "init value");
	rte_atomic32_init(&a32);
	TEST_ASSERT_EQUAL(rte_atomic32_read(&a32), 0, "init");
	rte_atomic32_set(&a32, 10);
	rte_atomic32_add(&a32, 5);
	rte_atomic32_sub(&a32, 3);
	TEST_ASSERT_EQUAL(rte_atomic32_read(&a32), 12, "add/sub");
	TEST_ASSERT_EQUAL(rte_atomic32_add_return(&a32, 8), 20, "add_return gives the new value");
	TEST_ASSERT_EQUAL(rte_atomic32_sub_return(&a32, 20), 0, "sub_return");
	rte_atomic16_set(&a16, 1);
	TEST_ASSERT(rte_atomic16_dec_and_test(&a16), "dec to 0 tests true");
	TEST_ASSERT(!rte_atomic16_dec_and_test(&a16), "dec to -1 tests false");
	TEST_ASSERT(rte_atomic16_inc_and_test(&a16), "inc back to 0 tests true");
	TEST_ASSERT(rte_atomic64_test_and_set(&a64), "0 -> 1");
	TEST_ASSERT(!rte_atomic64_test_and_set(&a64), "already set");
	rte_atomic64_clear(&a64);
	TEST_ASSERT_EQUAL(rte_atomic64_read(&a64), 0, "clear");
	rte_atomic64_inc(&a64);
	rte_atomic64_dec(&a64);
	rte_atomic64_dec(&a64);
	TEST_ASSERT_EQUAL(rte_atomic64_read(&a64), -1, "inc/dec");

	TEST_ASSERT(!rte_atomic32_cmpset(&u32, 6, 9), "cmpset with the wrong old value");
	TEST_ASSERT(rte_atomic32_cmpset(&u32, 7, 9) && u32 == 9, "cmpset");
	TEST_ASSERT_EQUAL(rte_atomic64_exchange(&u64, 42), 1, "exchange returns the old value");
	TEST_ASSERT_EQUAL(u64, 42, "exchange stores");
	return TEST_SUCCESS;
}

static int
test_atomic_128(void)
{
	rte_int128_t v = {.val = {1, 2}};
	rte_int128_t exp = {.val = {1, 3}};
	const rte_int128_t src = {.val = {10, 20}};

	TEST_ASSERT_EQUAL(
		rte_atomic128_cmp_exchange(&v, &exp, &src, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE),
		0, "high half differs");
	TEST_ASSERT(exp.val[0] == 1 && exp.val[1] == 2, "exp receives the current value");
	TEST_ASSERT(v.val[0] == 1 && v.val[1] == 2, "dst untouched");
	TEST_ASSERT_EQUAL(
		rte_atomic128_cmp_exchange(&v, &exp, &src, 1, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE),
		1, "equal: swapped");
	TEST_ASSERT(v.val[0] == 10 && v.val[1] == 20, "both halves written");
	return TEST_SUCCESS;
}

struct atomic_ctx {
	rte_atomic32_t sum;
	rte_int128_t pair; /* both halves always equal */
	uint32_t torn;
};

static int
atomic_adder(void *arg)
{
	struct atomic_ctx *c = arg;
	rte_int128_t exp = {.val = {0, 0}}, nv;
	uint32_t torn = 0;

	for (uint32_t i = 0; i < ATOMIC_ADDS; i++) {
		rte_atomic32_inc(&c->sum);
		for (;;) {
			nv.val[0] = exp.val[0] + 1;
			nv.val[1] = exp.val[1] + 1;
			if (rte_atomic128_cmp_exchange(&c->pair, &exp, &nv, 0, __ATOMIC_RELAXED,
						       __ATOMIC_RELAXED))
				break;
			/* a failed exchange read both halves in one go */
			if (exp.val[0] != exp.val[1])
				torn++;
		}
		exp = nv;
	}
	__atomic_fetch_add(&c->torn, torn, __ATOMIC_RELAXED);
	return 0;
}

static int
test_atomic_two_lcores(void)
{
	static struct atomic_ctx c;
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(atomic_adder, &c, worker), "launch");
	atomic_adder(&c);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	TEST_ASSERT_EQUAL(rte_atomic32_read(&c.sum), 2 * ATOMIC_ADDS, "no lost increment");
	TEST_ASSERT(c.pair.val[0] == 2 * ATOMIC_ADDS && c.pair.val[1] == 2 * ATOMIC_ADDS,
		    "no lost 128-bit update");
	TEST_ASSERT_EQUAL(c.torn, 0, "never saw the halves apart");
	return TEST_SUCCESS;
}

static const struct test_case atomic_cases[] = {
	TEST_CASE(test_atomic_counters),
	TEST_CASE(test_atomic_128),
	TEST_CASE(test_atomic_two_lcores),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(atomic, TEST_SUITE_EAL, atomic_cases)
