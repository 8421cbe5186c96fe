/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lpm6: IPv6 longest-prefix match. Concrete lookups around overlapping
 * prefixes at every kind of level boundary as rules come and go, tbl8
 * exhaustion (a /128 takes 13 groups) and recovery, bulk delete, create
 * and argument errors, and single and bulk lookups against a linear
 * longest-prefix scan over random rules.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_lpm.h>
#include <rte_lpm6.h>
#include <rte_random.h>

#include "test.h"

struct test_lpm6_addr {
	uint8_t b[RTE_LPM6_IPV6_ADDR_SIZE];
};

/* An address from its text form; the tests only use valid literals. */
static struct test_lpm6_addr
test_lpm6_a(const char *s)
{
	struct test_lpm6_addr a;

	if (inet_pton(AF_INET6, s, a.b) != 1)
		memset(a.b, 0xee, sizeof(a.b));
	return a;
}

static struct rte_lpm6 *
test_lpm6_make(const char *name, uint32_t max_rules, uint32_t tbl8s)
{
	const struct rte_lpm6_config cfg = {.max_rules = max_rules, .number_tbl8s = tbl8s};

	return rte_lpm6_create(name, SOCKET_ID_ANY, &cfg);
}

static int
test_lpm6_add(struct rte_lpm6 *lpm, const char *ip, uint8_t depth, uint32_t hop)
{
	return rte_lpm6_add(lpm, test_lpm6_a(ip).b, depth, hop);
}

static int
test_lpm6_del(struct rte_lpm6 *lpm, const char *ip, uint8_t depth)
{
	return rte_lpm6_delete(lpm, test_lpm6_a(ip).b, depth);
}

/* The next hop of ip, or -1 for no match. */
static long
test_lpm6_hop(const struct rte_lpm6 *lpm, const char *ip)
{
	uint32_t nh = UINT32_MAX;

	if (rte_lpm6_lookup(lpm, test_lpm6_a(ip).b, &nh) != 0)
		return -1;
	return nh;
}

struct test_lpm6_expect {
	const char *ip;
	long hop;
};

static int
test_lpm6_expect_all(const struct rte_lpm6 *lpm, const struct test_lpm6_expect *x, unsigned int n,
		     const char *step)
{
	for (unsigned int i = 0; i < n; i++)
		TEST_ASSERT_EQUAL(test_lpm6_hop(lpm, x[i].ip), x[i].hop, "%s: %s", step, x[i].ip);
	return TEST_SUCCESS;
}

#define EXPECT6(lpm, step, ...)                                                       \
	do {                                                                          \
		const struct test_lpm6_expect x_[] = {__VA_ARGS__};                   \
		if (test_lpm6_expect_all(lpm, x_, RTE_DIM(x_), step) != TEST_SUCCESS) \
			return TEST_FAILED;                                           \
	} while (0)

static int
test_lpm6_create_errors(void)
{
	struct rte_lpm6_config cfg = {.max_rules = 16, .number_tbl8s = 16};
	const struct rte_lpm_config cfg4 = {.max_rules = 16, .number_tbl8s = 16};
	struct rte_lpm6 *lpm;
	struct rte_lpm *lpm4;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create(NULL, SOCKET_ID_ANY, &cfg), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create("lpm6_err", SOCKET_ID_ANY, NULL), "NULL config");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL config errno");
	cfg.max_rules = 0;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create("lpm6_err", SOCKET_ID_ANY, &cfg), "max_rules 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "max_rules 0 errno");
	cfg.max_rules = 16;
	cfg.number_tbl8s = (1u << 21) + 1;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create("lpm6_err", SOCKET_ID_ANY, &cfg), "too many tbl8s");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "too many tbl8s errno");
	cfg.number_tbl8s = 16;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create("lpm6_err", -2, &cfg), "socket -2");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "socket errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create("a_name_of_thirty_two_characters_", SOCKET_ID_ANY, &cfg),
			 "long name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "long name errno");

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_find_existing("lpm6_err"), "nothing left by failures");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "find errno");
	lpm = rte_lpm6_create("lpm6_err", SOCKET_ID_ANY, &cfg);
	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT(rte_lpm6_find_existing("lpm6_err") == lpm, "found by name");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_lpm6_create("lpm6_err", SOCKET_ID_ANY, &cfg), "same name");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "same name errno");
	/* IPv4 and IPv6 tables have names of their own, as in DPDK. */
	lpm4 = rte_lpm_create("lpm6_err", SOCKET_ID_ANY, &cfg4);
	TEST_ASSERT_NOT_NULL(lpm4, "an IPv4 table of the same name: %s", rte_strerror(rte_errno));
	TEST_ASSERT(rte_lpm6_find_existing("lpm6_err") == lpm, "IPv6 one still found");
	rte_lpm_free(lpm4);
	rte_lpm6_free(lpm);
	TEST_ASSERT_NULL(rte_lpm6_find_existing("lpm6_err"), "gone after free");
	rte_lpm6_free(NULL);
	return TEST_SUCCESS;
}

