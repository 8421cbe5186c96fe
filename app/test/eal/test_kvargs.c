/* SPDX-License-Identifier: BSD-3-Clause */
/* kvargs: parsing, bracketed lists, valid keys, process/count/get and errors. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_kvargs.h>

#include "test.h"

static const char *const valid[] = { "size", "copy", "queues", "flag", NULL };

static int
test_kvargs_basic(void)
{
	struct rte_kvargs *kv = rte_kvargs_parse("size=64,copy=1,size=128", valid);

	TEST_ASSERT_NOT_NULL(kv, "valid string parses");
	TEST_ASSERT_EQUAL(kv->count, 3, "three pairs");
	TEST_ASSERT_EQUAL(rte_kvargs_count(kv, "size"), 2, "size twice");
	TEST_ASSERT_EQUAL(rte_kvargs_count(kv, NULL), 3, "NULL key counts all");
	TEST_ASSERT_EQUAL(rte_kvargs_count(kv, "queues"), 0, "absent key");
	TEST_ASSERT(strcmp(rte_kvargs_get(kv, "size"), "64") == 0, "first size is 64");
	TEST_ASSERT(strcmp(rte_kvargs_get(kv, "copy"), "1") == 0, "copy is 1");
	TEST_ASSERT_NULL(rte_kvargs_get(kv, "queues"), "absent key gives NULL");
	TEST_ASSERT_NULL(rte_kvargs_get_with_value(kv, "size", "65"), "no size=65");
	TEST_ASSERT(strcmp(rte_kvargs_get_with_value(kv, "size", "128"), "128") == 0,
		    "size=128 found");
	TEST_ASSERT(strcmp(rte_kvargs_get_with_value(kv, NULL, "1"), "1") == 0,
		    "a NULL key matches any key (copy=1)");
	TEST_ASSERT(strcmp(rte_kvargs_get_with_value(kv, NULL, NULL), "64") == 0,
		    "NULL key and value match the first pair");
	TEST_ASSERT_NULL(rte_kvargs_get(kv, NULL), "rte_kvargs_get needs a key");
	TEST_ASSERT_NULL(rte_kvargs_get(NULL, "size"), "NULL list");
	rte_kvargs_free(kv);
	return TEST_SUCCESS;
}

static int
test_kvargs_lists_and_bare_keys(void)
{
	struct rte_kvargs *kv = rte_kvargs_parse("queues=[0,2-3],flag,,copy=", valid);

	TEST_ASSERT_NOT_NULL(kv, "list parses");
	TEST_ASSERT_EQUAL(kv->count, 3, "empty pair skipped");
	TEST_ASSERT(strcmp(rte_kvargs_get(kv, "queues"), "[0,2-3]") == 0,
		    "list keeps its commas: %s", rte_kvargs_get(kv, "queues"));
	TEST_ASSERT_EQUAL(rte_kvargs_count(kv, "flag"), 1, "bare key counted");
	TEST_ASSERT_NULL(kv->pairs[1].value, "bare key has NULL value");
	TEST_ASSERT(strcmp(rte_kvargs_get(kv, "copy"), "") == 0, "empty value");
	rte_kvargs_free(kv);

	kv = rte_kvargs_parse("", NULL);
	TEST_ASSERT_NOT_NULL(kv, "empty string is an empty list");
	TEST_ASSERT_EQUAL(kv->count, 0, "no pairs");
	rte_kvargs_free(kv);
	return TEST_SUCCESS;
}

static int
test_kvargs_errors(void)
{
	char big[RTE_KVARGS_MAX * 4 + 8] = "";
	struct rte_kvargs *kv;
	unsigned int i;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_kvargs_parse("size=1,bogus=2", valid), "unknown key fails");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "EINVAL");
	kv = rte_kvargs_parse("bogus=2", NULL);
	TEST_ASSERT_NOT_NULL(kv, "no valid_keys: any key is fine");
	rte_kvargs_free(kv);
	TEST_ASSERT_NULL(rte_kvargs_parse(NULL, NULL), "NULL string fails");
	for (i = 0; i < RTE_KVARGS_MAX + 1; i++)
		strcat(big, "a=1,");
	TEST_ASSERT_NULL(rte_kvargs_parse(big, NULL), "more than RTE_KVARGS_MAX pairs fail");
	return TEST_SUCCESS;
}

/* Inputs DPDK 22.11 accepts although they look malformed: an empty key, a
 * list left open, a second '=' in a pair, a stray ']'. */
