/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv4/IPv6 headers and the Internet checksum (RFC 1071), with DPDK's names. */
#ifndef _RTE_IP_H_
#define _RTE_IP_H_

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_branch_prediction.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_ipv4_hdr {
	__extension__
	union {
		uint8_t version_ihl;
		struct {
			uint8_t ihl:4;		/* header length in 32-bit words */
			uint8_t version:4;
		};
	};
	uint8_t type_of_service;
	rte_be16_t total_length;
	rte_be16_t packet_id;
	rte_be16_t fragment_offset;
	uint8_t time_to_live;
	uint8_t next_proto_id;
	rte_be16_t hdr_checksum;
	rte_be32_t src_addr;
	rte_be32_t dst_addr;
} __rte_packed;

_Static_assert(sizeof(struct rte_ipv4_hdr) == 20, "IPv4 header without options is 20 bytes");

/* An IPv4 address in host order: RTE_IPV4(192, 168, 0, 1). */
/* Each byte is widened before the shift: 192 << 24 does not fit an int. */
#define RTE_IPV4(a, b, c, d) ((((uint32_t)(a) & 0xff) << 24) | \
	(((uint32_t)(b) & 0xff) << 16) | (((uint32_t)(c) & 0xff) << 8) | ((uint32_t)(d) & 0xff))

#define RTE_IPV4_MAX_PKT_LEN 65535
#define RTE_IPV4_HDR_IHL_MASK (0x0f)
#define RTE_IPV4_IHL_MULTIPLIER (4)

#define RTE_IPV4_HDR_DSCP_MASK (0xfc)
#define RTE_IPV4_HDR_ECN_MASK (0x03)
#define RTE_IPV4_HDR_ECN_CE RTE_IPV4_HDR_ECN_MASK

#define RTE_IPV4_HDR_DF_SHIFT 14
#define RTE_IPV4_HDR_MF_SHIFT 13
#define RTE_IPV4_HDR_FO_SHIFT 3
#define RTE_IPV4_HDR_DF_FLAG (1 << RTE_IPV4_HDR_DF_SHIFT)
#define RTE_IPV4_HDR_MF_FLAG (1 << RTE_IPV4_HDR_MF_SHIFT)
#define RTE_IPV4_HDR_OFFSET_MASK ((1 << RTE_IPV4_HDR_MF_SHIFT) - 1)
#define RTE_IPV4_HDR_OFFSET_UNITS 8

#define RTE_IPV4_HDR_OPT_EOL 0
#define RTE_IPV4_HDR_OPT_NOP 1
#define RTE_IPV4_HDR_OPT_COPIED(v) ((v) & 0x80)
#define RTE_IPV4_HDR_OPT_MAX_LEN 40

#define RTE_IPV4_ANY ((uint32_t)0x00000000)
#define RTE_IPV4_LOOPBACK ((uint32_t)0x7f000001)
#define RTE_IPV4_BROADCAST ((uint32_t)0xe0000000)
#define RTE_IPV4_ALLHOSTS_GROUP ((uint32_t)0xe0000001)
#define RTE_IPV4_ALLRTRS_GROUP ((uint32_t)0xe0000002)
#define RTE_IPV4_MAX_LOCAL_GROUP ((uint32_t)0xe00000ff)
#define RTE_IPV4_MIN_MCAST RTE_IPV4(224, 0, 0, 0)
#define RTE_IPV4_MAX_MCAST RTE_IPV4(239, 255, 255, 255)
#define RTE_IS_IPV4_MCAST(x) ((x) >= RTE_IPV4_MIN_MCAST && (x) <= RTE_IPV4_MAX_MCAST)

#define RTE_IPV4_MIN_IHL (0x5)
#define RTE_IPV4_VHL_DEF ((IPVERSION << 4) | RTE_IPV4_MIN_IHL)

/* The IPv4 header length in bytes (IHL * 4), options included. No rte_errno. */
static inline uint8_t
rte_ipv4_hdr_len(const struct rte_ipv4_hdr *ipv4_hdr)
{
	return (uint8_t)((ipv4_hdr->version_ihl & RTE_IPV4_HDR_IHL_MASK) *
			 RTE_IPV4_IHL_MULTIPLIER);
}

