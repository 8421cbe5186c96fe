/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool: a pool of fixed-size objects in EAL memory, with DPDK 22.11's
 * API, layouts and semantics. Objects live in a common pool (a ring by
 * default, chosen by name through rte_mempool_ops) fronted by one cache per
 * lcore, so that most gets and puts touch only lcore-local memory.
 *
 * Layout of one object:  [objhdr | element (elt_size) | trailer padding]
 * rte_mempool_virt2iova() and rte_mempool_from_obj() read the header just
 * before the element.
 *
 * The get/put fast path is static inline below. The private part
 * (creation, population, iteration, ops registry) is in the library.
 */
#ifndef _RTE_MEMPOOL_H_
#define _RTE_MEMPOOL_H_

#include <stdio.h>
#include <inttypes.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <sys/queue.h>
#include <sys/types.h>

#include <rte_config.h>
#include <rte_os.h>
#include <rte_common.h>
#include <rte_branch_prediction.h>
#include <rte_cycles.h> /* DPDK's brings it in (trace points); apps rely on it */
#include <rte_spinlock.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memcpy.h>
#include <rte_debug.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif


#define RTE_MEMPOOL_HEADER_COOKIE1 0xbadbadbadadd2e55ULL /* object is allocated */
#define RTE_MEMPOOL_HEADER_COOKIE2 0xf2eef2eedadd2e55ULL /* object is in the pool */
#define RTE_MEMPOOL_TRAILER_COOKIE 0xadd2e55badbadbadULL

/* A per-lcore cache of objects. */
struct rte_mempool_cache {
	uint32_t size;		/* target fill level after a refill */
	uint32_t flushthresh;	/* above this, the cache is emptied to the pool */
	uint32_t len;		/* objects currently cached */
	/* Twice the maximum, so a put of up to flushthresh never overflows. */
	void *objs[RTE_MEMPOOL_CACHE_MAX_SIZE * 2] __rte_cache_aligned;
} __rte_cache_aligned;

struct rte_mempool_objsz {
	uint32_t elt_size;
	uint32_t header_size;
	uint32_t trailer_size;
	uint32_t total_size;	/* header + elt + trailer */
};

#define RTE_MEMPOOL_MZ_PREFIX "MP_"
/* The pool's ring is named "MP_<name>". */
#define RTE_MEMPOOL_NAMESIZE (RTE_RING_NAMESIZE - sizeof(RTE_MEMPOOL_MZ_PREFIX) + 1)
#define RTE_MEMPOOL_MZ_FORMAT RTE_MEMPOOL_MZ_PREFIX "%s"

#define RTE_MEMPOOL_ALIGN RTE_CACHE_LINE_SIZE
#define RTE_MEMPOOL_ALIGN_MASK (RTE_MEMPOOL_ALIGN - 1)

/* Header before every object: owner, IOVA, list link (and a debug cookie). */
struct rte_mempool_objhdr {
	RTE_STAILQ_ENTRY(rte_mempool_objhdr) next;
	struct rte_mempool *mp;
	rte_iova_t iova;
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	uint64_t cookie;	/* COOKIE1 while allocated, COOKIE2 while free */
#endif
};

RTE_STAILQ_HEAD(rte_mempool_objhdr_list, rte_mempool_objhdr);

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
struct rte_mempool_objtlr {
	uint64_t cookie;	/* RTE_MEMPOOL_TRAILER_COOKIE: catches overruns */
};
#endif

RTE_STAILQ_HEAD(rte_mempool_memhdr_list, rte_mempool_memhdr);

/* Called with a chunk and its opaque pointer when the pool frees that chunk. */
typedef void (rte_mempool_memchunk_free_cb_t)(struct rte_mempool_memhdr *memhdr, void *opaque);

/* One virtually contiguous memory chunk holding objects. */
struct rte_mempool_memhdr {
	RTE_STAILQ_ENTRY(rte_mempool_memhdr) next;
	struct rte_mempool *mp;
	void *addr;
	rte_iova_t iova;	/* RTE_BAD_IOVA when not IOVA-contiguous */
	size_t len;
	rte_mempool_memchunk_free_cb_t *free_cb;
	void *opaque;
};

struct rte_mempool_info {
	unsigned int contig_block_size;
} __rte_cache_aligned;

