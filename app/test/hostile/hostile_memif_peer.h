/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A memif client written by hand (hostile_memif): it speaks the control
 * protocol to a server port and owns one region holding a C2S and an S2C
 * ring of HM_SLOTS slots each, followed by their buffers, so that a test
 * or a fuzz target can then write in the rings whatever a peer could.
 */
#ifndef _HOSTILE_MEMIF_PEER_H_
#define _HOSTILE_MEMIF_PEER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "memif_proto.h"

#define HM_LOG2 4
#define HM_SLOTS (1u << HM_LOG2)
#define HM_BSIZE 2048u
#define HM_RING_BYTES (sizeof(struct memif_ring) + HM_SLOTS * sizeof(struct memif_desc))
#define HM_BUFS_OFF (2 * HM_RING_BYTES)
#define HM_SIZE (HM_BUFS_OFF + 2 * HM_SLOTS * HM_BSIZE)

/* The fake client: its socket, region and the two rings in it. */
struct hm_peer {
	int sock;
	int memfd;
	int efd[2];
	uint8_t *mem;
	struct memif_ring *c2s;
	struct memif_ring *s2c;
	uint16_t c2s_head;
};

/* Send len bytes of msg, with fd attached if fd >= 0. 0 or -1. */
int hm_send(struct hm_peer *p, const struct memif_msg *msg, size_t len, int fd);
/* The server's next message type, or -1 (closed, or nothing in 5 s). */
int hm_recv(struct hm_peer *p, struct memif_msg *msg);
/* Send one message and expect the reply type back. 0 or -1. */
int hm_call(struct hm_peer *p, struct memif_msg *msg, int fd, int want);
/*
 * Connect to the abstract socket sock_name, read HELLO, send INIT; build
 * the region (sealed against shrinking if asked). 0 or -1; either way
 * hm_peer_close() releases what was made.
 */
int hm_peer_open(struct hm_peer *p, const char *sock_name, bool seal);
void hm_peer_close(struct hm_peer *p);
/* ADD_REGION of size bytes (the memfd attached); 0 if the reply is want. */
int hm_add_region(struct hm_peer *p, uint64_t size, int want);
/* ADD_RING for the ring at offset of region 0; 0 if acknowledged. */
int hm_add_ring(struct hm_peer *p, bool c2s, uint32_t offset);
/* The whole good setup after hm_peer_open: region, both rings, CONNECT. */
int hm_peer_connect(struct hm_peer *p);
/* Publish one C2S descriptor at the peer's head as the peer wrote it. */
void hm_c2s_put(struct hm_peer *p, uint16_t flags, uint16_t region, uint32_t offset,
		uint32_t length);

#endif
