/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for PCI drivers on the VFIO bus: BARs, config space, MSI-X
 * vectors as eventfds, NUMA node. Include after bus_pci_driver.h; every
 * int function returns 0 (or a count) or a negative errno after logging
 * one line.
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
void *bus_vfio_bar_get(struct rte_pci_device *dev, int bar, size_t *len);

/*
 * Give the device nb_vectors MSI-X vectors: vector 0 is the handle's fd
 * (link status, run by the eal-intr thread), vectors 1..nb_vectors-1 get
 * their own eventfds in the handle's efds (Rx queues). Arms them with
 * VFIO_DEVICE_SET_IRQS. -ENOTSUP without MSI-X, -EINVAL past the table size.
 */
int bus_vfio_msix_enable(struct rte_pci_device *dev, unsigned int nb_vectors);
/* Disarm every vector and close the Rx eventfds. */
void bus_vfio_msix_disable(struct rte_pci_device *dev);
/* MSI-X table size the device reports (0 if none). */
unsigned int bus_vfio_msix_count(const struct rte_pci_device *dev);

/* Issue VFIO_DEVICE_RESET; -ENOTSUP when the device cannot be reset. */
int bus_vfio_reset(struct rte_pci_device *dev);

/* NUMA node of the device, SOCKET_ID_ANY (-1) if unknown. */
int bus_vfio_numa_node(const struct rte_pci_device *dev);

/* Config space helpers that check the length transferred; 0 or -EIO. */
int bus_vfio_config_read32(const struct rte_pci_device *dev, off_t offset, uint32_t *val);
int bus_vfio_config_write16(const struct rte_pci_device *dev, off_t offset, uint16_t val);

#ifdef __cplusplus
}
#endif

#endif /* _BUS_VFIO_DRIVER_H_ */
