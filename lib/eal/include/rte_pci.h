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

/*
 * Parse str, "0000:00:03.0" (domain:bus:device.function, hexadecimal) or
 * "00:03.0", into *addr. Returns 0, or -EINVAL (addr untouched) when str or
 * addr is NULL or str is anything else. rte_errno is not set.
 */
int rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr);
/*
 * Write addr as "0000:00:03.0" into output of size bytes (cut to fit,
 * NUL-terminated when size > 0). Returns nothing; rte_errno is not set.
 */
void rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size);
/*
 * Compare two addresses by domain, bus, device, function. Returns 0 if equal,
 * 1 if addr is above addr2, -1 if below, and -1 when either is NULL.
 * rte_errno is not set.
 */
int rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2);

#ifdef __cplusplus
}
#endif

#endif
