/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rib: the IPv4 and IPv6 routing information bases. Longest, exact and
 * parent lookups over nested prefixes, the walk of sub-routes (all and
 * covering only) in address order, node getters, node exhaustion and
 * recovery, create errors, and lookups against a linear scan.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_random.h>
#include <rte_rib.h>
#include <rte_rib6.h>

#include "test.h"

#define IPV4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

static struct rte_rib *
test_rib_make(const char *name, int max_nodes, size_t ext_sz)
{
	const struct rte_rib_conf conf = {.ext_sz = ext_sz, .max_nodes = max_nodes};

	return rte_rib_create(name, SOCKET_ID_ANY, &conf);
}

/* depth of the route rte_rib_lookup finds for ip, -1 for none */
static int
test_rib_hit(struct rte_rib *rib, uint32_t ip)
{
	struct rte_rib_node *n = rte_rib_lookup(rib, ip);
	uint8_t depth;

	if (n == NULL || rte_rib_get_depth(n, &depth) != 0)
		return -1;
	return depth;
}

static int
test_rib_create_errors(void)
{
	const struct rte_rib_conf conf = {.max_nodes = 0};
	const struct rte_rib6_conf conf6 = {.max_nodes = -3};
	struct rte_rib *rib;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_rib_create(NULL, SOCKET_ID_ANY, &conf), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name errno");
	TEST_ASSERT_NULL(rte_rib_create("rib_err", SOCKET_ID_ANY, NULL), "NULL conf");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL conf errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_rib_create("rib_err", SOCKET_ID_ANY, &conf), "max_nodes 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "max_nodes errno");
	TEST_ASSERT_NULL(rte_rib6_create("rib_err", SOCKET_ID_ANY, &conf6), "max_nodes -3");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rib6 max_nodes errno");
	TEST_ASSERT_NULL(rte_rib_find_existing("rib_err"), "nothing left behind");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "find errno");

	rib = test_rib_make("rib_err", 8, 0);
	TEST_ASSERT_NOT_NULL(rib, "create");
	TEST_ASSERT(rte_rib_find_existing("rib_err") == rib, "found");
	TEST_ASSERT_NULL(rte_rib6_find_existing("rib_err"), "IPv6 names are apart");
	TEST_ASSERT_NULL(test_rib_make("rib_err", 8, 0), "same name twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "same name errno");
	rte_rib_free(rib);
	rte_rib_free(NULL);
	rte_rib6_free(NULL);
	TEST_ASSERT_NULL(rte_rib_find_existing("rib_err"), "gone after free");
	return TEST_SUCCESS;
}

static int
test_rib_args(void)
{
	struct rte_rib *rib = test_rib_make("rib_args", 16, 0);
	struct rte_rib_node *n;
	uint64_t nh;
	uint32_t ip;
	uint8_t depth;

	TEST_ASSERT_NOT_NULL(rib, "create");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_rib_insert(NULL, 0, 8), "insert NULL rib");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "insert NULL errno");
	TEST_ASSERT_NULL(rte_rib_insert(rib, 0, 33), "insert depth 33");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "depth 33 errno");
	TEST_ASSERT_NULL(rte_rib_lookup(NULL, 0), "lookup NULL rib");
	TEST_ASSERT_NULL(rte_rib_lookup_exact(rib, 0, 33), "exact depth 33");
	TEST_ASSERT_NULL(rte_rib_get_nxt(rib, 0, 33, NULL, RTE_RIB_GET_NXT_ALL), "nxt depth 33");
	TEST_ASSERT_NULL(rte_rib_lookup_parent(NULL), "parent of NULL");
	TEST_ASSERT_EQUAL(rte_rib_get_ip(NULL, &ip), -1, "get_ip NULL");
	TEST_ASSERT_EQUAL(rte_rib_get_depth(NULL, &depth), -1, "get_depth NULL");
	TEST_ASSERT_EQUAL(rte_rib_get_nh(NULL, &nh), -1, "get_nh NULL");
	TEST_ASSERT_EQUAL(rte_rib_set_nh(NULL, 1), -1, "set_nh NULL");
	TEST_ASSERT_NULL(rte_rib_get_ext(NULL), "ext of NULL");
	rte_rib_remove(NULL, 0, 0);

	n = rte_rib_insert(rib, IPV4(10, 1, 2, 3), 16);
	TEST_ASSERT_NOT_NULL(n, "insert with host bits");
	TEST_ASSERT_SUCCESS(rte_rib_get_ip(n, &ip), "get_ip");
	TEST_ASSERT_EQUAL(ip, IPV4(10, 1, 0, 0), "host bits cleared");
	TEST_ASSERT_EQUAL(rte_rib_get_ip(n, NULL), -1, "get_ip NULL out");
	TEST_ASSERT_NULL(rte_rib_insert(rib, IPV4(10, 1, 9, 9), 16), "twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "twice errno");
	TEST_ASSERT_SUCCESS(rte_rib_set_nh(n, UINT64_MAX), "set_nh");
	TEST_ASSERT_SUCCESS(rte_rib_get_nh(n, &nh), "get_nh");
	TEST_ASSERT(nh == UINT64_MAX, "64-bit next hop");
	rte_rib_free(rib);
	return TEST_SUCCESS;
}

