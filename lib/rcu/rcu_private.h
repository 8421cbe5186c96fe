/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of lib/rcu: the log macro and the defer queue's layout.
 */
#ifndef _RCU_PRIVATE_H_
#define _RCU_PRIVATE_H_

#include <stdint.h>

#include <rte_log.h>
#include <rte_rcu_qsbr.h>

#define __rte_export __attribute__((visibility("default")))

#define RCU_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, rte_rcu_log_type, "RCU: " fmt "\n", ##__VA_ARGS__)

/*
 * A defer queue: a ring of (token, element) records. The token is the one
 * rte_rcu_qsbr_start() gave when the element was queued; the element may be
 * freed once that token's grace period is over.
 */
struct rte_rcu_qsbr_dq {
	struct rte_rcu_qsbr *v;
	struct rte_ring *r;
	uint32_t size;	/* what the creator asked for; the ring may hold more */
	uint32_t esize; /* bytes of a record: the token and the element */
	uint32_t trigger_reclaim_limit;
	uint32_t max_reclaim_size;
	rte_rcu_qsbr_free_resource_t free_fn;
	void *p;
};

#endif /* _RCU_PRIVATE_H_ */
