/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * event_sw control path: the vdev (--vdev event_sw0,sched_quanta=64 ...),
 * queue and port setup, links, start and stop of the scheduling service.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <rte_cycles.h>
#include <rte_kvargs.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_pause.h>
#include <rte_service.h>
#include <rte_service_component.h>

#include "driver_args.h"
#include "sw_evdev.h"

RTE_LOG_REGISTER(sw_logtype, pmd.event.sw, INFO);
#define SW_LOG(level, ...) rte_log(RTE_LOG_##level, sw_logtype, "event_sw: " __VA_ARGS__)

static void
sw_info_get(struct rte_eventdev *dev __rte_unused, struct rte_event_dev_info *info)
{
	info->min_dequeue_timeout_ns = 0;
	info->max_dequeue_timeout_ns = 0;
	info->dequeue_timeout_ns = 0;
	info->max_event_queues = SW_QUEUES_MAX;
	info->max_event_queue_flows = SW_FLOWS_MAX;
	info->max_event_queue_priority_levels = SW_PRIORITY_LEVELS;
	info->max_event_priority_levels = 1;
	info->max_event_ports = SW_PORTS_MAX;
	info->max_event_port_dequeue_depth = SW_DEQ_DEPTH_MAX;
	info->max_event_port_enqueue_depth = SW_ENQ_DEPTH_MAX;
	info->max_event_port_links = SW_QUEUES_MAX;
	info->max_num_events = SW_EVENTS_MAX;
	info->max_single_link_event_port_queue_pairs = SW_PORTS_MAX;
	info->event_dev_cap =
		RTE_EVENT_DEV_CAP_QUEUE_QOS | RTE_EVENT_DEV_CAP_BURST_MODE |
		RTE_EVENT_DEV_CAP_IMPLICIT_RELEASE_DISABLE | RTE_EVENT_DEV_CAP_MULTIPLE_QUEUE_PORT |
		RTE_EVENT_DEV_CAP_NONSEQ_MODE | RTE_EVENT_DEV_CAP_CARRY_FLOW_ID |
		RTE_EVENT_DEV_CAP_MAINTENANCE_FREE | RTE_EVENT_DEV_CAP_QUEUE_ALL_TYPES;
}

static void
sw_queue_free(struct sw_queue *q)
{
	rte_free(q->iq);
	rte_free(q->flows);
	rte_free(q->reorder);
	memset(q, 0, sizeof(*q));
}

static void
sw_port_free(struct sw_evdev *sw, uint8_t port_id)
{
	struct sw_port *p = sw->ports[port_id];

	if (p == NULL)
		return;
	rte_event_ring_free(p->rx_ring);
	rte_event_ring_free(p->cq_ring);
	rte_free(p);
	sw->ports[port_id] = NULL;
	sw->dev->ports[port_id] = NULL;
}

/* Every port and queue of the last configuration. */
static void
sw_free_all(struct sw_evdev *sw)
{
	for (unsigned int i = 0; i < SW_PORTS_MAX; i++)
		sw_port_free(sw, (uint8_t)i);
	for (unsigned int i = 0; i < SW_QUEUES_MAX; i++)
		sw_queue_free(&sw->queues[i]);
}

static int
sw_configure(struct rte_eventdev *dev)
{
	struct sw_evdev *sw = sw_evdev_of(dev);

	/* the library released the ports and queues that do not stay */
	sw->nb_queues = dev->conf.nb_event_queues;
	sw->nb_ports = dev->conf.nb_event_ports;
	sw->nb_events_limit = dev->conf.nb_events_limit;
	return sw_xstats_init(sw);
}

static void
sw_queue_def_conf(struct rte_eventdev *dev __rte_unused, uint8_t queue_id __rte_unused,
		  struct rte_event_queue_conf *conf)
{
	conf->nb_atomic_flows = 4096;
	conf->nb_atomic_order_sequences = 1;
	conf->schedule_type = RTE_SCHED_TYPE_ATOMIC;
	conf->priority = RTE_EVENT_DEV_PRIORITY_NORMAL;
}

