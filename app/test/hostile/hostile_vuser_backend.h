/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A vhost-user back-end that lies, on a thread of the test process: it
 * answers the front-end's requests, or answers one of them wrongly (the
 * fault), and records the rings it is given so the test can write bad
 * used entries into them. In the same process the front-end's virtual
 * addresses are the back-end's too: nothing needs mapping.
 */
#ifndef _HOSTILE_VUSER_BACKEND_H_
#define _HOSTILE_VUSER_BACKEND_H_

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

enum hvu_fault {
	HVU_GOOD,
	HVU_SHORT_REPLY,   /* GET_FEATURES answered with 4 bytes */
	HVU_WRONG_REQUEST, /* GET_FEATURES answered as another request */
	HVU_NO_REPLY_FLAG, /* GET_FEATURES answered without the reply flag */
	HVU_NO_VERSION_1,  /* features without VIRTIO_F_VERSION_1 */
	HVU_ABSURD_QUEUES, /* GET_QUEUE_NUM says 2^40 */
	HVU_ZERO_QUEUES,   /* GET_QUEUE_NUM says 0 */
	HVU_HANG_UP,	   /* closes the connection at GET_FEATURES */
};

#define HVU_VRINGS 2

struct hvu_vring {
	uint64_t desc, avail, used; /* front-end addresses */
	uint32_t num;
};

struct hvu_backend {
	char path[108];
	enum hvu_fault fault;
	int listen_fd;
	int fd;
	pthread_t thread;
	struct hvu_vring vr[HVU_VRINGS];
	atomic_bool ready;	    /* every ring enabled */
	atomic_uint get_vring_base; /* GET_VRING_BASE requests seen */
};

/* Listen on a fresh socket and serve one connection on a thread; 0 or -1. */
int hvu_start(struct hvu_backend *b, enum hvu_fault fault);
/* Close the connection and the socket, and wait for the thread. */
void hvu_stop(struct hvu_backend *b);

#endif /* _HOSTILE_VUSER_BACKEND_H_ */
