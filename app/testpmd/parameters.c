/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The application part of the command line (after the EAL options and
 * "--"), with dpdk-testpmd's option names and meanings.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_byteorder.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mempool.h>

#include "testpmd.h"

enum {
	OPT_FORWARD_MODE = 256,
	OPT_NB_CORES,
	OPT_NB_PORTS,
	OPT_RXQ,
	OPT_TXQ,
	OPT_RXD,
	OPT_TXD,
	OPT_BURST,
	OPT_TXPKTS,
	OPT_MBUF_SIZE,
	OPT_TOTAL_NUM_MBUFS,
	OPT_STATS_PERIOD,
	OPT_TX_FIRST,
	OPT_PORT_TOPOLOGY,
	OPT_ETH_PEER,
	OPT_RSS_IP,
	OPT_RSS_UDP,
	OPT_NO_FLUSH_RX,
	OPT_DISABLE_LINK_CHECK,
	OPT_RUN_TIME,
	OPT_CMDLINE_FILE,
	OPT_RECORD_CORE_CYCLES,
	OPT_MBCACHE,
	OPT_MAX_PKT_LEN,
	OPT_PORTMASK,
	OPT_RECORD_BURST_STATS,
	OPT_ENABLE_RX_CKSUM,
	OPT_HELP,
	OPT_COREMASK,
	OPT_PORTLIST,
	OPT_NUMA,
	OPT_NO_NUMA,
	OPT_DISABLE_RSS,
	OPT_RX_OFFLOADS,
	OPT_TX_OFFLOADS,
	OPT_HAIRPINQ,
	OPT_NO_LSC_INTERRUPT,
	OPT_NO_RMV_INTERRUPT,
	OPT_PRINT_EVENT,
	OPT_MASK_EVENT,
	OPT_MLOCKALL,
	OPT_NO_MLOCKALL,
	OPT_ETH_LINK_SPEED,
	OPT_DISPLAY_XSTATS,
	OPT_TX_IP,
	OPT_TX_UDP,
	OPT_TXONLY_MULTI_FLOW,
	OPT_FLOWGEN_FLOWS,
	OPT_FLOWGEN_CLONES,
	/* thresholds and noisy_vnf numbers: one table, thresh_opts[] / noisy_opts[] */
	OPT_THRESH_FIRST,
	OPT_THRESH_LAST = OPT_THRESH_FIRST + 8,
	OPT_NOISY_FIRST,
	OPT_NOISY_LAST = OPT_NOISY_FIRST + 5,
};

/* A numeric option stored in cfg, with DPDK's line for a bad value. */
struct num_opt {
	const char *name;
	unsigned long min, max;
	const char *dpdk_msg;
	int32_t *i32;	/* one of the two */
	uint32_t *u32;
};

static const struct num_opt thresh_opts[] = {
	{ "rxpt", 0, UINT8_MAX, "rxpt must be >= 0", &cfg.rx_pthresh, NULL },
	{ "rxht", 0, UINT8_MAX, "rxht must be >= 0", &cfg.rx_hthresh, NULL },
	{ "rxwt", 0, UINT8_MAX, "rxwt must be >= 0", &cfg.rx_wthresh, NULL },
	{ "rxfreet", 0, UINT16_MAX, "rxfreet must be >= 0", &cfg.rx_free_thresh, NULL },
	{ "txpt", 0, UINT8_MAX, "txpt must be >= 0", &cfg.tx_pthresh, NULL },
	{ "txht", 0, UINT8_MAX, "txht must be >= 0", &cfg.tx_hthresh, NULL },
	{ "txwt", 0, UINT8_MAX, "txwt must be >= 0", &cfg.tx_wthresh, NULL },
	{ "txfreet", 0, UINT16_MAX, "txfreet must be >= 0", &cfg.tx_free_thresh, NULL },
	{ "txrst", 0, UINT16_MAX, "txrst must be >= 0", &cfg.tx_rs_thresh, NULL },
};
_Static_assert(RTE_DIM(thresh_opts) == OPT_THRESH_LAST - OPT_THRESH_FIRST + 1,
	       "one option number a threshold");