struct rte_mempool {
	char name[RTE_MEMPOOL_NAMESIZE];
	RTE_STD_C11
	union {
		void *pool_data;	/* the ring (or other pool) of free objects */
		uint64_t pool_id;
	};
	void *pool_config;		/* argument of the ops' alloc */
	const struct rte_memzone *mz;	/* where this structure lives */
	unsigned int flags;
	int socket_id;
	uint32_t size;			/* number of objects */
	uint32_t cache_size;		/* per-lcore cache size, 0 for none */
	uint32_t elt_size;
	uint32_t header_size;
	uint32_t trailer_size;
	unsigned private_data_size;
	int32_t ops_index;		/* index in rte_mempool_ops_table */
	struct rte_mempool_cache *local_cache;	/* RTE_MAX_LCORE caches */
	uint32_t populated_size;
	struct rte_mempool_objhdr_list elt_list;
	uint32_t nb_mem_chunks;
	struct rte_mempool_memhdr_list mem_list;
} __rte_cache_aligned;

#define RTE_MEMPOOL_F_NO_SPREAD 0x0001		/* no padding to spread objects over channels */
#define MEMPOOL_F_NO_SPREAD RTE_MEMPOOL_F_NO_SPREAD
#define RTE_MEMPOOL_F_NO_CACHE_ALIGN 0x0002	/* objects not cache-line aligned */
#define MEMPOOL_F_NO_CACHE_ALIGN RTE_MEMPOOL_F_NO_CACHE_ALIGN
#define RTE_MEMPOOL_F_SP_PUT 0x0004		/* single producer: "ring_sp_*" */
#define MEMPOOL_F_SP_PUT RTE_MEMPOOL_F_SP_PUT
#define RTE_MEMPOOL_F_SC_GET 0x0008		/* single consumer: "ring_*_sc" */
#define MEMPOOL_F_SC_GET RTE_MEMPOOL_F_SC_GET
#define RTE_MEMPOOL_F_POOL_CREATED 0x0010	/* internal: the ops' pool exists */
#define RTE_MEMPOOL_F_NO_IOVA_CONTIG 0x0020	/* objects need no IOVA */
#define MEMPOOL_F_NO_IOVA_CONTIG RTE_MEMPOOL_F_NO_IOVA_CONTIG
#define RTE_MEMPOOL_F_NON_IO 0x0040		/* internal: no object has an IOVA */
#define RTE_MEMPOOL_VALID_USER_FLAGS (RTE_MEMPOOL_F_NO_SPREAD \
	| RTE_MEMPOOL_F_NO_CACHE_ALIGN | RTE_MEMPOOL_F_SP_PUT \
	| RTE_MEMPOOL_F_SC_GET | RTE_MEMPOOL_F_NO_IOVA_CONTIG)

/* Size of the mempool structure plus its per-lcore caches. */
#define RTE_MEMPOOL_HEADER_SIZE(mp, cs) \
	(sizeof(*(mp)) + (((cs) == 0) ? 0 : (sizeof(struct rte_mempool_cache) * RTE_MAX_LCORE)))

/* The header just before object obj (no check that obj is one). No rte_errno. */
static inline struct rte_mempool_objhdr *
rte_mempool_get_header(void *obj)
{
	return (struct rte_mempool_objhdr *)RTE_PTR_SUB(obj, sizeof(struct rte_mempool_objhdr));
}

/* The pool object obj belongs to, read from its header. No rte_errno. */
static inline struct rte_mempool *
rte_mempool_from_obj(void *obj)
{
	return rte_mempool_get_header(obj)->mp;
}

/* ---- Pool handlers (ops), selected by name ---- */

#define RTE_MEMPOOL_OPS_NAMESIZE 32

typedef int (*rte_mempool_alloc_t)(struct rte_mempool *mp);
typedef void (*rte_mempool_free_t)(struct rte_mempool *mp);
/* Both return 0, or a negative errno having moved no object. */
typedef int (*rte_mempool_enqueue_t)(struct rte_mempool *mp, void * const *obj_table,
				     unsigned int n);
typedef int (*rte_mempool_dequeue_t)(struct rte_mempool *mp, void **obj_table, unsigned int n);
typedef int (*rte_mempool_dequeue_contig_blocks_t)(struct rte_mempool *mp,
						   void **first_obj_table, unsigned int n);
typedef unsigned (*rte_mempool_get_count)(const struct rte_mempool *mp);
typedef ssize_t (*rte_mempool_calc_mem_size_t)(const struct rte_mempool *mp, uint32_t obj_num,
					       uint32_t pg_shift, size_t *min_chunk_size,
					       size_t *align);
