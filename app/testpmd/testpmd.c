/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-testpmd state: defaults, the mbuf pool, port setup, and starting
 * and stopping the forwarding lcores (main.c drives them).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "testpmd.h"

/* Room for the descriptors of a queue when the driver picks their number. */
#define TESTPMD_DESC_ESTIMATE 2048
#define LINK_CHECK_INTERVAL_MS 100
#define LINK_CHECK_MAX_MS 9000

struct testpmd_cfg cfg;
struct port_state ports[RTE_MAX_ETHPORTS];
struct rte_ether_addr peer_addr[RTE_MAX_ETHPORTS];
struct rte_mempool *mbuf_pool;
uint16_t fwd_ports[RTE_MAX_ETHPORTS];
uint16_t nb_fwd_ports;
struct fwd_stream *fwd_streams;
uint16_t nb_fwd_streams;
struct fwd_lcore fwd_lcores[RTE_MAX_LCORE];
uint16_t nb_fwd_lcores;
unsigned int fwd_lcore_ids[RTE_MAX_LCORE];
unsigned int nb_avail_fwd_lcores;
atomic_bool force_quit;

static bool fwd_is_running;

void
cfg_defaults(void)
{
	memset(&cfg, 0, sizeof(cfg));
	cfg.nb_rxq = 1;
	cfg.nb_txq = 1;
	cfg.burst = TESTPMD_DEF_BURST;
	/* DPDK testpmd's defaults for "set fwd MODE retry" */
	cfg.tx_retry_num = 64;
	cfg.tx_retry_delay_us = 1;
	cfg.nb_fwd_lcores = 1;
	cfg.txpkts[0] = 64;
	cfg.nb_txsegs = 1;
	cfg.tx_pkt_len = 64;
	cfg.mbuf_data_size = TESTPMD_DEF_MBUF_DATA_SIZE;
	cfg.mbuf_cache = TESTPMD_MBUF_CACHE;
	cfg.topology = TOPO_PAIRED;
	cfg.rss_hf = RTE_ETH_RSS_IP;
	cfg.engine = &io_engine;
	cfg.numa = true;	/* DPDK's testpmd is NUMA-aware unless told --no-numa */
	cfg.rx_pthresh = cfg.rx_hthresh = cfg.rx_wthresh = cfg.rx_free_thresh = -1;
	cfg.tx_pthresh = cfg.tx_hthresh = cfg.tx_wthresh = cfg.tx_free_thresh = -1;
	cfg.tx_rs_thresh = -1;
	cfg.event_print_mask = EVENT_PRINT_DEFAULT;
	/* DPDK's txonly defaults: 198.18.0.1:9 -> 198.18.0.2:9 (RFC 2544 addresses) */
	cfg.tx_ip_src = RTE_IPV4(198, 18, 0, 1);
	cfg.tx_ip_dst = RTE_IPV4(198, 18, 0, 2);
	cfg.tx_udp_src = 9;
	cfg.tx_udp_dst = 9;
	cfg.flowgen_flows = 1024;
	/* DPDK testpmd's default peers: 02:00:00:00:00:<port>. */
	for (unsigned int i = 0; i < RTE_MAX_ETHPORTS; i++) {
		struct rte_ether_addr a = { { 0x02, 0, 0, 0, 0, (uint8_t)i } };

		peer_addr[i] = a;
	}
}

/* --numa: one pool per socket that has ports, as DPDK's testpmd; else only mbuf_pool. */
static struct rte_mempool *socket_pools[RTE_MAX_NUMA_NODES];

static struct rte_mempool *
socket_pool_create(int socket, uint32_t n)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	struct rte_mempool *mp;

	snprintf(name, sizeof(name), "mb_pool_%d", socket);
	printf("testpmd: create a new mbuf pool <%s>: n=%u, size=%u, socket=%d\n", name, n,
	       cfg.mbuf_data_size, socket);
	mp = rte_pktmbuf_pool_create(name, n, cfg.mbuf_cache, 0, cfg.mbuf_data_size, socket);
	if (mp == NULL)
		fprintf(stderr, "testpmd: cannot create a pool of %u mbufs of %u bytes: %s; "
			"give more memory (-m MB) or fewer mbufs (--total-num-mbufs=N)\n", n,
			cfg.mbuf_data_size, rte_strerror(rte_errno));
	return mp;
}

