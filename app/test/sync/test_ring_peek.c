/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ring sync modes and two-phase operations, one thread: the peek API
 * (start/finish, partial finish), the zero-copy API across the wrap, and
 * the RTS mode's creation, limits and dispatch. ring_stress runs RTS with
 * two threads.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_ring.h>

#include "test.h"

#define PEEK_RING_SIZE 8 /* capacity 7 */

static void *
peek_obj(uintptr_t v)
{
	return (void *)(v + 1);
}

/* Peek on one ring: partial finishes give slots back in both directions. */
static int
ring_peek_check(struct rte_ring *r)
{
	void *objs[11]; /* 2 + 9: the second finish passes 9 for a claim of 5 */
	void *out[4] = {NULL};
	unsigned int free_space = 0, avail = 0;

	for (unsigned int i = 0; i < RTE_DIM(objs); i++)
		objs[i] = peek_obj(i);

	TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk_start(r, 8, &free_space), 0, "bulk over capacity");
	TEST_ASSERT_EQUAL(free_space, 7, "free space after a refused claim");
	TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk_start(r, 4, &free_space), 4, "claim 4");
	TEST_ASSERT_EQUAL(free_space, 3, "free besides the claim");
	TEST_ASSERT_EQUAL(rte_ring_count(r), 0, "nothing visible before the finish");
	rte_ring_enqueue_finish(r, objs, 2);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 2, "partial finish publishes 2");

	TEST_ASSERT_EQUAL(rte_ring_enqueue_burst_start(r, 16, &free_space), 5, "burst: the rest");
	rte_ring_enqueue_finish(r, &objs[2], 9); /* cut to the claim */
	TEST_ASSERT_EQUAL(rte_ring_count(r), 7, "finish is cut to the claimed 5");

	TEST_ASSERT_EQUAL(rte_ring_dequeue_bulk_start(r, out, 2, &avail), 2, "claim 2 out");
	TEST_ASSERT_EQUAL(avail, 5, "available besides the claim");
	TEST_ASSERT(out[0] == peek_obj(0) && out[1] == peek_obj(1), "copied out in order");
	rte_ring_dequeue_finish(r, 1);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 6, "only the first one removed");
	TEST_ASSERT_EQUAL(rte_ring_dequeue_burst_start(r, out, 1, NULL), 1, "claim again");
	TEST_ASSERT(out[0] == peek_obj(1), "the one given back is first in line");
	rte_ring_dequeue_finish(r, 0);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 6, "finish 0 cancels");
	TEST_ASSERT_EQUAL(rte_ring_dequeue_burst(r, out, 4, NULL), 4, "plain dequeue after peek");
	TEST_ASSERT(out[0] == peek_obj(1) && out[1] == peek_obj(2) && out[2] == peek_obj(3),
		    "order kept");
	return TEST_SUCCESS;
}

static int
test_ring_peek_st_hts(void)
{
	const unsigned int modes[] = {RING_F_SP_ENQ | RING_F_SC_DEQ,
				      RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ};

	for (unsigned int i = 0; i < RTE_DIM(modes); i++) {
		struct rte_ring *r =
			rte_ring_create("peek", PEEK_RING_SIZE, SOCKET_ID_ANY, modes[i]);
		int ret;

		TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
		ret = ring_peek_check(r);
		rte_ring_free(r);
		TEST_ASSERT_SUCCESS(ret, "flags %#x", modes[i]);
	}
	return TEST_SUCCESS;
}

