/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues (virtio 1.1 section 2.6) and the driver's Rx, Tx and
 * control queues built on them. One lcore owns an Rx or Tx queue: no locks,
 * no atomics; only the barriers the ring protocol needs (2.6.13, 2.6.14).
 * The layouts of packed virtqueues (2.7) are here too; their operations
 * are in virtqueue_packed.h.
 */
#ifndef _VIRTQUEUE_H_
#define _VIRTQUEUE_H_

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

#include <rte_atomic.h>
#include <rte_io.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "virtio_regs.h"

/* 2.6.2 Legacy Interfaces aside, each part only needs its own alignment; 64 keeps parts on separate lines */
#define VIRTQ_PART_ALIGN 64

/* The ring memory of one queue: descriptors, avail ring, used ring, then per-queue buffers. */
struct virtq_layout {
	size_t avail_off;
	size_t used_off;
	size_t extra_off;	/* Tx headers or control buffers */
	size_t total;
};

/*
 * 2.7.10: a packed queue has the descriptor ring, then the driver and the
 * device event suppression areas (avail_off and used_off name them).
 */
static inline struct virtq_layout
virtq_layout_of(uint16_t size, size_t extra, bool packed)
{
	struct virtq_layout l;

	if (packed) {
		l.avail_off = RTE_ALIGN_CEIL(sizeof(struct vring_packed_desc) * size,
					     VIRTQ_PART_ALIGN);
		l.used_off = l.avail_off + VIRTQ_PART_ALIGN;
		l.extra_off = l.used_off + VIRTQ_PART_ALIGN;
		l.total = l.extra_off + extra;
		return l;
	}
	l.avail_off = sizeof(struct vring_desc) * size;
	l.used_off = RTE_ALIGN_CEIL(l.avail_off + sizeof(struct vring_avail) + 2u * size + 2u,
				    VIRTQ_PART_ALIGN);
	l.extra_off = RTE_ALIGN_CEIL(l.used_off + sizeof(struct vring_used) +
				     sizeof(struct vring_used_elem) * size + 2u, VIRTQ_PART_ALIGN);
	l.total = l.extra_off + extra;
	return l;
}

struct virtqueue {
	struct vring_desc *desc;
	struct vring_avail *avail;
	volatile struct vring_used *used;
	volatile uint16_t *notify_addr;
	uint16_t size;
	uint16_t mask;
	uint16_t avail_idx;	/* our copy of avail->idx */
	uint16_t kick_idx;	/* avail_idx when a notification was last considered */
	uint16_t used_cons;	/* used entries consumed so far */
	uint16_t index;		/* queue number on the device */
	uint16_t msix_vector;
	int kick_fd;		/* vhost-user: the back-end's eventfd, else -1 (notify_addr) */
	bool use_va;		/* addresses in rings are virtual (vhost-user), else IOVAs */
	bool event_idx;		/* VIRTIO_F_EVENT_IDX: used_event/avail_event, not flags */
	bool packed;		/* VIRTIO_F_RING_PACKED: the fields below, not desc/avail/used */
	/*
	 * 2.7.1 packed rings: avail_idx and used_cons are ring positions
	 * (0..size-1), each with its wrap counter; kick_idx counts the
	 * descriptors made available since the last notification decision.
	 */
	bool avail_wrap;
	bool used_wrap;
	struct vring_packed_desc *pdesc;
	struct vring_packed_desc_event *drv_event;		/* written by the driver */
	volatile struct vring_packed_desc_event *dev_event;	/* written by the device */
	const struct rte_memzone *mz;
};

/*
 * 2.6.8 one used element, each field loaded once: the device may rewrite
 * it at any time, so what is checked must be what is used.
 */
static inline struct vring_used_elem
virtq_used_elem_read(const struct virtqueue *vq, uint16_t cons)
{
	volatile struct vring_used_elem *e = &vq->used->ring[cons & vq->mask];
	struct vring_used_elem v;

	v.id = e->id;
	v.len = e->len;
	return v;
}

/* 2.6.7.2: where the driver tells the device which used entry to signal */
static inline volatile uint16_t *
virtq_used_event(struct virtqueue *vq)
{
	return &vq->avail->ring[vq->size];
}

/* 2.6.10 (2.6.8 layout): where the device tells the driver which avail entry to notify */
static inline volatile uint16_t *
virtq_avail_event(struct virtqueue *vq)
{
	return (volatile uint16_t *)&vq->used->ring[vq->size];
}

/*
 * 2.6.7.1 Used buffer notification suppression, for a queue whose used
 * entries are consumed up to vq->used_cons. With EVENT_IDX flags stay 0 and
 * used_event names the next entry (wanted), or the last one consumed (not
 * wanted): the device has passed it and would reach it again only 65536
 * entries on, more than it can use before the driver moves used_event.
 * Without EVENT_IDX the NO_INTERRUPT flag.
 */
static inline void
virtq_used_notify_set(struct virtqueue *vq, bool wanted)
{
	if (vq->event_idx) {
		vq->avail->flags = 0;
		*virtq_used_event(vq) = wanted ? vq->used_cons : (uint16_t)(vq->used_cons - 1);
	} else {
		vq->avail->flags = wanted ? 0 : VRING_AVAIL_F_NO_INTERRUPT;
	}
}

/*
 * 4.1.5.2 the doorbell of a PCI device, or the kick eventfd a vhost-user
 * back-end waits on. A test, not an indirect call: the branch always goes
 * the same way for a queue.
 */
static inline void
virtq_doorbell(struct virtqueue *vq)
{
	if (vq->kick_fd >= 0) {
		uint64_t one = 1;
		/* a failed write means the counter is already non-zero: the back-end wakes anyway */
		ssize_t ret = write(vq->kick_fd, &one, sizeof(one));

		(void)ret;
	} else {
		rte_write16_relaxed(vq->index, vq->notify_addr);
	}
}

