/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool benchmark, measured and printed the way DPDK 22.11's
 * mempool_perf_autotest does it, so bench/mempool.sh can compare lines:
 * each lcore loops for TIME_S seconds over "get n_keep objects by bulks of
 * n_get_bulk, put them back by bulks of n_put_bulk", counting N objects a
 * round; the line gives the sum over lcores of objects per second:
 *
 *   mempool_autotest cache=512 cores=1 n_get_bulk=32 n_put_bulk=32 n_keep=128
 *   constant_n=1 rate_persec=...
 *
 * constant_n=1 repeats a run with the bulk sizes as compile-time constants.
 * Sections: pool without cache, the default mbuf handler, with cache, with
 * a user-owned cache. Environment (to run a subset; DPDK runs everything):
 *   MEMPOOL_PERF_SECTIONS  comma list of nocache,default,cache,user
 *   MEMPOOL_PERF_CORES     comma list of core counts, "max" = all lcores
 *   MEMPOOL_PERF_TIME_S    seconds per line (default 5, as DPDK)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_pause.h>

#include "test.h"

#define PERF_N 65536
#define PERF_ELT_SIZE 2048
#define PERF_MAX_KEEP 512
#define PERF_POOL_SIZE ((rte_lcore_count() * (PERF_MAX_KEEP + RTE_MEMPOOL_CACHE_MAX_SIZE)) - 1)

static unsigned int perf_time_s = 5;
static uint32_t perf_go;
static int perf_user_cache;
static unsigned int n_get_bulk, n_put_bulk, n_keep, constant_n;

static struct {
	uint64_t objs;
} __rte_cache_aligned perf_stats[RTE_MAX_LCORE];

static void
perf_obj_init(struct rte_mempool *mp, void *arg, void *obj, unsigned int i)
{
	RTE_SET_USED(mp);
	RTE_SET_USED(arg);
	RTE_SET_USED(i);
	memset(obj, 0, mp->elt_size);
}

/* One round of N objects; inlined so constant sizes specialize the copies. */
static __rte_always_inline int
perf_round(struct rte_mempool *mp, struct rte_mempool_cache *cache, unsigned int keep,
	   unsigned int get_bulk, unsigned int put_bulk)
{
	void *objs[PERF_MAX_KEEP];
	unsigned int i, idx;

	for (i = 0; i < PERF_N / keep; i++) {
		for (idx = 0; idx < keep; idx += get_bulk)
			if (unlikely(rte_mempool_generic_get(mp, &objs[idx], get_bulk, cache) < 0))
				return -1;
		for (idx = 0; idx < keep; idx += put_bulk)
			rte_mempool_generic_put(mp, &objs[idx], put_bulk, cache);
	}
	return 0;
}

static int
perf_lcore(void *arg)
{
	struct rte_mempool *mp = arg;
	struct rte_mempool_cache *cache;
	unsigned int lcore = rte_lcore_id();
	uint64_t hz = rte_get_timer_hz(), start, now;
	int ret = 0;

	if (perf_user_cache) {
		cache = rte_mempool_cache_create(RTE_MEMPOOL_CACHE_MAX_SIZE, SOCKET_ID_ANY);
		if (cache == NULL)
			return -1;
	} else {
		cache = rte_mempool_default_cache(mp, lcore);
	}
	perf_stats[lcore].objs = 0;
	/* acquire: pairs with the release store in perf_launch that starts every lcore */
	while (__atomic_load_n(&perf_go, __ATOMIC_ACQUIRE) == 0)
		rte_pause();
	start = rte_get_timer_cycles();
	do {
		if (!constant_n)
			ret = perf_round(mp, cache, n_keep, n_get_bulk, n_put_bulk);
		else if (n_get_bulk == 1)
			ret = perf_round(mp, cache, n_keep, 1, 1);
		else if (n_get_bulk == 4)
			ret = perf_round(mp, cache, n_keep, 4, 4);
		else if (n_get_bulk == 8)
			ret = perf_round(mp, cache, n_keep, 8, 8);
		else
			ret = perf_round(mp, cache, n_keep, 32, 32);
		if (ret < 0) {
			printf("lcore %u: get of %u failed\n", lcore, n_get_bulk);
			break;
		}
		perf_stats[lcore].objs += PERF_N;
		now = rte_get_timer_cycles();
	} while (now - start < hz * perf_time_s);
	if (perf_user_cache) {
		rte_mempool_cache_flush(cache, mp);
		rte_mempool_cache_free(cache);
	}
	return ret;
}

static int
perf_launch(struct rte_mempool *mp, unsigned int cores)
{
	unsigned int lcore, left, launched[RTE_MAX_LCORE], nb = 0, i;
	uint64_t rate = 0;
	int ret;

	__atomic_store_n(&perf_go, 0, __ATOMIC_RELAXED);
	memset(perf_stats, 0, sizeof(perf_stats));
	printf("mempool_autotest cache=%u cores=%u n_get_bulk=%u n_put_bulk=%u n_keep=%u constant_n=%u ",
	       perf_user_cache ? RTE_MEMPOOL_CACHE_MAX_SIZE : mp->cache_size, cores, n_get_bulk,
	       n_put_bulk, n_keep, constant_n);
	if (rte_mempool_avail_count(mp) != PERF_POOL_SIZE) {
		printf("mempool is not full\n");
		return -1;
	}
	left = cores;
	RTE_LCORE_FOREACH_WORKER(lcore) {
		if (left <= 1)
			break;
		left--;
		rte_eal_remote_launch(perf_lcore, mp, lcore);
		launched[nb++] = lcore;
	}
	/* release: pairs with the acquire loads in perf_lcore; all start together */
	__atomic_store_n(&perf_go, 1, __ATOMIC_RELEASE);
	ret = perf_lcore(mp);
	for (i = 0; i < nb; i++)
		if (rte_eal_wait_lcore(launched[i]) < 0)
			ret = -1;
	if (ret < 0) {
		printf("per-lcore test returned -1\n");
		return -1;
	}
	for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
		rate += perf_stats[lcore].objs / perf_time_s;
	printf("rate_persec=%" PRIu64 "\n", rate);
	fflush(stdout);
	return 0;
}

