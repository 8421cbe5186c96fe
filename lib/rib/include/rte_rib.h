/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rib: a routing information base for IPv4, a binary trie of prefixes
 * (addresses in host byte order) each with a 64-bit next hop and an
 * optional user extension. It is the control plane under rte_fib; it is
 * not safe for concurrent writers, nor for readers beside a writer.
 */
#ifndef _RTE_RIB_H_
#define _RTE_RIB_H_

#include <stdint.h>
#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Flags of rte_rib_get_nxt(). */
enum {
	/* every route inside the prefix */
	RTE_RIB_GET_NXT_ALL,
	/* only the routes inside it that no other route inside it covers */
	RTE_RIB_GET_NXT_COVER
};

struct rte_rib;
struct rte_rib_node;

struct rte_rib_conf {
	/* bytes of user data in each node (rte_rib_get_ext) */
	size_t ext_sz;
	/* nodes the RIB may hold: routes and the branch points between them */
	int max_nodes;
};

/* The netmask of depth bits, in host byte order (depth 0 gives 0). */
static inline uint32_t
rte_rib_depth_to_mask(uint8_t depth)
{
	return (uint32_t)(UINT64_MAX << (32 - depth));
}

/* The longest route that holds ip, or NULL (rte_errno EINVAL when rib is NULL). */
struct rte_rib_node *rte_rib_lookup(struct rte_rib *rib, uint32_t ip);

/* The closest route that covers ent (ent excluded), or NULL. */
struct rte_rib_node *rte_rib_lookup_parent(struct rte_rib_node *ent);

/* The route ip/depth, or NULL (rte_errno EINVAL for a NULL rib or depth above 32). */
struct rte_rib_node *rte_rib_lookup_exact(struct rte_rib *rib, uint32_t ip, uint8_t depth);

/*
 * Walk the routes more specific than ip/depth: last NULL gives the first,
 * else the one after last. flag is RTE_RIB_GET_NXT_ALL or
 * RTE_RIB_GET_NXT_COVER. NULL at the end (rte_errno EINVAL for bad arguments).
 */
struct rte_rib_node *rte_rib_get_nxt(struct rte_rib *rib, uint32_t ip, uint8_t depth,
				     struct rte_rib_node *last, int flag);

/* Remove the route ip/depth if present. */
void rte_rib_remove(struct rte_rib *rib, uint32_t ip, uint8_t depth);

/*
 * Add the route ip/depth (bits of ip past depth are ignored). NULL with
 * rte_errno EINVAL (NULL rib, depth above 32), EEXIST (present) or ENOMEM
 * (max_nodes reached or no memory).
 */
struct rte_rib_node *rte_rib_insert(struct rte_rib *rib, uint32_t ip, uint8_t depth);

/* Getters and setter of a node: 0, or -1 with rte_errno EINVAL on a NULL argument. */
int rte_rib_get_ip(const struct rte_rib_node *node, uint32_t *ip);
int rte_rib_get_depth(const struct rte_rib_node *node, uint8_t *depth);
/* The node's ext_sz bytes of user data, NULL for a NULL node. */
void *rte_rib_get_ext(struct rte_rib_node *node);
int rte_rib_get_nh(const struct rte_rib_node *node, uint64_t *nh);
int rte_rib_set_nh(struct rte_rib_node *node, uint64_t nh);

/*
 * Create a RIB. NULL with rte_errno EINVAL (NULL name or conf, max_nodes
 * not positive, name too long), EEXIST (the name is taken) or ENOMEM.
 */
struct rte_rib *rte_rib_create(const char *name, int socket_id, const struct rte_rib_conf *conf);

/* The RIB named name, or NULL with rte_errno ENOENT. */
struct rte_rib *rte_rib_find_existing(const char *name);

/* Free a RIB and its routes; NULL is ignored. */
void rte_rib_free(struct rte_rib *rib);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RIB_H_ */
