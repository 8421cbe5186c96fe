/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_null: DPDK's null PMD. "--vdev net_null0,size=64,copy=0,no-rx=0".
 * Rx returns fresh mbufs of size bytes, Tx frees what it is given; the
 * link is up while the port is started. Useful to measure the stack above.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <rte_kvargs.h>
#include <rte_lcore.h>
#include <rte_malloc.h>

#include "null_private.h"

#define ARG_SIZE "size"
#define ARG_COPY "copy"
#define ARG_NO_RX "no-rx"

static const char *const null_valid_args[] = { ARG_SIZE, ARG_COPY, ARG_NO_RX, NULL };

/* Default RSS key (the Toeplitz key most NICs ship with). */
static const uint8_t null_default_rss_key[NULL_RSS_KEY_SIZE] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

static struct null_internals *
null_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

/* As a NIC programs it: the hash types asked with RSS mode take effect (none without). */
static int
null_dev_configure(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;

	null_priv(dev)->rss_hf = (conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) ?
		conf->rx_adv_conf.rss_conf.rss_hf & RTE_ETH_RSS_PROTO_MASK : 0;
	return 0;
}

static void
null_link_set(struct rte_eth_dev *dev, bool up)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	rte_eth_linkstatus_set(dev, &link);
}

static int
null_dev_start(struct rte_eth_dev *dev)
{

	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	null_link_set(dev, true);
	return 0;
}

static int
null_dev_stop(struct rte_eth_dev *dev)
{

	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	null_link_set(dev, false);
	return 0;
}

static int
null_dev_close(struct rte_eth_dev *dev)
{
	/* the link is in the shared data: the primary's to change */
	if (rte_eal_process_type() != RTE_PROC_SECONDARY)
		null_link_set(dev, false);
	return 0;
}

static int
null_link_update(struct rte_eth_dev *dev __rte_unused, int wait __rte_unused)
{
	return 0;
}

static int
null_set_link(struct rte_eth_dev *dev, bool up)
{
	null_link_set(dev, up);
	return 0;
}

static int
null_set_link_up(struct rte_eth_dev *dev)
{
	return null_set_link(dev, true);
}

static int
null_set_link_down(struct rte_eth_dev *dev)
{
	return null_set_link(dev, false);
}

static struct null_queue *
null_queue_new(struct rte_eth_dev *dev, uint16_t queue_id, unsigned int socket_id)
{
	struct null_internals *priv = null_priv(dev);
	struct null_queue *q;

	q = rte_zmalloc_socket("null_queue", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL)
		return NULL;
	q->size = priv->args.size;
	q->port_id = dev->data->port_id;
	q->queue_id = queue_id;
	if (priv->args.copy) {
		q->dummy_packet = rte_zmalloc_socket("null_packet", q->size, 0, (int)socket_id);
		if (q->dummy_packet == NULL) {
			rte_free(q);
			return NULL;
		}
	}
	return q;
}

static void
null_queue_free(struct null_queue *q)
{
	if (q == NULL)
		return;
	rte_free(q->dummy_packet);
	rte_free(q);
}

static int
null_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id, uint16_t nb_desc __rte_unused,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf __rte_unused,
		    struct rte_mempool *mp)
{
	struct null_internals *priv = null_priv(dev);
	uint32_t room = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	struct null_queue *q;

	if (!priv->args.no_rx && priv->args.size > room) {
		RTE_ETHDEV_LOG(ERR, "%s: size=%u does not fit the mbufs of pool %s (%u bytes "
			       "after headroom): use a smaller size or a larger data room\n",
			       dev->data->name, priv->args.size, mp->name, room);
		return -EINVAL;
	}
	q = null_queue_new(dev, queue_id, socket_id);
	if (q == NULL)
		return -ENOMEM;
	q->mb_pool = mp;
	dev->data->rx_queues[queue_id] = q;
	return 0;
}

static int
null_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id, uint16_t nb_desc __rte_unused,
		    unsigned int socket_id, const struct rte_eth_txconf *conf __rte_unused)
{
	struct null_queue *q = null_queue_new(dev, queue_id, socket_id);

	if (q == NULL)
		return -ENOMEM;
	dev->data->tx_queues[queue_id] = q;
	return 0;
}

