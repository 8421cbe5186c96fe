/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_xdp on veth pairs in a private network namespace: frames of five
 * sizes from a raw socket on the peer arrive byte for byte and frames the
 * port sends reach the peer byte for byte, through the mempool UMEM (the
 * kernel writes into the mbufs themselves) and through the copy fallback;
 * two queues split Rx, with a UMEM each or one shared; a user XDP program
 * replaces the default one; close leaves the interface with no program and
 * other interfaces' programs alone; every probe error names its cause and
 * fix in one line and leaves nothing behind.
 */
#include <stdlib.h>
#include <unistd.h>
#include <net/if.h>
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include <linux/bpf.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_string_fns.h>

#include "test.h"
#include "test_netns.h"

#define AFX_IF "slafx0"
#define PEER_IF "slafx1"
#define PORT_NAME "net_af_xdp0"
#define NB_SPREAD 256

struct afx_env {
	int orig_ns; /* our namespace before the test's own */
	int peer_fd; /* raw socket on the veth peer */
	uint8_t port_mac[6];
	uint8_t peer_mac[6];
	struct rte_mempool *mp;
	struct rte_mempool *big_mp; /* objects over a page: no UMEM of it */
	bool vdev;
	uint16_t port;
	char dir[64]; /* scratch directory for BPF objects, or empty */
};

static const uint32_t frame_lens[] = {60, 61, 128, 1000, 1514};

/* A namespace with a quiet veth pair of nb_q queues a side; no port yet. */
static int
env_setup(struct afx_env *env, const char *nb_q)
{
	int ret;

	memset(env, 0, sizeof(*env));
	env->peer_fd = -1;
	ret = test_netns_enter(&env->orig_ns, "a veth pair");
	if (ret != TEST_SUCCESS)
		return ret;
	if (test_netns_ip("link", "add", AFX_IF, "numtxqueues", nb_q, "numrxqueues", nb_q, "type",
			  "veth", "peer", "name", PEER_IF, "numtxqueues", nb_q, "numrxqueues", nb_q,
			  NULL) != 0 ||
	    test_netns_ip("link", "set", AFX_IF, "up", NULL) != 0 ||
	    test_netns_ip("link", "set", PEER_IF, "up", NULL) != 0)
		return TEST_FAILED;
	if (test_netns_if_mac(AFX_IF, env->port_mac) != 0 ||
	    test_netns_if_mac(PEER_IF, env->peer_mac) != 0)
		return TEST_FAILED;
	env->peer_fd = test_netns_raw_open(PEER_IF);
	if (env->peer_fd < 0)
		return TEST_FAILED;
	env->mp = rte_pktmbuf_pool_create("afx_test", 4095, 64, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	return env->mp != NULL ? TEST_SUCCESS : TEST_FAILED;
}

static void
env_teardown(struct afx_env *env)
{
	if (env->vdev) {
		rte_eth_dev_stop(env->port);
		rte_vdev_uninit(PORT_NAME);
	}
	rte_mempool_free(env->mp);
	rte_mempool_free(env->big_mp);
	if (env->peer_fd >= 0)
		close(env->peer_fd);
	if (env->dir[0] != '\0') {
		const char *argv[] = {"/bin/rm", "-rf", env->dir, NULL};
		char out[256];

		test_run_cmd(argv, out, sizeof(out));
	}
	test_netns_leave(env->orig_ns);
}

static int
port_open_pool(struct afx_env *env, const char *args, uint16_t nb_q, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	uint16_t q;

	TEST_ASSERT_SUCCESS(rte_vdev_init(PORT_NAME, args), "vdev %s", args);
	env->vdev = true;
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(PORT_NAME, &env->port), "port");
	memset(&conf, 0, sizeof(conf));
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(env->port, nb_q, nb_q, &conf), "configure");
	for (q = 0; q < nb_q; q++) {
		TEST_ASSERT_SUCCESS(
			rte_eth_rx_queue_setup(env->port, q, 2048, SOCKET_ID_ANY, NULL, mp),
			"rxq %u", q);
		TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(env->port, q, 2048, SOCKET_ID_ANY, NULL),
				    "txq %u", q);
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(env->port), "start");
	return TEST_SUCCESS;
}

