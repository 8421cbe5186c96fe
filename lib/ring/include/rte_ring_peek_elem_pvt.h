/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Two-phase operations, shared by the peek API (rte_ring_peek.h) and the
 * zero-copy API (rte_ring_peek_zc.h): a start claims slots by moving the
 * head alone, a finish publishes some or all of them by moving the tail
 * (and pulls the head back to it when fewer are published than claimed).
 * Only a side in ST or HTS mode can do it: there the tail of the side is
 * the start of the one claim in flight, so a finish knows where the claim
 * starts. On an MT or RTS side a start claims nothing and returns 0.
 * Included by rte_ring_elem.h; not an API of its own.
 */
#ifndef _RTE_RING_PEEK_ELEM_PVT_H_
#define _RTE_RING_PEEK_ELEM_PVT_H_

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The start of the claim in flight on an ST side, and how many of at
 * most n of its slots to finish.
 */
static __rte_always_inline uint32_t
__rte_ring_st_get_tail(struct rte_ring_headtail *ht, uint32_t *tail, uint32_t n)
{
	/* relaxed: this thread moved both, in its start */
	const uint32_t h = __atomic_load_n(&ht->head, __ATOMIC_RELAXED);
	const uint32_t t = __atomic_load_n(&ht->tail, __ATOMIC_RELAXED);

	*tail = t;
	return RTE_MIN(n, h - t);
}

/* Publish num slots from tail on an ST side; the head comes back to the new tail. */
static __rte_always_inline void
__rte_ring_st_set_head_tail(struct rte_ring_headtail *ht, uint32_t tail, uint32_t num)
{
	__atomic_store_n(&ht->head, tail + num, __ATOMIC_RELAXED);
	/* release: pairs with the other side's acquire of this tail */
	__atomic_store_n(&ht->tail, tail + num, __ATOMIC_RELEASE);
}

static __rte_always_inline uint32_t
__rte_ring_hts_get_tail(struct rte_ring_hts_headtail *ht, uint32_t *tail, uint32_t n)
{
	union __rte_ring_hts_pos p;

	/* relaxed: this thread's own CAS in its start wrote the value */
	p.raw = __atomic_load_n(&ht->ht.raw, __ATOMIC_RELAXED);
	*tail = p.pos.tail;
	return RTE_MIN(n, p.pos.head - p.pos.tail);
}

/* Publish num slots from tail on an HTS side: head and tail meet, ending the claim. */
static __rte_always_inline void
__rte_ring_hts_set_head_tail(struct rte_ring_hts_headtail *ht, uint32_t tail, uint32_t num)
{
	/* The head first: a waiter sees head != tail until the tail store,
	 * which then ends the claim as __rte_ring_hts_update_tail does. */
	__atomic_store_n(&ht->ht.pos.head, tail + num, __ATOMIC_RELAXED);
	__rte_ring_hts_update_tail(ht, tail, num);
}

/* Claim up to n free slots for a two-phase enqueue; 0 on an MT or RTS side. */
static __rte_always_inline unsigned int
__rte_ring_do_enqueue_start(struct rte_ring *r, uint32_t n, enum rte_ring_queue_behavior behavior,
			    uint32_t *head, uint32_t *free_space)
{
	uint32_t next, free_entries = 0;

	switch (r->prod.sync_type) {
	case RTE_RING_SYNC_ST:
		n = __rte_ring_move_prod_head(r, 1, n, behavior, head, &next, &free_entries);
		break;
	case RTE_RING_SYNC_MT_HTS:
		n = __rte_ring_hts_move_prod_head(r, n, behavior, head, &free_entries);
		break;
	default:
		n = 0;
		break;
	}
	if (free_space != NULL)
		*free_space = free_entries - n;
	return n;
}

/* Claim up to n filled slots for a two-phase dequeue; 0 on an MT or RTS side. */
static __rte_always_inline unsigned int
__rte_ring_do_dequeue_start(struct rte_ring *r, uint32_t n, enum rte_ring_queue_behavior behavior,
			    uint32_t *head, uint32_t *available)
{
	uint32_t next, entries = 0;

	switch (r->cons.sync_type) {
	case RTE_RING_SYNC_ST:
		n = __rte_ring_move_cons_head(r, 1, n, behavior, head, &next, &entries);
		break;
	case RTE_RING_SYNC_MT_HTS:
		n = __rte_ring_hts_move_cons_head(r, n, behavior, head, &entries);
		break;
	default:
		n = 0;
		break;
	}
	if (available != NULL)
		*available = entries - n;
	return n;
}

/*
 * A finish on one side (ht and hts are the same state in its two
 * layouts): how many of at most n claimed slots to publish, from where.
 */
static __rte_always_inline uint32_t
__rte_ring_finish_begin(struct rte_ring_headtail *ht, struct rte_ring_hts_headtail *hts, uint32_t n,
			uint32_t *tail)
{
	if (ht->sync_type == RTE_RING_SYNC_ST)
		return __rte_ring_st_get_tail(ht, tail, n);
	if (ht->sync_type == RTE_RING_SYNC_MT_HTS)
		return __rte_ring_hts_get_tail(hts, tail, n);
	return 0;
}

/* Publish n slots from tail and end the claim of that side. */
static __rte_always_inline void
__rte_ring_finish_end(struct rte_ring_headtail *ht, struct rte_ring_hts_headtail *hts,
		      uint32_t tail, uint32_t n)
{
	if (ht->sync_type == RTE_RING_SYNC_ST)
		__rte_ring_st_set_head_tail(ht, tail, n);
	else if (ht->sync_type == RTE_RING_SYNC_MT_HTS)
		__rte_ring_hts_set_head_tail(hts, tail, n);
}

#ifdef __cplusplus
}
#endif

#endif
