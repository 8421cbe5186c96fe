/* SPDX-License-Identifier: BSD-3-Clause */
/* EAL internals shared by its source files. Never installed. */
#ifndef _EAL_PRIVATE_H_
#define _EAL_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <pthread.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_launch.h>

/* Internal symbols are hidden from the shared library by default. */
#define __rte_export __attribute__((visibility("default")))

/* --huge-unlink[=existing|always|never], DPDK's hugepage file discipline. */
enum eal_huge_unlink {
	EAL_HUGE_UNLINK_EXISTING,	/* default: stale files removed, ours re-created */
	EAL_HUGE_UNLINK_ALWAYS,		/* ours removed once open: nothing left on disk */
	EAL_HUGE_UNLINK_NEVER,		/* files kept and reused as they are */
};

/* What the command line asked for (filled by eal_options.c). */
struct eal_internal_config {
	bool no_huge;			/* --no-huge: anonymous 4K memory */
	bool in_memory;			/* --in-memory: no files at all */
	bool no_pci;			/* --no-pci */
	bool force_sockets;		/* --socket-mem given */
	bool huge_dir_given;
	enum eal_huge_unlink huge_unlink; /* --huge-unlink, for --huge-dir files */
	char huge_dir[256];		/* --huge-dir: hugetlbfs mount to use */
	char file_prefix[64];		/* --file-prefix, default "rte" */
	size_t memory;			/* -m, in bytes; 0 = grow on demand */
	size_t socket_mem[RTE_MAX_NUMA_NODES]; /* --socket-mem, in bytes */
	bool force_socket_limits;	/* --socket-limit given */
	size_t socket_limit[RTE_MAX_NUMA_NODES]; /* --socket-limit, bytes, 0 = none */
	enum rte_iova_mode iova_mode;	/* --iova-mode, RTE_IOVA_DC = auto */
	uint64_t base_virtaddr;		/* --base-virtaddr, 0 = chosen by the EAL */
	enum rte_proc_type_t process_type;
	unsigned int main_lcore;
	bool service_lcore[RTE_MAX_LCORE]; /* -s/-S: made service lcores at init */
	char user_mbuf_pool_ops_name[64];
	bool no_telemetry;		/* --no-telemetry */
	bool init_complete;
};

extern struct eal_internal_config eal_cfg;

/* One lcore: its thread, its command pipe, where it runs. */
struct lcore_config {
	pthread_t thread_id;
	int pipe_main2worker[2];
	int pipe_worker2main[2];
	lcore_function_t *volatile f;
	void *volatile arg;
	volatile int ret;
	volatile enum rte_lcore_state_t state;
	unsigned int socket_id;
	unsigned int core_id;		/* physical CPU this lcore is pinned to */
	unsigned int core_index;	/* dense index among enabled lcores */
	enum rte_lcore_role_t role;
	rte_cpuset_t cpuset;
	bool thread_started;
};

extern struct lcore_config lcore_config[RTE_MAX_LCORE];

/* Topology: number of CPUs and NUMA nodes of this machine. */
struct eal_topology {
	unsigned int lcore_count;
	unsigned int numa_nodes;	/* number of sockets with CPUs or memory */
	unsigned int numa_node_ids[RTE_MAX_NUMA_NODES];
};
extern struct eal_topology eal_topo;

/*
 * Parse EAL options; returns the count consumed, -1 on a bad option (one
 * line printed) or -2 after --help printed the usage.
 */
int eal_parse_args(int argc, char **argv);
void eal_options_reset(void);
void eal_usage(const char *prgname);
void eal_options_free(void);
/* Allow rte_eal_init again after rte_eal_cleanup (fuzz targets only). */
void eal_state_reset(void);

/* lcores */
int eal_cpu_detect(void);
unsigned int eal_cpu_socket_id(unsigned int cpu);
int eal_cpu_exists(unsigned int cpu);
int eal_lcores_start(void);
void eal_lcores_stop(void);
const char *eal_lcore_role_name(enum rte_lcore_role_t role);

/* log */
int eal_log_set_level_arg(const char *arg);
void eal_log_reset(void);

/* cycles */
int eal_timer_init(void);

/* random */
void eal_rand_init(void);

/*
 * Memory: hugepage discovery, the VA window, memsegs, heaps and memzones
 * (eal_memory.c, eal_hugepages.c, malloc_*.c, eal_memzone.c).
 * eal_memory_init fails with rte_errno set and one logged line.
 */
int eal_memory_init(void);
void eal_memory_cleanup(void);

/* Interrupt thread and alarms (eal_interrupts.c, eal_alarm.c). */
int eal_intr_init(void);
void eal_intr_cleanup(void);
int eal_alarm_init(void);
void eal_alarm_cleanup(void);

rte_usage_hook_t eal_get_usage_hook(void);

/* Buses (eal_bus.c). */
int eal_bus_scan_all(void);
int eal_bus_probe_all(void);
void eal_bus_cleanup_all(void);
/* The first bus whose parse accepts the device name, or NULL. */
struct rte_bus *eal_bus_find_by_dev_name(const char *name);

/*
 * An lcore id for a non-EAL thread (role ROLE_NON_EAL), the lcore
 * callbacks' init run on it; RTE_MAX_LCORE when every id is taken or a
 * callback refused it (eal_lcore_callbacks.c). Release runs their uninit.
 */
unsigned int eal_lcore_non_eal_allocate(void);
void eal_lcore_non_eal_release(unsigned int id);

/* Device arguments from -a/-b/--vdev (eal_devargs.c). */
int eal_devargs_add_arg(int type, const char *arg);
void eal_devargs_free_all(void);
struct rte_devargs;
/* Whether dev starts with a layer key ("bus=", "class=", "driver="). */
bool eal_devargs_is_layered(const char *dev);
/*
 * Parse the layered syntax into a zeroed da (eal_devargs_layers.c). 0, or a
 * negative errno after logging why with da zeroed again.
 */
int eal_devargs_layers_parse(struct rte_devargs *da, const char *dev);

/* Runtime directory and telemetry (eal_runtime_dir.c, eal_telemetry.c). */
int eal_runtime_dir_create(void);
int eal_runtime_dir_find(void);
void eal_runtime_dir_reset(void);
/*
 * <runtime dir>/config held open and locked while the EAL runs (best
 * effort); true if this process holds it.
 */
bool eal_runtime_config_open(void);
void eal_runtime_config_close(void);
int eal_telemetry_save_args(int argc, char **argv);
int eal_telemetry_init(void);
void eal_telemetry_cleanup(void);
void eal_telemetry_cleanup_args(void);
/* The memzone fields of /mempool/info and /ring/info, as DPDK names them. */
struct rte_tel_data;
struct rte_memzone;
void eal_memzone_tel_add(struct rte_tel_data *d, const struct rte_memzone *mz);

/* Multi-process socket and its thread (eal_mp.c). */
int eal_mp_init(void);
/* Hotplug in all processes (eal_hotplug_mp.c): run by rte_eal_hotplug_add/remove. */
int eal_hotplug_mp_init(void);
int eal_hotplug_mp_run(bool add, const char *bus, const char *name, const char *args);
void eal_mp_cleanup(void);
bool eal_mp_enabled(void);

/* Log one EAL error line and set rte_errno; returns -1. */
int eal_fail(int err, const char *fmt, ...) __rte_format_printf(2, 3);

#define EAL_LOG(level, ...) rte_log(RTE_LOG_##level, RTE_LOGTYPE_EAL, "EAL: " __VA_ARGS__)

#endif
