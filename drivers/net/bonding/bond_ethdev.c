/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding port: configure, queue setup and start are replayed on every
 * slave; stats are their sum; promiscuous and all-multicast follow the
 * bond. Slave links are polled every lsc_poll_period_ms while started.
 */
#include <errno.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "bond_private.h"

static struct bond_private *
bond_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

int
bond_slave_start(struct bond_private *priv, uint16_t slave_port)
{
	struct rte_eth_dev_data *bd = rte_eth_devices[priv->port_id].data;
	struct rte_eth_conf conf = bd->dev_conf;
	const char *step = "configure";
	uint16_t q;
	int ret;

	rte_eth_dev_stop(slave_port);
	/* Links are polled; a slave that can also signal changes does so. */
	conf.intr_conf.lsc =
		(rte_eth_devices[slave_port].data->dev_flags & RTE_ETH_DEV_INTR_LSC) != 0;
	ret = rte_eth_dev_configure(slave_port, bd->nb_rx_queues, bd->nb_tx_queues, &conf);
	for (q = 0; ret == 0 && q < bd->nb_rx_queues; q++) {
		struct bond_rxq *rq = bd->rx_queues[q];

		step = "Rx queue setup";
		ret = rq == NULL ? -EINVAL
				 : rte_eth_rx_queue_setup(slave_port, q, rq->nb_desc, rq->socket_id,
							  &rq->conf, rq->mp);
	}
	for (q = 0; ret == 0 && q < bd->nb_tx_queues; q++) {
		struct bond_txq *tq = bd->tx_queues[q];

		step = "Tx queue setup";
		ret = tq == NULL ? -EINVAL
				 : rte_eth_tx_queue_setup(slave_port, q, tq->nb_desc, tq->socket_id,
							  &tq->conf);
	}
	if (ret == 0) {
		step = "start";
		ret = rte_eth_dev_start(slave_port);
	}
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: slave %u failed its %s (%s); see its line above\n",
			       priv->port_id, slave_port, step, strerror(-ret));
		return ret;
	}
	/* Best effort: a slave without these modes still carries unicast. */
	if (bd->promiscuous)
		rte_eth_promiscuous_enable(slave_port);
	else
		rte_eth_promiscuous_disable(slave_port);
	if (bd->all_multicast)
		rte_eth_allmulticast_enable(slave_port);
	else
		rte_eth_allmulticast_disable(slave_port);
	return 0;
}

static void
bond_poll(void *arg)
{
	struct bond_private *priv = arg;

	bond_refresh_async(priv);
	/* bond_stop clears started, then cancels; see bond_alarms_cancel */
	if (__atomic_load_n(&priv->started, __ATOMIC_RELAXED))
		rte_eal_alarm_set((uint64_t)priv->poll_ms * 1000, bond_poll, priv);
}

/*
 * Twice each: a poll that ran while started was being cleared may have
 * armed itself (or a retry) again; cancel waits for it, the second round
 * removes what it armed. Called without the lock, which they may wait for.
 */
static void
bond_alarms_cancel(struct bond_private *priv)
{
	int i;

	for (i = 0; i < 2; i++) {
		rte_eal_alarm_cancel(bond_poll, priv);
		rte_eal_alarm_cancel(bond_refresh_async, priv);
	}
	bond_8023ad_alarm_cancel(priv);
}

static int
bond_configure(struct rte_eth_dev *dev)
{
	struct bond_private *priv = bond_priv(dev);
	int ret = 0;

	if (priv->pending != NULL)
		ret = bond_args_apply_slaves(priv);
	return ret;
}

static void
bond_slaves_stop(struct bond_private *priv)
{
	unsigned int i;

	for (i = 0; i < priv->slaves_n; i++)
		rte_eth_dev_stop(priv->slaves[i].port_id);
}

