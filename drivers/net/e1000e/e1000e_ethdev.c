/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em control path for the Intel 82574L (8086:10d3) and 82540EM
 * (8086:100e) over VFIO: reset and link setup, queues, start/stop, filters
 * and MTU; counters are in e1000e_stats.c, interrupts in e1000e_intr.c, the
 * fast path in e1000e_rxtx.c. Section numbers are those
 * of the 8254x Software Developer's Manual (SDM) and of the 82574 datasheet
 * (DS).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_malloc.h>

#include <bus_pci_driver.h>
#include <bus_vfio_driver.h>

#include "e1000e.h"

RTE_LOG_REGISTER(e1000e_logtype, pmd.net.e1000_em, NOTICE);

#define E1000E_VENDOR_INTEL 0x8086
#define E1000E_DEV_82540EM 0x100E
#define E1000E_DEV_82574L 0x10D3
/* SDM 13.4.22: the largest frame with LPE (16 KiB buffers, less the FCS slack). */
#define E1000E_MAX_RX_PKTLEN 16128
#define E1000E_BAR0_MIN 0x6000		/* every register this driver touches */
#define E1000E_RESET_TIMEOUT_MS 100
#define E1000E_EERD_TIMEOUT_US 10000
#define E1000E_MDIC_TIMEOUT_US 10000

/* SDM 5.6 / DS 10.2.2.5: one EEPROM word through EERD. */
static int
e1000e_eeprom_read(struct e1000e_hw *hw, uint16_t word, uint16_t *val)
{
	bool e574 = hw->model == E1000E_82574L;
	uint32_t done = e574 ? E1000_EERD_DONE_82574 : E1000_EERD_DONE_8254X;
	uint32_t shift = e574 ? E1000_EERD_ADDR_SHIFT_82574 : E1000_EERD_ADDR_SHIFT_8254X;

	e1000e_write(hw, E1000_EERD, ((uint32_t)word << shift) | E1000_EERD_START);
	for (unsigned int us = 0; us < E1000E_EERD_TIMEOUT_US; us += 5) {
		uint32_t v = e1000e_read(hw, E1000_EERD);

		if (v & done) {
			*val = (uint16_t)(v >> E1000_EERD_DATA_SHIFT);
			return 0;
		}
		rte_delay_us(5);
	}
	return -ETIMEDOUT;
}

/* SDM 13.4.6 MDIC: a PHY register of PHY 1; op is 1 (write) or 2 (read). */
static int
e1000e_phy_access(struct e1000e_hw *hw, uint32_t op, uint32_t reg, uint16_t *val)
{
	uint32_t cmd = (op << 26) | (1u << 21) | (reg << 16) | (op == 1 ? *val : 0);

	e1000e_write(hw, E1000_MDIC, cmd);
	for (unsigned int us = 0; us < E1000E_MDIC_TIMEOUT_US; us += 5) {
		uint32_t v = e1000e_read(hw, E1000_MDIC);

		if (v & (1u << 28)) {		/* ready */
			if (v & (1u << 30))	/* error */
				return -EIO;
			*val = (uint16_t)v;
			return 0;
		}
		rte_delay_us(5);
	}
	return -ETIMEDOUT;
}

static void
e1000e_rar_set(struct e1000e_hw *hw, unsigned int idx, const struct rte_ether_addr *a)
{
	const uint8_t *b = a->addr_bytes;

	/* SDM 13.4.28: RAL holds bytes 0-3, RAH bytes 4-5 and Address Valid */
	e1000e_write(hw, E1000_RAL(idx), b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24);
	e1000e_write(hw, E1000_RAH(idx), b[4] | b[5] << 8 | E1000_RAH_AV);
}

/* SDM 14.9 / DS 4.6.1: reset, then mask everything and drop pending causes. */
static int
e1000e_hw_reset(struct e1000e_hw *hw)
{
	e1000e_write(hw, E1000_IMC, E1000_IMS_ALL);
	e1000e_write(hw, E1000_RCTL, 0);
	e1000e_write(hw, E1000_TCTL, E1000_TCTL_PSP);
	(void)e1000e_read(hw, E1000_STATUS);	/* flush the posted writes */
	rte_delay_ms(10);			/* let DMA in flight finish (DS 4.6.1) */
	e1000e_write(hw, E1000_CTRL, e1000e_read(hw, E1000_CTRL) | E1000_CTRL_RST);
	rte_delay_ms(1);
	for (unsigned int ms = 0; e1000e_read(hw, E1000_CTRL) & E1000_CTRL_RST; ms++) {
		if (ms >= E1000E_RESET_TIMEOUT_MS)
			return -ETIMEDOUT;
		rte_delay_ms(1);
	}
	e1000e_write(hw, E1000_IMC, E1000_IMS_ALL);
	(void)e1000e_read(hw, E1000_ICR);
	return 0;
}

