/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap: a port whose Rx reads pcap files or captures on kernel
 * interfaces through libpcap, and whose Tx writes pcap files, sends on
 * interfaces or drops. Devargs and queue layout as DPDK 22.11's.
 */
#ifndef _PCAP_PRIVATE_H_
#define _PCAP_PRIVATE_H_

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <pcap/pcap.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

/* As DPDK's RTE_PMD_PCAP_MAX_QUEUES. */
#define PCAP_MAX_QUEUES 16

/* Snapshot length of live captures, as DPDK's: the largest jumbo frame. */
#define PCAP_IFACE_SNAPLEN RTE_ETHER_MAX_JUMBO_FRAME_LEN

/*
 * The longest record libpcap hands out for Ethernet (its maximum snapshot
 * length); anything longer is refused before it is copied.
 */
#define PCAP_RX_MAX_LEN 262144u

/* Snapshot length in the header of the files Tx writes, and the longest record it writes. */
#define PCAP_FILE_SNAPLEN 65535u

extern int pcap_logtype;
#define PCAP_LOG(level, ...) rte_log(RTE_LOG_##level, pcap_logtype, __VA_ARGS__)

/* Where a queue's packets come from or go to. */
enum pcap_queue_kind {
	PCAP_Q_NONE,  /* Rx: never receives; Tx: counts and drops */
	PCAP_Q_FILE,  /* rx_pcap / tx_pcap */
	PCAP_Q_IFACE, /* rx_iface, rx_iface_in, tx_iface, iface */
};

/* One queue's devarg: what to (re)open when the port starts. */
struct pcap_queue_src {
	enum pcap_queue_kind kind;
	bool in_only;	     /* rx_iface_in: only what comes into the interface */
	bool created;	     /* tx_pcap: the file did not exist before the probe */
	char name[PATH_MAX]; /* file path or interface name */
};

struct pcap_rx_queue {
	pcap_t *pcap;	  /* NULL while stopped, or for a queue without source */
	const char *name; /* for log lines */
	const char *dev_name;
	struct rte_mempool *mb_pool;
	uint16_t port_id;
	bool failed;   /* the file turned out malformed: nothing more from it */
	int ts_offset; /* Rx timestamp dynfield, -1 if none */
	uint64_t ts_flag;
	uint32_t ts_scale; /* ns per unit of the handle's ts.tv_usec: 1 or 1000 */
	/* infinite_rx: the file's packets, replayed in a loop */
	struct rte_mbuf **loop;
	uint32_t loop_cnt;
	uint32_t loop_idx;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
	uint64_t nombuf;
} __rte_cache_aligned;

struct pcap_tx_queue {
	pcap_dumper_t *dumper; /* tx_pcap */
	pcap_t *pcap;	       /* tx_iface or iface */
	uint8_t *linear;       /* PCAP_FILE_SNAPLEN bytes to flatten chained mbufs */
	const char *name;
	const char *dev_name;
	bool flush_failed; /* logged once */
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
} __rte_cache_aligned;

struct pcap_private {
	struct pcap_rx_queue rxq[PCAP_MAX_QUEUES];
	struct pcap_tx_queue txq[PCAP_MAX_QUEUES];
	struct pcap_queue_src rx_src[PCAP_MAX_QUEUES];
	struct pcap_queue_src tx_src[PCAP_MAX_QUEUES];
	uint16_t nb_rxq;
	uint16_t nb_txq;
	bool single_iface; /* iface=: queue 0's one handle serves Rx and Tx */
	bool infinite_rx;
	bool phy_mac;
	int if_index;
	struct rte_ether_addr mac;
};

/* pcap_open.c: open what a queue's devarg names; one log line on failure. */
int pcap_rx_file_open(const char *dev_name, const char *path, pcap_t **out);
int pcap_iface_open(const char *dev_name, const char *key, const char *iface, bool in_only,
		    pcap_t **out);
int pcap_tx_file_open(const char *dev_name, const char *path, pcap_dumper_t **out);

/* pcap_rxtx.c */
uint16_t pcap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t pcap_rx_loop_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t pcap_rx_none_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t pcap_tx_dump_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t pcap_tx_iface_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t pcap_tx_drop_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);

/*
 * Read the next record of rxq into a new mbuf (a chain when it is longer
 * than one mbuf). Returns 1 with *out set, 0 at the end of what there is
 * now, -1 when the record was dropped (counted) and the caller may go on.
 */
int pcap_rx_one(struct pcap_rx_queue *rxq, struct rte_mbuf **out);

#endif /* _PCAP_PRIVATE_H_ */
