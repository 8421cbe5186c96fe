/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hash library: known jhash/CRC values, rte_hash create errors, add,
 * lookup and delete of many keys, full tables, extendable buckets,
 * iteration, bulk lookups, NO_FREE_ON_DEL, the four-byte-key hash and
 * the software Toeplitz hash.
 * Two-thread cases are in test_hash_concurrency.c, QSBR cases in
 * test_hash_rcu.c (same suite).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_fbk_hash.h>
#include <rte_hash.h>
#include <rte_hash_crc.h>
#include <rte_jhash.h>
#include <rte_memory.h>
#include <rte_thash.h>

#include "test.h"
#include "test_hash.h"

/* Known values: hash of bytes 0, 1, 2, ... of these lengths, seeds 0 and
 * 0xdeadbeef, as DPDK 22.11 computes them. */
static const uint32_t known_lens[] = {1, 2, 4, 8, 16, 32, 48, 64, 9, 13, 37, 40};
static const uint32_t known_seeds[] = {0, 0xdeadbeef};
static const uint32_t known_jhash[2][12] = {
	{0x8ba9414b, 0xdf0d39c9, 0xe4cf1d42, 0xd4ccb93c, 0x5e84eafc, 0x21362cfe, 0x2f4775ab,
	 0x9ff036cc, 0xeca51474, 0xbc9d6816, 0x12926a31, 0x1c9fa888},
	{0x5c62c303, 0x1b8cf784, 0x8270ac65, 0x05fa6668, 0x762df861, 0xda088f2f, 0x59614cd4,
	 0x7a94f690, 0xdc1e4993, 0x30825494, 0x91d0e462, 0x768087fc},
};
static const uint32_t known_crc[2][12] = {
	{0x00000000, 0xf26b8303, 0x91545164, 0x06040eb1, 0x9bb99201, 0xcc4c4fe4, 0x14a90993,
	 0xf8a5dd8c, 0xcaa1ad0b, 0x7ac1e03e, 0x43f44466, 0x4a11475e},
	{0xbdfd3980, 0x70204542, 0x98cd4c70, 0xd52c702f, 0x41fc0e1c, 0x3905f65c, 0x94bff47f,
	 0x1bab102d, 0xf4a2c645, 0xbf441539, 0x789c104f, 0x53028d3e},
};

static int
check_known_crc(uint8_t alg, const uint8_t *key)
{
	rte_hash_crc_set_alg(alg);
	for (unsigned int i = 0; i < RTE_DIM(known_lens); i++) {
		for (unsigned int s = 0; s < RTE_DIM(known_seeds); s++)
			TEST_ASSERT_EQUAL(rte_hash_crc(key, known_lens[i], known_seeds[s]),
					  known_crc[s][i], "crc alg %#x, %u bytes, seed %#x", alg,
					  known_lens[i], known_seeds[s]);
	}
	return TEST_SUCCESS;
}

static int
test_hash_known_values(void)
{
	uint8_t key[64];

	for (unsigned int i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)i;
	for (unsigned int i = 0; i < RTE_DIM(known_lens); i++) {
		for (unsigned int s = 0; s < RTE_DIM(known_seeds); s++)
			TEST_ASSERT_EQUAL(rte_jhash(key, known_lens[i], known_seeds[s]),
					  known_jhash[s][i], "jhash %u bytes, seed %#x",
					  known_lens[i], known_seeds[s]);
	}
	/* Unaligned keys hash as aligned ones do. */
	uint8_t shifted[65];
	memcpy(shifted + 1, key, 64);
	TEST_ASSERT_EQUAL(rte_jhash(shifted + 1, 37, 0), known_jhash[0][10], "unaligned jhash");

	TEST_ASSERT_SUCCESS(check_known_crc(CRC32_SW, key), "software CRC");
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2) > 0) {
		TEST_ASSERT_SUCCESS(check_known_crc(CRC32_SSE42, key), "SSE4.2 CRC");
		TEST_ASSERT_SUCCESS(check_known_crc(CRC32_SSE42_x64, key), "SSE4.2 x64 CRC");
		/* Another CPU's algorithm falls back to one that works here. */
		TEST_ASSERT_SUCCESS(check_known_crc(CRC32_ARM64, key), "ARM64 request on x86");
	}
	rte_hash_crc_set_alg(CRC32_SSE42_x64);
	return TEST_SUCCESS;
}

