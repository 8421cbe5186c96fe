/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Relaxed tail sync (RTS) mode, selected by RING_F_MP_RTS_ENQ and
 * RING_F_MC_RTS_DEQ. As in MP/MC mode, several threads of a side copy at
 * once; unlike it, a thread that finished its copy never waits for the
 * ones that started before it. Each side keeps {pos, cnt} pairs for head
 * and tail: a claim moves head.pos and bumps head.cnt, a finish bumps
 * tail.cnt, and whoever brings tail.cnt level with head.cnt (the last of
 * the side's threads in flight) moves tail.pos to head.pos, publishing
 * every claim at once. To keep the tail from lagging forever under a
 * steady stream, a claim waits while head.pos is more than htd_max slots
 * ahead of tail.pos (rte_ring_set_prod_htd_max()). Included by
 * rte_ring_elem.h.
 *
 * Memory ordering, per side (producer; the consumer is symmetric):
 *   1. read head (acquire: pairs with 3 of the producer that wrote it);
 *   2. wait while head.pos - tail.pos > htd_max;
 *   3. read cons.tail (acquire: pairs with the consumers' tail release),
 *      then claim by a 64-bit CAS head {pos, cnt} -> {pos + n, cnt + 1};
 *   4. copy the objects;
 *   5. CAS tail {pos, cnt} -> {pos or head.pos, cnt + 1} (acq_rel: the
 *      finishes of one side form one chain of read-modify-writes, so the
 *      thread that moves tail.pos has acquired every copy finished before
 *      it, and its release hands them all to the other side's acquire of
 *      this tail). The head is read after the tail was acquired: a
 *      thread's head claim precedes its tail release, so a tail.cnt that
 *      counts a finish comes with a head no older than that claim.
 * The other side reads tail.pos as a plain 32-bit tail, at the offset of
 * struct rte_ring_headtail's tail, whatever its own mode.
 */
#ifndef _RTE_RING_RTS_H_
#define _RTE_RING_RTS_H_

#ifdef __cplusplus
extern "C" {
#endif

/* Step 5: count this finish; the last thread in flight publishes. */
static __rte_always_inline void
__rte_ring_rts_update_tail(struct rte_ring_rts_headtail *ht)
{
	union __rte_ring_rts_poscnt h, ot, nt;

	/* acquire: pairs with the CAS below in the threads that finished before us */
	ot.raw = __atomic_load_n(&ht->tail.raw, __ATOMIC_ACQUIRE);
	do {
		/* relaxed: ordered after the acquire of tail (see above) */
		h.raw = __atomic_load_n(&ht->head.raw, __ATOMIC_RELAXED);
		nt.raw = ot.raw;
		if (++nt.val.cnt == h.val.cnt)
			nt.val.pos = h.val.pos;
		/* acq_rel: pairs with this CAS in the other threads of the side
		 * and (release) with the other side's acquire of tail.pos; on
		 * failure ot is reloaded with acquire */
	} while (!__atomic_compare_exchange_n(&ht->tail.raw, &ot.raw, nt.raw, 0, __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE));
}

/* Step 2: wait until the head is no more than htd_max ahead of the tail. */
static __rte_always_inline void
__rte_ring_rts_head_wait(const struct rte_ring_rts_headtail *ht, union __rte_ring_rts_poscnt *h)
{
	const uint32_t max = ht->htd_max;

	while (h->val.pos - __atomic_load_n(&ht->tail.val.pos, __ATOMIC_RELAXED) > max) {
		rte_pause();
		/* acquire: pairs with the head CAS of the producer that wrote it */
		h->raw = __atomic_load_n(&ht->head.raw, __ATOMIC_ACQUIRE);
	}
}

/*
 * The other side's tail, with acquire. An RTS side publishes its tail with
 * a CAS on the whole (cnt, pos) word, so it is read as that word: one
 * acquire on what the release wrote (also what ThreadSanitizer can pair).
 * Other modes store a 32-bit tail at the same place.
 */
static __rte_always_inline uint32_t
__rte_ring_rts_other_tail(const struct rte_ring_headtail *ht)
{
	if (ht->sync_type == RTE_RING_SYNC_MT_RTS) {
		const struct rte_ring_rts_headtail *rts = (const void *)ht;
		union __rte_ring_rts_poscnt t;

		t.raw = __atomic_load_n(&rts->tail.raw, __ATOMIC_ACQUIRE);
		return t.val.pos;
	}
	return __atomic_load_n(&ht->tail, __ATOMIC_ACQUIRE);
}

static __rte_always_inline unsigned int
__rte_ring_rts_move_prod_head(struct rte_ring *r, uint32_t n, enum rte_ring_queue_behavior behavior,
			      uint32_t *old_head, uint32_t *free_entries)
{
	const uint32_t capacity = r->capacity;
	union __rte_ring_rts_poscnt oh, nh;
	uint32_t avail, num;

	oh.raw = __atomic_load_n(&r->rts_prod.head.raw, __ATOMIC_ACQUIRE);
	for (;;) {
		__rte_ring_rts_head_wait(&r->rts_prod, &oh);
		/* acquire: pairs with the consumers' release of cons.tail */
		avail = capacity + __rte_ring_rts_other_tail(&r->cons) - oh.val.pos;
		num = n;
		if (unlikely(num > avail))
			num = behavior == RTE_RING_QUEUE_FIXED ? 0 : avail;
		if (num == 0)
			break;
		nh.val.pos = oh.val.pos + num;
		nh.val.cnt = oh.val.cnt + 1;
		/* acquire on both: pairs with the head CAS of the other producers,
		 * so our re-read of cons.tail is no older than theirs */
		if (likely(__atomic_compare_exchange_n(&r->rts_prod.head.raw, &oh.raw, nh.raw, 0,
						       __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = oh.val.pos;
	*free_entries = avail;
	return num;
}

static __rte_always_inline unsigned int
__rte_ring_rts_move_cons_head(struct rte_ring *r, uint32_t n, enum rte_ring_queue_behavior behavior,
			      uint32_t *old_head, uint32_t *entries)
{
	union __rte_ring_rts_poscnt oh, nh;
	uint32_t avail, num;

	oh.raw = __atomic_load_n(&r->rts_cons.head.raw, __ATOMIC_ACQUIRE);
	for (;;) {
		__rte_ring_rts_head_wait(&r->rts_cons, &oh);
		/* acquire: pairs with the producers' release of prod.tail */
		avail = __rte_ring_rts_other_tail(&r->prod) - oh.val.pos;
		num = n;
		if (num > avail)
			num = behavior == RTE_RING_QUEUE_FIXED ? 0 : avail;
		if (unlikely(num == 0))
			break;
		nh.val.pos = oh.val.pos + num;
		nh.val.cnt = oh.val.cnt + 1;
		/* acquire on both: pairs with the head CAS of the other consumers */
		if (likely(__atomic_compare_exchange_n(&r->rts_cons.head.raw, &oh.raw, nh.raw, 0,
						       __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = oh.val.pos;
	*entries = avail;
	return num;
}

static __rte_always_inline unsigned int
__rte_ring_do_rts_enqueue_elem(struct rte_ring *r, const void *obj_table, uint32_t esize,
			       uint32_t n, enum rte_ring_queue_behavior behavior,
			       uint32_t *free_space)
{
	uint32_t head, free_entries;

	n = __rte_ring_rts_move_prod_head(r, n, behavior, &head, &free_entries);
	if (n != 0) {
		__rte_ring_enqueue_elems(r, head, obj_table, esize, n);
		__rte_ring_rts_update_tail(&r->rts_prod);
	}
	if (free_space != NULL)
		*free_space = free_entries - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_rts_dequeue_elem(struct rte_ring *r, void *obj_table, uint32_t esize, uint32_t n,
			       enum rte_ring_queue_behavior behavior, uint32_t *available)
{
	uint32_t head, entries;

	n = __rte_ring_rts_move_cons_head(r, n, behavior, &head, &entries);
	if (n != 0) {
		__rte_ring_dequeue_elems(r, head, obj_table, esize, n);
		__rte_ring_rts_update_tail(&r->rts_cons);
	}
	if (available != NULL)
		*available = entries - n;
	return n;
}

/* Enqueue all n elements or none (RING_F_MP_RTS_ENQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
				  unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
					      free_space);
}

/* Dequeue n elements or none (RING_F_MC_RTS_DEQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_bulk_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
				  unsigned int n, unsigned int *available)
{
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
					      available);
}

/* Enqueue up to n elements (RING_F_MP_RTS_ENQ ring). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_burst_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
				   unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
					      free_space);
}

/* Dequeue up to n elements (RING_F_MC_RTS_DEQ ring). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_burst_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
				   unsigned int n, unsigned int *available)
{
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
					      available);
}

/* Enqueue all n pointers or none (RING_F_MP_RTS_ENQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_bulk(struct rte_ring *r, void *const *obj_table, unsigned int n,
			     unsigned int *free_space)
{
	return rte_ring_mp_rts_enqueue_bulk_elem(r, obj_table, sizeof(void *), n, free_space);
}

/* Dequeue n pointers or none (RING_F_MC_RTS_DEQ ring). Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
			     unsigned int *available)
{
	return rte_ring_mc_rts_dequeue_bulk_elem(r, obj_table, sizeof(void *), n, available);
}

/* Enqueue up to n pointers (RING_F_MP_RTS_ENQ ring). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_burst(struct rte_ring *r, void *const *obj_table, unsigned int n,
			      unsigned int *free_space)
{
	return rte_ring_mp_rts_enqueue_burst_elem(r, obj_table, sizeof(void *), n, free_space);
}

/* Dequeue up to n pointers (RING_F_MC_RTS_DEQ ring). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
			      unsigned int *available)
{
	return rte_ring_mc_rts_dequeue_burst_elem(r, obj_table, sizeof(void *), n, available);
}

/*
 * How far (in slots) the producers' head may run ahead of their tail.
 * Returns the limit for an RTS producer side, UINT32_MAX for any other.
 */
static inline uint32_t
rte_ring_get_prod_htd_max(const struct rte_ring *r)
{
	if (r->prod.sync_type == RTE_RING_SYNC_MT_RTS)
		return r->rts_prod.htd_max;
	return UINT32_MAX;
}

/*
 * Set that limit (default: capacity / 8). A small one bounds how stale the
 * tail can get; a large one lets more producers copy at once. Not to be
 * changed while producers run. Returns 0, or -ENOTSUP if the producer side
 * is not in RTS mode.
 */
static inline int
rte_ring_set_prod_htd_max(struct rte_ring *r, uint32_t v)
{
	if (r->prod.sync_type != RTE_RING_SYNC_MT_RTS)
		return -ENOTSUP;
	r->rts_prod.htd_max = v;
	return 0;
}

/* The consumers' limit; UINT32_MAX if the consumer side is not in RTS mode. */
static inline uint32_t
rte_ring_get_cons_htd_max(const struct rte_ring *r)
{
	if (r->cons.sync_type == RTE_RING_SYNC_MT_RTS)
		return r->rts_cons.htd_max;
	return UINT32_MAX;
}

/* Set the consumers' limit. Returns 0, or -ENOTSUP if not in RTS mode. */
static inline int
rte_ring_set_cons_htd_max(struct rte_ring *r, uint32_t v)
{
	if (r->cons.sync_type != RTE_RING_SYNC_MT_RTS)
		return -ENOTSUP;
	r->rts_cons.htd_max = v;
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif
