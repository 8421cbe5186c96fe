/* SPDX-License-Identifier: BSD-3-Clause */
/* CPU topology and the lcore threads: one pinned, named thread per worker. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <numa.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "eal_private.h"

struct lcore_config lcore_config[RTE_MAX_LCORE];
struct eal_topology eal_topo;

/* Threads that are not lcores report LCORE_ID_ANY, as in DPDK. */
__rte_export RTE_DEFINE_PER_LCORE(unsigned int, _lcore_id) = LCORE_ID_ANY;
static RTE_DEFINE_PER_LCORE(rte_cpuset_t, _cpuset);
static RTE_DEFINE_PER_LCORE(unsigned int, _socket_id) = (unsigned int)SOCKET_ID_ANY;
__rte_export RTE_DEFINE_PER_LCORE(int, _thread_id);

static unsigned int cpu_socket[CPU_SETSIZE];
static bool cpu_present[CPU_SETSIZE];

/* Wakes a worker for a new job or for shutdown. */
static pthread_mutex_t launch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t launch_cond = PTHREAD_COND_INITIALIZER;
static bool lcores_quit;

__rte_export int
rte_sys_gettid(void)
{
	return (int)syscall(SYS_gettid);
}

int
eal_cpu_exists(unsigned int cpu)
{
	return cpu < CPU_SETSIZE && cpu_present[cpu];
}

unsigned int
eal_cpu_socket_id(unsigned int cpu)
{
	return cpu < CPU_SETSIZE ? cpu_socket[cpu] : 0;
}

int
eal_cpu_detect(void)
{
	bool node_seen[RTE_MAX_NUMA_NODES] = { false };
	bool numa = numa_available() >= 0;
	char path[128];

	memset(&eal_topo, 0, sizeof(eal_topo));
	memset(cpu_present, 0, sizeof(cpu_present));
	for (unsigned int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		int node = 0;

		snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%u/topology", cpu);
		if (access(path, F_OK) != 0)
			continue;
		cpu_present[cpu] = true;
		if (numa) {
			node = numa_node_of_cpu((int)cpu);
			if (node < 0)
				node = 0;
		}
		if (node >= RTE_MAX_NUMA_NODES) {
			EAL_LOG(WARNING, "CPU %u is on NUMA node %d, above the build's "
				"maximum %d: counted as node 0\n", cpu, node,
				RTE_MAX_NUMA_NODES - 1);
			node = 0;
		}
		cpu_socket[cpu] = (unsigned int)node;
		node_seen[node] = true;
		eal_topo.lcore_count = cpu + 1;
	}
	if (eal_topo.lcore_count == 0)
		return eal_fail(ENODEV, "EAL: no CPUs found in /sys/devices/system/cpu: "
				"is sysfs mounted?\n");
	for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++)
		if (node_seen[n])
			eal_topo.numa_node_ids[eal_topo.numa_nodes++] = n;
	return 0;
}

static void *
lcore_thread_main(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg;
	struct lcore_config *lc = &lcore_config[id];

	RTE_PER_LCORE(_lcore_id) = id;
	RTE_PER_LCORE(_socket_id) = lc->socket_id;
	RTE_PER_LCORE(_cpuset) = lc->cpuset;

	pthread_mutex_lock(&launch_lock);
	for (;;) {
		lcore_function_t *f;

		while (!lcores_quit && __atomic_load_n(&lc->state, __ATOMIC_ACQUIRE) != RUNNING)
			pthread_cond_wait(&launch_cond, &launch_lock);
		if (lcores_quit)
			break;
		f = lc->f;
		pthread_mutex_unlock(&launch_lock);

		lc->ret = f(lc->arg);
		lc->f = NULL;
		lc->arg = NULL;
		/* release: pairs with the acquire load in rte_eal_wait_lcore, so
		 * the waiter sees ret and everything f wrote */
		__atomic_store_n(&lc->state, WAIT, __ATOMIC_RELEASE);

		pthread_mutex_lock(&launch_lock);
	}
	pthread_mutex_unlock(&launch_lock);
	return NULL;
}

