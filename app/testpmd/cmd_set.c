/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The "set" commands of the forwarding configuration, with DPDK testpmd's
 * words: fwd, burst, nbcore, nbport, eth-peer, verbose, record-core-cycles,
 * record-burst-stats, portlist, corelist. The port ones (promisc, allmulti, link-up/down) are in
 * cmd_port.c.
 */
#include <stdio.h>
#include <string.h>

#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_ether.h>

#include "testpmd.h"

/* What the forwarding lcores read when they start cannot change under them. */
static bool
fwd_stopped_check(void)
{
	if (fwd_running()) {
		printf("Please stop forwarding first\n");
		return false;
	}
	return true;
}

static int
set_fwd(char **tok, int n)
{
	const struct fwd_engine *e;

	bool retry = n == 4 && strcmp(tok[3], "retry") == 0;

	if (n != 3 && !retry) {
		printf("Bad arguments: try 'set fwd MODE [retry]' with a mode of %s\n",
		       fwd_engine_names());
		return -1;
	}
	e = fwd_engine_find(tok[2]);
	if (e == NULL) {
		printf("Bad arguments: unknown forwarding mode '%s'; use one of %s\n", tok[2],
		       fwd_engine_names());
		return -1;
	}
	/* rxonly sends nothing, so it has nothing to retry (as DPDK). */
	if (retry && e == &rxonly_engine) {
		printf("Bad arguments: rxonly sends nothing to retry; use 'set fwd rxonly'\n");
		return -1;
	}
	if (!fwd_stopped_check())
		return -1;
	cfg.engine = e;
	cfg.tx_retry = retry;
	printf("Set %s packet forwarding mode%s\n", e->name, retry ? " with retry" : "");
	return 0;
}

/* "set burst tx delay D retry R": the pace of "set fwd MODE retry". */
static int
set_burst_tx_retry(char **tok, int n)
{
	unsigned long delay, num;

	if (n != 7 || strcmp(tok[3], "delay") != 0 || strcmp(tok[5], "retry") != 0) {
		printf("Bad arguments: try 'set burst tx delay D retry R'\n");
		return -1;
	}
	if (cmd_number_arg("set burst tx delay", tok[4], 0, UINT32_MAX, &delay) < 0 ||
	    cmd_number_arg("set burst tx retry", tok[6], 0, UINT32_MAX, &num) < 0 ||
	    !fwd_stopped_check())
		return -1;
	cfg.tx_retry_delay_us = (uint32_t)delay;
	cfg.tx_retry_num = (uint32_t)num;
	return 0;
}

static int
set_burst(char **tok, int n)
{
	unsigned long v;

	if (n >= 3 && strcmp(tok[2], "tx") == 0)
		return set_burst_tx_retry(tok, n);
	if (cmd_number_arg("set burst", n == 3 ? tok[2] : NULL, 1, TESTPMD_MAX_BURST, &v) < 0 ||
	    !fwd_stopped_check())
		return -1;
	cfg.burst = (uint16_t)v;
	printf("Number of packets per burst set to %u\n", cfg.burst);
	return 0;
}

static int
set_nbcore(char **tok, int n)
{
	unsigned long v;

	if (cmd_number_arg("set nbcore", n == 3 ? tok[2] : NULL, 1, nb_avail_fwd_lcores, &v) < 0 ||
	    !fwd_stopped_check())
		return -1;
	cfg.nb_fwd_lcores = (uint16_t)v;
	printf("Number of forwarding cores set to %u\n", cfg.nb_fwd_lcores);
	return 0;
}

static int
set_nbport(char **tok, int n)
{
	unsigned long v;

	if (cmd_number_arg("set nbport", n == 3 ? tok[2] : NULL, 1, RTE_MAX_ETHPORTS, &v) < 0 ||
	    !fwd_stopped_check())
		return -1;
	if (v > rte_eth_dev_count_avail()) {
		printf("nb fwd ports %lu > %u (number of configured ports) - ignored\n", v,
		       rte_eth_dev_count_avail());
		return -1;
	}
	cfg.nb_fwd_ports = (uint16_t)v;
	printf("Number of forwarding ports set to %u\n", cfg.nb_fwd_ports);
	return 0;
}

static int
set_eth_peer(char **tok, int n)
{
	struct rte_ether_addr addr;
	int port;

	if (n != 4) {
		printf("Bad arguments: try 'set eth-peer N XX:XX:XX:XX:XX:XX'\n");
		return -1;
	}
	if (!fwd_stopped_check())
		return -1;
	port = cmd_one_port_arg(tok[2]);
	if (port < 0)
		return -1;
	if (rte_ether_unformat_addr(tok[3], &addr) < 0) {
		printf("Error: Invalid ethernet address: %s\n", tok[3]);
		return -1;
	}
	peer_addr[port] = addr;
	return 0;
}

