/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Service cores: registration, runstates, mapping, service lcores and their
 * loop, serialization of services that are not MT-safe, statistics, and the
 * -s/-S options. Runs with five lcores on the machine's CPUs
 * (--lcores 0@0,1@1,2@0,3@1,4@1) and -S 4; waits are bounded by progress of
 * the service lcores (their loop counts), with a long guard against hangs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_service.h>
#include <rte_service_component.h>

#include "test.h"

#define NEEDED_LCORES 5
/* Guard against a hang only: no assertion depends on how long things take. */
#define GUARD_US (60ULL * 1000 * 1000)

static char out[16384];

/* What the test services did, per lcore (rte_lcore_id(), all below 5). */
static uint64_t calls_on[RTE_MAX_LCORE];
static uint32_t in_service; /* 1 while a serialized service runs */
static uint32_t overlaps;   /* times a second lcore entered it */
static uint32_t hold;	    /* block_service spins while this is 1 */
static uint32_t held;	    /* block_service is spinning */

static int32_t
count_service(void *arg)
{
	unsigned int l = rte_lcore_id();

	RTE_SET_USED(arg);
	__atomic_fetch_add(&calls_on[l < RTE_MAX_LCORE ? l : 0], 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 100; i++)
		rte_pause();
	return 0;
}

/* Records a second lcore entering while one is inside. */
static int32_t
exclusive_service(void *arg)
{
	RTE_SET_USED(arg);
	if (__atomic_exchange_n(&in_service, 1, __ATOMIC_ACQUIRE) != 0)
		__atomic_fetch_add(&overlaps, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 2000; i++)
		rte_pause();
	__atomic_fetch_add(&calls_on[rte_lcore_id()], 1, __ATOMIC_RELAXED);
	__atomic_store_n(&in_service, 0, __ATOMIC_RELEASE);
	return 0;
}

static int32_t
block_service(void *arg)
{
	RTE_SET_USED(arg);
	__atomic_store_n(&held, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&hold, __ATOMIC_ACQUIRE))
		rte_pause();
	__atomic_store_n(&held, 0, __ATOMIC_RELEASE);
	return 0;
}

static int32_t
idle_service(void *arg)
{
	RTE_SET_USED(arg);
	__atomic_fetch_add(&calls_on[rte_lcore_id()], 1, __ATOMIC_RELAXED);
	return -EAGAIN;
}

static void
reset_counters(void)
{
	memset(calls_on, 0, sizeof(calls_on));
	__atomic_store_n(&overlaps, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&in_service, 0, __ATOMIC_RELAXED);
}

static uint64_t
calls(unsigned int lcore)
{
	return __atomic_load_n(&calls_on[lcore], __ATOMIC_RELAXED);
}

static int
register_service(const char *name, rte_service_func fn, uint32_t caps, uint32_t *id)
{
	struct rte_service_spec spec;

	memset(&spec, 0, sizeof(spec));
	snprintf(spec.name, sizeof(spec.name), "%s", name);
	spec.callback = fn;
	spec.capabilities = caps;
	return rte_service_component_register(&spec, id);
}

/* Register a service with both runstates on. */
static int
register_running(const char *name, rte_service_func fn, uint32_t caps, uint32_t *id)
{
	int ret = register_service(name, fn, caps, id);

	if (ret == 0)
		ret = rte_service_component_runstate_set(*id, 1);
	if (ret == 0)
		ret = rte_service_runstate_set(*id, 1);
	return ret;
}

/* Every registered service unregistered, every service lcore given back. */
static void
services_clear(void)
{
	rte_service_lcore_reset_all();
	for (uint32_t id = 0; id < 64; id++) {
		if (rte_service_get_name(id) == NULL)
			continue;
		rte_service_runstate_set(id, 0);
		rte_service_component_unregister(id);
	}
}

/* Wait until lcore has made n more passes over its services; 0 or -1 (hang). */
static int
wait_loops(unsigned int lcore, uint64_t n)
{
	uint64_t start, now;
	uint64_t deadline = rte_get_timer_cycles() + GUARD_US * rte_get_timer_hz() / 1000000;

	if (rte_service_lcore_attr_get(lcore, RTE_SERVICE_LCORE_ATTR_LOOPS, &start) < 0)
		return -1;
	do {
		rte_delay_us_sleep(200);
		if (rte_service_lcore_attr_get(lcore, RTE_SERVICE_LCORE_ATTR_LOOPS, &now) < 0)
			return -1;
	} while (now - start < n && rte_get_timer_cycles() < deadline);
	return now - start >= n ? 0 : -1;
}

/* Wait until *p >= n; 0 or -1 (hang). */
static int
wait_count(const uint64_t *p, uint64_t n)
{
	uint64_t deadline = rte_get_timer_cycles() + GUARD_US * rte_get_timer_hz() / 1000000;

	while (__atomic_load_n(p, __ATOMIC_RELAXED) < n) {
		if (rte_get_timer_cycles() > deadline)
			return -1;
		rte_delay_us_sleep(200);
	}
	return 0;
}

