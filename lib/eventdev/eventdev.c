/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event device registry and control path: configure, queues, ports, links,
 * start and stop. Every argument is checked here against what the driver
 * reports in info_get, so drivers only see valid calls. The fast path is
 * the driver's, reached through rte_event_fp_ops, which holds stubs that
 * do nothing while a device is not started.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_eventdev.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "eventdev_pmd.h"
#include "eventdev_private.h"

RTE_LOG_REGISTER(eventdev_logtype, lib.eventdev, INFO);

static struct rte_eventdev *evdev_devices[RTE_EVENT_MAX_DEVS];

/* Ports of a device that is not started: all NULL. */
static void *evdev_no_ports[RTE_EVENT_MAX_PORTS_PER_DEV];

static uint16_t
evdev_stub_enqueue(void *port __rte_unused, const struct rte_event *ev __rte_unused)
{
	rte_errno = EINVAL; /* not started */
	return 0;
}

static uint16_t
evdev_stub_enqueue_burst(void *port __rte_unused, const struct rte_event ev[] __rte_unused,
			 uint16_t n __rte_unused)
{
	rte_errno = EINVAL;
	return 0;
}

static uint16_t
evdev_stub_dequeue(void *port __rte_unused, struct rte_event *ev __rte_unused,
		   uint64_t t __rte_unused)
{
	return 0;
}

static uint16_t
evdev_stub_dequeue_burst(void *port __rte_unused, struct rte_event ev[] __rte_unused,
			 uint16_t n __rte_unused, uint64_t t __rte_unused)
{
	return 0;
}

static uint16_t
evdev_stub_txa_enqueue(void *port __rte_unused, struct rte_event ev[] __rte_unused,
		       uint16_t n __rte_unused)
{
	rte_errno = EINVAL;
	return 0;
}

#define EVDEV_FP_STUB                                                                             \
	{                                                                                         \
		.data = evdev_no_ports, .enqueue = evdev_stub_enqueue,                            \
		.enqueue_burst = evdev_stub_enqueue_burst,                                        \
		.enqueue_new_burst = evdev_stub_enqueue_burst,                                    \
		.enqueue_forward_burst = evdev_stub_enqueue_burst, .dequeue = evdev_stub_dequeue, \
		.dequeue_burst = evdev_stub_dequeue_burst, .txa_enqueue = evdev_stub_txa_enqueue, \
		.txa_enqueue_same_dest = evdev_stub_txa_enqueue,                                  \
		.ca_enqueue = evdev_stub_txa_enqueue,                                             \
	}

__rte_export struct rte_event_fp_ops rte_event_fp_ops[RTE_EVENT_MAX_DEVS] = {
	[0 ... RTE_EVENT_MAX_DEVS - 1] = EVDEV_FP_STUB,
};

static void
evdev_fp_reset(uint8_t dev_id)
{
	const struct rte_event_fp_ops stub = EVDEV_FP_STUB;

	rte_event_fp_ops[dev_id] = stub;
}

struct rte_eventdev *
evdev_get(uint8_t dev_id, const char *what)
{
	if (dev_id >= RTE_EVENT_MAX_DEVS || evdev_devices[dev_id] == NULL) {
		EVDEV_LOG(ERR, "%s: no event device %u (rte_event_dev_count() gives how many)\n",
			  what, dev_id);
		return NULL;
	}
	return evdev_devices[dev_id];
}

struct rte_eventdev *
evdev_get_configured(uint8_t dev_id, const char *what)
{
	struct rte_eventdev *dev = evdev_get(dev_id, what);

	if (dev != NULL && !dev->configured) {
		EVDEV_LOG(ERR, "%s: event device %u is not configured (rte_event_dev_configure)\n",
			  what, dev_id);
		return NULL;
	}
	return dev;
}

static bool
evdev_queue_ok(const struct rte_eventdev *dev, uint8_t queue_id, const char *what)
{
	if (queue_id >= dev->conf.nb_event_queues) {
		EVDEV_LOG(ERR, "%s: queue %u of event device %u: it has %u queues\n", what,
			  queue_id, dev->dev_id, dev->conf.nb_event_queues);
		return false;
	}
	return true;
}

