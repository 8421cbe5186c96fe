/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ethdev API over net_null and net_ring ports: the error codes of calls in
 * the wrong state, info, names, Rx modes, MAC, MTU, link, RSS, xstats, event
 * callbacks, Rx/Tx callbacks and Tx buffers.
 */
#include <errno.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "test.h"

#define NB_MBUF 511
#define BAD_PORT (RTE_MAX_ETHPORTS - 1)

static struct rte_mempool *
eth_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("ethdev_test_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("ethdev_test_mp", NB_MBUF, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static int
eth_null_port(const char *name, uint16_t *port)
{
	int ret = rte_vdev_init(name, NULL);

	return ret != 0 ? ret : rte_eth_dev_get_port_by_name(name, port);
}

static int
test_ethdev_wrong_state(void)
{
	struct rte_mempool *mp = eth_pool();
	struct rte_eth_conf conf;
	uint16_t port;

	memset(&conf, 0, sizeof(conf));
	TEST_ASSERT_NOT_NULL(mp, "pool");
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(BAD_PORT, 1, 1, &conf), -ENODEV, "bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_start(BAD_PORT), -ENODEV, "bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_info_get(BAD_PORT, NULL), -ENODEV, "bad port first");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(RTE_MAX_ETHPORTS + 5, 0, 0, 0, NULL, mp),
			  -ENODEV, "port id past the table");

	TEST_ASSERT_SUCCESS(eth_null_port("net_null_e0", &port), "create");
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -EINVAL, "start before configure");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 0, 0, 0, NULL, mp), -EINVAL,
			  "queue setup before configure: no queue 0 yet");
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 2, 1, NULL), -EINVAL, "NULL conf");
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 2000, 1, &conf), -EINVAL,
			  "more queues than the driver has");
	conf.rxmode.mtu = 20;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL, "MTU too small");
	conf.rxmode.mtu = 0;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
			  "unsupported Rx offload");
	conf.rxmode.offloads = 0;
	conf.intr_conf.lsc = 1;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
			  "LSC interrupt the driver lacks");
	conf.intr_conf.lsc = 0;

	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(port, 2, 1, &conf), "configure");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 2, 0, 0, NULL, mp), -EINVAL,
			  "Rx queue past nb_rx_queues");
	TEST_ASSERT_EQUAL(rte_eth_tx_queue_setup(port, 1, 0, 0, NULL), -EINVAL,
			  "Tx queue past nb_tx_queues");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 0, 0, 0, NULL, NULL), -EINVAL,
			  "Rx queue without a mempool");
	TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(port, 0, 0, 0, NULL, mp), "rxq 0");
	TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(port, 0, 0, 0, NULL), "txq 0");
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -EINVAL, "start with Rx queue 1 not set up");
	TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(port, 1, 0, 0, NULL, mp), "rxq 1");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(port), "start");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(port), "second start is a no-op");
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EBUSY,
			  "configure while started");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 0, 0, 0, NULL, mp), -EBUSY,
			  "Rx queue setup while started");
	TEST_ASSERT_EQUAL(rte_eth_tx_queue_setup(port, 0, 0, 0, NULL), -EBUSY,
			  "Tx queue setup while started");
	TEST_ASSERT_EQUAL(rte_eth_dev_close(port), -EINVAL, "close while started");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "second stop is a no-op");
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(port, 1, 1, &conf), "reconfigure fewer queues");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(port), "kept queue 0 suffices");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");
	TEST_ASSERT_SUCCESS(rte_eth_dev_close(port), "close");
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -ENODEV, "closed port is invalid");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e0"), "uninit");
	return TEST_SUCCESS;
}

static int
test_ethdev_ports_and_info(void)
{
	struct rte_eth_dev_info info;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t before = rte_eth_dev_count_avail(), p0, p1, p, seen = 0;
	uint16_t nb_rx = 5000, nb_tx = 3;

	TEST_ASSERT_SUCCESS(eth_null_port("net_null_e1", &p0), "create 1");
	TEST_ASSERT_SUCCESS(eth_null_port("net_null_e2", &p1), "create 2");
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before + 2, "two more ports");
	TEST_ASSERT(rte_eth_dev_count_total() >= before + 2, "total counts them");
	RTE_ETH_FOREACH_DEV(p)
		seen += (p == p0 || p == p1);
	TEST_ASSERT_EQUAL(seen, 2, "RTE_ETH_FOREACH_DEV visits both");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_name_by_port(p1, name), "name");
	TEST_ASSERT(strcmp(name, "net_null_e2") == 0, "name is %s", name);
	TEST_ASSERT_EQUAL(rte_eth_dev_get_port_by_name("nope", &p), -ENODEV, "unknown name");
	TEST_ASSERT(rte_eth_dev_socket_id(p0) >= 0, "socket id");
	TEST_ASSERT_EQUAL(rte_eth_dev_socket_id(BAD_PORT), -1, "bad port socket");

	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(p0, &info), "info");
	TEST_ASSERT(strcmp(info.driver_name, "net_null") == 0, "driver %s", info.driver_name);
	TEST_ASSERT_EQUAL(info.max_rx_queues, RTE_MAX_QUEUES_PER_PORT, "max rx queues");
	TEST_ASSERT_EQUAL(info.reta_size, RTE_ETH_RSS_RETA_SIZE_128, "reta size");
	TEST_ASSERT_EQUAL(info.min_mtu, 46, "min mtu");
	TEST_ASSERT(info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MULTI_SEGS, "tx capa");
	TEST_ASSERT_EQUAL(info.speed_capa, RTE_ETH_LINK_SPEED_10G, "speed capa");
	TEST_ASSERT_SUCCESS(rte_eth_dev_adjust_nb_rx_tx_desc(p0, &nb_rx, &nb_tx), "adjust");
	TEST_ASSERT_EQUAL(nb_rx, 5000, "no limits on null: kept");

	/* Ownership hides a port from RTE_ETH_FOREACH_DEV. */
	{
		struct rte_eth_dev_owner owner = { .name = "test" };

		TEST_ASSERT_SUCCESS(rte_eth_dev_owner_new(&owner.id), "owner id");
		TEST_ASSERT_SUCCESS(rte_eth_dev_owner_set(p1, &owner), "own p1");
		TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before + 1, "owned port hidden");
		TEST_ASSERT_EQUAL(rte_eth_find_next_owned_by(0, owner.id), p1, "found by owner");
		TEST_ASSERT_SUCCESS(rte_eth_dev_owner_unset(p1, owner.id), "unown");
		TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before + 2, "visible again");
	}
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e1"), "uninit");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e2"), "uninit");
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before, "ports released");
	return TEST_SUCCESS;
}

