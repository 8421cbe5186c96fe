/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_xdp: a port on queues of a kernel interface through AF_XDP
 * sockets. One XDP socket per queue pair. Its UMEM is the memory of the Rx
 * queue's mempool when that is one contiguous area (the kernel writes
 * packets straight into mbufs and sends mbufs in place), else an area of
 * the driver's own that frames are copied through. An XDP program on the
 * interface redirects each queue's packets to its socket through an
 * XSKMAP keyed by the queue index.
 */
#ifndef _AF_XDP_H_
#define _AF_XDP_H_

#include <stdbool.h>
#include <stdint.h>
#include <limits.h>
#include <net/if.h>
#include <linux/bpf.h>
#include <linux/if_link.h>
#include <linux/if_xdp.h>
#include <xdp/xsk.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

/* As DPDK's ETH_AF_XDP_MAX_QUEUE_PAIRS. */
#define AFX_MAX_QPAIRS 16

/* Ring sizes: libxdp's default. Frames: the smallest the kernel takes. */
#define AFX_RING_SIZE XSK_RING_CONS__DEFAULT_NUM_DESCS
#define AFX_FRAME_SIZE 2048u
/*
 * The largest packet a frame holds: the kernel keeps XDP_PACKET_HEADROOM
 * at the front of every Rx frame (xsk_buff_pool's frame_len).
 */
#define AFX_PKT_MAX (AFX_FRAME_SIZE - XDP_PACKET_HEADROOM)
/* Half the frames wait in the fill ring for Rx, half are Tx buffers. */
#define AFX_NB_FRAMES (2 * AFX_RING_SIZE)

/* DPDK's default busy_budget. */
#define AFX_DFLT_BUSY_BUDGET 64

extern int afx_logtype;
#define AFX_LOG(level, ...) rte_log(RTE_LOG_##level, afx_logtype, __VA_ARGS__)

/*
 * A mempool used as UMEM: chunk addresses are offsets from base of the
 * mempool objects' headers (unaligned chunk mode, as objects are neither
 * a power of two long nor aligned on one).
 */
struct afx_mp_umem {
	uint8_t *base;	    /* the pool's area, rounded down to a page */
	uint64_t len;	    /* the area, rounded up to a page */
	uint64_t first;	    /* offset of the lowest chunk */
	uint64_t last;	    /* offset of the highest chunk */
	uint32_t chunk;	    /* header + object + trailer */
	uint32_t mb_off;    /* chunk start to struct rte_mbuf: the object header */
	uint32_t headroom;  /* chunk start to buf_addr, kept free by the kernel */
	uint32_t fill_size; /* mbufs kept in the fill ring */
	struct rte_mempool *mp;
};

/* The UMEM address of an mbuf of the pool: where its object header starts. */
static inline uint64_t
afx_mbuf_to_chunk(const struct afx_mp_umem *u, const struct rte_mbuf *m)
{
	return (uint64_t)((const uint8_t *)m - u->mb_off - u->base);
}

/*
 * The mbuf whose chunk holds a kernel-written UMEM address, or NULL when
 * the address is no chunk of the pool.
 */
static inline struct rte_mbuf *
afx_chunk_to_mbuf(const struct afx_mp_umem *u, uint64_t addr)
{
	uint64_t chunk = xsk_umem__extract_addr(addr);

	if (chunk < u->first || chunk > u->last || (chunk - u->first) % u->chunk != 0)
		return NULL;
	return (struct rte_mbuf *)(void *)(u->base + chunk + u->mb_off);
}

/* Rx descriptors at most taken a burst, so the refill fits on the stack. */
#define AFX_RX_BURST_MAX 64u

struct afx_rx_queue {
	struct xsk_ring_cons rx;
	struct xsk_ring_prod fq;
	uint8_t *umem_area;
	const struct afx_mp_umem *mpu; /* set when the UMEM is the mempool */
	int fd;
	bool busy_poll;
	uint16_t port_id;
	struct rte_mempool *mb_pool;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs; /* descriptors outside the UMEM, or too long */
	uint64_t nombuf;
} __rte_cache_aligned;

struct afx_tx_queue {
	struct xsk_ring_prod tx;
	struct xsk_ring_cons cq;
	uint8_t *umem_area;
	const struct afx_mp_umem *mpu; /* set when the UMEM is the mempool */
	uint64_t *free_frames;	       /* UMEM addresses of idle Tx frames */
	uint32_t nb_free;
	int fd;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs; /* oversized, or the kick failed */
} __rte_cache_aligned;

/* One XDP socket, its UMEM and its four rings. */
struct afx_qpair {
	struct afx_rx_queue rx;
	struct afx_tx_queue tx;
	struct xsk_umem *umem;
	struct xsk_socket *xsk;
	void *umem_area; /* the driver's own UMEM, or NULL */
	size_t umem_len;
	struct afx_mp_umem mpu;		   /* mpu.mp != NULL: the UMEM is this mempool */
	bool umem_borrowed;		   /* umem belongs to queue pair 0 (shared_umem) */
	bool zero_copy;			   /* bound with XDP_ZEROCOPY */
	struct xdp_statistics kstats_base; /* the kernel's counts at the last reset */
};

struct bpf_object;

struct afx_private {
	char iface[IFNAMSIZ];
	char prog_path[PATH_MAX]; /* xdp_prog, empty for the default program */
	int ifindex;
	int ctl_fd; /* for the interface ioctls */
	uint32_t start_queue;
	uint16_t nb_qpairs;
	uint32_t busy_budget;
	bool shared_umem;
	bool force_copy;
	/* the program we attached, so that close detaches that one only */
	int prog_fd;
	int map_fd;
	uint32_t xdp_flags;
	struct bpf_object *obj; /* a loaded xdp_prog, else NULL */
	struct afx_qpair *qp;	/* nb_qpairs of them */
};

/* af_xdp_prog.c: the XDP program and its XSKMAP. */
int afx_prog_attach(const char *name, struct afx_private *priv);
void afx_prog_detach(struct afx_private *priv);

/*
 * af_xdp_xsk.c: UMEM and socket of a queue pair, made when its Rx queue is
 * set up with mp (the mempool the UMEM is made of when it can be).
 */
int afx_qpair_open(const char *name, struct afx_private *priv, uint16_t q, struct rte_mempool *mp);
/* Also gives a mempool UMEM's mbufs on the rings back to the pool. */
void afx_qpair_close(struct afx_private *priv, uint16_t q);
/* The kernel's XDP_STATISTICS of a queue pair's socket. Returns 0 or -errno. */
int afx_qpair_kstats(const struct afx_qpair *qp, struct xdp_statistics *st);

uint16_t afx_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t afx_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);

#endif /* _AF_XDP_H_ */
