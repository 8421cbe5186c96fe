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

#define MEMIF_T_NB_MBUF 4095
#define MEMIF_T_PER_SIZE 120
#define MEMIF_T_MAX_FRAME 9000
#define MEMIF_T_WINDOW 64 /* frames in flight: at most 320 of 1024 slots */

static const uint32_t memif_t_sizes[] = {64, 1000, 1518, 4000, MEMIF_T_MAX_FRAME};
#define MEMIF_T_NB_FRAMES (RTE_DIM(memif_t_sizes) * MEMIF_T_PER_SIZE)

static struct rte_mempool *
memif_t_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("pmd_memif_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("pmd_memif_mp", MEMIF_T_NB_MBUF, 256, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static uint8_t
memif_t_byte(uint32_t seq, uint32_t i)
{
	return (uint8_t)(seq * 31 + i * 7 + (i >> 8));
}

/* Frame seq of len bytes, spread over as many 2 KiB segments as it needs. */
static struct rte_mbuf *
memif_t_frame(uint32_t seq, uint32_t len)
{
	struct rte_mbuf *head = rte_pktmbuf_alloc(memif_t_pool()), *tail = head;
	uint32_t i = 0;

	while (head != NULL && i < len) {
		uint16_t room = rte_pktmbuf_tailroom(tail);
		uint16_t n = (uint16_t)RTE_MIN((uint32_t)room, len - i);
		uint8_t *p;
		uint16_t k;

		if (room == 0) {
			struct rte_mbuf *seg = rte_pktmbuf_alloc(memif_t_pool());

			if (seg == NULL || rte_pktmbuf_chain(head, seg) != 0) {
				rte_pktmbuf_free(seg);
				rte_pktmbuf_free(head);
				return NULL;
			}
			tail = seg;
			continue;
		}
		p = (uint8_t *)rte_pktmbuf_append(tail, n);
		if (tail != head)
			head->pkt_len += n;
		for (k = 0; k < n; k++)
			p[k] = memif_t_byte(seq, i + k);
		i += n;
	}
	return head;
}

static int
memif_t_frame_check(const struct rte_mbuf *m, uint32_t seq, uint32_t len)
{
	static uint8_t buf[MEMIF_T_MAX_FRAME];
	const uint8_t *p;
	uint32_t i;

	if (m->pkt_len != len)
		return -1;
	p = rte_pktmbuf_read(m, 0, len, buf);
	for (i = 0; p != NULL && i < len; i++)
		if (p[i] != memif_t_byte(seq, i))
			return -1;
	return p == NULL ? -1 : 0;
}

static int
memif_t_wait_link(uint16_t port, int up, unsigned int ms)
{
	struct rte_eth_link link;
	unsigned int i;

	for (i = 0; i < ms / 10; i++) {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status == up)
			return 0;
		rte_delay_us_sleep(10000);
	}
	return -1;
}

/*
 * A peer's link comes up before it forwards (testpmd drains its Rx queues
 * first): send a probe until one comes back, then let the rest drain.
 */
static int
memif_t_wait_forwarding(uint16_t port)
{
	struct rte_mbuf *rx[32], *m;
	unsigned int i;
	uint16_t n = 0;

	for (i = 0; i < 400 && n == 0; i++) {
		m = memif_t_frame(UINT32_MAX, 64);
		if (m != NULL && rte_eth_tx_burst(port, 0, &m, 1) != 1)
			rte_pktmbuf_free(m);
		rte_delay_us_sleep(50000);
		n = rte_eth_rx_burst(port, 0, rx, RTE_DIM(rx));
		rte_pktmbuf_free_bulk(rx, n);
	}
	if (n == 0)
		return -1;
	rte_delay_us_sleep(100000);
	do {
		rte_delay_us_sleep(50000);
		n = rte_eth_rx_burst(port, 0, rx, RTE_DIM(rx));
		rte_pktmbuf_free_bulk(rx, n);
	} while (n > 0);
	return 0;
}

/*
 * Send every frame, take every frame back, in order and intact; exactly
 * that many in the port's counters, and nothing else arrives.
 */
