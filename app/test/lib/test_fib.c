/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fib: IPv4 forwarding tables of both types. Concrete next hops around
 * overlapping prefixes as routes come and go, every DIR-24-8 entry size
 * at its largest next hop, group exhaustion and recovery, create errors,
 * and bulk lookups of every lookup type against a linear longest-prefix
 * scan over random routes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_fib.h>
#include <rte_lcore.h>
#include <rte_random.h>
#include <rte_rib.h>

#include "test.h"

#define IPV4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))
#define FIB_DEF_NH 7

static struct rte_fib *
test_fib_make(const char *name, enum rte_fib_type type, enum rte_fib_dir24_8_nh_sz nh_sz,
	      uint32_t num_tbl8, uint64_t def_nh)
{
	struct rte_fib_conf conf = {
		.type = type,
		.default_nh = def_nh,
		.max_routes = 1 << 16,
	};

	conf.dir24_8.nh_sz = nh_sz;
	conf.dir24_8.num_tbl8 = num_tbl8;
	return rte_fib_create(name, SOCKET_ID_ANY, &conf);
}

/* The next hop rte_fib_lookup_bulk gives for one address. */
static uint64_t
test_fib_hop(struct rte_fib *fib, uint32_t ip)
{
	uint64_t nh = UINT64_MAX;

	if (rte_fib_lookup_bulk(fib, &ip, &nh, 1) != 0)
		return UINT64_MAX - 1;
	return nh;
}

static int
test_fib_create_errors(void)
{
	struct rte_fib_conf conf = {
		.type = RTE_FIB_DIR24_8,
		.max_routes = 16,
	};
	struct rte_fib *fib, *again;

	conf.dir24_8.nh_sz = RTE_FIB_DIR24_8_1B;
	conf.dir24_8.num_tbl8 = 16;
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_fib_create(NULL, SOCKET_ID_ANY, &conf), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name errno");
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, NULL), "NULL conf");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL conf errno");
	conf.max_routes = 0;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "max_routes 0");
	conf.max_routes = -1;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "max_routes -1");
	conf.max_routes = 16;
	conf.type = RTE_FIB_DIR24_8 + 1;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "bad type");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bad type errno");
	conf.type = RTE_FIB_DIR24_8;
	conf.dir24_8.nh_sz = RTE_FIB_DIR24_8_8B + 1;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "bad nh_sz");
	conf.dir24_8.nh_sz = RTE_FIB_DIR24_8_1B;
	conf.dir24_8.num_tbl8 = 0;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "num_tbl8 0");
	/* a 1-byte entry holds group numbers up to 127 */
	conf.dir24_8.num_tbl8 = 128;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "num_tbl8 128");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "num_tbl8 errno");
	conf.dir24_8.num_tbl8 = 127;
	conf.default_nh = 128;
	TEST_ASSERT_NULL(rte_fib_create("fib_err", SOCKET_ID_ANY, &conf), "default_nh 128");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "default_nh errno");
	TEST_ASSERT_NULL(rte_fib_find_existing("fib_err"), "nothing left behind");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "find errno");
	TEST_ASSERT_NULL(rte_rib_find_existing("fib_err"), "no RIB left behind");

	conf.default_nh = 127;
	fib = rte_fib_create("fib_err", SOCKET_ID_ANY, &conf);
	TEST_ASSERT_NOT_NULL(fib, "1B with 127 groups and default 127");
	TEST_ASSERT(rte_fib_find_existing("fib_err") == fib, "found by name");
	TEST_ASSERT(rte_rib_find_existing("fib_err") == rte_fib_get_rib(fib), "its RIB");
	TEST_ASSERT_NOT_NULL(rte_fib_get_dp(fib), "a data plane");
	again = rte_fib_create("fib_err", SOCKET_ID_ANY, &conf);
	TEST_ASSERT_NULL(again, "same name twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "same name errno");
	rte_fib_free(fib);
	TEST_ASSERT_NULL(rte_fib_find_existing("fib_err"), "gone after free");
	rte_fib_free(NULL);
	TEST_ASSERT_NULL(rte_fib_get_dp(NULL), "dp of NULL");
	TEST_ASSERT_NULL(rte_fib_get_rib(NULL), "rib of NULL");

	/* the name is free again */
	fib = rte_fib_create("fib_err", SOCKET_ID_ANY, &conf);
	TEST_ASSERT_NOT_NULL(fib, "create after free");
	rte_fib_free(fib);
	return TEST_SUCCESS;
}

