/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap: a file written with libpcap goes through the port and comes
 * out record for record (bytes, lengths; Rx stamps in the timestamp
 * dynfield, Tx stamps from the clock as DPDK writes them), chains go out
 * as one record, infinite_rx replays, hostile files and bad devargs fail
 * with one clear line and leave nothing behind, and on a veth pair frames
 * cross rx_iface_in/tx_iface and iface byte for byte.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <pcap/pcap.h>
#include <sys/stat.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#include "test.h"
#include "test_netns.h"

#define DEV "net_pcap0"
#define NB_SIZES 5
#define NB_ROUNDS 4
#define NB_RECS (NB_SIZES * NB_ROUNDS)
#define MAX_FRAME 9000

static const uint32_t rec_sizes[NB_SIZES] = {60, 64, 128, 1514, MAX_FRAME};

struct pcap_env {
	char dir[64];
	char in[96];
	char out[96];
	struct rte_mempool *mp;
	bool vdev;
	uint16_t port;
};

static uint8_t frame[MAX_FRAME];
static uint8_t got[MAX_FRAME];

static void
frame_fill(uint8_t *f, uint32_t len, uint32_t seq)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		f[i] = (uint8_t)(seq * 31 + i * 7);
}

/* Record seq: its size, and a stamp with every nanosecond digit in use. */
static uint32_t
rec_len(uint32_t seq)
{
	return rec_sizes[seq % NB_SIZES];
}

static uint64_t
rec_ts_ns(uint32_t seq)
{
	return (1700000000ull + seq) * 1000000000ull + 123456789ull + seq;
}

/* Write n records with libpcap, in nanosecond precision. */
static int
pcap_file_write(const char *path, uint32_t n, uint32_t (*len_of)(uint32_t))
{
	pcap_t *dead =
		pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 65535, PCAP_TSTAMP_PRECISION_NANO);
	pcap_dumper_t *d;
	uint32_t seq;

	TEST_ASSERT_NOT_NULL(dead, "pcap_open_dead");
	d = pcap_dump_open(dead, path);
	TEST_ASSERT_NOT_NULL(d, "pcap_dump_open %s: %s", path, pcap_geterr(dead));
	for (seq = 0; seq < n; seq++) {
		uint64_t ts = rec_ts_ns(seq);
		struct pcap_pkthdr h = {.caplen = len_of(seq), .len = len_of(seq)};

		h.ts.tv_sec = (time_t)(ts / 1000000000ull);
		h.ts.tv_usec = (suseconds_t)(ts % 1000000000ull);
		frame_fill(frame, h.caplen, seq);
		pcap_dump((u_char *)d, &h, frame);
	}
	pcap_dump_close(d);
	pcap_close(dead);
	return TEST_SUCCESS;
}

/* Raw bytes into a file: for the files libpcap would never write. */
static int
raw_file_write(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "w");

	TEST_ASSERT_NOT_NULL(f, "create %s", path);
	TEST_ASSERT_EQUAL(fwrite(buf, 1, len, f), len, "write %s", path);
	fclose(f);
	return TEST_SUCCESS;
}

static int
env_setup(struct pcap_env *env)
{
	memset(env, 0, sizeof(*env));
	snprintf(env->dir, sizeof(env->dir), "/tmp/sluice-pcap-XXXXXX");
	TEST_ASSERT_NOT_NULL(mkdtemp(env->dir), "mkdtemp");
	snprintf(env->in, sizeof(env->in), "%s/in.pcap", env->dir);
	snprintf(env->out, sizeof(env->out), "%s/out.pcap", env->dir);
	/* default mbufs: the 9000-byte records must become chains */
	env->mp = rte_pktmbuf_pool_create("pcap_test", 1023, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(env->mp, "mempool");
	return TEST_SUCCESS;
}

static void
env_teardown(struct pcap_env *env)
{
	char cmd[128];

	if (env->vdev) {
		rte_eth_dev_stop(env->port);
		rte_vdev_uninit(DEV);
	}
	rte_mempool_free(env->mp);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", env->dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", env->dir);
}

/* A test body between env_setup and env_teardown, whatever it returns. */
static int
env_run(int (*body)(struct pcap_env *env))
{
	struct pcap_env env;
	int ret = env_setup(&env);

	if (ret == TEST_SUCCESS)
		ret = body(&env);
	env_teardown(&env);
	return ret;
}

static int
port_open(struct pcap_env *env, const char *args, struct rte_mempool *mp)
{
	struct rte_eth_conf conf = {.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS};
	struct rte_eth_dev_info info;

	TEST_ASSERT_SUCCESS(rte_vdev_init(DEV, args), "vdev %s", args);
	env->vdev = true;
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(DEV, &env->port), "port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(env->port, &info), "info");
	TEST_ASSERT_SUCCESS(
		rte_eth_dev_configure(env->port, info.max_rx_queues, info.max_tx_queues, &conf),
		"configure");
	TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(env->port, 0, 64, SOCKET_ID_ANY, NULL, mp),
			    "rxq");
	TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(env->port, 0, 64, SOCKET_ID_ANY, NULL), "txq");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(env->port), "start");
	return TEST_SUCCESS;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint32_t
