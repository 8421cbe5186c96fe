/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap control path: devargs (iface, mac, as DPDK's net_tap), the TAP
 * device and its queue fds, port operations. The device is not persistent:
 * it goes away with its last fd, so a port's close (or the process dying)
 * removes it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_tun.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include <bus_vdev_driver.h>
#include <linux_netif.h>

#include "tap.h"

RTE_LOG_REGISTER(tap_logtype, pmd.net.tap, NOTICE);

#define TAP_ARG_IFACE "iface"
#define TAP_ARG_MAC "mac"
#define TAP_MAC_FIXED "fixed"
#define TAP_DFLT_NAME "dtap"
#define TAP_TUN_PATH "/dev/net/tun"
/* tun.c: max_mtu = 65535 - the Ethernet header */
#define TAP_MAX_MTU (65535 - RTE_ETHER_HDR_LEN)

static const char *const tap_valid_args[] = { TAP_ARG_IFACE, TAP_ARG_MAC, NULL };

/* Next default name to try, dtap<unit>; DPDK counts the same way. */
static unsigned int tap_unit;

struct tap_args {
	char name[IFNAMSIZ];
	bool named;
	bool mac_given;
	struct rte_ether_addr mac;
};

static int
tap_args_parse(struct rte_vdev_device *vdev, struct tap_args *args)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_kvargs *kv;
	unsigned int i;
	int ret = 0;

	kv = rte_vdev_kvargs_parse(vdev, tap_valid_args);
	if (kv == NULL)
		return -EINVAL;
	for (i = 0; i < kv->count && ret == 0; i++) {
		const char *key = kv->pairs[i].key;
		const char *val = kv->pairs[i].value;

		if (strcmp(key, TAP_ARG_IFACE) == 0) {
			if (val == NULL || val[0] == '\0' || strlen(val) >= IFNAMSIZ ||
			    strpbrk(val, "/: \t") != NULL)
				ret = rte_vdev_arg_invalid(name, key, val,
					"an interface name of 1 to 15 characters without "
					"'/', ':' or spaces");
			else
				strlcpy(args->name, val, sizeof(args->name));
			args->named = true;
		} else if (strcmp(key, TAP_ARG_MAC) == 0) {
			args->mac_given = true;
			if (val != NULL && strcmp(val, TAP_MAC_FIXED) == 0) {
				/* DPDK's fixed MAC: 02:'d':'t':'a':'p':<unit> */
				const uint8_t fixed[] = { 0x02, 'd', 't', 'a', 'p' };

				memcpy(args->mac.addr_bytes, fixed, sizeof(fixed));
				args->mac.addr_bytes[5] = (uint8_t)tap_unit;
			} else if (val == NULL || rte_ether_unformat_addr(val, &args->mac) != 0 ||
				   !rte_is_unicast_ether_addr(&args->mac) ||
				   rte_is_zero_ether_addr(&args->mac)) {
				ret = rte_vdev_arg_invalid(name, key, val,
					"a unicast address like 02:00:00:00:00:01, or 'fixed'");
			}
		}
	}
	rte_kvargs_free(kv);
	return ret;
}

/* Open one queue of the TAP device name (creating it when excl). */
static int
tap_queue_fd_open(char name[IFNAMSIZ], bool excl)
{
	struct ifreq ifr;
	int fd, ret;

	fd = open(TAP_TUN_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE | (excl ? IFF_TUN_EXCL : 0);
	strlcpy(ifr.ifr_name, name, IFNAMSIZ);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		ret = -errno;
		close(fd);
		return ret;
	}
	/* the kernel may have filled in a %d */
	strlcpy(name, ifr.ifr_name, IFNAMSIZ);
	return fd;
}

/* Create the device: the given name, or the first free dtap<n>. */
static int
tap_device_create(const char *dev_name, struct tap_args *args)
{
	unsigned int tries = args->named ? 1 : 64;
	int fd = -EBUSY;

	while (tries-- > 0) {
		if (!args->named)
			snprintf(args->name, sizeof(args->name), TAP_DFLT_NAME "%u", tap_unit++);
		fd = tap_queue_fd_open(args->name, true);
		if (fd != -EBUSY)
			break;
	}
	if (fd >= 0)
		return fd;
	if (fd == -EBUSY)
		TAP_LOG(ERR, "%s: interface '%s' already exists: choose another name with "
			"iface=<name> or remove it (ip link del %s)\n", dev_name, args->name,
			args->name);
	else if (fd == -ENOENT || fd == -ENODEV)
		TAP_LOG(ERR, "%s: cannot open " TAP_TUN_PATH ": %s; load the tun module "
			"(modprobe tun)\n", dev_name, strerror(-fd));
	else if (fd == -EPERM || fd == -EACCES)
		TAP_LOG(ERR, "%s: cannot create TAP interface '%s': %s; run as root or with "
			"CAP_NET_ADMIN\n", dev_name, args->name, strerror(-fd));
	else
		TAP_LOG(ERR, "%s: cannot create TAP interface '%s': %s\n", dev_name,
			args->name, strerror(-fd));
	return fd;
}

