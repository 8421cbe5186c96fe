/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em counters: the device's clear-on-read statistics registers
 * (SDM 13.7, DS 10.2.8) summed into 64-bit totals, as rte_eth_stats and
 * as xstats, with the per-queue software counters.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_malloc.h>

#include "e1000e.h"

/* Hardware counters shown as xstats (SDM 13.7); 64-bit pairs are read low first. */
struct e1000e_xstat {
	const char *name;
	uint32_t reg;
	uint32_t reg_hi;	/* 0 for 32-bit counters */
};

/* Entries rte_eth_stats is made of; designated below, so a misplaced one fails to build. */
enum {
	X_CRCERRS, X_ALGNERRC, X_SYMERRS, X_RXERRC, X_MPC,
	X_RLEC = 12, X_GPRC = 23, X_GPTC = 26, X_GORC = 27, X_GOTC = 28,
};

static const struct e1000e_xstat e1000e_xstats[] = {
	[X_CRCERRS] = { "rx_crc_errors", E1000_CRCERRS, 0 },
	[X_ALGNERRC] = { "rx_alignment_errors", E1000_ALGNERRC, 0 },
	[X_SYMERRS] = { "rx_symbol_errors", E1000_SYMERRS, 0 },
	[X_RXERRC] = { "rx_errors", E1000_RXERRC, 0 },
	[X_MPC] = { "rx_missed_packets", E1000_MPC, 0 },
	{ "tx_single_collision_packets", E1000_SCC, 0 },
	{ "tx_excessive_collision_packets", E1000_ECOL, 0 },
	{ "tx_multiple_collision_packets", E1000_MCC, 0 },
	{ "tx_late_collisions", E1000_LATECOL, 0 },
	{ "tx_total_collisions", E1000_COLC, 0 },
	{ "tx_deferred_packets", E1000_DC, 0 },
	{ "tx_no_carrier_sense_packets", E1000_TNCRS, 0 },
	[X_RLEC] = { "rx_length_errors", E1000_RLEC, 0 },
	{ "rx_xon_packets", E1000_XONRXC, 0 },
	{ "tx_xon_packets", E1000_XONTXC, 0 },
	{ "rx_xoff_packets", E1000_XOFFRXC, 0 },
	{ "tx_xoff_packets", E1000_XOFFTXC, 0 },
	{ "rx_size_64_packets", E1000_PRC64, 0 },
	{ "rx_size_65_to_127_packets", E1000_PRC127, 0 },
	{ "rx_size_128_to_255_packets", E1000_PRC255, 0 },
	{ "rx_size_256_to_511_packets", E1000_PRC511, 0 },
	{ "rx_size_512_to_1023_packets", E1000_PRC1023, 0 },
	{ "rx_size_1024_to_max_packets", E1000_PRC1522, 0 },
	[X_GPRC] = { "rx_good_packets", E1000_GPRC, 0 },
	{ "rx_broadcast_packets", E1000_BPRC, 0 },
	{ "rx_multicast_packets", E1000_MPRC, 0 },
	[X_GPTC] = { "tx_good_packets", E1000_GPTC, 0 },
	[X_GORC] = { "rx_good_bytes", E1000_GORCL, E1000_GORCH },
	[X_GOTC] = { "tx_good_bytes", E1000_GOTCL, E1000_GOTCH },
	{ "rx_no_buffers", E1000_RNBC, 0 },
	{ "rx_undersize_errors", E1000_RUC, 0 },
	{ "rx_fragment_errors", E1000_RFC, 0 },
	{ "rx_oversize_errors", E1000_ROC, 0 },
	{ "rx_jabber_errors", E1000_RJC, 0 },
	{ "rx_total_bytes", E1000_TORL, E1000_TORH },
	{ "tx_total_bytes", E1000_TOTL, E1000_TOTH },
	{ "rx_total_packets", E1000_TPR, 0 },
	{ "tx_total_packets", E1000_TPT, 0 },
	{ "tx_size_64_packets", E1000_PTC64, 0 },
	{ "tx_size_65_to_127_packets", E1000_PTC127, 0 },
	{ "tx_size_128_to_255_packets", E1000_PTC255, 0 },
	{ "tx_size_256_to_511_packets", E1000_PTC511, 0 },
	{ "tx_size_512_to_1023_packets", E1000_PTC1023, 0 },
	{ "tx_size_1024_to_max_packets", E1000_PTC1522, 0 },
	{ "tx_multicast_packets", E1000_MPTC, 0 },
	{ "tx_broadcast_packets", E1000_BPTC, 0 },
};
#define E1000E_NB_XSTATS RTE_DIM(e1000e_xstats)

