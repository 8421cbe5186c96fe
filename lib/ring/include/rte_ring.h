/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Lockless bounded FIFO of pointers (DPDK's rte_ring): fixed size,
 * multi- or single-producer and -consumer, bulk (all or nothing) and
 * burst (as many as possible) transfers. The pointer API below is the
 * element API of rte_ring_elem.h with esize == sizeof(void *).
 */
#ifndef _RTE_RING_H_
#define _RTE_RING_H_

#include <sys/types.h>

#include <rte_ring_core.h>
#include <rte_ring_elem.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes needed for a ring of count pointers (a power of 2); -EINVAL for a bad count. */
ssize_t rte_ring_get_memsize(unsigned int count);

/*
 * Initialize a ring in memory the caller provides (at least
 * rte_ring_get_memsize(count) bytes, cache-line aligned). Such a ring is
 * not listed for rte_ring_lookup() and rte_ring_free() does not free it.
 * Returns 0, or -EINVAL (NULL r or name, bad count, unknown flags, or two
 * sync modes for one side) or -ENAMETOOLONG. rte_errno is not set.
 */
int rte_ring_init(struct rte_ring *r, const char *name, unsigned int count,
		  unsigned int flags);

/*
 * Create a ring of count pointers; see rte_ring_create_elem() for count,
 * flags and the errors. Returns the ring, or NULL with rte_errno set.
 */
struct rte_ring *rte_ring_create(const char *name, unsigned int count,
				 int socket_id, unsigned int flags);

/* Free a ring made by rte_ring_create*(); NULL is ignored, a ring from rte_ring_init() logged. */
void rte_ring_free(struct rte_ring *r);

/* Print the ring's state to f. */
void rte_ring_dump(FILE *f, const struct rte_ring *r);

/* Print every created ring to f. */
void rte_ring_list_dump(FILE *f);

/* The created ring with this name, or NULL with rte_errno ENOENT (or EINVAL: NULL name). */
struct rte_ring *rte_ring_lookup(const char *name);

/*
 * Empty the ring. Not thread safe: no enqueue or dequeue may run
 * concurrently.
 */
void rte_ring_reset(struct rte_ring *r);

/* Enqueue all n pointers (multi-producer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_bulk(struct rte_ring *r, void * const *obj_table,
			 unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
					     free_space);
}

/* Enqueue all n pointers (single producer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_bulk(struct rte_ring *r, void * const *obj_table,
			 unsigned int n, unsigned int *free_space)
{
	return rte_ring_sp_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
					     free_space);
}

/* Enqueue all n pointers (mode of the ring's flags) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk(struct rte_ring *r, void * const *obj_table,
		      unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
					  free_space);
}

/* Enqueue one pointer (multi-producer). Returns 0, or -ENOBUFS if the ring is full. */
static __rte_always_inline int
rte_ring_mp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_mp_enqueue_elem(r, &obj, sizeof(void *));
}

/* Enqueue one pointer (single producer). Returns 0, or -ENOBUFS if the ring is full. */
static __rte_always_inline int
rte_ring_sp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_sp_enqueue_elem(r, &obj, sizeof(void *));
}

/* Enqueue one pointer (mode of the flags). Returns 0, or -ENOBUFS if the ring is full. */
static __rte_always_inline int
rte_ring_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_enqueue_elem(r, &obj, sizeof(void *));
}

/* Dequeue n pointers (multi-consumer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_bulk(struct rte_ring *r, void **obj_table,
			 unsigned int n, unsigned int *available)
{
	return rte_ring_mc_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
					     available);
}

/* Dequeue n pointers (single consumer) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_bulk(struct rte_ring *r, void **obj_table,
			 unsigned int n, unsigned int *available)
{
	return rte_ring_sc_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
					     available);
}

/* Dequeue n pointers (mode of the ring's flags) or none. Returns n or 0. */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
		      unsigned int *available)
{
	return rte_ring_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
					  available);
}

/* Dequeue one pointer (multi-consumer). Returns 0, or -ENOENT if the ring is empty. */
static __rte_always_inline int
rte_ring_mc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_mc_dequeue_elem(r, obj_p, sizeof(void *));
}

