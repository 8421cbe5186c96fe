/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eth_bond_8023ad.h: mode 4 settings, per-slave LACP state, external LACP. */
#include <errno.h>
#include <string.h>

#include <rte_ethdev.h>

#include "eal_private.h"
#include "bond_private.h"

/* Every timer set, and each period below the timeout it feeds. */
static int
bond_8023ad_conf_check(const struct rte_eth_bond_8023ad_conf *c, uint16_t port_id)
{
	if (c->fast_periodic_ms == 0 || c->slow_periodic_ms == 0 || c->short_timeout_ms == 0 ||
	    c->long_timeout_ms == 0 || c->aggregate_wait_timeout_ms == 0 || c->tx_period_ms == 0 ||
	    c->rx_marker_period_ms == 0 || c->update_timeout_ms == 0) {
		RTE_ETHDEV_LOG(ERR,
			       "rte_eth_bond_8023ad_setup: port %u: a timer is 0; start from "
			       "rte_eth_bond_8023ad_conf_get() and change only what you need\n",
			       port_id);
		return -EINVAL;
	}
	if (c->fast_periodic_ms >= c->slow_periodic_ms ||
	    c->short_timeout_ms >= c->long_timeout_ms ||
	    c->fast_periodic_ms >= c->short_timeout_ms ||
	    c->slow_periodic_ms >= c->long_timeout_ms) {
		RTE_ETHDEV_LOG(ERR,
			       "rte_eth_bond_8023ad_setup: port %u: need fast_periodic < "
			       "slow_periodic, short_timeout < long_timeout and each period "
			       "below its timeout (802.1AX 5.4.4 uses 1/30/3/90 s)\n",
			       port_id);
		return -EINVAL;
	}
	return 0;
}