/* A started single-queue net_null port. */
static int
eth_null_started(const char *name, const struct rte_eth_conf *conf, uint16_t nq,
		 uint16_t *port)
{
	struct rte_eth_conf c;
	uint16_t q;
	int ret;

	memset(&c, 0, sizeof(c));
	ret = eth_null_port(name, port);
	if (ret == 0)
		ret = rte_eth_dev_configure(*port, nq, nq, conf != NULL ? conf : &c);
	for (q = 0; ret == 0 && q < nq; q++) {
		ret = rte_eth_rx_queue_setup(*port, q, 0, SOCKET_ID_ANY, NULL, eth_pool());
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(*port, q, 0, SOCKET_ID_ANY, NULL);
	}
	return ret != 0 ? ret : rte_eth_dev_start(*port);
}

static int
test_ethdev_modes_mac_mtu_link(void)
{
	struct rte_ether_addr mac, mac2 = {{ 0x02, 0, 0, 0, 0, 0x42 }};
	struct rte_ether_addr mc = {{ 0x01, 0, 0x5e, 0, 0, 1 }};
	struct rte_eth_link link;
	struct rte_eth_rxq_info qi;
	char str[RTE_ETH_LINK_MAX_STR_LEN];
	uint16_t port, mtu;

	TEST_ASSERT_SUCCESS(eth_null_started("net_null_e3", NULL, 1, &port), "port");
	TEST_ASSERT_EQUAL(rte_eth_promiscuous_get(port), 0, "promisc off");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(port), "promisc on");
	TEST_ASSERT_EQUAL(rte_eth_promiscuous_get(port), 1, "promisc on");
	TEST_ASSERT_SUCCESS(rte_eth_allmulticast_enable(port), "allmulti on");
	TEST_ASSERT_EQUAL(rte_eth_allmulticast_get(port), 1, "allmulti on");
	TEST_ASSERT_SUCCESS(rte_eth_allmulticast_disable(port), "allmulti off");
	TEST_ASSERT_EQUAL(rte_eth_allmulticast_get(port), 0, "allmulti off");
	TEST_ASSERT_EQUAL(rte_eth_promiscuous_get(BAD_PORT), -ENODEV, "bad port");

	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(port, &mac), "mac");
	TEST_ASSERT(rte_is_valid_assigned_ether_addr(&mac), "random unicast MAC");
	TEST_ASSERT_SUCCESS(rte_eth_dev_default_mac_addr_set(port, &mac2), "set mac");
	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(port, &mac), "mac");
	TEST_ASSERT(rte_is_same_ether_addr(&mac, &mac2), "default MAC replaced");
	TEST_ASSERT_EQUAL(rte_eth_dev_default_mac_addr_set(port, &mc), -EINVAL,
			  "multicast default refused");
	mac2.addr_bytes[5] = 0x43;
	TEST_ASSERT_SUCCESS(rte_eth_dev_mac_addr_add(port, &mac2, 0), "add secondary");
	TEST_ASSERT_EQUAL(rte_eth_macaddrs_get(port, (struct rte_ether_addr[4]){}, 4), 4,
			  "4 slots");
	TEST_ASSERT_SUCCESS(rte_eth_dev_mac_addr_remove(port, &mac2), "remove secondary");
	TEST_ASSERT_EQUAL(rte_eth_dev_mac_addr_remove(port, &mac), -EADDRINUSE,
			  "default cannot be removed");

	TEST_ASSERT_SUCCESS(rte_eth_dev_get_mtu(port, &mtu), "mtu");
	TEST_ASSERT_EQUAL(mtu, 1500, "default MTU");
	TEST_ASSERT_SUCCESS(rte_eth_dev_set_mtu(port, 9000), "jumbo");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_mtu(port, &mtu), "mtu");
	TEST_ASSERT_EQUAL(mtu, 9000, "MTU set");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_mtu(port, 10), -EINVAL, "below min MTU");

	TEST_ASSERT_SUCCESS(rte_eth_link_get(port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "up");
	TEST_ASSERT(rte_eth_link_to_str(str, sizeof(str), &link) > 0, "to str");
	TEST_ASSERT(strcmp(str, "Link up at 10 Gbps FDX Fixed") == 0, "'%s'", str);
	TEST_ASSERT_SUCCESS(rte_eth_dev_set_link_down(port), "link down");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(port, &link), "link");
	rte_eth_link_to_str(str, sizeof(str), &link);
	TEST_ASSERT(strcmp(str, "Link down") == 0, "'%s'", str);
	TEST_ASSERT(strcmp(rte_eth_link_speed_to_str(RTE_ETH_SPEED_NUM_2_5G), "2.5 Gbps") == 0,
		    "speed string");
	TEST_ASSERT(strcmp(rte_eth_link_speed_to_str(12345), "Invalid") == 0, "invalid");
	TEST_ASSERT_EQUAL(rte_eth_link_to_str(NULL, 10, &link), -EINVAL, "NULL buffer");
	TEST_ASSERT_EQUAL(rte_eth_speed_bitflag(RTE_ETH_SPEED_NUM_100M, 0),
			  RTE_ETH_LINK_SPEED_100M_HD, "bitflag");
	TEST_ASSERT(strcmp(rte_eth_dev_rx_offload_name(RTE_ETH_RX_OFFLOAD_RSS_HASH),
			   "RSS_HASH") == 0, "offload name");

	TEST_ASSERT_SUCCESS(rte_eth_rx_queue_info_get(port, 0, &qi), "rxq info");
	TEST_ASSERT(qi.mp == eth_pool(), "mempool reported");
	TEST_ASSERT_EQUAL(qi.queue_state, RTE_ETH_QUEUE_STATE_STARTED, "started");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_info_get(port, 7, &qi), -EINVAL, "bad queue");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_supported_ptypes(port, ~0u, NULL, 0), 0, "no ptypes");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_intr_enable(port, 0), -ENOTSUP, "no Rx interrupts");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_intr_enable(port, 5), -EINVAL, "bad queue first");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_intr_ctl_q(port, 0, -1, 1, NULL), -ENOTSUP,
			  "intr_conf.rxq not set");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_intr_ctl_q_get_fd(port, 0), -1, "no fd");
	TEST_ASSERT_EQUAL(rte_eth_timesync_enable(port), -ENOTSUP, "no PTP on null");
	TEST_ASSERT_EQUAL(rte_eth_timesync_enable(BAD_PORT), -ENODEV, "bad port");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e3"), "uninit");
	return TEST_SUCCESS;
}

