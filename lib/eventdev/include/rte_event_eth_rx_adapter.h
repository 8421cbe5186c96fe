/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet Rx adapter (DPDK 22.11's API): turns packets received on ethdev
 * Rx queues into NEW events on an event queue. Where the event device has
 * no internal port for the ethdev (caps without INTERNAL_PORT, the case of
 * every software device), a service polls the Rx queues and enqueues
 * through an event port of its own; map that service to a service lcore.
 */
#ifndef _RTE_EVENT_ETH_RX_ADAPTER_
#define _RTE_EVENT_ETH_RX_ADAPTER_

#include <stdbool.h>
#include <stdint.h>

#include <rte_compat.h>
#include <rte_service.h>

#include "rte_eventdev.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_EVENT_ETH_RX_ADAPTER_MAX_INSTANCE 32

/* rte_event_eth_rx_adapter_queue_conf.rx_queue_flags */
#define RTE_EVENT_ETH_RX_ADAPTER_QUEUE_FLOW_ID_VALID 0x1
#define RTE_EVENT_ETH_RX_ADAPTER_QUEUE_EVENT_VECTOR 0x2

struct rte_event_eth_rx_adapter_conf {
	uint8_t event_port_id;
	uint32_t max_nb_rx;
};

typedef int (*rte_event_eth_rx_adapter_conf_cb)(uint8_t id, uint8_t dev_id,
						struct rte_event_eth_rx_adapter_conf *conf,
						void *arg);

struct rte_event_eth_rx_adapter_queue_conf {
	uint32_t rx_queue_flags;
	uint16_t servicing_weight;
	/* queue_id, sched_type, priority (and flow_id with FLOW_ID_VALID) of
	 * the events made from this queue's packets */
	struct rte_event ev;
	uint16_t vector_sz;
	uint64_t vector_timeout_ns;
	struct rte_mempool *vector_mp;
	uint16_t event_buf_size;
};

struct rte_event_eth_rx_adapter_queue_stats {
	uint64_t rx_event_buf_count;
	uint64_t rx_event_buf_size;
	uint64_t rx_poll_count;
	uint64_t rx_packets;
	uint64_t rx_dropped;
};

struct rte_event_eth_rx_adapter_stats {
	uint64_t rx_poll_count;
	uint64_t rx_packets;
	uint64_t rx_enq_count;
	uint64_t rx_enq_retry;
	uint64_t rx_dropped;
	uint64_t rx_enq_start_ts;
	uint64_t rx_enq_block_cycles;
	uint64_t rx_enq_end_ts;
	uint64_t rx_intr_packets;
	uint64_t rx_event_buf_count;
	uint64_t rx_event_buf_size;
};

struct rte_event_eth_rx_adapter_vector_limits {
	uint16_t min_sz;
	uint16_t max_sz;
	uint8_t log2_sz;
	uint64_t min_timeout_ns;
	uint64_t max_timeout_ns;
};

struct rte_event_eth_rx_adapter_params {
	uint16_t event_buf_size;
	bool use_queue_event_buf;
};

typedef uint16_t (*rte_event_eth_rx_adapter_cb_fn)(uint16_t eth_dev_id, uint16_t queue_id,
						   uint32_t enqueue_buf_size,
						   uint32_t enqueue_buf_count, struct rte_event *ev,
						   uint16_t nb_event, void *cb_arg,
						   uint16_t *nb_dropped);

/* 0, -EINVAL (bad id or device), -EEXIST (id in use), -ENOMEM. */
int rte_event_eth_rx_adapter_create_ext(uint8_t id, uint8_t dev_id,
					rte_event_eth_rx_adapter_conf_cb conf_cb, void *conf_arg);
/* Adds an event port set up with port_config to the (stopped) device. */
int rte_event_eth_rx_adapter_create(uint8_t id, uint8_t dev_id,
				    struct rte_event_port_conf *port_config);
__rte_experimental int
rte_event_eth_rx_adapter_create_with_params(uint8_t id, uint8_t dev_id,
					    struct rte_event_port_conf *port_config,
					    struct rte_event_eth_rx_adapter_params *rxa_params);
/* 0, -EINVAL, -EBUSY (queues still added). */
int rte_event_eth_rx_adapter_free(uint8_t id);
/* rx_queue_id -1 adds every Rx queue of the port. */
int rte_event_eth_rx_adapter_queue_add(uint8_t id, uint16_t eth_dev_id, int32_t rx_queue_id,
				       const struct rte_event_eth_rx_adapter_queue_conf *conf);
int rte_event_eth_rx_adapter_queue_del(uint8_t id, uint16_t eth_dev_id, int32_t rx_queue_id);
int rte_event_eth_rx_adapter_start(uint8_t id);
int rte_event_eth_rx_adapter_stop(uint8_t id);
int rte_event_eth_rx_adapter_stats_get(uint8_t id, struct rte_event_eth_rx_adapter_stats *stats);
int rte_event_eth_rx_adapter_stats_reset(uint8_t id);
/* 0, -EINVAL, -ESRCH (no service: no queue added yet). */
int rte_event_eth_rx_adapter_service_id_get(uint8_t id, uint32_t *service_id);
int rte_event_eth_rx_adapter_cb_register(uint8_t id, uint16_t eth_dev_id,
					 rte_event_eth_rx_adapter_cb_fn cb_fn, void *cb_arg);
int
rte_event_eth_rx_adapter_vector_limits_get(uint8_t dev_id, uint16_t eth_port_id,
					   struct rte_event_eth_rx_adapter_vector_limits *limits);
__rte_experimental int
rte_event_eth_rx_adapter_queue_conf_get(uint8_t id, uint16_t eth_dev_id, uint16_t rx_queue_id,
					struct rte_event_eth_rx_adapter_queue_conf *queue_conf);
__rte_experimental int
rte_event_eth_rx_adapter_queue_stats_get(uint8_t id, uint16_t eth_dev_id, uint16_t rx_queue_id,
					 struct rte_event_eth_rx_adapter_queue_stats *stats);
__rte_experimental int rte_event_eth_rx_adapter_queue_stats_reset(uint8_t id, uint16_t eth_dev_id,
								  uint16_t rx_queue_id);
__rte_experimental int rte_event_eth_rx_adapter_event_port_get(uint8_t id, uint8_t *event_port_id);
__rte_experimental int rte_event_eth_rx_adapter_instance_get(uint16_t eth_dev_id,
							     uint16_t rx_queue_id,
							     uint8_t *rxa_inst_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EVENT_ETH_RX_ADAPTER_ */
