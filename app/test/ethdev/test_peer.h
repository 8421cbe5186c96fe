/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Traffic against a testpmd peer in another process (test_peer.c).
 */
#ifndef _TEST_PEER_H_
#define _TEST_PEER_H_

#include <stdint.h>
#include <sys/types.h>

#include <rte_mbuf.h>

#define PEER_MAX_FRAME 9000

/* The mbuf pool of the frames (created on first use) and its removal */
struct rte_mempool *peer_pool(void);
void peer_pool_free(void);
/* Frame seq of len bytes, chained over 2 KiB segments; whether m is that frame */
struct rte_mbuf *peer_frame(uint32_t seq, uint32_t len);
int peer_frame_check(const struct rte_mbuf *m, uint32_t seq, uint32_t len);
/* 0 once the port's link is up (or down) within ms, else -1 */
int peer_wait_link(uint16_t port, int up, unsigned int ms);
/* 0 once a probe frame came back on the queue and the rest drained */
int peer_wait_forwarding(uint16_t port, uint16_t queue);
/* TEST_SUCCESS when every frame of five sizes came back on the queue, intact and counted */
int peer_exchange(uint16_t port, uint16_t queue);
/* prog's full path in $PATH, or sluice-testpmd of this build; "" when absent */
void peer_which(const char *prog, char *out, size_t len);
void peer_sluice_testpmd(char *out, size_t len);
/* testpmd prog forwarding in io mode on vdev's port with nb_queues queues */
pid_t peer_testpmd_spawn(const char *prog, const char *vdev, const char *prefix,
			 unsigned int nb_queues);
/* Send sig to the peer and reap it (pid <= 0: nothing) */
void peer_kill(pid_t pid, int sig);

#endif /* _TEST_PEER_H_ */
