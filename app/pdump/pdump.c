/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-pdump: dpdk-pdump's command line over rte_pdump. A secondary
 * process; each --pdump names a port (port= or device_id=), its queues and
 * the pcap files (libpcap format) that receive the copies of what the port
 * receives (rx-dev=) and sends (tx-dev=); one file for both when they are
 * the same. It runs until SIGINT or SIGTERM, or until the primary exits,
 * and reports its counts per --pdump as dpdk-pdump does.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <net/if.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_kvargs.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_pdump.h>
#include <rte_ring.h>

#define MAX_TUPLES 54 /* as dpdk-pdump */
#define BURST_SIZE 32
#define DFLT_RING_SIZE 16384u
#define DFLT_NUM_MBUFS 65535u
/* the largest packet a pcap record of this tool holds */
#define PCAP_SNAPLEN 65535u
/* between two checks that the primary still runs */
#define ALIVE_CHECK_NS 500000000ull

static const char *const pdump_keys[] = {"port",      "device_id",	 "queue",
					 "rx-dev",    "tx-dev",		 "ring-size",
					 "mbuf-size", "total-num-mbufs", NULL};

/* One direction's ring and file. */
struct pdump_sink {
	struct rte_ring *ring;
	pcap_dumper_t *dumper;
	const char *path;
	uint32_t flags; /* RTE_PDUMP_FLAG_RX, _TX or both into one file */
	bool enabled;
};

struct pdump_counts {
	uint64_t dequeued;
	uint64_t written;
	uint64_t freed;
};

/* One --pdump. */
struct pdump_tuple {
	const char *arg;
	char device[RTE_ETH_NAME_MAX_LEN];
	uint16_t port;
	uint16_t queue;
	uint32_t ring_size;
	uint32_t mbuf_size;
	uint32_t nb_mbufs;
	char rx_dev[PATH_MAX]; /* "" when not asked */
	char tx_dev[PATH_MAX];
	struct pdump_sink sinks[2];
	unsigned int nb_sinks;
	struct rte_mempool *mp;
	struct pdump_counts counts;
	uint8_t linear[PCAP_SNAPLEN]; /* a chained copy made contiguous for pcap_dump */
};

static volatile sig_atomic_t quit_signal;
static struct pdump_tuple *tuples;
static unsigned int nb_tuples;
static bool multi_core;

static void
on_signal(int sig __rte_unused)
{
	quit_signal = 1;
}

