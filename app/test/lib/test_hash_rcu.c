/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hash tables with a QSBR variable attached (rte_hash_rcu_qsbr_add): a
 * deleted key's position and data are freed only after the readers
 * registered on the variable have reported a quiescent state.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_hash.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>

#include "test.h"
#include "test_hash.h"
#include "test_rcu.h"

#define RCU_ENTRIES 8u /* one bucket: the table is full after 8 adds */

/* Key data whose free is visible: free_key_data_func marks it dead. */
struct rcu_obj {
	_Atomic uint32_t alive;
};

struct rcu_frees {
	_Atomic unsigned int n;
	void *_Atomic last;
};

static void
rcu_obj_free(void *p, void *key_data)
{
	struct rcu_frees *f = p;
	struct rcu_obj *o = key_data;

	atomic_store_explicit(&o->alive, 0, memory_order_relaxed);
	atomic_store_explicit(&f->last, key_data, memory_order_relaxed);
	atomic_fetch_add_explicit(&f->n, 1, memory_order_relaxed);
}

int
test_hash_rcu_args(void)
{
	struct rte_hash *h = test_hash_make("h_rcu_args", 64, 8, 0, NULL);
	struct rte_rcu_qsbr *v = test_rcu_qsbr_make(4), *v2 = test_rcu_qsbr_make(4);
	struct rte_hash_rcu_config cfg = {.v = v};
	int ret = TEST_FAILED;

	if (h == NULL || v == NULL || v2 == NULL)
		goto out;
	rte_errno = 0;
	if (rte_hash_rcu_qsbr_add(NULL, &cfg) != 1 || rte_errno != EINVAL ||
	    rte_hash_rcu_qsbr_add(h, NULL) != 1)
		goto out;
	cfg.v = NULL;
	rte_errno = 0;
	if (rte_hash_rcu_qsbr_add(h, &cfg) != 1 || rte_errno != EINVAL)
		goto out;
	cfg.v = v;
	cfg.mode = (enum rte_hash_qsbr_mode)7;
	rte_errno = 0;
	if (rte_hash_rcu_qsbr_add(h, &cfg) != 1 || rte_errno != EINVAL)
		goto out;
	/* The refused calls left nothing attached. */
	cfg.mode = RTE_HASH_QSBR_MODE_DQ;
	if (rte_hash_rcu_qsbr_add(h, &cfg) != 0)
		goto out;
	cfg.v = v2;
	cfg.mode = RTE_HASH_QSBR_MODE_SYNC;
	rte_errno = 0;
	if (rte_hash_rcu_qsbr_add(h, &cfg) != 1 || rte_errno != EEXIST)
		goto out;
	ret = TEST_SUCCESS;
out:
	if (ret != TEST_SUCCESS)
		printf("  FAIL: rte_hash_rcu_qsbr_add argument checks (rte_errno %d)\n", rte_errno);
	rte_hash_free(h);
	rte_free(v);
	rte_free(v2);
	return ret;
}

/* A lock-free table of RCU_ENTRIES in DQ mode, filled with keys 0..7 whose
 * data are objs[0..7]; this thread is reader 0, online. */
struct rcu_dq_fixture {
	struct rte_hash *h;
	struct rte_rcu_qsbr *v;
	struct rcu_frees frees;
	struct rcu_obj objs[2 * RCU_ENTRIES];
};