static void
null_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	null_queue_free(dev->data->rx_queues[queue_id]);
	dev->data->rx_queues[queue_id] = NULL;
}

static void
null_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	null_queue_free(dev->data->tx_queues[queue_id]);
	dev->data->tx_queues[queue_id] = NULL;
}

static int
null_dev_info(struct rte_eth_dev *dev __rte_unused, struct rte_eth_dev_info *info)
{
	info->max_mac_addrs = NULL_MAX_MAC_ADDRS;
	info->max_rx_pktlen = (uint32_t)-1;
	info->max_rx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->max_tx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_MT_LOCKFREE;
	info->tx_queue_offload_capa = info->tx_offload_capa;
	info->reta_size = NULL_RETA_SIZE;
	info->hash_key_size = NULL_RSS_KEY_SIZE;
	info->flow_type_rss_offloads = RTE_ETH_RSS_PROTO_MASK;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	info->default_rxportconf.burst_size = 32;
	info->default_txportconf.burst_size = 32;
	info->default_rxportconf.ring_size = 512;
	info->default_txportconf.ring_size = 512;
	return 0;
}

static void
null_queue_stats(void **queues, uint16_t n, uint64_t *total, uint64_t *bytes,
		 uint64_t *q_pkts, uint64_t *q_bytes, uint64_t *nombuf)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		const struct null_queue *q = queues[i];

		if (q == NULL)
			continue;
		*total += q->pkts;
		*bytes += q->bytes;
		if (nombuf != NULL)
			*nombuf += q->nombuf;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			q_pkts[i] = q->pkts;
			q_bytes[i] = q->bytes;
		}
	}
}

static int
null_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	uint64_t nombuf = 0;

	null_queue_stats(dev->data->rx_queues, dev->data->nb_rx_queues, &st->ipackets,
			 &st->ibytes, st->q_ipackets, st->q_ibytes, &nombuf);
	null_queue_stats(dev->data->tx_queues, dev->data->nb_tx_queues, &st->opackets,
			 &st->obytes, st->q_opackets, st->q_obytes, NULL);
	st->rx_nombuf += nombuf;
	return 0;
}

static void
null_queues_reset(void **queues, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct null_queue *q = queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->nombuf = 0;
	}
}

static int
null_stats_reset(struct rte_eth_dev *dev)
{
	null_queues_reset(dev->data->rx_queues, dev->data->nb_rx_queues);
	null_queues_reset(dev->data->tx_queues, dev->data->nb_tx_queues);
	return 0;
}

static int
null_ok(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
null_mtu_set(struct rte_eth_dev *dev __rte_unused, uint16_t mtu __rte_unused)
{
	return 0;
}

static int
null_mac_addr_set(struct rte_eth_dev *dev __rte_unused, struct rte_ether_addr *a __rte_unused)
{
	return 0;
}

static int
null_mac_addr_add(struct rte_eth_dev *dev __rte_unused, struct rte_ether_addr *a __rte_unused,
		  uint32_t index __rte_unused, uint32_t pool __rte_unused)
{
	return 0;
}

static void
null_mac_addr_remove(struct rte_eth_dev *dev __rte_unused, uint32_t index __rte_unused)
{
}

static int
null_reta_update(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *conf, uint16_t size)
{
	struct null_internals *priv = null_priv(dev);
	uint16_t i;

	if (size != NULL_RETA_SIZE)
		return -EINVAL;
	for (i = 0; i < size; i++) {
		uint16_t g = i / RTE_ETH_RETA_GROUP_SIZE, s = i % RTE_ETH_RETA_GROUP_SIZE;

		if (conf[g].mask & RTE_BIT64(s))
			priv->reta[g].reta[s] = conf[g].reta[s];
	}
	return 0;
}

static int
null_reta_query(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *conf, uint16_t size)
{
	struct null_internals *priv = null_priv(dev);
	uint16_t i;

	if (size != NULL_RETA_SIZE)
		return -EINVAL;
	for (i = 0; i < size; i++) {
		uint16_t g = i / RTE_ETH_RETA_GROUP_SIZE, s = i % RTE_ETH_RETA_GROUP_SIZE;

		if (conf[g].mask & RTE_BIT64(s))
			conf[g].reta[s] = priv->reta[g].reta[s];
	}
	return 0;
}

static int
null_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct null_internals *priv = null_priv(dev);

	if (conf->rss_key != NULL && conf->rss_key_len != 0)
		memcpy(priv->rss_key, conf->rss_key, NULL_RSS_KEY_SIZE);
	priv->rss_hf = conf->rss_hf & RTE_ETH_RSS_PROTO_MASK;
	return 0;
}

