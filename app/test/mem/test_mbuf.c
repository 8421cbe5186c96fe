/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mbuf: pool creation and its errors, the fields of a fresh mbuf, every
 * data operation with the payload bytes checked, refcounts, clones and
 * attach/detach, chains read and linearized, deep copies, external
 * buffers, dynamic fields and flags, checks, dumps, packet type names and
 * (debug builds) the double-free guard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#include "test.h"

#define NB_MBUF 32
#define ROOM 1024	/* small buffers: chains appear quickly */

static struct rte_mempool *
mbuf_pool(const char *name)
{
	return rte_pktmbuf_pool_create(name, NB_MBUF, 0, 16, ROOM, SOCKET_ID_ANY);
}

/* Fill n bytes with a pattern that starts at 'seed'. */
static void
fill(void *p, unsigned int n, uint8_t seed)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		((uint8_t *)p)[i] = (uint8_t)(seed + i);
}

static int
check(const void *p, unsigned int n, uint8_t seed)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (((const uint8_t *)p)[i] != (uint8_t)(seed + i))
			return -1;
	return 0;
}

static int
test_mbuf_pool(void)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m;

	mp = mbuf_pool("mbuf_pool");
	TEST_ASSERT_NOT_NULL(mp, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(mp->elt_size, sizeof(struct rte_mbuf) + 16 + ROOM, "element size");
	TEST_ASSERT_EQUAL(rte_pktmbuf_data_room_size(mp), ROOM, "room");
	TEST_ASSERT_EQUAL(rte_pktmbuf_priv_size(mp), 16, "priv");
	TEST_ASSERT(strcmp(rte_mempool_get_ops(mp->ops_index)->name, "ring_mp_mc") == 0, "ops");

	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	TEST_ASSERT(m->pool == mp, "pool");
	TEST_ASSERT(m->buf_addr == (char *)m + sizeof(*m) + 16, "buffer after priv area");
	TEST_ASSERT(rte_mbuf_to_priv(m) == (char *)m + sizeof(*m), "priv area");
	TEST_ASSERT_EQUAL(m->buf_iova, rte_mempool_virt2iova(m) + sizeof(*m) + 16, "buf_iova");
	TEST_ASSERT_EQUAL(rte_pktmbuf_iova(m), m->buf_iova + RTE_PKTMBUF_HEADROOM, "data iova");
	TEST_ASSERT_EQUAL(rte_mbuf_data_iova_default(m), rte_mbuf_data_iova(m), "default iova");
	TEST_ASSERT_EQUAL(m->buf_len, ROOM, "buf_len");
	TEST_ASSERT_EQUAL(m->data_off, RTE_PKTMBUF_HEADROOM, "headroom");
	TEST_ASSERT_EQUAL(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM, "headroom()");
	TEST_ASSERT_EQUAL(rte_pktmbuf_tailroom(m), ROOM - RTE_PKTMBUF_HEADROOM, "tailroom");
	TEST_ASSERT(m->data_len == 0 && m->pkt_len == 0 && m->nb_segs == 1, "empty");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(m), 1, "refcnt");
	TEST_ASSERT_EQUAL(m->port, RTE_MBUF_PORT_INVALID, "port");
	TEST_ASSERT(m->next == NULL && m->ol_flags == 0, "clean");
	TEST_ASSERT(rte_pktmbuf_mtod(m, char *) == rte_mbuf_data_addr_default(m), "mtod");
	rte_pktmbuf_free(m);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "freed");
	rte_pktmbuf_free(NULL);

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create("mbuf_bad", 16, 0, 3, ROOM, SOCKET_ID_ANY),
			 "priv not aligned");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "priv errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create_by_ops("mbuf_bad", 16, 0, 0, ROOM, SOCKET_ID_ANY,
							"no_such_ops"), "bad ops");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "ops errno");
	TEST_ASSERT_NULL(rte_mempool_lookup("mbuf_bad"), "failed pool removed");
	rte_errno = 0;
	TEST_ASSERT_NULL(mbuf_pool("mbuf_pool"), "duplicate");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "duplicate errno");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_pktmbuf_pool_create("mbuf_bad", 0, 0, 0, ROOM, SOCKET_ID_ANY), "n=0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "n=0 errno");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_data_ops(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_data");
	struct rte_mbuf *m;
	char *p, *hdr;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	p = rte_pktmbuf_append(m, 100);
	TEST_ASSERT(p == rte_pktmbuf_mtod(m, char *), "append to empty returns the start");
	fill(p, 100, 1);
	TEST_ASSERT(m->data_len == 100 && m->pkt_len == 100, "lengths after append");
	hdr = rte_pktmbuf_prepend(m, 14);
	TEST_ASSERT(hdr == p - 14, "prepend moves the start back");
	fill(hdr, 14, 200);
	TEST_ASSERT(m->data_len == 114 && m->pkt_len == 114, "lengths after prepend");
	TEST_ASSERT_EQUAL(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM - 14, "headroom");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_mtod(m, char *), 14, 200), "header bytes");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_mtod_offset(m, char *, 14), 100, 1), "payload bytes");
	TEST_ASSERT_NULL(rte_pktmbuf_prepend(m, RTE_PKTMBUF_HEADROOM), "no headroom");
	TEST_ASSERT_NULL(rte_pktmbuf_append(m, rte_pktmbuf_tailroom(m) + 1), "no tailroom");
	TEST_ASSERT_EQUAL(m->pkt_len, 114, "failed ops change nothing");

	p = rte_pktmbuf_adj(m, 14);
	TEST_ASSERT(p == hdr + 14, "adj returns the new start");
	TEST_ASSERT_SUCCESS(check(p, 100, 1), "payload after adj");
	TEST_ASSERT_NULL(rte_pktmbuf_adj(m, 101), "adj past the data");
	TEST_ASSERT_SUCCESS(rte_pktmbuf_trim(m, 40), "trim");
	TEST_ASSERT(m->data_len == 60 && m->pkt_len == 60, "lengths after trim");
	TEST_ASSERT_EQUAL(rte_pktmbuf_trim(m, 61), -1, "trim past the data");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_mtod(m, char *), 60, 1), "payload after trim");
	TEST_ASSERT(rte_pktmbuf_is_contiguous(m), "one segment");
	TEST_ASSERT(rte_pktmbuf_lastseg(m) == m, "lastseg");

	m->ol_flags = RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_IPV4;
	TEST_ASSERT_SUCCESS(rte_validate_tx_offload(m), "ipv4 csum ok");
	m->ol_flags = RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_IPV6;
	TEST_ASSERT_EQUAL(rte_validate_tx_offload(m), -EINVAL, "ip csum on ipv6");
	m->tx_offload = rte_mbuf_tx_offload(14, 20, 8, 0, 0, 0, 0);
	TEST_ASSERT(m->l2_len == 14 && m->l3_len == 20 && m->l4_len == 8, "tx_offload fields");
	rte_pktmbuf_reset(m);
	TEST_ASSERT(m->pkt_len == 0 && m->ol_flags == 0 && m->tx_offload == 0 &&
		    m->data_off == RTE_PKTMBUF_HEADROOM, "reset");
	rte_pktmbuf_free(m);
	TEST_ASSERT(rte_mempool_full(mp), "all back");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_bulk_refcnt(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_bulk");
	struct rte_mbuf *ms[NB_MBUF + 1];
	unsigned int i;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	TEST_ASSERT_SUCCESS(rte_pktmbuf_alloc_bulk(mp, ms, NB_MBUF), "all");
	for (i = 0; i < NB_MBUF; i++)
		TEST_ASSERT(ms[i]->data_off == RTE_PKTMBUF_HEADROOM && ms[i]->nb_segs == 1, "reset");
	TEST_ASSERT_NULL(rte_pktmbuf_alloc(mp), "exhausted: NULL");
	TEST_ASSERT(rte_pktmbuf_alloc_bulk(mp, &ms[NB_MBUF], 1) < 0, "exhausted bulk");
	rte_pktmbuf_free_bulk(ms, 8);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 8, "8 freed");
	TEST_ASSERT(rte_pktmbuf_alloc_bulk(mp, ms, 9) < 0, "9 of 8: none");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 8, "all or nothing");

	/* Two holders: the first free only drops a reference. */
	rte_mbuf_refcnt_update(ms[8], 1);
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(ms[8]), 2, "refcnt 2");
	rte_pktmbuf_free(ms[8]);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), 8, "still held");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(ms[8]), 1, "refcnt 1");
	rte_mbuf_refcnt_set(ms[9], 3);
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_update(ms[9], -1), 2, "update returns the new value");
	TEST_ASSERT_NULL(rte_pktmbuf_prefree_seg(ms[9]), "not last reference");
	TEST_ASSERT(rte_pktmbuf_prefree_seg(ms[9]) == ms[9], "last reference");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(ms[9]), 1, "left at 1 for the pool");
	rte_mbuf_raw_free(ms[9]);
	ms[9] = NULL;
	rte_pktmbuf_free_bulk(&ms[8], NB_MBUF - 8);	/* NULL entry skipped */
	TEST_ASSERT(rte_mempool_full(mp), "all back");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

