/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * unit_test_suite_runner() with the meaning DPDK's tests rely on: a suite's
 * setup failing counts its enabled cases failed (skipped when the setup
 * said TEST_SKIPPED); each case runs between its own setup and teardown;
 * sub-suites run after the cases; the result is TEST_FAILED when anything
 * failed, TEST_SKIPPED when every case was skipped, else TEST_SUCCESS.
 */
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>

#include <rte_log.h>

#include "test.h"

static int
suite_case_run(const struct unit_test_case *tc)
{
	int rc = TEST_SUCCESS;

	if (tc->setup != NULL)
		rc = tc->setup();
	if (rc == TEST_SUCCESS) {
		if (tc->testcase != NULL)
			rc = tc->testcase();
		else if (tc->testcase_with_data != NULL)
			rc = tc->testcase_with_data(tc->data);
		else
			rc = -ENOTSUP;
	}
	if (tc->teardown != NULL)
		tc->teardown();
	return rc;
}

static bool
suite_case_is_end(const struct unit_test_case *tc)
{
	return tc->testcase == NULL && tc->testcase_with_data == NULL;
}

static void
suite_counts_clear(struct unit_test_suite *s)
{
	s->total = s->executed = s->succeeded = 0;
	s->skipped = s->failed = s->unsupported = 0;
}

/* A setup that failed: every case below it counts as failed or skipped. */
static void
suite_count_unrun(struct unit_test_suite *s, bool skipped)
{
	const struct unit_test_case *tc;
	unsigned int i;

	suite_counts_clear(s);
	for (i = 0; s->unit_test_suites != NULL && s->unit_test_suites[i] != NULL &&
		    s->unit_test_suites[i]->suite_name != NULL;
	     i++) {
		struct unit_test_suite *sub = s->unit_test_suites[i];

		suite_count_unrun(sub, skipped);
		s->total += sub->total;
		s->failed += sub->failed;
		s->skipped += sub->skipped;
	}
	for (tc = s->unit_test_cases; !suite_case_is_end(tc); tc++) {
		s->total++;
		if (!tc->enabled || skipped)
			s->skipped++;
		else
			s->failed++;
	}
}

int
unit_test_suite_runner(struct unit_test_suite *suite)
{
	const struct unit_test_case *tc;
	unsigned int i;
	const char *status;
	int rc;

	suite_counts_clear(suite);
	printf("suite %s\n", suite->suite_name != NULL ? suite->suite_name : "(unnamed)");
	if (suite->setup != NULL) {
		rc = suite->setup();
		if (rc != 0) {
			suite_count_unrun(suite, rc == TEST_SKIPPED);
			goto out;
		}
	}
	for (tc = suite->unit_test_cases; !suite_case_is_end(tc); tc++) {
		suite->total++;
		if (!tc->enabled) {
			suite->skipped++;
			continue;
		}
		rc = suite_case_run(tc);
		if (rc == TEST_SUCCESS) {
			suite->executed++;
			suite->succeeded++;
			status = "succeeded";
		} else if (rc == TEST_SKIPPED) {
			suite->skipped++;
			status = "skipped";
		} else if (rc == -ENOTSUP) {
			suite->unsupported++;
			status = "unsupported";
		} else {
			suite->executed++;
			suite->failed++;
			status = "failed";
		}
		printf("  case %s %s\n", tc->name, status);
	}
	for (i = 0; suite->unit_test_suites != NULL && suite->unit_test_suites[i] != NULL &&
		    suite->unit_test_suites[i]->suite_name != NULL;
	     i++) {
		struct unit_test_suite *sub = suite->unit_test_suites[i];

		unit_test_suite_runner(sub);
		suite->total += sub->total;
		suite->executed += sub->executed;
		suite->succeeded += sub->succeeded;
		suite->failed += sub->failed;
		suite->skipped += sub->skipped;
		suite->unsupported += sub->unsupported;
	}
	if (suite->teardown != NULL)
		suite->teardown();
out:
	printf("suite %s: %u total, %u passed, %u skipped, %u failed, %u unsupported\n",
	       suite->suite_name != NULL ? suite->suite_name : "(unnamed)", suite->total,
	       suite->succeeded, suite->skipped, suite->failed, suite->unsupported);
	last_test_result = (int)suite->failed;
	if (suite->failed != 0)
		return TEST_FAILED;
	if (suite->total == suite->skipped)
		return TEST_SKIPPED;
	return TEST_SUCCESS;
}

/* Sixteen bytes a line: offset, hex, then the printable characters. */
void
debug_hexdump(FILE *file, const char *title, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t off, i;

	if (rte_log_get_global_level() != RTE_LOG_DEBUG)
		return;
	fprintf(file, "%s: %zu bytes at %p\n", title != NULL ? title : "", len, buf);
	for (off = 0; off < len; off += 16) {
		fprintf(file, "%08zx:", off);
		for (i = off; i < off + 16 && i < len; i++)
			fprintf(file, " %02x", p[i]);
		fprintf(file, " | ");
		for (i = off; i < off + 16 && i < len; i++)
			fputc(isprint(p[i]) ? p[i] : '.', file);
		fputc('\n', file);
	}
}
