/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A software model of the device side of a net_virtio virtqueue, split
 * (virtio 1.1 2.6) or packed (2.7): it takes the buffers the driver makes
 * available, writes frames into them and returns them through the used
 * ring, well or badly as a test or a fuzz input asks. The driver's own
 * queue structures are driven directly: no PCI, no VFIO. Both the
 * hostile_virtio suite and the Rx fuzz target build on it.
 */
#ifndef _HOSTILE_VIRTIO_MODEL_H_
#define _HOSTILE_VIRTIO_MODEL_H_

#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>

#include "virtio_ethdev.h"
#include "virtio_rxtx.h"

#define HV_HELD_MAX 512

/* One buffer (descriptor chain) the device took from the driver. */
struct hv_buf {
	uint16_t id; /* split: head descriptor; packed: buffer id */
	uint16_t ndesc;
	uint16_t pos;	     /* packed: ring position of the first descriptor */
	uint64_t first_addr; /* IOVA of the first descriptor's buffer */
	uint32_t first_len;
	uint64_t last_addr; /* the last one (the ack of a control command) */
	uint32_t last_len;
	uint32_t total_len; /* bytes over the whole chain */
};

struct hv_dev {
	struct virtqueue *vq;
	uint16_t doorbell; /* the notify area the driver writes */
	/* split: the next avail entry to take, the next used index to write */
	uint16_t last_avail;
	uint16_t used_idx;
	/* packed: where the next available chain is read and the next used one written */
	uint16_t avail_pos;
	bool avail_wrap;
	uint16_t used_pos;
	bool used_wrap;
	struct hv_buf held[HV_HELD_MAX];
	uint32_t nb_held;
};

/*
 * A port with no device behind it, enough for the driver's queue setup,
 * burst and counter functions: its ethdev data, and the virtio_hw the
 * control path would have filled in at probe and start.
 */
struct hv_port {
	struct rte_eth_dev dev;
	struct rte_eth_dev_data data;
	struct virtio_hw hw;
	uint16_t vq_max[2];
	void *rxq[1];
	void *txq[1];
};

/* Set up p as port port_id of features on rings of size (split or packed). */
void hv_port_init(struct hv_port *p, uint16_t port_id, uint64_t features, bool packed,
		  uint16_t size);

/* Attach the device model to a driver queue whose ring was just reset. */
void hv_dev_attach(struct hv_dev *d, struct virtqueue *vq);

/* Take up to max chains the driver made available; returns how many. */
uint32_t hv_dev_fetch(struct hv_dev *d, uint32_t max);

/* Copy len bytes at off into the first buffer of held[k], bounded by its length. */
void hv_dev_buf_write(struct hv_dev *d, uint32_t k, uint32_t off, const void *data, uint32_t len);

/* Copy what the chain of held[k] carries (at most cap bytes) into out; returns the bytes. */
uint32_t hv_dev_buf_read(struct hv_dev *d, uint32_t k, void *out, uint32_t cap);

/*
 * Write one used entry as the device: id and len as given, whatever they
 * are. Packed: flags for the device's lap (or the other lap when flip),
 * and the device's position moves on by adv descriptors (none when flip).
 */
void hv_dev_used_write(struct hv_dev *d, uint32_t id, uint32_t len, uint16_t adv, bool flip);

/* Return held[k] with len bytes written, as a correct device does. */
void hv_dev_complete(struct hv_dev *d, uint32_t k, uint32_t len);

/*
 * Return held[k] under another id (an id of nothing, or of another buffer):
 * the ring position is used up as for a right answer, the buffer is lost.
 */
void hv_dev_complete_as(struct hv_dev *d, uint32_t k, uint32_t id, uint32_t len);

/*
 * Return held[k] twice at once, as a device with a bug might: both used
 * entries are visible before the driver can see the first.
 */
void hv_dev_complete_twice(struct hv_dev *d, uint32_t k, uint32_t len);

/*
 * Deliver a frame of len bytes the way 5.1.6.4 says: the header (with
 * num_buffers) then the data, over as many held buffers as it needs
 * (only one without mrg), fetching more when short. Returns the buffers
 * used, or -1 when the driver has not made enough available.
 */
int hv_dev_rx_frame(struct hv_dev *d, const uint8_t *frame, uint32_t len, bool mrg);

#endif /* _HOSTILE_VIRTIO_MODEL_H_ */