/* The socket a port's queues and pool are on; a port without one counts as socket 0. */
static int
port_socket(uint16_t pid)
{
	int socket = rte_eth_dev_socket_id(pid);

	return socket < 0 || socket >= RTE_MAX_NUMA_NODES ? 0 : socket;
}

static struct rte_mempool *
port_pool(int socket)
{
	if (cfg.numa && socket_pools[socket] != NULL)
		return socket_pools[socket];
	return mbuf_pool;
}

int
mbuf_pool_create(uint16_t nb_ports)
{
	uint32_t n = cfg.total_num_mbufs;
	int main_socket = (int)rte_socket_id();
	uint16_t pid;

	if (n == 0) {
		uint32_t rxd = RTE_MAX(cfg.nb_rxd, (uint16_t)TESTPMD_DESC_ESTIMATE);
		uint32_t txd = RTE_MAX(cfg.nb_txd, (uint16_t)TESTPMD_DESC_ESTIMATE);

		n = nb_ports * (cfg.nb_rxq * rxd + cfg.nb_txq * txd) +
		    rte_lcore_count() * (cfg.mbuf_cache + TESTPMD_MAX_BURST);
		n = RTE_MAX(n, 8192u);
	}
	if (main_socket < 0 || main_socket >= RTE_MAX_NUMA_NODES)
		main_socket = 0;
	/* The main lcore's socket first: txonly and flowgen take their mbufs from it. */
	mbuf_pool = socket_pool_create(main_socket, n);
	if (mbuf_pool == NULL)
		return -1;
	socket_pools[main_socket] = mbuf_pool;
	if (!cfg.numa)
		return 0;
	RTE_ETH_FOREACH_DEV(pid) {
		int socket = port_socket(pid);

		if (socket_pools[socket] != NULL)
			continue;
		socket_pools[socket] = socket_pool_create(socket, n);
		if (socket_pools[socket] == NULL) {
			mbuf_pools_free();
			return -1;
		}
	}
	return 0;
}

void
mbuf_pools_free(void)
{
	for (int s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		rte_mempool_free(socket_pools[s]);
		socket_pools[s] = NULL;
	}
	mbuf_pool = NULL;
}

/*
 * Offloads the port cannot do (--rx-offloads, --tx-offloads, --enable-rx-cksum)
 * are refused here with the line DPDK's ethdev prints, so that scripts
 * written for DPDK find it, and the command that shows what it can do.
 */
static int
port_offloads_fit(uint16_t pid, bool rx, uint64_t req, uint64_t capa)
{
	const char *dir = rx ? "Rx" : "Tx";

	if ((req & capa) == req)
		return 0;
	fprintf(stderr, "Ethdev port_id=%u requested %s offloads 0x%" PRIx64 " doesn't match "
		"%s offloads capabilities 0x%" PRIx64 " in rte_eth_dev_configure()\n", pid, dir, req,
		dir, capa);
	fprintf(stderr, "Fail to configure port %d: see 'show port %d %s_offload capabilities' for "
		"what it can do\n", pid, pid, rx ? "rx" : "tx");
	return -EINVAL;
}

/* A threshold given on the command line (-1: not given, the driver's stays). */
static void
thresh_u8_set(uint8_t *field, int32_t given)
{
	if (given >= 0)
		*field = (uint8_t)given;
}

static void
thresh_u16_set(uint16_t *field, int32_t given)
{
	if (given >= 0)
		*field = (uint16_t)given;
}