static const struct num_opt noisy_opts[] = {
	{ "noisy-tx-sw-buffer-size", 0, UINT16_MAX, "noisy-tx-sw-buffer-size must be >= 0", NULL,
	  &cfg.noisy_tx_sw_bufsz },
	{ "noisy-tx-sw-buffer-flushtime", 0, UINT32_MAX,
	  "noisy-tx-sw-buffer-flushtime must be >= 0", NULL, &cfg.noisy_flush_ms },
	{ "noisy-lkup-memory", 0, 65536, "noisy-lkup-memory must be >= 0", NULL,
	  &cfg.noisy_lkup_mem_mb },
	{ "noisy-lkup-num-writes", 0, UINT32_MAX, "noisy-lkup-num-writes must be >= 0", NULL,
	  &cfg.noisy_lkup_writes },
	{ "noisy-lkup-num-reads", 0, UINT32_MAX, "noisy-lkup-num-reads must be >= 0", NULL,
	  &cfg.noisy_lkup_reads },
	{ "noisy-lkup-num-reads-writes", 0, UINT32_MAX, "noisy-lkup-num-reads-writes must be >= 0",
	  NULL, &cfg.noisy_lkup_reads_writes },
};
static const struct num_opt flowgen_flows_opt = {
	"flowgen-flows", 1, INT32_MAX, "flows must be >= 1", NULL, &cfg.flowgen_flows
};

_Static_assert(RTE_DIM(noisy_opts) == OPT_NOISY_LAST - OPT_NOISY_FIRST + 1,
	       "one option number a noisy parameter");

static const struct option long_opts[] = {
	{ "interactive", no_argument, NULL, 'i' },
	{ "auto-start", no_argument, NULL, 'a' },
	{ "forward-mode", required_argument, NULL, OPT_FORWARD_MODE },
	{ "nb-cores", required_argument, NULL, OPT_NB_CORES },
	{ "nb-ports", required_argument, NULL, OPT_NB_PORTS },
	{ "rxq", required_argument, NULL, OPT_RXQ },
	{ "txq", required_argument, NULL, OPT_TXQ },
	{ "rxd", required_argument, NULL, OPT_RXD },
	{ "txd", required_argument, NULL, OPT_TXD },
	{ "burst", required_argument, NULL, OPT_BURST },
	{ "txpkts", required_argument, NULL, OPT_TXPKTS },
	{ "mbuf-size", required_argument, NULL, OPT_MBUF_SIZE },
	{ "total-num-mbufs", required_argument, NULL, OPT_TOTAL_NUM_MBUFS },
	{ "stats-period", required_argument, NULL, OPT_STATS_PERIOD },
	{ "tx-first", no_argument, NULL, OPT_TX_FIRST },
	{ "port-topology", required_argument, NULL, OPT_PORT_TOPOLOGY },
	{ "eth-peer", required_argument, NULL, OPT_ETH_PEER },
	{ "rss-ip", no_argument, NULL, OPT_RSS_IP },
	{ "rss-udp", no_argument, NULL, OPT_RSS_UDP },
	{ "no-flush-rx", no_argument, NULL, OPT_NO_FLUSH_RX },
	{ "disable-link-check", no_argument, NULL, OPT_DISABLE_LINK_CHECK },
	{ "run-time", required_argument, NULL, OPT_RUN_TIME },
	{ "cmdline-file", required_argument, NULL, OPT_CMDLINE_FILE },
	{ "record-core-cycles", no_argument, NULL, OPT_RECORD_CORE_CYCLES },
	{ "mbcache", required_argument, NULL, OPT_MBCACHE },
	{ "max-pkt-len", required_argument, NULL, OPT_MAX_PKT_LEN },
	{ "portmask", required_argument, NULL, OPT_PORTMASK },
	{ "record-burst-stats", no_argument, NULL, OPT_RECORD_BURST_STATS },
	{ "enable-rx-cksum", no_argument, NULL, OPT_ENABLE_RX_CKSUM },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "coremask", required_argument, NULL, OPT_COREMASK },
	{ "portlist", required_argument, NULL, OPT_PORTLIST },
	{ "numa", no_argument, NULL, OPT_NUMA },
	{ "no-numa", no_argument, NULL, OPT_NO_NUMA },
	{ "disable-rss", no_argument, NULL, OPT_DISABLE_RSS },
	{ "rx-offloads", required_argument, NULL, OPT_RX_OFFLOADS },
	{ "tx-offloads", required_argument, NULL, OPT_TX_OFFLOADS },
	{ "hairpinq", required_argument, NULL, OPT_HAIRPINQ },
	{ "no-lsc-interrupt", no_argument, NULL, OPT_NO_LSC_INTERRUPT },
	{ "no-rmv-interrupt", no_argument, NULL, OPT_NO_RMV_INTERRUPT },
	{ "print-event", required_argument, NULL, OPT_PRINT_EVENT },
	{ "mask-event", required_argument, NULL, OPT_MASK_EVENT },
	{ "mlockall", no_argument, NULL, OPT_MLOCKALL },
	{ "no-mlockall", no_argument, NULL, OPT_NO_MLOCKALL },
	{ "eth-link-speed", required_argument, NULL, OPT_ETH_LINK_SPEED },
	{ "display-xstats", required_argument, NULL, OPT_DISPLAY_XSTATS },
	{ "tx-ip", required_argument, NULL, OPT_TX_IP },
	{ "tx-udp", required_argument, NULL, OPT_TX_UDP },
	{ "txonly-multi-flow", no_argument, NULL, OPT_TXONLY_MULTI_FLOW },
	{ "flowgen-flows", required_argument, NULL, OPT_FLOWGEN_FLOWS },
	{ "flowgen-clones", required_argument, NULL, OPT_FLOWGEN_CLONES },
	{ "rxpt", required_argument, NULL, OPT_THRESH_FIRST + 0 },
	{ "rxht", required_argument, NULL, OPT_THRESH_FIRST + 1 },
	{ "rxwt", required_argument, NULL, OPT_THRESH_FIRST + 2 },
	{ "rxfreet", required_argument, NULL, OPT_THRESH_FIRST + 3 },
	{ "txpt", required_argument, NULL, OPT_THRESH_FIRST + 4 },
	{ "txht", required_argument, NULL, OPT_THRESH_FIRST + 5 },
	{ "txwt", required_argument, NULL, OPT_THRESH_FIRST + 6 },
	{ "txfreet", required_argument, NULL, OPT_THRESH_FIRST + 7 },
	{ "txrst", required_argument, NULL, OPT_THRESH_FIRST + 8 },
	{ "noisy-tx-sw-buffer-size", required_argument, NULL, OPT_NOISY_FIRST + 0 },
	{ "noisy-tx-sw-buffer-flushtime", required_argument, NULL, OPT_NOISY_FIRST + 1 },
	{ "noisy-lkup-memory", required_argument, NULL, OPT_NOISY_FIRST + 2 },
	{ "noisy-lkup-num-writes", required_argument, NULL, OPT_NOISY_FIRST + 3 },
	{ "noisy-lkup-num-reads", required_argument, NULL, OPT_NOISY_FIRST + 4 },
	{ "noisy-lkup-num-reads-writes", required_argument, NULL, OPT_NOISY_FIRST + 5 },
	{ NULL, 0, NULL, 0 },
};

