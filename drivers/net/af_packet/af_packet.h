/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet: a port on a kernel interface through PACKET_MMAP rings
 * (TPACKET_V2). One packet socket per queue pair, each with an Rx and a Tx
 * ring mapped back to back; PACKET_FANOUT spreads Rx over the sockets.
 */
#ifndef _AF_PACKET_H_
#define _AF_PACKET_H_

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <linux/if_packet.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

/* As DPDK's RTE_PMD_AF_PACKET_MAX_RINGS. */
#define AFP_MAX_QPAIRS 16

/* DPDK's defaults: one page a block, 2 KiB frames, 512 frames a ring. */
#define AFP_DFLT_FRAME_SIZE 2048u
#define AFP_DFLT_FRAME_COUNT 512u

/*
 * Where a Tx frame's packet starts: the kernel reads it at tp_hdrlen minus
 * the sockaddr_ll it only fills on Rx (tpacket_fill_skb in af_packet.c).
 */
#define AFP_TX_DATA_OFF (TPACKET2_HDRLEN - sizeof(struct sockaddr_ll))

extern int afp_logtype;
#define AFP_LOG(level, ...) rte_log(RTE_LOG_##level, afp_logtype, __VA_ARGS__)

struct afp_rx_queue {
	uint8_t **frames;		/* frame addresses in the Rx ring */
	uint32_t frame_idx;		/* next frame the kernel hands us */
	uint32_t frame_cnt;
	uint32_t frame_size;
	uint16_t port_id;
	bool vlan_strip;
	bool scatter;
	struct rte_mempool *mb_pool;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;			/* truncated or malformed frames dropped */
	uint64_t nombuf;
} __rte_cache_aligned;

struct afp_tx_queue {
	uint8_t **frames;		/* frame addresses in the Tx ring */
	uint32_t frame_idx;		/* next frame we fill */
	uint32_t frame_cnt;
	uint32_t data_max;		/* largest packet a frame holds */
	int fd;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;			/* oversized, or the kick failed */
} __rte_cache_aligned;

/* One socket and its two rings. */
struct afp_qpair {
	struct afp_rx_queue rx;
	struct afp_tx_queue tx;
	int fd;
	void *map;
	size_t map_len;
	uint64_t kernel_drops;		/* tp_drops summed (the kernel resets on read) */
};

struct afp_private {
	char iface[IFNAMSIZ];
	int ifindex;
	uint16_t nb_qpairs;
	uint32_t block_size;
	uint32_t frame_size;
	uint32_t frame_cnt;
	bool qdisc_bypass;
	struct afp_qpair *qp;		/* nb_qpairs of them */
};

uint16_t afp_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t afp_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);

#endif /* _AF_PACKET_H_ */
