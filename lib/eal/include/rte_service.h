/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Service cores (DPDK 22.11 API): functions that components register as
 * services (see rte_service_component.h) and that service lcores call in a
 * loop. A service lcore is an EAL lcore taken out of the application's use:
 * -s COREMASK or -S CORELIST make lcores of the lcore list service lcores at
 * rte_eal_init(), rte_service_lcore_add() does it at run time. RTE_LCORE_FOREACH
 * and rte_eal_mp_remote_launch() skip service lcores; rte_lcore_count() still
 * counts them, as in DPDK.
 *
 * A service runs on a service lcore when three switches are on: the
 * component's runstate (rte_service_component_runstate_set()), the
 * application's runstate (rte_service_runstate_set()) and the lcore's own
 * (rte_service_lcore_start()), and when the service is mapped to that lcore
 * (rte_service_map_lcore_set()). A service without RTE_SERVICE_CAP_MT_SAFE
 * runs on one lcore at a time, whatever the mapping.
 *
 * Services are configured from one control thread at a time. None of these
 * functions sets rte_errno: the return value is the error, as in DPDK.
 */
#ifndef _RTE_SERVICE_H_
#define _RTE_SERVICE_H_

#include <stdio.h>
#include <stdint.h>

#include <rte_compat.h>
#include <rte_config.h>
#include <rte_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Size of a service name, with its terminating NUL. */
#define RTE_SERVICE_NAME_MAX 32

/* Capability: several lcores may run the service at the same time. */
#define RTE_SERVICE_CAP_MT_SAFE (1 << 0)

/*
 * The number of registered services.
 * @return
 *   That number; cannot fail.
 *   rte_errno is not set.
 */
uint32_t rte_service_get_count(void);

/*
 * Find a service by name.
 * @param name
 *   The name it was registered with.
 * @param service_id
 *   Where to store its id.
 * @return
 *   0 on success; -EINVAL if service_id or name is NULL; -ENODEV if no
 *   registered service has that name.
 *   rte_errno is not set.
 */
int32_t rte_service_get_by_name(const char *name, uint32_t *service_id);

/*
 * The name of a service.
 * @param id
 *   The service id.
 * @return
 *   Its name, owned by the library; NULL if id is not a registered service.
 *   rte_errno is not set.
 */
const char *rte_service_get_name(uint32_t id);

/*
 * Whether a service has a capability.
 * @param id
 *   The service id.
 * @param capability
 *   RTE_SERVICE_CAP_* bits.
 * @return
 *   1 if it has one of them, 0 if not; -EINVAL if id is not a registered
 *   service.
 *   rte_errno is not set.
 */
int32_t rte_service_probe_capability(uint32_t id, uint32_t capability);

/*
 * Map a service to a service lcore, or unmap it. A service mapped to several
 * lcores runs on one of them at a time unless it is RTE_SERVICE_CAP_MT_SAFE.
 * @param service_id
 *   The service id.
 * @param lcore
 *   A service lcore.
 * @param enable
 *   Nonzero to map, zero to unmap.
 * @return
 *   0 on success (also when nothing changed); -EINVAL if service_id is not a
 *   registered service or lcore is not a service lcore.
 *   rte_errno is not set.
 */
int32_t rte_service_map_lcore_set(uint32_t service_id, uint32_t lcore, uint32_t enable);

/*
 * Whether a service is mapped to an lcore.
 * @param service_id
 *   The service id.
 * @param lcore
 *   A service lcore.
 * @return
 *   1 if mapped, 0 if not; -EINVAL if service_id is not a registered service
 *   or lcore is not a service lcore.
 *   rte_errno is not set.
 */
int32_t rte_service_map_lcore_get(uint32_t service_id, uint32_t lcore);

