/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio fast path on packed virtqueues (virtio 1.1 section 2.7):
 * Rx buffers are single descriptors, Tx frames chains of consecutive
 * descriptors (2.7.6) that share one buffer id. The device returns a
 * buffer by overwriting the first descriptor of its chain with the id and
 * the length it wrote and both AVAIL and USED set to its wrap counter
 * (2.7.9); the driver then skips as many descriptors as it put into that
 * chain. Ids, lengths and header fields from the device are checked before
 * use. One lcore owns a queue: no locks, no atomics.
 */
#include <string.h>

#include <rte_mempool.h>

#include "virtio_rxtx.h"
#include "virtqueue_packed.h"

/* --- Rx ------------------------------------------------------------------ */

/*
 * 5.1.6.3 with 2.7.13 Supplying Buffers to The Device: each free buffer id
 * gets an mbuf in the next descriptor; the first descriptor's flags are
 * written last, after a barrier, so the device sees the batch whole.
 * All or nothing, like the split ring's refill. Returns the number posted.
 */
static inline uint16_t
rx_refill_packed(struct virtio_rxq *rxq)
{
	struct virtqueue *vq = &rxq->vq;
	struct rte_mbuf *bufs[512];
	uint16_t n = RTE_MIN(rxq->nb_free, (uint16_t)RTE_DIM(bufs));
	uint16_t head = vq->avail_idx, head_flags;

	if (n == 0)
		return 0;
	if (rte_mempool_get_bulk(rxq->mp, (void **)bufs, n) != 0) {
		rxq->nombuf++;
		return 0;
	}
	head_flags = virtq_packed_avail_flags(vq) | VRING_DESC_F_WRITE;
	for (uint16_t i = 0; i < n; i++) {
		uint16_t id = rxq->free_ids[--rxq->nb_free];
		struct vring_packed_desc *d = &vq->pdesc[vq->avail_idx];

		rxq->sw_ring[id] = bufs[i];
		d->addr = virtq_mbuf_addr(vq, bufs[i]) + RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE;
		d->len = rxq->buf_len;
		d->id = id;
		if (i != 0)
			d->flags = virtq_packed_avail_flags(vq) | VRING_DESC_F_WRITE;
		virtq_packed_avail_advance(vq, 1);
	}
	/* 2.7.21: every other field before the flags that make the head available */
	rte_smp_wmb();
	((volatile struct vring_packed_desc *)&vq->pdesc[head])->flags = head_flags;
	return n;
}

int
virtio_rxq_fill_packed(struct virtio_rxq *rxq)
{
	while (rxq->nb_free > 0)
		if (rx_refill_packed(rxq) == 0)
			return -ENOMEM;
	return 0;
}

/*
 * The cursor of a burst over used descriptors: a position and its lap, and
 * the descriptor there when it was already loaded (to find its frame's
 * num_buffers), so each used descriptor is read exactly once.
 */
struct rx_packed_cur {
	uint16_t pos;
	bool wrap;
	bool have_first;
	struct virtq_packed_used first;
};

/* Take back the buffer of the used descriptor at the cursor; see virtio_rx_take_t. */
static inline struct rte_mbuf *
rx_take_packed(struct virtio_rxq *rxq, void *cur, uint32_t min, uint32_t *len)
{
	struct virtqueue *vq = &rxq->vq;
	struct rx_packed_cur *c = cur;
	struct virtq_packed_used u;
	struct rte_mbuf *m;

	if (c->have_first) {
		u = c->first;
		c->have_first = false;
	} else {
		u = virtq_packed_used_read(vq, c->pos);
	}
	*len = u.len;
	/* an Rx buffer is one descriptor: the next used one follows directly */
	c->pos = virtq_packed_pos_add(vq, c->pos, 1, &c->wrap);
	if (unlikely(u.id >= vq->size || rxq->sw_ring[u.id] == NULL))
		return NULL;
	m = rxq->sw_ring[u.id];
	rxq->sw_ring[u.id] = NULL;
	rxq->free_ids[rxq->nb_free++] = u.id;
	if (unlikely(u.len < min || u.len > rxq->buf_len)) {
		rte_mbuf_raw_free(m);
		return NULL;
	}
	return m;
}

