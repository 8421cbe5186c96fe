/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The port fast path, run by the worker lcore that owns the port: turn the
 * application's events into rx-ring items for the scheduler, and hand out
 * what the scheduler put on the cq ring.
 */
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_pause.h>

#include "sw_evdev.h"

/* Take credits for NEW events: at least credit_quanta at a time so that
 * the shared counter is touched once every few bursts, never past the
 * port's new_event_threshold. Returns how many were taken. */
static uint32_t
sw_credits_take(struct sw_port *p, uint32_t need)
{
	struct sw_evdev *sw = p->sw;
	/* relaxed: the count is only compared with a threshold; the events
	 * themselves travel through the rings, which order the memory */
	int32_t cur = atomic_load_explicit(&sw->inflights, memory_order_relaxed);
	int32_t take;

	do {
		int32_t room = p->new_event_threshold - cur;

		if (room <= 0)
			return 0;
		take = (int32_t)RTE_MAX(need, p->sw->credit_quanta);
		take = RTE_MIN(take, room);
	} while (!atomic_compare_exchange_weak_explicit(
		&sw->inflights, &cur, cur + take, memory_order_relaxed, memory_order_relaxed));
	return (uint32_t)take;
}

/* Append a release of count events to the items, merging with a release
 * just before it. */
static void
sw_item_release(struct rte_event *items, uint32_t *n, uint32_t count)
{
	if (*n > 0 && items[*n - 1].impl_opaque == SW_ITEM_RELEASE) {
		items[*n - 1].u64 += count;
		return;
	}
	items[*n].event = 0;
	items[*n].op = RTE_EVENT_OP_RELEASE;
	items[*n].impl_opaque = SW_ITEM_RELEASE;
	items[*n].u64 = count;
	(*n)++;
}

/* The rx ring holds nb_events_limit + SW_HIST_SIZE items (see port setup):
 * every valid event holds a credit and every release completes a history
 * entry, so the enqueue below always has room. */
static void
sw_items_push(struct sw_port *p, const struct rte_event *items, uint32_t n)
{
	if (n > 0)
		rte_event_ring_enqueue_burst(p->rx_ring, items, n, NULL);
}

uint16_t
sw_port_enqueue_burst(void *port, const struct rte_event ev[], uint16_t n)
{
	struct sw_port *p = port;
	struct rte_event items[64];
	uint32_t nb_items = 0;
	uint16_t i;

	for (i = 0; i < n; i++) {
		const struct rte_event *e = &ev[i];

		if (nb_items >= RTE_DIM(items) - 1) {
			sw_items_push(p, items, nb_items);
			nb_items = 0;
		}
		if (e->op > RTE_EVENT_OP_RELEASE ||
		    (e->op != RTE_EVENT_OP_RELEASE && e->queue_id >= p->sw->nb_queues)) {
			rte_errno = EINVAL;
			break;
		}
		if (e->op == RTE_EVENT_OP_RELEASE) {
			if (p->outstanding > 0) {
				p->outstanding--;
				sw_item_release(items, &nb_items, 1);
			}
			continue;
		}
		items[nb_items] = *e;
		if (e->op == RTE_EVENT_OP_FORWARD && p->outstanding > 0) {
			p->outstanding--;
			items[nb_items].impl_opaque = SW_ITEM_FORWARD;
		} else {
			/* a NEW event, or a forward of nothing held: needs a credit */
			if (p->credits == 0)
				p->credits = sw_credits_take(p, n - i);
			if (p->credits == 0) {
				p->enq_refused++;
				rte_errno = ENOSPC;
				break;
			}
			p->credits--;
			items[nb_items].impl_opaque = SW_ITEM_NEW;
		}
		nb_items++;
	}
	sw_items_push(p, items, nb_items);
	p->enq_events += i;
	return i;
}

uint16_t
sw_port_enqueue(void *port, const struct rte_event *ev)
{
	return sw_port_enqueue_burst(port, ev, 1);
}

uint16_t
sw_port_dequeue_burst(void *port, struct rte_event ev[], uint16_t n, uint64_t timeout)
{
	struct sw_port *p = port;
	uint64_t deadline = 0;
	unsigned int got;

	if (p->implicit_release && p->outstanding > 0) {
		struct rte_event rel;
		uint32_t one = 0;

		sw_item_release(&rel, &one, p->outstanding);
		sw_items_push(p, &rel, 1);
		p->outstanding = 0;
	}
	n = RTE_MIN(n, p->dequeue_depth);
	for (;;) {
		got = rte_event_ring_dequeue_burst(p->cq_ring, ev, n, NULL);
		if (got > 0 || timeout == 0)
			break;
		if (deadline == 0)
			deadline = rte_get_timer_cycles() + timeout;
		else if (rte_get_timer_cycles() >= deadline)
			break;
		rte_pause();
	}
	p->outstanding += got;
	p->deq_events += got;
	return (uint16_t)got;
}

uint16_t
sw_port_dequeue(void *port, struct rte_event *ev, uint64_t timeout)
{
	return sw_port_dequeue_burst(port, ev, 1, timeout);
}
