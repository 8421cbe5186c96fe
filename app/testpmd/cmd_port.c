/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The commands that change ports: port start|stop|close|config, set
 * promisc|allmulti|link-up|link-down and mac_addr, with DPDK testpmd's
 * words and refusals.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>

#include "testpmd.h"

/*
 * "port reset all|N": the driver resets the device; the next start
 * configures the port again, as after a reset the device keeps nothing.
 */
static int
ports_reset(int port)
{
	uint16_t pid;
	int failed = 0;

	if (port == PORT_ALL ? !ports_all_stopped() : ports[port].started) {
		printf("Can not reset port(s), please stop port(s) first.\n");
		return -1;
	}
	printf("Resetting ports...\n");
	RTE_ETH_FOREACH_DEV(pid) {
		int diag;

		if (port != PORT_ALL && pid != port)
			continue;
		diag = rte_eth_dev_reset(pid);
		if (diag == 0) {
			ports[pid].configured = false;
		} else {
			printf("Failed to reset port %d. diag=%d\n", pid, diag);
			failed++;
		}
	}
	printf("Done\n");
	return failed ? -1 : 0;
}

static int
port_start_stop_close(const char *what, int port)
{
	if (strcmp(what, "start") == 0)
		return ports_start((uint16_t)port);
	if (strcmp(what, "stop") == 0)
		return ports_stop((uint16_t)port);
	if (strcmp(what, "reset") == 0)
		return ports_reset(port);
	return ports_close_one((uint16_t)port);
}

/* The tightest limit over all ports, and the port that sets it. */
struct port_limit {
	uint16_t value;
	uint16_t port_id;
};

static void
port_limit_tighten(struct port_limit *l, uint16_t value, uint16_t pid, bool is_max)
{
	if (is_max ? value < l->value : value > l->value) {
		l->value = value;
		l->port_id = pid;
	}
}

/*
 * "port config all rxfreet|txfreet|txrst N" and "port config all max-pkt-len N":
 * taken by every port at its next start, as DPDK's testpmd. The port's limits
 * are checked then (configure names the cause). "port config all burst N" is
 * "set burst N" on stopped ports. Returns 1 for another name.
 */
static int
port_config_all_value(const char *name, const char *arg)
{
	int32_t *thresh = strcmp(name, "rxfreet") == 0 ? &cfg.rx_free_thresh :
			  strcmp(name, "txfreet") == 0 ? &cfg.tx_free_thresh :
			  strcmp(name, "txrst") == 0   ? &cfg.tx_rs_thresh :
							 NULL;
	bool pkt_len = strcmp(name, "max-pkt-len") == 0;
	bool burst = strcmp(name, "burst") == 0;
	unsigned long v;

	if (thresh == NULL && !pkt_len && !burst)
		return 1;
	if (cmd_number_arg(name, arg, 0, pkt_len ? UINT32_MAX : UINT16_MAX, &v) < 0)
		return -1;
	if (!ports_all_stopped()) {
		printf("Please stop all ports first\n");
		return -1;
	}
	if (pkt_len && v < RTE_ETHER_MIN_LEN) {
		printf("max-pkt-len can not be less than %d\n", RTE_ETHER_MIN_LEN);
		return -1;
	}
	if (burst && (v == 0 || v > TESTPMD_MAX_BURST)) {
		/* DPDK asks the driver for 0; Sluice's drivers give no preferred burst. */
		printf("burst must be >= 1 && <= %d\n", TESTPMD_MAX_BURST);
		return -1;
	}
	if (burst) {
		cfg.burst = (uint16_t)v;
		return 0;
	}
	if (pkt_len)
		cfg.max_pkt_len = (uint32_t)v;
	else
		*thresh = (int32_t)v;
	ports_reconfig();
	return 0;
}

