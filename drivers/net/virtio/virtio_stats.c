/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio counters: the port's basic statistics summed from the
 * per-queue software counters, and those counters as extended statistics.
 */
#include <stdio.h>

#include "virtio_ethdev.h"

int
virtio_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct virtio_rxq *rxq = dev->data->rx_queues[q];

		if (rxq == NULL)
			continue;
		st->ipackets += rxq->pkts;
		st->ibytes += rxq->bytes;
		st->ierrors += rxq->errors;
		st->rx_nombuf += rxq->nombuf;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[q] = rxq->pkts;
			st->q_ibytes[q] = rxq->bytes;
			st->q_errors[q] = rxq->errors;
		}
	}
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++) {
		const struct virtio_txq *txq = dev->data->tx_queues[q];

		if (txq == NULL)
			continue;
		st->opackets += txq->pkts;
		st->obytes += txq->bytes;
		st->oerrors += txq->errors;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[q] = txq->pkts;
			st->q_obytes[q] = txq->bytes;
		}
	}
	return 0;
}

int
virtio_stats_reset(struct rte_eth_dev *dev)
{
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++) {
		struct virtio_rxq *rxq = dev->data->rx_queues[q];

		if (rxq != NULL)
			rxq->pkts = rxq->bytes = rxq->errors = rxq->nombuf = 0;
	}
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++) {
		struct virtio_txq *txq = dev->data->tx_queues[q];

		if (txq != NULL)
			txq->pkts = txq->bytes = txq->errors = 0;
	}
	return 0;
}

/* Per-queue xstats: rx_qN_{packets,bytes,errors,nombuf}, tx_qN_{packets,bytes,errors}. */
static const char *const virtio_rx_xstat_names[] = { "packets", "bytes", "errors", "nombuf" };
static const char *const virtio_tx_xstat_names[] = { "packets", "bytes", "errors" };
#define VIRTIO_RX_NB_XSTATS RTE_DIM(virtio_rx_xstat_names)
#define VIRTIO_TX_NB_XSTATS RTE_DIM(virtio_tx_xstat_names)

static unsigned int
virtio_xstats_count(struct rte_eth_dev *dev)
{
	return dev->data->nb_rx_queues * VIRTIO_RX_NB_XSTATS +
	       dev->data->nb_tx_queues * VIRTIO_TX_NB_XSTATS;
}

int
virtio_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
			unsigned int size)
{
	unsigned int n = virtio_xstats_count(dev), k = 0;

	if (names == NULL || size < n)
		return (int)n;
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++)
		for (unsigned int i = 0; i < VIRTIO_RX_NB_XSTATS; i++)
			snprintf(names[k++].name, sizeof(names[0].name), "rx_q%u_%s", q,
				 virtio_rx_xstat_names[i]);
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++)
		for (unsigned int i = 0; i < VIRTIO_TX_NB_XSTATS; i++)
			snprintf(names[k++].name, sizeof(names[0].name), "tx_q%u_%s", q,
				 virtio_tx_xstat_names[i]);
	return (int)n;
}

int
virtio_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int size)
{
	unsigned int n = virtio_xstats_count(dev), k = 0;

	if (xs == NULL || size < n)
		return (int)n;
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct virtio_rxq *r = dev->data->rx_queues[q];
		const uint64_t v[] = { r ? r->pkts : 0, r ? r->bytes : 0, r ? r->errors : 0,
				       r ? r->nombuf : 0 };

		for (unsigned int i = 0; i < VIRTIO_RX_NB_XSTATS; i++, k++)
			xs[k] = (struct rte_eth_xstat){ .id = k, .value = v[i] };
	}
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++) {
		const struct virtio_txq *t = dev->data->tx_queues[q];
		const uint64_t v[] = { t ? t->pkts : 0, t ? t->bytes : 0, t ? t->errors : 0 };

		for (unsigned int i = 0; i < VIRTIO_TX_NB_XSTATS; i++, k++)
			xs[k] = (struct rte_eth_xstat){ .id = k, .value = v[i] };
	}
	return (int)n;
}