int
eal_lcores_start(void)
{
	unsigned int main_id = eal_cfg.main_lcore;
	unsigned int index = 0;
	struct lcore_config *mlc = &lcore_config[main_id];
	int ret;

	lcores_quit = false;
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		lcore_config[i].thread_started = false;
		lcore_config[i].state = WAIT;
		if (lcore_config[i].role == ROLE_RTE)
			lcore_config[i].core_index = index++;
		else
			lcore_config[i].core_index = (unsigned int)-1;
	}

	/* The calling thread becomes the main lcore. */
	ret = pthread_setaffinity_np(pthread_self(), sizeof(mlc->cpuset), &mlc->cpuset);
	if (ret != 0)
		return eal_fail(ret, "EAL: cannot pin the main lcore to CPU %u: %s "
				"(is the CPU outside this process's cpuset?)\n",
				mlc->core_id, strerror(ret));
	mlc->thread_id = pthread_self();
	RTE_PER_LCORE(_lcore_id) = main_id;
	RTE_PER_LCORE(_socket_id) = mlc->socket_id;
	RTE_PER_LCORE(_cpuset) = mlc->cpuset;

	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		struct lcore_config *lc = &lcore_config[i];
		char name[16];

		if (lc->role != ROLE_RTE || i == main_id)
			continue;
		ret = pthread_create(&lc->thread_id, NULL, lcore_thread_main,
				     (void *)(uintptr_t)i);
		if (ret != 0) {
			eal_lcores_stop();
			return eal_fail(ret, "EAL: cannot create the thread of lcore %u: %s\n",
					i, strerror(ret));
		}
		lc->thread_started = true;
		snprintf(name, sizeof(name), "rte-worker-%u", i);
		pthread_setname_np(lc->thread_id, name);
		ret = pthread_setaffinity_np(lc->thread_id, sizeof(lc->cpuset), &lc->cpuset);
		if (ret != 0) {
			eal_lcores_stop();
			return eal_fail(ret, "EAL: cannot pin lcore %u to CPU %u: %s\n",
					i, lc->core_id, strerror(ret));
		}
	}
	return 0;
}

void
eal_lcores_stop(void)
{
	pthread_mutex_lock(&launch_lock);
	lcores_quit = true;
	pthread_cond_broadcast(&launch_cond);
	pthread_mutex_unlock(&launch_lock);
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		struct lcore_config *lc = &lcore_config[i];

		if (!lc->thread_started)
			continue;
		pthread_join(lc->thread_id, NULL);
		lc->thread_started = false;
	}
	if (RTE_PER_LCORE(_lcore_id) == eal_cfg.main_lcore)
		RTE_PER_LCORE(_lcore_id) = LCORE_ID_ANY;
}

__rte_export int
rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id)
{
	struct lcore_config *lc;

	if (worker_id >= RTE_MAX_LCORE || worker_id == eal_cfg.main_lcore ||
	    !lcore_config[worker_id].thread_started)
		return -EINVAL;
	lc = &lcore_config[worker_id];
	if (__atomic_load_n(&lc->state, __ATOMIC_ACQUIRE) != WAIT)
		return -EBUSY;
	pthread_mutex_lock(&launch_lock);
	lc->f = f;
	lc->arg = arg;
	/* release: pairs with the acquire load in lcore_thread_main */
	__atomic_store_n(&lc->state, RUNNING, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&launch_cond);
	pthread_mutex_unlock(&launch_lock);
	return 0;
}

__rte_export int
rte_eal_mp_remote_launch(lcore_function_t *f, void *arg, enum rte_rmt_call_main_t call_main)
{
	unsigned int i, main_id = eal_cfg.main_lcore;

	RTE_LCORE_FOREACH_WORKER(i) {
		if (__atomic_load_n(&lcore_config[i].state, __ATOMIC_ACQUIRE) != WAIT)
			return -EBUSY;
	}
	RTE_LCORE_FOREACH_WORKER(i)
		rte_eal_remote_launch(f, arg, i);
	if (call_main == CALL_MAIN) {
		lcore_config[main_id].ret = f(arg);
		lcore_config[main_id].state = WAIT;
	}
	return 0;
}

__rte_export enum rte_lcore_state_t
rte_eal_get_lcore_state(unsigned int worker_id)
{
	if (worker_id >= RTE_MAX_LCORE)
		return WAIT;
	return __atomic_load_n(&lcore_config[worker_id].state, __ATOMIC_ACQUIRE);
}

