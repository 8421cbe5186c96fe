/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues from the device side (virtio 1.1 section 2.6): the
 * back-end takes descriptor chains the front-end made available, copies
 * packets into (enqueue) or out of (dequeue) them, and returns them on the
 * used ring, one used index store a burst. Every index, descriptor, address
 * and length comes from the front-end: each is read once, then bounded.
 */
#include <errno.h>
#include <string.h>

#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>

#include "vhost_ring.h"

int
vhost_split_ring_start(struct vhost_dev *dev, struct vhost_vq *vq, void *const va[3])
{
	void *desc = va[0], *avail = va[1], *used = va[2];

	/* 2.6: the parts' alignments */
	if (((uintptr_t)desc & 15) != 0 || ((uintptr_t)avail & 1) != 0 ||
	    ((uintptr_t)used & 3) != 0)
		return -EFAULT;
	vq->desc = desc;
	vq->avail = avail;
	vq->used = used;
	/* the front-end's used->idx may be stale after a restart: ours is SET_VRING_BASE's */
	vq->last_used = vq->last_avail;
	__atomic_store_n(&vq->used->idx, vq->last_used, __ATOMIC_RELEASE);
	vq->signalled_used = vq->last_used;
	/* poll mode: no kicks unless the application asks (2.6.10) */
	if (!(dev->features & VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX)))
		vq->used->flags = vq->kicks_wanted ? 0 : VRING_USED_F_NO_NOTIFY;
	return 0;
}

/*
 * How many entries the front-end made available: avail->idx read once
 * (acquire: the entries it covers are written before it, 2.6.13), and at
 * most the ring size, or the ring is broken.
 */
static int
vhost_split_avail_count(struct vhost_dev *dev, struct vhost_vq *vq)
{
	uint16_t idx = __atomic_load_n(&vq->avail->idx, __ATOMIC_ACQUIRE);
	uint16_t n = (uint16_t)(idx - vq->last_avail);

	if (n > vq->num) {
		vhost_vq_error(dev, vq, "avail index moved past the ring size");
		vq->broken = true;
		return -1;
	}
	return n;
}

/*
 * The avail ring's heads of a burst, read once each, a batch at a time:
 * heads[i] is the entry at avail position pos + i.
 */
#define VHOST_SPLIT_HEADS_MAX 64

struct vhost_split_heads {
	uint16_t pos;
	uint16_t n;
	uint16_t end; /* the avail index read at the start of the burst */
	uint16_t id[VHOST_SPLIT_HEADS_MAX];
};

static inline void
vhost_split_heads_init(struct vhost_split_heads *h, const struct vhost_vq *vq, int avail)
{
	h->pos = vq->last_avail;
	h->n = 0;
	h->end = (uint16_t)(vq->last_avail + avail);
}

/*
 * The head at avail position pos (below h->end). When pos is past the
 * batch, the next one is read: up to want entries at once, and each
 * entry's descriptor is prefetched (the index masked: only a hint, the
 * head is bounded when the chain is collected), so the cache misses on
 * the front-end's lines overlap instead of coming one a packet.
 */
static inline uint16_t
vhost_split_head(const struct vhost_vq *vq, struct vhost_split_heads *h, uint16_t pos,
		 uint16_t want)
{
	uint16_t mask = (uint16_t)(vq->num - 1);

	if ((uint16_t)(pos - h->pos) >= h->n) {
		uint16_t n = RTE_MIN((uint16_t)(h->end - pos), RTE_MAX(want, (uint16_t)1));

		n = RTE_MIN(n, (uint16_t)VHOST_SPLIT_HEADS_MAX);
		for (uint16_t i = 0; i < n; i++) {
			h->id[i] = ((volatile uint16_t *)vq->avail->ring)[(pos + i) & mask];
			rte_prefetch0(&vq->desc[h->id[i] & mask]);
		}
		h->pos = pos;
		h->n = n;
	}
	return h->id[(uint16_t)(pos - h->pos)];
}

