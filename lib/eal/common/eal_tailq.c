/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The registry of named list heads (rte_tailq.h). Registrations come from
 * constructors, before the EAL runs: they get a head in a local table.
 * Once memory is up the heads move into the shared config (the primary
 * makes them, a secondary finds the primary's by name), so that rings,
 * mempools and the like listed on them are seen by every process.
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include <rte_eal_memconfig.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "eal_private.h"
#include "eal_mem_private.h"

static struct eal_tailq_table tailq_local = { .lock = PTHREAD_RWLOCK_INITIALIZER };
/* The table in use: the local one, or the shared one while memory is up. */
static struct eal_tailq_table *tailq_tab = &tailq_local;
/* The registrations of this process, in the order of tailq_local.heads. */
static struct rte_tailq_elem *tailq_elems[RTE_MAX_TAILQ];
static unsigned int tailq_elem_count;

/* Caller holds tailq_tab->lock. */
static struct rte_tailq_head *
tailq_find(const char *name)
{
	for (unsigned int i = 0; i < tailq_tab->count; i++)
		if (strncmp(name, tailq_tab->heads[i].name, RTE_TAILQ_NAMESIZE - 1) == 0)
			return &tailq_tab->heads[i];
	return NULL;
}

/* Caller holds tailq_tab->lock; NULL when the table is full. */
static struct rte_tailq_head *
tailq_add(const char *name)
{
	struct rte_tailq_head *head;

	if (tailq_tab->count == RTE_MAX_TAILQ)
		return NULL;
	head = &tailq_tab->heads[tailq_tab->count++];
	strlcpy(head->name, name, RTE_TAILQ_NAMESIZE);
	TAILQ_INIT(&head->tailq_head);
	return head;
}

__rte_export struct rte_tailq_head *
rte_eal_tailq_lookup(const char *name)
{
	struct rte_tailq_head *head;

	if (name == NULL)
		return NULL;
	pthread_rwlock_rdlock(&tailq_tab->lock);
	head = tailq_find(name);
	pthread_rwlock_unlock(&tailq_tab->lock);
	return head;
}

__rte_export int
rte_eal_tailq_register(struct rte_tailq_elem *t)
{
	struct rte_tailq_head *head = NULL;
	bool taken = false;

	t->head = NULL;
	if (t->name[0] == '\0') {
		RTE_LOG(ERR, EAL, "tailq registration without a name; set .name\n");
		return -1;
	}
	pthread_rwlock_wrlock(&tailq_tab->lock);
	for (unsigned int i = 0; i < tailq_elem_count; i++)
		taken |= strncmp(t->name, tailq_elems[i]->name, RTE_TAILQ_NAMESIZE - 1) == 0;
	if (taken) {
		RTE_LOG(ERR, EAL, "tailq \"%.*s\" is already registered; look it up instead\n",
			RTE_TAILQ_NAMESIZE - 1, t->name);
	} else {
		/* once shared, another process may have made the head already */
		head = tailq_find(t->name);
		if (head == NULL && tailq_elem_count < RTE_MAX_TAILQ)
			head = tailq_add(t->name);
		if (head == NULL)
			RTE_LOG(ERR, EAL,
				"cannot register tailq \"%.*s\": all %d are in use "
				"(RTE_MAX_TAILQ)\n", RTE_TAILQ_NAMESIZE - 1, t->name,
				RTE_MAX_TAILQ);
		else
			tailq_elems[tailq_elem_count++] = t;
	}
	pthread_rwlock_unlock(&tailq_tab->lock);
	t->head = head;
	return head != NULL ? 0 : -1;
}

int
eal_tailqs_share(struct eal_tailq_table *t, bool init)
{
	int ret = 0;

	if (init) {
		memset(t, 0, sizeof(*t));
		eal_shared_rwlock_init(&t->lock); /* cannot fail on Linux */
	}
	pthread_rwlock_wrlock(&t->lock);
	tailq_tab = t;
	for (unsigned int i = 0; i < tailq_elem_count; i++) {
		struct rte_tailq_elem *e = tailq_elems[i];

		e->head = tailq_find(e->name);
		if (e->head == NULL)
			e->head = tailq_add(e->name);
		if (e->head == NULL)
			ret = eal_fail(ENOSPC, "EAL: no room for tailq \"%s\" in the shared "
				       "config (RTE_MAX_TAILQ %d)\n", e->name, RTE_MAX_TAILQ);
	}
	pthread_rwlock_unlock(&t->lock);
	return ret;
}

void
eal_tailqs_unshare(void)
{
	if (tailq_tab == &tailq_local)
		return;
	/* the lists went with the memory: each registration gets its empty head back */
	pthread_rwlock_wrlock(&tailq_local.lock);
	tailq_tab = &tailq_local;
	tailq_local.count = 0;
	for (unsigned int i = 0; i < tailq_elem_count; i++)
		tailq_elems[i]->head = tailq_add(tailq_elems[i]->name);
	pthread_rwlock_unlock(&tailq_local.lock);
}

__rte_export void
rte_dump_tailq(FILE *f)
{
	pthread_rwlock_rdlock(&tailq_tab->lock);
	for (unsigned int i = 0; i < tailq_tab->count; i++) {
		const struct rte_tailq_entry_head *h = &tailq_tab->heads[i].tailq_head;

		fprintf(f, "Tailq %u: qname:<%s>, tqh_first:%p, tqh_last:%p\n", i,
			tailq_tab->heads[i].name, (void *)h->tqh_first, (void *)h->tqh_last);
	}
	pthread_rwlock_unlock(&tailq_tab->lock);
}

__rte_export void
rte_mcfg_tailq_read_lock(void)
{
	pthread_rwlock_rdlock(&tailq_tab->lock);
}

__rte_export void
rte_mcfg_tailq_read_unlock(void)
{
	pthread_rwlock_unlock(&tailq_tab->lock);
}

__rte_export void
rte_mcfg_tailq_write_lock(void)
{
	pthread_rwlock_wrlock(&tailq_tab->lock);
}

__rte_export void
rte_mcfg_tailq_write_unlock(void)
{
	pthread_rwlock_unlock(&tailq_tab->lock);
}
