/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vhost-user back-end (DPDK 22.11's rte_vhost.h names and semantics): an
 * application serves virtio-net devices whose front-end (QEMU, a
 * virtio-user port) shares its memory over a unix socket. Queue ids are
 * vring indices: 2q is the front-end's receive ring of pair q (the back-end
 * enqueues into it), 2q+1 its transmit ring (the back-end dequeues).
 */
#ifndef _RTE_VHOST_H_
#define _RTE_VHOST_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* rte_vhost_driver_register() flags */
#define RTE_VHOST_USER_CLIENT (1ULL << 0)
#define RTE_VHOST_USER_NO_RECONNECT (1ULL << 1)
#define RTE_VHOST_USER_RESERVED_1 (1ULL << 2)
#define RTE_VHOST_USER_IOMMU_SUPPORT (1ULL << 3)
#define RTE_VHOST_USER_POSTCOPY_SUPPORT (1ULL << 4)
#define RTE_VHOST_USER_EXTBUF_SUPPORT (1ULL << 5)
#define RTE_VHOST_USER_LINEARBUF_SUPPORT (1ULL << 6)
#define RTE_VHOST_USER_ASYNC_COPY (1ULL << 7)
#define RTE_VHOST_USER_NET_COMPLIANT_OL_FLAGS (1ULL << 8)
#define RTE_VHOST_USER_NET_STATS_ENABLE (1ULL << 9)

#ifndef VHOST_USER_F_PROTOCOL_FEATURES
#define VHOST_USER_F_PROTOCOL_FEATURES 30
#endif

#define RTE_MAX_VHOST_DEVICE 1024

/* One region of the front-end's memory as this process maps it. */
struct rte_vhost_mem_region {
	uint64_t guest_phys_addr;
	uint64_t guest_user_addr;
	uint64_t host_user_addr;
	uint64_t size;
	void *mmap_addr;
	uint64_t mmap_size;
	int fd;
};

struct rte_vhost_memory {
	uint32_t nregions;
	struct rte_vhost_mem_region regions[];
};

/* Called from the socket's thread. */
struct rte_vhost_device_ops {
	int (*new_device)(int vid);	 /* every ring the device needs is ready */
	void (*destroy_device)(int vid); /* the device stops: no burst call after return */
	int (*vring_state_changed)(int vid, uint16_t queue_id, int enable);
	int (*features_changed)(int vid, uint64_t features);
	int (*new_connection)(int vid);
	void (*destroy_connection)(int vid);
	void (*guest_notified)(int vid);
	void *reserved[1];
};

struct rte_mbuf;
struct rte_mempool;

/*
 * Create the socket at path (a server, or with RTE_VHOST_USER_CLIENT a
 * client that connects, and reconnects unless RTE_VHOST_USER_NO_RECONNECT).
 * 0, or -1 on a bad path, a path already registered, an unsupported flag.
 */
int rte_vhost_driver_register(const char *path, uint64_t flags);
/* Stop the socket's thread, close its connection, remove a server's file. */
int rte_vhost_driver_unregister(const char *path);
/* Listen (server) or start connecting (client): 0 or -1. */
int rte_vhost_driver_start(const char *path);
int rte_vhost_driver_callback_register(const char *path,
				       struct rte_vhost_device_ops const *const ops);

/* The virtio features offered to the front-end, before it connects. */
int rte_vhost_driver_set_features(const char *path, uint64_t features);
int rte_vhost_driver_enable_features(const char *path, uint64_t features);
int rte_vhost_driver_disable_features(const char *path, uint64_t features);
int rte_vhost_driver_get_features(const char *path, uint64_t *features);
int rte_vhost_driver_set_protocol_features(const char *path, uint64_t protocol_features);
int rte_vhost_driver_get_protocol_features(const char *path, uint64_t *protocol_features);
int rte_vhost_driver_get_queue_num(const char *path, uint32_t *queue_num);
int rte_vhost_driver_set_max_queue_num(const char *path, uint32_t max_queue_pairs);

int rte_vhost_get_negotiated_features(int vid, uint64_t *features);
int rte_vhost_get_negotiated_protocol_features(int vid, uint64_t *protocol_features);
int rte_vhost_get_numa_node(int vid);
/* Number of vrings the front-end set up. */
uint16_t rte_vhost_get_vring_num(int vid);
/* The socket path, truncated to len - 1 bytes. */
int rte_vhost_get_ifname(int vid, char *buf, size_t len);
/* A copy of the memory table, to free() by the caller. */
int rte_vhost_get_mem_table(int vid, struct rte_vhost_memory **mem);
/* Ask for (1) or decline (0) the front-end's kicks on a ring. */
int rte_vhost_enable_guest_notification(int vid, uint16_t queue_id, int enable);
/* Signal the front-end on the ring's call eventfd (if it wants it). */
int rte_vhost_vring_call(int vid, uint16_t vring_idx);
/* Buffers the front-end offers on a ring and the back-end has not used. */
uint16_t rte_vhost_avail_entries(int vid, uint16_t queue_id);

/* Copy packets into the front-end's receive ring queue_id (even); the mbufs stay the caller's. */
uint16_t rte_vhost_enqueue_burst(int vid, uint16_t queue_id, struct rte_mbuf **pkts,
				 uint16_t count);
/* Copy packets from the front-end's transmit ring queue_id (odd) into mbufs of mbuf_pool. */
uint16_t rte_vhost_dequeue_burst(int vid, uint16_t queue_id, struct rte_mempool *mbuf_pool,
				 struct rte_mbuf **pkts, uint16_t count);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VHOST_H_ */
