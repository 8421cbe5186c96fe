/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The "vdev" bus: devices given with --vdev (or rte_vdev_init), matched to
 * drivers by name prefix, as in DPDK: "net_null0" is probed by "net_null".
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bus_driver.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "bus_vdev_driver.h"
#include "eal_private.h"
#include "vdev_private.h"

RTE_LOG_REGISTER(vdev_logtype, bus.vdev, NOTICE);

extern const int sluice_bus_anchor_vdev;
const int sluice_bus_anchor_vdev = 0;

/*
 * A device, and whether we own its devargs (rte_vdev_init) or the EAL does;
 * from_primary: a secondary learnt it from its primary.
 */
struct vdev_device {
	struct rte_vdev_device vdev;
	bool own_devargs;
	bool from_primary;
	char name[RTE_DEV_NAME_MAX_LEN];
};

struct vdev_custom_scan {
	TAILQ_ENTRY(vdev_custom_scan) next;
	rte_vdev_scan_callback cb;
	void *arg;
};

static TAILQ_HEAD(, rte_vdev_driver) vdev_drivers = TAILQ_HEAD_INITIALIZER(vdev_drivers);
static TAILQ_HEAD(, rte_vdev_device) vdev_devices = TAILQ_HEAD_INITIALIZER(vdev_devices);
static TAILQ_HEAD(, vdev_custom_scan) vdev_scans = TAILQ_HEAD_INITIALIZER(vdev_scans);
/* Device list and probing; recursive because a probe may create devices. */
static pthread_mutex_t vdev_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static struct rte_bus vdev_bus;

__rte_export void
rte_vdev_register(struct rte_vdev_driver *driver)
{
	TAILQ_INSERT_TAIL(&vdev_drivers, driver, next);
}

__rte_export void
rte_vdev_unregister(struct rte_vdev_driver *driver)
{
	TAILQ_REMOVE(&vdev_drivers, driver, next);
}

static bool
vdev_name_has_prefix(const char *name, const char *prefix)
{
	return prefix != NULL && strncmp(name, prefix, strlen(prefix)) == 0;
}

static struct rte_vdev_driver *
vdev_find_driver(const char *name)
{
	struct rte_vdev_driver *drv;

	TAILQ_FOREACH(drv, &vdev_drivers, next)
		if (vdev_name_has_prefix(name, drv->driver.name) ||
		    vdev_name_has_prefix(name, drv->driver.alias))
			return drv;
	return NULL;
}

void
vdev_driver_names(char *buf, size_t len)
{
	struct rte_vdev_driver *drv;
	size_t off = 0;

	buf[0] = '\0';
	TAILQ_FOREACH(drv, &vdev_drivers, next) {
		int n = snprintf(buf + off, len - off, "%s%s", off ? ", " : "", drv->driver.name);

		if (n < 0 || (size_t)n >= len - off)
			return;
		off += (size_t)n;
		if (drv->driver.alias != NULL) {
			n = snprintf(buf + off, len - off, " (%s)", drv->driver.alias);
			if (n < 0 || (size_t)n >= len - off)
				return;
			off += (size_t)n;
		}
	}
	if (off == 0)
		strlcpy(buf, "none", len);
}

static struct rte_vdev_device *
vdev_find_device(const char *name)
{
	struct rte_vdev_device *dev;

	TAILQ_FOREACH(dev, &vdev_devices, next)
		if (strcmp(dev->device.name, name) == 0)
			return dev;
	return NULL;
}

static struct vdev_device *
vdev_device_new(struct rte_devargs *da, bool own_devargs)
{
	struct vdev_device *vd = calloc(1, sizeof(*vd));

	if (vd == NULL)
		return NULL;
	strlcpy(vd->name, da->name, sizeof(vd->name));
	vd->own_devargs = own_devargs;
	vd->vdev.device.name = vd->name;
	vd->vdev.device.devargs = da;
	vd->vdev.device.bus = &vdev_bus;
	vd->vdev.device.numa_node = SOCKET_ID_ANY;
	da->bus = &vdev_bus;
	return vd;
}

static void
vdev_device_free(struct rte_vdev_device *dev)
{
	struct vdev_device *vd = container_of(dev, struct vdev_device, vdev);

	if (vd->own_devargs) {
		free(dev->device.devargs->data);
		free(dev->device.devargs);
	}
	free(vd);
}

