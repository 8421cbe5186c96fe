/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Version of the DPDK API this build provides. Applications compare
 * RTE_VERSION with RTE_VERSION_NUM() to pick code for an API level; Sluice
 * provides DPDK 22.11's, so it reports itself as DPDK 22.11.0.
 */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <rte_config.h>
#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_VER_YEAR 22
#define RTE_VER_MONTH 11
#define RTE_VER_MINOR 0
/* Empty for a release; "-rc" (with RTE_VER_RELEASE its number) for a candidate. */
#define RTE_VER_SUFFIX ""
/* 99 for a release, so that it compares above all of its candidates. */
#define RTE_VER_RELEASE 99

/* One number per version, ordered as the versions are. */
#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))

#define RTE_VERSION RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, RTE_VER_MINOR, RTE_VER_RELEASE)

/* RTE_VER_PREFIX, RTE_VER_YEAR, ... as functions, for bindings. Cannot fail. */
__rte_experimental const char *rte_version_prefix(void);
__rte_experimental unsigned int rte_version_year(void);
__rte_experimental unsigned int rte_version_month(void);
__rte_experimental unsigned int rte_version_minor(void);
__rte_experimental const char *rte_version_suffix(void);
__rte_experimental unsigned int rte_version_release(void);

/*
 * The version string: RTE_VER_PREFIX, the version, then the Sluice
 * release in parentheses, e.g. "DPDK 22.11.0 (Sluice 22.11.0)". A static
 * string; cannot fail; rte_errno is not set.
 */
const char *rte_version(void);

#ifdef __cplusplus
}
#endif

#endif
