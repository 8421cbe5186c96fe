/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap in a private network namespace: frames the port sends show up
 * on a raw socket on the TAP interface byte for byte and the other way
 * round, two queues share Rx without loss or duplicates, 'ip link set
 * down/up' raises the LSC event with the right status, close removes the
 * interface, bad devargs fail with one clear line; a port stopped from the
 * interrupt thread (its LSC callback, an alarm) leaves no handler behind;
 * the software checksum offloads flag good, bad and unknown sums right
 * and received frames carry their packet type.
 */
#include <stdatomic.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <rte_alarm.h>
#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_udp.h>

#include "eal_intr_private.h"
#include "tap.h"
#include "test.h"
#include "test_netns.h"

#define TAP_IF "sltap0"
#define NB_FRAMES 64
#define NB_MQ 256

static const uint8_t port_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint8_t peer_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 };

struct tap_env {
	int orig_ns;
	int raw_fd;		/* raw socket on the TAP interface */
	struct rte_mempool *mp;
	bool vdev;
	uint16_t port;
};

static uint32_t
frame_len(uint32_t seq)
{
	return 60 + (seq * 89) % 1450;	/* 60..1509 bytes */
}

static int
env_setup(struct tap_env *env)
{
	int ret;

	memset(env, 0, sizeof(*env));
	env->raw_fd = -1;
	ret = test_netns_enter(&env->orig_ns, "a TAP device");
	if (ret != TEST_SUCCESS)
		return ret;
	if (access("/dev/net/tun", R_OK | W_OK) != 0) {
		printf("  no /dev/net/tun on this machine\n");
		return TEST_SKIPPED;
	}
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
	test_netns_leave(env->orig_ns);
}

static int
port_open(struct tap_env *env, const char *args, uint16_t nb_q, bool lsc)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int flags;

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
	flags = test_netns_if_flags(TAP_IF);
	TEST_ASSERT(flags >= 0 && (flags & IFF_UP), "start sets it up");
	env->raw_fd = test_netns_raw_open(TAP_IF);
	TEST_ASSERT(env->raw_fd >= 0, "raw socket on " TAP_IF);
	return TEST_SUCCESS;
}

static int
raw_send(struct tap_env *env, const uint8_t *f, uint32_t len)
{
	return test_netns_raw_send(env->raw_fd, f, len);
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
		test_netns_frame_build(f, len, peer_mac, port_mac, seq);
		memcpy(rte_pktmbuf_append(m, (uint16_t)head), f, head);
		if (head < len) {
			struct rte_mbuf *m2 = rte_pktmbuf_alloc(env->mp);

			TEST_ASSERT_NOT_NULL(m2, "alloc");
			memcpy(rte_pktmbuf_append(m2, (uint16_t)(len - head)), f + head, len - head);
			TEST_ASSERT_SUCCESS(rte_pktmbuf_chain(m, m2), "chain");
		}
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(env->port, 0, &m, 1), 1, "tx %u", seq);
		tx_bytes += len;

		int n = test_netns_raw_recv(env->raw_fd, got, sizeof(got), 1000, 0);

		TEST_ASSERT_EQUAL(n, len, "kernel got frame %u", seq);
		TEST_ASSERT(memcmp(got, f, len) == 0, "frame %u bytes differ in the kernel", seq);
	}

	/* kernel -> port */
	for (seq = 0; seq < NB_FRAMES; seq++) {
		test_netns_frame_build(f, frame_len(seq), port_mac, peer_mac, seq);
		TEST_ASSERT_SUCCESS(raw_send(env, f, frame_len(seq)), "send %u", seq);
		rx_bytes += frame_len(seq);
	}
	for (int spin = 0; spin < 2000 && nb_rx < NB_FRAMES; spin++) {
		uint16_t n = rte_eth_rx_burst(env->port, 0, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			struct rte_mbuf *m = pkts[i];

			test_netns_frame_build(f, frame_len(nb_rx), port_mac, peer_mac, nb_rx);
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
	uint32_t per_q[2], seq;

	if (port_open(env, "iface=" TAP_IF, 2, false) != TEST_SUCCESS)
		return TEST_FAILED;
	/* IPv4/UDP with addresses and ports per frame, so the queue choice varies */
	for (seq = 0; seq < NB_MQ; seq++) {
		test_netns_udp_frame_build(f, 128, port_mac, peer_mac, seq);
		TEST_ASSERT_SUCCESS(raw_send(env, f, 128), "send %u", seq);
	}
	TEST_ASSERT_SUCCESS(test_netns_rx_spread(env->port, 2, NB_MQ, port_mac, peer_mac, per_q),
			    "frames over 2 queues");
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

	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", TAP_IF, "down", NULL), "ip link set down");
	n = lsc_wait(n, RTE_ETH_LINK_DOWN);
	TEST_ASSERT(n > 0, "LSC event with link down");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(env->port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_DOWN, "link down");

	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", TAP_IF, "up", NULL), "ip link set up");
	n = lsc_wait(n, RTE_ETH_LINK_UP);
	TEST_ASSERT(n > 0, "LSC event with link up");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(env->port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "link up again");

	/* an MTU change is a link message too, but not a status change */
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", TAP_IF, "mtu", "1400", NULL), "mtu");
	usleep(300 * 1000);
	TEST_ASSERT_EQUAL(atomic_load(&lsc_events), n, "no LSC event without a status change");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_unregister(env->port, RTE_ETH_EVENT_INTR_LSC,
							    lsc_cb, NULL), "unregister");
	return TEST_SUCCESS;
}