static int
null_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct null_internals *priv = null_priv(dev);

	conf->rss_hf = priv->rss_hf;
	if (conf->rss_key != NULL && conf->rss_key_len >= NULL_RSS_KEY_SIZE)
		memcpy(conf->rss_key, priv->rss_key, NULL_RSS_KEY_SIZE);
	conf->rss_key_len = NULL_RSS_KEY_SIZE;
	return 0;
}

static void
null_rxq_info(struct rte_eth_dev *dev, uint16_t queue_id, struct rte_eth_rxq_info *qinfo)
{
	const struct null_queue *q = dev->data->rx_queues[queue_id];

	qinfo->mp = q->mb_pool;
	qinfo->nb_desc = 0;
}

static void
null_txq_info(struct rte_eth_dev *dev __rte_unused, uint16_t queue_id __rte_unused,
	      struct rte_eth_txq_info *qinfo)
{
	qinfo->nb_desc = 0;
}

static const struct eth_dev_ops null_ops = {
	.dev_configure = null_dev_configure,
	.dev_start = null_dev_start,
	.dev_stop = null_dev_stop,
	.dev_close = null_dev_close,
	.dev_set_link_up = null_set_link_up,
	.dev_set_link_down = null_set_link_down,
	.link_update = null_link_update,
	.promiscuous_enable = null_ok,
	.promiscuous_disable = null_ok,
	.allmulticast_enable = null_ok,
	.allmulticast_disable = null_ok,
	.mac_addr_set = null_mac_addr_set,
	.mac_addr_add = null_mac_addr_add,
	.mac_addr_remove = null_mac_addr_remove,
	.mtu_set = null_mtu_set,
	.dev_infos_get = null_dev_info,
	.rxq_info_get = null_rxq_info,
	.txq_info_get = null_txq_info,
	.stats_get = null_stats_get,
	.stats_reset = null_stats_reset,
	.rx_queue_setup = null_rx_queue_setup,
	.tx_queue_setup = null_tx_queue_setup,
	.rx_queue_release = null_rx_queue_release,
	.tx_queue_release = null_tx_queue_release,
	.reta_update = null_reta_update,
	.reta_query = null_reta_query,
	.rss_hash_update = null_rss_hash_update,
	.rss_hash_conf_get = null_rss_hash_conf_get,
};

struct null_arg_ctx {
	const char *name;
	struct null_args *args;
};

static int
null_parse_uint(const char *name, const char *key, const char *value, unsigned long max,
		const char *expected, unsigned long *out)
{
	char *end;

	if (value == NULL || value[0] == '\0' || value[0] == '-')
		return rte_vdev_arg_invalid(name, key, value, expected);
	errno = 0;
	*out = strtoul(value, &end, 0);
	if (errno != 0 || *end != '\0' || *out > max)
		return rte_vdev_arg_invalid(name, key, value, expected);
	return 0;
}

static int
null_arg_handler(const char *key, const char *value, void *opaque)
{
	struct null_arg_ctx *ctx = opaque;
	unsigned long v = 0;
	int ret;

	if (strcmp(key, ARG_SIZE) == 0) {
		ret = null_parse_uint(ctx->name, key, value, UINT16_MAX,
				      "expected a packet size in bytes, 1..65535", &v);
		if (ret == 0 && v == 0)
			ret = rte_vdev_arg_invalid(ctx->name, key, value,
						   "expected a packet size in bytes, 1..65535");
		if (ret == 0)
			ctx->args->size = (uint32_t)v;
		return ret;
	}
	ret = null_parse_uint(ctx->name, key, value, 1, "expected 0 or 1", &v);
	if (ret != 0)
		return ret;
	if (strcmp(key, ARG_COPY) == 0)
		ctx->args->copy = v != 0;
	else
		ctx->args->no_rx = v != 0;
	return 0;
}

