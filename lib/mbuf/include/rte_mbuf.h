/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packet buffers (DPDK 22.11 API). An mbuf is a mempool object laid out as
 *   [struct rte_mbuf (128) | private area (priv_size) | buffer (buf_len)]
 * with the data at buf_addr + data_off. Packets longer than one buffer
 * chain segments through 'next'. A clone (indirect mbuf) points at the
 * buffer of a direct mbuf and holds a reference on it (refcnt).
 *
 * Debug builds (RTE_LIBRTE_MBUF_DEBUG) check mbufs on the fast path and
 * log a bad one instead of aborting; a double free is caught by the
 * mempool's cookies (RTE_LIBRTE_MEMPOOL_DEBUG): one error line, and the
 * second free is refused so the pool stays consistent.
 */
#ifndef _RTE_MBUF_H_
#define _RTE_MBUF_H_

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>

#include <rte_config.h>
#include <rte_common.h>
#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_prefetch.h>
#include <rte_memory.h>
#include <rte_mempool.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_ptype.h>
#include <rte_mbuf_dyn.h>
#include <rte_mbuf_pool_ops.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Prefetch the first cache line of m (Rx fields). A hint; returns nothing. */
static inline void
rte_mbuf_prefetch_part1(struct rte_mbuf *m)
{
	rte_prefetch0(&m->cacheline0);
}

/* Prefetch the second cache line of m (Tx and chaining fields). A hint; returns nothing. */
static inline void
rte_mbuf_prefetch_part2(struct rte_mbuf *m)
{
	rte_prefetch0(&m->cacheline1);
}

static inline uint16_t rte_pktmbuf_priv_size(struct rte_mempool *mp);

/* The IO address of m's buffer (buf_iova). Cannot fail; no rte_errno. */
static inline rte_iova_t
rte_mbuf_iova_get(const struct rte_mbuf *m)
{
	return m->buf_iova;
}

/* Set the IO address of m's buffer to iova. Returns nothing; no rte_errno. */
static inline void
rte_mbuf_iova_set(struct rte_mbuf *m, rte_iova_t iova)
{
	m->buf_iova = iova;
}

/* The IO address of the data of mb (buffer IOVA + data_off). No rte_errno. */
static inline rte_iova_t
rte_mbuf_data_iova(const struct rte_mbuf *mb)
{
	return rte_mbuf_iova_get(mb) + mb->data_off;
}

/* The IO address mb's data would have after a reset (default headroom). No rte_errno. */
static inline rte_iova_t
rte_mbuf_data_iova_default(const struct rte_mbuf *mb)
{
	return rte_mbuf_iova_get(mb) + RTE_PKTMBUF_HEADROOM;
}

/*
 * The direct mbuf whose embedded buffer indirect mbuf mi points into (found
 * from buf_addr and priv_size; for a direct mbuf, the mbuf itself). No check,
 * no rte_errno.
 */
static inline struct rte_mbuf *
rte_mbuf_from_indirect(struct rte_mbuf *mi)
{
	return (struct rte_mbuf *)RTE_PTR_SUB(mi->buf_addr, sizeof(*mi) + mi->priv_size);
}

/* The start of the buffer embedded in mb, an mbuf of pool mp. No check, no rte_errno. */
static inline char *
rte_mbuf_buf_addr(struct rte_mbuf *mb, struct rte_mempool *mp)
{
	return (char *)mb + sizeof(*mb) + rte_pktmbuf_priv_size(mp);
}

/* Where mb's data starts after a reset: its embedded buffer + default headroom. No rte_errno. */
static inline char *
rte_mbuf_data_addr_default(struct rte_mbuf *mb)
{
	return rte_mbuf_buf_addr(mb, mb->pool) + RTE_PKTMBUF_HEADROOM;
}

/* The start of the buffer embedded in md (as rte_mbuf_buf_addr with md's pool). No rte_errno. */
static inline char *
rte_mbuf_to_baddr(struct rte_mbuf *md)
{
	return rte_mbuf_buf_addr(md, md->pool);
}

/* The application's private area right after struct rte_mbuf. Cannot fail; no rte_errno. */
static inline void *
rte_mbuf_to_priv(struct rte_mbuf *m)
{
	return RTE_PTR_ADD(m, sizeof(struct rte_mbuf));
}

/* Private data of a pktmbuf pool (rte_mempool_get_priv). */
struct rte_pktmbuf_pool_private {
	uint16_t mbuf_data_room_size;	/* buffer size, headroom included */
	uint16_t mbuf_priv_size;	/* application area per mbuf */
	uint32_t flags;			/* RTE_PKTMBUF_POOL_F_* */
};

