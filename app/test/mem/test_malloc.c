/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_malloc: sizes, alignment, zeroing, realloc, statistics, threads. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "test.h"

static unsigned int
alloc_count(void)
{
	struct rte_malloc_socket_stats st;
	unsigned int n = 0;

	for (int s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (rte_malloc_get_socket_stats(s, &st) == 0)
			n += st.alloc_count;
	return n;
}

static int
test_malloc_basic(void)
{
	unsigned int before = alloc_count();
	size_t usable = 0;
	char *p = rte_malloc("test", 100, 0);

	TEST_ASSERT_NOT_NULL(p, "rte_malloc(100) failed");
	TEST_ASSERT_EQUAL((uintptr_t)p % RTE_CACHE_LINE_SIZE, 0, "align 0 means a cache line");
	memset(p, 0x5a, 100);
	TEST_ASSERT_SUCCESS(rte_malloc_validate(p, &usable), "a live block validates");
	TEST_ASSERT(usable >= 100, "usable size %zu < 100", usable);
	TEST_ASSERT_EQUAL(alloc_count(), before + 1, "one more block counted");
	rte_free(p);
	TEST_ASSERT_EQUAL(alloc_count(), before, "block count back after free");
	TEST_ASSERT_EQUAL(rte_malloc_validate(p, NULL), -1, "a freed block does not validate");
	rte_free(NULL);
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_malloc(NULL, 0, 0), "size 0 gives NULL");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "size 0 sets EINVAL");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_malloc(NULL, 64, 3), "alignment 3 gives NULL");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bad alignment sets EINVAL");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_malloc_socket(NULL, 64, 0, RTE_MAX_NUMA_NODES), "bad socket");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bad socket sets EINVAL");
	return TEST_SUCCESS;
}

static int
test_malloc_align(void)
{
	static const unsigned int bad[] = { 3, 48, 100, 4097 };

	for (unsigned int a = 1; a <= (1U << 21); a <<= 1) {
		char *p = rte_malloc(NULL, 1000, a);

		TEST_ASSERT_NOT_NULL(p, "align %u failed", a);
		TEST_ASSERT_EQUAL((uintptr_t)p % RTE_MAX(a, (unsigned int)RTE_CACHE_LINE_SIZE), 0,
				  "align %u not honoured: %p", a, p);
		memset(p, 1, 1000);
		rte_free(p);
	}
	for (unsigned int i = 0; i < RTE_DIM(bad); i++)
		TEST_ASSERT_NULL(rte_malloc(NULL, 64, bad[i]), "align %u must fail", bad[i]);
	return TEST_SUCCESS;
}

static int
test_malloc_zero(void)
{
	const size_t n = 8192;
	unsigned char *p = rte_malloc(NULL, n, 0), *z, *c;
	volatile size_t huge_num = SIZE_MAX / 2;

	TEST_ASSERT_NOT_NULL(p, "malloc");
	memset(p, 0xaa, n);
	rte_free(p);
	/* Likely the same block again: it must come back cleared. */
	z = rte_zmalloc(NULL, n, 0);
	TEST_ASSERT_NOT_NULL(z, "zmalloc");
	for (size_t i = 0; i < n; i++)
		TEST_ASSERT_EQUAL(z[i], 0, "byte %zu of rte_zmalloc not zero", i);
	rte_free(z);
	c = rte_calloc(NULL, 100, 33, 0);
	TEST_ASSERT_NOT_NULL(c, "calloc");
	for (size_t i = 0; i < 3300; i++)
		TEST_ASSERT_EQUAL(c[i], 0, "byte %zu of rte_calloc not zero", i);
	rte_free(c);
	/* volatile: the compiler would refuse the overflow at build time */
	TEST_ASSERT_NULL(rte_calloc(NULL, huge_num, 4, 0), "calloc overflow must fail");
	return TEST_SUCCESS;
}

