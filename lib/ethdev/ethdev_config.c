/* SPDX-License-Identifier: BSD-3-Clause */
/* Port configuration, queue setup and the start/stop/close life cycle. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <rte_mbuf.h>

#include <rte_malloc.h>

#include "ethdev_private.h"

/* Frame overhead between MTU and max_rx_pktlen when the driver gives no max_mtu. */
#define ETH_DEV_L2_OVERHEAD (RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN)

int
eth_dev_info_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct rte_eth_desc_lim lim = {
		.nb_max = UINT16_MAX,
		.nb_min = 0,
		.nb_align = 1,
		.nb_seg_max = UINT16_MAX,
		.nb_mtu_seg_max = UINT16_MAX,
	};
	int ret;

	memset(info, 0, sizeof(*info));
	info->switch_info.domain_id = RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID;
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->device = dev->device;
	info->min_mtu = RTE_ETHER_MIN_LEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN;
	info->max_mtu = UINT16_MAX;
	ETH_OP_OR_RET(dev, dev_infos_get);
	ret = dev->dev_ops->dev_infos_get(dev, info);
	if (ret != 0) {
		memset(info, 0, sizeof(*info));
		return ret;
	}
	info->max_rx_queues = RTE_MIN(info->max_rx_queues, RTE_MAX_QUEUES_PER_PORT);
	info->max_tx_queues = RTE_MIN(info->max_tx_queues, RTE_MAX_QUEUES_PER_PORT);
	info->driver_name = dev->device != NULL && dev->device->driver != NULL ?
			    dev->device->driver->name : "unknown";
	info->nb_rx_queues = dev->data->nb_rx_queues;
	info->nb_tx_queues = dev->data->nb_tx_queues;
	info->dev_flags = &dev->data->dev_flags;
	return 0;
}

__rte_export int
rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (dev_info == NULL) {
		RTE_ETHDEV_LOG(ERR, "Cannot get port %u info to NULL\n", port_id);
		return -EINVAL;
	}
	return eth_dev_info_get(dev, dev_info);
}

/*
 * Bytes between MTU and frame length: what the driver's limits imply, else
 * Ethernet header and CRC (DPDK's rule).
 */
static uint32_t
eth_dev_overhead_len(const struct rte_eth_dev_info *info)
{
	if (info->max_mtu != UINT16_MAX && info->max_rx_pktlen > info->max_mtu)
		return info->max_rx_pktlen - info->max_mtu;
	return ETH_DEV_L2_OVERHEAD;
}

int
eth_dev_validate_mtu(uint16_t port_id, const struct rte_eth_dev_info *info, uint32_t mtu)
{
	uint32_t frame = mtu + eth_dev_overhead_len(info);

	if (mtu < info->min_mtu || mtu > info->max_mtu) {
		RTE_ETHDEV_LOG(ERR, "Port %u: MTU %u is out of range %u..%u\n", port_id, mtu,
			       info->min_mtu, info->max_mtu);
		return -EINVAL;
	}
	if (frame < RTE_ETHER_MIN_LEN || frame > info->max_rx_pktlen) {
		RTE_ETHDEV_LOG(ERR, "Port %u: MTU %u makes %u-byte frames; the device takes "
			       "%u..%u\n", port_id, mtu, frame, RTE_ETHER_MIN_LEN,
			       info->max_rx_pktlen);
		return -EINVAL;
	}
	return 0;
}

/* max_lro_pkt_size against the device's limit, for a frame of max_frame bytes. */
static int
eth_dev_check_lro_size(uint16_t port_id, uint32_t size, uint32_t max_frame,
		       const struct rte_eth_dev_info *info)
{
	bool ok;

	if (info->max_lro_pkt_size == 0)
		ok = size == max_frame;
	else
		ok = size <= info->max_lro_pkt_size && size >= RTE_ETHER_MIN_LEN;
	if (!ok) {
		RTE_ETHDEV_LOG(ERR, "Port %u: max_lro_pkt_size %u is not allowed: the device "
			       "takes %u..%u (0: exactly the frame size %u)\n", port_id, size,
			       RTE_ETHER_MIN_LEN, info->max_lro_pkt_size, max_frame);
		return -EINVAL;
	}
	return 0;
}

