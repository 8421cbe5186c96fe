/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Single-bit operations on a 32- or 64-bit word. "Relaxed": plain loads and
 * stores through a volatile pointer, no atomicity and no ordering; a word
 * that other threads change needs a lock or rte_atomic/stdatomic instead.
 * nr is the bit number, 0 the least significant; it must be below the width
 * (checked by RTE_ASSERT in debug builds).
 */
#ifndef _RTE_BITOPS_H_
#define _RTE_BITOPS_H_

#include <stdint.h>

#include <rte_debug.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The word with only bit nr set (the same definitions as rte_ethdev.h's). */
#define RTE_BIT64(nr) (UINT64_C(1) << (nr))
#define RTE_BIT32(nr) (UINT32_C(1) << (nr))

/*
 * For width w: get (bit nr of *addr, in place: 0 or RTE_BITw(nr)), set,
 * clear, and test_and_set/test_and_clear (bit nr before the change, in
 * place), each one read and one write of *addr at most.
 */
#define RTE_BITOPS_RELAXED(w)                                                                    \
	static inline uint##w##_t rte_bit_relaxed_get##w(unsigned int nr,                        \
							 volatile uint##w##_t *addr)             \
	{                                                                                        \
		RTE_ASSERT(nr < w);                                                              \
		return *addr & RTE_BIT##w(nr);                                                   \
	}                                                                                        \
	static inline void rte_bit_relaxed_set##w(unsigned int nr, volatile uint##w##_t *addr)   \
	{                                                                                        \
		RTE_ASSERT(nr < w);                                                              \
		*addr = *addr | RTE_BIT##w(nr);                                                  \
	}                                                                                        \
	static inline void rte_bit_relaxed_clear##w(unsigned int nr, volatile uint##w##_t *addr) \
	{                                                                                        \
		RTE_ASSERT(nr < w);                                                              \
		*addr = *addr & ~RTE_BIT##w(nr);                                                 \
	}                                                                                        \
	/* one read and one write: bit nr set (on) or cleared, its old value returned */         \
	static inline uint##w##_t __rte_bit_relaxed_test_and_put##w(                             \
		unsigned int nr, volatile uint##w##_t *addr, int on)                             \
	{                                                                                        \
		uint##w##_t old;                                                                 \
                                                                                                 \
		RTE_ASSERT(nr < w);                                                              \
		old = *addr;                                                                     \
		*addr = on ? old | RTE_BIT##w(nr) : old & ~RTE_BIT##w(nr);                       \
		return old & RTE_BIT##w(nr);                                                     \
	}                                                                                        \
	static inline uint##w##_t rte_bit_relaxed_test_and_set##w(unsigned int nr,               \
								  volatile uint##w##_t *addr)    \
	{                                                                                        \
		return __rte_bit_relaxed_test_and_put##w(nr, addr, 1);                           \
	}                                                                                        \
	static inline uint##w##_t rte_bit_relaxed_test_and_clear##w(unsigned int nr,             \
								    volatile uint##w##_t *addr)  \
	{                                                                                        \
		return __rte_bit_relaxed_test_and_put##w(nr, addr, 0);                           \
	}

RTE_BITOPS_RELAXED(32)
RTE_BITOPS_RELAXED(64)

#undef RTE_BITOPS_RELAXED

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BITOPS_H_ */
