/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eth_bond.h: creating bonds, enslaving and releasing ports, the
 * mode, primary, MAC address and link monitoring settings.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_bus_vdev.h>
#include <rte_eal.h>

#include "eal_private.h"
#include "bond_private.h"

struct bond_private *
bond_lookup(uint16_t port_id, const char *what)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "%s: port %u does not exist; pass a bond's port id\n", what,
			       port_id);
		return NULL;
	}
	if (rte_eth_devices[port_id].dev_ops != &bond_ops) {
		RTE_ETHDEV_LOG(ERR,
			       "%s: port %u is not a bonding port; make one with "
			       "rte_eth_bond_create() or --vdev net_bondingN,mode=M\n",
			       what, port_id);
		return NULL;
	}
	return rte_eth_devices[port_id].data->dev_private;
}

int
bond_slave_find(const struct bond_private *priv, uint16_t port_id)
{
	unsigned int i;

	for (i = 0; i < priv->slaves_n; i++)
		if (priv->slaves[i].port_id == port_id)
			return (int)i;
	return -1;
}

static struct rte_ether_addr *
bond_mac(struct bond_private *priv)
{
	return &rte_eth_devices[priv->port_id].data->mac_addrs[0];
}

/*
 * Slaves carry the bond's address; in active-backup only the one carrying
 * traffic does and the others keep their own, so a switch sees one port
 * with the bond's address, as in DPDK.
 */
void
bond_mac_apply(struct bond_private *priv)
{
	unsigned int i;

	if (!rte_is_valid_assigned_ether_addr(bond_mac(priv)))
		return;
	for (i = 0; i < priv->slaves_n; i++) {
		struct bond_slave *s = &priv->slaves[i];
		struct rte_ether_addr *want = bond_mac(priv);
		struct rte_ether_addr cur;

		if (bond_mode_rx_primary(priv->mode) && s->port_id != priv->current_primary)
			want = &s->own_mac;
		if (rte_eth_macaddr_get(s->port_id, &cur) == 0 &&
		    rte_is_same_ether_addr(&cur, want))
			continue;
		if (rte_eth_dev_default_mac_addr_set(s->port_id, want) != 0)
			RTE_ETHDEV_LOG(WARNING,
				       "bond port %u: slave %u refused its MAC address; it "
				       "receives only in promiscuous mode\n",
				       priv->port_id, s->port_id);
	}
}

void
bond_lsc_notify(void *arg)
{
	struct bond_private *priv = arg;

	rte_eth_dev_callback_process(&rte_eth_devices[priv->port_id], RTE_ETH_EVENT_INTR_LSC, NULL);
}

static bool
bond_port_in(const uint16_t *ports, uint16_t n, uint16_t port)
{
	uint16_t i;

	for (i = 0; i < n; i++)
		if (ports[i] == port)
			return true;
	return false;
}