static int
test_fib_args(void)
{
	struct rte_fib *fib =
		test_fib_make("fib_args", RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_2B, 64, FIB_DEF_NH);
	uint32_t ip = 1;
	uint64_t nh;

	TEST_ASSERT_NOT_NULL(fib, "create");
	TEST_ASSERT_EQUAL(rte_fib_add(NULL, 0, 8, 1), -EINVAL, "add NULL fib");
	TEST_ASSERT_EQUAL(rte_fib_delete(NULL, 0, 8), -EINVAL, "delete NULL fib");
	TEST_ASSERT_EQUAL(rte_fib_add(fib, 0, 33, 1), -EINVAL, "add depth 33");
	TEST_ASSERT_EQUAL(rte_fib_delete(fib, 0, 33), -EINVAL, "delete depth 33");
	TEST_ASSERT_EQUAL(rte_fib_add(fib, 0, 8, 1 << 15), -EINVAL, "2B next hop 2^15");
	TEST_ASSERT_EQUAL(rte_fib_delete(fib, IPV4(10, 0, 0, 0), 8), -ENOENT, "delete absent");
	TEST_ASSERT_EQUAL(rte_fib_lookup_bulk(NULL, &ip, &nh, 1), -EINVAL, "lookup NULL fib");
	TEST_ASSERT_EQUAL(rte_fib_lookup_bulk(fib, NULL, &nh, 1), -EINVAL, "lookup NULL ips");
	TEST_ASSERT_EQUAL(rte_fib_lookup_bulk(fib, &ip, NULL, 1), -EINVAL, "lookup NULL hops");
	TEST_ASSERT_EQUAL(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DIR24_8_VECTOR_AVX512), -EINVAL,
			  "AVX-512 lookup is not built");
	TEST_ASSERT_EQUAL(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE), 0,
			  "scalar inline");
	TEST_ASSERT_EQUAL(rte_fib_select_lookup(NULL, RTE_FIB_LOOKUP_DEFAULT), -EINVAL,
			  "select on NULL");
	/* host bits past the depth are ignored */
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(10, 1, 2, 3), 8, 9), "add with host bits");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(10, 200, 0, 1)), 9, "10/8");
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, IPV4(10, 9, 9, 9), 8), "delete with host bits");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(10, 200, 0, 1)), FIB_DEF_NH, "gone");
	rte_fib_free(fib);

	fib = test_fib_make("fib_args", RTE_FIB_DUMMY, 0, 0, FIB_DEF_NH);
	TEST_ASSERT_NOT_NULL(fib, "create dummy");
	TEST_ASSERT_EQUAL(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DEFAULT), -EINVAL,
			  "dummy has no lookup to select");
	TEST_ASSERT_EQUAL(rte_fib_delete(fib, 0, 0), -ENOENT, "dummy delete absent");
	rte_fib_free(fib);
	return TEST_SUCCESS;
}

struct test_fib_probe {
	uint32_t ip;
	uint64_t nh;
};

static int
test_fib_probes(struct rte_fib *fib, const struct test_fib_probe *p, unsigned int n,
		const char *when)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		TEST_ASSERT_EQUAL(test_fib_hop(fib, p[i].ip), p[i].nh, "%s: %u.%u.%u.%u", when,
				  p[i].ip >> 24, (p[i].ip >> 16) & 0xff, (p[i].ip >> 8) & 0xff,
				  p[i].ip & 0xff);
	return TEST_SUCCESS;
}

