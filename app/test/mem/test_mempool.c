/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool: counts, all-or-nothing bulk gets, the per-lcore cache policy
 * (refill to size, flush past 1.5x size) on one and two lcores, handlers
 * chosen by name and by flags, a handler registered by the test, object
 * and chunk iteration, object IOVAs, creation errors, dump, user caches
 * and the debug-build double-free guard.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_mempool.h>

#include "test.h"

#define MP_N 64
#define MP_ELT 100

static int
test_mempool_basic(void)
{
	void *objs[MP_N + 1], *one;
	struct rte_mempool *mp;
	unsigned int i, j;

	mp = rte_mempool_create("mp_basic", MP_N, MP_ELT, 0, 0, NULL, NULL, NULL, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(mp->size, MP_N, "size");
	TEST_ASSERT_EQUAL(mp->populated_size, MP_N, "populated");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), MP_N, "all free");
	TEST_ASSERT_EQUAL(rte_mempool_in_use_count(mp), 0, "none used");
	TEST_ASSERT(rte_mempool_full(mp) && !rte_mempool_empty(mp), "full");
	TEST_ASSERT_EQUAL(mp->elt_size, 104, "elt_size rounded up to 8");

	TEST_ASSERT_SUCCESS(rte_mempool_get(mp, &one), "get one");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), MP_N - 1, "one taken");
	TEST_ASSERT(rte_mempool_from_obj(one) == mp, "owner in header");
	memset(one, 0xa5, MP_ELT);	/* the whole element is usable */
	TEST_ASSERT_SUCCESS(rte_mempool_get_bulk(mp, objs, MP_N - 1), "get the rest");
	TEST_ASSERT(rte_mempool_empty(mp), "empty");
	TEST_ASSERT_EQUAL(rte_mempool_get(mp, &objs[MP_N]), -ENOBUFS, "empty pool: -ENOBUFS");
	for (i = 0; i < MP_N - 1; i++) {
		TEST_ASSERT(objs[i] != one, "distinct objects");
		for (j = i + 1; j < MP_N - 1; j++)
			TEST_ASSERT(objs[i] != objs[j], "distinct objects %u %u", i, j);
	}

	/* All or nothing: 10 free, asking 11 takes none. */
	rte_mempool_put_bulk(mp, objs, 10);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 10, "10 back");
	TEST_ASSERT_EQUAL(rte_mempool_get_bulk(mp, objs, 11), -ENOBUFS, "11 of 10");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 10, "nothing taken");
	TEST_ASSERT_SUCCESS(rte_mempool_get_bulk(mp, objs, 10), "exactly 10");
	rte_mempool_put_bulk(mp, objs, MP_N - 1);
	rte_mempool_put(mp, one);
	TEST_ASSERT(rte_mempool_full(mp), "full again");
	TEST_ASSERT(rte_mempool_lookup("mp_basic") == mp, "lookup");
	rte_mempool_free(mp);
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_mempool_lookup("mp_basic"), "freed pool not found");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "lookup errno");
	rte_mempool_free(NULL);
	return TEST_SUCCESS;
}

