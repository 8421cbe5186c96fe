/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Timers: calls before and after rte_timer_subsystem_init, one-shot and
 * periodic expiry, expiry order, stop and reset of pending timers, callbacks
 * that stop or reset their own timer, the status protocol against another
 * lcore (RUNNING and CONFIG refusals, the _sync variants), ownership by
 * tim_lcore, LCORE_ID_ANY, next_ticks, the alt_* API and error returns.
 *
 * No case checks how long anything took: a case waits until the timer cycle
 * counter has passed a timer's expiry, then checks what rte_timer_manage did.
 * Waits on another lcore have a hang guard of many seconds, never a bound.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_timer.h>

#include "test.h"

#define HANG_GUARD_S 30

/* What the counting callbacks saw. */
struct fires {
	unsigned int calls;	 /* atomic: written on the managing lcore */
	unsigned int lcore;	 /* lcore of the last call */
	unsigned int lcore_mask; /* bit per lcore (0..31) that ran a call */
	int ret;		 /* result of what the callback tried */
	unsigned int stop_at;	 /* stop or re-arm limit, by case */
	struct rte_timer *other; /* a second timer the callback acts on */
};

static uint64_t
ms_cycles(void)
{
	return rte_get_timer_hz() / 1000;
}

/* Spin until the timer cycle counter reaches t. */
static void
wait_cycles(uint64_t t)
{
	while (rte_get_timer_cycles() < t)
		rte_pause();
}

/* Wait until *v >= want; false only if the hang guard expires. */
static bool
wait_count(const unsigned int *v, unsigned int want)
{
	uint64_t limit = rte_get_timer_cycles() + HANG_GUARD_S * rte_get_timer_hz();

	/* acquire: pairs with the release increments in the callbacks */
	while (__atomic_load_n(v, __ATOMIC_ACQUIRE) < want) {
		if (rte_get_timer_cycles() > limit)
			return false;
		rte_pause();
	}
	return true;
}

static void
fires_note(struct fires *fr)
{
	unsigned int self = rte_lcore_id();

	fr->lcore = self;
	if (self < 32)
		fr->lcore_mask |= 1u << self;
	/* release: the fields above are visible once calls is */
	__atomic_fetch_add(&fr->calls, 1, __ATOMIC_RELEASE);
}

static void
count_cb(struct rte_timer *tim, void *arg)
{
	(void)tim;
	fires_note(arg);
}

static unsigned int
calls(struct fires *fr)
{
	return __atomic_load_n(&fr->calls, __ATOMIC_ACQUIRE);
}

/* ---- a worker lcore that runs rte_timer_manage() until told to stop ---- */

static unsigned int worker_quit;
static unsigned int worker_loops;

static int
worker_manage_loop(void *arg)
{
	(void)arg;
	/* acquire: pairs with the release store in worker_stop */
	while (!__atomic_load_n(&worker_quit, __ATOMIC_ACQUIRE)) {
		rte_timer_manage();
		__atomic_fetch_add(&worker_loops, 1, __ATOMIC_RELEASE);
	}
	return 0;
}

static int
worker_manage_once(void *arg)
{
	(void)arg;
	return rte_timer_manage();
}

static unsigned int
worker_lcore(void)
{
	return rte_get_next_lcore(rte_lcore_id(), 1, 0);
}

static int
worker_start(void)
{
	__atomic_store_n(&worker_quit, 0, __ATOMIC_RELAXED);
	return rte_eal_remote_launch(worker_manage_loop, NULL, worker_lcore());
}

static int
worker_stop(void)
{
	__atomic_store_n(&worker_quit, 1, __ATOMIC_RELEASE);
	return rte_eal_wait_lcore(worker_lcore());
}

/* Wait until the worker has run rte_timer_manage n more times. */
static bool
worker_wait_loops(unsigned int n)
{
	unsigned int now = __atomic_load_n(&worker_loops, __ATOMIC_ACQUIRE);

	return wait_count(&worker_loops, now + n);
}

/* ---- cases ---- */

static void *
thread_try_manage(void *arg)
{
	int *ret = arg;

	ret[0] = rte_timer_manage();
	ret[1] = (int)rte_timer_next_ticks();
	return NULL;
}

