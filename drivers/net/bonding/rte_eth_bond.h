/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Link bonding: one port over several slave ports (net_bonding).
 * Functions return 0 (or the value asked for) on success and a negative
 * errno on failure, with one log line naming the cause.
 */
#ifndef _RTE_ETH_BOND_H_
#define _RTE_ETH_BOND_H_

#include <stdint.h>

#include <rte_ether.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BONDING_MODE_ROUND_ROBIN (0)   /* each packet on the next active slave */
#define BONDING_MODE_ACTIVE_BACKUP (1) /* one slave carries all, the others wait */
#define BONDING_MODE_BALANCE (2)       /* slave chosen by a header hash */
#define BONDING_MODE_BROADCAST (3)     /* every packet on every active slave */
#define BONDING_MODE_8023AD (4)	       /* LACP: see rte_eth_bond_8023ad.h */
#define BONDING_MODE_TLB (5)	       /* Tx by load, Rx on the primary */
#define BONDING_MODE_ALB (6)	       /* not implemented: refused */

#define BALANCE_XMIT_POLICY_LAYER2 (0)	/* MAC addresses */
#define BALANCE_XMIT_POLICY_LAYER23 (1) /* MAC and IP addresses */
#define BALANCE_XMIT_POLICY_LAYER34 (2) /* IP addresses and TCP/UDP ports */

/* Create bond port name ("net_bonding..."): its port id, or a negative errno. */
int rte_eth_bond_create(const char *name, uint8_t mode, uint8_t socket_id);
/* Stop, close and remove the bond; its slaves stay usable. */
int rte_eth_bond_free(const char *name);

int rte_eth_bond_slave_add(uint16_t bonded_port_id, uint16_t slave_port_id);
int rte_eth_bond_slave_remove(uint16_t bonded_port_id, uint16_t slave_port_id);

int rte_eth_bond_mode_set(uint16_t bonded_port_id, uint8_t mode);
int rte_eth_bond_mode_get(uint16_t bonded_port_id);

int rte_eth_bond_primary_set(uint16_t bonded_port_id, uint16_t slave_port_id);
/* The slave carrying traffic in active-backup (the primary, or its backup). */
int rte_eth_bond_primary_get(uint16_t bonded_port_id);

/* Number of slaves written to slaves[] (all, or those with the link up). */
int rte_eth_bond_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len);
int rte_eth_bond_active_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len);

int rte_eth_bond_mac_address_set(uint16_t bonded_port_id, struct rte_ether_addr *mac_addr);
/* Back to the primary slave's own address. */
int rte_eth_bond_mac_address_reset(uint16_t bonded_port_id);

int rte_eth_bond_xmit_policy_set(uint16_t bonded_port_id, uint8_t policy);
int rte_eth_bond_xmit_policy_get(uint16_t bonded_port_id);

/* Period at which slave links are polled, in ms. */
int rte_eth_bond_link_monitoring_set(uint16_t bonded_port_id, uint32_t internal_ms);
int rte_eth_bond_link_monitoring_get(uint16_t bonded_port_id);

/* Delay before the bond's own link change is reported to the application. */
int rte_eth_bond_link_down_prop_delay_set(uint16_t bonded_port_id, uint32_t delay_ms);
int rte_eth_bond_link_down_prop_delay_get(uint16_t bonded_port_id);
int rte_eth_bond_link_up_prop_delay_set(uint16_t bonded_port_id, uint32_t delay_ms);
int rte_eth_bond_link_up_prop_delay_get(uint16_t bonded_port_id);

#ifdef __cplusplus
}
#endif

#endif
