/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The stack pool handlers, as DPDK names them: "stack" keeps the free
 * objects in a locked rte_stack, "lf_stack" in a lock-free one. A stack
 * hands back the object freed last, still warm in a cache.
 */
#include <errno.h>
#include <stdio.h>

#include <rte_errno.h>
#include <rte_mempool.h>
#include <rte_stack.h>

#include "mempool_private.h"

static int
stack_alloc(struct rte_mempool *mp, uint32_t flags)
{
	char name[RTE_STACK_NAMESIZE];
	struct rte_stack *s;
	int ret;

	ret = snprintf(name, sizeof(name), RTE_MEMPOOL_MZ_FORMAT, mp->name);
	if (ret < 0 || ret >= (int)sizeof(name)) {
		rte_errno = ENAMETOOLONG;
		return -rte_errno;
	}
	s = rte_stack_create(name, mp->size, mp->socket_id, flags);
	if (s == NULL)
		return -rte_errno;
	mp->pool_data = s;
	return 0;
}

static int
stack_alloc_locked(struct rte_mempool *mp)
{
	return stack_alloc(mp, 0);
}

static int
stack_alloc_lock_free(struct rte_mempool *mp)
{
	return stack_alloc(mp, RTE_STACK_F_LF);
}

static void
stack_free(struct rte_mempool *mp)
{
	rte_stack_free(mp->pool_data);
	mp->pool_data = NULL;
}

/* All n objects or none; a full or empty stack is -ENOBUFS, as for a ring. */
static int
stack_enqueue(struct rte_mempool *mp, void *const *obj_table, unsigned int n)
{
	return n == 0 || rte_stack_push(mp->pool_data, obj_table, n) == n ? 0 : -ENOBUFS;
}

static int
stack_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return n == 0 || rte_stack_pop(mp->pool_data, obj_table, n) == n ? 0 : -ENOBUFS;
}

static unsigned int
stack_get_count(const struct rte_mempool *mp)
{
	return rte_stack_count(mp->pool_data);
}

static const struct rte_mempool_ops ops_stack = {
	.name = "stack",
	.alloc = stack_alloc_locked,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_get_count,
};

static const struct rte_mempool_ops ops_lf_stack = {
	.name = "lf_stack",
	.alloc = stack_alloc_lock_free,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_get_count,
};

void
mempool_stack_ops_register(void)
{
	rte_mempool_register_ops(&ops_stack);
	rte_mempool_register_ops(&ops_lf_stack);
}

/* Referenced by mempool.c, as mempool_ring_linked is: a static link keeps these ops. */
const int mempool_stack_linked = 1;
