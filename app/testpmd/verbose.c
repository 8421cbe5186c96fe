/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "set verbose N": one line per packet received (N = 1 or > 2) and sent
 * (N >= 2), in DPDK testpmd's format, printed from Rx/Tx callbacks on
 * every queue so that no engine pays for it while it is off.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>
#include <rte_net.h>

#include "testpmd.h"

/* One packet's description: the line, the flags line and an invalid-mbuf line. */
#define PKT_DUMP_MAX 1024

/* Callbacks unlinked while lcores forward; freed when they stopped. */
#define CB_RETIRED_MAX (2 * RTE_MAX_ETHPORTS * TESTPMD_MAX_QUEUES)

static uint16_t verbose_level;
static const struct rte_eth_rxtx_callback *rx_cbs[RTE_MAX_ETHPORTS][TESTPMD_MAX_QUEUES];
static const struct rte_eth_rxtx_callback *tx_cbs[RTE_MAX_ETHPORTS][TESTPMD_MAX_QUEUES];
static const struct rte_eth_rxtx_callback *cb_retired[CB_RETIRED_MAX];
static unsigned int nb_cb_retired;

static size_t __rte_format_printf(4, 5)
	dump_add(char *buf, size_t size, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (len >= size)
		return len;
	va_start(ap, fmt);
	n = vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
	return n < 0 ? len : len + (size_t)n;
}

static size_t
pkt_layers_dump(char *buf, size_t len, const struct rte_mbuf *mb)
{
	/* In this order, after the packet types, as DPDK's testpmd prints them. */
	static const struct {
		uint32_t mask;
		const char *name;
	} layers[] = {
		{RTE_PTYPE_L2_MASK, "l2_len"},
		{RTE_PTYPE_L3_MASK, "l3_len"},
		{RTE_PTYPE_L4_MASK, "l4_len"},
		{RTE_PTYPE_TUNNEL_MASK, "tunnel_len"},
		{RTE_PTYPE_INNER_L2_MASK, "inner_l2_len"},
		{RTE_PTYPE_INNER_L3_MASK, "inner_l3_len"},
		{RTE_PTYPE_INNER_L4_MASK, "inner_l4_len"},
	};
	struct rte_net_hdr_lens hl;
	char name[256];
	uint32_t ptype;

	if (mb->packet_type != 0) {
		rte_get_ptype_name(mb->packet_type, name, sizeof(name));
		len = dump_add(buf, PKT_DUMP_MAX, len, " - hw ptype: %s", name);
	}
	ptype = rte_net_get_ptype(mb, &hl, RTE_PTYPE_ALL_MASK);
	rte_get_ptype_name(ptype, name, sizeof(name));
	len = dump_add(buf, PKT_DUMP_MAX, len, " - sw ptype: %s", name);
	const unsigned int lens[RTE_DIM(layers)] = {
		hl.l2_len,	 hl.l3_len,	  hl.l4_len,	   hl.tunnel_len,
		hl.inner_l2_len, hl.inner_l3_len, hl.inner_l4_len,
	};

	for (size_t i = 0; i < RTE_DIM(layers); i++)
		if (ptype & layers[i].mask)
			len = dump_add(buf, PKT_DUMP_MAX, len, " - %s=%u", layers[i].name, lens[i]);
	return len;
}