static int
test_malloc_realloc(void)
{
	char *p = rte_realloc(NULL, 200, 0), *q, *r, *blocker;

	TEST_ASSERT_NOT_NULL(p, "realloc(NULL) allocates");
	for (int i = 0; i < 200; i++)
		p[i] = (char)i;
	/* Shrinking stays in place. */
	q = rte_realloc(p, 100, 0);
	TEST_ASSERT(q == p, "shrink moved the block");
	/* Growing keeps the bytes, wherever the block ends up. */
	blocker = rte_malloc(NULL, 64, 0);
	q = rte_realloc(p, 100000, 0);
	TEST_ASSERT_NOT_NULL(q, "grow failed");
	for (int i = 0; i < 100; i++)
		TEST_ASSERT_EQUAL(q[i], (char)i, "byte %d lost by realloc", i);
	/* A stricter alignment moves it. */
	r = rte_realloc(q, 100000, 1 << 20);
	TEST_ASSERT_NOT_NULL(r, "realloc to 1 MiB alignment");
	TEST_ASSERT_EQUAL((uintptr_t)r % (1 << 20), 0, "realloc alignment");
	for (int i = 0; i < 100; i++)
		TEST_ASSERT_EQUAL(r[i], (char)i, "byte %d lost by aligned realloc", i);
	TEST_ASSERT_NULL(rte_realloc(r, 100, 3), "bad alignment fails");
	TEST_ASSERT_SUCCESS(rte_malloc_validate(r, NULL), "failed realloc left the block");
	rte_free(r);
	rte_free(blocker);
	return TEST_SUCCESS;
}

/*
 * As in DPDK's heap, a block is cut from the top of a free element: a second
 * block lies below the first, and a block that cannot grow into the freed
 * space above it moves (DPDK's malloc_autotest, test_realloc, relies on it).
 */
static int
test_malloc_top_placement(void)
{
	char *low, *high, *grown;

	high = rte_malloc(NULL, 1024, RTE_CACHE_LINE_SIZE);
	low = rte_malloc(NULL, 1024, RTE_CACHE_LINE_SIZE);
	TEST_ASSERT(high != NULL && low != NULL, "two blocks");
	TEST_ASSERT(low < high, "second block %p not below the first %p", low, high);
	rte_free(high);
	memset(low, 0x5a, 1024);
	grown = rte_realloc(low, 2048 + 256, RTE_CACHE_LINE_SIZE);
	TEST_ASSERT_NOT_NULL(grown, "grow");
	TEST_ASSERT(grown != low, "grew in place past the freed block above it");
	for (int i = 0; i < 1024; i++)
		TEST_ASSERT_EQUAL(grown[i], 0x5a, "byte %d lost by the move", i);
	rte_free(grown);
	return TEST_SUCCESS;
}

