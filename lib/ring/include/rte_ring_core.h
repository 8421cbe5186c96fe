/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ring's layout, flags and sync types, shared by the legacy (pointer)
 * API in rte_ring.h and the element API in rte_ring_elem.h.
 */
#ifndef _RTE_RING_CORE_H_
#define _RTE_RING_CORE_H_

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>

#include <rte_config.h>
#include <rte_common.h>
#include <rte_atomic.h>
#include <rte_branch_prediction.h>
#include <rte_lcore.h>
#include <rte_memzone.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_TAILQ_RING_NAME "RTE_RING"

/* Whether an enqueue/dequeue moves exactly n objects or as many as fit. */
enum rte_ring_queue_behavior {
	RTE_RING_QUEUE_FIXED = 0,	/* all n or none (_bulk) */
	RTE_RING_QUEUE_VARIABLE		/* up to n (_burst) */
};

/* Memzones of rings are named RTE_RING_MZ_PREFIX + ring name. */
#define RTE_RING_MZ_PREFIX "RG_"
/* Longest ring name, with its NUL, so that the memzone name fits. */
#define RTE_RING_NAMESIZE (RTE_MEMZONE_NAMESIZE - sizeof(RTE_RING_MZ_PREFIX) + 1)

/* How the producers (or consumers) of a ring synchronize. */
enum rte_ring_sync_type {
	RTE_RING_SYNC_MT,	/* multi-thread safe (default) */
	RTE_RING_SYNC_ST,	/* one thread only */
	RTE_RING_SYNC_MT_RTS,	/* multi-thread, relaxed tail sync (rte_ring_rts.h) */
	RTE_RING_SYNC_MT_HTS,	/* multi-thread, head/tail sync (rte_ring_hts.h) */
};

/*
 * One side of the ring. head is where the next enqueue (dequeue) will
 * start; tail is how far the previous ones have finished, i.e. what the
 * other side may use. Both run freely over 32 bits and are masked on use.
 */
struct rte_ring_headtail {
	volatile uint32_t head;
	volatile uint32_t tail;
	RTE_STD_C11
	union {
		enum rte_ring_sync_type sync_type;
		uint32_t single;	/* deprecated: true if RTE_RING_SYNC_ST */
	};
};

/*
 * Layouts of the RTS and HTS modes. The tail sits where struct
 * rte_ring_headtail has its tail, so either side reads the other's tail
 * the same way whatever its mode.
 */
union __rte_ring_rts_poscnt {
	uint64_t raw __rte_aligned(8);
	struct {
		uint32_t cnt;
		uint32_t pos;
	} val;
};

struct rte_ring_rts_headtail {
	volatile union __rte_ring_rts_poscnt tail;
	enum rte_ring_sync_type sync_type;
	uint32_t htd_max;
	volatile union __rte_ring_rts_poscnt head;
};

union __rte_ring_hts_pos {
	uint64_t raw __rte_aligned(8);
	struct {
		uint32_t head;
		uint32_t tail;
	} pos;
};

struct rte_ring_hts_headtail {
	volatile union __rte_ring_hts_pos ht;
	enum rte_ring_sync_type sync_type;
};

/*
 * The ring. The object table follows the structure in the same memory.
 * Producer and consumer state sit on their own cache lines, with an empty
 * line between them and around them, so that a producer and a consumer on
 * two cores (and the adjacent-line prefetcher) do not share a line.
 */
struct rte_ring {
	char name[RTE_RING_NAMESIZE] __rte_cache_aligned;
	int flags;				/* flags given at creation */
	const struct rte_memzone *memzone;	/* memzone holding the ring, if any */
	uint32_t size;				/* slots, a power of 2 */
	uint32_t mask;				/* size - 1 */
	uint32_t capacity;			/* usable slots */

	char pad0 __rte_cache_aligned;

	RTE_STD_C11
	union {
		struct rte_ring_headtail prod;
		struct rte_ring_hts_headtail hts_prod;
		struct rte_ring_rts_headtail rts_prod;
	} __rte_cache_aligned;

	char pad1 __rte_cache_aligned;

	RTE_STD_C11
	union {
		struct rte_ring_headtail cons;
		struct rte_ring_hts_headtail hts_cons;
		struct rte_ring_rts_headtail rts_cons;
	} __rte_cache_aligned;

	char pad2 __rte_cache_aligned;
};

#define RING_F_SP_ENQ 0x0001	/* default enqueue is single-producer */
#define RING_F_SC_DEQ 0x0002	/* default dequeue is single-consumer */
/*
 * The ring holds exactly the count asked for (the slots are rounded up to
 * the next power of 2 above it) instead of count - 1 slots of a power of 2.
 */
#define RING_F_EXACT_SZ 0x0004
#define RTE_RING_SZ_MASK (0x7fffffffU)	/* largest ring size */

/* Relaxed tail sync as the default enqueue / dequeue (rte_ring_rts.h). */
#define RING_F_MP_RTS_ENQ 0x0008
#define RING_F_MC_RTS_DEQ 0x0010
/* Head/tail sync as the default enqueue / dequeue (rte_ring_hts.h). */
#define RING_F_MP_HTS_ENQ 0x0020
#define RING_F_MC_HTS_DEQ 0x0040

#ifdef __cplusplus
}
#endif

#endif