static int
set_verbose(char **tok, int n)
{
	unsigned long v;

	if (cmd_number_arg("set verbose", n == 3 ? tok[2] : NULL, 0, UINT16_MAX, &v) < 0)
		return -1;
	verbose_level_set((uint16_t)v);
	return 0;
}

/* "set record-core-cycles|record-burst-stats on|off" */
static int
set_record(char **tok, int n)
{
	bool on;

	if (n != 3 || (strcmp(tok[2], "on") != 0 && strcmp(tok[2], "off") != 0)) {
		printf("Bad arguments: try 'set %s on|off'\n", tok[1]);
		return -1;
	}
	if (!fwd_stopped_check())
		return -1;
	on = strcmp(tok[2], "on") == 0;
	if (strcmp(tok[1], "record-core-cycles") == 0)
		cfg.record_core_cycles = on;
	else
		cfg.record_burst_stats = on;
	return 0;
}

/* "set txpkts X[,Y]*": checked against the mbufs of the pool in use. */
static int
set_txpkts(char **tok, int n)
{
	struct txpkts t;

	if (n != 3) {
		printf("Bad arguments: try 'set txpkts X[,Y]*'\n");
		return -1;
	}
	if (!fwd_stopped_check())
		return -1;
	if (txpkts_parse(tok[2], stdout, "Bad arguments: set txpkts", &t) < 0 ||
	    txpkts_fit(&t, cfg.mbuf_data_size, stdout, "Bad arguments: set txpkts") < 0)
		return -1;
	txpkts_apply(&t);
	return 0;
}

/*
 * "N[,N|N-M]..." as "set portlist" and "set corelist" take it: each number
 * in 0..max is checked by valid() (which prints why it refuses one) and
 * marked in *mask; the order of first appearance goes to order[] if given.
 */
static int
set_list_parse(const char *cmd, char *arg, unsigned long max, bool (*valid)(unsigned long),
	       uint64_t *mask, unsigned int *order, unsigned int *nb)
{
	char *rest = arg, *item;

	*mask = 0;
	*nb = 0;
	while ((item = strsep(&rest, ",")) != NULL) {
		char *dash = strchr(item, '-');
		unsigned long first, last;

		if (dash != NULL)
			*dash = '\0';
		if (cmd_number_arg(cmd, item, 0, max, &first) < 0 ||
		    cmd_number_arg(cmd, dash != NULL ? dash + 1 : item, first, max, &last) < 0)
			return -1;
		for (unsigned long v = first; v <= last; v++) {
			if (!valid(v))
				return -1;
			if ((*mask & (1ull << v)) == 0 && order != NULL)
				order[*nb] = (unsigned int)v;
			if ((*mask & (1ull << v)) == 0)
				(*nb)++;
			*mask |= 1ull << v;
		}
	}
	return 0;
}

static bool
portlist_port_valid(unsigned long p)
{
	if (rte_eth_dev_is_valid_port((uint16_t)p))
		return true;
	printf("Invalid port %lu in 'set portlist'\n", p);
	return false;
}

/* The ports of list ("0,2-3") forward from now on; what names the caller. */
int
fwd_portlist_set(const char *what, char *list)
{
	unsigned int nb;
	uint64_t mask;

	if (set_list_parse(what, list, 63, portlist_port_valid, &mask, NULL, &nb) < 0)
		return -1;
	cfg.portmask = mask;
	return 0;
}

/* "set portlist 0,2-3": the forwarding ports, as --portmask takes them. */
static int
set_portlist(char **tok, int n)
{
	if (n != 3) {
		printf("Bad arguments: try 'set portlist N[,N|N-M]...'\n");
		return -1;
	}
	if (!fwd_stopped_check())
		return -1;
	return fwd_portlist_set("set portlist", tok[2]);
}

/* DPDK's two refusals, word for word: scripts match them. */
static bool
corelist_lcore_valid(unsigned long lc)
{
	if (!rte_lcore_is_enabled((unsigned int)lc)) {
		printf("lcore %lu not enabled\n", lc);
		return false;
	}
	if (lc == rte_get_main_lcore()) {
		printf("lcore %lu cannot be masked on for running packet forwarding, which is the "
		       "main lcore and reserved for command line parsing only\n",
		       lc);
		return false;
	}
	return true;
}

/* The lcores of ids[] forward, in this order; the number of cores follows. */
static void
fwd_lcores_set(const unsigned int *ids, unsigned int nb)
{
	memcpy(fwd_lcore_ids, ids, nb * sizeof(ids[0]));
	nb_avail_fwd_lcores = nb;
	if (cfg.nb_fwd_lcores != nb) {
		printf("previous number of forwarding cores %u - changed to number of configured "
		       "cores %u\n",
		       cfg.nb_fwd_lcores, nb);
		cfg.nb_fwd_lcores = (uint16_t)nb;
	}
}

