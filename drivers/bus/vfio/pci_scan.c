/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Finding PCI devices in sysfs: ids, class, NUMA node, BARs, the kernel
 * driver bound now and the IOMMU group. -a/-b decide which are kept.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "pci_private.h"

struct pci_device_list pci_device_list = TAILQ_HEAD_INITIALIZER(pci_device_list);

static char sysfs_root[PATH_MAX] = "/sys";

int
pci_fmt(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

void
pci_sysfs_root_set(const char *root)
{
	pci_fmt(sysfs_root, sizeof(sysfs_root), "%s", root != NULL ? root : "/sys");
}

const char *
pci_sysfs_root(void)
{
	return sysfs_root;
}

/* Read a file holding one number (decimal or 0x-hex); -errno. */
static int
sysfs_read_ulong(const char *dir, const char *file, unsigned long *val)
{
	char path[PATH_MAX], buf[64], *end;
	FILE *f;

	pci_fmt(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "r");
	if (f == NULL)
		return -errno;
	if (fgets(buf, sizeof(buf), f) == NULL) {
		fclose(f);
		return -EIO;
	}
	fclose(f);
	errno = 0;
	*val = strtoul(buf, &end, 0);
	if (errno != 0 || end == buf)
		return -EINVAL;
	return 0;
}

/* basename of the symlink dir/link into out ("" when absent). */
static void
sysfs_link_name(const char *dir, const char *link, char *out, size_t len)
{
	char path[PATH_MAX], target[PATH_MAX];
	ssize_t n;
	const char *base;

	out[0] = '\0';
	pci_fmt(path, sizeof(path), "%s/%s", dir, link);
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return;
	target[n] = '\0';
	base = strrchr(target, '/');
	pci_fmt(out, len, "%s", base != NULL ? base + 1 : target);
}

/* "start end flags" per line; lines past the six BARs are ROM and bridges. */
static int
pci_parse_resources(const char *dir, struct pci_dev_priv *p)
{
	char path[PATH_MAX], line[256];
	FILE *f;

	pci_fmt(path, sizeof(path), "%s/resource", dir);
	f = fopen(path, "r");
	if (f == NULL)
		return -errno;
	for (int i = 0; i < PCI_MAX_RESOURCE && fgets(line, sizeof(line), f) != NULL; i++) {
		uint64_t start, end, flags;

		if (sscanf(line, "%" SCNx64 " %" SCNx64 " %" SCNx64, &start, &end, &flags) != 3) {
			fclose(f);
			return -EINVAL;
		}
		p->bar_flags[i] = flags;
		if (flags != 0 && end >= start) {
			p->pdev.mem_resource[i].phys_addr = start;
			p->pdev.mem_resource[i].len = end - start + 1;
		}
	}
	fclose(f);
	return 0;
}

struct rte_devargs *
pci_devargs_lookup(const struct rte_pci_addr *addr)
{
	struct rte_devargs *da;

	RTE_EAL_DEVARGS_FOREACH("pci", da) {
		struct rte_pci_addr a;

		if (rte_pci_addr_parse(da->name, &a) == 0 && rte_pci_addr_cmp(&a, addr) == 0)
			return da;
	}
	return NULL;
}

/* As DPDK: with any -a, only allowed devices; otherwise all but -b ones. */
static bool
pci_ignored(const struct rte_pci_addr *addr)
{
	struct rte_devargs *da = pci_devargs_lookup(addr);

	if (rte_devargs_type_count(RTE_DEVTYPE_ALLOWED) > 0)
		return da == NULL || da->policy != RTE_DEV_ALLOWED;
	return da != NULL && da->policy == RTE_DEV_BLOCKED;
}

static struct rte_pci_device *
pci_device_find(const struct rte_pci_addr *addr)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_device_list, next)
		if (rte_pci_addr_cmp(&dev->addr, addr) == 0)
			return dev;
	return NULL;
}

/*
 * A rescan read a device that is already listed. A probed or open one stays
 * as it is: its driver, ethdev and interrupt thread hold pointers into it.
 * Otherwise take what sysfs says now (devbind may have moved it to
 * vfio-pci since the last scan).
 */
static void
pci_dev_update(struct pci_dev_priv *known, const struct pci_dev_priv *now)
{
	struct rte_pci_device *dev = &known->pdev;

	if (dev->driver != NULL || known->dev_fd >= 0)
		return;
	dev->id = now->pdev.id;
	dev->max_vfs = now->pdev.max_vfs;
	dev->kdrv = now->pdev.kdrv;
	dev->device.numa_node = now->pdev.device.numa_node;
	memcpy(dev->mem_resource, now->pdev.mem_resource, sizeof(dev->mem_resource));
	memcpy(known->bar_flags, now->bar_flags, sizeof(known->bar_flags));
	memcpy(known->kdrv_name, now->kdrv_name, sizeof(known->kdrv_name));
	known->iommu_group = now->iommu_group;
	known->devargs = now->devargs;
	dev->device.devargs = now->devargs;
}

