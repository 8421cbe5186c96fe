/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_BUS_H_
#define _RTE_BUS_H_

#include <stdio.h>

#include <rte_eal.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_device;

/* The name of bus (not NULL). Cannot fail; rte_errno is not set. */
const char *rte_bus_name(const struct rte_bus *bus);
/* The registered bus called busname, NULL if none. rte_errno is not set. */
struct rte_bus *rte_bus_find_by_name(const char *busname);
/*
 * Scan every registered bus (not pci under --no-pci) in order. 0; or the first
 * failing bus's negative errno, stopping there, with rte_errno set to its positive.
 */
int rte_bus_scan(void);
/* Probe every bus likewise: 0, or the first failure's -errno with rte_errno set to errno. */
int rte_bus_probe(void);
/* Print the registered bus names to f. Returns nothing; no rte_errno. */
void rte_bus_dump(FILE *f);
/* The IOVA modes the buses ask for, OR-ed; RTE_IOVA_DC if none. No rte_errno. */
enum rte_iova_mode rte_bus_get_iommu_class(void);

#ifdef __cplusplus
}
#endif

#endif
