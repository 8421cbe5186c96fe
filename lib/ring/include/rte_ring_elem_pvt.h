/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ring's fast path: reserving slots by moving a head, copying objects
 * in and out of the slots, and publishing them by moving the tail.
 * Included by rte_ring_elem.h; not an API of its own.
 *
 * Memory ordering, for one side (producer; the consumer is symmetric):
 *   1. read prod.head (acquire for MP: pairs with 3 of the producer that
 *      wrote it, so the cons.tail read in 2 is no older than the one that
 *      producer used; otherwise free space could be over-counted);
 *   2. read cons.tail (acquire: pairs with 5 on the consumer side, so the
 *      consumers' reads of the slots we will overwrite are complete);
 *   3. claim [head, head + n) by a CAS on prod.head (MP, release) or a
 *      plain store (SP);
 *   4. copy the objects into the slots (plain stores);
 *   5. MP: wait until prod.tail == head (acquire: pairs with 5 of the
 *      producer before us, so its slots are published by our release too);
 *      then store prod.tail = head + n (release: pairs with 2 on the
 *      consumer side, which then sees the slots written in 4).
 * On x86 acquire loads and release stores are plain moves: the only
 * locked instruction is the MP/MC head CAS.
 */
#ifndef _RTE_RING_ELEM_PVT_H_
#define _RTE_RING_ELEM_PVT_H_

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Copy len bytes (a multiple of 4) between the caller's table and the
 * slots: 32-byte blocks as vectors (the compiler lowers them to what the
 * target has, one AVX move or two SSE moves), then a 16-, 8- and 4-byte
 * tail. Written out because the optimizer turns a plain copy loop into a
 * call to memcpy(), which costs more than the copy itself for the 8 to 32
 * objects of a usual burst. Neither side needs any alignment.
 *
 * The length depends on how many slots the head move granted, which the
 * compiler cannot bound by the caller's count: for a one-object table it
 * would warn about the 32-byte path, which never runs for it.
 */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif

typedef uint8_t __rte_ring_b32 __attribute__((vector_size(32), __aligned__(1), __may_alias__));
typedef uint8_t __rte_ring_b16 __attribute__((vector_size(16), __aligned__(1), __may_alias__));
typedef uint64_t __rte_ring_b8 __attribute__((__aligned__(1), __may_alias__));
typedef uint32_t __rte_ring_b4 __attribute__((__aligned__(1), __may_alias__));

static __rte_always_inline void
__rte_ring_copy(void *__rte_restrict dst, const void *__rte_restrict src, size_t len)
{
	uint8_t *d = (uint8_t *)dst;
	const uint8_t *s = (const uint8_t *)src;

	/* two blocks a turn: a loop of one block becomes a memcpy() call */
	for (; len >= 64; len -= 64, d += 64, s += 64) {
		((__rte_ring_b32 *)d)[0] = ((const __rte_ring_b32 *)s)[0];
		((__rte_ring_b32 *)d)[1] = ((const __rte_ring_b32 *)s)[1];
	}
	if (len & 32) {
		*(__rte_ring_b32 *)d = *(const __rte_ring_b32 *)s;
		d += 32;
		s += 32;
	}
	if (len & 16) {
		*(__rte_ring_b16 *)d = *(const __rte_ring_b16 *)s;
		d += 16;
		s += 16;
	}
	if (len & 8) {
		*(__rte_ring_b8 *)d = *(const __rte_ring_b8 *)s;
		d += 8;
		s += 8;
	}
	if (len & 4)
		*(__rte_ring_b4 *)d = *(const __rte_ring_b4 *)s;
}

/*
 * Copy n objects of esize bytes into the slots from head on; the first
 * branch is the usual case, the second splits a range that wraps past
 * the end of the slot table. esize is a compile-time constant at every
 * call from the API, so the byte counts are shifts.
 */
static __rte_always_inline void
__rte_ring_enqueue_elems(struct rte_ring *r, uint32_t head,
			 const void *obj_table, uint32_t esize, uint32_t n)
{
	const uint32_t idx = head & r->mask;
	uint8_t *ring = (uint8_t *)&r[1];
	const uint8_t *obj = (const uint8_t *)obj_table;

	if (likely(idx + n <= r->size)) {
		__rte_ring_copy(ring + (size_t)idx * esize, obj, (size_t)n * esize);
	} else {
		const uint32_t first = r->size - idx;

		__rte_ring_copy(ring + (size_t)idx * esize, obj, (size_t)first * esize);
		__rte_ring_copy(ring, obj + (size_t)first * esize,
				(size_t)(n - first) * esize);
	}
}

static __rte_always_inline void
__rte_ring_dequeue_elems(struct rte_ring *r, uint32_t head,
			 void *obj_table, uint32_t esize, uint32_t n)
{
	const uint32_t idx = head & r->mask;
	const uint8_t *ring = (const uint8_t *)&r[1];
	uint8_t *obj = (uint8_t *)obj_table;

	if (likely(idx + n <= r->size)) {
		__rte_ring_copy(obj, ring + (size_t)idx * esize, (size_t)n * esize);
	} else {
		const uint32_t first = r->size - idx;

		__rte_ring_copy(obj, ring + (size_t)idx * esize, (size_t)first * esize);
		__rte_ring_copy(obj + (size_t)first * esize, ring,
				(size_t)(n - first) * esize);
	}
}

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic pop
#endif

/*
 * Publish [old_val, new_val) to the other side (step 5 above). With
 * several producers (consumers), wait for those that claimed slots before
 * us to publish theirs first: the tail only moves forward contiguously.
 */
static __rte_always_inline void
__rte_ring_update_tail(struct rte_ring_headtail *ht, uint32_t old_val,
		       uint32_t new_val, uint32_t single)
{
	if (!single)
		/* acquire: pairs with the release store below done by the
		 * thread that claimed the slots before ours */
		rte_wait_until_equal_32(&ht->tail, old_val, __ATOMIC_ACQUIRE);
	/* release: pairs with the acquire load of this tail in
	 * __rte_ring_move_prod_head / __rte_ring_move_cons_head of the other
	 * side (and with the wait above in our side's next thread) */
	__atomic_store_n(&ht->tail, new_val, __ATOMIC_RELEASE);
}

/*
 * Claim up to n free slots (steps 1-3). Returns the number claimed (0 or
 * n for RTE_RING_QUEUE_FIXED), with the claimed range in old_head and
 * new_head and the free slots seen before the claim in free_entries.
 */
static __rte_always_inline unsigned int
__rte_ring_move_prod_head(struct rte_ring *r, unsigned int is_sp,
			  unsigned int n, enum rte_ring_queue_behavior behavior,
			  uint32_t *old_head, uint32_t *new_head,
			  uint32_t *free_entries)
{
	const uint32_t capacity = r->capacity;
	uint32_t head, cons_tail, avail, num;

	/* acquire (MP): pairs with the release CAS on prod.head below in the
	 * producer that wrote this value; SP owns the head, relaxed is enough */
	head = __atomic_load_n(&r->prod.head, is_sp ? __ATOMIC_RELAXED : __ATOMIC_ACQUIRE);
	for (;;) {
		/* acquire: pairs with the release store of cons.tail in
		 * __rte_ring_update_tail by the consumers */
		cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_ACQUIRE);
		/* Modulo 2^32: always in [0, capacity] even across the wrap. */
		avail = capacity + cons_tail - head;
		num = n;
		if (unlikely(num > avail))
			num = behavior == RTE_RING_QUEUE_FIXED ? 0 : avail;
		if (num == 0)
			break;
		if (is_sp) {
			__atomic_store_n(&r->prod.head, head + num, __ATOMIC_RELAXED);
			break;
		}
		/* release on success: pairs with the acquire load of prod.head
		 * above (or the failed CAS) in the next producer; acquire on
		 * failure: pairs with the winner's release, before we re-read
		 * cons.tail. On failure head is reloaded. */
		if (likely(__atomic_compare_exchange_n(&r->prod.head, &head, head + num, 0,
						       __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = head;
	*new_head = head + num;
	*free_entries = avail;
	return num;
}

/* Claim up to n filled slots; the mirror image of __rte_ring_move_prod_head. */
static __rte_always_inline unsigned int
__rte_ring_move_cons_head(struct rte_ring *r, unsigned int is_sc,
			  unsigned int n, enum rte_ring_queue_behavior behavior,
			  uint32_t *old_head, uint32_t *new_head,
			  uint32_t *entries)
{
	uint32_t head, prod_tail, avail, num;

	/* acquire (MC): pairs with the release CAS on cons.head below in the
	 * consumer that wrote this value; SC owns the head */
	head = __atomic_load_n(&r->cons.head, is_sc ? __ATOMIC_RELAXED : __ATOMIC_ACQUIRE);
	for (;;) {
		/* acquire: pairs with the release store of prod.tail in
		 * __rte_ring_update_tail by the producers */
		prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_ACQUIRE);
		/* Modulo 2^32: always in [0, capacity]. */
		avail = prod_tail - head;
		num = n;
		if (num > avail)
			num = behavior == RTE_RING_QUEUE_FIXED ? 0 : avail;
		if (unlikely(num == 0))
			break;
		if (is_sc) {
			__atomic_store_n(&r->cons.head, head + num, __ATOMIC_RELAXED);
			break;
		}
		/* release on success: pairs with the acquire load of cons.head
		 * above in the next consumer; acquire on failure: pairs with
		 * the winner's release. On failure head is reloaded. */
		if (likely(__atomic_compare_exchange_n(&r->cons.head, &head, head + num, 0,
						       __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = head;
	*new_head = head + num;
	*entries = avail;
	return num;
}

static __rte_always_inline unsigned int
__rte_ring_do_enqueue_elem(struct rte_ring *r, const void *obj_table,
			   unsigned int esize, unsigned int n,
			   enum rte_ring_queue_behavior behavior,
			   unsigned int is_sp, unsigned int *free_space)
{
	uint32_t prod_head, prod_next;
	uint32_t free_entries;

	n = __rte_ring_move_prod_head(r, is_sp, n, behavior,
				      &prod_head, &prod_next, &free_entries);
	if (n != 0) {
		__rte_ring_enqueue_elems(r, prod_head, obj_table, esize, n);
		__rte_ring_update_tail(&r->prod, prod_head, prod_next, is_sp);
	}
	if (free_space != NULL)
		*free_space = free_entries - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_elem(struct rte_ring *r, void *obj_table,
			   unsigned int esize, unsigned int n,
			   enum rte_ring_queue_behavior behavior,
			   unsigned int is_sc, unsigned int *available)
{
	uint32_t cons_head, cons_next;
	uint32_t entries;

	n = __rte_ring_move_cons_head(r, is_sc, n, behavior,
				      &cons_head, &cons_next, &entries);
	if (n != 0) {
		__rte_ring_dequeue_elems(r, cons_head, obj_table, esize, n);
		__rte_ring_update_tail(&r->cons, cons_head, cons_next, is_sc);
	}
	if (available != NULL)
		*available = entries - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif
