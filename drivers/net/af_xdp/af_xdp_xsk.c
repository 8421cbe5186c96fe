/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A queue pair's XDP socket: its UMEM, the socket bound to one queue of
 * the interface, and its entry in the XSKMAP. The UMEM is the Rx mempool's
 * one memory area when it has a single one (mbufs go to the fill ring and
 * come back filled; Tx mbufs of the pool are sent in place and freed from
 * the completion ring); else anonymous memory of our own, half of it Rx
 * frames that circulate through the fill ring, half Tx frames on a free
 * list, copied to and from mbufs. The bind asks for zero-copy first and
 * falls back to copy mode, as DPDK does.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <bpf/bpf.h>

#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "af_xdp.h"

/* The kernel charges UMEM pages to RLIMIT_MEMLOCK (xdp_umem_account_pages). */
static void
afx_umem_reg_error(const char *name, size_t len, int ret)
{
	if (ret == -ENOBUFS || ret == -EPERM || ret == -ENOMEM)
		AFX_LOG(ERR,
			"%s: cannot register a UMEM of %zu bytes: %s; RLIMIT_MEMLOCK is "
			"too low: raise it with 'ulimit -l unlimited' (or LimitMEMLOCK= in a "
			"systemd unit)\n",
			name, len, strerror(-ret));
	else
		AFX_LOG(ERR,
			"%s: cannot register a UMEM: %s; the kernel needs "
			"CONFIG_XDP_SOCKETS\n",
			name, strerror(-ret));
}

static int
afx_umem_create(const char *name, struct afx_qpair *qp)
{
	const struct xsk_umem_config cfg = {
		.fill_size = AFX_RING_SIZE,
		.comp_size = AFX_RING_SIZE,
		.frame_size = AFX_FRAME_SIZE,
		.frame_headroom = 0,
	};
	int ret;

	qp->umem_len = (size_t)AFX_NB_FRAMES * AFX_FRAME_SIZE;
	qp->umem_area = mmap(NULL, qp->umem_len, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (qp->umem_area == MAP_FAILED) {
		ret = -errno;
		qp->umem_area = NULL;
		AFX_LOG(ERR, "%s: cannot map a UMEM of %zu bytes: %s\n", name, qp->umem_len,
			strerror(-ret));
		return ret;
	}
	ret = xsk_umem__create(&qp->umem, qp->umem_area, qp->umem_len, &qp->rx.fq, &qp->tx.cq,
			       &cfg);
	if (ret != 0) {
		afx_umem_reg_error(name, qp->umem_len, ret);
		qp->umem = NULL;
	}
	return ret;
}

struct afx_obj_span {
	uintptr_t lo, hi;
};

static void
afx_obj_span_add(struct rte_mempool *mp __rte_unused, void *arg, void *obj,
		 unsigned int idx __rte_unused)
{
	struct afx_obj_span *span = arg;

	span->lo = RTE_MIN(span->lo, (uintptr_t)obj);
	span->hi = RTE_MAX(span->hi, (uintptr_t)obj);
}

/*
 * Describe mp as a UMEM if it can be one: a single memory area (the kernel
 * takes one range), objects no longer than a page (the kernel's chunk
 * limit) and a data room that holds XDP's headroom plus a full frame.
 * Returns NULL, or why not for the log.
 */
static const char *
afx_mp_umem_describe(struct rte_mempool *mp, struct afx_mp_umem *u)
{
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE), start, end;
	const struct rte_mempool_memhdr *hdr = STAILQ_FIRST(&mp->mem_list);
	struct afx_obj_span span = {UINTPTR_MAX, 0};

	if (mp->nb_mem_chunks != 1 || hdr == NULL)
		return "its memory is not one contiguous area";
	if (mp->header_size + mp->elt_size + mp->trailer_size > pg)
		return "its objects are longer than a page";
	if (rte_pktmbuf_data_room_size(mp) < XDP_PACKET_HEADROOM + AFX_PKT_MAX)
		return "its data room cannot hold XDP's headroom and a frame";
	rte_mempool_obj_iter(mp, afx_obj_span_add, &span);
	if (span.hi == 0)
		return "it has no objects";
	start = RTE_ALIGN_FLOOR((uintptr_t)hdr->addr, pg);
	end = RTE_ALIGN_CEIL((uintptr_t)hdr->addr + hdr->len, pg);
	u->mp = mp;
	u->base = (uint8_t *)start;
	u->len = end - start;
	u->mb_off = mp->header_size;
	u->chunk = mp->header_size + mp->elt_size + mp->trailer_size;
	u->first = span.lo - mp->header_size - start;
	u->last = span.hi - mp->header_size - start;
	u->headroom =
		mp->header_size + (uint32_t)sizeof(struct rte_mbuf) + rte_pktmbuf_priv_size(mp);
	/* a quarter of the pool: the rest serves the other queues and the app */
	u->fill_size = RTE_MIN((uint32_t)AFX_RING_SIZE / 2, mp->size / 4);
	return NULL;
}

