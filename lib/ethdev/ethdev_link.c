/* SPDX-License-Identifier: BSD-3-Clause */
/* Link status, and the names of speeds, offloads and capabilities. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ethdev_private.h"

static int
eth_link_get(uint16_t port_id, struct rte_eth_link *link, int wait)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (link == NULL) {
		RTE_ETHDEV_LOG(ERR, "Cannot get port %u link status to NULL\n", port_id);
		return -EINVAL;
	}
	/* With LSC interrupts the driver keeps dev_link current by itself. */
	if (!(dev->data->dev_conf.intr_conf.lsc && dev->data->dev_started)) {
		ETH_OP_OR_RET(dev, link_update);
		dev->dev_ops->link_update(dev, wait);
	}
	rte_eth_linkstatus_get(dev, link);
	return 0;
}

__rte_export int
rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link)
{
	return eth_link_get(port_id, link, 1);
}

__rte_export int
rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link)
{
	return eth_link_get(port_id, link, 0);
}

__rte_export const char *
rte_eth_link_speed_to_str(uint32_t link_speed)
{
	switch (link_speed) {
	case RTE_ETH_SPEED_NUM_NONE: return "None";
	case RTE_ETH_SPEED_NUM_10M: return "10 Mbps";
	case RTE_ETH_SPEED_NUM_100M: return "100 Mbps";
	case RTE_ETH_SPEED_NUM_1G: return "1 Gbps";
	case RTE_ETH_SPEED_NUM_2_5G: return "2.5 Gbps";
	case RTE_ETH_SPEED_NUM_5G: return "5 Gbps";
	case RTE_ETH_SPEED_NUM_10G: return "10 Gbps";
	case RTE_ETH_SPEED_NUM_20G: return "20 Gbps";
	case RTE_ETH_SPEED_NUM_25G: return "25 Gbps";
	case RTE_ETH_SPEED_NUM_40G: return "40 Gbps";
	case RTE_ETH_SPEED_NUM_50G: return "50 Gbps";
	case RTE_ETH_SPEED_NUM_56G: return "56 Gbps";
	case RTE_ETH_SPEED_NUM_100G: return "100 Gbps";
	case RTE_ETH_SPEED_NUM_200G: return "200 Gbps";
	case RTE_ETH_SPEED_NUM_UNKNOWN: return "Unknown";
	default: return "Invalid";
	}
}

__rte_export int
rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link)
{
	if (str == NULL || len == 0 || eth_link == NULL)
		return -EINVAL;
	if (eth_link->link_status == RTE_ETH_LINK_DOWN)
		return snprintf(str, len, "Link down");
	return snprintf(str, len, "Link up at %s %s %s",
			rte_eth_link_speed_to_str(eth_link->link_speed),
			eth_link->link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "FDX" : "HDX",
			eth_link->link_autoneg == RTE_ETH_LINK_AUTONEG ? "Autoneg" : "Fixed");
}

__rte_export uint32_t
rte_eth_speed_bitflag(uint32_t speed, int duplex)
{
	bool fd = duplex == RTE_ETH_LINK_FULL_DUPLEX;

	switch (speed) {
	case RTE_ETH_SPEED_NUM_10M:
		return fd ? RTE_ETH_LINK_SPEED_10M : RTE_ETH_LINK_SPEED_10M_HD;
	case RTE_ETH_SPEED_NUM_100M:
		return fd ? RTE_ETH_LINK_SPEED_100M : RTE_ETH_LINK_SPEED_100M_HD;
	case RTE_ETH_SPEED_NUM_1G: return RTE_ETH_LINK_SPEED_1G;
	case RTE_ETH_SPEED_NUM_2_5G: return RTE_ETH_LINK_SPEED_2_5G;
	case RTE_ETH_SPEED_NUM_5G: return RTE_ETH_LINK_SPEED_5G;
	case RTE_ETH_SPEED_NUM_10G: return RTE_ETH_LINK_SPEED_10G;
	case RTE_ETH_SPEED_NUM_20G: return RTE_ETH_LINK_SPEED_20G;
	case RTE_ETH_SPEED_NUM_25G: return RTE_ETH_LINK_SPEED_25G;
	case RTE_ETH_SPEED_NUM_40G: return RTE_ETH_LINK_SPEED_40G;
	case RTE_ETH_SPEED_NUM_50G: return RTE_ETH_LINK_SPEED_50G;
	case RTE_ETH_SPEED_NUM_56G: return RTE_ETH_LINK_SPEED_56G;
	case RTE_ETH_SPEED_NUM_100G: return RTE_ETH_LINK_SPEED_100G;
	case RTE_ETH_SPEED_NUM_200G: return RTE_ETH_LINK_SPEED_200G;
	default: return 0;
	}
}

struct eth_bit_name {
	uint64_t bit;
	const char *name;
};

#define BIT_NAME(prefix, n) { prefix##n, #n }

static const struct eth_bit_name eth_rx_offload_names[] = {
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_STRIP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, IPV4_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, UDP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, TCP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, TCP_LRO),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, QINQ_STRIP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, OUTER_IPV4_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, MACSEC_STRIP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_FILTER),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_EXTEND),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, SCATTER),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, TIMESTAMP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, SECURITY),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, KEEP_CRC),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, SCTP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, OUTER_UDP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, RSS_HASH),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, BUFFER_SPLIT),
};

static const struct eth_bit_name eth_tx_offload_names[] = {
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, VLAN_INSERT),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, IPV4_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, TCP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, SCTP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, TCP_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, OUTER_IPV4_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, QINQ_INSERT),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, VXLAN_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, GRE_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, IPIP_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, GENEVE_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MACSEC_INSERT),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MT_LOCKFREE),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MULTI_SEGS),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MBUF_FAST_FREE),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, SECURITY),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, IP_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, OUTER_UDP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, SEND_ON_TIMESTAMP),
};

static const struct eth_bit_name eth_capa_names[] = {
	BIT_NAME(RTE_ETH_DEV_CAPA_, RUNTIME_RX_QUEUE_SETUP),
	BIT_NAME(RTE_ETH_DEV_CAPA_, RUNTIME_TX_QUEUE_SETUP),
	BIT_NAME(RTE_ETH_DEV_CAPA_, RXQ_SHARE),
	BIT_NAME(RTE_ETH_DEV_CAPA_, FLOW_RULE_KEEP),
	BIT_NAME(RTE_ETH_DEV_CAPA_, FLOW_SHARED_OBJECT_KEEP),
};

static const char *
eth_bit_name(const struct eth_bit_name *tbl, size_t n, uint64_t bit)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tbl[i].bit == bit)
			return tbl[i].name;
	return "UNKNOWN";
}

__rte_export const char *
rte_eth_dev_rx_offload_name(uint64_t offload)
{
	return eth_bit_name(eth_rx_offload_names, RTE_DIM(eth_rx_offload_names), offload);
}

__rte_export const char *
rte_eth_dev_tx_offload_name(uint64_t offload)
{
	return eth_bit_name(eth_tx_offload_names, RTE_DIM(eth_tx_offload_names), offload);
}

__rte_export const char *
rte_eth_dev_capability_name(uint64_t capability)
{
	return eth_bit_name(eth_capa_names, RTE_DIM(eth_capa_names), capability);
}
