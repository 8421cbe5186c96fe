/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet on a veth pair in a private network namespace: frames
 * from a raw socket on the peer arrive byte for byte, frames the port
 * sends reach the peer byte for byte, stats agree, two queue pairs split
 * Rx without loss or duplicates, bad devargs fail with a clear line.
 * The namespace belongs to this process alone, so nothing outlives it.
 */
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/if_packet.h>
#include <net/if.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "test.h"
#include "test_netns.h"

#define AFP_IF "slafp0"
#define PEER_IF "slafp1"
#define NB_FRAMES 64
#define NB_FANOUT 512

struct afp_env {
	int orig_ns;		/* our namespace before the test's own */
	int peer_fd;		/* raw socket on the veth peer */
	uint8_t port_mac[6];
	uint8_t peer_mac[6];
	struct rte_mempool *mp;
	bool vdev;
	uint16_t port;
};

static uint32_t
frame_len(uint32_t seq)
{
	return 60 + (seq * 97) % 1400;	/* 60..1459 bytes */
}

/* A private namespace with a quiet veth pair; the port is not created yet. */
static int
env_setup(struct afp_env *env)
{
	int ret;

	memset(env, 0, sizeof(*env));
	env->peer_fd = -1;
	ret = test_netns_enter(&env->orig_ns, "a veth pair");
	if (ret != TEST_SUCCESS)
		return ret;
	if (test_netns_ip("link", "add", AFP_IF, "type", "veth", "peer", "name", PEER_IF,
			  NULL) != 0 ||
	    test_netns_ip("link", "set", AFP_IF, "up", NULL) != 0 ||
	    test_netns_ip("link", "set", PEER_IF, "up", NULL) != 0)
		return TEST_FAILED;
	if (test_netns_if_mac(AFP_IF, env->port_mac) != 0 ||
	    test_netns_if_mac(PEER_IF, env->peer_mac) != 0)
		return TEST_FAILED;
	env->peer_fd = test_netns_raw_open(PEER_IF);
	if (env->peer_fd < 0)
		return TEST_FAILED;
	env->mp = rte_pktmbuf_pool_create("afp_test", 4095, 64, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	return env->mp != NULL ? TEST_SUCCESS : TEST_FAILED;
}

static void
env_teardown(struct afp_env *env)
{
	if (env->vdev) {
		rte_eth_dev_stop(env->port);
		rte_vdev_uninit("net_af_packet0");
	}
	rte_mempool_free(env->mp);
	if (env->peer_fd >= 0)
		close(env->peer_fd);
	/* leaving the namespace drops it and its veth pair */
	test_netns_leave(env->orig_ns);
}

static int
port_open_offloads(struct afp_env *env, const char *args, uint16_t nb_q, uint16_t mtu,
		   uint64_t rx_offloads)
{
	struct rte_eth_conf conf;
	uint16_t q;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_af_packet0", args), "vdev %s", args);
	env->vdev = true;
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_af_packet0", &env->port), "port");
	memset(&conf, 0, sizeof(conf));
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	conf.rxmode.mtu = mtu;
	conf.rxmode.offloads = rx_offloads;
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(env->port, nb_q, nb_q, &conf), "configure");
	for (q = 0; q < nb_q; q++) {
		TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(env->port, q, 512, SOCKET_ID_ANY,
							   NULL, env->mp), "rxq %u", q);
		TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(env->port, q, 512, SOCKET_ID_ANY,
							   NULL), "txq %u", q);
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(env->port), "start");
	return TEST_SUCCESS;
}

static int
port_open(struct afp_env *env, const char *args, uint16_t nb_q, uint16_t mtu)
{
	return port_open_offloads(env, args, nb_q, mtu, 0);
}

static int
peer_send(struct afp_env *env, const uint8_t *f, uint32_t len)
{
	return test_netns_raw_send(env->peer_fd, f, len);
}

