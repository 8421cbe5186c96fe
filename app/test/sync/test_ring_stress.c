/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ring, two lcores at once: millions of objects through SP/SC, MP/MC and
 * MP/MC head/tail-sync (HTS) and relaxed-tail-sync (RTS) rings; every object must arrive exactly once, and in order wherever the
 * ring promises order (SP/SC: total order; MP/MC: each producer's objects
 * reach each consumer in the order they were enqueued).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_ring.h>

#include "test.h"

#define STRESS_OBJS (10u * 1000 * 1000)	/* per producer */
#define STRESS_ELEMS (2u * 1000 * 1000)	/* 16-byte elements, per producer */
#define MAX_BURST 32
#define NB_THREADS 2

/* Object value: producer in bits 40+, sequence number + 1 below. */
#define OBJ_MAKE(p, seq) ((uintptr_t)(p) << 40 | ((uintptr_t)(seq) + 1))
#define OBJ_PROD(o) ((unsigned int)((uintptr_t)(o) >> 40))
#define OBJ_SEQ(o) ((uint32_t)(((uintptr_t)(o) & ((1ULL << 40) - 1)) - 1))

/* Small fast generator for burst sizes; each thread has its own. */
static inline uint32_t
stress_rand(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

static unsigned int
stress_worker_lcore(void)
{
	return rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
}

/* ---- SP/SC: one producer, one consumer, total order ---- */

struct spsc_ctx {
	struct rte_ring *r;
	uint32_t bad_seq;	/* first out-of-order value seen, or 0 */
	uint32_t received;
};

static int
spsc_producer(void *arg)
{
	struct spsc_ctx *c = arg;
	void *objs[MAX_BURST];
	uint64_t rnd = 12345;
	uint32_t seq = 0;

	while (seq < STRESS_OBJS) {
		uint32_t n = 1 + stress_rand(&rnd) % MAX_BURST;
		uint32_t done;

		n = RTE_MIN(n, STRESS_OBJS - seq);
		for (uint32_t i = 0; i < n; i++)
			objs[i] = (void *)OBJ_MAKE(0, seq + i);
		switch (stress_rand(&rnd) % 3) {
		case 0:
			done = rte_ring_sp_enqueue_bulk(c->r, objs, n, NULL);
			break;
		case 1:
			done = rte_ring_sp_enqueue_burst(c->r, objs, n, NULL);
			break;
		default:
			done = rte_ring_enqueue_burst(c->r, objs, n, NULL);
			break;
		}
		seq += done;
		if (done == 0)
			rte_pause();
	}
	return 0;
}

static int
spsc_consumer(struct spsc_ctx *c)
{
	void *objs[MAX_BURST];
	uint64_t rnd = 777;
	uint32_t expect = 0;

	while (expect < STRESS_OBJS) {
		uint32_t n = 1 + stress_rand(&rnd) % MAX_BURST;
		uint32_t got;

		switch (stress_rand(&rnd) % 3) {
		case 0:
			got = rte_ring_sc_dequeue_bulk(c->r, objs, n, NULL);
			break;
		case 1:
			got = rte_ring_sc_dequeue_burst(c->r, objs, n, NULL);
			break;
		default:
			got = rte_ring_dequeue_bulk(c->r, objs, n, NULL);
			break;
		}
		for (uint32_t i = 0; i < got; i++, expect++) {
			if ((uintptr_t)objs[i] != OBJ_MAKE(0, expect)) {
				c->bad_seq = expect + 1;
				c->received = expect;
				return -1;
			}
		}
		if (got == 0)
			rte_pause();
	}
	c->received = expect;
	return 0;
}

static int
test_ring_stress_spsc(void)
{
	struct spsc_ctx c = { 0 };
	unsigned int worker = stress_worker_lcore();
	int ret;

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	c.r = rte_ring_create("stress_spsc", 512, SOCKET_ID_ANY,
			      RING_F_SP_ENQ | RING_F_SC_DEQ);
	TEST_ASSERT_NOT_NULL(c.r, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(spsc_producer, &c, worker), "launch");
	ret = spsc_consumer(&c);
	/* a failed consumer stops reading: drain so the producer can finish */
	while (rte_eal_get_lcore_state(worker) == RUNNING) {
		void *objs[MAX_BURST];

		rte_ring_sc_dequeue_burst(c.r, objs, MAX_BURST, NULL);
	}
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "producer");
	TEST_ASSERT_SUCCESS(ret, "object %u out of order", c.bad_seq - 1);
	TEST_ASSERT_EQUAL(c.received, STRESS_OBJS, "all objects received");
	TEST_ASSERT(rte_ring_empty(c.r), "ring empty at the end");
	rte_ring_free(c.r);
	return TEST_SUCCESS;
}

