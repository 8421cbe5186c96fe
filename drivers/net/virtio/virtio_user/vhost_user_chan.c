/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio_user: the front-end side of a vhost-user connection (QEMU's
 * docs/interop/vhost-user.rst). Requests go out with their fds as
 * SCM_RIGHTS; each reply is read with a deadline, and its header (reply
 * flag, version, request, size) is checked before its payload is used:
 * the back-end is another program and may be faulty. Any fault ends the
 * connection, which then looks like a back-end that went away.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <rte_memory.h>
#include <rte_string_fns.h>

#include <vhost_user_io.h>

#include "virtio_user.h"
#include "../virtqueue_packed.h"

#define VU_LOG(level, vu, fmt, ...) VIRTIO_LOG(level, "%s: " fmt, (vu)->hw->name, ##__VA_ARGS__)

static int
vu_addr(const struct virtio_user *vu, struct sockaddr_un *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (strlcpy(sa->sun_path, vu->path, sizeof(sa->sun_path)) >= sizeof(sa->sun_path))
		return -ENAMETOOLONG;
	return 0;
}

/* Client: connect to the back-end; server: listen for it (nothing is connected yet). */
int
vu_chan_open(struct virtio_user *vu)
{
	struct sockaddr_un sa;
	struct stat st;
	int fd, ret;

	ret = vu_addr(vu, &sa);
	if (ret != 0)
		return ret;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | (vu->server ? SOCK_NONBLOCK : 0), 0);
	if (fd < 0)
		return -errno;
	if (!vu->server) {
		if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
			ret = -errno;
			close(fd);
			return ret;
		}
		vu->fd = fd;
		return 0;
	}
	/* a socket file left by an earlier listener is in the way; anything else is not ours */
	if (stat(vu->path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(vu->path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 1) != 0) {
		ret = -errno;
		close(fd);
		return ret;
	}
	vu->listen_fd = fd;
	return 0;
}

/* Server: take a waiting back-end. 0 when one came, -EAGAIN when none is waiting. */
int
vu_chan_accept(struct virtio_user *vu)
{
	int fd = accept4(vu->listen_fd, NULL, NULL, SOCK_CLOEXEC);

	if (fd < 0)
		return errno == EWOULDBLOCK ? -EAGAIN : -errno;
	vu->fd = fd;
	return 0;
}

void
vu_chan_close(struct virtio_user *vu)
{
	if (vu->fd >= 0)
		close(vu->fd);
	vu->fd = -1;
	vu->running = false;
}

static int
vu_send(struct virtio_user *vu, struct vhost_user_msg *msg, const int *fds, unsigned int nfds)
{
	int ret;

	msg->flags = VHOST_USER_VERSION;
	ret = vhost_user_msg_send(vu->fd, msg, &msg->payload, msg->size, fds, nfds);
	if (ret != 0) {
		VU_LOG(ERR, vu, "request %u not sent to the back-end: %s\n", msg->request,
		       ret == -EIO ? "short write" : strerror(-ret));
		vu_chan_close(vu);
		return -EIO;
	}
	return 0;
}

/* Exactly len bytes within the deadline; -ETIMEDOUT, or -EIO when the peer closed. */
static int
vu_read_full(int fd, void *buf, size_t len, int timeout_ms)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	size_t got = 0;

	while (got < len) {
		ssize_t n;
		int r = poll(&pfd, 1, timeout_ms);

		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			return -ETIMEDOUT;
		if (r < 0)
			return -errno;
		n = recv(fd, (char *)buf + got, len - got, MSG_DONTWAIT);
		if (n == 0)
			return -EIO;
		if (n < 0 && errno != EAGAIN && errno != EINTR)
			return -errno;
		if (n > 0)
			got += (size_t)n;
	}
	return 0;
}

/*
 * The reply to request req with exactly size bytes of payload into out.
 * Every field of the header is checked before the payload is read.
 */
