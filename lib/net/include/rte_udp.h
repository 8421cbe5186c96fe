/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_UDP_H_
#define _RTE_UDP_H_

#include <stdint.h>

#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_udp_hdr {
	rte_be16_t src_port;
	rte_be16_t dst_port;
	rte_be16_t dgram_len;	/* header and payload */
	rte_be16_t dgram_cksum;
} __attribute__((__packed__));

_Static_assert(sizeof(struct rte_udp_hdr) == 8, "UDP header is 8 bytes");

#ifdef __cplusplus
}
#endif

#endif
