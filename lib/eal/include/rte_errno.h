/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_ERRNO_H_
#define _RTE_ERRNO_H_

#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

RTE_DECLARE_PER_LCORE(int, _rte_errno);

/* The error of the last failed library call on this thread. */
#define rte_errno RTE_PER_LCORE(_rte_errno)

/*
 * Text for errnum, an errno value or one of the E_RTE_* codes below (a
 * negative value is taken as its opposite). Returns a string that is never
 * NULL; for unknown values it reads "Unknown error N" and lives in a
 * per-thread buffer reused by the next call. rte_errno is not set.
 */
const char *rte_strerror(int errnum);

#ifndef __ELASTERROR
#define __ELASTERROR 1000
#endif

enum {
	RTE_MIN_ERRNO = __ELASTERROR,
	E_RTE_SECONDARY,	/* operation not allowed in secondary processes */
	E_RTE_NO_CONFIG,	/* missing rte_config */
	RTE_MAX_ERRNO
};

#ifdef __cplusplus
}
#endif

#endif
