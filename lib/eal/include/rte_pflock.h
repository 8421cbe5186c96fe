/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Phase-fair reader/writer lock (the PF-T lock of Brandenburg and Anderson):
 * reader phases and writer phases alternate, so neither side starves. A
 * writer waits at most for one reader phase, a reader for one writer phase.
 *
 * Writers take turns with tickets (wr). Readers count in and out of rd in
 * steps of RTE_PFLOCK_RINC; the low bits of rd.in carry the writer-present
 * bit and the phase id of the writer present, so arriving readers see a
 * writer without a second load and wait only for that writer's phase.
 */
#ifndef _RTE_PFLOCK_H_
#define _RTE_PFLOCK_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_pflock {
	struct {
		uint16_t in;
		uint16_t out;
	} rd, wr;
};
typedef struct rte_pflock rte_pflock_t;

#define RTE_PFLOCK_WBITS 0x3  /* the writer bits of rd.in */
#define RTE_PFLOCK_PRES 0x2   /* a writer is present */
#define RTE_PFLOCK_PHID 0x1   /* phase id of the writer present */
#define RTE_PFLOCK_LSB 0xFFF0 /* the reader count bits of rd.in */
#define RTE_PFLOCK_RINC 0x10  /* one reader */

#define RTE_PFLOCK_INITIALIZER \
	{                      \
	}

__rte_experimental static inline void
rte_pflock_init(struct rte_pflock *pf)
{
	__atomic_store_n(&pf->rd.in, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&pf->rd.out, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&pf->wr.in, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&pf->wr.out, 0, __ATOMIC_RELAXED);
}

__rte_experimental static inline void
rte_pflock_read_lock(rte_pflock_t *pf)
{
	/* Acquire: pairs with the release of the last write unlock. */
	uint16_t w = __atomic_fetch_add(&pf->rd.in, RTE_PFLOCK_RINC, __ATOMIC_ACQUIRE) &
		     RTE_PFLOCK_WBITS;

	if (w == 0)
		return;
	/* A writer is present: wait until its phase ends (its bits change:
	 * cleared, or a next writer with the other phase id). */
	while ((__atomic_load_n(&pf->rd.in, __ATOMIC_ACQUIRE) & RTE_PFLOCK_WBITS) == w)
		rte_pause();
}

__rte_experimental static inline void
rte_pflock_read_unlock(rte_pflock_t *pf)
{
	/* Release: the reader's loads are done before a writer sees it leave. */
	__atomic_fetch_add(&pf->rd.out, RTE_PFLOCK_RINC, __ATOMIC_RELEASE);
}

__rte_experimental static inline void
rte_pflock_write_lock(rte_pflock_t *pf)
{
	uint16_t ticket, w;

	/* Writers among themselves: a ticket lock on wr. */
	ticket = __atomic_fetch_add(&pf->wr.in, 1, __ATOMIC_RELAXED);
	rte_wait_until_equal_16(&pf->wr.out, ticket, __ATOMIC_ACQUIRE);
	/* Announce the writer to readers (new ones wait from now on), and
	 * learn how many readers came in before: the value of rd.in with
	 * the writer bits clear, as the last write unlock left them. */
	w = RTE_PFLOCK_PRES | (ticket & RTE_PFLOCK_PHID);
	ticket = __atomic_fetch_add(&pf->rd.in, w, __ATOMIC_RELAXED);
	/* Wait for those readers to leave. Acquire: pairs with their
	 * read unlocks. */
	rte_wait_until_equal_16(&pf->rd.out, ticket, __ATOMIC_ACQUIRE);
}

__rte_experimental static inline void
rte_pflock_write_unlock(rte_pflock_t *pf)
{
	/* End the write phase: waiting readers go. Release: pairs with their
	 * acquire loads of rd.in. */
	__atomic_fetch_and(&pf->rd.in, RTE_PFLOCK_LSB, __ATOMIC_RELEASE);
	/* Next writer's turn. */
	__atomic_fetch_add(&pf->wr.out, 1, __ATOMIC_RELEASE);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PFLOCK_H_ */
