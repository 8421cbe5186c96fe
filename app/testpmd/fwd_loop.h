/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The forwarding lcore loop, instantiated once per engine so that the
 * engine's per-stream step is inlined: no call through a pointer per burst,
 * and the stop flag is read once per pass over the lcore's streams.
 */
#ifndef _TESTPMD_FWD_LOOP_H_
#define _TESTPMD_FWD_LOOP_H_

#include <stdatomic.h>

#include "testpmd.h"

#define FWD_LCORE_LOOP(loop_name, stream_step) \
static int \
loop_name(void *arg) \
{ \
	struct fwd_lcore *fc = arg; \
	struct fwd_stream *fs = &fwd_streams[fc->stream_first]; \
	const uint16_t nb = fc->stream_nb; \
	const uint16_t burst = cfg.burst; \
 \
	do { \
		for (uint16_t i = 0; i < nb; i++) \
			stream_step(&fs[i], burst); \
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

#endif
