/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Toeplitz contexts (rte_thash_init_ctx and its helpers): a complement
 * brings any tuple to any desired low hash bits, helpers added later keep
 * earlier ones true, refused ranges leave the key as it was, and the GFNI
 * forms behave as DPDK's do on a CPU without GFNI.
 */
#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_random.h>
#include <rte_thash.h>

#include "test.h"

#define KEY_LEN 40
#define TUPLE_LEN 16

/* rte_softrss of a tuple in network order. */
static uint32_t
tuple_hash(const uint8_t *tuple, unsigned int len, const uint8_t *key)
{
	uint32_t w[TUPLE_LEN / 4 + 8];

	for (unsigned int i = 0; i < len / 4; i++) {
		memcpy(&w[i], tuple + 4 * i, 4);
		w[i] = rte_be_to_cpu_32(w[i]);
	}
	return rte_softrss(w, len / 4, key);
}

/* XOR the r-bit value v into tuple so that its last bit lands on bit `last`. */
static void
tuple_flip(uint8_t *tuple, uint32_t last, uint32_t r, uint32_t v)
{
	for (uint32_t k = 0; k < r; k++) {
		uint32_t pos = last - k;

		if (v & (1u << k))
			tuple[pos / 8] ^= (uint8_t)(0x80 >> (pos % 8));
	}
}

/* 100 random tuples reach a random desired value through h's complement. */
static int
check_helper(struct rte_thash_ctx *ctx, const char *name, uint32_t r, uint32_t offset, uint32_t len)
{
	struct rte_thash_subtuple_helper *h = rte_thash_get_helper(ctx, name);
	const uint8_t *key = rte_thash_get_key(ctx);
	uint32_t mask = (1u << r) - 1;

	TEST_ASSERT_NOT_NULL(h, "helper %s", name);
	for (int n = 0; n < 100; n++) {
		uint8_t tuple[TUPLE_LEN];
		uint32_t desired = (uint32_t)rte_rand() & mask, adj;

		for (unsigned int i = 0; i < sizeof(tuple); i++)
			tuple[i] = (uint8_t)rte_rand();
		adj = rte_thash_get_complement(h, tuple_hash(tuple, sizeof(tuple), key), desired);
		TEST_ASSERT(adj <= mask, "complement %#x wider than %u bits", adj, r);
		tuple_flip(tuple, offset + len - 1, r, adj);
		TEST_ASSERT_EQUAL(tuple_hash(tuple, sizeof(tuple), key) & mask, desired,
				  "helper %s (r %u, bits %u+%u): low bits not the desired %#x",
				  name, r, offset, len, desired);
	}
	return TEST_SUCCESS;
}

static int
test_thash_ctx_lifecycle(void)
{
	uint8_t key[KEY_LEN];
	struct rte_thash_ctx *ctx;

	for (unsigned int i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 7 + 1);
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_thash_init_ctx(NULL, KEY_LEN, 7, NULL, 0), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno %d", rte_errno);
	TEST_ASSERT_NULL(rte_thash_init_ctx("t", 0, 7, NULL, 0), "no key");
	TEST_ASSERT_NULL(rte_thash_init_ctx("t", KEY_LEN, 1, NULL, 0), "reta_sz 1");
	TEST_ASSERT_NULL(rte_thash_init_ctx("t", KEY_LEN, 17, NULL, 0), "reta_sz 17");

	ctx = rte_thash_init_ctx("thash_life", KEY_LEN, 7, key, 0);
	TEST_ASSERT_NOT_NULL(ctx, "create");
	TEST_ASSERT(memcmp(rte_thash_get_key(ctx), key, sizeof(key)) == 0, "key copied");
	TEST_ASSERT(rte_thash_find_existing("thash_life") == ctx, "found by name");
	TEST_ASSERT_NULL(rte_thash_init_ctx("thash_life", KEY_LEN, 7, NULL, 0), "same name");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "rte_errno %d", rte_errno);
	TEST_ASSERT_NULL(rte_thash_get_gfni_matrices(ctx), "no GFNI matrices");
	rte_thash_free_ctx(ctx);
	rte_thash_free_ctx(NULL);
	TEST_ASSERT_NULL(rte_thash_find_existing("thash_life"), "gone");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "rte_errno %d", rte_errno);
	TEST_ASSERT_NULL(rte_thash_get_key(NULL), "NULL ctx");
	TEST_ASSERT_EQUAL(rte_thash_get_complement(NULL, 1, 2), 0, "NULL helper");
	return TEST_SUCCESS;
}

