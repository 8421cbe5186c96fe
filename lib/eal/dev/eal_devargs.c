/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments: "-a BDF,args", "-b BDF", "--vdev name,args". */
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_pci.h>

#include "eal_private.h"

static TAILQ_HEAD(, rte_devargs) devargs_list = TAILQ_HEAD_INITIALIZER(devargs_list);

__rte_export int
rte_devargs_parse(struct rte_devargs *da, const char *dev)
{
	size_t n;
	const char *comma;

	if (da == NULL || dev == NULL || *dev == '\0')
		return -EINVAL;
	memset(da, 0, sizeof(*da));
	comma = strchr(dev, ',');
	n = comma != NULL ? (size_t)(comma - dev) : strlen(dev);
	if (n == 0 || n >= sizeof(da->name))
		return -EINVAL;
	memcpy(da->name, dev, n);
	da->name[n] = '\0';
	da->data = strdup(dev);
	if (da->data == NULL)
		return -ENOMEM;
	da->args = comma != NULL ? da->data + n + 1 : da->data + n;
	/* Callers such as hotplug need the bus: the one that recognises the name. */
	da->bus = eal_bus_find_by_dev_name(da->name);
	return 0;
}

__rte_export void
rte_devargs_reset(struct rte_devargs *da)
{
	if (da == NULL)
		return;
	free(da->data);
	da->data = NULL;
	da->args = NULL;
}

__rte_export int
rte_devargs_insert(struct rte_devargs **da)
{
	struct rte_devargs *it;

	if (da == NULL || *da == NULL)
		return -EINVAL;
	TAILQ_FOREACH(it, &devargs_list, next) {
		if (strcmp(it->name, (*da)->name) == 0 &&
		    (it->bus_str == NULL) == ((*da)->bus_str == NULL) &&
		    (it->bus_str == NULL || strcmp(it->bus_str, (*da)->bus_str) == 0)) {
			/* Same device named twice: the later arguments win. */
			rte_devargs_reset(it);
			it->data = (*da)->data;
			it->args = (*da)->args;
			it->policy = (*da)->policy;
			it->type = (*da)->type;
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
	if (devtype == RTE_DEVTYPE_VIRTUAL) {
		da->bus_str = "vdev";
	} else {
		struct rte_pci_addr addr;

		/* Keep PCI names in one canonical form: 0000:00:03.0. */
		da->bus_str = "pci";
		if (rte_pci_addr_parse(da->name, &addr) == 0)
			rte_pci_device_name(&addr, da->name, sizeof(da->name));
	}
	da->bus = rte_bus_find_by_name(da->bus_str);
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
		if (strcmp(it->name, devargs->name) == 0 &&
		    (devargs->bus_str == NULL || it->bus_str == NULL ||
		     strcmp(it->bus_str, devargs->bus_str) == 0)) {
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
		fprintf(f, "  [%s]: %s %s\n", it->bus_str ? it->bus_str : "?", it->name,
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
		    (it->bus_str != NULL && strcmp(busname, it->bus_str) == 0))
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
