/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio Rx and Tx queues on the control path: setup and release, the
 * memory of each virtqueue (virtio 1.1 2.6) and the frame size check that
 * depends on merged Rx buffers (5.1.6.3).
 */
#include <errno.h>

#include <rte_malloc.h>

#include "virtio_ethdev.h"

/* 5.1.2: receiveq N is virtqueue 2N, transmitq N is 2N+1 */
static uint16_t
rxq_vq_index(uint16_t qid)
{
	return (uint16_t)(2 * qid);
}

static uint16_t
txq_vq_index(uint16_t qid)
{
	return (uint16_t)(2 * qid + 1);
}

/*
 * Whether frames of the MTU can be received into mbufs of room bytes: whole
 * in one buffer (5.1.6.3.1), or spread over several when the device merges
 * buffers (VIRTIO_NET_F_MRG_RXBUF) and the application takes chains
 * (RTE_ETH_RX_OFFLOAD_SCATTER).
 */
int
virtio_rx_frame_check(struct rte_eth_dev *dev, uint16_t qid, uint16_t mtu, uint32_t room,
		      uint64_t offloads)
{
	bool mrg = virtio_offers(virtio_dev_hw(dev), VIRTIO_NET_F_MRG_RXBUF);
	uint32_t need = VIRTIO_MAX_FRAME(mtu);

	if (room >= RTE_PKTMBUF_HEADROOM + need || (mrg && (offloads & RTE_ETH_RX_OFFLOAD_SCATTER)))
		return 0;
	VIRTIO_LOG(ERR, "%s: Rx queue %u: mbufs of %u bytes cannot hold a frame of %u bytes "
		   "(MTU %u) after the headroom: %s\n", dev->data->name, qid, room, need, mtu,
		   mrg ? "enable RTE_ETH_RX_OFFLOAD_SCATTER or use larger mbufs" :
		   "use larger mbufs (the device has no VIRTIO_NET_F_MRG_RXBUF to merge buffers)");
	return -EINVAL;
}

/*
 * Rx queue qid ready for a device that negotiated hw->features: the
 * features it follows, an empty ring, every descriptor given a buffer. The
 * device learns of the ring after this (virtio_queue_program).
 */
int
virtio_rxq_start(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	struct virtio_rxq *rxq = dev->data->rx_queues[qid];
	int ret;

	/* the MTU may have changed since the queue was set up */
	ret = virtio_rx_frame_check(dev, qid, dev->data->mtu, rte_pktmbuf_data_room_size(rxq->mp),
				    rxq->offloads);
	if (ret != 0)
		return ret;
	rxq->intr_on = false;
	rxq->mrg_rxbuf = virtio_has(hw, VIRTIO_NET_F_MRG_RXBUF);
	rxq->scatter = (rxq->offloads & RTE_ETH_RX_OFFLOAD_SCATTER) != 0;
	rxq->guest_csum = virtio_has(hw, VIRTIO_NET_F_GUEST_CSUM);
	rxq->l4_csum = (rxq->offloads & VIRTIO_RX_L4_CKSUM) != 0;
	rxq->vq.event_idx = virtio_has(hw, VIRTIO_F_RING_EVENT_IDX);
	rxq->vq.msix_vector = hw->rxq_intr ? (uint16_t)(qid + 1) : VIRTIO_MSI_NO_VECTOR;
	virtio_rxq_reset(rxq);
	ret = virtio_rxq_fill(rxq);
	if (ret != 0)
		VIRTIO_LOG(ERR, "%s: mempool %s cannot fill Rx queue %u (%u mbufs): make it "
			   "larger\n", dev->data->name, rxq->mp->name, qid, rxq->vq.size);
	return ret;
}

/* Tx queue qid ready for a device that negotiated hw->features, empty. */
void
virtio_txq_start(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	struct virtio_txq *txq = dev->data->tx_queues[qid];

	txq->csum = virtio_has(hw, VIRTIO_NET_F_CSUM);
	txq->vq.event_idx = virtio_has(hw, VIRTIO_F_RING_EVENT_IDX);
	virtio_txq_reset(txq);
}

void
virtio_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_rxq *rxq = dev->data->rx_queues[qid];

	if (rxq == NULL)
		return;
	virtio_rxq_drain(rxq);
	rte_memzone_free(rxq->vq.mz);
	rte_free(rxq->sw_ring);
	rte_free(rxq->free_ids);
	rte_free(rxq);
	dev->data->rx_queues[qid] = NULL;
}

