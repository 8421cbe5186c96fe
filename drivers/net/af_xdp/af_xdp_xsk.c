/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A queue pair's XDP socket: its UMEM (anonymous memory of our own, half
 * of it Rx frames that circulate through the fill ring, half Tx frames on
 * a free list), the socket bound to one queue of the interface, and its
 * entry in the XSKMAP. The bind asks for zero-copy first and falls back to
 * copy mode, as DPDK does.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <bpf/bpf.h>

#include <rte_malloc.h>

#include "af_xdp.h"

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
	if (ret == -ENOBUFS || ret == -EPERM || ret == -ENOMEM) {
		/* the kernel charges UMEM pages to RLIMIT_MEMLOCK (xdp_umem_account_pages) */
		AFX_LOG(ERR,
			"%s: cannot register a UMEM of %zu bytes: %s; RLIMIT_MEMLOCK is "
			"too low: raise it with 'ulimit -l unlimited' (or LimitMEMLOCK= in a "
			"systemd unit)\n",
			name, qp->umem_len, strerror(-ret));
	} else if (ret != 0) {
		AFX_LOG(ERR,
			"%s: cannot register a UMEM: %s; the kernel needs "
			"CONFIG_XDP_SOCKETS\n",
			name, strerror(-ret));
	}
	if (ret != 0)
		qp->umem = NULL;
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
		ret = xsk_socket__create(&qp->xsk, priv->iface, queue, qp->umem, &qp->rx.rx,
					 &qp->tx.tx, cfg);
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
	int ret = -EOPNOTSUPP;

	if (!priv->force_copy)
		ret = afx_xsk_bind(priv, qp, queue, &cfg);
	qp->zero_copy = ret == 0;
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
	AFX_LOG(DEBUG, "%s: queue %u bound in %s mode\n", name, queue,
		qp->zero_copy ? "zero-copy" : "copy");
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

int
afx_qpair_open(const char *name, struct afx_private *priv, uint16_t q)
{
	struct afx_qpair *qp = &priv->qp[q];
	uint32_t queue = priv->start_queue + q;
	int ret;

	ret = afx_umem_create(name, qp);
	if (ret == 0)
		ret = afx_frames_init(name, qp);
	if (ret == 0)
		ret = afx_xsk_create(name, priv, qp, queue);
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
	return 0;
}

void
afx_qpair_close(struct afx_qpair *qp)
{
	/* the socket before its UMEM: libxdp refuses to free a UMEM in use */
	if (qp->xsk != NULL)
		xsk_socket__delete(qp->xsk);
	qp->xsk = NULL;
	if (qp->umem != NULL)
		xsk_umem__delete(qp->umem);
	qp->umem = NULL;
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
