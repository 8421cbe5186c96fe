/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Readers: single and bulk lookups and iteration. With RW_CONCURRENCY a
 * reader holds the read lock; with RW_CONCURRENCY_LF it takes no lock and
 * retries when the change counter shows a cuckoo move ran meanwhile.
 */
#include <errno.h>

#include <rte_prefetch.h>

#include "hash_private.h"

/* Position of key in bucket b (and *data), or -1. */
static int32_t
hash_bucket_lookup(const struct rte_hash *h, const struct hash_bucket *b, uint16_t short_sig,
		   const void *key, void **data)
{
	for (int i = 0; i < HASH_BUCKET_ENTRIES; i++) {
		struct hash_key *k;
		uint32_t idx;

		/* Acquire: a signature stored by a cuckoo move brings the
		 * change counter bump before it (see hash_bfs_apply()). */
		if (atomic_load_explicit(&b->sig_current[i], memory_order_acquire) != short_sig)
			continue;
		/* Acquire: pairs with the writer's release of the index, so
		 * the key bytes behind it are complete. */
		idx = atomic_load_explicit(&b->key_idx[i], memory_order_acquire);
		if (idx == HASH_EMPTY_SLOT)
			continue;
		k = hash_key_at(h, idx);
		if (h->cmp_func(key, k->key, h->key_len) != 0)
			continue;
		if (data != NULL)
			*data = atomic_load_explicit(&k->pdata, memory_order_acquire);
		return (int32_t)idx - 1;
	}
	return -1;
}

static int32_t
hash_lookup_buckets(const struct rte_hash *h, const void *key, hash_sig_t sig, void **data)
{
	uint16_t short_sig = hash_short_sig(sig);
	uint32_t prim = hash_prim_bucket(h, sig);
	const struct hash_bucket *b;
	int32_t pos;

	pos = hash_bucket_lookup(h, &h->buckets[prim], short_sig, key, data);
	if (pos >= 0)
		return pos;
	/* Acquire on each link: pairs with the release that linked the bucket. */
	for (b = &h->buckets[hash_alt_bucket(h, prim, short_sig)]; b != NULL;
	     b = atomic_load_explicit(&b->next, memory_order_acquire)) {
		pos = hash_bucket_lookup(h, b, short_sig, key, data);
		if (pos >= 0)
			return pos;
	}
	return -ENOENT;
}

int32_t
hash_lookup_one(const struct rte_hash *h, const void *key, hash_sig_t sig, void **data)
{
	uint32_t before, after;
	int32_t pos;

	if (h->readers_take_lock) {
		hash_rwlock_read_lock(hash_lock_of(h));
		pos = hash_lookup_buckets(h, key, sig, data);
		hash_rwlock_read_unlock(hash_lock_of(h));
		return pos;
	}
	if (!h->readers_lock_free)
		return hash_lookup_buckets(h, key, sig, data);
	do {
		/* Acquire: pairs with the release of a bump, so the moved
		 * entry's new place is visible to the scan. */
		before = atomic_load_explicit(&h->tbl_chng_cnt, memory_order_acquire);
		pos = hash_lookup_buckets(h, key, sig, data);
		if (pos >= 0)
			return pos;
		/* A scan that saw an overwritten old place synchronized with
		 * the store that overwrote it, so this load sees the bump. */
		after = atomic_load_explicit(&h->tbl_chng_cnt, memory_order_acquire);
	} while (before != after);
	return pos;
}

__rte_export int
rte_hash_lookup_with_hash_data(const struct rte_hash *h, const void *key, hash_sig_t sig,
			       void **data)
{
	/* As in DPDK, data may be NULL: only the position is wanted then. */
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_lookup_one(h, key, sig, data);
}

__rte_export int
rte_hash_lookup_data(const struct rte_hash *h, const void *key, void **data)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_lookup_one(h, key, rte_hash_hash(h, key), data);
}

__rte_export int32_t
rte_hash_lookup_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_lookup_one(h, key, sig, NULL);
}

