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
 * Copies between the caller's table and the slots. idx and size are in
 * units of the copy width; the first loop covers the common case where
 * the range does not wrap, the second pair of loops the wrap.
 */
#define __RTE_RING_COPY(dst, didx, src, sidx, n) do { \
	for (uint32_t _i = 0; _i < (n); _i++) \
		(dst)[(didx) + _i] = (src)[(sidx) + _i]; \
} while (0)

static __rte_always_inline void
__rte_ring_enqueue_elems_32(struct rte_ring *r, uint32_t size, uint32_t idx,
			    const void *obj_table, uint32_t n)
{
	uint32_t *__rte_restrict ring = (uint32_t *)&r[1];
	const uint32_t *__rte_restrict obj = (const uint32_t *)obj_table;

	if (likely(idx + n <= size)) {
		__RTE_RING_COPY(ring, idx, obj, 0, n);
	} else {
		uint32_t first = size - idx;

		__RTE_RING_COPY(ring, idx, obj, 0, first);
		__RTE_RING_COPY(ring, 0, obj, first, n - first);
	}
}

static __rte_always_inline void
__rte_ring_dequeue_elems_32(struct rte_ring *r, uint32_t size, uint32_t idx,
			    void *obj_table, uint32_t n)
{
	const uint32_t *__rte_restrict ring = (const uint32_t *)&r[1];
	uint32_t *__rte_restrict obj = (uint32_t *)obj_table;

	if (likely(idx + n <= size)) {
		__RTE_RING_COPY(obj, 0, ring, idx, n);
	} else {
		uint32_t first = size - idx;

		__RTE_RING_COPY(obj, 0, ring, idx, first);
		__RTE_RING_COPY(obj, first, ring, 0, n - first);
	}
}

/* The caller's table of 8-byte objects need not be 8-byte aligned. */
typedef uint64_t __rte_ring_u64_unaligned __attribute__((__aligned__(1)));

static __rte_always_inline void
__rte_ring_enqueue_elems_64(struct rte_ring *r, uint32_t head,
			    const void *obj_table, uint32_t n)
{
	const uint32_t size = r->size;
	const uint32_t idx = head & r->mask;
	uint64_t *__rte_restrict ring = (uint64_t *)&r[1];
	const __rte_ring_u64_unaligned *__rte_restrict obj = obj_table;

	if (likely(idx + n <= size)) {
		__RTE_RING_COPY(ring, idx, obj, 0, n);
	} else {
		uint32_t first = size - idx;

		__RTE_RING_COPY(ring, idx, obj, 0, first);
		__RTE_RING_COPY(ring, 0, obj, first, n - first);
	}
}

static __rte_always_inline void
__rte_ring_dequeue_elems_64(struct rte_ring *r, uint32_t head,
			    void *obj_table, uint32_t n)
{
	const uint32_t size = r->size;
	const uint32_t idx = head & r->mask;
	const uint64_t *__rte_restrict ring = (const uint64_t *)&r[1];
	__rte_ring_u64_unaligned *__rte_restrict obj = obj_table;

	if (likely(idx + n <= size)) {
		__RTE_RING_COPY(obj, 0, ring, idx, n);
	} else {
		uint32_t first = size - idx;

		__RTE_RING_COPY(obj, 0, ring, idx, first);
		__RTE_RING_COPY(obj, first, ring, 0, n - first);
	}
}

/* 16-byte elements move as pairs of 8-byte words. */
static __rte_always_inline void
__rte_ring_enqueue_elems_128(struct rte_ring *r, uint32_t head,
			     const void *obj_table, uint32_t n)
{
	const uint32_t size = r->size * 2;
	const uint32_t idx = (head & r->mask) * 2;
	uint64_t *__rte_restrict ring = (uint64_t *)&r[1];
	const __rte_ring_u64_unaligned *__rte_restrict obj = obj_table;

	n *= 2;
	if (likely(idx + n <= size)) {
		__RTE_RING_COPY(ring, idx, obj, 0, n);
	} else {
		uint32_t first = size - idx;

		__RTE_RING_COPY(ring, idx, obj, 0, first);
		__RTE_RING_COPY(ring, 0, obj, first, n - first);
	}
}

static __rte_always_inline void
__rte_ring_dequeue_elems_128(struct rte_ring *r, uint32_t head,
			     void *obj_table, uint32_t n)
{
	const uint32_t size = r->size * 2;
	const uint32_t idx = (head & r->mask) * 2;
	const uint64_t *__rte_restrict ring = (const uint64_t *)&r[1];
	__rte_ring_u64_unaligned *__rte_restrict obj = obj_table;

	n *= 2;
	if (likely(idx + n <= size)) {
		__RTE_RING_COPY(obj, 0, ring, idx, n);
	} else {
		uint32_t first = size - idx;

		__RTE_RING_COPY(obj, 0, ring, idx, first);
		__RTE_RING_COPY(obj, first, ring, 0, n - first);
	}
}

