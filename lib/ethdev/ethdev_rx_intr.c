/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx queue interrupts. The driver arms and disarms them (ops); the queue's
 * eventfd comes from the port's interrupt handle, where the driver put one
 * per queue (rte_intr_efd_enable + the vector list), as in DPDK.
 */
#include <errno.h>

#include <rte_interrupts.h>

#include "ethdev_private.h"

static struct rte_eth_dev *
eth_rx_intr_queue(uint16_t port_id, uint16_t queue_id, int *err)
{
	struct rte_eth_dev *dev = eth_dev_get_valid(port_id);

	if (dev == NULL) {
		*err = -ENODEV;
		return NULL;
	}
	if (queue_id >= dev->data->nb_rx_queues || dev->data->rx_queues[queue_id] == NULL) {
		RTE_ETHDEV_LOG(ERR, "Invalid Rx queue_id=%u for port %u\n", queue_id, port_id);
		*err = -EINVAL;
		return NULL;
	}
	return dev;
}

__rte_export int
rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_dev *dev;
	int err = 0;

	dev = eth_rx_intr_queue(port_id, queue_id, &err);
	if (dev == NULL)
		return err;
	ETH_OP_OR_RET(dev, rx_queue_intr_enable);
	return dev->dev_ops->rx_queue_intr_enable(dev, queue_id);
}

__rte_export int
rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_dev *dev;
	int err = 0;

	dev = eth_rx_intr_queue(port_id, queue_id, &err);
	if (dev == NULL)
		return err;
	ETH_OP_OR_RET(dev, rx_queue_intr_disable);
	return dev->dev_ops->rx_queue_intr_disable(dev, queue_id);
}

/* The queue's interrupt vector, or a negative errno (logged). */
static int
eth_rx_intr_vec(struct rte_eth_dev *dev, uint16_t queue_id)
{
	if (dev->intr_handle == NULL || !dev->data->dev_conf.intr_conf.rxq) {
		RTE_ETHDEV_LOG(ERR, "Port %u has no Rx interrupts: configure it with "
			       "intr_conf.rxq = 1 (driver %s)\n", dev->data->port_id,
			       dev->device && dev->device->driver ? dev->device->driver->name :
			       "unknown");
		return -ENOTSUP;
	}
	return rte_intr_vec_list_index_get(dev->intr_handle, queue_id);
}

__rte_export int
rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd, int op, void *data)
{
	struct rte_eth_dev *dev;
	int err = 0, vec;

	dev = eth_rx_intr_queue(port_id, queue_id, &err);
	if (dev == NULL)
		return err;
	vec = eth_rx_intr_vec(dev, queue_id);
	if (vec < 0)
		return vec;
	return rte_intr_rx_ctl(dev->intr_handle, epfd, op, (unsigned int)vec, data);
}

__rte_export int
rte_eth_dev_rx_intr_ctl_q_get_fd(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_dev *dev;
	int err = 0, vec;

	dev = eth_rx_intr_queue(port_id, queue_id, &err);
	if (dev == NULL)
		return -1;
	vec = eth_rx_intr_vec(dev, queue_id);
	if (vec < 0)
		return -1;
	if (vec >= RTE_INTR_VEC_RXTX_OFFSET)
		vec -= RTE_INTR_VEC_RXTX_OFFSET;
	return rte_intr_efds_index_get(dev->intr_handle, vec);
}

__rte_export int
rte_eth_dev_rx_intr_ctl(uint16_t port_id, int epfd, int op, void *data)
{
	struct rte_eth_dev *dev;
	uint16_t q;
	int vec, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		vec = eth_rx_intr_vec(dev, q);
		if (vec < 0)
			return vec;
		ret = rte_intr_rx_ctl(dev->intr_handle, epfd, op, (unsigned int)vec, data);
		if (ret != 0 && ret != -EEXIST)
			RTE_ETHDEV_LOG(ERR, "Port %u Rx queue %u: interrupt control failed (%d)\n",
				       port_id, q, ret);
	}
	return 0;
}
