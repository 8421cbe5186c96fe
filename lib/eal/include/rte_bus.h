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

const char *rte_bus_name(const struct rte_bus *bus);
struct rte_bus *rte_bus_find_by_name(const char *busname);
int rte_bus_scan(void);
int rte_bus_probe(void);
void rte_bus_dump(FILE *f);
enum rte_iova_mode rte_bus_get_iommu_class(void);

#ifdef __cplusplus
}
#endif

#endif