static int
port_open(struct afx_env *env, const char *args, uint16_t nb_q)
{
	return port_open_pool(env, args, nb_q, env->mp);
}

static void
port_close(struct afx_env *env)
{
	rte_eth_dev_stop(env->port);
	rte_vdev_uninit(PORT_NAME);
	env->vdev = false;
}

/* port_open_pool with the driver's log at INFO level, which must contain want. */
static int
port_open_logged_pool(struct afx_env *env, const char *args, uint16_t nb_q, struct rte_mempool *mp,
		      const char *want)
{
	char *log = NULL;
	size_t log_len = 0;
	FILE *f = open_memstream(&log, &log_len);
	int ret;

	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_log_set_level_pattern("pmd.net.af_xdp", RTE_LOG_INFO);
	rte_openlog_stream(f);
	ret = port_open_pool(env, args, nb_q, mp);
	rte_openlog_stream(NULL);
	rte_log_set_level_pattern("pmd.net.af_xdp", RTE_LOG_NOTICE);
	fclose(f);
	if (ret != TEST_SUCCESS || strstr(log, want) == NULL) {
		printf("  '%s' not in the log:\n%s", want, log);
		ret = TEST_FAILED;
	}
	free(log);
	return ret;
}

static int
port_open_logged(struct afx_env *env, const char *args, const char *want)
{
	return port_open_logged_pool(env, args, 1, env->mp, want);
}

/* 1 if 'ip link show' lists an XDP program on ifname, 0 if not, -1 on error. */
static int
xdp_attached(const char *ifname)
{
	const char *argv[] = {"/usr/sbin/ip", "link", "show", "dev", ifname, NULL};
	char out[4096];

	if (test_run_cmd(argv, out, sizeof(out)) != 0)
		return -1;
	return strstr(out, "prog/xdp") != NULL;
}

/* Poll queue q for one frame (1 s at most); NULL if none came. */
static struct rte_mbuf *
port_recv(struct afx_env *env, uint16_t q)
{
	struct rte_mbuf *m;

	for (int spin = 0; spin < 1000; spin++) {
		if (rte_eth_rx_burst(env->port, q, &m, 1) == 1)
			return m;
		usleep(1000);
	}
	return NULL;
}

/* The first and last byte of mp's memory: the test pools have one area. */
static void
pool_area(struct rte_mempool *mp, uintptr_t *lo, uintptr_t *hi)
{
	const struct rte_mempool_memhdr *hdr = STAILQ_FIRST(&mp->mem_list);

	*lo = (uintptr_t)hdr->addr;
	*hi = *lo + hdr->len;
}

/*
 * A received mbuf: with a mempool UMEM (in_place) the kernel wrote the
 * frame into the mbuf itself, XDP's headroom after buf_addr, inside the
 * pool's area; else the driver copied it to the usual data offset.
 */
static int
rx_mbuf_check(struct rte_mbuf *m, struct rte_mempool *mp, bool in_place)
{
	uintptr_t lo, hi, data = rte_pktmbuf_mtod(m, uintptr_t);

	pool_area(mp, &lo, &hi);
	TEST_ASSERT(m->pool == mp, "mbuf of the Rx queue's pool");
	TEST_ASSERT(data >= lo && data + m->pkt_len <= hi, "data inside the pool's area");
	if (in_place)
		TEST_ASSERT_EQUAL(m->data_off, XDP_PACKET_HEADROOM,
				  "data where the kernel put it, not copied");
	else
		TEST_ASSERT_EQUAL(m->data_off, RTE_PKTMBUF_HEADROOM, "data copied in");
	return TEST_SUCCESS;
}

/*
 * Peer -> port and port -> peer, frame by frame, byte for byte, on queue
 * q. Tx mbufs come from env->mp: in_place, the mbuf itself stays on the
 * ring until the next burst reaps the completion ring.
 */
