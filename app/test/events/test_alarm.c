/* SPDX-License-Identifier: BSD-3-Clause */
/* Alarms: ordering, timing, cancel counts, re-entrancy, many at once. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "test.h"

#define MANY 200

static atomic_int fired;
static atomic_int not_in_intr;
static int order[MANY];
static uint64_t fired_ns[MANY];

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static bool
wait_fired(int want, int ms)
{
	for (int i = 0; i < ms && atomic_load(&fired) < want; i++)
		usleep(1000);
	return atomic_load(&fired) >= want;
}

static void
reset(void)
{
	atomic_store(&fired, 0);
	atomic_store(&not_in_intr, 0);
	memset(order, 0xff, sizeof(order));
}

/* Records which alarm ran and when; arg is its index. */
static void
record_alarm(void *arg)
{
	int n = atomic_fetch_add(&fired, 1);

	if (!rte_thread_is_intr())
		atomic_fetch_add(&not_in_intr, 1);
	if (n < MANY) {
		order[n] = (int)(uintptr_t)arg;
		fired_ns[n] = now_ns();
	}
}

static int
test_alarm_time_order(void)
{
	uint64_t start = now_ns();

	reset();
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(60000, record_alarm, (void *)3), "set 60ms");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(20000, record_alarm, (void *)1), "set 20ms");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(40000, record_alarm, (void *)2), "set 40ms");
	TEST_ASSERT(wait_fired(3, 3000), "only %d of 3 fired", atomic_load(&fired));
	TEST_ASSERT(order[0] == 1 && order[1] == 2 && order[2] == 3,
		    "order %d %d %d", order[0], order[1], order[2]);
	TEST_ASSERT(fired_ns[0] - start >= 20000000ULL, "20 ms alarm early");
	TEST_ASSERT(fired_ns[1] - start >= 40000000ULL, "40 ms alarm early");
	TEST_ASSERT(fired_ns[2] - start >= 60000000ULL, "60 ms alarm early");
	TEST_ASSERT_EQUAL(atomic_load(&not_in_intr), 0, "callbacks run in eal-intr");
	return TEST_SUCCESS;
}

static void
other_alarm(void *arg)
{
	(void)arg;
	atomic_fetch_add(&fired, 100);
}

static int
test_alarm_cancel(void)
{
	reset();
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(50000, record_alarm, (void *)1), "a1");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(50000, record_alarm, (void *)1), "a1 again");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(50000, record_alarm, (void *)2), "a2");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(50000, other_alarm, (void *)1), "other");
	TEST_ASSERT_EQUAL(rte_eal_alarm_cancel(record_alarm, (void *)1), 2, "both copies of a1");
	TEST_ASSERT_EQUAL(rte_eal_alarm_cancel(record_alarm, (void *)-1), 1, "any arg: a2");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_eal_alarm_cancel(record_alarm, (void *)-1), 0, "none left");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "ENOENT when nothing matched");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_eal_alarm_cancel(NULL, NULL), -1, "NULL callback");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "EINVAL");
	usleep(150000);
	TEST_ASSERT_EQUAL(atomic_load(&fired), 100, "only the uncancelled alarm fired");

	TEST_ASSERT_EQUAL(rte_eal_alarm_set(0, record_alarm, NULL), -EINVAL, "0 us");
	TEST_ASSERT_EQUAL(rte_eal_alarm_set(10, NULL, NULL), -EINVAL, "NULL cb");
	TEST_ASSERT_EQUAL(rte_eal_alarm_set(UINT64_MAX, record_alarm, NULL), -EINVAL,
			  "overflowing delay");
	return TEST_SUCCESS;
}

static uint64_t
mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int
test_alarm_many(void)
{
	uint64_t lo[MANY], hi[MANY];
	int seen[MANY] = { 0 };

	reset();
	/*
	 * Delays 1..50 ms in a scrambled order. Each alarm's expiry lies
	 * between the clock read before its set and the one after, plus its
	 * delay: a set preempted on a loaded machine moves it.
	 */
	for (int i = 0; i < MANY; i++) {
		uint64_t us = 1000 + (uint64_t)((i * 37) % MANY) * 250;

		lo[i] = mono_us() + us;
		TEST_ASSERT_SUCCESS(rte_eal_alarm_set(us, record_alarm, (void *)(uintptr_t)i),
				    "set %d", i);
		hi[i] = mono_us() + us;
	}
	TEST_ASSERT(wait_fired(MANY, 5000), "only %d of %d fired", atomic_load(&fired), MANY);
	for (int i = 0; i < MANY; i++) {
		TEST_ASSERT(order[i] >= 0 && order[i] < MANY, "bad index");
		seen[order[i]]++;
		/* Never one that expired surely later before one that expired surely earlier. */
		if (i > 0)
			TEST_ASSERT(hi[order[i]] >= lo[order[i - 1]], "alarm %d ran before %d",
				    order[i - 1], order[i]);
	}
	for (int i = 0; i < MANY; i++)
		TEST_ASSERT_EQUAL(seen[i], 1, "alarm %d ran once", i);
	return TEST_SUCCESS;
}

