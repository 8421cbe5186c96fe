/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio control path for modern virtio-net (1af4:1041, and 1af4:1000
 * driven in modern mode) over VFIO: probe, feature negotiation,
 * start/stop/close, Rx mode and queue pairs through the control virtqueue,
 * device information. Queue setup is in virtio_queue.c, link and
 * interrupts in virtio_intr.c, counters in virtio_stats.c.
 * Section numbers are those of the virtio 1.1 specification.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>

#include <bus_pci_driver.h>
#include <bus_vfio_driver.h>

#include "virtio_ethdev.h"

RTE_LOG_REGISTER(virtio_logtype, pmd.net.virtio, NOTICE);

#define VIRTIO_CTRL_QUEUE_SIZE 64

/* 5.1.6.5.1: promiscuous and all-multicast through CTRL_RX */
static int
virtio_rx_mode_set(struct rte_eth_dev *dev, uint8_t cmd, bool on)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	uint8_t v = on;

	if (!virtio_has(hw, VIRTIO_NET_F_CTRL_RX)) {
		VIRTIO_LOG(ERR, "%s: the device has no VIRTIO_NET_F_CTRL_RX: Rx mode is fixed "
			   "(%s)\n", dev->data->name, hw->pdev != NULL ? "QEMU: ctrl_rx=on" :
			   "vhost-user: the back-end sends every frame it has for the port");
		return -ENOTSUP;
	}
	if (!dev->data->dev_started)
		return 0;	/* applied at start */
	return virtio_ctrl_send(dev, VIRTIO_NET_CTRL_RX, cmd, &v, 1);
}

/* ethdev sets data->promiscuous/all_multicast after these return: look ahead. */
static int
virtio_promiscuous_enable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_set(dev, VIRTIO_NET_CTRL_RX_PROMISC, true);
}

static int
virtio_promiscuous_disable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_set(dev, VIRTIO_NET_CTRL_RX_PROMISC, false);
}

static int
virtio_allmulticast_enable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_set(dev, VIRTIO_NET_CTRL_RX_ALLMULTI, true);
}

static int
virtio_allmulticast_disable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_set(dev, VIRTIO_NET_CTRL_RX_ALLMULTI, false);
}

/* --- configure, start, stop, close --------------------------------------- */

static int
virtio_dev_configure(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	uint16_t pairs = RTE_MAX(dev->data->nb_rx_queues, dev->data->nb_tx_queues);

	if (pairs > hw->max_pairs) {
		VIRTIO_LOG(ERR, "%s: %u queue pairs asked, the device has %u (QEMU: mq=on and a "
			   "netdev with queues=N)\n", dev->data->name, pairs, hw->max_pairs);
		return -EINVAL;
	}
	if (dev->data->dev_conf.rxmode.mq_mode != RTE_ETH_MQ_RX_NONE && pairs > 1)
		VIRTIO_LOG(INFO, "%s: the device spreads flows over the queue pairs itself\n",
			   dev->data->name);
	return 0;
}

/*
 * The features for the queues as configured: the checksum offloads only
 * when a queue enables them, since with VIRTIO_NET_F_GUEST_CSUM the device
 * may hand up frames whose checksum is not filled in (5.1.6.4); merged Rx
 * buffers only when a queue takes chains. Without scatter every frame fits
 * one buffer (virtio_rx_frame_check), and merging would only cost: the
 * device then looks ahead through the avail ring and descriptors for enough
 * room before each frame (5.1.6.3.1 lets it take up to num_buffers), and a
 * device behind an IOMMU translates every one of those reads.
 */
