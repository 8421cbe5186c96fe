/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pktmbuf pools and the mbuf operations that are not inline: clone, copy,
 * read across segments, linearize, bulk free, checks and dumps.
 */
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_hexdump.h>
#include <rte_log.h>
#include <rte_memcpy.h>
#include <rte_mempool.h>
#include <rte_mbuf.h>
#include <rte_mbuf_pool_ops.h>

#include "mbuf_private.h"

__rte_export void
rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg)
{
	struct rte_pktmbuf_pool_private *user = opaque_arg;
	struct rte_pktmbuf_pool_private def;

	if (mp->private_data_size < sizeof(struct rte_pktmbuf_pool_private) ||
	    mp->elt_size < sizeof(struct rte_mbuf)) {
		MBUF_LOG(ERR, "mempool %s is too small for mbufs: create it with rte_pktmbuf_pool_create\n",
			 mp->name);
		return;
	}
	if (user == NULL) {
		/* Whatever follows the mbuf header is buffer. */
		memset(&def, 0, sizeof(def));
		def.mbuf_data_room_size = (uint16_t)(mp->elt_size - sizeof(struct rte_mbuf));
		user = &def;
	}
	memcpy(rte_mempool_get_priv(mp), user, sizeof(*user));
}

__rte_export void
rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *_m, unsigned i)
{
	struct rte_mbuf *m = _m;
	uint32_t priv_size = rte_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)sizeof(struct rte_mbuf) + priv_size;

	RTE_SET_USED(opaque_arg);
	RTE_SET_USED(i);
	memset(m, 0, mp->elt_size);
	m->priv_size = (uint16_t)priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	rte_mbuf_iova_set(m, rte_mempool_virt2iova(m) + mbuf_size);
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	rte_mbuf_refcnt_set(m, 1);
	m->next = NULL;
}

/*
 * Create, populate and initialize a pktmbuf pool of elt_size-byte
 * elements described by priv; obj_init(mp, arg, m, i) sets up each mbuf.
 * Returns NULL with rte_errno set on failure, with nothing left behind.
 */
struct rte_mempool *
mbuf_pool_make(const char *name, unsigned int n, unsigned int cache_size, unsigned int elt_size,
	       const struct rte_pktmbuf_pool_private *priv, int socket_id, const char *ops_name,
	       rte_mempool_obj_cb_t *obj_init, void *obj_init_arg)
{
	struct rte_pktmbuf_pool_private mbp_priv = *priv;
	struct rte_mempool *mp;
	int ret;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, sizeof(mbp_priv), socket_id,
				      0);
	if (mp == NULL)
		return NULL;
	if (ops_name == NULL)
		ops_name = rte_mbuf_best_mempool_ops();
	ret = rte_mempool_set_ops_byname(mp, ops_name, NULL);
	if (ret != 0) {
		MBUF_LOG(ERR, "mbuf pool %s: cannot use mempool handler \"%s\"\n", name, ops_name);
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	rte_pktmbuf_pool_init(mp, &mbp_priv);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	rte_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

/* The private size must keep the buffer behind it aligned. */
int
mbuf_priv_size_check(uint16_t priv_size)
{
	if (RTE_ALIGN(priv_size, RTE_MBUF_PRIV_ALIGN) != priv_size) {
		MBUF_LOG(ERR, "mbuf priv_size=%u is not a multiple of %d: round it up\n",
			 priv_size, RTE_MBUF_PRIV_ALIGN);
		rte_errno = EINVAL;
		return -EINVAL;
	}
	return 0;
}

__rte_export struct rte_mempool *
rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n, unsigned int cache_size,
			       uint16_t priv_size, uint16_t data_room_size, int socket_id,
			       const char *ops_name)
{
	struct rte_pktmbuf_pool_private mbp_priv;
	unsigned int elt_size;

	if (mbuf_priv_size_check(priv_size) != 0)
		return NULL;
	elt_size = (unsigned int)sizeof(struct rte_mbuf) + priv_size + data_room_size;
	memset(&mbp_priv, 0, sizeof(mbp_priv));
	mbp_priv.mbuf_data_room_size = data_room_size;
	mbp_priv.mbuf_priv_size = priv_size;
	return mbuf_pool_make(name, n, cache_size, elt_size, &mbp_priv, socket_id, ops_name,
			      rte_pktmbuf_init, NULL);
}

__rte_export struct rte_mempool *
rte_pktmbuf_pool_create(const char *name, unsigned n, unsigned cache_size, uint16_t priv_size,
			uint16_t data_room_size, int socket_id)
{
	return rte_pktmbuf_pool_create_by_ops(name, n, cache_size, priv_size, data_room_size,
					      socket_id, NULL);
}

