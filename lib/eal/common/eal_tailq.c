/* SPDX-License-Identifier: BSD-3-Clause */
/* The registry of named list heads (rte_tailq.h). */
#include <pthread.h>
#include <string.h>

#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "eal_private.h"

static struct rte_tailq_head tailq_heads[RTE_MAX_TAILQ];
static unsigned int tailq_count;
/* Registrations may come from constructors and from any thread later. */
static pthread_mutex_t tailq_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds tailq_lock. */
static struct rte_tailq_head *
tailq_find(const char *name)
{
	for (unsigned int i = 0; i < tailq_count; i++)
		if (strncmp(name, tailq_heads[i].name, RTE_TAILQ_NAMESIZE - 1) == 0)
			return &tailq_heads[i];
	return NULL;
}

__rte_export struct rte_tailq_head *
rte_eal_tailq_lookup(const char *name)
{
	struct rte_tailq_head *head;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&tailq_lock);
	head = tailq_find(name);
	pthread_mutex_unlock(&tailq_lock);
	return head;
}

__rte_export int
rte_eal_tailq_register(struct rte_tailq_elem *t)
{
	struct rte_tailq_head *head = NULL;

	t->head = NULL;
	if (t->name[0] == '\0') {
		RTE_LOG(ERR, EAL, "tailq registration without a name; set .name\n");
		return -1;
	}
	pthread_mutex_lock(&tailq_lock);
	if (tailq_find(t->name) != NULL) {
		RTE_LOG(ERR, EAL, "tailq \"%.*s\" is already registered; look it up instead\n",
			RTE_TAILQ_NAMESIZE - 1, t->name);
	} else if (tailq_count == RTE_MAX_TAILQ) {
		RTE_LOG(ERR, EAL,
			"cannot register tailq \"%.*s\": all %d are in use (RTE_MAX_TAILQ)\n",
			RTE_TAILQ_NAMESIZE - 1, t->name, RTE_MAX_TAILQ);
	} else {
		head = &tailq_heads[tailq_count++];
		strlcpy(head->name, t->name, RTE_TAILQ_NAMESIZE);
		TAILQ_INIT(&head->tailq_head);
	}
	pthread_mutex_unlock(&tailq_lock);
	t->head = head;
	return head != NULL ? 0 : -1;
}

__rte_export void
rte_dump_tailq(FILE *f)
{
	pthread_mutex_lock(&tailq_lock);
	for (unsigned int i = 0; i < tailq_count; i++) {
		const struct rte_tailq_entry_head *h = &tailq_heads[i].tailq_head;

		fprintf(f, "Tailq %u: qname:<%s>, tqh_first:%p, tqh_last:%p\n", i,
			tailq_heads[i].name, (void *)h->tqh_first, (void *)h->tqh_last);
	}
	pthread_mutex_unlock(&tailq_lock);
}
