/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The binary trie shared by rte_rib and rte_rib6, its node store, and the
 * list of named RIB and FIB objects.
 *
 * Nodes come from chunks of up to RIB_CHUNK_NODES allocated as the trie
 * grows, so a RIB sized for a million routes costs nothing until used;
 * freed nodes go on a free list and the chunks back to the heap with the trie.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "rib_trie.h"

#define RIB_CHUNK_NODES 1024u

struct rib_chunk {
	struct rib_chunk *next;
	uint32_t cap;
	uint64_t nodes[]; /* cap nodes of node_size bytes */
};

static TAILQ_HEAD(, rib_name) rib_names = TAILQ_HEAD_INITIALIZER(rib_names);
static pthread_mutex_t rib_names_lock = PTHREAD_MUTEX_INITIALIZER;

int
rib_name_check(const char *what, const char *name)
{
	if (name == NULL || name[0] == '\0') {
		RTE_LOG(ERR, LPM, "%s create: give a name (NULL or empty)\n", what);
		return -EINVAL;
	}
	if (strnlen(name, RIB_NAMESIZE) >= RIB_NAMESIZE) {
		RTE_LOG(ERR, LPM, "%s name '%s' is too long; use at most %d characters\n", what,
			name, RIB_NAMESIZE - 1);
		return -EINVAL;
	}
	return 0;
}

/* Caller holds rib_names_lock. */
static struct rib_name *
rib_names_lookup(enum rib_name_kind kind, const char *name)
{
	struct rib_name *n;

	TAILQ_FOREACH(n, &rib_names, next)
	if (n->kind == kind && strncmp(n->name, name, RIB_NAMESIZE) == 0)
		return n;
	return NULL;
}

int
rib_names_add(struct rib_name *n, enum rib_name_kind kind, const char *name, void *obj)
{
	int ret = 0;

	pthread_mutex_lock(&rib_names_lock);
	if (rib_names_lookup(kind, name) != NULL) {
		ret = -EEXIST;
		goto out_unlock;
	}
	n->kind = kind;
	n->obj = obj;
	snprintf(n->name, sizeof(n->name), "%s", name);
	TAILQ_INSERT_TAIL(&rib_names, n, next);
out_unlock:
	pthread_mutex_unlock(&rib_names_lock);
	return ret;
}

void
rib_names_remove(struct rib_name *n)
{
	pthread_mutex_lock(&rib_names_lock);
	TAILQ_REMOVE(&rib_names, n, next);
	pthread_mutex_unlock(&rib_names_lock);
}