/* Dequeue one pointer (single consumer). Returns 0, or -ENOENT if the ring is empty. */
static __rte_always_inline int
rte_ring_sc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_sc_dequeue_elem(r, obj_p, sizeof(void *));
}

/* Dequeue one pointer (mode of the flags). Returns 0, or -ENOENT if the ring is empty. */
static __rte_always_inline int
rte_ring_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_dequeue_elem(r, obj_p, sizeof(void *));
}

/* Enqueue up to n pointers (multi-producer). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_burst(struct rte_ring *r, void * const *obj_table,
			  unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
					      free_space);
}

/* Enqueue up to n pointers (single producer). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_burst(struct rte_ring *r, void * const *obj_table,
			  unsigned int n, unsigned int *free_space)
{
	return rte_ring_sp_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
					      free_space);
}

/* Enqueue up to n pointers (mode of the flags). Returns the number enqueued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst(struct rte_ring *r, void * const *obj_table,
		       unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
					   free_space);
}

/* Dequeue up to n pointers (multi-consumer). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_burst(struct rte_ring *r, void **obj_table,
			  unsigned int n, unsigned int *available)
{
	return rte_ring_mc_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
					      available);
}

/* Dequeue up to n pointers (single consumer). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_burst(struct rte_ring *r, void **obj_table,
			  unsigned int n, unsigned int *available)
{
	return rte_ring_sc_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
					      available);
}

/* Dequeue up to n pointers (mode of the flags). Returns the number dequeued, 0..n. */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst(struct rte_ring *r, void **obj_table,
		       unsigned int n, unsigned int *available)
{
	return rte_ring_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
					   available);
}

/*
 * Occupancy. Tails are read without ordering: with concurrent users the
 * figure is a snapshot that may already be stale. Returns 0..capacity.
 */
static inline unsigned int
rte_ring_count(const struct rte_ring *r)
{
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED);
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED);
	uint32_t count = (prod_tail - cons_tail) & r->mask;

	/* Two unordered reads can see a consumer ahead of a producer. */
	return count > r->capacity ? r->capacity : count;
}

/* Free slots: capacity minus rte_ring_count() (a snapshot as well). */
static inline unsigned int
rte_ring_free_count(const struct rte_ring *r)
{
	return r->capacity - rte_ring_count(r);
}

/* 1 if the ring is full, else 0 (a snapshot). */
static inline int
rte_ring_full(const struct rte_ring *r)
{
	return rte_ring_free_count(r) == 0;
}

/* 1 if the ring is empty, else 0 (a snapshot). */
static inline int
rte_ring_empty(const struct rte_ring *r)
{
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED);
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED);

	return cons_tail == prod_tail;
}

/* Slots in the ring (a power of 2). */
static inline unsigned int
rte_ring_get_size(const struct rte_ring *r)
{
	return r->size;
}

/* Objects the ring can hold. */
static inline unsigned int
rte_ring_get_capacity(const struct rte_ring *r)
{
	return r->capacity;
}

/* The RING_F_* flags the ring was created with. */
static inline int
rte_ring_get_flags(const struct rte_ring *r)
{
	return r->flags;
}

/* The producer sync mode (RTE_RING_SYNC_MT, _ST, _MT_RTS or _MT_HTS). */
static inline enum rte_ring_sync_type
rte_ring_get_prod_sync_type(const struct rte_ring *r)
{
	return r->prod.sync_type;
}

/* 1 if the ring has a single producer (RTE_RING_SYNC_ST), else 0. */
static inline int
rte_ring_is_prod_single(const struct rte_ring *r)
{
	return rte_ring_get_prod_sync_type(r) == RTE_RING_SYNC_ST;
}

/* The consumer sync mode (RTE_RING_SYNC_MT, _ST, _MT_RTS or _MT_HTS). */
static inline enum rte_ring_sync_type
rte_ring_get_cons_sync_type(const struct rte_ring *r)
{
	return r->cons.sync_type;
}

/* 1 if the ring has a single consumer (RTE_RING_SYNC_ST), else 0. */
static inline int
rte_ring_is_cons_single(const struct rte_ring *r)
{
	return rte_ring_get_cons_sync_type(r) == RTE_RING_SYNC_ST;
}

#ifdef __cplusplus
}
#endif

#endif
