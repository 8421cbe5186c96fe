/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_xdp control path: devargs, probe and close, port operations.
 * Devargs as DPDK 22.11's: iface, start_queue, queue_count, shared_umem,
 * xdp_prog, busy_budget, force_copy.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if_arp.h>
#include <sys/socket.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include <bus_vdev_driver.h>
#include <linux_netif.h>

#include "af_xdp.h"

RTE_LOG_REGISTER(afx_logtype, pmd.net.af_xdp, NOTICE);

#define AFX_ARG_IFACE "iface"
#define AFX_ARG_START_QUEUE "start_queue"
#define AFX_ARG_QUEUE_COUNT "queue_count"
#define AFX_ARG_SHARED_UMEM "shared_umem"
#define AFX_ARG_XDP_PROG "xdp_prog"
#define AFX_ARG_BUSY_BUDGET "busy_budget"
#define AFX_ARG_FORCE_COPY "force_copy"

static const char *const afx_valid_args[] = {
	AFX_ARG_IFACE,	  AFX_ARG_START_QUEUE, AFX_ARG_QUEUE_COUNT, AFX_ARG_SHARED_UMEM,
	AFX_ARG_XDP_PROG, AFX_ARG_BUSY_BUDGET, AFX_ARG_FORCE_COPY,  NULL};

/* Strict unsigned decimal, no sign, no trailing text; UINT32_MAX if not. */
static uint32_t
afx_parse_u32(const char *s)
{
	unsigned long v;
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return UINT32_MAX;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v >= UINT32_MAX)
		return UINT32_MAX;
	return (uint32_t)v;
}

/* One devarg other than iface; returns 0 or what rte_vdev_arg_invalid returns. */
static int
afx_arg_apply(const char *name, struct afx_private *priv, const char *key, const char *val)
{
	uint32_t v = afx_parse_u32(val);

	if (strcmp(key, AFX_ARG_XDP_PROG) == 0) {
		if (val == NULL || val[0] == '\0' || strlen(val) >= sizeof(priv->prog_path))
			return rte_vdev_arg_invalid(name, key, val, "the path of a BPF object");
		if (access(val, R_OK) != 0) {
			AFX_LOG(ERR,
				"%s: xdp_prog '%s' cannot be read: %s; give the path of an "
				"XDP object built with 'clang -target bpf'\n",
				name, val, strerror(errno));
			return -ENOENT;
		}
		strlcpy(priv->prog_path, val, sizeof(priv->prog_path));
	} else if (strcmp(key, AFX_ARG_START_QUEUE) == 0) {
		if (v == UINT32_MAX || v > INT32_MAX)
			return rte_vdev_arg_invalid(name, key, val, "a queue index from 0");
		priv->start_queue = v;
	} else if (strcmp(key, AFX_ARG_QUEUE_COUNT) == 0) {
		if (v < 1 || v > AFX_MAX_QPAIRS || v > RTE_MAX_QUEUES_PER_PORT)
			return rte_vdev_arg_invalid(name, key, val,
						    "a number from 1 to " RTE_STR(AFX_MAX_QPAIRS));
		priv->nb_qpairs = (uint16_t)v;
	} else if (strcmp(key, AFX_ARG_SHARED_UMEM) == 0) {
		if (v > 1)
			return rte_vdev_arg_invalid(name, key, val, "0 or 1");
		priv->shared_umem = v == 1;
	} else if (strcmp(key, AFX_ARG_BUSY_BUDGET) == 0) {
		if (v > INT32_MAX)
			return rte_vdev_arg_invalid(name, key, val,
						    "a number of packets, 0 for no busy polling");
		priv->busy_budget = v;
	} else if (strcmp(key, AFX_ARG_FORCE_COPY) == 0) {
		if (v > 1)
			return rte_vdev_arg_invalid(name, key, val, "0 or 1");
		priv->force_copy = v == 1;
	}
	return 0;
}

