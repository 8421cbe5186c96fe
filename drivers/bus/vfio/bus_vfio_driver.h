/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What VFIO adds for PCI drivers, beyond DPDK's API (hence the
 * rte_pci_vfio_ prefix): mapped BARs, MSI-X vectors as eventfds, reset.
 * Config space is rte_pci_read_config/rte_pci_write_config, the NUMA node
 * rte_dev_numa_node. Include after bus_pci_driver.h; every int function
 * returns 0 (or a count) or a negative errno after logging one line.
 */
#ifndef _BUS_VFIO_DRIVER_H_
#define _BUS_VFIO_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include <bus_pci_driver.h>
#include <rte_io.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The mapped BAR bar (0..5) of an opened device and its length; NULL with
 * rte_errno ENODEV (not opened), EINVAL (no such BAR) or ENOTSUP (not
 * mappable: an I/O-port BAR, use rte_pci_ioport_map).
 */
void *rte_pci_vfio_bar_get(struct rte_pci_device *dev, int bar, size_t *len);

/*
 * Give the device nb_vectors MSI-X vectors: vector 0 is the handle's fd
 * (link status, run by the eal-intr thread), vectors 1..nb_vectors-1 get
 * their own eventfds in the handle's efds (Rx queues). Arms them with
 * VFIO_DEVICE_SET_IRQS. -ENOTSUP without MSI-X, -EINVAL past the table size.
 */
int rte_pci_vfio_msix_enable(struct rte_pci_device *dev, unsigned int nb_vectors);
/* Disarm every vector and close the Rx eventfds. */
void rte_pci_vfio_msix_disable(struct rte_pci_device *dev);
/* MSI-X table size the device reports (0 if none). */
unsigned int rte_pci_vfio_msix_count(const struct rte_pci_device *dev);

/* Issue VFIO_DEVICE_RESET; -ENOTSUP when the device cannot be reset. */
int rte_pci_vfio_reset(struct rte_pci_device *dev);

#ifdef __cplusplus
}
#endif

#endif /* _BUS_VFIO_DRIVER_H_ */
