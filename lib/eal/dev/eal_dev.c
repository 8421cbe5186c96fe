/* SPDX-License-Identifier: BSD-3-Clause */
/* Accessors for the fields of devices and drivers that applications may read. */
#include <dev_driver.h>

#include "eal_private.h"

__rte_export const char *
rte_driver_name(const struct rte_driver *driver)
{
	return driver->name;
}

__rte_export const struct rte_bus *
rte_dev_bus(const struct rte_device *dev)
{
	return dev->bus;
}

__rte_export const char *
rte_dev_bus_info(const struct rte_device *dev)
{
	return dev->bus_info;
}

__rte_export const struct rte_devargs *
rte_dev_devargs(const struct rte_device *dev)
{
	return dev->devargs;
}

__rte_export const struct rte_driver *
rte_dev_driver(const struct rte_device *dev)
{
	return dev->driver;
}

__rte_export const char *
rte_dev_name(const struct rte_device *dev)
{
	return dev->name;
}

__rte_export int
rte_dev_numa_node(const struct rte_device *dev)
{
	return dev->numa_node;
}

__rte_export int
rte_dev_is_probed(const struct rte_device *dev)
{
	return dev->driver != NULL;
}
