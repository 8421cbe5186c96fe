/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif against a client that lies (hostile_memif). The test speaks
 * the control protocol itself, with its own region and rings, to a server
 * port, then writes what a broken or malicious peer could: ring indices
 * past the ring, descriptors whose buffers leave the region or name a
 * region that does not exist, lengths past everything, a chain that never
 * ends, posted Tx buffers outside the region; and, on fresh connections,
 * messages of the wrong size, an unsealed region, a region larger than its
 * file, a ring outside its region. The port drops and counts each fault,
 * keeps passing good frames, and refuses each bad setup with its reason.
 * Run it in the ASan build to see that nothing is read or written outside.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "hostile_memif_peer.h"
#include "test.h"

static char hm_sock_name[64];
static uint16_t hm_port;

static struct rte_mempool *
hm_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("hostile_memif_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("hostile_memif_mp", 1023, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

/* The message that ends a refused setup: DISCONNECT carrying reason. */
static int
hm_expect_refusal(struct hm_peer *p, const char *reason)
{
	struct memif_msg msg;

	if (hm_recv(p, &msg) != MEMIF_MSG_DISCONNECT) {
		printf("no DISCONNECT for '%s'\n", reason);
		return -1;
	}
	if (strncmp((const char *)msg.disconnect.string, reason, sizeof(msg.disconnect.string))) {
		printf("DISCONNECT says '%.96s', not '%s'\n", msg.disconnect.string, reason);
		return -1;
	}
	return 0;
}

static int
hm_wait_link(int up)
{
	struct rte_eth_link link;
	int i;

	for (i = 0; i < 500; i++) {
		if (rte_eth_link_get_nowait(hm_port, &link) == 0 && link.link_status == up)
			return 0;
		rte_delay_us_sleep(10000);
	}
	return -1;
}

static int
hm_setup(void)
{
	struct rte_eth_conf conf;
	char args[128];

	snprintf(hm_sock_name, sizeof(hm_sock_name), "sluice-hostile-memif-%d", (int)getpid());
	snprintf(args, sizeof(args), "role=server,socket=%s,rsize=%u", hm_sock_name, HM_LOG2);
	memset(&conf, 0, sizeof(conf));
	if (hm_pool() == NULL || rte_vdev_init("net_memif_hostile", args) != 0 ||
	    rte_eth_dev_get_port_by_name("net_memif_hostile", &hm_port) != 0 ||
	    rte_eth_dev_configure(hm_port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(hm_port, 0, 0, SOCKET_ID_ANY, NULL, hm_pool()) != 0 ||
	    rte_eth_tx_queue_setup(hm_port, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(hm_port) != 0)
		return -1;
	return 0;
}

static void
hm_teardown(void)
{
	rte_eth_dev_stop(hm_port);
	rte_vdev_uninit("net_memif_hostile");
	rte_mempool_free(rte_mempool_lookup("hostile_memif_mp"));
}

static uint16_t
hm_rx(void)
{
	struct rte_mbuf *m[HM_SLOTS * 2];
	uint16_t n = rte_eth_rx_burst(hm_port, 0, m, RTE_DIM(m));

	rte_pktmbuf_free_bulk(m, n);
	return n;
}

static uint64_t
hm_ierrors(void)
{
	struct rte_eth_stats st;

	return rte_eth_stats_get(hm_port, &st) == 0 ? st.ierrors : UINT64_MAX;
}

static uint64_t
hm_oerrors(void)
{
	struct rte_eth_stats st;

	return rte_eth_stats_get(hm_port, &st) == 0 ? st.oerrors : UINT64_MAX;
}

static int
hm_tx_one(void)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(hm_pool());
	uint16_t n;

	if (m == NULL || rte_pktmbuf_append(m, 60) == NULL)
		return -1;
	memset(rte_pktmbuf_mtod(m, void *), 0xab, 60);
	n = rte_eth_tx_burst(hm_port, 0, &m, 1);
	if (n == 0)
		rte_pktmbuf_free(m);
	return n;
}

/* A connected hostile peer writing bad rings; the port counts and survives. */
static int
test_hostile_memif_rings(void)
{
	struct hm_peer p;
	uint64_t e;
	uint16_t i;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hm_setup(), "server port");
	if (hm_peer_open(&p, hm_sock_name, true) != 0 || hm_peer_connect(&p) != 0 ||
	    hm_wait_link(1) != 0) {
		printf("setup refused or not connected\n");
		goto out;
	}
	/* a good frame first */
	hm_c2s_put(&p, 0, 0, HM_BUFS_OFF, 64);
	if (hm_rx() != 1 || hm_ierrors() != 0) {
		printf("a good frame was not received\n");
		goto out;
	}
	/* head 100 slots ahead of a 16-slot ring: nothing taken, counted */
	__atomic_store_n(&p.c2s->head, p.c2s_head + 100, __ATOMIC_RELEASE);
	if (hm_rx() != 0 || hm_ierrors() != 1) {
		printf("bad head: not refused\n");
		goto out;
	}
	__atomic_store_n(&p.c2s->head, p.c2s_head, __ATOMIC_RELEASE);
	/* buffers outside the region, past it, in a region that is not there */
	e = hm_ierrors();
	hm_c2s_put(&p, 0, 0, HM_SIZE - 10, 64);
	hm_c2s_put(&p, 0, 0, HM_BUFS_OFF, 0x80000000u);
	hm_c2s_put(&p, 0, 0, UINT32_MAX, UINT32_MAX);
	hm_c2s_put(&p, 0, 5, HM_BUFS_OFF, 64);
	hm_c2s_put(&p, MEMIF_DESC_NEXT, 0, HM_BUFS_OFF, 64);
	hm_c2s_put(&p, 0, 0, HM_SIZE, 1);
	if (hm_rx() != 0 || hm_ierrors() != e + 5) {
		printf("bad descriptors: %" PRIu64 " errors counted, want 5\n", hm_ierrors() - e);
		goto out;
	}
	/* a chain that fills the whole ring and never ends */
	e = hm_ierrors();
	for (i = 0; i < HM_SLOTS; i++)
		hm_c2s_put(&p, MEMIF_DESC_NEXT, 0, HM_BUFS_OFF, 64);
	if (hm_rx() != 0 || hm_ierrors() != e + 1) {
		printf("endless chain not refused\n");
		goto out;
	}
	hm_c2s_put(&p, 0, 0, HM_BUFS_OFF, 64);
	if (hm_rx() != 1) {
		printf("a good frame after the faults was not received\n");
		goto out;
	}
	/* Tx: posted head past the ring, then buffers outside the region */
	__atomic_store_n(&p.s2c->head, 1000, __ATOMIC_RELEASE);
	if (hm_tx_one() != 0 || hm_oerrors() != 1) {
		printf("bad posted head: not refused\n");
		goto out;
	}
	p.s2c->desc[0].offset = HM_SIZE - 100;
	p.s2c->desc[0].length = HM_BSIZE;
	__atomic_store_n(&p.s2c->head, 1, __ATOMIC_RELEASE);
	if (hm_tx_one() != 0 || hm_oerrors() != 2) {
		printf("posted buffer outside the region: not refused\n");
		goto out;
	}
	p.s2c->desc[0].offset = HM_BUFS_OFF + HM_SLOTS * HM_BSIZE;
	if (hm_tx_one() != 1 || __atomic_load_n(&p.s2c->tail, __ATOMIC_ACQUIRE) != 1 ||
	    p.s2c->desc[0].length != 60) {
		printf("a good posted buffer was not filled\n");
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	hm_peer_close(&p);
	if (ret == TEST_SUCCESS && hm_wait_link(0) != 0) {
		printf("link still up after the peer left\n");
		ret = TEST_FAILED;
	}
	hm_teardown();
	return ret;
}

/* Bad setups on fresh connections: each refused with its reason. */
static int
test_hostile_memif_setup(void)
{
	struct memif_msg msg;
	struct hm_peer p;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hm_setup(), "server port");
	/* a message that is not 128 bytes */
	if (hm_peer_open(&p, hm_sock_name, true) != 0)
		goto out;
	memset(&msg, 0, sizeof(msg));
	msg.type = MEMIF_MSG_ADD_REGION;
	if (hm_send(&p, &msg, 64, -1) != 0 || hm_expect_refusal(&p, "Invalid message size") != 0)
		goto out;
	hm_peer_close(&p);
	/* a region its owner could shrink under us */
	if (hm_peer_open(&p, hm_sock_name, false) != 0 ||
	    hm_add_region(&p, HM_SIZE, MEMIF_MSG_DISCONNECT) != 0)
		goto out;
	hm_peer_close(&p);
	/* a region larger than its file */
	if (hm_peer_open(&p, hm_sock_name, true) != 0 ||
	    hm_add_region(&p, HM_SIZE * 4, MEMIF_MSG_DISCONNECT))
		goto out;
	hm_peer_close(&p);
	/* a ring past the end of its region */
	if (hm_peer_open(&p, hm_sock_name, true) != 0 ||
	    hm_add_region(&p, HM_SIZE, MEMIF_MSG_ACK) != 0 ||
	    hm_add_ring(&p, true, HM_SIZE - 64) != 0)
		goto out;
	memset(&msg, 0, sizeof(msg));
	msg.type = MEMIF_MSG_CONNECT;
	if (hm_send(&p, &msg, sizeof(msg), -1) != 0 ||
	    hm_expect_refusal(&p, "Ring outside its region") != 0)
		goto out;
	hm_peer_close(&p);
	/* idle connections that never say INIT do not lock a client out */
	{
		struct sockaddr_un un = {.sun_family = AF_UNIX};
		socklen_t len;
		int idle[24], closed = 0;
		bool bad = false;
		unsigned int i;
		char c;

		strcpy(un.sun_path + 1, hm_sock_name);
		len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
				  strlen(hm_sock_name));
		for (i = 0; i < RTE_DIM(idle); i++) {
			idle[i] = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
			if (idle[i] >= 0 && connect(idle[i], (struct sockaddr *)&un, len) != 0) {
				close(idle[i]);
				idle[i] = -1;
			}
			rte_delay_us_sleep(2000);
		}
		rte_delay_us_sleep(100000);
		for (i = 0; i < RTE_DIM(idle); i++) {
			/* HELLO first; a closed one then reads the end */
			while (idle[i] >= 0 && recv(idle[i], &msg, sizeof(msg), MSG_DONTWAIT) > 0)
				;
			if (idle[i] >= 0 && recv(idle[i], &c, 1, MSG_DONTWAIT) == 0)
				closed++;
		}
		if (hm_peer_open(&p, hm_sock_name, true) != 0) {
			printf("a client was locked out by idle connections\n");
			bad = true;
		} else if (closed != (int)RTE_DIM(idle) - 16) {
			/* the server keeps the 16 newest */
			printf("%d of %zu idle connections closed\n", closed, RTE_DIM(idle));
			bad = true;
		}
		for (i = 0; i < RTE_DIM(idle); i++)
			if (idle[i] >= 0)
				close(idle[i]);
		if (bad)
			goto out;
		hm_peer_close(&p);
	}
	/* and a good client still connects afterwards */
	if (hm_peer_open(&p, hm_sock_name, true) != 0 || hm_peer_connect(&p) != 0 ||
	    hm_wait_link(1) != 0)
		goto out;
	/* a DISCONNECT whose reason, and all after it, has no NUL */
	memset(&msg, 'A', sizeof(msg));
	msg.type = MEMIF_MSG_DISCONNECT;
	if (hm_send(&p, &msg, sizeof(msg), -1) != 0 || hm_wait_link(0) != 0)
		goto out;
	ret = TEST_SUCCESS;
out:
	hm_peer_close(&p);
	hm_teardown();
	return ret;
}

static const struct test_case hm_cases[] = {
	TEST_CASE(test_hostile_memif_rings),
	TEST_CASE(test_hostile_memif_setup),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hostile_memif, TEST_SUITE_EAL, hm_cases);
