/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "set flow_ctrl": the whole Ethernet pause-frame setting at once, or one
 * field of it on top of what the port reports, in DPDK testpmd's forms:
 *   set flow_ctrl rx on|off tx on|off HW LW PT XON mac_ctrl_frame_fwd on|off
 *       autoneg on|off N
 *   set flow_ctrl rx|tx|mac_ctrl_frame_fwd|autoneg on|off N
 *   set flow_ctrl high_water|low_water|pause_time|send_xon V N
 * and "show port N flow_ctrl", what the port reports.
 */
#include <stdio.h>
#include <string.h>

#include <rte_ethdev.h>

#include "testpmd.h"

#define FC_USAGE                                                                         \
	"try 'set flow_ctrl rx on|off tx on|off HW LW PT XON mac_ctrl_frame_fwd on|off " \
	"autoneg on|off N' or 'set flow_ctrl FIELD VALUE N'"

/* The pause mode from the rx and tx switches, as DPDK's testpmd maps them. */
static const enum rte_eth_fc_mode fc_mode_of[2][2] = {
	{RTE_ETH_FC_NONE, RTE_ETH_FC_TX_PAUSE},
	{RTE_ETH_FC_RX_PAUSE, RTE_ETH_FC_FULL},
};

struct fc_request {
	struct rte_eth_fc_conf conf;
	int rx, tx; /* 0/1 */
};

static int
fc_on_off(const char *word, int *out)
{
	if (strcmp(word, "on") != 0 && strcmp(word, "off") != 0) {
		printf("Bad arguments: '%s'; give on or off\n", word);
		return -1;
	}
	*out = word[1] == 'n';
	return 0;
}

static int
fc_number(const char *what, const char *word, unsigned long max, unsigned long *v)
{
	return cmd_number_arg(what, word, 0, max, v);
}

/* One "FIELD VALUE" into *r. */
static int
fc_field_set(const char *field, const char *value, struct fc_request *r)
{
	unsigned long v;
	int on;

	if (strcmp(field, "rx") == 0)
		return fc_on_off(value, &r->rx);
	if (strcmp(field, "tx") == 0)
		return fc_on_off(value, &r->tx);
	if (strcmp(field, "mac_ctrl_frame_fwd") == 0 || strcmp(field, "autoneg") == 0) {
		if (fc_on_off(value, &on) < 0)
			return -1;
		if (field[0] == 'm')
			r->conf.mac_ctrl_frame_fwd = (uint8_t)on;
		else
			r->conf.autoneg = (uint8_t)on;
		return 0;
	}
	if (strcmp(field, "high_water") == 0 || strcmp(field, "low_water") == 0) {
		if (fc_number(field, value, UINT32_MAX, &v) < 0)
			return -1;
		if (field[0] == 'h')
			r->conf.high_water = (uint32_t)v;
		else
			r->conf.low_water = (uint32_t)v;
		return 0;
	}
	if (strcmp(field, "pause_time") == 0 || strcmp(field, "send_xon") == 0) {
		if (fc_number(field, value, UINT16_MAX, &v) < 0)
			return -1;
		if (field[0] == 'p')
			r->conf.pause_time = (uint16_t)v;
		else
			r->conf.send_xon = (uint16_t)v;
		return 0;
	}
	printf("Bad arguments: unknown '%s'; %s\n", field, FC_USAGE);
	return -1;
}

/* The full form: every field given, nothing read from the port. */
static int
fc_full_parse(char **tok, struct fc_request *r)
{
	static const char *const hw_fields[] = {"high_water", "low_water", "pause_time",
						"send_xon"};

	if (strcmp(tok[2], "rx") != 0 || strcmp(tok[4], "tx") != 0 ||
	    strcmp(tok[10], "mac_ctrl_frame_fwd") != 0 || strcmp(tok[12], "autoneg") != 0) {
		printf("Bad arguments: %s\n", FC_USAGE);
		return -1;
	}
	if (fc_on_off(tok[3], &r->rx) < 0 || fc_on_off(tok[5], &r->tx) < 0)
		return -1;
	for (int i = 0; i < 4; i++)
		if (fc_field_set(hw_fields[i], tok[6 + i], r) < 0)
			return -1;
	if (fc_field_set(tok[10], tok[11], r) < 0 || fc_field_set(tok[12], tok[13], r) < 0)
		return -1;
	return 0;
}

int
cmd_set_flow_ctrl(char **tok, int n)
{
	struct fc_request r = {0};
	int port, ret;

	if (n != 15 && n != 5) {
		printf("Bad arguments: %s\n", FC_USAGE);
		return -1;
	}
	port = cmd_one_port_arg(tok[n - 1]);
	if (port < 0)
		return -1;
	if (n == 15) {
		if (fc_full_parse(tok, &r) < 0)
			return -1;
	} else {
		struct fc_request scratch = {0};

		/* A bad word is refused before the port is asked anything. */
		if (fc_field_set(tok[2], tok[3], &scratch) < 0)
			return -1;
		/* One field: the others stay as the port has them. */
		ret = rte_eth_dev_flow_ctrl_get((uint16_t)port, &r.conf);
		if (ret != 0) {
			printf("cannot get current flow ctrl parameters, return code = %d\n", ret);
			return ret;
		}
		r.rx = r.conf.mode == RTE_ETH_FC_RX_PAUSE || r.conf.mode == RTE_ETH_FC_FULL;
		r.tx = r.conf.mode == RTE_ETH_FC_TX_PAUSE || r.conf.mode == RTE_ETH_FC_FULL;
		if (fc_field_set(tok[2], tok[3], &r) < 0)
			return -1;
	}
	r.conf.mode = fc_mode_of[r.rx][r.tx];
	ret = rte_eth_dev_flow_ctrl_set((uint16_t)port, &r.conf);
	if (ret != 0)
		printf("bad flow control parameter, return code = %d\n", ret);
	return ret;
}

/* tok: show port N flow_ctrl; DPDK's block, or its line with the driver's error. */
int
cmd_show_port_flow_ctrl(char **tok, int n)
{
	static const char border[] = "*********************";
	struct rte_eth_fc_conf fc;
	int port, ret;

	if (n != 4) {
		printf("Bad arguments: try 'show port N flow_ctrl'\n");
		return -1;
	}
	port = cmd_one_port_arg(tok[2]);
	if (port < 0)
		return -1;
	memset(&fc, 0, sizeof(fc));
	ret = rte_eth_dev_flow_ctrl_get((uint16_t)port, &fc);
	if (ret != 0) {
		printf("Failed to get current flow ctrl information: err = %d\n", ret);
		return -1;
	}
	printf("\n%s Flow control infos for port %-2d %s\n", border, port, border);
	printf("FC mode:\n");
	printf("   Rx pause: %s\n",
	       fc.mode == RTE_ETH_FC_RX_PAUSE || fc.mode == RTE_ETH_FC_FULL ? "on" : "off");
	printf("   Tx pause: %s\n",
	       fc.mode == RTE_ETH_FC_TX_PAUSE || fc.mode == RTE_ETH_FC_FULL ? "on" : "off");
	printf("Autoneg: %s\n", fc.autoneg ? "on" : "off");
	printf("Pause time: 0x%x\n", fc.pause_time);
	printf("High waterline: 0x%x\n", fc.high_water);
	printf("Low waterline: 0x%x\n", fc.low_water);
	printf("Send XON: %s\n", fc.send_xon ? "on" : "off");
	printf("Forward MAC control frames: %s\n", fc.mac_ctrl_frame_fwd ? "on" : "off");
	printf("\n%s**************   End  ***********%s\n", border, border);
	return 0;
}
