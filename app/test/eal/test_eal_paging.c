/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eal_paging.h: map, lock, unmap, and the refused flag sets. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal_paging.h>
#include <rte_errno.h>

#include "test.h"

static int
test_eal_paging_map(void)
{
	size_t pg = rte_mem_page_size();
	char *va;

	TEST_ASSERT_EQUAL(pg, (size_t)sysconf(_SC_PAGESIZE), "page size");
	va = rte_mem_map(NULL, 2 * pg, RTE_PROT_READ | RTE_PROT_WRITE,
			 RTE_MAP_PRIVATE | RTE_MAP_ANONYMOUS, -1, 0);
	TEST_ASSERT_NOT_NULL(va, "anonymous map: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL((uintptr_t)va % pg, 0, "page aligned");
	TEST_ASSERT_EQUAL(va[pg + 5], 0, "anonymous memory is zero");
	memset(va, 0xa5, 2 * pg);
	TEST_ASSERT_SUCCESS(rte_mem_lock(va, pg), "lock one page: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_mem_unmap(va, 2 * pg), "unmap");

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_mem_map(NULL, pg, RTE_PROT_READ, RTE_MAP_ANONYMOUS, -1, 0),
			 "neither shared nor private");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_NULL(rte_mem_map(NULL, pg, RTE_PROT_READ,
				     RTE_MAP_SHARED | RTE_MAP_PRIVATE | RTE_MAP_ANONYMOUS, -1, 0),
			 "both shared and private");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_NULL(rte_mem_map(NULL, pg, RTE_PROT_READ, RTE_MAP_SHARED, -1, 0),
			 "a file mapping without a file");
	TEST_ASSERT_EQUAL(rte_errno, EBADF, "mmap's errno");
	TEST_ASSERT_EQUAL(rte_mem_unmap((void *)1, pg), -1, "unaligned unmap");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "munmap's errno");
	return TEST_SUCCESS;
}

static const struct test_case eal_paging_cases[] = {
	TEST_CASE(test_eal_paging_map),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(eal_paging, TEST_SUITE_NO_EAL, eal_paging_cases)
