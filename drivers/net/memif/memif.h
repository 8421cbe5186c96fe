/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif: a port over shared memory with a libmemif, VPP or DPDK peer.
 * The client owns the memory (one memfd region with all rings and
 * buffers) and passes it to the server over the control socket; both
 * sides copy packets in and out of the buffers. Control runs on the
 * interrupt thread under one lock; each queue is owned by one lcore.
 */
#ifndef _MEMIF_H_
#define _MEMIF_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>
#include <sys/un.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

#include "memif_proto.h"

/* DPDK's defaults and limits for net_memif. */
#define MEMIF_DFLT_SOCKET "/run/memif.sock"
#define MEMIF_DFLT_LOG2_RING 10
#define MEMIF_DFLT_BSIZE 2048
#define MEMIF_MAX_QPAIRS 255
#define MEMIF_MAX_LOG2_RING 14
/* Regions accepted from a client; a copying client sends one. */
#define MEMIF_MAX_REGIONS 16
/* Connections a server socket keeps waiting for their INIT. */
#define MEMIF_MAX_PENDING 16
/* How often a client retries a server that is not there (microseconds). */
#define MEMIF_RECONNECT_US 500000

extern int memif_logtype;
#define MEMIF_LOG(level, ...) rte_log(RTE_LOG_##level, memif_logtype, __VA_ARGS__)

struct memif_region {
	uint8_t *addr;
	uint64_t size;
	int fd;
};

struct memif_private;

/*
 * One direction of one queue pair. Indices we move are kept here and only
 * written to the ring; indices the peer moves are read from the ring once
 * a burst and bounded by the ring size before use.
 */
struct memif_queue {
	struct memif_ring *ring; /* NULL while the queue has no peer ring */
	const struct memif_region *regions;
	const _Atomic uint32_t *up; /* the port's connected flag */
	uint16_t nb_regions;
	uint16_t ring_size;
	uint16_t last; /* next slot we consume or fill */
	uint16_t head; /* S2C receiver: slots posted so far */
	bool c2s;      /* the ring carries client-to-server traffic */
	bool client;
	uint32_t buf_size;  /* client: bytes a buffer holds */
	uint32_t buf_first; /* client: offset of this ring's first buffer */
	int fd;		    /* the ring's eventfd (kicks) */
	/* where the ring is, as ADD_RING said; checked at CONNECT */
	bool ring_added;
	uint8_t ring_log2;
	uint16_t ring_region;
	uint32_t ring_off;
	uint16_t port_id;
	uint16_t qid;
	struct rte_mempool *mp;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs; /* peer faults: bad index or descriptor */
	uint64_t nombuf;
} __rte_cache_aligned;

struct memif_socket;
struct memif_cc;

struct memif_private {
	TAILQ_ENTRY(memif_private) next;
	struct rte_eth_dev *dev;
	/* devargs */
	uint32_t id;
	bool server;
	bool abstract;
	uint8_t log2_ring;
	uint16_t bsize;
	char secret[MEMIF_SECRET_SZ + 1];
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	/* control state, under the driver's lock */
	struct memif_socket *sock;
	struct memif_cc *cc;
	bool started;
	bool lsc_pending;
	bool reconnect_armed;
	char remote_name[MEMIF_NAME_SZ + 1];
	/* the connection */
	_Atomic uint32_t up;
	struct memif_region regions[MEMIF_MAX_REGIONS];
	uint16_t nb_regions;
	uint16_t nb_c2s;
	uint16_t nb_s2c;
	uint8_t run_log2;
};

/* memif_socket.c: control channel */
int memif_socket_attach(struct memif_private *priv);
void memif_socket_detach(struct memif_private *priv);
int memif_control_start(struct memif_private *priv);
void memif_control_stop(struct memif_private *priv);

/* memif_region.c: shared memory and rings */
int memif_client_regions_create(struct memif_private *priv);
int memif_region_accept(struct memif_private *priv, uint16_t index, uint64_t size, int fd,
			const char **why);
void memif_regions_release(struct memif_private *priv);
void memif_regions_retire(struct memif_private *priv);
struct memif_queue *memif_ring_queue(struct memif_private *priv, bool c2s, uint16_t index);
int memif_queues_connect(struct memif_private *priv, const char **why);
void memif_queues_disconnect(struct memif_private *priv);
void memif_queues_release(struct memif_private *priv);

/* memif_rxtx.c */
uint16_t memif_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t memif_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
void memif_rx_refill(struct memif_queue *q, struct memif_ring *ring);

#endif /* _MEMIF_H_ */