/*
 * Add the 16-bit words of buf to sum in native byte order. The one's
 * complement sum is byte-order independent (RFC 1071 section 2(B)), so
 * the result only needs folding. An odd last byte is padded with zero
 * in memory order, as the checksum definition requires. Returns the new
 * 32-bit partial sum; cannot fail.
 */
static inline uint32_t
__rte_raw_cksum(const void *buf, size_t len, uint32_t sum)
{
	const uint8_t *p = (const uint8_t *)buf;
	uint64_t acc = sum;
	size_t i;

	for (i = 0; i + 2 <= len; i += 2) {
		uint16_t v;

		memcpy(&v, p + i, sizeof(v));
		acc += v;
	}
	if (len & 1) {
		uint16_t last = 0;

		memcpy(&last, p + len - 1, 1);
		acc += last;
	}
	/* Fold the 64-bit accumulator back into 32 bits without losing carries. */
	acc = (acc & 0xffffffffULL) + (acc >> 32);
	acc = (acc & 0xffffffffULL) + (acc >> 32);
	return (uint32_t)acc;
}

/* Fold a 32-bit partial sum into 16 bits (not inverted). */
static inline uint16_t
__rte_raw_cksum_reduce(uint32_t sum)
{
	sum = ((sum & 0xffff0000) >> 16) + (sum & 0xffff);
	sum = ((sum & 0xffff0000) >> 16) + (sum & 0xffff);
	return (uint16_t)sum;
}

/* The one's complement sum of len bytes at buf, not inverted. Cannot fail; no rte_errno. */
static inline uint16_t
rte_raw_cksum(const void *buf, size_t len)
{
	return __rte_raw_cksum_reduce(__rte_raw_cksum(buf, len, 0));
}

/*
 * Store in *cksum the one's complement sum (not inverted) of len bytes at
 * offset off of a (possibly segmented) packet. Returns 0, or -1 (*cksum
 * untouched) when the range is outside the packet. rte_errno is not set.
 */
static inline int
rte_raw_cksum_mbuf(const struct rte_mbuf *m, uint32_t off, uint32_t len, uint16_t *cksum)
{
	const struct rte_mbuf *seg;
	const char *buf;
	uint32_t sum = 0, tmp, seglen, done = 0;

	if (off + len <= rte_pktmbuf_data_len(m)) {
		*cksum = rte_raw_cksum(rte_pktmbuf_mtod_offset(m, const char *, off), len);
		return 0;
	}
	if (unlikely(off + len > rte_pktmbuf_pkt_len(m)))
		return -1;
	for (seg = m; seg != NULL; seg = seg->next) {
		if (off < seg->data_len)
			break;
		off -= seg->data_len;
	}
	if (seg == NULL)
		return -1;
	seglen = seg->data_len - off;
	buf = rte_pktmbuf_mtod_offset(seg, const char *, off);
	if (seglen >= len) {
		*cksum = rte_raw_cksum(buf, len);
		return 0;
	}
	for (;;) {
		tmp = __rte_raw_cksum(buf, seglen, 0);
		tmp = __rte_raw_cksum_reduce(tmp);
		/* A segment starting at an odd offset has its bytes swapped in the sum. */
		if (done & 1)
			tmp = rte_bswap16((uint16_t)tmp);
		sum += tmp;
		done += seglen;
		if (done == len)
			break;
		seg = seg->next;
		buf = rte_pktmbuf_mtod(seg, const char *);
		seglen = seg->data_len;
		if (seglen > len - done)
			seglen = len - done;
	}
	*cksum = __rte_raw_cksum_reduce(sum);
	return 0;
}

/*
 * The IPv4 header checksum, ready to store in hdr_checksum (which must be 0
 * while it is computed). Cannot fail; rte_errno is not set.
 */
static inline uint16_t
rte_ipv4_cksum(const struct rte_ipv4_hdr *ipv4_hdr)
{
	return (uint16_t)~rte_raw_cksum(ipv4_hdr, rte_ipv4_hdr_len(ipv4_hdr));
}

