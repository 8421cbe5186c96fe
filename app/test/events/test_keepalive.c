/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Keepalive: the state each dispatch of pings moves a registered lcore to,
 * the failure callback (once per death, with the lcore's id), the relay
 * callback (every registered lcore, every round), idle lcores, and calls
 * that must be ignored. The monitored lcore marks itself only when the
 * test tells it to, so every round has one known outcome; nothing depends
 * on how long anything takes.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_keepalive.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_pause.h>

#include "test.h"

#define WORKER 1

enum worker_cmd { CMD_NONE, CMD_ALIVE, CMD_SLEEP, CMD_EXIT };

/* Main -> worker command, cleared by the worker when done (release: its
 * mark is visible before the main lcore sees the command cleared). */
static _Atomic int worker_cmd;

/* What the callbacks saw; they run in the dispatching (main) thread. */
static int failures, failed_core;
static void *failure_data;
static int relays, relay_core[RTE_KEEPALIVE_MAXCORES];
static enum rte_keepalive_state relay_state[RTE_KEEPALIVE_MAXCORES];
static uint64_t relay_seen[RTE_KEEPALIVE_MAXCORES];

static void
on_failure(void *data, const int id_core)
{
	failures++;
	failed_core = id_core;
	failure_data = data;
}

static void
on_relay(void *data __rte_unused, const int id_core, enum rte_keepalive_state state,
	 uint64_t last_seen)
{
	relay_core[relays % RTE_KEEPALIVE_MAXCORES] = id_core;
	relays++;
	relay_state[id_core] = state;
	relay_seen[id_core] = last_seen;
}

static int
worker_loop(void *arg)
{
	struct rte_keepalive *ka = arg;

	for (;;) {
		int cmd = atomic_load_explicit(&worker_cmd, memory_order_acquire);

		if (cmd == CMD_EXIT)
			return 0;
		if (cmd == CMD_ALIVE)
			rte_keepalive_mark_alive(ka);
		else if (cmd == CMD_SLEEP)
			rte_keepalive_mark_sleep(ka);
		if (cmd != CMD_NONE)
			atomic_store_explicit(&worker_cmd, CMD_NONE, memory_order_release);
		rte_pause();
	}
}

/* Have the worker lcore run cmd and wait until it has. */
static void
worker_do(int cmd)
{
	atomic_store_explicit(&worker_cmd, cmd, memory_order_release);
	while (atomic_load_explicit(&worker_cmd, memory_order_acquire) != CMD_NONE)
		rte_pause();
}

static struct rte_keepalive *
start(void)
{
	struct rte_keepalive *ka;

	failures = 0;
	failed_core = -1;
	failure_data = NULL;
	relays = 0;
	ka = rte_keepalive_create(on_failure, &failures);
	if (ka == NULL)
		return NULL;
	rte_keepalive_register_relay_callback(ka, on_relay, NULL);
	atomic_store(&worker_cmd, CMD_NONE);
	if (rte_eal_remote_launch(worker_loop, ka, WORKER) != 0)
		return NULL;
	return ka;
}

static void
stop(void)
{
	atomic_store_explicit(&worker_cmd, CMD_EXIT, memory_order_release);
	rte_eal_wait_lcore(WORKER);
}

/* One round; returns the state it relayed for the worker. */
static enum rte_keepalive_state
ping(struct rte_keepalive *ka)
{
	relay_state[WORKER] = (enum rte_keepalive_state)-1;
	rte_keepalive_dispatch_pings(NULL, ka);
	return relay_state[WORKER];
}

static int
test_states_and_failure(void)
{
	struct rte_keepalive *ka;
	uint64_t before, after;

	if (!rte_lcore_is_enabled(WORKER))
		return TEST_SKIPPED;
	ka = start();
	TEST_ASSERT_NOT_NULL(ka, "create and launch");

	/* Nothing registered: no relay at all. */
	rte_keepalive_dispatch_pings(NULL, ka);
	TEST_ASSERT_EQUAL(relays, 0, "no lcore registered");

	before = rte_rdtsc();
	rte_keepalive_register_core(ka, WORKER);
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_UNUSED, "registered, never marked");
	TEST_ASSERT_EQUAL(relays, 1, "one relay a round, for the one registered lcore");
	TEST_ASSERT_EQUAL(relay_core[0], WORKER, "for the worker");
	TEST_ASSERT(relay_seen[WORKER] >= before, "last seen: its registration");
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_UNUSED, "an unmarked lcore never dies");

	/* Alive: each round takes the mark and expects a new one. */
	for (int i = 0; i < 3; i++) {
		worker_do(CMD_ALIVE);
		before = rte_rdtsc();
		TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_MISSING, "round %d: mark taken", i);
		after = rte_rdtsc();
		TEST_ASSERT(relay_seen[WORKER] >= before && relay_seen[WORKER] <= after,
			    "round %d: last seen is this round", i);
	}
	TEST_ASSERT_EQUAL(failures, 0, "no failure while it marks");

	/* It stops marking: dead, then gone with one failure call. */
	uint64_t seen = relay_seen[WORKER];
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_DEAD, "second round without a mark");
	TEST_ASSERT_EQUAL(failures, 0, "not reported yet");
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_GONE, "third round");
	TEST_ASSERT_EQUAL(failures, 1, "reported");
	TEST_ASSERT_EQUAL(failed_core, WORKER, "with its id");
	TEST_ASSERT(failure_data == &failures, "with the data given to create");
	TEST_ASSERT_EQUAL(relay_seen[WORKER], seen, "last seen stays at the last mark's round");
	for (int i = 0; i < 5; i++)
		TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_GONE, "stays gone");
	TEST_ASSERT_EQUAL(failures, 1, "reported exactly once");

	/* It comes back (as the example restarts it) and can die again. */
	worker_do(CMD_ALIVE);
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_MISSING, "back");
	worker_do(CMD_ALIVE);
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_MISSING, "alive");
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_DEAD, "silent again");
	/* A mark between the rounds saves it. */
	worker_do(CMD_ALIVE);
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_MISSING, "revived before being reported");
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_DEAD, "silent");
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_GONE, "gone again");
	TEST_ASSERT_EQUAL(failures, 2, "a second death, a second report");
	stop();
	rte_free(ka);
	return TEST_SUCCESS;
}