bool
evdev_port_ok(const struct rte_eventdev *dev, uint8_t port_id, const char *what)
{
	if (port_id >= dev->conf.nb_event_ports) {
		EVDEV_LOG(ERR, "%s: port %u of event device %u: it has %u ports\n", what, port_id,
			  dev->dev_id, dev->conf.nb_event_ports);
		return false;
	}
	return true;
}

__rte_export uint8_t
rte_event_dev_count(void)
{
	uint8_t n = 0;

	for (unsigned int i = 0; i < RTE_EVENT_MAX_DEVS; i++)
		n += evdev_devices[i] != NULL;
	return n;
}

__rte_export int
rte_event_dev_get_dev_id(const char *name)
{
	struct rte_eventdev *dev = name != NULL ? rte_event_pmd_get_named_dev(name) : NULL;

	return dev != NULL ? dev->dev_id : -EINVAL;
}

__rte_export int
rte_event_dev_socket_id(uint8_t dev_id)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_socket_id");

	return dev != NULL ? dev->socket_id : -EINVAL;
}

__rte_export int
rte_event_dev_info_get(uint8_t dev_id, struct rte_event_dev_info *info)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_info_get");

	if (dev == NULL || info == NULL)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	dev->dev_ops->dev_infos_get(dev, info);
	info->driver_name = dev->driver_name;
	info->dev = dev->device;
	if (dev->configured)
		info->dequeue_timeout_ns = dev->conf.dequeue_timeout_ns;
	return 0;
}

__rte_export int
rte_event_dev_attr_get(uint8_t dev_id, uint32_t attr_id, uint32_t *value)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_attr_get");

	if (dev == NULL || value == NULL)
		return -EINVAL;
	switch (attr_id) {
	case RTE_EVENT_DEV_ATTR_PORT_COUNT:
		*value = dev->conf.nb_event_ports;
		return 0;
	case RTE_EVENT_DEV_ATTR_QUEUE_COUNT:
		*value = dev->conf.nb_event_queues;
		return 0;
	case RTE_EVENT_DEV_ATTR_STARTED:
		*value = dev->started;
		return 0;
	default:
		return -EINVAL;
	}
}

/* Release, through the driver, ports from first_port and queues from
 * first_queue of the current configuration. */
static void
evdev_release_from(struct rte_eventdev *dev, unsigned int first_queue, unsigned int first_port)
{
	for (unsigned int p = first_port; p < dev->conf.nb_event_ports && dev->port_ready != NULL;
	     p++)
		if (dev->port_ready[p] && dev->dev_ops->port_release != NULL)
			dev->dev_ops->port_release(dev, (uint8_t)p);
	for (unsigned int q = first_queue;
	     q < dev->conf.nb_event_queues && dev->queue_ready != NULL; q++)
		if (dev->queue_ready[q] && dev->dev_ops->queue_release != NULL)
			dev->dev_ops->queue_release(dev, (uint8_t)q);
}

static void
evdev_arrays_free(struct rte_eventdev *dev)
{
	rte_free(dev->ports);
	rte_free(dev->queue_conf);
	rte_free(dev->port_conf);
	rte_free(dev->links);
	rte_free(dev->queue_ready);
	rte_free(dev->port_ready);
	dev->ports = NULL;
	dev->queue_conf = NULL;
	dev->port_conf = NULL;
	dev->links = NULL;
	dev->queue_ready = NULL;
	dev->port_ready = NULL;
}

/* Free the queue and port state of the last configuration. */
static void
evdev_config_free(struct rte_eventdev *dev)
{
	evdev_release_from(dev, 0, 0);
	evdev_arrays_free(dev);
	dev->configured = false;
}

/* Arrays for nq queues and np ports in tmp; with keep, the queues and ports
 * below both counts keep their setup and links (as DPDK does when an
 * adapter adds a port to a configured device). */
