/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_vhost: an ethdev port over a vhost-user back-end socket. The port's
 * Rx queue q dequeues from the front-end's transmit ring 2q+1, its Tx
 * queue q enqueues into the front-end's receive ring 2q.
 */
#ifndef _VHOST_ETHDEV_H_
#define _VHOST_ETHDEV_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_vhost.h>

extern int vhost_pmd_logtype;
#define VHOST_PMD_LOG(level, ...) rte_log(RTE_LOG_##level, vhost_pmd_logtype, __VA_ARGS__)

#define VHOST_PMD_MAX_QUEUES 8

struct vhost_pmd_private;

struct vhost_pmd_queue {
	struct vhost_pmd_private *priv;
	struct rte_mempool *mp; /* Rx only */
	uint16_t vring;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t missed; /* Tx: the front-end's ring had no room */
};

struct vhost_pmd_private {
	struct rte_eth_dev *dev;
	char iface[108];
	uint64_t flags; /* rte_vhost_driver_register() flags */
	uint16_t queues;
	/* -1 while no front-end device is running; read by the bursts */
	atomic_int vid;
	atomic_bool started;
};

uint16_t vhost_pmd_rx_burst(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t vhost_pmd_tx_burst(void *txq, struct rte_mbuf **pkts, uint16_t n);

#endif /* _VHOST_ETHDEV_H_ */