/* The driver's defaults, with the thresholds given on the command line (-1: not given). */
static void
queue_confs_fill(uint16_t pid, const struct rte_eth_dev_info *info,
		 const struct rte_eth_conf *conf)
{
	struct rte_eth_rxconf *rx = &ports[pid].rxconf;
	struct rte_eth_txconf *tx = &ports[pid].txconf;

	*rx = info->default_rxconf;
	*tx = info->default_txconf;
	/* Every queue takes the port's offloads, as DPDK's testpmd sets them. */
	rx->offloads = conf->rxmode.offloads;
	tx->offloads = conf->txmode.offloads;
	thresh_u8_set(&rx->rx_thresh.pthresh, cfg.rx_pthresh);
	thresh_u8_set(&rx->rx_thresh.hthresh, cfg.rx_hthresh);
	thresh_u8_set(&rx->rx_thresh.wthresh, cfg.rx_wthresh);
	thresh_u16_set(&rx->rx_free_thresh, cfg.rx_free_thresh);
	thresh_u8_set(&tx->tx_thresh.pthresh, cfg.tx_pthresh);
	thresh_u8_set(&tx->tx_thresh.hthresh, cfg.tx_hthresh);
	thresh_u8_set(&tx->tx_thresh.wthresh, cfg.tx_wthresh);
	thresh_u16_set(&tx->tx_free_thresh, cfg.tx_free_thresh);
	thresh_u16_set(&tx->tx_rs_thresh, cfg.tx_rs_thresh);
}

static int
port_configure(uint16_t pid)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	int socket = port_socket(pid);
	int ret;

	printf("Configuring Port %d (socket %d)\n", pid, socket);
	ret = rte_eth_dev_info_get(pid, &info);
	if (ret != 0)
		goto fail;
	if (cfg.nb_rxq > info.max_rx_queues || cfg.nb_txq > info.max_tx_queues) {
		fprintf(stderr, "Fail to configure port %d: it has at most %u rx and %u tx "
			"queues; lower --rxq/--txq\n", pid, info.max_rx_queues,
			info.max_tx_queues);
		return -EINVAL;
	}
	memset(&conf, 0, sizeof(conf));
	if (cfg.max_pkt_len != 0) {
		/* The frame's overhead over the MTU, as the driver counts it (else 18). */
		uint32_t overhead = info.max_mtu != UINT16_MAX && info.max_rx_pktlen > info.max_mtu ?
					    info.max_rx_pktlen - info.max_mtu :
					    RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;

		if (cfg.max_pkt_len < overhead + info.min_mtu ||
		    cfg.max_pkt_len - overhead > info.max_mtu) {
			fprintf(stderr, "Fail to configure port %d: --max-pkt-len=%u gives an MTU "
				"outside %u..%u; give a frame length in %u..%u\n", pid,
				cfg.max_pkt_len, info.min_mtu, info.max_mtu,
				info.min_mtu + overhead, info.max_mtu + overhead);
			return -EINVAL;
		}
		conf.rxmode.mtu = cfg.max_pkt_len - overhead;
	}
	/* Asked for even where the port lacks it, as DPDK does: configure names the cause. */
	if (cfg.rx_cksum)
		conf.rxmode.offloads |= RTE_ETH_RX_OFFLOAD_CHECKSUM;
	conf.rxmode.offloads |= cfg.rx_offloads | ports[pid].rx_offloads_on;
	conf.rxmode.offloads &= ~ports[pid].rx_offloads_off;
	conf.txmode.offloads |= cfg.tx_offloads | ports[pid].tx_offloads_on;
	conf.txmode.offloads &= ~ports[pid].tx_offloads_off;
	ret = port_offloads_fit(pid, true, conf.rxmode.offloads, info.rx_offload_capa);
	if (ret == 0)
		ret = port_offloads_fit(pid, false, conf.txmode.offloads, info.tx_offload_capa);
	if (ret != 0)
		return ret;
	if (cfg.nb_rxq > 1 && (cfg.rss_hf & info.flow_type_rss_offloads) != 0) {
		conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
		conf.rx_adv_conf.rss_conf.rss_hf = cfg.rss_hf & info.flow_type_rss_offloads;
	}
	conf.link_speeds = cfg.link_speeds;
	/* As DPDK's testpmd: the interrupts the port has, unless told not to. */
	if (info.dev_flags != NULL) {
		conf.intr_conf.lsc = !cfg.no_lsc_intr && (*info.dev_flags & RTE_ETH_DEV_INTR_LSC);
		conf.intr_conf.rmv = !cfg.no_rmv_intr && (*info.dev_flags & RTE_ETH_DEV_INTR_RMV);
	}
	ret = rte_eth_dev_configure(pid, cfg.nb_rxq, cfg.nb_txq, &conf);
	if (ret != 0)
		goto fail;
	queue_confs_fill(pid, &info, &conf);
	for (uint16_t q = 0; q < cfg.nb_rxq; q++) {
		ret = rte_eth_rx_queue_setup(pid, q, cfg.nb_rxd, (unsigned int)socket,
					     &ports[pid].rxconf, port_pool(socket));
		if (ret != 0)
			goto fail;
	}
	for (uint16_t q = 0; q < cfg.nb_txq; q++) {
		ret = rte_eth_tx_queue_setup(pid, q, cfg.nb_txd, (unsigned int)socket,
					     &ports[pid].txconf);
		if (ret != 0)
			goto fail;
	}
	port_xstats_display_init(pid);
	ports[pid].configured = true;
	return 0;
