/* SPDX-License-Identifier: BSD-3-Clause */
/* Logical cores: one pinned thread each. */
#ifndef _RTE_LCORE_H_
#define _RTE_LCORE_H_

#include <stdio.h>
#include <sched.h>
#include <pthread.h>

#include <rte_config.h>
#include <rte_per_lcore.h>
#include <rte_eal.h>
#include <rte_launch.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LCORE_ID_ANY UINT32_MAX
#define SOCKET_ID_ANY (-1)

typedef cpu_set_t rte_cpuset_t;

enum rte_lcore_role_t {
	ROLE_RTE,
	ROLE_OFF,
	ROLE_SERVICE,
	ROLE_NON_EAL,
};

RTE_DECLARE_PER_LCORE(unsigned int, _lcore_id);

/* The id of the calling lcore, LCORE_ID_ANY for a thread that is not one. */
static inline unsigned int
rte_lcore_id(void)
{
	return RTE_PER_LCORE(_lcore_id);
}

/* The id of the main lcore. Cannot fail; rte_errno is not set. */
unsigned int rte_get_main_lcore(void);
/*
 * The number of lcores in use: those of the lcore list, service lcores
 * (ROLE_SERVICE) and registered non-EAL threads (ROLE_NON_EAL) included as in DPDK. Cannot fail; rte_errno is not set.
 */
unsigned int rte_lcore_count(void);
/*
 * The index of lcore_id among enabled lcores (the caller's if negative); -1 if it is
 * not below RTE_MAX_LCORE, not enabled, or the caller is not an lcore. No rte_errno.
 */
int rte_lcore_index(int lcore_id);
/* The caller's NUMA socket, SOCKET_ID_ANY for a non-lcore thread. No rte_errno. */
unsigned int rte_socket_id(void);
/* The number of NUMA sockets found. Cannot fail; rte_errno is not set. */
unsigned int rte_socket_count(void);
/* The id of the idx-th NUMA socket; -1 with rte_errno EINVAL if idx is out of range. */
int rte_socket_id_by_idx(unsigned int idx);
/* The NUMA socket of lcore_id, 0 if it is not below RTE_MAX_LCORE. No rte_errno. */
unsigned int rte_lcore_to_socket_id(unsigned int lcore_id);
/* The CPU of lcore_id; -1 if it is out of range or not in the lcore list. No rte_errno. */
int rte_lcore_to_cpu_id(int lcore_id);
/* The CPU set of lcore_id (lcore 0's if out of range). No rte_errno. */
rte_cpuset_t rte_lcore_cpuset(unsigned int lcore_id);
/* 1 if lcore_id is enabled (ROLE_RTE), else 0 (also if out of range). No rte_errno. */
int rte_lcore_is_enabled(unsigned int lcore_id);
/* The role of lcore_id, ROLE_OFF if it is out of range. No rte_errno. */
enum rte_lcore_role_t rte_eal_lcore_role(unsigned int lcore_id);
/* 1 if lcore_id has role, 0 if not; -EINVAL if lcore_id is out of range. No rte_errno. */
int rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role);
/*
 * Next enabled lcore after i (skipping the main one if asked), RTE_MAX_LCORE at the end.
 * Cannot fail; rte_errno is not set.
 */
unsigned int rte_get_next_lcore(unsigned int i, int skip_main, int wrap);
/* Print the enabled lcores to f. Returns nothing; rte_errno is not set. */
void rte_lcore_dump(FILE *f);

/* Pin the calling thread to cpusetp: 0, or -1 if that fails. No rte_errno. */
int rte_thread_set_affinity(rte_cpuset_t *cpusetp);
/* Store the calling thread's recorded CPU set. Cannot fail; no rte_errno. */
void rte_thread_get_affinity(rte_cpuset_t *cpusetp);
/* Name thread id (cut to 15 characters): 0 or a negative errno. No rte_errno. */
int rte_thread_setname(pthread_t id, const char *name);
/* The name of thread id: 0, or a negative errno (-ERANGE if len is too small). No rte_errno. */
int rte_thread_getname(pthread_t id, char *name, size_t len);
/*
 * A control thread: named, on the CPUs not used by lcores. Returns 0, -ENOMEM, or
 * the negated pthread_create() error. rte_errno is not set.
 */
int rte_ctrl_thread_create(pthread_t *thread, const char *name,
			   const pthread_attr_t *attr,
			   void *(*start_routine)(void *), void *arg);
/*
 * Give the calling thread, which is not an lcore of the EAL, a free lcore
 * id (role ROLE_NON_EAL) after rte_eal_init(): rte_lcore_id() returns it
 * and the lcore callbacks' init run on it. Returns 0, or -1 with
 * rte_errno EINVAL (before rte_eal_init) or ENOMEM (every id taken, or a
 * callback refused the lcore; rte_lcore_id() stays LCORE_ID_ANY).
 */
int rte_thread_register(void);
/*
 * Give back the lcore id of a thread registered with rte_thread_register()
 * (the callbacks' uninit run on it); rte_lcore_id() is LCORE_ID_ANY after.
 * Does nothing in other threads. No rte_errno.
 */
void rte_thread_unregister(void);

#define RTE_LCORE_FOREACH(i) \
	for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE; \
	     i = rte_get_next_lcore(i, 0, 0))

#define RTE_LCORE_FOREACH_WORKER(i) \
	for (i = rte_get_next_lcore(-1, 1, 0); i < RTE_MAX_LCORE; \
	     i = rte_get_next_lcore(i, 1, 0))

/* Set up lcore_id's state for a user of lcores: 0 on success, any other value refuses. */
typedef int (*rte_lcore_init_cb)(unsigned int lcore_id, void *arg);
/* Tear down what rte_lcore_init_cb set up for lcore_id. */
typedef void (*rte_lcore_uninit_cb)(unsigned int lcore_id, void *arg);

/*
 * Run init(lcore_id, arg) for every lcore in use (any role but ROLE_OFF),
 * and remember uninit for rte_lcore_callback_unregister(); either may be
 * NULL. If init refuses an lcore, uninit runs on the lcores already
 * initialized and the registration fails. Returns a handle, or NULL when
 * name is NULL, init refused or memory ran out. rte_errno is not set.
 * Callbacks must not register or unregister callbacks themselves.
 */
void *rte_lcore_callback_register(const char *name, rte_lcore_init_cb init,
				  rte_lcore_uninit_cb uninit, void *arg);

/* Run uninit on every lcore in use, then forget the registration. NULL is ignored. */
void rte_lcore_callback_unregister(void *handle);

/* Called by rte_lcore_iterate(); a nonzero return stops the walk. */
typedef int (*rte_lcore_iterate_cb)(unsigned int lcore_id, void *arg);

/*
 * Call cb(lcore_id, arg) for every lcore in use, in id order. Returns 0,
 * or the first nonzero value cb returned.
 */
int rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg);

#ifdef __cplusplus
}
#endif

#endif
