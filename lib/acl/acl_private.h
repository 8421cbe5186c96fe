/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_acl internals. The run-time form of a rule set is a decision tree
 * over 32-bit keys of the input (one key a field, two for 8-byte fields):
 * each inner node compares one key with a threshold and goes to one of its
 * two children; a leaf lists the few rules
 * that can still match, best first, and those are checked exactly. The
 * tree only narrows the candidates, so a rule whose field is no interval
 * (a BITMASK with holes) still gets its exact check at the leaf.
 * Compiled rules are numbered best first (priority, then the order they
 * were added), so across trees the smallest matching number wins.
 */
#ifndef _ACL_PRIVATE_H_
#define _ACL_PRIVATE_H_

#include <stdint.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_acl.h>
#include <rte_byteorder.h>

/* Inner nodes' child references with this bit name a leaf. */
#define ACL_LEAF_BIT 0x80000000u
/*
 * Rules that are wide on different keys would be copied into many leaves
 * of one tree; they get a tree of their own, up to this many.
 */
#define ACL_MAX_TREES 8
#define ACL_KFORM_KEYS 8
/* masks, lows and highs, then the category mask and userdata: two cache lines */
#define ACL_KFORM_WORDS (4 * ACL_KFORM_KEYS)
#define ACL_KFORM_CATS (3 * ACL_KFORM_KEYS)
#define ACL_KFORM_USERDATA (3 * ACL_KFORM_KEYS + 1)
/* Keys: one per field of up to 4 bytes, two per 8-byte field. */
#define ACL_MAX_KEYS (2 * RTE_ACL_MAX_FIELDS)

struct acl_node {
	uint32_t key;	   /* which key the node compares */
	uint32_t thr;	   /* key <= thr: child[0], else child[1] */
	uint32_t child[2]; /* node index, or ACL_LEAF_BIT | leaf index */
};

/* Comparisons and outcomes of a super node (see acl_snode.c). */
#define ACL_SNODE_CMPS 7
#define ACL_SNODE_WAYS 8

/*
 * One cache line: a lane of a 256-bit vector a comparison. thr[p] is the
 * threshold of comparison p with its top bit flipped; thr[7] instead packs
 * the 7 comparisons' keys, 3 bits each from bit 0.
 */
struct acl_snode {
	uint32_t thr[ACL_SNODE_WAYS];
	uint32_t child[ACL_SNODE_WAYS]; /* super node index, or ACL_LEAF_BIT | leaf index */
};

struct acl_leaf {
	uint32_t first; /* into acl_rt.leaf_rules */
	uint32_t count;
};

/* One field of a compiled rule: it matches when lo <= (input & mask) <= hi. */
struct acl_rule_field {
	uint64_t mask;
	uint64_t lo;
	uint64_t hi;
};

/* A compiled rule: header then num_fields struct acl_rule_field. */
struct acl_crule {
	uint32_t userdata;
	uint32_t category_mask;
	struct acl_rule_field f[];
};

struct acl_field_in {
	uint32_t offset;
	uint32_t size;
};

/* What classify reads; one allocation, built by rte_acl_build(). */
struct acl_rt {
	uint32_t num_fields;
	uint32_t num_keys;
	uint32_t num_trees;
	uint32_t root[ACL_MAX_TREES];  /* as acl_node.child[] */
	uint32_t depth[ACL_MAX_TREES]; /* steps from the root to the deepest leaf */
	uint32_t crule_stride;	       /* bytes a compiled rule */
	uint32_t category_mask;	       /* categories the build has */
	struct acl_field_in in[RTE_ACL_MAX_FIELDS];
	uint8_t key_field[ACL_MAX_KEYS];
	uint8_t key_shift[ACL_MAX_KEYS]; /* 32: upper half of an 8-byte field */
	const struct acl_node *nodes;
	const struct acl_leaf *leaves;
	const uint32_t *leaf_rules; /* compiled rule numbers */
	const uint8_t *crules;
	/*
	 * When every field is a key (num_keys <= 8, no 8-byte field): each
	 * compiled rule again as ACL_KFORM_WORDS words, masks, lows and highs
	 * of the 8 keys (unused ones 0), its category mask and userdata, for
	 * the vector methods' rule checks.
	 */
	const uint32_t *kform;
	/*
	 * When num_keys <= ACL_SNODE_WAYS (one key vector a lane): the trees
	 * as super nodes, for the AVX2 walk; NULL otherwise.
	 */
	const struct acl_snode *snodes;
	uint32_t sroot[ACL_MAX_TREES];		/* as acl_snode.child[] */
	uint32_t sdepth[ACL_MAX_TREES];		/* super node steps to the deepest leaf */
	uint8_t snode_way[1 << ACL_SNODE_WAYS]; /* outcome of a compare mask */
	uint32_t num_snodes;
	uint32_t num_nodes;
	uint32_t num_leaves;
	uint32_t num_leaf_rules;
	uint32_t num_crules;
	size_t size;
};

