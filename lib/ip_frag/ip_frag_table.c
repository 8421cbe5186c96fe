/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The reassembly table: a set-associative hash of flows, each key hashed to
 * two buckets, with an LRU list so that the oldest flow can make room.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_hash_crc.h>
#include <rte_malloc.h>
#include <rte_prefetch.h>

#include "eal_private.h"
#include "ip_frag_private.h"

#define IP_FRAG_HASH_SEED 0x9e3779b9u

static int
ip_frag_key_equal(const struct ip_frag_key *a, const struct ip_frag_key *b)
{
	uint32_t i;

	if (a->key_len != b->key_len || a->id != b->id)
		return 0;
	for (i = 0; i < a->key_len; i++)
		if (a->src_dst[i] != b->src_dst[i])
			return 0;
	return 1;
}

/* Two bucket choices for a key; the second is a rotation of the first. */
static void
ip_frag_key_hash(const struct ip_frag_key *key, uint32_t *h1, uint32_t *h2)
{
	uint32_t words[8];
	uint32_t h = IP_FRAG_HASH_SEED, i;

	memcpy(words, key->src_dst, key->key_len * sizeof(uint64_t));
	for (i = 0; i < key->key_len * 2; i++)
		h = rte_hash_crc_4byte(words[i], h);
	h = rte_hash_crc_4byte(key->id, h);
	*h1 = h;
	*h2 = (h << 7) | (h >> 25);
}

static int
ip_frag_flow_expired(const struct rte_ip_frag_tbl *tbl, const struct ip_frag_flow *flow,
		     uint64_t tms)
{
	return tbl->max_cycles + flow->start < tms;
}

static void
ip_frag_flow_reset(struct ip_frag_flow *flow, uint64_t tms)
{
	flow->start = tms;
	flow->total_size = IP_FRAG_SIZE_UNKNOWN;
	flow->frag_size = 0;
	flow->max_end = 0;
	flow->nb_pieces = 0;
}

static void
ip_frag_flow_pieces_drop(struct ip_frag_flow *flow, struct rte_ip_frag_death_row *dr)
{
	uint32_t i;

	for (i = 0; i < flow->nb_pieces; i++) {
		ip_frag_dr_put(dr, flow->pieces[i].mb);
		flow->pieces[i].mb = NULL;
	}
	flow->nb_pieces = 0;
}

void
ip_frag_flow_release(struct rte_ip_frag_tbl *tbl, struct ip_frag_flow *flow)
{
	flow->nb_pieces = 0;
	flow->key.key_len = 0;
	TAILQ_REMOVE(&tbl->lru, flow, lru);
	tbl->use_entries--;
	if (tbl->last == flow)
		tbl->last = NULL;
}

void
ip_frag_flow_drop(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
		  struct ip_frag_flow *flow)
{
	ip_frag_flow_pieces_drop(flow, dr);
	ip_frag_flow_release(tbl, flow);
}

/*
 * Look key up in its two buckets. On a miss, *free_slot is the first empty
 * entry and *stale the first expired one seen there (either may be NULL).
 */
static struct ip_frag_flow *
ip_frag_flow_lookup(struct rte_ip_frag_tbl *tbl, const struct ip_frag_key *key, uint64_t tms,
		    struct ip_frag_flow **free_slot, struct ip_frag_flow **stale)
{
	struct ip_frag_flow *b1, *b2, *cand[2];
	uint32_t h1, h2, i, j;

	*free_slot = NULL;
	*stale = NULL;
	if (tbl->last != NULL && ip_frag_key_equal(key, &tbl->last->key))
		return tbl->last;

	ip_frag_key_hash(key, &h1, &h2);
	/* entry_mask keeps a bucket's bucket_entries entries inside the table */
	b1 = &tbl->flows[h1 & tbl->entry_mask];
	b2 = &tbl->flows[h2 & tbl->entry_mask];
	for (i = 0; i < tbl->bucket_entries; i++) {
		cand[0] = &b1[i];
		cand[1] = &b2[i];
		for (j = 0; j < 2; j++) {
			struct ip_frag_flow *f = cand[j];

			if (f->key.key_len == 0) {
				if (*free_slot == NULL)
					*free_slot = f;
			} else if (ip_frag_key_equal(key, &f->key)) {
				return f;
			} else if (*stale == NULL && ip_frag_flow_expired(tbl, f, tms)) {
				*stale = f;
			}
		}
	}
	return NULL;
}

struct ip_frag_flow *
ip_frag_flow_find(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
		  const struct ip_frag_key *key, uint64_t tms)
{
	struct ip_frag_flow *flow, *free_slot, *stale, *oldest;

	tbl->stat.find_num++;
	flow = ip_frag_flow_lookup(tbl, key, tms, &free_slot, &stale);
	if (flow != NULL) {
		if (ip_frag_flow_expired(tbl, flow, tms)) {
			/* too old to finish: start it over with this fragment */
			ip_frag_flow_pieces_drop(flow, dr);
			ip_frag_flow_reset(flow, tms);
			TAILQ_REMOVE(&tbl->lru, flow, lru);
			TAILQ_INSERT_TAIL(&tbl->lru, flow, lru);
			tbl->stat.reuse_num++;
		}
		tbl->last = flow;
		return flow;
	}

	if (stale != NULL) {
		ip_frag_flow_drop(tbl, dr, stale);
		tbl->stat.del_num++;
		free_slot = stale;
	} else if (free_slot != NULL && tbl->use_entries >= tbl->max_entries) {
		oldest = TAILQ_FIRST(&tbl->lru);
		if (oldest != NULL && ip_frag_flow_expired(tbl, oldest, tms)) {
			ip_frag_flow_drop(tbl, dr, oldest);
			tbl->stat.del_num++;
		} else {
			free_slot = NULL;
			tbl->stat.fail_nospace++;
		}
	}
	if (free_slot == NULL) {
		tbl->stat.fail_total++;
		return NULL;
	}

	flow = free_slot;
	flow->key = *key;
	ip_frag_flow_reset(flow, tms);
	TAILQ_INSERT_TAIL(&tbl->lru, flow, lru);
	tbl->use_entries++;
	tbl->stat.add_num++;
	tbl->last = flow;
	return flow;
}

