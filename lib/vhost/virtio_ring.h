/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What both ends of a virtio-net ring agree on, from the virtio 1.1
 * specification: feature bits, the split and packed ring layouts and the
 * packet header. The virtio PMD (driver side) and lib/vhost (device side)
 * share it, so each layout is written once. Little-endian hosts only.
 */
#ifndef _VIRTIO_RING_H_
#define _VIRTIO_RING_H_

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>

/* 5.1.3 network device feature bits */
#define VIRTIO_NET_F_CSUM 0
#define VIRTIO_NET_F_GUEST_CSUM 1
#define VIRTIO_NET_F_MTU 3
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_MRG_RXBUF 15
#define VIRTIO_NET_F_STATUS 16
#define VIRTIO_NET_F_CTRL_VQ 17
#define VIRTIO_NET_F_CTRL_RX 18
#define VIRTIO_NET_F_MQ 22
/* 6 Reserved Feature Bits */
#define VIRTIO_F_RING_EVENT_IDX 29
#define VIRTIO_F_VERSION_1 32
#define VIRTIO_F_ACCESS_PLATFORM 33
#define VIRTIO_F_RING_PACKED 34

#define VIRTIO_BIT(b) (UINT64_C(1) << (b))

/* 2.6.5 The Virtqueue Descriptor Table */
#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2
#define VRING_DESC_F_INDIRECT 4
struct vring_desc {
	uint64_t addr; /* IOVA */
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};
static_assert(sizeof(struct vring_desc) == 16, "2.6.5: a descriptor is 16 bytes");

/* 2.6.6 The Virtqueue Available Ring */
#define VRING_AVAIL_F_NO_INTERRUPT 1
struct vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[]; /* then le16 used_event (2.6.7.2, with EVENT_IDX) */
};
static_assert(sizeof(struct vring_avail) == 4, "2.6.6: avail header is 4 bytes");

/* 2.6.8 The Virtqueue Used Ring */
#define VRING_USED_F_NO_NOTIFY 1
struct vring_used_elem {
	uint32_t id;  /* head of the descriptor chain: untrusted */
	uint32_t len; /* bytes written into the chain: untrusted */
};
static_assert(sizeof(struct vring_used_elem) == 8, "2.6.8: a used element is 8 bytes");
struct vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vring_used_elem ring[]; /* then le16 avail_event (2.6.8, with EVENT_IDX) */
};
static_assert(sizeof(struct vring_used) == 4, "2.6.8: used header is 4 bytes");

/* 2.7.5 Packed Virtqueue Descriptor: the ring is a table of these */
#define VRING_PACKED_DESC_F_AVAIL (1u << 7)
#define VRING_PACKED_DESC_F_USED (1u << 15)
struct vring_packed_desc {
	uint64_t addr; /* IOVA */
	uint32_t len;  /* used: bytes written, untrusted */
	uint16_t id;   /* buffer id; used: untrusted */
	uint16_t flags;
};
static_assert(sizeof(struct vring_packed_desc) == 16, "2.7.5: a packed descriptor is 16 bytes");

/* 2.7.14 Event Suppression Structure Format (driver and device areas) */
#define RING_EVENT_FLAGS_ENABLE 0x0
#define RING_EVENT_FLAGS_DISABLE 0x1
#define RING_EVENT_FLAGS_DESC 0x2 /* only with VIRTIO_F_EVENT_IDX */
#define RING_EVENT_WRAP_SHIFT 15
struct vring_packed_desc_event {
	uint16_t off_wrap; /* descriptor offset, bit 15 its wrap counter */
	uint16_t flags;	   /* RING_EVENT_FLAGS_* */
};
static_assert(sizeof(struct vring_packed_desc_event) == 4, "2.7.14: event area is 4 bytes");

/* 2.6: split queue sizes are powers of two up to 32768; 2.7: packed ones any size up to 2^15 */
#define VIRTQ_MAX_SIZE 32768
/*
 * Whether a queue_size the device reports can be used: 2.6 split rings
 * index with a mask, so a power of two; 2.7 packed rings any size, but the
 * event offsets carry 15 bits (2.7.14). Both at most 32768.
 */
static inline bool
virtq_size_valid(uint32_t size, bool packed)
{
	if (size == 0 || size > VIRTQ_MAX_SIZE)
		return false;
	return packed || (size & (size - 1)) == 0;
}

/*
 * 2.6.7.1 vring_need_event: whether moving an index from old to new_idx
 * passed event, all modulo 2^16.
 */
static inline bool
virtq_need_event(uint16_t event, uint16_t new_idx, uint16_t old)
{
	return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old);
}

/*
 * 5.1.6 the header in front of every packet; with VERSION_1 num_buffers is
 * always there (5.1.6.1), so it is 12 bytes whether MRG_RXBUF is on or not.
 */
struct virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;
};
static_assert(sizeof(struct virtio_net_hdr) == 12, "5.1.6: virtio_net_hdr is 12 bytes");
/* checksum from csum_start to the end goes at csum_offset */
#define VIRTIO_NET_HDR_F_NEEDS_CSUM 1
#define VIRTIO_NET_HDR_F_DATA_VALID 2 /* Rx only: the device checked the checksum */
#define VIRTIO_NET_HDR_GSO_NONE 0

#endif /* _VIRTIO_RING_H_ */