/* Wait until f(arg) returns 0; 0 or -1 (hang). */
static int
wait_zero(int32_t (*f)(uint32_t), uint32_t arg)
{
	uint64_t deadline = rte_get_timer_cycles() + GUARD_US * rte_get_timer_hz() / 1000000;

	while (f(arg) != 0) {
		if (rte_get_timer_cycles() > deadline)
			return -1;
		rte_delay_us_sleep(200);
	}
	return 0;
}

static int
enough_lcores(void)
{
	return rte_lcore_count() >= NEEDED_LCORES && rte_lcore_to_cpu_id(4) >= 0;
}

/* -S 4 on the command line: lcore 4 is a service lcore, started by rte_eal_init. */
static int
test_service_eal_lcore(void)
{
	uint32_t list[RTE_MAX_LCORE];
	unsigned int i, n = 0;

	if (!enough_lcores())
		return TEST_SKIPPED;
	TEST_ASSERT_EQUAL(rte_service_lcore_count(), 1, "-S 4 gives one service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_list(list, RTE_DIM(list)), 1, "listed");
	TEST_ASSERT_EQUAL(list[0], 4, "it is lcore 4");
	TEST_ASSERT_EQUAL(rte_eal_lcore_role(4), ROLE_SERVICE, "role of lcore 4");
	TEST_ASSERT(!rte_lcore_is_enabled(4), "a service lcore is not enabled for the app");
	TEST_ASSERT_EQUAL(rte_lcore_count(), 5, "rte_lcore_count counts it, as DPDK");
	RTE_LCORE_FOREACH(i)
	n += i != 4;
	TEST_ASSERT_EQUAL(n, 4, "FOREACH visits lcores 0-3");
	RTE_LCORE_FOREACH(i)
	TEST_ASSERT(i != 4, "FOREACH skips the service lcore");
	/* rte_lcore_dump lists it though, with its role and CPU (4@1) */
	{
		char *text = test_capture(rte_lcore_dump), want[96];
		bool found;

		TEST_ASSERT_NOT_NULL(text, "dump captured");
		snprintf(want, sizeof(want), "lcore 4, socket %u, role SERVICE, cpuset 1\n",
			 rte_lcore_to_socket_id(4));
		found = strstr(text, want) != NULL && strstr(text, "role RTE, cpuset 0\n") != NULL;
		if (!found)
			printf("%s", text);
		free(text);
		TEST_ASSERT(found, "dump shows lcore 4 as SERVICE on CPU 1, the others as RTE");
	}
	/* rte_service_start_with_defaults started it: nothing to run yet */
	TEST_ASSERT_EQUAL(rte_service_lcore_start(4), -EALREADY, "started at init");
	TEST_ASSERT_EQUAL(rte_eal_get_lcore_state(4), RUNNING, "its loop runs");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(4), 0, "nothing mapped");
	TEST_ASSERT_SUCCESS(rte_service_lcore_reset_all(), "reset");
	TEST_ASSERT_EQUAL(rte_eal_get_lcore_state(4), WAIT, "back in WAIT after reset");
	TEST_ASSERT_EQUAL(rte_service_lcore_count(), 0, "reset gives it back");
	TEST_ASSERT_EQUAL(rte_eal_lcore_role(4), ROLE_RTE, "role RTE again");
	TEST_ASSERT(rte_lcore_is_enabled(4), "enabled again");
	TEST_ASSERT_EQUAL(rte_service_start_with_defaults(), -ENOTSUP, "no service lcore left");
	return TEST_SUCCESS;
}

