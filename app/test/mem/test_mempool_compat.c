/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool behaviours DPDK's own mempool test relies on: event callbacks
 * that change the callback list while they run, and when a pool is
 * marked RTE_MEMPOOL_F_NON_IO.
 */
#include <errno.h>
#include <stdbool.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#include "test.h"

static unsigned int compat_counted;

static void
compat_count_cb(enum rte_mempool_event event, struct rte_mempool *mp, void *arg)
{
	RTE_SET_USED(event);
	RTE_SET_USED(mp);
	RTE_SET_USED(arg);
	compat_counted++;
}

struct compat_reentry {
	bool unregister_self;
	int ret;
	unsigned int calls;
};

/* Unregisters itself, or registers compat_count_cb, from inside the callback. */
static void
compat_reentry_cb(enum rte_mempool_event event, struct rte_mempool *mp, void *arg)
{
	struct compat_reentry *r = arg;

	RTE_SET_USED(event);
	RTE_SET_USED(mp);
	r->calls++;
	if (r->unregister_self)
		r->ret = rte_mempool_event_callback_unregister(compat_reentry_cb, r);
	else
		r->ret = rte_mempool_event_callback_register(compat_count_cb, NULL);
}

static int
test_mempool_compat_callbacks_reenter(void)
{
	struct compat_reentry self = {.unregister_self = true, .ret = -1};
	struct compat_reentry adder = {.unregister_self = false, .ret = -1};
	struct rte_mempool *mp;

	compat_counted = 0;
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_register(compat_reentry_cb, &self), "reg");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_register(compat_reentry_cb, &adder), "reg");
	mp = rte_mempool_create_empty("compat_ev", 16, 64, 0, 0, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create");
	/* before the fix this populate deadlocked inside the first callback */
	TEST_ASSERT_EQUAL(rte_mempool_populate_default(mp), 16, "populate");
	TEST_ASSERT_EQUAL(self.ret, 0, "a callback unregistered itself");
	TEST_ASSERT_EQUAL(adder.ret, 0, "a callback registered another");
	TEST_ASSERT_EQUAL(compat_counted, 0, "one registered during an event waits for the next");
	rte_mempool_free(mp);
	TEST_ASSERT_EQUAL(self.calls, 1, "the unregistered one is not called again");
	TEST_ASSERT_EQUAL(adder.ret, -EEXIST, "the added one was there already");
	TEST_ASSERT_EQUAL(compat_counted, 1, "the added one sees the destruction");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_unregister(compat_count_cb, NULL), "unreg");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_unregister(compat_reentry_cb, &adder),
			    "unreg");
	return TEST_SUCCESS;
}

static int
test_mempool_compat_non_io(void)
{
	const struct rte_memzone *mz;
	struct rte_mempool *mp;
	int ret;

	mz = rte_memzone_reserve("compat_nonio", 64 * 1024, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mz, "memzone");

	/* an empty pool is not for IO; a chunk with an IOVA makes it so */
	mp = rte_mempool_create_empty("compat_nonio", 16, 64, 0, 0, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create");
	TEST_ASSERT(mp->flags & RTE_MEMPOOL_F_NON_IO, "empty pool: NON_IO");
	ret = rte_mempool_populate_iova(mp, mz->addr, mz->iova, mz->len, NULL, NULL);
	TEST_ASSERT(ret > 0, "populate: %d", ret);
	TEST_ASSERT(!(mp->flags & RTE_MEMPOOL_F_NON_IO), "IOVA given: for IO");
	rte_mempool_free(mp);

	/* with NO_IOVA_CONTIG it stays NON_IO whatever IOVA it is given */
	mp = rte_mempool_create_empty("compat_nonio", 16, 64, 0, 0, SOCKET_ID_ANY,
				      RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	TEST_ASSERT_NOT_NULL(mp, "create");
	ret = rte_mempool_populate_iova(mp, mz->addr, mz->iova, mz->len, NULL, NULL);
	TEST_ASSERT(ret > 0, "populate: %d", ret);
	TEST_ASSERT(mp->flags & RTE_MEMPOOL_F_NON_IO, "NO_IOVA_CONTIG: NON_IO");
	rte_mempool_free(mp);
	rte_memzone_free(mz);
	return TEST_SUCCESS;
}

static const struct test_case mempool_compat_cases[] = {
	TEST_CASE(test_mempool_compat_callbacks_reenter),
	TEST_CASE(test_mempool_compat_non_io),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mempool_compat, TEST_SUITE_EAL, mempool_compat_cases);
