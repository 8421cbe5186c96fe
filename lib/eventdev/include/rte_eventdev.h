/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event devices: DPDK 22.11's API. An event device holds queues of events
 * and schedules them to ports; a worker lcore owns a port, dequeues from it
 * and enqueues (forwards) into the next queue. A queue's schedule type says
 * what the scheduler guarantees:
 *  - ATOMIC: all events of one flow of the queue go to one port at a time,
 *    in order, until the port releases the flow (next dequeue, or an event
 *    with op RELEASE).
 *  - ORDERED: events go to any port, and whatever the ports forward is put
 *    back into the order the events had in the queue.
 *  - PARALLEL: events go to any port, no order.
 * Device, queue and port numbering, structure layouts, constants and
 * return values are DPDK's.
 */
#ifndef _RTE_EVENTDEV_H_
#define _RTE_EVENTDEV_H_

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_EVENT_MAX_DEVS
#define RTE_EVENT_MAX_DEVS 16
#endif
#ifndef RTE_EVENT_MAX_PORTS_PER_DEV
#define RTE_EVENT_MAX_PORTS_PER_DEV 255
#endif
#ifndef RTE_EVENT_MAX_QUEUES_PER_DEV
#define RTE_EVENT_MAX_QUEUES_PER_DEV 255
#endif
#ifndef RTE_EVENT_TIMER_ADAPTER_NUM_MAX
#define RTE_EVENT_TIMER_ADAPTER_NUM_MAX 32
#endif
#ifndef RTE_EVENT_ETH_INTR_RING_SIZE
#define RTE_EVENT_ETH_INTR_RING_SIZE 1024
#endif
#ifndef RTE_EVENT_CRYPTO_ADAPTER_MAX_INSTANCE
#define RTE_EVENT_CRYPTO_ADAPTER_MAX_INSTANCE 32
#endif
#ifndef RTE_EVENT_ETH_TX_ADAPTER_MAX_INSTANCE
#define RTE_EVENT_ETH_TX_ADAPTER_MAX_INSTANCE 32
#endif

struct rte_event;

/* Device capabilities (rte_event_dev_info.event_dev_cap) */
#define RTE_EVENT_DEV_CAP_QUEUE_QOS (1ULL << 0)
#define RTE_EVENT_DEV_CAP_EVENT_QOS (1ULL << 1)
#define RTE_EVENT_DEV_CAP_DISTRIBUTED_SCHED (1ULL << 2)
#define RTE_EVENT_DEV_CAP_QUEUE_ALL_TYPES (1ULL << 3)
#define RTE_EVENT_DEV_CAP_BURST_MODE (1ULL << 4)
#define RTE_EVENT_DEV_CAP_IMPLICIT_RELEASE_DISABLE (1ULL << 5)
#define RTE_EVENT_DEV_CAP_NONSEQ_MODE (1ULL << 6)
#define RTE_EVENT_DEV_CAP_RUNTIME_PORT_LINK (1ULL << 7)
#define RTE_EVENT_DEV_CAP_MULTIPLE_QUEUE_PORT (1ULL << 8)
#define RTE_EVENT_DEV_CAP_CARRY_FLOW_ID (1ULL << 9)
#define RTE_EVENT_DEV_CAP_MAINTENANCE_FREE (1ULL << 10)
#define RTE_EVENT_DEV_CAP_RUNTIME_QUEUE_ATTR (1ULL << 11)

/* Priorities: lower is more urgent */
#define RTE_EVENT_DEV_PRIORITY_HIGHEST 0
#define RTE_EVENT_DEV_PRIORITY_NORMAL 128
#define RTE_EVENT_DEV_PRIORITY_LOWEST 255

#define RTE_EVENT_QUEUE_WEIGHT_HIGHEST 255
#define RTE_EVENT_QUEUE_WEIGHT_LOWEST 0
#define RTE_EVENT_QUEUE_AFFINITY_HIGHEST 255
#define RTE_EVENT_QUEUE_AFFINITY_LOWEST 0

