/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The testpmd prompt: each line of the input goes through cmdline_exec on
 * two net_null ports, as typed at "testpmd> ". After each input the
 * forwarding is stopped and the ports and settings are put back, so that
 * every input starts from the same state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "fuzz_input.h"
#include "testpmd.h"

#define FUZZ_MAX_LINES 16

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_ports[] = { "net_null0", "net_null1" };

static void
testpmd_state_reset(void)
{
	/* "set verbose N" left callbacks on the queues: take them off. */
	if (verbose_level_get() != 0)
		verbose_level_set(0);
	cfg_defaults();
	/* Draining the rx queues sleeps 20 ms a start; null ports hold nothing. */
	cfg.no_flush_rx = true;
	/*
	 * A port an input set link-down would make every start and stop wait
	 * 9 s for its link (--disable-link-check).
	 */
	cfg.no_link_check = true;
}

/*
 * "port close" releases a port: probe its device again for the next input;
 * "port attach" added one: remove it.
 */
static void
fuzz_ports_restore(void)
{
	uint16_t pid;

	RTE_ETH_FOREACH_DEV(pid) {
		char name[RTE_ETH_NAME_MAX_LEN];
		bool ours = false;

		if (rte_eth_dev_get_name_by_port(pid, name) != 0)
			continue;
		for (size_t i = 0; i < RTE_DIM(fuzz_ports); i++)
			ours = ours || strcmp(name, fuzz_ports[i]) == 0;
		if (ours)
			continue;
		ports_stop(pid);
		ports_close_one(pid);
		rte_eal_hotplug_remove("vdev", name);
	}

	for (size_t i = 0; i < RTE_DIM(fuzz_ports); i++) {
		if (rte_eth_dev_get_port_by_name(fuzz_ports[i], &pid) == 0)
			continue;
		rte_eal_hotplug_remove("vdev", fuzz_ports[i]);
		if (rte_eal_hotplug_add("vdev", fuzz_ports[i], "") != 0) {
			fprintf(stderr, "fuzz_testpmd_cmdline: cannot probe %s again\n",
				fuzz_ports[i]);
			abort();
		}
	}
	/* "port config all rxq N" left a port to configure again: back to one queue. */
	RTE_ETH_FOREACH_DEV(pid) {
		struct rte_eth_dev_info info;

		if (ports[pid].configured && rte_eth_dev_info_get(pid, &info) == 0 &&
		    info.nb_rx_queues == cfg.nb_rxq && info.nb_tx_queues == cfg.nb_txq)
			continue;
		ports_stop(pid);
		ports[pid].configured = false;
	}
}

/* Leave nothing for the leak check at exit. */
static void
testpmd_fuzz_exit(void)
{
	if (fwd_running())
		fwd_stop();
	ports_close();
	mbuf_pools_free();
	rte_eal_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *eal_args[] = {"fuzz_testpmd_cmdline",
			    "--no-huge",
			    "--no-pci",
			    "-l",
			    "0-1",
			    "--vdev",
			    "net_null0",
			    "--vdev",
			    "net_null1",
			    "--log-level",
			    "*:error",
			    NULL};
	(void)argc;
	(void)argv;
	if (rte_eal_init((int)RTE_DIM(eal_args) - 1, eal_args) < 0) {
		fprintf(stderr, "fuzz_testpmd_cmdline: EAL did not start\n");
		exit(1);
	}
	testpmd_state_reset();
	/* "load FILE" would read the machine's files (or block on a fifo). */
	cmdline_load_allowed = false;
	port_attach_only = "net_null";
	/* Thousands of first bursts are one slow input, not a deeper path. */
	tx_first_max = 64;
	fwd_lcores_find();
	if (mbuf_pool_create(2) < 0 || ports_start(RTE_MAX_ETHPORTS) != 0) {
		fprintf(stderr, "fuzz_testpmd_cmdline: ports did not start\n");
		exit(1);
	}
	atexit(testpmd_fuzz_exit);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *lines[FUZZ_MAX_LINES];
	char *buf = fuzz_input_str(data, size);
	int n;

	if (buf == NULL)
		return 0;
	n = fuzz_input_split(buf, size, lines, FUZZ_MAX_LINES);
	for (int i = 0; i < n; i++) {
		if (cmdline_exec(lines[i]) == 1)
			break; /* "quit" */
	}
	if (fwd_running())
		fwd_stop();
	testpmd_state_reset();
	fuzz_ports_restore();
	ports_start(RTE_MAX_ETHPORTS);
	free(buf);
	return 0;
}
