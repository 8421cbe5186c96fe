/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rib6: the IPv4 face of the shared trie. Addresses arrive in host
 * byte order and become 4-byte keys in network order.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_rib6.h>

#include "rib_trie.h"

#define RIB_MAXDEPTH 128

static inline struct rib_table *
rib6_table(struct rte_rib6 *rib)
{
	return (struct rib_table *)rib;
}

static inline struct rib_node *
rib6_node(struct rte_rib6_node *n)
{
	return (struct rib_node *)n;
}

static inline void
rib6_key(const uint8_t *ip, uint8_t depth, uint8_t key[RIB_KEY_MAX])
{
	memcpy(key, ip, RIB_KEY_MAX);
	rib_key_mask(key, RIB_KEY_MAX, depth);
}

/* NULL rib or depth past 128: rte_errno EINVAL. */
static int
rib6_args_bad(const struct rte_rib6 *rib, uint8_t depth)
{
	if (rib == NULL || depth > RIB_MAXDEPTH) {
		rte_errno = EINVAL;
		return 1;
	}
	return 0;
}

__rte_export struct rte_rib6_node *
rte_rib6_lookup(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE])
{
	uint8_t key[RIB_KEY_MAX];

	if (rib6_args_bad(rib, 0) || ip == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rib6_key(ip, RIB_MAXDEPTH, key);
	return (struct rte_rib6_node *)rib_trie_lookup(&rib6_table(rib)->trie, key);
}

__rte_export struct rte_rib6_node *
rte_rib6_lookup_parent(struct rte_rib6_node *ent)
{
	if (ent == NULL)
		return NULL;
	return (struct rte_rib6_node *)rib_trie_parent(rib6_node(ent));
}

__rte_export struct rte_rib6_node *
rte_rib6_lookup_exact(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
		      uint8_t depth)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib6_args_bad(rib, depth) || ip == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rib6_key(ip, depth, key);
	return (struct rte_rib6_node *)rib_trie_lookup_exact(&rib6_table(rib)->trie, key, depth);
}

__rte_export struct rte_rib6_node *
rte_rib6_get_nxt(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth,
		 struct rte_rib6_node *last, int flag)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib6_args_bad(rib, depth) || ip == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rib6_key(ip, depth, key);
	return (struct rte_rib6_node *)rib_trie_next(&rib6_table(rib)->trie, key, depth,
						     rib6_node(last),
						     flag == RTE_RIB6_GET_NXT_COVER);
}

__rte_export void
rte_rib6_remove(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib6_args_bad(rib, depth) || ip == NULL)
		return;
	rib6_key(ip, depth, key);
	rib_trie_remove(&rib6_table(rib)->trie, key, depth);
}

__rte_export struct rte_rib6_node *
rte_rib6_insert(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib6_args_bad(rib, depth) || ip == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rib6_key(ip, depth, key);
	return (struct rte_rib6_node *)rib_trie_insert(&rib6_table(rib)->trie, key, depth);
}

__rte_export int
rte_rib6_get_ip(const struct rte_rib6_node *node, uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE])
{
	return rib_node_key_get((const struct rib_node *)node, ip, RTE_RIB6_IPV6_ADDR_SIZE);
}

__rte_export int
rte_rib6_get_depth(const struct rte_rib6_node *node, uint8_t *depth)
{
	return rib_node_depth_get((const struct rib_node *)node, depth);
}

__rte_export void *
rte_rib6_get_ext(struct rte_rib6_node *node)
{
	return node == NULL ? NULL : rib6_node(node)->ext;
}

__rte_export int
rte_rib6_get_nh(const struct rte_rib6_node *node, uint64_t *nh)
{
	return rib_node_nh_get((const struct rib_node *)node, nh);
}

__rte_export int
rte_rib6_set_nh(struct rte_rib6_node *node, uint64_t nh)
{
	return rib_node_nh_set(rib6_node(node), nh);
}

__rte_export struct rte_rib6 *
rte_rib6_create(const char *name, int socket_id, const struct rte_rib6_conf *conf)
{
	if (conf == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	return (struct rte_rib6 *)rib_table_create(RIB_NAME_RIB6, "RIB6", name, socket_id,
						   conf->ext_sz, conf->max_nodes,
						   RTE_RIB6_IPV6_ADDR_SIZE);
}

__rte_export struct rte_rib6 *
rte_rib6_find_existing(const char *name)
{
	return rib_names_find(RIB_NAME_RIB6, name);
}

__rte_export void
rte_rib6_free(struct rte_rib6 *rib)
{
	rib_table_free(rib6_table(rib));
}