/*
 * Collect the buffers of the chain with head idx into bufs from
 * *nbufs on, all writable (enqueue) or all readable (dequeue). A head or
 * next index past the ring, a chain longer than the ring (a loop), an
 * indirect descriptor (not offered) or a buffer outside the regions fails
 * (-1); a buffer whose IOVA missed returns -EAGAIN, nothing taken.
 */
static int
vhost_split_chain_collect(struct vhost_dev *dev, struct vhost_vq *vq, uint16_t idx, bool write,
			  struct vhost_chain *chain, struct vhost_buf *bufs, unsigned int *nbufs)
{
	uint64_t total = 0;

	chain->head = idx;
	chain->nbufs = 0;
	for (uint32_t n = 0;; n++) {
		volatile struct vring_desc *d;
		uint64_t addr;
		uint32_t len;
		uint16_t flags, next;
		unsigned int before = *nbufs;
		int ret;

		if (idx >= vq->num || n >= vq->num || *nbufs >= VHOST_BUF_VEC_MAX)
			return -1;
		d = &vq->desc[idx];
		addr = d->addr;
		len = d->len;
		flags = d->flags;
		next = d->next;
		if (!!(flags & VRING_DESC_F_WRITE) != write || (flags & VRING_DESC_F_INDIRECT))
			return -1;
		ret = vhost_desc_map(dev, addr, len,
				     write ? VHOST_USER_ACCESS_WO : VHOST_USER_ACCESS_RO, bufs,
				     nbufs);
		if (ret < 0)
			return ret;
		total += len;
		chain->nbufs = (uint16_t)(chain->nbufs + (*nbufs - before));
		if (!(flags & VRING_DESC_F_NEXT))
			break;
		idx = next;
	}
	chain->len = total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
	return 0;
}

static void
vhost_split_used_put(struct vhost_vq *vq, uint16_t head, uint32_t len)
{
	volatile struct vring_used_elem *e = &vq->used->ring[vq->last_used & (vq->num - 1)];

	e->id = head;
	e->len = len;
	vq->last_used++;
}

/* Publish the burst's used entries (release: their contents first, 2.6.14), then signal. */
static void
vhost_split_used_publish(struct vhost_dev *dev, struct vhost_vq *vq, uint16_t before)
{
	if (vq->last_used == before)
		return;
	__atomic_store_n(&vq->used->idx, vq->last_used, __ATOMIC_RELEASE);
	vhost_vq_notify(dev, vq);
}

/*
 * Reserve the chains one packet of need bytes takes: one chain without
 * MRG_RXBUF, as many as it takes with it (5.1.6.4). 0; -1 when the ring
 * has too few now or an IOVA missed (nothing taken); -2 when a chain is bad
 * or (one chain only) too short: then *nchains chains, the bad one last,
 * are to give back.
 */
static int
vhost_split_rx_reserve(struct vhost_dev *dev, struct vhost_vq *vq, struct vhost_split_heads *heads,
		       uint16_t want, uint16_t avail, uint32_t need, struct vhost_chain *chains,
		       unsigned int *nchains, struct vhost_buf *bufs, unsigned int *nbufs)
{
	bool mrg = dev->features & VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF);
	uint64_t have = 0;

	*nchains = 0;
	*nbufs = 0;
	while (have < need) {
		uint16_t head;
		int ret;

		if (*nchains == avail)
			return -1;
		if (*nchains == VHOST_BUF_VEC_MAX || (!mrg && *nchains == 1))
			return -2;
		head = vhost_split_head(vq, heads, vq->last_avail + *nchains, want);
		ret = vhost_split_chain_collect(dev, vq, head, true, &chains[*nchains], bufs, nbufs);
		if (ret == -EAGAIN)
			return -1;
		if (ret < 0) {
			(*nchains)++;
			return -2;
		}
		have += chains[*nchains].len;
		(*nchains)++;
	}
	return 0;
}

