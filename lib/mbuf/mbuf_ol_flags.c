/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of the mbuf offload flags, for logs and dumps. */
#include <stdio.h>

#include <rte_common.h>
#include <rte_mbuf.h>

#include "mbuf_private.h"

/*
 * One state of a flag field: the field is in this state when
 * (ol_flags & mask) == flag. A one-bit flag is its own mask; a checksum
 * field lists each of its states, the all-zero one included.
 */
struct mbuf_ol_flag {
	uint64_t flag;
	uint64_t mask;
	const char *name;
};

#define MBUF_OL_BIT(f)   \
	{                \
		f, f, #f \
	}
#define MBUF_OL_STATE(f, m) \
	{                   \
		f, m, #f    \
	}

static const struct mbuf_ol_flag mbuf_rx_flags[] = {
	MBUF_OL_BIT(RTE_MBUF_F_RX_VLAN),
	MBUF_OL_BIT(RTE_MBUF_F_RX_RSS_HASH),
	MBUF_OL_BIT(RTE_MBUF_F_RX_FDIR),
	MBUF_OL_STATE(RTE_MBUF_F_RX_L4_CKSUM_BAD, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_L4_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_L4_CKSUM_NONE, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_IP_CKSUM_BAD, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_IP_CKSUM_NONE, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	MBUF_OL_BIT(RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD),
	MBUF_OL_BIT(RTE_MBUF_F_RX_VLAN_STRIPPED),
	MBUF_OL_BIT(RTE_MBUF_F_RX_IEEE1588_PTP),
	MBUF_OL_BIT(RTE_MBUF_F_RX_IEEE1588_TMST),
	MBUF_OL_BIT(RTE_MBUF_F_RX_FDIR_ID),
	MBUF_OL_BIT(RTE_MBUF_F_RX_FDIR_FLX),
	MBUF_OL_BIT(RTE_MBUF_F_RX_QINQ_STRIPPED),
	MBUF_OL_BIT(RTE_MBUF_F_RX_LRO),
	MBUF_OL_BIT(RTE_MBUF_F_RX_SEC_OFFLOAD),
	MBUF_OL_BIT(RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED),
	MBUF_OL_BIT(RTE_MBUF_F_RX_QINQ),
	MBUF_OL_STATE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
};

static const struct mbuf_ol_flag mbuf_tx_flags[] = {
	MBUF_OL_BIT(RTE_MBUF_F_TX_VLAN),
	MBUF_OL_BIT(RTE_MBUF_F_TX_IP_CKSUM),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TCP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_SCTP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_UDP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_L4_NO_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	MBUF_OL_BIT(RTE_MBUF_F_TX_IEEE1588_TMST),
	MBUF_OL_BIT(RTE_MBUF_F_TX_TCP_SEG),
	MBUF_OL_BIT(RTE_MBUF_F_TX_IPV4),
	MBUF_OL_BIT(RTE_MBUF_F_TX_IPV6),
	MBUF_OL_BIT(RTE_MBUF_F_TX_OUTER_IP_CKSUM),
	MBUF_OL_BIT(RTE_MBUF_F_TX_OUTER_IPV4),
	MBUF_OL_BIT(RTE_MBUF_F_TX_OUTER_IPV6),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_VXLAN, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_GTP, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_GRE, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_IPIP, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_GENEVE, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_MPLSINUDP, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_IP, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_STATE(RTE_MBUF_F_TX_TUNNEL_UDP, RTE_MBUF_F_TX_TUNNEL_MASK),
	MBUF_OL_BIT(RTE_MBUF_F_TX_QINQ),
	MBUF_OL_BIT(RTE_MBUF_F_TX_MACSEC),
	MBUF_OL_BIT(RTE_MBUF_F_TX_SEC_OFFLOAD),
	MBUF_OL_BIT(RTE_MBUF_F_TX_UDP_SEG),
	MBUF_OL_BIT(RTE_MBUF_F_TX_OUTER_UDP_CKSUM),
};

/* The name of flag, if it is a nonzero state of an entry. */
static const char *
mbuf_ol_flag_name(const struct mbuf_ol_flag *tab, size_t n, uint64_t flag)
{
	if (flag == 0)
		return NULL; /* the all-zero states are named in lists only */
	for (size_t i = 0; i < n; i++)
		if (tab[i].flag == flag)
			return tab[i].name;
	return NULL;
}

static int
mbuf_ol_flag_list(const struct mbuf_ol_flag *tab, size_t n, uint64_t mask, char *buf, size_t buflen)
{
	if (buflen == 0)
		return -1;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int len;

		if ((mask & tab[i].mask) != tab[i].flag)
			continue;
		len = snprintf(buf, buflen, "%s ", tab[i].name);
		if (len < 0 || (size_t)len >= buflen)
			return -1;
		buf += len;
		buflen -= (size_t)len;
	}
	return 0;
}

__rte_export const char *
rte_get_rx_ol_flag_name(uint64_t mask)
{
	return mbuf_ol_flag_name(mbuf_rx_flags, RTE_DIM(mbuf_rx_flags), mask);
}

__rte_export int
rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return mbuf_ol_flag_list(mbuf_rx_flags, RTE_DIM(mbuf_rx_flags), mask, buf, buflen);
}

__rte_export const char *
rte_get_tx_ol_flag_name(uint64_t mask)
{
	return mbuf_ol_flag_name(mbuf_tx_flags, RTE_DIM(mbuf_tx_flags), mask);
}

__rte_export int
rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return mbuf_ol_flag_list(mbuf_tx_flags, RTE_DIM(mbuf_tx_flags), mask, buf, buflen);
}
