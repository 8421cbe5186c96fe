/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Software Toeplitz hash: the RSS hash a NIC computes over packet
 * addresses and ports, so that software can predict the queue a flow lands
 * on. The input is a tuple of 32-bit words in CPU order; the key is the
 * RSS key as given to the NIC (rte_softrss) or converted once with
 * rte_convert_rss_key() (rte_softrss_be, faster). The key must be at least
 * 4 bytes longer than the tuple (the usual 40-byte key covers every tuple).
 *
 * A context (rte_thash_init_ctx()) owns an RSS key shaped so that software can
 * choose the low bits of a tuple's hash: each helper (rte_thash_add_helper())
 * names a bit range of the tuple, e.g. the source port of SNAT, and writes
 * key bits for it such that flipping the range's last reta_sz bits changes
 * the low reta_sz bits of the hash by a known, invertible map
 * (rte_thash_get_complement(), rte_thash_adjust_tuple()).
 */
#ifndef _RTE_THASH_H
#define _RTE_THASH_H

#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ip.h>
#include <rte_thash_gfni.h>
#include <rte_vect.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Tuple lengths in 32-bit words: addresses only (L3), or with the ports
 * or SCTP tag (L4). */
#define RTE_THASH_V4_L3_LEN \
	((sizeof(struct rte_ipv4_tuple) - sizeof(((struct rte_ipv4_tuple *)0)->sctp_tag)) / 4)
#define RTE_THASH_V4_L4_LEN ((sizeof(struct rte_ipv4_tuple)) / 4)
#define RTE_THASH_V6_L3_LEN \
	((sizeof(struct rte_ipv6_tuple) - sizeof(((struct rte_ipv6_tuple *)0)->sctp_tag)) / 4)
#define RTE_THASH_V6_L4_LEN ((sizeof(struct rte_ipv6_tuple)) / 4)

/*
 * IPv4 tuple, fields in CPU order. dport comes before sport so that on a
 * little-endian CPU the last word reads sport:dport, the order in which
 * the NIC hashes them.
 */
struct rte_ipv4_tuple {
	uint32_t src_addr;
	uint32_t dst_addr;
	RTE_STD_C11
	union {
		struct {
			uint16_t dport;
			uint16_t sport;
		};
		uint32_t sctp_tag;
	};
};

/* IPv6 tuple: each address as four CPU-order words (rte_thash_load_v6_addrs()). */
struct rte_ipv6_tuple {
	uint8_t src_addr[16];
	uint8_t dst_addr[16];
	RTE_STD_C11
	union {
		struct {
			uint16_t dport;
			uint16_t sport;
		};
		uint32_t sctp_tag;
	};
};

union rte_thash_tuple {
	struct rte_ipv4_tuple v4;
	struct rte_ipv6_tuple v6;
} __rte_aligned(XMM_SIZE);

/* Key word j: 32 bits at bit offset 32 * j, from bytes of any alignment. */
static inline uint32_t
rte_thash_key_word(const uint8_t *key, uint32_t j, int key_converted)
{
	uint32_t w;

	memcpy(&w, key + 4 * j, sizeof(w));
	return key_converted ? w : rte_be_to_cpu_32(w);
}

/* The RSS key as CPU-order words, for rte_softrss_be(); len in bytes. */
static inline void
rte_convert_rss_key(const uint32_t *orig, uint32_t *targ, int len)
{
	/* orig is often a byte array cast by the caller: read it bytewise. */
	for (int i = 0; i < (len >> 2); i++)
		targ[i] = rte_thash_key_word((const uint8_t *)orig, (uint32_t)i, 0);
}

/* Copy the addresses of an IPv6 header into targ as CPU-order words. */
static inline void
rte_thash_load_v6_addrs(const struct rte_ipv6_hdr *orig, union rte_thash_tuple *targ)
{
	uint32_t w;

	for (int i = 0; i < 4; i++) {
		memcpy(&w, orig->src_addr + 4 * i, 4);
		w = rte_be_to_cpu_32(w);
		memcpy(targ->v6.src_addr + 4 * i, &w, 4);
		memcpy(&w, orig->dst_addr + 4 * i, 4);
		w = rte_be_to_cpu_32(w);
		memcpy(targ->v6.dst_addr + 4 * i, &w, 4);
	}
}

/*
 * Toeplitz over input_len words: each set input bit, counted from the most
 * significant bit of the first word, XORs in the 32 key bits that start at
 * the same offset.
 */
static inline uint32_t
rte_thash_toeplitz(const uint32_t *input_tuple, uint32_t input_len, const uint8_t *key,
		   int key_converted)
{
	uint32_t ret = 0;

	for (uint32_t j = 0; j < input_len; j++) {
		uint64_t window = (uint64_t)rte_thash_key_word(key, j, key_converted) << 32 |
				  rte_thash_key_word(key, j + 1, key_converted);

		for (uint32_t bits = input_tuple[j]; bits != 0; bits &= bits - 1) {
			/* Bit b (from the LSB) is at offset 31 - b from the word's
			 * MSB: its 32 key bits are the window shifted by b + 1. */
			unsigned int b = (unsigned int)__builtin_ctz(bits);

			ret ^= (uint32_t)(window >> (b + 1));
		}
	}
	return ret;
}

/* Toeplitz hash of the tuple with the key as given to the NIC. */
static inline uint32_t
rte_softrss(uint32_t *input_tuple, uint32_t input_len, const uint8_t *rss_key)
{
	return rte_thash_toeplitz(input_tuple, input_len, rss_key, 0);
}

