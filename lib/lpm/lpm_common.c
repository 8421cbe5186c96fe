/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the IPv4 and IPv6 tables share besides the rule set: argument
 * checks of create, the list of named tables, and the pool of tbl8
 * groups that rules longer than a table's first level take.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "lpm_common.h"

static TAILQ_HEAD(, lpm_name) lpm_names = TAILQ_HEAD_INITIALIZER(lpm_names);
static pthread_mutex_t lpm_names_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds lpm_names_lock. */
static struct lpm_name *
lpm_names_lookup(enum lpm_kind kind, const char *name)
{
	struct lpm_name *n;

	TAILQ_FOREACH(n, &lpm_names, next)
	if (n->kind == kind && strcmp(n->name, name) == 0)
		return n;
	return NULL;
}

struct lpm_name *
lpm_names_find(enum lpm_kind kind, const char *name)
{
	struct lpm_name *n;

	pthread_mutex_lock(&lpm_names_lock);
	n = lpm_names_lookup(kind, name);
	pthread_mutex_unlock(&lpm_names_lock);
	return n;
}

int
lpm_names_add(enum lpm_kind kind, struct lpm_name *n, const char *name)
{
	int ret = 0;

	pthread_mutex_lock(&lpm_names_lock);
	if (lpm_names_lookup(kind, name) != NULL) {
		ret = -EEXIST;
		goto out_unlock;
	}
	n->kind = kind;
	strcpy(n->name, name); /* length checked by lpm_config_check */
	TAILQ_INSERT_TAIL(&lpm_names, n, next);
out_unlock:
	pthread_mutex_unlock(&lpm_names_lock);
	return ret;
}

void
lpm_names_remove(struct lpm_name *n)
{
	pthread_mutex_lock(&lpm_names_lock);
	TAILQ_REMOVE(&lpm_names, n, next);
	pthread_mutex_unlock(&lpm_names_lock);
}

/* "an LPM table named x exists" and its fix, in one place for both kinds. */
void
lpm_names_log_exists(const char *kind, const char *name, const char *find_fn)
{
	RTE_LOG(ERR, LPM, "an %s table named %s exists; pick another name or use %s()\n", kind,
		name, find_fn);
}

int
lpm_config_check(const char *kind, const char *name, int socket_id, const void *config,
		 uint32_t max_rules, uint32_t number_tbl8s, uint32_t max_tbl8s)
{
	if (name == NULL || config == NULL) {
		RTE_LOG(ERR, LPM, "%s create: name and config must not be NULL\n", kind);
		return -EINVAL;
	}
	if (strnlen(name, LPM_NAMESIZE) >= LPM_NAMESIZE) {
		RTE_LOG(ERR, LPM, "%s name '%s' is too long; use at most %d characters\n", kind,
			name, LPM_NAMESIZE - 1);
		return -EINVAL;
	}
	if (max_rules == 0) {
		RTE_LOG(ERR, LPM, "%s %s: max_rules is 0; give the number of rules to hold\n", kind,
			name);
		return -EINVAL;
	}
	if (number_tbl8s > max_tbl8s) {
		RTE_LOG(ERR, LPM, "%s %s: number_tbl8s %u is above the limit of %u groups\n", kind,
			name, number_tbl8s, max_tbl8s);
		return -EINVAL;
	}
	if (socket_id < SOCKET_ID_ANY) {
		RTE_LOG(ERR, LPM, "%s %s: socket %d is invalid; use SOCKET_ID_ANY or a socket id\n",
			kind, name, socket_id);
		return -EINVAL;
	}
	return 0;
}

int
lpm_tbl8_pool_init(struct lpm_tbl8_pool *p, const char *name, uint32_t n, int socket_id)
{
	memset(p, 0, sizeof(*p));
	if (n == 0)
		return 0;
	p->entries = rte_zmalloc_socket("LPM_TBL8",
					(size_t)n * LPM_TBL8_GROUP_ENTRIES * sizeof(uint32_t),
					RTE_CACHE_LINE_SIZE, socket_id);
	p->free = rte_malloc_socket("LPM_TBL8_FREE", (size_t)n * sizeof(uint32_t), 0, socket_id);
	if (p->entries == NULL || p->free == NULL) {
		RTE_LOG(ERR, LPM,
			"%s: no memory for %u tbl8 groups on socket %d; "
			"lower number_tbl8s or give the EAL more memory\n",
			name, n, socket_id);
		lpm_tbl8_pool_fini(p);
		return -ENOMEM;
	}
	p->n = n;
	lpm_tbl8_pool_reset(p);
	return 0;
}

void
lpm_tbl8_pool_fini(struct lpm_tbl8_pool *p)
{
	rte_free(p->entries);
	rte_free(p->free);
	memset(p, 0, sizeof(*p));
}

void
lpm_tbl8_pool_reset(struct lpm_tbl8_pool *p)
{
	uint32_t i;

	if (p->n == 0)
		return;
	memset(p->entries, 0, (size_t)p->n * LPM_TBL8_GROUP_ENTRIES * sizeof(uint32_t));
	for (i = 0; i < p->n; i++)
		p->free[i] = p->n - 1 - i;
	p->free_count = p->n;
}

int
lpm_tbl8_pool_alloc(struct lpm_tbl8_pool *p, uint32_t *group)
{
	if (p->free_count == 0)
		return -ENOSPC;
	*group = p->free[--p->free_count];
	return 0;
}

void
lpm_tbl8_pool_free(struct lpm_tbl8_pool *p, uint32_t g)
{
	memset(lpm_tbl8_pool_group(p, g), 0, LPM_TBL8_GROUP_ENTRIES * sizeof(uint32_t));
	p->free[p->free_count++] = g;
}
