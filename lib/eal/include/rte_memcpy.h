/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_MEMCPY_H_
#define _RTE_MEMCPY_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>

/* The first and the last k bytes of n (k <= n <= 2k): all n, overlapping in the middle. */
static __rte_always_inline void
__rte_memcpy_ends(uint8_t *d, const uint8_t *s, size_t n, size_t k)
{
	memcpy(d, s, k);
	memcpy(d + n - k, s + n - k, k);
}

/*
 * Copy up to 128 bytes with fixed-size moves and no call; the fixed sizes
 * compile to plain vector loads and stores.
 */
static __rte_always_inline void
__rte_memcpy_small(uint8_t *d, const uint8_t *s, size_t n)
{
	if (n >= 64)
		__rte_memcpy_ends(d, s, n, 64);
	else if (n >= 32)
		__rte_memcpy_ends(d, s, n, 32);
	else if (n >= 16)
		__rte_memcpy_ends(d, s, n, 16);
	else if (n >= 8)
		__rte_memcpy_ends(d, s, n, 8);
	else if (n >= 4)
		__rte_memcpy_ends(d, s, n, 4);
	else if (n >= 2)
		__rte_memcpy_ends(d, s, n, 2);
	else if (n == 1)
		*d = *s;
}

/*
 * Copy n bytes; the areas must not overlap. Small copies (packet headers,
 * 64-byte frames) are done inline: the call into glibc's memcpy costs more
 * than the copy there. Larger ones go to glibc, which picks vector code for
 * this CPU at load time; constant sizes are left to the compiler. Returns
 * dst; cannot fail.
 */
static __rte_always_inline void *
rte_memcpy(void *dst, const void *src, size_t n)
{
	if (__builtin_constant_p(n) || n > 128)
		return memcpy(dst, src, n);
	__rte_memcpy_small(dst, src, n);
	return dst;
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
