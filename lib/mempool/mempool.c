/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool control path: create, populate with EAL memory, free, look up,
 * iterate, count and dump. The get/put fast path is in rte_mempool.h.
 */
#include <stdio.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_eal_memconfig.h>
#include <rte_malloc.h>
#include <rte_tailq.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_mempool.h>

#include "mempool_private.h"

/*
 * Every pool, for lookup and walk: on the tailq DPDK names RTE_MEMPOOL, in
 * shared memory, so that secondary processes find the primary's pools. An
 * entry has the layout of struct rte_tailq_entry.
 */
struct mempool_entry {
	TAILQ_ENTRY(mempool_entry) next;
	struct rte_mempool *mp;
};
TAILQ_HEAD(mempool_list_head, mempool_entry);
static struct rte_tailq_elem rte_mempool_tailq = { .name = "RTE_MEMPOOL" };
EAL_REGISTER_TAILQ(rte_mempool_tailq)

static struct mempool_list_head *
mempool_list(void)
{
	return RTE_TAILQ_CAST(rte_mempool_tailq.head, mempool_list_head);
}

_Static_assert(sizeof(struct rte_mempool_objhdr) % sizeof(uint64_t) == 0,
	       "the element after the header stays 8-byte aligned");

static unsigned int
mempool_gcd(unsigned int a, unsigned int b)
{
	while (b != 0) {
		unsigned int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * Pad an object to a number of cache lines coprime with channels x ranks,
 * so consecutive objects start on different memory channels (DPDK's
 * "spread" layout; 4 channels, 1 rank when the EAL does not know).
 * 64-bit, so that the caller sees a size past 4 GiB instead of a wrap.
 */
static uint64_t
mempool_spread_size(uint64_t obj_size)
{
	unsigned int nchan = rte_memory_get_nchannel();
	unsigned int nrank = rte_memory_get_nrank();
	uint64_t lines;

	if (nchan == 0)
		nchan = 4;
	if (nrank == 0)
		nrank = 1;
	lines = (obj_size + RTE_MEMPOOL_ALIGN_MASK) / RTE_MEMPOOL_ALIGN;
	/* lines < 2^27 here: the gcd of the 32-bit parts is the gcd */
	while (mempool_gcd((unsigned int)lines, nrank * nchan) != 1)
		lines++;
	return lines * RTE_MEMPOOL_ALIGN;
}

/*
 * As DPDK, 0 means "no such object": every part is summed in 64 bits and an
 * object whose total does not fit the 32-bit sizes of the pool is refused
 * (elt_size near UINT32_MAX used to wrap to a tiny or zero object).
 */
__rte_export uint32_t
rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags, struct rte_mempool_objsz *sz)
{
	struct rte_mempool_objsz lsz;
	uint64_t header, elt, trailer, total;

	if (sz == NULL)
		sz = &lsz;
	header = sizeof(struct rte_mempool_objhdr);
	if ((flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) == 0)
		header = RTE_ALIGN_CEIL(header, (uint64_t)RTE_MEMPOOL_ALIGN);
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	trailer = sizeof(struct rte_mempool_objtlr);
#else
	trailer = 0;
#endif
	elt = RTE_ALIGN_CEIL((uint64_t)elt_size, (uint64_t)sizeof(uint64_t));
	total = header + elt + trailer;
	if ((flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) == 0)
		total = RTE_ALIGN_CEIL(total, (uint64_t)RTE_MEMPOOL_ALIGN);
	if ((flags & RTE_MEMPOOL_F_NO_SPREAD) == 0 && total <= UINT32_MAX)
		total = mempool_spread_size(total);
	if (total > UINT32_MAX) {
		memset(sz, 0, sizeof(*sz));
		return 0;
	}
	sz->header_size = (uint32_t)header;
	sz->elt_size = (uint32_t)elt;
	sz->trailer_size = (uint32_t)(total - header - elt);
	sz->total_size = (uint32_t)total;
	return sz->total_size;
}

static void
mempool_cache_init(struct rte_mempool_cache *cache, uint32_t size)
{
	cache->size = size;
	cache->flushthresh = MEMPOOL_CACHE_FLUSHTHRESH(size);
	cache->len = 0;
}

__rte_export struct rte_mempool_cache *
rte_mempool_cache_create(uint32_t size, int socket_id)
{
	struct rte_mempool_cache *cache;

	if (size == 0 || size > RTE_MEMPOOL_CACHE_MAX_SIZE) {
		MEMPOOL_LOG(ERR, "cache size %u is not in 1..%d\n", size,
			    RTE_MEMPOOL_CACHE_MAX_SIZE);
		rte_errno = EINVAL;
		return NULL;
	}
	cache = rte_zmalloc_socket("MEMPOOL_CACHE", sizeof(*cache), RTE_CACHE_LINE_SIZE,
				   socket_id);
	if (cache == NULL) {
		MEMPOOL_LOG(ERR, "no memory for a mempool cache: add hugepages or raise -m\n");
		rte_errno = ENOMEM;
		return NULL;
	}
	mempool_cache_init(cache, size);
	return cache;
}

__rte_export void
rte_mempool_cache_free(struct rte_mempool_cache *cache)
{
	rte_free(cache);
}

static struct mempool_entry *
mempool_find_locked(const char *name)
{
	struct mempool_entry *e;

	TAILQ_FOREACH(e, mempool_list(), next)
		if (strncmp(name, e->mp->name, RTE_MEMPOOL_NAMESIZE) == 0)
			return e;
	return NULL;
}

__rte_export struct rte_mempool *
rte_mempool_lookup(const char *name)
{
	struct mempool_entry *e;
	struct rte_mempool *mp = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	e = mempool_find_locked(name);
	if (e != NULL)
		mp = e->mp;
	rte_mcfg_tailq_read_unlock();
	if (mp == NULL)
		rte_errno = ENOENT;
	return mp;
}

__rte_export void
rte_mempool_walk(void (*func)(struct rte_mempool *, void *), void *arg)
{
	struct mempool_entry *e, *tmp;

	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH_SAFE(e, mempool_list(), next, tmp)
		func(e->mp, arg);
	rte_mcfg_tailq_read_unlock();
}

static const char *
mempool_default_ops_name(unsigned int flags)
{
	if ((flags & RTE_MEMPOOL_F_SP_PUT) && (flags & RTE_MEMPOOL_F_SC_GET))
		return "ring_sp_sc";
	if (flags & RTE_MEMPOOL_F_SP_PUT)
		return "ring_sp_mc";
	if (flags & RTE_MEMPOOL_F_SC_GET)
		return "ring_mp_sc";
	return "ring_mp_mc";
}

__rte_export struct rte_mempool *
rte_mempool_create_empty(const char *name, unsigned n, unsigned elt_size, unsigned cache_size,
			 unsigned private_data_size, int socket_id, unsigned flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	struct rte_mempool_objsz objsz;
	const struct rte_memzone *mz;
	struct mempool_entry *e;
	struct rte_mempool *mp;
	size_t mempool_size;
	unsigned int lcore;
	int err;

	(void)mempool_ring_linked;
	(void)mempool_stack_linked;
	if (name == NULL || n == 0) {
		MEMPOOL_LOG(ERR, "mempool needs a name and at least one object\n");
		rte_errno = EINVAL;
		return NULL;
	}
	if (strnlen(name, RTE_MEMPOOL_NAMESIZE) >= RTE_MEMPOOL_NAMESIZE) {
		MEMPOOL_LOG(ERR, "mempool name \"%s\" is longer than %zu characters: shorten it\n",
			    name, RTE_MEMPOOL_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	if (cache_size > RTE_MEMPOOL_CACHE_MAX_SIZE ||
	    MEMPOOL_CACHE_FLUSHTHRESH(cache_size) > n) {
		MEMPOOL_LOG(ERR, "mempool %s: cache size %u must be at most %d and 1.5x it at most n=%u\n",
			    name, cache_size, RTE_MEMPOOL_CACHE_MAX_SIZE, n);
		rte_errno = EINVAL;
		return NULL;
	}
	if (flags & ~RTE_MEMPOOL_VALID_USER_FLAGS) {
		MEMPOOL_LOG(ERR, "mempool %s: unknown flags 0x%x\n", name,
			    flags & ~RTE_MEMPOOL_VALID_USER_FLAGS);
		rte_errno = EINVAL;
		return NULL;
	}

	if (rte_mempool_calc_obj_size(elt_size, flags, &objsz) == 0) {
		MEMPOOL_LOG(ERR, "mempool %s: elt_size %u with its header and padding is "
			    "more than 4 GiB: use smaller objects\n", name, elt_size);
		rte_errno = EINVAL;
		return NULL;
	}
	if (private_data_size > UINT32_MAX - RTE_MEMPOOL_ALIGN_MASK) {
		MEMPOOL_LOG(ERR, "mempool %s: private_data_size %u does not fit 32 bits once "
			    "aligned: use less\n", name, private_data_size);
		rte_errno = EINVAL;
		return NULL;
	}
	private_data_size = RTE_ALIGN_CEIL(private_data_size, RTE_MEMPOOL_ALIGN);
	mempool_size = RTE_MEMPOOL_HEADER_SIZE(mp, cache_size) + private_data_size;
	mempool_size = RTE_ALIGN_CEIL(mempool_size, RTE_MEMPOOL_ALIGN);
	snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT, name);

	e = rte_zmalloc("MEMPOOL_TAILQ_ENTRY", sizeof(*e), 0);
	if (e == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	rte_mcfg_tailq_write_lock();
	if (mempool_find_locked(name) != NULL) {
		rte_mcfg_tailq_write_unlock();
		rte_free(e);
		MEMPOOL_LOG(ERR, "mempool name \"%s\" is already in use: pick another or free it\n",
			    name);
		rte_errno = EEXIST;
		return NULL;
	}
	mz = rte_memzone_reserve(mz_name, mempool_size, socket_id, 0);
	if (mz == NULL) {
		err = rte_errno;
		rte_mcfg_tailq_write_unlock();
		rte_free(e);
		MEMPOOL_LOG(ERR, "no memory for mempool %s header (%zu bytes): add hugepages or raise -m\n",
			    name, mempool_size);
		rte_errno = err;
		return NULL;
	}
	mp = mz->addr;
	memset(mp, 0, mempool_size);
	snprintf(mp->name, sizeof(mp->name), "%s", name);
	mp->mz = mz;
	mp->size = n;
	mp->flags = flags | RTE_MEMPOOL_F_NON_IO; /* until populated for IO */
	mp->socket_id = socket_id;
	mp->elt_size = objsz.elt_size;
	mp->header_size = objsz.header_size;
	mp->trailer_size = objsz.trailer_size;
	mp->cache_size = cache_size;
	mp->private_data_size = private_data_size;
	STAILQ_INIT(&mp->elt_list);
	STAILQ_INIT(&mp->mem_list);
	/* The caches follow the structure; private data follows the caches. */
	mp->local_cache = (struct rte_mempool_cache *)RTE_PTR_ADD(mp, sizeof(*mp));
	if (cache_size != 0)
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
			mempool_cache_init(&mp->local_cache[lcore], cache_size);
	if (rte_mempool_set_ops_byname(mp, mempool_default_ops_name(flags), NULL) != 0) {
		rte_memzone_free(mz);
		rte_mcfg_tailq_write_unlock();
		rte_free(e);
		rte_errno = EINVAL;
		return NULL;
	}
	e->mp = mp;
	TAILQ_INSERT_TAIL(mempool_list(), e, next);
	rte_mcfg_tailq_write_unlock();
	return mp;
}

int
mempool_ops_alloc_once(struct rte_mempool *mp)
{
	int ret;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		return 0;
	ret = rte_mempool_ops_alloc(mp);
	if (ret != 0) {
		MEMPOOL_LOG(ERR, "mempool %s: cannot create its %s pool: %s\n", mp->name,
			    rte_mempool_get_ops(mp->ops_index)->name, strerror(-ret));
		return ret;
	}
	mp->flags |= RTE_MEMPOOL_F_POOL_CREATED;
	return 0;
}

/* Called once per object carved from a chunk: link it and free it to the pool. */
static void
mempool_add_elem(struct rte_mempool *mp, void *opaque, void *obj, rte_iova_t iova)
{
	struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);

	RTE_SET_USED(opaque);
	hdr->mp = mp;
	hdr->iova = iova;
	STAILQ_INSERT_TAIL(&mp->elt_list, hdr, next);
	mp->populated_size++;
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE2;
	((struct rte_mempool_objtlr *)RTE_PTR_ADD(obj, mp->elt_size))->cookie =
		RTE_MEMPOOL_TRAILER_COOKIE;
#endif
	rte_mempool_ops_enqueue_bulk(mp, &obj, 1);
}

__rte_export int
rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova, size_t len,
			  rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	struct rte_mempool_memhdr *memhdr;
	size_t off;
	int ret, i;

	ret = mempool_ops_alloc_once(mp);
	if (ret != 0)
		return ret;
	if (mp->populated_size >= mp->size)
		return -ENOSPC;

	memhdr = rte_zmalloc("MEMPOOL_MEMHDR", sizeof(*memhdr), 0);
	if (memhdr == NULL)
		return -ENOMEM;
	if (mp->flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN)
		off = (size_t)(RTE_PTR_ALIGN_CEIL(vaddr, sizeof(uint64_t)) - vaddr);
	else
		off = (size_t)(RTE_PTR_ALIGN_CEIL(vaddr, RTE_MEMPOOL_ALIGN) - vaddr);
	if (off > len) {
		rte_free(memhdr);
		return -EINVAL;
	}
	i = rte_mempool_ops_populate(mp, mp->size - mp->populated_size, vaddr + off,
				     iova == RTE_BAD_IOVA ? RTE_BAD_IOVA : iova + off, len - off,
				     mempool_add_elem, NULL);
	if (i <= 0) {
		rte_free(memhdr);
		return i < 0 ? i : -EINVAL;	/* not even one object fits */
	}
	memhdr->mp = mp;
	memhdr->addr = vaddr;
	memhdr->iova = iova;
	memhdr->len = len;
	memhdr->free_cb = free_cb;
	memhdr->opaque = opaque;
	STAILQ_INSERT_TAIL(&mp->mem_list, memhdr, next);
	mp->nb_mem_chunks++;
	/* as DPDK: not for IO until a chunk with an IOVA arrives, never with NO_IOVA_CONTIG */
	if (!(mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG) && iova != RTE_BAD_IOVA)
		mp->flags &= ~RTE_MEMPOOL_F_NON_IO;
	if (mp->populated_size >= mp->size)
		mempool_event_callback_invoke(RTE_MEMPOOL_EVENT_READY, mp);
	return i;
}

/*
 * Populate from virtually contiguous memory: split it into IOVA-contiguous
 * runs of pages (as rte_mem_virt2iova reports them) so no object spans a
 * discontinuity.
 */
__rte_export int
rte_mempool_populate_virt(struct rte_mempool *mp, char *addr, size_t len, size_t pg_sz,
			  rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	size_t off, run;
	int ret, cnt = 0;

	if (pg_sz == 0 || !rte_is_power_of_2((uint32_t)pg_sz) ||
	    RTE_PTR_ALIGN_CEIL(addr, pg_sz) != addr || len % pg_sz != 0)
		return -EINVAL;
	for (off = 0; off < len && mp->populated_size < mp->size; off += run) {
		rte_iova_t iova = rte_mem_virt2iova(addr + off);

		for (run = pg_sz; off + run < len; run += pg_sz) {
			rte_iova_t next = rte_mem_virt2iova(addr + off + run);

			if (iova == RTE_BAD_IOVA ? next != RTE_BAD_IOVA : next != iova + run)
				break;
		}
		/* Only the first run carries the free callback: it owns the whole area. */
		ret = rte_mempool_populate_iova(mp, addr + off, iova, run,
						cnt == 0 ? free_cb : NULL, opaque);
		if (ret == -EINVAL)
			continue;	/* run too small for one object */
		if (ret < 0)
			return cnt > 0 ? cnt : ret;
		cnt += ret;
	}
	return cnt;
}

static void
mempool_memzone_free_cb(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	RTE_SET_USED(memhdr);
	rte_memzone_free(opaque);
}

static void
mempool_free_memchunks(struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *memhdr;
	void *obj;

	/* Empty the pool: the chunks are about to go away. */
	while (!STAILQ_EMPTY(&mp->elt_list)) {
		rte_mempool_ops_dequeue_bulk(mp, &obj, 1);
		STAILQ_REMOVE_HEAD(&mp->elt_list, next);
	}
	while (!STAILQ_EMPTY(&mp->mem_list)) {
		memhdr = STAILQ_FIRST(&mp->mem_list);
		STAILQ_REMOVE_HEAD(&mp->mem_list, next);
		if (memhdr->free_cb != NULL)
			memhdr->free_cb(memhdr, memhdr->opaque);
		rte_free(memhdr);
	}
	mp->nb_mem_chunks = 0;
	mp->populated_size = 0;
	if (mp->cache_size != 0)
		for (unsigned int lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
			mp->local_cache[lcore].len = 0;
}

__rte_export int
rte_mempool_populate_default(struct rte_mempool *mp)
{
	bool need_iova = !(mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	size_t min_chunk_size, align;
	unsigned int mz_id;
	ssize_t mem_size;
	int ret;

	if (mp->nb_mem_chunks != 0)
		return -EEXIST;
	ret = mempool_ops_alloc_once(mp);
	if (ret != 0)
		return ret;

	for (mz_id = 0; mp->populated_size < mp->size; mz_id++) {
		unsigned int n = mp->size - mp->populated_size;
		uint32_t chunks_before = mp->nb_mem_chunks;

		mem_size = rte_mempool_ops_calc_mem_size(mp, n, 0, &min_chunk_size, &align);
		if (mem_size < 0) {
			ret = (int)mem_size;
			goto fail;
		}
		ret = snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT "_%u", mp->name,
			       mz_id);
		if (ret < 0 || ret >= (int)sizeof(mz_name)) {
			ret = -ENAMETOOLONG;
			goto fail;
		}
		/* One IOVA-contiguous zone first; else any memory, split by IOVA runs. */
		mz = rte_memzone_reserve_aligned(mz_name, (size_t)mem_size, mp->socket_id,
						 need_iova ? RTE_MEMZONE_IOVA_CONTIG : 0,
						 (unsigned int)align);
		if (mz != NULL) {
			ret = rte_mempool_populate_iova(mp, mz->addr,
							need_iova ? mz->iova : RTE_BAD_IOVA,
							mz->len, mempool_memzone_free_cb,
							(void *)(uintptr_t)mz);
		} else if (need_iova) {
			size_t pg = (size_t)sysconf(_SC_PAGESIZE);

			mz = rte_memzone_reserve_aligned(mz_name, RTE_ALIGN_CEIL((size_t)mem_size, pg),
							 mp->socket_id, 0,
							 (unsigned int)RTE_MAX(align, pg));
			if (mz != NULL)
				ret = rte_mempool_populate_virt(mp, mz->addr,
								RTE_ALIGN_FLOOR(mz->len, pg), pg,
								mempool_memzone_free_cb,
								(void *)(uintptr_t)mz);
		}
		if (mz == NULL) {
			ret = -rte_errno;
			MEMPOOL_LOG(ERR, "no memory for %u objects of mempool %s (%zd bytes): add hugepages or raise -m\n",
				    n, mp->name, mem_size);
			goto fail;
		}
		if (ret <= 0) {
			/* The zone belongs to a chunk only if one was added. */
			if (mp->nb_mem_chunks == chunks_before)
				rte_memzone_free(mz);
			if (ret == 0)
				ret = -ENOMEM;
			goto fail;
		}
	}
	return (int)mp->size;

fail:
	mempool_free_memchunks(mp);
	return ret;
}

static void
mempool_munmap_free_cb(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	munmap(memhdr->addr, (size_t)(uintptr_t)opaque);
}

__rte_export int
rte_mempool_populate_anon(struct rte_mempool *mp)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	size_t size, min_chunk_size, align;
	ssize_t mem_size;
	void *addr;
	int ret;

	if (mp == NULL || mp->nb_mem_chunks != 0) {
		rte_errno = EINVAL;
		return 0;
	}
	ret = mempool_ops_alloc_once(mp);
	if (ret != 0) {
		rte_errno = -ret;
		return 0;
	}
	mem_size = rte_mempool_ops_calc_mem_size(mp, mp->size, 0, &min_chunk_size, &align);
	if (mem_size < 0) {
		rte_errno = (int)-mem_size;
		return 0;
	}
	size = RTE_ALIGN_CEIL((size_t)mem_size, pg);
	addr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (addr == MAP_FAILED) {
		rte_errno = errno;
		return 0;
	}
	/* Anonymous memory has no IOVA: one chunk, objects marked RTE_BAD_IOVA. */
	ret = rte_mempool_populate_iova(mp, addr, RTE_BAD_IOVA, size, mempool_munmap_free_cb,
					(void *)(uintptr_t)size);
	if (ret <= 0) {
		munmap(addr, size);
		rte_errno = ret < 0 ? -ret : ENOMEM;
		return 0;
	}
	return (int)mp->populated_size;
}

__rte_export void
rte_mempool_free(struct rte_mempool *mp)
{
	struct mempool_entry *e;

	if (mp == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, mempool_list(), next)
		if (e->mp == mp)
			break;
	if (e != NULL)
		TAILQ_REMOVE(mempool_list(), e, next);
	rte_mcfg_tailq_write_unlock();
	rte_free(e);

	/* before anything goes: listeners still see the pool's memory */
	mempool_event_callback_invoke(RTE_MEMPOOL_EVENT_DESTROY, mp);
	mempool_free_memchunks(mp);
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		rte_mempool_ops_free(mp);
	rte_memzone_free(mp->mz);
}

__rte_export struct rte_mempool *
rte_mempool_create(const char *name, unsigned n, unsigned elt_size, unsigned cache_size,
		   unsigned private_data_size, rte_mempool_ctor_t *mp_init, void *mp_init_arg,
		   rte_mempool_obj_cb_t *obj_init, void *obj_init_arg, int socket_id,
		   unsigned flags)
{
	struct rte_mempool *mp;
	int ret;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, private_data_size,
				      socket_id, flags);
	if (mp == NULL)
		return NULL;
	if (mp_init != NULL)
		mp_init(mp, mp_init_arg);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	if (obj_init != NULL)
		rte_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

__rte_export uint32_t
rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	struct rte_mempool_objhdr *hdr;
	uint32_t n = 0;

	STAILQ_FOREACH(hdr, &mp->elt_list, next) {
		obj_cb(mp, obj_cb_arg, (char *)hdr + sizeof(*hdr), n);
		n++;
	}
	return n;
}

