/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif against real peers in other processes: DPDK's dpdk-testpmd
 * (net_memif of DPDK 22.11) as client and as server, and sluice-testpmd.
 * The peer forwards in io mode back out of the port it received on, so
 * every frame comes back unchanged: frames of five sizes, up to a 9000
 * byte chain of buffers each way, are compared byte for byte and counted
 * exactly. Killing the peer takes the link down; a new peer brings it up
 * and traffic flows again. Skipped when dpdk-testpmd is not installed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "test.h"
#include "test_peer.h"

static pid_t
memif_t_peer_spawn(const char *prog, const char *args)
{
	char vdev[256];

	snprintf(vdev, sizeof(vdev), "net_memif0,%s", args);
	return peer_testpmd_spawn(prog, vdev, "sluice-memif-peer", 1);
}

static int
memif_t_port_start(uint16_t port)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL, peer_pool());
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL);
	return ret != 0 ? ret : rte_eth_dev_start(port);
}

/*
 * Our port with role ours on a fresh abstract socket, the peer program
 * with the other role; traffic, then the peer killed (link down) and a new
 * one (link up, traffic again) when restart is set.
 */
static int
memif_t_against(const char *prog, const char *ours, const char *theirs, bool restart)
{
	char args[160], peer_args[160], sock[64];
	static unsigned int seq;
	uint16_t port;
	pid_t pid = -1;
	int ret = TEST_FAILED;

	snprintf(sock, sizeof(sock), "sluice-test-memif-%d-%u", (int)getpid(), seq++);
	snprintf(args, sizeof(args), "role=%s,socket=%s", ours, sock);
	snprintf(peer_args, sizeof(peer_args), "role=%s,socket=%s", theirs, sock);
	if (rte_vdev_init("net_memif_t", args) != 0 ||
	    rte_eth_dev_get_port_by_name("net_memif_t", &port) != 0) {
		printf("cannot create net_memif_t,%s\n", args);
		return TEST_FAILED;
	}
	if (memif_t_port_start(port) != 0) {
		printf("cannot start the port\n");
		goto out;
	}
	pid = memif_t_peer_spawn(prog, peer_args);
	if (peer_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
		printf("link not up with %s\n", prog);
		goto out;
	}
	if (peer_exchange(port, 0) != TEST_SUCCESS)
		goto out;
	if (restart) {
		peer_kill(pid, SIGKILL);
		pid = -1;
		if (peer_wait_link(port, RTE_ETH_LINK_DOWN, 5000) != 0) {
			printf("link still up after the peer was killed\n");
			goto out;
		}
		pid = memif_t_peer_spawn(prog, peer_args);
		if (peer_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
			printf("link not up again with a new %s\n", prog);
			goto out;
		}
		if (peer_exchange(port, 0) != TEST_SUCCESS)
			goto out;
	}
	ret = TEST_SUCCESS;
out:
	peer_kill(pid, SIGTERM);
	rte_eth_dev_stop(port);
	rte_vdev_uninit("net_memif_t");
	peer_pool_free();
	return ret;
}

static int
memif_t_against_dpdk(const char *ours, const char *theirs)
{
	char prog[PATH_MAX];

	peer_which("dpdk-testpmd", prog, sizeof(prog));
	if (prog[0] == '\0')
		return TEST_SKIPPED;
	return memif_t_against(prog, ours, theirs, true);
}

static int
test_memif_server_dpdk_client(void)
{
	return memif_t_against_dpdk("server", "client");
}

static int
test_memif_client_dpdk_server(void)
{
	return memif_t_against_dpdk("client", "server");
}

static int
test_memif_server_sluice_client(void)
{
	char prog[PATH_MAX];

	peer_sluice_testpmd(prog, sizeof(prog));
	if (prog[0] == '\0')
		return TEST_SKIPPED;
	return memif_t_against(prog, "server", "client", false);
}

/* Devargs mistakes: one line each, no port left behind. */
static int
test_memif_args(void)
{
	static const char *const bad[] = {
		"role=master",
		"bsize=0",
		"bsize=70000",
		"rsize=15",
		"rsize=x",
		"zero-copy=yes",
		"socket-abstract=maybe",
		"mac=01:02",
		"id=-1",
		"secret=0123456789012345678901234",
		"socket=/nonexistent-dir/memif.sock,socket-abstract=no",
		"nosuchkey=1",
	};
	uint16_t before = rte_eth_dev_count_avail();
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		TEST_ASSERT(rte_vdev_init("net_memif_bad", bad[i]) != 0, "'%s' accepted", bad[i]);
		TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before, "'%s' left a port", bad[i]);
	}
	/* two server interfaces with one id on one socket */
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_memif_a", "role=server,socket=sluice-dup"), "a");
	TEST_ASSERT(rte_vdev_init("net_memif_b", "role=server,socket=sluice-dup") != 0,
		    "same id twice");
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_memif_b", "role=server,socket=sluice-dup,id=1"),
			    "another id on the same socket");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_memif_a"), "a");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_memif_b"), "b");
	return TEST_SUCCESS;
}

