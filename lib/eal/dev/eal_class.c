/* SPDX-License-Identifier: BSD-3-Clause */
/* The list of device classes (rte_class.h). */
#include <pthread.h>
#include <string.h>

#include <rte_class.h>
#include <rte_log.h>

#include "eal_private.h"

static struct rte_class_list class_list = TAILQ_HEAD_INITIALIZER(class_list);
/* Registrations come from constructors; lookups from any thread later. */
static pthread_mutex_t class_lock = PTHREAD_MUTEX_INITIALIZER;

__rte_export void
rte_class_register(struct rte_class *cls)
{
	if (cls == NULL || cls->name == NULL) {
		RTE_LOG(ERR, EAL, "device class without a name not registered; set .name\n");
		return;
	}
	pthread_mutex_lock(&class_lock);
	TAILQ_INSERT_TAIL(&class_list, cls, next);
	pthread_mutex_unlock(&class_lock);
	RTE_LOG(DEBUG, EAL, "registered device class %s\n", cls->name);
}

__rte_export void
rte_class_unregister(struct rte_class *cls)
{
	struct rte_class *c;

	pthread_mutex_lock(&class_lock);
	TAILQ_FOREACH(c, &class_list, next)
	if (c == cls)
		break;
	if (c != NULL)
		TAILQ_REMOVE(&class_list, cls, next);
	pthread_mutex_unlock(&class_lock);
}

__rte_export struct rte_class *
rte_class_find(const struct rte_class *start, rte_class_cmp_t cmp, const void *data)
{
	struct rte_class *cls;

	pthread_mutex_lock(&class_lock);
	cls = TAILQ_FIRST(&class_list);
	if (start != NULL) {
		/* resume after start, if start is still listed */
		while (cls != NULL && cls != start)
			cls = TAILQ_NEXT(cls, next);
		if (cls != NULL)
			cls = TAILQ_NEXT(cls, next);
	}
	for (; cls != NULL; cls = TAILQ_NEXT(cls, next))
		if (cmp(cls, data) == 0)
			break;
	pthread_mutex_unlock(&class_lock);
	return cls;
}

static int
class_name_cmp(const struct rte_class *cls, const void *name)
{
	return strcmp(cls->name, name);
}

__rte_export struct rte_class *
rte_class_find_by_name(const char *name)
{
	if (name == NULL)
		return NULL;
	return rte_class_find(NULL, class_name_cmp, name);
}
