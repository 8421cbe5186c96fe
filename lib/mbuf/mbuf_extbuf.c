/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pools of mbufs with pinned external data buffers: the buffers come from
 * memory the caller provides (e.g. device or shared memory) and each mbuf
 * keeps its buffer for life. A clone attached to such an mbuf holds the
 * buffer through the shared info that follows the mbuf in its element;
 * when the last holder lets go, the callback below returns the mbuf.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "mbuf_private.h"

/* Where the next buffer comes from, while the pool's mbufs are set up. */
struct mbuf_extmem_cursor {
	const struct rte_pktmbuf_extmem *ext_mem;
	unsigned int ext_num;
	unsigned int ext; /* region in use */
	size_t off;	  /* next buffer's offset in it */
};

/* The buffer's last holder let go: the pinned mbuf goes back to its pool. */
static void
mbuf_extbuf_pinned_release(void *addr, void *opaque)
{
	struct rte_mbuf *m = opaque;

	RTE_SET_USED(addr);
	rte_mbuf_ext_refcnt_set(m->shinfo, 1);
	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	m->next = NULL;
	m->nb_segs = 1;
	rte_mbuf_raw_free(m);
}

static void
mbuf_extbuf_obj_init(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct mbuf_extmem_cursor *cur = arg;
	const struct rte_pktmbuf_extmem *ext;
	uint32_t priv_size = rte_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)sizeof(struct rte_mbuf) + priv_size;
	struct rte_mbuf_ext_shared_info *shinfo;
	struct rte_mbuf *m = obj;

	RTE_SET_USED(idx);
	/* the regions were checked to hold at least the pool's n buffers */
	ext = &cur->ext_mem[cur->ext];
	memset(m, 0, mbuf_size);
	m->priv_size = (uint16_t)priv_size;
	m->buf_addr = RTE_PTR_ADD(ext->buf_ptr, cur->off);
	rte_mbuf_iova_set(m,
			  ext->buf_iova == RTE_BAD_IOVA ? RTE_BAD_IOVA : ext->buf_iova + cur->off);
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	m->data_off = RTE_MIN(RTE_PKTMBUF_HEADROOM, m->buf_len);
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	rte_mbuf_refcnt_set(m, 1);
	m->next = NULL;

	shinfo = RTE_PTR_ADD(m, mbuf_size);
	shinfo->free_cb = mbuf_extbuf_pinned_release;
	shinfo->fcb_opaque = m;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	m->shinfo = shinfo;

	cur->off += ext->elt_size;
	if (cur->off + ext->elt_size > ext->buf_len) {
		cur->ext++;
		cur->off = 0;
	}
}

/* Buffers the regions hold, or -EINVAL (logged) for a region unfit for data_room_size. */
static long long
mbuf_extmem_count(const struct rte_pktmbuf_extmem *ext_mem, unsigned int ext_num,
		  uint16_t data_room_size)
{
	long long total = 0;

	if (ext_mem == NULL || ext_num == 0) {
		MBUF_LOG(ERR,
			 "no external memory given (ext_mem %p, ext_num %u); pass at least "
			 "one region\n",
			 (const void *)ext_mem, ext_num);
		return -EINVAL;
	}
	for (unsigned int i = 0; i < ext_num; i++) {
		const struct rte_pktmbuf_extmem *e = &ext_mem[i];

		if (e->buf_ptr == NULL || e->buf_len == 0 || e->elt_size == 0) {
			MBUF_LOG(ERR,
				 "external memory region %u has no address, length or "
				 "elt_size; fill all three\n",
				 i);
			return -EINVAL;
		}
		if (e->elt_size < data_room_size) {
			MBUF_LOG(ERR,
				 "external memory region %u: elt_size %u is below the data "
				 "room %u; raise elt_size\n",
				 i, e->elt_size, data_room_size);
			return -EINVAL;
		}
		total += (long long)(e->buf_len / e->elt_size);
	}
	return total;
}

__rte_export struct rte_mempool *
rte_pktmbuf_pool_create_extbuf(const char *name, unsigned int n, unsigned int cache_size,
			       uint16_t priv_size, uint16_t data_room_size, int socket_id,
			       const struct rte_pktmbuf_extmem *ext_mem, unsigned int ext_num)
{
	struct mbuf_extmem_cursor cur = {.ext_mem = ext_mem, .ext_num = ext_num};
	struct rte_pktmbuf_pool_private mbp_priv;
	unsigned int elt_size;
	long long avail;

	if (mbuf_priv_size_check(priv_size) != 0)
		return NULL;
	avail = mbuf_extmem_count(ext_mem, ext_num, data_room_size);
	if (avail < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (avail < (long long)n) {
		MBUF_LOG(ERR,
			 "mbuf pool %s: the external memory holds %lld buffers, %u asked; "
			 "give more memory or fewer mbufs\n",
			 name, avail, n);
		rte_errno = ENOMEM;
		return NULL;
	}
	/* the element is the mbuf, its private area and the buffer's shared info */
	elt_size = (unsigned int)(sizeof(struct rte_mbuf) + priv_size +
				  sizeof(struct rte_mbuf_ext_shared_info));
	memset(&mbp_priv, 0, sizeof(mbp_priv));
	mbp_priv.mbuf_data_room_size = data_room_size;
	mbp_priv.mbuf_priv_size = priv_size;
	mbp_priv.flags = RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF;
	return mbuf_pool_make(name, n, cache_size, elt_size, &mbp_priv, socket_id, NULL,
			      mbuf_extbuf_obj_init, &cur);
}
