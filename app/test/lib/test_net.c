/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net: Ethernet address predicates and text forms, random addresses,
 * header layouts, and the Internet checksum against vectors computed
 * independently (RFC 1071 one's complement sums), over flat buffers and
 * over segmented mbufs; VLAN tag insert/strip.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_byteorder.h>
#include <rte_mbuf.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_udp.h>
#include <rte_tcp.h>
#include <rte_arp.h>
#include <rte_icmp.h>
#include <rte_net_crc.h>

#include "test.h"

static int
test_net_ether_addr(void)
{
	const struct rte_ether_addr uc = { { 0x00, 0x1b, 0x21, 0x0a, 0x0b, 0x0c } };
	const struct rte_ether_addr mc = { { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } };
	const struct rte_ether_addr bc = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	const struct rte_ether_addr la = { { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 } };
	const struct rte_ether_addr zero = { { 0 } };
	struct rte_ether_addr a, b;
	char buf[RTE_ETHER_ADDR_FMT_SIZE], small[8];

	TEST_ASSERT(rte_is_unicast_ether_addr(&uc) && !rte_is_multicast_ether_addr(&uc), "uc");
	TEST_ASSERT(rte_is_multicast_ether_addr(&mc) && !rte_is_broadcast_ether_addr(&mc), "mc");
	TEST_ASSERT(rte_is_broadcast_ether_addr(&bc) && rte_is_multicast_ether_addr(&bc), "bc");
	TEST_ASSERT(rte_is_local_admin_ether_addr(&la) && rte_is_universal_ether_addr(&uc), "la");
	TEST_ASSERT(rte_is_zero_ether_addr(&zero) && !rte_is_zero_ether_addr(&uc), "zero");
	TEST_ASSERT(rte_is_valid_assigned_ether_addr(&uc), "uc valid");
	TEST_ASSERT(!rte_is_valid_assigned_ether_addr(&zero) &&
		    !rte_is_valid_assigned_ether_addr(&mc), "zero/mc not assignable");
	rte_ether_addr_copy(&uc, &a);
	TEST_ASSERT(rte_is_same_ether_addr(&a, &uc) && !rte_is_same_ether_addr(&a, &la), "copy");

	rte_ether_format_addr(buf, sizeof(buf), &uc);
	TEST_ASSERT(strcmp(buf, "00:1B:21:0A:0B:0C") == 0, "format: %s", buf);
	rte_ether_format_addr(small, sizeof(small), &uc);
	TEST_ASSERT(strcmp(small, "00:1B:2") == 0, "truncated: %s", small);
	snprintf(buf, sizeof(buf), RTE_ETHER_ADDR_PRT_FMT, RTE_ETHER_ADDR_BYTES(&mc));
	TEST_ASSERT(strcmp(buf, "01:00:5E:00:00:01") == 0, "PRT_FMT: %s", buf);

	TEST_ASSERT_SUCCESS(rte_ether_unformat_addr("00:1b:21:0A:0b:0c", &b), "6 groups");
	TEST_ASSERT(rte_is_same_ether_addr(&b, &uc), "parsed");
	memset(&b, 0, sizeof(b));
	TEST_ASSERT_SUCCESS(rte_ether_unformat_addr("001b:210a:0b0c", &b), "3 groups");
	TEST_ASSERT(rte_is_same_ether_addr(&b, &uc), "parsed 3 groups");
	static const char *const bad[] = {
		"", "00:1b:21:0a:0b", "00:1b:21:0a:0b:0c:", "0:1b:21:0a:0b:0c", "00-1b-21-0a-0b-0c",
		" 00:1b:21:0a:0b:0c", "00:1b:21:0a:0b:0g", "001b.210a.0b0c",
	};
	for (unsigned int i = 0; i < RTE_DIM(bad); i++) {
		b = la;
		rte_errno = 0;
		TEST_ASSERT_EQUAL(rte_ether_unformat_addr(bad[i], &b), -1, "'%s' rejected", bad[i]);
		TEST_ASSERT_EQUAL(rte_errno, EINVAL, "'%s' errno", bad[i]);
		TEST_ASSERT(rte_is_same_ether_addr(&b, &la), "'%s' left the output alone", bad[i]);
	}

	rte_eth_random_addr(a.addr_bytes);
	rte_eth_random_addr(b.addr_bytes);
	TEST_ASSERT(rte_is_unicast_ether_addr(&a) && rte_is_local_admin_ether_addr(&a),
		    "random: unicast, locally administered");
	TEST_ASSERT(!rte_is_same_ether_addr(&a, &b), "two random addresses differ");
	return TEST_SUCCESS;
}

static int
test_net_layouts(void)
{
	TEST_ASSERT_EQUAL(sizeof(struct rte_ether_hdr), 14, "ether");
	TEST_ASSERT_EQUAL(offsetof(struct rte_ether_hdr, ether_type), 12, "ether_type");
	TEST_ASSERT_EQUAL(sizeof(struct rte_vlan_hdr), 4, "vlan");
	TEST_ASSERT_EQUAL(sizeof(struct rte_ipv4_hdr), 20, "ipv4");
	TEST_ASSERT_EQUAL(offsetof(struct rte_ipv4_hdr, hdr_checksum), 10, "ipv4 csum");
	TEST_ASSERT_EQUAL(offsetof(struct rte_ipv4_hdr, dst_addr), 16, "ipv4 dst");
	TEST_ASSERT_EQUAL(sizeof(struct rte_ipv6_hdr), 40, "ipv6");
	TEST_ASSERT_EQUAL(offsetof(struct rte_ipv6_hdr, dst_addr), 24, "ipv6 dst");
	TEST_ASSERT_EQUAL(sizeof(struct rte_udp_hdr), 8, "udp");
	TEST_ASSERT_EQUAL(sizeof(struct rte_tcp_hdr), 20, "tcp");
	TEST_ASSERT_EQUAL(offsetof(struct rte_tcp_hdr, cksum), 16, "tcp csum");
	TEST_ASSERT_EQUAL(sizeof(struct rte_arp_hdr), 28, "arp");
	TEST_ASSERT_EQUAL(offsetof(struct rte_arp_hdr, arp_data.arp_tip), 24, "arp tip");
	TEST_ASSERT_EQUAL(sizeof(struct rte_icmp_hdr), 8, "icmp");
	TEST_ASSERT_EQUAL(RTE_IPV4(192, 168, 0, 1), 0xc0a80001, "RTE_IPV4");
	TEST_ASSERT_EQUAL(RTE_ETHER_MTU, 1500, "mtu");
	return TEST_SUCCESS;
}

/* The IPv4 header example of RFC 1071 style tutorials: checksum 0xb861. */
static const uint8_t ipv4_vec[20] = {
	0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
	0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
};

/* 10.0.0.1:1234 -> 10.0.0.2:5678, UDP payload "hello sluice!" (odd length). */
struct udp_pkt {
	struct rte_ipv4_hdr ip;
	struct rte_udp_hdr udp;
	char payload[13];
} __rte_packed;

static void
udp_pkt_build(struct udp_pkt *p)
{
	memset(p, 0, sizeof(*p));
	p->ip.version_ihl = RTE_IPV4_VHL_DEF;
	p->ip.total_length = rte_cpu_to_be_16(sizeof(*p));
	p->ip.packet_id = rte_cpu_to_be_16(1);
	p->ip.time_to_live = 64;
	p->ip.next_proto_id = IPPROTO_UDP;
	p->ip.src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
	p->ip.dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
	p->udp.src_port = rte_cpu_to_be_16(1234);
	p->udp.dst_port = rte_cpu_to_be_16(5678);
	p->udp.dgram_len = rte_cpu_to_be_16(sizeof(p->udp) + sizeof(p->payload));
	memcpy(p->payload, "hello sluice!", sizeof(p->payload));
}

static int
test_net_cksum(void)
{
	struct rte_ipv4_hdr ip;
	struct udp_pkt p;
	static const uint8_t odd[3] = { 0x01, 0x02, 0x03 };
	struct {
		struct rte_ipv6_hdr ip6;
		struct rte_tcp_hdr tcp;
		char data[3];
	} __rte_packed t6;

	memcpy(&ip, ipv4_vec, sizeof(ip));
	TEST_ASSERT_EQUAL(rte_ipv4_hdr_len(&ip), 20, "ihl");
	TEST_ASSERT_EQUAL(rte_ipv4_cksum(&ip), rte_cpu_to_be_16(0xb861), "ipv4 header vector");
	ip.hdr_checksum = rte_ipv4_cksum(&ip);
	TEST_ASSERT_EQUAL(rte_raw_cksum(&ip, sizeof(ip)), 0xffff, "a correct header sums to ~0");
	/* Odd length: the last byte is padded with a zero byte in memory order. */
	TEST_ASSERT_EQUAL(rte_raw_cksum(odd, 3), rte_cpu_to_be_16(0x0402), "odd length");

	udp_pkt_build(&p);
	TEST_ASSERT_EQUAL(rte_ipv4_cksum(&p.ip), rte_cpu_to_be_16(0x66c1), "ip vector 2");
	p.ip.hdr_checksum = rte_ipv4_cksum(&p.ip);
	TEST_ASSERT_EQUAL(rte_ipv4_udptcp_cksum(&p.ip, &p.udp), rte_cpu_to_be_16(0x1f94),
			  "udp vector");
	p.udp.dgram_cksum = rte_ipv4_udptcp_cksum(&p.ip, &p.udp);
	TEST_ASSERT_SUCCESS(rte_ipv4_udptcp_cksum_verify(&p.ip, &p.udp), "verifies");
	p.payload[0] ^= 1;
	TEST_ASSERT_EQUAL(rte_ipv4_udptcp_cksum_verify(&p.ip, &p.udp), -1, "corruption caught");
	p.payload[0] ^= 1;
	/* Offload: the pseudo-header sum alone, TSO leaves the length out. */
	TEST_ASSERT(rte_ipv4_phdr_cksum(&p.ip, 0) != rte_ipv4_phdr_cksum(&p.ip,
		    RTE_MBUF_F_TX_TCP_SEG), "tso phdr differs");

	memset(&t6, 0, sizeof(t6));
	t6.ip6.vtc_flow = rte_cpu_to_be_32(6U << 28);
	t6.ip6.payload_len = rte_cpu_to_be_16(sizeof(t6.tcp) + sizeof(t6.data));
	t6.ip6.proto = IPPROTO_TCP;
	t6.ip6.hop_limits = 64;
	t6.ip6.src_addr[15] = 1;
	t6.ip6.dst_addr[15] = 2;
	t6.tcp.src_port = rte_cpu_to_be_16(80);
	t6.tcp.dst_port = rte_cpu_to_be_16(443);
	t6.tcp.sent_seq = rte_cpu_to_be_32(1);
	t6.tcp.data_off = 0x50;
	t6.tcp.tcp_flags = RTE_TCP_PSH_FLAG | RTE_TCP_ACK_FLAG;
	t6.tcp.rx_win = rte_cpu_to_be_16(1000);
	memcpy(t6.data, "abc", 3);
	TEST_ASSERT_EQUAL(rte_ipv6_udptcp_cksum(&t6.ip6, &t6.tcp), rte_cpu_to_be_16(0xe570),
			  "tcp over ipv6 vector");
	t6.tcp.cksum = rte_ipv6_udptcp_cksum(&t6.ip6, &t6.tcp);
	TEST_ASSERT_SUCCESS(rte_ipv6_udptcp_cksum_verify(&t6.ip6, &t6.tcp), "ipv6 verifies");
	return TEST_SUCCESS;
}

static int
test_net_cksum_mbuf(void)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create("net_pool", 8, 0, 0, 512, SOCKET_ID_ANY);
	struct rte_mbuf *m, *m2;
	struct udp_pkt p;
	uint16_t flat, seg;
	char *d;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	udp_pkt_build(&p);
	p.ip.hdr_checksum = rte_ipv4_cksum(&p.ip);
	/* Split the datagram at an odd offset so the byte swap of the second part matters. */
	m = rte_pktmbuf_alloc(mp);
	m2 = rte_pktmbuf_alloc(mp);
	TEST_ASSERT(m != NULL && m2 != NULL, "alloc");
	d = rte_pktmbuf_append(m, 20 + 8 + 5);
	memcpy(d, &p, 20 + 8 + 5);
	d = rte_pktmbuf_append(m2, 8);
	memcpy(d, (char *)&p + 33, 8);
	TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, m2), "chain");
	TEST_ASSERT_EQUAL(rte_ipv4_udptcp_cksum_mbuf(m, &p.ip, 20), rte_cpu_to_be_16(0x1f94),
			  "udp vector over two segments");
	TEST_ASSERT_SUCCESS(rte_raw_cksum_mbuf(m, 20, 21, &seg), "raw over segments");
	flat = rte_raw_cksum(&p.udp, 21);
	TEST_ASSERT_EQUAL(seg, flat, "segmented sum equals the flat sum");
	TEST_ASSERT_EQUAL(rte_raw_cksum_mbuf(m, 20, 22, &seg), -1, "past the end");
	rte_pktmbuf_free(m);

	/* VLAN insert then strip round trip. */
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	d = rte_pktmbuf_append(m, 60);
	memset(d, 0xee, 60);
	((struct rte_ether_hdr *)d)->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	m->vlan_tci = RTE_VLAN_TCI_MAKE(100, 5, 0);
	TEST_ASSERT_SUCCESS(rte_vlan_insert(&m), "insert");
	TEST_ASSERT_EQUAL(m->pkt_len, 64, "4 bytes more");
	TEST_ASSERT_EQUAL(rte_pktmbuf_mtod(m, struct rte_ether_hdr *)->ether_type,
			  rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN), "tagged");
	TEST_ASSERT_EQUAL(rte_pktmbuf_mtod_offset(m, struct rte_vlan_hdr *, 14)->vlan_tci,
			  rte_cpu_to_be_16(0xa064), "tci on the wire");
	m->vlan_tci = 0;
	TEST_ASSERT_SUCCESS(rte_vlan_strip(m), "strip");
	TEST_ASSERT(m->vlan_tci == 0xa064 && (m->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED), "tci");
	TEST_ASSERT_EQUAL(RTE_VLAN_TCI_ID(m->vlan_tci), 100, "vlan id");
	TEST_ASSERT_EQUAL(RTE_VLAN_TCI_PRI(m->vlan_tci), 5, "priority");
	TEST_ASSERT_EQUAL(m->pkt_len, 60, "back to 60");
	TEST_ASSERT_EQUAL(rte_pktmbuf_mtod(m, struct rte_ether_hdr *)->ether_type,
			  rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4), "inner type restored");
	TEST_ASSERT_EQUAL(rte_vlan_strip(m), -1, "untagged");
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

