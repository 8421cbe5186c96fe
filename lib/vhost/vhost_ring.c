/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The burst calls, for either ring layout, and the copies between a
 * packet's buffers in the front-end's memory and mbufs.
 */
#include <errno.h>
#include <string.h>

#include <rte_mbuf.h>
#include <rte_memcpy.h>
#include <rte_mempool.h>

#include "eal_private.h"
#include "vhost_ring.h"

static int vhost_ring_remap(struct vhost_dev *dev, struct vhost_vq *vq);

/* A ring usable now: set up, not broken, not being changed by a message. */
static struct vhost_vq *
vhost_vq_acquire(int vid, uint16_t queue_id, bool tx, struct vhost_dev **devp)
{
	struct vhost_dev *dev = vhost_dev_get(vid);
	struct vhost_vq *vq;

	/* even rings are the front-end's receive rings, odd its transmit rings */
	if (dev == NULL || queue_id >= VHOST_MAX_VRINGS || (queue_id & 1) != tx)
		return NULL;
	vq = &dev->vq[queue_id];
	if (!rte_spinlock_trylock(&vq->lock))
		return NULL;
	/* a ring without its parts found (an IOTLB invalidation) looks them up again */
	if (!vq->ready || vq->broken || (vq->desc == NULL && vhost_ring_remap(dev, vq) != 0)) {
		rte_spinlock_unlock(&vq->lock);
		return NULL;
	}
	*devp = dev;
	return vq;
}

void
vhost_vq_error(struct vhost_dev *dev, struct vhost_vq *vq, const char *what)
{
	if (vq->errors++ == 0)
		VHOST_LOG(ERR, "vhost: %s: ring %td: %s\n", dev->sock->path, vq - dev->vq, what);
}

/*
 * Empty mbufs for up to n packets of a dequeue burst into pkts: n at once
 * from the pool when it has them (one trip to the per-lcore cache), else as
 * many as it gives one by one. Returns how many.
 */
uint16_t
vhost_mbufs_prealloc(struct rte_mempool *pool, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t got = 0;

	if (n == 0 || rte_pktmbuf_alloc_bulk(pool, pkts, n) == 0)
		return n;
	while (got < n && (pkts[got] = rte_pktmbuf_alloc(pool)) != NULL)
		got++;
	return got;
}

/* Back to the pool: what a burst allocated and did not hand up. */
void
vhost_mbufs_unused_free(struct rte_mbuf **pkts, uint16_t n)
{
	if (n != 0)
		rte_pktmbuf_free_bulk(pkts, n);
}

/* head as it was allocated: empty, its extra segments back in their pool. */
static void
vhost_mbuf_empty(struct rte_mbuf *head)
{
	rte_pktmbuf_free(head->next);
	head->next = NULL;
	head->nb_segs = 1;
	head->data_len = 0;
	head->pkt_len = 0;
}

/*
 * Copy a packet of len bytes out of the buffers (the header, skip bytes,
 * left out) into head, an empty mbuf, and segments from pool as it needs:
 * 0; -ENOMEM when the pool is empty (head stays empty, the chain is for the
 * next burst); -EMSGSIZE when the socket asked for linear buffers and the
 * packet does not fit one mbuf (it is dropped).
 */
int
vhost_bufs_to_mbuf(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mempool *pool,
		   const struct vhost_buf *bufs, unsigned int nbufs, uint32_t skip, uint32_t len,
		   struct rte_mbuf *head)
{
	struct rte_mbuf *cur = head;

	if ((dev->sock->flags & RTE_VHOST_USER_LINEARBUF_SUPPORT) &&
	    len > (uint32_t)rte_pktmbuf_data_room_size(pool) - RTE_PKTMBUF_HEADROOM) {
		vhost_vq_error(dev, vq, "packet longer than one mbuf with linear buffers: dropped");
		return -EMSGSIZE;
	}
	for (unsigned int i = 0; i < nbufs; i++) {
		const uint8_t *src = bufs[i].va;
		uint32_t len = bufs[i].len;

		if (skip >= len) {
			skip -= len;
			continue;
		}
		src += skip;
		len -= skip;
		skip = 0;
		while (len > 0) {
			uint16_t room = rte_pktmbuf_tailroom(cur);
			uint32_t n;

			if (room == 0) {
				struct rte_mbuf *seg = rte_pktmbuf_alloc(pool);

				if (seg == NULL) {
					vhost_mbuf_empty(head);
					return -ENOMEM;
				}
				cur->next = seg;
				cur = seg;
				head->nb_segs++;
				room = rte_pktmbuf_tailroom(cur);
			}
			n = RTE_MIN(len, (uint32_t)room);
			rte_memcpy(rte_pktmbuf_mtod_offset(cur, uint8_t *, cur->data_len), src, n);
			cur->data_len += n;
			head->pkt_len += n;
			src += n;
			len -= n;
		}
	}
	return 0;
}

