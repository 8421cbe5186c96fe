/* SPDX-License-Identifier: BSD-3-Clause */
/* Logging with per-type levels, as in DPDK. */
#ifndef _RTE_LOG_H_
#define _RTE_LOG_H_

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Static log types (DPDK numbering). */
#define RTE_LOGTYPE_EAL 0
#define RTE_LOGTYPE_MALLOC 1
#define RTE_LOGTYPE_RING 2
#define RTE_LOGTYPE_MEMPOOL 3
#define RTE_LOGTYPE_TIMER 4
#define RTE_LOGTYPE_PMD 5
#define RTE_LOGTYPE_HASH 6
#define RTE_LOGTYPE_LPM 7
#define RTE_LOGTYPE_KNI 8
#define RTE_LOGTYPE_ACL 9
#define RTE_LOGTYPE_POWER 10
#define RTE_LOGTYPE_METER 11
#define RTE_LOGTYPE_SCHED 12
#define RTE_LOGTYPE_PORT 13
#define RTE_LOGTYPE_TABLE 14
#define RTE_LOGTYPE_PIPELINE 15
#define RTE_LOGTYPE_MBUF 16
#define RTE_LOGTYPE_CRYPTODEV 17
#define RTE_LOGTYPE_EFD 18
#define RTE_LOGTYPE_EVENTDEV 19
#define RTE_LOGTYPE_GSO 20
#define RTE_LOGTYPE_USER1 24
#define RTE_LOGTYPE_USER2 25
#define RTE_LOGTYPE_USER3 26
#define RTE_LOGTYPE_USER4 27
#define RTE_LOGTYPE_USER5 28
#define RTE_LOGTYPE_USER6 29
#define RTE_LOGTYPE_USER7 30
#define RTE_LOGTYPE_USER8 31
#define RTE_LOGTYPE_FIRST_EXT_ID 32

#define RTE_LOG_EMERG 1U
#define RTE_LOG_ALERT 2U
#define RTE_LOG_CRIT 3U
#define RTE_LOG_ERR 4U
#define RTE_LOG_WARNING 5U
#define RTE_LOG_NOTICE 6U
#define RTE_LOG_INFO 7U
#define RTE_LOG_DEBUG 8U
#define RTE_LOG_MAX RTE_LOG_DEBUG

/* Send logs to f instead of stderr (NULL restores stderr). Always 0; no rte_errno. */
int rte_openlog_stream(FILE *f);
/* The log stream: the one set, else stderr. Cannot fail; no rte_errno. */
FILE *rte_log_get_stream(void);
/* Set the global level (not checked). Returns nothing; no rte_errno. */
void rte_log_set_global_level(uint32_t level);
/* The global level. Cannot fail; no rte_errno. */
uint32_t rte_log_get_global_level(void);
/* The level of logtype; -1 if logtype is not registered. No rte_errno. */
int rte_log_get_level(uint32_t logtype);
/*
 * Is a message of this type and level printed? 1 or 0 (an unregistered type is
 * checked against the global level only). No rte_errno.
 */
int rte_log_can_log(uint32_t logtype, uint32_t loglevel);
/*
 * Set the level of every type whose name matches the glob pattern (and of types
 * registered later). 0; -1 if level is above RTE_LOG_MAX. No rte_errno.
 */
int rte_log_set_level_pattern(const char *pattern, uint32_t level);
/*
 * Same, with a regular expression. 0; -1 if regex does not compile or level is
 * above RTE_LOG_MAX. No rte_errno.
 */
int rte_log_set_level_regexp(const char *regex, uint32_t level);
/* 0; -1 if logtype is not registered or level is above RTE_LOG_MAX. No rte_errno. */
int rte_log_set_level(uint32_t logtype, uint32_t level);
/* The level of the caller's last printed message, -1 before any. No rte_errno. */
int rte_log_cur_msg_loglevel(void);
/* The type of the caller's last printed message, -1 before any. No rte_errno. */
int rte_log_cur_msg_logtype(void);
/*
 * Register a dynamic log type at level INFO; returns its id (the same id for a known
 * name), -ENOSPC (type table full) or -ENOMEM. rte_errno is not set.
 */
int rte_log_register(const char *name);
/*
 * Same, with level_def unless a level given earlier by pattern matches the name.
 * Returns the id, -ENOSPC or -ENOMEM; rte_errno is not set.
 */
int rte_log_register_type_and_pick_level(const char *name, uint32_t level_def);
/* Print the registered type names, each after prefix. Returns nothing; no rte_errno. */
void rte_log_list_types(FILE *out, const char *prefix);
/* Print the global level and every type's level. Returns nothing; no rte_errno. */
void rte_log_dump(FILE *f);

/*
 * Print a message if its type and level allow: 0 if filtered out, else vfprintf()'s
 * result (negative on an output error). rte_errno is not set.
 */
int rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
	__rte_format_printf(3, 4);
/* Same with a va_list; the same return values. rte_errno is not set. */
int rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
	__rte_format_printf(3, 0);

#define RTE_LOG(l, t, ...) \
	rte_log(RTE_LOG_ ## l, RTE_LOGTYPE_ ## t, # t ": " __VA_ARGS__)

#define RTE_LOG_DP(l, t, ...) \
	(void)((RTE_LOG_ ## l <= RTE_LOG_DP_LEVEL) ? \
	rte_log(RTE_LOG_ ## l, RTE_LOGTYPE_ ## t, # t ": " __VA_ARGS__) : 0)

#define RTE_LOG_REGISTER_IMPL(type, name, level) \
int type; \
RTE_INIT(__##type##_logtype) \
{ \
	type = rte_log_register_type_and_pick_level(name, RTE_LOG_##level); \
	if (type < 0) \
		type = RTE_LOGTYPE_EAL; \
}

#define RTE_LOG_REGISTER(type, name, level) RTE_LOG_REGISTER_IMPL(type, RTE_STR(name), level)
#define RTE_LOG_REGISTER_DEFAULT(type, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(RTE_LOG_DEFAULT_LOGTYPE), level)
#define RTE_LOG_REGISTER_SUFFIX(type, suffix, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(RTE_LOG_DEFAULT_LOGTYPE) "." RTE_STR(suffix), level)

#ifdef __cplusplus
}
#endif

#endif
