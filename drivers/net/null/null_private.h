/* SPDX-License-Identifier: BSD-3-Clause */
/* net_null internals: a port that makes packets up on Rx and drops them on Tx. */
#ifndef _NULL_PRIVATE_H_
#define _NULL_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_mbuf.h>

#define NULL_DEFAULT_SIZE 64
#define NULL_RSS_KEY_SIZE 40
#define NULL_RETA_SIZE RTE_ETH_RSS_RETA_SIZE_128
#define NULL_MAX_MAC_ADDRS 4

/*
 * One queue, owned by one lcore: counters are plain (the stats reader on
 * another thread may see a value one burst old, never a torn one on x86-64).
 */
struct null_queue {
	struct rte_mempool *mb_pool;	/* Rx only */
	void *dummy_packet;		/* copy=1: source (Rx) or sink (Tx) of the bytes */
	uint32_t size;			/* packet length made on Rx and copied on Tx */
	uint16_t port_id;
	uint16_t queue_id;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t nombuf;		/* Rx bursts the mempool could not fill */
} __rte_cache_aligned;

struct null_args {
	uint32_t size;
	bool copy;
	bool no_rx;
};

struct null_internals {
	struct null_args args;
	uint8_t rss_key[NULL_RSS_KEY_SIZE];
	uint64_t rss_hf;
	struct rte_eth_rss_reta_entry64 reta[NULL_RETA_SIZE / RTE_ETH_RETA_GROUP_SIZE];
};

uint16_t null_rx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs);
uint16_t null_rx_copy(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs);
uint16_t null_rx_none(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs);
uint16_t null_tx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs);
uint16_t null_tx_copy(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs);

#endif
