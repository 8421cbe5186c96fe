/* SPDX-License-Identifier: BSD-3-Clause */
/* Rx modes, MAC addresses, MTU, VLAN, flow control, packet types, queue info. */
#include <errno.h>
#include <string.h>

#include <rte_mbuf_ptype.h>

#include "ethdev_private.h"

static void
eth_dev_rx_mode_store(struct rte_eth_dev *dev, bool promisc, bool on)
{
	if (promisc)
		dev->data->promiscuous = on;
	else
		dev->data->all_multicast = on;
}

/* Switch promiscuous (promisc) or all-multicast mode on or off. */
static int
eth_dev_set_rx_mode(uint16_t port_id, bool promisc, bool on)
{
	const struct eth_dev_ops *ops;
	struct rte_eth_dev *dev;
	int (*op)(struct rte_eth_dev *);
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if ((promisc ? dev->data->promiscuous : dev->data->all_multicast) == on)
		return 0;
	ops = dev->dev_ops;
	if (promisc)
		op = on ? ops->promiscuous_enable : ops->promiscuous_disable;
	else
		op = on ? ops->allmulticast_enable : ops->allmulticast_disable;
	if (op == NULL)
		return -ENOTSUP;
	/* As DPDK: the driver's disable op already sees the mode off. */
	if (!on)
		eth_dev_rx_mode_store(dev, promisc, false);
	ret = op(dev);
	eth_dev_rx_mode_store(dev, promisc, ret == 0 ? on : !on);
	return ret;
}

__rte_export int
rte_eth_promiscuous_enable(uint16_t port_id)
{
	return eth_dev_set_rx_mode(port_id, true, true);
}

__rte_export int
rte_eth_promiscuous_disable(uint16_t port_id)
{
	return eth_dev_set_rx_mode(port_id, true, false);
}

__rte_export int
rte_eth_allmulticast_enable(uint16_t port_id)
{
	return eth_dev_set_rx_mode(port_id, false, true);
}

__rte_export int
rte_eth_allmulticast_disable(uint16_t port_id)
{
	return eth_dev_set_rx_mode(port_id, false, false);
}

__rte_export int
rte_eth_promiscuous_get(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	return dev->data->promiscuous;
}

__rte_export int
rte_eth_allmulticast_get(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	return dev->data->all_multicast;
}

__rte_export int
rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (mac_addr == NULL)
		return -EINVAL;
	if (dev->data->mac_addrs == NULL)
		memset(mac_addr, 0, sizeof(*mac_addr));
	else
		rte_ether_addr_copy(&dev->data->mac_addrs[0], mac_addr);
	return 0;
}

static uint32_t
eth_dev_max_mac_addrs(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_info info;

	if (dev->data->mac_addrs == NULL || eth_dev_info_get(dev, &info) != 0)
		return 0;
	return RTE_MIN(info.max_mac_addrs, (uint32_t)RTE_ETH_NUM_RECEIVE_MAC_ADDR);
}

__rte_export int
rte_eth_macaddrs_get(uint16_t port_id, struct rte_ether_addr *ma, unsigned int num)
{
	struct rte_eth_dev *dev;
	unsigned int n;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (ma == NULL)
		return -EINVAL;
	n = RTE_MIN(num, eth_dev_max_mac_addrs(dev));
	memcpy(ma, dev->data->mac_addrs, n * sizeof(*ma));
	return (int)n;
}

__rte_export int
rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *addr)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (addr == NULL || !rte_is_valid_assigned_ether_addr(addr)) {
		RTE_ETHDEV_LOG(ERR, "Port %u: default MAC must be a unicast, non-zero "
			       "address\n", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, mac_addr_set);
	if (dev->data->mac_addrs == NULL)
		return -ENOTSUP;
	ret = dev->dev_ops->mac_addr_set(dev, addr);
	if (ret == 0)
		rte_ether_addr_copy(addr, &dev->data->mac_addrs[0]);
	return ret;
}

static int
eth_dev_mac_index(struct rte_eth_dev *dev, const struct rte_ether_addr *addr, uint32_t max)
{
	uint32_t i;

	for (i = 0; i < max; i++)
		if (rte_is_same_ether_addr(addr, &dev->data->mac_addrs[i]))
			return (int)i;
	return -1;
}