/* The word variants agree with each other as in DPDK. */
static int
test_hash_jhash_words(void)
{
	uint32_t w[3] = {0x01234567, 0x89abcdef, 0xfedcba98};
	uint32_t h1, h2;

	for (uint32_t seed = 0; seed < 3; seed++) {
		TEST_ASSERT_EQUAL(rte_jhash_32b(w, 3, seed), rte_jhash(w, 12, seed),
				  "32b vs bytes");
		TEST_ASSERT_EQUAL(rte_jhash_1word(w[0], seed), rte_jhash_32b(w, 1, seed), "1word");
		TEST_ASSERT_EQUAL(rte_jhash_2words(w[0], w[1], seed), rte_jhash_32b(w, 2, seed),
				  "2words");
		TEST_ASSERT_EQUAL(rte_jhash_3words(w[0], w[1], w[2], seed),
				  rte_jhash_32b(w, 3, seed), "3words");
		h1 = seed;
		h2 = 0;
		rte_jhash_2hashes(w, 12, &h1, &h2);
		TEST_ASSERT_EQUAL(h1, rte_jhash(w, 12, seed), "2hashes with pb 0");
	}
	return TEST_SUCCESS;
}

struct rte_hash *
test_hash_make(const char *name, uint32_t entries, uint32_t key_len, uint8_t flags,
	       rte_hash_function fn)
{
	struct rte_hash_parameters p = {
		.name = name,
		.entries = entries,
		.key_len = key_len,
		.hash_func = fn,
		.socket_id = SOCKET_ID_ANY,
		.extra_flag = flags,
	};

	return rte_hash_create(&p);
}

static int
test_hash_create_errors(void)
{
	struct rte_hash_parameters p = {
		.name = "h_err",
		.entries = 64,
		.key_len = 4,
		.socket_id = SOCKET_ID_ANY,
	};
	struct rte_hash_parameters bad;
	struct rte_hash *h, *h2;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_hash_create(NULL), "NULL params");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno for NULL params");
	bad = p;
	bad.entries = 7;
	TEST_ASSERT_NULL(rte_hash_create(&bad), "7 entries");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno for 7 entries");
	bad = p;
	bad.key_len = 0;
	TEST_ASSERT_NULL(rte_hash_create(&bad), "key_len 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno for key_len 0");
	bad = p;
	bad.name = NULL;
	TEST_ASSERT_NULL(rte_hash_create(&bad), "NULL name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno for NULL name");
	bad = p;
	bad.extra_flag = 0x80;
	TEST_ASSERT_NULL(rte_hash_create(&bad), "unknown flag");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno for unknown flag");
	bad = p;
	bad.extra_flag =
		RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY | RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF;
	TEST_ASSERT_NULL(rte_hash_create(&bad), "RW and RW_LF");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno for RW and RW_LF");

	h = rte_hash_create(&p);
	TEST_ASSERT_NOT_NULL(h, "create");
	h2 = rte_hash_create(&p);
	TEST_ASSERT_NULL(h2, "same name twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "errno for a duplicate name");
	TEST_ASSERT(rte_hash_find_existing("h_err") == h, "find_existing");
	TEST_ASSERT_EQUAL(rte_hash_max_key_id(h), 64, "max_key_id without caches");
	rte_hash_free(h);
	TEST_ASSERT_NULL(rte_hash_find_existing("h_err"), "gone after free");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "errno after free");
	rte_hash_free(NULL);

	TEST_ASSERT_EQUAL(rte_hash_add_key(NULL, &p), -EINVAL, "add NULL table");
	TEST_ASSERT_EQUAL(rte_hash_lookup(NULL, &p), -EINVAL, "lookup NULL table");
	TEST_ASSERT_EQUAL(rte_hash_del_key(NULL, &p), -EINVAL, "del NULL table");
	TEST_ASSERT_EQUAL(rte_hash_count(NULL), -EINVAL, "count NULL table");
	return TEST_SUCCESS;
}

#define MANY_KEYS (256u * 1024)

