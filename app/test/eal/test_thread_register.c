/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_thread_register/unregister: lcore ids lent to threads the EAL did not start. */
#include <errno.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>

#include "test.h"

/* Counts what the lcore callbacks saw; init refuses lcores from refuse_from on. */
struct thread_reg_log {
	unsigned int inits;
	unsigned int uninits;
	unsigned int last_id;
	unsigned int refuse_from;
};

static int
thread_reg_init(unsigned int lcore_id, void *arg)
{
	struct thread_reg_log *log = arg;

	if (lcore_id >= log->refuse_from)
		return -1;
	log->inits++;
	log->last_id = lcore_id;
	return 0;
}

static void
thread_reg_uninit(unsigned int lcore_id, void *arg)
{
	struct thread_reg_log *log = arg;

	log->uninits++;
	log->last_id = lcore_id;
}

/* What a registered thread saw, filled in by thread_reg_main. */
struct thread_reg_result {
	unsigned int id_before;
	int ret;
	int err;
	unsigned int id;
	enum rte_lcore_role_t role;
	unsigned int count;
	unsigned int id_after;
	enum rte_lcore_role_t role_after;
};

static void *
thread_reg_main(void *arg)
{
	struct thread_reg_result *r = arg;

	r->id_before = rte_lcore_id();
	rte_errno = 0;
	r->ret = rte_thread_register();
	r->err = rte_errno;
	r->id = rte_lcore_id();
	r->role = r->id < RTE_MAX_LCORE ? rte_eal_lcore_role(r->id) : ROLE_OFF;
	r->count = rte_lcore_count();
	rte_thread_unregister();
	r->id_after = rte_lcore_id();
	r->role_after = r->id < RTE_MAX_LCORE ? rte_eal_lcore_role(r->id) : ROLE_OFF;
	return NULL;
}

static int
thread_reg_run(struct thread_reg_result *r)
{
	pthread_t t;

	memset(r, 0, sizeof(*r));
	if (pthread_create(&t, NULL, thread_reg_main, r) != 0)
		return -1;
	pthread_join(t, NULL);
	return 0;
}

static int
test_thread_register_lends_an_id(void)
{
	unsigned int before = rte_lcore_count();
	struct thread_reg_log log = {.refuse_from = RTE_MAX_LCORE};
	struct thread_reg_result r;
	unsigned int uninits, last;
	void *h;
	int ret;

	h = rte_lcore_callback_register("thread_reg", thread_reg_init, thread_reg_uninit, &log);
	TEST_ASSERT_NOT_NULL(h, "callback registered");
	log.inits = 0;
	log.uninits = 0;
	ret = thread_reg_run(&r);
	uninits = log.uninits;
	last = log.last_id;
	rte_lcore_callback_unregister(h);
	TEST_ASSERT_SUCCESS(ret, "thread started");

	TEST_ASSERT_EQUAL(r.id_before, LCORE_ID_ANY, "no id before registering");
	TEST_ASSERT_EQUAL(r.ret, 0, "registered (rte_errno %d)", r.err);
	TEST_ASSERT(r.id < RTE_MAX_LCORE, "an lcore id: %u", r.id);
	TEST_ASSERT_EQUAL(r.role, ROLE_NON_EAL, "its role");
	TEST_ASSERT_EQUAL(r.count, before + 1, "rte_lcore_count counts it");
	TEST_ASSERT_EQUAL(r.id_after, LCORE_ID_ANY, "no id after unregistering");
	TEST_ASSERT_EQUAL(r.role_after, ROLE_OFF, "its lcore is free again");
	TEST_ASSERT_EQUAL(rte_lcore_count(), before, "count back");
	/* init ran once on the lent id, uninit once on it at unregister */
	TEST_ASSERT_EQUAL(log.inits, 1, "init on the lent lcore");
	TEST_ASSERT_EQUAL(uninits, 1, "uninit at unregister");
	TEST_ASSERT_EQUAL(last, r.id, "on the lent lcore");
	return TEST_SUCCESS;
}

static int
test_thread_register_refused(void)
{
	struct thread_reg_log accept = {.refuse_from = RTE_MAX_LCORE};
	struct thread_reg_log refuse = {.refuse_from = RTE_MAX_LCORE};
	struct thread_reg_result r;
	void *h1, *h2;
	int ret;

	h1 = rte_lcore_callback_register("accept", thread_reg_init, thread_reg_uninit, &accept);
	h2 = rte_lcore_callback_register("refuse", thread_reg_init, thread_reg_uninit, &refuse);
	TEST_ASSERT(h1 != NULL && h2 != NULL, "callbacks registered");
	/* the second refuses every lcore it does not know yet */
	refuse.refuse_from = 0;
	accept.inits = accept.uninits = 0;
	ret = thread_reg_run(&r);
	rte_lcore_callback_unregister(h2);
	refuse.refuse_from = RTE_MAX_LCORE;
	TEST_ASSERT_SUCCESS(ret, "thread started");
	TEST_ASSERT_EQUAL(r.ret, -1, "refused");
	TEST_ASSERT_EQUAL(r.err, ENOMEM, "rte_errno");
	TEST_ASSERT_EQUAL(r.id, LCORE_ID_ANY, "no id");
	/* the one that accepted it released it */
	TEST_ASSERT_EQUAL(accept.inits, 1, "first callback's init ran");
	TEST_ASSERT_EQUAL(accept.uninits, 1, "and its uninit on refusal");
	accept.uninits = 0;
	rte_lcore_callback_unregister(h1);
	return TEST_SUCCESS;
}

static int
test_thread_unregister_eal_lcore(void)
{
	unsigned int id = rte_lcore_id();

	TEST_ASSERT(id < RTE_MAX_LCORE, "the runner's thread is an lcore");
	rte_thread_unregister();
	TEST_ASSERT_EQUAL(rte_lcore_id(), id, "an EAL lcore keeps its id");
	TEST_ASSERT_EQUAL(rte_eal_lcore_role(id), ROLE_RTE, "and its role");
	return TEST_SUCCESS;
}

static const struct test_case thread_register_cases[] = {
	TEST_CASE(test_thread_register_lends_an_id),
	TEST_CASE(test_thread_register_refused),
	TEST_CASE(test_thread_unregister_eal_lcore),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(thread_register, TEST_SUITE_EAL, thread_register_cases);