/* esize is a compile-time constant at every call from the API. */
static __rte_always_inline void
__rte_ring_enqueue_elems(struct rte_ring *r, uint32_t head,
			 const void *obj_table, uint32_t esize, uint32_t n)
{
	if (esize == 8) {
		__rte_ring_enqueue_elems_64(r, head, obj_table, n);
	} else if (esize == 16) {
		__rte_ring_enqueue_elems_128(r, head, obj_table, n);
	} else {
		const uint32_t scale = esize / sizeof(uint32_t);

		__rte_ring_enqueue_elems_32(r, r->size * scale,
					    (head & r->mask) * scale,
					    obj_table, n * scale);
	}
}

static __rte_always_inline void
__rte_ring_dequeue_elems(struct rte_ring *r, uint32_t head,
			 void *obj_table, uint32_t esize, uint32_t n)
{
	if (esize == 8) {
		__rte_ring_dequeue_elems_64(r, head, obj_table, n);
	} else if (esize == 16) {
		__rte_ring_dequeue_elems_128(r, head, obj_table, n);
	} else {
		const uint32_t scale = esize / sizeof(uint32_t);

		__rte_ring_dequeue_elems_32(r, r->size * scale,
					    (head & r->mask) * scale,
					    obj_table, n * scale);
	}
}

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
	const unsigned int max = n;
	uint32_t cons_tail;
	int success;

	/* acquire (MP): pairs with the release CAS on prod.head below in the
	 * producer that wrote this value; SP owns the head, relaxed is enough */
	*old_head = __atomic_load_n(&r->prod.head,
				    is_sp ? __ATOMIC_RELAXED : __ATOMIC_ACQUIRE);
	do {
		n = max;
		/* acquire: pairs with the release store of cons.tail in
		 * __rte_ring_update_tail by the consumers */
		cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_ACQUIRE);
		/* Modulo 2^32: always in [0, capacity] even across the wrap. */
		*free_entries = capacity + cons_tail - *old_head;
		if (unlikely(n > *free_entries))
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : *free_entries;
		if (n == 0)
			return 0;
		*new_head = *old_head + n;
		if (is_sp) {
			__atomic_store_n(&r->prod.head, *new_head, __ATOMIC_RELAXED);
			success = 1;
		} else {
			/* release on success: pairs with the acquire load of
			 * prod.head above (or the failed CAS) in the next
			 * producer; acquire on failure: pairs with the winner's
			 * release, before we re-read cons.tail */
			success = __atomic_compare_exchange_n(&r->prod.head,
							      old_head, *new_head, 0,
							      __ATOMIC_RELEASE,
							      __ATOMIC_ACQUIRE);
		}
	} while (unlikely(success == 0));
	return n;
}

/* Claim up to n filled slots; the mirror image of __rte_ring_move_prod_head. */
static __rte_always_inline unsigned int
__rte_ring_move_cons_head(struct rte_ring *r, unsigned int is_sc,
			  unsigned int n, enum rte_ring_queue_behavior behavior,
			  uint32_t *old_head, uint32_t *new_head,
			  uint32_t *entries)
{
	const unsigned int max = n;
	uint32_t prod_tail;
	int success;

	/* acquire (MC): pairs with the release CAS on cons.head below in the
	 * consumer that wrote this value; SC owns the head */
	*old_head = __atomic_load_n(&r->cons.head,
				    is_sc ? __ATOMIC_RELAXED : __ATOMIC_ACQUIRE);
	do {
		n = max;
		/* acquire: pairs with the release store of prod.tail in
		 * __rte_ring_update_tail by the producers */
		prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_ACQUIRE);
		/* Modulo 2^32: always in [0, capacity]. */
		*entries = prod_tail - *old_head;
		if (n > *entries)
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : *entries;
		if (unlikely(n == 0))
			return 0;
		*new_head = *old_head + n;
		if (is_sc) {
			__atomic_store_n(&r->cons.head, *new_head, __ATOMIC_RELAXED);
			success = 1;
		} else {
			/* release on success: pairs with the acquire load of
			 * cons.head above in the next consumer; acquire on
			 * failure: pairs with the winner's release */
			success = __atomic_compare_exchange_n(&r->cons.head,
							      old_head, *new_head, 0,
							      __ATOMIC_RELEASE,
							      __ATOMIC_ACQUIRE);
		}
	} while (unlikely(success == 0));
	return n;
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