static int
test_hash_many_keys(void)
{
	struct rte_hash *h = test_hash_make("h_many", MANY_KEYS, sizeof(uint64_t),
					    RTE_HASH_EXTRA_FLAGS_EXT_TABLE, NULL);
	int32_t *pos = calloc(MANY_KEYS, sizeof(*pos));
	uint8_t *seen = calloc(MANY_KEYS, 1);
	int ret = TEST_FAILED;
	void *data;

	TEST_ASSERT(h != NULL && pos != NULL && seen != NULL, "setup");
	for (uint64_t i = 0; i < MANY_KEYS; i++) {
		uint64_t key = test_hash_key(i);

		pos[i] = rte_hash_add_key_data(h, &key, (void *)(uintptr_t)(i + 1));
		if (pos[i] != 0)
			goto out;
		pos[i] = rte_hash_lookup(h, &key);
		if (pos[i] < 0 || (uint32_t)pos[i] >= MANY_KEYS || seen[pos[i]]) {
			printf("  FAIL: key %" PRIu64 " at position %d\n", i, pos[i]);
			goto out;
		}
		seen[pos[i]] = 1;
	}
	if (rte_hash_count(h) != (int32_t)MANY_KEYS)
		goto out;
	for (uint64_t i = 0; i < MANY_KEYS; i++) {
		uint64_t key = test_hash_key(i);

		if (rte_hash_lookup_data(h, &key, &data) != pos[i] ||
		    data != (void *)(uintptr_t)(i + 1))
			goto out;
		if (i % 2 == 0 && rte_hash_del_key(h, &key) != pos[i])
			goto out;
	}
	if (rte_hash_count(h) != (int32_t)(MANY_KEYS / 2))
		goto out;
	for (uint64_t i = 0; i < MANY_KEYS; i++) {
		uint64_t key = test_hash_key(i);
		int32_t want = i % 2 == 0 ? -ENOENT : pos[i];

		if (rte_hash_lookup(h, &key) != want || rte_hash_del_key(h, &key) != want)
			goto out;
	}
	if (rte_hash_count(h) != 0)
		goto out;
	ret = TEST_SUCCESS;
out:
	free(pos);
	free(seen);
	rte_hash_free(h);
	return ret;
}

/* Without extendable buckets the cuckoo moves fill most of the table
 * before an add fails, and no key is lost on the way. */
static int
test_hash_full_table(void)
{
	const uint32_t entries = 4096;
	struct rte_hash *h = test_hash_make("h_full", entries, 8, 0, NULL);
	uint64_t added = 0, key;
	int32_t ret;

	TEST_ASSERT_NOT_NULL(h, "create");
	for (;;) {
		key = test_hash_key(added);
		ret = rte_hash_add_key(h, &key);
		if (ret < 0)
			break;
		added++;
	}
	TEST_ASSERT_EQUAL(ret, -ENOSPC, "add into a full table");
	TEST_ASSERT(added >= entries * 9 / 10, "only %" PRIu64 " of %u entries used", added,
		    entries);
	TEST_ASSERT_EQUAL(rte_hash_count(h), added, "count");
	for (uint64_t i = 0; i < added; i++) {
		key = test_hash_key(i);
		TEST_ASSERT(rte_hash_lookup(h, &key) >= 0, "key %" PRIu64 " lost", i);
	}
	/* An existing key is still updated in a full table. */
	key = test_hash_key(0);
	TEST_ASSERT(rte_hash_add_key(h, &key) >= 0, "update in a full table");
	rte_hash_reset(h);
	TEST_ASSERT_EQUAL(rte_hash_count(h), 0, "count after reset");
	TEST_ASSERT_EQUAL(rte_hash_lookup(h, &key), -ENOENT, "lookup after reset");
	TEST_ASSERT(rte_hash_add_key(h, &key) >= 0, "add after reset");
	rte_hash_free(h);
	return TEST_SUCCESS;
}

/* Every key in the same two buckets. */
static uint32_t
hash_collide(const void *key, uint32_t len, uint32_t init)
{
	RTE_SET_USED(key);
	RTE_SET_USED(len);
	RTE_SET_USED(init);
	return 0x00010000;
}

