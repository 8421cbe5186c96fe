/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The life of an adapter, the same for the Rx and the Tx kind: an instance
 * table by id, creation, the event port and service set up at the first
 * queue added, start/stop, and free. What differs is in the kind.
 */
#include <errno.h>
#include <stdio.h>

#include <rte_malloc.h>
#include <rte_service_component.h>

#include "event_adapter_private.h"

struct evdev_adapter *
evdev_adapter_get(const struct evdev_adapter_kind *k, uint8_t id, const char *what)
{
	if (id >= k->max_instance || k->table[id] == NULL) {
		EVDEV_LOG(ERR, "%s: no %s adapter %u (create it first)\n", what, k->label, id);
		return NULL;
	}
	return k->table[id];
}

int
evdev_adapter_create(const struct evdev_adapter_kind *k, uint8_t id, uint8_t dev_id, bool cb_ok,
		     struct evdev_adapter **out)
{
	char what[64];
	struct evdev_adapter *c;

	snprintf(what, sizeof(what), "%s_create", k->api);
	if (id >= k->max_instance || !cb_ok || evdev_get(dev_id, what) == NULL) {
		EVDEV_LOG(ERR, "%s: id %u (0..%u), device %u or callback not valid\n", what, id,
			  k->max_instance - 1, dev_id);
		return -EINVAL;
	}
	if (k->table[id] != NULL) {
		EVDEV_LOG(ERR, "%s: %s adapter %u exists\n", what, k->label, id);
		return -EEXIST;
	}
	c = rte_zmalloc_socket(k->api, k->size, RTE_CACHE_LINE_SIZE,
			       rte_event_dev_socket_id(dev_id));
	if (c == NULL)
		return -ENOMEM;
	c->id = id;
	c->dev_id = dev_id;
	rte_spinlock_init(&c->lock);
	k->table[id] = c;
	*out = c;
	return 0;
}

int
evdev_adapter_free(const struct evdev_adapter_kind *k, uint8_t id)
{
	char what[64];
	struct evdev_adapter *c;

	snprintf(what, sizeof(what), "%s_free", k->api);
	c = evdev_adapter_get(k, id, what);
	if (c == NULL)
		return -EINVAL;
	if (c->nb_queues > 0) {
		EVDEV_LOG(ERR, "%s: %s adapter %u still has %u queues (%s_queue_del)\n", what,
			  k->label, id, c->nb_queues, k->api);
		return -EBUSY;
	}
	if (c->have_service)
		evdev_adapter_service_unregister(c->service_id);
	if (k->fini != NULL)
		k->fini(c);
	rte_free(c);
	k->table[id] = NULL;
	return 0;
}

int
evdev_adapter_service_init(const struct evdev_adapter_kind *k, struct evdev_adapter *c)
{
	int ret;

	if (c->have_service)
		return 0;
	ret = k->conf_get(c);
	if (ret < 0)
		return ret;
	c->have_port = true;
	ret = evdev_adapter_service_register(k->api, c->id, rte_event_dev_socket_id(c->dev_id),
					     k->service, c, &c->service_id);
	if (ret < 0)
		return ret;
	c->have_service = true;
	rte_service_component_runstate_set(c->service_id, 1);
	return 0;
}

int
evdev_adapter_started_set(struct evdev_adapter *c, bool on)
{
	rte_spinlock_lock(&c->lock);
	c->started = on;
	rte_spinlock_unlock(&c->lock);
	return 0;
}

int
evdev_adapter_service_id(const struct evdev_adapter *c, uint32_t *service_id)
{
	if (service_id == NULL)
		return -EINVAL;
	if (!c->have_service)
		return -ESRCH;
	*service_id = c->service_id;
	return 0;
}

int
evdev_adapter_event_port(const struct evdev_adapter *c, uint8_t *event_port)
{
	if (event_port == NULL || !c->have_port)
		return -EINVAL;
	*event_port = c->event_port;
	return 0;
}
