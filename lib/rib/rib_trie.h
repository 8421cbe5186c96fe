/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The trie behind rte_rib and rte_rib6: a path-compressed binary trie of
 * prefixes. Keys are bytes in network order (4 for IPv4, 16 for IPv6), so
 * one implementation serves both. A node is a route (valid) or a branch
 * point with two children that no route sits on. A node's children split
 * on the bit just past its depth: 0 goes left, 1 right.
 */
#ifndef _RIB_TRIE_H_
#define _RIB_TRIE_H_

#include <stddef.h>
#include <stdint.h>
#include <sys/queue.h>

#include "eal_private.h" /* __rte_export */

#define RIB_KEY_MAX 16
#define RIB_NAMESIZE 64

struct rib_node {
	struct rib_node *left;
	struct rib_node *right;
	struct rib_node *parent;
	uint64_t nh;
	uint8_t key[RIB_KEY_MAX];
	uint8_t depth;
	uint8_t valid;
	/* the user's extension (ext_sz bytes), 8-byte aligned */
	uint64_t ext[];
};

struct rib_chunk;

struct rib_trie {
	struct rib_node *root;
	unsigned int key_len;
	size_t node_size;
	uint32_t max_nodes;
	uint32_t cur_nodes;
	uint32_t cur_routes;
	int socket_id;
	struct rib_node *free_nodes; /* linked through left */
	struct rib_chunk *chunks;
	uint32_t chunk_used; /* nodes handed out of the newest chunk */
};

/* Kinds of named objects: names are unique within a kind. */
enum rib_name_kind {
	RIB_NAME_RIB,
	RIB_NAME_RIB6,
	RIB_NAME_FIB,
	RIB_NAME_FIB6,
};

struct rib_name {
	TAILQ_ENTRY(rib_name) next;
	enum rib_name_kind kind;
	void *obj;
	char name[RIB_NAMESIZE];
};

/* Check a name for create (NULL, empty, too long): -EINVAL with a log line. */
int rib_name_check(const char *what, const char *name);
/* List n under name; -EEXIST when an object of that kind has it. */
int rib_names_add(struct rib_name *n, enum rib_name_kind kind, const char *name, void *obj);
void rib_names_remove(struct rib_name *n);
/* The object of that kind and name, or NULL with rte_errno ENOENT. */
void *rib_names_find(enum rib_name_kind kind, const char *name);

/* What rte_rib and rte_rib6 are: a trie with a name. */
struct rib_table {
	struct rib_trie trie;
	struct rib_name name;
};

/* Create a table of kind (what names it in log lines); NULL with rte_errno. */
struct rib_table *rib_table_create(enum rib_name_kind kind, const char *what, const char *name,
				   int socket_id, size_t ext_sz, int max_nodes,
				   unsigned int key_len);
void rib_table_free(struct rib_table *t);

/* The node getters both APIs share: -1 with rte_errno EINVAL on a NULL argument. */
int rib_node_depth_get(const struct rib_node *n, uint8_t *depth);
int rib_node_nh_get(const struct rib_node *n, uint64_t *nh);
int rib_node_nh_set(struct rib_node *n, uint64_t nh);
int rib_node_key_get(const struct rib_node *n, uint8_t *key, unsigned int key_len);

void rib_trie_init(struct rib_trie *t, unsigned int key_len, size_t ext_sz, uint32_t max_nodes,
		   int socket_id);
void rib_trie_fini(struct rib_trie *t);

/* Clear the bits of key beyond depth. */
void rib_key_mask(uint8_t *key, unsigned int key_len, uint8_t depth);

/* The longest route covering key, or NULL. */
struct rib_node *rib_trie_lookup(const struct rib_trie *t, const uint8_t *key);
/* The route key/depth (key masked), or NULL. */
struct rib_node *rib_trie_lookup_exact(const struct rib_trie *t, const uint8_t *key, uint8_t depth);
/* The closest route above n, or NULL. */
struct rib_node *rib_trie_parent(struct rib_node *n);
/*
 * Routes inside key/depth (deeper than depth), in address order: the first
 * when last is NULL, else the one after last. With cover_only, routes inside
 * another returned route are skipped.
 */
struct rib_node *rib_trie_next(const struct rib_trie *t, const uint8_t *key, uint8_t depth,
			       const struct rib_node *last, int cover_only);
/* Insert key/depth (key masked); NULL with rte_errno EEXIST or ENOMEM. */
struct rib_node *rib_trie_insert(struct rib_trie *t, const uint8_t *key, uint8_t depth);
void rib_trie_remove(struct rib_trie *t, const uint8_t *key, uint8_t depth);

#endif /* _RIB_TRIE_H_ */
