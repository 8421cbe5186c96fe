/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: the device handshake whatever the transport (virtio 1.1
 * 3.1.1: status, feature negotiation), the size of each virtqueue, and the
 * memory of a virtqueue (2.6, 2.7). The transport is reached through
 * hw->ops: PCI (virtio_pci.c) or vhost-user (virtio_user/).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_malloc.h>

#include "virtio_pci.h"
#include "virtqueue_packed.h"

/* 3.1.1: the status bits accumulate; each write keeps the earlier ones */
int
virtio_status_add(struct virtio_hw *hw, uint8_t bits)
{
	uint8_t s = bits == VIRTIO_STATUS_RESET ? 0 : virtio_status_get(hw) | bits;

	return hw->ops->status_set(hw, s);
}

/*
 * 3.1.1 steps 1-6: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK and
 * its read-back. Refuses a device without VERSION_1 (2.2, 6), or without a
 * feature the transport requires (PCI: ACCESS_PLATFORM, see virtio_pci.c).
 */
int
virtio_features_negotiate(struct virtio_hw *hw, uint64_t wanted)
{
	uint64_t offered, missing;
	int ret;

	ret = virtio_dev_reset(hw);
	if (ret != 0)
		return ret;
	ret = virtio_status_add(hw, VIRTIO_STATUS_ACKNOWLEDGE);
	if (ret == 0)
		ret = virtio_status_add(hw, VIRTIO_STATUS_DRIVER);
	if (ret != 0)
		goto failed;
	offered = hw->ops->features_get(hw);
	if (!(offered & VIRTIO_BIT(VIRTIO_F_VERSION_1))) {
		VIRTIO_LOG(ERR,
			   "%s: the device does not offer VIRTIO_F_VERSION_1: legacy-only "
			   "virtio is not supported; fix: give it disable-modern=off (QEMU), or "
			   "use a vhost-user back-end that offers it\n",
			   hw->name);
		ret = -ENOTSUP;
		goto failed;
	}
	missing = hw->ops->required & ~offered;
	if (missing & VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM)) {
		VIRTIO_LOG(
			ERR,
			"%s: the device does not offer VIRTIO_F_ACCESS_PLATFORM, so its DMA "
			"would bypass the IOMMU that VFIO programs; fix: give it "
			"iommu_platform=on (QEMU: -device virtio-net-pci,...,iommu_platform=on)\n",
			hw->name);
		ret = -ENOTSUP;
		goto failed;
	}
	if (missing != 0) {
		VIRTIO_LOG(ERR,
			   "%s: the device lacks features %#" PRIx64 " this transport "
			   "needs\n",
			   hw->name, missing);
		ret = -ENOTSUP;
		goto failed;
	}
	hw->features = offered & wanted;
	hw->ops->features_set(hw, hw->features);
	ret = virtio_status_add(hw, VIRTIO_STATUS_FEATURES_OK);
	if (ret != 0)
		goto failed;
	/* 3.1.1 step 6: the device clears FEATURES_OK when it rejects the subset */
	if (!(virtio_status_get(hw) & VIRTIO_STATUS_FEATURES_OK)) {
		VIRTIO_LOG(ERR, "%s: the device rejected features %#" PRIx64 "\n", hw->name,
			   hw->features);
		ret = -ENOTSUP;
		goto failed;
	}
	hw->num_queues = hw->ops->num_queues(hw);
	return 0;

failed:
	(void)virtio_status_add(hw, VIRTIO_STATUS_FAILED); /* 3.1.1 step 8 */
	return ret;
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
			VIRTIO_LOG(ERR,
				   "%s: virtqueue %u reports queue_size %u; a %s ring needs "
				   "%s up to 32768: the device is faulty\n",
				   dev->data->name, i, hw->vq_max[i],
				   hw->packed ? "packed" : "split",
				   hw->packed ? "a size from 1" : "a power of two");
			return -ENODEV;
		}
	}
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
		VIRTIO_LOG(ERR,
			   "%s: no DMA memory for virtqueue %u (%zu bytes): reserve more "
			   "hugepages\n",
			   dev->data->name, index, l.total);
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
	vq->kick_fd = -1;
	vq->use_va = hw->use_va;
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
		VIRTIO_LOG(ERR,
			   "%s: the device has no virtqueue %u: use fewer queues (at most "
			   "%u pairs)\n",
			   dev->data->name, index, hw->max_pairs);
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