__rte_export int
rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *addr, uint32_t pool)
{
	static const struct rte_ether_addr zero;
	struct rte_eth_dev *dev;
	uint32_t max;
	int idx, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (addr == NULL)
		return -EINVAL;
	/* DPDK's order: a port without the op says -ENOTSUP before the address is looked at */
	ETH_OP_OR_RET(dev, mac_addr_add);
	if (rte_is_zero_ether_addr(addr) || pool >= RTE_ETH_64_POOLS) {
		RTE_ETHDEV_LOG(ERR, "Port %u: MAC address must be non-zero, pool < %d\n",
			       port_id, RTE_ETH_64_POOLS);
		return -EINVAL;
	}
	max = eth_dev_max_mac_addrs(dev);
	idx = eth_dev_mac_index(dev, addr, max);
	if (idx >= 0 && (dev->data->mac_pool_sel[idx] & RTE_BIT64(pool)))
		return 0;
	if (idx < 0) {
		idx = eth_dev_mac_index(dev, &zero, max);
		if (idx < 0) {
			RTE_ETHDEV_LOG(ERR, "Port %u: all %u MAC address slots are in use\n",
				       port_id, max);
			return -ENOSPC;
		}
	}
	ret = dev->dev_ops->mac_addr_add(dev, addr, (uint32_t)idx, pool);
	if (ret != 0)
		return ret;
	rte_ether_addr_copy(addr, &dev->data->mac_addrs[idx]);
	dev->data->mac_pool_sel[idx] |= RTE_BIT64(pool);
	return 0;
}

__rte_export int
rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *addr)
{
	struct rte_eth_dev *dev;
	int idx;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (addr == NULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, mac_addr_remove);
	idx = eth_dev_mac_index(dev, addr, eth_dev_max_mac_addrs(dev));
	if (idx == 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: cannot remove the default MAC address; "
			       "set another with rte_eth_dev_default_mac_addr_set()\n", port_id);
		return -EADDRINUSE;
	}
	if (idx < 0)
		return 0;
	dev->dev_ops->mac_addr_remove(dev, (uint32_t)idx);
	memset(&dev->data->mac_addrs[idx], 0, sizeof(dev->data->mac_addrs[idx]));
	dev->data->mac_pool_sel[idx] = 0;
	return 0;
}

__rte_export int
rte_eth_dev_set_mc_addr_list(uint16_t port_id, struct rte_ether_addr *mc_addr_set,
			     uint32_t nb_mc_addr)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (nb_mc_addr > 0 && mc_addr_set == NULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, set_mc_addr_list);
	return dev->dev_ops->set_mc_addr_list(dev, mc_addr_set, nb_mc_addr);
}

__rte_export int
rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (mtu == NULL)
		return -EINVAL;
	*mtu = dev->data->mtu;
	return 0;
}

__rte_export int
rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, mtu_set);
	/* As DPDK: without dev_infos_get there are no limits to check against. */
	if (dev->dev_ops->dev_infos_get != NULL) {
		ret = eth_dev_info_get(dev, &info);
		if (ret != 0)
			return ret;
		ret = eth_dev_validate_mtu(port_id, &info, mtu);
		if (ret != 0)
			return ret;
	}
	if (!dev->data->dev_configured) {
		RTE_ETHDEV_LOG(ERR, "Port %u must be configured before its MTU is set\n",
			       port_id);
		return -EINVAL;
	}
	ret = dev->dev_ops->mtu_set(dev, mtu);
	if (ret == 0)
		dev->data->mtu = mtu;
	return ret;
}

__rte_export int
rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on)
{
	struct rte_eth_dev *dev;
	uint64_t *word, bit;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (!(dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_VLAN_FILTER)) {
		RTE_ETHDEV_LOG(ERR, "Port %u: enable RTE_ETH_RX_OFFLOAD_VLAN_FILTER first\n",
			       port_id);
		return -ENOSYS;
	}
	if (vlan_id > RTE_ETH_VLAN_ID_MAX)
		return -EINVAL;
	ETH_OP_OR_RET(dev, vlan_filter_set);
	ret = dev->dev_ops->vlan_filter_set(dev, vlan_id, on);
	if (ret != 0)
		return ret;
	word = &dev->data->vlan_filter_conf.ids[vlan_id / 64];
	bit = RTE_BIT64(vlan_id % 64);
	*word = on ? (*word | bit) : (*word & ~bit);
	return 0;
}

