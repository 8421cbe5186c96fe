/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Link bonding mode 4, IEEE 802.1AX (formerly 802.3ad) link aggregation:
 * the LACP settings of a bond, the LACP state of each slave, and the
 * "external" interface through which an application runs LACP itself.
 * Frame layouts are the standard's (802.1AX-2008 5.4.2, marker 5.5.3);
 * multi-byte fields are in network byte order, also in
 * rte_eth_bond_8023ad_slave_info.
 */
#ifndef _RTE_ETH_BOND_8023AD_H_
#define _RTE_ETH_BOND_8023AD_H_

#include <stdint.h>

#include <rte_ether.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Actor_State / Partner_State bits (802.1AX 5.4.2.2 item m). */
#define STATE_LACP_ACTIVE 0x01
#define STATE_LACP_SHORT_TIMEOUT 0x02
#define STATE_AGGREGATION 0x04
#define STATE_SYNCHRONIZATION 0x08
#define STATE_COLLECTING 0x10
#define STATE_DISTRIBUTING 0x20
#define STATE_DEFAULTED 0x40
#define STATE_EXPIRED 0x80

#define TLV_TYPE_ACTOR_INFORMATION 0x01
#define TLV_TYPE_PARTNER_INFORMATION 0x02
#define TLV_TYPE_COLLECTOR_INFORMATION 0x03
#define TLV_TYPE_TERMINATOR_INFORMATION 0x00

/* Slow protocols subtypes (ethertype 0x8809). */
#define SLOW_SUBTYPE_LACP 0x01
#define SLOW_SUBTYPE_MARKER 0x02

#define MARKER_TLV_TYPE_INFO 0x01
#define MARKER_TLV_TYPE_RESP 0x02

/* Ring sizes DPDK gives dedicated slow queues (accepted for source compatibility). */
#define SLOW_TX_QUEUE_HW_DEFAULT_SIZE 512
#define SLOW_RX_QUEUE_HW_DEFAULT_SIZE 512

/* Receives every LACPDU when the application runs LACP itself; it frees the mbuf. */
typedef void (*rte_eth_bond_8023ad_ext_slowrx_fn)(uint16_t slave_id, struct rte_mbuf *lacp_pkt);

/* A slave's Selected variable (802.1AX 5.4.8). */
enum rte_bond_8023ad_selection { UNSELECTED, STANDBY, SELECTED };

/* Which aggregator carries traffic when the slaves reach several partners. */
enum rte_bond_8023ad_agg_selection {
	AGG_BANDWIDTH, /* the one with the largest sum of link speeds */
	AGG_COUNT,     /* the one with the most slaves */
	AGG_STABLE     /* keep the current one while it has slaves (default) */
};

struct slow_protocol {
	uint8_t subtype;
	uint8_t reserved_119[119];
} __rte_packed;

struct slow_protocol_frame {
	struct rte_ether_hdr eth_hdr;
	struct slow_protocol slow_protocol;
} __rte_packed __rte_aligned(2);

/* One side's identity in an LACPDU. */
struct port_params {
	uint16_t system_priority;
	struct rte_ether_addr system; /* the bond's MAC for a Sluice actor */
	uint16_t key;		      /* link speed class and duplex */
	uint16_t port_priority;
	uint16_t port_number; /* slave port id + 1: 0 is not a valid port number */
} __rte_packed __rte_aligned(2);

struct lacpdu_actor_partner_params {
	uint8_t tlv_type_info;
	uint8_t info_length; /* 20 */
	struct port_params port_params;
	uint8_t state;
	uint8_t reserved_3[3];
} __rte_packed __rte_aligned(2);

struct lacpdu {
	uint8_t subtype;
	uint8_t version_number;

	struct lacpdu_actor_partner_params actor;
	struct lacpdu_actor_partner_params partner;

	uint8_t tlv_type_collector_info;
	uint8_t collector_info_length; /* 16 */
	uint16_t collector_max_delay;
	uint8_t reserved_12[12];

	uint8_t tlv_type_terminator;
	uint8_t terminator_length;
	uint8_t reserved_50[50];
} __rte_packed __rte_aligned(2);

struct lacpdu_header {
	struct rte_ether_hdr eth_hdr;
	struct lacpdu lacpdu;
} __rte_packed __rte_aligned(2);

struct marker {
	uint8_t subtype;
	uint8_t version_number;

