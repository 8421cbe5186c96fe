/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lpm: IPv4 longest-prefix match. Concrete lookups around overlapping
 * prefixes as rules come and go, tbl8 and rule exhaustion and recovery,
 * the entry bit layout DPDK-built code reads, create errors, and the
 * single, bulk and x4 lookups against a linear longest-prefix scan over
 * random rules. QSBR cases are in test_lpm_rcu.c (same suite).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_lpm.h>
#include <rte_random.h>
#include <rte_vect.h>

#include "test.h"
#include "test_lpm.h"

struct rte_lpm *
test_lpm_make(const char *name, uint32_t max_rules, uint32_t tbl8s)
{
	const struct rte_lpm_config cfg = {.max_rules = max_rules, .number_tbl8s = tbl8s};

	return rte_lpm_create(name, SOCKET_ID_ANY, &cfg);
}

long
test_lpm_hop(const struct rte_lpm *lpm, uint32_t ip)
{
	uint32_t nh = UINT32_MAX;

	if (rte_lpm_lookup(lpm, ip, &nh) != 0)
		return -1;
	return nh;
}

static int
test_lpm_entry_layout(void)
{
	struct rte_lpm_tbl_entry e = {0};
	uint32_t w;

	e.next_hop = 0xabcdef;
	e.valid = 1;
	e.depth = 25;
	memcpy(&w, &e, sizeof(w));
	TEST_ASSERT_EQUAL(w, 0xabcdefu | RTE_LPM_LOOKUP_SUCCESS | 25u << 26,
			  "next_hop/valid/depth");
	e.valid_group = 1;
	memcpy(&w, &e, sizeof(w));
	TEST_ASSERT_EQUAL(w & RTE_LPM_VALID_EXT_ENTRY_BITMASK, RTE_LPM_VALID_EXT_ENTRY_BITMASK,
			  "valid_group is bit 25");
	TEST_ASSERT_EQUAL(sizeof(struct rte_lpm_tbl_entry), 4, "entry size");
	TEST_ASSERT_EQUAL(offsetof(struct rte_lpm, tbl8),
			  sizeof(struct rte_lpm_tbl_entry) * RTE_LPM_TBL24_NUM_ENTRIES,
			  "tbl8 pointer right after tbl24");
	return TEST_SUCCESS;
}

static int
test_lpm_create_errors(void)
{
	struct rte_lpm_config cfg = {.max_rules = 16, .number_tbl8s = 4};
	struct rte_lpm *lpm, *again;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create(NULL, SOCKET_ID_ANY, &cfg), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create("lpm_err", SOCKET_ID_ANY, NULL), "NULL config");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL config errno");
	cfg.max_rules = 0;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create("lpm_err", SOCKET_ID_ANY, &cfg), "max_rules 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "max_rules 0 errno");
	cfg.max_rules = 16;
	cfg.number_tbl8s = RTE_LPM_MAX_TBL8_NUM_GROUPS + 1;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create("lpm_err", SOCKET_ID_ANY, &cfg), "too many tbl8s");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "too many tbl8s errno");
	cfg.number_tbl8s = 4;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create("lpm_err", -2, &cfg), "socket -2");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "socket -2 errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create("a_name_of_thirty_two_characters_", SOCKET_ID_ANY, &cfg),
			 "name too long");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "long name errno");
	cfg.max_rules = UINT32_MAX;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_create("lpm_err", SOCKET_ID_ANY, &cfg), "2^32-1 rules");
	TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "too many rules errno");
	cfg.max_rules = 16;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_find_existing("lpm_err"), "nothing left by failures");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "find_existing errno");
	lpm = rte_lpm_create("lpm_err", SOCKET_ID_ANY, &cfg);
	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT(rte_lpm_find_existing("lpm_err") == lpm, "found by name");
	rte_errno = 0;
	again = rte_lpm_create("lpm_err", SOCKET_ID_ANY, &cfg);
	TEST_ASSERT_NULL(again, "same name twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "same name errno");
	rte_lpm_free(lpm);
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm_find_existing("lpm_err"), "gone after free");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "gone errno");
	rte_lpm_free(NULL);

	/* No tbl8 groups: rules up to /24 work, deeper ones find no space. */
	cfg.number_tbl8s = 0;
	lpm = rte_lpm_create("lpm_err", SOCKET_ID_ANY, &cfg);
	TEST_ASSERT_NOT_NULL(lpm, "0 tbl8s: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 0, 0, 0), 24, 1), "/24 without tbl8s");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(10, 0, 0, 1), 32, 2), -ENOSPC, "/32 needs a tbl8");
	TEST_ASSERT_EQUAL(test_lpm_hop(lpm, IPV4(10, 0, 0, 1)), 1, "the /24 still answers");
	rte_lpm_free(lpm);
	return TEST_SUCCESS;
}