static int
test_ethdev_rss(void)
{
	struct rte_eth_rss_reta_entry64 reta[2];
	struct rte_eth_rss_conf rss;
	struct rte_eth_conf conf;
	uint8_t key[40];
	uint16_t port, i;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IP;
	TEST_ASSERT_SUCCESS(eth_null_started("net_null_e4", &conf, 4, &port), "RSS port");
	memset(reta, 0, sizeof(reta));
	for (i = 0; i < 128; i++) {
		reta[i / 64].mask |= RTE_BIT64(i % 64);
		reta[i / 64].reta[i % 64] = i % 4;
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_rss_reta_update(port, reta, 128), "reta update");
	memset(reta, 0, sizeof(reta));
	reta[1].mask = RTE_BIT64(5);
	TEST_ASSERT_SUCCESS(rte_eth_dev_rss_reta_query(port, reta, 128), "reta query");
	TEST_ASSERT_EQUAL(reta[1].reta[5], (64 + 5) % 4, "entry 69 read back");
	reta[0].mask = 1;
	reta[0].reta[0] = 4;
	TEST_ASSERT_EQUAL(rte_eth_dev_rss_reta_update(port, reta, 128), -EINVAL,
			  "entry pointing past the queues");

	memset(key, 0x5a, sizeof(key));
	rss = (struct rte_eth_rss_conf){ .rss_key = key, .rss_key_len = 40,
					 .rss_hf = RTE_ETH_RSS_NONFRAG_IPV4_TCP };
	TEST_ASSERT_SUCCESS(rte_eth_dev_rss_hash_update(port, &rss), "hash update");
	memset(key, 0, sizeof(key));
	TEST_ASSERT_SUCCESS(rte_eth_dev_rss_hash_conf_get(port, &rss), "hash get");
	TEST_ASSERT_EQUAL(rss.rss_hf, RTE_ETH_RSS_NONFRAG_IPV4_TCP, "hf read back");
	TEST_ASSERT_EQUAL(key[39], 0x5a, "key read back");
	rss.rss_key_len = 12;
	TEST_ASSERT_EQUAL(rte_eth_dev_rss_hash_update(port, &rss), -EINVAL, "key length");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e4"), "uninit");

	TEST_ASSERT_SUCCESS(eth_null_started("net_null_e5", NULL, 1, &port), "plain port");
	rss.rss_key = NULL;
	TEST_ASSERT_EQUAL(rte_eth_dev_rss_hash_update(port, &rss), -ENOTSUP, "RSS off");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e5"), "uninit");
	return TEST_SUCCESS;
}

static int
test_ethdev_xstats(void)
{
	struct rte_eth_xstat_name names[64];
	struct rte_eth_xstat vals[64];
	struct rte_mbuf *pkts[32];
	uint64_t id, v;
	uint16_t port, n;
	int nb, i, found = 0;

	TEST_ASSERT_SUCCESS(eth_null_started("net_null_e6", NULL, 2, &port), "port");
	nb = rte_eth_xstats_get_names(port, NULL, 0);
	/* 8 basic + 2 Rx queues x 3 + 2 Tx queues x 2 (net_null autofills). */
	TEST_ASSERT_EQUAL(nb, 18, "xstats count");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names(port, names, 64), nb, "names");
	TEST_ASSERT(strcmp(names[0].name, "rx_good_packets") == 0, "%s", names[0].name);
	TEST_ASSERT(strcmp(names[7].name, "rx_mbuf_allocation_errors") == 0, "%s",
		    names[7].name);
	for (i = 0; i < nb; i++)
		found += strcmp(names[i].name, "rx_q1_packets") == 0 ||
			 strcmp(names[i].name, "tx_q0_bytes") == 0;
	TEST_ASSERT_EQUAL(found, 2, "per-queue names present");

	n = rte_eth_rx_burst(port, 1, pkts, 32);
	TEST_ASSERT_EQUAL(n, 32, "rx");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 0, pkts, n), 32, "tx");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get(port, vals, 4), nb, "too small: count returned");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get(port, vals, 64), nb, "values");
	TEST_ASSERT_EQUAL(vals[0].value, 32, "rx_good_packets");
	TEST_ASSERT_EQUAL(vals[2].value, 32 * 64, "rx_good_bytes");
	TEST_ASSERT_SUCCESS(rte_eth_xstats_get_id_by_name(port, "rx_q1_packets", &id), "id");
	TEST_ASSERT_EQUAL(vals[id].value, 32, "rx_q1_packets");
	TEST_ASSERT_EQUAL(vals[id].id, id, "ids are indexes");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, &id, &v, 1), 1, "by id");
	TEST_ASSERT_EQUAL(v, 32, "by id value");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_id_by_name(port, "nope", &id), -EINVAL, "unknown");
	TEST_ASSERT_SUCCESS(rte_eth_xstats_reset(port), "reset");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get(port, vals, 64), nb, "values");
	TEST_ASSERT_EQUAL(vals[0].value + vals[1].value, 0, "zeroed");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e6"), "uninit");
	return TEST_SUCCESS;
}

