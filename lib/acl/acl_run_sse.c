/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTE_ACL_CLASSIFY_SSE: four inputs descend the tree together, so that
 * the loads of one step of all four are in flight at once instead of one
 * dependent chain after another; SSE4.1 compares and picks the children.
 */
#include <smmintrin.h>

#include "acl_private.h"

#define ACL_SSE_LANES 4

__attribute__((target("sse4.1"))) static void
acl_walk_x4(const struct acl_rt *rt, uint32_t root, const uint32_t *keys, uint32_t *leaf)
{
	const __m128i sign = _mm_set1_epi32(INT32_MIN);
	uint32_t at[ACL_SSE_LANES], k[ACL_SSE_LANES], t[ACL_SSE_LANES];
	uint32_t c0[ACL_SSE_LANES], c1[ACL_SSE_LANES];
	__m128i n = _mm_set1_epi32((int)root);
	uint32_t l;

	for (;;) {
		/* lanes at a leaf keep it (ACL_LEAF_BIT is the sign bit) */
		__m128i done = _mm_srai_epi32(n, 31);
		__m128i gt, next;

		if (_mm_movemask_ps(_mm_castsi128_ps(done)) == (1 << ACL_SSE_LANES) - 1)
			break;
		_mm_storeu_si128((__m128i *)at, n);
		for (l = 0; l < ACL_SSE_LANES; l++) {
			/* a finished lane reads node 0, which exists: this root is no leaf */
			const struct acl_node *nd = &rt->nodes[at[l] & ACL_LEAF_BIT ? 0 : at[l]];

			k[l] = keys[l * rt->num_keys + nd->key];
			t[l] = nd->thr;
			c0[l] = nd->child[0];
			c1[l] = nd->child[1];
		}
		gt = _mm_cmpgt_epi32(_mm_xor_si128(_mm_loadu_si128((const __m128i *)k), sign),
				     _mm_xor_si128(_mm_loadu_si128((const __m128i *)t), sign));
		next = _mm_blendv_epi8(_mm_loadu_si128((const __m128i *)c0),
				       _mm_loadu_si128((const __m128i *)c1), gt);
		n = _mm_blendv_epi8(next, n, done);
	}
	_mm_storeu_si128((__m128i *)at, n);
	for (l = 0; l < ACL_SSE_LANES; l++)
		leaf[l * ACL_MAX_TREES] = at[l] & ~ACL_LEAF_BIT;
}

int
acl_classify_sse(const struct acl_rt *rt, const uint8_t **data, uint32_t *results, uint32_t num,
		 uint32_t categories)
{
	uint64_t val[ACL_SSE_LANES][RTE_ACL_MAX_FIELDS];
	uint32_t keys[ACL_SSE_LANES * ACL_MAX_KEYS];
	uint32_t leaf[ACL_SSE_LANES * ACL_MAX_TREES];
	uint32_t i = 0, l, t;

	for (; i + ACL_SSE_LANES <= num; i += ACL_SSE_LANES) {
		acl_inputs_load(rt, data + i, ACL_SSE_LANES, val, keys);
		for (t = 0; t < rt->num_trees; t++) {
			if (rt->root[t] & ACL_LEAF_BIT) {
				for (l = 0; l < ACL_SSE_LANES; l++)
					leaf[l * ACL_MAX_TREES + t] = rt->root[t] & ~ACL_LEAF_BIT;
				continue;
			}
			acl_walk_x4(rt, rt->root[t], keys, &leaf[t]);
		}
		acl_inputs_resolve(rt, ACL_SSE_LANES, leaf, val, results + (size_t)i * categories,
				   categories);
	}
	for (; i < num; i++)
		acl_classify_one(rt, data[i], results + (size_t)i * categories, categories);
	return 0;
}