static int
test_timer_before_init(void)
{
	struct rte_timer t = RTE_TIMER_INITIALIZER;
	uint32_t id = 99;
	char *text = NULL;
	size_t len;
	FILE *f;

	TEST_ASSERT_EQUAL(t.status.state, RTE_TIMER_STOP, "static initializer");
	TEST_ASSERT_EQUAL(t.status.owner, RTE_TIMER_NO_OWNER, "static initializer");
	TEST_ASSERT_EQUAL(rte_timer_manage(), -EINVAL, "manage before init");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -EINVAL, "next_ticks before init");
	TEST_ASSERT_EQUAL(rte_timer_reset(&t, 1, SINGLE, 0, count_cb, NULL), -EINVAL,
			  "reset before init");
	TEST_ASSERT_EQUAL(rte_timer_stop(&t), -EINVAL, "stop before init");
	TEST_ASSERT_EQUAL(rte_timer_data_alloc(&id), -ENOMEM, "data_alloc before init");
	TEST_ASSERT_EQUAL(id, 99, "id untouched");
	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	TEST_ASSERT_EQUAL(rte_timer_dump_stats(f), -EINVAL, "dump before init");
	fclose(f);
	free(text);
	/* the _sync forms give up on -EINVAL rather than spin */
	rte_timer_reset_sync(&t, 1, SINGLE, 0, count_cb, NULL);
	rte_timer_stop_sync(&t);

	TEST_ASSERT_SUCCESS(rte_timer_subsystem_init(), "init");
	TEST_ASSERT_EQUAL(rte_timer_subsystem_init(), -EALREADY, "second init");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "nothing pending");
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage with nothing pending");
	return TEST_SUCCESS;
}

static int
test_timer_single(void)
{
	unsigned int self = rte_lcore_id();
	struct fires fr = {0};
	struct rte_timer t;
	uint64_t expire;

	rte_timer_init(&t);
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "initialized timer is stopped");
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles(), SINGLE, self, count_cb, &fr), "reset");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 1, "pending after reset");
	TEST_ASSERT_EQUAL(t.status.owner, (int)self, "owned by tim_lcore");
	TEST_ASSERT_EQUAL(t.period, 0, "one-shot");
	expire = t.expire;
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	if (rte_get_timer_cycles() < expire)
		TEST_ASSERT_EQUAL(calls(&fr), 0, "not before its expiry");

	wait_cycles(expire);
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 1, "fired once");
	TEST_ASSERT_EQUAL(fr.lcore, self, "on its lcore");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "stopped after firing");
	TEST_ASSERT_EQUAL(t.status.state, RTE_TIMER_STOP, "state STOP");
	TEST_ASSERT_EQUAL(t.status.owner, RTE_TIMER_NO_OWNER, "no owner");

	wait_cycles(expire + 3 * ms_cycles());
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 1, "a one-shot timer fires once");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "list empty again");
	return TEST_SUCCESS;
}

static int
test_timer_periodic(void)
{
	uint64_t period = ms_cycles() / 2, expire;
	unsigned int self = rte_lcore_id();
	struct fires fr = {0};
	struct rte_timer t;
	unsigned int i;

	rte_timer_init(&t);
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, period, PERIODICAL, self, count_cb, &fr), "reset");
	TEST_ASSERT_EQUAL(t.period, period, "period");
	for (i = 1; i <= 5; i++) {
		expire = t.expire;
		wait_cycles(expire);
		TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
		/* one call per manage: the re-armed timer waits for the next */
		TEST_ASSERT_EQUAL(calls(&fr), i, "call %u", i);
		TEST_ASSERT_EQUAL(rte_timer_pending(&t), 1, "re-armed after call %u", i);
		TEST_ASSERT_EQUAL(t.expire, expire + period, "one period later, without drift");
	}
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stop");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "stopped");
	wait_cycles(t.expire + 3 * period);
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 5, "no call after stop");
	return TEST_SUCCESS;
}

#define ORDER_N 300

static struct rte_timer *order_seen[ORDER_N];
static unsigned int order_n;

static void
order_cb(struct rte_timer *tim, void *arg)
{
	(void)arg;
	if (order_n < ORDER_N)
		order_seen[order_n] = tim;
	order_n++;
}

static int
test_timer_order(void)
{
	static struct rte_timer t[ORDER_N];
	unsigned int self = rte_lcore_id();
	uint64_t step = ms_cycles() / 50, last = 0;
	unsigned int i, stopped = 0;

	order_n = 0;
	for (i = 0; i < ORDER_N; i++) {
		rte_timer_init(&t[i]);
		/* a scrambled permutation of delays, a few times the same delay */
		TEST_ASSERT_SUCCESS(rte_timer_reset(&t[i], step * ((i * 7919) % 97 + 1), SINGLE,
						    self, order_cb, NULL),
				    "reset %u", i);
		if (t[i].expire > last)
			last = t[i].expire;
	}
	/* stopping a third of them exercises removal from the middle */
	for (i = 0; i < ORDER_N; i += 3) {
		TEST_ASSERT_SUCCESS(rte_timer_stop(&t[i]), "stop %u", i);
		stopped++;
	}
	wait_cycles(last);
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), 0, "all expired: next_ticks is 0");
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(order_n, ORDER_N - stopped, "every armed timer fired in one manage");
	for (i = 1; i < order_n; i++)
		TEST_ASSERT(order_seen[i - 1]->expire <= order_seen[i]->expire,
			    "call %u expires before call %u", i - 1, i);
	for (i = 0; i < order_n; i++)
		TEST_ASSERT((order_seen[i] - t) % 3 != 0, "stopped timer %td fired",
			    order_seen[i] - t);
	for (i = 0; i < ORDER_N; i++)
		TEST_ASSERT_EQUAL(rte_timer_pending(&t[i]), 0, "timer %u done", i);
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "list empty");
	return TEST_SUCCESS;
}

