/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet addresses and headers, with DPDK's names and layouts. */
#ifndef _RTE_ETHER_H_
#define _RTE_ETHER_H_

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_random.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_ETHER_ADDR_LEN 6
#define RTE_ETHER_TYPE_LEN 2
#define RTE_ETHER_CRC_LEN 4
#define RTE_ETHER_HDR_LEN (RTE_ETHER_ADDR_LEN * 2 + RTE_ETHER_TYPE_LEN)
#define RTE_ETHER_MIN_LEN 64	/* smallest frame, CRC included */
#define RTE_ETHER_MAX_LEN 1518	/* largest untagged frame, CRC included */
#define RTE_ETHER_MTU (RTE_ETHER_MAX_LEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN)
#define RTE_VLAN_HLEN 4
#define RTE_ETHER_MAX_VLAN_FRAME_LEN (RTE_ETHER_MAX_LEN + RTE_VLAN_HLEN)
#define RTE_ETHER_MAX_JUMBO_FRAME_LEN 0x3F00
#define RTE_ETHER_MAX_VLAN_ID 4095
#define RTE_ETHER_MIN_MTU 68	/* RFC 791 */

#define RTE_VLAN_DEI_SHIFT 12
#define RTE_VLAN_PRI_SHIFT 13
#define RTE_VLAN_PRI_MASK 0xe000
#define RTE_VLAN_DEI_MASK 0x1000
#define RTE_VLAN_ID_MASK 0x0fff
#define RTE_VLAN_TCI_ID(vlan_tci) ((vlan_tci) & RTE_VLAN_ID_MASK)
#define RTE_VLAN_TCI_PRI(vlan_tci) (((vlan_tci) & RTE_VLAN_PRI_MASK) >> RTE_VLAN_PRI_SHIFT)
#define RTE_VLAN_TCI_DEI(vlan_tci) (((vlan_tci) & RTE_VLAN_DEI_MASK) >> RTE_VLAN_DEI_SHIFT)
#define RTE_VLAN_TCI_MAKE(id, pri, dei) \
	((id) | ((pri) << RTE_VLAN_PRI_SHIFT) | ((dei) << RTE_VLAN_DEI_SHIFT))

/* A MAC address, bytes in transmission order. */
struct rte_ether_addr {
	uint8_t addr_bytes[RTE_ETHER_ADDR_LEN];
} __rte_aligned(2);

#define RTE_ETHER_LOCAL_ADMIN_ADDR 0x02	/* bit of byte 0: locally assigned */
#define RTE_ETHER_GROUP_ADDR 0x01	/* bit of byte 0: multicast/broadcast */

/*
 * The address is 2-byte aligned, so it is compared as three 16-bit words;
 * memcpy keeps that free of aliasing questions and compiles to loads.
 */
static inline void
__rte_ether_addr_words(const struct rte_ether_addr *ea, uint16_t w[3])
{
	memcpy(w, ea->addr_bytes, RTE_ETHER_ADDR_LEN);
}

/* 1 if ea1 and ea2 are the same address, else 0. No rte_errno. */
static inline int
rte_is_same_ether_addr(const struct rte_ether_addr *ea1, const struct rte_ether_addr *ea2)
{
	uint16_t a[3], b[3];

	__rte_ether_addr_words(ea1, a);
	__rte_ether_addr_words(ea2, b);
	return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2])) == 0;
}

/* 1 if ea is 00:00:00:00:00:00, else 0. No rte_errno. */
static inline int
rte_is_zero_ether_addr(const struct rte_ether_addr *ea)
{
	uint16_t w[3];

	__rte_ether_addr_words(ea, w);
	return (w[0] | w[1] | w[2]) == 0;
}

/* 1 if ea is unicast (group bit clear), else 0. No rte_errno. */
static inline int
rte_is_unicast_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR) == 0;
}

/* Non-zero if ea is a group address (multicast or broadcast), else 0. No rte_errno. */
static inline int
rte_is_multicast_ether_addr(const struct rte_ether_addr *ea)
{
	return ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR;
}

/* 1 if ea is FF:FF:FF:FF:FF:FF, else 0. No rte_errno. */
static inline int
rte_is_broadcast_ether_addr(const struct rte_ether_addr *ea)
{
	uint16_t w[3];

	__rte_ether_addr_words(ea, w);
	return (w[0] & w[1] & w[2]) == 0xFFFF;
}

/* 1 if ea is universally administered (local bit clear), else 0. No rte_errno. */
static inline int
rte_is_universal_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) == 0;
}

/* 1 if ea is locally administered, else 0. No rte_errno. */
static inline int
rte_is_local_admin_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) != 0;
}

/* 1 if ea is unicast and not all zeros (usable as a port's address), else 0. No rte_errno. */
static inline int
rte_is_valid_assigned_ether_addr(const struct rte_ether_addr *ea)
{
	return rte_is_unicast_ether_addr(ea) && !rte_is_zero_ether_addr(ea);
}

/*
 * Fill addr (6 bytes) with a random, locally administered unicast address.
 * Returns nothing; rte_errno is not set.
 */
void rte_eth_random_addr(uint8_t *addr);

/* Copy address ea_from to ea_to. Returns nothing; rte_errno is not set. */
static inline void
rte_ether_addr_copy(const struct rte_ether_addr *__restrict ea_from,
		    struct rte_ether_addr *__restrict ea_to)
{
	*ea_to = *ea_from;
}