/* ---- MP/MC: both lcores produce and consume on the same ring ---- */

/* The multi-thread calls of one sync mode. */
struct stress_api {
	const char *name;
	unsigned int flags;
	uint32_t objs;		/* per producer */
	unsigned int (*enq_bulk)(struct rte_ring *, void * const *, unsigned int, unsigned int *);
	unsigned int (*enq_burst)(struct rte_ring *, void * const *, unsigned int, unsigned int *);
	unsigned int (*deq_bulk)(struct rte_ring *, void **, unsigned int, unsigned int *);
	unsigned int (*deq_burst)(struct rte_ring *, void **, unsigned int, unsigned int *);
	int (*enq_one)(struct rte_ring *, void *);
	int (*deq_one)(struct rte_ring *, void **);
};

static const struct stress_api stress_mt = {
	"MP/MC", 0, STRESS_OBJS,
	rte_ring_mp_enqueue_bulk, rte_ring_mp_enqueue_burst,
	rte_ring_mc_dequeue_bulk, rte_ring_mc_dequeue_burst,
	rte_ring_mp_enqueue, rte_ring_mc_dequeue,
};

static const struct stress_api stress_hts = {
	/* fewer: HTS serializes each side, slow under ThreadSanitizer */
	"MP/MC HTS", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, STRESS_OBJS / 4,
	rte_ring_mp_hts_enqueue_bulk, rte_ring_mp_hts_enqueue_burst,
	rte_ring_mc_hts_dequeue_bulk, rte_ring_mc_hts_dequeue_burst,
	rte_ring_enqueue, rte_ring_dequeue,
};

static const struct stress_api stress_rts = {
	/* ring_stress_mpmc sets a small htd_max, so that its wait is taken */
	"MP/MC RTS", RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ, STRESS_OBJS / 4,
	rte_ring_mp_rts_enqueue_bulk, rte_ring_mp_rts_enqueue_burst,
	rte_ring_mc_rts_dequeue_bulk, rte_ring_mc_rts_dequeue_burst,
	rte_ring_enqueue, rte_ring_dequeue,
};

struct mpmc_ctx {
	const struct stress_api *api;
	struct rte_ring *r;
	uint32_t consumed;		/* objects dequeued, all threads */
	uint32_t start;			/* both threads wait for it */
	uint8_t *seen[NB_THREADS];	/* per consumer: bitmap per producer */
	uint32_t errors[NB_THREADS];
	uint32_t got[NB_THREADS];
};

#define SEEN_BYTES ((STRESS_OBJS + 7) / 8)

static inline int
mpmc_take(struct mpmc_ctx *c, unsigned int me, void *const *objs, uint32_t n,
	  uint32_t *last)
{
	for (uint32_t i = 0; i < n; i++) {
		unsigned int p = OBJ_PROD(objs[i]);
		uint32_t seq = OBJ_SEQ(objs[i]);
		uint8_t *bm;

		if (p >= NB_THREADS || seq >= c->api->objs ||
		    (last[p] != UINT32_MAX && seq <= last[p]))
			return -1;	/* corrupt, or out of this producer's order */
		last[p] = seq;
		bm = c->seen[me] + (size_t)p * SEEN_BYTES;
		bm[seq / 8] |= 1u << (seq % 8);
	}
	c->got[me] += n;
	/* relaxed: a progress count only; the bitmaps are read after
	 * rte_eal_wait_lcore, which orders them */
	__atomic_fetch_add(&c->consumed, n, __ATOMIC_RELAXED);
	return 0;
}

