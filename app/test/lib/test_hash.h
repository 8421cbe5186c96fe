/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the hash suite's files. */
#ifndef _TEST_HASH_H_
#define _TEST_HASH_H_

#include <stdint.h>

#include <rte_hash.h>

/* Distinct, well-spread 64-bit keys: an odd multiplier is a bijection. */
static inline uint64_t
test_hash_key(uint64_t i)
{
	return (i + 1) * 0x9e3779b97f4a7c15ULL;
}

/* A table with SOCKET_ID_ANY and seed 0; NULL with rte_errno on failure. */
struct rte_hash *test_hash_make(const char *name, uint32_t entries, uint32_t key_len, uint8_t flags,
				rte_hash_function fn);

int test_hash_multi_writer(void);
int test_hash_rw_lock(void);
int test_hash_rw_lock_free(void);
/* test_hash_rcu.c */
int test_hash_rcu_args(void);
int test_hash_rcu_dq(void);
int test_hash_rcu_reset(void);
int test_hash_rcu_sync(void);

#endif
