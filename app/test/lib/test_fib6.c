/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fib6: IPv6 forwarding tables of both types. Concrete next hops around
 * overlapping prefixes, every trie entry size at its largest next hop,
 * group exhaustion and recovery, create errors, and bulk lookups against a
 * linear longest-prefix scan over random routes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_fib6.h>
#include <rte_lcore.h>
#include <rte_random.h>
#include <rte_rib6.h>

#include "test.h"

#define FIB6_DEF_NH 7

static struct rte_fib6 *
test_fib6_make(const char *name, enum rte_fib6_type type, enum rte_fib_trie_nh_sz nh_sz,
	       uint32_t num_tbl8, uint64_t def_nh)
{
	struct rte_fib6_conf conf = {
		.type = type,
		.default_nh = def_nh,
		.max_routes = 1 << 16,
	};

	conf.trie.nh_sz = nh_sz;
	conf.trie.num_tbl8 = num_tbl8;
	return rte_fib6_create(name, SOCKET_ID_ANY, &conf);
}

/* An address from its first two 16-bit groups and its last byte. */
static void
test_fib6_addr(uint8_t *ip, uint16_t g0, uint16_t g1, uint8_t byte8, uint8_t last)
{
	memset(ip, 0, RTE_FIB6_IPV6_ADDR_SIZE);
	ip[0] = g0 >> 8;
	ip[1] = (uint8_t)g0;
	ip[2] = g1 >> 8;
	ip[3] = (uint8_t)g1;
	ip[8] = byte8;
	ip[15] = last;
}

static uint64_t
test_fib6_hop(struct rte_fib6 *fib, const uint8_t *ip)
{
	uint8_t one[1][RTE_FIB6_IPV6_ADDR_SIZE];
	uint64_t nh = UINT64_MAX;

	memcpy(one[0], ip, RTE_FIB6_IPV6_ADDR_SIZE);
	if (rte_fib6_lookup_bulk(fib, one, &nh, 1) != 0)
		return UINT64_MAX - 1;
	return nh;
}

static int
test_fib6_create_errors(void)
{
	struct rte_fib6_conf conf = {
		.type = RTE_FIB6_TRIE,
		.max_routes = 16,
	};
	struct rte_fib6 *fib;

	conf.trie.nh_sz = RTE_FIB6_TRIE_2B;
	conf.trie.num_tbl8 = 16;
	TEST_ASSERT_NULL(rte_fib6_create(NULL, SOCKET_ID_ANY, &conf), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name errno");
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, NULL), "NULL conf");
	conf.max_routes = 0;
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "max_routes 0");
	conf.max_routes = 16;
	conf.type = RTE_FIB6_TRIE + 1;
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "bad type");
	conf.type = RTE_FIB6_TRIE;
	conf.trie.nh_sz = 0;
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "nh_sz 1 byte");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "nh_sz errno");
	conf.trie.nh_sz = RTE_FIB6_TRIE_2B;
	conf.trie.num_tbl8 = 0;
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "num_tbl8 0");
	conf.trie.num_tbl8 = 1 << 15;
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "num_tbl8 2^15");
	conf.trie.num_tbl8 = 16;
	conf.default_nh = 1 << 15;
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "default_nh 2^15");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "default_nh errno");
	TEST_ASSERT_NULL(rte_fib6_find_existing("fib6_err"), "nothing left behind");
	TEST_ASSERT_NULL(rte_rib6_find_existing("fib6_err"), "no RIB left behind");

	conf.default_nh = 0;
	fib = rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf);
	TEST_ASSERT_NOT_NULL(fib, "create");
	TEST_ASSERT(rte_fib6_find_existing("fib6_err") == fib, "found");
	TEST_ASSERT(rte_rib6_find_existing("fib6_err") == rte_fib6_get_rib(fib), "its RIB");
	TEST_ASSERT_NULL(rte_fib6_create("fib6_err", SOCKET_ID_ANY, &conf), "twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "twice errno");
	TEST_ASSERT_EQUAL(rte_fib6_select_lookup(fib, RTE_FIB6_LOOKUP_TRIE_VECTOR_AVX512), -EINVAL,
			  "AVX-512 lookup is not built");
	TEST_ASSERT_SUCCESS(rte_fib6_select_lookup(fib, RTE_FIB6_LOOKUP_TRIE_SCALAR), "scalar");
	TEST_ASSERT_EQUAL(rte_fib6_add(fib, NULL, 8, 1), -EINVAL, "NULL address");
	TEST_ASSERT_EQUAL(rte_fib6_delete(NULL, (uint8_t[16]){0}, 8), -EINVAL, "NULL fib");
	TEST_ASSERT_EQUAL(rte_fib6_add(fib, (uint8_t[16]){0}, 129, 1), -EINVAL, "depth 129");
	TEST_ASSERT_EQUAL(rte_fib6_add(fib, (uint8_t[16]){0}, 8, 1 << 15), -EINVAL, "nh 2^15");
	TEST_ASSERT_EQUAL(rte_fib6_delete(fib, (uint8_t[16]){0}, 8), -ENOENT, "absent");
	rte_fib6_free(fib);
	rte_fib6_free(NULL);
	TEST_ASSERT_NULL(rte_fib6_find_existing("fib6_err"), "gone after free");
	return TEST_SUCCESS;
}

