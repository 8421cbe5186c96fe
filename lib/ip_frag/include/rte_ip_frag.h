/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4/IPv6 fragmentation and reassembly, with DPDK 22.11's names.
 *
 * Fragmentation splits one packet into MTU-sized fragments whose headers
 * live in new direct mbufs and whose payload is the input's data, attached
 * through indirect mbufs (no copy); the caller frees the input afterwards.
 *
 * Reassembly keeps the fragments of each datagram in a fixed-size table
 * keyed by <source, destination, id>. Nothing a fragment says can make the
 * table grow or write outside it: a bad fragment, a bad flow, a full table
 * or a flow older than max_cycles sends its mbufs to a caller-owned death
 * row, which rte_ip_frag_free_death_row() empties. One reassembly call puts
 * at most RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1 mbufs there; the caller empties
 * the row at least every RTE_IP_FRAG_DEATH_ROW_LEN calls (a row that is
 * full anyway gets its excess freed at once instead).
 *
 * A table is used by one lcore at a time: it has no lock.
 */
#ifndef _RTE_IP_FRAG_H_
#define _RTE_IP_FRAG_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_compat.h>
#include <rte_config.h>
#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_byteorder.h>
#include <rte_ip.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Most fragments one datagram may have in a reassembly table. */
#ifndef RTE_LIBRTE_IP_FRAG_MAX_FRAG
#define RTE_LIBRTE_IP_FRAG_MAX_FRAG 8
#endif

struct rte_mbuf;
struct rte_mempool;
struct rte_ip_frag_tbl;

/* Packets a death row holds, and the mbufs that makes. */
#define RTE_IP_FRAG_DEATH_ROW_LEN 32
#define RTE_IP_FRAG_DEATH_ROW_MBUF_LEN \
	(RTE_IP_FRAG_DEATH_ROW_LEN * (RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1))

/* mbufs waiting to be freed by rte_ip_frag_free_death_row(); start with cnt = 0. */
struct rte_ip_frag_death_row {
	uint32_t cnt;
	struct rte_mbuf *row[RTE_IP_FRAG_DEATH_ROW_MBUF_LEN];
};

/*
 * A reassembly table of rte_align32pow2(bucket_num) * bucket_entries * 2
 * entries (two candidate buckets a key), at most max_entries of them in use
 * at once; a flow older than max_cycles (in the caller's tms units, usually
 * TSC cycles) is dropped. bucket_entries must be a power of two and
 * max_entries at most the number of entries. Returns NULL with rte_errno
 * EINVAL (bad sizes) or ENOMEM.
 */
struct rte_ip_frag_tbl *rte_ip_frag_table_create(uint32_t bucket_num, uint32_t bucket_entries,
						 uint32_t max_entries, uint64_t max_cycles,
						 int socket_id);

/* Free the table and the fragments it still holds. NULL is a no-op. */
void rte_ip_frag_table_destroy(struct rte_ip_frag_tbl *tbl);

/*
 * Split the IPv4 packet pkt_in (IPv4 header at its data start) into
 * fragments of at most mtu_size bytes, header included, stored in
 * pkts_out. Options without the copied flag appear in the first fragment
 * only. The header checksum is left 0 for the caller (or the NIC) to fill.
 * Returns the number of fragments, or -EINVAL (NULL argument, mtu_size
 * below 68 or below the header, truncated header, pkts_out too small),
 * -ENOTSUP (DF set) or -ENOMEM (a pool is empty; nothing is left
 * allocated). pkt_in is not freed and must outlive the fragments.
 */
int32_t rte_ipv4_fragment_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
				 uint16_t nb_pkts_out, uint16_t mtu_size,
				 struct rte_mempool *pool_direct,
				 struct rte_mempool *pool_indirect);

/*
 * As rte_ipv4_fragment_packet, but each fragment is one direct mbuf from
 * pool_direct holding a copy of its bytes (for queues that free mbufs
 * without looking at them). Also -EINVAL when a pool_direct mbuf cannot
 * hold a fragment.
 */
