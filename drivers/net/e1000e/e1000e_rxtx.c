/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em fast path: legacy descriptors (SDM 3.2 receive, 3.3
 * transmit; DS 7.1, 7.2). One lcore owns a queue: no locks, no atomics.
 * Everything the device writes back (length, status, errors) is checked
 * before it is used.
 */
#include <string.h>

#include <rte_atomic.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>

#include "e1000e.h"

static inline uint16_t
ring_next(uint16_t i, uint16_t n)
{
	return (uint16_t)(i + 1 == n ? 0 : i + 1);
}

/* Give descriptor i the buffer of m: the device writes at buf_iova + headroom. */
static inline void
rx_desc_arm(volatile struct e1000_rx_desc *d, struct rte_mbuf *m)
{
	d->buffer_addr = rte_mbuf_data_iova_default(m);
	/* clears length, csum, status and errors in one store: DD must read 0 */
	*(volatile uint64_t *)((volatile uint8_t *)d + 8) = 0;
}

/* SDM 3.2.7: every descriptor gets a buffer; RDT = N - 1 keeps one back (RDH == RDT means empty). */
int
e1000e_rx_ring_fill(struct e1000e_rx_queue *rxq)
{
	uint16_t i;

	if (rte_mempool_get_bulk(rxq->mp, (void **)rxq->sw_ring, rxq->nb_desc) != 0)
		return -ENOMEM;
	for (i = 0; i < rxq->nb_desc; i++)
		rx_desc_arm(&rxq->ring[i], rxq->sw_ring[i]);
	rxq->tail = 0;
	rxq->nb_hold = 0;
	rxq->pkt_first = rxq->pkt_last = NULL;
	rxq->pkt_bad = false;
	return 0;
}

void
e1000e_rx_ring_drain(struct e1000e_rx_queue *rxq)
{
	uint16_t i;

	if (rxq->sw_ring == NULL)
		return;
	for (i = 0; i < rxq->nb_desc; i++) {
		if (rxq->sw_ring[i] != NULL)
			rte_mbuf_raw_free(rxq->sw_ring[i]);
		rxq->sw_ring[i] = NULL;
	}
	rte_pktmbuf_free(rxq->pkt_first);
	rxq->pkt_first = rxq->pkt_last = NULL;
	rxq->nb_hold = 0;
	rxq->tail = 0;
}

/*
 * Refill the nb_hold descriptors behind tail in one go, then move RDT to
 * the last of them (SDM 3.2.6: the device owns RDH .. RDT - 1). Nothing
 * changes when the pool is short; the next burst tries again. nb_hold is
 * below nb_desc (e1000e_recv_pkts takes no more), so start is in the ring.
 */
static inline void
rx_refill(struct e1000e_rx_queue *rxq)
{
	uint16_t n = rxq->nb_hold, start, first_part;

	start = (uint16_t)(rxq->tail >= n ? rxq->tail - n : rxq->tail + rxq->nb_desc - n);
	first_part = (uint16_t)RTE_MIN(n, rxq->nb_desc - start);
	if (rte_mempool_get_bulk(rxq->mp, (void **)&rxq->sw_ring[start], first_part) != 0) {
		rxq->nombuf++;
		return;
	}
	if (first_part < n &&
	    rte_mempool_get_bulk(rxq->mp, (void **)rxq->sw_ring, n - first_part) != 0) {
		rte_mempool_put_bulk(rxq->mp, (void **)&rxq->sw_ring[start], first_part);
		memset(&rxq->sw_ring[start], 0, first_part * sizeof(rxq->sw_ring[0]));
		rxq->nombuf++;
		return;
	}
	for (uint16_t i = 0, idx = start; i < n; i++, idx = ring_next(idx, rxq->nb_desc))
		rx_desc_arm(&rxq->ring[idx], rxq->sw_ring[idx]);
	rxq->nb_hold = 0;
	/* one tail write per burst; rte_write32 orders the descriptor stores before it */
	rte_write32(rxq->tail == 0 ? rxq->nb_desc - 1u : rxq->tail - 1u, rxq->rdt_reg);
}