/* A packet of 'segs' segments, each holding 'per' bytes of one running pattern. */
static struct rte_mbuf *
make_chain(struct rte_mempool *mp, unsigned int segs, unsigned int per)
{
	struct rte_mbuf *head = NULL, *m;
	unsigned int s;

	for (s = 0; s < segs; s++) {
		m = rte_pktmbuf_alloc(mp);
		if (m == NULL || rte_pktmbuf_append(m, per) == NULL)
			return NULL;
		fill(rte_pktmbuf_mtod(m, void *), per, (uint8_t)(s * per));
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			return NULL;
	}
	return head;
}

static int
test_mbuf_chain_read_linearize(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_chain");
	struct rte_mbuf *m, *tail;
	uint8_t buf[600];
	const uint8_t *p;
	uint16_t saved;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	m = make_chain(mp, 3, 200);
	TEST_ASSERT_NOT_NULL(m, "chain");
	TEST_ASSERT(m->nb_segs == 3 && m->pkt_len == 600 && m->data_len == 200, "chain lengths");
	TEST_ASSERT(!rte_pktmbuf_is_contiguous(m), "not contiguous");
	tail = rte_pktmbuf_lastseg(m);
	TEST_ASSERT(tail == m->next->next && tail->pkt_len == 200, "tail is a plain segment");

	p = rte_pktmbuf_read(m, 10, 50, buf);
	TEST_ASSERT(p == rte_pktmbuf_mtod_offset(m, uint8_t *, 10), "in first segment: no copy");
	p = rte_pktmbuf_read(m, 150, 300, buf);
	TEST_ASSERT(p == buf, "across segments: copied");
	TEST_ASSERT_SUCCESS(check(p, 300, 150), "bytes 150..449");
	p = rte_pktmbuf_read(m, 420, 20, buf);
	TEST_ASSERT(p == rte_pktmbuf_mtod_offset(tail, uint8_t *, 20), "inside the third");
	TEST_ASSERT_NULL(rte_pktmbuf_read(m, 590, 11, buf), "past the end");

	TEST_ASSERT(rte_pktmbuf_append(m, 10) != NULL, "append goes to the last segment");
	TEST_ASSERT(tail->data_len == 210 && m->pkt_len == 610, "append lengths");
	TEST_ASSERT_SUCCESS(rte_pktmbuf_trim(m, 10), "trim last segment");

	saved = m->nb_segs;
	m->nb_segs = UINT16_MAX;
	tail = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(tail, "alloc");
	TEST_ASSERT_EQUAL(rte_pktmbuf_chain(m, tail), -EOVERFLOW, "too many segments");
	TEST_ASSERT_NULL(rte_pktmbuf_lastseg(m)->next, "nothing chained");
	m->nb_segs = saved;
	rte_pktmbuf_free(tail);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF - 3, "3 in use");

	TEST_ASSERT_SUCCESS(rte_pktmbuf_linearize(m), "600 bytes fit one 896-byte room");
	TEST_ASSERT(m->nb_segs == 1 && m->data_len == 600 && m->next == NULL, "one segment");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_mtod(m, void *), 600, 0), "linear payload");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF - 1, "segments 2 and 3 freed");
	rte_pktmbuf_free(m);

	m = make_chain(mp, 3, 400);
	TEST_ASSERT_NOT_NULL(m, "big chain");
	TEST_ASSERT_EQUAL(rte_pktmbuf_linearize(m), -1, "1200 bytes do not fit");
	TEST_ASSERT_EQUAL(m->nb_segs, 3, "left as it was");
	rte_pktmbuf_free(m);
	TEST_ASSERT(rte_mempool_full(mp), "all back");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_clone_attach(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_clone");
	struct rte_mempool *cp = rte_pktmbuf_pool_create("mbuf_clone_ind", 8, 0, 0, 0,
							 SOCKET_ID_ANY);
	struct rte_mbuf *m, *c, *mi;
	uint8_t buf[300];

	TEST_ASSERT(mp != NULL && cp != NULL, "pools");
	m = make_chain(mp, 2, 150);
	TEST_ASSERT_NOT_NULL(m, "chain");
	m->port = 3;
	m->packet_type = RTE_PTYPE_L2_ETHER;
	c = rte_pktmbuf_clone(m, cp);
	TEST_ASSERT_NOT_NULL(c, "clone");
	TEST_ASSERT(c->nb_segs == 2 && c->pkt_len == 300 && c->port == 3, "clone header");
	TEST_ASSERT(RTE_MBUF_CLONED(c) && RTE_MBUF_CLONED(c->next), "indirect segments");
	TEST_ASSERT(rte_pktmbuf_mtod(c, void *) == rte_pktmbuf_mtod(m, void *), "shared data");
	TEST_ASSERT(rte_mbuf_from_indirect(c) == m, "points at m");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(m), 2, "m has 2 refs");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(m->next), 2, "segment 2 has 2 refs");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_read(c, 0, 300, buf), 300, 0), "clone payload");

	rte_pktmbuf_free(m);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF - 2, "data kept alive by clone");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_read(c, 0, 300, buf), 300, 0), "still readable");
	rte_pktmbuf_free(c);
	TEST_ASSERT(rte_mempool_full(mp) && rte_mempool_full(cp), "all back after last ref");

	/* attach/detach by hand, then detach gives the indirect mbuf its own buffer back. */
	m = rte_pktmbuf_alloc(mp);
	mi = rte_pktmbuf_alloc(cp);
	TEST_ASSERT(m != NULL && mi != NULL, "alloc");
	fill(rte_pktmbuf_append(m, 64), 64, 9);
	rte_pktmbuf_attach(mi, m);
	TEST_ASSERT(RTE_MBUF_CLONED(mi) && !RTE_MBUF_DIRECT(mi), "indirect");
	TEST_ASSERT(mi->data_len == 64 && mi->pkt_len == 64, "lengths");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_mtod(mi, void *), 64, 9), "attached data");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(m), 2, "ref taken");
	rte_pktmbuf_detach(mi);
	TEST_ASSERT(RTE_MBUF_DIRECT(mi), "direct again");
	TEST_ASSERT(mi->buf_addr == (char *)mi + sizeof(*mi), "own buffer (no priv, room 0)");
	TEST_ASSERT(mi->data_len == 0 && mi->buf_len == 0, "empty own buffer");
	TEST_ASSERT_EQUAL(rte_mbuf_refcnt_read(m), 1, "ref dropped");
	rte_pktmbuf_free(mi);
	rte_pktmbuf_free(m);
	TEST_ASSERT(rte_mempool_full(mp) && rte_mempool_full(cp), "all back");
	rte_mempool_free(cp);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_copy(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_copy");
	struct rte_mbuf *m, *c;
	uint8_t buf[800];

	TEST_ASSERT_NOT_NULL(mp, "pool");
	m = make_chain(mp, 3, 250);
	TEST_ASSERT_NOT_NULL(m, "chain");
	m->ol_flags = RTE_MBUF_F_RX_VLAN;
	m->vlan_tci = 42;
	c = rte_pktmbuf_copy(m, mp, 100, 600);
	TEST_ASSERT_NOT_NULL(c, "copy");
	TEST_ASSERT_EQUAL(c->pkt_len, 600, "copied length");
	TEST_ASSERT(c->vlan_tci == 42 && c->ol_flags == RTE_MBUF_F_RX_VLAN, "header copied");
	TEST_ASSERT(RTE_MBUF_DIRECT(c), "deep copy is direct");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_read(c, 0, 600, buf), 600, 100), "bytes 100..699");
	TEST_ASSERT(rte_pktmbuf_mtod(c, void *) != rte_pktmbuf_mtod(m, void *), "own data");
	rte_pktmbuf_free(c);
	c = rte_pktmbuf_copy(m, mp, 700, UINT32_MAX);
	TEST_ASSERT(c != NULL && c->pkt_len == 50, "to the end");
	TEST_ASSERT_SUCCESS(check(rte_pktmbuf_mtod(c, void *), 50, (uint8_t)700), "tail bytes");
	rte_pktmbuf_free(c);
	TEST_ASSERT_NULL(rte_pktmbuf_copy(m, mp, 750, 10), "offset past the end");
	rte_pktmbuf_free(m);
	TEST_ASSERT(rte_mempool_full(mp), "all back");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static unsigned int extbuf_freed;