static int
afx_args_parse(struct rte_vdev_device *vdev, struct afx_private *priv)
{
	const char *name = rte_vdev_device_name(vdev);
	const char *iface = NULL;
	struct rte_kvargs *kv;
	unsigned int i;
	int ret = 0;

	kv = rte_vdev_kvargs_parse(vdev, afx_valid_args);
	if (kv == NULL)
		return -EINVAL;
	priv->nb_qpairs = 1;
	priv->busy_budget = AFX_DFLT_BUSY_BUDGET;
	for (i = 0; i < kv->count && ret == 0; i++) {
		const char *key = kv->pairs[i].key;
		const char *val = kv->pairs[i].value;

		if (strcmp(key, AFX_ARG_IFACE) != 0) {
			ret = afx_arg_apply(name, priv, key, val);
			continue;
		}
		if (val == NULL || val[0] == '\0' || strlen(val) >= IFNAMSIZ)
			ret = rte_vdev_arg_invalid(name, key, val,
						   "an interface name of 1 to 15 characters");
		iface = val;
	}
	if (ret == 0 && iface == NULL) {
		AFX_LOG(ERR, "%s: no interface given: add iface=<name> (see 'ip link')\n", name);
		ret = -EINVAL;
	}
	if (ret == 0 && (uint64_t)priv->start_queue + priv->nb_qpairs > INT32_MAX) {
		AFX_LOG(ERR,
			"%s: start_queue=%u plus queue_count=%u is out of range: lower "
			"start_queue\n",
			name, priv->start_queue, priv->nb_qpairs);
		ret = -EINVAL;
	}
	if (ret == 0)
		strlcpy(priv->iface, iface, sizeof(priv->iface));
	rte_kvargs_free(kv);
	return ret;
}

/*
 * The queues the interface has, from ETHTOOL_GCHANNELS; 0 if the driver
 * does not say (then bind() is the judge). Drivers that report Rx and Tx
 * counts apart (veth) count their Rx queues there; NICs count combined
 * channels plus Rx-only ones.
 */
static uint32_t
afx_iface_rx_queues(const struct afx_private *priv)
{
	struct ethtool_channels ch = {.cmd = ETHTOOL_GCHANNELS};
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_data = (void *)&ch;
	if (netif_ioctl(priv->ctl_fd, priv->iface, SIOCETHTOOL, &ifr) != 0)
		return 0;
	if (ch.rx_count != 0 && ch.tx_count != 0)
		return RTE_MAX(ch.rx_count, ch.combined_count);
	return ch.combined_count + ch.rx_count;
}

/* The interface must exist, be up, be Ethernet and have the queues asked for. */
static int
afx_iface_check(const char *name, struct afx_private *priv, struct rte_eth_dev *dev)
{
	uint32_t end = priv->start_queue + priv->nb_qpairs, nb_q;
	struct ifreq ifr;
	int type, mtu;

	memset(&ifr, 0, sizeof(ifr));
	if (netif_ioctl(priv->ctl_fd, priv->iface, SIOCGIFFLAGS, &ifr) != 0 ||
	    !(ifr.ifr_flags & IFF_UP)) {
		AFX_LOG(ERR,
			"%s: interface '%s' is down: bring it up with 'ip link set dev %s "
			"up'\n",
			name, priv->iface, priv->iface);
		return -ENETDOWN;
	}
	type = netif_hwaddr_get(priv->ctl_fd, priv->iface, &dev->data->mac_addrs[0]);
	if (type != ARPHRD_ETHER) {
		AFX_LOG(ERR,
			"%s: '%s' is not an Ethernet interface: give an Ethernet one with "
			"iface=<name>\n",
			name, priv->iface);
		return -ENOTSUP;
	}
	nb_q = afx_iface_rx_queues(priv);
	if (nb_q != 0 && end > nb_q) {
		AFX_LOG(ERR,
			"%s: start_queue=%u queue_count=%u needs %u queues but '%s' has %u: "
			"add channels with 'ethtool -L %s combined %u', or lower "
			"start_queue/queue_count\n",
			name, priv->start_queue, priv->nb_qpairs, end, priv->iface, nb_q,
			priv->iface, end);
		return -EINVAL;
	}
	mtu = netif_mtu_get(priv->ctl_fd, priv->iface);
	if (mtu > 0)
		dev->data->mtu = (uint16_t)RTE_MIN(mtu, UINT16_MAX);
	return 0;
}