/*
 * Set the application's runstate of a service: the service runs only while
 * this and the component's runstate are both nonzero.
 * @param id
 *   The service id.
 * @param runstate
 *   Nonzero to let it run, zero to stop it.
 * @return
 *   0 on success; -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_runstate_set(uint32_t id, uint32_t runstate);

/*
 * Whether a service will get CPU time: both runstates are on and a service
 * lcore is mapped to it (or the mapped check is off, see
 * rte_service_set_runstate_mapped_check()).
 * @param id
 *   The service id.
 * @return
 *   1 if so, 0 if not; -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_runstate_get(uint32_t id);

/*
 * Whether a service may still be running on an lcore, e.g. after its
 * runstate was set to zero. A service lcore notices a stopped service on its
 * next loop; call this until it returns 0 before freeing what the service
 * uses.
 * @param id
 *   The service id.
 * @return
 *   1 if it may be running on some lcore, 0 if it runs nowhere; -EINVAL if id
 *   is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_may_be_active(uint32_t id);

/*
 * Turn the check that a service lcore is mapped (see
 * rte_service_runstate_get()) on or off. An application that runs the
 * service itself with rte_service_run_iter_on_app_lcore() turns it off. It is
 * on when a service is registered.
 * @param id
 *   The service id.
 * @param enable
 *   Nonzero to check, zero not to.
 * @return
 *   0 on success; -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_set_runstate_mapped_check(uint32_t id, int32_t enable);

/*
 * Run one iteration of a service on the calling thread, which need not be a
 * service lcore. Both runstates must be on; the mapping does not matter.
 * @param id
 *   The service id.
 * @param serialize_multithread_unsafe
 *   Nonzero: a service without RTE_SERVICE_CAP_MT_SAFE is not run if another
 *   lcore is running it. Zero: the caller guarantees that nobody else runs it.
 * @return
 *   0 if the service ran; -EBUSY if it is not MT-safe, serialization was asked
 *   for and another lcore is running it; -ENOEXEC if a runstate is off;
 *   -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_run_iter_on_app_lcore(uint32_t id, uint32_t serialize_multithread_unsafe);

/*
 * Start a service lcore: it runs its mapped services in a loop until
 * rte_service_lcore_stop(). If its previous loop is still finishing, this
 * waits for it to return first.
 * @param lcore_id
 *   A service lcore.
 * @return
 *   0 on success; -EINVAL if lcore_id is not a service lcore; -EALREADY if it
 *   is already started; -EBUSY if it is running a function that
 *   rte_eal_remote_launch() gave it.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_start(uint32_t lcore_id);

/*
 * Stop a service lcore. It stays a service lcore, and finishes the service it
 * is running before it leaves its loop, possibly after this returns (see
 * rte_service_lcore_may_be_active()).
 * @param lcore_id
 *   A service lcore.
 * @return
 *   0 on success; -EINVAL if lcore_id is not below RTE_MAX_LCORE; -EALREADY if
 *   it is not started (also when it is not a service lcore, as in DPDK);
 *   -EBUSY if a running service is mapped to this lcore only: stop the
 *   service or map it elsewhere first.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_stop(uint32_t lcore_id);

/*
 * Whether a service lcore is still in its loop (it may be, shortly after
 * rte_service_lcore_stop()).
 * @param lcore_id
 *   A service lcore.
 * @return
 *   1 if in its loop, 0 if it returned to the EAL; -EINVAL if lcore_id is not
 *   a service lcore.
 *   rte_errno is not set.
 */
__rte_experimental int32_t rte_service_lcore_may_be_active(uint32_t lcore_id);

