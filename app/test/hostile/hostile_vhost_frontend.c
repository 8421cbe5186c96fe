/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <vhost_user_io.h>

#include "hostile_vhost_frontend.h"

/* ring r's parts: descriptors, avail, used, each on its own 4 KiB page */
#define HV_RING_OFF(r) ((r)*16384u)

int
hv_open(struct hv_frontend *fe, const char *path)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};

	memset(fe, 0, sizeof(*fe));
	fe->sock = -1;
	for (int i = 0; i < 2; i++)
		fe->kickfd[i] = fe->callfd[i] = -1;
	fe->memfd = memfd_create("hostile-vhost", MFD_CLOEXEC);
	if (fe->memfd < 0 || ftruncate(fe->memfd, HV_MEM_SIZE) != 0)
		goto out_close;
	fe->mem = mmap(NULL, HV_MEM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fe->memfd, 0);
	if (fe->mem == MAP_FAILED) {
		fe->mem = NULL;
		goto out_close;
	}
	for (unsigned int r = 0; r < 2; r++) {
		fe->ring[r].desc = (void *)(fe->mem + HV_RING_OFF(r));
		fe->ring[r].avail = (void *)(fe->mem + HV_RING_OFF(r) + 4096);
		fe->ring[r].used = (void *)(fe->mem + HV_RING_OFF(r) + 8192);
		fe->kickfd[r] = eventfd(0, EFD_CLOEXEC);
		fe->callfd[r] = eventfd(0, EFD_CLOEXEC);
	}
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	fe->sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fe->sock < 0 || connect(fe->sock, (struct sockaddr *)&sun, sizeof(sun)) != 0)
		goto out_close;
	return 0;

out_close:
	hv_close(fe);
	return -1;
}

void
hv_close(struct hv_frontend *fe)
{
	if (fe->sock >= 0)
		close(fe->sock);
	if (fe->mem != NULL)
		munmap(fe->mem, HV_MEM_SIZE);
	if (fe->memfd >= 0)
		close(fe->memfd);
	for (int i = 0; i < 2; i++) {
		if (fe->kickfd[i] >= 0)
			close(fe->kickfd[i]);
		if (fe->callfd[i] >= 0)
			close(fe->callfd[i]);
	}
	memset(fe, 0, sizeof(*fe));
	fe->sock = fe->memfd = -1;
	for (int i = 0; i < 2; i++)
		fe->kickfd[i] = fe->callfd[i] = -1;
}

int
hv_send(struct hv_frontend *fe, uint32_t request, const void *payload, uint32_t size,
	const int *fds, unsigned int nfds)
{
	struct vhost_user_msg hdr = {.request = request, .flags = VHOST_USER_VERSION, .size = size};
	/* without a payload only the header goes, claiming size bytes that never come */
	size_t len = payload != NULL ? size : 0;

	return vhost_user_msg_send(fe->sock, &hdr, payload, len, fds, nfds) < 0 ? -1 : 0;
}

int
hv_recv(struct hv_frontend *fe, void *out, uint32_t len)
{
	struct vhost_user_msg msg;

	if (vhost_user_msg_recv(fe->sock, &msg, NULL, NULL) <= 0)
		return -1;
	memcpy(out, &msg.payload, msg.size < len ? msg.size : len);
	return (int)msg.size;
}

int
hv_closed_by_peer(struct hv_frontend *fe, unsigned int ms)
{
	struct pollfd p = {.fd = fe->sock, .events = POLLIN};
	char c;

	if (poll(&p, 1, (int)ms) <= 0)
		return 0;
	/* a close with our bytes still unread there arrives as a reset */
	ssize_t n = recv(fe->sock, &c, 1, MSG_DONTWAIT);

	return n == 0 || (n < 0 && errno == ECONNRESET);
}

uint64_t
hv_gpa(const struct hv_frontend *fe, uint64_t off)
{
	return (uint64_t)(uintptr_t)fe->mem + off;
}

struct vhost_user_memory
hv_mem_table(const struct hv_frontend *fe)
{
	struct vhost_user_memory m = {.nregions = 1};

	m.regions[0].guest_phys_addr = hv_gpa(fe, 0);
	m.regions[0].userspace_addr = hv_gpa(fe, 0);
	m.regions[0].memory_size = HV_MEM_SIZE;
	m.regions[0].mmap_offset = 0;
	return m;
}

static int
hv_send_u64(struct hv_frontend *fe, uint32_t request, uint64_t v, const int *fds, unsigned int nfds)
{
	return hv_send(fe, request, &v, sizeof(v), fds, nfds);
}

static int
hv_send_state(struct hv_frontend *fe, uint32_t request, uint32_t index, uint32_t num)
{
	struct vhost_user_vring_state st = {.index = index, .num = num};

	return hv_send(fe, request, &st, sizeof(st), NULL, 0);
}