uint8_t rte_event_dev_count(void);
/* The id of the device called name, or -EINVAL. */
int rte_event_dev_get_dev_id(const char *name);
/* The device's NUMA node (SOCKET_ID_ANY if unknown), or -EINVAL. */
int rte_event_dev_socket_id(uint8_t dev_id);

struct rte_event_dev_info {
	const char *driver_name;
	struct rte_device *dev;
	uint32_t min_dequeue_timeout_ns;
	uint32_t max_dequeue_timeout_ns;
	uint32_t dequeue_timeout_ns;
	uint8_t max_event_queues;
	uint32_t max_event_queue_flows;
	uint8_t max_event_queue_priority_levels;
	uint8_t max_event_priority_levels;
	uint8_t max_event_ports;
	uint8_t max_event_port_dequeue_depth;
	uint32_t max_event_port_enqueue_depth;
	uint8_t max_event_port_links;
	int32_t max_num_events;
	uint32_t event_dev_cap;
	uint8_t max_single_link_event_port_queue_pairs;
};

/* 0, -EINVAL (no such device or dev_info NULL) or the driver's error. */
int rte_event_dev_info_get(uint8_t dev_id, struct rte_event_dev_info *dev_info);

#define RTE_EVENT_DEV_ATTR_PORT_COUNT 0
#define RTE_EVENT_DEV_ATTR_QUEUE_COUNT 1
#define RTE_EVENT_DEV_ATTR_STARTED 2

int rte_event_dev_attr_get(uint8_t dev_id, uint32_t attr_id, uint32_t *attr_value);

/* Device configuration flags (rte_event_dev_config.event_dev_cfg) */
#define RTE_EVENT_DEV_CFG_PER_DEQUEUE_TIMEOUT (1ULL << 0)

struct rte_event_dev_config {
	uint32_t dequeue_timeout_ns;
	int32_t nb_events_limit;
	uint8_t nb_event_queues;
	uint8_t nb_event_ports;
	uint32_t nb_event_queue_flows;
	uint32_t nb_event_port_dequeue_depth;
	uint32_t nb_event_port_enqueue_depth;
	uint32_t event_dev_cfg;
	uint8_t nb_single_link_event_port_queues;
};

/* 0, -EINVAL (a value outside what info_get reports; logged), -EBUSY
 * (started), -ENOMEM. Queues and ports must be set up again afterwards. */
int rte_event_dev_configure(uint8_t dev_id, const struct rte_event_dev_config *dev_conf);

/* Queue configuration flags (rte_event_queue_conf.event_queue_cfg) */
#define RTE_EVENT_QUEUE_CFG_ALL_TYPES (1ULL << 0)
#define RTE_EVENT_QUEUE_CFG_SINGLE_LINK (1ULL << 1)

struct rte_event_queue_conf {
	uint32_t nb_atomic_flows;
	uint32_t nb_atomic_order_sequences;
	uint32_t event_queue_cfg;
	uint8_t schedule_type;
	uint8_t priority;
	uint8_t weight;
	uint8_t affinity;
};

int rte_event_queue_default_conf_get(uint8_t dev_id, uint8_t queue_id,
				     struct rte_event_queue_conf *queue_conf);
/* queue_conf NULL takes the default. 0, -EINVAL, -EBUSY (started), -ENOMEM. */
int rte_event_queue_setup(uint8_t dev_id, uint8_t queue_id,
			  const struct rte_event_queue_conf *queue_conf);

#define RTE_EVENT_QUEUE_ATTR_PRIORITY 0
#define RTE_EVENT_QUEUE_ATTR_NB_ATOMIC_FLOWS 1
#define RTE_EVENT_QUEUE_ATTR_NB_ATOMIC_ORDER_SEQUENCES 2
#define RTE_EVENT_QUEUE_ATTR_EVENT_QUEUE_CFG 3
#define RTE_EVENT_QUEUE_ATTR_SCHEDULE_TYPE 4
#define RTE_EVENT_QUEUE_ATTR_WEIGHT 5
#define RTE_EVENT_QUEUE_ATTR_AFFINITY 6