static int
test_mempool_cache_policy(void)
{
	struct rte_mempool_cache *cache;
	struct rte_mempool *mp;
	void *objs[64];
	unsigned int lcore = rte_lcore_id();

	mp = rte_mempool_create("mp_cache", 1024, 64, 32, 0, NULL, NULL, NULL, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	cache = rte_mempool_default_cache(mp, lcore);
	TEST_ASSERT_NOT_NULL(cache, "lcore %u has a cache", lcore);
	TEST_ASSERT_NULL(rte_mempool_default_cache(mp, LCORE_ID_ANY), "non-lcore: no cache");
	/* the inline fast path finds the caches right after the structure */
	TEST_ASSERT(mp->local_cache == (struct rte_mempool_cache *)(mp + 1),
		    "caches follow the mempool structure");
	TEST_ASSERT(cache == &mp->local_cache[lcore], "default cache is local_cache[lcore]");
	TEST_ASSERT_EQUAL(cache->size, 32, "size");
	TEST_ASSERT_EQUAL(cache->flushthresh, 48, "threshold 1.5x");
	TEST_ASSERT_EQUAL(cache->len, 0, "starts empty");

	/* A miss refills the cache to its size plus the request. */
	TEST_ASSERT_SUCCESS(rte_mempool_get(mp, &objs[0]), "get");
	TEST_ASSERT_EQUAL(cache->len, 32, "refilled to size");
	TEST_ASSERT_EQUAL(rte_mempool_ops_get_count(mp), 1024 - 33, "33 left the ring");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 1023, "cached objects count as free");
	/* Hits come from the cache only. */
	TEST_ASSERT_SUCCESS(rte_mempool_get_bulk(mp, &objs[1], 31), "get 31");
	TEST_ASSERT_EQUAL(cache->len, 1, "31 from cache");
	TEST_ASSERT_EQUAL(rte_mempool_ops_get_count(mp), 1024 - 33, "ring untouched");
	rte_mempool_put_bulk(mp, objs, 32);
	TEST_ASSERT_EQUAL(cache->len, 33, "puts go to the cache");
	rte_mempool_cache_flush(NULL, mp);
	TEST_ASSERT_EQUAL(cache->len, 0, "flushed");
	TEST_ASSERT_EQUAL(rte_mempool_ops_get_count(mp), 1024, "all in the ring");

	/* Puts up to the threshold stay; crossing it flushes the cache, keeps the burst. */
	TEST_ASSERT_SUCCESS(rte_mempool_generic_get(mp, objs, 64, NULL), "64 from ring");
	rte_mempool_put_bulk(mp, objs, 48);
	TEST_ASSERT_EQUAL(cache->len, 48, "at threshold");
	rte_mempool_put_bulk(mp, &objs[48], 4);
	TEST_ASSERT_EQUAL(cache->len, 4, "flushed then kept 4");
	TEST_ASSERT_EQUAL(rte_mempool_ops_get_count(mp), 1024 - 64 + 48, "48 flushed");
	rte_mempool_generic_put(mp, &objs[52], 12, NULL);
	/* A burst above the threshold bypasses the cache. */
	TEST_ASSERT_SUCCESS(rte_mempool_generic_get(mp, objs, 60, NULL), "60 from ring");
	rte_mempool_put_bulk(mp, objs, 60);
	TEST_ASSERT_EQUAL(cache->len, 4, "big burst bypassed the cache");
	rte_mempool_cache_flush(cache, mp);
	TEST_ASSERT(rte_mempool_full(mp), "full");
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

struct mp_worker_arg {
	struct rte_mempool *mp;
	unsigned int iterations;
	void *held;
	int ret;
};

static int
mp_worker_hold_one(void *p)
{
	struct mp_worker_arg *a = p;

	a->ret = rte_mempool_get(a->mp, &a->held);
	return 0;
}

static int
mp_worker_churn(void *p)
{
	struct mp_worker_arg *a = p;
	void *objs[8];
	unsigned int i, k;

	for (i = 0; i < a->iterations; i++) {
		if (rte_mempool_get_bulk(a->mp, objs, RTE_DIM(objs)) != 0)
			continue;
		for (k = 0; k < RTE_DIM(objs); k++)
			(*(unsigned int *)objs[k])++;	/* touch: ASan/TSan see races */
		rte_mempool_put_bulk(a->mp, objs, RTE_DIM(objs));
	}
	rte_mempool_cache_flush(NULL, a->mp);
	a->ret = 0;
	return 0;
}

static void
mp_count_touch(struct rte_mempool *mp, void *opaque, void *obj, unsigned int idx)
{
	RTE_SET_USED(mp);
	RTE_SET_USED(idx);
	*(uint64_t *)opaque += *(unsigned int *)obj;
}

static void
mp_zero(struct rte_mempool *mp, void *opaque, void *obj, unsigned int idx)
{
	RTE_SET_USED(mp);
	RTE_SET_USED(opaque);
	RTE_SET_USED(idx);
	*(unsigned int *)obj = 0;
}

static int
test_mempool_two_lcores(void)
{
	struct mp_worker_arg arg = { 0 };
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	unsigned int main_lcore = rte_lcore_id();
	struct rte_mempool *mp;
	uint64_t touches = 0;
	void *objs[8];
	unsigned int i, k;

	if (worker >= RTE_MAX_LCORE)
		return TEST_SKIPPED;
	mp = rte_mempool_create("mp_2lc", 2048, 64, 32, 0, NULL, NULL, mp_zero, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));

	/* The worker's get fills the worker's cache, not ours. */
	arg.mp = mp;
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(mp_worker_hold_one, &arg, worker), "launch");
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "wait");
	TEST_ASSERT_SUCCESS(arg.ret, "worker get");
	TEST_ASSERT_EQUAL(mp->local_cache[worker].len, 32, "worker cache refilled");
	TEST_ASSERT_EQUAL(mp->local_cache[main_lcore].len, 0, "main cache untouched");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 2047, "one held");
	rte_mempool_put(mp, arg.held);	/* into main's cache */
	TEST_ASSERT_EQUAL(mp->local_cache[main_lcore].len, 1, "main cache got it");
	rte_mempool_cache_flush(&mp->local_cache[worker], mp);
	rte_mempool_cache_flush(NULL, mp);

	/* Both lcores churn at once; every object comes back exactly once. */
	arg.iterations = 100000;
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(mp_worker_churn, &arg, worker), "launch");
	for (i = 0; i < arg.iterations; i++) {
		if (rte_mempool_get_bulk(mp, objs, RTE_DIM(objs)) != 0)
			continue;
		for (k = 0; k < RTE_DIM(objs); k++)
			(*(unsigned int *)objs[k])++;
		rte_mempool_put_bulk(mp, objs, RTE_DIM(objs));
	}
	rte_mempool_cache_flush(NULL, mp);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "wait");
	TEST_ASSERT_EQUAL(rte_mempool_ops_get_count(mp), 2048, "all objects back in the ring");
	TEST_ASSERT_EQUAL(rte_mempool_obj_iter(mp, mp_count_touch, &touches), 2048, "iter");
	TEST_ASSERT_EQUAL(touches, 2ULL * 100000 * 8, "every get/put pair counted once");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

