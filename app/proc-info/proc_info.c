/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-proc-info: a secondary process that reads a running primary's
 * ports, rings and mempools, with the main options of dpdk-proc-info and
 * its report layout, so that scripts written for one read the other.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#define PROG "sluice-proc-info"

/* Banner filler: a title is centred between two runs of '=' of one width. */
static const char banner_fill[] = "========================================";
static const char stats_border[] = "########################";

struct proc_info_opts {
	uint64_t port_mask; /* 0: every port */
	bool stats;
	bool xstats;
	bool stats_reset;
	bool xstats_reset;
	bool show_port;
	bool show_ring;
	bool show_mempool;
	const char *xstats_name;
	const char *ring_name;	  /* NULL: list every ring */
	const char *mempool_name; /* NULL: list every mempool */
};

static void
banner_print(int width, const char *title)
{
	printf("%.*s%s%.*s\n", width, banner_fill, title, width, banner_fill);
}

static void
usage_print(FILE *out, const char *prog)
{
	fprintf(out,
		"%s [EAL options] -- -p PORTMASK\n"
		"  -p PORTMASK: hexadecimal bitmask of ports to retrieve stats for\n"
		"  --stats: to display port statistics, enabled by default\n"
		"  --xstats: to display extended port statistics, disabled by default\n"
		"  --xstats-name NAME: to display single xstat id by NAME\n"
		"  --stats-reset: to reset port statistics\n"
		"  --xstats-reset: to reset port extended statistics\n"
		"  --show-port: to display ports information\n"
		"  --show-ring[=name]: to display ring information\n"
		"  --show-mempool[=name]: to display mempool information\n",
		prog);
}

static int
port_mask_parse(const char *arg, uint64_t *mask)
{
	char *end = NULL;

	errno = 0;
	*mask = strtoull(arg, &end, 16);
	if (arg[0] == '\0' || arg[0] == '-' || *end != '\0' || errno != 0 || *mask == 0) {
		fprintf(stderr,
			"Invalid portmask '%s': give a nonzero hexadecimal mask, e.g. -p 3\n", arg);
		return -EINVAL;
	}
	return 0;
}

enum {
	OPT_STATS = 256,
	OPT_XSTATS,
	OPT_XSTATS_NAME,
	OPT_STATS_RESET,
	OPT_XSTATS_RESET,
	OPT_SHOW_PORT,
	OPT_SHOW_RING,
	OPT_SHOW_MEMPOOL,
};

static int
opts_parse(int argc, char **argv, struct proc_info_opts *o)
{
	static const struct option longopts[] = {
		{"stats", no_argument, NULL, OPT_STATS},
		{"xstats", no_argument, NULL, OPT_XSTATS},
		{"xstats-name", required_argument, NULL, OPT_XSTATS_NAME},
		{"stats-reset", no_argument, NULL, OPT_STATS_RESET},
		{"xstats-reset", no_argument, NULL, OPT_XSTATS_RESET},
		{"show-port", no_argument, NULL, OPT_SHOW_PORT},
		{"show-ring", optional_argument, NULL, OPT_SHOW_RING},
		{"show-mempool", optional_argument, NULL, OPT_SHOW_MEMPOOL},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (port_mask_parse(optarg, &o->port_mask) != 0)
				return -EINVAL;
			break;
		case OPT_STATS:
			o->stats = true;
			break;
		case OPT_XSTATS:
			o->xstats = true;
			break;
		case OPT_XSTATS_NAME:
			o->xstats_name = optarg;
			break;
		case OPT_STATS_RESET:
			o->stats_reset = true;
			break;
		case OPT_XSTATS_RESET:
			o->xstats_reset = true;
			break;
		case OPT_SHOW_PORT:
			o->show_port = true;
			break;
		case OPT_SHOW_RING:
			o->show_ring = true;
			o->ring_name = optarg;
			break;
		case OPT_SHOW_MEMPOOL:
			o->show_mempool = true;
			o->mempool_name = optarg;
			break;
		case 'h':
			usage_print(stdout, argv[0]);
			exit(EXIT_SUCCESS);
		default:
			usage_print(stderr, argv[0]);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "Unexpected argument '%s'; see --help\n", argv[optind]);
		return -EINVAL;
	}
	return 0;
}