static int
test_hash_ext_table(void)
{
	const uint32_t entries = 64;
	struct rte_hash *plain = test_hash_make("h_coll", entries, 8, 0, hash_collide);
	struct rte_hash *ext = test_hash_make("h_coll_ext", entries, 8,
					      RTE_HASH_EXTRA_FLAGS_EXT_TABLE, hash_collide);
	uint64_t key;

	TEST_ASSERT(plain != NULL && ext != NULL, "create");
	/* Two buckets of 8 entries hold 16 colliding keys. */
	for (uint64_t i = 0; i < 2 * 8; i++) {
		key = test_hash_key(i);
		TEST_ASSERT(rte_hash_add_key(plain, &key) >= 0, "plain add %" PRIu64, i);
	}
	key = test_hash_key(16);
	TEST_ASSERT_EQUAL(rte_hash_add_key(plain, &key), -ENOSPC, "17th colliding key");

	for (int round = 0; round < 2; round++) {
		for (uint64_t i = 0; i < entries; i++) {
			key = test_hash_key(i);
			TEST_ASSERT(rte_hash_add_key(ext, &key) >= 0, "ext add %" PRIu64, i);
		}
		key = test_hash_key(entries);
		TEST_ASSERT_EQUAL(rte_hash_add_key(ext, &key), -ENOSPC, "beyond entries");
		for (uint64_t i = 0; i < entries; i++) {
			key = test_hash_key(i);
			TEST_ASSERT(rte_hash_lookup(ext, &key) >= 0, "ext lookup %" PRIu64, i);
		}
		/* Deleting from the front empties extendable buckets, which
		 * the second round must get back. */
		for (uint64_t i = 0; i < entries; i++) {
			key = test_hash_key(i);
			TEST_ASSERT(rte_hash_del_key(ext, &key) >= 0, "ext del %" PRIu64, i);
			TEST_ASSERT_EQUAL(rte_hash_lookup(ext, &key), -ENOENT, "deleted %" PRIu64,
					  i);
		}
		TEST_ASSERT_EQUAL(rte_hash_count(ext), 0, "count after deletes");
	}
	rte_hash_free(plain);
	rte_hash_free(ext);
	return TEST_SUCCESS;
}

static int
iterate_check(struct rte_hash *h, uint32_t n)
{
	uint8_t seen[256] = {0};
	const void *key;
	uint32_t next = 0, visits = 0;
	void *data;
	int32_t pos;

	while ((pos = rte_hash_iterate(h, &key, &data, &next)) >= 0) {
		uint64_t k;

		memcpy(&k, key, sizeof(k));
		TEST_ASSERT(k < n && !seen[k], "key %" PRIu64 " unknown or seen twice", k);
		TEST_ASSERT_EQUAL((uintptr_t)data, k + 100, "data of key %" PRIu64, k);
		TEST_ASSERT_EQUAL(pos, rte_hash_lookup(h, &k), "position of %" PRIu64, k);
		seen[k] = 1;
		visits++;
	}
	TEST_ASSERT_EQUAL(pos, -ENOENT, "end of iteration");
	TEST_ASSERT_EQUAL(visits, n, "keys visited");
	return TEST_SUCCESS;
}

static int
test_hash_iterate(void)
{
	struct rte_hash *h = test_hash_make("h_iter", 256, 8, 0, NULL);
	struct rte_hash *hx =
		test_hash_make("h_iter_ext", 256, 8, RTE_HASH_EXTRA_FLAGS_EXT_TABLE, hash_collide);
	uint32_t next = 0;
	const void *key;
	void *data;

	TEST_ASSERT(h != NULL && hx != NULL, "create");
	TEST_ASSERT_EQUAL(rte_hash_iterate(h, &key, &data, &next), -ENOENT, "empty table");
	TEST_ASSERT_EQUAL(rte_hash_iterate(h, &key, &data, NULL), -EINVAL, "NULL next");
	for (uint64_t k = 0; k < 200; k++) {
		TEST_ASSERT_SUCCESS(rte_hash_add_key_data(h, &k, (void *)(uintptr_t)(k + 100)),
				    "add");
		/* Colliding keys: most live in extendable buckets. */
		if (k < 40)
			TEST_ASSERT_SUCCESS(
				rte_hash_add_key_data(hx, &k, (void *)(uintptr_t)(k + 100)),
				"add ext");
	}
	TEST_ASSERT_SUCCESS(iterate_check(h, 200), "main buckets");
	TEST_ASSERT_SUCCESS(iterate_check(hx, 40), "extendable buckets");
	rte_hash_free(h);
	rte_hash_free(hx);
	return TEST_SUCCESS;
}

