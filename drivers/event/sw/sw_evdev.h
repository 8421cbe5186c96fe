/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * event_sw: a software event device. Workers talk to the scheduler only
 * through two single-producer single-consumer event rings a port:
 *   rx ring: worker -> scheduler (new, forwarded and released events)
 *   cq ring: scheduler -> worker (scheduled events)
 * The scheduler, a service on one lcore, owns everything else: the queues'
 * internal FIFOs (iq), atomic flow pinning, ordered reorder windows and
 * each port's history of events it was given and has not completed yet.
 * The only state both sides write is the inflight-event count (credits).
 */
#ifndef _SW_EVDEV_H_
#define _SW_EVDEV_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_event_ring.h>
#include <rte_eventdev.h>

#include "eventdev_pmd.h"

#define SW_PMD_NAME "event_sw"
#define SW_PORTS_MAX 64
#define SW_QUEUES_MAX RTE_EVENT_MAX_QUEUES_PER_DEV
#define SW_FLOWS_MAX 16384
#define SW_DEQ_DEPTH_MAX 128
#define SW_ENQ_DEPTH_MAX 4096
#define SW_EVENTS_MAX 4096
#define SW_PRIORITY_LEVELS 255
/* a port holds at most this many events scheduled to it and not completed:
 * twice the deepest dequeue, so a worker that holds a full burst still
 * gets the next one */
#define SW_HIST_SIZE (2 * SW_DEQ_DEPTH_MAX)
#define SW_DEFAULT_SCHED_QUANTA 128
#define SW_DEFAULT_CREDIT_QUANTA 32
#define SW_DEFAULT_DEQ_BURST 32
#define SW_SCHED_QUANTA_MAX 4096
#define SW_NO_PORT UINT8_MAX

/* What an item on a port's rx ring is; kept in the event's impl_opaque,
 * which belongs to the device between enqueue and dequeue. */
enum sw_item_kind {
	SW_ITEM_NEW = 1,     /* a new event, its credit taken */
	SW_ITEM_FORWARD = 2, /* completes the port's oldest event and carries the next */
	SW_ITEM_RELEASE = 3, /* completes u64 of the port's oldest events */
};

/* Scheduling type of an event inside the device: RTE_SCHED_TYPE_* or this,
 * for a single-link queue. */
#define SW_SCHED_TYPE_DIRECT 3

/* One event given to a port and not completed: what to undo on completion. */
struct sw_hist_entry {
	uint8_t queue_id;
	uint8_t sched_type;
	uint32_t index; /* atomic: flow slot; ordered: reorder sequence */
};

struct sw_port {
	/* written by the worker that owns the port */
	uint32_t outstanding; /* dequeued, not yet forwarded or released */
	uint32_t credits;     /* inflight credits taken and not yet used */
	uint64_t enq_events;
	uint64_t deq_events;
	uint64_t enq_refused;
	/* set at port setup */
	struct rte_event_ring *rx_ring;
	struct rte_event_ring *cq_ring;
	struct sw_evdev *sw;
	int32_t new_event_threshold;
	uint16_t dequeue_depth;
	bool implicit_release;
	uint8_t id;
	/* scheduler's own */
	struct sw_hist_entry hist[SW_HIST_SIZE];
	uint32_t hist_head; /* oldest */
	uint32_t hist_used;
	uint32_t cq_room; /* cq space left in this scheduling round */
	uint16_t cq_buf_n;
	struct rte_event cq_buf[SW_DEQ_DEPTH_MAX];
	uint64_t sched_events;
	uint64_t rx_items;
} __rte_cache_aligned;

struct sw_flow {
	uint8_t port; /* SW_NO_PORT while the flow has nothing in flight */
	uint32_t count;
};

struct sw_reorder_slot {
	bool done;
	bool has_event;
	struct rte_event ev;
};

struct sw_queue {
	struct rte_event_queue_conf conf;
	uint8_t sched_type; /* RTE_SCHED_TYPE_*, DIRECT, or 0xff for all types */
	uint8_t priority;
	/* internal FIFO: the events waiting to be scheduled */
	struct rte_event *iq;
	uint32_t iq_mask;
	uint32_t iq_head;
	uint32_t iq_count;
	/* atomic */
	struct sw_flow *flows;
	uint32_t flow_mask;
	/* ordered */
	struct sw_reorder_slot *reorder;
	uint32_t reorder_mask;
	uint32_t reorder_head; /* oldest sequence not yet released in order */
	uint32_t reorder_tail; /* next sequence to give out */
	/* linked ports, rebuilt at start */
	uint8_t ports[SW_PORTS_MAX];
	uint8_t nb_ports;
	uint8_t rr;
	uint64_t rx_events;
	uint64_t tx_events;
	uint64_t dropped;
};

#define SW_ALL_TYPES 0xff

struct sw_evdev {
	struct rte_eventdev *dev;
	/* inflight events, NEW ones counted at enqueue and removed when the
	 * scheduler sees their release; workers add, the scheduler subtracts */
	_Atomic int32_t inflights;
	int32_t nb_events_limit;
	/* devargs */
	uint32_t sched_quanta;
	uint32_t credit_quanta;
	uint32_t deq_burst;
	uint32_t min_burst;
	bool refill_once;

	uint8_t nb_queues;
	uint8_t nb_ports;
	struct sw_queue queues[SW_QUEUES_MAX];
	struct sw_port *ports[SW_PORTS_MAX];
	/* queues by priority, most urgent first (set at start) */
	uint8_t queue_order[SW_QUEUES_MAX];
	/* the scheduler runs only while this is true */
	_Atomic bool running;
	uint64_t sched_calls;
	uint64_t sched_no_work;
	uint64_t dropped;
	uint64_t *xstats_base; /* values at the last reset */
	unsigned int xstats_count;
	struct rte_event blocked[SW_SCHED_QUANTA_MAX];
	struct rte_event rx_buf[SW_ENQ_DEPTH_MAX];
};

static inline struct sw_evdev *
sw_evdev_of(const struct rte_eventdev *dev)
{
	return dev->dev_private;
}

/* sw_evdev_worker.c: the port fast path */
uint16_t sw_port_enqueue(void *port, const struct rte_event *ev);
uint16_t sw_port_enqueue_burst(void *port, const struct rte_event ev[], uint16_t n);
uint16_t sw_port_dequeue(void *port, struct rte_event *ev, uint64_t timeout);
uint16_t sw_port_dequeue_burst(void *port, struct rte_event ev[], uint16_t n, uint64_t timeout);

/* sw_evdev_scheduler.c */
int32_t sw_scheduler_run(void *arg);
/* Put every event still in the device through flush (may be NULL) and
 * forget all scheduling state; the scheduler must not be running. */
void sw_scheduler_drain(struct sw_evdev *sw, rte_eventdev_stop_flush_t flush, void *arg);

/* sw_evdev_xstats.c */
int sw_xstats_init(struct sw_evdev *sw);
int sw_xstats_get_names(const struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
			uint8_t queue_port_id, struct rte_event_dev_xstats_name *names,
			unsigned int *ids, unsigned int size);
int sw_xstats_get(const struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
		  uint8_t queue_port_id, const unsigned int ids[], uint64_t values[],
		  unsigned int n);
uint64_t sw_xstats_get_by_name(const struct rte_eventdev *dev, const char *name, unsigned int *id);
int sw_xstats_reset(struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
		    int16_t queue_port_id, const uint32_t ids[], uint32_t nb_ids);

#endif /* _SW_EVDEV_H_ */
