/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hash tables used from two lcores at once: two writers adding and
 * deleting disjoint keys (MULTI_WRITER_ADD), and a reader that must find
 * every stable key while a writer fills the table past the point where
 * adds displace keys (RW_CONCURRENCY and RW_CONCURRENCY_LF).
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_hash.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>

#include "test.h"
#include "test_hash.h"

static unsigned int
worker_lcore(void)
{
	return rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
}

/* ---- two writers ---- */

#define MW_KEYS 40000u /* per writer */

struct mw_ctx {
	struct rte_hash *h;
	int32_t pos[2][MW_KEYS];
	_Atomic int failures;
};

struct mw_arg {
	struct mw_ctx *c;
	unsigned int id;
	bool del;
};

static int
mw_run(void *arg)
{
	struct mw_arg *a = arg;
	struct mw_ctx *c = a->c;

	for (uint32_t i = 0; i < MW_KEYS; i++) {
		uint64_t key = test_hash_key((uint64_t)a->id * MW_KEYS + i);
		int32_t ret = a->del ? rte_hash_del_key(c->h, &key) : rte_hash_add_key(c->h, &key);

		if (ret < 0 || (a->del && ret != c->pos[a->id][i]))
			atomic_fetch_add_explicit(&c->failures, 1, memory_order_relaxed);
		else if (!a->del)
			c->pos[a->id][i] = ret;
	}
	return 0;
}

/* Both writers at once: the worker lcore and this one. */
static int
mw_phase(struct mw_ctx *c, bool del)
{
	struct mw_arg wa = {.c = c, .id = 1, .del = del};
	struct mw_arg ma = {.c = c, .id = 0, .del = del};

	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(mw_run, &wa, worker_lcore()), "launch");
	mw_run(&ma);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker_lcore()), "worker");
	TEST_ASSERT_EQUAL(atomic_load(&c->failures), 0, "failed %s", del ? "deletes" : "adds");
	return TEST_SUCCESS;
}

int
test_hash_multi_writer(void)
{
	struct mw_ctx *c = calloc(1, sizeof(*c));
	uint8_t *seen = NULL;
	int ret = TEST_FAILED;
	int32_t max;

	if (worker_lcore() >= RTE_MAX_LCORE) {
		printf("  needs two lcores (-l 0-1)\n");
		free(c);
		return TEST_SKIPPED;
	}
	TEST_ASSERT_NOT_NULL(c, "alloc");
	c->h = test_hash_make("h_mw", 2 * MW_KEYS, 8, RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD, NULL);
	if (c->h == NULL)
		goto out;
	max = rte_hash_max_key_id(c->h);
	/* Per-lcore caches hold spare positions beyond the entries asked for. */
	if (max < (int32_t)(2 * MW_KEYS))
		goto out;
	seen = calloc((size_t)max, 1);
	if (seen == NULL || mw_phase(c, false) != TEST_SUCCESS)
		goto out;
	if (rte_hash_count(c->h) != (int32_t)(2 * MW_KEYS)) {
		printf("  FAIL: count %d after adds\n", rte_hash_count(c->h));
		goto out;
	}
	for (unsigned int t = 0; t < 2; t++) {
		for (uint32_t i = 0; i < MW_KEYS; i++) {
			uint64_t key = test_hash_key((uint64_t)t * MW_KEYS + i);
			int32_t p = c->pos[t][i];

			if (p < 0 || p >= max || seen[p] || rte_hash_lookup(c->h, &key) != p) {
				printf("  FAIL: writer %u key %u at %d\n", t, i, p);
				goto out;
			}
			seen[p] = 1;
		}
	}
	if (mw_phase(c, true) != TEST_SUCCESS || rte_hash_count(c->h) != 0)
		goto out;
	ret = TEST_SUCCESS;
out:
	rte_hash_free(c->h);
	free(seen);
	free(c);
	return ret;
}

/* ---- a reader and a writer ---- */

#define RW_ENTRIES 1024u
#define RW_STABLE 640u /* keys the reader looks for, never deleted */
#define RW_CHURN 384u  /* keys the writer adds and deletes: up to full */
#define RW_ROUNDS 400u

