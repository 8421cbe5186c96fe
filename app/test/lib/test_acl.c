/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * acl: IPv4 5-tuple rules in l3fwd's field layout (prefixes, port
 * ranges, protocol bit masks), priorities and categories, every field
 * type at every size, and thousands of random rules and inputs checked
 * against a brute-force reference; every method the CPU has gives the
 * same results. Then the life cycle of a named context and every error.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_acl.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_random.h>

#include "test.h"

/* l3fwd's IPv4 5-tuple: offsets from the IPv4 header's protocol byte. */
enum { F_PROTO, F_SRC, F_DST, F_SPORT, F_DPORT, NUM_5T };
#define OFF_PROTO 0
#define OFF_SRC 3
#define OFF_DST 7
#define OFF_SPORT 11
#define OFF_DPORT 13
#define IN_LEN 16

RTE_ACL_RULE_DEF(rule_5t, NUM_5T);

static const struct rte_acl_field_def defs_5t[NUM_5T] = {
	{RTE_ACL_FIELD_TYPE_BITMASK, 1, F_PROTO, 0, OFF_PROTO},
	{RTE_ACL_FIELD_TYPE_MASK, 4, F_SRC, 1, OFF_SRC},
	{RTE_ACL_FIELD_TYPE_MASK, 4, F_DST, 2, OFF_DST},
	{RTE_ACL_FIELD_TYPE_RANGE, 2, F_SPORT, 3, OFF_SPORT},
	{RTE_ACL_FIELD_TYPE_RANGE, 2, F_DPORT, 3, OFF_DPORT},
};

static const enum rte_acl_classify_alg test_algs[] = {
	RTE_ACL_CLASSIFY_SCALAR,
	RTE_ACL_CLASSIFY_SSE,
	RTE_ACL_CLASSIFY_AVX2,
};

#define IPV4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

static struct rte_acl_config
test_acl_cfg_5t(uint32_t categories)
{
	struct rte_acl_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.num_categories = categories;
	cfg.num_fields = NUM_5T;
	memcpy(cfg.defs, defs_5t, sizeof(defs_5t));
	return cfg;
}

static struct rte_acl_ctx *
test_acl_create(const char *name, uint32_t rule_size, uint32_t max_rules)
{
	struct rte_acl_param p = {
		.name = name,
		.socket_id = SOCKET_ID_ANY,
		.rule_size = rule_size,
		.max_rule_num = max_rules,
	};

	return rte_acl_create(&p);
}

/* A context named name holding n rules of rule_size, built with cfg; NULL on error. */
static struct rte_acl_ctx *
test_acl_setup(const char *name, const void *rules, uint32_t rule_size, uint32_t n,
	       const struct rte_acl_config *cfg)
{
	struct rte_acl_ctx *ctx = test_acl_create(name, rule_size, n);

	if (ctx == NULL || rte_acl_add_rules(ctx, rules, n) != 0 || rte_acl_build(ctx, cfg) != 0) {
		printf("%s: create, add or build of %u rules failed\n", name, n);
		rte_acl_free(ctx);
		return NULL;
	}
	return ctx;
}

static struct rule_5t
test_rule_5t(uint32_t prio, uint32_t cats, uint32_t ud, uint8_t proto, uint8_t proto_mask,
	     uint32_t src, uint32_t src_len, uint32_t dst, uint32_t dst_len, uint16_t sp_lo,
	     uint16_t sp_hi, uint16_t dp_lo, uint16_t dp_hi)
{
	struct rule_5t r;

	memset(&r, 0, sizeof(r));
	r.data.priority = (int32_t)prio;
	r.data.category_mask = cats;
	r.data.userdata = ud;
	r.field[F_PROTO].value.u8 = proto;
	r.field[F_PROTO].mask_range.u8 = proto_mask;
	r.field[F_SRC].value.u32 = src;
	r.field[F_SRC].mask_range.u32 = src_len;
	r.field[F_DST].value.u32 = dst;
	r.field[F_DST].mask_range.u32 = dst_len;
	r.field[F_SPORT].value.u16 = sp_lo;
	r.field[F_SPORT].mask_range.u16 = sp_hi;
	r.field[F_DPORT].value.u16 = dp_lo;
	r.field[F_DPORT].mask_range.u16 = dp_hi;
	return r;
}

static void
test_pkt_5t(uint8_t *in, uint8_t proto, uint32_t src, uint32_t dst, uint16_t sp, uint16_t dp)
{
	uint32_t be32;
	uint16_t be16;

	memset(in, 0, IN_LEN);
	in[OFF_PROTO] = proto;
	be32 = rte_cpu_to_be_32(src);
	memcpy(in + OFF_SRC, &be32, 4);
	be32 = rte_cpu_to_be_32(dst);
	memcpy(in + OFF_DST, &be32, 4);
	be16 = rte_cpu_to_be_16(sp);
	memcpy(in + OFF_SPORT, &be16, 2);
	be16 = rte_cpu_to_be_16(dp);
	memcpy(in + OFF_DPORT, &be16, 2);
}

/* Brute force: per category the best rule (highest priority, then first added). */
static uint64_t
ref_load(const uint8_t *in, const struct rte_acl_field_def *d)
{
	uint64_t v = 0;
	uint32_t i;

	for (i = 0; i < d->size; i++)
		v = v << 8 | in[d->offset + i];
	return v;
}

