/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pcapng: packets received on net_null ports and packets built here (odd
 * lengths, chains, a snap length, a stripped VLAN tag) are copied and
 * written, then the file is read back twice: block by block here (section
 * header strings, one interface per port with its name and nanosecond
 * resolution, direction flags, queue, interface ids, statistics) and by
 * libpcap (every byte, both lengths, nanosecond stamps close to the wall
 * clock and in order). Stamps far from the base convert exactly, and every
 * misuse fails with its errno and leaves the file as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <pcap/pcap.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_pcapng.h>

#include "test.h"

#define NB_PORTS 2
#define MAX_RECS 64
#define MAX_FRAME 2048
#define NB_NULL_RX 4

static const char *const port_names[NB_PORTS] = {"net_null_pcapng0", "net_null_pcapng1"};

/* What a packet block must hold. */
struct want_rec {
	uint32_t iface;
	uint32_t queue;
	uint32_t flags;
	uint32_t caplen;
	uint32_t origlen;
	uint64_t ns_min, ns_max; /* wall clock around the copy */
	uint8_t data[MAX_FRAME];
};

/* What the file holds, block by block. */
struct got_rec {
	uint32_t iface, caplen, origlen, flags, queue;
	uint64_t ts;
	const uint8_t *data;
};

struct got_file {
	uint8_t *buf;
	size_t len;
	char os[64], hw[64], app[64], comment[64];
	unsigned int nb_idb;
	char ifname[NB_PORTS + 1][64];
	uint8_t tsresol[NB_PORTS + 1];
	bool has_mac[NB_PORTS + 1];
	unsigned int nb_rec;
	struct got_rec rec[MAX_RECS];
	unsigned int nb_isb;
	uint32_t isb_iface;
	uint64_t isb_recv, isb_drop;
	char isb_comment[64];
};

struct cap_env {
	char path[64];
	int fd;
	rte_pcapng_t *pc; /* owns fd once open */
	uint16_t port[NB_PORTS];
	struct rte_mempool *pkts;   /* originals */
	struct rte_mempool *copies; /* rte_pcapng_copy()'s pool */
};

static struct want_rec want[MAX_RECS];
static struct got_file got;

static uint64_t
wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static int
cap_env_up(struct cap_env *e, uint32_t copy_room)
{
	struct rte_eth_conf conf;
	unsigned int i;

	memset(e, 0, sizeof(*e));
	memset(&conf, 0, sizeof(conf));
	e->fd = -1;
	e->pkts = rte_pktmbuf_pool_create("pcapng_pkts", 511, 0, 0,
					  RTE_PKTMBUF_HEADROOM + MAX_FRAME, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(e->pkts, "originals pool");
	e->copies = rte_pktmbuf_pool_create("pcapng_copies", 511, 0, 0, copy_room, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(e->copies, "copies pool");
	for (i = 0; i < NB_PORTS; i++) {
		TEST_ASSERT_SUCCESS(rte_vdev_init(port_names[i], "size=64"), "vdev %s",
				    port_names[i]);
		TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(port_names[i], &e->port[i]),
				    "port");
		TEST_ASSERT_SUCCESS(rte_eth_dev_configure(e->port[i], 1, 1, &conf), "configure");
		TEST_ASSERT_SUCCESS(
			rte_eth_rx_queue_setup(e->port[i], 0, 64, SOCKET_ID_ANY, NULL, e->pkts),
			"rx queue");
		TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(e->port[i], 0, 64, SOCKET_ID_ANY, NULL),
				    "tx queue");
		TEST_ASSERT_SUCCESS(rte_eth_dev_start(e->port[i]), "start");
	}
	snprintf(e->path, sizeof(e->path), "/tmp/sluice_pcapng_XXXXXX");
	e->fd = mkstemp(e->path);
	TEST_ASSERT(e->fd >= 0, "mkstemp: %s", strerror(errno));
	return TEST_SUCCESS;
}

/* The file is complete: close it, nothing for cap_env_down() to close. */
static void
cap_env_close(struct cap_env *e)
{
	rte_pcapng_close(e->pc);
	e->pc = NULL;
	e->fd = -1;
}

