/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SIMD vector types of x86-64 and the process-wide limit on the vector
 * width that code paths may pick (DPDK 22.11 API).
 */
#ifndef _RTE_VECT_H_
#define _RTE_VECT_H_

#include <stdint.h>
#include <x86intrin.h>

#include <rte_common.h>
#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* GCC vector types: unsigned, then signed, of 64, 128 and 256 bits. */
typedef uint8_t rte_v64u8_t __attribute__((vector_size(8), aligned(8)));
typedef uint16_t rte_v64u16_t __attribute__((vector_size(8), aligned(8)));
typedef uint32_t rte_v64u32_t __attribute__((vector_size(8), aligned(8)));
typedef uint8_t rte_v128u8_t __attribute__((vector_size(16), aligned(16)));
typedef uint16_t rte_v128u16_t __attribute__((vector_size(16), aligned(16)));
typedef uint32_t rte_v128u32_t __attribute__((vector_size(16), aligned(16)));
typedef uint64_t rte_v128u64_t __attribute__((vector_size(16), aligned(16)));
typedef uint8_t rte_v256u8_t __attribute__((vector_size(32), aligned(32)));
typedef uint16_t rte_v256u16_t __attribute__((vector_size(32), aligned(32)));
typedef uint32_t rte_v256u32_t __attribute__((vector_size(32), aligned(32)));
typedef uint64_t rte_v256u64_t __attribute__((vector_size(32), aligned(32)));

typedef int8_t rte_v64s8_t __attribute__((vector_size(8), aligned(8)));
typedef int16_t rte_v64s16_t __attribute__((vector_size(8), aligned(8)));
typedef int32_t rte_v64s32_t __attribute__((vector_size(8), aligned(8)));
typedef int8_t rte_v128s8_t __attribute__((vector_size(16), aligned(16)));
typedef int16_t rte_v128s16_t __attribute__((vector_size(16), aligned(16)));
typedef int32_t rte_v128s32_t __attribute__((vector_size(16), aligned(16)));
typedef int64_t rte_v128s64_t __attribute__((vector_size(16), aligned(16)));
typedef int8_t rte_v256s8_t __attribute__((vector_size(32), aligned(32)));
typedef int16_t rte_v256s16_t __attribute__((vector_size(32), aligned(32)));
typedef int32_t rte_v256s32_t __attribute__((vector_size(32), aligned(32)));
typedef int64_t rte_v256s64_t __attribute__((vector_size(32), aligned(32)));

/* Limits for rte_vect_set_max_simd_bitwidth(): the widest vectors allowed. */
enum rte_vect_max_simd {
	RTE_VECT_SIMD_DISABLED = 64, /* scalar code only */
	RTE_VECT_SIMD_128 = 128,     /* SSE */
	RTE_VECT_SIMD_256 = 256,     /* AVX2 */
	RTE_VECT_SIMD_512 = 512,     /* AVX-512 */
	RTE_VECT_SIMD_MAX = INT16_MAX + 1, /* no limit */
};

/* The limit a process starts with, as DPDK on x86. */
#define RTE_VECT_DEFAULT_SIMD_BITWIDTH RTE_VECT_SIMD_256

typedef __m128i xmm_t;

#define XMM_SIZE (sizeof(xmm_t))
#define XMM_MASK (XMM_SIZE - 1)

typedef union rte_xmm {
	xmm_t x;
	uint8_t u8[XMM_SIZE / sizeof(uint8_t)];
	uint16_t u16[XMM_SIZE / sizeof(uint16_t)];
	uint32_t u32[XMM_SIZE / sizeof(uint32_t)];
	uint64_t u64[XMM_SIZE / sizeof(uint64_t)];
	double pd[XMM_SIZE / sizeof(double)];
} rte_xmm_t;

#ifdef __AVX__
typedef __m256i ymm_t;

#define YMM_SIZE (sizeof(ymm_t))
#define YMM_MASK (YMM_SIZE - 1)

typedef union rte_ymm {
	ymm_t y;
	xmm_t x[YMM_SIZE / sizeof(xmm_t)];
	uint8_t u8[YMM_SIZE / sizeof(uint8_t)];
	uint16_t u16[YMM_SIZE / sizeof(uint16_t)];
	uint32_t u32[YMM_SIZE / sizeof(uint32_t)];
	uint64_t u64[YMM_SIZE / sizeof(uint64_t)];
	double pd[YMM_SIZE / sizeof(double)];
} rte_ymm_t;
#endif

#ifdef __AVX512F__
#define RTE_X86_ZMM_SIZE (sizeof(__m512i))
#define RTE_X86_ZMM_MASK (RTE_X86_ZMM_SIZE - 1)

typedef union __rte_x86_zmm {
	__m512i z;
	ymm_t y[RTE_X86_ZMM_SIZE / sizeof(ymm_t)];
	xmm_t x[RTE_X86_ZMM_SIZE / sizeof(xmm_t)];
	uint8_t u8[RTE_X86_ZMM_SIZE / sizeof(uint8_t)];
	uint16_t u16[RTE_X86_ZMM_SIZE / sizeof(uint16_t)];
	uint32_t u32[RTE_X86_ZMM_SIZE / sizeof(uint32_t)];
	uint64_t u64[RTE_X86_ZMM_SIZE / sizeof(uint64_t)];
	double pd[RTE_X86_ZMM_SIZE / sizeof(double)];
} __rte_aligned(RTE_X86_ZMM_SIZE) __rte_x86_zmm_t;
#endif

/* The widest vectors, in bits, that code paths may use now. */
__rte_experimental
uint16_t rte_vect_get_max_simd_bitwidth(void);

/*
 * Set that limit: a power of 2 from RTE_VECT_SIMD_DISABLED up (usually one
 * of enum rte_vect_max_simd). Returns 0, or -EINVAL for another value.
 * (DPDK's -EPERM, for a limit forced by --force-max-simd-bitwidth, does not
 * occur: Sluice has no such option.)
 */
__rte_experimental
int rte_vect_set_max_simd_bitwidth(uint16_t bitwidth);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VECT_H_ */
