/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device side of a virtqueue in software (see hostile_virtio_model.h).
 * The model reads what the driver wrote the way a device does, and bounds
 * it too, so that a driver bug shows up as a test failure and not as the
 * model writing out of bounds.
 */
#include <string.h>

#include <rte_memory.h>

#include "hostile_virtio_model.h"

void
hv_port_init(struct hv_port *p, uint16_t port_id, uint64_t features, bool packed, uint16_t size)
{
	memset(p, 0, sizeof(*p));
	p->dev.data = &p->data;
	snprintf(p->data.name, sizeof(p->data.name), "hostile_virtio%u", port_id);
	p->data.port_id = port_id;
	p->data.dev_private = &p->hw;
	p->data.rx_queues = p->rxq;
	p->data.tx_queues = p->txq;
	p->data.nb_rx_queues = 1;
	p->data.nb_tx_queues = 1;
	p->data.mtu = RTE_ETHER_MTU;
	p->data.numa_node = SOCKET_ID_ANY;
	p->hw.ops = &virtio_pci_ops;	/* what the tests of probe's reads go through */
	p->hw.name = "hostile_virtio";
	p->hw.features = features;
	p->hw.offered = features;
	p->hw.packed = packed;
	p->hw.max_pairs = 1;
	p->vq_max[0] = size;
	p->vq_max[1] = size;
	p->hw.vq_max = p->vq_max;
}

void
hv_dev_attach(struct hv_dev *d, struct virtqueue *vq)
{
	memset(d, 0, sizeof(*d));
	d->vq = vq;
	/* 2.7.1: both of the device's wrap counters start at 1 */
	d->avail_wrap = true;
	d->used_wrap = true;
	vq->notify_addr = &d->doorbell;
}

static void *
hv_va(uint64_t iova)
{
	return rte_mem_iova2virt(iova);
}

static void
hv_held_add(struct hv_dev *d, const struct hv_buf *b)
{
	if (d->nb_held < HV_HELD_MAX)
		d->held[d->nb_held++] = *b;
}

/* One more descriptor of the chain in b. */
static void
hv_buf_desc_add(struct hv_buf *b, uint64_t addr, uint32_t len)
{
	if (b->ndesc == 0) {
		b->first_addr = addr;
		b->first_len = len;
	}
	b->last_addr = addr;
	b->last_len = len;
	b->total_len += len;
	b->ndesc++;
}

/* 2.6.13: the next chain from the avail ring, if the driver published one. */
static bool
hv_fetch_split(struct hv_dev *d)
{
	struct virtqueue *vq = d->vq;
	uint16_t avail_idx = __atomic_load_n(&vq->avail->idx, __ATOMIC_ACQUIRE);
	struct hv_buf b = {0};
	uint16_t idx;

	if (avail_idx == d->last_avail)
		return false;
	idx = vq->avail->ring[d->last_avail & vq->mask];
	d->last_avail++;
	b.id = idx;
	for (uint16_t n = 0; idx < vq->size && n < vq->size; n++) {
		const struct vring_desc *desc = &vq->desc[idx];

		hv_buf_desc_add(&b, desc->addr, desc->len);
		if (!(desc->flags & VRING_DESC_F_NEXT))
			break;
		idx = desc->next;
	}
	hv_held_add(d, &b);
	return true;
}

/* 2.7.1: whether the descriptor at pos is available in the lap wrap */
static bool
hv_packed_avail(const struct virtqueue *vq, uint16_t pos, bool wrap)
{
	uint16_t f = __atomic_load_n(&vq->pdesc[pos].flags, __ATOMIC_ACQUIRE);

	return ((f & VRING_PACKED_DESC_F_AVAIL) != 0) == wrap &&
	       ((f & VRING_PACKED_DESC_F_USED) != 0) != wrap;
}

/* 2.7.13 from the device's side: the chain at the device's read position. */
static bool
hv_fetch_packed(struct hv_dev *d)
{
	struct virtqueue *vq = d->vq;
	struct hv_buf b = {0};

	if (!hv_packed_avail(vq, d->avail_pos, d->avail_wrap))
		return false;
	b.pos = d->avail_pos;
	for (uint16_t n = 0; n < vq->size; n++) {
		const struct vring_packed_desc *desc = &vq->pdesc[d->avail_pos];
		uint16_t flags = desc->flags;

		if (n == 0)
			b.id = desc->id;
		hv_buf_desc_add(&b, desc->addr, desc->len);
		if (++d->avail_pos == vq->size) {
			d->avail_pos = 0;
			d->avail_wrap = !d->avail_wrap;
		}
		if (!(flags & VRING_DESC_F_NEXT))
			break;
	}
	hv_held_add(d, &b);
	return true;
}

uint32_t
hv_dev_fetch(struct hv_dev *d, uint32_t max)
{
	uint32_t n = 0;

	while (n < max && d->nb_held < HV_HELD_MAX &&
	       (d->vq->packed ? hv_fetch_packed(d) : hv_fetch_split(d)))
		n++;
	return n;
}

void
hv_dev_buf_write(struct hv_dev *d, uint32_t k, uint32_t off, const void *data, uint32_t len)
{
	const struct hv_buf *b = &d->held[k];
	uint8_t *va = hv_va(b->first_addr);

	if (va == NULL || off >= b->first_len)
		return;
	memcpy(va + off, data, RTE_MIN(len, b->first_len - off));
}

