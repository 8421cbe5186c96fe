/* SPDX-License-Identifier: BSD-3-Clause */
/* External malloc heaps: create, add memory, allocate from it only, remove, destroy. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_errno.h>
#include <rte_malloc.h>

#include "test.h"

#define EXT_HEAP "sluice_ext_heap"

/* Owns the mapping: added to EXT_HEAP by the tests that need it. */
static void *
ext_mem_map(size_t len)
{
	void *va = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return va == MAP_FAILED ? NULL : va;
}

static int
test_malloc_heap_ext_alloc(void)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE), len = 4 * pg;
	rte_iova_t iova[4] = {0x10000000, 0x20000000, RTE_BAD_IOVA, 0x40000000};
	char *mem = ext_mem_map(len), *p, *q;
	struct rte_malloc_socket_stats st;
	int socket;

	TEST_ASSERT_NOT_NULL(mem, "mmap");
	TEST_ASSERT_SUCCESS(rte_malloc_heap_create(EXT_HEAP), "create: %s",
			    rte_strerror(rte_errno));
	socket = rte_malloc_heap_get_socket(EXT_HEAP);
	TEST_ASSERT(socket >= RTE_MAX_NUMA_NODES, "external socket id %d", socket);
	TEST_ASSERT_EQUAL(rte_malloc_heap_socket_is_external(socket), 1, "external");
	TEST_ASSERT_EQUAL(rte_malloc_heap_socket_is_external(0), 0, "socket 0 is not");
	TEST_ASSERT_NULL(rte_malloc_socket(NULL, 64, 0, socket), "no memory yet");

	TEST_ASSERT_SUCCESS(rte_malloc_heap_memory_add(EXT_HEAP, mem, len, iova, 4, pg), "add: %s",
			    rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_malloc_get_socket_stats(socket, &st), "stats");
	TEST_ASSERT_EQUAL(st.heap_totalsz_bytes, len, "heap size");
	p = rte_zmalloc_socket(NULL, 1024, 0, socket);
	TEST_ASSERT(p != NULL && p >= mem && p + 1024 <= mem + len, "block inside the chunk");
	strcpy(p, "kept");
	q = rte_realloc_socket(p, 2048, 0, socket);
	TEST_ASSERT(q != NULL && q >= mem && q + 2048 <= mem + len, "realloc stays in the heap");
	TEST_ASSERT_EQUAL(strcmp(q, "kept"), 0, "data kept");
	TEST_ASSERT_EQUAL(rte_malloc_virt2iova(mem + pg + 10), 0x20000000 + 10, "page 1 IOVA");
	TEST_ASSERT_EQUAL(rte_malloc_virt2iova(mem + 2 * pg), RTE_BAD_IOVA, "page 2: none given");
	TEST_ASSERT_NULL(rte_malloc_socket(NULL, len, 0, socket), "never grows past its memory");

	TEST_ASSERT_SUCCESS(rte_malloc_heap_memory_attach(EXT_HEAP, mem, len), "attach");
	TEST_ASSERT_SUCCESS(rte_malloc_heap_memory_detach(EXT_HEAP, mem, len), "detach");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_remove(EXT_HEAP, mem, len), -1, "in use");
	TEST_ASSERT_EQUAL(rte_errno, EBUSY, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_destroy(EXT_HEAP), -1, "memory still added");
	TEST_ASSERT_EQUAL(rte_errno, EBUSY, "errno");
	rte_free(q);
	TEST_ASSERT_SUCCESS(rte_malloc_heap_memory_remove(EXT_HEAP, mem, len), "remove: %s",
			    rte_strerror(rte_errno));
	TEST_ASSERT_NULL(rte_malloc_socket(NULL, 64, 0, socket), "no memory after removal");
	TEST_ASSERT_SUCCESS(rte_malloc_heap_destroy(EXT_HEAP), "destroy");
	TEST_ASSERT_EQUAL(rte_malloc_heap_get_socket(EXT_HEAP), -1, "gone");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "errno");
	munmap(mem, len);
	return TEST_SUCCESS;
}

static int
test_malloc_heap_ext_errors(void)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE), len = 2 * pg;
	char *mem = ext_mem_map(len);
	char long_name[RTE_HEAP_NAME_MAX_LEN + 1];

	TEST_ASSERT_NOT_NULL(mem, "mmap");
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	TEST_ASSERT_EQUAL(rte_malloc_heap_create(long_name), -1, "name too long");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_create(""), -1, "empty name");
	TEST_ASSERT_EQUAL(rte_malloc_heap_create("socket_0"), -1, "a socket's name");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_destroy("socket_0"), -1, "a socket's heap");
	TEST_ASSERT_EQUAL(rte_errno, EPERM, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_add("none", mem, len, NULL, 0, pg), -1, "no heap");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "errno");

	TEST_ASSERT_SUCCESS(rte_malloc_heap_create(EXT_HEAP), "create");
	TEST_ASSERT_EQUAL(rte_malloc_heap_create(EXT_HEAP), -1, "twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_add(EXT_HEAP, mem + 1, pg, NULL, 0, pg), -1,
			  "misaligned");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_add(EXT_HEAP, mem, len, NULL, 0, 3000), -1,
			  "page size not a power of 2");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_add(EXT_HEAP, mem, len, (rte_iova_t[1]){0}, 1, pg),
			  -1, "one IOVA for two pages");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_SUCCESS(rte_malloc_heap_memory_add(EXT_HEAP, mem, len, NULL, 0, pg), "add");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_add(EXT_HEAP, mem + pg, pg, NULL, 0, pg), -1,
			  "overlap");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_remove(EXT_HEAP, mem, pg), -1, "part of a chunk");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "errno");
	TEST_ASSERT_EQUAL(rte_malloc_heap_memory_attach(EXT_HEAP, mem + pg, pg), -1, "attach");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "errno");
	TEST_ASSERT_SUCCESS(rte_malloc_heap_memory_remove(EXT_HEAP, mem, len), "remove");
	TEST_ASSERT_SUCCESS(rte_malloc_heap_destroy(EXT_HEAP), "destroy");
	munmap(mem, len);
	return TEST_SUCCESS;
}

static const struct test_case malloc_heap_ext_cases[] = {
	TEST_CASE(test_malloc_heap_ext_alloc),
	TEST_CASE(test_malloc_heap_ext_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(malloc_heap_ext, TEST_SUITE_EAL, malloc_heap_ext_cases)
