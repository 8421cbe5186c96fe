/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A vhost-user front-end written for the tests (hostile_vhost): it speaks
 * the socket protocol itself, owns one memfd region with two split rings
 * and their buffers, and can send any message, right or wrong.
 */
#ifndef _HOSTILE_VHOST_FRONTEND_H_
#define _HOSTILE_VHOST_FRONTEND_H_

#include <stdbool.h>
#include <stdint.h>

#include "vhost_user_wire.h"
#include "virtio_ring.h"

#define HV_NUM 64	       /* ring size */
#define HV_MEM_SIZE (1u << 20) /* the one region */
#define HV_BUF_OFF 65536u      /* buffers from here on, HV_BUF_SIZE each */
#define HV_BUF_SIZE 2048u

struct hv_ring {
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	uint16_t desc_next; /* descriptors are handed out in order */
	bool wrap;	    /* packed: the driver's wrap counter (2.7.1), 1 at first */
};

struct hv_frontend {
	int sock;
	int memfd;
	uint8_t *mem; /* gpa == uva == this address, as virtio-user does */
	int kickfd[2];
	int callfd[2];
	struct hv_ring ring[2]; /* 0: receive (back-end enqueues), 1: transmit */
};

/* Map the memory and connect to the back-end's socket: 0 or -1. */
int hv_open(struct hv_frontend *fe, const char *path);
void hv_close(struct hv_frontend *fe);
/* Send one message (fds as SCM_RIGHTS): 0 or -1. */
int hv_send(struct hv_frontend *fe, uint32_t request, const void *payload, uint32_t size,
	    const int *fds, unsigned int nfds);
/* Receive a reply's payload into out (at most len bytes): its size, or -1 (closed). */
int hv_recv(struct hv_frontend *fe, void *out, uint32_t len);
/* Whether the back-end closed the connection within ms. */
int hv_closed_by_peer(struct hv_frontend *fe, unsigned int ms);
/* The memory table message for the whole region. */
struct vhost_user_memory hv_mem_table(const struct hv_frontend *fe);
/* A good setup of both rings, features VERSION_1 and extra: 0 or -1. */
int hv_setup(struct hv_frontend *fe, uint64_t extra_features);
/* Guest physical address of byte off of the region. */
uint64_t hv_gpa(const struct hv_frontend *fe, uint64_t off);
/*
 * Make one chain of n descriptors available on ring r, each next field
 * pointing to the following one unless keep_next (then desc's own).
 */
void hv_post(struct hv_frontend *fe, unsigned int r, const struct vring_desc *desc, unsigned int n,
	     bool keep_next);

/*
 * Packed rings (setup with VIRTIO_F_RING_PACKED): make one chain of n
 * descriptors available at the ring's next position, buffer id id, the
 * first descriptor's flags written last.
 */
void hv_post_packed(struct hv_frontend *fe, unsigned int r, const struct vring_packed_desc *desc,
		    unsigned int n, uint16_t id);

#endif /* _HOSTILE_VHOST_FRONTEND_H_ */
