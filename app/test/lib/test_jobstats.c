/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * jobstats: the default callback moves a job's period up by 1 and down by
 * 4 within its bounds as results miss the target, a custom callback sees
 * exactly the results that miss, period setters clamp, and the run and
 * loop counters and times add up for a loop that spins known cycles.
 */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_jobstats.h>

#include "test.h"

#define SPIN_CYCLES 20000

static void
test_jobstats_spin(uint64_t cycles)
{
	uint64_t end = rte_get_timer_cycles() + cycles;

	while (rte_get_timer_cycles() < end)
		;
}

/* Run job once in ctx, finishing with value; finish's result. */
static int
test_jobstats_run(struct rte_jobstats_context *ctx, struct rte_jobstats *job, int64_t value)
{
	if (rte_jobstats_start(ctx, job) != 0)
		return -100;
	return rte_jobstats_finish(job, value);
}

static int
test_jobstats_default_period(void)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats job;
	int i;

	TEST_ASSERT_SUCCESS(rte_jobstats_context_init(&ctx), "context");
	TEST_ASSERT_SUCCESS(rte_jobstats_init(&job, "rx", 10, 110, 100, 32), "job");
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 32), 0, "on target: no update");
	TEST_ASSERT_EQUAL(job.period, 100, "unchanged");
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 5), 1, "below target: update");
	TEST_ASSERT_EQUAL(job.period, 101, "longer by 1");
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 40), 1, "above target: update");
	TEST_ASSERT_EQUAL(job.period, 97, "shorter by 4");
	/* Up to max_period, never onto it: 97 + 12 = 109 < 110. */
	for (i = 0; i < 50; i++)
		test_jobstats_run(&ctx, &job, 0);
	TEST_ASSERT_EQUAL(job.period, 109, "stops below max");
	/* Down while min + 4 stays below it: 109 - 4 * 24 = 13, 13 - 4 < 14. */
	for (i = 0; i < 50; i++)
		test_jobstats_run(&ctx, &job, 1000);
	TEST_ASSERT_EQUAL(job.period, 13, "stops above min");
	TEST_ASSERT_EQUAL(job.exec_cnt, 103, "every run counted");

	rte_jobstats_set_target(&job, 1000);
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 1000), 0, "new target met");
	TEST_ASSERT_EQUAL(job.period, 13, "unchanged");
	return TEST_SUCCESS;
}

static int64_t test_jobstats_cb_last;
static unsigned int test_jobstats_cb_calls;

static void
test_jobstats_cb(struct rte_jobstats *job, int64_t result)
{
	test_jobstats_cb_calls++;
	test_jobstats_cb_last = result;
	rte_jobstats_set_period(job, job->period * 2, 1);
}

static int
test_jobstats_custom_cb(void)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats job;

	TEST_ASSERT_SUCCESS(rte_jobstats_context_init(&ctx), "context");
	TEST_ASSERT_SUCCESS(rte_jobstats_init(&job, NULL, 1, 1000, 300, 8), "job");
	TEST_ASSERT_EQUAL(job.name[0], '\0', "NULL name is empty");
	rte_jobstats_set_update_period_function(&job, test_jobstats_cb);
	test_jobstats_cb_calls = 0;
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 8), 0, "on target");
	TEST_ASSERT_EQUAL(test_jobstats_cb_calls, 0, "not called on target");
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 3), 1, "missed");
	TEST_ASSERT_EQUAL(test_jobstats_cb_calls, 1, "called once");
	TEST_ASSERT_EQUAL(test_jobstats_cb_last, 3, "with the result");
	TEST_ASSERT_EQUAL(job.period, 600, "the callback's period");
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 3), 1, "missed again");
	TEST_ASSERT_EQUAL(job.period, 1000, "saturated at max");

	/* NULL puts the default callback back. */
	rte_jobstats_set_update_period_function(&job, NULL);
	TEST_ASSERT_EQUAL(test_jobstats_run(&ctx, &job, 9), 1, "above target");
	TEST_ASSERT_EQUAL(test_jobstats_cb_calls, 2, "custom callback gone");
	TEST_ASSERT_EQUAL(job.period, 996, "default step down");
	return TEST_SUCCESS;
}

