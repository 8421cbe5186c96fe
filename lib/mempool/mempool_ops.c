/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The registry of pool handlers (rte_mempool_ops), looked up by name, and
 * the default memory sizing and object placement they may reuse.
 */
#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_spinlock.h>
#include <rte_mempool.h>

#include "mempool_private.h"

__rte_export struct rte_mempool_ops_table rte_mempool_ops_table = {
	.sl = RTE_SPINLOCK_INITIALIZER,
	.num_ops = 0,
};

int
mempool_ops_find(const char *name)
{
	/* acquire: pairs with the release store of num_ops in rte_mempool_register_ops */
	uint32_t n = __atomic_load_n(&rte_mempool_ops_table.num_ops, __ATOMIC_ACQUIRE);
	uint32_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, rte_mempool_ops_table.ops[i].name) == 0)
			return (int)i;
	return -1;
}

__rte_export int
rte_mempool_register_ops(const struct rte_mempool_ops *h)
{
	struct rte_mempool_ops *ops;
	int idx;

	if (h == NULL || h->alloc == NULL || h->enqueue == NULL || h->dequeue == NULL ||
	    h->get_count == NULL) {
		MEMPOOL_LOG(ERR, "mempool ops lacks alloc, enqueue, dequeue or get_count: fill them in\n");
		return -EINVAL;
	}
	if (strnlen(h->name, sizeof(h->name)) == 0 ||
	    strnlen(h->name, sizeof(h->name)) >= sizeof(h->name)) {
		MEMPOOL_LOG(ERR, "mempool ops name is empty or longer than %d characters\n",
			    RTE_MEMPOOL_OPS_NAMESIZE - 1);
		return -EINVAL;
	}

	rte_spinlock_lock(&rte_mempool_ops_table.sl);
	if (mempool_ops_find(h->name) >= 0) {
		rte_spinlock_unlock(&rte_mempool_ops_table.sl);
		MEMPOOL_LOG(ERR, "mempool ops \"%s\" is already registered\n", h->name);
		return -EEXIST;
	}
	if (rte_mempool_ops_table.num_ops >= RTE_MEMPOOL_MAX_OPS_IDX) {
		rte_spinlock_unlock(&rte_mempool_ops_table.sl);
		MEMPOOL_LOG(ERR, "cannot register mempool ops \"%s\": all %d slots are used\n",
			    h->name, RTE_MEMPOOL_MAX_OPS_IDX);
		return -ENOSPC;
	}
	idx = (int)rte_mempool_ops_table.num_ops;
	ops = &rte_mempool_ops_table.ops[idx];
	*ops = *h;
	/* Publish the filled slot before the count that makes it visible. */
	__atomic_store_n(&rte_mempool_ops_table.num_ops, (uint32_t)idx + 1, __ATOMIC_RELEASE);
	rte_spinlock_unlock(&rte_mempool_ops_table.sl);
	return idx;
}

__rte_export int
rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config)
{
	int idx;

	if (mp == NULL || name == NULL)
		return -EINVAL;
	/* The handler owns the free objects; it cannot change once there are some. */
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		return -EEXIST;
	idx = mempool_ops_find(name);
	if (idx < 0) {
		MEMPOOL_LOG(ERR, "no mempool ops named \"%s\": use ring_mp_mc, ring_sp_sc, ring_mp_sc or ring_sp_mc\n",
			    name);
		return -EINVAL;
	}
	mp->ops_index = idx;
	mp->pool_config = pool_config;
	return 0;
}

__rte_export int
rte_mempool_ops_alloc(struct rte_mempool *mp)
{
	return rte_mempool_get_ops(mp->ops_index)->alloc(mp);
}

__rte_export void
rte_mempool_ops_free(struct rte_mempool *mp)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->free != NULL)
		ops->free(mp);
}

__rte_export unsigned
rte_mempool_ops_get_count(const struct rte_mempool *mp)
{
	return rte_mempool_get_ops(mp->ops_index)->get_count(mp);
}

__rte_export ssize_t
rte_mempool_ops_calc_mem_size(const struct rte_mempool *mp, uint32_t obj_num, uint32_t pg_shift,
			      size_t *min_chunk_size, size_t *align)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->calc_mem_size == NULL)
		return rte_mempool_op_calc_mem_size_default(mp, obj_num, pg_shift,
							    min_chunk_size, align);
	return ops->calc_mem_size(mp, obj_num, pg_shift, min_chunk_size, align);
}

__rte_export int
rte_mempool_ops_populate(struct rte_mempool *mp, unsigned int max_objs, void *vaddr,
			 rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
			 void *obj_cb_arg)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->populate == NULL)
		return rte_mempool_op_populate_default(mp, max_objs, vaddr, iova, len, obj_cb,
						       obj_cb_arg);
	return ops->populate(mp, max_objs, vaddr, iova, len, obj_cb, obj_cb_arg);
}

