/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_test.h: each RTE_TEST_ASSERT* returns -1 from its function exactly when it fails. */
#include <stddef.h>
#include <string.h>

/* Count failures through the hook rte_test.h calls, and remember where. */
static int rte_test_failures;
static int rte_test_fail_line;
#define RTE_TEST_TRACE_FAILURE(_file, _line, _func) \
	do {                                        \
		rte_test_failures++;                \
		rte_test_fail_line = (_line);       \
		(void)(_file);                      \
		(void)(_func);                      \
	} while (0)
#include <rte_test.h>

#include "test.h"

/* Every assertion with operands that hold: falls through to 0. */
static int
rte_test_all_hold(int v, const void *p)
{
	RTE_TEST_ASSERT(v == 3, "v is %d", v);
	RTE_TEST_ASSERT_EQUAL(v, 3, "v is %d", v);
	RTE_TEST_ASSERT_NOT_EQUAL(v, 4, "v is %d", v);
	RTE_TEST_ASSERT_SUCCESS(v - 3, "v - 3 is %d", v - 3);
	RTE_TEST_ASSERT_FAIL(v, "v is 0");
	RTE_TEST_ASSERT_NULL(NULL, "NULL is not NULL");
	RTE_TEST_ASSERT_NOT_NULL(p, "p is NULL");
	return 0;
}

/* The assertion number which fails with operand v (1 or 0); the ones before hold. */
static int
rte_test_nth_fails(int which, int v)
{
	int zero = 0;

	if (which == 0)
		RTE_TEST_ASSERT(v == 0, "no message arguments");
	if (which == 1)
		RTE_TEST_ASSERT_EQUAL(v, 0, "v is %d", v);
	if (which == 2)
		RTE_TEST_ASSERT_NOT_EQUAL(v, 1, "v is %d", v);
	if (which == 3)
		RTE_TEST_ASSERT_SUCCESS(v, "v is %d", v);
	if (which == 4)
		RTE_TEST_ASSERT_FAIL(v - 1, "v - 1 is %d", v - 1);
	if (which == 5)
		RTE_TEST_ASSERT_NULL(&zero, "pointer %p", (void *)&zero);
	if (which == 6)
		RTE_TEST_ASSERT_NOT_NULL(NULL, "NULL");
	return 0;
}

static int
test_rte_test_pass(void)
{
	int x = 0;

	rte_test_failures = 0;
	TEST_ASSERT_EQUAL(rte_test_all_hold(3, &x), 0, "every assertion holds");
	TEST_ASSERT_EQUAL(rte_test_failures, 0, "no failure traced");
	/* each macro, given v = 0, holds too */
	for (int which = 0; which < 7; which++)
		TEST_ASSERT_EQUAL(rte_test_nth_fails(which, 0) == 0, which < 5,
				  "macro %d with holding operands", which);
	return TEST_SUCCESS;
}

static int
test_rte_test_fail(void)
{
	for (int which = 0; which < 7; which++) {
		rte_test_failures = 0;
		rte_test_fail_line = 0;
		TEST_ASSERT_EQUAL(rte_test_nth_fails(which, 1), -1, "macro %d returns -1", which);
		TEST_ASSERT_EQUAL(rte_test_failures, 1, "macro %d traced once", which);
		TEST_ASSERT(rte_test_fail_line > 0, "macro %d gave its line", which);
	}
	return TEST_SUCCESS;
}

/* The operands are parenthesised: "a | b == c" compares (a | b). */
static int
rte_test_precedence(int a, int b)
{
	RTE_TEST_ASSERT_EQUAL(a | b, 3, "a | b");
	return 0;
}

static int
test_rte_test_operands(void)
{
	TEST_ASSERT_EQUAL(rte_test_precedence(1, 2), 0, "1 | 2 == 3");
	TEST_ASSERT_EQUAL(rte_test_precedence(1, 0), -1, "1 | 0 != 3");
	return TEST_SUCCESS;
}

static const struct test_case rte_test_cases[] = {
	TEST_CASE(test_rte_test_pass),
	TEST_CASE(test_rte_test_fail),
	TEST_CASE(test_rte_test_operands),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(rte_test, TEST_SUITE_NO_EAL, rte_test_cases);
