/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packed virtqueues from the device side (virtio 1.1 section 2.7): one
 * ring of descriptors the front-end makes available by flipping their
 * AVAIL/USED flags to its wrap counter, and the back-end returns by writing
 * a used descriptor (buffer id, length, flags last) at its own position.
 * A chain the front-end wrote wrong stops the ring (counted): its length,
 * and so where the next chain starts, cannot be trusted.
 */
#include <errno.h>
#include <string.h>

#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>

#include "vhost_ring.h"

int
vhost_packed_ring_start(struct vhost_dev *dev, struct vhost_vq *vq, void *const va[3])
{
	void *desc = va[0], *drv = va[1], *devev = va[2];
	uint16_t used_flags;

	/* 2.7.10.1: 16-byte descriptors, 4-byte event areas; positions inside the ring */
	if (((uintptr_t)desc & 15) != 0 || ((uintptr_t)drv & 3) != 0 ||
	    ((uintptr_t)devev & 3) != 0 || vq->last_avail >= vq->num || vq->last_used >= vq->num)
		return -EFAULT;
	/*
	 * A base behind the ring: the descriptor at the used position is a
	 * used one of this lap (AVAIL and USED both the wrap counter, 2.7.1),
	 * and the device writes those only at positions it has passed. QEMU
	 * resends a packed ring's start position after a back-end restart (a
	 * split ring's position it reads back from used->idx). Serving from
	 * there would wait forever or complete buffers twice.
	 */
	used_flags = vq->used_wrap ? VRING_PACKED_DESC_F_AVAIL | VRING_PACKED_DESC_F_USED : 0;
	if ((((volatile struct vring_packed_desc *)desc)[vq->last_used].flags &
	     (VRING_PACKED_DESC_F_AVAIL | VRING_PACKED_DESC_F_USED)) == used_flags) {
		VHOST_LOG(ERR,
			  "vhost: %s: ring %td: the front-end resumes the packed ring at position "
			  "%u wrap %d, which was used already (a stale base, as QEMU sends after a "
			  "back-end restart): reset the device in the guest (rebind its driver) "
			  "to start fresh rings\n",
			  dev->sock->path, vq - dev->vq, vq->last_used, vq->used_wrap);
		return -ESTALE;
	}
	vq->pdesc = desc;
	vq->drv_event = drv;
	vq->dev_event = devev;
	/* poll mode: no kicks unless the application asks (2.7.10) */
	vq->dev_event->flags =
		vq->kicks_wanted ? RING_EVENT_FLAGS_ENABLE : RING_EVENT_FLAGS_DISABLE;
	return 0;
}

/* 2.7.1: position pos + 1, the wrap counter flipping at the end of the ring */
static inline void
vhost_packed_pos_next(const struct vhost_vq *vq, uint16_t *pos, bool *wrap)
{
	if (++*pos == vq->num) {
		*pos = 0;
		*wrap = !*wrap;
	}
}

/* 2.7.1: available when AVAIL matches the wrap counter and USED does not */
static inline bool
vhost_packed_flags_avail(uint16_t flags, bool wrap)
{
	return !!(flags & VRING_PACKED_DESC_F_AVAIL) == wrap &&
	       !!(flags & VRING_PACKED_DESC_F_USED) != wrap;
}

/*
 * Whether a chain starts at (pos, wrap): a look before a burst takes
 * mbufs for nothing. Relaxed: only a hint, the chain is read again with
 * acquire when it is taken.
 */
static inline bool
vhost_packed_desc_avail(const struct vhost_vq *vq, uint16_t pos, bool wrap)
{
	return vhost_packed_flags_avail(__atomic_load_n(&vq->pdesc[pos].flags, __ATOMIC_RELAXED),
					wrap);
}

/*
 * Start loading the descriptors a burst of up to n chains reads first, one
 * cache line at a time, so that the misses on the front-end's lines overlap.
 */
static inline void
vhost_packed_prefetch(const struct vhost_vq *vq, uint16_t n)
{
	const unsigned int per_line = RTE_CACHE_LINE_SIZE / sizeof(struct vring_packed_desc);
	uint16_t pos = vq->last_avail;

	n = RTE_MIN(n, (uint16_t)vq->num);
	for (uint16_t i = 0; i < n; i += per_line) {
		rte_prefetch0(&vq->pdesc[pos]);
		pos = (uint16_t)(pos + per_line);
		if (pos >= vq->num)
			pos = (uint16_t)(pos - vq->num);
	}
}

