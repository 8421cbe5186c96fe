/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Job statistics for run-to-completion loops that run several jobs at their
 * own periods (l2fwd-jobstats): how long each job and the loop's own
 * bookkeeping take, and an adaptive period per job. A job reports a value
 * when it finishes (say, packets received); while that misses the job's
 * target, an update callback moves the job's period (the default one
 * lengthens it by 1 when the value is below target and shortens it by 4
 * when above, within [min_period, max_period]).
 *
 * Times are timer cycles (rte_get_timer_cycles()). A context and its jobs
 * belong to one lcore: nothing here locks.
 */
#ifndef _RTE_JOBSTATS_H_
#define _RTE_JOBSTATS_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_JOBSTATS_NAMESIZE 32

struct rte_jobstats_context;
struct rte_jobstats;

/* Called by rte_jobstats_finish() when job_result differs from the job's
 * target; it may change job->period (rte_jobstats_set_period()). */
typedef void (*rte_job_update_period_cb_t)(struct rte_jobstats *job, int64_t job_result);

struct rte_jobstats {
	uint64_t period;     /* current period, in the caller's unit */
	uint64_t min_period; /* the default callback keeps period above... */
	uint64_t max_period; /* ...and below these */
	int64_t target;	     /* the value the job should report */
	rte_job_update_period_cb_t update_period_cb;
	uint64_t exec_time;	/* cycles spent in the job, summed */
	uint64_t min_exec_time; /* shortest run (UINT64_MAX before any) */
	uint64_t max_exec_time; /* longest run */
	uint64_t exec_cnt;	/* runs finished */
	char name[RTE_JOBSTATS_NAMESIZE];
	struct rte_jobstats_context *context; /* running in it, NULL when idle */
} __rte_cache_aligned;

struct rte_jobstats_context {
	/* The last event's time: loop start, job start or finish, loop end. */
	uint64_t state_time;
	uint64_t loop_executed_jobs; /* jobs finished in the current loop */
	uint64_t exec_time;	     /* cycles in jobs, summed */
	uint64_t min_exec_time;
	uint64_t max_exec_time;
	/* Cycles between jobs (scheduling and this library), summed. */
	uint64_t management_time;
	uint64_t min_management_time;
	uint64_t max_management_time;
	uint64_t start_time;   /* time of the last reset */
	uint64_t job_exec_cnt; /* jobs finished */
	uint64_t loop_cnt;     /* loops in which at least one job finished */
} __rte_cache_aligned;

/* Zero ctx and reset its statistics. 0, or -EINVAL for NULL. */
int rte_jobstats_context_init(struct rte_jobstats_context *ctx);

/* Mark the start of a loop: the time since the last event is management. */
void rte_jobstats_context_start(struct rte_jobstats_context *ctx);

/* Mark the end of a loop; it counts in loop_cnt if a job finished in it. */
void rte_jobstats_context_finish(struct rte_jobstats_context *ctx);

/* Statistics back to zero (minimums to UINT64_MAX), start_time now. */
void rte_jobstats_context_reset(struct rte_jobstats_context *ctx);

/*
 * Set up job with its periods, target and the default update callback;
 * name may be NULL (empty) and is cut to RTE_JOBSTATS_NAMESIZE - 1 bytes.
 * 0, or -EINVAL when job is NULL.
 */
int rte_jobstats_init(struct rte_jobstats *job, const char *name, uint64_t min_period,
		      uint64_t max_period, uint64_t initial_period, int64_t target);

void rte_jobstats_set_target(struct rte_jobstats *job, int64_t target);

/*
 * Mark the start of job in ctx: the time since the last event is
 * management. 0, or -EINVAL when ctx or job is NULL or the job is running.
 */
int rte_jobstats_start(struct rte_jobstats_context *ctx, struct rte_jobstats *job);

/*
 * The started job did nothing: its time counts as management, not as a
 * run. 0, or -EINVAL when job is NULL or not running.
 */
int rte_jobstats_abort(struct rte_jobstats *job);

/*
 * The started job finished with job_value: run the update callback if
 * job_value is not the target, then count the run (callback included).
 * 1 if the callback ran, 0 if not, -EINVAL when job is NULL or not running.
 */
int rte_jobstats_finish(struct rte_jobstats *job, int64_t job_value);

/* Set the period; with saturate non-zero, clamp it to [min, max]. */
void rte_jobstats_set_period(struct rte_jobstats *job, uint64_t period, uint8_t saturate);

/* Set min_period (max_period), raising (lowering) period to it if needed. */
void rte_jobstats_set_min(struct rte_jobstats *job, uint64_t period);
void rte_jobstats_set_max(struct rte_jobstats *job, uint64_t period);

/* Use update_period_cb, or the default callback when it is NULL. */
void rte_jobstats_set_update_period_function(struct rte_jobstats *job,
					     rte_job_update_period_cb_t update_period_cb);

/* The job's run statistics back to zero (minimum to UINT64_MAX). */
void rte_jobstats_reset(struct rte_jobstats *job);

#ifdef __cplusplus
}
#endif

#endif
