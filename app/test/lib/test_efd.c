/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * efd: values of inserted keys come back from single and bulk lookups (bulk above
 * RTE_EFD_BURST_MAX too), updates report no-change, deletes return the old value,
 * names are unique and found, and a full table refuses an insert without harm.
 */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_efd.h>

#include "test.h"

#define EFD_KEYS 100

static int
efd_check_values(struct rte_efd_table *t)
{
	uint32_t keys[EFD_KEYS];
	const void *ptrs[EFD_KEYS];
	efd_value_t vals[EFD_KEYS];
	unsigned int i;

	for (i = 0; i < EFD_KEYS; i++) {
		keys[i] = 0x0a000000u + i * 7919u;
		ptrs[i] = &keys[i];
		TEST_ASSERT_EQUAL(rte_efd_update(t, 0, &keys[i], (efd_value_t)(i % 7 + 1)), 0,
				  "insert %u", i);
	}
	TEST_ASSERT_EQUAL(rte_efd_update(t, 0, &keys[3], 4), RTE_EFD_UPDATE_NO_CHANGE, "same");
	TEST_ASSERT_EQUAL(rte_efd_update(t, 0, &keys[3], 200), 0, "replace");
	TEST_ASSERT_EQUAL(rte_efd_lookup(t, 0, &keys[3]), 200, "replaced");
	TEST_ASSERT_EQUAL(rte_efd_update(t, 0, &keys[3], 4), 0, "back");
	/* 100 keys: more than one burst, served in slices. */
	rte_efd_lookup_bulk(t, 0, EFD_KEYS, ptrs, vals);
	for (i = 0; i < EFD_KEYS; i++) {
		TEST_ASSERT_EQUAL(vals[i], i % 7 + 1, "bulk %u", i);
		TEST_ASSERT_EQUAL(rte_efd_lookup(t, 0, &keys[i]), i % 7 + 1, "single %u", i);
	}
	efd_value_t prev = 0;

	TEST_ASSERT_SUCCESS(rte_efd_delete(t, 0, &keys[10], &prev), "delete");
	TEST_ASSERT_EQUAL(prev, 10 % 7 + 1, "previous value");
	TEST_ASSERT_EQUAL(rte_efd_delete(t, 0, &keys[10], NULL), -ENOENT, "deleted twice");
	TEST_ASSERT_EQUAL(rte_efd_delete(NULL, 0, &keys[10], NULL), -EINVAL, "NULL table");
	TEST_ASSERT_EQUAL(rte_efd_update(NULL, 0, &keys[10], 1), RTE_EFD_UPDATE_FAILED, "NULL");
	TEST_ASSERT_EQUAL(rte_efd_lookup(t, 0, &keys[10]), 0, "absent key: 0");
	return TEST_SUCCESS;
}

static int
test_efd_values(void)
{
	struct rte_efd_table *t = rte_efd_create("efd_test", 256, sizeof(uint32_t), 1, 0);
	int rc;

	TEST_ASSERT_NOT_NULL(t, "create");
	TEST_ASSERT(rte_efd_find_existing("efd_test") == t, "found by name");
	rc = efd_check_values(t);
	rte_efd_free(t);
	return rc;
}

static int
test_efd_create_errors(void)
{
	struct rte_efd_table *t;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_efd_create(NULL, 8, 4, 1, 0), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	TEST_ASSERT_NULL(rte_efd_create("e", 0, 4, 1, 0), "no rules");
	TEST_ASSERT_NULL(rte_efd_create("e", 8, 0, 1, 0), "no key");
	TEST_ASSERT_NULL(rte_efd_create("e", 8, 4, 0, 0), "no online socket");
	TEST_ASSERT_NULL(rte_efd_create("e", 8, 4, 1, 255), "offline socket out of range");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno %d", rte_errno);
	TEST_ASSERT_NULL(rte_efd_create("a_name_of_thirty_two_characters_", 8, 4, 1, 0), "long");
	t = rte_efd_create("efd_dup", 8, 4, 1, 0);
	TEST_ASSERT_NOT_NULL(t, "create");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_efd_create("efd_dup", 8, 4, 1, 0), "duplicate");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "EEXIST");
	rte_efd_free(t);
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_efd_find_existing("efd_dup"), "gone");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "ENOENT");
	/* The name is free again. */
	t = rte_efd_create("efd_dup", 8, 4, 1, 0);
	TEST_ASSERT_NOT_NULL(t, "create again");
	rte_efd_free(t);
	rte_efd_free(NULL);
	return TEST_SUCCESS;
}

static int
test_efd_full(void)
{
	struct rte_efd_table *t = rte_efd_create("efd_full", 8, sizeof(uint32_t), 1, 0);
	uint32_t k, inserted = 0;
	int rc = TEST_SUCCESS;

	TEST_ASSERT_NOT_NULL(t, "create");
	/* Insert until the table refuses; every earlier key must keep its value. */
	for (k = 1; k < 10000; k++) {
		int r = rte_efd_update(t, 0, &k, (efd_value_t)k);

		if (r == RTE_EFD_UPDATE_FAILED)
			break;
		if (r != 0) {
			rc = TEST_FAILED;
			break;
		}
		inserted++;
	}
	if (rc == TEST_SUCCESS && (inserted < 8 || k == 10000))
		rc = TEST_FAILED;
	for (k = 1; rc == TEST_SUCCESS && k <= inserted; k++)
		if (rte_efd_lookup(t, 0, &k) != (efd_value_t)k)
			rc = TEST_FAILED;
	rte_efd_free(t);
	TEST_ASSERT_SUCCESS(rc, "full table (%u inserted)", inserted);
	return TEST_SUCCESS;
}

static const struct test_case efd_cases[] = {
	TEST_CASE(test_efd_values),
	TEST_CASE(test_efd_create_errors),
	TEST_CASE(test_efd_full),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(efd, TEST_SUITE_EAL, efd_cases);
