/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTE_ACL_CLASSIFY_SSE: eight inputs descend each tree together (their
 * loads overlap), and a leaf's rules are checked four keys at a time with
 * SSE4.1's unsigned 32-bit min and max instead of a branch a field.
 */
#include <smmintrin.h>

#include "acl_private.h"

#define ACL_SSE_LANES 8

/* lo <= (key & mask) <= hi on four keys at once; all ones where it holds. */
__attribute__((target("sse4.1"))) static inline __m128i
acl_kform_check_x4(const uint32_t *kf, const uint32_t *key)
{
	__m128i x = _mm_and_si128(_mm_loadu_si128((const __m128i *)key),
				  _mm_loadu_si128((const __m128i *)kf));
	__m128i lo = _mm_loadu_si128((const __m128i *)(kf + ACL_KFORM_KEYS));
	__m128i hi = _mm_loadu_si128((const __m128i *)(kf + 2 * ACL_KFORM_KEYS));

	return _mm_and_si128(_mm_cmpeq_epi32(_mm_max_epu32(x, lo), x),
			     _mm_cmpeq_epi32(_mm_min_epu32(x, hi), x));
}

__attribute__((target("sse4.1"))) static inline int
acl_match_sse(const struct acl_rt *rt, uint32_t rn, const uint64_t *val, const uint32_t *key)
{
	const uint32_t *kf;
	__m128i ok;

	if (rt->kform == NULL)
		return acl_match_scalar(rt, rn, val, key);
	kf = rt->kform + (size_t)rn * ACL_KFORM_WORDS;
	ok = _mm_and_si128(acl_kform_check_x4(kf, key), acl_kform_check_x4(kf + 4, key + 4));
	return _mm_movemask_epi8(ok) == 0xffff;
}

__attribute__((target("sse4.1"))) int
acl_classify_sse(const struct acl_rt *rt, const uint8_t **data, uint32_t *results, uint32_t num,
		 uint32_t categories)
{
	uint64_t val[ACL_SSE_LANES][RTE_ACL_MAX_FIELDS];
	/* the last input's key checks read ACL_KFORM_KEYS words from its first */
	uint32_t keys[ACL_SSE_LANES * ACL_MAX_KEYS + ACL_KFORM_KEYS];
	uint32_t leaf[ACL_SSE_LANES * ACL_MAX_TREES];
	uint32_t i = 0, t;

	for (; i + ACL_SSE_LANES <= num; i += ACL_SSE_LANES) {
		acl_inputs_load(rt, data + i, ACL_SSE_LANES, val, keys);
		for (t = 0; t < rt->num_trees; t++)
			acl_tree_walk_n(rt, t, ACL_SSE_LANES, keys, leaf);
		acl_inputs_resolve(rt, ACL_SSE_LANES, leaf, val, keys,
				   results + (size_t)i * categories, categories, acl_match_sse);
	}
	for (; i < num; i++)
		acl_classify_one(rt, data[i], results + (size_t)i * categories, categories);
	return 0;
}