/* Recompute the active slaves from their links; the bond's link follows. */
void
bond_active_refresh(struct bond_private *priv)
{
	struct rte_eth_dev *dev = &rte_eth_devices[priv->port_id];
	uint16_t act[BOND_MAX_SLAVES], n = 0, cur = priv->current_primary;
	struct rte_eth_link link;
	unsigned int i;
	bool up;

	for (i = 0; priv->started && i < priv->slaves_n; i++) {
		memset(&link, 0, sizeof(link));
		if (rte_eth_link_get_nowait(priv->slaves[i].port_id, &link) == 0 &&
		    link.link_status == RTE_ETH_LINK_UP)
			act[n++] = priv->slaves[i].port_id;
	}
	/* The primary takes the traffic back as soon as its link returns. */
	if (n > 0 && bond_port_in(act, n, priv->primary_port))
		cur = priv->primary_port;
	else if (n > 0 && !bond_port_in(act, n, cur))
		cur = act[0];
	if (cur != priv->current_primary) {
		__atomic_store_n(&priv->current_primary, cur, __ATOMIC_RELAXED);
		bond_mac_apply(priv);
	}
	/* Shrink first, then fill, then publish: a reader sees only slave ports. */
	if (n < priv->active_n)
		__atomic_store_n(&priv->active_n, n, __ATOMIC_RELEASE);
	memcpy(priv->active, act, n * sizeof(act[0]));
	/* release: pairs with the acquire in the data path's snapshot */
	__atomic_store_n(&priv->active_n, n, __ATOMIC_RELEASE);
	if (priv->mode == BONDING_MODE_TLB)
		bond_tlb_reorder(priv);

	up = n > 0;
	memset(&link, 0, sizeof(link));
	if (up && rte_eth_link_get_nowait(act[0], &link) != 0)
		memset(&link, 0, sizeof(link));
	link.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	rte_eth_linkstatus_set(dev, &link);
	if (up != priv->link_up) {
		uint32_t ms = up ? priv->up_delay_ms : priv->down_delay_ms;

		priv->link_up = up;
		/* From an alarm, never under our lock: a callback may call the bond API. */
		if (priv->started)
			rte_eal_alarm_set(ms > 0 ? (uint64_t)ms * 1000 : 1, bond_lsc_notify, priv);
	}
}

/*
 * From the interrupt thread (alarms, LSC callbacks): never wait for the
 * lock, whose holder may be waiting for this thread (a slave start or stop
 * under it). Busy, it tries again a millisecond later.
 */
void
bond_refresh_async(void *arg)
{
	struct bond_private *priv = arg;

	if (!rte_spinlock_trylock(&priv->lock)) {
		rte_eal_alarm_set(1000, bond_refresh_async, priv);
		return;
	}
	bond_active_refresh(priv);
	rte_spinlock_unlock(&priv->lock);
}

/* A slave that raises LSC events fails over at once, not at the next poll. */
static int
bond_slave_lsc(uint16_t port __rte_unused, enum rte_eth_event_type ev __rte_unused, void *arg,
	       void *ret __rte_unused)
{
	bond_refresh_async(arg);
	return 0;
}

int
bond_slave_add_locked(struct bond_private *priv, uint16_t slave_port)
{
	struct rte_eth_dev *bond = &rte_eth_devices[priv->port_id];
	struct rte_eth_dev_info info;
	struct bond_slave *s;
	int ret;

	if (!rte_eth_dev_is_valid_port(slave_port)) {
		RTE_ETHDEV_LOG(ERR, "bond port %u: slave port %u does not exist\n", priv->port_id,
			       slave_port);
		return -ENODEV;
	}
	if (slave_port == priv->port_id || rte_eth_devices[slave_port].dev_ops == &bond_ops) {
		RTE_ETHDEV_LOG(ERR, "bond port %u: port %u is a bond; enslave its slaves instead\n",
			       priv->port_id, slave_port);
		return -EINVAL;
	}
	if (rte_eth_devices[slave_port].data->dev_flags & RTE_ETH_DEV_BONDED_SLAVE) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: port %u is already a slave of a bond; remove it "
			       "there first (rte_eth_bond_slave_remove)\n",
			       priv->port_id, slave_port);
		return -EBUSY;
	}
	if (priv->slaves_n == BOND_MAX_SLAVES)
		return -ENOSPC;
	ret = rte_eth_dev_info_get(slave_port, &info);
	if (ret != 0)
		return ret;
	if (bond->data->dev_configured && (info.max_rx_queues < bond->data->nb_rx_queues ||
					   info.max_tx_queues < bond->data->nb_tx_queues)) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: port %u has %u Rx / %u Tx queues, the bond is "
			       "configured with %u / %u; configure the bond with fewer\n",
			       priv->port_id, slave_port, info.max_rx_queues, info.max_tx_queues,
			       bond->data->nb_rx_queues, bond->data->nb_tx_queues);
		return -EINVAL;
	}
	/* Owned by the bond, the port drops out of RTE_ETH_FOREACH_DEV. */
	ret = rte_eth_dev_owner_set(slave_port, &priv->owner);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: port %u is owned by another user; release it "
			       "(rte_eth_dev_owner_unset) first\n",
			       priv->port_id, slave_port);
		return ret;
	}
	s = &priv->slaves[priv->slaves_n];
	s->port_id = slave_port;
	rte_eth_macaddr_get(slave_port, &s->own_mac);
	priv->own_mac[slave_port] = s->own_mac;
	priv->slaves_n++;
	rte_eth_devices[slave_port].data->dev_flags |= RTE_ETH_DEV_BONDED_SLAVE;
	rte_eth_dev_callback_register(slave_port, RTE_ETH_EVENT_INTR_LSC, bond_slave_lsc, priv);
	if (priv->slaves_n == 1) {
		priv->primary_port = slave_port;
		priv->current_primary = slave_port;
		if (!priv->user_mac)
			rte_ether_addr_copy(&s->own_mac, bond_mac(priv));
	}
	if (priv->started) {
		ret = bond_slave_start(priv, slave_port);
		if (ret == 0 && priv->mode == BONDING_MODE_8023AD)
			ret = bond_8023ad_slave_activate(priv, slave_port);
		if (ret != 0) {
			bond_slave_remove_locked(priv, priv->slaves_n - 1);
			return ret;
		}
	}
	bond_mac_apply(priv);
	bond_active_refresh(priv);
	return 0;
}

