/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ip_frag: fragmentation of 9000-byte IPv4 and IPv6 packets (every header
 * field and payload byte of every fragment), reassembly in order, reversed
 * and shuffled back to the original bytes, flow expiry and a full table,
 * and hostile fragments (overlaps, offsets past 64 KiB, too many
 * fragments, data after the last one, empty, truncated, padded, random)
 * that must end on the death row without a leak: each case checks that
 * the pools are full again.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_ip.h>
#include <rte_ip_frag.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_random.h>

#include "test.h"

#define POOL_SIZE 1023
#define SEG_ROOM 2048
#define BIG_LEN 9000
#define MAX_OUT 64

static struct rte_mempool *direct_pool;
static struct rte_mempool *indirect_pool;
static uint8_t orig[BIG_LEN];

static int
pools_make(void)
{
	if (direct_pool == NULL)
		direct_pool =
			rte_pktmbuf_pool_create("ipfrag_direct", POOL_SIZE, 0, 0,
						SEG_ROOM + RTE_PKTMBUF_HEADROOM, SOCKET_ID_ANY);
	if (indirect_pool == NULL)
		indirect_pool = rte_pktmbuf_pool_create("ipfrag_indirect", POOL_SIZE, 0, 0, 0,
							SOCKET_ID_ANY);
	return direct_pool != NULL && indirect_pool != NULL ? 0 : -1;
}

static int
pools_full(void)
{
	return rte_mempool_avail_count(direct_pool) == POOL_SIZE &&
	       rte_mempool_avail_count(indirect_pool) == POOL_SIZE;
}

#define ASSERT_POOLS_FULL()                                                                       \
	TEST_ASSERT(pools_full(), "mbufs leaked: %u direct, %u indirect free of %u",              \
		    rte_mempool_avail_count(direct_pool), rte_mempool_avail_count(indirect_pool), \
		    POOL_SIZE)

/* A packet holding bytes in segments of at most seg bytes; NULL if the pool ran dry. */
static struct rte_mbuf *
pkt_from_bytes(const uint8_t *bytes, uint32_t len, uint32_t seg)
{
	struct rte_mbuf *head = NULL, *m;
	uint32_t done = 0, n;

	while (done < len || head == NULL) {
		m = rte_pktmbuf_alloc(direct_pool);
		if (m == NULL)
			goto out_free;
		n = RTE_MIN(seg, len - done);
		memcpy(rte_pktmbuf_append(m, (uint16_t)n), bytes + done, n);
		done += n;
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			goto out_free;
	}
	return head;
out_free:
	rte_pktmbuf_free(head);
	return NULL;
}

/* The original: IPv4 (or IPv6) header, then a payload no two offsets of which look alike. */
static void
orig_fill(int v6, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		orig[i] = (uint8_t)(i * 7 + (i >> 8));
	if (!v6) {
		struct rte_ipv4_hdr *h = (struct rte_ipv4_hdr *)orig;

		memset(h, 0, sizeof(*h));
		h->version_ihl = RTE_IPV4_VHL_DEF;
		h->total_length = rte_cpu_to_be_16((uint16_t)len);
		h->packet_id = rte_cpu_to_be_16(0x1234);
		h->time_to_live = 64;
		h->next_proto_id = IPPROTO_UDP;
		h->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
		h->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
	} else {
		struct rte_ipv6_hdr *h = (struct rte_ipv6_hdr *)orig;

		memset(h, 0, sizeof(*h));
		h->vtc_flow = rte_cpu_to_be_32(6u << 28);
		h->payload_len = rte_cpu_to_be_16((uint16_t)(len - sizeof(*h)));
		h->proto = IPPROTO_UDP;
		h->hop_limits = 64;
		h->src_addr[0] = 0xfd;
		h->src_addr[15] = 1;
		h->dst_addr[0] = 0xfd;
		h->dst_addr[15] = 2;
	}
}

/* 0 when the packet's bytes are exactly want[0..len). */
static int
pkt_equals(const struct rte_mbuf *m, const uint8_t *want, uint32_t len)
{
	static uint8_t flat[70000];
	const void *p;

	if (m->pkt_len != len)
		return -1;
	p = rte_pktmbuf_read(m, 0, len, flat);
	return p != NULL && memcmp(p, want, len) == 0 ? 0 : -1;
}

static void
pkts_free(struct rte_mbuf **m, int n)
{
	int i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(m[i]);
}

