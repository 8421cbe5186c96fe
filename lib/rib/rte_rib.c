/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rib: the IPv4 face of the shared trie. Addresses arrive in host
 * byte order and become 4-byte keys in network order.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_rib.h>

#include "rib_trie.h"

#define RIB_MAXDEPTH 32

static inline struct rib_table *
rib4_table(struct rte_rib *rib)
{
	return (struct rib_table *)rib;
}

static inline struct rib_node *
rib4_node(struct rte_rib_node *n)
{
	return (struct rib_node *)n;
}

static inline void
rib4_key(uint32_t ip, uint8_t depth, uint8_t key[RIB_KEY_MAX])
{
	memset(key, 0, RIB_KEY_MAX);
	key[0] = ip >> 24;
	key[1] = ip >> 16;
	key[2] = ip >> 8;
	key[3] = ip;
	rib_key_mask(key, 4, depth);
}

/* NULL rib or depth past 32: rte_errno EINVAL. */
static int
rib4_args_bad(const struct rte_rib *rib, uint8_t depth)
{
	if (rib == NULL || depth > RIB_MAXDEPTH) {
		rte_errno = EINVAL;
		return 1;
	}
	return 0;
}

__rte_export struct rte_rib_node *
rte_rib_lookup(struct rte_rib *rib, uint32_t ip)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib4_args_bad(rib, 0))
		return NULL;
	rib4_key(ip, RIB_MAXDEPTH, key);
	return (struct rte_rib_node *)rib_trie_lookup(&rib4_table(rib)->trie, key);
}

__rte_export struct rte_rib_node *
rte_rib_lookup_parent(struct rte_rib_node *ent)
{
	if (ent == NULL)
		return NULL;
	return (struct rte_rib_node *)rib_trie_parent(rib4_node(ent));
}

__rte_export struct rte_rib_node *
rte_rib_lookup_exact(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib4_args_bad(rib, depth))
		return NULL;
	rib4_key(ip, depth, key);
	return (struct rte_rib_node *)rib_trie_lookup_exact(&rib4_table(rib)->trie, key, depth);
}

__rte_export struct rte_rib_node *
rte_rib_get_nxt(struct rte_rib *rib, uint32_t ip, uint8_t depth, struct rte_rib_node *last,
		int flag)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib4_args_bad(rib, depth))
		return NULL;
	rib4_key(ip, depth, key);
	return (struct rte_rib_node *)rib_trie_next(&rib4_table(rib)->trie, key, depth,
						    rib4_node(last), flag == RTE_RIB_GET_NXT_COVER);
}

__rte_export void
rte_rib_remove(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib4_args_bad(rib, depth))
		return;
	rib4_key(ip, depth, key);
	rib_trie_remove(&rib4_table(rib)->trie, key, depth);
}

__rte_export struct rte_rib_node *
rte_rib_insert(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	uint8_t key[RIB_KEY_MAX];

	if (rib4_args_bad(rib, depth))
		return NULL;
	rib4_key(ip, depth, key);
	return (struct rte_rib_node *)rib_trie_insert(&rib4_table(rib)->trie, key, depth);
}

__rte_export int
rte_rib_get_ip(const struct rte_rib_node *node, uint32_t *ip)
{
	uint8_t key[4];

	if (ip == NULL || rib_node_key_get((const struct rib_node *)node, key, 4) < 0) {
		rte_errno = EINVAL;
		return -1;
	}
	*ip = (uint32_t)key[0] << 24 | (uint32_t)key[1] << 16 | (uint32_t)key[2] << 8 | key[3];
	return 0;
}

__rte_export int
rte_rib_get_depth(const struct rte_rib_node *node, uint8_t *depth)
{
	return rib_node_depth_get((const struct rib_node *)node, depth);
}

__rte_export void *
rte_rib_get_ext(struct rte_rib_node *node)
{
	return node == NULL ? NULL : rib4_node(node)->ext;
}

__rte_export int
rte_rib_get_nh(const struct rte_rib_node *node, uint64_t *nh)
{
	return rib_node_nh_get((const struct rib_node *)node, nh);
}

__rte_export int
rte_rib_set_nh(struct rte_rib_node *node, uint64_t nh)
{
	return rib_node_nh_set(rib4_node(node), nh);
}

__rte_export struct rte_rib *
rte_rib_create(const char *name, int socket_id, const struct rte_rib_conf *conf)
{
	if (conf == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	return (struct rte_rib *)rib_table_create(RIB_NAME_RIB, "RIB", name, socket_id,
						  conf->ext_sz, conf->max_nodes, 4);
}

__rte_export struct rte_rib *
rte_rib_find_existing(const char *name)
{
	return rib_names_find(RIB_NAME_RIB, name);
}

__rte_export void
rte_rib_free(struct rte_rib *rib)
{
	rib_table_free(rib4_table(rib));
}
