/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_bitops.h: each relaxed operation touches only bit nr and reports it in place. */
#include <stdint.h>

#include <rte_bitops.h>

#include "test.h"

static int
test_bitops_32(void)
{
	volatile uint32_t w = 0x80000001u;

	TEST_ASSERT_EQUAL(rte_bit_relaxed_get32(31, &w), 0x80000000u, "get 31");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_get32(1, &w), 0, "get 1");
	rte_bit_relaxed_set32(4, &w);
	TEST_ASSERT_EQUAL(w, 0x80000011u, "set 4");
	rte_bit_relaxed_clear32(31, &w);
	TEST_ASSERT_EQUAL(w, 0x11u, "clear 31");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_test_and_set32(8, &w), 0, "was clear");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_test_and_set32(8, &w), RTE_BIT32(8), "was set");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_test_and_clear32(8, &w), RTE_BIT32(8), "cleared");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_test_and_clear32(8, &w), 0, "already clear");
	TEST_ASSERT_EQUAL(w, 0x11u, "others untouched");
	return TEST_SUCCESS;
}

static int
test_bitops_64(void)
{
	volatile uint64_t w = 1;

	rte_bit_relaxed_set64(63, &w);
	TEST_ASSERT_EQUAL(w, RTE_BIT64(63) | 1, "set 63");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_get64(63, &w), RTE_BIT64(63), "get 63");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_test_and_clear64(0, &w), 1, "bit 0 was set");
	TEST_ASSERT_EQUAL(rte_bit_relaxed_test_and_set64(40, &w), 0, "bit 40 was clear");
	rte_bit_relaxed_clear64(63, &w);
	TEST_ASSERT_EQUAL(w, RTE_BIT64(40), "only bit 40 left");
	return TEST_SUCCESS;
}

static const struct test_case bitops_cases[] = {
	TEST_CASE(test_bitops_32),
	TEST_CASE(test_bitops_64),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(bitops, TEST_SUITE_NO_EAL, bitops_cases);
