/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Four-byte-key hash tables: creation, lookup by name and free. Adds,
 * deletes and lookups are inline in rte_fbk_hash.h.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_fbk_hash.h>

#define __rte_export __attribute__((visibility("default")))

#define FBK_LOG(level, ...) RTE_LOG(level, HASH, __VA_ARGS__)

/* The table layout is DPDK's public struct, with no room for a link: the
 * list of tables keeps its own nodes. */
struct fbk_node {
	LIST_ENTRY(fbk_node) next;
	struct rte_fbk_hash_table *ht;
};

static LIST_HEAD(, fbk_node) fbk_list = LIST_HEAD_INITIALIZER(fbk_list);
static pthread_mutex_t fbk_list_lock = PTHREAD_MUTEX_INITIALIZER;

static struct fbk_node *
fbk_list_find(const char *name)
{
	struct fbk_node *n;

	LIST_FOREACH(n, &fbk_list, next)
	{
		if (strncmp(name, n->ht->name, RTE_FBK_HASH_NAMESIZE) == 0)
			return n;
	}
	return NULL;
}

static int
fbk_params_check(const struct rte_fbk_hash_params *p)
{
	if (p == NULL || p->name == NULL) {
		FBK_LOG(ERR, "rte_fbk_hash_create: params or name is NULL; pass a named struct "
			     "rte_fbk_hash_params\n");
		return EINVAL;
	}
	if (strnlen(p->name, RTE_FBK_HASH_NAMESIZE) == RTE_FBK_HASH_NAMESIZE) {
		FBK_LOG(ERR,
			"rte_fbk_hash_create: name '%.*s...' is too long; use at most %d "
			"characters\n",
			RTE_FBK_HASH_NAMESIZE - 1, p->name, RTE_FBK_HASH_NAMESIZE - 1);
		return ENAMETOOLONG;
	}
	if (!rte_is_power_of_2(p->entries) || !rte_is_power_of_2(p->entries_per_bucket) ||
	    p->entries > RTE_FBK_HASH_ENTRIES_MAX ||
	    p->entries_per_bucket > RTE_FBK_HASH_ENTRIES_PER_BUCKET_MAX ||
	    p->entries_per_bucket > p->entries) {
		FBK_LOG(ERR,
			"rte_fbk_hash_create %s: %u entries, %u per bucket; both must be powers of "
			"2, entries <= %d, per bucket <= %d and <= entries\n",
			p->name, p->entries, p->entries_per_bucket, RTE_FBK_HASH_ENTRIES_MAX,
			RTE_FBK_HASH_ENTRIES_PER_BUCKET_MAX);
		return EINVAL;
	}
	return 0;
}

static uint32_t
fbk_hash_crc(uint32_t key, uint32_t init_val)
{
	return rte_hash_crc_4byte(key, init_val);
}

__rte_export struct rte_fbk_hash_table *
rte_fbk_hash_create(const struct rte_fbk_hash_params *params)
{
	struct rte_fbk_hash_table *ht;
	struct fbk_node *node;
	int err;

	err = fbk_params_check(params);
	if (err != 0)
		goto out_errno;
	pthread_mutex_lock(&fbk_list_lock);
	if (fbk_list_find(params->name) != NULL) {
		FBK_LOG(ERR,
			"rte_fbk_hash_create: a table named '%s' exists; free it or pick another "
			"name\n",
			params->name);
		err = EEXIST;
		goto out_unlock;
	}
	node = malloc(sizeof(*node));
	if (node == NULL) {
		err = ENOMEM;
		goto out_unlock;
	}
	ht = rte_zmalloc_socket("fbk_hash", sizeof(*ht) + sizeof(ht->t[0]) * params->entries,
				RTE_CACHE_LINE_SIZE, params->socket_id);
	if (ht == NULL) {
		FBK_LOG(ERR,
			"rte_fbk_hash_create %s: out of memory for %u entries; reserve more memory "
			"(-m) or make the table smaller\n",
			params->name, params->entries);
		err = ENOMEM;
		goto out_node;
	}
	strlcpy(ht->name, params->name, sizeof(ht->name));
	ht->entries = params->entries;
	ht->entries_per_bucket = params->entries_per_bucket;
	ht->bucket_mask = params->entries / params->entries_per_bucket - 1;
	ht->bucket_shift = (uint32_t)__builtin_ctz(params->entries_per_bucket);
	if (params->hash_func != NULL) {
		ht->hash_func = params->hash_func;
		ht->init_val = params->init_val;
	} else {
		ht->hash_func = fbk_hash_crc;
		ht->init_val = RTE_FBK_HASH_INIT_VAL_DEFAULT;
	}
	node->ht = ht;
	LIST_INSERT_HEAD(&fbk_list, node, next);
	pthread_mutex_unlock(&fbk_list_lock);
	return ht;

out_node:
	free(node);
out_unlock:
	pthread_mutex_unlock(&fbk_list_lock);
out_errno:
	rte_errno = err;
	return NULL;
}

__rte_export struct rte_fbk_hash_table *
rte_fbk_hash_find_existing(const char *name)
{
	struct fbk_node *n;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&fbk_list_lock);
	n = fbk_list_find(name);
	pthread_mutex_unlock(&fbk_list_lock);
	if (n == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return n->ht;
}

__rte_export void
rte_fbk_hash_free(struct rte_fbk_hash_table *ht)
{
	struct fbk_node *n;

	if (ht == NULL)
		return;
	pthread_mutex_lock(&fbk_list_lock);
	LIST_FOREACH(n, &fbk_list, next)
	{
		if (n->ht == ht)
			break;
	}
	if (n != NULL) {
		LIST_REMOVE(n, next);
		free(n);
	}
	pthread_mutex_unlock(&fbk_list_lock);
	rte_free(ht);
}