/* SDM 14.3-14.5 / DS 4.6.2-4.6.7: general configuration and copper link setup. */
static int
e1000e_hw_init(struct e1000e_hw *hw, struct rte_ether_addr *mac)
{
	uint32_t ctrl, ral, rah;
	uint16_t bmcr;
	int ret;

	ret = e1000e_hw_reset(hw);
	if (ret != 0)
		return ret;
	/* MAC follows the PHY's resolved speed (ASDE) with the link forced up (SLU) */
	ctrl = e1000e_read(hw, E1000_CTRL);
	ctrl |= E1000_CTRL_SLU | E1000_CTRL_ASDE;
	ctrl &= ~(E1000_CTRL_LRST | E1000_CTRL_PHY_RST | E1000_CTRL_ILOS | E1000_CTRL_VME);
	e1000e_write(hw, E1000_CTRL, ctrl);
	/* PHY: auto-negotiation on (MII control register 0, bit 12), restarted if it was off */
	if (e1000e_phy_access(hw, 2, 0, &bmcr) == 0 && !(bmcr & (1u << 12))) {
		bmcr |= (1u << 12) | (1u << 9);
		(void)e1000e_phy_access(hw, 1, 0, &bmcr);
	}
	/* SDM 14.3: no flow control */
	e1000e_write(hw, E1000_FCAL, 0);
	e1000e_write(hw, E1000_FCAH, 0);
	e1000e_write(hw, E1000_FCT, 0);
	e1000e_write(hw, E1000_FCTTV, 0);
	/* SDM 14.4: clear the multicast table */
	for (unsigned int i = 0; i < E1000_MTA_SIZE; i++)
		e1000e_write(hw, E1000_MTA + 4 * i, 0);
	/* the address the device loaded from its EEPROM into RAR0, else the EEPROM itself */
	ral = e1000e_read(hw, E1000_RAL(0));
	rah = e1000e_read(hw, E1000_RAH(0));
	for (unsigned int i = 0; i < 4; i++)
		mac->addr_bytes[i] = (uint8_t)(ral >> (8 * i));
	mac->addr_bytes[4] = (uint8_t)rah;
	mac->addr_bytes[5] = (uint8_t)(rah >> 8);
	if (!(rah & E1000_RAH_AV) || !rte_is_valid_assigned_ether_addr(mac)) {
		for (uint16_t w = 0; w < 3; w++) {
			uint16_t v;

			ret = e1000e_eeprom_read(hw, w, &v);
			if (ret != 0)
				return ret;
			mac->addr_bytes[2 * w] = (uint8_t)v;
			mac->addr_bytes[2 * w + 1] = (uint8_t)(v >> 8);
		}
		if (!rte_is_valid_assigned_ether_addr(mac))
			rte_eth_random_addr(mac->addr_bytes);
	}
	e1000e_rar_set(hw, 0, mac);
	for (unsigned int i = 1; i < E1000_RAR_ENTRIES; i++) {
		e1000e_write(hw, E1000_RAL(i), 0);
		e1000e_write(hw, E1000_RAH(i), 0);
	}
	e1000e_stats_clear(hw);
	return 0;
}

int
e1000e_link_update(struct rte_eth_dev *dev, int wait_to_complete __rte_unused)
{
	uint32_t status = e1000e_read(e1000e_dev_hw(dev), E1000_STATUS);
	struct rte_eth_link link = {
		.link_autoneg = RTE_ETH_LINK_AUTONEG,
	};

	/* SDM 13.4.2: LU, the resolved speed and duplex */
	if ((status & E1000_STATUS_LU) && dev->data->dev_started) {
		static const uint32_t speeds[] = { RTE_ETH_SPEED_NUM_10M, RTE_ETH_SPEED_NUM_100M,
						   RTE_ETH_SPEED_NUM_1G, RTE_ETH_SPEED_NUM_1G };

		link.link_status = RTE_ETH_LINK_UP;
		link.link_speed = speeds[(status & E1000_STATUS_SPEED_MASK) >>
					 E1000_STATUS_SPEED_SHIFT];
		link.link_duplex = (status & E1000_STATUS_FD) ? RTE_ETH_LINK_FULL_DUPLEX :
								RTE_ETH_LINK_HALF_DUPLEX;
	}
	return rte_eth_linkstatus_set(dev, &link);
}

static uint32_t
e1000e_rctl_bsize(uint16_t size)
{
	/* SDM 13.4.22: BSIZE 00/01/10/11 = 2048/1024/512/256, with BSEX x16 */
	switch (size) {
	case 16384: return E1000_RCTL_BSEX | (1u << E1000_RCTL_BSIZE_SHIFT);
	case 8192: return E1000_RCTL_BSEX | (2u << E1000_RCTL_BSIZE_SHIFT);
	case 4096: return E1000_RCTL_BSEX | (3u << E1000_RCTL_BSIZE_SHIFT);
	case 1024: return 1u << E1000_RCTL_BSIZE_SHIFT;
	case 512: return 2u << E1000_RCTL_BSIZE_SHIFT;
	case 256: return 3u << E1000_RCTL_BSIZE_SHIFT;
	default: return 0;	/* 2048 */
	}
}