typedef int (*acl_classify_fn)(const struct acl_rt *rt, const uint8_t **data, uint32_t *results,
			       uint32_t num, uint32_t categories);

struct rte_acl_ctx {
	TAILQ_ENTRY(rte_acl_ctx) next;
	char name[RTE_ACL_NAMESIZE];
	int socket_id;
	enum rte_acl_classify_alg alg;
	uint32_t rule_size;
	uint32_t max_rules;
	uint32_t num_rules;
	uint32_t rules_cap;
	uint8_t *rules;		      /* num_rules copies of the added rules */
	struct acl_rt *rt;	      /* NULL until built */
	struct rte_acl_config config; /* of the last build */
};

/* Build ctx's rules into a new run-time table; *rt is NULL on error. */
int acl_rt_build(const struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg,
		 struct acl_rt **rt);
void acl_rt_free(struct acl_rt *rt);
/* The super nodes of rt's trees (rt->root/depth set) into *out (malloc'ed); -ENOMEM. */
int acl_snodes_build(const struct acl_node *nodes, struct acl_rt *rt, struct acl_snode **out,
		     uint32_t *num);

int acl_classify_scalar(const struct acl_rt *rt, const uint8_t **data, uint32_t *results,
			uint32_t num, uint32_t categories);
int acl_classify_sse(const struct acl_rt *rt, const uint8_t **data, uint32_t *results, uint32_t num,
		     uint32_t categories);
int acl_classify_avx2(const struct acl_rt *rt, const uint8_t **data, uint32_t *results,
		      uint32_t num, uint32_t categories);

static inline const struct acl_crule *
acl_crule_at(const struct acl_rt *rt, uint32_t i)
{
	return (const struct acl_crule *)(rt->crules + (size_t)i * rt->crule_stride);
}

/* A field of size bytes at p, most significant byte first as DPDK reads it. */
static inline uint64_t
acl_field_read(const uint8_t *p, uint32_t size)
{
	uint16_t v16;
	uint32_t v32;
	uint64_t v64;

	switch (size) {
	case 1:
		return p[0];
	case 2:
		memcpy(&v16, p, sizeof(v16));
		return rte_be_to_cpu_16(v16);
	case 4:
		memcpy(&v32, p, sizeof(v32));
		return rte_be_to_cpu_32(v32);
	default:
		memcpy(&v64, p, sizeof(v64));
		return rte_be_to_cpu_64(v64);
	}
}

/* Field values of one input. */
static inline void
acl_input_load(const struct acl_rt *rt, const uint8_t *in, uint64_t *val)
{
	uint32_t f;

	for (f = 0; f < rt->num_fields; f++)
		val[f] = acl_field_read(in + rt->in[f].offset, rt->in[f].size);
}

static inline void
acl_input_keys(const struct acl_rt *rt, const uint64_t *val, uint32_t *key)
{
	uint32_t k;

	for (k = 0; k < rt->num_keys; k++)
		key[k] = (uint32_t)(val[rt->key_field[k]] >> rt->key_shift[k]);
}

static inline int
acl_crule_match(const struct acl_rt *rt, const struct acl_crule *r, const uint64_t *val)
{
	uint32_t f;

	for (f = 0; f < rt->num_fields; f++) {
		uint64_t v = val[f] & r->f[f].mask;

		if (v < r->f[f].lo || v > r->f[f].hi)
			return 0;
	}
	return 1;
}

/*
 * Results of one input from the leaf it reached in each tree: per
 * category the best (lowest numbered) matching rule. Leaves list rules
 * best first, so a tree is done with a category at its first match.
 */
/* Does compiled rule rn match the input of these values and keys? */
typedef int (*acl_match_fn)(const struct acl_rt *rt, uint32_t rn, const uint64_t *val,
			    const uint32_t *key);

static inline int
acl_match_scalar(const struct acl_rt *rt, uint32_t rn, const uint64_t *val, const uint32_t *key)
{
	RTE_SET_USED(key);
	return acl_crule_match(rt, acl_crule_at(rt, rn), val);
}

