/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * event_sw extended statistics. Ids: the device's first, then each port's,
 * then each queue's, in a fixed order; names as DPDK's event_sw spells
 * them ("dev_rx", "port_0_rx", "qid_0_rx"). A reset records the current
 * values as the new zero (the counters themselves belong to the worker
 * and scheduler lcores); gauges such as inflight are never reset.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_malloc.h>

#include "sw_evdev.h"

struct sw_xstat {
	const char *name;
	bool gauge;
	uint64_t (*get)(const struct sw_evdev *sw, unsigned int obj);
};

static uint64_t
sw_sum_ports(const struct sw_evdev *sw, size_t offset)
{
	uint64_t sum = 0;

	for (unsigned int i = 0; i < sw->nb_ports; i++)
		if (sw->ports[i] != NULL)
			sum += *(const uint64_t *)((const char *)sw->ports[i] + offset);
	return sum;
}

static uint64_t
sw_dev_rx(const struct sw_evdev *sw, unsigned int obj __rte_unused)
{
	return sw_sum_ports(sw, offsetof(struct sw_port, enq_events));
}

static uint64_t
sw_dev_tx(const struct sw_evdev *sw, unsigned int obj __rte_unused)
{
	return sw_sum_ports(sw, offsetof(struct sw_port, deq_events));
}

static uint64_t
sw_dev_drop(const struct sw_evdev *sw, unsigned int obj __rte_unused)
{
	uint64_t sum = sw->dropped;

	for (unsigned int i = 0; i < sw->nb_queues; i++)
		sum += sw->queues[i].dropped;
	return sum;
}

static uint64_t
sw_dev_calls(const struct sw_evdev *sw, unsigned int obj __rte_unused)
{
	return sw->sched_calls;
}

static uint64_t
sw_dev_idle(const struct sw_evdev *sw, unsigned int obj __rte_unused)
{
	return sw->sched_no_work;
}

static uint64_t
sw_dev_inflight(const struct sw_evdev *sw, unsigned int obj __rte_unused)
{
	return (uint64_t)atomic_load_explicit(&((struct sw_evdev *)(uintptr_t)sw)->inflights,
					      memory_order_relaxed);
}

#define SW_PORT_GETTER(fn, expr)                                        \
	static uint64_t fn(const struct sw_evdev *sw, unsigned int obj) \
	{                                                               \
		const struct sw_port *p = sw->ports[obj];               \
		return p != NULL ? (uint64_t)(expr) : 0;                \
	}
SW_PORT_GETTER(sw_port_rx, p->enq_events)
SW_PORT_GETTER(sw_port_tx, p->deq_events)
SW_PORT_GETTER(sw_port_refused, p->enq_refused)
SW_PORT_GETTER(sw_port_inflight, p->hist_used)
SW_PORT_GETTER(sw_port_credits, p->credits)

#define SW_QUEUE_GETTER(fn, field)                                      \
	static uint64_t fn(const struct sw_evdev *sw, unsigned int obj) \
	{                                                               \
		return sw->queues[obj].field;                           \
	}
SW_QUEUE_GETTER(sw_queue_rx, rx_events)
SW_QUEUE_GETTER(sw_queue_tx, tx_events)
SW_QUEUE_GETTER(sw_queue_drop, dropped)
SW_QUEUE_GETTER(sw_queue_iq_used, iq_count)

static const struct sw_xstat sw_dev_stats[] = {
	{"dev_rx", false, sw_dev_rx},
	{"dev_tx", false, sw_dev_tx},
	{"dev_drop", false, sw_dev_drop},
	{"dev_sched_calls", false, sw_dev_calls},
	{"dev_sched_no_work", false, sw_dev_idle},
	{"dev_inflight", true, sw_dev_inflight},
};
static const struct sw_xstat sw_port_stats[] = {
	{"rx", false, sw_port_rx},
	{"tx", false, sw_port_tx},
	{"enq_refused", false, sw_port_refused},
	{"inflight", true, sw_port_inflight},
	{"credits", true, sw_port_credits},
};
static const struct sw_xstat sw_queue_stats[] = {
	{"rx", false, sw_queue_rx},
	{"tx", false, sw_queue_tx},
	{"drop", false, sw_queue_drop},
	{"iq_used", true, sw_queue_iq_used},
};

#define SW_ND RTE_DIM(sw_dev_stats)
#define SW_NP RTE_DIM(sw_port_stats)
#define SW_NQ RTE_DIM(sw_queue_stats)

/* What id means: its table entry, its object (port or queue) and mode. */
static const struct sw_xstat *
sw_xstat_of(const struct sw_evdev *sw, unsigned int id, unsigned int *obj,
	    enum rte_event_dev_xstats_mode *mode)
{
	*obj = 0;
	*mode = RTE_EVENT_DEV_XSTATS_DEVICE;
	if (id < SW_ND) {
		*mode = RTE_EVENT_DEV_XSTATS_DEVICE;
		return &sw_dev_stats[id];
	}
	id -= SW_ND;
	if (id < sw->nb_ports * SW_NP) {
		*obj = id / SW_NP;
		*mode = RTE_EVENT_DEV_XSTATS_PORT;
		return &sw_port_stats[id % SW_NP];
	}
	id -= sw->nb_ports * SW_NP;
	if (id < sw->nb_queues * SW_NQ) {
		*obj = id / SW_NQ;
		*mode = RTE_EVENT_DEV_XSTATS_QUEUE;
		return &sw_queue_stats[id % SW_NQ];
	}
	return NULL;
}

