/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif fast path. A ring moves packets one way. The sender owns the
 * slots from its index up to the receiver's; publishing an index is a
 * release store, reading the other side's an acquire load, so buffer and
 * descriptor contents travel with the index (x86: plain moves).
 *
 *   C2S ring: the client fills and moves head, the server empties and
 *             moves tail.
 *   S2C ring: the client posts empty buffers by moving head, the server
 *             fills them and moves tail, the client empties them.
 *
 * Everything in the ring is written by the peer too: each index is read
 * once a burst and bounded by the ring size, each descriptor is read once
 * into a local copy and its buffer bounded by its region before use. A
 * fault drops the packet (or the burst) and counts an error; the lcore
 * never trusts the ring for its own indices, which it keeps in the queue.
 */
#include <errno.h>
#include <unistd.h>

#include <rte_branch_prediction.h>
#include <rte_memcpy.h>

#include <mbuf_append.h>

#include "memif.h"

/* Longest packet accepted from the peer: memif buffers are 16-bit sized. */
#define MEMIF_RX_MAX_PKT UINT16_MAX

static inline void
memif_desc_read(const struct memif_desc *d, struct memif_desc *out)
{
	const volatile struct memif_desc *v = d;

	out->flags = v->flags;
	out->region = v->region;
	out->length = v->length;
	out->offset = v->offset;
}

/*
 * An index out of bounds is the peer's fault only while the connection
 * lives: a disconnect swaps the ring for zeros under a running burst.
 */
static inline unsigned int
memif_queue_live(const struct memif_queue *q)
{
	return atomic_load_explicit(q->up, memory_order_acquire) != 0;
}

/* The buffer [off, off + len) of a region, or NULL if it is not inside. */
static inline uint8_t *
memif_buf(const struct memif_queue *q, uint16_t region, uint32_t off, uint32_t len)
{
	const struct memif_region *r;

	if (unlikely(region >= q->nb_regions))
		return NULL;
	r = &q->regions[region];
	if (unlikely((uint64_t)off + len > r->size))
		return NULL;
	return r->addr + off;
}

/*
 * One packet from the slots at cur (avail of them are filled) into m.
 * *used: slots the packet took, 0 while its chain is not all published.
 * Returns 0, -EINVAL for a bad descriptor, -ENOMEM.
 */
static int
memif_rx_pkt(struct memif_queue *q, struct memif_ring *ring, uint16_t cur, uint16_t avail,
	     struct rte_mbuf *m, uint16_t *used)
{
	uint16_t mask = q->ring_size - 1, k = 0;
	struct rte_mbuf *tail = m;
	struct memif_desc d;
	int ret = 0;

	do {
		if (k == avail) {
			/* senders publish whole chains; one that fills the ring never ends */
			*used = avail == q->ring_size ? avail : 0;
			return -EINVAL;
		}
		memif_desc_read(&ring->desc[(uint16_t)(cur + k) & mask], &d);
		/*
		 * The slot is ours until tail moves: clear its flags, as a DPDK
		 * 22.11 sender leaves the NEXT of an earlier chain in a slot that
		 * now starts a packet (it writes the flags of later slots only).
		 */
		if (q->c2s && d.flags != 0)
			ring->desc[(uint16_t)(cur + k) & mask].flags = 0;
		k++;
		if (ret == 0) {
			const uint8_t *src = memif_buf(q, d.region, d.offset, d.length);

			if (src == NULL || m->pkt_len + (uint64_t)d.length > MEMIF_RX_MAX_PKT) {
				ret = -EINVAL;
			} else if (likely(tail == m && d.length <= rte_pktmbuf_tailroom(m))) {
				/* the common case, one buffer into one mbuf: inline */
				rte_memcpy(rte_pktmbuf_mtod_offset(m, uint8_t *, m->data_len), src,
					   d.length);
				m->data_len += d.length;
				m->pkt_len += d.length;
			} else {
				ret = mbuf_append_copy(m, &tail, src, d.length, q->mp);
			}
		}
	} while (d.flags & MEMIF_DESC_NEXT);
	*used = k;
	return ret;
}

/* S2C receiver (client): post every emptied slot again, in our own layout. */
void
memif_rx_refill(struct memif_queue *q, struct memif_ring *ring)
{
	uint16_t mask = q->ring_size - 1;
	uint16_t target = (uint16_t)(q->last + q->ring_size);
	uint16_t head = q->head;

	while (head != target) {
		struct memif_desc *d = &ring->desc[head & mask];

		/* rewritten whole: the server may have changed any field */
		d->region = 0;
		d->offset = q->buf_first + (uint32_t)(head & mask) * q->buf_size;
		d->length = q->buf_size;
		d->flags = 0;
		head++;
	}
	q->head = head;
	/* pairs with the server's acquire load of head in memif_tx_burst */
	__atomic_store_n(&ring->head, head, __ATOMIC_RELEASE);
}