static void
cap_env_down(struct cap_env *e)
{
	unsigned int i;

	if (e->pc != NULL)
		rte_pcapng_close(e->pc);
	else if (e->fd >= 0)
		close(e->fd);
	for (i = 0; i < NB_PORTS; i++)
		rte_vdev_uninit(port_names[i]);
	rte_mempool_free(e->copies);
	rte_mempool_free(e->pkts);
	if (e->path[0] != '\0')
		unlink(e->path);
	free(got.buf);
	memset(&got, 0, sizeof(got));
}

/* A packet of len bytes in nb_segs segments, bytes a function of seq. */
static struct rte_mbuf *
pkt_build(struct rte_mempool *mp, uint32_t len, unsigned int nb_segs, uint32_t seq)
{
	struct rte_mbuf *head = NULL, *seg;
	uint32_t off = 0, part, i;
	unsigned int s;
	uint8_t *d;

	for (s = 0; s < nb_segs; s++) {
		part = s == nb_segs - 1 ? len - off : len / nb_segs;
		seg = rte_pktmbuf_alloc(mp);
		if (seg == NULL)
			goto out_free;
		d = (uint8_t *)rte_pktmbuf_append(seg, (uint16_t)part);
		for (i = 0; i < part; i++)
			d[i] = (uint8_t)(seq * 31 + (off + i) * 7);
		off += part;
		if (head == NULL)
			head = seg;
		else if (rte_pktmbuf_chain(head, seg) != 0)
			goto out_free;
	}
	return head;

out_free:
	rte_pktmbuf_free(head);
	return NULL;
}

/* Copy m into *copy and note what its block must hold in want[n]. */
static int
rec_copy(struct cap_env *e, unsigned int n, struct rte_mbuf *m, unsigned int pi, uint32_t queue,
	 uint32_t snap, enum rte_pcapng_direction dir, struct rte_mbuf **copy)
{
	struct want_rec *w = &want[n];
	const void *src;

	TEST_ASSERT(n < MAX_RECS, "too many records");
	w->iface = pi;
	w->queue = queue;
	w->flags = dir;
	w->origlen = m->pkt_len;
	w->caplen = RTE_MIN(m->pkt_len, snap);
	TEST_ASSERT(w->caplen <= MAX_FRAME, "frame too long for the test");
	src = rte_pktmbuf_read(m, 0, w->caplen, w->data);
	TEST_ASSERT_NOT_NULL(src, "read");
	if (src != w->data)
		memcpy(w->data, src, w->caplen);
	w->ns_min = wall_ns();
	*copy = rte_pcapng_copy(e->port[pi], queue, m, e->copies, snap, rte_get_tsc_cycles(), dir);
	w->ns_max = wall_ns();
	TEST_ASSERT_NOT_NULL(*copy, "rte_pcapng_copy #%u: %s", n, strerror(rte_errno));
	return TEST_SUCCESS;
}

/* The value of option code in [p, end), NULL when absent. */
static const uint8_t *
opt_find(const uint8_t *p, const uint8_t *end, uint16_t code, uint16_t *len)
{
	uint16_t c, l;

	while (p + 4 <= end) {
		memcpy(&c, p, 2);
		memcpy(&l, p + 2, 2);
		if (c == 0 || p + 4 + l > end)
			return NULL;
		if (c == code) {
			*len = l;
			return p + 4;
		}
		p += 4 + ((l + 3u) & ~3u);
	}
	return NULL;
}

static void
opt_str(const uint8_t *p, const uint8_t *end, uint16_t code, char *dst, size_t size)
{
	uint16_t len;
	const uint8_t *v = opt_find(p, end, code, &len);

	dst[0] = '\0';
	if (v != NULL)
		snprintf(dst, size, "%.*s", (int)len, (const char *)v);
}

