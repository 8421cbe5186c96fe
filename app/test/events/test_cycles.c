/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC frequency, delays and the random generator. */
#include <time.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_random.h>

#include "test.h"

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int
test_cycles_hz(void)
{
	uint64_t hz = rte_get_tsc_hz();
	uint64_t c0, c1, t0, t1, measured;

	TEST_ASSERT(hz > 100000000ULL && hz < 10000000000ULL, "tsc hz %" PRIu64, hz);
	TEST_ASSERT_EQUAL(rte_get_timer_hz(), hz, "timer is the TSC");
	/* The calibrated rate agrees with the clock over 100 ms within 5%. */
	t0 = now_ns();
	c0 = rte_rdtsc();
	rte_delay_us_sleep(100000);
	c1 = rte_rdtsc();
	t1 = now_ns();
	measured = (c1 - c0) * 1000000000ULL / (t1 - t0);
	TEST_ASSERT(measured > hz * 95 / 100 && measured < hz * 105 / 100,
		    "measured %" PRIu64 " vs calibrated %" PRIu64, measured, hz);
	return TEST_SUCCESS;
}

static int
test_cycles_delay(void)
{
	uint64_t t0 = now_ns();

	rte_delay_us_block(20000);
	TEST_ASSERT(now_ns() - t0 >= 19000000ULL, "blocked at least 20 ms");
	t0 = now_ns();
	rte_delay_ms(10);
	TEST_ASSERT(now_ns() - t0 >= 9500000ULL, "delay_ms at least 10 ms");
	TEST_ASSERT(rte_rdtsc_precise() > 0, "precise rdtsc");
	return TEST_SUCCESS;
}

static unsigned int delay_calls, delay_last_us;

static void
record_delay(unsigned int us)
{
	delay_calls++;
	delay_last_us = us;
}

/* rte_delay_us goes through the registered function; NULL restores the busy wait. */
static int
test_cycles_delay_callback(void)
{
	delay_calls = 0;
	rte_delay_us_callback_register(record_delay);
	rte_delay_us(7);
	rte_delay_ms(2);
	TEST_ASSERT_EQUAL(delay_calls, 2, "both delays went to the callback");
	TEST_ASSERT_EQUAL(delay_last_us, 2000, "delay_ms passes microseconds");
	rte_delay_us_callback_register(NULL);
	TEST_ASSERT(rte_delay_us == rte_delay_us_block, "NULL puts the busy wait back");
	rte_delay_us(1);
	TEST_ASSERT_EQUAL(delay_calls, 2, "callback no longer called");
	return TEST_SUCCESS;
}

static int
test_random(void)
{
	uint64_t counts[10] = { 0 };
	uint64_t a = rte_rand(), b = rte_rand();

	TEST_ASSERT(a != b, "two draws differ");
	for (int i = 0; i < 100000; i++) {
		uint64_t v = rte_rand_max(10);

		TEST_ASSERT(v < 10, "rand_max bound");
		counts[v]++;
	}
	for (int i = 0; i < 10; i++)
		TEST_ASSERT(counts[i] > 9000 && counts[i] < 11000, "bucket %d: %" PRIu64,
			    i, counts[i]);
	TEST_ASSERT_EQUAL(rte_rand_max(0), 0, "bound 0");
	rte_srand(42);
	a = rte_rand();
	rte_srand(42);
	TEST_ASSERT_EQUAL(rte_rand(), a, "seed reproduces");
	for (int i = 0; i < 1000; i++) {
		double d = rte_drand();

		TEST_ASSERT(d >= 0.0 && d < 1.0, "drand in [0,1)");
	}
	return TEST_SUCCESS;
}

static const struct test_case cycles_cases[] = {
	TEST_CASE(test_cycles_hz),
	TEST_CASE(test_cycles_delay),
	TEST_CASE(test_cycles_delay_callback),
	TEST_CASE(test_random),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(cycles, TEST_SUITE_EAL, cycles_cases)
