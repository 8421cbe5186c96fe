/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio fast-path pieces that do not depend on the ring kind: the
 * virtio-net header of a frame (virtio 1.1 5.1.6) and the checksum
 * offloads it carries, shared by split (virtio_rxtx.c) and packed
 * (virtio_rxtx_packed.c) queues.
 */
#ifndef _VIRTIO_RXTX_H_
#define _VIRTIO_RXTX_H_

#include <string.h>

#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "virtqueue.h"

#define VIRTIO_HDR_SIZE ((uint16_t)sizeof(struct virtio_net_hdr))
static_assert(RTE_PKTMBUF_HEADROOM >= sizeof(struct virtio_net_hdr),
	      "the Rx header is written into the mbuf headroom");

/* 5.1.6.4: the device wrote the header at the start of the first buffer */
static inline const struct virtio_net_hdr *
rx_hdr(const struct rte_mbuf *m)
{
	return (const struct virtio_net_hdr *)((const uint8_t *)m->buf_addr +
					       RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE);
}

/* 5.1.6.4.2 num_buffers of a frame's first buffer, loaded once: the device wrote it */
static inline uint16_t
rx_hdr_num_buffers(const struct rte_mbuf *m)
{
	return ((const volatile struct virtio_net_hdr *)rx_hdr(m))->num_buffers;
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
 * Takes back the next used buffer at the ring cursor cur (moving it on):
 * NULL when the device named no buffer of ours or a length outside
 * [min, what the buffer offers]; *len is what the device wrote.
 */
typedef struct rte_mbuf *(*virtio_rx_take_t)(struct virtio_rxq *rxq, void *cur, uint32_t min,
					     uint32_t *len);

/*
 * 5.1.6.4 Processing of Incoming Packets: one frame of nbuf used buffers
 * (5.1.6.4.2 with MRG_RXBUF: the first starts with the header, the others
 * hold data from their first byte), taken through take so split and packed
 * rings share it. Consumes exactly nbuf buffers; NULL, counted in errors,
 * when one is bad, bad is set, or a chain would go to an application that
 * did not ask for scatter. Inlined with take known, so no indirect call.
 */
static __rte_always_inline struct rte_mbuf *
rx_frame_build(struct virtio_rxq *rxq, virtio_rx_take_t take, void *cur, uint16_t nbuf, bool bad)
{
	struct rte_mbuf *m, *last;
	uint32_t len;

	m = take(rxq, cur, VIRTIO_HDR_SIZE + 1, &len);
	if (unlikely(m == NULL)) {
		/* the frame's other buffers go back too, unread */
		for (uint16_t k = 1; k < nbuf; k++) {
			struct rte_mbuf *seg = take(rxq, cur, 0, &len);

			if (seg != NULL)
				rte_mbuf_raw_free(seg);
		}
		rxq->errors++;
		return NULL;
	}
	len -= VIRTIO_HDR_SIZE;
	m->data_off = RTE_PKTMBUF_HEADROOM;
	m->data_len = (uint16_t)len;
	m->pkt_len = len;
	m->nb_segs = 1;
	m->next = NULL;
	last = m;
	for (uint16_t k = 1; k < nbuf; k++) {
		struct rte_mbuf *seg = take(rxq, cur, 1, &len);

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
	if (unlikely(bad || (nbuf > 1 && !rxq->scatter))) {
		rxq->errors++;
		rte_pktmbuf_free(m);
		return NULL;
	}
	m->port = rxq->port_id;
	m->ol_flags = 0;
	m->packet_type = 0;
	m->vlan_tci = 0;
	if (rxq->guest_csum)
		rx_csum_flags(rxq, m, rx_hdr(m));
	rxq->bytes += m->pkt_len;
	return m;
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

enum { TX_ADMIT_OK, TX_ADMIT_DROP, TX_ADMIT_FULL };

/*
 * Whether frame m, of need descriptors, goes out now: its header filled
 * in (5.1.6.2) and room for it, after reclaim when short. TX_ADMIT_DROP
 * when it never can (bad checksum request, longer than the ring): freed
 * and counted; TX_ADMIT_FULL when the ring is full for now.
 */
static __rte_always_inline int
tx_admit(struct virtio_txq *txq, struct rte_mbuf *m, uint16_t need, struct virtio_net_hdr *hdr,
	 void (*reclaim)(struct virtio_txq *txq))
{
	if (unlikely(tx_hdr_fill(txq, m, hdr) != 0))
		goto drop;
	if (unlikely(need > txq->nb_free)) {
		reclaim(txq);
		if (need > txq->nb_free) {
			if (need <= txq->vq.size)
				return TX_ADMIT_FULL;
			goto drop;	/* can never fit */
		}
	}
	return TX_ADMIT_OK;
drop:
	txq->errors++;
	rte_pktmbuf_free(m);
	return TX_ADMIT_DROP;
}

#endif /* _VIRTIO_RXTX_H_ */