chain_len(uint32_t seq __rte_unused)
{
	return 100 + 200 + 50;
}

/* Receive every record of the file: bytes, length, chains and stamps. */
static int
rx_records_check(uint16_t port, struct rte_mbuf **pkts, uint32_t n)
{
	struct rte_mbuf_dynfield field;
	struct rte_mbuf_dynflag flag;
	uint32_t seq = 0;
	int off, bit, tries = 0;
	uint64_t rx_flag;

	off = rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_TIMESTAMP_NAME, &field);
	TEST_ASSERT(off >= 0, "the PMD registers the Rx timestamp field");
	bit = rte_mbuf_dynflag_lookup(RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME, &flag);
	TEST_ASSERT(bit >= 0, "and its flag");
	rx_flag = 1ull << bit;
	while (seq < n && tries++ < 100)
		seq += rte_eth_rx_burst(port, 0, pkts + seq, (uint16_t)RTE_MIN(n - seq, 7u));
	TEST_ASSERT_EQUAL(seq, n, "records received");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(port, 0, pkts + n, 1), 0, "nothing past the end");
	for (seq = 0; seq < n; seq++) {
		struct rte_mbuf *m = pkts[seq];
		uint32_t len = rec_len(seq);
		const void *data = rte_pktmbuf_read(m, 0, len, got);

		TEST_ASSERT_EQUAL(m->pkt_len, len, "record %u length", seq);
		TEST_ASSERT(len + RTE_PKTMBUF_HEADROOM <= rte_pktmbuf_data_room_size(m->pool) ||
				    m->nb_segs > 1,
			    "record %u of %u bytes is a chain", seq, len);
		frame_fill(frame, len, seq);
		TEST_ASSERT(data != NULL && memcmp(data, frame, len) == 0, "record %u bytes", seq);
		TEST_ASSERT(m->ol_flags & rx_flag, "record %u has the timestamp flag", seq);
		TEST_ASSERT_EQUAL(*RTE_MBUF_DYNFIELD(m, off, rte_mbuf_timestamp_t *),
				  rec_ts_ns(seq), "record %u stamp in ns", seq);
	}
	return TEST_SUCCESS;
}

/* The Tx file: nanosecond header, one record a packet, bytes as sent. */
static int
tx_file_check(const char *path, uint32_t n, uint32_t (*len_of)(uint32_t), uint64_t t0, uint64_t t1)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	uint64_t prev = 0;
	uint32_t seq = 0, magic = 0, recs = 0;
	FILE *f;
	pcap_t *p;

	f = fopen(path, "r");
	TEST_ASSERT_NOT_NULL(f, "open %s", path);
	TEST_ASSERT_EQUAL(fread(&magic, 1, 4, f), 4u, "header");
	fclose(f);
	TEST_ASSERT_EQUAL(magic, 0xa1b23c4du, "nanosecond pcap magic");
	p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, errbuf);
	TEST_ASSERT_NOT_NULL(p, "read %s: %s", path, errbuf);
	TEST_ASSERT_EQUAL(pcap_datalink(p), DLT_EN10MB, "Ethernet");
	while (pcap_next_ex(p, &h, &data) == 1) {
		uint64_t ts = (uint64_t)h->ts.tv_sec * 1000000000ull + (uint64_t)h->ts.tv_usec;
		uint32_t len = len_of(seq);

		recs++;
		frame_fill(frame, len, seq);
		if (seq + 1 != recs || h->caplen != len || h->len != len ||
		    memcmp(data, frame, len) != 0 || ts < t0 || ts > t1 || ts < prev)
			continue;
		prev = ts;
		seq++;
	}
	pcap_close(p);
	TEST_ASSERT_EQUAL(recs, n, "records in %s", path);
	TEST_ASSERT_EQUAL(seq, n,
			  "records that match (length, bytes, stamp in [%" PRIu64 ", %" PRIu64 "])",
			  t0, t1);
	return TEST_SUCCESS;
}

