/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Devices by vid and what an application asks of one: negotiated features,
 * rings, memory table, and signalling the front-end.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "vhost_driver.h"
#include "vhost_private.h"

static struct vhost_dev *vhost_devs[RTE_MAX_VHOST_DEVICE];
static pthread_mutex_t vhost_devs_lock = PTHREAD_MUTEX_INITIALIZER;

struct vhost_dev *
vhost_dev_get(int vid)
{
	if (vid < 0 || vid >= RTE_MAX_VHOST_DEVICE)
		return NULL;
	/* acquire: pairs with the release in vhost_dev_register(), the device is filled in */
	return __atomic_load_n(&vhost_devs[vid], __ATOMIC_ACQUIRE);
}

int
vhost_dev_register(struct vhost_dev *dev)
{
	int vid = -ENOSPC;

	pthread_mutex_lock(&vhost_devs_lock);
	for (int i = 0; i < RTE_MAX_VHOST_DEVICE; i++) {
		if (vhost_devs[i] == NULL) {
			dev->vid = i;
			__atomic_store_n(&vhost_devs[i], dev, __ATOMIC_RELEASE);
			vid = i;
			break;
		}
	}
	pthread_mutex_unlock(&vhost_devs_lock);
	return vid;
}

void
vhost_dev_unregister(struct vhost_dev *dev)
{
	pthread_mutex_lock(&vhost_devs_lock);
	__atomic_store_n(&vhost_devs[dev->vid], NULL, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&vhost_devs_lock);
}

/*
 * 2.6.7.1: with EVENT_IDX the front-end names the used index it wants to
 * hear about (used_event, after the avail ring); without it, a flag.
 */
void
vhost_vq_notify(struct vhost_dev *dev, struct vhost_vq *vq)
{
	uint16_t old = vq->signalled_used, now = vq->last_used;
	bool wanted;

	if (vq->callfd < 0)
		return;
	/* the used index store before the front-end's suppression field is read (2.6.7.1) */
	rte_smp_mb();
	if (vq->packed) {
		wanted = vhost_packed_call_wanted(vq);
	} else if (dev->features & VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX)) {
		uint16_t event = ((volatile uint16_t *)vq->avail->ring)[vq->num];

		wanted = virtq_need_event(event, now, old);
	} else {
		wanted = !(((volatile struct vring_avail *)vq->avail)->flags &
			   VRING_AVAIL_F_NO_INTERRUPT);
	}
	vq->signalled_used = now;
	if (wanted) {
		eventfd_write(vq->callfd, 1);
		if (dev->sock->ops.guest_notified != NULL)
			dev->sock->ops.guest_notified(dev->vid);
	}
}

__rte_export int
rte_vhost_get_negotiated_features(int vid, uint64_t *features)
{
	struct vhost_dev *dev = vhost_dev_get(vid);

	if (dev == NULL || features == NULL)
		return -1;
	*features = dev->features;
	return 0;
}

__rte_export int
rte_vhost_get_negotiated_protocol_features(int vid, uint64_t *protocol_features)
{
	struct vhost_dev *dev = vhost_dev_get(vid);

	if (dev == NULL || protocol_features == NULL)
		return -1;
	*protocol_features = dev->protocol_features;
	return 0;
}

__rte_export int
rte_vhost_get_numa_node(int vid)
{
	/* the front-end's memory is wherever it put it; nothing here pins it */
	return vhost_dev_get(vid) == NULL ? -1 : 0;
}

__rte_export uint16_t
rte_vhost_get_vring_num(int vid)
{
	struct vhost_dev *dev = vhost_dev_get(vid);

	return dev == NULL ? 0 : dev->nr_vring;
}

__rte_export int
rte_vhost_get_ifname(int vid, char *buf, size_t len)
{
	struct vhost_dev *dev = vhost_dev_get(vid);

	if (dev == NULL || buf == NULL || len == 0)
		return -1;
	rte_strlcpy(buf, dev->sock->path, len);
	return 0;
}

