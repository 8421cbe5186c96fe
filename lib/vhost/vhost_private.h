/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internal state of the vhost-user back-end. A socket (registered path)
 * owns one device for its whole life; a connection fills the device in and
 * a disconnection empties it, so a vid stays valid until unregister.
 *
 * Locking: every message is handled with all the device's ring locks held;
 * a burst call only try-locks its ring and returns 0 when it is taken or the
 * ring is not ready. So what a burst reads (regions, ring pointers) never
 * changes under it.
 */
#ifndef _VHOST_PRIVATE_H_
#define _VHOST_PRIVATE_H_

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_log.h>
#include <rte_spinlock.h>
#include <rte_vhost.h>

#include "vhost_user_wire.h"
#include "virtio_ring.h"

extern int vhost_logtype;
#define VHOST_LOG(level, ...) rte_log(RTE_LOG_##level, vhost_logtype, __VA_ARGS__)

#define VHOST_MAX_QUEUE_PAIRS 8
#define VHOST_MAX_VRINGS (2 * VHOST_MAX_QUEUE_PAIRS)
/* a kick/call fd slot that no message has set (-1 is "set, but no fd") */
#define VHOST_FD_UNSET (-2)
/* the longest packet either direction copies (a TSO-sized frame) */
#define VHOST_MAX_PKT_LEN 65535u

/* Features this back-end implements; the application can only remove from them. */
#define VHOST_FEATURES_SUPPORTED                                                \
	(VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) | VIRTIO_BIT(VIRTIO_NET_F_MQ) |     \
	 VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX) | VIRTIO_BIT(VIRTIO_F_VERSION_1) | \
	 VIRTIO_BIT(VIRTIO_F_RING_PACKED) | VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES))
#define VHOST_PROTOCOL_FEATURES_SUPPORTED \
	(VIRTIO_BIT(VHOST_USER_PROTOCOL_F_MQ) | VIRTIO_BIT(VHOST_USER_PROTOCOL_F_REPLY_ACK))

/* One region of the front-end's memory, mapped here. */
struct vhost_mem_region {
	uint64_t gpa; /* guest physical: what descriptors hold */
	uint64_t uva; /* the front-end's virtual address: what ring addresses hold */
	uint64_t size;
	uint8_t *host; /* where gpa is mapped in this process */
	void *map;
	size_t map_len;
	int fd;
};

struct vhost_vq {
	rte_spinlock_t lock;
	/* as the messages set them */
	uint32_t num;
	struct vhost_user_vring_addr addr;
	bool addr_set;
	bool enabled;
	int kickfd;
	int callfd;
	/*
	 * Valid while ready: translated ring parts, checked to lie inside a
	 * region; a packed ring (2.7) has its descriptors and the driver's and
	 * device's event areas where a split one has its three parts.
	 */
	bool packed;
	union {
		struct vring_desc *desc;
		struct vring_packed_desc *pdesc;
	};
	union {
		struct vring_avail *avail;
		struct vring_packed_desc_event *drv_event;
	};
	union {
		struct vring_used *used;
		struct vring_packed_desc_event *dev_event;
	};
	/* split: free-running indices; packed: positions below num, with wrap counters */
	uint16_t last_avail; /* next avail entry to take (SET/GET_VRING_BASE) */
	uint16_t last_used;  /* next used entry to fill */
	bool avail_wrap;
	bool used_wrap;
	uint16_t signalled_used; /* last_used when the front-end was last called */
	bool ready;
	bool kicks_wanted; /* rte_vhost_enable_guest_notification() */
	/* bad rings the front-end wrote: counted, the ring stops until set up again */
	bool broken;
	uint64_t errors;
};

struct vhost_socket;

struct vhost_dev {
	int vid;
	struct vhost_socket *sock;
	uint64_t features; /* negotiated */
	uint64_t protocol_features;
	uint16_t hdr_len; /* virtio_net_hdr bytes in front of each packet */
	bool running;	  /* new_device() returned 0, destroy_device() not yet called */
	uint32_t nregions;
	struct vhost_mem_region regions[VHOST_USER_MEMORY_MAX_NREGIONS];
	uint16_t nr_vring; /* highest vring index a message named, plus one */
	struct vhost_vq vq[VHOST_MAX_VRINGS];
	uint64_t msg_errors; /* messages refused */
};

struct vhost_socket {
	char path[108];
	uint64_t flags;
	uint64_t features;	    /* offered */
	uint64_t protocol_features; /* offered */
	uint32_t max_queue_pairs;
	struct rte_vhost_device_ops ops;
	bool started;
	atomic_bool stop;
	int listen_fd;
	atomic_int conn_fd;
	pthread_t thread;
	struct vhost_dev dev;
};

/* vhost_mem.c */
int vhost_mem_table_set(struct vhost_dev *dev, const struct vhost_user_memory *mem, int *fds,
			unsigned int nfds);
void vhost_mem_table_free(struct vhost_dev *dev);
void *vhost_mem_uva_to_va(const struct vhost_dev *dev, uint64_t uva, uint64_t len);

/*
 * A buffer the front-end named by guest physical address, if all of
 * [gpa, gpa + len) lies inside one region; NULL otherwise.
 */
static inline void *
vhost_mem_gpa_to_va(const struct vhost_dev *dev, uint64_t gpa, uint64_t len)
{
	for (uint32_t i = 0; i < dev->nregions; i++) {
		const struct vhost_mem_region *r = &dev->regions[i];

		/* written so that no sum can wrap: gpa - r->gpa is only taken when gpa >= r->gpa */
		if (gpa >= r->gpa && gpa - r->gpa < r->size && len <= r->size - (gpa - r->gpa))
			return r->host + (gpa - r->gpa);
	}
	return NULL;
}

/* vhost_user.c */
void vhost_dev_init(struct vhost_dev *dev, struct vhost_socket *sock, int vid);
/*
 * Handle one received message (header checked for version and size, fds
 * owned by the call: each is kept or closed). Returns 0, 1 when msg now
 * holds a reply to send, or a negative errno when the message is refused.
 */
int vhost_user_msg_handle(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			  unsigned int nfds);
/* Recompute which rings are ready and tell the application what changed. */
void vhost_dev_state_update(struct vhost_dev *dev);
/* Stop the device (destroy_device) and forget everything the front-end set. */
void vhost_dev_reset(struct vhost_dev *dev);
void vhost_dev_lock_all(struct vhost_dev *dev);
void vhost_dev_unlock_all(struct vhost_dev *dev);

/* vhost_dev.c */
struct vhost_dev *vhost_dev_get(int vid);
int vhost_dev_register(struct vhost_dev *dev);
void vhost_dev_unregister(struct vhost_dev *dev);
/* Signal the front-end after used entries up to vq->last_used were published. */
void vhost_vq_notify(struct vhost_dev *dev, struct vhost_vq *vq);

/*
 * vhost_ring.c, vhost_split.c, vhost_packed.c: find the ring's parts in the
 * regions: 0, -EFAULT (outside them or misaligned), -ESTALE (a packed ring
 * resumed at a position already used; logged)
 */
int vhost_ring_translate(struct vhost_dev *dev, struct vhost_vq *vq);
int vhost_split_ring_translate(struct vhost_dev *dev, struct vhost_vq *vq);
int vhost_packed_ring_translate(struct vhost_dev *dev, struct vhost_vq *vq);
/* Whether the front-end wants a call for the used entries of this burst (packed rings). */
bool vhost_packed_call_wanted(struct vhost_vq *vq);

#endif /* _VHOST_PRIVATE_H_ */
