/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Traffic against a peer port in another process (a testpmd that
 * forwards every frame back out of the queue it came in on): numbered
 * frames of five sizes, up to a 9000-byte chain, sent in a window and
 * compared byte for byte on their way back. Shared by the memif and
 * virtio-user suites.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "test.h"
#include "test_peer.h"

#define PEER_NB_MBUF 4095
#define PEER_PER_SIZE 120
#define PEER_WINDOW 64 /* frames in flight: at most 320 of 1024 slots */

static const uint32_t peer_sizes[] = {64, 1000, 1518, 4000, PEER_MAX_FRAME};
#define PEER_NB_FRAMES (RTE_DIM(peer_sizes) * PEER_PER_SIZE)

struct rte_mempool *
peer_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("test_peer_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("test_peer_mp", PEER_NB_MBUF, 256, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

void
peer_pool_free(void)
{
	rte_mempool_free(rte_mempool_lookup("test_peer_mp"));
}

static uint8_t
peer_byte(uint32_t seq, uint32_t i)
{
	return (uint8_t)(seq * 31 + i * 7 + (i >> 8));
}

/* Frame seq of len bytes, spread over as many 2 KiB segments as it needs. */
struct rte_mbuf *
peer_frame(uint32_t seq, uint32_t len)
{
	struct rte_mbuf *head = rte_pktmbuf_alloc(peer_pool()), *tail = head;
	uint32_t i = 0;

	while (head != NULL && i < len) {
		uint16_t room = rte_pktmbuf_tailroom(tail);
		uint16_t n = (uint16_t)RTE_MIN((uint32_t)room, len - i);
		uint8_t *p;
		uint16_t k;

		if (room == 0) {
			struct rte_mbuf *seg = rte_pktmbuf_alloc(peer_pool());

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
			p[k] = peer_byte(seq, i + k);
		i += n;
	}
	return head;
}

int
peer_frame_check(const struct rte_mbuf *m, uint32_t seq, uint32_t len)
{
	static uint8_t buf[PEER_MAX_FRAME];
	const uint8_t *p;
	uint32_t i;

	if (m->pkt_len != len)
		return -1;
	p = rte_pktmbuf_read(m, 0, len, buf);
	for (i = 0; p != NULL && i < len; i++)
		if (p[i] != peer_byte(seq, i))
			return -1;
	return p == NULL ? -1 : 0;
}

int
peer_wait_link(uint16_t port, int up, unsigned int ms)
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
int
peer_wait_forwarding(uint16_t port, uint16_t queue)
{
	struct rte_mbuf *rx[32], *m;
	unsigned int i;
	uint16_t n = 0;

	for (i = 0; i < 400 && n == 0; i++) {
		m = peer_frame(UINT32_MAX, 64);
		if (m != NULL && rte_eth_tx_burst(port, queue, &m, 1) != 1)
			rte_pktmbuf_free(m);
		rte_delay_us_sleep(50000);
		n = rte_eth_rx_burst(port, queue, rx, RTE_DIM(rx));
		rte_pktmbuf_free_bulk(rx, n);
	}
	if (n == 0)
		return -1;
	rte_delay_us_sleep(100000);
	do {
		rte_delay_us_sleep(50000);
		n = rte_eth_rx_burst(port, queue, rx, RTE_DIM(rx));
		rte_pktmbuf_free_bulk(rx, n);
	} while (n > 0);
	return 0;
}

/*
 * Send every frame, take every frame back, in order and intact; exactly
 * that many in the port's counters, and nothing else arrives.
 */
int
peer_exchange(uint16_t port, uint16_t queue)
{
	struct rte_mbuf *rx[32];
	struct rte_eth_stats st;
	uint64_t deadline = rte_get_timer_cycles() + 20 * rte_get_timer_hz();
	uint32_t sent = 0, got = 0, bad = 0;
	uint16_t n, i;

	TEST_ASSERT_SUCCESS(peer_wait_forwarding(port, queue), "the peer does not forward");
	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(port), "stats reset");
	while (got < PEER_NB_FRAMES && rte_get_timer_cycles() < deadline) {
		/* a window well inside the rings: io forwarding drops what it cannot send */
		if (sent < PEER_NB_FRAMES && sent - got < PEER_WINDOW) {
			uint32_t len = peer_sizes[sent % RTE_DIM(peer_sizes)];
			struct rte_mbuf *m = peer_frame(sent, len);

			TEST_ASSERT_NOT_NULL(m, "frame %u", sent);
			if (rte_eth_tx_burst(port, queue, &m, 1) == 1)
				sent++;
			else
				rte_pktmbuf_free(m);
		}
		n = rte_eth_rx_burst(port, queue, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++, got++) {
			uint32_t len = peer_sizes[got % RTE_DIM(peer_sizes)];

			if (peer_frame_check(rx[i], got, len) != 0)
				bad++;
		}
		rte_pktmbuf_free_bulk(rx, n);
		if (n == 0 && (sent == PEER_NB_FRAMES || sent - got >= PEER_WINDOW))
			rte_delay_us_sleep(1000);
	}
	rte_delay_us_sleep(200000);
	n = rte_eth_rx_burst(port, queue, rx, RTE_DIM(rx));
	rte_pktmbuf_free_bulk(rx, n);
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(port, &st), "stats");
	if (got != PEER_NB_FRAMES)
		printf("port stats: %" PRIu64 " out (%" PRIu64 " errors), %" PRIu64 " in (%" PRIu64
		       " errors, %" PRIu64 " without mbufs)\n",
		       st.opackets, st.oerrors, st.ipackets, st.ierrors, st.rx_nombuf);
	TEST_ASSERT_EQUAL(sent, PEER_NB_FRAMES, "sent %u of %zu", sent, PEER_NB_FRAMES);
	TEST_ASSERT_EQUAL(got, PEER_NB_FRAMES, "got back %u of %zu", got, PEER_NB_FRAMES);
	TEST_ASSERT_EQUAL(bad, 0, "%u frames came back different", bad);
	TEST_ASSERT_EQUAL(n, 0, "%u frames more than sent", n);
	TEST_ASSERT_EQUAL(st.opackets, PEER_NB_FRAMES, "opackets %" PRIu64, st.opackets);
	TEST_ASSERT_EQUAL(st.ipackets, PEER_NB_FRAMES, "ipackets %" PRIu64, st.ipackets);
	TEST_ASSERT_EQUAL(st.ibytes, st.obytes, "bytes in %" PRIu64 " out %" PRIu64, st.ibytes,
			  st.obytes);
	TEST_ASSERT_EQUAL(st.ierrors + st.oerrors, 0, "errors");
	return TEST_SUCCESS;
}

/* The full path of prog in $PATH, or an empty string. */
void
peer_which(const char *prog, char *out, size_t len)
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
void
peer_sluice_testpmd(char *out, size_t len)
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

/*
 * A testpmd (prog) forwarding in io mode, each queue back out of itself,
 * on the port of vdev with nb_queues Rx and Tx queues; its output goes
 * nowhere.
 */
pid_t
peer_testpmd_spawn(const char *prog, const char *vdev, const char *prefix, unsigned int nb_queues)
{
	char rxq[32], txq[32];
	pid_t pid;

	snprintf(rxq, sizeof(rxq), "--rxq=%u", nb_queues);
	snprintf(txq, sizeof(txq), "--txq=%u", nb_queues);
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
		      rxq, txq, (char *)NULL);
		_exit(127);
	}
	return pid;
}

void
peer_kill(pid_t pid, int sig)
{
	int status;

	if (pid <= 0)
		return;
	kill(pid, sig);
	waitpid(pid, &status, 0);
}