/* -EOVERFLOW for SCHEDULE_TYPE of an ALL_TYPES queue, as DPDK. */
int rte_event_queue_attr_get(uint8_t dev_id, uint8_t queue_id, uint32_t attr_id,
			     uint32_t *attr_value);
__rte_experimental int rte_event_queue_attr_set(uint8_t dev_id, uint8_t queue_id, uint32_t attr_id,
						uint64_t attr_value);

/* Port configuration flags (rte_event_port_conf.event_port_cfg) */
#define RTE_EVENT_PORT_CFG_DISABLE_IMPL_REL (1ULL << 0)
#define RTE_EVENT_PORT_CFG_SINGLE_LINK (1ULL << 1)
#define RTE_EVENT_PORT_CFG_HINT_PRODUCER (1ULL << 2)
#define RTE_EVENT_PORT_CFG_HINT_CONSUMER (1ULL << 3)
#define RTE_EVENT_PORT_CFG_HINT_WORKER (1ULL << 4)

struct rte_event_port_conf {
	int32_t new_event_threshold;
	uint16_t dequeue_depth;
	uint16_t enqueue_depth;
	uint32_t event_port_cfg;
};

int rte_event_port_default_conf_get(uint8_t dev_id, uint8_t port_id,
				    struct rte_event_port_conf *port_conf);
/* port_conf NULL takes the default. 0, -EINVAL, -EBUSY (started), -ENOMEM.
 * The port is linked to no queue after setup, as in DPDK. */
int rte_event_port_setup(uint8_t dev_id, uint8_t port_id,
			 const struct rte_event_port_conf *port_conf);

typedef void (*rte_eventdev_port_flush_t)(uint8_t dev_id, struct rte_event event, void *arg);
__rte_experimental void rte_event_port_quiesce(uint8_t dev_id, uint8_t port_id,
					       rte_eventdev_port_flush_t release_cb, void *args);

#define RTE_EVENT_PORT_ATTR_ENQ_DEPTH 0
#define RTE_EVENT_PORT_ATTR_DEQ_DEPTH 1
#define RTE_EVENT_PORT_ATTR_NEW_EVENT_THRESHOLD 2
#define RTE_EVENT_PORT_ATTR_IMPLICIT_RELEASE_DISABLE 3

int rte_event_port_attr_get(uint8_t dev_id, uint8_t port_id, uint32_t attr_id,
			    uint32_t *attr_value);

/* 0, -EINVAL, -ESTALE (a queue or port not set up since configure: logged),
 * -EALREADY (started) or the driver's error. */
int rte_event_dev_start(uint8_t dev_id);
void rte_event_dev_stop(uint8_t dev_id);

typedef void (*rte_eventdev_stop_flush_t)(uint8_t dev_id, struct rte_event event, void *arg);
int rte_event_dev_stop_flush_callback_register(uint8_t dev_id, rte_eventdev_stop_flush_t callback,
					       void *userdata);
/* 0, -EINVAL, -EBUSY (started: stop it first). */
int rte_event_dev_close(uint8_t dev_id);

/* A vector of objects carried by one event (RTE_EVENT_TYPE_*_VECTOR). */
struct rte_event_vector {
	uint16_t nb_elem;
	uint16_t elem_offset : 12;
	uint16_t rsvd : 3;
	uint16_t attr_valid : 1;
	union {
		struct {
			uint16_t port;
			uint16_t queue;
		};
	};
	uint64_t impl_opaque;
#ifndef __cplusplus
	union {
#endif
		struct rte_mbuf *mbufs[0];
		void *ptrs[0];
		uint64_t u64s[0];
#ifndef __cplusplus
	} __rte_aligned(16);
#endif
} __rte_aligned(16);

