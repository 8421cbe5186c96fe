/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_stack (locked and lock-free) and the "stack"/"lf_stack" mempool handlers. */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>
#include <rte_stack.h>

#include "test.h"

#define STACK_TEST_N 64

/* LIFO order, all-or-nothing at both ends, counts, for one flavour. */
static int
stack_check_basic(uint32_t flags)
{
	void *in[STACK_TEST_N], *out[STACK_TEST_N + 1];
	struct rte_stack *s;

	for (uintptr_t i = 0; i < STACK_TEST_N; i++)
		in[i] = (void *)(i + 1);
	s = rte_stack_create("stk_basic", STACK_TEST_N, SOCKET_ID_ANY, flags);
	TEST_ASSERT_NOT_NULL(s, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(s->capacity, STACK_TEST_N, "capacity");
	TEST_ASSERT_EQUAL(rte_stack_lookup("stk_basic"), s, "lookup");
	TEST_ASSERT_EQUAL(rte_stack_count(s), 0, "empty");
	TEST_ASSERT_EQUAL(rte_stack_free_count(s), STACK_TEST_N, "all free");
	TEST_ASSERT_EQUAL(rte_stack_pop(s, out, 1), 0, "pop from empty");

	TEST_ASSERT_EQUAL(rte_stack_push(s, in, 3), 3, "push 3");
	TEST_ASSERT_EQUAL(rte_stack_push(s, in + 3, STACK_TEST_N - 3), STACK_TEST_N - 3,
			  "push the rest");
	TEST_ASSERT_EQUAL(rte_stack_count(s), STACK_TEST_N, "full");
	TEST_ASSERT_EQUAL(rte_stack_free_count(s), 0, "none free");
	TEST_ASSERT_EQUAL(rte_stack_push(s, in, 1), 0, "push onto a full stack");

	/* the last pushed comes out first */
	TEST_ASSERT_EQUAL(rte_stack_pop(s, out, 2), 2, "pop 2");
	TEST_ASSERT(out[0] == in[STACK_TEST_N - 1] && out[1] == in[STACK_TEST_N - 2], "top first");
	TEST_ASSERT_EQUAL(rte_stack_pop(s, out, STACK_TEST_N - 1), 0, "more than held: nothing");
	TEST_ASSERT_EQUAL(rte_stack_count(s), STACK_TEST_N - 2, "nothing taken");
	TEST_ASSERT_EQUAL(rte_stack_pop(s, out, STACK_TEST_N - 2), STACK_TEST_N - 2, "pop all");
	for (unsigned int i = 0; i < STACK_TEST_N - 2; i++)
		TEST_ASSERT(out[i] == in[STACK_TEST_N - 3 - i], "order at %u", i);
	TEST_ASSERT_EQUAL(rte_stack_count(s), 0, "empty again");
	TEST_ASSERT_EQUAL(rte_stack_push(s, in, 0), 0, "push of none");

	rte_stack_free(s);
	TEST_ASSERT_NULL(rte_stack_lookup("stk_basic"), "gone");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "rte_errno");
	return TEST_SUCCESS;
}

static int
test_stack_std(void)
{
	return stack_check_basic(0);
}

static int
test_stack_lf(void)
{
	return stack_check_basic(RTE_STACK_F_LF);
}

static int
test_stack_create_errors(void)
{
	struct rte_stack *s;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_stack_create(NULL, 4, SOCKET_ID_ANY, 0), "no name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	TEST_ASSERT_NULL(rte_stack_create("stk_flags", 4, SOCKET_ID_ANY, 0x2), "bad flags");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	TEST_ASSERT_NULL(
		rte_stack_create("a_name_that_is_far_too_long_for_it", 4, SOCKET_ID_ANY, 0),
		"long name");
	TEST_ASSERT_EQUAL(rte_errno, ENAMETOOLONG, "rte_errno");
	s = rte_stack_create("stk_dup", 4, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(s, "create");
	TEST_ASSERT_NULL(rte_stack_create("stk_dup", 4, SOCKET_ID_ANY, RTE_STACK_F_LF),
			 "same name");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "rte_errno");
	rte_stack_free(s);
	TEST_ASSERT_NULL(rte_stack_lookup(NULL), "lookup NULL");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	rte_stack_free(NULL);
	return TEST_SUCCESS;
}