static int
mpmc_thread(struct mpmc_ctx *c, unsigned int me)
{
	const uint32_t objs = c->api->objs;
	const uint32_t total = NB_THREADS * objs;
	uint32_t last[NB_THREADS];
	void *tab[MAX_BURST];
	uint64_t rnd = 99 + me;
	uint32_t seq = 0;

	for (unsigned int p = 0; p < NB_THREADS; p++)
		last[p] = UINT32_MAX;
	/* start together so that the two really contend */
	__atomic_fetch_add(&c->start, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&c->start, __ATOMIC_RELAXED) < NB_THREADS)
		rte_pause();

	while (seq < objs ||
	       __atomic_load_n(&c->consumed, __ATOMIC_RELAXED) < total) {
		uint32_t n, done;

		if (seq < objs) {
			n = RTE_MIN(1 + stress_rand(&rnd) % MAX_BURST, objs - seq);
			for (uint32_t i = 0; i < n; i++)
				tab[i] = (void *)OBJ_MAKE(me, seq + i);
			switch (stress_rand(&rnd) % 4) {
			case 0:
				done = c->api->enq_bulk(c->r, tab, n, NULL);
				break;
			case 1:
				done = c->api->enq_burst(c->r, tab, n, NULL);
				break;
			case 2:
				done = rte_ring_enqueue_bulk(c->r, tab, n, NULL);
				break;
			default:
				done = c->api->enq_one(c->r, tab[0]) == 0;
				break;
			}
			seq += done;
		}
		n = 1 + stress_rand(&rnd) % MAX_BURST;
		switch (stress_rand(&rnd) % 4) {
		case 0:
			done = c->api->deq_bulk(c->r, tab, n, NULL);
			break;
		case 1:
			done = c->api->deq_burst(c->r, tab, n, NULL);
			break;
		case 2:
			done = rte_ring_dequeue_burst(c->r, tab, n, NULL);
			break;
		default:
			done = c->api->deq_one(c->r, &tab[0]) == 0;
			break;
		}
		if (mpmc_take(c, me, tab, done, last) != 0) {
			c->errors[me]++;
			/* keep the totals moving so the other thread can stop */
			__atomic_fetch_add(&c->consumed, done, __ATOMIC_RELAXED);
		}
	}
	return 0;
}

static int
mpmc_worker(void *arg)
{
	return mpmc_thread(arg, 1);
}

static int
ring_stress_mpmc(const struct stress_api *api)
{
	struct mpmc_ctx c = { .api = api };
	unsigned int worker = stress_worker_lcore();
	uint32_t missing = 0, dups = 0;

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	c.r = rte_ring_create("stress_mpmc", 256, SOCKET_ID_ANY, api->flags);
	TEST_ASSERT_NOT_NULL(c.r, "create: %s", rte_strerror(rte_errno));
	if (api->flags & RING_F_MP_RTS_ENQ) {
		TEST_ASSERT_SUCCESS(rte_ring_set_prod_htd_max(c.r, MAX_BURST), "prod htd_max");
		TEST_ASSERT_SUCCESS(rte_ring_set_cons_htd_max(c.r, MAX_BURST), "cons htd_max");
	}
	for (unsigned int t = 0; t < NB_THREADS; t++) {
		c.seen[t] = calloc(NB_THREADS, SEEN_BYTES);
		TEST_ASSERT_NOT_NULL(c.seen[t], "bitmap");
	}
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(mpmc_worker, &c, worker), "launch");
	mpmc_thread(&c, 0);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");

	/* exactly once: each object in exactly one consumer's bitmap */
	for (unsigned int p = 0; p < NB_THREADS; p++) {
		for (size_t i = 0; i < SEEN_BYTES; i++) {
			size_t off = (size_t)p * SEEN_BYTES + i;
			uint8_t a = c.seen[0][off], b = c.seen[1][off];
			int64_t bits = (int64_t)api->objs - (int64_t)i * 8;
			uint8_t want = bits >= 8 ? 0xff : bits > 0 ? (1u << bits) - 1 : 0;

			missing += __builtin_popcount((uint8_t)(~(a | b) & want));
			dups += __builtin_popcount(a & b);
			dups += __builtin_popcount((uint8_t)((a | b) & ~want));
		}
	}
	free(c.seen[0]);
	free(c.seen[1]);
	TEST_ASSERT_EQUAL(c.errors[0] + c.errors[1], 0, "%s: corrupt or out-of-order batches",
			  api->name);
	TEST_ASSERT_EQUAL(missing, 0, "%s: objects never received", api->name);
	TEST_ASSERT_EQUAL(dups, 0, "%s: objects received twice", api->name);
	TEST_ASSERT_EQUAL(c.got[0] + c.got[1], NB_THREADS * api->objs, "%s: total received",
			  api->name);
	TEST_ASSERT(c.got[0] > 0 && c.got[1] > 0, "%s: both lcores consumed (%u, %u)",
		    api->name, c.got[0], c.got[1]);
	TEST_ASSERT(rte_ring_empty(c.r), "%s: ring empty at the end", api->name);
	rte_ring_free(c.r);
	return TEST_SUCCESS;
}