fail:
	fprintf(stderr, "Fail to configure port %d: %s\n", pid, strerror(-ret));
	return ret;
}

static void
link_status_check(void)
{
	uint16_t pid;
	bool all_up = false;

	if (cfg.no_link_check)
		return;
	printf("Checking link statuses...\n");
	fflush(stdout);
	for (int waited = 0; waited <= LINK_CHECK_MAX_MS && !all_up;
	     waited += LINK_CHECK_INTERVAL_MS) {
		all_up = true;
		RTE_ETH_FOREACH_DEV(pid) {
			struct rte_eth_link link;

			if (!ports[pid].started)
				continue;
			if (rte_eth_link_get_nowait(pid, &link) != 0 || !link.link_status)
				all_up = false;
		}
		if (atomic_load_explicit(&force_quit, memory_order_relaxed))
			break;
		if (!all_up)
			rte_delay_ms(LINK_CHECK_INTERVAL_MS);
	}
	if (!all_up) {
		RTE_ETH_FOREACH_DEV(pid) {
			struct rte_eth_link link;

			if (ports[pid].started && (rte_eth_link_get_nowait(pid, &link) != 0 ||
						   !link.link_status))
				printf("Port %d Link down\n", pid);
		}
	}
	printf("Done\n");
}

int
ports_start(uint16_t port_id)
{
	uint16_t pid;
	int failed = 0;
	/* As DPDK's testpmd: asking to start only started ports is a mistake. */
	bool any = false, all_started = true;

	RTE_ETH_FOREACH_DEV(pid) {
		char mac[RTE_ETHER_ADDR_FMT_SIZE];
		int ret;

		if (port_id != RTE_MAX_ETHPORTS && pid != port_id)
			continue;
		any = true;
		if (ports[pid].started) {
			printf("Port %d is now not stopped\n", pid);
			continue;
		}
		all_started = false;
		if (!ports[pid].configured && port_configure(pid) != 0) {
			failed++;
			continue;
		}
		ret = rte_eth_dev_start(pid);
		if (ret != 0) {
			fprintf(stderr, "Fail to start port %d: %s\n", pid, strerror(-ret));
			failed++;
			continue;
		}
		/* Like DPDK's testpmd; a driver without it is not an error. */
		rte_eth_promiscuous_enable(pid);
		ports[pid].started = true;
		/* New queues after "port config all rxq N" get theirs too. */
		verbose_callbacks_apply(pid);
		rte_eth_macaddr_get(pid, &ports[pid].mac);
		rte_ether_format_addr(mac, sizeof(mac), &ports[pid].mac);
		printf("Port %d: %s\n", pid, mac);
	}
	if (any && all_started) {
		printf("Please stop the ports first\n");
		return -1;
	}
	link_status_check();
	return failed ? -1 : 0;
}

