/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fib: an IPv4 forwarding table. Routes live in an rte_rib (the
 * control plane); lookups read a data plane built from it: the RIB itself
 * (RTE_FIB_DUMMY) or a DIR-24-8 table (RTE_FIB_DIR24_8) of 2^24 first-level
 * entries and groups of 256 for prefixes longer than 24 bits. Addresses are
 * in host byte order. Add and delete are not safe beside other writers;
 * lookups beside a writer may see a route half-applied.
 */
#ifndef _RTE_FIB_H_
#define _RTE_FIB_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_fib;
struct rte_rib;

#define RTE_FIB_MAXDEPTH 32

enum rte_fib_type {
	RTE_FIB_DUMMY,	 /* lookups walk the RIB */
	RTE_FIB_DIR24_8, /* lookups read a DIR-24-8 table */
};

typedef int (*rte_fib_modify_fn_t)(struct rte_fib *fib, uint32_t ip, uint8_t depth,
				   uint64_t next_hop, int op);
typedef void (*rte_fib_lookup_fn_t)(void *fib, const uint32_t *ips, uint64_t *next_hops,
				    const unsigned int n);

enum rte_fib_op {
	RTE_FIB_ADD,
	RTE_FIB_DEL,
};

/* Bytes of a DIR-24-8 entry; a next hop may use all its bits but one. */
enum rte_fib_dir24_8_nh_sz {
	RTE_FIB_DIR24_8_1B,
	RTE_FIB_DIR24_8_2B,
	RTE_FIB_DIR24_8_4B,
	RTE_FIB_DIR24_8_8B
};

enum rte_fib_lookup_type {
	/* the best this build and CPU offer (here: the scalar lookup) */
	RTE_FIB_LOOKUP_DEFAULT,
	RTE_FIB_LOOKUP_DIR24_8_SCALAR_MACRO,
	RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE,
	RTE_FIB_LOOKUP_DIR24_8_SCALAR_UNI,
	/* not provided: rte_fib_select_lookup() refuses it with -EINVAL */
	RTE_FIB_LOOKUP_DIR24_8_VECTOR_AVX512
};

struct rte_fib_conf {
	enum rte_fib_type type;
	/* what a lookup gives an address no route holds */
	uint64_t default_nh;
	/* routes the FIB may hold */
	int max_routes;
	/* bytes of user data in each RIB node */
	unsigned int rib_ext_sz;
	union {
		struct {
			enum rte_fib_dir24_8_nh_sz nh_sz;
			/* groups for /24s that hold longer prefixes */
			uint32_t num_tbl8;
		} dir24_8;
	};
};

/*
 * Create a FIB and its RIB (of the same name). NULL with rte_errno EINVAL
 * (NULL name or conf, bad type, max_routes not positive, for DIR24_8 a bad
 * nh_sz, num_tbl8 of 0 or above the largest next hop, default_nh above the
 * largest next hop), EEXIST (name taken) or ENOMEM.
 */
struct rte_fib *rte_fib_create(const char *name, int socket_id, struct rte_fib_conf *conf);

/* The FIB named name, or NULL with rte_errno ENOENT. */
struct rte_fib *rte_fib_find_existing(const char *name);

/* Free a FIB and its RIB; NULL is ignored. */
void rte_fib_free(struct rte_fib *fib);

/*
 * Add ip/depth -> next_hop, or change the next hop of a present route.
 * 0, or -EINVAL (NULL fib, depth above 32, next hop above the entry size's
 * largest), -ENOSPC (no free group for a prefix longer than 24), -ENOMEM
 * (max_routes reached).
 */
int rte_fib_add(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop);

/* Delete ip/depth: 0, -EINVAL (bad arguments) or -ENOENT (no such route). */
int rte_fib_delete(struct rte_fib *fib, uint32_t ip, uint8_t depth);

/* Next hops of n addresses (default_nh where no route holds one): 0 or -EINVAL. */
int rte_fib_lookup_bulk(struct rte_fib *fib, uint32_t *ips, uint64_t *next_hops, int n);

/* The data plane lookups read (NULL for a NULL fib). */
void *rte_fib_get_dp(struct rte_fib *fib);

/* The FIB's RIB (NULL for a NULL fib). */
struct rte_rib *rte_fib_get_rib(struct rte_fib *fib);

/* Pick a DIR-24-8 lookup: 0, or -EINVAL (not DIR24_8, or a type not provided). */
int rte_fib_select_lookup(struct rte_fib *fib, enum rte_fib_lookup_type type);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_FIB_H_ */