static int
test_lpm6_args(void)
{
	struct rte_lpm6 *lpm = test_lpm6_make("lpm6_args", 16, 16);
	struct test_lpm6_addr a = test_lpm6_a("2001:db8::1");
	uint8_t ips[1][RTE_LPM6_IPV6_ADDR_SIZE];
	uint8_t depth = 64;
	int32_t hops[1];
	uint32_t nh;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_lpm6_add(NULL, a.b, 64, 1), -EINVAL, "add NULL lpm");
	TEST_ASSERT_EQUAL(rte_lpm6_add(lpm, NULL, 64, 1), -EINVAL, "add NULL ip");
	TEST_ASSERT_EQUAL(rte_lpm6_add(lpm, a.b, 0, 1), -EINVAL, "depth 0 (as DPDK)");
	TEST_ASSERT_EQUAL(rte_lpm6_add(lpm, a.b, 129, 1), -EINVAL, "depth 129");
	TEST_ASSERT_EQUAL(rte_lpm6_add(lpm, a.b, 64, 1u << 21), -EINVAL, "next hop of 22 bits");
	TEST_ASSERT_EQUAL(rte_lpm6_delete(lpm, a.b, 64), -ENOENT, "delete of a missing rule");
	TEST_ASSERT_EQUAL(rte_lpm6_delete(lpm, a.b, 0), -EINVAL, "delete depth 0");
	TEST_ASSERT_EQUAL(rte_lpm6_delete(NULL, a.b, 64), -EINVAL, "delete NULL");
	TEST_ASSERT_EQUAL(rte_lpm6_is_rule_present(lpm, a.b, 64, NULL), -EINVAL, "NULL next_hop");
	TEST_ASSERT_EQUAL(rte_lpm6_is_rule_present(lpm, a.b, 129, &nh), -EINVAL, "depth 129");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup(NULL, a.b, &nh), -EINVAL, "lookup NULL lpm");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup(lpm, NULL, &nh), -EINVAL, "lookup NULL ip");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup(lpm, a.b, NULL), -EINVAL, "lookup NULL next_hop");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup(lpm, a.b, &nh), -ENOENT, "lookup in an empty table");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup_bulk_func(NULL, ips, hops, 1), -EINVAL, "bulk NULL");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup_bulk_func(lpm, NULL, hops, 1), -EINVAL, "bulk ips");
	TEST_ASSERT_EQUAL(rte_lpm6_lookup_bulk_func(lpm, ips, NULL, 1), -EINVAL, "bulk hops");
	TEST_ASSERT_EQUAL(rte_lpm6_delete_bulk_func(NULL, ips, &depth, 1), -EINVAL, "del bulk");
	TEST_ASSERT_EQUAL(rte_lpm6_delete_bulk_func(lpm, ips, NULL, 1), -EINVAL, "del depths");
	rte_lpm6_free(lpm);
	return TEST_SUCCESS;
}

