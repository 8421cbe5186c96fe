/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet address helpers that are not inline: text form and random addresses. */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_random.h>
#include <rte_ether.h>

/* Exported from libsluice; everything else is hidden. */
#define __rte_export __attribute__((visibility("default")))

__rte_export void
rte_eth_random_addr(uint8_t *addr)
{
	uint64_t rand = rte_rand();

	memcpy(addr, &rand, RTE_ETHER_ADDR_LEN);
	/* A random address must never look like a vendor's or a group's. */
	addr[0] &= (uint8_t)~RTE_ETHER_GROUP_ADDR;
	addr[0] |= RTE_ETHER_LOCAL_ADMIN_ADDR;
}

__rte_export void
rte_ether_format_addr(char *buf, uint16_t size, const struct rte_ether_addr *eth_addr)
{
	if (buf == NULL || size == 0)
		return;
	snprintf(buf, size, RTE_ETHER_ADDR_PRT_FMT, RTE_ETHER_ADDR_BYTES(eth_addr));
}

static int
net_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Parse groups of exactly 'digits' hex digits separated by ':'; the whole
 * string must be consumed. Each group fills digits/2 bytes.
 */
static int
net_parse_groups(const char *str, unsigned int groups, unsigned int digits, uint8_t *out)
{
	unsigned int g, d, b = 0;

	for (g = 0; g < groups; g++) {
		unsigned int v = 0;

		for (d = 0; d < digits; d++) {
			int x = net_hex_digit(*str++);

			if (x < 0)
				return -1;
			v = (v << 4) | (unsigned int)x;
		}
		for (d = digits / 2; d > 0; d--)
			out[b++] = (uint8_t)(v >> ((d - 1) * 8));
		if (g + 1 < groups && *str++ != ':')
			return -1;
	}
	return *str == '\0' ? 0 : -1;
}

__rte_export int
rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr)
{
	uint8_t bytes[RTE_ETHER_ADDR_LEN];

	if (str == NULL || eth_addr == NULL ||
	    (net_parse_groups(str, 6, 2, bytes) != 0 && net_parse_groups(str, 3, 4, bytes) != 0)) {
		rte_errno = EINVAL;
		return -1;
	}
	memcpy(eth_addr->addr_bytes, bytes, sizeof(bytes));
	return 0;
}
