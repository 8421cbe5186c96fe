/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The commands that only look: show, clear (statistics) and dump_*, with
 * DPDK testpmd's words; what they print lives in config.c.
 */
#include <stdio.h>
#include <string.h>

#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "testpmd.h"

/* "show port P rxq|txq Q desc D status" and "show port P rxq Q desc used count". */
static int
show_port_desc(char **tok, int n)
{
	bool rx = strcmp(tok[3], "rxq") == 0;
	unsigned long q, d = 0;
	int port, rc;

	port = cmd_one_port_arg(tok[2]);
	if (port < 0 || cmd_number_arg("queue", tok[4], 0, UINT16_MAX, &q) < 0)
		return -1;
	if (n == 8 && rx && strcmp(tok[6], "used") == 0 && strcmp(tok[7], "count") == 0) {
		rc = rte_eth_rx_queue_count((uint16_t)port, (uint16_t)q);
		if (rc < 0) {
			printf("Invalid queueid = %lu\n", q);
			return -1;
		}
		printf("Used desc count = %d\n", rc);
		return 0;
	}
	if (n != 8 || strcmp(tok[7], "status") != 0) {
		printf("Bad arguments: try 'show port P rxq|txq Q desc D status' or 'show port P "
		       "rxq Q desc used count'\n");
		return -1;
	}
	if (cmd_number_arg("desc", tok[6], 0, UINT16_MAX, &d) < 0)
		return -1;
	rc = rx ? rte_eth_rx_descriptor_status((uint16_t)port, (uint16_t)q, (uint16_t)d)
		: rte_eth_tx_descriptor_status((uint16_t)port, (uint16_t)q, (uint16_t)d);
	if (rc < 0) {
		printf("Invalid input: queue id = %lu, desc id = %lu\n", q, d);
		return -1;
	}
	if (rc == (rx ? RTE_ETH_RX_DESC_AVAIL : RTE_ETH_TX_DESC_FULL))
		printf("Desc status = %s\n", rx ? "AVAILABLE" : "FULL");
	else if (rc == (rx ? RTE_ETH_RX_DESC_DONE : RTE_ETH_TX_DESC_DONE))
		printf("Desc status = DONE\n");
	else
		printf("Desc status = UNAVAILABLE\n");
	return 0;
}

static int
show_port(char **tok, int n)
{
	static const struct {
		const char *what;
		void (*fn)(uint16_t port_id);
	} port_displays[] = {
		{"stats", nic_stats_display},
		{"info", port_infos_display},
		{"summary", port_summary_display},
		{"xstats", nic_xstats_display},
	};
	int port;

	if (n >= 7 && (strcmp(tok[3], "rxq") == 0 || strcmp(tok[3], "txq") == 0) &&
	    strcmp(tok[5], "desc") == 0)
		return show_port_desc(tok, n);
	if (n == 4 && (strcmp(tok[3], "eeprom") == 0 || strcmp(tok[3], "module_eeprom") == 0)) {
		port = cmd_one_port_arg(tok[2]);
		if (port < 0)
			return -1;
		return port_eeprom_display((uint16_t)port, tok[3][0] == 'm');
	}
	if (n >= 4 && strcmp(tok[3], "flow_ctrl") == 0)
		return cmd_show_port_flow_ctrl(tok, n);
	if (n == 4 && (strcmp(tok[3], "macs") == 0 || strcmp(tok[3], "ptypes") == 0)) {
		port = cmd_one_port_arg(tok[2]);
		if (port < 0)
			return -1;
		if (tok[3][0] == 'm')
			port_macs_display((uint16_t)port);
		else
			port_ptypes_display((uint16_t)port);
		return 0;
	}
	if (n >= 4 && (strcmp(tok[3], "rx_offload") == 0 || strcmp(tok[3], "tx_offload") == 0))
		return cmd_show_port_offload(tok, n);
	if (n >= 5 && strcmp(tok[3], "rss") == 0 && strcmp(tok[4], "reta") == 0)
		return cmd_show_port_reta(tok, n);
	if ((n == 4 || (n == 5 && strcmp(tok[4], "key") == 0)) &&
	    strcmp(tok[3], "rss-hash") == 0) {
		port = cmd_one_port_arg(tok[2]);
		if (port < 0)
			return -1;
		return port_rss_hash_display((uint16_t)port, n == 5);
	}
	if (n != 4) {
		printf("Bad arguments: try 'show port stats|info|summary|xstats all|N'\n");
		return -1;
	}
	for (size_t i = 0; i < RTE_DIM(port_displays); i++) {
		if (strcmp(tok[2], port_displays[i].what) != 0)
			continue;
		port = cmd_port_arg(tok[3]);
		if (port < 0)
			return -1;
		if (port_displays[i].fn == port_summary_display)
			port_summary_header_display();
		cmd_for_ports(port, port_displays[i].fn);
		return 0;
	}
	printf("Bad arguments: unknown '%s'; use stats, info, summary or xstats\n", tok[2]);
	return -1;
}