__rte_export uint32_t
rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb, void *mem_cb_arg)
{
	struct rte_mempool_memhdr *hdr;
	uint32_t n = 0;

	STAILQ_FOREACH(hdr, &mp->mem_list, next) {
		mem_cb(mp, mem_cb_arg, hdr, n);
		n++;
	}
	return n;
}

static unsigned int
mempool_cached_count(const struct rte_mempool *mp)
{
	unsigned int lcore, count = 0;

	if (mp->cache_size == 0)
		return 0;
	/* Relaxed reads of other lcores' counters: a snapshot, as in DPDK. */
	for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
		count += __atomic_load_n(&mp->local_cache[lcore].len, __ATOMIC_RELAXED);
	return count;
}

__rte_export unsigned int
rte_mempool_avail_count(const struct rte_mempool *mp)
{
	unsigned int count = rte_mempool_ops_get_count(mp) + mempool_cached_count(mp);

	/* Caches change under us while we add them up: never report more than size. */
	return count > mp->size ? mp->size : count;
}

__rte_export unsigned int
rte_mempool_in_use_count(const struct rte_mempool *mp)
{
	return mp->size - rte_mempool_avail_count(mp);
}

__rte_export int
rte_mempool_get_page_size(struct rte_mempool *mp, size_t *pg_sz)
{
	RTE_SET_USED(mp);
	/* Pools are populated from IOVA-contiguous zones, or split by IOVA runs. */
	*pg_sz = 0;
	return 0;
}