int
hv_setup(struct hv_frontend *fe, uint64_t extra_features)
{
	struct vhost_user_memory m = hv_mem_table(fe);
	uint64_t features;
	int ret = 0;

	if (hv_send(fe, VHOST_USER_GET_FEATURES, NULL, 0, NULL, 0) != 0 ||
	    hv_recv(fe, &features, sizeof(features)) != sizeof(features))
		return -1;
	ret |= hv_send_u64(fe, VHOST_USER_SET_FEATURES,
			   features & (VIRTIO_BIT(VIRTIO_F_VERSION_1) | extra_features), NULL, 0);
	ret |= hv_send(fe, VHOST_USER_SET_OWNER, NULL, 0, NULL, 0);
	ret |= hv_send(fe, VHOST_USER_SET_MEM_TABLE, &m,
		       offsetof(struct vhost_user_memory, regions) + sizeof(m.regions[0]),
		       &fe->memfd, 1);
	for (unsigned int r = 0; r < 2; r++) {
		struct vhost_user_vring_addr a = {
			.index = r,
			.desc_user_addr = hv_gpa(fe, HV_RING_OFF(r)),
			.avail_user_addr = hv_gpa(fe, HV_RING_OFF(r) + 4096),
			.used_user_addr = hv_gpa(fe, HV_RING_OFF(r) + 8192),
		};

		memset(fe->mem + HV_RING_OFF(r), 0, 16384);
		fe->ring[r].desc_next = 0;
		fe->ring[r].wrap = true;
		ret |= hv_send_state(fe, VHOST_USER_SET_VRING_NUM, r, HV_NUM);
		/*
		 * a packed ring starts with wrap counters 1: the avail one in
		 * bit 15 of the base, the used one in bit 31, as QEMU sends it
		 */
		ret |= hv_send_state(fe, VHOST_USER_SET_VRING_BASE, r,
				     extra_features & VIRTIO_BIT(VIRTIO_F_RING_PACKED)
					     ? 1u << 15 | 1u << 31
					     : 0);
		ret |= hv_send(fe, VHOST_USER_SET_VRING_ADDR, &a, sizeof(a), NULL, 0);
		ret |= hv_send_u64(fe, VHOST_USER_SET_VRING_CALL, r, &fe->callfd[r], 1);
		/* without protocol features the kick fd starts the ring */
		ret |= hv_send_u64(fe, VHOST_USER_SET_VRING_KICK, r, &fe->kickfd[r], 1);
	}
	return ret != 0 ? -1 : 0;
}

void
hv_post(struct hv_frontend *fe, unsigned int r, const struct vring_desc *desc, unsigned int n,
	bool keep_next)
{
	struct hv_ring *ring = &fe->ring[r];
	uint16_t head = ring->desc_next % HV_NUM;
	uint16_t pos = ring->avail->idx;

	for (unsigned int i = 0; i < n; i++) {
		struct vring_desc d = desc[i];

		if (!keep_next)
			d.next = (uint16_t)((head + i + 1) % HV_NUM);
		ring->desc[(head + i) % HV_NUM] = d;
	}
	ring->desc_next = (uint16_t)(ring->desc_next + n);
	ring->avail->ring[pos % HV_NUM] = head;
	/* 2.6.13: the entry before the index that publishes it */
	__atomic_store_n(&ring->avail->idx, (uint16_t)(pos + 1), __ATOMIC_RELEASE);
}

void
hv_post_packed(struct hv_frontend *fe, unsigned int r, const struct vring_packed_desc *desc,
	       unsigned int n, uint16_t id)
{
	struct vring_packed_desc *ring = (struct vring_packed_desc *)fe->ring[r].desc;
	struct hv_ring *hr = &fe->ring[r];
	uint16_t first = hr->desc_next, first_flags = 0;

	for (unsigned int i = 0; i < n; i++) {
		uint16_t pos = hr->desc_next;
		/* 2.7.1: AVAIL as the wrap counter, USED its inverse */
		uint16_t flags = (uint16_t)((desc[i].flags & ~(VRING_PACKED_DESC_F_AVAIL |
							       VRING_PACKED_DESC_F_USED)) |
					    (hr->wrap ? VRING_PACKED_DESC_F_AVAIL
						      : VRING_PACKED_DESC_F_USED) |
					    (i + 1 < n ? VRING_DESC_F_NEXT : 0));

		ring[pos].addr = desc[i].addr;
		ring[pos].len = desc[i].len;
		ring[pos].id = id;
		if (i == 0)
			first_flags = flags;
		else
			ring[pos].flags = flags;
		if (++hr->desc_next == HV_NUM) {
			hr->desc_next = 0;
			hr->wrap = !hr->wrap;
		}
	}
	/* 2.7.21: the chain's first flags last, after everything else */
	__atomic_store_n(&ring[first].flags, first_flags, __ATOMIC_RELEASE);
}
