/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The RSS redirection table and hash key commands of a port:
 *   port config N rss reta (index,queue)[,(index,queue)]...
 *   show port N rss reta SIZE (mask0[,mask1]...)
 *   port config N rss-hash-key TYPE HEXKEY
 * Their messages are DPDK testpmd's, so that scripts written for it read
 * the same answers.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ethdev.h>

#include "testpmd.h"

#define RETA_GROUPS (RTE_ETH_RSS_RETA_SIZE_512 / RTE_ETH_RETA_GROUP_SIZE)
#define RSS_KEY_MAX 64

/* The text between the '(' at or after *p and the next ')'; NULL if none. */
static const char *
paren_next(const char **p, size_t *len)
{
	const char *open = strchr(*p, '('), *close;

	if (open == NULL)
		return NULL;
	close = strchr(open + 1, ')');
	if (close == NULL)
		return NULL;
	*len = (size_t)(close - open - 1);
	*p = close + 1;
	return open + 1;
}

/* "(index,queue)" pairs into conf; -1 on any malformed or out-of-range pair. */
static int
reta_pairs_parse(const char *list, struct rte_eth_rss_reta_entry64 *conf, uint16_t nb_entries)
{
	const char *p = list, *item;
	size_t len;
	int pairs = 0;

	while ((item = paren_next(&p, &len)) != NULL) {
		char buf[32], *end;
		unsigned long idx, queue;

		if (len >= sizeof(buf))
			return -1;
		memcpy(buf, item, len);
		buf[len] = '\0';
		errno = 0;
		idx = strtoul(buf, &end, 0);
		if (errno != 0 || end == buf || *end != ',' || idx > UINT16_MAX)
			return -1;
		item = end + 1;
		queue = strtoul(item, &end, 0);
		if (errno != 0 || end == item || *end != '\0' || queue > UINT16_MAX)
			return -1;
		if (idx >= nb_entries) {
			printf("Invalid RETA hash index=%lu\n", idx);
			return -1;
		}
		conf[idx / RTE_ETH_RETA_GROUP_SIZE].mask |=
			RTE_BIT64(idx % RTE_ETH_RETA_GROUP_SIZE);
		conf[idx / RTE_ETH_RETA_GROUP_SIZE].reta[idx % RTE_ETH_RETA_GROUP_SIZE] =
			(uint16_t)queue;
		pairs++;
	}
	return pairs > 0 ? 0 : -1;
}

static int
port_reta_config(uint16_t port, const char *list)
{
	struct rte_eth_rss_reta_entry64 conf[RETA_GROUPS];
	struct rte_eth_dev_info info;
	int ret;

	if (rte_eth_dev_info_get(port, &info) != 0)
		return -1;
	if (info.reta_size == 0) {
		printf("Redirection table size is 0 which is invalid for RSS\n");
		return -1;
	}
	printf("The reta size of port %u is %u\n", port, info.reta_size);
	if (info.reta_size > RTE_ETH_RSS_RETA_SIZE_512) {
		printf("Currently do not support more than %u entries of redirection table\n",
		       RTE_ETH_RSS_RETA_SIZE_512);
		return -1;
	}
	memset(conf, 0, sizeof(conf));
	if (reta_pairs_parse(list, conf, info.reta_size) < 0) {
		printf("Invalid RSS Redirection Table config entered\n");
		return -1;
	}
	ret = rte_eth_dev_rss_reta_update(port, conf, info.reta_size);
	if (ret != 0) {
		printf("Bad redirection table parameter, return code = %d\n", ret);
		return -1;
	}
	return 0;
}

/* "(mask0,mask1,...)": one hexadecimal mask per group of 64 entries. */
static int
reta_masks_parse(const char *list, struct rte_eth_rss_reta_entry64 *conf, uint16_t nb_entries)
{
	unsigned int groups = (nb_entries + RTE_ETH_RETA_GROUP_SIZE - 1) / RTE_ETH_RETA_GROUP_SIZE;
	const char *p = list, *item;
	char buf[RETA_GROUPS * 20], *s, *end = buf;
	unsigned int g;
	size_t len;

	item = paren_next(&p, &len);
	if (item == NULL || len >= sizeof(buf))
		return -1;
	memcpy(buf, item, len);
	buf[len] = '\0';
	s = buf;
	for (g = 0; g < groups; g++) {
		errno = 0;
		conf[g].mask = strtoull(s, &end, 16);
		if (errno != 0 || end == s || (*end != ',' && *end != '\0'))
			return -1;
		if (*end == '\0')
			break;
		s = end + 1;
	}
	/* As many masks as groups, no more and no fewer. */
	return (g == groups - 1 && *end == '\0') ? 0 : -1;
}

static int
show_port_reta(uint16_t port, const char *size_arg, const char *masks)
{
	struct rte_eth_rss_reta_entry64 conf[RETA_GROUPS];
	struct rte_eth_dev_info info;
	unsigned long size;
	unsigned int max;
	int ret;

	if (rte_eth_dev_info_get(port, &info) != 0)
		return -1;
	max = RTE_MIN(info.reta_size, RTE_ETH_RSS_RETA_SIZE_512);
	if (cmd_number_arg("show port rss reta", size_arg, 0, UINT16_MAX, &size) < 0)
		return -1;
	if (size == 0 || size > max) {
		printf("Invalid redirection table size: %lu (1-%u)\n", size, max);
		return -1;
	}
	memset(conf, 0, sizeof(conf));
	if (reta_masks_parse(masks, conf, (uint16_t)size) < 0) {
		printf("Invalid string: %s for reta masks\n", masks);
		return -1;
	}
	ret = rte_eth_dev_rss_reta_query(port, conf, (uint16_t)size);
	if (ret != 0) {
		printf("Failed to get RSS RETA info, return code = %d\n", ret);
		return -1;
	}
	for (unsigned long i = 0; i < size; i++) {
		const struct rte_eth_rss_reta_entry64 *e = &conf[i / RTE_ETH_RETA_GROUP_SIZE];

		if (e->mask & RTE_BIT64(i % RTE_ETH_RETA_GROUP_SIZE))
			printf("RSS RETA configuration: hash index=%lu, queue=%u\n", i,
			       e->reta[i % RTE_ETH_RETA_GROUP_SIZE]);
	}
	return 0;
}

