/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "vdev_ethdev.h"

struct rte_eth_dev *
vdev_ethdev_allocate(struct rte_vdev_device *vdev, void *priv, const struct eth_dev_ops *ops,
		     uint32_t link_speed)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct rte_eth_dev *dev;

	dev = rte_eth_dev_allocate(name);
	if (dev == NULL) {
		rte_free(priv);
		return NULL;
	}
	dev->data->dev_private = priv;
	dev->device = &vdev->device;
	dev->dev_ops = ops;
	dev->data->numa_node = numa;
	dev->data->dev_flags = RTE_ETH_DEV_INTR_LSC;
	dev->data->promiscuous = 1;
	dev->data->dev_link.link_speed = link_speed;
	dev->data->dev_link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	dev->data->dev_link.link_status = RTE_ETH_LINK_DOWN;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0, numa);
	if (dev->data->mac_addrs == NULL) {
		RTE_LOG(ERR, PMD, "%s: out of memory\n", name);
		rte_eth_dev_release_port(dev);
		rte_errno = ENOMEM;
		return NULL;
	}
	return dev;
}