/* The *_by_id and count rules of DPDK 22.11 on a net_null port with 18 xstats. */
static int
test_ethdev_xstats_by_id(void)
{
	struct rte_eth_xstat_name names[64];
	uint64_t ids[2] = { 0, 17 }, bad_ids[2] = { 0, 18 }, values[64], id;
	uint16_t port;

	TEST_ASSERT_SUCCESS(eth_null_started("net_null_e10", NULL, 2, &port), "port");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, NULL, 0), 18, "count");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, NULL, 5), 18,
			  "no table, any size: count");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, values, 4), 18,
			  "table too small: the number needed");
	values[0] = 99;
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, values, 64), 18, "all");
	TEST_ASSERT_EQUAL(values[0], 0, "rx_good_packets read");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, ids, values, 2), 2, "two ids");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, ids, NULL, 2), -EINVAL,
			  "ids without a table");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, ids, NULL, 0), -EINVAL,
			  "ids without a table, size 0");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, bad_ids, values, 2), -EINVAL,
			  "id out of range");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(BAD_PORT, NULL, NULL, 0), -ENODEV,
			  "bad port");

	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, NULL, 0, NULL), 18, "count");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, names, 4, NULL), 18,
			  "too small: the number needed");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, names, 64, NULL), 18, "all");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, NULL, 2, ids), -EINVAL,
			  "ids without a table");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(BAD_PORT, NULL, 2, ids), -ENODEV,
			  "the port is checked first");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, names, 2, bad_ids), -EINVAL,
			  "id out of range");
	memset(names, 0, sizeof(names));
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, names, 2, ids), 2, "two ids");
	TEST_ASSERT(strcmp(names[0].name, "rx_good_packets") == 0, "%s", names[0].name);
	TEST_ASSERT(strcmp(names[1].name, "tx_q1_bytes") == 0, "%s", names[1].name);

	TEST_ASSERT_EQUAL(rte_eth_xstats_get_id_by_name(port, NULL, &id), -ENOMEM,
			  "NULL name: DPDK's -ENOMEM");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_id_by_name(port, "rx_errors", NULL), -ENOMEM,
			  "NULL id: DPDK's -ENOMEM");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_id_by_name(BAD_PORT, NULL, NULL), -ENODEV,
			  "the port is checked first");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get(port, NULL, 5), -EINVAL, "NULL table, n > 0");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get(port, NULL, 0), 18, "NULL table, n 0: count");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e10"), "uninit");
	return TEST_SUCCESS;
}

/*
 * A port whose driver answers what the test sets, to see what ethdev makes of
 * the driver's results.
 */
static struct {
	int xstats_names_ret;	/* < 0: xstats_get_names fails with it */
	int xstats_ret;		/* < 0: xstats_get fails with it */
	int stop_ret;
	int promisc_ret;
	int promisc_off_ret;
	uint64_t rx_offloads_dropped;	/* dev_configure clears these */
	int promisc_seen;	/* data->promiscuous when the disable op ran */
	unsigned int xstats_resets;
	unsigned int stats_resets;
	unsigned int resets;
} fake;

static int
fake_infos_get(struct rte_eth_dev *dev __rte_unused, struct rte_eth_dev_info *info)
{
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->max_rx_queues = 2;
	info->max_tx_queues = 2;
	info->max_mac_addrs = 2;
	info->max_rx_pktlen = 1518;	/* max_mtu left unset: the frame size limits it */
	return 0;
}