void
virtio_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_txq *txq = dev->data->tx_queues[qid];

	if (txq == NULL)
		return;
	virtio_txq_drain(txq);
	rte_memzone_free(txq->vq.mz);
	rte_free(txq->slots);
	rte_free(txq->next);
	rte_free(txq);
	dev->data->tx_queues[qid] = NULL;
}

int
virtio_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket_id, const struct rte_eth_rxconf *conf,
		      struct rte_mempool *mp)
{
	uint32_t room = rte_pktmbuf_data_room_size(mp);
	uint64_t offloads = conf->offloads | dev->data->dev_conf.rxmode.offloads;
	struct virtio_rxq *rxq;
	int socket = (int)socket_id;
	uint16_t size;
	int ret;

	ret = virtq_size_pick(dev, rxq_vq_index(qid), nb_desc, &size);
	if (ret != 0)
		return ret;
	ret = virtio_rx_frame_check(dev, qid, dev->data->mtu, room, offloads);
	if (ret != 0)
		return ret;
	virtio_rx_queue_release(dev, qid);
	rxq = rte_zmalloc_socket("virtio_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket);
	if (rxq == NULL)
		return -ENOMEM;
	rxq->sw_ring = rte_zmalloc_socket("virtio_rx_sw", sizeof(rxq->sw_ring[0]) * size,
					  RTE_CACHE_LINE_SIZE, socket);
	rxq->free_ids = rte_zmalloc_socket("virtio_rx_ids", sizeof(uint16_t) * size,
					   RTE_CACHE_LINE_SIZE, socket);
	if (rxq->sw_ring == NULL || rxq->free_ids == NULL ||
	    virtq_alloc(dev, &rxq->vq, rxq_vq_index(qid), size, 0, socket) != 0) {
		rte_free(rxq->sw_ring);
		rte_free(rxq->free_ids);
		rte_free(rxq);
		return -ENOMEM;
	}
	rxq->mp = mp;
	rxq->offloads = offloads;
	rxq->buf_len = room - RTE_PKTMBUF_HEADROOM + (uint32_t)sizeof(struct virtio_net_hdr);
	rxq->free_thresh = conf->rx_free_thresh != 0 && conf->rx_free_thresh < size ?
			   conf->rx_free_thresh : RTE_MIN(VIRTIO_RX_FREE_THRESH, size / 2);
	rxq->port_id = dev->data->port_id;
	rxq->queue_id = qid;
	virtio_rxq_reset(rxq);
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

int
virtio_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct virtio_txq *txq;
	int socket = (int)socket_id;
	struct virtq_layout l;
	uint16_t size;
	int ret;

	ret = virtq_size_pick(dev, txq_vq_index(qid), nb_desc, &size);
	if (ret != 0)
		return ret;
	virtio_tx_queue_release(dev, qid);
	txq = rte_zmalloc_socket("virtio_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket);
	if (txq == NULL)
		return -ENOMEM;
	txq->slots = rte_zmalloc_socket("virtio_tx_slots", sizeof(txq->slots[0]) * size,
					RTE_CACHE_LINE_SIZE, socket);
	txq->next = rte_zmalloc_socket("virtio_tx_next", sizeof(uint16_t) * size,
				       RTE_CACHE_LINE_SIZE, socket);
	if (txq->slots == NULL || txq->next == NULL ||
	    virtq_alloc(dev, &txq->vq, txq_vq_index(qid), size,
			sizeof(struct virtio_net_hdr) * size, socket) != 0) {
		rte_free(txq->slots);
		rte_free(txq->next);
		rte_free(txq);
		return -ENOMEM;
	}
	l = virtq_layout_of(size, 0, txq->vq.packed);
	txq->hdrs = (struct virtio_net_hdr *)((uint8_t *)txq->vq.mz->addr + l.extra_off);
	txq->hdrs_iova = virtq_mem_addr(&txq->vq, l.extra_off);
	txq->offloads = conf->offloads | dev->data->dev_conf.txmode.offloads;
	txq->free_thresh = conf->tx_free_thresh != 0 && conf->tx_free_thresh < size ?
			   conf->tx_free_thresh : RTE_MIN(VIRTIO_TX_FREE_THRESH, size / 2);
	txq->port_id = dev->data->port_id;
	txq->queue_id = qid;
	virtio_txq_reset(txq);
	dev->data->tx_queues[qid] = txq;
	return 0;
}
