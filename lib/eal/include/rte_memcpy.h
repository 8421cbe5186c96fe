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
 * sizes, so a wrapper is all that is needed.
 */
static __rte_always_inline void *
rte_memcpy(void *dst, const void *src, size_t n)
{
	return memcpy(dst, src, n);
}

static __rte_always_inline void
rte_mov16(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 16);
}

static __rte_always_inline void
rte_mov32(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 32);
}

static __rte_always_inline void
rte_mov64(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 64);
}

#endif