static int
bond_start(struct rte_eth_dev *dev)
{
	struct bond_private *priv = bond_priv(dev);
	unsigned int i;
	int ret = 0;

	rte_spinlock_lock(&priv->lock);
	if (priv->slaves_n == 0) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u has no slaves; add some with "
			       "rte_eth_bond_slave_add() or slave=<port name>\n",
			       priv->port_id);
		ret = -EINVAL;
	}
	for (i = 0; ret == 0 && i < priv->slaves_n; i++)
		ret = bond_slave_start(priv, priv->slaves[i].port_id);
	if (ret != 0)
		goto out_slaves;
	priv->started = true;
	priv->current_primary = priv->primary_port;
	bond_mac_apply(priv);
	bond_active_refresh(priv);
	if (priv->mode == BONDING_MODE_8023AD) {
		ret = bond_8023ad_start(priv);
		if (ret != 0) {
			priv->started = false;
			bond_8023ad_stop(priv);
			bond_active_refresh(priv);
			goto out_slaves;
		}
	}
	rte_spinlock_unlock(&priv->lock);
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	rte_eal_alarm_set((uint64_t)priv->poll_ms * 1000, bond_poll, priv);
	rte_eal_alarm_set((uint64_t)priv->m4.conf.update_timeout_ms * 1000, bond_8023ad_tick, priv);
	return 0;

out_slaves:
	bond_slaves_stop(priv);
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

static int
bond_stop(struct rte_eth_dev *dev)
{
	struct bond_private *priv = bond_priv(dev);

	__atomic_store_n(&priv->started, false, __ATOMIC_RELAXED);
	bond_alarms_cancel(priv);
	rte_spinlock_lock(&priv->lock);
	bond_active_refresh(priv);
	if (priv->mode == BONDING_MODE_8023AD)
		bond_8023ad_stop(priv);
	bond_slaves_stop(priv);
	rte_spinlock_unlock(&priv->lock);
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	return 0;
}

static int
bond_close(struct rte_eth_dev *dev)
{
	struct bond_private *priv = bond_priv(dev);

	bond_alarms_cancel(priv);
	rte_eal_alarm_cancel(bond_lsc_notify, priv);
	rte_spinlock_lock(&priv->lock);
	while (priv->slaves_n > 0)
		bond_slave_remove_locked(priv, priv->slaves_n - 1);
	bond_8023ad_free(priv);
	rte_spinlock_unlock(&priv->lock);
	rte_kvargs_free(priv->pending);
	priv->pending = NULL;
	return 0;
}

static int
bond_link_update(struct rte_eth_dev *dev, int wait __rte_unused)
{
	struct bond_private *priv = bond_priv(dev);

	rte_spinlock_lock(&priv->lock);
	bond_active_refresh(priv);
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

/* What every slave can do: the bond offers the intersection. */
static int
bond_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct bond_private *priv = bond_priv(dev);
	unsigned int i;

	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->max_tx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->rx_offload_capa = UINT64_MAX;
	info->tx_offload_capa = UINT64_MAX;
	info->min_rx_bufsize = 0;
	info->max_mtu = UINT16_MAX;
	rte_spinlock_lock(&priv->lock);
	for (i = 0; i < priv->slaves_n; i++) {
		struct rte_eth_dev_info si;

		if (rte_eth_dev_info_get(priv->slaves[i].port_id, &si) != 0)
			continue;
		info->max_rx_queues = RTE_MIN(info->max_rx_queues, si.max_rx_queues);
		info->max_tx_queues = RTE_MIN(info->max_tx_queues, si.max_tx_queues);
		info->max_rx_pktlen = RTE_MIN(info->max_rx_pktlen, si.max_rx_pktlen);
		info->max_mtu = RTE_MIN(info->max_mtu, si.max_mtu);
		info->min_rx_bufsize = RTE_MAX(info->min_rx_bufsize, si.min_rx_bufsize);
		info->rx_offload_capa &= si.rx_offload_capa;
		info->tx_offload_capa &= si.tx_offload_capa;
		info->speed_capa |= si.speed_capa;
	}
	rte_spinlock_unlock(&priv->lock);
	if (priv->slaves_n == 0)
		info->rx_offload_capa = info->tx_offload_capa = 0;
	return 0;
}

static int
bond_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf,
		    struct rte_mempool *mp)
{
	struct bond_rxq *q =
		rte_zmalloc_socket("bond_rxq", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);

