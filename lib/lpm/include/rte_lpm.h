/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Longest-prefix match for IPv4 (DPDK 22.11 API): a DIR-24-8 table. The
 * upper 24 bits of an address index tbl24; an entry there holds either the
 * next hop of the longest rule of depth <= 24 covering that /24, or the
 * index of a 256-entry tbl8 group that resolves the last byte for rules
 * deeper than 24. Lookups are inline here and read at most two entries.
 *
 * Writers (create, add, delete, free) must be serialised by the caller;
 * lookups may run concurrently with a writer. A tbl8 group freed by a
 * delete is cleared and reused at once, unless a QSBR variable is attached
 * (rte_lpm_rcu_qsbr_add): then only after the readers registered on it have
 * reported a quiescent state. Without one, a reader must not be inside a
 * lookup of the /24 whose last deep rule is deleted.
 */
#ifndef _RTE_LPM_H_
#define _RTE_LPM_H_

#include <errno.h>
#include <limits.h>
#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_rcu_qsbr.h>
#include <rte_vect.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Longest name of a table, with its terminating NUL. */
#define RTE_LPM_NAMESIZE 32
/* Rule depths are 1..RTE_LPM_MAX_DEPTH. */
#define RTE_LPM_MAX_DEPTH 32
#define RTE_LPM_TBL24_NUM_ENTRIES (1 << 24)
#define RTE_LPM_TBL8_GROUP_NUM_ENTRIES 256
/* Most tbl8 groups a table may have: the group index is a 24-bit field. */
#define RTE_LPM_MAX_TBL8_NUM_GROUPS (1 << 24)
#define RTE_LPM_TBL8_NUM_GROUPS 256
#define RTE_LPM_TBL8_NUM_ENTRIES (RTE_LPM_TBL8_NUM_GROUPS * RTE_LPM_TBL8_GROUP_NUM_ENTRIES)

/* Argument checks in the inline lookups, only when built with RTE_LIBRTE_LPM_DEBUG. */
#if defined(RTE_LIBRTE_LPM_DEBUG)
#define RTE_LPM_RETURN_IF_TRUE(cond, retval) \
	do {                                 \
		if (cond)                    \
			return (retval);     \
	} while (0)
#else
#define RTE_LPM_RETURN_IF_TRUE(cond, retval)
#endif

/* valid and valid_group both set in a tbl24 entry: it points to a tbl8 group. */
#define RTE_LPM_VALID_EXT_ENTRY_BITMASK 0x03000000
/* The valid bit of an entry; set in a bulk result when the address matched. */
#define RTE_LPM_LOOKUP_SUCCESS 0x01000000
/* The next hops of two results packed in 64 bits. */
#define RTE_LPM_MASKX4_RES UINT64_C(0x00ffffff00ffffff)

/*
 * One 32-bit table entry. Code built against DPDK reads entries as
 * uint32_t, so the bit positions are fixed: next_hop in bits 0-23, valid
 * in bit 24, valid_group in bit 25, depth in bits 26-31.
 * In tbl24, valid_group set means next_hop is a tbl8 group index; in tbl8,
 * valid_group marks the group as in use.
 */
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
__extension__ struct rte_lpm_tbl_entry {
	uint32_t next_hop : 24;
	uint32_t valid : 1;
	uint32_t valid_group : 1;
	uint32_t depth : 6;
};
#else
__extension__ struct rte_lpm_tbl_entry {
	uint32_t depth : 6;
	uint32_t valid_group : 1;
	uint32_t valid : 1;
	uint32_t next_hop : 24;
};
#endif

/* What rte_lpm_create() sizes a table for. */
struct rte_lpm_config {
	uint32_t max_rules;    /* rules the table holds, of all depths together */
	uint32_t number_tbl8s; /* tbl8 groups: /24s that can hold rules deeper than 24 */
	int flags;	       /* unused; pass 0 */
};

/* tbl8 groups freed at a time by default in RTE_LPM_QSBR_MODE_DQ. */
#define RTE_LPM_RCU_DQ_RECLAIM_MAX 16