/* Check every IPv4 fragment against the original of len bytes. */
static int
check_v4_frags(struct rte_mbuf **f, int n, uint32_t len, uint16_t mtu)
{
	uint32_t ofs = 0, flen;
	int i;

	for (i = 0; i < n; i++) {
		struct rte_ipv4_hdr *h = rte_pktmbuf_mtod(f[i], struct rte_ipv4_hdr *);
		uint16_t fo = rte_be_to_cpu_16(h->fragment_offset);
		int last = i == n - 1;

		flen = rte_be_to_cpu_16(h->total_length) - 20;
		TEST_ASSERT(f[i]->pkt_len == flen + 20 && f[i]->pkt_len <= mtu,
			    "fragment %d: pkt_len %u, total_length %u, mtu %u", i, f[i]->pkt_len,
			    flen + 20, mtu);
		TEST_ASSERT_EQUAL((fo & RTE_IPV4_HDR_OFFSET_MASK) * 8u, ofs, "fragment %d offset",
				  i);
		TEST_ASSERT_EQUAL(!!(fo & RTE_IPV4_HDR_MF_FLAG), !last, "fragment %d MF", i);
		TEST_ASSERT(last || flen % 8 == 0, "fragment %d length %u not a multiple of 8", i,
			    flen);
		TEST_ASSERT_EQUAL(h->hdr_checksum, 0, "checksum left for the caller, as DPDK");
		h->hdr_checksum = rte_ipv4_cksum(h);
		TEST_ASSERT_EQUAL(rte_raw_cksum(h, 20), 0xffff, "fragment %d header checksum", i);
		h->hdr_checksum = 0;
		TEST_ASSERT(h->packet_id == rte_cpu_to_be_16(0x1234) &&
				    h->src_addr == ((struct rte_ipv4_hdr *)orig)->src_addr,
			    "fragment %d header fields not copied", i);
		TEST_ASSERT(f[i]->nb_segs == 1 || (f[i]->next->ol_flags & RTE_MBUF_F_INDIRECT),
			    "fragment %d payload is not attached", i);
		{
			static uint8_t flat[SEG_ROOM];
			const uint8_t *p = rte_pktmbuf_read(f[i], 20, flen, flat);

			TEST_ASSERT(p != NULL && memcmp(p, orig + 20 + ofs, flen) == 0,
				    "fragment %d payload bytes differ", i);
		}
		ofs += flen;
	}
	TEST_ASSERT_EQUAL(ofs, len - 20, "fragments carry %u of %u payload bytes", ofs, len - 20);
	return TEST_SUCCESS;
}

static int
test_ip_frag_v4_fragment(void)
{
	static const uint16_t mtus[] = {1500, 576};
	static const int want[] = {7, 17}; /* ceil(8980 / 1480), ceil(8980 / 552) */
	struct rte_mbuf *out[MAX_OUT], *in;
	unsigned int k;
	int n;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	orig_fill(0, BIG_LEN);
	for (k = 0; k < RTE_DIM(mtus); k++) {
		in = pkt_from_bytes(orig, BIG_LEN, 1000);
		TEST_ASSERT_NOT_NULL(in, "input packet");
		n = rte_ipv4_fragment_packet(in, out, MAX_OUT, mtus[k], direct_pool, indirect_pool);
		TEST_ASSERT_EQUAL(n, want[k], "MTU %u: %d fragments", mtus[k], n);
		if (check_v4_frags(out, n, BIG_LEN, mtus[k]) != TEST_SUCCESS)
			return TEST_FAILED;
		pkts_free(out, n);
		/* and by copy, from a one-segment packet */
		rte_pktmbuf_free(in);
		in = pkt_from_bytes(orig, 1900, SEG_ROOM);
		TEST_ASSERT_NOT_NULL(in, "input packet");
		((struct rte_ipv4_hdr *)rte_pktmbuf_mtod(in, void *))->total_length =
			rte_cpu_to_be_16(1900);
		((struct rte_ipv4_hdr *)orig)->total_length = rte_cpu_to_be_16(1900);
		n = rte_ipv4_fragment_copy_nonseg_packet(in, out, MAX_OUT, mtus[k], direct_pool);
		TEST_ASSERT_EQUAL(n, k == 0 ? 2 : 4, "copy, MTU %u: %d fragments", mtus[k], n);
		if (check_v4_frags(out, n, 1900, mtus[k]) != TEST_SUCCESS)
			return TEST_FAILED;
		TEST_ASSERT(!(out[0]->ol_flags & RTE_MBUF_F_INDIRECT) && out[0]->nb_segs == 1,
			    "copy gives one direct mbuf a fragment");
		pkts_free(out, n);
		rte_pktmbuf_free(in);
		orig_fill(0, BIG_LEN);
		ASSERT_POOLS_FULL();
	}
	return TEST_SUCCESS;
}