static int
test_timer_stop_before_expiry(void)
{
	unsigned int self = rte_lcore_id();
	struct fires fr = {0};
	struct rte_timer t;

	rte_timer_init(&t);
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stopping a stopped timer succeeds");
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles(), SINGLE, self, count_cb, &fr), "reset");
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stop");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "not pending");
	TEST_ASSERT_EQUAL(t.status.owner, RTE_TIMER_NO_OWNER, "no owner");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "unlinked");
	wait_cycles(t.expire + ms_cycles());
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 0, "never fires");
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "second stop");
	return TEST_SUCCESS;
}

static int
test_timer_reset_pending(void)
{
	struct fires old = {0}, moved = {0};
	uint64_t hz = rte_get_timer_hz();
	unsigned int self = rte_lcore_id();
	struct rte_timer t;
	int64_t left;

	rte_timer_init(&t);
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, 100 * hz, SINGLE, self, count_cb, &old),
			    "reset far");
	left = rte_timer_next_ticks();
	TEST_ASSERT(left > (int64_t)(50 * hz) && left <= (int64_t)(100 * hz),
		    "next_ticks %" PRId64 " for a timer 100 s away", left);
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles(), SINGLE, self, count_cb, &moved),
			    "reset near, other callback argument");
	left = rte_timer_next_ticks();
	TEST_ASSERT(left >= 0 && left <= (int64_t)ms_cycles(), "next_ticks %" PRId64, left);
	wait_cycles(t.expire);
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&moved), 1, "fired with the new argument");
	TEST_ASSERT_EQUAL(calls(&old), 0, "old arming gone");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "only one entry was listed");

	if (rte_lcore_count() >= 2) {
		/* moving a pending timer to another lcore's list */
		TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles(), SINGLE, self, count_cb, &old),
				    "reset here");
		TEST_ASSERT_SUCCESS(
			rte_timer_reset(&t, 100 * hz, SINGLE, worker_lcore(), count_cb, &old),
			"reset to the worker");
		TEST_ASSERT_EQUAL(t.status.owner, (int)worker_lcore(), "new owner");
		TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "left this lcore's list");
		TEST_ASSERT_EQUAL(rte_timer_pending(&t), 1, "still pending");
		TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stop from a non-owner lcore");
		TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "stopped");
	}
	return TEST_SUCCESS;
}

/* Periodic; stops itself on call stop_at. */
static void
self_stop_cb(struct rte_timer *tim, void *arg)
{
	struct fires *fr = arg;

	fires_note(fr);
	if (calls(fr) == fr->stop_at)
		fr->ret = rte_timer_stop(tim);
}

/* One-shot; re-arms itself until call stop_at. */
static void
self_reset_cb(struct rte_timer *tim, void *arg)
{
	struct fires *fr = arg;

	fires_note(fr);
	if (calls(fr) < fr->stop_at)
		fr->ret = rte_timer_reset(tim, ms_cycles() / 4, SINGLE, rte_lcore_id(),
					  self_reset_cb, fr);
}

/* Tries to stop and reset another timer that expired in the same manage. */
static void
touch_other_cb(struct rte_timer *tim, void *arg)
{
	struct fires *fr = arg;

	(void)tim;
	fires_note(fr);
	if (fr->other != NULL) {
		fr->ret = rte_timer_stop(fr->other);
		if (fr->ret == -1)
			fr->ret = rte_timer_reset(fr->other, 1, SINGLE, rte_lcore_id(), count_cb,
						  NULL);
		fr->other = NULL;
	}
}

/* Periodic timer in heap memory that stops and frees itself. */
static void
self_free_cb(struct rte_timer *tim, void *arg)
{
	struct fires *fr = arg;

	fires_note(fr);
	fr->ret = rte_timer_stop(tim);
	free(tim);
}

/* Call manage after each expiry until tim is no longer pending (at most max times). */
static int
manage_while_pending(struct rte_timer *tim, unsigned int max)
{
	unsigned int i;

	for (i = 0; i < max && rte_timer_pending(tim); i++) {
		wait_cycles(tim->expire);
		if (rte_timer_manage() != 0)
			return -1;
	}
	return 0;
}