static int
test_lpm_args(void)
{
	struct rte_lpm *lpm = test_lpm_make("lpm_args", 16, 4);
	uint32_t nh = 0;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_lpm_add(NULL, IPV4(10, 0, 0, 0), 8, 1), -EINVAL, "add NULL");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, 0, 0, 1), -EINVAL, "depth 0 (as DPDK)");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(10, 0, 0, 0), 33, 1), -EINVAL, "depth 33");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(10, 0, 0, 0), 8, 1u << 24), -EINVAL,
			  "next hop over 24 bits");
	TEST_ASSERT_EQUAL(rte_lpm_delete(NULL, IPV4(10, 0, 0, 0), 8), -EINVAL, "delete NULL");
	TEST_ASSERT_EQUAL(rte_lpm_delete(lpm, 0, 0), -EINVAL, "delete depth 0");
	TEST_ASSERT_EQUAL(rte_lpm_delete(lpm, IPV4(10, 0, 0, 0), 8), -EINVAL,
			  "delete of a missing rule (DPDK returns -EINVAL)");
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(10, 0, 0, 0), 8, NULL), -EINVAL,
			  "is_rule_present NULL next_hop");
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(10, 0, 0, 0), 0, &nh), -EINVAL,
			  "is_rule_present depth 0");
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(NULL, IPV4(10, 0, 0, 0), 8, &nh), -EINVAL,
			  "is_rule_present NULL lpm");
	rte_lpm_free(lpm);
	return TEST_SUCCESS;
}

struct test_lpm_expect {
	uint32_t ip;
	long hop; /* -1: no match */
};

static int
test_lpm_expect_all(const struct rte_lpm *lpm, const struct test_lpm_expect *x, unsigned int n,
		    const char *step)
{
	for (unsigned int i = 0; i < n; i++)
		TEST_ASSERT_EQUAL(test_lpm_hop(lpm, x[i].ip), x[i].hop, "%s: %u.%u.%u.%u", step,
				  x[i].ip >> 24, (x[i].ip >> 16) & 0xff, (x[i].ip >> 8) & 0xff,
				  x[i].ip & 0xff);
	return TEST_SUCCESS;
}

#define EXPECT(lpm, step, ...)                                                       \
	do {                                                                         \
		const struct test_lpm_expect x_[] = {__VA_ARGS__};                   \
		if (test_lpm_expect_all(lpm, x_, RTE_DIM(x_), step) != TEST_SUCCESS) \
			return TEST_FAILED;                                          \
	} while (0)

/*
 * 0/1 + 128/1 (the default route: DPDK has no /0), 10/8, 10.1/16,
 * 10.1.1/24, 10.1.1.128/25, 10.1.1.129/32; each delete hands the
 * addresses back to the next shorter covering rule.
 */