static int
pcap_forward(struct pcap_env *env)
{
	struct rte_mbuf *pkts[NB_RECS + 1];
	struct rte_eth_stats st;
	uint64_t bytes = 0, t0, t1;
	char args[256];
	uint32_t i;
	int ret;

	if (pcap_file_write(env->in, NB_RECS, rec_len) != TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(args, sizeof(args), "rx_pcap=%s,tx_pcap=%s", env->in, env->out);
	if (port_open(env, args, env->mp) != TEST_SUCCESS ||
	    rx_records_check(env->port, pkts, NB_RECS) != TEST_SUCCESS)
		return TEST_FAILED;
	for (i = 0; i < NB_RECS; i++)
		bytes += rec_len(i);
	t0 = now_ns();
	ret = rte_eth_tx_burst(env->port, 0, pkts, NB_RECS);
	t1 = now_ns();
	if (ret != NB_RECS) {
		printf("tx_burst took %d of %u\n", ret, NB_RECS);
		return TEST_FAILED;
	}
	rte_eth_stats_get(env->port, &st);
	if (st.ipackets != NB_RECS || st.ibytes != bytes || st.opackets != NB_RECS ||
	    st.obytes != bytes || st.oerrors != 0 || st.ierrors != 0) {
		printf("stats: ipackets %" PRIu64 " ibytes %" PRIu64 " opackets %" PRIu64
		       " obytes %" PRIu64 " oerrors %" PRIu64 ", want %u and %" PRIu64 "\n",
		       st.ipackets, st.ibytes, st.opackets, st.obytes, st.oerrors, NB_RECS, bytes);
		return TEST_FAILED;
	}
	/* each burst is flushed: the file is whole before the port stops */
	if (tx_file_check(env->out, NB_RECS, rec_len, t0, t1) != TEST_SUCCESS)
		return TEST_FAILED;
	/* a restart reads the file from the top again, as DPDK's */
	rte_eth_dev_stop(env->port);
	if (rte_eth_dev_start(env->port) != 0 ||
	    rx_records_check(env->port, pkts, NB_RECS) != TEST_SUCCESS)
		return TEST_FAILED;
	rte_pktmbuf_free_bulk(pkts, NB_RECS);
	return TEST_SUCCESS;
}

static int
test_pcap_forward(void)
{
	return env_run(pcap_forward);
}

/* Tx only: the Rx side is a queue that receives nothing; a chain is one record. */
static int
pcap_multiseg_tx(struct pcap_env *env)
{
	static const uint16_t seg_len[3] = {100, 200, 50};
	struct rte_mbuf *head = NULL, *m, *none[1], *empty, *pair[2];
	struct rte_eth_stats st;
	char args[256];
	uint32_t off = 0, i;
	uint64_t t0, t1;

	snprintf(args, sizeof(args), "tx_pcap=%s", env->out);
	if (port_open(env, args, env->mp) != TEST_SUCCESS)
		return TEST_FAILED;
	frame_fill(frame, chain_len(0), 0);
	for (i = 0; i < 3; i++) {
		m = rte_pktmbuf_alloc(env->mp);
		if (m == NULL)
			return TEST_FAILED;
		memcpy(rte_pktmbuf_append(m, seg_len[i]), frame + off, seg_len[i]);
		off += seg_len[i];
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			return TEST_FAILED;
	}
	if (head->nb_segs != 3 || rte_eth_rx_burst(env->port, 0, none, 1) != 0)
		return TEST_FAILED;
	t0 = now_ns();
	/* an empty mbuf is no frame: counted in oerrors, not written */
	empty = rte_pktmbuf_alloc(env->mp);
	TEST_ASSERT_NOT_NULL(empty, "alloc");
	pair[0] = head;
	pair[1] = empty;
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, pair, 2), 2, "both taken");
	t1 = now_ns();
	rte_eth_stats_get(env->port, &st);
	TEST_ASSERT(st.opackets == 1 && st.obytes == chain_len(0) && st.oerrors == 1,
		    "opackets %" PRIu64 " obytes %" PRIu64 " oerrors %" PRIu64, st.opackets,
		    st.obytes, st.oerrors);
	rte_eth_dev_stop(env->port);
	/* record 0 of chain_len bytes, as tx_file_check's frame_fill(.., 0) */
	if (tx_file_check(env->out, 1, chain_len, t0, t1) != TEST_SUCCESS)
		return TEST_FAILED;
	return TEST_SUCCESS;
}

static int
test_pcap_multiseg_tx(void)
{
	return env_run(pcap_multiseg_tx);
}

static uint32_t
small_len(uint32_t seq)
{
	return rec_sizes[seq % 4]; /* all but the jumbo one */
}

static int
pcap_infinite_rx(struct pcap_env *env)
{
	struct rte_mbuf *pkts[32];
	struct rte_eth_stats st;
	uint32_t total = 0, n, i;
	char args[256];

	if (pcap_file_write(env->in, 3, small_len) != TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(args, sizeof(args), "rx_pcap=%s,infinite_rx=1", env->in);
	if (port_open(env, args, env->mp) != TEST_SUCCESS)
		return TEST_FAILED;
	/* 3 records, 100 packets: copies of record i % 3, in order */
	while (total < 100) {
		n = rte_eth_rx_burst(env->port, 0, pkts, (uint16_t)RTE_MIN(100 - total, 32u));
		if (n == 0)
			return TEST_FAILED;
		for (i = 0; i < n; i++, total++) {
			uint32_t seq = total % 3;

			frame_fill(frame, small_len(seq), seq);
			if (pkts[i]->pkt_len != small_len(seq) || pkts[i]->nb_segs != 1 ||
			    memcmp(rte_pktmbuf_mtod(pkts[i], void *), frame, small_len(seq))) {
				printf("packet %u is not record %u\n", total, seq);
				return TEST_FAILED;
			}
		}
		/* no Tx devarg: Tx counts and drops */
		if (rte_eth_tx_burst(env->port, 0, pkts, (uint16_t)n) != n)
			return TEST_FAILED;
	}
	rte_eth_stats_get(env->port, &st);
	if (st.ipackets != 100 || st.opackets != 100) {
		printf("ipackets %" PRIu64 " opackets %" PRIu64 ", want 100\n", st.ipackets,
		       st.opackets);
		return TEST_FAILED;
	}
	return TEST_SUCCESS;
}

static int
test_pcap_infinite_rx(void)
{
	return env_run(pcap_infinite_rx);
}

/* Queue setup with infinite_rx fails with want in the log, and the port closes clean. */
static int
infinite_refused(struct pcap_env *env, struct rte_mempool *mp, const char *want)
{
	char *log = NULL;
	size_t log_len = 0;
	FILE *f = open_memstream(&log, &log_len);
	struct rte_eth_conf conf = {0};
	char args[256];
	int ret;

	TEST_ASSERT_NOT_NULL(f, "memstream");
	snprintf(args, sizeof(args), "rx_pcap=%s,infinite_rx=1", env->in);
	TEST_ASSERT_SUCCESS(rte_vdev_init(DEV, args), "vdev %s", args);
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(DEV, &env->port), "port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(env->port, 1, 1, &conf), "configure");
	rte_openlog_stream(f);
	ret = rte_eth_rx_queue_setup(env->port, 0, 64, SOCKET_ID_ANY, NULL, mp);
	rte_openlog_stream(NULL);
	fclose(f);
	rte_vdev_uninit(DEV);
	TEST_ASSERT_EQUAL(ret, -EINVAL, "queue setup refused");
	TEST_ASSERT_STR_CONTAINS(log, want, "message");
	free(log);
	/* every mbuf the load took went back */
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), mp->size, "mbufs back in the pool");
	return TEST_SUCCESS;
}

