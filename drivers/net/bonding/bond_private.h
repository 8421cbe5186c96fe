/* SPDX-License-Identifier: BSD-3-Clause */
/* net_bonding internals. */
#ifndef _BOND_PRIVATE_H_
#define _BOND_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <rte_kvargs.h>
#include <rte_spinlock.h>

#include "rte_eth_bond.h"

#define BOND_MAX_SLAVES RTE_MAX_ETHPORTS
#define BOND_POLL_MS_DEFAULT 10 /* DPDK's default lsc_poll_period_ms */

struct bond_slave {
	uint16_t port_id;
	struct rte_ether_addr own_mac; /* given back on removal */
};

struct bond_private;

/* What queue setup was asked for, replayed on every slave at start. */
struct bond_rxq {
	struct bond_private *priv;
	uint16_t queue_id;
	uint16_t nb_desc;
	unsigned int socket_id;
	struct rte_eth_rxconf conf;
	struct rte_mempool *mp;
	uint16_t next; /* active slave polled first on the next burst */
};

struct bond_txq {
	struct bond_private *priv;
	uint16_t queue_id;
	uint16_t nb_desc;
	unsigned int socket_id;
	struct rte_eth_txconf conf;
	uint16_t next; /* round-robin: active slave of the next packet */
};

struct bond_private {
	uint16_t port_id;
	uint8_t mode;
	uint8_t xmit_policy;
	bool user_mac;	   /* the bond's MAC was set, not taken from a slave */
	bool have_primary; /* primary_port is meaningful */
	uint16_t primary_port;
	/* Read by the data path: written under lock, count last (release). */
	uint16_t current_primary;
	uint16_t active_n;
	uint16_t active[BOND_MAX_SLAVES];

	uint16_t slaves_n;
	struct bond_slave slaves[BOND_MAX_SLAVES];
	rte_spinlock_t lock; /* control path: API, alarm, LSC callbacks */
	struct rte_eth_dev_owner owner;
	uint32_t poll_ms;
	uint32_t up_delay_ms;
	uint32_t down_delay_ms;
	bool started;		    /* slaves configured and started by dev_start */
	bool link_up;		    /* as last reported to the application */
	struct rte_kvargs *pending; /* slave=/primary= devargs, applied at configure */
};

extern const struct eth_dev_ops bond_ops;

/* The bond behind port_id, or NULL with a log line. */
struct bond_private *bond_lookup(uint16_t port_id, const char *what);

/* Control path, priv->lock held. */
int bond_slave_add_locked(struct bond_private *priv, uint16_t slave_port);
int bond_slave_remove_locked(struct bond_private *priv, unsigned int idx);
int bond_slave_find(const struct bond_private *priv, uint16_t port_id);
void bond_active_refresh(struct bond_private *priv);
void bond_mac_apply(struct bond_private *priv);
int bond_slave_start(struct bond_private *priv, uint16_t slave_port);
/* Alarm or callback: refresh the active slaves without waiting for the lock. */
void bond_refresh_async(void *arg);
/* Alarm: tell the application the bond's link changed. */
void bond_lsc_notify(void *arg);

/* devargs: checked at probe, slave=/primary= applied at first configure. */
int bond_args_parse(struct rte_vdev_device *vdev, struct bond_private *priv,
		    struct rte_ether_addr *mac, bool *have_mac);
int bond_args_apply_slaves(struct bond_private *priv);
bool bond_mode_supported(const char *name, unsigned long mode);

uint16_t bond_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t bond_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
/* Balance policies: index in [0, n) of the active slave for each packet. */
void bond_hash_l2(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out);
void bond_hash_l23(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out);
void bond_hash_l34(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out);

#endif