static int
evdev_arrays_resize(struct rte_eventdev *dev, unsigned int nq, unsigned int np, bool keep)
{
	struct rte_eventdev old = *dev;
	unsigned int kq = keep ? RTE_MIN(nq, (unsigned int)old.conf.nb_event_queues) : 0;
	unsigned int kp = keep ? RTE_MIN(np, (unsigned int)old.conf.nb_event_ports) : 0;

	dev->ports = rte_zmalloc_socket("evdev_ports", np * sizeof(void *), 0, dev->socket_id);
	dev->queue_conf =
		rte_zmalloc_socket("evdev_qconf", nq * sizeof(*dev->queue_conf), 0, dev->socket_id);
	dev->port_conf =
		rte_zmalloc_socket("evdev_pconf", np * sizeof(*dev->port_conf), 0, dev->socket_id);
	dev->links = rte_malloc_socket("evdev_links", np * sizeof(*dev->links), 0, dev->socket_id);
	dev->queue_ready = rte_zmalloc_socket("evdev_qready", nq, 0, dev->socket_id);
	dev->port_ready = rte_zmalloc_socket("evdev_pready", np, 0, dev->socket_id);
	if (dev->ports == NULL || dev->queue_conf == NULL || dev->port_conf == NULL ||
	    dev->links == NULL || dev->queue_ready == NULL || dev->port_ready == NULL) {
		evdev_arrays_free(dev);
		*dev = old;
		return -ENOMEM;
	}
	memset(dev->links, 0xff, np * sizeof(*dev->links));
	for (unsigned int p = 0; p < kp; p++) {
		dev->ports[p] = old.ports[p];
		dev->port_conf[p] = old.port_conf[p];
		dev->port_ready[p] = old.port_ready[p];
		memcpy(dev->links[p], old.links[p], kq * sizeof(dev->links[p][0]));
	}
	for (unsigned int q = 0; q < kq; q++) {
		dev->queue_conf[q] = old.queue_conf[q];
		dev->queue_ready[q] = old.queue_ready[q];
	}
	/* the old arrays, with what is not kept released by the driver */
	{
		struct rte_eventdev *cur = dev;
		struct rte_eventdev tmp = *dev;

		*cur = old;
		evdev_release_from(cur, kq, kp);
		evdev_arrays_free(cur);
		cur->ports = tmp.ports;
		cur->queue_conf = tmp.queue_conf;
		cur->port_conf = tmp.port_conf;
		cur->links = tmp.links;
		cur->queue_ready = tmp.queue_ready;
		cur->port_ready = tmp.port_ready;
	}
	return 0;
}

/* One check of a configuration value against its limit, logged. */
static bool
evdev_conf_in_range(uint8_t dev_id, const char *field, int64_t value, int64_t lo, int64_t hi)
{
	if (value >= lo && value <= hi)
		return true;
	EVDEV_LOG(ERR,
		  "rte_event_dev_configure: event device %u: %s %" PRId64 " is outside %" PRId64
		  "..%" PRId64 " (rte_event_dev_info_get gives the limits)\n",
		  dev_id, field, value, lo, hi);
	return false;
}

static bool
evdev_conf_valid(uint8_t dev_id, const struct rte_event_dev_config *c,
		 const struct rte_event_dev_info *info)
{
	int64_t max_events = info->max_num_events < 0 ? INT32_MAX : info->max_num_events;
	bool ok = true;

	ok &= evdev_conf_in_range(dev_id, "nb_event_queues", c->nb_event_queues, 1,
				  info->max_event_queues);
	ok &= evdev_conf_in_range(dev_id, "nb_event_ports", c->nb_event_ports, 1,
				  info->max_event_ports);
	ok &= evdev_conf_in_range(dev_id, "nb_events_limit", c->nb_events_limit, 1, max_events);
	ok &= evdev_conf_in_range(dev_id, "nb_event_queue_flows", c->nb_event_queue_flows, 1,
				  info->max_event_queue_flows);
	ok &= evdev_conf_in_range(dev_id, "nb_event_port_dequeue_depth",
				  c->nb_event_port_dequeue_depth, 1,
				  info->max_event_port_dequeue_depth);
	ok &= evdev_conf_in_range(dev_id, "nb_event_port_enqueue_depth",
				  c->nb_event_port_enqueue_depth, 1,
				  info->max_event_port_enqueue_depth);
	ok &= evdev_conf_in_range(dev_id, "nb_single_link_event_port_queues",
				  c->nb_single_link_event_port_queues, 0,
				  RTE_MIN(c->nb_event_queues, c->nb_event_ports));
	if (!(c->event_dev_cfg & RTE_EVENT_DEV_CFG_PER_DEQUEUE_TIMEOUT) &&
	    c->dequeue_timeout_ns != 0)
		ok &= evdev_conf_in_range(dev_id, "dequeue_timeout_ns", c->dequeue_timeout_ns,
					  info->min_dequeue_timeout_ns,
					  info->max_dequeue_timeout_ns);
	return ok;
}