/* The catalogue check values ("123456789") of CRC-32 and CRC-16/X-25, any algorithm. */
static int
test_net_crc(void)
{
	static const char check[] = "123456789";
	static const enum rte_net_crc_alg algs[] = { RTE_NET_CRC_SCALAR, RTE_NET_CRC_SSE42,
						     RTE_NET_CRC_AVX512 };

	for (unsigned int i = 0; i < RTE_DIM(algs); i++) {
		rte_net_crc_set_alg(algs[i]);
		TEST_ASSERT_EQUAL(rte_net_crc_calc(check, 9, RTE_NET_CRC32_ETH), 0xcbf43926u,
				  "CRC-32 of the check string");
		TEST_ASSERT_EQUAL(rte_net_crc_calc(check, 9, RTE_NET_CRC16_CCITT), 0x906eu,
				  "CCITT CRC of the check string");
	}
	TEST_ASSERT_EQUAL(rte_net_crc_calc(check, 0, RTE_NET_CRC32_ETH), 0, "empty data");
	TEST_ASSERT_EQUAL(rte_net_crc_calc(NULL, 4, RTE_NET_CRC32_ETH), 0, "NULL data");
	TEST_ASSERT_EQUAL(rte_net_crc_calc(check, 9, RTE_NET_CRC_REQS), 0, "unknown type");
	return TEST_SUCCESS;
}

static const struct test_case net_cases[] = {
	TEST_CASE(test_net_ether_addr),
	TEST_CASE(test_net_layouts),
	TEST_CASE(test_net_cksum),
	TEST_CASE(test_net_cksum_mbuf),
	TEST_CASE(test_net_crc),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(net, TEST_SUITE_EAL, net_cases);