/* On MT and RTS sides the two-phase calls claim nothing and change nothing. */
static int
test_ring_peek_refused_modes(void)
{
	const unsigned int modes[] = {0, RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ};
	void *obj = peek_obj(7), *out = NULL;

	for (unsigned int i = 0; i < RTE_DIM(modes); i++) {
		struct rte_ring *r =
			rte_ring_create("peek_mt", PEEK_RING_SIZE, SOCKET_ID_ANY, modes[i]);
		struct rte_ring_zc_data zcd;

		TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
		TEST_ASSERT_EQUAL(rte_ring_enqueue_burst_start(r, 1, NULL), 0, "enqueue start");
		rte_ring_enqueue_finish(r, &obj, 1);
		TEST_ASSERT_EQUAL(rte_ring_count(r), 0, "finish did nothing");
		TEST_ASSERT_EQUAL(rte_ring_enqueue(r, obj), 0, "plain enqueue still works");
		TEST_ASSERT_EQUAL(rte_ring_dequeue_bulk_start(r, &out, 1, NULL), 0, "deq start");
		TEST_ASSERT_EQUAL(rte_ring_dequeue_zc_burst_start(r, 1, &zcd, NULL), 0, "zc start");
		rte_ring_dequeue_finish(r, 1);
		TEST_ASSERT_EQUAL(rte_ring_count(r), 1, "dequeue finish did nothing");
		TEST_ASSERT_EQUAL(rte_ring_dequeue(r, &out), 0, "plain dequeue");
		TEST_ASSERT(out == obj, "object");
		rte_ring_free(r);
	}
	return TEST_SUCCESS;
}

/* Zero-copy across the end of the slot table: two runs, written and read in place. */
static int
test_ring_peek_zc_wrap(void)
{
	struct rte_ring *r = rte_ring_create_elem("peek_zc", sizeof(uint32_t), PEEK_RING_SIZE,
						  SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	struct rte_ring_zc_data zcd;
	uint32_t v[6] = {0}, *p;
	unsigned int n, i;

	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	/* move head and tail to slot 6 */
	TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk_elem(r, v, sizeof(v[0]), 6, NULL), 6, "fill");
	TEST_ASSERT_EQUAL(rte_ring_dequeue_bulk_elem(r, v, sizeof(v[0]), 6, NULL), 6, "drain");

	n = rte_ring_enqueue_zc_bulk_elem_start(r, sizeof(uint32_t), 5, &zcd, NULL);
	TEST_ASSERT_EQUAL(n, 5, "claim 5");
	TEST_ASSERT_EQUAL(zcd.n1, 2, "two slots before the end");
	TEST_ASSERT(zcd.ptr1 == (uint8_t *)&r[1] + 6 * sizeof(uint32_t), "first run at slot 6");
	TEST_ASSERT(zcd.ptr2 == (void *)&r[1], "second run at the table start");
	for (i = 0; i < n; i++) {
		p = i < zcd.n1 ? (uint32_t *)zcd.ptr1 + i : (uint32_t *)zcd.ptr2 + (i - zcd.n1);
		*p = 100 + i;
	}
	rte_ring_enqueue_zc_elem_finish(r, n);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 5, "published");

	n = rte_ring_dequeue_zc_burst_elem_start(r, sizeof(uint32_t), 8, &zcd, NULL);
	TEST_ASSERT_EQUAL(n, 5, "claim all");
	TEST_ASSERT_EQUAL(zcd.n1, 2, "split the same way");
	TEST_ASSERT_EQUAL(((uint32_t *)zcd.ptr1)[1], 101, "read in place before the end");
	TEST_ASSERT_EQUAL(((uint32_t *)zcd.ptr2)[0], 102, "read in place after the wrap");
	rte_ring_dequeue_zc_elem_finish(r, 3);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 2, "three freed");
	TEST_ASSERT_EQUAL(rte_ring_dequeue_bulk_elem(r, v, sizeof(v[0]), 2, NULL), 2, "rest");
	TEST_ASSERT(v[0] == 103 && v[1] == 104, "the rest in order");

	n = rte_ring_enqueue_zc_burst_start(r, 3, &zcd, NULL);
	TEST_ASSERT_EQUAL(n, 3, "pointer ring API on a 4-byte ring claims too");
	TEST_ASSERT_NULL(zcd.ptr2, "no wrap: no second run");
	rte_ring_enqueue_zc_finish(r, 0);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 0, "finish 0 cancels");
	rte_ring_free(r);
	return TEST_SUCCESS;
}

