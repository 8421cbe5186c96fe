/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mode 5, adaptive transmit load balancing (TLB), as DPDK's: a burst goes
 * to the slave with the most bandwidth left (its link speed against the
 * bytes it sent in the last ~100 ms), what it cannot take to the next.
 * A frame sent from the bond's address leaves with the slave's own, so a
 * switch learns each slave apart and answers to the bond's address still
 * reach the current primary, the only slave that receives (as in
 * active-backup).
 */
#include <string.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "bond_private.h"

#define TLB_WINDOW_MS 100

/*
 * What a slave sent: its byte count, or for a driver that counts only
 * packets (net_ring), its packets as minimum-size frames.
 */
static uint64_t
tlb_sent_total(uint16_t port)
{
	struct rte_eth_stats st;

	if (rte_eth_stats_get(port, &st) != 0)
		return 0;
	return st.obytes > 0 ? st.obytes : st.opackets * RTE_ETHER_MIN_LEN;
}

/* Bytes sent in the window per Mb/s of link (scaled): lower has more room left. */
static uint64_t
tlb_load(struct bond_private *priv, uint16_t port)
{
	uint64_t total = tlb_sent_total(port), sent = 0;
	struct rte_eth_link link;

	if (total >= priv->tlb_base[port])
		sent = total - priv->tlb_base[port];
	memset(&link, 0, sizeof(link));
	rte_eth_link_get_nowait(port, &link);
	/* scaled up so a few small frames on a fast link still count */
	return (sent << 20) / (link.link_speed > 0 ? link.link_speed : 1);
}

/* Order the active slaves by load, least first; priv->lock held. */
void
bond_tlb_reorder(struct bond_private *priv)
{
	uint16_t order[BOND_MAX_SLAVES], n = priv->active_n, i, j;
	uint64_t load[BOND_MAX_SLAVES], now = bond_ms_now();

	for (i = 0; i < n; i++) {
		uint16_t port = priv->active[i];
		uint64_t l = tlb_load(priv, port);

		/* insertion sort: few slaves, and equal loads keep the slave order */
		for (j = i; j > 0 && load[j - 1] > l; j--) {
			load[j] = load[j - 1];
			order[j] = order[j - 1];
		}
		load[j] = l;
		order[j] = port;
	}
	if (now - priv->tlb_window >= TLB_WINDOW_MS) {
		for (i = 0; i < priv->slaves_n; i++)
			priv->tlb_base[priv->slaves[i].port_id] =
				tlb_sent_total(priv->slaves[i].port_id);
		priv->tlb_window = now;
	}
	/* Shrink, fill, publish, as bond_active_refresh does. */
	if (n < priv->tlb_n)
		__atomic_store_n(&priv->tlb_n, n, __ATOMIC_RELEASE);
	memcpy(priv->tlb_order, order, n * sizeof(order[0]));
	/* release: pairs with the acquire in bond_tx_tlb */
	__atomic_store_n(&priv->tlb_n, n, __ATOMIC_RELEASE);
}

uint16_t
bond_tx_tlb(struct bond_txq *q, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct bond_private *priv = q->priv;
	const struct rte_ether_addr *bond_mac = &rte_eth_devices[priv->port_id].data->mac_addrs[0];
	/* acquire: pairs with the release store in bond_tlb_reorder */
	uint16_t n = __atomic_load_n(&priv->tlb_n, __ATOMIC_ACQUIRE);
	const struct rte_ether_addr *prev = bond_mac;
	uint16_t ports[BOND_MAX_SLAVES], sent = 0, s, i;

	memcpy(ports, priv->tlb_order, n * sizeof(ports[0]));
	for (s = 0; s < n && sent < nb_pkts; s++) {
		const struct rte_ether_addr *own = &priv->own_mac[ports[s]];

		/* What the previous slave refused carries its address: take ours. */
		for (i = sent; i < nb_pkts; i++) {
			struct rte_ether_hdr *eh =
				rte_pktmbuf_mtod(bufs[i], struct rte_ether_hdr *);

			if (rte_pktmbuf_data_len(bufs[i]) >= sizeof(*eh) &&
			    (rte_is_same_ether_addr(&eh->src_addr, bond_mac) ||
			     rte_is_same_ether_addr(&eh->src_addr, prev)))
				rte_ether_addr_copy(own, &eh->src_addr);
		}
		prev = own;
		sent += rte_eth_tx_burst(ports[s], q->queue_id, bufs + sent, nb_pkts - sent);
	}
	return sent;
}
