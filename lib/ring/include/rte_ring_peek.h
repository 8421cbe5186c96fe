/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Peek API: an enqueue or dequeue in two calls, for rings whose side is
 * in ST (RING_F_SP_ENQ / RING_F_SC_DEQ) or HTS mode.
 *
 *   n = rte_ring_enqueue_burst_start(r, 32, NULL);  claims up to 32 slots
 *   ... build the objects ...
 *   rte_ring_enqueue_finish(r, objs, m);             copies m <= n, publishes
 *
 *   n = rte_ring_dequeue_bulk_start(r, objs, 32, NULL); copies 32 out (or none)
 *   ... look at them ...
 *   rte_ring_dequeue_finish(r, m);                   removes the first m <= n
 *
 * Between start and finish the side is held: on an HTS side other threads
 * wait, on an ST side no other thread may use it at all. A finish with
 * fewer objects than claimed gives the rest back (for a dequeue they stay
 * in the ring, first in line); a finish with 0 cancels. On an MT or RTS
 * side a start claims nothing and returns 0, and a finish does nothing.
 * Included by rte_ring_elem.h.
 */
#ifndef _RTE_RING_PEEK_H_
#define _RTE_RING_PEEK_H_

#include <rte_ring_peek_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Claim n free slots or none. Returns n or 0; free_space (if not NULL)
 * gets the free slots left besides the claim.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_elem_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	uint32_t head;

	return __rte_ring_do_enqueue_start(r, n, RTE_RING_QUEUE_FIXED, &head, free_space);
}

/* As rte_ring_enqueue_bulk_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_bulk_elem_start(r, n, free_space);
}

/* Claim up to n free slots. Returns the number claimed, 0..n. */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_elem_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	uint32_t head;

	return __rte_ring_do_enqueue_start(r, n, RTE_RING_QUEUE_VARIABLE, &head, free_space);
}

/* As rte_ring_enqueue_burst_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_burst_elem_start(r, n, free_space);
}

/*
 * Copy the first n elements of obj_table into the claimed slots and
 * publish them; n is cut to the number claimed. Ends the claim.
 */
static __rte_always_inline void
rte_ring_enqueue_elem_finish(struct rte_ring *r, const void *obj_table, unsigned int esize,
			     unsigned int n)
{
	uint32_t tail = 0;

	n = __rte_ring_finish_begin(&r->prod, &r->hts_prod, n, &tail);
	if (n != 0)
		__rte_ring_enqueue_elems(r, tail, obj_table, esize, n);
	__rte_ring_finish_end(&r->prod, &r->hts_prod, tail, n);
}

/* As rte_ring_enqueue_elem_finish(), for a ring of pointers. */
static __rte_always_inline void
rte_ring_enqueue_finish(struct rte_ring *r, void *const *obj_table, unsigned int n)
{
	rte_ring_enqueue_elem_finish(r, obj_table, sizeof(void *), n);
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_copy_start(struct rte_ring *r, void *obj_table, unsigned int esize,
				 unsigned int n, enum rte_ring_queue_behavior behavior,
				 unsigned int *available)
{
	uint32_t head = 0;

	n = __rte_ring_do_dequeue_start(r, n, behavior, &head, available);
	if (n != 0)
		__rte_ring_dequeue_elems(r, head, obj_table, esize, n);
	return n;
}

/*
 * Claim n filled slots or none and copy their elements to obj_table; they
 * stay in the ring until the finish. Returns n or 0; available (if not
 * NULL) gets the filled slots left besides the claim.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_elem_start(struct rte_ring *r, void *obj_table, unsigned int esize,
				 unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_copy_start(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
						available);
}

/* As rte_ring_dequeue_bulk_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_start(struct rte_ring *r, void **obj_table, unsigned int n,
			    unsigned int *available)
{
	return rte_ring_dequeue_bulk_elem_start(r, obj_table, sizeof(void *), n, available);
}

/* Claim up to n filled slots and copy them out. Returns the number claimed, 0..n. */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_elem_start(struct rte_ring *r, void *obj_table, unsigned int esize,
				  unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_copy_start(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
						available);
}

/* As rte_ring_dequeue_burst_elem_start(), for a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_start(struct rte_ring *r, void **obj_table, unsigned int n,
			     unsigned int *available)
{
	return rte_ring_dequeue_burst_elem_start(r, obj_table, sizeof(void *), n, available);
}

/*
 * Remove the first n of the claimed elements from the ring (n is cut to
 * the number claimed); the others stay, first in line. Ends the claim.
 */
static __rte_always_inline void
rte_ring_dequeue_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail = 0;

	n = __rte_ring_finish_begin(&r->cons, &r->hts_cons, n, &tail);
	__rte_ring_finish_end(&r->cons, &r->hts_cons, tail, n);
}

/* As rte_ring_dequeue_elem_finish(), for a ring of pointers. */
static __rte_always_inline void
rte_ring_dequeue_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

#ifdef __cplusplus
}
#endif

#endif
