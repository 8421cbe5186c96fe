/* SPDX-License-Identifier: BSD-3-Clause */
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "peer_frames.h"
#include "test.h"

static uint8_t
peer_byte(uint32_t seq, uint32_t i)
{
	return (uint8_t)(seq * 31 + i * 7 + (i >> 8));
}

struct rte_mbuf *
peer_frame(struct rte_mempool *mp, uint32_t seq, uint32_t len)
{
	struct rte_mbuf *head = rte_pktmbuf_alloc(mp), *tail = head;
	uint32_t i = 0;

	while (head != NULL && i < len) {
		uint16_t room = rte_pktmbuf_tailroom(tail);
		uint16_t n = (uint16_t)RTE_MIN((uint32_t)room, len - i);
		uint8_t *p;
		uint16_t k;

		if (room == 0) {
			struct rte_mbuf *seg = rte_pktmbuf_alloc(mp);

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

	if (m->pkt_len != len || len > sizeof(buf))
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
peer_wait_forwarding(struct rte_mempool *mp, uint16_t port, uint16_t queue)
{
	struct rte_mbuf *rx[32], *m;
	unsigned int i;
	uint16_t n = 0;

	for (i = 0; i < 400 && n == 0; i++) {
		m = peer_frame(mp, UINT32_MAX, 64);
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

int
peer_exchange(const struct peer_traffic *t, bool check_stats)
{
	struct rte_mbuf *rx[32];
	struct rte_eth_stats st;
	uint64_t deadline = rte_get_timer_cycles() + 20 * rte_get_timer_hz();
	uint32_t sent = 0, got = 0, bad = 0;
	uint16_t n, i;

	TEST_ASSERT_SUCCESS(peer_wait_forwarding(t->mp, t->port, t->queue),
			    "the peer does not forward on queue %u", t->queue);
	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(t->port), "stats reset");
	while (got < t->frames && rte_get_timer_cycles() < deadline) {
		/* io forwarding drops what it cannot send: stay well inside the rings */
		if (sent < t->frames && sent - got < t->window) {
			uint32_t len = t->sizes[sent % t->nsizes];
			struct rte_mbuf *m = peer_frame(t->mp, sent, len);

			TEST_ASSERT_NOT_NULL(m, "frame %u", sent);
			if (rte_eth_tx_burst(t->port, t->queue, &m, 1) == 1)
				sent++;
			else
				rte_pktmbuf_free(m);
		}
		n = rte_eth_rx_burst(t->port, t->queue, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++, got++)
			bad += peer_frame_check(rx[i], got, t->sizes[got % t->nsizes]) != 0;
		rte_pktmbuf_free_bulk(rx, n);
		if (n == 0 && (sent == t->frames || sent - got >= t->window))
			rte_delay_us_sleep(1000);
	}
	rte_delay_us_sleep(200000);
	n = rte_eth_rx_burst(t->port, t->queue, rx, RTE_DIM(rx));
	rte_pktmbuf_free_bulk(rx, n);
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(t->port, &st), "stats");
	if (got != t->frames)
		printf("port stats: %" PRIu64 " out (%" PRIu64 " errors), %" PRIu64 " in (%" PRIu64
		       " errors, %" PRIu64 " without mbufs)\n",
		       st.opackets, st.oerrors, st.ipackets, st.ierrors, st.rx_nombuf);
	TEST_ASSERT_EQUAL(sent, t->frames, "sent %u of %u", sent, t->frames);
	TEST_ASSERT_EQUAL(got, t->frames, "got back %u of %u", got, t->frames);
	TEST_ASSERT_EQUAL(bad, 0, "%u frames came back different", bad);
	TEST_ASSERT_EQUAL(n, 0, "%u frames more than sent", n);
	if (!check_stats)
		return TEST_SUCCESS;
	TEST_ASSERT_EQUAL(st.opackets, t->frames, "opackets %" PRIu64, st.opackets);
	TEST_ASSERT_EQUAL(st.ipackets, t->frames, "ipackets %" PRIu64, st.ipackets);
	TEST_ASSERT_EQUAL(st.ibytes, st.obytes, "bytes in %" PRIu64 " out %" PRIu64, st.ibytes,
			  st.obytes);
	TEST_ASSERT_EQUAL(st.ierrors + st.oerrors, 0, "errors");
	return TEST_SUCCESS;
}

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

/* beside this program's directory */
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

pid_t
peer_testpmd_spawn(const char *prog, const char *vdev, const char *prefix, unsigned int nb_queues)
{
	char rxq[32], txq[32];
	char *const argv[] = {(char *)prog,
			      "-l",
			      "0-1",
			      "--no-huge",
			      "-m",
			      "512",
			      "--no-pci",
			      "--file-prefix",
			      (char *)prefix,
			      "--vdev",
			      (char *)vdev,
			      "--",
			      "--forward-mode=io",
			      "--port-topology=loop",
			      "--stats-period",
			      "1",
			      "--total-num-mbufs",
			      "16384",
			      rxq,
			      txq,
			      NULL};

	snprintf(rxq, sizeof(rxq), "--rxq=%u", nb_queues);
	snprintf(txq, sizeof(txq), "--txq=%u", nb_queues);
	return peer_spawn(prog, argv);
}

pid_t
peer_spawn(const char *prog, char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		/* a test killed mid-run (a timeout) takes its peer with it */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() == 1)
			_exit(127);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execv(prog, argv);
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
