/* SPDX-License-Identifier: BSD-3-Clause */
/* The list of buses; the EAL scans and probes them in registration order. */
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

static TAILQ_HEAD(bus_list_head, rte_bus) bus_list = TAILQ_HEAD_INITIALIZER(bus_list);

__rte_export void
rte_bus_register(struct rte_bus *bus)
{
	TAILQ_INSERT_TAIL(&bus_list, bus, next);
}

__rte_export void
rte_bus_unregister(struct rte_bus *bus)
{
	TAILQ_REMOVE(&bus_list, bus, next);
}

__rte_export const char *
rte_bus_name(const struct rte_bus *bus)
{
	return bus->name;
}

__rte_export struct rte_bus *
rte_bus_find_by_name(const char *busname)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &bus_list, next)
		if (strcmp(bus->name, busname) == 0)
			return bus;
	return NULL;
}

struct rte_bus *
eal_bus_find_by_dev_name(const char *name)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &bus_list, next)
		if (bus->parse != NULL && bus->parse(name, NULL) == 0)
			return bus;
	return NULL;
}

static bool
bus_disabled(const struct rte_bus *bus)
{
	return eal_cfg.no_pci && strcmp(bus->name, "pci") == 0;
}

int
eal_bus_scan_all(void)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &bus_list, next) {
		int ret;

		if (bus_disabled(bus) || bus->scan == NULL)
			continue;
		ret = bus->scan();
		if (ret < 0) {
			rte_errno = -ret;
			return -1;
		}
	}
	return 0;
}

int
eal_bus_probe_all(void)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &bus_list, next) {
		int ret;

		if (bus_disabled(bus) || bus->probe == NULL)
			continue;
		ret = bus->probe();
		if (ret < 0) {
			rte_errno = -ret;
			return -1;
		}
	}
	return 0;
}

void
eal_bus_cleanup_all(void)
{
	struct rte_bus *bus;

	/* Reverse order: a bus may depend on one registered before it. */
	TAILQ_FOREACH_REVERSE(bus, &bus_list, bus_list_head, next)
		if (bus->cleanup != NULL)
			bus->cleanup();
}

__rte_export int
rte_bus_scan(void)
{
	return eal_bus_scan_all() < 0 ? -rte_errno : 0;
}

__rte_export int
rte_bus_probe(void)
{
	return eal_bus_probe_all() < 0 ? -rte_errno : 0;
}

__rte_export void
rte_bus_dump(FILE *f)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &bus_list, next)
		fprintf(f, "%s\n", bus->name);
}

__rte_export enum rte_iova_mode
rte_bus_get_iommu_class(void)
{
	enum rte_iova_mode mode = RTE_IOVA_DC;
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &bus_list, next)
		if (!bus_disabled(bus) && bus->get_iommu_class != NULL)
			mode |= bus->get_iommu_class();
	return mode;
}