static uint64_t
virtio_features_wanted(struct rte_eth_dev *dev)
{
	uint64_t want = VIRTIO_NET_WANTED_FEATURES;

	/* the queues were laid out for the ring kind chosen at probe */
	if (virtio_dev_hw(dev)->packed)
		want |= VIRTIO_BIT(VIRTIO_F_RING_PACKED);
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct virtio_rxq *rxq = dev->data->rx_queues[q];

		if (rxq->offloads & VIRTIO_RX_L4_CKSUM)
			want |= VIRTIO_BIT(VIRTIO_NET_F_GUEST_CSUM);
		if (rxq->offloads & RTE_ETH_RX_OFFLOAD_SCATTER)
			want |= VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF);
	}
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++) {
		const struct virtio_txq *txq = dev->data->tx_queues[q];

		if (txq->offloads & VIRTIO_TX_L4_CKSUM)
			want |= VIRTIO_BIT(VIRTIO_NET_F_CSUM);
	}
	return want;
}

static int
virtio_dev_start(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	uint16_t nb_rx = dev->data->nb_rx_queues, nb_tx = dev->data->nb_tx_queues;
	uint16_t pairs = RTE_MAX(nb_rx, nb_tx);
	int ret;

	for (uint16_t q = 0; q < nb_rx; q++)
		if (dev->data->rx_queues[q] == NULL)
			goto no_queue;
	for (uint16_t q = 0; q < nb_tx; q++)
		if (dev->data->tx_queues[q] == NULL)
			goto no_queue;
	/* 3.1.1 steps 1-6 again: the reset forgets every queue and vector */
	ret = virtio_features_negotiate(hw, virtio_features_wanted(dev));
	if (ret != 0)
		return ret;
	VIRTIO_LOG(INFO, "%s: features %#" PRIx64 " negotiated\n", dev->data->name,
		   hw->features);
	if (dev->data->dev_conf.intr_conf.lsc || dev->data->dev_conf.intr_conf.rxq) {
		ret = hw->ops->intr_setup(dev);
		if (ret != 0)
			goto fail;
	}
	/* 3.1.1 step 7: the virtqueues (4.1.5.1.3) */
	for (uint16_t q = 0; q < nb_rx; q++) {
		ret = virtio_rxq_start(dev, q);
		if (ret == 0)
			ret = virtio_queue_program(hw, &((struct virtio_rxq *)dev->data->rx_queues[q])->vq);
		if (ret != 0)
			goto fail;
	}
	for (uint16_t q = 0; q < nb_tx; q++) {
		virtio_txq_start(dev, q);
		ret = virtio_queue_program(hw, &((struct virtio_txq *)dev->data->tx_queues[q])->vq);
		if (ret != 0)
			goto fail;
	}
	if (hw->cvq != NULL) {
		virtio_cvq_reset(hw);
		ret = virtio_queue_program(hw, hw->cvq);
		if (ret != 0)
			goto fail;
	}
	/* 3.1.1 step 8: the device is live */
	ret = virtio_status_add(hw, VIRTIO_STATUS_DRIVER_OK);
	if (ret != 0)
		goto fail;
	dev->data->dev_started = 1;
	for (uint16_t q = 0; q < nb_rx; q++)
		virtq_notify(&((struct virtio_rxq *)dev->data->rx_queues[q])->vq);
	/* 5.1.6.5.5: the device uses one pair until told otherwise */
	if (virtio_has(hw, VIRTIO_NET_F_MQ) && pairs > 1 && !hw->ops->pairs_by_transport) {
		uint16_t n = pairs;

		ret = virtio_ctrl_send(dev, VIRTIO_NET_CTRL_MQ, VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET,
				       &n, sizeof(n));
		if (ret != 0)
			goto fail_started;
	}
	/* 5.1.6.5.1: the device starts promiscuous; make it match the port */
	if (virtio_has(hw, VIRTIO_NET_F_CTRL_RX)) {
		ret = virtio_rx_mode_set(dev, VIRTIO_NET_CTRL_RX_PROMISC, dev->data->promiscuous);
		if (ret == 0)
			ret = virtio_rx_mode_set(dev, VIRTIO_NET_CTRL_RX_ALLMULTI,
						 dev->data->all_multicast);
		if (ret != 0)
			goto fail_started;
	}
	for (uint16_t q = 0; q < nb_rx; q++)
		dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	for (uint16_t q = 0; q < nb_tx; q++)
		dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	virtio_link_update(dev, 0);
	return 0;

no_queue:
	VIRTIO_LOG(ERR, "%s: set up every Rx and Tx queue before starting\n", dev->data->name);
	return -EINVAL;
fail_started:
	dev->data->dev_started = 0;
fail:
	hw->ops->intr_teardown(dev);
	(void)virtio_dev_reset(hw);
	for (uint16_t q = 0; q < nb_rx; q++)
		virtio_rxq_drain(dev->data->rx_queues[q]);
	return ret;
}