static int
test_hash_bulk(void)
{
	struct rte_hash *h = test_hash_make("h_bulk", 1024, 8, 0, NULL);
	uint64_t keys[RTE_HASH_LOOKUP_BULK_MAX];
	const void *kp[RTE_HASH_LOOKUP_BULK_MAX + 1];
	hash_sig_t sigs[RTE_HASH_LOOKUP_BULK_MAX];
	int32_t pos[RTE_HASH_LOOKUP_BULK_MAX];
	void *data[RTE_HASH_LOOKUP_BULK_MAX];
	uint64_t hits = 0;

	TEST_ASSERT_NOT_NULL(h, "create");
	for (unsigned int i = 0; i < RTE_HASH_LOOKUP_BULK_MAX; i++) {
		keys[i] = test_hash_key(i);
		kp[i] = &keys[i];
		sigs[i] = rte_hash_hash(h, &keys[i]);
		if (i % 2 == 0)
			TEST_ASSERT_SUCCESS(
				rte_hash_add_key_data(h, &keys[i], (void *)(uintptr_t)(i + 7)),
				"add %u", i);
	}
	TEST_ASSERT_SUCCESS(rte_hash_lookup_bulk(h, kp, RTE_HASH_LOOKUP_BULK_MAX, pos), "bulk");
	for (unsigned int i = 0; i < RTE_HASH_LOOKUP_BULK_MAX; i++)
		TEST_ASSERT_EQUAL(pos[i], i % 2 == 0 ? rte_hash_lookup(h, &keys[i]) : -ENOENT,
				  "position %u", i);
	TEST_ASSERT_SUCCESS(
		rte_hash_lookup_with_hash_bulk(h, kp, sigs, RTE_HASH_LOOKUP_BULK_MAX, pos),
		"bulk with hash");
	TEST_ASSERT_EQUAL(pos[2], rte_hash_lookup(h, &keys[2]), "position with hash");
	TEST_ASSERT_EQUAL(pos[3], -ENOENT, "miss with hash");
	TEST_ASSERT_EQUAL(rte_hash_lookup_bulk_data(h, kp, RTE_HASH_LOOKUP_BULK_MAX, &hits, data),
			  RTE_HASH_LOOKUP_BULK_MAX / 2, "hit count");
	TEST_ASSERT_EQUAL(hits, 0x5555555555555555ULL, "hit mask");
	TEST_ASSERT_EQUAL((uintptr_t)data[10], 17, "data of a hit");
	hits = 0;
	TEST_ASSERT_EQUAL(rte_hash_lookup_with_hash_bulk_data(h, kp, sigs, 8, &hits, data), 4,
			  "hit count with hash");
	TEST_ASSERT_EQUAL(hits, 0x55, "hit mask with hash");
	TEST_ASSERT_EQUAL(rte_hash_lookup_bulk(h, kp, 0, pos), -EINVAL, "no keys");
	TEST_ASSERT_EQUAL(rte_hash_lookup_bulk(h, kp, RTE_HASH_LOOKUP_BULK_MAX + 1, pos), -EINVAL,
			  "too many keys");
	rte_hash_free(h);
	return TEST_SUCCESS;
}

static int
test_hash_no_free_on_del(void)
{
	struct rte_hash *h =
		test_hash_make("h_nofree", 16, 8, RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL, NULL);
	uint64_t k1 = 1, k2 = 2;
	void *key;
	int32_t p1, p2;

	TEST_ASSERT_NOT_NULL(h, "create");
	p1 = rte_hash_add_key(h, &k1);
	TEST_ASSERT(p1 >= 0, "add");
	TEST_ASSERT_EQUAL(rte_hash_lookup_data(h, &k1, NULL), p1, "lookup_data without data");
	TEST_ASSERT_SUCCESS(rte_hash_get_key_with_position(h, p1, &key), "key at position");
	TEST_ASSERT(memcmp(key, &k1, sizeof(k1)) == 0, "key bytes at position");
	TEST_ASSERT_EQUAL(rte_hash_del_key(h, &k1), p1, "delete returns the position");
	TEST_ASSERT_EQUAL(rte_hash_get_key_with_position(h, p1, &key), -ENOENT, "deleted");
	TEST_ASSERT_EQUAL(rte_hash_count(h), 1, "position still held");
	for (uint64_t k = 10; k < 25; k++)
		TEST_ASSERT(rte_hash_add_key(h, &k) != p1, "position reused before its free");
	TEST_ASSERT_EQUAL(rte_hash_add_key(h, &k2), -ENOSPC, "all positions taken");
	TEST_ASSERT_SUCCESS(rte_hash_free_key_with_position(h, p1), "free position");
	TEST_ASSERT_EQUAL(rte_hash_count(h), 15, "count after free");
	p2 = rte_hash_add_key(h, &k2);
	TEST_ASSERT_EQUAL(p2, p1, "the freed position comes back");
	TEST_ASSERT_EQUAL(rte_hash_free_key_with_position(h, -1), -EINVAL, "negative position");
	TEST_ASSERT_EQUAL(rte_hash_free_key_with_position(h, 16), -EINVAL, "position too big");
	rte_hash_free(h);
	return TEST_SUCCESS;
}