static int
test_service_register(void)
{
	struct rte_service_spec spec;
	uint32_t id, id2, found, ids[64];
	uint32_t before = rte_service_get_count();

	memset(&spec, 0, sizeof(spec));
	TEST_ASSERT_EQUAL(rte_service_component_register(NULL, &id), -EINVAL, "NULL spec");
	snprintf(spec.name, sizeof(spec.name), "no_callback");
	TEST_ASSERT_EQUAL(rte_service_component_register(&spec, &id), -EINVAL, "no callback");
	spec.callback = count_service;
	spec.name[0] = '\0';
	TEST_ASSERT_EQUAL(rte_service_component_register(&spec, &id), -EINVAL, "empty name");
	memset(spec.name, 'x', sizeof(spec.name));
	TEST_ASSERT_EQUAL(rte_service_component_register(&spec, &id), -EINVAL, "name without NUL");
	TEST_ASSERT_EQUAL(rte_service_get_count(), before, "nothing registered");

	TEST_ASSERT_SUCCESS(register_service("svc_a", count_service, RTE_SERVICE_CAP_MT_SAFE, &id),
			    "register a");
	TEST_ASSERT_SUCCESS(register_service("svc_b", count_service, 0, &id2), "register b");
	TEST_ASSERT(id != id2, "distinct ids");
	TEST_ASSERT_EQUAL(rte_service_get_count(), before + 2, "count");
	TEST_ASSERT_SUCCESS(rte_service_get_by_name("svc_b", &found), "lookup");
	TEST_ASSERT_EQUAL(found, id2, "lookup finds b");
	TEST_ASSERT_EQUAL(rte_service_get_by_name("svc_c", &found), -ENODEV, "unknown");
	TEST_ASSERT_EQUAL(rte_service_get_by_name("svc_a", NULL), -EINVAL, "NULL id");
	TEST_ASSERT_EQUAL(strcmp(rte_service_get_name(id), "svc_a"), 0, "name of a");
	TEST_ASSERT_NULL(rte_service_get_name(64), "no service 64");
	TEST_ASSERT_EQUAL(rte_service_probe_capability(id, RTE_SERVICE_CAP_MT_SAFE), 1, "a MT");
	TEST_ASSERT_EQUAL(rte_service_probe_capability(id2, RTE_SERVICE_CAP_MT_SAFE), 0,
			  "b not MT");
	TEST_ASSERT_EQUAL(rte_service_probe_capability(999, 1), -EINVAL, "bad id");

	TEST_ASSERT_SUCCESS(rte_service_component_unregister(id), "unregister a");
	TEST_ASSERT_EQUAL(rte_service_component_unregister(id), -EINVAL, "twice");
	TEST_ASSERT_NULL(rte_service_get_name(id), "a is gone");
	TEST_ASSERT_EQUAL(rte_service_get_by_name("svc_a", &found), -ENODEV, "a not found");
	TEST_ASSERT_EQUAL(rte_service_get_count(), before + 1, "count after unregister");
	TEST_ASSERT_EQUAL(rte_service_runstate_set(id, 1), -EINVAL, "stale id");

	/* 64 services at most */
	TEST_ASSERT_SUCCESS(rte_service_component_unregister(id2), "unregister b");
	for (uint32_t i = before; i < 64; i++) {
		char name[16];

		snprintf(name, sizeof(name), "svc_%u", i);
		TEST_ASSERT_SUCCESS(register_service(name, count_service, 0, &ids[i]),
				    "register %u", i);
	}
	TEST_ASSERT_EQUAL(register_service("svc_full", count_service, 0, &id), -ENOSPC,
			  "65th service");
	TEST_ASSERT_EQUAL(rte_service_get_count(), 64, "64 registered");
	for (uint32_t i = before; i < 64; i++)
		TEST_ASSERT_SUCCESS(rte_service_component_unregister(ids[i]), "unregister");
	TEST_ASSERT_EQUAL(rte_service_get_count(), before, "all gone");
	return TEST_SUCCESS;
}

/* The component, the application and the lcore must all say run. */
static int
test_service_runstates(void)
{
	uint32_t id;

	if (!enough_lcores())
		return TEST_SKIPPED;
	reset_counters();
	TEST_ASSERT_SUCCESS(register_service("svc_run", count_service, 0, &id), "register");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(id), 0, "off when registered");
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(1), "add lcore 1");
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 1, 1), "map");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id, 1), 1, "mapped");
	TEST_ASSERT_SUCCESS(rte_service_lcore_start(1), "start lcore 1");

	/* app on, component off: the lcore loops, the service is not called */
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 1), "app on");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(id), 0, "component still off");
	TEST_ASSERT_SUCCESS(wait_loops(1, 50), "lcore 1 loops");
	TEST_ASSERT_EQUAL(calls(1), 0, "not called with the component off");
	TEST_ASSERT_EQUAL(rte_service_may_be_active(id), 0, "not active");

	/* component on, app off */
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 0), "app off");
	TEST_ASSERT_SUCCESS(rte_service_component_runstate_set(id, 1), "component on");
	TEST_ASSERT_SUCCESS(wait_loops(1, 50), "lcore 1 loops");
	TEST_ASSERT_EQUAL(calls(1), 0, "not called with the app off");

	/* both on: it runs on lcore 1 */
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 1), "app on");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(id), 1, "running");
	TEST_ASSERT_SUCCESS(wait_count(&calls_on[1], 100), "called on lcore 1");
	TEST_ASSERT_EQUAL(rte_service_may_be_active(id), 1, "active on lcore 1");
	for (unsigned int l = 0; l < NEEDED_LCORES; l++)
		if (l != 1)
			TEST_ASSERT_EQUAL(calls(l), 0, "lcore %u did not run it", l);

	/* unmapped while it runs there: no longer active on lcore 1 */
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 1, 0), "unmap while running");
	TEST_ASSERT_SUCCESS(wait_zero(rte_service_may_be_active, id), "inactive once unmapped");
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 1, 1), "map again");
	TEST_ASSERT_SUCCESS(wait_count(&calls_on[1], calls(1) + 10), "runs again on lcore 1");
	TEST_ASSERT_EQUAL(rte_service_may_be_active(id), 1, "active again");

	/* lcore stopped: no more calls; the loop returns to the EAL */
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 0), "app off");
	TEST_ASSERT_SUCCESS(rte_service_lcore_stop(1), "stop");
	TEST_ASSERT_SUCCESS(wait_zero(rte_service_lcore_may_be_active, 1), "loop left");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(1), 0, "the loop returned 0");
	TEST_ASSERT_EQUAL(rte_service_may_be_active(id), 0, "not active after stop");
	{
		uint64_t c = calls(1);

		TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 1), "app on");
		rte_delay_us_sleep(1000);
		TEST_ASSERT_EQUAL(calls(1), c, "a stopped lcore runs nothing");
	}

	/* the mapped check: unmapped, a service does not count as running */
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 1, 0), "unmap");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id, 1), 0, "unmapped");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(id), 0, "no lcore mapped");
	TEST_ASSERT_SUCCESS(rte_service_set_runstate_mapped_check(id, 0), "check off");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(id), 1, "running without a lcore");
	TEST_ASSERT_EQUAL(rte_service_set_runstate_mapped_check(77, 0), -EINVAL, "bad id");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(77), -EINVAL, "bad id");
	TEST_ASSERT_EQUAL(rte_service_component_runstate_set(77, 1), -EINVAL, "bad id");
	services_clear();
	return TEST_SUCCESS;
}