/* Rules ending in tbl24, at level boundaries (/24, /32, /64) and inside levels. */
static int
test_lpm6_overlap(void)
{
	struct rte_lpm6 *lpm = test_lpm6_make("lpm6_overlap", 64, 64);
	uint32_t nh;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1:2::1", 128, 128), "/128 first");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1:2::", 64, 64), "/64");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1:2:8000::", 65, 65), "/65");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1::", 48, 48), "/48");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:ffff::", 32, 32), "/32, host bits");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:d00::", 24, 24), "/24");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001::", 16, 16), "/16");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "::", 1, 1), "::/1");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "8000::", 1, 2), "8000::/1");
	EXPECT6(lpm, "all rules", {"2001:db8:1:2::1", 128}, {"2001:db8:1:2::2", 64},
		{"2001:db8:1:2:7fff::", 64}, {"2001:db8:1:2:8000::1", 65}, {"2001:db8:1:3::1", 48},
		{"2001:db8:2::", 32}, {"2001:dff:ffff::", 24}, {"2001:e00::", 16},
		{"2001:ffff::", 16}, {"2002::", 1}, {"::", 1}, {"8000::", 2},
		{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 2});
	TEST_ASSERT_EQUAL(
		rte_lpm6_is_rule_present(lpm, test_lpm6_a("2001:db8:1:2:8000::7").b, 65, &nh), 1,
		"/65 present");
	TEST_ASSERT_EQUAL(nh, 65, "/65 next hop");
	TEST_ASSERT_EQUAL(rte_lpm6_is_rule_present(lpm, test_lpm6_a("2001:db8:1:2::").b, 65, &nh),
			  0, "2001:db8:1:2::/65 absent");

	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1::", 48, 4848), "new next hop /48");
	EXPECT6(lpm, "next hop changed", {"2001:db8:1:3::1", 4848}, {"2001:db8:1:2::2", 64});

	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8:1:2::", 64), "delete /64");
	EXPECT6(lpm, "/64 deleted", {"2001:db8:1:2::2", 4848}, {"2001:db8:1:2::1", 128},
		{"2001:db8:1:2:8000::1", 65});
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8:1:2::1", 128), "delete /128");
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8:1:2:8000::", 65), "delete /65");
	EXPECT6(lpm, "/128, /65 deleted", {"2001:db8:1:2::1", 4848},
		{"2001:db8:1:2:8000::1", 4848});
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8:1::", 48), "delete /48");
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:d00::", 24), "delete /24");
	EXPECT6(lpm, "/48, /24 deleted", {"2001:db8:1:2::1", 32}, {"2001:dff::", 16});
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8::", 32), "delete /32");
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001::", 16), "delete /16");
	EXPECT6(lpm, "down to the /1s", {"2001:db8:1:2::1", 1}, {"9000::", 2});
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "::", 1), "delete ::/1");
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "8000::", 1), "delete 8000::/1");
	EXPECT6(lpm, "empty", {"2001:db8:1:2::1", -1}, {"::", -1}, {"9000::", -1});
	rte_lpm6_free(lpm);
	return TEST_SUCCESS;
}

/* A /128 on a fresh path takes one group for each of the 13 bytes after the third. */
static int
test_lpm6_tbl8_exhaustion(void)
{
	struct rte_lpm6 *lpm = test_lpm6_make("lpm6_tbl8", 64, 14);
	uint32_t nh;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	/*
	 * 2001:db8:: and 3001:db8:: differ in the first three bytes: separate
	 * paths. Next hop 0 for the /32 makes its entries look like group 0 (its
	 * own level-1 group): a group given back by the wrong index shows up as
	 * a wrong lookup.
	 */
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8::", 32, 0), "/32: 1 group");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8::1", 128, 1), "/128: 12 more");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8::2", 128, 2), "same path: none");
	TEST_ASSERT_EQUAL(test_lpm6_add(lpm, "3001:db8::1", 128, 3), -ENOSPC, "13 needed, 1 free");
	TEST_ASSERT_EQUAL(rte_lpm6_is_rule_present(lpm, test_lpm6_a("3001:db8::1").b, 128, &nh), 0,
			  "failed add leaves no rule");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "3001:db8::", 32, 9), "/32 takes the last one");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1::", 48, 48), "/48 on the path: none");
	TEST_ASSERT_EQUAL(test_lpm6_add(lpm, "2001:db8:100::", 48, 4), -ENOSPC, "none left");
	EXPECT6(lpm, "after -ENOSPC", {"2001:db8::1", 1}, {"2001:db8::2", 2}, {"2001:db8::3", 0},
		{"3001:db8::1", 9}, {"2001:db8:100::", 0}, {"2001:db8:1::1", 48});

	/* Deleting both /128s gives back the 12 groups below the /32's level. */
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8::1", 128), "delete one /128");
	TEST_ASSERT_EQUAL(test_lpm6_add(lpm, "2001:db8:100::", 48, 4), -ENOSPC, "path still used");
	TEST_ASSERT_SUCCESS(test_lpm6_del(lpm, "2001:db8::2", 128), "delete the other");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:100::", 48, 4), "groups came back");
	EXPECT6(lpm, "recovered", {"2001:db8::1", 0}, {"2001:db8:100::5", 4},
		{"2001:db8:1::1", 48});

	rte_lpm6_delete_all(lpm);
	EXPECT6(lpm, "all deleted", {"2001:db8::1", -1}, {"2001:db8:0:1::5", -1});
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8::1", 128, 1), "13 groups after reset");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "3001:db8::", 32, 9), "and the 14th");
	EXPECT6(lpm, "refilled", {"2001:db8::1", 1}, {"3001:db8::1", 9});
	rte_lpm6_free(lpm);
	return TEST_SUCCESS;
}

