/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The flat per-port table the inline burst functions call through. One
 * entry per port, two cache lines: Rx in the first, Tx in the second.
 * Ports not started point at dummy functions that return 0.
 */
#ifndef _RTE_ETHDEV_CORE_H_
#define _RTE_ETHDEV_CORE_H_

#include <stdint.h>
#include <sys/queue.h>

#include <rte_common.h>

struct rte_mbuf;
struct rte_eth_dev;
struct rte_eth_dev_callback;
TAILQ_HEAD(rte_eth_dev_cb_list, rte_eth_dev_callback);

typedef uint16_t (*eth_rx_burst_t)(void *rxq, struct rte_mbuf **rx_pkts, uint16_t nb_pkts);
typedef uint16_t (*eth_tx_burst_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);
typedef uint16_t (*eth_tx_prep_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);
typedef uint32_t (*eth_rx_queue_count_t)(void *rxq);
typedef int (*eth_rx_descriptor_status_t)(void *rxq, uint16_t offset);
typedef int (*eth_tx_descriptor_status_t)(void *txq, uint16_t offset);

struct rte_ethdev_qdata {
	void **data;	/* driver queue pointers, indexed by queue id */
	void **clbk;	/* first Rx/Tx callback of each queue, or NULL */
};

struct rte_eth_fp_ops {
	eth_rx_burst_t rx_pkt_burst;
	eth_rx_queue_count_t rx_queue_count;
	eth_rx_descriptor_status_t rx_descriptor_status;
	struct rte_ethdev_qdata rxq;
	uintptr_t reserved1[3];

	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;
	eth_tx_descriptor_status_t tx_descriptor_status;
	struct rte_ethdev_qdata txq;
	uintptr_t reserved2[3];
} __rte_cache_aligned;

extern struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

#endif
