/* SPDX-License-Identifier: BSD-3-Clause */
/* What a bus implements. Installed for out-of-tree buses and drivers. */
#ifndef _BUS_DRIVER_H_
#define _BUS_DRIVER_H_

#include <sys/queue.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus {
	TAILQ_ENTRY(rte_bus) next;
	const char *name;
	/* Find the devices; 0, or a negative errno after logging why. */
	int (*scan)(void);
	/* Match devices to drivers and probe them; 0 or a negative errno. */
	int (*probe)(void);
	/* 0 when name is one of this bus's device names (addr gets the parsed form). */
	int (*parse)(const char *name, void *addr);
	/* Close every device and release what the bus holds. */
	int (*cleanup)(void);
	/* The IOVA mode this bus's devices need (RTE_IOVA_DC if any). */
	enum rte_iova_mode (*get_iommu_class)(void);
	/*
	 * Optional, for rte_eal_hotplug_add/remove: create and probe the device name
	 * with driver arguments args ("" for none), or remove it and free what it
	 * holds; 0 or a negative errno after logging why (-EEXIST, -ENOENT).
	 */
	int (*plug)(const char *name, const char *args);
	int (*unplug)(const char *name);
	/*
	 * Optional: set da->name from the "bus=" layer da->bus_str of the layered
	 * devargs syntax; 0 (a layer without an address leaves the name empty) or
	 * a negative errno after logging why. Without it, the "name=" key is used.
	 */
	int (*devargs_parse)(struct rte_devargs *da);
};

/*
 * Add bus to the list the EAL scans and probes, in registration order;
 * called from the constructor made by RTE_REGISTER_BUS. Returns nothing;
 * rte_errno is not set.
 */
void rte_bus_register(struct rte_bus *bus);
/* Remove a registered bus from that list. Returns nothing; rte_errno is not set. */
void rte_bus_unregister(struct rte_bus *bus);

#define RTE_REGISTER_BUS(nm, bus) \
RTE_INIT_PRIO(businitfn_ ##nm, BUS) \
{ \
	(bus).name = RTE_STR(nm); \
	rte_bus_register(&(bus)); \
}

#ifdef __cplusplus
}
#endif

#endif
