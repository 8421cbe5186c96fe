/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_vhost against a front-end nobody here wrote: DPDK's dpdk-testpmd on
 * net_virtio_user (DPDK 22.11), forwarding in io mode back out of the port
 * it received on. Frames of six sizes, a 9000-byte chain of buffers among
 * them (mergeable receive buffers on the front-end), go both ways through
 * the rings and are compared byte for byte; two queue pairs; the back-end
 * as client of a front-end server; the front-end killed (link down) and
 * started again (link up, traffic again). Skipped without dpdk-testpmd.
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "peer_frames.h"
#include "test.h"

#define VHOST_T_NB_MBUF 4095
#define VHOST_T_PER_SIZE 100
#define VHOST_T_WINDOW 48 /* frames in flight, inside 256-entry rings */
#define VHOST_T_PORT "net_vhost_t"

static const uint32_t vhost_t_sizes[] = {64, 128, 512, 1024, 1500, PEER_MAX_FRAME};

static struct rte_mempool *
vhost_t_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("pmd_vhost_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("pmd_vhost_mp", VHOST_T_NB_MBUF, 256, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

/* dpdk-testpmd on net_virtio_user0 with vdev args, io forwarding on queues queue pairs. */
static pid_t
vhost_t_peer_spawn(const char *prog, const char *args, unsigned int queues)
{
	char vdev[256], prefix[64];

	snprintf(prefix, sizeof(prefix), "sluice-vhost-peer-%d", (int)getpid());
	snprintf(vdev, sizeof(vdev), "net_virtio_user0,%s", args);
	return peer_testpmd_spawn(prog, vdev, prefix, queues);
}

static int
vhost_t_port_start(uint16_t port, uint16_t queues)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, queues, queues, &conf);
	for (uint16_t q = 0; ret == 0 && q < queues; q++) {
		ret = rte_eth_rx_queue_setup(port, q, 0, SOCKET_ID_ANY, NULL, vhost_t_pool());
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, 0, SOCKET_ID_ANY, NULL);
	}
	return ret != 0 ? ret : rte_eth_dev_start(port);
}

static int
vhost_t_exchange(uint16_t port, uint16_t queues)
{
	for (uint16_t q = 0; q < queues; q++) {
		const struct peer_traffic t = {
			.mp = vhost_t_pool(),
			.port = port,
			.queue = q,
			.sizes = vhost_t_sizes,
			.nsizes = RTE_DIM(vhost_t_sizes),
			.frames = RTE_DIM(vhost_t_sizes) * VHOST_T_PER_SIZE,
			.window = VHOST_T_WINDOW,
		};

		if (peer_exchange(&t, queues == 1) != TEST_SUCCESS)
			return TEST_FAILED;
	}
	return TEST_SUCCESS;
}

static unsigned int vhost_t_lsc_events;

static int
vhost_t_lsc_count(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret)
{
	RTE_SET_USED(port);
	RTE_SET_USED(type);
	RTE_SET_USED(arg);
	RTE_SET_USED(ret);
	__atomic_fetch_add(&vhost_t_lsc_events, 1, __ATOMIC_RELAXED);
	return 0;
}

/*
 * Our port (ours: devargs after iface=) on a fresh socket, DPDK's
 * front-end with theirs after path=; traffic, the front-end killed and a
 * new one, traffic again.
 */
