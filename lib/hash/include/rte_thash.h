/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Software Toeplitz hash: the RSS hash a NIC computes over packet
 * addresses and ports, so that software can predict the queue a flow lands
 * on. The input is a tuple of 32-bit words in CPU order; the key is the
 * RSS key as given to the NIC (rte_softrss) or converted once with
 * rte_convert_rss_key() (rte_softrss_be, faster). The key must be at least
 * 4 bytes longer than the tuple (the usual 40-byte key covers every tuple).
 *
 * DPDK's experimental context API (rte_thash_init_ctx() and the helpers
 * that search for tuples with a given hash) is not provided.
 */
#ifndef _RTE_THASH_H
#define _RTE_THASH_H

#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ip.h>
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

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THASH_H */
