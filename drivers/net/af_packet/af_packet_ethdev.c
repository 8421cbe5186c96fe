/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet control path: devargs, sockets and rings, port operations.
 * Devargs as DPDK's: iface, qpairs, blocksz, framesz, framecnt, qdisc_bypass.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <net/if_arp.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include <bus_vdev_driver.h>
#include <driver_args.h>
#include <linux_netif.h>

#include "af_packet.h"

RTE_LOG_REGISTER(afp_logtype, pmd.net.af_packet, NOTICE);

#define AFP_ARG_IFACE "iface"
#define AFP_ARG_QPAIRS "qpairs"
#define AFP_ARG_BLOCKSZ "blocksz"
#define AFP_ARG_FRAMESZ "framesz"
#define AFP_ARG_FRAMECNT "framecnt"
#define AFP_ARG_QDISC_BYPASS "qdisc_bypass"

static const char *const afp_valid_args[] = {
	AFP_ARG_IFACE, AFP_ARG_QPAIRS, AFP_ARG_BLOCKSZ, AFP_ARG_FRAMESZ,
	AFP_ARG_FRAMECNT, AFP_ARG_QDISC_BYPASS, NULL
};

/*
 * Where Rx packets start in a frame for a 14-byte MAC header: the kernel
 * aligns the network header at TPACKET_ALIGN(tp_hdrlen + 16) (tpacket_rcv).
 */
#define AFP_RX_NET_OFF TPACKET_ALIGN(TPACKET2_HDRLEN + 16)

static uint32_t
afp_max_rx_pktlen(const struct afp_private *priv)
{
	return priv->frame_size - AFP_RX_NET_OFF + RTE_ETHER_HDR_LEN;
}

static int
afp_args_parse(struct rte_vdev_device *vdev, struct afp_private *priv)
{
	const char *name = rte_vdev_device_name(vdev);
	uint32_t page = (uint32_t)sysconf(_SC_PAGESIZE);
	uint32_t qpairs = 1, per_block;
	struct rte_kvargs *kv;
	const char *iface = NULL;
	unsigned int i;
	int ret = 0;

	kv = rte_vdev_kvargs_parse(vdev, afp_valid_args);
	if (kv == NULL)
		return -EINVAL;
	priv->block_size = page;
	priv->frame_size = AFP_DFLT_FRAME_SIZE;
	priv->frame_cnt = AFP_DFLT_FRAME_COUNT;
	for (i = 0; i < kv->count && ret == 0; i++) {
		const char *key = kv->pairs[i].key;
		const char *val = kv->pairs[i].value;
		unsigned long ul = 0;
		uint32_t v;

		if (strcmp(key, AFP_ARG_IFACE) == 0) {
			if (val == NULL || val[0] == '\0' || strlen(val) >= IFNAMSIZ)
				ret = rte_vdev_arg_invalid(name, key, val,
					"an interface name of 1 to 15 characters");
			iface = val;
			continue;
		}
		v = driver_arg_uint(val, UINT32_MAX, &ul) == 0 ? (uint32_t)ul : UINT32_MAX;
		if (strcmp(key, AFP_ARG_QPAIRS) == 0) {
			if (v < 1 || v > AFP_MAX_QPAIRS || v > RTE_MAX_QUEUES_PER_PORT)
				ret = rte_vdev_arg_invalid(name, key, val, "a number from 1 to "
							   RTE_STR(AFP_MAX_QPAIRS));
			qpairs = v;
		} else if (strcmp(key, AFP_ARG_BLOCKSZ) == 0) {
			if (v == 0 || v == UINT32_MAX || v % page != 0) {
				char want[64];

				snprintf(want, sizeof(want), "a multiple of the page size (%u)",
					 page);
				ret = rte_vdev_arg_invalid(name, key, val, want);
			}
			priv->block_size = v;
		} else if (strcmp(key, AFP_ARG_FRAMESZ) == 0) {
			/* the kernel wants TPACKET_ALIGNMENT and room for the header */
			if (v < TPACKET_ALIGN(TPACKET2_HDRLEN) + RTE_ETHER_MIN_LEN ||
			    v == UINT32_MAX || v % TPACKET_ALIGNMENT != 0)
				ret = rte_vdev_arg_invalid(name, key, val,
					"a multiple of 16, at least 128");
			priv->frame_size = v;
		} else if (strcmp(key, AFP_ARG_FRAMECNT) == 0) {
			if (v == 0 || v == UINT32_MAX)
				ret = rte_vdev_arg_invalid(name, key, val,
					"a positive number of frames");
			priv->frame_cnt = v;
		} else if (strcmp(key, AFP_ARG_QDISC_BYPASS) == 0) {
			if (v > 1)
				ret = rte_vdev_arg_invalid(name, key, val, "0 or 1");
			priv->qdisc_bypass = v == 1;
		}
	}
	if (ret == 0 && iface == NULL) {
		AFP_LOG(ERR, "%s: no interface given: add iface=<name> (see 'ip link')\n", name);
		ret = -EINVAL;
	}
	if (ret == 0 && priv->frame_size > priv->block_size) {
		AFP_LOG(ERR, "%s: framesz=%u is larger than blocksz=%u: lower framesz or "
			"raise blocksz\n", name, priv->frame_size, priv->block_size);
		ret = -EINVAL;
	}
	if (ret == 0) {
		/* PACKET_RX_RING needs whole blocks: frames_per_block * block_nr */
		per_block = priv->block_size / priv->frame_size;
		if (priv->frame_cnt % per_block != 0) {
			AFP_LOG(ERR, "%s: framecnt=%u is not a multiple of the %u frames a "
				"block holds (blocksz/framesz): use framecnt=%u\n", name,
				priv->frame_cnt, per_block,
				RTE_MAX(per_block, priv->frame_cnt / per_block * per_block));
			ret = -EINVAL;
		}
	}
	if (ret == 0) {
		strlcpy(priv->iface, iface, sizeof(priv->iface));
		priv->nb_qpairs = (uint16_t)qpairs;
	}
	rte_kvargs_free(kv);
	return ret;
}

