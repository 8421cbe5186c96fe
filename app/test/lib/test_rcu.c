/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rcu: QSBR variables and defer queues. Sizes and argument checks, reader
 * registration limits, a writer that waits for a reader on another lcore,
 * and defer queues that free exactly what the readers allow.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_rcu_qsbr.h>

#include "test.h"
#include "test_rcu.h"

static int
test_rcu_memsize(void)
{
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_get_memsize(0), 1, "0 threads");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	/* Header (2 lines), a line a counter, the bitmap in whole lines. */
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_get_memsize(1), 2 * 64 + 64 + 64, "1 thread");
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_get_memsize(128), 2 * 64 + 128 * 64 + 64, "128 threads");
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_get_memsize(513), 2 * 64 + 513 * 64 + 128, "513 threads");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_init(NULL, 4), 1, "NULL v");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	return TEST_SUCCESS;
}

static int
rcu_register_checks(struct rte_rcu_qsbr *v)
{
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_thread_register(NULL, 0), 1, "NULL v");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_thread_register(v, 70), 1, "id = max_threads");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_thread_unregister(v, 70), 1, "unregister id = max");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	/* Ids in both bitmap words; twice counts once. */
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_register(v, 0), "id 0");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_register(v, 69), "last id");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_register(v, 69), "last id again");
	TEST_ASSERT_EQUAL(v->num_threads, 2, "registered");
	TEST_ASSERT_EQUAL(v->num_elems, 2, "bitmap words for 70 ids");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_unregister(v, 69), "unregister");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_unregister(v, 69), "unregister again");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_unregister(v, 5), "unregister unknown id");
	TEST_ASSERT_EQUAL(v->num_threads, 1, "after unregister");
	return TEST_SUCCESS;
}

static int
test_rcu_register(void)
{
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(70);
	int ret;

	TEST_ASSERT_NOT_NULL(v, "QS variable");
	ret = rcu_register_checks(v);
	rte_free(v);
	return ret;
}

/* Grace periods on one thread: offline readers and unregistered ids are
 * not waited for; an online reader is, until it reports. */
static int
rcu_check_checks(struct rte_rcu_qsbr *v)
{
	uint64_t t;

	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_register(v, 1), "register");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_register(v, 2), "register");
	t = rte_rcu_qsbr_start(v);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(v, t, false), 1, "registered but offline");
	rte_rcu_qsbr_thread_online(v, 1);
	rte_rcu_qsbr_thread_online(v, 2);
	t = rte_rcu_qsbr_start(v);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(v, t, false), 0, "two readers online");
	rte_rcu_qsbr_quiescent(v, 1);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(v, t, false), 0, "one reader still behind");
	rte_rcu_qsbr_lock(v, 2);
	rte_rcu_qsbr_unlock(v, 2);
	rte_rcu_qsbr_quiescent(v, 2);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(v, t, false), 1, "both reported");
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(v, t, true), 1, "blocking check returns");
	t = rte_rcu_qsbr_start(v);
	rte_rcu_qsbr_thread_offline(v, 2);
	/* The caller is reader 1: synchronize reports for it and returns. */
	rte_rcu_qsbr_synchronize(v, 1);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(v, t, false), 1, "after synchronize");
	rte_rcu_qsbr_thread_offline(v, 1);
	rte_rcu_qsbr_thread_unregister(v, 1);
	rte_rcu_qsbr_thread_unregister(v, 2);
	return TEST_SUCCESS;
}

static int
test_rcu_check(void)
{
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(3);
	struct rte_rcu_qsbr *all = test_rcu_qsbr_make(3);
	int ret = TEST_FAILED;

	if (v == NULL || all == NULL)
		goto out;
	ret = rcu_check_checks(v);
	/* Every id registered: the checker scans all counters instead. */
	if (ret == TEST_SUCCESS && rte_rcu_qsbr_thread_register(all, 0) == 0)
		ret = rcu_check_checks(all);
out:
	rte_free(v);
	rte_free(all);
	return ret;
}

