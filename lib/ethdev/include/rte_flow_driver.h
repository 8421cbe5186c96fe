/* SPDX-License-Identifier: BSD-3-Clause */
/* Driver side of the flow API: the operations a PMD hands to rte_flow_*. */
#ifndef _RTE_FLOW_DRIVER_H_
#define _RTE_FLOW_DRIVER_H_

#include <rte_flow.h>
#include <ethdev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Any member may be NULL: the API then fails with ENOSYS. On failure each
 * sets *error with rte_flow_error_set (error may be NULL).
 */
struct rte_flow_ops {
	int (*validate)(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
			const struct rte_flow_item pattern[],
			const struct rte_flow_action actions[], struct rte_flow_error *error);
	struct rte_flow *(*create)(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
				   const struct rte_flow_item pattern[],
				   const struct rte_flow_action actions[],
				   struct rte_flow_error *error);
	int (*destroy)(struct rte_eth_dev *dev, struct rte_flow *flow,
		       struct rte_flow_error *error);
	int (*flush)(struct rte_eth_dev *dev, struct rte_flow_error *error);
	int (*query)(struct rte_eth_dev *dev, struct rte_flow *flow,
		     const struct rte_flow_action *action, void *data,
		     struct rte_flow_error *error);
	int (*isolate)(struct rte_eth_dev *dev, int set, struct rte_flow_error *error);
};

#ifdef __cplusplus
}
#endif

#endif
