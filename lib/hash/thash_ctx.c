/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Toeplitz contexts: an RSS key shaped so that software can pick the low
 * bits of a tuple's hash.
 *
 * The math. Tuple bit p (counted from the most significant bit of byte 0),
 * when set, XORs into the hash the 32 key bits from key bit p on; the low
 * r = reta_sz bits of that are key bits [p + 32 - r, p + 32). Flipping the
 * last r bits of a helper's tuple range [off, off + len) therefore changes
 * the low r hash bits by the XOR of r r-bit key windows that start at
 * consecutive key bits, together spanning [end - (2r - 1), end) with
 * end = off + len + 31. When those key bits follow a linear recurrence whose
 * characteristic polynomial is primitive of degree r (an m-sequence), any r
 * consecutive windows of a nonzero stretch are linearly independent, so the
 * map from the r flipped bits to the hash change is a bijection; the helper
 * tabulates its inverse (the complement table).
 *
 * A helper writes its key bits once, when added, and never again; a later
 * helper whose key range overlaps earlier ones continues their sequence
 * (backwards before it, forwards after it), so every helper's windows stay
 * inside one m-sequence and earlier complement tables stay true.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_random.h>
#include <rte_thash.h>

#include "hash_private.h"

#define THASH_NAME_LEN 64
#define THASH_HASH_BITS 32

struct rte_thash_subtuple_helper {
	LIST_ENTRY(rte_thash_subtuple_helper) next; /* by key_start */
	char name[THASH_NAME_LEN];
	uint32_t key_start, key_end;	  /* key bits [key_start, key_end) it wrote or continued */
	uint32_t tuple_offset, tuple_len; /* its tuple range, in bits */
	uint32_t lsb_mask;		  /* (1 << reta_sz) - 1 */
	uint32_t compl_table[];		  /* hash change -> bits to flip, 1 << reta_sz entries */
};

struct rte_thash_ctx {
	LIST_ENTRY(rte_thash_ctx) next;
	char name[THASH_NAME_LEN];
	LIST_HEAD(, rte_thash_subtuple_helper) helpers;
	uint32_t key_len; /* bytes */
	uint32_t reta_sz;
	uint32_t flags;
	uint8_t key[];
};

static LIST_HEAD(, rte_thash_ctx) thash_list = LIST_HEAD_INITIALIZER(thash_list);
static pthread_mutex_t thash_list_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * One primitive polynomial of each degree 2..16: bit i is the coefficient
 * of x^i, x^degree implied. Its recurrence is
 * a[n + deg] = XOR of a[n + i] over the set bits i (bit 0 is always set).
 */
static const uint32_t thash_primitive_poly[RTE_THASH_RETA_SZ_MAX + 1] = {
	[2] = 0x3,    [3] = 0x5,     [4] = 0x9,	    [5] = 0x9,	   [6] = 0x21,
	[7] = 0x41,   [8] = 0x71,    [9] = 0x21,    [10] = 0x81,   [11] = 0x201,
	[12] = 0xc11, [13] = 0x1901, [14] = 0x3005, [15] = 0x4001, [16] = 0xa011,
};

__rte_export int
rte_thash_gfni_supported(void)
{
	return 0;
}

/* Bit pos of buf, counted from the most significant bit of byte 0. */
static inline unsigned int
bit_get(const uint8_t *buf, uint32_t pos)
{
	return (buf[pos / CHAR_BIT] >> (CHAR_BIT - 1 - pos % CHAR_BIT)) & 1;
}

static inline void
bit_set(uint8_t *buf, uint32_t pos, unsigned int v)
{
	uint8_t m = (uint8_t)(1u << (CHAR_BIT - 1 - pos % CHAR_BIT));

	buf[pos / CHAR_BIT] = (uint8_t)(v ? buf[pos / CHAR_BIT] | m : buf[pos / CHAR_BIT] & ~m);
}