static uint32_t
e1000e_max_frame(uint16_t mtu)
{
	return (uint32_t)mtu + RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN + RTE_VLAN_HLEN;
}

static uint32_t
e1000e_rctl_value(struct rte_eth_dev *dev)
{
	struct e1000e_rx_queue *rxq = dev->data->rx_queues[0];
	uint32_t rctl = E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC | E1000_RCTL_RDMTS_HALF;

	rctl |= e1000e_rctl_bsize(rxq->buf_size);
	if (dev->data->mtu > RTE_ETHER_MTU)
		rctl |= E1000_RCTL_LPE;
	if (dev->data->promiscuous)
		rctl |= E1000_RCTL_UPE | E1000_RCTL_MPE;
	if (dev->data->all_multicast)
		rctl |= E1000_RCTL_MPE;
	return rctl;
}

static int
e1000e_dev_configure(struct rte_eth_dev *dev)
{
	if (dev->data->nb_rx_queues > 1 || dev->data->nb_tx_queues > 1) {
		E1000E_LOG(ERR, "%s: one Rx and one Tx queue only (%u/%u asked)\n",
			   dev->data->name, dev->data->nb_rx_queues, dev->data->nb_tx_queues);
		return -EINVAL;
	}
	return 0;
}

static int
e1000e_dev_start(struct rte_eth_dev *dev)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);
	struct e1000e_rx_queue *rxq = dev->data->rx_queues[0];
	struct e1000e_tx_queue *txq = dev->data->tx_queues[0];
	int ret;

	if (rxq == NULL || txq == NULL) {
		E1000E_LOG(ERR, "%s: set up Rx and Tx queue 0 before starting\n", dev->data->name);
		return -EINVAL;
	}
	if (e1000e_max_frame(dev->data->mtu) > rxq->buf_size) {
		if (!rxq->scatter_ok) {
			E1000E_LOG(ERR, "%s: frames up to %u bytes (MTU %u) do not fit %u-byte "
				   "buffers: use larger mbufs or enable RTE_ETH_RX_OFFLOAD_SCATTER\n",
				   dev->data->name, e1000e_max_frame(dev->data->mtu),
				   dev->data->mtu, rxq->buf_size);
			return -EINVAL;
		}
		dev->data->scattered_rx = 1;
	}
	/* SDM 14.5 / DS 4.6.10: transmit ring, then TCTL */
	e1000e_tx_ring_reset(txq);
	e1000e_write(hw, E1000_TDBAL, (uint32_t)txq->mz->iova);
	e1000e_write(hw, E1000_TDBAH, (uint32_t)(txq->mz->iova >> 32));
	e1000e_write(hw, E1000_TDLEN, txq->nb_desc * (uint32_t)sizeof(struct e1000_tx_desc));
	e1000e_write(hw, E1000_TDH, 0);
	e1000e_write(hw, E1000_TDT, 0);
	e1000e_write(hw, E1000_TIDV, 0);
	e1000e_write(hw, E1000_TADV, 0);
	if (hw->model == E1000E_82574L)
		e1000e_write(hw, E1000_TXDCTL, E1000_TXDCTL_82574);
	e1000e_write(hw, E1000_TIPG, E1000_TIPG_DEFAULT);
	e1000e_write(hw, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP |
		     E1000_TCTL_CT_DEFAULT << E1000_TCTL_CT_SHIFT |
		     E1000_TCTL_COLD_FD << E1000_TCTL_COLD_SHIFT);

	/* SDM 14.4 / DS 4.6.9: receive ring with buffers, no delay timers, then RCTL */
	e1000e_write(hw, E1000_RCTL, 0);
	ret = e1000e_rx_ring_fill(rxq);
	if (ret != 0) {
		E1000E_LOG(ERR, "%s: mempool %s cannot give %u mbufs for the Rx ring: make it "
			   "larger\n", dev->data->name, rxq->mp->name, rxq->nb_desc);
		e1000e_write(hw, E1000_TCTL, E1000_TCTL_PSP);
		return ret;
	}
	e1000e_write(hw, E1000_RDBAL, (uint32_t)rxq->mz->iova);
	e1000e_write(hw, E1000_RDBAH, (uint32_t)(rxq->mz->iova >> 32));
	e1000e_write(hw, E1000_RDLEN, rxq->nb_desc * (uint32_t)sizeof(struct e1000_rx_desc));
	e1000e_write(hw, E1000_RDH, 0);
	e1000e_write(hw, E1000_RDT, rxq->nb_desc - 1u);
	e1000e_write(hw, E1000_RDTR, 0);
	e1000e_write(hw, E1000_RADV, 0);
	e1000e_write(hw, E1000_ITR, 0);
	e1000e_write(hw, E1000_RXCSUM, rxq->csum ? E1000_RXCSUM_IPOFL | E1000_RXCSUM_TUOFL : 0);

	if (dev->data->dev_conf.intr_conf.lsc || dev->data->dev_conf.intr_conf.rxq) {
		ret = e1000e_intr_setup(dev);
		if (ret != 0) {
			e1000e_write(hw, E1000_TCTL, E1000_TCTL_PSP);
			e1000e_rx_ring_drain(rxq);
			return ret;
		}
	}
	e1000e_write(hw, E1000_RCTL, e1000e_rctl_value(dev));
	dev->data->rx_queue_state[0] = RTE_ETH_QUEUE_STATE_STARTED;
	dev->data->tx_queue_state[0] = RTE_ETH_QUEUE_STATE_STARTED;
	dev->data->dev_started = 1;
	e1000e_link_update(dev, 0);
	return 0;
}

