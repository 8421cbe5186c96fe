/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-testpmd main: EAL and arguments, then either the prompt or the
 * non-interactive run (periodic statistics until a signal, enter, or
 * --run-time seconds). Everything else lives in the other files so that
 * the command parser can be driven without this loop (fuzz targets).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_pdump.h>

#include "testpmd.h"

static void
signal_handler(int signum)
{
	(void)signum;
	atomic_store_explicit(&force_quit, true, memory_order_relaxed);
}

static void
signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = signal_handler;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked read or sleep returns so that we can quit. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static bool
should_quit(uint64_t deadline_ns)
{
	if (atomic_load_explicit(&force_quit, memory_order_relaxed))
		return true;
	return deadline_ns != 0 && now_ns() >= deadline_ns;
}

/*
 * Non-interactive run: statistics every --stats-period seconds until a
 * signal or --run-time; without --stats-period also until enter. When
 * stdin ends (not a terminal, e.g. /dev/null), keep forwarding until a
 * signal or --run-time, so that the tool can run in the background.
 */
static void
run_until_quit(void)
{
	uint64_t start = now_ns();
	uint64_t deadline = cfg.run_time ? start + cfg.run_time * 1000000000ull : 0;
	uint64_t period = cfg.stats_period * 1000000000ull;
	uint64_t next_stats = start + period;
	bool watch_stdin = cfg.stats_period == 0;

	if (watch_stdin)
		printf("Press enter to exit\n");
	fflush(stdout);
	while (!should_quit(deadline)) {
		struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
		uint64_t now;
		int timeout_ms = 100;

		if (period != 0) {
			now = now_ns();
			if (now >= next_stats) {
				periodic_stats_display();
				next_stats += period;
				if (next_stats <= now)
					next_stats = now + period;
			}
			timeout_ms = (int)RTE_MIN((next_stats - now_ns()) / 1000000 + 1, 100ull);
		}
		if (watch_stdin) {
			int r = poll(&pfd, 1, timeout_ms);

			if (r > 0) {
				char c;
				ssize_t n = read(STDIN_FILENO, &c, 1);

				if (n == 1)
					break;		/* enter (or any input) */
				/* EOF or a closed stdin: wait for a signal. */
				if (n == 0 || (errno != EINTR && errno != EAGAIN))
					watch_stdin = false;
			}
		} else {
			struct timespec ts = { 0, (long)timeout_ms * 1000000L };

			nanosleep(&ts, NULL);
		}
	}
}

int
main(int argc, char **argv)
{
	uint16_t nb_ports;
	int ret;

	signals_install();
	ret = rte_eal_init(argc, argv);
	/* -h: the EAL printed its usage, started nothing and left rte_errno 0 */
	if (ret < 0 && rte_errno == 0)
		return EXIT_SUCCESS;
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "Cannot init EAL: %s\n", rte_strerror(rte_errno));
	argc -= ret;
	argv += ret;

	/* From here on every way out goes through rte_eal_cleanup. */
	cfg_defaults();
	/* Before the options: --coremask picks among these lcores. */
	fwd_lcores_find();
	ret = testpmd_parse_args(argc, argv);
	if (ret != 0) {
		ret = ret < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
		goto out_args;
	}
	ret = EXIT_FAILURE;
	if (nb_avail_fwd_lcores == 0) {
		fprintf(stderr, "testpmd: no forwarding lcore: the main lcore only runs the "
			"prompt; give at least two lcores, e.g. -l 0-1\n");
		goto out_args;
	}
	if (cfg.nb_fwd_lcores > nb_avail_fwd_lcores) {
		fprintf(stderr, "testpmd: --nb-cores=%u but only %u forwarding lcore(s): give "
			"more lcores with -l or lower --nb-cores\n", cfg.nb_fwd_lcores,
			nb_avail_fwd_lcores);
		goto out_args;
	}
	nb_ports = rte_eth_dev_count_avail();
	if (nb_ports == 0 && !cfg.interactive) {
		fprintf(stderr, "testpmd: no ports to forward on: add some, e.g. --vdev net_null0 "
			"--vdev net_null1, or bind a NIC to vfio-pci\n");
		goto out_args;
	}
	/* As DPDK's testpmd: a failure is only noted, forwarding works without it. */
	if (cfg.mlockall && mlockall(MCL_CURRENT | MCL_FUTURE) != 0)
		printf("testpmd: mlockall() failed with error \"%s\"; raise the locked memory "
		       "limit (ulimit -l) or leave out --mlockall\n", strerror(errno));
	if (nb_ports == 0)
		printf("testpmd: no ports yet (add some with --vdev)\n");
	if (mbuf_pool_create(RTE_MAX(nb_ports, (uint16_t)1)) < 0)
		goto out_args;
	/* The ports probed from here on (port attach) and every link change. */
	if (port_events_register() != 0)
		goto out_pools;
	/* as DPDK's testpmd: sluice-dumpcap can capture this primary's ports */
	if (rte_eal_process_type() == RTE_PROC_PRIMARY && rte_pdump_init() != 0)
		fprintf(stderr, "testpmd: packet capture unavailable: %s\n",
			rte_strerror(rte_errno));
	if (cfg.interactive)
		printf("Interactive-mode selected\n");
	if (ports_start(RTE_MAX_ETHPORTS) != 0 && !cfg.interactive) {
		rte_pdump_uninit();
		ports_close();
		goto out_events;
	}

	ret = EXIT_SUCCESS;
	if (cfg.cmdline_file != NULL)
		cmdline_file_exec(cfg.cmdline_file);
	if (cfg.interactive) {
		if (cfg.auto_start) {
			printf("Start automatic packet forwarding\n");
			fwd_start(cfg.tx_first ? 1 : 0);
		}
		cmdline_run();
	} else {
		printf("No commandline core given, start packet forwarding\n");
		if (fwd_start(cfg.tx_first ? 1 : 0) != 0)
			ret = EXIT_FAILURE;
		else
			run_until_quit();
	}
	if (fwd_running())
		fwd_stop();
	/* the capture callbacks go before the ports they are on */
	rte_pdump_uninit();
	ports_close();
	fwd_streams_free();
	printf("\nBye...\n");
	fflush(stdout);
out_events:
	port_events_unregister();
out_pools:
	/* DPDK's testpmd frees its pools too: nothing is left for a leak check */
	mbuf_pools_free();
out_args:
	testpmd_args_free();
	rte_eal_cleanup();
	return ret;
}