/* Nested prefixes: longest, exact and parent lookups as routes come and go. */
static int
test_rib_nested(void)
{
	struct rte_rib *rib = test_rib_make("rib_nested", 64, 0);
	const uint32_t a = IPV4(192, 168, 1, 0);
	struct rte_rib_node *n, *p;
	uint8_t depth;

	TEST_ASSERT_NOT_NULL(rib, "create");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a), -1, "empty");
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, a + 77, 32), "/32");
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, a, 24), "/24");
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, IPV4(192, 168, 0, 0), 16), "/16");
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, a + 64, 26), "/26");
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, 0, 0), "/0");
	/* a sibling that forces a branch point between /24 and /26 */
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, a + 128, 26), "/26 sibling");

	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 77), 32, ".77");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 78), 26, ".78");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 130), 26, ".130");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 5), 24, ".5");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, IPV4(192, 168, 9, 9)), 16, "/16");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, IPV4(8, 8, 8, 8)), 0, "/0");

	TEST_ASSERT_NULL(rte_rib_lookup_exact(rib, a, 25), "no /25");
	n = rte_rib_lookup_exact(rib, a + 77, 32);
	TEST_ASSERT_NOT_NULL(n, "exact /32");
	p = rte_rib_lookup_parent(n);
	TEST_ASSERT(p != NULL && rte_rib_get_depth(p, &depth) == 0 && depth == 26, "parent /26");
	p = rte_rib_lookup_parent(p);
	TEST_ASSERT(p != NULL && rte_rib_get_depth(p, &depth) == 0 && depth == 24, "then /24");

	rte_rib_remove(rib, a + 64, 26);
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 78), 24, ".78 after /26 goes");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 77), 32, ".77 stays");
	p = rte_rib_lookup_parent(rte_rib_lookup_exact(rib, a + 77, 32));
	TEST_ASSERT(p != NULL && rte_rib_get_depth(p, &depth) == 0 && depth == 24, "parent /24");
	rte_rib_remove(rib, a, 24);
	rte_rib_remove(rib, a, 24); /* absent: nothing happens */
	TEST_ASSERT_EQUAL(test_rib_hit(rib, a + 5), 16, ".5 after /24 goes");
	rte_rib_remove(rib, 0, 0);
	TEST_ASSERT_EQUAL(test_rib_hit(rib, IPV4(8, 8, 8, 8)), -1, "no /0");
	rte_rib_free(rib);
	return TEST_SUCCESS;
}

/* get_nxt: ALL gives every route inside, COVER only the outermost, in address order. */
static int
test_rib_get_nxt(void)
{
	static const struct {
		uint32_t ip;
		uint8_t depth;
	} routes[] = {
		{IPV4(10, 0, 0, 0), 8},	 {IPV4(10, 0, 0, 0), 16},   {IPV4(10, 0, 5, 0), 24},
		{IPV4(10, 9, 0, 0), 16}, {IPV4(10, 9, 128, 0), 17}, {IPV4(10, 200, 0, 0), 13},
		{IPV4(11, 0, 0, 0), 8},
	};
	static const uint32_t cover[] = {IPV4(10, 0, 0, 0), IPV4(10, 9, 0, 0), IPV4(10, 200, 0, 0)};
	struct rte_rib *rib = test_rib_make("rib_nxt", 64, 0);
	struct rte_rib_node *n;
	unsigned int i, count;
	uint32_t ip;

	TEST_ASSERT_NOT_NULL(rib, "create");
	for (i = 0; i < RTE_DIM(routes); i++)
		TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, routes[i].ip, routes[i].depth), "%u", i);

	for (n = NULL, count = 0;
	     (n = rte_rib_get_nxt(rib, IPV4(10, 0, 0, 0), 8, n, RTE_RIB_GET_NXT_COVER)) != NULL;
	     count++) {
		TEST_ASSERT(count < RTE_DIM(cover), "too many covering routes");
		rte_rib_get_ip(n, &ip);
		TEST_ASSERT_EQUAL(ip, cover[count], "cover %u in address order", count);
	}
	TEST_ASSERT_EQUAL(count, RTE_DIM(cover), "covering routes inside 10/8");
	for (n = NULL, count = 0;
	     (n = rte_rib_get_nxt(rib, IPV4(10, 0, 0, 0), 8, n, RTE_RIB_GET_NXT_ALL)) != NULL;)
		count++;
	TEST_ASSERT_EQUAL(count, 5, "routes inside 10/8, 10/8 excluded");
	for (n = NULL, count = 0; (n = rte_rib_get_nxt(rib, 0, 0, n, RTE_RIB_GET_NXT_ALL)) != NULL;)
		count++;
	TEST_ASSERT_EQUAL(count, RTE_DIM(routes), "every route inside 0/0");
	TEST_ASSERT_NULL(rte_rib_get_nxt(rib, IPV4(12, 0, 0, 0), 8, NULL, RTE_RIB_GET_NXT_ALL),
			 "none inside 12/8");
	TEST_ASSERT_NULL(rte_rib_get_nxt(rib, IPV4(10, 0, 5, 0), 24, NULL, RTE_RIB_GET_NXT_ALL),
			 "none inside 10.0.5/24");
	rte_rib_free(rib);
	return TEST_SUCCESS;
}