static void
afp_qpair_close(struct afp_qpair *qp)
{
	if (qp->map != NULL && qp->map != MAP_FAILED)
		munmap(qp->map, qp->map_len);
	qp->map = NULL;
	if (qp->fd >= 0)
		close(qp->fd);
	qp->fd = -1;
	rte_free(qp->rx.frames);
	qp->rx.frames = NULL;
	rte_free(qp->tx.frames);
	qp->tx.frames = NULL;
}

static int
afp_sockopt(int fd, int opt, const void *val, socklen_t len)
{
	return setsockopt(fd, SOL_PACKET, opt, val, len) < 0 ? -errno : 0;
}

/* Fill a ring's frame table: frames never straddle a block. */
static uint8_t **
afp_frames_map(const struct afp_private *priv, uint8_t *ring, int numa)
{
	uint32_t per_block = priv->block_size / priv->frame_size;
	uint8_t **frames;
	uint32_t i;

	frames = rte_zmalloc_socket("afp_frames", priv->frame_cnt * sizeof(*frames),
				    RTE_CACHE_LINE_SIZE, numa);
	if (frames == NULL)
		return NULL;
	for (i = 0; i < priv->frame_cnt; i++)
		frames[i] = ring + (size_t)(i / per_block) * priv->block_size +
			(size_t)(i % per_block) * priv->frame_size;
	return frames;
}

/*
 * One socket with an Rx and a Tx ring, bound to the interface. The socket
 * is opened with protocol 0 so that nothing from other interfaces lands in
 * its ring before bind() names ours.
 */
