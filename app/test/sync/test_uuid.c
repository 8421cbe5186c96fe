/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uuid: text round trips (either case in, lower case out), malformed texts refused
 * without touching the output, ordering, null detection and RTE_UUID_INIT's layout.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_uuid.h>

#include "test.h"

static int
test_uuid_text(void)
{
	static const rte_uuid_t want =
		RTE_UUID_INIT(0x123e4567, 0xe89b, 0x12d3, 0xa456, 0x426614174000ULL);
	static const char *const bad[] = {
		"",
		"123e4567-e89b-12d3-a456-42661417400",	 /* short */
		"123e4567-e89b-12d3-a456-4266141740000", /* long */
		"123e4567ee89b-12d3-a456-426614174000",	 /* hyphen missing */
		"123e4567-e89b-12d3-a456-42661417400g",	 /* not hex */
		"123e456-7e89b-12d3-a456-426614174000",	 /* hyphen moved */
		"123e4567-e89b-12d3-a456-4266 4174000",	 /* space */
	};
	char text[RTE_UUID_STRLEN], small[9];
	rte_uuid_t u, keep;
	unsigned int i;

	TEST_ASSERT_SUCCESS(rte_uuid_parse("123E4567-E89B-12d3-A456-426614174000", u), "parse");
	TEST_ASSERT(memcmp(u, want, sizeof(u)) == 0, "bytes");
	rte_uuid_unparse(u, text, sizeof(text));
	TEST_ASSERT(strcmp(text, "123e4567-e89b-12d3-a456-426614174000") == 0, "text %s", text);
	rte_uuid_unparse(u, small, sizeof(small));
	TEST_ASSERT(strcmp(small, "123e4567") == 0, "cut %s", small);

	memset(keep, 0xaa, sizeof(keep));
	for (i = 0; i < RTE_DIM(bad); i++) {
		rte_uuid_copy(u, keep);
		TEST_ASSERT_EQUAL(rte_uuid_parse(bad[i], u), -1, "'%s' refused", bad[i]);
		TEST_ASSERT(memcmp(u, keep, sizeof(u)) == 0, "'%s' left output alone", bad[i]);
	}
	TEST_ASSERT_EQUAL(rte_uuid_parse(NULL, u), -1, "NULL");
	return TEST_SUCCESS;
}

static int
test_uuid_order(void)
{
	rte_uuid_t zero = {0}, a = RTE_UUID_INIT(1, 0, 0, 0, 0ULL);
	rte_uuid_t b = RTE_UUID_INIT(0, 0, 0, 0, 0xffffffffffffULL), c;

	TEST_ASSERT(rte_uuid_is_null(zero) && !rte_uuid_is_null(b), "null");
	TEST_ASSERT_EQUAL(rte_uuid_compare(a, b), 1, "first byte rules");
	TEST_ASSERT_EQUAL(rte_uuid_compare(b, a), -1, "reverse");
	rte_uuid_copy(c, a);
	TEST_ASSERT_EQUAL(rte_uuid_compare(a, c), 0, "copy equal");
	TEST_ASSERT_EQUAL(rte_uuid_compare(zero, b), -1, "zero first");
	return TEST_SUCCESS;
}

static const struct test_case uuid_cases[] = {
	TEST_CASE(test_uuid_text),
	TEST_CASE(test_uuid_order),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(uuid, TEST_SUITE_EAL, uuid_cases);
