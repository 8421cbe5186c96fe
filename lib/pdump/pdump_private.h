/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PDUMP_PRIVATE_H_
#define _PDUMP_PRIVATE_H_

#include <stdint.h>
#include <sys/types.h>

#include <rte_dev.h>
#include <rte_log.h>
#include <rte_mempool.h>
#include <rte_pdump.h>
#include <rte_ring.h>

extern int pdump_logtype;
#define PDUMP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, pdump_logtype, "PDUMP: " fmt "\n", ##__VA_ARGS__)

/* The IPC action the primary serves. */
#define PDUMP_MP_ACTION "mp_pdump"
/* Memzone of the per-queue counters, shared by both sides. */
#define PDUMP_STATS_MZ "rte_pdump_stats"

/* Bumped whenever struct pdump_request changes. */
#define PDUMP_REQUEST_VERSION 1

enum pdump_op {
	PDUMP_OP_DISABLE = 1,
	PDUMP_OP_ENABLE = 2,
};

/*
 * A secondary's request. Ring and mempool travel by name, not by pointer:
 * the primary looks them up in the shared lists, so a request cannot make
 * it write anywhere but into a ring and pool that exist.
 */
struct pdump_request {
	uint16_t version;
	uint16_t op;	/* enum pdump_op */
	uint32_t flags; /* RTE_PDUMP_FLAG_* */
	uint16_t queue; /* or RTE_PDUMP_ALL_QUEUES */
	uint32_t snaplen;
	int32_t pid; /* the requester, to tell a capture whose owner died */
	char device[RTE_DEV_NAME_MAX_LEN];
	char ring[RTE_RING_NAMESIZE];
	char mempool[RTE_MEMPOOL_NAMESIZE];
};

struct pdump_response {
	uint16_t version;
	uint16_t op;
	int32_t err; /* 0 or a negative errno */
};

struct pdump_stats_table {
	struct rte_pdump_stats rx[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
	struct rte_pdump_stats tx[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
};

/* The shared counters; found (and cached) in a secondary. NULL if absent. */
struct pdump_stats_table *pdump_stats_table_get(void);

#endif /* _PDUMP_PRIVATE_H_ */