__rte_export int
rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask)
{
	static const struct { int mask; uint64_t offload; } map[] = {
		{ RTE_ETH_VLAN_STRIP_OFFLOAD, RTE_ETH_RX_OFFLOAD_VLAN_STRIP },
		{ RTE_ETH_VLAN_FILTER_OFFLOAD, RTE_ETH_RX_OFFLOAD_VLAN_FILTER },
		{ RTE_ETH_VLAN_EXTEND_OFFLOAD, RTE_ETH_RX_OFFLOAD_VLAN_EXTEND },
		{ RTE_ETH_QINQ_STRIP_OFFLOAD, RTE_ETH_RX_OFFLOAD_QINQ_STRIP },
	};
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	uint64_t *offloads, orig;
	int changed = 0, ret;
	unsigned int i;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	offloads = &dev->data->dev_conf.rxmode.offloads;
	orig = *offloads;
	for (i = 0; i < RTE_DIM(map); i++) {
		bool on = (offload_mask & map[i].mask) != 0;

		if (on != ((orig & map[i].offload) != 0)) {
			*offloads ^= map[i].offload;
			changed |= map[i].mask;
		}
	}
	if (changed == 0)
		return 0;
	ret = eth_dev_info_get(dev, &info);
	if (ret == 0 && (*offloads & ~info.rx_offload_capa & (orig ^ *offloads)) != 0)
		ret = -ENOTSUP;
	if (ret == 0 && dev->dev_ops->vlan_offload_set == NULL)
		ret = -ENOTSUP;
	if (ret == 0)
		ret = dev->dev_ops->vlan_offload_set(dev, changed);
	if (ret != 0)
		*offloads = orig;
	return ret;
}

__rte_export int
rte_eth_dev_get_vlan_offload(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	uint64_t off;
	int ret = 0;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	off = dev->data->dev_conf.rxmode.offloads;
	if (off & RTE_ETH_RX_OFFLOAD_VLAN_STRIP)
		ret |= RTE_ETH_VLAN_STRIP_OFFLOAD;
	if (off & RTE_ETH_RX_OFFLOAD_VLAN_FILTER)
		ret |= RTE_ETH_VLAN_FILTER_OFFLOAD;
	if (off & RTE_ETH_RX_OFFLOAD_VLAN_EXTEND)
		ret |= RTE_ETH_VLAN_EXTEND_OFFLOAD;
	if (off & RTE_ETH_RX_OFFLOAD_QINQ_STRIP)
		ret |= RTE_ETH_QINQ_STRIP_OFFLOAD;
	return ret;
}

__rte_export int
rte_eth_dev_flow_ctrl_get(uint16_t port_id, struct rte_eth_fc_conf *fc_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (fc_conf == NULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, flow_ctrl_get);
	memset(fc_conf, 0, sizeof(*fc_conf));
	return dev->dev_ops->flow_ctrl_get(dev, fc_conf);
}

__rte_export int
rte_eth_dev_flow_ctrl_set(uint16_t port_id, struct rte_eth_fc_conf *fc_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (fc_conf == NULL || fc_conf->mode > RTE_ETH_FC_FULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, flow_ctrl_set);
	return dev->dev_ops->flow_ctrl_set(dev, fc_conf);
}

__rte_export int
rte_eth_led_on(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, dev_led_on);
	return dev->dev_ops->dev_led_on(dev);
}

__rte_export int
rte_eth_led_off(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, dev_led_off);
	return dev->dev_ops->dev_led_off(dev);
}

__rte_export int
rte_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask, uint32_t *ptypes,
				 int num)
{
	struct rte_eth_dev *dev;
	const uint32_t *all;
	int i, j = 0;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (num > 0 && ptypes == NULL)
		return -EINVAL;
	if (dev->dev_ops->dev_supported_ptypes_get == NULL)
		return 0;
	all = dev->dev_ops->dev_supported_ptypes_get(dev);
	if (all == NULL)
		return 0;
	for (i = 0; all[i] != RTE_PTYPE_UNKNOWN; i++) {
		if ((all[i] & ptype_mask) == 0)
			continue;
		if (j < num)
			ptypes[j] = all[i];
		j++;
	}
	return j;
}

__rte_export int
rte_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask, uint32_t *set_ptypes,
		       unsigned int num)
{
	struct rte_eth_dev *dev;
	const uint32_t *all;
	unsigned int i, j = 0;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (num > 0 && set_ptypes == NULL)
		return -EINVAL;
	if (dev->dev_ops->dev_supported_ptypes_get == NULL ||
	    dev->dev_ops->dev_ptypes_set == NULL) {
		if (num > 0)
			set_ptypes[0] = RTE_PTYPE_UNKNOWN;
		return 0;
	}
	ret = dev->dev_ops->dev_ptypes_set(dev, ptype_mask);
	if (ret != 0)
		return ret;
	all = dev->dev_ops->dev_supported_ptypes_get(dev);
	for (i = 0; all != NULL && all[i] != RTE_PTYPE_UNKNOWN && j + 1 < num; i++)
		if (all[i] & ptype_mask)
			set_ptypes[j++] = all[i];
	if (j < num)
		set_ptypes[j] = RTE_PTYPE_UNKNOWN;
	return 0;
}