/* "port config all rxq|txq|rxd|txd N": checked against every port, as DPDK's. */
static int
port_config_all(const char *name, const char *arg)
{
	int ret = port_config_all_value(name, arg);

	if (ret <= 0)
		return ret;
	struct port_limit max = {UINT16_MAX, 0}, min = {0, 0};
	bool queues = strcmp(name, "rxq") == 0 || strcmp(name, "txq") == 0;
	bool rx = name[0] == 'r';
	unsigned long v;
	uint16_t pid;

	if (!queues && strcmp(name, "rxd") != 0 && strcmp(name, "txd") != 0) {
		printf("Unknown parameter '%s'; use rxq, txq, rxd, txd, rxfreet, txfreet, txrst, "
		       "max-pkt-len or burst\n",
		       name);
		return -1;
	}
	if (cmd_number_arg(name, arg, 1, queues ? TESTPMD_MAX_QUEUES : UINT16_MAX, &v) < 0)
		return -1;
	if (!ports_all_stopped()) {
		printf("Please stop all ports first\n");
		return -1;
	}
	RTE_ETH_FOREACH_DEV(pid)
	{
		struct rte_eth_dev_info info;
		const struct rte_eth_desc_lim *lim;

		if (rte_eth_dev_info_get(pid, &info) != 0)
			continue;
		lim = rx ? &info.rx_desc_lim : &info.tx_desc_lim;
		if (queues) {
			port_limit_tighten(&max, rx ? info.max_rx_queues : info.max_tx_queues, pid,
					   true);
		} else {
			port_limit_tighten(&max, lim->nb_max, pid, true);
			port_limit_tighten(&min, lim->nb_min, pid, false);
		}
	}
	if (v > max.value) {
		printf("Fail: input %s (%lu) can't be greater than %s (%u) of port %u\n", name, v,
		       queues ? (rx ? "max_rx_queues" : "max_tx_queues")
			      : (rx ? "max_rxds" : "max_txds"),
		       max.value, max.port_id);
		return -1;
	}
	if (!queues && v < min.value) {
		printf("Fail: input %s (%lu) can't be less than %s (%u) of port %u\n", name, v,
		       rx ? "min_rxds" : "min_txds", min.value, min.port_id);
		return -1;
	}
	if (strcmp(name, "rxq") == 0)
		cfg.nb_rxq = (uint16_t)v;
	else if (strcmp(name, "txq") == 0)
		cfg.nb_txq = (uint16_t)v;
	else if (rx)
		cfg.nb_rxd = (uint16_t)v;
	else
		cfg.nb_txd = (uint16_t)v;
	/* Like DPDK's testpmd: the next "port start" sets the queues up again. */
	ports_reconfig();
	return 0;
}

static int
port_config_mtu(const char *port_arg, const char *mtu_arg)
{
	struct rte_eth_dev_info info;
	unsigned long mtu;
	int port, ret;

	port = cmd_one_port_arg(port_arg);
	if (port < 0)
		return -1;
	if (cmd_number_arg("mtu", mtu_arg, 0, UINT16_MAX, &mtu) < 0)
		return -1;
	ret = rte_eth_dev_info_get((uint16_t)port, &info);
	if (ret != 0) {
		printf("Cannot get the device info of port %d: %s\n", port, strerror(-ret));
		return -1;
	}
	if (mtu < info.min_mtu) {
		printf("MTU (%lu) < device min MTU (%u) for port_id %d\n", mtu, info.min_mtu, port);
		return -1;
	}
	if (mtu > info.max_mtu) {
		printf("MTU (%lu) > device max MTU (%u) for port_id %d\n", mtu, info.max_mtu, port);
		return -1;
	}
	ret = rte_eth_dev_set_mtu((uint16_t)port, (uint16_t)mtu);
	if (ret != 0) {
		printf("Set MTU failed. diag=%d\n", ret);
		return -1;
	}
	return 0;
}

/* The words "port config all rss" takes, with DPDK testpmd's type sets. */
static const struct {
	const char *word;
	uint64_t types;
} rss_type_sets[] = {
	{"all", RTE_ETH_RSS_ETH | RTE_ETH_RSS_VLAN | RTE_ETH_RSS_IP | RTE_ETH_RSS_TCP |
			RTE_ETH_RSS_UDP | RTE_ETH_RSS_SCTP | RTE_ETH_RSS_L2_PAYLOAD |
			RTE_ETH_RSS_L2TPV3 | RTE_ETH_RSS_ESP | RTE_ETH_RSS_AH | RTE_ETH_RSS_PFCP |
			RTE_ETH_RSS_GTPU | RTE_ETH_RSS_ECPRI | RTE_ETH_RSS_MPLS | RTE_ETH_RSS_L2TPV2},
	{"ip", RTE_ETH_RSS_IP},
	{"udp", RTE_ETH_RSS_UDP},
	{"tcp", RTE_ETH_RSS_TCP},
	{"none", 0},
};

