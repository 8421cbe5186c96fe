/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_vhost control path, DPDK 22.11's devargs: iface=<socket path>
 * (required), queues=<1..8> (1), client=0|1 (0), iommu-support=0|1 (0),
 * postcopy-support=0|1 (0), tso=0|1 (0), linear-buffer=0|1 (0),
 * ext-buffer=0|1 (0); postcopy-support, tso and ext-buffer are refused;
 * iommu-support=1 offers VIRTIO_F_IOMMU_PLATFORM (a front-end behind a
 * vIOMMU, its addresses translated through lib/vhost's IOTLB). With
 * linear-buffer=1 a received packet longer than one mbuf is dropped
 * (counted with the ring errors), else it is chained. The socket is served
 * from probe on; the link is up while the front-end's device runs, and each
 * change raises an LSC event; a ring enabled or disabled raises a queue
 * state event.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include <bus_vdev_driver.h>
#include <driver_args.h>
#include <vdev_ethdev.h>

#include "vhost_driver.h"
#include "vhost_ethdev.h"

RTE_LOG_REGISTER(vhost_pmd_logtype, pmd.net.vhost, NOTICE);

static const char *const vhost_pmd_valid_args[] = {"iface",	    "queues",		"client",
						   "iommu-support", "postcopy-support", "tso",
						   "linear-buffer", "ext-buffer",	NULL};

/* Ports by their socket, for the callbacks that only know a vid. */
static struct vhost_pmd_private *vhost_pmd_ports[RTE_MAX_ETHPORTS];
static pthread_mutex_t vhost_pmd_ports_lock = PTHREAD_MUTEX_INITIALIZER;

static struct vhost_pmd_private *
vhost_pmd_of_vid(int vid)
{
	struct vhost_pmd_private *found = NULL;
	char path[sizeof(found->iface)];

	if (rte_vhost_get_ifname(vid, path, sizeof(path)) != 0)
		return NULL;
	pthread_mutex_lock(&vhost_pmd_ports_lock);
	for (unsigned int i = 0; i < RTE_DIM(vhost_pmd_ports) && found == NULL; i++)
		if (vhost_pmd_ports[i] != NULL && strcmp(vhost_pmd_ports[i]->iface, path) == 0)
			found = vhost_pmd_ports[i];
	pthread_mutex_unlock(&vhost_pmd_ports_lock);
	return found;
}

static void
vhost_pmd_link_set(struct vhost_pmd_private *priv, bool up)
{
	struct rte_eth_link *link = &priv->dev->data->dev_link;

	link->link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	rte_eth_dev_callback_process(priv->dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

static int
vhost_pmd_new_device(int vid)
{
	struct vhost_pmd_private *priv = vhost_pmd_of_vid(vid);

	if (priv == NULL)
		return -1;
	/* poll mode: the front-end need not kick */
	for (uint16_t i = 0; i < rte_vhost_get_vring_num(vid); i++)
		rte_vhost_enable_guest_notification(vid, i, 0);
	atomic_store(&priv->vid, vid);
	VHOST_PMD_LOG(INFO, "%s: front-end connected on %s\n", priv->dev->data->name, priv->iface);
	vhost_pmd_link_set(priv, true);
	return 0;
}

static void
vhost_pmd_destroy_device(int vid)
{
	struct vhost_pmd_private *priv = vhost_pmd_of_vid(vid);

	if (priv == NULL)
		return;
	atomic_store(&priv->vid, -1);
	VHOST_PMD_LOG(INFO, "%s: front-end gone from %s\n", priv->dev->data->name, priv->iface);
	vhost_pmd_link_set(priv, false);
}

static int
vhost_pmd_vring_state_changed(int vid, uint16_t vring, int enable)
{
	struct vhost_pmd_private *priv = vhost_pmd_of_vid(vid);

	if (priv == NULL)
		return -1;
	VHOST_PMD_LOG(DEBUG, "%s: ring %u %s\n", priv->dev->data->name, vring,
		      enable ? "enabled" : "disabled");
	rte_eth_dev_callback_process(priv->dev, RTE_ETH_EVENT_QUEUE_STATE, NULL);
	return 0;
}

static const struct rte_vhost_device_ops vhost_pmd_device_ops = {
	.new_device = vhost_pmd_new_device,
	.destroy_device = vhost_pmd_destroy_device,
	.vring_state_changed = vhost_pmd_vring_state_changed,
};

/* key=0|1 into a register flag; what=NULL when 1 is accepted, else why it is refused. */
static int
vhost_pmd_arg_flag(const char *name, const char *key, const char *val, uint64_t flag,
		   const char *refused, uint64_t *flags)
{
	unsigned long v;

	if (driver_arg_uint(val, 1, &v) != 0)
		return rte_vdev_arg_invalid(name, key, val, "0 or 1");
	if (v == 1 && refused != NULL) {
		VHOST_PMD_LOG(ERR, "%s: %s=1 is not supported (%s): leave it out or set it to 0\n",
			      name, key, refused);
		return -ENOTSUP;
	}
	if (v == 1)
		*flags |= flag;
	return 0;
}

static int
vhost_pmd_arg_one(const char *name, const char *key, const char *val,
		  struct vhost_pmd_private *priv)
{
	unsigned long v;

	if (strcmp(key, "iface") == 0) {
		if (val == NULL || val[0] == '\0' || strlen(val) >= sizeof(priv->iface))
			return rte_vdev_arg_invalid(name, key, val,
						    "a socket path under 108 bytes");
		rte_strlcpy(priv->iface, val, sizeof(priv->iface));
	} else if (strcmp(key, "queues") == 0) {
		if (driver_arg_uint(val, VHOST_PMD_MAX_QUEUES, &v) != 0 || v == 0)
			return rte_vdev_arg_invalid(name, key, val, "a number from 1 to 8");
		priv->queues = (uint16_t)v;
	} else if (strcmp(key, "client") == 0) {
		return vhost_pmd_arg_flag(name, key, val, RTE_VHOST_USER_CLIENT, NULL,
					  &priv->flags);
	} else if (strcmp(key, "iommu-support") == 0) {
		return vhost_pmd_arg_flag(name, key, val, RTE_VHOST_USER_IOMMU_SUPPORT, NULL,
					  &priv->flags);
	} else if (strcmp(key, "postcopy-support") == 0) {
		return vhost_pmd_arg_flag(name, key, val, RTE_VHOST_USER_POSTCOPY_SUPPORT,
					  "no postcopy live migration", &priv->flags);
	} else if (strcmp(key, "tso") == 0) {
		return vhost_pmd_arg_flag(name, key, val, 0, "no TSO offload in this back-end",
					  &priv->flags);
	} else if (strcmp(key, "linear-buffer") == 0) {
		return vhost_pmd_arg_flag(name, key, val, RTE_VHOST_USER_LINEARBUF_SUPPORT, NULL,
					  &priv->flags);
	} else if (strcmp(key, "ext-buffer") == 0) {
		return vhost_pmd_arg_flag(name, key, val, RTE_VHOST_USER_EXTBUF_SUPPORT,
					  "long packets are chained mbufs, or dropped with "
					  "linear-buffer=1",
					  &priv->flags);
	}
	return 0;
}

static int
vhost_pmd_args_parse(struct rte_vdev_device *vdev, struct vhost_pmd_private *priv)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_kvargs *kv = rte_vdev_kvargs_parse(vdev, vhost_pmd_valid_args);
	int ret = 0;

	if (kv == NULL)
		return -EINVAL;
	priv->queues = 1;
	for (unsigned int i = 0; i < kv->count && ret == 0; i++)
		ret = vhost_pmd_arg_one(name, kv->pairs[i].key, kv->pairs[i].value, priv);
	rte_kvargs_free(kv);
	if (ret == 0 && priv->iface[0] == '\0') {
		VHOST_PMD_LOG(ERR, "%s: no socket: add iface=<path>\n", name);
		ret = -EINVAL;
	}
	return ret;
}

static int
vhost_pmd_configure(struct rte_eth_dev *dev)
{
	struct vhost_pmd_private *priv = dev->data->dev_private;

	if (dev->data->nb_rx_queues > priv->queues || dev->data->nb_tx_queues > priv->queues) {
		VHOST_PMD_LOG(ERR, "%s: %u Rx and %u Tx queues, the port has queues=%u\n",
			      dev->data->name, dev->data->nb_rx_queues, dev->data->nb_tx_queues,
			      priv->queues);
		return -EINVAL;
	}
	return 0;
}

static int
vhost_pmd_start(struct rte_eth_dev *dev)
{
	struct vhost_pmd_private *priv = dev->data->dev_private;

	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	dev->data->dev_started = 1;
	atomic_store(&priv->started, true);
	return 0;
}

static int
vhost_pmd_stop(struct rte_eth_dev *dev)
{
	struct vhost_pmd_private *priv = dev->data->dev_private;

	atomic_store(&priv->started, false);
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	dev->data->dev_started = 0;
	return 0;
}

static void
vhost_pmd_queue_free(void **slot)
{
	rte_free(*slot);
	*slot = NULL;
}

static void
vhost_pmd_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	vhost_pmd_queue_free(&dev->data->rx_queues[qid]);
}

static void
vhost_pmd_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	vhost_pmd_queue_free(&dev->data->tx_queues[qid]);
}