	if (q == NULL)
		return -ENOMEM;
	q->priv = bond_priv(dev);
	q->queue_id = queue_id;
	q->nb_desc = nb_desc;
	q->socket_id = socket_id;
	if (conf != NULL)
		q->conf = *conf;
	q->mp = mp;
	dev->data->rx_queues[queue_id] = q;
	return 0;
}

static int
bond_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct bond_txq *q =
		rte_zmalloc_socket("bond_txq", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);

	if (q == NULL)
		return -ENOMEM;
	q->priv = bond_priv(dev);
	q->queue_id = queue_id;
	q->nb_desc = nb_desc;
	q->socket_id = socket_id;
	if (conf != NULL)
		q->conf = *conf;
	dev->data->tx_queues[queue_id] = q;
	return 0;
}

static void
bond_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_free(dev->data->rx_queues[queue_id]);
	dev->data->rx_queues[queue_id] = NULL;
}

static void
bond_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_free(dev->data->tx_queues[queue_id]);
	dev->data->tx_queues[queue_id] = NULL;
}

static void
bond_stats_add(struct rte_eth_stats *sum, const struct rte_eth_stats *s)
{
	unsigned int q;

	sum->ipackets += s->ipackets;
	sum->opackets += s->opackets;
	sum->ibytes += s->ibytes;
	sum->obytes += s->obytes;
	sum->imissed += s->imissed;
	sum->ierrors += s->ierrors;
	sum->oerrors += s->oerrors;
	sum->rx_nombuf += s->rx_nombuf;
	for (q = 0; q < RTE_ETHDEV_QUEUE_STAT_CNTRS; q++) {
		sum->q_ipackets[q] += s->q_ipackets[q];
		sum->q_opackets[q] += s->q_opackets[q];
		sum->q_ibytes[q] += s->q_ibytes[q];
		sum->q_obytes[q] += s->q_obytes[q];
		sum->q_errors[q] += s->q_errors[q];
	}
}

static int
bond_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct bond_private *priv = bond_priv(dev);
	unsigned int i;

	rte_spinlock_lock(&priv->lock);
	for (i = 0; i < priv->slaves_n; i++) {
		struct rte_eth_stats s;

		if (rte_eth_stats_get(priv->slaves[i].port_id, &s) == 0)
			bond_stats_add(st, &s);
	}
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

/* Run fn on every slave; the first failure is returned, the others still run. */
static int
bond_slaves_each(struct rte_eth_dev *dev, int (*fn)(uint16_t port))
{
	struct bond_private *priv = bond_priv(dev);
	unsigned int i;
	int ret = 0;

	rte_spinlock_lock(&priv->lock);
	for (i = 0; i < priv->slaves_n; i++) {
		int r = fn(priv->slaves[i].port_id);

		if (ret == 0 && r != 0 && r != -ENOTSUP)
			ret = r;
	}
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

static int
bond_stats_reset(struct rte_eth_dev *dev)
{
	return bond_slaves_each(dev, rte_eth_stats_reset);
}

static int
bond_promisc_on(struct rte_eth_dev *dev)
{
	return bond_slaves_each(dev, rte_eth_promiscuous_enable);
}

static int
bond_promisc_off(struct rte_eth_dev *dev)
{
	return bond_slaves_each(dev, rte_eth_promiscuous_disable);
}

static int
bond_allmulti_on(struct rte_eth_dev *dev)
{
	return bond_slaves_each(dev, rte_eth_allmulticast_enable);
}

static int
bond_allmulti_off(struct rte_eth_dev *dev)
{
	return bond_slaves_each(dev, rte_eth_allmulticast_disable);
}

static int
bond_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct bond_private *priv = bond_priv(dev);
	unsigned int i;
	int ret = 0;

	rte_spinlock_lock(&priv->lock);
	for (i = 0; ret == 0 && i < priv->slaves_n; i++)
		ret = rte_eth_dev_set_mtu(priv->slaves[i].port_id, mtu);
	rte_spinlock_unlock(&priv->lock);
	return ret;
}

static int
bond_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct bond_private *priv = bond_priv(dev);

	rte_spinlock_lock(&priv->lock);
	priv->user_mac = true;
	rte_ether_addr_copy(addr, &dev->data->mac_addrs[0]);
	bond_mac_apply(priv);
	rte_spinlock_unlock(&priv->lock);
	return 0;
}