static int
test_fib6_overlap_one(enum rte_fib6_type type)
{
	struct rte_fib6 *fib =
		test_fib6_make("fib6_overlap", type, RTE_FIB6_TRIE_4B, 256, FIB6_DEF_NH);
	uint8_t p20[16], p32[16], p48[16], p64[16], h128[16], probe[16];

	TEST_ASSERT_NOT_NULL(fib, "create");
	test_fib6_addr(p20, 0x2001, 0x0000, 0, 0);
	test_fib6_addr(p32, 0x2001, 0x0db8, 0, 0);
	test_fib6_addr(p48, 0x2001, 0x0db8, 0, 0);
	p48[5] = 1;
	memcpy(p64, p48, 16);
	memcpy(h128, p48, 16);
	h128[15] = 1;
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, h128, 128, 4), "/128");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, p64, 64, 3), "/64");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, p20, 20, 5), "/20");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, p32, 32, 1), "/32");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, p48, 48, 2), "/48");

	TEST_ASSERT_EQUAL(test_fib6_hop(fib, h128), 4, "/128");
	memcpy(probe, h128, 16);
	probe[15] = 2;
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), 3, "/64 beside the /128");
	probe[7] = 1;
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), 2, "/48 beside the /64");
	probe[5] = 2;
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), 1, "/32 beside the /48");
	probe[3] = 0xb9;
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), 5, "/20 beside the /32");
	probe[2] = 0x10;
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), FIB6_DEF_NH, "outside");

	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, p64, 64), "delete /64");
	probe[2] = 0x0d, probe[3] = 0xb8, probe[5] = 1, probe[7] = 0;
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), 2, "/64 falls back to /48");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, h128), 4, "/128 stays");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, p48, 48), "delete /48");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), 1, "then /32");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, h128, 128), "delete /128");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, h128), 1, "/128 falls back to /32");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, (uint8_t[16]){0}, 0, 9), "::/0");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, p32, 32), "delete /32");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, p20, 20), "delete /20");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, h128), 9, "::/0");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, (uint8_t[16]){0}, 0), "delete ::/0");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, h128), FIB6_DEF_NH, "default_nh");
	rte_fib6_free(fib);
	return TEST_SUCCESS;
}

static int
test_fib6_overlap(void)
{
	if (test_fib6_overlap_one(RTE_FIB6_TRIE) != TEST_SUCCESS)
		return TEST_FAILED;
	return test_fib6_overlap_one(RTE_FIB6_DUMMY);
}

