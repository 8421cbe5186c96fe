/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the split and packed ring code share: the buffers of one packet as
 * the front-end's descriptors give them, and copying in and out of them.
 * Each function here runs with the ring's lock held (see vhost_private.h).
 */
#ifndef _VHOST_RING_H_
#define _VHOST_RING_H_

#include <errno.h>

#include <rte_mbuf.h>
#include <rte_memcpy.h>

#include "vhost_private.h"

/* Buffers of one packet: up to this many descriptors, over all its chains. */
#define VHOST_BUF_VEC_MAX 64

struct vhost_buf {
	uint8_t *va;
	uint32_t len;
};

/* One chain's head and how many of the packet's buffers it holds. */
struct vhost_chain {
	uint16_t head;
	uint16_t nbufs;
	uint32_t len; /* bytes the chain offers */
};

/*
 * vhost_iotlb.c: a descriptor's [iova, iova + len) as buffers appended at
 * bufs[*nbufs], one per IOTLB entry it spans: 0; -EAGAIN on a miss
 * (requested); -1 when it needs more than VHOST_BUF_VEC_MAX buffers.
 */
int vhost_iotlb_desc_map(struct vhost_dev *dev, uint64_t iova, uint64_t len, uint8_t perm,
			 struct vhost_buf *bufs, unsigned int *nbufs);

/*
 * A descriptor's buffer, appended to bufs (the caller checked there is
 * room for one): 0, -1 when it is outside the front-end's memory, -EAGAIN
 * when its IOVA is not in the IOTLB yet (the burst stops there and goes on
 * after the front-end's UPDATE). Without ACCESS_PLATFORM one test of a
 * flag the burst has in cache is all this adds to the guest-physical path.
 */
static inline int
vhost_desc_map(struct vhost_dev *dev, uint64_t addr, uint32_t len, uint8_t perm,
	       struct vhost_buf *bufs, unsigned int *nbufs)
{
	void *va;

	if (dev->iotlb_on)
		return vhost_iotlb_desc_map(dev, addr, len, perm, bufs, nbufs);
	va = vhost_mem_gpa_to_va(dev, addr, len);
	if (va == NULL)
		return -1;
	bufs[*nbufs].va = va;
	bufs[*nbufs].len = len;
	(*nbufs)++;
	return 0;
}

void vhost_vq_error(struct vhost_dev *dev, struct vhost_vq *vq, const char *what);

/*
 * Copy len bytes from src into the buffers, from buffer *bi at offset *off
 * on; the caller reserved buffers enough. Inline: a frame is a header and
 * one segment, mostly into one buffer, and a call a copy costs as much as
 * the copy of a small frame.
 */
static inline void
vhost_bufs_write(const struct vhost_buf *bufs, unsigned int *bi, uint32_t *off, const void *src,
		 uint32_t len)
{
	const uint8_t *s = src;

	while (len > 0) {
		uint32_t n = RTE_MIN(len, bufs[*bi].len - *off);

		rte_memcpy(bufs[*bi].va + *off, s, n);
		s += n;
		len -= n;
		*off += n;
		if (*off == bufs[*bi].len) {
			(*bi)++;
			*off = 0;
		}
	}
}

uint16_t vhost_mbufs_prealloc(struct rte_mempool *pool, struct rte_mbuf **pkts, uint16_t n);
void vhost_mbufs_unused_free(struct rte_mbuf **pkts, uint16_t n);
int vhost_bufs_to_mbuf(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mempool *pool,
		       const struct vhost_buf *bufs, unsigned int nbufs, uint32_t skip,
		       uint32_t len, struct rte_mbuf *head);

uint16_t vhost_split_enqueue(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mbuf **pkts,
			     uint16_t count);
uint16_t vhost_split_dequeue(struct vhost_dev *dev, struct vhost_vq *vq,
			     struct rte_mempool *mbuf_pool, struct rte_mbuf **pkts, uint16_t count);
uint16_t vhost_packed_enqueue(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mbuf **pkts,
			      uint16_t count);
uint16_t vhost_packed_dequeue(struct vhost_dev *dev, struct vhost_vq *vq,
			      struct rte_mempool *mbuf_pool, struct rte_mbuf **pkts,
			      uint16_t count);

#endif /* _VHOST_RING_H_ */
