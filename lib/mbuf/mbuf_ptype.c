/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of packet types, for dumps and logs (same strings as DPDK). */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mbuf_ptype.h>

#include "mbuf_private.h"

struct ptype_name {
	uint32_t value;
	const char *name;
};

static const struct ptype_name ptype_l2_names[] = {
	{ RTE_PTYPE_L2_ETHER, "L2_ETHER" },
	{ RTE_PTYPE_L2_ETHER_TIMESYNC, "L2_ETHER_TIMESYNC" },
	{ RTE_PTYPE_L2_ETHER_ARP, "L2_ETHER_ARP" },
	{ RTE_PTYPE_L2_ETHER_LLDP, "L2_ETHER_LLDP" },
	{ RTE_PTYPE_L2_ETHER_NSH, "L2_ETHER_NSH" },
	{ RTE_PTYPE_L2_ETHER_VLAN, "L2_ETHER_VLAN" },
	{ RTE_PTYPE_L2_ETHER_QINQ, "L2_ETHER_QINQ" },
	{ RTE_PTYPE_L2_ETHER_PPPOE, "L2_ETHER_PPPOE" },
	{ RTE_PTYPE_L2_ETHER_FCOE, "L2_ETHER_FCOE" },
	{ RTE_PTYPE_L2_ETHER_MPLS, "L2_ETHER_MPLS" },
};

static const struct ptype_name ptype_l3_names[] = {
	{ RTE_PTYPE_L3_IPV4, "L3_IPV4" },
	{ RTE_PTYPE_L3_IPV4_EXT, "L3_IPV4_EXT" },
	{ RTE_PTYPE_L3_IPV6, "L3_IPV6" },
	{ RTE_PTYPE_L3_IPV4_EXT_UNKNOWN, "L3_IPV4_EXT_UNKNOWN" },
	{ RTE_PTYPE_L3_IPV6_EXT, "L3_IPV6_EXT" },
	{ RTE_PTYPE_L3_IPV6_EXT_UNKNOWN, "L3_IPV6_EXT_UNKNOWN" },
};

static const struct ptype_name ptype_l4_names[] = {
	{ RTE_PTYPE_L4_TCP, "L4_TCP" },
	{ RTE_PTYPE_L4_UDP, "L4_UDP" },
	{ RTE_PTYPE_L4_FRAG, "L4_FRAG" },
	{ RTE_PTYPE_L4_SCTP, "L4_SCTP" },
	{ RTE_PTYPE_L4_ICMP, "L4_ICMP" },
	{ RTE_PTYPE_L4_NONFRAG, "L4_NONFRAG" },
	{ RTE_PTYPE_L4_IGMP, "L4_IGMP" },
};

static const struct ptype_name ptype_tunnel_names[] = {
	{ RTE_PTYPE_TUNNEL_IP, "TUNNEL_IP" },
	{ RTE_PTYPE_TUNNEL_GRE, "TUNNEL_GRE" },
	{ RTE_PTYPE_TUNNEL_VXLAN, "TUNNEL_VXLAN" },
	{ RTE_PTYPE_TUNNEL_NVGRE, "TUNNEL_NVGRE" },
	{ RTE_PTYPE_TUNNEL_GENEVE, "TUNNEL_GENEVE" },
	{ RTE_PTYPE_TUNNEL_GRENAT, "TUNNEL_GRENAT" },
	{ RTE_PTYPE_TUNNEL_GTPC, "TUNNEL_GTPC" },
	{ RTE_PTYPE_TUNNEL_GTPU, "TUNNEL_GTPU" },
	{ RTE_PTYPE_TUNNEL_ESP, "TUNNEL_ESP" },
	{ RTE_PTYPE_TUNNEL_L2TP, "TUNNEL_L2TP" },
	{ RTE_PTYPE_TUNNEL_VXLAN_GPE, "TUNNEL_VXLAN_GPE" },
	{ RTE_PTYPE_TUNNEL_MPLS_IN_GRE, "TUNNEL_MPLS_IN_GRE" },
	{ RTE_PTYPE_TUNNEL_MPLS_IN_UDP, "TUNNEL_MPLS_IN_UDP" },
};

static const struct ptype_name ptype_inner_l2_names[] = {
	{ RTE_PTYPE_INNER_L2_ETHER, "INNER_L2_ETHER" },
	{ RTE_PTYPE_INNER_L2_ETHER_VLAN, "INNER_L2_ETHER_VLAN" },
	{ RTE_PTYPE_INNER_L2_ETHER_QINQ, "INNER_L2_ETHER_QINQ" },
};

