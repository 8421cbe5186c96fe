/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: the control virtqueue (virtio 1.1 5.1.6.5), one command at a
 * time, polled.
 */
#include <errno.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_malloc.h>

#include "virtio_pci.h"
#include "virtqueue_packed.h"

/*
 * Commands take turns over slots so that consecutive ones carry different
 * tokens: the head descriptor of a split chain (3 descriptors a slot), the
 * buffer id on a packed ring. A completion with any other token is not the
 * command's, whatever it says.
 */
#define VIRTIO_CTRL_CHAIN_MAX 3
#define VIRTIO_CTRL_SLOTS_MAX 16
#define VIRTIO_CTRL_NO_TOKEN UINT32_MAX /* in messages: no command was out */

static uint16_t
ctrl_token(const struct virtio_hw *hw, uint16_t slot)
{
	return hw->cvq->packed ? slot : (uint16_t)(slot * VIRTIO_CTRL_CHAIN_MAX);
}

int
virtio_cvq_alloc(struct rte_eth_dev *dev, uint16_t index, uint16_t size)
{
	struct virtio_hw *hw = dev->data->dev_private;
	struct virtq_layout l;

	hw->cvq = rte_zmalloc_socket("virtio_cvq", sizeof(*hw->cvq), RTE_CACHE_LINE_SIZE,
				     dev->data->numa_node);
	if (hw->cvq == NULL ||
	    virtq_alloc(dev, hw->cvq, index, size, sizeof(struct virtio_ctrl_buf),
			dev->data->numa_node) != 0) {
		rte_free(hw->cvq);
		hw->cvq = NULL;
		return -ENOMEM;
	}
	l = virtq_layout_of(size, 0, hw->packed);
	hw->cbuf = (struct virtio_ctrl_buf *)((uint8_t *)hw->cvq->mz->addr + l.extra_off);
	hw->cbuf_iova = virtq_mem_addr(hw->cvq, l.extra_off);
	hw->ctrl_slots = (uint16_t)RTE_MIN(size / VIRTIO_CTRL_CHAIN_MAX, VIRTIO_CTRL_SLOTS_MAX);
	hw->ctrl_timeout_us = VIRTIO_CTRL_TIMEOUT_US;
	rte_spinlock_init(&hw->ctrl_lock);
	return 0;
}

void
virtio_cvq_reset(struct virtio_hw *hw)
{
	struct virtqueue *vq = hw->cvq;

	memset(vq->mz->addr, 0, (uint8_t *)hw->cbuf - (uint8_t *)vq->mz->addr);
	vq->avail_idx = 0;
	vq->kick_idx = 0;
	vq->used_cons = 0;
	if (vq->packed)
		virtq_packed_reset(vq);
	vq->event_idx = virtio_has(hw, VIRTIO_F_RING_EVENT_IDX);
	virtq_interrupts_set(vq, false); /* polled */
	/* the device was reset: nothing of ours is left with it */
	hw->ctrl_stale = false;
	hw->ctrl_broken = false;
}

/* The chain of one command into a split ring from descriptor head on (2.6.13). */
static void
ctrl_post_split(struct virtqueue *vq, const struct vring_desc *chain, uint16_t n, uint16_t head)
{
	for (uint16_t i = 0; i < n; i++) {
		vq->desc[head + i] = chain[i];
		vq->desc[head + i].next = (uint16_t)(head + i + 1);
	}
	vq->avail->ring[vq->avail_idx & vq->mask] = head;
	vq->avail_idx++;
	virtq_avail_publish(vq);
}

