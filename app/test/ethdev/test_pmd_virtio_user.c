/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio_user against DPDK's vhost-user back-end: Debian's
 * dpdk-testpmd with net_vhost forwards every frame back out of the queue
 * it came in on, so frames of five sizes (up to 9000-byte chains, through
 * merged Rx buffers) come back byte for byte on each queue; split and
 * packed rings; with server=1 the back-end is killed and started again
 * and traffic resumes. EAL memory reaches the back-end as memfds, with
 * hugepages or without (--no-huge memory is a plain memfd), so the suite
 * runs in both. Skipped when dpdk-testpmd is not installed.
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "test.h"
#include "peer_frames.h"

#define VU_T_NAME "net_virtio_user_t"


#define VU_T_PER_SIZE 120
#define VU_T_WINDOW 64 /* frames in flight: at most 320 of 1024 slots */

static const uint32_t vu_t_sizes[] = {64, 1000, 1518, 4000, PEER_MAX_FRAME};

/* Every frame out and back on one queue, intact and counted. */
static int
vu_t_exchange(uint16_t port, uint16_t queue)
{
	const struct peer_traffic t = {
		.mp = peer_pool(),
		.port = port,
		.queue = queue,
		.sizes = vu_t_sizes,
		.nsizes = RTE_DIM(vu_t_sizes),
		.frames = RTE_DIM(vu_t_sizes) * VU_T_PER_SIZE,
		.window = VU_T_WINDOW,
	};

	return peer_exchange(&t, true);
}

static int
vu_t_port_start(uint16_t port, uint16_t nb_queues)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	/* 9000-byte frames come back over several 2 KiB buffers (VIRTIO_NET_F_MRG_RXBUF) */
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	ret = rte_eth_dev_configure(port, nb_queues, nb_queues, &conf);
	for (uint16_t q = 0; ret == 0 && q < nb_queues; q++) {
		ret = rte_eth_rx_queue_setup(port, q, 0, SOCKET_ID_ANY, NULL, peer_pool());
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, 0, SOCKET_ID_ANY, NULL);
	}
	return ret != 0 ? ret : rte_eth_dev_start(port);
}

static pid_t
vu_t_backend_spawn(const char *prog, const char *sock, unsigned int nb_queues, bool client)
{
	char vdev[200], prefix[64];

	snprintf(vdev, sizeof(vdev), "net_vhost0,iface=%s,queues=%u,client=%u", sock, nb_queues,
		 client ? 1 : 0);
	snprintf(prefix, sizeof(prefix), "sluice-vu-peer-%d", (int)getpid());
	return peer_testpmd_spawn(prog, vdev, prefix, nb_queues);
}

/* Wait until the back-end's socket exists (it listens unless client=1). */
static int
vu_t_wait_socket(const char *sock)
{
	for (unsigned int i = 0; i < 300; i++) {
		if (access(sock, F_OK) == 0)
			return 0;
		rte_delay_us_sleep(20000);
	}
	return -1;
}

/* What a test made: the port (when port is not NULL), the back-end, the pool, the socket. */
static void
vu_t_cleanup(const uint16_t *port, pid_t pid, const char *sock)
{
	if (port != NULL) {
		rte_eth_dev_stop(*port);
		rte_vdev_uninit(VU_T_NAME);
	}
	peer_kill(pid, SIGTERM);
	peer_pool_free();
	unlink(sock);
}

/*
 * The port; a client tries for a while: the back-end's socket file exists
 * from bind(), a moment before it listens (connect: ECONNREFUSED).
 */
static int
vu_t_create(const char *args, bool client)
{
	for (unsigned int i = 0; i < 50; i++) {
		if (rte_vdev_init(VU_T_NAME, args) == 0)
			return 0;
		if (!client)
			break;
		rte_delay_us_sleep(100000);
	}
	return -1;
}

static int
vu_t_lsc_count(uint16_t port __rte_unused, enum rte_eth_event_type type, void *arg,
	       void *ret_param __rte_unused)
{
	if (type == RTE_ETH_EVENT_INTR_LSC)
		__atomic_fetch_add((unsigned int *)arg, 1, __ATOMIC_RELAXED);
	return 0;
}

