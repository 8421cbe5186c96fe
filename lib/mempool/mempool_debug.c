/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Consistency checks. In debug builds (RTE_LIBRTE_MEMPOOL_DEBUG) every get
 * and put checks the object's header cookie: a second free of the same
 * object, or a free to the wrong pool, is logged once and refused instead
 * of corrupting the pool. Release builds only audit cache levels.
 */
#include <stdio.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_mempool.h>

#include "mempool_private.h"

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG

static struct rte_mempool_objtlr *
mempool_get_trailer(const struct rte_mempool *mp, void *obj)
{
	return (struct rte_mempool_objtlr *)RTE_PTR_ADD(obj, mp->elt_size);
}

__rte_export unsigned int
rte_mempool_debug_check_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
			    void **ok)
{
	unsigned int i, kept = 0;

	for (i = 0; i < n; i++) {
		void *obj = obj_table[i];
		struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);

		if (hdr->mp != mp) {
			MEMPOOL_LOG(ERR, "object %p freed to mempool %s but belongs to %s: refused\n",
				    obj, mp->name, hdr->mp != NULL ? hdr->mp->name : "no pool");
			continue;
		}
		if (hdr->cookie == RTE_MEMPOOL_HEADER_COOKIE2) {
			MEMPOOL_LOG(ERR, "object %p of mempool %s freed twice: second free refused\n",
				    obj, mp->name);
			continue;
		}
		if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE1) {
			MEMPOOL_LOG(ERR, "object %p of mempool %s: header cookie 0x%" PRIx64 " overwritten: refused\n",
				    obj, mp->name, hdr->cookie);
			continue;
		}
		if (mempool_get_trailer(mp, obj)->cookie != RTE_MEMPOOL_TRAILER_COOKIE)
			MEMPOOL_LOG(ERR, "object %p of mempool %s: written past its %u bytes\n",
				    obj, mp->name, mp->elt_size);
		hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE2;
		ok[kept++] = obj;
	}
	return kept;
}

__rte_export void
rte_mempool_debug_mark_get(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj_table[i]);

		if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE2)
			MEMPOOL_LOG(ERR, "object %p handed out by mempool %s was not free (cookie 0x%" PRIx64 ")\n",
				    obj_table[i], mp->name, hdr->cookie);
		hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE1;
	}
}

static void
mempool_audit_obj(struct rte_mempool *mp, void *opaque, void *obj, unsigned int idx)
{
	struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);

	RTE_SET_USED(opaque);
	RTE_SET_USED(idx);
	if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE1 && hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE2)
		MEMPOOL_LOG(ERR, "mempool %s: object %p header cookie overwritten\n", mp->name, obj);
	if (mempool_get_trailer(mp, obj)->cookie != RTE_MEMPOOL_TRAILER_COOKIE)
		MEMPOOL_LOG(ERR, "mempool %s: object %p trailer cookie overwritten\n", mp->name, obj);
}

static void
mempool_audit_cookies(struct rte_mempool *mp)
{
	rte_mempool_obj_iter(mp, mempool_audit_obj, NULL);
}

#else

static void
mempool_audit_cookies(struct rte_mempool *mp)
{
	RTE_SET_USED(mp);
}

#endif

__rte_export void
rte_mempool_audit(struct rte_mempool *mp)
{
	unsigned int lcore;

	if (mp->cache_size != 0)
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
			if (mp->local_cache[lcore].len > mp->local_cache[lcore].flushthresh)
				MEMPOOL_LOG(ERR, "mempool %s: cache of lcore %u holds %u objects, above its threshold %u\n",
					    mp->name, lcore, mp->local_cache[lcore].len,
					    mp->local_cache[lcore].flushthresh);
	mempool_audit_cookies(mp);
}
