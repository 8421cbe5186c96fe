/* SPDX-License-Identifier: BSD-3-Clause */
/* Log types with their own levels; messages at or below the level print. */
#include <fnmatch.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

#define LOG_MAX_TYPES 512

struct log_type {
	char *name;
	uint32_t level;
};

/* Levels asked for on the command line before the type registered. */
struct log_pending {
	char *pattern;
	bool is_regex;
	uint32_t level;
};

static struct {
	FILE *stream;
	uint32_t global_level;
	struct log_type types[LOG_MAX_TYPES];
	size_t ntypes;
	struct log_pending pending[32];
	size_t npending;
	pthread_mutex_t lock;
} logs = {
	.global_level = RTE_LOG_DEBUG,
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

static RTE_DEFINE_PER_LCORE(int, log_cur_level) = -1;
static RTE_DEFINE_PER_LCORE(int, log_cur_type) = -1;

static const char *const static_names[] = {
	[RTE_LOGTYPE_EAL] = "lib.eal",
	[RTE_LOGTYPE_MALLOC] = "lib.malloc",
	[RTE_LOGTYPE_RING] = "lib.ring",
	[RTE_LOGTYPE_MEMPOOL] = "lib.mempool",
	[RTE_LOGTYPE_TIMER] = "lib.timer",
	[RTE_LOGTYPE_PMD] = "pmd",
	[RTE_LOGTYPE_HASH] = "lib.hash",
	[RTE_LOGTYPE_LPM] = "lib.lpm",
	[RTE_LOGTYPE_KNI] = "lib.kni",
	[RTE_LOGTYPE_ACL] = "lib.acl",
	[RTE_LOGTYPE_POWER] = "lib.power",
	[RTE_LOGTYPE_METER] = "lib.meter",
	[RTE_LOGTYPE_SCHED] = "lib.sched",
	[RTE_LOGTYPE_PORT] = "lib.port",
	[RTE_LOGTYPE_TABLE] = "lib.table",
	[RTE_LOGTYPE_PIPELINE] = "lib.pipeline",
	[RTE_LOGTYPE_MBUF] = "lib.mbuf",
	[RTE_LOGTYPE_CRYPTODEV] = "lib.cryptodev",
	[RTE_LOGTYPE_EFD] = "lib.efd",
	[RTE_LOGTYPE_EVENTDEV] = "lib.eventdev",
	[RTE_LOGTYPE_GSO] = "lib.gso",
	[RTE_LOGTYPE_USER1] = "user1",
	[RTE_LOGTYPE_USER2] = "user2",
	[RTE_LOGTYPE_USER3] = "user3",
	[RTE_LOGTYPE_USER4] = "user4",
	[RTE_LOGTYPE_USER5] = "user5",
	[RTE_LOGTYPE_USER6] = "user6",
	[RTE_LOGTYPE_USER7] = "user7",
	[RTE_LOGTYPE_USER8] = "user8",
};

static const char *const level_names[] = {
	[RTE_LOG_EMERG] = "emerg", [RTE_LOG_ALERT] = "alert",
	[RTE_LOG_CRIT] = "critical", [RTE_LOG_ERR] = "error",
	[RTE_LOG_WARNING] = "warning", [RTE_LOG_NOTICE] = "notice",
	[RTE_LOG_INFO] = "info", [RTE_LOG_DEBUG] = "debug",
};

/* Register the static types once, before any other constructor logs. */
RTE_INIT_PRIO(log_init_static, LOG)
{
	for (size_t i = 0; i < RTE_DIM(static_names); i++) {
		logs.types[i].name = static_names[i] ? strdup(static_names[i]) : NULL;
		logs.types[i].level = RTE_LOG_INFO;
	}
	logs.ntypes = RTE_LOGTYPE_FIRST_EXT_ID;
}

static bool
pending_match(const struct log_pending *p, const char *name)
{
	regex_t re;
	bool match;

	if (!p->is_regex)
		return fnmatch(p->pattern, name, 0) == 0;
	if (regcomp(&re, p->pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return false;
	match = regexec(&re, name, 0, NULL, 0) == 0;
	regfree(&re);
	return match;
}

__rte_export int
rte_openlog_stream(FILE *f)
{
	logs.stream = f;
	return 0;
}

__rte_export FILE *
rte_log_get_stream(void)
{
	return logs.stream != NULL ? logs.stream : stderr;
}

__rte_export void
rte_log_set_global_level(uint32_t level)
{
	logs.global_level = level;
}

__rte_export uint32_t
rte_log_get_global_level(void)
{
	return logs.global_level;
}

__rte_export int
rte_log_get_level(uint32_t type)
{
	if (type >= logs.ntypes)
		return -1;
	return (int)logs.types[type].level;
}

__rte_export int
rte_log_can_log(uint32_t logtype, uint32_t level)
{
	if (level > logs.global_level)
		return 0;
	if (logtype < logs.ntypes && level > logs.types[logtype].level)
		return 0;
	return 1;
}

__rte_export int
rte_log_set_level(uint32_t type, uint32_t level)
{
	if (type >= logs.ntypes || level > RTE_LOG_MAX)
		return -1;
	logs.types[type].level = level;
	return 0;
}

static int
set_level_matching(const char *pattern, bool is_regex, uint32_t level)
{
	struct log_pending p = { (char *)(uintptr_t)pattern, is_regex, level };

	if (level > RTE_LOG_MAX)
		return -1;
	pthread_mutex_lock(&logs.lock);
	for (size_t i = 0; i < logs.ntypes; i++)
		if (logs.types[i].name != NULL && pending_match(&p, logs.types[i].name))
			logs.types[i].level = level;
	/* Types registered later pick this level up too. */
	if (logs.npending < RTE_DIM(logs.pending)) {
		logs.pending[logs.npending].pattern = strdup(pattern);
		logs.pending[logs.npending].is_regex = is_regex;
		logs.pending[logs.npending].level = level;
		if (logs.pending[logs.npending].pattern != NULL)
			logs.npending++;
	}
	pthread_mutex_unlock(&logs.lock);
	return 0;
}

__rte_export int
rte_log_set_level_pattern(const char *pattern, uint32_t level)
{
	return set_level_matching(pattern, false, level);
}

__rte_export int
rte_log_set_level_regexp(const char *regex, uint32_t level)
{
	regex_t re;

	if (regcomp(&re, regex, REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	regfree(&re);
	return set_level_matching(regex, true, level);
}

__rte_export int
rte_log_cur_msg_loglevel(void)
{
	return RTE_PER_LCORE(log_cur_level);
}

__rte_export int
rte_log_cur_msg_logtype(void)
{
	return RTE_PER_LCORE(log_cur_type);
}

static int
log_lookup(const char *name)
{
	for (size_t i = 0; i < logs.ntypes; i++)
		if (logs.types[i].name != NULL && strcmp(logs.types[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
log_register_locked(const char *name, uint32_t level)
{
	int id = log_lookup(name);

	if (id >= 0)
		return id;
	if (logs.ntypes >= LOG_MAX_TYPES)
		return -ENOSPC;
	logs.types[logs.ntypes].name = strdup(name);
	if (logs.types[logs.ntypes].name == NULL)
		return -ENOMEM;
	for (size_t i = 0; i < logs.npending; i++)
		if (pending_match(&logs.pending[i], name))
			level = logs.pending[i].level;
	logs.types[logs.ntypes].level = level;
	return (int)logs.ntypes++;
}

__rte_export int
rte_log_register(const char *name)
{
	int id;

	pthread_mutex_lock(&logs.lock);
	id = log_register_locked(name, RTE_LOG_INFO);
	pthread_mutex_unlock(&logs.lock);
	return id;
}

__rte_export int
rte_log_register_type_and_pick_level(const char *name, uint32_t level_def)
{
	int id;

	pthread_mutex_lock(&logs.lock);
	id = log_register_locked(name, level_def);
	pthread_mutex_unlock(&logs.lock);
	return id;
}

static const char *
level_name(uint32_t level)
{
	return level >= 1 && level <= RTE_LOG_MAX ? level_names[level] : "unknown";
}

__rte_export void
rte_log_list_types(FILE *out, const char *prefix)
{
	for (size_t i = 0; i < logs.ntypes; i++)
		if (logs.types[i].name != NULL)
			fprintf(out, "%s%s\n", prefix, logs.types[i].name);
}

__rte_export void
rte_log_dump(FILE *f)
{
	fprintf(f, "global log level is %s\n", level_name(logs.global_level));
	for (size_t i = 0; i < logs.ntypes; i++)
		if (logs.types[i].name != NULL)
			fprintf(f, "id %zu: %s, level is %s\n", i, logs.types[i].name,
				level_name(logs.types[i].level));
}

__rte_export int
rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
{
	FILE *f = rte_log_get_stream();
	int ret;

	if (!rte_log_can_log(logtype, level))
		return 0;
	RTE_PER_LCORE(log_cur_level) = (int)level;
	RTE_PER_LCORE(log_cur_type) = (int)logtype;
	ret = vfprintf(f, format, ap);
	fflush(f);
	return ret;
}

__rte_export int
rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = rte_vlog(level, logtype, format, ap);
	va_end(ap);
	return ret;
}

static int
parse_level(const char *s, uint32_t *level)
{
	char *end;
	unsigned long v;

	for (uint32_t l = 1; l <= RTE_LOG_MAX; l++) {
		if (strcasecmp(s, level_names[l]) == 0 ||
		    (l == RTE_LOG_ERR && strcasecmp(s, "err") == 0) ||
		    (l == RTE_LOG_CRIT && strcasecmp(s, "crit") == 0)) {
			*level = l;
			return 0;
		}
	}
	v = strtoul(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > RTE_LOG_MAX)
		return -1;
	*level = (uint32_t)v;
	return 0;
}

/* --log-level LEVEL | TYPE-GLOB:LEVEL | TYPE-REGEX,LEVEL */
int
eal_log_set_level_arg(const char *arg)
{
	const char *colon = strrchr(arg, ':');
	const char *comma = strrchr(arg, ',');
	const char *sep = colon != NULL ? colon : comma;
	char pattern[128];
	uint32_t level;

	if (sep == NULL) {
		if (parse_level(arg, &level) < 0)
			return eal_fail(EINVAL, "EAL: invalid --log-level '%s': use a level "
					"1-8 or a name (error, warning, notice, info, debug), "
					"or TYPE:LEVEL\n", arg);
		rte_log_set_global_level(level);
		return 0;
	}
	if (parse_level(sep + 1, &level) < 0)
		return eal_fail(EINVAL, "EAL: invalid level '%s' in --log-level '%s': use "
				"1-8 or a name (error, warning, notice, info, debug)\n",
				sep + 1, arg);
	if (sep == arg || (size_t)(sep - arg) >= sizeof(pattern))
		return eal_fail(EINVAL, "EAL: invalid log type in --log-level '%s'\n", arg);
	memcpy(pattern, arg, (size_t)(sep - arg));
	pattern[sep - arg] = '\0';
	if (sep == colon)
		return rte_log_set_level_pattern(pattern, level);
	if (rte_log_set_level_regexp(pattern, level) < 0)
		return eal_fail(EINVAL, "EAL: invalid regular expression '%s' in "
				"--log-level\n", pattern);
	return 0;
}

/* Forget command-line levels so that a later run in the process starts clean. */
void
eal_log_reset(void)
{
	pthread_mutex_lock(&logs.lock);
	for (size_t i = 0; i < logs.npending; i++)
		free(logs.pending[i].pattern);
	logs.npending = 0;
	pthread_mutex_unlock(&logs.lock);
}

RTE_FINI(log_free_types)
{
	eal_log_reset();
	for (size_t i = 0; i < logs.ntypes; i++) {
		free(logs.types[i].name);
		logs.types[i].name = NULL;
	}
	logs.ntypes = 0;
}
