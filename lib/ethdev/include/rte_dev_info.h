/* SPDX-License-Identifier: BSD-3-Clause */
/* Buffers for register, EEPROM and plug-in module dumps of a port. */
#ifndef _RTE_DEV_INFO_H_
#define _RTE_DEV_INFO_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_dev_reg_info {
	void *data;	  /* where the registers go; NULL asks for length and width */
	uint32_t offset;  /* first register */
	uint32_t length;  /* number of registers */
	uint32_t width;	  /* bytes per register */
	uint32_t version; /* device version, set by the driver */
};

struct rte_dev_eeprom_info {
	void *data;	 /* the bytes read or to write */
	uint32_t offset; /* first byte */
	uint32_t length; /* number of bytes */
	uint32_t magic;	 /* device key the driver checks before a write */
};

struct rte_eth_dev_module_info {
	uint32_t type;	     /* one of RTE_ETH_MODULE_SFF_* */
	uint32_t eeprom_len; /* bytes of module EEPROM */
};

/* Module EEPROM standards and their sizes in bytes. */
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
