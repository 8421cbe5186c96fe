/* SPDX-License-Identifier: BSD-3-Clause */
/* Callbacks on pool events (populated, about to be freed). */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/queue.h>

#include <rte_errno.h>
#include <rte_mempool.h>

#include "mempool_private.h"

struct mempool_event_cb {
	TAILQ_ENTRY(mempool_event_cb) next;
	rte_mempool_event_callback *func;
	void *user_data;
};

static TAILQ_HEAD(, mempool_event_cb) mempool_event_cbs = TAILQ_HEAD_INITIALIZER(mempool_event_cbs);
/* Guards the list; callbacks run without it (they may change the list). */
static pthread_rwlock_t mempool_event_lock = PTHREAD_RWLOCK_INITIALIZER;

/* Caller holds mempool_event_lock. */
static struct mempool_event_cb *
mempool_event_cb_find(rte_mempool_event_callback *func, void *user_data)
{
	struct mempool_event_cb *cb;

	TAILQ_FOREACH(cb, &mempool_event_cbs, next)
	if (cb->func == func && cb->user_data == user_data)
		return cb;
	return NULL;
}

void
mempool_event_callback_invoke(enum rte_mempool_event event, struct rte_mempool *mp)
{
	struct mempool_event_cb *cb, *snap;
	unsigned int n = 0, i = 0;

	/*
	 * A callback may register or unregister callbacks (itself included),
	 * as DPDK allows: call them without the lock, from a copy of the list
	 * taken first. One registered meanwhile waits for the next event; one
	 * unregistered meanwhile is skipped.
	 */
	pthread_rwlock_rdlock(&mempool_event_lock);
	TAILQ_FOREACH(cb, &mempool_event_cbs, next)
	n++;
	snap = n > 0 ? calloc(n, sizeof(*snap)) : NULL;
	if (snap == NULL) {
		/* out of memory: call them under the lock (they must not call this API) */
		TAILQ_FOREACH(cb, &mempool_event_cbs, next)
		cb->func(event, mp, cb->user_data);
		pthread_rwlock_unlock(&mempool_event_lock);
		return;
	}
	TAILQ_FOREACH(cb, &mempool_event_cbs, next)
	snap[i++] = *cb;
	pthread_rwlock_unlock(&mempool_event_lock);

	for (i = 0; i < n; i++) {
		bool still;

		pthread_rwlock_rdlock(&mempool_event_lock);
		still = mempool_event_cb_find(snap[i].func, snap[i].user_data) != NULL;
		pthread_rwlock_unlock(&mempool_event_lock);
		if (still)
			snap[i].func(event, mp, snap[i].user_data);
	}
	free(snap);
}

__rte_export int
rte_mempool_event_callback_register(rte_mempool_event_callback *func, void *user_data)
{
	struct mempool_event_cb *cb;
	int ret = 0;

	if (func == NULL) {
		MEMPOOL_LOG(ERR, "mempool event callback is NULL; pass a function\n");
		rte_errno = EINVAL;
		return -EINVAL;
	}
	pthread_rwlock_wrlock(&mempool_event_lock);
	if (mempool_event_cb_find(func, user_data) != NULL) {
		ret = -EEXIST;
		goto out_unlock;
	}
	cb = malloc(sizeof(*cb));
	if (cb == NULL) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	cb->func = func;
	cb->user_data = user_data;
	TAILQ_INSERT_TAIL(&mempool_event_cbs, cb, next);
out_unlock:
	pthread_rwlock_unlock(&mempool_event_lock);
	if (ret != 0)
		rte_errno = -ret;
	return ret;
}

__rte_export int
rte_mempool_event_callback_unregister(rte_mempool_event_callback *func, void *user_data)
{
	struct mempool_event_cb *cb;

	pthread_rwlock_wrlock(&mempool_event_lock);
	cb = mempool_event_cb_find(func, user_data);
	if (cb != NULL)
		TAILQ_REMOVE(&mempool_event_cbs, cb, next);
	pthread_rwlock_unlock(&mempool_event_lock);
	if (cb == NULL) {
		rte_errno = ENOENT;
		return -ENOENT;
	}
	free(cb);
	return 0;
}
