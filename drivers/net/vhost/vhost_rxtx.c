/* SPDX-License-Identifier: BSD-3-Clause */
/* net_vhost fast path: one burst call into lib/vhost a burst. */
#include <rte_mbuf.h>

#include "vhost_ethdev.h"

/* The running device's vid, or -1: the port is stopped or no front-end is there. */
static inline int
vhost_pmd_vid(const struct vhost_pmd_private *priv)
{
	if (!atomic_load_explicit(&priv->started, memory_order_relaxed))
		return -1;
	return atomic_load_explicit(&priv->vid, memory_order_relaxed);
}

uint16_t
vhost_pmd_rx_burst(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{
	struct vhost_pmd_queue *q = rxq;
	int vid = vhost_pmd_vid(q->priv);
	uint16_t got;

	if (vid < 0)
		return 0;
	got = rte_vhost_dequeue_burst(vid, q->vring, q->mp, pkts, n);
	for (uint16_t i = 0; i < got; i++) {
		pkts[i]->port = q->priv->dev->data->port_id;
		q->bytes += pkts[i]->pkt_len;
	}
	q->pkts += got;
	return got;
}

uint16_t
vhost_pmd_tx_burst(void *txq, struct rte_mbuf **pkts, uint16_t n)
{
	struct vhost_pmd_queue *q = txq;
	int vid = vhost_pmd_vid(q->priv);
	uint16_t sent;

	if (vid < 0)
		return 0;
	sent = rte_vhost_enqueue_burst(vid, q->vring, pkts, n);
	/*
	 * The packets were copied: what was sent is freed here, in one bulk
	 * put into the pool, the rest stays the caller's.
	 */
	for (uint16_t i = 0; i < sent; i++)
		q->bytes += pkts[i]->pkt_len;
	rte_pktmbuf_free_bulk(pkts, sent);
	q->pkts += sent;
	q->missed += n - sent;
	return sent;
}
