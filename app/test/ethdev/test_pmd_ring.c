/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_ring: payload bytes through a pair of ports joined by two rings,
 * stats, full-ring Tx errors, the default loopback device, nodeaction
 * CREATE/ATTACH and its errors.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "test.h"

#define NB_MBUF 511

static struct rte_mempool *
ring_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("pmd_ring_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("pmd_ring_mp", NB_MBUF, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static int
ring_port_start(uint16_t port, uint16_t nq)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, nq, nq, &conf);
	for (q = 0; ret == 0 && q < nq; q++) {
		ret = rte_eth_rx_queue_setup(port, q, 0, SOCKET_ID_ANY, NULL, ring_pool());
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, 0, SOCKET_ID_ANY, NULL);
	}
	return ret != 0 ? ret : rte_eth_dev_start(port);
}

/* n packets "packet <i>" of distinct lengths. */
static int
ring_make_pkts(struct rte_mbuf **pkts, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		char *p;

		pkts[i] = rte_pktmbuf_alloc(ring_pool());
		if (pkts[i] == NULL)
			return -1;
		p = rte_pktmbuf_append(pkts[i], 60 + i);
		if (p == NULL)
			return -1;
		memset(p, (int)i, 60 + i);
		snprintf(p, 60, "packet %u", i);
	}
	return 0;
}

static int
test_ring_pair_payload(void)
{
	struct rte_ring *a2b = rte_ring_create("pmd_ring_a2b", 64, SOCKET_ID_ANY, 0);
	struct rte_ring *b2a = rte_ring_create("pmd_ring_b2a", 64, SOCKET_ID_ANY, 0);
	struct rte_mbuf *tx[10], *rx[32];
	struct rte_eth_stats st;
	int pa, pb;
	uint16_t n, i;

	TEST_ASSERT(a2b != NULL && b2a != NULL, "rings");
	pa = rte_eth_from_rings("A", &b2a, 1, &a2b, 1, SOCKET_ID_ANY);
	pb = rte_eth_from_rings("B", &a2b, 1, &b2a, 1, SOCKET_ID_ANY);
	TEST_ASSERT(pa >= 0 && pb >= 0 && pa != pb, "two ports %d %d", pa, pb);
	TEST_ASSERT_EQUAL(rte_eth_from_rings("A", &b2a, 1, &a2b, 1, SOCKET_ID_ANY), -1,
			  "same name twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "EEXIST");
	TEST_ASSERT_SUCCESS(ring_port_start(pa, 1), "start A");
	TEST_ASSERT_SUCCESS(ring_port_start(pb, 1), "start B");

	TEST_ASSERT_SUCCESS(ring_make_pkts(tx, 10), "packets");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(pa, 0, tx, 10), 10, "A sends 10");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(pa, 0, rx, 32), 0, "A's own Rx ring is empty");
	n = rte_eth_rx_burst(pb, 0, rx, 32);
	TEST_ASSERT_EQUAL(n, 10, "B receives 10");
	for (i = 0; i < n; i++) {
		char want[60];
		const uint8_t *p = rte_pktmbuf_mtod(rx[i], const uint8_t *);

		snprintf(want, sizeof(want), "packet %u", i);
		TEST_ASSERT_EQUAL(rte_pktmbuf_pkt_len(rx[i]), 60 + i, "length of %u", i);
		TEST_ASSERT(strcmp((const char *)p, want) == 0, "payload %u in order", i);
		TEST_ASSERT_EQUAL(p[60 + i - 1], i, "last byte of %u", i);
	}
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(pb, 0, rx, n), 10, "B sends them back");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(pa, 0, rx, 32), 10, "A gets them");
	rte_pktmbuf_free_bulk(rx, 10);

	TEST_ASSERT_SUCCESS(rte_eth_stats_get(pa, &st), "stats A");
	TEST_ASSERT_EQUAL(st.opackets, 10, "A opackets");
	TEST_ASSERT_EQUAL(st.ipackets, 10, "A ipackets");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(pb, &st), "stats B");
	TEST_ASSERT_EQUAL(st.q_ipackets[0], 10, "B rx q0");
	TEST_ASSERT_EQUAL(st.q_opackets[0], 10, "B tx q0");

	/* A full ring: Tx takes what fits and counts the rest as oerrors. */
	{
		struct rte_mbuf *many[80];

		for (i = 0; i < 80; i++) {
			many[i] = rte_pktmbuf_alloc(ring_pool());
			TEST_ASSERT_NOT_NULL(many[i], "alloc");
		}
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(pa, 0, many, 80), 63, "ring holds 63");
		rte_pktmbuf_free_bulk(&many[63], 17);
		TEST_ASSERT_SUCCESS(rte_eth_stats_get(pa, &st), "stats");
		TEST_ASSERT_EQUAL(st.oerrors, 17, "17 did not fit");
		while ((n = rte_eth_rx_burst(pb, 0, rx, 32)) > 0)
			rte_pktmbuf_free_bulk(rx, n);
	}
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_A"), "uninit A");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_B"), "uninit B");
	TEST_ASSERT_EQUAL(rte_ring_count(a2b) + rte_ring_count(b2a), 0, "rings drained");
	rte_ring_free(a2b);
	rte_ring_free(b2a);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(ring_pool()), NB_MBUF, "no mbuf leaked");
	return TEST_SUCCESS;
}

