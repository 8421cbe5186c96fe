/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Timers (DPDK 22.11 API): one-shot or periodic callbacks that an lcore runs
 * from its own polling loop. Each timer belongs to the pending list of one
 * lcore (tim_lcore); rte_timer_manage() on that lcore runs the callbacks of
 * the expired ones. Timers may be armed and stopped from any lcore; the
 * status word below arbitrates between them. Time is counted in
 * rte_get_timer_cycles() units (rte_get_timer_hz() per second).
 *
 * The library keeps up to 64 instances of the per-lcore lists;
 * rte_timer_subsystem_init() allocates the default one, which the functions
 * without a timer_data_id use. None of these functions sets rte_errno.
 */
#ifndef _RTE_TIMER_H_
#define _RTE_TIMER_H_

#include <stdio.h>
#include <stdint.h>

#include <rte_compat.h>
#include <rte_common.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_TIMER_STOP 0    /**< not armed */
#define RTE_TIMER_PENDING 1 /**< in the pending list of its owner lcore */
#define RTE_TIMER_RUNNING 2 /**< its callback is about to run or running */
#define RTE_TIMER_CONFIG 3  /**< an lcore is changing it */

#define RTE_TIMER_NO_OWNER -2 /**< owner of a stopped timer */

/* What happens after the callback ran. */
enum rte_timer_type {
	SINGLE,	   /* the timer stops */
	PERIODICAL /**< the timer is armed again, one period after its expiry */
};

/* State and owner lcore of a timer, changed together with one 32-bit CAS. */
union rte_timer_status {
	RTE_STD_C11
	struct {
		uint16_t state; /* RTE_TIMER_STOP, _PENDING, _RUNNING or _CONFIG */
		int16_t owner;	/* lcore of the list, or of the configuring lcore */
	};
	uint32_t u32; /* both, for atomic updates */
};

struct rte_timer;

/* Expiry callback: the timer and the arg given to rte_timer_reset(). */
typedef void (*rte_timer_cb_t)(struct rte_timer *, void *);

#define MAX_SKIPLIST_DEPTH 10

/* A timer. Its memory belongs to the application; treat the fields as private. */
struct rte_timer {
	uint64_t expire; /* absolute expiry, in timer cycles */
	struct rte_timer *sl_next[MAX_SKIPLIST_DEPTH];
	volatile union rte_timer_status status;
	uint64_t period;  /* reload interval; 0 for a one-shot timer */
	rte_timer_cb_t f; /* callback */
	void *arg;	  /* its argument */
};

#ifdef __cplusplus
/* Static initializer: a stopped timer without owner (C++ form). */
#define RTE_TIMER_INITIALIZER                                                     \
	{                                                                         \
		0, {NULL}, {{RTE_TIMER_STOP, RTE_TIMER_NO_OWNER}}, 0, NULL, NULL, \
	}
#else
/* Static initializer: a stopped timer without owner. */
#define RTE_TIMER_INITIALIZER                        \
	{                                            \
		.status = {{                         \
			.state = RTE_TIMER_STOP,     \
			.owner = RTE_TIMER_NO_OWNER, \
		}},                                  \
	}
#endif

/*
 * Allocate a new instance of per-lcore pending lists, for the rte_timer_alt_*
 * functions.
 * @param id_ptr
 *   Where to store the id of the instance (may be NULL).
 * @return
 *   0 on success; -ENOMEM if the subsystem is not initialized or memory ran
 *   out; -ENOSPC if all 64 instances are in use.
 */
int rte_timer_data_alloc(uint32_t *id_ptr);

/*
 * Give back an instance from rte_timer_data_alloc(). Its timers must be
 * stopped first (see rte_timer_stop_all()).
 * @param id
 *   The id of the instance.
 * @return
 *   0 on success; -EINVAL if id is not an allocated instance.
 */
int rte_timer_data_dealloc(uint32_t id);

/*
 * Initialize the library and allocate its default instance. Call it once
 * after rte_eal_init(), before any other function of this file.
 * @return
 *   0 on success; -ENOMEM if memory ran out; -EALREADY if the library was
 *   already initialized (harmless).
 */
int rte_timer_subsystem_init(void);

/*
 * Release what rte_timer_subsystem_init() and rte_timer_data_alloc() took.
 * No timer may be pending or running. Does nothing if not initialized.
 */
