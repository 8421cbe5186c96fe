/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The "pci" bus: PCI drivers register an id table; after the scan each
 * device is matched, opened through VFIO and handed to its driver. A
 * device the user named with -a either works or makes rte_eal_init fail
 * with the reason.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bus_driver.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_kvargs.h>

#include "pci_private.h"

struct pci_driver_list pci_driver_list = TAILQ_HEAD_INITIALIZER(pci_driver_list);

/* Forced by static links (-Wl,-u,bus_pci_anchor) to keep this bus. */
const char bus_pci_anchor[] __attribute__((used)) = "pci";

static struct rte_bus pci_bus;

__rte_export void
rte_pci_register(struct rte_pci_driver *driver)
{
	TAILQ_INSERT_TAIL(&pci_driver_list, driver, next);
}

__rte_export void
rte_pci_unregister(struct rte_pci_driver *driver)
{
	TAILQ_REMOVE(&pci_driver_list, driver, next);
}

int
pci_match(const struct rte_pci_driver *drv, const struct rte_pci_device *dev)
{
	const struct rte_pci_id *id;

	for (id = drv->id_table; id != NULL && id->vendor_id != 0; id++) {
		if (id->vendor_id != dev->id.vendor_id)
			continue;
		if (id->device_id != RTE_PCI_ANY_ID && id->device_id != dev->id.device_id)
			continue;
		if (id->subsystem_vendor_id != RTE_PCI_ANY_ID &&
		    id->subsystem_vendor_id != dev->id.subsystem_vendor_id)
			continue;
		if (id->subsystem_device_id != RTE_PCI_ANY_ID &&
		    id->subsystem_device_id != dev->id.subsystem_device_id)
			continue;
		if (id->class_id != RTE_CLASS_ANY_ID && id->class_id != dev->id.class_id)
			continue;
		return 1;
	}
	return 0;
}

static bool
pci_dev_allowed(const struct rte_pci_device *dev)
{
	const struct pci_dev_priv *p = pci_priv(dev);

	return p->devargs != NULL && p->devargs->policy == RTE_DEV_ALLOWED;
}

__rte_export int
rte_pci_map_device(struct rte_pci_device *dev)
{
	struct pci_dev_priv *p = pci_priv(dev);

	if (dev->kdrv != RTE_PCI_KDRV_VFIO) {
		PCI_LOG(ERR, "%s is on %s, not vfio-pci; fix: sluice-devbind --bind=vfio-pci %s\n",
			dev->name, p->kdrv_name[0] ? p->kdrv_name : "no driver", dev->name);
		return -ENODEV;
	}
	return vfio_device_open(p);
}

__rte_export void
rte_pci_unmap_device(struct rte_pci_device *dev)
{
	vfio_device_close(pci_priv(dev));
}

/*
 * A matching driver wants the device but the kernel holds it: say which
 * driver and the command that frees it. Fatal only for -a devices.
 */
static int
pci_kernel_owned(const struct rte_pci_device *dev, const struct rte_pci_driver *drv)
{
	const struct pci_dev_priv *p = pci_priv(dev);
	const char *kd = p->kdrv_name[0] ? p->kdrv_name : NULL;
	/* Without an IOMMU group vfio-pci cannot take it: the IOMMU is the fix. */
	const char *iommu_fix = p->iommu_group < 0 ?
		"the IOMMU is off (it is in no IOMMU group); fix: boot with intel_iommu=on "
		"(AMD: amd_iommu=on), then " : "fix: ";

	if (pci_dev_allowed(dev)) {
		PCI_LOG(ERR, "%s (%04x:%04x) is %s%s, not vfio-pci, so %s cannot use it; %s"
			"sluice-devbind --bind=vfio-pci %s\n", dev->name, dev->id.vendor_id,
			dev->id.device_id, kd ? "on kernel driver " : "on no driver",
			kd ? kd : "", drv->driver.name, iommu_fix, dev->name);
		return -ENODEV;
	}
	PCI_LOG(INFO, "%s (%04x:%04x) is %s%s, skipped; to use it with %s: %s"
		"sluice-devbind --bind=vfio-pci %s\n", dev->name, dev->id.vendor_id,
		dev->id.device_id, kd ? "on kernel driver " : "on no driver", kd ? kd : "",
		drv->driver.name, p->iommu_group < 0 ? iommu_fix : "", dev->name);
	return 0;
}

/* Probe one device; 0 also when no driver wants it. */
int
pci_probe_one(struct rte_pci_device *dev)
{
	struct rte_pci_driver *drv;
	bool matched = false;
	int ret;

	if (dev->driver != NULL)
		return 0;
	TAILQ_FOREACH(drv, &pci_driver_list, next) {
		bool mapped = false;

		if (!pci_match(drv, dev))
			continue;
		matched = true;
		if ((drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) && dev->kdrv != RTE_PCI_KDRV_VFIO)
			return pci_kernel_owned(dev, drv);
		if (drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) {
			ret = rte_pci_map_device(dev);
			/* as DPDK: a secondary has the primary's ports, and only those */
			if (ret == -ENOENT && rte_eal_process_type() == RTE_PROC_SECONDARY)
				return 0;
			if (ret < 0)
				return ret;
			mapped = true;
		}
		dev->driver = drv;
		dev->device.driver = &drv->driver;
		dev->device.bus = &pci_bus;
		ret = drv->probe(drv, dev);
		if (ret == 0) {
			PCI_LOG(INFO, "%s (%04x:%04x) probed by %s\n", dev->name,
				dev->id.vendor_id, dev->id.device_id, drv->driver.name);
			return 0;
		}
		dev->driver = NULL;
		dev->device.driver = NULL;
		if (mapped && !(drv->drv_flags & RTE_PCI_DRV_NEED_KEEP_MAPPED_RES))
			rte_pci_unmap_device(dev);
		if (ret < 0) {
			PCI_LOG(ERR, "%s: driver %s failed to set it up (%s)\n", dev->name,
				drv->driver.name, strerror(-ret > 0 ? -ret : EIO));
			return ret;
		}
		/* ret > 0: the driver declined; try the next one. */
	}
	/* As in DPDK, a device no driver takes is left alone, even with -a. */
	if (!matched && pci_dev_allowed(dev))
		PCI_LOG(WARNING, "%s (%04x:%04x, class %06x) was given with -a but no driver "
			"supports it: ignored; remove -a %s\n", dev->name, dev->id.vendor_id,
			dev->id.device_id, dev->id.class_id, dev->name);
	return 0;
}