static int
test_lpm_overlap(void)
{
	struct rte_lpm *lpm = test_lpm_make("lpm_overlap", 64, 2);
	uint32_t nh;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	EXPECT(lpm, "empty", {IPV4(10, 1, 1, 1), -1}, {0, -1}, {UINT32_MAX, -1});

	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 1, 1, 129), 32, 32), "/32");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 1, 1, 0), 24, 24), "/24 after the /32");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 77, 88, 99), 8, 8), "/8, host bits ignored");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 1, 0, 0), 16, 16), "/16");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 1, 1, 128), 25, 25), "/25");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, 0, 1, 1), "0/1");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(128, 0, 0, 0), 1, 2), "128/1");
	EXPECT(lpm, "all rules", {IPV4(10, 1, 1, 129), 32}, {IPV4(10, 1, 1, 130), 25},
	       {IPV4(10, 1, 1, 255), 25}, {IPV4(10, 1, 1, 128), 25}, {IPV4(10, 1, 1, 127), 24},
	       {IPV4(10, 1, 1, 0), 24}, {IPV4(10, 1, 2, 0), 16}, {IPV4(10, 1, 255, 255), 16},
	       {IPV4(10, 2, 0, 0), 8}, {IPV4(10, 0, 255, 255), 8}, {IPV4(11, 0, 0, 0), 1},
	       {IPV4(9, 255, 255, 255), 1}, {0, 1}, {IPV4(128, 0, 0, 0), 2}, {UINT32_MAX, 2});
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(10, 1, 1, 200), 25, &nh), 1, "/25");
	TEST_ASSERT_EQUAL(nh, 25, "/25 next hop");
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(10, 1, 1, 0), 25, &nh), 0,
			  "10.1.1.0/25 absent");
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(10, 0, 0, 0), 8, &nh), 1, "/8");
	TEST_ASSERT_EQUAL(nh, 8, "/8 next hop");

	/* A new next hop for an existing rule. */
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 1, 0, 0), 16, 1616), "/16 again");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(10, 1, 1, 128), 25, 2525), "/25 again");
	EXPECT(lpm, "next hops changed", {IPV4(10, 1, 2, 3), 1616}, {IPV4(10, 1, 1, 130), 2525},
	       {IPV4(10, 1, 1, 129), 32}, {IPV4(10, 1, 1, 1), 24});

	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(10, 1, 1, 128), 25), "delete /25");
	EXPECT(lpm, "/25 deleted", {IPV4(10, 1, 1, 130), 24}, {IPV4(10, 1, 1, 129), 32},
	       {IPV4(10, 1, 1, 1), 24});
	TEST_ASSERT_EQUAL(rte_lpm_delete(lpm, IPV4(10, 1, 1, 128), 25), -EINVAL, "twice");
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(10, 1, 1, 0), 24), "delete /24");
	EXPECT(lpm, "/24 deleted", {IPV4(10, 1, 1, 130), 1616}, {IPV4(10, 1, 1, 129), 32},
	       {IPV4(10, 1, 1, 0), 1616});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(10, 1, 1, 129), 32), "delete /32");
	EXPECT(lpm, "/32 deleted", {IPV4(10, 1, 1, 129), 1616}, {IPV4(10, 1, 1, 0), 1616});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(10, 1, 0, 0), 16), "delete /16");
	EXPECT(lpm, "/16 deleted", {IPV4(10, 1, 1, 129), 8}, {IPV4(10, 1, 200, 0), 8});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(10, 0, 0, 0), 8), "delete /8");
	EXPECT(lpm, "/8 deleted", {IPV4(10, 1, 1, 129), 1}, {IPV4(10, 255, 0, 0), 1});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, 0, 1), "delete 0/1");
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(128, 0, 0, 0), 1), "delete 128/1");
	EXPECT(lpm, "empty again", {IPV4(10, 1, 1, 129), -1}, {0, -1}, {UINT32_MAX, -1});

	/* A rule added below an existing /24 group, then the group's last deep rule goes. */
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(192, 168, 0, 7), 32, 7), "/32");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(192, 168, 0, 0), 16, 16), "/16 over a group");
	EXPECT(lpm, "under group", {IPV4(192, 168, 0, 7), 7}, {IPV4(192, 168, 0, 8), 16},
	       {IPV4(192, 168, 1, 7), 16});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(192, 168, 0, 7), 32), "delete /32");
	EXPECT(lpm, "group folded", {IPV4(192, 168, 0, 7), 16}, {IPV4(192, 168, 0, 8), 16});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(192, 168, 0, 0), 16), "delete /16");
	EXPECT(lpm, "gone", {IPV4(192, 168, 0, 7), -1});
	rte_lpm_free(lpm);
	return TEST_SUCCESS;
}

/* Each /24 holding a rule deeper than 24 takes one tbl8 group, and gives it back. */
static int
test_lpm_tbl8_exhaustion(void)
{
	struct rte_lpm *lpm = test_lpm_make("lpm_tbl8", 64, 4);
	uint32_t nh, i;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(20, 0, 0, 0), 8, 8), "covering /8");
	for (i = 0; i < 4; i++)
		TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(20, 0, i, 1), 32, 100 + i), "group %u",
				    i);
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(20, 0, 3, 64), 26, 326), "same /24, no group");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(20, 0, 4, 1), 32, 104), -ENOSPC, "fifth /24");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(20, 0, 4, 0), 25, 104), -ENOSPC, "fifth /24 /25");
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(20, 0, 4, 1), 32, &nh), 0,
			  "failed add leaves no rule");
	EXPECT(lpm, "after -ENOSPC", {IPV4(20, 0, 4, 1), 8}, {IPV4(20, 0, 3, 1), 103},
	       {IPV4(20, 0, 3, 65), 326}, {IPV4(20, 0, 3, 2), 8});

	/* The /24 of group 1 empties: its group serves the fifth /24. */
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(20, 0, 1, 1), 32), "free a group");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(20, 0, 4, 1), 32, 104), "fifth /24 fits now");
	EXPECT(lpm, "recovered", {IPV4(20, 0, 4, 1), 104}, {IPV4(20, 0, 1, 1), 8},
	       {IPV4(20, 0, 0, 1), 100});
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(20, 0, 5, 1), 32, 105), -ENOSPC, "full again");

	/* delete_all empties every group. */
	rte_lpm_delete_all(lpm);
	EXPECT(lpm, "all deleted", {IPV4(20, 0, 4, 1), -1}, {IPV4(20, 0, 0, 1), -1});
	TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, IPV4(20, 0, 0, 0), 8, &nh), 0, "no /8");
	for (i = 0; i < 4; i++)
		TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(30, 0, i, 1), 32, i), "regroup %u", i);
	EXPECT(lpm, "after delete_all", {IPV4(30, 0, 2, 1), 2}, {IPV4(30, 0, 2, 2), -1});
	rte_lpm_free(lpm);
	return TEST_SUCCESS;
}