static int
test_timer_callback_changes_itself(void)
{
	struct fires fr = {.stop_at = 3, .ret = 99}, fr2 = {0};
	unsigned int self = rte_lcore_id();
	struct rte_timer t, u, *h;

	rte_timer_init(&t);
	TEST_ASSERT_SUCCESS(
		rte_timer_reset(&t, ms_cycles() / 4, PERIODICAL, self, self_stop_cb, &fr),
		"periodic");
	TEST_ASSERT_SUCCESS(manage_while_pending(&t, 20), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 3, "stopped by its third call");
	TEST_ASSERT_EQUAL(fr.ret, 0, "rte_timer_stop from its own callback");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "not re-armed");
	TEST_ASSERT_EQUAL(t.status.state, RTE_TIMER_STOP, "state STOP");

	memset(&fr, 0, sizeof(fr));
	fr.stop_at = 4;
	fr.ret = 99;
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles() / 4, SINGLE, self, self_reset_cb, &fr),
			    "one-shot");
	TEST_ASSERT_SUCCESS(manage_while_pending(&t, 20), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 4, "re-armed by itself three times");
	TEST_ASSERT_EQUAL(fr.ret, 0, "rte_timer_reset from its own callback");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "stopped after the last call");

	/* two timers expire in one manage: the first cannot touch the second */
	memset(&fr, 0, sizeof(fr));
	fr.ret = 99;
	fr.other = &u;
	rte_timer_init(&u);
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles(), SINGLE, self, touch_other_cb, &fr),
			    "first");
	TEST_ASSERT_SUCCESS(rte_timer_reset(&u, ms_cycles(), SINGLE, self, count_cb, &fr2),
			    "second");
	TEST_ASSERT(u.expire >= t.expire, "second expires later");
	wait_cycles(u.expire);
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 1, "first fired");
	TEST_ASSERT_EQUAL(fr.ret, -1, "the second is RUNNING: stop and reset refused");
	TEST_ASSERT_EQUAL(calls(&fr2), 1, "the second fired anyway");
	TEST_ASSERT_EQUAL(rte_timer_pending(&u), 0, "and stopped");

	/* a callback may stop and free its timer; manage must not touch it after */
	memset(&fr, 0, sizeof(fr));
	fr.ret = 99;
	h = malloc(sizeof(*h));
	TEST_ASSERT_NOT_NULL(h, "malloc");
	rte_timer_init(h);
	TEST_ASSERT_SUCCESS(
		rte_timer_reset(h, ms_cycles() / 4, PERIODICAL, self, self_free_cb, &fr),
		"heap timer");
	wait_cycles(h->expire);
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage");
	TEST_ASSERT_EQUAL(calls(&fr), 1, "fired");
	TEST_ASSERT_EQUAL(fr.ret, 0, "stopped itself");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "not re-armed");
	return TEST_SUCCESS;
}

static int
test_timer_owner_lcore_only(void)
{
	unsigned int worker = worker_lcore();
	struct fires fr = {0};
	struct rte_timer t;
	int i;

	if (rte_lcore_count() < 2)
		return TEST_SKIPPED;
	rte_timer_init(&t);
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, ms_cycles(), SINGLE, worker, count_cb, &fr),
			    "arm on the worker");
	TEST_ASSERT_EQUAL(t.status.owner, (int)worker, "owner");
	wait_cycles(t.expire);
	for (i = 0; i < 3; i++)
		TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage on main");
	TEST_ASSERT_EQUAL(calls(&fr), 0, "main does not run the worker's timers");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 1, "still pending");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "main's list is empty");

	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(worker_manage_once, NULL, worker), "launch");
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "manage on the worker");
	TEST_ASSERT_EQUAL(calls(&fr), 1, "the worker ran it");
	TEST_ASSERT_EQUAL(fr.lcore, worker, "on the worker lcore");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "done");
	return TEST_SUCCESS;
}

/*
 * Callback modes for test_timer_sync_other_lcore: return at once, block
 * until released, or linger 5 ms on every call.
 */
enum { CB_PLAIN, CB_BLOCK, CB_LINGER };
static unsigned int cb_mode;
static unsigned int cb_entries; /* calls that blocked or lingered */
static unsigned int cb_release;

static void
blocking_cb(struct rte_timer *tim, void *arg)
{
	uint64_t limit = rte_get_timer_cycles() + HANG_GUARD_S * rte_get_timer_hz();
	unsigned int mode = __atomic_load_n(&cb_mode, __ATOMIC_ACQUIRE);

	(void)tim;
	if (mode != CB_PLAIN) {
		__atomic_fetch_add(&cb_entries, 1, __ATOMIC_RELEASE);
		if (mode == CB_LINGER)
			limit = rte_get_timer_cycles() + 5 * ms_cycles();
		while (!__atomic_load_n(&cb_release, __ATOMIC_ACQUIRE) &&
		       rte_get_timer_cycles() < limit)
			rte_pause();
	}
	fires_note(arg);
}