typedef void (rte_mempool_populate_obj_cb_t)(struct rte_mempool *mp, void *opaque,
					     void *vaddr, rte_iova_t iova);
typedef int (*rte_mempool_populate_t)(struct rte_mempool *mp, unsigned int max_objs,
				      void *vaddr, rte_iova_t iova, size_t len,
				      rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);
typedef int (*rte_mempool_get_info_t)(const struct rte_mempool *mp,
				      struct rte_mempool_info *info);

#define RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ 0x0001

/*
 * Default sizing for obj_num objects. Returns the bytes needed (0 if the objects
 * have size 0) and fills *min_chunk_size and *align; never fails, no rte_errno.
 */
ssize_t rte_mempool_op_calc_mem_size_helper(const struct rte_mempool *mp, uint32_t obj_num,
					    uint32_t pg_shift, size_t chunk_reserve,
					    size_t *min_chunk_size, size_t *align);
/* The helper with no chunk reserve: the same return value; never fails, no rte_errno. */
ssize_t rte_mempool_op_calc_mem_size_default(const struct rte_mempool *mp, uint32_t obj_num,
					     uint32_t pg_shift, size_t *min_chunk_size,
					     size_t *align);
/*
 * Cut the chunk into at most max_objs objects, calling obj_cb on each. Returns the
 * number of objects placed (0 if none fits); never fails, no rte_errno.
 */
int rte_mempool_op_populate_helper(struct rte_mempool *mp, unsigned int flags,
				   unsigned int max_objs, void *vaddr, rte_iova_t iova,
				   size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
				   void *obj_cb_arg);
/* The helper with no flags: the same return value; never fails, no rte_errno. */
int rte_mempool_op_populate_default(struct rte_mempool *mp, unsigned int max_objs,
				    void *vaddr, rte_iova_t iova, size_t len,
				    rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);

struct rte_mempool_ops {
	char name[RTE_MEMPOOL_OPS_NAMESIZE];
	rte_mempool_alloc_t alloc;
	rte_mempool_free_t free;
	rte_mempool_enqueue_t enqueue;
	rte_mempool_dequeue_t dequeue;
	rte_mempool_get_count get_count;
	rte_mempool_calc_mem_size_t calc_mem_size;	/* optional */
	rte_mempool_populate_t populate;		/* optional */
	rte_mempool_get_info_t get_info;		/* optional */
	rte_mempool_dequeue_contig_blocks_t dequeue_contig_blocks; /* optional */
} __rte_cache_aligned;

#define RTE_MEMPOOL_MAX_OPS_IDX 16

struct rte_mempool_ops_table {
	rte_spinlock_t sl;	/* serializes registration */
	uint32_t num_ops;
	struct rte_mempool_ops ops[RTE_MEMPOOL_MAX_OPS_IDX];
} __rte_cache_aligned;

extern struct rte_mempool_ops_table rte_mempool_ops_table;

/* ops_index was checked when the pool was created; no check here. */
static inline struct rte_mempool_ops *
rte_mempool_get_ops(int ops_index)
{
	return &rte_mempool_ops_table.ops[ops_index];
}

/*
 * Call the handler's alloc. Returns 0, or its negative errno (ring handlers:
 * -ENAMETOOLONG or rte_ring_create()'s error, with rte_errno set to the same).
 */
int rte_mempool_ops_alloc(struct rte_mempool *mp);

/* Returns 0, or the handler's negative errno (ring handlers: -ENOBUFS). No rte_errno. */
static inline int
rte_mempool_ops_dequeue_bulk(struct rte_mempool *mp, void **obj_table, unsigned n)
{
	return rte_mempool_get_ops(mp->ops_index)->dequeue(mp, obj_table, n);
}

/* Returns 0, -ENOTSUP if the handler has no dequeue_contig_blocks, or its error. No rte_errno. */
static inline int
rte_mempool_ops_dequeue_contig_blocks(struct rte_mempool *mp, void **first_obj_table,
				      unsigned int n)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->dequeue_contig_blocks == NULL)
		return -ENOTSUP;
	return ops->dequeue_contig_blocks(mp, first_obj_table, n);
}

/* Returns 0, or the handler's negative errno (ring handlers: -ENOBUFS). No rte_errno. */
static inline int
rte_mempool_ops_enqueue_bulk(struct rte_mempool *mp, void * const *obj_table, unsigned n)
{
	return rte_mempool_get_ops(mp->ops_index)->enqueue(mp, obj_table, n);
}

