/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Build-time constants, included on every compiler command line
 * (pkg-config libsluice adds "-include rte_config.h"), as in DPDK.
 */
#ifndef _RTE_CONFIG_H_
#define _RTE_CONFIG_H_

#include <rte_build_config.h>

#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define RTE_VER_YEAR 22
#define RTE_VER_MONTH 11
#define RTE_VER_MINOR 0
#define RTE_VER_RELEASE 99
#define RTE_VERSION RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, RTE_VER_MINOR, RTE_VER_RELEASE)

#define RTE_CACHE_LINE_MIN_SIZE 64
#define RTE_MAX_HUGEPAGE_SIZES 3
#define RTE_BACKTRACE 1
#define RTE_MAX_TAILQ 32
#define RTE_LOG_HISTORY 256
#define RTE_MAX_PLUGIN_DIRS 0
#define RTE_MAX_RXTX_INTR_VEC_ID 512
/* net_ring's queue limit, as DPDK's configuration names it */
#define RTE_PMD_RING_MAX_RX_RINGS 16
#define RTE_PMD_RING_MAX_TX_RINGS 16

#endif
