/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vhost-user protocol on the wire, as QEMU's docs/interop/vhost-user.rst
 * publishes it: the message header and payloads both ends exchange over the
 * unix socket, with file descriptors passed as SCM_RIGHTS ancillary data.
 * The backend (lib/vhost) and the frontend (net_virtio_user) share it, so
 * each layout is written once.
 */
#ifndef _VHOST_USER_WIRE_H_
#define _VHOST_USER_WIRE_H_

#include <stddef.h>
#include <stdint.h>

/* Front-end requests (the "master" messages of the specification). */
enum vhost_user_request {
	VHOST_USER_NONE = 0,
	VHOST_USER_GET_FEATURES = 1,
	VHOST_USER_SET_FEATURES = 2,
	VHOST_USER_SET_OWNER = 3,
	VHOST_USER_RESET_OWNER = 4,
	VHOST_USER_SET_MEM_TABLE = 5,
	VHOST_USER_SET_LOG_BASE = 6,
	VHOST_USER_SET_LOG_FD = 7,
	VHOST_USER_SET_VRING_NUM = 8,
	VHOST_USER_SET_VRING_ADDR = 9,
	VHOST_USER_SET_VRING_BASE = 10,
	VHOST_USER_GET_VRING_BASE = 11,
	VHOST_USER_SET_VRING_KICK = 12,
	VHOST_USER_SET_VRING_CALL = 13,
	VHOST_USER_SET_VRING_ERR = 14,
	VHOST_USER_GET_PROTOCOL_FEATURES = 15,
	VHOST_USER_SET_PROTOCOL_FEATURES = 16,
	VHOST_USER_GET_QUEUE_NUM = 17,
	VHOST_USER_SET_VRING_ENABLE = 18,
	VHOST_USER_SEND_RARP = 19,
	VHOST_USER_NET_SET_MTU = 20,
	VHOST_USER_SET_SLAVE_REQ_FD = 21,
	VHOST_USER_IOTLB_MSG = 22,
	VHOST_USER_SET_VRING_ENDIAN = 23,
	VHOST_USER_GET_CONFIG = 24,
	VHOST_USER_SET_CONFIG = 25,
	VHOST_USER_CREATE_CRYPTO_SESSION = 26,
	VHOST_USER_CLOSE_CRYPTO_SESSION = 27,
	VHOST_USER_POSTCOPY_ADVISE = 28,
	VHOST_USER_POSTCOPY_LISTEN = 29,
	VHOST_USER_POSTCOPY_END = 30,
	VHOST_USER_GET_INFLIGHT_FD = 31,
	VHOST_USER_SET_INFLIGHT_FD = 32,
	VHOST_USER_GPU_SET_SOCKET = 33,
	VHOST_USER_RESET_DEVICE = 34,
	VHOST_USER_VRING_KICK = 35,
	VHOST_USER_GET_MAX_MEM_SLOTS = 36,
	VHOST_USER_ADD_MEM_REG = 37,
	VHOST_USER_REM_MEM_REG = 38,
	VHOST_USER_SET_STATUS = 39,
	VHOST_USER_GET_STATUS = 40,
	VHOST_USER_REQUEST_MAX
};

/* Back-end requests, sent on the channel given by SET_SLAVE_REQ_FD. */
enum vhost_user_backend_request {
	VHOST_USER_BACKEND_NONE = 0,
	VHOST_USER_BACKEND_IOTLB_MSG = 1,
	VHOST_USER_BACKEND_CONFIG_CHANGE_MSG = 2,
	VHOST_USER_BACKEND_VRING_HOST_NOTIFIER_MSG = 3,
};

/* The feature bit that makes the protocol features available. */
#define VHOST_USER_F_PROTOCOL_FEATURES 30

/* Protocol feature bits (GET/SET_PROTOCOL_FEATURES). */
#define VHOST_USER_PROTOCOL_F_MQ 0
#define VHOST_USER_PROTOCOL_F_LOG_SHMFD 1
#define VHOST_USER_PROTOCOL_F_RARP 2
#define VHOST_USER_PROTOCOL_F_REPLY_ACK 3
#define VHOST_USER_PROTOCOL_F_NET_MTU 4
#define VHOST_USER_PROTOCOL_F_SLAVE_REQ 5
#define VHOST_USER_PROTOCOL_F_CROSS_ENDIAN 6
#define VHOST_USER_PROTOCOL_F_CRYPTO_SESSION 7
#define VHOST_USER_PROTOCOL_F_PAGEFAULT 8
#define VHOST_USER_PROTOCOL_F_CONFIG 9
#define VHOST_USER_PROTOCOL_F_SLAVE_SEND_FD 10
#define VHOST_USER_PROTOCOL_F_HOST_NOTIFIER 11
#define VHOST_USER_PROTOCOL_F_INFLIGHT_SHMFD 12
#define VHOST_USER_PROTOCOL_F_RESET_DEVICE 13
#define VHOST_USER_PROTOCOL_F_INBAND_NOTIFICATIONS 14
#define VHOST_USER_PROTOCOL_F_CONFIGURE_MEM_SLOTS 15
#define VHOST_USER_PROTOCOL_F_STATUS 16