/* Returns the handler's count of objects in the common pool; no errors. */
unsigned rte_mempool_ops_get_count(const struct rte_mempool *mp);
/*
 * Returns the handler's calc_mem_size result, or without one that of
 * rte_mempool_op_calc_mem_size_default(). No rte_errno.
 */
ssize_t rte_mempool_ops_calc_mem_size(const struct rte_mempool *mp, uint32_t obj_num,
				      uint32_t pg_shift, size_t *min_chunk_size, size_t *align);
/*
 * Returns the handler's populate result, or without one the number of objects
 * placed by rte_mempool_op_populate_default(). No rte_errno.
 */
int rte_mempool_ops_populate(struct rte_mempool *mp, unsigned int max_objs, void *vaddr,
			     rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
			     void *obj_cb_arg);
/* Returns 0, -ENOTSUP if the handler has no get_info, or its error. No rte_errno. */
int rte_mempool_ops_get_info(const struct rte_mempool *mp, struct rte_mempool_info *info);
/* Call the handler's free, if any. Returns nothing; no rte_errno. */
void rte_mempool_ops_free(struct rte_mempool *mp);

/*
 * Choose the handler of an empty (not yet populated) pool by name.
 * Returns 0, -EEXIST if the pool is already populated, -EINVAL for a NULL
 * pool or name or an unknown name. No rte_errno.
 */
int rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config);

/*
 * Returns the handler's index; -EINVAL (NULL ops, missing callback, empty or too long
 * name), -EEXIST (name registered), -ENOSPC (table full). No rte_errno.
 */
int rte_mempool_register_ops(const struct rte_mempool_ops *ops);

#define RTE_MEMPOOL_REGISTER_OPS(ops) \
	RTE_INIT(mp_hdlr_init_##ops) \
	{ \
		rte_mempool_register_ops(&ops); \
	}

/* ---- Creation and control path ---- */

typedef void (rte_mempool_obj_cb_t)(struct rte_mempool *mp, void *opaque, void *obj,
				    unsigned obj_idx);
typedef rte_mempool_obj_cb_t rte_mempool_obj_ctor_t;
typedef void (rte_mempool_mem_cb_t)(struct rte_mempool *mp, void *opaque,
				    struct rte_mempool_memhdr *memhdr, unsigned mem_idx);
typedef void (rte_mempool_ctor_t)(struct rte_mempool *, void *);

/*
 * Create and populate a pool of n objects of elt_size bytes with a cache
 * of cache_size objects per lcore. Returns the pool, or NULL with rte_errno set
 * as by rte_mempool_create_empty(), or to the positive errno of
 * rte_mempool_populate_default() (e.g. ENOMEM, the handler's error).
 */
struct rte_mempool *rte_mempool_create(const char *name, unsigned n, unsigned elt_size,
				       unsigned cache_size, unsigned private_data_size,
				       rte_mempool_ctor_t *mp_init, void *mp_init_arg,
				       rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
				       int socket_id, unsigned flags);

/*
 * The same, without objects: set the ops, then populate. NULL with rte_errno EINVAL
 * (NULL name, n 0, cache_size > RTE_MEMPOOL_CACHE_MAX_SIZE or 1.5 * cache_size > n,
 * unknown flags, default handler missing), ENAMETOOLONG, EEXIST (name in use),
 * ENOMEM, or the memzone reservation's rte_errno.
 */
struct rte_mempool *rte_mempool_create_empty(const char *name, unsigned n, unsigned elt_size,
					     unsigned cache_size, unsigned private_data_size,
					     int socket_id, unsigned flags);

/* Free the pool, its objects' memory and its handler; NULL is ignored. No rte_errno. */
void rte_mempool_free(struct rte_mempool *mp);

/*
 * Add objects from a chunk of memory (IOVA-contiguous, or RTE_BAD_IOVA).
 * Return the number of objects added, or a negative errno: -ENOSPC (pool
 * full), -ENOMEM, -EINVAL (not one object fits), or the handler's error.
 */
int rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova, size_t len,
			      rte_mempool_memchunk_free_cb_t *free_cb, void *opaque);
/*
 * Add objects from len bytes of pg_sz pages, split where the IOVA jumps. Returns the
 * number added; -EINVAL (pg_sz not a power of 2, addr or len not page-aligned), or the
 * first error of rte_mempool_populate_iova() when nothing was added.
 */
