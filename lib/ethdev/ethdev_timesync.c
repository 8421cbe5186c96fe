/* SPDX-License-Identifier: BSD-3-Clause */
/* IEEE 1588 time stamping and the device clock: straight to the driver. */
#include <errno.h>

#include "ethdev_private.h"

#define ETH_TIME_OP(port_id, op, ...) do { \
	struct rte_eth_dev *dev_; \
	ETH_DEV_OR_RET(dev_, port_id, -ENODEV); \
	ETH_OP_OR_RET(dev_, op); \
	return dev_->dev_ops->op(dev_, ##__VA_ARGS__); \
} while (0)

__rte_export int
rte_eth_timesync_enable(uint16_t port_id)
{
	ETH_TIME_OP(port_id, timesync_enable);
}

__rte_export int
rte_eth_timesync_disable(uint16_t port_id)
{
	ETH_TIME_OP(port_id, timesync_disable);
}

__rte_export int
rte_eth_timesync_read_rx_timestamp(uint16_t port_id, struct timespec *timestamp,
				   uint32_t flags)
{
	if (timestamp == NULL)
		return rte_eth_dev_is_valid_port(port_id) ? -EINVAL : -ENODEV;
	ETH_TIME_OP(port_id, timesync_read_rx_timestamp, timestamp, flags);
}

__rte_export int
rte_eth_timesync_read_tx_timestamp(uint16_t port_id, struct timespec *timestamp)
{
	if (timestamp == NULL)
		return rte_eth_dev_is_valid_port(port_id) ? -EINVAL : -ENODEV;
	ETH_TIME_OP(port_id, timesync_read_tx_timestamp, timestamp);
}

__rte_export int
rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta)
{
	ETH_TIME_OP(port_id, timesync_adjust_time, delta);
}

__rte_export int
rte_eth_timesync_read_time(uint16_t port_id, struct timespec *timestamp)
{
	if (timestamp == NULL)
		return rte_eth_dev_is_valid_port(port_id) ? -EINVAL : -ENODEV;
	ETH_TIME_OP(port_id, timesync_read_time, timestamp);
}

__rte_export int
rte_eth_timesync_write_time(uint16_t port_id, const struct timespec *timestamp)
{
	if (timestamp == NULL)
		return rte_eth_dev_is_valid_port(port_id) ? -EINVAL : -ENODEV;
	ETH_TIME_OP(port_id, timesync_write_time, timestamp);
}

__rte_export int
rte_eth_read_clock(uint16_t port_id, uint64_t *clock)
{
	if (clock == NULL)
		return rte_eth_dev_is_valid_port(port_id) ? -EINVAL : -ENODEV;
	ETH_TIME_OP(port_id, read_clock, clock);
}