/* Every degree: the complement works, and only the helper's key bits change. */
static int
test_thash_ctx_complement(void)
{
	uint8_t key[KEY_LEN];

	for (uint32_t r = RTE_THASH_RETA_SZ_MIN; r <= RTE_THASH_RETA_SZ_MAX; r++) {
		for (int minimal = 0; minimal <= 1; minimal++) {
			uint32_t len = r + (uint32_t)rte_rand_max(TUPLE_LEN * 8 - r + 1);
			uint32_t offset = (uint32_t)rte_rand_max(TUPLE_LEN * 8 - len + 1);
			uint32_t end = offset + len + 31;
			uint32_t start = minimal ? end - (2 * r - 1) : offset;
			struct rte_thash_ctx *ctx;
			const uint8_t *k;
			int ret;

			for (unsigned int i = 0; i < sizeof(key); i++)
				key[i] = (uint8_t)rte_rand();
			ctx = rte_thash_init_ctx("thash_compl", KEY_LEN, r, key,
						 RTE_THASH_IGNORE_PERIOD_OVERFLOW |
							 (minimal ? RTE_THASH_MINIMAL_SEQ : 0));
			TEST_ASSERT_NOT_NULL(ctx, "create r %u", r);
			ret = rte_thash_add_helper(ctx, "h", len, offset);
			TEST_ASSERT_SUCCESS(ret, "add r %u len %u offset %u: %d", r, len, offset,
					    ret);
			k = rte_thash_get_key(ctx);
			for (uint32_t b = 0; b < KEY_LEN * 8; b++) {
				unsigned int was = (key[b / 8] >> (7 - b % 8)) & 1;
				unsigned int now = (k[b / 8] >> (7 - b % 8)) & 1;

				TEST_ASSERT(b >= start && b < end ? 1 : was == now,
					    "r %u: key bit %u outside [%u, %u) changed", r, b,
					    start, end);
			}
			ret = check_helper(ctx, "h", r, offset, len);
			rte_thash_free_ctx(ctx);
			if (ret != TEST_SUCCESS)
				return ret;
		}
	}
	return TEST_SUCCESS;
}