/* Header flags: bits 0-1 the version, then "this is a reply", "reply wanted". */
#define VHOST_USER_VERSION 0x1u
#define VHOST_USER_VERSION_MASK 0x3u
#define VHOST_USER_REPLY_MASK (1u << 2)
#define VHOST_USER_NEED_REPLY (1u << 3)

/* The u64 of SET_VRING_KICK/CALL/ERR: the ring index, and "no fd passed". */
#define VHOST_USER_VRING_IDX_MASK 0xffu
#define VHOST_USER_VRING_NOFD_MASK (1u << 8)

/* At most this many regions (and so descriptors) in one SET_MEM_TABLE. */
#define VHOST_USER_MEMORY_MAX_NREGIONS 8
/* The largest GET/SET_CONFIG window. */
#define VHOST_USER_MAX_CONFIG_SIZE 256

struct vhost_user_vring_state {
	uint32_t index;
	uint32_t num;
};

/* SET_VRING_ADDR flags: bit 0 asks for used-ring writes to be logged. */
#define VHOST_USER_VRING_F_LOG 0u

struct vhost_user_vring_addr {
	uint32_t index;
	uint32_t flags;
	uint64_t desc_user_addr;	/* addresses in the front-end's virtual space */
	uint64_t used_user_addr;
	uint64_t avail_user_addr;
	uint64_t log_guest_addr;	/* guest physical */
};

struct vhost_user_mem_region {
	uint64_t guest_phys_addr;
	uint64_t memory_size;
	uint64_t userspace_addr;
	uint64_t mmap_offset;		/* of the region in the fd passed with it */
};

struct vhost_user_memory {
	uint32_t nregions;
	uint32_t padding;
	struct vhost_user_mem_region regions[VHOST_USER_MEMORY_MAX_NREGIONS];
};

/* ADD_MEM_REG / REM_MEM_REG carry one region. */
struct vhost_user_mem_region_msg {
	uint64_t padding;
	struct vhost_user_mem_region region;
};

struct vhost_user_log {
	uint64_t mmap_size;
	uint64_t mmap_offset;
};

/* IOTLB message types and access bits, as Linux's <linux/vhost_types.h>. */
#define VHOST_USER_IOTLB_MISS 1
#define VHOST_USER_IOTLB_UPDATE 2
#define VHOST_USER_IOTLB_INVALIDATE 3
#define VHOST_USER_IOTLB_ACCESS_FAIL 4
#define VHOST_USER_ACCESS_RO 0x1
#define VHOST_USER_ACCESS_WO 0x2
#define VHOST_USER_ACCESS_RW 0x3

struct vhost_user_iotlb {
	uint64_t iova;
	uint64_t size;
	uint64_t uaddr;
	uint8_t perm;
	uint8_t type;
};

struct vhost_user_config {
	uint32_t offset;
	uint32_t size;
	uint32_t flags;
	uint8_t region[VHOST_USER_MAX_CONFIG_SIZE];
};

struct vhost_user_vring_area {
	uint64_t u64;
	uint64_t size;
	uint64_t offset;
};

struct vhost_user_inflight {
	uint64_t mmap_size;
	uint64_t mmap_offset;
	uint16_t num_queues;
	uint16_t queue_size;
};

/* A message: the 12-byte header, then "size" bytes of payload. */
struct vhost_user_msg {
	uint32_t request;
	uint32_t flags;
	uint32_t size;
	union {
		uint64_t u64;
		struct vhost_user_vring_state state;
		struct vhost_user_vring_addr addr;
		struct vhost_user_memory memory;
		struct vhost_user_mem_region_msg memreg;
		struct vhost_user_log log;
		struct vhost_user_iotlb iotlb;
		struct vhost_user_config config;
		struct vhost_user_vring_area area;
		struct vhost_user_inflight inflight;
	} payload;
} __attribute__((packed));

#define VHOST_USER_HDR_SIZE offsetof(struct vhost_user_msg, payload)
#define VHOST_USER_PAYLOAD_MAX (sizeof(struct vhost_user_msg) - VHOST_USER_HDR_SIZE)

_Static_assert(VHOST_USER_HDR_SIZE == 12, "vhost-user header is 12 bytes");
_Static_assert(sizeof(struct vhost_user_vring_addr) == 40, "vring address payload");
_Static_assert(sizeof(struct vhost_user_memory) == 8 + 8 * 32, "memory table payload");

#endif /* _VHOST_USER_WIRE_H_ */