static int
fake_ok(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
fake_configure(struct rte_eth_dev *dev)
{
	dev->data->dev_conf.rxmode.offloads &= ~fake.rx_offloads_dropped;
	return 0;
}

static int
fake_stop(struct rte_eth_dev *dev __rte_unused)
{
	return fake.stop_ret;
}

static int
fake_promisc_enable(struct rte_eth_dev *dev __rte_unused)
{
	return fake.promisc_ret;
}

static int
fake_promisc_disable(struct rte_eth_dev *dev)
{
	fake.promisc_seen = dev->data->promiscuous;
	return fake.promisc_off_ret;
}

static int
fake_reset(struct rte_eth_dev *dev __rte_unused)
{
	fake.resets++;
	return 0;
}

static int
fake_link_update(struct rte_eth_dev *dev __rte_unused, int wait __rte_unused)
{
	return 0;
}

static int
fake_mtu_set(struct rte_eth_dev *dev __rte_unused, uint16_t mtu __rte_unused)
{
	return 0;
}

static int
fake_rxq_setup(struct rte_eth_dev *dev, uint16_t q, uint16_t nb __rte_unused,
	       unsigned int socket __rte_unused, const struct rte_eth_rxconf *conf __rte_unused,
	       struct rte_mempool *mp __rte_unused)
{
	dev->data->rx_queues[q] = &fake;
	return 0;
}

static int
fake_txq_setup(struct rte_eth_dev *dev, uint16_t q, uint16_t nb __rte_unused,
	       unsigned int socket __rte_unused, const struct rte_eth_txconf *conf __rte_unused)
{
	dev->data->tx_queues[q] = &fake;
	return 0;
}

static int
fake_queue_op(struct rte_eth_dev *dev __rte_unused, uint16_t q __rte_unused)
{
	return 0;
}

static int
fake_stats_get(struct rte_eth_dev *dev __rte_unused, struct rte_eth_stats *st __rte_unused)
{
	return 0;
}

static int
fake_stats_reset(struct rte_eth_dev *dev __rte_unused)
{
	fake.stats_resets++;
	return 0;
}

static int
fake_xstats_get_names(struct rte_eth_dev *dev __rte_unused, struct rte_eth_xstat_name *names,
		      unsigned int size)
{
	if (fake.xstats_names_ret < 0)
		return fake.xstats_names_ret;
	if (names != NULL && size >= 1)
		snprintf(names[0].name, sizeof(names[0].name), "fake_drops");
	return 1;
}

static int
fake_xstats_get(struct rte_eth_dev *dev __rte_unused, struct rte_eth_xstat *xs, unsigned int n)
{
	if (fake.xstats_ret < 0)
		return fake.xstats_ret;
	if (xs != NULL && n >= 1)
		xs[0] = (struct rte_eth_xstat){ .id = 0, .value = 7 };
	return 1;
}

static int
fake_xstats_reset(struct rte_eth_dev *dev __rte_unused)
{
	fake.xstats_resets++;
	return 0;
}

static struct eth_dev_ops fake_ops;

static void
fake_ops_init(void)
{
	fake_ops = (struct eth_dev_ops){
		.dev_configure = fake_configure,
		.dev_start = fake_ok,
		.dev_stop = fake_stop,
		.dev_close = fake_ok,
		.dev_reset = fake_reset,
		.dev_infos_get = fake_infos_get,
		.link_update = fake_link_update,
		.promiscuous_enable = fake_promisc_enable,
		.promiscuous_disable = fake_promisc_disable,
		.mtu_set = fake_mtu_set,
		.rx_queue_setup = fake_rxq_setup,
		.tx_queue_setup = fake_txq_setup,
		.rx_queue_stop = fake_queue_op,
		.stats_get = fake_stats_get,
		.stats_reset = fake_stats_reset,
		.xstats_get = fake_xstats_get,
		.xstats_get_names = fake_xstats_get_names,
		.xstats_reset = fake_xstats_reset,
	};
	memset(&fake, 0, sizeof(fake));
}

static int
fake_port_create(uint16_t *port)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocate("fake_eth0");

	if (dev == NULL)
		return -rte_errno;
	fake_ops_init();
	dev->dev_ops = &fake_ops;
	dev->data->mac_addrs = rte_zmalloc(NULL, 2 * sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	rte_eth_dev_probing_finish(dev);
	*port = dev->data->port_id;
	return 0;
}

/* Configured with one queue pair set up, not started. */
static int
fake_port_ready(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL);
	return ret;
}

static int
fake_xstats_body(uint16_t port)
{
	struct rte_eth_xstat_name names[16];
	uint64_t ids[1] = { 8 }, basic_ids[1] = { 5 }, values[16], id = 0;

	/* The driver's error comes back as it is, not as -ENOMEM. */
	fake.xstats_names_ret = -EIO;
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names(port, NULL, 0), -EIO, "names count");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, NULL, 0), -EIO, "count by id");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, ids, values, 1), -EIO, "by id");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_names_by_id(port, names, 1, ids), -EIO,
			  "names by id");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_id_by_name(port, "fake_drops", &id), -EIO,
			  "id by name");
	fake.xstats_names_ret = 0;
	fake.xstats_ret = -ENXIO;
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, ids, values, 1), -ENXIO,
			  "the driver's xstats_get error, not -ENOMEM");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, values, 16), -ENXIO,
			  "all of them: the same");
	values[0] = 99;
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, basic_ids, values, 1), 1,
			  "generic ids only: the driver's xstats are not read, as DPDK");
	TEST_ASSERT_EQUAL(values[0], 0, "rx_errors read");
	fake.xstats_ret = 0;
	/* 8 basic (no per-queue autofill) + the driver's one */
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, NULL, NULL, 0), 9, "count");
	TEST_ASSERT_SUCCESS(rte_eth_xstats_get_id_by_name(port, "fake_drops", &id), "by name");
	TEST_ASSERT_EQUAL(id, 8, "behind the basic ones");
	TEST_ASSERT_EQUAL(rte_eth_xstats_get_by_id(port, ids, values, 1), 1, "by id");
	TEST_ASSERT_EQUAL(values[0], 7, "the driver's value");
	TEST_ASSERT_SUCCESS(rte_eth_xstats_reset(port), "xstats reset");
	TEST_ASSERT_EQUAL(fake.xstats_resets, 1, "driver's xstats reset ran");
	TEST_ASSERT_EQUAL(fake.stats_resets, 0, "and nothing else, as DPDK");
	return TEST_SUCCESS;
}