/* A service without MT_SAFE on two service lcores runs on one at a time. */
static int
test_service_mt_unsafe(void)
{
	uint64_t deadline;
	uint32_t id;
	int busy = 0, ran = 0;

	if (!enough_lcores())
		return TEST_SKIPPED;
	reset_counters();
	TEST_ASSERT_SUCCESS(register_running("svc_excl", exclusive_service, 0, &id), "register");
	for (unsigned int l = 1; l <= 2; l++) {
		TEST_ASSERT_SUCCESS(rte_service_lcore_add(l), "add %u", l);
		TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, l, 1), "map %u", l);
		TEST_ASSERT_SUCCESS(rte_service_lcore_start(l), "start %u", l);
	}
	/* the main lcore competes too, asking for serialization */
	deadline = rte_get_timer_cycles() + GUARD_US * rte_get_timer_hz() / 1000000;
	while (calls(1) < 200 || calls(2) < 200) {
		int rc = rte_service_run_iter_on_app_lcore(id, 1);

		TEST_ASSERT(rc == 0 || rc == -EBUSY, "run_iter: %d", rc);
		busy += rc == -EBUSY;
		ran += rc == 0;
		TEST_ASSERT(rte_get_timer_cycles() < deadline, "hang: calls %" PRIu64 "/%" PRIu64,
			    calls(1), calls(2));
		rte_delay_us_sleep(50);
	}
	TEST_ASSERT_EQUAL(__atomic_load_n(&overlaps, __ATOMIC_RELAXED), 0,
			  "never two lcores inside (calls %" PRIu64 "/%" PRIu64 "/%d, busy %d)",
			  calls(1), calls(2), ran, busy);
	TEST_ASSERT_EQUAL(calls(0), (uint64_t)ran, "main ran it when run_iter said 0");
	services_clear();
	return TEST_SUCCESS;
}

static int
run_iter_on_worker(void *arg)
{
	return rte_service_run_iter_on_app_lcore((uint32_t)(uintptr_t)arg, 1);
}

