/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em: private state shared by the control path (e1000e_ethdev.c)
 * and the fast path (e1000e_rxtx.c). One Rx and one Tx queue per port.
 */
#ifndef _E1000E_H_
#define _E1000E_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_io.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include <ethdev_driver.h>

#include "e1000e_regs.h"

extern int e1000e_logtype;
#define E1000E_LOG(level, ...) rte_log(RTE_LOG_ ## level, e1000e_logtype, "net_e1000_em: " __VA_ARGS__)

#define E1000E_DEFAULT_RX_FREE_THRESH 32
#define E1000E_DEFAULT_TX_FREE_THRESH 32
#define E1000E_DEFAULT_TX_RS_THRESH 32
/* A jumbo frame of 16 KiB in 256-byte buffers at most, with margin. */
#define E1000E_RX_MAX_SEGS 64

enum e1000e_model {
	E1000E_82540EM,	/* 8254x SDM */
	E1000E_82574L,	/* 82574 DS */
};

struct e1000e_rx_queue {
	volatile struct e1000_rx_desc *ring;
	struct rte_mbuf **sw_ring;	/* the mbuf behind each descriptor */
	volatile void *rdt_reg;
	struct rte_mempool *mp;
	struct rte_mbuf *pkt_first;	/* a frame spread over several descriptors */
	struct rte_mbuf *pkt_last;
	uint16_t nb_desc;
	uint16_t tail;			/* next descriptor to look at */
	uint16_t nb_hold;		/* consumed, waiting for new buffers */
	uint16_t free_thresh;
	uint16_t buf_size;		/* what RCTL.BSIZE tells the device */
	uint16_t port_id;
	uint16_t queue_id;
	bool pkt_bad;			/* the frame being assembled is dropped */
	bool csum;			/* report checksum flags */
	bool scatter_ok;		/* RTE_ETH_RX_OFFLOAD_SCATTER: frames may span buffers */
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errors;		/* frames dropped for device errors or bad lengths */
	uint64_t nombuf;
	const struct rte_memzone *mz;
};

struct e1000e_tx_queue {
	volatile struct e1000_tx_desc *ring;
	struct rte_mbuf **sw_ring;	/* the segment behind each descriptor */
	uint16_t *rs_fifo;		/* descriptors that carry RS, oldest first */
	volatile void *tdt_reg;
	uint16_t nb_desc;
	uint16_t tail;			/* next descriptor to fill */
	uint16_t clean;			/* oldest descriptor not yet freed */
	uint16_t nb_free;
	uint16_t since_rs;		/* descriptors filled since the last RS */
	uint16_t rs_head;
	uint16_t rs_count;
	uint16_t free_thresh;
	uint16_t rs_thresh;
	uint16_t port_id;
	uint16_t queue_id;
	uint64_t ctx_key;		/* offsets of the last context descriptor, 0: none */
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errors;
	const struct rte_memzone *mz;
};

struct e1000e_hw {
	uint8_t *bar0;
	enum e1000e_model model;
	struct rte_pci_device *pdev;
	bool intr_registered;		/* LSC callback on the eal-intr thread */
	bool msix;			/* vectors armed through MSI-X */
	bool rxq_intr;			/* Rx queue 0 has its own vector */
	_Atomic uint32_t ims;		/* causes the eal-intr handler re-arms (e1000e_intr.c) */
	uint64_t *hw_stats;		/* accumulated clear-on-read counters */
};

static inline uint32_t
e1000e_read(const struct e1000e_hw *hw, uint32_t reg)
{
	return rte_read32(hw->bar0 + reg);
}

static inline void
e1000e_write(struct e1000e_hw *hw, uint32_t reg, uint32_t val)
{
	rte_write32(val, hw->bar0 + reg);
}

static inline struct e1000e_hw *
e1000e_dev_hw(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

/* e1000e_ethdev.c */
struct rte_eth_dev *e1000e_port_alloc(const char *name, uint8_t *bar0, enum e1000e_model model,
				      int numa);
void e1000e_port_free(struct rte_eth_dev *dev);
int e1000e_link_update(struct rte_eth_dev *dev, int wait_to_complete);

/* e1000e_stats.c */
int e1000e_stats_init(struct e1000e_hw *hw, int numa);
void e1000e_stats_clear(struct e1000e_hw *hw);
int e1000e_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
int e1000e_stats_reset(struct rte_eth_dev *dev);
int e1000e_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
			    unsigned int size);
int e1000e_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n);
int e1000e_xstats_reset(struct rte_eth_dev *dev);

/* e1000e_intr.c */
int e1000e_intr_setup(struct rte_eth_dev *dev);
void e1000e_intr_teardown(struct rte_eth_dev *dev);
int e1000e_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid);
int e1000e_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid);

/* e1000e_rxtx.c */
uint16_t e1000e_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t e1000e_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t nb_pkts);
int e1000e_rx_ring_fill(struct e1000e_rx_queue *rxq);
void e1000e_rx_ring_drain(struct e1000e_rx_queue *rxq);
void e1000e_tx_ring_reset(struct e1000e_tx_queue *txq);
void e1000e_tx_ring_drain(struct e1000e_tx_queue *txq);

#endif /* _E1000E_H_ */
