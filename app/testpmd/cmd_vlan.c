/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vlan set strip|filter|qinq_strip|extend on|off N, rx_vlan add|rm VLAN N,
 * and show port N eeprom|module_eeprom: the port's VLAN offloads and
 * EEPROM through ethdev, with DPDK testpmd's lines for the driver's answers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_dev_info.h>
#include <rte_ethdev.h>
#include <rte_hexdump.h>

#include "testpmd.h"

static const struct {
	const char *word;
	const char *func; /* DPDK testpmd's function, named in its failure line */
	int offload;
} vlan_offloads[] = {
	{"strip", "rx_vlan_strip_set", RTE_ETH_VLAN_STRIP_OFFLOAD},
	{"filter", "rx_vlan_filter_set", RTE_ETH_VLAN_FILTER_OFFLOAD},
	{"qinq_strip", "rx_vlan_qinq_strip_set", RTE_ETH_QINQ_STRIP_OFFLOAD},
	{"extend", "rx_vlan_extend_set", RTE_ETH_VLAN_EXTEND_OFFLOAD},
};

static int
on_off_arg(const char *arg)
{
	if (strcmp(arg, "on") == 0)
		return 1;
	if (strcmp(arg, "off") == 0)
		return 0;
	printf("Bad arguments: '%s'; give on or off\n", arg);
	return -1;
}

/* "vlan set strip|filter|qinq_strip|extend on|off N" */
int
cmd_vlan(char **tok, int n)
{
	int port, on, mask, diag;

	if (n != 5 || strcmp(tok[1], "set") != 0) {
		printf("Bad arguments: try 'vlan set strip|filter|qinq_strip|extend on|off N'\n");
		return -1;
	}
	for (size_t i = 0; i < RTE_DIM(vlan_offloads); i++) {
		if (strcmp(tok[2], vlan_offloads[i].word) != 0)
			continue;
		on = on_off_arg(tok[3]);
		if (on < 0)
			return -1;
		port = cmd_one_port_arg(tok[4]);
		if (port < 0)
			return -1;
		mask = rte_eth_dev_get_vlan_offload((uint16_t)port);
		if (mask < 0)
			mask = 0;
		mask = on ? mask | vlan_offloads[i].offload : mask & ~vlan_offloads[i].offload;
		diag = rte_eth_dev_set_vlan_offload((uint16_t)port, mask);
		if (diag < 0)
			printf("%s(port_pi=%d, on=%d) failed diag=%d\n", vlan_offloads[i].func,
			       port, on, diag);
		return diag;
	}
	printf("Bad arguments: unknown '%s'; use strip, filter, qinq_strip or extend\n", tok[2]);
	return -1;
}

/* "rx_vlan add|rm VLAN N" */
int
cmd_rx_vlan(char **tok, int n)
{
	unsigned long vlan;
	int port, on, diag;

	if (n != 4 || (strcmp(tok[1], "add") != 0 && strcmp(tok[1], "rm") != 0)) {
		printf("Bad arguments: try 'rx_vlan add|rm VLAN N'\n");
		return -1;
	}
	on = tok[1][0] == 'a';
	if (cmd_number_arg("rx_vlan", tok[2], 0, 4095, &vlan) < 0)
		return -1;
	port = cmd_one_port_arg(tok[3]);
	if (port < 0)
		return -1;
	diag = rte_eth_dev_vlan_filter((uint16_t)port, (uint16_t)vlan, on);
	if (diag < 0)
		printf("rte_eth_dev_vlan_filter(port_pi=%d, vlan_id=%lu, on=%d) failed diag=%d\n",
		       port, vlan, on, diag);
	return diag;
}

/* DPDK testpmd's words for the errors of the EEPROM calls. */
static void
eeprom_error_print(int ret, uint16_t port_id, const char *what)
{
	if (ret == -ENODEV)
		printf("port index %u invalid\n", port_id);
	else if (ret == -ENOTSUP)
		printf("operation not supported by device\n");
	else if (ret == -EIO)
		printf("device is removed\n");
	else
		printf("Unable to get %s: %d\n", what, ret);
}

/* "show port N eeprom|module_eeprom": a hex dump of the whole EEPROM. */
int
port_eeprom_display(uint16_t port_id, bool module)
{
	const char *what = module ? "module EEPROM" : "EEPROM";
	struct rte_eth_dev_module_info minfo = {0};
	struct rte_dev_eeprom_info einfo = {0};
	int len, ret;

	if (module) {
		ret = rte_eth_dev_get_module_info(port_id, &minfo);
		len = ret < 0 ? ret : (int)minfo.eeprom_len;
	} else {
		len = rte_eth_dev_get_eeprom_length(port_id);
	}
	if (len < 0) {
		eeprom_error_print(len, port_id, what);
		return len;
	}
	einfo.length = (uint32_t)len;
	einfo.data = calloc(1, len > 0 ? (size_t)len : 1);
	if (einfo.data == NULL) {
		printf("Allocation of port %u eeprom data failed\n", port_id);
		return -ENOMEM;
	}
	ret = module ? rte_eth_dev_get_module_eeprom(port_id, &einfo)
		     : rte_eth_dev_get_eeprom(port_id, &einfo);
	if (ret != 0) {
		eeprom_error_print(ret, port_id, what);
		goto out_free;
	}
	rte_hexdump(stdout, "hexdump", einfo.data, einfo.length);
	printf("Finish -- Port: %u %s length: %d bytes\n", port_id,
	       module ? "MODULE EEPROM" : "EEPROM", len);
out_free:
	free(einfo.data);
	return ret;
}