static int
test_jobstats_period_setters(void)
{
	struct rte_jobstats job;

	TEST_ASSERT_SUCCESS(
		rte_jobstats_init(&job, "a-name-longer-than-thirty-one-bytes", 10, 100, 50, 0),
		"job");
	TEST_ASSERT_EQUAL(strlen(job.name), RTE_JOBSTATS_NAMESIZE - 1, "name cut");
	rte_jobstats_set_period(&job, 500, 0);
	TEST_ASSERT_EQUAL(job.period, 500, "no saturation asked");
	rte_jobstats_set_period(&job, 500, 1);
	TEST_ASSERT_EQUAL(job.period, 100, "saturated to max");
	rte_jobstats_set_period(&job, 2, 1);
	TEST_ASSERT_EQUAL(job.period, 10, "saturated to min");
	rte_jobstats_set_min(&job, 20);
	TEST_ASSERT_EQUAL(job.min_period, 20, "min");
	TEST_ASSERT_EQUAL(job.period, 20, "raised to the new min");
	rte_jobstats_set_period(&job, 80, 0);
	rte_jobstats_set_max(&job, 60);
	TEST_ASSERT_EQUAL(job.max_period, 60, "max");
	TEST_ASSERT_EQUAL(job.period, 60, "lowered to the new max");
	rte_jobstats_set_min(&job, 5);
	TEST_ASSERT_EQUAL(job.period, 60, "a lower min leaves it");
	return TEST_SUCCESS;
}

/*
 * Three loops: one runs two jobs (each spinning SPIN_CYCLES), one aborts
 * its job, one runs nothing. Counters are exact; times are at least the
 * spins.
 */
