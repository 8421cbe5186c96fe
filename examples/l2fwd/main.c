/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * L2 forwarder: the enabled ports (-p mask) are paired in order (1st <->
 * 2nd, 3rd <-> 4th); a packet received on one goes out of its pair with
 * its MAC addresses rewritten: source = the tx port's MAC, destination =
 * 02:00:00:00:00:<tx port id>. Every lcore polls up to -q rx ports; the
 * main lcore also prints statistics every -T seconds.
 *
 * Run: sluice-l2fwd -l 0-1 --no-huge --vdev net_ring0 --vdev net_ring1 -- -p 0x3 -q 1
 * Options (after --): -p PORTMASK (required), -q N rx ports per lcore
 * (default 1), -T SECS stats period (default 10, 0: none),
 * --[no-]mac-updating (default on).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#define MAX_PKT_BURST 32
#define BURST_TX_DRAIN_US 100
#define MAX_RX_PORTS_PER_LCORE 16
#define NB_MBUF_PER_PORT 8192
#define NB_DESC 1024

struct lcore_conf {
	unsigned int n_rx_port;
	uint16_t rx_ports[MAX_RX_PORTS_PER_LCORE];
} __rte_cache_aligned;

struct port_stats {
	uint64_t rx;
	uint64_t tx;
	uint64_t dropped;
} __rte_cache_aligned;

static volatile bool force_quit;
static uint32_t portmask;
static unsigned int rx_per_lcore = 1;
static unsigned int stats_period = 10;
static int mac_updating = 1;
static uint16_t dst_port[RTE_MAX_ETHPORTS];
static struct rte_ether_addr port_mac[RTE_MAX_ETHPORTS];
static struct rte_eth_dev_tx_buffer *tx_buffer[RTE_MAX_ETHPORTS];
static struct lcore_conf lcore_conf[RTE_MAX_LCORE];
/* Each counter is written by the one lcore that owns the rx or tx port. */
static struct port_stats stats[RTE_MAX_ETHPORTS];

static void
on_signal(int sig)
{
	(void)sig;
	force_quit = true;
}

static void
stats_print(void)
{
	uint64_t rx = 0, tx = 0, dropped = 0;
	uint16_t p;

	printf("\nPort statistics ====================================");
	for (p = 0; p < RTE_MAX_ETHPORTS; p++) {
		if (!(portmask & (1u << p)))
			continue;
		printf("\nStatistics for port %u ------------------------------"
		       "\nPackets sent: %24" PRIu64 "\nPackets received: %20" PRIu64
		       "\nPackets dropped: %21" PRIu64, p, stats[p].tx, stats[p].rx,
		       stats[p].dropped);
		rx += stats[p].rx;
		tx += stats[p].tx;
		dropped += stats[p].dropped;
	}
	printf("\nAggregate statistics ==============================="
	       "\nTotal packets sent: %18" PRIu64 "\nTotal packets received: %14" PRIu64
	       "\nTotal packets dropped: %15" PRIu64
	       "\n====================================================\n", tx, rx, dropped);
	fflush(stdout);
}

static inline void
mac_rewrite(struct rte_mbuf *m, uint16_t out)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);

	/* 02:00:00:00:00:xx, the locally administered address of the peer. */
	memset(&eth->dst_addr, 0, sizeof(eth->dst_addr));
	eth->dst_addr.addr_bytes[0] = 0x02;
	eth->dst_addr.addr_bytes[5] = (uint8_t)out;
	rte_ether_addr_copy(&port_mac[out], &eth->src_addr);
}

static int
lcore_main(void *arg)
{
	const struct lcore_conf *lc = &lcore_conf[rte_lcore_id()];
	const uint64_t drain = (rte_get_tsc_hz() + US_PER_S - 1) / US_PER_S * BURST_TX_DRAIN_US;
	const uint64_t period = stats_period * rte_get_tsc_hz();
	const bool is_main = rte_lcore_id() == rte_get_main_lcore();
	uint64_t prev = rte_rdtsc(), last_stats = prev;

	(void)arg;
	if (lc->n_rx_port == 0 && !is_main)
		return 0;
	while (!force_quit) {
		uint64_t now = rte_rdtsc();

		if (now - prev > drain) {
			/* Send what waited in the buffers longer than the drain time. */
			for (unsigned int i = 0; i < lc->n_rx_port; i++) {
				uint16_t out = dst_port[lc->rx_ports[i]];

				stats[out].tx += rte_eth_tx_buffer_flush(out, 0, tx_buffer[out]);
			}
			if (is_main && period != 0 && now - last_stats >= period) {
				stats_print();
				last_stats = now;
			}
			prev = now;
		}
		for (unsigned int i = 0; i < lc->n_rx_port; i++) {
			struct rte_mbuf *pkts[MAX_PKT_BURST];
			uint16_t in = lc->rx_ports[i], out = dst_port[in];
			uint16_t nb = rte_eth_rx_burst(in, 0, pkts, MAX_PKT_BURST);

			stats[in].rx += nb;
			for (uint16_t j = 0; j < nb; j++) {
				if (mac_updating)
					mac_rewrite(pkts[j], out);
				stats[out].tx += rte_eth_tx_buffer(out, 0, tx_buffer[out], pkts[j]);
			}
		}
	}
	for (unsigned int i = 0; i < lc->n_rx_port; i++) {
		uint16_t out = dst_port[lc->rx_ports[i]];

		stats[out].tx += rte_eth_tx_buffer_flush(out, 0, tx_buffer[out]);
	}
	return 0;
}