static int
test_lpm6_delete_bulk(void)
{
	struct rte_lpm6 *lpm = test_lpm6_make("lpm6_bulk", 3, 64);
	uint8_t ips[4][RTE_LPM6_IPV6_ADDR_SIZE];
	uint8_t depths[4] = {48, 64, 0, 56};
	const char *txt[4] = {"2001:db8:1::", "2001:db8:1:1::", "2001:db8:1:1::", "2001:db8::"};

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8::", 32, 32), "/32");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1::", 48, 48), "/48");
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:1:1::", 64, 64), "/64");
	TEST_ASSERT_EQUAL(test_lpm6_add(lpm, "2001:db8:2::", 48, 1), -ENOSPC, "max_rules");
	for (unsigned int i = 0; i < 4; i++)
		memcpy(ips[i], test_lpm6_a(txt[i]).b, RTE_LPM6_IPV6_ADDR_SIZE);
	/* The /48 and /64 go; depth 0 and the missing /56 are skipped. */
	TEST_ASSERT_SUCCESS(rte_lpm6_delete_bulk_func(lpm, ips, depths, 4), "delete bulk");
	EXPECT6(lpm, "bulk deleted", {"2001:db8:1:1::1", 32}, {"2001:db8:1::1", 32});
	TEST_ASSERT_SUCCESS(test_lpm6_add(lpm, "2001:db8:2::", 48, 1), "room after bulk delete");
	rte_lpm6_free(lpm);
	return TEST_SUCCESS;
}

/* Random rules against a linear longest-prefix scan. */

#define REF6_RULES 500
#define REF6_LOOKUPS 50000

struct test_lpm6_ref_rule {
	uint8_t ip[RTE_LPM6_IPV6_ADDR_SIZE];
	uint8_t depth;
	uint32_t hop;
	bool live;
};

/* rte_rand() after rte_srand(seed): reproducible from the seed the test prints. */
static uint32_t
test_lpm6_rand(void)
{
	return (uint32_t)rte_rand();
}

static bool
test_lpm6_in(const uint8_t *ip, const uint8_t *prefix, unsigned int depth)
{
	unsigned int i;

	for (i = 0; i < RTE_LPM6_IPV6_ADDR_SIZE && depth > 0; i++, depth -= RTE_MIN(depth, 8u)) {
		uint8_t m = depth >= 8 ? 0xff : (uint8_t)(0xff00 >> depth);

		if ((ip[i] & m) != prefix[i])
			return false;
	}
	return true;
}

static void
test_lpm6_mask(uint8_t *ip, unsigned int depth)
{
	for (unsigned int i = 0; i < RTE_LPM6_IPV6_ADDR_SIZE; i++, depth -= RTE_MIN(depth, 8u))
		ip[i] &= depth >= 8 ? 0xff : (uint8_t)(0xff00 >> depth);
}

static long
test_lpm6_ref_lookup(const struct test_lpm6_ref_rule *rules, unsigned int n, const uint8_t *ip)
{
	int best = -1;
	long hop = -1;

	for (unsigned int i = 0; i < n; i++)
		if (rules[i].live && rules[i].depth > best &&
		    test_lpm6_in(ip, rules[i].ip, rules[i].depth)) {
			best = rules[i].depth;
			hop = rules[i].hop;
		}
	return hop;
}

static void
test_lpm6_rand_addr(uint8_t *ip)
{
	for (unsigned int i = 0; i < RTE_LPM6_IPV6_ADDR_SIZE; i++)
		ip[i] = (uint8_t)test_lpm6_rand();
}

static int
test_lpm6_ref_add(struct rte_lpm6 *lpm, struct test_lpm6_ref_rule *rules, unsigned int n)
{
	unsigned int i, j;
	int ret;

	for (i = 0; i < n; i++) {
		struct test_lpm6_ref_rule *r = &rules[i];

		test_lpm6_rand_addr(r->ip);
		/* Mostly under 2001:db8::/32, often the same /64s, so that rules nest. */
		if (test_lpm6_rand() % 4 != 0) {
			memcpy(r->ip, test_lpm6_a("2001:db8::").b, 4);
			r->ip[4] = r->ip[5] = 0;
			r->ip[6] &= 0x3;
			r->ip[7] &= 0x1;
		}
		r->depth = 1 + test_lpm6_rand() % 128;
		test_lpm6_mask(r->ip, r->depth);
		r->hop = test_lpm6_rand() & 0x1fffff;
		ret = rte_lpm6_add(lpm, r->ip, r->depth, r->hop);
		TEST_ASSERT(ret == 0 || ret == -ENOSPC, "add rule %u: %d", i, ret);
		r->live = ret == 0;
		for (j = 0; r->live && j < i; j++)
			if (rules[j].live && rules[j].depth == r->depth &&
			    memcmp(rules[j].ip, r->ip, sizeof(r->ip)) == 0)
				rules[j].live = false;
	}
	return TEST_SUCCESS;
}