/* With TCP LRO on, default max_lro_pkt_size to the frame size and check it. */
static int
eth_dev_lro_setup(uint16_t port_id, struct rte_eth_dev_data *data,
		  const struct rte_eth_dev_info *info, uint64_t offloads)
{
	uint32_t max_frame = data->mtu + eth_dev_overhead_len(info);

	if (!(offloads & RTE_ETH_RX_OFFLOAD_TCP_LRO))
		return 0;
	if (data->dev_conf.rxmode.max_lro_pkt_size == 0)
		data->dev_conf.rxmode.max_lro_pkt_size = max_frame;
	return eth_dev_check_lro_size(port_id, data->dev_conf.rxmode.max_lro_pkt_size,
				      max_frame, info);
}

/* Resize a queue array to nb entries, releasing the queues that fall off. */
static int
eth_dev_queue_array_resize(struct rte_eth_dev *dev, void ***arrayp, uint16_t *countp,
			   uint16_t nb, eth_queue_release_t release)
{
	void **array = *arrayp;
	uint16_t q;

	for (q = nb; q < *countp; q++) {
		if (array[q] != NULL && release != NULL)
			release(dev, q);
		array[q] = NULL;
	}
	/* in EAL memory, with the port data: secondaries read the queues there */
	if (nb == 0) {
		rte_free(array);
		*arrayp = NULL;
		*countp = 0;
		return 0;
	}
	array = rte_realloc(array, nb * sizeof(*array), 0);
	if (array == NULL)
		return -ENOMEM;
	for (q = *countp; q < nb; q++)
		array[q] = NULL;
	*arrayp = array;
	*countp = nb;
	return 0;
}

void
eth_dev_queues_release(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;

	eth_dev_queue_array_resize(dev, &data->rx_queues, &data->nb_rx_queues, 0,
				   dev->dev_ops->rx_queue_release);
	eth_dev_queue_array_resize(dev, &data->tx_queues, &data->nb_tx_queues, 0,
				   dev->dev_ops->tx_queue_release);
}

static int
eth_dev_check_offloads(uint16_t port_id, const char *dir, uint64_t req, uint64_t capa)
{
	if ((req & capa) != req) {
		RTE_ETHDEV_LOG(ERR, "Port %u: requested %s offloads 0x%" PRIx64
			       " are not supported (capabilities 0x%" PRIx64 ")\n",
			       port_id, dir, req & ~capa, capa);
		return -EINVAL;
	}
	return 0;
}

static int
eth_dev_offloads_kept(uint16_t port_id, const char *dir, uint64_t req, uint64_t set)
{
	if ((req & ~set) != 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: the driver did not enable the %s offloads 0x%"
			       PRIx64 " asked for\n", port_id, dir, req & ~set);
		return -EINVAL;
	}
	return 0;
}

