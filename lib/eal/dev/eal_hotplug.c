/* SPDX-License-Identifier: BSD-3-Clause */
/* Devices added and removed after initialisation, through the bus that holds them. */
#include <errno.h>
#include <stddef.h>

#include <bus_driver.h>
#include <rte_dev.h>
#include <rte_log.h>

#include "eal_private.h"

/* The bus named busname if it can plug devices; NULL after logging why, *err set. */
static struct rte_bus *
hotplug_bus_get(const char *what, const char *busname, const char *devname, int *err)
{
	struct rte_bus *bus;

	if (busname == NULL || devname == NULL || devname[0] == '\0') {
		RTE_LOG(ERR, EAL, "%s: bus name and device name are required\n", what);
		*err = -EINVAL;
		return NULL;
	}
	bus = rte_bus_find_by_name(busname);
	if (bus == NULL) {
		RTE_LOG(ERR, EAL, "%s %s: no bus named \"%s\"; see rte_bus_dump for the list\n",
			what, devname, busname);
		*err = -ENOENT;
		return NULL;
	}
	if (bus->plug == NULL || bus->unplug == NULL) {
		RTE_LOG(ERR, EAL,
			"%s %s: bus %s cannot add or remove devices at run time; "
			"name the device on the command line instead\n",
			what, devname, busname);
		*err = -ENOTSUP;
		return NULL;
	}
	return bus;
}

__rte_export int
rte_eal_hotplug_add(const char *busname, const char *devname, const char *drvargs)
{
	struct rte_bus *bus;
	int err = 0;

	bus = hotplug_bus_get("rte_eal_hotplug_add", busname, devname, &err);
	if (bus == NULL)
		return err;
	/* in every process of the --file-prefix, the primary first */
	return eal_hotplug_mp_run(true, busname, devname, drvargs);
}

__rte_export int
rte_eal_hotplug_remove(const char *busname, const char *devname)
{
	struct rte_bus *bus;
	int err = 0;

	bus = hotplug_bus_get("rte_eal_hotplug_remove", busname, devname, &err);
	if (bus == NULL)
		return err;
	/* in every process of the --file-prefix, the secondaries first */
	err = eal_hotplug_mp_run(false, busname, devname, NULL);
	if (err == -ENOENT)
		RTE_LOG(ERR, EAL, "rte_eal_hotplug_remove: no device %s on bus %s\n", devname,
			busname);
	return err;
}
