/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_distributor with three worker threads: every packet comes back
 * exactly once, the packets of one tag are processed in the order they
 * were handed in (never by two workers at once), a worker that leaves
 * gets nothing more while the others carry on, and SINGLE gives one
 * packet at a time. Bad arguments fail with EINVAL and a taken name with
 * EEXIST.
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#include <rte_distributor.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_pause.h>

#include "test.h"

#define NB_WORKERS 3
#define NB_TAGS 16
#define NB_PKTS 1024

struct dist_test {
	struct rte_distributor *d;
	atomic_bool stop;
	atomic_uint next[NB_TAGS];	  /* slots used in order[tag] */
	uint32_t order[NB_TAGS][NB_PKTS]; /* sequence numbers as processed */
	atomic_uint per_worker[NB_WORKERS];
	atomic_uint max_burst;
	atomic_uint leaver_after; /* packets worker 0 took after it left */
	bool zero_is_empty;	  /* SINGLE: poll says 0, not -1 */
};

struct worker_arg {
	struct dist_test *t;
	unsigned int id;
	unsigned int leave_after; /* 0: stay until stop */
};

static uint32_t
pkt_seq(const struct rte_mbuf *m)
{
	return *rte_pktmbuf_mtod(m, const uint32_t *);
}

/* runs of three packets a tag, so that flows meet busy workers */
static uint32_t
pkt_tag(uint32_t seq)
{
	return (seq / 3) % NB_TAGS;
}

static void *
worker_main(void *p)
{
	struct worker_arg *a = p;
	struct dist_test *t = a->t;
	struct rte_mbuf *bufs[8];
	unsigned int taken = 0;
	int n = 0;

	rte_distributor_request_pkt(t->d, a->id, NULL, 0);
	while (!atomic_load(&t->stop)) {
		n = rte_distributor_poll_pkt(t->d, a->id, bufs);
		if (n <= 0) {
			if (n == 0 && !t->zero_is_empty)
				atomic_store(&t->max_burst, 99); /* BURST never says 0 */
			sched_yield(); /* more threads than CPUs here */
			continue;
		}
		if ((unsigned int)n > atomic_load(&t->max_burst))
			atomic_store(&t->max_burst, (unsigned int)n);
		for (int i = 0; i < n; i++) {
			uint32_t tag = bufs[i]->hash.usr;
			unsigned int pos = atomic_fetch_add(&t->next[tag], 1);

			t->order[tag][pos] = pkt_seq(bufs[i]);
		}
		atomic_fetch_add(&t->per_worker[a->id], (unsigned int)n);
		taken += (unsigned int)n;
		if (a->leave_after > 0 && taken >= a->leave_after) {
			rte_distributor_return_pkt(t->d, a->id, bufs, n);
			/* anything that still came would show here */
			for (int spin = 0; spin < 100000; spin++)
				if (rte_distributor_poll_pkt(t->d, a->id, bufs) > 0)
					atomic_fetch_add(&t->leaver_after, 1);
			return NULL;
		}
		rte_distributor_request_pkt(t->d, a->id, bufs, (unsigned int)n);
	}
	return NULL;
}

