/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-dumpcap: capture the packets of a running primary's ports into a
 * pcapng file, with dpdk-dumpcap's options and its closing report. It is a
 * secondary process: it creates a ring and a mempool in shared memory and
 * asks the primary (rte_pdump) to copy each port's packets into them.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_pcapng.h>
#include <rte_pdump.h>
#include <rte_ring.h>
#include <rte_string_fns.h>
#include <rte_version.h>

/*
 * The ring holds what arrives while this process waits for a CPU (on a
 * busy machine, milliseconds: at line rate a 2048-slot ring is full in
 * 100 us). It is as large as CAPTURE_MEM of the primary's memory allows for
 * the pool of twice as many copies, within these bounds.
 */
#define RING_SIZE_MIN 2048u
#define RING_SIZE_MAX 16384u
#define CAPTURE_MEM (16u << 20)
/* between two checks that the primary still runs, when the ring is empty */
#define ALIVE_CHECK_NS 100000000ull
#define BURST_SIZE 32
#define MAX_INTERFACES 32

struct dumpcap_opts {
	const char *ifaces[MAX_INTERFACES];
	unsigned int nb_ifaces;
	const char *output;
	const char *file_prefix;
	const char *comment;
	const char *filter;   /* -f: libpcap syntax, NULL: keep every packet */
	uint64_t max_packets; /* 0: no limit */
	double duration_s;    /* 0: no limit */
	uint32_t snaplen;
	bool list;
	bool quiet;
	bool promiscuous;
};

struct dumpcap_iface {
	uint16_t port;
	char name[RTE_ETH_NAME_MAX_LEN];
};

static volatile sig_atomic_t quit_signal;
static const char *progname = "dumpcap";

static void
on_signal(int sig __rte_unused)
{
	quit_signal = 1;
}

static void
usage_print(FILE *out)
{
	fprintf(out,
		"Usage: %s [options] ...\n\n"
		"Capture Interface:\n"
		"  -i <interface>           name or port index of interface\n"
		"  -f <capture filter>      packet filter in libpcap filter syntax\n"
		"  -s <snaplen>, --snapshot-length <snaplen>\n"
		"                           packet snapshot length (def: %u)\n"
		"  -p, --no-promiscuous-mode\n"
		"                           don't capture in promiscuous mode\n"
		"  -D, --list-interfaces    print list of interfaces and exit\n"
		"\n"
		"Stop conditions:\n"
		"  -c <packet count>        stop after n packets (def: infinite)\n"
		"  -a <autostop cond.> ..., --autostop <autostop cond.> ...\n"
		"                           duration:NUM - stop after NUM seconds\n"
		"                            packets:NUM - stop after NUM packets\n"
		"Output (files):\n"
		"  -w <filename>            name of file to save (def: tempfile)\n"
		"  --capture-comment <comment>\n"
		"                           add a capture comment to the output file\n"
		"\n"
		"Miscellaneous:\n"
		"  --file-prefix=<prefix>   prefix to use for multi-process\n"
		"  -q                       don't report packet capture counts\n"
		"  -v, --version            print version information and exit\n"
		"  -h, --help               display this help and exit\n"
		"\n"
		"Use Ctrl-C to stop capturing at any time.\n",
		progname, RTE_MBUF_DEFAULT_BUF_SIZE);
}

static int
number_parse(const char *arg, const char *what, uint64_t max, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(arg, &end, 0);
	if (arg[0] == '\0' || arg[0] == '-' || *end != '\0' || errno != 0) {
		fprintf(stderr, "Specified %s \"%s\" is not a valid number\n", what, arg);
		return -EINVAL;
	}
	if (max != 0 && *out > max) {
		fprintf(stderr, "Specified %s \"%s\" is too large (greater than %" PRIu64 ")\n",
			what, arg, max);
		return -ERANGE;
	}
	return 0;
}

static int
autostop_parse(const char *arg, struct dumpcap_opts *o)
{
	const char *value = strchr(arg, ':');
	char *end;

	if (value == NULL) {
		fprintf(stderr,
			"Missing colon in auto stop parameter \"%s\": use duration:NUM "
			"or packets:NUM\n",
			arg);
		return -EINVAL;
	}
	value++;
	if (strncmp(arg, "duration:", 9) == 0) {
		o->duration_s = strtod(value, &end);
		if (*value == '\0' || *end != '\0' || !(o->duration_s > 0)) {
			fprintf(stderr, "Invalid duration \"%s\": give seconds > 0\n", value);
			return -EINVAL;
		}
		return 0;
	}
	if (strncmp(arg, "packets:", 8) == 0)
		return number_parse(value, "packets", 0, &o->max_packets);
	fprintf(stderr, "Unknown autostop parameter \"%.*s\": use duration or packets\n",
		(int)(value - 1 - arg), arg);
	return -EINVAL;
}

