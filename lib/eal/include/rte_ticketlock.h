/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ticket lock: a spinlock that serves waiters in arrival order. Each locker draws
 * the next ticket and waits until the current one reaches it, so no lcore can be
 * overtaken indefinitely, unlike with rte_spinlock.
 */
#ifndef _RTE_TICKETLOCK_H_
#define _RTE_TICKETLOCK_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef union {
	uint32_t tickets; /* both halves, for a single atomic compare */
	struct {
		uint16_t current; /* ticket being served */
		uint16_t next;	  /* ticket the next locker draws */
	} s;
} rte_ticketlock_t;

#define RTE_TICKETLOCK_INITIALIZER \
	{                          \
		0                  \
	}

static inline void
rte_ticketlock_init(rte_ticketlock_t *tl)
{
	__atomic_store_n(&tl->tickets, 0, __ATOMIC_RELAXED);
}

/* Take the lock, waiting for every earlier ticket to be served. */
static inline void
rte_ticketlock_lock(rte_ticketlock_t *tl)
{
	uint16_t me = __atomic_fetch_add(&tl->s.next, 1, __ATOMIC_RELAXED);

	rte_wait_until_equal_16(&tl->s.current, me, __ATOMIC_ACQUIRE);
}

static inline void
rte_ticketlock_unlock(rte_ticketlock_t *tl)
{
	uint16_t i = __atomic_load_n(&tl->s.current, __ATOMIC_RELAXED);

	__atomic_store_n(&tl->s.current, (uint16_t)(i + 1), __ATOMIC_RELEASE);
}

/* 1 if the lock was free and is now taken, 0 if it is held (no ticket drawn then). */
static inline int
rte_ticketlock_trylock(rte_ticketlock_t *tl)
{
	rte_ticketlock_t old, nw;

	old.tickets = __atomic_load_n(&tl->tickets, __ATOMIC_RELAXED);
	nw.tickets = old.tickets;
	nw.s.next = (uint16_t)(nw.s.next + 1);
	if (old.s.next == old.s.current &&
	    __atomic_compare_exchange_n(&tl->tickets, &old.tickets, nw.tickets, 0, __ATOMIC_ACQUIRE,
					__ATOMIC_RELAXED))
		return 1;
	return 0;
}

/* 1 if some lcore holds or waits for the lock, 0 if it is free. */
static inline int
rte_ticketlock_is_locked(rte_ticketlock_t *tl)
{
	rte_ticketlock_t t;

	t.tickets = __atomic_load_n(&tl->tickets, __ATOMIC_ACQUIRE);
	return t.s.current != t.s.next;
}

/* The recursive form: the holding thread may take it again, count times. */
typedef struct {
	rte_ticketlock_t tl;
	int user;	    /* thread id of the holder, TICKET_LOCK_INVALID_ID if none */
	unsigned int count; /* times the holder took it */
} rte_ticketlock_recursive_t;

#define TICKET_LOCK_INVALID_ID -1

#define RTE_TICKETLOCK_RECURSIVE_INITIALIZER                          \
	{                                                             \
		RTE_TICKETLOCK_INITIALIZER, TICKET_LOCK_INVALID_ID, 0 \
	}

static inline void
rte_ticketlock_recursive_init(rte_ticketlock_recursive_t *tlr)
{
	rte_ticketlock_init(&tlr->tl);
	__atomic_store_n(&tlr->user, TICKET_LOCK_INVALID_ID, __ATOMIC_RELAXED);
	tlr->count = 0;
}

static inline void
rte_ticketlock_recursive_lock(rte_ticketlock_recursive_t *tlr)
{
	int id = rte_gettid();

	if (__atomic_load_n(&tlr->user, __ATOMIC_RELAXED) != id) {
		rte_ticketlock_lock(&tlr->tl);
		__atomic_store_n(&tlr->user, id, __ATOMIC_RELAXED);
	}
	tlr->count++;
}

static inline void
rte_ticketlock_recursive_unlock(rte_ticketlock_recursive_t *tlr)
{
	if (--(tlr->count) == 0) {
		__atomic_store_n(&tlr->user, TICKET_LOCK_INVALID_ID, __ATOMIC_RELAXED);
		rte_ticketlock_unlock(&tlr->tl);
	}
}

/* 1 if taken (or taken again by its holder), 0 if another thread holds it. */
static inline int
rte_ticketlock_recursive_trylock(rte_ticketlock_recursive_t *tlr)
{
	int id = rte_gettid();

	if (__atomic_load_n(&tlr->user, __ATOMIC_RELAXED) != id) {
		if (rte_ticketlock_trylock(&tlr->tl) == 0)
			return 0;
		__atomic_store_n(&tlr->user, id, __ATOMIC_RELAXED);
	}
	tlr->count++;
	return 1;
}

#ifdef __cplusplus
}
#endif

#endif