/* The n <= 32 bits of buf from bit pos on, the first one most significant. */
static uint32_t
bits_read(const uint8_t *buf, uint32_t pos, uint32_t n)
{
	uint32_t v = 0;

	for (uint32_t i = 0; i < n; i++)
		v = v << 1 | bit_get(buf, pos + i);
	return v;
}

static void
bits_write(uint8_t *buf, uint32_t pos, uint32_t n, uint32_t v)
{
	for (uint32_t i = 0; i < n; i++)
		bit_set(buf, pos + i, (v >> (n - 1 - i)) & 1);
}

__rte_export void
rte_thash_complete_matrix(uint64_t *matrixes, const uint8_t *rss_key, int size)
{
	uint8_t *m = (uint8_t *)matrixes;
	uint32_t bits = (uint32_t)size * CHAR_BIT;

	if (matrixes == NULL || rss_key == NULL || size <= 0)
		return;
	for (uint32_t i = 0; i < (uint32_t)size; i++) {
		for (uint32_t j = 0; j < CHAR_BIT; j++) {
			uint8_t b = 0;

			for (uint32_t k = 0; k < CHAR_BIT; k++)
				b = (uint8_t)(b << 1 |
					      bit_get(rss_key, (i * CHAR_BIT + j + k) % bits));
			m[i * CHAR_BIT + j] = b;
		}
	}
}

static struct rte_thash_ctx *
thash_list_find(const char *name)
{
	struct rte_thash_ctx *ctx;

	LIST_FOREACH(ctx, &thash_list, next)
	if (strcmp(ctx->name, name) == 0)
		return ctx;
	return NULL;
}

__rte_export struct rte_thash_ctx *
rte_thash_init_ctx(const char *name, uint32_t key_len, uint32_t reta_sz, uint8_t *key,
		   uint32_t flags)
{
	struct rte_thash_ctx *ctx;

	if (name == NULL || strnlen(name, THASH_NAME_LEN) == THASH_NAME_LEN || key_len == 0 ||
	    reta_sz < RTE_THASH_RETA_SZ_MIN || reta_sz > RTE_THASH_RETA_SZ_MAX) {
		RTE_LOG(ERR, HASH,
			"thash context: give a name of 1..%d characters, a key length "
			"above 0 and reta_sz in %u..%u (got %u)\n",
			THASH_NAME_LEN - 1, RTE_THASH_RETA_SZ_MIN, RTE_THASH_RETA_SZ_MAX, reta_sz);
		rte_errno = EINVAL;
		return NULL;
	}
	ctx = calloc(1, sizeof(*ctx) + key_len);
	if (ctx == NULL) {
		RTE_LOG(ERR, HASH, "thash context %s: no memory for a %u-byte key\n", name,
			key_len);
		rte_errno = ENOMEM;
		return NULL;
	}
	strcpy(ctx->name, name);
	LIST_INIT(&ctx->helpers);
	ctx->key_len = key_len;
	ctx->reta_sz = reta_sz;
	ctx->flags = flags;
	if (key != NULL) {
		memcpy(ctx->key, key, key_len);
	} else {
		for (uint32_t i = 0; i < key_len; i++)
			ctx->key[i] = (uint8_t)rte_rand();
	}
	pthread_mutex_lock(&thash_list_lock);
	if (thash_list_find(name) != NULL) {
		pthread_mutex_unlock(&thash_list_lock);
		RTE_LOG(ERR, HASH, "thash context %s exists; free it or pick another name\n", name);
		free(ctx);
		rte_errno = EEXIST;
		return NULL;
	}
	LIST_INSERT_HEAD(&thash_list, ctx, next);
	pthread_mutex_unlock(&thash_list_lock);
	return ctx;
}

__rte_export struct rte_thash_ctx *
rte_thash_find_existing(const char *name)
{
	struct rte_thash_ctx *ctx;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&thash_list_lock);
	ctx = thash_list_find(name);
	pthread_mutex_unlock(&thash_list_lock);
	if (ctx == NULL)
		rte_errno = ENOENT;
	return ctx;
}