static uint32_t
opt_u32(const uint8_t *p, const uint8_t *end, uint16_t code)
{
	uint16_t len;
	const uint8_t *v = opt_find(p, end, code, &len);
	uint32_t x = UINT32_MAX;

	if (v != NULL && len == 4)
		memcpy(&x, v, 4);
	return x;
}

static uint64_t
opt_u64(const uint8_t *p, const uint8_t *end, uint16_t code)
{
	uint16_t len;
	const uint8_t *v = opt_find(p, end, code, &len);
	uint64_t x = UINT64_MAX;

	if (v != NULL && len == 8)
		memcpy(&x, v, 8);
	return x;
}

static uint32_t
u32_at(const uint8_t *p)
{
	uint32_t x;

	memcpy(&x, p, 4);
	return x;
}

/* Read path block by block into got; every framing rule checked on the way. */
static int
file_parse(const char *path)
{
	struct stat st;
	uint32_t type, len;
	size_t off = 0;
	int fd;

	fd = open(path, O_RDONLY);
	TEST_ASSERT(fd >= 0, "open %s", path);
	TEST_ASSERT_SUCCESS(fstat(fd, &st), "stat");
	got.len = (size_t)st.st_size;
	got.buf = malloc(got.len + 1);
	TEST_ASSERT_NOT_NULL(got.buf, "malloc");
	TEST_ASSERT_EQUAL(read(fd, got.buf, got.len), (ssize_t)got.len, "read");
	close(fd);

	while (off < got.len) {
		const uint8_t *b = got.buf + off;

		TEST_ASSERT(got.len - off >= 12, "truncated block at %zu", off);
		type = u32_at(b);
		len = u32_at(b + 4);
		TEST_ASSERT(len % 4 == 0 && len >= 12 && len <= got.len - off,
			    "block at %zu: length %u", off, len);
		TEST_ASSERT_EQUAL(u32_at(b + len - 4), len, "block at %zu: trailing length", off);
		const uint8_t *end = b + len - 4;

		if (off == 0) {
			TEST_ASSERT_EQUAL(type, 0x0A0D0D0A, "first block is a section header");
			TEST_ASSERT_EQUAL(u32_at(b + 8), 0x1A2B3C4D, "byte order magic");
			TEST_ASSERT_EQUAL(u32_at(b + 12), 1, "version 1.0");
			opt_str(b + 24, end, 2, got.hw, sizeof(got.hw));
			opt_str(b + 24, end, 3, got.os, sizeof(got.os));
			opt_str(b + 24, end, 4, got.app, sizeof(got.app));
			opt_str(b + 24, end, 1, got.comment, sizeof(got.comment));
		} else if (type == 1) {
			uint16_t l;
			const uint8_t *v;

			TEST_ASSERT(got.nb_idb <= NB_PORTS, "more interfaces than ports");
			TEST_ASSERT_EQUAL(got.nb_rec, 0, "interfaces come before packets");
			TEST_ASSERT_EQUAL(b[8], 1, "link type Ethernet");
			opt_str(b + 16, end, 2, got.ifname[got.nb_idb], 64);
			v = opt_find(b + 16, end, 9, &l);
			got.tsresol[got.nb_idb] = v != NULL && l == 1 ? *v : 0;
			got.has_mac[got.nb_idb] = opt_find(b + 16, end, 6, &l) != NULL && l == 6;
			got.nb_idb++;
		} else if (type == 6) {
			struct got_rec *r = &got.rec[got.nb_rec];

			TEST_ASSERT(got.nb_rec < MAX_RECS, "too many packets");
			r->iface = u32_at(b + 8);
			r->ts = (uint64_t)u32_at(b + 12) << 32 | u32_at(b + 16);
			r->caplen = u32_at(b + 20);
			r->origlen = u32_at(b + 24);
			TEST_ASSERT(28 + ((r->caplen + 3) & ~3u) <= len - 4,
				    "packet %u fits its block", got.nb_rec);
			r->data = b + 28;
			r->flags = opt_u32(b + 28 + ((r->caplen + 3) & ~3u), end, 2);
			r->queue = opt_u32(b + 28 + ((r->caplen + 3) & ~3u), end, 6);
			got.nb_rec++;
		} else if (type == 5) {
			got.nb_isb++;
			got.isb_iface = u32_at(b + 8);
			got.isb_recv = opt_u64(b + 20, end, 4);
			got.isb_drop = opt_u64(b + 20, end, 5);
			opt_str(b + 20, end, 1, got.isb_comment, sizeof(got.isb_comment));
		} else {
			TEST_ASSERT(false, "unexpected block type %u at %zu", type, off);
		}
		off += len;
	}
	return TEST_SUCCESS;
}

