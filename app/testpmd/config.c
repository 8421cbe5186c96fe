/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What testpmd prints: port statistics, forward statistics, port infos,
 * extended statistics and the forwarding configuration, in the layout of
 * DPDK's testpmd so that scripts written for one read the other.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_lcore.h>

#include "testpmd.h"

static const char nic_stats_border[] = "########################";
static const char fwd_stats_border[] = "----------------------";
static const char acc_stats_border[] = "+++++++++++++++";

uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t
per_second(uint64_t diff, uint64_t diff_ns)
{
	if (diff_ns == 0)
		return 0;
	/* In double: diff * 1e9 would overflow 64 bits after ~18e9 packets. */
	return (uint64_t)((double)diff * 1e9 / (double)diff_ns);
}

void
nic_stats_display(uint16_t port_id)
{
	struct port_state *p = &ports[port_id];
	struct rte_eth_stats st;
	uint64_t now, dns = 0, rx_pps, tx_pps, rx_bps, tx_bps;

	if (rte_eth_stats_get(port_id, &st) != 0) {
		printf("Cannot read the statistics of port %u\n", port_id);
		return;
	}
	now = now_ns();
	/* The first sample has no interval: report 0 like DPDK's testpmd. */
	if (p->prev_ns != 0)
		dns = now - p->prev_ns;
	rx_pps = per_second(st.ipackets - p->prev_ipackets, dns);
	tx_pps = per_second(st.opackets - p->prev_opackets, dns);
	rx_bps = per_second(st.ibytes - p->prev_ibytes, dns) * 8;
	tx_bps = per_second(st.obytes - p->prev_obytes, dns) * 8;
	if (st.ipackets < p->prev_ipackets || st.opackets < p->prev_opackets)
		rx_pps = tx_pps = rx_bps = tx_bps = 0;	/* cleared in between */
	p->prev_ipackets = st.ipackets;
	p->prev_opackets = st.opackets;
	p->prev_ibytes = st.ibytes;
	p->prev_obytes = st.obytes;
	p->prev_ns = now;

	printf("\n  %s NIC statistics for port %-2d %s\n", nic_stats_border, port_id,
	       nic_stats_border);
	printf("  RX-packets: %-10" PRIu64 " RX-missed: %-10" PRIu64 " RX-bytes:  %-" PRIu64 "\n",
	       st.ipackets, st.imissed, st.ibytes);
	printf("  RX-errors: %-" PRIu64 "\n", st.ierrors);
	printf("  RX-nombuf:  %-10" PRIu64 "\n", st.rx_nombuf);
	printf("  TX-packets: %-10" PRIu64 " TX-errors: %-10" PRIu64 " TX-bytes:  %-" PRIu64 "\n",
	       st.opackets, st.oerrors, st.obytes);
	printf("\n  Throughput (since last show)\n");
	printf("  Rx-pps: %12" PRIu64 "          Rx-bps: %12" PRIu64 "\n", rx_pps, rx_bps);
	printf("  Tx-pps: %12" PRIu64 "          Tx-bps: %12" PRIu64 "\n", tx_pps, tx_bps);
	printf("  %s############################%s\n", nic_stats_border, nic_stats_border);
}

void
nic_stats_clear(uint16_t port_id)
{
	struct port_state *p = &ports[port_id];

	if (rte_eth_stats_reset(port_id) != 0) {
		printf("Cannot clear the statistics of port %u\n", port_id);
		return;
	}
	/* Forward statistics and rates count from here on. */
	rte_eth_stats_get(port_id, &p->fwd_base);
	p->prev_ipackets = p->prev_opackets = p->prev_ibytes = p->prev_obytes = 0;
	p->prev_ns = 0;
	printf("\n  NIC statistics for port %d cleared\n", port_id);
}

void
nic_xstats_display(uint16_t port_id)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *vals = NULL;
	int n, i;

	printf("###### NIC extended statistics for port %-2d\n", port_id);
	n = rte_eth_xstats_get_names(port_id, NULL, 0);
	if (n < 0) {
		printf("Cannot get the extended statistics of port %u: %s\n", port_id,
		       strerror(-n));
		return;
	}
	names = calloc((size_t)n + 1, sizeof(*names));
	vals = calloc((size_t)n + 1, sizeof(*vals));
	if (names == NULL || vals == NULL) {
		printf("Cannot allocate memory for %d extended statistics\n", n);
		goto out;
	}
	if (rte_eth_xstats_get_names(port_id, names, (unsigned int)n) != n ||
	    rte_eth_xstats_get(port_id, vals, (unsigned int)n) != n) {
		printf("Cannot get the extended statistics of port %u\n", port_id);
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%s: %" PRIu64 "\n", names[vals[i].id].name, vals[i].value);
out:
	free(names);
	free(vals);
}

