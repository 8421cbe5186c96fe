/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A software net_e1000_em device over fake BAR 0 memory: see
 * hostile_e1000e_model.h. Everything the driver writes (ring registers,
 * descriptors) is read here the way a device reads it, and bounded the
 * same way: RDT and TDT are taken modulo the ring.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ethdev.h>
#include <rte_memory.h>

#include "hostile_e1000e_model.h"

uint32_t
hem_reg(const struct hem_dev *d, uint32_t reg)
{
	return *(volatile const uint32_t *)(d->bar + reg);
}

static inline void
hem_reg_set(struct hem_dev *d, uint32_t reg, uint32_t val)
{
	*(volatile uint32_t *)(d->bar + reg) = val;
}

int
hem_port_create(struct hem_dev *d, const char *name)
{
	/* locally administered, so it cannot clash with a real NIC */
	static const struct rte_ether_addr mac = {.addr_bytes = {0x02, 0, 0, 0x57, 0, 1}};
	struct rte_eth_dev *dev;

	memset(d, 0, sizeof(*d));
	d->bar = aligned_alloc(4096, HEM_BAR_SIZE);
	if (d->bar == NULL)
		return -ENOMEM;
	memset(d->bar, 0, HEM_BAR_SIZE);
	dev = e1000e_port_alloc(name, d->bar, E1000E_82574L, SOCKET_ID_ANY);
	if (dev == NULL) {
		free(d->bar);
		d->bar = NULL;
		return -rte_errno;
	}
	e1000e_dev_hw(dev)->pdev = &d->pdev;
	dev->data->mac_addrs[0] = mac;
	rte_eth_dev_probing_finish(dev);
	d->port_id = dev->data->port_id;
	return 0;
}

void
hem_port_destroy(struct hem_dev *d)
{
	if (d->bar == NULL)
		return;
	rte_eth_dev_stop(d->port_id);
	rte_eth_dev_close(d->port_id);
	free(d->bar);
	memset(d, 0, sizeof(*d));
}

int
hem_rings_attach(struct hem_dev *d)
{
	uint64_t rdba = hem_reg(d, E1000_RDBAL) | (uint64_t)hem_reg(d, E1000_RDBAH) << 32;
	uint64_t tdba = hem_reg(d, E1000_TDBAL) | (uint64_t)hem_reg(d, E1000_TDBAH) << 32;

	d->rx_ring = rte_mem_iova2virt(rdba);
	d->tx_ring = rte_mem_iova2virt(tdba);
	d->rx_n = (uint16_t)(hem_reg(d, E1000_RDLEN) / sizeof(struct e1000_rx_desc));
	d->tx_n = (uint16_t)(hem_reg(d, E1000_TDLEN) / sizeof(struct e1000_tx_desc));
	if (d->rx_ring == NULL || d->tx_ring == NULL || d->rx_n == 0 || d->tx_n == 0)
		return -EFAULT;
	d->rdh = (uint16_t)(hem_reg(d, E1000_RDH) % d->rx_n);
	d->tdh = (uint16_t)(hem_reg(d, E1000_TDH) % d->tx_n);
	return 0;
}