/* The blocks and libpcap's reading both match want[0..n). */
static int
file_check(const char *path, unsigned int n)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	uint64_t ts, prev = 0;
	unsigned int i;
	pcap_t *p;

	TEST_ASSERT_SUCCESS(file_parse(path), "parse");
	TEST_ASSERT_EQUAL(got.nb_rec, n, "packet blocks");
	for (i = 0; i < n; i++) {
		const struct got_rec *r = &got.rec[i];
		const struct want_rec *w = &want[i];

		TEST_ASSERT_EQUAL(r->iface, w->iface, "packet %u: interface", i);
		TEST_ASSERT_EQUAL(r->flags, w->flags, "packet %u: direction flags", i);
		TEST_ASSERT_EQUAL(r->queue, w->queue, "packet %u: queue option", i);
		TEST_ASSERT_EQUAL(r->caplen, w->caplen, "packet %u: captured length", i);
		TEST_ASSERT_EQUAL(r->origlen, w->origlen, "packet %u: original length", i);
		TEST_ASSERT(memcmp(r->data, w->data, w->caplen) == 0, "packet %u: bytes", i);
	}

	p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, err);
	TEST_ASSERT_NOT_NULL(p, "libpcap cannot open %s: %s", path, err);
	TEST_ASSERT_EQUAL(pcap_datalink(p), DLT_EN10MB, "Ethernet");
	for (i = 0; i < n; i++) {
		const struct want_rec *w = &want[i];

		if (pcap_next_ex(p, &h, &data) != 1)
			break;
		if (h->caplen != w->caplen || h->len != w->origlen ||
		    memcmp(data, w->data, w->caplen) != 0)
			break;
		ts = (uint64_t)h->ts.tv_sec * NS_PER_S + (uint64_t)h->ts.tv_usec;
		/* the TSC and the wall clock agree within a millisecond */
		if (ts + 1000000 < w->ns_min || ts > w->ns_max + 1000000 || ts < prev)
			break;
		prev = ts;
	}
	TEST_ASSERT(pcap_next_ex(p, &h, &data) == -2 || i < n, "libpcap reads more records");
	pcap_close(p);
	TEST_ASSERT_EQUAL(i, n, "libpcap's record %u differs (lengths, bytes or stamp)", i);
	return TEST_SUCCESS;
}

/* Set up, run one case, and tear down whatever the case left. */
static int
cap_case(uint32_t copy_room, int (*run)(struct cap_env *))
{
	struct cap_env e;
	int ret;

	ret = cap_env_up(&e, copy_room);
	if (ret == TEST_SUCCESS)
		ret = run(&e);
	cap_env_down(&e);
	return ret;
}