/* Helpers added in any order over overlapping ranges all keep working. */
static int
test_thash_ctx_overlap(void)
{
	static const struct {
		const char *name;
		uint32_t len, offset;
	} ranges[] = {
		{"a", 8, 56},  {"b", 8, 64}, {"c", 8, 120}, {"d", 8, 48},
		{"e", 40, 40}, {"f", 7, 57}, {"g", 8, 0},
	};
	struct rte_thash_ctx *ctx = rte_thash_init_ctx("thash_overlap", KEY_LEN, 7, NULL, 0);
	uint8_t before[KEY_LEN];
	int ret;

	TEST_ASSERT_NOT_NULL(ctx, "create");
	for (unsigned int i = 0; i < RTE_DIM(ranges); i++) {
		ret = rte_thash_add_helper(ctx, ranges[i].name, ranges[i].len, ranges[i].offset);
		TEST_ASSERT_SUCCESS(ret, "add %s: %d", ranges[i].name, ret);
		/* the earlier helpers stay true after each addition */
		for (unsigned int j = 0; j <= i; j++) {
			ret = check_helper(ctx, ranges[j].name, 7, ranges[j].offset, ranges[j].len);
			if (ret != TEST_SUCCESS)
				goto out;
		}
	}
	/* a range over two separate runs ([0, 39) and [40, 111)) is refused, key untouched */
	memcpy(before, rte_thash_get_key(ctx), sizeof(before));
	ret = rte_thash_add_helper(ctx, "x", 10, 20);
	TEST_ASSERT_EQUAL(ret, -EEXIST, "range over two runs: %d", ret);
	TEST_ASSERT(memcmp(before, rte_thash_get_key(ctx), sizeof(before)) == 0, "key changed");
	TEST_ASSERT_NULL(rte_thash_get_helper(ctx, "x"), "refused helper listed");
	TEST_ASSERT_EQUAL(rte_thash_add_helper(ctx, "a", 8, 200), -EEXIST, "same name");
	TEST_ASSERT_EQUAL(rte_thash_add_helper(ctx, "y", 6, 0), -EINVAL, "shorter than reta_sz");
	TEST_ASSERT_EQUAL(rte_thash_add_helper(ctx, "y", 8, KEY_LEN * 8 - 38), -EINVAL,
			  "key bits past the key");
	TEST_ASSERT_EQUAL(rte_thash_add_helper(NULL, "y", 8, 0), -EINVAL, "NULL ctx");
	TEST_ASSERT_EQUAL(rte_thash_add_helper(ctx, NULL, 8, 0), -EINVAL, "NULL name");
	ret = TEST_SUCCESS;
out:
	rte_thash_free_ctx(ctx);
	return ret;
}

/* A degree-r sequence repeats after 2^r - 1 bits: longer ranges need the flag. */
static int
test_thash_ctx_period(void)
{
	struct rte_thash_ctx *ctx = rte_thash_init_ctx("thash_period", KEY_LEN, 7, NULL, 0);

	TEST_ASSERT_NOT_NULL(ctx, "create");
	TEST_ASSERT_EQUAL(rte_thash_add_helper(ctx, "long", 97, 0), -ENOSPC, "128 key bits");
	TEST_ASSERT_SUCCESS(rte_thash_add_helper(ctx, "fits", 96, 0), "127 key bits");
	/* extending that run past 127 bits is refused too */
	TEST_ASSERT_EQUAL(rte_thash_add_helper(ctx, "more", 8, 100), -ENOSPC, "run of 139 bits");
	rte_thash_free_ctx(ctx);

	ctx = rte_thash_init_ctx("thash_period", KEY_LEN, 7, NULL,
				 RTE_THASH_IGNORE_PERIOD_OVERFLOW);
	TEST_ASSERT_NOT_NULL(ctx, "create with the flag");
	TEST_ASSERT_SUCCESS(rte_thash_add_helper(ctx, "long", 138, 0), "flag set");
	rte_thash_free_ctx(ctx);
	return TEST_SUCCESS;
}

static unsigned int refusals;

/* Refuses the first `refusals` tuples it is shown. */
static int
refuse_some(void *userdata, uint8_t *tuple)
{
	unsigned int *seen = userdata;

	RTE_SET_USED(tuple);
	return ++*seen > refusals;
}

