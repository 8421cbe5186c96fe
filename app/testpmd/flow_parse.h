/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The words of a flow rule ("ingress pattern eth / ipv4 src is 10.0.0.1 /
 * end actions queue index 1 / end") turned into the attribute, item and
 * action arrays of rte_flow.h, in DPDK testpmd's grammar.
 */
#ifndef _FLOW_PARSE_H_
#define _FLOW_PARSE_H_

#include <rte_flow.h>

#include "testpmd.h"

#define FLOW_MAX_ITEMS 16
#define FLOW_MAX_ACTIONS 16

union flow_item_hdr {
	struct rte_flow_item_eth eth;
	struct rte_flow_item_vlan vlan;
	struct rte_flow_item_ipv4 ipv4;
	struct rte_flow_item_ipv6 ipv6;
	struct rte_flow_item_udp udp;
	struct rte_flow_item_tcp tcp;
	struct rte_flow_item_icmp icmp;
};

union flow_action_conf {
	struct rte_flow_action_queue queue;
	struct rte_flow_action_mark mark;
	struct rte_flow_action_count count;
	struct rte_flow_action_rss rss;
};

/*
 * One parsed rule. items[] and actions[] point into the same struct, so it
 * is allocated once and never copied; both arrays end with an END entry.
 */
struct flow_rule_desc {
	struct rte_flow_attr attr;
	struct rte_flow_item items[FLOW_MAX_ITEMS + 1];
	union flow_item_hdr spec[FLOW_MAX_ITEMS];
	union flow_item_hdr last[FLOW_MAX_ITEMS];
	union flow_item_hdr mask[FLOW_MAX_ITEMS];
	struct rte_flow_action actions[FLOW_MAX_ACTIONS + 1];
	union flow_action_conf conf[FLOW_MAX_ACTIONS];
	/* the queues of the one rss action a rule may hold */
	uint16_t rss_queues[TESTPMD_MAX_QUEUES];
};

/*
 * Parse tok[0..n-1] (attributes, "pattern ... end", "actions ... end") into
 * *desc. Returns 0, or -1 after printing one "Bad arguments" line.
 */
int flow_rule_parse(char **tok, int n, struct flow_rule_desc *desc);

/* DPDK's upper-case names of an item and an action type ("IPV4", "QUEUE"). */
const char *flow_item_name(enum rte_flow_item_type type);
const char *flow_action_name(enum rte_flow_action_type type);
/* The action type of a lower-case action word ("count"), or -1. */
int flow_action_type_find(const char *word);

#endif