static void
sw_xstat_name(const struct sw_xstat *x, enum rte_event_dev_xstats_mode mode, unsigned int obj,
	      char *buf, size_t len)
{
	if (mode == RTE_EVENT_DEV_XSTATS_DEVICE)
		snprintf(buf, len, "%s", x->name);
	else
		snprintf(buf, len, "%s_%u_%s", mode == RTE_EVENT_DEV_XSTATS_PORT ? "port" : "qid",
			 obj, x->name);
}

static uint64_t
sw_xstat_value(const struct sw_evdev *sw, unsigned int id)
{
	enum rte_event_dev_xstats_mode mode;
	unsigned int obj;
	const struct sw_xstat *x = sw_xstat_of(sw, id, &obj, &mode);

	return x->get(sw, obj) - (x->gauge ? 0 : sw->xstats_base[id]);
}

int
sw_xstats_init(struct sw_evdev *sw)
{
	rte_free(sw->xstats_base);
	sw->xstats_count = SW_ND + sw->nb_ports * SW_NP + sw->nb_queues * SW_NQ;
	sw->xstats_base = rte_zmalloc("sw_xstats", sw->xstats_count * sizeof(uint64_t), 0);
	return sw->xstats_base != NULL ? 0 : -ENOMEM;
}

/* The ids of mode for one port or queue: first and count. */
static int
sw_xstats_range(const struct sw_evdev *sw, enum rte_event_dev_xstats_mode mode, unsigned int obj,
		unsigned int *first)
{
	switch (mode) {
	case RTE_EVENT_DEV_XSTATS_DEVICE:
		*first = 0;
		return SW_ND;
	case RTE_EVENT_DEV_XSTATS_PORT:
		if (obj >= sw->nb_ports)
			return -EINVAL;
		*first = SW_ND + obj * SW_NP;
		return SW_NP;
	case RTE_EVENT_DEV_XSTATS_QUEUE:
		if (obj >= sw->nb_queues)
			return -EINVAL;
		*first = SW_ND + sw->nb_ports * SW_NP + obj * SW_NQ;
		return SW_NQ;
	default:
		return -EINVAL;
	}
}

int
sw_xstats_get_names(const struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
		    uint8_t queue_port_id, struct rte_event_dev_xstats_name *names,
		    unsigned int *ids, unsigned int size)
{
	const struct sw_evdev *sw = sw_evdev_of(dev);
	unsigned int first;
	int n = sw_xstats_range(sw, mode, queue_port_id, &first);

	if (n < 0 || (unsigned int)n > size || names == NULL || ids == NULL)
		return n;
	for (int i = 0; i < n; i++) {
		enum rte_event_dev_xstats_mode m;
		unsigned int obj;
		const struct sw_xstat *x = sw_xstat_of(sw, first + (unsigned int)i, &obj, &m);

		sw_xstat_name(x, m, obj, names[i].name, sizeof(names[i].name));
		ids[i] = first + (unsigned int)i;
	}
	return n;
}

int
sw_xstats_get(const struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
	      uint8_t queue_port_id, const unsigned int ids[], uint64_t values[], unsigned int n)
{
	const struct sw_evdev *sw = sw_evdev_of(dev);
	unsigned int first, i;
	int count = sw_xstats_range(sw, mode, queue_port_id, &first);

	if (count < 0)
		return count;
	for (i = 0; i < n; i++) {
		/* ids outside the asked mode's range are refused, as DPDK does */
		if (ids[i] < first || ids[i] >= first + (unsigned int)count)
			break;
		values[i] = sw_xstat_value(sw, ids[i]);
	}
	return (int)i;
}

uint64_t
sw_xstats_get_by_name(const struct rte_eventdev *dev, const char *name, unsigned int *id)
{
	const struct sw_evdev *sw = sw_evdev_of(dev);
	char buf[RTE_EVENT_DEV_XSTATS_NAME_SIZE];

	for (unsigned int i = 0; i < sw->xstats_count; i++) {
		enum rte_event_dev_xstats_mode m;
		unsigned int obj;
		const struct sw_xstat *x = sw_xstat_of(sw, i, &obj, &m);

		sw_xstat_name(x, m, obj, buf, sizeof(buf));
		if (strcmp(buf, name) == 0) {
			*id = i;
			return sw_xstat_value(sw, i);
		}
	}
	return (uint64_t)-EINVAL;
}

static void
sw_xstat_reset_one(struct sw_evdev *sw, unsigned int id)
{
	enum rte_event_dev_xstats_mode mode;
	unsigned int obj;
	const struct sw_xstat *x = sw_xstat_of(sw, id, &obj, &mode);

	if (!x->gauge)
		sw->xstats_base[id] = x->get(sw, obj);
}

int
sw_xstats_reset(struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
		int16_t queue_port_id, const uint32_t ids[], uint32_t nb_ids)
{
	struct sw_evdev *sw = sw_evdev_of(dev);
	unsigned int first;
	int n;

	if (queue_port_id < 0) {
		/* every port or queue of the mode */
		unsigned int objs = mode == RTE_EVENT_DEV_XSTATS_PORT	 ? sw->nb_ports
				    : mode == RTE_EVENT_DEV_XSTATS_QUEUE ? sw->nb_queues
									 : 1;

		for (unsigned int o = 0; o < objs; o++)
			sw_xstats_reset(dev, mode, (int16_t)o, NULL, 0);
		return 0;
	}
	n = sw_xstats_range(sw, mode, (unsigned int)queue_port_id, &first);
	if (n < 0)
		return n;
	if (ids == NULL) {
		for (int i = 0; i < n; i++)
			sw_xstat_reset_one(sw, first + (unsigned int)i);
		return 0;
	}
	for (uint32_t i = 0; i < nb_ids; i++) {
		if (ids[i] < first || ids[i] >= first + (unsigned int)n)
			return -EINVAL;
		sw_xstat_reset_one(sw, ids[i]);
	}
	return 0;
}