static int
eth_dev_check_conf(uint16_t port_id, struct rte_eth_dev *dev, uint16_t nb_rxq, uint16_t nb_txq,
		   const struct rte_eth_conf *conf, const struct rte_eth_dev_info *info)
{
	const struct rte_eth_rxmode *rxm = &conf->rxmode;
	uint64_t rss_hf = rte_eth_rss_hf_refine(conf->rx_adv_conf.rss_conf.rss_hf);
	int ret;

	if (nb_rxq > info->max_rx_queues) {
		RTE_ETHDEV_LOG(ERR, "Port %u: %u Rx queues requested, the driver has at most %u\n",
			       port_id, nb_rxq, info->max_rx_queues);
		return -EINVAL;
	}
	if (nb_txq > info->max_tx_queues) {
		RTE_ETHDEV_LOG(ERR, "Port %u: %u Tx queues requested, the driver has at most %u\n",
			       port_id, nb_txq, info->max_tx_queues);
		return -EINVAL;
	}
	ret = eth_dev_validate_mtu(port_id, info, rxm->mtu != 0 ? rxm->mtu : RTE_ETHER_MTU);
	if (ret != 0)
		return ret;
	ret = eth_dev_check_offloads(port_id, "Rx", rxm->offloads, info->rx_offload_capa);
	if (ret == 0)
		ret = eth_dev_check_offloads(port_id, "Tx", conf->txmode.offloads,
					     info->tx_offload_capa);
	if (ret != 0)
		return ret;
	/* as DPDK: checked whatever mq_mode says */
	if ((rss_hf & ~info->flow_type_rss_offloads) != 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: RSS hash functions 0x%" PRIx64
			       " are not supported (supported 0x%" PRIx64 ")\n",
			       port_id, rss_hf, info->flow_type_rss_offloads);
		return -EINVAL;
	}
	if (!(rxm->mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) &&
	    (rxm->offloads & RTE_ETH_RX_OFFLOAD_RSS_HASH)) {
		RTE_ETHDEV_LOG(ERR, "Port %u: RSS_HASH offload needs mq_mode RTE_ETH_MQ_RX_RSS\n",
			       port_id);
		return -EINVAL;
	}
	if (conf->intr_conf.lsc && !(dev->data->dev_flags & RTE_ETH_DEV_INTR_LSC)) {
		RTE_ETHDEV_LOG(ERR, "Port %u (%s) has no link status interrupt: "
			       "set intr_conf.lsc = 0\n", port_id, info->driver_name);
		return -EINVAL;
	}
	if (conf->intr_conf.rmv && !(dev->data->dev_flags & RTE_ETH_DEV_INTR_RMV)) {
		RTE_ETHDEV_LOG(ERR, "Port %u (%s) has no removal interrupt: "
			       "set intr_conf.rmv = 0\n", port_id, info->driver_name);
		return -EINVAL;
	}
	return 0;
}

__rte_export int
rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_q, uint16_t nb_tx_q,
		      const struct rte_eth_conf *dev_conf)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *data;
	struct rte_eth_conf orig_conf;
	uint64_t req_rx, req_tx;
	uint16_t orig_mtu;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	data = dev->data;
	if (dev_conf == NULL) {
		RTE_ETHDEV_LOG(ERR, "Cannot configure port %u from NULL config\n", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, dev_configure);
	if (data->dev_started) {
		RTE_ETHDEV_LOG(ERR, "Port %u must be stopped to allow configuration\n", port_id);
		return -EBUSY;
	}
	/* As DPDK: a failed configure leaves the port unconfigured (start fails). */
	data->dev_configured = 0;
	ret = eth_dev_info_get(dev, &info);
	if (ret != 0)
		return ret;
	/* The driver's preferred counts, not clamped: DPDK checks them like any other. */
	if (nb_rx_q == 0 && nb_tx_q == 0) {
		nb_rx_q = info.default_rxportconf.nb_queues ?
			  info.default_rxportconf.nb_queues : RTE_ETH_DEV_FALLBACK_RX_NBQUEUES;
		nb_tx_q = info.default_txportconf.nb_queues ?
			  info.default_txportconf.nb_queues : RTE_ETH_DEV_FALLBACK_TX_NBQUEUES;
	}
	ret = eth_dev_check_conf(port_id, dev, nb_rx_q, nb_tx_q, dev_conf, &info);
	if (ret != 0)
		return ret;

	orig_conf = data->dev_conf;
	orig_mtu = data->mtu;
	/* Copy first: the source may be dev_conf itself (rte_eth_dev_conf_get). */
	memmove(&data->dev_conf, dev_conf, sizeof(data->dev_conf));
	if (data->dev_conf.rxmode.mtu == 0)
		data->dev_conf.rxmode.mtu = RTE_ETHER_MTU;
	data->dev_conf.rx_adv_conf.rss_conf.rss_hf =
		rte_eth_rss_hf_refine(data->dev_conf.rx_adv_conf.rss_conf.rss_hf);
	data->mtu = (uint16_t)data->dev_conf.rxmode.mtu;
	ret = eth_dev_lro_setup(port_id, data, &info, data->dev_conf.rxmode.offloads);
	if (ret != 0) {
		data->dev_conf = orig_conf;
		data->mtu = orig_mtu;
		return ret;
	}

	ret = eth_dev_queue_array_resize(dev, &data->rx_queues, &data->nb_rx_queues, nb_rx_q,
					 dev->dev_ops->rx_queue_release);
	if (ret == 0)
		ret = eth_dev_queue_array_resize(dev, &data->tx_queues, &data->nb_tx_queues,
						 nb_tx_q, dev->dev_ops->tx_queue_release);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: no memory for %u Rx / %u Tx queues\n", port_id,
			       nb_rx_q, nb_tx_q);
		goto rollback;
	}
	req_rx = data->dev_conf.rxmode.offloads;
	req_tx = data->dev_conf.txmode.offloads;
	ret = dev->dev_ops->dev_configure(dev);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: driver %s refused the configuration (%d)\n",
			       port_id, info.driver_name, ret);
		goto rollback;
	}
	/* As DPDK: the driver may add offloads, but not drop requested ones. */
	ret = eth_dev_offloads_kept(port_id, "Rx", req_rx, data->dev_conf.rxmode.offloads);
	if (ret == 0)
		ret = eth_dev_offloads_kept(port_id, "Tx", req_tx,
					    data->dev_conf.txmode.offloads);
	if (ret != 0)
		goto rollback;
	data->dev_configured = 1;
	return 0;