static int
sw_queue_setup(struct rte_eventdev *dev, uint8_t queue_id, const struct rte_event_queue_conf *c)
{
	struct sw_evdev *sw = sw_evdev_of(dev);
	struct sw_queue *q = &sw->queues[queue_id];
	uint32_t iq_size = rte_align32pow2((uint32_t)sw->nb_events_limit);
	uint32_t flows = rte_align32pow2(RTE_MAX(c->nb_atomic_flows, 1u));
	uint32_t window = rte_align32pow2(RTE_MAX(c->nb_atomic_order_sequences, 1u));

	sw_queue_free(q);
	q->conf = *c;
	q->priority = c->priority;
	if (c->event_queue_cfg & RTE_EVENT_QUEUE_CFG_SINGLE_LINK)
		q->sched_type = SW_SCHED_TYPE_DIRECT;
	else if (c->event_queue_cfg & RTE_EVENT_QUEUE_CFG_ALL_TYPES)
		q->sched_type = SW_ALL_TYPES;
	else
		q->sched_type = c->schedule_type;
	q->iq = rte_malloc_socket("sw_iq", iq_size * sizeof(*q->iq), 0, dev->socket_id);
	q->flows = rte_malloc_socket("sw_flows", flows * sizeof(*q->flows), 0, dev->socket_id);
	q->reorder =
		rte_zmalloc_socket("sw_reorder", window * sizeof(*q->reorder), 0, dev->socket_id);
	if (q->iq == NULL || q->flows == NULL || q->reorder == NULL) {
		sw_queue_free(q);
		SW_LOG(ERR, "%s: queue %u: out of memory\n", dev->name, queue_id);
		return -ENOMEM;
	}
	q->iq_mask = iq_size - 1;
	q->flow_mask = flows - 1;
	q->reorder_mask = window - 1;
	for (uint32_t f = 0; f < flows; f++) {
		q->flows[f].port = SW_NO_PORT;
		q->flows[f].count = 0;
	}
	return 0;
}

static void
sw_queue_release(struct rte_eventdev *dev, uint8_t queue_id)
{
	sw_queue_free(&sw_evdev_of(dev)->queues[queue_id]);
}

static void
sw_port_def_conf(struct rte_eventdev *dev __rte_unused, uint8_t port_id __rte_unused,
		 struct rte_event_port_conf *conf)
{
	conf->new_event_threshold = 1024;
	conf->dequeue_depth = 16;
	conf->enqueue_depth = 16;
	conf->event_port_cfg = 0;
}

static struct rte_event_ring *
sw_ring_create(struct rte_eventdev *dev, uint8_t port_id, const char *what, uint32_t size)
{
	char name[RTE_RING_NAMESIZE];
	struct rte_event_ring *r;

	snprintf(name, sizeof(name), "sw%u_p%u_%s", dev->dev_id, port_id, what);
	r = rte_event_ring_create(name, size, dev->socket_id,
				  RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ);
	if (r == NULL)
		SW_LOG(ERR, "%s: port %u: cannot create ring %s: %s\n", dev->name, port_id, name,
		       rte_strerror(rte_errno));
	return r;
}

static int
sw_port_setup(struct rte_eventdev *dev, uint8_t port_id, const struct rte_event_port_conf *c)
{
	struct sw_evdev *sw = sw_evdev_of(dev);
	struct sw_port *p;

	sw_port_free(sw, port_id);
	p = rte_zmalloc_socket("sw_port", sizeof(*p), RTE_CACHE_LINE_SIZE, dev->socket_id);
	if (p == NULL) {
		SW_LOG(ERR, "%s: port %u: out of memory\n", dev->name, port_id);
		return -ENOMEM;
	}
	p->sw = sw;
	p->id = port_id;
	p->new_event_threshold = c->new_event_threshold;
	p->dequeue_depth = c->dequeue_depth;
	p->implicit_release = !(c->event_port_cfg & RTE_EVENT_PORT_CFG_DISABLE_IMPL_REL);
	/* room for every event that can be in flight plus a release for each
	 * history entry: a worker's enqueue then never finds it full */
	p->rx_ring =
		sw_ring_create(dev, port_id, "rx", (uint32_t)sw->nb_events_limit + SW_HIST_SIZE);
	p->cq_ring = sw_ring_create(dev, port_id, "cq", c->dequeue_depth);
	sw->ports[port_id] = p;
	dev->ports[port_id] = p;
	if (p->rx_ring == NULL || p->cq_ring == NULL) {
		sw_port_free(sw, port_id);
		return -ENOMEM;
	}
	return 0;
}