static int
virtio_dev_stop(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	struct rte_eth_link link = { .link_speed = RTE_ETH_SPEED_NUM_NONE };

	hw->ops->intr_teardown(dev);
	/* 4.1.4.3.2: once the reset reads back 0 the device touches no buffer */
	(void)virtio_dev_reset(hw);
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++) {
		if (dev->data->rx_queues[q] != NULL)
			virtio_rxq_drain(dev->data->rx_queues[q]);
		dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++) {
		if (dev->data->tx_queues[q] != NULL)
			virtio_txq_drain(dev->data->tx_queues[q]);
		dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	dev->data->dev_started = 0;
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
virtio_dev_close(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);

	if (hw == NULL || hw->ops == NULL)
		return 0;
	hw->ops->intr_teardown(dev);
	/* no DMA may be in flight when the rings go */
	(void)virtio_dev_reset(hw);
	for (uint16_t q = 0; dev->data->rx_queues != NULL && q < dev->data->nb_rx_queues; q++)
		virtio_rx_queue_release(dev, q);
	for (uint16_t q = 0; dev->data->tx_queues != NULL && q < dev->data->nb_tx_queues; q++)
		virtio_tx_queue_release(dev, q);
	virtio_cvq_free(hw);
	rte_free(hw->vq_max);
	hw->vq_max = NULL;
	if (hw->ops->release != NULL)
		hw->ops->release(hw);
	hw->ops = NULL;
	hw->common = NULL;
	return 0;
}

/* --- information and counters --------------------------------------------- */

static int
virtio_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	uint16_t max = hw->vq_max != NULL ? hw->vq_max[0] : 0;
	const struct rte_eth_desc_lim lim = {
		.nb_max = max, .nb_min = 2, .nb_align = 1,
		.nb_seg_max = (uint16_t)(max - 1), .nb_mtu_seg_max = (uint16_t)(max - 1),
	};
	bool mrg = virtio_offers(hw, VIRTIO_NET_F_MRG_RXBUF);

	info->max_rx_queues = hw->max_pairs;
	info->max_tx_queues = hw->max_pairs;
	info->max_mac_addrs = 1;
	/* 5.1.6.3.1: merged buffers need only hold the header; else a whole frame */
	info->min_rx_bufsize = mrg ? RTE_ETHER_MIN_LEN : VIRTIO_MAX_FRAME(RTE_ETHER_MTU);
	info->max_rx_pktlen = VIRTIO_MAX_FRAME(hw->max_mtu);
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = hw->max_mtu;
	info->rx_offload_capa = mrg ? RTE_ETH_RX_OFFLOAD_SCATTER : 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	/* 5.1.6.2, 5.1.6.4: TCP and UDP checksums through csum_start/csum_offset */
	if (virtio_offers(hw, VIRTIO_NET_F_GUEST_CSUM))
		info->rx_offload_capa |= VIRTIO_RX_L4_CKSUM;
	if (virtio_offers(hw, VIRTIO_NET_F_CSUM))
		info->tx_offload_capa |= VIRTIO_TX_L4_CKSUM;
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->default_rxconf.rx_free_thresh = VIRTIO_RX_FREE_THRESH;
	info->default_txconf.tx_free_thresh = VIRTIO_TX_FREE_THRESH;
	info->default_rxportconf.ring_size = max;
	info->default_txportconf.ring_size = max;
	info->speed_capa = RTE_ETH_LINK_SPEED_FIXED;
	return 0;
}