static int
afp_qpair_open(const char *name, struct afp_private *priv, uint16_t q, int numa)
{
	struct afp_qpair *qp = &priv->qp[q];
	struct tpacket_req req = {
		.tp_block_size = priv->block_size,
		.tp_block_nr = priv->frame_cnt / (priv->block_size / priv->frame_size),
		.tp_frame_size = priv->frame_size,
		.tp_frame_nr = priv->frame_cnt,
	};
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = priv->ifindex,
	};
	int one = 1, ver = TPACKET_V2, ret;
	size_t ring_len = (size_t)req.tp_block_size * req.tp_block_nr;
	const char *what;

	qp->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	if (qp->fd < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot open a packet socket: %s; run as root or with "
			"CAP_NET_RAW\n", name, strerror(-ret));
		return ret;
	}
	what = "PACKET_VERSION";
	ret = afp_sockopt(qp->fd, PACKET_VERSION, &ver, sizeof(ver));
	if (ret == 0) {
		/* a malformed Tx frame is skipped instead of stalling the ring */
		what = "PACKET_LOSS";
		ret = afp_sockopt(qp->fd, PACKET_LOSS, &one, sizeof(one));
	}
	if (ret == 0) {
		/* a NIC port does not see what the host itself sends out */
		what = "PACKET_IGNORE_OUTGOING";
		ret = afp_sockopt(qp->fd, PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	}
	if (ret == 0 && priv->qdisc_bypass) {
		what = "PACKET_QDISC_BYPASS";
		ret = afp_sockopt(qp->fd, PACKET_QDISC_BYPASS, &one, sizeof(one));
	}
	if (ret == 0) {
		what = "PACKET_RX_RING";
		ret = afp_sockopt(qp->fd, PACKET_RX_RING, &req, sizeof(req));
	}
	if (ret == 0) {
		what = "PACKET_TX_RING";
		ret = afp_sockopt(qp->fd, PACKET_TX_RING, &req, sizeof(req));
	}
	if (ret != 0) {
		AFP_LOG(ERR, "%s: %s on queue pair %u: %s; check blocksz/framesz/framecnt "
			"(ring of %zu bytes)\n", name, what, q, strerror(-ret), ring_len);
		return ret;
	}
	/* the Tx ring follows the Rx ring in one mapping */
	qp->map_len = 2 * ring_len;
	qp->map = mmap(NULL, qp->map_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		       qp->fd, 0);
	if (qp->map == MAP_FAILED) {
		ret = -errno;
		qp->map = NULL;
		AFP_LOG(ERR, "%s: cannot map the rings of queue pair %u (%zu bytes): %s; "
			"lower framecnt\n", name, q, qp->map_len, strerror(-ret));
		return ret;
	}
	qp->rx.frames = afp_frames_map(priv, qp->map, numa);
	qp->tx.frames = afp_frames_map(priv, (uint8_t *)qp->map + ring_len, numa);
	if (qp->rx.frames == NULL || qp->tx.frames == NULL) {
		AFP_LOG(ERR, "%s: out of memory for the frame tables\n", name);
		return -ENOMEM;
	}
	qp->rx.frame_cnt = priv->frame_cnt;
	qp->rx.frame_size = priv->frame_size;
	qp->tx.frame_cnt = priv->frame_cnt;
	qp->tx.data_max = priv->frame_size - AFP_TX_DATA_OFF;
	qp->tx.fd = qp->fd;
	if (bind(qp->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot bind to interface '%s': %s\n", name, priv->iface,
			strerror(-ret));
		return ret;
	}
	return 0;
}

/*
 * Spread Rx over the queue pairs: a hash of the flow picks the socket,
 * a full ring rolls over to the next. The first socket gets a group id
 * from the kernel that no other group uses; the rest join it.
 */