/* Probe one device; logs the cause of a failure. Caller holds vdev_lock. */
static int
vdev_probe_device(struct rte_vdev_device *dev)
{
	struct rte_vdev_driver *drv;
	char names[256];
	int ret;

	drv = vdev_find_driver(dev->device.name);
	if (drv == NULL) {
		vdev_driver_names(names, sizeof(names));
		VDEV_LOG(ERR, "no driver for virtual device '%s': its name must start with "
			 "a vdev driver name: %s\n", dev->device.name, names);
		return -EINVAL;
	}
	dev->device.driver = &drv->driver;
	ret = drv->probe(dev);
	if (ret != 0) {
		dev->device.driver = NULL;
		VDEV_LOG(DEBUG, "%s: probe failed (%d)\n", dev->device.name, ret);
		return ret < 0 ? ret : -EINVAL;
	}
	return 0;
}

static int vdev_add_from_primary(const char *name);

static int
vdev_scan(void)
{
	struct vdev_custom_scan *cs;
	struct rte_devargs *da;
	int ret = 0;

	TAILQ_FOREACH(cs, &vdev_scans, next)
		cs->cb(cs->arg);
	/* as in DPDK, a secondary sees the primary's devices without --vdev */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		ret = vdev_mp_scan(vdev_add_from_primary);
	else
		vdev_mp_serve();

	pthread_mutex_lock(&vdev_lock);
	RTE_EAL_DEVARGS_FOREACH("vdev", da) {
		struct vdev_device *vd;

		if (vdev_find_device(da->name) != NULL)
			continue;
		vd = vdev_device_new(da, false);
		if (vd == NULL) {
			VDEV_LOG(ERR, "no memory for virtual device %s\n", da->name);
			ret = -ENOMEM;
			break;
		}
		TAILQ_INSERT_TAIL(&vdev_devices, &vd->vdev, next);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

static int
vdev_probe(void)
{
	struct rte_vdev_device *dev;
	int ret = 0;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH(dev, &vdev_devices, next) {
		if (dev->device.driver != NULL)
			continue;
		ret = vdev_probe_device(dev);
		if (ret != 0 && container_of(dev, struct vdev_device, vdev)->from_primary) {
			/* the secondary goes on without that port */
			VDEV_LOG(NOTICE, "%s of the primary is not attached here: its driver "
				 "does not run in a secondary process\n", dev->device.name);
			ret = 0;
		}
		if (ret != 0)
			break;
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

static int
vdev_remove_device(struct rte_vdev_device *dev)
{
	const struct rte_vdev_driver *drv;
	int ret = 0;

	if (dev->device.driver != NULL) {
		drv = container_of(dev->device.driver, const struct rte_vdev_driver, driver);
		if (drv->remove != NULL)
			ret = drv->remove(dev);
	}
	return ret;
}

static int
vdev_cleanup(void)
{
	struct rte_vdev_device *dev;
	int ret = 0;

	pthread_mutex_lock(&vdev_lock);
	while ((dev = TAILQ_FIRST(&vdev_devices)) != NULL) {
		int r = vdev_remove_device(dev);

		if (r != 0)
			ret = r;
		TAILQ_REMOVE(&vdev_devices, dev, next);
		vdev_device_free(dev);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

static int
vdev_parse(const char *name, void *addr)
{
	const struct rte_vdev_driver *drv = vdev_find_driver(name);

	if (drv == NULL)
		return 1;
	if (addr != NULL)
		*(const struct rte_vdev_driver **)addr = drv;
	return 0;
}

/*
 * A new device of name with its own devargs, not yet listed; NULL with a
 * line logged (name), or on ENOMEM. Caller holds vdev_lock.
 */
static struct vdev_device *
vdev_device_new_named(const char *name, const char *args, int *err)
{
	struct rte_devargs *da;
	struct vdev_device *vd;

	*err = -EINVAL;
	if (name == NULL || name[0] == '\0' || strlen(name) >= RTE_DEV_NAME_MAX_LEN) {
		VDEV_LOG(ERR, "virtual device name must be 1..%d characters\n",
			 RTE_DEV_NAME_MAX_LEN - 1);
		return NULL;
	}
	*err = -EEXIST;
	if (vdev_find_device(name) != NULL) {
		VDEV_LOG(ERR, "virtual device %s already exists\n", name);
		return NULL;
	}
	*err = -ENOMEM;
	da = calloc(1, sizeof(*da));
	if (da == NULL)
		return NULL;
	da->data = strdup(args != NULL ? args : "");
	if (da->data == NULL) {
		free(da);
		return NULL;
	}
	da->args = da->data;
	da->type = RTE_DEVTYPE_VIRTUAL;
	da->policy = RTE_DEV_ALLOWED;
	da->bus = &vdev_bus;
	strlcpy(da->name, name, sizeof(da->name));
	vd = vdev_device_new(da, true);
	if (vd == NULL) {
		free(da->data);
		free(da);
		return NULL;
	}
	*err = 0;
	return vd;
}

__rte_export int
rte_vdev_init(const char *name, const char *args)
{
	struct vdev_device *vd;
	int ret;

	pthread_mutex_lock(&vdev_lock);
	vd = vdev_device_new_named(name, args, &ret);
	if (vd != NULL) {
		ret = vdev_probe_device(&vd->vdev);
		if (ret == 0)
			TAILQ_INSERT_TAIL(&vdev_devices, &vd->vdev, next);
		else
			vdev_device_free(&vd->vdev);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

/* A secondary: list a device of its primary, probed (attached) with the others. */
static int
vdev_add_from_primary(const char *name)
{
	struct vdev_device *vd;
	int ret = 0;

	pthread_mutex_lock(&vdev_lock);
	if (vdev_find_device(name) == NULL) {
		vd = vdev_device_new_named(name, NULL, &ret);
		if (vd != NULL) {
			vd->from_primary = true;
			TAILQ_INSERT_TAIL(&vdev_devices, &vd->vdev, next);
		}
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

bool
vdev_device_name_at(unsigned int i, char *name, size_t len, unsigned int *count)
{
	struct rte_vdev_device *dev;
	unsigned int n = 0;
	bool found = false;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH(dev, &vdev_devices, next) {
		if (dev->device.driver == NULL)
			continue;
		if (n++ == i) {
			strlcpy(name, dev->device.name, len);
			found = true;
		}
	}
	pthread_mutex_unlock(&vdev_lock);
	*count = n;
	return found;
}

__rte_export int
rte_vdev_uninit(const char *name)
{
	struct rte_vdev_device *dev;
	int ret;

	if (name == NULL)
		return -EINVAL;
	pthread_mutex_lock(&vdev_lock);
	dev = vdev_find_device(name);
	if (dev == NULL) {
		pthread_mutex_unlock(&vdev_lock);
		return -ENOENT;
	}
	ret = vdev_remove_device(dev);
	if (ret == 0) {
		TAILQ_REMOVE(&vdev_devices, dev, next);
		vdev_device_free(dev);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

__rte_export int
rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg)
{
	struct vdev_custom_scan *cs;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH(cs, &vdev_scans, next) {
		if (cs->cb == callback && cs->arg == user_arg) {
			pthread_mutex_unlock(&vdev_lock);
			return 0;
		}
	}
	cs = calloc(1, sizeof(*cs));
	if (cs == NULL) {
		pthread_mutex_unlock(&vdev_lock);
		return -ENOMEM;
	}
	cs->cb = callback;
	cs->arg = user_arg;
	TAILQ_INSERT_TAIL(&vdev_scans, cs, next);
	pthread_mutex_unlock(&vdev_lock);
	return 0;
}

__rte_export int
rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg)
{
	struct vdev_custom_scan *cs;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH(cs, &vdev_scans, next) {
		if (cs->cb == callback && (user_arg == (void *)-1 || cs->arg == user_arg)) {
			TAILQ_REMOVE(&vdev_scans, cs, next);
			free(cs);
			pthread_mutex_unlock(&vdev_lock);
			return 0;
		}
	}
	pthread_mutex_unlock(&vdev_lock);
	return -1;
}

static struct rte_bus vdev_bus = {
	.scan = vdev_scan,
	.probe = vdev_probe,
	.parse = vdev_parse,
	.cleanup = vdev_cleanup,
	.plug = rte_vdev_init,
	.unplug = rte_vdev_uninit,
};

RTE_REGISTER_BUS(vdev, vdev_bus);
