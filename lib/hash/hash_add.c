/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Writers: add (with cuckoo displacement and extendable buckets) and
 * delete. Every writer runs under the table's writer lock when the table
 * has concurrent users, so a writer sees a stable table.
 */
#include <errno.h>
#include <string.h>

#include <rte_ring_elem.h>

#include "hash_private.h"

static void
hash_writer_lock(const struct rte_hash *h)
{
	if (h->writer_takes_lock)
		hash_rwlock_write_lock(hash_lock_of(h));
}

static void
hash_writer_unlock(const struct rte_hash *h)
{
	if (h->writer_takes_lock)
		hash_rwlock_write_unlock(hash_lock_of(h));
}

/* Slot of key in bucket b, or -1. Writers only: relaxed loads suffice. */
static int
hash_bucket_find(const struct rte_hash *h, struct hash_bucket *b, uint16_t short_sig,
		 const void *key)
{
	for (int i = 0; i < HASH_BUCKET_ENTRIES; i++) {
		uint32_t idx = atomic_load_explicit(&b->key_idx[i], memory_order_relaxed);

		if (idx == HASH_EMPTY_SLOT ||
		    atomic_load_explicit(&b->sig_current[i], memory_order_relaxed) != short_sig)
			continue;
		if (h->cmp_func(key, hash_key_at(h, idx)->key, h->key_len) == 0)
			return i;
	}
	return -1;
}

static int
hash_bucket_empty_slot(struct hash_bucket *b)
{
	for (int i = 0; i < HASH_BUCKET_ENTRIES; i++) {
		if (atomic_load_explicit(&b->key_idx[i], memory_order_relaxed) == HASH_EMPTY_SLOT)
			return i;
	}
	return -1;
}

/*
 * Publish an entry: the signature first, then the index. Both are release
 * stores (plain moves on x86): a reader that loads either (acquire) sees
 * the key store entry behind it and, during a cuckoo move, the change
 * counter bump that preceded the store.
 */
static void
hash_entry_set(struct hash_bucket *b, int slot, uint16_t short_sig, uint32_t key_idx)
{
	atomic_store_explicit(&b->sig_current[slot], short_sig, memory_order_release);
	atomic_store_explicit(&b->key_idx[slot], key_idx, memory_order_release);
}

/* Find key in its primary bucket, then its secondary bucket's chain. */
static struct hash_bucket *
hash_find_entry(const struct rte_hash *h, hash_sig_t sig, const void *key, int *slot)
{
	uint16_t short_sig = hash_short_sig(sig);
	uint32_t prim = hash_prim_bucket(h, sig);
	struct hash_bucket *b = &h->buckets[prim];

	*slot = hash_bucket_find(h, b, short_sig, key);
	if (*slot >= 0)
		return b;
	for (b = &h->buckets[hash_alt_bucket(h, prim, short_sig)]; b != NULL;
	     b = atomic_load_explicit(&b->next, memory_order_relaxed)) {
		*slot = hash_bucket_find(h, b, short_sig, key);
		if (*slot >= 0)
			return b;
	}
	return NULL;
}

/* A step of a displacement path: the entry at slot of the parent's bucket
 * can move to bkt. */
struct hash_bfs_node {
	uint32_t bkt;
	int32_t parent;
	uint8_t slot;
};

static bool
hash_bfs_on_path(const struct hash_bfs_node *nodes, int32_t n, uint32_t bkt)
{
	for (; n >= 0; n = nodes[n].parent) {
		if (nodes[n].bkt == bkt)
			return true;
	}
	return false;
}

/*
 * Move the entries along the path ending at node n, slot slot, into the
 * empty slot dst_slot of bucket dst; returns the slot freed in the path's
 * first bucket. Each move copies the entry before the old place is
 * overwritten, and bumps the change counter between the two so that a
 * lock-free reader that may have missed the key in both places retries.
 */
static int
hash_bfs_apply(struct rte_hash *h, const struct hash_bfs_node *nodes, int32_t n, int slot,
	       uint32_t dst, int dst_slot)
{
	for (;;) {
		struct hash_bucket *from = &h->buckets[nodes[n].bkt];
		struct hash_bucket *to = &h->buckets[dst];

		hash_entry_set(to, dst_slot,
			       atomic_load_explicit(&from->sig_current[slot], memory_order_relaxed),
			       atomic_load_explicit(&from->key_idx[slot], memory_order_relaxed));
		/* Release: a reader whose first counter load sees this bump
		 * also sees the copy above. A reader that sees the old place
		 * overwritten (the release stores of the next step) sees the
		 * bump in its second counter load. */
		atomic_fetch_add_explicit(&h->tbl_chng_cnt, 1, memory_order_release);
		dst = nodes[n].bkt;
		dst_slot = slot;
		if (nodes[n].parent < 0)
			return dst_slot;
		slot = nodes[n].slot;
		n = nodes[n].parent;
	}
}

