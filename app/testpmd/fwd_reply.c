/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Engines that answer what they receive: 5tuple_swap (swap the source and
 * destination of Ethernet, IPv4/IPv6 and TCP/UDP, then send) and icmpecho
 * (answer ARP requests and ICMP echo requests, drop the rest).
 *
 * Received packets are untrusted: every header is read only when it lies
 * inside the first segment (DPDK's engines assume it does); a packet too
 * short for the next layer is sent (5tuple_swap) or dropped (icmpecho)
 * with the layers that fit.
 */
#include <netinet/in.h>
#include <string.h>

#include <rte_arp.h>
#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_prefetch.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "fwd_loop.h"
#include "fwd_parse.h"
#include "testpmd.h"

static inline void
ether_addrs_swap(struct rte_ether_hdr *eth)
{
	struct rte_ether_addr tmp = eth->dst_addr;

	eth->dst_addr = eth->src_addr;
	eth->src_addr = tmp;
}

/* Swap the IP addresses of the packet at off; returns the L4 protocol and offset. */
static inline uint32_t
l3_swap(struct rte_mbuf *mb, uint16_t ether_type, uint32_t off, uint8_t *proto)
{
	if (ether_type == RTE_BE16(RTE_ETHER_TYPE_IPV4)) {
		struct rte_ipv4_hdr *ip = pkt_hdr(mb, off, sizeof(*ip));
		uint32_t addr, ihl;

		if (ip == NULL)
			return 0;
		ihl = rte_ipv4_hdr_len(ip);
		addr = ip->src_addr;
		ip->src_addr = ip->dst_addr;
		ip->dst_addr = addr;
		*proto = ip->next_proto_id;
		mb->l3_len = ihl;
		return off + ihl;
	}
	if (ether_type == RTE_BE16(RTE_ETHER_TYPE_IPV6)) {
		struct rte_ipv6_hdr *ip6 = pkt_hdr(mb, off, sizeof(*ip6));
		uint8_t addr[16];

		if (ip6 == NULL)
			return 0;
		memcpy(addr, ip6->src_addr, sizeof(addr));
		memcpy(ip6->src_addr, ip6->dst_addr, sizeof(addr));
		memcpy(ip6->dst_addr, addr, sizeof(addr));
		*proto = ip6->proto;
		mb->l3_len = sizeof(*ip6);
		return off + sizeof(*ip6);
	}
	return 0;
}

static inline void
five_tuple_swap(struct rte_mbuf *mb)
{
	struct rte_ether_hdr *eth = pkt_hdr(mb, 0, sizeof(*eth));
	uint16_t ether_type;
	uint32_t off;
	uint8_t proto;

	if (eth == NULL)
		return;
	ether_addrs_swap(eth);
	off = pkt_l2_skip(mb, &ether_type);
	if (off == 0)
		return;
	mb->l2_len = off;
	off = l3_swap(mb, ether_type, off, &proto);
	if (off == 0)
		return;
	/* TCP and UDP both start with the two ports. */
	if (proto == IPPROTO_UDP || proto == IPPROTO_TCP) {
		struct rte_udp_hdr *l4 = pkt_hdr(mb, off, sizeof(*l4));
		uint16_t port;

		if (l4 == NULL)
			return;
		port = l4->src_port;
		l4->src_port = l4->dst_port;
		l4->dst_port = port;
		if (proto == IPPROTO_UDP) {
			mb->l4_len = sizeof(struct rte_udp_hdr);
		} else {
			const struct rte_tcp_hdr *tcp = pkt_hdr(mb, off, sizeof(*tcp));

			if (tcp != NULL)
				mb->l4_len = (tcp->data_off & 0xf0) >> 2;
		}
	}
}

static inline uint16_t
five_tuple_swap_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (nb_rx == 0)
		return 0;
	for (uint16_t i = 0; i < nb_rx; i++) {
		if (i + 1 < nb_rx)
			rte_prefetch0(rte_pktmbuf_mtod(pkts[i + 1], void *));
		five_tuple_swap(pkts[i]);
	}
	fwd_tx_burst(fs, pkts, nb_rx);
	return nb_rx;
}
FWD_LCORE_LOOP(five_tuple_swap_lcore_loop, five_tuple_swap_step)