static int
test_lpm_max_rules(void)
{
	struct rte_lpm *lpm = test_lpm_make("lpm_rules", 3, 4);

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(1, 0, 0, 0), 8, 1), "rule 1");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(2, 0, 0, 0), 8, 2), "rule 2");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(3, 0, 0, 0), 30, 3), "rule 3");
	TEST_ASSERT_EQUAL(rte_lpm_add(lpm, IPV4(4, 0, 0, 0), 8, 4), -ENOSPC, "rule 4");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(2, 0, 0, 0), 8, 22), "update when full");
	EXPECT(lpm, "full", {IPV4(4, 0, 0, 0), -1}, {IPV4(2, 9, 9, 9), 22}, {IPV4(3, 0, 0, 3), 3});
	TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, IPV4(1, 0, 0, 0), 8), "make room");
	TEST_ASSERT_SUCCESS(rte_lpm_add(lpm, IPV4(4, 0, 0, 0), 8, 4), "rule 4 fits");
	EXPECT(lpm, "room made", {IPV4(4, 0, 0, 0), 4}, {IPV4(1, 0, 0, 0), -1});
	rte_lpm_free(lpm);
	return TEST_SUCCESS;
}

/* Random rules against a linear longest-prefix scan. */

#define REF_RULES 600
#define REF_LOOKUPS 100000

struct test_lpm_ref_rule {
	uint32_t ip;
	uint8_t depth;
	uint32_t hop;
	bool live;
};

/* rte_rand() after rte_srand(seed): reproducible from the seed the test prints. */
static uint32_t
test_lpm_rand(void)
{
	return (uint32_t)rte_rand();
}

static uint32_t
test_lpm_mask(uint8_t depth)
{
	return depth == 0 ? 0 : UINT32_MAX << (32 - depth);
}

static long
test_lpm_ref_lookup(const struct test_lpm_ref_rule *rules, unsigned int n, uint32_t ip)
{
	int best_depth = -1;
	long hop = -1;

	for (unsigned int i = 0; i < n; i++)
		if (rules[i].live && (ip & test_lpm_mask(rules[i].depth)) == rules[i].ip &&
		    rules[i].depth > best_depth) {
			best_depth = rules[i].depth;
			hop = rules[i].hop;
		}
	return hop;
}

/* An address near the rules: a random rule's prefix with random low bits. */
static uint32_t
test_lpm_near(const struct test_lpm_ref_rule *rules, unsigned int n)
{
	const struct test_lpm_ref_rule *r = &rules[test_lpm_rand() % n];
	uint32_t lo = test_lpm_rand();

	if (test_lpm_rand() % 4 == 0)
		lo &= 0xff; /* often stay in the rule's /24 */
	return r->ip | (lo & ~test_lpm_mask(r->depth));
}

static int
test_lpm_ref_add(struct rte_lpm *lpm, struct test_lpm_ref_rule *rules, unsigned int n)
{
	/* Few distinct /16s so that the prefixes nest and overlap. */
	static const uint32_t bases[] = {IPV4(10, 0, 0, 0), IPV4(10, 1, 0, 0), IPV4(172, 16, 0, 0),
					 IPV4(192, 168, 0, 0), IPV4(8, 8, 0, 0)};
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		struct test_lpm_ref_rule *r = &rules[i];
		uint32_t ip = (test_lpm_rand() % 3 == 0)
				      ? test_lpm_rand()
				      : bases[test_lpm_rand() % RTE_DIM(bases)] |
						(test_lpm_rand() &
						 (test_lpm_rand() % 2 ? 0xffff : 0x0f0f));
		int ret;

		r->depth = 1 + test_lpm_rand() % 32;
		r->ip = ip & test_lpm_mask(r->depth);
		r->hop = test_lpm_rand() & 0xffffff;
		ret = rte_lpm_add(lpm, r->ip, r->depth, r->hop);
		TEST_ASSERT(ret == 0 || ret == -ENOSPC, "add rule %u: %d", i, ret);
		r->live = ret == 0;
		/* The same prefix twice: the later next hop wins, one rule remains. */
		for (j = 0; r->live && j < i; j++)
			if (rules[j].live && rules[j].ip == r->ip && rules[j].depth == r->depth)
				rules[j].live = false;
	}
	return TEST_SUCCESS;
}