uint32_t
hv_dev_buf_read(struct hv_dev *d, uint32_t k, void *out, uint32_t cap)
{
	const struct hv_buf *b = &d->held[k];
	struct virtqueue *vq = d->vq;
	uint32_t done = 0;

	/* walk the chain again: split by next, packed by position */
	if (vq->packed) {
		uint16_t pos = b->pos;

		for (uint16_t n = 0; n < b->ndesc; n++, pos = (uint16_t)((pos + 1) % vq->size)) {
			const struct vring_packed_desc *desc = &vq->pdesc[pos];
			uint32_t l = RTE_MIN(desc->len, cap - done);
			void *va = hv_va(desc->addr);

			if (va != NULL)
				memcpy((uint8_t *)out + done, va, l);
			done += l;
		}
		return done;
	}
	for (uint16_t idx = b->id, n = 0; idx < vq->size && n < b->ndesc; n++) {
		const struct vring_desc *desc = &vq->desc[idx];
		uint32_t l = RTE_MIN(desc->len, cap - done);
		void *va = hv_va(desc->addr);

		if (va != NULL)
			memcpy((uint8_t *)out + done, va, l);
		done += l;
		idx = desc->next;
	}
	return done;
}

/* The device's used position n descriptors on (2.7.1: a lap flips its wrap counter). */
static void
hv_used_advance(struct hv_dev *d, uint16_t n)
{
	for (uint16_t i = 0; i < n; i++) {
		if (++d->used_pos == d->vq->size) {
			d->used_pos = 0;
			d->used_wrap = !d->used_wrap;
		}
	}
}

void
hv_dev_used_write(struct hv_dev *d, uint32_t id, uint32_t len, uint16_t adv, bool flip)
{
	struct virtqueue *vq = d->vq;

	if (!vq->packed) {
		volatile struct vring_used_elem *e = &vq->used->ring[d->used_idx & vq->mask];

		e->id = id;
		e->len = len;
		d->used_idx++;
		/* 2.6.8: the entry before the index that exposes it */
		__atomic_store_n(&vq->used->idx, d->used_idx, __ATOMIC_RELEASE);
		return;
	}
	struct vring_packed_desc *desc = &vq->pdesc[d->used_pos];
	bool lap = flip ? !d->used_wrap : d->used_wrap;
	uint16_t flags = lap ? (VRING_PACKED_DESC_F_AVAIL | VRING_PACKED_DESC_F_USED) : 0;

	desc->id = (uint16_t)id;
	desc->len = len;
	/* 2.7.21: id and len before the flags that make the descriptor used */
	__atomic_store_n(&desc->flags, flags, __ATOMIC_RELEASE);
	if (!flip)
		hv_used_advance(d, adv);
}

/* Take held[k] out of the list into *b; false when there is no such buffer. */
static bool
hv_held_take(struct hv_dev *d, uint32_t k, struct hv_buf *b)
{
	if (k >= d->nb_held)
		return false;
	*b = d->held[k];
	memmove(&d->held[k], &d->held[k + 1], sizeof(*b) * (d->nb_held - k - 1));
	d->nb_held--;
	return true;
}

void
hv_dev_complete(struct hv_dev *d, uint32_t k, uint32_t len)
{
	struct hv_buf b;

	if (hv_held_take(d, k, &b))
		hv_dev_used_write(d, b.id, len, b.ndesc, false);
}

void
hv_dev_complete_as(struct hv_dev *d, uint32_t k, uint32_t id, uint32_t len)
{
	struct hv_buf b;

	if (hv_held_take(d, k, &b))
		hv_dev_used_write(d, id, len, b.ndesc, false);
}

void
hv_dev_complete_twice(struct hv_dev *d, uint32_t k, uint32_t len)
{
	struct virtqueue *vq = d->vq;
	uint16_t first = d->used_pos;
	bool first_wrap = d->used_wrap;
	struct hv_buf b;

	if (!hv_held_take(d, k, &b))
		return;
	if (!vq->packed) {
		for (int i = 0; i < 2; i++) {
			volatile struct vring_used_elem *e =
				&vq->used->ring[d->used_idx++ & vq->mask];

			e->id = b.id;
			e->len = len;
		}
		__atomic_store_n(&vq->used->idx, d->used_idx, __ATOMIC_RELEASE);
		return;
	}
	/* the second one first, so it is there once the first shows */
	hv_used_advance(d, b.ndesc);
	hv_dev_used_write(d, b.id, len, b.ndesc, false);
	d->used_pos = first;
	d->used_wrap = first_wrap;
	hv_dev_used_write(d, b.id, len, b.ndesc, false);
	hv_used_advance(d, b.ndesc);
}

int
hv_dev_rx_frame(struct hv_dev *d, const uint8_t *frame, uint32_t len, bool mrg)
{
	struct virtio_net_hdr hdr = {.num_buffers = 1};
	uint32_t need = VIRTIO_HDR_SIZE + len, room = 0, nbuf = 0, off = 0;

	/* 5.1.6.4.2: as many buffers as the frame needs, whole buffers at a time */
	while (room < need) {
		if (nbuf == d->nb_held && hv_dev_fetch(d, 1) == 0)
			return -1;
		room += d->held[nbuf++].first_len;
		if (!mrg && room < need)
			return -1;
	}
	hdr.num_buffers = (uint16_t)nbuf;
	hv_dev_buf_write(d, 0, 0, &hdr, sizeof(hdr));
	for (uint32_t k = 0; k < nbuf; k++) {
		uint32_t start = k == 0 ? VIRTIO_HDR_SIZE : 0;
		uint32_t l = RTE_MIN(d->held[k].first_len - start, len - off);

		hv_dev_buf_write(d, k, start, frame + off, l);
		off += l;
	}
	off = 0;
	for (uint32_t k = 0; k < nbuf; k++) {
		uint32_t start = k == 0 ? VIRTIO_HDR_SIZE : 0;
		uint32_t l = RTE_MIN(d->held[0].first_len - start, len - off);

		off += l;
		hv_dev_complete(d, 0, start + l);
	}
	return (int)nbuf;
}