static int
ref_field_match(const struct rte_acl_field_def *d, const struct rte_acl_field *f, uint64_t x)
{
	uint32_t bits = d->size * 8;
	uint64_t all = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
	uint64_t v = f->value.u64 & all, m;

	switch (d->type) {
	case RTE_ACL_FIELD_TYPE_RANGE:
		return v <= x && x <= (f->mask_range.u64 & all);
	case RTE_ACL_FIELD_TYPE_MASK:
		m = f->mask_range.u64 == 0 ? 0 : all & (UINT64_MAX << (bits - f->mask_range.u64));
		return (x & m) == (v & m);
	default:
		m = f->mask_range.u64 & all;
		return (x & m) == (v & m);
	}
}

static void
ref_classify(const struct rte_acl_config *cfg, const uint8_t *rules, uint32_t rule_size, uint32_t n,
	     const uint8_t *in, uint32_t *res, uint32_t categories)
{
	int32_t best[RTE_ACL_MAX_CATEGORIES];
	uint32_t i, c, f;

	for (c = 0; c < categories; c++) {
		res[c] = 0;
		best[c] = 0;
	}
	for (i = 0; i < n; i++) {
		const struct rte_acl_rule *r = (const void *)(rules + (size_t)i * rule_size);

		for (f = 0; f < cfg->num_fields; f++)
			if (!ref_field_match(&cfg->defs[f], &r->field[cfg->defs[f].field_index],
					     ref_load(in, &cfg->defs[f])))
				break;
		if (f != cfg->num_fields)
			continue;
		for (c = 0; c < categories && c < cfg->num_categories; c++)
			if ((r->data.category_mask >> c & 1) && r->data.priority > best[c]) {
				best[c] = r->data.priority;
				res[c] = r->data.userdata;
			}
	}
}

/* Every method this CPU has classifies inputs exactly as the reference. */
static int
test_acl_check_all(struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg, const void *rules,
		   uint32_t rule_size, uint32_t n_rules, const uint8_t **in, uint32_t n_in,
		   uint32_t categories)
{
	uint32_t *got = calloc((size_t)n_in * categories, sizeof(*got));
	uint32_t *want = calloc((size_t)n_in * categories, sizeof(*want));
	uint32_t i, a, checked = 0;
	int ret = TEST_FAILED;

	if (got == NULL || want == NULL)
		goto out;
	for (i = 0; i < n_in; i++)
		ref_classify(cfg, rules, rule_size, n_rules, in[i], &want[i * categories],
			     categories);
	for (a = 0; a < RTE_DIM(test_algs); a++) {
		int rc = rte_acl_classify_alg(ctx, in, got, n_in, categories, test_algs[a]);

		if (rc == -ENOTSUP)
			continue;
		if (rc != 0) {
			printf("alg %d: classify returned %d\n", test_algs[a], rc);
			goto out;
		}
		for (i = 0; i < n_in * categories; i++)
			if (got[i] != want[i]) {
				printf("alg %d: input %u category %u: got %u, want %u\n",
				       test_algs[a], i / categories, i % categories, got[i],
				       want[i]);
				goto out;
			}
		checked++;
	}
	ret = checked > 0 ? TEST_SUCCESS : TEST_FAILED;
out:
	free(got);
	free(want);
	return ret;
}

static int
test_acl_5tuple(void)
{
	struct rule_5t rules[] = {
		/* TCP 10.0.0.0/8 -> 192.168.1.0/24, any source port, dport 80 */
		test_rule_5t(10, 1, 1, 6, 0xff, IPV4(10, 0, 0, 0), 8, IPV4(192, 168, 1, 0), 24, 0,
			     0xffff, 80, 80),
		/* any protocol from 10.1.0.0/16, sport 1024-2047 */
		test_rule_5t(20, 1, 2, 0, 0, IPV4(10, 1, 0, 0), 16, 0, 0, 1024, 2047, 0, 0xffff),
		/* UDP to one host */
		test_rule_5t(5, 1, 3, 17, 0xff, 0, 0, IPV4(172, 16, 0, 1), 32, 0, 0xffff, 0,
			     0xffff),
		/* catch-all, lowest priority */
		test_rule_5t(1, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0xffff, 0, 0xffff),
	};
	static const struct {
		uint8_t proto;
		uint32_t src, dst;
		uint16_t sp, dp;
		uint32_t want;
	} cases[] = {
		{6, IPV4(10, 2, 3, 4), IPV4(192, 168, 1, 9), 5000, 80, 1},
		{6, IPV4(10, 2, 3, 4), IPV4(192, 168, 1, 9), 5000, 81, 4},
		{6, IPV4(10, 1, 3, 4), IPV4(192, 168, 1, 9), 1500, 80, 2}, /* 20 beats 10 */
		{6, IPV4(10, 1, 3, 4), IPV4(192, 168, 1, 9), 2048, 80, 1}, /* sport just out */
		{6, IPV4(11, 2, 3, 4), IPV4(192, 168, 1, 9), 5000, 80, 4},
		{17, IPV4(1, 2, 3, 4), IPV4(172, 16, 0, 1), 53, 53, 3},
		{17, IPV4(1, 2, 3, 4), IPV4(172, 16, 0, 2), 53, 53, 4},
		{6, IPV4(1, 2, 3, 4), IPV4(172, 16, 0, 1), 53, 53, 4},
	};
	struct rte_acl_config cfg = test_acl_cfg_5t(1);
	uint8_t buf[RTE_DIM(cases)][IN_LEN];
	const uint8_t *in[RTE_DIM(cases)];
	uint32_t res[RTE_DIM(cases)];
	struct rte_acl_ctx *ctx;
	uint32_t i, a;

	ctx = test_acl_setup("acl_5t", rules, sizeof(rules[0]), RTE_DIM(rules), &cfg);
	TEST_ASSERT_NOT_NULL(ctx, "setup");
	for (i = 0; i < RTE_DIM(cases); i++) {
		test_pkt_5t(buf[i], cases[i].proto, cases[i].src, cases[i].dst, cases[i].sp,
			    cases[i].dp);
		in[i] = buf[i];
	}
	for (a = 0; a < RTE_DIM(test_algs); a++) {
		int rc = rte_acl_classify_alg(ctx, in, res, RTE_DIM(cases), 1, test_algs[a]);

		if (rc == -ENOTSUP)
			continue;
		TEST_ASSERT_SUCCESS(rc, "classify alg %d", test_algs[a]);
		for (i = 0; i < RTE_DIM(cases); i++)
			TEST_ASSERT_EQUAL(res[i], cases[i].want, "alg %d case %u: got %u",
					  test_algs[a], i, res[i]);
	}
	/* the default method too */
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, RTE_DIM(cases), 1), "classify");
	TEST_ASSERT_EQUAL(res[2], 2u, "default method");
	rte_acl_free(ctx);
	return TEST_SUCCESS;
}