const struct eth_dev_ops bond_ops = {
	.dev_configure = bond_configure,
	.dev_start = bond_start,
	.dev_stop = bond_stop,
	.dev_close = bond_close,
	.link_update = bond_link_update,
	.dev_infos_get = bond_info,
	.rx_queue_setup = bond_rx_queue_setup,
	.tx_queue_setup = bond_tx_queue_setup,
	.rx_queue_release = bond_rx_queue_release,
	.tx_queue_release = bond_tx_queue_release,
	.stats_get = bond_stats_get,
	.stats_reset = bond_stats_reset,
	.promiscuous_enable = bond_promisc_on,
	.promiscuous_disable = bond_promisc_off,
	.allmulticast_enable = bond_allmulti_on,
	.allmulticast_disable = bond_allmulti_off,
	.mtu_set = bond_mtu_set,
	.mac_addr_set = bond_mac_addr_set,
};

static int
bond_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct bond_private *priv;
	struct rte_ether_addr mac;
	struct rte_eth_dev *dev;
	bool have_mac = false;
	int ret, socket;

	priv = rte_zmalloc(name, sizeof(*priv), RTE_CACHE_LINE_SIZE);
	if (priv == NULL) {
		RTE_ETHDEV_LOG(ERR, "%s: no memory for the port; give the EAL more (-m)\n", name);
		return -ENOMEM;
	}
	rte_spinlock_init(&priv->lock);
	priv->poll_ms = BOND_POLL_MS_DEFAULT;
	bond_8023ad_conf_default(&priv->m4.conf);
	priv->m4.active_agg = RTE_MAX_ETHPORTS;
	socket = (int)rte_socket_id();
	ret = bond_args_parse(vdev, priv, &mac, &have_mac);
	if (ret < 0)
		goto out_priv;
	socket = ret;
	ret = rte_eth_dev_owner_new(&priv->owner.id);
	if (ret != 0)
		goto out_priv;
	strlcpy(priv->owner.name, name, sizeof(priv->owner.name));
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL) {
		ret = -rte_errno;
		goto out_priv;
	}
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0, socket);
	if (dev->data->mac_addrs == NULL) {
		rte_eth_dev_release_port(dev);
		RTE_ETHDEV_LOG(ERR, "%s: no memory for the port; give the EAL more (-m)\n", name);
		ret = -ENOMEM;
		goto out_priv;
	}
	if (have_mac) {
		rte_ether_addr_copy(&mac, &dev->data->mac_addrs[0]);
		priv->user_mac = true;
	}
	priv->port_id = dev->data->port_id;
	dev->data->dev_private = priv;
	dev->data->numa_node = socket;
	dev->data->dev_flags = RTE_ETH_DEV_INTR_LSC;
	dev->device = &vdev->device;
	dev->dev_ops = &bond_ops;
	dev->rx_pkt_burst = bond_rx_burst;
	dev->tx_pkt_burst = bond_tx_burst;
	rte_eth_dev_probing_finish(dev);
	return 0;

out_priv:
	rte_kvargs_free(priv->pending);
	rte_free(priv);
	return ret;
}

static int
bond_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	uint16_t port;

	if (dev == NULL)
		return 0; /* closed by the application already */
	port = dev->data->port_id;
	if (dev->data->dev_started)
		rte_eth_dev_stop(port);
	return rte_eth_dev_close(port);
}

static struct rte_vdev_driver bond_pmd_drv = {
	.probe = bond_probe,
	.remove = bond_remove,
};

RTE_PMD_REGISTER_VDEV(net_bonding, bond_pmd_drv);
RTE_PMD_REGISTER_ALIAS(net_bonding, eth_bond);
RTE_PMD_REGISTER_PARAM_STRING(net_bonding,
			      "slave=<port name> primary=<port name> mode=0-5 "
			      "xmit_policy=l2|l23|l34 socket_id=<int> mac=<mac addr> "
			      "lsc_poll_period_ms=<int> up_delay=<int> down_delay=<int> "
			      "agg_mode=count|bandwidth|stable");