/* A trivial LIFO handler registered by name, to check the ops plumbing. */
struct stack_pool {
	unsigned int len;
	void *objs[];
};

static int
stack_alloc(struct rte_mempool *mp)
{
	struct stack_pool *s = calloc(1, sizeof(*s) + mp->size * sizeof(void *));

	if (s == NULL)
		return -ENOMEM;
	mp->pool_data = s;
	return 0;
}

static void
stack_free(struct rte_mempool *mp)
{
	free(mp->pool_data);
}

static int
stack_enqueue(struct rte_mempool *mp, void * const *objs, unsigned int n)
{
	struct stack_pool *s = mp->pool_data;

	if (s->len + n > mp->size)
		return -ENOBUFS;
	memcpy(&s->objs[s->len], objs, n * sizeof(void *));
	s->len += n;
	return 0;
}

static int
stack_dequeue(struct rte_mempool *mp, void **objs, unsigned int n)
{
	struct stack_pool *s = mp->pool_data;

	if (n > s->len)
		return -ENOENT;
	s->len -= n;
	memcpy(objs, &s->objs[s->len], n * sizeof(void *));
	return 0;
}

static unsigned int
stack_count(const struct rte_mempool *mp)
{
	return ((const struct stack_pool *)mp->pool_data)->len;
}

static const struct rte_mempool_ops test_stack_ops = {
	.name = "test_stack",
	.alloc = stack_alloc,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_count,
};

RTE_MEMPOOL_REGISTER_OPS(test_stack_ops);

