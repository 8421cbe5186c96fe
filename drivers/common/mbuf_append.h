/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Copying received bytes into an mbuf chain, for the drivers that copy
 * out of a shared ring. Internal to the library.
 */
#ifndef _MBUF_APPEND_H_
#define _MBUF_APPEND_H_

#include <stdint.h>

#include <rte_mbuf.h>

/*
 * Copy len bytes from src to the end of the packet head whose last
 * segment is *tailp, taking new segments from mp when it is full;
 * head's pkt_len and nb_segs grow, *tailp follows the last segment.
 * Returns 0, or -ENOMEM with what fitted already in the chain.
 */
int mbuf_append_copy(struct rte_mbuf *head, struct rte_mbuf **tailp, const uint8_t *src,
		     uint32_t len, struct rte_mempool *mp);

#endif /* _MBUF_APPEND_H_ */
