/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_PAUSE_H_
#define _RTE_PAUSE_H_

#include <stdint.h>
#include <stdatomic.h>
#include <emmintrin.h>

#include <rte_atomic.h>
#include <rte_common.h>

/* Tell the CPU this is a spin-wait loop (x86 pause). Returns nothing; no rte_errno. */
static inline void
rte_pause(void)
{
	_mm_pause();
}

/*
 * Spin (pausing) until the 16-bit value at addr equals expected, loading it
 * with memorder (__ATOMIC_RELAXED or __ATOMIC_ACQUIRE). Returns nothing.
 */
static __rte_always_inline void
rte_wait_until_equal_16(volatile uint16_t *addr, uint16_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/*
 * Spin (pausing) until the 32-bit value at addr equals expected, loading it
 * with memorder (__ATOMIC_RELAXED or __ATOMIC_ACQUIRE). Returns nothing.
 */
static __rte_always_inline void
rte_wait_until_equal_32(volatile uint32_t *addr, uint32_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/*
 * Spin (pausing) until the 64-bit value at addr equals expected, loading it
 * with memorder (__ATOMIC_RELAXED or __ATOMIC_ACQUIRE). Returns nothing.
 */
static __rte_always_inline void
rte_wait_until_equal_64(volatile uint64_t *addr, uint64_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

#endif
