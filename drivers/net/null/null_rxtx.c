/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_null fast path. Rx takes a whole burst from the mempool in one bulk
 * get and only stamps lengths; Tx gives the burst back with one bulk free.
 */
#include <string.h>

#include <rte_memcpy.h>

#include "null_private.h"

static inline void
null_rx_stamp(struct null_queue *q, struct rte_mbuf **bufs, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		bufs[i]->data_len = (uint16_t)q->size;
		bufs[i]->pkt_len = q->size;
		bufs[i]->port = q->port_id;
	}
	q->pkts += n;
	q->bytes += (uint64_t)n * q->size;
}

uint16_t
null_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *q = queue;

	/* All or nothing, as DPDK's net_null: a short pool gives an empty burst. */
	if (rte_pktmbuf_alloc_bulk(q->mb_pool, bufs, nb_bufs) != 0) {
		q->nombuf++;
		return 0;
	}
	null_rx_stamp(q, bufs, nb_bufs);
	return nb_bufs;
}

uint16_t
null_rx_copy(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *q = queue;
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(q->mb_pool, bufs, nb_bufs) != 0) {
		q->nombuf++;
		return 0;
	}
	for (i = 0; i < nb_bufs; i++)
		rte_memcpy(rte_pktmbuf_mtod(bufs[i], void *), q->dummy_packet, q->size);
	null_rx_stamp(q, bufs, nb_bufs);
	return nb_bufs;
}

uint16_t
null_rx_none(void *queue __rte_unused, struct rte_mbuf **bufs __rte_unused,
	     uint16_t nb_bufs __rte_unused)
{
	return 0;
}

uint16_t
null_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *q = queue;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb_bufs; i++)
		bytes += bufs[i]->pkt_len;
	rte_pktmbuf_free_bulk(bufs, nb_bufs);
	q->pkts += nb_bufs;
	q->bytes += bytes;
	return nb_bufs;
}

uint16_t
null_tx_copy(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *q = queue;
	uint16_t i;

	for (i = 0; i < nb_bufs; i++)
		rte_memcpy(q->dummy_packet, rte_pktmbuf_mtod(bufs[i], void *),
			   RTE_MIN(rte_pktmbuf_data_len(bufs[i]), q->size));
	return null_tx(queue, bufs, nb_bufs);
}
