/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Super nodes: the binary tree regrouped three levels to a node for the
 * AVX2 walk. A super node holds the 7 comparisons of a depth-3 subtree
 * and its 8 outcomes in one cache line; a lane takes all 7 at once (a
 * permute picks their keys from the lane's key vector, one compare tests
 * them) and a table
 * turns the 7 results into the outcome its path leads to. A walk then
 * takes a third of the dependent steps of the binary tree, and each step
 * reads one node instead of three.
 */
#include <errno.h>
#include <stdlib.h>

#include "acl_private.h"

/* Keys and thresholds are compared as signed after flipping the top bit. */
#define ACL_SNODE_BIAS 0x80000000u

struct acl_snode_vec {
	struct acl_snode *a;
	uint32_t n, cap;
};

static int
acl_snode_vec_grow(struct acl_snode_vec *v)
{
	uint32_t ncap = v->cap < 64 ? 64 : 2 * v->cap;
	struct acl_snode *p;

	if (v->n < v->cap)
		return 0;
	p = realloc(v->a, (size_t)ncap * sizeof(*p));
	if (p == NULL)
		return -ENOMEM;
	v->a = p;
	v->cap = ncap;
	return 0;
}

/*
 * The super node rooted at binary reference ref; its reference in *out
 * (a leaf stays ACL_LEAF_BIT | leaf). A path that reaches a leaf above
 * the third level continues through comparisons that always go left
 * (nothing exceeds UINT32_MAX), so every outcome under it is that leaf.
 */
static int
acl_snode_make(struct acl_snode_vec *v, const struct acl_node *nodes, uint32_t ref, uint32_t *out)
{
	uint32_t pos[ACL_SNODE_CMPS], slot[ACL_SNODE_WAYS];
	struct acl_snode *sn;
	uint32_t me, p, s, c0, c1, keys;
	int ret;

	if ((ref & ACL_LEAF_BIT) != 0) {
		*out = ref;
		return 0;
	}
	ret = acl_snode_vec_grow(v);
	if (ret != 0)
		return ret;
	me = v->n++;
	sn = &v->a[me];
	pos[0] = ref;
	keys = 0;
	for (p = 0; p < ACL_SNODE_CMPS; p++) {
		uint32_t r = pos[p];

		if ((r & ACL_LEAF_BIT) != 0) {
			sn->thr[p] = UINT32_MAX ^ ACL_SNODE_BIAS;
			c0 = c1 = r;
		} else {
			keys |= nodes[r].key << (3 * p);
			sn->thr[p] = nodes[r].thr ^ ACL_SNODE_BIAS;
			c0 = nodes[r].child[0];
			c1 = nodes[r].child[1];
		}
		if (p < ACL_SNODE_CMPS / 2) {
			pos[2 * p + 1] = c0;
			pos[2 * p + 2] = c1;
		} else {
			slot[2 * (p - ACL_SNODE_CMPS / 2)] = c0;
			slot[2 * (p - ACL_SNODE_CMPS / 2) + 1] = c1;
		}
	}
	/* the eighth lane's compare result is ignored (see snode_way) */
	sn->thr[ACL_SNODE_CMPS] = keys;
	for (s = 0; s < ACL_SNODE_WAYS; s++) {
		uint32_t c;

		ret = acl_snode_make(v, nodes, slot[s], &c);
		if (ret != 0)
			return ret;
		/* the vector may have moved */
		v->a[me].child[s] = c;
	}
	*out = me;
	return 0;
}

int
acl_snodes_build(const struct acl_node *nodes, struct acl_rt *rt, struct acl_snode **out,
		 uint32_t *num)
{
	struct acl_snode_vec v = {0};
	uint32_t t, m, i, b;
	int ret = 0;

	for (t = 0; t < rt->num_trees && ret == 0; t++) {
		ret = acl_snode_make(&v, nodes, rt->root[t], &rt->sroot[t]);
		rt->sdepth[t] = (rt->depth[t] + 2) / 3;
	}
	if (ret != 0) {
		free(v.a);
		return ret;
	}
	/* outcome of each compare mask (bit 7 aside): follow the path from position 0 */
	for (m = 0; m < RTE_DIM(rt->snode_way); m++) {
		i = 0;
		for (b = 0; b < 3; b++)
			i = 2 * i + 1 + ((m >> i) & 1);
		rt->snode_way[m] = (uint8_t)(i - ACL_SNODE_CMPS);
	}
	*out = v.a;
	*num = v.n;
	return 0;
}
