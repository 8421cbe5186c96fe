/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding data path. Rx polls the active slaves (only the current
 * primary in active-backup); Tx spreads a burst by the mode. The hashes
 * of the balance mode are DPDK's, so a flow lands on the slave DPDK
 * would pick: header words are XORed as they sit in memory (network
 * order), then folded.
 */
#include <string.h>

#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "bond_private.h"

#define BOND_TX_CHUNK 64

/* A snapshot of the active slaves; the alarm may change them meanwhile. */
static uint16_t
bond_active_snapshot(struct bond_private *priv, uint16_t *ports)
{
	/* acquire: pairs with the release store in bond_active_refresh */
	uint16_t n = __atomic_load_n(&priv->active_n, __ATOMIC_ACQUIRE);

	memcpy(ports, priv->active, n * sizeof(*ports));
	return n;
}

/* Mode 4: the distributing slaves, published by the LACP alarm. */
static uint16_t
bond_dist_snapshot(struct bond_private *priv, uint16_t *ports)
{
	/* acquire: pairs with the release store in lacp_dist_publish */
	uint16_t n = __atomic_load_n(&priv->m4.dist_n, __ATOMIC_ACQUIRE);

	memcpy(ports, priv->m4.dist, n * sizeof(*ports));
	return n;
}

/*
 * Mode 4: of the k packets a slave just put at bufs[got], slow protocol
 * frames go to the LACP machines and data from a slave not collecting is
 * dropped (802.1AX 5.4.15: only a collecting port delivers frames).
 * Returns the new count of packets in bufs.
 */
static uint16_t
bond_8023ad_rx_filter(struct bond_private *priv, uint16_t port, struct rte_mbuf **bufs,
		      uint16_t got, uint16_t k)
{
	bool collecting = bond_8023ad_collecting(priv, port);
	uint16_t i, w = got;

	for (i = got; i < got + k; i++) {
		struct rte_mbuf *m = bufs[i];

		if (bond_8023ad_slow_rx(priv, port, m))
			continue;
		if (!collecting) {
			rte_pktmbuf_free(m);
			continue;
		}
		bufs[w++] = m;
	}
	return w;
}

uint16_t
bond_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct bond_rxq *q = queue;
	struct bond_private *priv = q->priv;
	uint16_t ports[BOND_MAX_SLAVES];
	uint16_t n, i, got = 0, start;

	if (bond_mode_rx_primary(priv->mode)) {
		if (__atomic_load_n(&priv->active_n, __ATOMIC_ACQUIRE) == 0)
			return 0;
		return rte_eth_rx_burst(__atomic_load_n(&priv->current_primary, __ATOMIC_RELAXED),
					q->queue_id, bufs, nb_pkts);
	}
	n = bond_active_snapshot(priv, ports);
	if (n == 0)
		return 0;
	/* Start one slave further each burst so no slave starves the others. */
	start = q->next < n ? q->next : 0;
	for (i = 0; i < n && got < nb_pkts; i++) {
		uint16_t port = ports[(start + i) % n];
		uint16_t k = rte_eth_rx_burst(port, q->queue_id, bufs + got, nb_pkts - got);

		got = priv->mode == BONDING_MODE_8023AD
			      ? bond_8023ad_rx_filter(priv, port, bufs, got, k)
			      : got + k;
	}
	q->next = (uint16_t)((start + 1) % n);
	return got;
}

/* L2: the three 16-bit words of source and destination MAC XORed. */
static uint32_t
bond_ether_hash(const struct rte_ether_hdr *eh)
{
	const unaligned_uint16_t *s = (const unaligned_uint16_t *)eh->src_addr.addr_bytes;
	const unaligned_uint16_t *d = (const unaligned_uint16_t *)eh->dst_addr.addr_bytes;

	return (uint16_t)(s[0] ^ d[0] ^ s[1] ^ d[1] ^ s[2] ^ d[2]);
}

static uint32_t
bond_l2_hash(const struct rte_mbuf *m)
{
	if (rte_pktmbuf_data_len(m) < sizeof(struct rte_ether_hdr))
		return 0;
	return bond_ether_hash(rte_pktmbuf_mtod(m, const struct rte_ether_hdr *));
}

void
bond_hash_l2(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out)
{
	uint16_t i;

	for (i = 0; i < nb; i++) {
		uint32_t h = bond_l2_hash(bufs[i]);

		out[i] = (uint16_t)((h ^ (h >> 8)) % n);
	}
}