rollback:
	eth_dev_queues_release(dev);
	data->dev_conf = orig_conf;
	data->mtu = orig_mtu;
	data->dev_configured = 0;
	return ret;
}

__rte_export int
rte_eth_dev_conf_get(uint16_t port_id, struct rte_eth_conf *dev_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (dev_conf == NULL)
		return -EINVAL;
	memcpy(dev_conf, &dev->data->dev_conf, sizeof(*dev_conf));
	return 0;
}

static int
eth_dev_check_nb_desc(uint16_t port_id, const char *dir, uint16_t nb,
		      const struct rte_eth_desc_lim *lim)
{
	if (nb > lim->nb_max || nb < lim->nb_min || lim->nb_align == 0 ||
	    nb % lim->nb_align != 0) {
		RTE_ETHDEV_LOG(ERR, "Port %u: %u %s descriptors requested; need %u..%u, "
			       "a multiple of %u\n", port_id, nb, dir, lim->nb_min, lim->nb_max,
			       lim->nb_align);
		return -EINVAL;
	}
	return 0;
}

/* A pool's mbufs hold offset + min_len bytes: -ENOSPC (not a pktmbuf pool), -EINVAL. */
static int
eth_rx_mempool_check(uint16_t port_id, struct rte_mempool *mp, uint32_t offset,
		     uint32_t min_len)
{
	if (mp->private_data_size < sizeof(struct rte_pktmbuf_pool_private)) {
		RTE_ETHDEV_LOG(ERR, "Port %u: mempool %s is not a pktmbuf pool: create it with "
			       "rte_pktmbuf_pool_create()\n", port_id, mp->name);
		return -ENOSPC;
	}
	if (rte_pktmbuf_data_room_size(mp) < offset + min_len) {
		RTE_ETHDEV_LOG(ERR, "Port %u: mempool %s has mbufs of %u bytes, need %u "
			       "(%u + %u): use a pktmbuf pool with a larger data room\n", port_id,
			       mp->name, rte_pktmbuf_data_room_size(mp), offset + min_len, offset,
			       min_len);
		return -EINVAL;
	}
	return 0;
}

