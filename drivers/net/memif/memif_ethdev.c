/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif control path: devargs, port operations, stats. Devargs and
 * defaults as DPDK 22.11's: id=0, role=client, bsize=2048, rsize=10
 * (log2 of the ring size), socket=/run/memif.sock in the abstract
 * namespace (socket-abstract=no for a file), mac=random, secret=,
 * zero-copy=no.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include <bus_vdev_driver.h>
#include <driver_args.h>
#include <vdev_ethdev.h>

#include "memif.h"

RTE_LOG_REGISTER(memif_logtype, pmd.net.memif, NOTICE);

static const char *const memif_valid_args[] = {
	"id",  "role",	    "bsize",  "rsize", "socket", "socket-abstract",
	"mac", "zero-copy", "secret", NULL};

static int
memif_parse_yes_no(const char *s, bool *out)
{
	if (s != NULL && strcmp(s, "yes") == 0)
		*out = true;
	else if (s != NULL && strcmp(s, "no") == 0)
		*out = false;
	else
		return -EINVAL;
	return 0;
}

static int
memif_arg_one(const char *name, const char *key, const char *val, struct memif_private *priv,
	      struct rte_ether_addr *mac)
{
	unsigned long v;
	bool b;

	if (strcmp(key, "id") == 0) {
		if (driver_arg_uint(val, UINT32_MAX, &v) != 0)
			return rte_vdev_arg_invalid(name, key, val,
						    "a number from 0 to 4294967295");
		priv->id = (uint32_t)v;
	} else if (strcmp(key, "role") == 0) {
		if (val != NULL && strcmp(val, "server") == 0)
			priv->server = true;
		else if (val != NULL && strcmp(val, "client") == 0)
			priv->server = false;
		else
			return rte_vdev_arg_invalid(name, key, val, "server or client");
	} else if (strcmp(key, "bsize") == 0) {
		if (driver_arg_uint(val, UINT16_MAX, &v) != 0 || v == 0)
			return rte_vdev_arg_invalid(name, key, val,
						    "a buffer size from 1 to 65535");
		priv->bsize = (uint16_t)v;
	} else if (strcmp(key, "rsize") == 0) {
		if (driver_arg_uint(val, MEMIF_MAX_LOG2_RING, &v) != 0 || v == 0)
			return rte_vdev_arg_invalid(name, key, val,
						    "the log2 of the ring size, from 1 to " RTE_STR(
							    MEMIF_MAX_LOG2_RING));
		priv->log2_ring = (uint8_t)v;
	} else if (strcmp(key, "socket") == 0) {
		/* the abstract form needs a byte for its leading NUL */
		if (val == NULL || val[0] == '\0' || strlen(val) >= sizeof(priv->path) - 1)
			return rte_vdev_arg_invalid(name, key, val,
						    "a socket path of 1 to 106 characters");
		strlcpy(priv->path, val, sizeof(priv->path));
	} else if (strcmp(key, "socket-abstract") == 0) {
		if (memif_parse_yes_no(val, &b) != 0)
			return rte_vdev_arg_invalid(name, key, val, "yes or no");
		priv->abstract = b;
	} else if (strcmp(key, "mac") == 0) {
		if (val == NULL || rte_ether_unformat_addr(val, mac) != 0)
			return rte_vdev_arg_invalid(name, key, val,
						    "a MAC address xx:xx:xx:xx:xx:xx");
	} else if (strcmp(key, "zero-copy") == 0) {
		if (memif_parse_yes_no(val, &b) != 0)
			return rte_vdev_arg_invalid(name, key, val, "yes or no");
		if (b) {
			MEMIF_LOG(ERR,
				  "%s: zero-copy=yes is not supported: buffers are copied; "
				  "drop zero-copy or use zero-copy=no\n",
				  name);
			return -ENOTSUP;
		}
	} else if (strcmp(key, "secret") == 0) {
		if (val == NULL || strlen(val) > MEMIF_SECRET_SZ)
			return rte_vdev_arg_invalid(name, key, val, "at most 24 characters");
		strlcpy(priv->secret, val, sizeof(priv->secret));
	}
	return 0;
}

