/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_null: packets made on Rx (count, length, port, payload), freed on Tx,
 * per-queue stats, copy and no-rx modes, the alias, and the errors for bad
 * arguments and unknown drivers, seen by an application at rte_eal_init.
 */
#include <errno.h>
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#include "test.h"

#define NB_MBUF 1023
#define BURST 32

static char out[16384];

static struct rte_mempool *
null_pool(const char *name, unsigned int n)
{
	return rte_pktmbuf_pool_create(name, n, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
}

/* Create name with args, configure nq queue pairs on mp and start it. */
static int
null_port_up(const char *name, const char *args, uint16_t nq, struct rte_mempool *mp,
	     uint16_t *port)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_vdev_init(name, args);
	if (ret != 0)
		return ret;
	ret = rte_eth_dev_get_port_by_name(name, port);
	if (ret == 0)
		ret = rte_eth_dev_configure(*port, nq, nq, &conf);
	for (q = 0; ret == 0 && q < nq; q++) {
		ret = rte_eth_rx_queue_setup(*port, q, 256, SOCKET_ID_ANY, NULL, mp);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(*port, q, 256, SOCKET_ID_ANY, NULL);
	}
	if (ret == 0)
		ret = rte_eth_dev_start(*port);
	return ret;
}

static int
test_null_rx_tx_stats(void)
{
	struct rte_mempool *mp = null_pool("null_mp0", NB_MBUF);
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats st;
	struct rte_eth_link link;
	uint16_t port, n, i;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	TEST_ASSERT_SUCCESS(null_port_up("net_null_t0", "size=100", 2, mp, &port), "port up");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "link up after start");
	TEST_ASSERT_EQUAL(link.link_speed, RTE_ETH_SPEED_NUM_10G, "10G");

	n = rte_eth_rx_burst(port, 0, pkts, BURST);
	TEST_ASSERT_EQUAL(n, BURST, "full burst from queue 0");
	for (i = 0; i < n; i++) {
		TEST_ASSERT_EQUAL(pkts[i]->pkt_len, 100, "pkt_len is size");
		TEST_ASSERT_EQUAL(pkts[i]->data_len, 100, "data_len is size");
		TEST_ASSERT_EQUAL(pkts[i]->port, port, "port stamped");
		TEST_ASSERT_EQUAL(pkts[i]->nb_segs, 1, "one segment");
	}
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF - BURST, "taken from pool");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 1, pkts, n), BURST, "all sent on queue 1");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "Tx freed them");

	n = rte_eth_rx_burst(port, 1, pkts, 16);
	TEST_ASSERT_EQUAL(n, 16, "16 from queue 1");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 0, pkts, n), 16, "sent on queue 0");

	TEST_ASSERT_SUCCESS(rte_eth_stats_get(port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets, 48, "ipackets");
	TEST_ASSERT_EQUAL(st.opackets, 48, "opackets");
	TEST_ASSERT_EQUAL(st.ibytes, 4800, "ibytes");
	TEST_ASSERT_EQUAL(st.obytes, 4800, "obytes");
	TEST_ASSERT_EQUAL(st.q_ipackets[0], 32, "rx q0");
	TEST_ASSERT_EQUAL(st.q_ipackets[1], 16, "rx q1");
	TEST_ASSERT_EQUAL(st.q_opackets[0], 16, "tx q0");
	TEST_ASSERT_EQUAL(st.q_opackets[1], 32, "tx q1");
	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(port), "reset");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets + st.opackets + st.q_ipackets[0], 0, "zero after reset");

	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(port, 0, pkts, BURST), 0, "stopped port: no Rx");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_DOWN, "link down after stop");
	TEST_ASSERT_SUCCESS(rte_eth_dev_close(port), "close");
	TEST_ASSERT(!rte_eth_dev_is_valid_port(port), "closed port is gone");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_t0"), "uninit");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "no mbuf leaked");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_null_copy_and_no_rx(void)
{
	struct rte_mempool *mp = null_pool("null_mp1", NB_MBUF);
	struct rte_mbuf *pkts[BURST];
	uint16_t port, n, i;
	uint8_t zero[60];

	TEST_ASSERT_NOT_NULL(mp, "pool");
	memset(zero, 0, sizeof(zero));
	TEST_ASSERT_SUCCESS(null_port_up("net_null_t1", "size=60,copy=1", 1, mp, &port), "up");
	n = rte_eth_rx_burst(port, 0, pkts, BURST);
	TEST_ASSERT_EQUAL(n, BURST, "burst");
	for (i = 0; i < n; i++)
		TEST_ASSERT(memcmp(rte_pktmbuf_mtod(pkts[i], void *), zero, 60) == 0,
			    "copy=1 fills the payload from the (zeroed) template");
	memset(rte_pktmbuf_mtod(pkts[0], void *), 0xab, 60);
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 0, pkts, n), BURST, "copy Tx takes all");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "and frees them");
	rte_eth_dev_stop(port);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_t1"), "uninit closes the port");

	TEST_ASSERT_SUCCESS(null_port_up("eth_null_t2", "no-rx=1", 1, mp, &port),
			    "alias eth_null works, no-rx accepted");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(port, 0, pkts, BURST), 0, "no-rx: nothing");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("eth_null_t2"), "uninit started port");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "no mbuf leaked");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_null_pool_exhausted(void)
{
	struct rte_mempool *mp = null_pool("null_mp2", 20);
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats st;
	uint16_t port;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	TEST_ASSERT_SUCCESS(null_port_up("net_null_t3", NULL, 1, mp, &port), "up");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(port, 0, pkts, BURST), 0,
			  "a burst larger than the pool gives nothing");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(port, &st), "stats");
	TEST_ASSERT_EQUAL(st.rx_nombuf, 1, "counted as rx_nombuf");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(port, 0, pkts, 8), 8, "a smaller one works");
	rte_pktmbuf_free_bulk(pkts, 8);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_t3"), "uninit");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_null_bad_args_runtime(void)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create("null_mp3", 63, 0, 0, 256 +
							 RTE_PKTMBUF_HEADROOM, SOCKET_ID_ANY);
	uint16_t port;

	TEST_ASSERT_EQUAL(rte_vdev_init("net_null_t4", "bogus=1"), -EINVAL, "unknown key");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_null_t4", "size=0"), -EINVAL, "size 0");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_null_t4", "size=70000"), -EINVAL, "size too big");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_null_t4", "copy=2"), -EINVAL, "copy not 0/1");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_nosuch0", NULL), -EINVAL, "no such driver");
	TEST_ASSERT_EQUAL(rte_vdev_uninit("net_null_t4"), -ENOENT, "nothing was created");
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_null_t4", "size=1000"), "valid");
	TEST_ASSERT_EQUAL(rte_vdev_init("net_null_t4", NULL), -EEXIST, "same name twice");
	TEST_ASSERT_NOT_NULL(mp, "pool");
	TEST_ASSERT_EQUAL(null_port_up("net_null_t5", "size=1000", 1, mp, &port), -EINVAL,
			  "size larger than the pool's mbufs is refused at queue setup");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_t5"), "uninit");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_t4"), "uninit");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