/* Equal priorities: the rule added first wins; a higher one anywhere wins. */
static int
test_acl_priority(void)
{
	struct rule_5t rules[] = {
		test_rule_5t(7, 1, 11, 0, 0, IPV4(10, 0, 0, 0), 8, 0, 0, 0, 0xffff, 0, 0xffff),
		test_rule_5t(7, 1, 12, 0, 0, IPV4(10, 1, 0, 0), 16, 0, 0, 0, 0xffff, 0, 0xffff),
		test_rule_5t(9, 1, 13, 0, 0, IPV4(10, 1, 2, 0), 24, 0, 0, 0, 0xffff, 0, 0xffff),
		test_rule_5t(RTE_ACL_MAX_PRIORITY, 1, 14, 0, 0, IPV4(10, 1, 2, 3), 32, 0, 0, 0,
			     0xffff, 0, 0xffff),
	};
	static const uint32_t src[] = {IPV4(10, 9, 9, 9), IPV4(10, 1, 9, 9), IPV4(10, 1, 2, 9),
				       IPV4(10, 1, 2, 3), IPV4(11, 1, 2, 3)};
	static const uint32_t want[] = {11, 11, 13, 14, 0};
	struct rte_acl_config cfg = test_acl_cfg_5t(1);
	uint8_t buf[RTE_DIM(src)][IN_LEN];
	const uint8_t *in[RTE_DIM(src)];
	uint32_t res[RTE_DIM(src)], i;
	struct rte_acl_ctx *ctx;

	ctx = test_acl_setup("acl_prio", rules, sizeof(rules[0]), RTE_DIM(rules), &cfg);
	TEST_ASSERT_NOT_NULL(ctx, "setup");
	for (i = 0; i < RTE_DIM(src); i++) {
		test_pkt_5t(buf[i], 6, src[i], IPV4(1, 1, 1, 1), 1, 1);
		in[i] = buf[i];
	}
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, RTE_DIM(src), 1), "classify");
	for (i = 0; i < RTE_DIM(src); i++)
		TEST_ASSERT_EQUAL(res[i], want[i], "input %u: got %u", i, res[i]);
	TEST_ASSERT_EQUAL(test_acl_check_all(ctx, &cfg, rules, sizeof(rules[0]), RTE_DIM(rules), in,
					     RTE_DIM(src), 1),
			  TEST_SUCCESS, "all methods");
	rte_acl_free(ctx);
	return TEST_SUCCESS;
}