static int
frames_both_ways(struct afx_env *env, uint16_t q, struct rte_mempool *rx_mp, bool in_place,
		 uint64_t *bytes)
{
	static uint8_t f[2048], got[4096];
	uint32_t i;

	for (i = 0; i < RTE_DIM(frame_lens); i++) {
		uint32_t len = frame_lens[i];
		unsigned int avail;
		struct rte_mbuf *m;

		test_netns_frame_build(f, len, env->port_mac, env->peer_mac, i);
		TEST_ASSERT_SUCCESS(test_netns_raw_send(env->peer_fd, f, len), "send %u", len);
		m = port_recv(env, q);
		TEST_ASSERT_NOT_NULL(m, "port got the %u-byte frame", len);
		TEST_ASSERT_EQUAL(m->pkt_len, len, "length");
		TEST_ASSERT_EQUAL(m->port, env->port, "mbuf port");
		TEST_ASSERT(memcmp(rte_pktmbuf_mtod(m, void *), f, len) == 0,
			    "%u-byte frame differs at the port", len);
		TEST_ASSERT_SUCCESS(rx_mbuf_check(m, rx_mp, in_place), "%u-byte frame", len);
		rte_pktmbuf_free(m);

		avail = rte_mempool_avail_count(env->mp);
		m = rte_pktmbuf_alloc(env->mp);
		TEST_ASSERT_NOT_NULL(m, "alloc");
		test_netns_frame_build(f, len, env->peer_mac, env->port_mac, 100 + i);
		memcpy(rte_pktmbuf_append(m, (uint16_t)len), f, len);
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, q, &m, 1), 1, "tx %u", len);
		TEST_ASSERT_EQUAL(test_netns_raw_recv(env->peer_fd, got, sizeof(got), 1000, 0),
				  (int)len, "peer got the %u-byte frame", len);
		TEST_ASSERT(memcmp(got, f, len) == 0, "%u-byte frame differs at the peer", len);
		TEST_ASSERT_EQUAL(rte_mempool_avail_count(env->mp), avail - in_place,
				  "the sent mbuf %s",
				  in_place ? "waits for completion" : "is freed");
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, q, NULL, 0), 0, "reap");
		TEST_ASSERT_EQUAL(rte_mempool_avail_count(env->mp), avail, "mbuf back in the pool");
		*bytes += len;
	}
	return TEST_SUCCESS;
}

/* The value of the port's xstat name, or UINT64_MAX. */
static uint64_t
xstat(uint16_t port, const char *name)
{
	uint64_t id, v;

	if (rte_eth_xstats_get_id_by_name(port, name, &id) != 0 ||
	    rte_eth_xstats_get_by_id(port, &id, &v, 1) != 1)
		return UINT64_MAX;
	return v;
}

