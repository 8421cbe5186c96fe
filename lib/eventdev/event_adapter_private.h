/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the eventdev library: what the Rx and Tx adapters share. */
#ifndef _EVENT_ADAPTER_PRIVATE_H_
#define _EVENT_ADAPTER_PRIVATE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_service_component.h>
#include <rte_spinlock.h>

#include "eventdev_private.h"

/* The part of an adapter both kinds have, first in each adapter's struct
 * so that a pointer to one is a pointer to the other; lock serializes the
 * control path with the service. */
struct evdev_adapter {
	uint8_t id;
	uint8_t dev_id;
	uint8_t event_port;
	bool have_port;
	struct rte_event_port_conf port_conf; /* of the port a default callback adds */
	uint32_t service_id;
	bool have_service;
	bool started;
	unsigned int nb_queues; /* ethdev queues added; free refuses while any */
	rte_spinlock_t lock;
};

/* What tells the Rx adapter from the Tx one in the code they share. */
struct evdev_adapter_kind {
	const char *api;	      /* prefix of the public names, for messages and the service */
	const char *label;	      /* "Rx" or "Tx", for messages */
	size_t size;		      /* of the whole adapter, struct evdev_adapter first */
	struct evdev_adapter **table; /* the instances by id */
	unsigned int max_instance;    /* entries of table */
	rte_service_func service;     /* called with the adapter */
	/* Ask the application's configuration callback for the event port
	 * (into c->event_port) and keep the rest of its answer. */
	int (*conf_get)(struct evdev_adapter *c);
	/* Release what the adapter holds besides itself; NULL if nothing. */
	void (*fini)(struct evdev_adapter *c);
};

/* Instance id of kind k, or NULL (logged with what, the caller's name). */
struct evdev_adapter *evdev_adapter_get(const struct evdev_adapter_kind *k, uint8_t id,
					const char *what);
/* Allocate instance id on device dev_id and put it in the table; cb_ok
 * says whether the caller's configuration callback is valid. The new
 * adapter in *out. 0, -EINVAL, -EEXIST or -ENOMEM. */
int evdev_adapter_create(const struct evdev_adapter_kind *k, uint8_t id, uint8_t dev_id, bool cb_ok,
			 struct evdev_adapter **out);
/* Unregister the service and release instance id. 0, -EINVAL (no such
 * adapter) or -EBUSY (queues still added). */
int evdev_adapter_free(const struct evdev_adapter_kind *k, uint8_t id);
/* The event port and the running service, at the first queue added; 0 if
 * they are there already, else 0 or a negative errno. */
int evdev_adapter_service_init(const struct evdev_adapter_kind *k, struct evdev_adapter *c);

/* Start or stop the adapter's work; 0. */
int evdev_adapter_started_set(struct evdev_adapter *c, bool on);
/* 0, -EINVAL (NULL), -ESRCH (no service yet). */
int evdev_adapter_service_id(const struct evdev_adapter *c, uint32_t *service_id);
/* 0, -EINVAL (NULL or no port yet). */
int evdev_adapter_event_port(const struct evdev_adapter *c, uint8_t *event_port);

/* Add an event port set up with port_conf to the device (stopping and
 * restarting it if started); its id in port_id. 0 or a negative errno. */
int evdev_adapter_port_add(uint8_t dev_id, const struct rte_event_port_conf *port_conf,
			   uint8_t *port_id, const char *what);
/* Register fn as the service "<prefix>_<id>". */
int evdev_adapter_service_register(const char *prefix, uint8_t id, int socket_id,
				   rte_service_func fn, void *arg, uint32_t *service_id);
/* Stop and unregister an adapter's service. */
void evdev_adapter_service_unregister(uint32_t service_id);

#endif /* _EVENT_ADAPTER_PRIVATE_H_ */