static inline void
acl_leaves_resolve(const struct acl_rt *rt, const uint32_t *leaf, const uint64_t *val,
		   const uint32_t *key, uint32_t *res, uint32_t categories, acl_match_fn match)
{
	uint32_t all = rt->category_mask & RTE_LEN2MASK(categories, uint32_t);
	uint32_t best[RTE_ACL_MAX_CATEGORIES];
	/* no rule numbered bound or above betters any category */
	uint32_t bound = UINT32_MAX;
	uint32_t t, i, c, m;

	for (c = 0; c < categories; c++)
		best[c] = UINT32_MAX;
	for (t = 0; t < rt->num_trees; t++) {
		const struct acl_leaf *l = &rt->leaves[leaf[t]];
		uint32_t want = all;

		for (i = 0; i < l->count && want != 0; i++) {
			uint32_t rn = rt->leaf_rules[l->first + i];
			const struct acl_crule *r;
			uint32_t hit;

			if (rn >= bound)
				break;
			r = acl_crule_at(rt, rn);
			hit = r->category_mask & want;
			if (hit == 0 || !match(rt, rn, val, key))
				continue;
			want &= ~hit;
			while (hit != 0) {
				c = (uint32_t)__builtin_ctz(hit);
				if (rn < best[c])
					best[c] = rn;
				hit &= hit - 1;
			}
			for (bound = 0, m = all; m != 0; m &= m - 1)
				bound = RTE_MAX(bound, best[__builtin_ctz(m)]);
		}
	}
	for (c = 0; c < categories; c++)
		res[c] = best[c] == UINT32_MAX ? 0 : acl_crule_at(rt, best[c])->userdata;
}

/* Descend one tree from root to a leaf, one input; returns the leaf number. */
static inline uint32_t
acl_tree_walk(const struct acl_rt *rt, uint32_t root, const uint32_t *key)
{
	uint32_t n = root;

	while ((n & ACL_LEAF_BIT) == 0) {
		const struct acl_node *node = &rt->nodes[n];

		n = node->child[key[node->key] > node->thr];
	}
	return n & ~ACL_LEAF_BIT;
}

/*
 * Leaves of n inputs (n <= ACL_WALK_LANES) in tree t, into rows of ACL_MAX_TREES of
 * leaf. The inputs step together, one that reached a leaf staying there,
 * so a step has no branch but the loop's and the loads of the n inputs
 * overlap; the loop ends when all are at leaves or at the tree's depth.
 */
#define ACL_WALK_LANES 16
static inline void
acl_tree_walk_n(const struct acl_rt *rt, uint32_t t, uint32_t n, const uint32_t *keys,
		uint32_t *leaf)
{
	uint32_t at[ACL_WALK_LANES], l, d, live = 1;

	for (l = 0; l < n; l++)
		at[l] = rt->root[t];
	for (d = 0; d < rt->depth[t] && live != 0; d++) {
		live = 0;
		for (l = 0; l < n; l++) {
			uint32_t done = at[l] & ACL_LEAF_BIT;
			/* a lane at a leaf reads node 0, which exists as the tree has depth */
			const struct acl_node *nd = &rt->nodes[done ? 0 : at[l]];
			uint32_t next = nd->child[keys[l * rt->num_keys + nd->key] > nd->thr];

			at[l] = done ? at[l] : next;
			live |= ~at[l] & ACL_LEAF_BIT;
		}
	}
	for (l = 0; l < n; l++)
		leaf[l * ACL_MAX_TREES + t] = at[l] & ~ACL_LEAF_BIT;
}

/* Classify one input: the scalar method, and the tail of the vector ones. */
static inline void
acl_classify_one(const struct acl_rt *rt, const uint8_t *in, uint32_t *res, uint32_t categories)
{
	uint64_t val[RTE_ACL_MAX_FIELDS];
	uint32_t key[ACL_MAX_KEYS];
	uint32_t leaf[ACL_MAX_TREES];
	uint32_t t;

	acl_input_load(rt, in, val);
	acl_input_keys(rt, val, key);
	for (t = 0; t < rt->num_trees; t++)
		leaf[t] = acl_tree_walk(rt, rt->root[t], key);
	acl_leaves_resolve(rt, leaf, val, key, res, categories, acl_match_scalar);
}

/* Field values and keys of n inputs, input l's keys at keys[l * num_keys]. */
static inline void
acl_inputs_load(const struct acl_rt *rt, const uint8_t *const *data, uint32_t n,
		uint64_t (*val)[RTE_ACL_MAX_FIELDS], uint32_t *keys)
{
	uint32_t l;

	for (l = 0; l < n; l++) {
		acl_input_load(rt, data[l], val[l]);
		acl_input_keys(rt, val[l], &keys[l * rt->num_keys]);
	}
}

/* Results of n inputs from their leaves, ACL_MAX_TREES to an input. */
static inline void
acl_inputs_resolve(const struct acl_rt *rt, uint32_t n, const uint32_t *leaf,
		   uint64_t (*val)[RTE_ACL_MAX_FIELDS], const uint32_t *keys, uint32_t *results,
		   uint32_t categories, acl_match_fn match)
{
	uint32_t l;

	for (l = 0; l < n; l++)
		acl_leaves_resolve(rt, &leaf[l * ACL_MAX_TREES], val[l], &keys[l * rt->num_keys],
				   results + (size_t)l * categories, categories, match);
}

#endif /* _ACL_PRIVATE_H_ */