void
fwd_config_display(void)
{
	char mac[RTE_ETHER_ADDR_FMT_SIZE];

	printf("%s packet forwarding - ports=%u - cores=%u - streams=%u - "
	       "NUMA support enabled, MP allocation mode: native\n",
	       cfg.engine->name, nb_fwd_ports, nb_fwd_lcores, nb_fwd_streams);
	for (uint16_t lc = 0; lc < nb_fwd_lcores; lc++) {
		const struct fwd_lcore *fc = &fwd_lcores[lc];

		printf("Logical Core %u (socket %u) forwards packets on %d streams:\n",
		       fc->lcore_id, rte_lcore_to_socket_id(fc->lcore_id), fc->stream_nb);
		for (uint16_t s = 0; s < fc->stream_nb; s++) {
			const struct fwd_stream *fs = &fwd_streams[fc->stream_first + s];

			rte_ether_format_addr(mac, sizeof(mac), &peer_addr[fs->tx_port]);
			printf("  RX P=%d/Q=%d (socket %d) -> TX P=%d/Q=%d (socket %d) peer=%s\n",
			       fs->rx_port, fs->rx_queue, rte_eth_dev_socket_id(fs->rx_port) < 0 ?
			       0 : rte_eth_dev_socket_id(fs->rx_port),
			       fs->tx_port, fs->tx_queue, rte_eth_dev_socket_id(fs->tx_port) < 0 ?
			       0 : rte_eth_dev_socket_id(fs->tx_port), mac);
		}
	}
	printf("\n");
}

void
rxtx_config_display(void)
{
	printf("  %s packet forwarding packets/burst=%d\n", cfg.engine->name, cfg.burst);
	if (cfg.engine == &txonly_engine || cfg.engine == &flowgen_engine) {
		printf("  packet len=%u - nb packet segments=%d\n", cfg.tx_pkt_len, cfg.nb_txsegs);
	}
	printf("  nb forwarding cores=%d - nb forwarding ports=%d\n", nb_fwd_lcores,
	       nb_fwd_ports);
	for (uint16_t i = 0; i < nb_fwd_ports; i++) {
		uint16_t pid = fwd_ports[i];
		struct rte_eth_rxq_info rxq;
		struct rte_eth_txq_info txq;

		struct rte_eth_conf conf;

		memset(&conf, 0, sizeof(conf));
		rte_eth_dev_conf_get(pid, &conf);
		printf("  port %d: RX queue number: %d Tx queue number: %d\n", pid, cfg.nb_rxq,
		       cfg.nb_txq);
		printf("    Rx offloads=0x%" PRIx64 " Tx offloads=0x%" PRIx64 "\n",
		       conf.rxmode.offloads, conf.txmode.offloads);
		for (uint16_t q = 0; q < cfg.nb_rxq; q++) {
			memset(&rxq, 0, sizeof(rxq));
			rxq.nb_desc = cfg.nb_rxd;
			rte_eth_rx_queue_info_get(pid, q, &rxq);
			printf("    RX queue: %d\n", q);
			printf("      RX desc=%d - RX free threshold=%d\n", rxq.nb_desc,
			       rxq.conf.rx_free_thresh);
			printf("      RX threshold registers: pthresh=%d hthresh=%d  wthresh=%d\n",
			       rxq.conf.rx_thresh.pthresh, rxq.conf.rx_thresh.hthresh,
			       rxq.conf.rx_thresh.wthresh);
			printf("      RX Offloads=0x%" PRIx64 "\n", rxq.conf.offloads);
		}
		for (uint16_t q = 0; q < cfg.nb_txq; q++) {
			memset(&txq, 0, sizeof(txq));
			txq.nb_desc = cfg.nb_txd;
			rte_eth_tx_queue_info_get(pid, q, &txq);
			printf("    TX queue: %d\n", q);
			printf("      TX desc=%d - TX free threshold=%d\n", txq.nb_desc,
			       txq.conf.tx_free_thresh);
			printf("      TX threshold registers: pthresh=%d hthresh=%d  wthresh=%d\n",
			       txq.conf.tx_thresh.pthresh, txq.conf.tx_thresh.hthresh,
			       txq.conf.tx_thresh.wthresh);
			printf("      TX offloads=0x%" PRIx64 " - TX RS bit threshold=%d\n",
			       txq.conf.offloads, txq.conf.tx_rs_thresh);
		}
	}
}

