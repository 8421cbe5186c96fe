/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rib6: the IPv6 routing information base, rte_rib's twin for 16-byte
 * addresses in network byte order. The same rules on concurrency apply.
 */
#ifndef _RTE_RIB6_H_
#define _RTE_RIB6_H_

#include <stdint.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_memcpy.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_RIB6_IPV6_ADDR_SIZE 16

/* Flags of rte_rib6_get_nxt(), as for rte_rib_get_nxt(). */
enum { RTE_RIB6_GET_NXT_ALL, RTE_RIB6_GET_NXT_COVER };

struct rte_rib6;
struct rte_rib6_node;

struct rte_rib6_conf {
	/* bytes of user data in each node */
	size_t ext_sz;
	/* nodes the RIB may hold */
	int max_nodes;
};

/* Copy an address; NULL arguments do nothing. */
static inline void
rte_rib6_copy_addr(uint8_t *dst, const uint8_t *src)
{
	if (dst == NULL || src == NULL)
		return;
	rte_memcpy(dst, src, RTE_RIB6_IPV6_ADDR_SIZE);
}

/* 1 when both addresses are equal, 0 otherwise or for a NULL one. */
static inline int
rte_rib6_is_equal(const uint8_t *ip1, const uint8_t *ip2)
{
	int i;

	if (ip1 == NULL || ip2 == NULL)
		return 0;
	for (i = 0; i < RTE_RIB6_IPV6_ADDR_SIZE; i++)
		if (ip1[i] != ip2[i])
			return 0;
	return 1;
}

/* Byte number byte (0-15) of the netmask of depth bits. */
static inline uint8_t
get_msk_part(uint8_t depth, int byte)
{
	int bits;

	byte &= 0xf;
	bits = (int)RTE_MIN(depth, 128) - byte * 8;
	if (bits <= 0)
		return 0;
	if (bits >= 8)
		return 0xff;
	return (uint8_t)(0xff00 >> bits);
}

/* As rte_rib_lookup() and the rest, for IPv6; depth at most 128. */
struct rte_rib6_node *rte_rib6_lookup(struct rte_rib6 *rib,
				      const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE]);
struct rte_rib6_node *rte_rib6_lookup_parent(struct rte_rib6_node *ent);
struct rte_rib6_node *rte_rib6_lookup_exact(struct rte_rib6 *rib,
					    const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
					    uint8_t depth);
struct rte_rib6_node *rte_rib6_get_nxt(struct rte_rib6 *rib,
				       const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth,
				       struct rte_rib6_node *last, int flag);
void rte_rib6_remove(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
		     uint8_t depth);
struct rte_rib6_node *rte_rib6_insert(struct rte_rib6 *rib,
				      const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth);
int rte_rib6_get_ip(const struct rte_rib6_node *node, uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE]);
int rte_rib6_get_depth(const struct rte_rib6_node *node, uint8_t *depth);
void *rte_rib6_get_ext(struct rte_rib6_node *node);
int rte_rib6_get_nh(const struct rte_rib6_node *node, uint64_t *nh);
int rte_rib6_set_nh(struct rte_rib6_node *node, uint64_t nh);
struct rte_rib6 *rte_rib6_create(const char *name, int socket_id, const struct rte_rib6_conf *conf);
struct rte_rib6 *rte_rib6_find_existing(const char *name);
void rte_rib6_free(struct rte_rib6 *rib);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RIB6_H_ */