static int
fake_config_body(uint16_t port, struct rte_mempool *mp)
{
	struct rte_mempool *plain;
	struct rte_eth_dev_info info;
	struct rte_eth_rxconf rxconf;
	struct rte_eth_conf conf;
	union rte_eth_rxseg seg;
	int ret;

	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info");
	TEST_ASSERT_EQUAL(info.max_mtu, UINT16_MAX, "max_mtu as the driver left it");
	TEST_ASSERT_EQUAL(info.switch_info.domain_id, RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID,
			  "no switch domain");
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = 1501;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
			  "1501 + 18 bytes exceed max_rx_pktlen 1518");
	conf.rxmode.mtu = 0;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IP;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
			  "RSS types the device lacks, even without RSS mq_mode");
	TEST_ASSERT_SUCCESS(fake_port_ready(port, mp), "configure and queues");
	conf.rx_adv_conf.rss_conf.rss_hf = 0;
	conf.rxmode.mtu = 9000;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL, "bad MTU");
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -EINVAL,
			  "a failed configure leaves the port unconfigured");
	TEST_ASSERT_SUCCESS(fake_port_ready(port, mp), "configure again");
	conf.rxmode.mtu = 0;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	fake.rx_offloads_dropped = RTE_ETH_RX_OFFLOAD_SCATTER;
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
			  "the driver dropped a requested offload");
	fake.rx_offloads_dropped = 0;
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -EINVAL, "so the port is unconfigured");
	TEST_ASSERT_SUCCESS(fake_port_ready(port, mp), "configure again");

	memset(&rxconf, 0, sizeof(rxconf));
	memset(&seg, 0, sizeof(seg));
	seg.split.mp = mp;
	rxconf.rx_seg = &seg;
	rxconf.rx_nseg = 1;
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, &rxconf, mp),
			  -EINVAL, "a mempool and segments at once");
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, &rxconf, NULL),
			  -EINVAL, "segments without BUFFER_SPLIT");
	memset(&rxconf, 0, sizeof(rxconf));
	rxconf.share_group = 1;
	TEST_ASSERT_EQUAL(rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, &rxconf, mp),
			  -EINVAL, "share_group without RXQ_SHARE");
	plain = rte_mempool_create("ethdev_plain", 63, 2048, 0, 0, NULL, NULL, NULL, NULL,
				   SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(plain, "plain pool");
	ret = rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL, plain);
	rte_mempool_free(plain);
	TEST_ASSERT_EQUAL(ret, -ENOSPC, "not a pktmbuf pool: DPDK's -ENOSPC");

	TEST_ASSERT_SUCCESS(rte_eth_dev_set_mtu(port, 1500), "MTU 1500 fits 1518");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_mtu(port, 1501), -EINVAL, "MTU 1501 does not");
	fake_ops.dev_infos_get = NULL;
	TEST_ASSERT_SUCCESS(rte_eth_dev_set_mtu(port, 1501),
			    "no dev_infos_get: no limits to check, as DPDK");
	fake_ops.dev_infos_get = fake_infos_get;
	return TEST_SUCCESS;
}

static int
fake_state_body(uint16_t port)
{
	static const struct rte_ether_addr zero;
	uint16_t mtu;

	TEST_ASSERT_EQUAL(rte_eth_dev_mac_addr_add(port, (struct rte_ether_addr *)&zero, 0),
			  -ENOTSUP, "no mac_addr_add op: -ENOTSUP before the address check");
	TEST_ASSERT_EQUAL(rte_eth_dev_mac_addr_add(port, NULL, 0), -EINVAL, "NULL address");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_queue_start(port, 0), -EINVAL,
			  "queue start on a stopped port, op or not");
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_queue_stop(port, 0),
			    "queue stop on a stopped port: already stopped");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_queue_stop(port, 1), -EINVAL, "bad queue");

	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(port), "promiscuous on");
	fake.promisc_off_ret = -EPERM;
	fake.promisc_seen = -1;
	TEST_ASSERT_EQUAL(rte_eth_promiscuous_disable(port), -EPERM, "the driver's error");
	TEST_ASSERT_EQUAL(fake.promisc_seen, 0, "the disable op sees the mode off already");
	TEST_ASSERT_EQUAL(rte_eth_promiscuous_get(port), 1, "still on after the failure");
	fake.promisc_off_ret = 0;
	fake.promisc_ret = -EIO;
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -EIO, "restoring promiscuous mode failed");
	TEST_ASSERT_EQUAL(rte_eth_devices[port].data->dev_started, 0, "and the port stopped");
	fake_ops.dev_infos_get = NULL;
	TEST_ASSERT_EQUAL(rte_eth_dev_start(port), -ENOTSUP, "no dev_infos_get: no start");
	fake_ops.dev_infos_get = fake_infos_get;
	fake.promisc_ret = -ENOTSUP;
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(port), "-ENOTSUP from the restore is fine");

	fake.stop_ret = -EIO;
	TEST_ASSERT_EQUAL(rte_eth_dev_stop(port), -EIO, "the driver's stop error");
	TEST_ASSERT_SUCCESS(rte_eth_dev_reset(port), "reset goes ahead when stop fails");
	TEST_ASSERT_EQUAL(fake.resets, 1, "driver reset ran");
	fake.stop_ret = 0;
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");

	fake_ops.dev_close = NULL;
	TEST_ASSERT_EQUAL(rte_eth_dev_close(port), -ENOTSUP, "no dev_close op");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_mtu(port, &mtu), "port still there");
	fake_ops.dev_close = fake_ok;
	return TEST_SUCCESS;
}

static int
test_ethdev_driver_results(void)
{
	uint16_t port = 0;
	int ret;

	TEST_ASSERT_SUCCESS(fake_port_create(&port), "fake port");
	ret = fake_xstats_body(port);
	if (ret == TEST_SUCCESS)
		ret = fake_config_body(port, eth_pool());
	if (ret == TEST_SUCCESS)
		ret = fake_state_body(port);
	rte_eth_devices[port].data->dev_started = 0;
	rte_eth_dev_release_port(&rte_eth_devices[port]);
	return ret;
}

struct ev_count {
	unsigned int calls;
	uint16_t port;
	enum rte_eth_event_type type;
};

static int
ev_cb(uint16_t port_id, enum rte_eth_event_type event, void *arg, void *ret_param)
{
	struct ev_count *c = arg;

	(void)ret_param;
	c->calls++;
	c->port = port_id;
	c->type = event;
	return 0;
}