static int
afx_mp_umem_create(const char *name, struct afx_qpair *qp)
{
	const struct xsk_umem_config cfg = {
		.fill_size = AFX_RING_SIZE,
		.comp_size = AFX_RING_SIZE,
		.frame_size = qp->mpu.chunk,
		/* the kernel writes at buf_addr + XDP_PACKET_HEADROOM */
		.frame_headroom = qp->mpu.headroom,
		.flags = XDP_UMEM_UNALIGNED_CHUNK_FLAG,
	};
	int ret;

	ret = xsk_umem__create(&qp->umem, qp->mpu.base, qp->mpu.len, &qp->rx.fq, &qp->tx.cq, &cfg);
	if (ret != 0) {
		afx_umem_reg_error(name, qp->mpu.len, ret);
		qp->umem = NULL;
	}
	return ret;
}

/* Bind with the given flags; waits out a socket on the queue that is going away. */
static int
afx_xsk_bind(struct afx_private *priv, struct afx_qpair *qp, uint32_t queue,
	     struct xsk_socket_config *cfg)
{
	int ret, tries;

	/*
	 * A closed socket gives its queue back from a kernel work item
	 * (xp_release_deferred), so a port closed and opened again can find
	 * the queue busy for a moment: try for up to a second.
	 */
	for (tries = 0; tries < 100; tries++) {
		ret = xsk_socket__create_shared(&qp->xsk, priv->iface, queue, qp->umem, &qp->rx.rx,
						&qp->tx.tx, &qp->rx.fq, &qp->tx.cq, cfg);
		if (ret != -EBUSY)
			break;
		usleep(10 * 1000);
	}
	return ret;
}

static int
afx_xsk_create(const char *name, struct afx_private *priv, struct afx_qpair *qp, uint32_t queue)
{
	struct xsk_socket_config cfg = {
		.rx_size = AFX_RING_SIZE,
		.tx_size = AFX_RING_SIZE,
		/* the program is ours (af_xdp_prog.c), libxdp must not load one */
		.libxdp_flags = XSK_LIBXDP_FLAGS__INHIBIT_PROG_LOAD,
		.bind_flags = XDP_USE_NEED_WAKEUP | XDP_ZEROCOPY,
	};
	struct xdp_options opts = {0};
	socklen_t opts_len = sizeof(opts);
	int ret = -EOPNOTSUPP;

	if (!priv->force_copy)
		ret = afx_xsk_bind(priv, qp, queue, &cfg);
	if (ret != 0 && ret != -EBUSY) {
		cfg.bind_flags = XDP_USE_NEED_WAKEUP | XDP_COPY;
		ret = afx_xsk_bind(priv, qp, queue, &cfg);
	}
	if (ret == -EBUSY) {
		qp->xsk = NULL;
		AFX_LOG(ERR,
			"%s: queue %u of '%s' already has an XDP socket: stop the program "
			"that uses it or pick other queues with start_queue\n",
			name, queue, priv->iface);
		return ret;
	}
	if (ret != 0) {
		qp->xsk = NULL;
		AFX_LOG(ERR,
			"%s: cannot bind an XDP socket to queue %u of '%s': %s; check "
			"start_queue/queue_count against the interface's channels "
			"('ethtool -l %s')\n",
			name, queue, priv->iface, strerror(-ret), priv->iface);
		return ret;
	}
	/*
	 * Ask the kernel how it bound: a socket on a shared UMEM takes the
	 * first socket's mode whatever flags it asked for.
	 */
	qp->zero_copy =
		getsockopt(xsk_socket__fd(qp->xsk), SOL_XDP, XDP_OPTIONS, &opts, &opts_len) == 0 &&
		(opts.flags & XDP_OPTIONS_ZEROCOPY);
	return 0;
}