int
ports_stop(uint16_t port_id)
{
	uint16_t pid;

	printf("Stopping ports...\n");
	RTE_ETH_FOREACH_DEV(pid) {
		if (port_id != RTE_MAX_ETHPORTS && pid != port_id)
			continue;
		if (!ports[pid].started)
			continue;
		if (rte_eth_dev_stop(pid) != 0)
			fprintf(stderr, "Fail to stop port %d\n", pid);
		ports[pid].started = false;
	}
	link_status_check();
	return 0;
}

bool
ports_all_stopped(void)
{
	uint16_t pid;

	RTE_ETH_FOREACH_DEV(pid) {
		if (ports[pid].started)
			return false;
	}
	return true;
}

void
ports_reconfig(void)
{
	uint16_t pid;

	RTE_ETH_FOREACH_DEV(pid) {
		/* Off while the queues they sit on exist; the next start puts them back. */
		verbose_callbacks_remove(pid);
		ports[pid].configured = false;
	}
}

int
ports_close_one(uint16_t port_id)
{
	uint16_t pid;
	int failed = 0;

	printf("Closing ports...\n");
	RTE_ETH_FOREACH_DEV(pid) {
		if (port_id != RTE_MAX_ETHPORTS && pid != port_id)
			continue;
		if (ports[pid].started) {
			printf("Cannot close started device (port %d): run 'port stop %d' first\n",
			       pid, pid);
			failed++;
			continue;
		}
		verbose_callbacks_remove(pid);
		flow_rules_release(pid);
		rte_eth_dev_close(pid);
		/* The id may come back with another device: forget this one. */
		port_state_reset(pid);
		printf("Port %d is closed\n", pid);
	}
	printf("Done\n");
	return failed ? -1 : 0;
}

void
port_state_reset(uint16_t pid)
{
	port_xstats_display_free(pid);
	memset(&ports[pid], 0, sizeof(ports[pid]));
}

void
ports_close(void)
{
	uint16_t pid;

	RTE_ETH_FOREACH_DEV(pid) {
		if (ports[pid].started) {
			printf("\nStopping port %d...\nStopping ports...\n", pid);
			rte_eth_dev_stop(pid);
			ports[pid].started = false;
			printf("Done\n");
		}
	}
	RTE_ETH_FOREACH_DEV(pid) {
		printf("\nShutting down port %d...\nClosing ports...\n", pid);
		verbose_callbacks_remove(pid);
		flow_rules_release(pid);
		rte_eth_dev_close(pid);
		port_state_reset(pid);
		printf("Port %d is closed\nDone\n", pid);
	}
}

static uint16_t
peer_index(uint16_t i, uint16_t n)
{
	switch (cfg.topology) {
	case TOPO_CHAINED:
		return (uint16_t)((i + 1) % n);
	case TOPO_LOOP:
		return i;
	case TOPO_PAIRED:
	default:
		/* An odd last port pairs with itself, as in DPDK's testpmd. */
		return (i ^ 1) < n ? (uint16_t)(i ^ 1) : i;
	}
}

void
fwd_streams_free(void)
{
	for (uint16_t s = 0; s < nb_fwd_streams && fwd_streams != NULL; s++)
		free(fwd_streams[s].bursts);
	free(fwd_streams);
	fwd_streams = NULL;
	nb_fwd_streams = 0;
}

