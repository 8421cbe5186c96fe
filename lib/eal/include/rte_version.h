/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "Sluice 22.11.0": the DPDK API version this build provides. */
const char *rte_version(void);

#ifdef __cplusplus
}
#endif

#endif
