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

#include <rte_cycles.h>
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

/*
 * The rate of a counter that went from prev to cur in diff_ns. A counter
 * below its last value was cleared in between (or a driver's counter went
 * back): no rate, as DPDK's testpmd shows. The rate is computed in double
 * (diff * 1e9 would overflow 64 bits after ~18e9 packets) and kept below
 * 2^64 before it is converted: a huge count over a few nanoseconds must not
 * make the conversion undefined.
 */
static uint64_t
per_second(uint64_t cur, uint64_t prev, uint64_t diff_ns)
{
	double rate;

	if (diff_ns == 0 || cur < prev)
		return 0;
	rate = (double)(cur - prev) * 1e9 / (double)diff_ns;
	return rate < 18446744073709549568.0 ? (uint64_t)rate : UINT64_MAX;
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
	rx_pps = per_second(st.ipackets, p->prev_ipackets, dns);
	tx_pps = per_second(st.opackets, p->prev_opackets, dns);
	rx_bps = per_second(st.ibytes, p->prev_ibytes, dns) * 8;
	tx_bps = per_second(st.obytes, p->prev_obytes, dns) * 8;
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
	port_xstats_display(port_id);
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
	for (i = 0; i < n; i++) {
		if (cfg.xstats_hide_zero && vals[i].value == 0)
			continue;
		printf("%s: %" PRIu64 "\n", names[vals[i].id].name, vals[i].value);
	}
out:
	free(names);
	free(vals);
}

