/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The values of the testpmd options that are more than one number: offload
 * masks, lcore masks, link speeds, event names, xstat names, addresses and
 * ports of txonly. Each prints one line (DPDK's words where DPDK has them,
 * then the fix) and returns -1 on a bad value.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <rte_byteorder.h>
#include <rte_ethdev.h>

#include "testpmd.h"

/* A hexadecimal mask of offload bits (with or without 0x). */
int
opt_offloads_parse(const char *opt, const char *arg, uint64_t *offloads)
{
	char *end;

	errno = 0;
	*offloads = strtoull(arg, &end, 16);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-') {
		fprintf(stderr,
			"testpmd: invalid --%s '%s': give a hexadecimal mask of "
			"RTE_ETH_%s_OFFLOAD_* bits, e.g. 0x%s\n",
			opt, arg, opt[0] == 'r' ? "RX" : "TX", opt[0] == 'r' ? "1" : "8000");
		return -1;
	}
	return 0;
}

int
opt_coremask_parse(const char *arg)
{
	unsigned long long mask;
	char *end;

	errno = 0;
	mask = strtoull(arg, &end, 16);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' || mask == 0 ||
	    fwd_coremask_set(mask) < 0) {
		fprintf(stderr,
			"testpmd: coremask is not valid: --coremask '%s' must be a "
			"hexadecimal mask of enabled lcores but the main one, e.g. 0x2 with -l "
			"0-1\n",
			arg);
		return -1;
	}
	return 0;
}

/* DPDK's speeds (Mb/s); 10 and 100 cannot be forced full duplex there either. */
int
opt_link_speed_parse(const char *arg)
{
	static const struct {
		unsigned long mbps;
		uint32_t flag;
	} speeds[] = {
		{1000, RTE_ETH_LINK_SPEED_1G},	   {10000, RTE_ETH_LINK_SPEED_10G},
		{25000, RTE_ETH_LINK_SPEED_25G},   {40000, RTE_ETH_LINK_SPEED_40G},
		{50000, RTE_ETH_LINK_SPEED_50G},   {100000, RTE_ETH_LINK_SPEED_100G},
		{200000, RTE_ETH_LINK_SPEED_200G},
	};
	unsigned long n;
	char *end;

	errno = 0;
	n = strtoul(arg, &end, 10);
	for (size_t i = 0; errno == 0 && *end == '\0' && end != arg && i < RTE_DIM(speeds); i++) {
		if (speeds[i].mbps == n) {
			cfg.link_speeds = RTE_ETH_LINK_SPEED_FIXED | speeds[i].flag;
			return 0;
		}
	}
	fprintf(stderr,
		"Unsupported fixed speed: --eth-link-speed '%s'; give 1000, 10000, 25000, "
		"40000, 50000, 100000 or 200000\n",
		arg);
	return -1;
}

int
opt_event_parse(const char *arg, bool print)
{
	uint32_t mask;

	if (event_mask_parse(arg, &mask) < 0) {
		fprintf(stderr, "Invalid event: %s\n", arg);
		fprintf(stderr,
			"testpmd: invalid %s argument: use unknown, intr_lsc, queue_state, "
			"intr_reset, vf_mbox, ipsec, macsec, intr_rmv, dev_probed, dev_released, "
			"flow_aged, err_recovering, recovery_success, recovery_failed or all\n",
			print ? "print-event" : "mask-event");
		return -1;
	}
	if (print)
		cfg.event_print_mask |= mask;
	else
		cfg.event_print_mask &= ~mask;
	return 0;
}

/* "NAME[,NAME]...": kept for when the ports have queues (their names come then). */
int
opt_xstats_names_parse(const char *arg)
{
	char *copy = strdup(arg), *rest = copy, *name;

	if (copy == NULL)
		return -1;
	testpmd_args_free();
	while ((name = strsep(&rest, ",")) != NULL) {
		char **grown;

		if (name[0] == '\0' || strlen(name) >= RTE_ETH_XSTATS_NAME_SIZE) {
			fprintf(stderr,
				"testpmd: Failed to parse display-xstats argument: '%s' is "
				"not an xstat name; give names as 'show port xstats' prints them, "
				"comma-separated\n",
				arg);
			free(copy);
			testpmd_args_free();
			return -1;
		}
		grown = realloc(cfg.xstats_display, (cfg.nb_xstats_display + 1) * sizeof(*grown));
		if (grown == NULL || (grown[cfg.nb_xstats_display] = strdup(name)) == NULL) {
			if (grown != NULL)
				cfg.xstats_display = grown;
			free(copy);
			testpmd_args_free();
			return -1;
		}
		cfg.xstats_display = grown;
		cfg.nb_xstats_display++;
	}
	free(copy);
	return 0;
}

void
testpmd_args_free(void)
{
	for (unsigned int i = 0; i < cfg.nb_xstats_display; i++)
		free(cfg.xstats_display[i]);
	free(cfg.xstats_display);
	cfg.xstats_display = NULL;
	cfg.nb_xstats_display = 0;
}

/* "SRC,DST", both dotted IPv4, with DPDK's lines. */
int
opt_tx_ip_parse(const char *arg)
{
	const char *comma = strchr(arg, ',');
	char src[INET_ADDRSTRLEN];
	struct in_addr a;

	if (comma == NULL || comma == arg || (size_t)(comma - arg) >= sizeof(src)) {
		fprintf(stderr,
			"Invalid tx-ip: %s: give --tx-ip=SRC,DST, e.g. "
			"198.18.0.1,198.18.0.2\n",
			arg);
		return -1;
	}
	memcpy(src, arg, (size_t)(comma - arg));
	src[comma - arg] = '\0';
	if (inet_pton(AF_INET, src, &a) != 1) {
		fprintf(stderr, "Invalid source IP address: %s\n", src);
		return -1;
	}
	cfg.tx_ip_src = rte_be_to_cpu_32(a.s_addr);
	if (inet_pton(AF_INET, comma + 1, &a) != 1) {
		fprintf(stderr, "Invalid destination IP address: %s\n", comma + 1);
		return -1;
	}
	cfg.tx_ip_dst = rte_be_to_cpu_32(a.s_addr);
	return 0;
}

/* "SRC[,DST]": one port for both when DST is left out, as DPDK. */
int
opt_tx_udp_parse(const char *arg)
{
	unsigned long src, dst;
	char *end;

	errno = 0;
	src = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || arg[0] == '-' || src > UINT16_MAX ||
	    (*end != '\0' && *end != ',')) {
		fprintf(stderr,
			"Invalid UDP port: %s: give --tx-udp=SRC[,DST], ports in 0..65535\n", arg);
		return -1;
	}
	dst = src;
	if (*end == ',') {
		const char *d = end + 1;

		dst = strtoul(d, &end, 10);
		if (errno != 0 || end == d || d[0] == '-' || dst > UINT16_MAX || *end != '\0') {
			fprintf(stderr, "Invalid destination UDP port: %s\n", d);
			return -1;
		}
	}
	cfg.tx_udp_src = (uint16_t)src;
	cfg.tx_udp_dst = (uint16_t)dst;
	return 0;
}
