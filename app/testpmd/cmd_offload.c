/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * show port N rx_offload|tx_offload capabilities|configuration: what the
 * port can do and what was asked of it (--rx-offloads, --tx-offloads,
 * --enable-rx-cksum, vlan set ...), in DPDK testpmd's layout; and
 * port config N rx_offload|tx_offload NAME on|off.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <rte_ethdev.h>

#include "testpmd.h"

static void
offloads_print(uint64_t offloads, bool rx)
{
	for (unsigned int bit = 0; bit < 64; bit++) {
		uint64_t o = UINT64_C(1) << bit;

		if (offloads & o)
			printf(" %s", rx ? rte_eth_dev_rx_offload_name(o)
					 : rte_eth_dev_tx_offload_name(o));
	}
}

static int
offload_capa_display(uint16_t port_id, bool rx)
{
	struct rte_eth_dev_info info;
	uint64_t queue, port;
	int ret = rte_eth_dev_info_get(port_id, &info);

	if (ret != 0) {
		printf("Error during getting device (port %u) info: %s\n", port_id, strerror(-ret));
		return ret;
	}
	queue = rx ? info.rx_queue_offload_capa : info.tx_queue_offload_capa;
	/* The port-wide ones are those not offered per queue. */
	port = (rx ? info.rx_offload_capa : info.tx_offload_capa) & ~queue;
	printf("%s Offloading Capabilities of port %d :\n", rx ? "Rx" : "Tx", port_id);
	printf("  Per Queue :");
	offloads_print(queue, rx);
	printf("\n  Per Port  :");
	offloads_print(port, rx);
	printf("\n\n");
	return 0;
}

static int
offload_conf_display(uint16_t port_id, bool rx)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	uint16_t nb_q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_conf_get(port_id, &conf);
	if (ret == 0)
		ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0) {
		printf("Error during getting device (port %u) info: %s\n", port_id, strerror(-ret));
		return ret;
	}
	printf("%s Offloading Configuration of port %d :\n", rx ? "Rx" : "Tx", port_id);
	printf("  Port :");
	offloads_print(rx ? conf.rxmode.offloads : conf.txmode.offloads, rx);
	printf("\n");
	nb_q = rx ? info.nb_rx_queues : info.nb_tx_queues;
	for (uint16_t q = 0; q < nb_q; q++) {
		printf("  Queue[%2d] :", q);
		offloads_print(rx ? ports[port_id].rxconf.offloads : ports[port_id].txconf.offloads,
			       rx);
		printf("\n");
	}
	printf("\n");
	return 0;
}

/* tok: show port N rx_offload|tx_offload capabilities|configuration */
int
cmd_show_port_offload(char **tok, int n)
{
	bool rx = strcmp(tok[3], "rx_offload") == 0;
	int port;

	if (n != 5 ||
	    (strcmp(tok[4], "capabilities") != 0 && strcmp(tok[4], "configuration") != 0)) {
		printf("Bad arguments: try 'show port N %s capabilities|configuration'\n", tok[3]);
		return -1;
	}
	port = cmd_one_port_arg(tok[2]);
	if (port < 0)
		return -1;
	if (tok[4][0] == 'c' && tok[4][1] == 'a')
		return offload_capa_display((uint16_t)port, rx);
	return offload_conf_display((uint16_t)port, rx);
}

/* An offload by the name ethdev gives it, any case ("vlan_strip"); 0 if none. */
static uint64_t
offload_find(const char *name, bool rx)
{
	for (unsigned int bit = 0; bit < 64; bit++) {
		uint64_t o = UINT64_C(1) << bit;
		const char *n =
			rx ? rte_eth_dev_rx_offload_name(o) : rte_eth_dev_tx_offload_name(o);

		if (strcasecmp(n, name) == 0)
			return o;
	}
	return 0;
}

/*
 * tok: port config N rx_offload|tx_offload NAME on|off. As DPDK's testpmd:
 * only on a stopped port, taken at its next start, where a port without the
 * offload is refused with ethdev's line.
 */
int
cmd_port_config_offload(char **tok, int n)
{
	bool rx = strcmp(tok[3], "rx_offload") == 0;
	struct port_state *p;
	uint64_t o;
	int port;

	if (n != 6 || (strcmp(tok[5], "on") != 0 && strcmp(tok[5], "off") != 0)) {
		printf("Bad arguments: try 'port config N %s NAME on|off', NAME as 'show port N %s "
		       "capabilities' prints it\n",
		       tok[3], tok[3]);
		return -1;
	}
	port = cmd_one_port_arg(tok[2]);
	if (port < 0)
		return -1;
	p = &ports[port];
	if (p->started) {
		printf("Error: Can't config offload when Port %d is not stopped\n", port);
		return -1;
	}
	o = offload_find(tok[4], rx);
	if (o == 0) {
		printf("Unknown offload name: %s\n", tok[4]);
		return -1;
	}
	if (strcmp(tok[5], "on") == 0) {
		*(rx ? &p->rx_offloads_on : &p->tx_offloads_on) |= o;
		*(rx ? &p->rx_offloads_off : &p->tx_offloads_off) &= ~o;
	} else {
		*(rx ? &p->rx_offloads_off : &p->tx_offloads_off) |= o;
		*(rx ? &p->rx_offloads_on : &p->tx_offloads_on) &= ~o;
	}
	p->configured = false;
	return 0;
}
