/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet ports on top of rte_rings (DPDK's net_ring). */
#ifndef _RTE_ETH_RING_H_
#define _RTE_ETH_RING_H_

#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Make a port named net_ring_<name> whose Rx queue i dequeues from rx_queues[i] and
 * whose Tx queue i enqueues to tx_queues[i] (at most 16 each). Returns the port id,
 * or -1 with rte_errno EINVAL (NULL name or rings, too many queues, name too long),
 * EEXIST (device exists), ENOMEM, ENODEV (no port found), or the probe's error.
 */
int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
		       const unsigned nb_rx_queues, struct rte_ring *const tx_queues[],
		       const unsigned nb_tx_queues, const unsigned numa_node);

/*
 * A port named after r, with r as its one Rx and one Tx queue (a loopback). Returns
 * the port id, or -1 with rte_errno EINVAL (NULL r) or as rte_eth_from_rings().
 */
int rte_eth_from_ring(struct rte_ring *r);

#ifdef __cplusplus
}
#endif

#endif