/* Overlapping prefixes on both sides of /24, then deletes that restore the covering route. */
static int
test_fib_overlap_one(enum rte_fib_type type)
{
	struct rte_fib *fib =
		test_fib_make("fib_overlap", type, RTE_FIB_DIR24_8_4B, 64, FIB_DEF_NH);
	const uint32_t a = IPV4(10, 1, 1, 0);
	const struct test_fib_probe all[] = {
		{IPV4(10, 200, 0, 0), 1},
		{IPV4(10, 1, 200, 0), 2},
		{a + 5, 3},
		{a + 128, 4},
		{a + 129, 5},
		{a + 255, 4},
		{IPV4(11, 0, 0, 0), FIB_DEF_NH},
		{IPV4(9, 255, 255, 255), FIB_DEF_NH},
	};
	const struct test_fib_probe no24[] = {
		{a + 5, 2}, {a + 127, 2}, {a + 128, 4}, {a + 129, 5}, {a - 1, 2}, {a + 256, 2},
	};
	const struct test_fib_probe no16[] = {
		{a + 5, 1},
		{a + 128, 4},
		{a + 129, 5},
		{IPV4(10, 1, 200, 0), 1},
	};
	const struct test_fib_probe none[] = {
		{a + 5, FIB_DEF_NH},
		{a + 128, FIB_DEF_NH},
		{a + 129, FIB_DEF_NH},
		{IPV4(10, 0, 0, 0), FIB_DEF_NH},
	};
	const struct test_fib_probe with_default[] = {
		{a + 5, 99},
		{0, 99},
		{UINT32_MAX, 99},
		{IPV4(10, 0, 0, 0), 99},
	};

	TEST_ASSERT_NOT_NULL(fib, "create");
	/* the longer routes first, so that shorter ones are laid around them */
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, a + 129, 32, 5), "/32");
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, a + 128, 25, 4), "/25");
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(10, 0, 0, 0), 8, 1), "/8");
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, a, 24, 3), "/24");
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(10, 1, 0, 0), 16, 2), "/16");
	if (test_fib_probes(fib, all, RTE_DIM(all), "all routes") != TEST_SUCCESS)
		return TEST_FAILED;

	/* changing a next hop rewrites only what that route holds */
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, a, 24, 33), "/24 again");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, a + 5), 33, "new /24 hop");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, a + 129), 5, "/32 kept");
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, a, 24, 3), "/24 back");

	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, a, 24), "delete /24");
	if (test_fib_probes(fib, no24, RTE_DIM(no24), "without /24") != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, IPV4(10, 1, 0, 0), 16), "delete /16");
	if (test_fib_probes(fib, no16, RTE_DIM(no16), "without /16") != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, a + 128, 25), "delete /25");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, a + 128), 1, "/25 falls back to /8");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, a + 129), 5, "/32 stays");
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, a + 129, 32), "delete /32");
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, IPV4(10, 0, 0, 0), 8), "delete /8");
	TEST_ASSERT_EQUAL(rte_fib_delete(fib, IPV4(10, 0, 0, 0), 8), -ENOENT, "deleted twice");
	if (test_fib_probes(fib, none, RTE_DIM(none), "none") != TEST_SUCCESS)
		return TEST_FAILED;

	/* a default route (depth 0) beats default_nh, and leaves with its delete */
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, 0, 0, 99), "0/0");
	if (test_fib_probes(fib, with_default, RTE_DIM(with_default), "0/0") != TEST_SUCCESS)
		return TEST_FAILED;
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, 0, 0), "delete 0/0");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, 0), FIB_DEF_NH, "back to default_nh");
	rte_fib_free(fib);
	return TEST_SUCCESS;
}

static int
test_fib_overlap(void)
{
	if (test_fib_overlap_one(RTE_FIB_DIR24_8) != TEST_SUCCESS)
		return TEST_FAILED;
	return test_fib_overlap_one(RTE_FIB_DUMMY);
}

/* Every entry size holds its largest next hop, in tbl24 and in a group. */
static int
test_fib_nh_sizes(void)
{
	enum rte_fib_dir24_8_nh_sz sz;
	struct rte_fib *fib;
	uint64_t max;

	for (sz = RTE_FIB_DIR24_8_1B; sz <= RTE_FIB_DIR24_8_8B; sz++) {
		max = (UINT64_C(1) << ((8u << sz) - 1)) - 1;
		fib = test_fib_make("fib_nh", RTE_FIB_DIR24_8, sz, 100, max);
		TEST_ASSERT_NOT_NULL(fib, "create %d", sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 2, 3, 4)), max, "default %d", sz);
		TEST_ASSERT_EQUAL(rte_fib_add(fib, IPV4(1, 0, 0, 0), 8, max + 1), -EINVAL,
				  "%d: max + 1", sz);
		TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(1, 0, 0, 0), 8, max - 1), "/8 %d", sz);
		TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(1, 2, 3, 0), 28, max), "/28 %d", sz);
		TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(1, 2, 3, 16), 28, 0), "/28 0 %d", sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 2, 3, 4)), max, "/28 %d", sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 2, 3, 17)), 0, "/28 0 %d", sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 2, 3, 32)), max - 1, "/8 in group %d",
				  sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 9, 0, 0)), max - 1, "/8 %d", sz);
		TEST_ASSERT_SUCCESS(rte_fib_delete(fib, IPV4(1, 0, 0, 0), 8), "del /8 %d", sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 2, 3, 32)), max, "default in group %d",
				  sz);
		TEST_ASSERT_EQUAL(test_fib_hop(fib, IPV4(1, 2, 3, 1)), max, "/28 kept %d", sz);
		rte_fib_free(fib);
	}
	return TEST_SUCCESS;
}

