/* SPDX-License-Identifier: BSD-3-Clause */
/* Reassembly table internals, shared by the table and the reassembly code. */
#ifndef _IP_FRAG_PRIVATE_H_
#define _IP_FRAG_PRIVATE_H_

#include <stdint.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_ip_frag.h>

#define IP_FRAG_LOG(level, ...) RTE_LOG(level, USER1, "ip_frag: " __VA_ARGS__)

/* key_len: 64-bit words of addresses in a key; 0 marks a free entry. */
#define IP_FRAG_KEY_LEN_V4 1
#define IP_FRAG_KEY_LEN_V6 4

/* A total_size that no datagram has: the last fragment is not in yet. */
#define IP_FRAG_SIZE_UNKNOWN UINT32_MAX

struct ip_frag_key {
	uint64_t src_dst[4]; /* IPv4: both addresses in the first word */
	uint32_t id;
	uint32_t key_len;
};

/* One fragment held: its payload's place in the datagram and its mbuf. */
struct ip_frag_piece {
	uint16_t ofs;
	uint16_t len;
	struct rte_mbuf *mb;
};

/* One datagram being reassembled. */
struct ip_frag_flow {
	TAILQ_ENTRY(ip_frag_flow) lru;
	struct ip_frag_key key;
	uint64_t start;	     /* tms of the flow's first fragment */
	uint32_t total_size; /* payload bytes, known once the last fragment came */
	uint32_t frag_size;  /* payload bytes held */
	uint32_t max_end;    /* highest end offset of a held fragment */
	uint32_t nb_pieces;
	struct ip_frag_piece pieces[RTE_LIBRTE_IP_FRAG_MAX_FRAG];
} __rte_cache_aligned;

TAILQ_HEAD(ip_frag_lru, ip_frag_flow);

struct ip_frag_tbl_stat {
	uint64_t find_num;     /* lookups */
	uint64_t add_num;      /* flows started */
	uint64_t del_num;      /* flows dropped for age to make room */
	uint64_t reuse_num;    /* expired flows restarted by a new fragment */
	uint64_t fail_total;   /* fragments no entry could be found for */
	uint64_t fail_nospace; /* of those, because the table was full */
	uint64_t bad_num;      /* flows or fragments dropped as malformed */
};

struct rte_ip_frag_tbl {
	uint64_t max_cycles;
	uint32_t entry_mask; /* hash value -> first entry of a bucket */
	uint32_t max_entries;
	uint32_t use_entries;
	uint32_t bucket_entries;
	uint32_t nb_entries;
	uint32_t nb_buckets;
	struct ip_frag_flow *last; /* flow of the previous fragment, a cheap hit */
	struct ip_frag_lru lru;	   /* flows in use, oldest first */
	struct ip_frag_tbl_stat stat;
	struct ip_frag_flow flows[];
};

/*
 * Put mb on the death row; when the caller let the row fill up, free it
 * at once rather than write past the row.
 */
static inline void
ip_frag_dr_put(struct rte_ip_frag_death_row *dr, struct rte_mbuf *mb)
{
	if (dr->cnt < RTE_IP_FRAG_DEATH_ROW_MBUF_LEN)
		dr->row[dr->cnt++] = mb;
	else
		rte_pktmbuf_free(mb);
}

/* The flow for key, found or started at time tms; NULL when the table is full. */
struct ip_frag_flow *ip_frag_flow_find(struct rte_ip_frag_tbl *tbl,
				       struct rte_ip_frag_death_row *dr,
				       const struct ip_frag_key *key, uint64_t tms);

/* Send the flow's mbufs to dr and free its entry. */
void ip_frag_flow_drop(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
		       struct ip_frag_flow *flow);

/* Free the flow's entry; its mbufs were handed on already. */
void ip_frag_flow_release(struct rte_ip_frag_tbl *tbl, struct ip_frag_flow *flow);

#endif
