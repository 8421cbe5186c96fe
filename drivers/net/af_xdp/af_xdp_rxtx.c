/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_xdp fast path. The four rings are single-producer single-consumer
 * rings shared with the kernel; libxdp's xsk_ring_* inlines carry the
 * acquire/release ordering on their producer and consumer words. Every
 * descriptor the kernel writes is untrusted: its address and length are
 * bounded by the UMEM before a byte is read. No other lcore touches a queue.
 *
 * With a mempool UMEM the rings carry mbufs: Rx hands up the mbuf the
 * kernel wrote into and puts a fresh one in the fill ring; Tx puts the
 * pool's own mbufs on the ring as they are and frees them when they come
 * back on the completion ring.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <rte_branch_prediction.h>
#include <rte_memcpy.h>

#include "af_xdp.h"

/* The start of the frame that holds addr (aligned chunks). */
static inline uint64_t
afx_frame_base(uint64_t addr)
{
	return addr & ~(uint64_t)(AFX_FRAME_SIZE - 1);
}

static inline void
afx_kick(int fd)
{
	/* a failed kick leaves the ring as it is; the next burst kicks again */
	(void)sendto(fd, NULL, 0, MSG_DONTWAIT, NULL, 0);
}

static inline void
afx_rx_wakeup(const struct afx_rx_queue *q)
{
	(void)recvfrom(q->fd, NULL, 0, MSG_DONTWAIT, NULL, NULL);
}

/*
 * Take up to nb Rx descriptors, with as many fresh mbufs of mp in m and as
 * many fill ring slots; 0 (descriptors left for the next call) if either
 * is short.
 */
static inline uint32_t
afx_rx_take(struct afx_rx_queue *q, struct rte_mempool *mp, struct rte_mbuf **m, uint32_t nb,
	    uint32_t *idx_rx, uint32_t *idx_fq)
{
	uint32_t n = xsk_ring_cons__peek(&q->rx, nb, idx_rx);

	if (n == 0)
		return 0;
	if (unlikely(rte_pktmbuf_alloc_bulk(mp, m, n) != 0)) {
		xsk_ring_cons__cancel(&q->rx, n);
		q->nombuf += n;
		return 0;
	}
	/* each frame taken from Rx puts one in the fill ring, which has room for all */
	if (unlikely(xsk_ring_prod__reserve(&q->fq, n, idx_fq) != n)) {
		xsk_ring_cons__cancel(&q->rx, n);
		rte_pktmbuf_free_bulk(m, n);
		q->errs += n;
		return 0;
	}
	return n;
}

/* Mempool UMEM: the filled mbufs go up, fresh ones take their place in the fill ring. */
static uint16_t
afx_rx_burst_mp(struct afx_rx_queue *q, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	const struct afx_mp_umem *u = q->mpu;
	struct rte_mbuf *fresh[AFX_RX_BURST_MAX];
	uint32_t idx_rx = 0, idx_fq = 0, i, n;
	uint16_t nb_rx = 0;
	uint64_t bytes = 0;

	n = afx_rx_take(q, u->mp, fresh, RTE_MIN(nb_pkts, AFX_RX_BURST_MAX), &idx_rx, &idx_fq);
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		const struct xdp_desc *d = xsk_ring_cons__rx_desc(&q->rx, idx_rx + i);
		uint64_t addr = d->addr;
		uint32_t len = d->len;
		uint64_t off = xsk_umem__extract_offset(addr);
		struct rte_mbuf *m = afx_chunk_to_mbuf(u, addr);

		*xsk_ring_prod__fill_addr(&q->fq, idx_fq + i) = afx_mbuf_to_chunk(u, fresh[i]);
		/* the packet must lie in the mbuf's data room */
		if (unlikely(m == NULL)) {
			q->errs++;
			continue;
		}
		if (unlikely(len == 0 || off < u->headroom ||
			     off - u->headroom + len > m->buf_len)) {
			q->errs++;
			rte_pktmbuf_free(m);
			continue;
		}
		m->data_off = (uint16_t)(off - u->headroom);
		m->data_len = (uint16_t)len;
		m->pkt_len = len;
		m->port = q->port_id;
		bufs[nb_rx++] = m;
		bytes += len;
	}
	xsk_ring_cons__release(&q->rx, n);
	xsk_ring_prod__submit(&q->fq, n);
	if (xsk_ring_prod__needs_wakeup(&q->fq))
		afx_rx_wakeup(q);
	q->pkts += nb_rx;
	q->bytes += bytes;
	return nb_rx;
}