__rte_export int
rte_eal_wait_lcore(unsigned int worker_id)
{
	if (worker_id >= RTE_MAX_LCORE || lcore_config[worker_id].role == ROLE_OFF)
		return 0;
	/* acquire: pairs with the release store of WAIT by the worker */
	while (__atomic_load_n(&lcore_config[worker_id].state, __ATOMIC_ACQUIRE) != WAIT)
		rte_pause();
	return lcore_config[worker_id].ret;
}

__rte_export void
rte_eal_mp_wait_lcore(void)
{
	unsigned int i;

	RTE_LCORE_FOREACH_WORKER(i)
		rte_eal_wait_lcore(i);
}

__rte_export unsigned int
rte_get_main_lcore(void)
{
	return eal_cfg.main_lcore;
}

__rte_export unsigned int
rte_lcore_count(void)
{
	unsigned int n = 0;

	/* every role but ROLE_OFF counts, as DPDK counts in its lcore_count */
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++)
		n += lcore_config[i].role != ROLE_OFF;
	return n;
}

__rte_export int
rte_lcore_index(int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -1;
	if (lcore_id < 0) {
		if (rte_lcore_id() == LCORE_ID_ANY)
			return -1;
		lcore_id = (int)rte_lcore_id();
	}
	return (int)lcore_config[lcore_id].core_index;
}

__rte_export unsigned int
rte_socket_id(void)
{
	/* SOCKET_ID_ANY for threads that are not lcores, as in DPDK */
	return RTE_PER_LCORE(_socket_id);
}

__rte_export unsigned int
rte_socket_count(void)
{
	return eal_topo.numa_nodes;
}

__rte_export int
rte_socket_id_by_idx(unsigned int idx)
{
	if (idx >= eal_topo.numa_nodes) {
		rte_errno = EINVAL;
		return -1;
	}
	return (int)eal_topo.numa_node_ids[idx];
}

__rte_export unsigned int
rte_lcore_to_socket_id(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return 0;
	return lcore_config[lcore_id].socket_id;
}

__rte_export int
rte_lcore_to_cpu_id(int lcore_id)
{
	if (lcore_id < 0 || lcore_id >= RTE_MAX_LCORE ||
	    lcore_config[lcore_id].role == ROLE_OFF)
		return -1;
	return (int)lcore_config[lcore_id].core_id;
}

__rte_export rte_cpuset_t
rte_lcore_cpuset(unsigned int lcore_id)
{
	return lcore_config[lcore_id < RTE_MAX_LCORE ? lcore_id : 0].cpuset;
}

__rte_export int
rte_lcore_is_enabled(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return 0;
	return lcore_config[lcore_id].role == ROLE_RTE;
}

__rte_export enum rte_lcore_role_t
rte_eal_lcore_role(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return ROLE_OFF;
	return lcore_config[lcore_id].role;
}

__rte_export int
rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -EINVAL;
	return lcore_config[lcore_id].role == role;
}

__rte_export unsigned int
rte_get_next_lcore(unsigned int i, int skip_main, int wrap)
{
	i++;
	if (wrap)
		i %= RTE_MAX_LCORE;
	while (i < RTE_MAX_LCORE) {
		if (lcore_config[i].role == ROLE_RTE &&
		    !(skip_main && i == eal_cfg.main_lcore))
			break;
		i++;
		if (wrap)
			i %= RTE_MAX_LCORE;
	}
	return i;
}

const char *
eal_lcore_role_name(enum rte_lcore_role_t role)
{
	switch (role) {
	case ROLE_RTE:
		return "RTE";
	case ROLE_SERVICE:
		return "SERVICE";
	case ROLE_NON_EAL:
		return "NON_EAL";
	default:
		return "UNKNOWN";
	}
}

/* The CPUs of set as "0,2,5" in buf; false when buf was too short for all */
static bool
cpuset_list(const rte_cpuset_t *set, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned int c = 0; c < CPU_SETSIZE; c++) {
		int n;

		if (!CPU_ISSET(c, set))
			continue;
		n = snprintf(buf + len, size - len, "%s%u", len ? "," : "", c);
		if (n < 0 || (size_t)n >= size - len) {
			buf[len] = '\0';	/* no half number */
			return false;
		}
		len += (size_t)n;
	}
	return true;
}

/* DPDK's line: every lcore in use, whatever its role, with its CPUs */
__rte_export void
rte_lcore_dump(FILE *f)
{
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		const struct lcore_config *lc = &lcore_config[i];
		char cpus[256];
		bool whole;

		if (lc->role == ROLE_OFF)
			continue;
		whole = cpuset_list(&lc->cpuset, cpus, sizeof(cpus));
		fprintf(f, "lcore %u, socket %u, role %s, cpuset %s%s\n", i, lc->socket_id,
			eal_lcore_role_name(lc->role), cpus, whole ? "" : "...");
	}
}