void rte_timer_subsystem_finalize(void);

/*
 * Make tim a stopped timer without owner; required once before its first use.
 * @param tim
 *   The timer.
 */
void rte_timer_init(struct rte_timer *tim);

/*
 * Arm tim (stopped or pending: it is moved) to expire ticks timer cycles from
 * now; rte_timer_manage() on lcore tim_lcore then calls fct(tim, arg).
 * A callback may reset its own timer, also to another lcore.
 * @param tim
 *   The timer, initialized with rte_timer_init().
 * @param ticks
 *   Delay before expiry, in rte_get_timer_cycles() units.
 * @param type
 *   SINGLE (stops after the callback) or PERIODICAL (re-armed every ticks).
 * @param tim_lcore
 *   The lcore that runs the callback; LCORE_ID_ANY picks the enabled lcores
 *   in turn (the first one when called from a thread that is not an lcore).
 * @param fct
 *   The callback.
 * @param arg
 *   Its argument.
 * @return
 *   0 when armed; -1 if the timer is running (its callback has started or is
 *   about to, and this is not that callback) or being configured on another
 *   lcore; -EINVAL if the subsystem is not initialized or tim_lcore is not
 *   below RTE_MAX_LCORE.
 */
int rte_timer_reset(struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
		    unsigned tim_lcore, rte_timer_cb_t fct, void *arg);

/*
 * rte_timer_reset(), retried while it returns -1; it gives up on -EINVAL
 * (subsystem not initialized, tim_lcore out of range). Do not call it from
 * a callback for another timer of the same lcore: that timer may be waiting
 * to run after the caller, so this would spin forever.
 * @param tim
 *   The timer.
 * @param ticks
 *   Delay before expiry, in rte_get_timer_cycles() units.
 * @param type
 *   SINGLE or PERIODICAL.
 * @param tim_lcore
 *   The lcore that runs the callback, or LCORE_ID_ANY.
 * @param fct
 *   The callback.
 * @param arg
 *   Its argument.
 */
void rte_timer_reset_sync(struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
			  unsigned tim_lcore, rte_timer_cb_t fct, void *arg);

/*
 * Disarm tim. Its callback may stop its own timer, and free it afterwards;
 * once this succeeded, the library no longer touches tim.
 * @param tim
 *   The timer, initialized with rte_timer_init().
 * @return
 *   0 if the timer is now stopped (also when it was already); -1 if it is
 *   running or being configured on another lcore; -EINVAL if the subsystem
 *   is not initialized.
 */
int rte_timer_stop(struct rte_timer *tim);

/*
 * rte_timer_stop(), retried while it returns -1: afterwards the timer is
 * stopped and no callback of it runs (it gives up only if the subsystem is
 * not initialized). The same caveat as for rte_timer_reset_sync() applies
 * inside callbacks.
 * @param tim
 *   The timer.
 */
void rte_timer_stop_sync(struct rte_timer *tim);

/*
 * Whether tim is armed and its callback has not started.
 * @param tim
 *   The timer.
 * @return
 *   1 if it is pending, 0 otherwise.
 */
int rte_timer_pending(struct rte_timer *tim);

/*
 * Cycles until the earliest timer of the calling lcore (default instance)
 * expires.
 * @return
 *   The number of timer cycles, 0 if that timer has expired already (the
 *   next rte_timer_manage() runs it); -ENOENT if the lcore has no pending
 *   timer; -EINVAL if the subsystem is not initialized or the caller is not
 *   an lcore.
 */
__rte_experimental int64_t rte_timer_next_ticks(void);

/*
 * Run the callbacks of the calling lcore's expired timers (default
 * instance), earliest expiry first; periodic ones are armed again. Call it
 * regularly from each lcore's loop: how often bounds the precision.
 * @return
 *   0 on success; -EINVAL if the subsystem is not initialized or the caller
 *   is not an lcore.
 */
int rte_timer_manage(void);

/*
 * Print the counters of the default instance (calls of reset, stop and
 * manage; pending timers).
 * @param f
 *   Output stream.
 * @return
 *   0 on success; -EINVAL if the subsystem is not initialized.
 */
int rte_timer_dump_stats(FILE *f);

