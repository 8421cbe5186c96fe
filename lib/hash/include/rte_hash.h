/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cuckoo hash table with DPDK 22.11's API. A key's hash picks a primary
 * and a secondary bucket of 8 entries; each entry holds a 16-bit signature
 * and the index of the key in a separate key store. Every key added gets a
 * position, 0 .. rte_hash_max_key_id() - 1, that stays its own until it is
 * deleted, so applications keep their data in arrays indexed by it.
 *
 * Concurrency, chosen with extra_flag at creation:
 * - none: one thread uses the table at a time.
 * - MULTI_WRITER_ADD: adds and deletes from several threads (a writer lock).
 * - RW_CONCURRENCY: readers and writers at once (a reader/writer lock).
 * - RW_CONCURRENCY_LF: readers never block or take a lock; a writer that
 *   moves keys bumps a change counter and readers retry. Deleting does not
 *   free the key's position: rte_hash_free_key_with_position() does that
 *   once no reader can still hold the key, or a QSBR variable attached with
 *   rte_hash_rcu_qsbr_add() has the table free it after a grace period.
 */
#ifndef _RTE_HASH_H_
#define _RTE_HASH_H_

#include <stddef.h>
#include <stdint.h>

/* Also brings rte_ring.h, as DPDK's rte_hash.h does; apps rely on it. */
#include <rte_rcu_qsbr.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Most entries a table can have. */
#define RTE_HASH_ENTRIES_MAX (1 << 30)
/* Longest name, with its terminating NUL. */
#define RTE_HASH_NAMESIZE 32
/* Most keys in one bulk lookup. */
#define RTE_HASH_LOOKUP_BULK_MAX 64
#define RTE_HASH_LOOKUP_MULTI_MAX RTE_HASH_LOOKUP_BULK_MAX

/* Accepted for compatibility; no transactional memory is used. */
#define RTE_HASH_EXTRA_FLAGS_TRANS_MEM_SUPPORT 0x01
/* Several threads may add and delete at once. */
#define RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD 0x02
/* Readers and writers may run at once (reader/writer lock). */
#define RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY 0x04
/* Keys that fit neither bucket go to linked extra buckets: no add fails
 * with -ENOSPC while fewer than 'entries' keys are stored. */
#define RTE_HASH_EXTRA_FLAGS_EXT_TABLE 0x08
/* Delete keeps the key's position until rte_hash_free_key_with_position(). */
#define RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL 0x10
/* Lock-free readers with writers at once; implies NO_FREE_ON_DEL. */
#define RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF 0x20

/* The 32-bit hash of a key. */
typedef uint32_t hash_sig_t;

typedef uint32_t (*rte_hash_function)(const void *key, uint32_t key_len, uint32_t init_val);

/* Returns 0 when the keys are equal (as memcmp). */
typedef int (*rte_hash_cmp_eq_t)(const void *key1, const void *key2, size_t key_len);

struct rte_hash_parameters {
	const char *name;	     /* unique among hash tables */
	uint32_t entries;	     /* keys the table must hold, >= 8 */
	uint32_t reserved;	     /* unused, 0 */
	uint32_t key_len;	     /* bytes in a key, > 0 */
	rte_hash_function hash_func; /* NULL: rte_jhash */
	uint32_t hash_func_init_val; /* seed given to hash_func */
	int socket_id;		     /* NUMA socket of the memory, or SOCKET_ID_ANY */
	uint8_t extra_flag;	     /* RTE_HASH_EXTRA_FLAGS_* */
};

struct rte_hash;

/* Frees the data of a deleted key (p is the config's key_data_ptr). */
typedef void (*rte_hash_free_key_data)(void *p, void *key_data);

enum rte_hash_qsbr_mode {
	/* Deleted keys wait in a defer queue; adds reclaim them when full. */
	RTE_HASH_QSBR_MODE_DQ = 0,
	/* Delete waits for the grace period and frees at once. */
	RTE_HASH_QSBR_MODE_SYNC
};

struct rte_hash_rcu_config {
	struct rte_rcu_qsbr *v;		/* the QS variable the table's readers report to */
	enum rte_hash_qsbr_mode mode;	/* 0: RTE_HASH_QSBR_MODE_DQ */
	uint32_t dq_size;		/* DQ: queue size; 0: every key position */
	uint32_t trigger_reclaim_limit; /* DQ: reclaim at enqueue above this many waiting */
	uint32_t max_reclaim_size;	/* DQ: most freed at a time; 0: 16 */
	void *key_data_ptr;		/* first argument of free_key_data_func */
	rte_hash_free_key_data free_key_data_func; /* called as a key is freed, or NULL */
};

/*
 * Create a table. Returns NULL with rte_errno set to:
 * EINVAL (NULL params or name, entries out of [8, RTE_HASH_ENTRIES_MAX],
 * key_len 0, unknown flags, both RW_CONCURRENCY flags), ENAMETOOLONG,
 * EEXIST (a table of that name exists), ENOMEM, or a ring's error.
 */