/* Forget the port in the callbacks' table, then stop serving its socket. */
static void
vhost_pmd_detach(struct vhost_pmd_private *priv)
{
	pthread_mutex_lock(&vhost_pmd_ports_lock);
	for (unsigned int i = 0; i < RTE_DIM(vhost_pmd_ports); i++)
		if (vhost_pmd_ports[i] == priv)
			vhost_pmd_ports[i] = NULL;
	pthread_mutex_unlock(&vhost_pmd_ports_lock);
	rte_vhost_driver_unregister(priv->iface);
}

static int
vhost_pmd_close(struct rte_eth_dev *dev)
{
	struct vhost_pmd_private *priv = dev->data->dev_private;

	if (priv == NULL || priv->iface[0] == '\0')
		return 0;
	vhost_pmd_stop(dev);
	vhost_pmd_detach(priv);
	priv->iface[0] = '\0';
	for (uint16_t q = 0; q < dev->data->nb_rx_queues; q++)
		vhost_pmd_rx_queue_release(dev, q);
	for (uint16_t q = 0; q < dev->data->nb_tx_queues; q++)
		vhost_pmd_tx_queue_release(dev, q);
	return 0;
}

static int
vhost_pmd_link_update(struct rte_eth_dev *dev __rte_unused, int wait_to_complete __rte_unused)
{
	/* the device callbacks keep dev_link current */
	return 0;
}