static void
usage(const char *prg)
{
	printf("Usage: %s [EAL options] -- [testpmd options]\n"
	       "  -i, --interactive          run the command prompt\n"
	       "  -a, --auto-start           start forwarding at once in interactive mode\n"
	       "  --forward-mode=MODE        %s (default io)\n"
	       "  --nb-cores=N               forwarding lcores (default 1)\n"
	       "  --nb-ports=N               forwarding ports (default all)\n"
	       "  --rxq=N, --txq=N           queues per port (default 1)\n"
	       "  --rxd=N, --txd=N           descriptors per queue (default: driver's)\n"
	       "  --burst=N                  packets per burst, 1..%d (default %d)\n"
	       "  --txpkts=X[,Y]*            txonly/flowgen segment lengths (default 64)\n"
	       "  --mbuf-size=N              mbuf data room size (default %d)\n"
	       "  --total-num-mbufs=N        mbufs in the pool (> 1024; default computed)\n"
	       "  --mbcache=N                per-lcore mbuf cache, 0..%d (default %d)\n"
	       "  --max-pkt-len=N            largest frame the ports take, >= 64 (sets the MTU)\n"
	       "  --portmask=0xMASK          forward on the ports of MASK only (hexadecimal)\n"
	       "  --stats-period=SECS        print port statistics every SECS seconds\n"
	       "  --tx-first                 send one burst on every stream before forwarding\n"
	       "  --port-topology=T          paired, chained or loop (default paired)\n"
	       "  --eth-peer=N,XX:XX:XX:XX:XX:XX  destination MAC for port N (mac, txonly)\n"
	       "  --rss-ip, --rss-udp        RSS hash on IP / IP+UDP with several rx queues\n"
	       "  --no-flush-rx              do not drain rx queues before forwarding\n"
	       "  --disable-link-check       do not wait for links to come up when ports start or stop\n"
	       "  --cmdline-file=FILE        run the commands of FILE after the ports start\n"
	       "  --record-core-cycles       CPU cycles per packet in the forward statistics\n"
	       "  --record-burst-stats       burst sizes in the forward statistics\n"
	       "  --enable-rx-cksum          the ports check Rx IPv4/L4 checksums (csum mode counts bad ones)\n"
	       "  --coremask=0xMASK          forwarding lcores (hexadecimal; not the main lcore)\n"
	       "  --portlist=N[,N|N-M]...    forwarding ports, as a list\n"
	       "  --numa, --no-numa          a mbuf pool per socket of the ports (default) or one\n"
	       "  --disable-rss              no RSS, also with several rx queues\n"
	       "  --rx-offloads=0xMASK       Rx offloads (RTE_ETH_RX_OFFLOAD_*) asked of every port\n"
	       "  --tx-offloads=0xMASK       Tx offloads (RTE_ETH_TX_OFFLOAD_*) asked of every port\n"
	       "  --hairpinq=N               hairpin queues per port (no Sluice driver has them)\n"
	       "  --rxpt --rxht --rxwt --rxfreet --txpt --txht --txwt --txfreet --txrst=N\n"
	       "                             queue thresholds (default: the driver's)\n"
	       "  --no-lsc-interrupt, --no-rmv-interrupt  leave the link change / removal\n"
	       "                             interrupts of the ports off\n"
	       "  --print-event=EV, --mask-event=EV  print or not the port events EV (intr_lsc,\n"
	       "                             intr_rmv, dev_probed, dev_released, ..., all)\n"
	       "  --mlockall, --no-mlockall  lock all memory (default no)\n"
	       "  --eth-link-speed=N         force the link speed, Mb/s: 1000, 10000, 25000, 40000,\n"
	       "                             50000, 100000 or 200000\n"
	       "  --display-xstats=A[,B]...  these xstats under each port's statistics\n"
	       "  --tx-ip=SRC,DST            txonly/flowgen IPv4 addresses (198.18.0.1,198.18.0.2)\n"
	       "  --tx-udp=SRC[,DST]         txonly/flowgen UDP ports (9,9)\n"
	       "  --txonly-multi-flow        txonly varies the source address and port\n"
	       "  --flowgen-flows=N          flowgen flows (default 1024)\n"
	       "  --flowgen-clones=N         flowgen sends each packet N more times (< burst)\n"
	       "  --noisy-tx-sw-buffer-size=N --noisy-tx-sw-buffer-flushtime=MS\n"
	       "  --noisy-lkup-memory=MB --noisy-lkup-num-writes|reads|reads-writes=N\n"
	       "                             noisy mode: hold packets, touch memory per packet\n"
	       "  --run-time=SECS            stop and exit after SECS seconds (Sluice extension)\n",
	       prg, fwd_engine_names(), TESTPMD_MAX_BURST, TESTPMD_DEF_BURST,
	       TESTPMD_DEF_MBUF_DATA_SIZE, RTE_MEMPOOL_CACHE_MAX_SIZE, TESTPMD_MBUF_CACHE);
}

