/* SPDX-License-Identifier: BSD-3-Clause */
/* RSS hash configuration and redirection table. */
#include <errno.h>
#include <inttypes.h>

#include "ethdev_private.h"

static int
eth_dev_rss_enabled(struct rte_eth_dev *dev)
{
	if (!(dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG)) {
		RTE_ETHDEV_LOG(ERR, "Port %u: RSS is off: configure with mq_mode "
			       "RTE_ETH_MQ_RX_RSS\n", dev->data->port_id);
		return -ENOTSUP;
	}
	return 0;
}

static int
eth_dev_check_reta(struct rte_eth_dev *dev, const struct rte_eth_rss_reta_entry64 *reta,
		   uint16_t reta_size, bool check_queues)
{
	uint16_t i, n = dev->data->nb_rx_queues;

	if (reta == NULL || reta_size == 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: RETA must be non-NULL with size > 0\n",
			       dev->data->port_id);
		return -EINVAL;
	}
	for (i = 0; check_queues && i < reta_size; i++) {
		const struct rte_eth_rss_reta_entry64 *g = &reta[i / RTE_ETH_RETA_GROUP_SIZE];
		uint16_t s = i % RTE_ETH_RETA_GROUP_SIZE;

		if ((g->mask & RTE_BIT64(s)) && g->reta[s] >= n) {
			RTE_ETHDEV_LOG(ERR, "Port %u: RETA entry %u points at queue %u, "
				       "the port has %u Rx queues\n", dev->data->port_id, i,
				       g->reta[s], n);
			return -EINVAL;
		}
	}
	return 0;
}

__rte_export int
rte_eth_dev_rss_reta_update(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
			    uint16_t reta_size)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ret = eth_dev_check_reta(dev, reta_conf, reta_size, true);
	if (ret == 0)
		ret = eth_dev_rss_enabled(dev);
	if (ret != 0)
		return ret;
	ETH_OP_OR_RET(dev, reta_update);
	return dev->dev_ops->reta_update(dev, reta_conf, reta_size);
}

__rte_export int
rte_eth_dev_rss_reta_query(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
			   uint16_t reta_size)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ret = eth_dev_check_reta(dev, reta_conf, reta_size, false);
	if (ret != 0)
		return ret;
	ETH_OP_OR_RET(dev, reta_query);
	return dev->dev_ops->reta_query(dev, reta_conf, reta_size);
}

__rte_export int
rte_eth_dev_rss_hash_update(uint16_t port_id, struct rte_eth_rss_conf *rss_conf)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	uint64_t hf;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (rss_conf == NULL)
		return -EINVAL;
	ret = eth_dev_info_get(dev, &info);
	if (ret != 0)
		return ret;
	hf = rte_eth_rss_hf_refine(rss_conf->rss_hf);
	if ((hf & ~info.flow_type_rss_offloads) != 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: RSS hash functions 0x%" PRIx64
			       " are not supported (supported 0x%" PRIx64 ")\n",
			       port_id, hf, info.flow_type_rss_offloads);
		return -EINVAL;
	}
	ret = eth_dev_rss_enabled(dev);
	if (ret != 0)
		return ret;
	if (rss_conf->rss_key != NULL && info.hash_key_size != 0 &&
	    rss_conf->rss_key_len != info.hash_key_size) {
		RTE_ETHDEV_LOG(ERR, "Port %u: RSS key must be %u bytes, not %u\n", port_id,
			       info.hash_key_size, rss_conf->rss_key_len);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, rss_hash_update);
	rss_conf->rss_hf = hf;
	ret = dev->dev_ops->rss_hash_update(dev, rss_conf);
	if (ret == 0)
		dev->data->dev_conf.rx_adv_conf.rss_conf.rss_hf = hf;
	return ret;
}

__rte_export int
rte_eth_dev_rss_hash_conf_get(uint16_t port_id, struct rte_eth_rss_conf *rss_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (rss_conf == NULL)
		return -EINVAL;
	ETH_OP_OR_RET(dev, rss_hash_conf_get);
	return dev->dev_ops->rss_hash_conf_get(dev, rss_conf);
}