/*
 * Sum of the pseudo-header (not inverted), as a NIC wants it in the L4
 * checksum field for checksum offload; with RTE_MBUF_F_TX_TCP_SEG in ol_flags
 * the length is left out. Cannot fail; rte_errno is not set.
 */
static inline uint16_t
rte_ipv4_phdr_cksum(const struct rte_ipv4_hdr *ipv4_hdr, uint64_t ol_flags)
{
	struct {
		rte_be32_t src_addr;
		rte_be32_t dst_addr;
		uint8_t zero;
		uint8_t proto;
		rte_be16_t len;
	} psd_hdr;

	psd_hdr.src_addr = ipv4_hdr->src_addr;
	psd_hdr.dst_addr = ipv4_hdr->dst_addr;
	psd_hdr.zero = 0;
	psd_hdr.proto = ipv4_hdr->next_proto_id;
	if (ol_flags & RTE_MBUF_F_TX_TCP_SEG)
		psd_hdr.len = 0;
	else
		psd_hdr.len = rte_cpu_to_be_16((uint16_t)(rte_be_to_cpu_16(ipv4_hdr->total_length) -
							  rte_ipv4_hdr_len(ipv4_hdr)));
	return rte_raw_cksum(&psd_hdr, sizeof(psd_hdr));
}

/* The non-inverted L4 sum behind rte_ipv4_udptcp_cksum; 0 when total_length < IHL. */
static inline uint16_t
__rte_ipv4_udptcp_cksum(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	uint32_t cksum;
	uint32_t l3_len = rte_be_to_cpu_16(ipv4_hdr->total_length);
	uint8_t ip_hdr_len = rte_ipv4_hdr_len(ipv4_hdr);

	if (l3_len < ip_hdr_len)
		return 0;
	cksum = rte_raw_cksum(l4_hdr, l3_len - ip_hdr_len);
	cksum += rte_ipv4_phdr_cksum(ipv4_hdr, 0);
	cksum = ((cksum & 0xffff0000) >> 16) + (cksum & 0xffff);
	return (uint16_t)cksum;
}

/*
 * UDP/TCP checksum over the pseudo-header and the L4 data (whose checksum
 * field must be 0), the L4 length taken from the IPv4 header. Returns the
 * checksum to store; a UDP result of 0 is given as 0xffff (RFC 768). Cannot
 * fail; rte_errno is not set.
 */