/* SO_PREFER_BUSY_POLL and its budget; a kernel without them only costs speed. */
static void
afx_busy_poll_setup(const char *name, struct afx_private *priv, struct afx_qpair *qp)
{
	int fd = xsk_socket__fd(qp->xsk), one = 1, usec = 20, budget = (int)priv->busy_budget;

	if (priv->busy_budget == 0)
		return;
	if (setsockopt(fd, SOL_SOCKET, SO_PREFER_BUSY_POLL, &one, sizeof(one)) != 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_BUSY_POLL, &usec, sizeof(usec)) != 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_BUSY_POLL_BUDGET, &budget, sizeof(budget)) != 0) {
		AFX_LOG(WARNING,
			"%s: busy polling is not available (%s; needs kernel 5.11): "
			"going on without it; pass busy_budget=0 to silence this\n",
			name, strerror(errno));
		return;
	}
	qp->rx.busy_poll = true;
}

/* Rx frames go to the fill ring, Tx frames to the free list. */
static int
afx_frames_init(const char *name, struct afx_qpair *qp)
{
	uint32_t i, idx = 0;

	qp->tx.free_frames = rte_malloc(name, AFX_RING_SIZE * sizeof(uint64_t), 0);
	if (qp->tx.free_frames == NULL) {
		AFX_LOG(ERR, "%s: out of memory for the Tx frame list\n", name);
		return -ENOMEM;
	}
	for (i = 0; i < AFX_RING_SIZE; i++)
		qp->tx.free_frames[i] = (uint64_t)(AFX_RING_SIZE + i) * AFX_FRAME_SIZE;
	qp->tx.nb_free = AFX_RING_SIZE;
	if (xsk_ring_prod__reserve(&qp->rx.fq, AFX_RING_SIZE, &idx) != AFX_RING_SIZE) {
		AFX_LOG(ERR, "%s: the fill ring is smaller than expected\n", name);
		return -ENOSPC;
	}
	for (i = 0; i < AFX_RING_SIZE; i++)
		*xsk_ring_prod__fill_addr(&qp->rx.fq, idx + i) = (uint64_t)i * AFX_FRAME_SIZE;
	xsk_ring_prod__submit(&qp->rx.fq, AFX_RING_SIZE);
	return 0;
}

/* Mempool UMEM: fill_size mbufs of the pool wait in the fill ring. */
static int
afx_mp_frames_init(const char *name, struct afx_qpair *qp)
{
	const struct afx_mp_umem *u = &qp->mpu;
	struct rte_mbuf *m[AFX_RX_BURST_MAX];
	uint32_t done, n, i, idx = 0;

	for (done = 0; done < u->fill_size; done += n) {
		n = RTE_MIN(u->fill_size - done, AFX_RX_BURST_MAX);
		if (rte_pktmbuf_alloc_bulk(u->mp, m, n) != 0) {
			AFX_LOG(ERR,
				"%s: mempool '%s' has not %u free mbufs for the fill ring: "
				"create it with more mbufs\n",
				name, u->mp->name, u->fill_size);
			return -ENOBUFS;
		}
		if (xsk_ring_prod__reserve(&qp->rx.fq, n, &idx) != n) {
			rte_pktmbuf_free_bulk(m, n);
			AFX_LOG(ERR, "%s: the fill ring is smaller than expected\n", name);
			return -ENOSPC;
		}
		for (i = 0; i < n; i++)
			*xsk_ring_prod__fill_addr(&qp->rx.fq, idx + i) = afx_mbuf_to_chunk(u, m[i]);
		xsk_ring_prod__submit(&qp->rx.fq, n);
	}
	return 0;
}

