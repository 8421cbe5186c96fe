/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_ICMP_H_
#define _RTE_ICMP_H_

#include <stdint.h>

#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_icmp_hdr {
	uint8_t icmp_type;
	uint8_t icmp_code;
	rte_be16_t icmp_cksum;
	rte_be16_t icmp_ident;
	rte_be16_t icmp_seq_nb;
} __attribute__((__packed__));

_Static_assert(sizeof(struct rte_icmp_hdr) == 8, "ICMP echo header is 8 bytes");

#define RTE_IP_ICMP_ECHO_REPLY 0
#define RTE_IP_ICMP_ECHO_REQUEST 8

#ifdef __cplusplus
}
#endif

#endif