/* The RTE_PKTMBUF_POOL_F_* flags of pktmbuf pool mp. Cannot fail; no rte_errno. */
static inline uint32_t
rte_pktmbuf_priv_flags(struct rte_mempool *mp)
{
	return ((struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp))->flags;
}

#define RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF (1 << 0)
#define RTE_MBUF_HAS_PINNED_EXTBUF(mb) \
	(rte_pktmbuf_priv_flags(mb->pool) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF)

/*
 * Reference counts. The common case is an mbuf with one owner: then no
 * other thread can touch refcnt, and a plain store replaces the atomic
 * read-modify-write (as in DPDK).
 */

/* The reference count of m. Cannot fail; rte_errno is not set. */
static inline uint16_t
rte_mbuf_refcnt_read(const struct rte_mbuf *m)
{
	return __atomic_load_n(&m->refcnt, __ATOMIC_RELAXED);
}

/* Set the reference count of m to new_value. Returns nothing; no rte_errno. */
static inline void
rte_mbuf_refcnt_set(struct rte_mbuf *m, uint16_t new_value)
{
	__atomic_store_n(&m->refcnt, new_value, __ATOMIC_RELAXED);
}

/* Add value to m's reference count atomically. Returns the new count. */
static inline uint16_t
__rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	/*
	 * acq_rel: the release orders this holder's writes to the buffer before
	 * its reference is dropped; the acquire lets the holder that drops the
	 * last reference see every other holder's writes before it frees.
	 */
	return __atomic_add_fetch(&m->refcnt, (uint16_t)value, __ATOMIC_ACQ_REL);
}

/*
 * Add value (may be negative) to m's reference count; a plain store when m
 * has one owner. Returns the new count. rte_errno is not set.
 */
static inline uint16_t
rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	if (likely(rte_mbuf_refcnt_read(m) == 1)) {
		++value;
		rte_mbuf_refcnt_set(m, (uint16_t)value);
		return (uint16_t)value;
	}
	return __rte_mbuf_refcnt_update(m, value);
}

/* The reference count of an external buffer. Cannot fail; no rte_errno. */
static inline uint16_t
rte_mbuf_ext_refcnt_read(const struct rte_mbuf_ext_shared_info *shinfo)
{
	return __atomic_load_n(&shinfo->refcnt, __ATOMIC_RELAXED);
}

/* Set the reference count of an external buffer. Returns nothing; no rte_errno. */
static inline void
rte_mbuf_ext_refcnt_set(struct rte_mbuf_ext_shared_info *shinfo, uint16_t new_value)
{
	__atomic_store_n(&shinfo->refcnt, new_value, __ATOMIC_RELAXED);
}

/* Add value to an external buffer's reference count. Returns the new count; no rte_errno. */
static inline uint16_t
rte_mbuf_ext_refcnt_update(struct rte_mbuf_ext_shared_info *shinfo, int16_t value)
{
	if (likely(rte_mbuf_ext_refcnt_read(shinfo) == 1)) {
		++value;
		rte_mbuf_ext_refcnt_set(shinfo, (uint16_t)value);
		return (uint16_t)value;
	}
	/* acq_rel: as in __rte_mbuf_refcnt_update, for the external buffer. */
	return __atomic_add_fetch(&shinfo->refcnt, (uint16_t)value, __ATOMIC_ACQ_REL);
}

/*
 * Check an mbuf (is_header: it is the first segment of a packet, so its
 * chain, lengths and segment count are checked too). Returns 0, or -1 with
 * *reason set to a static text (m NULL, no pool, IO address 0, no buffer,
 * refcnt 0 or 65535, data outside the buffer, wrong nb_segs or pkt_len),
 * the checks and texts of DPDK 22.11. Never aborts;
 * rte_errno is not set.
 */
int rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason);

/*
 * As rte_mbuf_check, logging the reason as one error line. DPDK panics
 * here; a library must not kill the process, so this only reports.
 * Returns nothing; rte_errno is not set.
 */
void rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header);

#ifdef RTE_LIBRTE_MBUF_DEBUG
#define __rte_mbuf_sanity_check(m, is_h) rte_mbuf_sanity_check(m, is_h)
#else
#define __rte_mbuf_sanity_check(m, is_h) do { } while (0)
#endif

/* Check what a freshly allocated raw mbuf must look like (debug builds). Returns nothing. */
static __rte_always_inline void
__rte_mbuf_raw_sanity_check(const struct rte_mbuf *m)
{
	RTE_SET_USED(m);
#ifdef RTE_LIBRTE_MBUF_DEBUG
	if (rte_mbuf_refcnt_read(m) != 1 || m->next != NULL || m->nb_segs != 1 ||
	    !RTE_MBUF_DIRECT(m))
		rte_mbuf_sanity_check(m, 0);
#endif
}