static int
roundtrip_run(struct cap_env *e)
{
	static const uint32_t lens[] = {60, 61, 62, 63, 1514};
	struct rte_mbuf *rx[NB_NULL_RX], *copy[MAX_RECS], *m;
	unsigned int n = 0, i;
	ssize_t written, blocks = 0;
	off_t head_size;
	uint64_t start;
	int ret = TEST_SUCCESS;

	start = wall_ns();
	e->pc = rte_pcapng_fdopen(e->fd, "Linux test", "x86 box", "sluice-test pcapng",
				  "roundtrip");
	TEST_ASSERT_NOT_NULL(e->pc, "fdopen: %s", strerror(rte_errno));
	head_size = lseek(e->fd, 0, SEEK_END);

	/* received on the first port, queue 0 */
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(e->port[0], 0, rx, NB_NULL_RX), NB_NULL_RX, "rx");
	for (i = 0; i < NB_NULL_RX && ret == TEST_SUCCESS; i++, n++)
		ret = rec_copy(e, n, rx[i], 0, 0, UINT32_MAX, RTE_PCAPNG_DIRECTION_IN, &copy[n]);
	rte_pktmbuf_free_bulk(rx, NB_NULL_RX);
	/* built here: each length pads differently; sent on the second port */
	for (i = 0; i < RTE_DIM(lens) && ret == TEST_SUCCESS; i++, n++) {
		m = pkt_build(e->pkts, lens[i], 1, n);
		TEST_ASSERT_NOT_NULL(m, "build");
		ret = rec_copy(e, n, m, 1, i + 3, UINT32_MAX, RTE_PCAPNG_DIRECTION_OUT, &copy[n]);
		rte_pktmbuf_free(m);
	}
	/* a chain of three segments is one packet; then with a snap length */
	m = pkt_build(e->pkts, 601, 3, n);
	TEST_ASSERT_NOT_NULL(m, "build chain");
	if (ret == TEST_SUCCESS)
		ret = rec_copy(e, n, m, 0, 7, UINT32_MAX, RTE_PCAPNG_DIRECTION_UNKNOWN, &copy[n]);
	n++;
	if (ret == TEST_SUCCESS)
		ret = rec_copy(e, n, m, 1, 1, 100, RTE_PCAPNG_DIRECTION_IN, &copy[n]);
	n++;
	rte_pktmbuf_free(m);
	if (ret != TEST_SUCCESS)
		return ret;

	written = rte_pcapng_write_packets(e->pc, copy, (uint16_t)n);
	for (i = 0; i < n; i++)
		blocks += rte_pktmbuf_pkt_len(copy[i]);
	rte_pktmbuf_free_bulk(copy, n);
	TEST_ASSERT_EQUAL(written, blocks, "write_packets returns the bytes of the blocks");
	TEST_ASSERT_EQUAL(lseek(e->fd, 0, SEEK_END), head_size + blocks, "file grew by as much");
	TEST_ASSERT(rte_pcapng_write_stats(e->pc, e->port[1], "end", start, wall_ns(), 11, 2) > 0,
		    "write_stats");
	cap_env_close(e);

	ret = file_check(e->path, n);
	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT(strcmp(got.os, "Linux test") == 0, "os '%s'", got.os);
	TEST_ASSERT(strcmp(got.hw, "x86 box") == 0, "hardware '%s'", got.hw);
	TEST_ASSERT(strcmp(got.app, "sluice-test pcapng") == 0, "application '%s'", got.app);
	TEST_ASSERT(strcmp(got.comment, "roundtrip") == 0, "comment '%s'", got.comment);
	TEST_ASSERT_EQUAL(got.nb_idb, NB_PORTS, "one interface a port");
	for (i = 0; i < NB_PORTS; i++) {
		TEST_ASSERT(strcmp(got.ifname[i], port_names[i]) == 0, "interface %u named '%s'", i,
			    got.ifname[i]);
		TEST_ASSERT_EQUAL(got.tsresol[i], 9, "interface %u: nanosecond stamps", i);
		TEST_ASSERT(got.has_mac[i], "interface %u: MAC address", i);
	}
	TEST_ASSERT_EQUAL(got.nb_isb, 1, "one statistics block");
	TEST_ASSERT_EQUAL(got.isb_iface, 1, "statistics of the second port");
	TEST_ASSERT_EQUAL(got.isb_recv, 11, "ifrecv");
	TEST_ASSERT_EQUAL(got.isb_drop, 2, "ifdrop");
	TEST_ASSERT(strcmp(got.isb_comment, "end") == 0, "statistics comment '%s'",
		    got.isb_comment);
	return TEST_SUCCESS;
}

static int
test_pcapng_roundtrip(void)
{
	return cap_case(rte_pcapng_mbuf_size(MAX_FRAME), roundtrip_run);
}