/* Schedule types */
#define RTE_SCHED_TYPE_ORDERED 0
#define RTE_SCHED_TYPE_ATOMIC 1
#define RTE_SCHED_TYPE_PARALLEL 2

/* Event types: where an event came from */
#define RTE_EVENT_TYPE_ETHDEV 0x0
#define RTE_EVENT_TYPE_CRYPTODEV 0x1
#define RTE_EVENT_TYPE_TIMER 0x2
#define RTE_EVENT_TYPE_CPU 0x3
#define RTE_EVENT_TYPE_ETH_RX_ADAPTER 0x4
#define RTE_EVENT_TYPE_VECTOR 0x8
#define RTE_EVENT_TYPE_ETHDEV_VECTOR (RTE_EVENT_TYPE_VECTOR | RTE_EVENT_TYPE_ETHDEV)
#define RTE_EVENT_TYPE_CPU_VECTOR (RTE_EVENT_TYPE_VECTOR | RTE_EVENT_TYPE_CPU)
#define RTE_EVENT_TYPE_ETH_RX_ADAPTER_VECTOR (RTE_EVENT_TYPE_VECTOR | RTE_EVENT_TYPE_ETH_RX_ADAPTER)
#define RTE_EVENT_TYPE_CRYPTODEV_VECTOR (RTE_EVENT_TYPE_VECTOR | RTE_EVENT_TYPE_CRYPTODEV)
#define RTE_EVENT_TYPE_MAX 0x10

/* Enqueue operations */
#define RTE_EVENT_OP_NEW 0
#define RTE_EVENT_OP_FORWARD 1
#define RTE_EVENT_OP_RELEASE 2

/* 16 bytes, two words, the bit layout DPDK applications rely on. */
struct rte_event {
	union {
		uint64_t event;
		struct {
			uint32_t flow_id : 20;
			uint32_t sub_event_type : 8;
			uint32_t event_type : 4;
			uint8_t op : 2;
			uint8_t rsvd : 4;
			uint8_t sched_type : 2;
			uint8_t queue_id;
			uint8_t priority;
			uint8_t impl_opaque;
		};
	};
	union {
		uint64_t u64;
		void *event_ptr;
		struct rte_mbuf *mbuf;
		struct rte_event_vector *vec;
	};
};

/* Adapter capabilities */
#define RTE_EVENT_ETH_RX_ADAPTER_CAP_INTERNAL_PORT 0x1
#define RTE_EVENT_ETH_RX_ADAPTER_CAP_MULTI_EVENTQ 0x2
#define RTE_EVENT_ETH_RX_ADAPTER_CAP_OVERRIDE_FLOW_ID 0x4
#define RTE_EVENT_ETH_RX_ADAPTER_CAP_EVENT_VECTOR 0x8

/* caps of the pair (event device, ethdev port); 0 means a service does the
 * work. 0 or -EINVAL. */
int rte_event_eth_rx_adapter_caps_get(uint8_t dev_id, uint16_t eth_port_id, uint32_t *caps);

#define RTE_EVENT_TIMER_ADAPTER_CAP_INTERNAL_PORT (1ULL << 0)
#define RTE_EVENT_TIMER_ADAPTER_CAP_PERIODIC (1ULL << 1)

int rte_event_timer_adapter_caps_get(uint8_t dev_id, uint32_t *caps);

#define RTE_EVENT_CRYPTO_ADAPTER_CAP_INTERNAL_PORT_OP_NEW 0x1
#define RTE_EVENT_CRYPTO_ADAPTER_CAP_INTERNAL_PORT_OP_FWD 0x2
#define RTE_EVENT_CRYPTO_ADAPTER_CAP_INTERNAL_PORT_QP_EV_BIND 0x4
#define RTE_EVENT_CRYPTO_ADAPTER_CAP_SESSION_PRIVATE_DATA 0x8
#define RTE_EVENT_CRYPTO_ADAPTER_CAP_EVENT_VECTOR 0x10

