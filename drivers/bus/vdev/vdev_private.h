/* SPDX-License-Identifier: BSD-3-Clause */
/* vdev bus internals. Never installed. */
#ifndef _VDEV_PRIVATE_H_
#define _VDEV_PRIVATE_H_

#include <stddef.h>

#include <rte_log.h>

extern int vdev_logtype;
#define VDEV_LOG(level, ...) rte_log(RTE_LOG_ ## level, vdev_logtype, "vdev: " __VA_ARGS__)

/* "net_null (eth_null), net_ring (eth_ring)": the registered drivers. */
void vdev_driver_names(char *buf, size_t len);

#endif
