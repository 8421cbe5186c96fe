/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: what the parts of the control path (virtio_ethdev.c,
 * virtio_queue.c, virtio_intr.c, virtio_stats.c) call in each other.
 */
#ifndef _VIRTIO_ETHDEV_H_
#define _VIRTIO_ETHDEV_H_

#include <ethdev_driver.h>

#include "virtio_pci.h"

static inline struct virtio_hw *
virtio_dev_hw(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

#define VIRTIO_RX_FREE_THRESH 32
#define VIRTIO_TX_FREE_THRESH 32
#define VIRTIO_RX_L4_CKSUM (RTE_ETH_RX_OFFLOAD_UDP_CKSUM | RTE_ETH_RX_OFFLOAD_TCP_CKSUM)
#define VIRTIO_TX_L4_CKSUM (RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM)

/* virtio_ethdev.c: what a transport's probe calls once hw->ops reaches the device */
int virtio_hw_setup(struct rte_eth_dev *dev, struct virtio_hw *hw, bool packed_on);
void virtio_ethdev_finish(struct rte_eth_dev *dev, struct virtio_hw *hw);

/* virtio_queue.c: Rx and Tx queue setup and release */
int virtio_rx_frame_check(struct rte_eth_dev *dev, uint16_t qid, uint16_t mtu, uint32_t room,
			  uint64_t offloads);
int virtio_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			  unsigned int socket_id, const struct rte_eth_rxconf *conf,
			  struct rte_mempool *mp);
void virtio_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int virtio_rxq_start(struct rte_eth_dev *dev, uint16_t qid);
void virtio_txq_start(struct rte_eth_dev *dev, uint16_t qid);
int virtio_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			  unsigned int socket_id, const struct rte_eth_txconf *conf);
void virtio_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);

/* virtio_intr.c: link status, the configuration-change vector, Rx queue vectors */
int virtio_link_update(struct rte_eth_dev *dev, int wait_to_complete);
/* Set the port's link from the device's 5.1.4 status field. */
int virtio_link_from_status(struct rte_eth_dev *dev, uint16_t status);
int virtio_intr_setup(struct rte_eth_dev *dev);
void virtio_intr_teardown(struct rte_eth_dev *dev);
int virtio_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid);
int virtio_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid);

/* virtio_stats.c: basic and per-queue extended counters */
int virtio_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st);
int virtio_stats_reset(struct rte_eth_dev *dev);
int virtio_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int size);
int virtio_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
			    unsigned int size);

#endif /* _VIRTIO_ETHDEV_H_ */