static int
test_mempool_ops(void)
{
	static const struct {
		unsigned int flags;
		const char *ops;
	} by_flags[] = {
		{ 0, "ring_mp_mc" },
		{ RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET, "ring_sp_sc" },
		{ MEMPOOL_F_SP_PUT, "ring_sp_mc" },
		{ MEMPOOL_F_SC_GET, "ring_mp_sc" },
	};
	struct rte_mempool_ops bad = { .name = "bad" };
	struct rte_mempool *mp;
	void *obj;
	unsigned int i;

	for (i = 0; i < RTE_DIM(by_flags); i++) {
		mp = rte_mempool_create("mp_flags", 32, 64, 0, 0, NULL, NULL, NULL, NULL,
					SOCKET_ID_ANY, by_flags[i].flags);
		TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
		TEST_ASSERT(strcmp(rte_mempool_get_ops(mp->ops_index)->name, by_flags[i].ops) == 0,
			    "flags 0x%x pick %s, got %s", by_flags[i].flags, by_flags[i].ops,
			    rte_mempool_get_ops(mp->ops_index)->name);
		TEST_ASSERT_SUCCESS(rte_mempool_get(mp, &obj), "get");
		rte_mempool_put(mp, obj);
		TEST_ASSERT(rte_mempool_full(mp), "full");
		rte_mempool_free(mp);
	}

	mp = rte_mempool_create_empty("mp_ops", 40, 64, 0, 0, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create_empty: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_mempool_set_ops_byname(mp, "no_such_ops", NULL), -EINVAL, "unknown");
	TEST_ASSERT_SUCCESS(rte_mempool_set_ops_byname(mp, "test_stack", NULL), "by name");
	TEST_ASSERT_EQUAL(rte_mempool_populate_default(mp), 40, "populated");
	TEST_ASSERT_EQUAL(rte_mempool_populate_default(mp), -EEXIST, "twice");
	TEST_ASSERT_EQUAL(rte_mempool_set_ops_byname(mp, "ring_mp_mc", NULL), -EEXIST,
			  "handler fixed once populated");
	TEST_ASSERT_EQUAL(stack_count(mp), 40, "objects went through the test handler");
	TEST_ASSERT_SUCCESS(rte_mempool_get(mp, &obj), "get");
	TEST_ASSERT_EQUAL(stack_count(mp), 39, "dequeued through the handler");
	rte_mempool_put(mp, obj);
	rte_mempool_free(mp);

	TEST_ASSERT_EQUAL(rte_mempool_register_ops(&test_stack_ops), -EEXIST, "registered twice");
	TEST_ASSERT_EQUAL(rte_mempool_register_ops(&bad), -EINVAL, "missing callbacks");
	return TEST_SUCCESS;
}

struct iter_ctx {
	unsigned int count, bad_idx, bad_iova;
	size_t chunk_len;
};

static void
iter_obj(struct rte_mempool *mp, void *opaque, void *obj, unsigned int idx)
{
	struct iter_ctx *c = opaque;
	rte_iova_t iova = rte_mempool_virt2iova(obj);
	rte_iova_t expect = rte_mem_virt2iova(obj);

	RTE_SET_USED(mp);
	if (idx != c->count)
		c->bad_idx++;
	if (iova == RTE_BAD_IOVA || (expect != RTE_BAD_IOVA && iova != expect))
		c->bad_iova++;
	c->count++;
}

static void
iter_mem(struct rte_mempool *mp, void *opaque, struct rte_mempool_memhdr *memhdr,
	 unsigned int idx)
{
	struct iter_ctx *c = opaque;

	RTE_SET_USED(mp);
	RTE_SET_USED(idx);
	c->chunk_len += memhdr->len;
}

