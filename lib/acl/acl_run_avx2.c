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

#include "acl_private.h"

#define ACL_AVX2_LANES 8

__attribute__((target("avx2"))) static inline int
acl_match_avx2(const struct acl_rt *rt, uint32_t rn, const uint64_t *val, const uint32_t *key)
{
	const uint32_t *kf;
	__m256i x, ok;

	if (rt->kform == NULL)
		return acl_match_scalar(rt, rn, val, key);
	kf = rt->kform + (size_t)rn * ACL_KFORM_WORDS;
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
		acl_inputs_load(rt, data + i, ACL_AVX2_LANES, val, keys);
		for (t = 0; t < rt->num_trees; t++)
			acl_tree_walk_n(rt, t, ACL_AVX2_LANES, keys, leaf);
		acl_inputs_resolve(rt, ACL_AVX2_LANES, leaf, val, keys,
				   results + (size_t)i * categories, categories, acl_match_avx2);
	}
	for (; i < num; i++)
		acl_classify_one(rt, data[i], results + (size_t)i * categories, categories);
	return 0;
}
