/* SPDX-License-Identifier: BSD-3-Clause */
/* The PCI bus, seen from applications (DPDK 22.11 API). */
#ifndef _RTE_BUS_PCI_H_
#define _RTE_BUS_PCI_H_

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/types.h>

#include <rte_compat.h>
#include <rte_interrupts.h>
#include <rte_pci.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_pci_device;
struct rte_pci_driver;
struct rte_pci_ioport;
struct rte_devargs;

/*
 * Open the device through VFIO and map its BARs. Returns 0 (also if already open);
 * -ENODEV (not on vfio-pci, no IOMMU group, not a PCI device), -ENOMEM, or the
 * -errno of a failed open, ioctl or mmap, after a log line. Sets no rte_errno.
 */
int rte_pci_map_device(struct rte_pci_device *dev);
/* Unmap the BARs, disable interrupts and close the VFIO device. Returns nothing; no rte_errno. */
void rte_pci_unmap_device(struct rte_pci_device *dev);

/* One line per scanned device (and its BARs). Returns nothing; no rte_errno. */
void rte_pci_dump(FILE *f);

/*
 * Offset of extended capability cap in config space, 0 if absent, -1 if config space
 * cannot be read. Sets no rte_errno.
 */
__rte_experimental
off_t rte_pci_find_ext_capability(struct rte_pci_device *dev, uint32_t cap);

/*
 * Set or clear Bus Master Enable in the command register; 0, or -1 on a failed
 * config access. Sets no rte_errno.
 */
__rte_experimental
int rte_pci_set_bus_master(struct rte_pci_device *dev, bool enable);

/*
 * Config space read (VFIO once open, else sysfs): bytes read, or the -errno of the
 * failed open/pread, logged. Sets no rte_errno.
 */
int rte_pci_read_config(const struct rte_pci_device *device,
			void *buf, size_t len, off_t offset);
/* Config space write: bytes written, or the -errno of the failed open/pwrite. No rte_errno. */
int rte_pci_write_config(const struct rte_pci_device *device,
			 const void *buf, size_t len, off_t offset);

/*
 * I/O-port BARs, accessed through the VFIO region (pread/pwrite). Map: 0, or -1
 * (bad bar, device not open, empty region), logged. Sets no rte_errno.
 */
int rte_pci_ioport_map(struct rte_pci_device *dev, int bar,
		       struct rte_pci_ioport *p);
/* Always returns 0; no rte_errno. */
int rte_pci_ioport_unmap(struct rte_pci_ioport *p);
/* Out-of-range or failed reads fill data with 0xff. Returns nothing; no rte_errno. */
void rte_pci_ioport_read(struct rte_pci_ioport *p,
			 void *data, size_t len, off_t offset);
/* Out-of-range writes are dropped, failed ones logged. Returns nothing; no rte_errno. */
void rte_pci_ioport_write(struct rte_pci_ioport *p,
			  const void *data, size_t len, off_t offset);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_PCI_H_ */