/* Body of test_timer_sync_other_lcore while the worker manages; "what" names a failure. */
static const char *
sync_steps(struct rte_timer *t, struct fires *fr)
{
	unsigned int worker = worker_lcore(), main_lcore = rte_lcore_id(), n;
	uint64_t period = ms_cycles() / 2;

	if (rte_timer_reset(t, period, PERIODICAL, worker, blocking_cb, fr) != 0)
		return "reset to the worker";
	if (!wait_count(&fr->calls, 3))
		return "three periodic calls on the worker";

	/* the callback is running on the worker: both refused, nothing changes */
	n = __atomic_load_n(&cb_entries, __ATOMIC_ACQUIRE);
	__atomic_store_n(&cb_release, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&cb_mode, CB_BLOCK, __ATOMIC_RELEASE);
	if (!wait_count(&cb_entries, n + 1))
		return "callback entered";
	if (t->status.state != RTE_TIMER_RUNNING || t->status.owner != (int)worker)
		return "RUNNING, owned by the worker, while the callback runs";
	if (rte_timer_reset(t, period, SINGLE, main_lcore, count_cb, fr) != -1)
		return "reset of a timer running on another lcore returns -1";
	if (rte_timer_stop(t) != -1)
		return "stop of a timer running on another lcore returns -1";
	if (rte_timer_pending(t) != 0)
		return "a running timer is not pending";
	__atomic_store_n(&cb_mode, CB_PLAIN, __ATOMIC_RELAXED);
	__atomic_store_n(&cb_release, 1, __ATOMIC_RELEASE);

	/*
	 * reset_sync against a callback that lingers on every call: it spins
	 * while the timer runs and takes it between two calls.
	 */
	if (!worker_wait_loops(2))
		return "worker loops";
	n = __atomic_load_n(&cb_entries, __ATOMIC_ACQUIRE);
	__atomic_store_n(&cb_release, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&cb_mode, CB_LINGER, __ATOMIC_RELEASE);
	if (!wait_count(&cb_entries, n + 1))
		return "callback entered again";
	rte_timer_reset_sync(t, 100 * rte_get_timer_hz(), SINGLE, main_lcore, count_cb, fr);
	__atomic_store_n(&cb_mode, CB_PLAIN, __ATOMIC_RELEASE);
	if (t->status.state != RTE_TIMER_PENDING || t->status.owner != (int)main_lcore)
		return "reset_sync moved the timer to the main lcore";

	/* back to the worker, then stop_sync: no call after it returned */
	if (rte_timer_reset(t, period, PERIODICAL, worker, blocking_cb, fr) != 0)
		return "reset to the worker again";
	n = calls(fr);
	if (!wait_count(&fr->calls, n + 2))
		return "periodic calls resumed";
	rte_timer_stop_sync(t);
	if (rte_timer_pending(t) != 0 || t->status.state != RTE_TIMER_STOP)
		return "stop_sync stopped the timer";
	n = calls(fr);
	wait_cycles(rte_get_timer_cycles() + 4 * period);
	if (!worker_wait_loops(2))
		return "worker loops after stop";
	if (calls(fr) != n)
		return "no call after stop_sync returned";
	if (fr->lcore_mask != 1u << worker)
		return "every call ran on the worker";
	return NULL;
}

static int
test_timer_sync_other_lcore(void)
{
	struct fires fr = {0};
	struct rte_timer t;
	const char *failed;
	int ret;

	if (rte_lcore_count() < 2 || worker_lcore() >= 32)
		return TEST_SKIPPED;
	rte_timer_init(&t);
	__atomic_store_n(&cb_mode, CB_PLAIN, __ATOMIC_RELAXED);
	TEST_ASSERT_SUCCESS(worker_start(), "launch the managing worker");
	failed = sync_steps(&t, &fr);
	/* leave nothing running, whatever happened */
	__atomic_store_n(&cb_release, 1, __ATOMIC_RELEASE);
	ret = worker_stop();
	rte_timer_stop_sync(&t);
	TEST_ASSERT(failed == NULL, "%s", failed);
	TEST_ASSERT_SUCCESS(ret, "worker");
	return TEST_SUCCESS;
}

/*
 * Many timers re-armed, moved and stopped from the main lcore while both
 * lcores manage them; some callbacks move their timer to the other lcore.
 * Every call must run on the lcore the timer was armed for, and the lists
 * must end empty.
 */
#define STRESS_TIMERS 32
#define STRESS_OPS 20000

struct stress_arg {
	unsigned int lcore;	  /* where a timer armed with this argument must run */
	struct stress_arg *other; /* the same timer's argument for the other lcore */
};

static unsigned int stress_calls;
static unsigned int stress_misplaced;

static void
stress_cb(struct rte_timer *tim, void *arg)
{
	struct stress_arg *sa = arg;
	unsigned int n = __atomic_fetch_add(&stress_calls, 1, __ATOMIC_RELAXED);

	if (rte_lcore_id() != sa->lcore)
		__atomic_fetch_add(&stress_misplaced, 1, __ATOMIC_RELAXED);
	if (n % 4 == 0)
		rte_timer_reset(tim, n % 1000, SINGLE, sa->other->lcore, stress_cb, sa->other);
}

static int
worker_next_ticks(void *arg)
{
	(void)arg;
	return (int)rte_timer_next_ticks();
}