/* Next test or IPv4 frame the peer receives within ms: its length, or -1. */
static int
peer_recv(struct afp_env *env, uint8_t *buf, size_t len, int ms)
{
	return test_netns_raw_recv(env->peer_fd, buf, len, ms, RTE_ETHER_TYPE_IPV4);
}

/* The interface's promiscuity count from 'ip -d link show', or -1. */
static int
promiscuity(const char *ifname)
{
	const char *argv[] = { "/usr/sbin/ip", "-d", "link", "show", ifname, NULL };
	char out[4096];
	const char *p;

	if (test_run_cmd(argv, out, sizeof(out)) != 0)
		return -1;
	p = strstr(out, "promiscuity ");
	return p != NULL ? atoi(p + strlen("promiscuity ")) : -1;
}

static int
rx_tx_body(struct afp_env *env)
{
	static uint8_t f[2048], got[4096];
	struct rte_mbuf *pkts[32];
	struct rte_eth_stats st;
	struct rte_eth_link link;
	uint64_t rx_bytes = 0, tx_bytes = 0;
	uint32_t seq, nb_rx = 0;

	if (port_open(env, "iface=" AFP_IF, 1, 0) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(env->port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "veth is up and has a peer");

	/* peer -> port */
	for (seq = 0; seq < NB_FRAMES; seq++) {
		test_netns_frame_build(f, frame_len(seq), env->port_mac, env->peer_mac, seq);
		TEST_ASSERT_SUCCESS(peer_send(env, f, frame_len(seq)), "send %u", seq);
		rx_bytes += frame_len(seq);
	}
	for (int spin = 0; spin < 2000 && nb_rx < NB_FRAMES; spin++) {
		uint16_t n = rte_eth_rx_burst(env->port, 0, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			struct rte_mbuf *m = pkts[i];

			test_netns_frame_build(f, frame_len(nb_rx), env->port_mac, env->peer_mac,
					       nb_rx);
			TEST_ASSERT_EQUAL(m->pkt_len, frame_len(nb_rx), "frame %u length", nb_rx);
			TEST_ASSERT_EQUAL(m->nb_segs, 1, "one segment");
			TEST_ASSERT_EQUAL(m->port, env->port, "mbuf port");
			TEST_ASSERT(memcmp(rte_pktmbuf_mtod(m, void *), f, m->pkt_len) == 0,
				    "frame %u bytes differ", nb_rx);
			rte_pktmbuf_free(m);
			nb_rx++;
		}
		if (n == 0)
			usleep(1000);
	}
	TEST_ASSERT_EQUAL(nb_rx, NB_FRAMES, "frames the port received");

	/* port -> peer; every fourth frame as a two-segment chain */
	for (seq = 0; seq < NB_FRAMES; seq++) {
		uint32_t len = frame_len(seq), head = (seq % 4 == 0) ? 20 : len;
		struct rte_mbuf *m = rte_pktmbuf_alloc(env->mp);
		char *p;

		TEST_ASSERT_NOT_NULL(m, "alloc");
		test_netns_frame_build(f, len, env->peer_mac, env->port_mac, seq);
		p = rte_pktmbuf_append(m, (uint16_t)head);
		memcpy(p, f, head);
		if (head < len) {
			struct rte_mbuf *m2 = rte_pktmbuf_alloc(env->mp);

			TEST_ASSERT_NOT_NULL(m2, "alloc");
			memcpy(rte_pktmbuf_append(m2, (uint16_t)(len - head)), f + head, len - head);
			TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, m2), "chain");
		}
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, &m, 1), 1, "tx %u", seq);
		tx_bytes += len;

		int n = peer_recv(env, got, sizeof(got), 1000);

		TEST_ASSERT_EQUAL(n, len, "peer got frame %u", seq);
		TEST_ASSERT(memcmp(got, f, len) == 0, "frame %u bytes differ at the peer", seq);
	}

	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets, NB_FRAMES, "ipackets");
	TEST_ASSERT_EQUAL(st.ibytes, rx_bytes, "ibytes");
	TEST_ASSERT_EQUAL(st.q_ipackets[0], NB_FRAMES, "q_ipackets[0]");
	TEST_ASSERT_EQUAL(st.opackets, NB_FRAMES, "opackets");
	TEST_ASSERT_EQUAL(st.obytes, tx_bytes, "obytes");
	TEST_ASSERT_EQUAL(st.ierrors + st.oerrors + st.imissed + st.rx_nombuf, 0, "errors");
	/* promiscuous mode is a PACKET_MR_PROMISC membership: the kernel counts it */
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(env->port), "promisc on");
	TEST_ASSERT_EQUAL(promiscuity(AFP_IF), 1, "promiscuity after enable");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_disable(env->port), "promisc off");
	TEST_ASSERT_EQUAL(promiscuity(AFP_IF), 0, "promiscuity after disable");

	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(env->port), "reset");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets + st.opackets, 0, "after reset");
	return TEST_SUCCESS;
}

