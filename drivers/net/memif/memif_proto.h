/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memif wire format, version 2.0, as libmemif, VPP and DPDK speak it:
 * fixed 128-byte control messages on a SOCK_SEQPACKET unix socket, and
 * rings of 16-byte descriptors in memory the client shares. Every layout
 * here is the ABI with the peer, hence the static_asserts.
 */
#ifndef _MEMIF_PROTO_H_
#define _MEMIF_PROTO_H_

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#define MEMIF_COOKIE 0x3E31F20u
#define MEMIF_VERSION ((2u << 8) | 0u)
#define MEMIF_NAME_SZ 32
#define MEMIF_SECRET_SZ 24
#define MEMIF_DISC_SZ 96
#define MEMIF_MSG_SZ 128

enum memif_msg_type {
	MEMIF_MSG_NONE,
	MEMIF_MSG_ACK,
	MEMIF_MSG_HELLO,
	MEMIF_MSG_INIT,
	MEMIF_MSG_ADD_REGION,
	MEMIF_MSG_ADD_RING,
	MEMIF_MSG_CONNECT,
	MEMIF_MSG_CONNECTED,
	MEMIF_MSG_DISCONNECT,
};

#define MEMIF_MODE_ETHERNET 0
/* ADD_RING flags: the ring carries client-to-server traffic. */
#define MEMIF_ADD_RING_C2S 1
/* Descriptor flags: the packet continues in the next descriptor. */
#define MEMIF_DESC_NEXT 1
/* Ring flags: the receiver polls, the sender need not kick its eventfd. */
#define MEMIF_RING_MASK_INT 1

/* Server to client, first message on a new connection. */
struct memif_msg_hello {
	uint8_t name[MEMIF_NAME_SZ];
	uint16_t min_version;
	uint16_t max_version;
	uint16_t max_region;   /* highest region index */
	uint16_t max_s2c_ring; /* highest ring index */
	uint16_t max_c2s_ring;
	uint8_t max_log2_ring_size;
} __attribute__((packed));

struct memif_msg_init {
	uint16_t version;
	uint32_t id;
	uint8_t mode;
	uint8_t secret[MEMIF_SECRET_SZ];
	uint8_t name[MEMIF_NAME_SZ];
} __attribute__((packed));

/* The region's fd rides along in SCM_RIGHTS. */
struct memif_msg_add_region {
	uint16_t index;
	uint64_t size;
} __attribute__((packed));

/* The ring's eventfd rides along in SCM_RIGHTS. */
struct memif_msg_add_ring {
	uint16_t flags;
	uint16_t index;
	uint16_t region;
	uint32_t offset;
	uint8_t log2_ring_size;
	uint16_t private_hdr_size;
} __attribute__((packed));

struct memif_msg_connect {
	uint8_t if_name[MEMIF_NAME_SZ];
} __attribute__((packed));

struct memif_msg_disconnect {
	uint32_t code;
	uint8_t string[MEMIF_DISC_SZ];
} __attribute__((packed));

struct memif_msg {
	uint16_t type;
	union {
		struct memif_msg_hello hello;
		struct memif_msg_init init;
		struct memif_msg_add_region add_region;
		struct memif_msg_add_ring add_ring;
		struct memif_msg_connect connect;
		struct memif_msg_disconnect disconnect;
		uint8_t raw[MEMIF_MSG_SZ - 2];
	};
} __attribute__((packed));

static_assert(sizeof(struct memif_msg) == MEMIF_MSG_SZ, "memif message is 128 bytes");
static_assert(sizeof(struct memif_msg_hello) == 43, "hello layout");
static_assert(sizeof(struct memif_msg_init) == 63, "init layout");
static_assert(sizeof(struct memif_msg_add_region) == 10, "add_region layout");
static_assert(sizeof(struct memif_msg_add_ring) == 13, "add_ring layout");
static_assert(sizeof(struct memif_msg_disconnect) == 100, "disconnect layout");

struct memif_desc {
	uint16_t flags;
	uint16_t region;
	uint32_t length;
	uint32_t offset;
	uint32_t metadata;
};

static_assert(sizeof(struct memif_desc) == 16, "memif descriptor is 16 bytes");

/*
 * A ring: cookie, flags and head on the first 64-byte line, tail alone on
 * the second (the two sides write one each), descriptors from byte 128.
 * Who moves head and tail depends on the direction (memif_rxtx.c).
 */
struct memif_ring {
	uint32_t cookie;
	uint16_t flags;
	uint16_t head;
	uint8_t pad0[56];
	uint16_t tail;
	uint8_t pad1[62];
	struct memif_desc desc[];
};

static_assert(offsetof(struct memif_ring, head) == 6, "ring head offset");
static_assert(offsetof(struct memif_ring, tail) == 64, "ring tail offset");
static_assert(offsetof(struct memif_ring, desc) == 128, "ring descriptors offset");

static inline size_t
memif_ring_bytes(unsigned int log2_size)
{
	return sizeof(struct memif_ring) + ((size_t)1 << log2_size) * sizeof(struct memif_desc);
}

#endif /* _MEMIF_PROTO_H_ */