__rte_export int
rte_thread_set_affinity(rte_cpuset_t *cpusetp)
{
	if (pthread_setaffinity_np(pthread_self(), sizeof(*cpusetp), cpusetp) != 0)
		return -1;
	RTE_PER_LCORE(_cpuset) = *cpusetp;
	return 0;
}

__rte_export void
rte_thread_get_affinity(rte_cpuset_t *cpusetp)
{
	*cpusetp = RTE_PER_LCORE(_cpuset);
}

__rte_export int
rte_thread_setname(pthread_t id, const char *name)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%s", name);
	return -pthread_setname_np(id, buf);
}

__rte_export int
rte_thread_getname(pthread_t id, char *name, size_t len)
{
	return -pthread_getname_np(id, name, len);
}

struct ctrl_thread_arg {
	void *(*fn)(void *);
	void *arg;
};

static void *
ctrl_thread_start(void *p)
{
	struct ctrl_thread_arg a = *(struct ctrl_thread_arg *)p;

	free(p);
	return a.fn(a.arg);
}

__rte_export int
rte_ctrl_thread_create(pthread_t *thread, const char *name, const pthread_attr_t *attr,
		       void *(*start_routine)(void *), void *arg)
{
	struct ctrl_thread_arg *a = malloc(sizeof(*a));
	cpu_set_t set;
	int ret;

	if (a == NULL)
		return -ENOMEM;
	a->fn = start_routine;
	a->arg = arg;
	ret = pthread_create(thread, attr, ctrl_thread_start, a);
	if (ret != 0) {
		free(a);
		return -ret;
	}
	rte_thread_setname(*thread, name);
	/* Control threads stay off the lcores' CPUs when others are free. */
	CPU_ZERO(&set);
	for (unsigned int cpu = 0; cpu < eal_topo.lcore_count; cpu++)
		if (cpu_present[cpu])
			CPU_SET(cpu, &set);
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++)
		if (lcore_config[i].role != ROLE_OFF)
			CPU_CLR(lcore_config[i].core_id, &set);
	if (CPU_COUNT(&set) > 0)
		pthread_setaffinity_np(*thread, sizeof(set), &set);
	return 0;
}

/* The NUMA node of every CPU of set, or SOCKET_ID_ANY when they span several. */
static unsigned int
lcore_cpuset_socket(const rte_cpuset_t *set)
{
	unsigned int socket = (unsigned int)SOCKET_ID_ANY;

	for (unsigned int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, set))
			continue;
		if (socket != (unsigned int)SOCKET_ID_ANY && socket != eal_cpu_socket_id(cpu))
			return (unsigned int)SOCKET_ID_ANY;
		socket = eal_cpu_socket_id(cpu);
	}
	return socket;
}

__rte_export int
rte_thread_register(void)
{
	rte_cpuset_t set;
	unsigned int id;

	/* rte_eal_init sets up the lcore table: an id lent before would be lost */
	if (!eal_cfg.init_complete) {
		EAL_LOG(ERR, "rte_thread_register: call rte_eal_init first\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (pthread_getaffinity_np(pthread_self(), sizeof(set), &set) != 0)
		CPU_ZERO(&set);
	RTE_PER_LCORE(_cpuset) = set;
	RTE_PER_LCORE(_socket_id) = lcore_cpuset_socket(&set);
	id = eal_lcore_non_eal_allocate();
	if (id == RTE_MAX_LCORE) {
		rte_errno = ENOMEM;
		return -1;
	}
	lcore_config[id].cpuset = set;
	lcore_config[id].socket_id = RTE_PER_LCORE(_socket_id);
	RTE_PER_LCORE(_lcore_id) = id;
	return 0;
}

__rte_export void
rte_thread_unregister(void)
{
	unsigned int id = RTE_PER_LCORE(_lcore_id);

	/* an lcore of the EAL keeps its id */
	if (id >= RTE_MAX_LCORE || lcore_config[id].role != ROLE_NON_EAL)
		return;
	eal_lcore_non_eal_release(id);
	RTE_PER_LCORE(_lcore_id) = LCORE_ID_ANY;
}
