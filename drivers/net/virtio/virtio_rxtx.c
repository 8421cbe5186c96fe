/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio fast path on split virtqueues (virtio 1.1 section 2.6) for
 * virtio-net (5.1.6): merged Rx buffers into mbuf chains, checksum
 * offloads through the header. One lcore owns a queue: no locks, no
 * atomics; the barriers between ring updates are the ones 2.6.13 and
 * 2.6.14 require. Every used-ring entry (id and length) and every header
 * field the device writes is checked before it is used.
 */
#include <string.h>

#include <rte_mempool.h>

#include "virtio_rxtx.h"
#include "virtqueue_packed.h"

/* --- Rx ------------------------------------------------------------------ */

void
virtio_rxq_reset(struct virtio_rxq *rxq)
{
	struct virtqueue *vq = &rxq->vq;

	memset(vq->mz->addr, 0, vq->mz->len);
	vq->avail_idx = 0;
	vq->kick_idx = 0;
	vq->used_cons = 0;
	if (vq->packed)
		virtq_packed_reset(vq);
	for (uint16_t i = 0; i < vq->size; i++) {
		rxq->sw_ring[i] = NULL;
		rxq->free_ids[i] = (uint16_t)(vq->size - 1 - i);
	}
	rxq->nb_free = vq->size;
	/* 2.6.7, 2.7.10: poll mode; rx_queue_intr_enable asks for notifications */
	virtq_interrupts_set(vq, rxq->intr_on);
}

/*
 * 5.1.6.3 Setting Up Receive Buffers: each free descriptor gets an mbuf;
 * the device writes the 12-byte header into the end of the headroom and the
 * frame at the usual data offset. All or nothing: a short pool leaves the
 * descriptors free for the next burst. Returns the number posted.
 */
static inline uint16_t
rx_refill(struct virtio_rxq *rxq)
{
	struct virtqueue *vq = &rxq->vq;
	struct rte_mbuf *bufs[VIRTQ_MAX_SIZE > 512 ? 512 : VIRTQ_MAX_SIZE];
	uint16_t n = RTE_MIN(rxq->nb_free, (uint16_t)RTE_DIM(bufs));

	if (n == 0)
		return 0;
	if (rte_mempool_get_bulk(rxq->mp, (void **)bufs, n) != 0) {
		rxq->nombuf++;
		return 0;
	}
	for (uint16_t i = 0; i < n; i++) {
		uint16_t id = rxq->free_ids[--rxq->nb_free];
		struct vring_desc *d = &vq->desc[id];

		rxq->sw_ring[id] = bufs[i];
		d->addr = virtq_mbuf_addr(vq, bufs[i]) + RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE;
		d->len = rxq->buf_len;
		d->flags = VRING_DESC_F_WRITE;
		vq->avail->ring[vq->avail_idx & vq->mask] = id;
		vq->avail_idx++;
	}
	virtq_avail_publish(vq);
	return n;
}

int
virtio_rxq_fill(struct virtio_rxq *rxq)
{
	if (rxq->vq.packed)
		return virtio_rxq_fill_packed(rxq);
	while (rxq->nb_free > 0)
		if (rx_refill(rxq) == 0)
			return -ENOMEM;
	return 0;
}

void
virtio_rxq_drain(struct virtio_rxq *rxq)
{
	if (rxq->sw_ring == NULL)
		return;
	for (uint16_t i = 0; i < rxq->vq.size; i++) {
		if (rxq->sw_ring[i] != NULL)
			rte_mbuf_raw_free(rxq->sw_ring[i]);
		rxq->sw_ring[i] = NULL;
	}
	rxq->nb_free = 0;
}

/*
 * Take back the buffer of used entry e; NULL when its id names no buffer
 * of ours (outside the table, or not posted) or its length is not what a
 * buffer can hold: at least min bytes, at most what was offered.
 */
static inline struct rte_mbuf *
rx_take(struct virtio_rxq *rxq, struct vring_used_elem e, uint32_t min, uint32_t *len)
{
	struct rte_mbuf *m;

	*len = e.len;
	if (unlikely(e.id >= rxq->vq.size || rxq->sw_ring[e.id] == NULL))
		return NULL;
	m = rxq->sw_ring[e.id];
	rxq->sw_ring[e.id] = NULL;
	rxq->free_ids[rxq->nb_free++] = (uint16_t)e.id;
	if (unlikely(e.len < min || e.len > rxq->buf_len)) {
		rte_mbuf_raw_free(m);
		return NULL;
	}
	return m;
}

