/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Header access for the engines that look into packets. Received packets
 * are untrusted: a header is read only when it lies inside the first
 * segment.
 */
#ifndef _TESTPMD_FWD_PARSE_H_
#define _TESTPMD_FWD_PARSE_H_

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_mbuf.h>

/* The header of len bytes at off in the first segment, or NULL past its end. */
static inline void *
pkt_hdr(struct rte_mbuf *mb, uint32_t off, uint32_t len)
{
	if (off + len > mb->data_len)
		return NULL;
	return rte_pktmbuf_mtod_offset(mb, uint8_t *, off);
}

/* Past the Ethernet header and any VLAN/QinQ tags: the EtherType and its offset. */
static inline uint32_t
pkt_l2_skip(struct rte_mbuf *mb, uint16_t *ether_type)
{
	const struct rte_ether_hdr *eth = pkt_hdr(mb, 0, sizeof(*eth));
	uint32_t off = sizeof(*eth);
	uint16_t type;

	if (eth == NULL)
		return 0;
	type = eth->ether_type;
	while (type == RTE_BE16(RTE_ETHER_TYPE_VLAN) || type == RTE_BE16(RTE_ETHER_TYPE_QINQ)) {
		const struct rte_vlan_hdr *vlan = pkt_hdr(mb, off, sizeof(*vlan));

		if (vlan == NULL)
			return 0;
		type = vlan->eth_proto;
		off += sizeof(*vlan);
	}
	*ether_type = type;
	return off;
}

#endif
