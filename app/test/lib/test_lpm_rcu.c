/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LPM tables with a QSBR variable attached (rte_lpm_rcu_qsbr_add): a tbl8
 * group that a delete frees is cleared and reused only after the readers
 * registered on the variable have reported a quiescent state.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_lpm.h>
#include <rte_pause.h>

#include "test.h"
#include "test_lpm.h"
#include "test_rcu.h"

int
test_lpm_rcu_args(void)
{
	struct rte_lpm *lpm = test_lpm_make("lpm_rcu_args", 16, 4);
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(2), *v2 = test_rcu_qsbr_make(2);
	struct rte_lpm_rcu_config cfg = {.v = v};
	int ret = TEST_FAILED;

	if (lpm == NULL || v == NULL || v2 == NULL)
		goto out;
	rte_errno = 0;
	if (rte_lpm_rcu_qsbr_add(NULL, &cfg) != 1 || rte_errno != EINVAL ||
	    rte_lpm_rcu_qsbr_add(lpm, NULL) != 1)
		goto out;
	cfg.mode = (enum rte_lpm_qsbr_mode)2;
	rte_errno = 0;
	if (rte_lpm_rcu_qsbr_add(lpm, &cfg) != 1 || rte_errno != EINVAL)
		goto out;
	/* The refused calls left nothing attached. */
	cfg.mode = RTE_LPM_QSBR_MODE_DQ;
	if (rte_lpm_rcu_qsbr_add(lpm, &cfg) != 0)
		goto out;
	cfg.v = v2;
	cfg.mode = RTE_LPM_QSBR_MODE_SYNC;
	rte_errno = 0;
	if (rte_lpm_rcu_qsbr_add(lpm, &cfg) != 1 || rte_errno != EEXIST)
		goto out;
	ret = TEST_SUCCESS;
out:
	if (ret != TEST_SUCCESS)
		printf("  FAIL: rte_lpm_rcu_qsbr_add argument checks (rte_errno %d)\n", rte_errno);
	rte_lpm_free(lpm);
	rte_free(v);
	rte_free(v2);
	return ret;
}

/* A table of tbl8s groups in DQ mode; this thread is reader 0, online. */
struct lpm_rcu_fixture {
	struct rte_lpm *lpm;
	struct rte_rcu_qsbr *v;
};

static int
lpm_rcu_dq_run(const char *name, uint32_t tbl8s, int (*body)(struct lpm_rcu_fixture *f))
{
	struct lpm_rcu_fixture f = {
		.lpm = test_lpm_make(name, 64, tbl8s),
		.v = test_rcu_qsbr_make(1),
	};
	struct rte_lpm_rcu_config cfg = {.v = f.v, .mode = RTE_LPM_QSBR_MODE_DQ};
	int ret = TEST_FAILED;

	if (f.lpm == NULL || f.v == NULL || rte_lpm_rcu_qsbr_add(f.lpm, &cfg) != 0 ||
	    rte_rcu_qsbr_thread_register(f.v, 0) != 0) {
		printf("  FAIL: table, QS variable or attach\n");
		goto out;
	}
	rte_rcu_qsbr_thread_online(f.v, 0);
	ret = body(&f);
	rte_rcu_qsbr_thread_offline(f.v, 0);
	rte_rcu_qsbr_thread_unregister(f.v, 0);
out:
	rte_lpm_free(f.lpm);
	rte_free(f.v);
	return ret;
}

static int
lpm_rcu_dq_body(struct lpm_rcu_fixture *f)
{
	const uint32_t a = IPV4(192, 0, 2, 100), b = IPV4(198, 51, 100, 7);
	uint32_t g;

	TEST_ASSERT_SUCCESS(rte_lpm_add(f->lpm, a, 28, 1), "add a/28");
	TEST_ASSERT(f->lpm->tbl24[a >> 8].valid_group, "a/28 takes a tbl8 group");
	g = f->lpm->tbl24[a >> 8].next_hop;
	TEST_ASSERT_SUCCESS(rte_lpm_delete(f->lpm, a, 28), "delete a/28");
	TEST_ASSERT_EQUAL(test_lpm_hop(f->lpm, a), -1, "a/28 gone");
	/* A reader that read the old tbl24 entry may still read the group:
	 * it is neither cleared (valid_group goes with the clearing) nor
	 * handed out. */
	TEST_ASSERT(f->lpm->tbl8[g * RTE_LPM_TBL8_GROUP_NUM_ENTRIES].valid_group,
		    "group cleared before its grace period");
	TEST_ASSERT_EQUAL(rte_lpm_add(f->lpm, b, 28, 2), -ENOSPC,
			  "group reused before its grace period");
	rte_rcu_qsbr_quiescent(f->v, 0);
	TEST_ASSERT_SUCCESS(rte_lpm_add(f->lpm, b, 28, 2), "add after the grace period");
	TEST_ASSERT_EQUAL(test_lpm_hop(f->lpm, b), 2, "b/28");
	return TEST_SUCCESS;
}

int
test_lpm_rcu_dq(void)
{
	return lpm_rcu_dq_run("lpm_rcu_dq", 1, lpm_rcu_dq_body);
}

/* A group queued before delete_all must not come back after it: the pool
 * was reset, the group may be in use again. */