static int
test_service_run_iter(void)
{
	uint32_t id, blk;

	if (!enough_lcores())
		return TEST_SKIPPED;
	reset_counters();
	TEST_ASSERT_SUCCESS(register_service("svc_iter", count_service, 0, &id), "reg");
	TEST_ASSERT_EQUAL(rte_service_run_iter_on_app_lcore(id, 1), -ENOEXEC, "both off");
	TEST_ASSERT_SUCCESS(rte_service_component_runstate_set(id, 1), "component on");
	TEST_ASSERT_EQUAL(rte_service_run_iter_on_app_lcore(id, 1), -ENOEXEC, "app off");
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 1), "app on");
	TEST_ASSERT_SUCCESS(rte_service_run_iter_on_app_lcore(id, 1), "runs");
	TEST_ASSERT_SUCCESS(rte_service_run_iter_on_app_lcore(id, 0), "runs");
	TEST_ASSERT_EQUAL(calls(0), 2, "twice, on the main lcore");
	TEST_ASSERT_EQUAL(rte_service_run_iter_on_app_lcore(123, 1), -EINVAL, "bad id");
	TEST_ASSERT_EQUAL(rte_service_may_be_active(id), 0, "not active after the call");

	/* -EBUSY while lcore 3 is inside a non-MT-safe service */
	TEST_ASSERT_SUCCESS(register_running("svc_block", block_service, 0, &blk), "register");
	__atomic_store_n(&hold, 1, __ATOMIC_RELEASE);
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(run_iter_on_worker, (void *)(uintptr_t)blk, 3),
			    "launch on lcore 3");
	while (!__atomic_load_n(&held, __ATOMIC_ACQUIRE))
		rte_pause();
	TEST_ASSERT_EQUAL(rte_service_run_iter_on_app_lcore(blk, 1), -EBUSY,
			  "serialized: lcore 3 is inside");
	TEST_ASSERT_EQUAL(rte_service_may_be_active(blk), 1, "active on lcore 3");
	TEST_ASSERT_EQUAL(rte_service_component_unregister(blk), -EBUSY, "running: busy");
	__atomic_store_n(&hold, 0, __ATOMIC_RELEASE);
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(3), 0, "lcore 3 ran it");
	/* not serialized: the caller vouches for exclusion and it runs */
	TEST_ASSERT_SUCCESS(rte_service_run_iter_on_app_lcore(blk, 0), "runs unserialized");
	TEST_ASSERT_SUCCESS(rte_service_component_unregister(blk), "unregister");
	services_clear();
	return TEST_SUCCESS;
}

static int
test_service_stats(void)
{
	uint32_t id, idle;
	uint64_t v, cycles;

	if (!enough_lcores())
		return TEST_SKIPPED;
	reset_counters();
	TEST_ASSERT_SUCCESS(register_running("svc_stats", count_service, 0, &id), "register");
	for (int i = 0; i < 5; i++)
		TEST_ASSERT_SUCCESS(rte_service_run_iter_on_app_lcore(id, 1), "run");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), "get");
	TEST_ASSERT_EQUAL(v, 0, "statistics are off by default");

	TEST_ASSERT_SUCCESS(rte_service_set_stats_enable(id, 1), "stats on");
	for (int i = 0; i < 5; i++)
		TEST_ASSERT_SUCCESS(rte_service_run_iter_on_app_lcore(id, 1), "run");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), "get");
	TEST_ASSERT_EQUAL(v, 5, "five calls counted");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(id, RTE_SERVICE_ATTR_CYCLES, &cycles), "get");
	TEST_ASSERT(cycles > 0, "cycles counted");
	TEST_ASSERT_EQUAL(rte_service_attr_get(id, 7, &v), -EINVAL, "unknown attribute");
	TEST_ASSERT_EQUAL(rte_service_attr_get(id, RTE_SERVICE_ATTR_CYCLES, NULL), -EINVAL,
			  "NULL value");
	TEST_ASSERT_EQUAL(rte_service_attr_get(99, RTE_SERVICE_ATTR_CYCLES, &v), -EINVAL, "bad id");
	TEST_ASSERT_SUCCESS(rte_service_attr_reset_all(id), "reset");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), "get");
	TEST_ASSERT_EQUAL(v, 0, "reset to 0");
	TEST_ASSERT_EQUAL(rte_service_attr_reset_all(99), -EINVAL, "bad id");
	TEST_ASSERT_EQUAL(rte_service_set_stats_enable(99, 1), -EINVAL, "bad id");

	/* -EAGAIN: the call counts, its cycles do not */
	TEST_ASSERT_SUCCESS(register_running("svc_idle", idle_service, 0, &idle), "register");
	TEST_ASSERT_SUCCESS(rte_service_set_stats_enable(idle, 1), "stats on");
	for (int i = 0; i < 3; i++)
		TEST_ASSERT_SUCCESS(rte_service_run_iter_on_app_lcore(idle, 1), "run");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(idle, RTE_SERVICE_ATTR_CALL_COUNT, &v), "get");
	TEST_ASSERT_EQUAL(v, 3, "three calls");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(idle, RTE_SERVICE_ATTR_CYCLES, &v), "get");
	TEST_ASSERT_EQUAL(v, 0, "no cycles for -EAGAIN");

	/* on a service lcore: calls, loops and cycles of the lcore */
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(2), "add 2");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_get(2, RTE_SERVICE_LCORE_ATTR_LOOPS, &v), 0,
			  "loops");
	TEST_ASSERT_EQUAL(v, 0, "no loops before start");
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 2, 1), "map");
	TEST_ASSERT_SUCCESS(rte_service_lcore_start(2), "start");
	TEST_ASSERT_SUCCESS(wait_count(&calls_on[2], 50), "ran on lcore 2");
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id, 0), "app off");
	TEST_ASSERT_SUCCESS(rte_service_lcore_stop(2), "stop");
	TEST_ASSERT_SUCCESS(wait_zero(rte_service_lcore_may_be_active, 2), "loop left");
	TEST_ASSERT_SUCCESS(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), "get");
	TEST_ASSERT_EQUAL(v, calls(2), "every call of lcore 2 counted");
	TEST_ASSERT_SUCCESS(rte_service_lcore_attr_get(2, RTE_SERVICE_LCORE_ATTR_LOOPS, &v),
			    "loops");
	TEST_ASSERT(v >= calls(2), "a call per loop at most: loops %" PRIu64, v);
	TEST_ASSERT_SUCCESS(rte_service_lcore_attr_get(2, RTE_SERVICE_LCORE_ATTR_CYCLES, &cycles),
			    "cycles");
	TEST_ASSERT(cycles > 0, "lcore cycles counted");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_get(2, 9, &v), -EINVAL, "unknown attribute");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_get(2, 0, NULL), -EINVAL, "NULL value");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_get(3, 0, &v), -ENOTSUP, "not a service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_get(RTE_MAX_LCORE, 0, &v), -EINVAL, "range");
	TEST_ASSERT_SUCCESS(rte_service_lcore_attr_reset_all(2), "reset lcore");
	TEST_ASSERT_SUCCESS(rte_service_lcore_attr_get(2, RTE_SERVICE_LCORE_ATTR_LOOPS, &v),
			    "loops");
	TEST_ASSERT_EQUAL(v, 0, "loops reset");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_reset_all(3), -ENOTSUP, "not a service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_attr_reset_all(RTE_MAX_LCORE), -EINVAL, "range");
	services_clear();
	return TEST_SUCCESS;
}