static int
afx_link_update(struct rte_eth_dev *dev, int wait_to_complete __rte_unused)
{
	struct afx_private *priv = dev->data->dev_private;

	/* a stopped port is down whatever the interface says */
	return netif_link_update(dev, dev->data->dev_started ? priv->ctl_fd : -1, priv->iface);
}

static int
afx_dev_start(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;
	uint16_t q;

	/* a queue pair's socket is made with its Rx queue */
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		if (priv->qp[q].xsk == NULL) {
			AFX_LOG(ERR,
				"%s: Tx queue %u has no XDP socket: set up Rx queue %u too "
				"(the socket is made with the Rx queue's mempool)\n",
				dev->data->name, q, q);
			return -EINVAL;
		}
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	dev->data->dev_started = 1;
	afx_link_update(dev, 0);
	return 0;
}

static int
afx_dev_stop(struct rte_eth_dev *dev)
{
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	dev->data->dev_started = 0;
	afx_link_update(dev, 0);
	return 0;
}

static int
afx_dev_configure(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	/* the program redirects every queue of queue_count to its socket */
	if (dev->data->nb_rx_queues < priv->nb_qpairs)
		AFX_LOG(WARNING,
			"%s: %u Rx queues for queue_count=%u: what the interface "
			"puts on the queues left out fills their sockets and is dropped; "
			"configure %u Rx queues or pass queue_count=%u\n",
			dev->data->name, dev->data->nb_rx_queues, priv->nb_qpairs, priv->nb_qpairs,
			dev->data->nb_rx_queues);
	return 0;
}

static int
afx_dev_set_link_up(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_flags_update(priv->ctl_fd, priv->iface, IFF_UP, 0);
}

static int
afx_dev_set_link_down(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_flags_update(priv->ctl_fd, priv->iface, 0, IFF_UP);
}

/* Sockets first (they leave the map), then the program, then the ioctl fd. */
static void
afx_resources_free(struct afx_private *priv)
{
	uint16_t q;

	/* last first: with shared_umem the later pairs use pair 0's UMEM */
	if (priv->qp != NULL)
		for (q = priv->nb_qpairs; q-- > 0;)
			afx_qpair_close(priv, q);
	rte_free(priv->qp);
	priv->qp = NULL;
	afx_prog_detach(priv);
	if (priv->ctl_fd >= 0)
		close(priv->ctl_fd);
	priv->ctl_fd = -1;
}

static int
afx_dev_close(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;
	uint16_t q;

	if (priv == NULL)
		return 0;
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queues[q] = NULL;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queues[q] = NULL;
	afx_resources_free(priv);
	return 0;
}

static int
afx_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct afx_private *priv = dev->data->dev_private;

	info->if_index = (unsigned int)priv->ifindex;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = AFX_PKT_MAX;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = AFX_PKT_MAX - RTE_ETHER_HDR_LEN;
	info->max_rx_queues = priv->nb_qpairs;
	info->max_tx_queues = priv->nb_qpairs;
	info->min_rx_bufsize = AFX_PKT_MAX;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->default_rxportconf.ring_size = AFX_RING_SIZE;
	info->default_txportconf.ring_size = AFX_RING_SIZE;
	info->default_rxportconf.burst_size = AFX_DFLT_BUSY_BUDGET;
	info->default_txportconf.burst_size = AFX_DFLT_BUSY_BUDGET;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
