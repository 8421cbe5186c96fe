/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: the modern virtio PCI transport (virtio 1.1 section 4.1):
 * the capabilities that locate each structure, reset and the status
 * handshake (3.1), feature negotiation (2.2), device configuration reads
 * (2.4) and virtqueue setup (4.1.5.1.3); the memory of a virtqueue (2.6)
 * and the control virtqueue (5.1.6.5).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_io.h>
#include <rte_malloc.h>

#include <bus_vfio_driver.h>

#include "virtio_pci.h"

#define VIRTIO_RESET_TIMEOUT_MS 1000
/* 2.4.1: a device whose configuration keeps changing over this many reads is broken */
#define VIRTIO_CFG_READ_TRIES 64
/* 4.1.4: config space is 256 bytes; a list longer than this loops */
#define VIRTIO_PCI_CAPS_MAX 48

static volatile void *
virtio_cap_map(struct virtio_hw *hw, const struct virtio_pci_cap *cap, uint32_t need)
{
	size_t bar_len = 0;
	uint8_t *bar;

	/* 4.1.4.1: bar values 0x0..0x5 name a BAR; others are reserved */
	if (cap->bar > 5) {
		VIRTIO_LOG(ERR, "%s: capability type %u names BAR %u\n", hw->pdev->name,
			   cap->cfg_type, cap->bar);
		return NULL;
	}
	bar = rte_pci_vfio_bar_get(hw->pdev, cap->bar, &bar_len);
	if (bar == NULL || cap->length < need || (uint64_t)cap->offset + cap->length > bar_len) {
		VIRTIO_LOG(ERR, "%s: capability type %u (BAR %u, offset %#x, length %u) lies "
			   "outside the mapped BAR (%zu bytes)\n", hw->pdev->name, cap->cfg_type,
			   cap->bar, cap->offset, cap->length, bar_len);
		return NULL;
	}
	return bar + cap->offset;
}

/*
 * 4.1.4: walk the capability list for the vendor-specific capabilities;
 * 4.1.4.1: of several of one type the driver uses the first it can.
 */
int
virtio_pci_caps_find(struct virtio_hw *hw)
{
	struct rte_pci_device *pdev = hw->pdev;
	uint16_t status = 0;
	uint8_t pos = 0;
	unsigned int n;

	if (rte_pci_read_config(pdev, &status, sizeof(status), PCI_STATUS) != sizeof(status) ||
	    !(status & PCI_STATUS_CAP_LIST) ||
	    rte_pci_read_config(pdev, &pos, 1, PCI_CAPABILITY_LIST) != 1) {
		VIRTIO_LOG(ERR, "%s: no PCI capability list: not a modern virtio device "
			   "(QEMU: disable-modern=off)\n", pdev->name);
		return -ENODEV;
	}
	for (n = 0; pos != 0 && n < VIRTIO_PCI_CAPS_MAX; n++) {
		struct virtio_pci_notify_cap nc;
		struct virtio_pci_cap *cap = &nc.cap;

		pos &= 0xFC;	/* PCI 3.0 6.7: the low two bits are reserved */
		if (pos < 0x40 || rte_pci_read_config(pdev, cap, sizeof(*cap), pos) != sizeof(*cap))
			break;
		if (cap->cap_vndr != PCI_CAP_ID_VNDR || cap->cap_len < sizeof(*cap))
			goto next;
		switch (cap->cfg_type) {
		case VIRTIO_PCI_CAP_COMMON_CFG:
			if (hw->common == NULL)
				hw->common = virtio_cap_map(hw, cap, sizeof(*hw->common));
			break;
		case VIRTIO_PCI_CAP_NOTIFY_CFG:
			if (hw->notify_base != NULL || cap->cap_len < sizeof(nc) ||
			    rte_pci_read_config(pdev, &nc.notify_off_multiplier, 4, pos + 16) != 4)
				break;
			hw->notify_base = virtio_cap_map(hw, cap, 2);
			hw->notify_len = cap->length;
			hw->notify_mult = nc.notify_off_multiplier;
			break;
		case VIRTIO_PCI_CAP_ISR_CFG:
			if (hw->isr == NULL)
				hw->isr = virtio_cap_map(hw, cap, 1);
			break;
		case VIRTIO_PCI_CAP_DEVICE_CFG:
			if (hw->dev_cfg == NULL) {
				hw->dev_cfg = virtio_cap_map(hw, cap, 6);
				hw->dev_cfg_len = cap->length;
			}
			break;
		default:
			break;	/* PCI_CFG access and vendor extras are not needed */
		}
next:
		pos = cap->cap_next;
	}
	if (hw->common == NULL || hw->notify_base == NULL || hw->isr == NULL) {
		VIRTIO_LOG(ERR, "%s: missing virtio capability:%s%s%s; a modern virtio-net device "
			   "has all of them (QEMU: disable-modern=off)\n", pdev->name,
			   hw->common == NULL ? " common" : "",
			   hw->notify_base == NULL ? " notify" : "", hw->isr == NULL ? " ISR" : "");
		return -ENODEV;
	}
	return 0;
}