static int
test_ip_frag_v6_fragment(void)
{
	static const uint16_t mtus[] = {1500, 1280};
	static const int want[] = {7, 8}; /* ceil(8960 / 1448), ceil(8960 / 1232) */
	struct rte_mbuf *out[MAX_OUT], *in;
	uint32_t ofs, flen;
	unsigned int k;
	int n, i;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	orig_fill(1, BIG_LEN);
	in = pkt_from_bytes(orig, BIG_LEN, 1000);
	TEST_ASSERT_NOT_NULL(in, "input packet");
	TEST_ASSERT_EQUAL(
		rte_ipv6_fragment_packet(in, out, MAX_OUT, 576, direct_pool, indirect_pool),
		-EINVAL, "IPv6 MTU below 1280 is refused");
	for (k = 0; k < RTE_DIM(mtus); k++) {
		n = rte_ipv6_fragment_packet(in, out, MAX_OUT, mtus[k], direct_pool, indirect_pool);
		TEST_ASSERT_EQUAL(n, want[k], "MTU %u: %d fragments", mtus[k], n);
		ofs = 0;
		for (i = 0; i < n; i++) {
			struct rte_ipv6_hdr *h = rte_pktmbuf_mtod(out[i], struct rte_ipv6_hdr *);
			struct rte_ipv6_fragment_ext *fh =
				rte_ipv6_frag_get_ipv6_fragment_header(h);
			uint16_t fd;
			uint8_t flat[SEG_ROOM];
			const uint8_t *p;

			TEST_ASSERT_NOT_NULL(fh, "fragment %d has no fragment header", i);
			fd = rte_be_to_cpu_16(fh->frag_data);
			flen = rte_be_to_cpu_16(h->payload_len) - 8;
			TEST_ASSERT(out[i]->pkt_len == 48 + flen && out[i]->pkt_len <= mtus[k],
				    "fragment %d length %u", i, out[i]->pkt_len);
			TEST_ASSERT_EQUAL(fd & RTE_IPV6_EHDR_FO_MASK, ofs, "fragment %d offset", i);
			TEST_ASSERT_EQUAL(RTE_IPV6_GET_MF(fd), i != n - 1, "fragment %d M flag", i);
			TEST_ASSERT_EQUAL(fh->next_header, IPPROTO_UDP, "next header");
			TEST_ASSERT(i == n - 1 || flen % 8 == 0, "fragment %d length %u", i, flen);
			TEST_ASSERT(memcmp(h->src_addr, orig + 8, 32) == 0, "addresses copied");
			p = rte_pktmbuf_read(out[i], 48, flen, flat);
			TEST_ASSERT(p != NULL && memcmp(p, orig + 40 + ofs, flen) == 0,
				    "fragment %d payload bytes differ", i);
			ofs += flen;
		}
		TEST_ASSERT_EQUAL(ofs, BIG_LEN - 40u, "payload bytes carried");
		pkts_free(out, n);
	}
	rte_pktmbuf_free(in);
	ASSERT_POOLS_FULL();
	return TEST_SUCCESS;
}