static int
e1000e_dev_stop(struct rte_eth_dev *dev)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);
	struct rte_eth_link link = { .link_speed = RTE_ETH_SPEED_NUM_NONE };

	e1000e_intr_teardown(dev);
	e1000e_write(hw, E1000_RCTL, 0);
	e1000e_write(hw, E1000_TCTL, E1000_TCTL_PSP);
	(void)e1000e_read(hw, E1000_STATUS);
	rte_delay_ms(1);	/* descriptors in flight land before their buffers go */
	if (dev->data->rx_queues != NULL && dev->data->rx_queues[0] != NULL)
		e1000e_rx_ring_drain(dev->data->rx_queues[0]);
	if (dev->data->tx_queues != NULL && dev->data->tx_queues[0] != NULL)
		e1000e_tx_ring_drain(dev->data->tx_queues[0]);
	dev->data->rx_queue_state[0] = RTE_ETH_QUEUE_STATE_STOPPED;
	dev->data->tx_queue_state[0] = RTE_ETH_QUEUE_STATE_STOPPED;
	dev->data->dev_started = 0;
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static void
e1000e_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct e1000e_rx_queue *rxq = dev->data->rx_queues[qid];

	if (rxq == NULL)
		return;
	e1000e_rx_ring_drain(rxq);
	rte_memzone_free(rxq->mz);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
	dev->data->rx_queues[qid] = NULL;
}

static void
e1000e_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct e1000e_tx_queue *txq = dev->data->tx_queues[qid];

	if (txq == NULL)
		return;
	e1000e_tx_ring_drain(txq);
	rte_memzone_free(txq->mz);
	rte_free(txq->sw_ring);
	rte_free(txq->rs_fifo);
	rte_free(txq);
	dev->data->tx_queues[qid] = NULL;
}

static int
e1000e_dev_close(struct rte_eth_dev *dev)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);

	if (hw == NULL || hw->bar0 == NULL)
		return 0;
	e1000e_intr_teardown(dev);
	/* stop all DMA before the rings go: the device forgets them on reset */
	(void)e1000e_hw_reset(hw);
	if (dev->data->rx_queues != NULL)
		e1000e_rx_queue_release(dev, 0);
	if (dev->data->tx_queues != NULL)
		e1000e_tx_queue_release(dev, 0);
	rte_free(hw->hw_stats);
	hw->hw_stats = NULL;
	hw->bar0 = NULL;
	return 0;
}

static bool
e1000e_nb_desc_valid(struct rte_eth_dev *dev, const char *what, uint16_t nb_desc)
{
	if (nb_desc >= E1000_MIN_RING_DESC && nb_desc <= E1000_MAX_RING_DESC &&
	    nb_desc % E1000_RING_ALIGN_DESC == 0)
		return true;
	E1000E_LOG(ERR, "%s: %s ring of %u descriptors: give a multiple of %u from %u to %u\n",
		   dev->data->name, what, nb_desc, E1000_RING_ALIGN_DESC, E1000_MIN_RING_DESC,
		   E1000_MAX_RING_DESC);
	return false;
}

static const struct rte_memzone *
e1000e_ring_reserve(struct rte_eth_dev *dev, const char *what, uint16_t nb_desc, int socket)
{
	char name[RTE_MEMZONE_NAMESIZE];

	snprintf(name, sizeof(name), "e1000e_%s_%u", what, dev->data->port_id);
	/* 16-byte descriptors; SDM 13.4.24: the base is 128-byte aligned */
	return rte_memzone_reserve_aligned(name, (size_t)nb_desc * 16, socket,
					   RTE_MEMZONE_IOVA_CONTIG, E1000_RING_ALIGN);
}

