/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Lookup libraries, written against DPDK's API only: bench/lookup.sh builds
 * this one file against Debian's DPDK and against Sluice, so both run the
 * same loops on the same data (a fixed-seed generator, not rte_rand).
 *
 *   hash  1M random 16-byte keys (rte_hash_crc) added with rte_hash_add_key
 *         to a table sized for 4/3 of them, then looked up in random order
 *         with rte_hash_lookup_bulk, 32 a call
 *   lpm   1M random routes (5% /8-/15, 80% /16-/24, 15% /25-/32) in an
 *         rte_lpm, random addresses looked up with rte_lpm_lookup_bulk (32
 *         a call) and rte_lpm_lookupx4
 *   fib   the same routes in a DIR24_8 rte_fib (4-byte next hops), the
 *         same addresses through rte_fib_lookup_bulk, 32 a call
 *
 *   lookup EAL-ARGS -- [PASSES [hash|lpm|fib]]
 * prints lines "LIB OPERATION cycles=C": TSC cycles an add or a lookup,
 * the median over chunks of 4096 operations (PASSES rounds of 1M lookups,
 * default 8; the 1M adds once). The TSC counts time the process spends
 * preempted too; on a busy machine a chunk that was preempted is an
 * outlier the median leaves out, where a total would keep it. A library
 * named after PASSES runs alone (for a profile of it).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fib.h>
#include <rte_hash.h>
#include <rte_hash_crc.h>
#include <rte_lpm.h>
#include <rte_vect.h>

#define NB_KEYS (1u << 20)
#define NB_ROUTES (1u << 20)
#define NB_TBL8 (1u << 16)
#define KEY_LEN 16
#define BURST 32
#define CHUNK 4096
#define MAX_CHUNKS 4096

static uint64_t rng_state;

/* xorshift64*: the same sequence on both sides for a seed */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static uint64_t sink; /* keeps the results alive */

static uint64_t chunk_cycles[MAX_CHUNKS];
static unsigned int nb_chunks;
static uint64_t chunk_start;

static void
chunks_begin(void)
{
	nb_chunks = 0;
	chunk_start = rte_rdtsc_precise();
}

