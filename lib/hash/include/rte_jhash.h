/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Bob Jenkins' lookup3 hash (public domain, 2006), with DPDK 22.11's entry
 * points: rte_jhash() is lookup3's hashlittle(), rte_jhash_2hashes() its
 * hashlittle2(), rte_jhash_32b() its hashword(). The results equal DPDK's
 * on little-endian machines, so tables keyed by them can be shared.
 */
#ifndef _RTE_JHASH_H
#define _RTE_JHASH_H

#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* lookup3's initial state constant. */
#define RTE_JHASH_GOLDEN_RATIO 0xdeadbeef

static inline uint32_t
rte_jhash_rol32(uint32_t v, unsigned int n)
{
	return (v << n) | (v >> (32 - n));
}

/* lookup3's mix(): reversible, every input bit reaches every output bit. */
#define __rte_jhash_mix(a, b, c)             \
	do {                                 \
		a -= c;                      \
		a ^= rte_jhash_rol32(c, 4);  \
		c += b;                      \
		b -= a;                      \
		b ^= rte_jhash_rol32(a, 6);  \
		a += c;                      \
		c -= b;                      \
		c ^= rte_jhash_rol32(b, 8);  \
		b += a;                      \
		a -= c;                      \
		a ^= rte_jhash_rol32(c, 16); \
		c += b;                      \
		b -= a;                      \
		b ^= rte_jhash_rol32(a, 19); \
		a += c;                      \
		c -= b;                      \
		c ^= rte_jhash_rol32(b, 4);  \
		b += a;                      \
	} while (0)

/* lookup3's final(): the last block's avalanche. */
#define __rte_jhash_final(a, b, c)           \
	do {                                 \
		c ^= b;                      \
		c -= rte_jhash_rol32(b, 14); \
		a ^= c;                      \
		a -= rte_jhash_rol32(c, 11); \
		b ^= a;                      \
		b -= rte_jhash_rol32(a, 25); \
		c ^= b;                      \
		c -= rte_jhash_rol32(b, 16); \
		a ^= c;                      \
		a -= rte_jhash_rol32(c, 4);  \
		b ^= a;                      \
		b -= rte_jhash_rol32(a, 14); \
		c ^= b;                      \
		c -= rte_jhash_rol32(b, 24); \
	} while (0)

/* A little-endian 32-bit word from any address. */
static inline uint32_t
rte_jhash_load_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * Hash length bytes at key into two 32-bit values. *pc and *pb are the
 * seeds on input and the results on output; with *pb == 0 on input, *pc is
 * what rte_jhash() returns.
 */
static inline void
rte_jhash_2hashes(const void *key, uint32_t length, uint32_t *pc, uint32_t *pb)
{
	const uint8_t *k = (const uint8_t *)key;
	uint32_t a, b, c;
	uint8_t tail[12];

	a = b = c = RTE_JHASH_GOLDEN_RATIO + length + *pc;
	c += *pb;

	while (length > 12) {
		a += rte_jhash_load_le32(k);
		b += rte_jhash_load_le32(k + 4);
		c += rte_jhash_load_le32(k + 8);
		__rte_jhash_mix(a, b, c);
		k += 12;
		length -= 12;
	}
	/* An empty key is not mixed at all: lookup3 returns the seeds as set. */
	if (length == 0) {
		*pc = c;
		*pb = b;
		return;
	}
	/* The last 1..12 bytes, zero-padded: the same as lookup3's masks. */
	memset(tail, 0, sizeof(tail));
	memcpy(tail, k, length);
	a += rte_jhash_load_le32(tail);
	b += rte_jhash_load_le32(tail + 4);
	c += rte_jhash_load_le32(tail + 8);
	__rte_jhash_final(a, b, c);
	*pc = c;
	*pb = b;
}

/* rte_jhash_2hashes() over length 32-bit words. */
static inline void
rte_jhash_32b_2hashes(const uint32_t *k, uint32_t length, uint32_t *pc, uint32_t *pb)
{
	uint32_t a, b, c;

	a = b = c = RTE_JHASH_GOLDEN_RATIO + (length << 2) + *pc;
	c += *pb;

	while (length > 3) {
		a += k[0];
		b += k[1];
		c += k[2];
		__rte_jhash_mix(a, b, c);
		k += 3;
		length -= 3;
	}
	switch (length) {
	case 3:
		c += k[2];
		/* fall through */
	case 2:
		b += k[1];
		/* fall through */
	case 1:
		a += k[0];
		__rte_jhash_final(a, b, c);
		break;
	default:
		break;
	}
	*pc = c;
	*pb = b;
}

/* Hash length bytes at key with seed initval. */
static inline uint32_t
rte_jhash(const void *key, uint32_t length, uint32_t initval)
{
	uint32_t second = 0;

	rte_jhash_2hashes(key, length, &initval, &second);
	return initval;
}

/* Hash length 32-bit words at k with seed initval. */
static inline uint32_t
rte_jhash_32b(const uint32_t *k, uint32_t length, uint32_t initval)
{
	uint32_t second = 0;

	rte_jhash_32b_2hashes(k, length, &initval, &second);
	return initval;
}

/* The three-word core DPDK's rte_jhash_{3,2,1}word() share. */
static inline uint32_t
__rte_jhash_3words(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
	a += RTE_JHASH_GOLDEN_RATIO + initval;
	b += RTE_JHASH_GOLDEN_RATIO + initval;
	c += RTE_JHASH_GOLDEN_RATIO + initval;
	__rte_jhash_final(a, b, c);
	return c;
}

/*
 * Fixed-size hashes of one to three words. Each word count is added to the
 * words as DPDK does, so the values are DPDK's (they are not lookup3's
 * hashword() of the same words).
 */
static inline uint32_t
rte_jhash_3words(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
	return __rte_jhash_3words(a + 12, b + 12, c + 12, initval);
}

static inline uint32_t
rte_jhash_2words(uint32_t a, uint32_t b, uint32_t initval)
{
	return __rte_jhash_3words(a + 8, b + 8, 8, initval);
}

static inline uint32_t
rte_jhash_1word(uint32_t a, uint32_t initval)
{
	return __rte_jhash_3words(a + 4, 4, 4, initval);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_JHASH_H */
