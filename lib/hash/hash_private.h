/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Layout of a cuckoo hash table, shared by the files of lib/hash.
 *
 * Key index 0 means "empty"; a key's position is its index - 1. A bucket
 * entry is published by storing its key index with release order after the
 * key and its data are in the key store; readers load the index with
 * acquire before they touch the key.
 */
#ifndef _HASH_PRIVATE_H_
#define _HASH_PRIVATE_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_ring.h>
#include <rte_hash.h>

#define __rte_export __attribute__((visibility("default")))

#define HASH_LOG(level, ...) RTE_LOG(level, HASH, __VA_ARGS__)

#define HASH_BUCKET_ENTRIES 8
#define HASH_EMPTY_SLOT 0
/* Free key indexes one lcore keeps before it goes to the shared ring. */
#define HASH_LCORE_CACHE_SIZE 64
/* Buckets a cuckoo displacement search visits at most. */
#define HASH_BFS_QUEUE_LEN 1000

#define HASH_FLAGS_KNOWN                                                                  \
	(RTE_HASH_EXTRA_FLAGS_TRANS_MEM_SUPPORT | RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD | \
	 RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY | RTE_HASH_EXTRA_FLAGS_EXT_TABLE |           \
	 RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL | RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF)

/*
 * One bucket: 8 (signature, key index) pairs. Each field is atomic because
 * lock-free readers load them while a writer moves entries; a pair is
 * never read as a unit, the full key compare decides a match.
 */
struct hash_bucket {
	_Atomic uint32_t key_idx[HASH_BUCKET_ENTRIES];
	_Atomic uint16_t sig_current[HASH_BUCKET_ENTRIES];
	/* Next extendable bucket of this chain (main buckets start one). */
	struct hash_bucket *_Atomic next;
} __rte_cache_aligned;

/* An entry of the key store: the data pointer, then key_len key bytes. */
struct hash_key {
	void *_Atomic pdata;
	uint8_t key[];
};

struct hash_lcore_cache {
	/* Read by rte_hash_count() from any thread, written by the owner only. */
	_Atomic uint32_t len;
	uint32_t objs[HASH_LCORE_CACHE_SIZE];
} __rte_cache_aligned;

/* Spin reader/writer lock: -1 held for writing, n > 0 held by n readers. */
struct hash_rwlock {
	_Atomic int32_t cnt;
};

struct rte_hash {
	char name[RTE_HASH_NAMESIZE];
	uint32_t entries;	/* what the creator asked for */
	uint32_t num_key_slots; /* key store entries, index 0 included */
	uint32_t key_len;
	uint32_t key_entry_size; /* bytes from one key store entry to the next */
	uint32_t num_buckets;	 /* a power of 2 */
	uint32_t bucket_bitmask;
	rte_hash_function hash_func;
	uint32_t hash_func_init_val;
	rte_hash_cmp_eq_t cmp_func;
	uint8_t extra_flag;
	bool use_local_cache;	/* MULTI_WRITER_ADD: per-lcore free index caches */
	bool writer_takes_lock; /* MULTI_WRITER_ADD or either RW_CONCURRENCY */
	bool readers_take_lock; /* RW_CONCURRENCY */
	bool readers_lock_free; /* RW_CONCURRENCY_LF */
	bool no_free_on_del;
	bool ext_table;
	struct rte_ring *free_slots;	/* free key indexes, uint32_t elements */
	struct rte_ring *free_ext_bkts; /* free extendable buckets, 1-based */
	struct hash_lcore_cache *local_free_slots;
	struct hash_bucket *buckets;
	struct hash_bucket *buckets_ext;
	/* LF with EXT_TABLE: an emptied ext bucket to recycle when the key
	 * index that emptied it is freed (readers may still walk it). */
	uint32_t *ext_bkt_to_free;
	uint8_t *key_store;
	/* Bumped by every cuckoo move; lock-free readers retry when it changed. */
	_Atomic uint32_t tbl_chng_cnt;
	struct hash_rwlock lock;
	/* Attached QSBR variable (rcu.v NULL: none) and, in DQ mode, the queue
	 * of deleted keys waiting for their grace period. */
	struct rte_hash_rcu_config rcu;
	struct rte_rcu_qsbr_dq *rcu_dq;
	/* Bumped by reset: queued keys of an older generation are not freed. */
	uint32_t rcu_gen;
	LIST_ENTRY(rte_hash) next;
};

static inline struct hash_key *
hash_key_at(const struct rte_hash *h, uint32_t key_idx)
{
	return (struct hash_key *)(h->key_store + (size_t)key_idx * h->key_entry_size);
}

static inline uint16_t
hash_short_sig(hash_sig_t sig)
{
	return (uint16_t)(sig >> 16);
}

static inline uint32_t
hash_prim_bucket(const struct rte_hash *h, hash_sig_t sig)
{
	return sig & h->bucket_bitmask;
}

/* The other bucket of an entry: an involution, so no bucket is stored. */
static inline uint32_t
hash_alt_bucket(const struct rte_hash *h, uint32_t bkt, uint16_t short_sig)
{
	return (bkt ^ short_sig) & h->bucket_bitmask;
}

/* The lock of a table the API hands around as const: locking is not a
 * change of the table's contents. */
static inline struct hash_rwlock *
hash_lock_of(const struct rte_hash *h)
{
	return (struct hash_rwlock *)(uintptr_t)&h->lock;
}

void hash_rwlock_read_lock(struct hash_rwlock *l);
void hash_rwlock_read_unlock(struct hash_rwlock *l);
void hash_rwlock_write_lock(struct hash_rwlock *l);
void hash_rwlock_write_unlock(struct hash_rwlock *l);

/* Key index management (hash_slots.c). */
uint32_t hash_slot_alloc(const struct rte_hash *h);
void hash_slot_free(const struct rte_hash *h, uint32_t key_idx);
void hash_slots_fill(struct rte_hash *h);
uint32_t hash_slots_free_count(const struct rte_hash *h);
/* Key indexes in use at most: entries, plus what lcore caches can hold. */
uint32_t hash_slots_total(const struct rte_hash *h);

/* Deferred freeing of deleted keys (hash_rcu.c). Callers hold the writer lock. */
/* Free key_idx and the emptied extendable bucket ext_idx (0: none) after a grace period. */
void hash_rcu_retire(struct rte_hash *h, uint32_t key_idx, uint32_t ext_idx);
/* Free what the defer queue may free now; true if anything was. */
bool hash_rcu_reclaim(struct rte_hash *h);
/* Forget queued keys: the table is being emptied. */
void hash_rcu_reset(struct rte_hash *h);
/* Detach the variable and delete the defer queue. */
void hash_rcu_fini(struct rte_hash *h);

/* Lookup of one key with the table's locking; position or -ENOENT. */
int32_t hash_lookup_one(const struct rte_hash *h, const void *key, hash_sig_t sig, void **data);

#endif