enum rte_lpm_qsbr_mode {
	/* Freed tbl8 groups wait in a defer queue; an add that finds none
	 * free reclaims them. */
	RTE_LPM_QSBR_MODE_DQ = 0,
	/* A delete that frees a tbl8 group waits for the grace period. */
	RTE_LPM_QSBR_MODE_SYNC
};

struct rte_lpm_rcu_config {
	struct rte_rcu_qsbr *v;	     /* the QS variable the table's readers report to */
	enum rte_lpm_qsbr_mode mode; /* 0: RTE_LPM_QSBR_MODE_DQ */
	uint32_t dq_size;	     /* DQ: queue size; 0: number_tbl8s */
	uint32_t reclaim_thd;	     /* DQ: reclaim at enqueue above this many waiting */
	uint32_t reclaim_max;	     /* DQ: most freed at a time; 0: RTE_LPM_RCU_DQ_RECLAIM_MAX */
};

/* The part of a table the inline lookups read; the rest is private. */
struct rte_lpm {
	struct rte_lpm_tbl_entry tbl24[RTE_LPM_TBL24_NUM_ENTRIES] __rte_cache_aligned;
	struct rte_lpm_tbl_entry *tbl8;
};

/*
 * Create a table named name (unique) on socket_id (or SOCKET_ID_ANY).
 * Returns NULL with rte_errno: EINVAL (name or config NULL, max_rules 0,
 * number_tbl8s above RTE_LPM_MAX_TBL8_NUM_GROUPS, socket_id < -1, name
 * too long), EEXIST (a table of that name exists), ENOMEM.
 */
struct rte_lpm *rte_lpm_create(const char *name, int socket_id,
			       const struct rte_lpm_config *config);

/* The table created with that name, or NULL with rte_errno ENOENT. */
struct rte_lpm *rte_lpm_find_existing(const char *name);

/* Free a table and its name; NULL is ignored. */
void rte_lpm_free(struct rte_lpm *lpm);

/*
 * Add ip/depth -> next_hop (24 bits), or change the next hop of that rule.
 * ip is masked to depth. Returns 0, -EINVAL (lpm NULL, depth not 1..32,
 * next_hop above 24 bits), -ENOSPC (max_rules rules present, or no free
 * tbl8 group for a rule deeper than 24; the table is then unchanged).
 */
int rte_lpm_add(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t next_hop);

/*
 * 1 with *next_hop set if the rule ip/depth exists, 0 if not, -EINVAL for
 * bad arguments (as rte_lpm_add, or next_hop NULL).
 */
int rte_lpm_is_rule_present(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t *next_hop);

/*
 * Delete the rule ip/depth; addresses it covered fall back to the next
 * shorter rule that covers them. Returns 0, or -EINVAL (bad arguments, or
 * no such rule, as DPDK).
 */
int rte_lpm_delete(struct rte_lpm *lpm, uint32_t ip, uint8_t depth);

/* Delete every rule. */
void rte_lpm_delete_all(struct rte_lpm *lpm);

/*
 * Attach a QSBR variable: tbl8 groups that deletes free are cleared and
 * reused only after every reader registered on cfg->v reported a
 * quiescent state. Once per table. 0, or 1 with rte_errno: EINVAL (lpm or
 * cfg NULL, cfg->v NULL, unknown mode), EEXIST (a variable is attached),
 * or the defer queue's error.
 */
int rte_lpm_rcu_qsbr_add(struct rte_lpm *lpm, struct rte_lpm_rcu_config *cfg);

/* Is this tbl24 entry (as uint32_t) a pointer to a tbl8 group? */
#define __RTE_LPM_ENTRY_IS_EXT(e) \
	(((e)&RTE_LPM_VALID_EXT_ENTRY_BITMASK) == RTE_LPM_VALID_EXT_ENTRY_BITMASK)

/*
 * The entry that resolves ip: its tbl24 entry, or the tbl8 entry that one
 * points to. Entries are read as whole 32-bit words, once each.
 */