/* TSC values seconds to an hour away from the base, before and after it,
 * convert to as many nanoseconds. */
static int
timestamps_run(struct cap_env *e)
{
	static const int64_t tenths[] = {0, 55, -20, 1000, 36000};
	uint64_t hz = rte_get_tsc_hz(), c0 = rte_get_tsc_cycles();
	struct rte_mbuf *copy[RTE_DIM(tenths)], *m;
	int64_t diff, expect;
	unsigned int i;
	int ret;

	e->pc = rte_pcapng_fdopen(e->fd, NULL, NULL, NULL, NULL);
	TEST_ASSERT_NOT_NULL(e->pc, "fdopen");
	m = pkt_build(e->pkts, 64, 1, 0);
	TEST_ASSERT_NOT_NULL(m, "build");
	for (i = 0; i < RTE_DIM(tenths); i++) {
		uint64_t c = c0 + (uint64_t)(tenths[i] * (int64_t)hz / 10);

		copy[i] = rte_pcapng_copy(e->port[0], 0, m, e->copies, UINT32_MAX, c,
					  RTE_PCAPNG_DIRECTION_IN);
		if (copy[i] == NULL)
			break;
	}
	rte_pktmbuf_free(m);
	TEST_ASSERT_EQUAL(i, RTE_DIM(tenths), "copy");
	ret = (int)rte_pcapng_write_packets(e->pc, copy, RTE_DIM(tenths));
	rte_pktmbuf_free_bulk(copy, RTE_DIM(tenths));
	TEST_ASSERT(ret > 0, "write");
	cap_env_close(e);

	ret = file_parse(e->path);
	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_EQUAL(got.nb_rec, RTE_DIM(tenths), "records");
	for (i = 1; i < RTE_DIM(tenths); i++) {
		diff = (int64_t)(got.rec[i].ts - got.rec[0].ts);
		expect = tenths[i] * 100000000;
		/* a cycle of rounding in c, a ns of rounding in each conversion */
		TEST_ASSERT(llabs(diff - expect) <= 3,
			    "%" PRId64 " tenths of a second: %" PRId64 " ns", tenths[i], diff);
	}
	return TEST_SUCCESS;
}

static int
test_pcapng_timestamps(void)
{
	return cap_case(rte_pcapng_mbuf_size(MAX_FRAME), timestamps_run);
}

/* Copies into a pool of small mbufs: the block's tail goes in a segment
 * of its own when the data fills the last one; a tag the NIC stripped is
 * back in the frame. */
static int
chain_vlan_run(struct cap_env *e)
{
	struct rte_mbuf *copy[2], *m;
	int ret;

	e->pc = rte_pcapng_fdopen(e->fd, NULL, NULL, NULL, NULL);
	TEST_ASSERT_NOT_NULL(e->pc, "fdopen");

	/* 512 bytes fill two 256-byte segments exactly */
	m = pkt_build(e->pkts, 512, 1, 1);
	TEST_ASSERT_NOT_NULL(m, "build");
	ret = rec_copy(e, 0, m, 0, 2, UINT32_MAX, RTE_PCAPNG_DIRECTION_OUT, &copy[0]);
	rte_pktmbuf_free(m);
	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_EQUAL(copy[0]->nb_segs, 3, "block tail in a third segment");

	m = pkt_build(e->pkts, 60, 1, 2);
	TEST_ASSERT_NOT_NULL(m, "build");
	m->ol_flags |= RTE_MBUF_F_RX_VLAN_STRIPPED;
	m->vlan_tci = 0x0123;
	ret = rec_copy(e, 1, m, 1, 0, UINT32_MAX, RTE_PCAPNG_DIRECTION_IN, &copy[1]);
	rte_pktmbuf_free(m);
	if (ret != TEST_SUCCESS) {
		rte_pktmbuf_free(copy[0]);
		return ret;
	}
	/* the frame on the wire: MACs, 0x8100 0x0123, then the rest */
	memmove(want[1].data + 16, want[1].data + 12, 48);
	memcpy(want[1].data + 12, "\x81\x00\x01\x23", 4);
	want[1].caplen += 4;
	want[1].origlen += 4;

	ret = (int)rte_pcapng_write_packets(e->pc, copy, 2);
	rte_pktmbuf_free_bulk(copy, 2);
	TEST_ASSERT(ret > 0, "write");
	cap_env_close(e);
	return file_check(e->path, 2);
}