/* DPDK's matrix: bulks 1, 4, 8 (a cache line of pointers), 32; keep 32, 128, 512. */
static int
perf_matrix(struct rte_mempool *mp, unsigned int cores)
{
	static const unsigned int bulks[] = { 1, 4, 8, 32 };
	static const unsigned int keeps[] = { 32, 128, 512 };
	unsigned int g, p, k;

	for (g = 0; g < RTE_DIM(bulks); g++)
		for (p = 0; p < RTE_DIM(bulks); p++)
			for (k = 0; k < RTE_DIM(keeps); k++) {
				n_get_bulk = bulks[g];
				n_put_bulk = bulks[p];
				n_keep = keeps[k];
				constant_n = 0;
				if (perf_launch(mp, cores) < 0)
					return -1;
				if (n_get_bulk == n_put_bulk) {
					constant_n = 1;
					if (perf_launch(mp, cores) < 0)
						return -1;
				}
			}
	return 0;
}

static int
perf_want(const char *env, const char *item, const char *dflt)
{
	const char *list = getenv(env);
	char buf[128], *tok, *save;

	snprintf(buf, sizeof(buf), "%s", list != NULL && list[0] != '\0' ? list : dflt);
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save))
		if (strcmp(tok, item) == 0)
			return 1;
	return 0;
}

/* DPDK runs 1, 2 and all lcores in each section. */
static int
perf_section(struct rte_mempool *mp)
{
	if (perf_want("MEMPOOL_PERF_CORES", "1", "1,2,max") && perf_matrix(mp, 1) < 0)
		return -1;
	if (perf_want("MEMPOOL_PERF_CORES", "2", "1,2,max") && perf_matrix(mp, 2) < 0)
		return -1;
	if (perf_want("MEMPOOL_PERF_CORES", "max", "1,2,max") &&
	    perf_matrix(mp, rte_lcore_count()) < 0)
		return -1;
	return 0;
}

static int
test_mempool_perf(void)
{
	struct rte_mempool *mp_nocache, *mp_cache, *mp_default;
	const char *default_ops = rte_mbuf_best_mempool_ops();
	const char *t = getenv("MEMPOOL_PERF_TIME_S");
	int ret = TEST_FAILED;

	if (t != NULL && atoi(t) > 0)
		perf_time_s = (unsigned int)atoi(t);
	mp_nocache = rte_mempool_create("perf_test_nocache", PERF_POOL_SIZE, PERF_ELT_SIZE, 0, 0,
					NULL, NULL, perf_obj_init, NULL, SOCKET_ID_ANY, 0);
	mp_cache = rte_mempool_create("perf_test_cache", PERF_POOL_SIZE, PERF_ELT_SIZE,
				      RTE_MEMPOOL_CACHE_MAX_SIZE, 0, NULL, NULL, perf_obj_init,
				      NULL, SOCKET_ID_ANY, 0);
	mp_default = rte_mempool_create_empty("default_pool", PERF_POOL_SIZE, PERF_ELT_SIZE, 0, 0,
					      SOCKET_ID_ANY, 0);
	if (mp_nocache == NULL || mp_cache == NULL || mp_default == NULL ||
	    rte_mempool_set_ops_byname(mp_default, default_ops, NULL) < 0 ||
	    rte_mempool_populate_default(mp_default) < 0) {
		printf("cannot create the benchmark pools\n");
		goto out;
	}
	rte_mempool_obj_iter(mp_default, perf_obj_init, NULL);

	if (perf_want("MEMPOOL_PERF_SECTIONS", "nocache", "nocache,default,cache,user")) {
		printf("start performance test (without cache)\n");
		if (perf_section(mp_nocache) < 0)
			goto out;
	}
	if (perf_want("MEMPOOL_PERF_SECTIONS", "default", "nocache,default,cache,user")) {
		printf("start performance test for %s (without cache)\n", default_ops);
		if (perf_section(mp_default) < 0)
			goto out;
	}
	if (perf_want("MEMPOOL_PERF_SECTIONS", "cache", "nocache,default,cache,user")) {
		printf("start performance test (with cache)\n");
		if (perf_section(mp_cache) < 0)
			goto out;
	}
	if (perf_want("MEMPOOL_PERF_SECTIONS", "user", "nocache,default,cache,user")) {
		printf("start performance test (with user-owned cache)\n");
		perf_user_cache = 1;
		ret = perf_section(mp_nocache);
		perf_user_cache = 0;
		if (ret < 0) {
			ret = TEST_FAILED;
			goto out;
		}
	}
	ret = TEST_SUCCESS;
out:
	rte_mempool_free(mp_cache);
	rte_mempool_free(mp_nocache);
	rte_mempool_free(mp_default);
	return ret;
}

static const struct test_case mempool_perf_cases[] = {
	TEST_CASE(test_mempool_perf),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mempool_perf, TEST_SUITE_EAL, mempool_perf_cases);