/* Run an application's rte_eal_init with --vdev spec. */
static int
eal_with_vdev(const char *spec)
{
	const char *argv[] = { "eal_init_only", "--no-huge", "-l", "0", "--vdev", spec, NULL };

	return test_run_self(argv, out, sizeof(out));
}

static int
test_null_eal_vdev(void)
{
	TEST_ASSERT_EQUAL(eal_with_vdev("net_null0,size=128"), 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "init and cleanup with a net_null");

	TEST_ASSERT_NOT_EQUAL(eal_with_vdev("net_null0,bogus=1"), 0, "bad key fails");
	TEST_ASSERT_STR_CONTAINS(out, "init=-1", "rte_eal_init returns -1");
	TEST_ASSERT_STR_CONTAINS(out, "net_null0: unknown argument 'bogus' in 'bogus=1' "
				 "(valid keys: size, copy, no-rx)", "one line with the fix");

	TEST_ASSERT_NOT_EQUAL(eal_with_vdev("net_null0,size=abc"), 0, "bad value fails");
	TEST_ASSERT_STR_CONTAINS(out, "init=-1", "rte_eal_init returns -1");
	TEST_ASSERT_STR_CONTAINS(out, "net_null0: invalid value 'abc' for 'size': expected a "
				 "packet size in bytes, 1..65535", "names key and value");

	TEST_ASSERT_NOT_EQUAL(eal_with_vdev("net_bogus0"), 0, "unknown driver fails");
	TEST_ASSERT_STR_CONTAINS(out, "init=-1", "rte_eal_init returns -1");
	TEST_ASSERT_STR_CONTAINS(out, "no driver for virtual device 'net_bogus0'",
				 "names the device");
	TEST_ASSERT_STR_CONTAINS(out, "net_null (eth_null)", "lists the drivers");
	TEST_ASSERT_STR_CONTAINS(out, "net_ring (eth_ring)", "lists the drivers");
	return TEST_SUCCESS;
}

static const struct test_case pmd_null_cases[] = {
	TEST_CASE(test_null_rx_tx_stats),
	TEST_CASE(test_null_copy_and_no_rx),
	TEST_CASE(test_null_pool_exhausted),
	TEST_CASE(test_null_bad_args_runtime),
	TEST_CASE(test_null_eal_vdev),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_null, TEST_SUITE_EAL, pmd_null_cases);
