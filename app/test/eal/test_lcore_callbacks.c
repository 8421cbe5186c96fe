/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_lcore_callback_register/unregister and rte_lcore_iterate. */
#include <string.h>

#include <rte_common.h>
#include <rte_lcore.h>

#include "test.h"

struct lcore_cb_log {
	unsigned int inits[RTE_MAX_LCORE];
	unsigned int uninits[RTE_MAX_LCORE];
	unsigned int refuse_at; /* init refuses this lcore, RTE_MAX_LCORE: none */
};

static int
lcore_cb_init(unsigned int lcore_id, void *arg)
{
	struct lcore_cb_log *log = arg;

	if (lcore_id == log->refuse_at)
		return -1;
	log->inits[lcore_id]++;
	return 0;
}

static void
lcore_cb_uninit(unsigned int lcore_id, void *arg)
{
	struct lcore_cb_log *log = arg;

	log->uninits[lcore_id]++;
}

static int
lcore_cb_collect(unsigned int lcore_id, void *arg)
{
	unsigned int *ids = arg;

	ids[ids[0] + 1] = lcore_id; /* ids[0] counts */
	ids[0]++;
	return 0;
}

static int
lcore_cb_stop_at_second(unsigned int lcore_id, void *arg)
{
	unsigned int *seen = arg;

	RTE_SET_USED(lcore_id);
	return ++*seen == 2 ? 42 : 0;
}

static int
test_lcore_callbacks_register(void)
{
	static struct lcore_cb_log log;
	static unsigned int ids[RTE_MAX_LCORE + 1];
	unsigned int seen = 0;
	void *h;

	TEST_ASSERT_SUCCESS(rte_lcore_iterate(lcore_cb_collect, ids), "iterate");
	TEST_ASSERT(ids[0] >= 2, "needs two lcores (-l 0-1), have %u", ids[0]);
	TEST_ASSERT(ids[1] < ids[2], "in id order");
	TEST_ASSERT_EQUAL(rte_lcore_iterate(lcore_cb_stop_at_second, &seen), 42,
			  "a nonzero return stops the walk and is returned");
	TEST_ASSERT_EQUAL(seen, 2, "stopped at the second lcore");

	memset(&log, 0, sizeof(log));
	log.refuse_at = RTE_MAX_LCORE;
	h = rte_lcore_callback_register("test", lcore_cb_init, lcore_cb_uninit, &log);
	TEST_ASSERT_NOT_NULL(h, "register");
	for (unsigned int i = 1; i <= ids[0]; i++)
		TEST_ASSERT_EQUAL(log.inits[ids[i]], 1, "init on lcore %u", ids[i]);
	rte_lcore_callback_unregister(h);
	for (unsigned int i = 1; i <= ids[0]; i++)
		TEST_ASSERT_EQUAL(log.uninits[ids[i]], 1, "uninit on lcore %u", ids[i]);

	/* refused on the second lcore in use: the first is undone, nothing registered */
	memset(&log, 0, sizeof(log));
	log.refuse_at = ids[2];
	TEST_ASSERT_NULL(rte_lcore_callback_register("test", lcore_cb_init, lcore_cb_uninit, &log),
			 "a refusal fails the registration");
	TEST_ASSERT_EQUAL(log.inits[ids[1]], 1, "first lcore was set up");
	TEST_ASSERT_EQUAL(log.uninits[ids[1]], 1, "and undone");
	TEST_ASSERT_EQUAL(log.uninits[ids[2]], 0, "the refusing lcore is not undone");

	TEST_ASSERT_NULL(rte_lcore_callback_register(NULL, lcore_cb_init, NULL, &log), "no name");
	h = rte_lcore_callback_register("no_cbs", NULL, NULL, NULL);
	TEST_ASSERT_NOT_NULL(h, "both callbacks may be NULL");
	rte_lcore_callback_unregister(h);
	rte_lcore_callback_unregister(NULL);
	return TEST_SUCCESS;
}

static const struct test_case lcore_callbacks_cases[] = {
	TEST_CASE(test_lcore_callbacks_register),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(lcore_callbacks, TEST_SUITE_EAL, lcore_callbacks_cases)