static const struct ptype_name ptype_inner_l3_names[] = {
	{ RTE_PTYPE_INNER_L3_IPV4, "INNER_L3_IPV4" },
	{ RTE_PTYPE_INNER_L3_IPV4_EXT, "INNER_L3_IPV4_EXT" },
	{ RTE_PTYPE_INNER_L3_IPV6, "INNER_L3_IPV6" },
	{ RTE_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN, "INNER_L3_IPV4_EXT_UNKNOWN" },
	{ RTE_PTYPE_INNER_L3_IPV6_EXT, "INNER_L3_IPV6_EXT" },
	{ RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN, "INNER_L3_IPV6_EXT_UNKNOWN" },
};

static const struct ptype_name ptype_inner_l4_names[] = {
	{ RTE_PTYPE_INNER_L4_TCP, "INNER_L4_TCP" },
	{ RTE_PTYPE_INNER_L4_UDP, "INNER_L4_UDP" },
	{ RTE_PTYPE_INNER_L4_FRAG, "INNER_L4_FRAG" },
	{ RTE_PTYPE_INNER_L4_SCTP, "INNER_L4_SCTP" },
	{ RTE_PTYPE_INNER_L4_ICMP, "INNER_L4_ICMP" },
	{ RTE_PTYPE_INNER_L4_NONFRAG, "INNER_L4_NONFRAG" },
};
static const char *
ptype_lookup(const struct ptype_name *tbl, size_t n, uint32_t value, const char *unknown)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tbl[i].value == value)
			return tbl[i].name;
	return unknown;
}

#define PTYPE_NAME_FN(fn, tbl, mask, unknown) \
__rte_export const char * \
fn(uint32_t ptype) \
{ \
	return ptype_lookup(tbl, RTE_DIM(tbl), ptype & (mask), unknown); \
}

PTYPE_NAME_FN(rte_get_ptype_l2_name, ptype_l2_names, RTE_PTYPE_L2_MASK, "L2_UNKNOWN")
PTYPE_NAME_FN(rte_get_ptype_l3_name, ptype_l3_names, RTE_PTYPE_L3_MASK, "L3_UNKNOWN")
PTYPE_NAME_FN(rte_get_ptype_l4_name, ptype_l4_names, RTE_PTYPE_L4_MASK, "L4_UNKNOWN")
PTYPE_NAME_FN(rte_get_ptype_tunnel_name, ptype_tunnel_names, RTE_PTYPE_TUNNEL_MASK,
	      "TUNNEL_UNKNOWN")
PTYPE_NAME_FN(rte_get_ptype_inner_l2_name, ptype_inner_l2_names, RTE_PTYPE_INNER_L2_MASK,
	      "INNER_L2_UNKNOWN")
PTYPE_NAME_FN(rte_get_ptype_inner_l3_name, ptype_inner_l3_names, RTE_PTYPE_INNER_L3_MASK,
	      "INNER_L3_UNKNOWN")
PTYPE_NAME_FN(rte_get_ptype_inner_l4_name, ptype_inner_l4_names, RTE_PTYPE_INNER_L4_MASK,
	      "INNER_L4_UNKNOWN")

__rte_export int
rte_get_ptype_name(uint32_t ptype, char *buf, size_t buflen)
{
	static const struct {
		uint32_t mask;
		const char *(*name)(uint32_t);
	} fields[] = {
		{ RTE_PTYPE_L2_MASK, rte_get_ptype_l2_name },
		{ RTE_PTYPE_L3_MASK, rte_get_ptype_l3_name },
		{ RTE_PTYPE_L4_MASK, rte_get_ptype_l4_name },
		{ RTE_PTYPE_TUNNEL_MASK, rte_get_ptype_tunnel_name },
		{ RTE_PTYPE_INNER_L2_MASK, rte_get_ptype_inner_l2_name },
		{ RTE_PTYPE_INNER_L3_MASK, rte_get_ptype_inner_l3_name },
		{ RTE_PTYPE_INNER_L4_MASK, rte_get_ptype_inner_l4_name },
	};
	size_t i, used = 0;
	int ret;

	if (buflen == 0)
		return -1;
	buf[0] = '\0';
	if ((ptype & RTE_PTYPE_ALL_MASK) == RTE_PTYPE_UNKNOWN) {
		ret = snprintf(buf, buflen, "UNKNOWN");
		return ret < 0 || (size_t)ret >= buflen ? -1 : 0;
	}
	/* Each set field's name followed by a space, as DPDK prints it. */
	for (i = 0; i < RTE_DIM(fields); i++) {
		if ((ptype & fields[i].mask) == 0)
			continue;
		ret = snprintf(buf + used, buflen - used, "%s ", fields[i].name(ptype));
		if (ret < 0 || (size_t)ret >= buflen - used)
			return -1;
		used += (size_t)ret;
	}
	return 0;
}
