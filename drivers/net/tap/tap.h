/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap: a port backed by a kernel TAP interface (/dev/net/tun,
 * IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE). What the kernel sends out of the
 * interface is read on the port's Rx queues; what the port sends is
 * written into the kernel as if received on the interface. Each Rx queue
 * owns one queue fd of the device; Tx queue i writes through fd i modulo
 * the Rx queue count, so that no fd exists that nobody reads.
 */
#ifndef _TAP_H_
#define _TAP_H_

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

#define TAP_MAX_QUEUES 16
/* Largest frame a TAP interface can hand us: MTU up to 65535 plus headers. */
#define TAP_MAX_FRAME (65535 + RTE_ETHER_HDR_LEN + 2 * RTE_VLAN_HLEN)
/* Fresh mbufs an Rx queue keeps at hand, refilled in one bulk get. */
#define TAP_RX_STASH 32
/* Segments one writev takes; longer chains are dropped and counted. */
#define TAP_TX_MAX_SEGS 64

extern int tap_logtype;
#define TAP_LOG(level, ...) rte_log(RTE_LOG_##level, tap_logtype, __VA_ARGS__)

struct tap_rx_queue {
	int fd;
	uint16_t port_id;
	uint16_t stash_n;
	bool scatter;
	bool csum;			/* RTE_ETH_RX_OFFLOAD_CHECKSUM: verify in software */
	struct rte_mempool *mb_pool;
	uint8_t *spill;			/* TAP_MAX_FRAME bytes past the first mbuf */
	struct rte_mbuf *stash[TAP_RX_STASH];
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;			/* frames too big without scatter */
	uint64_t nombuf;
} __rte_cache_aligned;

struct tap_tx_queue {
	int fd;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
} __rte_cache_aligned;

struct rte_intr_handle;

struct tap_private {
	char name[IFNAMSIZ];
	int ifindex;
	int ioctl_fd;			/* AF_INET datagram socket for SIOC* */
	int fds[TAP_MAX_QUEUES];	/* queue fds; fds[0] keeps the device alive */
	uint16_t nb_fds;
	struct rte_ether_addr mac;
	struct tap_rx_queue rxq[TAP_MAX_QUEUES];
	struct tap_tx_queue txq[TAP_MAX_QUEUES];
	struct rte_intr_handle *lsc_handle;	/* rtnetlink socket while LSC is on */
	int lsc_fd;
};

uint16_t tap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t tap_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
/* The packet types tap_rx_ptype sets, RTE_PTYPE_UNKNOWN last. */
const uint32_t *tap_supported_ptypes_get(struct rte_eth_dev *dev);
/* Set the packet type of a received frame. */
void tap_rx_ptype(struct rte_mbuf *m);
/* Set the Rx checksum flags of a received frame. */
void tap_rx_cksum(struct rte_mbuf *m);
/* Fill the IPv4 header checksum when m asks for it; -EINVAL when its
 * l2_len does not lead to a writable IPv4 header in the first segment. */
int tap_tx_cksum(struct rte_mbuf *m);

int tap_link_update(struct rte_eth_dev *dev, int wait_to_complete);
/* Watch the interface through rtnetlink and raise RTE_ETH_EVENT_INTR_LSC. */
int tap_lsc_enable(struct rte_eth_dev *dev);
void tap_lsc_disable(struct rte_eth_dev *dev);
/* 1 if a netlink message in buf (len bytes from recv) is a link message about ifindex. */
bool tap_nl_names_link(const char *buf, size_t len, int ifindex);

#endif /* _TAP_H_ */
