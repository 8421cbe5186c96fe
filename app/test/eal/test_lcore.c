/* SPDX-License-Identifier: BSD-3-Clause */
/* lcores: enumeration, launch, wait, per-lcore variables, pinning. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_per_lcore.h>

#include "test.h"

static RTE_DEFINE_PER_LCORE(unsigned int, seen_id);
static unsigned int ran_on[RTE_MAX_LCORE];
static int ran_cpu[RTE_MAX_LCORE];
static char ran_name[RTE_MAX_LCORE][16];

static int
record_lcore(void *arg)
{
	unsigned int id = rte_lcore_id();

	RTE_PER_LCORE(seen_id) = id + 100;
	ran_on[id] = RTE_PER_LCORE(seen_id);
	ran_cpu[id] = sched_getcpu();
	pthread_getname_np(pthread_self(), ran_name[id], sizeof(ran_name[id]));
	return (int)(uintptr_t)arg + (int)id;
}

static int
test_lcore_enumeration(void)
{
	unsigned int i, n = 0, workers = 0;

	TEST_ASSERT_EQUAL(rte_lcore_count(), 2, "runner starts with -l 0-1");
	TEST_ASSERT_EQUAL(rte_get_main_lcore(), 0, "main is the first lcore");
	TEST_ASSERT_EQUAL(rte_lcore_id(), 0, "this thread is the main lcore");
	RTE_LCORE_FOREACH(i)
		n++;
	RTE_LCORE_FOREACH_WORKER(i)
		workers++;
	TEST_ASSERT_EQUAL(n, 2, "FOREACH visits both");
	TEST_ASSERT_EQUAL(workers, 1, "FOREACH_WORKER skips main");
	TEST_ASSERT(rte_lcore_is_enabled(1), "lcore 1 enabled");
	TEST_ASSERT(!rte_lcore_is_enabled(2), "lcore 2 not enabled");
	TEST_ASSERT(!rte_lcore_is_enabled(RTE_MAX_LCORE + 5), "out of range");
	TEST_ASSERT_EQUAL(rte_get_next_lcore(0, 0, 0), 1, "next after 0");
	TEST_ASSERT_EQUAL(rte_get_next_lcore(1, 0, 0), RTE_MAX_LCORE, "end");
	TEST_ASSERT_EQUAL(rte_get_next_lcore(1, 0, 1), 0, "wrap");
	TEST_ASSERT_EQUAL(rte_get_next_lcore(-1, 1, 0), 1, "skip main");
	TEST_ASSERT_EQUAL(rte_lcore_index(1), 1, "index of lcore 1");
	TEST_ASSERT_EQUAL(rte_lcore_to_cpu_id(1), 1, "lcore 1 on cpu 1");
	TEST_ASSERT(rte_socket_count() >= 1, "at least one socket");
	TEST_ASSERT_EQUAL(rte_socket_id_by_idx(0), (int)rte_lcore_to_socket_id(0),
			  "socket of lcore 0");
	TEST_ASSERT_EQUAL(rte_socket_id(), rte_lcore_to_socket_id(0), "main's socket");
	return TEST_SUCCESS;
}

/* DPDK's format, one line per lcore in use: -l 0-1 pins lcore i to CPU i */
static int
test_lcore_dump(void)
{
	char *text = test_capture(rte_lcore_dump), want[160];
	int same;

	TEST_ASSERT_NOT_NULL(text, "dump captured");
	snprintf(want, sizeof(want),
		 "lcore 0, socket %u, role RTE, cpuset 0\nlcore 1, socket %u, role RTE, cpuset 1\n",
		 rte_lcore_to_socket_id(0), rte_lcore_to_socket_id(1));
	printf("%s", text);
	same = strcmp(text, want) == 0;
	free(text);
	TEST_ASSERT(same, "dump is the two RTE lcores, each on its CPU");
	return TEST_SUCCESS;
}

static int
test_lcore_remote_launch(void)
{
	memset(ran_on, 0, sizeof(ran_on));
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(record_lcore, (void *)7, 1), "launch");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(1), 8, "worker returns 7 + lcore id");
	TEST_ASSERT_EQUAL(ran_on[1], 101, "per-lcore variable is the worker's own");
	TEST_ASSERT_EQUAL(RTE_PER_LCORE(seen_id), 0, "main's copy untouched");
	TEST_ASSERT_EQUAL(ran_cpu[1], 1, "worker pinned to CPU 1");
	TEST_ASSERT(strcmp(ran_name[1], "rte-worker-1") == 0, "thread name %s", ran_name[1]);
	TEST_ASSERT_EQUAL(rte_eal_get_lcore_state(1), WAIT, "back to WAIT");
	TEST_ASSERT_EQUAL(rte_eal_remote_launch(record_lcore, NULL, 0), -EINVAL,
			  "the main lcore is not a worker");
	TEST_ASSERT_EQUAL(rte_eal_remote_launch(record_lcore, NULL, 5), -EINVAL,
			  "disabled lcore");
	return TEST_SUCCESS;
}