static int self_cancel_ret = -2, self_cancel_errno, rearm_ret = -2;

static void
self_cancel_alarm(void *arg)
{
	rte_errno = 0;
	self_cancel_ret = rte_eal_alarm_cancel(self_cancel_alarm, arg);
	self_cancel_errno = rte_errno;
	/* Setting an alarm from inside an alarm callback works. */
	rearm_ret = rte_eal_alarm_set(1000, record_alarm, (void *)7);
}

static int
test_alarm_cancel_from_callback(void)
{
	reset();
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(1000, self_cancel_alarm, NULL), "set");
	TEST_ASSERT(wait_fired(1, 2000), "re-armed alarm did not fire");
	TEST_ASSERT_EQUAL(self_cancel_ret, 0, "nothing cancelled");
	TEST_ASSERT_EQUAL(self_cancel_errno, EINPROGRESS, "EINPROGRESS from its own callback");
	TEST_ASSERT_EQUAL(rearm_ret, 0, "set from a callback");
	TEST_ASSERT_EQUAL(order[0], 7, "the re-armed alarm ran");
	return TEST_SUCCESS;
}

static atomic_int slow_started, slow_done;

static void
slow_alarm(void *arg)
{
	(void)arg;
	atomic_store(&slow_started, 1);
	usleep(150000);
	atomic_store(&slow_done, 1);
}

static int
test_alarm_cancel_waits(void)
{
	int ret;

	atomic_store(&slow_started, 0);
	atomic_store(&slow_done, 0);
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(1000, slow_alarm, NULL), "set");
	for (int i = 0; i < 2000 && !atomic_load(&slow_started); i++)
		usleep(1000);
	TEST_ASSERT(atomic_load(&slow_started), "slow alarm did not start");
	ret = rte_eal_alarm_cancel(slow_alarm, NULL);
	TEST_ASSERT_EQUAL(atomic_load(&slow_done), 1, "cancel returned while it ran");
	TEST_ASSERT_EQUAL(ret, 0, "it had already run: nothing cancelled");
	return TEST_SUCCESS;
}

/*
 * Delays DPDK accepts (up to UINT64_MAX - 1 s in microseconds) never come
 * due; in nanoseconds they used to wrap to the past and fire at once.
 */
static int
test_alarm_far_future(void)
{
	const uint64_t near_max = (UINT64_MAX - 1000000) / 1000;

	reset();
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(near_max, record_alarm, (void *)1),
			    "a delay that overflows nanoseconds");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(UINT64_MAX - 1000000, record_alarm, (void *)2),
			    "DPDK's largest delay");
	TEST_ASSERT_EQUAL(rte_eal_alarm_set(UINT64_MAX - 1000000 + 1, record_alarm, NULL),
			  -EINVAL, "one past DPDK's largest delay");
	/* a near alarm still runs first, then nothing else comes due */
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(1000, record_alarm, (void *)3), "1 ms");
	TEST_ASSERT(wait_fired(1, 2000), "the 1 ms alarm did not fire");
	usleep(100000);
	TEST_ASSERT_EQUAL(atomic_load(&fired), 1, "a far alarm fired (first: %d)", order[0]);
	TEST_ASSERT_EQUAL(order[0], 3, "the 1 ms alarm ran");
	TEST_ASSERT_EQUAL(rte_eal_alarm_cancel(record_alarm, (void *)-1), 2,
			  "both far alarms still pending");
	return TEST_SUCCESS;
}

static const struct test_case alarm_cases[] = {
	TEST_CASE(test_alarm_time_order),
	TEST_CASE(test_alarm_cancel),
	TEST_CASE(test_alarm_many),
	TEST_CASE(test_alarm_cancel_from_callback),
	TEST_CASE(test_alarm_cancel_waits),
	TEST_CASE(test_alarm_far_future),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(alarm, TEST_SUITE_EAL, alarm_cases);
