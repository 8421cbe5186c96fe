/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which mempool handler pktmbuf pools use: the user's choice (EAL option
 * --mbuf-pool-ops-name or rte_mbuf_set_user_mempool_ops), else the
 * platform's, else "ring_mp_mc".
 */
#ifndef _RTE_MBUF_POOL_OPS_H_
#define _RTE_MBUF_POOL_OPS_H_

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MBUF_DEFAULT_MEMPOOL_OPS "ring_mp_mc"

/* 0, -EINVAL for a NULL/too long name, -EACCES if already set to another name. */
int rte_mbuf_set_platform_mempool_ops(const char *ops_name);
const char *rte_mbuf_platform_mempool_ops(void);
/* 0, or -EINVAL for a NULL or too long name. */
int rte_mbuf_set_user_mempool_ops(const char *ops_name);
const char *rte_mbuf_user_mempool_ops(void);
/* The handler name rte_pktmbuf_pool_create will use. */
const char *rte_mbuf_best_mempool_ops(void);

#ifdef __cplusplus
}
#endif

#endif
