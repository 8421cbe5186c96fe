/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device side of the net_e1000_em legacy Rx and Tx rings (SDM 3.2,
 * 3.3), in software, over plain memory that stands in for BAR 0. The real
 * driver runs against it without VFIO: it writes the registers into that
 * memory and the model reads them back (RDBAL, RDT, TDT, RCTL...).
 *
 * The model plays an honest device (frames into the buffers RDH..RDT-1
 * own, write-backs in order) and a hostile one (any descriptor, any
 * length, status and errors, DD on descriptors it does not own). The unit
 * suite hostile_e1000e and the fuzz target over the Rx burst share it.
 */
#ifndef _HOSTILE_E1000E_MODEL_H_
#define _HOSTILE_E1000E_MODEL_H_

#include <stdint.h>

#include <rte_mempool.h>

#include <bus_pci_driver.h>

#include "e1000e.h"

/* A real 82574L BAR 0 is 128 KiB; every register the driver uses is below. */
#define HEM_BAR_SIZE (128u * 1024u)

struct hem_dev {
	uint8_t *bar; /* the fake BAR 0 */
	uint16_t port_id;
	volatile struct e1000_rx_desc *rx_ring; /* from RDBAL/RDBAH, NULL before start */
	volatile struct e1000_tx_desc *tx_ring; /* from TDBAL/TDBAH */
	uint16_t rx_n;				/* descriptors, from RDLEN */
	uint16_t tx_n;
	uint16_t rdh; /* the device's heads */
	uint16_t tdh;
	/* no vector, no BAR list: what the driver finds where a probed device would be */
	struct rte_pci_device pdev;
};

/* A port over fresh fake BAR memory, probed but not configured. 0 or a negative errno. */
int hem_port_create(struct hem_dev *d, const char *name);
/* Close the port and free the BAR. */
void hem_port_destroy(struct hem_dev *d);
/*
 * Configure one Rx and one Tx queue of nb_desc on mp, start the port and
 * find the rings the driver gave the device. 0 or a negative errno.
 */
int hem_port_start(struct hem_dev *d, struct rte_mempool *mp, uint16_t nb_desc,
		   uint64_t rx_offloads);
/* Find the rings again after the driver wrote the ring registers (start). */
int hem_rings_attach(struct hem_dev *d);

/* A register as the driver last wrote it to the fake BAR. */
uint32_t hem_reg(const struct hem_dev *d, uint32_t reg);

/* The queues the driver set up, for tests that drive the burst functions directly. */
struct e1000e_rx_queue *hem_rxq(const struct hem_dev *d);

/* What one Rx buffer holds, from RCTL.BSIZE/BSEX (SDM 13.4.22). */
uint16_t hem_rx_buf_size(const struct hem_dev *d);

/*
 * Honest device: write frame into the buffers the driver handed over (RDH
 * up to RDT), over as many descriptors as it needs, DD and EOP on the
 * last, then advance RDH. -ENOBUFS when the driver left too few
 * descriptors (the frame is missed, nothing written), -EFAULT when a
 * buffer address does not translate.
 */
int hem_rx_deliver(struct hem_dev *d, const void *frame, uint32_t len);

/*
 * Hostile device: write back descriptor idx (taken modulo the ring) with
 * these fields, whether or not the device owns it. No buffer is written
 * and RDH does not move.
 */
void hem_rx_forge(struct hem_dev *d, uint16_t idx, uint16_t len, uint8_t status, uint8_t errors);

/*
 * Honest device: send the next frame the driver queued (TDH up to TDT),
 * copying its bytes into out (at most cap), and write DD on each of its
 * descriptors that asked with RS. Returns the frame's length, 0 when
 * there is none, -EFAULT for a buffer that does not translate, -EMSGSIZE
 * when it does not fit out, -EPROTO when TDT cuts a frame before EOP.
 */
int hem_tx_transmit(struct hem_dev *d, uint8_t *out, uint32_t cap);

/* Hostile device: write status (DD and whatever else) on Tx descriptor idx, owned or not. */
void hem_tx_forge(struct hem_dev *d, uint16_t idx, uint8_t status);

/*
 * The pool's objects, each counted once: takes every object out, checks
 * that none comes twice, puts them back. The count, or -EEXIST for an
 * object that came out twice (freed twice).
 */
int hem_pool_count(struct rte_mempool *mp);

/* Take up to max objects out of mp (a short pool); returns how many. */
unsigned int hem_pool_take(struct rte_mempool *mp, void **objs, unsigned int max);

#endif /* _HOSTILE_E1000E_MODEL_H_ */
