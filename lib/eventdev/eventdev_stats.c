/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The parts of the event device API that only pass through to the driver:
 * extended statistics, dump, selftest, the scheduling service, dequeue
 * timeouts, and the adapters' capability queries.
 */
#include <errno.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_eventdev.h>

#include "eal_private.h"
#include "eventdev_pmd.h"
#include "eventdev_private.h"

__rte_export int
rte_event_dev_service_id_get(uint8_t dev_id, uint32_t *service_id)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_service_id_get");

	if (dev == NULL || service_id == NULL)
		return -EINVAL;
	if (!dev->has_service)
		return -ESRCH;
	*service_id = dev->service_id;
	return 0;
}

__rte_export int
rte_event_dev_dump(uint8_t dev_id, FILE *f)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_dump");

	if (dev == NULL || f == NULL)
		return -EINVAL;
	fprintf(f, "event device %u (%s, driver %s): %s, %u queues, %u ports, %d events\n", dev_id,
		dev->name, dev->driver_name,
		dev->started	  ? "started"
		: dev->configured ? "configured"
				  : "not configured",
		dev->conf.nb_event_queues, dev->conf.nb_event_ports, dev->conf.nb_events_limit);
	if (dev->dev_ops->dump != NULL && dev->configured)
		dev->dev_ops->dump(dev, f);
	return 0;
}

__rte_export int
rte_event_dev_xstats_names_get(uint8_t dev_id, enum rte_event_dev_xstats_mode mode,
			       uint8_t queue_port_id, struct rte_event_dev_xstats_name *names,
			       unsigned int *ids, unsigned int size)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_xstats_names_get");

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->xstats_get_names == NULL || !dev->configured)
		return -ENOTSUP;
	return dev->dev_ops->xstats_get_names(dev, mode, queue_port_id, names, ids, size);
}

__rte_export int
rte_event_dev_xstats_get(uint8_t dev_id, enum rte_event_dev_xstats_mode mode, uint8_t queue_port_id,
			 const unsigned int ids[], uint64_t values[], unsigned int n)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_xstats_get");

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->xstats_get == NULL || !dev->configured)
		return -ENOTSUP;
	if (n > 0 && (ids == NULL || values == NULL))
		return -EINVAL;
	return dev->dev_ops->xstats_get(dev, mode, queue_port_id, ids, values, n);
}

__rte_export uint64_t
rte_event_dev_xstats_by_name_get(uint8_t dev_id, const char *name, unsigned int *id)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_xstats_by_name_get");
	unsigned int unused;

	if (id == NULL)
		id = &unused;
	*id = (unsigned int)-1;
	if (dev == NULL || name == NULL)
		return (uint64_t)-EINVAL;
	if (dev->dev_ops->xstats_get_by_name == NULL || !dev->configured)
		return (uint64_t)-ENOTSUP;
	return dev->dev_ops->xstats_get_by_name(dev, name, id);
}

__rte_export int
rte_event_dev_xstats_reset(uint8_t dev_id, enum rte_event_dev_xstats_mode mode,
			   int16_t queue_port_id, const uint32_t ids[], uint32_t nb_ids)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_xstats_reset");

	if (dev == NULL)
		return -EINVAL;
	if (dev->dev_ops->xstats_reset == NULL || !dev->configured)
		return -ENOTSUP;
	return dev->dev_ops->xstats_reset(dev, mode, queue_port_id, ids, nb_ids);
}

__rte_export int
rte_event_dev_selftest(uint8_t dev_id)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_selftest");

	if (dev == NULL)
		return -EINVAL;
	if (dev->dev_ops->dev_selftest == NULL)
		return -ENOTSUP;
	return dev->dev_ops->dev_selftest();
}

__rte_export int
rte_event_dequeue_timeout_ticks(uint8_t dev_id, uint64_t ns, uint64_t *ticks)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dequeue_timeout_ticks");

	if (dev == NULL || ticks == NULL)
		return -EINVAL;
	if (dev->dev_ops->timeout_ticks == NULL)
		return -ENOTSUP;
	return dev->dev_ops->timeout_ticks(dev, ns, ticks);
}

/* Software devices have no internal port to any other device: every
 * adapter does its work in a service, which is caps 0. */
static int
evdev_caps_none(uint8_t dev_id, uint32_t *caps, const char *what)
{
	if (evdev_get(dev_id, what) == NULL || caps == NULL)
		return -EINVAL;
	*caps = 0;
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_caps_get(uint8_t dev_id, uint16_t eth_port_id, uint32_t *caps)
{
	if (!rte_eth_dev_is_valid_port(eth_port_id))
		return -EINVAL;
	return evdev_caps_none(dev_id, caps, "rte_event_eth_rx_adapter_caps_get");
}

__rte_export int
rte_event_eth_tx_adapter_caps_get(uint8_t dev_id, uint16_t eth_port_id, uint32_t *caps)
{
	if (!rte_eth_dev_is_valid_port(eth_port_id))
		return -EINVAL;
	return evdev_caps_none(dev_id, caps, "rte_event_eth_tx_adapter_caps_get");
}

__rte_export int
rte_event_timer_adapter_caps_get(uint8_t dev_id, uint32_t *caps)
{
	return evdev_caps_none(dev_id, caps, "rte_event_timer_adapter_caps_get");
}

__rte_export int
rte_event_crypto_adapter_caps_get(uint8_t dev_id, uint8_t cdev_id __rte_unused, uint32_t *caps)
{
	/* there are no crypto devices to adapt */
	if (evdev_get(dev_id, "rte_event_crypto_adapter_caps_get") == NULL || caps == NULL)
		return -EINVAL;
	return -ENOTSUP;
}

/* Each pool element: the vector header, then nb_elem pointers. */
static void
evdev_vector_init(struct rte_mempool *mp __rte_unused, void *arg, void *obj,
		  unsigned int idx __rte_unused)
{
	struct rte_event_vector *vec = obj;

	memset(vec, 0, sizeof(*vec));
	vec->nb_elem = (uint16_t)(uintptr_t)arg;
}

__rte_export struct rte_mempool *
rte_event_vector_pool_create(const char *name, unsigned int n, unsigned int cache_size,
			     uint16_t nb_elem, int socket_id)
{
	size_t elt_size = sizeof(struct rte_event_vector) + (size_t)nb_elem * sizeof(uintptr_t);

	if (nb_elem == 0) {
		EVDEV_LOG(ERR, "rte_event_vector_pool_create: %s: nb_elem must be at least 1\n",
			  name != NULL ? name : "(no name)");
		rte_errno = EINVAL;
		return NULL;
	}
	return rte_mempool_create(name, n, (unsigned int)elt_size, cache_size, 0, NULL, NULL,
				  evdev_vector_init, (void *)(uintptr_t)nb_elem, socket_id, 0);
}