/* Undo pci_probe_one: the driver's remove, then close the device. */
int
pci_remove_one(struct rte_pci_device *dev)
{
	struct rte_pci_driver *drv = dev->driver;
	int ret = 0;

	if (drv == NULL)
		return 0;
	if (drv->remove != NULL)
		ret = drv->remove(dev);
	if (ret < 0) {
		PCI_LOG(ERR, "%s: driver %s refused to release it (%s)\n", dev->name,
			drv->driver.name, strerror(-ret));
		return ret;
	}
	if (drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING)
		rte_pci_unmap_device(dev);
	dev->driver = NULL;
	dev->device.driver = NULL;
	return 0;
}

int
pci_probe(void)
{
	struct rte_pci_device *dev;
	struct rte_devargs *da;

	/*
	 * Served from the start, not only once a device opens the container, so
	 * that a secondary of a primary without VFIO devices hears so at once.
	 */
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		vfio_mp_serve();
	/* An -a naming a device that is not there is ignored, as in DPDK. */
	RTE_EAL_DEVARGS_FOREACH("pci", da) {
		struct rte_pci_addr addr;
		bool found = false;

		if (da->policy != RTE_DEV_ALLOWED)
			continue;
		if (rte_pci_addr_parse(da->name, &addr) != 0) {
			PCI_LOG(ERR, "-a %s is not a PCI address (like 0000:00:03.0)\n", da->name);
			return -EINVAL;
		}
		TAILQ_FOREACH(dev, &pci_device_list, next)
			found |= rte_pci_addr_cmp(&dev->addr, &addr) == 0;
		if (!found)
			PCI_LOG(WARNING, "-a %s: no such PCI device: ignored; list them with "
				"sluice-devbind --status\n", da->name);
	}
	TAILQ_FOREACH(dev, &pci_device_list, next) {
		int ret = pci_probe_one(dev);

		/* Others that fail were logged and are left out. */
		if (ret < 0 && pci_dev_allowed(dev))
			return ret;
	}
	return 0;
}

int
pci_cleanup(void)
{
	struct rte_pci_device *dev;
	int ret = 0;

	/* no secondary is given a device that is going away */
	vfio_mp_unserve();
	TAILQ_FOREACH(dev, &pci_device_list, next) {
		if (pci_remove_one(dev) < 0) {
			/* Close it anyway: nothing may outlive rte_eal_cleanup. */
			ret = -EBUSY;
			rte_pci_unmap_device(dev);
			dev->driver = NULL;
		}
	}
	pci_devices_free();
	vfio_container_close();
	return ret;
}

static int
pci_parse(const char *name, void *addr)
{
	struct rte_pci_addr a;

	if (rte_pci_addr_parse(name, &a) != 0)
		return 1;
	if (addr != NULL)
		*(struct rte_pci_addr *)addr = a;
	return 0;
}

/* "bus=pci,addr=1:2.3": the device name is the address in its full form. */
static int
pci_devargs_parse(struct rte_devargs *da)
{
	struct rte_kvargs *kv;
	struct rte_pci_addr a;
	const char *addr;
	int ret = 0;

	if (da->bus_str == NULL)
		return 0;
	kv = rte_kvargs_parse(da->bus_str, NULL);
	if (kv == NULL) {
		PCI_LOG(ERR, "devargs \"%s\": not a key=value list\n", da->bus_str);
		return -EINVAL;
	}
	addr = rte_kvargs_get(kv, "addr");
	if (addr != NULL) {
		if (rte_pci_addr_parse(addr, &a) == 0) {
			rte_pci_device_name(&a, da->name, sizeof(da->name));
		} else {
			PCI_LOG(ERR, "devargs \"%s\": addr=%s is not a PCI address (like "
				"0000:00:03.0)\n", da->bus_str, addr);
			ret = -EINVAL;
		}
	}
	rte_kvargs_free(kv);
	return ret;
}

/* Devices on vfio-pci behind an IOMMU take any IOVA: prefer VA. */
static enum rte_iova_mode
pci_get_iommu_class(void)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_device_list, next)
		if (dev->kdrv == RTE_PCI_KDRV_VFIO)
			return RTE_IOVA_VA;
	return RTE_IOVA_DC;
}

static struct rte_bus pci_bus = {
	/*
	 * A rescan (rte_bus_scan from the application) keeps known devices and
	 * adds new ones; pci_cleanup empties the list for a later rte_eal_init.
	 */
	.scan = pci_scan,
	.probe = pci_probe,
	.parse = pci_parse,
	.cleanup = pci_cleanup,
	.get_iommu_class = pci_get_iommu_class,
	.devargs_parse = pci_devargs_parse,
};

RTE_REGISTER_BUS(pci, pci_bus);