static int
test_mempool_iter_iova(void)
{
	struct iter_ctx c = { 0 };
	struct rte_mempool *mp;
	uint32_t chunks;

	mp = rte_mempool_create("mp_iter", 500, 256, 0, 0, NULL, NULL, NULL, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_mempool_obj_iter(mp, iter_obj, &c), 500, "obj_iter count");
	TEST_ASSERT_EQUAL(c.count, 500, "callback calls");
	TEST_ASSERT_EQUAL(c.bad_idx, 0, "indexes 0..n-1 in order");
	TEST_ASSERT_EQUAL(c.bad_iova, 0, "every object has the IOVA the EAL reports");
	chunks = rte_mempool_mem_iter(mp, iter_mem, &c);
	TEST_ASSERT(chunks >= 1 && chunks == mp->nb_mem_chunks, "mem_iter count %u", chunks);
	TEST_ASSERT(c.chunk_len >= 500ULL * (mp->header_size + mp->elt_size + mp->trailer_size),
		    "chunks hold every object");
	rte_mempool_free(mp);

	/* Anonymous memory: objects exist but have no IOVA. */
	mp = rte_mempool_create_empty("mp_anon", 100, 64, 0, 0, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create_empty");
	TEST_ASSERT_EQUAL(rte_mempool_populate_anon(mp), 100, "anon populate");
	TEST_ASSERT(rte_mempool_full(mp), "full");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mempool_errors(void)
{
	char longname[RTE_MEMPOOL_NAMESIZE + 1];
	struct rte_mempool *mp, *mp2;

#define EXPECT_CREATE_FAIL(err, ...) do { \
	rte_errno = 0; \
	TEST_ASSERT_NULL(rte_mempool_create(__VA_ARGS__), "created: " #__VA_ARGS__); \
	TEST_ASSERT_EQUAL(rte_errno, err, #__VA_ARGS__); \
} while (0)
	EXPECT_CREATE_FAIL(EINVAL, "mp_e", 0, 64, 0, 0, NULL, NULL, NULL, NULL, -1, 0);
	EXPECT_CREATE_FAIL(EINVAL, "mp_e", 1024, 64, RTE_MEMPOOL_CACHE_MAX_SIZE + 1, 0, NULL, NULL,
			   NULL, NULL, -1, 0);
	EXPECT_CREATE_FAIL(EINVAL, "mp_e", 16, 64, 12, 0, NULL, NULL, NULL, NULL, -1, 0);
	EXPECT_CREATE_FAIL(EINVAL, "mp_e", 16, 64, 0, 0, NULL, NULL, NULL, NULL, -1, 0x1000);
	EXPECT_CREATE_FAIL(EINVAL, NULL, 16, 64, 0, 0, NULL, NULL, NULL, NULL, -1, 0);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	EXPECT_CREATE_FAIL(ENAMETOOLONG, longname, 16, 64, 0, 0, NULL, NULL, NULL, NULL, -1, 0);
	/* A terabyte of objects: the EAL cannot back it. */
	EXPECT_CREATE_FAIL(ENOMEM, "mp_huge", 1U << 28, 4096, 0, 0, NULL, NULL, NULL, NULL, -1, 0);
	TEST_ASSERT_NULL(rte_mempool_lookup("mp_huge"), "failed pool left nothing behind");

	/* cache_size * 1.5 == n is allowed. */
	mp = rte_mempool_create("mp_e", 15, 64, 10, 0, NULL, NULL, NULL, NULL, -1, 0);
	TEST_ASSERT_NOT_NULL(mp, "boundary cache size: %s", rte_strerror(rte_errno));
	rte_errno = 0;
	mp2 = rte_mempool_create("mp_e", 15, 64, 0, 0, NULL, NULL, NULL, NULL, -1, 0);
	TEST_ASSERT_NULL(mp2, "duplicate name");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "duplicate name errno");
	rte_mempool_free(mp);
	mp = rte_mempool_create("mp_e", 15, 64, 0, 0, NULL, NULL, NULL, NULL, -1, 0);
	TEST_ASSERT_NOT_NULL(mp, "name free again after free");
	rte_mempool_free(mp);

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_mempool_cache_create(0, SOCKET_ID_ANY), "cache size 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "cache size 0 errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_mempool_cache_create(RTE_MEMPOOL_CACHE_MAX_SIZE + 1, SOCKET_ID_ANY),
			 "cache too big");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "cache too big errno");
	return TEST_SUCCESS;
}

/*
 * Sizes that do not fit 32 bits are refused, never wrapped: elt_size
 * UINT32_MAX used to come out as a zero-size object and a pool was made.
 */
static int
test_mempool_size_overflow(void)
{
	struct rte_mempool_objsz sz;
	struct rte_mempool fake;
	size_t min_chunk, align;
	uint32_t total;

	memset(&sz, 0xff, sizeof(sz));
	TEST_ASSERT_EQUAL(rte_mempool_calc_obj_size(UINT32_MAX, 0, &sz), 0, "UINT32_MAX elt");
	TEST_ASSERT_EQUAL(sz.total_size, 0, "sizes cleared on refusal");
	TEST_ASSERT_EQUAL(sz.elt_size, 0, "sizes cleared on refusal");
	TEST_ASSERT_EQUAL(rte_mempool_calc_obj_size(UINT32_MAX, RTE_MEMPOOL_F_NO_CACHE_ALIGN |
							     RTE_MEMPOOL_F_NO_SPREAD, NULL),
			  0, "UINT32_MAX rounds up to 2^32 even unaligned");
	TEST_ASSERT_EQUAL(rte_mempool_calc_obj_size(UINT32_MAX - 64, RTE_MEMPOOL_F_NO_SPREAD,
						    NULL),
			  0, "header plus element past 4 GiB");
	/* the largest object that fits: its parts add up, nothing wrapped */
	total = rte_mempool_calc_obj_size(UINT32_MAX / 2, 0, &sz);
	TEST_ASSERT(total > UINT32_MAX / 2, "2 GiB object: total %u", total);
	TEST_ASSERT_EQUAL(sz.header_size + (uint64_t)sz.elt_size + sz.trailer_size, total,
			  "parts sum to the total");

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_mempool_create("mp_ovf", 16, UINT32_MAX, 0, 0, NULL, NULL, NULL,
					    NULL, SOCKET_ID_ANY, 0),
			 "a pool of UINT32_MAX-byte objects");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "EINVAL as DPDK");
	TEST_ASSERT_NULL(rte_mempool_lookup("mp_ovf"), "nothing left behind");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_mempool_create_empty("mp_ovf", 16, 64, 0, UINT32_MAX, SOCKET_ID_ANY,
						  0),
			 "private data that wraps when aligned");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "private data size errno");
	TEST_ASSERT_NULL(rte_mempool_lookup("mp_ovf"), "nothing left behind");

	/* 2^32 objects of 4 GiB on 1 GiB pages: 2^66 bytes, refused, not wrapped */
	memset(&fake, 0, sizeof(fake));
	fake.elt_size = UINT32_MAX - 127;
	fake.header_size = 64;
	TEST_ASSERT(rte_mempool_op_calc_mem_size_helper(&fake, UINT32_MAX, 30, 0, &min_chunk,
							&align) < 0,
		    "memory size past SSIZE_MAX");
	TEST_ASSERT(rte_mempool_op_calc_mem_size_helper(&fake, UINT32_MAX, 0, 0, &min_chunk,
							&align) < 0,
		    "memory size past SSIZE_MAX, one chunk");
	return TEST_SUCCESS;
}

