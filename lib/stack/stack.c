/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stacks: creation in a memzone, the list of stacks for lookup by name,
 * and the locked flavour. Push and pop are calls, not inline, so that the
 * lock-free flavour's list handling stays private; each moves a burst.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memzone.h>
#include <rte_stack.h>
#include <rte_string_fns.h>

#include "stack_private.h"

#define __rte_export __attribute__((visibility("default")))

RTE_LOG_REGISTER(stack_logtype, lib.stack, NOTICE);
#define STACK_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, stack_logtype, "STACK: " fmt "\n", ##__VA_ARGS__)

/* Stacks made by rte_stack_create(), for rte_stack_lookup(). */
struct stack_list_entry {
	TAILQ_ENTRY(stack_list_entry) next;
	struct rte_stack *s;
};
static TAILQ_HEAD(, stack_list_entry) stack_list = TAILQ_HEAD_INITIALIZER(stack_list);
static pthread_mutex_t stack_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds stack_list_lock. */
static struct stack_list_entry *
stack_list_find(const char *name)
{
	struct stack_list_entry *e;

	TAILQ_FOREACH(e, &stack_list, next)
	if (strncmp(name, e->s->name, RTE_STACK_NAMESIZE) == 0)
		return e;
	return NULL;
}

static size_t
stack_memsize(unsigned int count, uint32_t flags)
{
	size_t slot = flags & RTE_STACK_F_LF ? sizeof(struct rte_stack_lf_elem) : sizeof(void *);

	return sizeof(struct rte_stack) + RTE_CACHE_LINE_ROUNDUP((size_t)count * slot);
}

__rte_export struct rte_stack *
rte_stack_create(const char *name, unsigned int count, int socket_id, uint32_t flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct stack_list_entry *e;
	struct rte_stack *s;
	int ret;

	if (name == NULL || (flags & ~RTE_STACK_F_LF) != 0) {
		STACK_LOG(ERR, "rte_stack_create: %s; give a name and flags 0 or RTE_STACK_F_LF",
			  name == NULL ? "no name" : "unknown flags");
		rte_errno = EINVAL;
		return NULL;
	}
	ret = snprintf(mz_name, sizeof(mz_name), "%s%s", RTE_STACK_MZ_PREFIX, name);
	if (ret < 0 || ret >= (int)sizeof(mz_name)) {
		STACK_LOG(ERR, "stack name \"%s\" is too long; use at most %zu characters", name,
			  RTE_STACK_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	e = calloc(1, sizeof(*e));
	if (e == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}

	pthread_mutex_lock(&stack_list_lock);
	if (stack_list_find(name) != NULL) {
		ret = EEXIST;
		STACK_LOG(ERR,
			  "cannot create stack \"%s\": the name is in use; "
			  "free that stack or pick another name",
			  name);
		goto out_unlock;
	}
	mz = rte_memzone_reserve_aligned(mz_name, stack_memsize(count, flags), socket_id, 0,
					 __alignof__(struct rte_stack));
	if (mz == NULL) {
		ret = rte_errno;
		goto out_unlock;
	}
	s = mz->addr;
	memset(s, 0, sizeof(*s));
	strlcpy(s->name, name, sizeof(s->name));
	s->memzone = mz;
	s->capacity = count;
	s->flags = flags;
	if (flags & RTE_STACK_F_LF)
		stack_lf_init(&s->stack_lf, count);
	else
		rte_spinlock_init(&s->stack_std.lock);
	e->s = s;
	TAILQ_INSERT_TAIL(&stack_list, e, next);
	pthread_mutex_unlock(&stack_list_lock);
	return s;

out_unlock:
	pthread_mutex_unlock(&stack_list_lock);
	free(e);
	rte_errno = ret;
	return NULL;
}

__rte_export void
rte_stack_free(struct rte_stack *s)
{
	struct stack_list_entry *e;

	if (s == NULL)
		return;
	pthread_mutex_lock(&stack_list_lock);
	TAILQ_FOREACH(e, &stack_list, next)
	if (e->s == s)
		break;
	if (e != NULL)
		TAILQ_REMOVE(&stack_list, e, next);
	pthread_mutex_unlock(&stack_list_lock);
	if (e == NULL)
		return;
	free(e);
	rte_memzone_free(s->memzone);
}

__rte_export struct rte_stack *
rte_stack_lookup(const char *name)
{
	struct stack_list_entry *e;
	struct rte_stack *s;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&stack_list_lock);
	e = stack_list_find(name);
	s = e != NULL ? e->s : NULL;
	pthread_mutex_unlock(&stack_list_lock);
	if (s == NULL)
		rte_errno = ENOENT;
	return s;
}

static unsigned int
stack_std_push(struct rte_stack_std *st, uint32_t capacity, void *const *obj_table, unsigned int n)
{
	rte_spinlock_lock(&st->lock);
	if (n > capacity - st->len) {
		rte_spinlock_unlock(&st->lock);
		return 0;
	}
	memcpy(&st->objs[st->len], obj_table, n * sizeof(*obj_table));
	/* relaxed: rte_stack_count reads it without the lock, as a hint */
	__atomic_store_n(&st->len, st->len + n, __ATOMIC_RELAXED);
	rte_spinlock_unlock(&st->lock);
	return n;
}

static unsigned int
stack_std_pop(struct rte_stack_std *st, void **obj_table, unsigned int n)
{
	rte_spinlock_lock(&st->lock);
	if (n > st->len) {
		rte_spinlock_unlock(&st->lock);
		return 0;
	}
	for (unsigned int i = 0; i < n; i++)
		obj_table[i] = st->objs[st->len - 1 - i];
	__atomic_store_n(&st->len, st->len - n, __ATOMIC_RELAXED);
	rte_spinlock_unlock(&st->lock);
	return n;
}

__rte_export unsigned int
rte_stack_push(struct rte_stack *s, void *const *obj_table, unsigned int n)
{
	if (s->flags & RTE_STACK_F_LF)
		return stack_lf_push(&s->stack_lf, obj_table, n);
	return stack_std_push(&s->stack_std, s->capacity, obj_table, n);
}

__rte_export unsigned int
rte_stack_pop(struct rte_stack *s, void **obj_table, unsigned int n)
{
	if (s->flags & RTE_STACK_F_LF)
		return stack_lf_pop(&s->stack_lf, obj_table, n);
	return stack_std_pop(&s->stack_std, obj_table, n);
}

__rte_export unsigned int
rte_stack_count(struct rte_stack *s)
{
	if (s->flags & RTE_STACK_F_LF)
		return stack_lf_count(&s->stack_lf);
	return __atomic_load_n(&s->stack_std.len, __ATOMIC_RELAXED);
}

__rte_export unsigned int
rte_stack_free_count(struct rte_stack *s)
{
	return s->capacity - rte_stack_count(s);
}