/*
 * An mbuf from mp with its fields as left by the last free (refcnt 1, one
 * segment, direct), not reset. Returns it, or NULL when the pool is empty.
 * rte_errno is not set.
 */
static inline struct rte_mbuf *
rte_mbuf_raw_alloc(struct rte_mempool *mp)
{
	struct rte_mbuf *m;

	if (rte_mempool_get(mp, (void **)&m) < 0)
		return NULL;
	__rte_mbuf_raw_sanity_check(m);
	return m;
}

/* Put back an mbuf that is already reset (refcnt 1, direct, one segment). Returns nothing. */
static __rte_always_inline void
rte_mbuf_raw_free(struct rte_mbuf *m)
{
	__rte_mbuf_raw_sanity_check(m);
	rte_mempool_put(m->pool, m);
}

/*
 * rte_mempool_obj_cb_t for pktmbuf pools: set the constant fields of mbuf m
 * of pool mp (opaque_arg and i unused). Returns nothing; rte_errno is not set.
 */
void rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *m, unsigned i);
/*
 * rte_mempool_ctor_t for pktmbuf pools: store opaque_arg, a struct
 * rte_pktmbuf_pool_private (NULL: all of each element after the mbuf is
 * buffer), in mp's private area. A pool too small for that is logged and left
 * alone. Returns nothing; rte_errno is not set.
 */
void rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg);

/*
 * A pool named name of n mbufs with a per-lcore cache of cache_size, each
 * with priv_size (multiple of RTE_MBUF_PRIV_ALIGN) bytes of application area
 * and data_room_size bytes of buffer (headroom included), on socket_id.
 * Returns the pool, or NULL with rte_errno: EINVAL (priv_size not aligned,
 * n 0, cache_size too large, unknown mempool handler), EEXIST (name in use),
 * ENAMETOOLONG (name too long), ENOSPC (no memzone left), ENOMEM (no memory).
 */
struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned n, unsigned cache_size,
					    uint16_t priv_size, uint16_t data_room_size,
					    int socket_id);
/*
 * As rte_pktmbuf_pool_create with the mempool handler ops_name (NULL:
 * rte_mbuf_best_mempool_ops()). Same returns.
 */
struct rte_mempool *rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n,
						   unsigned int cache_size, uint16_t priv_size,
						   uint16_t data_room_size, int socket_id,
						   const char *ops_name);

/* A region of memory the caller provides for the data buffers of a pool. */
struct rte_pktmbuf_extmem {
	void *buf_ptr;	     /* start of the region */
	rte_iova_t buf_iova; /* its IO address, or RTE_BAD_IOVA */
	size_t buf_len;	     /* bytes in the region */
	uint16_t elt_size;   /* bytes per data buffer cut from it */
};

/*
 * Create a pool of n mbufs whose data buffers are not in the pool but cut,
 * elt_size bytes each and in order, from the ext_num regions of ext_mem
 * (the caller keeps them mapped, and DMA-mapped if devices use them, until
 * the pool is freed). Each mbuf is RTE_MBUF_F_EXTERNAL for life with a
 * data room of data_room_size; the pool has RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF.
 * Returns the pool, or NULL with rte_errno set to:
 *   EINVAL - priv_size not a multiple of RTE_MBUF_PRIV_ALIGN, ext_mem NULL
 *            or ext_num 0, a region with a NULL address, a zero length
 *            or elt_size, or an elt_size below data_room_size
 *   ENOMEM - the regions hold fewer than n buffers, or no memory
 * or an error of rte_pktmbuf_pool_create() (EEXIST, ENAMETOOLONG, ...).
 */
struct rte_mempool *rte_pktmbuf_pool_create_extbuf(const char *name, unsigned int n,
						   unsigned int cache_size, uint16_t priv_size,
						   uint16_t data_room_size, int socket_id,
						   const struct rte_pktmbuf_extmem *ext_mem,
						   unsigned int ext_num);

/*
 * The name of one Rx offload flag ("RTE_MBUF_F_RX_VLAN" for
 * RTE_MBUF_F_RX_VLAN; for a field of several bits, such as the checksum
 * states, the value of the whole field), or NULL if mask is not one.
 */
const char *rte_get_rx_ol_flag_name(uint64_t mask);

/*
 * Write into buf the names of the Rx flags set in mask, each followed by
 * a space (for a checksum field, the name of its state, "..._UNKNOWN"
 * included). Returns 0, or -1 when buflen is 0 or the names do not fit
 * (buf then holds those that did). rte_errno is not set.
 */
int rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);