int rte_mempool_populate_virt(struct rte_mempool *mp, char *addr, size_t len, size_t pg_sz,
			      rte_mempool_memchunk_free_cb_t *free_cb, void *opaque);
/*
 * Fill the pool with memory from EAL memzones. Returns the object count; -EEXIST
 * (already populated), the handler's error, or -rte_errno of a failed memzone
 * reservation (e.g. -ENOMEM), the chunks added so far being freed.
 */
int rte_mempool_populate_default(struct rte_mempool *mp);
/*
 * Fill the pool with anonymous memory (no IOVA). Returns the object count, or 0
 * with rte_errno set: EINVAL (NULL or already populated pool), ENOMEM, or the
 * handler's or mmap()'s error.
 */
int rte_mempool_populate_anon(struct rte_mempool *mp);

/* Call obj_cb on every object; returns the number of objects. Never fails, no rte_errno. */
uint32_t rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb,
			      void *obj_cb_arg);
/* Call mem_cb on every memory chunk; returns the number of chunks. Never fails, no rte_errno. */
uint32_t rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb,
			      void *mem_cb_arg);

/* Print the pool's state to f. Returns nothing; no rte_errno. */
void rte_mempool_dump(FILE *f, struct rte_mempool *mp);

/*
 * A cache for threads that are not lcores. NULL with rte_errno EINVAL (size 0 or
 * above RTE_MEMPOOL_CACHE_MAX_SIZE) or ENOMEM.
 */
struct rte_mempool_cache *rte_mempool_cache_create(uint32_t size, int socket_id);
/* Free a cache from rte_mempool_cache_create(); NULL is ignored. No rte_errno. */
void rte_mempool_cache_free(struct rte_mempool_cache *cache);

/* ---- Fast path ---- */

/*
 * The cache of an lcore, NULL for a pool without caches or a non-lcore thread.
 * The caches follow the structure (mp->local_cache == mp + 1, set by
 * rte_mempool_create_empty()). Computing the address from mp, rather than
 * loading local_cache, which the compiler must reload after every pointer
 * stored into a table, raises the get+put rate of single objects by about
 * 15% (bench/mempool_same_source.sh). Cannot fail; rte_errno is not set.
 */
static __rte_always_inline struct rte_mempool_cache *
rte_mempool_default_cache(struct rte_mempool *mp, unsigned lcore_id)
{
	if (mp->cache_size == 0 || lcore_id >= RTE_MAX_LCORE)
		return NULL;
	return (struct rte_mempool_cache *)(mp + 1) + lcore_id;
}

/*
 * Return every object of cache (the calling lcore's cache of mp when cache is
 * NULL) to mp's common pool. Returns nothing; rte_errno is not set.
 */
static __rte_always_inline void
rte_mempool_cache_flush(struct rte_mempool_cache *cache, struct rte_mempool *mp)
{
	if (cache == NULL)
		cache = rte_mempool_default_cache(mp, rte_lcore_id());
	if (cache == NULL || cache->len == 0)
		return;
	rte_mempool_ops_enqueue_bulk(mp, cache->objs, cache->len);
	cache->len = 0;
}

/*
 * Pointer copies between a caller's table and a cache, which never overlap
 * (hence __rte_restrict: no run-time overlap checks). Blocks of four, then
 * a tail of two and one. gcc turns a plain loop into a call to memmove, or
 * vectorizes it behind overlap checks and scalar tails. With the get and
 * put below, a get+put of 1, 4 or 32 pointers takes about a quarter fewer
 * instructions than with such loops (bench/src/mempool_rate.c, callgrind).
 *
 * Without AVX, gcc copies the blocks with 16-byte moves. At an odd fill
 * level these sit 8 bytes off a 16-byte boundary on the cache side, and
 * the one at a 4 KiB page boundary inside objs[] (8 KiB: two or three
 * pages) is split across two pages, which costs tens of cycles. A cache's
 * working slots stay where they are call after call, so when they cross a
 * page every call pays: a get+put of 32 ran 2.5 times slower there, in
 * DPDK 22.11 as well. Hence a copy of four or more whose cache-side
 * address is odd in pointers moves one pointer first: the cache side's
 * 16-byte moves are then aligned and never split a line or a page.
 * Shorter copies skip the test: it would cost single-object get+put more
 * than a rare split does. With AVX a block is one 32-byte move; aligning
 * those on the cache side misaligns the caller's side on every move, which
 * measured slower in the common case than the split it avoids, so AVX
 * builds copy as DPDK does.
 */
