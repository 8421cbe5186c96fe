/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pools of mbufs with pinned external buffers (rte_pktmbuf_pool_create_extbuf),
 * including a clone outliving its pinned mbuf, and the offload flag names.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "test.h"

#define EXT_ELT 2048
#define EXT_ROOM 1024

static uint8_t ext_region_a[3 * EXT_ELT + 100] __rte_cache_aligned; /* 3 buffers, tail unused */
static uint8_t ext_region_b[2 * EXT_ELT] __rte_cache_aligned;

static int
test_mbuf_extbuf_pool(void)
{
	const struct rte_pktmbuf_extmem ext[2] = {
		{ext_region_a, 0x100000, sizeof(ext_region_a), EXT_ELT},
		{ext_region_b, RTE_BAD_IOVA, sizeof(ext_region_b), EXT_ELT},
	};
	struct rte_mbuf *m[5];
	struct rte_mempool *mp;
	unsigned int from_a = 0, from_b = 0;

	mp = rte_pktmbuf_pool_create_extbuf("extbuf_pool", 5, 0, 0, EXT_ROOM, SOCKET_ID_ANY, ext,
					    2);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT(rte_pktmbuf_priv_flags(mp) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF, "pinned");
	TEST_ASSERT_EQUAL(rte_pktmbuf_data_room_size(mp), EXT_ROOM, "data room");
	TEST_ASSERT_SUCCESS(rte_pktmbuf_alloc_bulk(mp, m, 5), "all five");
	for (unsigned int i = 0; i < 5; i++) {
		uintptr_t a = (uintptr_t)m[i]->buf_addr;

		TEST_ASSERT(m[i]->ol_flags & RTE_MBUF_F_EXTERNAL, "external");
		TEST_ASSERT_EQUAL(m[i]->buf_len, EXT_ROOM, "buffer length");
		TEST_ASSERT_EQUAL(m[i]->data_off, RTE_PKTMBUF_HEADROOM, "headroom");
		if (a >= (uintptr_t)ext_region_a && a < (uintptr_t)ext_region_a + 3 * EXT_ELT) {
			TEST_ASSERT_EQUAL((a - (uintptr_t)ext_region_a) % EXT_ELT, 0, "a: cut");
			TEST_ASSERT_EQUAL(rte_mbuf_iova_get(m[i]),
					  0x100000 + (a - (uintptr_t)ext_region_a), "a: iova");
			from_a++;
		} else {
			TEST_ASSERT(a >= (uintptr_t)ext_region_b &&
					    a < (uintptr_t)ext_region_b + sizeof(ext_region_b),
				    "buffer inside a region");
			TEST_ASSERT_EQUAL(rte_mbuf_iova_get(m[i]), RTE_BAD_IOVA, "b: no iova");
			from_b++;
		}
	}
	TEST_ASSERT(from_a == 3 && from_b == 2, "3 buffers from a, 2 from b (%u, %u)", from_a,
		    from_b);

	/* the buffer stays with its mbuf across free and alloc */
	{
		void *buf = m[0]->buf_addr;
		struct rte_mbuf *again;

		m[0]->ol_flags |= RTE_MBUF_F_RX_VLAN;
		rte_pktmbuf_free(m[0]);
		again = rte_pktmbuf_alloc(mp);
		TEST_ASSERT(again == m[0] && again->buf_addr == buf, "same mbuf, same buffer");
		TEST_ASSERT_EQUAL(again->ol_flags, RTE_MBUF_F_EXTERNAL, "flags reset on free");
	}
	rte_pktmbuf_free_bulk(m, 5);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 5, "all back");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

