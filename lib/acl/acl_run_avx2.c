/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTE_ACL_CLASSIFY_AVX2: eight inputs descend the tree together, one
 * step of all eight a few AVX2 gathers (node key and threshold, the
 * input's key, the child), so the eight chains of loads overlap.
 * Compiled for AVX2 whatever -march says; rte_acl.c calls it only when
 * the CPU has AVX2.
 */
#include <immintrin.h>

#include "acl_private.h"

#define ACL_AVX2_LANES 8

_Static_assert(sizeof(struct acl_node) == 16, "gathers index nodes as 4 words");

__attribute__((target("avx2"))) static void
acl_walk_x8(const struct acl_rt *rt, uint32_t root, const uint32_t *keys, uint32_t *leaf)
{
	const int *words = (const int *)rt->nodes;
	const __m256i sign = _mm256_set1_epi32(INT32_MIN);
	const __m256i ones = _mm256_set1_epi32(-1);
	const __m256i two = _mm256_set1_epi32(2);
	const int s = (int)rt->num_keys;
	const __m256i lane_keys = _mm256_setr_epi32(0, s, 2 * s, 3 * s, 4 * s, 5 * s, 6 * s, 7 * s);
	__m256i n = _mm256_set1_epi32((int)root);

	for (;;) {
		/* ACL_LEAF_BIT is the sign bit: lanes at a leaf stop */
		__m256i live = _mm256_xor_si256(_mm256_srai_epi32(n, 31), ones);
		__m256i at, key, thr, kv, gt;

		if (_mm256_testz_si256(live, live))
			break;
		at = _mm256_slli_epi32(n, 2);
		key = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), words, at, live, 4);
		thr = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), words + 1, at, live, 4);
		kv = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), (const int *)keys,
						 _mm256_add_epi32(lane_keys, key), live, 4);
		/* unsigned key > thr; gt is -1 there, so child word 2 + 1 */
		gt = _mm256_cmpgt_epi32(_mm256_xor_si256(kv, sign), _mm256_xor_si256(thr, sign));
		at = _mm256_sub_epi32(_mm256_add_epi32(at, two), gt);
		n = _mm256_mask_i32gather_epi32(n, words, at, live, 4);
	}
	_mm256_storeu_si256((__m256i *)leaf,
			    _mm256_andnot_si256(_mm256_set1_epi32((int)ACL_LEAF_BIT), n));
}

/* The leaves of eight inputs in tree t, into each input's row of leaf. */
__attribute__((target("avx2"))) static void
acl_walk_tree_x8(const struct acl_rt *rt, uint32_t t, const uint32_t *keys, uint32_t *leaf)
{
	uint32_t got[ACL_AVX2_LANES], l;

	if (rt->root[t] & ACL_LEAF_BIT) {
		for (l = 0; l < ACL_AVX2_LANES; l++)
			leaf[l * ACL_MAX_TREES + t] = rt->root[t] & ~ACL_LEAF_BIT;
		return;
	}
	acl_walk_x8(rt, rt->root[t], keys, got);
	for (l = 0; l < ACL_AVX2_LANES; l++)
		leaf[l * ACL_MAX_TREES + t] = got[l];
}

int
acl_classify_avx2(const struct acl_rt *rt, const uint8_t **data, uint32_t *results, uint32_t num,
		  uint32_t categories)
{
	uint64_t val[ACL_AVX2_LANES][RTE_ACL_MAX_FIELDS];
	uint32_t keys[ACL_AVX2_LANES * ACL_MAX_KEYS];
	uint32_t leaf[ACL_AVX2_LANES * ACL_MAX_TREES];
	uint32_t i = 0, t;

	for (; i + ACL_AVX2_LANES <= num; i += ACL_AVX2_LANES) {
		acl_inputs_load(rt, data + i, ACL_AVX2_LANES, val, keys);
		for (t = 0; t < rt->num_trees; t++)
			acl_walk_tree_x8(rt, t, keys, leaf);
		acl_inputs_resolve(rt, ACL_AVX2_LANES, leaf, val, results + (size_t)i * categories,
				   categories);
	}
	for (; i < num; i++)
		acl_classify_one(rt, data[i], results + (size_t)i * categories, categories);
	return 0;
}
