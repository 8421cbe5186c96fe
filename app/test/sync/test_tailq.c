/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_tailq.h: registration from a constructor and later, lookup, refusals, dump. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_tailq.h>

#include "test.h"

static struct rte_tailq_elem tailq_early = {
	.name = "sluice_test_early",
};
EAL_REGISTER_TAILQ(tailq_early)

static int
test_tailq_register_lookup(void)
{
	static struct rte_tailq_elem late = {.name = "sluice_test_late"};
	static struct rte_tailq_elem late_again = {.name = "sluice_test_late"};
	static struct rte_tailq_elem unnamed;
	struct rte_tailq_entry_head *h;
	struct rte_tailq_entry e = {.data = &late};

	TEST_ASSERT_NOT_NULL(tailq_early.head, "constructor registration has a head");
	TEST_ASSERT(rte_eal_tailq_lookup("sluice_test_early") == tailq_early.head, "lookup");
	TEST_ASSERT_EQUAL(strcmp(tailq_early.head->name, "sluice_test_early"), 0, "head name");

	TEST_ASSERT_SUCCESS(rte_eal_tailq_register(&late), "register after init");
	TEST_ASSERT_NOT_NULL(late.head, "head");
	h = RTE_TAILQ_CAST(late.head, rte_tailq_entry_head);
	TEST_ASSERT(TAILQ_EMPTY(h), "starts empty");
	TAILQ_INSERT_TAIL(h, &e, next);
	h = RTE_TAILQ_LOOKUP("sluice_test_late", rte_tailq_entry_head);
	TEST_ASSERT(h != NULL && TAILQ_FIRST(h) == &e, "the list is found again with its entry");
	TAILQ_REMOVE(h, &e, next);

	late_again.head = (void *)&e;
	TEST_ASSERT_EQUAL(rte_eal_tailq_register(&late_again), -1, "a name registers once");
	TEST_ASSERT_NULL(late_again.head, "no head on failure");
	TEST_ASSERT_EQUAL(rte_eal_tailq_register(&unnamed), -1, "an empty name is refused");
	TEST_ASSERT_NULL(RTE_TAILQ_LOOKUP("sluice_test_none", rte_tailq_entry_head), "unknown");
	TEST_ASSERT_NULL(rte_eal_tailq_lookup(NULL), "NULL name");
	return TEST_SUCCESS;
}

static int
test_tailq_dump(void)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int found;

	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_dump_tailq(f);
	fclose(f);
	found = strstr(out, "qname:<sluice_test_early>, tqh_first:") != NULL;
	free(out);
	TEST_ASSERT(found, "dump lists the registered head");
	return TEST_SUCCESS;
}

static const struct test_case tailq_cases[] = {
	TEST_CASE(test_tailq_register_lookup),
	TEST_CASE(test_tailq_dump),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(tailq, TEST_SUITE_EAL, tailq_cases)