static int
pcap_infinite_refused(struct pcap_env *env)
{
	/* a record header: 1 s, 0 ns, caplen and len of 4 GiB - 1 */
	static const uint8_t bad_rec[16] = {1,	  0,	0,    0,    0,	  0,	0,    0,
					    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	struct rte_mempool *tiny;
	char want[256];
	FILE *f;
	int ret;

	/* a jumbo record does not fit one default mbuf: DPDK refuses chains here */
	if (pcap_file_write(env->in, NB_SIZES, rec_len) != TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(want, sizeof(want),
		 DEV ": infinite_rx: packet 5 of '%s' has 9000 bytes, "
		     "more than one mbuf holds: use mbufs with a data room of at least %u bytes",
		 env->in, 9000 + RTE_PKTMBUF_HEADROOM);
	if (infinite_refused(env, env->mp, want) != TEST_SUCCESS)
		return TEST_FAILED;
	/* more packets than the pool has mbufs */
	if (pcap_file_write(env->in, 40, small_len) != TEST_SUCCESS)
		return TEST_FAILED;
	tiny = rte_pktmbuf_pool_create("pcap_tiny", 16, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				       SOCKET_ID_ANY);
	if (tiny == NULL)
		return TEST_FAILED;
	snprintf(want, sizeof(want),
		 DEV ": infinite_rx: the mempool ran out after 16 packets "
		     "of '%s': give it more mbufs than the file has packets",
		 env->in);
	ret = infinite_refused(env, tiny, want);
	rte_mempool_free(tiny);
	if (ret != TEST_SUCCESS)
		return TEST_FAILED;
	/* a file that turns bad after two records: refused, and the line says where */
	if (pcap_file_write(env->in, 2, small_len) != TEST_SUCCESS)
		return TEST_FAILED;
	f = fopen(env->in, "a");
	TEST_ASSERT_NOT_NULL(f, "append");
	TEST_ASSERT_EQUAL(fwrite(bad_rec, 1, sizeof(bad_rec), f), sizeof(bad_rec), "append");
	fclose(f);
	snprintf(want, sizeof(want),
		 DEV ": reading '%s' failed after 2 packets: invalid packet "
		     "capture length 4294967295",
		 env->in);
	if (infinite_refused(env, env->mp, want) != TEST_SUCCESS)
		return TEST_FAILED;
	/* nothing to replay */
	if (pcap_file_write(env->in, 0, small_len) != TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(want, sizeof(want),
		 DEV ": infinite_rx: '%s' has no packet to replay: give a "
		     "file with at least one",
		 env->in);
	if (infinite_refused(env, env->mp, want) != TEST_SUCCESS)
		return TEST_FAILED;
	return TEST_SUCCESS;
}

static int
test_pcap_infinite_refused(void)
{
	return env_run(pcap_infinite_refused);
}

/* No file may appear at path. */
static int
file_absent(const char *path)
{
	struct stat st;

	TEST_ASSERT(stat(path, &st) != 0 && errno == ENOENT, "%s left behind", path);
	return TEST_SUCCESS;
}

static int
probe_error(const char *args, const char *want)
{
	return test_netns_probe_error(DEV, args, want);
}

static int
pcap_errors(struct pcap_env *env)
{
	static const char garbage[] = "this is not a capture, just text long enough to read";
	char args[2048], want[512];
	int q, len = 0;

	/* missing file, and the tx_pcap after it is never created */
	snprintf(args, sizeof(args), "rx_pcap=%s,tx_pcap=%s", env->in, env->out);
	snprintf(want, sizeof(want),
		 DEV ": rx_pcap file '%s' not found: give the path of an "
		     "existing pcap file",
		 env->in);
	if (probe_error(args, want) != TEST_SUCCESS || file_absent(env->out) != TEST_SUCCESS)
		return TEST_FAILED;
	/* garbage */
	if (raw_file_write(env->in, garbage, sizeof(garbage)) != TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(want, sizeof(want), DEV ": rx_pcap file '%s' is not a pcap or pcapng capture (",
		 env->in);
	if (probe_error(args, want) != TEST_SUCCESS || file_absent(env->out) != TEST_SUCCESS)
		return TEST_FAILED;
	/* empty */
	if (raw_file_write(env->in, "", 0) != TEST_SUCCESS ||
	    probe_error(args, want) != TEST_SUCCESS)
		return TEST_FAILED;
	/* a directory */
	snprintf(args, sizeof(args), "rx_pcap=%s", env->dir);
	snprintf(want, sizeof(want), DEV ": rx_pcap '%s' is a directory: give a pcap file",
		 env->dir);
	if (probe_error(args, want) != TEST_SUCCESS)
		return TEST_FAILED;
	/* Tx file in a directory that does not exist: the first Tx file goes again */
	if (pcap_file_write(env->in, 1, rec_len) != TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(args, sizeof(args), "rx_pcap=%s,tx_pcap=%s,rx_pcap=%s,tx_pcap=%s/no/out.pcap",
		 env->in, env->out, env->in, env->dir);
	snprintf(want, sizeof(want),
		 DEV ": cannot create tx_pcap file '%s/no/out.pcap': No "
		     "such file or directory; give a path in a writable directory",
		 env->dir);
	if (probe_error(args, want) != TEST_SUCCESS || file_absent(env->out) != TEST_SUCCESS)
		return TEST_FAILED;
	/* interfaces that do not exist */
	if (probe_error("rx_iface=slnoif0",
			DEV ": rx_iface: interface 'slnoif0' not found: "
			    "give an existing one (see 'ip link')") != TEST_SUCCESS ||
	    probe_error("rx_iface_in=slnoif0", DEV ": rx_iface_in: interface 'slnoif0' not "
						   "found") != TEST_SUCCESS ||
	    probe_error("iface=slnoif0", DEV ": iface: interface 'slnoif0' not found") !=
		    TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(args, sizeof(args), "rx_pcap=%s,tx_iface=slnoif0", env->in);
	if (probe_error(args, DEV ": tx_iface: interface 'slnoif0' not found") != TEST_SUCCESS)
		return TEST_FAILED;
	/* devargs */
	if (probe_error("", DEV ": no queue to make: give rx_pcap=<file>, tx_pcap=<file>, "
				"rx_iface=<ifc>, tx_iface=<ifc> or iface=<ifc>") != TEST_SUCCESS ||
	    probe_error("iface=lo,iface=lo", DEV ": iface given 2 times: give it once") !=
		    TEST_SUCCESS)
		return TEST_FAILED;
	snprintf(args, sizeof(args), "rx_pcap=%s,infinite_rx=yes", env->in);
	if (probe_error(args, "'infinite_rx'") != TEST_SUCCESS)
		return TEST_FAILED;
	for (q = 0; q < 17; q++)
		len += snprintf(args + len, sizeof(args) - (size_t)len, "%srx_pcap=%s",
				q ? "," : "", env->in);
	if (probe_error(args, DEV ": more than 16 queues on one side") != TEST_SUCCESS)
		return TEST_FAILED;
	return TEST_SUCCESS;
}

static int
test_pcap_errors(void)
{
	return env_run(pcap_errors);
}

/* Little-endian nanosecond pcap header and record headers, written by hand. */
struct hostile_hdr {
	uint32_t magic;
	uint16_t major, minor;
	int32_t zone;
	uint32_t sigfigs, snaplen, linktype;
};

struct hostile_rec {
	uint32_t sec, nsec, caplen, len;
};

static size_t
hostile_rec_put(uint8_t *buf, size_t off, uint32_t caplen, uint32_t len, uint32_t data_len,
		uint32_t seq)
{
	struct hostile_rec r = {.sec = 1, .nsec = seq, .caplen = caplen, .len = len};

	memcpy(buf + off, &r, sizeof(r));
	frame_fill(buf + off + sizeof(r), data_len, seq);
	return off + sizeof(r) + data_len;
}

/*
 * Records libpcap accepts but no frame is (zero length) are counted and
 * skipped; a record that claims more than any snapshot, or that the file
 * ends inside, ends the queue with one line; what came before is intact.
 */
struct hostile_want {
	uint32_t pkts;
	uint32_t len[4]; /* each packet's length and the seq its bytes come from */
	uint32_t seq[4];
	uint64_t errs;
	const char *log; /* NULL: nothing logged */
};

static int
hostile_run(struct pcap_env *env, const uint8_t *buf, size_t len, const struct hostile_want *want)
{
	struct rte_mbuf *pkts[8];
	struct rte_eth_stats st;
	char *log = NULL;
	size_t log_len = 0;
	FILE *f;
	char args[256];
	uint32_t n = 0, i;

	TEST_ASSERT_SUCCESS(raw_file_write(env->in, buf, len), "write");
	snprintf(args, sizeof(args), "rx_pcap=%s", env->in);
	TEST_ASSERT_SUCCESS(port_open(env, args, env->mp), "port");
	f = open_memstream(&log, &log_len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_openlog_stream(f);
	for (i = 0; i < 4; i++)
		n += rte_eth_rx_burst(env->port, 0, pkts + n, (uint16_t)(8 - n));
	rte_openlog_stream(NULL);
	fclose(f);
	rte_eth_stats_get(env->port, &st);
	for (i = 0; i < n && i < want->pkts; i++) {
		const void *data = rte_pktmbuf_read(pkts[i], 0, want->len[i], got);

		frame_fill(frame, want->len[i], want->seq[i]);
		TEST_ASSERT(pkts[i]->pkt_len == want->len[i] && data != NULL &&
				    memcmp(data, frame, want->len[i]) == 0,
			    "packet %u: %u bytes of "
			    "record seq %u",
			    i, want->len[i], want->seq[i]);
	}
	rte_pktmbuf_free_bulk(pkts, n);
	rte_eth_dev_stop(env->port);
	rte_vdev_uninit(DEV);
	env->vdev = false;
	TEST_ASSERT_EQUAL(n, want->pkts, "good records");
	TEST_ASSERT_EQUAL(st.ierrors, want->errs, "ierrors");
	if (want->log != NULL) {
		TEST_ASSERT_STR_CONTAINS(log, want->log, "log");
		TEST_ASSERT(strchr(log, '\n') == log + strlen(log) - 1, "one line: %s", log);
	} else {
		TEST_ASSERT(log_len == 0, "no log: %s", log);
	}
	free(log);
	return TEST_SUCCESS;
}

static int
pcap_hostile(struct pcap_env *env)
{
	static uint8_t buf[4096];
	struct hostile_hdr h = {.magic = 0xa1b23c4d,
				.major = 2,
				.minor = 4,
				.snaplen = 128,
				.linktype = DLT_EN10MB};
	struct hostile_want zero = {2, {64, 64}, {0, 1}, 1, NULL};
	struct hostile_want bad = {1, {64}, {0}, 1, NULL};
	/* libpcap reads snaplen bytes of it and skips the rest */
	struct hostile_want over = {3, {64, 128, 64}, {0, 9, 1}, 0, NULL};
	char want[256];
	size_t off;

	memcpy(buf, &h, sizeof(h));
	/* good, zero-length, good */
	off = hostile_rec_put(buf, sizeof(h), 64, 64, 64, 0);
	off = hostile_rec_put(buf, off, 0, 60, 0, 9);
	off = hostile_rec_put(buf, off, 64, 64, 64, 1);
	if (hostile_run(env, buf, off, &zero) != TEST_SUCCESS)
		return TEST_FAILED;
	/* good, then a caplen of 4 GiB - 1 */
	off = hostile_rec_put(buf, sizeof(h), 64, 64, 64, 0);
	off = hostile_rec_put(buf, off, UINT32_MAX, UINT32_MAX, 16, 9);
	snprintf(want, sizeof(want),
		 DEV ": reading '%s' failed after 1 packets: invalid "
		     "packet capture length 4294967295",
		 env->in);
	bad.log = want;
	if (hostile_run(env, buf, off, &bad) != TEST_SUCCESS)
		return TEST_FAILED;
	/* good, then a record the file ends inside */
	off = hostile_rec_put(buf, sizeof(h), 64, 64, 64, 0);
	off = hostile_rec_put(buf, off, 100, 100, 10, 9);
	snprintf(want, sizeof(want), DEV ": reading '%s' failed after 1 packets: truncated",
		 env->in);
	if (hostile_run(env, buf, off, &bad) != TEST_SUCCESS)
		return TEST_FAILED;
	/* caplen above the header's snaplen, within libpcap's bound */
	off = hostile_rec_put(buf, sizeof(h), 64, 64, 64, 0);
	off = hostile_rec_put(buf, off, 200, 200, 200, 9);
	off = hostile_rec_put(buf, off, 64, 64, 64, 1);
	if (hostile_run(env, buf, off, &over) != TEST_SUCCESS)
		return TEST_FAILED;
	return TEST_SUCCESS;
}

static int
test_pcap_hostile(void)
{
	return env_run(pcap_hostile);
}

#define NB_MUTANTS 400

static uint64_t
xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Every packet a mutant file gives: bounded, and its chain adds up. */
static int
mutant_drain(uint16_t port, uint32_t *total)
{
	struct rte_mbuf *pkts[16];
	uint16_t n, i;
	int bursts = 0;

	while ((n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts))) != 0 || bursts++ < 2) {
		for (i = 0; i < n; i++) {
			const struct rte_mbuf *m;
			uint32_t sum = 0, segs = 0;

			for (m = pkts[i]; m != NULL; m = m->next, segs++)
				sum += m->data_len;
			TEST_ASSERT(pkts[i]->pkt_len != 0 && pkts[i]->pkt_len <= 262144 &&
					    sum == pkts[i]->pkt_len && segs == pkts[i]->nb_segs,
				    "packet of %u bytes in %u segments", pkts[i]->pkt_len, segs);
		}
		rte_pktmbuf_free_bulk(pkts, n);
		*total += n;
	}
	return TEST_SUCCESS;
}

/*
 * A valid file with random bytes overwritten and cut at random places:
 * whatever the port makes of it is bounded, and the pool and the fds are
 * whole afterwards. Deterministic: the same mutants every run.
 */
static int
pcap_mutated(struct pcap_env *env)
{
	static uint8_t base[65536], mut[65536];
	struct rte_eth_conf conf = {0};
	uint64_t x = 0x9e3779b97f4a7c15ull;
	int fds = test_dir_entries("/proc/self/fd"), iter, k, probed = 0;
	uint32_t pkts = 0;
	char args[160];
	size_t len, mlen;
	uint16_t port;
	FILE *f, *null;

	TEST_ASSERT_SUCCESS(pcap_file_write(env->in, NB_SIZES * 2, rec_len), "base file");
	f = fopen(env->in, "r");
	TEST_ASSERT_NOT_NULL(f, "read base");
	len = fread(base, 1, sizeof(base), f);
	fclose(f);
	snprintf(args, sizeof(args), "rx_pcap=%s", env->out);
	null = fopen("/dev/null", "w");
	TEST_ASSERT_NOT_NULL(null, "/dev/null");
	for (iter = 0; iter < NB_MUTANTS; iter++) {
		memcpy(mut, base, len);
		mlen = xorshift(&x) % 4 == 0 ? xorshift(&x) % len : len;
		for (k = 1 + (int)(xorshift(&x) % 8); k > 0; k--) {
			/* mostly headers: the first 24 bytes and each record's 16 */
			size_t pos = xorshift(&x) % 2 ? xorshift(&x) % 200 : xorshift(&x) % len;

			mut[pos % len] = (uint8_t)xorshift(&x);
		}
		if (raw_file_write(env->out, mut, mlen) != TEST_SUCCESS)
			break;
		rte_openlog_stream(null);
		if (rte_vdev_init(DEV, args) == 0) {
			probed++;
			if (rte_eth_dev_get_port_by_name(DEV, &port) != 0 ||
			    rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
			    rte_eth_rx_queue_setup(port, 0, 64, SOCKET_ID_ANY, NULL, env->mp) !=
				    0 ||
			    rte_eth_tx_queue_setup(port, 0, 64, SOCKET_ID_ANY, NULL) != 0 ||
			    rte_eth_dev_start(port) != 0 ||
			    mutant_drain(port, &pkts) != TEST_SUCCESS)
				iter = NB_MUTANTS + 1;
			rte_eth_dev_stop(port);
			rte_vdev_uninit(DEV);
		}
		rte_openlog_stream(NULL);
	}
	fclose(null);
	TEST_ASSERT_EQUAL(iter, NB_MUTANTS, "mutant %d failed", iter);
	printf("%d of %d mutants probed, %u packets\n", probed, NB_MUTANTS, pkts);
	/* most mutants keep a valid header and give packets before their damage */
	TEST_ASSERT(probed > NB_MUTANTS / 2 && pkts > (uint32_t)probed, "mutants too broken");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(env->mp), env->mp->size, "mbufs back");
	TEST_ASSERT_EQUAL(test_dir_entries("/proc/self/fd"), fds, "no fd left");
	return TEST_SUCCESS;
}

static int
test_pcap_mutated(void)
{
	return env_run(pcap_mutated);
}

#define PCAP_IF "slpcap0"
#define PEER_IF "slpcap1"
#define NB_IF_FRAMES 32

static uint32_t
if_frame_len(uint32_t seq)
{
	return 60 + (seq * 97) % 1400; /* 60..1459 bytes */
}

/* Test frames the port receives within 2 s, checked byte for byte in order. */
static int
iface_rx_check(uint16_t port, const uint8_t dst[6], const uint8_t src[6], uint32_t nb)
{
	struct rte_mbuf *pkts[32];
	uint32_t seq = 0;
	int spin;

	for (spin = 0; spin < 2000 && seq < nb; spin++) {
		uint16_t n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts)), i;

		for (i = 0; i < n; i++) {
			struct rte_mbuf *m = pkts[i];
			uint32_t len = if_frame_len(seq);

			test_netns_frame_build(frame, len, dst, src, seq);
			/* the namespace is quiet, but only the test's ethertype counts */
			if (m->pkt_len >= 14 &&
			    memcmp(rte_pktmbuf_mtod_offset(m, uint8_t *, 12), frame + 12, 2) == 0) {
				TEST_ASSERT(m->pkt_len == len &&
						    memcmp(rte_pktmbuf_read(m, 0, len, got), frame,
							   len) == 0,
					    "frame %u crossed byte for byte", seq);
				seq++;
			}
			rte_pktmbuf_free(m);
		}
		if (n == 0)
			usleep(1000);
	}
	TEST_ASSERT_EQUAL(seq, nb, "frames the port received");
	return TEST_SUCCESS;
}

/* Peer -> port, then port -> peer (every fourth frame a chain); the port never hears itself. */
static int
iface_cross(struct pcap_env *env, int peer_fd, const uint8_t port_mac[6], const uint8_t peer_mac[6])
{
	static uint8_t peer_got[2048];
	struct rte_mbuf *m, *m2;
	struct rte_eth_stats st;
	uint32_t seq, len, head;

	for (seq = 0; seq < NB_IF_FRAMES; seq++) {
		test_netns_frame_build(frame, if_frame_len(seq), port_mac, peer_mac, seq);
		TEST_ASSERT_SUCCESS(test_netns_raw_send(peer_fd, frame, if_frame_len(seq)),
				    "peer send %u", seq);
	}
	TEST_ASSERT_SUCCESS(iface_rx_check(env->port, port_mac, peer_mac, NB_IF_FRAMES),
			    "peer -> port");
	for (seq = 0; seq < NB_IF_FRAMES; seq++) {
		len = if_frame_len(seq);
		head = seq % 4 == 0 ? 20 : len;
		test_netns_frame_build(frame, len, peer_mac, port_mac, seq);
		m = rte_pktmbuf_alloc(env->mp);
		TEST_ASSERT_NOT_NULL(m, "alloc");
		memcpy(rte_pktmbuf_append(m, (uint16_t)head), frame, head);
		if (head < len) {
			m2 = rte_pktmbuf_alloc(env->mp);
			TEST_ASSERT_NOT_NULL(m2, "alloc");
			memcpy(rte_pktmbuf_append(m2, (uint16_t)(len - head)), frame + head,
			       len - head);
			TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, m2), "chain");
		}
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, &m, 1), 1, "tx %u", seq);
		TEST_ASSERT_EQUAL(test_netns_raw_recv(peer_fd, peer_got, sizeof(peer_got), 1000, 0),
				  (int)len, "peer got frame %u", seq);
		TEST_ASSERT(memcmp(peer_got, frame, len) == 0, "frame %u at the peer", seq);
	}
	usleep(20000);
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(env->port, 0, &m, 1), 0, "the port hears itself");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.opackets, NB_IF_FRAMES, "opackets");
	TEST_ASSERT_EQUAL(st.oerrors, 0, "oerrors");
	return TEST_SUCCESS;
}

