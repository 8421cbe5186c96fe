/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rings of struct rte_event (16-byte elements), DPDK 22.11's API: an
 * rte_ring underneath, so the sync flags (RING_F_SP_ENQ ...) are the same.
 */
#ifndef _RTE_EVENT_RING_
#define _RTE_EVENT_RING_

#include <stdint.h>

#include <rte_common.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "rte_eventdev.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_TAILQ_EVENT_RING_NAME "RTE_EVENT_RING"

struct rte_event_ring {
	struct rte_ring r;
};

static __rte_always_inline unsigned int
rte_event_ring_count(const struct rte_event_ring *r)
{
	return rte_ring_count(&r->r);
}

static __rte_always_inline unsigned int
rte_event_ring_free_count(const struct rte_event_ring *r)
{
	return rte_ring_free_count(&r->r);
}

/* free_space (if not NULL) gets the room left after the enqueue. */
static __rte_always_inline unsigned int
rte_event_ring_enqueue_burst(struct rte_event_ring *r, const struct rte_event *events,
			     unsigned int n, uint16_t *free_space)
{
	unsigned int room;
	unsigned int done = rte_ring_enqueue_burst_elem(&r->r, events, sizeof(*events), n, &room);

	if (free_space != NULL)
		*free_space = (uint16_t)room;
	return done;
}

/* available (if not NULL) gets the number still in the ring. */
static __rte_always_inline unsigned int
rte_event_ring_dequeue_burst(struct rte_event_ring *r, struct rte_event *events, unsigned int n,
			     uint16_t *available)
{
	unsigned int left;
	unsigned int done = rte_ring_dequeue_burst_elem(&r->r, events, sizeof(*events), n, &left);

	if (available != NULL)
		*available = (uint16_t)left;
	return done;
}

int rte_event_ring_init(struct rte_event_ring *r, const char *name, unsigned int count,
			unsigned int flags);
struct rte_event_ring *rte_event_ring_create(const char *name, unsigned int count, int socket_id,
					     unsigned int flags);
struct rte_event_ring *rte_event_ring_lookup(const char *name);
void rte_event_ring_free(struct rte_event_ring *r);

static inline unsigned int
rte_event_ring_get_size(const struct rte_event_ring *r)
{
	return rte_ring_get_size(&r->r);
}

static inline unsigned int
rte_event_ring_get_capacity(const struct rte_event_ring *r)
{
	return rte_ring_get_capacity(&r->r);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EVENT_RING_ */