/* Each category has its own winner; categories beyond the build give 0. */
static int
test_acl_categories(void)
{
	struct rule_5t rules[] = {
		/* categories 0 and 1, high priority, narrow */
		test_rule_5t(50, 0x3, 100, 6, 0xff, IPV4(10, 0, 0, 0), 8, 0, 0, 0, 0xffff, 22, 22),
		/* category 1 and 2, wider, lower */
		test_rule_5t(40, 0x6, 200, 0, 0, IPV4(10, 0, 0, 0), 8, 0, 0, 0, 0xffff, 0, 0xffff),
		/* category 3 only, and a bit beyond the 4 built categories */
		test_rule_5t(30, 0x8 | 0x100, 300, 0, 0, 0, 0, 0, 0, 0, 0xffff, 0, 0xffff),
		/* only a category that is not built: never a result */
		test_rule_5t(99, 0x10, 400, 0, 0, 0, 0, 0, 0, 0, 0xffff, 0, 0xffff),
	};
	struct rte_acl_config cfg = test_acl_cfg_5t(4);
	uint8_t buf[2][IN_LEN];
	const uint8_t *in[2] = {buf[0], buf[1]};
	uint32_t res[2 * 8];
	struct rte_acl_ctx *ctx;
	uint32_t i;

	ctx = test_acl_setup("acl_cat", rules, sizeof(rules[0]), RTE_DIM(rules), &cfg);
	TEST_ASSERT_NOT_NULL(ctx, "setup");
	test_pkt_5t(buf[0], 6, IPV4(10, 1, 1, 1), IPV4(2, 2, 2, 2), 999, 22);
	test_pkt_5t(buf[1], 17, IPV4(10, 1, 1, 1), IPV4(2, 2, 2, 2), 999, 22);

	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 2, 4), "classify 4");
	TEST_ASSERT_EQUAL(res[0], 100u, "pkt 0 cat 0");
	TEST_ASSERT_EQUAL(res[1], 100u, "pkt 0 cat 1");
	TEST_ASSERT_EQUAL(res[2], 200u, "pkt 0 cat 2");
	TEST_ASSERT_EQUAL(res[3], 300u, "pkt 0 cat 3");
	TEST_ASSERT_EQUAL(res[4], 0u, "pkt 1 cat 0");
	TEST_ASSERT_EQUAL(res[5], 200u, "pkt 1 cat 1");
	TEST_ASSERT_EQUAL(res[6], 200u, "pkt 1 cat 2");
	TEST_ASSERT_EQUAL(res[7], 300u, "pkt 1 cat 3");

	/* categories = 1: category 0 only, one result an input */
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 2, 1), "classify 1");
	TEST_ASSERT_EQUAL(res[0], 100u, "pkt 0 cat 0 alone");
	TEST_ASSERT_EQUAL(res[1], 0u, "pkt 1 cat 0 alone");

	/* 8 categories asked of a 4-category build: the upper four are 0 */
	memset(res, 0xa5, sizeof(res));
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 2, 8), "classify 8");
	for (i = 4; i < 8; i++)
		TEST_ASSERT_EQUAL(res[i], 0u, "pkt 0 cat %u unbuilt", i);
	TEST_ASSERT_EQUAL(res[8 + 3], 300u, "pkt 1 cat 3 at stride 8");
	TEST_ASSERT_EQUAL(
		test_acl_check_all(ctx, &cfg, rules, sizeof(rules[0]), RTE_DIM(rules), in, 2, 4),
		TEST_SUCCESS, "all methods");
	rte_acl_free(ctx);
	return TEST_SUCCESS;
}

/* Random rule sets of n rules of the 5-tuple against the reference. */
#define RAND_INPUTS 4096

static void
test_rand_rule(struct rule_5t *r, uint32_t i, uint32_t categories)
{
	static const uint8_t protos[] = {6, 17, 1};
	uint64_t x = rte_rand();
	uint16_t a, b;

	memset(r, 0, sizeof(*r));
	r->data.priority = (int32_t)(1 + rte_rand_max(1000)); /* ties happen */
	r->data.category_mask = (uint32_t)(1 + rte_rand_max(RTE_LEN2MASK(categories, uint32_t)));
	r->data.userdata = i + 1;
	if (x & 1) {
		r->field[F_PROTO].value.u8 = protos[rte_rand_max(RTE_DIM(protos))];
		r->field[F_PROTO].mask_range.u8 = (x & 2) ? 0xff : 0xfe;
	}
	/* prefixes clustered in 10.0.0.0/8 so that rules overlap */
	r->field[F_SRC].value.u32 = IPV4(10, 0, 0, 0) | (uint32_t)rte_rand_max(1 << 16) << 8;
	r->field[F_SRC].mask_range.u32 = (uint32_t)rte_rand_max(33);
	r->field[F_DST].value.u32 = IPV4(192, 168, 0, 0) | (uint32_t)rte_rand_max(1 << 16);
	r->field[F_DST].mask_range.u32 = (uint32_t)rte_rand_max(33);
	a = (uint16_t)rte_rand();
	b = (uint16_t)rte_rand();
	r->field[F_SPORT].value.u16 = (x & 4) ? 0 : RTE_MIN(a, b);
	r->field[F_SPORT].mask_range.u16 = (x & 4) ? 0xffff : RTE_MAX(a, b);
	a = (uint16_t)rte_rand_max(2048);
	r->field[F_DPORT].value.u16 = (x & 8) ? a : 0;
	r->field[F_DPORT].mask_range.u16 = (x & 8) ? (uint16_t)(a + rte_rand_max(16)) : 0xffff;
}

/* An input inside rule r most of the time, else anywhere in the clusters. */
static void
test_rand_input(uint8_t *in, const struct rule_5t *rules, uint32_t n)
{
	const struct rule_5t *r = &rules[rte_rand_max(n)];
	uint32_t src = IPV4(10, 0, 0, 0) | (uint32_t)rte_rand_max(1 << 24);
	uint32_t dst = IPV4(192, 168, 0, 0) | (uint32_t)rte_rand_max(1 << 16);
	uint16_t sp = (uint16_t)rte_rand(), dp = (uint16_t)rte_rand_max(2100);
	uint8_t proto = (uint8_t)(rte_rand_max(2) ? 6 : 17);

	if (rte_rand_max(4) != 0) {
		uint32_t m = RTE_ACL_MASKLEN_TO_BITMASK(r->field[F_SRC].mask_range.u32, 4);

		src = (r->field[F_SRC].value.u32 & m) | (src & ~m);
		m = RTE_ACL_MASKLEN_TO_BITMASK(r->field[F_DST].mask_range.u32, 4);
		dst = (r->field[F_DST].value.u32 & m) | (dst & ~m);
		sp = r->field[F_SPORT].value.u16;
		dp = r->field[F_DPORT].mask_range.u16;
		if (r->field[F_PROTO].mask_range.u8 != 0)
			proto = r->field[F_PROTO].value.u8;
	}
	test_pkt_5t(in, proto, src, dst, sp, dp);
}