/*
 * framesz=1024: a Tx frame holds 992 bytes, an Rx frame 958. Bigger ones
 * are dropped and counted; the ones around them still pass.
 */
static int
oversize_body(struct afp_env *env)
{
	static uint8_t f[2048], got[4096];
	const uint32_t lens[] = { 992, 993, 1400, 100 };
	struct rte_mbuf *m[RTE_DIM(lens)], *rx[8];
	struct rte_eth_stats st;
	uint32_t i, nb_rx = 0;

	/* the port's largest MTU fits the smaller Rx frame: 1024 - 80 */
	if (port_open(env, "iface=" AFP_IF ",framesz=1024,framecnt=64", 1, 944) != TEST_SUCCESS)
		return TEST_FAILED;
	/* give the interface its usual MTU back, so only the ring limits apply */
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", AFP_IF, "mtu", "1500", NULL),
			    "mtu");
	for (i = 0; i < RTE_DIM(lens); i++) {
		m[i] = rte_pktmbuf_alloc(env->mp);
		TEST_ASSERT_NOT_NULL(m[i], "alloc");
		test_netns_frame_build(f, lens[i], env->peer_mac, env->port_mac, i);
		memcpy(rte_pktmbuf_append(m[i], (uint16_t)lens[i]), f, lens[i]);
	}
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, m, RTE_DIM(lens)), RTE_DIM(lens),
			  "all taken");
	TEST_ASSERT_EQUAL(peer_recv(env, got, sizeof(got), 1000), 992, "first fits");
	TEST_ASSERT_EQUAL(peer_recv(env, got, sizeof(got), 1000), 100, "last fits");
	TEST_ASSERT_EQUAL(peer_recv(env, got, sizeof(got), 200), -1, "no more");

	/* Rx: 1400 bytes do not fit a 1024-byte frame */
	for (i = 0; i < 3; i++) {
		uint32_t len = i == 1 ? 1400 : 200;

		test_netns_frame_build(f, len, env->port_mac, env->peer_mac, i);
		TEST_ASSERT_SUCCESS(peer_send(env, f, len), "send");
	}
	for (int spin = 0; spin < 1000 && nb_rx < 2; spin++) {
		uint16_t n = rte_eth_rx_burst(env->port, 0, rx, RTE_DIM(rx));

		for (uint16_t k = 0; k < n; k++) {
			TEST_ASSERT_EQUAL(rx[k]->pkt_len, 200, "only the small frames");
			rte_pktmbuf_free(rx[k]);
		}
		nb_rx += n;
		if (n == 0)
			usleep(1000);
	}
	TEST_ASSERT_EQUAL(nb_rx, 2, "small frames received");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.opackets, 2, "opackets");
	TEST_ASSERT_EQUAL(st.oerrors, 2, "oerrors: the oversized frames");
	TEST_ASSERT_EQUAL(st.ipackets, 2, "ipackets");
	TEST_ASSERT_EQUAL(st.ierrors, 1, "ierrors: the truncated frame");
	return TEST_SUCCESS;
}

