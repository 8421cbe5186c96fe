/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rings of fixed-size elements (esize: a multiple of 4 bytes). The
 * pointer API of rte_ring.h is this API with esize == sizeof(void *).
 *
 * Naming: mp/mc are safe with several producers/consumers at once, sp/sc
 * need a single one, and the plain names use the mode chosen by the
 * creation flags. _bulk moves all n objects or none, _burst as many as
 * possible. free_space (available), when not NULL, receives the free
 * (filled) slots left after the call.
 */
#ifndef _RTE_RING_ELEM_H_
#define _RTE_RING_ELEM_H_

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>
#include <rte_ring_hts.h>
#include <rte_ring_rts.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Bytes needed for a ring of count slots of esize bytes (header
 * included). count: a power of 2 up to RTE_RING_SZ_MASK. Returns
 * -EINVAL for a bad esize or count; rte_errno is not set.
 */
ssize_t rte_ring_get_memsize_elem(unsigned int esize, unsigned int count);

/*
 * Create a ring of esize-byte elements in a memzone named "RG_<name>"
 * and list it for rte_ring_lookup(). count: a power of 2 (capacity
 * count - 1), or with RING_F_EXACT_SZ any count (capacity count).
 * Returns NULL with rte_errno set to:
 *   EINVAL - NULL name, esize not a multiple of 4, bad count, unknown
 *            flags, or two sync modes for one side (e.g. RING_F_SP_ENQ
 *            with RING_F_MP_RTS_ENQ)
 *   ENAMETOOLONG - name longer than RTE_RING_NAMESIZE - 1
 *   EEXIST - a ring or memzone with this name exists
 *   ENOMEM - no memory for the ring, or the EAL is not initialized
 *   ENOSPC - RTE_MAX_MEMZONE memzones exist already
 * or another rte_errno that rte_memzone_reserve_aligned() set.
 */
struct rte_ring *rte_ring_create_elem(const char *name, unsigned int esize,
				      unsigned int count, int socket_id,
				      unsigned int flags);

/*
 * The flag-dispatched forms (rte_ring_enqueue_bulk_elem() and the like)
 * take the path of the sync type chosen at creation for that side.
 */
static __rte_always_inline unsigned int
__rte_ring_enqueue_elem_by_sync(struct rte_ring *r, const void *obj_table, unsigned int esize,
				unsigned int n, enum rte_ring_queue_behavior behavior,
				unsigned int *free_space)
{
	/* MT (0) and ST (1) share a path whose "single" argument is the type */
	if (likely(r->prod.sync_type <= RTE_RING_SYNC_ST))
		return __rte_ring_do_enqueue_elem(r, obj_table, esize, n, behavior, r->prod.single,
						  free_space);
	if (r->prod.sync_type == RTE_RING_SYNC_MT_HTS)
		return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n, behavior, free_space);
	if (r->prod.sync_type == RTE_RING_SYNC_MT_RTS)
		return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n, behavior, free_space);
	/* a ring not made by rte_ring_init(): nothing is moved */
	if (free_space != NULL)
		*free_space = 0;
	return 0;
}

static __rte_always_inline unsigned int
__rte_ring_dequeue_elem_by_sync(struct rte_ring *r, void *obj_table, unsigned int esize,
				unsigned int n, enum rte_ring_queue_behavior behavior,
				unsigned int *available)
{
	/* MT (0) and ST (1) share a path whose "single" argument is the type */
	if (likely(r->cons.sync_type <= RTE_RING_SYNC_ST))
		return __rte_ring_do_dequeue_elem(r, obj_table, esize, n, behavior, r->cons.single,
						  available);
	if (r->cons.sync_type == RTE_RING_SYNC_MT_HTS)
		return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n, behavior, available);
	if (r->cons.sync_type == RTE_RING_SYNC_MT_RTS)
		return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n, behavior, available);
	if (available != NULL)
		*available = 0;
	return 0;
}

/* ---- bulk: all or nothing ---- */

/* Enqueue all n elements (multi-producer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
			      unsigned int esize, unsigned int n,
			      unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_FIXED, 0, free_space);
}

/* Enqueue all n elements (single producer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
			      unsigned int esize, unsigned int n,
			      unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_FIXED, 1, free_space);
}

/* Enqueue all n elements (mode of the ring's flags) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
			   unsigned int esize, unsigned int n,
			   unsigned int *free_space)
{
	return __rte_ring_enqueue_elem_by_sync(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
					       free_space);
}

/* Dequeue n elements (multi-consumer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
			      unsigned int esize, unsigned int n,
			      unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_FIXED, 0, available);
}

/* Dequeue n elements (single consumer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
			      unsigned int esize, unsigned int n,
			      unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_FIXED, 1, available);
}

/* Dequeue n elements (mode of the ring's flags) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
			   unsigned int esize, unsigned int n,
			   unsigned int *available)
{
	return __rte_ring_dequeue_elem_by_sync(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
					       available);
}

/* ---- single objects: 0 on success, -ENOBUFS (full) / -ENOENT (empty) ---- */

/* Returns 0, or -ENOBUFS if the ring is full (multi-producer). */
static __rte_always_inline int
rte_ring_mp_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_mp_enqueue_bulk_elem(r, obj, esize, 1, NULL) ? 0 : -ENOBUFS;
}

/* Returns 0, or -ENOBUFS if the ring is full (single producer). */
static __rte_always_inline int
rte_ring_sp_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_sp_enqueue_bulk_elem(r, obj, esize, 1, NULL) ? 0 : -ENOBUFS;
}

/* Returns 0, or -ENOBUFS if the ring is full (mode of the flags). */
static __rte_always_inline int
rte_ring_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_enqueue_bulk_elem(r, obj, esize, 1, NULL) ? 0 : -ENOBUFS;
}

/* Returns 0, or -ENOENT if the ring is empty (multi-consumer). */
static __rte_always_inline int
rte_ring_mc_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_mc_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) ? 0 : -ENOENT;
}

/* Returns 0, or -ENOENT if the ring is empty (single consumer). */
static __rte_always_inline int
rte_ring_sc_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_sc_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) ? 0 : -ENOENT;
}

/* Returns 0, or -ENOENT if the ring is empty (mode of the flags). */
static __rte_always_inline int
rte_ring_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) ? 0 : -ENOENT;
}

/* ---- burst: as many as possible ---- */

/* Enqueue up to n elements (multi-producer). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
			       unsigned int esize, unsigned int n,
			       unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_VARIABLE, 0, free_space);
}

/* Enqueue up to n elements (single producer). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
			       unsigned int esize, unsigned int n,
			       unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_VARIABLE, 1, free_space);
}

/* Enqueue up to n elements (mode of the flags). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
			    unsigned int esize, unsigned int n,
			    unsigned int *free_space)
{
	return __rte_ring_enqueue_elem_by_sync(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
					       free_space);
}

/* Dequeue up to n elements (multi-consumer). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
			       unsigned int esize, unsigned int n,
			       unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_VARIABLE, 0, available);
}

/* Dequeue up to n elements (single consumer). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
			       unsigned int esize, unsigned int n,
			       unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
					  RTE_RING_QUEUE_VARIABLE, 1, available);
}

/* Dequeue up to n elements (mode of the flags). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
			    unsigned int esize, unsigned int n,
			    unsigned int *available)
{
	return __rte_ring_dequeue_elem_by_sync(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
					       available);
}

#ifdef __cplusplus
}
#endif

/* Two-phase and zero-copy operations, built on the above. */
#include <rte_ring_peek.h>
#include <rte_ring_peek_zc.h>

#endif