static int
vhost_pmd_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct vhost_pmd_private *priv = dev->data->dev_private;

	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT16_MAX;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = UINT16_MAX - RTE_ETHER_HDR_LEN;
	info->max_rx_queues = priv->queues;
	info->max_tx_queues = priv->queues;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
vhost_pmd_queue_setup(struct rte_eth_dev *dev, void **slot, uint16_t vring, struct rte_mempool *mp)
{
	struct vhost_pmd_queue *q;

	vhost_pmd_queue_free(slot);
	q = rte_zmalloc_socket(dev->data->name, sizeof(*q), RTE_CACHE_LINE_SIZE,
			       dev->data->numa_node);
	if (q == NULL) {
		VHOST_PMD_LOG(ERR, "%s: out of memory for a queue\n", dev->data->name);
		return -ENOMEM;
	}
	q->priv = dev->data->dev_private;
	q->mp = mp;
	q->vring = vring;
	*slot = q;
	return 0;
}

static int
vhost_pmd_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
			 unsigned int socket_id __rte_unused,
			 const struct rte_eth_rxconf *conf __rte_unused, struct rte_mempool *mp)
{
	/* the port receives what the front-end transmits */
	return vhost_pmd_queue_setup(dev, &dev->data->rx_queues[qid], 2 * qid + 1, mp);
}

static int
vhost_pmd_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
			 unsigned int socket_id __rte_unused,
			 const struct rte_eth_txconf *conf __rte_unused)
{
	return vhost_pmd_queue_setup(dev, &dev->data->tx_queues[qid], 2 * qid, NULL);
}

/* Bad chains the front-end wrote on the rings this port uses. */
static uint64_t
vhost_pmd_ring_errors(struct rte_eth_dev *dev, void **queues, uint16_t nb)
{
	struct vhost_pmd_private *priv = dev->data->dev_private;
	int vid = atomic_load(&priv->vid);
	uint64_t n = 0;

	for (uint16_t i = 0; vid >= 0 && i < nb; i++) {
		const struct vhost_pmd_queue *q = queues[i];

		if (q != NULL)
			n += vhost_vring_errors_get(vid, q->vring);
	}
	return n;
}