static int
e1000e_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket_id, const struct rte_eth_rxconf *conf,
		      struct rte_mempool *mp)
{
	static const uint16_t sizes[] = { 16384, 8192, 4096, 2048, 1024, 512, 256 };
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads | conf->offloads;
	uint32_t room = rte_pktmbuf_data_room_size(mp);
	struct e1000e_rx_queue *rxq;
	uint16_t buf_size = 0;
	int socket = (int)socket_id;

	if (!e1000e_nb_desc_valid(dev, "Rx", nb_desc))
		return -EINVAL;
	for (unsigned int i = 0; i < RTE_DIM(sizes) && buf_size == 0; i++)
		if (room >= RTE_PKTMBUF_HEADROOM + (uint32_t)sizes[i])
			buf_size = sizes[i];
	if (buf_size == 0) {
		E1000E_LOG(ERR, "%s: mbufs of %u bytes leave less than 256 after the headroom: "
			   "use RTE_MBUF_DEFAULT_BUF_SIZE\n", dev->data->name, room);
		return -EINVAL;
	}
	if (e1000e_max_frame(dev->data->mtu) > buf_size) {
		if (!(offloads & RTE_ETH_RX_OFFLOAD_SCATTER)) {
			E1000E_LOG(ERR, "%s: frames up to %u bytes (MTU %u) do not fit %u-byte "
				   "buffers: use larger mbufs or enable RTE_ETH_RX_OFFLOAD_SCATTER\n",
				   dev->data->name, e1000e_max_frame(dev->data->mtu),
				   dev->data->mtu, buf_size);
			return -EINVAL;
		}
		dev->data->scattered_rx = 1;
	}
	e1000e_rx_queue_release(dev, qid);
	rxq = rte_zmalloc_socket("e1000e_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket);
	if (rxq == NULL)
		return -ENOMEM;
	rxq->sw_ring = rte_zmalloc_socket("e1000e_rx_sw", sizeof(rxq->sw_ring[0]) * nb_desc,
					  RTE_CACHE_LINE_SIZE, socket);
	rxq->mz = e1000e_ring_reserve(dev, "rx", nb_desc, socket);
	if (rxq->sw_ring == NULL || rxq->mz == NULL) {
		E1000E_LOG(ERR, "%s: no memory for an Rx ring of %u descriptors\n",
			   dev->data->name, nb_desc);
		rte_memzone_free(rxq->mz);
		rte_free(rxq->sw_ring);
		rte_free(rxq);
		return -ENOMEM;
	}
	rxq->ring = rxq->mz->addr;
	memset(rxq->mz->addr, 0, rxq->mz->len);
	rxq->rdt_reg = e1000e_dev_hw(dev)->bar0 + E1000_RDT;
	rxq->mp = mp;
	rxq->nb_desc = nb_desc;
	/* refill must be able to trigger: at most half the ring may wait for buffers */
	rxq->free_thresh = RTE_MIN(conf->rx_free_thresh != 0 ? conf->rx_free_thresh :
				   E1000E_DEFAULT_RX_FREE_THRESH, nb_desc / 2);
	rxq->buf_size = buf_size;
	rxq->port_id = dev->data->port_id;
	rxq->queue_id = qid;
	rxq->csum = (offloads & RTE_ETH_RX_OFFLOAD_CHECKSUM) != 0;
	rxq->scatter_ok = (offloads & RTE_ETH_RX_OFFLOAD_SCATTER) != 0;
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

static int
e1000e_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct e1000e_tx_queue *txq;
	int socket = (int)socket_id;
	/*
	 * The defaults (0, or the dev_info values applications copy back) shrink
	 * with small rings; other values are the application's and are checked.
	 */
	uint16_t rs = conf->tx_rs_thresh != 0 && conf->tx_rs_thresh != E1000E_DEFAULT_TX_RS_THRESH ?
		      conf->tx_rs_thresh : RTE_MIN(E1000E_DEFAULT_TX_RS_THRESH, nb_desc / 4);
	uint16_t fr = conf->tx_free_thresh != 0 &&
		      conf->tx_free_thresh != E1000E_DEFAULT_TX_FREE_THRESH ?
		      conf->tx_free_thresh : RTE_MIN(E1000E_DEFAULT_TX_FREE_THRESH, nb_desc / 4);

	if (!e1000e_nb_desc_valid(dev, "Tx", nb_desc))
		return -EINVAL;
	if (rs >= nb_desc / 2 || fr >= nb_desc - rs) {
		E1000E_LOG(ERR, "%s: tx_rs_thresh %u / tx_free_thresh %u do not fit a ring of %u: "
			   "keep rs below half the ring and rs + free below the ring\n",
			   dev->data->name, rs, fr, nb_desc);
		return -EINVAL;
	}
	e1000e_tx_queue_release(dev, qid);
	txq = rte_zmalloc_socket("e1000e_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket);
	if (txq == NULL)
		return -ENOMEM;
	txq->sw_ring = rte_zmalloc_socket("e1000e_tx_sw", sizeof(txq->sw_ring[0]) * nb_desc,
					  RTE_CACHE_LINE_SIZE, socket);
	txq->rs_fifo = rte_zmalloc_socket("e1000e_tx_rs", sizeof(txq->rs_fifo[0]) * nb_desc,
					  RTE_CACHE_LINE_SIZE, socket);
	txq->mz = e1000e_ring_reserve(dev, "tx", nb_desc, socket);
	if (txq->sw_ring == NULL || txq->rs_fifo == NULL || txq->mz == NULL) {
		E1000E_LOG(ERR, "%s: no memory for a Tx ring of %u descriptors\n",
			   dev->data->name, nb_desc);
		rte_memzone_free(txq->mz);
		rte_free(txq->sw_ring);
		rte_free(txq->rs_fifo);
		rte_free(txq);
		return -ENOMEM;
	}
	txq->ring = txq->mz->addr;
	txq->nb_desc = nb_desc;
	txq->tdt_reg = e1000e_dev_hw(dev)->bar0 + E1000_TDT;
	txq->rs_thresh = rs;
	txq->free_thresh = fr;
	txq->port_id = dev->data->port_id;
	txq->queue_id = qid;
	e1000e_tx_ring_reset(txq);
	dev->data->tx_queues[qid] = txq;
	return 0;
}

static int
e1000e_dev_infos_get(struct rte_eth_dev *dev __rte_unused, struct rte_eth_dev_info *info)
{
	const struct rte_eth_desc_lim lim = {
		.nb_max = E1000_MAX_RING_DESC,
		.nb_min = E1000_MIN_RING_DESC,
		.nb_align = E1000_RING_ALIGN_DESC,
		.nb_seg_max = E1000_MAX_RING_DESC / 2,
		.nb_mtu_seg_max = E1000E_RX_MAX_SEGS,
	};

	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mac_addrs = E1000_RAR_ENTRIES;
	info->min_rx_bufsize = 256;
	info->max_rx_pktlen = E1000E_MAX_RX_PKTLEN;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = E1000E_MAX_RX_PKTLEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN -
			RTE_VLAN_HLEN;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_CHECKSUM | RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
				RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM;
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->default_rxconf.rx_free_thresh = E1000E_DEFAULT_RX_FREE_THRESH;
	info->default_txconf.tx_free_thresh = E1000E_DEFAULT_TX_FREE_THRESH;
	info->default_txconf.tx_rs_thresh = E1000E_DEFAULT_TX_RS_THRESH;
	info->default_rxportconf.ring_size = 256;
	info->default_txportconf.ring_size = 256;
	info->speed_capa = RTE_ETH_LINK_SPEED_10M | RTE_ETH_LINK_SPEED_100M |
			   RTE_ETH_LINK_SPEED_1G;
	return 0;
}

static int
e1000e_rctl_refresh(struct rte_eth_dev *dev)
{
	if (dev->data->dev_started)
		e1000e_write(e1000e_dev_hw(dev), E1000_RCTL, e1000e_rctl_value(dev));
	return 0;
}

/* ethdev sets data->promiscuous/all_multicast after these return: look ahead. */
static int
e1000e_promiscuous_enable(struct rte_eth_dev *dev)
{
	dev->data->promiscuous = 1;
	return e1000e_rctl_refresh(dev);
}

static int
e1000e_promiscuous_disable(struct rte_eth_dev *dev)
{
	dev->data->promiscuous = 0;
	return e1000e_rctl_refresh(dev);
}

static int
e1000e_allmulticast_enable(struct rte_eth_dev *dev)
{
	dev->data->all_multicast = 1;
	return e1000e_rctl_refresh(dev);
}

static int
e1000e_allmulticast_disable(struct rte_eth_dev *dev)
{
	dev->data->all_multicast = 0;
	return e1000e_rctl_refresh(dev);
}

static int
e1000e_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	e1000e_rar_set(e1000e_dev_hw(dev), 0, addr);
	return 0;
}

static int
e1000e_mac_addr_add(struct rte_eth_dev *dev, struct rte_ether_addr *addr, uint32_t index,
		    uint32_t vmdq __rte_unused)
{
	if (index >= E1000_RAR_ENTRIES)
		return -EINVAL;
	e1000e_rar_set(e1000e_dev_hw(dev), index, addr);
	return 0;
}

static void
e1000e_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);

	if (index == 0 || index >= E1000_RAR_ENTRIES)
		return;
	e1000e_write(hw, E1000_RAL(index), 0);
	e1000e_write(hw, E1000_RAH(index), 0);
}

