/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Head/tail sync (HTS) mode, selected by RING_F_MP_HTS_ENQ and
 * RING_F_MC_HTS_DEQ: an enqueue (dequeue) starts only once the previous
 * one on the same side has finished, so head and tail of a side move as
 * one 64-bit word and no thread ever waits on another's tail while that
 * one is preempted mid-copy (the MP/MC failure mode on overcommitted
 * CPUs). Included by rte_ring_elem.h.
 *
 * Memory ordering, per side (producer; the consumer is symmetric):
 *   1. read {head, tail} and wait until head == tail (acquire);
 *   2. read the 32-bit tail once more (acquire: pairs with 5 of the
 *      previous producer; the release in 5 is on this 32-bit word, and
 *      the happens-before edge is taken on the same word);
 *   3. read cons.tail (acquire: pairs with the consumers' tail release);
 *   4. claim by a 64-bit CAS {head, tail} -> {head + n, tail};
 *   5. after the copy, store tail = head + n (release: pairs with 2 on
 *      this side and with the other side's acquire of this tail).
 * The other side reads this tail as a plain 32-bit tail, at the offset of
 * struct rte_ring_headtail's tail, whatever its own mode.
 */
#ifndef _RTE_RING_HTS_H_
#define _RTE_RING_HTS_H_

#ifdef __cplusplus
extern "C" {
#endif

static __rte_always_inline void
__rte_ring_hts_update_tail(struct rte_ring_hts_headtail *ht, uint32_t old_tail,
			   uint32_t num)
{
	/* release: pairs with the acquire loads of this tail in
	 * __rte_ring_hts_move_*_head (same side) and
	 * __rte_ring_move_*_head / __rte_ring_hts_move_*_head (other side) */
	__atomic_store_n(&ht->ht.pos.tail, old_tail + num, __ATOMIC_RELEASE);
}

/* Steps 1-2: wait until this side has no operation in flight. */
static __rte_always_inline void
__rte_ring_hts_head_wait(struct rte_ring_hts_headtail *ht, union __rte_ring_hts_pos *p)
{
	while (p->pos.head != p->pos.tail) {
		rte_pause();
		/* acquire: pairs with the CAS in __rte_ring_hts_move_*_head */
		p->raw = __atomic_load_n(&ht->ht.raw, __ATOMIC_ACQUIRE);
	}
	/* acquire: pairs with the release in __rte_ring_hts_update_tail */
	(void)__atomic_load_n(&ht->ht.pos.tail, __ATOMIC_ACQUIRE);
}

static __rte_always_inline unsigned int
__rte_ring_hts_move_prod_head(struct rte_ring *r, unsigned int n,
			      enum rte_ring_queue_behavior behavior,
			      uint32_t *old_head, uint32_t *free_entries)
{
	const uint32_t capacity = r->capacity;
	union __rte_ring_hts_pos op, np;
	uint32_t cons_tail, avail, num;

	/* acquire: pairs with the CAS below in the previous producer */
	op.raw = __atomic_load_n(&r->hts_prod.ht.raw, __ATOMIC_ACQUIRE);
	for (;;) {
		__rte_ring_hts_head_wait(&r->hts_prod, &op);
		/* acquire: pairs with the consumers' release of cons.tail */
		cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_ACQUIRE);
		avail = capacity + cons_tail - op.pos.head;
		num = n;
		if (unlikely(num > avail))
			num = behavior == RTE_RING_QUEUE_FIXED ? 0 : avail;
		if (num == 0)
			break;
		np.pos.tail = op.pos.tail;
		np.pos.head = op.pos.head + num;
		/* acquire/release: pairs with the loads of {head, tail} in the
		 * next producer; on failure op is reloaded and we wait again */
		if (likely(__atomic_compare_exchange_n(&r->hts_prod.ht.raw, &op.raw, np.raw, 0,
						       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = op.pos.head;
	*free_entries = avail;
	return num;
}

static __rte_always_inline unsigned int
__rte_ring_hts_move_cons_head(struct rte_ring *r, unsigned int n,
			      enum rte_ring_queue_behavior behavior,
			      uint32_t *old_head, uint32_t *entries)
{
	union __rte_ring_hts_pos op, np;
	uint32_t prod_tail, avail, num;

	/* acquire: pairs with the CAS below in the previous consumer */
	op.raw = __atomic_load_n(&r->hts_cons.ht.raw, __ATOMIC_ACQUIRE);
	for (;;) {
		__rte_ring_hts_head_wait(&r->hts_cons, &op);
		/* acquire: pairs with the producers' release of prod.tail */
		prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_ACQUIRE);
		avail = prod_tail - op.pos.head;
		num = n;
		if (num > avail)
			num = behavior == RTE_RING_QUEUE_FIXED ? 0 : avail;
		if (unlikely(num == 0))
			break;
		np.pos.tail = op.pos.tail;
		np.pos.head = op.pos.head + num;
		/* acquire/release: pairs with the loads of {head, tail} in the
		 * next consumer; on failure op is reloaded */
		if (likely(__atomic_compare_exchange_n(&r->hts_cons.ht.raw, &op.raw, np.raw, 0,
						       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = op.pos.head;
	*entries = avail;
	return num;
}

static __rte_always_inline unsigned int
__rte_ring_do_hts_enqueue_elem(struct rte_ring *r, const void *obj_table,
			       uint32_t esize, uint32_t n,
			       enum rte_ring_queue_behavior behavior,
			       uint32_t *free_space)
{
	uint32_t head, free_entries;

	n = __rte_ring_hts_move_prod_head(r, n, behavior, &head, &free_entries);
	if (n != 0) {
		__rte_ring_enqueue_elems(r, head, obj_table, esize, n);
		__rte_ring_hts_update_tail(&r->hts_prod, head, n);
	}
	if (free_space != NULL)
		*free_space = free_entries - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_hts_dequeue_elem(struct rte_ring *r, void *obj_table,
			       uint32_t esize, uint32_t n,
			       enum rte_ring_queue_behavior behavior,
			       uint32_t *available)
{
	uint32_t head, entries;

	n = __rte_ring_hts_move_cons_head(r, n, behavior, &head, &entries);
	if (n != 0) {
		__rte_ring_dequeue_elems(r, head, obj_table, esize, n);
		__rte_ring_hts_update_tail(&r->hts_cons, head, n);
	}
	if (available != NULL)
		*available = entries - n;
	return n;
}

/*
 * Bulk (all or nothing) and burst (as many as possible), as in rte_ring_elem.h,
 * for a ring made with RING_F_MP_HTS_ENQ. Returns n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
				  unsigned int esize, unsigned int n,
				  unsigned int *free_space)
{
	return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n,
					      RTE_RING_QUEUE_FIXED, free_space);
}

/* Dequeue n elements or none (RING_F_MC_HTS_DEQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
				  unsigned int esize, unsigned int n,
				  unsigned int *available)
{
	return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n,
					      RTE_RING_QUEUE_FIXED, available);
}

/* Enqueue up to n elements (RING_F_MP_HTS_ENQ ring). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
				   unsigned int esize, unsigned int n,
				   unsigned int *free_space)
{
	return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n,
					      RTE_RING_QUEUE_VARIABLE, free_space);
}

/* Dequeue up to n elements (RING_F_MC_HTS_DEQ ring). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
				   unsigned int esize, unsigned int n,
				   unsigned int *available)
{
	return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n,
					      RTE_RING_QUEUE_VARIABLE, available);
}

/* Enqueue all n pointers or none (RING_F_MP_HTS_ENQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_bulk(struct rte_ring *r, void * const *obj_table,
			     unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_hts_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
						 free_space);
}

/* Dequeue n pointers or none (RING_F_MC_HTS_DEQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_bulk(struct rte_ring *r, void **obj_table,
			     unsigned int n, unsigned int *available)
{
	return rte_ring_mc_hts_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
						 available);
}

/* Enqueue up to n pointers (RING_F_MP_HTS_ENQ ring). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_burst(struct rte_ring *r, void * const *obj_table,
			      unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_hts_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
						  free_space);
}

/* Dequeue up to n pointers (RING_F_MC_HTS_DEQ ring). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_burst(struct rte_ring *r, void **obj_table,
			      unsigned int n, unsigned int *available)
{
	return rte_ring_mc_hts_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
						  available);
}

#ifdef __cplusplus
}
#endif

#endif