static int
vu_reply(struct virtio_user *vu, uint32_t req, void *out, uint32_t size)
{
	struct vhost_user_msg msg;
	const char *why = NULL;
	int ret;

	memset(&msg, 0, VHOST_USER_HDR_SIZE); /* what the log shows if no header came */
	ret = vu_read_full(vu->fd, &msg, VHOST_USER_HDR_SIZE, VU_REPLY_TIMEOUT_MS);
	if (ret != 0) {
		why = ret == -ETIMEDOUT ? "no reply in time" : "the connection closed";
		goto fail;
	}
	if (!(msg.flags & VHOST_USER_REPLY_MASK) ||
	    (msg.flags & VHOST_USER_VERSION_MASK) != VHOST_USER_VERSION)
		why = "a reply without the reply flag or of another protocol version";
	else if (msg.request != req)
		why = "a reply to another request";
	else if (msg.size != size)
		why = "a reply of the wrong size";
	if (why != NULL) {
		ret = -EPROTO;
		goto fail;
	}
	ret = vu_read_full(vu->fd, out, size, VU_REPLY_TIMEOUT_MS);
	if (ret != 0) {
		why = "a short reply";
		goto fail;
	}
	return 0;

fail:
	VU_LOG(ERR, vu,
	       "request %u: %s (request %u, flags %#x, %u bytes): the back-end on %s "
	       "is faulty; the connection is closed\n",
	       req, why, msg.request, msg.flags, msg.size, vu->path);
	vu_chan_close(vu);
	return ret == -ETIMEDOUT ? ret : -EPROTO;
}

static int
vu_u64_send(struct virtio_user *vu, uint32_t req, uint64_t v, int fd)
{
	struct vhost_user_msg msg = {.request = req, .size = sizeof(uint64_t)};

	msg.payload.u64 = v;
	return vu_send(vu, &msg, &fd, fd >= 0 ? 1 : 0);
}

static int
vu_u64_get(struct virtio_user *vu, uint32_t req, uint64_t *v)
{
	struct vhost_user_msg msg = {.request = req, .size = 0};
	int ret = vu_send(vu, &msg, NULL, 0);

	return ret != 0 ? ret : vu_reply(vu, req, v, sizeof(*v));
}

static int
vu_state_send(struct virtio_user *vu, uint32_t req, uint32_t index, uint32_t num)
{
	struct vhost_user_msg msg = {.request = req, .size = sizeof(msg.payload.state)};

	msg.payload.state.index = index;
	msg.payload.state.num = num;
	return vu_send(vu, &msg, NULL, 0);
}

/*
 * A new connection: ownership, the back-end's features, the protocol
 * features the driver uses (MQ), the number of queue pairs it has.
 */
int
vu_chan_handshake(struct virtio_user *vu)
{
	struct vhost_user_msg msg = {.request = VHOST_USER_SET_OWNER};
	uint64_t f, pf, nq;
	int ret;

	ret = vu_send(vu, &msg, NULL, 0);
	if (ret == 0)
		ret = vu_u64_get(vu, VHOST_USER_GET_FEATURES, &f);
	if (ret != 0)
		return ret;
	if (!(f & VIRTIO_BIT(VIRTIO_F_VERSION_1))) {
		VU_LOG(ERR, vu,
		       "the back-end on %s offers features %#" PRIx64 " without "
		       "VIRTIO_F_VERSION_1: legacy vhost-user back-ends are not supported\n",
		       vu->path, f);
		vu_chan_close(vu);
		return -ENOTSUP;
	}
	vu->protocol_features = 0;
	if (f & VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES)) {
		ret = vu_u64_get(vu, VHOST_USER_GET_PROTOCOL_FEATURES, &pf);
		if (ret != 0)
			return ret;
		vu->protocol_features = pf & VIRTIO_BIT(VHOST_USER_PROTOCOL_F_MQ);
		ret = vu_u64_send(vu, VHOST_USER_SET_PROTOCOL_FEATURES, vu->protocol_features, -1);
		if (ret != 0)
			return ret;
	}
	nq = 1;
	if (vu->protocol_features & VIRTIO_BIT(VHOST_USER_PROTOCOL_F_MQ)) {
		ret = vu_u64_get(vu, VHOST_USER_GET_QUEUE_NUM, &nq);
		if (ret != 0)
			return ret;
		/* the back-end counts queue pairs; 0 or more than a port can have is not trusted */
		if (nq == 0 || nq > RTE_MAX_QUEUES_PER_PORT) {
			VU_LOG(ERR, vu,
			       "the back-end on %s reports %" PRIu64 " queue pairs: it is "
			       "faulty\n",
			       vu->path, nq);
			vu_chan_close(vu);
			return -EPROTO;
		}
	}
	if (nq < vu->max_pairs) {
		VU_LOG(ERR, vu,
		       "the back-end on %s has %" PRIu64 " queue pair(s), queues=%u "
		       "asks for more: give the back-end more queues or use fewer\n",
		       vu->path, nq, vu->max_pairs);
		vu_chan_close(vu);
		return -EINVAL;
	}
	vu->backend_features = f;
	return 0;
}