static int
memif_args_parse(struct rte_vdev_device *vdev, struct memif_private *priv,
		 struct rte_ether_addr *mac)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_kvargs *kv;
	unsigned int i;
	int ret = 0;

	kv = rte_vdev_kvargs_parse(vdev, memif_valid_args);
	if (kv == NULL)
		return -EINVAL;
	priv->server = false;
	priv->abstract = true;
	priv->bsize = MEMIF_DFLT_BSIZE;
	priv->log2_ring = MEMIF_DFLT_LOG2_RING;
	strlcpy(priv->path, MEMIF_DFLT_SOCKET, sizeof(priv->path));
	rte_eth_random_addr(mac->addr_bytes);
	for (i = 0; i < kv->count && ret == 0; i++)
		ret = memif_arg_one(name, kv->pairs[i].key, kv->pairs[i].value, priv, mac);
	rte_kvargs_free(kv);
	if (ret == 0 && !priv->abstract) {
		char dir[sizeof(priv->path)];
		char *slash;

		strlcpy(dir, priv->path, sizeof(dir));
		slash = strrchr(dir, '/');
		if (slash == NULL || slash == dir)
			slash = dir + 1;
		*slash = '\0';
		if (access(dir[0] == '/' ? dir : ".", W_OK | X_OK) != 0) {
			MEMIF_LOG(ERR,
				  "%s: cannot create socket %s: directory %s is missing or "
				  "not writable: create it or pick another socket=\n",
				  name, priv->path, dir);
			ret = -EINVAL;
		}
	}
	return ret;
}

static int
memif_dev_configure(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
memif_dev_start(struct rte_eth_dev *dev)
{
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	dev->data->dev_started = 1;
	return memif_control_start(dev->data->dev_private);
}

static int
memif_dev_stop(struct rte_eth_dev *dev)
{
	memif_control_stop(dev->data->dev_private);
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	dev->data->dev_started = 0;
	return 0;
}

static void
memif_queue_release(struct rte_eth_dev *dev, void **slot)
{
	struct memif_queue *q = *slot;

	RTE_SET_USED(dev);
	if (q == NULL)
		return;
	if (q->fd >= 0)
		close(q->fd);
	rte_free(q);
	*slot = NULL;
}

static void
memif_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	memif_queue_release(dev, &dev->data->rx_queues[qid]);
}

static void
memif_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	memif_queue_release(dev, &dev->data->tx_queues[qid]);
}

static int
memif_dev_close(struct rte_eth_dev *dev)
{
	struct memif_private *priv = dev->data->dev_private;
	uint16_t q;

	if (priv == NULL || priv->sock == NULL)
		return 0;
	if (dev->data->dev_started)
		memif_dev_stop(dev);
	memif_socket_detach(priv);
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		memif_rx_queue_release(dev, q);
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		memif_tx_queue_release(dev, q);
	return 0;
}

static int
memif_link_update(struct rte_eth_dev *dev __rte_unused, int wait_to_complete __rte_unused)
{
	/* the control channel keeps dev_link current */
	return 0;
}

static int
memif_dev_infos_get(struct rte_eth_dev *dev __rte_unused, struct rte_eth_dev_info *info)
{
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT16_MAX;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = UINT16_MAX - RTE_ETHER_HDR_LEN;
	info->max_rx_queues = MEMIF_MAX_QPAIRS;
	info->max_tx_queues = MEMIF_MAX_QPAIRS;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_100G;
	return 0;
}

static int
memif_queue_setup(struct rte_eth_dev *dev, void **slot, uint16_t qid, struct rte_mempool *mp)
{
	struct memif_private *priv = dev->data->dev_private;
	struct memif_queue *q;

	if (dev->data->dev_started) {
		MEMIF_LOG(ERR, "%s: queue %u set up on a started port: stop it first\n",
			  dev->data->name, qid);
		return -EBUSY;
	}
	memif_queue_release(dev, slot);
	q = rte_zmalloc_socket(dev->data->name, sizeof(*q), RTE_CACHE_LINE_SIZE,
			       dev->data->numa_node);
	if (q == NULL) {
		MEMIF_LOG(ERR, "%s: out of memory for queue %u\n", dev->data->name, qid);
		return -ENOMEM;
	}
	q->fd = -1;
	q->up = &priv->up;
	q->mp = mp;
	q->port_id = dev->data->port_id;
	q->qid = qid;
	*slot = q;
	return 0;
}

static int
memif_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		     unsigned int socket_id __rte_unused,
		     const struct rte_eth_rxconf *conf __rte_unused, struct rte_mempool *mp)
{
	return memif_queue_setup(dev, &dev->data->rx_queues[qid], qid, mp);
}