static int
test_timer_concurrent(void)
{
	static struct stress_arg args[STRESS_TIMERS][2];
	static struct rte_timer t[STRESS_TIMERS];
	unsigned int lcores[2] = {rte_lcore_id(), worker_lcore()};
	unsigned int i, op, refused = 0, x = 12345;
	int worker_left, ret;

	if (rte_lcore_count() < 2)
		return TEST_SKIPPED;
	for (i = 0; i < STRESS_TIMERS; i++) {
		rte_timer_init(&t[i]);
		args[i][0] = (struct stress_arg){lcores[0], &args[i][1]};
		args[i][1] = (struct stress_arg){lcores[1], &args[i][0]};
	}
	__atomic_store_n(&stress_calls, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&stress_misplaced, 0, __ATOMIC_RELAXED);
	TEST_ASSERT_SUCCESS(worker_start(), "launch the managing worker");
	for (op = 0; op < STRESS_OPS; op++) {
		unsigned int k, side;

		x = x * 1103515245 + 12345;
		k = (x >> 8) % STRESS_TIMERS;
		side = (x >> 20) & 1;
		if ((x >> 16) % 5 == 0)
			ret = rte_timer_stop(&t[k]);
		else
			ret = rte_timer_reset(&t[k], (x >> 4) % 20000,
					      (x >> 24) & 1 ? PERIODICAL : SINGLE, lcores[side],
					      stress_cb, &args[k][side]);
		if (ret == -1)
			refused++; /* running on the worker right now */
		if (op % 8 == 0)
			rte_timer_manage();
	}
	for (i = 0; i < STRESS_TIMERS; i++)
		rte_timer_stop_sync(&t[i]);
	ret = worker_stop();
	TEST_ASSERT_SUCCESS(ret, "worker");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(worker_next_ticks, NULL, lcores[1]), "launch");
	worker_left = rte_eal_wait_lcore(lcores[1]);
	printf("  %u calls, %u refused resets or stops\n",
	       __atomic_load_n(&stress_calls, __ATOMIC_RELAXED), refused);
	TEST_ASSERT(__atomic_load_n(&stress_calls, __ATOMIC_RELAXED) > 0, "callbacks ran");
	TEST_ASSERT_EQUAL(__atomic_load_n(&stress_misplaced, __ATOMIC_RELAXED), 0,
			  "every call on the lcore its timer was armed for");
	for (i = 0; i < STRESS_TIMERS; i++)
		TEST_ASSERT_EQUAL(rte_timer_pending(&t[i]), 0, "timer %u stopped", i);
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "main's list empty");
	TEST_ASSERT_EQUAL(worker_left, -ENOENT, "worker's list empty");
	return TEST_SUCCESS;
}

static void *
thread_reset_any(void *arg)
{
	struct rte_timer *t = arg;

	if (rte_timer_reset(t, 100 * rte_get_timer_hz(), SINGLE, LCORE_ID_ANY, count_cb, NULL) != 0)
		return arg;
	return NULL;
}

static int
test_timer_lcore_any(void)
{
	unsigned int want = rte_lcore_id(), i;
	struct rte_timer t;
	pthread_t th;
	void *res;

	rte_timer_init(&t);
	for (i = 0; i < 4; i++) {
		want = rte_get_next_lcore(want, 0, 1);
		TEST_ASSERT_SUCCESS(rte_timer_reset(&t, 100 * rte_get_timer_hz(), SINGLE,
						    LCORE_ID_ANY, count_cb, NULL),
				    "reset %u", i);
		TEST_ASSERT_EQUAL(t.status.owner, (int)want, "round robin, step %u", i);
	}
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stop");
	/* a thread that is not an lcore: the first enabled lcore */
	TEST_ASSERT_SUCCESS(pthread_create(&th, NULL, thread_reset_any, &t), "thread");
	pthread_join(th, &res);
	TEST_ASSERT_NULL(res, "reset from a non-EAL thread");
	TEST_ASSERT_EQUAL(t.status.owner, (int)rte_get_next_lcore(-1, 0, 1), "first lcore");
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stop");
	return TEST_SUCCESS;
}

static struct rte_timer *alt_seen[4];
static unsigned int alt_n;

static void
alt_cb(struct rte_timer *tim)
{
	if (alt_n < RTE_DIM(alt_seen))
		alt_seen[alt_n] = tim;
	alt_n++;
}

