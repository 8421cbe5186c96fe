/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The scheduler: one round of the service takes what workers enqueued,
 * completes what they released, and moves waiting events from the queues
 * to the ports' cq rings with the guarantees of each schedule type:
 *  - atomic: a flow with events at a port goes to that port only, until
 *    all of them are completed (released or forwarded);
 *  - ordered: each event gets a sequence number when it is scheduled, and
 *    what the port forwards for it leaves the reorder window in sequence
 *    order, whatever order the workers finish in;
 *  - parallel: any port with room.
 * The service runs on one lcore at a time (it is not MT safe), so nothing
 * here is shared except the rings and the inflight count.
 */
#include <string.h>

#include "sw_evdev.h"

/* Into the queue's FIFO, with the type the queue imposes. */
static void
sw_iq_push(struct sw_evdev *sw, const struct rte_event *ev)
{
	struct sw_queue *q = &sw->queues[ev->queue_id];
	struct rte_event *slot;

	/* cannot happen while every event holds a credit: the FIFO has
	 * room for nb_events_limit; counted rather than trusted */
	if (q->iq_count > q->iq_mask) {
		q->dropped++;
		return;
	}
	slot = &q->iq[(q->iq_head + q->iq_count) & q->iq_mask];
	*slot = *ev;
	if (q->sched_type != SW_ALL_TYPES)
		slot->sched_type = q->sched_type == SW_SCHED_TYPE_DIRECT ? RTE_SCHED_TYPE_PARALLEL
									 : q->sched_type;
	q->iq_count++;
	q->rx_events++;
}

static void
sw_reorder_drain(struct sw_evdev *sw, struct sw_queue *q)
{
	while (q->reorder_head != q->reorder_tail) {
		struct sw_reorder_slot *s = &q->reorder[q->reorder_head & q->reorder_mask];

		if (!s->done)
			break;
		if (s->has_event)
			sw_iq_push(sw, &s->ev);
		s->done = false;
		s->has_event = false;
		q->reorder_head++;
	}
}

/* The port completed its oldest event; ev is what it forwarded for it. */
static void
sw_complete(struct sw_evdev *sw, struct sw_port *p, const struct rte_event *ev)
{
	struct sw_hist_entry *h;
	struct sw_queue *q;

	if (p->hist_used == 0) {
		/* the worker counts what it holds, so this is a forward of an
		 * event the port never got; pass it on */
		if (ev != NULL)
			sw_iq_push(sw, ev);
		return;
	}
	h = &p->hist[p->hist_head];
	p->hist_head = (p->hist_head + 1) % SW_HIST_SIZE;
	p->hist_used--;
	q = &sw->queues[h->queue_id];
	switch (h->sched_type) {
	case RTE_SCHED_TYPE_ATOMIC: {
		struct sw_flow *f = &q->flows[h->index];

		if (--f->count == 0)
			f->port = SW_NO_PORT;
		break;
	}
	case RTE_SCHED_TYPE_ORDERED: {
		struct sw_reorder_slot *s = &q->reorder[h->index & q->reorder_mask];

		s->done = true;
		if (ev != NULL) {
			s->has_event = true;
			s->ev = *ev;
		}
		sw_reorder_drain(sw, q);
		return;
	}
	default:
		break;
	}
	if (ev != NULL)
		sw_iq_push(sw, ev);
}

/* Take up to deq_burst items off one port's rx ring. */
static uint32_t
sw_port_pull(struct sw_evdev *sw, struct sw_port *p)
{
	unsigned int n = rte_event_ring_dequeue_burst(p->rx_ring, sw->rx_buf, sw->deq_burst, NULL);
	int32_t released = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct rte_event *it = &sw->rx_buf[i];

		switch (it->impl_opaque) {
		case SW_ITEM_RELEASE: {
			uint64_t count = RTE_MIN(it->u64, (uint64_t)SW_HIST_SIZE);

			for (uint64_t k = 0; k < count; k++)
				sw_complete(sw, p, NULL);
			released += (int32_t)count;
			break;
		}
		case SW_ITEM_FORWARD:
			it->impl_opaque = 0;
			sw_complete(sw, p, it);
			break;
		default:
			it->impl_opaque = 0;
			sw_iq_push(sw, it);
			break;
		}
	}
	if (released > 0)
		/* relaxed: a plain count of credits, see sw_credits_take() */
		atomic_fetch_sub_explicit(&sw->inflights, released, memory_order_relaxed);
	p->rx_items += n;
	return n;
}

