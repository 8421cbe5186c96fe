/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * reciprocal: rte_reciprocal_divide and rte_reciprocal_divide_u64 agree with the
 * hardware divide for edge divisors (1, powers of two and their neighbours, the
 * largest values) and edge dividends, and for random pairs.
 */
#include <stdint.h>

#include <rte_common.h>
#include <rte_random.h>
#include <rte_reciprocal.h>

#include "test.h"

#define RECIP_RANDOM_PAIRS 200000

static int
recip_check32(uint32_t a, uint32_t d)
{
	struct rte_reciprocal r = rte_reciprocal_value(d);
	uint32_t q = rte_reciprocal_divide(a, r);

	TEST_ASSERT_EQUAL(q, a / d, "%u / %u: %u, want %u", a, d, q, a / d);
	return TEST_SUCCESS;
}

static int
recip_check64(uint64_t a, uint64_t d)
{
	struct rte_reciprocal_u64 r = rte_reciprocal_value_u64(d);
	uint64_t q = rte_reciprocal_divide_u64(a, &r);

	TEST_ASSERT(q == a / d, "%" PRIu64 " / %" PRIu64 ": %" PRIu64 ", want %" PRIu64, a, d, q,
		    a / d);
	return TEST_SUCCESS;
}

static int
test_reciprocal_edges(void)
{
	static const uint64_t ds[] = {1,
				      2,
				      3,
				      5,
				      7,
				      10,
				      255,
				      256,
				      257,
				      641,
				      65535,
				      65536,
				      (1u << 31) - 1,
				      1u << 31,
				      (1u << 31) + 1,
				      UINT32_MAX - 1,
				      UINT32_MAX};
	static const uint64_t as[] = {
		0,	   1, 2, 6, 255, 256, 1000000007, (1u << 31) - 1, 1u << 31, UINT32_MAX - 1,
		UINT32_MAX};
	static const uint64_t ds64[] = {(1ull << 32) + 1, 1ull << 40, 1000000000000000003ull,
					(1ull << 63) - 1, 1ull << 63, (1ull << 63) + 1,
					UINT64_MAX - 1,	  UINT64_MAX};
	static const uint64_t as64[] = {
		0, 1, 1ull << 32, (1ull << 63) - 1, 1ull << 63, UINT64_MAX - 1, UINT64_MAX};
	unsigned int i, j;

	for (i = 0; i < RTE_DIM(ds); i++)
		for (j = 0; j < RTE_DIM(as); j++) {
			if (recip_check32((uint32_t)as[j], (uint32_t)ds[i]) != TEST_SUCCESS)
				return TEST_FAILED;
			if (recip_check64(as[j], ds[i]) != TEST_SUCCESS ||
			    recip_check64(as64[j % RTE_DIM(as64)], ds[i]) != TEST_SUCCESS)
				return TEST_FAILED;
		}
	for (i = 0; i < RTE_DIM(ds64); i++)
		for (j = 0; j < RTE_DIM(as64); j++)
			if (recip_check64(as64[j], ds64[i]) != TEST_SUCCESS)
				return TEST_FAILED;
	return TEST_SUCCESS;
}

static int
test_reciprocal_random(void)
{
	unsigned int i;

	for (i = 0; i < RECIP_RANDOM_PAIRS; i++) {
		uint64_t a = rte_rand(), d = rte_rand();
		/* Spread divisors over every magnitude, not only the huge ones. */
		unsigned int bits = (unsigned int)(rte_rand() % 64) + 1;

		d = bits < 64 ? d & ((1ull << bits) - 1) : d;
		if (d == 0)
			d = 1;
		if (recip_check64(a, d) != TEST_SUCCESS)
			return TEST_FAILED;
		if (recip_check32((uint32_t)a, (uint32_t)d != 0 ? (uint32_t)d : 1) != TEST_SUCCESS)
			return TEST_FAILED;
	}
	return TEST_SUCCESS;
}

static const struct test_case reciprocal_cases[] = {
	TEST_CASE(test_reciprocal_edges),
	TEST_CASE(test_reciprocal_random),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(reciprocal, TEST_SUITE_EAL, reciprocal_cases);
