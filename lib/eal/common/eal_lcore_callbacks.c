/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Per-lcore init/uninit callbacks of lcore users, the walk over lcores in
 * use, and the lcore ids lent to registered non-EAL threads.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/queue.h>

#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

struct lcore_callback {
	TAILQ_ENTRY(lcore_callback) next;
	char name[64];
	rte_lcore_init_cb init;
	rte_lcore_uninit_cb uninit;
	void *arg;
};

TAILQ_HEAD(lcore_callback_list, lcore_callback);
static struct lcore_callback_list lcore_callbacks = TAILQ_HEAD_INITIALIZER(lcore_callbacks);
/* Held while callbacks run and the list changes. */
static pthread_mutex_t lcore_callback_lock = PTHREAD_MUTEX_INITIALIZER;

static void
lcore_callback_uninit_below(const struct lcore_callback *cb, unsigned int end)
{
	if (cb->uninit == NULL)
		return;
	for (unsigned int id = 0; id < end; id++)
		if (rte_eal_lcore_role(id) != ROLE_OFF)
			cb->uninit(id, cb->arg);
}

__rte_export void *
rte_lcore_callback_register(const char *name, rte_lcore_init_cb init, rte_lcore_uninit_cb uninit,
			    void *arg)
{
	struct lcore_callback *cb;

	if (name == NULL)
		return NULL;
	cb = calloc(1, sizeof(*cb));
	if (cb == NULL)
		return NULL;
	strlcpy(cb->name, name, sizeof(cb->name));
	cb->init = init;
	cb->uninit = uninit;
	cb->arg = arg;

	pthread_mutex_lock(&lcore_callback_lock);
	for (unsigned int id = 0; init != NULL && id < RTE_MAX_LCORE; id++) {
		if (rte_eal_lcore_role(id) == ROLE_OFF || init(id, arg) == 0)
			continue;
		RTE_LOG(DEBUG, EAL, "lcore callback %s refused lcore %u; not registered\n", name,
			id);
		lcore_callback_uninit_below(cb, id);
		pthread_mutex_unlock(&lcore_callback_lock);
		free(cb);
		return NULL;
	}
	TAILQ_INSERT_TAIL(&lcore_callbacks, cb, next);
	pthread_mutex_unlock(&lcore_callback_lock);
	return cb;
}

__rte_export void
rte_lcore_callback_unregister(void *handle)
{
	struct lcore_callback *cb = handle;

	if (cb == NULL)
		return;
	pthread_mutex_lock(&lcore_callback_lock);
	lcore_callback_uninit_below(cb, RTE_MAX_LCORE);
	TAILQ_REMOVE(&lcore_callbacks, cb, next);
	pthread_mutex_unlock(&lcore_callback_lock);
	free(cb);
}

unsigned int
eal_lcore_non_eal_allocate(void)
{
	unsigned int id;
	struct lcore_callback *cb;

	pthread_mutex_lock(&lcore_callback_lock);
	for (id = 0; id < RTE_MAX_LCORE; id++)
		if (lcore_config[id].role == ROLE_OFF)
			break;
	if (id == RTE_MAX_LCORE)
		goto out;
	lcore_config[id].role = ROLE_NON_EAL;
	TAILQ_FOREACH(cb, &lcore_callbacks, next) {
		struct lcore_callback *prev = cb;

		if (cb->init == NULL || cb->init(id, cb->arg) == 0)
			continue;
		/* refused: the callbacks that accepted it release it, last first */
		RTE_LOG(DEBUG, EAL, "lcore callback %s refused lcore %u for a non-EAL thread\n",
			cb->name, id);
		while ((prev = TAILQ_PREV(prev, lcore_callback_list, next)) != NULL)
			if (prev->uninit != NULL)
				prev->uninit(id, prev->arg);
		lcore_config[id].role = ROLE_OFF;
		id = RTE_MAX_LCORE;
		break;
	}
out:
	pthread_mutex_unlock(&lcore_callback_lock);
	return id;
}

void
eal_lcore_non_eal_release(unsigned int id)
{
	struct lcore_callback *cb;

	pthread_mutex_lock(&lcore_callback_lock);
	if (id < RTE_MAX_LCORE && lcore_config[id].role == ROLE_NON_EAL) {
		TAILQ_FOREACH(cb, &lcore_callbacks, next)
			if (cb->uninit != NULL)
				cb->uninit(id, cb->arg);
		lcore_config[id].role = ROLE_OFF;
	}
	pthread_mutex_unlock(&lcore_callback_lock);
}

__rte_export int
rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg)
{
	for (unsigned int id = 0; id < RTE_MAX_LCORE; id++) {
		int ret;

		if (rte_eal_lcore_role(id) == ROLE_OFF)
			continue;
		ret = cb(id, arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}