afx_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		   unsigned int socket_id __rte_unused,
		   const struct rte_eth_rxconf *conf __rte_unused, struct rte_mempool *mp)
{
	struct afx_private *priv = dev->data->dev_private;
	struct afx_qpair *qp = &priv->qp[qid];
	struct afx_rx_queue *rxq = &qp->rx;
	uint32_t buf = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	int ret;

	if (buf < AFX_PKT_MAX) {
		AFX_LOG(ERR,
			"%s: Rx queue %u: mbufs of %u bytes cannot hold a %u-byte packet: "
			"create the pool with RTE_MBUF_DEFAULT_BUF_SIZE or more\n",
			dev->data->name, qid, buf, AFX_PKT_MAX);
		return -ENOMEM;
	}
	if (qp->xsk != NULL && rxq->mb_pool != mp) {
		if (priv->shared_umem && qid == 0 && priv->nb_qpairs > 1 &&
		    priv->qp[1].umem_borrowed) {
			AFX_LOG(ERR,
				"%s: Rx queue 0 cannot change mempool while the other queues "
				"share its UMEM: close the port and set it up again\n",
				dev->data->name);
			return -EBUSY;
		}
		afx_qpair_close(priv, qid);
	}
	if (qp->xsk == NULL) {
		ret = afx_qpair_open(dev->data->name, priv, qid, mp);
		if (ret != 0) {
			afx_qpair_close(priv, qid);
			return ret;
		}
	}
	rxq->mb_pool = mp;
	rxq->port_id = dev->data->port_id;
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

static int
afx_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		   unsigned int socket_id __rte_unused,
		   const struct rte_eth_txconf *conf __rte_unused)
{
	struct afx_private *priv = dev->data->dev_private;

	dev->data->tx_queues[qid] = &priv->qp[qid].tx;
	return 0;
}

static int
afx_promiscuous_enable(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_flags_update(priv->ctl_fd, priv->iface, IFF_PROMISC, 0);
}

static int
afx_promiscuous_disable(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_flags_update(priv->ctl_fd, priv->iface, 0, IFF_PROMISC);
}

static int
afx_allmulticast_enable(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_flags_update(priv->ctl_fd, priv->iface, IFF_ALLMULTI, 0);
}

static int
afx_allmulticast_disable(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_flags_update(priv->ctl_fd, priv->iface, 0, IFF_ALLMULTI);
}

static int
afx_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct afx_private *priv = dev->data->dev_private;

	if ((uint32_t)mtu + RTE_ETHER_HDR_LEN > AFX_PKT_MAX) {
		AFX_LOG(ERR,
			"%s: MTU %u does not fit the UMEM frames: use an MTU of %u or "
			"less\n",
			dev->data->name, mtu, AFX_PKT_MAX - RTE_ETHER_HDR_LEN);
		return -EINVAL;
	}
	return netif_mtu_set(priv->ctl_fd, priv->iface, mtu);
}

static int
afx_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct afx_private *priv = dev->data->dev_private;

	return netif_hwaddr_set(priv->ctl_fd, priv->iface, addr);
}

/* The kernel's counts of a queue since the last reset. */
static void
afx_qpair_kstats_since_reset(const struct afx_qpair *qp, struct xdp_statistics *st)
{
	if (afx_qpair_kstats(qp, st) != 0)
		return;
	st->rx_dropped -= qp->kstats_base.rx_dropped;
	st->rx_invalid_descs -= qp->kstats_base.rx_invalid_descs;
	st->tx_invalid_descs -= qp->kstats_base.tx_invalid_descs;
	st->rx_ring_full -= qp->kstats_base.rx_ring_full;
	st->rx_fill_ring_empty_descs -= qp->kstats_base.rx_fill_ring_empty_descs;
	st->tx_ring_empty_descs -= qp->kstats_base.tx_ring_empty_descs;
}

static int
afx_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct afx_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < priv->nb_qpairs; q++) {
		const struct afx_qpair *qp = &priv->qp[q];
		struct xdp_statistics ks;

		afx_qpair_kstats_since_reset(qp, &ks);
		stats->ipackets += qp->rx.pkts;
		stats->ibytes += qp->rx.bytes;
		stats->ierrors += qp->rx.errs;
		stats->rx_nombuf += qp->rx.nombuf;
		stats->imissed += ks.rx_dropped + ks.rx_ring_full;
		stats->opackets += qp->tx.pkts;
		stats->obytes += qp->tx.bytes;
		stats->oerrors += qp->tx.errs;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[q] = qp->rx.pkts;
			stats->q_ibytes[q] = qp->rx.bytes;
			stats->q_opackets[q] = qp->tx.pkts;
			stats->q_obytes[q] = qp->tx.bytes;
			stats->q_errors[q] = qp->rx.errs;
		}
	}
	return 0;
}