#ifdef __AVX__
#define __RTE_MEMPOOL_ALIGN_CACHE_SIDE 0
#else
#define __RTE_MEMPOOL_ALIGN_CACHE_SIDE 1
#endif

/* 1 if a copy of n pointers moves one first to align the cache side. */
static __rte_always_inline int
__rte_mempool_align_first(const void *cache_side, unsigned int n)
{
	return __RTE_MEMPOOL_ALIGN_CACHE_SIDE && n >= 4 &&
	       ((uintptr_t)cache_side & sizeof(void *)) != 0;
}

static __rte_always_inline void
__rte_mempool_copy_ptrs(void **__rte_restrict dst, void * const *__rte_restrict src,
			unsigned int n)
{
	if (__rte_mempool_align_first(dst, n)) {
		*dst++ = *src++;
		n--;
	}
	for (; n >= 4; n -= 4, dst += 4, src += 4) {
		dst[0] = src[0];
		dst[1] = src[1];
		dst[2] = src[2];
		dst[3] = src[3];
	}
	if (n & 2) {
		dst[0] = src[0];
		dst[1] = src[1];
		dst += 2;
		src += 2;
	}
	if (n & 1)
		dst[0] = src[0];
}

/*
 * Pop n pointers off the stack whose top is just below 'top': hottest first.
 * The cache side is aligned first, as in __rte_mempool_copy_ptrs().
 */
static __rte_always_inline void
__rte_mempool_pop_ptrs(void **__rte_restrict dst, void * const *__rte_restrict top,
		       unsigned int n)
{
	if (__rte_mempool_align_first(top, n)) {
		*dst++ = *--top;
		n--;
	}
	for (; n >= 4; n -= 4, dst += 4, top -= 4) {
		dst[0] = top[-1];
		dst[1] = top[-2];
		dst[2] = top[-3];
		dst[3] = top[-4];
	}
	if (n & 2) {
		dst[0] = top[-1];
		dst[1] = top[-2];
		dst += 2;
		top -= 2;
	}
	if (n & 1)
		dst[0] = top[-1];
}

/*
 * Behind rte_mempool_generic_put, without the debug checks: put n objects
 * into cache (NULL: straight to the common pool). Returns nothing.
 */
static __rte_always_inline void
rte_mempool_do_generic_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
			   struct rte_mempool_cache *cache)
{
	void **cache_objs;

	if (unlikely(cache == NULL)) {
		rte_mempool_ops_enqueue_bulk(mp, obj_table, n);
		return;
	}
	/*
	 * One compare for the common case, the burst fits under the flush
	 * threshold (a 64-bit sum cannot wrap). likely() keeps this path the
	 * fall-through; without it a get+put costs about 5% more instructions.
	 */
	if (likely((uint64_t)cache->len + n <= cache->flushthresh)) {
		cache_objs = &cache->objs[cache->len];
		cache->len += n;
	} else if (n > cache->flushthresh) {
		/* A burst bigger than the cache may hold: straight to the pool. */
		rte_mempool_ops_enqueue_bulk(mp, obj_table, n);
		return;
	} else {
		/*
		 * DPDK 22.11's policy: when the burst would cross the flush
		 * threshold, empty the whole cache to the pool first, then
		 * keep the burst.
		 */
		cache_objs = &cache->objs[0];
		rte_mempool_ops_enqueue_bulk(mp, cache_objs, cache->len);
		cache->len = n;
	}
	__rte_mempool_copy_ptrs(cache_objs, obj_table, n);
}

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
/*
 * Debug builds: check each object's header cookie. An object that is
 * already free (a double free) or foreign is logged and left out; the
 * library never aborts. Returns the number of objects kept in 'ok'; no
 * rte_errno.
 */
unsigned int rte_mempool_debug_check_put(struct rte_mempool *mp, void * const *obj_table,
					 unsigned int n, void **ok);
/* Debug builds: mark n objects just taken as allocated. Returns nothing. */
void rte_mempool_debug_mark_get(struct rte_mempool *mp, void * const *obj_table,
				unsigned int n);
#endif

/*
 * Return n objects of obj_table to mp through cache (NULL: straight to the
 * common pool). A burst above the cache's flush threshold goes to the pool.
 * Cannot fail (the pool has room for every object it owns); returns nothing,
 * rte_errno is not set.
 */
