/* SPDX-License-Identifier: BSD-3-Clause */
/* Register and EEPROM access: checked like DPDK's, then unsupported by every driver here. */
#include <errno.h>

#include <rte_ethdev.h>

#include "ethdev_private.h"

/* -ENODEV for a bad port, -EINVAL after a log line when arg is NULL, else -ENOTSUP. */
static int
eth_eeprom_refuse(uint16_t port_id, const char *fn, const void *arg, const char *what)
{
	RTE_ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (arg == NULL) {
		RTE_ETHDEV_LOG(ERR, "%s: port %u: %s is NULL; pass a buffer\n", fn, port_id, what);
		return -EINVAL;
	}
	return -ENOTSUP;
}

__rte_export int
rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info)
{
	return eth_eeprom_refuse(port_id, __func__, info, "info");
}

__rte_export int
rte_eth_dev_get_eeprom_length(uint16_t port_id)
{
	RTE_ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	return -ENOTSUP;
}

__rte_export int
rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	return eth_eeprom_refuse(port_id, __func__, info, "info");
}

__rte_export int
rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	return eth_eeprom_refuse(port_id, __func__, info, "info");
}

__rte_export int
rte_eth_dev_get_module_info(uint16_t port_id, struct rte_eth_dev_module_info *modinfo)
{
	return eth_eeprom_refuse(port_id, __func__, modinfo, "modinfo");
}

__rte_export int
rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	int ret = eth_eeprom_refuse(port_id, __func__, info, "info");

	if (ret != -ENOTSUP)
		return ret;
	if (info->data == NULL || info->length == 0) {
		RTE_ETHDEV_LOG(ERR,
			       "%s: port %u: info->data must point to info->length (> 0) bytes\n",
			       __func__, port_id);
		return -EINVAL;
	}
	return -ENOTSUP;
}
