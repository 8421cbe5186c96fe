/* SPDX-License-Identifier: BSD-3-Clause */
/* PCI addresses and ids. */
#ifndef _RTE_PCI_H_
#define _RTE_PCI_H_

#include <stdint.h>
#include <inttypes.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PCI_PRI_FMT "%.4" PRIx32 ":%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
#define PCI_PRI_STR_SIZE sizeof("XXXXXXXX:XX:XX.X")
#define PCI_SHORT_PRI_FMT "%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
#define PCI_FMT_NVAL 4
#define PCI_RESOURCE_FMT_NVAL 3
#define PCI_MAX_RESOURCE 6

#define RTE_PCI_ANY_ID (0xffff)
#define RTE_CLASS_ANY_ID (0xffffff)

struct rte_pci_addr {
	uint32_t domain;
	uint8_t bus;
	uint8_t devid;
	uint8_t function;
};

struct rte_pci_id {
	uint32_t class_id;
	uint16_t vendor_id;
	uint16_t device_id;
	uint16_t subsystem_vendor_id;
	uint16_t subsystem_device_id;
};

/* "0000:00:03.0" or "00:03.0"; 0, or -EINVAL for anything else. */
int rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr);
/* Format as "0000:00:03.0". */
void rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size);
/* <0, 0, >0 like memcmp. */
int rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2);

#ifdef __cplusplus
}
#endif

#endif
