/* SPDX-License-Identifier: BSD-3-Clause */
/* Packet type recognition in software, for drivers and applications without hardware ptypes. */
#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_net.h>

#define __rte_export __attribute__((visibility("default")))

/* Chains longer than this are treated as malformed rather than walked without end. */
#define NET_IP6_EXT_MAX 5
/* SCTP common header: ports, verification tag, checksum. */
#define NET_SCTP_HDR_LEN 12

__rte_export int
rte_net_skip_ip6_ext(uint16_t proto, const struct rte_mbuf *m, uint32_t *off, int *frag)
{
	uint8_t xh_copy[2];
	const uint8_t *xh;
	unsigned int i;

	*frag = 0;
	for (i = 0; i < NET_IP6_EXT_MAX; i++) {
		switch (proto) {
		case IPPROTO_HOPOPTS:
		case IPPROTO_ROUTING:
		case IPPROTO_DSTOPTS:
			xh = rte_pktmbuf_read(m, *off, sizeof(xh_copy), xh_copy);
			if (xh == NULL)
				return -1;
			/* The length field counts 8-byte units after the first 8 bytes. */
			*off += ((uint32_t)xh[1] + 1) * 8;
			proto = xh[0];
			break;
		case IPPROTO_FRAGMENT:
			xh = rte_pktmbuf_read(m, *off, sizeof(xh_copy), xh_copy);
			if (xh == NULL)
				return -1;
			*off += 8;
			*frag = 1;
			/* Later headers sit in the first fragment only: stop here. */
			return xh[0];
		case IPPROTO_NONE:
			return 0;
		default:
			return proto;
		}
	}
	return -1;
}

static uint32_t
net_ptype_l4(uint8_t proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return RTE_PTYPE_L4_TCP;
	case IPPROTO_UDP:
		return RTE_PTYPE_L4_UDP;
	case IPPROTO_SCTP:
		return RTE_PTYPE_L4_SCTP;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return RTE_PTYPE_L4_ICMP;
	default:
		return 0;
	}
}

static int
net_ip6_is_ext(uint8_t proto)
{
	return proto == IPPROTO_HOPOPTS || proto == IPPROTO_ROUTING || proto == IPPROTO_FRAGMENT ||
	       proto == IPPROTO_ESP || proto == IPPROTO_AH || proto == IPPROTO_DSTOPTS;
}

/* Fills the L4 length of the L4 type in *ptype; drops the L4 bits if TCP's header is cut. */
static uint32_t
net_ptype_l4_len(const struct rte_mbuf *m, uint32_t off, uint32_t ptype,
		 struct rte_net_hdr_lens *lens)
{
	struct rte_tcp_hdr th_copy;
	const struct rte_tcp_hdr *th;

	lens->l4_len = 0;
	switch (ptype & RTE_PTYPE_L4_MASK) {
	case RTE_PTYPE_L4_UDP:
		lens->l4_len = sizeof(struct rte_udp_hdr);
		break;
	case RTE_PTYPE_L4_SCTP:
		lens->l4_len = NET_SCTP_HDR_LEN;
		break;
	case RTE_PTYPE_L4_TCP:
		th = rte_pktmbuf_read(m, off, sizeof(*th), &th_copy);
		if (th == NULL)
			return ptype & (RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK);
		lens->l4_len = (uint8_t)((th->data_off >> 4) * 4);
		break;
	default:
		break;
	}
	return ptype;
}