__rte_export void
rte_thash_free_ctx(struct rte_thash_ctx *ctx)
{
	struct rte_thash_subtuple_helper *h;

	if (ctx == NULL)
		return;
	pthread_mutex_lock(&thash_list_lock);
	LIST_REMOVE(ctx, next);
	pthread_mutex_unlock(&thash_list_lock);
	while ((h = LIST_FIRST(&ctx->helpers)) != NULL) {
		LIST_REMOVE(h, next);
		free(h);
	}
	free(ctx);
}

/* Key bit pos from the r bits after it, by the recurrence run backwards. */
static unsigned int
seq_bit_before(const uint8_t *key, uint32_t poly, uint32_t r, uint32_t pos)
{
	/* a[n] = a[n + r] ^ XOR of a[n + i] for the set bits 1 <= i < r */
	unsigned int b = bit_get(key, pos + r);

	for (uint32_t i = 1; i < r; i++)
		if (poly & (1u << i))
			b ^= bit_get(key, pos + i);
	return b;
}

/* Key bit pos from the r bits before it. */
static unsigned int
seq_bit_after(const uint8_t *key, uint32_t poly, uint32_t r, uint32_t pos)
{
	unsigned int b = 0;

	for (uint32_t i = 0; i < r; i++)
		if (poly & (1u << i))
			b ^= bit_get(key, pos - r + i);
	return b;
}

/* A fresh m-sequence over key bits [start, end): a random nonzero seed, then the recurrence. */
static void
seq_start(struct rte_thash_ctx *ctx, uint32_t start, uint32_t end)
{
	uint32_t r = ctx->reta_sz, poly = thash_primitive_poly[r];
	uint32_t seed;

	do {
		seed = (uint32_t)rte_rand() & ((1u << r) - 1);
	} while (seed == 0);
	/* a helper's key range is at least 2r - 1 bits long */
	bits_write(ctx->key, start, r, seed);
	for (uint32_t pos = start + r; pos < end; pos++)
		bit_set(ctx->key, pos, seq_bit_after(ctx->key, poly, r, pos));
}

/* Continue the sequence on [lo, hi) to cover [start, end) as well. */
static void
seq_extend(struct rte_thash_ctx *ctx, uint32_t lo, uint32_t hi, uint32_t start, uint32_t end)
{
	uint32_t r = ctx->reta_sz, poly = thash_primitive_poly[r];

	for (uint32_t pos = lo; pos-- > start;)
		bit_set(ctx->key, pos, seq_bit_before(ctx->key, poly, r, pos));
	for (uint32_t pos = hi; pos < end; pos++)
		bit_set(ctx->key, pos, seq_bit_after(ctx->key, poly, r, pos));
}

/*
 * The complement table: for each choice i of the r bits to flip (bit k of i
 * flips the k-th bit from the end of the tuple range), the hash change it
 * causes, inverted.
 */
static void
helper_compl_fill(const struct rte_thash_ctx *ctx, struct rte_thash_subtuple_helper *h)
{
	uint32_t r = ctx->reta_sz;
	uint32_t last = h->tuple_offset + h->tuple_len - 1;

	h->compl_table[0] = 0;
	for (uint32_t i = 1; i <= h->lsb_mask; i++) {
		uint32_t change = 0;

		for (uint32_t k = 0; k < r; k++)
			if (i & (1u << k))
				change ^= bits_read(ctx->key, last - k + THASH_HASH_BITS - r, r);
		h->compl_table[change] = i;
	}
}

/*
 * Write the key bits of [start, end) for a new helper: a fresh sequence if
 * no helper's range overlaps it, else the continuation of the one run of
 * overlapping helpers it touches. 0 or -EEXIST/-ENOSPC after logging why.
 */
static int
helper_key_write(struct rte_thash_ctx *ctx, const char *name, uint32_t start, uint32_t end,
		 struct rte_thash_subtuple_helper **prev)
{
	struct rte_thash_subtuple_helper *h, *first = NULL;
	uint32_t lo = 0, hi = 0, period = (1u << ctx->reta_sz) - 1;
	bool check_period = !(ctx->flags & RTE_THASH_IGNORE_PERIOD_OVERFLOW);