static int
e1000e_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct e1000e_rx_queue *rxq = dev->data->rx_queues != NULL ? dev->data->rx_queues[0] : NULL;

	/* a stopped port is checked again by queue setup and start */
	if (dev->data->dev_started && rxq != NULL && e1000e_max_frame(mtu) > rxq->buf_size &&
	    !dev->data->scattered_rx) {
		E1000E_LOG(ERR, "%s: MTU %u needs frames of %u bytes, buffers are %u: enable "
			   "RTE_ETH_RX_OFFLOAD_SCATTER or use larger mbufs\n", dev->data->name,
			   mtu, e1000e_max_frame(mtu), rxq->buf_size);
		return -EINVAL;
	}
	dev->data->mtu = mtu;
	return e1000e_rctl_refresh(dev);	/* LPE for frames above 1522 bytes */
}

static const struct eth_dev_ops e1000e_ops = {
	.dev_configure = e1000e_dev_configure,
	.dev_start = e1000e_dev_start,
	.dev_stop = e1000e_dev_stop,
	.dev_close = e1000e_dev_close,
	.link_update = e1000e_link_update,
	.promiscuous_enable = e1000e_promiscuous_enable,
	.promiscuous_disable = e1000e_promiscuous_disable,
	.allmulticast_enable = e1000e_allmulticast_enable,
	.allmulticast_disable = e1000e_allmulticast_disable,
	.mac_addr_set = e1000e_mac_addr_set,
	.mac_addr_add = e1000e_mac_addr_add,
	.mac_addr_remove = e1000e_mac_addr_remove,
	.mtu_set = e1000e_mtu_set,
	.stats_get = e1000e_stats_get,
	.stats_reset = e1000e_stats_reset,
	.xstats_get = e1000e_xstats_get,
	.xstats_get_names = e1000e_xstats_get_names,
	.xstats_reset = e1000e_xstats_reset,
	.dev_infos_get = e1000e_dev_infos_get,
	.rx_queue_setup = e1000e_rx_queue_setup,
	.rx_queue_release = e1000e_rx_queue_release,
	.tx_queue_setup = e1000e_tx_queue_setup,
	.tx_queue_release = e1000e_tx_queue_release,
	.rx_queue_intr_enable = e1000e_rx_queue_intr_enable,
	.rx_queue_intr_disable = e1000e_rx_queue_intr_disable,
};