static int
test_pcapng_chain_and_vlan(void)
{
	return cap_case(RTE_PKTMBUF_HEADROOM + 256, chain_vlan_run);
}

/* Misuse: an error value and rte_errno, and not a byte more in the file. */
static int
errors_run(struct cap_env *e)
{
	struct rte_mbuf *m, *copy[2], *all[511];
	unsigned int n = 0;
	char *longstr;
	off_t size;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_pcapng_fdopen(-1, NULL, NULL, "x", NULL), "bad fd");
	TEST_ASSERT_EQUAL(rte_errno, EBADF, "bad fd: EBADF");
	longstr = malloc(70000);
	TEST_ASSERT_NOT_NULL(longstr, "malloc");
	memset(longstr, 'a', 69999);
	longstr[69999] = '\0';
	rte_errno = 0;
	e->pc = rte_pcapng_fdopen(e->fd, NULL, NULL, NULL, longstr);
	free(longstr);
	TEST_ASSERT_NULL(e->pc, "comment longer than an option");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "long comment: EINVAL");
	TEST_ASSERT_EQUAL(lseek(e->fd, 0, SEEK_END), 0, "nothing written");

	e->pc = rte_pcapng_fdopen(e->fd, NULL, NULL, NULL, NULL);
	TEST_ASSERT_NOT_NULL(e->pc, "fdopen");
	size = lseek(e->fd, 0, SEEK_END);
	m = pkt_build(e->pkts, 100, 1, 0);
	TEST_ASSERT_NOT_NULL(m, "build");

	rte_errno = 0;
	copy[0] = rte_pcapng_copy(e->port[0], 0, m, e->copies, UINT32_MAX, 0,
				  (enum rte_pcapng_direction)3);
	TEST_ASSERT_NULL(copy[0], "direction 3");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "direction 3: EINVAL");

	/* an original mbuf among copies: nothing of the batch is written */
	copy[0] = rte_pcapng_copy(e->port[0], 0, m, e->copies, UINT32_MAX, rte_get_tsc_cycles(),
				  RTE_PCAPNG_DIRECTION_IN);
	TEST_ASSERT_NOT_NULL(copy[0], "copy");
	copy[1] = m;
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_pcapng_write_packets(e->pc, copy, 2), -1, "original mbuf");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "original mbuf: EINVAL");
	/* a copy of a port that was not there at open */
	copy[0]->port = RTE_MAX_ETHPORTS - 1;
	TEST_ASSERT_EQUAL(rte_pcapng_write_packets(e->pc, copy, 1), -1, "unknown port");
	TEST_ASSERT_EQUAL(rte_pcapng_write_stats(e->pc, RTE_MAX_ETHPORTS - 1, NULL, 0, 0, 1, 0),
			  -EINVAL, "stats of an unknown port");
	TEST_ASSERT_EQUAL(lseek(e->fd, 0, SEEK_END), size, "file unchanged");
	rte_pktmbuf_free(copy[0]);

	/* the copies' pool empty: NULL and ENOBUFS */
	while (n < RTE_DIM(all) && (all[n] = rte_pktmbuf_alloc(e->copies)) != NULL)
		n++;
	rte_errno = 0;
	copy[0] = rte_pcapng_copy(e->port[0], 0, m, e->copies, UINT32_MAX, 0,
				  RTE_PCAPNG_DIRECTION_IN);
	rte_pktmbuf_free(m);
	rte_pktmbuf_free_bulk(all, n);
	TEST_ASSERT_NULL(copy[0], "empty pool");
	TEST_ASSERT_EQUAL(rte_errno, ENOBUFS, "empty pool: ENOBUFS");
	rte_pcapng_close(NULL);
	return TEST_SUCCESS;
}

