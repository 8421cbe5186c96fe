/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Toeplitz hash with GFNI instructions (AVX-512), over matrices from
 * rte_thash_complete_matrix(). Sluice provides only the form DPDK builds
 * where GFNI is not available: each call logs that it is unsupported and
 * yields 0; rte_thash_gfni_supported() says so beforehand. Use rte_softrss().
 */
#ifndef _RTE_THASH_GFNI_H_
#define _RTE_THASH_GFNI_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_log.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 0, after logging that no GFNI form is built. */
static inline uint32_t
rte_thash_gfni(const uint64_t *mtrx __rte_unused, const uint8_t *key __rte_unused,
	       int len __rte_unused)
{
	RTE_LOG(ERR, HASH, "%s: no GFNI form in this build; use rte_softrss()\n", __func__);
	return 0;
}

/* Sets the num hashes in val to 0, after logging that no GFNI form is built. */
static inline void
rte_thash_gfni_bulk(const uint64_t *mtrx __rte_unused, int len __rte_unused,
		    uint8_t *tuple[] __rte_unused, uint32_t val[], uint32_t num)
{
	RTE_LOG(ERR, HASH, "%s: no GFNI form in this build; use rte_softrss()\n", __func__);
	for (uint32_t i = 0; i < num; i++)
		val[i] = 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THASH_GFNI_H_ */