uint16_t
afx_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afx_rx_queue *q = queue;
	uint32_t idx_rx = 0, idx_fq = 0, i, n;
	uint16_t nb_rx = 0;
	uint64_t bytes = 0;

	if (q->busy_poll || xsk_ring_prod__needs_wakeup(&q->fq))
		afx_rx_wakeup(q);
	if (q->mpu != NULL)
		return afx_rx_burst_mp(q, bufs, nb_pkts);
	n = afx_rx_take(q, q->mb_pool, bufs, nb_pkts, &idx_rx, &idx_fq);
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		const struct xdp_desc *d = xsk_ring_cons__rx_desc(&q->rx, idx_rx + i);
		uint64_t addr = xsk_umem__extract_addr(d->addr) + xsk_umem__extract_offset(d->addr);
		uint32_t len = d->len;
		struct rte_mbuf *m = bufs[nb_rx];

		*xsk_ring_prod__fill_addr(&q->fq, idx_fq + i) = afx_frame_base(addr);
		/* the packet must lie inside the one frame it was put in */
		if (unlikely(len == 0 || addr + len > afx_frame_base(addr) + AFX_FRAME_SIZE ||
			     addr >= (uint64_t)AFX_NB_FRAMES * AFX_FRAME_SIZE ||
			     len > rte_pktmbuf_tailroom(m))) {
			q->errs++;
			continue;
		}
		rte_memcpy(rte_pktmbuf_mtod(m, void *), q->umem_area + addr, len);
		m->data_len = (uint16_t)len;
		m->pkt_len = len;
		m->port = q->port_id;
		bytes += len;
		nb_rx++;
	}
	xsk_ring_cons__release(&q->rx, n);
	xsk_ring_prod__submit(&q->fq, n);
	if (xsk_ring_prod__needs_wakeup(&q->fq))
		afx_rx_wakeup(q);
	if (unlikely(nb_rx < n))
		rte_pktmbuf_free_bulk(&bufs[nb_rx], n - nb_rx);
	q->pkts += nb_rx;
	q->bytes += bytes;
	return nb_rx;
}

/* Frames the kernel has sent come back on the completion ring. */
static void
afx_tx_complete(struct afx_tx_queue *q)
{
	uint32_t idx = 0, i, n;

	n = xsk_ring_cons__peek(&q->cq, AFX_RING_SIZE, &idx);
	for (i = 0; i < n; i++) {
		uint64_t addr = *xsk_ring_cons__comp_addr(&q->cq, idx + i);

		if (q->mpu != NULL) {
			struct rte_mbuf *m = afx_chunk_to_mbuf(q->mpu, addr);

			/* an address that is no mbuf of the pool is left alone */
			if (likely(m != NULL))
				rte_pktmbuf_free_seg(m);
			continue;
		}
		/* only addresses we handed out can come back; anything else is dropped */
		if (likely(q->nb_free < AFX_RING_SIZE &&
			   addr < (uint64_t)AFX_NB_FRAMES * AFX_FRAME_SIZE))
			q->free_frames[q->nb_free++] = afx_frame_base(addr);
	}
	if (n > 0)
		xsk_ring_cons__release(&q->cq, n);
}

/* Copy a packet, chained or not, into a frame. */
static void
afx_mbuf_copy(const struct rte_mbuf *m, uint8_t *dst)
{
	for (; m != NULL; m = m->next) {
		rte_memcpy(dst, rte_pktmbuf_mtod(m, const void *), m->data_len);
		dst += m->data_len;
	}
}

/*
 * The pool mbuf that carries m on the ring: m itself when it is a lone
 * segment of the UMEM's pool that nobody else holds, else a copy (m is
 * then freed). NULL when no mbuf is left or m does not fit one.
 */
