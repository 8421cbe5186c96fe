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
	struct rte_class *cls;			/* from a "class=" layer, else NULL */
	const char *bus_str;			/* the "bus=..." layer, NULL in the legacy syntax */
	const char *cls_str;			/* the "class=..." layer, or NULL */
	char *data;				/* the whole string as given, layers cut apart */
};

/*
 * The layered syntax: up to three layers separated by '/', each a list of
 * key=value pairs whose first key names the layer:
 * "bus=pci,addr=0000:00:01.0/class=eth/driver=net_e1000e,k=v".
 */
#define RTE_DEVARGS_KEY_BUS "bus"
#define RTE_DEVARGS_KEY_CLASS "class"
#define RTE_DEVARGS_KEY_DRIVER "driver"

/*
 * Parse dev into da, in either syntax:
 * - legacy "[bus:]name[,args]": da->bus is the bus named by the prefix, else the
 *   one whose parse accepts the name (NULL if none); args (= drv_str) follow the
 *   first comma;
 * - layered "bus=NAME,k=v/class=NAME,k=v/driver=NAME,k=v" (any subset, bus or
 *   class present, in any order): bus_str, cls_str and drv_str point at each
 *   layer's text, da->bus and da->cls at the bus and class named, and da->name
 *   comes from the bus ("addr=" for pci, "name=" for the others).
 * Returns 0; -EINVAL (NULL or empty dev, empty or too long name, a malformed or
 * repeated layer, a bad bus address), -ENODEV (no bus or class of that name),
 * -ENOMEM. On failure da holds nothing to free. No rte_errno.
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