static void
extbuf_free_cb(void *addr, void *opaque)
{
	RTE_SET_USED(addr);
	*(unsigned int *)opaque += 1;
	extbuf_freed++;
}

static int
test_mbuf_extbuf(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_ext");
	struct rte_mbuf_ext_shared_info *shinfo;
	static uint8_t ext[512];
	unsigned int calls = 0;
	uint16_t len = sizeof(ext);
	struct rte_mbuf *m, *c;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	shinfo = rte_pktmbuf_ext_shinfo_init_helper(ext, &len, extbuf_free_cb, &calls);
	TEST_ASSERT_NOT_NULL(shinfo, "shinfo");
	TEST_ASSERT(len < sizeof(ext) && (uint8_t *)shinfo == ext + len, "shinfo at the end");
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	rte_pktmbuf_attach_extbuf(m, ext, 0x1000, len, shinfo);
	TEST_ASSERT(RTE_MBUF_HAS_EXTBUF(m) && m->buf_addr == ext && m->buf_iova == 0x1000, "ext");
	fill(rte_pktmbuf_append(m, 32), 32, 77);
	TEST_ASSERT_SUCCESS(check(ext, 32, 77), "data lands in the external buffer");
	c = rte_pktmbuf_clone(m, mp);
	TEST_ASSERT_NOT_NULL(c, "clone of ext");
	TEST_ASSERT_EQUAL(rte_mbuf_ext_refcnt_read(shinfo), 2, "two refs on ext buffer");
	rte_pktmbuf_free(m);
	TEST_ASSERT_EQUAL(calls, 0, "still referenced");
	rte_pktmbuf_free(c);
	TEST_ASSERT_EQUAL(calls, 1, "free callback once");
	TEST_ASSERT(rte_mempool_full(mp), "mbufs back");
	uint16_t tiny = 8;
	TEST_ASSERT_NULL(rte_pktmbuf_ext_shinfo_init_helper(ext, &tiny, extbuf_free_cb, &calls),
			 "too small");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_dyn(void)
{
	struct rte_mbuf_dynfield f = { .name = "test_dyn_u64", .size = 8, .align = 8 };
	struct rte_mbuf_dynfield f_bad = { .name = "test_dyn_bad", .size = 8, .align = 3 };
	struct rte_mbuf_dynfield f2 = { .name = "test_dyn_u64", .size = 4, .align = 4 };
	struct rte_mbuf_dynfield big = { .name = "test_dyn_big", .size = 64, .align = 1 };
	struct rte_mbuf_dynfield out;
	struct rte_mbuf_dynflag fl = { .name = "test_dyn_flag" };
	struct rte_mempool *mp = mbuf_pool("mbuf_dyn");
	struct rte_mbuf *m;
	int off, off2, bit, ts_off;
	uint64_t ts_flag;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	off = rte_mbuf_dynfield_register(&f);
	TEST_ASSERT(off >= (int)offsetof(struct rte_mbuf, dynfield1) && off + 8 <= 128 &&
		    off % 8 == 0, "offset %d inside dynfield1, aligned", off);
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_register(&f), off, "same request, same offset");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_register(&f2), -1, "same name, other size");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "EEXIST");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_register(&f_bad), -1, "align 3");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "EINVAL");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_register(&big), -1, "64 bytes do not fit");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bigger than the area");
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_lookup("test_dyn_u64", &out), off, "lookup");
	TEST_ASSERT(out.size == 8 && out.align == 8, "lookup params");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_lookup("test_dyn_none", NULL), -1, "unknown");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "ENOENT");

	bit = rte_mbuf_dynflag_register(&fl);
	TEST_ASSERT(bit >= 23 && bit <= 40, "flag bit %d in the free range", bit);
	TEST_ASSERT_EQUAL(rte_mbuf_dynflag_register(&fl), bit, "same flag again");
	TEST_ASSERT_EQUAL(rte_mbuf_dynflag_lookup("test_dyn_flag", NULL), bit, "flag lookup");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_mbuf_dynflag_register_bitnum(&(struct rte_mbuf_dynflag){
		.name = "test_dyn_flag2" }, (unsigned int)bit), -1, "bit taken");
	TEST_ASSERT_EQUAL(rte_errno, EBUSY, "EBUSY");

	TEST_ASSERT_SUCCESS(rte_mbuf_dyn_rx_timestamp_register(&ts_off, &ts_flag), "timestamp");
	TEST_ASSERT_EQUAL(rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_TIMESTAMP_NAME, NULL), ts_off,
			  "timestamp field by name");
	TEST_ASSERT(ts_off != off && (ts_off + 8 <= off || off + 8 <= ts_off), "no overlap");
	off2 = rte_mbuf_dynfield_register_offset(&(struct rte_mbuf_dynfield){
		.name = "test_dyn_at", .size = 2, .align = 2 }, (size_t)off);
	TEST_ASSERT_EQUAL(off2, -1, "offset in use");
	TEST_ASSERT_EQUAL(rte_errno, EBUSY, "EBUSY at offset");

	/* The fields are usable and survive a copy of the header. */
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	*RTE_MBUF_DYNFIELD(m, off, uint64_t *) = 0x1122334455667788ULL;
	*RTE_MBUF_DYNFIELD(m, ts_off, rte_mbuf_timestamp_t *) = 12345;
	m->ol_flags |= ts_flag | (1ULL << bit);
	struct rte_mbuf *c = rte_pktmbuf_copy(m, mp, 0, UINT32_MAX);
	TEST_ASSERT_NULL(c, "empty packet: nothing to copy");
	fill(rte_pktmbuf_append(m, 4), 4, 0);
	c = rte_pktmbuf_copy(m, mp, 0, UINT32_MAX);
	TEST_ASSERT_NOT_NULL(c, "copy");
	TEST_ASSERT_EQUAL(*RTE_MBUF_DYNFIELD(c, off, uint64_t *), 0x1122334455667788ULL, "field");
	TEST_ASSERT_EQUAL(*RTE_MBUF_DYNFIELD(c, ts_off, rte_mbuf_timestamp_t *), 12345, "ts");
	TEST_ASSERT(c->ol_flags & ts_flag, "flag copied");
	rte_pktmbuf_free(c);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_check_dump_ptype(void)
{
	struct rte_mempool *mp = mbuf_pool("mbuf_dump");
	const char *reason = NULL;
	struct rte_mbuf *m;
	char *text = NULL, name[128];
	size_t len = 0;
	FILE *f;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	memcpy(rte_pktmbuf_append(m, 4), "\xde\xad\xbe\xef", 4);
	TEST_ASSERT_SUCCESS(rte_mbuf_check(m, 1, &reason), "good mbuf");
	m->pkt_len = 5;
	TEST_ASSERT_EQUAL(rte_mbuf_check(m, 1, &reason), -1, "bad pkt_len");
	TEST_ASSERT(strcmp(reason, "bad pkt_len") == 0, "reason: %s", reason);
	m->pkt_len = 4;
	m->nb_segs = 2;
	TEST_ASSERT_EQUAL(rte_mbuf_check(m, 1, &reason), -1, "bad nb_segs");
	TEST_ASSERT(strcmp(reason, "bad nb_segs") == 0, "reason: %s", reason);
	m->nb_segs = 1;
	m->buf_iova = 0;
	TEST_ASSERT_EQUAL(rte_mbuf_check(m, 0, &reason), -1, "IO address 0");
	TEST_ASSERT(strcmp(reason, "bad IO addr") == 0, "reason: %s", reason);
	m->buf_iova = rte_mempool_virt2iova(m) + sizeof(*m) + 16;
	TEST_ASSERT_SUCCESS(rte_mbuf_check(m, 1, &reason), "good again");
	TEST_ASSERT_EQUAL(rte_mbuf_check(NULL, 0, &reason), -1, "NULL");

	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_pktmbuf_dump(f, m, 4);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "dump mbuf at", "header");
	TEST_ASSERT_STR_CONTAINS(text, "pkt_len=4", "length");
	TEST_ASSERT_STR_CONTAINS(text, "DE AD BE EF", "payload hex");
	free(text);
	rte_pktmbuf_free(m);

	TEST_ASSERT_SUCCESS(rte_get_ptype_name(RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 |
					       RTE_PTYPE_L4_UDP, name, sizeof(name)), "ptype");
	TEST_ASSERT(strcmp(name, "L2_ETHER L3_IPV4 L4_UDP ") == 0, "name: '%s'", name);
	TEST_ASSERT_SUCCESS(rte_get_ptype_name(0, name, sizeof(name)), "unknown");
	TEST_ASSERT(strcmp(name, "UNKNOWN") == 0, "name: '%s'", name);
	TEST_ASSERT_EQUAL(rte_get_ptype_name(RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4, name, 10), -1,
			  "too small");
	TEST_ASSERT(strcmp(rte_get_ptype_tunnel_name(RTE_PTYPE_TUNNEL_VXLAN), "TUNNEL_VXLAN") == 0,
		    "tunnel");
	TEST_ASSERT(RTE_ETH_IS_IPV4_HDR(RTE_PTYPE_L3_IPV4_EXT) &&
		    !RTE_ETH_IS_IPV4_HDR(RTE_PTYPE_L3_IPV6), "ipv4 test");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
}

