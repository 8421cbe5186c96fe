/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the EAL, the tests and the fuzz targets use of the telemetry
 * library. Never installed.
 */
#ifndef _TELEMETRY_INTERNAL_H_
#define _TELEMETRY_INTERNAL_H_

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_telemetry.h>

/* Longest command name, with its NUL (DPDK's limit). */
#define TELEMETRY_MAX_CMD_LEN 56
/* Largest request record accepted; longer ones are refused whole. */
#define TELEMETRY_MAX_REQUEST_LEN 1024
/* Largest reply, announced to clients as max_output_len. */
#define TELEMETRY_MAX_OUTPUT_LEN (1024 * 16)
/* Clients served at once; one more is told so and closed. */
#define TELEMETRY_MAX_CLIENTS 32
/* File name of the socket in the runtime directory. */
#define TELEMETRY_SOCKET_NAME "dpdk_telemetry.v2"

/* One request "/cmd[,params]", checked and copied out of the record. */
struct telemetry_request {
	char cmd[TELEMETRY_MAX_CMD_LEN];
	char params[TELEMETRY_MAX_REQUEST_LEN];
	int has_params; /* 0: params is empty and the callback gets NULL */
};

/*
 * Parse one request record of len bytes (not NUL-terminated; may hold any
 * bytes). Pure: no allocation, no global state. Returns 0, or
 * -EINVAL (empty, no leading '/', a command character other than letters,
 * digits, '_' and '/', a parameter byte that is not printable ASCII),
 * -ENAMETOOLONG (command of TELEMETRY_MAX_CMD_LEN or more characters),
 * -E2BIG (record longer than TELEMETRY_MAX_REQUEST_LEN - 1 bytes).
 */
int telemetry_request_parse(const char *buf, size_t len, struct telemetry_request *req);

/*
 * Answer one request record into out (at most size bytes, NUL-terminated):
 * the reply a client receives. Returns the reply's length (without NUL).
 */
size_t telemetry_request_answer(const char *buf, size_t len, char *out, size_t size);

/*
 * Render {"<cmd>":<d>} into out (at most size bytes, NUL-terminated).
 * Values that do not fit are left out, so the text is always valid JSON.
 * Containers handed over with keep = 0 are freed. Returns the length.
 */
size_t telemetry_json_reply(const char *cmd, struct rte_tel_data *d, char *out, size_t size);

/* Logging, from the EAL: level as rte_log's (RTE_LOG_ERR = 4 ... DEBUG = 8). */
typedef void (*telemetry_log_fn)(uint32_t level, const char *fmt, va_list ap);

/* Starts a named thread off the data path's CPUs; 0 or a negative errno. */
typedef int (*telemetry_thread_fn)(pthread_t *thread, const char *name, const pthread_attr_t *attr,
				   void *(*fn)(void *), void *arg);

struct telemetry_config {
	const char *runtime_dir; /* directory of the socket */
	const char *version;	 /* "version" of /info and of the greeting */
	telemetry_log_fn log;
	telemetry_thread_fn thread_create;
};

/*
 * Bind the socket and start the telemetry thread. A socket that another
 * live process answers on is left alone (-EADDRINUSE, with a log line
 * naming --file-prefix); a stale one is replaced. Returns 0 or a negative
 * errno, with nothing left behind on failure.
 */
int telemetry_init(const struct telemetry_config *cfg);

/* Stop and join the thread, close every client, remove the socket file. */
void telemetry_cleanup(void);

/* Path of the bound socket, or "" when telemetry is not running. */
const char *telemetry_socket_path(void);

#endif
