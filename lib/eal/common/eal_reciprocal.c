/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multipliers for rte_reciprocal_divide. With l = ceil(log2 d), the multiplier is
 * m = floor(2^N * (2^l - d) / d) + 1 for N-bit operands; the quotient is then
 * (t + ((a - t) >> min(l, 1))) >> max(l - 1, 0) with t the high half of a * m.
 */
#include <stdint.h>

#include <rte_reciprocal.h>

#include "eal_private.h"

/* ceil(log2 d) for d >= 1. */
static uint8_t
reciprocal_ceil_log2(uint64_t d)
{
	return d <= 1 ? 0 : (uint8_t)(64 - __builtin_clzll(d - 1));
}

__rte_export struct rte_reciprocal
rte_reciprocal_value(uint32_t d)
{
	struct rte_reciprocal r;
	uint8_t l = reciprocal_ceil_log2(d);
	uint64_t m = ((((uint64_t)1 << l) - d) << 32) / d + 1;

	r.m = (uint32_t)m;
	r.sh1 = l > 1 ? 1 : l;
	r.sh2 = l > 1 ? (uint8_t)(l - 1) : 0;
	return r;
}

__rte_export struct rte_reciprocal_u64
rte_reciprocal_value_u64(uint64_t d)
{
	struct rte_reciprocal_u64 r;
	uint8_t l = reciprocal_ceil_log2(d);
	unsigned __int128 m = ((((unsigned __int128)1 << l) - d) << 64) / d + 1;

	r.m = (uint64_t)m;
	r.sh1 = l > 1 ? 1 : l;
	r.sh2 = l > 1 ? (uint8_t)(l - 1) : 0;
	return r;
}