static int
test_pcapng_errors(void)
{
	return cap_case(rte_pcapng_mbuf_size(MAX_FRAME), errors_run);
}

/*
 * The file a reader from elsewhere checks (test_pcapng_tshark.sh): written
 * to $PCAPNG_OUT, packet seq's bytes (seq * 31 + i * 7) mod 256.
 *   seq  port queue direction  length  captured
 *   0    0    1     in         60      60
 *   1    0    1     in         61      61
 *   2    0    1     in         1514    1514
 *   3    1    0     out        128     128
 *   4    1    0     out        601     601 (a chain of three segments)
 *   5    0    2     unknown    1000    200 (snap length)
 * then statistics of port 0: 6 received, 1 dropped.
 */
static int
tshark_file_run(struct cap_env *e)
{
	static const struct {
		uint32_t len, snap;
		uint16_t port, segs;
		uint32_t queue;
		enum rte_pcapng_direction dir;
	} recs[] = {
		{60, UINT32_MAX, 0, 1, 1, RTE_PCAPNG_DIRECTION_IN},
		{61, UINT32_MAX, 0, 1, 1, RTE_PCAPNG_DIRECTION_IN},
		{1514, UINT32_MAX, 0, 1, 1, RTE_PCAPNG_DIRECTION_IN},
		{128, UINT32_MAX, 1, 1, 0, RTE_PCAPNG_DIRECTION_OUT},
		{601, UINT32_MAX, 1, 3, 0, RTE_PCAPNG_DIRECTION_OUT},
		{1000, 200, 0, 1, 2, RTE_PCAPNG_DIRECTION_UNKNOWN},
	};
	struct rte_mbuf *copy[RTE_DIM(recs)], *m;
	const char *path = getenv("PCAPNG_OUT");
	unsigned int i;
	ssize_t ret;
	int fd;

	if (path == NULL) {
		printf("  PCAPNG_OUT is not set: nothing to write\n");
		return TEST_SKIPPED;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	TEST_ASSERT(fd >= 0, "open %s: %s", path, strerror(errno));
	close(e->fd);
	e->fd = fd;
	e->pc = rte_pcapng_fdopen(fd, "Linux", "test machine", "sluice-test pcapng_file", NULL);
	TEST_ASSERT_NOT_NULL(e->pc, "fdopen");
	for (i = 0; i < RTE_DIM(recs); i++) {
		m = pkt_build(e->pkts, recs[i].len, recs[i].segs, i);
		TEST_ASSERT_NOT_NULL(m, "build");
		copy[i] = rte_pcapng_copy(e->port[recs[i].port], recs[i].queue, m, e->copies,
					  recs[i].snap, rte_get_tsc_cycles(), recs[i].dir);
		rte_pktmbuf_free(m);
		TEST_ASSERT_NOT_NULL(copy[i], "copy %u", i);
	}
	ret = rte_pcapng_write_packets(e->pc, copy, RTE_DIM(recs));
	rte_pktmbuf_free_bulk(copy, RTE_DIM(recs));
	TEST_ASSERT(ret > 0, "write");
	TEST_ASSERT(rte_pcapng_write_stats(e->pc, e->port[0], NULL, 0, 0, 6, 1) > 0, "stats");
	cap_env_close(e);
	return TEST_SUCCESS;
}

static int
test_pcapng_tshark_file(void)
{
	return cap_case(rte_pcapng_mbuf_size(MAX_FRAME), tshark_file_run);
}

static const struct test_case test_pcapng_file_cases[] = {
	TEST_CASE(test_pcapng_tshark_file),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pcapng_file, TEST_SUITE_EAL, test_pcapng_file_cases);

static const struct test_case test_pcapng_cases[] = {
	TEST_CASE(test_pcapng_roundtrip),
	TEST_CASE(test_pcapng_timestamps),
	TEST_CASE(test_pcapng_chain_and_vlan),
	TEST_CASE(test_pcapng_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pcapng, TEST_SUITE_EAL, test_pcapng_cases);