/*
 * The cursor of a burst over the used ring: the next entry, and that entry
 * when it was already loaded (to find its frame's num_buffers), so each
 * entry is read from the ring exactly once.
 */
struct rx_split_cur {
	uint16_t cons;
	bool have_first;
	struct vring_used_elem first;
};

static inline struct rte_mbuf *
rx_take_split(struct virtio_rxq *rxq, void *cur, uint32_t min, uint32_t *len)
{
	struct rx_split_cur *c = cur;
	struct vring_used_elem e;

	if (c->have_first) {
		e = c->first;
		c->have_first = false;
	} else {
		e = virtq_used_elem_read(&rxq->vq, c->cons);
	}
	c->cons++;
	return rx_take(rxq, e, min, len);
}

/*
 * 5.1.6.4 Processing of Incoming Packets, from the used ring (2.6.14).
 * With VIRTIO_NET_F_MRG_RXBUF a frame fills num_buffers buffers (5.1.6.4.2);
 * a frame is taken once all of its buffers are in the used ring.
 */
uint16_t
virtio_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_rxq *rxq = queue;
	struct virtqueue *vq = &rxq->vq;
	struct rx_split_cur cur = { .cons = vq->used_cons };
	uint16_t used, nb_rx = 0;
	bool partial = false;

	used = virtq_used_count(vq, (uint16_t)(vq->size - rxq->nb_free), &rxq->errors);
	while (nb_rx < nb_pkts && used > 0) {
		uint16_t nbuf = 1;
		struct rte_mbuf *m;
		bool bad = false;

		cur.first = virtq_used_elem_read(vq, cur.cons);
		cur.have_first = true;
		if (rxq->mrg_rxbuf && cur.first.id < vq->size && rxq->sw_ring[cur.first.id] != NULL) {
			/* untrusted: between 1 and the buffers the device holds */
			nbuf = rx_hdr_num_buffers(rxq->sw_ring[cur.first.id]);
			if (unlikely(nbuf == 0 || nbuf > vq->size - rxq->nb_free))
				nbuf = 1, bad = true;
			else if (nbuf > used) {
				partial = true;	/* the rest of the frame is not there yet */
				break;
			}
		}
		m = rx_frame_build(rxq, rx_take_split, &cur, nbuf, bad);
		used = (uint16_t)(used - nbuf);
		if (m != NULL)
			pkts[nb_rx++] = m;
	}
	vq->used_cons = cur.cons;
	rxq->pkts += nb_rx;
	/* 2.6.7.2: used_event follows the entries consumed */
	if (vq->event_idx)
		virtq_used_notify_set(vq, rxq->intr_on);
	/*
	 * Bulk refill, and a notification only when the device asked for one;
	 * any free buffer at once when a frame waits for more, in case the
	 * device returns a frame's buffers before it has all of them.
	 */
	if ((rxq->nb_free >= rxq->free_thresh || (partial && rxq->nb_free != 0)) &&
	    rx_refill(rxq) != 0)
		virtq_kick(vq);
	return nb_rx;
}

/* --- Tx ------------------------------------------------------------------ */

void
virtio_txq_reset(struct virtio_txq *txq)
{
	struct virtqueue *vq = &txq->vq;

	memset(vq->mz->addr, 0, vq->mz->len);	/* also the chain headers: all zero */
	vq->avail_idx = 0;
	vq->kick_idx = 0;
	vq->used_cons = 0;
	for (uint16_t i = 0; i < vq->size; i++) {
		txq->next[i] = (uint16_t)(i + 1);
		txq->slots[i].m = NULL;
		txq->slots[i].ndescs = 0;
	}
	txq->free_head = 0;
	if (vq->packed) {
		/* packed: next is a stack of free buffer ids, free_head its depth */
		virtq_packed_reset(vq);
		for (uint16_t i = 0; i < vq->size; i++)
			txq->next[i] = (uint16_t)(vq->size - 1 - i);
		txq->free_head = vq->size;
	}
	txq->nb_free = vq->size;
	/* 2.6.7, 2.7.10: completions are reaped by polling, no interrupt wanted */
	virtq_interrupts_set(vq, false);
}

