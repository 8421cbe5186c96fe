/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The default pool handlers: the free objects sit in an rte_ring. The four
 * names pick the ring's producer/consumer modes, as in DPDK:
 * ring_mp_mc (default), ring_sp_sc, ring_mp_sc, ring_sp_mc.
 */
#include <stdio.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_ring.h>
#include <rte_mempool.h>

#include "mempool_private.h"

/* A ring moves all n objects or none; an empty or full ring is -ENOBUFS, as in DPDK. */
static int
ring_mp_enqueue(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	return rte_ring_mp_enqueue_bulk(mp->pool_data, obj_table, n, NULL) == 0 ? -ENOBUFS : 0;
}

static int
ring_sp_enqueue(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	return rte_ring_sp_enqueue_bulk(mp->pool_data, obj_table, n, NULL) == 0 ? -ENOBUFS : 0;
}

static int
ring_mc_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_mc_dequeue_bulk(mp->pool_data, obj_table, n, NULL) == 0 ? -ENOBUFS : 0;
}

static int
ring_sc_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_sc_dequeue_bulk(mp->pool_data, obj_table, n, NULL) == 0 ? -ENOBUFS : 0;
}

static unsigned int
ring_get_count(const struct rte_mempool *mp)
{
	return rte_ring_count(mp->pool_data);
}

static int
ring_alloc(struct rte_mempool *mp, unsigned int rg_flags)
{
	char rg_name[RTE_RING_NAMESIZE];
	struct rte_ring *r;
	int ret;

	ret = snprintf(rg_name, sizeof(rg_name), RTE_MEMPOOL_MZ_FORMAT, mp->name);
	if (ret < 0 || ret >= (int)sizeof(rg_name)) {
		rte_errno = ENAMETOOLONG;
		return -rte_errno;
	}
	/* A ring of 2^k slots holds 2^k - 1 objects: one more than size, rounded up. */
	r = rte_ring_create(rg_name, rte_align32pow2(mp->size + 1), mp->socket_id, rg_flags);
	if (r == NULL)
		return -rte_errno;
	mp->pool_data = r;
	return 0;
}

static int
ring_alloc_mp_mc(struct rte_mempool *mp)
{
	return ring_alloc(mp, 0);
}

static int
ring_alloc_sp_sc(struct rte_mempool *mp)
{
	return ring_alloc(mp, RING_F_SP_ENQ | RING_F_SC_DEQ);
}

static int
ring_alloc_mp_sc(struct rte_mempool *mp)
{
	return ring_alloc(mp, RING_F_SC_DEQ);
}

static int
ring_alloc_sp_mc(struct rte_mempool *mp)
{
	return ring_alloc(mp, RING_F_SP_ENQ);
}

static void
ring_free(struct rte_mempool *mp)
{
	rte_ring_free(mp->pool_data);
	mp->pool_data = NULL;
}

static const struct rte_mempool_ops ops_mp_mc = {
	.name = "ring_mp_mc",
	.alloc = ring_alloc_mp_mc,
	.free = ring_free,
	.enqueue = ring_mp_enqueue,
	.dequeue = ring_mc_dequeue,
	.get_count = ring_get_count,
};

static const struct rte_mempool_ops ops_sp_sc = {
	.name = "ring_sp_sc",
	.alloc = ring_alloc_sp_sc,
	.free = ring_free,
	.enqueue = ring_sp_enqueue,
	.dequeue = ring_sc_dequeue,
	.get_count = ring_get_count,
};

static const struct rte_mempool_ops ops_mp_sc = {
	.name = "ring_mp_sc",
	.alloc = ring_alloc_mp_sc,
	.free = ring_free,
	.enqueue = ring_mp_enqueue,
	.dequeue = ring_sc_dequeue,
	.get_count = ring_get_count,
};

static const struct rte_mempool_ops ops_sp_mc = {
	.name = "ring_sp_mc",
	.alloc = ring_alloc_sp_mc,
	.free = ring_free,
	.enqueue = ring_sp_enqueue,
	.dequeue = ring_mc_dequeue,
	.get_count = ring_get_count,
};

/* Static links keep this object (and so these ops) through -u of this name. */
const int sluice_lib_anchor_mempool_ring;

void
mempool_ring_ops_register(void)
{
	rte_mempool_register_ops(&ops_mp_mc);
	rte_mempool_register_ops(&ops_sp_sc);
	rte_mempool_register_ops(&ops_mp_sc);
	rte_mempool_register_ops(&ops_sp_mc);
}

/*
 * Referenced by mempool.c so that a static link that pulls in
 * rte_mempool_create also keeps this object and its registrations.
 */
const int mempool_ring_linked = 1;