__rte_experimental int32_t rte_ipv4_fragment_copy_nonseg_packet(struct rte_mbuf *pkt_in,
								struct rte_mbuf **pkts_out,
								uint16_t nb_pkts_out,
								uint16_t mtu_size,
								struct rte_mempool *pool_direct);

/*
 * Split the IPv6 packet pkt_in (IPv6 header at its data start; everything
 * after the 40-byte header is fragmentable payload) into fragments of at
 * most mtu_size bytes, each with a fragment header (id 0: the caller sets
 * one). Returns the number of fragments, or -EINVAL (NULL argument,
 * mtu_size below 1280, truncated header, pkts_out too small) or -ENOMEM.
 */
int32_t rte_ipv6_fragment_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
				 uint16_t nb_pkts_out, uint16_t mtu_size,
				 struct rte_mempool *pool_direct,
				 struct rte_mempool *pool_indirect);

/*
 * Add the IPv4 fragment mb (l2_len and l3_len set, ip_hdr its IPv4 header)
 * to tbl at time tms. Returns the reassembled packet when mb completes its
 * datagram (headers of the first fragment, fragment fields cleared but DF,
 * checksum 0), else NULL: mb is kept in the table, or it went to dr with
 * its flow when the fragment or the flow is bad or the table is full.
 */
struct rte_mbuf *rte_ipv4_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl,
						 struct rte_ip_frag_death_row *dr,
						 struct rte_mbuf *mb, uint64_t tms,
						 struct rte_ipv4_hdr *ip_hdr);

/*
 * As rte_ipv4_frag_reassemble_packet for IPv6: l3_len counts the IPv6 and
 * the fragment header, which follows the IPv6 header directly (as
 * rte_ipv6_frag_get_ipv6_fragment_header finds it). The reassembled
 * packet has the fragment header removed.
 */
struct rte_mbuf *rte_ipv6_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl,
						 struct rte_ip_frag_death_row *dr,
						 struct rte_mbuf *mb, uint64_t tms,
						 struct rte_ipv6_hdr *ip_hdr,
						 struct rte_ipv6_fragment_ext *frag_hdr);

/* The fragment header right after hdr, or NULL when hdr's next header is another. */
static inline struct rte_ipv6_fragment_ext *
rte_ipv6_frag_get_ipv6_fragment_header(struct rte_ipv6_hdr *hdr)
{
	if (hdr->proto != IPPROTO_FRAGMENT)
		return NULL;
	return (struct rte_ipv6_fragment_ext *)(hdr + 1);
}

/* 1 when the IPv4 packet is a fragment (MF set or a non-zero offset), else 0. */
static inline int
rte_ipv4_frag_pkt_is_fragmented(const struct rte_ipv4_hdr *hdr)
{
	uint16_t flag_offset = rte_be_to_cpu_16(hdr->fragment_offset);

	return (flag_offset & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) != 0;
}

/* Free every mbuf on dr (prefetching `prefetch` ahead) and empty it. */
void rte_ip_frag_free_death_row(struct rte_ip_frag_death_row *dr, uint32_t prefetch);

/* Print the table's size, use and counters to f. */
void rte_ip_frag_table_statistics_dump(FILE *f, const struct rte_ip_frag_tbl *tbl);

/*
 * Move the flows older than max_cycles at time tms to dr, oldest first,
 * stopping early when dr has no room for the next one.
 */
__rte_experimental void rte_ip_frag_table_del_expired_entries(struct rte_ip_frag_tbl *tbl,
							      struct rte_ip_frag_death_row *dr,
							      uint64_t tms);

/* Older names DPDK keeps. */
#define IP_FRAG_DEATH_ROW_LEN RTE_IP_FRAG_DEATH_ROW_LEN
#define IP_FRAG_DEATH_ROW_MBUF_LEN RTE_IP_FRAG_DEATH_ROW_MBUF_LEN
#define ipv6_extension_fragment rte_ipv6_fragment_ext

#ifdef __cplusplus
}
#endif

#endif