enum { OPT_FILE_PREFIX = 256, OPT_COMMENT };

static int
opts_parse(int argc, char **argv, struct dumpcap_opts *o)
{
	static const struct option longopts[] = {
		{"autostop", required_argument, NULL, 'a'},
		{"capture-comment", required_argument, NULL, OPT_COMMENT},
		{"file-prefix", required_argument, NULL, OPT_FILE_PREFIX},
		{"help", no_argument, NULL, 'h'},
		{"interface", required_argument, NULL, 'i'},
		{"list-interfaces", no_argument, NULL, 'D'},
		{"no-promiscuous-mode", no_argument, NULL, 'p'},
		{"snapshot-length", required_argument, NULL, 's'},
		{"version", no_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	uint64_t v;
	int c;

	while ((c = getopt_long(argc, argv, "a:c:Df:ghi:npPqs:vw:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (autostop_parse(optarg, o) != 0)
				return -EINVAL;
			break;
		case 'c':
			if (number_parse(optarg, "packet count", 0, &o->max_packets) != 0)
				return -EINVAL;
			break;
		case 'D':
			o->list = true;
			break;
		case 'f':
			o->filter = optarg;
			break;
		case 'g':
		case 'n':
			break; /* group-readable file and pcapng: the file is pcapng anyway */
		case 'P':
			fprintf(stderr, "The libpcap format (-P) is not supported: the capture is "
					"written as pcapng, which tshark and wireshark read\n");
			return -ENOTSUP;
		case 'h':
			usage_print(stdout);
			exit(EXIT_SUCCESS);
		case 'i':
			if (o->nb_ifaces == MAX_INTERFACES) {
				fprintf(stderr, "Too many interfaces (-i): at most %d\n",
					MAX_INTERFACES);
				return -E2BIG;
			}
			o->ifaces[o->nb_ifaces++] = optarg;
			break;
		case 'p':
			o->promiscuous = false;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 's':
			if (number_parse(optarg, "snap length", UINT32_MAX, &v) != 0)
				return -EINVAL;
			o->snaplen = (uint32_t)v;
			break;
		case 'v':
			printf("%s 1.0 (%s)\n", progname, rte_version());
			exit(EXIT_SUCCESS);
		case 'w':
			o->output = optarg;
			break;
		case OPT_FILE_PREFIX:
			o->file_prefix = optarg;
			break;
		case OPT_COMMENT:
			o->comment = optarg;
			break;
		default:
			fprintf(stderr, "Invalid option: %s; see %s --help\n", argv[optind - 1],
				progname);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "Unexpected argument '%s'; see %s --help\n", argv[optind],
			progname);
		return -EINVAL;
	}
	return 0;
}

/* The tool takes no EAL options: it joins the primary of --file-prefix. */
static int
eal_start(const struct dumpcap_opts *o)
{
	char *args[] = {(char *)(uintptr_t)progname,
			"--proc-type=secondary",
			"--log-level=notice",
			"--no-pci",
			o->file_prefix != NULL ? "--file-prefix" : NULL,
			(char *)(uintptr_t)o->file_prefix,
			NULL};
	int n = o->file_prefix != NULL ? 6 : 4;

	if (rte_eal_init(n, args) < 0) {
		fprintf(stderr, "EAL init failed: is primary process running?\n");
		return -1;
	}
	return 0;
}

/* -i ARG: a port name, else a port index. */
static int
iface_resolve(const char *arg, struct dumpcap_iface *intf)
{
	uint64_t port;
	char *end;

	if (rte_eth_dev_get_port_by_name(arg, &intf->port) == 0) {
		strlcpy(intf->name, arg, sizeof(intf->name));
		return 0;
	}
	errno = 0;
	port = strtoull(arg, &end, 0);
	if (arg[0] != '\0' && arg[0] != '-' && *end == '\0' && errno == 0 &&
	    port < RTE_MAX_ETHPORTS &&
	    rte_eth_dev_get_name_by_port((uint16_t)port, intf->name) == 0) {
		intf->port = (uint16_t)port;
		return 0;
	}
	fprintf(stderr,
		"Invalid interface '%s': no port of that name or index; list them "
		"with -D\n",
		arg);
	return -ENODEV;
}

static void
ifaces_list(void)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t p;

	RTE_ETH_FOREACH_DEV(p)
	if (rte_eth_dev_get_name_by_port(p, name) == 0)
		printf("%u. %s\n", p, name);
}

struct dumpcap_run {
	struct dumpcap_iface ifaces[MAX_INTERFACES];
	unsigned int nb_ifaces;
	unsigned int nb_enabled;
	struct rte_ring *ring;
	struct rte_mempool *mp;
	rte_pcapng_t *out;
	struct bpf_program bpf;
	bool has_bpf;
	uint64_t received;
	uint64_t start_ns;
};

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int
output_open(const struct dumpcap_opts *o, struct dumpcap_run *r)
{
	static char tmp_path[PATH_MAX];
	const char *path = o->output;
	char stamp[32], appname[128], osname[160];
	struct utsname uts;
	time_t t = time(NULL);
	struct tm tm;
	int fd;

	if (path == NULL) {
		strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", localtime_r(&t, &tm));
		snprintf(tmp_path, sizeof(tmp_path), "/tmp/%s_%u_%s_%s.pcapng", progname,
			 r->ifaces[0].port, r->ifaces[0].name, stamp);
		path = tmp_path;
	}
	if (strcmp(path, "-") == 0) {
		fd = STDOUT_FILENO;
	} else {
		fprintf(stderr, "File: %s\n", path);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0) {
			fprintf(stderr, "Can not open \"%s\": %s\n", path, strerror(errno));
			return -1;
		}
	}
	osname[0] = '\0';
	if (uname(&uts) == 0)
		snprintf(osname, sizeof(osname), "%s %s", uts.sysname, uts.release);
	snprintf(appname, sizeof(appname), "%s 1.0 (%s)", progname, rte_version());
	r->out = rte_pcapng_fdopen(fd, osname, NULL, appname, o->comment);
	if (r->out == NULL) {
		fprintf(stderr, "Can not write the pcapng header to \"%s\": %s\n", path,
			rte_strerror(rte_errno));
		if (fd != STDOUT_FILENO)
			close(fd);
		return -1;
	}
	return 0;
}

/* -f: compiled once, before the primary is asked for copies, so a typo costs
 * nothing but one line. Ethernet framing and the snap length as captured. */
static int
filter_compile(const struct dumpcap_opts *o, struct dumpcap_run *r)
{
	pcap_t *pc;

	if (o->filter == NULL)
		return 0;
	pc = pcap_open_dead(DLT_EN10MB, (int)RTE_MIN(o->snaplen, (uint32_t)INT_MAX));
	if (pc == NULL) {
		fprintf(stderr, "Can not compile the filter: libpcap is out of memory\n");
		return -1;
	}
	if (pcap_compile(pc, &r->bpf, o->filter, 1, PCAP_NETMASK_UNKNOWN) != 0) {
		fprintf(stderr, "Invalid capture filter \"%s\": %s\n", o->filter, pcap_geterr(pc));
		pcap_close(pc);
		return -1;
	}
	pcap_close(pc);
	r->has_bpf = true;
	return 0;
}

/*
 * The head of an Enhanced Packet Block (pcapng spec, section 4.3), which
 * rte_pcapng_copy() puts in front of the packet's bytes.
 */
struct dumpcap_epb_head {
	uint32_t type;
	uint32_t total_len;
	uint32_t interface_id;
	uint32_t ts_high;
	uint32_t ts_low;
	uint32_t cap_len;
	uint32_t orig_len;
};

/* Does the copy m match -f? The lengths are bounded by the mbuf's own. */
static bool
filter_match(const struct dumpcap_run *r, const struct rte_mbuf *m)
{
	const struct dumpcap_epb_head *epb;
	struct pcap_pkthdr hdr = {0};
	uint32_t room;

	if (!r->has_bpf)
		return true;
	if (rte_pktmbuf_data_len(m) < sizeof(*epb))
		return false;
	epb = rte_pktmbuf_mtod(m, const struct dumpcap_epb_head *);
	room = rte_pktmbuf_data_len(m) - (uint32_t)sizeof(*epb);
	hdr.caplen = RTE_MIN(epb->cap_len, room);
	hdr.len = RTE_MAX(epb->orig_len, hdr.caplen);
	return pcap_offline_filter(&r->bpf, &hdr, (const u_char *)(epb + 1)) != 0;
}

/* Ring and pool named after this process: several captures may run at once. */
static int
capture_setup(const struct dumpcap_opts *o, struct dumpcap_run *r)
{
	uint32_t data_size = rte_pcapng_mbuf_size(o->snaplen);
	uint32_t copy_size = (uint32_t)sizeof(struct rte_mbuf) + data_size;
	unsigned int ring_size = RING_SIZE_MAX;
	char name[RTE_RING_NAMESIZE];

	while (ring_size > RING_SIZE_MIN && 2ull * ring_size * copy_size > CAPTURE_MEM)
		ring_size /= 2;
	snprintf(name, sizeof(name), "dumpcap-%d", (int)getpid());
	r->ring = rte_ring_create(name, ring_size, (int)rte_socket_id(), 0);
	if (r->ring == NULL) {
		fprintf(stderr, "Could not create ring: %s\n", rte_strerror(rte_errno));
		return -1;
	}
	snprintf(name, sizeof(name), "capture_%d", (int)getpid());
	/* no per-lcore cache: the primary's lcores and ours may share lcore ids */
	r->mp = rte_pktmbuf_pool_create_by_ops(name, 2 * ring_size, 0, 0, data_size,
					       (int)rte_socket_id(), "ring_mp_mc");
	if (r->mp == NULL) {
		fprintf(stderr,
			"Mempool (%s) creation failed: %s; give the primary more memory "
			"(-m)\n",
			name, rte_strerror(rte_errno));
		return -1;
	}
	return 0;
}

static int
capture_enable(const struct dumpcap_opts *o, struct dumpcap_run *r)
{
	unsigned int i;

	for (i = 0; i < r->nb_ifaces; i++) {
		uint16_t port = r->ifaces[i].port;

		if (o->promiscuous && rte_eth_promiscuous_enable(port) != 0)
			fprintf(stderr, "port %u set promiscuous enable failed\n", port);
		if (rte_pdump_enable_bpf(port, RTE_PDUMP_ALL_QUEUES,
					 RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG, o->snaplen,
					 r->ring, r->mp, NULL) != 0) {
			fprintf(stderr, "Packet dump enable failed on '%s': %s\n",
				r->ifaces[i].name, rte_strerror(rte_errno));
			return -1;
		}
		r->nb_enabled++;
	}
	return 0;
}

static void
count_show(const struct dumpcap_opts *o, uint64_t count)
{
	static int width;
	int i;

	if (o->quiet)
		return;
	for (i = 0; i < width; i++)
		fputc('\b', stderr);
	width = fprintf(stderr, "%" PRIu64 " ", count);
}

/* Writes one burst from the ring; 1 if it wrote some, 0 if empty, -1 on error. */
static int
ring_drain(const struct dumpcap_opts *o, struct dumpcap_run *r)
{
	struct rte_mbuf *pkts[BURST_SIZE], *keep[BURST_SIZE];
	unsigned int i, n, nb_keep = 0, want = BURST_SIZE;
	ssize_t written = 0;

	/* with -c, never write more than asked; the rest is freed at the end */
	if (o->max_packets != 0 && o->max_packets - r->received < want)
		want = (unsigned int)(o->max_packets - r->received);
	n = rte_ring_dequeue_burst(r->ring, (void **)pkts, want, NULL);
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (filter_match(r, pkts[i]))
			keep[nb_keep++] = pkts[i];
	if (nb_keep > 0)
		written = rte_pcapng_write_packets(r->out, keep, (uint16_t)nb_keep);
	rte_pktmbuf_free_bulk(pkts, n);
	if (written < 0) {
		if (rte_errno == ENOSPC || rte_errno == EDQUOT)
			fprintf(stderr,
				"\nThe disk of the output file is full (%s): stopping; "
				"free space or write elsewhere (-w)\n",
				rte_strerror(rte_errno));
		else
			fprintf(stderr, "\npcapng file write failed: %s\n",
				rte_strerror(rte_errno));
		return -1;
	}
	r->received += nb_keep;
	if (nb_keep > 0)
		count_show(o, r->received);
	return 1;
}

/* 0 when a stop condition ended the capture, -1 when writing failed. */
static int
capture_loop(const struct dumpcap_opts *o, struct dumpcap_run *r)
{
	uint64_t deadline = o->duration_s > 0 ? r->start_ns + (uint64_t)(o->duration_s * 1e9) : 0;
	uint64_t alive_check = 0;
	int ret;

	while (!quit_signal) {
		if (o->max_packets != 0 && r->received >= o->max_packets)
			break;
		if (deadline != 0 && now_ns() >= deadline)
			break;
		ret = ring_drain(o, r);
		if (ret < 0)
			return -1;
		/* the check opens and locks a file: not at every empty ring */
		if (ret == 0 && now_ns() >= alive_check) {
			alive_check = now_ns() + ALIVE_CHECK_NS;
			if (!rte_eal_primary_proc_alive(NULL)) {
				fprintf(stderr,
					"Primary process is no longer active, exiting...\n");
				break;
			}
		}
		if (ret == 0)
			usleep(10); /* idle, not for long: see RING_SIZE_MIN */
	}
	return 0;
}

static void
stats_report(struct dumpcap_run *r, uint64_t end_ns)
{
	struct rte_pdump_stats st;
	uint64_t recv, drop;
	unsigned int i;

	fputc('\n', stderr);
	for (i = 0; i < r->nb_ifaces; i++) {
		if (rte_pdump_stats(r->ifaces[i].port, &st) != 0)
			continue;
		recv = st.accepted + st.filtered;
		drop = st.nombuf + st.ringfull;
		rte_pcapng_write_stats(r->out, r->ifaces[i].port, NULL, r->start_ns, end_ns, recv,
				       drop);
		fprintf(stderr,
			"Packets received/dropped on interface '%s': %" PRIu64 "/%" PRIu64
			" (%.1f)\n",
			r->ifaces[i].name, recv, drop,
			recv == 0 ? 0.0 : 100.0 * (double)recv / (double)(recv + drop));
	}
}

/* Stop the captures first: the primary writes into ring and pool until then. */
static void
capture_teardown(struct dumpcap_run *r)
{
	struct rte_mbuf *m;
	unsigned int i;

	if (rte_eal_primary_proc_alive(NULL))
		for (i = 0; i < r->nb_enabled; i++)
			rte_pdump_disable(r->ifaces[i].port, RTE_PDUMP_ALL_QUEUES,
					  RTE_PDUMP_FLAG_RXTX);
	while (r->ring != NULL && rte_ring_dequeue(r->ring, (void **)&m) == 0)
		rte_pktmbuf_free(m);
	rte_pcapng_close(r->out);
	rte_ring_free(r->ring);
	rte_mempool_free(r->mp);
}

int
main(int argc, char **argv)
{
	struct dumpcap_opts o = {.snaplen = RTE_MBUF_DEFAULT_BUF_SIZE, .promiscuous = true};
	struct dumpcap_run r = {0};
	const char *slash = strrchr(argv[0], '/');
	int ret = EXIT_FAILURE;
	unsigned int i;
	FILE *msg;

	progname = slash != NULL ? slash + 1 : argv[0];
	if (opts_parse(argc, argv, &o) != 0 || filter_compile(&o, &r) != 0)
		return EXIT_FAILURE;
	if (eal_start(&o) != 0)
		goto out_filter;
	if (o.list) {
		ifaces_list();
		ret = EXIT_SUCCESS;
		goto out_eal;
	}
	if (rte_eth_dev_count_avail() == 0) {
		fprintf(stderr, "No Ethernet ports found\n");
		goto out_eal;
	}
	for (i = 0; i < o.nb_ifaces; i++)
		if (iface_resolve(o.ifaces[i], &r.ifaces[r.nb_ifaces++]) != 0)
			goto out_eal;
	if (r.nb_ifaces == 0) {
		/* the first port, as dumpcap does */
		r.ifaces[0].port = (uint16_t)rte_eth_find_next(0);
		rte_eth_dev_get_name_by_port(r.ifaces[0].port, r.ifaces[0].name);
		r.nb_ifaces = 1;
	}
	/* with -w - the file is stdout: messages go to stderr */
	msg = o.output != NULL && strcmp(o.output, "-") == 0 ? stderr : stdout;
	for (i = 0; i < r.nb_ifaces; i++)
		fprintf(msg, "Capturing on '%s'\n", r.ifaces[i].name);
	fflush(msg);

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, SIG_IGN);

	if (capture_setup(&o, &r) != 0 || output_open(&o, &r) != 0)
		goto out_capture;
	r.start_ns = now_ns();
	if (capture_enable(&o, &r) != 0)
		goto out_capture;
	if (!o.quiet) {
		fprintf(stderr, "Packets captured: ");
		count_show(&o, 0);
	}
	/* after a failed write the file cannot take the statistics either */
	if (capture_loop(&o, &r) == 0) {
		ret = EXIT_SUCCESS;
		if (rte_eal_primary_proc_alive(NULL))
			stats_report(&r, now_ns());
	}
out_capture:
	capture_teardown(&r);
out_eal:
	rte_eal_cleanup();
out_filter:
	if (r.has_bpf)
		pcap_freecode(&r.bpf);
	return ret;
}
