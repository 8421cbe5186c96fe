/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Zero-copy API: a two-phase enqueue or dequeue (see rte_ring_peek.h for
 * the modes it works in) that hands out the claimed slots themselves
 * instead of copying. The slots of a claim may wrap past the end of the
 * table, so they come as two runs:
 *
 *   struct rte_ring_zc_data zcd;
 *   n = rte_ring_enqueue_zc_burst_start(r, 32, &zcd, NULL);
 *   write zcd.n1 objects at zcd.ptr1, then n - zcd.n1 at zcd.ptr2;
 *   rte_ring_enqueue_zc_finish(r, n);
 *
 * Between start and finish the side is held, as for the peek API. A
 * finish with fewer objects than claimed gives the rest back. Included by
 * rte_ring_elem.h.
 */
#ifndef _RTE_RING_PEEK_ZC_H_
#define _RTE_RING_PEEK_ZC_H_

#include <rte_ring_peek_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The slots of a zero-copy claim. */
struct rte_ring_zc_data {
	void *ptr1;	 /* first claimed slot */
	void *ptr2;	 /* table start if the claim wraps, else NULL */
	unsigned int n1; /* slots at ptr1; the other (claimed - n1) are at ptr2 */
} __rte_cache_aligned;

/* Where the num slots from head are: one run, or two when they wrap. */
static __rte_always_inline void
__rte_ring_zc_fill(struct rte_ring *r, uint32_t head, uint32_t esize, uint32_t num,
		   struct rte_ring_zc_data *zcd)
{
	const uint32_t idx = head & r->mask;
	uint8_t *table = (uint8_t *)&r[1];

	zcd->ptr1 = table + (size_t)idx * esize;
	if (idx + num > r->size) {
		zcd->n1 = r->size - idx;
		zcd->ptr2 = table;
	} else {
		zcd->n1 = num;
		zcd->ptr2 = NULL;
	}
}

static __rte_always_inline unsigned int
__rte_ring_do_enqueue_zc_elem_start(struct rte_ring *r, unsigned int esize, uint32_t n,
				    enum rte_ring_queue_behavior behavior,
				    struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	uint32_t head = 0;

	n = __rte_ring_do_enqueue_start(r, n, behavior, &head, free_space);
	__rte_ring_zc_fill(r, head, esize, n, zcd);
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_zc_elem_start(struct rte_ring *r, unsigned int esize, uint32_t n,
				    enum rte_ring_queue_behavior behavior,
				    struct rte_ring_zc_data *zcd, unsigned int *available)
{
	uint32_t head = 0;

	n = __rte_ring_do_dequeue_start(r, n, behavior, &head, available);
	__rte_ring_zc_fill(r, head, esize, n, zcd);
	return n;
}

/*
 * Claim n free slots of esize bytes or none, described in zcd, for the
 * caller to write. Returns n or 0; free_space (if not NULL) gets the free
 * slots left besides the claim. 0 on an MT or RTS producer side.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_bulk_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
				    struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_FIXED, zcd,
						   free_space);
}

/* As rte_ring_enqueue_zc_bulk_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_bulk_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
			       unsigned int *free_space)
{
	return rte_ring_enqueue_zc_bulk_elem_start(r, sizeof(uintptr_t), n, zcd, free_space);
}

/* Claim up to n free slots. Returns the number claimed, 0..n. */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_burst_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
				     struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_VARIABLE, zcd,
						   free_space);
}

/* As rte_ring_enqueue_zc_burst_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_burst_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
				unsigned int *free_space)
{
	return rte_ring_enqueue_zc_burst_elem_start(r, sizeof(uintptr_t), n, zcd, free_space);
}

/* Publish the first n written slots (n is cut to the number claimed). Ends the claim. */
static __rte_always_inline void
rte_ring_enqueue_zc_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail = 0;

	n = __rte_ring_finish_begin(&r->prod, &r->hts_prod, n, &tail);
	__rte_ring_finish_end(&r->prod, &r->hts_prod, tail, n);
}

/* As rte_ring_enqueue_zc_elem_finish(), for a ring of pointers. */
static __rte_always_inline void
rte_ring_enqueue_zc_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_enqueue_zc_elem_finish(r, n);
}

/*
 * Claim n filled slots of esize bytes or none, described in zcd, for the
 * caller to read in place. Returns n or 0; available (if not NULL) gets
 * the filled slots left besides the claim. 0 on an MT or RTS consumer side.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_bulk_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
				    struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return __rte_ring_do_dequeue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_FIXED, zcd,
						   available);
}

/* As rte_ring_dequeue_zc_bulk_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_bulk_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
			       unsigned int *available)
{
	return rte_ring_dequeue_zc_bulk_elem_start(r, sizeof(uintptr_t), n, zcd, available);
}

/* Claim up to n filled slots. Returns the number claimed, 0..n. */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_burst_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
				     struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return __rte_ring_do_dequeue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_VARIABLE, zcd,
						   available);
}

/* As rte_ring_dequeue_zc_burst_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_burst_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
				unsigned int *available)
{
	return rte_ring_dequeue_zc_burst_elem_start(r, sizeof(uintptr_t), n, zcd, available);
}

/* Free the first n read slots (n is cut to the number claimed). Ends the claim. */
static __rte_always_inline void
rte_ring_dequeue_zc_elem_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

/* As rte_ring_dequeue_zc_elem_finish(), for a ring of pointers. */
static __rte_always_inline void
rte_ring_dequeue_zc_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

#ifdef __cplusplus
}
#endif

#endif
