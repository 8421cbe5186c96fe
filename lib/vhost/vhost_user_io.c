/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One vhost-user message on the socket. The header is read on its own so
 * that its fds (which the kernel attaches to the first byte) are taken with
 * it and its size is checked before the payload is read into the union.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "vhost_private.h"
#include "vhost_user_io.h"

int
vhost_user_msg_send(int sock, const struct vhost_user_msg *hdr, const void *payload, size_t len,
		    const int *fds, unsigned int nfds)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int) * VHOST_USER_SEND_MAX_FDS)];
	} ctl;
	/* sendmsg() does not write through iov_base; the casts only drop const */
	struct iovec iov[2] = {
		{.iov_base = (void *)(uintptr_t)hdr, .iov_len = VHOST_USER_HDR_SIZE},
		{.iov_base = (void *)(uintptr_t)payload, .iov_len = len},
	};
	struct msghdr mh = {.msg_iov = iov, .msg_iovlen = len > 0 ? 2 : 1};
	ssize_t n;

	if (nfds > VHOST_USER_SEND_MAX_FDS)
		return -EINVAL;
	if (nfds > 0) {
		struct cmsghdr *c;

		memset(&ctl, 0, sizeof(ctl));
		mh.msg_control = ctl.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
	}
	do {
		n = sendmsg(sock, &mh, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return (size_t)n == VHOST_USER_HDR_SIZE + len ? 0 : -EIO;
}

static void
vhost_user_fds_close(int *fds, unsigned int *nfds)
{
	for (unsigned int i = 0; i < *nfds; i++)
		close(fds[i]);
	*nfds = 0;
}

/* Keep the fds of every SCM_RIGHTS block that fit in fds, close the rest. */
static void
vhost_user_fds_take(struct msghdr *mh, int *fds, unsigned int *nfds)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(mh); c != NULL; c = CMSG_NXTHDR(mh, c)) {
		size_t n;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < n; i++) {
			int f;

			memcpy(&f, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
			if (*nfds < VHOST_USER_RECV_MAX_FDS)
				fds[(*nfds)++] = f;
			else
				close(f);
		}
	}
}

/* Exactly len bytes (MSG_WAITALL), with the fds of the first segment when mh has room. */
static ssize_t
vhost_user_recv_all(int sock, struct msghdr *mh)
{
	ssize_t n;

	do {
		n = recvmsg(sock, mh, MSG_WAITALL | MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

int
vhost_user_msg_recv(int sock, struct vhost_user_msg *msg, int *fds, unsigned int *nfds)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int) * VHOST_USER_RECV_MAX_FDS)];
	} ctl;
	struct iovec iov = {.iov_base = msg, .iov_len = VHOST_USER_HDR_SIZE};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	unsigned int none = 0;
	ssize_t n;
	int ret;

	if (fds == NULL)
		nfds = &none;
	*nfds = 0;
	if (fds != NULL) {
		mh.msg_control = ctl.buf;
		mh.msg_controllen = sizeof(ctl.buf);
	}
	n = vhost_user_recv_all(sock, &mh);
	if (n <= 0)
		return (int)n;
	if (fds != NULL)
		vhost_user_fds_take(&mh, fds, nfds);
	if (fds != NULL && (mh.msg_flags & MSG_CTRUNC)) {
		VHOST_LOG(ERR, "vhost: a message came with more than %u fds\n",
			  VHOST_USER_RECV_MAX_FDS);
		ret = -EBADMSG;
		goto out_close_fds;
	}
	if ((size_t)n != VHOST_USER_HDR_SIZE) {
		ret = -EBADMSG;
		goto out_close_fds;
	}
	if ((msg->flags & VHOST_USER_VERSION_MASK) != VHOST_USER_VERSION ||
	    msg->size > VHOST_USER_PAYLOAD_MAX) {
		ret = -EPROTO;
		goto out_close_fds;
	}
	if (msg->size == 0)
		return 1;
	iov = (struct iovec){.iov_base = &msg->payload, .iov_len = msg->size};
	mh = (struct msghdr){.msg_iov = &iov, .msg_iovlen = 1};
	n = vhost_user_recv_all(sock, &mh);
	if (n == (ssize_t)msg->size)
		return 1;
	ret = n == 0 ? -ECONNRESET : n < 0 ? (int)n : -EBADMSG;

out_close_fds:
	vhost_user_fds_close(fds, nfds);
	return ret;
}