struct rte_hash *rte_hash_create(const struct rte_hash_parameters *params);

/* Replace the key compare function (default: memcmp-like for key_len bytes). */
void rte_hash_set_cmp_func(struct rte_hash *h, rte_hash_cmp_eq_t func);

/* The table created with that name, or NULL with rte_errno ENOENT. */
struct rte_hash *rte_hash_find_existing(const char *name);

/* Free a table; NULL is ignored. */
void rte_hash_free(struct rte_hash *h);

/* Remove every key; not safe against concurrent users. */
void rte_hash_reset(struct rte_hash *h);

/* Keys stored, or -EINVAL. */
int32_t rte_hash_count(const struct rte_hash *h);

/* Positions run from 0 to this value - 1 (may exceed 'entries' with
 * MULTI_WRITER_ADD, whose per-lcore caches hold spare positions); -EINVAL. */
int32_t rte_hash_max_key_id(const struct rte_hash *h);

/*
 * Add a key, or update the data of a key already there. Return:
 * 0 / the position (the _data variants return 0 on success, the others the
 * position), -EINVAL for bad arguments, -ENOSPC when the table is full.
 */
int rte_hash_add_key_data(const struct rte_hash *h, const void *key, void *data);
int32_t rte_hash_add_key_with_hash_data(const struct rte_hash *h, const void *key, hash_sig_t sig,
					void *data);
int32_t rte_hash_add_key(const struct rte_hash *h, const void *key);
int32_t rte_hash_add_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig);

/*
 * Delete a key: its position, -ENOENT if absent, -EINVAL for bad arguments.
 * With NO_FREE_ON_DEL or RW_CONCURRENCY_LF the position stays in use until
 * rte_hash_free_key_with_position(), unless a QSBR variable is attached:
 * then the table frees it (and calls free_key_data_func) once the readers
 * have passed a quiescent state.
 */
int32_t rte_hash_del_key(const struct rte_hash *h, const void *key);
int32_t rte_hash_del_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig);

/* The key stored at position: 0, -ENOENT if none is, -EINVAL. */
int rte_hash_get_key_with_position(const struct rte_hash *h, const int32_t position, void **key);

/* Give back a deleted key's position (NO_FREE_ON_DEL, LF): 0 or -EINVAL
 * (also when a QSBR variable is attached: the table frees positions then). */
int rte_hash_free_key_with_position(const struct rte_hash *h, const int32_t position);

/*
 * Find a key. The _data variants return the position (>= 0) and set *data
 * (unless data is NULL);
 * all return -ENOENT if the key is absent and -EINVAL for bad arguments.
 */
int rte_hash_lookup_data(const struct rte_hash *h, const void *key, void **data);
int rte_hash_lookup_with_hash_data(const struct rte_hash *h, const void *key, hash_sig_t sig,
				   void **data);
int32_t rte_hash_lookup(const struct rte_hash *h, const void *key);
int32_t rte_hash_lookup_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig);

/* The hash of key with the table's function and seed. */
hash_sig_t rte_hash_hash(const struct rte_hash *h, const void *key);

/*
 * Find up to RTE_HASH_LOOKUP_BULK_MAX keys. The position variants fill
 * positions[i] (-ENOENT for a miss) and return 0; the _data variants set
 * bit i of *hit_mask and data[i] for each hit and return the hit count.
 * -EINVAL for bad arguments or num_keys 0 or above the maximum.
 */
int rte_hash_lookup_bulk_data(const struct rte_hash *h, const void **keys, uint32_t num_keys,
			      uint64_t *hit_mask, void *data[]);
int rte_hash_lookup_with_hash_bulk(const struct rte_hash *h, const void **keys, hash_sig_t *sig,
				   uint32_t num_keys, int32_t *positions);
int rte_hash_lookup_with_hash_bulk_data(const struct rte_hash *h, const void **keys,
					hash_sig_t *sig, uint32_t num_keys, uint64_t *hit_mask,
					void *data[]);
int rte_hash_lookup_bulk(const struct rte_hash *h, const void **keys, uint32_t num_keys,
			 int32_t *positions);

/*
 * Walk the table: start with *next = 0; each call returns a key's
 * position and sets *key and *data, -ENOENT after the last, -EINVAL.
 */
int32_t rte_hash_iterate(const struct rte_hash *h, const void **key, void **data, uint32_t *next);

/*
 * Attach a QSBR variable: deleted keys are freed only after every reader
 * registered on cfg->v reported a quiescent state, in the background
 * (MODE_DQ) or within the delete (MODE_SYNC). Once per table, before
 * concurrent use. 0, or 1 with rte_errno: EINVAL (h, cfg or cfg->v NULL,
 * unknown mode), EEXIST (a variable is attached), or the defer queue's error.
 */
int rte_hash_rcu_qsbr_add(struct rte_hash *h, struct rte_hash_rcu_config *cfg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HASH_H_ */