void
fwd_config_display(void)
{
	char mac[RTE_ETHER_ADDR_FMT_SIZE];

	printf("%s packet forwarding%s - ports=%u - cores=%u - streams=%u - "
	       "NUMA support %s, MP allocation mode: native\n",
	       cfg.engine->name, cfg.tx_retry ? " with retry" : "", nb_fwd_ports, nb_fwd_lcores,
	       nb_fwd_streams, cfg.numa ? "enabled" : "disabled");
	if (cfg.tx_retry)
		printf("TX retry num: %u, delay between TX retries: %uus\n", cfg.tx_retry_num,
		       cfg.tx_retry_delay_us);
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
	printf("  %s packet forwarding%s packets/burst=%d\n", cfg.engine->name,
	       cfg.tx_retry ? " with retry" : "", cfg.burst);
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
			/* The settings testpmd gave the queue, as DPDK shows them. */
			rxq.conf = ports[pid].rxconf;
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
			txq.conf = ports[pid].txconf;
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

/*
 * One "RX-bursts : N [a% of x pkts + b% of y pkts + c% of other]" line:
 * the empty bursts first, then the two most frequent sizes, as DPDK's
 * testpmd reports them.
 */
static void
burst_spread_display(const char *dir, const uint32_t *spread)
{
	uint64_t total = spread[0], count[3] = { spread[0], 0, 0 };
	unsigned int size[3] = { 0, 0, 0 };
	uint64_t shown = 0;
	int shown_pct = 0;

	for (unsigned int n = 1; n <= TESTPMD_MAX_BURST; n++) {
		if (spread[n] == 0)
			continue;
		total += spread[n];
		if (spread[n] > count[1]) {
			count[2] = count[1];
			size[2] = size[1];
			count[1] = spread[n];
			size[1] = n;
		} else if (spread[n] > count[2]) {
			count[2] = spread[n];
			size[2] = n;
		}
	}
	if (total == 0)
		return;
	printf("  %s-bursts : %" PRIu64 " [", dir, total);
	for (int i = 0; i < 3; i++) {
		int pct;

		shown += count[i];
		if (shown == total) {
			printf("%d%% of %u pkts]\n", 100 - shown_pct, size[i]);
			return;
		}
		pct = (int)((double)count[i] / (double)total * 100);
		printf("%d%% of %u pkts + ", pct, size[i]);
		shown_pct += pct;
	}
	printf("%d%% of other]\n", 100 - shown_pct);
}

static void
stream_bursts_display(const struct fwd_stream *rx, const struct fwd_stream *tx)
{
	if (rx != NULL && rx->bursts != NULL)
		burst_spread_display("RX", rx->bursts->rx);
	if (tx != NULL && tx->bursts != NULL)
		burst_spread_display("TX", tx->bursts->tx);
}

/* With more streams than ports, DPDK's testpmd shows each stream first. */
static void
fwd_stream_stats_display(const struct fwd_stream *fs)
{
	if (fs->rx_packets == 0 && fs->tx_packets == 0 && fs->fwd_dropped == 0)
		return;
	printf("\n  ------- Forward Stats for RX Port=%2d/Queue=%2d -> TX Port=%2d/Queue=%2d "
	       "-------\n", fs->rx_port, fs->rx_queue, fs->tx_port, fs->tx_queue);
	printf("  RX-packets: %-14" PRIu64 " TX-packets: %-14" PRIu64 " TX-dropped: %-14" PRIu64,
	       fs->rx_packets, fs->tx_packets, fs->fwd_dropped);
	if (cfg.engine == &csum_engine) {
		printf("  RX- bad IP checksum: %-14" PRIu64 "  Rx- bad L4 checksum: %-14" PRIu64
		       " Rx- bad outer L4 checksum: %-14" PRIu64 "\n", fs->rx_bad_ip_csum,
		       fs->rx_bad_l4_csum, fs->rx_bad_outer_l4_csum);
		printf(" RX- bad outer IP checksum: %-14" PRIu64 "\n", fs->rx_bad_outer_ip_csum);
	} else {
		printf("\n");
	}
	stream_bursts_display(fs, fs);
}

static void
core_cycles_display(uint64_t total_rx, uint64_t total_tx)
{
	uint64_t cycles = 0, pkts;

	/* The generators are measured per packet sent, the others per packet received. */
	pkts = (cfg.engine == &txonly_engine || cfg.engine == &flowgen_engine) ? total_tx :
										  total_rx;
	if (total_rx == 0 && total_tx == 0)
		return;
	for (uint16_t s = 0; s < nb_fwd_streams; s++)
		cycles += fwd_streams[s].core_cycles;
	printf("\n  CPU cycles/packet=%.2F (total cycles=%" PRIu64 " / total %s packets=%" PRIu64
	       ") at %" PRIu64 " MHz Clock\n", pkts ? (double)cycles / (double)pkts : 0.0, cycles,
	       cfg.engine->name, pkts, rte_get_tsc_hz() / 1000000);
}

void
fwd_stats_display(void)
{
	uint64_t tx_dropped[RTE_MAX_ETHPORTS] = { 0 };
	struct {
		uint64_t rx_bad_ip_csum, rx_bad_l4_csum;
		uint64_t rx_bad_outer_l4_csum, rx_bad_outer_ip_csum;
	} bad_csum[RTE_MAX_ETHPORTS] = { 0 };
	const struct fwd_stream *rx_stream[RTE_MAX_ETHPORTS] = { NULL };
	const struct fwd_stream *tx_stream[RTE_MAX_ETHPORTS] = { NULL };
	uint64_t total_rx = 0, total_rx_dropped = 0, total_tx = 0, total_tx_dropped = 0;
	uint64_t total_nombuf = 0;

	for (uint16_t s = 0; s < nb_fwd_streams; s++) {
		const struct fwd_stream *fs = &fwd_streams[s];

		if (nb_fwd_streams > nb_fwd_ports) {
			fwd_stream_stats_display(fs);
		} else {
			rx_stream[fs->rx_port] = fs;
			tx_stream[fs->tx_port] = fs;
		}
		tx_dropped[fs->tx_port] += fs->fwd_dropped;
		bad_csum[fs->rx_port].rx_bad_ip_csum += fs->rx_bad_ip_csum;
		bad_csum[fs->rx_port].rx_bad_l4_csum += fs->rx_bad_l4_csum;
		bad_csum[fs->rx_port].rx_bad_outer_l4_csum += fs->rx_bad_outer_l4_csum;
		bad_csum[fs->rx_port].rx_bad_outer_ip_csum += fs->rx_bad_outer_ip_csum;
	}

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
		if (cfg.engine == &csum_engine) {
			printf("  Bad-ipcsum: %-14" PRIu64 " Bad-l4csum: %-14" PRIu64
			       "Bad-outer-l4csum: %-14" PRIu64 "\n", bad_csum[pid].rx_bad_ip_csum,
			       bad_csum[pid].rx_bad_l4_csum, bad_csum[pid].rx_bad_outer_l4_csum);
			printf("  Bad-outer-ipcsum: %-14" PRIu64 "\n",
			       bad_csum[pid].rx_bad_outer_ip_csum);
		}
		if (st.ierrors + st.rx_nombuf > 0) {
			printf("  RX-error: %-" PRIu64 "\n", st.ierrors);
			printf("  RX-nombufs: %-14" PRIu64 "\n", st.rx_nombuf);
		}
		printf("  TX-packets: %-14" PRIu64 " TX-dropped: %-14" PRIu64 "TX-total: %-" PRIu64
		       "\n", st.opackets, txd, st.opackets + txd);
		stream_bursts_display(rx_stream[pid], tx_stream[pid]);
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
	if (cfg.record_core_cycles)
		core_cycles_display(total_rx, total_tx);
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
		fwd_streams[s].core_cycles = 0;
		fwd_streams[s].rx_bad_ip_csum = 0;
		fwd_streams[s].rx_bad_l4_csum = 0;
		fwd_streams[s].rx_bad_outer_l4_csum = 0;
		fwd_streams[s].rx_bad_outer_ip_csum = 0;
		if (fwd_streams[s].bursts != NULL)
			memset(fwd_streams[s].bursts, 0, sizeof(*fwd_streams[s].bursts));
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