/* Buffer split segments (RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT) against rx_seg_capa. */
static int
eth_rx_split_check(uint16_t port_id, const struct rte_eth_rxconf *conf, uint64_t offloads,
		   const struct rte_eth_dev_info *info, uint32_t *buf_size)
{
	const struct rte_eth_rxseg_capa *capa = &info->rx_seg_capa;
	uint32_t align_mask = RTE_BIT32(capa->offset_align_log2) - 1;
	uint16_t i;
	int ret;

	if (conf->rx_seg == NULL || !(offloads & RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT) ||
	    conf->rx_nseg > capa->max_nseg) {
		RTE_ETHDEV_LOG(ERR, "Port %u: %u Rx segments need rx_seg, the BUFFER_SPLIT "
			       "offload and a device taking that many (it takes %u)\n", port_id,
			       conf->rx_nseg, capa->max_nseg);
		return -EINVAL;
	}
	for (i = 0; i < conf->rx_nseg; i++) {
		const struct rte_eth_rxseg_split *seg = &conf->rx_seg[i].split;
		uint32_t offset = seg->offset;

		if (seg->mp == NULL)
			return -EINVAL;
		if (i > 0 && seg->mp != conf->rx_seg[0].split.mp && !capa->multi_pools)
			return -ENOTSUP;
		if (offset != 0 && !capa->offset_allowed)
			return -ENOTSUP;
		if (offset & align_mask)
			return -EINVAL;
		/* protocol-based split needs header ptypes no driver here reports */
		if (seg->proto_hdr != 0)
			return seg->length != 0 ? -EINVAL : -ENOTSUP;
		if (i == 0)
			offset += RTE_PKTMBUF_HEADROOM;
		*buf_size = rte_pktmbuf_data_room_size(seg->mp);
		ret = eth_rx_mempool_check(port_id, seg->mp, offset,
					   seg->length != 0 ? seg->length : *buf_size);
		if (ret != 0)
			return ret;
	}
	return 0;
}

/*
 * Exactly one source of Rx buffers: mp, split segments or a mempool array.
 * Sets *buf_size to the smallest data room among them.
 */
static int
eth_rx_buffers_check(uint16_t port_id, const struct rte_eth_rxconf *conf,
		     struct rte_mempool *mp, uint64_t offloads,
		     const struct rte_eth_dev_info *info, uint32_t *buf_size)
{
	uint16_t nseg = conf != NULL ? conf->rx_nseg : 0;
	uint16_t npool = conf != NULL ? conf->rx_nmempool : 0;
	uint16_t i;
	int ret;

	if ((mp != NULL) + (nseg > 0) + (npool > 0) != 1) {
		RTE_ETHDEV_LOG(ERR, "Port %u: give exactly one of a mempool, Rx segments or "
			       "a mempool array\n", port_id);
		return -EINVAL;
	}
	if (mp != NULL) {
		*buf_size = rte_pktmbuf_data_room_size(mp);
		return eth_rx_mempool_check(port_id, mp, RTE_PKTMBUF_HEADROOM,
					    info->min_rx_bufsize);
	}
	if (nseg > 0)
		return eth_rx_split_check(port_id, conf, offloads, info, buf_size);
	if (conf->rx_mempools == NULL || npool > info->max_rx_mempools)
		return -EINVAL;
	for (i = 0; i < npool; i++) {
		if (conf->rx_mempools[i] == NULL)
			return -EINVAL;
		ret = eth_rx_mempool_check(port_id, conf->rx_mempools[i], RTE_PKTMBUF_HEADROOM,
					   info->min_rx_bufsize);
		if (ret != 0)
			return ret;
		*buf_size = RTE_MIN(*buf_size,
				    (uint32_t)rte_pktmbuf_data_room_size(conf->rx_mempools[i]));
	}
	return 0;
}

