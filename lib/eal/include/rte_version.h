/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version string, "Sluice 22.11.0" (the DPDK API version this build
 * provides). A static string; cannot fail; rte_errno is not set.
 */
const char *rte_version(void);

#ifdef __cplusplus
}
#endif

#endif