/* Puts are batched per pool: one bulk put per run of mbufs from the same pool. */
#define MBUF_FREE_BATCH 64

__rte_export void
rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
{
	struct rte_mbuf *pending[MBUF_FREE_BATCH];
	struct rte_mempool *pool = NULL;
	unsigned int i, n = 0;

	for (i = 0; i < count; i++) {
		struct rte_mbuf *m = mbufs[i], *m_next;

		if (m == NULL)
			continue;
		__rte_mbuf_sanity_check(m, 1);
		for (; m != NULL; m = m_next) {
			m_next = m->next;
			m = rte_pktmbuf_prefree_seg(m);
			if (m == NULL)
				continue;
			if (n == MBUF_FREE_BATCH || (n > 0 && m->pool != pool)) {
				rte_mempool_put_bulk(pool, (void **)pending, n);
				n = 0;
			}
			pool = m->pool;
			pending[n++] = m;
		}
	}
	if (n > 0)
		rte_mempool_put_bulk(pool, (void **)pending, n);
}

__rte_export struct rte_mbuf *
rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp)
{
	struct rte_mbuf *mc, *mi, **prev;
	uint32_t pktlen = md->pkt_len;
	uint16_t nseg = 0;

	mc = rte_pktmbuf_alloc(mp);
	if (mc == NULL)
		return NULL;
	mi = mc;
	prev = &mi->next;
	do {
		nseg++;
		rte_pktmbuf_attach(mi, md);
		*prev = mi;
		prev = &mi->next;
	} while ((md = md->next) != NULL && (mi = rte_pktmbuf_alloc(mp)) != NULL);
	*prev = NULL;
	mc->nb_segs = nseg;
	mc->pkt_len = pktlen;
	if (unlikely(mi == NULL)) {
		/* Out of mbufs midway: the partial clone drops its references. */
		rte_pktmbuf_free(mc);
		return NULL;
	}
	__rte_mbuf_sanity_check(mc, 1);
	return mc;
}

__rte_export struct rte_mbuf *
rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp, uint32_t off, uint32_t len)
{
	const struct rte_mbuf *seg = m;
	struct rte_mbuf *mc, *m_last, **prev;

	__rte_mbuf_sanity_check(m, 1);
	if (unlikely(off >= m->pkt_len))
		return NULL;
	mc = rte_pktmbuf_alloc(mp);
	if (unlikely(mc == NULL))
		return NULL;
	if (len > m->pkt_len - off)
		len = m->pkt_len - off;
	__rte_pktmbuf_copy_hdr(mc, m);
	/* The copy owns its data: it is neither indirect nor external. */
	mc->ol_flags = m->ol_flags & ~(RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL);
	prev = &mc->next;
	m_last = mc;
	while (len > 0) {
		uint32_t copy_len;

		while (off >= seg->data_len) {
			off -= seg->data_len;
			seg = seg->next;
		}
		if (rte_pktmbuf_tailroom(m_last) == 0) {
			m_last = rte_pktmbuf_alloc(mp);
			if (unlikely(m_last == NULL)) {
				rte_pktmbuf_free(mc);
				return NULL;
			}
			++mc->nb_segs;
			*prev = m_last;
			prev = &m_last->next;
		}
		copy_len = RTE_MIN((uint32_t)rte_pktmbuf_tailroom(m_last), seg->data_len - off);
		if (copy_len > len)
			copy_len = len;
		rte_memcpy(rte_pktmbuf_mtod_offset(m_last, char *, m_last->data_len),
			   rte_pktmbuf_mtod_offset(seg, char *, off), copy_len);
		m_last->data_len = (uint16_t)(m_last->data_len + copy_len);
		mc->pkt_len += copy_len;
		off += copy_len;
		len -= copy_len;
	}
	__rte_mbuf_sanity_check(mc, 1);
	return mc;
}

__rte_export const void *
__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	const struct rte_mbuf *seg = m;
	uint32_t buf_off = 0, copy_len;

	if ((uint64_t)off + len > rte_pktmbuf_pkt_len(m))
		return NULL;
	while (off >= rte_pktmbuf_data_len(seg)) {
		off -= rte_pktmbuf_data_len(seg);
		seg = seg->next;
	}
	if (off + len <= rte_pktmbuf_data_len(seg))
		return rte_pktmbuf_mtod_offset(seg, char *, off);
	/* Split across segments: gather into the caller's buffer. */
	while (len > 0) {
		copy_len = rte_pktmbuf_data_len(seg) - off;
		if (copy_len > len)
			copy_len = len;
		rte_memcpy((char *)buf + buf_off, rte_pktmbuf_mtod_offset(seg, char *, off),
			   copy_len);
		off = 0;
		buf_off += copy_len;
		len -= copy_len;
		seg = seg->next;
	}
	return buf;
}

