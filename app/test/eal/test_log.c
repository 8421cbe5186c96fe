/* SPDX-License-Identifier: BSD-3-Clause */
/* Log types, levels, patterns and the --log-level option. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_log.h>

#include "test.h"

#define RTE_LOG_DEFAULT_LOGTYPE test.logdefault
RTE_LOG_REGISTER_DEFAULT(test_default_logtype, DEBUG);

static char out[8192];

static int
capture(uint32_t level, uint32_t type, const char *msg)
{
	FILE *f = fmemopen(out, sizeof(out), "w");
	FILE *old = rte_log_get_stream();

	if (f == NULL)
		return -1;
	rte_openlog_stream(f);
	rte_log(level, type, "%s", msg);
	rte_openlog_stream(old == stderr ? NULL : old);
	fclose(f);
	return 0;
}

static int
test_log_register(void)
{
	int a = rte_log_register("test.alpha");
	int b = rte_log_register("test.alpha");
	int c = rte_log_register_type_and_pick_level("test.beta", RTE_LOG_WARNING);

	TEST_ASSERT(a >= RTE_LOGTYPE_FIRST_EXT_ID, "dynamic id %d", a);
	TEST_ASSERT_EQUAL(a, b, "same name, same id");
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)c), RTE_LOG_WARNING, "picked level");
	TEST_ASSERT(test_default_logtype >= RTE_LOGTYPE_FIRST_EXT_ID, "macro registered");
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)test_default_logtype), RTE_LOG_DEBUG,
			  "macro level");
	return TEST_SUCCESS;
}

static int
test_log_levels(void)
{
	int t = rte_log_register("test.levels");

	TEST_ASSERT_SUCCESS(rte_log_set_level((uint32_t)t, RTE_LOG_ERR), "set");
	TEST_ASSERT_SUCCESS(capture(RTE_LOG_INFO, (uint32_t)t, "hidden-info"), "capture");
	TEST_ASSERT(strstr(out, "hidden-info") == NULL, "info filtered at ERR");
	TEST_ASSERT_SUCCESS(capture(RTE_LOG_ERR, (uint32_t)t, "shown-err"), "capture");
	TEST_ASSERT_STR_CONTAINS(out, "shown-err", "error printed");
	TEST_ASSERT_EQUAL(rte_log_cur_msg_loglevel(), RTE_LOG_ERR, "current level");
	TEST_ASSERT_EQUAL(rte_log_cur_msg_logtype(), t, "current type");

	rte_log_set_global_level(RTE_LOG_CRIT);
	TEST_ASSERT_SUCCESS(capture(RTE_LOG_ERR, (uint32_t)t, "global-cut"), "capture");
	rte_log_set_global_level(RTE_LOG_DEBUG);
	TEST_ASSERT(strstr(out, "global-cut") == NULL, "global level applies");
	TEST_ASSERT(rte_log_set_level((uint32_t)t, 42) < 0, "bad level refused");
	TEST_ASSERT(rte_log_set_level(100000, RTE_LOG_ERR) < 0, "bad type refused");
	return TEST_SUCCESS;
}

static int
test_log_patterns(void)
{
	int a = rte_log_register("test.pat.one");
	int b = rte_log_register("test.pat.two");
	int c = rte_log_register("test.other");

	TEST_ASSERT_SUCCESS(rte_log_set_level_pattern("test.pat.*", RTE_LOG_DEBUG), "glob");
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)a), RTE_LOG_DEBUG, "one matched");
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)b), RTE_LOG_DEBUG, "two matched");
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)c), RTE_LOG_INFO, "other untouched");
	TEST_ASSERT_SUCCESS(rte_log_set_level_regexp("^test\\.o", RTE_LOG_NOTICE), "regex");
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)c), RTE_LOG_NOTICE, "regex matched");
	/* Types registered later take the pattern's level. */
	TEST_ASSERT_EQUAL(rte_log_get_level((uint32_t)rte_log_register("test.pat.late")),
			  RTE_LOG_DEBUG, "late type");
	return TEST_SUCCESS;
}

static int
test_log_macro(void)
{
	TEST_ASSERT_SUCCESS(rte_log_set_level(RTE_LOGTYPE_USER1, RTE_LOG_INFO), "level");
	{
		FILE *f = fmemopen(out, sizeof(out), "w");

		TEST_ASSERT_NOT_NULL(f, "fmemopen");
		rte_openlog_stream(f);
		RTE_LOG(INFO, USER1, "hello %d\n", 42);
		rte_openlog_stream(NULL);
		fclose(f);
	}
	TEST_ASSERT(strcmp(out, "USER1: hello 42\n") == 0, "got '%s'", out);
	return TEST_SUCCESS;
}

static int
test_log_option(void)
{
	const char *argv[] = { "eal_init_only", "--no-huge", "-l", "0",
			       "--log-level", "lib.eal:debug", "--log-level", "3", NULL };
	int rc = test_run_self(argv, out, sizeof(out));

	TEST_ASSERT_EQUAL(rc, 0, "valid --log-level forms:\n%s", out);
	return TEST_SUCCESS;
}

static const struct test_case log_cases[] = {
	TEST_CASE(test_log_register),
	TEST_CASE(test_log_levels),
	TEST_CASE(test_log_patterns),
	TEST_CASE(test_log_macro),
	TEST_CASE(test_log_option),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(log, TEST_SUITE_EAL, log_cases)