/* max_nodes counts branch points too; ENOMEM, then room again after a remove. */
static int
test_rib_nodes_exhaustion(void)
{
	struct rte_rib *rib = test_rib_make("rib_full", 3, sizeof(uint64_t) * 2);
	struct rte_rib_node *n;
	uint64_t *ext;

	TEST_ASSERT_NOT_NULL(rib, "create");
	n = rte_rib_insert(rib, IPV4(1, 0, 0, 0), 8);
	TEST_ASSERT_NOT_NULL(n, "first");
	ext = rte_rib_get_ext(n);
	TEST_ASSERT_NOT_NULL(ext, "ext");
	TEST_ASSERT_EQUAL(ext[0] | ext[1], 0, "ext starts zeroed");
	ext[0] = 0x1122334455667788ull;
	ext[1] = 42;
	/* 1/8 and 2/8 part at bit 6: a branch point and the route, 3 nodes */
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, IPV4(2, 0, 0, 0), 8), "second");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_rib_insert(rib, IPV4(3, 0, 0, 0), 8), "no node left");
	TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "exhaustion errno");
	TEST_ASSERT_EQUAL(test_rib_hit(rib, IPV4(3, 1, 1, 1)), -1, "refused route absent");
	rte_rib_remove(rib, IPV4(2, 0, 0, 0), 8);
	TEST_ASSERT_NOT_NULL(rte_rib_insert(rib, IPV4(3, 0, 0, 0), 8), "room again");
	TEST_ASSERT_EQUAL(ext[1], 42, "ext of the first kept");
	TEST_ASSERT(rte_rib_lookup(rib, IPV4(1, 2, 3, 4)) == n, "first still found");
	rte_rib_free(rib);
	return TEST_SUCCESS;
}

#define REF6_ROUTES 1000
#define REF6_LOOKUPS 20000

/* Does prefix/depth hold ip? */
static int
test_rib6_holds(const uint8_t *prefix, uint8_t depth, const uint8_t *ip)
{
	int i;

	for (i = 0; i < 16; i++)
		if ((prefix[i] & get_msk_part(depth, i)) != (ip[i] & get_msk_part(depth, i)))
			return 0;
	return 1;
}