static int
parse_args(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "mac-updating", no_argument, &mac_updating, 1 },
		{ "no-mac-updating", no_argument, &mac_updating, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int opt;

	while ((opt = getopt_long(argc, argv, "p:q:T:", lopts, NULL)) != -1) {
		unsigned long v;

		if (opt == 0)
			continue;
		if (opt != 'p' && opt != 'q' && opt != 'T') {
			fprintf(stderr, "l2fwd: unknown option; use -p PORTMASK [-q N] [-T SECS] "
				"[--no-mac-updating]\n");
			return -1;
		}
		errno = 0;
		v = strtoul(optarg, &end, opt == 'p' ? 16 : 10);
		if (errno != 0 || end == optarg || *end != '\0') {
			fprintf(stderr, "l2fwd: invalid -%c '%s': expected a %s number\n", opt,
				optarg, opt == 'p' ? "hexadecimal" : "decimal");
			return -1;
		}
		if (opt == 'p') {
			portmask = (uint32_t)v;
		} else if (opt == 'q') {
			if (v == 0 || v > MAX_RX_PORTS_PER_LCORE) {
				fprintf(stderr, "l2fwd: invalid -q %lu: give 1..%d\n", v,
					MAX_RX_PORTS_PER_LCORE);
				return -1;
			}
			rx_per_lcore = (unsigned int)v;
		} else {
			stats_period = (unsigned int)v;
		}
	}
	if (portmask == 0) {
		fprintf(stderr, "l2fwd: no ports enabled: give a port mask, e.g. -p 0x3\n");
		return -1;
	}
	return 0;
}

static int
port_init(uint16_t port, struct rte_mempool *pool)
{
	struct rte_eth_conf conf = { 0 };
	uint16_t nb_rxd = NB_DESC, nb_txd = NB_DESC;
	int ret;

	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, nb_rxd, rte_eth_dev_socket_id(port), NULL,
					     pool);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, nb_txd, rte_eth_dev_socket_id(port), NULL);
	if (ret != 0)
		return ret;
	tx_buffer[port] = rte_zmalloc_socket("tx_buffer", RTE_ETH_TX_BUFFER_SIZE(MAX_PKT_BURST),
					     0, rte_eth_dev_socket_id(port));
	if (tx_buffer[port] == NULL)
		return -ENOMEM;
	rte_eth_tx_buffer_init(tx_buffer[port], MAX_PKT_BURST);
	/* Count what a full tx queue refuses, instead of dropping silently. */
	rte_eth_tx_buffer_set_err_callback(tx_buffer[port], rte_eth_tx_buffer_count_callback,
					   &stats[port].dropped);
	ret = rte_eth_dev_start(port);
	if (ret != 0)
		return ret;
	rte_eth_promiscuous_enable(port);
	rte_eth_macaddr_get(port, &port_mac[port]);
	printf("Port %u, MAC address: " RTE_ETHER_ADDR_PRT_FMT "\n", port,
	       RTE_ETHER_ADDR_BYTES(&port_mac[port]));
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_mempool *pool;
	unsigned int lcore = 0, nb_enabled = 0;
	uint16_t port, last = RTE_MAX_ETHPORTS;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot start the EAL (see the message above)\n");
	argc -= ret;
	argv += ret;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (parse_args(argc, argv) < 0)
		rte_exit(EXIT_FAILURE, "invalid arguments (see above)\n");

	RTE_ETH_FOREACH_DEV(port) {
		if (!(portmask & (1u << port)))
			continue;
		/* Pair the enabled ports in order. */
		if (last == RTE_MAX_ETHPORTS) {
			last = port;
		} else {
			dst_port[last] = port;
			dst_port[port] = last;
			last = RTE_MAX_ETHPORTS;
		}
		nb_enabled++;
	}
	if (portmask & ~((1u << rte_eth_dev_count_avail()) - 1))
		rte_exit(EXIT_FAILURE, "-p 0x%x names ports that do not exist: there are %u\n",
			 portmask, rte_eth_dev_count_avail());
	if (nb_enabled % 2 != 0)
		rte_exit(EXIT_FAILURE, "-p 0x%x enables %u ports: enable an even number\n",
			 portmask, nb_enabled);

	/* Hand the rx ports to the lcores, -q per lcore. */
	RTE_ETH_FOREACH_DEV(port) {
		if (!(portmask & (1u << port)))
			continue;
		while (lcore < RTE_MAX_LCORE && (!rte_lcore_is_enabled(lcore) ||
		       lcore_conf[lcore].n_rx_port == rx_per_lcore))
			lcore++;
		if (lcore == RTE_MAX_LCORE)
			rte_exit(EXIT_FAILURE, "not enough lcores for %u ports at -q %u: give more "
				 "lcores with -l or raise -q\n", nb_enabled, rx_per_lcore);
		lcore_conf[lcore].rx_ports[lcore_conf[lcore].n_rx_port++] = port;
		printf("Lcore %u: RX port %u TX port %u\n", lcore, port, dst_port[port]);
	}

	pool = rte_pktmbuf_pool_create("mbuf_pool", NB_MBUF_PER_PORT * nb_enabled, 256, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, (int)rte_socket_id());
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot create the mbuf pool: %s\n",
			 rte_strerror(rte_errno));
	RTE_ETH_FOREACH_DEV(port) {
		if ((portmask & (1u << port)) && port_init(port, pool) != 0)
			rte_exit(EXIT_FAILURE, "cannot start port %u\n", port);
	}
	printf("L2FWD: forwarding, MAC updating %s; Ctrl-C to stop\n",
	       mac_updating ? "enabled" : "disabled");
	fflush(stdout);

	rte_eal_mp_remote_launch(lcore_main, NULL, CALL_MAIN);
	rte_eal_mp_wait_lcore();

	stats_print();
	RTE_ETH_FOREACH_DEV(port) {
		if (!(portmask & (1u << port)))
			continue;
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	rte_eal_cleanup();
	printf("Bye...\n");
	return 0;
}
