/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event ports: setup, attributes and links to queues. The library keeps
 * the link table (links_get answers from it) and checks single-link
 * queues; the driver is told of each change.
 */
#include <errno.h>
#include <string.h>

#include <rte_eventdev.h>

#include "eal_private.h"
#include "eventdev_private.h"

__rte_export int
rte_event_port_default_conf_get(uint8_t dev_id, uint8_t port_id, struct rte_event_port_conf *conf)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_port_default_conf_get");

	if (dev == NULL || conf == NULL ||
	    !evdev_port_ok(dev, port_id, "rte_event_port_default_conf_get"))
		return -EINVAL;
	memset(conf, 0, sizeof(*conf));
	dev->dev_ops->port_def_conf(dev, port_id, conf);
	return 0;
}

static bool
evdev_port_conf_valid(const struct rte_eventdev *dev, uint8_t port_id,
		      const struct rte_event_port_conf *c)
{
	const char *what = "rte_event_port_setup";

	if (c->new_event_threshold <= 0 || c->new_event_threshold > dev->conf.nb_events_limit) {
		EVDEV_LOG(ERR, "%s: port %u: new_event_threshold %d: 1..%d (nb_events_limit)\n",
			  what, port_id, c->new_event_threshold, dev->conf.nb_events_limit);
		return false;
	}
	if (c->dequeue_depth == 0 || c->dequeue_depth > dev->conf.nb_event_port_dequeue_depth) {
		EVDEV_LOG(ERR,
			  "%s: port %u: dequeue_depth %u: 1..%u (nb_event_port_dequeue_depth)\n",
			  what, port_id, c->dequeue_depth, dev->conf.nb_event_port_dequeue_depth);
		return false;
	}
	if (c->enqueue_depth == 0 || c->enqueue_depth > dev->conf.nb_event_port_enqueue_depth) {
		EVDEV_LOG(ERR,
			  "%s: port %u: enqueue_depth %u: 1..%u (nb_event_port_enqueue_depth)\n",
			  what, port_id, c->enqueue_depth, dev->conf.nb_event_port_enqueue_depth);
		return false;
	}
	return true;
}

__rte_export int
rte_event_port_setup(uint8_t dev_id, uint8_t port_id, const struct rte_event_port_conf *conf)
{
	const char *what = "rte_event_port_setup";
	struct rte_eventdev *dev = evdev_get_configured(dev_id, what);
	struct rte_event_port_conf c;
	int ret;

	if (dev == NULL || !evdev_port_ok(dev, port_id, what))
		return -EINVAL;
	if (dev->started) {
		EVDEV_LOG(ERR, "%s: event device %u is started: stop it first\n", what, dev_id);
		return -EBUSY;
	}
	if (conf == NULL)
		dev->dev_ops->port_def_conf(dev, port_id, &c);
	else
		c = *conf;
	if (!evdev_port_conf_valid(dev, port_id, &c))
		return -EINVAL;
	if (dev->port_ready[port_id]) {
		rte_event_port_unlink(dev_id, port_id, NULL, 0);
		if (dev->dev_ops->port_release != NULL)
			dev->dev_ops->port_release(dev, port_id);
	}
	dev->port_ready[port_id] = false;
	dev->ports[port_id] = NULL;
	ret = dev->dev_ops->port_setup(dev, port_id, &c);
	if (ret < 0)
		return ret;
	dev->port_conf[port_id] = c;
	dev->port_ready[port_id] = true;
	return 0;
}

__rte_export void
rte_event_port_quiesce(uint8_t dev_id, uint8_t port_id, rte_eventdev_port_flush_t release_cb,
		       void *args)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_port_quiesce");

	if (dev == NULL || !evdev_port_ok(dev, port_id, "rte_event_port_quiesce"))
		return;
	if (dev->dev_ops->port_quiesce != NULL)
		dev->dev_ops->port_quiesce(dev, port_id, release_cb, args);
}

__rte_export int
rte_event_port_attr_get(uint8_t dev_id, uint8_t port_id, uint32_t attr_id, uint32_t *value)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_port_attr_get");
	const struct rte_event_port_conf *c;

	if (dev == NULL || value == NULL || !evdev_port_ok(dev, port_id, "rte_event_port_attr_get"))
		return -EINVAL;
	c = &dev->port_conf[port_id];
	switch (attr_id) {
	case RTE_EVENT_PORT_ATTR_ENQ_DEPTH:
		*value = c->enqueue_depth;
		return 0;
	case RTE_EVENT_PORT_ATTR_DEQ_DEPTH:
		*value = c->dequeue_depth;
		return 0;
	case RTE_EVENT_PORT_ATTR_NEW_EVENT_THRESHOLD:
		*value = (uint32_t)c->new_event_threshold;
		return 0;
	case RTE_EVENT_PORT_ATTR_IMPLICIT_RELEASE_DISABLE:
		*value = !!(c->event_port_cfg & RTE_EVENT_PORT_CFG_DISABLE_IMPL_REL);
		return 0;
	default:
		return -EINVAL;
	}
}

/* The port linked to a single-link queue, other than port_id, or -1. */
static int
evdev_queue_linked_elsewhere(const struct rte_eventdev *dev, uint8_t port_id, uint8_t queue_id)
{
	for (unsigned int p = 0; p < dev->conf.nb_event_ports; p++)
		if (p != port_id && dev->links[p][queue_id] != EVENTDEV_LINK_NONE)
			return (int)p;
	return -1;
}

/* Common checks of link and unlink; NULL (rte_errno set) if the call must
 * not go on. */