/*
 * The UMEM of queue pair q: pair 0's with shared_umem when both use the
 * same mempool, else one of its own, over mp if mp can be one.
 */
static int
afx_qpair_umem_setup(const char *name, struct afx_private *priv, uint16_t q, struct rte_mempool *mp)
{
	struct afx_qpair *qp = &priv->qp[q];
	const char *why;
	int ret;

	why = afx_mp_umem_describe(mp, &qp->mpu);
	if (why != NULL) {
		memset(&qp->mpu, 0, sizeof(qp->mpu));
		AFX_LOG(INFO,
			"%s: queue %u copies frames: mempool '%s' cannot be the UMEM, %s; a "
			"pool of default-sized mbufs in one area avoids the copy\n",
			name, q, mp->name, why);
		ret = afx_umem_create(name, qp);
		return ret == 0 ? afx_frames_init(name, qp) : ret;
	}
	if (priv->shared_umem && q > 0 && priv->qp[0].mpu.mp == mp && priv->qp[0].umem != NULL) {
		qp->umem = priv->qp[0].umem;
		qp->umem_borrowed = true;
	} else {
		ret = afx_mp_umem_create(name, qp);
		if (ret != 0)
			return ret;
	}
	return 0;
}

int
afx_qpair_open(const char *name, struct afx_private *priv, uint16_t q, struct rte_mempool *mp)
{
	struct afx_qpair *qp = &priv->qp[q];
	uint32_t queue = priv->start_queue + q;
	int ret;

	ret = afx_qpair_umem_setup(name, priv, q, mp);
	if (ret == 0)
		ret = afx_xsk_create(name, priv, qp, queue);
	/* the fill ring of a shared UMEM's second socket exists only now */
	if (ret == 0 && qp->mpu.mp != NULL)
		ret = afx_mp_frames_init(name, qp);
	if (ret != 0)
		return ret;
	ret = xsk_socket__update_xskmap(qp->xsk, priv->map_fd);
	if (ret != 0) {
		AFX_LOG(ERR,
			"%s: cannot put the socket of queue %u in the XSKMAP: %s; an "
			"xdp_prog's map needs at least %u entries\n",
			name, queue, strerror(-ret), queue + 1);
		return ret;
	}
	afx_busy_poll_setup(name, priv, qp);
	qp->rx.fd = xsk_socket__fd(qp->xsk);
	qp->tx.fd = qp->rx.fd;
	qp->rx.umem_area = qp->umem_area;
	qp->tx.umem_area = qp->umem_area;
	qp->rx.mpu = qp->mpu.mp != NULL ? &qp->mpu : NULL;
	qp->tx.mpu = qp->rx.mpu;
	AFX_LOG(INFO, "%s: queue %u: %s, %s, busy_budget %u\n", name, queue,
		qp->zero_copy ? "zero-copy mode (XDP_ZEROCOPY)" : "copy mode (XDP_COPY)",
		qp->mpu.mp == NULL  ? "UMEM of the driver's own, frames copied to mbufs"
		: qp->umem_borrowed ? "UMEM over the mempool shared with queue 0, no copy"
				    : "UMEM over the mempool, no copy",
		qp->rx.busy_poll ? priv->busy_budget : 0);
	return 0;
}

/*
 * Free the mbufs of the entries from..to of a ring (UMEM addresses, or Tx/Rx
 * descriptors that start with one); the kernel moves the indexes, so at
 * most a ring's worth is read and each address is checked.
 */
