/* SPDX-License-Identifier: BSD-3-Clause */
/* Common macros and helpers, with DPDK's names. */
#ifndef _RTE_COMMON_H_
#define _RTE_COMMON_H_

#include <stddef.h>
#include <stdint.h>
#include <stdalign.h>
#include <limits.h>
#include <errno.h>

#include <rte_config.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_STD_C11 __extension__

#define __rte_aligned(a) __attribute__((__aligned__(a)))
#define __rte_packed __attribute__((__packed__))
#define __rte_may_alias __attribute__((__may_alias__))
#define __rte_weak __attribute__((__weak__))
#define __rte_used __attribute__((used))
#define __rte_unused __attribute__((__unused__))
#define __rte_restrict __restrict
#define __rte_noreturn __attribute__((__noreturn__))
#define __rte_warn_unused_result __attribute__((warn_unused_result))
#define __rte_always_inline inline __attribute__((always_inline))

/*
 * A function ASan must not instrument (it reads memory ASan holds
 * poisoned on purpose). Nothing without ASan.
 */
#if defined(__SANITIZE_ADDRESS__)
#define __rte_no_asan __attribute__((no_sanitize_address))
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define __rte_no_asan __attribute__((no_sanitize_address))
#endif
#endif
#ifndef __rte_no_asan
#define __rte_no_asan
#endif

/*
 * Integers read or written at any address (packet fields). Their alignment
 * is 1 so that the compiler, and UBSan, know; on x86 the accesses compile
 * to the same moves as for the plain types.
 */
typedef uint64_t unaligned_uint64_t __rte_aligned(1);
typedef uint32_t unaligned_uint32_t __rte_aligned(1);
typedef uint16_t unaligned_uint16_t __rte_aligned(1);
#define __rte_noinline __attribute__((noinline))
#define __rte_hot __attribute__((hot))
#define __rte_cold __attribute__((cold))
#define __rte_deprecated __attribute__((__deprecated__))
#define __rte_format_printf(format_index, first_arg) \
	__attribute__((format(printf, format_index, first_arg)))
#define __rte_alloc_size(...) __attribute__((alloc_size(__VA_ARGS__)))
#define __rte_malloc __attribute__((__malloc__))
#define __rte_experimental
#define __rte_internal

#define RTE_SET_USED(x) (void)(x)

#define RTE_CACHE_LINE_MASK (RTE_CACHE_LINE_SIZE - 1)
#if RTE_CACHE_LINE_SIZE == 64
#define RTE_CACHE_LINE_SIZE_LOG2 6
#elif RTE_CACHE_LINE_SIZE == 128
#define RTE_CACHE_LINE_SIZE_LOG2 7
#else
#error "RTE_CACHE_LINE_SIZE must be 64 or 128"
#endif
#define RTE_CACHE_LINE_ROUNDUP(size) RTE_ALIGN_CEIL(size, RTE_CACHE_LINE_SIZE)
#define __rte_cache_aligned __rte_aligned(RTE_CACHE_LINE_SIZE)
#define __rte_cache_min_aligned __rte_aligned(RTE_CACHE_LINE_MIN_SIZE)

/* Zero-length markers used inside structures (struct rte_mbuf). */
__extension__ typedef void *RTE_MARKER[0];
__extension__ typedef uint8_t RTE_MARKER8[0];
__extension__ typedef uint16_t RTE_MARKER16[0];
__extension__ typedef uint32_t RTE_MARKER32[0];
__extension__ typedef uint64_t RTE_MARKER64[0];

#define RTE_PRIORITY_LOG 101
#define RTE_PRIORITY_BUS 110
#define RTE_PRIORITY_CLASS 120
#define RTE_PRIORITY_LAST 65535
#define RTE_PRIO(prio) RTE_PRIORITY_##prio