/*
 * Next frame at the peer with its VLAN tag put back from PACKET_AUXDATA
 * (the peer's kernel takes it out too); 0 or -1.
 */
static int
peer_recv_vlan(struct afp_env *env, uint8_t *out, size_t len)
{
	uint8_t buf[2048];
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	} ctl;
	int one = 1;

	if (setsockopt(env->peer_fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof(one)) < 0)
		return -1;
	for (int tries = 0; tries < 100; tries++) {
		struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
		struct msghdr msg = {
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = &ctl, .msg_controllen = sizeof(ctl),
		};
		struct pollfd pfd = { .fd = env->peer_fd, .events = POLLIN };
		struct cmsghdr *c;
		ssize_t n;

		if (poll(&pfd, 1, 1000) <= 0)
			return -1;
		n = recvmsg(env->peer_fd, &msg, 0);
		if (n < 14 || (size_t)n + 4 > len)
			continue;
		for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
			struct tpacket_auxdata aux;

			if (c->cmsg_level != SOL_PACKET || c->cmsg_type != PACKET_AUXDATA)
				continue;
			memcpy(&aux, CMSG_DATA(c), sizeof(aux));
			if (!(aux.tp_status & TP_STATUS_VLAN_VALID))
				break;
			memcpy(out, buf, 12);
			out[12] = 0x81;
			out[13] = 0x00;
			out[14] = aux.tp_vlan_tci >> 8;
			out[15] = aux.tp_vlan_tci & 0xff;
			memcpy(out + 16, buf + 12, (size_t)n - 12);
			return 0;
		}
		/* the tag may also have stayed in the data */
		if (buf[12] == 0x81 && buf[13] == 0x00) {
			memcpy(out, buf, (size_t)n);
			return 0;
		}
	}
	return -1;
}

/* Receive one frame on queue 0 within a second. */
static struct rte_mbuf *
port_recv_one(struct afp_env *env)
{
	struct rte_mbuf *m = NULL;

	for (int spin = 0; spin < 1000; spin++) {
		if (rte_eth_rx_burst(env->port, 0, &m, 1) == 1)
			return m;
		usleep(1000);
	}
	return NULL;
}

/*
 * The kernel takes VLAN tags out of received frames (veth has VLAN
 * acceleration): without VLAN_STRIP the port must put them back, with it
 * the tag goes to vlan_tci. On Tx, RTE_MBUF_F_TX_VLAN inserts the tag.
 */
static int
vlan_body(struct afp_env *env, bool strip)
{
	static uint8_t f[2048], g[2048], got[4096];
	struct rte_mbuf *m;

	if (port_open_offloads(env, "iface=" AFP_IF, 1, 0,
			       strip ? RTE_ETH_RX_OFFLOAD_VLAN_STRIP : 0) != TEST_SUCCESS)
		return TEST_FAILED;
	/* a tagged frame: VLAN 0x123, priority 5 */
	test_netns_frame_build(g, 200, env->port_mac, env->peer_mac, 7);
	memcpy(f, g, 12);
	f[12] = 0x81;
	f[13] = 0x00;
	f[14] = 0xa1;
	f[15] = 0x23;
	memcpy(f + 16, g + 12, 200 - 12);
	TEST_ASSERT_SUCCESS(peer_send(env, f, 204), "send");
	m = port_recv_one(env);
	TEST_ASSERT_NOT_NULL(m, "tagged frame received");
	if (strip) {
		TEST_ASSERT_EQUAL(m->pkt_len, 200, "tag stripped");
		TEST_ASSERT(m->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED, "flag %#" PRIx64,
			    m->ol_flags);
		TEST_ASSERT_EQUAL(m->vlan_tci, 0xa123, "vlan_tci");
		TEST_ASSERT(memcmp(rte_pktmbuf_mtod(m, void *), g, 200) == 0, "bytes");
	} else {
		TEST_ASSERT_EQUAL(m->pkt_len, 204, "tag kept");
		TEST_ASSERT(memcmp(rte_pktmbuf_mtod(m, void *), f, 204) == 0, "bytes with tag");
	}
	rte_pktmbuf_free(m);

	/* Tx: the port inserts the tag */
	m = rte_pktmbuf_alloc(env->mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	test_netns_frame_build(g, 200, env->peer_mac, env->port_mac, 7);
	memcpy(f, g, 12);
	memcpy(f + 16, g + 12, 200 - 12);
	memcpy(rte_pktmbuf_append(m, 200), g, 200);
	m->ol_flags |= RTE_MBUF_F_TX_VLAN;
	m->vlan_tci = 0xa123;
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, &m, 1), 1, "tx");
	/* the peer's socket gets the tag as metadata too: read it back with auxdata */
	TEST_ASSERT_SUCCESS(peer_recv_vlan(env, got, sizeof(got)), "peer recv");
	TEST_ASSERT(memcmp(got, f, 12) == 0 && memcmp(got + 16, f + 16, 188) == 0 &&
		    got[12] == 0x81 && got[13] == 0x00 && got[14] == 0xa1 && got[15] == 0x23,
		    "tagged frame at the peer");
	return TEST_SUCCESS;
}

