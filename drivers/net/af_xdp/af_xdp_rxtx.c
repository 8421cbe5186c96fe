/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_xdp fast path. The four rings are single-producer single-consumer
 * rings shared with the kernel; libxdp's xsk_ring_* inlines carry the
 * acquire/release ordering on their producer and consumer words. Every
 * descriptor the kernel writes is untrusted: its address and length are
 * bounded by the UMEM before a byte is read. No other lcore touches a queue.
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

uint16_t
afx_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afx_rx_queue *q = queue;
	uint32_t idx_rx = 0, idx_fq = 0, i, n;
	uint16_t nb_rx = 0;
	uint64_t bytes = 0;

	if (q->busy_poll || xsk_ring_prod__needs_wakeup(&q->fq))
		(void)recvfrom(q->fd, NULL, 0, MSG_DONTWAIT, NULL, NULL);
	n = xsk_ring_cons__peek(&q->rx, nb_pkts, &idx_rx);
	if (n == 0)
		return 0;
	if (unlikely(rte_pktmbuf_alloc_bulk(q->mb_pool, bufs, n) != 0)) {
		/* leave the descriptors for the next call */
		xsk_ring_cons__cancel(&q->rx, n);
		q->nombuf += n;
		return 0;
	}
	/* every frame taken from Rx goes back to the fill ring, which has room for all */
	if (unlikely(xsk_ring_prod__reserve(&q->fq, n, &idx_fq) != n)) {
		xsk_ring_cons__cancel(&q->rx, n);
		rte_pktmbuf_free_bulk(bufs, n);
		q->errs += n;
		return 0;
	}
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
		(void)recvfrom(q->fd, NULL, 0, MSG_DONTWAIT, NULL, NULL);
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

uint16_t
afx_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afx_tx_queue *q = queue;
	uint32_t idx = 0, nb_slots, i, nb_tx = 0, errs = 0;
	uint64_t bytes = 0;

	afx_tx_complete(q);
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
