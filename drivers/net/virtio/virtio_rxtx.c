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

#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mempool.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "virtqueue.h"

#define VIRTIO_HDR_SIZE ((uint16_t)sizeof(struct virtio_net_hdr))
static_assert(RTE_PKTMBUF_HEADROOM >= sizeof(struct virtio_net_hdr),
	      "the Rx header is written into the mbuf headroom");

/* --- Rx ------------------------------------------------------------------ */

void
virtio_rxq_reset(struct virtio_rxq *rxq)
{
	struct virtqueue *vq = &rxq->vq;

	memset(vq->mz->addr, 0, vq->mz->len);
	vq->avail_idx = 0;
	vq->kick_idx = 0;
	vq->used_cons = 0;
	for (uint16_t i = 0; i < vq->size; i++) {
		rxq->sw_ring[i] = NULL;
		rxq->free_ids[i] = (uint16_t)(vq->size - 1 - i);
	}
	rxq->nb_free = vq->size;
	/* 2.6.7: poll mode; rx_queue_intr_enable asks for notifications */
	virtq_used_notify_set(vq, rxq->intr_on);
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
		d->addr = rte_mbuf_iova_get(bufs[i]) + RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE;
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

/* 5.1.6.4: the device wrote the header at the start of the first buffer */
static inline const struct virtio_net_hdr *
rx_hdr(const struct rte_mbuf *m)
{
	return (const struct virtio_net_hdr *)((const uint8_t *)m->buf_addr +
					       RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE);
}

/*
 * The packet type of an IPv4 or IPv6 frame (up to two VLAN tags), and the
 * offset where its TCP or UDP header ends; 0 when it is anything else or
 * its headers are not all in the first segment.
 */
static inline uint32_t
rx_l4_parse(const struct rte_mbuf *m, uint32_t *ptype)
{
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);
	uint32_t len = m->data_len, off = RTE_ETHER_HDR_LEN, l3, l4;
	uint16_t type;
	uint8_t proto;

	if (len < off)
		return 0;
	*ptype = RTE_PTYPE_L2_ETHER;
	memcpy(&type, p + off - 2, sizeof(type));
	for (int tags = 0; tags < 2 && (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN) ||
					type == rte_cpu_to_be_16(RTE_ETHER_TYPE_QINQ)); tags++) {
		if (len < off + RTE_VLAN_HLEN)
			return 0;
		memcpy(&type, p + off + 2, sizeof(type));
		off += RTE_VLAN_HLEN;
		*ptype = tags == 0 ? RTE_PTYPE_L2_ETHER_VLAN : RTE_PTYPE_L2_ETHER_QINQ;
	}
	if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4)) {
		const struct rte_ipv4_hdr *ip = (const struct rte_ipv4_hdr *)(p + off);

		if (len < off + sizeof(*ip))
			return 0;
		l3 = (uint32_t)(ip->version_ihl & 0x0F) * 4;
		if (l3 < sizeof(*ip) || len < off + l3)
			return 0;
		*ptype |= l3 == sizeof(*ip) ? RTE_PTYPE_L3_IPV4 : RTE_PTYPE_L3_IPV4_EXT;
		if (ip->fragment_offset &
		    rte_cpu_to_be_16(RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) {
			*ptype |= RTE_PTYPE_L4_FRAG;
			return 0;
		}
		proto = ip->next_proto_id;
	} else if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6)) {
		l3 = sizeof(struct rte_ipv6_hdr);
		if (len < off + l3)
			return 0;
		*ptype |= RTE_PTYPE_L3_IPV6;
		proto = ((const struct rte_ipv6_hdr *)(p + off))->proto;
	} else {
		return 0;
	}
	off += l3;
	if (proto == IPPROTO_TCP) {
		if (len < off + sizeof(struct rte_tcp_hdr))
			return 0;
		l4 = (uint32_t)(((const struct rte_tcp_hdr *)(p + off))->data_off >> 4) * 4;
		if (l4 < sizeof(struct rte_tcp_hdr))
			return 0;
		*ptype |= RTE_PTYPE_L4_TCP;
	} else if (proto == IPPROTO_UDP) {
		l4 = sizeof(struct rte_udp_hdr);
		*ptype |= RTE_PTYPE_L4_UDP;
	} else {
		return 0;
	}
	return len >= off + l4 ? off + l4 : 0;
}

/*
 * 5.1.6.4 NEEDS_CSUM: store the checksum the device left to the driver, the
 * complement of the sum from csum_start to the end (the field holds the
 * pseudo-header sum), at csum_start + csum_offset. Both offsets come from the
 * device: the sum must start inside the frame, the field be in the first segment.
 */
