/* SPDX-License-Identifier: BSD-3-Clause */
/* What buses and drivers see of devices. Installed for out-of-tree drivers. */
#ifndef _DEV_DRIVER_H_
#define _DEV_DRIVER_H_

#include <sys/queue.h>

#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_driver {
	TAILQ_ENTRY(rte_driver) next;
	const char *name;
	const char *alias;
};

struct rte_device {
	TAILQ_ENTRY(rte_device) next;
	const char *name;
	const char *bus_info;
	const struct rte_driver *driver;
	const struct rte_bus *bus;
	int numa_node;
	struct rte_devargs *devargs;
};

#ifdef __cplusplus
}
#endif

#endif