/* IFF_* flags of the TAP interface: set those in set, clear those in clear. */
static int
tap_if_flags_update(const struct tap_private *priv, short set, short clear)
{
	return netif_flags_update(priv->ioctl_fd, priv->name, set, clear);
}

int
tap_link_update(struct rte_eth_dev *dev, int wait_to_complete __rte_unused)
{
	struct tap_private *priv = dev->data->dev_private;

	return netif_link_update(dev, priv->ioctl_fd, priv->name);
}

/* One fd per Rx queue (at least one); fds[0] stays for the device's life. */
static int
tap_dev_configure(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	uint16_t want = RTE_MAX(dev->data->nb_rx_queues, (uint16_t)1), q;
	int fd;

	for (q = want; q < priv->nb_fds; q++) {
		close(priv->fds[q]);
		priv->fds[q] = -1;
	}
	for (q = priv->nb_fds; q < want; q++) {
		fd = tap_queue_fd_open(priv->name, false);
		if (fd < 0) {
			TAP_LOG(ERR, "%s: cannot open queue %u of '%s': %s\n", dev->data->name,
				q, priv->name, strerror(-fd));
			priv->nb_fds = q;
			return fd;
		}
		priv->fds[q] = fd;
	}
	priv->nb_fds = want;
	return 0;
}

static int
tap_dev_start(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	int ret;

	if (dev->data->dev_conf.intr_conf.lsc) {
		ret = tap_lsc_enable(dev);
		if (ret != 0)
			return ret;
	}
	ret = tap_if_flags_update(priv, IFF_UP, 0);
	if (ret != 0) {
		TAP_LOG(ERR, "%s: cannot set '%s' up: %s\n", dev->data->name, priv->name,
			strerror(-ret));
		tap_lsc_disable(dev);
		return ret;
	}
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	tap_link_update(dev, 0);
	return 0;
}

static int
tap_dev_stop(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	struct rte_eth_link link = { .link_speed = RTE_ETH_SPEED_NUM_NONE };

	tap_lsc_disable(dev);
	tap_if_flags_update(priv, 0, IFF_UP);
	rte_eth_linkstatus_set(dev, &link);
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	return 0;
}

static int
tap_dev_set_link_up(struct rte_eth_dev *dev)
{
	return tap_if_flags_update(dev->data->dev_private, IFF_UP, 0);
}

static int
tap_dev_set_link_down(struct rte_eth_dev *dev)
{
	return tap_if_flags_update(dev->data->dev_private, 0, IFF_UP);
}

static void
tap_rxq_free(struct tap_rx_queue *rxq)
{
	if (rxq->stash_n > 0)
		rte_pktmbuf_free_bulk(rxq->stash, rxq->stash_n);
	rxq->stash_n = 0;
	rte_free(rxq->spill);
	rxq->spill = NULL;
}

static void
tap_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct tap_private *priv = dev->data->dev_private;

	tap_rxq_free(&priv->rxq[qid]);
}

/* Everything but priv itself, which rte_eth_dev_release_port frees. */
static void
tap_priv_release(struct tap_private *priv)
{
	unsigned int q;

	for (q = 0; q < TAP_MAX_QUEUES; q++) {
		tap_rxq_free(&priv->rxq[q]);
		if (priv->fds[q] >= 0)
			close(priv->fds[q]);
		priv->fds[q] = -1;
	}
	priv->nb_fds = 0;
	if (priv->ioctl_fd >= 0)
		close(priv->ioctl_fd);
	priv->ioctl_fd = -1;
}

static int
tap_dev_close(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	uint16_t q;

	if (priv == NULL || priv->ioctl_fd < 0)
		return 0;
	tap_lsc_disable(dev);
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queues[q] = NULL;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queues[q] = NULL;
	/* the last fd closed removes the interface */
	tap_priv_release(priv);
	return 0;
}

static int
tap_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct tap_private *priv = dev->data->dev_private;

	info->if_index = (unsigned int)priv->ifindex;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = TAP_MAX_FRAME;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = TAP_MAX_MTU;
	info->max_rx_queues = TAP_MAX_QUEUES;
	info->max_tx_queues = TAP_MAX_QUEUES;
	info->min_rx_bufsize = 0;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER | RTE_ETH_RX_OFFLOAD_CHECKSUM;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