void
fwd_stats_display(void)
{
	uint64_t tx_dropped[RTE_MAX_ETHPORTS] = { 0 };
	uint64_t total_rx = 0, total_rx_dropped = 0, total_tx = 0, total_tx_dropped = 0;
	uint64_t total_nombuf = 0;

	for (uint16_t s = 0; s < nb_fwd_streams; s++)
		tx_dropped[fwd_streams[s].tx_port] += fwd_streams[s].fwd_dropped;

	for (uint16_t i = 0; i < nb_fwd_ports; i++) {
		uint16_t pid = fwd_ports[i];
		const struct rte_eth_stats *b = &ports[pid].fwd_base;
		struct rte_eth_stats st;
		uint64_t txd;

		if (rte_eth_stats_get(pid, &st) != 0)
			continue;
		st.ipackets -= b->ipackets;
		st.opackets -= b->opackets;
		st.imissed -= b->imissed;
		st.ierrors -= b->ierrors;
		st.oerrors -= b->oerrors;
		st.rx_nombuf -= b->rx_nombuf;
		txd = tx_dropped[pid] + st.oerrors;

		total_rx += st.ipackets;
		total_tx += st.opackets;
		total_rx_dropped += st.imissed;
		total_tx_dropped += txd;
		total_nombuf += st.rx_nombuf;

		printf("\n  %s Forward statistics for port %-2d %s\n", fwd_stats_border, pid,
		       fwd_stats_border);
		printf("  RX-packets: %-14" PRIu64 " RX-dropped: %-14" PRIu64 "RX-total: %-" PRIu64
		       "\n", st.ipackets, st.imissed, st.ipackets + st.imissed);
		if (st.ierrors + st.rx_nombuf > 0) {
			printf("  RX-error: %-" PRIu64 "\n", st.ierrors);
			printf("  RX-nombufs: %-14" PRIu64 "\n", st.rx_nombuf);
		}
		printf("  TX-packets: %-14" PRIu64 " TX-dropped: %-14" PRIu64 "TX-total: %-" PRIu64
		       "\n", st.opackets, txd, st.opackets + txd);
		printf("  %s--------------------------------%s\n", fwd_stats_border,
		       fwd_stats_border);
	}
	printf("\n  %s Accumulated forward statistics for all ports%s\n", acc_stats_border,
	       acc_stats_border);
	printf("  RX-packets: %-14" PRIu64 " RX-dropped: %-14" PRIu64 "RX-total: %-" PRIu64 "\n",
	       total_rx, total_rx_dropped, total_rx + total_rx_dropped);
	printf("  TX-packets: %-14" PRIu64 " TX-dropped: %-14" PRIu64 "TX-total: %-" PRIu64 "\n",
	       total_tx, total_tx_dropped, total_tx + total_tx_dropped);
	if (total_nombuf > 0)
		printf("  RX-nombufs: %-14" PRIu64 "\n", total_nombuf);
	printf("  %s++++++++++++++++++++++++++++++++++++++++++++++%s\n", acc_stats_border,
	       acc_stats_border);
}

void
periodic_stats_display(void)
{
	static const char clr[] = { 27, '[', '2', 'J', '\0' };
	static const char top_left[] = { 27, '[', '1', ';', '1', 'H', '\0' };

	/* Clear the screen and go to the top left, like DPDK's testpmd. */
	printf("%s%s\nPort statistics ====================================", clr, top_left);
	for (uint16_t i = 0; i < nb_fwd_ports; i++)
		nic_stats_display(fwd_ports[i]);
	fflush(stdout);
}

void
nic_xstats_clear(uint16_t port_id)
{
	int ret = rte_eth_xstats_reset(port_id);

	if (ret != 0) {
		printf("Cannot clear the extended statistics of port %u: %s\n", port_id,
		       strerror(-ret));
		return;
	}
	/* xstats include the basic counters: the forward statistics restart too. */
	rte_eth_stats_get(port_id, &ports[port_id].fwd_base);
	printf("\n  NIC statistics for port %d cleared\n", port_id);
}

void
fwd_stats_reset(void)
{
	for (uint16_t i = 0; i < nb_fwd_ports; i++)
		rte_eth_stats_get(fwd_ports[i], &ports[fwd_ports[i]].fwd_base);
	for (uint16_t s = 0; s < nb_fwd_streams; s++) {
		fwd_streams[s].rx_packets = 0;
		fwd_streams[s].tx_packets = 0;
		fwd_streams[s].fwd_dropped = 0;
	}
}

void
fwd_lcores_config_display(void)
{
	unsigned int n = RTE_MIN((unsigned int)cfg.nb_fwd_lcores, nb_avail_fwd_lcores);

	printf("List of forwarding lcores:");
	for (unsigned int i = 0; i < n; i++)
		printf(" %2u", fwd_lcore_ids[i]);
	printf("\n");
}

void
tx_pkt_segments_display(void)
{
	printf("Number of segments: %u\n", cfg.nb_txsegs);
	printf("Segment sizes: ");
	for (uint16_t i = 0; i < cfg.nb_txsegs; i++)
		printf("%u%s", cfg.txpkts[i], i + 1 < cfg.nb_txsegs ? "," : "\n");
	/* Sluice's txonly never splits: DPDK's "set txsplit" is not there. */
	printf("Split packet: off\n");
}
