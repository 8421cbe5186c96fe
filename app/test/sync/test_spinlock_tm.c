/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_tm_supported() and the _tm spinlock forms: no transactions, plain locks. */
#include <rte_spinlock.h>

#include "test.h"

static int
test_spinlock_tm_forms(void)
{
	rte_spinlock_recursive_t slr = RTE_SPINLOCK_RECURSIVE_INITIALIZER;
	rte_spinlock_t sl = RTE_SPINLOCK_INITIALIZER;

	TEST_ASSERT_EQUAL(rte_tm_supported(), 0, "no hardware transactions");
	rte_spinlock_lock_tm(&sl);
	TEST_ASSERT(rte_spinlock_is_locked(&sl), "lock_tm takes the lock");
	TEST_ASSERT_EQUAL(rte_spinlock_trylock_tm(&sl), 0, "held: trylock_tm fails");
	rte_spinlock_unlock_tm(&sl);
	TEST_ASSERT(!rte_spinlock_is_locked(&sl), "unlock_tm frees it");
	TEST_ASSERT_EQUAL(rte_spinlock_trylock_tm(&sl), 1, "free: trylock_tm takes it");
	rte_spinlock_unlock_tm(&sl);

	rte_spinlock_recursive_lock_tm(&slr);
	TEST_ASSERT_EQUAL(rte_spinlock_recursive_trylock_tm(&slr), 1, "owner takes it again");
	TEST_ASSERT_EQUAL(slr.count, 2, "two holds");
	rte_spinlock_recursive_unlock_tm(&slr);
	rte_spinlock_recursive_unlock_tm(&slr);
	TEST_ASSERT(!rte_spinlock_is_locked(&slr.sl), "last unlock frees it");
	return TEST_SUCCESS;
}

static const struct test_case spinlock_tm_cases[] = {
	TEST_CASE(test_spinlock_tm_forms),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(spinlock_tm, TEST_SUITE_NO_EAL, spinlock_tm_cases);