/* A compare function set by the application replaces memcmp. */
static int
cmp_low_byte(const void *a, const void *b, size_t len)
{
	RTE_SET_USED(len);
	return *(const uint8_t *)a != *(const uint8_t *)b;
}

static int
test_hash_cmp_func(void)
{
	struct rte_hash *h = test_hash_make("h_cmp", 16, 8, 0, hash_collide);
	uint64_t a = 0x105, b = 0x205;

	TEST_ASSERT_NOT_NULL(h, "create");
	TEST_ASSERT(rte_hash_add_key(h, &a) >= 0, "add");
	TEST_ASSERT_EQUAL(rte_hash_lookup(h, &b), -ENOENT, "memcmp tells them apart");
	rte_hash_set_cmp_func(h, cmp_low_byte);
	TEST_ASSERT_EQUAL(rte_hash_lookup(h, &b), rte_hash_lookup(h, &a), "custom compare");
	rte_hash_free(h);
	return TEST_SUCCESS;
}

static int
test_fbk_hash(void)
{
	struct rte_fbk_hash_params p = {
		.name = "fbk",
		.entries = 1024,
		.entries_per_bucket = 4,
		.socket_id = SOCKET_ID_ANY,
	};
	struct rte_fbk_hash_params bad = p;
	struct rte_fbk_hash_table *ht;
	uint32_t full_bucket_key = 0;
	int added = 0;

	bad.entries = 1000;
	TEST_ASSERT_NULL(rte_fbk_hash_create(&bad), "entries not a power of 2");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "errno");
	ht = rte_fbk_hash_create(&p);
	TEST_ASSERT_NOT_NULL(ht, "create");
	TEST_ASSERT_NULL(rte_fbk_hash_create(&p), "duplicate");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "errno of duplicate");
	TEST_ASSERT(rte_fbk_hash_find_existing("fbk") == ht, "find_existing");

	TEST_ASSERT_SUCCESS(rte_fbk_hash_add_key(ht, 10, 100), "add");
	TEST_ASSERT_SUCCESS(rte_fbk_hash_add_key(ht, 11, 110), "add");
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, 10), 100, "lookup");
	TEST_ASSERT_SUCCESS(rte_fbk_hash_add_key(ht, 10, 101), "update");
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, 10), 101, "lookup updated");
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, 12), -ENOENT, "miss");
	TEST_ASSERT_SUCCESS(rte_fbk_hash_delete_key(ht, 10), "delete");
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, 10), -ENOENT, "deleted");
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, 11), 110, "other key kept");
	TEST_ASSERT_EQUAL(rte_fbk_hash_delete_key(ht, 10), -ENOENT, "delete twice");

	/* Fill the bucket of key 1000: the fifth key of it does not fit. */
	uint32_t bucket = rte_fbk_hash_get_bucket(ht, 1000);
	for (uint32_t k = 1000; added < 5; k++) {
		if (rte_fbk_hash_get_bucket(ht, k) != bucket)
			continue;
		if (++added == 5) {
			full_bucket_key = k;
			break;
		}
		TEST_ASSERT_SUCCESS(rte_fbk_hash_add_key(ht, k, (uint16_t)k), "fill bucket");
	}
	TEST_ASSERT_EQUAL(rte_fbk_hash_add_key(ht, full_bucket_key, 1), -ENOSPC, "full bucket");
	TEST_ASSERT_SUCCESS(rte_fbk_hash_delete_key(ht, 1000), "delete first of bucket");
	TEST_ASSERT_SUCCESS(rte_fbk_hash_add_key(ht, full_bucket_key, 1), "room again");
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, full_bucket_key), 1, "lookup moved entry");
	TEST_ASSERT_EQUAL(ht->used_entries, 5, "used entries");
	rte_fbk_hash_clear_all(ht);
	TEST_ASSERT_EQUAL(rte_fbk_hash_lookup(ht, 11), -ENOENT, "cleared");
	rte_fbk_hash_free(ht);
	TEST_ASSERT_NULL(rte_fbk_hash_find_existing("fbk"), "freed");
	return TEST_SUCCESS;
}