__rte_export void
rte_mempool_dump(FILE *f, struct rte_mempool *mp)
{
	unsigned int lcore, cache_count = 0, common_count;
	struct rte_mempool_memhdr *memhdr;
	size_t mem_len = 0;

	STAILQ_FOREACH(memhdr, &mp->mem_list, next)
		mem_len += memhdr->len;
	fprintf(f, "mempool <%s>@%p\n", mp->name, (void *)mp);
	fprintf(f, "  flags=%x\n", mp->flags);
	fprintf(f, "  socket_id=%d\n", mp->socket_id);
	fprintf(f, "  pool=%p\n", mp->pool_data);
	fprintf(f, "  iova=0x%" PRIx64 "\n", mp->mz != NULL ? mp->mz->iova : RTE_BAD_IOVA);
	fprintf(f, "  nb_mem_chunks=%u\n", mp->nb_mem_chunks);
	fprintf(f, "  size=%" PRIu32 "\n", mp->size);
	fprintf(f, "  populated_size=%" PRIu32 "\n", mp->populated_size);
	fprintf(f, "  header_size=%" PRIu32 "\n", mp->header_size);
	fprintf(f, "  elt_size=%" PRIu32 "\n", mp->elt_size);
	fprintf(f, "  trailer_size=%" PRIu32 "\n", mp->trailer_size);
	fprintf(f, "  total_obj_size=%" PRIu32 "\n",
		mp->header_size + mp->elt_size + mp->trailer_size);
	fprintf(f, "  private_data_size=%" PRIu32 "\n", mp->private_data_size);
	fprintf(f, "  ops_index=%d\n", mp->ops_index);
	fprintf(f, "  ops_name: <%s>\n", rte_mempool_get_ops(mp->ops_index)->name);
	if (mp->size != 0)
		fprintf(f, "  avg bytes/object=%#Lf\n", (long double)mem_len / mp->size);
	fprintf(f, "  internal cache infos:\n");
	fprintf(f, "    cache_size=%" PRIu32 "\n", mp->cache_size);
	if (mp->cache_size != 0) {
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++) {
			if (mp->local_cache[lcore].len == 0)
				continue;
			fprintf(f, "    cache_count[%u]=%" PRIu32 "\n", lcore,
				mp->local_cache[lcore].len);
			cache_count += mp->local_cache[lcore].len;
		}
	}
	fprintf(f, "    total_cache_count=%u\n", cache_count);
	common_count = (mp->flags & RTE_MEMPOOL_F_POOL_CREATED) ? rte_mempool_ops_get_count(mp) : 0;
	if (cache_count + common_count > mp->size)
		common_count = mp->size - cache_count;
	fprintf(f, "  common_pool_count=%u\n", common_count);
	fprintf(f, "  no statistics available\n");
}

__rte_export void
rte_mempool_list_dump(FILE *f)
{
	struct mempool_entry *e;

	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(e, mempool_list(), next)
		rte_mempool_dump(f, e->mp);
	rte_mcfg_tailq_read_unlock();
}