/* Parse an unsigned decimal in [min, max]; print one line and fail if not. */
static int
parse_uint(const char *opt, const char *arg, unsigned long min, unsigned long max,
	   unsigned long *val)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' || v < min || v > max) {
		fprintf(stderr, "testpmd: invalid --%s '%s': expected a number in %lu..%lu\n",
			opt, arg, min, max);
		return -1;
	}
	*val = v;
	return 0;
}


static int
parse_eth_peer(const char *arg)
{
	unsigned long port;
	const char *comma = strchr(arg, ',');
	char num[16];

	if (comma == NULL || (size_t)(comma - arg) >= sizeof(num)) {
		fprintf(stderr, "testpmd: invalid --eth-peer '%s': expected N,XX:XX:XX:XX:XX:XX\n",
			arg);
		return -1;
	}
	memcpy(num, arg, (size_t)(comma - arg));
	num[comma - arg] = '\0';
	if (parse_uint("eth-peer", num, 0, RTE_MAX_ETHPORTS - 1, &port) < 0)
		return -1;
	if (rte_ether_unformat_addr(comma + 1, &peer_addr[port]) < 0) {
		fprintf(stderr, "testpmd: invalid --eth-peer '%s': '%s' is not a MAC address "
			"like 02:00:00:00:00:01\n", arg, comma + 1);
		return -1;
	}
	return 0;
}

