/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Division by a run-time constant through a precomputed multiplier (Granlund and
 * Montgomery, "Division by invariant integers using multiplication", 1994): one
 * multiply, one subtract and two shifts instead of a divide in the fast path.
 */
#ifndef _RTE_RECIPROCAL_H_
#define _RTE_RECIPROCAL_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_reciprocal {
	uint32_t m;
	uint8_t sh1, sh2;
};

struct rte_reciprocal_u64 {
	uint64_t m;
	uint8_t sh1, sh2;
};

/* a / d for the d whose rte_reciprocal_value() R is. */
static inline uint32_t
rte_reciprocal_divide(uint32_t a, struct rte_reciprocal R)
{
	uint32_t t = (uint32_t)(((uint64_t)a * R.m) >> 32);

	return (t + ((a - t) >> R.sh1)) >> R.sh2;
}

/* The high 64 bits of the 128-bit product x * y. */
static __rte_always_inline uint64_t
__rte_reciprocal_mulhi_u64(uint64_t x, uint64_t y)
{
	return (uint64_t)(((unsigned __int128)x * y) >> 64);
}

/* a / d for the d whose rte_reciprocal_value_u64() R is. */
static __rte_always_inline uint64_t
rte_reciprocal_divide_u64(uint64_t a, const struct rte_reciprocal_u64 *R)
{
	uint64_t t = __rte_reciprocal_mulhi_u64(a, R->m);

	return (t + ((a - t) >> R->sh1)) >> R->sh2;
}

/* The multiplier and shifts for dividing by d, which must not be 0. Cannot fail. */
struct rte_reciprocal rte_reciprocal_value(uint32_t d);
struct rte_reciprocal_u64 rte_reciprocal_value_u64(uint64_t d);

#ifdef __cplusplus
}
#endif

#endif
