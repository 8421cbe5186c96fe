/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register and EEPROM access of a port (included by rte_ethdev.h). No driver of this
 * project exposes its registers or EEPROM, so a valid port always answers -ENOTSUP;
 * the checks on the arguments are those of DPDK, so that callers see the same errors.
 */
#ifndef _RTE_ETHDEV_EEPROM_H_
#define _RTE_ETHDEV_EEPROM_H_

#include <stdint.h>

#include <rte_dev_info.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Registers of the port into info. -ENODEV (bad port), -EINVAL (info NULL), -ENOTSUP. */
int rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info);
/* Size of the port's EEPROM in bytes, or -ENODEV, -ENOTSUP. */
int rte_eth_dev_get_eeprom_length(uint16_t port_id);
/* Read or write EEPROM bytes. -ENODEV, -EINVAL (info NULL), -ENOTSUP. */
int rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);
int rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);
/* Type and size of the plug-in module's EEPROM. -ENODEV, -EINVAL (NULL), -ENOTSUP. */
int rte_eth_dev_get_module_info(uint16_t port_id, struct rte_eth_dev_module_info *modinfo);
/*
 * Read the plug-in module's EEPROM. -ENODEV; -EINVAL if info or info->data is NULL or
 * info->length is 0; -ENOTSUP.
 */
int rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);

#ifdef __cplusplus
}
#endif

#endif