/*
 * Make an lcore of the lcore list a service lcore, stopped, with no services
 * mapped, its loops and cycles at 0. It leaves RTE_LCORE_FOREACH and
 * rte_eal_mp_remote_launch().
 * @param lcore
 *   A worker lcore (not the main lcore).
 * @return
 *   0 on success; -EALREADY if it is a service lcore already; -EBUSY if it is
 *   running a function that rte_eal_remote_launch() gave it; -EINVAL if it is
 *   not a worker lcore of the lcore list (-l, -c, --lcores) or it is the
 *   main lcore (one log line says which).
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_add(uint32_t lcore);

/*
 * Give a stopped service lcore back to the application (ROLE_RTE); its
 * services are unmapped.
 * @param lcore
 *   A service lcore.
 * @return
 *   0 on success; -EBUSY if it is started: rte_service_lcore_stop() it first;
 *   -EINVAL if it is not a service lcore.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_del(uint32_t lcore);

/*
 * The number of service lcores.
 * @return
 *   That number; cannot fail.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_count(void);

/*
 * Stop every service lcore, wait until each has left its loop, unmap every
 * service and give the lcores back to the application (ROLE_RTE), as DPDK
 * 22.11's implementation does. The runstates of the services do not change.
 * Must not be called from a service.
 * @return
 *   0; cannot fail.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_reset_all(void);

/*
 * Turn the statistics of a service on or off: the calls of each lcore and the
 * TSC cycles they took (see rte_service_attr_get()). Off when registered.
 * @param id
 *   The service id.
 * @param enable
 *   Nonzero to count, zero not to.
 * @return
 *   0 on success; -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_set_stats_enable(uint32_t id, int32_t enable);

/*
 * The ids of the service lcores, in increasing order.
 * @param array
 *   Where to store them.
 * @param n
 *   The size of array: RTE_MAX_LCORE is always enough.
 * @return
 *   The number stored; -ENOMEM (nothing stored) if n is below
 *   rte_service_lcore_count(); -EINVAL if array is NULL.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_list(uint32_t array[], uint32_t n);

/*
 * The number of services mapped to a service lcore.
 * @param lcore
 *   A service lcore.
 * @return
 *   That number; -EINVAL if lcore is not below RTE_MAX_LCORE; -ENOTSUP if it
 *   is not a service lcore.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_count_services(uint32_t lcore);

/*
 * Print the services, their statistics and the service lcores to f.
 * @param f
 *   The stream.
 * @param id
 *   A service id, or UINT32_MAX for all services and the service lcores.
 * @return
 *   0 on success; -EINVAL if f is NULL or id is neither UINT32_MAX nor a
 *   registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_dump(FILE *f, uint32_t id);

/* Service attribute: TSC cycles its calls took (calls that returned -EAGAIN excluded). */
#define RTE_SERVICE_ATTR_CYCLES 0

/* Service attribute: the number of calls of its function. */
#define RTE_SERVICE_ATTR_CALL_COUNT 1

/*
 * Read a statistic of a service, summed over all lcores (including calls made
 * with rte_service_run_iter_on_app_lcore()). Counted only while statistics
 * are enabled (rte_service_set_stats_enable()).
 * @param id
 *   The service id.
 * @param attr_id
 *   RTE_SERVICE_ATTR_CYCLES or RTE_SERVICE_ATTR_CALL_COUNT.
 * @param attr_value
 *   Where to store the value.
 * @return
 *   0 on success; -EINVAL if id is not a registered service, attr_id is
 *   unknown or attr_value is NULL.
 *   rte_errno is not set.
 */
int32_t rte_service_attr_get(uint32_t id, uint32_t attr_id, uint64_t *attr_value);

/*
 * Set the statistics of a service to zero on every lcore.
 * @param id
 *   The service id.
 * @return
 *   0 on success; -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_attr_reset_all(uint32_t id);

/* Service lcore attribute: the number of loops over its mapped services. */
#define RTE_SERVICE_LCORE_ATTR_LOOPS 0

/* Service lcore attribute: TSC cycles its services took (with statistics on). */
#define RTE_SERVICE_LCORE_ATTR_CYCLES 1

/*
 * Read a statistic of a service lcore.
 * @param lcore
 *   A service lcore.
 * @param attr_id
 *   RTE_SERVICE_LCORE_ATTR_LOOPS or RTE_SERVICE_LCORE_ATTR_CYCLES.
 * @param attr_value
 *   Where to store the value.
 * @return
 *   0 on success; -EINVAL if lcore is not below RTE_MAX_LCORE, attr_id is
 *   unknown or attr_value is NULL; -ENOTSUP if lcore is not a service lcore.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_attr_get(uint32_t lcore, uint32_t attr_id, uint64_t *attr_value);

/*
 * Set the loops and cycles of a service lcore to zero.
 * @param lcore
 *   A service lcore.
 * @return
 *   0 on success; -EINVAL if lcore is not below RTE_MAX_LCORE; -ENOTSUP if it
 *   is not a service lcore.
 *   rte_errno is not set.
 */
int32_t rte_service_lcore_attr_reset_all(uint32_t lcore);

#ifdef __cplusplus
}
#endif

#endif