static int
afx_stats_reset(struct rte_eth_dev *dev)
{
	struct afx_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < priv->nb_qpairs; q++) {
		struct afx_qpair *qp = &priv->qp[q];

		/* the kernel's counts never reset: remember where they stand */
		afx_qpair_kstats(qp, &qp->kstats_base);
		qp->rx.pkts = qp->rx.bytes = qp->rx.errs = qp->rx.nombuf = 0;
		qp->tx.pkts = qp->tx.bytes = qp->tx.errs = 0;
	}
	return 0;
}

/*
 * The kernel's XDP_STATISTICS, summed over the queues, then how many
 * queues are bound zero-copy and how many have their mempool as UMEM.
 */
static const struct {
	const char *name;
	size_t off;
} afx_xstats[] = {
	{"rx_dropped", offsetof(struct xdp_statistics, rx_dropped)},
	{"rx_invalid_descs", offsetof(struct xdp_statistics, rx_invalid_descs)},
	{"tx_invalid_descs", offsetof(struct xdp_statistics, tx_invalid_descs)},
	{"rx_ring_full", offsetof(struct xdp_statistics, rx_ring_full)},
	{"rx_fill_ring_empty_descs", offsetof(struct xdp_statistics, rx_fill_ring_empty_descs)},
	{"tx_ring_empty_descs", offsetof(struct xdp_statistics, tx_ring_empty_descs)},
};

static const char *const afx_mode_xstats[] = {"xdp_zero_copy_queues", "umem_mempool_queues"};

#define AFX_NB_XSTATS (RTE_DIM(afx_xstats) + RTE_DIM(afx_mode_xstats))

static int
afx_xstats_get_names(struct rte_eth_dev *dev __rte_unused, struct rte_eth_xstat_name *names,
		     unsigned int size)
{
	unsigned int i;

	if (names == NULL || size < AFX_NB_XSTATS)
		return AFX_NB_XSTATS;
	for (i = 0; i < RTE_DIM(afx_xstats); i++)
		strlcpy(names[i].name, afx_xstats[i].name, sizeof(names[i].name));
	for (i = 0; i < RTE_DIM(afx_mode_xstats); i++)
		strlcpy(names[RTE_DIM(afx_xstats) + i].name, afx_mode_xstats[i],
			sizeof(names[0].name));
	return AFX_NB_XSTATS;
}

static int
afx_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n)
{
	struct afx_private *priv = dev->data->dev_private;
	unsigned int i;
	uint16_t q;

	if (xstats == NULL || n < AFX_NB_XSTATS)
		return AFX_NB_XSTATS;
	for (i = 0; i < AFX_NB_XSTATS; i++) {
		xstats[i].id = i;
		xstats[i].value = 0;
	}
	for (q = 0; q < priv->nb_qpairs; q++) {
		struct xdp_statistics ks;

		afx_qpair_kstats_since_reset(&priv->qp[q], &ks);
		for (i = 0; i < RTE_DIM(afx_xstats); i++)
			xstats[i].value += *(const uint64_t *)(const void *)((const uint8_t *)&ks +
									     afx_xstats[i].off);
		xstats[RTE_DIM(afx_xstats)].value += priv->qp[q].zero_copy;
		xstats[RTE_DIM(afx_xstats) + 1].value += priv->qp[q].mpu.mp != NULL;
	}
	return AFX_NB_XSTATS;
}

