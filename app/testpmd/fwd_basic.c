/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Engines that forward what they receive: io (as is), mac (rewrite the
 * Ethernet addresses to the tx port's and its peer's), macswap (swap
 * source and destination), rxonly (receive and free).
 */
#include <string.h>

#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_prefetch.h>

#include "fwd_loop.h"
#include "testpmd.h"

static inline uint16_t
io_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (nb_rx == 0)
		return 0;
	fwd_tx_burst(fs, pkts, nb_rx);
	return nb_rx;
}
FWD_LCORE_LOOP(io_lcore_loop, io_step)

static inline uint16_t
mac_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	const struct rte_ether_addr *src = &ports[fs->tx_port].mac;
	const struct rte_ether_addr *dst = &peer_addr[fs->tx_port];
	uint16_t nb_rx, i;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (nb_rx == 0)
		return 0;
	for (i = 0; i < nb_rx; i++) {
		struct rte_ether_hdr *eth;

		if (i + 1 < nb_rx)
			rte_prefetch0(rte_pktmbuf_mtod(pkts[i + 1], void *));
		eth = rte_pktmbuf_mtod(pkts[i], struct rte_ether_hdr *);
		rte_ether_addr_copy(dst, &eth->dst_addr);
		rte_ether_addr_copy(src, &eth->src_addr);
	}
	fwd_tx_burst(fs, pkts, nb_rx);
	return nb_rx;
}
FWD_LCORE_LOOP(mac_lcore_loop, mac_step)

static inline uint16_t
macswap_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx, i;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (nb_rx == 0)
		return 0;
	for (i = 0; i < nb_rx; i++) {
		struct rte_ether_hdr *eth;
		struct rte_ether_addr tmp;

		if (i + 1 < nb_rx)
			rte_prefetch0(rte_pktmbuf_mtod(pkts[i + 1], void *));
		eth = rte_pktmbuf_mtod(pkts[i], struct rte_ether_hdr *);
		tmp = eth->dst_addr;
		eth->dst_addr = eth->src_addr;
		eth->src_addr = tmp;
	}
	fwd_tx_burst(fs, pkts, nb_rx);
	return nb_rx;
}
FWD_LCORE_LOOP(macswap_lcore_loop, macswap_step)

static inline uint16_t
rxonly_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	rte_pktmbuf_free_bulk(pkts, nb_rx);
	return nb_rx;
}
FWD_LCORE_LOOP(rxonly_lcore_loop, rxonly_step)

const struct fwd_engine io_engine = { .name = "io", .lcore_loop = io_lcore_loop };
const struct fwd_engine mac_engine = { .name = "mac", .lcore_loop = mac_lcore_loop };
const struct fwd_engine macswap_engine = {
	.name = "macswap", .lcore_loop = macswap_lcore_loop };
const struct fwd_engine rxonly_engine = {
	.name = "rxonly", .lcore_loop = rxonly_lcore_loop };

const struct fwd_engine *const fwd_engines[] = {
	&io_engine, &mac_engine, &macswap_engine, &rxonly_engine, &txonly_engine,
	&flowgen_engine, &five_tuple_swap_engine, &icmpecho_engine, &csum_engine, &noisy_engine,
	NULL,
};

const struct fwd_engine *
fwd_engine_find(const char *name)
{
	for (unsigned int i = 0; fwd_engines[i] != NULL; i++)
		if (strcmp(fwd_engines[i]->name, name) == 0)
			return fwd_engines[i];
	return NULL;
}

const char *
fwd_engine_names(void)
{
	static char names[128];

	if (names[0] == '\0') {
		size_t len = 0;

		for (unsigned int i = 0; fwd_engines[i] != NULL; i++)
			len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s",
						i ? " " : "", fwd_engines[i]->name);
	}
	return names;
}