/* Interrupts stay with the primary, which owns the vectors (as DPDK's e1000). */
static int
e1000e_secondary_intr(struct rte_eth_dev *dev, uint16_t qid)
{
	E1000E_LOG(ERR, "%s: Rx queue %u interrupts are not supported in a secondary process; "
		   "fix: poll the queue, or wait for interrupts in the primary\n",
		   dev->data->name, qid);
	return -ENOTSUP;
}

/* The port and its queues stay the primary's: a secondary forgets its view only. */
static int
e1000e_secondary_close(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

/*
 * A secondary reads the port (registers through its own mapping of BAR 0)
 * and polls the queues the application gives it; configuring, starting
 * and stopping are the primary's, so those ops are absent (-ENOTSUP).
 */
static const struct eth_dev_ops e1000e_secondary_ops = {
	.dev_close = e1000e_secondary_close,
	.link_update = e1000e_link_update,
	.stats_get = e1000e_stats_get,
	.stats_reset = e1000e_stats_reset,
	.xstats_get = e1000e_xstats_get,
	.xstats_get_names = e1000e_xstats_get_names,
	.xstats_reset = e1000e_xstats_reset,
	.dev_infos_get = e1000e_dev_infos_get,
	.rx_queue_intr_enable = e1000e_secondary_intr,
	.rx_queue_intr_disable = e1000e_secondary_intr,
};

/*
 * Attach to the primary's port of pdev: its shared data and private state
 * as they are, this process's ops and burst functions. No register is
 * touched: the device may be forwarding.
 */
static int
e1000e_pci_probe_secondary(struct rte_pci_device *pdev, void *bar0)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(pdev->name);
	struct e1000e_hw *hw;

	if (dev == NULL)
		return -ENODEV;
	hw = e1000e_dev_hw(dev);
	/* the queues hold register addresses inside the primary's BAR 0 mapping */
	if (hw == NULL || hw->bar0 != bar0) {
		E1000E_LOG(ERR, "%s: BAR 0 is mapped at %p here but at %p in the primary "
			   "process: not attaching\n", pdev->name, bar0,
			   hw != NULL ? (void *)hw->bar0 : NULL);
		rte_eth_dev_release_port(dev);
		return -EFAULT;
	}
	dev->dev_ops = &e1000e_secondary_ops;
	dev->rx_pkt_burst = e1000e_recv_pkts;
	dev->tx_pkt_burst = e1000e_xmit_pkts;
	dev->device = &pdev->device;
	dev->intr_handle = pdev->intr_handle;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

/*
 * The port of a device whose registers are at bar0: private state, ops and
 * burst functions, with no register touched yet. Probe resets the device
 * next; unit tests hand in plain memory as BAR 0 and play the device.
 */
struct rte_eth_dev *
e1000e_port_alloc(const char *name, uint8_t *bar0, enum e1000e_model model, int numa)
{
	struct rte_eth_dev *dev;
	struct e1000e_hw *hw;

	dev = rte_eth_dev_allocate(name);
	if (dev == NULL)
		return NULL;
	hw = rte_zmalloc_socket("e1000e_hw", sizeof(*hw), RTE_CACHE_LINE_SIZE, numa);
	/* from here rte_eth_dev_release_port frees dev_private and mac_addrs */
	dev->data->dev_private = hw;
	dev->data->mac_addrs = rte_zmalloc_socket("e1000e_mac",
		sizeof(struct rte_ether_addr) * E1000_RAR_ENTRIES, 0, numa);
	if (hw == NULL || dev->data->mac_addrs == NULL || e1000e_stats_init(hw, numa) != 0) {
		E1000E_LOG(ERR, "%s: no memory for the port's state\n", name);
		e1000e_port_free(dev);
		rte_errno = ENOMEM;
		return NULL;
	}
	hw->bar0 = bar0;
	hw->model = model;
	dev->dev_ops = &e1000e_ops;
	dev->data->numa_node = numa;
	dev->data->mtu = RTE_ETHER_MTU;
	dev->data->dev_flags = RTE_ETH_DEV_INTR_LSC;
	dev->rx_pkt_burst = e1000e_recv_pkts;
	dev->tx_pkt_burst = e1000e_xmit_pkts;
	return dev;
}

/* Undo e1000e_port_alloc of a port that was never started. */
void
e1000e_port_free(struct rte_eth_dev *dev)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);

	if (hw != NULL)
		rte_free(hw->hw_stats);
	rte_eth_dev_release_port(dev);
}