static struct rte_eth_dev *
eth_dev_queue_get(uint16_t port_id, uint16_t queue_id, bool rx, int *err)
{
	struct rte_eth_dev *dev = eth_dev_get_valid(port_id);

	if (dev == NULL) {
		*err = -ENODEV;
		return NULL;
	}
	if (queue_id >= (rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues) ||
	    (rx ? dev->data->rx_queues : dev->data->tx_queues)[queue_id] == NULL) {
		RTE_ETHDEV_LOG(ERR, "Invalid %s queue_id=%u for port %u\n", rx ? "Rx" : "Tx",
			       queue_id, port_id);
		*err = -EINVAL;
		return NULL;
	}
	return dev;
}

__rte_export int
rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_rxq_info *qinfo)
{
	struct rte_eth_dev *dev;
	int err = 0;

	dev = eth_dev_queue_get(port_id, queue_id, true, &err);
	if (dev == NULL)
		return err;
	if (qinfo == NULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, rxq_info_get);
	memset(qinfo, 0, sizeof(*qinfo));
	dev->dev_ops->rxq_info_get(dev, queue_id, qinfo);
	qinfo->queue_state = dev->data->rx_queue_state[queue_id];
	return 0;
}

__rte_export int
rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_txq_info *qinfo)
{
	struct rte_eth_dev *dev;
	int err = 0;

	dev = eth_dev_queue_get(port_id, queue_id, false, &err);
	if (dev == NULL)
		return err;
	if (qinfo == NULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, txq_info_get);
	memset(qinfo, 0, sizeof(*qinfo));
	dev->dev_ops->txq_info_get(dev, queue_id, qinfo);
	qinfo->queue_state = dev->data->tx_queue_state[queue_id];
	return 0;
}

static int
eth_burst_mode_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_burst_mode *mode,
		   bool rx)
{
	struct rte_eth_dev *dev;
	eth_burst_mode_get_t op;
	int err = 0;

	dev = eth_dev_queue_get(port_id, queue_id, rx, &err);
	if (dev == NULL)
		return err;
	if (mode == NULL)
		return -EINVAL;
	op = rx ? dev->dev_ops->rx_burst_mode_get : dev->dev_ops->tx_burst_mode_get;
	if (op == NULL)
		return -ENOTSUP;
	memset(mode, 0, sizeof(*mode));
	return op(dev, queue_id, mode);
}

__rte_export int
rte_eth_rx_burst_mode_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_burst_mode *mode)
{
	return eth_burst_mode_get(port_id, queue_id, mode, true);
}

__rte_export int
rte_eth_tx_burst_mode_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_burst_mode *mode)
{
	return eth_burst_mode_get(port_id, queue_id, mode, false);
}

__rte_export int
rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt)
{
	struct rte_eth_dev *dev;
	int err = 0;

	dev = eth_dev_queue_get(port_id, queue_id, false, &err);
	if (dev == NULL)
		return err;
	ETH_OP_OR_RET(dev, tx_done_cleanup);
	return dev->dev_ops->tx_done_cleanup(dev->data->tx_queues[queue_id], free_cnt);
}

__rte_export int
rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (fw_version == NULL && fw_size > 0)
		return -EINVAL;
	ETH_OP_OR_RET(dev, fw_version_get);
	return dev->dev_ops->fw_version_get(dev, fw_version, fw_size);
}

__rte_export int
rte_eth_dev_pool_ops_supported(uint16_t port_id, const char *pool)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (pool == NULL)
		return -EINVAL;
	if (dev->dev_ops->pool_ops_supported == NULL)
		return 1;	/* every pool type is fine */
	return dev->dev_ops->pool_ops_supported(dev, pool);
}

__rte_export int
rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, vlan_pvid_set);
	return dev->dev_ops->vlan_pvid_set(dev, pvid, on);
}

__rte_export int
rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id, int on)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (rx_queue_id >= dev->data->nb_rx_queues) {
		RTE_ETHDEV_LOG(ERR, "Invalid Rx queue_id=%u for port %u\n", rx_queue_id, port_id);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, vlan_strip_queue_set);
	dev->dev_ops->vlan_strip_queue_set(dev, rx_queue_id, on);
	return 0;
}

__rte_export int
rte_eth_dev_set_vlan_ether_type(uint16_t port_id, enum rte_vlan_type vlan_type,
				uint16_t tpid)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, vlan_tpid_set);
	return dev->dev_ops->vlan_tpid_set(dev, vlan_type, tpid);
}
