/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em interrupts: the link-status change on the eal-intr thread
 * (MSI-X vector 0 on the 82574L, the one MSI/INTx line on the 82540EM) and
 * the Rx queue vector for rte_epoll_wait (82574L).
 *
 * Two threads unmask causes: the eal-intr thread re-arms LSC/OTHER after
 * each interrupt, the lcore polling Rx arms and disarms RXQ0. IMS is
 * write-1-to-set and IMC write-1-to-clear (SDM 13.4.20, 13.4.21), so each
 * writes only the bits it owns and nothing is read-modify-written; RXQ0
 * has no shadow at all. hw->ims holds the eal-intr thread's causes: set
 * before the callback is registered, zeroed by teardown, which may run on
 * the control thread while the handler runs (the handler can re-arm after
 * teardown's IMC; teardown masks again once unregister_sync waited for it)
 * or inside the handler, from the application's LSC callback (same thread:
 * the handler then reads 0). Neither case needs ordering from the atomic:
 * relaxed, it only makes the concurrent access defined.
 */
#include <errno.h>
#include <string.h>

#include <rte_interrupts.h>

#include <bus_pci_driver.h>
#include <bus_vfio_driver.h>

#include "e1000e.h"

/* eal-intr thread: SDM 13.4.17 ICR says why; LSC refreshes the link. */
static void
e1000e_intr_handler(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct e1000e_hw *hw = e1000e_dev_hw(dev);
	uint32_t icr = e1000e_read(hw, E1000_ICR);

	/* DS 10.2.4.1: in MSI-X mode a read does not clear ICR; write the bits back */
	if (hw->msix)
		e1000e_write(hw, E1000_ICR, icr & ~E1000_ICR_RXQ0);
	if ((icr & E1000_ICR_LSC) && e1000e_link_update(dev, 0) == 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	/* 0 once teardown ran, also from the application's callback just above */
	e1000e_write(hw, E1000_IMS, atomic_load_explicit(&hw->ims, memory_order_relaxed));
	rte_intr_ack(hw->pdev->intr_handle);
}

void
e1000e_intr_teardown(struct rte_eth_dev *dev)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);
	struct rte_intr_handle *h = hw->pdev->intr_handle;
	int ret;

	atomic_store_explicit(&hw->ims, 0, memory_order_relaxed);
	e1000e_write(hw, E1000_IMC, E1000_IMS_ALL);
	if (!hw->intr_registered)
		return;
	/* Stopped from the application's LSC callback, it comes off once that returns. */
	ret = rte_intr_callback_unregister_sync(h, e1000e_intr_handler, dev);
	if (ret < 0 && ret != -ENOENT)
		E1000E_LOG(ERR, "%s: interrupt handler left registered: %s\n", dev->data->name,
			   strerror(-ret));
	/* a handler that was running may have re-armed its causes: mask them for good */
	e1000e_write(hw, E1000_IMC, E1000_IMS_ALL);
	if (hw->msix)
		rte_pci_vfio_msix_disable(hw->pdev);
	else
		rte_intr_disable(h);
	rte_intr_vec_list_free(h);
	hw->intr_registered = hw->msix = hw->rxq_intr = false;
}

/*
 * Link status on vector 0 and, with intr_conf.rxq on the 82574L, Rx queue
 * 0 on vector 1 (DS 7.4.2, IVAR 10.2.4.9). The 82540EM has one line (MSI
 * or INTx) for both.
 */
int
e1000e_intr_setup(struct rte_eth_dev *dev)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);
	struct rte_intr_handle *h = hw->pdev->intr_handle;
	bool want_rxq = dev->data->dev_conf.intr_conf.rxq != 0;
	uint32_t ims;
	int ret;

	if (h == NULL || rte_intr_fd_get(h) < 0) {
		E1000E_LOG(ERR, "%s: the device has no interrupt; configure without "
			   "intr_conf.lsc/rxq\n", dev->data->name);
		return -ENOTSUP;
	}
	hw->msix = rte_intr_type_get(h) == RTE_INTR_HANDLE_VFIO_MSIX;
	if (want_rxq && !hw->msix) {
		E1000E_LOG(ERR, "%s: Rx interrupts need MSI-X (82574L); configure without "
			   "intr_conf.rxq\n", dev->data->name);
		return -ENOTSUP;
	}
	if (hw->msix) {
		uint32_t ivar = (E1000_IVAR_VALID | 0) << E1000_IVAR_OTHER_SHIFT;

		ret = rte_pci_vfio_msix_enable(hw->pdev, want_rxq ? 2 : 1);
		if (ret < 0)
			return ret;
		if (want_rxq) {
			ivar |= (E1000_IVAR_VALID | 1) << E1000_IVAR_RXQ0_SHIFT;
			ret = rte_intr_vec_list_alloc(h, "e1000e_rxq", 1);
			if (ret == 0)
				ret = rte_intr_vec_list_index_set(h, 0, RTE_INTR_VEC_RXTX_OFFSET);
			if (ret != 0) {
				rte_pci_vfio_msix_disable(hw->pdev);
				return ret;
			}
			hw->rxq_intr = true;
		}
		e1000e_write(hw, E1000_IVAR, ivar);
		/* DS 7.4.2.2: LSC reaches MSI-X through the "other" cause */
		ims = dev->data->dev_conf.intr_conf.lsc ? E1000_ICR_LSC | E1000_ICR_OTHER : 0;
	} else {
		ret = rte_intr_enable(h);
		if (ret < 0)
			return ret;
		ims = E1000_ICR_LSC;
	}
	/* the callback registration below publishes it to the eal-intr thread */
	atomic_store_explicit(&hw->ims, ims, memory_order_relaxed);
	ret = rte_intr_callback_register(h, e1000e_intr_handler, dev);
	if (ret < 0) {
		if (hw->msix)
			rte_pci_vfio_msix_disable(hw->pdev);
		else
			rte_intr_disable(h);
		rte_intr_vec_list_free(h);
		hw->msix = hw->rxq_intr = false;
		return ret;
	}
	hw->intr_registered = true;
	/* drop causes left from before, then unmask */
	(void)e1000e_read(hw, E1000_ICR);
	e1000e_write(hw, E1000_ICR, E1000_IMS_ALL);
	e1000e_write(hw, E1000_IMS, ims);
	return 0;
}

int
e1000e_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid __rte_unused)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);

	if (!hw->rxq_intr)
		return -ENOTSUP;
	/* clear what polling left behind, or the next packet raises nothing new */
	e1000e_write(hw, E1000_ICR, E1000_ICR_RXQ0 | E1000_ICR_RXT0);
	e1000e_write(hw, E1000_IMS, E1000_ICR_RXQ0);
	return 0;
}

int
e1000e_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid __rte_unused)
{
	struct e1000e_hw *hw = e1000e_dev_hw(dev);

	if (!hw->rxq_intr)
		return -ENOTSUP;
	e1000e_write(hw, E1000_IMC, E1000_ICR_RXQ0);
	return 0;
}
