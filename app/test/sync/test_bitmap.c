/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_bitmap.h: footprint, init checks, set/get/clear, and the scan's order and wrap. */
#include <stdint.h>
#include <stdlib.h>

#include <rte_bitmap.h>
#include <rte_common.h>

#include "test.h"

#define BITMAP_BITS 131072 /* 256 array2 lines, 4 array1 slabs */

static uint8_t bitmap_mem[1 << 15] __rte_cache_aligned;

/* One scan call, checked against the slab expected. */
static int
bitmap_scan_expect(struct rte_bitmap *bmp, uint32_t want_pos, uint64_t want_slab)
{
	uint32_t pos = UINT32_MAX;
	uint64_t slab = 0;

	TEST_ASSERT_EQUAL(rte_bitmap_scan(bmp, &pos, &slab), 1, "a slab is found");
	TEST_ASSERT_EQUAL(pos, want_pos, "slab position");
	TEST_ASSERT(slab == want_slab, "slab bits %#" PRIx64 ", want %#" PRIx64, slab, want_slab);
	return TEST_SUCCESS;
}

static int
test_bitmap_init(void)
{
	uint32_t fp = rte_bitmap_get_memory_footprint(BITMAP_BITS);

	TEST_ASSERT_EQUAL(rte_bitmap_get_memory_footprint(0), 0, "no bits");
	TEST_ASSERT_EQUAL(rte_bitmap_get_memory_footprint(1), 2 * RTE_CACHE_LINE_SIZE,
			  "header+array1 line and one array2 line");
	/* 131072 bits in 16 KiB, plus the header (5 slabs) and array1 (4
	 * slabs) rounded up to whole lines */
	TEST_ASSERT_EQUAL(fp, BITMAP_BITS / 8 + 2 * RTE_CACHE_LINE_SIZE, "footprint");
	TEST_ASSERT(fp <= sizeof(bitmap_mem), "test memory large enough");
	TEST_ASSERT_NULL(rte_bitmap_init(0, bitmap_mem, fp), "zero bits");
	TEST_ASSERT_NULL(rte_bitmap_init(BITMAP_BITS, NULL, fp), "NULL memory");
	TEST_ASSERT_NULL(rte_bitmap_init(BITMAP_BITS, bitmap_mem + 8, fp), "misaligned");
	TEST_ASSERT_NULL(rte_bitmap_init(BITMAP_BITS, bitmap_mem, fp - 1), "too small");
	TEST_ASSERT_NOT_NULL(rte_bitmap_init(BITMAP_BITS, bitmap_mem, fp), "init");
	TEST_ASSERT_EQUAL(rte_bitmap_free(NULL), -1, "free NULL");
	TEST_ASSERT_EQUAL(rte_bitmap_free((struct rte_bitmap *)bitmap_mem), 0, "free");
	return TEST_SUCCESS;
}

static int
test_bitmap_set_scan_clear(void)
{
	struct rte_bitmap *bmp = rte_bitmap_init(BITMAP_BITS, bitmap_mem, sizeof(bitmap_mem));
	uint32_t pos;
	uint64_t slab;

	TEST_ASSERT_NOT_NULL(bmp, "init");
	TEST_ASSERT_EQUAL(rte_bitmap_scan(bmp, &pos, &slab), 0, "empty");
	rte_bitmap_set(bmp, 3);
	rte_bitmap_set(bmp, 70);
	rte_bitmap_set(bmp, 600);	      /* second array2 line */
	rte_bitmap_set(bmp, BITMAP_BITS - 1); /* last line, last array1 slab */
	rte_bitmap_set_slab(bmp, 64 * 1000 + 5, 0xf0);
	TEST_ASSERT(rte_bitmap_get(bmp, 70) != 0 && rte_bitmap_get(bmp, 71) == 0, "get");

	/* in order of position, two slabs of one line in a row, then wrap */
	for (int round = 0; round < 2; round++) {
		TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 0, 1ULL << 3), "round %d", round);
		TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 64, 1ULL << 6), "round %d", round);
		TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 576, 1ULL << 24), "round %d", round);
		TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 64000, 0xf0), "round %d", round);
		TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, BITMAP_BITS - 64, 1ULL << 63),
				    "round %d", round);
	}

	/* clearing the only bit of a line drops the line from the scan */
	rte_bitmap_clear(bmp, 600);
	TEST_ASSERT_EQUAL(bmp->array1[0] & 2, 0, "array1 bit of the emptied line cleared");
	rte_bitmap_clear(bmp, 70);
	TEST_ASSERT(bmp->array1[0] & 1, "line 0 still has bit 3");
	TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 0, 1ULL << 3), "after clears");
	TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 64000, 0xf0), "after clears");
	for (uint32_t b = 64000 + 4; b < 64000 + 8; b++)
		rte_bitmap_clear(bmp, b);
	rte_bitmap_clear(bmp, 3);
	rte_bitmap_clear(bmp, BITMAP_BITS - 1);
	TEST_ASSERT_EQUAL(rte_bitmap_scan(bmp, &pos, &slab), 0, "empty again");

	rte_bitmap_set(bmp, 5000);
	rte_bitmap_reset(bmp);
	TEST_ASSERT_EQUAL(rte_bitmap_get(bmp, 5000), 0, "reset clears");
	TEST_ASSERT_EQUAL(rte_bitmap_scan(bmp, &pos, &slab), 0, "reset empties the scan");
	return TEST_SUCCESS;
}

static int
test_bitmap_all_set(void)
{
	uint32_t fp = rte_bitmap_get_memory_footprint(100);
	struct rte_bitmap *bmp = rte_bitmap_init_with_all_set(100, bitmap_mem, fp);

	TEST_ASSERT_NOT_NULL(bmp, "init all set");
	TEST_ASSERT(rte_bitmap_get(bmp, 0) && rte_bitmap_get(bmp, 99), "ends set");
	TEST_ASSERT_EQUAL(rte_bitmap_get(bmp, 100), 0, "no bit past n_bits");
	TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 0, UINT64_MAX), "first slab full");
	TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 64, (1ULL << 36) - 1), "36 bits in the second");
	TEST_ASSERT_SUCCESS(bitmap_scan_expect(bmp, 0, UINT64_MAX), "wraps");
	TEST_ASSERT_NULL(rte_bitmap_init_with_all_set(100, bitmap_mem, fp - 1), "too small");
	return TEST_SUCCESS;
}

static const struct test_case bitmap_cases[] = {
	TEST_CASE(test_bitmap_init),
	TEST_CASE(test_bitmap_set_scan_clear),
	TEST_CASE(test_bitmap_all_set),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(bitmap, TEST_SUITE_NO_EAL, bitmap_cases)