static int
test_malloc_stats(void)
{
	struct rte_malloc_socket_stats a, b;
	int s = rte_socket_id() == (unsigned int)SOCKET_ID_ANY ? 0 : (int)rte_socket_id();
	char buf[4096];
	FILE *f;
	void *p;

	TEST_ASSERT_SUCCESS(rte_malloc_get_socket_stats(s, &a), "stats of socket %d", s);
	TEST_ASSERT_EQUAL(rte_malloc_get_socket_stats(-5, &a), -1, "bad socket");
	TEST_ASSERT_EQUAL(rte_malloc_get_socket_stats(RTE_MAX_NUMA_NODES, &a), -1, "bad socket");
	TEST_ASSERT_SUCCESS(rte_malloc_get_socket_stats(s, &a), "stats");
	p = rte_malloc_socket(NULL, 10000, 0, s);
	TEST_ASSERT_NOT_NULL(p, "malloc on socket %d", s);
	TEST_ASSERT_SUCCESS(rte_malloc_get_socket_stats(s, &b), "stats");
	TEST_ASSERT_EQUAL(b.alloc_count, a.alloc_count + 1, "alloc_count");
	TEST_ASSERT(b.heap_allocsz_bytes >= a.heap_allocsz_bytes + 10000,
		    "allocated bytes grew by %zu only", b.heap_allocsz_bytes - a.heap_allocsz_bytes);
	/* What is neither busy nor free is one header line per region. */
	TEST_ASSERT(b.heap_totalsz_bytes >= b.heap_allocsz_bytes + b.heap_freesz_bytes,
		    "total %zu < alloc %zu + free %zu", b.heap_totalsz_bytes,
		    b.heap_allocsz_bytes, b.heap_freesz_bytes);
	TEST_ASSERT_EQUAL((b.heap_totalsz_bytes - b.heap_allocsz_bytes - b.heap_freesz_bytes) %
			  RTE_CACHE_LINE_SIZE, 0, "overhead is whole region headers");
	TEST_ASSERT(b.free_count >= 1 && b.greatest_free_size > 0, "some free block");
	TEST_ASSERT(b.greatest_free_size <= b.heap_freesz_bytes, "greatest free <= free");
	f = fmemopen(buf, sizeof(buf), "w");
	TEST_ASSERT_NOT_NULL(f, "fmemopen");
	rte_malloc_dump_stats(f, NULL);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(buf, "Heap id:", "dump names the heap");
	TEST_ASSERT_STR_CONTAINS(buf, "Alloc_count:", "dump shows the count");
	TEST_ASSERT_EQUAL(rte_malloc_heap_get_socket("socket_0"), 0, "heap of socket 0");
	TEST_ASSERT_EQUAL(rte_malloc_heap_get_socket("nope"), -1, "unknown heap");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "unknown heap: ENOENT");
	TEST_ASSERT_EQUAL(rte_malloc_heap_socket_is_external(0), 0, "socket 0 is internal");
	TEST_ASSERT_EQUAL(rte_malloc_heap_socket_is_external(SOCKET_ID_ANY), 0, "any");
	TEST_ASSERT_EQUAL(rte_malloc_heap_socket_is_external(RTE_MAX_NUMA_NODES + 1), -1, "bad");
	rte_free(p);
	TEST_ASSERT_SUCCESS(rte_malloc_get_socket_stats(s, &b), "stats");
	TEST_ASSERT_EQUAL(b.alloc_count, a.alloc_count, "alloc_count back");
	TEST_ASSERT_EQUAL(b.heap_allocsz_bytes, a.heap_allocsz_bytes, "allocated bytes back");
	return TEST_SUCCESS;
}

static int
test_malloc_invalid_free(void)
{
	char local[128];
	char *p = rte_malloc(NULL, 256, 0);

	TEST_ASSERT_EQUAL(rte_malloc_validate(local + 64, NULL), -1, "stack is not a block");
	TEST_ASSERT_EQUAL(rte_malloc_validate(p + 64, NULL), -1, "inside a block is not one");
	/* Not ours: logged and ignored, the heap stays sound. */
	rte_free(local + 64);
	rte_free(p + 64);
	TEST_ASSERT_SUCCESS(rte_malloc_validate(p, NULL), "block still live");
	rte_free(p);
	return TEST_SUCCESS;
}

static int
test_malloc_grow_shrink(void)
{
	uint64_t before = rte_eal_get_physmem_size(), during;
	const size_t big = 12 << 20;
	char *p = rte_malloc(NULL, big, 0);

	TEST_ASSERT_NOT_NULL(p, "12 MiB allocation");
	memset(p, 0x11, big);
	during = rte_eal_get_physmem_size();
	TEST_ASSERT(during >= before + big, "memory grew by %" PRIu64 " only", during - before);
	rte_free(p);
	TEST_ASSERT_EQUAL(rte_eal_get_physmem_size(), before,
			  "a wholly free region goes back to the system");
	return TEST_SUCCESS;
}

