/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The burst fast path, inline through rte_eth_fp_ops. Argument checks cost
 * cycles and are compiled only with RTE_ETHDEV_DEBUG_RX / _TX (debug builds).
 * Included by rte_ethdev.h; not meant to be included on its own.
 */
#ifndef _RTE_ETHDEV_FP_H_
#define _RTE_ETHDEV_FP_H_

#include <rte_branch_prediction.h>

/*
 * Out-of-line halves of the burst functions when callbacks are set. Return the
 * packet count the last callback leaves; no errors.
 */
uint16_t rte_eth_call_rx_callbacks(uint16_t port_id, uint16_t queue_id,
				   struct rte_mbuf **rx_pkts, uint16_t nb_rx, uint16_t nb_pkts,
				   void *opaque);
/* Run the Tx callbacks; returns the packet count the last one leaves. No errors. */
uint16_t rte_eth_call_tx_callbacks(uint16_t port_id, uint16_t queue_id,
				   struct rte_mbuf **tx_pkts, uint16_t nb_pkts, void *opaque);

/* For debug builds: 0 when port_id/queue_id name a set-up queue, else logs and -1. */
int rte_eth_fp_check_queue(uint16_t port_id, uint16_t queue_id, int is_rx);

/*
 * Receive up to nb_pkts packets from an Rx queue. One lcore per queue: the
 * queue is not thread-safe, as in DPDK. Returns the number received, 0 also on
 * a stopped port (and with RTE_ETHDEV_DEBUG_RX for a bad port or queue).
 */
static inline uint16_t
rte_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
		 const uint16_t nb_pkts)
{
	struct rte_eth_fp_ops *p;
	uint16_t nb_rx;
	void *qd;

#ifdef RTE_ETHDEV_DEBUG_RX
	if (rte_eth_fp_check_queue(port_id, queue_id, 1) != 0)
		return 0;
#endif
	p = &rte_eth_fp_ops[port_id];
	qd = p->rxq.data[queue_id];
	nb_rx = p->rx_pkt_burst(qd, rx_pkts, nb_pkts);
#ifdef RTE_ETHDEV_RXTX_CALLBACKS
	{
		/* relaxed: pairs with the release store that publishes a callback;
		 * the callback functions read it again with acquire */
		void *cb = __atomic_load_n(&p->rxq.clbk[queue_id], __ATOMIC_RELAXED);

		if (unlikely(cb != NULL))
			nb_rx = rte_eth_call_rx_callbacks(port_id, queue_id, rx_pkts, nb_rx,
							  nb_pkts, cb);
	}
#endif
	return nb_rx;
}

/*
 * Used Rx descriptors of a queue, -ENOTSUP if the driver cannot tell. With
 * RTE_ETHDEV_DEBUG_RX, -EINVAL for a bad port or queue (DPDK: -ENODEV for an
 * unused port).
 */
static inline int
rte_eth_rx_queue_count(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_fp_ops *p;

#ifdef RTE_ETHDEV_DEBUG_RX
	if (rte_eth_fp_check_queue(port_id, queue_id, 1) != 0)
		return -EINVAL;
#endif
	p = &rte_eth_fp_ops[port_id];
	if (p->rx_queue_count == NULL)
		return -ENOTSUP;
	return (int)p->rx_queue_count(p->rxq.data[queue_id]);
}

#define RTE_ETH_RX_DESC_AVAIL 0
#define RTE_ETH_RX_DESC_DONE 1
#define RTE_ETH_RX_DESC_UNAVAIL 2

/*
 * RTE_ETH_RX_DESC_* of the descriptor offset places ahead, or the driver's negative errno;
 * -ENOTSUP without driver support. With RTE_ETHDEV_DEBUG_RX, -ENODEV for a bad port or
 * queue (DPDK: -EINVAL for ids out of range).
 */
static inline int
rte_eth_rx_descriptor_status(uint16_t port_id, uint16_t queue_id, uint16_t offset)
{
	struct rte_eth_fp_ops *p;

#ifdef RTE_ETHDEV_DEBUG_RX
	if (rte_eth_fp_check_queue(port_id, queue_id, 1) != 0)
		return -ENODEV;
#endif
	p = &rte_eth_fp_ops[port_id];
	if (p->rx_descriptor_status == NULL)
		return -ENOTSUP;
	return p->rx_descriptor_status(p->rxq.data[queue_id], offset);
}

#define RTE_ETH_TX_DESC_FULL 0
#define RTE_ETH_TX_DESC_DONE 1
#define RTE_ETH_TX_DESC_UNAVAIL 2