static int
test_thash_ctx_adjust(void)
{
	const uint32_t r = 8, mask = (1u << r) - 1;
	struct rte_thash_ctx *ctx = rte_thash_init_ctx("thash_adjust", KEY_LEN, r, NULL, 0);
	struct rte_thash_subtuple_helper *h;
	uint8_t tuple[TUPLE_LEN];
	unsigned int seen;
	uint32_t desired = (uint32_t)rte_rand() & mask;

	TEST_ASSERT_NOT_NULL(ctx, "create");
	/* the range starts mid-byte; its first 8 bits count the attempts */
	TEST_ASSERT_SUCCESS(rte_thash_add_helper(ctx, "p", 2 * r, 44), "add");
	h = rte_thash_get_helper(ctx, "p");
	memset(tuple, 0xab, sizeof(tuple));
	TEST_ASSERT_SUCCESS(
		rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), desired, 1, NULL, NULL),
		"adjust");
	TEST_ASSERT_EQUAL(tuple_hash(tuple, sizeof(tuple), rte_thash_get_key(ctx)) & mask, desired,
			  "adjusted tuple hash");
	for (unsigned int i = 0; i < sizeof(tuple); i++)
		TEST_ASSERT(i == 5 || i == 6 || i == 7 || tuple[i] == 0xab,
			    "byte %u outside changed", i);

	/* refused twice, accepted the third time; the hash is right each time */
	memset(tuple, 0xab, sizeof(tuple));
	seen = 0;
	refusals = 2;
	TEST_ASSERT_SUCCESS(rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), desired, 5,
						   refuse_some, &seen),
			    "third attempt");
	TEST_ASSERT_EQUAL(seen, 3, "fn called %u times", seen);
	TEST_ASSERT_EQUAL(tuple_hash(tuple, sizeof(tuple), rte_thash_get_key(ctx)) & mask, desired,
			  "hash after retries");
	/* never accepted: -EEXIST after exactly `attempts` tries */
	seen = 0;
	refusals = 100;
	TEST_ASSERT_EQUAL(rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), desired, 4,
						 refuse_some, &seen),
			  -EEXIST, "all refused");
	TEST_ASSERT_EQUAL(seen, 4, "fn called %u times", seen);

	TEST_ASSERT_EQUAL(rte_thash_adjust_tuple(ctx, h, tuple, 15, desired, 1, NULL, NULL),
			  -EINVAL, "length not a multiple of 4");
	TEST_ASSERT_EQUAL(rte_thash_adjust_tuple(ctx, h, tuple, KEY_LEN, desired, 1, NULL, NULL),
			  -EINVAL, "tuple as long as the key");
	TEST_ASSERT_EQUAL(rte_thash_adjust_tuple(ctx, h, tuple, 4, desired, 1, NULL, NULL), -EINVAL,
			  "range outside the tuple");
	TEST_ASSERT_EQUAL(
		rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), desired, 0, NULL, NULL),
		-EINVAL, "no attempts");
	rte_thash_free_ctx(ctx);
	return TEST_SUCCESS;
}

static int
test_thash_ctx_gfni(void)
{
	static const uint8_t key[2] = {0x12, 0x34};
	uint64_t m[2];
	const uint8_t *mb = (const uint8_t *)m;
	uint8_t tuple[TUPLE_LEN] = {1};
	uint8_t *tuples[2] = {tuple, tuple};
	uint32_t val[2] = {7, 7};

	TEST_ASSERT_EQUAL(rte_thash_gfni_supported(), 0, "no GFNI form is built");
	rte_thash_complete_matrix(m, key, 2);
	/* matrix i, byte j: the 8 key bits from bit 8i + j on, wrapping */
	TEST_ASSERT(mb[0] == 0x12 && mb[1] == 0x24 && mb[8] == 0x34 && mb[9] == 0x68 &&
			    mb[15] == 0x09,
		    "matrices %02x %02x %02x %02x %02x", mb[0], mb[1], mb[8], mb[9], mb[15]);
	TEST_ASSERT_EQUAL(rte_thash_gfni(m, tuple, TUPLE_LEN), 0, "gfni hash without GFNI");
	rte_thash_gfni_bulk(m, TUPLE_LEN, tuples, val, 2);
	TEST_ASSERT(val[0] == 0 && val[1] == 0, "bulk results zeroed");
	return TEST_SUCCESS;
}

static const struct test_case thash_ctx_cases[] = {
	TEST_CASE(test_thash_ctx_lifecycle),
	TEST_CASE(test_thash_ctx_complement),
	TEST_CASE(test_thash_ctx_overlap),
	TEST_CASE(test_thash_ctx_period),
	TEST_CASE(test_thash_ctx_adjust),
	TEST_CASE(test_thash_ctx_gfni),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(thash_ctx, TEST_SUITE_EAL, thash_ctx_cases);