/* As rte_get_rx_ol_flag_name(), for a Tx offload flag. */
const char *rte_get_tx_ol_flag_name(uint64_t mask);

/* As rte_get_rx_ol_flag_list(), for the Tx flags. */
int rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);

/* The buffer size (headroom included) of pktmbuf pool mp's mbufs. No rte_errno. */
static inline uint16_t
rte_pktmbuf_data_room_size(struct rte_mempool *mp)
{
	return ((struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp))->mbuf_data_room_size;
}

/* The private area size of pktmbuf pool mp's mbufs. No rte_errno. */
static inline uint16_t
rte_pktmbuf_priv_size(struct rte_mempool *mp)
{
	return ((struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp))->mbuf_priv_size;
}

/* Set m's headroom to RTE_PKTMBUF_HEADROOM (the buffer's length if shorter). Returns nothing. */
static inline void
rte_pktmbuf_reset_headroom(struct rte_mbuf *m)
{
	m->data_off = (uint16_t)RTE_MIN((uint16_t)RTE_PKTMBUF_HEADROOM, (uint16_t)m->buf_len);
}

/* Reset the packet fields of a one-segment mbuf (the buffer fields stay). Returns nothing. */
static inline void
rte_pktmbuf_reset(struct rte_mbuf *m)
{
	m->next = NULL;
	m->pkt_len = 0;
	m->tx_offload = 0;
	m->vlan_tci = 0;
	m->vlan_tci_outer = 0;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags &= RTE_MBUF_F_EXTERNAL;
	m->packet_type = 0;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	__rte_mbuf_sanity_check(m, 1);
}

/*
 * An empty packet from mp (default headroom), or NULL when the pool is empty.
 * rte_errno is not set.
 */
static inline struct rte_mbuf *
rte_pktmbuf_alloc(struct rte_mempool *mp)
{
	struct rte_mbuf *m = rte_mbuf_raw_alloc(mp);

	if (m != NULL)
		rte_pktmbuf_reset(m);
	return m;
}

/*
 * Fill mbufs with count empty packets from pool, all or none. Returns 0, or
 * the mempool's negative errno (-ENOBUFS with the ring handlers when the
 * pool holds fewer than count) with nothing taken. rte_errno is not set.
 */
static inline int
rte_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned count)
{
	unsigned int i;
	int rc;

	rc = rte_mempool_get_bulk(pool, (void **)mbufs, count);
	if (unlikely(rc != 0))
		return rc;
	for (i = 0; i < count; i++) {
		__rte_mbuf_raw_sanity_check(mbufs[i]);
		rte_pktmbuf_reset(mbufs[i]);
	}
	return 0;
}

/*
 * Carve a struct rte_mbuf_ext_shared_info from the end of an external
 * buffer buf_addr of *buf_len bytes; *buf_len shrinks by what it takes. The
 * shared info gets free_cb, fcb_opaque and a reference count of 1. Returns
 * it, or NULL when the buffer is too small. rte_errno is not set.
 */
static inline struct rte_mbuf_ext_shared_info *
rte_pktmbuf_ext_shinfo_init_helper(void *buf_addr, uint16_t *buf_len,
				   rte_mbuf_extbuf_free_callback_t free_cb, void *fcb_opaque)
{
	struct rte_mbuf_ext_shared_info *shinfo;
	void *buf_end = RTE_PTR_ADD(buf_addr, *buf_len);
	void *addr;

	addr = RTE_PTR_ALIGN_FLOOR(RTE_PTR_SUB(buf_end, sizeof(*shinfo)), sizeof(uintptr_t));
	if (addr <= buf_addr)
		return NULL;
	shinfo = (struct rte_mbuf_ext_shared_info *)addr;
	shinfo->free_cb = free_cb;
	shinfo->fcb_opaque = fcb_opaque;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	*buf_len = (uint16_t)RTE_PTR_DIFF(shinfo, buf_addr);
	return shinfo;
}

/*
 * Point m at an external buffer (its reference is shinfo's refcnt, which
 * the caller set). m must be direct and not shared; its data becomes empty.
 * Returns nothing; rte_errno is not set.
 */
static inline void
rte_pktmbuf_attach_extbuf(struct rte_mbuf *m, void *buf_addr, rte_iova_t buf_iova,
			  uint16_t buf_len, struct rte_mbuf_ext_shared_info *shinfo)
{
	m->buf_addr = buf_addr;
	rte_mbuf_iova_set(m, buf_iova);
	m->buf_len = buf_len;
	m->data_len = 0;
	m->data_off = 0;
	m->ol_flags |= RTE_MBUF_F_EXTERNAL;
	m->shinfo = shinfo;
}