/* An application function that holds its lcore like block_service. */
static int
spin_until_released(void *arg)
{
	block_service(arg);
	return 42;
}

/* Where rte_eal_remote_launch ran the application's function. */
static uint64_t launched_on[RTE_MAX_LCORE];

static int
note_lcore(void *arg)
{
	RTE_SET_USED(arg);
	__atomic_fetch_add(&launched_on[rte_lcore_id()], 1, __ATOMIC_RELAXED);
	return 0;
}

static int
test_service_lcore_errors(void)
{
	uint32_t id, list[2];

	if (!enough_lcores())
		return TEST_SKIPPED;
	memset(launched_on, 0, sizeof(launched_on));
	TEST_ASSERT_EQUAL(rte_service_lcore_add(RTE_MAX_LCORE), -EINVAL, "out of range");
	TEST_ASSERT_EQUAL(rte_service_lcore_add(0), -EINVAL, "the main lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_add(9), -EINVAL, "not in the lcore list");
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(1), "add 1");
	TEST_ASSERT_EQUAL(rte_service_lcore_add(1), -EALREADY, "add 1 again");
	TEST_ASSERT_EQUAL(rte_service_lcore_count(), 1, "one service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_list(list, 0), -ENOMEM, "array too small");
	TEST_ASSERT_EQUAL(rte_service_lcore_list(NULL, 2), -EINVAL, "NULL array");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(1), 0, "nothing mapped");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(2), -ENOTSUP, "not a service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(RTE_MAX_LCORE), -EINVAL, "range");
	TEST_ASSERT_EQUAL(rte_service_lcore_may_be_active(2), -EINVAL, "not a service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_may_be_active(1), 0, "not started");

	/* the application's lcore functions skip the service lcore */
	TEST_ASSERT_SUCCESS(rte_eal_mp_remote_launch(note_lcore, NULL, SKIP_MAIN), "mp launch");
	rte_eal_mp_wait_lcore();
	TEST_ASSERT_EQUAL(launched_on[1], 0, "not launched on the service lcore");
	TEST_ASSERT_EQUAL(launched_on[2] + launched_on[3] + launched_on[4], 3,
			  "launched on lcores 2-4");

	/* start, stop, del */
	TEST_ASSERT_EQUAL(rte_service_lcore_start(2), -EINVAL, "start: not a service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_start(RTE_MAX_LCORE), -EINVAL, "start: range");
	TEST_ASSERT_SUCCESS(rte_service_lcore_start(1), "start 1");
	TEST_ASSERT_EQUAL(rte_service_lcore_start(1), -EALREADY, "start 1 again");
	TEST_ASSERT_EQUAL(rte_service_lcore_del(1), -EBUSY, "del while started");
	TEST_ASSERT_EQUAL(rte_eal_remote_launch(note_lcore, NULL, 1), -EBUSY,
			  "its loop holds the lcore");
	TEST_ASSERT_SUCCESS(register_running("svc_only", count_service, 0, &id), "register");
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 1, 1), "map");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(1), 1, "one mapped");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_set(id, 2, 1), -EINVAL, "map: not service");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_set(99, 1, 1), -EINVAL, "map: bad id");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id, 2), -EINVAL, "get: not service");
	TEST_ASSERT_EQUAL(rte_service_lcore_stop(1), -EBUSY, "only lcore of a running service");
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 1, 0), "unmap");
	TEST_ASSERT_SUCCESS(rte_service_lcore_stop(1), "stop 1");
	TEST_ASSERT_EQUAL(rte_service_lcore_stop(1), -EALREADY, "stop 1 again");
	TEST_ASSERT_EQUAL(rte_service_lcore_stop(2), -EALREADY, "stop: not a service lcore");
	TEST_ASSERT_EQUAL(rte_service_lcore_stop(RTE_MAX_LCORE), -EINVAL, "stop: range");
	/* stop and start at once: start waits for the old loop */
	TEST_ASSERT_SUCCESS(rte_service_lcore_start(1), "start 1 right after stop");
	TEST_ASSERT_SUCCESS(rte_service_lcore_stop(1), "stop 1");
	TEST_ASSERT_SUCCESS(rte_service_lcore_del(1), "del 1");
	TEST_ASSERT_EQUAL(rte_service_lcore_del(1), -EINVAL, "del 1 again");
	TEST_ASSERT_EQUAL(rte_service_lcore_del(RTE_MAX_LCORE), -EINVAL, "del: range");
	TEST_ASSERT_EQUAL(rte_service_lcore_count(), 0, "none left");
	TEST_ASSERT(rte_lcore_is_enabled(1), "lcore 1 is the application's again");
	rte_eal_wait_lcore(1);
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(note_lcore, NULL, 1), "launch on 1 again");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(1), 0, "ran");
	TEST_ASSERT_EQUAL(launched_on[1], 1, "lcore 1 ran the application's function");

	/* an lcore busy with an application function is refused */
	__atomic_store_n(&hold, 1, __ATOMIC_RELEASE);
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(spin_until_released, NULL, 3), "launch 3");
	TEST_ASSERT_EQUAL(rte_service_lcore_add(3), -EBUSY, "add a busy lcore");
	__atomic_store_n(&hold, 0, __ATOMIC_RELEASE);
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(3), 42, "its function returned");
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(3), "add 3 once idle");
	TEST_ASSERT_SUCCESS(rte_service_lcore_del(3), "del 3");
	services_clear();
	return TEST_SUCCESS;
}