static int
test_ip_frag_fragment_errors(void)
{
	struct rte_mbuf *out[MAX_OUT], *in;
	struct rte_mempool *tiny;
	struct rte_ipv4_hdr *h;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	orig_fill(0, BIG_LEN);
	in = pkt_from_bytes(orig, BIG_LEN, 1000);
	TEST_ASSERT_NOT_NULL(in, "input packet");
	TEST_ASSERT_EQUAL(
		rte_ipv4_fragment_packet(in, out, MAX_OUT, 60, direct_pool, indirect_pool), -EINVAL,
		"MTU below 68");
	TEST_ASSERT_EQUAL(rte_ipv4_fragment_packet(in, out, 6, 1500, direct_pool, indirect_pool),
			  -EINVAL, "room for 6 of 7 fragments");
	TEST_ASSERT_EQUAL(rte_ipv4_fragment_packet(NULL, out, 6, 1500, direct_pool, indirect_pool),
			  -EINVAL, "NULL packet");
	TEST_ASSERT_EQUAL(rte_ipv4_fragment_packet(in, out, MAX_OUT, 1500, direct_pool, NULL),
			  -EINVAL, "NULL indirect pool");
	TEST_ASSERT_EQUAL(rte_ipv4_fragment_copy_nonseg_packet(in, out, MAX_OUT, 9000, direct_pool),
			  -EINVAL, "copy fragment larger than a pool mbuf");
	TEST_ASSERT(rte_mempool_avail_count(direct_pool) == POOL_SIZE - (unsigned int)in->nb_segs &&
			    rte_mempool_avail_count(indirect_pool) == POOL_SIZE,
		    "failed calls left mbufs allocated");
	/* an indirect pool of 4 runs dry at the third fragment: nothing stays allocated */
	tiny = rte_pktmbuf_pool_create("ipfrag_tiny", 4, 0, 0, 0, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(tiny, "tiny pool");
	TEST_ASSERT_EQUAL(rte_ipv4_fragment_packet(in, out, MAX_OUT, 1500, direct_pool, tiny),
			  -ENOMEM, "indirect pool dry");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(tiny), 4u, "tiny pool full again");
	rte_mempool_free(tiny);
	h = rte_pktmbuf_mtod(in, struct rte_ipv4_hdr *);
	h->fragment_offset = rte_cpu_to_be_16(RTE_IPV4_HDR_DF_FLAG);
	TEST_ASSERT_EQUAL(
		rte_ipv4_fragment_packet(in, out, MAX_OUT, 1500, direct_pool, indirect_pool),
		-ENOTSUP, "DF set");
	h->fragment_offset = 0;
	h->version_ihl = 0x44; /* IHL 16 bytes: shorter than a header */
	TEST_ASSERT_EQUAL(
		rte_ipv4_fragment_packet(in, out, MAX_OUT, 1500, direct_pool, indirect_pool),
		-EINVAL, "IHL below 5");
	rte_pktmbuf_free(in);
	ASSERT_POOLS_FULL();
	return TEST_SUCCESS;
}

/* Feed the fragments in order[]; the last must give the original back. */
static int
reassemble_check(int v6, struct rte_ip_frag_tbl *tbl, struct rte_mbuf **f, int n, const int *order)
{
	struct rte_ip_frag_death_row dr = {.cnt = 0};
	struct rte_mbuf *r = NULL;
	int i;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = f[order[i]];
		void *ip = rte_pktmbuf_mtod(m, void *);

		m->l2_len = 0;
		if (v6) {
			m->l3_len = 48;
			r = rte_ipv6_frag_reassemble_packet(
				tbl, &dr, m, 1000 + i, ip,
				rte_ipv6_frag_get_ipv6_fragment_header(ip));
		} else {
			m->l3_len = 20;
			r = rte_ipv4_frag_reassemble_packet(tbl, &dr, m, 1000 + i, ip);
		}
		TEST_ASSERT_EQUAL(dr.cnt, 0u, "fragment %d went to the death row", order[i]);
		TEST_ASSERT(i == n - 1 || r == NULL, "datagram done after %d of %d", i + 1, n);
	}
	TEST_ASSERT_NOT_NULL(r, "no datagram after the last fragment");
	TEST_ASSERT_SUCCESS(pkt_equals(r, orig, BIG_LEN), "reassembled bytes differ");
	TEST_ASSERT_EQUAL(r->l3_len, v6 ? 40 : 20, "l3_len of the datagram");
	rte_pktmbuf_free(r);
	return TEST_SUCCESS;
}