static int
test_malloc_exhaustion(void)
{
	volatile size_t tib = (size_t)1 << 40;
	void *p = rte_malloc(NULL, tib, 0);

	TEST_ASSERT_NULL(p, "1 TiB cannot be allocated");
	p = rte_malloc(NULL, 4096, 0);
	TEST_ASSERT_NOT_NULL(p, "the heap works after a failure");
	rte_free(p);
	TEST_ASSERT_NULL(rte_malloc_socket(NULL, 64, 0, RTE_MAX_NUMA_NODES), "bad socket");
	return TEST_SUCCESS;
}

static int
test_malloc_iova(void)
{
	char *p = rte_malloc(NULL, 3 << 20, 0);
	const struct rte_memseg *ms;
	char *probe;

	TEST_ASSERT_NOT_NULL(p, "malloc");
	probe = p + (2 << 20) + 123;
	ms = rte_mem_virt2memseg(probe, NULL);
	TEST_ASSERT_NOT_NULL(ms, "a block's memseg");
	TEST_ASSERT_EQUAL(rte_malloc_virt2iova(probe), ms->iova + (uintptr_t)(probe - (char *)ms->addr),
			  "malloc IOVA = segment IOVA + offset");
	TEST_ASSERT_EQUAL(rte_mem_virt2iova(probe), rte_malloc_virt2iova(probe), "both agree");
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		TEST_ASSERT_EQUAL(rte_malloc_virt2iova(p), (uintptr_t)p, "IOVA is the VA");
	TEST_ASSERT_EQUAL(rte_malloc_virt2iova(&ms), RTE_BAD_IOVA, "stack has no IOVA");
	rte_free(p);
	return TEST_SUCCESS;
}

#define THREAD_ROUNDS 20000

struct worker_result {
	unsigned int errors;
	unsigned int done;
};

/* Allocate, fill, check and free random sizes; mistakes show as errors. */
static int
malloc_worker(void *arg)
{
	struct worker_result *res = arg;
	unsigned char *held[32] = { NULL };
	size_t sizes[32] = { 0 };
	unsigned int seed = rte_lcore_id() * 7919 + 1;
	unsigned char tag = (unsigned char)(rte_lcore_id() + 1);

	for (unsigned int i = 0; i < THREAD_ROUNDS; i++) {
		unsigned int slot = (unsigned int)rand_r(&seed) % 32;

		if (held[slot] != NULL) {
			for (size_t b = 0; b < sizes[slot]; b += 61)
				if (held[slot][b] != tag)
					res->errors++;
			rte_free(held[slot]);
		}
		sizes[slot] = 1 + (size_t)rand_r(&seed) % 20000;
		held[slot] = rte_malloc(NULL, sizes[slot], 64U << (rand_r(&seed) % 4));
		if (held[slot] == NULL) {
			res->errors++;
			continue;
		}
		memset(held[slot], tag, sizes[slot]);
		res->done++;
	}
	for (unsigned int s = 0; s < 32; s++)
		rte_free(held[s]);
	return 0;
}

static int
test_malloc_threads(void)
{
	struct worker_result res[2] = { { 0, 0 }, { 0, 0 } };
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	unsigned int before = alloc_count();

	if (worker >= RTE_MAX_LCORE)
		return TEST_SKIPPED;	/* needs two lcores (-l 0-1) */
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(malloc_worker, &res[1], worker), "launch");
	malloc_worker(&res[0]);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker result");
	TEST_ASSERT_EQUAL(res[0].errors + res[1].errors, 0, "corrupted or failed blocks");
	TEST_ASSERT_EQUAL(res[0].done + res[1].done, 2 * THREAD_ROUNDS, "allocations done");
	TEST_ASSERT_EQUAL(alloc_count(), before, "every block freed");
	return TEST_SUCCESS;
}

