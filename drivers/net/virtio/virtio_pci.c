/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: the modern virtio PCI transport (virtio 1.1 section 4.1):
 * the capabilities that locate each structure, reset and the status
 * handshake (3.1), feature negotiation (2.2), device configuration reads
 * (2.4) and virtqueue setup (4.1.5.1.3), as the ops virtio_hw.c drives.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_io.h>
#include <rte_malloc.h>

#include <bus_vfio_driver.h>

#include "virtio_ethdev.h"

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

static uint8_t
pci_status_get(struct virtio_hw *hw)
{
	return rte_read8(&hw->common->device_status);
}

static int
pci_status_set(struct virtio_hw *hw, uint8_t status)
{
	rte_write8(status, &hw->common->device_status);
	return 0;
}

/* 4.1.4.3.2: write 0, then wait until device_status reads 0: DMA has stopped */
static int
pci_reset(struct virtio_hw *hw)
{
	rte_write8(VIRTIO_STATUS_RESET, &hw->common->device_status);
	for (unsigned int ms = 0; pci_status_get(hw) != 0; ms++) {
		if (ms >= VIRTIO_RESET_TIMEOUT_MS) {
			VIRTIO_LOG(ERR, "%s: the device did not finish its reset in %u ms\n",
				   hw->name, VIRTIO_RESET_TIMEOUT_MS);
			return -ETIMEDOUT;
		}
		rte_delay_ms(1);
	}
	return 0;
}

static uint64_t
pci_features_get(struct virtio_hw *hw)
{
	uint64_t f;

	/* 4.1.4.3: 32 bits at a time through device_feature_select */
	rte_write32(0, &hw->common->device_feature_select);
	f = rte_read32(&hw->common->device_feature);
	rte_write32(1, &hw->common->device_feature_select);
	f |= (uint64_t)rte_read32(&hw->common->device_feature) << 32;
	return f;
}

static void
pci_features_set(struct virtio_hw *hw, uint64_t features)
{
	rte_write32(0, &hw->common->driver_feature_select);
	rte_write32((uint32_t)features, &hw->common->driver_feature);
	rte_write32(1, &hw->common->driver_feature_select);
	rte_write32((uint32_t)(features >> 32), &hw->common->driver_feature);
}

static uint16_t
pci_num_queues(struct virtio_hw *hw)
{
	return rte_read16(&hw->common->num_queues);
}

/*
 * 2.4.1 / 4.1.4.3.1: read until config_generation is the same before and
 * after. A device that changes it on every read gets VIRTIO_CFG_READ_TRIES
 * tries: then -EIO and zeros in buf, so a caller that goes on sees nothing.
 */
static int
pci_cfg_read(struct virtio_hw *hw, size_t off, void *buf, size_t len)
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
		   hw->name, VIRTIO_CFG_READ_TRIES);
	return -EIO;
}

uint8_t
virtio_isr_read(struct virtio_hw *hw)
{
	return rte_read8(hw->isr);	/* 4.1.4.5: reading clears it */
}

/* The largest size of queue index; 0 if the device does not have it. */
static uint16_t
pci_queue_max_size(struct virtio_hw *hw, uint16_t index)
{
	if (index >= hw->num_queues)
		return 0;
	rte_write16(index, &hw->common->queue_select);
	return rte_read16(&hw->common->queue_size);
}

static void
virtio_write64(uint64_t v, volatile uint32_t *lo, volatile uint32_t *hi)
{
	rte_write32((uint32_t)v, lo);
	rte_write32((uint32_t)(v >> 32), hi);
}

/* 4.1.5.1.3 Virtqueue Configuration, between FEATURES_OK and DRIVER_OK. */
static int
pci_queue_program(struct virtio_hw *hw, struct virtqueue *vq)
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
			   "vectors (QEMU: vectors=N)\n", hw->name, vq->index,
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
			   "structure (%u bytes)\n", hw->name, vq->index, where,
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

/*
 * ACCESS_PLATFORM is required: behind VFIO's type1 IOMMU every DMA address
 * is an IOVA, and a device that ignores the IOMMU would write to
 * guest-physical addresses instead (6.1).
 */
const struct virtio_ops virtio_pci_ops = {
	.required = VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM),
	.reset = pci_reset,
	.status_get = pci_status_get,
	.status_set = pci_status_set,
	.features_get = pci_features_get,
	.features_set = pci_features_set,
	.num_queues = pci_num_queues,
	.cfg_read = pci_cfg_read,
	.queue_max_size = pci_queue_max_size,
	.queue_program = pci_queue_program,
	.intr_setup = virtio_intr_setup,
	.intr_teardown = virtio_intr_teardown,
};
