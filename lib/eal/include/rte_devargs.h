/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments from -a, -b and --vdev. */
#ifndef _RTE_DEVARGS_H_
#define _RTE_DEVARGS_H_

#include <stdio.h>
#include <sys/queue.h>

#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

enum rte_devtype {
	RTE_DEVTYPE_ALLOWED,	/* -a BDF[,args] */
	RTE_DEVTYPE_BLOCKED,	/* -b BDF */
	RTE_DEVTYPE_VIRTUAL,	/* --vdev name[,args] */
};

enum rte_dev_policy {
	RTE_DEV_ALLOWED,
	RTE_DEV_BLOCKED,
};

struct rte_devargs {
	TAILQ_ENTRY(rte_devargs) next;
	enum rte_devtype type;
	enum rte_dev_policy policy;
	char name[RTE_DEV_NAME_MAX_LEN];	/* "0000:00:03.0" or "net_null0" */
	RTE_STD_C11
	union {
		const char *args;		/* "key=value,..." after the name, "" if none */
		const char *drv_str;
	};
	struct rte_bus *bus;
	const char *bus_str;
	const char *cls_str;
	char *data;				/* the whole string as given */
};

/*
 * Parse "name[,args]" into da (da->bus: the bus whose parse accepts the name, NULL if none). Returns 0;
 * -EINVAL (NULL or empty dev, empty or too long name) or -ENOMEM. No rte_errno.
 */
int rte_devargs_parse(struct rte_devargs *da, const char *dev);
/*
 * rte_devargs_parse() of the string that format and its arguments expand to (any
 * length). Returns its result, or -EINVAL for a NULL da or format, -ENOMEM. No rte_errno.
 */
int rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
	__rte_format_printf(2, 3);
/*
 * Add a device to the list, as the command line does. Returns 0, -ENOMEM, or
 * rte_devargs_parse()'s error. rte_errno is not set.
 */
int rte_devargs_add(enum rte_devtype devtype, const char *devargs_str);
/*
 * Append *da to the list; for a device already listed, its arguments are replaced,
 * *da is freed and pointed at that entry. 0; -EINVAL if da or *da is NULL. No rte_errno.
 */
int rte_devargs_insert(struct rte_devargs **da);
/* Remove and free the listed entry of that name: 0, 1 if none, -EINVAL if NULL. No rte_errno. */
int rte_devargs_remove(struct rte_devargs *devargs);
/* Free the string da holds (NULL is ignored). Returns nothing; no rte_errno. */
void rte_devargs_reset(struct rte_devargs *da);
/* The number of listed devices of devtype. Cannot fail; no rte_errno. */
unsigned int rte_devargs_type_count(enum rte_devtype devtype);
/* Print the device list to f. Returns nothing; no rte_errno. */
void rte_devargs_dump(FILE *f);
/*
 * Next devargs of that bus (any bus if NULL) after start (NULL = first); NULL at the
 * end. rte_errno is not set.
 */
struct rte_devargs *rte_devargs_next(const char *busname, const struct rte_devargs *start);

#define RTE_EAL_DEVARGS_FOREACH(busname, da) \
	for (da = rte_devargs_next(busname, NULL); da != NULL; \
	     da = rte_devargs_next(busname, da))

#ifdef __cplusplus
}
#endif

#endif