/* IPv6: random nested routes, lookups against a linear scan, then half removed. */
static int
test_rib6_reference(void)
{
	const struct rte_rib6_conf conf = {.max_nodes = 2 * REF6_ROUTES};
	static uint8_t ips[REF6_ROUTES][16];
	static uint8_t depths[REF6_ROUTES];
	static bool live[REF6_ROUTES];
	struct rte_rib6 *rib = rte_rib6_create("rib6_ref", SOCKET_ID_ANY, &conf);
	uint64_t seed = rte_rdtsc();
	struct rte_rib6_node *n;
	unsigned int i, j, round;
	uint8_t ip[16], got[16], depth;
	int best;

	TEST_ASSERT_NOT_NULL(rib, "create");
	printf("  seed %" PRIu64 "\n", seed);
	rte_srand(seed);
	for (i = 0; i < REF6_ROUTES; i++) {
		if (i > 0 && rte_rand() % 2)
			memcpy(ips[i], ips[rte_rand() % i], 16);
		else
			for (j = 0; j < 16; j++)
				ips[i][j] = (uint8_t)rte_rand();
		ips[i][rte_rand() % 16] ^= (uint8_t)rte_rand();
		depths[i] = rte_rand() % 129;
		for (j = 0; j < 16; j++)
			ips[i][j] &= get_msk_part(depths[i], j);
		live[i] = rte_rib6_lookup_exact(rib, ips[i], depths[i]) == NULL;
		if (live[i])
			TEST_ASSERT_NOT_NULL(rte_rib6_insert(rib, ips[i], depths[i]), "insert %u",
					     i);
	}
	for (round = 0; round < 2; round++) {
		for (i = 0; i < REF6_LOOKUPS; i++) {
			memcpy(ip, ips[rte_rand() % REF6_ROUTES], 16);
			ip[rte_rand() % 16] ^= (uint8_t)rte_rand();
			best = -1;
			for (j = 0; j < REF6_ROUTES; j++)
				if (live[j] && test_rib6_holds(ips[j], depths[j], ip) &&
				    (best < 0 || depths[j] > depths[best]))
					best = (int)j;
			n = rte_rib6_lookup(rib, ip);
			if (best < 0) {
				TEST_ASSERT_NULL(n, "round %u lookup %u: no route", round, i);
				continue;
			}
			TEST_ASSERT_NOT_NULL(n, "round %u lookup %u", round, i);
			TEST_ASSERT_SUCCESS(rte_rib6_get_ip(n, got), "get_ip");
			TEST_ASSERT_SUCCESS(rte_rib6_get_depth(n, &depth), "get_depth");
			TEST_ASSERT(depth == depths[best] && rte_rib6_is_equal(got, ips[best]),
				    "round %u lookup %u: the longest route", round, i);
		}
		for (i = 0; i < REF6_ROUTES; i++)
			if (live[i] && rte_rand() % 2) {
				rte_rib6_remove(rib, ips[i], depths[i]);
				live[i] = false;
				TEST_ASSERT_NULL(rte_rib6_lookup_exact(rib, ips[i], depths[i]),
						 "removed %u", i);
			}
	}
	rte_rib6_free(rib);
	return TEST_SUCCESS;
}

static int
test_rib6_basics(void)
{
	const struct rte_rib6_conf conf = {.max_nodes = 16};
	struct rte_rib6 *rib = rte_rib6_create("rib6_basics", SOCKET_ID_ANY, &conf);
	uint8_t a[16] = {0x20, 0x01, 0x0d, 0xb8}, b[16], got[16];
	struct rte_rib6_node *n;
	unsigned int count;

	TEST_ASSERT_NOT_NULL(rib, "create");
	TEST_ASSERT(rte_rib6_find_existing("rib6_basics") == rib, "found");
	TEST_ASSERT_NULL(rte_rib6_insert(rib, a, 129), "depth 129");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "depth 129 errno");
	TEST_ASSERT_NOT_NULL(rte_rib6_insert(rib, a, 32), "2001:db8::/32");
	memcpy(b, a, 16);
	b[15] = 1;
	TEST_ASSERT_NOT_NULL(rte_rib6_insert(rib, b, 128), "2001:db8::1/128");
	b[7] = 0xff;
	TEST_ASSERT_NOT_NULL(rte_rib6_insert(rib, b, 64), "2001:db8:0:ff::/64 (host bits)");
	n = rte_rib6_lookup(rib, b);
	TEST_ASSERT_NOT_NULL(n, "lookup");
	rte_rib6_get_ip(n, got);
	TEST_ASSERT(got[7] == 0xff && got[15] == 0, "the /64, host bits cleared");
	for (n = NULL, count = 0;
	     (n = rte_rib6_get_nxt(rib, a, 32, n, RTE_RIB6_GET_NXT_ALL)) != NULL;)
		count++;
	TEST_ASSERT_EQUAL(count, 2, "two routes inside the /32");
	TEST_ASSERT_EQUAL(get_msk_part(36, 4), 0xf0, "mask byte");
	rte_rib6_free(rib);
	return TEST_SUCCESS;
}

static const struct test_case test_rib_cases[] = {
	TEST_CASE(test_rib_create_errors),    TEST_CASE(test_rib_args),
	TEST_CASE(test_rib_nested),	      TEST_CASE(test_rib_get_nxt),
	TEST_CASE(test_rib_nodes_exhaustion), TEST_CASE(test_rib6_basics),
	TEST_CASE(test_rib6_reference),	      TEST_CASES_END(),
};

REGISTER_TEST_SUITE(rib, TEST_SUITE_EAL, test_rib_cases);
