/* SPDX-License-Identifier: BSD-3-Clause */
/* What virtual device drivers implement. Installed for out-of-tree drivers. */
#ifndef BUS_VDEV_DRIVER_H
#define BUS_VDEV_DRIVER_H

#include <stdint.h>
#include <sys/queue.h>

#include <dev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_kvargs.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_vdev_device {
	TAILQ_ENTRY(rte_vdev_device) next;
	struct rte_device device;
};

#define RTE_DEV_TO_VDEV(ptr) container_of(ptr, struct rte_vdev_device, device)
#define RTE_DEV_TO_VDEV_CONST(ptr) container_of(ptr, const struct rte_vdev_device, device)
#define RTE_ETH_DEV_TO_VDEV(eth_dev) RTE_DEV_TO_VDEV((eth_dev)->device)

static inline const char *
rte_vdev_device_name(const struct rte_vdev_device *dev)
{
	return dev != NULL ? dev->device.name : NULL;
}

/* The text after the device name's first comma; "" if none. */
static inline const char *
rte_vdev_device_args(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.devargs != NULL && dev->device.devargs->args != NULL)
		return dev->device.devargs->args;
	return "";
}

typedef int (rte_vdev_probe_t)(struct rte_vdev_device *dev);
typedef int (rte_vdev_remove_t)(struct rte_vdev_device *dev);
typedef int (rte_vdev_dma_map_t)(struct rte_vdev_device *dev, void *addr, uint64_t iova,
				 size_t len);
typedef int (rte_vdev_dma_unmap_t)(struct rte_vdev_device *dev, void *addr, uint64_t iova,
				   size_t len);

struct rte_vdev_driver {
	TAILQ_ENTRY(rte_vdev_driver) next;
	struct rte_driver driver;
	rte_vdev_probe_t *probe;
	rte_vdev_remove_t *remove;
	rte_vdev_dma_map_t *dma_map;
	rte_vdev_dma_unmap_t *dma_unmap;
	uint32_t drv_flags;
};

void rte_vdev_register(struct rte_vdev_driver *driver);
void rte_vdev_unregister(struct rte_vdev_driver *driver);

/*
 * Register a vdev driver named nm; devices named nm<anything> use it. It
 * also defines sluice_pmd_anchor_<nm>: linking with -Wl,-u,<that> keeps the
 * driver in a static link.
 */
#define RTE_PMD_REGISTER_VDEV(nm, vdrv) \
static const char *vdrvinit_ ## nm ## _alias; \
extern const int sluice_pmd_anchor_ ## nm; \
const int sluice_pmd_anchor_ ## nm = 0; \
RTE_INIT(vdrvinitfn_ ## vdrv) \
{ \
	(vdrv).driver.name = RTE_STR(nm); \
	(vdrv).driver.alias = vdrvinit_ ## nm ## _alias; \
	rte_vdev_register(&vdrv); \
}

/* A second name prefix for the driver (e.g. eth_null for net_null). */
#undef RTE_PMD_REGISTER_ALIAS	/* rte_dev.h has a no-op one; vdev's is real */
#define RTE_PMD_REGISTER_ALIAS(nm, alias) \
static const char *vdrvinit_ ## nm ## _alias = RTE_STR(alias)

/*
 * Sluice helper: parse dev's args against valid_keys (NULL-terminated).
 * An unknown key or malformed text logs one line that names the device,
 * the key and the valid keys; then NULL with rte_errno EINVAL. No args
 * give an empty list.
 */
struct rte_kvargs *rte_vdev_kvargs_parse(const struct rte_vdev_device *dev,
					 const char *const valid_keys[]);

/*
 * Sluice helper: log "<dev>: invalid value '<value>' for '<key>': <expected>"
 * and return -EINVAL; for kvargs handlers.
 */
int rte_vdev_arg_invalid(const char *dev_name, const char *key, const char *value,
			 const char *expected);

#ifdef __cplusplus
}
#endif

#endif
