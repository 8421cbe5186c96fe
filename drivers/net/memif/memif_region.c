/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif shared memory: the client's region (rings, then buffers, in
 * DPDK's order: C2S rings, S2C rings, each ring's buffers in ring order),
 * the server's checks on a client's regions and rings, and tearing a
 * connection down under a polling lcore.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "memif.h"

struct memif_queue *
memif_ring_queue(struct memif_private *priv, bool c2s, uint16_t index)
{
	struct rte_eth_dev_data *data = priv->dev->data;
	/* the server receives on C2S rings, the client sends on them */
	bool rx = c2s == priv->server;

	if (rx)
		return index < data->nb_rx_queues ? data->rx_queues[index] : NULL;
	return index < data->nb_tx_queues ? data->tx_queues[index] : NULL;
}

/* Unmap every region: nothing polls them (stopped, or a new connection). */
void
memif_regions_release(struct memif_private *priv)
{
	uint16_t i;

	for (i = 0; i < priv->nb_regions; i++) {
		struct memif_region *r = &priv->regions[i];

		if (r->addr != NULL)
			munmap(r->addr, r->size);
		if (r->fd >= 0)
			close(r->fd);
		r->addr = NULL;
		r->size = 0;
		r->fd = -1;
	}
	priv->nb_regions = 0;
}

/*
 * The peer is gone but an lcore may be inside a burst on these addresses:
 * swap the shared pages for private zero pages at the same place (a ring
 * of zeros is empty), keep addr and size as they were, and unmap them
 * only when nothing can poll them (memif_regions_release).
 */
void
memif_regions_retire(struct memif_private *priv)
{
	uint16_t i;

	for (i = 0; i < priv->nb_regions; i++) {
		struct memif_region *r = &priv->regions[i];

		if (r->addr != NULL && mmap(r->addr, r->size, PROT_READ | PROT_WRITE,
					    MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
					    -1, 0) == MAP_FAILED) {
			/* keep the peer's pages then: still mapped, so still safe to touch */
			MEMIF_LOG(WARNING, "%s: cannot swap out region %u: %s\n",
				  priv->dev->data->name, i, strerror(errno));
		}
		if (r->fd >= 0)
			close(r->fd);
		r->fd = -1;
	}
}

static void
memif_queue_fd_close(struct memif_queue *q)
{
	if (q->fd >= 0)
		close(q->fd);
	q->fd = -1;
	q->ring_added = false;
}

static int
memif_region_map(struct memif_region *r, int fd, uint64_t size)
{
	void *addr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (addr == MAP_FAILED)
		return -errno;
	r->addr = addr;
	r->size = size;
	r->fd = fd;
	return 0;
}

/*
 * Client: one region for the rings of this connection and their buffers
 * (run counts set from HELLO), an eventfd a ring, rings ready to post.
 */
int
memif_client_regions_create(struct memif_private *priv)
{
	const char *name = priv->dev->data->name;
	uint16_t nb_rings = priv->nb_c2s + priv->nb_s2c;
	uint32_t ring_size = 1u << priv->run_log2;
	size_t ring_bytes = memif_ring_bytes(priv->run_log2);
	uint64_t bufs_off = (uint64_t)nb_rings * ring_bytes;
	uint64_t size = bufs_off + (uint64_t)nb_rings * ring_size * priv->bsize;
	uint16_t r;
	uint32_t j;
	int fd, ret;

	memif_regions_release(priv);
	/* descriptors address buffers with 32-bit offsets */
	if (size > UINT32_MAX) {
		MEMIF_LOG(ERR,
			  "%s: %u rings of 2^%u buffers of %u bytes need %" PRIu64
			  " bytes, more than 4 GiB a region: lower rsize, bsize or the queue "
			  "count\n",
			  name, nb_rings, priv->run_log2, priv->bsize, size);
		return -E2BIG;
	}
	fd = memfd_create("memif_region_0", MFD_ALLOW_SEALING | MFD_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		MEMIF_LOG(ERR, "%s: memfd_create: %s\n", name, strerror(-ret));
		return ret;
	}
	/* the server maps it: it must not shrink under the server (SIGBUS) */
	if (ftruncate(fd, (off_t)size) < 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) < 0) {
		ret = -errno;
		MEMIF_LOG(ERR, "%s: cannot size the shared region (%" PRIu64 " bytes): %s\n", name,
			  size, strerror(-ret));
		close(fd);
		return ret;
	}
	ret = memif_region_map(&priv->regions[0], fd, size);
	if (ret != 0) {
		MEMIF_LOG(ERR,
			  "%s: cannot map the shared region (%" PRIu64 " bytes): %s; lower "
			  "rsize or bsize\n",
			  name, size, strerror(-ret));
		close(fd);
		return ret;
	}
	priv->nb_regions = 1;
	for (r = 0; r < nb_rings; r++) {
		bool c2s = r < priv->nb_c2s;
		uint16_t index = c2s ? r : r - priv->nb_c2s;
		struct memif_ring *ring = (void *)(priv->regions[0].addr + r * ring_bytes);
		struct memif_queue *q = memif_ring_queue(priv, c2s, index);

		ring->cookie = MEMIF_COOKIE;
		for (j = 0; j < ring_size; j++) {
			ring->desc[j].region = 0;
			ring->desc[j].offset =
				(uint32_t)(bufs_off + ((uint64_t)r * ring_size + j) * priv->bsize);
			ring->desc[j].length = priv->bsize;
		}
		memif_queue_fd_close(q);
		q->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (q->fd < 0) {
			ret = -errno;
			MEMIF_LOG(ERR, "%s: eventfd: %s\n", name, strerror(-ret));
			return ret;
		}
		q->ring_added = true;
		q->ring_region = 0;
		q->ring_off = (uint32_t)(r * ring_bytes);
		q->ring_log2 = priv->run_log2;
		q->buf_first = (uint32_t)(bufs_off + (uint64_t)r * ring_size * priv->bsize);
		q->buf_size = priv->bsize;
	}
	return 0;
}