/* SDM 3.2.9 / DS 7.1.4.1: IPCS/TCPCS say a checksum was checked, IPE/TCPE that it failed. */
static inline uint64_t
rx_csum_flags(uint8_t status, uint8_t errors)
{
	uint64_t f = 0;

	if (status & E1000_RXD_STAT_IXSM)
		return 0;
	if (status & E1000_RXD_STAT_IPCS)
		f |= (errors & E1000_RXD_ERR_IPE) ? RTE_MBUF_F_RX_IP_CKSUM_BAD :
						    RTE_MBUF_F_RX_IP_CKSUM_GOOD;
	if (status & E1000_RXD_STAT_TCPCS)
		f |= (errors & E1000_RXD_ERR_TCPE) ? RTE_MBUF_F_RX_L4_CKSUM_BAD :
						     RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	return f;
}

/*
 * Give up the frame being assembled: its segments so far go back to the
 * pool, and so does every further descriptor of it up to EOP (pkt_bad).
 * One error a frame, counted when it is first found bad.
 */
static inline void
rx_frame_drop(struct e1000e_rx_queue *rxq, bool eop)
{
	if (!rxq->pkt_bad)
		rxq->errors++;
	rte_pktmbuf_free(rxq->pkt_first);
	rxq->pkt_first = rxq->pkt_last = NULL;
	rxq->pkt_bad = !eop;
}

uint16_t
e1000e_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct e1000e_rx_queue *rxq = queue;
	volatile struct e1000_rx_desc *ring = rxq->ring;
	uint16_t tail = rxq->tail, nb_rx = 0;
	/*
	 * The device owns the nb_desc - 1 - nb_hold descriptors from tail on
	 * (SDM 3.2.6: one always stays back). A DD past them was not earned:
	 * consuming it would let nb_hold outgrow the ring while the pool is
	 * short, and refill then write outside sw_ring.
	 */
	uint16_t owned = (uint16_t)(rxq->nb_desc - 1u - rxq->nb_hold);

	while (nb_rx < nb_pkts && owned > 0) {
		volatile struct e1000_rx_desc *d = &ring[tail];
		uint8_t status = d->status, errors;
		struct rte_mbuf *m;
		uint16_t len, vlan;
		bool eop;

		if (!(status & E1000_RXD_STAT_DD))
			break;
		/* the rest of the descriptor is read after DD (x86: loads stay ordered) */
		rte_rmb();
		len = d->length;
		errors = d->errors;
		vlan = d->special;
		/* a consumed descriptor must not look done again before its refill */
		d->status = 0;
		m = rxq->sw_ring[tail];
		rxq->sw_ring[tail] = NULL;
		tail = ring_next(tail, rxq->nb_desc);
		rxq->nb_hold++;
		owned--;
		rte_prefetch0(&ring[tail]);
		eop = (status & E1000_RXD_STAT_EOP) != 0;

		/*
		 * Untrusted length: at most the buffer size RCTL.BSIZE gave the
		 * device. A frame spans buffers only when the application asked
		 * for chains, and then at most E1000E_RX_MAX_SEGS of them.
		 */
		if (len == 0 || len > rxq->buf_size || (errors & E1000_RXD_ERR_FRAME) ||
		    m == NULL || rxq->pkt_bad || (!eop && !rxq->scatter_ok) ||
		    (rxq->pkt_first != NULL && rxq->pkt_first->nb_segs >= E1000E_RX_MAX_SEGS)) {
			if (m != NULL)
				rte_mbuf_raw_free(m);
			rx_frame_drop(rxq, eop);
			continue;
		}
		m->data_off = RTE_PKTMBUF_HEADROOM;
		m->data_len = len;
		m->next = NULL;
		m->nb_segs = 1;
		if (rxq->pkt_first == NULL) {
			rxq->pkt_first = rxq->pkt_last = m;
			m->pkt_len = len;
		} else {
			rxq->pkt_last->next = m;
			rxq->pkt_last = m;
			rxq->pkt_first->pkt_len += len;
			rxq->pkt_first->nb_segs++;
		}
		if (!eop)
			continue;	/* SDM 3.2.5: the frame goes on in the next descriptor */
		m = rxq->pkt_first;
		rxq->pkt_first = rxq->pkt_last = NULL;
		m->port = rxq->port_id;
		m->packet_type = RTE_PTYPE_L2_ETHER;
		m->ol_flags = rxq->csum ? rx_csum_flags(status, errors) : 0;
		if (status & E1000_RXD_STAT_VP) {
			m->vlan_tci = vlan;
			m->ol_flags |= RTE_MBUF_F_RX_VLAN;
		}
		rxq->bytes += m->pkt_len;
		pkts[nb_rx++] = m;
	}
	rxq->tail = tail;
	rxq->pkts += nb_rx;
	if (rxq->nb_hold > rxq->free_thresh)
		rx_refill(rxq);
	return nb_rx;
}