static int
test_lpm6_ref_check(const struct rte_lpm6 *lpm, const struct test_lpm6_ref_rule *rules,
		    unsigned int n, const char *step)
{
	static uint8_t ips[REF6_LOOKUPS][RTE_LPM6_IPV6_ADDR_SIZE];
	static int32_t bulk[REF6_LOOKUPS];
	unsigned int i, b;

	for (i = 0; i < REF6_LOOKUPS; i++) {
		test_lpm6_rand_addr(ips[i]);
		if (i % 2 == 0) {
			/* Near a rule: its prefix, random bits below, often in its last byte only.
			 */
			const struct test_lpm6_ref_rule *r = &rules[test_lpm6_rand() % n];
			unsigned int keep = test_lpm6_rand() % 2 ? r->depth : 120;

			for (b = 0; b < RTE_LPM6_IPV6_ADDR_SIZE; b++)
				ips[i][b] &=
					~(b * 8 + 8 <= keep ? 0xff
					  : b * 8 >= keep   ? 0
							    : (uint8_t)(0xff00 >> (keep - b * 8)));
			for (b = 0; b < RTE_LPM6_IPV6_ADDR_SIZE; b++)
				ips[i][b] |= r->ip[b];
		}
	}
	TEST_ASSERT_SUCCESS(rte_lpm6_lookup_bulk_func(lpm, ips, bulk, REF6_LOOKUPS), "bulk");
	for (i = 0; i < REF6_LOOKUPS; i++) {
		long want = test_lpm6_ref_lookup(rules, n, ips[i]);
		uint32_t nh = UINT32_MAX;
		int ret = rte_lpm6_lookup(lpm, ips[i], &nh);

		TEST_ASSERT_EQUAL(ret == 0 ? (long)nh : -1, want, "%s: lookup %u", step, i);
		TEST_ASSERT_EQUAL(ret, want >= 0 ? 0 : -ENOENT, "%s: lookup %u status", step, i);
		TEST_ASSERT_EQUAL(bulk[i], want, "%s: bulk %u", step, i);
	}
	return TEST_SUCCESS;
}

static int
test_lpm6_random_reference(void)
{
	static struct test_lpm6_ref_rule rules[REF6_RULES];
	struct rte_lpm6 *lpm = test_lpm6_make("lpm6_random", REF6_RULES, 4096);
	uint64_t seed = rte_rand() | 1;
	unsigned int i;
	uint32_t nh;

	TEST_ASSERT_NOT_NULL(lpm, "create: %s", rte_strerror(rte_errno));
	printf("  seed %#" PRIx64 "\n", seed);
	rte_srand(seed);
	if (test_lpm6_ref_add(lpm, rules, REF6_RULES) != TEST_SUCCESS ||
	    test_lpm6_ref_check(lpm, rules, REF6_RULES, "added") != TEST_SUCCESS)
		return TEST_FAILED;
	for (i = 0; i < REF6_RULES; i++) {
		if (!rules[i].live || test_lpm6_rand() % 2)
			continue;
		TEST_ASSERT_SUCCESS(rte_lpm6_delete(lpm, rules[i].ip, rules[i].depth), "delete %u",
				    i);
		rules[i].live = false;
		TEST_ASSERT_EQUAL(rte_lpm6_is_rule_present(lpm, rules[i].ip, rules[i].depth, &nh),
				  0, "deleted rule %u absent", i);
	}
	if (test_lpm6_ref_check(lpm, rules, REF6_RULES, "half deleted") != TEST_SUCCESS)
		return TEST_FAILED;
	rte_lpm6_free(lpm);
	return TEST_SUCCESS;
}

static const struct test_case test_lpm6_cases[] = {
	TEST_CASE(test_lpm6_create_errors),
	TEST_CASE(test_lpm6_args),
	TEST_CASE(test_lpm6_overlap),
	TEST_CASE(test_lpm6_tbl8_exhaustion),
	TEST_CASE(test_lpm6_delete_bulk),
	TEST_CASE(test_lpm6_random_reference),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(lpm6, TEST_SUITE_EAL, test_lpm6_cases);