/*
 * "port config all rss all|ip|udp|tcp|none": each port hashes the types
 * it supports among those asked for, as DPDK's testpmd.
 */
static int
port_config_all_rss(const char *word)
{
	struct rte_eth_rss_conf conf = {0};
	bool all_updated = true;
	size_t i;
	uint16_t pid;

	for (i = 0; i < RTE_DIM(rss_type_sets) && strcmp(rss_type_sets[i].word, word) != 0; i++)
		;
	if (i == RTE_DIM(rss_type_sets)) {
		printf("Unknown parameter '%s'; use all, ip, udp, tcp or none\n", word);
		return -1;
	}
	conf.rss_hf = rss_type_sets[i].types;
	RTE_ETH_FOREACH_DEV(pid) {
		struct rte_eth_rss_conf port_conf = conf;
		struct rte_eth_dev_info info;
		int diag;

		if (rte_eth_dev_info_get(pid, &info) != 0)
			return -1;
		port_conf.rss_hf &= info.flow_type_rss_offloads;
		if (port_conf.rss_hf != conf.rss_hf)
			printf("Port %u modified RSS hash function based on hardware support,"
			       "requested:%#" PRIx64 " configured:%#" PRIx64 "\n",
			       pid, conf.rss_hf, port_conf.rss_hf);
		diag = rte_eth_dev_rss_hash_update(pid, &port_conf);
		if (diag < 0) {
			all_updated = false;
			printf("Configuration of RSS hash at ethernet port %d failed with error "
			       "(%d): %s.\n",
			       pid, -diag, strerror(-diag));
		}
	}
	if (!all_updated)
		return -1;
	/* Ports configured later hash the same types. */
	cfg.rss_hf = conf.rss_hf;
	printf("rss_hf %#" PRIx64 "\n", conf.rss_hf);
	return 0;
}

int
cmd_port(char **tok, int n)
{
	int port;

	if (n == 5 && strcmp(tok[1], "config") == 0 && strcmp(tok[2], "all") == 0 &&
	    strcmp(tok[3], "rss") == 0)
		return port_config_all_rss(tok[4]);
	if (n == 5 && strcmp(tok[1], "config") == 0 && strcmp(tok[2], "all") == 0)
		return port_config_all(tok[3], tok[4]);
	if (n >= 4 && strcmp(tok[1], "config") == 0 &&
	    (strcmp(tok[3], "rx_offload") == 0 || strcmp(tok[3], "tx_offload") == 0))
		return cmd_port_config_offload(tok, n);
	if (n == 6 && strcmp(tok[1], "config") == 0 &&
	    (strcmp(tok[3], "rss") == 0 || strcmp(tok[3], "rss-hash-key") == 0))
		return cmd_port_rss(tok, n);
	if (n == 5 && strcmp(tok[1], "config") == 0 && strcmp(tok[2], "mtu") == 0)
		return port_config_mtu(tok[3], tok[4]);
	if (n == 3 && (strcmp(tok[1], "attach") == 0 || strcmp(tok[1], "detach") == 0)) {
		if (fwd_running()) {
			printf("Please stop forwarding first\n");
			return -1;
		}
		if (tok[1][0] == 'a')
			return port_attach(tok[2]);
		port = cmd_one_port_arg(tok[2]);
		return port < 0 ? -1 : port_detach((uint16_t)port);
	}
	if (n != 3 || (strcmp(tok[1], "start") != 0 && strcmp(tok[1], "stop") != 0 &&
		       strcmp(tok[1], "close") != 0 && strcmp(tok[1], "reset") != 0)) {
		printf("Bad arguments: try 'port start|stop|close|reset all|N', 'port config all "
		       "rxq|txq|rxd|txd N' or 'port config mtu N MTU'\n");
		return -1;
	}
	port = cmd_port_arg(tok[2]);
	if (port < 0)
		return -1;
	if (fwd_running()) {
		printf("Please stop forwarding first\n");
		return -1;
	}
	return port_start_stop_close(tok[1], port);
}

