/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Basic forwarding: every packet received on port 0 goes out of port 1 and
 * the other way round (then 2 <-> 3, ...). One lcore, one queue per port.
 * Stops on SIGINT/SIGTERM and prints what each port received and sent.
 *
 * Run: sluice-skeleton -l 0 --no-huge --vdev net_ring0 --vdev net_ring1
 */
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#define RX_RING_SIZE 1024
#define TX_RING_SIZE 1024
#define NUM_MBUFS 8191
#define MBUF_CACHE_SIZE 250
#define BURST_SIZE 32

static volatile sig_atomic_t quit;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

/* One rx and one tx queue, started, promiscuous. */
static int
port_init(uint16_t port, struct rte_mempool *pool)
{
	struct rte_eth_conf conf = { 0 };
	uint16_t nb_rxd = RX_RING_SIZE, nb_txd = TX_RING_SIZE;
	struct rte_ether_addr mac;
	int ret;

	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, nb_rxd, rte_eth_dev_socket_id(port), NULL,
					     pool);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, nb_txd, rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		return ret;
	rte_eth_promiscuous_enable(port);
	rte_eth_macaddr_get(port, &mac);
	printf("Port %u MAC: " RTE_ETHER_ADDR_PRT_FMT "\n", port, RTE_ETHER_ADDR_BYTES(&mac));
	return 0;
}

int
main(int argc, char **argv)
{
	uint64_t rx[RTE_MAX_ETHPORTS] = { 0 }, tx[RTE_MAX_ETHPORTS] = { 0 };
	uint64_t dropped[RTE_MAX_ETHPORTS] = { 0 };
	struct rte_mempool *pool;
	uint16_t nb_ports, port;

	if (rte_eal_init(argc, argv) < 0)
		rte_exit(EXIT_FAILURE, "cannot start the EAL (see the message above)\n");
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	nb_ports = rte_eth_dev_count_avail();
	if (nb_ports == 0 || nb_ports % 2 != 0)
		rte_exit(EXIT_FAILURE, "%u ports: give an even number of ports, e.g. "
			 "--vdev net_ring0 --vdev net_ring1\n", nb_ports);

	pool = rte_pktmbuf_pool_create("MBUF_POOL", NUM_MBUFS * nb_ports, MBUF_CACHE_SIZE, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, (int)rte_socket_id());
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot create the mbuf pool: %s\n",
			 rte_strerror(rte_errno));
	RTE_ETH_FOREACH_DEV(port) {
		if (port_init(port, pool) != 0)
			rte_exit(EXIT_FAILURE, "cannot start port %u\n", port);
	}
	printf("Forwarding on lcore %u; Ctrl-C to stop\n", rte_lcore_id());
	fflush(stdout);

	/* Ports are paired 0<->1, 2<->3: the peer of a port is port ^ 1. */
	while (!quit) {
		RTE_ETH_FOREACH_DEV(port) {
			struct rte_mbuf *bufs[BURST_SIZE];
			uint16_t nb_rx, nb_tx;

			nb_rx = rte_eth_rx_burst(port, 0, bufs, BURST_SIZE);
			if (nb_rx == 0)
				continue;
			nb_tx = rte_eth_tx_burst(port ^ 1, 0, bufs, nb_rx);
			rx[port] += nb_rx;
			tx[port ^ 1] += nb_tx;
			/* Whatever the tx queue did not take is ours to free. */
			if (nb_tx < nb_rx) {
				dropped[port ^ 1] += nb_rx - nb_tx;
				rte_pktmbuf_free_bulk(&bufs[nb_tx], nb_rx - nb_tx);
			}
		}
	}

	RTE_ETH_FOREACH_DEV(port) {
		printf("port %u: rx %" PRIu64 " tx %" PRIu64 " dropped %" PRIu64 "\n", port,
		       rx[port], tx[port], dropped[port]);
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	rte_eal_cleanup();
	return 0;
}