int rte_event_crypto_adapter_caps_get(uint8_t dev_id, uint8_t cdev_id, uint32_t *caps);

#define RTE_EVENT_ETH_TX_ADAPTER_CAP_INTERNAL_PORT 0x1
#define RTE_EVENT_ETH_TX_ADAPTER_CAP_EVENT_VECTOR 0x2

int rte_event_eth_tx_adapter_caps_get(uint8_t dev_id, uint16_t eth_port_id, uint32_t *caps);

/* ns converted to the timeout_ticks rte_event_dequeue_burst() takes.
 * 0, -EINVAL, -ENOTSUP. */
int rte_event_dequeue_timeout_ticks(uint8_t dev_id, uint64_t ns, uint64_t *timeout_ticks);

/* queues NULL links every queue; priorities NULL gives NORMAL. Returns the
 * number of links made; on a short count rte_errno is EINVAL (bad queue or
 * priority) or EDQUOT (a single-link queue already linked). */
int rte_event_port_link(uint8_t dev_id, uint8_t port_id, const uint8_t queues[],
			const uint8_t priorities[], uint16_t nb_links);
/* queues NULL unlinks every queue. Returns the number unlinked. */
int rte_event_port_unlink(uint8_t dev_id, uint8_t port_id, uint8_t queues[], uint16_t nb_unlinks);
int rte_event_port_unlinks_in_progress(uint8_t dev_id, uint8_t port_id);
/* The queues linked to the port (array of RTE_EVENT_MAX_QUEUES_PER_DEV). */
int rte_event_port_links_get(uint8_t dev_id, uint8_t port_id, uint8_t queues[],
			     uint8_t priorities[]);

/* The service that schedules a software device (map it to a service
 * lcore). 0, -EINVAL, -ESRCH (the device schedules without a service). */
int rte_event_dev_service_id_get(uint8_t dev_id, uint32_t *service_id);

int rte_event_dev_dump(uint8_t dev_id, FILE *f);

#define RTE_EVENT_DEV_XSTATS_NAME_SIZE 64

enum rte_event_dev_xstats_mode {
	RTE_EVENT_DEV_XSTATS_DEVICE,
	RTE_EVENT_DEV_XSTATS_PORT,
	RTE_EVENT_DEV_XSTATS_QUEUE,
};

struct rte_event_dev_xstats_name {
	char name[RTE_EVENT_DEV_XSTATS_NAME_SIZE];
};

/* The number of statistics of mode (queue/port_id selects one); when size
 * is below it nothing is written. -EINVAL for a bad device, -ENOTSUP. */
int rte_event_dev_xstats_names_get(uint8_t dev_id, enum rte_event_dev_xstats_mode mode,
				   uint8_t queue_port_id,
				   struct rte_event_dev_xstats_name *xstats_names,
				   unsigned int *ids, unsigned int size);
int rte_event_dev_xstats_get(uint8_t dev_id, enum rte_event_dev_xstats_mode mode,
			     uint8_t queue_port_id, const unsigned int ids[], uint64_t values[],
			     unsigned int n);
/* The value, or -ENOTSUP cast; id (if not NULL) gets the id or -1. */
uint64_t rte_event_dev_xstats_by_name_get(uint8_t dev_id, const char *name, unsigned int *id);
int rte_event_dev_xstats_reset(uint8_t dev_id, enum rte_event_dev_xstats_mode mode,
			       int16_t queue_port_id, const uint32_t ids[], uint32_t nb_ids);

/* 0 passed, -ENOTSUP (the driver has none), otherwise failed. */
int rte_event_dev_selftest(uint8_t dev_id);

/* A pool of rte_event_vector holding nb_elem pointers each. */
__rte_experimental struct rte_mempool *
rte_event_vector_pool_create(const char *name, unsigned int n, unsigned int cache_size,
			     uint16_t nb_elem, int socket_id);