#define RTE_INIT_PRIO(func, prio) \
	static void __attribute__((constructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_INIT(func) RTE_INIT_PRIO(func, LAST)
#define RTE_FINI_PRIO(func, prio) \
	static void __attribute__((destructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_FINI(func) RTE_FINI_PRIO(func, LAST)

#define RTE_PTR_ADD(ptr, x) ((void *)((uintptr_t)(ptr) + (x)))
#define RTE_PTR_SUB(ptr, x) ((void *)((uintptr_t)(ptr) - (x)))
#define RTE_PTR_DIFF(ptr1, ptr2) ((uintptr_t)(ptr1) - (uintptr_t)(ptr2))
#define RTE_CAST_FIELD(var, field, type) \
	(*(type *)((uintptr_t)(var) + offsetof(typeof(*(var)), field)))

#define RTE_PTR_ALIGN_FLOOR(ptr, align) \
	((typeof(ptr))RTE_ALIGN_FLOOR((uintptr_t)(ptr), align))
#define RTE_ALIGN_FLOOR(val, align) \
	(typeof(val))((val) & (~((typeof(val))((align) - 1))))
#define RTE_PTR_ALIGN_CEIL(ptr, align) \
	RTE_PTR_ALIGN_FLOOR((typeof(ptr))RTE_PTR_ADD(ptr, (align) - 1), align)
#define RTE_ALIGN_CEIL(val, align) \
	RTE_ALIGN_FLOOR(((val) + ((typeof(val))(align) - 1)), align)
#define RTE_PTR_ALIGN(ptr, align) RTE_PTR_ALIGN_CEIL(ptr, align)
#define RTE_ALIGN(val, align) RTE_ALIGN_CEIL(val, align)
#define RTE_ALIGN_MUL_CEIL(v, mul) \
	((((v) + (typeof(v))(mul) - 1) / ((typeof(v))(mul))) * (typeof(v))(mul))
#define RTE_ALIGN_MUL_FLOOR(v, mul) (((v) / ((typeof(v))(mul))) * (typeof(v))(mul))
/* The multiple of mul nearest to v; halfway rounds up. */
#define RTE_ALIGN_MUL_NEAR(v, mul) \
	({ \
		typeof(v) _rte_ceil = RTE_ALIGN_MUL_CEIL(v, mul); \
		typeof(v) _rte_floor = RTE_ALIGN_MUL_FLOOR(v, mul); \
		(_rte_ceil - (v)) > ((v) - _rte_floor) ? _rte_floor : _rte_ceil; \
	})
#define RTE_IS_ALIGNED(ptr, align) (RTE_PTR_ALIGN(ptr, align) == (ptr))

#define RTE_BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))

#define RTE_MIN(a, b) \
	__extension__ ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define RTE_MAX(a, b) \
	__extension__ ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define RTE_DIM(a) (sizeof(a) / sizeof((a)[0]))
#define RTE_SWAP(a, b) \
	__extension__ ({ typeof(a) _tmp = a; a = b; b = _tmp; })

#define _RTE_STR(x) #x
#define RTE_STR(x) _RTE_STR(x)
#define RTE_LEN2MASK(ln, tp) ((tp)((uint64_t)-1 >> (sizeof(uint64_t) * CHAR_BIT - (ln))))
#define RTE_FMT(fmt, ...) fmt "%.0s", __VA_ARGS__ ""
#define RTE_FMT_HEAD(fmt, ...) fmt
#define RTE_FMT_TAIL(fmt, ...) __VA_ARGS__

#ifndef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#endif
#ifndef container_of
#define container_of(ptr, type, member) \
	__extension__ ({ const typeof(((type *)0)->member) *_ptr = (ptr); \
		(type *)(((uintptr_t)_ptr) - offsetof(type, member)); })
#endif
#define RTE_SIZEOF_FIELD(type, field) (sizeof(((type *)0)->field))

#define KB 1024ULL
#define RTE_KB 1024ULL
#define RTE_MB (1024ULL * 1024)
#define RTE_GB (1024ULL * 1024 * 1024)

/* 1 if ptr is a multiple of align (a power of two), else 0. No rte_errno. */
static inline int
rte_is_aligned(const void *ptr, unsigned int align)
{
	return RTE_PTR_ALIGN(ptr, align) == ptr;
}

/* x with every bit below its highest set bit also set (0 stays 0). No rte_errno. */
static inline uint32_t
rte_combine32ms1b(uint32_t x)
{
	x |= x >> 1;
	x |= x >> 2;
	x |= x >> 4;
	x |= x >> 8;
	x |= x >> 16;
	return x;
}

/* v with every bit below its highest set bit also set (0 stays 0). No rte_errno. */
static inline uint64_t
rte_combine64ms1b(uint64_t v)
{
	v |= v >> 1;
	v |= v >> 2;
	v |= v >> 4;
	v |= v >> 8;
	v |= v >> 16;
	v |= v >> 32;
	return v;
}

#define RTE_IS_POWER_OF_2(n) ((n) && !(((n) - 1) & (n)))

/* 1 if n is a power of two, 0 if not (0 included). No rte_errno. */
static inline int
rte_is_power_of_2(uint32_t n)
{
	return n && !(n & (n - 1));
}

/*
 * The smallest power of two >= x; x itself if it is one. 0 when x is 0 or
 * above 2^31 (no such 32-bit value). No rte_errno.
 */
static inline uint32_t
rte_align32pow2(uint32_t x)
{
	x--;
	x = rte_combine32ms1b(x);
	return x + 1;
}

/* The largest power of two <= x; 0 when x is 0. No rte_errno. */
static inline uint32_t
rte_align32prevpow2(uint32_t x)
{
	x = rte_combine32ms1b(x);
	return x - (x >> 1);
}

/*
 * The smallest power of two >= v; v itself if it is one. 0 when v is 0 or
 * above 2^63. No rte_errno.
 */
static inline uint64_t
rte_align64pow2(uint64_t v)
{
	v--;
	v = rte_combine64ms1b(v);
	return v + 1;
}

/* The largest power of two <= v; 0 when v is 0. No rte_errno. */
static inline uint64_t
rte_align64prevpow2(uint64_t v)
{
	v = rte_combine64ms1b(v);
	return v - (v >> 1);
}

/* The index of the lowest set bit of v; undefined when v is 0. No rte_errno. */
static inline uint32_t
rte_bsf32(uint32_t v)
{
	return (uint32_t)__builtin_ctz(v);
}

/*
 * Store the index of the lowest set bit of v in *pos and return 1; return 0
 * (pos untouched) when v is 0. No rte_errno.
 */
static inline int
rte_bsf32_safe(uint32_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf32(v);
	return 1;
}

/* The index of the lowest set bit of v; undefined when v is 0. No rte_errno. */
static inline uint32_t
rte_bsf64(uint64_t v)
{
	return (uint32_t)__builtin_ctzll(v);
}

/*
 * Store the index of the lowest set bit of v in *pos and return 1; return 0
 * (pos untouched) when v is 0. No rte_errno.
 */
static inline int
rte_bsf64_safe(uint64_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf64(v);
	return 1;
}

/* The number of trailing zero bits of v; undefined when v is 0. No rte_errno. */
static inline unsigned int
rte_ctz32(uint32_t v)
{
	return (unsigned int)__builtin_ctz(v);
}

/* The number of trailing zero bits of v; undefined when v is 0. No rte_errno. */
static inline unsigned int
rte_ctz64(uint64_t v)
{
	return (unsigned int)__builtin_ctzll(v);
}

/* The number of leading zero bits of v; undefined when v is 0. No rte_errno. */
static inline unsigned int
rte_clz32(uint32_t v)
{
	return (unsigned int)__builtin_clz(v);
}

/* The number of leading zero bits of v; undefined when v is 0. No rte_errno. */
static inline unsigned int
rte_clz64(uint64_t v)
{
	return (unsigned int)__builtin_clzll(v);
}

/* The number of set bits in v. No rte_errno. */
static inline unsigned int
rte_popcount32(uint32_t v)
{
	return (unsigned int)__builtin_popcount(v);
}

/* The number of set bits in v. No rte_errno. */
static inline unsigned int
rte_popcount64(uint64_t v)
{
	return (unsigned int)__builtin_popcountll(v);
}

/* The 1-based position of the highest set bit of x, 0 when x is 0. No rte_errno. */
static inline uint32_t
rte_fls_u32(uint32_t x)
{
	return (x == 0) ? 0 : 32 - (uint32_t)__builtin_clz(x);
}

/* The 1-based position of the highest set bit of x, 0 when x is 0. No rte_errno. */
static inline uint32_t
rte_fls_u64(uint64_t x)
{
	return (x == 0) ? 0 : 64 - (uint32_t)__builtin_clzll(x);
}

/* log2 of v rounded up (that of the next power of two), 0 when v is 0. No rte_errno. */
static inline uint32_t
rte_log2_u32(uint32_t v)
{
	if (v == 0)
		return 0;
	v = rte_align32pow2(v);
	return rte_bsf32(v);
}

/* log2 of v rounded up (that of the next power of two), 0 when v is 0. No rte_errno. */
static inline uint32_t
rte_log2_u64(uint64_t v)
{
	if (v == 0)
		return 0;
	v = rte_align64pow2(v);
	return rte_bsf64(v);
}

/*
 * Parse a size such as "512M", "2G" or "4096" (leading spaces and one space
 * before the K/M/G suffix allowed) into bytes. Returns the size, or 0 for a
 * negative or out-of-range number. rte_errno is not set; errno may be.
 */
uint64_t rte_str_to_size(const char *str);

#ifdef __cplusplus
}
#endif

#endif
