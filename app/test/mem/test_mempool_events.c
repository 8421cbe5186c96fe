/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_mempool_event_callback_register/unregister: which events, when, and the refusals. */
#include <errno.h>

#include <rte_errno.h>
#include <rte_mempool.h>

#include "test.h"

struct mempool_event_log {
	unsigned int ready;
	unsigned int destroy;
	struct rte_mempool *last_mp;
	unsigned int populated_at_ready; /* populated_size seen by READY */
};

static void
mempool_event_record(enum rte_mempool_event event, struct rte_mempool *mp, void *user_data)
{
	struct mempool_event_log *log = user_data;

	if (event == RTE_MEMPOOL_EVENT_READY) {
		log->ready++;
		log->populated_at_ready = mp->populated_size;
	} else if (event == RTE_MEMPOOL_EVENT_DESTROY) {
		log->destroy++;
	}
	log->last_mp = mp;
}

static int
test_mempool_events_lifecycle(void)
{
	struct mempool_event_log a = {0}, b = {0};
	struct rte_mempool *mp;

	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_register(mempool_event_record, &a), "a");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_register(mempool_event_record, &b), "b");

	mp = rte_mempool_create_empty("ev_pool", 64, 128, 0, 0, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(a.ready, 0, "no READY before populating");
	TEST_ASSERT(rte_mempool_populate_default(mp) > 0, "populate");
	TEST_ASSERT_EQUAL(a.ready, 1, "one READY once full");
	TEST_ASSERT_EQUAL(a.populated_at_ready, 64, "READY sees the full pool");
	TEST_ASSERT(a.last_mp == mp, "with the pool");
	TEST_ASSERT_EQUAL(b.ready, 1, "every registration is called");
	TEST_ASSERT_EQUAL(a.destroy, 0, "no DESTROY yet");

	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_unregister(mempool_event_record, &b),
			    "unregister b");
	rte_mempool_free(mp);
	TEST_ASSERT_EQUAL(a.destroy, 1, "DESTROY on free");
	TEST_ASSERT(a.last_mp == mp, "with the pool");
	TEST_ASSERT_EQUAL(b.destroy, 0, "not after unregistering");

	mp = rte_mempool_create("ev_pool2", 32, 64, 0, 0, NULL, NULL, NULL, NULL, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(a.ready, 2, "rte_mempool_create reports READY too");
	rte_mempool_free(mp);
	TEST_ASSERT_EQUAL(a.destroy, 2, "and DESTROY");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_unregister(mempool_event_record, &a),
			    "unregister a");
	TEST_ASSERT_EQUAL(b.ready, 1, "b never called again");
	return TEST_SUCCESS;
}

static int
test_mempool_events_errors(void)
{
	int x;

	TEST_ASSERT_EQUAL(rte_mempool_event_callback_register(NULL, NULL), -EINVAL, "NULL func");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_register(mempool_event_record, &x), "ok");
	TEST_ASSERT_EQUAL(rte_mempool_event_callback_register(mempool_event_record, &x), -EEXIST,
			  "twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "errno");
	TEST_ASSERT_SUCCESS(rte_mempool_event_callback_unregister(mempool_event_record, &x),
			    "unregister");
	TEST_ASSERT_EQUAL(rte_mempool_event_callback_unregister(mempool_event_record, &x), -ENOENT,
			  "gone");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "errno");
	return TEST_SUCCESS;
}

static const struct test_case mempool_events_cases[] = {
	TEST_CASE(test_mempool_events_lifecycle),
	TEST_CASE(test_mempool_events_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mempool_events, TEST_SUITE_EAL, mempool_events_cases)