__rte_export int32_t
rte_hash_lookup(const struct rte_hash *h, const void *key)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_lookup_one(h, key, rte_hash_hash(h, key), NULL);
}

static bool
hash_bulk_args_ok(const struct rte_hash *h, const void **keys, uint32_t num_keys, const void *out)
{
	return h != NULL && keys != NULL && out != NULL && num_keys != 0 &&
	       num_keys <= RTE_HASH_LOOKUP_BULK_MAX;
}

/* Prefetch the key store entries bucket b's signature matches point to. */
static void
hash_bucket_keys_prefetch(const struct rte_hash *h, const struct hash_bucket *b, uint16_t short_sig)
{
	for (int i = 0; i < HASH_BUCKET_ENTRIES; i++) {
		uint32_t idx;

		/* Relaxed: a hint only; the lookup proper loads with acquire. */
		if (atomic_load_explicit(&b->sig_current[i], memory_order_relaxed) != short_sig)
			continue;
		idx = atomic_load_explicit(&b->key_idx[i], memory_order_relaxed);
		if (idx != HASH_EMPTY_SLOT)
			rte_prefetch0(hash_key_at(h, idx));
	}
}

/*
 * A batch in three passes so that the cache misses of its keys overlap
 * instead of following one another (a table of a million keys misses on
 * every bucket and every key): prefetch the keys, hash each one and
 * prefetch its two buckets;
 * prefetch the stored keys their signatures match; then look up each key,
 * now mostly from the cache.
 */
static void
hash_lookup_batch(const struct rte_hash *h, const void **keys, const hash_sig_t *sig,
		  uint32_t num_keys, int32_t *pos, void *data[])
{
	hash_sig_t s[RTE_HASH_LOOKUP_BULK_MAX];
	uint32_t i, prim, sec;

	/* the keys to hash miss too: their loads start together here
	 * rather than one a hash_func call */
	if (sig == NULL)
		for (i = 0; i < num_keys; i++)
			rte_prefetch0(keys[i]);
	for (i = 0; i < num_keys; i++) {
		s[i] = sig != NULL ? sig[i] : rte_hash_hash(h, keys[i]);
		prim = hash_prim_bucket(h, s[i]);
		rte_prefetch0(&h->buckets[prim]);
		rte_prefetch0(&h->buckets[hash_alt_bucket(h, prim, hash_short_sig(s[i]))]);
	}
	for (i = 0; i < num_keys; i++) {
		prim = hash_prim_bucket(h, s[i]);
		sec = hash_alt_bucket(h, prim, hash_short_sig(s[i]));
		hash_bucket_keys_prefetch(h, &h->buckets[prim], hash_short_sig(s[i]));
		hash_bucket_keys_prefetch(h, &h->buckets[sec], hash_short_sig(s[i]));
	}
	for (i = 0; i < num_keys; i++)
		pos[i] = hash_lookup_buckets(h, keys[i], s[i], data != NULL ? &data[i] : NULL);
}

/*
 * The bulk lookups: each key's position into positions[] (when given),
 * hits into *hit_mask and data[] (when given); the hit count. The table's
 * locking is that of hash_lookup_one(), once for the batch.
 */
