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

/* Text for an errno or an RTE-specific error; never NULL. */
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