/* Detach m from its external buffer: rte_pktmbuf_detach. */
#define rte_pktmbuf_detach_extbuf(m) rte_pktmbuf_detach(m)

/* Copy the dynamic fields of msrc to mdst. Returns nothing. */
static inline void
rte_mbuf_dynfield_copy(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
{
	memcpy(&mdst->dynfield1, msrc->dynfield1, sizeof(mdst->dynfield1));
}

/* Copy the packet metadata (port, VLAN, offloads, hash, ptype, dynfields). */
static inline void
__rte_pktmbuf_copy_hdr(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
{
	mdst->port = msrc->port;
	mdst->vlan_tci = msrc->vlan_tci;
	mdst->vlan_tci_outer = msrc->vlan_tci_outer;
	mdst->tx_offload = msrc->tx_offload;
	mdst->hash = msrc->hash;
	mdst->packet_type = msrc->packet_type;
	rte_mbuf_dynfield_copy(mdst, msrc);
}

/*
 * Make mi (direct, refcnt 1) an indirect view of m's first segment: same
 * buffer and data, one more reference on the buffer's owner (or on the
 * external buffer). Returns nothing; rte_errno is not set.
 */
static inline void
rte_pktmbuf_attach(struct rte_mbuf *mi, struct rte_mbuf *m)
{
	if (RTE_MBUF_HAS_EXTBUF(m)) {
		rte_mbuf_ext_refcnt_update(m->shinfo, 1);
		mi->ol_flags = m->ol_flags;
		mi->shinfo = m->shinfo;
	} else {
		/* The buffer's owner: m itself, or the mbuf m is a view of. */
		rte_mbuf_refcnt_update(rte_mbuf_from_indirect(m), 1);
		mi->priv_size = m->priv_size;
		mi->ol_flags = m->ol_flags | RTE_MBUF_F_INDIRECT;
	}
	__rte_pktmbuf_copy_hdr(mi, m);
	mi->data_off = m->data_off;
	mi->data_len = m->data_len;
	rte_mbuf_iova_set(mi, rte_mbuf_iova_get(m));
	mi->buf_addr = m->buf_addr;
	mi->buf_len = m->buf_len;
	mi->next = NULL;
	mi->pkt_len = mi->data_len;
	mi->nb_segs = 1;
	__rte_mbuf_sanity_check(mi, 1);
	__rte_mbuf_sanity_check(m, 0);
}

/* Drop m's reference on its external buffer, calling free_cb for the last. */
static inline void
__rte_pktmbuf_free_extbuf(struct rte_mbuf *m)
{
	if (rte_mbuf_ext_refcnt_update(m->shinfo, -1) == 0)
		m->shinfo->free_cb(m->buf_addr, m->shinfo->fcb_opaque);
}

/* Drop indirect m's reference on its direct mbuf, freeing that for the last. */
static inline void
__rte_pktmbuf_free_direct(struct rte_mbuf *m)
{
	struct rte_mbuf *md = rte_mbuf_from_indirect(m);

	if (rte_mbuf_refcnt_update(md, -1) == 0) {
		md->next = NULL;
		md->nb_segs = 1;
		rte_mbuf_refcnt_set(md, 1);
		rte_mbuf_raw_free(md);
	}
}

/*
 * Drop an indirect or external mbuf's reference on the buffer it points
 * at, and give it back its own embedded buffer (empty). An mbuf of a pool
 * with pinned external buffers stays as it is. Returns nothing.
 */
static inline void
rte_pktmbuf_detach(struct rte_mbuf *m)
{
	struct rte_mempool *mp = m->pool;
	uint32_t mbuf_size, buf_len;
	uint16_t priv_size;

	if (RTE_MBUF_HAS_EXTBUF(m)) {
		if (RTE_MBUF_HAS_PINNED_EXTBUF(m))
			return;		/* pinned buffers stay attached for life */
		__rte_pktmbuf_free_extbuf(m);
	} else {
		__rte_pktmbuf_free_direct(m);
	}
	priv_size = rte_pktmbuf_priv_size(mp);
	mbuf_size = (uint32_t)(sizeof(struct rte_mbuf) + priv_size);
	buf_len = rte_pktmbuf_data_room_size(mp);
	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	rte_mbuf_iova_set(m, rte_mempool_virt2iova(m) + mbuf_size);
	m->buf_len = (uint16_t)buf_len;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	m->ol_flags = 0;
}

/*
 * The last reference to a pinned-buffer mbuf m is going: reset its flags
 * and drop its own hold on the buffer. Returns 0 when no clone is attached
 * to the buffer, so that m goes back to its pool now; 1 when clones are,
 * and the last of them gives m back (through the buffer's free callback).
 */
static inline int
__rte_pktmbuf_pinned_extbuf_decref(struct rte_mbuf *m)
{
	struct rte_mbuf_ext_shared_info *shinfo = m->shinfo;

	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	/* the usual case: only m holds the buffer, nothing to count */
	if (likely(rte_mbuf_ext_refcnt_read(shinfo) == 1))
		return 0;
	if (rte_mbuf_ext_refcnt_update(shinfo, -1) == 0) {
		/* the clones went meanwhile: m holds the buffer alone again */
		rte_mbuf_ext_refcnt_set(shinfo, 1);
		return 0;
	}
	return 1;
}

/*
 * Drop one reference on segment m. Returns m, reset to be put back in
 * its pool, when this was the last reference; NULL otherwise. No rte_errno.
 */
static __rte_always_inline struct rte_mbuf *
rte_pktmbuf_prefree_seg(struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);
	if (likely(rte_mbuf_refcnt_read(m) == 1)) {
		if (!RTE_MBUF_DIRECT(m)) {
			rte_pktmbuf_detach(m);
			if (RTE_MBUF_HAS_EXTBUF(m) && RTE_MBUF_HAS_PINNED_EXTBUF(m) &&
			    __rte_pktmbuf_pinned_extbuf_decref(m))
				return NULL;
		}
		if (m->next != NULL)
			m->next = NULL;
		if (m->nb_segs != 1)
			m->nb_segs = 1;
		return m;
	} else if (__rte_mbuf_refcnt_update(m, -1) == 0) {
		if (!RTE_MBUF_DIRECT(m)) {
			rte_pktmbuf_detach(m);
			if (RTE_MBUF_HAS_EXTBUF(m) && RTE_MBUF_HAS_PINNED_EXTBUF(m) &&
			    __rte_pktmbuf_pinned_extbuf_decref(m))
				return NULL;
		}
		if (m->next != NULL)
			m->next = NULL;
		if (m->nb_segs != 1)
			m->nb_segs = 1;
		rte_mbuf_refcnt_set(m, 1);
		return m;
	}
	return NULL;
}

/* Drop one reference on segment m, putting it back in its pool for the last. Returns nothing. */
static __rte_always_inline void
rte_pktmbuf_free_seg(struct rte_mbuf *m)
{
	m = rte_pktmbuf_prefree_seg(m);
	if (likely(m != NULL))
		rte_mbuf_raw_free(m);
}

/* Drop one reference on every segment of packet m; NULL is a no-op. Returns nothing. */
static inline void
rte_pktmbuf_free(struct rte_mbuf *m)
{
	struct rte_mbuf *m_next;

	if (m != NULL)
		__rte_mbuf_sanity_check(m, 1);
	while (m != NULL) {
		m_next = m->next;
		rte_pktmbuf_free_seg(m);
		m = m_next;
	}
}

/*
 * rte_pktmbuf_free on count packets of mbufs (NULL entries skipped), batching
 * puts per pool. Returns nothing; rte_errno is not set.
 */
void rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count);