/* Whether the n used descriptors from the cursor on are all there. */
static inline bool
rx_packed_used_run(const struct virtqueue *vq, struct rx_packed_cur c, uint16_t n)
{
	for (uint16_t k = 1; k < n; k++) {
		c.pos = virtq_packed_pos_add(vq, c.pos, 1, &c.wrap);
		if (!virtq_packed_is_used(vq, c.pos, c.wrap))
			return false;
	}
	return true;
}

/*
 * 5.1.6.4 Processing of Incoming Packets from a packed ring (2.7.9): used
 * descriptors in ring order; a merged frame (5.1.6.4.2) is taken once all
 * of its num_buffers buffers are used.
 */
uint16_t
virtio_recv_pkts_packed(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_rxq *rxq = queue;
	struct virtqueue *vq = &rxq->vq;
	struct rx_packed_cur cur = { .pos = vq->used_cons, .wrap = vq->used_wrap };
	uint16_t nb_rx = 0, in_flight = (uint16_t)(vq->size - rxq->nb_free);
	bool partial = false;

	while (nb_rx < nb_pkts && in_flight > 0 && virtq_packed_is_used(vq, cur.pos, cur.wrap)) {
		uint16_t id, nbuf = 1;
		struct rte_mbuf *m;
		bool bad = false;

		/* 2.7.21: after the flags (acquire in virtq_packed_is_used) */
		cur.first = virtq_packed_used_read(vq, cur.pos);
		cur.have_first = true;
		id = cur.first.id;
		if (rxq->mrg_rxbuf && id < vq->size && rxq->sw_ring[id] != NULL) {
			/* untrusted: between 1 and the buffers the device holds */
			nbuf = rx_hdr_num_buffers(rxq->sw_ring[id]);
			if (unlikely(nbuf == 0 || nbuf > in_flight)) {
				nbuf = 1;
				bad = true;
			} else if (nbuf > 1 && !rx_packed_used_run(vq, cur, nbuf)) {
				partial = true;	/* the rest of the frame is not there yet */
				break;
			}
		}
		m = rx_frame_build(rxq, rx_take_packed, &cur, nbuf, bad);
		in_flight = (uint16_t)(in_flight - nbuf);
		if (m != NULL)
			pkts[nb_rx++] = m;
	}
	vq->used_cons = cur.pos;
	vq->used_wrap = cur.wrap;
	rxq->pkts += nb_rx;
	/* 2.7.10: with EVENT_IDX the wanted notification follows the consumed ones */
	if (rxq->intr_on && vq->event_idx)
		virtq_packed_used_notify_set(vq, true);
	if ((rxq->nb_free >= rxq->free_thresh || (partial && rxq->nb_free != 0)) &&
	    rx_refill_packed(rxq) != 0)
		virtq_packed_kick(vq);
	return nb_rx;
}

/* --- Tx ------------------------------------------------------------------ */

/*
 * 2.7.9: give back the chains the device has used, in ring order. A used
 * id that names no chain in flight leaves nothing to skip by: the rest of
 * the ring cannot be trusted, so reclaim stops there and counts an error.
 */
static inline void
tx_reclaim_packed(struct virtio_txq *txq)
{
	struct virtqueue *vq = &txq->vq;
	struct rte_mbuf *done[64];
	uint16_t pos = vq->used_cons, nb_done = 0;
	bool wrap = vq->used_wrap;

	while (txq->nb_free < vq->size && virtq_packed_is_used(vq, pos, wrap)) {
		struct virtio_tx_slot *s;
		uint16_t id;

		/* 2.7.21: after the flags (acquire in virtq_packed_is_used) */
		id = virtq_packed_used_read(vq, pos).id;
		if (unlikely(id >= vq->size || txq->slots[id].m == NULL ||
			     txq->slots[id].ndescs > vq->size - txq->nb_free)) {
			txq->errors++;
			break;
		}
		s = &txq->slots[id];
		pos = virtq_packed_pos_add(vq, pos, s->ndescs, &wrap);
		txq->nb_free = (uint16_t)(txq->nb_free + s->ndescs);
		txq->next[txq->free_head++] = id;
		done[nb_done++] = s->m;
		s->m = NULL;
		if (nb_done == RTE_DIM(done)) {
			rte_pktmbuf_free_bulk(done, nb_done);
			nb_done = 0;
		}
	}
	vq->used_cons = pos;
	vq->used_wrap = wrap;
	if (nb_done != 0)
		rte_pktmbuf_free_bulk(done, nb_done);
}

