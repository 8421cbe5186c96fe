/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Assertions for test functions that return 0 on success and -1 on
 * failure (drivers' self-tests, DPDK's autotests). A failed assertion logs
 * "Test assert <function> line <n> failed: <message>" at ERR level under
 * the EAL log type, calls RTE_TEST_TRACE_FAILURE(file, line, function) and
 * makes the enclosing function return -1.
 */
#ifndef _RTE_TEST_H_
#define _RTE_TEST_H_

#include <rte_log.h>

/* A test harness may define this before the include to record failures. */
#ifndef RTE_TEST_TRACE_FAILURE
#define RTE_TEST_TRACE_FAILURE(_file, _line, _func)
#endif

#define RTE_TEST_ASSERT(cond, msg, ...)                                                         \
	do {                                                                                    \
		if (!(cond)) {                                                                  \
			RTE_LOG(ERR, EAL, "Test assert %s line %d failed: " msg "\n", __func__, \
				__LINE__, ##__VA_ARGS__);                                       \
			RTE_TEST_TRACE_FAILURE(__FILE__, __LINE__, __func__);                   \
			return -1;                                                              \
		}                                                                               \
	} while (0)

#define RTE_TEST_ASSERT_EQUAL(a, b, msg, ...) RTE_TEST_ASSERT((a) == (b), msg, ##__VA_ARGS__)
#define RTE_TEST_ASSERT_NOT_EQUAL(a, b, msg, ...) RTE_TEST_ASSERT((a) != (b), msg, ##__VA_ARGS__)
#define RTE_TEST_ASSERT_SUCCESS(val, msg, ...) RTE_TEST_ASSERT((val) == 0, msg, ##__VA_ARGS__)
#define RTE_TEST_ASSERT_FAIL(val, msg, ...) RTE_TEST_ASSERT((val) != 0, msg, ##__VA_ARGS__)
#define RTE_TEST_ASSERT_NULL(val, msg, ...) RTE_TEST_ASSERT((val) == NULL, msg, ##__VA_ARGS__)
#define RTE_TEST_ASSERT_NOT_NULL(val, msg, ...) RTE_TEST_ASSERT((val) != NULL, msg, ##__VA_ARGS__)

#endif /* _RTE_TEST_H_ */