static int
test_kvargs_lenient_syntax(void)
{
	static const struct {
		const char *in;
		unsigned int count;
		const char *key, *value; /* of the last pair */
	} cases[] = {
		{"foo=1,=2", 2, "", "2"},
		{"foo=[1,2", 1, "foo", "[1,2"},
		{",=", 1, "", ""},
		{"foo=[", 1, "foo", "["},
		{"a=b=c", 1, "b", "c"},
		{"queues=0],x", 2, "x", NULL},
		{"foo=1,foo=", 2, "foo", ""},
		{",,k,,", 1, "k", NULL},
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(cases); i++) {
		struct rte_kvargs *kv = rte_kvargs_parse(cases[i].in, NULL);
		const struct rte_kvargs_pair *last;

		TEST_ASSERT_NOT_NULL(kv, "'%s' parses", cases[i].in);
		if (kv->count != cases[i].count) {
			rte_kvargs_free(kv);
			TEST_ASSERT(false, "'%s': %u pairs", cases[i].in, cases[i].count);
		}
		last = &kv->pairs[kv->count - 1];
		TEST_ASSERT(strcmp(last->key, cases[i].key) == 0, "'%s': key '%s', want '%s'",
			    cases[i].in, last->key, cases[i].key);
		if (cases[i].value == NULL)
			TEST_ASSERT_NULL(last->value, "'%s': no value", cases[i].in);
		else
			TEST_ASSERT(last->value != NULL && strcmp(last->value, cases[i].value) == 0,
				    "'%s': value '%s'", cases[i].in, cases[i].value);
		rte_kvargs_free(kv);
	}
	return TEST_SUCCESS;
}

struct sum {
	unsigned int calls;
	long total;
};

static int
sum_handler(const char *key, const char *value, void *opaque)
{
	struct sum *s = opaque;

	if (strcmp(key, "size") != 0)
		return -1;
	s->calls++;
	s->total += strtol(value, NULL, 0);
	return 0;
}

static int
test_kvargs_process(void)
{
	struct rte_kvargs *kv = rte_kvargs_parse("size=64,copy=1,size=128", valid);
	struct sum s = { 0, 0 };

	TEST_ASSERT_NOT_NULL(kv, "parses");
	TEST_ASSERT_SUCCESS(rte_kvargs_process(kv, "size", sum_handler, &s), "process size");
	TEST_ASSERT_EQUAL(s.calls, 2, "handler ran for both sizes");
	TEST_ASSERT_EQUAL(s.total, 192, "values passed through");
	TEST_ASSERT_EQUAL(rte_kvargs_process(kv, NULL, sum_handler, &s), -1,
			  "handler failure on 'copy' stops the walk");
	s.calls = 0;
	TEST_ASSERT_EQUAL(rte_kvargs_process(NULL, NULL, sum_handler, &s), 0,
			  "a NULL list is not an error, as in DPDK 22.11");
	TEST_ASSERT_EQUAL(s.calls, 0, "no handler call for a NULL list");
	TEST_ASSERT_EQUAL(rte_kvargs_process(kv, "size", NULL, &s), -1, "NULL handler");
	rte_kvargs_free(kv);
	rte_kvargs_free(NULL);
	return TEST_SUCCESS;
}

static int
test_kvargs_delim(void)
{
	struct rte_kvargs *kv = rte_kvargs_parse_delim("size=64,copy=1/rest=9", valid, "/");

	TEST_ASSERT_NOT_NULL(kv, "parses up to the delimiter");
	TEST_ASSERT_EQUAL(kv->count, 2, "two pairs before '/'");
	TEST_ASSERT(strcmp(rte_kvargs_get(kv, "copy"), "1") == 0, "copy=1");
	rte_kvargs_free(kv);
	return TEST_SUCCESS;
}

static const struct test_case kvargs_cases[] = {
	TEST_CASE(test_kvargs_basic),
	TEST_CASE(test_kvargs_lists_and_bare_keys),
	TEST_CASE(test_kvargs_errors),
	TEST_CASE(test_kvargs_lenient_syntax),
	TEST_CASE(test_kvargs_process),
	TEST_CASE(test_kvargs_delim),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(kvargs, TEST_SUITE_NO_EAL, kvargs_cases);
