/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool get+put rate with the per-lcore cache, written against DPDK's API
 * only: bench/mempool_same_source.sh builds this one file against Debian's
 * DPDK and against Sluice, so both run exactly the same loop.
 *
 *   mempool_rate EAL-ARGS -- SECONDS
 * prints lines "cache bulk=N keep=K rate_persec=R".
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#define POOL_SIZE ((RTE_MAX_LCORE * (512 + 1.5 * 512)) - 1)
#define MAX_KEEP 128

static int
run_one(struct rte_mempool *mp, unsigned int bulk, unsigned int keep, double seconds)
{
	void *objs[MAX_KEEP];
	uint64_t hz = rte_get_timer_hz();
	uint64_t start = rte_get_timer_cycles();
	uint64_t end = start + (uint64_t)(seconds * (double)hz);
	uint64_t count = 0, now;

	do {
		/* 128 rounds between clock reads keep the clock out of the loop */
		for (int r = 0; r < 128; r++) {
			unsigned int i;

			for (i = 0; i < keep; i += bulk)
				if (rte_mempool_get_bulk(mp, &objs[i], bulk) < 0)
					return -1;
			for (i = 0; i < keep; i += bulk)
				rte_mempool_put_bulk(mp, &objs[i], bulk);
			count += keep;
		}
		now = rte_get_timer_cycles();
	} while (now < end);
	printf("cache bulk=%u keep=%u rate_persec=%" PRIu64 "\n", bulk, keep,
	       (uint64_t)((double)count * (double)hz / (double)(now - start)));
	return 0;
}

int
main(int argc, char **argv)
{
	static const unsigned int bulks[] = { 1, 4, 32 };
	static const unsigned int keeps[] = { 32, 128 };
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