/*
 * Our port (args) against dpdk-testpmd's net_vhost on a fresh socket:
 * every queue's traffic; with server=1 in args the back-end is a client
 * and is killed (link down, an LSC event) and started again (link up,
 * another event, traffic again).
 */
static int
vu_t_against_dpdk(const char *args, unsigned int nb_queues)
{
	char prog[PATH_MAX], sock[108], all[256];
	static unsigned int seq;
	bool server = strstr(args, "server=1") != NULL;
	uint16_t port;
	pid_t pid = -1;
	int ret = TEST_FAILED;

	peer_which("dpdk-testpmd", prog, sizeof(prog));
	if (prog[0] == '\0')
		return TEST_SKIPPED;
	snprintf(sock, sizeof(sock), "/tmp/sluice-vu-%d-%u.sock", (int)getpid(), seq++);
	snprintf(all, sizeof(all), "path=%s,queues=%u,%s", sock, nb_queues, args);
	unlink(sock);
	if (!server) {
		pid = vu_t_backend_spawn(prog, sock, nb_queues, false);
		if (vu_t_wait_socket(sock) != 0) {
			printf("the back-end did not create %s\n", sock);
			goto out;
		}
	}
	if (vu_t_create(all, !server) != 0 || rte_eth_dev_get_port_by_name(VU_T_NAME, &port) != 0) {
		printf("cannot create %s,%s\n", VU_T_NAME, all);
		goto out;
	}
	if (vu_t_port_start(port, (uint16_t)nb_queues) != 0) {
		printf("cannot start the port\n");
		goto out_port;
	}
	if (server)
		pid = vu_t_backend_spawn(prog, sock, nb_queues, true);
	if (peer_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
		printf("link not up with %s\n", prog);
		goto out_port;
	}
	for (uint16_t q = 0; q < nb_queues; q++)
		if (vu_t_exchange(port, q) != TEST_SUCCESS)
			goto out_port;
	if (server) {
		/* static: a failure leaves the callback registered until the port goes */
		static unsigned int lsc;

		lsc = 0;
		rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, vu_t_lsc_count, &lsc);
		peer_kill(pid, SIGKILL);
		pid = -1;
		if (peer_wait_link(port, RTE_ETH_LINK_DOWN, 5000) != 0) {
			printf("link still up after the back-end was killed\n");
			goto out_port;
		}
		pid = vu_t_backend_spawn(prog, sock, nb_queues, true);
		if (peer_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
			printf("link not up again with a new back-end\n");
			goto out_port;
		}
		rte_delay_us_sleep(
			200000); /* the event follows the link state on the eal-intr thread */
		rte_eth_dev_callback_unregister(port, RTE_ETH_EVENT_INTR_LSC, vu_t_lsc_count, &lsc);
		if (__atomic_load_n(&lsc, __ATOMIC_RELAXED) < 2) {
			printf("%u LSC events for the link going down and up\n", lsc);
			goto out_port;
		}
		for (uint16_t q = 0; q < nb_queues; q++)
			if (vu_t_exchange(port, q) != TEST_SUCCESS)
				goto out_port;
	}
	ret = TEST_SUCCESS;
out_port:
	vu_t_cleanup(&port, pid, sock);
	return ret;
out:
	vu_t_cleanup(NULL, pid, sock);
	return ret;
}

static int
test_virtio_user_split_2q(void)
{
	return vu_t_against_dpdk("packed_vq=0,mrg_rxbuf=1", 2);
}

static int
test_virtio_user_packed(void)
{
	return vu_t_against_dpdk("packed_vq=1,mrg_rxbuf=1", 1);
}

static int
test_virtio_user_packed_2q(void)
{
	return vu_t_against_dpdk("packed_vq=1,mrg_rxbuf=1,queue_size=512", 2);
}

static int
test_virtio_user_server_restart(void)
{
	return vu_t_against_dpdk("server=1,packed_vq=0,mrg_rxbuf=1", 2);
}

static int
test_virtio_user_server_restart_packed(void)
{
	return vu_t_against_dpdk("server=1,packed_vq=1,mrg_rxbuf=1", 1);
}

