/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The forwarding lcore loop, instantiated once per engine so that the
 * engine's per-stream step is inlined: no call through a pointer per burst,
 * and the stop flag is read once per pass over the lcore's streams.
 *
 * A step returns the packets it handled; with --record-core-cycles the
 * cycles of the steps that handled some are added to the stream, as
 * DPDK's testpmd counts them (idle polls are not work).
 */
#ifndef _TESTPMD_FWD_LOOP_H_
#define _TESTPMD_FWD_LOOP_H_

#include <stdatomic.h>

#include <rte_cycles.h>

#include "testpmd.h"

#define FWD_LCORE_LOOP(loop_name, stream_step) \
static int \
loop_name(void *arg) \
{ \
	struct fwd_lcore *fc = arg; \
	struct fwd_stream *fs = &fwd_streams[fc->stream_first]; \
	const uint16_t nb = fc->stream_nb; \
	const uint16_t burst = cfg.burst; \
	const bool cycles = cfg.record_core_cycles; \
 \
	do { \
		for (uint16_t i = 0; i < nb; i++) { \
			uint64_t t0 = cycles ? rte_rdtsc() : 0; \
 \
			if (stream_step(&fs[i], burst) != 0 && cycles) \
				fs[i].core_cycles += rte_rdtsc() - t0; \
		} \
		/* Relaxed: pairs with nothing; fwd_stop() joins the lcore after. */ \
	} while (!atomic_load_explicit(&fc->stopped, memory_order_relaxed)); \
	return 0; \
}

/* Free what the tx queue did not take, and count it as dropped. */
static inline void
fwd_drop_unsent(struct fwd_stream *fs, struct rte_mbuf **pkts, uint16_t nb_tx, uint16_t nb)
{
	if (unlikely(nb_tx < nb)) {
		fs->fwd_dropped += nb - nb_tx;
		rte_pktmbuf_free_bulk(&pkts[nb_tx], nb - nb_tx);
	}
}

/* Receive a burst; counted, and its size recorded with --record-burst-stats. */
static inline uint16_t
fwd_rx_burst(struct fwd_stream *fs, struct rte_mbuf **pkts, uint16_t burst)
{
	uint16_t nb = rte_eth_rx_burst(fs->rx_port, fs->rx_queue, pkts, burst);

	if (unlikely(fs->bursts != NULL))
		fs->bursts->rx[nb]++;
	fs->rx_packets += nb;
	return nb;
}

/*
 * Send nb packets; with "set fwd MODE retry", what the queue did not take
 * is offered again up to tx_retry_num times, tx_retry_delay_us apart;
 * what is left is freed and counted as dropped.
 */
static inline void
fwd_tx_burst(struct fwd_stream *fs, struct rte_mbuf **pkts, uint16_t nb)
{
	uint16_t nb_tx = rte_eth_tx_burst(fs->tx_port, fs->tx_queue, pkts, nb);

	if (unlikely(nb_tx < nb && cfg.tx_retry)) {
		for (uint32_t r = 0; r < cfg.tx_retry_num && nb_tx < nb; r++) {
			rte_delay_us(cfg.tx_retry_delay_us);
			nb_tx += rte_eth_tx_burst(fs->tx_port, fs->tx_queue, &pkts[nb_tx],
						  nb - nb_tx);
		}
	}

	if (unlikely(fs->bursts != NULL))
		fs->bursts->tx[nb_tx]++;
	fs->tx_packets += nb_tx;
	fwd_drop_unsent(fs, pkts, nb_tx, nb);
}

#endif