static inline uint32_t
__rte_lpm_entry_resolve(const struct rte_lpm *lpm, uint32_t ip)
{
	const uint32_t *tbl24 = (const uint32_t *)lpm->tbl24;
	uint32_t e = tbl24[ip >> 8];

	if (unlikely(__RTE_LPM_ENTRY_IS_EXT(e))) {
		const uint32_t *tbl8 = (const uint32_t *)lpm->tbl8;

		e = tbl8[(e & 0x00ffffff) * RTE_LPM_TBL8_GROUP_NUM_ENTRIES + (ip & 0xff)];
	}
	return e;
}

/* Next hop of ip: 0 with *next_hop set, or -ENOENT when no rule covers ip. */
static inline int
rte_lpm_lookup(const struct rte_lpm *lpm, uint32_t ip, uint32_t *next_hop)
{
	uint32_t e;

	RTE_LPM_RETURN_IF_TRUE(lpm == NULL || next_hop == NULL, -EINVAL);
	e = __rte_lpm_entry_resolve(lpm, ip);
	*next_hop = e & 0x00ffffff;
	return (e & RTE_LPM_LOOKUP_SUCCESS) ? 0 : -ENOENT;
}

/*
 * Look up n addresses. next_hops[i] is the raw entry: the next hop in its
 * 24 low bits and RTE_LPM_LOOKUP_SUCCESS set when a rule matched. Returns 0.
 */
#define rte_lpm_lookup_bulk(lpm, ips, next_hops, n) rte_lpm_lookup_bulk_func(lpm, ips, next_hops, n)

static inline int
rte_lpm_lookup_bulk_func(const struct rte_lpm *lpm, const uint32_t *ips, uint32_t *next_hops,
			 const unsigned int n)
{
	unsigned int i;

	RTE_LPM_RETURN_IF_TRUE(lpm == NULL || ips == NULL || next_hops == NULL, -EINVAL);
	for (i = 0; i < n; i++)
		next_hops[i] = __rte_lpm_entry_resolve(lpm, ips[i]);
	return 0;
}

/*
 * Look up the four addresses in ip (host byte order, one per 32-bit lane):
 * hop[i] is the next hop of lane i, or defv where no rule matched.
 */
static inline void
rte_lpm_lookupx4(const struct rte_lpm *lpm, xmm_t ip, uint32_t hop[4], uint32_t defv)
{
	const uint32_t *tbl24 = (const uint32_t *)lpm->tbl24;
	const uint32_t *tbl8 = (const uint32_t *)lpm->tbl8;
	const uint64_t ext2 =
		(uint64_t)RTE_LPM_VALID_EXT_ENTRY_BITMASK << 32 | RTE_LPM_VALID_EXT_ENTRY_BITMASK;
	const uint64_t hit2 = (uint64_t)RTE_LPM_LOOKUP_SUCCESS << 32 | RTE_LPM_LOOKUP_SUCCESS;
	rte_xmm_t idx24, addr;
	uint32_t e[4];
	uint64_t lo, hi;
	unsigned int i;

	addr.x = ip;
	idx24.x = _mm_srli_epi32(ip, CHAR_BIT);
	for (i = 0; i < 4; i++)
		e[i] = tbl24[idx24.u32[i]];

	/* Common case: all four resolved in tbl24 and all matched. */
	lo = (uint64_t)e[1] << 32 | e[0];
	hi = (uint64_t)e[3] << 32 | e[2];
	if (likely((lo & ext2) == hit2 && (hi & ext2) == hit2)) {
		lo &= RTE_LPM_MASKX4_RES;
		hi &= RTE_LPM_MASKX4_RES;
		hop[0] = (uint32_t)lo;
		hop[1] = (uint32_t)(lo >> 32);
		hop[2] = (uint32_t)hi;
		hop[3] = (uint32_t)(hi >> 32);
		return;
	}
	for (i = 0; i < 4; i++) {
		if (unlikely(__RTE_LPM_ENTRY_IS_EXT(e[i])))
			e[i] = tbl8[(e[i] & 0x00ffffff) * RTE_LPM_TBL8_GROUP_NUM_ENTRIES +
				    (addr.u32[i] & 0xff)];
		hop[i] = (e[i] & RTE_LPM_LOOKUP_SUCCESS) ? e[i] & 0x00ffffff : defv;
	}
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LPM_H_ */