static int
vlan_keep_body(struct afp_env *env)
{
	return vlan_body(env, false);
}

static int
vlan_strip_body(struct afp_env *env)
{
	return vlan_body(env, true);
}

/*
 * Frames queued while the interface is down stay in the Tx ring; once the
 * ring is full the port must keep kicking it, or it would never drain.
 * framecnt=4: four frames fill it.
 */
static int
ring_full_body(struct afp_env *env)
{
	static uint8_t f[2048], got[4096];
	struct rte_mbuf *m;
	uint32_t seq, n_got = 0;
	uint16_t sent = 0;

	if (port_open(env, "iface=" AFP_IF ",framecnt=4", 1, 0) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", AFP_IF, "down", NULL),
			    "down");
	for (seq = 0; seq < 5; seq++) {
		m = rte_pktmbuf_alloc(env->mp);
		TEST_ASSERT_NOT_NULL(m, "alloc");
		test_netns_frame_build(f, 100, env->peer_mac, env->port_mac, seq);
		memcpy(rte_pktmbuf_append(m, 100), f, 100);
		sent = rte_eth_tx_burst(env->port, 0, &m, 1);
		if (seq < 4)
			TEST_ASSERT_EQUAL(sent, 1, "frame %u fits the ring", seq);
		else
			TEST_ASSERT_EQUAL(sent, 0, "the fifth does not: ring full");
	}
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", AFP_IF, "up", NULL), "up");
	/* the fifth frame gets in once a kick has drained the ring */
	for (int tries = 0; tries < 1000 && sent == 0; tries++) {
		sent = rte_eth_tx_burst(env->port, 0, &m, 1);
		if (sent == 0)
			usleep(1000);
	}
	TEST_ASSERT_EQUAL(sent, 1, "ring drains after the link comes back");
	while (n_got < 5 && peer_recv(env, got, sizeof(got), 1000) == 100)
		n_got++;
	TEST_ASSERT_EQUAL(n_got, 5, "the peer gets all five frames");
	TEST_ASSERT_EQUAL(got[17], 4, "the last one is the fifth");
	return TEST_SUCCESS;
}