static volatile int spin_release;

static int
spin_until_released(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&spin_release, __ATOMIC_ACQUIRE))
		rte_pause();
	return 5;
}

static int
test_lcore_busy(void)
{
	spin_release = 0;
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(spin_until_released, NULL, 1), "launch");
	TEST_ASSERT_EQUAL(rte_eal_remote_launch(record_lcore, NULL, 1), -EBUSY,
			  "busy worker refuses a second job");
	TEST_ASSERT_EQUAL(rte_eal_get_lcore_state(1), RUNNING, "running");
	__atomic_store_n(&spin_release, 1, __ATOMIC_RELEASE);
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(1), 5, "result after release");
	return TEST_SUCCESS;
}

static int
test_lcore_mp_launch(void)
{
	memset(ran_on, 0, sizeof(ran_on));
	TEST_ASSERT_SUCCESS(rte_eal_mp_remote_launch(record_lcore, (void *)1, CALL_MAIN),
			    "launch on all");
	rte_eal_mp_wait_lcore();
	TEST_ASSERT_EQUAL(ran_on[0], 100, "ran on main");
	TEST_ASSERT_EQUAL(ran_on[1], 101, "ran on worker");
	memset(ran_on, 0, sizeof(ran_on));
	TEST_ASSERT_SUCCESS(rte_eal_mp_remote_launch(record_lcore, (void *)1, SKIP_MAIN),
			    "launch on workers");
	rte_eal_mp_wait_lcore();
	TEST_ASSERT_EQUAL(ran_on[0], 0, "main skipped");
	TEST_ASSERT_EQUAL(ran_on[1], 101, "ran on worker");
	return TEST_SUCCESS;
}

static int
test_lcore_pinning(void)
{
	rte_cpuset_t set;
	cpu_set_t actual;

	rte_thread_get_affinity(&set);
	TEST_ASSERT(CPU_ISSET(0, &set) && CPU_COUNT(&set) == 1, "main's cpuset is {0}");
	TEST_ASSERT_SUCCESS(pthread_getaffinity_np(pthread_self(), sizeof(actual), &actual),
			    "affinity");
	TEST_ASSERT(CPU_ISSET(0, &actual) && CPU_COUNT(&actual) == 1, "main pinned to CPU 0");
	return TEST_SUCCESS;
}

static volatile int ctrl_release;

static void *
ctrl_thread(void *arg)
{
	*(unsigned int *)arg = rte_lcore_id();
	/* stay alive until the test has read our name */
	while (!__atomic_load_n(&ctrl_release, __ATOMIC_ACQUIRE))
		rte_pause();
	return NULL;
}

static int
test_lcore_ctrl_thread(void)
{
	unsigned int id = 0;
	pthread_t t;
	char name[16];

	ctrl_release = 0;
	TEST_ASSERT_SUCCESS(rte_ctrl_thread_create(&t, "test-ctrl", NULL, ctrl_thread, &id),
			    "create");
	TEST_ASSERT_SUCCESS(rte_thread_getname(t, name, sizeof(name)), "name");
	__atomic_store_n(&ctrl_release, 1, __ATOMIC_RELEASE);
	pthread_join(t, NULL);
	TEST_ASSERT_EQUAL(id, LCORE_ID_ANY, "a control thread is not an lcore");
	TEST_ASSERT(strcmp(name, "test-ctrl") == 0, "named %s", name);
	return TEST_SUCCESS;
}

static const struct test_case lcore_cases[] = {
	TEST_CASE(test_lcore_enumeration),
	TEST_CASE(test_lcore_dump),
	TEST_CASE(test_lcore_remote_launch),
	TEST_CASE(test_lcore_busy),
	TEST_CASE(test_lcore_mp_launch),
	TEST_CASE(test_lcore_pinning),
	TEST_CASE(test_lcore_ctrl_thread),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(lcore, TEST_SUITE_EAL, lcore_cases)
