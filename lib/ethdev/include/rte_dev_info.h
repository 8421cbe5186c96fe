/* SPDX-License-Identifier: BSD-3-Clause */
/* Register, EEPROM and plug-in module dumps (rte_eth_dev_get_reg_info & co). */
#ifndef _RTE_DEV_INFO_H_
#define _RTE_DEV_INFO_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* data NULL: the driver only fills length, width and version. */
struct rte_dev_reg_info {
	void *data;
	uint32_t offset; /* first register */
	uint32_t length; /* register count */
	uint32_t width;	 /* bytes a register */
	uint32_t version;
};

struct rte_dev_eeprom_info {
	void *data;
	uint32_t offset; /* bytes */
	uint32_t length; /* bytes */
	uint32_t magic;	 /* device key, e.g. the device id */
};

struct rte_eth_dev_module_info {
	uint32_t type; /* RTE_ETH_MODULE_SFF_* */
	uint32_t eeprom_len;
};

/* Module EEPROM layouts (SFF specifications) and their sizes in bytes. */
#define RTE_ETH_MODULE_SFF_8079 0x1
#define RTE_ETH_MODULE_SFF_8079_LEN 256
#define RTE_ETH_MODULE_SFF_8472 0x2
#define RTE_ETH_MODULE_SFF_8472_LEN 512
#define RTE_ETH_MODULE_SFF_8636 0x3
#define RTE_ETH_MODULE_SFF_8636_LEN 256
#define RTE_ETH_MODULE_SFF_8636_MAX_LEN 640
#define RTE_ETH_MODULE_SFF_8436 0x4
#define RTE_ETH_MODULE_SFF_8436_LEN 256
#define RTE_ETH_MODULE_SFF_8436_MAX_LEN 640

#ifdef __cplusplus
}
#endif

#endif
