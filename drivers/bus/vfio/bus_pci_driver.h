/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What PCI drivers see of the bus (DPDK 22.11 names): devices, drivers and
 * their id tables, and the registration macro. Installed for out-of-tree
 * drivers.
 */
#ifndef _BUS_PCI_DRIVER_H_
#define _BUS_PCI_DRIVER_H_

#include <stdint.h>
#include <sys/queue.h>

#include <rte_bus_pci.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_MEM_RESOURCE_DEFINED
#define RTE_MEM_RESOURCE_DEFINED
/* A BAR: its bus address and length, and where it is mapped (NULL if not). */
struct rte_mem_resource {
	uint64_t phys_addr;
	uint64_t len;
	void *addr;
};
#endif

/* How the device is reached from user space. */
enum rte_pci_kernel_driver {
	RTE_PCI_KDRV_UNKNOWN = 0,	/* a kernel driver other than those below */
	RTE_PCI_KDRV_IGB_UIO,
	RTE_PCI_KDRV_VFIO,		/* vfio-pci */
	RTE_PCI_KDRV_UIO_GENERIC,
	RTE_PCI_KDRV_NIC_UIO,
	RTE_PCI_KDRV_NONE,		/* no driver bound */
	RTE_PCI_KDRV_NET_UIO,
};

struct rte_pci_device {
	TAILQ_ENTRY(rte_pci_device) next;
	struct rte_device device;
	struct rte_pci_addr addr;
	struct rte_pci_id id;
	struct rte_mem_resource mem_resource[PCI_MAX_RESOURCE];
	struct rte_intr_handle *intr_handle;	/* vector 0 (LSC); Rx vectors in efds */
	struct rte_pci_driver *driver;		/* the driver that probed it, or NULL */
	uint16_t max_vfs;
	enum rte_pci_kernel_driver kdrv;
	char name[PCI_PRI_STR_SIZE + 1];	/* "0000:00:03.0" */
	char *bus_info;
	struct rte_intr_handle *vfio_req_intr_handle;
};

#define RTE_DEV_TO_PCI(ptr) container_of(ptr, struct rte_pci_device, device)
#define RTE_DEV_TO_PCI_CONST(ptr) container_of(ptr, const struct rte_pci_device, device)
#define RTE_ETH_DEV_TO_PCI(eth_dev) RTE_DEV_TO_PCI((eth_dev)->device)

/* An id table entry matching one vendor:device, any subsystem and class. */
#define RTE_PCI_DEVICE(vend, dev) \
	.class_id = RTE_CLASS_ANY_ID, \
	.vendor_id = (vend), \
	.device_id = (dev), \
	.subsystem_vendor_id = RTE_PCI_ANY_ID, \
	.subsystem_device_id = RTE_PCI_ANY_ID

typedef int (rte_pci_probe_t)(struct rte_pci_driver *, struct rte_pci_device *);
typedef int (rte_pci_remove_t)(struct rte_pci_device *);
typedef int (pci_dma_map_t)(struct rte_pci_device *dev, void *addr, uint64_t iova,
			    size_t len);
typedef int (pci_dma_unmap_t)(struct rte_pci_device *dev, void *addr, uint64_t iova,
			      size_t len);

struct rte_pci_driver {
	TAILQ_ENTRY(rte_pci_driver) next;
	struct rte_driver driver;
	rte_pci_probe_t *probe;
	rte_pci_remove_t *remove;
	pci_dma_map_t *dma_map;
	pci_dma_unmap_t *dma_unmap;
	const struct rte_pci_id *id_table;	/* ends with an entry whose vendor_id is 0 */
	uint32_t drv_flags;			/* RTE_PCI_DRV_* */
};

/* The device must be opened through VFIO and its BARs mapped before probe. */
#define RTE_PCI_DRV_NEED_MAPPING 0x0001
#define RTE_PCI_DRV_WC_ACTIVATE 0x0002
#define RTE_PCI_DRV_PROBE_AGAIN 0x0004
/* The driver raises link status change interrupts. */
#define RTE_PCI_DRV_INTR_LSC 0x0008
#define RTE_PCI_DRV_INTR_RMV 0x0010
#define RTE_PCI_DRV_NEED_KEEP_MAPPED_RES 0x0020
#define RTE_PCI_DRV_NEED_IOVA_AS_VA 0x0040

/* An I/O-port BAR opened with rte_pci_ioport_map. */
struct rte_pci_ioport {
	struct rte_pci_device *dev;
	uint64_t base;		/* offset of the BAR's VFIO region in the device fd */
	uint64_t len;
};

void rte_pci_register(struct rte_pci_driver *driver);
void rte_pci_unregister(struct rte_pci_driver *driver);

/*
 * Register a PCI driver. Also defines pci_anchor_<nm>, the symbol a static
 * link forces (-Wl,-u,pci_anchor_<nm>) to keep the driver.
 */
#define RTE_PMD_REGISTER_PCI(nm, pci_drv) \
const char pci_anchor_ ##nm[] __attribute__((used)) = RTE_STR(nm); \
RTE_INIT(pciinitfn_ ##nm) \
{ \
	(pci_drv).driver.name = RTE_STR(nm); \
	rte_pci_register(&(pci_drv)); \
} \
RTE_PMD_EXPORT_NAME(nm, __COUNTER__)

#ifdef __cplusplus
}
#endif

#endif /* _BUS_PCI_DRIVER_H_ */
