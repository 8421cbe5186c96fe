/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packet reordering by sequence number. The application stamps each mbuf
 * with its sequence number (rte_reorder_seqn()), typically at Rx before
 * packets fan out to workers, inserts the packets as the workers finish
 * them, and drains them back in sequence order.
 *
 * A buffer of size S holds a window of S sequence numbers starting at the
 * lowest one it still waits for (the first packet inserted after create or
 * reset sets it). Behind the window sits a ready buffer of S packets already
 * in order. A packet up to S beyond the window slides it forward, moving
 * waiting packets to the ready buffer and skipping missing ones; a packet
 * further out (or older than the window) is refused with ERANGE.
 *
 * One lcore uses a buffer at a time: nothing here locks except the list of
 * named buffers.
 */
#ifndef _RTE_REORDER_H_
#define _RTE_REORDER_H_

#include <rte_compat.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_reorder_buffer;

typedef uint32_t rte_reorder_seqn_t;

/* Where the sequence number lives in an mbuf: an mbuf dynamic field that
 * rte_reorder_create()/rte_reorder_init() register; -1 before that. */
extern int rte_reorder_seqn_dynfield_offset;

/* The sequence number field of mbuf (valid once a buffer exists). */
__rte_experimental static inline rte_reorder_seqn_t *
rte_reorder_seqn(struct rte_mbuf *mbuf)
{
	return RTE_MBUF_DYNFIELD(mbuf, rte_reorder_seqn_dynfield_offset, rte_reorder_seqn_t *);
}

/*
 * A reorder buffer for size packets (a power of two), named name (at most
 * 31 characters are kept), in socket_id's memory. If a buffer of that name
 * exists already it is returned instead and size is ignored, as in DPDK.
 * NULL with rte_errno EINVAL (name NULL, size not a power of two or too
 * large) or ENOMEM (no memory, or no room for the mbuf field).
 */
struct rte_reorder_buffer *rte_reorder_create(const char *name, unsigned socket_id,
					      unsigned int size);

/*
 * Build a buffer in caller memory b of bufsize bytes, which must hold the
 * buffer's header and 2 * size mbuf pointers. The buffer is not listed:
 * rte_reorder_find_existing() cannot see it and rte_reorder_free() leaves
 * it alone; the caller frees b. Returns b, or NULL with rte_errno EINVAL
 * (b or name NULL, size not a power of two, bufsize too small) or ENOMEM.
 */
struct rte_reorder_buffer *rte_reorder_init(struct rte_reorder_buffer *b, unsigned int bufsize,
					    const char *name, unsigned int size);

/* The buffer created under name, or NULL with rte_errno ENOENT (none) or
 * EINVAL (name NULL). */
struct rte_reorder_buffer *rte_reorder_find_existing(const char *name);

/* Free every mbuf b holds and forget its sequence position: the next packet
 * inserted starts the window again. */
void rte_reorder_reset(struct rte_reorder_buffer *b);

/* Free the mbufs b holds and b itself (a buffer from rte_reorder_create();
 * NULL and others are ignored). */
void rte_reorder_free(struct rte_reorder_buffer *b);

/*
 * Take mbuf into the buffer by its sequence number. Returns 0, or -1 with
 * rte_errno:
 *  - ERANGE: the number is more than one window ahead of the buffer or
 *    behind it (a late packet), or a packet with that number is waiting
 *    already; the buffer did not take mbuf, send or drop it directly.
 *  - ENOSPC: the number is less than one window ahead, but the ready
 *    buffer is too full to slide the window that far; drain first.
 *  - EINVAL: b or mbuf is NULL.
 */
int rte_reorder_insert(struct rte_reorder_buffer *b, struct rte_mbuf *mbuf);

/*
 * Move up to max_mbufs packets, in sequence order, into mbufs: first the
 * ready buffer, then the run of consecutive packets at the head of the
 * window. Stops at the first missing number. Returns how many.
 */
unsigned int rte_reorder_drain(struct rte_reorder_buffer *b, struct rte_mbuf **mbufs,
			       unsigned max_mbufs);

#ifdef __cplusplus
}
#endif

#endif
