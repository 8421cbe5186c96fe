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
struct rte_class;
struct rte_devargs;
struct rte_driver;
struct rte_device;

enum rte_dev_event_type {
	RTE_DEV_EVENT_ADD,
	RTE_DEV_EVENT_REMOVE,
	RTE_DEV_EVENT_MAX
};

/*
 * Accessors for devices and drivers, whose structures are private to buses
 * and drivers. None of them checks its argument, which must not be NULL;
 * none fails or sets rte_errno.
 */

/* The name of driver. No rte_errno. */
const char *rte_driver_name(const struct rte_driver *driver);
/* The bus dev sits on. No rte_errno. */
const struct rte_bus *rte_dev_bus(const struct rte_device *dev);
/* What the bus says about dev (e.g. PCI ids), or NULL if it says nothing. No rte_errno. */
const char *rte_dev_bus_info(const struct rte_device *dev);
/* The arguments dev was given (allow list or --vdev), or NULL if none. No rte_errno. */
const struct rte_devargs *rte_dev_devargs(const struct rte_device *dev);
/* The driver that probed dev, or NULL if none did. No rte_errno. */
const struct rte_driver *rte_dev_driver(const struct rte_device *dev);
/* The name of dev (e.g. "0000:00:03.0" or "net_null0"). No rte_errno. */
const char *rte_dev_name(const struct rte_device *dev);
/* The NUMA node of dev, SOCKET_ID_ANY (-1) if unknown. No rte_errno. */
int rte_dev_numa_node(const struct rte_device *dev);
/* 1 if a driver has probed dev, 0 if not. No rte_errno. */
int rte_dev_is_probed(const struct rte_device *dev);

/*
 * Position of a walk over the devices matching a device string (DPDK
 * 22.11's layout). Libraries that walk their own devices, such as
 * rte_eth_iterator_*, may keep their state in these fields.
 */
struct rte_dev_iterator {
	const char *dev_str;
	const char *bus_str;
	const char *cls_str;
	struct rte_bus *bus;
	struct rte_class *cls;
	struct rte_device *device;
	void *class_device;
};

/*
 * Create the device devname on the bus busname and probe it with the driver
 * arguments drvargs (NULL or "" for none), after initialisation. Returns 0, or a
 * negative errno after logging why: -EINVAL (NULL or empty name), -ENOENT (no such
 * bus), -ENOTSUP (the bus cannot add devices at run time), the bus's error
 * (-EEXIST: already there). No rte_errno.
 */
int rte_eal_hotplug_add(const char *busname, const char *devname, const char *drvargs);
/*
 * Remove the device devname of the bus busname (its driver's remove, then the
 * device itself). Returns 0, or a negative errno as rte_eal_hotplug_add does
 * (-ENOENT also for an unknown device). No rte_errno.
 */
int rte_eal_hotplug_remove(const char *busname, const char *devname);

#define RTE_PMD_EXPORT_NAME(name, idx)
#define RTE_PMD_REGISTER_PARAM_STRING(name, str)
#define RTE_PMD_REGISTER_KMOD_DEP(name, str)
#define RTE_PMD_REGISTER_ALIAS(name, alias)

#ifdef __cplusplus
}
#endif

#endif