static atomic_int stop_calls;
static int stop_ret;

/* The application stops the port from the interrupt thread. */
static void
stop_port(uint16_t port)
{
	stop_ret = rte_eth_dev_stop(port);
	atomic_fetch_add(&stop_calls, 1);
}

static int
stop_on_down_cb(uint16_t port_id, enum rte_eth_event_type type, void *arg __rte_unused,
		void *ret_param __rte_unused)
{
	struct rte_eth_link link;

	if (type == RTE_ETH_EVENT_INTR_LSC && rte_eth_link_get_nowait(port_id, &link) == 0 &&
	    link.link_status == RTE_ETH_LINK_DOWN)
		stop_port(port_id);
	atomic_fetch_add(&lsc_events, 1);
	return 0;
}

static void
stop_alarm_cb(void *arg)
{
	stop_port((uint16_t)(uintptr_t)arg);
}

/*
 * After the port was stopped from the interrupt thread: its link handler is
 * off the interrupt thread (sources back to before), and link changes raise
 * no more events.
 */
static int
lsc_stopped_check(unsigned int sources)
{
	int n;

	for (int i = 0; i < 2000 && eal_intr_source_count() != sources; i++)
		usleep(1000);
	TEST_ASSERT_EQUAL(eal_intr_source_count(), sources, "link handler left registered");
	TEST_ASSERT_EQUAL(stop_ret, 0, "stop from the interrupt thread: %d", stop_ret);
	n = atomic_load(&lsc_events);
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", TAP_IF, "up", NULL), "ip link set up");
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", TAP_IF, "down", NULL), "down");
	usleep(300 * 1000);
	TEST_ASSERT_EQUAL(atomic_load(&lsc_events), n, "no event once stopped");
	return TEST_SUCCESS;
}

/* Wait up to 3 s for *calls to become non-zero. */
static bool
stop_wait(atomic_int *calls)
{
	for (int i = 0; i < 3000 && atomic_load(calls) == 0; i++)
		usleep(1000);
	return atomic_load(calls) != 0;
}

/* Wait for the link to come up after start. */
static int
link_up_wait(uint16_t port)
{
	struct rte_eth_link link = { 0 };

	for (int i = 0; i < 3000; i++) {
		rte_eth_link_get_nowait(port, &link);
		if (link.link_status == RTE_ETH_LINK_UP)
			return TEST_SUCCESS;
		usleep(1000);
	}
	return TEST_FAILED;
}