static inline void
rx_csum_complete(struct rte_mbuf *m, uint16_t start, uint16_t offset)
{
	uint32_t at = (uint32_t)start + offset;
	uint16_t sum;

	if (start >= m->pkt_len || at + sizeof(sum) > m->data_len ||
	    rte_raw_cksum_mbuf(m, start, m->pkt_len - start, &sum) != 0)
		return;
	/* a sum of all ones stays: UDP sends a zero result as 0xFFFF */
	if (sum != 0xFFFF)
		sum = (uint16_t)~sum;
	memcpy(rte_pktmbuf_mtod_offset(m, uint8_t *, at), &sum, sizeof(sum));
}

/*
 * 5.1.6.4 with VIRTIO_NET_F_GUEST_CSUM, reported as DPDK 22.11's net_virtio
 * does: NEEDS_CSUM on a TCP or UDP frame whose checksum starts within its
 * headers is RTE_MBUF_F_RX_L4_CKSUM_NONE (data intact, checksum not filled
 * in), DATA_VALID on one is RTE_MBUF_F_RX_L4_CKSUM_GOOD. Any other
 * NEEDS_CSUM frame, and every one on a queue that did not enable the
 * checksum offloads, gets its checksum filled in here.
 */
static inline void
rx_csum_flags(const struct virtio_rxq *rxq, struct rte_mbuf *m, const struct virtio_net_hdr *h)
{
	bool asked = rxq->l4_csum;
	uint8_t flags = h->flags;
	uint16_t start = h->csum_start, offset = h->csum_offset;
	uint32_t ptype = 0, hdrs_end;

	if (flags == 0)
		return;
	hdrs_end = rx_l4_parse(m, &ptype);
	m->packet_type = ptype;
	if (flags & VIRTIO_NET_HDR_F_NEEDS_CSUM) {
		if (asked && hdrs_end != 0 && start <= hdrs_end)
			m->ol_flags |= RTE_MBUF_F_RX_L4_CKSUM_NONE;
		else
			rx_csum_complete(m, start, offset);
	} else if ((flags & VIRTIO_NET_HDR_F_DATA_VALID) && asked && hdrs_end != 0) {
		m->ol_flags |= RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	}
}

/*
 * Take back the buffer of used entry cons; NULL when its id names no buffer
 * of ours (outside the table, or not posted) or its length is not what a
 * buffer can hold: at least min bytes, at most what was offered.
 */
static inline struct rte_mbuf *
rx_take(struct virtio_rxq *rxq, uint16_t cons, uint32_t min, uint32_t *len)
{
	struct virtqueue *vq = &rxq->vq;
	volatile struct vring_used_elem *e = &vq->used->ring[cons & vq->mask];
	uint32_t id = e->id;
	struct rte_mbuf *m;

	*len = e->len;
	if (unlikely(id >= vq->size || rxq->sw_ring[id] == NULL))
		return NULL;
	m = rxq->sw_ring[id];
	rxq->sw_ring[id] = NULL;
	rxq->free_ids[rxq->nb_free++] = (uint16_t)id;
	if (unlikely(*len < min || *len > rxq->buf_len)) {
		rte_mbuf_raw_free(m);
		return NULL;
	}
	return m;
}

/*
 * 5.1.6.4 Processing of Incoming Packets, from the used ring (2.6.14).
 * With VIRTIO_NET_F_MRG_RXBUF a frame fills num_buffers buffers (5.1.6.4.2):
 * the first starts with the header, the others hold data only; a frame is
 * taken once all of its buffers are in the used ring.
 */
uint16_t
virtio_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_rxq *rxq = queue;
	struct virtqueue *vq = &rxq->vq;
	uint16_t used, nb_rx = 0, cons = vq->used_cons;
	bool partial = false;

	used = virtq_used_count(vq, (uint16_t)(vq->size - rxq->nb_free), &rxq->errors);
	while (nb_rx < nb_pkts && used > 0) {
		volatile struct vring_used_elem *e = &vq->used->ring[cons & vq->mask];
		uint32_t id = e->id, len;
		uint16_t nbuf = 1;
		struct rte_mbuf *m, *last;
		bool bad = false;

		if (rxq->mrg_rxbuf && id < vq->size && rxq->sw_ring[id] != NULL) {
			/* untrusted: between 1 and the buffers the device holds */
			nbuf = rx_hdr(rxq->sw_ring[id])->num_buffers;
			if (unlikely(nbuf == 0 || nbuf > vq->size - rxq->nb_free))
				nbuf = 1, bad = true;
			else if (nbuf > used) {
				partial = true;	/* the rest of the frame is not there yet */
				break;
			}
		}
		m = rx_take(rxq, cons++, VIRTIO_HDR_SIZE + 1, &len);
		used--;
		if (unlikely(m == NULL)) {
			/* the frame's other buffers go back too, unread */
			for (uint16_t k = 1; k < nbuf; k++, used--) {
				struct rte_mbuf *seg = rx_take(rxq, cons++, 0, &len);

				if (seg != NULL)
					rte_mbuf_raw_free(seg);
			}
			rxq->errors++;
			continue;
		}
		len -= VIRTIO_HDR_SIZE;
		m->data_off = RTE_PKTMBUF_HEADROOM;
		m->data_len = (uint16_t)len;
		m->pkt_len = len;
		m->nb_segs = 1;
		m->next = NULL;
		last = m;
		/* 5.1.6.4.2: the other buffers carry data from their first byte */
		for (uint16_t k = 1; k < nbuf; k++) {
			struct rte_mbuf *seg = rx_take(rxq, cons++, 1, &len);

			used--;
			if (unlikely(seg == NULL)) {
				bad = true;
				continue;
			}
			seg->data_off = RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE;
			seg->data_len = (uint16_t)len;
			seg->nb_segs = 1;
			seg->next = NULL;
			last->next = seg;
			last = seg;
			m->nb_segs++;
			m->pkt_len += len;
		}
		/* a chain is handed up only to an application that asked for scatter */
		if (unlikely(bad || (nbuf > 1 && !rxq->scatter))) {
			rxq->errors++;
			rte_pktmbuf_free(m);
			continue;
		}
		m->port = rxq->port_id;
		m->ol_flags = 0;
		m->packet_type = 0;
		m->vlan_tci = 0;
		if (rxq->guest_csum)
			rx_csum_flags(rxq, m, rx_hdr(m));
		pkts[nb_rx++] = m;
		rxq->bytes += m->pkt_len;
	}
	vq->used_cons = cons;
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
	txq->nb_free = vq->size;
	/* 2.6.7: completions are reaped by polling, no interrupt wanted */
	virtq_used_notify_set(vq, false);
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
		uint32_t id = vq->used->ring[cons & vq->mask].id;
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