void
fwd_config_setup(void)
{
	uint16_t pid, nb_q, s = 0;
	uint16_t per_lcore, extra;

	nb_fwd_ports = 0;
	RTE_ETH_FOREACH_DEV(pid) {
		if (cfg.nb_fwd_ports != 0 && nb_fwd_ports == cfg.nb_fwd_ports)
			break;
		if (cfg.portmask != 0 && (pid >= 64 || !(cfg.portmask & (1ull << pid))))
			continue;
		fwd_ports[nb_fwd_ports++] = pid;
	}
	nb_q = RTE_MIN(cfg.nb_rxq, cfg.nb_txq);
	fwd_streams_free();
	nb_fwd_streams = (uint16_t)(nb_fwd_ports * nb_q);
	fwd_streams = aligned_alloc(RTE_CACHE_LINE_SIZE,
				    RTE_MAX((size_t)nb_fwd_streams, (size_t)1) *
				    sizeof(*fwd_streams));
	if (fwd_streams == NULL)
		rte_exit(EXIT_FAILURE, "cannot allocate %u forwarding streams\n", nb_fwd_streams);
	/* Ports vary fastest, like DPDK's testpmd: P0Q0, P1Q0, P0Q1, ... */
	for (uint16_t q = 0; q < nb_q; q++) {
		for (uint16_t i = 0; i < nb_fwd_ports; i++) {
			struct fwd_stream *fs = &fwd_streams[s++];

			memset(fs, 0, sizeof(*fs));
			fs->rx_port = fwd_ports[i];
			fs->rx_queue = q;
			fs->tx_port = fwd_ports[peer_index(i, nb_fwd_ports)];
			fs->tx_queue = q;
			if (cfg.record_burst_stats) {
				fs->bursts = calloc(1, sizeof(*fs->bursts));
				if (fs->bursts == NULL)
					rte_exit(EXIT_FAILURE, "cannot allocate burst statistics\n");
			}
		}
	}
	nb_fwd_lcores = (uint16_t)RTE_MIN((unsigned int)cfg.nb_fwd_lcores, nb_avail_fwd_lcores);
	nb_fwd_lcores = RTE_MIN(nb_fwd_lcores, nb_fwd_streams);
	if (nb_fwd_lcores == 0)
		return;
	per_lcore = nb_fwd_streams / nb_fwd_lcores;
	extra = nb_fwd_streams % nb_fwd_lcores;
	s = 0;
	for (uint16_t lc = 0; lc < nb_fwd_lcores; lc++) {
		struct fwd_lcore *fc = &fwd_lcores[lc];

		fc->lcore_id = fwd_lcore_ids[lc];
		fc->stream_first = s;
		/* The last lcores take the remainder. */
		fc->stream_nb = (uint16_t)(per_lcore + (lc >= nb_fwd_lcores - extra ? 1 : 0));
		s = (uint16_t)(s + fc->stream_nb);
	}
}

void
fwd_lcores_find(void)
{
	unsigned int lcore_id;

	nb_avail_fwd_lcores = 0;
	RTE_LCORE_FOREACH_WORKER(lcore_id)
		fwd_lcore_ids[nb_avail_fwd_lcores++] = lcore_id;
}

bool
fwd_running(void)
{
	return fwd_is_running;
}

static void
rx_queues_flush(void)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];

	/* Two passes 10 ms apart, like DPDK's testpmd, for packets in flight. */
	for (int pass = 0; pass < 2; pass++) {
		for (uint16_t i = 0; i < nb_fwd_ports; i++) {
			for (uint16_t q = 0; q < cfg.nb_rxq; q++) {
				uint16_t n;
				int rounds = 0;

				do {
					n = rte_eth_rx_burst(fwd_ports[i], q, pkts,
							     TESTPMD_MAX_BURST);
					rte_pktmbuf_free_bulk(pkts, n);
				} while (n > 0 && ++rounds < 64);
			}
		}
		rte_delay_ms(10);
	}
}

static void
tx_first_burst(void)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];

	for (uint16_t s = 0; s < nb_fwd_streams; s++) {
		struct fwd_stream *fs = &fwd_streams[s];
		uint16_t nb, nb_tx;

		nb = (uint16_t)tx_pkts_alloc(pkts, cfg.burst, fs->tx_port, UINT32_MAX);
		nb_tx = rte_eth_tx_burst(fs->tx_port, fs->tx_queue, pkts, nb);
		fs->tx_packets += nb_tx;
		if (nb_tx < nb) {
			fs->fwd_dropped += nb - nb_tx;
			rte_pktmbuf_free_bulk(&pkts[nb_tx], nb - nb_tx);
		}
	}
}

/* The engine's end of the first nb streams (their lcores are stopped). */
static void
fwd_streams_end(uint16_t nb)
{
	if (cfg.engine->stream_end == NULL)
		return;
	for (uint16_t s = 0; s < nb; s++)
		cfg.engine->stream_end(&fwd_streams[s]);
}