/*
 * A new packet from mp whose segments are indirect views of md's segments
 * (no data copied; each of md's buffers gains a reference). Returns it, or
 * NULL when mp runs out of mbufs midway (the partial clone is freed).
 * rte_errno is not set.
 */
struct rte_mbuf *rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp);

/*
 * A deep copy of length bytes (UINT32_MAX: to the end) of m from offset, in
 * as many new segments from mp as needed, with m's metadata. Returns it, or
 * NULL when offset is not below m's pkt_len or mp runs out of mbufs (the
 * partial copy is freed). rte_errno is not set.
 */
struct rte_mbuf *rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp,
				  uint32_t offset, uint32_t length);

/* Add v to the reference count of every segment of m. Returns nothing. */
static inline void
rte_pktmbuf_refcnt_update(struct rte_mbuf *m, int16_t v)
{
	__rte_mbuf_sanity_check(m, 1);
	do {
		rte_mbuf_refcnt_update(m, v);
	} while ((m = m->next) != NULL);
}

/* The bytes free before m's data in its buffer. No rte_errno. */
static inline uint16_t
rte_pktmbuf_headroom(const struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);
	return m->data_off;
}

/* The bytes free after m's data in its buffer (this segment only). No rte_errno. */
static inline uint16_t
rte_pktmbuf_tailroom(const struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);
	return (uint16_t)(m->buf_len - rte_pktmbuf_headroom(m) - m->data_len);
}

/* The last segment of packet m (m itself if it has one). No rte_errno. */
static inline struct rte_mbuf *
rte_pktmbuf_lastseg(struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 1);
	while (m->next != NULL)
		m = m->next;
	return m;
}

