/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ethdev port of a virtual device whose link follows a peer on a
 * socket (memif, vhost): the steps their probes share. Internal to the
 * library.
 */
#ifndef _VDEV_ETHDEV_H_
#define _VDEV_ETHDEV_H_

#include <stdint.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>

/*
 * Allocate the port named after vdev and give it priv (allocated with
 * rte_malloc) as its private data, ops, the device's NUMA node, link
 * status interrupts, promiscuous mode, a link down at link_speed full
 * duplex, and a zeroed MAC address. From then on releasing the port frees
 * priv and the address. On failure priv is freed as well: NULL with
 * rte_errno (ENOMEM, or what rte_eth_dev_allocate() set).
 */
struct rte_eth_dev *vdev_ethdev_allocate(struct rte_vdev_device *vdev, void *priv,
					 const struct eth_dev_ops *ops, uint32_t link_speed);

#endif /* _VDEV_ETHDEV_H_ */
