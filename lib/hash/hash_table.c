/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hash table life cycle: parameter checks, allocation of buckets, key
 * store and free-index rings, the list of tables for lookup by name,
 * reset and the small accessors.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_jhash.h>
#include <rte_malloc.h>
#include <rte_ring_elem.h>
#include <rte_string_fns.h>

#include "hash_private.h"

/* Tables made by rte_hash_create(), for rte_hash_find_existing(). */
static LIST_HEAD(, rte_hash) hash_list = LIST_HEAD_INITIALIZER(hash_list);
static pthread_mutex_t hash_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* Equality of keys of common sizes: memcmp with a constant length compiles
 * to a few loads and compares. */
#define HASH_CMP_FIXED(n)                                                 \
	static int hash_cmp_##n(const void *a, const void *b, size_t len) \
	{                                                                 \
		RTE_SET_USED(len);                                        \
		return memcmp(a, b, n) != 0;                              \
	}
HASH_CMP_FIXED(4)
HASH_CMP_FIXED(8)
HASH_CMP_FIXED(12)
HASH_CMP_FIXED(16)
HASH_CMP_FIXED(32)
HASH_CMP_FIXED(64)

static int
hash_cmp_any(const void *a, const void *b, size_t len)
{
	return memcmp(a, b, len) != 0;
}

static rte_hash_cmp_eq_t
hash_cmp_for_len(uint32_t key_len)
{
	switch (key_len) {
	case 4:
		return hash_cmp_4;
	case 8:
		return hash_cmp_8;
	case 12:
		return hash_cmp_12;
	case 16:
		return hash_cmp_16;
	case 32:
		return hash_cmp_32;
	case 64:
		return hash_cmp_64;
	default:
		return hash_cmp_any;
	}
}

static int
hash_params_check(const struct rte_hash_parameters *p)
{
	if (p == NULL) {
		HASH_LOG(ERR, "rte_hash_create: params is NULL; pass a filled struct "
			      "rte_hash_parameters\n");
		return EINVAL;
	}
	if (p->name == NULL) {
		HASH_LOG(ERR, "rte_hash_create: name is NULL; every table needs a unique name\n");
		return EINVAL;
	}
	if (strnlen(p->name, RTE_HASH_NAMESIZE) == RTE_HASH_NAMESIZE) {
		HASH_LOG(ERR,
			 "rte_hash_create: name '%.*s...' is too long; use at most %d characters\n",
			 RTE_HASH_NAMESIZE - 1, p->name, RTE_HASH_NAMESIZE - 1);
		return ENAMETOOLONG;
	}
	if (p->entries < HASH_BUCKET_ENTRIES || p->entries > RTE_HASH_ENTRIES_MAX) {
		HASH_LOG(ERR, "rte_hash_create %s: %u entries; use %d to %d\n", p->name, p->entries,
			 HASH_BUCKET_ENTRIES, RTE_HASH_ENTRIES_MAX);
		return EINVAL;
	}
	if (p->key_len == 0) {
		HASH_LOG(ERR, "rte_hash_create %s: key_len is 0; give the key size in bytes\n",
			 p->name);
		return EINVAL;
	}
	if (p->extra_flag & ~HASH_FLAGS_KNOWN) {
		HASH_LOG(ERR,
			 "rte_hash_create %s: unknown extra_flag bits %#x; use "
			 "RTE_HASH_EXTRA_FLAGS_*\n",
			 p->name, (unsigned int)(p->extra_flag & ~HASH_FLAGS_KNOWN));
		return EINVAL;
	}
	if ((p->extra_flag & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY) &&
	    (p->extra_flag & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF)) {
		HASH_LOG(ERR,
			 "rte_hash_create %s: RW_CONCURRENCY and RW_CONCURRENCY_LF exclude each "
			 "other; pick one\n",
			 p->name);
		return EINVAL;
	}
	return 0;
}

static void
hash_mode_set(struct rte_hash *h, uint8_t flags)
{
	h->extra_flag = flags;
	h->use_local_cache = flags & RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD;
	h->readers_take_lock = flags & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY;
	h->readers_lock_free = flags & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF;
	h->writer_takes_lock = h->use_local_cache || h->readers_take_lock || h->readers_lock_free;
	h->ext_table = flags & RTE_HASH_EXTRA_FLAGS_EXT_TABLE;
	/* A lock-free reader may still hold a deleted key: keep its index. */
	h->no_free_on_del = (flags & RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL) || h->readers_lock_free;
}

