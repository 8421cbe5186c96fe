/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eal_init and rte_eal_cleanup: the order in which the EAL comes up. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_cpuflags.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_lcore.h>
#include <rte_service_component.h>

#include "eal_private.h"
#include "eal_mem_private.h"

struct eal_internal_config eal_cfg;

/* 0 = never started, 1 = running, 2 = cleaned up (DPDK refuses a second init). */
static int eal_state;
static rte_usage_hook_t eal_usage_hook;

int
eal_fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rte_vlog(RTE_LOG_ERR, RTE_LOGTYPE_EAL, fmt, ap);
	va_end(ap);
	rte_errno = err;
	return -1;
}

static void
eal_unwind(int stage)
{
	/* Stages are undone in reverse; each step tolerates partial setup. */
	if (stage >= 6)
		eal_telemetry_cleanup(); /* its commands read ports: stop it first */
	else
		eal_telemetry_cleanup_args();
	if (stage >= 2)
		rte_service_finalize(); /* service lcores leave their loops first */
	if (stage >= 5)
		eal_bus_cleanup_all();
	if (stage >= 4) {
		eal_alarm_cleanup();
		eal_intr_cleanup();
	}
	/* its thread answers from memory: stopped before memory goes */
	eal_mp_cleanup();
	if (stage >= 3)
		eal_memory_cleanup();
	if (stage >= 2)
		eal_lcores_stop();
	eal_runtime_config_close();
	eal_devargs_free_all();
	eal_options_free();
}

/*
 * Settle --proc-type (auto: secondary if a primary holds the config lock)
 * and open the multi-process socket. A primary that does not hold the
 * lock (another primary of its --file-prefix does) runs without one.
 */
static int
eal_proc_type_setup(void)
{
	bool owner = false;

	if (eal_cfg.process_type != RTE_PROC_SECONDARY) {
		/* first file opened, so that it is fd 3 as in DPDK */
		owner = eal_runtime_config_open();
		if (eal_cfg.process_type == RTE_PROC_AUTO)
			eal_cfg.process_type = !owner && rte_eal_primary_proc_alive(NULL) ?
					       RTE_PROC_SECONDARY : RTE_PROC_PRIMARY;
		if (eal_cfg.process_type == RTE_PROC_PRIMARY)
			return owner ? eal_mp_init() : 0;
	}
	if (eal_runtime_dir_find() < 0)
		return -1;
	if (!rte_eal_primary_proc_alive(NULL))
		return eal_fail(ENOENT, "EAL: no primary process runs with --file-prefix %s "
				"(%s/config is not locked): start the primary first or use "
				"--proc-type=auto\n", eal_cfg.file_prefix,
				rte_eal_get_runtime_dir());
	return eal_mp_init();
}

__rte_export int
rte_eal_init(int argc, char **argv)
{
	int consumed, stage = 0;
	int err;

	if (eal_state != 0) {
		EAL_LOG(ERR, "rte_eal_init may be called only once per process\n");
		rte_errno = EALREADY;
		return -1;
	}

	/* as DPDK: a CPU without an instruction set the build uses would fault later */
	if (!rte_cpu_is_supported()) {
		rte_errno = ENOTSUP;	/* the line names the missing flag and the fix */
		return -1;
	}
	eal_options_reset();
	if (eal_telemetry_save_args(argc, argv) < 0)
		goto fail;
	consumed = eal_parse_args(argc, argv);
	if (consumed < 0)
		goto fail;

	if (eal_proc_type_setup() < 0)
		goto fail;
	if (eal_timer_init() < 0)
		goto fail;
	eal_rand_init();

	stage = 2;
	if (eal_lcores_start() < 0)
		goto fail;
	rte_service_init(); /* -s/-S lcores, checked by the options: cannot fail */

	stage = 3;
	if (eal_memory_init() < 0)
		goto fail;

	stage = 4;
	if (eal_intr_init() < 0 || eal_alarm_init() < 0)
		goto fail;

	stage = 5;
	if (eal_bus_scan_all() < 0)
		goto fail;
	if (eal_bus_probe_all() < 0)
		goto fail;
	if (eal_hotplug_mp_init() < 0)
		goto fail;
	/* -ENOTSUP: no service lcore, nothing to start */
	err = rte_service_start_with_defaults();
	if (err < 0 && err != -ENOTSUP) {
		eal_fail(ENOEXEC, "EAL: cannot start the service lcores: %s\n", strerror(-err));
		goto fail;
	}

	stage = 6;
	/* the telemetry socket is the primary's */
	if (eal_cfg.process_type == RTE_PROC_PRIMARY && eal_telemetry_init() < 0)
		goto fail;

	eal_cfg.init_complete = true;
	eal_state = 1;
	return consumed;

fail:
	err = rte_errno;
	eal_unwind(stage);
	rte_errno = err;
	return -1;
}

__rte_export int
rte_eal_cleanup(void)
{
	if (eal_state != 1) {
		rte_errno = EALREADY;
		return -EALREADY;
	}
	eal_state = 2;
	eal_unwind(6);
	eal_log_reset();
	return 0;
}

/*
 * Fuzz targets start and stop the EAL many times in one process to find
 * what a start leaves behind; never called by the library or an app.
 */
void
eal_state_reset(void)
{
	if (eal_state == 2)
		eal_state = 0;
}

__rte_export void
rte_exit(int exit_code, const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	if (eal_state == 1)
		rte_eal_cleanup();
	exit(exit_code);
}

__rte_export enum rte_proc_type_t
rte_eal_process_type(void)
{
	return eal_cfg.process_type;
}

__rte_export int
rte_eal_iopl_init(void)
{
	return -1;
}

__rte_export int
rte_eal_has_hugepages(void)
{
	return !eal_cfg.no_huge;
}

__rte_export int
rte_eal_has_pci(void)
{
	return !eal_cfg.no_pci;
}

__rte_export int
rte_eal_create_uio_dev(void)
{
	return 0;
}

__rte_export bool
rte_mp_disable(void)
{
	if (eal_cfg.process_type == RTE_PROC_SECONDARY)
		return false;
	if (eal_shared == NULL)
		return true;
	/* as DPDK: refused once a secondary has attached */
	if (eal_shared->secondary_seen)
		return false;
	eal_shared->mp_disabled = 1;
	return true;
}

__rte_export const char *
rte_eal_mbuf_user_pool_ops(void)
{
	return eal_cfg.user_mbuf_pool_ops_name[0] ? eal_cfg.user_mbuf_pool_ops_name : NULL;
}

__rte_export rte_usage_hook_t
rte_set_application_usage_hook(rte_usage_hook_t usage_func)
{
	rte_usage_hook_t old = eal_usage_hook;

	eal_usage_hook = usage_func;
	return old;
}

rte_usage_hook_t
eal_get_usage_hook(void)
{
	return eal_usage_hook;
}