static struct rte_eventdev *
evdev_link_checks(uint8_t dev_id, uint8_t port_id, const char *what)
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, what);

	if (dev == NULL || !evdev_port_ok(dev, port_id, what) || !dev->port_ready[port_id]) {
		if (dev != NULL && port_id < dev->conf.nb_event_ports)
			EVDEV_LOG(ERR, "%s: port %u is not set up (rte_event_port_setup)\n", what,
				  port_id);
		rte_errno = EINVAL;
		return NULL;
	}
	if (dev->started && !(dev->caps & RTE_EVENT_DEV_CAP_RUNTIME_PORT_LINK)) {
		EVDEV_LOG(ERR, "%s: event device %u is started: stop it first\n", what, dev_id);
		rte_errno = EBUSY;
		return NULL;
	}
	return dev;
}

__rte_export int
rte_event_port_link(uint8_t dev_id, uint8_t port_id, const uint8_t queues[],
		    const uint8_t priorities[], uint16_t nb_links)
{
	const char *what = "rte_event_port_link";
	struct rte_eventdev *dev = evdev_link_checks(dev_id, port_id, what);
	uint8_t all_queues[RTE_EVENT_MAX_QUEUES_PER_DEV];
	uint8_t normal[RTE_EVENT_MAX_QUEUES_PER_DEV];
	int ret;

	if (dev == NULL)
		return 0;
	if (queues == NULL) {
		for (unsigned int q = 0; q < dev->conf.nb_event_queues; q++)
			all_queues[q] = (uint8_t)q;
		queues = all_queues;
		nb_links = dev->conf.nb_event_queues;
	}
	if (priorities == NULL) {
		memset(normal, RTE_EVENT_DEV_PRIORITY_NORMAL, sizeof(normal));
		priorities = normal;
	}
	for (unsigned int i = 0; i < nb_links; i++) {
		int other;

		if (queues[i] >= dev->conf.nb_event_queues || !dev->queue_ready[queues[i]]) {
			EVDEV_LOG(ERR, "%s: port %u: queue %u does not exist or is not set up\n",
				  what, port_id, queues[i]);
			rte_errno = EINVAL;
			return 0;
		}
		if (!(dev->queue_conf[queues[i]].event_queue_cfg & RTE_EVENT_QUEUE_CFG_SINGLE_LINK))
			continue;
		other = evdev_queue_linked_elsewhere(dev, port_id, queues[i]);
		if (other >= 0) {
			EVDEV_LOG(ERR,
				  "%s: queue %u is single-link and already linked to port %d\n",
				  what, queues[i], other);
			rte_errno = EDQUOT;
			return 0;
		}
	}
	ret = dev->dev_ops->port_link(dev, port_id, queues, priorities, nb_links);
	if (ret < 0) {
		rte_errno = -ret;
		return 0;
	}
	for (int i = 0; i < ret; i++)
		dev->links[port_id][queues[i]] = priorities[i];
	return ret;
}

__rte_export int
rte_event_port_unlink(uint8_t dev_id, uint8_t port_id, uint8_t queues[], uint16_t nb_unlinks)
{
	const char *what = "rte_event_port_unlink";
	struct rte_eventdev *dev = evdev_link_checks(dev_id, port_id, what);
	uint8_t linked[RTE_EVENT_MAX_QUEUES_PER_DEV];
	int ret;

	if (dev == NULL)
		return 0;
	if (queues == NULL) {
		nb_unlinks = 0;
		for (unsigned int q = 0; q < dev->conf.nb_event_queues; q++)
			if (dev->links[port_id][q] != EVENTDEV_LINK_NONE)
				linked[nb_unlinks++] = (uint8_t)q;
		queues = linked;
	}
	for (unsigned int i = 0; i < nb_unlinks; i++) {
		if (queues[i] >= dev->conf.nb_event_queues) {
			EVDEV_LOG(ERR, "%s: port %u: queue %u does not exist\n", what, port_id,
				  queues[i]);
			rte_errno = EINVAL;
			return 0;
		}
	}
	if (nb_unlinks == 0)
		return 0;
	ret = dev->dev_ops->port_unlink(dev, port_id, queues, nb_unlinks);
	if (ret < 0) {
		rte_errno = -ret;
		return 0;
	}
	for (int i = 0; i < ret; i++)
		dev->links[port_id][queues[i]] = EVENTDEV_LINK_NONE;
	return ret;
}

__rte_export int
rte_event_port_unlinks_in_progress(uint8_t dev_id, uint8_t port_id)
{
	struct rte_eventdev *dev =
		evdev_get_configured(dev_id, "rte_event_port_unlinks_in_progress");

	if (dev == NULL || !evdev_port_ok(dev, port_id, "rte_event_port_unlinks_in_progress"))
		return -EINVAL;
	if (dev->dev_ops->port_unlinks_in_progress == NULL)
		return 0;
	return dev->dev_ops->port_unlinks_in_progress(dev, port_id);
}

__rte_export int
rte_event_port_links_get(uint8_t dev_id, uint8_t port_id, uint8_t queues[], uint8_t priorities[])
{
	struct rte_eventdev *dev = evdev_get_configured(dev_id, "rte_event_port_links_get");
	int n = 0;

	if (dev == NULL || !evdev_port_ok(dev, port_id, "rte_event_port_links_get") ||
	    queues == NULL || priorities == NULL)
		return -EINVAL;
	for (unsigned int q = 0; q < dev->conf.nb_event_queues; q++) {
		if (dev->links[port_id][q] == EVENTDEV_LINK_NONE)
			continue;
		queues[n] = (uint8_t)q;
		priorities[n] = (uint8_t)dev->links[port_id][q];
		n++;
	}
	return n;
}
