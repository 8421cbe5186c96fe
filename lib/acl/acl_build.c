/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_acl_build(): compile the rules and grow the decision tree.
 *
 * Every rule covers a box: one interval a key (its envelope; exact unless
 * a BITMASK field has holes or an 8-byte range spans several upper
 * halves). A node holds the rules whose box meets its region; it splits
 * the region in two on the key where the rules' edges are most numerous,
 * at the middle edge, until few rules are left (HyperSplit's idea). Rules
 * that a better rule of the same categories covers entirely in the region
 * are dropped on the way, so wide low-priority rules do not pile up in
 * every leaf.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "acl_private.h"

/* A leaf holds at most this many rules unless no split separates them. */
#define ACL_LEAF_RULES 4
/* Past this depth a node becomes a leaf whatever it holds. */
#define ACL_MAX_DEPTH 48
/*
 * Leaf entries one build attempt may make: a rule set whose boxes cross so
 * much that its trees outgrow this is built again with more trees, as
 * DPDK builds more tries. The last attempt may use ACL_MAX_LEAF_ENTRIES.
 */
#define ACL_BUDGET_PER_RULE 32
#define ACL_BUDGET_BASE (1u << 20)
#define ACL_MAX_LEAF_ENTRIES (1u << 27)

struct acl_bld {
	uint32_t num_keys;
	uint32_t num_rules; /* compiled */
	uint32_t all_categories;
	uint32_t max_leaf_rules; /* this attempt's budget */
	uint32_t depth;		 /* deepest leaf of the tree being built */
	const uint32_t *elo;	 /* [rule * num_keys + key] */
	const uint32_t *ehi;
	const uint8_t *exact;
	const uint32_t *cmask;
	uint32_t *points; /* scratch, 4 * num_rules */
	struct acl_node *nodes;
	uint32_t num_nodes, cap_nodes;
	struct acl_leaf *leaves;
	uint32_t num_leaves, cap_leaves;
	uint32_t *leaf_rules;
	uint32_t num_leaf_rules, cap_leaf_rules;
};

/* Grow a vector of elements of size sz to hold need of them; -ENOMEM. */
static int
acl_vec_reserve(void **v, uint32_t *cap, uint32_t need, size_t sz)
{
	uint32_t ncap;
	void *p;

	/* allocated even for need 0: memcpy() takes no NULL, even for 0 bytes */
	if (need <= *cap && *v != NULL)
		return 0;
	ncap = *cap < 64 ? 64 : *cap;
	while (ncap < need)
		ncap *= 2;
	p = realloc(*v, (size_t)ncap * sz);
	if (p == NULL)
		return -ENOMEM;
	*v = p;
	*cap = ncap;
	return 0;
}

static int
acl_bld_leaf(struct acl_bld *b, const uint32_t *rules, uint32_t n, uint32_t depth, uint32_t *ref)
{
	struct acl_leaf *l;

	b->depth = RTE_MAX(b->depth, depth);
	if (b->num_leaf_rules + (uint64_t)n > b->max_leaf_rules)
		return -ERANGE;
	if (acl_vec_reserve((void **)&b->leaves, &b->cap_leaves, b->num_leaves + 1,
			    sizeof(*b->leaves)) != 0 ||
	    acl_vec_reserve((void **)&b->leaf_rules, &b->cap_leaf_rules, b->num_leaf_rules + n,
			    sizeof(*b->leaf_rules)) != 0)
		return -ENOMEM;
	l = &b->leaves[b->num_leaves];
	l->first = b->num_leaf_rules;
	l->count = n;
	memcpy(&b->leaf_rules[b->num_leaf_rules], rules, (size_t)n * sizeof(*rules));
	b->num_leaf_rules += n;
	*ref = ACL_LEAF_BIT | b->num_leaves++;
	return 0;
}

/*
 * Keep the rules (best first) that can still decide a category in the
 * region: a rule is dropped once better rules that cover the whole region
 * exactly have decided all of its categories.
 */
static uint32_t
acl_bld_prune(const struct acl_bld *b, uint32_t *rules, uint32_t n, const uint32_t *lo,
	      const uint32_t *hi)
{
	uint32_t decided = 0, kept = 0, i, k;

	for (i = 0; i < n && decided != b->all_categories; i++) {
		uint32_t r = rules[i];
		const uint32_t *rl = &b->elo[(size_t)r * b->num_keys];
		const uint32_t *rh = &b->ehi[(size_t)r * b->num_keys];

		if ((b->cmask[r] & ~decided) == 0)
			continue;
		rules[kept++] = r;
		if (!b->exact[r])
			continue;
		for (k = 0; k < b->num_keys; k++)
			if (rl[k] > lo[k] || rh[k] < hi[k])
				break;
		if (k == b->num_keys)
			decided |= b->cmask[r];
	}
	return kept;
}

static int
acl_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Sort a[0..n) and squeeze out repeats; the count of distinct values. */
static uint32_t
acl_u32_sort_unique(uint32_t *a, uint32_t n)
{
	uint32_t i, m = 0;

	qsort(a, n, sizeof(*a), acl_u32_cmp);
	for (i = 0; i < n; i++)
		if (m == 0 || a[i] != a[m - 1])
			a[m++] = a[i];
	return m;
}

/* Values of a[0..n) (sorted) below x. */
static uint32_t
acl_u32_count_below(const uint32_t *a, uint32_t n, uint32_t x)
{
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (a[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The split of the region that leaves the fewest rules in its larger
 * half: for each key, the rule edge inside the region where the rules
 * starting below it (left) and those ending at or above it (right)
 * balance. Returns the key and *edge (the right half starts there), or -1
 * when no rule edge falls inside the region.
 */
static int
acl_bld_split_pick(struct acl_bld *b, const uint32_t *rules, uint32_t n, const uint32_t *lo,
		   const uint32_t *hi, uint32_t *edge)
{
	uint32_t *starts = b->points, *ends = b->points + n, *edges = b->points + 2 * n;
	uint64_t best_cost = UINT64_MAX;
	uint32_t k, i, m, first, last;
	int best = -1;

	for (k = 0; k < b->num_keys; k++) {
		m = 0;
		for (i = 0; i < n; i++) {
			size_t at = (size_t)rules[i] * b->num_keys + k;

			starts[i] = b->elo[at];
			ends[i] = b->ehi[at];
			if (b->elo[at] > lo[k])
				edges[m++] = b->elo[at];
			if (b->ehi[at] < hi[k])
				edges[m++] = b->ehi[at] + 1;
		}
		if (m == 0)
			continue;
		m = acl_u32_sort_unique(edges, m);
		qsort(starts, n, sizeof(*starts), acl_u32_cmp);
		qsort(ends, n, sizeof(*ends), acl_u32_cmp);
		/* left grows and right shrinks with the edge: find where they cross */
		first = 0;
		last = m - 1;
		while (first < last) {
			uint32_t mid = first + (last - first) / 2;
			uint32_t l = acl_u32_count_below(starts, n, edges[mid]);
			uint32_t r = n - acl_u32_count_below(ends, n, edges[mid]);

			if (l < r)
				first = mid + 1;
			else
				last = mid;
		}
		for (i = first > 0 ? first - 1 : first; i <= first; i++) {
			uint32_t l = acl_u32_count_below(starts, n, edges[i]);
			uint32_t r = n - acl_u32_count_below(ends, n, edges[i]);
			/* the larger half first, then the copies both halves make */
			uint64_t cost = (uint64_t)RTE_MAX(l, r) << 32 | (l + r);

			if (cost < best_cost) {
				best_cost = cost;
				best = (int)k;
				*edge = edges[i];
			}
		}
	}
	return best;
}

/* Build the subtree of rules[0..n) in region lo/hi; its reference in *ref. */
static int
acl_bld_node(struct acl_bld *b, uint32_t *rules, uint32_t n, const uint32_t *lo, const uint32_t *hi,
	     uint32_t depth, uint32_t *ref)
{
	uint32_t clo[ACL_MAX_KEYS], chi[ACL_MAX_KEYS];
	uint32_t *left, *right, nl = 0, nr = 0, i, edge = 0, me, child;
	int k, ret;

	n = acl_bld_prune(b, rules, n, lo, hi);
	if (n <= ACL_LEAF_RULES || depth >= ACL_MAX_DEPTH)
		return acl_bld_leaf(b, rules, n, depth, ref);
	k = acl_bld_split_pick(b, rules, n, lo, hi, &edge);
	if (k < 0)
		return acl_bld_leaf(b, rules, n, depth, ref);

	left = malloc(2 * (size_t)n * sizeof(*left));
	if (left == NULL)
		return -ENOMEM;
	right = left + n;
	for (i = 0; i < n; i++) {
		size_t at = (size_t)rules[i] * b->num_keys + (uint32_t)k;

		if (b->elo[at] < edge)
			left[nl++] = rules[i];
		if (b->ehi[at] >= edge)
			right[nr++] = rules[i];
	}

	ret = acl_vec_reserve((void **)&b->nodes, &b->cap_nodes, b->num_nodes + 1,
			      sizeof(*b->nodes));
	if (ret != 0)
		goto out_free;
	me = b->num_nodes++;
	b->nodes[me].key = (uint32_t)k;
	b->nodes[me].thr = edge - 1;

	memcpy(clo, lo, b->num_keys * sizeof(*lo));
	memcpy(chi, hi, b->num_keys * sizeof(*hi));
	chi[k] = edge - 1;
	ret = acl_bld_node(b, left, nl, clo, chi, depth + 1, &child);
	if (ret != 0)
		goto out_free;
	b->nodes[me].child[0] = child;
	chi[k] = hi[k];
	clo[k] = edge;
	ret = acl_bld_node(b, right, nr, clo, chi, depth + 1, &child);
	if (ret != 0)
		goto out_free;
	b->nodes[me].child[1] = child;
	*ref = me;
out_free:
	free(left);
	return ret;
}

static uint64_t
acl_size_mask(uint32_t size)
{
	return size == sizeof(uint64_t) ? UINT64_MAX : (UINT64_C(1) << (size * CHAR_BIT)) - 1;
}

/*
 * Field def of a rule as lo <= (input & mask) <= hi, and its envelope
 * [*elo, *ehi]. 1: the field matches no input (an inverted range);
 * -EINVAL: a prefix longer than the field.
 */
static int
acl_field_compile(const struct rte_acl_ctx *ctx, uint32_t rule, const struct rte_acl_field_def *def,
		  const struct rte_acl_field *fld, struct acl_rule_field *out, uint64_t *elo,
		  uint64_t *ehi, uint8_t *exact)
{
	uint64_t all = acl_size_mask(def->size);
	uint64_t v = fld->value.u64 & all;
	uint64_t mr = fld->mask_range.u64 & all;
	uint32_t bits = def->size * CHAR_BIT;
	uint64_t holes;

	switch (def->type) {
	case RTE_ACL_FIELD_TYPE_RANGE:
		out->mask = all;
		out->lo = v;
		out->hi = mr;
		*elo = v;
		*ehi = mr;
		return v > mr;
	case RTE_ACL_FIELD_TYPE_MASK:
		/* the length is a field-size integer: DPDK's own tests leave the
		 * bytes above it unset */
		if (mr > bits) {
			RTE_LOG(ERR, ACL,
				"%s: rule %u field %u has a prefix of %" PRIu64 " bits in a "
				"%u-bit field; give at most %u\n",
				ctx->name, rule, def->field_index, mr, bits, bits);
			return -EINVAL;
		}
		mr = mr == 0 ? 0 : all & (UINT64_MAX << (bits - mr));
		break;
	default: /* BITMASK */
		break;
	}
	out->mask = mr;
	out->lo = v & mr;
	out->hi = v & mr;
	holes = all & ~mr;
	*elo = v & mr;
	*ehi = (v & mr) | holes;
	/* the envelope is the field exactly when the free bits are the low ones */
	if ((holes & (holes + 1)) != 0)
		*exact = 0;
	return 0;
}

struct acl_rule_order {
	int32_t priority;
	uint32_t index;
};

/* Best first: higher priority, then the rule added earlier. */
static int
acl_rule_order_cmp(const void *a, const void *b)
{
	const struct acl_rule_order *x = a, *y = b;

	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Keys of the fields: one per field, two (upper half first) per 8-byte field. */
static void
acl_keys_layout(struct acl_rt *rt, const struct rte_acl_config *cfg)
{
	uint32_t f, k = 0;

	rt->num_fields = cfg->num_fields;
	for (f = 0; f < cfg->num_fields; f++) {
		rt->in[f].offset = cfg->defs[f].offset;
		rt->in[f].size = cfg->defs[f].size;
		if (cfg->defs[f].size == sizeof(uint64_t)) {
			rt->key_field[k] = (uint8_t)f;
			rt->key_shift[k++] = 32;
		}
		rt->key_field[k] = (uint8_t)f;
		rt->key_shift[k++] = 0;
	}
	rt->num_keys = k;
}

/* A field's envelope as key intervals (see acl_keys_layout). */
static void
acl_keys_envelope(const struct acl_rt *rt, uint32_t f, uint64_t elo, uint64_t ehi, uint32_t *klo,
		  uint32_t *khi, uint8_t *exact)
{
	uint32_t k;

	for (k = 0; k < rt->num_keys; k++) {
		if (rt->key_field[k] != f)
			continue;
		if (rt->in[f].size != sizeof(uint64_t)) {
			klo[k] = (uint32_t)elo;
			khi[k] = (uint32_t)ehi;
		} else if (rt->key_shift[k] == 32) {
			klo[k] = (uint32_t)(elo >> 32);
			khi[k] = (uint32_t)(ehi >> 32);
		} else if (elo >> 32 == ehi >> 32) {
			klo[k] = (uint32_t)elo;
			khi[k] = (uint32_t)ehi;
		} else {
			/* several upper halves: any lower half can match */
			klo[k] = 0;
			khi[k] = UINT32_MAX;
			if ((uint32_t)elo != 0 || (uint32_t)ehi != UINT32_MAX)
				*exact = 0;
		}
	}
}

/* Compiled rules best first, with their envelopes; returns the count or -errno. */
static int
acl_rules_compile(const struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg,
		  struct acl_rt *rt, uint8_t *crules, uint32_t *elo, uint32_t *ehi, uint8_t *exact,
		  uint32_t *cmask)
{
	uint32_t cats = RTE_LEN2MASK(cfg->num_categories, uint32_t);
	struct acl_rule_order *order;
	uint32_t i, f, nc = 0;
	int ret = 0;

	order = malloc((ctx->num_rules + 1) * sizeof(*order));
	if (order == NULL)
		return -ENOMEM;
	for (i = 0; i < ctx->num_rules; i++) {
		const struct rte_acl_rule *r =
			(const void *)(ctx->rules + (size_t)i * ctx->rule_size);

		order[i].priority = r->data.priority;
		order[i].index = i;
	}
	qsort(order, ctx->num_rules, sizeof(*order), acl_rule_order_cmp);

	for (i = 0; i < ctx->num_rules; i++) {
		const struct rte_acl_rule *r =
			(const void *)(ctx->rules + (size_t)order[i].index * ctx->rule_size);
		struct acl_crule *cr = (struct acl_crule *)(crules + (size_t)nc * rt->crule_stride);
		uint32_t *klo = &elo[(size_t)nc * rt->num_keys];
		uint32_t *khi = &ehi[(size_t)nc * rt->num_keys];
		int never = 0;

		cr->userdata = r->data.userdata;
		cr->category_mask = r->data.category_mask & cats;
		exact[nc] = 1;
		for (f = 0; f < cfg->num_fields; f++) {
			uint64_t lo64, hi64;

			ret = acl_field_compile(ctx, order[i].index, &cfg->defs[f],
						&r->field[cfg->defs[f].field_index], &cr->f[f],
						&lo64, &hi64, &exact[nc]);
			if (ret < 0)
				goto out_free;
			never |= ret;
			acl_keys_envelope(rt, f, lo64, hi64, klo, khi, &exact[nc]);
		}
		ret = 0;
		/* a rule of no built category or that no input matches is left out */
		if (cr->category_mask == 0 || never)
			continue;
		cmask[nc++] = cr->category_mask;
	}
	ret = (int)nc;
out_free:
	free(order);
	return ret;
}

/* The whole region: every value each key can take. */
static void
acl_keys_region(const struct acl_rt *rt, uint32_t *lo, uint32_t *hi)
{
	uint32_t k;

	for (k = 0; k < rt->num_keys; k++) {
		uint32_t size = rt->in[rt->key_field[k]].size;

		lo[k] = 0;
		hi[k] = size >= sizeof(uint32_t) ? UINT32_MAX : (uint32_t)acl_size_mask(size);
	}
}

/* Whether every field is one key of at most 32 bits and they fit ACL_KFORM_KEYS. */
static int
acl_kform_fits(const struct acl_rt *rt)
{
	uint32_t f;

	if (rt->num_keys > ACL_KFORM_KEYS)
		return 0;
	for (f = 0; f < rt->num_fields; f++)
		if (rt->in[f].size > sizeof(uint32_t))
			return 0;
	return 1;
}

/* The compiled rules' checks as 32-bit words a key (see acl_rt.kform). */
static void
acl_kform_fill(const struct acl_rt *rt, const uint8_t *crules, uint32_t *kf)
{
	uint32_t r, f;

	for (r = 0; r < rt->num_crules; r++, kf += ACL_KFORM_WORDS) {
		const struct acl_crule *cr =
			(const struct acl_crule *)(crules + (size_t)r * rt->crule_stride);

		/* keys past num_fields: mask, low and high 0 always pass */
		memset(kf, 0, ACL_KFORM_WORDS * sizeof(*kf));
		for (f = 0; f < rt->num_fields; f++) {
			kf[f] = (uint32_t)cr->f[f].mask;
			kf[ACL_KFORM_KEYS + f] = (uint32_t)cr->f[f].lo;
			kf[2 * ACL_KFORM_KEYS + f] = (uint32_t)cr->f[f].hi;
		}
		kf[ACL_KFORM_CATS] = cr->category_mask;
		kf[ACL_KFORM_USERDATA] = cr->userdata;
	}
}

/* Copy the build's vectors and the compiled rules into one run-time block. */
static int
acl_rt_assemble(const struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg,
		const struct acl_bld *b, const struct acl_rt *proto, const uint8_t *crules,
		const struct acl_snode *snodes, uint32_t num_snodes, struct acl_rt **out)
{
	size_t o_nodes = RTE_ALIGN_CEIL(sizeof(*proto), RTE_CACHE_LINE_SIZE);
	size_t o_leaves = o_nodes + RTE_ALIGN_CEIL((size_t)b->num_nodes * sizeof(*b->nodes), 64);
	size_t o_lr = o_leaves + (size_t)b->num_leaves * sizeof(*b->leaves);
	size_t o_cr = RTE_ALIGN_CEIL(o_lr + (size_t)b->num_leaf_rules * sizeof(uint32_t), 64);
	size_t o_kf = RTE_ALIGN_CEIL(o_cr + (size_t)b->num_rules * proto->crule_stride, 64);
	size_t kf_size = acl_kform_fits(proto) ? (size_t)b->num_rules * ACL_KFORM_WORDS * 4 : 0;
	size_t o_sn = RTE_ALIGN_CEIL(o_kf + kf_size, 64);
	size_t size = o_sn + (size_t)num_snodes * sizeof(*snodes);
	struct acl_rt *rt;
	uint8_t *base;

	if (cfg->max_size != 0 && size > cfg->max_size) {
		RTE_LOG(ERR, ACL,
			"%s: the run-time tables take %zu bytes, above max_size %zu; "
			"raise max_size (0: no limit) or use fewer rules\n",
			ctx->name, size, cfg->max_size);
		return -ERANGE;
	}
	base = rte_zmalloc_socket("ACL_RT", size, RTE_CACHE_LINE_SIZE, ctx->socket_id);
	if (base == NULL) {
		RTE_LOG(ERR, ACL,
			"%s: no memory for %zu bytes of tables; give the EAL more memory\n",
			ctx->name, size);
		return -ENOMEM;
	}
	rt = (struct acl_rt *)base;
	*rt = *proto;
	/* a tree that is one leaf has no nodes: b->nodes may be NULL */
	if (b->num_nodes != 0)
		memcpy(base + o_nodes, b->nodes, (size_t)b->num_nodes * sizeof(*b->nodes));
	memcpy(base + o_leaves, b->leaves, (size_t)b->num_leaves * sizeof(*b->leaves));
	memcpy(base + o_lr, b->leaf_rules, (size_t)b->num_leaf_rules * sizeof(uint32_t));
	memcpy(base + o_cr, crules, (size_t)b->num_rules * proto->crule_stride);
	rt->nodes = (const struct acl_node *)(base + o_nodes);
	rt->leaves = (const struct acl_leaf *)(base + o_leaves);
	rt->leaf_rules = (const uint32_t *)(base + o_lr);
	rt->crules = base + o_cr;
	rt->num_nodes = b->num_nodes;
	rt->num_leaves = b->num_leaves;
	rt->num_leaf_rules = b->num_leaf_rules;
	rt->num_crules = b->num_rules;
	rt->size = size;
	if (snodes != NULL) {
		memcpy(base + o_sn, snodes, (size_t)num_snodes * sizeof(*snodes));
		rt->snodes = (const struct acl_snode *)(base + o_sn);
		rt->num_snodes = num_snodes;
	}
	if (kf_size != 0) {
		acl_kform_fill(rt, crules, (uint32_t *)(base + o_kf));
		rt->kform = (const uint32_t *)(base + o_kf);
	}
	*out = rt;
	return 0;
}

/* Values of the sorted a[0..n) at or below x. */
static uint32_t
acl_u32_count_le(const uint32_t *a, uint32_t n, uint32_t x)
{
	return x == UINT32_MAX ? n : acl_u32_count_below(a, n, x + 1);
}

/*
 * Which keys each rule is wide on: its envelope holds more than 1/16 of
 * the distinct edges all rules have on the key, so splits on that key
 * would copy it. Keys past the 64th are not looked at.
 */
static int
acl_rules_wideness(const struct acl_bld *b, const uint32_t *lo, const uint32_t *hi, uint64_t *sig)
{
	uint32_t *edges = malloc(2 * ((size_t)b->num_rules + 1) * sizeof(*edges));
	uint32_t k, r, m;

	if (edges == NULL)
		return -ENOMEM;
	memset(sig, 0, b->num_rules * sizeof(*sig));
	for (k = 0; k < b->num_keys && k < 64; k++) {
		m = 0;
		for (r = 0; r < b->num_rules; r++) {
			size_t at = (size_t)r * b->num_keys + k;

			if (b->elo[at] > lo[k])
				edges[m++] = b->elo[at];
			if (b->ehi[at] < hi[k])
				edges[m++] = b->ehi[at] + 1;
		}
		m = acl_u32_sort_unique(edges, m);
		for (r = 0; r < b->num_rules; r++) {
			size_t at = (size_t)r * b->num_keys + k;
			uint32_t inside = acl_u32_count_le(edges, m, b->ehi[at]) -
					  acl_u32_count_le(edges, m, b->elo[at]);

			if (inside > 8 && inside > m / 16)
				sig[r] |= UINT64_C(1) << k;
		}
	}
	free(edges);
	return 0;
}

/*
 * Put rules of the same wideness in the same tree: at most max_trees
 * trees, none with less than 1/64 of the rules (each tree costs every
 * input a walk). The smallest group joins the one wide on the most
 * similar keys. tree[r] gets rule r's tree; returns the tree count.
 */
static int
acl_rules_group(const struct acl_bld *b, const uint32_t *lo, const uint32_t *hi, uint32_t max_trees,
		uint32_t *tree)
{
	uint64_t *sig = malloc(((size_t)b->num_rules + 1) * sizeof(*sig));
	uint64_t *gsig = malloc(((size_t)b->num_rules + 1) * sizeof(*gsig));
	uint32_t *gcount = malloc(((size_t)b->num_rules + 1) * sizeof(*gcount));
	uint32_t ng = 0, r, g, h, small, near, t;
	int ret = -ENOMEM;

	if (sig == NULL || gsig == NULL || gcount == NULL)
		goto out_free;
	ret = acl_rules_wideness(b, lo, hi, sig);
	if (ret < 0)
		goto out_free;
	for (r = 0; r < b->num_rules; r++) {
		for (g = 0; g < ng && gsig[g] != sig[r]; g++)
			;
		if (g == ng) {
			gsig[ng] = sig[r];
			gcount[ng++] = 0;
		}
		gcount[g]++;
		tree[r] = g;
	}
	for (;;) {
		small = 0;
		for (g = 1; g < ng; g++)
			if (gcount[g] < gcount[small])
				small = g;
		if (ng <= 1 || (ng <= max_trees && gcount[small] * 64 >= b->num_rules))
			break;
		near = small == 0 ? 1 : 0;
		for (h = 0; h < ng; h++)
			if (h != small && __builtin_popcountll(gsig[h] ^ gsig[small]) <
						  __builtin_popcountll(gsig[near] ^ gsig[small]))
				near = h;
		gsig[near] |= gsig[small];
		gcount[near] += gcount[small];
		/* the last group takes the freed number */
		ng--;
		gsig[small] = gsig[ng];
		gcount[small] = gcount[ng];
		if (near == ng)
			near = small;
		for (r = 0; r < b->num_rules; r++) {
			t = tree[r];
			tree[r] = t == small ? near : t == ng ? small : t;
		}
	}
	ret = (int)RTE_MAX(ng, 1u);
out_free:
	free(gcount);
	free(gsig);
	free(sig);
	return ret;
}

/* Grow each tree from its rules, in rank order as the leaves list them. */
static int
acl_trees_build(struct acl_bld *b, const uint32_t *tree, uint32_t *list, const uint32_t *lo,
		const uint32_t *hi, struct acl_rt *rt)
{
	uint32_t t, i, n_t;
	int ret = 0;

	for (t = 0; t < rt->num_trees && ret == 0; t++) {
		n_t = 0;
		for (i = 0; i < b->num_rules; i++)
			if (tree[i] == t)
				list[n_t++] = i;
		b->depth = 0;
		ret = acl_bld_node(b, list, n_t, lo, hi, 0, &rt->root[t]);
		rt->depth[t] = b->depth;
	}
	return ret;
}

int
acl_rt_build(const struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg, struct acl_rt **out)
{
	uint32_t lo[ACL_MAX_KEYS], hi[ACL_MAX_KEYS];
	struct acl_bld b = {0};
	struct acl_rt proto = {0};
	uint32_t *elo = NULL, *ehi = NULL, *cmask = NULL, *list = NULL, *tree = NULL, max_trees;
	uint8_t *crules = NULL, *exact = NULL;
	struct acl_snode *snodes = NULL;
	uint32_t num_snodes = 0;
	size_t n = ctx->num_rules + 1; /* no zero-size allocations */
	int ret;

	*out = NULL;
	acl_keys_layout(&proto, cfg);
	proto.crule_stride =
		sizeof(struct acl_crule) + cfg->num_fields * sizeof(struct acl_rule_field);
	proto.category_mask = RTE_LEN2MASK(cfg->num_categories, uint32_t);

	ret = -ENOMEM;
	crules = malloc(n * proto.crule_stride);
	elo = malloc(n * proto.num_keys * sizeof(*elo));
	ehi = malloc(n * proto.num_keys * sizeof(*ehi));
	exact = malloc(n);
	cmask = malloc(n * sizeof(*cmask));
	list = malloc(n * sizeof(*list));
	tree = malloc(n * sizeof(*tree));
	b.points = malloc(4 * n * sizeof(*b.points));
	if (crules == NULL || elo == NULL || ehi == NULL || exact == NULL || cmask == NULL ||
	    list == NULL || tree == NULL || b.points == NULL) {
		RTE_LOG(ERR, ACL, "%s: no memory to build %u rules\n", ctx->name, ctx->num_rules);
		goto out_free;
	}
	ret = acl_rules_compile(ctx, cfg, &proto, crules, elo, ehi, exact, cmask);
	if (ret < 0)
		goto out_free;

	b.num_keys = proto.num_keys;
	b.num_rules = (uint32_t)ret;
	b.all_categories = proto.category_mask;
	b.elo = elo;
	b.ehi = ehi;
	b.exact = exact;
	b.cmask = cmask;
	acl_keys_region(&proto, lo, hi);
	/* one tree walk an input is cheapest: more trees only when one grows too big */
	for (max_trees = 1;; max_trees *= 2) {
		b.num_nodes = b.num_leaves = b.num_leaf_rules = 0;
		b.max_leaf_rules = max_trees < ACL_MAX_TREES
					   ? ACL_BUDGET_BASE + ACL_BUDGET_PER_RULE * b.num_rules
					   : ACL_MAX_LEAF_ENTRIES;
		ret = acl_rules_group(&b, lo, hi, max_trees, tree);
		if (ret < 0)
			goto out_free;
		proto.num_trees = (uint32_t)ret;
		ret = acl_trees_build(&b, tree, list, lo, hi, &proto);
		if (ret != -ERANGE || max_trees == ACL_MAX_TREES)
			break;
	}
	if (ret == -ERANGE)
		RTE_LOG(ERR, ACL,
			"%s: the rules overlap so much that the tables would exceed %u "
			"entries; split the rule set over several contexts\n",
			ctx->name, ACL_MAX_LEAF_ENTRIES);
	else if (ret == -ENOMEM)
		RTE_LOG(ERR, ACL, "%s: no memory to build %u rules\n", ctx->name, ctx->num_rules);
	if (ret == 0 && proto.num_keys <= ACL_SNODE_WAYS) {
		ret = acl_snodes_build(b.nodes, &proto, &snodes, &num_snodes);
		if (ret != 0)
			RTE_LOG(ERR, ACL, "%s: no memory to build %u rules\n", ctx->name,
				ctx->num_rules);
	}
	if (ret == 0)
		ret = acl_rt_assemble(ctx, cfg, &b, &proto, crules, snodes, num_snodes, out);
out_free:
	free(snodes);
	free(b.nodes);
	free(b.leaves);
	free(b.leaf_rules);
	free(b.points);
	free(tree);
	free(list);
	free(cmask);
	free(exact);
	free(ehi);
	free(elo);
	free(crules);
	return ret;
}

void
acl_rt_free(struct acl_rt *rt)
{
	rte_free(rt);
}