/* The header fits in front of the frame: one descriptor (5.1.6.2, 2.6.4 framing). */
static inline bool
tx_can_prepend(const struct rte_mbuf *m)
{
	return m->nb_segs == 1 && rte_mbuf_refcnt_read(m) == 1 && RTE_MBUF_DIRECT(m) &&
	       rte_pktmbuf_headroom(m) >= VIRTIO_HDR_SIZE;
}

/*
 * 5.1.6.2: the header of a frame. With VIRTIO_NET_F_CSUM a TCP or UDP
 * checksum request (RTE_MBUF_F_TX_TCP_CKSUM/UDP_CKSUM, l2_len, l3_len,
 * the pseudo-header sum in the field, as for any DPDK NIC) becomes
 * NEEDS_CSUM; -EINVAL when the field would lie outside the frame.
 */
static inline int
tx_hdr_fill(const struct virtio_txq *txq, const struct rte_mbuf *m, struct virtio_net_hdr *h)
{
	uint64_t l4 = m->ol_flags & RTE_MBUF_F_TX_L4_MASK;

	memset(h, 0, sizeof(*h));	/* GSO_NONE */
	if (!txq->csum || (l4 != RTE_MBUF_F_TX_TCP_CKSUM && l4 != RTE_MBUF_F_TX_UDP_CKSUM))
		return 0;
	h->csum_start = (uint16_t)(m->l2_len + m->l3_len);
	h->csum_offset = l4 == RTE_MBUF_F_TX_TCP_CKSUM ? offsetof(struct rte_tcp_hdr, cksum) :
			 offsetof(struct rte_udp_hdr, dgram_cksum);
	if ((uint32_t)h->csum_start + h->csum_offset + sizeof(uint16_t) > m->pkt_len)
		return -EINVAL;
	h->flags = VIRTIO_NET_HDR_F_NEEDS_CSUM;
	return 0;
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

		if (unlikely(tx_hdr_fill(txq, m, &hdr) != 0)) {
			txq->errors++;
			rte_pktmbuf_free(m);
			continue;
		}
		if (unlikely(need > txq->nb_free)) {
			tx_reclaim(txq);
			if (need > txq->nb_free) {
				if (need > vq->size) {	/* can never fit: drop it */
					txq->errors++;
					rte_pktmbuf_free(m);
					continue;
				}
				break;
			}
		}
		head = txq->free_head;	/* after any reclaim above, which moves it */
		if (prepend) {
			memcpy(rte_pktmbuf_prepend(m, VIRTIO_HDR_SIZE), &hdr, sizeof(hdr));
			vq->desc[head].addr = rte_mbuf_data_iova(m);
			vq->desc[head].len = m->data_len;
			vq->desc[head].flags = 0;
			last = head;
		} else {
			/* the header from the queue's table, then one descriptor a segment */
			txq->hdrs[head] = hdr;
			vq->desc[head].addr = txq->hdrs_iova + (rte_iova_t)head * VIRTIO_HDR_SIZE;
			vq->desc[head].len = VIRTIO_HDR_SIZE;
			vq->desc[head].flags = VRING_DESC_F_NEXT;
			vq->desc[head].next = txq->next[head];
			last = head;
			idx = txq->next[head];
			for (struct rte_mbuf *seg = m; seg != NULL; seg = seg->next) {
				vq->desc[idx].addr = rte_mbuf_data_iova(seg);
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