/* A ring of uint32_t in memory of its own: no name to collide with. */
static struct rte_ring *
hash_ring_make(const char *what, uint32_t count, int socket_id)
{
	ssize_t sz = rte_ring_get_memsize_elem(sizeof(uint32_t), count);
	struct rte_ring *r;

	if (sz < 0)
		return NULL;
	r = rte_zmalloc_socket("hash_ring", (size_t)sz, RTE_CACHE_LINE_SIZE, socket_id);
	if (r == NULL)
		return NULL;
	if (rte_ring_init(r, what, count, 0) != 0) {
		rte_free(r);
		return NULL;
	}
	return r;
}

static void
hash_mem_free(struct rte_hash *h)
{
	rte_free(h->free_slots);
	rte_free(h->free_ext_bkts);
	rte_free(h->local_free_slots);
	rte_free(h->buckets);
	rte_free(h->buckets_ext);
	rte_free(h->ext_bkt_to_free);
	rte_free(h->key_store);
	rte_free(h);
}

static int
hash_mem_alloc(struct rte_hash *h, int socket)
{
	size_t bkt_bytes = (size_t)h->num_buckets * sizeof(struct hash_bucket);

	h->free_slots = hash_ring_make("hash_slots", rte_align32pow2(h->num_key_slots), socket);
	h->buckets = rte_zmalloc_socket("hash_bkt", bkt_bytes, RTE_CACHE_LINE_SIZE, socket);
	h->key_store = rte_zmalloc_socket("hash_keys", (size_t)h->key_entry_size * h->num_key_slots,
					  RTE_CACHE_LINE_SIZE, socket);
	if (h->free_slots == NULL || h->buckets == NULL || h->key_store == NULL)
		return -ENOMEM;
	if (h->use_local_cache) {
		h->local_free_slots = rte_zmalloc_socket(
			"hash_cache", sizeof(struct hash_lcore_cache) * RTE_MAX_LCORE,
			RTE_CACHE_LINE_SIZE, socket);
		if (h->local_free_slots == NULL)
			return -ENOMEM;
	}
	if (h->ext_table) {
		h->free_ext_bkts =
			hash_ring_make("hash_ext", rte_align32pow2(h->num_buckets + 1), socket);
		h->buckets_ext =
			rte_zmalloc_socket("hash_ext_bkt", bkt_bytes, RTE_CACHE_LINE_SIZE, socket);
		if (h->free_ext_bkts == NULL || h->buckets_ext == NULL)
			return -ENOMEM;
		if (h->readers_lock_free) {
			h->ext_bkt_to_free = rte_zmalloc_socket(
				"hash_ext_free", sizeof(uint32_t) * h->num_key_slots, 0, socket);
			if (h->ext_bkt_to_free == NULL)
				return -ENOMEM;
		}
	}
	return 0;
}

static struct rte_hash *
hash_list_find(const char *name)
{
	struct rte_hash *h;

	LIST_FOREACH(h, &hash_list, next)
	{
		if (strncmp(name, h->name, RTE_HASH_NAMESIZE) == 0)
			return h;
	}
	return NULL;
}

__rte_export struct rte_hash *
rte_hash_create(const struct rte_hash_parameters *params)
{
	struct rte_hash *h;
	int err;

	err = hash_params_check(params);
	if (err != 0)
		goto out_errno;

	pthread_mutex_lock(&hash_list_lock);
	if (hash_list_find(params->name) != NULL) {
		HASH_LOG(ERR,
			 "rte_hash_create: a table named '%s' exists; free it or pick another "
			 "name\n",
			 params->name);
		err = EEXIST;
		goto out_unlock;
	}
	h = rte_zmalloc_socket("rte_hash", sizeof(*h), RTE_CACHE_LINE_SIZE, params->socket_id);
	if (h == NULL) {
		err = ENOMEM;
		goto out_nomem;
	}
	strlcpy(h->name, params->name, sizeof(h->name));
	hash_mode_set(h, params->extra_flag);
	h->entries = params->entries;
	h->key_len = params->key_len;
	h->key_entry_size = RTE_ALIGN(sizeof(struct hash_key) + params->key_len, 16);
	/* Index 0 is the empty marker, so one more than the indexes handed out. */
	h->num_key_slots = hash_slots_total(h) + 1;
	h->num_buckets = rte_align32pow2(params->entries) / HASH_BUCKET_ENTRIES;
	h->bucket_bitmask = h->num_buckets - 1;
	h->hash_func = params->hash_func != NULL ? params->hash_func : (rte_hash_function)rte_jhash;
	h->hash_func_init_val = params->hash_func_init_val;
	h->cmp_func = hash_cmp_for_len(params->key_len);
	if (hash_mem_alloc(h, params->socket_id) != 0) {
		hash_mem_free(h);
		err = ENOMEM;
		goto out_nomem;
	}
	hash_slots_fill(h);
	LIST_INSERT_HEAD(&hash_list, h, next);
	pthread_mutex_unlock(&hash_list_lock);
	return h;

out_nomem:
	HASH_LOG(ERR,
		 "rte_hash_create %s: out of memory for %u entries of %u-byte keys; reserve more "
		 "memory (-m) or make the table smaller\n",
		 params->name, params->entries, params->key_len);
out_unlock:
	pthread_mutex_unlock(&hash_list_lock);
out_errno:
	rte_errno = err;
	return NULL;
}