static bool
sw_port_has_room(const struct sw_port *p)
{
	return p->cq_room > 0 && p->hist_used < SW_HIST_SIZE;
}

/* The linked port with the most room, starting the search round-robin so
 * equal ports take turns; NULL if none has room. */
static struct sw_port *
sw_port_pick(struct sw_evdev *sw, struct sw_queue *q)
{
	struct sw_port *best = NULL;

	for (unsigned int i = 0; i < q->nb_ports; i++) {
		struct sw_port *p = sw->ports[q->ports[(q->rr + i) % q->nb_ports]];

		if (sw_port_has_room(p) && (best == NULL || p->cq_room > best->cq_room))
			best = p;
	}
	if (q->nb_ports > 0)
		q->rr = (uint8_t)((q->rr + 1) % q->nb_ports);
	return best;
}

static void
sw_port_give(struct sw_port *p, const struct rte_event *ev, uint8_t sched_type, uint32_t index)
{
	struct sw_hist_entry *h = &p->hist[(p->hist_head + p->hist_used) % SW_HIST_SIZE];

	h->queue_id = ev->queue_id;
	h->sched_type = sched_type;
	h->index = index;
	p->hist_used++;
	p->cq_buf[p->cq_buf_n] = *ev;
	p->cq_buf[p->cq_buf_n].impl_opaque = 0;
	p->cq_buf_n++;
	p->cq_room--;
	p->sched_events++;
}

/* Schedule one event; false if it has to wait. */
static bool
sw_schedule_one(struct sw_evdev *sw, struct sw_queue *q, const struct rte_event *ev)
{
	struct sw_port *p;

	switch (ev->sched_type) {
	case RTE_SCHED_TYPE_ATOMIC: {
		uint32_t fid = ev->flow_id & q->flow_mask;
		struct sw_flow *f = &q->flows[fid];

		if (f->port != SW_NO_PORT) {
			p = sw->ports[f->port];
			if (!sw_port_has_room(p))
				return false;
		} else {
			p = sw_port_pick(sw, q);
			if (p == NULL)
				return false;
			f->port = p->id;
		}
		f->count++;
		sw_port_give(p, ev, RTE_SCHED_TYPE_ATOMIC, fid);
		return true;
	}
	case RTE_SCHED_TYPE_ORDERED:
		if (q->reorder_tail - q->reorder_head > q->reorder_mask)
			return false; /* window full */
		p = sw_port_pick(sw, q);
		if (p == NULL)
			return false;
		sw_port_give(p, ev, RTE_SCHED_TYPE_ORDERED, q->reorder_tail++);
		return true;
	default:
		p = sw_port_pick(sw, q);
		if (p == NULL)
			return false;
		sw_port_give(p, ev, RTE_SCHED_TYPE_PARALLEL, 0);
		return true;
	}
}

/* Move up to sched_quanta events of one queue to ports. An atomic event
 * whose port is full waits without holding back other flows; an ordered
 * one holds back the rest of its queue, since its sequence number must
 * come before theirs. Waiting events go back to the head, in order. */