__rte_export int
rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
		       unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
		       struct rte_mempool *mp)
{
	struct rte_eth_rxconf local_conf;
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *data;
	uint32_t buf_size = UINT32_MAX;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	data = dev->data;
	if (rx_queue_id >= data->nb_rx_queues) {
		RTE_ETHDEV_LOG(ERR, "Invalid Rx queue_id=%u: port %u has %u Rx queues "
			       "(see rte_eth_dev_configure)\n", rx_queue_id, port_id,
			       data->nb_rx_queues);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, rx_queue_setup);
	ret = eth_dev_info_get(dev, &info);
	if (ret != 0)
		return ret;
	ret = eth_rx_buffers_check(port_id, rx_conf, mp, data->dev_conf.rxmode.offloads |
				   (rx_conf != NULL ? rx_conf->offloads : 0), &info, &buf_size);
	if (ret != 0)
		return ret;
	if (nb_rx_desc == 0)
		nb_rx_desc = info.default_rxportconf.ring_size ?
			     info.default_rxportconf.ring_size : RTE_ETH_DEV_FALLBACK_RX_RINGSIZE;
	ret = eth_dev_check_nb_desc(port_id, "Rx", nb_rx_desc, &info.rx_desc_lim);
	if (ret != 0)
		return ret;
	if (data->dev_started &&
	    (!(info.dev_capa & RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP) ||
	     data->rx_queue_state[rx_queue_id] != RTE_ETH_QUEUE_STATE_STOPPED)) {
		RTE_ETHDEV_LOG(ERR, "Port %u is started: stop it before setting up Rx queue %u\n",
			       port_id, rx_queue_id);
		return -EBUSY;
	}
	local_conf = rx_conf != NULL ? *rx_conf : info.default_rxconf;
	/* Port-wide offloads apply to every queue; only per-queue ones are checked. */
	local_conf.offloads &= ~data->dev_conf.rxmode.offloads;
	ret = eth_dev_check_offloads(port_id, "Rx queue", local_conf.offloads,
				     info.rx_queue_offload_capa);
	if (ret != 0)
		return ret;
	if (local_conf.share_group > 0 && !(info.dev_capa & RTE_ETH_DEV_CAPA_RXQ_SHARE)) {
		RTE_ETHDEV_LOG(ERR, "Port %u Rx queue %u: share_group %u set but the device "
			       "cannot share Rx queues\n", port_id, rx_queue_id,
			       local_conf.share_group);
		return -EINVAL;
	}
	ret = eth_dev_lro_setup(port_id, data, &info, local_conf.offloads);
	if (ret != 0)
		return ret;
	if (data->rx_queues[rx_queue_id] != NULL) {
		if (dev->dev_ops->rx_queue_release != NULL)
			dev->dev_ops->rx_queue_release(dev, rx_queue_id);
		data->rx_queues[rx_queue_id] = NULL;
	}
	ret = dev->dev_ops->rx_queue_setup(dev, rx_queue_id, nb_rx_desc, socket_id,
					   &local_conf, mp);
	if (ret == 0 && (data->min_rx_buf_size == 0 || data->min_rx_buf_size > buf_size))
		data->min_rx_buf_size = buf_size;
	return ret;
}

__rte_export int
rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
		       unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
{
	struct rte_eth_txconf local_conf;
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *data;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	data = dev->data;
	if (tx_queue_id >= data->nb_tx_queues) {
		RTE_ETHDEV_LOG(ERR, "Invalid Tx queue_id=%u: port %u has %u Tx queues "
			       "(see rte_eth_dev_configure)\n", tx_queue_id, port_id,
			       data->nb_tx_queues);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, tx_queue_setup);
	ret = eth_dev_info_get(dev, &info);
	if (ret != 0)
		return ret;
	if (nb_tx_desc == 0)
		nb_tx_desc = info.default_txportconf.ring_size ?
			     info.default_txportconf.ring_size : RTE_ETH_DEV_FALLBACK_TX_RINGSIZE;
	ret = eth_dev_check_nb_desc(port_id, "Tx", nb_tx_desc, &info.tx_desc_lim);
	if (ret != 0)
		return ret;
	if (data->dev_started &&
	    (!(info.dev_capa & RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP) ||
	     data->tx_queue_state[tx_queue_id] != RTE_ETH_QUEUE_STATE_STOPPED)) {
		RTE_ETHDEV_LOG(ERR, "Port %u is started: stop it before setting up Tx queue %u\n",
			       port_id, tx_queue_id);
		return -EBUSY;
	}
	local_conf = tx_conf != NULL ? *tx_conf : info.default_txconf;
	local_conf.offloads &= ~data->dev_conf.txmode.offloads;
	ret = eth_dev_check_offloads(port_id, "Tx queue", local_conf.offloads,
				     info.tx_queue_offload_capa);
	if (ret != 0)
		return ret;
	if (data->tx_queues[tx_queue_id] != NULL) {
		if (dev->dev_ops->tx_queue_release != NULL)
			dev->dev_ops->tx_queue_release(dev, tx_queue_id);
		data->tx_queues[tx_queue_id] = NULL;
	}
	return dev->dev_ops->tx_queue_setup(dev, tx_queue_id, nb_tx_desc, socket_id, &local_conf);
}

