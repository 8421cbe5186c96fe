/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * noisy: DPDK's noisy_vnf engine, a forwarder that behaves like a virtual
 * network function. Received packets wait in a FIFO of
 * --noisy-tx-sw-buffer-size packets: a full FIFO sends its oldest to make
 * room, and every --noisy-tx-sw-buffer-flushtime ms a poll that sent nothing
 * sends it whole.
 * For each packet the lcore also touches --noisy-lkup-memory MB of memory
 * at random (--noisy-lkup-num-writes, -reads, -reads-writes times), as a
 * VNF's table lookups would, to load the caches.
 *
 * Differences from DPDK, on purpose: the FIFO and the memory are per stream
 * (DPDK shares them per port, also between lcores, which races); lookups
 * touch whole cache lines of the whole area (DPDK's index only reaches its
 * first 64th); packets that find no room and those still held at stop are
 * freed and counted as dropped (DPDK leaks them).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_random.h>
#include <rte_ring.h>

#include "fwd_loop.h"
#include "testpmd.h"

struct noisy_stream {
	struct rte_ring *fifo; /* NULL: no buffering */
	volatile uint8_t *mem; /* NULL: no lookups; volatile: the reads must happen */
	uint64_t mem_lines;
	uint64_t flush_cycles; /* between flushes; 0: no flush */
	uint64_t last_flush;   /* TSC of the last flush (or of the first poll) */
};

static inline volatile uint8_t *
noisy_line(const struct noisy_stream *ns)
{
	return &ns->mem[(rte_rand() % ns->mem_lines) * RTE_CACHE_LINE_SIZE];
}

static void
noisy_lookups(const struct noisy_stream *ns, uint16_t nb_pkts)
{
	if (ns->mem == NULL)
		return;
	for (uint16_t p = 0; p < nb_pkts; p++) {
		for (uint32_t i = 0; i < cfg.noisy_lkup_writes; i++)
			*noisy_line(ns) = (uint8_t)rte_rand();
		for (uint32_t i = 0; i < cfg.noisy_lkup_reads; i++)
			(void)*noisy_line(ns);
		for (uint32_t i = 0; i < cfg.noisy_lkup_reads_writes; i++) {
			volatile uint8_t *line = noisy_line(ns);

			*line = (uint8_t)(*line + 1);
		}
	}
}

/* Send everything held once the flush time passed since the last flush. */
static uint16_t
noisy_flush(struct fwd_stream *fs, struct noisy_stream *ns)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint64_t now = rte_rdtsc();
	uint16_t sent = 0;

	if (ns->last_flush == 0)
		ns->last_flush = now;
	if (now - ns->last_flush < ns->flush_cycles)
		return 0;
	while (!rte_ring_empty(ns->fifo)) {
		uint16_t nb = (uint16_t)rte_ring_sc_dequeue_burst(ns->fifo, (void **)pkts,
								  TESTPMD_MAX_BURST, NULL);

		fwd_tx_burst(fs, pkts, nb);
		sent = (uint16_t)(sent + nb);
	}
	ns->last_flush = rte_rdtsc();
	return sent;
}

static inline uint16_t
noisy_step(struct fwd_stream *fs, uint16_t burst)
{
	struct noisy_stream *ns = fs->engine_data;
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	struct rte_mbuf *old[TESTPMD_MAX_BURST];
	uint16_t nb_rx, nb_old = 0, nb_in;

	nb_rx = fwd_rx_burst(fs, pkts, burst);
	if (ns->fifo == NULL) {
		if (nb_rx == 0)
			return 0;
		noisy_lookups(ns, nb_rx);
		fwd_tx_burst(fs, pkts, nb_rx);
		return nb_rx;
	}
	if (nb_rx > 0) {
		/* No room: the oldest packets go out to make it. */
		if (rte_ring_free_count(ns->fifo) < nb_rx)
			nb_old = (uint16_t)rte_ring_sc_dequeue_burst(ns->fifo, (void **)old, nb_rx,
								     NULL);
		nb_in = (uint16_t)rte_ring_sp_enqueue_burst(ns->fifo, (void **)pkts, nb_rx, NULL);
		fwd_drop_unsent(fs, pkts, nb_in, nb_rx);
		if (nb_old > 0)
			fwd_tx_burst(fs, old, nb_old);
		noisy_lookups(ns, nb_in);
	}
	/* As DPDK: a flush only when nothing went out on this poll. */
	if (nb_old == 0 && ns->flush_cycles != 0)
		nb_old = noisy_flush(fs, ns);
	return (uint16_t)(nb_rx + nb_old);
}
FWD_LCORE_LOOP(noisy_lcore_loop, noisy_step)