static int
rcu_dq_setup(struct rcu_dq_fixture *f, const char *name)
{
	struct rte_hash_rcu_config cfg = {
		.mode = RTE_HASH_QSBR_MODE_DQ,
		.key_data_ptr = &f->frees,
		.free_key_data_func = rcu_obj_free,
	};

	/* 8 entries make one bucket: every key goes there. */
	f->h = test_hash_make(name, RCU_ENTRIES, 8, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	f->v = test_rcu_qsbr_make(1);
	TEST_ASSERT(f->h != NULL && f->v != NULL, "table and QS variable");
	cfg.v = f->v;
	TEST_ASSERT_SUCCESS(rte_hash_rcu_qsbr_add(f->h, &cfg), "attach");
	for (uint64_t i = 0; i < RCU_ENTRIES; i++) {
		uint64_t key = test_hash_key(i);

		atomic_store(&f->objs[i].alive, 1);
		TEST_ASSERT(rte_hash_add_key_data(f->h, &key, &f->objs[i]) == 0, "add %u",
			    (unsigned int)i);
	}
	TEST_ASSERT_SUCCESS(rte_rcu_qsbr_thread_register(f->v, 0), "register");
	rte_rcu_qsbr_thread_online(f->v, 0);
	return TEST_SUCCESS;
}

static void
rcu_dq_teardown(struct rcu_dq_fixture *f)
{
	if (f->v != NULL) {
		rte_rcu_qsbr_thread_offline(f->v, 0);
		rte_rcu_qsbr_thread_unregister(f->v, 0);
	}
	rte_hash_free(f->h);
	rte_free(f->v);
}

static int
rcu_dq_body(struct rcu_dq_fixture *f)
{
	uint64_t k0 = test_hash_key(0), k8 = test_hash_key(RCU_ENTRIES);
	void *data;

	int32_t pos = rte_hash_del_key(f->h, &k0);

	TEST_ASSERT(pos >= 0, "delete");
	TEST_ASSERT_EQUAL(rte_hash_lookup(f->h, &k0), -ENOENT, "deleted key gone");
	/* The table frees the position itself: a second free is refused. */
	TEST_ASSERT_EQUAL(rte_hash_free_key_with_position(f->h, pos), -EINVAL,
			  "free of a position the grace period frees");
	/* The reader has not passed a quiescent state: nothing is freed, the
	 * position stays taken and the data alive. */
	TEST_ASSERT_EQUAL(rte_hash_add_key_data(f->h, &k8, &f->objs[RCU_ENTRIES]), -ENOSPC,
			  "position of the deleted key reused before its grace period");
	TEST_ASSERT_EQUAL(atomic_load(&f->frees.n), 0, "data freed early");
	TEST_ASSERT_EQUAL(atomic_load(&f->objs[0].alive), 1, "data freed early");
	TEST_ASSERT_EQUAL(rte_hash_count(f->h), RCU_ENTRIES, "count");

	rte_rcu_qsbr_quiescent(f->v, 0);
	atomic_store(&f->objs[RCU_ENTRIES].alive, 1);
	TEST_ASSERT_SUCCESS(rte_hash_add_key_data(f->h, &k8, &f->objs[RCU_ENTRIES]),
			    "add after the grace period");
	TEST_ASSERT_EQUAL(atomic_load(&f->frees.n), 1, "one key's data freed");
	TEST_ASSERT(atomic_load(&f->frees.last) == &f->objs[0], "the deleted key's data freed");
	TEST_ASSERT(rte_hash_lookup_data(f->h, &k8, &data) >= 0 && data == &f->objs[RCU_ENTRIES],
		    "new key found");
	return TEST_SUCCESS;
}

/* Run body on a fresh DQ fixture, then tear it down. */
static int
rcu_dq_run(const char *name, int (*body)(struct rcu_dq_fixture *f))
{
	struct rcu_dq_fixture *f = calloc(1, sizeof(*f));
	int ret;

	TEST_ASSERT_NOT_NULL(f, "alloc");
	ret = rcu_dq_setup(f, name);
	if (ret == TEST_SUCCESS)
		ret = body(f);
	rcu_dq_teardown(f);
	free(f);
	return ret;
}

int
test_hash_rcu_dq(void)
{
	return rcu_dq_run("h_rcu_dq", rcu_dq_body);
}

/* A key deleted before a reset must not come back from the defer queue
 * after it: the reset refilled the free positions already. */
static int
rcu_reset_body(struct rcu_dq_fixture *f)
{
	uint64_t k0 = test_hash_key(0), extra = test_hash_key(100);
	uint8_t seen[RCU_ENTRIES] = {0};

	TEST_ASSERT(rte_hash_del_key(f->h, &k0) >= 0, "delete");
	rte_hash_reset(f->h);
	rte_rcu_qsbr_quiescent(f->v, 0);
	for (uint64_t i = 0; i < RCU_ENTRIES; i++) {
		uint64_t key = test_hash_key(10 + i);
		int32_t pos = rte_hash_add_key(f->h, &key);

		TEST_ASSERT(pos >= 0 && pos < (int32_t)RCU_ENTRIES && !seen[pos],
			    "add %u after reset: position %d", (unsigned int)i, pos);
		seen[pos] = 1;
	}
	TEST_ASSERT_EQUAL(rte_hash_add_key(f->h, &extra), -ENOSPC,
			  "a queued position was freed twice");
	return TEST_SUCCESS;
}

int
test_hash_rcu_reset(void)
{
	return rcu_dq_run("h_rcu_reset", rcu_reset_body);
}

/* ---- SYNC mode: a reader on the worker lcore, deletes on this one ---- */

#define SYNC_ROUNDS 2000u

struct rcu_sync_ctx {
	struct rte_hash *h;
	struct rte_rcu_qsbr *v;
	struct rcu_frees frees;
	_Atomic bool online;
	_Atomic bool done;
	_Atomic uint64_t found;
	_Atomic uint64_t dead_seen; /* data seen freed inside a critical section */
	struct rcu_obj objs[SYNC_ROUNDS + 1];
};

static int
rcu_sync_reader(void *arg)
{
	struct rcu_sync_ctx *c = arg;
	uint64_t key = test_hash_key(0);

	rte_rcu_qsbr_thread_register(c->v, 1);
	rte_rcu_qsbr_thread_online(c->v, 1);
	atomic_store_explicit(&c->online, true, memory_order_release);
	while (!atomic_load_explicit(&c->done, memory_order_acquire)) {
		for (int i = 0; i < 64; i++) {
			void *data;

			if (rte_hash_lookup_data(c->h, &key, &data) < 0)
				continue;
			atomic_fetch_add_explicit(&c->found, 1, memory_order_relaxed);
			/* Give the writer time to delete (and free, if it could). */
			for (int spin = 0; spin < 16; spin++)
				rte_pause();
			if (atomic_load_explicit(&((struct rcu_obj *)data)->alive,
						 memory_order_relaxed) == 0)
				atomic_fetch_add_explicit(&c->dead_seen, 1, memory_order_relaxed);
		}
		rte_rcu_qsbr_quiescent(c->v, 1);
	}
	rte_rcu_qsbr_thread_offline(c->v, 1);
	rte_rcu_qsbr_thread_unregister(c->v, 1);
	return 0;
}

static int
rcu_sync_writer(struct rcu_sync_ctx *c)
{
	uint64_t key = test_hash_key(0);

	/* Deletes before the reader is online would not wait for it. */
	while (!atomic_load_explicit(&c->online, memory_order_acquire))
		rte_pause();
	for (uint32_t r = 1; r <= SYNC_ROUNDS; r++) {
		TEST_ASSERT(rte_hash_del_key(c->h, &key) >= 0, "delete %u", r);
		/* SYNC: the delete returned after the grace period, data freed. */
		TEST_ASSERT_EQUAL(atomic_load(&c->frees.n), r, "frees after delete %u", r);
		atomic_store_explicit(&c->objs[r].alive, 1, memory_order_relaxed);
		TEST_ASSERT_SUCCESS(rte_hash_add_key_data(c->h, &key, &c->objs[r]), "add %u", r);
	}
	return TEST_SUCCESS;
}

int
test_hash_rcu_sync(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct rcu_sync_ctx *c;
	struct rte_hash_rcu_config cfg = {.mode = RTE_HASH_QSBR_MODE_SYNC,
					  .free_key_data_func = rcu_obj_free};
	uint64_t key = test_hash_key(0);
	int ret = TEST_FAILED;

	if (worker >= RTE_MAX_LCORE) {
		printf("  needs two lcores (-l 0-1)\n");
		return TEST_SKIPPED;
	}
	c = calloc(1, sizeof(*c));
	TEST_ASSERT_NOT_NULL(c, "alloc");
	c->h = test_hash_make("h_rcu_sync", 64, 8, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	c->v = test_rcu_qsbr_make(2);
	if (c->h == NULL || c->v == NULL)
		goto out;
	cfg.v = c->v;
	cfg.key_data_ptr = &c->frees;
	atomic_store(&c->objs[0].alive, 1);
	if (rte_hash_rcu_qsbr_add(c->h, &cfg) != 0 ||
	    rte_hash_add_key_data(c->h, &key, &c->objs[0]))
		goto out;
	if (rte_eal_remote_launch(rcu_sync_reader, c, worker) != 0)
		goto out;
	ret = rcu_sync_writer(c);
	atomic_store_explicit(&c->done, true, memory_order_release);
	rte_eal_wait_lcore(worker);
	if (ret == TEST_SUCCESS && atomic_load(&c->dead_seen) != 0) {
		printf("  FAIL: the reader saw freed data %" PRIu64 " times in %" PRIu64 " hits\n",
		       atomic_load(&c->dead_seen), atomic_load(&c->found));
		ret = TEST_FAILED;
	}
	printf("  %" PRIu64 " reader hits, %u deletes waited for the reader\n",
	       atomic_load(&c->found), atomic_load(&c->frees.n));
out:
	rte_hash_free(c->h);
	rte_free(c->v);
	free(c);
	return ret;
}