/* Toeplitz hash of the tuple with a key from rte_convert_rss_key(). */
static inline uint32_t
rte_softrss_be(uint32_t *input_tuple, uint32_t input_len, const uint8_t *rss_key)
{
	return rte_thash_toeplitz(input_tuple, input_len, rss_key, 1);
}

/*
 * 1 when rte_thash_gfni() computes the hash with GFNI instructions. Sluice
 * builds no GFNI form (see rte_thash_gfni.h): always 0.
 */
int rte_thash_gfni_supported(void);

/*
 * Fill matrixes (size 64-bit words) with the GFNI matrices of the size-byte
 * rss_key: matrix i, byte j holds the 8 key bits from bit 8 * i + j on
 * (wrapping to the key's start). Returns nothing; no rte_errno.
 */
void rte_thash_complete_matrix(uint64_t *matrixes, const uint8_t *rss_key, int size);

/* log2 of the RSS redirection table size a context serves: 2..16 bits. */
#define RTE_THASH_RETA_SZ_MIN 2U
#define RTE_THASH_RETA_SZ_MAX 16U

/* rte_thash_init_ctx() flags. */
/* Let a helper's key bits outrun the period (2^reta_sz - 1) of its sequence. */
#define RTE_THASH_IGNORE_PERIOD_OVERFLOW 0x1
/* Write only the 2 * reta_sz - 1 key bits a helper needs, not its whole range. */
#define RTE_THASH_MINIMAL_SEQ 0x2

struct rte_thash_ctx;
struct rte_thash_subtuple_helper;

/*
 * A context named name with a key_len-byte key (a copy of key, random if key
 * is NULL) for a 2^reta_sz-entry redirection table. NULL with rte_errno:
 * EINVAL (NULL or too long name, key_len 0, reta_sz outside 2..16), EEXIST
 * (name taken), ENOMEM.
 */
struct rte_thash_ctx *rte_thash_init_ctx(const char *name, uint32_t key_len, uint32_t reta_sz,
					 uint8_t *key, uint32_t flags);

/* The context of that name, or NULL with rte_errno ENOENT (EINVAL for NULL). */
struct rte_thash_ctx *rte_thash_find_existing(const char *name);

/* Free ctx and its helpers (NULL is ignored). No rte_errno. */
void rte_thash_free_ctx(struct rte_thash_ctx *ctx);

/*
 * Add helper name for the len-bit range of the tuple that starts at bit
 * offset (bits counted from the tuple's first byte's most significant bit),
 * and write the key bits it needs: [offset, offset + len + 31), or only its
 * last 2 * reta_sz - 1 bits with RTE_THASH_MINIMAL_SEQ. Ranges overlapping
 * one earlier helper's extend its sequence; earlier helpers stay valid.
 * 0, -EINVAL (NULL argument, len < reta_sz, range past the key, too long
 * name), -EEXIST (name taken, or range reaching into a second helper's),
 * -ENOSPC (range longer than the sequence's period, or starting before one
 * helper's and reaching into another's), -ENOMEM. No rte_errno.
 */
int rte_thash_add_helper(struct rte_thash_ctx *ctx, const char *name, uint32_t len,
			 uint32_t offset);

/* The helper of that name, or NULL (also for NULL arguments). No rte_errno. */
struct rte_thash_subtuple_helper *rte_thash_get_helper(struct rte_thash_ctx *ctx,
						       const char *name);

/*
 * The bits to XOR into the last reta_sz bits of h's tuple range (the least
 * significant bit of the result goes to the range's last bit) so that a
 * tuple hashing to hash hashes to desired_hash in its low reta_sz bits.
 * 0 for a NULL h. No rte_errno.
 */
uint32_t rte_thash_get_complement(struct rte_thash_subtuple_helper *h, uint32_t hash,
				  uint32_t desired_hash);

/* The context's key, as helpers shaped it (NULL for NULL). No rte_errno. */
const uint8_t *rte_thash_get_key(struct rte_thash_ctx *ctx);

/*
 * The GFNI matrices of the key, kept only where rte_thash_gfni_supported():
 * NULL in Sluice, as in DPDK on a CPU without GFNI. No rte_errno.
 */
const uint64_t *rte_thash_get_gfni_matrices(struct rte_thash_ctx *ctx);

/* Whether tuple is acceptable to the caller (nonzero: take it). */
typedef int (*rte_thash_check_tuple_t)(void *userdata, uint8_t *tuple);

/*
 * Rewrite the tuple_len-byte tuple (network order, tuple_len a multiple of 4
 * and at least 4 bytes shorter than the key) in h's range so that its hash
 * has desired_value in the low reta_sz bits. With fn, a tuple fn refuses is
 * changed again (the range's other bits counted up by one) up to attempts
 * times in all. 0; -EINVAL (NULL ctx, h or tuple, bad tuple_len, h's range
 * outside the tuple, attempts 0), -EEXIST (fn refused every attempt).
 * No rte_errno.
 */
int rte_thash_adjust_tuple(struct rte_thash_ctx *ctx, struct rte_thash_subtuple_helper *h,
			   uint8_t *tuple, unsigned int tuple_len, uint32_t desired_value,
			   unsigned int attempts, rte_thash_check_tuple_t fn, void *userdata);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THASH_H */