static int
test_ip_frag_reassemble_orders(void)
{
	struct rte_mbuf *f[MAX_OUT], *in;
	struct rte_ip_frag_tbl *tbl;
	int order[MAX_OUT], n, v6, o, i, j, t;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	tbl = rte_ip_frag_table_create(16, 4, 64, UINT64_MAX / 2, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(tbl, "table");
	for (v6 = 0; v6 < 2; v6++) {
		for (o = 0; o < 3; o++) {
			orig_fill(v6, BIG_LEN);
			in = pkt_from_bytes(orig, BIG_LEN, 1000);
			TEST_ASSERT_NOT_NULL(in, "input packet");
			n = v6 ? rte_ipv6_fragment_packet(in, f, MAX_OUT, 1500, direct_pool,
							  indirect_pool)
			       : rte_ipv4_fragment_packet(in, f, MAX_OUT, 1500, direct_pool,
							  indirect_pool);
			TEST_ASSERT_EQUAL(n, 7, "fragments");
			for (i = 0; i < n; i++)
				order[i] = o == 1 ? n - 1 - i : i;
			if (o == 2) {
				for (i = n - 1; i > 0; i--) {
					j = (int)(rte_rand() % (uint64_t)(i + 1));
					t = order[i];
					order[i] = order[j];
					order[j] = t;
				}
			}
			if (reassemble_check(v6, tbl, f, n, order) != TEST_SUCCESS) {
				printf("  %s, order %d\n", v6 ? "IPv6" : "IPv4", o);
				return TEST_FAILED;
			}
			rte_pktmbuf_free(in);
			ASSERT_POOLS_FULL();
		}
	}
	rte_ip_frag_table_destroy(tbl);
	return TEST_SUCCESS;
}

/* A one-segment IPv4 fragment: payload len bytes at byte offset ofs of datagram id. */
static struct rte_mbuf *
v4_frag(uint16_t id, uint32_t ofs, uint32_t len, int mf)
{
	uint8_t b[SEG_ROOM];
	struct rte_ipv4_hdr *h = (struct rte_ipv4_hdr *)b;
	struct rte_mbuf *m;
	uint32_t i;

	memset(h, 0, sizeof(*h));
	h->version_ihl = RTE_IPV4_VHL_DEF;
	h->total_length = rte_cpu_to_be_16((uint16_t)(20 + len));
	h->packet_id = rte_cpu_to_be_16(id);
	h->fragment_offset = rte_cpu_to_be_16((uint16_t)(((ofs / 8) & RTE_IPV4_HDR_OFFSET_MASK) |
							 (mf ? RTE_IPV4_HDR_MF_FLAG : 0)));
	h->next_proto_id = IPPROTO_UDP;
	h->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
	h->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
	for (i = 0; i < len && 20 + i < sizeof(b); i++)
		b[20 + i] = (uint8_t)(ofs + i);
	m = pkt_from_bytes(b, 20 + RTE_MIN(len, (uint32_t)sizeof(b) - 20), SEG_ROOM);
	if (m != NULL) {
		m->l2_len = 0;
		m->l3_len = 20;
	}
	return m;
}

static struct rte_mbuf *
v4_feed(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr, struct rte_mbuf *m,
	uint64_t tms)
{
	if (m == NULL)
		return NULL;
	return rte_ipv4_frag_reassemble_packet(tbl, dr, m, tms,
					       rte_pktmbuf_mtod(m, struct rte_ipv4_hdr *));
}

/* Flows in use, as rte_ip_frag_table_statistics_dump reports them. */
static int
tbl_in_use(const struct rte_ip_frag_tbl *tbl)
{
	char buf[2048];
	const char *p;
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	if (f == NULL)
		return -1;
	rte_ip_frag_table_statistics_dump(f, tbl);
	fclose(f);
	buf[sizeof(buf) - 1] = '\0';
	p = strstr(buf, "entries in use:\t");
	return p != NULL ? atoi(p + strlen("entries in use:\t")) : -1;
}

/* Feed the fragments; the last one must drop the flow: expect drops mbufs on dr. */
#define EXPECT_FLOW_DROPPED(tbl, dr, drops, ...)                                          \
	do {                                                                              \
		struct rte_mbuf *ms_[] = {__VA_ARGS__};                                   \
		unsigned int k_;                                                          \
		for (k_ = 0; k_ < RTE_DIM(ms_); k_++)                                     \
			TEST_ASSERT_NULL(v4_feed(tbl, &(dr), ms_[k_], 10),                \
					 "no datagram expected");                         \
		TEST_ASSERT_EQUAL((dr).cnt, (uint32_t)(drops), "mbufs on the death row"); \
		TEST_ASSERT_EQUAL(tbl_in_use(tbl), 0, "flow still in the table");         \
		rte_ip_frag_free_death_row(&(dr), 4);                                     \
		ASSERT_POOLS_FULL();                                                      \
	} while (0)

static int
test_ip_frag_hostile(void)
{
	struct rte_ip_frag_death_row dr = {.cnt = 0};
	struct rte_ip_frag_tbl *tbl;
	struct rte_mbuf *m, *r;
	int i;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	tbl = rte_ip_frag_table_create(16, 4, 64, 1000, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(tbl, "table");

	/* overlap, exact duplicate, duplicate first */
	EXPECT_FLOW_DROPPED(tbl, dr, 2, v4_frag(1, 0, 16, 1), v4_frag(1, 8, 16, 1));
	EXPECT_FLOW_DROPPED(tbl, dr, 2, v4_frag(1, 16, 16, 1), v4_frag(1, 16, 16, 1));
	EXPECT_FLOW_DROPPED(tbl, dr, 3, v4_frag(1, 0, 8, 1), v4_frag(1, 16, 8, 0),
			    v4_frag(1, 0, 16, 1));
	/* offset past 64 KiB: 65528 + 16 bytes, and a datagram over 65535 bytes */
	EXPECT_FLOW_DROPPED(tbl, dr, 2, v4_frag(2, 0, 8, 1), v4_frag(2, 65528, 16, 0));
	EXPECT_FLOW_DROPPED(tbl, dr, 1, v4_frag(2, 65000, 600, 0));
	/* one fragment more than RTE_LIBRTE_IP_FRAG_MAX_FRAG */
	{
		struct rte_mbuf *ms[RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1];

		for (i = 0; i <= RTE_LIBRTE_IP_FRAG_MAX_FRAG; i++) {
			ms[i] = v4_frag(3, 8 + 8 * (uint32_t)i, 8, 1);
			TEST_ASSERT_NULL(v4_feed(tbl, &dr, ms[i], 10), "no datagram");
		}
		TEST_ASSERT_EQUAL(dr.cnt, RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1u, "whole flow dropped");
		TEST_ASSERT_EQUAL(tbl_in_use(tbl), 0, "flow gone");
		rte_ip_frag_free_death_row(&dr, 0);
		ASSERT_POOLS_FULL();
	}
	/* the last fragment (MF clear), then data past it; then a second, different end */
	EXPECT_FLOW_DROPPED(tbl, dr, 2, v4_frag(4, 16, 8, 0), v4_frag(4, 24, 8, 1));
	EXPECT_FLOW_DROPPED(tbl, dr, 2, v4_frag(4, 16, 8, 0), v4_frag(4, 32, 8, 0));
	EXPECT_FLOW_DROPPED(tbl, dr, 2, v4_frag(4, 32, 8, 1), v4_frag(4, 16, 8, 0));
	/* MF set on a length off the 8-byte grid */
	EXPECT_FLOW_DROPPED(tbl, dr, 1, v4_frag(5, 0, 12, 1));

	/* zero-length fragment; total_length beyond the data (truncated) */
	m = v4_frag(6, 8, 0, 1);
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, m, 10), "empty fragment");
	m = v4_frag(6, 8, 64, 1);
	rte_pktmbuf_trim(m, 10);
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, m, 10), "truncated fragment");
	m = v4_frag(6, 8, 64, 1);
	m->l3_len = 500; /* headers past the first segment */
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, m, 10), "l3_len past the data");
	TEST_ASSERT_EQUAL(dr.cnt, 3u, "each bad fragment dropped");
	TEST_ASSERT_EQUAL(tbl_in_use(tbl), 0, "no flow started by bad fragments");
	rte_ip_frag_free_death_row(&dr, 0);

	/* link-layer padding after a fragment is trimmed, and the datagram completes */
	m = v4_frag(7, 8, 8, 0);
	memset(rte_pktmbuf_append(m, 10), 0xee, 10);
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, m, 10), "padded last fragment kept");
	r = v4_feed(tbl, &dr, v4_frag(7, 0, 8, 1), 10);
	TEST_ASSERT_NOT_NULL(r, "datagram of a padded fragment");
	TEST_ASSERT_EQUAL(r->pkt_len, 36u, "padding trimmed");
	TEST_ASSERT_EQUAL(
		rte_be_to_cpu_16(rte_pktmbuf_mtod(r, struct rte_ipv4_hdr *)->total_length), 36,
		"total_length of the datagram");
	rte_pktmbuf_free(r);

	/* padding of more than 64 KiB over many segments: refused, not trimmed modulo 64 KiB */
	m = v4_frag(11, 8, 8, 0);
	for (i = 0; i < 33; i++) {
		struct rte_mbuf *pad = rte_pktmbuf_alloc(direct_pool);

		TEST_ASSERT_NOT_NULL(pad, "padding segment");
		memset(rte_pktmbuf_append(pad, 2000), 0, 2000);
		TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, pad), "chain padding");
	}
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, m, 10), "hugely padded fragment");
	TEST_ASSERT(dr.cnt == 1 && tbl_in_use(tbl) == 0, "hugely padded fragment dropped");
	rte_ip_frag_free_death_row(&dr, 0);
	ASSERT_POOLS_FULL();

	/* a death row the caller never empties: excess mbufs are freed, not written past it */
	for (i = 0; i < RTE_IP_FRAG_DEATH_ROW_MBUF_LEN + 40; i++)
		TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(8, 8, 0, 1), 10), "empty fragment");
	TEST_ASSERT_EQUAL(dr.cnt, (uint32_t)RTE_IP_FRAG_DEATH_ROW_MBUF_LEN, "row full, no more");
	rte_ip_frag_free_death_row(&dr, 8);
	ASSERT_POOLS_FULL();

	/* IPv6: the fragment header must follow the IPv6 header */
	{
		struct rte_mbuf *f[MAX_OUT], *in;
		int n;

		orig_fill(1, BIG_LEN);
		in = pkt_from_bytes(orig, BIG_LEN, 1000);
		TEST_ASSERT_NOT_NULL(in, "input packet");
		n = rte_ipv6_fragment_packet(in, f, MAX_OUT, 1500, direct_pool, indirect_pool);
		TEST_ASSERT_EQUAL(n, 7, "fragments");
		f[0]->l2_len = 0;
		f[0]->l3_len = 48;
		r = rte_ipv6_frag_reassemble_packet(
			tbl, &dr, f[0], 10, rte_pktmbuf_mtod(f[0], struct rte_ipv6_hdr *),
			rte_pktmbuf_mtod_offset(f[0], struct rte_ipv6_fragment_ext *, 56));
		TEST_ASSERT(r == NULL && dr.cnt == 1, "misplaced fragment header dropped");
		/* the same fragment twice drops the flow */
		for (i = 1; i < 3; i++) {
			struct rte_mbuf *m6 = i == 1 ? f[1] : rte_pktmbuf_clone(f[1], direct_pool);

			TEST_ASSERT_NOT_NULL(m6, "clone");
			m6->l2_len = 0;
			m6->l3_len = 48;
			r = rte_ipv6_frag_reassemble_packet(
				tbl, &dr, m6, 10, rte_pktmbuf_mtod(m6, struct rte_ipv6_hdr *),
				rte_pktmbuf_mtod_offset(m6, struct rte_ipv6_fragment_ext *, 40));
			TEST_ASSERT_NULL(r, "no datagram");
		}
		TEST_ASSERT(dr.cnt == 3 && tbl_in_use(tbl) == 0,
			    "duplicate IPv6 fragment drops flow");
		rte_ip_frag_free_death_row(&dr, 0);
		pkts_free(f + 2, n - 2);
		rte_pktmbuf_free(in);
		ASSERT_POOLS_FULL();
	}
	rte_ip_frag_table_destroy(tbl);
	ASSERT_POOLS_FULL();
	return TEST_SUCCESS;
}