static int
dist_run(struct rte_mempool *mp, const char *name, unsigned int alg, unsigned int leave_after)
{
	static struct dist_test t;
	struct worker_arg args[NB_WORKERS];
	pthread_t th[NB_WORKERS];
	struct rte_mbuf *m[32], *back[64];
	unsigned int sent = 0, got = 0, w, tag;
	static uint8_t seen[NB_PKTS];
	int ret = TEST_FAILED;

	memset(&t, 0, sizeof(t));
	memset(seen, 0, sizeof(seen));
	t.zero_is_empty = alg == RTE_DIST_ALG_SINGLE;
	t.d = rte_distributor_create(name, SOCKET_ID_ANY, NB_WORKERS, alg);
	TEST_ASSERT_NOT_NULL(t.d, "create %s", name);
	for (w = 0; w < NB_WORKERS; w++) {
		args[w] = (struct worker_arg){&t, w, w == 0 ? leave_after : 0};
		TEST_ASSERT_SUCCESS(pthread_create(&th[w], NULL, worker_main, &args[w]), "thread");
	}
	while (got < NB_PKTS) {
		if (sent < NB_PKTS) {
			unsigned int n = RTE_MIN(RTE_DIM(m), NB_PKTS - sent);

			if (rte_pktmbuf_alloc_bulk(mp, m, n) != 0)
				goto out;
			for (unsigned int i = 0; i < n; i++) {
				*(uint32_t *)rte_pktmbuf_append(m[i], 4) = sent + i;
				m[i]->hash.usr = pkt_tag(sent + i);
			}
			if (rte_distributor_process(t.d, m, n) != (int)n)
				goto out;
			sent += n;
		} else {
			rte_distributor_process(t.d, NULL, 0);
			sched_yield();
		}
		int r = rte_distributor_returned_pkts(t.d, back, RTE_DIM(back));

		for (int i = 0; i < r; i++) {
			uint32_t s = pkt_seq(back[i]);

			if (s >= NB_PKTS || seen[s]++) {
				printf("  packet %u returned twice\n", s);
				goto out;
			}
			rte_pktmbuf_free(back[i]);
		}
		got += (unsigned int)r;
	}
	ret = TEST_SUCCESS;
out:
	atomic_store(&t.stop, true);
	for (w = 0; w < NB_WORKERS; w++)
		pthread_join(th[w], NULL);
	TEST_ASSERT_SUCCESS(ret, "%u of %u packets back", got, NB_PKTS);
	for (tag = 0; tag < NB_TAGS; tag++) {
		unsigned int n = atomic_load(&t.next[tag]), want = 0;

		for (uint32_t s = 0; s < NB_PKTS; s++)
			want += pkt_tag(s) == tag;
		TEST_ASSERT_EQUAL(n, want, "tag %u processed %u times, not %u", tag, n, want);
		for (unsigned int i = 1; i < n; i++)
			TEST_ASSERT(t.order[tag][i] > t.order[tag][i - 1],
				    "tag %u: %u processed after %u", tag, t.order[tag][i],
				    t.order[tag][i - 1]);
	}
	TEST_ASSERT(atomic_load(&t.max_burst) <= (alg == RTE_DIST_ALG_SINGLE ? 1u : 8u),
		    "bursts of %u", atomic_load(&t.max_burst));
	for (w = leave_after > 0 ? 1 : 0; w < NB_WORKERS; w++)
		TEST_ASSERT(atomic_load(&t.per_worker[w]) > 0, "worker %u got nothing", w);
	TEST_ASSERT_EQUAL(atomic_load(&t.leaver_after), 0, "packets after leaving");
	TEST_ASSERT_EQUAL(rte_distributor_flush(t.d), 0, "nothing left to flush");
	return TEST_SUCCESS;
}

static int
test_distributor(void)
{
	struct rte_mempool *mp;
	int ret;

	mp = rte_pktmbuf_pool_create("dist_test", 2047, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(mp, "pool");
	ret = dist_run(mp, "dist_burst", RTE_DIST_ALG_BURST, 0);
	if (ret == TEST_SUCCESS)
		ret = dist_run(mp, "dist_single", RTE_DIST_ALG_SINGLE, 0);
	if (ret == TEST_SUCCESS)
		ret = dist_run(mp, "dist_leave", RTE_DIST_ALG_BURST, 200);
	rte_mempool_free(mp);
	return ret;
}

static int
test_distributor_errors(void)
{
	TEST_ASSERT_NULL(rte_distributor_create(NULL, 0, 1, RTE_DIST_ALG_BURST), "no name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "EINVAL");
	TEST_ASSERT_NULL(rte_distributor_create("d0", 0, 0, RTE_DIST_ALG_BURST), "0 workers");
	TEST_ASSERT_NULL(rte_distributor_create("d0", 0, 65, RTE_DIST_ALG_BURST), "65 workers");
	TEST_ASSERT_NULL(rte_distributor_create("d0", 0, 1, RTE_DIST_NUM_ALG_TYPES), "alg");
	TEST_ASSERT_NOT_NULL(rte_distributor_create("d_err", 0, 2, RTE_DIST_ALG_BURST), "create");
	TEST_ASSERT_NULL(rte_distributor_create("d_err", 0, 2, RTE_DIST_ALG_BURST), "same name");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "EEXIST");
	return TEST_SUCCESS;
}

static const struct test_case test_distributor_cases[] = {
	TEST_CASE(test_distributor_errors),
	TEST_CASE(test_distributor),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(distributor, TEST_SUITE_EAL, test_distributor_cases);