/*
 * The chain at (pos, wrap): 1 when none is available there, 0 with its
 * buffers collected and (pos, wrap) moved past it, -1 when it is bad,
 * -EAGAIN when a buffer's IOVA missed (nothing taken).
 */
static int
vhost_packed_chain_collect(struct vhost_dev *dev, struct vhost_vq *vq, uint16_t *pos, bool *wrap,
			   bool write, struct vhost_chain *chain, struct vhost_buf *bufs,
			   unsigned int *nbufs)
{
	uint64_t total = 0;

	chain->nbufs = 0;
	for (uint32_t n = 0;; n++) {
		volatile struct vring_packed_desc *d = &vq->pdesc[*pos];
		/* acquire: the descriptor's fields are written before its flags (2.7.21) */
		uint16_t flags = __atomic_load_n(&vq->pdesc[*pos].flags, __ATOMIC_ACQUIRE);
		uint64_t addr;
		uint32_t len;
		unsigned int before = *nbufs;
		int ret;

		if (!vhost_packed_flags_avail(flags, *wrap))
			return n == 0 ? 1 : -1;
		if (n >= vq->num || *nbufs >= VHOST_BUF_VEC_MAX)
			return -1;
		addr = d->addr;
		len = d->len;
		chain->head = d->id; /* the buffer id is the last descriptor's */
		if (!!(flags & VRING_DESC_F_WRITE) != write || (flags & VRING_DESC_F_INDIRECT))
			return -1;
		ret = vhost_desc_map(dev, addr, len,
				     write ? VHOST_USER_ACCESS_WO : VHOST_USER_ACCESS_RO, bufs,
				     nbufs);
		if (ret < 0)
			return ret;
		chain->nbufs = (uint16_t)(chain->nbufs + (*nbufs - before));
		total += len;
		vhost_packed_pos_next(vq, pos, wrap);
		if (!(flags & VRING_DESC_F_NEXT))
			break;
	}
	chain->len = total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
	return 0;
}

/*
 * 2.7.22: a used descriptor at the back-end's position, its flags (both
 * bits equal to the used wrap counter) written last unless the caller
 * publishes them later (the head of a merged packet); the position moves by
 * the chain's descriptors. Returns the flags for that later store.
 */
static uint16_t
vhost_packed_used_put(struct vhost_vq *vq, uint16_t id, uint32_t len, uint16_t ndesc, bool publish)
{
	volatile struct vring_packed_desc *d = &vq->pdesc[vq->last_used];
	uint16_t flags = vq->used_wrap ? VRING_PACKED_DESC_F_AVAIL | VRING_PACKED_DESC_F_USED : 0;

	d->id = id;
	d->len = len;
	if (publish)
		__atomic_store_n(&vq->pdesc[vq->last_used].flags, flags, __ATOMIC_RELEASE);
	for (uint16_t i = 0; i < ndesc; i++)
		vhost_packed_pos_next(vq, &vq->last_used, &vq->used_wrap);
	return flags;
}

/* 2.7.10: the front-end's event area says whether it wants calls; DESC is taken as yes */
bool
vhost_packed_call_wanted(struct vhost_vq *vq)
{
	return ((volatile struct vring_packed_desc_event *)vq->drv_event)->flags !=
	       RING_EVENT_FLAGS_DISABLE;
}

static void
vhost_packed_broken(struct vhost_dev *dev, struct vhost_vq *vq, const char *what)
{
	vhost_vq_error(dev, vq, what);
	vq->broken = true;
}