	*prev = NULL;
	/* runs of overlapping helpers, in key order */
	for (h = LIST_FIRST(&ctx->helpers); h != NULL;) {
		uint32_t run_lo = h->key_start, run_hi = h->key_end;
		struct rte_thash_subtuple_helper *run = h;

		for (h = LIST_NEXT(h, next); h != NULL && h->key_start < run_hi;
		     h = LIST_NEXT(h, next))
			run_hi = RTE_MAX(run_hi, h->key_end);
		if (run_hi <= start || run_lo >= end)
			continue;
		if (first != NULL) {
			RTE_LOG(ERR, HASH,
				"thash helper %s: key bits %u..%u overlap those of %s and "
				"of %s, which are not one sequence; move or shorten the range\n",
				name, start, end - 1, first->name, run->name);
			return start < lo ? -ENOSPC : -EEXIST;
		}
		first = run;
		lo = run_lo;
		hi = run_hi;
	}
	if (first == NULL) {
		if (check_period && end - start > period)
			goto out_period;
		seq_start(ctx, start, end);
	} else {
		if (check_period && RTE_MAX(end, hi) - RTE_MIN(start, lo) > period)
			goto out_period;
		seq_extend(ctx, lo, hi, start, end);
	}
	/* the list stays ordered by key_start */
	LIST_FOREACH(h, &ctx->helpers, next)
	{
		if (h->key_start > start)
			break;
		*prev = h;
	}
	return 0;

out_period:
	RTE_LOG(ERR, HASH,
		"thash helper %s: its key bits outrun the period (%u bits) of a degree "
		"%u sequence; shorten the range, use RTE_THASH_MINIMAL_SEQ or "
		"RTE_THASH_IGNORE_PERIOD_OVERFLOW\n",
		name, period, ctx->reta_sz);
	return -ENOSPC;
}

__rte_export int
rte_thash_add_helper(struct rte_thash_ctx *ctx, const char *name, uint32_t len, uint32_t offset)
{
	struct rte_thash_subtuple_helper *h, *prev;
	uint32_t start, end;
	int ret;

	if (ctx == NULL || name == NULL || strnlen(name, THASH_NAME_LEN) == THASH_NAME_LEN ||
	    len < ctx->reta_sz ||
	    (uint64_t)offset + len + THASH_HASH_BITS - 1 > (uint64_t)ctx->key_len * CHAR_BIT) {
		RTE_LOG(ERR, HASH,
			"thash helper: give a context, a name of 1..%d characters and "
			"a range of at least reta_sz bits whose hash key bits (offset + len + 31 = "
			"%llu) "
			"fit the key (%u bits)\n",
			THASH_NAME_LEN - 1, (unsigned long long)offset + len + THASH_HASH_BITS - 1,
			ctx != NULL ? ctx->key_len * CHAR_BIT : 0);
		return -EINVAL;
	}
	if (rte_thash_get_helper(ctx, name) != NULL) {
		RTE_LOG(ERR, HASH, "thash helper %s exists in %s; pick another name\n", name,
			ctx->name);
		return -EEXIST;
	}
	end = offset + len + THASH_HASH_BITS - 1;
	start = ctx->flags & RTE_THASH_MINIMAL_SEQ ? end - (2 * ctx->reta_sz - 1) : offset;
	h = calloc(1, sizeof(*h) + sizeof(h->compl_table[0]) * (1u << ctx->reta_sz));
	if (h == NULL) {
		RTE_LOG(ERR, HASH, "thash helper %s: no memory for its table\n", name);
		return -ENOMEM;
	}
	strcpy(h->name, name);
	h->key_start = start;
	h->key_end = end;
	h->tuple_offset = offset;
	h->tuple_len = len;
	h->lsb_mask = (1u << ctx->reta_sz) - 1;
	ret = helper_key_write(ctx, name, start, end, &prev);
	if (ret < 0) {
		free(h);
		return ret;
	}
	helper_compl_fill(ctx, h);
	if (prev == NULL)
		LIST_INSERT_HEAD(&ctx->helpers, h, next);
	else
		LIST_INSERT_AFTER(prev, h, next);
	return 0;
}

