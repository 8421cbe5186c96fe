/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Job and loop accounting: each event (loop start/end, job start, finish,
 * abort) charges the cycles since the previous event either to the job
 * that ran (exec) or to the loop's own work between jobs (management).
 */
#include <errno.h>
#include <string.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_jobstats.h>
#include <rte_string_fns.h>

#include "eal_private.h"

/*
 * The default callback's steps. Lengthening slowly and shortening fast
 * suits forwarding jobs: a queue that fills up is served again soon, an
 * idle one is polled less only gradually.
 */
#define JOBSTATS_STEP_UP 1
#define JOBSTATS_STEP_DOWN 4

/* One sample t into a sum, minimum and maximum. */
static void
jobstats_time_add(uint64_t *sum, uint64_t *min, uint64_t *max, uint64_t t)
{
	*sum += t;
	if (t < *min)
		*min = t;
	if (t > *max)
		*max = t;
}

static void
jobstats_time_clear(uint64_t *sum, uint64_t *min, uint64_t *max)
{
	*sum = 0;
	*min = UINT64_MAX;
	*max = 0;
}

static uint64_t
jobstats_now(void)
{
	/* Reads of the job's results are done before the time is taken. */
	rte_rmb();
	return rte_get_timer_cycles();
}

/* Charge the cycles since the context's last event to management. */
static void
jobstats_management_charge(struct rte_jobstats_context *ctx)
{
	uint64_t now = jobstats_now();

	jobstats_time_add(&ctx->management_time, &ctx->min_management_time,
			  &ctx->max_management_time, now - ctx->state_time);
	ctx->state_time = now;
}

static void
jobstats_period_default_update(struct rte_jobstats *job, int64_t result)
{
	/* Below target: the job ran too often, wait longer next time. */
	if (result < job->target) {
		if (job->period + JOBSTATS_STEP_UP < job->max_period)
			job->period += JOBSTATS_STEP_UP;
	} else if (result > job->target) {
		if (job->min_period + JOBSTATS_STEP_DOWN < job->period)
			job->period -= JOBSTATS_STEP_DOWN;
	}
}

__rte_export int
rte_jobstats_context_init(struct rte_jobstats_context *ctx)
{
	if (ctx == NULL)
		return -EINVAL;
	memset(ctx, 0, sizeof(*ctx));
	rte_jobstats_context_reset(ctx);
	return 0;
}

__rte_export void
rte_jobstats_context_start(struct rte_jobstats_context *ctx)
{
	ctx->loop_executed_jobs = 0;
	jobstats_management_charge(ctx);
}

__rte_export void
rte_jobstats_context_finish(struct rte_jobstats_context *ctx)
{
	if (ctx->loop_executed_jobs != 0)
		ctx->loop_cnt++;
	jobstats_management_charge(ctx);
}

__rte_export void
rte_jobstats_context_reset(struct rte_jobstats_context *ctx)
{
	jobstats_time_clear(&ctx->exec_time, &ctx->min_exec_time, &ctx->max_exec_time);
	jobstats_time_clear(&ctx->management_time, &ctx->min_management_time,
			    &ctx->max_management_time);
	ctx->start_time = jobstats_now();
	ctx->state_time = ctx->start_time;
	ctx->job_exec_cnt = 0;
	ctx->loop_cnt = 0;
}

__rte_export int
rte_jobstats_init(struct rte_jobstats *job, const char *name, uint64_t min_period,
		  uint64_t max_period, uint64_t initial_period, int64_t target)
{
	if (job == NULL)
		return -EINVAL;
	job->period = initial_period;
	job->min_period = min_period;
	job->max_period = max_period;
	job->target = target;
	job->update_period_cb = jobstats_period_default_update;
	rte_jobstats_reset(job);
	strlcpy(job->name, name == NULL ? "" : name, sizeof(job->name));
	job->context = NULL;
	return 0;
}

__rte_export void
rte_jobstats_set_target(struct rte_jobstats *job, int64_t target)
{
	job->target = target;
}

__rte_export int
rte_jobstats_start(struct rte_jobstats_context *ctx, struct rte_jobstats *job)
{
	if (ctx == NULL || job == NULL || job->context != NULL)
		return -EINVAL;
	job->context = ctx;
	jobstats_management_charge(ctx);
	return 0;
}

__rte_export int
rte_jobstats_abort(struct rte_jobstats *job)
{
	if (job == NULL || job->context == NULL)
		return -EINVAL;
	jobstats_management_charge(job->context);
	job->context = NULL;
	return 0;
}

__rte_export int
rte_jobstats_finish(struct rte_jobstats *job, int64_t job_value)
{
	struct rte_jobstats_context *ctx;
	uint64_t now, t;
	int updated;

	if (job == NULL || job->context == NULL)
		return -EINVAL;
	updated = job_value != job->target;
	if (updated)
		job->update_period_cb(job, job_value);

	/* The callback ran for this job: its time is the job's. */
	ctx = job->context;
	now = jobstats_now();
	t = now - ctx->state_time;
	jobstats_time_add(&job->exec_time, &job->min_exec_time, &job->max_exec_time, t);
	jobstats_time_add(&ctx->exec_time, &ctx->min_exec_time, &ctx->max_exec_time, t);
	ctx->state_time = now;
	ctx->loop_executed_jobs++;
	ctx->job_exec_cnt++;
	job->exec_cnt++;
	job->context = NULL;
	return updated;
}

__rte_export void
rte_jobstats_set_period(struct rte_jobstats *job, uint64_t period, uint8_t saturate)
{
	if (saturate != 0) {
		if (period < job->min_period)
			period = job->min_period;
		else if (period > job->max_period)
			period = job->max_period;
	}
	job->period = period;
}

__rte_export void
rte_jobstats_set_min(struct rte_jobstats *job, uint64_t period)
{
	job->min_period = period;
	if (job->period < period)
		job->period = period;
}

__rte_export void
rte_jobstats_set_max(struct rte_jobstats *job, uint64_t period)
{
	job->max_period = period;
	if (job->period > period)
		job->period = period;
}

__rte_export void
rte_jobstats_set_update_period_function(struct rte_jobstats *job,
					rte_job_update_period_cb_t update_period_cb)
{
	job->update_period_cb =
		update_period_cb != NULL ? update_period_cb : jobstats_period_default_update;
}

__rte_export void
rte_jobstats_reset(struct rte_jobstats *job)
{
	jobstats_time_clear(&job->exec_time, &job->min_exec_time, &job->max_exec_time);
	job->exec_cnt = 0;
}
