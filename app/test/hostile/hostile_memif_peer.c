/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hand-written memif client of hostile_memif (see the header). Each
 * call blocks at most the 5 s receive timeout set at open.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>

#include "hostile_memif_peer.h"

int
hm_send(struct hm_peer *p, const struct memif_msg *msg, size_t len, int fd)
{
	char ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = {.iov_base = (void *)(uintptr_t)msg, .iov_len = len};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	struct cmsghdr *c;

	if (fd >= 0) {
		memset(ctl, 0, sizeof(ctl));
		mh.msg_control = ctl;
		mh.msg_controllen = sizeof(ctl);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_len = CMSG_LEN(sizeof(int));
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	return sendmsg(p->sock, &mh, MSG_NOSIGNAL) == (ssize_t)len ? 0 : -1;
}

int
hm_recv(struct hm_peer *p, struct memif_msg *msg)
{
	ssize_t n = recv(p->sock, msg, sizeof(*msg), 0);

	return n == (ssize_t)sizeof(*msg) ? msg->type : -1;
}

int
hm_call(struct hm_peer *p, struct memif_msg *msg, int fd, int want)
{
	struct memif_msg reply;

	if (hm_send(p, msg, sizeof(*msg), fd) != 0)
		return -1;
	return hm_recv(p, &reply) == want ? 0 : -1;
}

void
hm_peer_close(struct hm_peer *p)
{
	if (p->sock >= 0)
		close(p->sock);
	if (p->mem != NULL)
		munmap(p->mem, HM_SIZE);
	if (p->memfd >= 0)
		close(p->memfd);
	if (p->efd[0] >= 0)
		close(p->efd[0]);
	if (p->efd[1] >= 0)
		close(p->efd[1]);
	memset(p, 0, sizeof(*p));
	p->sock = p->memfd = p->efd[0] = p->efd[1] = -1;
}

int
hm_peer_open(struct hm_peer *p, const char *sock_name, bool seal)
{
	struct timeval tv = {.tv_sec = 5};
	struct sockaddr_un un = {.sun_family = AF_UNIX};
	struct memif_msg msg;
	socklen_t len;
	uint32_t r, j;

	memset(p, 0, sizeof(*p));
	p->sock = p->memfd = p->efd[0] = p->efd[1] = -1;
	strcpy(un.sun_path + 1, sock_name);
	len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(sock_name));
	p->sock = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (p->sock < 0 || setsockopt(p->sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0 ||
	    connect(p->sock, (struct sockaddr *)&un, len) < 0 ||
	    hm_recv(p, &msg) != MEMIF_MSG_HELLO)
		return -1;
	memset(&msg, 0, sizeof(msg));
	msg.type = MEMIF_MSG_INIT;
	msg.init.version = MEMIF_VERSION;
	msg.init.id = 0;
	msg.init.mode = MEMIF_MODE_ETHERNET;
	if (hm_call(p, &msg, -1, MEMIF_MSG_ACK) != 0)
		return -1;
	p->memfd = memfd_create("hostile_memif", MFD_ALLOW_SEALING | MFD_CLOEXEC);
	if (p->memfd < 0 || ftruncate(p->memfd, HM_SIZE) < 0 ||
	    (seal && fcntl(p->memfd, F_ADD_SEALS, F_SEAL_SHRINK) < 0))
		return -1;
	p->mem = mmap(NULL, HM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, p->memfd, 0);
	if (p->mem == MAP_FAILED) {
		p->mem = NULL;
		return -1;
	}
	p->c2s = (struct memif_ring *)(void *)p->mem;
	p->s2c = (struct memif_ring *)(void *)(p->mem + HM_RING_BYTES);
	for (r = 0; r < 2; r++) {
		struct memif_ring *ring = r == 0 ? p->c2s : p->s2c;

		ring->cookie = MEMIF_COOKIE;
		for (j = 0; j < HM_SLOTS; j++) {
			ring->desc[j].offset = HM_BUFS_OFF + (r * HM_SLOTS + j) * HM_BSIZE;
			ring->desc[j].length = HM_BSIZE;
		}
	}
	p->efd[0] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	p->efd[1] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	return p->efd[0] >= 0 && p->efd[1] >= 0 ? 0 : -1;
}

int
hm_add_region(struct hm_peer *p, uint64_t size, int want)
{
	struct memif_msg msg;

	memset(&msg, 0, sizeof(msg));
	msg.type = MEMIF_MSG_ADD_REGION;
	msg.add_region.size = size;
	return hm_call(p, &msg, p->memfd, want);
}

int
hm_add_ring(struct hm_peer *p, bool c2s, uint32_t offset)
{
	struct memif_msg msg;

	memset(&msg, 0, sizeof(msg));
	msg.type = MEMIF_MSG_ADD_RING;
	msg.add_ring.flags = c2s ? MEMIF_ADD_RING_C2S : 0;
	msg.add_ring.offset = offset;
	msg.add_ring.log2_ring_size = HM_LOG2;
	return hm_call(p, &msg, p->efd[c2s ? 0 : 1], MEMIF_MSG_ACK);
}

int
hm_peer_connect(struct hm_peer *p)
{
	struct memif_msg msg;

	if (hm_add_region(p, HM_SIZE, MEMIF_MSG_ACK) != 0 || hm_add_ring(p, true, 0) != 0 ||
	    hm_add_ring(p, false, HM_RING_BYTES) != 0)
		return -1;
	memset(&msg, 0, sizeof(msg));
	msg.type = MEMIF_MSG_CONNECT;
	return hm_call(p, &msg, -1, MEMIF_MSG_CONNECTED);
}

void
hm_c2s_put(struct hm_peer *p, uint16_t flags, uint16_t region, uint32_t offset, uint32_t length)
{
	struct memif_desc *d = &p->c2s->desc[p->c2s_head & (HM_SLOTS - 1)];

	d->flags = flags;
	d->region = region;
	d->offset = offset;
	d->length = length;
	p->c2s_head++;
	__atomic_store_n(&p->c2s->head, p->c2s_head, __ATOMIC_RELEASE);
}
