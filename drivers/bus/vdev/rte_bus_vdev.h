/* SPDX-License-Identifier: BSD-3-Clause */
/* Virtual devices (--vdev): create and destroy them at run time. */
#ifndef RTE_VDEV_H
#define RTE_VDEV_H

#ifdef __cplusplus
extern "C" {
#endif

/* Called before each scan of the vdev bus with the user_arg it was added with. */
typedef void (*rte_vdev_scan_callback)(void *user_arg);

/*
 * Run callback(user_arg) before each vdev bus scan (it may add devargs).
 * Returns 0 (also when that pair is already added), or -ENOMEM (DPDK: -1).
 * rte_errno is not set.
 */
int rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg);
/*
 * Remove the first callback added with user_arg ((void *)-1: any argument).
 * Returns 0, or -1 when no such pair was added (DPDK returns 0 then).
 * rte_errno is not set.
 */
int rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg);

/*
 * Create and probe the device name ("net_null0") with args ("size=64", may
 * be NULL). Returns 0; -EINVAL when name is NULL, empty or of
 * RTE_DEV_NAME_MAX_LEN characters or more, or when no driver matches it
 * (DPDK 22.11 returns -1 for the latter);
 * -EEXIST when a device has that name; -ENOMEM; or the driver's negative
 * probe error (-EINVAL for a positive one). The cause is logged; rte_errno
 * is not set by the bus (the driver may set it).
 */
int rte_vdev_init(const char *name, const char *args);

/*
 * Remove the device name through its driver. Returns 0; -EINVAL when name
 * is NULL; -ENOENT when no device has that name; or the driver's remove
 * error (the device then stays). rte_errno is not set by the bus.
 */
int rte_vdev_uninit(const char *name);

#ifdef __cplusplus
}
#endif

#endif