static int
memif_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		     unsigned int socket_id __rte_unused,
		     const struct rte_eth_txconf *conf __rte_unused)
{
	return memif_queue_setup(dev, &dev->data->tx_queues[qid], qid, NULL);
}

static int
memif_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct memif_queue *q = dev->data->rx_queues[i];

		if (q == NULL)
			continue;
		stats->ipackets += q->pkts;
		stats->ibytes += q->bytes;
		stats->ierrors += q->errs;
		stats->rx_nombuf += q->nombuf;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[i] = q->pkts;
			stats->q_ibytes[i] = q->bytes;
			stats->q_errors[i] = q->errs;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct memif_queue *q = dev->data->tx_queues[i];

		if (q == NULL)
			continue;
		stats->opackets += q->pkts;
		stats->obytes += q->bytes;
		stats->oerrors += q->errs;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[i] = q->pkts;
			stats->q_obytes[i] = q->bytes;
		}
	}
	return 0;
}

static void
memif_queues_stats_clear(void **queues, uint16_t nb)
{
	uint16_t i;

	for (i = 0; i < nb; i++) {
		struct memif_queue *q = queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->errs = q->nombuf = 0;
	}
}

static int
memif_stats_reset(struct rte_eth_dev *dev)
{
	memif_queues_stats_clear(dev->data->rx_queues, dev->data->nb_rx_queues);
	memif_queues_stats_clear(dev->data->tx_queues, dev->data->nb_tx_queues);
	return 0;
}

/* A memif port carries whatever it is given: no filtering to switch. */
static int
memif_promiscuous_noop(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
memif_mtu_set(struct rte_eth_dev *dev __rte_unused, uint16_t mtu __rte_unused)
{
	return 0;
}

static const struct eth_dev_ops memif_ops = {
	.dev_configure = memif_dev_configure,
	.dev_start = memif_dev_start,
	.dev_stop = memif_dev_stop,
	.dev_close = memif_dev_close,
	.link_update = memif_link_update,
	.promiscuous_enable = memif_promiscuous_noop,
	.promiscuous_disable = memif_promiscuous_noop,
	.allmulticast_enable = memif_promiscuous_noop,
	.allmulticast_disable = memif_promiscuous_noop,
	.mtu_set = memif_mtu_set,
	.stats_get = memif_stats_get,
	.stats_reset = memif_stats_reset,
	.dev_infos_get = memif_dev_infos_get,
	.rx_queue_setup = memif_rx_queue_setup,
	.tx_queue_setup = memif_tx_queue_setup,
	.rx_queue_release = memif_rx_queue_release,
	.tx_queue_release = memif_tx_queue_release,
};

static int
memif_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct rte_ether_addr mac;
	struct memif_private *priv;
	struct rte_eth_dev *dev;
	uint16_t i;
	int ret;

	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa);
	if (priv == NULL) {
		MEMIF_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	for (i = 0; i < MEMIF_MAX_REGIONS; i++)
		priv->regions[i].fd = -1;
	ret = memif_args_parse(vdev, priv, &mac);
	if (ret != 0) {
		rte_free(priv);
		return ret;
	}
	/* from here rte_eth_dev_release_port frees priv and mac_addrs */
	dev = vdev_ethdev_allocate(vdev, priv, &memif_ops, RTE_ETH_SPEED_NUM_100G);
	if (dev == NULL)
		return -rte_errno;
	priv->dev = dev;
	dev->data->mac_addrs[0] = mac;
	ret = memif_socket_attach(priv);
	if (ret != 0)
		goto err_release;
	dev->rx_pkt_burst = memif_rx_burst;
	dev->tx_pkt_burst = memif_tx_burst;
	rte_eth_dev_probing_finish(dev);
	MEMIF_LOG(INFO, "%s: %s id %u on %s%s, 2^%u descriptors of %u bytes\n", name,
		  priv->server ? "server" : "client", priv->id,
		  priv->abstract ? "abstract socket " : "", priv->path, priv->log2_ring,
		  priv->bsize);
	return 0;

err_release:
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
memif_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed through rte_eth_dev_close already */
	memif_dev_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver memif_driver = {
	.probe = memif_probe,
	.remove = memif_remove,
};

RTE_PMD_REGISTER_VDEV(net_memif, memif_driver);
RTE_PMD_REGISTER_PARAM_STRING(
	net_memif, "id=<int> role=server|client bsize=<int> rsize=<int> socket=<string> "
		   "socket-abstract=yes|no mac=xx:xx:xx:xx:xx:xx zero-copy=no secret=<string>");