static const struct test_case malloc_cases[] = {
	TEST_CASE(test_malloc_basic),
	TEST_CASE(test_malloc_align),
	TEST_CASE(test_malloc_zero),
	TEST_CASE(test_malloc_realloc),
	TEST_CASE(test_malloc_top_placement),
	TEST_CASE(test_malloc_stats),
	TEST_CASE(test_malloc_invalid_free),
	TEST_CASE(test_malloc_grow_shrink),
	TEST_CASE(test_malloc_exhaustion),
	TEST_CASE(test_malloc_iova),
	TEST_CASE(test_malloc_threads),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(malloc, TEST_SUITE_EAL, malloc_cases);

/* ---- malloc_perf: cost of a block and of a memzone, beside libc ---- */

#define PERF_ROUNDS 200000

static double
ns_per_op(uint64_t cycles, unsigned int ops)
{
	return (double)cycles * 1e9 / (double)rte_get_tsc_hz() / ops;
}

static int
test_malloc_perf_pairs(void)
{
	static void *held[64];
	static const size_t sizes[] = { 64, 1024, 16384 };

	for (unsigned int s = 0; s < RTE_DIM(sizes); s++) {
		uint64_t t0, t_rte, t_libc;

		t0 = rte_rdtsc();
		for (unsigned int i = 0; i < PERF_ROUNDS; i++) {
			unsigned int k = i % RTE_DIM(held);

			rte_free(held[k]);
			held[k] = rte_malloc(NULL, sizes[s], 0);
			TEST_ASSERT_NOT_NULL(held[k], "rte_malloc(%zu)", sizes[s]);
		}
		t_rte = rte_rdtsc() - t0;
		for (unsigned int k = 0; k < RTE_DIM(held); k++) {
			rte_free(held[k]);
			held[k] = NULL;
		}
		t0 = rte_rdtsc();
		for (unsigned int i = 0; i < PERF_ROUNDS; i++) {
			unsigned int k = i % RTE_DIM(held);

			free(held[k]);
			held[k] = malloc(sizes[s]);
			TEST_ASSERT_NOT_NULL(held[k], "malloc(%zu)", sizes[s]);
		}
		t_libc = rte_rdtsc() - t0;
		for (unsigned int k = 0; k < RTE_DIM(held); k++) {
			free(held[k]);
			held[k] = NULL;
		}
		printf("  %6zu B: rte_free+rte_malloc %.1f ns, libc free+malloc %.1f ns\n",
		       sizes[s], ns_per_op(t_rte, PERF_ROUNDS), ns_per_op(t_libc, PERF_ROUNDS));
	}
	return TEST_SUCCESS;
}

static int
test_malloc_perf_memzone(void)
{
	const unsigned int n = 2000;
	uint64_t t0, t_res, t_look = 0, t_free;
	const struct rte_memzone *mz;
	static const struct rte_memzone *zones[2000];
	char name[32];

	t0 = rte_rdtsc();
	for (unsigned int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "perf_mz_%u", i);
		zones[i] = rte_memzone_reserve(name, 4096, SOCKET_ID_ANY, 0);
		TEST_ASSERT_NOT_NULL(zones[i], "reserve %u", i);
	}
	t_res = rte_rdtsc() - t0;
	t0 = rte_rdtsc();
	for (unsigned int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "perf_mz_%u", i);
		mz = rte_memzone_lookup(name);
		TEST_ASSERT(mz == zones[i], "lookup %u", i);
	}
	t_look = rte_rdtsc() - t0;
	t0 = rte_rdtsc();
	for (unsigned int i = 0; i < n; i++)
		TEST_ASSERT_SUCCESS(rte_memzone_free(zones[i]), "free %u", i);
	t_free = rte_rdtsc() - t0;
	printf("  memzone 4 KiB x %u: reserve %.0f ns, lookup %.0f ns, free %.0f ns\n", n,
	       ns_per_op(t_res, n), ns_per_op(t_look, n), ns_per_op(t_free, n));
	return TEST_SUCCESS;
}

static const struct test_case malloc_perf_cases[] = {
	TEST_CASE(test_malloc_perf_pairs),
	TEST_CASE(test_malloc_perf_memzone),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(malloc_perf, TEST_SUITE_EAL, malloc_perf_cases);
