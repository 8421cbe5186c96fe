/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * --display-xstats NAME[,NAME]...: the named extended statistics of each
 * port, with their rate, under its "NIC statistics" block (show port stats
 * and --stats-period), as DPDK's testpmd shows them.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ethdev.h>

#include "testpmd.h"

void
port_xstats_display_free(uint16_t pid)
{
	struct port_state *p = &ports[pid];

	free(p->xstats_ids);
	free(p->xstats_prev);
	p->xstats_ids = NULL;
	p->xstats_prev = NULL;
	p->nb_xstats_ids = 0;
	p->xstats_prev_ns = 0;
}

/*
 * Find the ids of the names on the port, once its queues exist (per-queue
 * names appear then). A name the port lacks is skipped with DPDK's line.
 */
void
port_xstats_display_init(uint16_t pid)
{
	struct port_state *p = &ports[pid];

	port_xstats_display_free(pid);
	if (cfg.nb_xstats_display == 0)
		return;
	p->xstats_ids = calloc(cfg.nb_xstats_display, sizeof(*p->xstats_ids));
	p->xstats_prev = calloc(cfg.nb_xstats_display, sizeof(*p->xstats_prev));
	if (p->xstats_ids == NULL || p->xstats_prev == NULL) {
		fprintf(stderr, "testpmd: no memory to display the xstats of port %u\n", pid);
		port_xstats_display_free(pid);
		return;
	}
	for (unsigned int i = 0; i < cfg.nb_xstats_display; i++) {
		uint64_t id;

		if (rte_eth_xstats_get_id_by_name(pid, cfg.xstats_display[i], &id) != 0) {
			fprintf(stderr, "No xstat '%s' on port %u - skip it %u\n",
				cfg.xstats_display[i], pid, i);
			continue;
		}
		p->xstats_ids[p->nb_xstats_ids++] = id;
	}
}

void
port_xstats_display(uint16_t pid)
{
	struct port_state *p = &ports[pid];
	struct rte_eth_xstat_name *names;
	uint64_t values[p->nb_xstats_ids > 0 ? p->nb_xstats_ids : 1];
	uint64_t now, dns = 0;
	int rc;

	if (p->nb_xstats_ids == 0)
		return;
	printf("\n");
	rc = rte_eth_xstats_get_by_id(pid, p->xstats_ids, values, p->nb_xstats_ids);
	if (rc != (int)p->nb_xstats_ids) {
		fprintf(stderr, "Failed to get values of %u xstats for port %u - return code %d\n",
			p->nb_xstats_ids, pid, rc);
		return;
	}
	names = calloc(p->nb_xstats_ids, sizeof(*names));
	if (names == NULL ||
	    rte_eth_xstats_get_names_by_id(pid, names, p->nb_xstats_ids, p->xstats_ids) !=
		    (int)p->nb_xstats_ids) {
		fprintf(stderr, "Failed to get the names of %u xstats for port %u\n",
			p->nb_xstats_ids, pid);
		free(names);
		return;
	}
	now = now_ns();
	if (p->xstats_prev_ns != 0)
		dns = now - p->xstats_prev_ns;
	p->xstats_prev_ns = now;
	printf("%-31s%-17s%s\n", " ", "Value", "Rate (since last show)");
	for (unsigned int i = 0; i < p->nb_xstats_ids; i++) {
		uint64_t diff = values[i] > p->xstats_prev[i] ? values[i] - p->xstats_prev[i] : 0;
		uint64_t rate = dns > 0 ? (uint64_t)((double)diff / (double)dns * 1e9) : 0;

		p->xstats_prev[i] = values[i];
		printf("  %-25s%12" PRIu64 " %15" PRIu64 "\n", names[i].name, values[i], rate);
	}
	free(names);
}