__rte_export struct rte_thash_subtuple_helper *
rte_thash_get_helper(struct rte_thash_ctx *ctx, const char *name)
{
	struct rte_thash_subtuple_helper *h;

	if (ctx == NULL || name == NULL)
		return NULL;
	LIST_FOREACH(h, &ctx->helpers, next)
	if (strcmp(h->name, name) == 0)
		return h;
	return NULL;
}

__rte_export uint32_t
rte_thash_get_complement(struct rte_thash_subtuple_helper *h, uint32_t hash, uint32_t desired_hash)
{
	if (h == NULL)
		return 0;
	return h->compl_table[(hash ^ desired_hash) & h->lsb_mask];
}

__rte_export const uint8_t *
rte_thash_get_key(struct rte_thash_ctx *ctx)
{
	return ctx != NULL ? ctx->key : NULL;
}

__rte_export const uint64_t *
rte_thash_get_gfni_matrices(struct rte_thash_ctx *ctx __rte_unused)
{
	/* kept only for a GFNI rte_thash_gfni(), which Sluice does not build */
	return NULL;
}

/* rte_softrss() of a tuple in network order. */
static uint32_t
thash_tuple_hash(const struct rte_thash_ctx *ctx, const uint8_t *tuple, unsigned int tuple_len)
{
	uint32_t hash = 0;

	for (unsigned int j = 0; j < tuple_len / 4; j++) {
		uint32_t w;

		memcpy(&w, tuple + 4 * j, sizeof(w));
		w = rte_be_to_cpu_32(w);
		hash ^= rte_softrss(&w, 1, ctx->key + 4 * j);
	}
	return hash;
}

__rte_export int
rte_thash_adjust_tuple(struct rte_thash_ctx *ctx, struct rte_thash_subtuple_helper *h,
		       uint8_t *tuple, unsigned int tuple_len, uint32_t desired_value,
		       unsigned int attempts, rte_thash_check_tuple_t fn, void *userdata)
{
	uint32_t r, flip_at, count_len, count_at;

	if (ctx == NULL || h == NULL || tuple == NULL || attempts == 0 || tuple_len == 0 ||
	    tuple_len % 4 != 0 || tuple_len + 4 > ctx->key_len ||
	    (uint64_t)h->tuple_offset + h->tuple_len > (uint64_t)tuple_len * CHAR_BIT) {
		RTE_LOG(ERR, HASH,
			"thash adjust: give a context, a helper, a tuple of a multiple "
			"of 4 bytes at least 4 bytes shorter than the key that holds the helper's "
			"range, and attempts above 0\n");
		return -EINVAL;
	}
	r = ctx->reta_sz;
	/* the last r bits of the range take the complement */
	flip_at = h->tuple_offset + h->tuple_len - r;
	/* the bits before them count the attempts */
	count_len = RTE_MIN(h->tuple_len - r, 31u);
	count_at = flip_at - count_len;
	attempts = RTE_MIN(attempts, 1u << count_len);
	for (unsigned int i = 0; i < attempts; i++) {
		uint32_t hash = thash_tuple_hash(ctx, tuple, tuple_len);
		uint32_t flip = rte_thash_get_complement(h, hash, desired_value);

		bits_write(tuple, flip_at, r, bits_read(tuple, flip_at, r) ^ flip);
		if (fn == NULL || fn(userdata, tuple) != 0)
			return 0;
		if (count_len > 0 && i + 1 < attempts)
			bits_write(tuple, count_at, count_len,
				   (bits_read(tuple, count_at, count_len) + 1) &
					   ((1u << count_len) - 1));
	}
	return -EEXIST;
}
