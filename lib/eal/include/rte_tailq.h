/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Named list heads that libraries and applications register once and
 * find again by name (DPDK keeps its rings, hashes, LPM tables... on
 * them). A registration names a head; the EAL gives it storage and
 * rte_eal_tailq_lookup() finds it. Once rte_eal_init() has set up memory
 * the heads live in memory shared with secondary processes (a secondary
 * finds the primary's heads by name), so list entries must come from
 * rte_malloc and changes go under rte_mcfg_tailq_write_lock().
 */
#ifndef _RTE_TAILQ_H_
#define _RTE_TAILQ_H_

#include <stdio.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A generic list entry: the lists of a registered head hold these. */
struct rte_tailq_entry {
	RTE_TAILQ_ENTRY(rte_tailq_entry) next;
	void *data; /* the object listed */
};
RTE_TAILQ_HEAD(rte_tailq_entry_head, rte_tailq_entry);

#define RTE_TAILQ_NAMESIZE 32

/* The storage of one registered head. tailq_head must stay first. */
struct rte_tailq_head {
	struct rte_tailq_entry_head tailq_head;
	char name[RTE_TAILQ_NAMESIZE];
};

/* A registration: the caller fills name, the EAL fills head. */
struct rte_tailq_elem {
	struct rte_tailq_head *head;
	RTE_TAILQ_ENTRY(rte_tailq_elem) next;
	const char name[RTE_TAILQ_NAMESIZE];
};

/* The list of a head as a list head of the caller's own type. */
#define RTE_TAILQ_CAST(tailq_entry, struct_name) (struct struct_name *)&(tailq_entry)->tailq_head

/* rte_eal_tailq_lookup(name) cast as above, or NULL. */
#define RTE_TAILQ_LOOKUP(name, struct_name)                                              \
	__extension__({                                                                  \
		struct rte_tailq_head *_rte_tq_head = rte_eal_tailq_lookup(name);        \
		_rte_tq_head == NULL ? NULL : RTE_TAILQ_CAST(_rte_tq_head, struct_name); \
	})

/* Print each registered head (name, first and last pointer) to f. */
void rte_dump_tailq(FILE *f);

/*
 * The head registered under name (compared over RTE_TAILQ_NAMESIZE - 1
 * characters), or NULL if there is none or name is NULL. rte_errno is not
 * set.
 */
struct rte_tailq_head *rte_eal_tailq_lookup(const char *name);

/*
 * Register t under t->name and point t->head at an empty list head. Works
 * before and after rte_eal_init(). Returns 0, or -1 with t->head NULL and
 * a log line when the name is empty or taken, or RTE_MAX_TAILQ heads exist
 * already. rte_errno is not set.
 */
int rte_eal_tailq_register(struct rte_tailq_elem *t);

/* Register t from a constructor; a failure ends the program, as in DPDK. */
#define EAL_REGISTER_TAILQ(t)                                               \
	RTE_INIT(tailqinitfn_##t)                                           \
	{                                                                   \
		if (rte_eal_tailq_register(&t) < 0)                         \
			rte_panic("Cannot initialize tailq: %s\n", t.name); \
	}

#ifdef __cplusplus
}
#endif

#endif