static int
hash_lookup_many(const struct rte_hash *h, const void **keys, const hash_sig_t *sig,
		 uint32_t num_keys, int32_t *positions, uint64_t *hit_mask, void *data[])
{
	int32_t pos[RTE_HASH_LOOKUP_BULK_MAX];
	uint32_t before = 0;
	uint64_t hits = 0;
	int n = 0;

	if (h->readers_take_lock)
		hash_rwlock_read_lock(hash_lock_of(h));
	else if (h->readers_lock_free)
		/* Acquire: as in hash_lookup_one(). */
		before = atomic_load_explicit(&h->tbl_chng_cnt, memory_order_acquire);
	hash_lookup_batch(h, keys, sig, num_keys, pos, data);
	if (h->readers_take_lock)
		hash_rwlock_read_unlock(hash_lock_of(h));

	for (uint32_t i = 0; i < num_keys; i++) {
		/* A miss while a cuckoo move ran may have looked in the
		 * wrong place: look again, as a single lookup does. */
		if (pos[i] < 0 && h->readers_lock_free &&
		    atomic_load_explicit(&h->tbl_chng_cnt, memory_order_acquire) != before)
			pos[i] = hash_lookup_one(h, keys[i],
						 sig != NULL ? sig[i] : rte_hash_hash(h, keys[i]),
						 data != NULL ? &data[i] : NULL);
		if (positions != NULL)
			positions[i] = pos[i];
		if (pos[i] >= 0) {
			hits |= 1ULL << i;
			n++;
		}
	}
	if (hit_mask != NULL)
		*hit_mask = hits;
	return n;
}

__rte_export int
rte_hash_lookup_bulk(const struct rte_hash *h, const void **keys, uint32_t num_keys,
		     int32_t *positions)
{
	if (!hash_bulk_args_ok(h, keys, num_keys, positions))
		return -EINVAL;
	hash_lookup_many(h, keys, NULL, num_keys, positions, NULL, NULL);
	return 0;
}

__rte_export int
rte_hash_lookup_bulk_data(const struct rte_hash *h, const void **keys, uint32_t num_keys,
			  uint64_t *hit_mask, void *data[])
{
	if (!hash_bulk_args_ok(h, keys, num_keys, hit_mask) || data == NULL)
		return -EINVAL;
	return hash_lookup_many(h, keys, NULL, num_keys, NULL, hit_mask, data);
}

__rte_export int
rte_hash_lookup_with_hash_bulk(const struct rte_hash *h, const void **keys, hash_sig_t *sig,
			       uint32_t num_keys, int32_t *positions)
{
	if (!hash_bulk_args_ok(h, keys, num_keys, positions) || sig == NULL)
		return -EINVAL;
	hash_lookup_many(h, keys, sig, num_keys, positions, NULL, NULL);
	return 0;
}

__rte_export int
rte_hash_lookup_with_hash_bulk_data(const struct rte_hash *h, const void **keys, hash_sig_t *sig,
				    uint32_t num_keys, uint64_t *hit_mask, void *data[])
{
	if (!hash_bulk_args_ok(h, keys, num_keys, hit_mask) || sig == NULL || data == NULL)
		return -EINVAL;
	return hash_lookup_many(h, keys, sig, num_keys, NULL, hit_mask, data);
}

/* Entry next of the main buckets followed by the extendable ones: its key
 * index, or HASH_EMPTY_SLOT. */
static uint32_t
hash_iter_entry(const struct rte_hash *h, uint32_t next)
{
	uint32_t main_entries = h->num_buckets * HASH_BUCKET_ENTRIES;
	const struct hash_bucket *bkts = h->buckets;

	if (next >= main_entries) {
		next -= main_entries;
		bkts = h->buckets_ext;
	}
	return atomic_load_explicit(
		&bkts[next / HASH_BUCKET_ENTRIES].key_idx[next % HASH_BUCKET_ENTRIES],
		memory_order_acquire);
}

__rte_export int32_t
rte_hash_iterate(const struct rte_hash *h, const void **key, void **data, uint32_t *next)
{
	uint32_t total, idx;
	struct hash_key *k;

	if (h == NULL || key == NULL || data == NULL || next == NULL)
		return -EINVAL;
	total = h->num_buckets * HASH_BUCKET_ENTRIES * (h->ext_table ? 2 : 1);
	for (; *next < total; (*next)++) {
		idx = hash_iter_entry(h, *next);
		if (idx == HASH_EMPTY_SLOT)
			continue;
		k = hash_key_at(h, idx);
		*key = k->key;
		*data = atomic_load_explicit(&k->pdata, memory_order_acquire);
		(*next)++;
		return (int32_t)idx - 1;
	}
	return -ENOENT;
}