static int
rx_tx_body(struct afx_env *env)
{
	/* tx_ring_empty_descs counts every kick that finds the ring drained */
	static const char *const kstats[] = {
		"rx_dropped",	"rx_invalid_descs",	    "tx_invalid_descs",
		"rx_ring_full", "rx_fill_ring_empty_descs",
	};
	struct rte_eth_stats st;
	struct rte_eth_link link;
	uint64_t bytes = 0;
	uint16_t mtu = 0;

	/* veth has no zero-copy hook: the log says copy bind, over the mempool */
	TEST_ASSERT_SUCCESS(port_open_logged(env, "iface=" AFX_IF,
					     PORT_NAME ": queue 0: copy mode (XDP_COPY), UMEM "
						       "over the mempool, no copy, busy_budget 64"),
			    "open");
	TEST_ASSERT_EQUAL(xstat(env->port, "xdp_zero_copy_queues"), 0, "veth binds in copy mode");
	TEST_ASSERT_EQUAL(xstat(env->port, "umem_mempool_queues"), 1, "mempool UMEM");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 1, "program attached while open");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(env->port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "veth is up and has a peer");

	TEST_ASSERT_SUCCESS(frames_both_ways(env, 0, env->mp, true, &bytes), "frames");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets, RTE_DIM(frame_lens), "ipackets");
	TEST_ASSERT_EQUAL(st.ibytes, bytes, "ibytes");
	TEST_ASSERT_EQUAL(st.opackets, RTE_DIM(frame_lens), "opackets");
	TEST_ASSERT_EQUAL(st.obytes, bytes, "obytes");
	TEST_ASSERT_EQUAL(st.ierrors + st.oerrors + st.imissed + st.rx_nombuf, 0, "errors");
	for (unsigned int i = 0; i < RTE_DIM(kstats); i++)
		TEST_ASSERT_EQUAL(xstat(env->port, kstats[i]), 0, "xstat %s", kstats[i]);
	TEST_ASSERT(xstat(env->port, "tx_ring_empty_descs") >= 1, "the kernel's Tx count");

	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(env->port), "promisc on");
	TEST_ASSERT(test_netns_if_flags(AFX_IF) & IFF_PROMISC, "IFF_PROMISC set");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_disable(env->port), "promisc off");
	TEST_ASSERT(!(test_netns_if_flags(AFX_IF) & IFF_PROMISC), "IFF_PROMISC cleared");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_mtu(env->port, 3000), -EINVAL, "MTU over a frame");
	TEST_ASSERT_SUCCESS(rte_eth_dev_set_mtu(env->port, 1400), "MTU 1400");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_mtu(env->port, &mtu), "get MTU");
	TEST_ASSERT_EQUAL(mtu, 1400, "MTU");
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", AFX_IF, "mtu", "1500", NULL), "mtu");

	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(env->port), "reset");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets + st.opackets, 0, "after reset");

	port_close(env);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(env->mp), env->mp->size,
			  "close gives the fill ring's mbufs back");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "close detaches the program");
	TEST_ASSERT(test_netns_if_flags(AFX_IF) & IFF_UP, "interface still up");
	return TEST_SUCCESS;
}

/*
 * A pool whose objects are longer than a page cannot be a UMEM: the port
 * copies through a UMEM of its own, and says so.
 */
static int
copy_fallback_body(struct afx_env *env)
{
	uint64_t bytes = 0;

	env->big_mp = rte_pktmbuf_pool_create("afx_big", 1023, 0, 0, 4096 + RTE_PKTMBUF_HEADROOM,
					      SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(env->big_mp, "big pool");
	TEST_ASSERT_SUCCESS(port_open_logged_pool(env, "iface=" AFX_IF, 1, env->big_mp,
						  "queue 0 copies frames: mempool 'afx_big' "
						  "cannot be the UMEM, its objects are longer "
						  "than a page"),
			    "open");
	TEST_ASSERT_EQUAL(xstat(env->port, "umem_mempool_queues"), 0, "own UMEM");
	TEST_ASSERT_SUCCESS(frames_both_ways(env, 0, env->big_mp, false, &bytes), "frames");
	port_close(env);
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "close detaches the program");
	return TEST_SUCCESS;
}

/*
 * Close detaches the program it attached and nothing else: a second port
 * on the peer interface keeps its program after the first one closes.
 */
static int
close_scope_body(struct afx_env *env)
{
	if (port_open(env, "iface=" AFX_IF, 1) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_af_xdp1", "iface=" PEER_IF), "second port");
	TEST_ASSERT_EQUAL(xdp_attached(PEER_IF), 1, "program on the peer");
	port_close(env);
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "ours detached");
	TEST_ASSERT_EQUAL(xdp_attached(PEER_IF), 1, "the other interface's program stays");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_af_xdp1"), "close the second port");
	TEST_ASSERT_EQUAL(xdp_attached(PEER_IF), 0, "and goes with its port");
	return TEST_SUCCESS;
}

/*
 * queue_count=2 on a veth with two queues: flows spread, both queues send;
 * args picks a UMEM a queue or one shared, which the log must say.
 */
