/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Four-byte-key hash: 32-bit keys map to 16-bit values in a flat table of
 * fixed-size buckets. There is no displacement: a key whose bucket is full
 * is not added even when other buckets have room. Lookups are inline.
 * Not thread safe for writers; a lookup reads each entry with one 64-bit
 * load, so it never sees half an entry.
 */
#ifndef _RTE_FBK_HASH_H_
#define _RTE_FBK_HASH_H_

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_hash_crc.h>
#include <rte_jhash.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_FBK_HASH_INIT_VAL_DEFAULT
#define RTE_FBK_HASH_INIT_VAL_DEFAULT 0xFFFFFFFF
#endif
#define RTE_FBK_HASH_ENTRIES_MAX (1 << 20)
#define RTE_FBK_HASH_ENTRIES_PER_BUCKET_MAX 256
#define RTE_FBK_HASH_NAMESIZE 32

typedef uint32_t (*rte_fbk_hash_fn)(uint32_t key, uint32_t init_val);

struct rte_fbk_hash_params {
	const char *name;	     /* unique among fbk tables */
	uint32_t entries;	     /* a power of 2, at most RTE_FBK_HASH_ENTRIES_MAX */
	uint32_t entries_per_bucket; /* a power of 2, at most 256 and entries */
	int socket_id;		     /* NUMA socket of the memory */
	rte_fbk_hash_fn hash_func;   /* NULL: CRC32-C of the key */
	uint32_t init_val;	     /* seed of hash_func (ignored when it is NULL) */
};

/* One entry as one 64-bit word: the key in the high half, the value and an
 * in-use flag in the low half (little-endian layout as in DPDK). */
union rte_fbk_hash_entry {
	uint64_t whole_entry;
	struct {
		uint16_t is_entry;
		uint16_t value;
		uint32_t key;
	} entry;
};

struct rte_fbk_hash_table {
	char name[RTE_FBK_HASH_NAMESIZE];
	uint32_t entries;
	uint32_t entries_per_bucket;
	uint32_t used_entries;
	uint32_t bucket_mask;  /* buckets - 1 */
	uint32_t bucket_shift; /* log2(entries_per_bucket): bucket to first entry */
	rte_fbk_hash_fn hash_func;
	uint32_t init_val;
	union rte_fbk_hash_entry t[];
};

/* Index of the first entry of key's bucket. */
static inline uint32_t
rte_fbk_hash_get_bucket(const struct rte_fbk_hash_table *ht, uint32_t key)
{
	return (ht->hash_func(key, ht->init_val) & ht->bucket_mask) << ht->bucket_shift;
}

/* Add key -> value in the given bucket, or update the value of key:
 * 0, or -ENOSPC when the bucket is full. */
static inline int
rte_fbk_hash_add_key_with_bucket(struct rte_fbk_hash_table *ht, uint32_t key, uint16_t value,
				 uint32_t bucket)
{
	const uint64_t fresh = (uint64_t)key << 32 | (uint64_t)value << 16 | 1;

	for (uint32_t i = 0; i < ht->entries_per_bucket; i++) {
		union rte_fbk_hash_entry *e = &ht->t[bucket + i];

		if (!e->entry.is_entry) {
			/* One store: a concurrent lookup sees all or nothing. */
			e->whole_entry = fresh;
			ht->used_entries++;
			return 0;
		}
		if (e->entry.key == key) {
			e->entry.value = value;
			return 0;
		}
	}
	return -ENOSPC;
}

static inline int
rte_fbk_hash_add_key(struct rte_fbk_hash_table *ht, uint32_t key, uint16_t value)
{
	return rte_fbk_hash_add_key_with_bucket(ht, key, value, rte_fbk_hash_get_bucket(ht, key));
}

/* Remove key from the given bucket: 0, or -ENOENT. Entries stay packed at
 * the front of a bucket (lookups stop at the first empty one), so the last
 * entry of the bucket fills the hole. */
static inline int
rte_fbk_hash_delete_key_with_bucket(struct rte_fbk_hash_table *ht, uint32_t key, uint32_t bucket)
{
	union rte_fbk_hash_entry *b = &ht->t[bucket];
	uint32_t n = ht->entries_per_bucket;
	uint32_t i, last;

	for (i = 0; i < n && b[i].entry.is_entry; i++) {
		if (b[i].entry.key == key)
			break;
	}
	if (i == n || !b[i].entry.is_entry)
		return -ENOENT;
	for (last = i; last + 1 < n && b[last + 1].entry.is_entry; last++)
		;
	b[i].whole_entry = b[last].whole_entry;
	b[last].whole_entry = 0;
	ht->used_entries--;
	return 0;
}

static inline int
rte_fbk_hash_delete_key(struct rte_fbk_hash_table *ht, uint32_t key)
{
	return rte_fbk_hash_delete_key_with_bucket(ht, key, rte_fbk_hash_get_bucket(ht, key));
}

/* The value of key in the given bucket, or -ENOENT. */
static inline int
rte_fbk_hash_lookup_with_bucket(const struct rte_fbk_hash_table *ht, uint32_t key, uint32_t bucket)
{
	for (uint32_t i = 0; i < ht->entries_per_bucket; i++) {
		union rte_fbk_hash_entry e;

		e.whole_entry = ht->t[bucket + i].whole_entry;
		if (!e.entry.is_entry)
			return -ENOENT;
		if (e.entry.key == key)
			return e.entry.value;
	}
	return -ENOENT;
}

static inline int
rte_fbk_hash_lookup(const struct rte_fbk_hash_table *ht, uint32_t key)
{
	return rte_fbk_hash_lookup_with_bucket(ht, key, rte_fbk_hash_get_bucket(ht, key));
}

/* Remove every entry. */
static inline void
rte_fbk_hash_clear_all(struct rte_fbk_hash_table *ht)
{
	memset(ht->t, 0, sizeof(ht->t[0]) * ht->entries);
	ht->used_entries = 0;
}

/* Used entries over all entries. */
static inline double
rte_fbk_hash_get_load_factor(struct rte_fbk_hash_table *ht)
{
	return (double)ht->used_entries / (double)ht->entries;
}

/* The table created with that name, or NULL with rte_errno ENOENT. */
struct rte_fbk_hash_table *rte_fbk_hash_find_existing(const char *name);

/*
 * Create a table. NULL with rte_errno EINVAL (NULL params or name, sizes
 * not powers of 2 or out of range), ENAMETOOLONG, EEXIST (the name is
 * taken) or ENOMEM.
 */
struct rte_fbk_hash_table *rte_fbk_hash_create(const struct rte_fbk_hash_params *params);

/* Free a table; NULL is ignored. */
void rte_fbk_hash_free(struct rte_fbk_hash_table *ht);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_FBK_HASH_H_ */