__rte_export uint16_t
rte_vhost_enqueue_burst(int vid, uint16_t queue_id, struct rte_mbuf **pkts, uint16_t count)
{
	struct vhost_dev *dev;
	struct vhost_vq *vq = vhost_vq_acquire(vid, queue_id, false, &dev);
	uint16_t done;

	if (vq == NULL)
		return 0;
	done = vq->packed ? vhost_packed_enqueue(dev, vq, pkts, count)
			  : vhost_split_enqueue(dev, vq, pkts, count);
	rte_spinlock_unlock(&vq->lock);
	return done;
}

__rte_export uint16_t
rte_vhost_dequeue_burst(int vid, uint16_t queue_id, struct rte_mempool *mbuf_pool,
			struct rte_mbuf **pkts, uint16_t count)
{
	struct vhost_dev *dev;
	struct vhost_vq *vq = vhost_vq_acquire(vid, queue_id, true, &dev);
	uint16_t done;

	if (vq == NULL)
		return 0;
	done = vq->packed ? vhost_packed_dequeue(dev, vq, mbuf_pool, pkts, count)
			  : vhost_split_dequeue(dev, vq, mbuf_pool, pkts, count);
	rte_spinlock_unlock(&vq->lock);
	return done;
}

void
vhost_ring_parts(const struct vhost_vq *vq, bool packed, struct vhost_ring_part part[3])
{
	uint64_t n = vq->num;

	part[0].addr = vq->addr.desc_user_addr;
	part[1].addr = vq->addr.avail_user_addr;
	part[2].addr = vq->addr.used_user_addr;
	if (packed) {
		/* 2.7: the descriptors are read and written back, the event areas one way each */
		part[0].len = sizeof(struct vring_packed_desc) * n;
		part[0].perm = VHOST_USER_ACCESS_RW;
		part[1].len = sizeof(struct vring_packed_desc_event);
		part[2].len = sizeof(struct vring_packed_desc_event);
	} else {
		/* 2.6: the parts with their trailing event fields */
		part[0].len = sizeof(struct vring_desc) * n;
		part[0].perm = VHOST_USER_ACCESS_RO;
		part[1].len = sizeof(struct vring_avail) + 2 * n + 2;
		part[2].len = sizeof(struct vring_used) + sizeof(struct vring_used_elem) * n + 2;
	}
	part[1].perm = VHOST_USER_ACCESS_RO;
	part[2].perm = VHOST_USER_ACCESS_WO;
}

int
vhost_ring_translate(struct vhost_dev *dev, struct vhost_vq *vq)
{
	struct vhost_ring_part part[3];
	void *va[3];
	int ret = 0;

	vq->packed = (dev->features & VIRTIO_BIT(VIRTIO_F_RING_PACKED)) != 0;
	vhost_ring_parts(vq, vq->packed, part);
	/* every part is looked up, so the misses of all three are asked for at once */
	for (unsigned int i = 0; i < 3; i++) {
		int r = 0;

		if (dev->iotlb_on)
			r = vhost_iotlb_ring_map(dev, part[i].addr, part[i].len, part[i].perm,
						 &va[i]);
		else if ((va[i] = vhost_mem_uva_to_va(dev, part[i].addr, part[i].len)) == NULL)
			r = -EFAULT;
		if (r == -EFAULT || (r < 0 && ret == 0))
			ret = r;
	}
	if (ret < 0)
		return ret;
	return vq->packed ? vhost_packed_ring_start(dev, vq, va)
			  : vhost_split_ring_start(dev, vq, va);
}

/* A running ring's parts after an invalidation: found again, or still missing (-EAGAIN). */
static int
vhost_ring_remap(struct vhost_dev *dev, struct vhost_vq *vq)
{
	int ret;

	if (!dev->iotlb_on)
		return -1;
	ret = vhost_ring_translate(dev, vq);
	if (ret == -EFAULT)
		vhost_vq_error(dev, vq,
			       "ring parts not contiguous or misaligned after an IOTLB UPDATE");
	/* -ESTALE: the packed ring said why */
	if (ret < 0 && ret != -EAGAIN)
		vq->broken = true;
	return ret;
}