__rte_export struct rte_ip_frag_tbl *
rte_ip_frag_table_create(uint32_t bucket_num, uint32_t bucket_entries, uint32_t max_entries,
			 uint64_t max_cycles, int socket_id)
{
	struct rte_ip_frag_tbl *tbl;
	uint64_t nb_entries;
	size_t sz;

	/* two candidate buckets a key, as many as bucket_num rounded up to a power of 2 */
	nb_entries = (uint64_t)rte_align32pow2(bucket_num) * bucket_entries * 2;
	if (bucket_entries == 0 || !rte_is_power_of_2(bucket_entries) || nb_entries == 0 ||
	    nb_entries > UINT32_MAX || max_entries > nb_entries) {
		IP_FRAG_LOG(ERR,
			    "table of %u buckets x %u entries for %u flows: bucket_entries must "
			    "be a power of 2, the buckets at most 2^31 and max_entries at most "
			    "2 * buckets (rounded up to a power of 2) * bucket_entries\n",
			    bucket_num, bucket_entries, max_entries);
		rte_errno = EINVAL;
		return NULL;
	}

	sz = sizeof(*tbl) + (size_t)nb_entries * sizeof(tbl->flows[0]);
	tbl = rte_zmalloc_socket("IP_FRAG_TBL", sz, RTE_CACHE_LINE_SIZE, socket_id);
	if (tbl == NULL) {
		IP_FRAG_LOG(ERR,
			    "no memory for a table of %zu bytes on socket %d: "
			    "give fewer buckets or entries, or more memory\n",
			    sz, socket_id);
		rte_errno = ENOMEM;
		return NULL;
	}
	tbl->max_cycles = max_cycles;
	tbl->max_entries = max_entries;
	tbl->nb_entries = (uint32_t)nb_entries;
	tbl->nb_buckets = bucket_num;
	tbl->bucket_entries = bucket_entries;
	tbl->entry_mask = (tbl->nb_entries - 1) & ~(bucket_entries - 1);
	TAILQ_INIT(&tbl->lru);
	return tbl;
}

__rte_export void
rte_ip_frag_table_destroy(struct rte_ip_frag_tbl *tbl)
{
	struct ip_frag_flow *flow;
	uint32_t i;

	if (tbl == NULL)
		return;
	TAILQ_FOREACH(flow, &tbl->lru, lru)
	{
		for (i = 0; i < flow->nb_pieces; i++)
			rte_pktmbuf_free(flow->pieces[i].mb);
		flow->nb_pieces = 0;
	}
	rte_free(tbl);
}

__rte_export void
rte_ip_frag_free_death_row(struct rte_ip_frag_death_row *dr, uint32_t prefetch)
{
	uint32_t i, n = RTE_MIN(dr->cnt, (uint32_t)RTE_IP_FRAG_DEATH_ROW_MBUF_LEN);

	for (i = 0; i < RTE_MIN(prefetch, n); i++)
		rte_prefetch0(dr->row[i]);
	for (i = 0; i < n; i++) {
		if (i + prefetch < n)
			rte_prefetch0(dr->row[i + prefetch]);
		rte_pktmbuf_free(dr->row[i]);
	}
	dr->cnt = 0;
}

__rte_export void
rte_ip_frag_table_statistics_dump(FILE *f, const struct rte_ip_frag_tbl *tbl)
{
	const struct ip_frag_tbl_stat *s = &tbl->stat;

	fprintf(f,
		"max entries:\t%u;\n"
		"entries in use:\t%u;\n"
		"finds/inserts:\t%" PRIu64 ";\n"
		"entries added:\t%" PRIu64 ";\n"
		"entries deleted by timeout:\t%" PRIu64 ";\n"
		"entries reused by timeout:\t%" PRIu64 ";\n"
		"total add failures:\t%" PRIu64 ";\n"
		"add no-space failures:\t%" PRIu64 ";\n"
		"add hash-collisions failures:\t%" PRIu64 ";\n"
		"malformed fragments or flows dropped:\t%" PRIu64 ";\n",
		tbl->max_entries, tbl->use_entries, s->find_num, s->add_num, s->del_num,
		s->reuse_num, s->fail_total, s->fail_nospace, s->fail_total - s->fail_nospace,
		s->bad_num);
}

__rte_export void
rte_ip_frag_table_del_expired_entries(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
				      uint64_t tms)
{
	struct ip_frag_flow *flow;

	/* The LRU list is in start order: stop at the first flow still young. */
	while ((flow = TAILQ_FIRST(&tbl->lru)) != NULL && ip_frag_flow_expired(tbl, flow, tms)) {
		if (dr->cnt > RTE_IP_FRAG_DEATH_ROW_MBUF_LEN ||
		    RTE_IP_FRAG_DEATH_ROW_MBUF_LEN - dr->cnt < flow->nb_pieces)
			return;
		ip_frag_flow_drop(tbl, dr, flow);
		tbl->stat.del_num++;
	}
}