static int
afp_fanout_join(const char *name, struct afp_private *priv)
{
	/* the option's int: group id in the low 16 bits, mode and flags above */
	const uint32_t mode = PACKET_FANOUT_HASH | PACKET_FANOUT_FLAG_DEFRAG |
		PACKET_FANOUT_FLAG_ROLLOVER;
	socklen_t len;
	uint32_t arg;
	uint16_t q;
	int ret;

	arg = (mode | PACKET_FANOUT_FLAG_UNIQUEID) << 16;
	ret = afp_sockopt(priv->qp[0].fd, PACKET_FANOUT, &arg, sizeof(arg));
	if (ret == 0) {
		len = sizeof(arg);
		if (getsockopt(priv->qp[0].fd, SOL_PACKET, PACKET_FANOUT, &arg, &len) < 0)
			ret = -errno;
	}
	for (q = 1; q < priv->nb_qpairs && ret == 0; q++) {
		arg = (arg & 0xffff) | (mode << 16);
		ret = afp_sockopt(priv->qp[q].fd, PACKET_FANOUT, &arg, sizeof(arg));
	}
	if (ret != 0)
		AFP_LOG(ERR, "%s: PACKET_FANOUT for qpairs=%u: %s; use qpairs=1\n", name,
			priv->nb_qpairs, strerror(-ret));
	return ret;
}

/*
 * The socket for interface ioctls (flags, MTU, MAC): the first queue pair's
 * in the primary. A secondary has the primary's fd numbers in the shared
 * data, which mean nothing (or another file) here: it uses a datagram socket
 * of its own, opened at attach, that reaches no packet.
 */
static int
afp_ctl_fd(const struct rte_eth_dev *dev)
{
	const struct afp_private *priv = dev->data->dev_private;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return dev->process_private != NULL ? *(const int *)dev->process_private : -1;
	return priv->qp[0].fd;
}

static void
afp_ctl_close(struct rte_eth_dev *dev)
{
	int *ctl = dev->process_private;

	if (ctl == NULL)
		return;
	close(*ctl);
	free(ctl);
	dev->process_private = NULL;
}

/* Socket options live on the primary's packet sockets: a secondary cannot set them. */
static int
afp_primary_only(const struct rte_eth_dev *dev, const char *what)
{
	if (rte_eal_process_type() != RTE_PROC_SECONDARY)
		return 0;
	AFP_LOG(ERR, "%s: %s is a setting of the primary's packet sockets: do it in the "
		"primary process\n", dev->data->name, what);
	return -ENOTSUP;
}

static int
afp_dev_configure(struct rte_eth_dev *dev)
{
	struct afp_private *priv = dev->data->dev_private;

	/* every socket is in the fanout group and gets its share of the flows */
	if (dev->data->nb_rx_queues < priv->nb_qpairs)
		AFP_LOG(WARNING, "%s: %u Rx queues for qpairs=%u: flows hashed to the queues "
			"left out wait in their rings until those fill; configure %u Rx "
			"queues or pass qpairs=%u\n", dev->data->name, dev->data->nb_rx_queues,
			priv->nb_qpairs, priv->nb_qpairs, dev->data->nb_rx_queues);
	return 0;
}

static int
afp_link_update(struct rte_eth_dev *dev, int wait_to_complete __rte_unused)
{
	struct afp_private *priv = dev->data->dev_private;

	/* a stopped port is down whatever the interface says */
	return netif_link_update(dev, dev->data->dev_started ? afp_ctl_fd(dev) : -1,
				 priv->iface);
}

static int
afp_dev_start(struct rte_eth_dev *dev)
{

	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	dev->data->dev_started = 1;
	afp_link_update(dev, 0);
	return 0;
}

static int
afp_dev_stop(struct rte_eth_dev *dev)
{

	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	dev->data->dev_started = 0;
	afp_link_update(dev, 0);
	return 0;
}

static int
afp_dev_set_link_up(struct rte_eth_dev *dev)
{
	struct afp_private *priv = dev->data->dev_private;

	return netif_flags_update(afp_ctl_fd(dev), priv->iface, IFF_UP, 0);
}

static int
afp_dev_set_link_down(struct rte_eth_dev *dev)
{
	struct afp_private *priv = dev->data->dev_private;

	return netif_flags_update(afp_ctl_fd(dev), priv->iface, 0, IFF_UP);
}