static int
lpm_rcu_delete_all_body(struct lpm_rcu_fixture *f)
{
	const uint32_t a = IPV4(10, 0, 0, 1), b = IPV4(10, 0, 1, 1), c = IPV4(10, 0, 2, 1);
	const uint32_t d = IPV4(10, 0, 3, 1);

	TEST_ASSERT_SUCCESS(rte_lpm_add(f->lpm, a, 30, 1), "add a");
	TEST_ASSERT_SUCCESS(rte_lpm_delete(f->lpm, a, 30), "delete a");
	rte_lpm_delete_all(f->lpm);
	rte_rcu_qsbr_quiescent(f->v, 0);
	TEST_ASSERT_SUCCESS(rte_lpm_add(f->lpm, b, 30, 2), "add b");
	TEST_ASSERT_SUCCESS(rte_lpm_add(f->lpm, c, 30, 3), "add c");
	TEST_ASSERT_EQUAL(rte_lpm_add(f->lpm, d, 30, 4), -ENOSPC, "a queued group was freed twice");
	TEST_ASSERT_EQUAL(test_lpm_hop(f->lpm, b), 2, "b");
	TEST_ASSERT_EQUAL(test_lpm_hop(f->lpm, c), 3, "c");
	return TEST_SUCCESS;
}

int
test_lpm_rcu_delete_all(void)
{
	return lpm_rcu_dq_run("lpm_rcu_del_all", 2, lpm_rcu_delete_all_body);
}

/* ---- SYNC mode: a slow reader on the worker lcore ---- */

#define SYNC_ROUNDS 2000u

struct lpm_sync_ctx {
	struct rte_lpm *lpm;
	struct rte_rcu_qsbr *v;
	uint32_t ip;
	_Atomic bool online;
	_Atomic bool done;
	_Atomic uint64_t group_reads;
	_Atomic uint64_t cleared_seen; /* group entries seen cleared in a critical section */
};

/* A lookup in two steps with a pause between them, as a preempted reader
 * would do it: the tbl24 entry, then the tbl8 entry it points to. */
static void
lpm_sync_slow_lookup(struct lpm_sync_ctx *c)
{
	const uint32_t *tbl24 = (const uint32_t *)c->lpm->tbl24;
	const uint32_t *tbl8 = (const uint32_t *)c->lpm->tbl8;
	uint32_t e = __atomic_load_n(&tbl24[c->ip >> 8], __ATOMIC_ACQUIRE);

	if (!__RTE_LPM_ENTRY_IS_EXT(e))
		return;
	for (int spin = 0; spin < 32; spin++)
		rte_pause();
	e = __atomic_load_n(&tbl8[(e & 0xffffff) * RTE_LPM_TBL8_GROUP_NUM_ENTRIES + (c->ip & 0xff)],
			    __ATOMIC_RELAXED);
	atomic_fetch_add_explicit(&c->group_reads, 1, memory_order_relaxed);
	if (!(e & RTE_LPM_LOOKUP_SUCCESS))
		atomic_fetch_add_explicit(&c->cleared_seen, 1, memory_order_relaxed);
}

static int
lpm_sync_reader(void *arg)
{
	struct lpm_sync_ctx *c = arg;

	rte_rcu_qsbr_thread_register(c->v, 1);
	rte_rcu_qsbr_thread_online(c->v, 1);
	atomic_store_explicit(&c->online, true, memory_order_release);
	while (!atomic_load_explicit(&c->done, memory_order_acquire)) {
		for (int i = 0; i < 16; i++)
			lpm_sync_slow_lookup(c);
		rte_rcu_qsbr_quiescent(c->v, 1);
	}
	rte_rcu_qsbr_thread_offline(c->v, 1);
	rte_rcu_qsbr_thread_unregister(c->v, 1);
	return 0;
}

static int
lpm_sync_writer(struct lpm_sync_ctx *c)
{
	/* Deletes before the reader is online would not wait for it. */
	while (!atomic_load_explicit(&c->online, memory_order_acquire))
		rte_pause();
	for (uint32_t r = 0; r < SYNC_ROUNDS; r++) {
		TEST_ASSERT_SUCCESS(rte_lpm_add(c->lpm, c->ip, 28, 200), "add %u", r);
		TEST_ASSERT_SUCCESS(rte_lpm_delete(c->lpm, c->ip, 28), "delete %u", r);
	}
	return TEST_SUCCESS;
}

int
test_lpm_rcu_sync(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct lpm_sync_ctx c = {.ip = IPV4(203, 0, 113, 9)};
	struct rte_lpm_rcu_config cfg = {.mode = RTE_LPM_QSBR_MODE_SYNC};
	int ret = TEST_FAILED;

	if (worker >= RTE_MAX_LCORE) {
		printf("  needs two lcores (-l 0-1)\n");
		return TEST_SKIPPED;
	}
	c.lpm = test_lpm_make("lpm_rcu_sync", 16, 1);
	c.v = test_rcu_qsbr_make(2);
	cfg.v = c.v;
	if (c.lpm == NULL || c.v == NULL || rte_lpm_rcu_qsbr_add(c.lpm, &cfg) != 0)
		goto out;
	/* The /24 rule fills the group's other entries: a cleared entry is
	 * the only way a read of the group can miss. */
	if (rte_lpm_add(c.lpm, c.ip, 24, 100) != 0)
		goto out;
	if (rte_eal_remote_launch(lpm_sync_reader, &c, worker) != 0)
		goto out;
	ret = lpm_sync_writer(&c);
	atomic_store_explicit(&c.done, true, memory_order_release);
	rte_eal_wait_lcore(worker);
	printf("  %" PRIu64 " reads of a tbl8 group, %" PRIu64 " found it cleared\n",
	       atomic_load(&c.group_reads), atomic_load(&c.cleared_seen));
	if (ret == TEST_SUCCESS && atomic_load(&c.cleared_seen) != 0)
		ret = TEST_FAILED;
out:
	rte_lpm_free(c.lpm);
	rte_free(c.v);
	return ret;
}