__rte_export int
rte_event_dev_configure(uint8_t dev_id, const struct rte_event_dev_config *conf)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_configure");
	struct rte_event_dev_info info;
	bool keep;
	int ret;

	if (dev == NULL || conf == NULL)
		return -EINVAL;
	if (dev->started) {
		EVDEV_LOG(ERR,
			  "rte_event_dev_configure: event device %u is started: stop it first\n",
			  dev_id);
		return -EBUSY;
	}
	rte_event_dev_info_get(dev_id, &info);
	if (!evdev_conf_valid(dev_id, conf, &info))
		return -EINVAL;
	keep = dev->configured && dev->conf.nb_events_limit == conf->nb_events_limit;
	ret = evdev_arrays_resize(dev, conf->nb_event_queues, conf->nb_event_ports, keep);
	if (ret < 0) {
		EVDEV_LOG(ERR, "rte_event_dev_configure: event device %u: out of memory\n", dev_id);
		return ret;
	}
	dev->conf = *conf;
	dev->caps = info.event_dev_cap;
	if (dev->conf.dequeue_timeout_ns == 0)
		dev->conf.dequeue_timeout_ns = info.dequeue_timeout_ns;
	ret = dev->dev_ops->dev_configure(dev);
	if (ret < 0)
		goto out_free;
	dev->configured = true;
	return 0;

out_free:
	evdev_config_free(dev);
	memset(&dev->conf, 0, sizeof(dev->conf));
	return ret;
}

__rte_export int
rte_event_queue_default_conf_get(uint8_t dev_id, uint8_t queue_id,
				 struct rte_event_queue_conf *conf)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_queue_default_conf_get");

	if (dev == NULL || conf == NULL ||
	    !evdev_queue_ok(dev, queue_id, "rte_event_queue_default_conf_get"))
		return -EINVAL;
	memset(conf, 0, sizeof(*conf));
	dev->dev_ops->queue_def_conf(dev, queue_id, conf);
	return 0;
}

__rte_export int
rte_event_queue_setup(uint8_t dev_id, uint8_t queue_id, const struct rte_event_queue_conf *conf)
{
	const char *what = "rte_event_queue_setup";
	struct rte_eventdev *dev = evdev_get_configured(dev_id, what);
	struct rte_event_queue_conf c;
	int ret;

	if (dev == NULL || !evdev_queue_ok(dev, queue_id, what))
		return -EINVAL;
	if (dev->started) {
		EVDEV_LOG(ERR, "%s: event device %u is started: stop it first\n", what, dev_id);
		return -EBUSY;
	}
	if (conf == NULL)
		dev->dev_ops->queue_def_conf(dev, queue_id, &c);
	else
		c = *conf;
	if (!(c.event_queue_cfg & RTE_EVENT_QUEUE_CFG_ALL_TYPES) &&
	    c.schedule_type > RTE_SCHED_TYPE_PARALLEL) {
		EVDEV_LOG(ERR, "%s: queue %u: schedule_type %u is not RTE_SCHED_TYPE_*\n", what,
			  queue_id, c.schedule_type);
		return -EINVAL;
	}
	if (!(c.event_queue_cfg & RTE_EVENT_QUEUE_CFG_SINGLE_LINK)) {
		if ((c.event_queue_cfg & RTE_EVENT_QUEUE_CFG_ALL_TYPES ||
		     c.schedule_type == RTE_SCHED_TYPE_ATOMIC) &&
		    (c.nb_atomic_flows == 0 ||
		     c.nb_atomic_flows > dev->conf.nb_event_queue_flows)) {
			EVDEV_LOG(ERR,
				  "%s: queue %u: nb_atomic_flows %u: 1..%u (the configured "
				  "nb_event_queue_flows)\n",
				  what, queue_id, c.nb_atomic_flows,
				  dev->conf.nb_event_queue_flows);
			return -EINVAL;
		}
		if ((c.event_queue_cfg & RTE_EVENT_QUEUE_CFG_ALL_TYPES ||
		     c.schedule_type == RTE_SCHED_TYPE_ORDERED) &&
		    (c.nb_atomic_order_sequences == 0 ||
		     c.nb_atomic_order_sequences > dev->conf.nb_event_queue_flows)) {
			EVDEV_LOG(ERR, "%s: queue %u: nb_atomic_order_sequences %u: 1..%u\n", what,
				  queue_id, c.nb_atomic_order_sequences,
				  dev->conf.nb_event_queue_flows);
			return -EINVAL;
		}
	}
	if (dev->queue_ready[queue_id] && dev->dev_ops->queue_release != NULL)
		dev->dev_ops->queue_release(dev, queue_id);
	dev->queue_ready[queue_id] = false;
	ret = dev->dev_ops->queue_setup(dev, queue_id, &c);
	if (ret < 0)
		return ret;
	dev->queue_conf[queue_id] = c;
	dev->queue_ready[queue_id] = true;
	return 0;
}

