/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet fast path. A frame slot belongs to whoever its tp_status
 * says (Documentation/networking/packet_mmap.rst): Rx slots are ours while
 * TP_STATUS_USER is set, Tx slots while TP_STATUS_AVAILABLE. The status
 * word is the only thing shared with the kernel; the acquire loads and
 * release stores on it order the frame contents against the kernel's
 * barriers, and are plain moves on x86. No other lcore touches a queue.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_memcpy.h>

#include <mbuf_append.h>

#include "af_packet.h"

static inline struct tpacket2_hdr *
afp_frame(uint8_t *const *frames, uint32_t idx)
{
	return (struct tpacket2_hdr *)(void *)frames[idx];
}

/* Fill m from a frame that needs a segment chain or a VLAN tag put back. */
static __rte_noinline int
afp_rx_fill_slow(struct afp_rx_queue *q, struct rte_mbuf *m, const uint8_t *pkt,
		 uint32_t len, const struct tpacket2_hdr *h)
{
	struct rte_mbuf *tail = m;
	uint8_t tag[4];
	int ret;

	if ((h->tp_status & TP_STATUS_VLAN_VALID) && !q->vlan_strip && len >= 12) {
		uint16_t tpid = (h->tp_status & TP_STATUS_VLAN_TPID_VALID) ?
			h->tp_vlan_tpid : RTE_ETHER_TYPE_VLAN;

		/* the kernel took the tag out (VLAN acceleration); DPDK puts it back */
		tag[0] = tpid >> 8;
		tag[1] = tpid & 0xff;
		tag[2] = h->tp_vlan_tci >> 8;
		tag[3] = h->tp_vlan_tci & 0xff;
		ret = mbuf_append_copy(m, &tail, pkt, 12, q->mb_pool);
		if (ret == 0)
			ret = mbuf_append_copy(m, &tail, tag, sizeof(tag), q->mb_pool);
		if (ret == 0)
			ret = mbuf_append_copy(m, &tail, pkt + 12, len - 12, q->mb_pool);
	} else {
		ret = mbuf_append_copy(m, &tail, pkt, len, q->mb_pool);
	}
	if (ret != 0)
		return ret;
	if (m->nb_segs > 1 && !q->scatter)
		return -EMSGSIZE;
	return 0;
}

uint16_t
afp_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afp_rx_queue *q = queue;
	uint8_t *const *frames = q->frames;
	const uint32_t cnt = q->frame_cnt;
	uint32_t idx = q->frame_idx;
	uint16_t n, i, nb_rx = 0;
	uint64_t bytes = 0;

	/* Count the ready frames first so that the mbufs come in one bulk get. */
	for (n = 0; n < nb_pkts; n++) {
		struct tpacket2_hdr *h = afp_frame(frames, idx);

		/* acquire: pairs with the kernel's smp_wmb before it sets TP_STATUS_USER */
		if (!(__atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER))
			break;
		if (++idx == cnt)
			idx = 0;
	}
	if (n == 0)
		return 0;
	if (unlikely(rte_pktmbuf_alloc_bulk(q->mb_pool, bufs, n) != 0)) {
		/* the frames stay in the ring for the next call */
		q->nombuf += n;
		return 0;
	}

	idx = q->frame_idx;
	for (i = 0; i < n; i++) {
		struct tpacket2_hdr *h = afp_frame(frames, idx);
		struct rte_mbuf *m = bufs[nb_rx];
		uint32_t len = h->tp_snaplen;
		uint32_t off = h->tp_mac;
		const uint8_t *pkt = (const uint8_t *)h + off;

		/* untrusted: the packet must lie inside its frame and be whole */
		if (unlikely(off >= q->frame_size || len > q->frame_size - off ||
			     len != h->tp_len || len == 0)) {
			q->errs++;
			goto release;
		}
		if (likely(!(h->tp_status & TP_STATUS_VLAN_VALID) &&
			   len <= rte_pktmbuf_tailroom(m))) {
			rte_memcpy(rte_pktmbuf_mtod(m, void *), pkt, len);
			m->data_len = (uint16_t)len;
			m->pkt_len = len;
		} else {
			if ((h->tp_status & TP_STATUS_VLAN_VALID) && q->vlan_strip) {
				m->vlan_tci = h->tp_vlan_tci;
				m->ol_flags |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
			}
			if (afp_rx_fill_slow(q, m, pkt, len, h) != 0) {
				/* keep the head for the next frame, drop what was chained */
				if (m->next != NULL)
					rte_pktmbuf_free(m->next);
				m->next = NULL;
				m->nb_segs = 1;
				m->data_len = 0;
				m->pkt_len = 0;
				m->ol_flags = 0;
				q->errs++;
				goto release;
			}
		}
		m->port = q->port_id;
		bytes += m->pkt_len;
		nb_rx++;
release:
		/* release: our reads of the frame are done before the kernel reuses it */
		__atomic_store_n(&h->tp_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
		if (++idx == cnt)
			idx = 0;
	}
	q->frame_idx = idx;
	if (unlikely(nb_rx < n))
		rte_pktmbuf_free_bulk(&bufs[nb_rx], n - nb_rx);
	q->pkts += nb_rx;
	q->bytes += bytes;
	return nb_rx;
}

