/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What an autotest of DPDK 22.11's app/test expects from "test.h": the
 * TEST_ASSERT* family, unit test cases and suites, and command
 * registration. The same names and meanings, so that DPDK's test sources
 * build unmodified against this runner (runner.c), with either libsluice
 * or DPDK's own libraries.
 */
#ifndef SLUICE_CONFORMANCE_TEST_H
#define SLUICE_CONFORMANCE_TEST_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_log.h>

#define TEST_SUCCESS EXIT_SUCCESS
#define TEST_FAILED (-1)
/* also the exit status meson reads as "skipped" */
#define TEST_SKIPPED 77

/* A test file may define this before the include to trace failures. */
#ifndef TEST_TRACE_FAILURE
#define TEST_TRACE_FAILURE(file, line, func)
#endif

/* Every assertion: on failure, one line naming the function and line,
 * then the test function returns TEST_FAILED. */
#define TEST_ASSERT(cond, msg, ...)                                                            \
	do {                                                                                   \
		if (!(cond)) {                                                                 \
			printf("Test assert %s line %d failed: " msg "\n", __func__, __LINE__, \
			       ##__VA_ARGS__);                                                 \
			TEST_TRACE_FAILURE(__FILE__, __LINE__, __func__);                      \
			return TEST_FAILED;                                                    \
		}                                                                              \
	} while (0)

#define TEST_ASSERT_EQUAL(a, b, msg, ...) TEST_ASSERT((a) == (b), msg, ##__VA_ARGS__)
#define TEST_ASSERT_NOT_EQUAL(a, b, msg, ...) TEST_ASSERT((a) != (b), msg, ##__VA_ARGS__)
#define TEST_ASSERT_SUCCESS(val, msg, ...) TEST_ASSERT((val) == 0, msg, ##__VA_ARGS__)
#define TEST_ASSERT_FAIL(val, msg, ...) TEST_ASSERT((val) != 0, msg, ##__VA_ARGS__)
#define TEST_ASSERT_NULL(val, msg, ...) TEST_ASSERT((val) == NULL, msg, ##__VA_ARGS__)
#define TEST_ASSERT_NOT_NULL(val, msg, ...) TEST_ASSERT((val) != NULL, msg, ##__VA_ARGS__)

/* len bytes of a and b are the same */
#define TEST_ASSERT_BUFFERS_ARE_EQUAL(a, b, len, msg, ...) \
	TEST_ASSERT(memcmp((a), (b), (len)) == 0, msg, ##__VA_ARGS__)

/* len bytes starting off bytes into a and b are the same */
#define TEST_ASSERT_BUFFERS_ARE_EQUAL_OFFSET(a, b, len, off, msg, ...)                            \
	TEST_ASSERT_BUFFERS_ARE_EQUAL((const uint8_t *)(a) + (off), (const uint8_t *)(b) + (off), \
				      len, msg, ##__VA_ARGS__)

/* DPDK's test.h brings rte_hexdump.h: tests may call rte_hexdump() and
 * rte_memdump() without including it. */
#if __has_include(<rte_hexdump.h>)
#include <rte_hexdump.h>
#endif

/* DPDK's test.h brings rte_test.h, whose RTE_TEST_ASSERT* names some tests
 * use directly; where the library has no such header, the same names. */
#if __has_include(<rte_test.h>)
#include <rte_test.h>
#endif
#ifndef RTE_TEST_ASSERT
#define RTE_TEST_ASSERT TEST_ASSERT
#define RTE_TEST_ASSERT_EQUAL TEST_ASSERT_EQUAL
#define RTE_TEST_ASSERT_NOT_EQUAL TEST_ASSERT_NOT_EQUAL
#define RTE_TEST_ASSERT_SUCCESS TEST_ASSERT_SUCCESS
#define RTE_TEST_ASSERT_FAIL TEST_ASSERT_FAIL
#define RTE_TEST_ASSERT_NULL TEST_ASSERT_NULL
#define RTE_TEST_ASSERT_NOT_NULL TEST_ASSERT_NOT_NULL
#endif

struct unit_test_case {
	int (*setup)(void);
	void (*teardown)(void);
	int (*testcase)(void);
	int (*testcase_with_data)(const void *data);
	const char *name;
	unsigned int enabled;
	const void *data;
};

#define TEST_CASE(fn)                              \
	{                                          \
		NULL, NULL, fn, NULL, #fn, 1, NULL \
	}
#define TEST_CASE_NAMED(name, fn)                   \
	{                                           \
		NULL, NULL, fn, NULL, name, 1, NULL \
	}
#define TEST_CASE_ST(setup, teardown, fn)               \
	{                                               \
		setup, teardown, fn, NULL, #fn, 1, NULL \
	}
#define TEST_CASE_WITH_DATA(setup, teardown, fn, data)  \
	{                                               \
		setup, teardown, NULL, fn, #fn, 1, data \
	}
#define TEST_CASE_NAMED_ST(name, setup, teardown, fn)    \
	{                                                \
		setup, teardown, fn, NULL, name, 1, NULL \
	}
#define TEST_CASE_NAMED_WITH_DATA(name, setup, teardown, fn, data) \
	{                                                          \
		setup, teardown, NULL, fn, name, 1, data           \
	}
#define TEST_CASE_DISABLED(fn)                     \
	{                                          \
		NULL, NULL, fn, NULL, #fn, 0, NULL \
	}
#define TEST_CASE_ST_DISABLED(setup, teardown, fn)      \
	{                                               \
		setup, teardown, fn, NULL, #fn, 0, NULL \
	}
#define TEST_CASES_END()                              \
	{                                             \
		NULL, NULL, NULL, NULL, NULL, 0, NULL \
	}

struct unit_test_suite {
	const char *suite_name;
	int (*setup)(void);
	void (*teardown)(void);
	unsigned int total;
	unsigned int executed;
	unsigned int succeeded;
	unsigned int skipped;
	unsigned int failed;
	unsigned int unsupported;
	struct unit_test_suite **unit_test_suites;
	struct unit_test_case unit_test_cases[];
};

/* Runs the sub-suites, then the cases; 0 when none failed, TEST_SKIPPED
 * when nothing ran, TEST_FAILED otherwise. */
int unit_test_suite_runner(struct unit_test_suite *suite);
extern int last_test_result;

/* Hex dump of buf, only when the global log level is DEBUG. */
void debug_hexdump(FILE *file, const char *title, const void *buf, size_t len);

/* A test that starts a copy of this program (process.h) names, in this
 * environment variable, what the copy has to do instead of a test. */
#define RECURSIVE_ENV_VAR "RTE_TEST_RECURSIVE"

/* argv[0] after the EAL's arguments */
extern const char *prgname;

/* Actions of such copies, provided by the test files that use them. */
int test_exit(void);
int test_panic(void);
int test_mp_secondary(void);
int test_timer_secondary(void);

typedef int(test_callback)(void);
struct test_command {
	TAILQ_ENTRY(test_command) next;
	const char *command;
	test_callback *callback;
};

void add_test_command(struct test_command *t);

/* Makes func runnable as the autotest named cmd. */
#define REGISTER_TEST_COMMAND(cmd, func)                                   \
	static struct test_command test_struct_##cmd = {                   \
		.command = RTE_STR(cmd),                                   \
		.callback = func,                                          \
	};                                                                 \
	static void __attribute__((constructor)) test_register_##cmd(void) \
	{                                                                  \
		add_test_command(&test_struct_##cmd);                      \
	}

#endif
