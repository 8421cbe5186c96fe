/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the adapters share: the default way to get an event port (add one
 * to the device, as DPDK's adapters do when created without a
 * configuration callback), and their service registration.
 */
#include <errno.h>
#include <stdio.h>

#include <rte_cycles.h>
#include <rte_pause.h>
#include <rte_service.h>
#include <rte_service_component.h>

#include "event_adapter_private.h"

int
evdev_adapter_port_add(uint8_t dev_id, const struct rte_event_port_conf *port_conf,
		       uint8_t *port_id, const char *what)
{
	struct rte_eventdev *dev = evdev_get(dev_id, what);
	struct rte_event_dev_config conf;
	bool started;
	int ret;

	if (dev == NULL)
		return -EINVAL;
	if (!dev->configured) {
		EVDEV_LOG(ERR, "%s: configure event device %u before adding an adapter\n", what,
			  dev_id);
		return -EINVAL;
	}
	started = dev->started;
	if (started)
		rte_event_dev_stop(dev_id);
	conf = dev->conf;
	conf.nb_event_ports++;
	ret = rte_event_dev_configure(dev_id, &conf);
	if (ret == 0) {
		*port_id = (uint8_t)(conf.nb_event_ports - 1);
		ret = rte_event_port_setup(dev_id, *port_id, port_conf);
	}
	if (started && rte_event_dev_start(dev_id) < 0 && ret == 0)
		ret = -EIO;
	return ret;
}

int
evdev_adapter_service_register(const char *prefix, uint8_t id, int socket_id, rte_service_func fn,
			       void *arg, uint32_t *service_id)
{
	struct rte_service_spec spec = {
		.callback = fn,
		.callback_userdata = arg,
		.socket_id = socket_id,
	};
	int ret;

	snprintf(spec.name, sizeof(spec.name), "%s_%u", prefix, id);
	ret = rte_service_component_register(&spec, service_id);
	if (ret < 0)
		EVDEV_LOG(ERR, "%s: cannot register its service: %s\n", spec.name,
			  rte_strerror(-ret));
	return ret;
}

void
evdev_adapter_service_unregister(uint32_t service_id)
{
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz();

	rte_service_component_runstate_set(service_id, 0);
	/* a call under way returns; bounded, as an lcore unmapped while it
	 * ran the service may keep reporting it active */
	while (rte_service_may_be_active(service_id) == 1 && rte_get_timer_cycles() < deadline)
		rte_pause();
	rte_service_component_unregister(service_id);
}