static int
fanout_body(struct afp_env *env)
{
	static uint8_t f[2048], got[4096];
	uint32_t per_q[2], seq;
	struct rte_eth_stats st;

	if (port_open(env, "iface=" AFP_IF ",qpairs=2", 2, 0) != TEST_SUCCESS)
		return TEST_FAILED;
	for (seq = 0; seq < NB_FANOUT; seq++) {
		test_netns_udp_frame_build(f, 128, env->port_mac, env->peer_mac, seq);
		TEST_ASSERT_SUCCESS(peer_send(env, f, 128), "send %u", seq);
	}
	TEST_ASSERT_SUCCESS(test_netns_rx_spread(env->port, 2, NB_FANOUT, env->port_mac,
						 env->peer_mac, per_q), "fanout over 2 queues");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.q_ipackets[0], per_q[0], "q_ipackets[0]");
	TEST_ASSERT_EQUAL(st.q_ipackets[1], per_q[1], "q_ipackets[1]");

	/* Tx works on the second queue pair too */
	struct rte_mbuf *m = rte_pktmbuf_alloc(env->mp);

	TEST_ASSERT_NOT_NULL(m, "alloc");
	test_netns_frame_build(f, 300, env->peer_mac, env->port_mac, 4242);
	memcpy(rte_pktmbuf_append(m, 300), f, 300);
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 1, &m, 1), 1, "tx on queue 1");
	TEST_ASSERT_EQUAL(peer_recv(env, got, sizeof(got), 1000), 300, "peer got it");
	TEST_ASSERT(memcmp(got, f, 300) == 0, "bytes at the peer");
	return TEST_SUCCESS;
}

static int
with_env(int (*body)(struct afp_env *))
{
	struct afp_env env;
	int ret = env_setup(&env);

	if (ret == TEST_SUCCESS)
		ret = body(&env);
	env_teardown(&env);
	return ret;
}

static int
test_afp_rx_tx(void)
{
	return with_env(rx_tx_body);
}

static int
test_afp_oversize(void)
{
	return with_env(oversize_body);
}

static int
test_afp_vlan_keep(void)
{
	return with_env(vlan_keep_body);
}

static int
test_afp_vlan_strip(void)
{
	return with_env(vlan_strip_body);
}

static int
test_afp_ring_full(void)
{
	return with_env(ring_full_body);
}

static int
test_afp_fanout(void)
{
	return with_env(fanout_body);
}

/* rte_vdev_init(args) fails, logs want, and leaves no port and no fd behind. */
static int
expect_probe_error(const char *args, const char *want)
{
	return test_netns_probe_error("net_af_packet0", args, want);
}

static int
test_afp_errors(void)
{
	if (geteuid() != 0) {
		printf("  needs root for packet sockets\n");
		return TEST_SKIPPED;
	}
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=slnosuch0",
		"net_af_packet0: interface 'slnosuch0' not found"), "missing iface");
	TEST_ASSERT_SUCCESS(expect_probe_error("",
		"net_af_packet0: no interface given: add iface=<name>"), "no iface");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,framesz=100",
		"net_af_packet0: invalid value '100' for 'framesz'"), "framesz");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,framesz=8192",
		"framesz=8192 is larger than blocksz=4096"), "framesz > blocksz");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,framecnt=3",
		"framecnt=3 is not a multiple of the 2 frames a block holds"), "framecnt");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,qpairs=17",
		"invalid value '17' for 'qpairs'"), "qpairs");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,blocksz=1000",
		"invalid value '1000' for 'blocksz': a multiple of the page size"), "blocksz");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,qdisc_bypass=yes",
		"invalid value 'yes' for 'qdisc_bypass': 0 or 1"), "qdisc_bypass");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,bogus=1",
		"net_af_packet0: unknown argument 'bogus'"), "unknown key");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo,framecnt=1048576,blocksz=1048576,"
		"framesz=1048576", "PACKET_RX_RING on queue pair 0"), "ring too big");
	return TEST_SUCCESS;
}

static const struct test_case afp_cases[] = {
	TEST_CASE(test_afp_errors),
	TEST_CASE(test_afp_rx_tx),
	TEST_CASE(test_afp_oversize),
	TEST_CASE(test_afp_vlan_keep),
	TEST_CASE(test_afp_vlan_strip),
	TEST_CASE(test_afp_ring_full),
	TEST_CASE(test_afp_fanout),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_af_packet, TEST_SUITE_EAL, afp_cases);