/*
 * RTE_ETH_TX_DESC_* of the descriptor offset places ahead, or the driver's negative errno;
 * -ENOTSUP without driver support. With RTE_ETHDEV_DEBUG_TX, -ENODEV for a bad port or
 * queue (DPDK: -EINVAL for ids out of range).
 */
static inline int
rte_eth_tx_descriptor_status(uint16_t port_id, uint16_t queue_id, uint16_t offset)
{
	struct rte_eth_fp_ops *p;

#ifdef RTE_ETHDEV_DEBUG_TX
	if (rte_eth_fp_check_queue(port_id, queue_id, 0) != 0)
		return -ENODEV;
#endif
	p = &rte_eth_fp_ops[port_id];
	if (p->tx_descriptor_status == NULL)
		return -ENOTSUP;
	return p->tx_descriptor_status(p->txq.data[queue_id], offset);
}

/*
 * Send up to nb_pkts packets; returns how many the driver took (it owns
 * them now). The caller keeps the rest, tx_pkts[ret..nb_pkts-1]. 0 on a
 * stopped port, and with RTE_ETHDEV_DEBUG_TX for a bad port or queue.
 */
static inline uint16_t
rte_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		 uint16_t nb_pkts)
{
	struct rte_eth_fp_ops *p;
	void *qd;

#ifdef RTE_ETHDEV_DEBUG_TX
	if (rte_eth_fp_check_queue(port_id, queue_id, 0) != 0)
		return 0;
#endif
	p = &rte_eth_fp_ops[port_id];
	qd = p->txq.data[queue_id];
#ifdef RTE_ETHDEV_RXTX_CALLBACKS
	{
		/* relaxed: see rte_eth_rx_burst */
		void *cb = __atomic_load_n(&p->txq.clbk[queue_id], __ATOMIC_RELAXED);

		if (unlikely(cb != NULL))
			nb_pkts = rte_eth_call_tx_callbacks(port_id, queue_id, tx_pkts,
							    nb_pkts, cb);
	}
#endif
	return p->tx_pkt_burst(qd, tx_pkts, nb_pkts);
}

/*
 * Check (and fix up for offloads) packets before rte_eth_tx_burst. Returns
 * how many are fine; on a bad one rte_errno tells why (the driver's value).
 * nb_pkts without a driver check. With RTE_ETHDEV_DEBUG_TX, 0 and rte_errno
 * EINVAL for a bad port or queue (DPDK: ENODEV for a bad port).
 */
#ifndef RTE_ETHDEV_TX_PREPARE_NOOP
static inline uint16_t
rte_eth_tx_prepare(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		   uint16_t nb_pkts)
{
	struct rte_eth_fp_ops *p;

#ifdef RTE_ETHDEV_DEBUG_TX
	if (rte_eth_fp_check_queue(port_id, queue_id, 0) != 0) {
		rte_errno = EINVAL;
		return 0;
	}
#endif
	p = &rte_eth_fp_ops[port_id];
	if (p->tx_pkt_prepare == NULL)
		return nb_pkts;
	return p->tx_pkt_prepare(p->txq.data[queue_id], tx_pkts, nb_pkts);
}
#else
static inline uint16_t
rte_eth_tx_prepare(__rte_unused uint16_t port_id, __rte_unused uint16_t queue_id,
		   __rte_unused struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
{
	return nb_pkts;
}
#endif

/*
 * Send what the buffer holds; unsent packets go to its error callback.
 * Returns the number sent (0 for an empty buffer).
 */
static inline uint16_t
rte_eth_tx_buffer_flush(uint16_t port_id, uint16_t queue_id,
			struct rte_eth_dev_tx_buffer *buffer)
{
	uint16_t to_send = buffer->length;
	uint16_t sent;

	if (to_send == 0)
		return 0;
	sent = rte_eth_tx_burst(port_id, queue_id, buffer->pkts, to_send);
	buffer->length = 0;
	if (unlikely(sent != to_send))
		buffer->error_callback(&buffer->pkts[sent], (uint16_t)(to_send - sent),
				       buffer->error_userdata);
	return sent;
}

/* Buffer one packet; when full, flushes and returns the number sent, else 0. */
static __rte_always_inline uint16_t
rte_eth_tx_buffer(uint16_t port_id, uint16_t queue_id, struct rte_eth_dev_tx_buffer *buffer,
		  struct rte_mbuf *tx_pkt)
{
	buffer->pkts[buffer->length++] = tx_pkt;
	if (buffer->length < buffer->size)
		return 0;
	return rte_eth_tx_buffer_flush(port_id, queue_id, buffer);
}

#endif