static int
test_lpm_ref_check(const struct rte_lpm *lpm, const struct test_lpm_ref_rule *rules, unsigned int n,
		   const char *step)
{
	static uint32_t ips[REF_LOOKUPS], bulk[REF_LOOKUPS];
	const uint32_t defv = 0xdeadbeef;
	unsigned int i, k;

	for (i = 0; i < REF_LOOKUPS; i++)
		ips[i] = (i % 2) ? test_lpm_rand() : test_lpm_near(rules, n);
	TEST_ASSERT_SUCCESS(rte_lpm_lookup_bulk(lpm, ips, bulk, REF_LOOKUPS), "bulk");
	for (i = 0; i < REF_LOOKUPS; i += 4) {
		uint32_t x4[4];
		xmm_t v = _mm_set_epi32((int)ips[i + 3], (int)ips[i + 2], (int)ips[i + 1],
					(int)ips[i]);

		rte_lpm_lookupx4(lpm, v, x4, defv);
		for (k = i; k < i + 4; k++) {
			long want = test_lpm_ref_lookup(rules, n, ips[k]);
			long got = test_lpm_hop(lpm, ips[k]);

			TEST_ASSERT_EQUAL(got, want, "%s: single lookup of %#x", step, ips[k]);
			TEST_ASSERT_EQUAL(!!(bulk[k] & RTE_LPM_LOOKUP_SUCCESS), want >= 0,
					  "%s: bulk hit flag of %#x", step, ips[k]);
			if (want >= 0)
				TEST_ASSERT_EQUAL(bulk[k] & 0xffffff, want, "%s: bulk hop of %#x",
						  step, ips[k]);
			TEST_ASSERT_EQUAL(x4[k - i], want >= 0 ? (uint32_t)want : defv,
					  "%s: x4 lane %u of %#x", step, k - i, ips[k]);
		}
	}
	return TEST_SUCCESS;
}

static int
test_lpm_random_reference(void)
{
	static struct test_lpm_ref_rule rules[REF_RULES];
	struct rte_lpm *lpm = test_lpm_make("lpm_random", REF_RULES, 256);
	uint64_t seed = rte_rand() | 1;
	unsigned int i;
	uint32_t nh;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	printf("  seed %#" PRIx64 "\n", seed);
	rte_srand(seed);
	if (test_lpm_ref_add(lpm, rules, REF_RULES) != TEST_SUCCESS)
		return TEST_FAILED;
	if (test_lpm_ref_check(lpm, rules, REF_RULES, "added") != TEST_SUCCESS)
		return TEST_FAILED;

	/* Delete about half; each deleted rule's addresses fall back to the scan's answer. */
	for (i = 0; i < REF_RULES; i++) {
		if (!rules[i].live || test_lpm_rand() % 2)
			continue;
		TEST_ASSERT_SUCCESS(rte_lpm_delete(lpm, rules[i].ip, rules[i].depth), "delete %u",
				    i);
		rules[i].live = false;
		TEST_ASSERT_EQUAL(rte_lpm_is_rule_present(lpm, rules[i].ip, rules[i].depth, &nh), 0,
				  "deleted rule %u absent", i);
	}
	if (test_lpm_ref_check(lpm, rules, REF_RULES, "half deleted") != TEST_SUCCESS)
		return TEST_FAILED;
	rte_lpm_free(lpm);
	return TEST_SUCCESS;
}

static const struct test_case test_lpm_cases[] = {
	TEST_CASE(test_lpm_entry_layout),
	TEST_CASE(test_lpm_create_errors),
	TEST_CASE(test_lpm_args),
	TEST_CASE(test_lpm_overlap),
	TEST_CASE(test_lpm_tbl8_exhaustion),
	TEST_CASE(test_lpm_max_rules),
	TEST_CASE(test_lpm_random_reference),
	TEST_CASE(test_lpm_rcu_args),
	TEST_CASE(test_lpm_rcu_dq),
	TEST_CASE(test_lpm_rcu_delete_all),
	TEST_CASE(test_lpm_rcu_sync),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(lpm, TEST_SUITE_EAL, test_lpm_cases);
