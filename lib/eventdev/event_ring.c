/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event rings are rte_rings of 16-byte elements; struct rte_event_ring
 * only wraps the rte_ring, so creation, lookup and free are the ring
 * library's.
 */
#include <assert.h>

#include <rte_event_ring.h>
#include <rte_ring_elem.h>

#include "eal_private.h"

static_assert(sizeof(struct rte_event_ring) == sizeof(struct rte_ring),
	      "an event ring is an rte_ring");

__rte_export int
rte_event_ring_init(struct rte_event_ring *r, const char *name, unsigned int count,
		    unsigned int flags)
{
	if (r == NULL)
		return -EINVAL;
	return rte_ring_init(&r->r, name, count, flags);
}

__rte_export struct rte_event_ring *
rte_event_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
{
	return (struct rte_event_ring *)rte_ring_create_elem(name, sizeof(struct rte_event), count,
							     socket_id, flags);
}

__rte_export struct rte_event_ring *
rte_event_ring_lookup(const char *name)
{
	return (struct rte_event_ring *)rte_ring_lookup(name);
}

__rte_export void
rte_event_ring_free(struct rte_event_ring *r)
{
	rte_ring_free(r != NULL ? &r->r : NULL);
}
