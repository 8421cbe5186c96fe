/* SPDX-License-Identifier: BSD-3-Clause */
/* Register, EEPROM and plug-in module dumps: checked here, read by the driver. */
#include <errno.h>

#include "ethdev_private.h"

/* Port and argument checked, then the driver's op (-ENOTSUP when it has none). */
#define ETH_DUMP_OP(port_id, arg, op)                                                           \
	do {                                                                                    \
		struct rte_eth_dev *dev_;                                                       \
		ETH_DEV_OR_RET(dev_, port_id, -ENODEV);                                         \
		if ((arg) == NULL) {                                                            \
			RTE_ETHDEV_LOG(ERR, "Port %u: %s needs a non-NULL " #arg "\n", port_id, \
				       __func__);                                               \
			return -EINVAL;                                                         \
		}                                                                               \
		ETH_OP_OR_RET(dev_, op);                                                        \
		return dev_->dev_ops->op(dev_, arg);                                            \
	} while (0)

__rte_export int
rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info)
{
	ETH_DUMP_OP(port_id, info, get_reg);
}

__rte_export int
rte_eth_dev_get_eeprom_length(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, get_eeprom_length);
	return dev->dev_ops->get_eeprom_length(dev);
}

__rte_export int
rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	ETH_DUMP_OP(port_id, info, get_eeprom);
}

__rte_export int
rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	ETH_DUMP_OP(port_id, info, set_eeprom);
}

__rte_export int
rte_eth_dev_get_module_info(uint16_t port_id, struct rte_eth_dev_module_info *modinfo)
{
	ETH_DUMP_OP(port_id, modinfo, get_module_info);
}

__rte_export int
rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	if (info != NULL && (info->data == NULL || info->length == 0)) {
		RTE_ETHDEV_LOG(ERR,
			       "Port %u: module EEPROM read needs a data buffer and a "
			       "length > 0\n",
			       port_id);
		return rte_eth_dev_is_valid_port(port_id) ? -EINVAL : -ENODEV;
	}
	ETH_DUMP_OP(port_id, info, get_module_eeprom);
}
