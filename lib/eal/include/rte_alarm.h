/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One-shot alarms (DPDK 22.11 API). Callbacks run in the eal-intr thread,
 * never before the requested time.
 */
#ifndef _RTE_ALARM_H_
#define _RTE_ALARM_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An alarm callback; arg is the cb_arg given to rte_eal_alarm_set. */
typedef void (*rte_eal_alarm_callback)(void *arg);

/*
 * Call cb(cb_arg) once, us microseconds from now, in the eal-intr thread.
 * Returns 0; -EINVAL when us is 0 or too large or cb is NULL; -ENOTSUP when
 * the EAL is not initialised; -ENOMEM when out of memory; or the negative
 * errno of registering the alarm timer with the interrupt thread.
 * rte_errno is not set.
 */
int rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb, void *cb_arg);

/*
 * Cancel the pending alarms of cb_fn with cb_arg ((void *)-1: any arg);
 * waits for ones running in another thread. Returns the number cancelled
 * (0 or more): rte_errno is set to ENOENT when none matched, to EINPROGRESS
 * when one could not be cancelled because it is the running callback itself,
 * and is left alone otherwise. Returns -1 with rte_errno EINVAL when cb_fn is
 * NULL.
 */
int rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ALARM_H_ */