static int
pci_scan_one(const char *dir, const struct rte_pci_addr *addr)
{
	struct pci_dev_priv *p = calloc(1, sizeof(*p));
	struct rte_pci_device *dev, *it;
	unsigned long v;
	char group[32];
	int ret;

	if (p == NULL)
		return -ENOMEM;
	dev = &p->pdev;
	p->dev_fd = -1;
	dev->addr = *addr;
	rte_pci_device_name(addr, dev->name, sizeof(dev->name));
	if ((ret = sysfs_read_ulong(dir, "vendor", &v)) < 0)
		goto fail;
	dev->id.vendor_id = (uint16_t)v;
	if ((ret = sysfs_read_ulong(dir, "device", &v)) < 0)
		goto fail;
	dev->id.device_id = (uint16_t)v;
	/* Older kernels or fake trees may lack these: treat as "any". */
	dev->id.subsystem_vendor_id = sysfs_read_ulong(dir, "subsystem_vendor", &v) == 0 ?
		(uint16_t)v : 0;
	dev->id.subsystem_device_id = sysfs_read_ulong(dir, "subsystem_device", &v) == 0 ?
		(uint16_t)v : 0;
	dev->id.class_id = sysfs_read_ulong(dir, "class", &v) == 0 ?
		(uint32_t)v & RTE_CLASS_ANY_ID : 0;
	dev->max_vfs = sysfs_read_ulong(dir, "sriov_numvfs", &v) == 0 ? (uint16_t)v : 0;
	if (sysfs_read_ulong(dir, "numa_node", &v) == 0 && (long)v >= 0)
		dev->device.numa_node = (int)v;
	else
		dev->device.numa_node = SOCKET_ID_ANY;
	if ((ret = pci_parse_resources(dir, p)) < 0)
		goto fail;

	sysfs_link_name(dir, "driver", p->kdrv_name, sizeof(p->kdrv_name));
	if (p->kdrv_name[0] == '\0')
		dev->kdrv = RTE_PCI_KDRV_NONE;
	else if (strcmp(p->kdrv_name, "vfio-pci") == 0)
		dev->kdrv = RTE_PCI_KDRV_VFIO;
	else if (strcmp(p->kdrv_name, "igb_uio") == 0)
		dev->kdrv = RTE_PCI_KDRV_IGB_UIO;
	else if (strcmp(p->kdrv_name, "uio_pci_generic") == 0)
		dev->kdrv = RTE_PCI_KDRV_UIO_GENERIC;
	else
		dev->kdrv = RTE_PCI_KDRV_UNKNOWN;
	sysfs_link_name(dir, "iommu_group", group, sizeof(group));
	p->iommu_group = group[0] != '\0' ? atoi(group) : -1;

	p->devargs = pci_devargs_lookup(addr);
	dev->device.devargs = p->devargs;
	dev->device.name = dev->name;

	it = pci_device_find(addr);
	if (it != NULL) {
		pci_dev_update(pci_priv(it), p);
		free(p);
		return 0;
	}
	/* Keep the list sorted by address, as DPDK does: probe order is stable. */
	TAILQ_FOREACH(it, &pci_device_list, next) {
		if (rte_pci_addr_cmp(&dev->addr, &it->addr) < 0) {
			TAILQ_INSERT_BEFORE(it, dev, next);
			return 0;
		}
	}
	TAILQ_INSERT_TAIL(&pci_device_list, dev, next);
	return 0;

fail:
	free(p);
	return ret;
}

int
pci_scan(void)
{
	char path[PATH_MAX];
	struct dirent *e;
	DIR *d;

	pci_fmt(path, sizeof(path), "%s/bus/pci/devices", sysfs_root);
	d = opendir(path);
	if (d == NULL) {
		/* No PCI at all (a container, some VMs): nothing to probe. */
		PCI_LOG(DEBUG, "%s: %s, no PCI devices\n", path, strerror(errno));
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		struct rte_pci_addr addr;
		char dir[PATH_MAX];
		int ret;

		if (e->d_name[0] == '.' || rte_pci_addr_parse(e->d_name, &addr) != 0)
			continue;
		if (pci_ignored(&addr))
			continue;
		pci_fmt(dir, sizeof(dir), "%s/%s", path, e->d_name);
		ret = pci_scan_one(dir, &addr);
		if (ret == -ENOMEM) {
			closedir(d);
			PCI_LOG(ERR, "out of memory while scanning PCI devices\n");
			return ret;
		}
		if (ret < 0)
			PCI_LOG(WARNING, "%s: unreadable sysfs entry (%s), skipped\n", e->d_name,
				strerror(-ret));
	}
	closedir(d);
	return 0;
}

void
pci_devices_free(void)
{
	struct rte_pci_device *dev;

	while ((dev = TAILQ_FIRST(&pci_device_list)) != NULL) {
		TAILQ_REMOVE(&pci_device_list, dev, next);
		free(pci_priv(dev));
	}
}

__rte_export void
rte_pci_dump(FILE *f)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_device_list, next) {
		struct pci_dev_priv *p = pci_priv(dev);

		fprintf(f, "%s %04x:%04x class %06x numa %d drv %s group %d%s\n", dev->name,
			dev->id.vendor_id, dev->id.device_id, dev->id.class_id,
			dev->device.numa_node, p->kdrv_name[0] ? p->kdrv_name : "none",
			p->iommu_group, dev->driver != NULL ? " probed" : "");
		for (int i = 0; i < PCI_MAX_RESOURCE; i++)
			if (dev->mem_resource[i].len != 0)
				fprintf(f, "   BAR%d 0x%" PRIx64 " len 0x%" PRIx64 " va %p\n", i,
					dev->mem_resource[i].phys_addr,
					dev->mem_resource[i].len, dev->mem_resource[i].addr);
	}
}