static __rte_always_inline void
rte_mempool_generic_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
			struct rte_mempool_cache *cache)
{
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	void *ok[64];

	while (n > 0) {
		unsigned int chunk = RTE_MIN(n, (unsigned int)RTE_DIM(ok));
		unsigned int kept = rte_mempool_debug_check_put(mp, obj_table, chunk, ok);

		if (kept > 0)
			rte_mempool_do_generic_put(mp, ok, kept, cache);
		obj_table += chunk;
		n -= chunk;
	}
#else
	rte_mempool_do_generic_put(mp, obj_table, n, cache);
#endif
}

/*
 * Return n objects through the calling lcore's cache (straight to the pool off
 * an lcore or when cache_size is 0). Returns nothing; no rte_errno.
 */
static __rte_always_inline void
rte_mempool_put_bulk(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	rte_mempool_generic_put(mp, obj_table, n, rte_mempool_default_cache(mp, rte_lcore_id()));
}

/* Return one object, as rte_mempool_put_bulk(). Returns nothing; no rte_errno. */
static __rte_always_inline void
rte_mempool_put(struct rte_mempool *mp, void *obj)
{
	rte_mempool_put_bulk(mp, &obj, 1);
}

/*
 * A get that the cache cannot serve alone: what the cache has, then a
 * refill of size + the rest, or else the rest straight from the pool.
 * Returns 0, or the handler's negative errno with the cache as it was.
 */
static __rte_always_inline int
__rte_mempool_get_refill(struct rte_mempool *mp, void **obj_table, unsigned int n,
			 struct rte_mempool_cache *cache)
{
	unsigned int len = cache->len;
	unsigned int remaining = n - len;
	int ret;

	/* Hottest objects first: the cache is a stack. */
	__rte_mempool_pop_ptrs(obj_table, &cache->objs[len], len);
	obj_table += len;
	cache->len = 0;
	if (likely(remaining <= RTE_MEMPOOL_CACHE_MAX_SIZE)) {
		/* Take size + remaining, hand out 'remaining', keep 'size'. */
		ret = rte_mempool_ops_dequeue_bulk(mp, cache->objs, cache->size + remaining);
		if (likely(ret >= 0)) {
			__rte_mempool_pop_ptrs(obj_table, &cache->objs[cache->size + remaining],
					       remaining);
			cache->len = cache->size;
			return 0;
		}
		/* Short of objects: try the exact remainder. */
	}
	ret = rte_mempool_ops_dequeue_bulk(mp, obj_table, remaining);
	/* All or nothing: the objects taken from the cache are still in its array. */
	if (ret < 0)
		cache->len = len;
	return ret;
}

/*
 * Behind rte_mempool_generic_get, without the debug marks. Same returns.
 */
static __rte_always_inline int
rte_mempool_do_generic_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
			   struct rte_mempool_cache *cache)
{
	if (unlikely(cache == NULL))
		return rte_mempool_ops_dequeue_bulk(mp, obj_table, n);
	/* Served by the cache alone: the refill stays out of the caller's loop. */
	if (unlikely(n > cache->len))
		return __rte_mempool_get_refill(mp, obj_table, n, cache);
	cache->len -= n;
	__rte_mempool_pop_ptrs(obj_table, &cache->objs[cache->len + n], n);
	return 0;
}

/*
 * Get n objects into obj_table through cache (NULL: straight from the common
 * pool), all or none. Returns 0, or a negative errno with no object taken:
 * the ring handlers report too few objects as -ENOBUFS, as DPDK 22.11's do
 * (its documentation says -ENOENT). rte_errno is not set.
 */
static __rte_always_inline int
rte_mempool_generic_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
			struct rte_mempool_cache *cache)
{
	int ret = rte_mempool_do_generic_get(mp, obj_table, n, cache);

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	if (ret == 0)
		rte_mempool_debug_mark_get(mp, obj_table, n);
#endif
	return ret;
}

/*
 * rte_mempool_generic_get() with the calling lcore's cache. Returns 0, or
 * -ENOBUFS (ring handlers: too few objects) with none taken. No rte_errno.
 */
static __rte_always_inline int
rte_mempool_get_bulk(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_mempool_generic_get(mp, obj_table, n,
				       rte_mempool_default_cache(mp, rte_lcore_id()));
}