static void
usage_print(const char *prg)
{
	printf("usage: %s [EAL options] -- [--multi]\n"
	       " --pdump '(port=<port id> | device_id=<pci id or vdev name>),"
	       "(queue=<queue_id>),(rx-dev=<pcap file> | tx-dev=<pcap file>,"
	       "[ring-size=<ring size>default:%u],[mbuf-size=<mbuf data size>default:%u],"
	       "[total-num-mbufs=<number of mbufs>default:%u]'\n",
	       prg, DFLT_RING_SIZE, RTE_MBUF_DEFAULT_BUF_SIZE, DFLT_NUM_MBUFS);
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* A number in [min, max]; -1 with one line naming the key otherwise. */
static int
tuple_uint(const struct pdump_tuple *t, struct rte_kvargs *kv, const char *key, uint32_t min,
	   uint32_t max, uint32_t *out)
{
	const char *val = NULL;
	unsigned long v;
	char *end;

	for (unsigned int i = 0; i < kv->count; i++)
		if (strcmp(kv->pairs[i].key, key) == 0)
			val = kv->pairs[i].value;
	if (val == NULL)
		return 0;
	errno = 0;
	v = strtoul(val, &end, 0);
	if (errno != 0 || end == val || *end != '\0' || val[0] == '-' || v < min || v > max) {
		printf("--pdump=\"%s\": invalid value \"%s\" for %s: give a number from %u to "
		       "%u\n",
		       t->arg, val, key, min, max);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

/* The value of key, NULL when absent; -1 in *dup when given twice. */
static const char *
tuple_str(struct rte_kvargs *kv, const char *key, int *dup)
{
	const char *val = NULL;

	for (unsigned int i = 0; i < kv->count; i++) {
		if (strcmp(kv->pairs[i].key, key) != 0)
			continue;
		if (val != NULL)
			*dup = -1;
		val = kv->pairs[i].value;
	}
	return val;
}

static int
tuple_parse_kv(struct pdump_tuple *t, struct rte_kvargs *kv)
{
	const char *port = NULL, *dev, *queue, *rx, *tx;
	int dup = 0;
	uint32_t v = 0;

	port = tuple_str(kv, "port", &dup);
	dev = tuple_str(kv, "device_id", &dup);
	queue = tuple_str(kv, "queue", &dup);
	rx = tuple_str(kv, "rx-dev", &dup);
	tx = tuple_str(kv, "tx-dev", &dup);
	if (dup != 0) {
		printf("--pdump=\"%s\": a key is given twice: give each once\n", t->arg);
		return -1;
	}
	/* the values live in kv, freed after the parse */
	if (snprintf(t->rx_dev, sizeof(t->rx_dev), "%s", rx != NULL ? rx : "") >=
		    (int)sizeof(t->rx_dev) ||
	    snprintf(t->tx_dev, sizeof(t->tx_dev), "%s", tx != NULL ? tx : "") >=
		    (int)sizeof(t->tx_dev)) {
		printf("--pdump=\"%s\": a file name longer than %d bytes\n", t->arg, PATH_MAX);
		return -1;
	}
	if ((port == NULL) == (dev == NULL)) {
		printf("--pdump=\"%s\": must have either port or device_id argument\n", t->arg);
		return -1;
	}
	if (dev != NULL) {
		if (rte_eth_dev_get_port_by_name(dev, &t->port) != 0) {
			printf("--pdump=\"%s\": no port named '%s' in the primary: list them "
			       "with sluice-dumpcap -D\n",
			       t->arg, dev);
			return -1;
		}
	} else {
		if (tuple_uint(t, kv, "port", 0, RTE_MAX_ETHPORTS - 1, &v) < 0)
			return -1;
		t->port = (uint16_t)v;
		if (!rte_eth_dev_is_valid_port(t->port)) {
			printf("--pdump=\"%s\": the primary has no port %u: list them with "
			       "sluice-dumpcap -D\n",
			       t->arg, t->port);
			return -1;
		}
	}
	rte_eth_dev_get_name_by_port(t->port, t->device);
	if (queue == NULL) {
		printf("--pdump=\"%s\": must have queue argument\n", t->arg);
		return -1;
	}
	if (strcmp(queue, "*") == 0) {
		t->queue = RTE_PDUMP_ALL_QUEUES;
	} else {
		if (tuple_uint(t, kv, "queue", 0, RTE_MAX_QUEUES_PER_PORT - 1, &v) < 0)
			return -1;
		t->queue = (uint16_t)v;
	}
	if (t->rx_dev[0] == '\0' && t->tx_dev[0] == '\0') {
		printf("--pdump=\"%s\": must have either rx-dev or tx-dev argument\n", t->arg);
		return -1;
	}
	t->ring_size = DFLT_RING_SIZE;
	t->mbuf_size = RTE_MBUF_DEFAULT_BUF_SIZE;
	t->nb_mbufs = DFLT_NUM_MBUFS;
	if (tuple_uint(t, kv, "ring-size", 2, RTE_RING_SZ_MASK - 1, &t->ring_size) < 0 ||
	    tuple_uint(t, kv, "mbuf-size", 1, UINT16_MAX, &t->mbuf_size) < 0 ||
	    tuple_uint(t, kv, "total-num-mbufs", 1025, UINT16_MAX, &t->nb_mbufs) < 0)
		return -1;
	if (!rte_is_power_of_2(t->ring_size)) {
		printf("--pdump=\"%s\": ring-size %u is not a power of 2: use %u\n", t->arg,
		       t->ring_size, rte_align32pow2(t->ring_size));
		return -1;
	}
	return 0;
}

static int
tuple_parse(const char *arg)
{
	struct pdump_tuple *t;
	struct rte_kvargs *kv;
	int ret;

	if (nb_tuples == MAX_TUPLES) {
		printf("--pdump=\"%s\": at most %u --pdump options\n", arg, MAX_TUPLES);
		return -1;
	}
	t = &tuples[nb_tuples];
	t->arg = arg;
	kv = rte_kvargs_parse(arg, pdump_keys);
	if (kv == NULL) {
		printf("--pdump=\"%s\": invalid argument passed: keys are port, device_id, "
		       "queue, rx-dev, tx-dev, ring-size, mbuf-size, total-num-mbufs\n",
		       arg);
		return -1;
	}
	ret = tuple_parse_kv(t, kv);
	rte_kvargs_free(kv);
	if (ret == 0)
		nb_tuples++;
	return ret;
}

static int
args_parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"pdump", required_argument, NULL, 'p'},
		{"multi", no_argument, NULL, 'm'},
		{NULL, 0, NULL, 0},
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (opt) {
		case 'p':
			if (tuple_parse(optarg) < 0)
				return -1;
			break;
		case 'm':
			multi_core = true;
			break;
		default:
			usage_print(argv[0]);
			return -1;
		}
	}
	if (nb_tuples == 0) {
		printf("no --pdump given: name what to capture\n");
		usage_print(argv[0]);
		return -1;
	}
	return 0;
}