/* Routes past /24 take a group each /24; the last one refused leaves nothing behind. */
static int
test_fib_tbl8_exhaustion(void)
{
	/* 64 groups: DPDK sizes the pool in multiples of 64 */
	struct rte_fib *fib =
		test_fib_make("fib_tbl8", RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_2B, 64, FIB_DEF_NH);
	const uint32_t base = IPV4(20, 0, 0, 0);
	uint32_t i;

	TEST_ASSERT_NOT_NULL(fib, "create");
	for (i = 0; i < 64; i++)
		TEST_ASSERT_SUCCESS(rte_fib_add(fib, base + (i << 8) + 1, 32, 100 + i), "/32 %u",
				    i);
	TEST_ASSERT_EQUAL(rte_fib_add(fib, base + (64 << 8) + 1, 32, 1), -ENOSPC, "65th group");
	TEST_ASSERT_NULL(rte_rib_lookup_exact(rte_fib_get_rib(fib), base + (64 << 8) + 1, 32),
			 "the refused route is not in the RIB");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + (64 << 8) + 1), FIB_DEF_NH, "refused route");
	/* a /24 that has a group takes more long routes */
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, base + 2, 31, 5), "/31 in a used /24");
	/* routes up to /24 need no group */
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(30, 0, 0, 0), 24, 6), "/24");
	TEST_ASSERT_SUCCESS(rte_fib_add(fib, base, 16, 8), "/16 over the groups");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + (5 << 8) + 1), 105, "/32 under /16");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + (5 << 8) + 2), 8, "/16 beside it");

	/* a group comes back when its /24's last long route goes */
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, base + (7 << 8) + 1, 32), "delete one");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + (7 << 8) + 1), 8, "deleted -> /16");
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, base + 1, 32), "delete in the /24 with a /31");
	TEST_ASSERT_EQUAL(rte_fib_add(fib, base + (64 << 8) + 1, 32, 1), 0, "a group is free");
	TEST_ASSERT_EQUAL(rte_fib_add(fib, base + (65 << 8) + 1, 32, 1), -ENOSPC, "full again");
	TEST_ASSERT_SUCCESS(rte_fib_delete(fib, base + 2, 31), "delete /31");
	TEST_ASSERT_EQUAL(rte_fib_add(fib, base + (65 << 8) + 1, 32, 2), 0, "its group is free");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + (64 << 8) + 1), 1, "new /32");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + (65 << 8) + 1), 2, "newer /32");
	TEST_ASSERT_EQUAL(test_fib_hop(fib, base + 2), 8, "/31 gone");

	/* empty it all: every group is free again */
	for (i = 1; i < 66; i++)
		if (i != 7)
			TEST_ASSERT_SUCCESS(rte_fib_delete(fib, base + (i << 8) + 1, 32), "del %u",
					    i);
	for (i = 0; i < 64; i++)
		TEST_ASSERT_SUCCESS(rte_fib_add(fib, IPV4(40, 0, i, 9), 30, 3), "refill %u", i);
	rte_fib_free(fib);
	return TEST_SUCCESS;
}

#define REF_ROUTES 3000
#define REF_LOOKUPS 100000

struct test_fib_route {
	uint32_t ip;
	uint8_t depth;
	uint64_t nh;
	bool live;
};

static uint32_t
test_fib_mask(uint8_t depth)
{
	return depth == 0 ? 0 : UINT32_MAX << (32 - depth);
}

/* The answer of a linear scan: the longest live route holding ip. */
static uint64_t
test_fib_scan(const struct test_fib_route *r, unsigned int n, uint32_t ip, uint64_t def)
{
	int best = -1;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (r[i].live && (ip & test_fib_mask(r[i].depth)) == r[i].ip &&
		    (best < 0 || r[i].depth > r[best].depth))
			best = (int)i;
	return best < 0 ? def : r[best].nh;
}

/* An address near the routes most of the time, so that long prefixes get hit. */
static uint32_t
test_fib_rand_ip(const struct test_fib_route *r, unsigned int n)
{
	if (rte_rand() % 4 == 0)
		return (uint32_t)rte_rand();
	return r[rte_rand() % n].ip | ((uint32_t)rte_rand() & 0x3ff);
}

static int
test_fib_ref_check(struct rte_fib *fib, const struct test_fib_route *r, unsigned int n,
		   uint32_t *ips, uint64_t *hops, const char *when)
{
	unsigned int i;

	for (i = 0; i < REF_LOOKUPS; i++)
		ips[i] = test_fib_rand_ip(r, n);
	TEST_ASSERT_SUCCESS(rte_fib_lookup_bulk(fib, ips, hops, REF_LOOKUPS), "%s: bulk", when);
	for (i = 0; i < REF_LOOKUPS; i++) {
		uint64_t want = test_fib_scan(r, n, ips[i], FIB_DEF_NH);

		TEST_ASSERT_EQUAL(hops[i], want, "%s: address %08x", when, ips[i]);
	}
	return TEST_SUCCESS;
}