/* A clone holds the pinned buffer: its mbuf returns to the pool only with the clone. */
static int
test_mbuf_extbuf_clone(void)
{
	const struct rte_pktmbuf_extmem ext = {ext_region_b, RTE_BAD_IOVA, sizeof(ext_region_b),
					       EXT_ELT};
	struct rte_mempool *mp, *cp;
	struct rte_mbuf *m, *c;

	mp = rte_pktmbuf_pool_create_extbuf("extbuf_pin", 2, 0, 0, EXT_ROOM, SOCKET_ID_ANY, &ext,
					    1);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	cp = rte_pktmbuf_pool_create("extbuf_clones", 4, 0, 0, 0, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(cp, "clone pool: %s", rte_strerror(rte_errno));
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	memcpy(rte_pktmbuf_append(m, 4), "abcd", 4);
	c = rte_pktmbuf_clone(m, cp);
	TEST_ASSERT_NOT_NULL(c, "clone");
	TEST_ASSERT(c->buf_addr == m->buf_addr, "clone shares the buffer");
	TEST_ASSERT_EQUAL(rte_mbuf_ext_refcnt_read(m->shinfo), 2, "two holders");

	rte_pktmbuf_free(m);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 1, "held by the clone");
	TEST_ASSERT_EQUAL(memcmp(rte_pktmbuf_mtod(c, char *), "abcd", 4), 0, "data intact");
	rte_pktmbuf_free(c);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 2, "back with the clone's free");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(cp), 4, "clone back too");
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc again");
	TEST_ASSERT_EQUAL(rte_mbuf_ext_refcnt_read(m->shinfo), 1, "one holder again");
	rte_pktmbuf_free(m);
	rte_mempool_free(cp);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_extbuf_errors(void)
{
	struct rte_pktmbuf_extmem ext = {ext_region_b, RTE_BAD_IOVA, sizeof(ext_region_b), EXT_ELT};

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create_extbuf("extbuf_bad", 3, 0, 0, EXT_ROOM,
							SOCKET_ID_ANY, &ext, 1),
			 "3 buffers from room for 2");
	TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "errno");
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create_extbuf("extbuf_bad", 1, 0, 0, EXT_ELT + 1,
							SOCKET_ID_ANY, &ext, 1),
			 "data room above elt_size");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create_extbuf("extbuf_bad", 1, 0, 3, EXT_ROOM,
							SOCKET_ID_ANY, &ext, 1),
			 "misaligned priv_size");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create_extbuf("extbuf_bad", 1, 0, 0, EXT_ROOM,
							SOCKET_ID_ANY, NULL, 0),
			 "no regions");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	ext.elt_size = 0;
	TEST_ASSERT_NULL(
		rte_pktmbuf_pool_create_extbuf("extbuf_bad", 1, 0, 0, 0, SOCKET_ID_ANY, &ext, 1),
		"elt_size 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_NULL(rte_mempool_lookup("extbuf_bad"), "nothing left behind");
	return TEST_SUCCESS;
}

static int
test_mbuf_ol_flag_names(void)
{
	char buf[256];

	TEST_ASSERT_EQUAL(strcmp(rte_get_rx_ol_flag_name(RTE_MBUF_F_RX_VLAN), "RTE_MBUF_F_RX_VLAN"),
			  0, "rx bit");
	TEST_ASSERT_EQUAL(strcmp(rte_get_rx_ol_flag_name(RTE_MBUF_F_RX_L4_CKSUM_NONE),
				 "RTE_MBUF_F_RX_L4_CKSUM_NONE"),
			  0, "rx two-bit state");
	TEST_ASSERT_NULL(rte_get_rx_ol_flag_name(0), "the zero state has no single name");
	TEST_ASSERT_NULL(rte_get_rx_ol_flag_name(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_LRO),
			 "two flags");
	TEST_ASSERT_EQUAL(strcmp(rte_get_tx_ol_flag_name(RTE_MBUF_F_TX_TUNNEL_GRE),
				 "RTE_MBUF_F_TX_TUNNEL_GRE"),
			  0, "tx field state");

	TEST_ASSERT_SUCCESS(
		rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_IP_CKSUM_GOOD, buf,
					sizeof(buf)),
		"rx list");
	TEST_ASSERT_EQUAL(strcmp(buf, "RTE_MBUF_F_RX_VLAN RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN "
				      "RTE_MBUF_F_RX_IP_CKSUM_GOOD "
				      "RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN "),
			  0, "rx list text: %s", buf);
	TEST_ASSERT_SUCCESS(rte_get_tx_ol_flag_list(RTE_MBUF_F_TX_UDP_CKSUM | RTE_MBUF_F_TX_IPV4,
						    buf, sizeof(buf)),
			    "tx list");
	TEST_ASSERT_EQUAL(strcmp(buf, "RTE_MBUF_F_TX_UDP_CKSUM RTE_MBUF_F_TX_IPV4 "), 0,
			  "tx list text: %s", buf);
	TEST_ASSERT_EQUAL(rte_get_tx_ol_flag_list(RTE_MBUF_F_TX_IPV4, buf, 10), -1, "too small");
	TEST_ASSERT_EQUAL(rte_get_tx_ol_flag_list(RTE_MBUF_F_TX_IPV4, buf, 0), -1, "buflen 0");
	return TEST_SUCCESS;
}

static const struct test_case mbuf_extbuf_cases[] = {
	TEST_CASE(test_mbuf_extbuf_pool),
	TEST_CASE(test_mbuf_extbuf_clone),
	TEST_CASE(test_mbuf_extbuf_errors),
	TEST_CASE(test_mbuf_ol_flag_names),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mbuf_extbuf, TEST_SUITE_EAL, mbuf_extbuf_cases)