__rte_export int
rte_event_queue_attr_get(uint8_t dev_id, uint8_t queue_id, uint32_t attr_id, uint32_t *value)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_queue_attr_get");
	const struct rte_event_queue_conf *c;

	if (dev == NULL || value == NULL ||
	    !evdev_queue_ok(dev, queue_id, "rte_event_queue_attr_get"))
		return -EINVAL;
	c = &dev->queue_conf[queue_id];
	switch (attr_id) {
	case RTE_EVENT_QUEUE_ATTR_PRIORITY:
		*value = c->priority;
		return 0;
	case RTE_EVENT_QUEUE_ATTR_NB_ATOMIC_FLOWS:
		*value = c->nb_atomic_flows;
		return 0;
	case RTE_EVENT_QUEUE_ATTR_NB_ATOMIC_ORDER_SEQUENCES:
		*value = c->nb_atomic_order_sequences;
		return 0;
	case RTE_EVENT_QUEUE_ATTR_EVENT_QUEUE_CFG:
		*value = c->event_queue_cfg;
		return 0;
	case RTE_EVENT_QUEUE_ATTR_SCHEDULE_TYPE:
		if (c->event_queue_cfg & RTE_EVENT_QUEUE_CFG_ALL_TYPES)
			return -EOVERFLOW;
		*value = c->schedule_type;
		return 0;
	case RTE_EVENT_QUEUE_ATTR_WEIGHT:
		*value = c->weight;
		return 0;
	case RTE_EVENT_QUEUE_ATTR_AFFINITY:
		*value = c->affinity;
		return 0;
	default:
		return -EINVAL;
	}
}

__rte_export int
rte_event_queue_attr_set(uint8_t dev_id, uint8_t queue_id, uint32_t attr_id,
			 uint64_t value __rte_unused)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_queue_attr_set");

	if (dev == NULL || !evdev_queue_ok(dev, queue_id, "rte_event_queue_attr_set") ||
	    attr_id > RTE_EVENT_QUEUE_ATTR_AFFINITY)
		return -EINVAL;
	/* no driver advertises RTE_EVENT_DEV_CAP_RUNTIME_QUEUE_ATTR */
	return -ENOTSUP;
}

__rte_export int
rte_event_dev_start(uint8_t dev_id)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_dev_start");
	struct rte_event_fp_ops *fp;
	int ret;

	if (dev == NULL)
		return -EINVAL;
	if (dev->started)
		return -EALREADY;
	for (unsigned int q = 0; q < dev->conf.nb_event_queues; q++)
		if (!dev->queue_ready[q]) {
			EVDEV_LOG(ERR,
				  "rte_event_dev_start: event device %u: queue %u is not set up "
				  "(rte_event_queue_setup)\n",
				  dev_id, q);
			return -ESTALE;
		}
	for (unsigned int p = 0; p < dev->conf.nb_event_ports; p++)
		if (!dev->port_ready[p]) {
			EVDEV_LOG(ERR,
				  "rte_event_dev_start: event device %u: port %u is not set up "
				  "(rte_event_port_setup)\n",
				  dev_id, p);
			return -ESTALE;
		}
	ret = dev->dev_ops->dev_start(dev);
	if (ret < 0)
		return ret;
	fp = &rte_event_fp_ops[dev_id];
	*fp = dev->fp;
	fp->data = dev->ports;
	if (fp->txa_enqueue == NULL)
		fp->txa_enqueue = (event_tx_adapter_enqueue_t)(uintptr_t)fp->enqueue_burst;
	if (fp->txa_enqueue_same_dest == NULL)
		fp->txa_enqueue_same_dest = fp->txa_enqueue;
	if (fp->ca_enqueue == NULL)
		fp->ca_enqueue = evdev_stub_txa_enqueue;
	dev->started = true;
	return 0;
}

