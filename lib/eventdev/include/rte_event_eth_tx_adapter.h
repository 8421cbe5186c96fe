/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet Tx adapter (DPDK 22.11's API): sends the mbufs of events to
 * ethdev Tx queues. Without an internal port (software devices), workers
 * enqueue to the adapter's event queue through rte_event_eth_tx_adapter_
 * enqueue(), and a service dequeues from the adapter's event port and
 * transmits on the port in mbuf->port, queue rte_event_eth_tx_adapter_
 * txq_get(mbuf).
 */
#ifndef _RTE_EVENT_ETH_TX_ADAPTER_
#define _RTE_EVENT_ETH_TX_ADAPTER_

#include <stdint.h>

#include <rte_compat.h>
#include <rte_mbuf.h>

#include "rte_eventdev.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rte_event_eth_tx_adapter_conf {
	uint8_t event_port_id;
	uint32_t max_nb_tx;
};

typedef int (*rte_event_eth_tx_adapter_conf_cb)(uint8_t id, uint8_t dev_id,
						struct rte_event_eth_tx_adapter_conf *conf,
						void *arg);

struct rte_event_eth_tx_adapter_stats {
	uint64_t tx_retry;
	uint64_t tx_packets;
	uint64_t tx_dropped;
};

/* 0, -EINVAL, -EEXIST (id in use), -ENOMEM. */
int rte_event_eth_tx_adapter_create(uint8_t id, uint8_t dev_id,
				    struct rte_event_port_conf *port_config);
int rte_event_eth_tx_adapter_create_ext(uint8_t id, uint8_t dev_id,
					rte_event_eth_tx_adapter_conf_cb conf_cb, void *conf_arg);
int rte_event_eth_tx_adapter_free(uint8_t id);
int rte_event_eth_tx_adapter_start(uint8_t id);
int rte_event_eth_tx_adapter_stop(uint8_t id);
/* queue -1 adds every Tx queue of the port. */
int rte_event_eth_tx_adapter_queue_add(uint8_t id, uint16_t eth_dev_id, int32_t queue);
int rte_event_eth_tx_adapter_queue_del(uint8_t id, uint16_t eth_dev_id, int32_t queue);

static __rte_always_inline void
rte_event_eth_tx_adapter_txq_set(struct rte_mbuf *pkt, uint16_t queue)
{
	pkt->hash.txadapter.txq = queue;
}

static __rte_always_inline uint16_t
rte_event_eth_tx_adapter_txq_get(struct rte_mbuf *pkt)
{
	return pkt->hash.txadapter.txq;
}

int rte_event_eth_tx_adapter_event_port_get(uint8_t id, uint8_t *event_port_id);

#define RTE_EVENT_ETH_TX_ADAPTER_ENQUEUE_SAME_DEST 0x1

/* Hands events to the Tx adapter through the worker's event port. */
static inline uint16_t
rte_event_eth_tx_adapter_enqueue(uint8_t dev_id, uint8_t port_id, struct rte_event ev[],
				 uint16_t nb_events, const uint8_t flags)
{
	const struct rte_event_fp_ops *ops = &rte_event_fp_ops[dev_id];

#ifdef RTE_LIBRTE_EVENTDEV_DEBUG
	if (dev_id >= RTE_EVENT_MAX_DEVS || port_id >= RTE_EVENT_MAX_PORTS_PER_DEV ||
	    ops->data[port_id] == NULL) {
		rte_errno = EINVAL;
		return 0;
	}
#endif
	if (flags)
		return ops->txa_enqueue_same_dest(ops->data[port_id], ev, nb_events);
	return ops->txa_enqueue(ops->data[port_id], ev, nb_events);
}

int rte_event_eth_tx_adapter_stats_get(uint8_t id, struct rte_event_eth_tx_adapter_stats *stats);
int rte_event_eth_tx_adapter_stats_reset(uint8_t id);
/* 0, -EINVAL, -ESRCH (no service). */
int rte_event_eth_tx_adapter_service_id_get(uint8_t id, uint32_t *service_id);
__rte_experimental int rte_event_eth_tx_adapter_instance_get(uint16_t eth_dev_id,
							     uint16_t tx_queue_id,
							     uint8_t *txa_inst_id);
__rte_experimental int rte_event_eth_tx_adapter_queue_start(uint16_t eth_dev_id,
							    uint16_t tx_queue_id);
__rte_experimental int rte_event_eth_tx_adapter_queue_stop(uint16_t eth_dev_id,
							   uint16_t tx_queue_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EVENT_ETH_TX_ADAPTER_ */