/* The L3 header of m and its ethertype (big endian), past up to two VLAN tags. */
static const void *
bond_l3(const struct rte_mbuf *m, uint16_t *proto, size_t *room)
{
	const struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	size_t len = rte_pktmbuf_data_len(m), off = sizeof(*eh);
	const uint8_t *p = (const uint8_t *)eh;
	int tags;

	if (len < off)
		return NULL;
	*proto = eh->ether_type;
	for (tags = 0; tags < 2; tags++) {
		const struct rte_vlan_hdr *vh = (const void *)(p + off);

		if (*proto != rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN) &&
		    !(tags == 0 && *proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_QINQ)))
			break;
		if (len < off + sizeof(*vh))
			return NULL;
		*proto = vh->eth_proto;
		off += sizeof(*vh);
	}
	*room = len - off;
	return p + off;
}

static uint32_t
bond_ipv6_hash(const struct rte_ipv6_hdr *ip)
{
	const unaligned_uint32_t *s = (const unaligned_uint32_t *)ip->src_addr;
	const unaligned_uint32_t *d = (const unaligned_uint32_t *)ip->dst_addr;

	return s[0] ^ d[0] ^ s[1] ^ d[1] ^ s[2] ^ d[2] ^ s[3] ^ d[3];
}

/* L4 port hash at l4 if room allows; TCP and UDP ports sit at the same offsets. */
static uint32_t
bond_l4_hash(uint8_t next_proto, const uint8_t *l4, size_t room)
{
	const struct rte_udp_hdr *uh = (const void *)l4;

	if (next_proto == IPPROTO_TCP && room >= sizeof(struct rte_tcp_hdr))
		return uh->src_port ^ uh->dst_port;
	if (next_proto == IPPROTO_UDP && room >= sizeof(struct rte_udp_hdr))
		return uh->src_port ^ uh->dst_port;
	return 0;
}

/* l3 (and, with l4, the ports) hash of one packet. */
static uint32_t
bond_l3l4_hash(const struct rte_mbuf *m, bool l4)
{
	uint16_t proto = 0;
	size_t room = 0;
	const uint8_t *l3 = bond_l3(m, &proto, &room);
	uint32_t h = 0;

	if (l3 == NULL)
		return 0;
	if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) && room >= sizeof(struct rte_ipv4_hdr)) {
		const struct rte_ipv4_hdr *ip = (const void *)l3;
		size_t ihl =
			(size_t)(ip->version_ihl & RTE_IPV4_HDR_IHL_MASK) * RTE_IPV4_IHL_MULTIPLIER;
		uint16_t frag = rte_cpu_to_be_16(RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK);

		h = ip->src_addr ^ ip->dst_addr;
		/* A fragment has no L4 header to hash. */
		if (l4 && (ip->fragment_offset & frag) == 0 && ihl <= room)
			h ^= bond_l4_hash(ip->next_proto_id, l3 + ihl, room - ihl);
	} else if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6) &&
		   room >= sizeof(struct rte_ipv6_hdr)) {
		const struct rte_ipv6_hdr *ip = (const void *)l3;

		h = bond_ipv6_hash(ip);
		if (l4)
			h ^= bond_l4_hash(ip->proto, l3 + sizeof(*ip), room - sizeof(*ip));
	}
	return h;
}

static uint16_t
bond_fold(uint32_t h, uint16_t n)
{
	h ^= h >> 16;
	h ^= h >> 8;
	return (uint16_t)(h % n);
}

void
bond_hash_l23(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out)
{
	uint16_t i;

	for (i = 0; i < nb; i++)
		out[i] = bond_fold(bond_l2_hash(bufs[i]) ^ bond_l3l4_hash(bufs[i], false), n);
}

void
bond_hash_l34(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out)
{
	uint16_t i;

	for (i = 0; i < nb; i++)
		out[i] = bond_fold(bond_l3l4_hash(bufs[i], true), n);
}

/*
 * Send each packet on the slave of its index in to[]; the packets no slave
 * took go to the end of bufs, in order, for the caller to retry or free.
 */
static uint16_t
bond_tx_spread(struct bond_txq *q, const uint16_t *ports, uint16_t n, struct rte_mbuf **bufs,
	       uint16_t nb, const uint16_t *to)
{
	struct rte_mbuf *per[BOND_MAX_SLAVES][BOND_TX_CHUNK];
	uint16_t cnt[BOND_MAX_SLAVES], s, i, sent = 0, unsent = 0;
	struct rte_mbuf *left[BOND_TX_CHUNK];

	memset(cnt, 0, n * sizeof(cnt[0]));
	for (i = 0; i < nb; i++)
		per[to[i]][cnt[to[i]]++] = bufs[i];
	for (s = 0; s < n; s++) {
		uint16_t k;

		if (cnt[s] == 0)
			continue;
		k = rte_eth_tx_burst(ports[s], q->queue_id, per[s], cnt[s]);
		sent += k;
		for (; k < cnt[s]; k++)
			left[unsent++] = per[s][k];
	}
	memcpy(bufs + sent, left, unsent * sizeof(*left));
	return sent;
}