static void
eth_dev_adjust_nb_desc(uint16_t *nb_desc, const struct rte_eth_desc_lim *lim)
{
	if (lim->nb_align != 0)
		*nb_desc = RTE_ALIGN_CEIL(*nb_desc, lim->nb_align);
	if (lim->nb_max != 0)
		*nb_desc = RTE_MIN(*nb_desc, lim->nb_max);
	*nb_desc = RTE_MAX(*nb_desc, lim->nb_min);
}

__rte_export int
rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc, uint16_t *nb_tx_desc)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ret = eth_dev_info_get(dev, &info);
	if (ret != 0)
		return ret;
	if (nb_rx_desc != NULL)
		eth_dev_adjust_nb_desc(nb_rx_desc, &info.rx_desc_lim);
	if (nb_tx_desc != NULL)
		eth_dev_adjust_nb_desc(nb_tx_desc, &info.tx_desc_lim);
	return 0;
}

/* Call a mode op for the restore; -ENOTSUP from the driver is not an error. */
static int
eth_dev_mode_replay(struct rte_eth_dev *dev, int (*op)(struct rte_eth_dev *), const char *what)
{
	int ret;

	if (op == NULL)
		return 0;
	ret = op(dev);
	if (ret == 0 || ret == -ENOTSUP)
		return 0;
	RTE_ETHDEV_LOG(ERR, "Port %u: cannot restore %s mode after start: %s\n",
		       dev->data->port_id, what, strerror(-ret));
	return ret;
}

/*
 * Re-apply the Rx modes the application set, as a restart may have reset them.
 * A failure fails the start, as in DPDK.
 */
static int
eth_dev_config_restore(struct rte_eth_dev *dev)
{
	const struct eth_dev_ops *ops = dev->dev_ops;
	int ret;

	ret = eth_dev_mode_replay(dev, dev->data->promiscuous ? ops->promiscuous_enable :
				  ops->promiscuous_disable, "promiscuous");
	if (ret == 0)
		ret = eth_dev_mode_replay(dev, dev->data->all_multicast ?
					  ops->allmulticast_enable : ops->allmulticast_disable,
					  "all-multicast");
	return ret;
}

__rte_export int
rte_eth_dev_start(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *data;
	uint16_t q;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	data = dev->data;
	ETH_OP_OR_RET(dev, dev_start);
	if (!data->dev_configured) {
		RTE_ETHDEV_LOG(ERR, "Port %u is not configured: call rte_eth_dev_configure() "
			       "first\n", port_id);
		return -EINVAL;
	}
	if (data->dev_started) {
		RTE_ETHDEV_LOG(INFO, "Port %u already started\n", port_id);
		return 0;
	}
	/* As DPDK: a port whose info cannot be read does not start. */
	ret = eth_dev_info_get(dev, &info);
	if (ret != 0)
		return ret;
	for (q = 0; q < data->nb_rx_queues; q++) {
		if (data->rx_queues[q] == NULL) {
			RTE_ETHDEV_LOG(ERR, "Port %u: Rx queue %u is not set up: call "
				       "rte_eth_rx_queue_setup() before rte_eth_dev_start()\n",
				       port_id, q);
			return -EINVAL;
		}
	}
	for (q = 0; q < data->nb_tx_queues; q++) {
		if (data->tx_queues[q] == NULL) {
			RTE_ETHDEV_LOG(ERR, "Port %u: Tx queue %u is not set up: call "
				       "rte_eth_tx_queue_setup() before rte_eth_dev_start()\n",
				       port_id, q);
			return -EINVAL;
		}
	}
	ret = dev->dev_ops->dev_start(dev);
	if (ret != 0)
		return ret;
	data->dev_started = 1;
	ret = eth_dev_config_restore(dev);
	if (ret != 0) {
		rte_eth_dev_stop(port_id);
		return ret;
	}
	if (!data->dev_conf.intr_conf.lsc && dev->dev_ops->link_update != NULL)
		dev->dev_ops->link_update(dev, 0);
	eth_dev_fp_ops_setup(dev);
	return 0;
}