static int
two_queues_run(struct afx_env *env, const char *args, const char *want)
{
	static uint8_t f[512], got[512];
	struct rte_eth_stats st;
	uint32_t per_q[2], seq;
	struct rte_mbuf *m;

	if (port_open_logged_pool(env, args, 2, env->mp, want) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_EQUAL(xstat(env->port, "umem_mempool_queues"), 2, "mempool UMEMs");
	for (seq = 0; seq < NB_SPREAD; seq++) {
		test_netns_udp_frame_build(f, 128, env->port_mac, env->peer_mac, seq);
		TEST_ASSERT_SUCCESS(test_netns_raw_send(env->peer_fd, f, 128), "send %u", seq);
	}
	TEST_ASSERT_SUCCESS(
		test_netns_rx_spread(env->port, 2, NB_SPREAD, env->port_mac, env->peer_mac, per_q),
		"spread over 2 queues");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.q_ipackets[0], per_q[0], "q_ipackets[0]");
	TEST_ASSERT_EQUAL(st.q_ipackets[1], per_q[1], "q_ipackets[1]");

	/* Tx through each queue reaches the peer */
	for (uint16_t q = 0; q < 2; q++) {
		m = rte_pktmbuf_alloc(env->mp);
		TEST_ASSERT_NOT_NULL(m, "alloc");
		test_netns_frame_build(f, 300, env->peer_mac, env->port_mac, 4242 + q);
		memcpy(rte_pktmbuf_append(m, 300), f, 300);
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, q, &m, 1), 1, "tx on queue %u", q);
		TEST_ASSERT_EQUAL(test_netns_raw_recv(env->peer_fd, got, sizeof(got), 1000, 0), 300,
				  "peer got queue %u's frame", q);
		TEST_ASSERT(memcmp(got, f, 300) == 0, "bytes at the peer");
	}
	port_close(env);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(env->mp), env->mp->size,
			  "close gives every mbuf back");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "close detaches the program");
	return TEST_SUCCESS;
}

static int
two_queues_body(struct afx_env *env)
{
	TEST_ASSERT_SUCCESS(two_queues_run(env, "iface=" AFX_IF ",queue_count=2",
					   "queue 1: copy mode (XDP_COPY), UMEM over the mempool, "
					   "no copy"),
			    "a UMEM a queue");
	TEST_ASSERT_SUCCESS(two_queues_run(env, "iface=" AFX_IF ",queue_count=2,shared_umem=1",
					   "queue 1: copy mode (XDP_COPY), UMEM over the mempool "
					   "shared with queue 0, no copy"),
			    "shared UMEM");
	return TEST_SUCCESS;
}

/*
 * A user program: frames under 100 bytes go to the kernel's stack, the
 * rest to the queue's socket. With_map 0 leaves out the XSKMAP the driver
 * needs.
 */
static const char user_prog_src[] =
	"#include <linux/bpf.h>\n"
	"#include <bpf/bpf_helpers.h>\n"
	"#if WITH_MAP\n"
	"struct {\n"
	"	__uint(type, BPF_MAP_TYPE_XSKMAP);\n"
	"	__uint(max_entries, 4);\n"
	"	__type(key, __u32);\n"
	"	__type(value, __u32);\n"
	"} xsks_map SEC(\".maps\");\n"
	"#endif\n"
	"SEC(\"xdp\") int pass_short(struct xdp_md *ctx)\n"
	"{\n"
	"	if (ctx->data_end - ctx->data < 100)\n"
	"		return XDP_PASS;\n"
	"#if WITH_MAP\n"
	"	return bpf_redirect_map(&xsks_map, ctx->rx_queue_index, XDP_PASS);\n"
	"#else\n"
	"	return XDP_PASS;\n"
	"#endif\n"
	"}\n"
	"char _license[] SEC(\"license\") = \"Dual BSD/GPL\";\n";