static void
pkt_burst_dump(uint16_t port_id, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb, bool is_rx)
{
	char buf[PKT_DUMP_MAX];

	if (nb == 0)
		return;
	printf("port %u/queue %u: %s %u packets\n", port_id, queue, is_rx ? "received" : "sent",
	       nb);
	for (uint16_t i = 0; i < nb; i++) {
		const struct rte_mbuf *mb = pkts[i];
		struct rte_ether_hdr copy;
		const struct rte_ether_hdr *eth = rte_pktmbuf_read(mb, 0, sizeof(copy), &copy);
		char src[RTE_ETHER_ADDR_FMT_SIZE] = "", dst[RTE_ETHER_ADDR_FMT_SIZE] = "";
		char flags[256];
		const char *reason;
		size_t len;

		/* A runt has no Ethernet header to show: its fields stay empty. */
		if (eth != NULL) {
			rte_ether_format_addr(src, sizeof(src), &eth->src_addr);
			rte_ether_format_addr(dst, sizeof(dst), &eth->dst_addr);
		}
		len = dump_add(buf, sizeof(buf), 0,
			       "  src=%s - dst=%s - pool=%s - type=0x%04x - length=%u - nb_segs=%d",
			       src, dst, mb->pool != NULL ? mb->pool->name : "NULL",
			       eth != NULL ? rte_be_to_cpu_16(eth->ether_type) : 0, mb->pkt_len,
			       mb->nb_segs);
		if (mb->ol_flags & RTE_MBUF_F_RX_RSS_HASH)
			len = dump_add(buf, sizeof(buf), len, " - RSS hash=0x%x - RSS queue=0x%x",
				       mb->hash.rss, queue);
		if (mb->ol_flags & RTE_MBUF_F_RX_QINQ)
			len = dump_add(buf, sizeof(buf), len,
				       " - QinQ VLAN tci=0x%x, VLAN tci outer=0x%x", mb->vlan_tci,
				       mb->vlan_tci_outer);
		else if (mb->ol_flags & RTE_MBUF_F_RX_VLAN)
			len = dump_add(buf, sizeof(buf), len, " - VLAN tci=0x%x", mb->vlan_tci);
		len = pkt_layers_dump(buf, len, mb);
		len = dump_add(buf, sizeof(buf), len, " - %s queue=0x%x\n",
			       is_rx ? "Receive" : "Send", queue);
		if (is_rx)
			rte_get_rx_ol_flag_list(mb->ol_flags, flags, sizeof(flags));
		else
			rte_get_tx_ol_flag_list(mb->ol_flags, flags, sizeof(flags));
		len = dump_add(buf, sizeof(buf), len, "  ol_flags: %s\n", flags);
		if (rte_mbuf_check(mb, 1, &reason) < 0)
			len = dump_add(buf, sizeof(buf), len, "INVALID mbuf: %s\n", reason);
		printf(len >= sizeof(buf) ? "%s ...\n" : "%s", buf);
	}
	/* Lines from several lcores: whole bursts reach the output in order. */
	fflush(stdout);
}

static uint16_t
rx_dump_cb(uint16_t port_id, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb, uint16_t max_pkts,
	   void *arg)
{
	(void)max_pkts;
	(void)arg;
	pkt_burst_dump(port_id, queue, pkts, nb, true);
	return nb;
}

static uint16_t
tx_dump_cb(uint16_t port_id, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb, void *arg)
{
	(void)arg;
	pkt_burst_dump(port_id, queue, pkts, nb, false);
	return nb;
}

static void
cb_retire(const struct rte_eth_rxtx_callback *cb)
{
	/*
	 * A burst on a forwarding lcore may be inside it: free it after the
	 * stop. Past the list's room (verbose turned on and off very many
	 * times in one run) it is left allocated rather than freed too soon.
	 */
	if (!fwd_running())
		rte_free((void *)(uintptr_t)cb);
	else if (nb_cb_retired < CB_RETIRED_MAX)
		cb_retired[nb_cb_retired++] = cb;
}

void
verbose_callbacks_free_retired(void)
{
	for (unsigned int i = 0; i < nb_cb_retired; i++)
		rte_free((void *)(uintptr_t)cb_retired[i]);
	nb_cb_retired = 0;
}

/* Install or remove the dump callbacks of a port for the current level. */
void
verbose_callbacks_apply(uint16_t port_id)
{
	bool rx_on = verbose_level == 1 || verbose_level > 2;
	bool tx_on = verbose_level >= 2;
	struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(port_id, &info) != 0)
		return;
	for (uint16_t q = 0; q < TESTPMD_MAX_QUEUES; q++) {
		const struct rte_eth_rxtx_callback **rx = &rx_cbs[port_id][q];
		const struct rte_eth_rxtx_callback **tx = &tx_cbs[port_id][q];
		bool rx_want = rx_on && q < info.nb_rx_queues;
		bool tx_want = tx_on && q < info.nb_tx_queues;

		if (rx_want && *rx == NULL)
			*rx = rte_eth_add_rx_callback(port_id, q, rx_dump_cb, NULL);
		/* Freed only once unlinked: a linked one may run again. */
		if (!rx_want && *rx != NULL && rte_eth_remove_rx_callback(port_id, q, *rx) == 0) {
			cb_retire(*rx);
			*rx = NULL;
		}
		if (tx_want && *tx == NULL)
			*tx = rte_eth_add_tx_callback(port_id, q, tx_dump_cb, NULL);
		if (!tx_want && *tx != NULL && rte_eth_remove_tx_callback(port_id, q, *tx) == 0) {
			cb_retire(*tx);
			*tx = NULL;
		}
	}
}

/* Before a port closes: its callbacks would be forgotten, not freed. */
void
verbose_callbacks_remove(uint16_t port_id)
{
	uint16_t level = verbose_level;

	verbose_level = 0;
	verbose_callbacks_apply(port_id);
	verbose_level = level;
}

uint16_t
verbose_level_get(void)
{
	return verbose_level;
}

void
verbose_level_set(uint16_t level)
{
	uint16_t pid;

	printf("Change verbose level from %u to %u\n", verbose_level, level);
	verbose_level = level;
	RTE_ETH_FOREACH_DEV(pid)
	verbose_callbacks_apply(pid);
}
