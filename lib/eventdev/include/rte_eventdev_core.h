/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fast-path table behind rte_event_enqueue_burst() and friends: one
 * entry a device id. The library fills it when a device starts and puts
 * harmless stubs back when it stops. Applications do not use it directly.
 */
#ifndef _RTE_EVENTDEV_CORE_H_
#define _RTE_EVENTDEV_CORE_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_event;

typedef uint16_t (*event_enqueue_t)(void *port, const struct rte_event *ev);
typedef uint16_t (*event_enqueue_burst_t)(void *port, const struct rte_event ev[],
					  uint16_t nb_events);
typedef uint16_t (*event_dequeue_t)(void *port, struct rte_event *ev, uint64_t timeout_ticks);
typedef uint16_t (*event_dequeue_burst_t)(void *port, struct rte_event ev[], uint16_t nb_events,
					  uint64_t timeout_ticks);
typedef void (*event_maintain_t)(void *port, int op);
typedef uint16_t (*event_tx_adapter_enqueue_t)(void *port, struct rte_event ev[],
					       uint16_t nb_events);
typedef uint16_t (*event_crypto_adapter_enqueue_t)(void *port, struct rte_event ev[],
						   uint16_t nb_events);

/* Layout as DPDK 22.11's: data holds one driver pointer a port id. */
struct rte_event_fp_ops {
	void **data;
	event_enqueue_t enqueue;
	event_enqueue_burst_t enqueue_burst;
	event_enqueue_burst_t enqueue_new_burst;
	event_enqueue_burst_t enqueue_forward_burst;
	event_dequeue_t dequeue;
	event_dequeue_burst_t dequeue_burst;
	event_maintain_t maintain;
	event_tx_adapter_enqueue_t txa_enqueue;
	event_tx_adapter_enqueue_t txa_enqueue_same_dest;
	event_crypto_adapter_enqueue_t ca_enqueue;
	uintptr_t reserved[6];
} __rte_cache_aligned;

extern struct rte_event_fp_ops rte_event_fp_ops[];

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EVENTDEV_CORE_H_ */