static int
test_rcu_dump(void)
{
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(8);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int ret = TEST_FAILED;

	f = open_memstream(&buf, &len);
	if (v == NULL || f == NULL)
		goto out;
	rte_rcu_qsbr_thread_register(v, 3);
	rte_rcu_qsbr_thread_register(v, 6);
	rte_errno = 0;
	if (rte_rcu_qsbr_dump(NULL, v) != 1 || rte_errno != EINVAL ||
	    rte_rcu_qsbr_dump(f, NULL) != 1)
		goto out;
	if (rte_rcu_qsbr_dump(f, v) != 0)
		goto out;
	fclose(f);
	f = NULL;
	if (strstr(buf, "2 registered: 3 6\n") == NULL || strstr(buf, "thread 6:") == NULL) {
		printf("  FAIL: dump:\n%s\n", buf);
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	if (f != NULL)
		fclose(f);
	free(buf);
	rte_free(v);
	return ret;
}

/* ---- a reader on the worker lcore, the writer on this one ---- */

struct rcu_rw_ctx {
	struct rte_rcu_qsbr *v;
	_Atomic int stage;     /* 1: reader online, 2: may report, 3: done */
	_Atomic bool reported; /* set just before the reader's quiescent state */
};

static int
rcu_rw_reader(void *arg)
{
	struct rcu_rw_ctx *c = arg;

	rte_rcu_qsbr_thread_register(c->v, 1);
	rte_rcu_qsbr_thread_online(c->v, 1);
	atomic_store(&c->stage, 1);
	while (atomic_load(&c->stage) < 2)
		rte_pause();
	/* Hold the writer a little so that it really spins. */
	rte_delay_ms(20);
	atomic_store(&c->reported, true);
	rte_rcu_qsbr_quiescent(c->v, 1);
	while (atomic_load(&c->stage) < 3)
		rte_pause();
	rte_rcu_qsbr_thread_offline(c->v, 1);
	rte_rcu_qsbr_thread_unregister(c->v, 1);
	return 0;
}

static int
rcu_rw_writer(struct rcu_rw_ctx *c)
{
	uint64_t t;

	while (atomic_load(&c->stage) < 1)
		rte_pause();
	t = rte_rcu_qsbr_start(c->v);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(c->v, t, false), 0, "reader has not reported");
	atomic_store(&c->stage, 2);
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_check(c->v, t, true), 1, "blocking check");
	/* The check could only return after the reader's report. */
	TEST_ASSERT(atomic_load(&c->reported), "check returned before the quiescent state");
	return TEST_SUCCESS;
}

static int
test_rcu_reader_writer(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct rcu_rw_ctx c = {.v = test_rcu_qsbr_make(RTE_MAX_LCORE)};
	int ret = TEST_FAILED;

	if (worker >= RTE_MAX_LCORE) {
		printf("  needs two lcores (-l 0-1)\n");
		rte_free(c.v);
		return TEST_SKIPPED;
	}
	TEST_ASSERT_NOT_NULL(c.v, "QS variable");
	if (rte_eal_remote_launch(rcu_rw_reader, &c, worker) == 0) {
		ret = rcu_rw_writer(&c);
		atomic_store(&c.stage, 3);
		rte_eal_wait_lcore(worker);
	}
	rte_free(c.v);
	return ret;
}

/* ---- defer queues ---- */

struct rcu_dq_count {
	unsigned int freed;
	uint32_t next; /* the value the next freed element must hold: FIFO */
	unsigned int out_of_order;
};

static void
rcu_dq_count_free(void *p, void *e, unsigned int n)
{
	struct rcu_dq_count *c = p;
	uint32_t val;

	memcpy(&val, e, sizeof(val));
	if (val != c->next)
		c->out_of_order++;
	c->next = val + 1;
	c->freed += n;
}

static int
test_rcu_dq_args(void)
{
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(2);
	struct rcu_dq_count cnt = {0};
	struct rte_rcu_qsbr_dq_parameters p = {
		.name = "rcu_dq_args",
		.size = 8,
		.esize = 4,
		.trigger_reclaim_limit = 9, /* above size: no automatic reclamation */
		.free_fn = rcu_dq_count_free,
		.p = &cnt,
		.v = v,
	};
	struct rte_rcu_qsbr_dq_parameters bad;
	struct rte_rcu_qsbr_dq *dq;
	uint32_t e = 0;

	TEST_ASSERT_NOT_NULL(v, "QS variable");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_rcu_qsbr_dq_create(NULL), "NULL params");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	bad = p, bad.esize = 6;
	TEST_ASSERT_NULL(rte_rcu_qsbr_dq_create(&bad), "esize not a multiple of 4");
	bad = p, bad.size = 0;
	TEST_ASSERT_NULL(rte_rcu_qsbr_dq_create(&bad), "size 0");
	bad = p, bad.v = NULL;
	TEST_ASSERT_NULL(rte_rcu_qsbr_dq_create(&bad), "v NULL");
	bad = p, bad.trigger_reclaim_limit = 0;
	TEST_ASSERT_NULL(rte_rcu_qsbr_dq_create(&bad), "auto reclaim with max_reclaim_size 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	dq = rte_rcu_qsbr_dq_create(&p);
	TEST_ASSERT_NOT_NULL(dq, "valid params");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_dq_enqueue(dq, NULL), 1, "NULL element");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_dq_enqueue(NULL, &e), 1, "NULL queue");
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_dq_reclaim(dq, 0, NULL, NULL, NULL), 1, "n 0");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_delete(NULL), "delete NULL");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_delete(dq), "delete");
	rte_free(v);
	return TEST_SUCCESS;
}

/* Reader 0 (this thread, not a real reader) holds every element queued
 * while it is online and behind. */
