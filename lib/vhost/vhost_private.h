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
/* Offered on top with RTE_VHOST_USER_IOMMU_SUPPORT: IOVAs, and a channel to ask for them. */
#define VHOST_FEATURES_IOMMU VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM)
#define VHOST_PROTOCOL_FEATURES_IOMMU VIRTIO_BIT(VHOST_USER_PROTOCOL_F_SLAVE_REQ)

/*
 * The device IOTLB: IOVA ranges the front-end's vIOMMU mapped, as UPDATE
 * messages gave them, sorted by IOVA, none overlapping. Bounded: when full
 * the oldest entry goes, and is asked for again if it is used.
 */
#define VHOST_IOTLB_MAX_ENTRIES 1024
/* misses asked for and not yet answered, so a ring polled again does not ask again */
#define VHOST_IOTLB_MAX_PENDING 16

struct vhost_iotlb_entry {
	uint64_t iova;
	uint64_t size;
	uint8_t *host; /* where iova is mapped in this process */
	uint64_t seq;  /* insertion order */
	uint8_t perm;  /* VHOST_USER_ACCESS_RO/WO/RW */
};

struct vhost_iotlb_pending {
	uint64_t iova;
	uint8_t perm;
};

struct vhost_iotlb {
	uint32_t n;
	uint64_t seq;
	bool full_logged;
	struct vhost_iotlb_entry e[VHOST_IOTLB_MAX_ENTRIES];
	/*
	 * The back-end channel (SET_SLAVE_REQ_FD) and the misses sent on it:
	 * the bursts of several rings send, so they take the lock (after their
	 * ring's lock, as the message handler does).
	 */
	rte_spinlock_t lock;
	int backend_fd;
	bool send_logged;
	uint32_t npending;
	uint32_t pending_next;
	struct vhost_iotlb_pending pending[VHOST_IOTLB_MAX_PENDING];
};

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
	/* VIRTIO_F_ACCESS_PLATFORM negotiated: ring and buffer addresses are IOVAs */
	bool iotlb_on;
	bool running; /* new_device() returned 0, destroy_device() not yet called */
	uint32_t nregions;
	struct vhost_mem_region regions[VHOST_USER_MEMORY_MAX_NREGIONS];
	uint16_t nr_vring; /* highest vring index a message named, plus one */
	struct vhost_vq vq[VHOST_MAX_VRINGS];
	uint64_t msg_errors; /* messages refused */
	struct vhost_iotlb iotlb;
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

/* One part of a ring (descriptors, driver area, device area) as the front-end addressed it. */
struct vhost_ring_part {
	uint64_t addr; /* uva, or IOVA with iotlb_on */
	uint64_t len;
	uint8_t perm; /* the access the back-end makes */
};

/*
 * vhost_ring.c: find the ring's parts in the front-end's memory. 0;
 * -EAGAIN when an IOVA is not in the IOTLB yet (a miss was requested);
 * -EFAULT when a part is outside the memory or misaligned; -ESTALE
 * when a packed ring is resumed at a position already used (logged).
 */
int vhost_ring_translate(struct vhost_dev *dev, struct vhost_vq *vq);
void vhost_ring_parts(const struct vhost_vq *vq, bool packed, struct vhost_ring_part part[3]);
/* vhost_split.c, vhost_packed.c: check and take the parts found (0 or -EFAULT) */
int vhost_split_ring_start(struct vhost_dev *dev, struct vhost_vq *vq, void *const va[3]);
int vhost_packed_ring_start(struct vhost_dev *dev, struct vhost_vq *vq, void *const va[3]);
/* Whether the front-end wants a call for the used entries of this burst (packed rings). */
bool vhost_packed_call_wanted(struct vhost_vq *vq);

/* vhost_iotlb.c */
void vhost_iotlb_init(struct vhost_dev *dev);
/* Forget every entry and pending miss (the memory table changed, or the device reset). */
void vhost_iotlb_flush(struct vhost_dev *dev);
/* Flush and close the back-end channel. */
void vhost_iotlb_reset(struct vhost_dev *dev);
int vhost_msg_set_backend_req_fd(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
				 unsigned int nfds);
int vhost_msg_iotlb(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds, unsigned int nfds);
/*
 * [iova, iova + len) as one host pointer with access perm: 0; -EAGAIN on a
 * miss (requested on the back-end channel); -EFAULT when the entries that
 * hold it are not contiguous here.
 */
int vhost_iotlb_ring_map(struct vhost_dev *dev, uint64_t iova, uint64_t len, uint8_t perm,
			 void **va);

#endif /* _VHOST_PRIVATE_H_ */