static int
memif_t_exchange(uint16_t port)
{
	struct rte_mbuf *rx[32];
	struct rte_eth_stats st;
	uint64_t deadline = rte_get_timer_cycles() + 20 * rte_get_timer_hz();
	uint32_t sent = 0, got = 0, bad = 0;
	uint16_t n, i;

	TEST_ASSERT_SUCCESS(memif_t_wait_forwarding(port), "the peer does not forward");
	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(port), "stats reset");
	while (got < MEMIF_T_NB_FRAMES && rte_get_timer_cycles() < deadline) {
		/* a window well inside the rings: io forwarding drops what it cannot send */
		if (sent < MEMIF_T_NB_FRAMES && sent - got < MEMIF_T_WINDOW) {
			uint32_t len = memif_t_sizes[sent % RTE_DIM(memif_t_sizes)];
			struct rte_mbuf *m = memif_t_frame(sent, len);

			TEST_ASSERT_NOT_NULL(m, "frame %u", sent);
			if (rte_eth_tx_burst(port, 0, &m, 1) == 1)
				sent++;
			else
				rte_pktmbuf_free(m);
		}
		n = rte_eth_rx_burst(port, 0, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++, got++) {
			uint32_t len = memif_t_sizes[got % RTE_DIM(memif_t_sizes)];

			if (memif_t_frame_check(rx[i], got, len) != 0)
				bad++;
		}
		rte_pktmbuf_free_bulk(rx, n);
		if (n == 0 && (sent == MEMIF_T_NB_FRAMES || sent - got >= MEMIF_T_WINDOW))
			rte_delay_us_sleep(1000);
	}
	rte_delay_us_sleep(200000);
	n = rte_eth_rx_burst(port, 0, rx, RTE_DIM(rx));
	rte_pktmbuf_free_bulk(rx, n);
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(port, &st), "stats");
	if (got != MEMIF_T_NB_FRAMES)
		printf("port stats: %" PRIu64 " out (%" PRIu64 " errors), %" PRIu64 " in (%" PRIu64
		       " errors, %" PRIu64 " without mbufs)\n",
		       st.opackets, st.oerrors, st.ipackets, st.ierrors, st.rx_nombuf);
	TEST_ASSERT_EQUAL(sent, MEMIF_T_NB_FRAMES, "sent %u of %zu", sent, MEMIF_T_NB_FRAMES);
	TEST_ASSERT_EQUAL(got, MEMIF_T_NB_FRAMES, "got back %u of %zu", got, MEMIF_T_NB_FRAMES);
	TEST_ASSERT_EQUAL(bad, 0, "%u frames came back different", bad);
	TEST_ASSERT_EQUAL(n, 0, "%u frames more than sent", n);
	TEST_ASSERT_EQUAL(st.opackets, MEMIF_T_NB_FRAMES, "opackets %" PRIu64, st.opackets);
	TEST_ASSERT_EQUAL(st.ipackets, MEMIF_T_NB_FRAMES, "ipackets %" PRIu64, st.ipackets);
	TEST_ASSERT_EQUAL(st.ibytes, st.obytes, "bytes in %" PRIu64 " out %" PRIu64, st.ibytes,
			  st.obytes);
	TEST_ASSERT_EQUAL(st.ierrors + st.oerrors, 0, "errors");
	return TEST_SUCCESS;
}

/* The full path of prog in $PATH, or an empty string. */
static void
memif_t_which(const char *prog, char *out, size_t len)
{
	const char *path = getenv("PATH");
	char dirs[4096];
	char *dir, *save = NULL;

	out[0] = '\0';
	if (path == NULL)
		return;
	snprintf(dirs, sizeof(dirs), "%s", path);
	for (dir = strtok_r(dirs, ":", &save); dir != NULL; dir = strtok_r(NULL, ":", &save)) {
		snprintf(out, len, "%s/%s", dir, prog);
		if (access(out, X_OK) == 0)
			return;
	}
	out[0] = '\0';
}

