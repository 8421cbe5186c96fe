/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The EAL's side of telemetry: starting and stopping the socket, and the
 * /eal/... commands (command line and lcores).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memzone.h>
#include <rte_telemetry.h>
#include <rte_version.h>
#include <telemetry_internal.h>

#include "eal_private.h"

/* argv as given, split at "--": reported by /eal/params and /eal/app_params. */
static char **eal_args;
static char **eal_app_args;
static int telemetry_logtype = -1;

static void
args_free(char ***args)
{
	if (*args == NULL)
		return;
	for (char **a = *args; *a != NULL; a++)
		free(*a);
	free(*args);
	*args = NULL;
}

static char **
args_dup(int argc, char **argv)
{
	char **copy = calloc((size_t)argc + 1, sizeof(*copy));

	if (copy == NULL)
		return NULL;
	for (int i = 0; i < argc; i++) {
		copy[i] = strdup(argv[i]);
		if (copy[i] == NULL) {
			args_free(&copy);
			return NULL;
		}
	}
	return copy;
}

/* Called before the options are parsed: getopt reorders argv. */
int
eal_telemetry_save_args(int argc, char **argv)
{
	int eal_argc = 0;

	while (eal_argc < argc && strcmp(argv[eal_argc], "--") != 0)
		eal_argc++;
	eal_args = args_dup(eal_argc, argv);
	/* what follows "--", without it */
	if (eal_argc < argc)
		eal_app_args = args_dup(argc - eal_argc - 1, argv + eal_argc + 1);
	if (eal_args == NULL || (eal_argc < argc && eal_app_args == NULL)) {
		args_free(&eal_args);
		args_free(&eal_app_args);
		return eal_fail(ENOMEM, "EAL: out of memory copying the command line\n");
	}
	return 0;
}

static void
eal_telemetry_log(uint32_t level, const char *fmt, va_list ap)
{
	rte_vlog(level, telemetry_logtype >= 0 ? (uint32_t)telemetry_logtype : RTE_LOGTYPE_EAL, fmt,
		 ap);
}

int
eal_telemetry_init(void)
{
	struct telemetry_config cfg = {
		.version = rte_version(),
		.log = eal_telemetry_log,
		.thread_create = rte_ctrl_thread_create,
	};
	int ret;

	if (eal_cfg.no_telemetry)
		return 0;
	if (eal_runtime_dir_create() < 0)
		return -1;
	if (telemetry_logtype < 0)
		telemetry_logtype =
			rte_log_register_type_and_pick_level("lib.telemetry", RTE_LOG_NOTICE);
	cfg.runtime_dir = rte_eal_get_runtime_dir();
	ret = telemetry_init(&cfg);
	if (ret < 0) {
		rte_errno = -ret; /* the library logged the cause and the fix */
		return -1;
	}
	return 0;
}

void
eal_telemetry_cleanup_args(void)
{
	args_free(&eal_args);
	args_free(&eal_app_args);
}

void
eal_telemetry_cleanup(void)
{
	telemetry_cleanup();
	eal_runtime_dir_reset();
	eal_telemetry_cleanup_args();
}

static int
eal_handle_params(const char *cmd, const char *params, struct rte_tel_data *d)
{
	char **args = strcmp(cmd, "/eal/params") == 0 ? eal_args : eal_app_args;
	int ret = 0;

	(void)params;
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	for (unsigned int i = 0; args != NULL && args[i] != NULL && ret >= 0; i++)
		ret = rte_tel_data_add_array_string(d, args[i]);
	return 0;
}

static int
eal_handle_lcore_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	(void)params;
	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++)
		if (rte_eal_lcore_role(i) != ROLE_OFF)
			rte_tel_data_add_array_int(d, (int)i);
	return 0;
}

static int
eal_handle_lcore_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_tel_data *cpus;
	rte_cpuset_t set;
	unsigned long id;
	char *end;

	(void)cmd;
	if (params == NULL || params[0] < '0' || params[0] > '9')
		return -EINVAL;
	errno = 0;
	id = strtoul(params, &end, 10);
	if (errno != 0 || *end != '\0' || id >= RTE_MAX_LCORE ||
	    rte_eal_lcore_role((unsigned int)id) == ROLE_OFF)
		return -EINVAL;
	cpus = rte_tel_data_alloc();
	if (cpus == NULL)
		return -ENOMEM;
	rte_tel_data_start_array(cpus, RTE_TEL_INT_VAL);
	set = rte_lcore_cpuset((unsigned int)id);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			rte_tel_data_add_array_int(cpus, cpu);
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "lcore_id", (int)id);
	rte_tel_data_add_dict_int(d, "socket", (int)rte_lcore_to_socket_id((unsigned int)id));
	rte_tel_data_add_dict_string(d, "role",
				     eal_lcore_role_name(rte_eal_lcore_role((unsigned int)id)));
	if (rte_tel_data_add_dict_container(d, "cpuset", cpus, 0) < 0)
		rte_tel_data_free(cpus);
	return 0;
}

void
eal_memzone_tel_add(struct rte_tel_data *d, const struct rte_memzone *mz)
{
	rte_tel_data_add_dict_string(d, "mz_name", mz->name);
	rte_tel_data_add_dict_u64(d, "mz_len", mz->len);
	rte_tel_data_add_dict_u64(d, "mz_hugepage_sz", mz->hugepage_sz);
	rte_tel_data_add_dict_int(d, "mz_socket_id", mz->socket_id);
	rte_tel_data_add_dict_u64(d, "mz_flags", mz->flags);
}

RTE_INIT(eal_telemetry_register)
{
	rte_telemetry_register_cmd("/eal/params", eal_handle_params,
				   "The EAL's part of the command line. No parameters");
	rte_telemetry_register_cmd("/eal/app_params", eal_handle_params,
				   "The command line after '--'. No parameters");
	rte_telemetry_register_cmd("/eal/lcore/list", eal_handle_lcore_list,
				   "Ids of the lcores in use. No parameters");
	rte_telemetry_register_cmd("/eal/lcore/info", eal_handle_lcore_info,
				   "Role, socket and CPUs of an lcore. Parameter: lcore id");
}