__rte_export void
rte_event_dev_stop(uint8_t dev_id)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_stop");

	if (dev == NULL || !dev->started)
		return;
	evdev_fp_reset(dev_id);
	dev->started = false;
	dev->dev_ops->dev_stop(dev);
}

__rte_export int
rte_event_dev_stop_flush_callback_register(uint8_t dev_id, rte_eventdev_stop_flush_t callback,
					   void *userdata)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_stop_flush_callback_register");

	if (dev == NULL)
		return -EINVAL;
	dev->stop_flush = callback;
	dev->stop_flush_arg = userdata;
	return 0;
}

__rte_export int
rte_event_dev_close(uint8_t dev_id)
{
	struct rte_eventdev *dev = evdev_get(dev_id, "rte_event_dev_close");

	if (dev == NULL)
		return -EINVAL;
	if (dev->started) {
		EVDEV_LOG(ERR, "rte_event_dev_close: event device %u is started: stop it first\n",
			  dev_id);
		return -EBUSY;
	}
	evdev_config_free(dev);
	memset(&dev->conf, 0, sizeof(dev->conf));
	return dev->dev_ops->dev_close != NULL ? dev->dev_ops->dev_close(dev) : 0;
}

__rte_export struct rte_eventdev *
rte_event_pmd_get_named_dev(const char *name)
{
	for (unsigned int i = 0; i < RTE_EVENT_MAX_DEVS; i++)
		if (evdev_devices[i] != NULL && strcmp(evdev_devices[i]->name, name) == 0)
			return evdev_devices[i];
	return NULL;
}

__rte_export struct rte_eventdev *
rte_event_pmd_allocate(const char *name, int socket_id, size_t private_size)
{
	struct rte_eventdev *dev;
	unsigned int id;

	if (name == NULL || strlen(name) >= RTE_EVENTDEV_NAME_MAX_LEN) {
		EVDEV_LOG(ERR, "event device name missing or longer than %d characters\n",
			  RTE_EVENTDEV_NAME_MAX_LEN - 1);
		rte_errno = EINVAL;
		return NULL;
	}
	if (rte_event_pmd_get_named_dev(name) != NULL) {
		EVDEV_LOG(ERR, "event device %s exists already\n", name);
		rte_errno = EEXIST;
		return NULL;
	}
	for (id = 0; id < RTE_EVENT_MAX_DEVS && evdev_devices[id] != NULL; id++)
		;
	if (id == RTE_EVENT_MAX_DEVS) {
		EVDEV_LOG(ERR, "event device %s: all %d event device ids are in use\n", name,
			  RTE_EVENT_MAX_DEVS);
		rte_errno = ENOSPC;
		return NULL;
	}
	dev = rte_zmalloc_socket("eventdev", sizeof(*dev), RTE_CACHE_LINE_SIZE, socket_id);
	if (dev == NULL)
		goto out_nomem;
	if (private_size > 0) {
		dev->dev_private = rte_zmalloc_socket("eventdev_private", private_size,
						      RTE_CACHE_LINE_SIZE, socket_id);
		if (dev->dev_private == NULL)
			goto out_free_dev;
	}
	strlcpy(dev->name, name, sizeof(dev->name));
	dev->dev_id = (uint8_t)id;
	dev->socket_id = socket_id;
	dev->attached = true;
	evdev_devices[id] = dev;
	return dev;

out_free_dev:
	rte_free(dev);
out_nomem:
	EVDEV_LOG(ERR, "event device %s: out of memory\n", name);
	rte_errno = ENOMEM;
	return NULL;
}

__rte_export int
rte_event_pmd_release(struct rte_eventdev *dev)
{
	if (dev == NULL || dev->dev_id >= RTE_EVENT_MAX_DEVS || evdev_devices[dev->dev_id] != dev)
		return -EINVAL;
	rte_event_dev_stop(dev->dev_id);
	rte_event_dev_close(dev->dev_id);
	evdev_devices[dev->dev_id] = NULL;
	rte_free(dev->dev_private);
	rte_free(dev);
	return 0;
}