/* Two lcores push and pop bursts on one lock-free stack; nothing is lost or doubled. */
#define STACK_MT_OBJS 512
#define STACK_MT_ROUNDS 20000
static struct rte_stack *stack_mt;
static uint8_t stack_mt_seen[STACK_MT_OBJS];

static int
stack_mt_worker(void *arg)
{
	void *objs[8];
	unsigned int burst = (unsigned int)(uintptr_t)arg;

	for (unsigned int r = 0; r < STACK_MT_ROUNDS; r++) {
		if (rte_stack_pop(stack_mt, objs, burst) != burst)
			continue;
		if (rte_stack_push(stack_mt, objs, burst) != burst)
			return -1; /* we just took them: there is room */
	}
	return 0;
}

static int
stack_check_mt(uint32_t flags)
{
	void *objs[STACK_MT_OBJS];
	unsigned int worker;
	int ret;

	if (rte_lcore_count() < 2)
		return TEST_SKIPPED;
	stack_mt = rte_stack_create("stk_mt", STACK_MT_OBJS, SOCKET_ID_ANY, flags);
	TEST_ASSERT_NOT_NULL(stack_mt, "create");
	for (uintptr_t i = 0; i < STACK_MT_OBJS; i++)
		objs[i] = (void *)i;
	TEST_ASSERT_EQUAL(rte_stack_push(stack_mt, objs, STACK_MT_OBJS), STACK_MT_OBJS, "fill");
	worker = rte_get_next_lcore(-1, 1, 0);
	rte_eal_remote_launch(stack_mt_worker, (void *)(uintptr_t)8, worker);
	ret = stack_mt_worker((void *)(uintptr_t)5);
	TEST_ASSERT_EQUAL(rte_eal_wait_lcore(worker), 0, "worker pushed all it popped");
	TEST_ASSERT_EQUAL(ret, 0, "main pushed all it popped");
	TEST_ASSERT_EQUAL(rte_stack_count(stack_mt), STACK_MT_OBJS, "all back");
	TEST_ASSERT_EQUAL(rte_stack_pop(stack_mt, objs, STACK_MT_OBJS), STACK_MT_OBJS, "drain");
	memset(stack_mt_seen, 0, sizeof(stack_mt_seen));
	for (unsigned int i = 0; i < STACK_MT_OBJS; i++) {
		uintptr_t v = (uintptr_t)objs[i];

		TEST_ASSERT(v < STACK_MT_OBJS && !stack_mt_seen[v], "object %u once", i);
		stack_mt_seen[v] = 1;
	}
	rte_stack_free(stack_mt);
	return TEST_SUCCESS;
}

static int
test_stack_lf_two_lcores(void)
{
	return stack_check_mt(RTE_STACK_F_LF);
}

static int
test_stack_std_two_lcores(void)
{
	return stack_check_mt(0);
}

/* A pool on each stack handler gives out and takes back every object. */
static int
stack_check_mempool(const char *ops)
{
	void *objs[32];
	struct rte_mempool *mp;

	mp = rte_mempool_create_empty("stk_pool", 32, 64, 0, 0, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create_empty");
	TEST_ASSERT_SUCCESS(rte_mempool_set_ops_byname(mp, ops, NULL), "ops %s", ops);
	TEST_ASSERT_EQUAL(rte_mempool_populate_default(mp), 32, "populate");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 32, "all available");
	TEST_ASSERT_SUCCESS(rte_mempool_get_bulk(mp, objs, 32), "get all");
	TEST_ASSERT(rte_mempool_get_bulk(mp, objs, 1) < 0, "none left");
	rte_mempool_put_bulk(mp, objs, 32);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 32, "all back");
	TEST_ASSERT_NOT_NULL(rte_stack_lookup("MP_stk_pool"), "the pool's stack");
	rte_mempool_free(mp);
	TEST_ASSERT_NULL(rte_stack_lookup("MP_stk_pool"), "freed with the pool");
	return TEST_SUCCESS;
}

static int
test_stack_mempool_handlers(void)
{
	if (stack_check_mempool("stack") != TEST_SUCCESS)
		return TEST_FAILED;
	return stack_check_mempool("lf_stack");
}

static const struct test_case stack_cases[] = {
	TEST_CASE(test_stack_std),
	TEST_CASE(test_stack_lf),
	TEST_CASE(test_stack_create_errors),
	TEST_CASE(test_stack_std_two_lcores),
	TEST_CASE(test_stack_lf_two_lcores),
	TEST_CASE(test_stack_mempool_handlers),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(stack, TEST_SUITE_EAL, stack_cases);