/* The flow types "port config N rss-hash-key" names, as DPDK's testpmd spells them. */
static const struct {
	const char *name;
	uint64_t types;
} rss_key_types[] = {
	{"ipv4", RTE_ETH_RSS_IPV4},
	{"ipv4-frag", RTE_ETH_RSS_FRAG_IPV4},
	{"ipv4-tcp", RTE_ETH_RSS_NONFRAG_IPV4_TCP},
	{"ipv4-udp", RTE_ETH_RSS_NONFRAG_IPV4_UDP},
	{"ipv4-sctp", RTE_ETH_RSS_NONFRAG_IPV4_SCTP},
	{"ipv4-other", RTE_ETH_RSS_NONFRAG_IPV4_OTHER},
	{"ipv6", RTE_ETH_RSS_IPV6},
	{"ipv6-frag", RTE_ETH_RSS_FRAG_IPV6},
	{"ipv6-tcp", RTE_ETH_RSS_NONFRAG_IPV6_TCP},
	{"ipv6-udp", RTE_ETH_RSS_NONFRAG_IPV6_UDP},
	{"ipv6-sctp", RTE_ETH_RSS_NONFRAG_IPV6_SCTP},
	{"ipv6-other", RTE_ETH_RSS_NONFRAG_IPV6_OTHER},
	{"l2-payload", RTE_ETH_RSS_L2_PAYLOAD},
	{"ipv6-ex", RTE_ETH_RSS_IPV6_EX},
	{"ipv6-tcp-ex", RTE_ETH_RSS_IPV6_TCP_EX},
	{"ipv6-udp-ex", RTE_ETH_RSS_IPV6_UDP_EX},
};

static int
hex_digit(char c)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static int
port_rss_hash_key(uint16_t port, const char *type, const char *hex)
{
	struct rte_eth_rss_conf conf = {0};
	struct rte_eth_dev_info info;
	uint8_t key[RSS_KEY_MAX];
	uint64_t types = 0;
	size_t i, len;
	int diag;

	for (i = 0; i < RTE_DIM(rss_key_types); i++)
		if (strcmp(type, rss_key_types[i].name) == 0)
			types = rss_key_types[i].types;
	if (types == 0) {
		printf("Bad arguments: unknown flow type '%s'; use ipv4, ipv4-tcp, ipv4-udp, "
		       "ipv6, ipv6-tcp, ipv6-udp or another of DPDK's names\n",
		       type);
		return -1;
	}
	if (rte_eth_dev_info_get(port, &info) != 0)
		return -1;
	if (info.hash_key_size == 0 || info.hash_key_size > sizeof(key)) {
		printf("dev_info did not provide a valid hash key size\n");
		return -1;
	}
	len = strlen(hex);
	if (len != (size_t)info.hash_key_size * 2) {
		printf("key length: %zu invalid - key must be a string of %d hexa-decimal "
		       "numbers\n",
		       len, info.hash_key_size * 2);
		return -1;
	}
	for (i = 0; i < len; i++) {
		int d = hex_digit(hex[i]);

		if (d < 0) {
			printf("invalid key: character %c at position %zu is not a valid "
			       "hexa-decimal digit\n",
			       hex[i], i);
			return -1;
		}
		key[i / 2] = (uint8_t)(i % 2 == 0 ? d << 4 : key[i / 2] | d);
	}
	diag = rte_eth_dev_rss_hash_conf_get(port, &conf);
	if (diag == 0) {
		conf.rss_key = key;
		conf.rss_key_len = info.hash_key_size;
		conf.rss_hf = types;
		diag = rte_eth_dev_rss_hash_update(port, &conf);
	}
	if (diag == 0)
		return 0;
	if (diag == -ENOTSUP)
		printf("operation not supported by device\n");
	else
		printf("operation failed - diag=%d\n", diag);
	return -1;
}

int
cmd_port_rss(char **tok, int n)
{
	int port = cmd_one_port_arg(tok[2]);

	if (port < 0)
		return -1;
	if (n == 6 && strcmp(tok[3], "rss") == 0 && strcmp(tok[4], "reta") == 0)
		return port_reta_config((uint16_t)port, tok[5]);
	if (n == 6 && strcmp(tok[3], "rss-hash-key") == 0)
		return port_rss_hash_key((uint16_t)port, tok[4], tok[5]);
	printf("Bad arguments: try 'port config N rss reta (index,queue)[,(index,queue)]' or "
	       "'port config N rss-hash-key TYPE HEXKEY'\n");
	return -1;
}

int
cmd_show_port_reta(char **tok, int n)
{
	int port = cmd_one_port_arg(tok[2]);

	if (port < 0)
		return -1;
	if (n != 7) {
		printf("Bad arguments: try 'show port N rss reta SIZE (mask0[,mask1]...)'\n");
		return -1;
	}
	return show_port_reta((uint16_t)port, tok[5], tok[6]);
}
