/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net ptype: rte_net_get_ptype() on hand-built frames (VLAN, QinQ, IPv4 with
 * options, IPv6 extension chains, fragments), truncated frames, the layers mask,
 * headers split across segments; rte_net_skip_ip6_ext() bounds.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>
#include <rte_net.h>

#include "test.h"

static struct rte_mempool *ptype_pool;

/* One-segment mbuf holding len bytes of frame; NULL if the pool is empty. */
static struct rte_mbuf *
ptype_mbuf(const uint8_t *frame, uint16_t len)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(ptype_pool);
	char *d;

	if (m == NULL)
		return NULL;
	d = rte_pktmbuf_append(m, len);
	if (d == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	memcpy(d, frame, len);
	return m;
}

/* The ptype of a one-segment frame of len bytes, with all layers; -ENOMEM without mbufs. */
static int
ptype_of(const uint8_t *frame, size_t len, struct rte_net_hdr_lens *lens, uint32_t *pt)
{
	struct rte_mbuf *m = ptype_mbuf(frame, (uint16_t)len);

	if (m == NULL)
		return -ENOMEM;
	*pt = rte_net_get_ptype(m, lens, RTE_PTYPE_ALL_MASK);
	rte_pktmbuf_free(m);
	return 0;
}

/* Writes an Ethernet header with ether type et (host order) at f; returns its length. */
static size_t
ptype_put_eth(uint8_t *f, uint16_t et)
{
	memset(f, 0, 12);
	f[0] = 0x02;
	f[6] = 0x02;
	f[12] = (uint8_t)(et >> 8);
	f[13] = (uint8_t)et;
	return 14;
}

/* Writes a tag (TPID already written before it) carrying next type et; returns 4. */
static size_t
ptype_put_tag(uint8_t *f, uint16_t et)
{
	f[0] = 0;
	f[1] = 100;
	f[2] = (uint8_t)(et >> 8);
	f[3] = (uint8_t)et;
	return 4;
}

/* IPv4 header of ihl 32-bit words, protocol proto, fragment field frag (host order). */
static size_t
ptype_put_ip4(uint8_t *f, uint8_t ihl, uint8_t proto, uint16_t frag)
{
	memset(f, 0, ihl * 4u);
	f[0] = (uint8_t)(0x40 | ihl);
	f[6] = (uint8_t)(frag >> 8);
	f[7] = (uint8_t)frag;
	f[8] = 64;
	f[9] = proto;
	return ihl * 4u;
}

static size_t
ptype_put_ip6(uint8_t *f, uint8_t next)
{
	memset(f, 0, 40);
	f[0] = 0x60;
	f[6] = next;
	f[7] = 64;
	return 40;
}

static int
test_net_ptype_ipv4(void)
{
	struct rte_net_hdr_lens lens;
	uint8_t f[128] = {0};
	struct rte_mbuf *m;
	size_t n;
	uint32_t pt;

	/* Ethernet / IPv4 / TCP with a 32-byte header (data offset 8). */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_IPV4);
	n += ptype_put_ip4(f + n, 5, IPPROTO_TCP, 0);
	f[n + 12] = 0x80;
	m = ptype_mbuf(f, (uint16_t)(n + 32));
	TEST_ASSERT_NOT_NULL(m, "mbuf");
	memset(&lens, 0xff, sizeof(lens));
	pt = rte_net_get_ptype(m, &lens, RTE_PTYPE_ALL_MASK);
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
			  "ptype %#x", pt);
	TEST_ASSERT(lens.l2_len == 14 && lens.l3_len == 20 && lens.l4_len == 32, "lens %u/%u/%u",
		    lens.l2_len, lens.l3_len, lens.l4_len);
	/* The layers mask stops the walk. */
	TEST_ASSERT_EQUAL(rte_net_get_ptype(m, NULL, RTE_PTYPE_L2_MASK), RTE_PTYPE_L2_ETHER,
			  "L2 only");
	TEST_ASSERT_EQUAL(rte_net_get_ptype(m, NULL, RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK),
			  RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4, "L2+L3");
	TEST_ASSERT_EQUAL(rte_net_get_ptype(m, NULL, 0), 0, "no layer");
	rte_pktmbuf_free(m);

	/* TCP header cut short: the L4 type is withdrawn, L2 and L3 stay. */
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 10, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4, "cut TCP %#x", pt);

	/* One VLAN tag / IPv4 with 4 bytes of options / UDP. */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_VLAN);
	n += ptype_put_tag(f + n, RTE_ETHER_TYPE_IPV4);
	n += ptype_put_ip4(f + n, 6, IPPROTO_UDP, 0);
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 8, &lens, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER_VLAN | RTE_PTYPE_L3_IPV4_EXT | RTE_PTYPE_L4_UDP,
			  "ptype %#x", pt);
	TEST_ASSERT(lens.l2_len == 18 && lens.l3_len == 24 && lens.l4_len == 8, "lens %u/%u/%u",
		    lens.l2_len, lens.l3_len, lens.l4_len);

	/* A non-first fragment (offset 185 units) and a first one (MF set). */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_IPV4);
	n += ptype_put_ip4(f + n, 5, IPPROTO_UDP, 185);
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 8, &lens, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_FRAG,
			  "frag %#x", pt);
	TEST_ASSERT_EQUAL(lens.l4_len, 0, "no L4 length in a fragment");
	ptype_put_ip4(f + 14, 5, IPPROTO_UDP, RTE_IPV4_HDR_MF_FLAG);
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 8, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt & RTE_PTYPE_L4_MASK, RTE_PTYPE_L4_FRAG, "MF");

	/* Header length below 20 bytes, or version 6 behind an IPv4 type: not IPv4. */
	ptype_put_ip4(f + 14, 5, IPPROTO_UDP, 0);
	f[14] = 0x44;
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 8, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER, "ihl 4");
	f[14] = 0x65;
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 8, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER, "version 6");
	return TEST_SUCCESS;
}

