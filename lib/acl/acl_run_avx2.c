/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTE_ACL_CLASSIFY_AVX2: eight inputs descend each tree together (their
 * loads overlap), and a leaf's rules are checked on all eight keys at once
 * with AVX2's unsigned 32-bit min and max instead of a branch a field.
 * Descending with AVX2 gathers was measured slower than the interleaved
 * scalar steps: a step is a chain of dependent gathers. Compiled for AVX2
 * whatever -march says; rte_acl.c calls it only when the CPU has AVX2.
 */
#include <immintrin.h>

#include <rte_prefetch.h>

#include "acl_private.h"

/*
 * Inputs a batch: sixteen overlap more of the walks' and the resolve's
 * cache misses than eight (bench/acl.sh, 1000 rules: about 3.5 against
 * 4.5 times DPDK's cycles).
 */
#define ACL_AVX2_LANES ACL_WALK_LANES

/* Does the rule of these kform words match the input of these keys? */
__attribute__((target("avx2"))) static inline int
acl_kform_match_avx2(const uint32_t *kf, const uint32_t *key)
{
	__m256i x, ok;

	x = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)key),
			     _mm256_loadu_si256((const __m256i *)kf));
	/* lo <= x <= hi, unsigned: max(x, lo) == x and min(x, hi) == x */
	ok = _mm256_and_si256(
		_mm256_cmpeq_epi32(
			_mm256_max_epu32(x, _mm256_loadu_si256((const __m256i *)(kf + 8))), x),
		_mm256_cmpeq_epi32(
			_mm256_min_epu32(x, _mm256_loadu_si256((const __m256i *)(kf + 16))), x));
	return _mm256_movemask_epi8(ok) == -1;
}

__attribute__((target("avx2"))) static inline int
acl_match_avx2(const struct acl_rt *rt, uint32_t rn, const uint64_t *val, const uint32_t *key)
{
	if (rt->kform == NULL)
		return acl_match_scalar(rt, rn, val, key);
	return acl_kform_match_avx2(rt->kform + (size_t)rn * ACL_KFORM_WORDS, key);
}

/*
 * acl_inputs_resolve() for one category with kform rules: the lowest
 * numbered matching rule over the lanes' leaves, reading nothing but the
 * kform words of a rule. Leaves hold few rules: checking them all costs
 * less than the mispredicted branches of stopping at the first match.
 */
__attribute__((target("avx2"))) static inline void
acl_resolve1_avx2(const struct acl_rt *rt, uint32_t n, const uint32_t *leaf, const uint32_t *keys,
		  uint32_t *results)
{
	uint32_t l, t, i;

	/*
	 * Leaves, their rule lists and their first rules sit in memory the
	 * walk did not touch: fetch each level for all lanes before the next
	 * reads it, so the lanes' cache misses overlap instead of queueing.
	 */
	for (l = 0; l < n * ACL_MAX_TREES; l += ACL_MAX_TREES)
		for (t = 0; t < rt->num_trees; t++)
			rte_prefetch0(&rt->leaves[leaf[l + t]]);
	for (l = 0; l < n * ACL_MAX_TREES; l += ACL_MAX_TREES)
		for (t = 0; t < rt->num_trees; t++)
			rte_prefetch0(&rt->leaf_rules[rt->leaves[leaf[l + t]].first]);
	for (l = 0; l < n * ACL_MAX_TREES; l += ACL_MAX_TREES)
		for (t = 0; t < rt->num_trees; t++) {
			const struct acl_leaf *lf = &rt->leaves[leaf[l + t]];
			const uint32_t *kf;

			/* an empty leaf's first entry may be past the end: read none */
			if (lf->count == 0)
				continue;
			kf = rt->kform + (size_t)rt->leaf_rules[lf->first] * ACL_KFORM_WORDS;
			rte_prefetch0(kf);
			rte_prefetch0(kf + ACL_KFORM_WORDS / 2);
		}
	for (l = 0; l < n; l++) {
		const uint32_t *key = &keys[l * rt->num_keys];
		uint32_t best = UINT32_MAX;

		for (t = 0; t < rt->num_trees; t++) {
			const struct acl_leaf *lf = &rt->leaves[leaf[l * ACL_MAX_TREES + t]];
			const uint32_t *lr = &rt->leaf_rules[lf->first];

			/* every rule of the leaf, without a branch on the outcomes */
			for (i = 0; i < lf->count; i++) {
				const uint32_t *kf = rt->kform + (size_t)lr[i] * ACL_KFORM_WORDS;
				uint32_t ok = kf[ACL_KFORM_CATS] &
					      (uint32_t)acl_kform_match_avx2(kf, key);

				best = RTE_MIN(best, ok != 0 ? lr[i] : UINT32_MAX);
			}
		}
		results[l] =
			best == UINT32_MAX
				? 0
				: rt->kform[(size_t)best * ACL_KFORM_WORDS + ACL_KFORM_USERDATA];
	}
}