static void
port_stats_print(uint16_t port)
{
	struct rte_eth_stats st;
	unsigned int i;
	int ret;

	ret = rte_eth_stats_get(port, &st);
	if (ret != 0) {
		printf("Cannot get the statistics of port %u: %s\n", port, strerror(-ret));
		return;
	}
	printf("\n  %s NIC statistics for port %-2u %s\n", stats_border, port, stats_border);
	printf("  RX-packets: %-10" PRIu64 "  RX-errors:  %-10" PRIu64 "  RX-bytes:  %-10" PRIu64
	       "\n",
	       st.ipackets, st.ierrors, st.ibytes);
	printf("  RX-nombuf:  %-10" PRIu64 "\n", st.rx_nombuf);
	printf("  TX-packets: %-10" PRIu64 "  TX-errors:  %-10" PRIu64 "  TX-bytes:  %-10" PRIu64
	       "\n",
	       st.opackets, st.oerrors, st.obytes);
	printf("\n");
	for (i = 0; i < RTE_ETHDEV_QUEUE_STAT_CNTRS; i++)
		printf("  Stats reg %2u RX-packets: %-10" PRIu64 "  RX-errors: %-10" PRIu64
		       "  RX-bytes: %-10" PRIu64 "\n",
		       i, st.q_ipackets[i], st.q_errors[i], st.q_ibytes[i]);
	printf("\n");
	for (i = 0; i < RTE_ETHDEV_QUEUE_STAT_CNTRS; i++)
		printf("  Stats reg %2u TX-packets: %-10" PRIu64 "  TX-bytes: %-10" PRIu64 "\n", i,
		       st.q_opackets[i], st.q_obytes[i]);
	printf("  %s############################%s\n", stats_border, stats_border);
}

static void
port_xstats_print(uint16_t port, const char *only)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *values = NULL;
	int n, i;

	n = rte_eth_xstats_get_names(port, NULL, 0);
	if (n < 0) {
		printf("Cannot get xstats count\n");
		return;
	}
	names = calloc((size_t)n + 1, sizeof(*names));
	values = calloc((size_t)n + 1, sizeof(*values));
	if (names == NULL || values == NULL) {
		printf("Cannot allocate memory for xstats\n");
		goto out_free;
	}
	/* the primary may add counters between the calls: take what fits */
	if (rte_eth_xstats_get_names(port, names, (unsigned int)n) < 0) {
		printf("Cannot get xstat names\n");
		goto out_free;
	}
	n = rte_eth_xstats_get(port, values, (unsigned int)n);
	if (n < 0) {
		printf("Cannot get xstats\n");
		goto out_free;
	}
	if (only != NULL) {
		printf("###### NIC statistics for port %-2u, statistic name '%s':\n", port, only);
		for (i = 0; i < n; i++)
			if (values[i].id < (uint64_t)n &&
			    strcmp(names[values[i].id].name, only) == 0)
				break;
		if (i < n)
			printf("%s: %" PRIu64 "\n", only, values[i].value);
		else
			printf("Statistic not found...\n");
		goto out_free;
	}
	printf("###### NIC extended statistics for port %-2u #########\n", port);
	printf("%s############################\n", stats_border);
	for (i = 0; i < n; i++)
		if (values[i].id < (uint64_t)n)
			printf("%s: %" PRIu64 "\n", names[values[i].id].name, values[i].value);
	printf("%s############################\n", stats_border);
out_free:
	free(names);
	free(values);
}

static void
port_stats_reset(uint16_t port, bool extended)
{
	int ret;

	printf("\n Clearing NIC %s for port %u\n", extended ? "xstats" : "stats", port);
	ret = extended ? rte_eth_xstats_reset(port) : rte_eth_stats_reset(port);
	if (ret != 0) {
		printf("\n Error clearing %s for port %u: %s\n", extended ? "xstats" : "stats",
		       port, strerror(-ret));
		return;
	}
	printf("\n  NIC %s for port %u cleared\n", extended ? "extended statistics" : "statistics",
	       port);
}

static void
port_queues_print(uint16_t port, const struct rte_eth_dev_info *info)
{
	struct rte_eth_rxq_info rxq;
	struct rte_eth_txq_info txq;
	uint16_t q;

	for (q = 0; q < info->nb_rx_queues; q++) {
		if (rte_eth_rx_queue_info_get(port, q, &rxq) != 0)
			continue;
		if (q == 0)
			printf("  - rx queue\n");
		printf("\t  -- %u descriptors %u", q, rxq.nb_desc);
		if (rxq.scattered_rx)
			printf(" scattered");
		if (rxq.conf.rx_drop_en)
			printf(" drop_en");
		if (rxq.conf.rx_deferred_start)
			printf(" deferred_start");
		if (rxq.rx_buf_size != 0)
			printf(" rx buffer size %u", rxq.rx_buf_size);
		if (rxq.mp != NULL)
			printf(" mempool %s socket %d", rxq.mp->name, rxq.mp->socket_id);
		printf("\n");
	}
	for (q = 0; q < info->nb_tx_queues; q++) {
		if (rte_eth_tx_queue_info_get(port, q, &txq) != 0)
			continue;
		if (q == 0)
			printf("  - tx queue\n");
		printf("\t  -- %u descriptors %u thresh %u/%u", q, txq.nb_desc,
		       txq.conf.tx_rs_thresh, txq.conf.tx_free_thresh);
		if (txq.conf.tx_deferred_start)
			printf(" deferred_start");
		printf("\n");
	}
}