uint16_t
vhost_split_enqueue(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mbuf **pkts,
		    uint16_t count)
{
	struct vhost_chain chains[VHOST_BUF_VEC_MAX];
	struct vhost_buf bufs[VHOST_BUF_VEC_MAX];
	struct vhost_split_heads heads;
	uint16_t done = 0, before;
	int avail;

	before = vq->last_used;
	avail = vhost_split_avail_count(dev, vq);
	vhost_split_heads_init(&heads, vq, avail);
	while (avail > 0 && done < count) {
		struct rte_mbuf *m = pkts[done];
		struct virtio_net_hdr hdr = {0};
		unsigned int nchains, nbufs, bi = 0, ci;
		uint32_t off = 0, need = dev->hdr_len + m->pkt_len;
		int ret;

		ret = vhost_split_rx_reserve(dev, vq, &heads, count - done, avail, need, chains,
					     &nchains, bufs, &nbufs);
		if (ret == -1)
			break;
		if (ret == -2) {
			/* give the chains back empty, the bad one included, so the ring goes on */
			vhost_vq_error(dev, vq, "bad receive descriptor chain");
			for (ci = 0; ci < nchains; ci++)
				vhost_split_used_put(vq, chains[ci].head, 0);
			vq->last_avail += nchains;
			avail -= nchains;
			continue;
		}
		hdr.num_buffers = (uint16_t)nchains;
		vhost_bufs_write(bufs, &bi, &off, &hdr, dev->hdr_len);
		for (const struct rte_mbuf *s = m; s != NULL; s = s->next)
			vhost_bufs_write(bufs, &bi, &off, rte_pktmbuf_mtod(s, void *), s->data_len);
		/* each chain is used for what it holds of the packet, in order */
		for (ci = 0; ci < nchains; ci++) {
			uint32_t len = RTE_MIN(need, chains[ci].len);

			vhost_split_used_put(vq, chains[ci].head, len);
			need -= len;
		}
		vq->last_avail += nchains;
		avail -= nchains;
		done++;
	}
	vhost_split_used_publish(dev, vq, before);
	return done;
}

uint16_t
vhost_split_dequeue(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mempool *mbuf_pool,
		    struct rte_mbuf **pkts, uint16_t count)
{
	struct vhost_buf bufs[VHOST_BUF_VEC_MAX];
	struct vhost_split_heads heads;
	uint16_t done = 0, before, got;
	int avail;

	before = vq->last_used;
	avail = vhost_split_avail_count(dev, vq);
	if (avail <= 0)
		return 0;
	vhost_split_heads_init(&heads, vq, avail);
	/* the burst's mbufs at once; a bad chain leaves its mbuf to the next packet */
	got = vhost_mbufs_prealloc(mbuf_pool, pkts, RTE_MIN((uint16_t)avail, count));
	for (; avail > 0 && done < got; avail--) {
		uint16_t head = vhost_split_head(vq, &heads, vq->last_avail, got - done);
		struct vhost_chain chain;
		unsigned int nbufs = 0;
		int ret;

		ret = vhost_split_chain_collect(dev, vq, head, false, &chain, bufs, &nbufs);
		if (ret == -EAGAIN)
			break; /* the chain stays available until the front-end's UPDATE */
		if (ret < 0 || chain.len < dev->hdr_len ||
		    chain.len - dev->hdr_len > VHOST_MAX_PKT_LEN) {
			vhost_vq_error(dev, vq, "bad transmit descriptor chain");
			vhost_split_used_put(vq, chain.head, 0);
			vq->last_avail++;
			continue;
		}
		ret = vhost_bufs_to_mbuf(dev, vq, mbuf_pool, bufs, nbufs, dev->hdr_len,
					 chain.len - dev->hdr_len, pkts[done]);
		if (ret == -ENOMEM)
			break; /* out of mbufs: the chain stays available for the next burst */
		vhost_split_used_put(vq, chain.head, 0);
		vq->last_avail++;
		if (ret == 0)
			done++;
	}
	vhost_mbufs_unused_free(pkts + done, got - done);
	vhost_split_used_publish(dev, vq, before);
	return done;
}