static int
virtio_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);

	if (mtu > hw->max_mtu) {
		VIRTIO_LOG(ERR, "%s: MTU %u is above the device's %u (QEMU: host_mtu=N)\n",
			   dev->data->name, mtu, hw->max_mtu);
		return -EINVAL;
	}
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++) {
		struct virtio_rxq *rxq = dev->data->rx_queues[q];

		if (rxq != NULL && virtio_rx_frame_check(dev, q, mtu, rte_pktmbuf_data_room_size(rxq->mp),
							 rxq->offloads) != 0)
			return -EINVAL;
	}
	dev->data->mtu = mtu;
	return 0;
}

static const struct eth_dev_ops virtio_ops = {
	.dev_configure = virtio_dev_configure,
	.dev_start = virtio_dev_start,
	.dev_stop = virtio_dev_stop,
	.dev_close = virtio_dev_close,
	.link_update = virtio_link_update,
	.promiscuous_enable = virtio_promiscuous_enable,
	.promiscuous_disable = virtio_promiscuous_disable,
	.allmulticast_enable = virtio_allmulticast_enable,
	.allmulticast_disable = virtio_allmulticast_disable,
	.mtu_set = virtio_mtu_set,
	.stats_get = virtio_stats_get,
	.stats_reset = virtio_stats_reset,
	.xstats_get = virtio_xstats_get,
	.xstats_get_names = virtio_xstats_get_names,
	.xstats_reset = virtio_stats_reset,
	.dev_infos_get = virtio_dev_infos_get,
	.rx_queue_setup = virtio_rx_queue_setup,
	.rx_queue_release = virtio_rx_queue_release,
	.tx_queue_setup = virtio_tx_queue_setup,
	.tx_queue_release = virtio_tx_queue_release,
	.rx_queue_intr_enable = virtio_rx_queue_intr_enable,
	.rx_queue_intr_disable = virtio_rx_queue_intr_disable,
};

/* --- probe ------------------------------------------------------------------ */

/*
 * Devarg packed_vq=0|1 (as DPDK's net_virtio: -a BDF,packed_vq=0): whether
 * to use packed virtqueues when the device offers them; on by default.
 * Returns 0 with *on set, or -EINVAL for an unknown key or value.
 */