int
hem_port_start(struct hem_dev *d, struct rte_mempool *mp, uint16_t nb_desc, uint64_t rx_offloads)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = rx_offloads;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	ret = rte_eth_dev_configure(d->port_id, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(d->port_id, 0, nb_desc, SOCKET_ID_ANY, NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(d->port_id, 0, nb_desc, SOCKET_ID_ANY, NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(d->port_id);
	if (ret == 0)
		ret = hem_rings_attach(d);
	return ret;
}

struct e1000e_rx_queue *
hem_rxq(const struct hem_dev *d)
{
	return rte_eth_devices[d->port_id].data->rx_queues[0];
}

uint16_t
hem_rx_buf_size(const struct hem_dev *d)
{
	static const uint16_t plain[] = {2048, 1024, 512, 256};
	static const uint16_t bsex[] = {2048, 16384, 8192, 4096}; /* 00 with BSEX: reserved */
	uint32_t rctl = hem_reg(d, E1000_RCTL);
	unsigned int code = (rctl >> E1000_RCTL_BSIZE_SHIFT) & 3;

	return (rctl & E1000_RCTL_BSEX) ? bsex[code] : plain[code];
}

/* What a device does last: the status byte, after everything else it wrote. */
static inline void
hem_status_publish(volatile uint8_t *status, uint8_t val)
{
	rte_wmb();
	*status = val;
}

int
hem_rx_deliver(struct hem_dev *d, const void *frame, uint32_t len)
{
	uint16_t bsize = hem_rx_buf_size(d), rdt, room, need, idx;
	const uint8_t *p = frame;
	uint32_t off = 0;

	if (d->rx_ring == NULL || len == 0)
		return -EINVAL;
	rdt = (uint16_t)(hem_reg(d, E1000_RDT) % d->rx_n);
	/* SDM 3.2.6: the device owns RDH .. RDT - 1 */
	room = (uint16_t)((rdt + d->rx_n - d->rdh) % d->rx_n);
	need = (uint16_t)((len + bsize - 1) / bsize);
	if (need > room)
		return -ENOBUFS;
	idx = d->rdh;
	for (uint16_t i = 0; i < need; i++, idx = (uint16_t)((idx + 1) % d->rx_n))
		if (rte_mem_iova2virt(d->rx_ring[idx].buffer_addr) == NULL)
			return -EFAULT;
	for (uint16_t i = 0; i < need; i++) {
		volatile struct e1000_rx_desc *desc = &d->rx_ring[d->rdh];
		uint16_t chunk = (uint16_t)RTE_MIN((uint32_t)bsize, len - off);
		bool last = i + 1 == need;

		memcpy(rte_mem_iova2virt(desc->buffer_addr), p + off, chunk);
		off += chunk;
		desc->length = chunk;
		desc->csum = 0;
		desc->errors = 0;
		desc->special = 0;
		hem_status_publish(&desc->status,
				   (uint8_t)(E1000_RXD_STAT_DD | (last ? E1000_RXD_STAT_EOP : 0)));
		d->rdh = (uint16_t)((d->rdh + 1) % d->rx_n);
	}
	hem_reg_set(d, E1000_RDH, d->rdh);
	return 0;
}

void
hem_rx_forge(struct hem_dev *d, uint16_t idx, uint16_t len, uint8_t status, uint8_t errors)
{
	volatile struct e1000_rx_desc *desc = &d->rx_ring[idx % d->rx_n];

	desc->length = len;
	desc->errors = errors;
	desc->special = 0x0123;
	hem_status_publish(&desc->status, status);
}

/* SDM 3.3.6/3.3.7: DEXT with DTYP 0 is a context descriptor, it carries no data. */
static inline bool
hem_tx_is_context(volatile const struct e1000_tx_desc *desc)
{
	uint32_t w = *(volatile const uint32_t *)((volatile const uint8_t *)desc + 8);

	return (w & E1000_TXD_DEXT) && (w & (0xFu << 20)) == 0;
}

/* Bytes of a data descriptor: 16 bits legacy, 20 bits extended. */
static inline uint32_t
hem_tx_len(volatile const struct e1000_tx_desc *desc)
{
	uint32_t w = *(volatile const uint32_t *)((volatile const uint8_t *)desc + 8);

	return (w & E1000_TXD_DEXT) ? (w & 0xFFFFFu) : (w & 0xFFFFu);
}

int
hem_tx_transmit(struct hem_dev *d, uint8_t *out, uint32_t cap)
{
	uint16_t tdt, idx, end;
	uint32_t len = 0;
	int ret = 0;

	if (d->tx_ring == NULL)
		return -EINVAL;
	tdt = (uint16_t)(hem_reg(d, E1000_TDT) % d->tx_n);
	if (d->tdh == tdt)
		return 0;
	/* find the frame's EOP before TDT (SDM 3.3.3: the device fetches up to TDT) */
	for (idx = d->tdh;; idx = (uint16_t)((idx + 1) % d->tx_n)) {
		if (idx == tdt)
			return -EPROTO;
		if (!hem_tx_is_context(&d->tx_ring[idx]) &&
		    (d->tx_ring[idx].cmd & E1000_TXD_CMD_EOP))
			break;
	}
	end = (uint16_t)((idx + 1) % d->tx_n);
	for (idx = d->tdh; idx != end; idx = (uint16_t)((idx + 1) % d->tx_n)) {
		volatile struct e1000_tx_desc *desc = &d->tx_ring[idx];

		if (!hem_tx_is_context(desc)) {
			uint32_t n = hem_tx_len(desc);
			const void *buf = rte_mem_iova2virt(desc->buffer_addr);

			if (buf == NULL)
				ret = -EFAULT;
			else if (ret == 0 && len + n > cap)
				ret = -EMSGSIZE;
			else if (ret == 0)
				memcpy(out + len, buf, n);
			len += n;
		}
		if (desc->cmd & E1000_TXD_CMD_RS)
			hem_status_publish(&desc->status, E1000_TXD_STAT_DD);
	}
	d->tdh = end;
	hem_reg_set(d, E1000_TDH, d->tdh);
	return ret != 0 ? ret : (int)len;
}

void
hem_tx_forge(struct hem_dev *d, uint16_t idx, uint8_t status)
{
	hem_status_publish(&d->tx_ring[idx % d->tx_n].status, status);
}

unsigned int
hem_pool_take(struct rte_mempool *mp, void **objs, unsigned int max)
{
	unsigned int n = 0;

	while (n < max && rte_mempool_get(mp, &objs[n]) == 0)
		n++;
	return n;
}

static int
hem_ptr_cmp(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

int
hem_pool_count(struct rte_mempool *mp)
{
	/* a pool's ring holds at most twice its size: room for every double free */
	unsigned int max = 2 * mp->size + 2, n;
	void **objs = calloc(max, sizeof(*objs)), **sorted;
	int ret;

	if (objs == NULL)
		return -ENOMEM;
	n = hem_pool_take(mp, objs, max);
	sorted = malloc(sizeof(*sorted) * (n + 1));
	if (sorted == NULL) {
		ret = -ENOMEM;
		goto out_put;
	}
	memcpy(sorted, objs, sizeof(*sorted) * n);
	qsort(sorted, n, sizeof(*sorted), hem_ptr_cmp);
	ret = (int)n;
	for (unsigned int i = 1; i < n; i++)
		if (sorted[i] == sorted[i - 1])
			ret = -EEXIST;
	free(sorted);
out_put:
	rte_mempool_put_bulk(mp, objs, n);
	free(objs);
	return ret;
}