uint8_t
virtio_status_get(struct virtio_hw *hw)
{
	return rte_read8(&hw->common->device_status);
}

/* 3.1.1: the status bits accumulate; each write keeps the earlier ones */
void
virtio_status_add(struct virtio_hw *hw, uint8_t bits)
{
	uint8_t s = bits == VIRTIO_STATUS_RESET ? 0 : virtio_status_get(hw) | bits;

	rte_write8(s, &hw->common->device_status);
}

/* 4.1.4.3.2: write 0, then wait until device_status reads 0: DMA has stopped */
int
virtio_dev_reset(struct virtio_hw *hw)
{
	rte_write8(VIRTIO_STATUS_RESET, &hw->common->device_status);
	for (unsigned int ms = 0; virtio_status_get(hw) != 0; ms++) {
		if (ms >= VIRTIO_RESET_TIMEOUT_MS) {
			VIRTIO_LOG(ERR, "%s: the device did not finish its reset in %u ms\n",
				   hw->pdev->name, VIRTIO_RESET_TIMEOUT_MS);
			return -ETIMEDOUT;
		}
		rte_delay_ms(1);
	}
	return 0;
}

static uint64_t
virtio_device_features(struct virtio_hw *hw)
{
	uint64_t f;

	/* 4.1.4.3: 32 bits at a time through device_feature_select */
	rte_write32(0, &hw->common->device_feature_select);
	f = rte_read32(&hw->common->device_feature);
	rte_write32(1, &hw->common->device_feature_select);
	f |= (uint64_t)rte_read32(&hw->common->device_feature) << 32;
	return f;
}

/*
 * 3.1.1 steps 1-6: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK and
 * its read-back. Refuses a device without VERSION_1 (2.2, 6) or without
 * ACCESS_PLATFORM: behind VFIO's type1 IOMMU every DMA address is an IOVA,
 * and a device that ignores the IOMMU would write to guest-physical
 * addresses instead (6.1: ACCESS_PLATFORM).
 */
int
virtio_features_negotiate(struct virtio_hw *hw, uint64_t wanted)
{
	const char *name = hw->pdev->name;
	uint64_t offered;
	int ret;

	ret = virtio_dev_reset(hw);
	if (ret != 0)
		return ret;
	virtio_status_add(hw, VIRTIO_STATUS_ACKNOWLEDGE);
	virtio_status_add(hw, VIRTIO_STATUS_DRIVER);
	offered = virtio_device_features(hw);
	if (!(offered & VIRTIO_BIT(VIRTIO_F_VERSION_1))) {
		VIRTIO_LOG(ERR, "%s: the device does not offer VIRTIO_F_VERSION_1: legacy-only "
			   "virtio is not supported; fix: give it disable-modern=off (QEMU)\n", name);
		ret = -ENOTSUP;
		goto failed;
	}
	if (!(offered & VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM))) {
		VIRTIO_LOG(ERR, "%s: the device does not offer VIRTIO_F_ACCESS_PLATFORM, so its DMA "
			   "would bypass the IOMMU that VFIO programs; fix: give it "
			   "iommu_platform=on (QEMU: -device virtio-net-pci,...,iommu_platform=on)\n",
			   name);
		ret = -ENOTSUP;
		goto failed;
	}
	hw->features = offered & wanted;
	rte_write32(0, &hw->common->driver_feature_select);
	rte_write32((uint32_t)hw->features, &hw->common->driver_feature);
	rte_write32(1, &hw->common->driver_feature_select);
	rte_write32((uint32_t)(hw->features >> 32), &hw->common->driver_feature);
	virtio_status_add(hw, VIRTIO_STATUS_FEATURES_OK);
	/* 3.1.1 step 6: the device clears FEATURES_OK when it rejects the subset */
	if (!(virtio_status_get(hw) & VIRTIO_STATUS_FEATURES_OK)) {
		VIRTIO_LOG(ERR, "%s: the device rejected features %#" PRIx64 "\n", name,
			   hw->features);
		ret = -ENOTSUP;
		goto failed;
	}
	hw->num_queues = rte_read16(&hw->common->num_queues);
	return 0;