static int
test_ethdev_event_callbacks(void)
{
	struct ev_count lsc = { 0 }, created = { 0 }, destroyed = { 0 };
	uint16_t port, port2;

	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
							  ev_cb, &created), "NEW on all");
	TEST_ASSERT_SUCCESS(eth_null_port("net_null_e7", &port), "create");
	TEST_ASSERT_EQUAL(created.calls, 1, "NEW event for the probed port");
	TEST_ASSERT_EQUAL(created.port, port, "with its id");

	TEST_ASSERT_EQUAL(rte_eth_dev_callback_register(BAD_PORT, RTE_ETH_EVENT_INTR_LSC, ev_cb,
							&lsc), -EINVAL, "bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, NULL,
							&lsc), -EINVAL, "NULL fn");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, ev_cb,
							  &lsc), "LSC");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(port, RTE_ETH_EVENT_DESTROY, ev_cb,
							  &destroyed), "DESTROY");
	/* What a driver's interrupt handler does when the link changes. */
	rte_eth_dev_callback_process(&rte_eth_devices[port], RTE_ETH_EVENT_INTR_LSC, NULL);
	TEST_ASSERT_EQUAL(lsc.calls, 1, "LSC callback ran once");
	TEST_ASSERT_EQUAL(lsc.port, port, "for this port");
	TEST_ASSERT_EQUAL(lsc.type, RTE_ETH_EVENT_INTR_LSC, "with the event");
	rte_eth_dev_callback_process(&rte_eth_devices[port], RTE_ETH_EVENT_INTR_RMV, NULL);
	TEST_ASSERT_EQUAL(lsc.calls, 1, "other events do not call it");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_unregister(port, RTE_ETH_EVENT_INTR_LSC,
							    ev_cb, (void *)-1), "unregister");
	rte_eth_dev_callback_process(&rte_eth_devices[port], RTE_ETH_EVENT_INTR_LSC, NULL);
	TEST_ASSERT_EQUAL(lsc.calls, 1, "not called after unregister");

	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e7"), "uninit");
	TEST_ASSERT_EQUAL(destroyed.calls, 1, "DESTROY on release");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
							    ev_cb, &created), "unregister all");
	TEST_ASSERT_SUCCESS(eth_null_port("net_null_e8", &port2), "create again");
	TEST_ASSERT_EQUAL(created.calls, 1, "no NEW after unregister");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_unregister(port2, RTE_ETH_EVENT_DESTROY,
							    ev_cb, &destroyed), "unregister");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e8"), "uninit");
	return TEST_SUCCESS;
}

/* Rx callback: keep every other packet, free the rest. */
static uint16_t
rx_halve(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, uint16_t max,
	 void *arg)
{
	uint16_t i, kept = 0;

	(void)port;
	(void)q;
	(void)max;
	*(unsigned int *)arg += 1;
	for (i = 0; i < nb; i++) {
		if (i % 2 == 0)
			pkts[kept++] = pkts[i];
		else
			rte_pktmbuf_free(pkts[i]);
	}
	return kept;
}

/* Rx callback that records its order of call in arg. */
static uint16_t
rx_order(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, uint16_t max,
	 void *arg)
{
	unsigned int *calls = arg;

	(void)port;
	(void)q;
	(void)pkts;
	(void)max;
	*calls = *calls * 10 + 7;
	return nb;
}

static uint16_t
tx_count(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, void *arg)
{
	(void)port;
	(void)q;
	(void)pkts;
	*(unsigned int *)arg += nb;
	return nb;
}

/* call returns NULL and sets rte_errno to EINVAL. */
#define ASSERT_NULL_EINVAL(call, what) do { \
	rte_errno = 0; \
	TEST_ASSERT_NULL(call, what); \
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "%s: rte_errno EINVAL", what); \
} while (0)

static int
test_ethdev_rxtx_callbacks(void)
{
	const struct rte_eth_rxtx_callback *cb1, *cb2, *cb3;
	struct rte_mbuf *pkts[32];
	unsigned int halves = 0, tx_seen = 0;
	uint16_t port, n;

	TEST_ASSERT_SUCCESS(eth_null_started("net_null_e9", NULL, 1, &port), "port");
	cb1 = rte_eth_add_rx_callback(port, 0, rx_halve, &halves);
	TEST_ASSERT_NOT_NULL(cb1, "add rx cb");
	n = rte_eth_rx_burst(port, 0, pkts, 32);
	TEST_ASSERT_EQUAL(n, 16, "callback dropped half");
	TEST_ASSERT_EQUAL(halves, 1, "ran once");
	cb2 = rte_eth_add_first_rx_callback(port, 0, rx_order, &halves);
	TEST_ASSERT_NOT_NULL(cb2, "add first");
	halves = 0;
	rte_pktmbuf_free_bulk(pkts, n);
	n = rte_eth_rx_burst(port, 0, pkts, 32);
	/* rx_order (first) makes 0 -> 7, then rx_halve adds 1. */
	TEST_ASSERT_EQUAL(halves, 8, "first callback ran before the other");
	TEST_ASSERT_EQUAL(n, 16, "still halved");
	cb3 = rte_eth_add_tx_callback(port, 0, tx_count, &tx_seen);
	TEST_ASSERT_NOT_NULL(cb3, "add tx cb");
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 0, pkts, n), 16, "tx");
	TEST_ASSERT_EQUAL(tx_seen, 16, "tx callback saw the burst");

	TEST_ASSERT_SUCCESS(rte_eth_remove_rx_callback(port, 0, cb1), "remove");
	TEST_ASSERT_SUCCESS(rte_eth_remove_rx_callback(port, 0, cb2), "remove");
	TEST_ASSERT_EQUAL(rte_eth_remove_rx_callback(port, 0, cb1), -EINVAL, "twice");
	TEST_ASSERT_SUCCESS(rte_eth_remove_tx_callback(port, 0, cb3), "remove tx");
	n = rte_eth_rx_burst(port, 0, pkts, 32);
	TEST_ASSERT_EQUAL(n, 32, "no callback: full burst");
	rte_pktmbuf_free_bulk(pkts, n);
	rte_free((void *)(uintptr_t)cb1);
	rte_free((void *)(uintptr_t)cb2);
	rte_free((void *)(uintptr_t)cb3);
	/* DPDK: a bad port is EINVAL for all three, like a bad queue or a NULL fn. */
	ASSERT_NULL_EINVAL(rte_eth_add_rx_callback(port, 3, rx_halve, NULL), "bad queue");
	ASSERT_NULL_EINVAL(rte_eth_add_rx_callback(BAD_PORT, 0, rx_halve, NULL), "bad port");
	ASSERT_NULL_EINVAL(rte_eth_add_first_rx_callback(BAD_PORT, 0, rx_halve, NULL),
			   "first, bad port");
	ASSERT_NULL_EINVAL(rte_eth_add_tx_callback(BAD_PORT, 0, tx_count, NULL), "tx, bad port");
	ASSERT_NULL_EINVAL(rte_eth_add_first_rx_callback(port, 0, NULL, NULL), "NULL fn");
	ASSERT_NULL_EINVAL(rte_eth_add_tx_callback(port, 1, tx_count, NULL), "bad Tx queue");
	TEST_ASSERT_EQUAL(rte_eth_remove_rx_callback(BAD_PORT, 0, cb1), -ENODEV,
			  "remove keeps ENODEV for a bad port, as DPDK");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_e9"), "uninit");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(eth_pool()), NB_MBUF, "no mbuf leaked");
	return TEST_SUCCESS;
}