static int
test_ring_stress_mpmc(void)
{
	return ring_stress_mpmc(&stress_mt);
}

static int
test_ring_stress_mpmc_hts(void)
{
	return ring_stress_mpmc(&stress_hts);
}

static int
test_ring_stress_mpmc_rts(void)
{
	return ring_stress_mpmc(&stress_rts);
}

/* ---- 16-byte elements, MP/MC: no torn or mixed-up elements ---- */

struct elem16 {
	uint64_t val;	/* producer << 40 | sequence */
	uint64_t check;	/* ~val */
};

struct elem_ctx {
	struct rte_ring *r;
	uint32_t consumed;
	uint32_t bad[NB_THREADS];
	uint64_t sum[NB_THREADS];
};

static int
elem_thread(struct elem_ctx *c, unsigned int me)
{
	const uint32_t total = NB_THREADS * STRESS_ELEMS;
	struct elem16 e[MAX_BURST];
	uint64_t rnd = 5 + me;
	uint32_t seq = 0;

	while (seq < STRESS_ELEMS ||
	       __atomic_load_n(&c->consumed, __ATOMIC_RELAXED) < total) {
		uint32_t n, done;

		if (seq < STRESS_ELEMS) {
			n = RTE_MIN(1 + stress_rand(&rnd) % MAX_BURST, STRESS_ELEMS - seq);
			for (uint32_t i = 0; i < n; i++) {
				e[i].val = OBJ_MAKE(me, seq + i);
				e[i].check = ~e[i].val;
			}
			if (stress_rand(&rnd) & 1)
				done = rte_ring_mp_enqueue_bulk_elem(c->r, e, sizeof(e[0]), n, NULL);
			else
				done = rte_ring_enqueue_burst_elem(c->r, e, sizeof(e[0]), n, NULL);
			seq += done;
		}
		n = 1 + stress_rand(&rnd) % MAX_BURST;
		if (stress_rand(&rnd) & 1)
			done = rte_ring_mc_dequeue_burst_elem(c->r, e, sizeof(e[0]), n, NULL);
		else
			done = rte_ring_dequeue_bulk_elem(c->r, e, sizeof(e[0]), n, NULL);
		for (uint32_t i = 0; i < done; i++) {
			if (e[i].check != ~e[i].val)
				c->bad[me]++;
			c->sum[me] += e[i].val;
		}
		/* relaxed: progress count only, see mpmc_take */
		__atomic_fetch_add(&c->consumed, done, __ATOMIC_RELAXED);
	}
	return 0;
}

static int
elem_worker(void *arg)
{
	return elem_thread(arg, 1);
}

static int
test_ring_stress_elem16(void)
{
	struct elem_ctx c = { 0 };
	unsigned int worker = stress_worker_lcore();
	uint64_t want = 0;

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	c.r = rte_ring_create_elem("stress_e16", sizeof(struct elem16), 100, SOCKET_ID_ANY,
				   RING_F_EXACT_SZ);
	TEST_ASSERT_NOT_NULL(c.r, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(elem_worker, &c, worker), "launch");
	elem_thread(&c, 0);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	for (unsigned int p = 0; p < NB_THREADS; p++)
		for (uint32_t s = 0; s < STRESS_ELEMS; s++)
			want += OBJ_MAKE(p, s);
	TEST_ASSERT_EQUAL(c.bad[0] + c.bad[1], 0, "torn elements");
	TEST_ASSERT(c.sum[0] + c.sum[1] == want, "sum of received elements");
	TEST_ASSERT(rte_ring_empty(c.r), "ring empty at the end");
	rte_ring_free(c.r);
	return TEST_SUCCESS;
}

static const struct test_case ring_stress_cases[] = {
	TEST_CASE(test_ring_stress_spsc),
	TEST_CASE(test_ring_stress_mpmc),
	TEST_CASE(test_ring_stress_mpmc_hts),
	TEST_CASE(test_ring_stress_mpmc_rts),
	TEST_CASE(test_ring_stress_elem16),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(ring_stress, TEST_SUITE_EAL, ring_stress_cases)