static void
port_show(uint16_t port)
{
	char link_text[RTE_ETH_LINK_MAX_STR_LEN];
	char mac_text[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_eth_dev_owner owner;
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	struct rte_eth_link link;
	char title[64];
	uint16_t mtu;
	int ret;

	snprintf(title, sizeof(title), " Port %u ", port);
	banner_print(5, title);
	printf("  - generic config\n");
	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0) {
		printf("Error during getting device info: %s\n", strerror(-ret));
		return;
	}
	printf("\t  -- driver %s device %s socket %d\n", info.driver_name,
	       info.device != NULL ? rte_dev_name(info.device) : "unknown",
	       rte_eth_dev_socket_id(port));
	if (rte_eth_dev_owner_get(port, &owner) == 0 && owner.id != RTE_ETH_DEV_NO_OWNER)
		printf("\t --  owner %#" PRIx64 ":%s\n", owner.id, owner.name);
	ret = rte_eth_link_get_nowait(port, &link);
	if (ret < 0) {
		printf("Link get failed (port %u): %s\n", port, strerror(-ret));
	} else {
		rte_eth_link_to_str(link_text, sizeof(link_text), &link);
		printf("\t%s\n", link_text);
	}
	if (rte_eth_macaddr_get(port, &mac) == 0) {
		rte_ether_format_addr(mac_text, sizeof(mac_text), &mac);
		printf("\t  -- mac %s\n", mac_text);
	}
	ret = rte_eth_promiscuous_get(port);
	if (ret >= 0)
		printf("\t  -- promiscuous mode %s\n", ret ? "enabled" : "disabled");
	ret = rte_eth_allmulticast_get(port);
	if (ret >= 0)
		printf("\t  -- all multicast mode %s\n", ret ? "enabled" : "disabled");
	if (rte_eth_dev_get_mtu(port, &mtu) == 0)
		printf("\t  -- mtu (%u)\n", mtu);
	port_queues_print(port, &info);
}

static void
ring_show(const char *name)
{
	const struct rte_ring *r = name != NULL ? rte_ring_lookup(name) : NULL;

	banner_print(10, " show - RING ");
	if (r == NULL) {
		if (name != NULL)
			printf("  no ring named '%s'; every ring:\n", name);
		rte_ring_list_dump(stdout);
		return;
	}
	printf("  - Name (%s) on socket (%d)\n"
	       "  - flags:\n"
	       "\t  -- Single Producer Enqueue (%u)\n"
	       "\t  -- Single Consumer Dequeue (%u)\n",
	       r->name, r->memzone != NULL ? r->memzone->socket_id : SOCKET_ID_ANY,
	       (unsigned int)(r->flags & RING_F_SP_ENQ), (unsigned int)(r->flags & RING_F_SC_DEQ));
	printf("  - size (%u) mask (0x%x) capacity (%u)\n", r->size, r->mask, r->capacity);
	printf("  - count (%u) free count (%u)\n", rte_ring_count(r), rte_ring_free_count(r));
	printf("  - full (%d) empty (%d)\n", rte_ring_full(r), rte_ring_empty(r));
	banner_print(50, "");
}

static char
flag_yn(unsigned int flags, unsigned int bit)
{
	return (flags & bit) != 0 ? 'y' : 'n';
}

