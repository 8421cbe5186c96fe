/* SPDX-License-Identifier: BSD-3-Clause */
/* Software packet type recognition: which headers a frame carries and how long they are. */
#ifndef _RTE_NET_PTYPE_H_
#define _RTE_NET_PTYPE_H_

#include <stdint.h>

#include <rte_mbuf.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_udp.h>
#include <rte_tcp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Header lengths in bytes found by rte_net_get_ptype(). */
struct rte_net_hdr_lens {
	uint8_t l2_len;
	uint8_t inner_l2_len;
	uint16_t l3_len;
	uint16_t inner_l3_len;
	uint16_t tunnel_len;
	uint8_t l4_len;
	uint8_t inner_l4_len;
};

/*
 * Walk the IPv6 extension headers of m starting at *off, proto being the next-header
 * value that points at the first one. Advances *off past them and sets *frag to 1 if
 * a fragment header was seen (it ends the walk). Returns the upper-layer protocol,
 * 0 for "no next header", or -1 if a header lies beyond the data or more than five
 * extension headers are chained. No rte_errno.
 */
int rte_net_skip_ip6_ext(uint16_t proto, const struct rte_mbuf *m, uint32_t *off, int *frag);

/*
 * The RTE_PTYPE_* of m found by reading its headers, limited to the layers selected by
 * the layers mask (RTE_PTYPE_ALL_MASK for all). Recognised: Ethernet, one VLAN tag,
 * QinQ; IPv4 (with or without options), IPv6 (with extension headers); TCP, UDP, SCTP,
 * ICMP and fragments. Tunnels and inner headers are not parsed (their bits stay 0).
 * When hdr_lens is not NULL it receives the header lengths. A truncated frame yields
 * the layers read so far; 0 if even the Ethernet header is missing. No rte_errno.
 */
uint32_t rte_net_get_ptype(const struct rte_mbuf *m, struct rte_net_hdr_lens *hdr_lens,
			   uint32_t layers);

#ifdef __cplusplus
}
#endif

#endif