static int
afp_dev_close(struct rte_eth_dev *dev)
{
	struct afp_private *priv = dev->data->dev_private;
	uint16_t q;

	/* the sockets and rings are the primary's; a secondary only lets go */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		afp_ctl_close(dev);
		return 0;
	}
	if (priv == NULL || priv->qp == NULL)
		return 0;
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queues[q] = NULL;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queues[q] = NULL;
	for (q = 0; q < priv->nb_qpairs; q++)
		afp_qpair_close(&priv->qp[q]);
	rte_free(priv->qp);
	priv->qp = NULL;
	return 0;
}

static int
afp_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct afp_private *priv = dev->data->dev_private;

	info->if_index = (unsigned int)priv->ifindex;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = afp_max_rx_pktlen(priv);
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = (uint16_t)RTE_MIN(afp_max_rx_pktlen(priv) - RTE_ETHER_HDR_LEN,
					  (uint32_t)UINT16_MAX);
	info->max_rx_queues = priv->nb_qpairs;
	info->max_tx_queues = priv->nb_qpairs;
	info->min_rx_bufsize = 0;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_VLAN_INSERT;
	/* ring sizes come from framecnt; nb_desc is ignored, as in DPDK */
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
afp_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		   unsigned int socket_id __rte_unused, const struct rte_eth_rxconf *conf,
		   struct rte_mempool *mp)
{
	struct afp_private *priv = dev->data->dev_private;
	struct afp_rx_queue *rxq = &priv->qp[qid].rx;
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads | conf->offloads;
	uint32_t buf = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	/* a VLAN tag the kernel took out goes back in: 4 more bytes */
	uint32_t need = afp_max_rx_pktlen(priv) + 4;

	rxq->scatter = (offloads & RTE_ETH_RX_OFFLOAD_SCATTER) != 0;
	rxq->vlan_strip = (offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	if (!rxq->scatter && buf < need) {
		AFP_LOG(ERR, "%s: Rx queue %u: frames up to %u bytes do not fit mbufs of %u "
			"bytes: use larger mbufs, lower framesz or enable "
			"RTE_ETH_RX_OFFLOAD_SCATTER\n", dev->data->name, qid, need, buf);
		return -ENOMEM;
	}
	rxq->mb_pool = mp;
	rxq->port_id = dev->data->port_id;
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

static int
afp_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		   unsigned int socket_id __rte_unused,
		   const struct rte_eth_txconf *conf __rte_unused)
{
	struct afp_private *priv = dev->data->dev_private;

	dev->data->tx_queues[qid] = &priv->qp[qid].tx;
	return 0;
}

/* PACKET_ADD_MEMBERSHIP: the kernel counts it and drops it with the socket. */
static int
afp_membership(struct rte_eth_dev *dev, unsigned short type, int add)
{
	struct afp_private *priv = dev->data->dev_private;
	struct packet_mreq mr = { .mr_ifindex = priv->ifindex, .mr_type = type };
	int ret = afp_primary_only(dev, type == PACKET_MR_PROMISC ? "promiscuous mode" :
							       "all-multicast mode");

	if (ret != 0)
		return ret;
	return afp_sockopt(priv->qp[0].fd, add ? PACKET_ADD_MEMBERSHIP : PACKET_DROP_MEMBERSHIP,
			   &mr, sizeof(mr));
}

static int
afp_promiscuous_enable(struct rte_eth_dev *dev)
{
	return afp_membership(dev, PACKET_MR_PROMISC, 1);
}

static int
afp_promiscuous_disable(struct rte_eth_dev *dev)
{
	return afp_membership(dev, PACKET_MR_PROMISC, 0);
}

static int
afp_allmulticast_enable(struct rte_eth_dev *dev)
{
	return afp_membership(dev, PACKET_MR_ALLMULTI, 1);
}

static int
afp_allmulticast_disable(struct rte_eth_dev *dev)
{
	return afp_membership(dev, PACKET_MR_ALLMULTI, 0);
}

static int
afp_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct afp_private *priv = dev->data->dev_private;

