/* SPDX-License-Identifier: BSD-3-Clause */
/* Tx buffers: the out-of-line half (rte_eth_tx_buffer itself is inline). */
#include <errno.h>

#include <rte_mbuf.h>

#include "ethdev_private.h"

__rte_export void
rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent,
				void *userdata __rte_unused)
{
	rte_pktmbuf_free_bulk(pkts, unsent);
}

__rte_export void
rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata)
{
	uint64_t *count = userdata;

	rte_pktmbuf_free_bulk(pkts, unsent);
	*count += unsent;
}

__rte_export int
rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
				   buffer_tx_error_fn cbfn, void *userdata)
{
	if (buffer == NULL) {
		RTE_ETHDEV_LOG(ERR, "Cannot set Tx buffer error callback on a NULL buffer\n");
		return -EINVAL;
	}
	buffer->error_callback = cbfn;
	buffer->error_userdata = userdata;
	return 0;
}

__rte_export int
rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size)
{
	if (buffer == NULL || size == 0) {
		RTE_ETHDEV_LOG(ERR, "Tx buffer init needs a buffer and a size > 0\n");
		return -EINVAL;
	}
	buffer->size = size;
	buffer->length = 0;
	if (buffer->error_callback == NULL)
		return rte_eth_tx_buffer_set_err_callback(buffer,
							  rte_eth_tx_buffer_drop_callback, NULL);
	return 0;
}