void
e1000e_tx_ring_reset(struct e1000e_tx_queue *txq)
{
	memset((void *)(uintptr_t)txq->ring, 0, sizeof(txq->ring[0]) * txq->nb_desc);
	txq->tail = txq->clean = 0;
	/* one descriptor stays unused: TDH == TDT means empty (SDM 3.4) */
	txq->nb_free = (uint16_t)(txq->nb_desc - 1);
	txq->since_rs = 0;
	txq->rs_head = txq->rs_count = 0;
	txq->ctx_key = 0;	/* the device forgot its context */
}

void
e1000e_tx_ring_drain(struct e1000e_tx_queue *txq)
{
	uint16_t i;

	if (txq->sw_ring == NULL)
		return;
	for (i = 0; i < txq->nb_desc; i++) {
		if (txq->sw_ring[i] != NULL)
			rte_pktmbuf_free_seg(txq->sw_ring[i]);
		txq->sw_ring[i] = NULL;
	}
	e1000e_tx_ring_reset(txq);
}

/*
 * Free the segments of every RS descriptor the device marked done (DD),
 * putting them back to their pools in bulk.
 */
static void
tx_free(struct e1000e_tx_queue *txq)
{
	struct rte_mbuf *batch[64];
	struct rte_mempool *pool = NULL;
	unsigned int nb = 0;

	/*
	 * Oldest batch first: the device works through the ring in order, so a
	 * DD on a later batch before an earlier one frees nothing yet.
	 */
	while (txq->rs_count > 0) {
		uint16_t last = txq->rs_fifo[txq->rs_head];
		uint8_t status = txq->ring[last].status;

		if (!(status & E1000_TXD_STAT_DD))
			break;
		/* SDM 3.3.3.2: half duplex only; one error for the batch it ends */
		if (status & (E1000_TXD_STAT_EC | E1000_TXD_STAT_LC))
			txq->errors++;
		for (;;) {
			uint16_t i = txq->clean;
			struct rte_mbuf *m = txq->sw_ring[i];

			txq->sw_ring[i] = NULL;
			txq->clean = ring_next(i, txq->nb_desc);
			txq->nb_free++;
			m = m != NULL ? rte_pktmbuf_prefree_seg(m) : NULL;
			if (m != NULL) {
				if (nb == RTE_DIM(batch) || (nb > 0 && m->pool != pool)) {
					rte_mempool_put_bulk(pool, (void **)batch, nb);
					nb = 0;
				}
				pool = m->pool;
				batch[nb++] = m;
			}
			if (i == last)
				break;
		}
		txq->rs_head = ring_next(txq->rs_head, txq->nb_desc);
		txq->rs_count--;
	}
	if (nb > 0)
		rte_mempool_put_bulk(pool, (void **)batch, nb);
}

#define E1000E_TX_CSUM_FLAGS (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK)

/* What a context descriptor for m would hold, as one comparable key. */
static inline uint64_t
tx_ctx_key(const struct rte_mbuf *m)
{
	uint64_t l4 = m->ol_flags & RTE_MBUF_F_TX_L4_MASK;

	return (uint64_t)m->l2_len | (uint64_t)m->l3_len << 8 |
	       (uint64_t)((m->ol_flags & RTE_MBUF_F_TX_IP_CKSUM) != 0) << 17 |
	       (uint64_t)(l4 == RTE_MBUF_F_TX_TCP_CKSUM) << 18 |
	       (uint64_t)(l4 == RTE_MBUF_F_TX_UDP_CKSUM) << 19 | 1ull << 20;
}

/*
 * SDM 3.3.6: the context the checksum offloads of the following data
 * descriptors use. The application has put the pseudo-header sum in the
 * TCP/UDP checksum field, as for every DPDK PMD.
 */