static int
virtio_devargs_packed(struct rte_pci_device *pdev, bool *on)
{
	static const char *const keys[] = { "packed_vq", NULL };
	const struct rte_devargs *da = pdev->device.devargs;
	struct rte_kvargs *kv;
	const char *v;
	int ret = 0;

	*on = true;
	if (da == NULL || da->args == NULL || da->args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(da->args, keys);
	if (kv == NULL) {
		VIRTIO_LOG(ERR, "%s: cannot parse devargs '%s': net_virtio knows packed_vq=0|1\n",
			   pdev->name, da->args);
		return -EINVAL;
	}
	v = rte_kvargs_get(kv, "packed_vq");
	if (v != NULL && strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
		VIRTIO_LOG(ERR, "%s: packed_vq=%s: give packed_vq=0 or packed_vq=1\n",
			   pdev->name, v);
		ret = -EINVAL;
	} else if (v != NULL) {
		*on = v[0] == '1';
	}
	rte_kvargs_free(kv);
	return ret;
}

/*
 * 5.1.5 Device Initialization over the transport hw->ops reaches:
 * features, MAC, queue pairs, the control queue; packed rings when
 * packed_on and the device has them.
 */
int
virtio_hw_setup(struct rte_eth_dev *dev, struct virtio_hw *hw, bool packed_on)
{
	uint16_t idx, size, mtu;
	int ret;

	/* everything the driver can use, to learn what the device has */
	ret = virtio_features_negotiate(hw, VIRTIO_NET_WANTED_FEATURES |
					VIRTIO_NET_OFFLOAD_FEATURES |
					VIRTIO_BIT(VIRTIO_F_RING_PACKED));
	if (ret != 0)
		return ret;
	hw->offered = hw->features;
	/* 2.7: every queue of the device is packed or none; fixed from here on */
	hw->packed = packed_on && virtio_has(hw, VIRTIO_F_RING_PACKED);
	if (virtio_has(hw, VIRTIO_NET_F_MAC)) {
		ret = virtio_dev_cfg_read(hw, offsetof(struct virtio_net_config, mac),
					  hw->mac.addr_bytes, RTE_ETHER_ADDR_LEN);
		if (ret != 0)
			return ret;
	}
	if (!rte_is_valid_assigned_ether_addr(&hw->mac))
		rte_eth_random_addr(hw->mac.addr_bytes);
	hw->max_pairs = 1;
	if (virtio_has(hw, VIRTIO_NET_F_MQ)) {
		ret = virtio_dev_cfg_read(hw, offsetof(struct virtio_net_config, max_virtqueue_pairs),
					  &hw->max_pairs, sizeof(hw->max_pairs));
		if (ret != 0)
			return ret;
		/* 5.1.4.1: between 1 and 0x8000; anything else is not trusted */
		if (hw->max_pairs < VIRTIO_NET_CTRL_MQ_VQ_PAIRS_MIN ||
		    hw->max_pairs > VIRTIO_NET_CTRL_MQ_VQ_PAIRS_MAX ||
		    (!virtio_has(hw, VIRTIO_NET_F_CTRL_VQ) && !hw->ops->pairs_by_transport))
			hw->max_pairs = 1;
	}
	hw->max_pairs = RTE_MIN(hw->max_pairs, (uint16_t)((hw->num_queues - 1) / 2));
	hw->max_pairs = RTE_MIN(hw->max_pairs, (uint16_t)RTE_MAX_QUEUES_PER_PORT);
	if (hw->max_pairs == 0) {
		VIRTIO_LOG(ERR, "%s: the device has %u virtqueues, not even one pair\n",
			   dev->data->name, hw->num_queues);
		return -ENODEV;
	}
	ret = virtio_queue_sizes_read(dev, hw);
	if (ret != 0)
		return ret;
	/* 5.1.4.1: with VIRTIO_NET_F_MTU the device states its largest MTU */
	hw->max_mtu = VIRTIO_MAX_RX_PKTLEN - VIRTIO_MAX_FRAME(0);
	if (virtio_has(hw, VIRTIO_NET_F_MTU)) {
		ret = virtio_dev_cfg_read(hw, offsetof(struct virtio_net_config, mtu), &mtu,
					  sizeof(mtu));
		if (ret != 0)
			return ret;
		if (mtu >= RTE_ETHER_MIN_MTU)
			hw->max_mtu = mtu;
	}
	if (virtio_has(hw, VIRTIO_NET_F_CTRL_VQ)) {
		/* 5.1.2: the control queue follows the last pair the device has */
		idx = virtio_has(hw, VIRTIO_NET_F_MQ) ? (uint16_t)(2 * hw->max_pairs) : 2;
		if (virtio_has(hw, VIRTIO_NET_F_MQ) && hw->max_pairs == 1)
			idx = 2;
		size = virtio_queue_max_size(hw, idx);
		if (size < 4 || !virtq_size_valid(size, hw->packed)) {
			VIRTIO_LOG(ERR, "%s: control virtqueue %u reports queue_size %u: the "
				   "device is faulty\n", dev->data->name, idx, size);
			return -ENODEV;
		}
		ret = virtio_cvq_alloc(dev, idx, RTE_MIN(size, (uint16_t)VIRTIO_CTRL_QUEUE_SIZE));
		if (ret != 0)
			return ret;
	}
	/* idle until dev_start negotiates again and brings the queues up */
	return virtio_dev_reset(hw);
}

/* The port of a device virtio_hw_setup took: ops, burst functions, MAC. */
void
virtio_ethdev_finish(struct rte_eth_dev *dev, struct virtio_hw *hw)
{
	dev->data->mac_addrs[0] = hw->mac;
	dev->dev_ops = &virtio_ops;
	dev->data->mtu = RTE_ETHER_MTU;
	dev->data->dev_flags = virtio_has(hw, VIRTIO_NET_F_STATUS) ? RTE_ETH_DEV_INTR_LSC : 0;
	/* the ring kind picks the burst functions once: no test on the fast path */
	dev->rx_pkt_burst = hw->packed ? virtio_recv_pkts_packed : virtio_recv_pkts;
	dev->tx_pkt_burst = hw->packed ? virtio_xmit_pkts_packed : virtio_xmit_pkts;
	VIRTIO_LOG(INFO, "%s: virtio-net, MAC " RTE_ETHER_ADDR_PRT_FMT ", %u queue pair(s), "
		   "features %#" PRIx64 ", %s virtqueues\n", hw->name,
		   RTE_ETHER_ADDR_BYTES(&hw->mac), hw->max_pairs, hw->features,
		   hw->packed ? "packed" : "split");
}

/* --- secondary process -------------------------------------------------- */

/*
 * hw is the primary's: its ops table and name are addresses in the
 * primary's program, so a secondary reaches the device only through the
 * BAR pointers in hw (mapped at the same addresses here) and plain fields.
 */
static int
virtio_secondary_link_update(struct rte_eth_dev *dev, int wait_to_complete __rte_unused)
{
	struct virtio_hw *hw = virtio_dev_hw(dev);
	uint16_t status = VIRTIO_NET_S_LINK_UP;

	/* 5.1.4: a 16-bit field needs no generation check */
	if (virtio_has(hw, VIRTIO_NET_F_STATUS) && hw->dev_cfg != NULL &&
	    hw->dev_cfg_len >= offsetof(struct virtio_net_config, status) + sizeof(status))
		status = rte_read16(hw->dev_cfg + offsetof(struct virtio_net_config, status));
	return virtio_link_from_status(dev, status);
}

/* The vectors are the primary's (as DPDK's virtio): a secondary polls. */
static int
virtio_secondary_intr(struct rte_eth_dev *dev, uint16_t qid)
{
	VIRTIO_LOG(ERR, "%s: Rx queue %u interrupts are not supported in a secondary process; "
		   "fix: poll the queue, or wait for interrupts in the primary\n",
		   dev->data->name, qid);
	return -ENOTSUP;
}

/* The port and its virtqueues stay the primary's. */
static int
virtio_secondary_close(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

/* Reading and polling only; configuring, starting and stopping are the primary's. */
static const struct eth_dev_ops virtio_secondary_ops = {
	.dev_close = virtio_secondary_close,
	.link_update = virtio_secondary_link_update,
	.stats_get = virtio_stats_get,
	.stats_reset = virtio_stats_reset,
	.xstats_get = virtio_xstats_get,
	.xstats_get_names = virtio_xstats_get_names,
	.xstats_reset = virtio_stats_reset,
	.dev_infos_get = virtio_dev_infos_get,
	.rx_queue_intr_enable = virtio_secondary_intr,
	.rx_queue_intr_disable = virtio_secondary_intr,
};

/* 1 if the primary's common config pointer lies in one of the BARs mapped here. */
static bool
virtio_secondary_bars_match(struct rte_pci_device *pdev, const struct virtio_hw *hw)
{
	uintptr_t common = (uintptr_t)hw->common;

	for (int bar = 0; bar < PCI_MAX_RESOURCE; bar++) {
		size_t len = 0;
		uintptr_t va = (uintptr_t)rte_pci_vfio_bar_get(pdev, bar, &len);

		if (va != 0 && common >= va && common - va < len)
			return true;
	}
	return false;
}

/* Attach to the primary's port: no register written, no queue touched. */
static int
virtio_pci_probe_secondary(struct rte_pci_device *pdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(pdev->name);
	struct virtio_hw *hw;

	if (dev == NULL)
		return -ENODEV;
	hw = virtio_dev_hw(dev);
	if (hw == NULL || hw->transport != NULL || !virtio_secondary_bars_match(pdev, hw)) {
		VIRTIO_LOG(ERR, "%s: the primary's port does not point into this device's BARs "
			   "as mapped here: not attaching\n", pdev->name);
		rte_eth_dev_release_port(dev);
		return -EFAULT;
	}
	dev->dev_ops = &virtio_secondary_ops;
	dev->rx_pkt_burst = hw->packed ? virtio_recv_pkts_packed : virtio_recv_pkts;
	dev->tx_pkt_burst = hw->packed ? virtio_xmit_pkts_packed : virtio_xmit_pkts;
	dev->device = &pdev->device;
	dev->intr_handle = pdev->intr_handle;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
virtio_pci_probe(struct rte_pci_driver *drv __rte_unused, struct rte_pci_device *pdev)
{
	int numa = pdev->device.numa_node;
	struct rte_eth_dev *dev;
	struct virtio_hw *hw;
	bool packed_on;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return virtio_pci_probe_secondary(pdev);
	dev = rte_eth_dev_allocate(pdev->name);
	if (dev == NULL)
		return -rte_errno;
	hw = rte_zmalloc_socket("virtio_hw", sizeof(*hw), RTE_CACHE_LINE_SIZE, numa);
	/* from here rte_eth_dev_release_port frees dev_private and mac_addrs */
	dev->data->dev_private = hw;
	dev->data->mac_addrs = rte_zmalloc_socket("virtio_mac", sizeof(struct rte_ether_addr),
						  0, numa);
	if (hw == NULL || dev->data->mac_addrs == NULL) {
		ret = -ENOMEM;
		goto err_release;
	}
	hw->pdev = pdev;
	hw->name = pdev->name;
	hw->ops = &virtio_pci_ops;
	dev->data->numa_node = numa;
	ret = virtio_devargs_packed(pdev, &packed_on);
	if (ret == 0)
		ret = virtio_pci_caps_find(hw);
	if (ret == 0)
		ret = virtio_hw_setup(dev, hw, packed_on);
	if (ret != 0)
		goto err_release;
	dev->device = &pdev->device;
	dev->intr_handle = pdev->intr_handle;
	virtio_ethdev_finish(dev, hw);
	rte_eth_dev_probing_finish(dev);
	return 0;

err_release:
	if (hw != NULL) {
		if (hw->common != NULL)
			(void)virtio_dev_reset(hw);
		virtio_cvq_free(hw);
		rte_free(hw->vq_max);
	}
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
virtio_pci_remove(struct rte_pci_device *pdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(pdev->name);

	if (dev == NULL)
		return 0;	/* closed through rte_eth_dev_close already */
	/* the device is the primary's to stop: a secondary only lets go */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
	if (dev->data->dev_started)
		virtio_dev_stop(dev);
	return rte_eth_dev_close(dev->data->port_id);
}

static const struct rte_pci_id virtio_pci_ids[] = {
	{ RTE_PCI_DEVICE(VIRTIO_PCI_VENDOR, VIRTIO_PCI_DEV_NET_MODERN) },
	{ RTE_PCI_DEVICE(VIRTIO_PCI_VENDOR, VIRTIO_PCI_DEV_NET_TRANSITIONAL) },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver virtio_pci_driver = {
	.id_table = virtio_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = virtio_pci_probe,
	.remove = virtio_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_virtio, virtio_pci_driver);
