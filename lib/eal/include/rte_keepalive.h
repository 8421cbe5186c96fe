/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Keepalive monitoring of lcores (DPDK 22.11 API). Each monitored lcore
 * calls rte_keepalive_mark_alive() from its loop; rte_keepalive_dispatch_pings(),
 * usually from a periodic rte_timer, moves each registered lcore through:
 *
 *   ALIVE  --ping--> MISSING --ping--> DEAD --ping--> GONE (failure callback)
 *   DOZING --ping--> SLEEP (rte_keepalive_mark_sleep: idle, never declared dead)
 *
 * An lcore that marks itself alive again at any point is ALIVE again; one
 * that is GONE and comes back can fail, and be reported, again. A
 * registered lcore that has never marked itself alive stays UNUSED.
 */
#ifndef _RTE_KEEPALIVE_H_
#define _RTE_KEEPALIVE_H_

#include <stdint.h>

#include <rte_config.h>
#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_KEEPALIVE_MAXCORES
/* Lcore ids below this can be monitored. */
#define RTE_KEEPALIVE_MAXCORES RTE_MAX_LCORE
#endif

/* The values are DPDK's (not in order of the cycle above). */
enum rte_keepalive_state {
	RTE_KA_STATE_UNUSED = 0,
	RTE_KA_STATE_ALIVE = 1,
	RTE_KA_STATE_MISSING = 4,
	RTE_KA_STATE_DEAD = 2,
	RTE_KA_STATE_GONE = 3,
	RTE_KA_STATE_DOZING = 5,
	RTE_KA_STATE_SLEEP = 6
};

/* Called once when id_core goes from DEAD to GONE; data as given to
 * rte_keepalive_create(). */
typedef void (*rte_keepalive_failure_callback_t)(void *data, const int id_core);

/*
 * Called on every dispatch for every registered lcore, after its state has
 * moved: core_state is the new state, last_seen the TSC (rte_rdtsc()) of
 * the last dispatch that found it alive (or of its registration).
 */
typedef void (*rte_keepalive_relay_callback_t)(void *data, const int id_core,
	enum rte_keepalive_state core_state, uint64_t last_seen);

/* Opaque. */
struct rte_keepalive;

/*
 * A monitor calling callback(data, lcore) for each lcore found dead
 * (callback may be NULL). Lives in EAL memory (rte_zmalloc): call after
 * rte_eal_init(); rte_free() it when done. Returns NULL with rte_errno
 * ENOMEM when out of memory.
 */
struct rte_keepalive *rte_keepalive_create(rte_keepalive_failure_callback_t callback,
	void *data);

/*
 * One round of checks of the monitor ptr_data; ptr_timer is not used. The
 * signature lets it be given, cast, to rte_timer_reset() as the timer
 * callback. Call it from one thread at a time.
 */
void rte_keepalive_dispatch_pings(void *ptr_timer, void *ptr_data);

/* Monitor lcore id_core; ids outside 0..RTE_KEEPALIVE_MAXCORES-1 are ignored. */
void rte_keepalive_register_core(struct rte_keepalive *keepcfg, const int id_core);

/* The calling lcore is alive (call it from its main loop). Does nothing in
 * a thread that is not an EAL lcore, or with a NULL keepcfg. */
void rte_keepalive_mark_alive(struct rte_keepalive *keepcfg);

/* The calling lcore is going idle on purpose: DOZING, then SLEEP, instead
 * of being declared dead. Same conditions as rte_keepalive_mark_alive(). */
void rte_keepalive_mark_sleep(struct rte_keepalive *keepcfg);

/* Set (or, with NULL, remove) the relay callback of keepcfg. */
void rte_keepalive_register_relay_callback(struct rte_keepalive *keepcfg,
	rte_keepalive_relay_callback_t callback, void *data);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_KEEPALIVE_H_ */