static void
sw_port_release(struct rte_eventdev *dev, uint8_t port_id)
{
	sw_port_free(sw_evdev_of(dev), port_id);
}

/* Links live in the library's table while the device is stopped; the
 * scheduler's per-queue port lists are built from it at start. */
static int
sw_port_link(struct rte_eventdev *dev __rte_unused, uint8_t port_id __rte_unused,
	     const uint8_t queues[] __rte_unused, const uint8_t priorities[] __rte_unused,
	     uint16_t nb)
{
	return nb;
}

static int
sw_port_unlink(struct rte_eventdev *dev __rte_unused, uint8_t port_id __rte_unused,
	       const uint8_t queues[] __rte_unused, uint16_t nb)
{
	return nb;
}

static int
sw_timeout_ticks(struct rte_eventdev *dev __rte_unused, uint64_t ns, uint64_t *ticks)
{
	*ticks = ns * rte_get_timer_hz() / 1000000000ull;
	return 0;
}

/* Queues in scheduling order: lower priority value first, then by id. */
static void
sw_queue_order_build(struct sw_evdev *sw)
{
	for (unsigned int i = 0; i < sw->nb_queues; i++) {
		unsigned int j = i;

		while (j > 0 &&
		       sw->queues[sw->queue_order[j - 1]].priority > sw->queues[i].priority) {
			sw->queue_order[j] = sw->queue_order[j - 1];
			j--;
		}
		sw->queue_order[j] = (uint8_t)i;
	}
}

static int
sw_start(struct rte_eventdev *dev)
{
	struct sw_evdev *sw = sw_evdev_of(dev);

	for (unsigned int q = 0; q < sw->nb_queues; q++) {
		struct sw_queue *sq = &sw->queues[q];

		sq->nb_ports = 0;
		for (unsigned int p = 0; p < sw->nb_ports; p++)
			if (dev->links[p][q] != EVENTDEV_LINK_NONE)
				sq->ports[sq->nb_ports++] = (uint8_t)p;
	}
	sw_queue_order_build(sw);
	rte_service_component_runstate_set(dev->service_id, 1);
	if (rte_service_runstate_get(dev->service_id) != 1)
		SW_LOG(WARNING,
		       "%s: no service lcore runs the scheduler yet: map service %u "
		       "(rte_event_dev_service_id_get) to one with rte_service_map_lcore_set\n",
		       dev->name, dev->service_id);
	/* release: the setup above is complete before the scheduler reads it */
	atomic_store_explicit(&sw->running, true, memory_order_release);
	return 0;
}

static void
sw_stop(struct rte_eventdev *dev)
{
	struct sw_evdev *sw = sw_evdev_of(dev);
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz();

	atomic_store_explicit(&sw->running, false, memory_order_release);
	rte_service_component_runstate_set(dev->service_id, 0);
	/* an iteration under way finishes; then the scheduler's state is ours */
	while (rte_service_may_be_active(dev->service_id) == 1 && rte_get_timer_cycles() < deadline)
		rte_pause();
	sw_scheduler_drain(sw, dev->stop_flush, dev->stop_flush_arg);
}

static int
sw_close(struct rte_eventdev *dev)
{
	struct sw_evdev *sw = sw_evdev_of(dev);

	sw_free_all(sw);
	rte_free(sw->xstats_base);
	sw->xstats_base = NULL;
	sw->nb_ports = 0;
	sw->nb_queues = 0;
	return 0;
}