static inline void
tx_ctx_write(volatile struct e1000_tx_desc *slot, const struct rte_mbuf *m)
{
	volatile struct e1000_tx_ctx_desc *c = (volatile struct e1000_tx_ctx_desc *)slot;
	uint64_t l4 = m->ol_flags & RTE_MBUF_F_TX_L4_MASK;
	uint32_t l2 = m->l2_len, l3 = m->l3_len;
	uint32_t cmd = E1000_TXD_DEXT | E1000_TXD_CTX_IP;

	c->ipcss = (uint8_t)l2;
	c->ipcso = (uint8_t)(l2 + 10);		/* IPv4 header checksum */
	c->ipcse = (uint16_t)(l2 + l3 - 1);
	c->tucss = (uint8_t)(l2 + l3);
	c->tucso = (uint8_t)(l2 + l3 + (l4 == RTE_MBUF_F_TX_TCP_CKSUM ? 16 : 6));
	c->tucse = 0;
	if (l4 == RTE_MBUF_F_TX_TCP_CKSUM)
		cmd |= E1000_TXD_CTX_TCP;
	c->cmd_and_length = cmd;
	c->status = 0;
	c->hdr_len = 0;
	c->mss = 0;
}

uint16_t
e1000e_xmit_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct e1000e_tx_queue *txq = queue;
	volatile struct e1000_tx_desc *ring = txq->ring;
	uint16_t tail = txq->tail, nb_tx;

	if (txq->nb_free < txq->free_thresh)
		tx_free(txq);
	for (nb_tx = 0; nb_tx < nb_pkts; nb_tx++) {
		struct rte_mbuf *m = pkts[nb_tx];
		uint16_t last = tail, need = m->nb_segs;
		uint64_t popts = 0, dext = 0, key = 0;

		/* checksum offload: extended data descriptors, after a context if it changed */
		if (m->ol_flags & E1000E_TX_CSUM_FLAGS) {
			key = tx_ctx_key(m);
			need += key != txq->ctx_key;
			dext = E1000_TXD_DTYP_D | E1000_TXD_DEXT;
			popts = ((m->ol_flags & RTE_MBUF_F_TX_IP_CKSUM) ? E1000_TXD_POPTS_IXSM : 0) |
				((m->ol_flags & RTE_MBUF_F_TX_L4_MASK) ? E1000_TXD_POPTS_TXSM : 0);
		}
		if (need > txq->nb_free) {
			tx_free(txq);
			if (need > txq->nb_free) {
				if (need >= txq->nb_desc) {
					/* could never fit: drop it rather than stall the queue */
					rte_pktmbuf_free(m);
					txq->errors++;
					continue;
				}
				break;
			}
		}
		if (key != 0 && key != txq->ctx_key) {
			tx_ctx_write(&ring[tail], m);
			txq->sw_ring[tail] = NULL;
			txq->ctx_key = key;
			tail = ring_next(tail, txq->nb_desc);
		}
		/* SDM 3.3.3 / 3.3.7: one descriptor per segment, EOP and IFCS on the last */
		for (struct rte_mbuf *s = m; s != NULL; s = s->next) {
			volatile struct e1000_tx_desc *d = &ring[tail];
			uint8_t cmd = s->next == NULL ? E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS : 0;

			d->buffer_addr = rte_mbuf_data_iova(s);
			/* length, cso, cmd, status (0: not done), css, special in one store;
			 * with DEXT the same bits are DTYP/DCMD, and POPTS sits where css is */
			*(volatile uint64_t *)((volatile uint8_t *)d + 8) =
				(uint64_t)s->data_len | ((uint64_t)cmd << 24) | dext |
				(s == m ? popts << 32 : 0);
			txq->sw_ring[tail] = s;
			last = tail;
			tail = ring_next(tail, txq->nb_desc);
		}
		txq->nb_free = (uint16_t)(txq->nb_free - need);
		txq->since_rs = (uint16_t)(txq->since_rs + need);
		txq->bytes += m->pkt_len;
		/* SDM 3.3.3.1: RS asks for a DD write-back; once every rs_thresh descriptors */
		if (txq->since_rs >= txq->rs_thresh) {
			ring[last].cmd |= E1000_TXD_CMD_RS;
			txq->rs_fifo[(txq->rs_head + txq->rs_count) % txq->nb_desc] = last;
			txq->rs_count++;
			txq->since_rs = 0;
		}
	}
	if (tail != txq->tail) {
		txq->tail = tail;
		txq->pkts += nb_tx;
		rte_write32(tail, txq->tdt_reg);
	}
	return nb_tx;
}