__rte_export int
rte_eth_dev_stop(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, dev_stop);
	if (!dev->data->dev_started) {
		RTE_ETHDEV_LOG(DEBUG, "Port %u already stopped\n", port_id);
		return 0;
	}
	/* Bursts see the dummies from here on; the driver may now free its rings. */
	eth_dev_fp_ops_reset(port_id);
	ret = dev->dev_ops->dev_stop(dev);
	if (ret == 0)
		dev->data->dev_started = 0;
	else
		eth_dev_fp_ops_setup(dev);
	return ret;
}

__rte_export int
rte_eth_dev_set_link_up(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, dev_set_link_up);
	return dev->dev_ops->dev_set_link_up(dev);
}

__rte_export int
rte_eth_dev_set_link_down(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, dev_set_link_down);
	return dev->dev_ops->dev_set_link_down(dev);
}

__rte_export int
rte_eth_dev_close(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	bool secondary;
	int ret, ret2;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	/*
	 * As DPDK: a secondary closes its own view of the port (the driver's
	 * per-process state, this process's entry); the port and its queues,
	 * started or not, stay the primary's.
	 */
	secondary = rte_eal_process_type() == RTE_PROC_SECONDARY;
	if (!secondary && dev->data->dev_started) {
		RTE_ETHDEV_LOG(ERR, "Cannot close started port %u: call rte_eth_dev_stop() "
			       "first\n", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_RET(dev, dev_close);
	ret = dev->dev_ops->dev_close(dev);
	/* A driver's close may have released the queues already (set them NULL). */
	if (!secondary)
		eth_dev_queues_release(dev);
	ret2 = rte_eth_dev_release_port(dev);
	return ret != 0 ? ret : ret2;
}

__rte_export void
rte_eth_dev_internal_reset(struct rte_eth_dev *dev)
{
	if (dev->data->dev_started) {
		RTE_ETHDEV_LOG(ERR, "Port %u must be stopped before its reset\n",
			       dev->data->port_id);
		return;
	}
	eth_dev_queues_release(dev);
	memset(&dev->data->dev_conf, 0, sizeof(dev->data->dev_conf));
	dev->data->dev_configured = 0;
}

__rte_export int
rte_eth_dev_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, dev_reset);
	/* As DPDK: a failed stop is logged, and the reset goes ahead. */
	ret = rte_eth_dev_stop(port_id);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR, "Port %u: stop before reset failed (%s); resetting "
			       "anyway\n", port_id, strerror(-ret));
	return dev->dev_ops->dev_reset(dev);
}

static int
eth_dev_queue_op(uint16_t port_id, uint16_t queue_id, bool rx, bool start)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *data;
	eth_queue_start_t op;
	uint8_t *state;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	data = dev->data;
	/* As DPDK: only a queue start needs the port started, and that comes first. */
	if (start && !data->dev_started) {
		RTE_ETHDEV_LOG(ERR, "Port %u must be started before a queue start\n", port_id);
		return -EINVAL;
	}
	if (queue_id >= (rx ? data->nb_rx_queues : data->nb_tx_queues) ||
	    (rx ? data->rx_queues : data->tx_queues)[queue_id] == NULL) {
		RTE_ETHDEV_LOG(ERR, "Invalid %s queue_id=%u for port %u\n", rx ? "Rx" : "Tx",
			       queue_id, port_id);
		return -EINVAL;
	}
	op = rx ? (start ? dev->dev_ops->rx_queue_start : dev->dev_ops->rx_queue_stop) :
		  (start ? dev->dev_ops->tx_queue_start : dev->dev_ops->tx_queue_stop);
	if (op == NULL)
		return -ENOTSUP;
	state = rx ? &data->rx_queue_state[queue_id] : &data->tx_queue_state[queue_id];
	if (*state == (start ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED))
		return 0;
	ret = op(dev, queue_id);
	if (ret == 0)
		*state = start ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED;
	return ret;
}

__rte_export int
rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id)
{
	return eth_dev_queue_op(port_id, rx_queue_id, true, true);
}

__rte_export int
rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id)
{
	return eth_dev_queue_op(port_id, rx_queue_id, true, false);
}

__rte_export int
rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id)
{
	return eth_dev_queue_op(port_id, tx_queue_id, false, true);
}

__rte_export int
rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id)
{
	return eth_dev_queue_op(port_id, tx_queue_id, false, false);
}