static int
iface_case(struct pcap_env *env, const char *args, int peer_fd, const uint8_t port_mac[6],
	   const uint8_t peer_mac[6], bool phy_mac)
{
	struct rte_ether_addr mac;

	TEST_ASSERT_SUCCESS(port_open(env, args, env->mp), "%s", args);
	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(env->port, &mac), "mac");
	if (phy_mac)
		TEST_ASSERT(memcmp(mac.addr_bytes, port_mac, 6) == 0, "phy_mac=1: the veth MAC");
	else
		TEST_ASSERT(mac.addr_bytes[0] == 0x02 && mac.addr_bytes[1] == 0x70,
			    "02:70:63:61:70:xx without phy_mac");
	TEST_ASSERT_SUCCESS(iface_cross(env, peer_fd, port_mac, peer_mac), "%s", args);
	rte_eth_dev_stop(env->port);
	rte_vdev_uninit(DEV);
	env->vdev = false;
	return TEST_SUCCESS;
}

/* rx_iface_in + tx_iface, then iface + phy_mac, on a veth pair of a private namespace. */
static int
test_pcap_iface(void)
{
	uint8_t port_mac[6], peer_mac[6];
	struct pcap_env env;
	int orig_ns = -1, peer_fd = -1, ret = TEST_FAILED;

	ret = test_netns_enter(&orig_ns, "a veth pair");
	if (ret != TEST_SUCCESS)
		return ret;
	ret = TEST_FAILED;
	if (env_setup(&env) != TEST_SUCCESS)
		goto out;
	if (test_netns_ip("link", "add", PCAP_IF, "type", "veth", "peer", "name", PEER_IF, NULL) !=
		    0 ||
	    test_netns_ip("link", "set", PCAP_IF, "up", NULL) != 0 ||
	    test_netns_ip("link", "set", PEER_IF, "up", NULL) != 0 ||
	    test_netns_if_mac(PCAP_IF, port_mac) != 0 || test_netns_if_mac(PEER_IF, peer_mac) != 0)
		goto out_env;
	peer_fd = test_netns_raw_open(PEER_IF);
	if (peer_fd < 0)
		goto out_env;
	if (iface_case(&env, "rx_iface_in=" PCAP_IF ",tx_iface=" PCAP_IF, peer_fd, port_mac,
		       peer_mac, false) != TEST_SUCCESS ||
	    iface_case(&env, "iface=" PCAP_IF ",phy_mac=1", peer_fd, port_mac, peer_mac, true) !=
		    TEST_SUCCESS)
		goto out_env;
	ret = TEST_SUCCESS;
out_env:
	if (peer_fd >= 0)
		close(peer_fd);
	env_teardown(&env);
out:
	test_netns_leave(orig_ns);
	return ret;
}

static const struct test_case pcap_cases[] = {
	TEST_CASE(test_pcap_forward),
	TEST_CASE(test_pcap_multiseg_tx),
	TEST_CASE(test_pcap_infinite_rx),
	TEST_CASE(test_pcap_infinite_refused),
	TEST_CASE(test_pcap_errors),
	TEST_CASE(test_pcap_hostile),
	TEST_CASE(test_pcap_mutated),
	TEST_CASE(test_pcap_iface),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_pcap, TEST_SUITE_EAL, pcap_cases);