__rte_export uint32_t
rte_net_get_ptype(const struct rte_mbuf *m, struct rte_net_hdr_lens *hdr_lens, uint32_t layers)
{
	struct rte_net_hdr_lens scratch;
	struct rte_net_hdr_lens *lens = hdr_lens != NULL ? hdr_lens : &scratch;
	struct rte_ether_hdr eh_copy;
	const struct rte_ether_hdr *eh;
	struct rte_vlan_hdr vh_copy;
	const struct rte_vlan_hdr *vh;
	uint32_t ptype = RTE_PTYPE_L2_ETHER;
	uint32_t off = sizeof(*eh);
	uint16_t proto;

	eh = rte_pktmbuf_read(m, 0, sizeof(*eh), &eh_copy);
	if (eh == NULL)
		return 0;
	lens->l2_len = sizeof(*eh);
	if ((layers & RTE_PTYPE_L2_MASK) == 0)
		return 0;
	proto = rte_be_to_cpu_16(eh->ether_type);

	if (proto == RTE_ETHER_TYPE_VLAN || proto == RTE_ETHER_TYPE_QINQ) {
		/* For QinQ the inner tag names the payload: skip the outer one. */
		unsigned int tags = proto == RTE_ETHER_TYPE_VLAN ? 1 : 2;

		ptype = tags == 1 ? RTE_PTYPE_L2_ETHER_VLAN : RTE_PTYPE_L2_ETHER_QINQ;
		vh = rte_pktmbuf_read(m, off + (tags - 1) * sizeof(*vh), sizeof(*vh), &vh_copy);
		if (vh == NULL)
			return ptype;
		off += tags * sizeof(*vh);
		lens->l2_len = (uint8_t)off;
		proto = rte_be_to_cpu_16(vh->eth_proto);
	}

	if ((layers & RTE_PTYPE_L3_MASK) == 0)
		return ptype;

	if (proto == RTE_ETHER_TYPE_IPV4) {
		struct rte_ipv4_hdr ip4_copy;
		const struct rte_ipv4_hdr *ip4;
		uint8_t ihl;

		ip4 = rte_pktmbuf_read(m, off, sizeof(*ip4), &ip4_copy);
		if (ip4 == NULL)
			return ptype;
		ihl = ip4->version_ihl & RTE_IPV4_HDR_IHL_MASK;
		/* A version other than 4 or a header shorter than 20 bytes is not IPv4. */
		if ((ip4->version_ihl >> 4) != 4 || ihl < 5)
			return ptype;
		ptype |= ihl == 5 ? RTE_PTYPE_L3_IPV4 : RTE_PTYPE_L3_IPV4_EXT;
		lens->l3_len = (uint16_t)(ihl * 4);
		off += lens->l3_len;
		if ((layers & RTE_PTYPE_L4_MASK) == 0)
			return ptype;
		if (ip4->fragment_offset &
		    rte_cpu_to_be_16(RTE_IPV4_HDR_OFFSET_MASK | RTE_IPV4_HDR_MF_FLAG)) {
			lens->l4_len = 0;
			return ptype | RTE_PTYPE_L4_FRAG;
		}
		ptype |= net_ptype_l4(ip4->next_proto_id);
	} else if (proto == RTE_ETHER_TYPE_IPV6) {
		struct rte_ipv6_hdr ip6_copy;
		const struct rte_ipv6_hdr *ip6;
		int frag = 0;
		int next;

		ip6 = rte_pktmbuf_read(m, off, sizeof(*ip6), &ip6_copy);
		if (ip6 == NULL)
			return ptype;
		next = ip6->proto;
		off += sizeof(*ip6);
		lens->l3_len = sizeof(*ip6);
		if (net_ip6_is_ext(ip6->proto)) {
			ptype |= RTE_PTYPE_L3_IPV6_EXT;
			next = rte_net_skip_ip6_ext(ip6->proto, m, &off, &frag);
			if (next < 0)
				return ptype;
			lens->l3_len = (uint16_t)(off - lens->l2_len);
		} else {
			ptype |= RTE_PTYPE_L3_IPV6;
		}
		if (next == 0 || (layers & RTE_PTYPE_L4_MASK) == 0)
			return ptype;
		if (frag) {
			lens->l4_len = 0;
			return ptype | RTE_PTYPE_L4_FRAG;
		}
		ptype |= net_ptype_l4((uint8_t)next);
	} else {
		return ptype;
	}
	return net_ptype_l4_len(m, off, ptype, lens);
}