__rte_export int
rte_mempool_ops_get_info(const struct rte_mempool *mp, struct rte_mempool_info *info)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->get_info == NULL)
		return -ENOTSUP;
	return ops->get_info(mp, info);
}

/*
 * Memory for obj_num objects. With pg_shift 0 the memory is one
 * IOVA-contiguous chunk; otherwise objects must not straddle pages.
 */
__rte_export ssize_t
rte_mempool_op_calc_mem_size_helper(const struct rte_mempool *mp, uint32_t obj_num,
				    uint32_t pg_shift, size_t chunk_reserve,
				    size_t *min_chunk_size, size_t *align)
{
	size_t total_elt_sz = mp->header_size + mp->elt_size + mp->trailer_size;
	size_t mem_size;

	bool wrap;

	if (total_elt_sz == 0) {
		mem_size = 0;
		wrap = false;
	} else if (pg_shift == 0) {
		wrap = __builtin_mul_overflow(total_elt_sz, (size_t)obj_num, &mem_size);
		wrap |= __builtin_add_overflow(mem_size, chunk_reserve, &mem_size);
	} else {
		size_t pg_sz = (size_t)1 << pg_shift;
		size_t per_page = pg_sz / total_elt_sz;

		if (per_page == 0)	/* an object bigger than a page: one chunk */
			wrap = __builtin_mul_overflow(RTE_ALIGN_CEIL(total_elt_sz, pg_sz),
						      (size_t)obj_num, &mem_size);
		else
			wrap = __builtin_mul_overflow(((size_t)obj_num + per_page - 1) /
						      per_page, pg_sz, &mem_size);
		wrap |= __builtin_add_overflow(mem_size, chunk_reserve, &mem_size);
	}
	/* the caller's size_t, or the ssize_t return, would wrap */
	if (wrap || mem_size > (size_t)SSIZE_MAX)
		return -EINVAL;
	*min_chunk_size = total_elt_sz + chunk_reserve;
	*align = RTE_MEMPOOL_ALIGN;
	if (pg_shift != 0)
		*align = RTE_MAX(*align, (size_t)1 << pg_shift);
	return (ssize_t)mem_size;
}

__rte_export ssize_t
rte_mempool_op_calc_mem_size_default(const struct rte_mempool *mp, uint32_t obj_num,
				     uint32_t pg_shift, size_t *min_chunk_size, size_t *align)
{
	return rte_mempool_op_calc_mem_size_helper(mp, obj_num, pg_shift, 0, min_chunk_size,
						   align);
}

/* Cut a chunk into objects: header, element, trailer; call obj_cb on each. */
__rte_export int
rte_mempool_op_populate_helper(struct rte_mempool *mp, unsigned int flags, unsigned int max_objs,
			       void *vaddr, rte_iova_t iova, size_t len,
			       rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	size_t total_elt_sz = mp->header_size + mp->elt_size + mp->trailer_size;
	size_t off = 0;
	unsigned int i;

	if (flags & RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ) {
		/* The element itself, not the header, starts on the boundary. */
		char *first = RTE_PTR_ALIGN_CEIL((char *)vaddr + mp->header_size,
						 RTE_MEMPOOL_ALIGN);

		off = (size_t)(first - (char *)vaddr) - mp->header_size;
	}
	for (i = 0; i < max_objs && off + total_elt_sz <= len; i++) {
		char *obj = (char *)vaddr + off + mp->header_size;
		rte_iova_t obj_iova = iova == RTE_BAD_IOVA ? RTE_BAD_IOVA :
				      iova + off + mp->header_size;

		obj_cb(mp, obj_cb_arg, obj, obj_iova);
		off += total_elt_sz;
	}
	return (int)i;
}

__rte_export int
rte_mempool_op_populate_default(struct rte_mempool *mp, unsigned int max_objs, void *vaddr,
				rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
				void *obj_cb_arg)
{
	return rte_mempool_op_populate_helper(mp, 0, max_objs, vaddr, iova, len, obj_cb,
					      obj_cb_arg);
}

/*
 * A pool records its ops as an index into this process's table, and other
 * processes use it with theirs: the built-in ops take the first indices in
 * one order whatever the link order of a program, before the constructors
 * of an application's own ops run (RTE_MEMPOOL_REGISTER_OPS, default
 * priority).
 */
RTE_INIT_PRIO(mempool_builtin_ops_register, CLASS)
{
	mempool_ring_ops_register();
	mempool_stack_ops_register();
}