/*
 * Breadth-first search for the shortest chain of moves that empties a slot
 * of the full bucket start; each entry can only move to its other bucket.
 * Returns the emptied slot of start, or -1 when no chain of at most
 * HASH_BFS_QUEUE_LEN buckets exists.
 */
static int
hash_cuckoo_make_space(struct rte_hash *h, uint32_t start)
{
	struct hash_bfs_node nodes[HASH_BFS_QUEUE_LEN];
	int32_t head = 0, tail = 0;

	nodes[tail++] = (struct hash_bfs_node){.bkt = start, .parent = -1, .slot = 0};
	for (; head < tail; head++) {
		struct hash_bucket *b = &h->buckets[nodes[head].bkt];

		for (int i = 0; i < HASH_BUCKET_ENTRIES; i++) {
			uint16_t s = atomic_load_explicit(&b->sig_current[i], memory_order_relaxed);
			uint32_t alt = hash_alt_bucket(h, nodes[head].bkt, s);
			int e;

			if (hash_bfs_on_path(nodes, head, alt))
				continue;
			e = hash_bucket_empty_slot(&h->buckets[alt]);
			if (e >= 0)
				return hash_bfs_apply(h, nodes, head, i, alt, e);
			if (tail < HASH_BFS_QUEUE_LEN)
				nodes[tail++] = (struct hash_bfs_node){
					.bkt = alt, .parent = head, .slot = (uint8_t)i};
		}
	}
	return -1;
}

/* Put the entry into an extendable bucket chained to sec; false if none is left. */
static bool
hash_ext_insert(struct rte_hash *h, struct hash_bucket *sec, uint16_t short_sig, uint32_t key_idx)
{
	struct hash_bucket *last = sec, *b;
	uint32_t ext_idx;
	int slot;

	for (b = atomic_load_explicit(&sec->next, memory_order_relaxed); b != NULL;
	     b = atomic_load_explicit(&b->next, memory_order_relaxed)) {
		slot = hash_bucket_empty_slot(b);
		if (slot >= 0) {
			hash_entry_set(b, slot, short_sig, key_idx);
			return true;
		}
		last = b;
	}
	if (rte_ring_sc_dequeue_elem(h->free_ext_bkts, &ext_idx, sizeof(ext_idx)) != 0 &&
	    (!hash_rcu_reclaim(h) ||
	     rte_ring_sc_dequeue_elem(h->free_ext_bkts, &ext_idx, sizeof(ext_idx)) != 0))
		return false;
	b = &h->buckets_ext[ext_idx - 1];
	atomic_store_explicit(&b->next, NULL, memory_order_relaxed);
	hash_entry_set(b, 0, short_sig, key_idx);
	/* Release: a reader that follows the link sees the entry. */
	atomic_store_explicit(&last->next, b, memory_order_release);
	return true;
}

/* Place a new entry; false when the table has no room for it. */
static bool
hash_entry_insert(struct rte_hash *h, hash_sig_t sig, uint32_t key_idx)
{
	uint16_t short_sig = hash_short_sig(sig);
	uint32_t prim = hash_prim_bucket(h, sig);
	uint32_t sec = hash_alt_bucket(h, prim, short_sig);
	int slot;

	slot = hash_bucket_empty_slot(&h->buckets[prim]);
	if (slot >= 0)
		goto out_set_prim;
	slot = hash_bucket_empty_slot(&h->buckets[sec]);
	if (slot >= 0) {
		hash_entry_set(&h->buckets[sec], slot, short_sig, key_idx);
		return true;
	}
	slot = hash_cuckoo_make_space(h, prim);
	if (slot >= 0)
		goto out_set_prim;
	slot = hash_cuckoo_make_space(h, sec);
	if (slot >= 0) {
		hash_entry_set(&h->buckets[sec], slot, short_sig, key_idx);
		return true;
	}
	if (h->ext_table)
		return hash_ext_insert(h, &h->buckets[sec], short_sig, key_idx);
	return false;

out_set_prim:
	hash_entry_set(&h->buckets[prim], slot, short_sig, key_idx);
	return true;
}

static int32_t
hash_add(const struct rte_hash *hc, const void *key, hash_sig_t sig, void *data)
{
	/* The API takes a const table, as DPDK's does; adding changes it. */
	struct rte_hash *h = (struct rte_hash *)(uintptr_t)hc;
	struct hash_bucket *b;
	struct hash_key *k;
	uint32_t key_idx;
	int32_t ret;
	int slot;

	hash_writer_lock(h);
	b = hash_find_entry(h, sig, key, &slot);
	if (b != NULL) {
		key_idx = atomic_load_explicit(&b->key_idx[slot], memory_order_relaxed);
		/* Release: pairs with the reader's acquire load of the data. */
		atomic_store_explicit(&hash_key_at(h, key_idx)->pdata, data, memory_order_release);
		ret = (int32_t)key_idx - 1;
		goto out_unlock;
	}
	key_idx = hash_slot_alloc(h);
	/* Deleted keys whose grace period is over give their positions back. */
	if (key_idx == HASH_EMPTY_SLOT && hash_rcu_reclaim(h))
		key_idx = hash_slot_alloc(h);
	if (key_idx == HASH_EMPTY_SLOT) {
		ret = -ENOSPC;
		goto out_unlock;
	}
	k = hash_key_at(h, key_idx);
	memcpy(k->key, key, h->key_len);
	atomic_store_explicit(&k->pdata, data, memory_order_relaxed);
	if (!hash_entry_insert(h, sig, key_idx)) {
		hash_slot_free(h, key_idx);
		ret = -ENOSPC;
		goto out_unlock;
	}
	ret = (int32_t)key_idx - 1;
out_unlock:
	hash_writer_unlock(h);
	return ret;
}