static int
test_acl_random_run(uint32_t n, uint32_t categories)
{
	struct rte_acl_config cfg = test_acl_cfg_5t(categories);
	struct rule_5t *rules = calloc(n, sizeof(*rules));
	uint8_t(*buf)[IN_LEN] = calloc(RAND_INPUTS, IN_LEN);
	const uint8_t **in = calloc(RAND_INPUTS, sizeof(*in));
	struct rte_acl_ctx *ctx = NULL;
	uint32_t i;
	int ret = TEST_FAILED;

	if (rules == NULL || buf == NULL || in == NULL)
		goto out;
	for (i = 0; i < n; i++)
		test_rand_rule(&rules[i], i, categories);
	for (i = 0; i < RAND_INPUTS; i++) {
		test_rand_input(buf[i], rules, n);
		in[i] = buf[i];
	}
	ctx = test_acl_setup("acl_rand", rules, sizeof(rules[0]), n, &cfg);
	if (ctx == NULL)
		goto out;
	/* an odd count exercises the vector methods' tails */
	ret = test_acl_check_all(ctx, &cfg, rules, sizeof(rules[0]), n, in, RAND_INPUTS - 3,
				 categories);
out:
	rte_acl_free(ctx);
	free(in);
	free(buf);
	free(rules);
	return ret;
}

static int
test_acl_random(void)
{
	static const uint32_t sizes[] = {1, 7, 100};
	static const uint32_t cats[] = {1, 4, 16};
	uint32_t s, c;

	for (s = 0; s < RTE_DIM(sizes); s++)
		for (c = 0; c < RTE_DIM(cats); c++)
			TEST_ASSERT_SUCCESS(test_acl_random_run(sizes[s], cats[c]),
					    "%u random rules, %u categories", sizes[s], cats[c]);
	/* A large set (more than one tree), once: its build dominates the
	 * suite's time under the sanitizers. */
	TEST_ASSERT_SUCCESS(test_acl_random_run(2000, 4), "2000 random rules, 4 categories");
	/* one category takes the vector methods' own resolve, across trees too */
	TEST_ASSERT_SUCCESS(test_acl_random_run(2000, 1), "2000 random rules, 1 category");
	return TEST_SUCCESS;
}

/* Every type at every size, 8-byte fields included, with holes in bit masks. */
#define NUM_MIX 8
#define MIX_IN_LEN 40
RTE_ACL_RULE_DEF(rule_mix, NUM_MIX);

static const struct rte_acl_field_def defs_mix[NUM_MIX] = {
	{RTE_ACL_FIELD_TYPE_BITMASK, 1, 0, 0, 0},
	{RTE_ACL_FIELD_TYPE_RANGE, 2, 1, 1, 1},
	{RTE_ACL_FIELD_TYPE_MASK, 4, 2, 2, 3},
	{RTE_ACL_FIELD_TYPE_BITMASK, 8, 3, 3, 7},
	{RTE_ACL_FIELD_TYPE_RANGE, 8, 4, 5, 15},
	{RTE_ACL_FIELD_TYPE_MASK, 8, 5, 7, 23},
	/* rule fields and defs need not be in the same order */
	{RTE_ACL_FIELD_TYPE_RANGE, 4, 7, 9, 31},
	{RTE_ACL_FIELD_TYPE_BITMASK, 2, 6, 10, 35},
};

/* A value of a field of size bytes with a few bits set at its edges and middle. */
static uint64_t
test_mix_value(uint32_t size)
{
	uint32_t bits = size * 8;
	const uint32_t pos[] = {0, 1, bits / 2 - 1, bits / 2, bits - 2, bits - 1};
	uint64_t v = 0, r = rte_rand();
	uint32_t i;

	for (i = 0; i < RTE_DIM(pos); i++)
		if (r >> i & 1)
			v |= UINT64_C(1) << pos[i];
	return v;
}

static void
test_mix_store(uint8_t *in, const struct rte_acl_field_def *d, uint64_t v)
{
	uint32_t i;

	for (i = 0; i < d->size; i++)
		in[d->offset + i] = (uint8_t)(v >> (8 * (d->size - 1 - i)));
}