static int
fwd_streams_begin(void)
{
	if (cfg.engine->stream_begin == NULL)
		return 0;
	for (uint16_t s = 0; s < nb_fwd_streams; s++) {
		int ret = cfg.engine->stream_begin(&fwd_streams[s]);

		if (ret != 0) {
			printf("Cannot start %s forwarding on stream %u: %s\n", cfg.engine->name, s,
			       strerror(-ret));
			fwd_streams_end(s);
			return ret;
		}
	}
	return 0;
}

int
fwd_start(unsigned int tx_first_bursts)
{
	if (fwd_is_running) {
		printf("Packet forwarding already started\n");
		return -1;
	}
	fwd_config_setup();
	if (nb_fwd_ports == 0) {
		printf("No ports to forward on: add ports with --vdev (e.g. --vdev net_null0)\n");
		return -1;
	}
	if (nb_fwd_lcores == 0) {
		printf("No forwarding lcore: start with at least two lcores, e.g. -l 0-1\n");
		return -1;
	}
	for (uint16_t i = 0; i < nb_fwd_ports; i++) {
		if (!ports[fwd_ports[i]].started) {
			printf("Port %d is not started: run 'port start %d' first\n",
			       fwd_ports[i], fwd_ports[i]);
			return -1;
		}
	}
	if (cfg.topology == TOPO_PAIRED && (nb_fwd_ports & 1))
		printf("\nWarning! port-topology=paired and odd forward ports number, the last "
		       "port will pair with itself.\n\n");
	/* Flush, then print, then launch: the same order as DPDK's testpmd. */
	if (!cfg.no_flush_rx)
		rx_queues_flush();
	fwd_config_display();
	rxtx_config_display();
	for (uint16_t i = 0; i < nb_fwd_ports; i++) {
		uint16_t pid = fwd_ports[i];

		rte_eth_stats_get(pid, &ports[pid].fwd_base);
		if (cfg.engine->port_begin != NULL)
			cfg.engine->port_begin(pid);
	}
	if (fwd_streams_begin() != 0)
		return -1;
	for (unsigned int b = 0; b < tx_first_bursts; b++)
		tx_first_burst();
	fflush(stdout);
	for (uint16_t lc = 0; lc < nb_fwd_lcores; lc++) {
		struct fwd_lcore *fc = &fwd_lcores[lc];

		atomic_store_explicit(&fc->stopped, false, memory_order_relaxed);
		/* The launch publishes the streams and the flag to the lcore. */
		if (rte_eal_remote_launch(cfg.engine->lcore_loop, fc, fc->lcore_id) != 0) {
			printf("Cannot launch forwarding on lcore %u: it is busy\n", fc->lcore_id);
			for (uint16_t j = 0; j < lc; j++) {
				atomic_store_explicit(&fwd_lcores[j].stopped, true,
						      memory_order_relaxed);
				rte_eal_wait_lcore(fwd_lcores[j].lcore_id);
			}
			fwd_streams_end(nb_fwd_streams);
			return -1;
		}
	}
	fwd_is_running = true;
	return 0;
}

int
fwd_stop(void)
{
	if (!fwd_is_running) {
		printf("Packet forwarding not started\n");
		return -1;
	}
	printf("Telling cores to stop...\n");
	for (uint16_t lc = 0; lc < nb_fwd_lcores; lc++)
		atomic_store_explicit(&fwd_lcores[lc].stopped, true, memory_order_relaxed);
	printf("Waiting for lcores to finish...\n");
	/* Joining the lcores makes their stream counters visible here. */
	for (uint16_t lc = 0; lc < nb_fwd_lcores; lc++)
		rte_eal_wait_lcore(fwd_lcores[lc].lcore_id);
	fwd_is_running = false;
	/* Before the statistics: an engine may drop what it still holds. */
	fwd_streams_end(nb_fwd_streams);
	verbose_callbacks_free_retired();
	fwd_stats_display();
	printf("\nDone.\n");
	fflush(stdout);
	return 0;
}
