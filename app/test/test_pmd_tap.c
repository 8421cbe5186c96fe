/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap in a private network namespace: frames the port sends show up
 * on a raw socket on the TAP interface byte for byte and the other way
 * round, two queues share Rx without loss or duplicates, 'ip link set
 * down/up' raises the LSC event with the right status, close removes the
 * interface, bad devargs fail with one clear line.
 */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <poll.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include "test.h"

#define TAP_IF "sltap0"
#define NB_FRAMES 64
#define NB_MQ 256
#define TEST_ETHERTYPE 0x88b5	/* IEEE local experimental */

static const uint8_t port_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint8_t peer_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 };

struct tap_env {
	int orig_ns;
	int raw_fd;		/* raw socket on the TAP interface */
	struct rte_mempool *mp;
	bool vdev;
	uint16_t port;
};

static int
run_ip(const char *a1, const char *a2, const char *a3, const char *a4, const char *a5)
{
	const char *argv[] = { "/usr/sbin/ip", a1, a2, a3, a4, a5, NULL };
	char out[1024];
	int ret = test_run_cmd(argv, out, sizeof(out));

	if (ret != 0)
		printf("  ip %s %s %s %s: exit %d: %s\n", a1, a2, a3, a4 ? a4 : "", ret, out);
	return ret;
}

static void
sysctl_write(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;	/* no IPv6 in this kernel: nothing to silence */
	if (write(fd, val, strlen(val)) < 0)
		printf("  cannot write %s: %s\n", path, strerror(errno));
	close(fd);
}

static int
if_flags(const char *ifname)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ret = ioctl(fd, SIOCGIFFLAGS, &ifr) < 0 ? -1 : ifr.ifr_flags;
	close(fd);
	return ret;
}

static int
raw_socket_open(const char *ifname)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = (int)if_nametoindex(ifname),
	};
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Next frame with the test ethertype the socket receives, or -1 after ms. */
static int
raw_recv(int fd, uint8_t *buf, size_t len, int ms)
{
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (poll(&pfd, 1, ms) <= 0)
			return -1;
		n = recv(fd, buf, len, MSG_TRUNC);
		if (n < 0)
			return -1;
		if (n >= 14 && (buf[12] << 8 | buf[13]) == TEST_ETHERTYPE)
			return (int)n;
	}
}

static void
frame_build(uint8_t *f, uint32_t len, const uint8_t dst[6], const uint8_t src[6], uint32_t seq)
{
	uint32_t i;

	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = TEST_ETHERTYPE >> 8;
	f[13] = TEST_ETHERTYPE & 0xff;
	f[14] = seq >> 24;
	f[15] = seq >> 16;
	f[16] = seq >> 8;
	f[17] = seq;
	for (i = 18; i < len; i++)
		f[i] = (uint8_t)(seq * 13 + i);
}

static uint32_t
frame_len(uint32_t seq)
{
	return 60 + (seq * 89) % 1450;	/* 60..1509 bytes */
}

static int
env_setup(struct tap_env *env)
{
	memset(env, 0, sizeof(*env));
	env->orig_ns = -1;
	env->raw_fd = -1;
	if (geteuid() != 0) {
		printf("  needs root to create a network namespace and a TAP device\n");
		return TEST_SKIPPED;
	}
	if (access("/dev/net/tun", R_OK | W_OK) != 0) {
		printf("  no /dev/net/tun on this machine\n");
		return TEST_SKIPPED;
	}
	env->orig_ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (env->orig_ns < 0 || unshare(CLONE_NEWNET) < 0) {
		printf("  cannot create a network namespace: %s\n", strerror(errno));
		return TEST_SKIPPED;
	}
	/* the kernel sends nothing of its own out of the new interface */
	sysctl_write("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
	sysctl_write("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
	env->mp = rte_pktmbuf_pool_create("tap_test", 4095, 64, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	return env->mp != NULL ? TEST_SUCCESS : TEST_FAILED;
}

static void
env_teardown(struct tap_env *env)
{
	if (env->raw_fd >= 0)
		close(env->raw_fd);
	if (env->vdev) {
		rte_eth_dev_stop(env->port);
		rte_vdev_uninit("net_tap0");
	}
	rte_mempool_free(env->mp);
	if (env->orig_ns >= 0) {
		if (setns(env->orig_ns, CLONE_NEWNET) < 0)
			printf("  cannot return to the original namespace: %s\n", strerror(errno));
		close(env->orig_ns);
	}
}

static int
port_open(struct tap_env *env, const char *args, uint16_t nb_q, bool lsc)
{
	struct rte_eth_conf conf;
	uint16_t q;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_tap0", args), "vdev %s", args);
	env->vdev = true;
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_tap0", &env->port), "port");
	memset(&conf, 0, sizeof(conf));
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	conf.intr_conf.lsc = lsc;
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(env->port, nb_q, nb_q, &conf), "configure");
	for (q = 0; q < nb_q; q++) {
		TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(env->port, q, 512, SOCKET_ID_ANY,
							   NULL, env->mp), "rxq %u", q);
		TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(env->port, q, 512, SOCKET_ID_ANY,
							   NULL), "txq %u", q);
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(env->port), "start");
	TEST_ASSERT(if_flags(TAP_IF) >= 0 && (if_flags(TAP_IF) & IFF_UP), "start sets it up");
	env->raw_fd = raw_socket_open(TAP_IF);
	TEST_ASSERT(env->raw_fd >= 0, "raw socket on " TAP_IF);
	return TEST_SUCCESS;
}

