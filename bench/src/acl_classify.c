/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ACL classify cost, written against DPDK's API only: bench/acl.sh builds
 * this one file against Debian's DPDK and against Sluice. Both sides get
 * the same pseudo-random IPv4 5-tuple rules (l3fwd's field layout) and the
 * same trace from a fixed seed, and classify it in bursts of 64 with the
 * library's default method.
 *
 *   acl_classify EAL-ARGS -- SECONDS RULES...
 * prints "acl rules=N cycles_per_pkt=C build_ms=B matched=M sum=S" a rule
 * count; sum and matched let the script check that both sides agree.
 * ACL_DUMP=1 in the environment prints rte_acl_dump() after each build.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_acl.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>

enum { F_PROTO, F_SRC, F_DST, F_SPORT, F_DPORT, NUM_FIELDS };
RTE_ACL_RULE_DEF(bench_rule, NUM_FIELDS);

/* offsets from the IPv4 header's protocol byte, as l3fwd uses them */
static const struct rte_acl_field_def defs[NUM_FIELDS] = {
	{RTE_ACL_FIELD_TYPE_BITMASK, 1, F_PROTO, 0, 0},
	{RTE_ACL_FIELD_TYPE_MASK, 4, F_SRC, 1, 3},
	{RTE_ACL_FIELD_TYPE_MASK, 4, F_DST, 2, 7},
	{RTE_ACL_FIELD_TYPE_RANGE, 2, F_SPORT, 3, 11},
	{RTE_ACL_FIELD_TYPE_RANGE, 2, F_DPORT, 3, 13},
};

#define TRACE_LEN 65536
#define BURST 64
#define PKT_LEN 16

static uint64_t seed;

/* xorshift64*: the same sequence on both sides, unlike rte_rand() */
static uint32_t
rnd(uint32_t bound)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return (uint32_t)((seed * UINT64_C(2685821657736338717)) >> 32) % bound;
}

static uint32_t
rnd_prefix_len(void)
{
	static const uint32_t lens[] = {0, 0, 8, 16, 16, 20, 24, 24, 24, 28, 32, 32, 32};

	return lens[rnd(RTE_DIM(lens))];
}

/* ClassBench-like: mostly exact protocols, prefixes of common lengths, any
 * source port, destination ports exact, ranged or any. */
static void
rule_make(struct bench_rule *r, uint32_t i)
{
	static const uint16_t wk[] = {22, 25, 53, 80, 123, 443, 3306, 8080};
	uint32_t k = rnd(10), len;

	memset(r, 0, sizeof(*r));
	r->data.category_mask = 1;
	r->data.priority = (int32_t)(1 + rnd(RTE_ACL_MAX_PRIORITY - 1));
	r->data.userdata = i + 1;
	if (k < 8) {
		r->field[F_PROTO].value.u8 = k < 5 ? 6 : 17;
		r->field[F_PROTO].mask_range.u8 = 0xff;
	}
	len = rnd_prefix_len();
	r->field[F_SRC].value.u32 =
		(10u << 24 | rnd(1u << 24)) & RTE_ACL_MASKLEN_TO_BITMASK(len, 4);
	r->field[F_SRC].mask_range.u32 = len;
	len = rnd_prefix_len();
	r->field[F_DST].value.u32 =
		(172u << 24 | 16u << 16 | rnd(1u << 16)) & RTE_ACL_MASKLEN_TO_BITMASK(len, 4);
	r->field[F_DST].mask_range.u32 = len;
	r->field[F_SPORT].mask_range.u16 = 0xffff;
	if (rnd(10) == 0) {
		r->field[F_SPORT].value.u16 = 1024;
	}
	k = rnd(10);
	if (k < 5) {
		r->field[F_DPORT].value.u16 = wk[rnd(RTE_DIM(wk))];
		r->field[F_DPORT].mask_range.u16 = r->field[F_DPORT].value.u16;
	} else if (k < 7) {
		r->field[F_DPORT].value.u16 = (uint16_t)(1024 + rnd(30000));
		r->field[F_DPORT].mask_range.u16 =
			(uint16_t)(r->field[F_DPORT].value.u16 + rnd(2000));
	} else {
		r->field[F_DPORT].mask_range.u16 = 0xffff;
	}
}

static void
put32(uint8_t *p, uint32_t v)
{
	v = rte_cpu_to_be_32(v);
	memcpy(p, &v, 4);
}

static void
put16(uint8_t *p, uint16_t v)
{
	v = rte_cpu_to_be_16(v);
	memcpy(p, &v, 2);
}