static int
test_ip_frag_random(void)
{
	struct rte_ip_frag_death_row dr = {.cnt = 0};
	struct rte_ip_frag_tbl *tbl;
	struct rte_mbuf *m, *r;
	uint32_t ofs, len, done = 0;
	int i;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	tbl = rte_ip_frag_table_create(4, 2, 12, 50, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(tbl, "table");
	rte_srand(42);
	for (i = 0; i < 20000; i++) {
		uint64_t x = rte_rand();

		ofs = (uint32_t)(x % 12) * 8;
		if (x & (1ull << 20))
			ofs = (uint32_t)((x >> 24) & 0x1fff) * 8;
		len = (uint32_t)((x >> 8) % 4) * 8 +
		      ((x >> 40) & 1 ? (uint32_t)((x >> 44) % 8) : 0);
		m = v4_frag((uint16_t)((x >> 50) % 6), ofs, len, (int)((x >> 60) & 1));
		TEST_ASSERT_NOT_NULL(m, "fragment");
		if ((x >> 61) & 1)
			rte_pktmbuf_trim(m, (uint16_t)RTE_MIN(m->data_len, (x >> 32) % 4));
		r = v4_feed(tbl, &dr, m, (uint64_t)i);
		if (r != NULL) {
			struct rte_ipv4_hdr *h = rte_pktmbuf_mtod(r, struct rte_ipv4_hdr *);

			TEST_ASSERT_EQUAL(r->pkt_len, rte_be_to_cpu_16(h->total_length),
					  "datagram length");
			rte_pktmbuf_free(r);
			done++;
		}
		if (i % 7 == 0)
			rte_ip_frag_free_death_row(&dr, 3);
		if (i % 101 == 0)
			rte_ip_frag_table_del_expired_entries(tbl, &dr, (uint64_t)i);
	}
	printf("  %u datagrams completed from random fragments\n", done);
	rte_ip_frag_free_death_row(&dr, 0);
	rte_ip_frag_table_destroy(tbl);
	ASSERT_POOLS_FULL();
	return TEST_SUCCESS;
}

static int
test_ip_frag_expiry_and_full(void)
{
	struct rte_ip_frag_death_row dr = {.cnt = 0};
	struct rte_ip_frag_tbl *tbl;

	TEST_ASSERT_SUCCESS(pools_make(), "pools");
	tbl = rte_ip_frag_table_create(8, 2, 2, 100, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(tbl, "table");

	TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(1, 0, 8, 1), 0), "flow 1");
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(2, 0, 8, 1), 10), "flow 2");
	/* max_entries 2: a third flow while both are young goes to the death row */
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(3, 0, 8, 1), 20), "flow 3");
	TEST_ASSERT_EQUAL(dr.cnt, 1u, "table full: the fragment is dropped");
	TEST_ASSERT_EQUAL(tbl_in_use(tbl), 2, "two flows");
	rte_ip_frag_free_death_row(&dr, 0);

	rte_ip_frag_table_del_expired_entries(tbl, &dr, 100);
	TEST_ASSERT_EQUAL(dr.cnt, 0u, "nothing older than 100 cycles yet");
	rte_ip_frag_table_del_expired_entries(tbl, &dr, 105);
	TEST_ASSERT(dr.cnt == 1 && tbl_in_use(tbl) == 1, "flow 1 expired, flow 2 kept");
	rte_ip_frag_free_death_row(&dr, 0);

	/* a late fragment of an expired flow starts it over: the old data is dropped */
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(2, 16, 8, 0), 500), "late fragment");
	TEST_ASSERT(dr.cnt == 1 && tbl_in_use(tbl) == 1, "flow 2 restarted");
	rte_ip_frag_free_death_row(&dr, 0);
	/* with the table full of old flows, a new one takes the oldest's place */
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(9, 0, 8, 1), 510), "flow 9");
	TEST_ASSERT_NULL(v4_feed(tbl, &dr, v4_frag(10, 0, 8, 1), 700), "flow 10");
	TEST_ASSERT(dr.cnt == 1 && tbl_in_use(tbl) == 2, "oldest flow made room");
	rte_ip_frag_free_death_row(&dr, 0);

	/* destroy frees what the table still holds */
	rte_ip_frag_table_destroy(tbl);
	ASSERT_POOLS_FULL();
	return TEST_SUCCESS;
}