static int
vhost_t_against_dpdk(const char *ours, const char *theirs, uint16_t queues)
{
	char prog[PATH_MAX], sock[64], args[200], peer_args[200];
	int ret = TEST_FAILED;
	uint16_t port;
	pid_t pid = -1;

	peer_which("dpdk-testpmd", prog, sizeof(prog));
	if (prog[0] == '\0')
		return TEST_SKIPPED;
	snprintf(sock, sizeof(sock), "/tmp/sluice-test-vhost-%d.sock", (int)getpid());
	snprintf(args, sizeof(args), "iface=%s,queues=%u%s", sock, queues, ours);
	snprintf(peer_args, sizeof(peer_args), "path=%s,queues=%u%s", sock, queues, theirs);
	if (rte_vdev_init(VHOST_T_PORT, args) != 0 ||
	    rte_eth_dev_get_port_by_name(VHOST_T_PORT, &port) != 0) {
		printf("cannot create %s,%s\n", VHOST_T_PORT, args);
		return TEST_FAILED;
	}
	vhost_t_lsc_events = 0;
	rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, vhost_t_lsc_count, NULL);
	if (vhost_t_port_start(port, queues) != 0) {
		printf("cannot start the port\n");
		goto out;
	}
	for (int round = 0; round < 2; round++) {
		/* a killed server leaves its file, and DPDK's does not bind over one */
		if (strstr(theirs, "server=1") != NULL)
			unlink(sock);
		pid = vhost_t_peer_spawn(prog, peer_args, queues);
		if (peer_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
			printf("link not up with dpdk-testpmd (round %d)\n", round);
			goto out;
		}
		if (vhost_t_exchange(port, queues) != TEST_SUCCESS)
			goto out;
		peer_kill(pid, SIGKILL);
		pid = -1;
		if (peer_wait_link(port, RTE_ETH_LINK_DOWN, 5000) != 0) {
			printf("link still up after the front-end was killed\n");
			goto out;
		}
	}
	/* an LSC event for each link change: up and down, twice */
	if (__atomic_load_n(&vhost_t_lsc_events, __ATOMIC_RELAXED) < 4) {
		printf("%u LSC events for 4 link changes\n", vhost_t_lsc_events);
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	peer_kill(pid, SIGTERM);
	rte_eth_dev_callback_unregister(port, RTE_ETH_EVENT_INTR_LSC, vhost_t_lsc_count, NULL);
	rte_eth_dev_stop(port);
	rte_vdev_uninit(VHOST_T_PORT);
	rte_mempool_free(rte_mempool_lookup("pmd_vhost_mp"));
	unlink(sock);
	return ret;
}

static int
test_vhost_dpdk_split(void)
{
	return vhost_t_against_dpdk("", ",packed_vq=0", 1);
}

static int
test_vhost_dpdk_packed(void)
{
	return vhost_t_against_dpdk("", ",packed_vq=1", 1);
}

static int
test_vhost_dpdk_two_queues(void)
{
	return vhost_t_against_dpdk("", ",packed_vq=1", 2);
}

static int
test_vhost_client_dpdk_server(void)
{
	return vhost_t_against_dpdk(",client=1", ",server=1", 1);
}

/* Devargs mistakes: one line each, no port left behind. */
static int
test_vhost_args(void)
{
	static const char *const bad[] = {
		"queues=1",
		"iface=/tmp/sluice-vhost-bad.sock,queues=0",
		"iface=/tmp/sluice-vhost-bad.sock,queues=9",
		"iface=/tmp/sluice-vhost-bad.sock,client=2",
		"iface=/tmp/sluice-vhost-bad.sock,postcopy-support=1",
		"iface=/tmp/sluice-vhost-bad.sock,iommu-support=2",
		"iface=/tmp/sluice-vhost-bad.sock,tso=1",
		"iface=/tmp/sluice-vhost-bad.sock,ext-buffer=1",
		"iface=/tmp/sluice-vhost-bad.sock,nosuchkey=1",
		"iface=/nonexistent-dir/vhost.sock",
	};
	uint16_t before = rte_eth_dev_count_avail();

	for (unsigned int i = 0; i < RTE_DIM(bad); i++) {
		TEST_ASSERT(rte_vdev_init("net_vhost_bad", bad[i]) != 0, "'%s' accepted", bad[i]);
		TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before, "'%s' left a port", bad[i]);
		TEST_ASSERT(access("/tmp/sluice-vhost-bad.sock", F_OK) != 0, "'%s' left a socket",
			    bad[i]);
	}
	/* the same socket twice */
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_vhost_a", "iface=/tmp/sluice-vhost-dup.sock"), "a");
	TEST_ASSERT(rte_vdev_init("net_vhost_b", "iface=/tmp/sluice-vhost-dup.sock") != 0,
		    "one socket for two ports");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_vhost_a"), "a");
	TEST_ASSERT(access("/tmp/sluice-vhost-dup.sock", F_OK) != 0, "socket left behind");
	return TEST_SUCCESS;
}

static const struct test_case vhost_cases[] = {
	TEST_CASE(test_vhost_args),
	TEST_CASE(test_vhost_dpdk_split),
	TEST_CASE(test_vhost_dpdk_packed),
	TEST_CASE(test_vhost_dpdk_two_queues),
	TEST_CASE(test_vhost_client_dpdk_server),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_vhost, TEST_SUITE_EAL, vhost_cases);
