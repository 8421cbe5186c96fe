/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command table (sorted, as DPDK lists it), the three built-in
 * commands and the answer to one request record.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <telemetry_internal.h>

#include "telemetry_data.h"

/* Enough for every library's commands and an application's own. */
#define TELEMETRY_MAX_COMMANDS 256

struct telemetry_cmd {
	char name[TELEMETRY_MAX_CMD_LEN];
	telemetry_cb fn;
	char help[RTE_TEL_MAX_STRING_LEN];
};

/* Written by registration from any thread, read by the telemetry thread. */
static pthread_mutex_t cmd_lock = PTHREAD_MUTEX_INITIALIZER;
static struct telemetry_cmd cmd_table[TELEMETRY_MAX_COMMANDS];
static unsigned int cmd_count;

/* Set once by telemetry_init before the thread starts. */
static const char *telemetry_version = "";

void
telemetry_commands_set_version(const char *version)
{
	telemetry_version = version != NULL ? version : "";
}

static int
cmd_name_valid(const char *cmd)
{
	size_t n = strnlen(cmd, TELEMETRY_MAX_CMD_LEN);

	if (n == 0 || n >= TELEMETRY_MAX_CMD_LEN || cmd[0] != '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)cmd[i];

		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      c == '_' || c == '/'))
			return 0;
	}
	return 1;
}

__rte_export int
rte_telemetry_register_cmd(const char *cmd, telemetry_cb fn, const char *help)
{
	unsigned int pos;
	int ret = 0;

	if (cmd == NULL || fn == NULL || help == NULL || !cmd_name_valid(cmd) ||
	    strnlen(help, RTE_TEL_MAX_STRING_LEN) >= RTE_TEL_MAX_STRING_LEN)
		return -EINVAL;
	pthread_mutex_lock(&cmd_lock);
	for (pos = 0; pos < cmd_count; pos++) {
		int c = strcmp(cmd, cmd_table[pos].name);

		if (c == 0) {
			ret = -EEXIST;
			goto out_unlock;
		}
		if (c < 0)
			break;
	}
	if (cmd_count == TELEMETRY_MAX_COMMANDS) {
		ret = -ENOSPC;
		goto out_unlock;
	}
	memmove(&cmd_table[pos + 1], &cmd_table[pos], (cmd_count - pos) * sizeof(cmd_table[0]));
	snprintf(cmd_table[pos].name, sizeof(cmd_table[pos].name), "%s", cmd);
	snprintf(cmd_table[pos].help, sizeof(cmd_table[pos].help), "%s", help);
	cmd_table[pos].fn = fn;
	cmd_count++;
out_unlock:
	pthread_mutex_unlock(&cmd_lock);
	return ret;
}

/* The callback of cmd, or NULL. Callbacks run without the lock held. */
static telemetry_cb
cmd_lookup(const char *cmd)
{
	telemetry_cb fn = NULL;

	pthread_mutex_lock(&cmd_lock);
	for (unsigned int i = 0; i < cmd_count; i++)
		if (strcmp(cmd, cmd_table[i].name) == 0) {
			fn = cmd_table[i].fn;
			break;
		}
	pthread_mutex_unlock(&cmd_lock);
	return fn;
}

static int
cmd_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	(void)params;
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	pthread_mutex_lock(&cmd_lock);
	for (unsigned int i = 0; i < cmd_count; i++)
		rte_tel_data_add_array_string(d, cmd_table[i].name);
	pthread_mutex_unlock(&cmd_lock);
	return 0;
}

static int
cmd_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	(void)params;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "version", telemetry_version);
	rte_tel_data_add_dict_int(d, "pid", getpid());
	rte_tel_data_add_dict_int(d, "max_output_len", TELEMETRY_MAX_OUTPUT_LEN);
	return 0;
}

/* Without parameters, the help of /help itself; else {"<cmd>": help}. */
static int
cmd_help(const char *cmd, const char *params, struct rte_tel_data *d)
{
	const char *wanted = params != NULL ? params : cmd;
	int ret = -ENOENT;

	pthread_mutex_lock(&cmd_lock);
	for (unsigned int i = 0; i < cmd_count; i++) {
		if (strcmp(wanted, cmd_table[i].name) != 0)
			continue;
		if (params == NULL) {
			rte_tel_data_string(d, cmd_table[i].help);
		} else {
			rte_tel_data_start_dict(d);
			rte_tel_data_add_dict_string(d, params, cmd_table[i].help);
		}
		ret = 0;
		break;
	}
	pthread_mutex_unlock(&cmd_lock);
	return ret;
}

__attribute__((constructor)) static void
telemetry_register_builtin(void)
{
	rte_telemetry_register_cmd("/", cmd_list, "Every command, sorted. No parameters");
	rte_telemetry_register_cmd("/info", cmd_info,
				   "Version, process id and largest reply size. No parameters");
	rte_telemetry_register_cmd("/help", cmd_help,
				   "Help text of a command. Parameter: the command");
}

/* A reply for a record that is not a request; the record is not echoed. */
static size_t
answer_error(int err, char *out, size_t size)
{
	const char *why;
	int n;

	if (err == -E2BIG)
		why = "request too long: at most 1023 bytes";
	else if (err == -ENAMETOOLONG)
		why = "command name too long: at most 55 characters";
	else if (err == -ENOMEM)
		why = "out of memory";
	else
		why = "malformed request: expected /command[,parameters] in printable ASCII";
	n = snprintf(out, size, "{\"error\":\"%s\"}", why);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t
telemetry_request_answer(const char *buf, size_t len, char *out, size_t size)
{
	struct telemetry_request req;
	struct rte_tel_data *d;
	telemetry_cb fn;
	size_t n;
	int ret;

	if (size == 0)
		return 0;
	ret = telemetry_request_parse(buf, len, &req);
	if (ret < 0)
		return answer_error(ret, out, size);
	d = rte_tel_data_alloc();
	if (d == NULL)
		return answer_error(-ENOMEM, out, size);
	fn = cmd_lookup(req.cmd);
	/* an unknown command, like a failed one, answers {"<cmd>":null} */
	if (fn != NULL && fn(req.cmd, req.has_params ? req.params : NULL, d) < 0) {
		telemetry_data_release(d);
		d->kind = TEL_NULL;
		d->count = 0;
	}
	n = telemetry_json_reply(req.cmd, d, out, size);
	rte_tel_data_free(d);
	return n;
}
