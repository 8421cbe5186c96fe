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
RTE_DECLARE_PER_LCORE(rte_cpuset_t, _cpuset);

/* The id of the calling lcore, LCORE_ID_ANY for a thread that is not one. */
static inline unsigned int
rte_lcore_id(void)
{
	return RTE_PER_LCORE(_lcore_id);
}

unsigned int rte_get_main_lcore(void);
unsigned int rte_lcore_count(void);
int rte_lcore_index(int lcore_id);
unsigned int rte_socket_id(void);
unsigned int rte_socket_count(void);
int rte_socket_id_by_idx(unsigned int idx);
unsigned int rte_lcore_to_socket_id(unsigned int lcore_id);
int rte_lcore_to_cpu_id(int lcore_id);
rte_cpuset_t rte_lcore_cpuset(unsigned int lcore_id);
int rte_lcore_is_enabled(unsigned int lcore_id);
enum rte_lcore_role_t rte_eal_lcore_role(unsigned int lcore_id);
int rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role);
/* Next enabled lcore after i (skipping the main one if asked), RTE_MAX_LCORE at the end. */
unsigned int rte_get_next_lcore(unsigned int i, int skip_main, int wrap);
void rte_lcore_dump(FILE *f);

int rte_thread_set_affinity(rte_cpuset_t *cpusetp);
void rte_thread_get_affinity(rte_cpuset_t *cpusetp);
int rte_thread_setname(pthread_t id, const char *name);
int rte_thread_getname(pthread_t id, char *name, size_t len);
/* A control thread: named, on the CPUs not used by lcores. */
int rte_ctrl_thread_create(pthread_t *thread, const char *name,
			   const pthread_attr_t *attr,
			   void *(*start_routine)(void *), void *arg);
int rte_thread_register(void);
void rte_thread_unregister(void);

#define RTE_LCORE_FOREACH(i) \
	for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE; \
	     i = rte_get_next_lcore(i, 0, 0))

#define RTE_LCORE_FOREACH_WORKER(i) \
	for (i = rte_get_next_lcore(-1, 1, 0); i < RTE_MAX_LCORE; \
	     i = rte_get_next_lcore(i, 1, 0))

#ifdef __cplusplus
}
#endif

#endif