static int
test_timer_errors(void)
{
	uint32_t ids[64], id;
	unsigned int bad_lcore = RTE_MAX_LCORE, lcore0 = 0;
	union rte_timer_status saved;
	int res[2] = {99, 99};
	struct rte_timer t;
	pthread_t th;
	unsigned int n, i;

	rte_timer_init(&t);
	TEST_ASSERT_EQUAL(rte_timer_reset(&t, 1, SINGLE, RTE_MAX_LCORE, count_cb, NULL), -EINVAL,
			  "lcore out of range");
	TEST_ASSERT_EQUAL(rte_timer_pending(&t), 0, "left stopped");
	TEST_ASSERT_EQUAL(rte_timer_alt_reset(64, &t, 1, SINGLE, 0, count_cb, NULL), -EINVAL,
			  "instance id out of range");
	TEST_ASSERT_EQUAL(rte_timer_alt_reset(5, &t, 1, SINGLE, 0, count_cb, NULL), -EINVAL,
			  "instance not allocated");
	TEST_ASSERT_EQUAL(rte_timer_alt_stop(5, &t), -EINVAL, "alt_stop");
	TEST_ASSERT_EQUAL(rte_timer_alt_dump_stats(5, stdout), -EINVAL, "alt_dump_stats");
	TEST_ASSERT_EQUAL(rte_timer_stop_all(5, &lcore0, 1, NULL, NULL), -EINVAL, "stop_all");
	TEST_ASSERT_EQUAL(rte_timer_stop_all(0, &bad_lcore, 1, NULL, NULL), -EINVAL,
			  "stop_all lcore out of range");
	TEST_ASSERT_EQUAL(rte_timer_stop_all(0, NULL, 1, NULL, NULL), -EINVAL,
			  "stop_all without lcores");
	TEST_ASSERT_EQUAL(rte_timer_alt_manage(5, NULL, 0, alt_cb), -EINVAL, "alt_manage");
	TEST_ASSERT_EQUAL(rte_timer_alt_manage(0, NULL, 0, NULL), -EINVAL, "alt_manage f NULL");
	TEST_ASSERT_EQUAL(rte_timer_alt_manage(0, &lcore0, -1, alt_cb), -EINVAL, "negative count");
	TEST_ASSERT_EQUAL(rte_timer_alt_manage(0, &bad_lcore, 1, alt_cb), -EINVAL,
			  "poll lcore out of range");
	TEST_ASSERT_EQUAL(rte_timer_data_dealloc(64), -EINVAL, "dealloc out of range");
	TEST_ASSERT_EQUAL(rte_timer_data_dealloc(5), -EINVAL, "dealloc not allocated");

	/* the default instance holds one of the 64 */
	for (n = 0; n < 64; n++)
		if (rte_timer_data_alloc(&ids[n]) != 0)
			break;
	TEST_ASSERT_EQUAL(n, 63, "63 more instances");
	TEST_ASSERT_EQUAL(rte_timer_data_alloc(&id), -ENOSPC, "all in use");
	for (i = 0; i < n; i++)
		TEST_ASSERT_SUCCESS(rte_timer_data_dealloc(ids[i]), "dealloc %u", ids[i]);
	TEST_ASSERT_SUCCESS(rte_timer_data_alloc(NULL), "alloc without id pointer");
	TEST_ASSERT_SUCCESS(rte_timer_data_dealloc(1), "the lowest free id was taken");

	/* the status word refuses CONFIG by anyone, RUNNING on another lcore */
	saved.u32 = t.status.u32;
	t.status.state = RTE_TIMER_CONFIG;
	t.status.owner = 1;
	TEST_ASSERT_EQUAL(rte_timer_reset(&t, 1, SINGLE, 0, count_cb, NULL), -1, "CONFIG");
	TEST_ASSERT_EQUAL(rte_timer_stop(&t), -1, "CONFIG");
	t.status.state = RTE_TIMER_RUNNING;
	TEST_ASSERT_EQUAL(rte_timer_reset(&t, 1, SINGLE, 0, count_cb, NULL), -1,
			  "RUNNING on another lcore");
	TEST_ASSERT_EQUAL(rte_timer_stop(&t), -1, "RUNNING on another lcore");
	t.status.owner = (int16_t)rte_lcore_id();
	TEST_ASSERT_EQUAL(rte_timer_stop(&t), -1, "RUNNING here, but not the running callback");
	TEST_ASSERT_EQUAL(t.status.state, RTE_TIMER_RUNNING, "status untouched");
	t.status.u32 = saved.u32;

	/* manage and next_ticks need an lcore */
	TEST_ASSERT_SUCCESS(pthread_create(&th, NULL, thread_try_manage, res), "thread");
	pthread_join(th, NULL);
	TEST_ASSERT_EQUAL(res[0], -EINVAL, "manage from a non-EAL thread");
	TEST_ASSERT_EQUAL(res[1], -EINVAL, "next_ticks from a non-EAL thread");
	return TEST_SUCCESS;
}

static void
stop_all_cb(struct rte_timer *tim, void *arg)
{
	unsigned int *n = arg;

	if (tim->status.state == RTE_TIMER_STOP)
		(*n)++;
}