static void
noisy_stream_end(struct fwd_stream *fs)
{
	struct noisy_stream *ns = fs->engine_data;
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	unsigned int nb;

	if (ns == NULL)
		return;
	if (ns->fifo != NULL) {
		while ((nb = rte_ring_sc_dequeue_burst(ns->fifo, (void **)pkts, TESTPMD_MAX_BURST,
						       NULL)) > 0) {
			rte_pktmbuf_free_bulk(pkts, nb);
			fs->fwd_dropped += nb;
		}
		rte_ring_free(ns->fifo);
	}
	rte_free((void *)(uintptr_t)ns->mem);
	free(ns);
	fs->engine_data = NULL;
}

static int
noisy_stream_begin(struct fwd_stream *fs)
{
	static unsigned int fifo_seq; /* ring names are process-wide */
	uint64_t lookups = (uint64_t)cfg.noisy_lkup_writes + cfg.noisy_lkup_reads +
			   cfg.noisy_lkup_reads_writes;
	int socket = rte_eth_dev_socket_id(fs->rx_port);
	struct noisy_stream *ns;
	char name[RTE_RING_NAMESIZE];

	if (lookups > 0 && cfg.noisy_lkup_mem_mb == 0) {
		printf("--noisy-lkup-memory-size must be > 0: the lookups of --noisy-lkup-num-* "
		       "need memory; give --noisy-lkup-memory=MB\n");
		return -EINVAL;
	}
	if (socket < 0)
		socket = SOCKET_ID_ANY;
	ns = calloc(1, sizeof(*ns));
	if (ns == NULL)
		return -ENOMEM;
	fs->engine_data = ns;
	if (cfg.noisy_tx_sw_bufsz > 0) {
		snprintf(name, sizeof(name), "noisy_ring_%u", fifo_seq++);
		/* Exact size: DPDK's FIFO holds what was asked, not a power of 2 less one. */
		ns->fifo = rte_ring_create(name, cfg.noisy_tx_sw_bufsz, socket,
					   RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ);
		if (ns->fifo == NULL) {
			printf("rte_ring_create(%u), size %u) failed: %s; give a smaller "
			       "--noisy-tx-sw-buffer-size or more memory (-m)\n",
			       fs->rx_port, cfg.noisy_tx_sw_bufsz, rte_strerror(rte_errno));
			goto out_free;
		}
		ns->flush_cycles = (uint64_t)cfg.noisy_flush_ms * rte_get_tsc_hz() / 1000;
	}
	if (lookups > 0) {
		ns->mem_lines = (uint64_t)cfg.noisy_lkup_mem_mb * 1024 * 1024 / RTE_CACHE_LINE_SIZE;
		ns->mem = rte_zmalloc_socket("testpmd noisy lookups",
					     (size_t)cfg.noisy_lkup_mem_mb * 1024 * 1024,
					     RTE_CACHE_LINE_SIZE, socket);
		if (ns->mem == NULL) {
			printf("rte_zmalloc(%u MB) for vnf memory failed; give a smaller "
			       "--noisy-lkup-memory or more memory (-m)\n",
			       cfg.noisy_lkup_mem_mb);
			goto out_free;
		}
	}
	return 0;
out_free:
	noisy_stream_end(fs);
	return -ENOMEM;
}

const struct fwd_engine noisy_engine = {
	.name = "noisy",
	.lcore_loop = noisy_lcore_loop,
	.stream_begin = noisy_stream_begin,
	.stream_end = noisy_stream_end,
};