static int
test_acl_field_types(void)
{
	enum { N_RULES = 300, N_IN = 2000 };
	struct rte_acl_config cfg;
	struct rule_mix *rules = calloc(N_RULES, sizeof(*rules));
	uint8_t(*buf)[MIX_IN_LEN] = calloc(N_IN, MIX_IN_LEN);
	const uint8_t **in = calloc(N_IN, sizeof(*in));
	struct rte_acl_ctx *ctx = NULL;
	uint32_t i, f;
	int ret = TEST_FAILED;

	if (rules == NULL || buf == NULL || in == NULL)
		goto out;
	memset(&cfg, 0, sizeof(cfg));
	cfg.num_categories = 4;
	cfg.num_fields = NUM_MIX;
	memcpy(cfg.defs, defs_mix, sizeof(defs_mix));
	for (i = 0; i < N_RULES; i++) {
		struct rule_mix *r = &rules[i];

		r->data.priority = (int32_t)(1 + rte_rand_max(100));
		r->data.category_mask = (uint32_t)(1 + rte_rand_max(15));
		r->data.userdata = i + 1;
		for (f = 0; f < NUM_MIX; f++) {
			const struct rte_acl_field_def *d = &defs_mix[f];
			struct rte_acl_field *fl = &r->field[d->field_index];
			uint64_t a = test_mix_value(d->size), b = test_mix_value(d->size);
			uint32_t bits = d->size * 8;

			switch (d->type) {
			case RTE_ACL_FIELD_TYPE_RANGE:
				/* one range in 16 is inverted: it matches nothing */
				fl->value.u64 =
					rte_rand_max(16) == 0 ? RTE_MAX(a, b) : RTE_MIN(a, b);
				fl->mask_range.u64 = fl->value.u64 == RTE_MIN(a, b) ? RTE_MAX(a, b)
										    : RTE_MIN(a, b);
				break;
			case RTE_ACL_FIELD_TYPE_MASK:
				fl->value.u64 = a;
				fl->mask_range.u64 = rte_rand_max(bits + 1);
				break;
			default:
				fl->value.u64 = a;
				fl->mask_range.u64 = rte_rand() & test_mix_value(d->size);
				break;
			}
		}
	}
	for (i = 0; i < N_IN; i++) {
		const struct rule_mix *r = &rules[rte_rand_max(N_RULES)];
		int inside = rte_rand_max(2) == 0;

		for (f = 0; f < NUM_MIX; f++) {
			const struct rte_acl_field_def *d = &defs_mix[f];
			const struct rte_acl_field *fl = &r->field[d->field_index];

			test_mix_store(buf[i], d, inside ? fl->value.u64 : test_mix_value(d->size));
		}
		in[i] = buf[i];
	}
	ctx = test_acl_setup("acl_mix", rules, sizeof(rules[0]), N_RULES, &cfg);
	if (ctx == NULL)
		goto out;
	ret = test_acl_check_all(ctx, &cfg, rules, sizeof(rules[0]), N_RULES, in, N_IN, 4);
	/* the reference must not be trivially empty */
	if (ret == TEST_SUCCESS) {
		uint32_t res[4], hits = 0;

		for (i = 0; i < N_IN; i++) {
			ref_classify(&cfg, (const void *)rules, sizeof(rules[0]), N_RULES, in[i],
				     res, 4);
			hits += res[0] != 0;
		}
		printf("%u of %u inputs match in category 0\n", hits, N_IN);
		if (hits < N_IN / 20)
			ret = TEST_FAILED;
	}
out:
	rte_acl_free(ctx);
	free(in);
	free(buf);
	free(rules);
	return ret;
}

/* Named contexts, build without rules, reset_rules vs reset, dumps. */
static int
test_acl_lifecycle(void)
{
	struct rule_5t any = test_rule_5t(1, 1, 77, 0, 0, 0, 0, 0, 0, 0, 0xffff, 0, 0xffff);
	struct rte_acl_config cfg = test_acl_cfg_5t(1);
	struct rte_acl_ctx *ctx, *ctx2;
	uint8_t buf[IN_LEN];
	const uint8_t *in[1] = {buf};
	uint32_t res[1];

	ctx = test_acl_create("acl_life", sizeof(struct rule_5t), 4);
	TEST_ASSERT_NOT_NULL(ctx, "create");
	ctx2 = test_acl_create("acl_life2", sizeof(struct rule_5t), 4);
	TEST_ASSERT_NOT_NULL(ctx2, "create second");
	TEST_ASSERT(ctx != ctx2, "two names, two contexts");
	TEST_ASSERT_EQUAL(test_acl_create("acl_life", sizeof(struct rule_5t), 4), ctx,
			  "same name: the existing context");
	TEST_ASSERT_EQUAL(rte_acl_find_existing("acl_life"), ctx, "find");
	TEST_ASSERT_EQUAL(rte_acl_find_existing("acl_life2"), ctx2, "find second");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_acl_find_existing("acl_nothing"), "find unknown");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "unknown name: ENOENT");
	rte_acl_free(ctx2);
	TEST_ASSERT_NULL(rte_acl_find_existing("acl_life2"), "freed context is gone");

	test_pkt_5t(buf, 6, 1, 2, 3, 4);
	/* never built: nothing matches */
	res[0] = 5;
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify unbuilt");
	TEST_ASSERT_EQUAL(res[0], 0u, "unbuilt: no match");
	/* built without rules */
	TEST_ASSERT_SUCCESS(rte_acl_build(ctx, &cfg), "build empty");
	res[0] = 5;
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify empty");
	TEST_ASSERT_EQUAL(res[0], 0u, "empty: no match");

	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&any, 1), "add");
	TEST_ASSERT_SUCCESS(rte_acl_build(ctx, &cfg), "build");
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify");
	TEST_ASSERT_EQUAL(res[0], 77u, "catch-all matches");
	rte_acl_dump(ctx);
	rte_acl_list_dump();

	/* reset_rules keeps the built tables */
	rte_acl_reset_rules(ctx);
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify after reset_rules");
	TEST_ASSERT_EQUAL(res[0], 77u, "tables kept");
	TEST_ASSERT_SUCCESS(rte_acl_build(ctx, &cfg), "rebuild without rules");
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify");
	TEST_ASSERT_EQUAL(res[0], 0u, "rules gone after rebuild");

	/* reset drops the tables too */
	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&any, 1), "add again");
	TEST_ASSERT_SUCCESS(rte_acl_build(ctx, &cfg), "build again");
	rte_acl_reset(ctx);
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify after reset");
	TEST_ASSERT_EQUAL(res[0], 0u, "tables dropped");
	/* the capacity is back after a reset */
	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&any, 1), "add after reset");
	rte_acl_free(ctx);
	rte_acl_free(NULL);
	rte_acl_dump(NULL);
	return TEST_SUCCESS;
}