/* The same on a packed ring (2.7.13) under buffer id, head flags last. */
static void
ctrl_post_packed(struct virtqueue *vq, const struct vring_desc *chain, uint16_t n, uint16_t id)
{
	uint16_t head = vq->avail_idx, head_flags = 0;

	for (uint16_t i = 0; i < n; i++) {
		struct vring_packed_desc *d = &vq->pdesc[vq->avail_idx];
		uint16_t f = virtq_packed_avail_flags(vq) | chain[i].flags;

		d->addr = chain[i].addr;
		d->len = chain[i].len;
		d->id = id;
		if (i == 0)
			head_flags = f;
		else
			d->flags = f;
		virtq_packed_avail_advance(vq, 1);
	}
	vq->kick_idx = 0; /* the doorbell is rung unconditionally */
	rte_smp_wmb();
	((volatile struct vring_packed_desc *)&vq->pdesc[head])->flags = head_flags;
}

/* The token of the next completion, read once; false when there is none yet. */
static bool
ctrl_used_peek(struct virtqueue *vq, uint32_t *token)
{
	if (vq->packed) {
		if (!virtq_packed_is_used(vq, vq->used_cons, vq->used_wrap))
			return false;
		*token = virtq_packed_used_read(vq, vq->used_cons).id;
		return true;
	}
	if (vq->used->idx == vq->used_cons)
		return false;
	rte_smp_rmb(); /* 2.6.14: the entry and the ack are read after used->idx */
	*token = virtq_used_elem_read(vq, vq->used_cons).id;
	return true;
}

/* Consume that completion, of a chain of n descriptors (2.7.9: a packed ring skips them). */
static void
ctrl_used_pop(struct virtqueue *vq, uint16_t n)
{
	if (vq->packed)
		vq->used_cons = virtq_packed_pos_add(vq, vq->used_cons, n, &vq->used_wrap);
	else
		vq->used_cons++;
}

/*
 * A completion that names no command the device holds: the device and the
 * driver no longer agree on the ring, and on a packed ring the driver
 * cannot even tell where the next one starts. No command goes out until
 * the port is started again, which resets the device and the queue.
 */
static int
ctrl_out_of_step(struct rte_eth_dev *dev, uint32_t token, uint32_t want)
{
	struct virtio_hw *hw = dev->data->dev_private;

	hw->ctrl_broken = true;
	if (want == VIRTIO_CTRL_NO_TOKEN)
		VIRTIO_LOG(ERR,
			   "%s: the control queue returned token %u while no command was "
			   "out: control commands are off until the port is stopped and "
			   "started again\n",
			   dev->data->name, token);
	else
		VIRTIO_LOG(ERR,
			   "%s: the control queue returned token %u while it held %u: "
			   "control commands are off until the port is stopped and started "
			   "again\n",
			   dev->data->name, token, want);
	return -EIO;
}

/*
 * Before a command goes out, the one that timed out before it must have
 * come back: until then the device may still write its ack into the buffer
 * the next command would use.
 */
static int
ctrl_stale_reap(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = dev->data->dev_private;
	uint32_t token;

	if (!ctrl_used_peek(hw->cvq, &token)) {
		VIRTIO_LOG(ERR,
			   "%s: the device has not yet answered the control command that "
			   "timed out before: try again later, or stop and start the port\n",
			   dev->data->name);
		return -EBUSY;
	}
	if (token != hw->ctrl_stale_token)
		return ctrl_out_of_step(dev, token, hw->ctrl_stale_token);
	ctrl_used_pop(hw->cvq, hw->ctrl_stale_n);
	hw->ctrl_stale = false;
	return 0;
}

