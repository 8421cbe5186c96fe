/* SPDX-License-Identifier: BSD-3-Clause */
/* net_bonding internals. */
#ifndef _BOND_PRIVATE_H_
#define _BOND_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>

#include <bus_vdev_driver.h>
#include <rte_cycles.h>
#include <ethdev_driver.h>
#include <rte_kvargs.h>
#include <rte_spinlock.h>

#include "rte_eth_bond.h"
#include "rte_eth_bond_8023ad.h"

#define BOND_MAX_SLAVES RTE_MAX_ETHPORTS
#define BOND_POLL_MS_DEFAULT 10 /* DPDK's default lsc_poll_period_ms */

struct bond_slave {
	uint16_t port_id;
	struct rte_ether_addr own_mac; /* given back on removal */
};

struct bond_private;

/* Rx machine states (802.1AX 5.4.12) and mux machine states, coupled control (5.4.15). */
enum bond_lacp_rx { LACP_RX_DISABLED, LACP_RX_EXPIRED, LACP_RX_DEFAULTED, LACP_RX_CURRENT };
enum bond_lacp_mux { LACP_MUX_DETACHED, LACP_MUX_WAITING, LACP_MUX_ATTACHED, LACP_MUX_COLL_DIST };

/* Mode 4 state of one slave, indexed by its port id; only the alarm writes it. */
struct bond_lacp_port {
	struct rte_ring *rx_ring; /* slow frames from the Rx burst to the alarm (MP/SC) */
	struct rte_ring *tx_ring; /* LACPDUs from the alarm to Tx queue 0's burst (SP/SC) */
	bool enabled;		  /* link up: port_enabled of the standard */
	enum bond_lacp_rx rx;
	enum bond_lacp_mux mux;
	enum rte_bond_8023ad_selection selected;
	uint16_t agg;		  /* port id of the aggregator selected */
	struct port_params actor; /* network byte order, as on the wire */
	struct port_params partner;
	uint8_t actor_state;
	uint8_t partner_state;
	bool ntt;		/* need to transmit */
	uint64_t current_while; /* deadlines, in ms of bond_ms_now() */
	uint64_t periodic;
	uint64_t wait_while;
	uint64_t tx_times[3]; /* no more than 3 LACPDUs a fast period (5.4.16) */
	uint32_t speed;
	/* Read by the data path (relaxed): the mux's enabling of collection. */
	bool collecting;
};

struct bond_8023ad {
	struct rte_eth_bond_8023ad_conf conf;
	struct rte_mempool *pool; /* LACPDUs and marker responses */
	uint16_t active_agg;	  /* aggregator carrying traffic, RTE_MAX_ETHPORTS: none */
	/* Distributing slaves, published like bond_private.active. */
	uint16_t dist_n;
	uint16_t dist[BOND_MAX_SLAVES];
	struct bond_lacp_port port[RTE_MAX_ETHPORTS];
};

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
	struct bond_8023ad m4;
	/* Mode 5 (TLB): active slaves, least loaded first, published like active. */
	uint16_t tlb_n;
	uint16_t tlb_order[BOND_MAX_SLAVES];
	uint64_t tlb_base[RTE_MAX_ETHPORTS];		 /* obytes at the start of the window */
	uint64_t tlb_window;				 /* its start, ms */
	struct rte_ether_addr own_mac[RTE_MAX_ETHPORTS]; /* each slave's, by port id */
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

/* Mode 4 (bond_8023ad.c), priv->lock held unless said otherwise. */
void bond_8023ad_conf_default(struct rte_eth_bond_8023ad_conf *conf);
int bond_8023ad_start(struct bond_private *priv);
void bond_8023ad_stop(struct bond_private *priv);
/* Slave added to or removed from a running mode 4 bond. */
int bond_8023ad_slave_activate(struct bond_private *priv, uint16_t slave_port);
void bond_8023ad_slave_deactivate(struct bond_private *priv, uint16_t slave_port);
/* The machines' alarm (arg: the bond), armed at dev_start; cancelled without the lock. */
void bond_8023ad_tick(void *arg);
void bond_8023ad_alarm_cancel(struct bond_private *priv);
/* Close: free the rings and the LACPDU pool. */
void bond_8023ad_free(struct bond_private *priv);
/* Data path: a slow frame taken off the Rx burst (true) or not. */
bool bond_8023ad_slow_rx(struct bond_private *priv, uint16_t slave_port, struct rte_mbuf *m);
bool bond_8023ad_collecting(struct bond_private *priv, uint16_t slave_port);
void bond_8023ad_slow_tx(struct bond_private *priv, uint16_t slave_port, uint16_t queue_id);
/* External LACP: set or clear STATE_COLLECTING / STATE_DISTRIBUTING. */
void bond_8023ad_ext_set(struct bond_private *priv, uint16_t slave_port, uint8_t bit, bool on);

/* Mode 5 (bond_tlb.c): reorder with priv->lock held; Tx from the data path. */
void bond_tlb_reorder(struct bond_private *priv);
uint16_t bond_tx_tlb(struct bond_txq *q, struct rte_mbuf **bufs, uint16_t nb_pkts);
/* Milliseconds of the timer clock, for the machines' deadlines. */
static inline uint64_t
bond_ms_now(void)
{
	uint64_t per_ms = rte_get_timer_hz() / 1000;

	return rte_get_timer_cycles() / (per_ms ? per_ms : 1);
}

/* Modes where only the current primary receives (and carries the bond's MAC). */
static inline bool
bond_mode_rx_primary(uint8_t mode)
{
	return mode == BONDING_MODE_ACTIVE_BACKUP || mode == BONDING_MODE_TLB;
}

uint16_t bond_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t bond_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
/* Balance policies: index in [0, n) of the active slave for each packet. */
void bond_hash_l2(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out);
void bond_hash_l23(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out);
void bond_hash_l34(struct rte_mbuf **bufs, uint16_t nb, uint16_t n, uint16_t *out);

#endif
