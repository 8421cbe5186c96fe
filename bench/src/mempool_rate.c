/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool get+put rate with the per-lcore cache, written against DPDK's API
 * only: bench/mempool_same_source.sh builds this one file against Debian's
 * DPDK and against Sluice, so both run exactly the same loop.
 *
 *   mempool_rate EAL-ARGS -- SECONDS
 * prints lines "cache bulk=N keep=K rate_persec=R objs=O": R is the rate of
 * the median chunk (below), O every object got and put, for dividing a
 * callgrind instruction count by.
 *
 * Each case is timed in chunks of CHUNK_ROUNDS rounds (keep objects got
 * then put back, bulk at a time); the rate comes from the median chunk.
 * On a shared machine a chunk that was preempted or shared its core is an
 * outlier the median ignores, where a total over the whole run would
 * count the time the loop was not running.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#define MAX_KEEP 128
#define CHUNK_ROUNDS 128
#define MAX_CHUNKS (1u << 20)

static uint64_t chunk_cycles[MAX_CHUNKS];

static int
cycles_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static int
run_one(struct rte_mempool *mp, unsigned int bulk, unsigned int keep, double seconds)
{
	void *objs[MAX_KEEP] __rte_cache_aligned;
	uint64_t hz = rte_get_timer_hz();
	uint64_t end = rte_get_timer_cycles() + (uint64_t)(seconds * (double)hz);
	uint64_t chunk_start, now, median;
	unsigned int nb_chunks = 0;

	do {
		chunk_start = rte_get_timer_cycles();
		for (int r = 0; r < CHUNK_ROUNDS; r++) {
			unsigned int i;

			for (i = 0; i < keep; i += bulk)
				if (rte_mempool_get_bulk(mp, &objs[i], bulk) < 0)
					return -1;
			for (i = 0; i < keep; i += bulk)
				rte_mempool_put_bulk(mp, &objs[i], bulk);
		}
		now = rte_get_timer_cycles();
		chunk_cycles[nb_chunks++] = now - chunk_start;
	} while (now < end && nb_chunks < MAX_CHUNKS);
	qsort(chunk_cycles, nb_chunks, sizeof(chunk_cycles[0]), cycles_cmp);
	median = chunk_cycles[nb_chunks / 2];
	printf("cache bulk=%u keep=%u rate_persec=%" PRIu64 " objs=%" PRIu64 "\n", bulk, keep,
	       (uint64_t)((double)keep * CHUNK_ROUNDS * (double)hz / (double)RTE_MAX(median, 1)),
	       (uint64_t)nb_chunks * CHUNK_ROUNDS * keep);
	return 0;
}

int
main(int argc, char **argv)
{
	static const unsigned int bulks[] = {1, 4, 32};
	static const unsigned int keeps[] = {32, 128};
	struct rte_mempool *mp;
	double seconds;
	int ret = rte_eal_init(argc, argv);

	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot start the EAL\n");
	argc -= ret;
	argv += ret;
	seconds = argc > 1 ? atof(argv[1]) : 1.0;

	mp = rte_mempool_create("bench_pool", 16383, 64, 512, 0, NULL, NULL, NULL, NULL,
				SOCKET_ID_ANY, 0);
	if (mp == NULL)
		rte_exit(EXIT_FAILURE, "cannot create the pool\n");
	for (unsigned int b = 0; b < RTE_DIM(bulks); b++)
		for (unsigned int k = 0; k < RTE_DIM(keeps); k++)
			if (run_one(mp, bulks[b], keeps[k], seconds) < 0)
				rte_exit(EXIT_FAILURE, "get failed\n");
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return 0;
}