/*
 * rte_timer_reset() on the lists of instance timer_data_id.
 * @param timer_data_id
 *   An id from rte_timer_data_alloc(), or of the default instance.
 * @param tim
 *   The timer.
 * @param ticks
 *   Delay before expiry, in rte_get_timer_cycles() units.
 * @param type
 *   SINGLE or PERIODICAL.
 * @param tim_lcore
 *   The lcore whose list holds the timer, or LCORE_ID_ANY.
 * @param fct
 *   The callback; may be NULL if only rte_timer_alt_manage() handles the
 *   timer.
 * @param arg
 *   Its argument.
 * @return
 *   0 when armed; -1 if the timer is running or being configured on another
 *   lcore; -EINVAL if timer_data_id is not an allocated instance or tim_lcore
 *   is not below RTE_MAX_LCORE.
 */
int rte_timer_alt_reset(uint32_t timer_data_id, struct rte_timer *tim, uint64_t ticks,
			enum rte_timer_type type, unsigned int tim_lcore, rte_timer_cb_t fct,
			void *arg);

/*
 * rte_timer_stop() on the lists of instance timer_data_id.
 * @param timer_data_id
 *   An id from rte_timer_data_alloc(), or of the default instance.
 * @param tim
 *   The timer.
 * @return
 *   0 if the timer is now stopped; -1 if it is running or being configured
 *   on another lcore; -EINVAL if timer_data_id is not an allocated instance.
 */
int rte_timer_alt_stop(uint32_t timer_data_id, struct rte_timer *tim);

/* Callback of rte_timer_alt_manage(), called for each expired timer. */
typedef void (*rte_timer_alt_manage_cb_t)(struct rte_timer *tim);

/*
 * Take the expired timers of the lists of several lcores of instance
 * timer_data_id and call f for each, earliest expiry first, instead of the
 * timers' own callbacks. Periodic timers are armed again on the calling
 * lcore's list.
 * @param timer_data_id
 *   An id from rte_timer_data_alloc(), or of the default instance.
 * @param poll_lcores
 *   The lcores whose lists are checked; NULL for the calling lcore's.
 * @param n_poll_lcores
 *   Entries in poll_lcores (ignored if it is NULL).
 * @param f
 *   Called with each expired timer.
 * @return
 *   0 on success; -EINVAL if timer_data_id is not an allocated instance, the
 *   caller is not an lcore, f is NULL, n_poll_lcores is negative or above
 *   RTE_MAX_LCORE, or an entry of poll_lcores is not below RTE_MAX_LCORE.
 */
int rte_timer_alt_manage(uint32_t timer_data_id, unsigned int *poll_lcores, int n_poll_lcores,
			 rte_timer_alt_manage_cb_t f);

/* Callback of rte_timer_stop_all(), called for each timer it stopped. */
typedef void (*rte_timer_stop_all_cb_t)(struct rte_timer *tim, void *arg);

/*
 * Stop every pending timer in the lists of the given lcores of instance
 * timer_data_id, calling f(tim, f_arg) after each. Timers that are running
 * or being configured on another lcore are left alone.
 * @param timer_data_id
 *   An id from rte_timer_data_alloc(), or of the default instance.
 * @param walk_lcores
 *   The lcores whose lists are emptied.
 * @param nb_walk_lcores
 *   Entries in walk_lcores.
 * @param f
 *   Called for each stopped timer; may be NULL.
 * @param f_arg
 *   Second argument of f.
 * @return
 *   0 on success; -EINVAL if timer_data_id is not an allocated instance,
 *   walk_lcores is NULL while nb_walk_lcores is positive, or an entry of
 *   walk_lcores is not below RTE_MAX_LCORE.
 */
int rte_timer_stop_all(uint32_t timer_data_id, unsigned int *walk_lcores, int nb_walk_lcores,
		       rte_timer_stop_all_cb_t f, void *f_arg);

/*
 * rte_timer_dump_stats() for instance timer_data_id.
 * @param timer_data_id
 *   An id from rte_timer_data_alloc(), or of the default instance.
 * @param f
 *   Output stream.
 * @return
 *   0 on success; -EINVAL if timer_data_id is not an allocated instance.
 */
int rte_timer_alt_dump_stats(uint32_t timer_data_id, FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TIMER_H_ */