static void
afx_ring_mbufs_free(const struct afx_mp_umem *u, const void *entries, uint32_t mask, uint32_t from,
		    uint32_t to, size_t stride)
{
	uint32_t n = RTE_MIN(to - from, mask + 1), i;

	for (i = 0; i < n; i++) {
		const uint8_t *e = (const uint8_t *)entries + ((from + i) & mask) * stride;
		struct rte_mbuf *m = afx_chunk_to_mbuf(u, *(const uint64_t *)(const void *)e);

		if (m != NULL)
			rte_pktmbuf_free_seg(m);
	}
}

/*
 * Give the pool back the mbufs on the four rings: those in the fill and
 * Tx rings the kernel has not taken yet, those in the Rx and completion
 * rings we have not taken yet. The socket leaves the XSKMAP first so that
 * no packet lands in them meanwhile. A zero-copy driver may still hold
 * a few mbufs taken from the fill ring; those are the kernel's until the
 * UMEM goes.
 */
static void
afx_mp_umem_reclaim(struct afx_private *priv, uint16_t q)
{
	struct afx_qpair *qp = &priv->qp[q];
	const struct afx_mp_umem *u = &qp->mpu;
	uint32_t key = priv->start_queue + q;

	if (u->mp == NULL || qp->xsk == NULL)
		return;
	if (priv->map_fd >= 0)
		(void)bpf_map_delete_elem(priv->map_fd, &key);
	/* acquire: pairs with the kernel's release of its consumer/producer index */
	afx_ring_mbufs_free(u, qp->rx.fq.ring, qp->rx.fq.mask,
			    __atomic_load_n(qp->rx.fq.consumer, __ATOMIC_ACQUIRE),
			    qp->rx.fq.cached_prod, sizeof(uint64_t));
	afx_ring_mbufs_free(u, qp->rx.rx.ring, qp->rx.rx.mask, qp->rx.rx.cached_cons,
			    __atomic_load_n(qp->rx.rx.producer, __ATOMIC_ACQUIRE),
			    sizeof(struct xdp_desc));
	afx_ring_mbufs_free(u, qp->tx.tx.ring, qp->tx.tx.mask,
			    __atomic_load_n(qp->tx.tx.consumer, __ATOMIC_ACQUIRE),
			    qp->tx.tx.cached_prod, sizeof(struct xdp_desc));
	afx_ring_mbufs_free(u, qp->tx.cq.ring, qp->tx.cq.mask, qp->tx.cq.cached_cons,
			    __atomic_load_n(qp->tx.cq.producer, __ATOMIC_ACQUIRE),
			    sizeof(uint64_t));
}

void
afx_qpair_close(struct afx_private *priv, uint16_t q)
{
	struct afx_qpair *qp = &priv->qp[q];

	afx_mp_umem_reclaim(priv, q);
	/* the socket before its UMEM: libxdp refuses to free a UMEM in use */
	if (qp->xsk != NULL)
		xsk_socket__delete(qp->xsk);
	qp->xsk = NULL;
	if (qp->umem != NULL && !qp->umem_borrowed)
		xsk_umem__delete(qp->umem);
	qp->umem = NULL;
	qp->umem_borrowed = false;
	memset(&qp->mpu, 0, sizeof(qp->mpu));
	qp->rx.mpu = NULL;
	qp->tx.mpu = NULL;
	if (qp->umem_area != NULL)
		munmap(qp->umem_area, qp->umem_len);
	qp->umem_area = NULL;
	rte_free(qp->tx.free_frames);
	qp->tx.free_frames = NULL;
}

int
afx_qpair_kstats(const struct afx_qpair *qp, struct xdp_statistics *st)
{
	socklen_t len = sizeof(*st);

	memset(st, 0, sizeof(*st));
	if (qp->xsk == NULL)
		return -ENODEV;
	return getsockopt(xsk_socket__fd(qp->xsk), SOL_XDP, XDP_STATISTICS, st, &len) < 0 ? -errno
											  : 0;
}
