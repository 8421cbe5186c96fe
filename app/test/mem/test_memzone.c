/* SPDX-License-Identifier: BSD-3-Clause */
/* Memzones: reserve, lookup, free and reuse, and every error DPDK names. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "test.h"

static int
test_memzone_reserve_lookup(void)
{
	const struct rte_memzone *mz = rte_memzone_reserve("mz_test_a", 1000, SOCKET_ID_ANY, 0);
	const unsigned char *b;

	TEST_ASSERT_NOT_NULL(mz, "reserve: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(strcmp(mz->name, "mz_test_a"), 0, "name");
	TEST_ASSERT(mz->len >= 1000, "len %zu", mz->len);
	TEST_ASSERT_EQUAL((uintptr_t)mz->addr % RTE_CACHE_LINE_SIZE, 0, "cache-line aligned");
	TEST_ASSERT_EQUAL(mz->iova, rte_mem_virt2iova(mz->addr), "iova of the zone");
	TEST_ASSERT_EQUAL(mz->hugepage_sz, rte_mem_virt2memseg(mz->addr, NULL)->hugepage_sz,
			  "page size");
	b = mz->addr;
	for (size_t i = 0; i < mz->len; i++)
		TEST_ASSERT_EQUAL(b[i], 0, "byte %zu not zero", i);
	TEST_ASSERT(rte_memzone_lookup("mz_test_a") == mz, "lookup finds it");
	TEST_ASSERT_NULL(rte_memzone_lookup("mz_test_nothere"), "unknown name");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "free");
	TEST_ASSERT_NULL(rte_memzone_lookup("mz_test_a"), "gone after free");
	return TEST_SUCCESS;
}

static int
test_memzone_errors(void)
{
	char name[RTE_MEMZONE_NAMESIZE + 1];
	const struct rte_memzone *mz = rte_memzone_reserve("mz_test_dup", 64, SOCKET_ID_ANY, 0);
	const struct rte_memzone *mz2;

	TEST_ASSERT_NOT_NULL(mz, "reserve");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_memzone_reserve("mz_test_dup", 64, SOCKET_ID_ANY, 0), "dup");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "name in use: EEXIST");

	memset(name, 'n', RTE_MEMZONE_NAMESIZE);
	name[RTE_MEMZONE_NAMESIZE] = '\0';
	TEST_ASSERT_NULL(rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0), "32 characters");
	TEST_ASSERT_EQUAL(rte_errno, ENAMETOOLONG, "too long: ENAMETOOLONG");
	name[RTE_MEMZONE_NAMESIZE - 1] = '\0';
	mz2 = rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mz2, "31 characters fit");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz2), "free");

	TEST_ASSERT_NULL(rte_memzone_reserve(NULL, 64, SOCKET_ID_ANY, 0), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name: EINVAL");
	TEST_ASSERT_NULL(rte_memzone_reserve_aligned("mz_test_x", 64, SOCKET_ID_ANY, 0, 3),
			 "align 3");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "align 3: EINVAL");
	TEST_ASSERT_NULL(rte_memzone_reserve_bounded("mz_test_x", 64, SOCKET_ID_ANY, 0, 64, 100),
			 "bound 100");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bound not a power of two: EINVAL");
	TEST_ASSERT_NULL(rte_memzone_reserve_bounded("mz_test_x", 4096, SOCKET_ID_ANY, 0, 64, 1024),
			 "bound < len");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bound < len: EINVAL");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_memzone_reserve_bounded("mz_test_x", 20, SOCKET_ID_ANY, 0, 64, 32),
			 "a 20-byte zone takes a 64-byte cache line, more than a 32-byte bound");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bound below the rounded length: EINVAL");
	TEST_ASSERT_NULL(rte_memzone_reserve("mz_test_x", 64, -5, 0), "negative socket");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "negative socket: EINVAL");
	TEST_ASSERT_NULL(rte_memzone_reserve("mz_test_x", 64, RTE_MAX_NUMA_NODES + 3, 0),
			 "socket past the last one");
	TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "no heap on that socket: ENOMEM, as DPDK");
	{
		volatile size_t tib = (size_t)1 << 40;

		TEST_ASSERT_NULL(rte_memzone_reserve("mz_test_x", tib, SOCKET_ID_ANY, 0), "1 TiB");
		TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "1 TiB: ENOMEM");
	}
	TEST_ASSERT_NULL(rte_memzone_lookup("mz_test_x"), "no zone from failures");

	TEST_ASSERT_EQUAL(rte_memzone_free(NULL), -EINVAL, "free NULL");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "free");
	TEST_ASSERT_EQUAL(rte_memzone_free(mz), -EINVAL, "free twice");
	return TEST_SUCCESS;
}

static int
test_memzone_reuse(void)
{
	const struct rte_memzone *mz;

	for (int i = 0; i < 100; i++) {
		mz = rte_memzone_reserve("mz_test_reuse", 4096 + (size_t)i * 64, SOCKET_ID_ANY, 0);
		TEST_ASSERT_NOT_NULL(mz, "round %d: %s", i, rte_strerror(rte_errno));
		memset(mz->addr, 0xee, mz->len);
		TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "round %d free", i);
	}
	mz = rte_memzone_reserve("mz_test_reuse", 100, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mz, "reserve after reuse");
	TEST_ASSERT_EQUAL(((unsigned char *)mz->addr)[0], 0, "a reused zone comes back zeroed");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "free");
	return TEST_SUCCESS;
}

static int
test_memzone_aligned_bounded(void)
{
	const struct rte_memzone *mz[16];
	char name[32];

	for (unsigned int a = 64; a <= (1U << 21); a <<= 3) {
		const struct rte_memzone *z;

		snprintf(name, sizeof(name), "mz_test_al%u", a);
		z = rte_memzone_reserve_aligned(name, 5000, SOCKET_ID_ANY, 0, a);
		TEST_ASSERT_NOT_NULL(z, "align %u", a);
		TEST_ASSERT_EQUAL((uintptr_t)z->addr % a, 0, "align %u: %p", a, z->addr);
		TEST_ASSERT_SUCCESS(rte_memzone_free(z), "free");
	}
	for (unsigned int i = 0; i < RTE_DIM(mz); i++) {
		uintptr_t s;

		snprintf(name, sizeof(name), "mz_test_bd%u", i);
		mz[i] = rte_memzone_reserve_bounded(name, 1000, SOCKET_ID_ANY, 0, 64, 1024);
		TEST_ASSERT_NOT_NULL(mz[i], "bounded %u", i);
		s = (uintptr_t)mz[i]->addr;
		TEST_ASSERT_EQUAL(s / 1024, (s + 1000 - 1) / 1024, "zone %u crosses 1 KiB: %p",
				  i, mz[i]->addr);
	}
	for (unsigned int i = 0; i < RTE_DIM(mz); i++)
		TEST_ASSERT_SUCCESS(rte_memzone_free(mz[i]), "free");
	return TEST_SUCCESS;
}

static int
test_memzone_iova_contig(void)
{
	const size_t len = 3 << 20;
	const struct rte_memzone *mz = rte_memzone_reserve("mz_test_contig", len, SOCKET_ID_ANY,
							   RTE_MEMZONE_IOVA_CONTIG);
	const char *b;

	TEST_ASSERT_NOT_NULL(mz, "contig reserve: %s", rte_strerror(rte_errno));
	b = mz->addr;
	for (size_t off = 0; off < len; off += 4096)
		TEST_ASSERT_EQUAL(rte_mem_virt2iova(b + off), mz->iova + off,
				  "IOVA not contiguous at offset %zu", off);
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "free");
	return TEST_SUCCESS;
}

static int
test_memzone_page_flags(void)
{
	const struct rte_memzone *mz;
	unsigned int other = test_no_huge() ? RTE_MEMZONE_2MB : RTE_MEMZONE_16GB;

	mz = rte_memzone_reserve("mz_test_pg", 4096, SOCKET_ID_ANY, other);
	TEST_ASSERT_NULL(mz, "a page size we do not have, as a demand");
	TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "ENOMEM");
	mz = rte_memzone_reserve("mz_test_pg", 4096, SOCKET_ID_ANY,
				 other | RTE_MEMZONE_SIZE_HINT_ONLY);
	TEST_ASSERT_NOT_NULL(mz, "the same as a hint");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "free");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_memzone_reserve("mz_test_pg", 4096, SOCKET_ID_ANY, 0x8),
			 "an unknown flag is refused");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "unknown flag: EINVAL, as DPDK");
	TEST_ASSERT_NULL(rte_memzone_lookup("mz_test_pg"), "nothing reserved");
	return TEST_SUCCESS;
}

static int
test_memzone_biggest(void)
{
	void *hold = rte_malloc(NULL, 1 << 20, 0);
	const struct rte_memzone *mz = rte_memzone_reserve("mz_test_big", 0, SOCKET_ID_ANY, 0);

	TEST_ASSERT_NOT_NULL(mz, "len 0 reserves the biggest free block: %s",
			     rte_strerror(rte_errno));
	TEST_ASSERT(mz->len > 0, "len %zu", mz->len);
	memset(mz->addr, 1, mz->len);
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "free");
	rte_free(hold);
	return TEST_SUCCESS;
}

struct walk_ctx {
	unsigned int ours, all;
};

static void
walk_cb(const struct rte_memzone *mz, void *arg)
{
	struct walk_ctx *w = arg;

	w->all++;
	if (strncmp(mz->name, "mz_test_w", 9) == 0)
		w->ours++;
}

static int
test_memzone_walk_dump(void)
{
	static char buf[1 << 16];
	const struct rte_memzone *mz[3];
	struct walk_ctx w = { 0, 0 };
	char name[32];
	FILE *f;

	for (unsigned int i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "mz_test_w%u", i);
		mz[i] = rte_memzone_reserve(name, 128, SOCKET_ID_ANY, 0);
		TEST_ASSERT_NOT_NULL(mz[i], "reserve %u", i);
	}
	rte_memzone_walk(walk_cb, &w);
	TEST_ASSERT_EQUAL(w.ours, 3, "walk sees our three zones");
	f = fmemopen(buf, sizeof(buf), "w");
	TEST_ASSERT_NOT_NULL(f, "fmemopen");
	rte_memzone_dump(f);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(buf, "name:<mz_test_w1>", "dump lists the zone");
	for (unsigned int i = 0; i < 3; i++)
		TEST_ASSERT_SUCCESS(rte_memzone_free(mz[i]), "free");
	return TEST_SUCCESS;
}

static int
test_memzone_max(void)
{
	static const struct rte_memzone *mz[RTE_MAX_MEMZONE];
	unsigned int n = 0;
	char name[32];
	int err = 0;

	for (; n < RTE_MAX_MEMZONE; n++) {
		snprintf(name, sizeof(name), "mz_test_max%u", n);
		mz[n] = rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0);
		if (mz[n] == NULL) {
			err = rte_errno;
			break;
		}
	}
	if (n == RTE_MAX_MEMZONE) {
		TEST_ASSERT_NULL(rte_memzone_reserve("mz_test_max_over", 64, SOCKET_ID_ANY, 0),
				 "one more than RTE_MAX_MEMZONE");
		err = rte_errno;
	}
	TEST_ASSERT_EQUAL(err, ENOSPC, "full table: ENOSPC after %u zones", n);
	TEST_ASSERT(n > RTE_MAX_MEMZONE - 50, "only %u zones fit", n);
	for (unsigned int i = 0; i < n; i++)
		TEST_ASSERT_SUCCESS(rte_memzone_free(mz[i]), "free %u", i);
	mz[0] = rte_memzone_reserve("mz_test_max_after", 64, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mz[0], "room again after freeing");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz[0]), "free");
	return TEST_SUCCESS;
}

static const struct test_case memzone_cases[] = {
	TEST_CASE(test_memzone_reserve_lookup),
	TEST_CASE(test_memzone_errors),
	TEST_CASE(test_memzone_reuse),
	TEST_CASE(test_memzone_aligned_bounded),
	TEST_CASE(test_memzone_iova_contig),
	TEST_CASE(test_memzone_page_flags),
	TEST_CASE(test_memzone_biggest),
	TEST_CASE(test_memzone_walk_dump),
	TEST_CASE(test_memzone_max),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(memzone, TEST_SUITE_EAL, memzone_cases);