static int
test_fib_random_one(enum rte_fib_type type, enum rte_fib_lookup_type lookup, unsigned int routes)
{
	struct test_fib_route *r = calloc(routes, sizeof(*r));
	uint32_t *ips = malloc(REF_LOOKUPS * sizeof(*ips));
	uint64_t *hops = malloc(REF_LOOKUPS * sizeof(*hops));
	struct rte_fib *fib = test_fib_make("fib_ref", type, RTE_FIB_DIR24_8_4B, 2048, FIB_DEF_NH);
	int ret = TEST_FAILED;
	unsigned int i, j;

	if (r == NULL || ips == NULL || hops == NULL || fib == NULL) {
		printf("  FAIL: no memory or no FIB (%s)\n", rte_strerror(rte_errno));
		goto out;
	}
	if (type == RTE_FIB_DIR24_8 && rte_fib_select_lookup(fib, lookup) != 0) {
		printf("  FAIL: select lookup %d\n", lookup);
		goto out;
	}
	for (i = 0; i < routes; i++) {
		/* depths spread over 0-32, a third of them past /24 */
		r[i].depth = rte_rand() % 3 == 0 ? 25 + rte_rand() % 8 : rte_rand() % 25;
		if (i > 0 && rte_rand() % 2)
			/* near an earlier route, so that prefixes nest */
			r[i].ip = r[rte_rand() % i].ip ^ ((uint32_t)rte_rand() & 0xfff);
		else
			r[i].ip = (uint32_t)rte_rand();
		r[i].ip &= test_fib_mask(r[i].depth);
		r[i].nh = rte_rand() % 100000;
		for (j = 0; j < i; j++)
			if (r[j].live && r[j].ip == r[i].ip && r[j].depth == r[i].depth)
				r[j].live = false; /* the add replaces its next hop */
		if (rte_fib_add(fib, r[i].ip, r[i].depth, r[i].nh) != 0) {
			printf("  FAIL: add %08x/%u\n", r[i].ip, r[i].depth);
			goto out;
		}
		r[i].live = true;
	}
	if (test_fib_ref_check(fib, r, routes, ips, hops, "all added") != TEST_SUCCESS)
		goto out;
	for (i = 0; i < routes; i++) {
		if (!r[i].live || rte_rand() % 2)
			continue;
		if (rte_fib_delete(fib, r[i].ip, r[i].depth) != 0) {
			printf("  FAIL: delete %08x/%u\n", r[i].ip, r[i].depth);
			goto out;
		}
		r[i].live = false;
	}
	if (test_fib_ref_check(fib, r, routes, ips, hops, "half deleted") != TEST_SUCCESS)
		goto out;
	ret = TEST_SUCCESS;
out:
	rte_fib_free(fib);
	free(r);
	free(ips);
	free(hops);
	return ret;
}

static int
test_fib_random_reference(void)
{
	static const enum rte_fib_lookup_type lookups[] = {
		RTE_FIB_LOOKUP_DEFAULT,
		RTE_FIB_LOOKUP_DIR24_8_SCALAR_MACRO,
		RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE,
		RTE_FIB_LOOKUP_DIR24_8_SCALAR_UNI,
	};
	uint64_t seed = rte_rdtsc();
	unsigned int i;

	printf("  seed %" PRIu64 "\n", seed);
	rte_srand(seed);
	for (i = 0; i < RTE_DIM(lookups); i++)
		if (test_fib_random_one(RTE_FIB_DIR24_8, lookups[i], REF_ROUTES) != TEST_SUCCESS)
			return TEST_FAILED;
	/* the dummy type walks the RIB for every address: fewer routes keep it short */
	return test_fib_random_one(RTE_FIB_DUMMY, RTE_FIB_LOOKUP_DEFAULT, REF_ROUTES / 3);
}

static const struct test_case test_fib_cases[] = {
	TEST_CASE(test_fib_create_errors),
	TEST_CASE(test_fib_args),
	TEST_CASE(test_fib_overlap),
	TEST_CASE(test_fib_nh_sizes),
	TEST_CASE(test_fib_tbl8_exhaustion),
	TEST_CASE(test_fib_random_reference),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(fib, TEST_SUITE_EAL, test_fib_cases);