static void
sw_dump(struct rte_eventdev *dev, FILE *f)
{
	struct sw_evdev *sw = sw_evdev_of(dev);

	fprintf(f,
		"  event_sw: sched_quanta %u credit_quanta %u deq_burst %u, inflight %d, "
		"%" PRIu64 " scheduler calls (%" PRIu64 " idle)\n",
		sw->sched_quanta, sw->credit_quanta, sw->deq_burst,
		atomic_load_explicit(&sw->inflights, memory_order_relaxed), sw->sched_calls,
		sw->sched_no_work);
	for (unsigned int i = 0; i < sw->nb_queues; i++) {
		const struct sw_queue *q = &sw->queues[i];

		fprintf(f,
			"  queue %u: type %u prio %u, %u waiting, %u reordering, in %" PRIu64
			" out %" PRIu64 "\n",
			i, q->sched_type, q->priority, q->iq_count,
			q->reorder_tail - q->reorder_head, q->rx_events, q->tx_events);
	}
	for (unsigned int i = 0; i < sw->nb_ports; i++) {
		const struct sw_port *p = sw->ports[i];
		if (p != NULL)
			fprintf(f,
				"  port %u: enq %" PRIu64 " deq %" PRIu64
				", %u held, rx ring %u, cq ring %u\n",
				i, p->enq_events, p->deq_events, p->hist_used,
				rte_event_ring_count(p->rx_ring), rte_event_ring_count(p->cq_ring));
	}
}

static const struct eventdev_ops sw_ops = {
	.dev_infos_get = sw_info_get,
	.dev_configure = sw_configure,
	.dev_start = sw_start,
	.dev_stop = sw_stop,
	.dev_close = sw_close,
	.queue_def_conf = sw_queue_def_conf,
	.queue_setup = sw_queue_setup,
	.queue_release = sw_queue_release,
	.port_def_conf = sw_port_def_conf,
	.port_setup = sw_port_setup,
	.port_release = sw_port_release,
	.port_link = sw_port_link,
	.port_unlink = sw_port_unlink,
	.timeout_ticks = sw_timeout_ticks,
	.dump = sw_dump,
	.xstats_get_names = sw_xstats_get_names,
	.xstats_get = sw_xstats_get,
	.xstats_get_by_name = sw_xstats_get_by_name,
	.xstats_reset = sw_xstats_reset,
};

/* DPDK's devargs of event_sw. min_burst and refill_once tune how DPDK's
 * scheduler batches its internal queues; this one moves events straight
 * from the rx rings, so they are accepted (and checked) for compatibility
 * and only shown by rte_event_dev_dump(). */
#define SW_ARG_NUMA_NODE "numa_node"
#define SW_ARG_SCHED_QUANTA "sched_quanta"
#define SW_ARG_CREDIT_QUANTA "credit_quanta"
#define SW_ARG_MIN_BURST "min_burst"
#define SW_ARG_DEQ_BURST "deq_burst"
#define SW_ARG_REFILL_ONCE "refill_once"

static const char *const sw_valid_args[] = {
	SW_ARG_NUMA_NODE,
	SW_ARG_SCHED_QUANTA,
	SW_ARG_CREDIT_QUANTA,
	SW_ARG_MIN_BURST,
	SW_ARG_DEQ_BURST,
	SW_ARG_REFILL_ONCE,
	NULL,
};

struct sw_args {
	const char *name;
	int numa_node;
	unsigned long sched_quanta, credit_quanta, min_burst, deq_burst, refill_once;
};

