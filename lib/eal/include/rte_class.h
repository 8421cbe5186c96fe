/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device classes ("eth", "crypto", ...): a class names a kind of device
 * across buses and can list the class devices matching a string of
 * key=value pairs. Libraries register theirs with RTE_REGISTER_CLASS.
 */
#ifndef _RTE_CLASS_H_
#define _RTE_CLASS_H_

#include <rte_common.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_dev_iterator;

/*
 * The next class device after start (NULL: the first) matching the
 * key=value string str, or NULL.
 */
typedef void *(*rte_class_dev_iterate_t)(const void *start, const char *str,
					 const struct rte_dev_iterator *it);

struct rte_class {
	RTE_TAILQ_ENTRY(rte_class) next;
	const char *name;
	rte_class_dev_iterate_t dev_iterate;
};

RTE_TAILQ_HEAD(rte_class_list, rte_class);

/* 0 when cls is the one looked for (data is the caller's key). */
typedef int (*rte_class_cmp_t)(const struct rte_class *cls, const void *data);

/*
 * The first registered class after start (NULL: from the first) for which
 * cmp(cls, data) returns 0, or NULL. cmp runs under the list lock and
 * must not register or look up classes. rte_errno is not set.
 */
struct rte_class *rte_class_find(const struct rte_class *start, rte_class_cmp_t cmp,
				 const void *data);

/* The registered class named name, or NULL (also for a NULL name). */
struct rte_class *rte_class_find_by_name(const char *name);

/* Add cls (name set, not registered yet) to the list. Returns nothing. */
void rte_class_register(struct rte_class *cls);

/* Take cls off the list. Returns nothing. */
void rte_class_unregister(struct rte_class *cls);

/* Register cls under the name nm from a constructor. */
#define RTE_REGISTER_CLASS(nm, cls)            \
	RTE_INIT_PRIO(classinitfn_##nm, CLASS) \
	{                                      \
		(cls).name = RTE_STR(nm);      \
		rte_class_register(&cls);      \
	}

/* Unregister cls from a destructor. */
#define RTE_UNREGISTER_CLASS(nm, cls)          \
	RTE_FINI_PRIO(classfinifn_##nm, CLASS) \
	{                                      \
		rte_class_unregister(&cls);    \
	}

#ifdef __cplusplus
}
#endif

#endif