__rte_export struct rte_hash *
rte_hash_find_existing(const char *name)
{
	struct rte_hash *h;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&hash_list_lock);
	h = hash_list_find(name);
	pthread_mutex_unlock(&hash_list_lock);
	if (h == NULL)
		rte_errno = ENOENT;
	return h;
}

__rte_export void
rte_hash_free(struct rte_hash *h)
{
	if (h == NULL)
		return;
	pthread_mutex_lock(&hash_list_lock);
	LIST_REMOVE(h, next);
	pthread_mutex_unlock(&hash_list_lock);
	hash_rcu_fini(h);
	hash_mem_free(h);
}

__rte_export void
rte_hash_reset(struct rte_hash *h)
{
	if (h == NULL)
		return;
	if (h->writer_takes_lock)
		hash_rwlock_write_lock(hash_lock_of(h));
	hash_rcu_reset(h);
	memset(h->buckets, 0, (size_t)h->num_buckets * sizeof(struct hash_bucket));
	memset(h->key_store, 0, (size_t)h->key_entry_size * h->num_key_slots);
	if (h->ext_table) {
		memset(h->buckets_ext, 0, (size_t)h->num_buckets * sizeof(struct hash_bucket));
		if (h->ext_bkt_to_free != NULL)
			memset(h->ext_bkt_to_free, 0, sizeof(uint32_t) * h->num_key_slots);
	}
	atomic_store_explicit(&h->tbl_chng_cnt, 0, memory_order_relaxed);
	hash_slots_fill(h);
	if (h->writer_takes_lock)
		hash_rwlock_write_unlock(hash_lock_of(h));
}

__rte_export void
rte_hash_set_cmp_func(struct rte_hash *h, rte_hash_cmp_eq_t func)
{
	if (h == NULL)
		return;
	h->cmp_func = func != NULL ? func : hash_cmp_for_len(h->key_len);
}

__rte_export int32_t
rte_hash_count(const struct rte_hash *h)
{
	if (h == NULL)
		return -EINVAL;
	return (int32_t)(hash_slots_total(h) - hash_slots_free_count(h));
}

__rte_export int32_t
rte_hash_max_key_id(const struct rte_hash *h)
{
	if (h == NULL)
		return -EINVAL;
	return (int32_t)hash_slots_total(h);
}

__rte_export hash_sig_t
rte_hash_hash(const struct rte_hash *h, const void *key)
{
	return h->hash_func(key, h->key_len, h->hash_func_init_val);
}

__rte_export int
rte_hash_get_key_with_position(const struct rte_hash *h, const int32_t position, void **key)
{
	struct hash_key *k;

	if (h == NULL || key == NULL || position < 0 || (uint32_t)position >= h->num_key_slots - 1)
		return -EINVAL;
	k = hash_key_at(h, (uint32_t)position + 1);
	*key = k->key;
	/* The index holds this key only if looking the key up lands on it. */
	if (hash_lookup_one(h, k->key, rte_hash_hash(h, k->key), NULL) != position)
		return -ENOENT;
	return 0;
}

__rte_export int
rte_hash_free_key_with_position(const struct rte_hash *h, const int32_t position)
{
	uint32_t key_idx;

	if (h == NULL || position < 0 || (uint32_t)position >= h->num_key_slots - 1)
		return -EINVAL;
	if (h->rcu.v != NULL) {
		/* The position would be freed twice: by this call and by the grace period. */
		HASH_LOG(ERR,
			 "rte_hash_free_key_with_position %s: a QSBR variable is attached, the "
			 "table frees deleted keys itself; do not call this\n",
			 h->name);
		return -EINVAL;
	}
	key_idx = (uint32_t)position + 1;
	if (h->ext_bkt_to_free != NULL) {
		/* The writer lock orders this with the delete that recorded it. */
		hash_rwlock_write_lock(hash_lock_of(h));
		if (h->ext_bkt_to_free[key_idx] != 0) {
			rte_ring_mp_enqueue_elem(h->free_ext_bkts, &h->ext_bkt_to_free[key_idx],
						 sizeof(uint32_t));
			h->ext_bkt_to_free[key_idx] = 0;
		}
		hash_rwlock_write_unlock(hash_lock_of(h));
	}
	hash_slot_free(h, key_idx);
	return 0;
}