static int
test_fib6_nh_sizes(void)
{
	enum rte_fib_trie_nh_sz sz;
	uint8_t ip[16], probe[16];
	struct rte_fib6 *fib;
	uint64_t max;

	for (sz = RTE_FIB6_TRIE_2B; sz <= RTE_FIB6_TRIE_8B; sz++) {
		max = (UINT64_C(1) << ((8u << sz) - 1)) - 1;
		fib = test_fib6_make("fib6_nh", RTE_FIB6_TRIE, sz, 64, max);
		TEST_ASSERT_NOT_NULL(fib, "create %d", sz);
		test_fib6_addr(ip, 0xfd00, 0x1, 0x42, 0);
		TEST_ASSERT_EQUAL(test_fib6_hop(fib, ip), max, "default %d", sz);
		TEST_ASSERT_EQUAL(rte_fib6_add(fib, ip, 16, max + 1), -EINVAL, "max + 1 %d", sz);
		TEST_ASSERT_SUCCESS(rte_fib6_add(fib, ip, 16, max - 1), "/16 %d", sz);
		TEST_ASSERT_SUCCESS(rte_fib6_add(fib, ip, 72, max), "/72 %d", sz);
		TEST_ASSERT_EQUAL(test_fib6_hop(fib, ip), max, "/72 %d", sz);
		memcpy(probe, ip, 16);
		probe[8] = 0x43;
		TEST_ASSERT_EQUAL(test_fib6_hop(fib, probe), max - 1, "/16 in a group %d", sz);
		TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, ip, 72), "del /72 %d", sz);
		TEST_ASSERT_EQUAL(test_fib6_hop(fib, ip), max - 1, "/16 again %d", sz);
		rte_fib6_free(fib);
	}
	return TEST_SUCCESS;
}

/* A /128 takes a group at each of 13 levels; shared levels are not taken twice. */
static int
test_fib6_tbl8_exhaustion(void)
{
	struct rte_fib6 *fib =
		test_fib6_make("fib6_tbl8", RTE_FIB6_TRIE, RTE_FIB6_TRIE_2B, 20, FIB6_DEF_NH);
	uint8_t a[16], b[16], c[16], d[16];

	TEST_ASSERT_NOT_NULL(fib, "create");
	test_fib6_addr(a, 0x2001, 0xdb8, 1, 1);
	test_fib6_addr(b, 0x2001, 0xdb8, 2, 1); /* parts from a at byte 8: 7 more groups */
	test_fib6_addr(c, 0x2001, 0xdb8, 1, 2); /* parts at byte 15: no more groups */
	test_fib6_addr(d, 0x2001, 0xdb8, 3, 1);
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, a, 128, 1), "a: 13 groups");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, b, 128, 2), "b: 7 groups, all 20 taken");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, c, 128, 3), "c: in a's groups");
	TEST_ASSERT_EQUAL(rte_fib6_add(fib, d, 128, 4), -ENOSPC, "d: no group left");
	TEST_ASSERT_NULL(rte_rib6_lookup_exact(rte_fib6_get_rib(fib), d, 128), "d not in RIB");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, d), FIB6_DEF_NH, "d not routed");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, d, 64, 5), "a /64 needs only shared groups");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, d), 5, "d by the /64");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, b, 128), "delete b");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, b), 5, "b by the /64");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, d, 128, 4), "d now fits");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, d), 4, "d");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, a), 1, "a");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, c), 3, "c");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, a, 128), "delete a");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, c, 128), "delete c");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, d, 128), "delete d");
	TEST_ASSERT_SUCCESS(rte_fib6_delete(fib, d, 64), "delete the /64");
	/* every group back: a and b fit again */
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, a, 128, 1), "a again");
	TEST_ASSERT_SUCCESS(rte_fib6_add(fib, b, 128, 2), "b again");
	TEST_ASSERT_EQUAL(test_fib6_hop(fib, b), 2, "b");
	rte_fib6_free(fib);
	return TEST_SUCCESS;
}

#define REF6_ROUTES 600
#define REF6_LOOKUPS 20000

struct test_fib6_route {
	uint8_t ip[16];
	uint8_t depth;
	uint64_t nh;
	bool live;
};

static int
test_fib6_holds(const struct test_fib6_route *r, const uint8_t *ip)
{
	int i;

	for (i = 0; i < 16; i++)
		if ((r->ip[i] & get_msk_part(r->depth, i)) != (ip[i] & get_msk_part(r->depth, i)))
			return 0;
	return 1;
}

