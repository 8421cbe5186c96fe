/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The CRCs of packet data: CRC-32 as Ethernet's FCS computes it (reflected
 * polynomial 0x04c11db7, initial value and final XOR 0xffffffff), and the
 * 16-bit CCITT CRC (reflected polynomial 0x1021, initial value and final XOR
 * 0xffff). Sluice computes both with one table lookup a byte; the vector
 * forms DPDK can select are not built.
 */
#ifndef _RTE_NET_CRC_H_
#define _RTE_NET_CRC_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum rte_net_crc_type { RTE_NET_CRC16_CCITT = 0, RTE_NET_CRC32_ETH, RTE_NET_CRC_REQS };

enum rte_net_crc_alg {
	RTE_NET_CRC_SCALAR = 0,
	RTE_NET_CRC_SSE42,
	RTE_NET_CRC_NEON,
	RTE_NET_CRC_AVX512,
};

/*
 * Choose how rte_net_crc_calc() computes. Every choice gives the same
 * results; Sluice has the scalar form only, which serves them all.
 */
void rte_net_crc_set_alg(enum rte_net_crc_alg alg);

/*
 * The CRC of type over data_len bytes of data (a CRC16 in the low 16 bits).
 * 0 for an unknown type or NULL data with a nonzero length. No rte_errno.
 */
uint32_t rte_net_crc_calc(const void *data, uint32_t data_len, enum rte_net_crc_type type);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_NET_CRC_H_ */