/* Microsoft's RSS verification key and flows (the values NICs are checked
 * against): L3-only and L3+L4 Toeplitz hashes. */
static const uint8_t rss_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3,
	0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3,
	0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

static int
test_hash_softrss(void)
{
	static const struct {
		uint32_t dst, src;
		uint16_t dport, sport;
		uint32_t l3, l4;
	} v4[] = {
		{RTE_IPV4(161, 142, 100, 80), RTE_IPV4(66, 9, 149, 187), 1766, 2794, 0x323e8fc2,
		 0x51ccc178},
		{RTE_IPV4(65, 69, 140, 83), RTE_IPV4(199, 92, 111, 2), 4739, 14230, 0xd718262a,
		 0xc626b0ea},
		{RTE_IPV4(202, 188, 127, 2), RTE_IPV4(153, 39, 163, 191), 1303, 44251, 0x5d1809c5,
		 0x10e828a2},
	};
	struct rte_ipv6_hdr ip6 = {
		.src_addr = {0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0, 0, 0, 0,
			     7},
		.dst_addr = {0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0,
			     1},
	};
	uint32_t key_be[RTE_DIM(rss_key) / 4];
	union rte_thash_tuple t;

	rte_convert_rss_key((const uint32_t *)(const void *)rss_key, key_be, sizeof(rss_key));
	for (unsigned int i = 0; i < RTE_DIM(v4); i++) {
		memset(&t, 0, sizeof(t));
		t.v4.src_addr = v4[i].src;
		t.v4.dst_addr = v4[i].dst;
		t.v4.sport = v4[i].sport;
		t.v4.dport = v4[i].dport;
		TEST_ASSERT_EQUAL(rte_softrss((uint32_t *)&t, RTE_THASH_V4_L3_LEN, rss_key),
				  v4[i].l3, "IPv4 flow %u, L3", i);
		TEST_ASSERT_EQUAL(rte_softrss((uint32_t *)&t, RTE_THASH_V4_L4_LEN, rss_key),
				  v4[i].l4, "IPv4 flow %u, L4", i);
		TEST_ASSERT_EQUAL(rte_softrss_be((uint32_t *)&t, RTE_THASH_V4_L4_LEN,
						 (const uint8_t *)key_be),
				  v4[i].l4, "IPv4 flow %u, converted key", i);
	}
	memset(&t, 0, sizeof(t));
	rte_thash_load_v6_addrs(&ip6, &t);
	t.v6.sport = 2794;
	t.v6.dport = 1766;
	TEST_ASSERT_EQUAL(rte_softrss((uint32_t *)&t, RTE_THASH_V6_L3_LEN, rss_key), 0x2cc18cd5,
			  "IPv6 L3");
	TEST_ASSERT_EQUAL(rte_softrss((uint32_t *)&t, RTE_THASH_V6_L4_LEN, rss_key), 0x40207d3d,
			  "IPv6 L4");
	return TEST_SUCCESS;
}

static const struct test_case hash_cases[] = {
	TEST_CASE(test_hash_known_values),
	TEST_CASE(test_hash_jhash_words),
	TEST_CASE(test_hash_create_errors),
	TEST_CASE(test_hash_many_keys),
	TEST_CASE(test_hash_full_table),
	TEST_CASE(test_hash_ext_table),
	TEST_CASE(test_hash_iterate),
	TEST_CASE(test_hash_bulk),
	TEST_CASE(test_hash_no_free_on_del),
	TEST_CASE(test_hash_cmp_func),
	TEST_CASE(test_fbk_hash),
	TEST_CASE(test_hash_softrss),
	TEST_CASE(test_hash_multi_writer),
	TEST_CASE(test_hash_rw_lock),
	TEST_CASE(test_hash_rw_lock_free),
	TEST_CASE(test_hash_rcu_args),
	TEST_CASE(test_hash_rcu_dq),
	TEST_CASE(test_hash_rcu_reset),
	TEST_CASE(test_hash_rcu_sync),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hash, TEST_SUITE_EAL, hash_cases)