/* "show rxq|txq info P Q", the form of DPDK 22.11's testpmd. */
static int
show_queue(char **tok, int n)
{
	unsigned long q;
	int port;

	if (n != 5 || strcmp(tok[2], "info") != 0) {
		printf("Bad arguments: try 'show %s info PORT QUEUE'\n", tok[1]);
		return -1;
	}
	port = cmd_one_port_arg(tok[3]);
	if (port < 0)
		return -1;
	if (cmd_number_arg("queue", tok[4], 0, UINT16_MAX, &q) < 0)
		return -1;
	if (tok[1][0] == 'r')
		rx_queue_infos_display((uint16_t)port, (uint16_t)q);
	else
		tx_queue_infos_display((uint16_t)port, (uint16_t)q);
	return 0;
}

static int
show_config(char **tok, int n)
{
	if (n != 3) {
		printf("Bad arguments: try 'show config rxtx|cores|fwd|txpkts'\n");
		return -1;
	}
	if (strcmp(tok[2], "txpkts") == 0) {
		tx_pkt_segments_display();
		return 0;
	}
	if (!fwd_running())
		fwd_config_setup();
	if (strcmp(tok[2], "fwd") == 0)
		fwd_config_display();
	else if (strcmp(tok[2], "rxtx") == 0)
		rxtx_config_display();
	else if (strcmp(tok[2], "cores") == 0)
		fwd_lcores_config_display();
	else {
		printf("Bad arguments: unknown '%s'; use rxtx, cores, fwd or txpkts\n", tok[2]);
		return -1;
	}
	return 0;
}

int
cmd_show(char **tok, int n)
{
	if (n >= 2 && strcmp(tok[1], "port") == 0)
		return show_port(tok, n);
	if (n >= 2 && strcmp(tok[1], "config") == 0)
		return show_config(tok, n);
	if (n >= 2 && (strcmp(tok[1], "rxq") == 0 || strcmp(tok[1], "txq") == 0))
		return show_queue(tok, n);
	if (n == 4 && strcmp(tok[1], "fwd") == 0 && strcmp(tok[2], "stats") == 0 &&
	    strcmp(tok[3], "all") == 0) {
		fwd_stats_display();
		return 0;
	}
	if (n == 4 && strcmp(tok[1], "device") == 0 && strcmp(tok[2], "info") == 0 &&
	    strcmp(tok[3], "all") == 0) {
		device_infos_display();
		return 0;
	}
	printf("Bad arguments: try 'show port stats all', 'show config fwd', 'show fwd stats "
	       "all' or 'show device info all'\n");
	return -1;
}

int
cmd_clear(char **tok, int n)
{
	int port;

	if (n == 4 && strcmp(tok[1], "fwd") == 0 && strcmp(tok[2], "stats") == 0 &&
	    strcmp(tok[3], "all") == 0) {
		fwd_stats_reset();
		return 0;
	}
	if (n != 4 || strcmp(tok[1], "port") != 0 ||
	    (strcmp(tok[2], "stats") != 0 && strcmp(tok[2], "xstats") != 0)) {
		printf("Bad arguments: try 'clear port stats|xstats all|N' or 'clear fwd stats "
		       "all'\n");
		return -1;
	}
	port = cmd_port_arg(tok[3]);
	if (port < 0)
		return -1;
	cmd_for_ports(port, strcmp(tok[2], "stats") == 0 ? nic_stats_clear : nic_xstats_clear);
	return 0;
}

/* The sizes DPDK's testpmd reports, for comparing builds. */
static void
struct_sizes_dump(void)
{
	printf("sizeof(struct rte_mbuf) = %zu\n", sizeof(struct rte_mbuf));
	printf("sizeof(struct rte_mempool) = %zu\n", sizeof(struct rte_mempool));
	printf("sizeof(struct rte_ring) = %zu\n", sizeof(struct rte_ring));
}

/* "dump_ring NAME" / "dump_mempool NAME": one object instead of the list. */
static int
dump_one(const char *what, const char *name)
{
	if (strcmp(what, "dump_ring") == 0) {
		struct rte_ring *r = rte_ring_lookup(name);

		if (r == NULL) {
			printf("Cannot find ring\n");
			return -1;
		}
		rte_ring_dump(stdout, r);
		return 0;
	}
	if (strcmp(what, "dump_mempool") == 0) {
		struct rte_mempool *mp = rte_mempool_lookup(name);

		if (mp == NULL) {
			printf("Cannot find mempool\n");
			return -1;
		}
		rte_mempool_dump(stdout, mp);
		return 0;
	}
	printf("Bad arguments: '%s' takes no argument\n", what);
	return -1;
}

int
cmd_dump(char **tok, int n)
{
	if (n == 2)
		return dump_one(tok[0], tok[1]);
	if (n != 1) {
		printf("Bad arguments: try '%s' or '%s NAME'\n", tok[0], tok[0]);
		return -1;
	}
	if (strcmp(tok[0], "dump_physmem") == 0)
		rte_dump_physmem_layout(stdout);
	else if (strcmp(tok[0], "dump_memzone") == 0)
		rte_memzone_dump(stdout);
	else if (strcmp(tok[0], "dump_mempool") == 0)
		rte_mempool_list_dump(stdout);
	else if (strcmp(tok[0], "dump_ring") == 0)
		rte_ring_list_dump(stdout);
	else if (strcmp(tok[0], "dump_struct_sizes") == 0)
		struct_sizes_dump();
	else
		rte_log_dump(stdout);
	return 0;
}
