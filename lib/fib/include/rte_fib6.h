/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fib6: an IPv6 forwarding table, rte_fib's twin for 16-byte addresses
 * in network byte order. Routes live in an rte_rib6; lookups read the RIB
 * (RTE_FIB6_DUMMY) or a trie (RTE_FIB6_TRIE) whose first level is indexed
 * by the first 24 bits and each further level, a group of 256 entries, by
 * the next byte. The same rules on concurrency as rte_fib apply.
 */
#ifndef _RTE_FIB6_H_
#define _RTE_FIB6_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_FIB6_IPV6_ADDR_SIZE 16
#define RTE_FIB6_MAXDEPTH 128

struct rte_fib6;
struct rte_rib6;

enum rte_fib6_type {
	RTE_FIB6_DUMMY, /* lookups walk the RIB */
	RTE_FIB6_TRIE,	/* lookups read a multi-level trie */
};

typedef int (*rte_fib6_modify_fn_t)(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE],
				    uint8_t depth, uint64_t next_hop, int op);
typedef void (*rte_fib6_lookup_fn_t)(void *fib, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE],
				     uint64_t *next_hops, const unsigned int n);

enum rte_fib6_op {
	RTE_FIB6_ADD,
	RTE_FIB6_DEL,
};

/* Bytes of a trie entry (2, 4 or 8); a next hop may use all its bits but one. */
enum rte_fib_trie_nh_sz { RTE_FIB6_TRIE_2B = 1, RTE_FIB6_TRIE_4B, RTE_FIB6_TRIE_8B };

enum rte_fib6_lookup_type {
	/* the best this build and CPU offer (here: the scalar lookup) */
	RTE_FIB6_LOOKUP_DEFAULT,
	RTE_FIB6_LOOKUP_TRIE_SCALAR,
	/* not provided: rte_fib6_select_lookup() refuses it with -EINVAL */
	RTE_FIB6_LOOKUP_TRIE_VECTOR_AVX512
};

struct rte_fib6_conf {
	enum rte_fib6_type type;
	/* what a lookup gives an address no route holds */
	uint64_t default_nh;
	/* routes the FIB may hold */
	int max_routes;
	/* bytes of user data in each RIB node */
	unsigned int rib_ext_sz;
	union {
		struct {
			enum rte_fib_trie_nh_sz nh_sz;
			/* groups of 256 entries for the levels past the first */
			uint32_t num_tbl8;
		} trie;
	};
};

/*
 * Create a FIB and its RIB (of the same name). NULL with rte_errno EINVAL
 * (NULL name or conf, bad type, max_routes not positive, for TRIE a bad
 * nh_sz, num_tbl8 of 0 or above the largest next hop, default_nh above the
 * largest next hop), EEXIST (name taken) or ENOMEM.
 */
struct rte_fib6 *rte_fib6_create(const char *name, int socket_id, struct rte_fib6_conf *conf);

/* The FIB named name, or NULL with rte_errno ENOENT. */
struct rte_fib6 *rte_fib6_find_existing(const char *name);

/* Free a FIB and its RIB; NULL is ignored. */
void rte_fib6_free(struct rte_fib6 *fib);

/*
 * Add ip/depth -> next_hop, or change the next hop of a present route.
 * 0, or -EINVAL (NULL argument, depth above 128, next hop above the entry
 * size's largest), -ENOSPC (too few free groups for the levels the route
 * reaches), -ENOMEM (max_routes reached).
 */
int rte_fib6_add(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth,
		 uint64_t next_hop);

/* Delete ip/depth: 0, -EINVAL (bad arguments) or -ENOENT (no such route). */
int rte_fib6_delete(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth);

/* Next hops of n addresses (default_nh where no route holds one): 0 or -EINVAL. */
int rte_fib6_lookup_bulk(struct rte_fib6 *fib, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE],
			 uint64_t *next_hops, int n);

/* The data plane lookups read (NULL for a NULL fib). */
void *rte_fib6_get_dp(struct rte_fib6 *fib);

/* The FIB's RIB (NULL for a NULL fib). */
struct rte_rib6 *rte_fib6_get_rib(struct rte_fib6 *fib);

/* Pick a trie lookup: 0, or -EINVAL (not TRIE, or a type not provided). */
int rte_fib6_select_lookup(struct rte_fib6 *fib, enum rte_fib6_lookup_type type);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_FIB6_H_ */