/* Build the program into env->dir/prog<with_map>.o; 0 or -1 (no clang for BPF). */
static int
user_prog_build(struct afx_env *env, int with_map, char *obj, size_t len)
{
	char src[128], def[32];
	const char *argv[] = {"/usr/bin/clang",
			      "-target",
			      "bpf",
			      "-O2",
			      "-g",
			      def,
			      "-I/usr/include/x86_64-linux-gnu",
			      "-c",
			      src,
			      "-o",
			      obj,
			      NULL};
	char out[4096];
	FILE *f;

	if (env->dir[0] == '\0') {
		strlcpy(env->dir, "/tmp/sluice_afx_XXXXXX", sizeof(env->dir));
		if (mkdtemp(env->dir) == NULL) {
			env->dir[0] = '\0';
			return -1;
		}
	}
	snprintf(src, sizeof(src), "%s/prog.c", env->dir);
	snprintf(obj, len, "%s/prog%d.o", env->dir, with_map);
	snprintf(def, sizeof(def), "-DWITH_MAP=%d", with_map);
	f = fopen(src, "w");
	if (f == NULL)
		return -1;
	fputs(user_prog_src, f);
	fclose(f);
	return test_run_cmd(argv, out, sizeof(out)) == 0 ? 0 : -1;
}

static int
user_prog_body(struct afx_env *env)
{
	static uint8_t f[256], got[256];
	char obj[128], args[256];
	struct rte_mbuf *m;
	int stack_fd;

	if (user_prog_build(env, 1, obj, sizeof(obj)) != 0) {
		printf("  no 'clang -target bpf' here: only xdp_prog's error paths run\n");
		return TEST_SKIPPED;
	}
	snprintf(args, sizeof(args), "iface=" AFX_IF ",xdp_prog=%s", obj);
	if (port_open(env, args, 1) != TEST_SUCCESS)
		return TEST_FAILED;
	/* the 60-byte frame goes to the kernel (a packet socket sees it), the 200-byte one to us */
	stack_fd = test_netns_raw_open(AFX_IF);
	TEST_ASSERT(stack_fd >= 0, "packet socket on " AFX_IF);
	test_netns_frame_build(f, 60, env->port_mac, env->peer_mac, 1);
	TEST_ASSERT_SUCCESS(test_netns_raw_send(env->peer_fd, f, 60), "send short");
	TEST_ASSERT_EQUAL(test_netns_raw_recv(stack_fd, got, sizeof(got), 1000, 0), 60,
			  "the kernel's stack got the short frame");
	TEST_ASSERT(memcmp(got, f, 60) == 0, "short frame's bytes");
	test_netns_frame_build(f, 200, env->port_mac, env->peer_mac, 2);
	TEST_ASSERT_SUCCESS(test_netns_raw_send(env->peer_fd, f, 200), "send long");
	m = port_recv(env, 0);
	TEST_ASSERT_NOT_NULL(m, "the long frame came");
	TEST_ASSERT_EQUAL(m->pkt_len, 200, "only the long one");
	TEST_ASSERT(memcmp(rte_pktmbuf_mtod(m, void *), f, 200) == 0, "bytes");
	rte_pktmbuf_free(m);
	TEST_ASSERT_NULL(port_recv(env, 0), "the short one went to the kernel only");
	TEST_ASSERT_EQUAL(test_netns_raw_recv(stack_fd, got, sizeof(got), 200, 0), -1,
			  "the long one went to the socket only");
	close(stack_fd);
	port_close(env);
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "close detaches the user's program");

	/* an object without the XSKMAP fails, and leaves nothing attached */
	TEST_ASSERT_SUCCESS(user_prog_build(env, 0, obj, sizeof(obj)), "build without map");
	snprintf(args, sizeof(args), "iface=" AFX_IF ",xdp_prog=%s", obj);
	TEST_ASSERT_SUCCESS(
		test_netns_probe_error(PORT_NAME, args,
				       "has no XSKMAP named 'xsks_map': redirect to such a map"),
		"no map");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "nothing left attached");
	return TEST_SUCCESS;
}

static int
expect_probe_error(const char *args, const char *want)
{
	return test_netns_probe_error(PORT_NAME, args, want);
}