/*
 * Memory that comes after the start (the pool of the frames sent is
 * created once the port runs, and EAL memory grows for it) reaches the
 * back-end: the frames come back.
 */
static int
test_virtio_user_memory_grows(void)
{
	char prog[PATH_MAX], sock[108], args[200];
	struct rte_mempool *rx_mp;
	uint64_t before;
	uint16_t port;
	pid_t pid;
	int ret = TEST_FAILED;

	peer_which("dpdk-testpmd", prog, sizeof(prog));
	if (prog[0] == '\0')
		return TEST_SKIPPED;
	snprintf(sock, sizeof(sock), "/tmp/sluice-vu-%d-grow.sock", (int)getpid());
	snprintf(args, sizeof(args), "path=%s,mrg_rxbuf=1", sock);
	unlink(sock);
	peer_pool_free();
	rx_mp = rte_pktmbuf_pool_create("vu_t_rx_mp", 1023, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					SOCKET_ID_ANY);
	pid = vu_t_backend_spawn(prog, sock, 1, false);
	if (rx_mp == NULL || vu_t_wait_socket(sock) != 0 || vu_t_create(args, true) != 0 ||
	    rte_eth_dev_get_port_by_name(VU_T_NAME, &port) != 0) {
		printf("no port against the back-end\n");
		goto out;
	}
	if (rte_eth_dev_configure(port, 1, 1,
				  &(struct rte_eth_conf){
					  .rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER,
					  .txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS}) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL, rx_mp) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(port) != 0 || peer_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
		printf("the port did not come up\n");
		goto out_port;
	}
	before = rte_eal_get_physmem_size();
	/* a pool larger than what is left: EAL maps more memory for it */
	if (rte_pktmbuf_pool_create("vu_t_big_mp", 65535, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				    SOCKET_ID_ANY) == NULL ||
	    peer_pool() == NULL) {
		printf("no memory for the new pools\n");
		goto out_port;
	}
	if (rte_eal_get_physmem_size() <= before) {
		printf("EAL memory did not grow (%" PRIu64 " bytes): nothing to test\n", before);
		goto out_port;
	}
	ret = vu_t_exchange(port, 0);
out_port:
	vu_t_cleanup(&port, pid, sock);
	rte_mempool_free(rte_mempool_lookup("vu_t_big_mp"));
	rte_mempool_free(rx_mp);
	return ret;
out:
	vu_t_cleanup(NULL, pid, sock);
	rte_mempool_free(rx_mp);
	return ret;
}

/* Devargs mistakes: one line each, no port left behind. */
static int
test_virtio_user_args(void)
{
	static const char *const bad[] = {
		"",
		"queues=2",
		"path=/nonexistent-dir/vhost.sock",
		"path=/tmp/x.sock,queues=0",
		"path=/tmp/x.sock,queues=x",
		"path=/tmp/x.sock,server=2",
		"path=/tmp/x.sock,packed_vq=yes",
		"path=/tmp/x.sock,queue_size=100",
		"path=/tmp/x.sock,queue_size=65536",
		"path=/tmp/x.sock,mac=01:02",
		"path=/tmp/x.sock,cq=1",
		"path=/tmp/x.sock,nosuchkey=1",
	};
	uint16_t before = rte_eth_dev_count_avail();

	for (unsigned int i = 0; i < RTE_DIM(bad); i++) {
		TEST_ASSERT(rte_vdev_init("net_virtio_user_bad", bad[i]) != 0, "'%s' accepted",
			    bad[i]);
		TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before, "'%s' left a port", bad[i]);
	}
	return TEST_SUCCESS;
}

static const struct test_case virtio_user_cases[] = {
	/* clang-format off */
	TEST_CASE(test_virtio_user_args),
	TEST_CASE(test_virtio_user_split_2q),
	TEST_CASE(test_virtio_user_packed),
	TEST_CASE(test_virtio_user_packed_2q),
	TEST_CASE(test_virtio_user_server_restart),
	TEST_CASE(test_virtio_user_server_restart_packed),
	TEST_CASE(test_virtio_user_memory_grows),
	TEST_CASES_END(),
	/* clang-format on */
};

REGISTER_TEST_SUITE(pmd_virtio_user, TEST_SUITE_EAL, virtio_user_cases);