static int
rcu_dq_counts(struct rte_rcu_qsbr *v, struct rte_rcu_qsbr_dq *dq, struct rcu_dq_count *cnt)
{
	unsigned int freed, pending, avail;
	uint32_t e = 0;

	/* No reader: every element is free to go at once. */
	for (e = 0; e < 3; e++)
		TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_enqueue(dq, &e), "enqueue %u", e);
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_reclaim(dq, 2, &freed, &pending, NULL), "reclaim");
	TEST_ASSERT(freed == 2 && pending == 1 && cnt->freed == 2, "reclaim 2 of 3: freed %u",
		    freed);
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_reclaim(dq, 8, &freed, &pending, NULL), "reclaim");
	TEST_ASSERT(freed == 1 && pending == 0 && cnt->freed == 3, "the last one");

	rte_rcu_qsbr_thread_register(v, 0);
	rte_rcu_qsbr_thread_online(v, 0);
	/* size 8 rounds up to a ring of 16 places: 15 elements fit. */
	for (; e < 3 + 15; e++)
		TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_enqueue(dq, &e), "enqueue %u", e);
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_dq_enqueue(dq, &e), 1, "queue full");
	TEST_ASSERT_EQUAL(rte_errno, ENOSPC, "rte_errno");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_reclaim(dq, 100, &freed, &pending, &avail), "reclaim");
	TEST_ASSERT(freed == 0 && pending == 15 && cnt->freed == 3, "reader behind: freed %u",
		    freed);
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_rcu_qsbr_dq_delete(dq), 1, "delete with elements held");
	TEST_ASSERT_EQUAL(rte_errno, EAGAIN, "rte_errno");

	rte_rcu_qsbr_quiescent(v, 0);
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_reclaim(dq, 100, &freed, &pending, NULL), "reclaim");
	TEST_ASSERT(freed == 15 && pending == 0 && cnt->freed == 18, "after the report: %u", freed);
	TEST_ASSERT_EQUAL(cnt->out_of_order, 0, "elements freed out of order");
	rte_rcu_qsbr_thread_offline(v, 0);
	rte_rcu_qsbr_thread_unregister(v, 0);
	return TEST_SUCCESS;
}

static int
test_rcu_dq_reclaim(void)
{
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(1);
	struct rcu_dq_count cnt = {0};
	struct rte_rcu_qsbr_dq_parameters p = {
		.name = "rcu_dq_counts",
		.flags = RTE_RCU_QSBR_DQ_MT_UNSAFE,
		.size = 8,
		.esize = 4,
		.trigger_reclaim_limit = 9, /* above size: only explicit reclaims */
		.free_fn = rcu_dq_count_free,
		.p = &cnt,
	};
	struct rte_rcu_qsbr_dq *dq;
	int ret;

	TEST_ASSERT_NOT_NULL(v, "QS variable");
	p.v = v;
	dq = rte_rcu_qsbr_dq_create(&p);
	TEST_ASSERT_NOT_NULL(dq, "create");
	ret = rcu_dq_counts(v, dq, &cnt);
	if (rte_rcu_qsbr_dq_delete(dq) != 0 && ret == TEST_SUCCESS) {
		printf("  FAIL: delete of an empty queue\n");
		ret = TEST_FAILED;
	}
	rte_free(v);
	return ret;
}

/* Automatic reclamation: enqueue frees up to max_reclaim_size old elements
 * once more than trigger_reclaim_limit wait. */
static int
test_rcu_dq_auto(void)
{
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(1);
	struct rcu_dq_count cnt = {0};
	struct rte_rcu_qsbr_dq_parameters p = {
		.name = "rcu_dq_auto",
		.size = 8,
		.esize = 4,
		.trigger_reclaim_limit = 4,
		.max_reclaim_size = 2,
		.free_fn = rcu_dq_count_free,
		.p = &cnt,
	};
	struct rte_rcu_qsbr_dq *dq;
	unsigned int pending;

	TEST_ASSERT_NOT_NULL(v, "QS variable");
	p.v = v;
	dq = rte_rcu_qsbr_dq_create(&p);
	TEST_ASSERT_NOT_NULL(dq, "create");
	for (uint32_t e = 0; e < 6; e++)
		TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_enqueue(dq, &e), "enqueue %u", e);
	/* The 6th enqueue saw 5 waiting (> 4) and freed 2 first. */
	TEST_ASSERT_EQUAL(cnt.freed, 2, "freed by enqueue");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_reclaim(dq, 1, NULL, &pending, NULL), "reclaim");
	TEST_ASSERT_EQUAL(pending, 3, "pending");
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_dq_delete(dq), "delete frees the rest");
	TEST_ASSERT_EQUAL(cnt.freed, 6, "all freed");
	rte_free(v);
	return TEST_SUCCESS;
}

static const struct test_case rcu_cases[] = {
	TEST_CASE(test_rcu_memsize),
	TEST_CASE(test_rcu_register),
	TEST_CASE(test_rcu_check),
	TEST_CASE(test_rcu_dump),
	TEST_CASE(test_rcu_reader_writer),
	TEST_CASE(test_rcu_dq_args),
	TEST_CASE(test_rcu_dq_reclaim),
	TEST_CASE(test_rcu_dq_auto),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(rcu, TEST_SUITE_EAL, rcu_cases)
