/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_net_crc_calc(): reflected CRCs, one table lookup a byte. Each table
 * entry is the CRC register after shifting one byte value through it; the
 * tables are filled once, by a constructor, before any thread can ask.
 */
#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_net_crc.h>

/* Exported from libsluice; everything else is hidden. */
#define __rte_export __attribute__((visibility("default")))

/* The reflected forms of 0x04c11db7 (CRC-32) and 0x1021 (CCITT). */
#define CRC32_ETH_POLY 0xedb88320u
#define CRC16_CCITT_POLY 0x8408u

static uint32_t crc32_eth_table[256];
static uint32_t crc16_ccitt_table[256];

static void
crc_table_fill(uint32_t *table, uint32_t poly)
{
	for (uint32_t b = 0; b < 256; b++) {
		uint32_t c = b;

		for (int i = 0; i < 8; i++)
			c = c & 1 ? (c >> 1) ^ poly : c >> 1;
		table[b] = c;
	}
}

RTE_INIT(net_crc_tables_fill)
{
	crc_table_fill(crc32_eth_table, CRC32_ETH_POLY);
	crc_table_fill(crc16_ccitt_table, CRC16_CCITT_POLY);
}

/* Both CRCs start from all ones and end XORed with all ones. */
static uint32_t
crc_reflected(const uint8_t *p, uint32_t len, const uint32_t *table, uint32_t ones)
{
	uint32_t c = ones;

	for (uint32_t i = 0; i < len; i++)
		c = (c >> 8) ^ table[(c ^ p[i]) & 0xff];
	return c ^ ones;
}

__rte_export void
rte_net_crc_set_alg(enum rte_net_crc_alg alg)
{
	/* the scalar form gives every algorithm's results */
	RTE_SET_USED(alg);
}

__rte_export uint32_t
rte_net_crc_calc(const void *data, uint32_t data_len, enum rte_net_crc_type type)
{
	if (data == NULL && data_len != 0)
		return 0;
	switch (type) {
	case RTE_NET_CRC32_ETH:
		return crc_reflected(data, data_len, crc32_eth_table, UINT32_MAX);
	case RTE_NET_CRC16_CCITT:
		return crc_reflected(data, data_len, crc16_ccitt_table, UINT16_MAX);
	default:
		return 0;
	}
}