static int
test_net_ptype_ipv6(void)
{
	struct rte_net_hdr_lens lens;
	uint8_t f[160] = {0};
	size_t n;
	uint32_t pt;

	/* Plain IPv6 / SCTP. */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_IPV6);
	n += ptype_put_ip6(f + n, IPPROTO_SCTP);
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 12, &lens, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6 | RTE_PTYPE_L4_SCTP,
			  "ptype %#x", pt);
	TEST_ASSERT(lens.l3_len == 40 && lens.l4_len == 12, "lens %u/%u", lens.l3_len, lens.l4_len);

	/* QinQ / IPv6 / hop-by-hop (16 bytes) / fragment header / UDP. */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_QINQ);
	n += ptype_put_tag(f + n, RTE_ETHER_TYPE_VLAN);
	n += ptype_put_tag(f + n, RTE_ETHER_TYPE_IPV6);
	n += ptype_put_ip6(f + n, IPPROTO_HOPOPTS);
	memset(f + n, 0, 24);
	f[n] = IPPROTO_FRAGMENT;
	f[n + 1] = 1;
	f[n + 16] = IPPROTO_UDP;
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 24 + 8, &lens, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER_QINQ | RTE_PTYPE_L3_IPV6_EXT | RTE_PTYPE_L4_FRAG,
			  "ptype %#x", pt);
	TEST_ASSERT(lens.l2_len == 22 && lens.l3_len == 64 && lens.l4_len == 0, "lens %u/%u/%u",
		    lens.l2_len, lens.l3_len, lens.l4_len);

	/* ICMPv6 after a destination-options header. */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_IPV6);
	n += ptype_put_ip6(f + n, IPPROTO_DSTOPTS);
	memset(f + n, 0, 8);
	f[n] = IPPROTO_ICMPV6;
	TEST_ASSERT_SUCCESS(ptype_of(f, n + 8 + 8, &lens, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT | RTE_PTYPE_L4_ICMP,
			  "ptype %#x", pt);
	TEST_ASSERT_EQUAL(lens.l3_len, 48, "l3 %u", lens.l3_len);

	/* The extension header claims more bytes than the frame has: L3 only. */
	TEST_ASSERT_SUCCESS(ptype_of(f, 14 + 40 + 1, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT, "cut ext header");
	return TEST_SUCCESS;
}

static int
test_net_ptype_ip6_ext(void)
{
	uint8_t f[80] = {0};
	struct rte_mbuf *m;
	unsigned int i;
	uint32_t off;
	int frag;

	/* Six chained destination-options headers exceed the walk's bound. */
	for (i = 0; i < 6; i++)
		f[i * 8] = IPPROTO_DSTOPTS;
	f[78] = IPPROTO_UDP;
	m = ptype_mbuf(f, sizeof(f));
	TEST_ASSERT_NOT_NULL(m, "mbuf");
	off = 0;
	TEST_ASSERT_EQUAL(rte_net_skip_ip6_ext(IPPROTO_DSTOPTS, m, &off, &frag), -1, "chain");
	/* Five, then "no next header". */
	f[4 * 8] = IPPROTO_NONE;
	rte_pktmbuf_free(m);
	m = ptype_mbuf(f, sizeof(f));
	TEST_ASSERT_NOT_NULL(m, "mbuf");
	off = 0;
	TEST_ASSERT_EQUAL(rte_net_skip_ip6_ext(IPPROTO_DSTOPTS, m, &off, &frag), -1,
			  "NONE as the sixth is still past the bound");
	off = 8;
	TEST_ASSERT_EQUAL(rte_net_skip_ip6_ext(IPPROTO_DSTOPTS, m, &off, &frag), 0, "NONE");
	TEST_ASSERT(off == 40 && frag == 0, "off %u frag %d", off, frag);
	off = 0;
	TEST_ASSERT_EQUAL(rte_net_skip_ip6_ext(IPPROTO_TCP, m, &off, &frag), IPPROTO_TCP,
			  "not an extension");
	TEST_ASSERT_EQUAL(off, 0, "nothing skipped");
	off = 78;
	TEST_ASSERT_EQUAL(rte_net_skip_ip6_ext(IPPROTO_FRAGMENT, m, &off, &frag), IPPROTO_UDP,
			  "fragment header at the end");
	TEST_ASSERT(off == 86 && frag == 1, "off %u frag %d", off, frag);
	off = 79;
	TEST_ASSERT_EQUAL(rte_net_skip_ip6_ext(IPPROTO_ROUTING, m, &off, &frag), -1, "cut");
	rte_pktmbuf_free(m);
	return TEST_SUCCESS;
}

static int
test_net_ptype_segments(void)
{
	uint8_t f[128] = {0};
	struct rte_mbuf *m, *m2;
	size_t n;

	/* Ethernet + 6 bytes of IPv4 in the first segment, the rest in the second. */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_IPV4);
	n += ptype_put_ip4(f + n, 5, IPPROTO_TCP, 0);
	f[n + 12] = 0x50;
	m = ptype_mbuf(f, 20);
	m2 = ptype_mbuf(f + 20, (uint16_t)(n + 20 - 20));
	TEST_ASSERT(m != NULL && m2 != NULL, "mbufs");
	TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, m2), "chain");
	struct rte_net_hdr_lens lens;
	uint32_t pt = rte_net_get_ptype(m, &lens, RTE_PTYPE_ALL_MASK);

	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
			  "ptype %#x", pt);
	TEST_ASSERT_EQUAL(lens.l4_len, 20, "l4 %u", lens.l4_len);
	rte_pktmbuf_free(m);

	/* Shorter than an Ethernet header: nothing. */
	TEST_ASSERT_SUCCESS(ptype_of(f, 13, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, 0, "runt");
	/* A tag announced but cut: the L2 type alone. */
	n = ptype_put_eth(f, RTE_ETHER_TYPE_VLAN);
	TEST_ASSERT_SUCCESS(ptype_of(f, 16, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER_VLAN, "cut tag");
	/* Unknown ether type: plain Ethernet. */
	n = ptype_put_eth(f, 0x88b5);
	TEST_ASSERT_SUCCESS(ptype_of(f, 60, NULL, &pt), "mbuf");
	TEST_ASSERT_EQUAL(pt, RTE_PTYPE_L2_ETHER, "unknown type (%zu)", n);
	return TEST_SUCCESS;
}

/* Runs fn with a fresh pool, freed whatever fn returns. */
static int
net_ptype_with_pool(int (*fn)(void))
{
	int rc;

	ptype_pool = rte_pktmbuf_pool_create("net_ptype", 16, 0, 0, 512, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(ptype_pool, "pool");
	rc = fn();
	rte_mempool_free(ptype_pool);
	ptype_pool = NULL;
	return rc;
}

static int
test_net_ptype(void)
{
	int (*const fns[])(void) = {test_net_ptype_ipv4, test_net_ptype_ipv6,
				    test_net_ptype_ip6_ext, test_net_ptype_segments};
	unsigned int i;

	for (i = 0; i < RTE_DIM(fns); i++)
		if (net_ptype_with_pool(fns[i]) != TEST_SUCCESS)
			return TEST_FAILED;
	return TEST_SUCCESS;
}

static const struct test_case net_ptype_cases[] = {
	TEST_CASE(test_net_ptype),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(net_ptype, TEST_SUITE_EAL, net_ptype_cases);