static int
test_mbuf_double_free(void)
{
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	struct rte_mempool *mp = mbuf_pool("mbuf_dbl");
	FILE *f, *old = rte_log_get_stream();
	char *text = NULL;
	size_t len = 0;
	struct rte_mbuf *m;

	TEST_ASSERT_NOT_NULL(mp, "pool");
	m = rte_pktmbuf_alloc(mp);
	TEST_ASSERT_NOT_NULL(m, "alloc");
	rte_pktmbuf_free(m);
	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_openlog_stream(f);
	rte_pktmbuf_free(m);
	rte_openlog_stream(old == stderr ? NULL : old);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "freed twice", "one error line");
	free(text);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), NB_MBUF, "second free refused");
	TEST_ASSERT(rte_pktmbuf_alloc(mp) != rte_pktmbuf_alloc(mp), "no mbuf handed out twice");
	rte_mempool_free(mp);
	return TEST_SUCCESS;
#else
	printf("  release build: the double-free guard is compiled out\n");
	return TEST_SKIPPED;
#endif
}

/* Handler names: errors as DPDK returns them; only the default name is set. */
static int
test_mbuf_pool_ops(void)
{
	char long_name[RTE_MEMPOOL_OPS_NAMESIZE + 1];

	memset(long_name, 'o', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	TEST_ASSERT_EQUAL(rte_mbuf_set_platform_mempool_ops(NULL), -EINVAL, "NULL name");
	TEST_ASSERT_EQUAL(rte_mbuf_set_platform_mempool_ops(""), -EINVAL, "empty name");
	TEST_ASSERT_EQUAL(rte_mbuf_set_platform_mempool_ops(long_name), -ENAMETOOLONG,
			  "long platform name");
	TEST_ASSERT_EQUAL(rte_mbuf_set_user_mempool_ops(long_name), -ENAMETOOLONG,
			  "long user name");
	TEST_ASSERT_EQUAL(rte_mbuf_set_user_mempool_ops(NULL), -EINVAL, "NULL user name");
	TEST_ASSERT_SUCCESS(rte_mbuf_set_platform_mempool_ops(RTE_MBUF_DEFAULT_MEMPOOL_OPS),
			    "set platform ops");
	TEST_ASSERT_SUCCESS(rte_mbuf_set_platform_mempool_ops(RTE_MBUF_DEFAULT_MEMPOOL_OPS),
			    "setting the same name again is fine");
	TEST_ASSERT_EQUAL(rte_mbuf_set_platform_mempool_ops("ring_sp_sc"), -EEXIST,
			  "platform ops are set once");
	TEST_ASSERT(strcmp(rte_mbuf_platform_mempool_ops(), RTE_MBUF_DEFAULT_MEMPOOL_OPS) == 0,
		    "platform ops kept");
	TEST_ASSERT_SUCCESS(rte_mbuf_set_user_mempool_ops(RTE_MBUF_DEFAULT_MEMPOOL_OPS),
			    "set user ops");
	TEST_ASSERT(strcmp(rte_mbuf_user_mempool_ops(), RTE_MBUF_DEFAULT_MEMPOOL_OPS) == 0,
		    "user ops");
	TEST_ASSERT(strcmp(rte_mbuf_best_mempool_ops(), RTE_MBUF_DEFAULT_MEMPOOL_OPS) == 0,
		    "best ops");
	return TEST_SUCCESS;
}

static const struct test_case mbuf_cases[] = {
	TEST_CASE(test_mbuf_pool),
	TEST_CASE(test_mbuf_data_ops),
	TEST_CASE(test_mbuf_bulk_refcnt),
	TEST_CASE(test_mbuf_chain_read_linearize),
	TEST_CASE(test_mbuf_clone_attach),
	TEST_CASE(test_mbuf_copy),
	TEST_CASE(test_mbuf_extbuf),
	TEST_CASE(test_mbuf_dyn),
	TEST_CASE(test_mbuf_check_dump_ptype),
	TEST_CASE(test_mbuf_double_free),
	TEST_CASE(test_mbuf_pool_ops),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mbuf, TEST_SUITE_EAL, mbuf_cases);