/*
 * A sink: a ring named after this process and the tuple (several captures
 * may run at once), and the pcap file. Writing to an interface (dpdk-pdump
 * with a tx_iface vdev) is not offered.
 */
static int
sink_open(struct pdump_tuple *t, unsigned int idx, const char *path, uint32_t flags)
{
	struct pdump_sink *s = &t->sinks[t->nb_sinks];
	char name[RTE_RING_NAMESIZE];
	pcap_t *dead;

	if (strchr(path, '/') == NULL && if_nametoindex(path) != 0) {
		printf("--pdump=\"%s\": '%s' is a network interface: sluice-pdump writes pcap "
		       "files only; give a file name (./%s)\n",
		       t->arg, path, path);
		return -1;
	}
	s->path = path;
	s->flags = flags;
	snprintf(name, sizeof(name), "pdump_%s_%d_%u", flags == RTE_PDUMP_FLAG_TX ? "tx" : "rx",
		 (int)getpid(), idx);
	s->ring = rte_ring_create(name, t->ring_size, (int)rte_socket_id(), 0);
	if (s->ring == NULL) {
		printf("cannot create ring %s of %u: %s; give the primary more memory (-m) or "
		       "a smaller ring-size\n",
		       name, t->ring_size, rte_strerror(rte_errno));
		return -1;
	}
	t->nb_sinks++;
	dead = pcap_open_dead(DLT_EN10MB, PCAP_SNAPLEN);
	if (dead == NULL) {
		printf("cannot set up a pcap writer\n");
		return -1;
	}
	s->dumper = pcap_dump_open(dead, path);
	if (s->dumper == NULL) {
		printf("cannot open pcap file '%s': %s\n", path, pcap_geterr(dead));
		pcap_close(dead);
		return -1;
	}
	/* the dumper keeps what it needs of the handle */
	pcap_close(dead);
	return 0;
}

static int
tuple_setup(struct pdump_tuple *t, unsigned int idx)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	int ret = 0;

	snprintf(name, sizeof(name), "pdump_pool_%d_%u", (int)getpid(), idx);
	/* no per-lcore cache: the primary's lcores and ours may share lcore ids */
	t->mp = rte_pktmbuf_pool_create(name, t->nb_mbufs, 0, 0,
					(uint16_t)(RTE_PKTMBUF_HEADROOM + t->mbuf_size),
					(int)rte_socket_id());
	if (t->mp == NULL) {
		printf("cannot create mempool %s of %u mbufs: %s; give the primary more memory "
		       "(-m) or lower total-num-mbufs\n",
		       name, t->nb_mbufs, rte_strerror(rte_errno));
		return -1;
	}
	if (strcmp(t->rx_dev, t->tx_dev) == 0)
		return sink_open(t, idx, t->rx_dev, RTE_PDUMP_FLAG_RXTX);
	if (t->rx_dev[0] != '\0')
		ret = sink_open(t, idx, t->rx_dev, RTE_PDUMP_FLAG_RX);
	if (ret == 0 && t->tx_dev[0] != '\0')
		ret = sink_open(t, idx, t->tx_dev, RTE_PDUMP_FLAG_TX);
	return ret;
}