static int
test_ip_frag_table_create_errors(void)
{
	struct rte_ip_frag_tbl *tbl;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ip_frag_table_create(16, 3, 16, 100, SOCKET_ID_ANY),
			 "bucket_entries not a power of 2");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	TEST_ASSERT_NULL(rte_ip_frag_table_create(16, 4, 129, 100, SOCKET_ID_ANY),
			 "max_entries above 16 * 4 * 2");
	TEST_ASSERT_NULL(rte_ip_frag_table_create(0, 4, 0, 100, SOCKET_ID_ANY), "no bucket");
	TEST_ASSERT_NULL(rte_ip_frag_table_create(UINT32_MAX, 4, 1, 100, SOCKET_ID_ANY),
			 "bucket count overflows");
	tbl = rte_ip_frag_table_create(16, 4, 128, 100, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(tbl, "max_entries equal to the size");
	rte_ip_frag_table_destroy(tbl);
	rte_ip_frag_table_destroy(NULL);
	return TEST_SUCCESS;
}

/* Last case: the pools the others shared go back, all their mbufs home. */
static int
test_ip_frag_pools_free(void)
{
	int full = direct_pool != NULL && indirect_pool != NULL && pools_full();

	rte_mempool_free(direct_pool);
	rte_mempool_free(indirect_pool);
	direct_pool = NULL;
	indirect_pool = NULL;
	TEST_ASSERT(full, "pools missing or not full at the end");
	return TEST_SUCCESS;
}

/* one case a line */
/* clang-format off */
static const struct test_case test_ip_frag_cases[] = {
	TEST_CASE(test_ip_frag_v4_fragment),
	TEST_CASE(test_ip_frag_v6_fragment),
	TEST_CASE(test_ip_frag_fragment_errors),
	TEST_CASE(test_ip_frag_reassemble_orders),
	TEST_CASE(test_ip_frag_expiry_and_full),
	TEST_CASE(test_ip_frag_hostile),
	TEST_CASE(test_ip_frag_random),
	TEST_CASE(test_ip_frag_table_create_errors),
	TEST_CASE(test_ip_frag_pools_free),
	TEST_CASES_END(),
};
/* clang-format on */

REGISTER_TEST_SUITE(ip_frag, TEST_SUITE_EAL, test_ip_frag_cases);