static int
test_timer_alt(void)
{
	unsigned int self = rte_lcore_id(), lcores[2], stopped = 0;
	struct rte_timer a, b, c, d;
	char *text = NULL;
	uint32_t id;
	size_t len;
	FILE *f;

	if (rte_lcore_count() < 2)
		return TEST_SKIPPED;
	lcores[0] = self;
	lcores[1] = worker_lcore();
	TEST_ASSERT_SUCCESS(rte_timer_data_alloc(&id), "alloc");
	TEST_ASSERT_NOT_EQUAL(id, 0, "not the default instance");
	rte_timer_init(&a);
	rte_timer_init(&b);
	rte_timer_init(&c);
	rte_timer_init(&d);
	TEST_ASSERT_SUCCESS(
		rte_timer_alt_reset(id, &a, 3 * ms_cycles(), SINGLE, lcores[0], NULL, NULL), "a");
	TEST_ASSERT_SUCCESS(
		rte_timer_alt_reset(id, &b, 1 * ms_cycles(), SINGLE, lcores[1], NULL, NULL), "b");
	TEST_ASSERT_SUCCESS(
		rte_timer_alt_reset(id, &c, 2 * ms_cycles(), PERIODICAL, lcores[1], NULL, NULL),
		"c");
	TEST_ASSERT(b.expire < c.expire && c.expire < a.expire, "expiry b, c, a");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "the default instance is apart");

	wait_cycles(a.expire);
	alt_n = 0;
	TEST_ASSERT_SUCCESS(rte_timer_manage(), "manage of the default instance");
	TEST_ASSERT_EQUAL(alt_n, 0, "does not see them");
	TEST_ASSERT_SUCCESS(rte_timer_alt_manage(id, lcores, 2, alt_cb), "alt_manage");
	TEST_ASSERT_EQUAL(alt_n, 3, "three expired");
	TEST_ASSERT(alt_seen[0] == &b && alt_seen[1] == &c && alt_seen[2] == &a,
		    "merged in expiry order across both lists");
	TEST_ASSERT_EQUAL(rte_timer_pending(&a) + rte_timer_pending(&b), 0, "one-shots done");
	TEST_ASSERT_EQUAL(rte_timer_pending(&c), 1, "periodic re-armed");
	TEST_ASSERT_EQUAL(c.status.owner, (int)self, "on the managing lcore");

	TEST_ASSERT_SUCCESS(rte_timer_alt_reset(id, &d, 100 * rte_get_timer_hz(), SINGLE, lcores[1],
						NULL, NULL),
			    "d");
	TEST_ASSERT_SUCCESS(rte_timer_alt_manage(id, NULL, 0, alt_cb),
			    "alt_manage of the caller's list");
	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	TEST_ASSERT_SUCCESS(rte_timer_alt_dump_stats(id, f), "dump");
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "pending = 2", "c and d");
	free(text);

	TEST_ASSERT_SUCCESS(rte_timer_stop_all(id, lcores, 2, stop_all_cb, &stopped), "stop_all");
	TEST_ASSERT_EQUAL(stopped, 2, "c and d, each stopped before its callback");
	TEST_ASSERT_EQUAL(rte_timer_pending(&c) + rte_timer_pending(&d), 0, "none pending");
	TEST_ASSERT_SUCCESS(rte_timer_stop_all(id, lcores, 2, NULL, NULL), "stop_all again");
	TEST_ASSERT_SUCCESS(rte_timer_data_dealloc(id), "dealloc");
	TEST_ASSERT_EQUAL(rte_timer_data_dealloc(id), -EINVAL, "dealloc twice");
	TEST_ASSERT_EQUAL(rte_timer_alt_manage(id, NULL, 0, alt_cb), -EINVAL, "gone");
	return TEST_SUCCESS;
}

static int
test_timer_dump_stats(void)
{
	struct rte_timer t;
	char *text = NULL;
	size_t len;
	FILE *f;

	rte_timer_init(&t);
	TEST_ASSERT_SUCCESS(rte_timer_reset(&t, 100 * rte_get_timer_hz(), SINGLE, rte_lcore_id(),
					    count_cb, NULL),
			    "reset");
	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	TEST_ASSERT_SUCCESS(rte_timer_dump_stats(f), "dump");
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "reset = ", "reset counter");
	TEST_ASSERT_STR_CONTAINS(text, "manage = ", "manage counter");
	TEST_ASSERT_STR_CONTAINS(text, "pending = 1\n", "one pending");
	free(text);
	TEST_ASSERT_SUCCESS(rte_timer_stop(&t), "stop");
	return TEST_SUCCESS;
}

static int
test_timer_finalize(void)
{
	rte_timer_subsystem_finalize();
	TEST_ASSERT_EQUAL(rte_timer_manage(), -EINVAL, "manage after finalize");
	rte_timer_subsystem_finalize();
	TEST_ASSERT_SUCCESS(rte_timer_subsystem_init(), "init again");
	TEST_ASSERT_EQUAL(rte_timer_next_ticks(), -ENOENT, "fresh lists");
	rte_timer_subsystem_finalize();
	return TEST_SUCCESS;
}

static const struct test_case timer_cases[] = {
	TEST_CASE(test_timer_before_init),
	TEST_CASE(test_timer_single),
	TEST_CASE(test_timer_periodic),
	TEST_CASE(test_timer_order),
	TEST_CASE(test_timer_stop_before_expiry),
	TEST_CASE(test_timer_reset_pending),
	TEST_CASE(test_timer_callback_changes_itself),
	TEST_CASE(test_timer_owner_lcore_only),
	TEST_CASE(test_timer_sync_other_lcore),
	TEST_CASE(test_timer_concurrent),
	TEST_CASE(test_timer_lcore_any),
	TEST_CASE(test_timer_errors),
	TEST_CASE(test_timer_alt),
	TEST_CASE(test_timer_dump_stats),
	TEST_CASE(test_timer_finalize),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(timer, TEST_SUITE_EAL, timer_cases)