/* Hexadecimal, with or without 0x, as DPDK's testpmd reads it; not 0. */
static int
parse_portmask(const char *arg)
{
	unsigned long long mask;
	char *end;

	errno = 0;
	mask = strtoull(arg, &end, 16);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' || mask == 0) {
		fprintf(stderr, "testpmd: invalid --portmask '%s': expected a non-zero hexadecimal "
			"mask of ports, e.g. 0x3 for ports 0 and 1\n", arg);
		return -1;
	}
	cfg.portmask = mask;
	return 0;
}

/* A numeric option of a table; a bad value gets DPDK's line and the range. */
static int
parse_num_opt(const struct num_opt *o, const char *arg)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' || v < o->min ||
	    v > o->max) {
		fprintf(stderr, "testpmd: %s: invalid --%s '%s', give a number in %lu..%lu\n",
			o->dpdk_msg, o->name, arg, o->min, o->max);
		return -1;
	}
	if (o->i32 != NULL)
		*o->i32 = (int32_t)v;
	else
		*o->u32 = (uint32_t)v;
	return 0;
}

/* DPDK's refusal: no Sluice driver has hairpin queues, so any N > 0 is too many. */
static int
parse_hairpinq(const char *arg)
{
	unsigned long n;
	uint16_t pid;

	if (parse_uint("hairpinq", arg, 0, UINT16_MAX, &n) < 0)
		return -1;
	RTE_ETH_FOREACH_DEV(pid) {
		if (n == 0)
			break;
		fprintf(stderr, "Fail: input hairpin (%lu) can't be greater than max_hairpin_queues "
			"(0) of port %u\n", n, pid);
		fprintf(stderr, "testpmd: txq %lu invalid - must be >= 0 && <= 0: no Sluice driver "
			"has hairpin queues; leave out --hairpinq\n", n);
		return -1;
	}
	cfg.nb_hairpinq = (uint16_t)n;
	return 0;
}

