/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Traffic against a peer process (DPDK's or Sluice's testpmd forwarding in
 * io mode back out of the port it received on): numbered frames whose
 * every byte is known, sent in a window and compared byte for byte when
 * they come back. Shared by the tests of the ports that have peers
 * (net_memif, net_vhost).
 */
#ifndef _PEER_FRAMES_H_
#define _PEER_FRAMES_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <rte_mbuf.h>

#define PEER_MAX_FRAME 9000
#define PEER_NB_MBUF 4095

struct peer_traffic {
	struct rte_mempool *mp;
	uint16_t port;
	uint16_t queue;
	const uint32_t *sizes; /* frame i has sizes[i % nsizes] bytes */
	unsigned int nsizes;
	uint32_t frames;
	uint32_t window; /* frames in flight, well inside the rings */
};

/* Frame seq of len bytes, spread over as many segments of mp as it needs. */
struct rte_mbuf *peer_frame(struct rte_mempool *mp, uint32_t seq, uint32_t len);
/* 0 when m is frame seq of len bytes, byte for byte. */
int peer_frame_check(const struct rte_mbuf *m, uint32_t seq, uint32_t len);
int peer_wait_link(uint16_t port, int up, unsigned int ms);
/* Send a probe until one comes back on the queue, then let the rest drain. */
int peer_wait_forwarding(struct rte_mempool *mp, uint16_t port, uint16_t queue);
/*
 * Send every frame, take every frame back in order and intact, and
 * nothing else; with the port's counters (one queue in use) exactly that.
 */
int peer_exchange(const struct peer_traffic *t, bool check_stats);
/* The full path of prog in $PATH, or an empty string. */
void peer_which(const char *prog, char *out, size_t len);
/* sluice-testpmd of this build, or an empty string. */
void peer_sluice_testpmd(char *out, size_t len);
/* Run prog with argv (NULL-terminated, argv[0] included), its output to /dev/null. */
/* A pool of 4095 default-sized mbufs for the peer tests, made on first use. */
struct rte_mempool *peer_pool(void);
void peer_pool_free(void);

/*
 * A testpmd (prog) forwarding in io mode, each queue back out of itself,
 * on the port of vdev with nb_queues Rx and Tx queues; its output goes
 * nowhere.
 */
pid_t peer_testpmd_spawn(const char *prog, const char *vdev, const char *prefix,
			 unsigned int nb_queues);
pid_t peer_spawn(const char *prog, char *const argv[]);
void peer_kill(pid_t pid, int sig);

#endif /* _PEER_FRAMES_H_ */