/*
 * The socket and its UMEM come with the Rx queue: its setup fails with
 * want in one line, and closing the port leaves nothing behind.
 */
static int
expect_queue_error(struct rte_mempool *mp, const char *want)
{
	int fds = test_dir_entries("/proc/self/fd"), ret;
	struct rte_eth_conf conf;
	char *log = NULL;
	size_t log_len = 0;
	uint16_t port;
	FILE *f;

	TEST_ASSERT_SUCCESS(rte_vdev_init(PORT_NAME, "iface=" AFX_IF), "vdev");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(PORT_NAME, &port), "port");
	memset(&conf, 0, sizeof(conf));
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(port, 1, 1, &conf), "configure");
	f = open_memstream(&log, &log_len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_openlog_stream(f);
	ret = rte_eth_rx_queue_setup(port, 0, 2048, SOCKET_ID_ANY, NULL, mp);
	rte_openlog_stream(NULL);
	fclose(f);
	rte_vdev_uninit(PORT_NAME);
	TEST_ASSERT(ret < 0, "Rx queue setup must fail");
	TEST_ASSERT_STR_CONTAINS(log, want, "queue setup");
	TEST_ASSERT(strchr(log, '\n') == log + strlen(log) - 1, "one line: %s", log);
	free(log);
	TEST_ASSERT_EQUAL(test_dir_entries("/proc/self/fd"), fds, "no fd left");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "no program left");
	return TEST_SUCCESS;
}

/*
 * A UMEM over RLIMIT_MEMLOCK: root's CAP_IPC_LOCK lifts the limit, so this
 * thread drops it from its effective set (kept permitted, raised again
 * after) and lowers the limit for the one probe.
 */
static int
memlock_queue_error(struct rte_mempool *mp)
{
	struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct caps[2], saved[2];
	struct rlimit lim, low;
	int ret;

	TEST_ASSERT_SUCCESS(getrlimit(RLIMIT_MEMLOCK, &lim), "getrlimit");
	TEST_ASSERT_SUCCESS(syscall(SYS_capget, &hdr, saved), "capget");
	memcpy(caps, saved, sizeof(caps));
	caps[CAP_TO_INDEX(CAP_IPC_LOCK)].effective &= ~CAP_TO_MASK(CAP_IPC_LOCK);
	TEST_ASSERT_SUCCESS(syscall(SYS_capset, &hdr, caps), "capset");
	low = lim;
	low.rlim_cur = 64 * 1024;
	if (setrlimit(RLIMIT_MEMLOCK, &low) != 0) {
		syscall(SYS_capset, &hdr, saved);
		return TEST_FAILED;
	}
	ret = expect_queue_error(mp,
				 "RLIMIT_MEMLOCK is too low: raise it with 'ulimit -l unlimited'");
	setrlimit(RLIMIT_MEMLOCK, &lim);
	TEST_ASSERT_SUCCESS(syscall(SYS_capset, &hdr, saved), "capset back");
	return ret;
}