static int
test_acl_errors(void)
{
	struct rule_5t ok = test_rule_5t(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0xffff, 0, 0xffff);
	struct rule_5t bad = ok;
	struct rte_acl_config cfg = test_acl_cfg_5t(1), c;
	struct rte_acl_param p = {.name = "acl_err",
				  .socket_id = SOCKET_ID_ANY,
				  .rule_size = sizeof(struct rule_5t),
				  .max_rule_num = 2};
	uint8_t buf[IN_LEN] = {0};
	const uint8_t *in[1] = {buf};
	uint32_t res[16];
	struct rte_acl_ctx *ctx;

	/* create */
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_acl_create(NULL), "NULL param");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL param: EINVAL");
	p.name = NULL;
	TEST_ASSERT_NULL(rte_acl_create(&p), "NULL name");
	p.name = "acl_a_name_that_is_far_too_long_for_it";
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_acl_create(&p), "long name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "long name: EINVAL");
	p.name = "acl_err";
	p.rule_size = sizeof(struct rte_acl_rule) + 3;
	TEST_ASSERT_NULL(rte_acl_create(&p), "rule_size of no rule type");
	p.rule_size = RTE_ACL_RULE_SZ(RTE_ACL_MAX_FIELDS + 1);
	TEST_ASSERT_NULL(rte_acl_create(&p), "rules of more than RTE_ACL_MAX_FIELDS fields");
	p.rule_size = sizeof(struct rule_5t);
	p.socket_id = RTE_MAX_NUMA_NODES + 1;
	TEST_ASSERT_NULL(rte_acl_create(&p), "bad socket");
	p.socket_id = SOCKET_ID_ANY;
	TEST_ASSERT_NULL(rte_acl_find_existing(NULL), "find NULL");

	/* rule_size 0 is accepted, as in DPDK, but takes no rules */
	p.rule_size = 0;
	ctx = rte_acl_create(&p);
	TEST_ASSERT_NOT_NULL(ctx, "rule_size 0");
	TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)&ok, 1), -EINVAL, "add to rule_size 0");
	rte_acl_free(ctx);
	p.rule_size = sizeof(struct rule_5t);

	ctx = rte_acl_create(&p);
	TEST_ASSERT_NOT_NULL(ctx, "create");
	/* add */
	TEST_ASSERT_EQUAL(rte_acl_add_rules(NULL, (void *)&ok, 1), -EINVAL, "NULL ctx");
	TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, NULL, 1), -EINVAL, "NULL rules");
	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&ok, 0), "0 rules");
	bad.data.category_mask = 0;
	TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)&bad, 1), -EINVAL, "no category");
	bad.data.category_mask = 1u << RTE_ACL_MAX_CATEGORIES;
	TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)&bad, 1), -EINVAL,
			  "only a category above the limit");
	bad = ok;
	bad.data.priority = 0;
	TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)&bad, 1), -EINVAL, "priority 0");
	bad.data.priority = RTE_ACL_MAX_PRIORITY + 1;
	TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)&bad, 1), -EINVAL, "priority too high");
	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&ok, 1), "one rule");
	{
		struct rule_5t three[3] = {ok, ok, ok};

		TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)three, 2), -ENOMEM,
				  "beyond max_rule_num");
		TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)three, 1), "up to the limit");
		TEST_ASSERT_EQUAL(rte_acl_add_rules(ctx, (void *)three, 1), -ENOMEM, "full");
	}

	/* build */
	TEST_ASSERT_EQUAL(rte_acl_build(NULL, &cfg), -EINVAL, "NULL ctx");
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, NULL), -EINVAL, "NULL cfg");
	c = cfg;
	c.num_categories = 0;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "0 categories");
	c.num_categories = RTE_ACL_MAX_CATEGORIES + 1;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "17 categories");
	c = cfg;
	c.num_fields = 0;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "0 fields");
	c.num_fields = RTE_ACL_MAX_FIELDS + 1;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "too many fields");
	c = cfg;
	c.defs[1].type = RTE_ACL_FIELD_TYPE_BITMASK + 1;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "bad type");
	c = cfg;
	c.defs[1].size = 3;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "size 3");
	c.defs[1].size = 16;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "size 16");
	c = cfg;
	c.defs[4].field_index = NUM_5T;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -EINVAL, "field_index beyond the rule");
	c = cfg;
	c.max_size = 64;
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &c), -ERANGE, "max_size too small");
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify after failed build");
	TEST_ASSERT_EQUAL(res[0], 0u, "a failed build leaves no tables");
	rte_acl_reset_rules(ctx);
	bad = ok;
	bad.field[F_SRC].mask_range.u32 = 33;
	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&bad, 1), "prefix 33 is added");
	TEST_ASSERT_EQUAL(rte_acl_build(ctx, &cfg), -EINVAL, "but a /33 does not build");
	rte_acl_reset_rules(ctx);
	TEST_ASSERT_SUCCESS(rte_acl_add_rules(ctx, (void *)&ok, 1), "good rule");
	TEST_ASSERT_SUCCESS(rte_acl_build(ctx, &cfg), "build");

	/* classify */
	TEST_ASSERT_EQUAL(rte_acl_classify(NULL, in, res, 1, 1), -EINVAL, "NULL ctx");
	TEST_ASSERT_EQUAL(rte_acl_classify(ctx, in, res, 1, 3), -EINVAL, "3 categories");
	TEST_ASSERT_EQUAL(rte_acl_classify(ctx, in, res, 1, 20), -EINVAL, "20 categories");
	TEST_ASSERT_EQUAL(rte_acl_classify(ctx, NULL, res, 1, 1), -EINVAL, "NULL data");
	TEST_ASSERT_EQUAL(rte_acl_classify(ctx, in, NULL, 1, 1), -EINVAL, "NULL results");
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, NULL, NULL, 0, 0), "nothing to do");
	TEST_ASSERT_EQUAL(rte_acl_classify_alg(ctx, in, res, 1, 1, RTE_ACL_CLASSIFY_NEON), -ENOTSUP,
			  "NEON");
	TEST_ASSERT_EQUAL(rte_acl_classify_alg(ctx, in, res, 1, 1, RTE_ACL_CLASSIFY_ALTIVEC),
			  -ENOTSUP, "ALTIVEC");
	TEST_ASSERT_EQUAL(rte_acl_classify_alg(ctx, in, res, 1, 1, RTE_ACL_CLASSIFY_AVX512X16),
			  -ENOTSUP, "AVX512X16");
	TEST_ASSERT_EQUAL(rte_acl_classify_alg(ctx, in, res, 1, 1, RTE_ACL_CLASSIFY_AVX512X32),
			  -ENOTSUP, "AVX512X32");
	TEST_ASSERT_EQUAL(rte_acl_classify_alg(ctx, in, res, 1, 1, (enum rte_acl_classify_alg)99),
			  -EINVAL, "no such method");
	TEST_ASSERT_SUCCESS(rte_acl_classify_alg(ctx, in, res, 1, 1, RTE_ACL_CLASSIFY_DEFAULT),
			    "default method");
	TEST_ASSERT_EQUAL(res[0], 1u, "default method's result");

	/* set_ctx_classify */
	TEST_ASSERT_EQUAL(rte_acl_set_ctx_classify(NULL, RTE_ACL_CLASSIFY_SCALAR), -EINVAL,
			  "NULL ctx");
	TEST_ASSERT_EQUAL(rte_acl_set_ctx_classify(ctx, RTE_ACL_CLASSIFY_NEON), -ENOTSUP, "NEON");
	TEST_ASSERT_EQUAL(rte_acl_set_ctx_classify(ctx, (enum rte_acl_classify_alg)99), -EINVAL,
			  "no such method");
	TEST_ASSERT_SUCCESS(rte_acl_set_ctx_classify(ctx, RTE_ACL_CLASSIFY_SCALAR), "scalar");
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 1, 1), "classify scalar");
	TEST_ASSERT_EQUAL(res[0], 1u, "scalar result");
	TEST_ASSERT_SUCCESS(rte_acl_set_ctx_classify(ctx, RTE_ACL_CLASSIFY_DEFAULT), "default");
	rte_acl_free(ctx);
	return TEST_SUCCESS;
}

