/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the eventdev library. */
#ifndef _EVENTDEV_PRIVATE_H_
#define _EVENTDEV_PRIVATE_H_

#include <rte_log.h>
#include <rte_spinlock.h>
#include <rte_service_component.h>

#include "eventdev_pmd.h"

extern int eventdev_logtype;
#define EVDEV_LOG(level, ...) rte_log(RTE_LOG_##level, eventdev_logtype, "EVENTDEV: " __VA_ARGS__)

/* The device with this id, or NULL (logged with what, the caller's name). */
struct rte_eventdev *evdev_get(uint8_t dev_id, const char *what);

/* The device if it is configured, else NULL (logged). */
struct rte_eventdev *evdev_get_configured(uint8_t dev_id, const char *what);
/* Whether port_id is one of the configured ports (logged if not). */
bool evdev_port_ok(const struct rte_eventdev *dev, uint8_t port_id, const char *what);

#endif /* _EVENTDEV_PRIVATE_H_ */