static int
null_parse_args(struct rte_vdev_device *vdev, struct null_args *args)
{
	struct null_arg_ctx ctx = { rte_vdev_device_name(vdev), args };
	struct rte_kvargs *kv;
	int ret;

	args->size = NULL_DEFAULT_SIZE;
	args->copy = false;
	args->no_rx = false;
	kv = rte_vdev_kvargs_parse(vdev, null_valid_args);
	if (kv == NULL)
		return -EINVAL;
	ret = rte_kvargs_process(kv, NULL, null_arg_handler, &ctx);
	rte_kvargs_free(kv);
	return ret < 0 ? -EINVAL : 0;
}

/* The port's data, queues and private part are in the primary's shared memory; a
 * secondary only sets this process's function pointers (stats read the queues in place).
 */
static int
null_port_attach(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(vdev));
	const struct null_internals *priv;

	if (dev == NULL)
		return -ENODEV;
	priv = dev->data->dev_private;
	dev->device = &vdev->device;
	dev->dev_ops = &null_ops;
	dev->rx_pkt_burst = priv->args.no_rx ? null_rx_none : priv->args.copy ? null_rx_copy :
										 null_rx;
	dev->tx_pkt_burst = priv->args.copy ? null_tx_copy : null_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
null_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct null_internals *priv;
	struct rte_eth_dev *dev;
	struct null_args args;
	unsigned int i;
	int socket, ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return null_port_attach(vdev);
	ret = null_parse_args(vdev, &args);
	if (ret != 0)
		return ret;
	if (vdev->device.numa_node == SOCKET_ID_ANY)
		vdev->device.numa_node = (int)rte_socket_id();
	socket = vdev->device.numa_node;

	dev = rte_eth_dev_allocate(name);
	if (dev == NULL)
		return -rte_errno;
	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, socket);
	dev->data->mac_addrs = rte_zmalloc_socket(name, NULL_MAX_MAC_ADDRS *
						  sizeof(struct rte_ether_addr), 0, socket);
	if (priv == NULL || dev->data->mac_addrs == NULL) {
		rte_free(priv);
		rte_eth_dev_release_port(dev);
		RTE_ETHDEV_LOG(ERR, "%s: no memory for the port; give the EAL more (-m)\n",
			       name);
		return -ENOMEM;
	}
	priv->args = args;
	memcpy(priv->rss_key, null_default_rss_key, sizeof(priv->rss_key));
	for (i = 0; i < NULL_RETA_SIZE; i++)
		priv->reta[i / RTE_ETH_RETA_GROUP_SIZE].reta[i % RTE_ETH_RETA_GROUP_SIZE] = 0;
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);

	dev->data->dev_private = priv;
	dev->data->numa_node = socket;
	dev->data->dev_flags = RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	dev->device = &vdev->device;
	dev->dev_ops = &null_ops;
	dev->rx_pkt_burst = args.no_rx ? null_rx_none : args.copy ? null_rx_copy : null_rx;
	dev->tx_pkt_burst = args.copy ? null_tx_copy : null_tx;
	null_link_set(dev, false);
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
null_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	uint16_t port;

	if (dev == NULL)
		return 0;	/* closed by the application already */
	/* the port is the primary's to stop: a secondary only lets go */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
	port = dev->data->port_id;
	if (dev->data->dev_started)
		rte_eth_dev_stop(port);
	return rte_eth_dev_close(port);
}

static struct rte_vdev_driver null_pmd_drv = {
	.probe = null_probe,
	.remove = null_remove,
};

RTE_PMD_REGISTER_VDEV(net_null, null_pmd_drv);
RTE_PMD_REGISTER_ALIAS(net_null, eth_null);
RTE_PMD_REGISTER_PARAM_STRING(net_null, "size=<int> copy=<int> no-rx=0|1");