static int
raw_send(struct tap_env *env, const uint8_t *f, uint32_t len)
{
	for (int tries = 0; tries < 1000; tries++) {
		if (send(env->raw_fd, f, len, 0) == (ssize_t)len)
			return 0;
		if (errno != EAGAIN && errno != ENOBUFS)
			return -errno;
		usleep(100);
	}
	return -EAGAIN;
}

static int
rx_tx_body(struct tap_env *env)
{
	static uint8_t f[2048], got[4096];
	struct rte_ether_addr mac;
	struct rte_mbuf *pkts[32];
	struct rte_eth_stats st;
	uint64_t rx_bytes = 0, tx_bytes = 0;
	uint32_t seq, nb_rx = 0;

	if (port_open(env, "iface=" TAP_IF ",mac=02:00:00:00:00:01", 1, false) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(env->port, &mac), "mac");
	TEST_ASSERT(memcmp(mac.addr_bytes, port_mac, 6) == 0, "port MAC from devargs");

	/* port -> kernel; every fourth frame as a two-segment chain */
	for (seq = 0; seq < NB_FRAMES; seq++) {
		uint32_t len = frame_len(seq), head = (seq % 4 == 0) ? 30 : len;
		struct rte_mbuf *m = rte_pktmbuf_alloc(env->mp);

		TEST_ASSERT_NOT_NULL(m, "alloc");
		frame_build(f, len, peer_mac, port_mac, seq);
		memcpy(rte_pktmbuf_append(m, (uint16_t)head), f, head);
		if (head < len) {
			struct rte_mbuf *m2 = rte_pktmbuf_alloc(env->mp);

			TEST_ASSERT_NOT_NULL(m2, "alloc");
			memcpy(rte_pktmbuf_append(m2, (uint16_t)(len - head)), f + head, len - head);
			TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, m2), "chain");
		}
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, &m, 1), 1, "tx %u", seq);
		tx_bytes += len;

		int n = raw_recv(env->raw_fd, got, sizeof(got), 1000);

		TEST_ASSERT_EQUAL(n, len, "kernel got frame %u", seq);
		TEST_ASSERT(memcmp(got, f, len) == 0, "frame %u bytes differ in the kernel", seq);
	}

	/* kernel -> port */
	for (seq = 0; seq < NB_FRAMES; seq++) {
		frame_build(f, frame_len(seq), port_mac, peer_mac, seq);
		TEST_ASSERT_SUCCESS(raw_send(env, f, frame_len(seq)), "send %u", seq);
		rx_bytes += frame_len(seq);
	}
	for (int spin = 0; spin < 2000 && nb_rx < NB_FRAMES; spin++) {
		uint16_t n = rte_eth_rx_burst(env->port, 0, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			struct rte_mbuf *m = pkts[i];

			frame_build(f, frame_len(nb_rx), port_mac, peer_mac, nb_rx);
			TEST_ASSERT_EQUAL(m->pkt_len, frame_len(nb_rx), "frame %u length", nb_rx);
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

	TEST_ASSERT_SUCCESS(rte_eth_stats_get(env->port, &st), "stats");
	TEST_ASSERT_EQUAL(st.ipackets, NB_FRAMES, "ipackets");
	TEST_ASSERT_EQUAL(st.ibytes, rx_bytes, "ibytes");
	TEST_ASSERT_EQUAL(st.opackets, NB_FRAMES, "opackets");
	TEST_ASSERT_EQUAL(st.obytes, tx_bytes, "obytes");
	TEST_ASSERT_EQUAL(st.ierrors + st.oerrors + st.rx_nombuf, 0, "errors");

	/* close removes the interface */
	close(env->raw_fd);
	env->raw_fd = -1;
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(env->port), "stop");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_tap0"), "uninit");
	env->vdev = false;
	TEST_ASSERT_EQUAL(if_nametoindex(TAP_IF), 0, TAP_IF " is gone after close");
	return TEST_SUCCESS;
}