tap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		   unsigned int socket_id, const struct rte_eth_rxconf *conf,
		   struct rte_mempool *mp)
{
	struct tap_private *priv = dev->data->dev_private;
	struct tap_rx_queue *rxq = &priv->rxq[qid];
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads | conf->offloads;
	uint32_t buf = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	uint32_t need = (uint32_t)dev->data->mtu + RTE_ETHER_HDR_LEN + RTE_VLAN_HLEN;

	tap_rxq_free(rxq);
	rxq->scatter = (offloads & RTE_ETH_RX_OFFLOAD_SCATTER) != 0;
	rxq->csum = (offloads & RTE_ETH_RX_OFFLOAD_CHECKSUM) != 0;
	/* DPDK's net_tap takes such a queue (applications such as its
	 * ip_reassembly example rely on it): warn, and drop what does not fit */
	if (!rxq->scatter && buf < need)
		TAP_LOG(WARNING, "%s: Rx queue %u: frames over %u bytes (MTU %u allows %u) will be "
			"dropped and counted in ierrors: use larger mbufs or enable "
			"RTE_ETH_RX_OFFLOAD_SCATTER\n",
			dev->data->name, qid, buf, dev->data->mtu, need);
	rxq->spill = rte_malloc_socket("tap_spill", TAP_MAX_FRAME, 0, (int)socket_id);
	if (rxq->spill == NULL)
		return -ENOMEM;
	rxq->fd = priv->fds[qid];
	rxq->mb_pool = mp;
	rxq->port_id = dev->data->port_id;
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

static int
tap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		   unsigned int socket_id __rte_unused,
		   const struct rte_eth_txconf *conf __rte_unused)
{
	struct tap_private *priv = dev->data->dev_private;

	/* writes through any queue fd reach the kernel alike */
	priv->txq[qid].fd = priv->fds[qid % priv->nb_fds];
	dev->data->tx_queues[qid] = &priv->txq[qid];
	return 0;
}

static int
tap_promiscuous_enable(struct rte_eth_dev *dev)
{
	return tap_if_flags_update(dev->data->dev_private, IFF_PROMISC, 0);
}

static int
tap_promiscuous_disable(struct rte_eth_dev *dev)
{
	return tap_if_flags_update(dev->data->dev_private, 0, IFF_PROMISC);
}

static int
tap_allmulticast_enable(struct rte_eth_dev *dev)
{
	return tap_if_flags_update(dev->data->dev_private, IFF_ALLMULTI, 0);
}

static int
tap_allmulticast_disable(struct rte_eth_dev *dev)
{
	return tap_if_flags_update(dev->data->dev_private, 0, IFF_ALLMULTI);
}

static int
tap_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct tap_private *priv = dev->data->dev_private;

	return netif_mtu_set(priv->ioctl_fd, priv->name, mtu);
}

static int
tap_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct tap_private *priv = dev->data->dev_private;
	int ret = netif_hwaddr_set(priv->ioctl_fd, priv->name, addr);

	if (ret == 0)
		priv->mac = *addr;
	return ret;
}

static int
tap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct tap_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct tap_rx_queue *rxq = &priv->rxq[q];

		stats->ipackets += rxq->pkts;
		stats->ibytes += rxq->bytes;
		stats->ierrors += rxq->errs;
		stats->rx_nombuf += rxq->nombuf;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[q] = rxq->pkts;
			stats->q_ibytes[q] = rxq->bytes;
			stats->q_errors[q] = rxq->errs;
		}
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		const struct tap_tx_queue *txq = &priv->txq[q];

		stats->opackets += txq->pkts;
		stats->obytes += txq->bytes;
		stats->oerrors += txq->errs;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[q] = txq->pkts;
			stats->q_obytes[q] = txq->bytes;
		}
	}
	return 0;
}

static int
tap_stats_reset(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	unsigned int q;

	for (q = 0; q < TAP_MAX_QUEUES; q++) {
		priv->rxq[q].pkts = priv->rxq[q].bytes = 0;
		priv->rxq[q].errs = priv->rxq[q].nombuf = 0;
		priv->txq[q].pkts = priv->txq[q].bytes = priv->txq[q].errs = 0;
	}
	return 0;
}