/* The length of the whole packet m (all segments). */
#define rte_pktmbuf_pkt_len(m) ((m)->pkt_len)
/* The length of the data in segment m. */
#define rte_pktmbuf_data_len(m) ((m)->data_len)

/*
 * Grow packet m by len bytes at the front. Returns the new start of the data,
 * or NULL (m unchanged) when the first segment has less headroom than len.
 * rte_errno is not set.
 */
static inline char *
rte_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
{
	__rte_mbuf_sanity_check(m, 1);
	if (unlikely(len > rte_pktmbuf_headroom(m)))
		return NULL;
	m->data_off = (uint16_t)(m->data_off - len);
	m->data_len = (uint16_t)(m->data_len + len);
	m->pkt_len = (m->pkt_len + len);
	return (char *)m->buf_addr + m->data_off;
}

/*
 * Grow packet m by len bytes at the end of its last segment. Returns where the
 * new bytes start, or NULL (m unchanged) when that segment has less tailroom
 * than len. rte_errno is not set.
 */
static inline char *
rte_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *m_last;
	void *tail;

	__rte_mbuf_sanity_check(m, 1);
	m_last = rte_pktmbuf_lastseg(m);
	if (unlikely(len > rte_pktmbuf_tailroom(m_last)))
		return NULL;
	tail = (char *)m_last->buf_addr + m_last->data_off + m_last->data_len;
	m_last->data_len = (uint16_t)(m_last->data_len + len);
	m->pkt_len = (m->pkt_len + len);
	return (char *)tail;
}

/*
 * Drop len bytes at the front of packet m (first segment only). Returns the
 * new start of the data, or NULL (m unchanged) when the first segment holds
 * fewer than len bytes. rte_errno is not set.
 */
static inline char *
rte_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
{
	__rte_mbuf_sanity_check(m, 1);
	if (unlikely(len > m->data_len))
		return NULL;
	m->data_len = (uint16_t)(m->data_len - len);
	m->data_off = (uint16_t)(m->data_off + len);
	m->pkt_len = (m->pkt_len - len);
	return (char *)m->buf_addr + m->data_off;
}

/*
 * Drop len bytes at the end of packet m (last segment only). Returns 0, or -1
 * (m unchanged) when the last segment holds fewer than len bytes. rte_errno is
 * not set.
 */
static inline int
rte_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *m_last;

	__rte_mbuf_sanity_check(m, 1);
	m_last = rte_pktmbuf_lastseg(m);
	if (unlikely(len > m_last->data_len))
		return -1;
	m_last->data_len = (uint16_t)(m_last->data_len - len);
	m->pkt_len = (m->pkt_len - len);
	return 0;
}

/* 1 if packet m has a single segment, else 0. No rte_errno. */
static inline int
rte_pktmbuf_is_contiguous(const struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 1);
	return m->nb_segs == 1;
}

/* rte_pktmbuf_read for data that starts past the first segment. Same returns. */
const void *__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf);

/*
 * len bytes at offset off: a pointer into the mbuf when they sit in one
 * segment, else copied into buf (which must hold len bytes). NULL when
 * off + len is past the end of the packet. rte_errno is not set.
 */
static inline const void *
rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	if (likely(off + len <= rte_pktmbuf_data_len(m)))
		return rte_pktmbuf_mtod_offset(m, char *, off);
	return __rte_pktmbuf_read(m, off, len, buf);
}

/*
 * Append packet tail to packet head; tail must not be used as a packet after.
 * Returns 0, or -EOVERFLOW (nothing changed) when the result would have more
 * than RTE_MBUF_MAX_NB_SEGS segments. rte_errno is not set.
 */
static inline int
rte_pktmbuf_chain(struct rte_mbuf *head, struct rte_mbuf *tail)
{
	struct rte_mbuf *cur_tail;

	if (head->nb_segs + tail->nb_segs > RTE_MBUF_MAX_NB_SEGS)
		return -EOVERFLOW;
	cur_tail = rte_pktmbuf_lastseg(head);
	cur_tail->next = tail;
	head->nb_segs = (uint16_t)(head->nb_segs + tail->nb_segs);
	head->pkt_len += tail->pkt_len;
	/* tail is a plain segment now: its pkt_len only counts itself. */
	tail->pkt_len = tail->data_len;
	return 0;
}