__rte_export int
rte_eth_bond_8023ad_conf_get(uint16_t port_id, struct rte_eth_bond_8023ad_conf *conf)
{
	struct bond_private *priv = bond_lookup(port_id, "rte_eth_bond_8023ad_conf_get");

	if (priv == NULL || conf == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	*conf = priv->m4.conf;
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

__rte_export int
rte_eth_bond_8023ad_setup(uint16_t port_id, struct rte_eth_bond_8023ad_conf *conf)
{
	struct bond_private *priv = bond_lookup(port_id, "rte_eth_bond_8023ad_setup");
	struct rte_eth_bond_8023ad_conf c;
	bool running;
	int ret = 0;

	if (priv == NULL)
		return -EINVAL;
	if (conf == NULL)
		bond_8023ad_conf_default(&c);
	else
		c = *conf;
	if (bond_8023ad_conf_check(&c, port_id) != 0)
		return -EINVAL;
	/* As DPDK: the policy is set on its own, setup goes back to the stable one. */
	c.agg_selection = AGG_STABLE;
	rte_spinlock_lock(&priv->lock);
	running = priv->started && priv->mode == BONDING_MODE_8023AD;
	if (running)
		bond_8023ad_stop(priv);
	priv->m4.conf = c;
	if (running)
		ret = bond_8023ad_start(priv);
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

/* The mode 4 bond behind port_id, or NULL with a log line. */
static struct bond_private *
bond_8023ad_lookup(uint16_t port_id, const char *what)
{
	struct bond_private *priv = bond_lookup(port_id, what);

	if (priv != NULL && priv->mode != BONDING_MODE_8023AD) {
		RTE_ETHDEV_LOG(ERR,
			       "%s: bond port %u is in mode %u; set mode 4 (802.3ad) first "
			       "(rte_eth_bond_mode_set)\n",
			       what, port_id, priv->mode);
		return NULL;
	}
	return priv;
}

__rte_export int
rte_eth_bond_8023ad_slave_info(uint16_t port_id, uint16_t slave_id,
			       struct rte_eth_bond_8023ad_slave_info *conf)
{
	struct bond_private *priv = bond_8023ad_lookup(port_id, "rte_eth_bond_8023ad_slave_info");
	const struct bond_lacp_port *p;

	if (priv == NULL || conf == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	if (bond_slave_find(priv, slave_id) < 0) {
		rte_spinlock_unlock(&priv->lock);
		RTE_ETHDEV_LOG(ERR, "bond port %u: port %u is not one of its slaves\n", port_id,
			       slave_id);
		return -EINVAL;
	}
	p = &priv->m4.port[slave_id];
	memset(conf, 0, sizeof(*conf));
	conf->selected = p->selected;
	conf->actor_state = p->actor_state;
	conf->actor = p->actor;
	conf->partner_state = p->partner_state;
	conf->partner = p->partner;
	conf->agg_port_id = p->agg;
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

/*
 * External LACP calls need a started mode 4 bond with a slowrx_cb, and an
 * active slave. Returns the bond with its lock held, or NULL.
 */
static struct bond_private *
bond_8023ad_ext_lock(uint16_t port_id, uint16_t slave_id, const char *what)
{
	struct bond_private *priv = bond_8023ad_lookup(port_id, what);
	uint16_t i;

	if (priv == NULL)
		return NULL;
	rte_spinlock_lock(&priv->lock);
	if (!priv->started || priv->m4.conf.slowrx_cb == NULL) {
		rte_spinlock_unlock(&priv->lock);
		RTE_ETHDEV_LOG(ERR,
			       "%s: bond port %u %s; external LACP needs a started bond set up "
			       "with a slowrx_cb (rte_eth_bond_8023ad_setup)\n",
			       what, port_id, priv->started ? "has no slowrx_cb" : "is stopped");
		return NULL;
	}
	for (i = 0; i < priv->active_n; i++)
		if (priv->active[i] == slave_id)
			return priv;
	rte_spinlock_unlock(&priv->lock);
	RTE_ETHDEV_LOG(ERR, "%s: port %u is not an active slave of bond port %u (link down?)\n",
		       what, slave_id, port_id);
	return NULL;
}

static int
bond_8023ad_ext_flag_set(uint16_t port_id, uint16_t slave_id, uint8_t bit, int enabled,
			 const char *what)
{
	struct bond_private *priv = bond_8023ad_ext_lock(port_id, slave_id, what);

	if (priv == NULL)
		return -EINVAL;
	bond_8023ad_ext_set(priv, slave_id, bit, enabled != 0);
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

static int
bond_8023ad_ext_flag_get(uint16_t port_id, uint16_t slave_id, uint8_t bit, const char *what)
{
	struct bond_private *priv = bond_8023ad_ext_lock(port_id, slave_id, what);
	int on;

	if (priv == NULL)
		return -EINVAL;
	on = (priv->m4.port[slave_id].actor_state & bit) != 0;
	rte_spinlock_unlock(&priv->lock);
	return on;
}

__rte_export int
rte_eth_bond_8023ad_ext_collect(uint16_t port_id, uint16_t slave_id, int enabled)
{
	return bond_8023ad_ext_flag_set(port_id, slave_id, STATE_COLLECTING, enabled,
					"rte_eth_bond_8023ad_ext_collect");
}

__rte_export int
rte_eth_bond_8023ad_ext_collect_get(uint16_t port_id, uint16_t slave_id)
{
	return bond_8023ad_ext_flag_get(port_id, slave_id, STATE_COLLECTING,
					"rte_eth_bond_8023ad_ext_collect_get");
}

__rte_export int
rte_eth_bond_8023ad_ext_distrib(uint16_t port_id, uint16_t slave_id, int enabled)
{
	return bond_8023ad_ext_flag_set(port_id, slave_id, STATE_DISTRIBUTING, enabled,
					"rte_eth_bond_8023ad_ext_distrib");
}

__rte_export int
rte_eth_bond_8023ad_ext_distrib_get(uint16_t port_id, uint16_t slave_id)
{
	return bond_8023ad_ext_flag_get(port_id, slave_id, STATE_DISTRIBUTING,
					"rte_eth_bond_8023ad_ext_distrib_get");
}

__rte_export int
rte_eth_bond_8023ad_ext_slowtx(uint16_t port_id, uint16_t slave_id, struct rte_mbuf *lacp_pkt)
{
	const char *what = "rte_eth_bond_8023ad_ext_slowtx";
	struct bond_private *priv;
	int ret;

	if (lacp_pkt == NULL || rte_pktmbuf_data_len(lacp_pkt) < sizeof(struct lacpdu_header) ||
	    rte_pktmbuf_mtod(lacp_pkt, struct lacpdu_header *)->lacpdu.subtype !=
		    SLOW_SUBTYPE_LACP) {
		RTE_ETHDEV_LOG(ERR, "%s: not an LACPDU (%zu contiguous bytes, subtype 1)\n", what,
			       sizeof(struct lacpdu_header));
		return -EINVAL;
	}
	priv = bond_8023ad_ext_lock(port_id, slave_id, what);
	if (priv == NULL)
		return -EINVAL;
	ret = priv->m4.port[slave_id].tx_ring == NULL
		      ? -EINVAL
		      : rte_ring_enqueue(priv->m4.port[slave_id].tx_ring, lacp_pkt);
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

__rte_export int
rte_eth_bond_8023ad_dedicated_queues_enable(uint16_t port_id)
{
	if (bond_lookup(port_id, "rte_eth_bond_8023ad_dedicated_queues_enable") == NULL)
		return -EINVAL;
	RTE_ETHDEV_LOG(ERR,
		       "bond port %u: dedicated LACP queues are not supported; LACPDUs ride "
		       "the data queues (call the bond's Rx and Tx bursts at least every "
		       "100 ms)\n",
		       port_id);
	return -ENOTSUP;
}

__rte_export int
rte_eth_bond_8023ad_dedicated_queues_disable(uint16_t port_id)
{
	return bond_lookup(port_id, "rte_eth_bond_8023ad_dedicated_queues_disable") == NULL
		       ? -EINVAL
		       : 0;
}

__rte_export int
rte_eth_bond_8023ad_agg_selection_get(uint16_t port_id)
{
	struct bond_private *priv =
		bond_8023ad_lookup(port_id, "rte_eth_bond_8023ad_agg_selection_get");

	return priv == NULL ? -EINVAL : (int)priv->m4.conf.agg_selection;
}

__rte_export int
rte_eth_bond_8023ad_agg_selection_set(uint16_t port_id,
				      enum rte_bond_8023ad_agg_selection agg_selection)
{
	struct bond_private *priv =
		bond_8023ad_lookup(port_id, "rte_eth_bond_8023ad_agg_selection_set");

	if (priv == NULL)
		return -EINVAL;
	if (agg_selection != AGG_BANDWIDTH && agg_selection != AGG_COUNT &&
	    agg_selection != AGG_STABLE) {
		RTE_ETHDEV_LOG(ERR,
			       "rte_eth_bond_8023ad_agg_selection_set: %d is not a policy; use "
			       "AGG_BANDWIDTH, AGG_COUNT or AGG_STABLE\n",
			       (int)agg_selection);
		return -EINVAL;
	}
	rte_spinlock_lock(&priv->lock);
	priv->m4.conf.agg_selection = agg_selection;
	rte_spinlock_unlock(&priv->lock);
	return 0;
}