/* Where the device finds the start of mbuf m's buffer: its IOVA, or for vhost-user its address. */
static inline uint64_t
virtq_mbuf_addr(const struct virtqueue *vq, const struct rte_mbuf *m)
{
	return vq->use_va ? (uint64_t)(uintptr_t)m->buf_addr : rte_mbuf_iova_get(m);
}

/* The same for the first byte of m's data. */
static inline uint64_t
virtq_mbuf_data_addr(const struct virtqueue *vq, const struct rte_mbuf *m)
{
	return virtq_mbuf_addr(vq, m) + m->data_off;
}

/* Where the device finds byte off of the queue's own memory (rings, headers). */
static inline uint64_t
virtq_mem_addr(const struct virtqueue *vq, size_t off)
{
	return vq->use_va ? (uint64_t)(uintptr_t)vq->mz->addr + off : vq->mz->iova + off;
}

/*
 * 2.6.13.6 / 2.6.10: notify the device (4.1.5.2) of the entries published
 * since the last call, when it wants that: with EVENT_IDX when they pass its
 * avail_event, else when it did not set NO_NOTIFY.
 */
static inline void
virtq_kick(struct virtqueue *vq)
{
	uint16_t old = vq->kick_idx, new_idx = vq->avail_idx;
	bool notify;

	/*
	 * Full barrier: the avail->idx store must be visible before avail_event
	 * or used->flags is read, or the device can go to sleep between the two
	 * (2.6.13.6 note).
	 */
	rte_smp_mb();
	vq->kick_idx = new_idx;
	if (vq->event_idx)
		notify = virtq_need_event(*virtq_avail_event(vq), new_idx, old);
	else
		notify = !(vq->used->flags & VRING_USED_F_NO_NOTIFY);
	if (notify)
		virtq_doorbell(vq);
}

/* 2.6.13.3-4: publish the entries added since the last call */
static inline void
virtq_avail_publish(struct virtqueue *vq)
{
	/* descriptors and ring entries are written before the index that exposes them */
	rte_smp_wmb();
	vq->avail->idx = vq->avail_idx;
}

/*
 * Used entries the device has returned and not yet consumed, at most
 * in_flight: a device that moves used->idx further is ignoring the ring
 * (2.6.8.2) and the excess is not trusted.
 */
static inline uint16_t
virtq_used_count(struct virtqueue *vq, uint16_t in_flight, uint64_t *errors)
{
	uint16_t n = (uint16_t)(vq->used->idx - vq->used_cons);

	if (unlikely(n > in_flight)) {
		(*errors)++;
		n = in_flight;
	}
	/* 2.6.14: the entries are read after the index that announced them */
	rte_smp_rmb();
	return n;
}

struct virtio_rxq {
	struct virtqueue vq;
	struct rte_mbuf **sw_ring;	/* the mbuf behind each descriptor, NULL if free */
	uint16_t *free_ids;		/* descriptors without a buffer, a stack */
	uint16_t nb_free;
	uint16_t free_thresh;		/* refill in bulks of at least this many */
	uint16_t port_id;
	uint16_t queue_id;
	uint32_t buf_len;		/* bytes each descriptor offers, header included */
	uint64_t offloads;		/* RTE_ETH_RX_OFFLOAD_*, port and queue */
	bool intr_on;			/* interrupts wanted (rx_queue_intr_enable) */
	bool mrg_rxbuf;			/* VIRTIO_NET_F_MRG_RXBUF: frames over several buffers */
	bool scatter;			/* chains may be handed up (RTE_ETH_RX_OFFLOAD_SCATTER) */
	bool guest_csum;		/* VIRTIO_NET_F_GUEST_CSUM: header flags to act on */
	bool l4_csum;			/* TCP/UDP checksum offloads enabled on the queue */
	struct rte_mempool *mp;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errors;		/* bad used entries and frames dropped for them */
	uint64_t nombuf;
};


struct virtio_tx_slot {
	struct rte_mbuf *m;	/* NULL when the descriptor is free */
	uint16_t ndescs;	/* length of the chain that starts here */
};

struct virtio_txq {
	struct virtqueue vq;
	struct virtio_tx_slot *slots;	/* by head descriptor */
	uint16_t *next;			/* free list of descriptors */
	uint16_t free_head;
	uint16_t nb_free;
	uint16_t free_thresh;		/* reclaim when fewer are free */
	uint16_t port_id;
	uint16_t queue_id;
	struct virtio_net_hdr *hdrs;	/* one header per descriptor, for chains */
	uint64_t hdrs_iova;		/* as the device addresses them (virtq_mem_addr) */
	uint64_t offloads;		/* RTE_ETH_TX_OFFLOAD_*, port and queue */
	bool csum;			/* VIRTIO_NET_F_CSUM: the device completes checksums */
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errors;
};

/* The control queue: one command in flight, polled. */
#define VIRTIO_CTRL_DATA_MAX 64
struct virtio_ctrl_buf {
	struct virtio_net_ctrl_hdr hdr;
	uint8_t data[VIRTIO_CTRL_DATA_MAX];
	uint8_t ack;
};

/* virtio_rxtx.c */
uint16_t virtio_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t virtio_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t nb_pkts);
void virtio_rxq_reset(struct virtio_rxq *rxq);
int virtio_rxq_fill(struct virtio_rxq *rxq);
void virtio_rxq_drain(struct virtio_rxq *rxq);
void virtio_txq_reset(struct virtio_txq *txq);
void virtio_txq_drain(struct virtio_txq *txq);

#endif /* _VIRTQUEUE_H_ */