/*
 * Get one object into *obj_p. Returns 0, or -ENOBUFS (ring handlers: pool
 * empty) with *obj_p untouched. rte_errno is not set.
 */
static __rte_always_inline int
rte_mempool_get(struct rte_mempool *mp, void **obj_p)
{
	return rte_mempool_get_bulk(mp, obj_p, 1);
}

/*
 * Get n blocks of contiguous objects, storing the first object of each in
 * first_obj_table. Returns 0; -ENOTSUP (equal to DPDK's -EOPNOTSUPP on Linux)
 * if the handler has no contiguous blocks (the ring handlers), or the
 * handler's negative errno. No rte_errno.
 */
static __rte_always_inline int
rte_mempool_get_contig_blocks(struct rte_mempool *mp, void **first_obj_table, unsigned int n)
{
	return rte_mempool_ops_dequeue_contig_blocks(mp, first_obj_table, n);
}

/* Objects in the common pool and in every cache, at most the pool size. No errors. */
unsigned int rte_mempool_avail_count(const struct rte_mempool *mp);
/* Objects taken from the pool: its size minus rte_mempool_avail_count(). No errors. */
unsigned int rte_mempool_in_use_count(const struct rte_mempool *mp);

/* 1 if every object is in the pool or a cache, else 0. No rte_errno. */
static inline int
rte_mempool_full(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == mp->size;
}

/* 1 if no object is in the pool or a cache, else 0. No rte_errno. */
static inline int
rte_mempool_empty(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == 0;
}

/* The IOVA recorded in the object's header, RTE_BAD_IOVA if it has none. No rte_errno. */
static inline rte_iova_t
rte_mempool_virt2iova(const void *elt)
{
	const struct rte_mempool_objhdr *hdr =
		(const struct rte_mempool_objhdr *)RTE_PTR_SUB(elt, sizeof(*hdr));

	return hdr->iova;
}

/*
 * Check the cookies of every object (debug builds) and the cache levels. Logs what
 * is wrong, never aborts; returns nothing, no rte_errno.
 */
void rte_mempool_audit(struct rte_mempool *mp);

/* The private data area after the structure and caches; never NULL, no rte_errno. */
static inline void *
rte_mempool_get_priv(struct rte_mempool *mp)
{
	return (char *)mp + RTE_MEMPOOL_HEADER_SIZE(mp, mp->cache_size);
}

/* Print every pool to f. Returns nothing; no rte_errno. */
void rte_mempool_list_dump(FILE *f);
/* The pool named name; NULL with rte_errno ENOENT (no such pool) or EINVAL (NULL name). */
struct rte_mempool *rte_mempool_lookup(const char *name);
/*
 * Fills *sz (if not NULL) and returns the total object size; 0 (and *sz zeroed)
 * when header, element and padding do not fit 32 bits. No rte_errno.
 */
uint32_t rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags,
				   struct rte_mempool_objsz *sz);
/* Call func on every pool. Returns nothing; no rte_errno. */
void rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg);
/* Sets *pg_sz to 0 (no page constraint) and returns 0; never fails. */
int rte_mempool_get_page_size(struct rte_mempool *mp, size_t *pg_sz);

/* What happened to a pool, for rte_mempool_event_callback_register(). */
enum rte_mempool_event {
	RTE_MEMPOOL_EVENT_READY = 0,   /* the pool was just fully populated */
	RTE_MEMPOOL_EVENT_DESTROY = 1, /* the pool is about to be freed */
};

/*
 * Called in the thread that populates or frees mp. It must not register
 * or unregister callbacks, and for DESTROY must not use mp's objects.
 */
typedef void(rte_mempool_event_callback)(enum rte_mempool_event event, struct rte_mempool *mp,
					 void *user_data);

/*
 * Call func(event, mp, user_data) on the events of every pool of this
 * process: READY when a populate call completes a pool, DESTROY when
 * rte_mempool_free() starts (drivers use them to DMA-map pool memory).
 * Returns 0, or a negative errno with rte_errno set: -EINVAL (func NULL),
 * -EEXIST (this func with this user_data is registered), -ENOMEM.
 */
int rte_mempool_event_callback_register(rte_mempool_event_callback *func, void *user_data);

/*
 * Stop calling func with user_data. Returns 0, or -ENOENT with rte_errno
 * set if that pair is not registered.
 */
int rte_mempool_event_callback_unregister(rte_mempool_event_callback *func, void *user_data);

#ifdef __cplusplus
}
#endif

#endif