/* "set promisc" and "set allmulti": the calls and the words of the error. */
struct port_mode {
	const char *name;
	int (*enable)(uint16_t port_id);
	int (*disable)(uint16_t port_id);
};

static const struct port_mode promisc_mode = {"promiscuous", rte_eth_promiscuous_enable,
					      rte_eth_promiscuous_disable};
static const struct port_mode allmulti_mode = {"all-multicast", rte_eth_allmulticast_enable,
					       rte_eth_allmulticast_disable};

static int
set_mode(char **tok, int n, const struct port_mode *mode)
{
	uint16_t pid;
	int port;
	bool on;

	if (n != 4 || (strcmp(tok[3], "on") != 0 && strcmp(tok[3], "off") != 0)) {
		printf("Bad arguments: try 'set %s all|N on|off'\n", tok[1]);
		return -1;
	}
	port = cmd_port_arg(tok[2]);
	if (port < 0)
		return -1;
	on = strcmp(tok[3], "on") == 0;
	RTE_ETH_FOREACH_DEV(pid)
	{
		int ret;

		if (port != PORT_ALL && pid != port)
			continue;
		ret = on ? mode->enable(pid) : mode->disable(pid);
		if (ret != 0)
			printf("Error during %s %s mode for port %u: %s\n",
			       on ? "enabling" : "disabling", mode->name, pid, rte_strerror(-ret));
	}
	return 0;
}

static int
set_link(char **tok, int n)
{
	bool up = strcmp(tok[1], "link-up") == 0;
	int port;

	if (n != 4 || strcmp(tok[2], "port") != 0) {
		printf("Bad arguments: try 'set %s port N'\n", tok[1]);
		return -1;
	}
	port = cmd_one_port_arg(tok[3]);
	if (port < 0)
		return -1;
	if ((up ? rte_eth_dev_set_link_up((uint16_t)port)
		: rte_eth_dev_set_link_down((uint16_t)port)) < 0) {
		printf("\nSet link %s fail.\n", up ? "up" : "down");
		return -1;
	}
	return 0;
}

int
cmd_set_port(char **tok, int n)
{
	if (n < 2)
		return 1;
	if (strcmp(tok[1], "promisc") == 0)
		return set_mode(tok, n, &promisc_mode);
	if (strcmp(tok[1], "allmulti") == 0)
		return set_mode(tok, n, &allmulti_mode);
	if (strcmp(tok[1], "link-up") == 0 || strcmp(tok[1], "link-down") == 0)
		return set_link(tok, n);
	return 1;
}

int
cmd_mac_addr(char **tok, int n)
{
	struct rte_ether_addr addr;
	int port, ret;

	if (n != 4 || (strcmp(tok[1], "add") != 0 && strcmp(tok[1], "remove") != 0 &&
		       strcmp(tok[1], "set") != 0)) {
		printf("Bad arguments: try 'mac_addr add|remove|set N XX:XX:XX:XX:XX:XX'\n");
		return -1;
	}
	port = cmd_one_port_arg(tok[2]);
	if (port < 0)
		return -1;
	if (rte_ether_unformat_addr(tok[3], &addr) < 0) {
		printf("Bad arguments: '%s' is not a MAC address like 02:00:00:00:00:01\n", tok[3]);
		return -1;
	}
	if (strcmp(tok[1], "add") == 0)
		ret = rte_eth_dev_mac_addr_add((uint16_t)port, &addr, 0);
	else if (strcmp(tok[1], "set") == 0)
		ret = rte_eth_dev_default_mac_addr_set((uint16_t)port, &addr);
	else
		ret = rte_eth_dev_mac_addr_remove((uint16_t)port, &addr);
	if (ret < 0) {
		printf("mac_addr_cmd error: (%s)\n", strerror(-ret));
		return -1;
	}
	/* txonly and mac read the port's address from here. */
	if (strcmp(tok[1], "set") == 0)
		rte_ether_addr_copy(&addr, &ports[port].mac);
	return 0;
}
