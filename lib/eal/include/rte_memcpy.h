/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_MEMCPY_H_
#define _RTE_MEMCPY_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>

/*
 * Copy n bytes; the areas must not overlap. glibc's memcpy already picks
 * vector code for this CPU at load time, and gcc inlines small constant
 * sizes, so a wrapper is all that is needed. Returns dst; cannot fail.
 */
static __rte_always_inline void *
rte_memcpy(void *dst, const void *src, size_t n)
{
	return memcpy(dst, src, n);
}

/* Copy 16 bytes from src to dst (not overlapping). Returns nothing. */
static __rte_always_inline void
rte_mov16(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 16);
}

/* Copy 32 bytes from src to dst (not overlapping). Returns nothing. */
static __rte_always_inline void
rte_mov32(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 32);
}

/* Copy 64 bytes from src to dst (not overlapping). Returns nothing. */
static __rte_always_inline void
rte_mov64(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 64);
}

#endif