struct vu_mem {
	struct vhost_user_memory tbl;
	int fds[VHOST_USER_MEMORY_MAX_NREGIONS];
	int err;
};

/* One run of VA-contiguous segments: one region, mapped from its fd at its offset. */
static int
vu_mem_region_add(const struct rte_memseg_list *msl __rte_unused, const struct rte_memseg *ms,
		  size_t len, void *arg)
{
	struct vu_mem *m = arg;
	struct vhost_user_mem_region *r;
	size_t off;
	int fd = rte_memseg_get_fd_thread_unsafe(ms);

	if (fd < 0 || rte_memseg_get_fd_offset_thread_unsafe(ms, &off) != 0) {
		m->err = -ENODEV;
		return -1;
	}
	if (m->tbl.nregions == VHOST_USER_MEMORY_MAX_NREGIONS) {
		m->err = -E2BIG;
		return -1;
	}
	r = &m->tbl.regions[m->tbl.nregions];
	/* the back-end translates the ring addresses it is given, our virtual ones */
	r->guest_phys_addr = ms->addr_64;
	r->userspace_addr = ms->addr_64;
	r->memory_size = len;
	r->mmap_offset = off;
	m->fds[m->tbl.nregions++] = fd;
	return 0;
}

/* in_mem_event: called from a memory event callback, which holds the memory lock */
static int
vu_mem_collect(struct vu_mem *m, bool in_mem_event)
{
	int ret;

	memset(m, 0, sizeof(*m));
	ret = in_mem_event ? rte_memseg_contig_walk_thread_unsafe(vu_mem_region_add, m)
			   : rte_memseg_contig_walk(vu_mem_region_add, m);
	if (ret < 0 || m->tbl.nregions == 0)
		return m->err != 0 ? m->err : -ENODEV;
	return 0;
}

/*
 * Whether EAL memory can be shared with a back-end: every segment the
 * rings and mbufs may live in needs a file (memfd or --huge-dir), and the
 * regions must fit one SET_MEM_TABLE. Logs the fix when not.
 */
int
vu_mem_check(const char *name)
{
	struct vu_mem m;
	int ret = vu_mem_collect(&m, false);

	if (ret == -ENODEV)
		VIRTIO_LOG(ERR,
			   "%s: EAL memory has no file to share with the vhost-user "
			   "back-end (--no-huge memory is anonymous): run with hugepages\n",
			   name);
	else if (ret == -E2BIG)
		VIRTIO_LOG(ERR,
			   "%s: EAL memory is in more than %u pieces, more than one "
			   "SET_MEM_TABLE can carry: reserve it up front (-m or --socket-mem)\n",
			   name, VHOST_USER_MEMORY_MAX_NREGIONS);
	return ret;
}

/*
 * The memory as it is now. The vhost-user specification lets SET_MEM_TABLE
 * come again while the rings run: memory that grew after the start (a
 * mempool created later) reaches the back-end this way.
 */
int
vu_mem_table_send(struct virtio_user *vu, bool in_mem_event)
{
	struct vhost_user_msg msg = {.request = VHOST_USER_SET_MEM_TABLE};
	struct vu_mem m;
	int ret = vu_mem_collect(&m, in_mem_event);

	if (ret != 0) {
		VIRTIO_LOG(ERR, "%s: EAL memory cannot be given to the back-end (%s)\n",
			   vu->hw->name,
			   ret == -E2BIG ? "more pieces than one SET_MEM_TABLE "
					   "carries: reserve memory up front with -m"
					 : "a segment has no file");
		return ret;
	}
	msg.size = (uint32_t)(offsetof(struct vhost_user_memory, regions) +
			      sizeof(m.tbl.regions[0]) * m.tbl.nregions);
	memcpy(&msg.payload.memory, &m.tbl, msg.size);
	return vu_send(vu, &msg, m.fds, m.tbl.nregions);
}

/*
 * 2.7: where a device that stopped without telling (a back-end that died)
 * left a packed ring: from the driver's used position, past every
 * descriptor it marked used and the rest of that chain (the descriptors
 * after a used one that carry its buffer id, 2.7.6), up to the first one
 * it had not used. The driver may be consuming behind this: it only ever
 * moves towards the position found, and posts beyond the chains in flight.
 */
