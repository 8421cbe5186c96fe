/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packed virtqueues (virtio 1.1 section 2.7): one descriptor ring that the
 * driver and the device both write, told apart by the AVAIL and USED flag
 * bits against each side's wrap counter, and the event suppression areas
 * (2.7.10) that replace the split ring's flags and event indexes.
 */
#ifndef _VIRTQUEUE_PACKED_H_
#define _VIRTQUEUE_PACKED_H_

#include "virtqueue.h"

/* 2.7.1: the flags that mark a descriptor available in the driver's current lap */
static inline uint16_t
virtq_packed_avail_flags(const struct virtqueue *vq)
{
	return vq->avail_wrap ? VRING_PACKED_DESC_F_AVAIL : VRING_PACKED_DESC_F_USED;
}

/* Move the driver's position n descriptors on; 2.7.1: a lap flips the wrap counter. */
static inline void
virtq_packed_avail_advance(struct virtqueue *vq, uint16_t n)
{
	vq->kick_idx = (uint16_t)(vq->kick_idx + n);
	vq->avail_idx = (uint16_t)(vq->avail_idx + n);
	if (vq->avail_idx >= vq->size) {
		vq->avail_idx = (uint16_t)(vq->avail_idx - vq->size);
		vq->avail_wrap = !vq->avail_wrap;
	}
}

/* The ring position n descriptors after pos, in the lap of *wrap (updated). */
static inline uint16_t
virtq_packed_pos_add(const struct virtqueue *vq, uint16_t pos, uint16_t n, bool *wrap)
{
	uint32_t p = (uint32_t)pos + n;

	if (p >= vq->size) {
		p -= vq->size;
		*wrap = !*wrap;
	}
	return (uint16_t)p;
}

/*
 * 2.7.1 / 2.7.9: whether the device has used the descriptor at pos of the
 * lap wrap: both AVAIL and USED equal to the wrap counter. The flags are
 * one acquire load: it pairs with the device's write of the flags after
 * the id and length (2.7.21), so those are read after it.
 */
static inline bool
virtq_packed_is_used(const struct virtqueue *vq, uint16_t pos, bool wrap)
{
	uint16_t flags = __atomic_load_n(&vq->pdesc[pos].flags, __ATOMIC_ACQUIRE);
	bool avail = (flags & VRING_PACKED_DESC_F_AVAIL) != 0;
	bool used = (flags & VRING_PACKED_DESC_F_USED) != 0;

	return avail == wrap && used == wrap;
}

/*
 * The id and length of the used descriptor at pos, each loaded once (the
 * device may rewrite them): call after virtq_packed_is_used found it used.
 */
struct virtq_packed_used {
	uint16_t id;
	uint32_t len;
};

static inline struct virtq_packed_used
virtq_packed_used_read(const struct virtqueue *vq, uint16_t pos)
{
	struct virtq_packed_used u;

	u.id = __atomic_load_n(&vq->pdesc[pos].id, __ATOMIC_RELAXED);
	u.len = __atomic_load_n(&vq->pdesc[pos].len, __ATOMIC_RELAXED);
	return u;
}

/*
 * 2.7.10 Driver notifications, as the device asks in its event area
 * (2.7.14): never (DISABLE), always (ENABLE), or (DESC, with EVENT_IDX)
 * when the descriptors made available since the last call passed the
 * offset and wrap counter it names. Then the doorbell (4.1.5.2).
 */
static inline void
virtq_packed_kick(struct virtqueue *vq)
{
	uint16_t added = vq->kick_idx, new_pos = vq->avail_idx, flags, off_wrap, event;
	bool notify;

	/* the descriptors' flags are visible before the device's area is read (2.7.21) */
	rte_smp_mb();
	vq->kick_idx = 0;
	flags = vq->dev_event->flags;
	if (flags == RING_EVENT_FLAGS_DESC && vq->event_idx) {
		off_wrap = vq->dev_event->off_wrap;
		event = off_wrap & (uint16_t)~(1u << RING_EVENT_WRAP_SHIFT);
		/* an offset of the previous lap sits size positions back */
		if ((bool)(off_wrap >> RING_EVENT_WRAP_SHIFT) != vq->avail_wrap)
			event = (uint16_t)(event - vq->size);
		notify = virtq_need_event(event, new_pos, (uint16_t)(new_pos - added));
	} else {
		/* DESC without EVENT_IDX is not allowed: treat it as ENABLE */
		notify = flags != RING_EVENT_FLAGS_DISABLE;
	}
	if (notify)
		virtq_doorbell(vq);
}

/*
 * 2.7.10 Used buffer notifications, through the driver's event area: off,
 * or wanted for the next used descriptor (DESC at the driver's used
 * position, with EVENT_IDX) or any (ENABLE).
 */
static inline void
virtq_packed_used_notify_set(struct virtqueue *vq, bool wanted)
{
	if (!wanted) {
		vq->drv_event->flags = RING_EVENT_FLAGS_DISABLE;
	} else if (vq->event_idx) {
		vq->drv_event->off_wrap = (uint16_t)(vq->used_cons |
			((uint16_t)vq->used_wrap << RING_EVENT_WRAP_SHIFT));
		/* 2.7.21: the offset is in place before the flags that make it count */
		rte_smp_wmb();
		vq->drv_event->flags = RING_EVENT_FLAGS_DESC;
	} else {
		vq->drv_event->flags = RING_EVENT_FLAGS_ENABLE;
	}
}

/* The control path's view of either ring kind. */
static inline void
virtq_notify(struct virtqueue *vq)
{
	if (vq->packed)
		virtq_packed_kick(vq);
	else
		virtq_kick(vq);
}

static inline void
virtq_interrupts_set(struct virtqueue *vq, bool wanted)
{
	if (vq->packed)
		virtq_packed_used_notify_set(vq, wanted);
	else
		virtq_used_notify_set(vq, wanted);
}

/* Rings back to their state after reset: 2.7.1 both wrap counters start at 1. */
static inline void
virtq_packed_reset(struct virtqueue *vq)
{
	vq->avail_idx = 0;
	vq->kick_idx = 0;
	vq->used_cons = 0;
	vq->avail_wrap = true;
	vq->used_wrap = true;
}

/* virtio_rxtx_packed.c */
uint16_t virtio_recv_pkts_packed(void *rxq, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t virtio_xmit_pkts_packed(void *txq, struct rte_mbuf **pkts, uint16_t nb_pkts);
int virtio_rxq_fill_packed(struct virtio_rxq *rxq);

#endif /* _VIRTQUEUE_PACKED_H_ */
