/* SPDX-License-Identifier: BSD-3-Clause */
/* Generic devices and drivers, seen from applications. */
#ifndef _RTE_DEV_H_
#define _RTE_DEV_H_

#include <stdio.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_log.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_DEV_NAME_MAX_LEN 64

struct rte_bus;
struct rte_devargs;
struct rte_driver;
struct rte_device;

enum rte_dev_event_type {
	RTE_DEV_EVENT_ADD,
	RTE_DEV_EVENT_REMOVE,
	RTE_DEV_EVENT_MAX
};

const char *rte_driver_name(const struct rte_driver *driver);
const struct rte_bus *rte_dev_bus(const struct rte_device *dev);
const char *rte_dev_bus_info(const struct rte_device *dev);
const struct rte_devargs *rte_dev_devargs(const struct rte_device *dev);
const struct rte_driver *rte_dev_driver(const struct rte_device *dev);
const char *rte_dev_name(const struct rte_device *dev);
int rte_dev_numa_node(const struct rte_device *dev);
int rte_dev_is_probed(const struct rte_device *dev);

#define RTE_PMD_EXPORT_NAME(name, idx)
#define RTE_PMD_REGISTER_PARAM_STRING(name, str)
#define RTE_PMD_REGISTER_KMOD_DEP(name, str)
#define RTE_PMD_REGISTER_ALIAS(name, alias)

#ifdef __cplusplus
}
#endif

#endif