static int
e1000e_pci_probe(struct rte_pci_driver *drv __rte_unused, struct rte_pci_device *pdev)
{
	int numa = pdev->device.numa_node;
	struct rte_eth_dev *dev;
	struct e1000e_hw *hw;
	struct rte_ether_addr mac;
	size_t bar_len = 0;
	void *bar0;
	int ret;

	bar0 = rte_pci_vfio_bar_get(pdev, 0, &bar_len);
	if (bar0 == NULL || bar_len < E1000E_BAR0_MIN) {
		E1000E_LOG(ERR, "%s: BAR 0 is not mapped or smaller than %#x bytes\n",
			   pdev->name, E1000E_BAR0_MIN);
		return -ENODEV;
	}
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return e1000e_pci_probe_secondary(pdev, bar0);
	dev = e1000e_port_alloc(pdev->name, bar0,
				pdev->id.device_id == E1000E_DEV_82574L ? E1000E_82574L :
									  E1000E_82540EM,
				numa);
	if (dev == NULL)
		return -rte_errno;
	hw = e1000e_dev_hw(dev);
	hw->pdev = pdev;
	ret = e1000e_hw_init(hw, &mac);
	if (ret != 0) {
		E1000E_LOG(ERR, "%s: the device did not come out of reset (%s)\n", pdev->name,
			   strerror(-ret));
		e1000e_port_free(dev);
		return ret;
	}
	dev->data->mac_addrs[0] = mac;
	dev->device = &pdev->device;
	dev->intr_handle = pdev->intr_handle;
	rte_eth_dev_probing_finish(dev);
	E1000E_LOG(INFO, "%s: %s, MAC " RTE_ETHER_ADDR_PRT_FMT "\n", pdev->name,
		   hw->model == E1000E_82574L ? "82574L" : "82540EM", RTE_ETHER_ADDR_BYTES(&mac));
	return 0;
}

static int
e1000e_pci_remove(struct rte_pci_device *pdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(pdev->name);

	if (dev == NULL)
		return 0;	/* closed through rte_eth_dev_close already */
	/* the device is the primary's to stop: a secondary only lets go */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
	if (dev->data->dev_started)
		e1000e_dev_stop(dev);
	return rte_eth_dev_close(dev->data->port_id);
}

static const struct rte_pci_id e1000e_pci_ids[] = {
	{ RTE_PCI_DEVICE(E1000E_VENDOR_INTEL, E1000E_DEV_82540EM) },
	{ RTE_PCI_DEVICE(E1000E_VENDOR_INTEL, E1000E_DEV_82574L) },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver e1000e_pci_driver = {
	.id_table = e1000e_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = e1000e_pci_probe,
	.remove = e1000e_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_e1000_em, e1000e_pci_driver);