/* The tx_offload word for these header lengths and TSO segment size. No rte_errno. */
static __rte_always_inline uint64_t
rte_mbuf_tx_offload(uint64_t il2, uint64_t il3, uint64_t il4, uint64_t tso, uint64_t ol3,
		    uint64_t ol2, uint64_t unused)
{
	return il2 << RTE_MBUF_L2_LEN_OFS | il3 << RTE_MBUF_L3_LEN_OFS |
	       il4 << RTE_MBUF_L4_LEN_OFS | tso << RTE_MBUF_TSO_SEGSZ_OFS |
	       ol3 << RTE_MBUF_OUTL3_LEN_OFS | ol2 << RTE_MBUF_OUTL2_LEN_OFS |
	       unused << RTE_MBUF_TXOFLD_UNUSED_OFS;
}

/*
 * Check m's Tx offload requests. Returns 0 when they are consistent, -EINVAL
 * for IP checksum on IPv6, an L4 or TSO request without IPV4/IPV6, TSO
 * without tso_segsz (or IPv4 TSO without IP checksum), or outer IP checksum
 * without OUTER_IPV4. rte_errno is not set.
 */
static inline int
rte_validate_tx_offload(const struct rte_mbuf *m)
{
	uint64_t ol_flags = m->ol_flags;

	if (!(ol_flags & RTE_MBUF_F_TX_OFFLOAD_MASK))
		return 0;
	if ((ol_flags & RTE_MBUF_F_TX_IP_CKSUM) && (ol_flags & RTE_MBUF_F_TX_IPV6))
		return -EINVAL;
	if ((ol_flags & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
	    !(ol_flags & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_TCP_SEG) &&
	    (m->tso_segsz == 0 ||
	     ((ol_flags & RTE_MBUF_F_TX_IPV4) && !(ol_flags & RTE_MBUF_F_TX_IP_CKSUM))))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_OUTER_IP_CKSUM) && !(ol_flags & RTE_MBUF_F_TX_OUTER_IPV4))
		return -EINVAL;
	return 0;
}

/* rte_pktmbuf_linearize for a packet with several segments. Same returns. */
int __rte_pktmbuf_linearize(struct rte_mbuf *mbuf);

/*
 * Move all of mbuf's data into its first segment and free the others.
 * Returns 0, or -1 (nothing changed) when the first segment's tailroom is too
 * small. rte_errno is not set.
 */
static inline int
rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
{
	if (rte_pktmbuf_is_contiguous(mbuf))
		return 0;
	return __rte_pktmbuf_linearize(mbuf);
}

/* Print m's fields and up to dump_len bytes of its data to f. Returns nothing. */
void rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned dump_len);

#define RTE_MBUF_PREFETCH_TO_FREE(m) do { \
	if ((m) != NULL) \
		rte_prefetch0(m); \
} while (0)

/* The scheduler queue id stored in m. No rte_errno. */
static inline uint32_t
rte_mbuf_sched_queue_get(const struct rte_mbuf *m)
{
	return m->hash.sched.queue_id;
}

/* The scheduler traffic class stored in m. No rte_errno. */
static inline uint8_t
rte_mbuf_sched_traffic_class_get(const struct rte_mbuf *m)
{
	return m->hash.sched.traffic_class;
}

/* The scheduler color stored in m. No rte_errno. */
static inline uint8_t
rte_mbuf_sched_color_get(const struct rte_mbuf *m)
{
	return m->hash.sched.color;
}

/* Store m's scheduler queue id, traffic class and color. Returns nothing. */
static inline void
rte_mbuf_sched_get(const struct rte_mbuf *m, uint32_t *queue_id, uint8_t *traffic_class,
		   uint8_t *color)
{
	struct rte_mbuf_sched sched = m->hash.sched;

	*queue_id = sched.queue_id;
	*traffic_class = sched.traffic_class;
	*color = sched.color;
}

/* Store queue_id as m's scheduler queue. Returns nothing. */
static inline void
rte_mbuf_sched_queue_set(struct rte_mbuf *m, uint32_t queue_id)
{
	m->hash.sched.queue_id = queue_id;
}

/* Store traffic_class as m's scheduler traffic class. Returns nothing. */
static inline void
rte_mbuf_sched_traffic_class_set(struct rte_mbuf *m, uint8_t traffic_class)
{
	m->hash.sched.traffic_class = traffic_class;
}

/* Store color as m's scheduler color. Returns nothing. */
static inline void
rte_mbuf_sched_color_set(struct rte_mbuf *m, uint8_t color)
{
	m->hash.sched.color = color;
}

/* Store m's scheduler queue id, traffic class and color at once. Returns nothing. */
static inline void
rte_mbuf_sched_set(struct rte_mbuf *m, uint32_t queue_id, uint8_t traffic_class, uint8_t color)
{
	m->hash.sched = (struct rte_mbuf_sched){
		.queue_id = queue_id,
		.traffic_class = traffic_class,
		.color = color,
		.reserved = 0,
	};
}

#ifdef __cplusplus
}
#endif

#endif