/* Half the packets fall inside a random rule, half anywhere in the prefixes' space. */
static void
pkt_make(uint8_t *p, const struct bench_rule *rules, uint32_t n)
{
	const struct bench_rule *r = &rules[rnd(n)];
	uint32_t src = 10u << 24 | rnd(1u << 24), dst = 172u << 24 | 16u << 16 | rnd(1u << 16);
	uint16_t sp = (uint16_t)rnd(65536), dp = (uint16_t)rnd(65536);
	uint8_t proto = rnd(2) ? 6 : 17;

	if (rnd(2)) {
		uint32_t m = RTE_ACL_MASKLEN_TO_BITMASK(r->field[F_SRC].mask_range.u32, 4);

		src = (r->field[F_SRC].value.u32 & m) | (src & ~m);
		m = RTE_ACL_MASKLEN_TO_BITMASK(r->field[F_DST].mask_range.u32, 4);
		dst = (r->field[F_DST].value.u32 & m) | (dst & ~m);
		dp = r->field[F_DPORT].value.u16;
		sp = r->field[F_SPORT].mask_range.u16;
		if (r->field[F_PROTO].mask_range.u8 != 0)
			proto = r->field[F_PROTO].value.u8;
	}
	memset(p, 0, PKT_LEN);
	p[0] = proto;
	put32(p + 3, src);
	put32(p + 7, dst);
	put16(p + 11, sp);
	put16(p + 13, dp);
}

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
run(uint32_t n, double seconds)
{
	struct rte_acl_param param = {.name = "bench",
				      .socket_id = 0,
				      .rule_size = sizeof(struct bench_rule),
				      .max_rule_num = n};
	struct rte_acl_config cfg;
	struct bench_rule *rules = calloc(n, sizeof(*rules));
	uint8_t *trace = calloc(TRACE_LEN, PKT_LEN);
	const uint8_t **data = calloc(TRACE_LEN, sizeof(*data));
	uint32_t *res = calloc(TRACE_LEN, sizeof(*res));
	struct rte_acl_ctx *ctx = NULL;
	uint64_t t0, t1, pkts = 0, sum = 0, matched = 0, hz = rte_get_tsc_hz();
	uint32_t i;
	int ret = -1;

	if (rules == NULL || trace == NULL || data == NULL || res == NULL)
		goto out;
	seed = 0x9e3779b97f4a7c15ull ^ n;
	for (i = 0; i < n; i++)
		rule_make(&rules[i], i);
	for (i = 0; i < TRACE_LEN; i++) {
		pkt_make(trace + (size_t)i * PKT_LEN, rules, n);
		data[i] = trace + (size_t)i * PKT_LEN;
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.num_categories = 1;
	cfg.num_fields = NUM_FIELDS;
	memcpy(cfg.defs, defs, sizeof(defs));
	ctx = rte_acl_create(&param);
	if (ctx == NULL || rte_acl_add_rules(ctx, (const struct rte_acl_rule *)rules, n) != 0)
		goto out;
	t0 = rte_rdtsc();
	if (rte_acl_build(ctx, &cfg) != 0)
		goto out;
	t1 = rte_rdtsc();
	if (getenv("ACL_DUMP") != NULL)
		rte_acl_dump(ctx);

	/* one pass for the checksum, then timed passes over the whole trace */
	for (i = 0; i < TRACE_LEN; i += BURST)
		rte_acl_classify(ctx, data + i, res + i, BURST, 1);
	for (i = 0; i < TRACE_LEN; i++) {
		sum += res[i];
		matched += res[i] != 0;
	}
	/* the thread's CPU time, not the wall clock: on a shared machine the
	 * time this thread waits for a CPU is nobody's cost */
	double start = cpu_seconds(), now;

	do {
		for (i = 0; i < TRACE_LEN; i += BURST)
			rte_acl_classify(ctx, data + i, res + i, BURST, 1);
		pkts += TRACE_LEN;
		now = cpu_seconds();
	} while (now - start < seconds);
	printf("acl rules=%u cycles_per_pkt=%.1f build_ms=%.1f matched=%" PRIu64 " sum=%" PRIu64
	       "\n",
	       n, (now - start) * (double)hz / (double)pkts, (double)(t1 - t0) * 1e3 / (double)hz,
	       matched, sum);
	ret = 0;
out:
	if (ret != 0)
		fprintf(stderr, "acl bench: %u rules: create, add or build failed\n", n);
	rte_acl_free(ctx);
	free(res);
	free(data);
	free(trace);
	free(rules);
	return ret;
}

int
main(int argc, char **argv)
{
	double seconds;
	int ret = rte_eal_init(argc, argv), i;

	if (ret < 0)
		return 1;
	argc -= ret;
	argv += ret;
	if (argc < 3) {
		fprintf(stderr, "usage: acl_classify EAL-ARGS -- SECONDS RULES...\n");
		return 1;
	}
	seconds = atof(argv[1]);
	for (i = 2; i < argc; i++)
		if (run((uint32_t)atoi(argv[i]), seconds) != 0)
			return 1;
	rte_eal_cleanup();
	return 0;
}
