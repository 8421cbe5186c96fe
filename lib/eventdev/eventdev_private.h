/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the eventdev library. */
#ifndef _EVENTDEV_PRIVATE_H_
#define _EVENTDEV_PRIVATE_H_

#include <rte_log.h>

#include "eventdev_pmd.h"

extern int eventdev_logtype;
#define EVDEV_LOG(level, ...) rte_log(RTE_LOG_##level, eventdev_logtype, "EVENTDEV: " __VA_ARGS__)

/* The device with this id, or NULL (logged with what, the caller's name). */
struct rte_eventdev *evdev_get(uint8_t dev_id, const char *what);

#endif /* _EVENTDEV_PRIVATE_H_ */
