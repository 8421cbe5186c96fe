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

/*
 * Set the platform's mempool handler name, once per process. Returns 0 (also
 * when it is already ops_name), -EINVAL when ops_name is NULL or empty,
 * -ENAMETOOLONG when it has RTE_MEMPOOL_OPS_NAMESIZE characters or more,
 * -EEXIST when another name was set before. rte_errno is not set.
 */
int rte_mbuf_set_platform_mempool_ops(const char *ops_name);
/* The platform's handler name, NULL if none was set. rte_errno is not set. */
const char *rte_mbuf_platform_mempool_ops(void);
/*
 * Set the user's mempool handler name (it may change). Returns 0, -EINVAL
 * when ops_name is NULL or empty, -ENAMETOOLONG when it has
 * RTE_MEMPOOL_OPS_NAMESIZE characters or more. rte_errno is not set.
 */
int rte_mbuf_set_user_mempool_ops(const char *ops_name);
/*
 * The user's handler name: the one set by rte_mbuf_set_user_mempool_ops, else
 * the EAL option --mbuf-pool-ops-name, else NULL. rte_errno is not set.
 */
const char *rte_mbuf_user_mempool_ops(void);
/*
 * The handler name rte_pktmbuf_pool_create will use: the user's, else the
 * platform's, else RTE_MBUF_DEFAULT_MEMPOOL_OPS. Never NULL; no rte_errno.
 */
const char *rte_mbuf_best_mempool_ops(void);

#ifdef __cplusplus
}
#endif

#endif