/*
 * Open the port with LSC and stop_on_down_cb, its link up; *sources is the
 * number of fds the interrupt thread watched before.
 */
static int
stop_env_open(struct tap_env *env, unsigned int *sources)
{
	atomic_store(&lsc_events, 0);
	atomic_store(&stop_calls, 0);
	stop_ret = -1;
	*sources = eal_intr_source_count();
	if (port_open(env, "iface=" TAP_IF, 1, true) != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_EQUAL(eal_intr_source_count(), *sources + 1, "link handler registered");
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(env->port, RTE_ETH_EVENT_INTR_LSC,
							  stop_on_down_cb, NULL), "register");
	return link_up_wait(env->port);
}

/* Once stopped_by ran: nothing left registered, then drop the app callback. */
static int
stop_env_check(struct tap_env *env, unsigned int sources, const char *stopped_by)
{
	TEST_ASSERT(stop_wait(&stop_calls), "%s did not stop the port", stopped_by);
	TEST_ASSERT_SUCCESS(lsc_stopped_check(sources), "after stop in %s", stopped_by);
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_unregister(env->port, RTE_ETH_EVENT_INTR_LSC,
							    stop_on_down_cb, NULL), "unregister");
	return TEST_SUCCESS;
}

/* The port stopped from its own LSC callback: its handler comes off too. */
static int
stop_in_lsc_body(struct tap_env *env)
{
	unsigned int sources;

	TEST_ASSERT_SUCCESS(stop_env_open(env, &sources), "port with LSC");
	TEST_ASSERT_SUCCESS(test_netns_ip("link", "set", TAP_IF, "down", NULL), "down");
	return stop_env_check(env, sources, "the LSC callback");
}

static void
noop_alarm_cb(void *arg)
{
	atomic_fetch_add((atomic_int *)arg, 1);
}

/*
 * The port stopped from an alarm callback, on the interrupt thread but not
 * inside the link handler's own callbacks: the handler used to stay
 * registered (its handle freed, its socket open, the port as its argument).
 */
static int
stop_in_alarm_body(struct tap_env *env)
{
	static atomic_int fired;
	unsigned int sources;

	/* The alarm timerfd is watched from the first alarm on: count it in. */
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(1, noop_alarm_cb, &fired), "first alarm");
	TEST_ASSERT(stop_wait(&fired), "the first alarm did not fire");
	TEST_ASSERT_SUCCESS(stop_env_open(env, &sources), "port with LSC");
	TEST_ASSERT_SUCCESS(rte_eal_alarm_set(1000, stop_alarm_cb, (void *)(uintptr_t)env->port),
			    "alarm");
	return stop_env_check(env, sources, "an alarm");
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
	TEST_ASSERT(test_netns_if_flags(name) >= 0, "interface %s exists", name);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_tap0"), "uninit");
	env->vdev = false;
	TEST_ASSERT(test_netns_if_flags(name) < 0, "interface %s is gone", name);
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
test_tap_stop_in_lsc(void)
{
	return with_env(stop_in_lsc_body);
}

static int
test_tap_stop_in_alarm(void)
{
	return with_env(stop_in_alarm_body);
}

static int
test_tap_default_name(void)
{
	return with_env(default_name_body);
}

