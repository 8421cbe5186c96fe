/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ticketlock: trylock and is_locked against each state, tickets served in order,
 * two lcores adding to a plain counter under the lock without losing an update,
 * and the recursive form taken again by its holder.
 */
#include <stdint.h>

#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_ticketlock.h>

#include "test.h"

#define TICKET_ROUNDS 200000

static int
test_ticketlock_states(void)
{
	rte_ticketlock_t tl = RTE_TICKETLOCK_INITIALIZER;

	TEST_ASSERT(!rte_ticketlock_is_locked(&tl), "free");
	TEST_ASSERT_EQUAL(rte_ticketlock_trylock(&tl), 1, "try on a free lock");
	TEST_ASSERT(rte_ticketlock_is_locked(&tl), "held");
	TEST_ASSERT_EQUAL(rte_ticketlock_trylock(&tl), 0, "try on a held lock");
	TEST_ASSERT_EQUAL(tl.s.next, 1, "a failed try draws no ticket");
	rte_ticketlock_unlock(&tl);
	TEST_ASSERT(!rte_ticketlock_is_locked(&tl), "free again");
	/* Tickets wrap at 16 bits. */
	tl.s.current = UINT16_MAX;
	tl.s.next = UINT16_MAX;
	rte_ticketlock_lock(&tl);
	TEST_ASSERT(rte_ticketlock_is_locked(&tl) && tl.s.next == 0, "wrapped ticket");
	rte_ticketlock_unlock(&tl);
	TEST_ASSERT(tl.s.current == 0 && !rte_ticketlock_is_locked(&tl), "wrapped serve");
	rte_ticketlock_init(&tl);
	TEST_ASSERT_EQUAL(tl.tickets, 0, "init");
	return TEST_SUCCESS;
}

struct ticket_ctx {
	rte_ticketlock_t tl;
	uint64_t counter;
};

static int
ticket_adder(void *arg)
{
	struct ticket_ctx *c = arg;
	unsigned int i;

	for (i = 0; i < TICKET_ROUNDS; i++) {
		rte_ticketlock_lock(&c->tl);
		/* Read and write apart, so that an unprotected race would lose updates. */
		uint64_t v = *(volatile uint64_t *)&c->counter;
		*(volatile uint64_t *)&c->counter = v + 1;
		rte_ticketlock_unlock(&c->tl);
	}
	return 0;
}

static int
test_ticketlock_two_lcores(void)
{
	struct ticket_ctx c = {.tl = RTE_TICKETLOCK_INITIALIZER, .counter = 0};
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(ticket_adder, &c, worker), "launch");
	ticket_adder(&c);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	TEST_ASSERT_EQUAL(c.counter, 2ull * TICKET_ROUNDS, "counter %" PRIu64, c.counter);
	TEST_ASSERT(!rte_ticketlock_is_locked(&c.tl), "left free");
	return TEST_SUCCESS;
}

static int
ticket_try_other(void *arg)
{
	return rte_ticketlock_recursive_trylock(arg);
}

static int
test_ticketlock_recursive(void)
{
	rte_ticketlock_recursive_t r = RTE_TICKETLOCK_RECURSIVE_INITIALIZER;
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	rte_ticketlock_recursive_lock(&r);
	TEST_ASSERT_EQUAL(rte_ticketlock_recursive_trylock(&r), 1, "holder again");
	rte_ticketlock_recursive_lock(&r);
	TEST_ASSERT_EQUAL(r.count, 3, "count");
	/* Another thread cannot take it. */
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(ticket_try_other, &r, worker), "launch");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(worker), 0, "other thread refused");
	rte_ticketlock_recursive_unlock(&r);
	rte_ticketlock_recursive_unlock(&r);
	TEST_ASSERT(rte_ticketlock_is_locked(&r.tl), "still held once");
	rte_ticketlock_recursive_unlock(&r);
	TEST_ASSERT(!rte_ticketlock_is_locked(&r.tl) && r.user == TICKET_LOCK_INVALID_ID, "free");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(ticket_try_other, &r, worker), "launch");
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(worker), 1, "other thread takes the free lock");
	TEST_ASSERT(rte_ticketlock_is_locked(&r.tl), "held by the worker");
	rte_ticketlock_recursive_init(&r);
	return TEST_SUCCESS;
}

static const struct test_case ticketlock_cases[] = {
	TEST_CASE(test_ticketlock_states),
	TEST_CASE(test_ticketlock_two_lcores),
	TEST_CASE(test_ticketlock_recursive),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(ticketlock, TEST_SUITE_EAL, ticketlock_cases);