/* 2.6.14: give back the chains the device has finished with. */
static inline void
tx_reclaim(struct virtio_txq *txq)
{
	struct virtqueue *vq = &txq->vq;
	struct rte_mbuf *done[64];
	uint16_t n, nb_done = 0, cons = vq->used_cons;

	n = virtq_used_count(vq, (uint16_t)(vq->size - txq->nb_free), &txq->errors);
	for (uint16_t i = 0; i < n; i++) {
		uint32_t id = virtq_used_elem_read(vq, cons).id;
		struct virtio_tx_slot *s;
		uint16_t last;

		cons++;
		if (unlikely(id >= vq->size || txq->slots[id].m == NULL)) {
			txq->errors++;
			continue;
		}
		s = &txq->slots[id];
		/* the chain's descriptors go back to the front of the free list */
		last = (uint16_t)id;
		for (uint16_t k = 1; k < s->ndescs; k++)
			last = txq->next[last];
		txq->next[last] = txq->free_head;
		txq->free_head = (uint16_t)id;
		txq->nb_free = (uint16_t)(txq->nb_free + s->ndescs);
		done[nb_done++] = s->m;
		s->m = NULL;
		if (nb_done == RTE_DIM(done)) {
			rte_pktmbuf_free_bulk(done, nb_done);
			nb_done = 0;
		}
	}
	vq->used_cons = cons;
	if (vq->event_idx)
		virtq_used_notify_set(vq, false);
	if (nb_done != 0)
		rte_pktmbuf_free_bulk(done, nb_done);
}

void
virtio_txq_drain(struct virtio_txq *txq)
{
	if (txq->slots == NULL)
		return;
	for (uint16_t i = 0; i < txq->vq.size; i++) {
		rte_pktmbuf_free(txq->slots[i].m);
		txq->slots[i].m = NULL;
	}
}

/* 5.1.6.2 Packet Transmission; 2.6.13 Supplying Buffers to The Device. */
uint16_t
virtio_xmit_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_txq *txq = queue;
	struct virtqueue *vq = &txq->vq;
	uint16_t nb_tx = 0, sent = 0;

	if (txq->nb_free < txq->free_thresh)
		tx_reclaim(txq);
	for (; nb_tx < nb_pkts; nb_tx++) {
		struct rte_mbuf *m = pkts[nb_tx];
		bool prepend = tx_can_prepend(m);
		uint16_t need = prepend ? 1 : (uint16_t)(m->nb_segs + 1);
		uint16_t head, idx, last;
		uint32_t frame_len = m->pkt_len;
		struct virtio_net_hdr hdr;
		int ret;

		ret = tx_admit(txq, m, need, &hdr, tx_reclaim);
		if (unlikely(ret != TX_ADMIT_OK)) {
			if (ret == TX_ADMIT_FULL)
				break;
			continue;
		}
		head = txq->free_head;	/* after any reclaim above, which moves it */
		if (prepend) {
			memcpy(rte_pktmbuf_prepend(m, VIRTIO_HDR_SIZE), &hdr, sizeof(hdr));
			vq->desc[head].addr = virtq_mbuf_data_addr(vq, m);
			vq->desc[head].len = m->data_len;
			vq->desc[head].flags = 0;
			last = head;
		} else {
			/* the header from the queue's table, then one descriptor a segment */
			txq->hdrs[head] = hdr;
			vq->desc[head].addr = txq->hdrs_iova + (uint64_t)head * VIRTIO_HDR_SIZE;
			vq->desc[head].len = VIRTIO_HDR_SIZE;
			vq->desc[head].flags = VRING_DESC_F_NEXT;
			vq->desc[head].next = txq->next[head];
			last = head;
			idx = txq->next[head];
			for (struct rte_mbuf *seg = m; seg != NULL; seg = seg->next) {
				vq->desc[idx].addr = virtq_mbuf_data_addr(vq, seg);
				vq->desc[idx].len = seg->data_len;
				vq->desc[idx].flags = seg->next != NULL ? VRING_DESC_F_NEXT : 0;
				vq->desc[idx].next = txq->next[idx];
				last = idx;
				idx = txq->next[idx];
			}
		}
		txq->free_head = txq->next[last];
		txq->nb_free = (uint16_t)(txq->nb_free - need);
		txq->slots[head].m = m;
		txq->slots[head].ndescs = need;
		vq->avail->ring[vq->avail_idx & vq->mask] = head;
		vq->avail_idx++;
		txq->bytes += frame_len;
		sent++;
	}
	if (sent != 0) {
		txq->pkts += sent;
		virtq_avail_publish(vq);
		virtq_kick(vq);		/* one notification per burst, if wanted */
	}
	return nb_tx;
}