int
bond_slave_remove_locked(struct bond_private *priv, unsigned int idx)
{
	struct bond_slave s = priv->slaves[idx];

	memmove(&priv->slaves[idx], &priv->slaves[idx + 1], (priv->slaves_n - idx - 1) * sizeof(s));
	priv->slaves_n--;
	/* Out of the data path before the port is stopped. */
	bond_active_refresh(priv);
	if (priv->mode == BONDING_MODE_8023AD)
		bond_8023ad_slave_deactivate(priv, s.port_id);
	if (priv->started)
		rte_eth_dev_stop(s.port_id);
	rte_eth_dev_callback_unregister(s.port_id, RTE_ETH_EVENT_INTR_LSC, bond_slave_lsc, priv);
	rte_eth_dev_default_mac_addr_set(s.port_id, &s.own_mac);
	rte_eth_devices[s.port_id].data->dev_flags &= ~RTE_ETH_DEV_BONDED_SLAVE;
	rte_eth_dev_owner_unset(s.port_id, priv->owner.id);
	if (s.port_id == priv->primary_port && priv->slaves_n > 0) {
		priv->primary_port = priv->slaves[0].port_id;
		if (!priv->user_mac)
			rte_ether_addr_copy(&priv->slaves[0].own_mac, bond_mac(priv));
		bond_active_refresh(priv);
		bond_mac_apply(priv);
	}
	return 0;
}

__rte_export int
rte_eth_bond_create(const char *name, uint8_t mode, uint8_t socket_id)
{
	char args[64];
	uint16_t port;
	int ret;

	if (name == NULL) {
		RTE_ETHDEV_LOG(ERR, "rte_eth_bond_create: give a name (net_bondingN)\n");
		return -EINVAL;
	}
	snprintf(args, sizeof(args), "socket_id=%u,mode=%u", socket_id, mode);
	ret = rte_vdev_init(name, args);
	if (ret != 0)
		return ret > 0 ? -ret : ret;
	ret = rte_eth_dev_get_port_by_name(name, &port);
	return ret != 0 ? ret : port;
}

__rte_export int
rte_eth_bond_free(const char *name)
{
	if (name == NULL)
		return -EINVAL;
	return rte_vdev_uninit(name);
}