static void
bond_refcnt_add(struct rte_mbuf *m, int16_t v)
{
	for (; m != NULL; m = m->next)
		rte_mbuf_refcnt_update(m, v);
}

/*
 * Every active slave gets every packet: each takes one reference. The
 * count returned is the best slave's; what that one did not send keeps
 * one reference for the caller, the rest are dropped.
 */
static uint16_t
bond_tx_broadcast(struct bond_txq *q, const uint16_t *ports, uint16_t n, struct rte_mbuf **bufs,
		  uint16_t nb)
{
	uint16_t sent[BOND_MAX_SLAVES], s, i, best = 0;

	for (i = 0; i < nb; i++)
		bond_refcnt_add(bufs[i], (int16_t)(n - 1));
	for (s = 0; s < n; s++) {
		sent[s] = rte_eth_tx_burst(ports[s], q->queue_id, bufs, nb);
		if (sent[s] > sent[best])
			best = s;
	}
	for (s = 0; s < n; s++)
		if (s != best)
			for (i = sent[s]; i < nb; i++)
				rte_pktmbuf_free(bufs[i]);
	return sent[best];
}

static uint16_t
bond_tx_chunk(struct bond_txq *q, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct bond_private *priv = q->priv;
	uint16_t ports[BOND_MAX_SLAVES];
	uint16_t to[BOND_TX_CHUNK];
	uint16_t n, i;

	if (priv->mode == BONDING_MODE_8023AD)
		n = bond_dist_snapshot(priv, ports);
	else
		n = bond_active_snapshot(priv, ports);
	if (n == 0 || nb_pkts == 0)
		return 0;
	switch (priv->mode) {
	case BONDING_MODE_BROADCAST:
		return bond_tx_broadcast(q, ports, n, bufs, nb_pkts);
	case BONDING_MODE_8023AD: /* balanced over the distributing slaves */
	case BONDING_MODE_BALANCE:
		if (priv->xmit_policy == BALANCE_XMIT_POLICY_LAYER34)
			bond_hash_l34(bufs, nb_pkts, n, to);
		else if (priv->xmit_policy == BALANCE_XMIT_POLICY_LAYER23)
			bond_hash_l23(bufs, nb_pkts, n, to);
		else
			bond_hash_l2(bufs, nb_pkts, n, to);
		break;
	default: /* round robin */
		if (q->next >= n)
			q->next = 0;
		for (i = 0; i < nb_pkts; i++) {
			to[i] = q->next;
			q->next = (uint16_t)((q->next + 1) % n);
		}
		break;
	}
	return bond_tx_spread(q, ports, n, bufs, nb_pkts, to);
}

uint16_t
bond_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct bond_txq *q = queue;
	struct bond_private *priv = q->priv;
	uint16_t sent = 0;

	if (priv->mode == BONDING_MODE_8023AD) {
		uint16_t ports[BOND_MAX_SLAVES], n, i;

		/* LACPDUs first, on every slave whose link is up, distributing or not. */
		n = bond_active_snapshot(priv, ports);
		for (i = 0; i < n; i++)
			bond_8023ad_slow_tx(priv, ports[i], q->queue_id);
	}
	if (priv->mode == BONDING_MODE_TLB)
		return bond_tx_tlb(q, bufs, nb_pkts);
	if (priv->mode == BONDING_MODE_ACTIVE_BACKUP) {
		if (__atomic_load_n(&priv->active_n, __ATOMIC_ACQUIRE) == 0)
			return 0;
		return rte_eth_tx_burst(__atomic_load_n(&priv->current_primary, __ATOMIC_RELAXED),
					q->queue_id, bufs, nb_pkts);
	}
	/*
	 * Chunks keep the per-slave lists on the stack bounded. A chunk that
	 * leaves packets unsent (moved to its end) ends the burst, so every
	 * unsent packet is at the end of bufs.
	 */
	while (sent < nb_pkts) {
		uint16_t len = RTE_MIN(nb_pkts - sent, BOND_TX_CHUNK);
		uint16_t k = bond_tx_chunk(q, bufs + sent, len);

		sent += k;
		if (k < len)
			break;
	}
	return sent;
}
