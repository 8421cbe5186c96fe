/* SPDX-License-Identifier: BSD-3-Clause */
/* net_ring internals. */
#ifndef _RING_PRIVATE_H_
#define _RING_PRIVATE_H_

#include <stdbool.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <rte_ring.h>

#define RING_MAX_QUEUES 16	/* RTE_PMD_RING_MAX_RX_RINGS / _TX_RINGS in DPDK */
#define RING_SIZE 1024		/* rings the port creates itself */

/* One queue on one lcore: plain counters. */
struct ring_queue {
	struct rte_ring *rng;
	uint64_t pkts;
	uint64_t err_pkts;	/* Tx: packets the ring had no room for */
} __rte_cache_aligned;

enum ring_action {
	RING_ACTION_NONE,	/* rings given by rte_eth_from_rings */
	RING_ACTION_CREATE,	/* the port created its rings (frees them on close) */
	RING_ACTION_ATTACH,	/* rings created by another port */
};

struct ring_internals {
	unsigned int nb_rx;
	unsigned int nb_tx;
	enum ring_action action;
	struct ring_queue rxq[RING_MAX_QUEUES];
	struct ring_queue txq[RING_MAX_QUEUES];
};

/* Make the port for vdev from these rings. 0 or a negative errno (logged). */
/* A secondary process: the primary's port of this name, with our functions. */
int ring_port_attach(struct rte_vdev_device *vdev);
int ring_port_create(struct rte_vdev_device *vdev, struct rte_ring *const rx[],
		     unsigned int nb_rx, struct rte_ring *const tx[], unsigned int nb_tx,
		     int numa_node, enum ring_action action);

#endif