static inline uint16_t
rte_ipv4_udptcp_cksum(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	uint16_t cksum = (uint16_t)~__rte_ipv4_udptcp_cksum(ipv4_hdr, l4_hdr);

	if (cksum == 0 && ipv4_hdr->next_proto_id == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/*
 * Check the L4 checksum of an IPv4 UDP/TCP packet (field included). Returns 0
 * when it is correct, -1 otherwise. rte_errno is not set.
 */
static inline int
rte_ipv4_udptcp_cksum_verify(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	return __rte_ipv4_udptcp_cksum(ipv4_hdr, l4_hdr) == 0xffff ? 0 : -1;
}

/*
 * The non-inverted L4 sum behind rte_ipv4_udptcp_cksum_mbuf; 0 when l4_off or
 * the IPv4 length points past the packet.
 */
static inline uint16_t
__rte_ipv4_udptcp_cksum_mbuf(const struct rte_mbuf *m, const struct rte_ipv4_hdr *ipv4_hdr,
			     uint16_t l4_off)
{
	uint16_t raw_cksum;
	uint32_t cksum;
	uint16_t len;

	if (unlikely(l4_off > m->pkt_len))
		return 0;
	len = (uint16_t)(rte_be_to_cpu_16(ipv4_hdr->total_length) - rte_ipv4_hdr_len(ipv4_hdr));
	if (rte_raw_cksum_mbuf(m, l4_off, len, &raw_cksum))
		return 0;
	cksum = raw_cksum + rte_ipv4_phdr_cksum(ipv4_hdr, 0);
	cksum = ((cksum & 0xffff0000) >> 16) + (cksum & 0xffff);
	return (uint16_t)cksum;
}

/*
 * As rte_ipv4_udptcp_cksum, over a (possibly segmented) packet m whose L4
 * header starts l4_off bytes from the packet start; the L4 length comes from
 * the IPv4 header, as in later DPDK releases (22.11 sums to the end of the
 * packet, which differs only for a frame padded with non-zero bytes; the
 * fix is kept on purpose). When that range is not in
 * the packet the result is 0xffff. Cannot fail; rte_errno is not set.
 */
static inline uint16_t
rte_ipv4_udptcp_cksum_mbuf(const struct rte_mbuf *m, const struct rte_ipv4_hdr *ipv4_hdr,
			   uint16_t l4_off)
{
	uint16_t cksum = (uint16_t)~__rte_ipv4_udptcp_cksum_mbuf(m, ipv4_hdr, l4_off);

	if (cksum == 0 && ipv4_hdr->next_proto_id == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/*
 * As rte_ipv4_udptcp_cksum_verify over packet m, L4 at l4_off. Returns 0 when
 * the checksum is correct, -1 otherwise (also when the range is outside the
 * packet). rte_errno is not set.
 */
static inline int
rte_ipv4_udptcp_cksum_mbuf_verify(const struct rte_mbuf *m,
				  const struct rte_ipv4_hdr *ipv4_hdr, uint16_t l4_off)
{
	return __rte_ipv4_udptcp_cksum_mbuf(m, ipv4_hdr, l4_off) == 0xffff ? 0 : -1;
}

struct rte_ipv6_hdr {
	rte_be32_t vtc_flow;	/* version (4), traffic class (8), flow label (20) */
	rte_be16_t payload_len;	/* extension headers included */
	uint8_t proto;		/* next header */
	uint8_t hop_limits;
	uint8_t src_addr[16];
	uint8_t dst_addr[16];
} __rte_packed;

_Static_assert(sizeof(struct rte_ipv6_hdr) == 40, "IPv6 header is 40 bytes");

#define RTE_IPV6_HDR_FL_SHIFT 0
#define RTE_IPV6_HDR_TC_SHIFT 20
#define RTE_IPV6_HDR_FL_MASK ((1u << RTE_IPV6_HDR_TC_SHIFT) - 1)
#define RTE_IPV6_HDR_TC_MASK (0xff << RTE_IPV6_HDR_TC_SHIFT)
#define RTE_IPV6_HDR_DSCP_MASK (0xfc << RTE_IPV6_HDR_TC_SHIFT)
#define RTE_IPV6_HDR_ECN_MASK (0x03 << RTE_IPV6_HDR_TC_SHIFT)
#define RTE_IPV6_HDR_ECN_CE RTE_IPV6_HDR_ECN_MASK
#define RTE_IPV6_MIN_MTU 1280	/* RFC 8200 */

/*
 * The IPv6 pseudo-header sum (not inverted), for the L4 checksum field with
 * checksum offload; RTE_MBUF_F_TX_TCP_SEG in ol_flags leaves the length out.
 * Cannot fail; rte_errno is not set.
 */
static inline uint16_t
rte_ipv6_phdr_cksum(const struct rte_ipv6_hdr *ipv6_hdr, uint64_t ol_flags)
{
	uint32_t sum;
	struct {
		rte_be32_t len;
		rte_be32_t proto;	/* next header in the last byte */
	} psd_hdr;

	psd_hdr.proto = rte_cpu_to_be_32((uint32_t)ipv6_hdr->proto);
	if (ol_flags & RTE_MBUF_F_TX_TCP_SEG)
		psd_hdr.len = 0;
	else
		psd_hdr.len = rte_cpu_to_be_32((uint32_t)rte_be_to_cpu_16(ipv6_hdr->payload_len));
	sum = __rte_raw_cksum(ipv6_hdr->src_addr,
			      sizeof(ipv6_hdr->src_addr) + sizeof(ipv6_hdr->dst_addr), 0);
	sum = __rte_raw_cksum(&psd_hdr, sizeof(psd_hdr), sum);
	return __rte_raw_cksum_reduce(sum);
}

/* The non-inverted L4 sum behind rte_ipv6_udptcp_cksum. */
static inline uint16_t
__rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	uint32_t cksum;

	cksum = rte_raw_cksum(l4_hdr, rte_be_to_cpu_16(ipv6_hdr->payload_len));
	cksum += rte_ipv6_phdr_cksum(ipv6_hdr, 0);
	cksum = ((cksum & 0xffff0000) >> 16) + (cksum & 0xffff);
	return (uint16_t)cksum;
}

/*
 * The UDP/TCP checksum over the IPv6 pseudo-header and payload_len bytes at
 * l4_hdr (whose checksum field must be 0). Returns the checksum to store; a
 * UDP result of 0 becomes 0xffff. Cannot fail; rte_errno is not set.
 */
static inline uint16_t
rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	uint16_t cksum = (uint16_t)~__rte_ipv6_udptcp_cksum(ipv6_hdr, l4_hdr);

	if (cksum == 0 && ipv6_hdr->proto == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/*
 * Check the L4 checksum of an IPv6 UDP/TCP packet (field included). Returns 0
 * when it is correct, -1 otherwise. rte_errno is not set.
 */
static inline int
rte_ipv6_udptcp_cksum_verify(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	return __rte_ipv6_udptcp_cksum(ipv6_hdr, l4_hdr) == 0xffff ? 0 : -1;
}

/*
 * IPv6 fragment extension header (RFC 8200 section 4.5). frag_data holds, in
 * network order, the offset in 8-byte units in its upper 13 bits and the M
 * (more fragments) flag in bit 0; read as a host-order number the offset bits
 * are the byte offset itself, hence the masks below.
 */
#define RTE_IPV6_EHDR_MF_SHIFT 0
#define RTE_IPV6_EHDR_MF_MASK 1
#define RTE_IPV6_EHDR_FO_SHIFT 3
#define RTE_IPV6_EHDR_FO_MASK (~((1 << RTE_IPV6_EHDR_FO_SHIFT) - 1))
#define RTE_IPV6_EHDR_FO_ALIGN (1 << RTE_IPV6_EHDR_FO_SHIFT)

#define RTE_IPV6_FRAG_USED_MASK (RTE_IPV6_EHDR_MF_MASK | RTE_IPV6_EHDR_FO_MASK)

#define RTE_IPV6_GET_MF(x) ((x) & RTE_IPV6_EHDR_MF_MASK)
#define RTE_IPV6_GET_FO(x) ((x) >> RTE_IPV6_EHDR_FO_SHIFT)

#define RTE_IPV6_SET_FRAG_DATA(fo, mf) (((fo) & RTE_IPV6_EHDR_FO_MASK) | ((mf) & RTE_IPV6_EHDR_MF_MASK))

struct rte_ipv6_fragment_ext {
	uint8_t next_header;
	uint8_t reserved;
	rte_be16_t frag_data;	/* offset and M flag, see above */
	rte_be32_t id;		/* identification shared by all fragments */
} __rte_packed;

_Static_assert(sizeof(struct rte_ipv6_fragment_ext) == 8, "IPv6 fragment header is 8 bytes");

#define RTE_IPV6_FRAG_HDR_SIZE sizeof(struct rte_ipv6_fragment_ext)

/*
 * Parse the extension header at p whose type is proto (the next-header value
 * that pointed at it). Returns the type of the header after it and stores
 * this header's length in bytes in *ext_len; -EINVAL when proto is not an
 * extension header this knows (hop-by-hop, routing, destination options,
 * fragment, AH). The caller checks that *ext_len bytes are in the packet
 * before it steps over them.
 */
static inline int
rte_ipv6_get_next_ext(const uint8_t *p, int proto, size_t *ext_len)
{
	switch (proto) {
	case IPPROTO_AH:
		/* RFC 4302: length in 4-byte units, minus 2 */
		*ext_len = ((size_t)p[1] + 2) * 4;
		return p[0];
	case IPPROTO_HOPOPTS:
	case IPPROTO_ROUTING:
	case IPPROTO_DSTOPTS:
		/* RFC 8200: length in 8-byte units, not counting the first 8 */
		*ext_len = ((size_t)p[1] + 1) * 8;
		return p[0];
	case IPPROTO_FRAGMENT:
		*ext_len = RTE_IPV6_FRAG_HDR_SIZE;
		return p[0];
	default:
		return -EINVAL;
	}
}

#ifdef __cplusplus
}
#endif

#endif
