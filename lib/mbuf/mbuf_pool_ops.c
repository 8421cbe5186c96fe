/* SPDX-License-Identifier: BSD-3-Clause */
/* The pool handler names used by rte_pktmbuf_pool_create. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_mempool.h>
#include <rte_mbuf_pool_ops.h>

#include "mbuf_private.h"

static char mbuf_platform_ops[RTE_MEMPOOL_OPS_NAMESIZE];
static char mbuf_user_ops[RTE_MEMPOOL_OPS_NAMESIZE];
static pthread_mutex_t mbuf_ops_lock = PTHREAD_MUTEX_INITIALIZER;

/* 0, -EINVAL for a NULL or empty name, -ENAMETOOLONG (as DPDK) for a long one. */
static int
mbuf_ops_name_check(const char *ops_name)
{
	size_t len;

	if (ops_name == NULL)
		return -EINVAL;
	len = strnlen(ops_name, RTE_MEMPOOL_OPS_NAMESIZE);
	if (len == 0)
		return -EINVAL;
	if (len == RTE_MEMPOOL_OPS_NAMESIZE)
		return -ENAMETOOLONG;
	return 0;
}

__rte_export int
rte_mbuf_set_platform_mempool_ops(const char *ops_name)
{
	int ret = mbuf_ops_name_check(ops_name);

	if (ret != 0)
		return ret;
	pthread_mutex_lock(&mbuf_ops_lock);
	if (mbuf_platform_ops[0] == '\0')
		snprintf(mbuf_platform_ops, sizeof(mbuf_platform_ops), "%s", ops_name);
	else if (strcmp(mbuf_platform_ops, ops_name) != 0)
		ret = -EEXIST;	/* set once per process, as in DPDK */
	pthread_mutex_unlock(&mbuf_ops_lock);
	if (ret == -EEXIST)
		MBUF_LOG(ERR, "platform mbuf pool ops are already \"%s\"; they cannot change\n",
			 mbuf_platform_ops);
	return ret;
}

__rte_export const char *
rte_mbuf_platform_mempool_ops(void)
{
	return mbuf_platform_ops[0] != '\0' ? mbuf_platform_ops : NULL;
}

__rte_export int
rte_mbuf_set_user_mempool_ops(const char *ops_name)
{
	int ret = mbuf_ops_name_check(ops_name);

	if (ret != 0)
		return ret;
	pthread_mutex_lock(&mbuf_ops_lock);
	snprintf(mbuf_user_ops, sizeof(mbuf_user_ops), "%s", ops_name);
	pthread_mutex_unlock(&mbuf_ops_lock);
	return 0;
}

__rte_export const char *
rte_mbuf_user_mempool_ops(void)
{
	if (mbuf_user_ops[0] != '\0')
		return mbuf_user_ops;
	return rte_eal_mbuf_user_pool_ops();
}

__rte_export const char *
rte_mbuf_best_mempool_ops(void)
{
	const char *name = rte_mbuf_user_mempool_ops();

	if (name != NULL && name[0] != '\0')
		return name;
	name = rte_mbuf_platform_mempool_ops();
	if (name != NULL)
		return name;
	return RTE_MBUF_DEFAULT_MEMPOOL_OPS;
}