static int
test_ring_default_loopback(void)
{
	struct rte_eth_dev_info info;
	struct rte_mbuf *tx[8], *rx[16];
	uint16_t port, n;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_ring_lb0", NULL), "create");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_ring_lb0", &port), "port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info");
	TEST_ASSERT_EQUAL(info.max_rx_queues, 16, "16 rings");
	TEST_ASSERT(strcmp(info.driver_name, "net_ring") == 0, "driver %s", info.driver_name);
	TEST_ASSERT_NOT_NULL(rte_ring_lookup("ETH_RXTX3_net_ring_lb0"), "rings are named");
	TEST_ASSERT_SUCCESS(ring_port_start(port, 4), "start 4 queues");
	TEST_ASSERT_SUCCESS(ring_make_pkts(tx, 8), "packets");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 3, tx, 8), 8, "tx on queue 3");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(port, 2, rx, 16), 0, "queue 2 empty");
	n = rte_eth_rx_burst(port, 3, rx, 16);
	TEST_ASSERT_EQUAL(n, 8, "looped back on queue 3");
	TEST_ASSERT(rx[0] == tx[0] && rx[7] == tx[7], "same mbufs, same order");
	rte_pktmbuf_free_bulk(rx, n);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_lb0"), "uninit");
	TEST_ASSERT_NULL(rte_ring_lookup("ETH_RXTX3_net_ring_lb0"), "its rings are freed");
	return TEST_SUCCESS;
}

static int
test_ring_nodeaction(void)
{
	struct rte_mbuf *tx[4], *rx[8];
	uint16_t pc, pa;

	TEST_ASSERT_EQUAL(rte_vdev_init("net_ring_at0", "nodeaction=shared:0:ATTACH"), -ENOENT,
			  "nothing to attach to yet");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_ring_x0", "nodeaction=shared:0:FOO"), -EINVAL,
			  "bad action");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_ring_x0", "nodeaction=shared"), -EINVAL,
			  "missing fields");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_ring_x0", "nodeaction=shared:x:CREATE"), -EINVAL,
			  "bad node");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_ring_x0", "internal=0x1000"), -EINVAL,
			  "internal pointers from users are refused");
	/* Unknown keys are ignored, as by DPDK's net_ring: default rings. */
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_ring_unk0", "args=test"), "unknown key ignored");
	TEST_ASSERT_NOT_NULL(rte_ring_lookup("ETH_RXTX0_net_ring_unk0"), "default rings");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_unk0"), "uninit");
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_ring_cr0", "nodeaction=shared:0:CREATE"),
			    "create");
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_ring_at0", "nodeaction=shared:0:ATTACH"),
			    "attach");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_ring_cr0", &pc), "port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_ring_at0", &pa), "port");
	TEST_ASSERT_SUCCESS(ring_port_start(pc, 1), "start");
	TEST_ASSERT_SUCCESS(ring_port_start(pa, 1), "start");
	TEST_ASSERT_SUCCESS(ring_make_pkts(tx, 4), "packets");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(pc, 0, tx, 4), 4, "creator sends");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(pa, 0, rx, 8), 4, "attached port receives");
	rte_pktmbuf_free_bulk(rx, 4);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_at0"), "uninit attach first");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_cr0"), "uninit creator");
	TEST_ASSERT_NULL(rte_ring_lookup("ETH_RXTX0_shared"), "creator freed the rings");
	return TEST_SUCCESS;
}

static int
test_ring_eal_bad_args(void)
{
	static char out[8192];
	const char *argv[] = { "eal_init_only", "--no-huge", "-l", "0", "--vdev",
			       "net_ring0,nodeaction=r1:0:MAYBE", NULL };

	TEST_ASSERT_NOT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "fails");
	TEST_ASSERT_STR_CONTAINS(out, "init=-1", "rte_eal_init returns -1");
	TEST_ASSERT_STR_CONTAINS(out, "net_ring0: invalid value 'r1:0:MAYBE' for 'nodeaction': "
				 "expected NAME:NODE:CREATE or NAME:NODE:ATTACH", "the fix");
	argv[5] = "net_ring0";
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "plain net_ring0:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "init and cleanup");
	/* eal_flags_vdev_opt_autotest: an unknown key does not stop init */
	argv[5] = "net_ring0,args=test";
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "args=test:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "ignoring arguments 'args=test'", "the warning");
	return TEST_SUCCESS;
}

static int
test_ring_cleanup(void)
{
	rte_mempool_free(ring_pool());
	return TEST_SUCCESS;
}

static const struct test_case pmd_ring_cases[] = {
	TEST_CASE(test_ring_pair_payload),
	TEST_CASE(test_ring_default_loopback),
	TEST_CASE(test_ring_nodeaction),
	TEST_CASE(test_ring_eal_bad_args),
	TEST_CASE(test_ring_cleanup),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_ring, TEST_SUITE_EAL, pmd_ring_cases);