__rte_export int
rte_vhost_get_mem_table(int vid, struct rte_vhost_memory **mem)
{
	struct vhost_dev *dev = vhost_dev_get(vid);
	struct rte_vhost_memory *m;

	if (dev == NULL || mem == NULL)
		return -1;
	m = malloc(sizeof(*m) + sizeof(m->regions[0]) * VHOST_USER_MEMORY_MAX_NREGIONS);
	if (m == NULL)
		return -1;
	vhost_dev_lock_all(dev);
	m->nregions = dev->nregions;
	for (uint32_t i = 0; i < dev->nregions; i++) {
		const struct vhost_mem_region *r = &dev->regions[i];

		m->regions[i] = (struct rte_vhost_mem_region){
			.guest_phys_addr = r->gpa,
			.guest_user_addr = r->uva,
			.host_user_addr = (uint64_t)(uintptr_t)r->host,
			.size = r->size,
			.mmap_addr = r->map,
			.mmap_size = r->map_len,
			.fd = r->fd,
		};
	}
	vhost_dev_unlock_all(dev);
	*mem = m;
	return 0;
}

/* A ring of a device by its index, locked; NULL when either does not exist. */
static struct vhost_vq *
vhost_vq_lock(int vid, uint16_t queue_id, struct vhost_dev **devp)
{
	struct vhost_dev *dev = vhost_dev_get(vid);

	if (dev == NULL || queue_id >= VHOST_MAX_VRINGS)
		return NULL;
	rte_spinlock_lock(&dev->vq[queue_id].lock);
	*devp = dev;
	return &dev->vq[queue_id];
}

__rte_export int
rte_vhost_enable_guest_notification(int vid, uint16_t queue_id, int enable)
{
	struct vhost_dev *dev;
	struct vhost_vq *vq = vhost_vq_lock(vid, queue_id, &dev);

	if (vq == NULL)
		return -1;
	vq->kicks_wanted = enable != 0;
	if (vq->ready && vq->desc != NULL && vq->packed) {
		vq->dev_event->flags = enable ? RING_EVENT_FLAGS_ENABLE : RING_EVENT_FLAGS_DISABLE;
	} else if (vq->ready && vq->desc != NULL) {
		/* 2.6.10: with EVENT_IDX, the next avail index wanted; else a flag */
		if (dev->features & VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX))
			((volatile uint16_t *)vq->used->ring)[vq->num * 4] = vq->last_avail;
		else
			vq->used->flags = enable ? 0 : VRING_USED_F_NO_NOTIFY;
	}
	rte_spinlock_unlock(&vq->lock);
	return 0;
}

__rte_export int
rte_vhost_vring_call(int vid, uint16_t vring_idx)
{
	struct vhost_dev *dev;
	struct vhost_vq *vq = vhost_vq_lock(vid, vring_idx, &dev);
	int ret = -1;

	if (vq == NULL)
		return -1;
	if (vq->ready && vq->desc != NULL) {
		vhost_vq_notify(dev, vq);
		ret = 0;
	}
	rte_spinlock_unlock(&vq->lock);
	return ret;
}

__rte_export uint16_t
rte_vhost_avail_entries(int vid, uint16_t queue_id)
{
	struct vhost_dev *dev;
	struct vhost_vq *vq = vhost_vq_lock(vid, queue_id, &dev);
	uint16_t n = 0;

	if (vq == NULL)
		return 0;
	/* packed rings have no index to count from */
	if (vq->ready && vq->desc != NULL && !vq->broken && !vq->packed) {
		n = (uint16_t)(__atomic_load_n(&vq->avail->idx, __ATOMIC_ACQUIRE) - vq->last_avail);
		n = RTE_MIN(n, (uint16_t)vq->num);
	}
	rte_spinlock_unlock(&vq->lock);
	return n;
}

uint64_t
vhost_vring_errors_get(int vid, uint16_t vring_idx)
{
	struct vhost_dev *dev = vhost_dev_get(vid);

	if (dev == NULL || vring_idx >= VHOST_MAX_VRINGS)
		return 0;
	return __atomic_load_n(&dev->vq[vring_idx].errors, __ATOMIC_RELAXED);
}