/* Copy len bytes of m from offset off into dst, walking the chain. */
static void
afp_mbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *dst)
{
	while (off >= m->data_len) {
		off -= m->data_len;
		m = m->next;
	}
	while (len > 0) {
		uint32_t n = RTE_MIN((uint32_t)m->data_len - off, len);

		rte_memcpy(dst, rte_pktmbuf_mtod_offset(m, const uint8_t *, off), n);
		dst += n;
		len -= n;
		off = 0;
		m = m->next;
	}
}

/* Chains and VLAN insertion; returns the frame length written. */
static __rte_noinline uint32_t
afp_tx_fill_slow(const struct rte_mbuf *m, uint8_t *dst)
{
	if (m->ol_flags & RTE_MBUF_F_TX_VLAN) {
		afp_mbuf_read(m, 0, 12, dst);
		dst[12] = RTE_ETHER_TYPE_VLAN >> 8;
		dst[13] = RTE_ETHER_TYPE_VLAN & 0xff;
		dst[14] = m->vlan_tci >> 8;
		dst[15] = m->vlan_tci & 0xff;
		afp_mbuf_read(m, 12, m->pkt_len - 12, dst + 16);
		return m->pkt_len + 4;
	}
	afp_mbuf_read(m, 0, m->pkt_len, dst);
	return m->pkt_len;
}

uint16_t
afp_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afp_tx_queue *q = queue;
	uint8_t *const *frames = q->frames;
	const uint32_t cnt = q->frame_cnt;
	uint32_t idx = q->frame_idx;
	uint16_t i, nb_tx = 0;
	uint64_t bytes = 0;
	uint32_t errs = 0;

	for (i = 0; i < nb_pkts; i++) {
		struct tpacket2_hdr *h = afp_frame(frames, idx);
		struct rte_mbuf *m = bufs[i];
		uint8_t *dst = (uint8_t *)h + AFP_TX_DATA_OFF;
		uint32_t vlan = (m->ol_flags & RTE_MBUF_F_TX_VLAN) ? 4 : 0;
		uint32_t len;

		/* acquire: the kernel is done with the frame (tpacket_destruct_skb) */
		if (__atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) != TP_STATUS_AVAILABLE)
			break;	/* ring full: the caller keeps bufs[i..] */
		if (unlikely(m->pkt_len + vlan > q->data_max ||
			     (vlan != 0 && m->pkt_len < 12))) {
			errs++;
			continue;
		}
		if (likely(m->nb_segs == 1 && vlan == 0)) {
			len = m->data_len;
			rte_memcpy(dst, rte_pktmbuf_mtod(m, const void *), len);
		} else {
			len = afp_tx_fill_slow(m, dst);
		}
		h->tp_len = len;
		h->tp_snaplen = len;
		/* release: the frame is written before the kernel may send it */
		__atomic_store_n(&h->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
		if (++idx == cnt)
			idx = 0;
		bytes += len;
		nb_tx++;
	}
	q->frame_idx = idx;
	/* every mbuf taken is copied out or dropped: one bulk free */
	if (i > 0)
		rte_pktmbuf_free_bulk(bufs, i);

	/*
	 * One kick a burst. ENOBUFS/EAGAIN leave the rest queued in the ring
	 * for the next kick; other errors (interface down) mean not sent now.
	 * A full ring is kicked too: it may hold frames an earlier kick left.
	 */
	if ((nb_tx > 0 || i < nb_pkts) &&
	    sendto(q->fd, NULL, 0, MSG_DONTWAIT, NULL, 0) < 0 &&
	    errno != ENOBUFS && errno != EAGAIN) {
		errs += nb_tx;
		nb_tx = 0;
		bytes = 0;
	}
	q->pkts += nb_tx;
	q->bytes += bytes;
	q->errs += errs;
	return i;
}
