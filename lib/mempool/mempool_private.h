/* SPDX-License-Identifier: BSD-3-Clause */
/* Mempool internals shared by its source files. Never installed. */
#ifndef _MEMPOOL_PRIVATE_H_
#define _MEMPOOL_PRIVATE_H_

#include <rte_log.h>
#include <rte_mempool.h>

/* Exported from libsluice; everything else is hidden. */
#define __rte_export __attribute__((visibility("default")))

#define MEMPOOL_LOG(level, ...) RTE_LOG(level, MEMPOOL, __VA_ARGS__)

/* DPDK 22.11's flush threshold: 1.5 times the cache size. */
#define MEMPOOL_CACHE_FLUSHTHRESH(size) ((size) * 3 / 2)

/* Create the ops' pool (the ring) once, before the first object is added. */
int mempool_ops_alloc_once(struct rte_mempool *mp);

/* Index of the ops registered under name, or -1. */
int mempool_ops_find(const char *name);

/* Register the built-in ring and stack ops, in a fixed order. */
void mempool_ring_ops_register(void);
void mempool_stack_ops_register(void);

/* Call the registered event callbacks for event on mp. */
void mempool_event_callback_invoke(enum rte_mempool_event event, struct rte_mempool *mp);

/* Defined next to the ring handlers: referencing it keeps them linked. */
extern const int mempool_ring_linked;
/* The same for the stack handlers. */
extern const int mempool_stack_linked;

#endif