static int
multi_queue_body(struct tap_env *env)
{
	static uint8_t f[256];
	static uint8_t seen[NB_MQ];
	struct rte_mbuf *pkts[32];
	uint32_t per_q[2] = { 0, 0 }, total = 0, seq;

	memset(seen, 0, sizeof(seen));
	if (port_open(env, "iface=" TAP_IF, 2, false) != TEST_SUCCESS)
		return TEST_FAILED;
	for (seq = 0; seq < NB_MQ; seq++) {
		/* IPv4/UDP with a port per frame, so the queue choice varies */
		frame_build(f, 128, port_mac, peer_mac, seq);
		memset(f + 12, 0, 30);
		f[12] = 0x08;
		f[14] = 0x45;
		f[17] = 128 - 14;
		f[22] = 64;
		f[23] = 17;
		f[26] = 10; f[27] = 0; f[28] = 0; f[29] = 1;
		f[30] = 10; f[31] = 0; f[32] = 0; f[33] = 2;
		f[34] = (2000 + seq) >> 8;
		f[35] = (2000 + seq) & 0xff;
		f[37] = 9;
		f[39] = 128 - 34;
		f[42] = seq >> 8;
		f[43] = seq & 0xff;
		TEST_ASSERT_SUCCESS(raw_send(env, f, 128), "send %u", seq);
	}
	for (int spin = 0; spin < 2000 && total < NB_MQ; spin++) {
		uint16_t any = 0;

		for (uint16_t q = 0; q < 2; q++) {
			uint16_t n = rte_eth_rx_burst(env->port, q, pkts, RTE_DIM(pkts));

			for (uint16_t i = 0; i < n; i++) {
				const uint8_t *p = rte_pktmbuf_mtod(pkts[i], const uint8_t *);
				uint32_t s = (uint32_t)(p[42] << 8 | p[43]);

				TEST_ASSERT(pkts[i]->pkt_len == 128 && s < NB_MQ,
					    "frame of %u bytes, seq %u", pkts[i]->pkt_len, s);
				TEST_ASSERT_EQUAL(seen[s], 0, "frame %u received twice", s);
				seen[s] = 1;
				rte_pktmbuf_free(pkts[i]);
			}
			per_q[q] += n;
			total += n;
			any |= n;
		}
		if (any == 0)
			usleep(1000);
	}
	TEST_ASSERT_EQUAL(total, NB_MQ, "all frames across both queues (q0 %u, q1 %u)",
			  per_q[0], per_q[1]);
	TEST_ASSERT(per_q[0] > 0 && per_q[1] > 0, "both queues receive: q0 %u, q1 %u",
		    per_q[0], per_q[1]);
	return TEST_SUCCESS;
}

static atomic_int lsc_events;
static atomic_int lsc_last_status;

static int
lsc_cb(uint16_t port_id, enum rte_eth_event_type type, void *arg __rte_unused,
       void *ret_param __rte_unused)
{
	struct rte_eth_link link;

	if (type != RTE_ETH_EVENT_INTR_LSC || rte_eth_link_get_nowait(port_id, &link) != 0)
		return 0;
	atomic_store(&lsc_last_status, link.link_status);
	atomic_fetch_add(&lsc_events, 1);
	return 0;
}

/* Wait until an LSC event reports status; the number of events by then. */
static int
lsc_wait(int after, int status)
{
	for (int i = 0; i < 3000; i++) {
		if (atomic_load(&lsc_events) > after && atomic_load(&lsc_last_status) == status)
			return atomic_load(&lsc_events);
		usleep(1000);
	}
	return -1;
}