failed:
	virtio_status_add(hw, VIRTIO_STATUS_FAILED);	/* 3.1.1 step 8 */
	return ret;
}

/*
 * 2.4.1 / 4.1.4.3.1: read until config_generation is the same before and
 * after. A device that changes it on every read gets VIRTIO_CFG_READ_TRIES
 * tries: then -EIO and zeros in buf, so a caller that goes on sees nothing.
 */
int
virtio_dev_cfg_read(struct virtio_hw *hw, size_t off, void *buf, size_t len)
{
	uint8_t gen, *dst = buf;

	if (hw->dev_cfg == NULL || off + len > hw->dev_cfg_len) {
		memset(buf, 0, len);
		return -EINVAL;
	}
	for (unsigned int tries = 0; tries < VIRTIO_CFG_READ_TRIES; tries++) {
		gen = rte_read8(&hw->common->config_generation);
		for (size_t i = 0; i < len; i++)
			dst[i] = rte_read8(hw->dev_cfg + off + i);
		if (rte_read8(&hw->common->config_generation) == gen)
			return 0;
	}
	memset(buf, 0, len);
	VIRTIO_LOG(ERR, "%s: the device configuration changed during each of %u reads "
		   "(config_generation never settled): the device is faulty; reset it\n",
		   hw->pdev != NULL ? hw->pdev->name : "virtio", VIRTIO_CFG_READ_TRIES);
	return -EIO;
}

uint8_t
virtio_isr_read(struct virtio_hw *hw)
{
	return rte_read8(hw->isr);	/* 4.1.4.5: reading clears it */
}

/* The largest size of queue index; 0 if the device does not have it. */
uint16_t
virtio_queue_max_size(struct virtio_hw *hw, uint16_t index)
{
	if (index >= hw->num_queues)
		return 0;
	rte_write16(index, &hw->common->queue_select);
	return rte_read16(&hw->common->queue_size);
}

/*
 * The largest size of every virtqueue the driver may use, read while MQ is
 * negotiated so every pair's queues exist (4.1.5.1.3). A size no ring can
 * have (2.6, 2.7) means a faulty device: refused here, so no ring is ever
 * laid out or indexed with it.
 */
int
virtio_queue_sizes_read(struct rte_eth_dev *dev, struct virtio_hw *hw)
{
	hw->vq_max = rte_zmalloc_socket("virtio_vq_max", sizeof(uint16_t) * 2 * hw->max_pairs, 0,
					dev->data->numa_node);
	if (hw->vq_max == NULL)
		return -ENOMEM;
	for (uint16_t i = 0; i < 2 * hw->max_pairs; i++) {
		hw->vq_max[i] = virtio_queue_max_size(hw, i);
		if (!virtq_size_valid(hw->vq_max[i], hw->packed)) {
			VIRTIO_LOG(ERR, "%s: virtqueue %u reports queue_size %u; a %s ring needs "
				   "%s up to 32768: the device is faulty\n", dev->data->name, i,
				   hw->vq_max[i], hw->packed ? "packed" : "split",
				   hw->packed ? "a size from 1" : "a power of two");
			return -ENODEV;
		}
	}
	return 0;
}

static void
virtio_write64(uint64_t v, volatile uint32_t *lo, volatile uint32_t *hi)
{
	rte_write32((uint32_t)v, lo);
	rte_write32((uint32_t)(v >> 32), hi);
}

