/* SPDX-License-Identifier: BSD-3-Clause */
/* vdev bus internals. Never installed. */
#ifndef _VDEV_PRIVATE_H_
#define _VDEV_PRIVATE_H_

#include <stdbool.h>
#include <stddef.h>

#include <rte_log.h>

extern int vdev_logtype;
#define VDEV_LOG(level, ...) rte_log(RTE_LOG_ ## level, vdev_logtype, "vdev: " __VA_ARGS__)

/* "net_null (eth_null), net_ring (eth_ring)": the registered drivers. */
void vdev_driver_names(char *buf, size_t len);

/* The name of the i-th probed device (false past the end); count: how many. */
bool vdev_device_name_at(unsigned int i, char *name, size_t len, unsigned int *count);

/* vdev_mp.c: the primary answers secondaries' scans; a secondary asks. */
void vdev_mp_serve(void);
/* add each of the primary's devices; 0, or add's first error. */
int vdev_mp_scan(int (*add)(const char *name));

#endif