/* An ARP request for IPv4 over Ethernet becomes its reply from the tx port. */
static bool
arp_reply_make(struct rte_mbuf *mb, uint32_t off, const struct rte_ether_addr *tx_mac)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(mb, struct rte_ether_hdr *);
	struct rte_arp_hdr *arp = pkt_hdr(mb, off, sizeof(*arp));
	uint32_t ip;

	if (arp == NULL || arp->arp_hardware != RTE_BE16(RTE_ARP_HRD_ETHER) ||
	    arp->arp_protocol != RTE_BE16(RTE_ETHER_TYPE_IPV4) || arp->arp_hlen != 6 ||
	    arp->arp_plen != 4 || arp->arp_opcode != RTE_BE16(RTE_ARP_OP_REQUEST))
		return false;
	eth->dst_addr = eth->src_addr;
	eth->src_addr = *tx_mac;
	arp->arp_opcode = RTE_BE16(RTE_ARP_OP_REPLY);
	/* The asker becomes the target; the tx port answers for the asked address. */
	arp->arp_data.arp_tha = arp->arp_data.arp_sha;
	arp->arp_data.arp_sha = *tx_mac;
	ip = arp->arp_data.arp_sip;
	arp->arp_data.arp_sip = arp->arp_data.arp_tip;
	arp->arp_data.arp_tip = ip;
	return true;
}

/* An ICMP echo request becomes its echo reply. */
static bool
icmp_reply_make(struct rte_mbuf *mb, uint32_t off)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(mb, struct rte_ether_hdr *);
	struct rte_ipv4_hdr *ip = pkt_hdr(mb, off, sizeof(*ip));
	struct rte_icmp_hdr *icmp;
	uint32_t src, sum;

	if (ip == NULL || ip->next_proto_id != IPPROTO_ICMP)
		return false;
	icmp = pkt_hdr(mb, off + rte_ipv4_hdr_len(ip), sizeof(*icmp));
	if (icmp == NULL || icmp->icmp_type != RTE_IP_ICMP_ECHO_REQUEST || icmp->icmp_code != 0)
		return false;
	ether_addrs_swap(eth);
	src = ip->src_addr;
	if (RTE_IS_IPV4_MCAST(rte_be_to_cpu_32(ip->dst_addr))) {
		/* Answer from a unicast address next to the asker's, as DPDK's testpmd. */
		uint32_t me = rte_be_to_cpu_32(src);

		me = (me & ~3u) | ((me & 3u) == 1 ? 2u : 1u);
		ip->src_addr = rte_cpu_to_be_32(me);
		ip->dst_addr = src;
		ip->hdr_checksum = 0;
		ip->hdr_checksum = rte_ipv4_cksum(ip);
	} else {
		/* A swap keeps the header checksum valid. */
		ip->src_addr = ip->dst_addr;
		ip->dst_addr = src;
	}
	icmp->icmp_type = RTE_IP_ICMP_ECHO_REPLY;
	/* RFC 1624 incremental update for the type byte: request (8) -> reply (0). */
	sum = (uint32_t)(~icmp->icmp_cksum & 0xffff) +
	      (~RTE_BE16(RTE_IP_ICMP_ECHO_REQUEST << 8) & 0xffff) +
	      RTE_BE16(RTE_IP_ICMP_ECHO_REPLY << 8);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	icmp->icmp_cksum = (uint16_t)~sum;
	return true;
}

static inline uint16_t
icmpecho_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx, nb_replies = 0;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (nb_rx == 0)
		return 0;
	for (uint16_t i = 0; i < nb_rx; i++) {
		struct rte_mbuf *mb = pkts[i];
		uint16_t ether_type = 0;
		uint32_t off = pkt_l2_skip(mb, &ether_type);
		bool reply = false;

		if (off != 0 && ether_type == RTE_BE16(RTE_ETHER_TYPE_ARP))
			reply = arp_reply_make(mb, off, &ports[fs->tx_port].mac);
		else if (off != 0 && ether_type == RTE_BE16(RTE_ETHER_TYPE_IPV4))
			reply = icmp_reply_make(mb, off);
		if (reply)
			pkts[nb_replies++] = mb;
		else
			rte_pktmbuf_free(mb);
	}
	if (nb_replies > 0)
		fwd_tx_burst(fs, pkts, nb_replies);
	return nb_rx;
}
FWD_LCORE_LOOP(icmpecho_lcore_loop, icmpecho_step)

const struct fwd_engine five_tuple_swap_engine = {.name = "5tswap",
						  .lcore_loop = five_tuple_swap_lcore_loop};
const struct fwd_engine icmpecho_engine = {.name = "icmpecho", .lcore_loop = icmpecho_lcore_loop};