uint16_t
vhost_packed_enqueue(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mbuf **pkts,
		     uint16_t count)
{
	bool mrg = dev->features & VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF);
	struct vhost_chain chains[VHOST_BUF_VEC_MAX];
	struct vhost_buf bufs[VHOST_BUF_VEC_MAX];
	uint16_t ndesc[VHOST_BUF_VEC_MAX];
	uint16_t done = 0, used_before = vq->last_used;

	vhost_packed_prefetch(vq, count);
	while (done < count && !vq->broken) {
		struct rte_mbuf *m = pkts[done];
		struct virtio_net_hdr hdr = {0};
		uint32_t need = dev->hdr_len + m->pkt_len, off = 0;
		uint16_t pos = vq->last_avail;
		bool wrap = vq->avail_wrap;
		unsigned int nchains = 0, nbufs = 0, bi = 0;
		uint64_t have = 0;
		int ret = 0;

		/* reserve chains until the packet fits; nothing is taken if it does not */
		while (have < need && ret == 0) {
			uint16_t p0 = pos;
			bool w0 = wrap;

			if (nchains == VHOST_BUF_VEC_MAX || (!mrg && nchains == 1)) {
				ret = -1;
				break;
			}
			ret = vhost_packed_chain_collect(dev, vq, &pos, &wrap, true,
							 &chains[nchains], bufs, &nbufs);
			if (ret == 0) {
				ndesc[nchains] =
					(uint16_t)((pos + (wrap != w0 ? vq->num : 0)) - p0);
				have += chains[nchains++].len;
			}
		}
		if (ret == 1 || ret == -EAGAIN)
			break; /* too few buffers now, or one is asked for: nothing taken */
		if (ret < 0) {
			vhost_packed_broken(dev, vq, "bad receive descriptor chain");
			break;
		}
		hdr.num_buffers = (uint16_t)nchains;
		vhost_bufs_write(bufs, &bi, &off, &hdr, dev->hdr_len);
		for (const struct rte_mbuf *s = m; s != NULL; s = s->next)
			vhost_bufs_write(bufs, &bi, &off, rte_pktmbuf_mtod(s, void *), s->data_len);
		/*
		 * The head's flags go last: a front-end that sees the first
		 * buffer of a merged packet reads its num_buffers and takes the
		 * rest at once (DPDK's drops the packet if one is not yet used).
		 */
		uint16_t head_pos = vq->last_used, head_flags = 0;

		for (unsigned int ci = 0; ci < nchains; ci++) {
			uint32_t len = RTE_MIN(need, chains[ci].len);
			uint16_t f =
				vhost_packed_used_put(vq, chains[ci].head, len, ndesc[ci], ci != 0);

			if (ci == 0)
				head_flags = f;
			need -= len;
		}
		__atomic_store_n(&vq->pdesc[head_pos].flags, head_flags, __ATOMIC_RELEASE);
		vq->last_avail = pos;
		vq->avail_wrap = wrap;
		done++;
	}
	if (vq->last_used != used_before)
		vhost_vq_notify(dev, vq);
	return done;
}

uint16_t
vhost_packed_dequeue(struct vhost_dev *dev, struct vhost_vq *vq, struct rte_mempool *mbuf_pool,
		     struct rte_mbuf **pkts, uint16_t count)
{
	struct vhost_buf bufs[VHOST_BUF_VEC_MAX];
	uint16_t done = 0, used_before = vq->last_used, got;

	if (vq->broken || !vhost_packed_desc_avail(vq, vq->last_avail, vq->avail_wrap))
		return 0;
	vhost_packed_prefetch(vq, count);
	/* the burst's mbufs at once; what the ring had fewer of goes back at the end */
	got = vhost_mbufs_prealloc(mbuf_pool, pkts, count);
	while (done < got && !vq->broken) {
		struct vhost_chain chain;
		uint16_t pos = vq->last_avail;
		bool wrap = vq->avail_wrap;
		unsigned int nbufs = 0;
		int ret;

		ret = vhost_packed_chain_collect(dev, vq, &pos, &wrap, false, &chain, bufs, &nbufs);
		if (ret == 1 || ret == -EAGAIN)
			break;
		if (ret < 0 || chain.len < dev->hdr_len ||
		    chain.len - dev->hdr_len > VHOST_MAX_PKT_LEN) {
			vhost_packed_broken(dev, vq, "bad transmit descriptor chain");
			break;
		}
		ret = vhost_bufs_to_mbuf(dev, vq, mbuf_pool, bufs, nbufs, dev->hdr_len,
					 chain.len - dev->hdr_len, pkts[done]);
		if (ret == -ENOMEM)
			break; /* out of mbufs: the chain stays available for the next burst */
		vhost_packed_used_put(
			vq, chain.head, 0,
			(uint16_t)((pos + (wrap != vq->avail_wrap ? vq->num : 0)) - vq->last_avail),
			true);
		vq->last_avail = pos;
		vq->avail_wrap = wrap;
		if (ret == 0)
			done++;
	}
	vhost_mbufs_unused_free(pkts + done, got - done);
	if (vq->last_used != used_before)
		vhost_vq_notify(dev, vq);
	return done;
}