/*
 * Server: a client's region. It is mapped whole, so the file must be at
 * least that large and sealed against shrinking, or a later ftruncate by
 * the client would fault us.
 */
int
memif_region_accept(struct memif_private *priv, uint16_t index, uint64_t size, int fd,
		    const char **why)
{
	struct stat st;
	int seals;

	if (fd < 0) {
		*why = "Missing region fd";
		return -EINVAL;
	}
	if (index != priv->nb_regions || index >= MEMIF_MAX_REGIONS) {
		*why = "Invalid region index";
		return -EINVAL;
	}
	if (size < sizeof(struct memif_ring) || size > ((uint64_t)1 << 40) || fstat(fd, &st) < 0 ||
	    !S_ISREG(st.st_mode) || (uint64_t)st.st_size < size) {
		*why = "Invalid region size";
		return -EINVAL;
	}
	seals = fcntl(fd, F_GET_SEALS);
	if (seals < 0 || !(seals & F_SEAL_SHRINK)) {
		*why = "Region not sealed against shrinking";
		return -EPERM;
	}
	if (memif_region_map(&priv->regions[index], fd, size) != 0) {
		*why = "Cannot map region";
		return -ENOMEM;
	}
	priv->nb_regions++;
	return 0;
}

/* Check a queue's ring where ADD_RING put it and point the queue at it. */
static int
memif_queue_connect(struct memif_private *priv, struct memif_queue *q, bool c2s, const char **why)
{
	const struct memif_region *r;
	struct memif_ring *ring;

	if (q->ring_region >= priv->nb_regions || q->ring_log2 > MEMIF_MAX_LOG2_RING ||
	    q->ring_off % 8 != 0) {
		*why = "Invalid ring";
		return -EINVAL;
	}
	r = &priv->regions[q->ring_region];
	if ((uint64_t)q->ring_off + memif_ring_bytes(q->ring_log2) > r->size) {
		*why = "Ring outside its region";
		return -EINVAL;
	}
	ring = (struct memif_ring *)(void *)(r->addr + q->ring_off);
	if (ring->cookie != MEMIF_COOKIE) {
		*why = "Wrong ring cookie";
		return -EINVAL;
	}
	ring->head = 0;
	ring->tail = 0;
	/* we poll our receive rings: the sender need not kick (the receiver's flag) */
	if (c2s == priv->server)
		ring->flags = MEMIF_RING_MASK_INT;
	q->ring_size = (uint16_t)(1u << q->ring_log2);
	q->last = 0;
	q->head = 0;
	q->c2s = c2s;
	q->client = !priv->server;
	q->regions = priv->regions;
	q->nb_regions = priv->nb_regions;
	q->ring = ring;
	/*
	 * A client posts its Rx buffers now, not at its first Rx burst: a
	 * server that sends at once (a --tx-first peer echoed back) would
	 * find no room and drop.
	 */
	if (q->client && !c2s)
		memif_rx_refill(q, ring);
	return 0;
}

/* Both sides, on CONNECT/CONNECTED: every announced ring checked, then up. */
int
memif_queues_connect(struct memif_private *priv, const char **why)
{
	struct rte_eth_dev_data *data = priv->dev->data;
	uint16_t i;
	int ret;

	for (i = 0; i < RTE_MAX(data->nb_rx_queues, data->nb_tx_queues); i++) {
		int c2s;

		for (c2s = 0; c2s < 2; c2s++) {
			struct memif_queue *q = memif_ring_queue(priv, c2s, i);

			if (q == NULL)
				continue;
			q->ring = NULL;
			if (!q->ring_added)
				continue; /* the peer has fewer queues: this one idles */
			ret = memif_queue_connect(priv, q, c2s, why);
			if (ret != 0)
				return ret;
			MEMIF_LOG(DEBUG, "%s: %s ring %u: 2^%u slots at offset %u of region %u\n",
				  data->name, c2s ? "C2S" : "S2C", i, q->ring_log2, q->ring_off,
				  q->ring_region);
		}
	}
	/* pairs with the acquire load at the top of each burst */
	atomic_store_explicit(&priv->up, 1, memory_order_release);
	return 0;
}

void
memif_queues_disconnect(struct memif_private *priv)
{
	atomic_store_explicit(&priv->up, 0, memory_order_release);
	memif_regions_retire(priv);
}

/* Stopped: no lcore polls, everything of the connection goes. */
void
memif_queues_release(struct memif_private *priv)
{
	struct rte_eth_dev_data *data = priv->dev->data;
	uint16_t i;

	atomic_store_explicit(&priv->up, 0, memory_order_release);
	for (i = 0; i < data->nb_rx_queues; i++)
		if (data->rx_queues[i] != NULL)
			memif_queue_fd_close(data->rx_queues[i]);
	for (i = 0; i < data->nb_tx_queues; i++)
		if (data->tx_queues[i] != NULL)
			memif_queue_fd_close(data->tx_queues[i]);
	memif_regions_release(priv);
}