static int
vhost_pmd_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	for (uint16_t i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct vhost_pmd_queue *q = dev->data->rx_queues[i];

		if (q == NULL)
			continue;
		stats->ipackets += q->pkts;
		stats->ibytes += q->bytes;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[i] = q->pkts;
			stats->q_ibytes[i] = q->bytes;
		}
	}
	for (uint16_t i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct vhost_pmd_queue *q = dev->data->tx_queues[i];

		if (q == NULL)
			continue;
		stats->opackets += q->pkts;
		stats->obytes += q->bytes;
		stats->oerrors += q->missed;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[i] = q->pkts;
			stats->q_obytes[i] = q->bytes;
		}
	}
	stats->ierrors = vhost_pmd_ring_errors(dev, dev->data->rx_queues, dev->data->nb_rx_queues) +
			 vhost_pmd_ring_errors(dev, dev->data->tx_queues, dev->data->nb_tx_queues);
	return 0;
}

static void
vhost_pmd_queues_stats_clear(void **queues, uint16_t nb)
{
	for (uint16_t i = 0; i < nb; i++) {
		struct vhost_pmd_queue *q = queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->missed = 0;
	}
}

static int
vhost_pmd_stats_reset(struct rte_eth_dev *dev)
{
	vhost_pmd_queues_stats_clear(dev->data->rx_queues, dev->data->nb_rx_queues);
	vhost_pmd_queues_stats_clear(dev->data->tx_queues, dev->data->nb_tx_queues);
	return 0;
}

static const char *const vhost_pmd_xstat_names[] = {"rx_ring_errors", "tx_ring_errors",
						    "tx_missed_packets"};

static int
vhost_pmd_xstats_get_names(struct rte_eth_dev *dev __rte_unused, struct rte_eth_xstat_name *names,
			   unsigned int size)
{
	unsigned int n = RTE_DIM(vhost_pmd_xstat_names);

	if (names == NULL || size < n)
		return n;
	for (unsigned int i = 0; i < n; i++)
		rte_strlcpy(names[i].name, vhost_pmd_xstat_names[i], sizeof(names[i].name));
	return n;
}

static int
vhost_pmd_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n)
{
	uint64_t missed = 0;

	if (xstats == NULL || n < RTE_DIM(vhost_pmd_xstat_names))
		return RTE_DIM(vhost_pmd_xstat_names);
	for (uint16_t i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct vhost_pmd_queue *q = dev->data->tx_queues[i];

		missed += q != NULL ? q->missed : 0;
	}
	xstats[0] = (struct rte_eth_xstat){
		0, vhost_pmd_ring_errors(dev, dev->data->rx_queues, dev->data->nb_rx_queues)};
	xstats[1] = (struct rte_eth_xstat){
		1, vhost_pmd_ring_errors(dev, dev->data->tx_queues, dev->data->nb_tx_queues)};
	xstats[2] = (struct rte_eth_xstat){2, missed};
	return RTE_DIM(vhost_pmd_xstat_names);
}