/* Called after every CHUNK operations. */
static void
chunk_end(void)
{
	uint64_t now = rte_rdtsc_precise();

	if (nb_chunks < MAX_CHUNKS)
		chunk_cycles[nb_chunks++] = now - chunk_start;
	chunk_start = now;
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
report(const char *what)
{
	qsort(chunk_cycles, nb_chunks, sizeof(chunk_cycles[0]), u64_cmp);
	printf("%s cycles=%.2f\n", what, (double)chunk_cycles[nb_chunks / 2] / CHUNK);
	fflush(stdout);
}

static int
bench_hash(unsigned int passes)
{
	struct rte_hash_parameters params = {
		.name = "bench_hash",
		.entries = NB_KEYS / 3 * 4,
		.key_len = KEY_LEN,
		.hash_func = rte_hash_crc,
		.socket_id = SOCKET_ID_ANY,
	};
	uint8_t(*keys)[KEY_LEN] = malloc((size_t)NB_KEYS * KEY_LEN);
	const void **order = malloc(NB_KEYS * sizeof(*order));
	int32_t pos[BURST];
	struct rte_hash *h;
	uint32_t i, j, k;
	unsigned int p;

	if (keys == NULL || order == NULL)
		return -1;
	rng_state = 0x9E3779B97F4A7C15ull;
	for (i = 0; i < NB_KEYS; i++) {
		uint64_t a = rng(), b = rng();

		memcpy(keys[i], &a, 8);
		memcpy(keys[i] + 8, &b, 8);
		order[i] = keys[i];
	}
	/* lookups in an order unrelated to the insertion order */
	for (i = NB_KEYS - 1; i > 0; i--) {
		const void *t;

		j = (uint32_t)(rng() % (i + 1));
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	h = rte_hash_create(&params);
	if (h == NULL)
		return -1;

	chunks_begin();
	for (i = 0; i < NB_KEYS; i++) {
		if (rte_hash_add_key(h, keys[i]) < 0)
			return -1;
		if ((i + 1) % CHUNK == 0)
			chunk_end();
	}
	report("hash add_key");

	chunks_begin();
	for (p = 0; p < passes; p++)
		for (i = 0; i < NB_KEYS; i += BURST) {
			rte_hash_lookup_bulk(h, &order[i], BURST, pos);
			for (k = 0; k < BURST; k++)
				sink += (uint32_t)pos[k];
			if ((i + BURST) % CHUNK == 0)
				chunk_end();
		}
	report("hash lookup_bulk");

	rte_hash_free(h);
	free(order);
	free(keys);
	return 0;
}

/* The route set: every call gives the same routes. */
static void
route_next(uint32_t *ip, uint8_t *depth)
{
	uint32_t r = (uint32_t)(rng() % 100);

	if (r < 5)
		*depth = (uint8_t)(8 + rng() % 8);
	else if (r < 85)
		*depth = (uint8_t)(16 + rng() % 9);
	else
		*depth = (uint8_t)(25 + rng() % 8);
	*ip = (uint32_t)rng();
}

static uint32_t *
ips_make(void)
{
	uint32_t *ips = malloc(NB_KEYS * sizeof(*ips));
	uint32_t i;

	if (ips == NULL)
		return NULL;
	rng_state = 0xD1B54A32D192ED03ull;
	for (i = 0; i < NB_KEYS; i++)
		ips[i] = (uint32_t)rng();
	return ips;
}

static int
bench_lpm(unsigned int passes, const uint32_t *ips)
{
	struct rte_lpm_config conf = {.max_rules = NB_ROUTES, .number_tbl8s = NB_TBL8};
	uint32_t hops[BURST], hop4[4], i, k, ip, failed = 0;
	struct rte_lpm *lpm;
	unsigned int p;
	uint8_t depth;

	lpm = rte_lpm_create("bench_lpm", SOCKET_ID_ANY, &conf);
	if (lpm == NULL)
		return -1;
	rng_state = 0x6A09E667F3BCC909ull;
	for (i = 0; i < NB_ROUTES; i++) {
		route_next(&ip, &depth);
		/* out of tbl8 groups: the same routes fail on both sides */
		if (rte_lpm_add(lpm, ip, depth, i & 0xffffff) < 0)
			failed++;
	}
	printf("lpm routes added=%u failed=%u\n", NB_ROUTES - failed, failed);

	chunks_begin();
	for (p = 0; p < passes; p++)
		for (i = 0; i < NB_KEYS; i += BURST) {
			rte_lpm_lookup_bulk(lpm, &ips[i], hops, BURST);
			for (k = 0; k < BURST; k++)
				sink += hops[k];
			if ((i + BURST) % CHUNK == 0)
				chunk_end();
		}
	report("lpm lookup_bulk");

	chunks_begin();
	for (p = 0; p < passes; p++)
		for (i = 0; i < NB_KEYS; i += 4) {
			xmm_t v = _mm_loadu_si128((const __m128i *)&ips[i]);

			rte_lpm_lookupx4(lpm, v, hop4, UINT32_MAX);
			sink += hop4[0] ^ hop4[1] ^ hop4[2] ^ hop4[3];
			if ((i + 4) % CHUNK == 0)
				chunk_end();
		}
	report("lpm lookupx4");
	rte_lpm_free(lpm);
	return 0;
}

static int
bench_fib(unsigned int passes, uint32_t *ips)
{
	struct rte_fib_conf conf = {
		.type = RTE_FIB_DIR24_8,
		.default_nh = 0,
		.max_routes = NB_ROUTES,
		.dir24_8 = {.nh_sz = RTE_FIB_DIR24_8_4B, .num_tbl8 = NB_TBL8},
	};
	uint64_t nhs[BURST];
	uint32_t i, k, ip, failed = 0;
	struct rte_fib *fib;
	unsigned int p;
	uint8_t depth;

	fib = rte_fib_create("bench_fib", SOCKET_ID_ANY, &conf);
	if (fib == NULL)
		return -1;
	rng_state = 0x6A09E667F3BCC909ull;
	for (i = 0; i < NB_ROUTES; i++) {
		route_next(&ip, &depth);
		if (rte_fib_add(fib, ip, depth, i & 0xffffff) < 0)
			failed++;
	}
	printf("fib routes added=%u failed=%u\n", NB_ROUTES - failed, failed);

	chunks_begin();
	for (p = 0; p < passes; p++)
		for (i = 0; i < NB_KEYS; i += BURST) {
			rte_fib_lookup_bulk(fib, &ips[i], nhs, BURST);
			for (k = 0; k < BURST; k++)
				sink += nhs[k];
			if ((i + BURST) % CHUNK == 0)
				chunk_end();
		}
	report("fib lookup_bulk");
	rte_fib_free(fib);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *only;
	unsigned int passes;
	uint32_t *ips;
	int ret = rte_eal_init(argc, argv);

	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot start the EAL\n");
	argc -= ret;
	argv += ret;
	passes = argc > 1 ? (unsigned int)atoi(argv[1]) : 8;
	if (passes == 0)
		passes = 1;
	only = argc > 2 ? argv[2] : "";

	if ((only[0] == '\0' || strcmp(only, "hash") == 0) && bench_hash(passes) < 0)
		rte_exit(EXIT_FAILURE, "hash: %s\n", rte_strerror(rte_errno));
	ips = ips_make();
	if (ips == NULL)
		rte_exit(EXIT_FAILURE, "no memory for the addresses\n");
	if ((only[0] == '\0' || strcmp(only, "lpm") == 0) && bench_lpm(passes, ips) < 0)
		rte_exit(EXIT_FAILURE, "lpm: %s\n", rte_strerror(rte_errno));
	if ((only[0] == '\0' || strcmp(only, "fib") == 0) && bench_fib(passes, ips) < 0)
		rte_exit(EXIT_FAILURE, "fib: %s\n", rte_strerror(rte_errno));
	free(ips);
	printf("sink %" PRIu64 "\n", sink);
	rte_eal_cleanup();
	return 0;
}