	uint8_t tlv_type_marker;
	uint8_t info_length; /* 16 */
	uint16_t requester_port;
	struct rte_ether_addr requester_system;
	uint32_t requester_transaction_id;
	uint8_t reserved_2[2];

	uint8_t tlv_type_terminator;
	uint8_t terminator_length;
	uint8_t reserved_90[90];
} __rte_packed __rte_aligned(2);

struct marker_header {
	struct rte_ether_hdr eth_hdr;
	struct marker marker;
} __rte_packed __rte_aligned(2);

/* Timers of the LACP machines, in ms; defaults from rte_eth_bond_8023ad_conf_get(). */
struct rte_eth_bond_8023ad_conf {
	uint32_t fast_periodic_ms;	    /* LACPDU period for a partner asking short timeouts */
	uint32_t slow_periodic_ms;	    /* ... for one asking long timeouts */
	uint32_t short_timeout_ms;	    /* partner silent this long: expired (short) */
	uint32_t long_timeout_ms;	    /* ... (long) */
	uint32_t aggregate_wait_timeout_ms; /* wait for more slaves before attaching */
	uint32_t tx_period_ms;		    /* at most 3 LACPDUs in fast_periodic_ms anyway */
	uint32_t rx_marker_period_ms;	    /* accepted, unused: markers are answered at once */
	uint32_t update_timeout_ms;	    /* period of the machines' alarm */
	rte_eth_bond_8023ad_ext_slowrx_fn slowrx_cb; /* non-NULL: the application runs LACP */
	enum rte_bond_8023ad_agg_selection agg_selection;
};

struct rte_eth_bond_8023ad_slave_info {
	enum rte_bond_8023ad_selection selected;
	uint8_t actor_state;
	struct port_params actor;
	uint8_t partner_state;
	struct port_params partner;
	uint16_t agg_port_id; /* slave port id of the aggregator this slave selected */
};

/* conf = the bond's current settings. 0, or -EINVAL (not a bond, conf NULL). */
int rte_eth_bond_8023ad_conf_get(uint16_t port_id, struct rte_eth_bond_8023ad_conf *conf);

/*
 * Apply conf (NULL: the defaults); the machines restart if the bond is
 * running. agg_selection is not taken from conf (use
 * rte_eth_bond_8023ad_agg_selection_set), as in DPDK. -EINVAL: not a bond,
 * a zero timer, a period not below its timeout.
 */
int rte_eth_bond_8023ad_setup(uint16_t port_id, struct rte_eth_bond_8023ad_conf *conf);

/* LACP state of slave slave_id. -EINVAL: not a mode 4 bond, not its slave, conf NULL. */
int rte_eth_bond_8023ad_slave_info(uint16_t port_id, uint16_t slave_id,
				   struct rte_eth_bond_8023ad_slave_info *conf);

/*
 * External LACP (a slowrx_cb was set up): the application decides whether
 * slave_id collects and distributes, and sends its own LACPDUs, which go
 * out on the bond's next Tx burst. -EINVAL: not a started mode 4 bond with
 * a slowrx_cb, slave not active, or (slowtx) not an LACPDU.
 */
int rte_eth_bond_8023ad_ext_collect(uint16_t port_id, uint16_t slave_id, int enabled);
int rte_eth_bond_8023ad_ext_collect_get(uint16_t port_id, uint16_t slave_id);
int rte_eth_bond_8023ad_ext_distrib(uint16_t port_id, uint16_t slave_id, int enabled);
int rte_eth_bond_8023ad_ext_distrib_get(uint16_t port_id, uint16_t slave_id);
int rte_eth_bond_8023ad_ext_slowtx(uint16_t port_id, uint16_t slave_id, struct rte_mbuf *lacp_pkt);

/*
 * Dedicated slow-protocol queues need a flow rule steering ethertype 0x8809
 * on every slave; Sluice carries LACP on the data queues only, so enable
 * returns -ENOTSUP with a log line, and disable succeeds (nothing to do).
 */
int rte_eth_bond_8023ad_dedicated_queues_enable(uint16_t port_id);
int rte_eth_bond_8023ad_dedicated_queues_disable(uint16_t port_id);

/* The aggregator selection policy (an enum rte_bond_8023ad_agg_selection), or -EINVAL. */
int rte_eth_bond_8023ad_agg_selection_get(uint16_t port_id);
int rte_eth_bond_8023ad_agg_selection_set(uint16_t port_id,
					  enum rte_bond_8023ad_agg_selection agg_selection);

#ifdef __cplusplus
}
#endif

#endif