static int
test_fib6_ref_check(struct rte_fib6 *fib, const struct test_fib6_route *r, uint8_t (*ips)[16],
		    uint64_t *hops, const char *when)
{
	unsigned int i, j;
	int best;

	for (i = 0; i < REF6_LOOKUPS; i++) {
		memcpy(ips[i], r[rte_rand() % REF6_ROUTES].ip, 16);
		ips[i][rte_rand() % 16] ^= (uint8_t)rte_rand();
	}
	TEST_ASSERT_SUCCESS(rte_fib6_lookup_bulk(fib, ips, hops, REF6_LOOKUPS), "%s", when);
	for (i = 0; i < REF6_LOOKUPS; i++) {
		best = -1;
		for (j = 0; j < REF6_ROUTES; j++)
			if (r[j].live && test_fib6_holds(&r[j], ips[i]) &&
			    (best < 0 || r[j].depth > r[best].depth))
				best = (int)j;
		TEST_ASSERT_EQUAL(hops[i], best < 0 ? FIB6_DEF_NH : r[best].nh, "%s: lookup %u",
				  when, i);
	}
	return TEST_SUCCESS;
}

static int
test_fib6_random_one(enum rte_fib6_type type)
{
	struct test_fib6_route *r = calloc(REF6_ROUTES, sizeof(*r));
	uint8_t(*ips)[16] = malloc(REF6_LOOKUPS * sizeof(*ips));
	uint64_t *hops = malloc(REF6_LOOKUPS * sizeof(*hops));
	struct rte_fib6 *fib =
		test_fib6_make("fib6_ref", type, RTE_FIB6_TRIE_4B, 16384, FIB6_DEF_NH);
	int ret = TEST_FAILED;
	unsigned int i, j;

	if (r == NULL || ips == NULL || hops == NULL || fib == NULL) {
		printf("  FAIL: no memory or no FIB (%s)\n", rte_strerror(rte_errno));
		goto out;
	}
	for (i = 0; i < REF6_ROUTES; i++) {
		if (i > 0 && rte_rand() % 2)
			memcpy(r[i].ip, r[rte_rand() % i].ip, 16);
		else
			for (j = 0; j < 16; j++)
				r[i].ip[j] = (uint8_t)rte_rand();
		r[i].ip[rte_rand() % 16] ^= (uint8_t)rte_rand();
		r[i].depth = rte_rand() % 4 == 0 ? 1 + rte_rand() % 128 : 16 + rte_rand() % 49;
		for (j = 0; j < 16; j++)
			r[i].ip[j] &= get_msk_part(r[i].depth, j);
		r[i].nh = rte_rand() % 100000;
		for (j = 0; j < i; j++)
			if (r[j].live && r[j].depth == r[i].depth &&
			    memcmp(r[j].ip, r[i].ip, 16) == 0)
				r[j].live = false;
		if (rte_fib6_add(fib, r[i].ip, r[i].depth, r[i].nh) != 0) {
			printf("  FAIL: add route %u /%u\n", i, r[i].depth);
			goto out;
		}
		r[i].live = true;
	}
	if (test_fib6_ref_check(fib, r, ips, hops, "all added") != TEST_SUCCESS)
		goto out;
	for (i = 0; i < REF6_ROUTES; i++) {
		if (!r[i].live || rte_rand() % 2)
			continue;
		if (rte_fib6_delete(fib, r[i].ip, r[i].depth) != 0) {
			printf("  FAIL: delete route %u\n", i);
			goto out;
		}
		r[i].live = false;
	}
	if (test_fib6_ref_check(fib, r, ips, hops, "half deleted") != TEST_SUCCESS)
		goto out;
	ret = TEST_SUCCESS;
out:
	rte_fib6_free(fib);
	free(r);
	free(ips);
	free(hops);
	return ret;
}

static int
test_fib6_random_reference(void)
{
	uint64_t seed = rte_rdtsc();

	printf("  seed %" PRIu64 "\n", seed);
	rte_srand(seed);
	if (test_fib6_random_one(RTE_FIB6_TRIE) != TEST_SUCCESS)
		return TEST_FAILED;
	return test_fib6_random_one(RTE_FIB6_DUMMY);
}

static const struct test_case test_fib6_cases[] = {
	TEST_CASE(test_fib6_create_errors),    TEST_CASE(test_fib6_overlap),
	TEST_CASE(test_fib6_nh_sizes),	       TEST_CASE(test_fib6_tbl8_exhaustion),
	TEST_CASE(test_fib6_random_reference), TEST_CASES_END(),
};

REGISTER_TEST_SUITE(fib6, TEST_SUITE_EAL, test_fib6_cases);