static int
sw_arg_handler(const char *key, const char *value, void *opaque)
{
	struct sw_args *a = opaque;
	unsigned long v;

	if (strcmp(key, SW_ARG_NUMA_NODE) == 0) {
		if (value == NULL || driver_arg_uint(value, RTE_MAX_NUMA_NODES - 1, &v) != 0)
			return rte_vdev_arg_invalid(a->name, key, value, "expected a NUMA node");
		a->numa_node = (int)v;
		return 0;
	}
	if (strcmp(key, SW_ARG_REFILL_ONCE) == 0) {
		if (value == NULL || driver_arg_uint(value, 1, &v) != 0)
			return rte_vdev_arg_invalid(a->name, key, value, "expected 0 or 1");
		a->refill_once = v;
		return 0;
	}
	if (value == NULL || driver_arg_uint(value, SW_SCHED_QUANTA_MAX, &v) != 0 || v == 0)
		return rte_vdev_arg_invalid(a->name, key, value, "expected 1..4096");
	if (strcmp(key, SW_ARG_SCHED_QUANTA) == 0)
		a->sched_quanta = v;
	else if (strcmp(key, SW_ARG_CREDIT_QUANTA) == 0)
		a->credit_quanta = v;
	else if (strcmp(key, SW_ARG_MIN_BURST) == 0)
		a->min_burst = v;
	else
		a->deq_burst = v;
	return 0;
}

static int
sw_probe(struct rte_vdev_device *vdev)
{
	struct sw_args a = {
		.name = rte_vdev_device_name(vdev),
		.numa_node = vdev->device.numa_node,
		.sched_quanta = SW_DEFAULT_SCHED_QUANTA,
		.credit_quanta = SW_DEFAULT_CREDIT_QUANTA,
		.min_burst = 1,
		.deq_burst = SW_DEFAULT_DEQ_BURST,
	};
	struct rte_service_spec spec = {.callback = sw_scheduler_run};
	struct rte_kvargs *kv = rte_vdev_kvargs_parse(vdev, sw_valid_args);
	struct rte_eventdev *dev;
	struct sw_evdev *sw;
	int ret;

	if (kv == NULL)
		return -EINVAL;
	ret = rte_kvargs_process(kv, NULL, sw_arg_handler, &a);
	rte_kvargs_free(kv);
	if (ret < 0)
		return -EINVAL;
	if (a.numa_node == SOCKET_ID_ANY)
		a.numa_node = (int)rte_socket_id();
	dev = rte_event_pmd_allocate(a.name, a.numa_node, sizeof(*sw));
	if (dev == NULL)
		return -rte_errno;
	sw = dev->dev_private;
	sw->dev = dev;
	sw->sched_quanta = (uint32_t)a.sched_quanta;
	sw->credit_quanta = (uint32_t)a.credit_quanta;
	sw->min_burst = (uint32_t)a.min_burst;
	sw->deq_burst = (uint32_t)a.deq_burst;
	sw->refill_once = a.refill_once != 0;
	dev->driver_name = SW_PMD_NAME;
	dev->device = &vdev->device;
	dev->dev_ops = &sw_ops;
	dev->fp.enqueue = sw_port_enqueue;
	dev->fp.enqueue_burst = sw_port_enqueue_burst;
	dev->fp.enqueue_new_burst = sw_port_enqueue_burst;
	dev->fp.enqueue_forward_burst = sw_port_enqueue_burst;
	dev->fp.dequeue = sw_port_dequeue;
	dev->fp.dequeue_burst = sw_port_dequeue_burst;

	snprintf(spec.name, sizeof(spec.name), "%s_service", a.name);
	spec.callback_userdata = sw;
	spec.socket_id = a.numa_node;
	ret = rte_service_component_register(&spec, &dev->service_id);
	if (ret < 0) {
		SW_LOG(ERR, "%s: cannot register the scheduling service: %s\n", a.name,
		       rte_strerror(-ret));
		rte_event_pmd_release(dev);
		return ret;
	}
	dev->has_service = true;
	return 0;
}

static int
sw_remove(struct rte_vdev_device *vdev)
{
	struct rte_eventdev *dev = rte_event_pmd_get_named_dev(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return -EINVAL;
	rte_event_dev_stop(dev->dev_id);
	if (dev->has_service)
		rte_service_component_unregister(dev->service_id);
	return rte_event_pmd_release(dev);
}

static struct rte_vdev_driver sw_pmd_drv = {
	.probe = sw_probe,
	.remove = sw_remove,
};

RTE_PMD_REGISTER_VDEV(event_sw, sw_pmd_drv);