/* 4.1.5.1.3 Virtqueue Configuration, between FEATURES_OK and DRIVER_OK. */
int
virtio_queue_program(struct virtio_hw *hw, struct virtqueue *vq)
{
	volatile struct virtio_pci_common_cfg *c = hw->common;
	rte_iova_t base = vq->mz->iova;
	/* 2.6 / 2.7.10: descriptor area, driver area, device area */
	struct virtq_layout l = virtq_layout_of(vq->size, 0, vq->packed);
	uint16_t notify_off;
	uint64_t where;

	rte_write16(vq->index, &c->queue_select);
	/* 4.1.4.3.2: a smaller power of two than the device's maximum may be written */
	rte_write16(vq->size, &c->queue_size);
	rte_write16(vq->msix_vector, &c->queue_msix_vector);
	/* 4.1.5.1.2: the device answers NO_VECTOR when it cannot map the vector */
	if (vq->msix_vector != VIRTIO_MSI_NO_VECTOR &&
	    rte_read16(&c->queue_msix_vector) != vq->msix_vector) {
		VIRTIO_LOG(ERR, "%s: queue %u cannot use MSI-X vector %u: give the device more "
			   "vectors (QEMU: vectors=N)\n", hw->pdev->name, vq->index,
			   vq->msix_vector);
		return -ENOSPC;
	}
	virtio_write64(base, &c->queue_desc_lo, &c->queue_desc_hi);
	virtio_write64(base + l.avail_off, &c->queue_driver_lo, &c->queue_driver_hi);
	virtio_write64(base + l.used_off, &c->queue_device_lo, &c->queue_device_hi);
	/* 4.1.4.4: the queue's doorbell is at notify_off * multiplier in the notify structure */
	notify_off = rte_read16(&c->queue_notify_off);
	where = (uint64_t)notify_off * hw->notify_mult;
	if (where + 2 > hw->notify_len) {
		VIRTIO_LOG(ERR, "%s: queue %u notify offset %" PRIu64 " is past the notify "
			   "structure (%u bytes)\n", hw->pdev->name, vq->index, where,
			   hw->notify_len);
		return -EIO;
	}
	vq->notify_addr = (volatile uint16_t *)(hw->notify_base + where);
	rte_write16(1, &c->queue_enable);
	return 0;
}

/* 4.1.4.3: the configuration-change vector; -ENOSPC when the device refuses it */
int
virtio_msix_config_set(struct virtio_hw *hw, uint16_t vector)
{
	rte_write16(vector, &hw->common->msix_config);
	if (vector != VIRTIO_MSI_NO_VECTOR && rte_read16(&hw->common->msix_config) != vector)
		return -ENOSPC;
	return 0;
}

/* --- virtqueue memory ------------------------------------------------------ */

int
virtq_alloc(struct rte_eth_dev *dev, struct virtqueue *vq, uint16_t index, uint16_t size,
	    size_t extra, int socket)
{
	struct virtio_hw *hw = dev->data->dev_private;
	struct virtq_layout l = virtq_layout_of(size, extra, hw->packed);
	char name[RTE_MEMZONE_NAMESIZE];
	uint8_t *base;

	snprintf(name, sizeof(name), "virtio_%u_vq%u", dev->data->port_id, index);
	/* 2.6: descriptor table aligned to 16, avail to 2, used to 4; a page keeps it simple */
	vq->mz = rte_memzone_reserve_aligned(name, l.total, socket, RTE_MEMZONE_IOVA_CONTIG, 4096);
	if (vq->mz == NULL) {
		VIRTIO_LOG(ERR, "%s: no DMA memory for virtqueue %u (%zu bytes): reserve more "
			   "hugepages\n", dev->data->name, index, l.total);
		return -ENOMEM;
	}
	base = vq->mz->addr;
	memset(base, 0, l.total);
	vq->packed = hw->packed;
	if (vq->packed) {
		/* 2.7.10: descriptor ring, driver area, device area */
		vq->pdesc = (struct vring_packed_desc *)base;
		vq->drv_event = (struct vring_packed_desc_event *)(base + l.avail_off);
		vq->dev_event = (volatile struct vring_packed_desc_event *)(base + l.used_off);
	} else {
		vq->desc = (struct vring_desc *)base;
		vq->avail = (struct vring_avail *)(base + l.avail_off);
		vq->used = (volatile struct vring_used *)(base + l.used_off);
	}
	vq->size = size;
	vq->mask = (uint16_t)(size - 1);
	vq->index = index;
	vq->msix_vector = VIRTIO_MSI_NO_VECTOR;
	return 0;
}