static int
test_service_start_with_defaults(void)
{
	uint32_t id[3];
	const char *names[3] = {"svc_d0", "svc_d1", "svc_d2"};

	if (!enough_lcores())
		return TEST_SKIPPED;
	reset_counters();
	for (int i = 0; i < 3; i++) {
		TEST_ASSERT_SUCCESS(register_service(names[i], count_service, 0, &id[i]), "reg");
		TEST_ASSERT_SUCCESS(rte_service_component_runstate_set(id[i], 1), "on");
	}
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(1), "add 1");
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(2), "add 2");
	TEST_ASSERT_SUCCESS(rte_service_start_with_defaults(), "defaults");
	/* round robin: d0 -> 1, d1 -> 2, d2 -> 1 */
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id[0], 1), 1, "d0 on 1");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id[1], 2), 1, "d1 on 2");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id[2], 1), 1, "d2 on 1");
	TEST_ASSERT_EQUAL(rte_service_map_lcore_get(id[0], 2), 0, "d0 not on 2");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(1), 2, "two on lcore 1");
	for (int i = 0; i < 3; i++)
		TEST_ASSERT_EQUAL(rte_service_runstate_get(id[i]), 1, "running");
	TEST_ASSERT_EQUAL(rte_service_lcore_start(1), -EALREADY, "started");
	TEST_ASSERT_SUCCESS(wait_count(&calls_on[1], 100), "lcore 1 runs");
	TEST_ASSERT_SUCCESS(wait_count(&calls_on[2], 100), "lcore 2 runs");

	/* a busy service cannot be unregistered until it stopped */
	TEST_ASSERT_EQUAL(rte_service_component_unregister(id[1]), -EBUSY, "running");
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(id[1], 0), "app off");
	TEST_ASSERT_SUCCESS(wait_zero(rte_service_may_be_active, id[1]), "d1 stops");
	TEST_ASSERT_SUCCESS(rte_service_component_unregister(id[1]), "unregister d1");
	TEST_ASSERT_EQUAL(rte_service_lcore_count_services(2), 0, "unmapped from 2");

	TEST_ASSERT_SUCCESS(rte_service_lcore_reset_all(), "reset");
	TEST_ASSERT_EQUAL(rte_eal_get_lcore_state(1), WAIT, "lcore 1 waits");
	TEST_ASSERT_EQUAL(rte_eal_get_lcore_state(2), WAIT, "lcore 2 waits");
	TEST_ASSERT_EQUAL(rte_service_lcore_count(), 0, "no service lcore");
	TEST_ASSERT_EQUAL(rte_service_runstate_get(id[0]), 0, "unmapped: not running");
	TEST_ASSERT_EQUAL(rte_service_start_with_defaults(), -ENOTSUP, "no service lcore");
	services_clear();
	return TEST_SUCCESS;
}