static inline struct rte_mbuf *
afx_tx_mbuf_get(const struct afx_mp_umem *u, struct rte_mbuf *m)
{
	struct rte_mbuf *c;

	if (likely(m->pool == u->mp && m->nb_segs == 1 && rte_mbuf_refcnt_read(m) == 1 &&
		   RTE_MBUF_DIRECT(m)))
		return m;
	if (m->pkt_len + RTE_PKTMBUF_HEADROOM > rte_pktmbuf_data_room_size(u->mp))
		return NULL;
	c = rte_pktmbuf_alloc(u->mp);
	if (c == NULL)
		return NULL;
	afx_mbuf_copy(m, rte_pktmbuf_mtod(c, uint8_t *));
	c->data_len = (uint16_t)m->pkt_len;
	c->pkt_len = m->pkt_len;
	rte_pktmbuf_free(m);
	return c;
}

/* Mempool UMEM: the mbufs go on the ring in place, afx_tx_complete frees them. */
static uint16_t
afx_tx_burst_mp(struct afx_tx_queue *q, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	const struct afx_mp_umem *u = q->mpu;
	uint32_t idx = 0, nb_slots, i, nb_tx = 0;
	uint64_t bytes = 0;

	nb_slots = xsk_ring_prod__reserve(&q->tx, nb_pkts, &idx);
	for (i = 0; i < nb_slots; i++) {
		struct rte_mbuf *m = bufs[i];
		struct xdp_desc *d;
		uint64_t chunk;

		if (unlikely(m->pkt_len > AFX_PKT_MAX)) {
			rte_pktmbuf_free(m);
			q->errs++;
			continue;
		}
		m = afx_tx_mbuf_get(u, m);
		if (unlikely(m == NULL)) {
			/* bufs[i] stays the caller's: stop here */
			break;
		}
		chunk = afx_mbuf_to_chunk(u, m);
		d = xsk_ring_prod__tx_desc(&q->tx, idx + nb_tx);
		/* unaligned chunks: the data's offset in the chunk rides in the top bits */
		d->addr = chunk |
			  ((uint64_t)(u->headroom + m->data_off) << XSK_UNALIGNED_BUF_OFFSET_SHIFT);
		d->len = m->pkt_len;
		d->options = 0;
		bytes += m->pkt_len;
		nb_tx++;
	}
	q->tx.cached_prod -= nb_slots - nb_tx;
	if (nb_tx > 0)
		xsk_ring_prod__submit(&q->tx, nb_tx);
	if (nb_tx > 0 || xsk_ring_prod__needs_wakeup(&q->tx))
		afx_kick(q->fd);
	q->pkts += nb_tx;
	q->bytes += bytes;
	return (uint16_t)i;
}

uint16_t
afx_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afx_tx_queue *q = queue;
	uint32_t idx = 0, nb_slots, i, nb_tx = 0, errs = 0;
	uint64_t bytes = 0;

	afx_tx_complete(q);
	if (q->mpu != NULL)
		return afx_tx_burst_mp(q, bufs, nb_pkts);
	nb_slots = RTE_MIN((uint32_t)nb_pkts, q->nb_free);
	nb_slots = xsk_ring_prod__reserve(&q->tx, nb_slots, &idx);
	/* an oversized packet is dropped and its slot goes to the next one */
	for (i = 0; i < nb_pkts && nb_tx < nb_slots; i++) {
		struct rte_mbuf *m = bufs[i];
		struct xdp_desc *d;

		if (unlikely(m->pkt_len > AFX_PKT_MAX)) {
			errs++;
			continue;
		}
		d = xsk_ring_prod__tx_desc(&q->tx, idx + nb_tx);
		d->addr = q->free_frames[--q->nb_free];
		d->len = m->pkt_len;
		d->options = 0;
		afx_mbuf_copy(m, q->umem_area + d->addr);
		bytes += m->pkt_len;
		nb_tx++;
	}
	/*
	 * Give back the slots left unused: reserve only moved our cached
	 * producer index, which the kernel never sees before submit.
	 */
	q->tx.cached_prod -= nb_slots - nb_tx;
	if (nb_tx > 0)
		xsk_ring_prod__submit(&q->tx, nb_tx);
	/* copy mode sends only on a kick; zero-copy asks for one when it needs it */
	if (nb_tx > 0 || xsk_ring_prod__needs_wakeup(&q->tx))
		afx_kick(q->fd);
	if (i > 0)
		rte_pktmbuf_free_bulk(bufs, i);
	q->pkts += nb_tx;
	q->bytes += bytes;
	q->errs += errs;
	return (uint16_t)i;
}