void *
rib_names_find(enum rib_name_kind kind, const char *name)
{
	struct rib_name *n = NULL;

	if (name != NULL) {
		pthread_mutex_lock(&rib_names_lock);
		n = rib_names_lookup(kind, name);
		pthread_mutex_unlock(&rib_names_lock);
	}
	if (n == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return n->obj;
}

void
rib_trie_init(struct rib_trie *t, unsigned int key_len, size_t ext_sz, uint32_t max_nodes,
	      int socket_id)
{
	memset(t, 0, sizeof(*t));
	t->key_len = key_len;
	t->node_size = RTE_ALIGN_CEIL(sizeof(struct rib_node) + ext_sz, sizeof(uint64_t));
	t->max_nodes = max_nodes;
	t->socket_id = socket_id;
}

void
rib_trie_fini(struct rib_trie *t)
{
	struct rib_chunk *c;

	while ((c = t->chunks) != NULL) {
		t->chunks = c->next;
		rte_free(c);
	}
	t->root = NULL;
	t->free_nodes = NULL;
	t->cur_nodes = 0;
	t->cur_routes = 0;
}

static struct rib_node *
rib_node_alloc(struct rib_trie *t)
{
	struct rib_node *n;
	struct rib_chunk *c = t->chunks;

	if (t->cur_nodes >= t->max_nodes)
		return NULL;
	if (t->free_nodes != NULL) {
		n = t->free_nodes;
		t->free_nodes = n->left;
	} else {
		if (c == NULL || t->chunk_used == c->cap) {
			uint32_t cap = RTE_MIN(RIB_CHUNK_NODES, t->max_nodes - t->cur_nodes);

			c = rte_malloc_socket("RIB_NODES", sizeof(*c) + cap * t->node_size,
					      sizeof(uint64_t), t->socket_id);
			if (c == NULL)
				return NULL;
			c->cap = cap;
			c->next = t->chunks;
			t->chunks = c;
			t->chunk_used = 0;
		}
		n = (struct rib_node *)((uint8_t *)c->nodes +
					(size_t)t->chunk_used++ * t->node_size);
	}
	memset(n, 0, t->node_size);
	t->cur_nodes++;
	return n;
}

static void
rib_node_free(struct rib_trie *t, struct rib_node *n)
{
	n->left = t->free_nodes;
	t->free_nodes = n;
	t->cur_nodes--;
}

static inline unsigned int
rib_key_bit(const uint8_t *key, unsigned int pos)
{
	return (key[pos >> 3] >> (7 - (pos & 7))) & 1;
}

void
rib_key_mask(uint8_t *key, unsigned int key_len, uint8_t depth)
{
	unsigned int i;

	for (i = 0; i < key_len; i++) {
		if (depth >= 8 * (i + 1))
			continue;
		if (depth <= 8 * i)
			key[i] = 0;
		else
			key[i] &= (uint8_t)(0xff00 >> (depth - 8 * i));
	}
}

/* Bits key and other have in common from the top, at most limit. */
static unsigned int
rib_key_common(const uint8_t *key, const uint8_t *other, unsigned int limit)
{
	unsigned int i = 0;
	uint8_t diff;

	while (i < limit && key[i >> 3] == other[i >> 3])
		i += 8;
	if (i >= limit)
		return limit;
	diff = key[i >> 3] ^ other[i >> 3];
	while (!(diff & 0x80)) {
		diff <<= 1;
		i++;
	}
	return RTE_MIN(i, limit);
}

/* Does prefix/depth hold key? */
static inline int
rib_key_covers(const uint8_t *prefix, uint8_t depth, const uint8_t *key)
{
	return rib_key_common(prefix, key, depth) == depth;
}

static inline struct rib_node **
rib_child_link(struct rib_node *n, const uint8_t *key)
{
	return rib_key_bit(key, n->depth) ? &n->right : &n->left;
}

struct rib_node *
rib_trie_lookup(const struct rib_trie *t, const uint8_t *key)
{
	struct rib_node *cur = t->root, *best = NULL;

	while (cur != NULL && rib_key_covers(cur->key, cur->depth, key)) {
		if (cur->valid)
			best = cur;
		if (cur->depth >= 8 * t->key_len)
			break;
		cur = *rib_child_link(cur, key);
	}
	return best;
}

struct rib_node *
rib_trie_lookup_exact(const struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *cur = t->root;

	while (cur != NULL && cur->depth <= depth && rib_key_covers(cur->key, cur->depth, key)) {
		if (cur->depth == depth)
			return cur->valid ? cur : NULL;
		cur = *rib_child_link(cur, key);
	}
	return NULL;
}

struct rib_node *
rib_trie_parent(struct rib_node *n)
{
	struct rib_node *p = n->parent;

	while (p != NULL && !p->valid)
		p = p->parent;
	return p;
}

/* The topmost node whose prefix lies inside key/depth, or NULL. */
static struct rib_node *
rib_trie_subtree(const struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *cur = t->root;

	while (cur != NULL && cur->depth < depth && rib_key_covers(cur->key, cur->depth, key))
		cur = *rib_child_link(cur, key);
	if (cur != NULL && rib_key_covers(key, depth, cur->key))
		return cur;
	return NULL;
}

/* The node after n in a pre-order walk of the subtree at top (left first). */
static struct rib_node *
rib_trie_walk(const struct rib_node *n, const struct rib_node *top, int skip_children)
{
	if (!skip_children && n->left != NULL)
		return n->left;
	if (!skip_children && n->right != NULL)
		return n->right;
	while (n != top && n->parent != NULL) {
		if (n == n->parent->left && n->parent->right != NULL)
			return n->parent->right;
		n = n->parent;
	}
	return NULL;
}

struct rib_node *
rib_trie_next(const struct rib_trie *t, const uint8_t *key, uint8_t depth,
	      const struct rib_node *last, int cover_only)
{
	struct rib_node *top = rib_trie_subtree(t, key, depth);
	struct rib_node *n;

	if (top == NULL)
		return NULL;
	n = last == NULL ? top : rib_trie_walk(last, top, cover_only);
	while (n != NULL && !(n->valid && n->depth > depth))
		n = rib_trie_walk(n, top, 0);
	return n;
}

static void
rib_node_attach(struct rib_node *parent, struct rib_node *child)
{
	child->parent = parent;
	*rib_child_link(parent, child->key) = child;
}

struct rib_node *
rib_trie_insert(struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node **link = &t->root, *parent = NULL, *cur, *n, *branch;
	unsigned int common;

	for (;;) {
		cur = *link;
		if (cur == NULL)
			break;
		common = rib_key_common(cur->key, key, RTE_MIN(cur->depth, depth));
		if (common == depth && cur->depth == depth) {
			if (cur->valid) {
				rte_errno = EEXIST;
				return NULL;
			}
			/* a branch point becomes a route */
			cur->valid = 1;
			t->cur_routes++;
			return cur;
		}
		if (common < cur->depth)
			break;
		parent = cur;
		link = rib_child_link(cur, key);
	}

	n = rib_node_alloc(t);
	if (n == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	memcpy(n->key, key, t->key_len);
	n->depth = depth;
	n->valid = 1;
	if (cur == NULL) {
		/* an empty place below parent */
		n->parent = parent;
		*link = n;
	} else if (common == depth) {
		/* the new route sits above cur */
		*link = n;
		n->parent = parent;
		rib_node_attach(n, cur);
	} else {
		/* the two part at bit common: a branch point holds both */
		branch = rib_node_alloc(t);
		if (branch == NULL) {
			rib_node_free(t, n);
			rte_errno = ENOMEM;
			return NULL;
		}
		memcpy(branch->key, key, t->key_len);
		rib_key_mask(branch->key, t->key_len, (uint8_t)common);
		branch->depth = (uint8_t)common;
		*link = branch;
		branch->parent = parent;
		rib_node_attach(branch, cur);
		rib_node_attach(branch, n);
	}
	t->cur_routes++;
	return n;
}

void
rib_trie_remove(struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *cur = rib_trie_lookup_exact(t, key, depth);
	struct rib_node *child, *parent;

	if (cur == NULL)
		return;
	cur->valid = 0;
	t->cur_routes--;
	/* drop nodes that no longer route nor branch, upwards */
	while (cur != NULL && !cur->valid && (cur->left == NULL || cur->right == NULL)) {
		child = cur->left != NULL ? cur->left : cur->right;
		parent = cur->parent;
		if (child != NULL)
			child->parent = parent;
		if (parent == NULL)
			t->root = child;
		else if (parent->left == cur)
			parent->left = child;
		else
			parent->right = child;
		rib_node_free(t, cur);
		cur = parent;
	}
}

struct rib_table *
rib_table_create(enum rib_name_kind kind, const char *what, const char *name, int socket_id,
		 size_t ext_sz, int max_nodes, unsigned int key_len)
{
	struct rib_table *t;
	int ret;

	ret = rib_name_check(what, name);
	if (ret < 0)
		goto out_err;
	if (max_nodes <= 0) {
		RTE_LOG(ERR, LPM, "%s %s: max_nodes is %d; give the number of nodes to hold\n",
			what, name, max_nodes);
		ret = -EINVAL;
		goto out_err;
	}
	t = rte_zmalloc_socket("RIB", sizeof(*t), RTE_CACHE_LINE_SIZE, socket_id);
	if (t == NULL) {
		RTE_LOG(ERR, LPM, "%s %s: no memory on socket %d; give the EAL more memory\n", what,
			name, socket_id);
		ret = -ENOMEM;
		goto out_err;
	}
	rib_trie_init(&t->trie, key_len, ext_sz, (uint32_t)max_nodes, socket_id);
	ret = rib_names_add(&t->name, kind, name, t);
	if (ret < 0) {
		RTE_LOG(ERR, LPM, "a %s named %s exists; pick another name\n", what, name);
		rte_free(t);
		goto out_err;
	}
	return t;
out_err:
	rte_errno = -ret;
	return NULL;
}

void
rib_table_free(struct rib_table *t)
{
	if (t == NULL)
		return;
	rib_names_remove(&t->name);
	rib_trie_fini(&t->trie);
	rte_free(t);
}

int
rib_node_depth_get(const struct rib_node *n, uint8_t *depth)
{
	if (n == NULL || depth == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	*depth = n->depth;
	return 0;
}

int
rib_node_nh_get(const struct rib_node *n, uint64_t *nh)
{
	if (n == NULL || nh == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	*nh = n->nh;
	return 0;
}

int
rib_node_nh_set(struct rib_node *n, uint64_t nh)
{
	if (n == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	n->nh = nh;
	return 0;
}

int
rib_node_key_get(const struct rib_node *n, uint8_t *key, unsigned int key_len)
{
	if (n == NULL || key == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	memcpy(key, n->key, key_len);
	return 0;
}