static void
mempool_show(const char *name)
{
	struct rte_mempool *mp = name != NULL ? rte_mempool_lookup(name) : NULL;
	const struct rte_mempool_ops *ops;

	banner_print(10, " show - MEMPOOL ");
	if (mp == NULL) {
		if (name != NULL)
			printf("  no mempool named '%s'; every mempool:\n", name);
		rte_mempool_list_dump(stdout);
		return;
	}
	ops = rte_mempool_get_ops(mp->ops_index);
	printf("  - Name: %s on socket %d\n"
	       "  - flags:\n"
	       "\t  -- No spread (%c)\n"
	       "\t  -- No cache align (%c)\n"
	       "\t  -- SP put (%c), SC get (%c)\n"
	       "\t  -- Pool created (%c)\n"
	       "\t  -- No IOVA config (%c)\n"
	       "\t  -- Not used for IO (%c)\n",
	       mp->name, mp->socket_id, flag_yn(mp->flags, RTE_MEMPOOL_F_NO_SPREAD),
	       flag_yn(mp->flags, RTE_MEMPOOL_F_NO_CACHE_ALIGN),
	       flag_yn(mp->flags, RTE_MEMPOOL_F_SP_PUT), flag_yn(mp->flags, RTE_MEMPOOL_F_SC_GET),
	       flag_yn(mp->flags, RTE_MEMPOOL_F_POOL_CREATED),
	       flag_yn(mp->flags, RTE_MEMPOOL_F_NO_IOVA_CONTIG),
	       flag_yn(mp->flags, RTE_MEMPOOL_F_NON_IO));
	printf("  - Size %u Cache %u element %u\n"
	       "  - header %u trailer %u\n"
	       "  - private data size %u\n",
	       mp->size, mp->cache_size, mp->elt_size, mp->header_size, mp->trailer_size,
	       mp->private_data_size);
	if (mp->mz != NULL)
		printf("  - memezone - socket %d\n", mp->mz->socket_id);
	printf("  - Count: avail (%u), in use (%u)\n", rte_mempool_avail_count(mp),
	       rte_mempool_in_use_count(mp));
	printf("  - ops_index %d ops_name %s\n", mp->ops_index, ops != NULL ? ops->name : "NA");
}

static bool
port_selected(const struct proc_info_opts *o, uint16_t port)
{
	return o->port_mask == 0 || (port < 64 && (o->port_mask >> port) & 1);
}

static void
ports_report(const struct proc_info_opts *o)
{
	uint16_t port;

	/* one port action at a time, in dpdk-proc-info's order of precedence */
	RTE_ETH_FOREACH_DEV(port)
	{
		if (!port_selected(o, port))
			continue;
		if (o->stats)
			port_stats_print(port);
		else if (o->xstats)
			port_xstats_print(port, NULL);
		else if (o->stats_reset)
			port_stats_reset(port, false);
		else if (o->xstats_reset)
			port_stats_reset(port, true);
		else if (o->xstats_name != NULL)
			port_xstats_print(port, o->xstats_name);
	}
	if (o->show_port) {
		banner_print(10, " show - Port PMD ");
		RTE_ETH_FOREACH_DEV(port)
		if (port_selected(o, port))
			port_show(port);
	}
}

int
main(int argc, char **argv)
{
	struct proc_info_opts o = {0};
	char proc_type[] = "--proc-type=secondary";
	char **eal_argv;
	int ret, n;

	/* the process is always a secondary: the option goes first so a user's wins */
	eal_argv = calloc((size_t)argc + 2, sizeof(*eal_argv));
	if (eal_argv == NULL) {
		fprintf(stderr, PROG ": out of memory\n");
		return EXIT_FAILURE;
	}
	eal_argv[0] = argv[0];
	eal_argv[1] = proc_type;
	memcpy(&eal_argv[2], &argv[1], (size_t)(argc - 1) * sizeof(*argv));
	n = rte_eal_init(argc + 1, eal_argv);
	if (n < 0) {
		/* the EAL has named the cause (no primary, other build...) */
		free(eal_argv);
		return EXIT_FAILURE;
	}
	/* getopt sees the application's part, with the program name before it */
	eal_argv[n] = argv[0];
	ret = opts_parse(argc + 1 - n, &eal_argv[n], &o);
	if (ret != 0)
		goto out_cleanup;
	if (!o.stats && !o.xstats && !o.stats_reset && !o.xstats_reset && o.xstats_name == NULL &&
	    !o.show_port && !o.show_ring && !o.show_mempool)
		o.stats = true; /* the default report, as dpdk-proc-info's */
	if (rte_eth_dev_count_avail() == 0 &&
	    (o.stats || o.xstats || o.stats_reset || o.xstats_reset || o.xstats_name != NULL ||
	     o.show_port)) {
		fprintf(stderr, "No Ethernet ports - bye\n");
		ret = -ENODEV;
		goto out_cleanup;
	}
	ports_report(&o);
	if (o.show_ring)
		ring_show(o.ring_name);
	if (o.show_mempool)
		mempool_show(o.mempool_name);
out_cleanup:
	rte_eal_cleanup();
	free(eal_argv);
	return ret == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