/* A vhost port carries whatever it is given: no filtering to switch. */
static int
vhost_pmd_noop(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
vhost_pmd_mtu_set(struct rte_eth_dev *dev __rte_unused, uint16_t mtu __rte_unused)
{
	return 0;
}

static const struct eth_dev_ops vhost_pmd_ops = {
	.dev_configure = vhost_pmd_configure,
	.dev_start = vhost_pmd_start,
	.dev_stop = vhost_pmd_stop,
	.dev_close = vhost_pmd_close,
	.link_update = vhost_pmd_link_update,
	.promiscuous_enable = vhost_pmd_noop,
	.promiscuous_disable = vhost_pmd_noop,
	.allmulticast_enable = vhost_pmd_noop,
	.allmulticast_disable = vhost_pmd_noop,
	.mtu_set = vhost_pmd_mtu_set,
	.stats_get = vhost_pmd_stats_get,
	.stats_reset = vhost_pmd_stats_reset,
	.xstats_get = vhost_pmd_xstats_get,
	.xstats_get_names = vhost_pmd_xstats_get_names,
	.dev_infos_get = vhost_pmd_infos_get,
	.rx_queue_setup = vhost_pmd_rx_queue_setup,
	.tx_queue_setup = vhost_pmd_tx_queue_setup,
	.rx_queue_release = vhost_pmd_rx_queue_release,
	.tx_queue_release = vhost_pmd_tx_queue_release,
};

/* Register the socket with this port's callbacks and features, and serve it. */
static int
vhost_pmd_attach(struct vhost_pmd_private *priv)
{
	const char *name = priv->dev->data->name;
	unsigned int slot;

	pthread_mutex_lock(&vhost_pmd_ports_lock);
	for (slot = 0; slot < RTE_DIM(vhost_pmd_ports) && vhost_pmd_ports[slot]; slot++)
		;
	if (slot < RTE_DIM(vhost_pmd_ports))
		vhost_pmd_ports[slot] = priv;
	pthread_mutex_unlock(&vhost_pmd_ports_lock);
	if (slot == RTE_DIM(vhost_pmd_ports))
		return -ENOSPC;
	if (rte_vhost_driver_register(priv->iface, priv->flags) != 0) {
		VHOST_PMD_LOG(ERR, "%s: cannot register socket %s (see above)\n", name,
			      priv->iface);
		goto out_forget;
	}
	if (rte_vhost_driver_set_max_queue_num(priv->iface, priv->queues) != 0 ||
	    rte_vhost_driver_callback_register(priv->iface, &vhost_pmd_device_ops) != 0 ||
	    rte_vhost_driver_start(priv->iface) != 0) {
		VHOST_PMD_LOG(ERR, "%s: cannot serve socket %s (see above)\n", name, priv->iface);
		rte_vhost_driver_unregister(priv->iface);
		goto out_forget;
	}
	return 0;

out_forget:
	pthread_mutex_lock(&vhost_pmd_ports_lock);
	vhost_pmd_ports[slot] = NULL;
	pthread_mutex_unlock(&vhost_pmd_ports_lock);
	return -EINVAL;
}

static int
vhost_pmd_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct vhost_pmd_private *priv;
	struct rte_eth_dev *dev;
	int ret;

	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa);
	if (priv == NULL) {
		VHOST_PMD_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	atomic_init(&priv->vid, -1);
	ret = vhost_pmd_args_parse(vdev, priv);
	if (ret != 0) {
		rte_free(priv);
		return ret;
	}
	/* from here rte_eth_dev_release_port frees priv and mac_addrs */
	dev = vdev_ethdev_allocate(vdev, priv, &vhost_pmd_ops, RTE_ETH_SPEED_NUM_10G);
	if (dev == NULL)
		return -rte_errno;
	priv->dev = dev;
	/* DPDK's net_vhost address: 56:48:4f:53:54 ("VHOST") and the port id */
	dev->data->mac_addrs[0] = (struct rte_ether_addr){
		{0x56, 0x48, 0x4f, 0x53, 0x54, (uint8_t)dev->data->port_id}};
	dev->rx_pkt_burst = vhost_pmd_rx_burst;
	dev->tx_pkt_burst = vhost_pmd_tx_burst;
	ret = vhost_pmd_attach(priv);
	if (ret != 0)
		goto err_release;
	rte_eth_dev_probing_finish(dev);
	VHOST_PMD_LOG(INFO, "%s: %s on %s, %u queue pairs\n", name,
		      priv->flags & RTE_VHOST_USER_CLIENT ? "client" : "server", priv->iface,
		      priv->queues);
	return 0;

err_release:
	priv->iface[0] = '\0';
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
vhost_pmd_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed through rte_eth_dev_close already */
	vhost_pmd_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver vhost_pmd_driver = {
	.probe = vhost_pmd_probe,
	.remove = vhost_pmd_remove,
};

RTE_PMD_REGISTER_VDEV(net_vhost, vhost_pmd_driver);
RTE_PMD_REGISTER_PARAM_STRING(net_vhost, "iface=<ifc> queues=<int> client=<0|1> "
					 "iommu-support=<0|1> postcopy-support=<0|1> tso=<0|1> "
					 "linear-buffer=<0|1> ext-buffer=<0|1>");
