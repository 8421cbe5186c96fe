/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_class.h: registration from a constructor, find by name and by predicate, unregister. */
#include <string.h>

#include <rte_class.h>

#include "test.h"

static struct rte_class class_alpha;
RTE_REGISTER_CLASS(sluice_test_alpha, class_alpha)

static struct rte_class class_beta = {.name = "sluice_test_beta"};

/* Matches the classes whose name starts with the prefix data. */
static int
class_prefix_cmp(const struct rte_class *cls, const void *data)
{
	return strncmp(cls->name, data, strlen(data));
}

static int
test_class_register_find(void)
{
	struct rte_class *c;

	TEST_ASSERT_EQUAL(strcmp(class_alpha.name, "sluice_test_alpha"), 0,
			  "the macro names the class");
	TEST_ASSERT(rte_class_find_by_name("sluice_test_alpha") == &class_alpha, "by name");
	TEST_ASSERT_NULL(rte_class_find_by_name("sluice_test_beta"), "not registered yet");
	TEST_ASSERT_NULL(rte_class_find_by_name(NULL), "NULL name");

	rte_class_register(&class_beta);
	c = rte_class_find(NULL, class_prefix_cmp, "sluice_test_");
	TEST_ASSERT(c == &class_alpha, "first match in registration order");
	c = rte_class_find(c, class_prefix_cmp, "sluice_test_");
	TEST_ASSERT(c == &class_beta, "resumes after start");
	TEST_ASSERT_NULL(rte_class_find(c, class_prefix_cmp, "sluice_test_"), "no third");

	rte_class_unregister(&class_beta);
	TEST_ASSERT_NULL(rte_class_find_by_name("sluice_test_beta"), "unregistered");
	rte_class_unregister(&class_beta); /* not listed: ignored */
	TEST_ASSERT(rte_class_find_by_name("sluice_test_alpha") == &class_alpha, "others stay");
	return TEST_SUCCESS;
}

static const struct test_case class_cases[] = {
	TEST_CASE(test_class_register_find),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(class, TEST_SUITE_NO_EAL, class_cases)
