/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio link status and interrupts: the configuration-change MSI-X
 * vector that raises link-status events (virtio 1.1 4.1.5.3, 5.1.4) and
 * the per-Rx-queue vectors of Rx interrupt mode (2.6.7).
 */
#include <errno.h>
#include <string.h>

#include <rte_interrupts.h>

#include <bus_pci_driver.h>
#include <bus_vfio_driver.h>

#include "virtio_ethdev.h"

int
virtio_link_from_status(struct rte_eth_dev *dev, uint16_t status)
{
	struct rte_eth_link link = { .link_speed = RTE_ETH_SPEED_NUM_NONE };

	if (dev->data->dev_started && (status & VIRTIO_NET_S_LINK_UP)) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_speed = RTE_ETH_SPEED_NUM_UNKNOWN;
		link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
		link.link_autoneg = RTE_ETH_LINK_FIXED;
	}
	return rte_eth_linkstatus_set(dev, &link);
}

int
virtio_link_update(struct rte_eth_dev *dev, int wait_to_complete __rte_unused)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	uint16_t status = VIRTIO_NET_S_LINK_UP;

	/* 5.1.4: without VIRTIO_NET_F_STATUS the link is assumed up */
	if (virtio_has(hw, VIRTIO_NET_F_STATUS))
		virtio_dev_cfg_read(hw, offsetof(struct virtio_net_config, status), &status,
				    sizeof(status));
	return virtio_link_from_status(dev, status);
}

/* eal-intr thread, MSI-X vector 0: 4.1.5.3 configuration change (link status). */
static void
virtio_intr_handler(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct virtio_hw *hw = virtio_dev_hw(dev);

	(void)virtio_isr_read(hw);	/* clears the cause; MSI-X needs no more */
	if (virtio_link_update(dev, 0) == 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	rte_intr_ack(hw->pdev->intr_handle);
}

void
virtio_intr_teardown(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	struct rte_intr_handle *h = hw->pdev->intr_handle;

	/* Stopped from the application's LSC callback, it comes off once that returns. */
	if (hw->intr_registered) {
		int ret = rte_intr_callback_unregister_sync(h, virtio_intr_handler, dev);

		if (ret < 0 && ret != -ENOENT)
			VIRTIO_LOG(ERR, "%s: interrupt handler left registered: %s\n",
				   dev->data->name, strerror(-ret));
	}
	if (hw->msix)
		rte_pci_vfio_msix_disable(hw->pdev);
	if (hw->rxq_intr)
		rte_intr_vec_list_free(h);
	hw->intr_registered = hw->msix = hw->rxq_intr = false;
}

/*
 * MSI-X vector 0 for configuration changes (link), vectors 1..n for Rx
 * queues 0..n-1 with intr_conf.rxq; 4.1.5.1.2 wants them set up before
 * the queues are enabled and DRIVER_OK.
 */
int
virtio_intr_setup(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	struct rte_intr_handle *h = hw->pdev->intr_handle;
	bool want_rxq = dev->data->dev_conf.intr_conf.rxq != 0;
	unsigned int nb_vec = 1 + (want_rxq ? dev->data->nb_rx_queues : 0);
	int ret;

	if (h == NULL || rte_pci_vfio_msix_count(hw->pdev) < nb_vec) {
		VIRTIO_LOG(ERR, "%s: interrupts need %u MSI-X vectors, the device has %u: give it "
			   "more (QEMU: vectors=%u) or configure without intr_conf\n",
			   dev->data->name, nb_vec, rte_pci_vfio_msix_count(hw->pdev), nb_vec + 1);
		return -ENOTSUP;
	}
	ret = rte_pci_vfio_msix_enable(hw->pdev, nb_vec);
	if (ret < 0)
		return ret;
	hw->msix = true;
	if (want_rxq) {
		ret = rte_intr_vec_list_alloc(h, "virtio_rxq", dev->data->nb_rx_queues);
		for (uint16_t q = 0; ret == 0 && q < dev->data->nb_rx_queues; q++)
			ret = rte_intr_vec_list_index_set(h, q, RTE_INTR_VEC_RXTX_OFFSET + q);
		hw->rxq_intr = true;
		if (ret != 0)
			goto fail;
	}
	if (virtio_msix_config_set(hw, dev->data->dev_conf.intr_conf.lsc ? 0 :
				   VIRTIO_MSI_NO_VECTOR) != 0) {
		VIRTIO_LOG(ERR, "%s: the device cannot signal configuration changes on MSI-X "
			   "vector 0\n", dev->data->name);
		ret = -ENOSPC;
		goto fail;
	}
	ret = rte_intr_callback_register(h, virtio_intr_handler, dev);
	if (ret < 0)
		goto fail;
	hw->intr_registered = true;
	return 0;

fail:
	virtio_intr_teardown(dev);
	return ret;
}

int
virtio_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_rxq *rxq = dev->data->rx_queues[qid];

	if (!virtio_dev_hw(dev)->rxq_intr)
		return -ENOTSUP;
	rxq->intr_on = true;
	/* 2.6.7.1, 2.7.10: ask for used-buffer notifications again */
	virtq_interrupts_set(&rxq->vq, true);
	rte_smp_mb();	/* the request is visible before the caller's last poll */
	return 0;
}

int
virtio_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_rxq *rxq = dev->data->rx_queues[qid];

	if (!virtio_dev_hw(dev)->rxq_intr)
		return -ENOTSUP;
	rxq->intr_on = false;
	virtq_interrupts_set(&rxq->vq, false);
	return 0;
}

