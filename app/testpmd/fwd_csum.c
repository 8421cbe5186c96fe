/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The csum engine: count the packets the port flagged with a bad IP or L4
 * checksum (DPDK testpmd's Bad-ipcsum, Bad-l4csum, Bad-outer-* counters),
 * compute the IPv4 header and the TCP/UDP checksums again in software,
 * and forward as the mac engine does (source: the tx port, destination:
 * its peer).
 *
 * Differences from DPDK's csum engine: no checksum offload to the port
 * ("csum set" is not there), and no tunnel parsing; inner headers are
 * left as they are.
 */
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_prefetch.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "fwd_loop.h"
#include "fwd_parse.h"
#include "testpmd.h"

static inline void
csum_flags_count(struct fwd_stream *fs, uint64_t fl)
{
	if ((fl & RTE_MBUF_F_RX_IP_CKSUM_MASK) == RTE_MBUF_F_RX_IP_CKSUM_BAD)
		fs->rx_bad_ip_csum++;
	if ((fl & RTE_MBUF_F_RX_L4_CKSUM_MASK) == RTE_MBUF_F_RX_L4_CKSUM_BAD)
		fs->rx_bad_l4_csum++;
	if (fl & RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD)
		fs->rx_bad_outer_l4_csum++;
	if (fl & RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD)
		fs->rx_bad_outer_ip_csum++;
}

/*
 * The checksum field of the TCP or UDP header at off, or NULL. As bytes:
 * the headers are packed and the field may be unaligned.
 */
static inline uint8_t *
l4_cksum_field(struct rte_mbuf *mb, uint8_t proto, uint32_t off)
{
	if (proto == IPPROTO_UDP) {
		struct rte_udp_hdr *udp = pkt_hdr(mb, off, sizeof(*udp));

		/* A zero UDP checksum over IPv4 means "none": kept, as DPDK does. */
		if (udp == NULL || udp->dgram_cksum == 0)
			return NULL;
		return (uint8_t *)udp + offsetof(struct rte_udp_hdr, dgram_cksum);
	}
	if (proto == IPPROTO_TCP) {
		struct rte_tcp_hdr *tcp = pkt_hdr(mb, off, sizeof(*tcp));

		return tcp != NULL ? (uint8_t *)tcp + offsetof(struct rte_tcp_hdr, cksum) : NULL;
	}
	return NULL;
}

static inline void
cksum_store(uint8_t *field, uint16_t cksum)
{
	memcpy(field, &cksum, sizeof(cksum));
}

static inline void
ipv4_csum_fix(struct rte_mbuf *mb, uint32_t off)
{
	struct rte_ipv4_hdr *ip = pkt_hdr(mb, off, sizeof(*ip));
	uint32_t ihl;
	uint8_t *l4;

	if (ip == NULL)
		return;
	ihl = rte_ipv4_hdr_len(ip);
	if (ihl < sizeof(*ip) || pkt_hdr(mb, off, ihl) == NULL)
		return;
	ip->hdr_checksum = 0;
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	l4 = l4_cksum_field(mb, ip->next_proto_id, off + ihl);
	if (l4 == NULL)
		return;
	cksum_store(l4, 0);
	/* Bounded by the packet: a total_length past its end gives 0xffff. */
	cksum_store(l4, rte_ipv4_udptcp_cksum_mbuf(mb, ip, (uint16_t)(off + ihl)));
}

static inline void
ipv6_csum_fix(struct rte_mbuf *mb, uint32_t off)
{
	struct rte_ipv6_hdr *ip6 = pkt_hdr(mb, off, sizeof(*ip6));
	uint32_t l4_off = off + sizeof(*ip6);
	uint8_t *l4;

	/* The whole payload must be in the first segment: the sum reads all of it. */
	if (ip6 == NULL || pkt_hdr(mb, l4_off, rte_be_to_cpu_16(ip6->payload_len)) == NULL)
		return;
	l4 = l4_cksum_field(mb, ip6->proto, l4_off);
	if (l4 == NULL)
		return;
	cksum_store(l4, 0);
	cksum_store(l4, rte_ipv6_udptcp_cksum(ip6, rte_pktmbuf_mtod_offset(mb, void *, l4_off)));
}

static inline uint16_t
csum_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	const struct rte_ether_addr *src = &ports[fs->tx_port].mac;
	const struct rte_ether_addr *dst = &peer_addr[fs->tx_port];
	uint16_t nb_rx;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (nb_rx == 0)
		return 0;
	for (uint16_t i = 0; i < nb_rx; i++) {
		struct rte_mbuf *mb = pkts[i];
		struct rte_ether_hdr *eth = pkt_hdr(mb, 0, sizeof(*eth));
		uint16_t ether_type = 0;
		uint32_t off;

		if (i + 1 < nb_rx)
			rte_prefetch0(rte_pktmbuf_mtod(pkts[i + 1], void *));
		csum_flags_count(fs, mb->ol_flags);
		if (eth == NULL)
			continue;
		rte_ether_addr_copy(dst, &eth->dst_addr);
		rte_ether_addr_copy(src, &eth->src_addr);
		off = pkt_l2_skip(mb, &ether_type);
		if (off != 0 && ether_type == RTE_BE16(RTE_ETHER_TYPE_IPV4))
			ipv4_csum_fix(mb, off);
		else if (off != 0 && ether_type == RTE_BE16(RTE_ETHER_TYPE_IPV6))
			ipv6_csum_fix(mb, off);
	}
	fwd_tx_burst(fs, pkts, nb_rx);
	return nb_rx;
}
FWD_LCORE_LOOP(csum_lcore_loop, csum_step)

const struct fwd_engine csum_engine = {.name = "csum", .lcore_loop = csum_lcore_loop};