static uint32_t
sw_queue_schedule(struct sw_evdev *sw, struct sw_queue *q)
{
	uint32_t n = RTE_MIN(q->iq_count, sw->sched_quanta);
	uint32_t nb_blocked = 0, done = 0;

	if (q->nb_ports == 0)
		return 0;
	for (uint32_t i = 0; i < n; i++) {
		struct rte_event *ev = &q->iq[q->iq_head];

		if (!sw_schedule_one(sw, q, ev)) {
			if (ev->sched_type != RTE_SCHED_TYPE_ATOMIC)
				break;
			sw->blocked[nb_blocked++] = *ev;
		} else {
			done++;
		}
		q->iq_head = (q->iq_head + 1) & q->iq_mask;
		q->iq_count--;
	}
	for (uint32_t i = nb_blocked; i > 0; i--) {
		q->iq_head = (q->iq_head - 1) & q->iq_mask;
		q->iq[q->iq_head] = sw->blocked[i - 1];
		q->iq_count++;
	}
	q->tx_events += done;
	return done;
}

int32_t
sw_scheduler_run(void *arg)
{
	struct sw_evdev *sw = arg;
	uint32_t work = 0;

	/* acquire: pairs with the release store at start, after which the
	 * queues' and ports' setup is visible */
	if (!atomic_load_explicit(&sw->running, memory_order_acquire))
		return -EAGAIN;
	sw->sched_calls++;
	for (unsigned int i = 0; i < sw->nb_ports; i++) {
		struct sw_port *p = sw->ports[i];

		work += sw_port_pull(sw, p);
		p->cq_room = RTE_MIN(rte_event_ring_free_count(p->cq_ring),
				     (unsigned int)RTE_DIM(p->cq_buf));
		p->cq_buf_n = 0;
	}
	for (unsigned int i = 0; i < sw->nb_queues; i++)
		work += sw_queue_schedule(sw, &sw->queues[sw->queue_order[i]]);
	for (unsigned int i = 0; i < sw->nb_ports; i++) {
		struct sw_port *p = sw->ports[i];

		if (p->cq_buf_n > 0)
			rte_event_ring_enqueue_burst(p->cq_ring, p->cq_buf, p->cq_buf_n, NULL);
	}
	if (work == 0) {
		sw->sched_no_work++;
		return -EAGAIN;
	}
	return 0;
}

static void
sw_flush_one(struct sw_evdev *sw, rte_eventdev_stop_flush_t flush, void *arg,
	     const struct rte_event *ev)
{
	if (flush != NULL)
		flush(sw->dev->dev_id, *ev, arg);
}

void
sw_scheduler_drain(struct sw_evdev *sw, rte_eventdev_stop_flush_t flush, void *arg)
{
	struct rte_event ev;

	for (unsigned int i = 0; i < sw->nb_ports; i++) {
		struct sw_port *p = sw->ports[i];

		while (rte_event_ring_dequeue_burst(p->rx_ring, &ev, 1, NULL) == 1)
			if (ev.impl_opaque != SW_ITEM_RELEASE) {
				ev.impl_opaque = 0;
				sw_flush_one(sw, flush, arg, &ev);
			}
		while (rte_event_ring_dequeue_burst(p->cq_ring, &ev, 1, NULL) == 1)
			sw_flush_one(sw, flush, arg, &ev);
		p->hist_head = 0;
		p->hist_used = 0;
		p->outstanding = 0;
		p->credits = 0;
		p->cq_buf_n = 0;
	}
	for (unsigned int i = 0; i < sw->nb_queues; i++) {
		struct sw_queue *q = &sw->queues[i];

		for (; q->iq_count > 0; q->iq_count--) {
			sw_flush_one(sw, flush, arg, &q->iq[q->iq_head]);
			q->iq_head = (q->iq_head + 1) & q->iq_mask;
		}
		q->iq_head = 0;
		for (; q->reorder_head != q->reorder_tail; q->reorder_head++) {
			struct sw_reorder_slot *s = &q->reorder[q->reorder_head & q->reorder_mask];

			if (s->has_event)
				sw_flush_one(sw, flush, arg, &s->ev);
			memset(s, 0, sizeof(*s));
		}
		q->reorder_head = q->reorder_tail = 0;
		for (uint32_t f = 0; q->flows != NULL && f <= q->flow_mask; f++) {
			q->flows[f].port = SW_NO_PORT;
			q->flows[f].count = 0;
		}
	}
	atomic_store_explicit(&sw->inflights, 0, memory_order_relaxed);
}