/*
 * Keys of n inputs when each field is one key (kform rules): straight
 * from the input, without the 64-bit field values only the exact checks
 * of other rules need.
 */
static inline void
acl_inputs_keys_load(const struct acl_rt *rt, const uint8_t *const *data, uint32_t n,
		     uint32_t *keys)
{
	uint32_t l, f;

	for (l = 0; l < n; l++, keys += rt->num_keys)
		for (f = 0; f < rt->num_fields; f++)
			keys[f] = (uint32_t)acl_field_read(data[l] + rt->in[f].offset,
							   rt->in[f].size);
}

/*
 * As acl_tree_walk_n() over the super nodes, n <= ACL_AVX2_LANES inputs:
 * each lane's keys sit in one vector (top bits flipped for the signed
 * compare), so a step is a permute, a compare and a table look-up.
 */
__attribute__((target("avx2"))) static inline void
acl_snode_walk_n(const struct acl_rt *rt, uint32_t t, uint32_t n, const uint32_t *keys,
		 uint32_t *leaf)
{
	const __m256i bias = _mm256_set1_epi32(INT32_MIN);
	const __m256i last = _mm256_set1_epi32(ACL_SNODE_CMPS);
	const __m256i key_shift = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 0);
	const struct acl_snode *sn = rt->snodes;
	__m256i kv[ACL_AVX2_LANES];
	uint32_t at[ACL_AVX2_LANES], l, d, live;

	for (l = 0; l < n; l++) {
		/* keys past num_keys are the next input's: no comparison names them */
		kv[l] = _mm256_xor_si256(
			_mm256_loadu_si256((const __m256i *)&keys[l * rt->num_keys]), bias);
		at[l] = rt->sroot[t];
	}
	for (d = 0, live = ACL_LEAF_BIT; d < rt->sdepth[t] && live != 0; d++) {
		live = 0;
		for (l = 0; l < n; l++) {
			uint32_t a = at[l], done = a & ACL_LEAF_BIT;
			/* a lane at a leaf reads super node 0, which exists as the tree has depth
			 */
			const struct acl_snode *s = &sn[done ? 0 : a];
			__m256i thr = _mm256_load_si256((const __m256i *)s->thr);
			/* each lane p gets the packed keys shifted to its own 3 bits;
			 * vpermd reads only the low 3 bits of an index */
			__m256i idx = _mm256_srlv_epi32(_mm256_permutevar8x32_epi32(thr, last),
							key_shift);
			__m256i sel = _mm256_permutevar8x32_epi32(kv[l], idx);
			int m = _mm256_movemask_ps(
				_mm256_castsi256_ps(_mm256_cmpgt_epi32(sel, thr)));
			uint32_t next = s->child[rt->snode_way[m]];

			at[l] = done ? a : next;
			live |= ~at[l] & ACL_LEAF_BIT;
		}
	}
	for (l = 0; l < n; l++)
		leaf[l * ACL_MAX_TREES + t] = at[l] & ~ACL_LEAF_BIT;
}

__attribute__((target("avx2"))) int
acl_classify_avx2(const struct acl_rt *rt, const uint8_t **data, uint32_t *results, uint32_t num,
		  uint32_t categories)
{
	uint64_t val[ACL_AVX2_LANES][RTE_ACL_MAX_FIELDS];
	/* the last input's key checks read ACL_KFORM_KEYS words from its first */
	uint32_t keys[ACL_AVX2_LANES * ACL_MAX_KEYS + ACL_KFORM_KEYS];
	uint32_t leaf[ACL_AVX2_LANES * ACL_MAX_TREES];
	uint32_t i = 0, t;

	for (; i + ACL_AVX2_LANES <= num; i += ACL_AVX2_LANES) {
		if (categories == 1 && rt->kform != NULL)
			acl_inputs_keys_load(rt, data + i, ACL_AVX2_LANES, keys);
		else
			acl_inputs_load(rt, data + i, ACL_AVX2_LANES, val, keys);
		for (t = 0; t < rt->num_trees; t++)
			if (rt->snodes != NULL)
				acl_snode_walk_n(rt, t, ACL_AVX2_LANES, keys, leaf);
			else
				acl_tree_walk_n(rt, t, ACL_AVX2_LANES, keys, leaf);
		if (categories == 1 && rt->kform != NULL)
			acl_resolve1_avx2(rt, ACL_AVX2_LANES, leaf, keys, results + i);
		else
			acl_inputs_resolve(rt, ACL_AVX2_LANES, leaf, val, keys,
					   results + (size_t)i * categories, categories,
					   acl_match_avx2);
	}
	for (; i < num; i++)
		acl_classify_one(rt, data[i], results + (size_t)i * categories, categories);
	return 0;
}