__rte_export int
rte_eth_bond_slave_add(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_slave_add");
	int ret;

	if (priv == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	ret = bond_slave_add_locked(priv, slave_port_id);
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

__rte_export int
rte_eth_bond_slave_remove(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_slave_remove");
	int idx, ret = -EINVAL;

	if (priv == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	idx = bond_slave_find(priv, slave_port_id);
	if (idx >= 0)
		ret = bond_slave_remove_locked(priv, (unsigned int)idx);
	else
		RTE_ETHDEV_LOG(ERR, "bond port %u: port %u is not one of its slaves\n",
			       bonded_port_id, slave_port_id);
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

bool
bond_mode_supported(const char *name, unsigned long mode)
{
	if (mode <= BONDING_MODE_TLB)
		return true;
	if (mode == BONDING_MODE_ALB)
		RTE_ETHDEV_LOG(ERR,
			       "%s: bonding mode 6 (ALB) is not implemented; use 5 (TLB) for "
			       "balanced Tx, or 0-4\n",
			       name);
	else
		RTE_ETHDEV_LOG(ERR, "%s: bonding mode %lu does not exist; use 0-5\n", name, mode);
	return false;
}

__rte_export int
rte_eth_bond_mode_set(uint16_t bonded_port_id, uint8_t mode)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_mode_set");
	int ret;

	if (priv == NULL)
		return -EINVAL;
	if (!bond_mode_supported(rte_eth_devices[bonded_port_id].data->name, mode))
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	if (priv->started && priv->mode == BONDING_MODE_8023AD && mode != BONDING_MODE_8023AD)
		bond_8023ad_stop(priv);
	if (priv->started && priv->mode != BONDING_MODE_8023AD && mode == BONDING_MODE_8023AD) {
		ret = bond_8023ad_start(priv);
		if (ret != 0) {
			bond_8023ad_stop(priv);
			rte_spinlock_unlock(&priv->lock);
			return ret;
		}
	}
	priv->mode = mode;
	bond_mac_apply(priv);
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

__rte_export int
rte_eth_bond_mode_get(uint16_t bonded_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_mode_get");

	return priv == NULL ? -EINVAL : priv->mode;
}

__rte_export int
rte_eth_bond_primary_set(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_primary_set");
	int ret = 0;

	if (priv == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	if (bond_slave_find(priv, slave_port_id) < 0) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: port %u is not one of its slaves; add it before "
			       "making it primary\n",
			       bonded_port_id, slave_port_id);
		ret = -EINVAL;
	} else {
		priv->primary_port = slave_port_id;
		bond_active_refresh(priv);
	}
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

__rte_export int
rte_eth_bond_primary_get(uint16_t bonded_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_primary_get");

	if (priv == NULL)
		return -EINVAL;
	if (priv->slaves_n == 0) {
		RTE_ETHDEV_LOG(ERR, "bond port %u has no slaves, hence no primary\n",
			       bonded_port_id);
		return -ENODEV;
	}
	return priv->started ? priv->current_primary : priv->primary_port;
}

static int
bond_ports_copy(uint16_t bonded_port_id, uint16_t dst[], uint16_t len, bool active)
{
	struct bond_private *priv =
		bond_lookup(bonded_port_id,
			    active ? "rte_eth_bond_active_slaves_get" : "rte_eth_bond_slaves_get");
	uint16_t i, n;

	if (priv == NULL || dst == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	n = active ? priv->active_n : priv->slaves_n;
	if (n > len) {
		rte_spinlock_unlock(&priv->lock);
		RTE_ETHDEV_LOG(ERR, "bond port %u has %u slaves, the array holds %u\n",
			       bonded_port_id, n, len);
		return -ENOSPC;
	}
	for (i = 0; i < n; i++)
		dst[i] = active ? priv->active[i] : priv->slaves[i].port_id;
	rte_spinlock_unlock(&priv->lock);
	return n;
}

__rte_export int
rte_eth_bond_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len)
{
	return bond_ports_copy(bonded_port_id, slaves, len, false);
}

__rte_export int
rte_eth_bond_active_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len)
{
	return bond_ports_copy(bonded_port_id, slaves, len, true);
}

__rte_export int
rte_eth_bond_mac_address_set(uint16_t bonded_port_id, struct rte_ether_addr *mac_addr)
{
	if (bond_lookup(bonded_port_id, "rte_eth_bond_mac_address_set") == NULL)
		return -EINVAL;
	return rte_eth_dev_default_mac_addr_set(bonded_port_id, mac_addr);
}

__rte_export int
rte_eth_bond_mac_address_reset(uint16_t bonded_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_mac_address_reset");
	int idx;

	if (priv == NULL)
		return -EINVAL;
	rte_spinlock_lock(&priv->lock);
	priv->user_mac = false;
	idx = bond_slave_find(priv, priv->primary_port);
	if (idx >= 0) {
		rte_ether_addr_copy(&priv->slaves[idx].own_mac, bond_mac(priv));
		bond_mac_apply(priv);
	}
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

__rte_export int
rte_eth_bond_xmit_policy_set(uint16_t bonded_port_id, uint8_t policy)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_xmit_policy_set");

	if (priv == NULL)
		return -EINVAL;
	if (policy > BALANCE_XMIT_POLICY_LAYER34) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: transmit policy %u does not exist; use "
			       "BALANCE_XMIT_POLICY_LAYER2, _LAYER23 or _LAYER34\n",
			       bonded_port_id, policy);
		return -EINVAL;
	}
	priv->xmit_policy = policy;
	return 0;
}

__rte_export int
rte_eth_bond_xmit_policy_get(uint16_t bonded_port_id)
{
	struct bond_private *priv = bond_lookup(bonded_port_id, "rte_eth_bond_xmit_policy_get");

	return priv == NULL ? -EINVAL : priv->xmit_policy;
}

/* The uint32_t settings share one shape; INT_MAX keeps the getters' results positive. */
static int
bond_u32_set(uint16_t port, const char *what, size_t off, uint32_t v)
{
	struct bond_private *priv = bond_lookup(port, what);

	if (priv == NULL)
		return -EINVAL;
	if (v > INT32_MAX) {
		RTE_ETHDEV_LOG(ERR, "%s: %u ms is too long; give at most %d\n", what, v, INT32_MAX);
		return -EINVAL;
	}
	*(uint32_t *)(void *)((char *)priv + off) = v;
	return 0;
}

static int
bond_u32_get(uint16_t port, const char *what, size_t off)
{
	struct bond_private *priv = bond_lookup(port, what);

	return priv == NULL ? -EINVAL : (int)*(uint32_t *)(void *)((char *)priv + off);
}

__rte_export int
rte_eth_bond_link_monitoring_set(uint16_t bonded_port_id, uint32_t internal_ms)
{
	if (internal_ms == 0) {
		RTE_ETHDEV_LOG(ERR, "rte_eth_bond_link_monitoring_set: give a period above 0 ms\n");
		return -EINVAL;
	}
	return bond_u32_set(bonded_port_id, __func__, offsetof(struct bond_private, poll_ms),
			    internal_ms);
}

__rte_export int
rte_eth_bond_link_monitoring_get(uint16_t bonded_port_id)
{
	return bond_u32_get(bonded_port_id, __func__, offsetof(struct bond_private, poll_ms));
}

__rte_export int
rte_eth_bond_link_down_prop_delay_set(uint16_t bonded_port_id, uint32_t delay_ms)
{
	return bond_u32_set(bonded_port_id, __func__, offsetof(struct bond_private, down_delay_ms),
			    delay_ms);
}

__rte_export int
rte_eth_bond_link_down_prop_delay_get(uint16_t bonded_port_id)
{
	return bond_u32_get(bonded_port_id, __func__, offsetof(struct bond_private, down_delay_ms));
}

__rte_export int
rte_eth_bond_link_up_prop_delay_set(uint16_t bonded_port_id, uint32_t delay_ms)
{
	return bond_u32_set(bonded_port_id, __func__, offsetof(struct bond_private, up_delay_ms),
			    delay_ms);
}

__rte_export int
rte_eth_bond_link_up_prop_delay_get(uint16_t bonded_port_id)
{
	return bond_u32_get(bonded_port_id, __func__, offsetof(struct bond_private, up_delay_ms));
}