static int
tuple_enable(struct pdump_tuple *t)
{
	for (unsigned int i = 0; i < t->nb_sinks; i++) {
		struct pdump_sink *s = &t->sinks[i];

		if (rte_pdump_enable_by_deviceid(t->device, t->queue, s->flags, s->ring, t->mp,
						 NULL) < 0) {
			printf("--pdump=\"%s\": the primary refused the capture: %s (does it "
			       "call rte_pdump_init()?)\n",
			       t->arg, rte_strerror(rte_errno));
			return -1;
		}
		s->enabled = true;
	}
	return 0;
}

static void
tuple_close(struct pdump_tuple *t, bool primary_alive)
{
	for (unsigned int i = 0; i < t->nb_sinks; i++) {
		struct pdump_sink *s = &t->sinks[i];
		struct rte_mbuf *m;

		/* the primary copies into ring and pool until the disable is answered */
		if (s->enabled && primary_alive)
			rte_pdump_disable_by_deviceid(t->device, t->queue, s->flags);
		if (s->dumper != NULL)
			pcap_dump_close(s->dumper);
		s->dumper = NULL;
		if (!primary_alive)
			continue; /* its memory may be gone */
		while (rte_ring_dequeue(s->ring, (void **)&m) == 0) {
			rte_pktmbuf_free(m);
			t->counts.freed++;
		}
		rte_ring_free(s->ring);
	}
	if (primary_alive)
		rte_mempool_free(t->mp);
}

/* One record; a chained copy is made contiguous first. */
static void
packet_write(struct pdump_tuple *t, pcap_dumper_t *d, const struct rte_mbuf *m)
{
	struct pcap_pkthdr hdr;
	const void *data;

	hdr.caplen = RTE_MIN(rte_pktmbuf_pkt_len(m), PCAP_SNAPLEN);
	hdr.len = rte_pktmbuf_pkt_len(m);
	/* as dpdk-pdump's pcap vdev: the time the copy is written */
	gettimeofday(&hdr.ts, NULL);
	data = rte_pktmbuf_read(m, 0, hdr.caplen, t->linear);
	if (data == NULL)
		return;
	pcap_dump((u_char *)d, &hdr, data);
	t->counts.written++;
}

/* Drains one burst of each of the tuple's rings; the number dequeued. */
static unsigned int
tuple_drain(struct pdump_tuple *t)
{
	struct rte_mbuf *pkts[BURST_SIZE];
	unsigned int total = 0;

	for (unsigned int i = 0; i < t->nb_sinks; i++) {
		struct pdump_sink *s = &t->sinks[i];
		unsigned int n = rte_ring_dequeue_burst(s->ring, (void **)pkts, BURST_SIZE, NULL);

		for (unsigned int k = 0; k < n; k++)
			packet_write(t, s->dumper, pkts[k]);
		rte_pktmbuf_free_bulk(pkts, n);
		t->counts.dequeued += n;
		t->counts.freed += n;
		total += n;
	}
	return total;
}

/* Polls the tuples [first, first + count) until told to stop. */
static void
capture_loop(unsigned int first, unsigned int count, bool check_primary)
{
	uint64_t alive_check = 0;

	while (!quit_signal) {
		unsigned int n = 0;

		for (unsigned int i = first; i < first + count; i++)
			n += tuple_drain(&tuples[i]);
		if (n != 0)
			continue;
		if (check_primary && now_ns() >= alive_check) {
			alive_check = now_ns() + ALIVE_CHECK_NS;
			if (!rte_eal_primary_proc_alive(NULL)) {
				printf("Primary process is no longer active, exiting...\n");
				quit_signal = 1;
				break;
			}
		}
		usleep(10); /* idle: the rings hold what comes meanwhile */
	}
}

