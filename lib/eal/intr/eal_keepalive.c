/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_keepalive.h: lcores report in, a dispatcher declares silent ones dead. */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_keepalive.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"

/* One cache line an lcore: marking alive in a busy loop does not bounce
 * the lines of other lcores. */
struct keepalive_core {
	/* enum rte_keepalive_state; written by the lcore (mark_*) and by the
	 * dispatcher, which only moves it with compare-and-swap so that a mark
	 * made meanwhile is never overwritten. */
	_Atomic int state;
	/* Written and read by the dispatcher, written by registration. */
	_Atomic uint64_t last_alive;
	/* Set by registration (release: last_alive is set before it). */
	_Atomic bool registered;
} __rte_cache_aligned;

struct rte_keepalive {
	rte_keepalive_failure_callback_t failure_cb;
	void *failure_data;
	rte_keepalive_relay_callback_t relay_cb;
	void *relay_data;
	struct keepalive_core core[RTE_KEEPALIVE_MAXCORES];
};

__rte_export struct rte_keepalive *
rte_keepalive_create(rte_keepalive_failure_callback_t callback, void *data)
{
	struct rte_keepalive *ka;

	ka = rte_zmalloc("keepalive", sizeof(*ka), RTE_CACHE_LINE_SIZE);
	if (ka == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	ka->failure_cb = callback;
	ka->failure_data = data;
	return ka;
}

__rte_export void
rte_keepalive_register_relay_callback(struct rte_keepalive *keepcfg,
				      rte_keepalive_relay_callback_t callback, void *data)
{
	if (keepcfg == NULL)
		return;
	keepcfg->relay_cb = callback;
	keepcfg->relay_data = data;
}

__rte_export void
rte_keepalive_register_core(struct rte_keepalive *keepcfg, const int id_core)
{
	struct keepalive_core *c;

	if (keepcfg == NULL || id_core < 0 || id_core >= RTE_KEEPALIVE_MAXCORES)
		return;
	c = &keepcfg->core[id_core];
	atomic_store_explicit(&c->last_alive, rte_rdtsc(), memory_order_relaxed);
	/* Pairs with the acquire load in rte_keepalive_dispatch_pings(). */
	atomic_store_explicit(&c->registered, true, memory_order_release);
}

static void
keepalive_mark(struct rte_keepalive *keepcfg, enum rte_keepalive_state state)
{
	unsigned int lcore = rte_lcore_id();

	if (keepcfg == NULL || lcore >= RTE_KEEPALIVE_MAXCORES)
		return;
	/* Relaxed: the state is a lone flag, it publishes no other data. */
	atomic_store_explicit(&keepcfg->core[lcore].state, state, memory_order_relaxed);
}

__rte_export void
rte_keepalive_mark_alive(struct rte_keepalive *keepcfg)
{
	keepalive_mark(keepcfg, RTE_KA_STATE_ALIVE);
}

__rte_export void
rte_keepalive_mark_sleep(struct rte_keepalive *keepcfg)
{
	keepalive_mark(keepcfg, RTE_KA_STATE_DOZING);
}

/* Move c from 'from' to 'to' unless its lcore changed it meanwhile. */
static bool
keepalive_move(struct keepalive_core *c, int from, int to)
{
	return atomic_compare_exchange_strong_explicit(&c->state, &from, to,
						       memory_order_relaxed,
						       memory_order_relaxed);
}

static uint64_t
keepalive_ms_since(uint64_t tsc)
{
	return (rte_rdtsc() - tsc) * 1000 / rte_get_tsc_hz();
}

__rte_export void
rte_keepalive_dispatch_pings(void *ptr_timer __rte_unused, void *ptr_data)
{
	struct rte_keepalive *ka = ptr_data;

	if (ka == NULL)
		return;
	for (int id = 0; id < RTE_KEEPALIVE_MAXCORES; id++) {
		struct keepalive_core *c = &ka->core[id];
		uint64_t last;

		if (!atomic_load_explicit(&c->registered, memory_order_acquire))
			continue;
		last = atomic_load_explicit(&c->last_alive, memory_order_relaxed);
		switch (atomic_load_explicit(&c->state, memory_order_relaxed)) {
		case RTE_KA_STATE_ALIVE:
			/* Seen alive now; it must mark itself again before the next round. */
			if (keepalive_move(c, RTE_KA_STATE_ALIVE, RTE_KA_STATE_MISSING)) {
				last = rte_rdtsc();
				atomic_store_explicit(&c->last_alive, last, memory_order_relaxed);
			}
			break;
		case RTE_KA_STATE_MISSING:
			if (keepalive_move(c, RTE_KA_STATE_MISSING, RTE_KA_STATE_DEAD))
				EAL_LOG(INFO, "keepalive: lcore %d missed a ping, last seen %" PRIu64
					" ms ago\n", id, keepalive_ms_since(last));
			break;
		case RTE_KA_STATE_DEAD:
			if (keepalive_move(c, RTE_KA_STATE_DEAD, RTE_KA_STATE_GONE)) {
				EAL_LOG(INFO, "keepalive: lcore %d is dead, last seen %" PRIu64
					" ms ago\n", id, keepalive_ms_since(last));
				if (ka->failure_cb != NULL)
					ka->failure_cb(ka->failure_data, id);
			}
			break;
		case RTE_KA_STATE_DOZING:
			if (keepalive_move(c, RTE_KA_STATE_DOZING, RTE_KA_STATE_SLEEP)) {
				last = rte_rdtsc();
				atomic_store_explicit(&c->last_alive, last, memory_order_relaxed);
			}
			break;
		default: /* UNUSED, GONE, SLEEP: nothing changes until it marks itself */
			break;
		}
		if (ka->relay_cb != NULL)
			ka->relay_cb(ka->relay_data, id,
				     atomic_load_explicit(&c->state, memory_order_relaxed), last);
	}
}
