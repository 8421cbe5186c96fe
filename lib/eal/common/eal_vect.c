/* SPDX-License-Identifier: BSD-3-Clause */
/* The process-wide SIMD width limit of rte_vect.h. */
#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_vect.h>

#include "eal_private.h"

/* Read by any thread choosing a code path; relaxed: a lone value that
 * orders nothing else. */
static _Atomic uint16_t vect_max_simd_bitwidth = RTE_VECT_DEFAULT_SIMD_BITWIDTH;

__rte_export uint16_t
rte_vect_get_max_simd_bitwidth(void)
{
	return atomic_load_explicit(&vect_max_simd_bitwidth, memory_order_relaxed);
}

__rte_export int
rte_vect_set_max_simd_bitwidth(uint16_t bitwidth)
{
	if (bitwidth < RTE_VECT_SIMD_DISABLED || !rte_is_power_of_2(bitwidth)) {
		EAL_LOG(ERR, "max SIMD bitwidth %u: not a power of 2 of at least %d\n",
			bitwidth, RTE_VECT_SIMD_DISABLED);
		return -EINVAL;
	}
	atomic_store_explicit(&vect_max_simd_bitwidth, bitwidth, memory_order_relaxed);
	return 0;
}