static int
ctrl_send_locked(struct rte_eth_dev *dev, uint8_t class, uint8_t cmd, const void *data,
		 uint16_t len)
{
	struct virtio_hw *hw = dev->data->dev_private;
	struct virtqueue *vq = hw->cvq;
	struct virtio_ctrl_buf *b = hw->cbuf;
	uint64_t iova = hw->cbuf_iova;
	struct vring_desc chain[VIRTIO_CTRL_CHAIN_MAX];
	uint32_t token = 0, want;
	uint16_t n = 0;
	uint8_t ack;
	int ret;

	if (hw->ctrl_broken) {
		VIRTIO_LOG(ERR,
			   "%s: control command %u.%u refused: the control queue is out of "
			   "step with the device; stop and start the port to reset it\n",
			   dev->data->name, class, cmd);
		return -EIO;
	}
	if (hw->ctrl_stale) {
		ret = ctrl_stale_reap(dev);
		if (ret != 0)
			return ret;
	}
	/* nothing is out: a completion now answers nothing (a command answered twice) */
	if (ctrl_used_peek(vq, &token))
		return ctrl_out_of_step(dev, token, VIRTIO_CTRL_NO_TOKEN);
	want = ctrl_token(hw, hw->ctrl_next);
	hw->ctrl_next = (uint16_t)((hw->ctrl_next + 1) % hw->ctrl_slots);
	b->hdr.class = class;
	b->hdr.cmd = cmd;
	memcpy(b->data, data, len);
	b->ack = 0xFF;
	chain[n++] = (struct vring_desc){iova + offsetof(struct virtio_ctrl_buf, hdr),
					 sizeof(b->hdr), VRING_DESC_F_NEXT, 0};
	if (len != 0)
		chain[n++] = (struct vring_desc){iova + offsetof(struct virtio_ctrl_buf, data), len,
						 VRING_DESC_F_NEXT, 0};
	chain[n++] = (struct vring_desc){iova + offsetof(struct virtio_ctrl_buf, ack), 1,
					 VRING_DESC_F_WRITE, 0};
	if (vq->packed)
		ctrl_post_packed(vq, chain, n, (uint16_t)want);
	else
		ctrl_post_split(vq, chain, n, (uint16_t)want);
	rte_smp_mb(); /* the ring is visible before the doorbell */
	virtq_doorbell(vq);
	for (uint32_t us = 0; !ctrl_used_peek(vq, &token); us += 10) {
		if (us >= hw->ctrl_timeout_us) {
			/* the buffer stays the device's until it answers (ctrl_stale_reap) */
			hw->ctrl_stale = true;
			hw->ctrl_stale_token = want;
			hw->ctrl_stale_n = n;
			VIRTIO_LOG(ERR, "%s: control command %u.%u got no answer in %u us\n",
				   dev->data->name, class, cmd, hw->ctrl_timeout_us);
			return -ETIMEDOUT;
		}
		rte_delay_us(10);
	}
	if (token != want)
		return ctrl_out_of_step(dev, token, want);
	ctrl_used_pop(vq, n);
	ack = *(volatile uint8_t *)&b->ack; /* the device wrote it: one load */
	if (ack != VIRTIO_NET_OK) {
		VIRTIO_LOG(ERR, "%s: the device refused control command %u.%u (ack %u)\n",
			   dev->data->name, class, cmd, ack);
		return -EIO;
	}
	return 0;
}

/*
 * One command: header, data (device-readable), ack (device-writable), as
 * chained descriptors (5.1.6.5); wait for the device to return it. One
 * command at a time: callers on different threads take turns.
 */
int
virtio_ctrl_send(struct rte_eth_dev *dev, uint8_t class, uint8_t cmd, const void *data,
		 uint16_t len)
{
	struct virtio_hw *hw = dev->data->dev_private;
	int ret;

	if (hw->cvq == NULL || !virtio_has(hw, VIRTIO_NET_F_CTRL_VQ))
		return -ENOTSUP;
	if (len > VIRTIO_CTRL_DATA_MAX)
		return -EINVAL;
	rte_spinlock_lock(&hw->ctrl_lock);
	ret = ctrl_send_locked(dev, class, cmd, data, len);
	rte_spinlock_unlock(&hw->ctrl_lock);
	return ret;
}

void
virtio_cvq_free(struct virtio_hw *hw)
{
	if (hw->cvq == NULL)
		return;
	rte_memzone_free(hw->cvq->mz);
	rte_free(hw->cvq);
	hw->cvq = NULL;
	hw->cbuf = NULL;
}
