/* SPDX-License-Identifier: BSD-3-Clause */
/* Virtual devices (--vdev): create and destroy them at run time. */
#ifndef RTE_VDEV_H
#define RTE_VDEV_H

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*rte_vdev_scan_callback)(void *user_arg);

/* Run callback before each vdev bus scan (it may add devargs). 0 or -ENOMEM. */
int rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg);
/* 0, or -1 if that callback/argument pair was not added. */
int rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg);

/*
 * Create and probe the device name ("net_null0") with args ("size=64", may
 * be NULL). 0, -EEXIST if a device has that name, -EINVAL if no driver
 * matches it, or the driver's probe error; the cause is logged.
 */
int rte_vdev_init(const char *name, const char *args);

/* Remove the device: 0, -EINVAL for a NULL name, -ENOENT if it is unknown. */
int rte_vdev_uninit(const char *name);

#ifdef __cplusplus
}
#endif

#endif