/* rte_vdev_init(args) fails, logs want, and leaves no port and no fd behind. */
static int
expect_probe_error(const char *args, const char *want)
{
	return test_netns_probe_error("net_tap0", args, want);
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

/* Link messages as recv hands them over, with lengths a peer could forge. */
static int
test_tap_netlink_lengths(void)
{
	static union {
		struct nlmsghdr h;
		char raw[256];
	} b;
	struct nlmsghdr *first = &b.h, *second;
	struct ifinfomsg *ifi;
	const size_t one = NLMSG_LENGTH(sizeof(*ifi));

	memset(&b, 0, sizeof(b));
	first->nlmsg_len = (uint32_t)one;
	first->nlmsg_type = RTM_NEWLINK;
	ifi = NLMSG_DATA(first);
	ifi->ifi_index = 7;
	TEST_ASSERT(tap_nl_names_link(b.raw, one, 7), "one message for ifindex 7");
	TEST_ASSERT(!tap_nl_names_link(b.raw, one, 8), "another interface");
	TEST_ASSERT(!tap_nl_names_link(b.raw, one - 1, 7), "cut by recv");
	TEST_ASSERT(!tap_nl_names_link(b.raw, 0, 7), "nothing received");

	/* The match is in the second message. */
	ifi->ifi_index = 3;
	second = (void *)(b.raw + NLMSG_ALIGN(one));
	*second = *first;
	((struct ifinfomsg *)NLMSG_DATA(second))->ifi_index = 7;
	TEST_ASSERT(tap_nl_names_link(b.raw, 2 * NLMSG_ALIGN(one), 7), "second message");
	/* A first length past what was received, or 2^32-1, or too short to step. */
	first->nlmsg_len = UINT32_MAX;
	TEST_ASSERT(!tap_nl_names_link(b.raw, 2 * NLMSG_ALIGN(one), 7), "nlmsg_len 2^32-1");
	first->nlmsg_len = 2 * (uint32_t)NLMSG_ALIGN(one) + 1;
	TEST_ASSERT(!tap_nl_names_link(b.raw, 2 * NLMSG_ALIGN(one), 7), "one byte past");
	first->nlmsg_len = 0;
	TEST_ASSERT(!tap_nl_names_link(b.raw, sizeof(b.raw), 7), "nlmsg_len 0 never loops");
	/* A link header cut short is not read as one. */
	first->nlmsg_len = (uint32_t)sizeof(struct nlmsghdr);
	ifi->ifi_index = 7;
	TEST_ASSERT(!tap_nl_names_link(b.raw, sizeof(struct nlmsghdr), 7), "no ifinfomsg");
	return TEST_SUCCESS;
}


/* Ethernet + IPv4 + UDP with correct sums, payload bytes 0..plen-1. */
static struct rte_mbuf *
cksum_frame(struct rte_mempool *mp, uint16_t plen)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	uint8_t *pl;

	if (m == NULL)
		return NULL;
	eth = (void *)rte_pktmbuf_append(m, sizeof(*eth) + sizeof(*ip) + sizeof(*udp) + plen);
	memset(eth, 0, sizeof(*eth));
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (void *)(eth + 1);
	memset(ip, 0, sizeof(*ip));
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->total_length = rte_cpu_to_be_16(sizeof(*ip) + sizeof(*udp) + plen);
	ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(192, 0, 2, 1));
	ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(192, 0, 2, 2));
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp = (void *)(ip + 1);
	udp->src_port = rte_cpu_to_be_16(1000);
	udp->dst_port = rte_cpu_to_be_16(2000);
	udp->dgram_len = rte_cpu_to_be_16(sizeof(*udp) + plen);
	udp->dgram_cksum = 0;
	pl = (uint8_t *)(udp + 1);
	for (uint16_t i = 0; i < plen; i++)
		pl[i] = (uint8_t)i;
	udp->dgram_cksum = rte_ipv4_udptcp_cksum(ip, udp);
	return m;
}

/* The Rx flags tap_rx_cksum gives a frame built by cksum_frame with byte
 * off (from the frame start; none when negative) set to val. */
static uint64_t
cksum_rx_flags(struct rte_mempool *mp, int off, uint8_t val)
{
	struct rte_mbuf *m = cksum_frame(mp, 100);
	uint64_t flags;

	if (m == NULL)
		return UINT64_MAX;
	if (off >= 0)
		rte_pktmbuf_mtod(m, uint8_t *)[off] = val;
	tap_rx_cksum(m);
	flags = m->ol_flags & (RTE_MBUF_F_RX_IP_CKSUM_MASK | RTE_MBUF_F_RX_L4_CKSUM_MASK);
	rte_pktmbuf_free(m);
	return flags;
}