static int
test_ring_peek_rts_mode(void)
{
	struct rte_ring *r;
	void *objs[3] = {peek_obj(0), peek_obj(1), peek_obj(2)}, *out[3];
	unsigned int avail = 0;

	r = rte_ring_create("rts", 1024, SOCKET_ID_ANY, RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ);
	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT_RTS, "prod mode");
	TEST_ASSERT_EQUAL(rte_ring_get_cons_sync_type(r), RTE_RING_SYNC_MT_RTS, "cons mode");
	TEST_ASSERT_EQUAL(rte_ring_get_prod_htd_max(r), 1023 / 8, "default prod htd_max");
	TEST_ASSERT_EQUAL(rte_ring_get_cons_htd_max(r), 1023 / 8, "default cons htd_max");
	TEST_ASSERT_SUCCESS(rte_ring_set_prod_htd_max(r, 5), "set prod");
	TEST_ASSERT_EQUAL(rte_ring_get_prod_htd_max(r), 5, "prod htd_max");

	TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk(r, objs, 3, NULL), 3, "dispatched enqueue");
	TEST_ASSERT_EQUAL(rte_ring_mp_rts_enqueue_burst(r, objs, 2, NULL), 2, "rts burst");
	TEST_ASSERT_EQUAL(rte_ring_count(r), 5, "count");
	TEST_ASSERT_EQUAL(rte_ring_dequeue_burst(r, out, 3, &avail), 3, "dispatched dequeue");
	TEST_ASSERT_EQUAL(avail, 2, "available");
	TEST_ASSERT(out[0] == objs[0] && out[2] == objs[2], "order");
	rte_ring_reset(r);
	TEST_ASSERT_EQUAL(rte_ring_count(r), 0, "reset empties");
	TEST_ASSERT_EQUAL(rte_ring_mc_rts_dequeue_bulk(r, out, 1, NULL), 0, "nothing after reset");
	TEST_ASSERT_EQUAL(rte_ring_mp_rts_enqueue_bulk(r, objs, 1, NULL), 1, "usable after reset");
	TEST_ASSERT_EQUAL(rte_ring_mc_rts_dequeue_bulk(r, out, 1, NULL), 1, "and dequeue");
	rte_ring_free(r);

	/* one side RTS, the other single-threaded */
	r = rte_ring_create("rts_sc", 64, SOCKET_ID_ANY, RING_F_MP_RTS_ENQ | RING_F_SC_DEQ);
	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_ring_get_cons_htd_max(r), UINT32_MAX, "not an RTS consumer");
	TEST_ASSERT_EQUAL(rte_ring_set_cons_htd_max(r, 4), -ENOTSUP, "set on a non-RTS side");
	TEST_ASSERT_EQUAL(rte_ring_enqueue_burst(r, objs, 3, NULL), 3, "enqueue");
	TEST_ASSERT_EQUAL(rte_ring_sc_dequeue_bulk(r, out, 3, NULL), 3, "sc dequeue of RTS tail");
	rte_ring_free(r);

	r = rte_ring_create("rts_bad", 64, SOCKET_ID_ANY, RING_F_MP_RTS_ENQ | RING_F_SP_ENQ);
	TEST_ASSERT_NULL(r, "two producer modes accepted");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	r = rte_ring_create("rts_bad", 64, SOCKET_ID_ANY, RING_F_MC_RTS_DEQ | RING_F_MC_HTS_DEQ);
	TEST_ASSERT_NULL(r, "two consumer modes accepted");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	return TEST_SUCCESS;
}

static const struct test_case ring_peek_cases[] = {
	TEST_CASE(test_ring_peek_st_hts),
	TEST_CASE(test_ring_peek_refused_modes),
	TEST_CASE(test_ring_peek_zc_wrap),
	TEST_CASE(test_ring_peek_rts_mode),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(ring_peek, TEST_SUITE_EAL, ring_peek_cases)
