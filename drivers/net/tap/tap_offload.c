/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap offloads, done in software as DPDK's net_tap does: the kernel
 * neither classifies nor checks what it hands a TAP reader, nor fills
 * checksums in what it is written, so the port does it on the CPU. Rx: the
 * packet type of every frame (applications such as DPDK's ip_reassembly
 * rely on it); with the checksum offload, IPv4 header and IPv4 UDP/TCP
 * checksums verified and reported in ol_flags (anything else stays
 * UNKNOWN). Tx: the IPv4 header checksum is filled in when the mbuf asks
 * for it with RTE_MBUF_F_TX_IP_CKSUM.
 */
#include <netinet/in.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_net.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "tap.h"

/* Where the L3 header starts and its EtherType, past one VLAN tag; 0 when
 * the first segment does not hold it. */
static uint16_t
tap_l3_find(const struct rte_mbuf *m, uint16_t *ether_type)
{
	const struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	uint16_t off = sizeof(*eth);

	if (m->data_len < off)
		return 0;
	*ether_type = rte_be_to_cpu_16(eth->ether_type);
	if (*ether_type == RTE_ETHER_TYPE_VLAN) {
		const struct rte_vlan_hdr *vh;

		if (m->data_len < off + sizeof(*vh))
			return 0;
		vh = rte_pktmbuf_mtod_offset(m, const struct rte_vlan_hdr *, off);
		*ether_type = rte_be_to_cpu_16(vh->eth_proto);
		off += sizeof(*vh);
	}
	return off;
}

/* What rte_net_get_ptype can tell, as the port reports it. */
static const uint32_t tap_ptypes[] = {
	RTE_PTYPE_L2_ETHER,    RTE_PTYPE_L2_ETHER_VLAN, RTE_PTYPE_L2_ETHER_QINQ, RTE_PTYPE_L3_IPV4,
	RTE_PTYPE_L3_IPV4_EXT, RTE_PTYPE_L3_IPV6,	RTE_PTYPE_L3_IPV6_EXT,	 RTE_PTYPE_L4_FRAG,
	RTE_PTYPE_L4_ICMP,     RTE_PTYPE_L4_SCTP,	RTE_PTYPE_L4_TCP,	 RTE_PTYPE_L4_UDP,
	RTE_PTYPE_UNKNOWN,
};

const uint32_t *
tap_supported_ptypes_get(struct rte_eth_dev *dev __rte_unused)
{
	return tap_ptypes;
}

void
tap_rx_ptype(struct rte_mbuf *m)
{
	m->packet_type = rte_net_get_ptype(
		m, NULL, RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK | RTE_PTYPE_L4_MASK);
}

void
tap_rx_cksum(struct rte_mbuf *m)
{
	const struct rte_ipv4_hdr *ip;
	uint16_t ether_type, l3, ihl, total;
	uint64_t flags;

	l3 = tap_l3_find(m, &ether_type);
	if (l3 == 0 || ether_type != RTE_ETHER_TYPE_IPV4 ||
	    m->data_len < l3 + sizeof(struct rte_ipv4_hdr))
		return;
	ip = rte_pktmbuf_mtod_offset(m, const struct rte_ipv4_hdr *, l3);
	ihl = rte_ipv4_hdr_len(ip);
	total = rte_be_to_cpu_16(ip->total_length);
	/* a header that lies about its lengths is bad, not unknown */
	if (ihl < sizeof(*ip) || m->data_len < l3 + ihl || total < ihl || m->pkt_len < l3 + total) {
		m->ol_flags |= RTE_MBUF_F_RX_IP_CKSUM_BAD;
		return;
	}
	/* a header summed with its own checksum field folds to all ones */
	flags = rte_raw_cksum(ip, ihl) == 0xffff ? RTE_MBUF_F_RX_IP_CKSUM_GOOD
						 : RTE_MBUF_F_RX_IP_CKSUM_BAD;
	/* L4 only for a whole datagram: a fragment's checksum covers the rest */
	if ((ip->next_proto_id == IPPROTO_UDP || ip->next_proto_id == IPPROTO_TCP) &&
	    (rte_be_to_cpu_16(ip->fragment_offset) &
	     (RTE_IPV4_HDR_OFFSET_MASK | RTE_IPV4_HDR_MF_FLAG)) == 0) {
		const struct rte_udp_hdr *udp =
			rte_pktmbuf_mtod_offset(m, const struct rte_udp_hdr *, l3 + ihl);
		uint16_t l4_min = ip->next_proto_id == IPPROTO_UDP ? sizeof(struct rte_udp_hdr)
								   : sizeof(struct rte_tcp_hdr);

		if (total - ihl < l4_min || m->data_len < l3 + ihl + l4_min)
			flags |= RTE_MBUF_F_RX_L4_CKSUM_BAD;
		else if (ip->next_proto_id == IPPROTO_UDP && udp->dgram_cksum == 0)
			flags |= RTE_MBUF_F_RX_L4_CKSUM_GOOD; /* no checksum sent (RFC 768) */
		else if (rte_ipv4_udptcp_cksum_mbuf_verify(m, ip, (uint16_t)(l3 + ihl)) == 0)
			flags |= RTE_MBUF_F_RX_L4_CKSUM_GOOD;
		else
			flags |= RTE_MBUF_F_RX_L4_CKSUM_BAD;
	}
	m->ol_flags |= flags;
}

int
tap_tx_cksum(struct rte_mbuf *m)
{
	struct rte_ipv4_hdr *ip;

	if ((m->ol_flags & RTE_MBUF_F_TX_IP_CKSUM) == 0)
		return 0;
	/* the application says where the header is; it must be writable */
	if (m->l2_len + sizeof(*ip) > m->data_len || RTE_MBUF_CLONED(m) ||
	    rte_mbuf_refcnt_read(m) != 1)
		return -EINVAL;
	ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, m->l2_len);
	if (rte_ipv4_hdr_len(ip) < sizeof(*ip) || m->l2_len + rte_ipv4_hdr_len(ip) > m->data_len)
		return -EINVAL;
	ip->hdr_checksum = 0;
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	return 0;
}