static int
test_sleep(void)
{
	struct rte_keepalive *ka;

	if (!rte_lcore_is_enabled(WORKER))
		return TEST_SKIPPED;
	ka = start();
	TEST_ASSERT_NOT_NULL(ka, "create and launch");
	rte_keepalive_register_core(ka, WORKER);
	worker_do(CMD_ALIVE);
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_MISSING, "alive");
	worker_do(CMD_SLEEP);
	uint64_t before = rte_rdtsc();
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_SLEEP, "dozing goes to sleep");
	TEST_ASSERT(relay_seen[WORKER] >= before, "last seen: when it fell asleep");
	for (int i = 0; i < 5; i++)
		TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_SLEEP, "sleeping is not dying");
	TEST_ASSERT_EQUAL(failures, 0, "no failure for a sleeping lcore");
	worker_do(CMD_ALIVE);
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_MISSING, "awake");
	TEST_ASSERT_EQUAL(ping(ka), RTE_KA_STATE_DEAD, "and monitored again");
	stop();
	rte_free(ka);
	return TEST_SUCCESS;
}

static void *
mark_from_plain_thread(void *arg)
{
	rte_keepalive_mark_alive(arg);
	rte_keepalive_mark_sleep(arg);
	return NULL;
}

static int
test_ignored_calls(void)
{
	struct rte_keepalive *ka;
	pthread_t t;

	ka = rte_keepalive_create(NULL, NULL);
	TEST_ASSERT_NOT_NULL(ka, "create without a failure callback");
	rte_keepalive_register_relay_callback(ka, on_relay, NULL);
	relays = 0;
	rte_keepalive_register_core(ka, -1);
	rte_keepalive_register_core(ka, RTE_KEEPALIVE_MAXCORES);
	rte_keepalive_dispatch_pings(NULL, ka);
	TEST_ASSERT_EQUAL(relays, 0, "out-of-range ids are not registered");

	/* The main lcore monitors itself; a plain thread's marks go nowhere. */
	unsigned int self = rte_lcore_id();
	rte_keepalive_register_core(ka, (int)self);
	TEST_ASSERT_SUCCESS(pthread_create(&t, NULL, mark_from_plain_thread, ka), "thread");
	pthread_join(t, NULL);
	rte_keepalive_dispatch_pings(NULL, ka);
	TEST_ASSERT_EQUAL(relay_state[self], RTE_KA_STATE_UNUSED, "not an lcore: no mark");
	rte_keepalive_mark_alive(ka);
	rte_keepalive_dispatch_pings(NULL, ka);
	TEST_ASSERT_EQUAL(relay_state[self], RTE_KA_STATE_MISSING, "own mark taken");
	rte_keepalive_dispatch_pings(NULL, ka);
	rte_keepalive_dispatch_pings(NULL, ka);
	TEST_ASSERT_EQUAL(relay_state[self], RTE_KA_STATE_GONE, "dead with no callback set");

	/* Removing the relay callback; NULL monitors are ignored. */
	rte_keepalive_register_relay_callback(ka, NULL, NULL);
	relays = 0;
	rte_keepalive_dispatch_pings(NULL, ka);
	TEST_ASSERT_EQUAL(relays, 0, "relay callback removed");
	rte_keepalive_dispatch_pings(NULL, NULL);
	rte_keepalive_register_core(NULL, 1);
	rte_keepalive_mark_alive(NULL);
	rte_keepalive_mark_sleep(NULL);
	rte_keepalive_register_relay_callback(NULL, on_relay, NULL);
	rte_free(ka);
	return TEST_SUCCESS;
}

static const struct test_case keepalive_cases[] = {
	TEST_CASE(test_states_and_failure),
	TEST_CASE(test_sleep),
	TEST_CASE(test_ignored_calls),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(keepalive, TEST_SUITE_EAL, keepalive_cases)
