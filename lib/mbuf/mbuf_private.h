/* SPDX-License-Identifier: BSD-3-Clause */
/* mbuf internals shared by its source files. Never installed. */
#ifndef _MBUF_PRIVATE_H_
#define _MBUF_PRIVATE_H_

#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

/* Exported from libsluice; everything else is hidden. */
#define __rte_export __attribute__((visibility("default")))

#define MBUF_LOG(level, ...) RTE_LOG(level, MBUF, __VA_ARGS__)

struct rte_mempool *mbuf_pool_make(const char *name, unsigned int n, unsigned int cache_size,
				   unsigned int elt_size,
				   const struct rte_pktmbuf_pool_private *priv, int socket_id,
				   const char *ops_name, rte_mempool_obj_cb_t *obj_init,
				   void *obj_init_arg);
/* 0, or -EINVAL with rte_errno and a log line when priv_size breaks the alignment. */
int mbuf_priv_size_check(uint16_t priv_size);

#endif