	if ((uint32_t)mtu + RTE_ETHER_HDR_LEN > afp_max_rx_pktlen(priv)) {
		AFP_LOG(ERR, "%s: MTU %u does not fit frames of framesz=%u: raise framesz\n",
			dev->data->name, mtu, priv->frame_size);
		return -EINVAL;
	}
	return netif_mtu_set(afp_ctl_fd(dev), priv->iface, mtu);
}

static int
afp_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct afp_private *priv = dev->data->dev_private;

	return netif_hwaddr_set(afp_ctl_fd(dev), priv->iface, addr);
}

/*
 * The kernel's drop count resets on each read, so it is summed here. Only
 * the primary holds the socket: a secondary reports the sum as last read.
 */
static void
afp_kernel_drops_collect(struct afp_qpair *qp)
{
	struct tpacket_stats st;
	socklen_t len = sizeof(st);

	if (rte_eal_process_type() != RTE_PROC_SECONDARY &&
	    getsockopt(qp->fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) == 0)
		qp->kernel_drops += st.tp_drops;
}

static int
afp_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct afp_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < priv->nb_qpairs; q++) {
		struct afp_qpair *qp = &priv->qp[q];

		afp_kernel_drops_collect(qp);
		stats->ipackets += qp->rx.pkts;
		stats->ibytes += qp->rx.bytes;
		stats->ierrors += qp->rx.errs;
		stats->rx_nombuf += qp->rx.nombuf;
		stats->imissed += qp->kernel_drops;
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
afp_stats_reset(struct rte_eth_dev *dev)
{
	struct afp_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < priv->nb_qpairs; q++) {
		struct afp_qpair *qp = &priv->qp[q];

		afp_kernel_drops_collect(qp);
		qp->kernel_drops = 0;
		qp->rx.pkts = qp->rx.bytes = qp->rx.errs = qp->rx.nombuf = 0;
		qp->tx.pkts = qp->tx.bytes = qp->tx.errs = 0;
	}
	return 0;
}

static const struct eth_dev_ops afp_ops = {
	.dev_configure = afp_dev_configure,
	.dev_start = afp_dev_start,
	.dev_stop = afp_dev_stop,
	.dev_set_link_up = afp_dev_set_link_up,
	.dev_set_link_down = afp_dev_set_link_down,
	.dev_close = afp_dev_close,
	.link_update = afp_link_update,
	.promiscuous_enable = afp_promiscuous_enable,
	.promiscuous_disable = afp_promiscuous_disable,
	.allmulticast_enable = afp_allmulticast_enable,
	.allmulticast_disable = afp_allmulticast_disable,
	.mac_addr_set = afp_mac_addr_set,
	.mtu_set = afp_mtu_set,
	.stats_get = afp_stats_get,
	.stats_reset = afp_stats_reset,
	.dev_infos_get = afp_dev_infos_get,
	.rx_queue_setup = afp_rx_queue_setup,
	.tx_queue_setup = afp_tx_queue_setup,
};

/* Interface facts: index, MAC, MTU. */
static int
afp_iface_query(const char *name, struct afp_private *priv, struct rte_eth_dev *dev)
{
	int fd = priv->qp[0].fd, type, mtu;

	type = netif_hwaddr_get(fd, priv->iface, &dev->data->mac_addrs[0]);
	if (type < 0) {
		AFP_LOG(ERR, "%s: cannot read the MAC address of '%s': %s\n", name,
			priv->iface, strerror(-type));
		return type;
	}
	if (type != ARPHRD_ETHER && type != ARPHRD_LOOPBACK) {
		AFP_LOG(ERR, "%s: '%s' is not an Ethernet interface (ARPHRD type %d): give an "
			"Ethernet one with iface=<name>\n", name, priv->iface, type);
		return -ENOTSUP;
	}
	mtu = netif_mtu_get(fd, priv->iface);
	if (mtu > 0)
		dev->data->mtu = (uint16_t)RTE_MIN(mtu, UINT16_MAX);
	return 0;
}

/*
 * A secondary (a capture or statistics tool) sees the port as DPDK's do:
 * the shared data and private part, this process's ops and burst pointers.
 * The packet sockets and their rings are mapped in the primary alone, so
 * the burst functions here never touch them, and the interface ioctls go
 * through a socket of this process.
 */