/* Unlink extendable bucket b from the chain of main bucket head if b is
 * empty now; returns its 1-based index then, else 0. */
static uint32_t
hash_ext_unlink(struct rte_hash *h, struct hash_bucket *head, struct hash_bucket *b)
{
	struct hash_bucket *prev = head;

	for (int i = 0; i < HASH_BUCKET_ENTRIES; i++) {
		if (atomic_load_explicit(&b->key_idx[i], memory_order_relaxed) != HASH_EMPTY_SLOT)
			return 0;
	}
	while (atomic_load_explicit(&prev->next, memory_order_relaxed) != b)
		prev = atomic_load_explicit(&prev->next, memory_order_relaxed);
	/* b->next stays as it is: a reader standing on b still reaches the rest. */
	atomic_store_explicit(&prev->next, atomic_load_explicit(&b->next, memory_order_relaxed),
			      memory_order_release);
	return (uint32_t)(b - h->buckets_ext) + 1;
}

/* Give back what a delete freed: the key's position (unless it is kept for
 * rte_hash_free_key_with_position) and an unlinked extendable bucket, now
 * or, with lock-free readers, when the position is freed. */
static void
hash_del_release(struct rte_hash *h, uint32_t key_idx, uint32_t ext_idx)
{
	if (h->rcu.v != NULL) {
		hash_rcu_retire(h, key_idx, ext_idx);
		return;
	}
	if (ext_idx != 0) {
		if (h->ext_bkt_to_free != NULL)
			h->ext_bkt_to_free[key_idx] = ext_idx;
		else
			rte_ring_sp_enqueue_elem(h->free_ext_bkts, &ext_idx, sizeof(ext_idx));
	}
	if (!h->no_free_on_del)
		hash_slot_free(h, key_idx);
}

static int32_t
hash_del(const struct rte_hash *hc, const void *key, hash_sig_t sig)
{
	struct rte_hash *h = (struct rte_hash *)(uintptr_t)hc;
	struct hash_bucket *b;
	uint32_t key_idx, ext_idx = 0;
	int slot;

	hash_writer_lock(h);
	b = hash_find_entry(h, sig, key, &slot);
	if (b == NULL) {
		hash_writer_unlock(h);
		return -ENOENT;
	}
	key_idx = atomic_load_explicit(&b->key_idx[slot], memory_order_relaxed);
	atomic_store_explicit(&b->key_idx[slot], HASH_EMPTY_SLOT, memory_order_release);
	atomic_store_explicit(&b->sig_current[slot], 0, memory_order_relaxed);
	if (h->ext_table && b >= h->buckets_ext && b < h->buckets_ext + h->num_buckets) {
		uint32_t sec = hash_alt_bucket(h, hash_prim_bucket(h, sig), hash_short_sig(sig));

		ext_idx = hash_ext_unlink(h, &h->buckets[sec], b);
	}
	hash_del_release(h, key_idx, ext_idx);
	hash_writer_unlock(h);
	return (int32_t)key_idx - 1;
}

__rte_export int32_t
rte_hash_add_key_with_hash_data(const struct rte_hash *h, const void *key, hash_sig_t sig,
				void *data)
{
	int32_t ret;

	if (h == NULL || key == NULL)
		return -EINVAL;
	ret = hash_add(h, key, sig, data);
	return ret >= 0 ? 0 : ret;
}

__rte_export int
rte_hash_add_key_data(const struct rte_hash *h, const void *key, void *data)
{
	int32_t ret;

	if (h == NULL || key == NULL)
		return -EINVAL;
	ret = hash_add(h, key, rte_hash_hash(h, key), data);
	return ret >= 0 ? 0 : ret;
}

__rte_export int32_t
rte_hash_add_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_add(h, key, sig, NULL);
}

__rte_export int32_t
rte_hash_add_key(const struct rte_hash *h, const void *key)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_add(h, key, rte_hash_hash(h, key), NULL);
}

__rte_export int32_t
rte_hash_del_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_del(h, key, sig);
}

__rte_export int32_t
rte_hash_del_key(const struct rte_hash *h, const void *key)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return hash_del(h, key, rte_hash_hash(h, key));
}