static const struct eth_dev_ops tap_ops = {
	.dev_configure = tap_dev_configure,
	.dev_start = tap_dev_start,
	.dev_stop = tap_dev_stop,
	.dev_set_link_up = tap_dev_set_link_up,
	.dev_set_link_down = tap_dev_set_link_down,
	.dev_close = tap_dev_close,
	.link_update = tap_link_update,
	.promiscuous_enable = tap_promiscuous_enable,
	.promiscuous_disable = tap_promiscuous_disable,
	.allmulticast_enable = tap_allmulticast_enable,
	.allmulticast_disable = tap_allmulticast_disable,
	.mac_addr_set = tap_mac_addr_set,
	.mtu_set = tap_mtu_set,
	.stats_get = tap_stats_get,
	.stats_reset = tap_stats_reset,
	.dev_infos_get = tap_dev_infos_get,
	.dev_supported_ptypes_get = tap_supported_ptypes_get,
	.rx_queue_setup = tap_rx_queue_setup,
	.rx_queue_release = tap_rx_queue_release,
	.tx_queue_setup = tap_tx_queue_setup,
};

/*
 * A secondary (a statistics or capture tool) attaches to the primary's port:
 * the tap fds are the primary's, so this process's burst functions never
 * touch them; the counters are read in place in the shared private part.
 */
static int
tap_port_attach(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return -ENODEV;
	dev->device = &vdev->device;
	dev->dev_ops = &tap_ops;
	dev->rx_pkt_burst = rte_eth_pkt_burst_dummy;
	dev->tx_pkt_burst = rte_eth_pkt_burst_dummy;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
tap_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct tap_args args;
	struct tap_private *priv;
	struct rte_eth_dev *dev;
	unsigned int q;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return tap_port_attach(vdev);
	memset(&args, 0, sizeof(args));
	ret = tap_args_parse(vdev, &args);
	if (ret != 0)
		return ret;
	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa);
	if (priv == NULL) {
		TAP_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	for (q = 0; q < TAP_MAX_QUEUES; q++)
		priv->fds[q] = -1;
	priv->lsc_fd = -1;
	priv->ioctl_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (priv->ioctl_fd < 0) {
		ret = -errno;
		TAP_LOG(ERR, "%s: cannot open a control socket: %s\n", name, strerror(-ret));
		rte_free(priv);
		return ret;
	}
	ret = tap_device_create(name, &args);
	if (ret < 0) {
		tap_priv_release(priv);
		rte_free(priv);
		return ret;
	}
	priv->fds[0] = ret;
	priv->nb_fds = 1;
	strlcpy(priv->name, args.name, sizeof(priv->name));
	priv->ifindex = (int)if_nametoindex(priv->name);
	if (args.mac_given)
		priv->mac = args.mac;
	else
		rte_eth_random_addr(priv->mac.addr_bytes);
	/* the kernel side takes the port's address, as with DPDK's net_tap */
	ret = netif_hwaddr_set(priv->ioctl_fd, priv->name, &priv->mac);
	if (ret != 0) {
		TAP_LOG(ERR, "%s: cannot set the MAC address of '%s': %s\n", name, priv->name,
			strerror(-ret));
		goto err_free;
	}
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL) {
		ret = -rte_errno;
		goto err_free;
	}
	/* from here rte_eth_dev_release_port frees priv and mac_addrs */
	dev->data->dev_private = priv;
	dev->device = &vdev->device;
	dev->dev_ops = &tap_ops;
	dev->data->numa_node = numa;
	dev->data->dev_flags = RTE_ETH_DEV_INTR_LSC;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0, numa);
	if (dev->data->mac_addrs == NULL) {
		TAP_LOG(ERR, "%s: out of memory\n", name);
		tap_priv_release(priv);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	dev->data->mac_addrs[0] = priv->mac;
	ret = netif_mtu_get(priv->ioctl_fd, priv->name);
	if (ret > 0)
		dev->data->mtu = (uint16_t)ret;
	dev->rx_pkt_burst = tap_rx_burst;
	dev->tx_pkt_burst = tap_tx_burst;
	rte_eth_dev_probing_finish(dev);
	TAP_LOG(INFO, "%s: TAP interface %s\n", name, priv->name);
	return 0;

err_free:
	tap_priv_release(priv);
	rte_free(priv);
	return ret;
}

static int
tap_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;	/* closed through rte_eth_dev_close already */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev); /* the primary owns the interface */
	if (dev->data->dev_started)
		tap_dev_stop(dev);
	tap_dev_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver tap_driver = {
	.probe = tap_probe,
	.remove = tap_remove,
};

RTE_PMD_REGISTER_VDEV(net_tap, tap_driver);
RTE_PMD_REGISTER_ALIAS(net_tap, eth_tap);
RTE_PMD_REGISTER_PARAM_STRING(net_tap, "iface=<string> mac=fixed|<xx:xx:xx:xx:xx:xx>");