static int
test_jobstats_counters(void)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats a, b;

	TEST_ASSERT_SUCCESS(rte_jobstats_context_init(&ctx), "context");
	TEST_ASSERT_EQUAL(ctx.min_exec_time, UINT64_MAX, "no run yet");
	TEST_ASSERT_SUCCESS(rte_jobstats_init(&a, "a", 1, 100, 10, 0), "a");
	TEST_ASSERT_SUCCESS(rte_jobstats_init(&b, "b", 1, 100, 10, 0), "b");

	rte_jobstats_context_start(&ctx);
	TEST_ASSERT_SUCCESS(rte_jobstats_start(&ctx, &a), "start a");
	TEST_ASSERT(a.context == &ctx, "a runs in ctx");
	TEST_ASSERT_EQUAL(rte_jobstats_start(&ctx, &a), -EINVAL, "a runs already");
	test_jobstats_spin(SPIN_CYCLES);
	TEST_ASSERT_EQUAL(rte_jobstats_finish(&a, 0), 0, "a on target");
	TEST_ASSERT_NULL(a.context, "a idle");
	TEST_ASSERT_SUCCESS(rte_jobstats_start(&ctx, &b), "start b");
	test_jobstats_spin(2 * SPIN_CYCLES);
	TEST_ASSERT_EQUAL(rte_jobstats_finish(&b, 0), 0, "b on target");
	TEST_ASSERT_EQUAL(ctx.loop_executed_jobs, 2, "two jobs in this loop");
	rte_jobstats_context_finish(&ctx);
	TEST_ASSERT_EQUAL(ctx.loop_cnt, 1, "a loop with jobs");

	rte_jobstats_context_start(&ctx);
	TEST_ASSERT_EQUAL(ctx.loop_executed_jobs, 0, "new loop");
	TEST_ASSERT_SUCCESS(rte_jobstats_start(&ctx, &a), "start a");
	test_jobstats_spin(SPIN_CYCLES);
	TEST_ASSERT_SUCCESS(rte_jobstats_abort(&a), "abort a");
	TEST_ASSERT_EQUAL(rte_jobstats_abort(&a), -EINVAL, "a not running");
	TEST_ASSERT_EQUAL(rte_jobstats_finish(&a, 0), -EINVAL, "a not running");
	rte_jobstats_context_finish(&ctx);
	rte_jobstats_context_start(&ctx);
	rte_jobstats_context_finish(&ctx);

	TEST_ASSERT_EQUAL(ctx.loop_cnt, 1, "loops without a finished job do not count");
	TEST_ASSERT_EQUAL(ctx.job_exec_cnt, 2, "two runs");
	TEST_ASSERT_EQUAL(a.exec_cnt, 1, "the abort is no run");
	TEST_ASSERT_EQUAL(b.exec_cnt, 1, "b ran once");
	TEST_ASSERT(a.exec_time >= SPIN_CYCLES && a.exec_time == a.min_exec_time &&
			    a.exec_time == a.max_exec_time,
		    "a: one run of at least the spin");
	TEST_ASSERT(b.exec_time >= 2 * SPIN_CYCLES, "b: at least its spin");
	TEST_ASSERT_EQUAL(ctx.exec_time, a.exec_time + b.exec_time, "context sums the jobs");
	TEST_ASSERT_EQUAL(ctx.min_exec_time, a.exec_time, "shortest run is a's");
	TEST_ASSERT_EQUAL(ctx.max_exec_time, b.exec_time, "longest run is b's");
	TEST_ASSERT(ctx.max_management_time >= SPIN_CYCLES, "the aborted spin is management");
	TEST_ASSERT(ctx.min_management_time <= ctx.max_management_time, "min <= max");
	TEST_ASSERT_EQUAL(ctx.state_time - ctx.start_time, ctx.exec_time + ctx.management_time,
			  "every cycle since reset is exec or management");

	rte_jobstats_context_reset(&ctx);
	TEST_ASSERT_EQUAL(ctx.job_exec_cnt + ctx.loop_cnt + ctx.exec_time + ctx.management_time, 0,
			  "context reset");
	TEST_ASSERT_EQUAL(ctx.min_management_time, UINT64_MAX, "min reset");
	rte_jobstats_reset(&a);
	TEST_ASSERT_EQUAL(a.exec_cnt + a.exec_time + a.max_exec_time, 0, "job reset");
	TEST_ASSERT_EQUAL(a.min_exec_time, UINT64_MAX, "job min reset");
	return TEST_SUCCESS;
}

static int
test_jobstats_errors(void)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats job;

	TEST_ASSERT_EQUAL(rte_jobstats_context_init(NULL), -EINVAL, "NULL context");
	TEST_ASSERT_EQUAL(rte_jobstats_init(NULL, "x", 1, 2, 1, 0), -EINVAL, "NULL job");
	TEST_ASSERT_SUCCESS(rte_jobstats_context_init(&ctx), "context");
	TEST_ASSERT_SUCCESS(rte_jobstats_init(&job, "x", 1, 2, 1, 0), "job");
	TEST_ASSERT_EQUAL(rte_jobstats_start(NULL, &job), -EINVAL, "NULL context");
	TEST_ASSERT_EQUAL(rte_jobstats_start(&ctx, NULL), -EINVAL, "NULL job");
	TEST_ASSERT_EQUAL(rte_jobstats_finish(NULL, 0), -EINVAL, "NULL job");
	TEST_ASSERT_EQUAL(rte_jobstats_abort(NULL), -EINVAL, "NULL job");
	TEST_ASSERT_EQUAL(rte_jobstats_finish(&job, 0), -EINVAL, "never started");
	return TEST_SUCCESS;
}

static const struct test_case test_jobstats_cases[] = {
	TEST_CASE(test_jobstats_default_period), TEST_CASE(test_jobstats_custom_cb),
	TEST_CASE(test_jobstats_period_setters), TEST_CASE(test_jobstats_counters),
	TEST_CASE(test_jobstats_errors),	 TEST_CASES_END(),
};

REGISTER_TEST_SUITE(jobstats, TEST_SUITE_EAL, test_jobstats_cases);