/* sluice-testpmd of this build, beside this program's directory. */
static void
memif_t_sluice_testpmd(char *out, size_t len)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	out[0] = '\0';
	if (n <= 0)
		return;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash == NULL)
		return;
	*slash = '\0';
	if (snprintf(out, len, "%s/../testpmd/sluice-testpmd", self) >= (int)len ||
	    access(out, X_OK) != 0)
		out[0] = '\0';
}

/* A testpmd peer forwarding in io mode on one memif port with vdev args. */
static pid_t
memif_t_peer_spawn(const char *prog, const char *args, const char *prefix)
{
	char vdev[256];
	pid_t pid;

	snprintf(vdev, sizeof(vdev), "net_memif0,%s", args);
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl(prog, prog, "-l", "0-1", "--no-huge", "-m", "512", "--no-pci",
		      "--file-prefix", prefix, "--vdev", vdev, "--", "--forward-mode=io",
		      "--port-topology=loop", "--stats-period", "1", "--total-num-mbufs", "16384",
		      (char *)NULL);
		_exit(127);
	}
	return pid;
}

static void
memif_t_peer_kill(pid_t pid, int sig)
{
	int status;

	if (pid <= 0)
		return;
	kill(pid, sig);
	waitpid(pid, &status, 0);
}

static int
memif_t_port_start(uint16_t port)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, 0, SOCKET_ID_ANY, NULL, memif_t_pool());
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
	pid = memif_t_peer_spawn(prog, peer_args, "sluice-memif-peer");
	if (memif_t_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
		printf("link not up with %s\n", prog);
		goto out;
	}
	if (memif_t_exchange(port) != TEST_SUCCESS)
		goto out;
	if (restart) {
		memif_t_peer_kill(pid, SIGKILL);
		pid = -1;
		if (memif_t_wait_link(port, RTE_ETH_LINK_DOWN, 5000) != 0) {
			printf("link still up after the peer was killed\n");
			goto out;
		}
		pid = memif_t_peer_spawn(prog, peer_args, "sluice-memif-peer");
		if (memif_t_wait_link(port, RTE_ETH_LINK_UP, 30000) != 0) {
			printf("link not up again with a new %s\n", prog);
			goto out;
		}
		if (memif_t_exchange(port) != TEST_SUCCESS)
			goto out;
	}
	ret = TEST_SUCCESS;
out:
	memif_t_peer_kill(pid, SIGTERM);
	rte_eth_dev_stop(port);
	rte_vdev_uninit("net_memif_t");
	rte_mempool_free(rte_mempool_lookup("pmd_memif_mp"));
	return ret;
}

static int
memif_t_against_dpdk(const char *ours, const char *theirs)
{
	char prog[PATH_MAX];

	memif_t_which("dpdk-testpmd", prog, sizeof(prog));
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

	memif_t_sluice_testpmd(prog, sizeof(prog));
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
			struct rte_mbuf *f = memif_t_frame(seq0 + sent, len);

			if (f != NULL && rte_eth_tx_burst(tx, 0, &f, 1) == 1)
				sent++;
			else
				rte_pktmbuf_free(f);
		}
		k = rte_eth_rx_burst(rx, 0, m, RTE_DIM(m));
		for (i = 0; i < k; i++, got++)
			bad += memif_t_frame_check(m[i], seq0 + got, len) != 0;
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
		if (memif_t_wait_link(port[i], RTE_ETH_LINK_UP, 5000) != 0) {
			printf("%s: link not up\n", names[i]);
			goto out;
		}
	/* client 0 -> server 0, server 1 -> client 1, 9000-byte chains included */
	if (memif_t_one_way(port[2], port[0], 0, 1518, 50) != 0 ||
	    memif_t_one_way(port[1], port[3], 1000, MEMIF_T_MAX_FRAME, 20) != 0 ||
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
	rte_mempool_free(rte_mempool_lookup("pmd_memif_mp"));
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
	    memif_t_port_start(cli) || memif_t_wait_link(cli, RTE_ETH_LINK_UP, 5000) != 0 ||
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
	rte_mempool_free(rte_mempool_lookup("pmd_memif_mp"));
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
