/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Service cores, the component's side (DPDK 22.11 API): a component (a
 * driver, a library, or the application itself) that needs CPU time
 * registers a service, then says when it is ready to run. The application
 * maps it to service lcores and starts it with the functions of
 * rte_service.h. None of these functions sets rte_errno.
 */
#ifndef _RTE_SERVICE_COMPONENT_H_
#define _RTE_SERVICE_COMPONENT_H_

#include <stdint.h>

#include <rte_service.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * One iteration of a service. Return -EAGAIN when there was nothing to do:
 * the cycles of that call are then not counted in the statistics.
 */
typedef int32_t (*rte_service_func)(void *args);

/* What a component registers. */
struct rte_service_spec {
	char name[RTE_SERVICE_NAME_MAX]; /* unique by convention, NUL-terminated */
	rte_service_func callback;	 /* one iteration of the service */
	void *callback_userdata;	 /* passed to callback */
	uint32_t capabilities;		 /* RTE_SERVICE_CAP_* */
	int socket_id;			 /* NUMA socket the service prefers */
};

/*
 * Register a service. It starts with both runstates off, statistics off and
 * the mapped check on, mapped to no lcore. The spec is copied.
 * @param spec
 *   The service: a nonempty name and a callback.
 * @param service_id
 *   Where to store its id (may be NULL).
 * @return
 *   0 on success; -EINVAL if spec or its callback is NULL or its name is empty
 *   or not NUL-terminated; -ENOSPC if 64 services are registered.
 *   rte_errno is not set.
 */
int32_t rte_service_component_register(const struct rte_service_spec *spec, uint32_t *service_id);

/*
 * Unregister a service; it is unmapped from every lcore. It must not be
 * running: set a runstate off and wait until rte_service_may_be_active()
 * returns 0.
 * @param id
 *   The service id.
 * @return
 *   0 on success; -EBUSY if it may still be running on an lcore (nothing
 *   done); -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_component_unregister(uint32_t id);

/*
 * Start every service lcore and map the services to them round robin, with
 * their application runstate on. rte_eal_init() calls it after probing the
 * devices.
 * @return
 *   0 on success; -ENOTSUP if there is no service lcore; -ENODEV if a service
 *   could not be mapped.
 *   rte_errno is not set.
 */
int32_t rte_service_start_with_defaults(void);

/*
 * Set the component's runstate of a service: nonzero when it is configured
 * and ready to run, zero to hold it.
 * @param id
 *   The service id.
 * @param runstate
 *   Nonzero for ready, zero for not.
 * @return
 *   0 on success; -EINVAL if id is not a registered service.
 *   rte_errno is not set.
 */
int32_t rte_service_component_runstate_set(uint32_t id, uint32_t runstate);

/*
 * Make the lcores given with -s/-S service lcores. rte_eal_init() calls it.
 * @return
 *   0 on success; -EALREADY if the library is initialized already.
 *   rte_errno is not set.
 */
int32_t rte_service_init(void);

/*
 * Stop the service lcores, wait for them and unregister every service.
 * rte_eal_cleanup() calls it. Returns nothing, and does nothing when the
 * library is not initialized. rte_errno is not set.
 */
void rte_service_finalize(void);

#ifdef __cplusplus
}
#endif

#endif