/* One descriptor of a chain at the driver's position; returns its flags. */
static inline uint16_t
tx_desc_packed(struct virtqueue *vq, uint64_t addr, uint32_t len, uint16_t id, bool more)
{
	struct vring_packed_desc *d = &vq->pdesc[vq->avail_idx];
	uint16_t flags = virtq_packed_avail_flags(vq) | (more ? VRING_DESC_F_NEXT : 0);

	d->addr = addr;
	d->len = len;
	d->id = id;	/* 2.7.6: every descriptor of the chain carries the buffer id */
	virtq_packed_avail_advance(vq, 1);
	return flags;
}

/*
 * 5.1.6.2 Packet Transmission over 2.7.13: each frame a chain under one
 * buffer id; the flags of the burst's first head are written last, after a
 * barrier, so the device sees no part of the burst before all of it.
 */
uint16_t
virtio_xmit_pkts_packed(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_txq *txq = queue;
	struct virtqueue *vq = &txq->vq;
	uint16_t nb_tx = 0, sent = 0, first = 0, first_flags = 0;

	if (txq->nb_free < txq->free_thresh)
		tx_reclaim_packed(txq);
	for (; nb_tx < nb_pkts; nb_tx++) {
		struct rte_mbuf *m = pkts[nb_tx];
		bool prepend = tx_can_prepend(m);
		uint16_t need = prepend ? 1 : (uint16_t)(m->nb_segs + 1);
		uint16_t id, head, head_flags;
		uint32_t frame_len = m->pkt_len;
		struct virtio_net_hdr hdr;
		int ret;

		ret = tx_admit(txq, m, need, &hdr, tx_reclaim_packed);
		if (unlikely(ret != TX_ADMIT_OK)) {
			if (ret == TX_ADMIT_FULL)
				break;
			continue;
		}
		/* ids in flight are at most the descriptors in flight: one is free */
		id = txq->next[--txq->free_head];
		head = vq->avail_idx;
		if (prepend) {
			memcpy(rte_pktmbuf_prepend(m, VIRTIO_HDR_SIZE), &hdr, sizeof(hdr));
			head_flags = tx_desc_packed(vq, virtq_mbuf_data_addr(vq, m), m->data_len, id, false);
		} else {
			/* the header from the queue's table, then one descriptor a segment */
			txq->hdrs[id] = hdr;
			head_flags = tx_desc_packed(vq, txq->hdrs_iova + (uint64_t)id * VIRTIO_HDR_SIZE,
						    VIRTIO_HDR_SIZE, id, true);
			for (struct rte_mbuf *seg = m; seg != NULL; seg = seg->next) {
				uint16_t pos = vq->avail_idx;
				uint16_t f = tx_desc_packed(vq, virtq_mbuf_data_addr(vq, seg),
							    seg->data_len, id, seg->next != NULL);

				vq->pdesc[pos].flags = f;
			}
		}
		txq->nb_free = (uint16_t)(txq->nb_free - need);
		txq->slots[id].m = m;
		txq->slots[id].ndescs = need;
		txq->bytes += frame_len;
		/* later heads may go at once: the device stops at the first one */
		if (sent == 0) {
			first = head;
			first_flags = head_flags;
		} else {
			vq->pdesc[head].flags = head_flags;
		}
		sent++;
	}
	if (sent != 0) {
		txq->pkts += sent;
		/* 2.7.21: the whole burst before the flags that expose it */
		rte_smp_wmb();
		((volatile struct vring_packed_desc *)&vq->pdesc[first])->flags = first_flags;
		virtq_packed_kick(vq);	/* one notification per burst, if wanted */
	}
	return nb_tx;
}