static int
lsc_body(struct tap_env *env)
{
	struct rte_eth_link link;
	int n;

	atomic_store(&lsc_events, 0);
	atomic_store(&lsc_last_status, -1);
	if (port_open(env, "iface=" TAP_IF, 1, true) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(env->port, RTE_ETH_EVENT_INTR_LSC,
							  lsc_cb, NULL), "register");
	for (int i = 0; i < 3000; i++) {
		rte_eth_link_get_nowait(env->port, &link);
		if (link.link_status == RTE_ETH_LINK_UP)
			break;
		usleep(1000);
	}
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "link up after start");
	n = atomic_load(&lsc_events);

	TEST_ASSERT_SUCCESS(run_ip("link", "set", TAP_IF, "down", NULL), "ip link set down");
	n = lsc_wait(n, RTE_ETH_LINK_DOWN);
	TEST_ASSERT(n > 0, "LSC event with link down");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(env->port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_DOWN, "link down");

	TEST_ASSERT_SUCCESS(run_ip("link", "set", TAP_IF, "up", NULL), "ip link set up");
	n = lsc_wait(n, RTE_ETH_LINK_UP);
	TEST_ASSERT(n > 0, "LSC event with link up");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(env->port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "link up again");

	/* an MTU change is a link message too, but not a status change */
	TEST_ASSERT_SUCCESS(run_ip("link", "set", TAP_IF, "mtu", "1400"), "mtu");
	usleep(300 * 1000);
	TEST_ASSERT_EQUAL(atomic_load(&lsc_events), n, "no LSC event without a status change");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_unregister(env->port, RTE_ETH_EVENT_INTR_LSC,
							    lsc_cb, NULL), "unregister");
	return TEST_SUCCESS;
}

static int
default_name_body(struct tap_env *env)
{
	struct rte_eth_dev_info info;
	char name[IF_NAMESIZE];
	uint16_t port;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_tap0", NULL), "vdev without args");
	env->vdev = true;
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_tap0", &port), "port");
	env->port = port;
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info");
	TEST_ASSERT_NOT_NULL(if_indextoname(info.if_index, name), "if_index names it");
	TEST_ASSERT(strncmp(name, "dtap", 4) == 0, "default name %s", name);
	TEST_ASSERT(if_flags(name) >= 0, "interface %s exists", name);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_tap0"), "uninit");
	env->vdev = false;
	TEST_ASSERT(if_flags(name) < 0, "interface %s is gone", name);
	return TEST_SUCCESS;
}

static int
with_env(int (*body)(struct tap_env *))
{
	struct tap_env env;
	int ret = env_setup(&env);

	if (ret == TEST_SUCCESS)
		ret = body(&env);
	env_teardown(&env);
	return ret;
}

static int
test_tap_rx_tx(void)
{
	return with_env(rx_tx_body);
}

static int
test_tap_multi_queue(void)
{
	return with_env(multi_queue_body);
}

static int
test_tap_lsc(void)
{
	return with_env(lsc_body);
}

static int
test_tap_default_name(void)
{
	return with_env(default_name_body);
}

static int
fd_count(void)
{
	return test_dir_entries("/proc/self/fd");
}

/* rte_vdev_init(args) fails, logs want, and leaves no port and no fd behind. */
static int
expect_probe_error(const char *args, const char *want)
{
	char *log = NULL;
	size_t log_len = 0;
	FILE *f = open_memstream(&log, &log_len);
	uint16_t ports = rte_eth_dev_count_avail();
	int fds = fd_count(), ret;

	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_openlog_stream(f);
	ret = rte_vdev_init("net_tap0", args);
	rte_openlog_stream(NULL);
	fclose(f);
	if (ret == 0)
		rte_vdev_uninit("net_tap0");
	TEST_ASSERT(ret < 0, "'%s' must fail", args);
	TEST_ASSERT_STR_CONTAINS(log, want, "for '%s'", args);
	TEST_ASSERT(strchr(log, '\n') == log + strlen(log) - 1, "one line: %s", log);
	free(log);
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), ports, "no port left");
	TEST_ASSERT_EQUAL(fd_count(), fds, "no fd left");
	return TEST_SUCCESS;
}

static int
errors_body(struct tap_env *env __rte_unused)
{
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=lo",
		"net_tap0: interface 'lo' already exists"), "existing iface");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=sltap0,bogus=1",
		"net_tap0: unknown argument 'bogus'"), "unknown key");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=sltap0,mac=zz",
		"net_tap0: invalid value 'zz' for 'mac'"), "bad mac");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=sltap0,mac=01:00:00:00:00:01",
		"invalid value '01:00:00:00:00:01' for 'mac'"), "multicast mac");
	TEST_ASSERT_SUCCESS(expect_probe_error("iface=a_name_far_too_long",
		"invalid value 'a_name_far_too_long' for 'iface'"), "long name");
	TEST_ASSERT_EQUAL(if_nametoindex(TAP_IF), 0, "nothing created");
	return TEST_SUCCESS;
}

static int
test_tap_errors(void)
{
	return with_env(errors_body);
}

static const struct test_case tap_cases[] = {
	TEST_CASE(test_tap_errors),
	TEST_CASE(test_tap_rx_tx),
	TEST_CASE(test_tap_multi_queue),
	TEST_CASE(test_tap_lsc),
	TEST_CASE(test_tap_default_name),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_tap, TEST_SUITE_EAL, tap_cases);