#include <rte_eventdev_core.h>

/* Fast path. Checks of dev_id and port_id cost cycles on every burst, as
 * in DPDK they are only made with RTE_LIBRTE_EVENTDEV_DEBUG. */
static __rte_always_inline uint16_t
__rte_event_enqueue_burst(uint8_t dev_id, uint8_t port_id, const struct rte_event ev[],
			  uint16_t nb_events, const event_enqueue_burst_t fn)
{
	const struct rte_event_fp_ops *ops = &rte_event_fp_ops[dev_id];

#ifdef RTE_LIBRTE_EVENTDEV_DEBUG
	if (dev_id >= RTE_EVENT_MAX_DEVS || port_id >= RTE_EVENT_MAX_PORTS_PER_DEV ||
	    ops->data[port_id] == NULL) {
		rte_errno = EINVAL;
		return 0;
	}
#endif
	return fn(ops->data[port_id], ev, nb_events);
}

/* Returns the number enqueued; a short count sets rte_errno to EINVAL
 * (bad event at that index) or ENOSPC (back-pressure: retry later). */
static inline uint16_t
rte_event_enqueue_burst(uint8_t dev_id, uint8_t port_id, const struct rte_event ev[],
			uint16_t nb_events)
{
	return __rte_event_enqueue_burst(dev_id, port_id, ev, nb_events,
					 rte_event_fp_ops[dev_id].enqueue_burst);
}

/* Every event has op NEW. */
static inline uint16_t
rte_event_enqueue_new_burst(uint8_t dev_id, uint8_t port_id, const struct rte_event ev[],
			    uint16_t nb_events)
{
	return __rte_event_enqueue_burst(dev_id, port_id, ev, nb_events,
					 rte_event_fp_ops[dev_id].enqueue_new_burst);
}

/* Every event has op FORWARD. */
static inline uint16_t
rte_event_enqueue_forward_burst(uint8_t dev_id, uint8_t port_id, const struct rte_event ev[],
				uint16_t nb_events)
{
	return __rte_event_enqueue_burst(dev_id, port_id, ev, nb_events,
					 rte_event_fp_ops[dev_id].enqueue_forward_burst);
}

static inline uint16_t
rte_event_dequeue_burst(uint8_t dev_id, uint8_t port_id, struct rte_event ev[], uint16_t nb_events,
			uint64_t timeout_ticks)
{
	const struct rte_event_fp_ops *ops = &rte_event_fp_ops[dev_id];

#ifdef RTE_LIBRTE_EVENTDEV_DEBUG
	if (dev_id >= RTE_EVENT_MAX_DEVS || port_id >= RTE_EVENT_MAX_PORTS_PER_DEV ||
	    ops->data[port_id] == NULL) {
		rte_errno = EINVAL;
		return 0;
	}
#endif
	return ops->dequeue_burst(ops->data[port_id], ev, nb_events, timeout_ticks);
}

#define RTE_EVENT_DEV_MAINT_OP_FLUSH (1 << 0)

/* Lets a device without RTE_EVENT_DEV_CAP_MAINTENANCE_FREE make progress on
 * a port the application does not dequeue from for a while. */
__rte_experimental static inline int
rte_event_maintain(uint8_t dev_id, uint8_t port_id, int op)
{
	const struct rte_event_fp_ops *ops = &rte_event_fp_ops[dev_id];

#ifdef RTE_LIBRTE_EVENTDEV_DEBUG
	if (dev_id >= RTE_EVENT_MAX_DEVS || port_id >= RTE_EVENT_MAX_PORTS_PER_DEV ||
	    ops->data[port_id] == NULL || (op & ~RTE_EVENT_DEV_MAINT_OP_FLUSH) != 0)
		return -EINVAL;
#endif
	if (ops->maintain != NULL)
		ops->maintain(ops->data[port_id], op);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EVENTDEV_H_ */