/* Send n frames of len bytes on tx, expect exactly them on rx. */
static int
memif_t_one_way(uint16_t tx, uint16_t rx, uint32_t seq0, uint32_t len, uint32_t n)
{
	uint64_t deadline = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	struct rte_mbuf *m[32];
	uint32_t sent = 0, got = 0, bad = 0;
	uint16_t k, i;

	while (got < n && rte_get_timer_cycles() < deadline) {
		if (sent < n) {
			struct rte_mbuf *f = peer_frame(seq0 + sent, len);

			if (f != NULL && rte_eth_tx_burst(tx, 0, &f, 1) == 1)
				sent++;
			else
				rte_pktmbuf_free(f);
		}
		k = rte_eth_rx_burst(rx, 0, m, RTE_DIM(m));
		for (i = 0; i < k; i++, got++)
			bad += peer_frame_check(m[i], seq0 + got, len) != 0;
		rte_pktmbuf_free_bulk(m, k);
	}
	return got == n && bad == 0 ? 0 : -1;
}

/*
 * Two server interfaces (id 0 and 1) on one socket, two clients in the
 * same process: each client reaches the server of its id and no other.
 */
static int
test_memif_ids_one_socket(void)
{
	static const char *const names[] = {"net_memif_s0", "net_memif_s1", "net_memif_c0",
					    "net_memif_c1"};
	char args[128], sock[64];
	uint16_t port[4];
	unsigned int i;
	int ret = TEST_FAILED;

	snprintf(sock, sizeof(sock), "sluice-test-memif-ids-%d", (int)getpid());
	for (i = 0; i < 4; i++) {
		snprintf(args, sizeof(args), "role=%s,id=%u,socket=%s,rsize=8",
			 i < 2 ? "server" : "client", i % 2, sock);
		if (rte_vdev_init(names[i], args) != 0 ||
		    rte_eth_dev_get_port_by_name(names[i], &port[i]) != 0 ||
		    memif_t_port_start(port[i]) != 0) {
			printf("cannot start %s,%s\n", names[i], args);
			goto out;
		}
	}
	for (i = 0; i < 4; i++)
		if (peer_wait_link(port[i], RTE_ETH_LINK_UP, 5000) != 0) {
			printf("%s: link not up\n", names[i]);
			goto out;
		}
	/* client 0 -> server 0, server 1 -> client 1, 9000-byte chains included */
	if (memif_t_one_way(port[2], port[0], 0, 1518, 50) != 0 ||
	    memif_t_one_way(port[1], port[3], 1000, PEER_MAX_FRAME, 20) != 0 ||
	    memif_t_one_way(port[3], port[1], 2000, 64, 300) != 0) {
		printf("frames lost or changed between matching ids\n");
		goto out;
	}
	/* nothing crossed over to the other id */
	if (memif_t_one_way(port[0], port[3], 3000, 64, 1) == 0) {
		printf("a frame of id 0 arrived on id 1\n");
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	for (i = 0; i < 4; i++)
		rte_vdev_uninit(names[i]);
	peer_pool_free();
	return ret;
}

/*
 * A socket file (socket-abstract=no): a stale file left by a dead process
 * is replaced, a client on the same path connects, and the file goes with
 * the last interface.
 */
static int
test_memif_socket_file(void)
{
	struct sockaddr_un un = {.sun_family = AF_UNIX};
	char dir[] = "/tmp/sluice-memif-XXXXXX", args[200];
	uint16_t srv, cli;
	int fd, ret = TEST_FAILED;

	TEST_ASSERT_NOT_NULL(mkdtemp(dir), "mkdtemp");
	snprintf(un.sun_path, sizeof(un.sun_path), "%s/memif.sock", dir);
	fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	TEST_ASSERT(fd >= 0 && bind(fd, (struct sockaddr *)&un, sizeof(un)) == 0, "stale file");
	close(fd);
	snprintf(args, sizeof(args), "role=server,socket=%s,socket-abstract=no", un.sun_path);
	if (rte_vdev_init("net_memif_fs", args) != 0) {
		printf("a stale socket file was not replaced\n");
		goto out;
	}
	snprintf(args, sizeof(args), "role=client,socket=%s,socket-abstract=no", un.sun_path);
	if (rte_vdev_init("net_memif_fc", args) != 0 ||
	    rte_eth_dev_get_port_by_name("net_memif_fs", &srv) != 0 ||
	    rte_eth_dev_get_port_by_name("net_memif_fc", &cli) != 0 || memif_t_port_start(srv) ||
	    memif_t_port_start(cli) || peer_wait_link(cli, RTE_ETH_LINK_UP, 5000) != 0 ||
	    memif_t_one_way(cli, srv, 0, 1000, 10) != 0) {
		printf("no traffic over the socket file\n");
		goto out;
	}
	rte_vdev_uninit("net_memif_fs");
	rte_vdev_uninit("net_memif_fc");
	if (access(un.sun_path, F_OK) == 0) {
		printf("the socket file is left behind\n");
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	rte_vdev_uninit("net_memif_fs");
	rte_vdev_uninit("net_memif_fc");
	peer_pool_free();
	unlink(un.sun_path);
	rmdir(dir);
	return ret;
}

static const struct test_case memif_cases[] = {
	TEST_CASE(test_memif_args),
	TEST_CASE(test_memif_ids_one_socket),
	TEST_CASE(test_memif_socket_file),
	TEST_CASE(test_memif_server_dpdk_client),
	TEST_CASE(test_memif_client_dpdk_server),
	TEST_CASE(test_memif_server_sluice_client),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_memif, TEST_SUITE_EAL, memif_cases);