static int
test_service_dump(void)
{
	uint32_t id;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	if (!enough_lcores())
		return TEST_SKIPPED;
	TEST_ASSERT_SUCCESS(register_service("svc_dumped", count_service, 0, &id), "reg");
	TEST_ASSERT_SUCCESS(rte_service_lcore_add(2), "add 2");
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(id, 2, 1), "map");
	TEST_ASSERT_SUCCESS(rte_service_set_stats_enable(id, 1), "stats");
	f = open_memstream(&buf, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	TEST_ASSERT_SUCCESS(rte_service_dump(f, UINT32_MAX), "dump all");
	TEST_ASSERT_SUCCESS(rte_service_dump(f, id), "dump one");
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(buf, "svc_dumped: runstate 0, stats 1, lcores 1, calls 0",
				 "service line");
	TEST_ASSERT_STR_CONTAINS(buf, "lcore 2: stopped", "service lcore line");
	free(buf);
	TEST_ASSERT_EQUAL(rte_service_dump(stdout, 99), -EINVAL, "bad id");
	TEST_ASSERT_EQUAL(rte_service_dump(NULL, id), -EINVAL, "NULL stream");
	services_clear();
	return TEST_SUCCESS;
}

/* -s/-S as an application sees them, in a child: one line for each mistake. */
static int
eal_run(const char *const args[])
{
	const char *argv[16];
	int n = 0;

	argv[n++] = "eal_init_only";
	if (test_no_huge())
		argv[n++] = "--no-huge";
	for (int i = 0; args[i] != NULL; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return test_run_self(argv, out, sizeof(out));
}

static int
test_service_options(void)
{
	static const struct {
		const char *args[6];
		const char *message;
	} bad[] = {
		{{"-l", "0-1", "-s", "0x1", NULL},
		 "service lcore 0 (-s) is the main lcore: leave it out of -s"},
		{{"-l", "0-1", "-s", "0x4", NULL},
		 "service lcore 2 (-s) is not in the lcore list: add it to -l, -c or --lcores"},
		{{"-l", "0-1", "-s", "0xg", NULL}, "malformed core mask -s '0xg'"},
		{{"-l", "0-1", "-s", "0x0", NULL}, "-s '0x0' names no lcore"},
		{{"-l", "0-1", "-S", "1@1", NULL}, "-S '1@1' takes lcore ids, not lcore@cpu"},
		{{"-l", "0-1", "-S", "1-", NULL}, "malformed range in -S '1-'"},
		{{"-l", "0-1", "-S", "1", "-s", "0x2"}, "service lcores given twice"},
	};
	const char *ok_mask[] = {"-l", "0-1", "-s", "0x2", NULL};
	const char *ok_list[] = {"--lcores", "0@0,1@1,2@0", "-S", "1-2", NULL};
	const char *first;
	int rc;

	for (size_t i = 0; i < RTE_DIM(bad); i++) {
		const char *args[7] = {NULL};

		memcpy(args, bad[i].args, sizeof(bad[i].args));
		rc = eal_run(args);
		TEST_ASSERT_EQUAL(rc, 1, "case %zu fails: %s", i, out);
		TEST_ASSERT_STR_CONTAINS(out, bad[i].message, "case %zu", i);
		TEST_ASSERT_STR_CONTAINS(out, "init=-1 errno=22", "case %zu: EINVAL", i);
		first = strstr(out, "EAL: ");
		TEST_ASSERT(first != NULL && strstr(first + 1, "EAL: ") == NULL,
			    "case %zu: one line", i);
	}
	rc = eal_run(ok_mask);
	TEST_ASSERT_EQUAL(rc, 0, "-s 0x2: %s", out);
	TEST_ASSERT_STR_CONTAINS(out, "lcores=2 main=0", "service lcores count");
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "cleanup stops the service lcore");
	rc = eal_run(ok_list);
	TEST_ASSERT_EQUAL(rc, 0, "-S 1-2: %s", out);
	TEST_ASSERT_STR_CONTAINS(out, "lcores=3 main=0", "service lcores count");
	return TEST_SUCCESS;
}

static const struct test_case service_cases[] = {
	TEST_CASE(test_service_eal_lcore),
	TEST_CASE(test_service_register),
	TEST_CASE(test_service_runstates),
	TEST_CASE(test_service_mt_unsafe),
	TEST_CASE(test_service_run_iter),
	TEST_CASE(test_service_stats),
	TEST_CASE(test_service_lcore_errors),
	TEST_CASE(test_service_start_with_defaults),
	TEST_CASE(test_service_dump),
	TEST_CASE(test_service_options),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(service, TEST_SUITE_EAL, service_cases)
