/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Alarms: a list sorted by expiry and one timerfd armed for the earliest.
 * The timerfd is an interrupt source, so callbacks run in the eal-intr
 * thread.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/queue.h>
#include <sys/timerfd.h>

#include <rte_alarm.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "eal_private.h"

#define NS_PER_S 1000000000ULL
#define US_PER_S 1000000ULL

struct alarm_entry {
	LIST_ENTRY(alarm_entry) next;
	uint64_t expiry_ns;		/* CLOCK_MONOTONIC */
	rte_eal_alarm_callback cb_fn;
	void *cb_arg;
	bool executing;
	pthread_t executor;
};

static LIST_HEAD(, alarm_entry) alarm_list = LIST_HEAD_INITIALIZER(alarm_list);
static pthread_mutex_t alarm_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rte_intr_handle *alarm_handle;
static bool alarm_cb_registered;

static uint64_t
alarm_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Called with alarm_lock held: arm the timerfd for the first alarm. */
static void
alarm_arm(void)
{
	struct alarm_entry *first = LIST_FIRST(&alarm_list);
	struct itimerspec its = { 0 };

	if (first == NULL)
		return;
	/* Absolute time; an expiry already past fires at once (never 0, which disarms). */
	its.it_value.tv_sec = (time_t)(first->expiry_ns / NS_PER_S);
	its.it_value.tv_nsec = (long)(first->expiry_ns % NS_PER_S);
	if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
		its.it_value.tv_nsec = 1;
	timerfd_settime(rte_intr_fd_get(alarm_handle), TFD_TIMER_ABSTIME, &its, NULL);
}

static void
alarm_run_expired(void *arg)
{
	struct alarm_entry *ap;

	(void)arg;
	pthread_mutex_lock(&alarm_lock);
	while ((ap = LIST_FIRST(&alarm_list)) != NULL && ap->expiry_ns <= alarm_now_ns()) {
		ap->executing = true;
		ap->executor = pthread_self();
		pthread_mutex_unlock(&alarm_lock);
		ap->cb_fn(ap->cb_arg);
		pthread_mutex_lock(&alarm_lock);
		/* The callback may have added alarms before ap: remove ap itself. */
		LIST_REMOVE(ap, next);
		free(ap);
	}
	alarm_arm();
	pthread_mutex_unlock(&alarm_lock);
}

int
eal_alarm_init(void)
{
	int fd;

	alarm_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (alarm_handle == NULL)
		return eal_fail(ENOMEM, "EAL: out of memory for the alarm handle\n");
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (fd < 0) {
		int err = errno;

		rte_intr_instance_free(alarm_handle);
		alarm_handle = NULL;
		return eal_fail(err, "EAL: cannot create the alarm timerfd: %s\n",
				strerror(err));
	}
	rte_intr_type_set(alarm_handle, RTE_INTR_HANDLE_ALARM);
	rte_intr_fd_set(alarm_handle, fd);
	return 0;
}

/*
 * Free every alarm not running now, wherever it sits in the list; the
 * running one belongs to alarm_run_expired, which frees it on return.
 */
static void
alarm_free_idle(void)
{
	struct alarm_entry *ap, *tmp;

	pthread_mutex_lock(&alarm_lock);
	for (ap = LIST_FIRST(&alarm_list); ap != NULL; ap = tmp) {
		tmp = LIST_NEXT(ap, next);
		if (ap->executing)
			continue;
		LIST_REMOVE(ap, next);
		free(ap);
	}
	pthread_mutex_unlock(&alarm_lock);
}

void
eal_alarm_cleanup(void)
{
	if (alarm_handle == NULL)
		return;
	alarm_free_idle();
	if (alarm_cb_registered) {
		/* From the eal-intr thread itself (rte_exit in a callback) we cannot wait. */
		if (rte_thread_is_intr())
			rte_intr_callback_unregister_pending(alarm_handle, alarm_run_expired,
							     NULL, NULL);
		else
			rte_intr_callback_unregister_sync(alarm_handle, alarm_run_expired, NULL);
		alarm_cb_registered = false;
	}
	/* what a callback still running above set before it returned */
	alarm_free_idle();
	close(rte_intr_fd_get(alarm_handle));
	rte_intr_instance_free(alarm_handle);
	alarm_handle = NULL;
}

__rte_export int
rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	struct alarm_entry *ap, *new_alarm, *last = NULL;
	uint64_t now;
	int ret = 0;

	/* DPDK's bound: anything up to UINT64_MAX - 1 s worth of microseconds */
	if (us < 1 || us > UINT64_MAX - US_PER_S || cb_fn == NULL)
		return -EINVAL;
	if (alarm_handle == NULL) {
		RTE_LOG(ERR, EAL, "rte_eal_alarm_set: call rte_eal_init first\n");
		return -ENOTSUP;
	}
	new_alarm = calloc(1, sizeof(*new_alarm));
	if (new_alarm == NULL)
		return -ENOMEM;
	new_alarm->cb_fn = cb_fn;
	new_alarm->cb_arg = cb_arg;
	/*
	 * In nanoseconds such a delay wrapped to the past and fired at once.
	 * Past UINT64_MAX ns of CLOCK_MONOTONIC (584 years of uptime) an alarm
	 * can never come due, as in DPDK: it waits there until cancelled.
	 */
	now = alarm_now_ns();
	if (us > (UINT64_MAX - now) / 1000)
		new_alarm->expiry_ns = UINT64_MAX;
	else
		new_alarm->expiry_ns = now + us * 1000;

	pthread_mutex_lock(&alarm_lock);
	if (!alarm_cb_registered) {
		ret = rte_intr_callback_register(alarm_handle, alarm_run_expired, NULL);
		if (ret < 0) {
			pthread_mutex_unlock(&alarm_lock);
			free(new_alarm);
			return ret;
		}
		alarm_cb_registered = true;
	}
	/* Keep the list sorted; equal expiries run in the order they were set. */
	LIST_FOREACH(ap, &alarm_list, next) {
		if (ap->expiry_ns > new_alarm->expiry_ns)
			break;
		last = ap;
	}
	if (last == NULL)
		LIST_INSERT_HEAD(&alarm_list, new_alarm, next);
	else
		LIST_INSERT_AFTER(last, new_alarm, next);
	if (LIST_FIRST(&alarm_list) == new_alarm)
		alarm_arm();
	pthread_mutex_unlock(&alarm_lock);
	return 0;
}

__rte_export int
rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	struct alarm_entry *ap, *tmp;
	int count = 0, err = 0, executing;

	if (cb_fn == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	do {
		executing = 0;
		pthread_mutex_lock(&alarm_lock);
		for (ap = LIST_FIRST(&alarm_list); ap != NULL; ap = tmp) {
			tmp = LIST_NEXT(ap, next);
			if (ap->cb_fn != cb_fn || (cb_arg != (void *)-1 && ap->cb_arg != cb_arg))
				continue;
			if (!ap->executing) {
				LIST_REMOVE(ap, next);
				free(ap);
				count++;
			} else if (!pthread_equal(ap->executor, pthread_self())) {
				executing++;	/* wait until it returns, then look again */
			} else {
				err = EINPROGRESS;	/* the running callback itself */
			}
		}
		pthread_mutex_unlock(&alarm_lock);
		if (executing != 0)
			rte_pause();
	} while (executing != 0);

	if (count == 0 && err == 0)
		rte_errno = ENOENT;
	else if (err != 0)
		rte_errno = err;
	return count;
}