uint16_t
memif_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct memif_queue *q = queue;
	struct memif_ring *ring = q->ring;
	uint16_t cur, end, avail, limit, want, n = 0;

	/* pairs with the release store that publishes the rings at connect */
	if (atomic_load_explicit(q->up, memory_order_acquire) == 0 || ring == NULL)
		return 0;
	cur = q->last;
	/* pairs with the sender's release store of head (C2S) or tail (S2C) */
	if (q->c2s) {
		end = __atomic_load_n(&ring->head, __ATOMIC_ACQUIRE);
		limit = q->ring_size;
	} else {
		end = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);
		limit = (uint16_t)(q->head - cur); /* only what we posted */
	}
	avail = (uint16_t)(end - cur);
	if (unlikely(avail > limit)) {
		q->errs += memif_queue_live(q);
		avail = 0;
	}
	/* at most one packet a filled slot: take their mbufs in one go */
	want = RTE_MIN(nb_pkts, avail);
	if (want > 0 && unlikely(rte_pktmbuf_alloc_bulk(q->mp, bufs, want) != 0)) {
		q->nombuf += want;
		want = 0;
	}
	while (avail > 0 && n < want) {
		struct rte_mbuf *m = bufs[n];
		uint16_t used;
		int ret;

		ret = memif_rx_pkt(q, ring, cur, avail, m, &used);
		if (used == 0)
			break;
		cur += used;
		avail -= used;
		if (unlikely(ret != 0)) {
			if (ret == -ENOMEM)
				q->nombuf++;
			else
				q->errs++;
			/* the head serves the next packet */
			rte_pktmbuf_free(m->next);
			rte_pktmbuf_reset(m);
			continue;
		}
		m->port = q->port_id;
		q->bytes += m->pkt_len;
		n++;
	}
	if (n < want)
		rte_pktmbuf_free_bulk(bufs + n, want - n);
	q->last = cur;
	if (q->c2s)
		/* pairs with the client's acquire load of tail in memif_tx_burst */
		__atomic_store_n(&ring->tail, cur, __ATOMIC_RELEASE);
	else
		memif_rx_refill(q, ring);
	q->pkts += n;
	return n;
}

/*
 * The buffer behind the descriptor of slot idx, and its capacity. A
 * client uses its own layout and writes it back; a server reads what the
 * client posted, once, and bounds it.
 */
static inline uint8_t *
memif_tx_buf(struct memif_queue *q, struct memif_desc *d, uint16_t idx, uint32_t *room)
{
	struct memif_desc c;

	if (q->client) {
		c.offset = q->buf_first + (uint32_t)idx * q->buf_size;
		d->region = 0;
		d->offset = c.offset;
		*room = q->buf_size;
		return q->regions[0].addr + c.offset;
	}
	memif_desc_read(d, &c);
	if (c.length == 0 || c.length > UINT16_MAX)
		return NULL;
	*room = c.length;
	return memif_buf(q, c.region, c.offset, c.length);
}

/* Slots one packet took (1 or more), 0 if it does not fit in nfree, -EINVAL. */
static int
memif_tx_pkt(struct memif_queue *q, struct memif_ring *ring, uint16_t slot, uint16_t nfree,
	     const struct rte_mbuf *m)
{
	uint16_t mask = q->ring_size - 1, k = 0;
	struct memif_desc *d = NULL;
	uint32_t room = 0, off = 0;
	uint8_t *dst = NULL;
	const struct rte_mbuf *seg;

	for (seg = m; seg != NULL; seg = seg->next) {
		const uint8_t *src = rte_pktmbuf_mtod(seg, const uint8_t *);
		uint32_t len = seg->data_len;

		while (len > 0 || d == NULL) {
			uint32_t n;

			if (d == NULL || off == room) {
				if (k == nfree)
					return 0;
				if (d != NULL) {
					d->length = off;
					d->flags = MEMIF_DESC_NEXT;
				}
				d = &ring->desc[(uint16_t)(slot + k) & mask];
				dst = memif_tx_buf(q, d, (uint16_t)(slot + k) & mask, &room);
				if (dst == NULL)
					return -EINVAL;
				k++;
				off = 0;
			}
			n = RTE_MIN(room - off, len);
			rte_memcpy(dst + off, src, n);
			off += n;
			src += n;
			len -= n;
		}
	}
	d->length = off;
	/* also clears a NEXT a previous chain left in this slot */
	d->flags = 0;
	return k;
}

uint16_t
memif_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct memif_queue *q = queue;
	struct memif_ring *ring = q->ring;
	uint16_t slot, nfree, n = 0;

	if (atomic_load_explicit(q->up, memory_order_acquire) == 0 || ring == NULL)
		return 0;
	slot = q->last;
	if (q->c2s) {
		/* pairs with the server's release store of tail in memif_rx_burst */
		uint16_t inflight = slot - __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);

		if (unlikely(inflight > q->ring_size)) {
			q->errs += memif_queue_live(q);
			return 0;
		}
		nfree = q->ring_size - inflight;
	} else {
		/* pairs with the client's release store of head in memif_rx_refill */
		nfree = __atomic_load_n(&ring->head, __ATOMIC_ACQUIRE) - slot;
		if (unlikely(nfree > q->ring_size)) {
			q->errs += memif_queue_live(q);
			return 0;
		}
	}
	while (n < nb_pkts && nfree > 0) {
		int k = memif_tx_pkt(q, ring, slot, nfree, bufs[n]);

		if (k <= 0) {
			if (k < 0)
				q->errs++;
			break;
		}
		slot += k;
		nfree -= k;
		q->bytes += bufs[n]->pkt_len;
		n++;
	}
	if (n == 0)
		return 0;
	q->last = slot;
	/* pairs with the receiver's acquire load in memif_rx_burst */
	if (q->c2s)
		__atomic_store_n(&ring->head, slot, __ATOMIC_RELEASE);
	else
		__atomic_store_n(&ring->tail, slot, __ATOMIC_RELEASE);
	rte_pktmbuf_free_bulk(bufs, n);
	/* a receiver that sleeps on the eventfd leaves MASK_INT clear */
	if (q->fd >= 0 &&
	    !(__atomic_load_n(&ring->flags, __ATOMIC_RELAXED) & MEMIF_RING_MASK_INT)) {
		uint64_t one = 1;
		ssize_t r = write(q->fd, &one, sizeof(one));

		RTE_SET_USED(r);
	}
	q->pkts += n;
	return n;
}
