/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers the Rx-path targets share: the input read as little-endian
 * fields, and the check of a frame a PMD handed up. Included by one
 * source file a target (it defines the sanitizer options).
 */
#ifndef _FUZZ_RX_H_
#define _FUZZ_RX_H_

#include <stdint.h>
#include <stdlib.h>

#include <rte_mbuf.h>
#include <rte_mempool.h>

/* What is left of the input; reads past its end give zeros. */
struct fuzz_in {
	const uint8_t *p;
	size_t left;
};

static inline uint32_t
fuzz_take(struct fuzz_in *in, unsigned int bytes)
{
	uint32_t v = 0;

	for (unsigned int i = 0; i < bytes && in->left > 0; i++, in->left--)
		v |= (uint32_t)*in->p++ << (8 * i);
	return v;
}

/*
 * LeakSanitizer does not scan EAL memory (mmapped, not malloc'd), so what
 * only EAL memory points to looks lost; mbuf leaks are caught by counting
 * the pool instead.
 */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "detect_leaks=0";
}

/*
 * A frame handed up must be a chain the application can walk and free:
 * aborts otherwise. Every byte is read, so that a wild pointer or length
 * shows under ASan.
 */
static volatile uint8_t fuzz_sink;

static inline void
fuzz_mbuf_check(const struct rte_mbuf *m)
{
	uint32_t len = 0;
	uint16_t segs = 0;

	for (const struct rte_mbuf *s = m; s != NULL; s = s->next) {
		if ((uint32_t)s->data_off + s->data_len > s->buf_len || segs > m->nb_segs)
			abort();
		for (uint16_t i = 0; i < s->data_len; i++)
			fuzz_sink ^= *rte_pktmbuf_mtod_offset(s, const uint8_t *, i);
		len += s->data_len;
		segs++;
	}
	if (len != m->pkt_len || segs != m->nb_segs)
		abort();
}

/* Objects taken out of a pool to make it run dry, and put back. */
#define FUZZ_STOLEN_MAX 4096
static void *fuzz_stolen[FUZZ_STOLEN_MAX];
static unsigned int fuzz_nb_stolen;

static inline void
fuzz_pool_drain(struct rte_mempool *mp)
{
	while (fuzz_nb_stolen < FUZZ_STOLEN_MAX &&
	       rte_mempool_get(mp, &fuzz_stolen[fuzz_nb_stolen]) == 0)
		fuzz_nb_stolen++;
}

static inline void
fuzz_pool_refill(struct rte_mempool *mp)
{
	rte_mempool_put_bulk(mp, fuzz_stolen, fuzz_nb_stolen);
	fuzz_nb_stolen = 0;
}

#endif
