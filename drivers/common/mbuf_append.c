/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

#include <rte_memcpy.h>

#include "mbuf_append.h"

int
mbuf_append_copy(struct rte_mbuf *head, struct rte_mbuf **tailp, const uint8_t *src, uint32_t len,
		 struct rte_mempool *mp)
{
	struct rte_mbuf *t = *tailp;

	while (len > 0) {
		uint32_t room = rte_pktmbuf_tailroom(t);
		uint32_t n;

		if (room == 0) {
			struct rte_mbuf *seg = rte_pktmbuf_alloc(mp);

			if (seg == NULL)
				return -ENOMEM;
			t->next = seg;
			t = seg;
			*tailp = t;
			head->nb_segs++;
			continue;
		}
		n = RTE_MIN(room, len);
		rte_memcpy(rte_pktmbuf_mtod_offset(t, uint8_t *, t->data_len), src, n);
		t->data_len += n;
		head->pkt_len += n;
		src += n;
		len -= n;
	}
	return 0;
}
