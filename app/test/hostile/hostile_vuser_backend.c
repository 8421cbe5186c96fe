/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The lying vhost-user back-end of hostile_vuser: one connection, one
 * message at a time; each request is answered as the vhost-user
 * specification says unless the fault names it.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <vhost_user_io.h>

#include "hostile_vuser_backend.h"

#define HVU_F_VERSION_1 (1ull << 32)
#define HVU_F_PROTOCOL (1ull << VHOST_USER_F_PROTOCOL_FEATURES)

/* One request and its fds (closed here: the back-end maps nothing). */
static int
hvu_recv(int fd, struct vhost_user_msg *msg)
{
	int fds[VHOST_USER_RECV_MAX_FDS];
	unsigned int nfds;

	if (vhost_user_msg_recv(fd, msg, fds, &nfds) <= 0)
		return -1;
	for (unsigned int i = 0; i < nfds; i++)
		close(fds[i]);
	return 0;
}

static void
hvu_reply(int fd, uint32_t req, uint32_t flags, const void *payload, uint32_t size)
{
	struct vhost_user_msg hdr = {.request = req, .flags = flags, .size = size};

	(void)vhost_user_msg_send(fd, &hdr, payload, size, NULL, 0);
}

static void
hvu_reply_u64(struct hvu_backend *b, uint32_t req, uint64_t v)
{
	hvu_reply(b->fd, req, VHOST_USER_VERSION | VHOST_USER_REPLY_MASK, &v, sizeof(v));
}

/* GET_FEATURES, as the fault wants it; false when the connection is to end. */
static bool
hvu_features(struct hvu_backend *b)
{
	uint64_t f = HVU_F_VERSION_1 | HVU_F_PROTOCOL;
	uint32_t ok = VHOST_USER_VERSION | VHOST_USER_REPLY_MASK;

	switch (b->fault) {
	case HVU_SHORT_REPLY:
		hvu_reply(b->fd, VHOST_USER_GET_FEATURES, ok, &f, 4);
		break;
	case HVU_WRONG_REQUEST:
		hvu_reply(b->fd, VHOST_USER_GET_PROTOCOL_FEATURES, ok, &f, sizeof(f));
		break;
	case HVU_NO_REPLY_FLAG:
		hvu_reply(b->fd, VHOST_USER_GET_FEATURES, VHOST_USER_VERSION, &f, sizeof(f));
		break;
	case HVU_NO_VERSION_1:
		hvu_reply_u64(b, VHOST_USER_GET_FEATURES, f & ~HVU_F_VERSION_1);
		break;
	case HVU_HANG_UP:
		return false;
	default:
		hvu_reply_u64(b, VHOST_USER_GET_FEATURES, f);
		break;
	}
	return true;
}

static bool
hvu_serve(struct hvu_backend *b, struct vhost_user_msg *m)
{
	uint32_t i = m->payload.state.index;

	switch (m->request) {
	case VHOST_USER_GET_FEATURES:
		return hvu_features(b);
	case VHOST_USER_GET_PROTOCOL_FEATURES:
		hvu_reply_u64(b, m->request, 1ull << VHOST_USER_PROTOCOL_F_MQ);
		break;
	case VHOST_USER_GET_QUEUE_NUM:
		hvu_reply_u64(b, m->request,
			      b->fault == HVU_ABSURD_QUEUES ? 1ull << 40
			      : b->fault == HVU_ZERO_QUEUES ? 0
							    : 1);
		break;
	case VHOST_USER_SET_VRING_NUM:
		if (i < HVU_VRINGS)
			b->vr[i].num = m->payload.state.num;
		break;
	case VHOST_USER_SET_VRING_ADDR:
		i = m->payload.addr.index;
		if (i < HVU_VRINGS) {
			b->vr[i].desc = m->payload.addr.desc_user_addr;
			b->vr[i].avail = m->payload.addr.avail_user_addr;
			b->vr[i].used = m->payload.addr.used_user_addr;
		}
		break;
	case VHOST_USER_SET_VRING_ENABLE:
		if (i == HVU_VRINGS - 1 && m->payload.state.num == 1)
			atomic_store(&b->ready, true);
		break;
	case VHOST_USER_GET_VRING_BASE:
		atomic_fetch_add(&b->get_vring_base, 1);
		atomic_store(&b->ready, false);
		hvu_reply(b->fd, m->request, VHOST_USER_VERSION | VHOST_USER_REPLY_MASK,
			  &m->payload.state, sizeof(m->payload.state));
		break;
	default:
		break; /* SET_OWNER, SET_FEATURES, SET_MEM_TABLE, kick and call: nothing to say */
	}
	return true;
}

static void *
hvu_thread(void *arg)
{
	struct hvu_backend *b = arg;
	struct pollfd pfd = {.fd = b->listen_fd, .events = POLLIN};
	struct vhost_user_msg m;

	if (poll(&pfd, 1, 10000) != 1)
		return NULL;
	b->fd = accept(b->listen_fd, NULL, NULL);
	if (b->fd < 0)
		return NULL;
	while (hvu_recv(b->fd, &m) == 0 && hvu_serve(b, &m))
		;
	shutdown(b->fd, SHUT_RDWR);
	return NULL;
}

int
hvu_start(struct hvu_backend *b, enum hvu_fault fault)
{
	static unsigned int seq;
	struct sockaddr_un sa = {.sun_family = AF_UNIX};

	memset(b, 0, sizeof(*b));
	b->fault = fault;
	b->fd = -1;
	snprintf(b->path, sizeof(b->path), "/tmp/sluice-hvu-%d-%u.sock", (int)getpid(), seq++);
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", b->path);
	unlink(b->path);
	b->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (b->listen_fd < 0 || bind(b->listen_fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(b->listen_fd, 1) != 0 || pthread_create(&b->thread, NULL, hvu_thread, b) != 0) {
		if (b->listen_fd >= 0)
			close(b->listen_fd);
		unlink(b->path);
		return -1;
	}
	return 0;
}

void
hvu_stop(struct hvu_backend *b)
{
	if (b->fd >= 0)
		shutdown(b->fd, SHUT_RDWR);
	shutdown(b->listen_fd, SHUT_RDWR);
	pthread_join(b->thread, NULL);
	if (b->fd >= 0)
		close(b->fd);
	close(b->listen_fd);
	unlink(b->path);
}
