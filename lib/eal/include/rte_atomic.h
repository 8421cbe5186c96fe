/* SPDX-License-Identifier: BSD-3-Clause */
/* Memory barriers and the legacy atomic counters (x86-64). */
#ifndef _RTE_ATOMIC_H_
#define _RTE_ATOMIC_H_

#include <stdint.h>
#include <stdatomic.h>

#include <rte_common.h>

#define rte_compiler_barrier() do { asm volatile ("" : : : "memory"); } while (0)

#define rte_mb() _mm_mfence_compat()
/* A full memory fence (mfence), behind rte_mb. Returns nothing. */
static inline void
_mm_mfence_compat(void)
{
	asm volatile("mfence" : : : "memory");
}
#define rte_wmb() rte_compiler_barrier()
#define rte_rmb() rte_compiler_barrier()

/*
 * x86 is TSO: stores are not reordered with stores, loads not with loads.
 * Only a store followed by a load needs a full fence; a locked add on the
 * stack is cheaper than mfence for that. Returns nothing.
 */
static __rte_always_inline void
rte_smp_mb(void)
{
	asm volatile("lock addl $0, -128(%%rsp); " : : : "memory");
}
#define rte_smp_wmb() rte_compiler_barrier()
#define rte_smp_rmb() rte_compiler_barrier()
#define rte_io_mb() rte_mb()
#define rte_io_wmb() rte_compiler_barrier()
#define rte_io_rmb() rte_compiler_barrier()
#define rte_cio_wmb() rte_compiler_barrier()
#define rte_cio_rmb() rte_compiler_barrier()

/*
 * A fence of order memorder (an __ATOMIC_* value); __ATOMIC_SEQ_CST uses
 * rte_smp_mb. Returns nothing.
 */
static __rte_always_inline void
rte_atomic_thread_fence(int memorder)
{
	if (memorder == __ATOMIC_SEQ_CST)
		rte_smp_mb();
	else
		__atomic_thread_fence(memorder);
}

/*
 * Legacy counters, still used by applications. For N in 16, 32, 64, none of
 * them fails or sets rte_errno:
 * - rte_atomicN_init(v), _set(v, n), _clear(v): store 0, n, 0 (not atomic
 *   read-modify-write); return nothing.
 * - rte_atomicN_read(v): the current value.
 * - rte_atomicN_add/sub(v, x), _inc/_dec(v): atomic update; return nothing.
 * - rte_atomicN_add_return/sub_return(v, x): the value after the update.
 * - rte_atomicN_inc_and_test/dec_and_test(v): 1 if the value after the
 *   update is 0, else 0.
 * - rte_atomicN_test_and_set(v): 1 if it changed 0 to 1, 0 if it was not 0.
 * - rte_atomicN_cmpset(dst, exp, src): 1 if *dst was exp and is now src,
 *   else 0 (dst untouched).
 * - rte_atomicN_exchange(dst, val): the value *dst held before val.
 */
typedef struct { volatile int16_t cnt; } rte_atomic16_t;
typedef struct { volatile int32_t cnt; } rte_atomic32_t;
typedef struct { volatile int64_t cnt; } rte_atomic64_t;
#define RTE_ATOMIC16_INIT(val) { (val) }
#define RTE_ATOMIC32_INIT(val) { (val) }
#define RTE_ATOMIC64_INIT(val) { (val) }

#define RTE_GEN_ATOMIC(bits) \
static inline void rte_atomic##bits##_init(rte_atomic##bits##_t *v) { v->cnt = 0; } \
static inline int##bits##_t rte_atomic##bits##_read(const rte_atomic##bits##_t *v) \
{ return __atomic_load_n(&v->cnt, __ATOMIC_RELAXED); } \
static inline void rte_atomic##bits##_set(rte_atomic##bits##_t *v, int##bits##_t n) \
{ __atomic_store_n(&v->cnt, n, __ATOMIC_RELAXED); } \
static inline void rte_atomic##bits##_add(rte_atomic##bits##_t *v, int##bits##_t inc) \
{ __atomic_fetch_add(&v->cnt, inc, __ATOMIC_SEQ_CST); } \
static inline void rte_atomic##bits##_sub(rte_atomic##bits##_t *v, int##bits##_t dec) \
{ __atomic_fetch_sub(&v->cnt, dec, __ATOMIC_SEQ_CST); } \
static inline void rte_atomic##bits##_inc(rte_atomic##bits##_t *v) { rte_atomic##bits##_add(v, 1); } \
static inline void rte_atomic##bits##_dec(rte_atomic##bits##_t *v) { rte_atomic##bits##_sub(v, 1); } \
static inline int##bits##_t rte_atomic##bits##_add_return(rte_atomic##bits##_t *v, int##bits##_t inc) \
{ return __atomic_add_fetch(&v->cnt, inc, __ATOMIC_SEQ_CST); } \
static inline int##bits##_t rte_atomic##bits##_sub_return(rte_atomic##bits##_t *v, int##bits##_t dec) \
{ return __atomic_sub_fetch(&v->cnt, dec, __ATOMIC_SEQ_CST); } \
static inline int rte_atomic##bits##_inc_and_test(rte_atomic##bits##_t *v) \
{ return __atomic_add_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; } \
static inline int rte_atomic##bits##_dec_and_test(rte_atomic##bits##_t *v) \
{ return __atomic_sub_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; } \
static inline int rte_atomic##bits##_test_and_set(rte_atomic##bits##_t *v) \
{ int##bits##_t exp = 0; return __atomic_compare_exchange_n(&v->cnt, &exp, 1, 0, \
	__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
static inline void rte_atomic##bits##_clear(rte_atomic##bits##_t *v) { rte_atomic##bits##_set(v, 0); } \
static inline int rte_atomic##bits##_cmpset(volatile uint##bits##_t *dst, uint##bits##_t exp, \
	uint##bits##_t src) \
{ return __atomic_compare_exchange_n(dst, &exp, src, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
static inline uint##bits##_t rte_atomic##bits##_exchange(volatile uint##bits##_t *dst, uint##bits##_t val) \
{ return __atomic_exchange_n(dst, val, __ATOMIC_SEQ_CST); }

RTE_GEN_ATOMIC(16)
RTE_GEN_ATOMIC(32)
RTE_GEN_ATOMIC(64)
#undef RTE_GEN_ATOMIC

typedef struct {
	RTE_STD_C11
	union {
		uint64_t val[2];
		__extension__ __int128 int128;
	};
} __rte_aligned(16) rte_int128_t;

/*
 * If *dst equals *exp, write *src to *dst and return 1; otherwise copy
 * *dst to *exp and return 0. One lock cmpxchg16b, a full barrier whatever
 * weak, success and failure (the memory orders) ask. dst must be 16-byte
 * aligned (rte_int128_t is).
 */
static inline int
rte_atomic128_cmp_exchange(rte_int128_t *dst, rte_int128_t *exp, const rte_int128_t *src,
			   unsigned int weak, int success, int failure)
{
	uint8_t res;

	RTE_SET_USED(weak);
	RTE_SET_USED(success);
	RTE_SET_USED(failure);
	asm volatile("lock cmpxchg16b %[dst]\n\tsete %[res]"
		     : [dst] "+m"(dst->val[0]), "+m"(dst->val[1]), "+a"(exp->val[0]),
		       "+d"(exp->val[1]), [res] "=r"(res)
		     : "b"(src->val[0]), "c"(src->val[1])
		     : "memory", "cc");
	return res;
}

#endif