struct rw_ctx {
	struct rte_hash *h;
	bool lock_free;
	int32_t stable_pos[RW_STABLE];
	/* Reader's completed passes over the stable keys: a deleted key's
	 * position is freed only after two more passes, so the reader no
	 * longer holds it (a minimal quiescent-state scheme). */
	_Atomic uint64_t passes;
	_Atomic bool done;
	_Atomic uint64_t misses;
	_Atomic uint32_t churn_added;
};

static void
rw_wait_grace(struct rw_ctx *c)
{
	/* Acquire: the reader's lookups before its pass count happen before the free. */
	uint64_t start = atomic_load_explicit(&c->passes, memory_order_acquire);

	while (atomic_load_explicit(&c->passes, memory_order_acquire) < start + 2)
		rte_pause();
}

static int
rw_writer(void *arg)
{
	struct rw_ctx *c = arg;
	int32_t pos[RW_CHURN];

	for (uint32_t r = 0; r < RW_ROUNDS; r++) {
		/* New keys each round land in new buckets, which displaces
		 * stable keys far more often than re-adding the same ones. */
		uint64_t first = RW_STABLE + (uint64_t)r * RW_CHURN;

		for (uint32_t i = 0; i < RW_CHURN; i++) {
			uint64_t key = test_hash_key(first + i);

			pos[i] = rte_hash_add_key(c->h, &key);
			if (pos[i] >= 0)
				atomic_fetch_add_explicit(&c->churn_added, 1, memory_order_relaxed);
		}
		for (uint32_t i = 0; i < RW_CHURN; i++) {
			uint64_t key = test_hash_key(first + i);

			if (pos[i] >= 0)
				rte_hash_del_key(c->h, &key);
		}
		if (!c->lock_free)
			continue;
		rw_wait_grace(c);
		for (uint32_t i = 0; i < RW_CHURN; i++) {
			if (pos[i] >= 0)
				rte_hash_free_key_with_position(c->h, pos[i]);
		}
	}
	atomic_store_explicit(&c->done, true, memory_order_release);
	return 0;
}

static void
rw_reader(struct rw_ctx *c)
{
	while (!atomic_load_explicit(&c->done, memory_order_acquire)) {
		for (uint32_t i = 0; i < RW_STABLE; i++) {
			uint64_t key = test_hash_key(i);

			if (rte_hash_lookup(c->h, &key) != c->stable_pos[i])
				atomic_fetch_add_explicit(&c->misses, 1, memory_order_relaxed);
		}
		/* Release: this pass's lookups are over before the count says so. */
		atomic_fetch_add_explicit(&c->passes, 1, memory_order_release);
	}
}

static int
rw_run(uint8_t flags, bool lock_free)
{
	struct rw_ctx *c = calloc(1, sizeof(*c));
	int ret = TEST_FAILED;

	if (worker_lcore() >= RTE_MAX_LCORE) {
		printf("  needs two lcores (-l 0-1)\n");
		free(c);
		return TEST_SKIPPED;
	}
	TEST_ASSERT_NOT_NULL(c, "alloc");
	c->lock_free = lock_free;
	c->h = test_hash_make(lock_free ? "h_rw_lf" : "h_rw", RW_ENTRIES, 8, flags, NULL);
	if (c->h == NULL)
		goto out;
	for (uint32_t i = 0; i < RW_STABLE; i++) {
		uint64_t key = test_hash_key(i);

		c->stable_pos[i] = rte_hash_add_key(c->h, &key);
		if (c->stable_pos[i] < 0)
			goto out;
	}
	if (rte_eal_remote_launch(rw_writer, c, worker_lcore()) != 0)
		goto out;
	rw_reader(c);
	rte_eal_wait_lcore(worker_lcore());
	printf("  %" PRIu64 " passes over %u keys, %u adds beside them, %" PRIu64 " misses\n",
	       atomic_load(&c->passes), RW_STABLE, atomic_load(&c->churn_added),
	       atomic_load(&c->misses));
	if (atomic_load(&c->misses) != 0 || atomic_load(&c->passes) == 0 ||
	    atomic_load(&c->churn_added) < RW_ROUNDS * RW_CHURN / 2)
		goto out;
	if (rte_hash_count(c->h) != (int32_t)RW_STABLE)
		goto out;
	ret = TEST_SUCCESS;
out:
	rte_hash_free(c->h);
	free(c);
	return ret;
}

int
test_hash_rw_lock(void)
{
	return rw_run(RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY, false);
}

int
test_hash_rw_lock_free(void)
{
	return rw_run(RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, true);
}