static int
afp_port_attach(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(name);
	int *ctl;

	if (dev == NULL)
		return -ENODEV;
	ctl = malloc(sizeof(*ctl));
	if (ctl == NULL) {
		AFP_LOG(ERR, "%s: out of memory\n", name);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	*ctl = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (*ctl < 0) {
		int ret = -errno;

		free(ctl);
		rte_eth_dev_release_port(dev);
		AFP_LOG(ERR, "%s: cannot open a socket for interface requests: %s\n", name,
			strerror(-ret));
		return ret;
	}
	dev->process_private = ctl;
	dev->device = &vdev->device;
	dev->dev_ops = &afp_ops;
	dev->rx_pkt_burst = rte_eth_pkt_burst_dummy;
	dev->tx_pkt_burst = rte_eth_pkt_burst_dummy;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
afp_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct afp_private *priv;
	struct rte_eth_dev *dev;
	uint16_t q;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return afp_port_attach(vdev);
	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa);
	if (priv == NULL) {
		AFP_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	ret = afp_args_parse(vdev, priv);
	if (ret != 0) {
		rte_free(priv);
		return ret;
	}
	priv->ifindex = (int)if_nametoindex(priv->iface);
	if (priv->ifindex == 0) {
		AFP_LOG(ERR, "%s: interface '%s' not found: give an existing one with "
			"iface=<name> (see 'ip link')\n", name, priv->iface);
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
	dev->dev_ops = &afp_ops;
	dev->data->numa_node = numa;
	dev->data->dev_flags = 0;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0, numa);
	priv->qp = rte_zmalloc_socket(name, priv->nb_qpairs * sizeof(*priv->qp),
				      RTE_CACHE_LINE_SIZE, numa);
	if (dev->data->mac_addrs == NULL || priv->qp == NULL) {
		AFP_LOG(ERR, "%s: out of memory\n", name);
		ret = -ENOMEM;
		goto err_release;
	}
	for (q = 0; q < priv->nb_qpairs; q++)
		priv->qp[q].fd = -1;
	for (q = 0; q < priv->nb_qpairs; q++) {
		ret = afp_qpair_open(name, priv, q, numa);
		if (ret != 0)
			goto err_release;
	}
	if (priv->nb_qpairs > 1) {
		ret = afp_fanout_join(name, priv);
		if (ret != 0)
			goto err_release;
	}
	ret = afp_iface_query(name, priv, dev);
	if (ret != 0)
		goto err_release;
	dev->rx_pkt_burst = afp_rx_burst;
	dev->tx_pkt_burst = afp_tx_burst;
	rte_eth_dev_probing_finish(dev);
	AFP_LOG(INFO, "%s: interface %s, %u queue pair(s), %u frames of %u bytes\n", name,
		priv->iface, priv->nb_qpairs, priv->frame_cnt, priv->frame_size);
	return 0;

err_release:
	if (priv->qp != NULL)
		for (q = 0; q < priv->nb_qpairs; q++)
			afp_qpair_close(&priv->qp[q]);
	rte_free(priv->qp);
	priv->qp = NULL;
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
afp_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;	/* closed through rte_eth_dev_close already */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		/* the primary owns the packet sockets; ours only did ioctls */
		afp_ctl_close(dev);
		return rte_eth_dev_release_port(dev);
	}
	if (dev->data->dev_started)
		afp_dev_stop(dev);
	afp_dev_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver afp_driver = {
	.probe = afp_probe,
	.remove = afp_remove,
};

RTE_PMD_REGISTER_VDEV(net_af_packet, afp_driver);
RTE_PMD_REGISTER_ALIAS(net_af_packet, eth_af_packet);
RTE_PMD_REGISTER_PARAM_STRING(net_af_packet,
	"iface=<string> qpairs=<int> blocksz=<int> framesz=<int> framecnt=<int> "
	"qdisc_bypass=<0|1>");