/* The ring size for a queue: what was asked, as a power of two the device allows. */
int
virtq_size_pick(struct rte_eth_dev *dev, uint16_t index, uint16_t nb_desc, uint16_t *size)
{
	struct virtio_hw *hw = dev->data->dev_private;
	/*
	 * The sizes read at probe: queues are set up while the device is
	 * reset, and a device may then hide the virtqueues beyond the first
	 * pair until MQ is negotiated again (QEMU does).
	 */
	uint16_t max = index < 2 * hw->max_pairs ? hw->vq_max[index] : 0, s;

	if (max == 0) {
		VIRTIO_LOG(ERR, "%s: the device has no virtqueue %u: use fewer queues (at most "
			   "%u pairs)\n", dev->data->name, index, hw->max_pairs);
		return -EINVAL;
	}
	if (nb_desc == 0 || nb_desc >= max) {
		*size = max;
		return 0;
	}
	for (s = 1; (uint16_t)(s << 1) != 0 && (uint16_t)(s << 1) <= nb_desc; s <<= 1)
		;
	*size = RTE_MAX(s, (uint16_t)2);
	return 0;
}

/* --- control virtqueue (5.1.6.5) ----------------------------------------- */

/*
 * Commands take turns over slots so that consecutive ones carry different
 * tokens: the head descriptor of a split chain (3 descriptors a slot), the
 * buffer id on a packed ring. A completion with any other token is not the
 * command's, whatever it says.
 */
#define VIRTIO_CTRL_CHAIN_MAX 3
#define VIRTIO_CTRL_SLOTS_MAX 16
#define VIRTIO_CTRL_NO_TOKEN UINT32_MAX	/* in messages: no command was out */

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
	hw->cbuf_iova = hw->cvq->mz->iova + l.extra_off;
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
	virtq_interrupts_set(vq, false);	/* polled */
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
	vq->kick_idx = 0;	/* the doorbell is rung unconditionally */
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
	rte_smp_rmb();	/* 2.6.14: the entry and the ack are read after used->idx */
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
		VIRTIO_LOG(ERR, "%s: the control queue returned token %u while no command was "
			   "out: control commands are off until the port is stopped and "
			   "started again\n", dev->data->name, token);
	else
		VIRTIO_LOG(ERR, "%s: the control queue returned token %u while it held %u: "
			   "control commands are off until the port is stopped and started "
			   "again\n", dev->data->name, token, want);
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
		VIRTIO_LOG(ERR, "%s: the device has not yet answered the control command that "
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
	rte_iova_t iova = hw->cbuf_iova;
	struct vring_desc chain[VIRTIO_CTRL_CHAIN_MAX];
	uint32_t token = 0, want;
	uint16_t n = 0;
	uint8_t ack;
	int ret;

	if (hw->ctrl_broken) {
		VIRTIO_LOG(ERR, "%s: control command %u.%u refused: the control queue is out of "
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
	chain[n++] = (struct vring_desc){ iova + offsetof(struct virtio_ctrl_buf, hdr),
					  sizeof(b->hdr), VRING_DESC_F_NEXT, 0 };
	if (len != 0)
		chain[n++] = (struct vring_desc){ iova + offsetof(struct virtio_ctrl_buf, data),
						  len, VRING_DESC_F_NEXT, 0 };
	chain[n++] = (struct vring_desc){ iova + offsetof(struct virtio_ctrl_buf, ack), 1,
					  VRING_DESC_F_WRITE, 0 };
	if (vq->packed)
		ctrl_post_packed(vq, chain, n, (uint16_t)want);
	else
		ctrl_post_split(vq, chain, n, (uint16_t)want);
	rte_smp_mb();	/* the ring is visible before the doorbell */
	rte_write16_relaxed(vq->index, vq->notify_addr);
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
	ack = *(volatile uint8_t *)&b->ack;	/* the device wrote it: one load */
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
