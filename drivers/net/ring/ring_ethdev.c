/* SPDX-License-Identifier: BSD-3-Clause */
/* net_ring port: Rx dequeues a burst from a ring, Tx enqueues one. */
#include <errno.h>
#include <string.h>

#include <rte_malloc.h>

#include "ring_private.h"

static uint16_t
ring_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct ring_queue *q = queue;
	uint16_t n = (uint16_t)rte_ring_dequeue_burst(q->rng, (void **)bufs, nb_bufs, NULL);

	q->pkts += n;
	return n;
}

static uint16_t
ring_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct ring_queue *q = queue;
	uint16_t n = (uint16_t)rte_ring_enqueue_burst(q->rng, (void **)bufs, nb_bufs, NULL);

	q->pkts += n;
	q->err_pkts += nb_bufs - n;
	return n;
}

static struct ring_internals *
ring_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static void
ring_link_set(struct rte_eth_dev *dev, bool up)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	rte_eth_linkstatus_set(dev, &link);
}

static int
ring_configure(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
ring_start(struct rte_eth_dev *dev)
{
	ring_link_set(dev, true);
	return 0;
}

static int
ring_stop(struct rte_eth_dev *dev)
{
	ring_link_set(dev, false);
	return 0;
}

static int
ring_set_link_up(struct rte_eth_dev *dev)
{
	ring_link_set(dev, true);
	return 0;
}

static int
ring_set_link_down(struct rte_eth_dev *dev)
{
	ring_link_set(dev, false);
	return 0;
}

static int
ring_close(struct rte_eth_dev *dev)
{
	struct ring_internals *priv = ring_priv(dev);
	unsigned int i;

	/* link and rings are shared: a secondary only lets go of its view */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return 0;
	ring_link_set(dev, false);
	if (priv->action != RING_ACTION_CREATE)
		return 0;
	/* Created rings serve Rx and Tx both (loopback): free each once. */
	for (i = 0; i < priv->nb_rx; i++) {
		rte_ring_free(priv->rxq[i].rng);
		priv->rxq[i].rng = NULL;
	}
	return 0;
}

static int
ring_link_update(struct rte_eth_dev *dev __rte_unused, int wait __rte_unused)
{
	return 0;
}

static int
ring_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct ring_internals *priv = ring_priv(dev);

	info->max_mac_addrs = 1;
	info->max_rx_pktlen = (uint32_t)-1;
	info->max_rx_queues = (uint16_t)priv->nb_rx;
	info->max_tx_queues = (uint16_t)priv->nb_tx;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
ring_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id, uint16_t nb_desc __rte_unused,
		    unsigned int socket_id __rte_unused,
		    const struct rte_eth_rxconf *conf __rte_unused,
		    struct rte_mempool *mp __rte_unused)
{
	dev->data->rx_queues[queue_id] = &ring_priv(dev)->rxq[queue_id];
	return 0;
}

static int
ring_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id, uint16_t nb_desc __rte_unused,
		    unsigned int socket_id __rte_unused,
		    const struct rte_eth_txconf *conf __rte_unused)
{
	dev->data->tx_queues[queue_id] = &ring_priv(dev)->txq[queue_id];
	return 0;
}

static int
ring_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct ring_internals *priv = ring_priv(dev);
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues && i < priv->nb_rx; i++) {
		st->ipackets += priv->rxq[i].pkts;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			st->q_ipackets[i] = priv->rxq[i].pkts;
	}
	for (i = 0; i < dev->data->nb_tx_queues && i < priv->nb_tx; i++) {
		st->opackets += priv->txq[i].pkts;
		st->oerrors += priv->txq[i].err_pkts;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			st->q_opackets[i] = priv->txq[i].pkts;
	}
	return 0;
}

static int
ring_stats_reset(struct rte_eth_dev *dev)
{
	struct ring_internals *priv = ring_priv(dev);
	unsigned int i;

	for (i = 0; i < RING_MAX_QUEUES; i++) {
		priv->rxq[i].pkts = 0;
		priv->txq[i].pkts = 0;
		priv->txq[i].err_pkts = 0;
	}
	return 0;
}

static int
ring_ok(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
ring_mac_addr_set(struct rte_eth_dev *dev __rte_unused, struct rte_ether_addr *a __rte_unused)
{
	return 0;
}

static const struct eth_dev_ops ring_ops = {
	.dev_configure = ring_configure,
	.dev_start = ring_start,
	.dev_stop = ring_stop,
	.dev_close = ring_close,
	.dev_set_link_up = ring_set_link_up,
	.dev_set_link_down = ring_set_link_down,
	.link_update = ring_link_update,
	.dev_infos_get = ring_info,
	.rx_queue_setup = ring_rx_queue_setup,
	.tx_queue_setup = ring_tx_queue_setup,
	.stats_get = ring_stats_get,
	.stats_reset = ring_stats_reset,
	.promiscuous_enable = ring_ok,
	.promiscuous_disable = ring_ok,
	.allmulticast_enable = ring_ok,
	.allmulticast_disable = ring_ok,
	.mac_addr_set = ring_mac_addr_set,
};

int
ring_port_attach(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return -ENODEV;
	/* the rings and queues are in shared memory; the functions are ours */
	dev->device = &vdev->device;
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

int
ring_port_create(struct rte_vdev_device *vdev, struct rte_ring *const rx[], unsigned int nb_rx,
		 struct rte_ring *const tx[], unsigned int nb_tx, int numa_node,
		 enum ring_action action)
{
	const char *name = rte_vdev_device_name(vdev);
	struct ring_internals *priv;
	struct rte_eth_dev *dev;
	unsigned int i;

	dev = rte_eth_dev_allocate(name);
	if (dev == NULL)
		return -rte_errno;
	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa_node);
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0,
						  numa_node);
	if (priv == NULL || dev->data->mac_addrs == NULL) {
		rte_free(priv);
		rte_eth_dev_release_port(dev);
		RTE_ETHDEV_LOG(ERR, "%s: no memory for the port; give the EAL more (-m)\n",
			       name);
		return -ENOMEM;
	}
	priv->nb_rx = nb_rx;
	priv->nb_tx = nb_tx;
	priv->action = action;
	for (i = 0; i < nb_rx; i++)
		priv->rxq[i].rng = rx[i];
	for (i = 0; i < nb_tx; i++)
		priv->txq[i].rng = tx[i];
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);

	dev->data->dev_private = priv;
	dev->data->numa_node = numa_node;
	dev->data->nb_rx_queues = 0;
	dev->device = &vdev->device;
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	ring_link_set(dev, false);
	rte_eth_dev_probing_finish(dev);
	return 0;
}