static int
errors_body(struct afx_env *env)
{
	TEST_ASSERT_SUCCESS(
		expect_probe_error("iface=slnosuch0", PORT_NAME
				   ": interface 'slnosuch0' not found: give an existing one"),
		"missing");
	TEST_ASSERT_SUCCESS(
		expect_probe_error("", PORT_NAME ": no interface given: add iface=<name>"),
		"no iface");
	TEST_ASSERT_SUCCESS(
		expect_probe_error("iface=" AFX_IF "0123456789abc",
				   "for 'iface': an interface name of 1 to 15 characters"),
		"long name");
	TEST_ASSERT_SUCCESS(
		expect_probe_error("iface=" AFX_IF ",queue_count=0",
				   "invalid value '0' for 'queue_count': a number from 1 to 16"),
		"queue_count 0");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",queue_count=17",
					       "invalid value '17' for 'queue_count'"),
			    "queue_count 17");
	TEST_ASSERT_SUCCESS(
		expect_probe_error("iface=" AFX_IF ",start_queue=-1",
				   "invalid value '-1' for 'start_queue': a queue index from 0"),
		"start_queue");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",start_queue=99999999999",
					       "invalid value '99999999999' for 'start_queue'"),
			    "start_queue big");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",shared_umem=2",
					       "invalid value '2' for 'shared_umem': 0 or 1"),
			    "shared_umem");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",busy_budget=lots",
					       "invalid value 'lots' for 'busy_budget'"),
			    "busy_budget");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",force_copy=yes",
					       "invalid value 'yes' for 'force_copy': 0 or 1"),
			    "force_copy");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",bogus=1",
					       PORT_NAME ": unknown argument 'bogus'"),
			    "unknown key");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",xdp_prog=/nonexistent/p.o",
					       "xdp_prog '/nonexistent/p.o' cannot be read: No "
					       "such file or directory; give "
					       "the path of an XDP object"),
			    "xdp_prog missing");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",xdp_prog=/etc/hostname",
					       "xdp_prog '/etc/hostname' is not a BPF object"),
			    "xdp_prog not BPF");
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", "lo", "up", NULL), "lo up");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo", "'lo' is not an Ethernet interface"),
			    "loopback");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=" AFX_IF ",start_queue=1",
					       "needs 2 queues but '" AFX_IF
					       "' has 1: add channels with 'ethtool -L " AFX_IF
					       " combined 2'"),
			    "queue beyond the channels");
	TEST_ASSERT_SUCCESS(memlock_queue_error(env->mp), "RLIMIT_MEMLOCK");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "failed probes attach nothing");

	/* a program this port did not attach is left alone */
	if (port_open(env, "iface=" AFX_IF, 1) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(test_netns_probe_error("net_af_xdp1", "iface=" AFX_IF,
						   "net_af_xdp1: interface '" AFX_IF
						   "' already has an XDP program (id "),
			    "someone else's program");
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 1, "the first port's program stays");
	port_close(env);
	TEST_ASSERT_EQUAL(xdp_attached(AFX_IF), 0, "and goes with it");

	/* the other devargs are taken */
	TEST_ASSERT_SUCCESS(
		port_open_logged(env,
				 "iface=" AFX_IF
				 ",busy_budget=0,force_copy=1,shared_umem=1,start_queue=0",
				 "queue 0: copy mode (XDP_COPY), UMEM over the mempool, no copy, "
				 "busy_budget 0"),
		"accepted devargs");
	port_close(env);

	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", AFX_IF, "down", NULL), "down");
	TEST_ASSERT_SUCCESS(
		expect_probe_error("iface=" AFX_IF,
				   "interface '" AFX_IF
				   "' is down: bring it up with 'ip link set dev " AFX_IF " up'"),
		"down");
	return TEST_SUCCESS;
}

static int
with_env(int (*body)(struct afx_env *), const char *nb_q)
{
	struct afx_env env;
	int ret = env_setup(&env, nb_q);

	if (ret == TEST_SUCCESS)
		ret = body(&env);
	env_teardown(&env);
	return ret;
}

static int
test_afx_errors(void)
{
	return with_env(errors_body, "1");
}

static int
test_afx_rx_tx(void)
{
	return with_env(rx_tx_body, "1");
}

static int
test_afx_copy_fallback(void)
{
	return with_env(copy_fallback_body, "1");
}

static int
test_afx_close_scope(void)
{
	return with_env(close_scope_body, "1");
}

static int
test_afx_two_queues(void)
{
	return with_env(two_queues_body, "2");
}

static int
test_afx_user_prog(void)
{
	return with_env(user_prog_body, "1");
}

static const struct test_case afx_cases[] = {
	TEST_CASE(test_afx_errors),
	TEST_CASE(test_afx_rx_tx),
	TEST_CASE(test_afx_copy_fallback),
	TEST_CASE(test_afx_close_scope),
	TEST_CASE(test_afx_two_queues),
	TEST_CASE(test_afx_user_prog),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_af_xdp, TEST_SUITE_EAL, afx_cases);