static const struct eth_dev_ops afx_ops = {
	.dev_configure = afx_dev_configure,
	.dev_start = afx_dev_start,
	.dev_stop = afx_dev_stop,
	.dev_set_link_up = afx_dev_set_link_up,
	.dev_set_link_down = afx_dev_set_link_down,
	.dev_close = afx_dev_close,
	.link_update = afx_link_update,
	.promiscuous_enable = afx_promiscuous_enable,
	.promiscuous_disable = afx_promiscuous_disable,
	.allmulticast_enable = afx_allmulticast_enable,
	.allmulticast_disable = afx_allmulticast_disable,
	.mac_addr_set = afx_mac_addr_set,
	.mtu_set = afx_mtu_set,
	.stats_get = afx_stats_get,
	.stats_reset = afx_stats_reset,
	.xstats_get = afx_xstats_get,
	.xstats_get_names = afx_xstats_get_names,
	.xstats_reset = afx_stats_reset,
	.dev_infos_get = afx_dev_infos_get,
	.rx_queue_setup = afx_rx_queue_setup,
	.tx_queue_setup = afx_tx_queue_setup,
};

/* The program now; the sockets come with the Rx queues. */
static int
afx_xdp_setup(const char *name, struct afx_private *priv, int numa)
{
	priv->qp = rte_zmalloc_socket(name, priv->nb_qpairs * sizeof(*priv->qp),
				      RTE_CACHE_LINE_SIZE, numa);
	if (priv->qp == NULL) {
		AFX_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	return afx_prog_attach(name, priv);
}

static int
afx_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct afx_private *priv;
	struct rte_eth_dev *dev;
	int ret;

	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa);
	if (priv == NULL) {
		AFX_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	priv->ctl_fd = -1;
	priv->prog_fd = -1;
	priv->map_fd = -1;
	ret = afx_args_parse(vdev, priv);
	if (ret != 0) {
		rte_free(priv);
		return ret;
	}
	priv->ifindex = (int)if_nametoindex(priv->iface);
	if (priv->ifindex == 0) {
		AFX_LOG(ERR,
			"%s: interface '%s' not found: give an existing one with "
			"iface=<name> (see 'ip link')\n",
			name, priv->iface);
		rte_free(priv);
		return -ENODEV;
	}
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL) {
		ret = -rte_errno;
		rte_free(priv);
		return ret;
	}
	/* from here rte_eth_dev_release_port frees priv and mac_addrs */
	dev->data->dev_private = priv;
	dev->device = &vdev->device;
	dev->dev_ops = &afx_ops;
	dev->data->numa_node = numa;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0, numa);
	priv->ctl_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (dev->data->mac_addrs == NULL || priv->ctl_fd < 0) {
		ret = dev->data->mac_addrs == NULL ? -ENOMEM : -errno;
		AFX_LOG(ERR, "%s: cannot set up: %s\n", name, strerror(-ret));
		goto out_release;
	}
	ret = afx_iface_check(name, priv, dev);
	if (ret == 0)
		ret = afx_xdp_setup(name, priv, numa);
	if (ret != 0)
		goto out_release;
	dev->rx_pkt_burst = afx_rx_burst;
	dev->tx_pkt_burst = afx_tx_burst;
	rte_eth_dev_probing_finish(dev);
	AFX_LOG(INFO, "%s: interface %s queues %u-%u, %s XDP hook, program %s\n", name, priv->iface,
		priv->start_queue, priv->start_queue + priv->nb_qpairs - 1,
		(priv->xdp_flags & XDP_FLAGS_DRV_MODE) ? "driver" : "generic",
		priv->prog_path[0] != '\0' ? priv->prog_path : "default");
	return 0;

out_release:
	afx_resources_free(priv);
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
afx_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed through rte_eth_dev_close already */
	if (dev->data->dev_started)
		afx_dev_stop(dev);
	afx_dev_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver afx_driver = {
	.probe = afx_probe,
	.remove = afx_remove,
};

RTE_PMD_REGISTER_VDEV(net_af_xdp, afx_driver);
RTE_PMD_REGISTER_ALIAS(net_af_xdp, eth_af_xdp);
RTE_PMD_REGISTER_PARAM_STRING(
	net_af_xdp, "iface=<string> start_queue=<int> queue_count=<int> shared_umem=<int> "
		    "xdp_prog=<string> busy_budget=<int> force_copy=<int>");