/*
 * "set corelist 1,3": the lcores that forward, in this order. Like DPDK,
 * the number of forwarding cores follows the list's length.
 */
static int
set_corelist(char **tok, int n)
{
	unsigned int ids[64], nb;
	uint64_t mask;

	if (n != 3) {
		printf("Bad arguments: try 'set corelist N[,N|N-M]...'\n");
		return -1;
	}
	if (!fwd_stopped_check() ||
	    set_list_parse("set corelist", tok[2], RTE_MIN(RTE_MAX_LCORE, 64) - 1,
			   corelist_lcore_valid, &mask, ids, &nb) < 0)
		return -1;
	fwd_lcores_set(ids, nb);
	return 0;
}

/* --coremask: the lcores of mask forward, lowest first (DPDK's checks and lines). */
int
fwd_coremask_set(uint64_t mask)
{
	unsigned int ids[64], nb = 0;

	for (unsigned int lc = 0; lc < 64; lc++) {
		if (!(mask & (UINT64_C(1) << lc)))
			continue;
		if (lc >= RTE_MAX_LCORE) {
			printf("lcore %u not enabled\n", lc);
			return -1;
		}
		if (!corelist_lcore_valid(lc))
			return -1;
		ids[nb++] = lc;
	}
	if (nb == 0)
		return -1;
	fwd_lcores_set(ids, nb);
	return 0;
}

/* "set WHAT on|off": the switch, or -1 after DPDK-style usage. */
static int
set_on_off_arg(char **tok, int n)
{
	if (n != 3 || (strcmp(tok[2], "on") != 0 && strcmp(tok[2], "off") != 0)) {
		printf("Bad arguments: try 'set %s on|off'\n", tok[1]);
		return -1;
	}
	return strcmp(tok[2], "on") == 0;
}

/* "set xstats-hide-zero on|off": show port xstats leaves out the zero counters. */
static int
set_xstats_hide_zero(char **tok, int n)
{
	int on = set_on_off_arg(tok, n);

	if (on < 0)
		return -1;
	cfg.xstats_hide_zero = on;
	return 0;
}

/* "set flush_rx on|off": drain the rx queues before forwarding starts (--no-flush-rx). */
static int
set_flush_rx(char **tok, int n)
{
	int on = set_on_off_arg(tok, n);

	if (on < 0)
		return -1;
	cfg.no_flush_rx = !on;
	return 0;
}

/* "set txsplit off|on|rand": txonly has no split, so only off is taken. */
static int
set_txsplit(char **tok, int n)
{
	if (n != 3) {
		printf("Bad arguments: try 'set txsplit off'\n");
		return -1;
	}
	if (strcmp(tok[2], "off") == 0)
		return 0;
	if (strcmp(tok[2], "on") == 0 || strcmp(tok[2], "rand") == 0) {
		printf("set txsplit %s is not supported: txonly sends each packet in the "
		       "segments of 'set txpkts'; use 'set txsplit off'\n",
		       tok[2]);
		return -1;
	}
	printf("unknown value: \"%s\"\n", tok[2]);
	return -1;
}

int
cmd_set(char **tok, int n)
{
	static const struct {
		const char *what;
		int (*fn)(char **tok, int n);
	} sets[] = {
		{"fwd", set_fwd},
		{"burst", set_burst},
		{"nbcore", set_nbcore},
		{"nbport", set_nbport},
		{"eth-peer", set_eth_peer},
		{"verbose", set_verbose},
		{"record-core-cycles", set_record},
		{"record-burst-stats", set_record},
		{"txpkts", set_txpkts},
		{"txsplit", set_txsplit},
		{"flush_rx", set_flush_rx},
		{"xstats-hide-zero", set_xstats_hide_zero},
		{"portlist", set_portlist},
		{"corelist", set_corelist},
		{"flow_ctrl", cmd_set_flow_ctrl},
	};

	for (size_t i = 0; n >= 2 && i < RTE_DIM(sets); i++)
		if (strcmp(tok[1], sets[i].what) == 0)
			return sets[i].fn(tok, n);
	if (cmd_set_port(tok, n) <= 0)
		return 0;
	printf("Bad arguments: try 'set fwd MODE', 'set burst N', 'set nbcore N', 'set nbport N', "
	       "'set eth-peer N MAC', 'set txpkts X[,Y]*', 'set verbose N', 'set "
	       "record-core-cycles|record-burst-stats "
	       "on|off', 'set promisc|allmulti all|N on|off' or 'set link-up|link-down port N'\n");
	return -1;
}
