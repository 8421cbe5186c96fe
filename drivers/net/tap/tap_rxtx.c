/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap fast path: one read() per received frame, one write()/writev()
 * per sent one; the fds are non-blocking. A queue has one owner lcore.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/uio.h>

#include <rte_branch_prediction.h>
#include <rte_memcpy.h>

#include "tap.h"

/* Copy the part of a frame past the first mbuf into new segments. */
static int
tap_rx_chain(struct tap_rx_queue *q, struct rte_mbuf *head, const uint8_t *src, uint32_t len)
{
	struct rte_mbuf *tail = head;

	while (len > 0) {
		struct rte_mbuf *seg = rte_pktmbuf_alloc(q->mb_pool);
		uint32_t n;

		if (seg == NULL)
			return -ENOMEM;
		n = RTE_MIN(len, (uint32_t)rte_pktmbuf_tailroom(seg));
		rte_memcpy(rte_pktmbuf_mtod(seg, void *), src, n);
		seg->data_len = (uint16_t)n;
		tail->next = seg;
		tail = seg;
		head->nb_segs++;
		head->pkt_len += n;
		src += n;
		len -= n;
	}
	return 0;
}

uint16_t
tap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct tap_rx_queue *q = queue;
	uint16_t nb_rx = 0;
	uint64_t bytes = 0;

	while (nb_rx < nb_pkts) {
		struct rte_mbuf *m;
		struct iovec iov[2];
		uint32_t room;
		ssize_t n;

		if (q->stash_n == 0) {
			if (unlikely(rte_pktmbuf_alloc_bulk(q->mb_pool, q->stash,
							    TAP_RX_STASH) != 0)) {
				q->nombuf++;
				break;
			}
			q->stash_n = TAP_RX_STASH;
		}
		m = q->stash[q->stash_n - 1];
		room = rte_pktmbuf_tailroom(m);
		iov[0].iov_base = rte_pktmbuf_mtod(m, void *);
		iov[0].iov_len = room;
		iov[1].iov_base = q->spill;
		iov[1].iov_len = TAP_MAX_FRAME;
		n = readv(q->fd, iov, 2);
		if (n <= 0)
			break;	/* EAGAIN: nothing more; the mbuf stays stashed */
		if (unlikely((size_t)n > room)) {
			if (!q->scatter) {
				q->errs++;
				continue;
			}
			m->data_len = (uint16_t)room;
			m->pkt_len = room;
			if (tap_rx_chain(q, m, q->spill, (uint32_t)n - room) != 0) {
				rte_pktmbuf_free(m->next);
				m->next = NULL;
				m->nb_segs = 1;
				m->data_len = 0;
				m->pkt_len = 0;
				q->nombuf++;
				continue;
			}
		} else {
			m->data_len = (uint16_t)n;
			m->pkt_len = (uint32_t)n;
		}
		q->stash_n--;
		m->port = q->port_id;
		tap_rx_ptype(m);
		if (q->csum)
			tap_rx_cksum(m);
		bytes += m->pkt_len;
		bufs[nb_rx++] = m;
	}
	q->pkts += nb_rx;
	q->bytes += bytes;
	return nb_rx;
}

uint16_t
tap_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct tap_tx_queue *q = queue;
	uint64_t bytes = 0;
	uint32_t errs = 0, sent = 0;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i];
		ssize_t n;

		if (unlikely(tap_tx_cksum(m) != 0)) {
			errs++;
			continue;
		}
		if (likely(m->nb_segs == 1)) {
			n = write(q->fd, rte_pktmbuf_mtod(m, const void *), m->data_len);
		} else if (m->nb_segs <= TAP_TX_MAX_SEGS) {
			struct iovec iov[TAP_TX_MAX_SEGS];
			const struct rte_mbuf *s = m;
			int k;

			for (k = 0; s != NULL && k < TAP_TX_MAX_SEGS; k++, s = s->next) {
				iov[k].iov_base = rte_pktmbuf_mtod(s, void *);
				iov[k].iov_len = s->data_len;
			}
			n = writev(q->fd, iov, k);
		} else {
			errs++;
			continue;
		}
		if (unlikely(n < 0)) {
			if (errno == EAGAIN)
				break;	/* the kernel's queue is full: the caller keeps the rest */
			errs++;		/* e.g. EIO while the interface is down */
			continue;
		}
		sent++;
		bytes += m->pkt_len;
	}
	/* every mbuf taken was written out or dropped */
	if (i > 0)
		rte_pktmbuf_free_bulk(bufs, i);
	q->pkts += sent;
	q->bytes += bytes;
	q->errs += errs;
	return i;
}