static int
test_tap_cksum(void)
{
	const uint64_t good = RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	struct rte_mempool *mp;
	struct rte_ipv4_hdr *ip;
	struct rte_mbuf *m;
	int ret = TEST_FAILED;

	mp = rte_pktmbuf_pool_create("tap_cksum", 63, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(mp, "pool");
	if (cksum_rx_flags(mp, -1, 0) != good) {
		printf("  correct sums not both GOOD\n");
		goto out;
	}
	/* TTL changed: the IP sum no longer matches; the UDP sum does not cover it */
	if (cksum_rx_flags(mp, 14 + 8, 1) != (RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_GOOD)) {
		printf("  bad IP sum not flagged\n");
		goto out;
	}
	/* a payload byte changed */
	if (cksum_rx_flags(mp, 14 + 40, 0xee) != (RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD)) {
		printf("  bad UDP sum not flagged\n");
		goto out;
	}
	/* the MF flag makes it a first fragment: L4 unknown, IP (now wrong) bad */
	if (cksum_rx_flags(mp, 14 + 6, 0x20) != RTE_MBUF_F_RX_IP_CKSUM_BAD) {
		printf("  fragment's L4 not left unknown\n");
		goto out;
	}
	/* total_length past the frame */
	if (cksum_rx_flags(mp, 14 + 2, 0x7f) != RTE_MBUF_F_RX_IP_CKSUM_BAD) {
		printf("  IPv4 length past the frame not bad\n");
		goto out;
	}
	/* not IPv4: nothing said */
	if (cksum_rx_flags(mp, 12, 0x86) != 0) {
		printf("  not IPv4 yet flagged\n");
		goto out;
	}

	/* Tx: the header sum is filled in on request, the rest untouched */
	m = cksum_frame(mp, 100);
	TEST_ASSERT_NOT_NULL(m, "frame");
	/* and every received frame gets its packet type */
	tap_rx_ptype(m);
	if (m->packet_type != (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP)) {
		printf("  packet type 0x%x, want Ether/IPv4/UDP\n", m->packet_type);
		goto out_m;
	}
	ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, RTE_ETHER_HDR_LEN);
	uint16_t want = ip->hdr_checksum;

	ip->hdr_checksum = 0x1234;
	ret = tap_tx_cksum(m);
	if (ret != 0 || ip->hdr_checksum != 0x1234) {
		printf("  sum changed without RTE_MBUF_F_TX_IP_CKSUM\n");
		ret = TEST_FAILED;
		goto out_m;
	}
	m->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM;
	m->l2_len = RTE_ETHER_HDR_LEN;
	m->l3_len = sizeof(*ip);
	if (tap_tx_cksum(m) != 0 || ip->hdr_checksum != want) {
		printf("  Tx IP sum 0x%04x, want 0x%04x\n", ip->hdr_checksum, want);
		ret = TEST_FAILED;
		goto out_m;
	}
	m->l2_len = 127;	/* past the first segment */
	ret = tap_tx_cksum(m) == -EINVAL ? TEST_SUCCESS : TEST_FAILED;
	if (ret != TEST_SUCCESS)
		printf("  l2_len past the data accepted\n");
out_m:
	rte_pktmbuf_free(m);
out:
	rte_mempool_free(mp);
	return ret;
}

static const struct test_case tap_cases[] = {
	TEST_CASE(test_tap_netlink_lengths),
	TEST_CASE(test_tap_cksum),
	TEST_CASE(test_tap_errors),
	TEST_CASE(test_tap_rx_tx),
	TEST_CASE(test_tap_multi_queue),
	TEST_CASE(test_tap_lsc),
	TEST_CASE(test_tap_stop_in_lsc),
	TEST_CASE(test_tap_stop_in_alarm),
	TEST_CASE(test_tap_default_name),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_tap, TEST_SUITE_EAL, tap_cases);