static int
tuple_lcore_main(void *arg)
{
	unsigned int idx = (unsigned int)(uintptr_t)arg;

	printf(" core (%u); port %u device (%s) queue %u\n", rte_lcore_id(), tuples[idx].port,
	       tuples[idx].device, tuples[idx].queue);
	fflush(stdout);
	capture_loop(idx, 1, false);
	return 0;
}

static void
capture_run(void)
{
	unsigned int lcore = rte_lcore_id();

	if (!multi_core) {
		printf(" core (%u), capture for (%u) tuples\n", rte_lcore_id(), nb_tuples);
		for (unsigned int i = 0; i < nb_tuples; i++)
			printf(" - port %u device (%s) queue %u\n", tuples[i].port,
			       tuples[i].device, tuples[i].queue);
		fflush(stdout);
		capture_loop(0, nb_tuples, true);
		return;
	}
	/* main checked that each tuple has a worker lcore */
	for (unsigned int i = 0; i < nb_tuples; i++) {
		lcore = rte_get_next_lcore(lcore, 1, 0);
		rte_eal_remote_launch(tuple_lcore_main, (void *)(uintptr_t)i, lcore);
	}
	/* the main lcore watches the primary; the workers see quit_signal */
	capture_loop(0, 0, true);
	rte_eal_mp_wait_lcore();
}

static void
counts_print(void)
{
	for (unsigned int i = 0; i < nb_tuples; i++) {
		const struct pdump_counts *c = &tuples[i].counts;

		printf("##### PDUMP DEBUG STATS #####\n");
		printf(" -packets dequeued:\t\t\t%" PRIu64 "\n", c->dequeued);
		printf(" -packets transmitted to vdev:\t\t%" PRIu64 "\n", c->written);
		printf(" -packets freed:\t\t\t%" PRIu64 "\n", c->freed);
	}
}

int
main(int argc, char **argv)
{
	char proc_type[] = "--proc-type=secondary";
	char **eal_argv = calloc((size_t)argc + 2, sizeof(*eal_argv));
	bool alive;
	int ret, n, rc = EXIT_FAILURE;

	tuples = calloc(MAX_TUPLES, sizeof(*tuples));
	if (eal_argv == NULL || tuples == NULL) {
		printf("out of memory\n");
		goto out_free;
	}
	/* as dpdk-pdump: always a secondary */
	eal_argv[0] = argv[0];
	eal_argv[1] = proc_type;
	for (int i = 1; i < argc; i++)
		eal_argv[i + 1] = argv[i];
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, SIG_IGN);
	n = rte_eal_init(argc + 1, eal_argv);
	if (n < 0) {
		printf("Cannot init EAL: %s (is the primary running, with the same "
		       "--file-prefix?)\n",
		       rte_strerror(rte_errno));
		goto out_free;
	}
	if (rte_eth_dev_count_avail() == 0) {
		printf("No Ethernet ports - bye\n");
		goto out_eal;
	}
	/* getopt sees the program name, then what follows the EAL's options */
	eal_argv[n] = argv[0];
	optind = 0; /* glibc: start over, the EAL used getopt before */
	if (args_parse(argc + 1 - n, &eal_argv[n]) < 0)
		goto out_eal;
	if (multi_core && nb_tuples >= rte_lcore_count()) {
		printf("Insufficient cores to run parallel! (%u --pdump need %u lcores with "
		       "--multi: give more with -l)\n",
		       nb_tuples, nb_tuples + 1);
		goto out_eal;
	}
	ret = 0;
	for (unsigned int i = 0; i < nb_tuples && ret == 0; i++)
		ret = tuple_setup(&tuples[i], i);
	for (unsigned int i = 0; i < nb_tuples && ret == 0; i++)
		ret = tuple_enable(&tuples[i]);
	if (ret == 0) {
		capture_run();
		rc = EXIT_SUCCESS;
	}
	alive = rte_eal_primary_proc_alive(NULL) != 0;
	for (unsigned int i = 0; i < nb_tuples; i++)
		tuple_close(&tuples[i], alive);
	if (ret == 0)
		counts_print();
	/* with the primary gone there is nothing of its to hand back */
	if (!alive)
		goto out_free;
out_eal:
	rte_eal_cleanup();
out_free:
	free(tuples);
	free(eal_argv);
	return rc;
}
