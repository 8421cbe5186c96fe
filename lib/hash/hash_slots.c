/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Free key indexes: a ring shared by all writers and, with
 * MULTI_WRITER_ADD, a cache per lcore so that concurrent writers rarely
 * touch the ring. Also the table's reader/writer lock.
 */
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_ring_elem.h>

#include "hash_private.h"

void
hash_rwlock_read_lock(struct hash_rwlock *l)
{
	int32_t v = atomic_load_explicit(&l->cnt, memory_order_relaxed);

	for (;;) {
		if (v < 0) {
			rte_pause();
			v = atomic_load_explicit(&l->cnt, memory_order_relaxed);
			continue;
		}
		/* Acquire: pairs with the release of the writer's unlock. */
		if (atomic_compare_exchange_weak_explicit(&l->cnt, &v, v + 1, memory_order_acquire,
							  memory_order_relaxed))
			return;
	}
}

void
hash_rwlock_read_unlock(struct hash_rwlock *l)
{
	/* Release: the reader's loads finish before a writer gets in. */
	atomic_fetch_sub_explicit(&l->cnt, 1, memory_order_release);
}

void
hash_rwlock_write_lock(struct hash_rwlock *l)
{
	int32_t v = 0;

	/* Acquire: pairs with the release of the last unlock (either kind). */
	while (!atomic_compare_exchange_weak_explicit(&l->cnt, &v, -1, memory_order_acquire,
						      memory_order_relaxed)) {
		v = 0;
		rte_pause();
	}
}

void
hash_rwlock_write_unlock(struct hash_rwlock *l)
{
	/* Release: publishes the writer's stores to the next holder. */
	atomic_store_explicit(&l->cnt, 0, memory_order_release);
}

uint32_t
hash_slots_total(const struct rte_hash *h)
{
	if (h->use_local_cache)
		return h->entries + (RTE_MAX_LCORE - 1) * (HASH_LCORE_CACHE_SIZE - 1);
	return h->entries;
}

/* This thread's cache, or NULL (no caches, or not an EAL lcore). */
static struct hash_lcore_cache *
hash_slot_cache(const struct rte_hash *h)
{
	unsigned int lcore = rte_lcore_id();

	if (!h->use_local_cache || lcore >= RTE_MAX_LCORE)
		return NULL;
	return &h->local_free_slots[lcore];
}

/* A free key index, or HASH_EMPTY_SLOT when there is none. */
uint32_t
hash_slot_alloc(const struct rte_hash *h)
{
	struct hash_lcore_cache *c = hash_slot_cache(h);
	uint32_t idx = HASH_EMPTY_SLOT;
	uint32_t len;

	if (c == NULL) {
		if (rte_ring_mc_dequeue_elem(h->free_slots, &idx, sizeof(idx)) != 0)
			return HASH_EMPTY_SLOT;
		return idx;
	}
	len = atomic_load_explicit(&c->len, memory_order_relaxed);
	if (len == 0) {
		len = rte_ring_mc_dequeue_burst_elem(h->free_slots, c->objs, sizeof(uint32_t),
						     HASH_LCORE_CACHE_SIZE, NULL);
		if (len == 0)
			return HASH_EMPTY_SLOT;
	}
	len--;
	idx = c->objs[len];
	atomic_store_explicit(&c->len, len, memory_order_relaxed);
	return idx;
}

void
hash_slot_free(const struct rte_hash *h, uint32_t key_idx)
{
	struct hash_lcore_cache *c = hash_slot_cache(h);
	uint32_t len;

	if (c == NULL) {
		/* Cannot fail: the ring has room for every index. */
		rte_ring_mp_enqueue_elem(h->free_slots, &key_idx, sizeof(key_idx));
		return;
	}
	len = atomic_load_explicit(&c->len, memory_order_relaxed);
	if (len == HASH_LCORE_CACHE_SIZE) {
		rte_ring_mp_enqueue_burst_elem(h->free_slots, c->objs, sizeof(uint32_t), len, NULL);
		len = 0;
	}
	c->objs[len++] = key_idx;
	atomic_store_explicit(&c->len, len, memory_order_relaxed);
}

/* Every index free again, none cached. Not safe against concurrent users. */
void
hash_slots_fill(struct rte_hash *h)
{
	uint32_t total = hash_slots_total(h);

	rte_ring_reset(h->free_slots);
	for (uint32_t i = 1; i <= total; i++)
		rte_ring_sp_enqueue_elem(h->free_slots, &i, sizeof(i));
	if (h->use_local_cache) {
		for (unsigned int i = 0; i < RTE_MAX_LCORE; i++)
			atomic_store_explicit(&h->local_free_slots[i].len, 0, memory_order_relaxed);
	}
	if (h->ext_table) {
		rte_ring_reset(h->free_ext_bkts);
		for (uint32_t i = 1; i <= h->num_buckets; i++)
			rte_ring_sp_enqueue_elem(h->free_ext_bkts, &i, sizeof(i));
	}
}

/* Key indexes not holding a key: in the ring and in every lcore cache. */
uint32_t
hash_slots_free_count(const struct rte_hash *h)
{
	uint32_t n = rte_ring_count(h->free_slots);

	if (h->use_local_cache) {
		for (unsigned int i = 0; i < RTE_MAX_LCORE; i++)
			n += atomic_load_explicit(&h->local_free_slots[i].len,
						  memory_order_relaxed);
	}
	return n;
}