static void
mp_init_priv(struct rte_mempool *mp, void *arg)
{
	memcpy(rte_mempool_get_priv(mp), arg, 8);
}

static void
walk_count(struct rte_mempool *mp, void *arg)
{
	if (strcmp(mp->name, "mp_priv") == 0)
		(*(unsigned int *)arg)++;
}

static int
test_mempool_priv_dump_walk(void)
{
	struct rte_mempool_objsz sz;
	struct rte_mempool *mp;
	unsigned int found = 0;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	mp = rte_mempool_create("mp_priv", 20, 64, 0, 40, mp_init_priv, "PRIVDATA", NULL, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(mp->private_data_size, 64, "private size rounded to a cache line");
	TEST_ASSERT(rte_mempool_get_priv(mp) == (char *)mp + sizeof(*mp),
		    "no cache: private area right after the header");
	TEST_ASSERT(memcmp(rte_mempool_get_priv(mp), "PRIVDATA", 8) == 0, "mp_init ran");
	TEST_ASSERT_EQUAL(rte_mempool_calc_obj_size(64, 0, &sz), 192, "64B: 3 lines (spread)");
	TEST_ASSERT_EQUAL(sz.header_size, 64, "header one line");
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	/* Debug builds add an 8-byte trailer cookie: it spills into a third line. */
	TEST_ASSERT_EQUAL(rte_mempool_calc_obj_size(64, RTE_MEMPOOL_F_NO_SPREAD, NULL), 192,
			  "no spread, debug trailer: 3 lines");
#else
	TEST_ASSERT_EQUAL(rte_mempool_calc_obj_size(64, RTE_MEMPOOL_F_NO_SPREAD, NULL), 128,
			  "no spread: 2 lines");
#endif

	rte_mempool_walk(walk_count, &found);
	TEST_ASSERT_EQUAL(found, 1, "walk visits the pool once");

	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_mempool_dump(f, mp);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "mempool <mp_priv>@", "dump header");
	TEST_ASSERT_STR_CONTAINS(text, "  size=20\n", "dump size");
	TEST_ASSERT_STR_CONTAINS(text, "ops_name: <ring_mp_mc>", "dump ops");
	TEST_ASSERT_STR_CONTAINS(text, "common_pool_count=20", "dump count");
	free(text);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mempool_user_cache(void)
{
	struct rte_mempool_cache *cache;
	struct rte_mempool *mp;
	void *objs[16];

	mp = rte_mempool_create("mp_ucache", 256, 64, 0, 0, NULL, NULL, NULL, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create");
	TEST_ASSERT_NULL(rte_mempool_default_cache(mp, rte_lcore_id()), "pool has no cache");
	cache = rte_mempool_cache_create(16, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(cache, "cache_create");
	TEST_ASSERT_EQUAL(cache->flushthresh, 24, "threshold");
	TEST_ASSERT_SUCCESS(rte_mempool_generic_get(mp, objs, 4, cache), "get via user cache");
	TEST_ASSERT_EQUAL(cache->len, 16, "refilled");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 256 - 20, "pool does not see user caches");
	rte_mempool_generic_put(mp, objs, 4, cache);
	TEST_ASSERT_EQUAL(cache->len, 20, "put to user cache");
	rte_mempool_cache_flush(cache, mp);
	TEST_ASSERT(rte_mempool_full(mp), "full after flush");
	rte_mempool_cache_free(cache);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mempool_double_free(void)
{
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	struct rte_mempool *mp;
	char *text = NULL;
	size_t len = 0;
	void *obj;
	FILE *f, *old = rte_log_get_stream();

	mp = rte_mempool_create("mp_dbl", 8, 64, 0, 0, NULL, NULL, NULL, NULL, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create");
	TEST_ASSERT_SUCCESS(rte_mempool_get(mp, &obj), "get");
	rte_mempool_put(mp, obj);
	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_openlog_stream(f);
	rte_mempool_put(mp, obj);	/* second free: refused */
	rte_openlog_stream(old == stderr ? NULL : old);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "freed twice", "one error line");
	free(text);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 8, "pool not corrupted by the second free");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
#else
	printf("  release build: the double-free guard is compiled out\n");
	return TEST_SKIPPED;
#endif
}

/* A cache in caller memory, initialized as rte_mempool_cache_create() does. */
static struct rte_mempool_cache *
test_cache_place(void *at, uint32_t size)
{
	struct rte_mempool_cache *cache = at;

	memset(cache, 0, sizeof(*cache));
	cache->size = size;
	cache->flushthresh = size * 3 / 2;
	return cache;
}

/*
 * Put then get n objects at every fill level parity and every n up to 40:
 * the cache stays a stack (hottest first), whether its copies start with
 * a single pointer (odd level) or not.
 */
static int
test_mempool_cache_order(void)
{
	static void *objs[40], *back[40];
	struct rte_mempool_cache *cache;
	struct rte_mempool *mp;
	void *mem, *pad[1];
	unsigned int level, n, i;

	mp = rte_mempool_create("mp_order", 1024, 64, 0, 0, NULL, NULL, NULL, NULL,
				SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create");
	mem = aligned_alloc(RTE_CACHE_LINE_SIZE, sizeof(*cache));
	TEST_ASSERT_NOT_NULL(mem, "cache memory");
	cache = test_cache_place(mem, 64);
	TEST_ASSERT_SUCCESS(rte_mempool_generic_get(mp, objs, 40, NULL), "40 objects");
	for (level = 0; level < 2; level++) {
		/* level 1 leaves one object under those tested: odd slots */
		if (level > 0) {
			TEST_ASSERT_SUCCESS(rte_mempool_generic_get(mp, pad, level, NULL), "pad");
			rte_mempool_generic_put(mp, pad, level, cache);
		}
		for (n = 1; n <= 40; n++) {
			rte_mempool_generic_put(mp, objs, n, cache);
			TEST_ASSERT_EQUAL(cache->len, level + n, "level %u n %u: len", level, n);
			memset(back, 0, sizeof(back));
			TEST_ASSERT_SUCCESS(rte_mempool_generic_get(mp, back, n, cache),
					    "level %u n %u: get", level, n);
			for (i = 0; i < n; i++)
				TEST_ASSERT(back[i] == objs[n - 1 - i],
					    "level %u n %u: object %u out of order", level, n, i);
			if (n < 40)
				TEST_ASSERT_NULL(back[n], "level %u n %u: wrote past n", level, n);
		}
		rte_mempool_cache_flush(cache, mp);
	}
	rte_mempool_generic_put(mp, objs, 40, NULL);
	TEST_ASSERT(rte_mempool_full(mp), "every object back");
	free(mem);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static const struct test_case mempool_cases[] = {
	TEST_CASE(test_mempool_basic),
	TEST_CASE(test_mempool_cache_policy),
	TEST_CASE(test_mempool_two_lcores),
	TEST_CASE(test_mempool_ops),
	TEST_CASE(test_mempool_iter_iova),
	TEST_CASE(test_mempool_errors),
	TEST_CASE(test_mempool_size_overflow),
	TEST_CASE(test_mempool_priv_dump_walk),
	TEST_CASE(test_mempool_user_cache),
	TEST_CASE(test_mempool_cache_order),
	TEST_CASE(test_mempool_double_free),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mempool, TEST_SUITE_EAL, mempool_cases);