int
testpmd_parse_args(int argc, char **argv)
{
	/* --txpkts is parsed as it comes and checked once --mbuf-size is known. */
	struct txpkts opt_txpkts;
	bool opt_txpkts_given = false;
	const char *prg = argv[0];
	unsigned long v;
	int opt, idx;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":iah", long_opts, &idx)) != -1) {
		switch (opt) {
		case 'i':
			cfg.interactive = true;
			break;
		case 'a':
			cfg.auto_start = true;
			break;
		case OPT_FORWARD_MODE:
			cfg.engine = fwd_engine_find(optarg);
			if (cfg.engine == NULL) {
				fprintf(stderr, "testpmd: invalid --forward-mode '%s': use one of %s\n",
					optarg, fwd_engine_names());
				return -1;
			}
			break;
		case OPT_NB_CORES:
			if (parse_uint("nb-cores", optarg, 1, RTE_MAX_LCORE, &v) < 0)
				return -1;
			cfg.nb_fwd_lcores = (uint16_t)v;
			break;
		case OPT_NB_PORTS:
			if (parse_uint("nb-ports", optarg, 1, RTE_MAX_ETHPORTS, &v) < 0)
				return -1;
			cfg.nb_fwd_ports = (uint16_t)v;
			break;
		case OPT_RXQ:
			if (parse_uint("rxq", optarg, 1, TESTPMD_MAX_QUEUES, &v) < 0)
				return -1;
			cfg.nb_rxq = (uint16_t)v;
			break;
		case OPT_TXQ:
			if (parse_uint("txq", optarg, 1, TESTPMD_MAX_QUEUES, &v) < 0)
				return -1;
			cfg.nb_txq = (uint16_t)v;
			break;
		case OPT_RXD:
			if (parse_uint("rxd", optarg, 1, UINT16_MAX, &v) < 0)
				return -1;
			cfg.nb_rxd = (uint16_t)v;
			break;
		case OPT_TXD:
			if (parse_uint("txd", optarg, 1, UINT16_MAX, &v) < 0)
				return -1;
			cfg.nb_txd = (uint16_t)v;
			break;
		case OPT_BURST:
			if (parse_uint("burst", optarg, 1, TESTPMD_MAX_BURST, &v) < 0)
				return -1;
			cfg.burst = (uint16_t)v;
			break;
		case OPT_TXPKTS:
			opt_txpkts_given = true;
			if (txpkts_parse(optarg, stderr, "testpmd: invalid --txpkts", &opt_txpkts) < 0)
				return -1;
			break;
		case OPT_MBUF_SIZE:
			if (parse_uint("mbuf-size", optarg, RTE_PKTMBUF_HEADROOM + 64,
				       UINT16_MAX, &v) < 0)
				return -1;
			cfg.mbuf_data_size = (uint16_t)v;
			break;
		case OPT_TOTAL_NUM_MBUFS:
			if (parse_uint("total-num-mbufs", optarg, 1025, UINT32_MAX, &v) < 0)
				return -1;
			cfg.total_num_mbufs = (uint32_t)v;
			break;
		case OPT_STATS_PERIOD:
			if (parse_uint("stats-period", optarg, 1, 86400, &v) < 0)
				return -1;
			cfg.stats_period = (uint32_t)v;
			break;
		case OPT_TX_FIRST:
			cfg.tx_first = true;
			break;
		case OPT_PORT_TOPOLOGY:
			if (strcmp(optarg, "paired") == 0) {
				cfg.topology = TOPO_PAIRED;
			} else if (strcmp(optarg, "chained") == 0) {
				cfg.topology = TOPO_CHAINED;
			} else if (strcmp(optarg, "loop") == 0) {
				cfg.topology = TOPO_LOOP;
			} else {
				fprintf(stderr, "testpmd: invalid --port-topology '%s': use paired, "
					"chained or loop\n", optarg);
				return -1;
			}
			break;
		case OPT_ETH_PEER:
			if (parse_eth_peer(optarg) < 0)
				return -1;
			break;
		case OPT_RSS_IP:
			cfg.rss_hf = RTE_ETH_RSS_IP;
			break;
		case OPT_RSS_UDP:
			cfg.rss_hf = RTE_ETH_RSS_IP | RTE_ETH_RSS_UDP;
			break;
		case OPT_NO_FLUSH_RX:
			cfg.no_flush_rx = true;
			break;
		case OPT_DISABLE_LINK_CHECK:
			cfg.no_link_check = true;
			break;
		case OPT_RUN_TIME:
			if (parse_uint("run-time", optarg, 1, 86400 * 365, &v) < 0)
				return -1;
			cfg.run_time = (uint32_t)v;
			break;
		case OPT_CMDLINE_FILE:
			/* Refused now rather than after the ports started. */
			if (access(optarg, R_OK) != 0) {
				fprintf(stderr, "testpmd: invalid --cmdline-file '%s': %s\n", optarg,
					strerror(errno));
				return -1;
			}
			cfg.cmdline_file = optarg;
			break;
		case OPT_MBCACHE:
			if (parse_uint("mbcache", optarg, 0, RTE_MEMPOOL_CACHE_MAX_SIZE, &v) < 0)
				return -1;
			cfg.mbuf_cache = (uint16_t)v;
			break;
		case OPT_MAX_PKT_LEN:
			if (parse_uint("max-pkt-len", optarg, RTE_ETHER_MIN_LEN, UINT32_MAX, &v) < 0)
				return -1;
			cfg.max_pkt_len = (uint32_t)v;
			break;
		case OPT_PORTMASK:
			if (parse_portmask(optarg) < 0)
				return -1;
			break;
		case OPT_RECORD_CORE_CYCLES:
			cfg.record_core_cycles = true;
			break;
		case OPT_ENABLE_RX_CKSUM:
			cfg.rx_cksum = true;
			break;
		case OPT_RECORD_BURST_STATS:
			cfg.record_burst_stats = true;
			break;
		case OPT_COREMASK:
			if (opt_coremask_parse(optarg) < 0)
				return -1;
			break;
		case OPT_PORTLIST: {
			char list[256];

			if (snprintf(list, sizeof(list), "%s", optarg) >= (int)sizeof(list) ||
			    fwd_portlist_set("--portlist", list) < 0) {
				fprintf(stderr, "testpmd: invalid --portlist '%s': give ports that "
					"exist, e.g. 0,2-3\n", optarg);
				return -1;
			}
			break;
		}
		case OPT_NUMA:
			cfg.numa = true;
			break;
		case OPT_NO_NUMA:
			cfg.numa = false;
			break;
		case OPT_DISABLE_RSS:
			cfg.rss_hf = 0;
			break;
		case OPT_RX_OFFLOADS:
			if (opt_offloads_parse("rx-offloads", optarg, &cfg.rx_offloads) < 0)
				return -1;
			break;
		case OPT_TX_OFFLOADS:
			if (opt_offloads_parse("tx-offloads", optarg, &cfg.tx_offloads) < 0)
				return -1;
			break;
		case OPT_HAIRPINQ:
			if (parse_hairpinq(optarg) < 0)
				return -1;
			break;
		case OPT_NO_LSC_INTERRUPT:
			cfg.no_lsc_intr = true;
			break;
		case OPT_NO_RMV_INTERRUPT:
			cfg.no_rmv_intr = true;
			break;
		case OPT_PRINT_EVENT:
		case OPT_MASK_EVENT:
			if (opt_event_parse(optarg, opt == OPT_PRINT_EVENT) < 0)
				return -1;
			break;
		case OPT_MLOCKALL:
			cfg.mlockall = true;
			break;
		case OPT_NO_MLOCKALL:
			cfg.mlockall = false;
			break;
		case OPT_ETH_LINK_SPEED:
			if (opt_link_speed_parse(optarg) < 0)
				return -1;
			break;
		case OPT_DISPLAY_XSTATS:
			if (opt_xstats_names_parse(optarg) < 0)
				return -1;
			break;
		case OPT_TX_IP:
			if (opt_tx_ip_parse(optarg) < 0)
				return -1;
			break;
		case OPT_TX_UDP:
			if (opt_tx_udp_parse(optarg) < 0)
				return -1;
			break;
		case OPT_TXONLY_MULTI_FLOW:
			cfg.txonly_multi_flow = true;
			break;
		case OPT_FLOWGEN_FLOWS:
			if (parse_num_opt(&flowgen_flows_opt, optarg) < 0)
				return -1;
			break;
		case OPT_FLOWGEN_CLONES:
			/* Checked against --burst once every option is known. */
			if (parse_uint("flowgen-clones", optarg, 0, TESTPMD_MAX_BURST - 1, &v) < 0)
				return -1;
			cfg.flowgen_clones = (uint16_t)v;
			break;
		case 'h':
		case OPT_HELP:
			usage(prg);
			return 1;
		case ':':
			fprintf(stderr, "testpmd: option %s needs a value, e.g. %s=1 (see --help)\n",
				argv[optind - 1], argv[optind - 1]);
			return -1;
		default:
			if (opt >= OPT_THRESH_FIRST && opt <= OPT_THRESH_LAST) {
				if (parse_num_opt(&thresh_opts[opt - OPT_THRESH_FIRST], optarg) < 0)
					return -1;
				break;
			}
			if (opt >= OPT_NOISY_FIRST && opt <= OPT_NOISY_LAST) {
				if (parse_num_opt(&noisy_opts[opt - OPT_NOISY_FIRST], optarg) < 0)
					return -1;
				break;
			}
			fprintf(stderr, "testpmd: unknown option '%s'; run with -- --help for the "
				"list\n", argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "testpmd: unexpected argument '%s'; options start with --, "
			"e.g. --stats-period=1\n", argv[optind]);
		return -1;
	}
	if (cfg.flowgen_clones >= cfg.burst) {
		fprintf(stderr, "testpmd: clones must be >= 0 and <= current burst: "
			"--flowgen-clones=%u with --burst=%u; give fewer clones than the burst\n",
			cfg.flowgen_clones, cfg.burst);
		return -1;
	}
	/* After the loop: --mbuf-size may come after --txpkts. */
	if (!opt_txpkts_given)
		return 0;
	if (txpkts_fit(&opt_txpkts, cfg.mbuf_data_size, stderr, "testpmd: invalid --txpkts") < 0)
		return -1;
	txpkts_apply(&opt_txpkts);
	return 0;
}