int
e1000e_stats_init(struct e1000e_hw *hw, int numa)
{
	hw->hw_stats = rte_zmalloc_socket("e1000e_stats", sizeof(uint64_t) * E1000E_NB_XSTATS,
					  0, numa);
	return hw->hw_stats == NULL ? -ENOMEM : 0;
}

/* Read every counter (clearing it) and add it to the running totals. */
static void
e1000e_stats_accumulate(struct e1000e_hw *hw)
{
	for (unsigned int i = 0; i < E1000E_NB_XSTATS; i++) {
		uint64_t v = e1000e_read(hw, e1000e_xstats[i].reg);

		/* SDM 13.7: reading the high half clears the pair */
		if (e1000e_xstats[i].reg_hi != 0)
			v |= (uint64_t)e1000e_read(hw, e1000e_xstats[i].reg_hi) << 32;
		hw->hw_stats[i] += v;
	}
}

void
e1000e_stats_clear(struct e1000e_hw *hw)
{
	for (uint32_t reg = E1000_STATS_FIRST; reg <= E1000_STATS_LAST; reg += 4)
		(void)e1000e_read(hw, reg);
	memset(hw->hw_stats, 0, sizeof(hw->hw_stats[0]) * E1000E_NB_XSTATS);
}

int
e1000e_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);
	const uint64_t *x = hw->hw_stats;
	struct e1000e_rx_queue *rxq = dev->data->rx_queues != NULL ? dev->data->rx_queues[0] : NULL;
	struct e1000e_tx_queue *txq = dev->data->tx_queues != NULL ? dev->data->tx_queues[0] : NULL;

	e1000e_stats_accumulate(hw);
	stats->ipackets = x[X_GPRC];
	stats->opackets = x[X_GPTC];
	stats->ibytes = x[X_GORC];
	stats->obytes = x[X_GOTC];
	stats->imissed = x[X_MPC];
	stats->ierrors = x[X_CRCERRS] + x[X_ALGNERRC] + x[X_SYMERRS] + x[X_RXERRC] + x[X_RLEC];
	if (rxq != NULL) {
		stats->ierrors += rxq->errors;
		stats->rx_nombuf = rxq->nombuf;
		stats->q_ipackets[0] = rxq->pkts;
		stats->q_ibytes[0] = rxq->bytes;
		stats->q_errors[0] = rxq->errors;
	}
	if (txq != NULL) {
		stats->oerrors = txq->errors;
		stats->q_opackets[0] = txq->pkts;
		stats->q_obytes[0] = txq->bytes;
	}
	return 0;
}

int
e1000e_stats_reset(struct rte_eth_dev *dev)
{
	struct e1000e_rx_queue *rxq = dev->data->rx_queues != NULL ? dev->data->rx_queues[0] : NULL;
	struct e1000e_tx_queue *txq = dev->data->tx_queues != NULL ? dev->data->tx_queues[0] : NULL;

	e1000e_stats_clear(e1000e_dev_hw(dev));
	if (rxq != NULL)
		rxq->pkts = rxq->bytes = rxq->errors = rxq->nombuf = 0;
	if (txq != NULL)
		txq->pkts = txq->bytes = txq->errors = 0;
	return 0;
}

int
e1000e_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
			struct rte_eth_xstat_name *names, unsigned int size)
{
	if (names != NULL)
		for (unsigned int i = 0; i < size && i < E1000E_NB_XSTATS; i++)
			snprintf(names[i].name, sizeof(names[i].name), "%s", e1000e_xstats[i].name);
	return (int)E1000E_NB_XSTATS;
}

int
e1000e_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);

	if (xs == NULL || n < E1000E_NB_XSTATS)
		return (int)E1000E_NB_XSTATS;
	e1000e_stats_accumulate(hw);
	for (unsigned int i = 0; i < E1000E_NB_XSTATS; i++) {
		xs[i].id = i;
		xs[i].value = hw->hw_stats[i];
	}
	return (int)E1000E_NB_XSTATS;
}

int
e1000e_xstats_reset(struct rte_eth_dev *dev)
{
	e1000e_stats_clear(e1000e_dev_hw(dev));
	return 0;
}
