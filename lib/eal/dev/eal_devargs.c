/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments: "-a BDF,args", "-b BDF", "--vdev name,args". */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_pci.h>

#include "eal_private.h"

static TAILQ_HEAD(, rte_devargs) devargs_list = TAILQ_HEAD_INITIALIZER(devargs_list);

/*
 * "pci:0000:00:01.0": the bus named before the first ':' when it accepts what
 * follows as one of its device names; *devname then points after the ':'.
 */
static struct rte_bus *
devargs_bus_prefix(const char *dev, const char **devname)
{
	const char *colon = strchr(dev, ':');
	char prefix[RTE_DEV_NAME_MAX_LEN];
	struct rte_bus *bus;
	size_t n;

	*devname = dev;
	if (colon == NULL || (size_t)(colon - dev) >= sizeof(prefix))
		return NULL;
	n = (size_t)(colon - dev);
	memcpy(prefix, dev, n);
	prefix[n] = '\0';
	bus = rte_bus_find_by_name(prefix);
	if (bus == NULL || bus->parse == NULL)
		return NULL;
	/* the name ends at the first comma */
	n = strcspn(colon + 1, ",");
	if (n == 0 || n >= RTE_DEV_NAME_MAX_LEN)
		return NULL;
	memcpy(prefix, colon + 1, n);
	prefix[n] = '\0';
	if (bus->parse(prefix, NULL) != 0)
		return NULL;
	*devname = colon + 1;
	return bus;
}

/* "[bus:]name[,args]" */
static int
devargs_legacy_parse(struct rte_devargs *da, const char *dev)
{
	struct rte_bus *bus;
	const char *devname;
	size_t n;

	bus = devargs_bus_prefix(dev, &devname);
	n = strcspn(devname, ",");
	if (n == 0 || n >= sizeof(da->name))
		return -EINVAL;
	memcpy(da->name, devname, n);
	da->name[n] = '\0';
	da->data = strdup(dev);
	if (da->data == NULL)
		return -ENOMEM;
	da->args = da->data + (devname - dev) + n + (devname[n] == ',');
	/* Callers such as hotplug need the bus: the one that recognises the name. */
	da->bus = bus != NULL ? bus : eal_bus_find_by_dev_name(da->name);
	return 0;
}

__rte_export int
rte_devargs_parse(struct rte_devargs *da, const char *dev)
{
	if (da == NULL || dev == NULL || *dev == '\0')
		return -EINVAL;
	memset(da, 0, sizeof(*da));
	if (eal_devargs_is_layered(dev))
		return eal_devargs_layers_parse(da, dev);
	return devargs_legacy_parse(da, dev);
}

__rte_export void
rte_devargs_reset(struct rte_devargs *da)
{
	if (da == NULL)
		return;
	free(da->data);
	da->data = NULL;
	da->args = NULL;
	da->bus_str = NULL;
	da->cls_str = NULL;
}

/* Whether a and b name the same device (a NULL bus matches any). */
static bool
devargs_same_device(const struct rte_devargs *a, const struct rte_devargs *b)
{
	return strcmp(a->name, b->name) == 0 &&
	       (a->bus == NULL || b->bus == NULL || a->bus == b->bus);
}

__rte_export int
rte_devargs_insert(struct rte_devargs **da)
{
	struct rte_devargs *it;

	if (da == NULL || *da == NULL)
		return -EINVAL;
	TAILQ_FOREACH(it, &devargs_list, next) {
		if (it->bus == (*da)->bus && strcmp(it->name, (*da)->name) == 0) {
			/* Same device named twice: the later arguments win. */
			struct rte_devargs later = **da;

			later.next = it->next;
			rte_devargs_reset(it);
			*it = later;
			free(*da);
			*da = it;
			return 0;
		}
	}
	TAILQ_INSERT_TAIL(&devargs_list, *da, next);
	return 0;
}

__rte_export int
rte_devargs_add(enum rte_devtype devtype, const char *devargs_str)
{
	struct rte_devargs *da = calloc(1, sizeof(*da));
	int ret;

	if (da == NULL)
		return -ENOMEM;
	ret = rte_devargs_parse(da, devargs_str);
	if (ret < 0) {
		free(da);
		return ret;
	}
	da->type = devtype;
	da->policy = devtype == RTE_DEVTYPE_BLOCKED ? RTE_DEV_BLOCKED : RTE_DEV_ALLOWED;
	if (da->bus_str == NULL && da->cls_str == NULL) {
		struct rte_pci_addr addr;

		/* Legacy syntax: --vdev names a virtual device, -a and -b a PCI one. */
		da->bus = rte_bus_find_by_name(devtype == RTE_DEVTYPE_VIRTUAL ? "vdev" : "pci");
		/* Keep PCI names in one canonical form: 0000:00:03.0. */
		if (devtype != RTE_DEVTYPE_VIRTUAL && rte_pci_addr_parse(da->name, &addr) == 0)
			rte_pci_device_name(&addr, da->name, sizeof(da->name));
	}
	if (da->bus == NULL || da->name[0] == '\0') {
		RTE_LOG(ERR, EAL, "device \"%s\" names no %s; give bus=pci,addr=BDF or "
			"bus=vdev,name=NAME\n", devargs_str, da->bus == NULL ? "bus" : "device");
		rte_devargs_reset(da);
		free(da);
		return -EINVAL;
	}
	return rte_devargs_insert(&da);
}

int
eal_devargs_add_arg(int type, const char *arg)
{
	int ret = rte_devargs_add((enum rte_devtype)type, arg);

	if (ret < 0) {
		rte_errno = -ret;
		return -1;
	}
	return 0;
}

__rte_export int
rte_devargs_remove(struct rte_devargs *devargs)
{
	struct rte_devargs *it, *tmp;

	if (devargs == NULL)
		return -EINVAL;
	TAILQ_FOREACH_SAFE(it, &devargs_list, next, tmp) {
		if (devargs_same_device(it, devargs)) {
			TAILQ_REMOVE(&devargs_list, it, next);
			rte_devargs_reset(it);
			free(it);
			return 0;
		}
	}
	return 1;
}

__rte_export unsigned int
rte_devargs_type_count(enum rte_devtype devtype)
{
	struct rte_devargs *it;
	unsigned int n = 0;

	TAILQ_FOREACH(it, &devargs_list, next)
		n += it->type == devtype;
	return n;
}

__rte_export void
rte_devargs_dump(FILE *f)
{
	struct rte_devargs *it;

	fprintf(f, "User device list:\n");
	TAILQ_FOREACH(it, &devargs_list, next)
		fprintf(f, "  [%s]: %s %s\n", it->bus != NULL ? rte_bus_name(it->bus) : "?", it->name,
			it->args ? it->args : "");
}

__rte_export struct rte_devargs *
rte_devargs_next(const char *busname, const struct rte_devargs *start)
{
	struct rte_devargs *it;

	if (start != NULL)
		it = TAILQ_NEXT(start, next);
	else
		it = TAILQ_FIRST(&devargs_list);
	while (it != NULL) {
		if (busname == NULL ||
		    (it->bus != NULL && strcmp(busname, rte_bus_name(it->bus)) == 0))
			return it;
		it = TAILQ_NEXT(it, next);
	}
	return NULL;
}

void
eal_devargs_free_all(void)
{
	struct rte_devargs *it;

	while ((it = TAILQ_FIRST(&devargs_list)) != NULL) {
		TAILQ_REMOVE(&devargs_list, it, next);
		rte_devargs_reset(it);
		free(it);
	}
}