static uint32_t
vu_packed_resume_pos(const struct virtqueue *vq)
{
	uint16_t pos = vq->used_cons, n = 0;
	bool wrap = vq->used_wrap;

	while (n < vq->size && virtq_packed_is_used(vq, pos, wrap)) {
		uint16_t id = virtq_packed_used_read(vq, pos).id, k = 1;
		bool w = wrap;
		uint16_t p = virtq_packed_pos_add(vq, pos, 1, &w);

		while (n + k < vq->size && !virtq_packed_is_used(vq, p, w) &&
		       __atomic_load_n(&vq->pdesc[p].id, __ATOMIC_RELAXED) == id) {
			k++;
			p = virtq_packed_pos_add(vq, p, 1, &w);
		}
		pos = virtq_packed_pos_add(vq, pos, k, &wrap);
		n = (uint16_t)(n + k);
	}
	return pos | ((uint32_t)wrap << 15);
}

/*
 * Where the back-end resumes a queue it takes over. For a fresh queue the
 * start (2.7.1: a packed ring's wrap counter starts at 1). For a split
 * queue that was live with an earlier back-end: the used index, read
 * once, since every entry before it is done and those after it are still
 * to do; for a packed one, past what the earlier back-end used.
 */
static uint32_t
vu_vring_base(const struct virtqueue *vq)
{
	if (vq->packed)
		return vu_packed_resume_pos(vq);
	return *(volatile uint16_t *)&vq->used->idx;
}

static int
vu_vring_setup(struct virtio_user *vu, struct virtqueue *vq)
{
	struct vhost_user_msg msg = {.request = VHOST_USER_SET_VRING_ADDR,
				     .size = sizeof(msg.payload.addr)};
	struct virtq_layout l = virtq_layout_of(vq->size, 0, vq->packed);
	uint32_t i = vq->index;
	int ret;

	ret = vu_u64_send(vu, VHOST_USER_SET_VRING_CALL, i, vu->call_fds[i]);
	if (ret == 0)
		ret = vu_state_send(vu, VHOST_USER_SET_VRING_NUM, i, vq->size);
	if (ret == 0)
		ret = vu_state_send(vu, VHOST_USER_SET_VRING_BASE, i, vu_vring_base(vq));
	if (ret != 0)
		return ret;
	msg.payload.addr.index = i;
	msg.payload.addr.desc_user_addr = virtq_mem_addr(vq, 0);
	msg.payload.addr.avail_user_addr = virtq_mem_addr(vq, l.avail_off);
	msg.payload.addr.used_user_addr = virtq_mem_addr(vq, l.used_off);
	ret = vu_send(vu, &msg, NULL, 0);
	if (ret == 0)
		ret = vu_u64_send(vu, VHOST_USER_SET_VRING_KICK, i, vu->kick_fds[i]);
	return ret;
}

/*
 * DRIVER_OK: the negotiated features, the memory, then every programmed
 * queue, enabled (with protocol features, rings start disabled).
 */
int
vu_chan_start(struct virtio_user *vu)
{
	uint64_t f = vu->features & vu->backend_features;
	uint16_t n = (uint16_t)(2 * vu->max_pairs);
	int ret;

	if (vu->backend_features & VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES))
		f |= VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES);
	ret = vu_u64_send(vu, VHOST_USER_SET_FEATURES, f, -1);
	if (ret == 0)
		ret = vu_mem_table_send(vu, false);
	for (uint16_t i = 0; ret == 0 && i < n; i++)
		if (vu->vqs[i] != NULL)
			ret = vu_vring_setup(vu, vu->vqs[i]);
	if (vu->protocol_features != 0 ||
	    (vu->backend_features & VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES)))
		for (uint16_t i = 0; ret == 0 && i < n; i++)
			if (vu->vqs[i] != NULL)
				ret = vu_state_send(vu, VHOST_USER_SET_VRING_ENABLE, i, 1);
	if (ret != 0)
		return ret;
	vu->running = true;
	return 0;
}

/* 3.1.1 reset: GET_VRING_BASE stops each ring; once answered the back-end leaves it alone. */
void
vu_chan_stop(struct virtio_user *vu)
{
	uint16_t n = (uint16_t)(2 * vu->max_pairs);

	if (!vu->running || vu->fd < 0) {
		vu->running = false;
		return;
	}
	for (uint16_t i = 0; i < n && vu->fd >= 0; i++) {
		struct vhost_user_vring_state st;

		if (vu->vqs[i] == NULL)
			continue;
		if (vu_state_send(vu, VHOST_USER_GET_VRING_BASE, i, 0) == 0)
			(void)vu_reply(vu, VHOST_USER_GET_VRING_BASE, &st, sizeof(st));
	}
	vu->running = false;
}