static int
test_ethdev_tx_buffer(void)
{
	struct rte_eth_dev_tx_buffer *buf = rte_zmalloc(NULL, RTE_ETH_TX_BUFFER_SIZE(32), 0);
	struct rte_ring *r = rte_ring_create("ethdev_txbuf", 16, SOCKET_ID_ANY,
					     RING_F_SP_ENQ | RING_F_SC_DEQ);
	struct rte_mempool *mp = eth_pool();
	struct rte_eth_conf conf;
	struct rte_mbuf *m;
	uint64_t dropped = 0;
	uint16_t sent = 0, i;
	int port;

	memset(&conf, 0, sizeof(conf));
	TEST_ASSERT(buf != NULL && r != NULL, "buffer and ring");
	port = rte_eth_from_ring(r);
	TEST_ASSERT(port >= 0, "port over a 15-slot ring");
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(port, 1, 1, &conf), "configure");
	TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(port, 0, 0, 0, NULL, mp), "rxq");
	TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(port, 0, 0, 0, NULL), "txq");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(port), "start");

	TEST_ASSERT_EQUAL(rte_eth_tx_buffer_init(NULL, 32), -EINVAL, "NULL buffer");
	TEST_ASSERT_SUCCESS(rte_eth_tx_buffer_init(buf, 32), "init");
	TEST_ASSERT_SUCCESS(rte_eth_tx_buffer_set_err_callback(buf,
				rte_eth_tx_buffer_count_callback, &dropped), "count cb");
	for (i = 0; i < 31; i++) {
		m = rte_pktmbuf_alloc(mp);
		TEST_ASSERT_NOT_NULL(m, "alloc");
		TEST_ASSERT_EQUAL(rte_eth_tx_buffer(port, 0, buf, m), 0, "buffered, not sent");
	}
	TEST_ASSERT_EQUAL(buf->length, 31, "31 waiting");
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	sent = rte_eth_tx_buffer(port, 0, buf, m);
	TEST_ASSERT_EQUAL(sent, 15, "the 32nd flushes: the ring takes 15");
	TEST_ASSERT_EQUAL(dropped, 17, "the other 17 counted and freed");
	TEST_ASSERT_EQUAL(buf->length, 0, "buffer empty");
	TEST_ASSERT_EQUAL(rte_eth_tx_buffer_flush(port, 0, buf), 0, "nothing to flush");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF - 15, "15 in the ring");

	/* Drain the ring; the default drop callback frees what does not fit. */
	{
		struct rte_mbuf *rx[32];
		uint16_t n = rte_eth_rx_burst(port, 0, rx, 32);

		TEST_ASSERT_EQUAL(n, 15, "15 looped back");
		TEST_ASSERT_SUCCESS(rte_eth_tx_buffer_set_err_callback(buf,
					rte_eth_tx_buffer_drop_callback, NULL), "drop cb");
		for (i = 0; i < n; i++)
			rte_eth_tx_buffer(port, 0, buf, rx[i]);
		m = rte_pktmbuf_alloc(mp);
		rte_eth_tx_buffer(port, 0, buf, m);
		TEST_ASSERT_EQUAL(rte_eth_tx_buffer_flush(port, 0, buf), 15, "flush 16: 15 fit");
		TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF - 15, "1 dropped+freed");
		n = rte_eth_rx_burst(port, 0, rx, 32);
		rte_pktmbuf_free_bulk(rx, n);
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");
	TEST_ASSERT_SUCCESS(rte_eth_dev_close(port), "close");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_ring_ethdev_txbuf"), "uninit");
	rte_ring_free(r);
	rte_free(buf);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "no mbuf leaked");
	return TEST_SUCCESS;
}

static int
test_ethdev_cleanup(void)
{
	rte_mempool_free(eth_pool());
	return TEST_SUCCESS;
}

static const struct test_case ethdev_cases[] = {
	TEST_CASE(test_ethdev_wrong_state),
	TEST_CASE(test_ethdev_ports_and_info),
	TEST_CASE(test_ethdev_modes_mac_mtu_link),
	TEST_CASE(test_ethdev_rss),
	TEST_CASE(test_ethdev_xstats),
	TEST_CASE(test_ethdev_xstats_by_id),
	TEST_CASE(test_ethdev_driver_results),
	TEST_CASE(test_ethdev_event_callbacks),
	TEST_CASE(test_ethdev_rxtx_callbacks),
	TEST_CASE(test_ethdev_tx_buffer),
	TEST_CASE(test_ethdev_cleanup),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(ethdev, TEST_SUITE_EAL, ethdev_cases);
