/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The bounds checks on what VFIO writes into info answers: capability
 * chains and sparse-mmap areas, fed hostile values without a device.
 */
#include <stdint.h>
#include <string.h>
#include <linux/vfio.h>

#include "pci_private.h"
#include "test.h"

#define PAGE 4096u

/* A region info answer with room for capabilities, 8-byte aligned. */
static union {
	struct vfio_region_info info;
	uint64_t raw[64];
} buf;

#define INFO_LEN ((uint32_t)sizeof(struct vfio_region_info))

static struct vfio_region_info_cap_sparse_mmap *
sparse_at(uint32_t off, uint32_t nr_areas, uint32_t next)
{
	struct vfio_region_info_cap_sparse_mmap *sp = (void *)((char *)&buf + off);

	sp->header.id = VFIO_REGION_INFO_CAP_SPARSE_MMAP;
	sp->header.version = 1;
	sp->header.next = next;
	sp->nr_areas = nr_areas;
	return sp;
}

static int
test_vfio_sparse_area_bounds(void)
{
	const uint64_t bar = 0x4000;

	TEST_ASSERT(vfio_sparse_area_fits(bar, 0, bar, PAGE), "the whole BAR");
	TEST_ASSERT(vfio_sparse_area_fits(bar, 0x3000, 0x1000, PAGE), "the last page");
	TEST_ASSERT(vfio_sparse_area_fits(bar, 0x1000, 0x800, PAGE), "short last area");
	/* offset + size wraps to 0x1000, which a plain sum let through. */
	TEST_ASSERT(!vfio_sparse_area_fits(bar, UINT64_MAX - 0xfff, 0x2000, PAGE),
		    "offset near 2^64 whose sum wraps");
	TEST_ASSERT(!vfio_sparse_area_fits(bar, 0x1000, UINT64_MAX, PAGE), "size 2^64-1");
	TEST_ASSERT(!vfio_sparse_area_fits(bar, bar, 1, PAGE), "starts at the end");
	TEST_ASSERT(!vfio_sparse_area_fits(bar, 0x3000, 0x1001, PAGE), "one byte past");
	TEST_ASSERT(!vfio_sparse_area_fits(bar, 0, 0, PAGE), "empty");
	TEST_ASSERT(!vfio_sparse_area_fits(bar, 0x800, 0x800, PAGE), "not on a page");
	TEST_ASSERT(vfio_sparse_area_fits(bar, 0x800, 0x800, 0), "alignment not asked");
	TEST_ASSERT(!vfio_sparse_area_fits(0, 0, 1, PAGE), "empty region");
	return TEST_SUCCESS;
}

static int
test_vfio_cap_chain_bounds(void)
{
	const uint32_t argsz = sizeof(buf);
	const struct vfio_info_cap_header *h;
	struct vfio_region_info_cap_sparse_mmap *sp;
	uint32_t n;

	memset(&buf, 0, sizeof(buf));
	sp = sparse_at(INFO_LEN, 2, 0);
	h = vfio_info_cap_find(&buf, argsz, INFO_LEN, VFIO_REGION_INFO_CAP_SPARSE_MMAP,
			       sizeof(*sp));
	TEST_ASSERT(h == &sp->header, "well-formed chain");
	n = vfio_cap_entries_fit(&buf, argsz, sp, sizeof(*sp), sizeof(sp->areas[0]), sp->nr_areas);
	TEST_ASSERT_EQUAL(n, 2, "both areas fit");

	/* nr_areas far past the buffer: only what lies inside it is used. */
	sp->nr_areas = UINT32_MAX;
	n = vfio_cap_entries_fit(&buf, argsz, sp, sizeof(*sp), sizeof(sp->areas[0]), sp->nr_areas);
	TEST_ASSERT_EQUAL(n, (argsz - INFO_LEN - sizeof(*sp)) / sizeof(sp->areas[0]),
			  "nr_areas 2^32-1 clamped to the buffer: %u", n);
	TEST_ASSERT_EQUAL(vfio_cap_entries_fit(&buf, INFO_LEN + 8, sp, sizeof(*sp), 16, 4), 0,
			  "head itself past argsz");

	/* The first capability is another id that points at itself: ends. */
	memset(&buf, 0, sizeof(buf));
	sparse_at(INFO_LEN, 1, INFO_LEN)->header.id = VFIO_REGION_INFO_CAP_TYPE;
	TEST_ASSERT_NULL(
		vfio_info_cap_find(&buf, argsz, INFO_LEN, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
		"self loop");
	/* A next pointing backwards ends the walk too. */
	sparse_at(INFO_LEN + 64, 1, INFO_LEN)->header.id = VFIO_REGION_INFO_CAP_TYPE;
	sparse_at(INFO_LEN, 1, INFO_LEN + 64)->header.id = VFIO_REGION_INFO_CAP_TYPE;
	TEST_ASSERT_NULL(
		vfio_info_cap_find(&buf, argsz, INFO_LEN, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
		"backwards");
	/* next past the buffer, or close enough to 2^32 to wrap a sum. */
	sparse_at(INFO_LEN, 1, argsz)->header.id = VFIO_REGION_INFO_CAP_TYPE;
	TEST_ASSERT_NULL(
		vfio_info_cap_find(&buf, argsz, INFO_LEN, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
		"past argsz");
	sparse_at(INFO_LEN, 1, UINT32_MAX - 7)->header.id = VFIO_REGION_INFO_CAP_TYPE;
	TEST_ASSERT_NULL(
		vfio_info_cap_find(&buf, argsz, INFO_LEN, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
		"next 2^32-8");
	/* First offset out of bounds, misaligned, or 0 (no chain). */
	TEST_ASSERT_NULL(vfio_info_cap_find(&buf, argsz, UINT32_MAX - 3,
					    VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
			 "first 2^32-4");
	memset(&buf, 0, sizeof(buf));
	sparse_at(INFO_LEN, 1, 0);
	TEST_ASSERT_NULL(
		vfio_info_cap_find(&buf, argsz, INFO_LEN + 4, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
		"misaligned");
	TEST_ASSERT_NULL(vfio_info_cap_find(&buf, argsz, 0, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 16),
			 "offset 0 is no chain");
	/* The header fits but the sparse head (nr_areas) would be read past argsz. */
	sparse_at(56, 1, 0);
	TEST_ASSERT_NULL(vfio_info_cap_find(&buf, 64, 56, VFIO_REGION_INFO_CAP_SPARSE_MMAP,
					    sizeof(struct vfio_region_info_cap_sparse_mmap)),
			 "capability cut by argsz");
	return TEST_SUCCESS;
}

static const struct test_case vfio_caps_cases[] = {TEST_CASE(test_vfio_sparse_area_bounds),
						   TEST_CASE(test_vfio_cap_chain_bounds),
						   TEST_CASES_END()};

REGISTER_TEST_SUITE(vfio_caps, TEST_SUITE_NO_EAL, vfio_caps_cases);
