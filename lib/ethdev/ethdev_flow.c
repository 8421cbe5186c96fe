/* SPDX-License-Identifier: BSD-3-Clause */
/* Generic flow API: checks the port, then hands the request to the driver. */
#include <errno.h>

#include <rte_errno.h>
#include <rte_flow.h>
#include <rte_flow_driver.h>

#include "ethdev_private.h"

__rte_export int
rte_flow_error_set(struct rte_flow_error *error, int code, enum rte_flow_error_type type,
		   const void *cause, const char *message)
{
	if (error != NULL)
		*error = (struct rte_flow_error){.type = type, .cause = cause, .message = message};
	rte_errno = code;
	return -code;
}

/*
 * The port's flow operations, or NULL with *error and rte_errno set:
 * ENODEV for a bad port, ENOSYS (as DPDK) when the driver has no flow support.
 */
static const struct rte_flow_ops *
flow_ops_get(uint16_t port_id, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = NULL;
	struct rte_eth_dev *dev = eth_dev_get_valid(port_id);
	int code = 0;

	if (dev == NULL) {
		code = ENODEV;
	} else if (dev->dev_ops->flow_ops_get == NULL) {
		code = ENOSYS;
	} else {
		code = -dev->dev_ops->flow_ops_get(dev, &ops);
		if (code == 0 && ops == NULL)
			code = ENOSYS;
	}
	if (code == 0)
		return ops;
	if (code == ENOSYS)
		RTE_ETHDEV_LOG(ERR,
			       "Port %u: the driver has no flow API; steer packets with RSS "
			       "or use a port whose driver supports rte_flow\n",
			       port_id);
	rte_flow_error_set(error, code, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL, rte_strerror(code));
	return NULL;
}

/* The driver left this one operation out. */
static int
flow_op_missing(struct rte_flow_error *error)
{
	return rte_flow_error_set(error, ENOSYS, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				  rte_strerror(ENOSYS));
}

/* Keep rte_errno in step with a driver's negative return. */
static int
flow_ret(int ret)
{
	if (ret < 0)
		rte_errno = -ret;
	return ret;
}

__rte_export int
rte_flow_validate(uint16_t port_id, const struct rte_flow_attr *attr,
		  const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		  struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops;

	if (attr != NULL && attr->transfer && (attr->ingress || attr->egress)) {
		RTE_ETHDEV_LOG(ERR,
			       "Port %u: flow attr transfer excludes ingress and egress; "
			       "set only one of them\n",
			       port_id);
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ATTR, attr,
					  "cannot use attr ingress/egress with attr transfer");
	}
	ops = flow_ops_get(port_id, error);
	if (ops == NULL)
		return -rte_errno;
	if (ops->validate == NULL)
		return flow_op_missing(error);
	return flow_ret(ops->validate(&rte_eth_devices[port_id], attr, pattern, actions, error));
}

__rte_export struct rte_flow *
rte_flow_create(uint16_t port_id, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = flow_ops_get(port_id, error);

	if (ops == NULL)
		return NULL;
	if (ops->create == NULL) {
		flow_op_missing(error);
		return NULL;
	}
	return ops->create(&rte_eth_devices[port_id], attr, pattern, actions, error);
}

__rte_export int
rte_flow_destroy(uint16_t port_id, struct rte_flow *flow, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = flow_ops_get(port_id, error);

	if (ops == NULL)
		return -rte_errno;
	if (ops->destroy == NULL)
		return flow_op_missing(error);
	return flow_ret(ops->destroy(&rte_eth_devices[port_id], flow, error));
}

__rte_export int
rte_flow_flush(uint16_t port_id, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = flow_ops_get(port_id, error);

	if (ops == NULL)
		return -rte_errno;
	if (ops->flush == NULL)
		return flow_op_missing(error);
	return flow_ret(ops->flush(&rte_eth_devices[port_id], error));
}

__rte_export int
rte_flow_query(uint16_t port_id, struct rte_flow *flow, const struct rte_flow_action *action,
	       void *data, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = flow_ops_get(port_id, error);

	if (ops == NULL)
		return -rte_errno;
	if (ops->query == NULL)
		return flow_op_missing(error);
	return flow_ret(ops->query(&rte_eth_devices[port_id], flow, action, data, error));
}

__rte_export int
rte_flow_isolate(uint16_t port_id, int set, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = flow_ops_get(port_id, error);

	if (ops == NULL)
		return -rte_errno;
	if (ops->isolate == NULL)
		return flow_op_missing(error);
	return flow_ret(ops->isolate(&rte_eth_devices[port_id], set, error));
}