/*
 * A MASK field's prefix length is an integer of the field's size: DPDK's
 * own tests set mask_range.u32 of a 4-byte field and leave the bytes
 * above it as they were.
 */
static int
test_acl_mask_len_width(void)
{
	struct rule_5t r =
		test_rule_5t(5, 1, 9, 0, 0, IPV4(10, 1, 2, 0), 24, 0, 0, 0, 0xffff, 0, 0xffff);
	struct rte_acl_config cfg = test_acl_cfg_5t(1);
	uint8_t buf[2][IN_LEN];
	const uint8_t *in[2] = {buf[0], buf[1]};
	uint32_t res[2];
	struct rte_acl_ctx *ctx;

	r.field[F_SRC].mask_range.u64 |= UINT64_C(0xa5a5a5a5) << 32;
	ctx = test_acl_setup("acl_masklen", &r, sizeof(r), 1, &cfg);
	TEST_ASSERT_NOT_NULL(ctx, "a /24 with junk above its 32 bits builds");
	test_pkt_5t(buf[0], 6, IPV4(10, 1, 2, 77), 1, 1, 1);
	test_pkt_5t(buf[1], 6, IPV4(10, 1, 3, 77), 1, 1, 1);
	TEST_ASSERT_SUCCESS(rte_acl_classify(ctx, in, res, 2, 1), "classify");
	TEST_ASSERT_EQUAL(res[0], 9u, "inside the /24");
	TEST_ASSERT_EQUAL(res[1], 0u, "outside the /24");
	rte_acl_free(ctx);
	return TEST_SUCCESS;
}

static const struct test_case test_acl_cases[] = {
	TEST_CASE(test_acl_5tuple),
	TEST_CASE(test_acl_priority),
	TEST_CASE(test_acl_categories),
	TEST_CASE(test_acl_field_types),
	TEST_CASE(test_acl_random),
	TEST_CASE(test_acl_mask_len_width),
	TEST_CASE(test_acl_lifecycle),
	TEST_CASE(test_acl_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(acl, TEST_SUITE_EAL, test_acl_cases);