#define RTE_ETHER_ADDR_PRT_FMT "%02X:%02X:%02X:%02X:%02X:%02X"
#define RTE_ETHER_ADDR_BYTES(mac_addrs) ((mac_addrs)->addr_bytes[0]), \
	((mac_addrs)->addr_bytes[1]), ((mac_addrs)->addr_bytes[2]), \
	((mac_addrs)->addr_bytes[3]), ((mac_addrs)->addr_bytes[4]), \
	((mac_addrs)->addr_bytes[5])
#define RTE_ETHER_ADDR_FMT_SIZE 18

/*
 * Write eth_addr as "XX:XX:XX:XX:XX:XX" (upper case) into buf, cut to size
 * bytes (RTE_ETHER_ADDR_FMT_SIZE holds it all); nothing when buf is NULL or
 * size is 0. Returns nothing; rte_errno is not set.
 */
void rte_ether_format_addr(char *buf, uint16_t size, const struct rte_ether_addr *eth_addr);

/*
 * Parse "XX:XX:XX:XX:XX:XX" or "XXXX:XXXX:XXXX" (hex digits, any case,
 * nothing before or after), the two forms DPDK 22.11 accepts.
 * Returns 0, or -1 with rte_errno EINVAL and eth_addr untouched (also when
 * str or eth_addr is NULL).
 */
int rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr);

struct rte_ether_hdr {
	struct rte_ether_addr dst_addr;
	struct rte_ether_addr src_addr;
	rte_be16_t ether_type;
} __rte_aligned(2);

struct rte_vlan_hdr {
	rte_be16_t vlan_tci;	/* priority (3), DEI (1), VLAN id (12) */
	rte_be16_t eth_proto;	/* type of the encapsulated frame */
} __rte_packed;

#define RTE_ETHER_TYPE_IPV4 0x0800
#define RTE_ETHER_TYPE_IPV6 0x86DD
#define RTE_ETHER_TYPE_ARP 0x0806
#define RTE_ETHER_TYPE_RARP 0x8035
#define RTE_ETHER_TYPE_VLAN 0x8100
#define RTE_ETHER_TYPE_QINQ 0x88A8
#define RTE_ETHER_TYPE_QINQ1 0x9100
#define RTE_ETHER_TYPE_QINQ2 0x9200
#define RTE_ETHER_TYPE_QINQ3 0x9300
#define RTE_ETHER_TYPE_PPPOE_DISCOVERY 0x8863
#define RTE_ETHER_TYPE_PPPOE_SESSION 0x8864
#define RTE_ETHER_TYPE_ETAG 0x893F
#define RTE_ETHER_TYPE_1588 0x88F7
#define RTE_ETHER_TYPE_SLOW 0x8809
#define RTE_ETHER_TYPE_TEB 0x6558
#define RTE_ETHER_TYPE_LLDP 0x88CC
#define RTE_ETHER_TYPE_MPLS 0x8847
#define RTE_ETHER_TYPE_MPLSM 0x8848
#define RTE_ETHER_TYPE_ECPRI 0xAEFE

_Static_assert(sizeof(struct rte_ether_hdr) == RTE_ETHER_HDR_LEN, "ether header is 14 bytes");
_Static_assert(sizeof(struct rte_vlan_hdr) == RTE_VLAN_HLEN, "vlan header is 4 bytes");

/*
 * Move an 802.1Q tag from the frame into m->vlan_tci (RX_VLAN flags set).
 * Returns 0, or -1 (m unchanged) when the frame's type is not 0x8100.
 * rte_errno is not set.
 */
static inline int
rte_vlan_strip(struct rte_mbuf *m)
{
	struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	struct rte_vlan_hdr *vh;

	if (eh->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN))
		return -1;
	vh = (struct rte_vlan_hdr *)(eh + 1);
	m->ol_flags |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	m->vlan_tci = rte_be_to_cpu_16(vh->vlan_tci);
	/* Slide the two addresses forward over the tag; the payload stays put. */
	memmove(rte_pktmbuf_adj(m, sizeof(struct rte_vlan_hdr)), eh, 2 * RTE_ETHER_ADDR_LEN);
	return 0;
}

/*
 * Insert an 802.1Q tag carrying (*m)->vlan_tci after the MAC addresses.
 * Returns 0; -EINVAL when *m is indirect or shared (refcnt > 1) or its first
 * segment is shorter than two addresses; -ENOSPC without 4 bytes of
 * headroom. rte_errno is not set.
 */
static inline int
rte_vlan_insert(struct rte_mbuf **m)
{
	struct rte_ether_hdr *oh, *nh;
	struct rte_vlan_hdr *vh;

	if (!RTE_MBUF_DIRECT(*m) || rte_mbuf_refcnt_read(*m) > 1)
		return -EINVAL;
	if (rte_pktmbuf_data_len(*m) < 2 * RTE_ETHER_ADDR_LEN)
		return -EINVAL;
	oh = rte_pktmbuf_mtod(*m, struct rte_ether_hdr *);
	nh = (struct rte_ether_hdr *)(void *)rte_pktmbuf_prepend(*m, sizeof(struct rte_vlan_hdr));
	if (nh == NULL)
		return -ENOSPC;
	memmove(nh, oh, 2 * RTE_ETHER_ADDR_LEN);
	nh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN);
	vh = (struct rte_vlan_hdr *)(nh + 1);
	vh->vlan_tci = rte_cpu_to_be_16((*m)->vlan_tci);
	(*m)->ol_flags &= ~(RTE_MBUF_F_RX_VLAN_STRIPPED | RTE_MBUF_F_TX_VLAN);
	if ((*m)->ol_flags & RTE_MBUF_F_TX_TUNNEL_MASK)
		(*m)->outer_l2_len += sizeof(struct rte_vlan_hdr);
	else
		(*m)->l2_len += sizeof(struct rte_vlan_hdr);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif
