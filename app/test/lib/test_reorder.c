/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * reorder: packets inserted out of order drain in order; late, duplicate
 * and far-early packets are refused with ERANGE, a slide blocked by a full
 * ready buffer with ENOSPC; missing packets hold the drain until the window
 * slides past them; sequence numbers wrap; reset and free give every held
 * mbuf back to its pool; named buffers, caller memory and argument errors.
 */
#include <errno.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_mempool.h>
#include <rte_reorder.h>

#include "test.h"

#define POOL_SIZE 63

static struct rte_mempool *test_reorder_pool;

static int
test_reorder_pool_get(void)
{
	if (test_reorder_pool == NULL)
		test_reorder_pool = rte_pktmbuf_pool_create(
			"test_reorder", POOL_SIZE, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return test_reorder_pool == NULL ? -1 : 0;
}

/* Each case frees the pool when it passes: nothing is left at exit. */
static void
test_reorder_pool_put(void)
{
	rte_mempool_free(test_reorder_pool);
	test_reorder_pool = NULL;
}

/* An mbuf stamped with sequence number seqn, or NULL. */
static struct rte_mbuf *
test_reorder_pkt(uint32_t seqn)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(test_reorder_pool);

	if (m != NULL)
		*rte_reorder_seqn(m) = seqn;
	return m;
}

/* Insert a packet numbered seqn; returns insert's result, the mbuf freed
 * when refused. */
static int
test_reorder_put(struct rte_reorder_buffer *b, uint32_t seqn)
{
	struct rte_mbuf *m = test_reorder_pkt(seqn);
	int ret;

	if (m == NULL)
		return -2;
	ret = rte_reorder_insert(b, m);
	if (ret != 0)
		rte_pktmbuf_free(m);
	return ret;
}

/*
 * Drain up to max packets and check they carry want[0..n-1] in that order;
 * frees them. TEST_SUCCESS or TEST_FAILED.
 */
static int
test_reorder_expect(struct rte_reorder_buffer *b, unsigned int max, const uint32_t *want,
		    unsigned int n)
{
	struct rte_mbuf *out[64];
	unsigned int got, i;
	int ret = TEST_SUCCESS;

	got = rte_reorder_drain(b, out, max);
	if (got != n) {
		printf("  drained %u packets, want %u\n", got, n);
		ret = TEST_FAILED;
	}
	for (i = 0; i < got; i++) {
		if (i < n && *rte_reorder_seqn(out[i]) != want[i]) {
			printf("  drained #%u is seqn %u, want %u\n", i, *rte_reorder_seqn(out[i]),
			       want[i]);
			ret = TEST_FAILED;
		}
		rte_pktmbuf_free(out[i]);
	}
	return ret;
}

#define EXPECT(b, max, ...)                                                                 \
	do {                                                                                \
		const uint32_t _w[] = {__VA_ARGS__};                                        \
		TEST_ASSERT_SUCCESS(test_reorder_expect(b, max, _w, RTE_DIM(_w)), "drain"); \
	} while (0)
#define EXPECT_NONE(b) TEST_ASSERT_SUCCESS(test_reorder_expect(b, 8, NULL, 0), "nothing drained")

static int
test_reorder_in_order_drain(void)
{
	static const uint32_t seqs[] = {100, 103, 101, 102, 105, 104, 107};
	struct rte_reorder_buffer *b;
	unsigned int i;

	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	b = rte_reorder_create("test_ro_order", SOCKET_ID_ANY, 8);
	TEST_ASSERT_NOT_NULL(b, "create");
	TEST_ASSERT(rte_reorder_seqn_dynfield_offset >= 0, "seqn field registered");
	TEST_ASSERT_EQUAL(rte_reorder_seqn_dynfield_offset,
			  rte_mbuf_dynfield_lookup("rte_reorder_seqn_dynfield", NULL),
			  "field under DPDK's name");
	EXPECT_NONE(b);
	/* The first packet (100) starts the window. */
	for (i = 0; i < RTE_DIM(seqs); i++)
		TEST_ASSERT_SUCCESS(test_reorder_put(b, seqs[i]), "insert %u", seqs[i]);
	/* 106 is missing: 107 waits behind it; max_mbufs is honoured. */
	EXPECT(b, 2, 100, 101);
	EXPECT(b, 8, 102, 103, 104, 105);
	EXPECT_NONE(b);
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 106), "the missing one");
	EXPECT(b, 8, 106, 107);
	rte_reorder_free(b);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(test_reorder_pool), POOL_SIZE, "all back");
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

static int
test_reorder_late_and_far(void)
{
	struct rte_reorder_buffer *b;

	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	b = rte_reorder_create("test_ro_late", SOCKET_ID_ANY, 4);
	TEST_ASSERT_NOT_NULL(b, "create");
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 10), "first");
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 11), "second");
	EXPECT(b, 8, 10, 11);
	/* Behind the window: late. */
	TEST_ASSERT_EQUAL(test_reorder_put(b, 11), -1, "drained already");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "late packet");
	TEST_ASSERT_EQUAL(test_reorder_put(b, 3), -1, "long gone");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "late packet");
	/* Two windows ahead of 12 (size 4): 20 is too early. */
	TEST_ASSERT_EQUAL(test_reorder_put(b, 20), -1, "too early");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "too early");
	/* A number held already is refused, the first copy kept. */
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 13), "13");
	TEST_ASSERT_EQUAL(test_reorder_put(b, 13), -1, "duplicate");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "duplicate");
	TEST_ASSERT_EQUAL(rte_reorder_insert(b, NULL), -1, "NULL mbuf");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL mbuf");
	TEST_ASSERT_EQUAL(rte_reorder_insert(NULL, NULL), -1, "NULL buffer");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL buffer");
	rte_reorder_free(b);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(test_reorder_pool), POOL_SIZE, "all back");
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

/*
 * Size 4: a packet one window ahead slides the full window into the ready
 * buffer; the next slide needs room there (ENOSPC) until a drain.
 */
static int
test_reorder_window_full(void)
{
	struct rte_reorder_buffer *b;
	uint32_t s;

	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	b = rte_reorder_create("test_ro_full", SOCKET_ID_ANY, 4);
	TEST_ASSERT_NOT_NULL(b, "create");
	for (s = 0; s < 4; s++)
		TEST_ASSERT_SUCCESS(test_reorder_put(b, s), "insert %u", s);
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 4), "slides 0-3 to ready");
	TEST_ASSERT_EQUAL(test_reorder_put(b, 8), -1, "no room to slide");
	TEST_ASSERT_EQUAL(rte_errno, ENOSPC, "ready buffer full");
	TEST_ASSERT_EQUAL(test_reorder_put(b, 12), -1, "two windows ahead");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "two windows ahead");
	EXPECT(b, 3, 0, 1, 2);
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 8), "room for one");
	/* 4 moved to ready behind 3; 5-7 missing now hold 8. */
	EXPECT(b, 8, 3, 4);
	EXPECT_NONE(b);
	rte_reorder_free(b);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(test_reorder_pool), POOL_SIZE, "8 freed too");
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

/* A missing packet holds the drain until a later one slides past it. */
static int
test_reorder_gaps(void)
{
	struct rte_reorder_buffer *b;

	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	b = rte_reorder_create("test_ro_gaps", SOCKET_ID_ANY, 4);
	TEST_ASSERT_NOT_NULL(b, "create");
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 0), "0");
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 2), "2");
	EXPECT(b, 8, 0);
	EXPECT_NONE(b);
	/* 5 is one past the window 1-4: 1 is given up, 2 goes to ready. */
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 5), "5");
	TEST_ASSERT_EQUAL(test_reorder_put(b, 1), -1, "given up");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "1 is late now");
	EXPECT(b, 8, 2);
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 3), "3");
	EXPECT(b, 8, 3);
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 4), "4");
	EXPECT(b, 8, 4, 5);
	rte_reorder_free(b);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(test_reorder_pool), POOL_SIZE, "all back");
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

static int
test_reorder_wrap(void)
{
	static const uint32_t seqs[] = {UINT32_MAX - 1, 1, UINT32_MAX, 0};
	struct rte_reorder_buffer *b;
	unsigned int i;

	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	b = rte_reorder_create("test_ro_wrap", SOCKET_ID_ANY, 8);
	TEST_ASSERT_NOT_NULL(b, "create");
	for (i = 0; i < RTE_DIM(seqs); i++)
		TEST_ASSERT_SUCCESS(test_reorder_put(b, seqs[i]), "insert %u", seqs[i]);
	EXPECT(b, 8, UINT32_MAX - 1, UINT32_MAX, 0, 1);
	/* Behind the window across the wrap: late. */
	TEST_ASSERT_EQUAL(test_reorder_put(b, UINT32_MAX), -1, "late across wrap");
	TEST_ASSERT_EQUAL(rte_errno, ERANGE, "late across wrap");
	rte_reorder_free(b);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(test_reorder_pool), POOL_SIZE, "all back");
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

/* Reset frees what the buffer holds and lets the next packet restart it. */
static int
test_reorder_reset(void)
{
	struct rte_reorder_buffer *b;
	uint32_t s;

	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	b = rte_reorder_create("test_ro_reset", SOCKET_ID_ANY, 4);
	TEST_ASSERT_NOT_NULL(b, "create");
	for (s = 0; s < 6; s++)
		TEST_ASSERT_SUCCESS(test_reorder_put(b, s), "insert %u", s);
	TEST_ASSERT_EQUAL(rte_mempool_in_use_count(test_reorder_pool), 6, "held");
	rte_reorder_reset(b);
	TEST_ASSERT_EQUAL(rte_mempool_in_use_count(test_reorder_pool), 0, "reset frees them");
	EXPECT_NONE(b);
	TEST_ASSERT_SUCCESS(test_reorder_put(b, 1000), "a new start");
	EXPECT(b, 8, 1000);
	TEST_ASSERT(rte_reorder_find_existing("test_ro_reset") == b, "still listed");
	rte_reorder_free(b);
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

static int
test_reorder_names_and_memory(void)
{
	struct rte_reorder_buffer *b, *b2, *mem;
	unsigned int small = 64, big = 4096;

	b = rte_reorder_create("test_ro_name", SOCKET_ID_ANY, 16);
	TEST_ASSERT_NOT_NULL(b, "create");
	TEST_ASSERT(rte_reorder_create("test_ro_name", SOCKET_ID_ANY, 32) == b,
		    "same name gives the existing buffer");
	TEST_ASSERT(rte_reorder_find_existing("test_ro_name") == b, "found");
	TEST_ASSERT_NULL(rte_reorder_find_existing("test_ro_none"), "absent");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "absent");
	TEST_ASSERT_NULL(rte_reorder_find_existing(NULL), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name");
	rte_reorder_free(b);
	TEST_ASSERT_NULL(rte_reorder_find_existing("test_ro_name"), "freed");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "freed");
	rte_reorder_free(NULL);

	TEST_ASSERT_NULL(rte_reorder_create(NULL, SOCKET_ID_ANY, 16), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name");
	TEST_ASSERT_NULL(rte_reorder_create("test_ro_bad", SOCKET_ID_ANY, 2049), "size");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "not a power of two");
	TEST_ASSERT_NULL(rte_reorder_create("test_ro_bad", SOCKET_ID_ANY, 0), "size 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "size 0");
	TEST_ASSERT_NULL(rte_reorder_create("test_ro_bad", SOCKET_ID_ANY, 1u << 31), "2^31");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "size too large");

	/* Caller memory: too small, then enough for 64 slots. */
	mem = rte_zmalloc(NULL, big, 0);
	TEST_ASSERT_NOT_NULL(mem, "memory");
	TEST_ASSERT_NULL(rte_reorder_init(NULL, big, "test_ro_mem", 64), "NULL memory");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL memory");
	TEST_ASSERT_NULL(rte_reorder_init(mem, small, "test_ro_mem", 64), "too small");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "too small");
	TEST_ASSERT_NULL(rte_reorder_init(mem, big, NULL, 64), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL name");
	TEST_ASSERT_NULL(rte_reorder_init(mem, big, "test_ro_mem", 1024), "1024 slots");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "16 KiB needed");
	b2 = rte_reorder_init(mem, big, "test_ro_mem", 64);
	TEST_ASSERT(b2 == mem, "init in caller memory");
	TEST_ASSERT_NULL(rte_reorder_find_existing("test_ro_mem"), "not listed");
	TEST_ASSERT_SUCCESS(test_reorder_pool_get(), "pool");
	TEST_ASSERT_SUCCESS(test_reorder_put(b2, 7), "7");
	TEST_ASSERT_SUCCESS(test_reorder_put(b2, 8), "8");
	EXPECT(b2, 8, 7, 8);
	rte_reorder_free(b2); /* not ours to free: ignored */
	rte_free(mem);
	test_reorder_pool_put();
	return TEST_SUCCESS;
}

static const struct test_case test_reorder_cases[] = {
	TEST_CASE(test_reorder_in_order_drain),
	TEST_CASE(test_reorder_late_and_far),
	TEST_CASE(test_reorder_window_full),
	TEST_CASE(test_reorder_gaps),
	TEST_CASE(test_reorder_wrap),
	TEST_CASE(test_reorder_reset),
	TEST_CASE(test_reorder_names_and_memory),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(reorder, TEST_SUITE_EAL, test_reorder_cases);
