/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device IOTLB of a front-end behind a vIOMMU (vhost-user.rst, "IOMMU
 * support"): with VIRTIO_F_ACCESS_PLATFORM negotiated, ring and buffer
 * addresses are IOVAs. The front-end maps them with VHOST_USER_IOTLB_MSG
 * UPDATEs (IOVA range -> its virtual address, with access bits) and unmaps
 * them with INVALIDATEs; an IOVA the cache does not hold is asked for with
 * a MISS on the back-end channel the front-end gave with SET_SLAVE_REQ_FD,
 * and the ring waits for the UPDATE that answers it.
 *
 * The cache is changed only by messages, with every ring's lock held, so a
 * burst (holding its ring's lock) reads it without taking anything. The
 * channel and the pending misses are shared by the bursts of all rings and
 * have a lock of their own.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>

#include "vhost_ring.h"
#include "vhost_user_io.h"

/* struct vhost_iotlb_msg of <linux/vhost_types.h>, padding included, as QEMU sends it */
_Static_assert(sizeof(struct vhost_user_iotlb) == 32, "IOTLB message payload");

void
vhost_iotlb_init(struct vhost_dev *dev)
{
	rte_spinlock_init(&dev->iotlb.lock);
	dev->iotlb.backend_fd = -1;
}

void
vhost_iotlb_flush(struct vhost_dev *dev)
{
	struct vhost_iotlb *t = &dev->iotlb;

	t->n = 0;
	t->full_logged = false;
	rte_spinlock_lock(&t->lock);
	t->npending = 0;
	t->pending_next = 0;
	rte_spinlock_unlock(&t->lock);
}

void
vhost_iotlb_reset(struct vhost_dev *dev)
{
	struct vhost_iotlb *t = &dev->iotlb;

	vhost_iotlb_flush(dev);
	rte_spinlock_lock(&t->lock);
	if (t->backend_fd >= 0)
		close(t->backend_fd);
	t->backend_fd = -1;
	t->send_logged = false;
	rte_spinlock_unlock(&t->lock);
}

/* The entry holding iova, or NULL: a binary search over the sorted, disjoint entries. */
static const struct vhost_iotlb_entry *
vhost_iotlb_find(const struct vhost_iotlb *t, uint64_t iova)
{
	uint32_t lo = 0, hi = t->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const struct vhost_iotlb_entry *e = &t->e[mid];

		if (iova < e->iova)
			hi = mid;
		else if (iova - e->iova >= e->size)
			lo = mid + 1;
		else
			return e;
	}
	return NULL;
}

/*
 * Ask the front-end for iova with access perm, unless that was asked and
 * not answered yet. Sent from the bursts: the channel is non-blocking, and
 * a send that fails is tried again by the next poll.
 */
static void
vhost_iotlb_miss_send(struct vhost_dev *dev, uint64_t iova, uint8_t perm)
{
	struct vhost_iotlb *t = &dev->iotlb;
	struct vhost_user_msg msg = {
		.request = VHOST_USER_BACKEND_IOTLB_MSG,
		.flags = VHOST_USER_VERSION,
		.size = sizeof(struct vhost_user_iotlb),
	};
	int ret;

	rte_spinlock_lock(&t->lock);
	for (uint32_t i = 0; i < t->npending; i++)
		if (t->pending[i].iova == iova && (t->pending[i].perm & perm) == perm)
			goto out_unlock;
	if (t->backend_fd < 0) {
		if (!t->send_logged)
			VHOST_LOG(ERR,
				  "vhost: %s: IOTLB miss at IOVA 0x%jx but the front-end gave no "
				  "back-end channel (SET_SLAVE_REQ_FD): the ring waits for an "
				  "UPDATE\n",
				  dev->sock->path, (uintmax_t)iova);
		t->send_logged = true;
		goto out_unlock;
	}
	msg.payload.iotlb.iova = iova;
	msg.payload.iotlb.perm = perm;
	msg.payload.iotlb.type = VHOST_USER_IOTLB_MISS;
	ret = vhost_user_msg_send(t->backend_fd, &msg, &msg.payload, msg.size, NULL, 0);
	if (ret != 0) {
		if (!t->send_logged)
			VHOST_LOG(ERR,
				  "vhost: %s: IOTLB miss request on the back-end channel: %s\n",
				  dev->sock->path, strerror(-ret));
		t->send_logged = true;
		goto out_unlock;
	}
	/* when full, the oldest pending miss is forgotten: it is asked again if still needed */
	t->pending[t->pending_next].iova = iova;
	t->pending[t->pending_next].perm = perm;
	t->pending_next = (t->pending_next + 1) % VHOST_IOTLB_MAX_PENDING;
	if (t->npending < VHOST_IOTLB_MAX_PENDING)
		t->npending++;
out_unlock:
	rte_spinlock_unlock(&t->lock);
}

/*
 * The piece of [iova, iova + len) that one entry maps: its host address and
 * length (at most len). -EAGAIN, with a miss requested, when no entry holds
 * iova with the access perm.
 */
static int
vhost_iotlb_piece(struct vhost_dev *dev, uint64_t iova, uint64_t len, uint8_t perm, uint8_t **host,
		  uint64_t *n)
{
	const struct vhost_iotlb_entry *e = vhost_iotlb_find(&dev->iotlb, iova);
	uint64_t off;

	if (e == NULL || (e->perm & perm) != perm) {
		vhost_iotlb_miss_send(dev, iova, perm);
		return -EAGAIN;
	}
	off = iova - e->iova;
	*host = e->host + off;
	*n = RTE_MIN(len, e->size - off);
	return 0;
}

int
vhost_iotlb_ring_map(struct vhost_dev *dev, uint64_t iova, uint64_t len, uint8_t perm, void **va)
{
	uint8_t *start = NULL, *next = NULL;

	/* an entry never ends past 2^64 - 1 (UPDATE refuses it), so iova += n cannot wrap */
	while (len > 0) {
		uint8_t *host;
		uint64_t n;
		int ret = vhost_iotlb_piece(dev, iova, len, perm, &host, &n);

		if (ret < 0)
			return ret;
		/* a ring is read through one pointer: entries that split it must meet here */
		if (start != NULL && host != next)
			return -EFAULT;
		if (start == NULL)
			start = host;
		next = host + n;
		iova += n;
		len -= n;
	}
	*va = start;
	return 0;
}

int
vhost_iotlb_desc_map(struct vhost_dev *dev, uint64_t iova, uint64_t len, uint8_t perm,
		     struct vhost_buf *bufs, unsigned int *nbufs)
{
	while (len > 0) {
		uint8_t *host;
		uint64_t n;
		int ret;

		if (*nbufs >= VHOST_BUF_VEC_MAX)
			return -1;
		ret = vhost_iotlb_piece(dev, iova, len, perm, &host, &n);
		if (ret < 0)
			return ret;
		bufs[*nbufs].va = host;
		bufs[*nbufs].len = (uint32_t)n; /* len came from a 32-bit descriptor field */
		(*nbufs)++;
		iova += n;
		len -= n;
	}
	return 0;
}

/* Drop every entry that shares a byte with [first, last] (inclusive: last may be 2^64 - 1). */
static void
vhost_iotlb_remove(struct vhost_iotlb *t, uint64_t first, uint64_t last)
{
	uint32_t w = 0;

	for (uint32_t i = 0; i < t->n; i++) {
		const struct vhost_iotlb_entry *e = &t->e[i];

		if (e->iova <= last && first <= e->iova + (e->size - 1))
			continue;
		t->e[w++] = *e;
	}
	t->n = w;
}

/* Make room for one entry: the oldest goes. */
static void
vhost_iotlb_evict(struct vhost_dev *dev)
{
	struct vhost_iotlb *t = &dev->iotlb;
	uint32_t oldest = 0;

	if (!t->full_logged)
		VHOST_LOG(NOTICE,
			  "vhost: %s: IOTLB full (%u entries): the oldest are dropped and asked "
			  "for again when used\n",
			  dev->sock->path, VHOST_IOTLB_MAX_ENTRIES);
	t->full_logged = true;
	for (uint32_t i = 1; i < t->n; i++)
		if (t->e[i].seq < t->e[oldest].seq)
			oldest = i;
	memmove(&t->e[oldest], &t->e[oldest + 1], (t->n - oldest - 1) * sizeof(t->e[0]));
	t->n--;
}

static void
vhost_iotlb_insert(struct vhost_dev *dev, uint64_t iova, uint64_t size, uint8_t *host, uint8_t perm)
{
	struct vhost_iotlb *t = &dev->iotlb;
	uint32_t pos = 0;

	/* a newer mapping of any byte replaces the older one */
	vhost_iotlb_remove(t, iova, iova + (size - 1));
	if (t->n == VHOST_IOTLB_MAX_ENTRIES)
		vhost_iotlb_evict(dev);
	while (pos < t->n && t->e[pos].iova < iova)
		pos++;
	memmove(&t->e[pos + 1], &t->e[pos], (t->n - pos) * sizeof(t->e[0]));
	t->e[pos] = (struct vhost_iotlb_entry){
		.iova = iova, .size = size, .host = host, .seq = t->seq++, .perm = perm};
	t->n++;
	/* the misses this answers may be asked again */
	rte_spinlock_lock(&t->lock);
	for (uint32_t i = 0; i < t->npending;) {
		if (t->pending[i].iova - iova < size)
			t->pending[i] = t->pending[--t->npending];
		else
			i++;
	}
	t->pending_next = t->npending % VHOST_IOTLB_MAX_PENDING;
	rte_spinlock_unlock(&t->lock);
}

/* Rings whose parts share a byte with [first, last] find them again before their next burst. */
static void
vhost_iotlb_rings_invalidate(struct vhost_dev *dev, uint64_t first, uint64_t last)
{
	for (unsigned int i = 0; i < dev->nr_vring; i++) {
		struct vhost_vq *vq = &dev->vq[i];
		struct vhost_ring_part part[3];

		if (vq->desc == NULL)
			continue;
		vhost_ring_parts(vq, vq->packed, part);
		for (unsigned int p = 0; p < 3; p++) {
			uint64_t end = part[p].addr + part[p].len - 1;

			if (part[p].addr <= last && first <= end) {
				vq->desc = NULL;
				vq->avail = NULL;
				vq->used = NULL;
				break;
			}
		}
	}
}

static int
vhost_iotlb_update(struct vhost_dev *dev, const struct vhost_user_iotlb *m)
{
	uint8_t *host;

	if (m->size == 0 || m->iova + m->size < m->iova || m->uaddr + m->size < m->uaddr) {
		VHOST_LOG(
			ERR,
			"vhost: %s: IOTLB UPDATE of IOVA 0x%jx size 0x%jx uaddr 0x%jx is empty or "
			"wraps around the address space\n",
			dev->sock->path, (uintmax_t)m->iova, (uintmax_t)m->size,
			(uintmax_t)m->uaddr);
		return -EINVAL;
	}
	if (m->perm == 0 || (m->perm & ~VHOST_USER_ACCESS_RW) != 0) {
		VHOST_LOG(
			ERR,
			"vhost: %s: IOTLB UPDATE of IOVA 0x%jx with access 0x%x: it takes RO (1), "
			"WO (2) or RW (3)\n",
			dev->sock->path, (uintmax_t)m->iova, m->perm);
		return -EINVAL;
	}
	host = vhost_mem_uva_to_va(dev, m->uaddr, m->size);
	if (host == NULL) {
		VHOST_LOG(ERR,
			  "vhost: %s: IOTLB UPDATE maps IOVA 0x%jx to uaddr 0x%jx size 0x%jx, not "
			  "inside one region of the memory table\n",
			  dev->sock->path, (uintmax_t)m->iova, (uintmax_t)m->uaddr,
			  (uintmax_t)m->size);
		return -EINVAL;
	}
	vhost_iotlb_insert(dev, m->iova, m->size, host, m->perm);
	return 0;
}

static void
vhost_iotlb_invalidate(struct vhost_dev *dev, const struct vhost_user_iotlb *m)
{
	/*
	 * Dropping more than asked is always safe. A size of 0, or a range
	 * past 2^64, is what an invalidation of the whole space (QEMU's
	 * addr_mask + 1 of all ones) comes as: to the end of the space.
	 */
	uint64_t last = m->size == 0 || m->iova + m->size - 1 < m->iova ? UINT64_MAX
									: m->iova + m->size - 1;

	vhost_iotlb_remove(&dev->iotlb, m->iova, last);
	vhost_iotlb_rings_invalidate(dev, m->iova, last);
}

int
vhost_msg_iotlb(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds, unsigned int nfds)
{
	struct vhost_user_iotlb m;

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if (!dev->iotlb_on) {
		VHOST_LOG(ERR,
			  "vhost: %s: IOTLB message without VIRTIO_F_IOMMU_PLATFORM negotiated: "
			  "the front-end must accept that feature first\n",
			  dev->sock->path);
		return -EINVAL;
	}
	/* the payload is packed: read an aligned copy */
	memcpy(&m, &msg->payload.iotlb, sizeof(m));
	switch (m.type) {
	case VHOST_USER_IOTLB_UPDATE:
		return vhost_iotlb_update(dev, &m);
	case VHOST_USER_IOTLB_INVALIDATE:
		vhost_iotlb_invalidate(dev, &m);
		return 0;
	default:
		VHOST_LOG(ERR,
			  "vhost: %s: IOTLB message of type %u: a front-end sends UPDATE (2) or "
			  "INVALIDATE (3)\n",
			  dev->sock->path, m.type);
		return -EINVAL;
	}
}

int
vhost_msg_set_backend_req_fd(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			     unsigned int nfds)
{
	struct vhost_iotlb *t = &dev->iotlb;
	int fl;

	RTE_SET_USED(msg);
	if (!(dev->protocol_features & VIRTIO_BIT(VHOST_USER_PROTOCOL_F_SLAVE_REQ))) {
		VHOST_LOG(ERR,
			  "vhost: %s: SET_SLAVE_REQ_FD without the BACKEND_REQ protocol feature "
			  "negotiated\n",
			  dev->sock->path);
		return -EINVAL;
	}
	if (nfds != 1) {
		VHOST_LOG(ERR, "vhost: %s: SET_SLAVE_REQ_FD with %u fds: it takes exactly one\n",
			  dev->sock->path, nfds);
		return -EINVAL;
	}
	/* a burst must never wait for the front-end to read */
	fl = fcntl(fds[0], F_GETFL);
	if (fl < 0 || fcntl(fds[0], F_SETFL, fl | O_NONBLOCK) != 0) {
		VHOST_LOG(ERR, "vhost: %s: SET_SLAVE_REQ_FD: the fd is not usable: %s\n",
			  dev->sock->path, strerror(errno));
		return -EINVAL;
	}
	rte_spinlock_lock(&t->lock);
	if (t->backend_fd >= 0)
		close(t->backend_fd);
	t->backend_fd = fds[0];
	fds[0] = -1;
	t->npending = 0;
	t->pending_next = 0;
	t->send_logged = false;
	rte_spinlock_unlock(&t->lock);
	return 0;
}