__rte_export int
__rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
{
	struct rte_mbuf *m, *m_next;
	size_t copy_len;
	char *buffer;

	copy_len = rte_pktmbuf_pkt_len(mbuf) - rte_pktmbuf_data_len(mbuf);
	if (unlikely(copy_len > rte_pktmbuf_tailroom(mbuf)))
		return -1;
	buffer = rte_pktmbuf_mtod_offset(mbuf, char *, mbuf->data_len);
	mbuf->data_len = (uint16_t)mbuf->pkt_len;
	for (m = mbuf->next; m != NULL; m = m_next) {
		m_next = m->next;
		rte_memcpy(buffer, rte_pktmbuf_mtod(m, char *), m->data_len);
		buffer += m->data_len;
		rte_pktmbuf_free_seg(m);
	}
	mbuf->next = NULL;
	mbuf->nb_segs = 1;
	return 0;
}

__rte_export int
rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason)
{
	unsigned int nb_segs, pkt_len;
	uint16_t cnt;

	if (m == NULL) {
		*reason = "mbuf is NULL";
		return -1;
	}
	if (m->pool == NULL) {
		*reason = "bad mbuf pool";
		return -1;
	}
	/* As DPDK 22.11's IOVA-as-PA build: no buffer sits at IO address 0. */
	if (rte_mbuf_iova_get(m) == 0) {
		*reason = "bad IO addr";
		return -1;
	}
	if (m->buf_addr == NULL) {
		*reason = "bad virt addr";
		return -1;
	}
	cnt = rte_mbuf_refcnt_read(m);
	if (cnt == 0 || cnt == UINT16_MAX) {
		*reason = "bad ref cnt";
		return -1;
	}
	if (is_header == 0)
		return 0;
	nb_segs = m->nb_segs;
	pkt_len = m->pkt_len;
	do {
		if (m->data_off > m->buf_len) {
			*reason = "data offset too big in mbuf segment";
			return -1;
		}
		if (m->data_off + m->data_len > m->buf_len) {
			*reason = "data length too big in mbuf segment";
			return -1;
		}
		nb_segs -= 1;
		pkt_len -= m->data_len;
	} while ((m = m->next) != NULL && nb_segs != 0);
	if (nb_segs != 0 || m != NULL) {
		*reason = "bad nb_segs";
		return -1;
	}
	if (pkt_len != 0) {
		*reason = "bad pkt_len";
		return -1;
	}
	return 0;
}

__rte_export void
rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header)
{
	const char *reason;

	if (rte_mbuf_check(m, is_header, &reason) != 0)
		MBUF_LOG(ERR, "mbuf %p is corrupt: %s\n", (const void *)m, reason);
}

__rte_export void
rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned dump_len)
{
	unsigned int len, nb_segs;

	fprintf(f, "dump mbuf at %p, iova=%#" PRIx64 ", buf_len=%u\n", (const void *)m,
		rte_mbuf_iova_get(m), m->buf_len);
	fprintf(f, "  pkt_len=%u, ol_flags=%#" PRIx64 ", nb_segs=%u, port=%u", m->pkt_len,
		m->ol_flags, m->nb_segs, m->port);
	if (m->ol_flags & (RTE_MBUF_F_RX_QINQ | RTE_MBUF_F_TX_QINQ))
		fprintf(f, ", vlan_tci_outer=%u", m->vlan_tci_outer);
	if (m->ol_flags & (RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_TX_VLAN))
		fprintf(f, ", vlan_tci=%u", m->vlan_tci);
	fprintf(f, ", ptype=%#" PRIx32 "\n", m->packet_type);
	for (nb_segs = m->nb_segs; m != NULL && nb_segs != 0; m = m->next, nb_segs--) {
		fprintf(f, "  segment at %p, data=%p, len=%u, off=%u, refcnt=%u\n",
			(const void *)m, rte_pktmbuf_mtod(m, void *), m->data_len, m->data_off,
			rte_mbuf_refcnt_read(m));
		len = RTE_MIN(dump_len, (unsigned int)m->data_len);
		if (len != 0)
			rte_hexdump(f, NULL, rte_pktmbuf_mtod(m, void *), len);
		dump_len -= len;
	}
}
