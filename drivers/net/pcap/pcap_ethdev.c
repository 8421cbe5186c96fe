/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap control path. Devargs as DPDK 22.11's: rx_pcap, tx_pcap,
 * rx_iface, rx_iface_in, tx_iface, iface, phy_mac, infinite_rx. Each
 * rx_* devarg is one Rx queue and each tx_* one Tx queue, in the order
 * given; a side without any gets as many queues as the other side, which
 * receive nothing or count and drop what they are given.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_mbuf_dyn.h>
#include <rte_string_fns.h>

#include <bus_vdev_driver.h>
#include <linux_netif.h>

#include "pcap_private.h"

RTE_LOG_REGISTER(pcap_logtype, pmd.net.pcap, NOTICE);

#define ARG_RX_PCAP "rx_pcap"
#define ARG_TX_PCAP "tx_pcap"
#define ARG_RX_IFACE "rx_iface"
#define ARG_RX_IFACE_IN "rx_iface_in"
#define ARG_TX_IFACE "tx_iface"
#define ARG_IFACE "iface"
#define ARG_PHY_MAC "phy_mac"
#define ARG_INFINITE_RX "infinite_rx"

static const char *const pcap_valid_args[] = {ARG_RX_PCAP,     ARG_TX_PCAP,	ARG_RX_IFACE,
					      ARG_RX_IFACE_IN, ARG_TX_IFACE,	ARG_IFACE,
					      ARG_PHY_MAC,     ARG_INFINITE_RX, NULL};

/* Counts of each devarg, and the flags, before the queues are laid out. */
struct pcap_arg_counts {
	unsigned int rx_pcap, rx_iface, tx_pcap, tx_iface, iface, infinite;
	bool infinite_on;
};

/* Ports get MACs 02:70:63:61:70:<n> ("pcap", locally administered), as in DPDK. */
static uint8_t pcap_mac_next;

static int
pcap_queue_add(const char *dev_name, struct pcap_queue_src *src, uint16_t *nb,
	       enum pcap_queue_kind kind, const char *key, const char *val)
{
	if (*nb >= PCAP_MAX_QUEUES) {
		PCAP_LOG(ERR,
			 "%s: more than %u queues on one side: give at most %u rx_* and "
			 "%u tx_* devargs\n",
			 dev_name, PCAP_MAX_QUEUES, PCAP_MAX_QUEUES, PCAP_MAX_QUEUES);
		return -EINVAL;
	}
	if (val == NULL || val[0] == '\0' || strlen(val) >= sizeof(src[*nb].name))
		return rte_vdev_arg_invalid(dev_name, key, val,
					    kind == PCAP_Q_FILE ? "a file path"
								: "an interface name");
	src[*nb].kind = kind;
	src[*nb].in_only = strcmp(key, ARG_RX_IFACE_IN) == 0;
	strlcpy(src[*nb].name, val, sizeof(src[*nb].name));
	(*nb)++;
	return 0;
}

/* Queues of one kind, in devargs order: keys names one or two devargs. */
static int
pcap_queues_collect(const char *dev_name, const struct rte_kvargs *kv, struct pcap_queue_src *src,
		    uint16_t *nb, enum pcap_queue_kind kind, const char *key, const char *key2)
{
	unsigned int i;
	int ret;

	for (i = 0; i < kv->count; i++) {
		const char *k = kv->pairs[i].key;

		if (strcmp(k, key) != 0 && (key2 == NULL || strcmp(k, key2) != 0))
			continue;
		ret = pcap_queue_add(dev_name, src, nb, kind, k, kv->pairs[i].value);
		if (ret != 0)
			return ret;
	}
	return 0;
}

/* "0" or "1", strictly. */
static int
pcap_arg_bool(const char *dev_name, const char *key, const char *val, bool *out)
{
	if (val == NULL || (strcmp(val, "0") != 0 && strcmp(val, "1") != 0))
		return rte_vdev_arg_invalid(dev_name, key, val, "0 or 1");
	*out = val[0] == '1';
	return 0;
}

static int
pcap_args_count(const char *dev_name, const struct rte_kvargs *kv, struct pcap_private *priv,
		struct pcap_arg_counts *c)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < kv->count && ret == 0; i++) {
		const char *key = kv->pairs[i].key;
		const char *val = kv->pairs[i].value;

		if (strcmp(key, ARG_RX_PCAP) == 0)
			c->rx_pcap++;
		else if (strcmp(key, ARG_RX_IFACE) == 0 || strcmp(key, ARG_RX_IFACE_IN) == 0)
			c->rx_iface++;
		else if (strcmp(key, ARG_TX_PCAP) == 0)
			c->tx_pcap++;
		else if (strcmp(key, ARG_TX_IFACE) == 0)
			c->tx_iface++;
		else if (strcmp(key, ARG_IFACE) == 0)
			c->iface++;
		else if (strcmp(key, ARG_PHY_MAC) == 0)
			ret = pcap_arg_bool(dev_name, key, val, &priv->phy_mac);
		else if (strcmp(key, ARG_INFINITE_RX) == 0) {
			c->infinite++;
			ret = pcap_arg_bool(dev_name, key, val, &c->infinite_on);
		}
	}
	return ret;
}

static void
pcap_ignored_warn(const char *dev_name, unsigned int n, const char *what, const char *why)
{
	if (n != 0)
		PCAP_LOG(WARNING, "%s: %s ignored: %s\n", dev_name, what, why);
}

/* Lay the queues out as DPDK does; the devargs that lose are named in a warning. */
static int
pcap_queues_layout(const char *dev_name, const struct rte_kvargs *kv, struct pcap_private *priv,
		   const struct pcap_arg_counts *c)
{
	uint16_t q;
	int ret;

	if (c->iface > 1) {
		PCAP_LOG(ERR, "%s: iface given %u times: give it once\n", dev_name, c->iface);
		return -EINVAL;
	}
	if (c->iface == 1) {
		pcap_ignored_warn(dev_name, c->rx_pcap + c->rx_iface + c->tx_pcap + c->tx_iface,
				  "rx_*/tx_* devargs", "iface serves both Rx and Tx");
		ret = pcap_queues_collect(dev_name, kv, priv->rx_src, &priv->nb_rxq, PCAP_Q_IFACE,
					  ARG_IFACE, NULL);
		if (ret != 0)
			return ret;
		priv->tx_src[0] = priv->rx_src[0];
		priv->nb_txq = 1;
		priv->single_iface = true;
		return 0;
	}
	pcap_ignored_warn(dev_name, priv->phy_mac, "phy_mac", "it applies to iface only");
	if (c->rx_pcap != 0) {
		pcap_ignored_warn(dev_name, c->rx_iface, "rx_iface/rx_iface_in",
				  "rx_pcap takes Rx");
		ret = pcap_queues_collect(dev_name, kv, priv->rx_src, &priv->nb_rxq, PCAP_Q_FILE,
					  ARG_RX_PCAP, NULL);
	} else {
		ret = pcap_queues_collect(dev_name, kv, priv->rx_src, &priv->nb_rxq, PCAP_Q_IFACE,
					  ARG_RX_IFACE, ARG_RX_IFACE_IN);
	}
	if (ret != 0)
		return ret;
	if (c->tx_pcap != 0) {
		pcap_ignored_warn(dev_name, c->tx_iface, "tx_iface", "tx_pcap takes Tx");
		ret = pcap_queues_collect(dev_name, kv, priv->tx_src, &priv->nb_txq, PCAP_Q_FILE,
					  ARG_TX_PCAP, NULL);
	} else {
		ret = pcap_queues_collect(dev_name, kv, priv->tx_src, &priv->nb_txq, PCAP_Q_IFACE,
					  ARG_TX_IFACE, NULL);
	}
	if (ret != 0)
		return ret;
	if (priv->nb_rxq == 0 && priv->nb_txq == 0) {
		PCAP_LOG(ERR,
			 "%s: no queue to make: give rx_pcap=<file>, tx_pcap=<file>, "
			 "rx_iface=<ifc>, tx_iface=<ifc> or iface=<ifc>\n",
			 dev_name);
		return -EINVAL;
	}
	/* the side without devargs mirrors the other: kind PCAP_Q_NONE */
	for (q = priv->nb_rxq; q < priv->nb_txq; q++)
		priv->rx_src[q].kind = PCAP_Q_NONE;
	for (q = priv->nb_txq; q < priv->nb_rxq; q++)
		priv->tx_src[q].kind = PCAP_Q_NONE;
	priv->nb_rxq = RTE_MAX(priv->nb_rxq, priv->nb_txq);
	priv->nb_txq = priv->nb_rxq;
	if (c->infinite > 1)
		PCAP_LOG(WARNING, "%s: infinite_rx given %u times: not enabled; give it once\n",
			 dev_name, c->infinite);
	else if (c->infinite_on && c->rx_pcap == 0)
		PCAP_LOG(WARNING, "%s: infinite_rx ignored: it replays rx_pcap files only\n",
			 dev_name);
	else
		priv->infinite_rx = c->infinite_on;
	return 0;
}

static int
pcap_args_parse(struct rte_vdev_device *vdev, struct pcap_private *priv)
{
	const char *name = rte_vdev_device_name(vdev);
	struct pcap_arg_counts c = {0};
	struct rte_kvargs *kv;
	int ret;

	kv = rte_vdev_kvargs_parse(vdev, pcap_valid_args);
	if (kv == NULL)
		return -EINVAL;
	ret = pcap_args_count(name, kv, priv, &c);
	if (ret == 0)
		ret = pcap_queues_layout(name, kv, priv, &c);
	rte_kvargs_free(kv);
	return ret;
}

/* Close every handle; the files and interfaces stay named for the next start. */
static void
pcap_port_close(struct pcap_private *priv)
{
	uint16_t q;

	for (q = 0; q < PCAP_MAX_QUEUES; q++) {
		struct pcap_rx_queue *rxq = &priv->rxq[q];
		struct pcap_tx_queue *txq = &priv->txq[q];

		if (txq->dumper != NULL)
			pcap_dump_close(txq->dumper);
		txq->dumper = NULL;
		/* iface: queue 0's Rx and Tx share one handle */
		if (txq->pcap != NULL && txq->pcap != rxq->pcap)
			pcap_close(txq->pcap);
		txq->pcap = NULL;
		if (rxq->pcap != NULL)
			pcap_close(rxq->pcap);
		rxq->pcap = NULL;
		rxq->failed = false;
		txq->flush_failed = false;
	}
}

static int
pcap_rx_open(const char *dev_name, struct pcap_private *priv, uint16_t q)
{
	const struct pcap_queue_src *src = &priv->rx_src[q];
	struct pcap_rx_queue *rxq = &priv->rxq[q];
	int ret = 0;

	if (rxq->pcap != NULL || src->kind == PCAP_Q_NONE)
		return 0;
	if (src->kind == PCAP_Q_FILE)
		ret = pcap_rx_file_open(dev_name, src->name, &rxq->pcap);
	else
		ret = pcap_iface_open(dev_name,
				      priv->single_iface ? ARG_IFACE
				      : src->in_only	 ? ARG_RX_IFACE_IN
							 : ARG_RX_IFACE,
				      src->name, src->in_only, &rxq->pcap);
	if (ret == 0)
		rxq->ts_scale = pcap_get_tstamp_precision(rxq->pcap) == PCAP_TSTAMP_PRECISION_NANO
					? 1
					: 1000;
	return ret;
}

/*
 * Open what is not open yet: Rx sources, Tx interfaces, then Tx files, so
 * that a probe that fails on an Rx file or an interface creates no file.
 */
static int
pcap_port_open(const char *dev_name, struct pcap_private *priv, bool probing)
{
	struct stat st;
	uint16_t q;
	int ret = 0;

	for (q = 0; q < priv->nb_rxq && ret == 0; q++)
		ret = pcap_rx_open(dev_name, priv, q);
	if (priv->single_iface && ret == 0)
		priv->txq[0].pcap = priv->rxq[0].pcap;
	for (q = 0; q < priv->nb_txq && ret == 0; q++)
		if (priv->tx_src[q].kind == PCAP_Q_IFACE && priv->txq[q].pcap == NULL)
			ret = pcap_iface_open(dev_name, ARG_TX_IFACE, priv->tx_src[q].name, false,
					      &priv->txq[q].pcap);
	for (q = 0; q < priv->nb_txq && ret == 0; q++) {
		struct pcap_queue_src *src = &priv->tx_src[q];

		if (src->kind != PCAP_Q_FILE || priv->txq[q].dumper != NULL)
			continue;
		if (probing)
			src->created = stat(src->name, &st) != 0 && errno == ENOENT;
		ret = pcap_tx_file_open(dev_name, src->name, &priv->txq[q].dumper);
	}
	if (ret == 0)
		return 0;
	pcap_port_close(priv);
	/* a file this probe made would outlive the port that failed */
	for (q = 0; probing && q < priv->nb_txq; q++)
		if (priv->tx_src[q].kind == PCAP_Q_FILE && priv->tx_src[q].created)
			unlink(priv->tx_src[q].name);
	return ret;
}

static void
pcap_link_set(struct rte_eth_dev *dev, bool up)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	rte_eth_linkstatus_set(dev, &link);
}

/* A stopped port closed its files; starting again reads them from the top. */
static int
pcap_dev_start(struct rte_eth_dev *dev)
{
	int ret = pcap_port_open(dev->data->name, dev->data->dev_private, false);

	if (ret != 0)
		return ret;
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	pcap_link_set(dev, true);
	return 0;
}

/* Closing is what flushes and finishes the Tx files. */
static int
pcap_dev_stop(struct rte_eth_dev *dev)
{
	pcap_port_close(dev->data->dev_private);
	eth_dev_queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	pcap_link_set(dev, false);
	return 0;
}

static int
pcap_dev_configure(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static void
pcap_loop_free(struct pcap_rx_queue *rxq)
{
	uint32_t i;

	for (i = 0; i < rxq->loop_cnt; i++)
		rte_pktmbuf_free(rxq->loop[i]);
	free(rxq->loop);
	rxq->loop = NULL;
	rxq->loop_cnt = 0;
	rxq->loop_idx = 0;
}

static int
pcap_dev_close(struct rte_eth_dev *dev)
{
	struct pcap_private *priv = dev->data->dev_private;
	uint16_t q;

	if (priv == NULL)
		return 0;
	pcap_port_close(priv);
	for (q = 0; q < PCAP_MAX_QUEUES; q++) {
		pcap_loop_free(&priv->rxq[q]);
		rte_free(priv->txq[q].linear);
		priv->txq[q].linear = NULL;
	}
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queues[q] = NULL;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queues[q] = NULL;
	pcap_link_set(dev, false);
	return 0;
}

static int
pcap_link_update(struct rte_eth_dev *dev __rte_unused, int wait __rte_unused)
{
	return 0;
}

static int
pcap_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct pcap_private *priv = dev->data->dev_private;

	info->if_index = (uint32_t)priv->if_index;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = priv->nb_rxq;
	info->max_tx_queues = priv->nb_txq;
	info->min_rx_bufsize = 0;
	/* records longer than an mbuf become chains; chains go out as one record */
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	return 0;
}

/*
 * infinite_rx: read the whole file into mbufs of the queue's pool now, as
 * DPDK does; Rx then hands out copies in a loop. Each packet must fit one
 * mbuf and the pool must hold them all.
 */
static int
pcap_loop_load(struct rte_eth_dev *dev, struct pcap_rx_queue *rxq, const char *path)
{
	struct pcap_rx_queue rd = {.mb_pool = rxq->mb_pool,
				   .name = path,
				   .dev_name = dev->data->name,
				   .ts_offset = -1};
	uint32_t cap = 0;
	struct rte_mbuf *m;
	int ret;

	ret = pcap_rx_file_open(dev->data->name, path, &rd.pcap);
	if (ret != 0)
		return ret;
	while ((ret = pcap_rx_one(&rd, &m)) != 0) {
		if (ret < 0)
			continue;
		if (m->nb_segs != 1) {
			PCAP_LOG(ERR,
				 "%s: infinite_rx: packet %u of '%s' has %u bytes, more "
				 "than one mbuf holds: use mbufs with a data room of at least "
				 "%u bytes\n",
				 dev->data->name, rxq->loop_cnt + 1, path, m->pkt_len,
				 m->pkt_len + RTE_PKTMBUF_HEADROOM);
			rte_pktmbuf_free(m);
			ret = -EINVAL;
			goto out_free;
		}
		if (rxq->loop_cnt == cap) {
			uint32_t ncap = cap == 0 ? 64 : cap * 2;
			struct rte_mbuf **n = realloc(rxq->loop, ncap * sizeof(*n));

			if (n == NULL) {
				rte_pktmbuf_free(m);
				ret = -ENOMEM;
				PCAP_LOG(ERR, "%s: infinite_rx: out of memory\n", dev->data->name);
				goto out_free;
			}
			rxq->loop = n;
			cap = ncap;
		}
		rxq->loop[rxq->loop_cnt++] = m;
		rd.pkts++; /* for the reader's line if the file turns bad */
	}
	ret = -EINVAL;
	if (rd.failed)
		goto out_free; /* logged by the reader */
	if (rd.nombuf != 0) {
		PCAP_LOG(ERR,
			 "%s: infinite_rx: the mempool ran out after %u packets of '%s': "
			 "give it more mbufs than the file has packets\n",
			 dev->data->name, rxq->loop_cnt, path);
		goto out_free;
	}
	if (rxq->loop_cnt == 0) {
		PCAP_LOG(ERR,
			 "%s: infinite_rx: '%s' has no packet to replay: give a file "
			 "with at least one\n",
			 dev->data->name, path);
		goto out_free;
	}
	pcap_close(rd.pcap);
	return 0;

out_free:
	pcap_close(rd.pcap);
	pcap_loop_free(rxq);
	return ret;
}

static int
pcap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		    unsigned int socket_id __rte_unused,
		    const struct rte_eth_rxconf *conf __rte_unused, struct rte_mempool *mp)
{
	struct pcap_private *priv = dev->data->dev_private;
	struct pcap_rx_queue *rxq = &priv->rxq[qid];
	int ret;

	rxq->mb_pool = mp;
	rxq->port_id = dev->data->port_id;
	rxq->name = priv->rx_src[qid].name;
	rxq->dev_name = dev->data->name;
	pcap_loop_free(rxq);
	if (priv->infinite_rx) {
		ret = pcap_loop_load(dev, rxq, priv->rx_src[qid].name);
		if (ret != 0)
			return ret;
	}
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

static int
pcap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc __rte_unused,
		    unsigned int socket_id, const struct rte_eth_txconf *conf __rte_unused)
{
	struct pcap_private *priv = dev->data->dev_private;
	struct pcap_tx_queue *txq = &priv->txq[qid];

	if (txq->linear == NULL && priv->tx_src[qid].kind != PCAP_Q_NONE) {
		txq->linear =
			rte_malloc_socket("pcap_tx_linear", PCAP_FILE_SNAPLEN, 0, (int)socket_id);
		if (txq->linear == NULL) {
			PCAP_LOG(ERR, "%s: out of memory for Tx queue %u\n", dev->data->name, qid);
			return -ENOMEM;
		}
	}
	txq->name = priv->tx_src[qid].name;
	txq->dev_name = dev->data->name;
	dev->data->tx_queues[qid] = txq;
	return 0;
}

static int
pcap_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
pcap_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static int
pcap_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
pcap_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static int
pcap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct pcap_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < priv->nb_rxq; q++) {
		const struct pcap_rx_queue *rxq = &priv->rxq[q];

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
	for (q = 0; q < priv->nb_txq; q++) {
		const struct pcap_tx_queue *txq = &priv->txq[q];

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
pcap_stats_reset(struct rte_eth_dev *dev)
{
	struct pcap_private *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < PCAP_MAX_QUEUES; q++) {
		struct pcap_rx_queue *rxq = &priv->rxq[q];
		struct pcap_tx_queue *txq = &priv->txq[q];

		rxq->pkts = rxq->bytes = rxq->errs = rxq->nombuf = 0;
		txq->pkts = txq->bytes = txq->errs = 0;
	}
	return 0;
}

static const struct eth_dev_ops pcap_ops = {
	.dev_configure = pcap_dev_configure,
	.dev_start = pcap_dev_start,
	.dev_stop = pcap_dev_stop,
	.dev_close = pcap_dev_close,
	.dev_infos_get = pcap_dev_infos_get,
	.link_update = pcap_link_update,
	.rx_queue_setup = pcap_rx_queue_setup,
	.tx_queue_setup = pcap_tx_queue_setup,
	.rx_queue_start = pcap_rx_queue_start,
	.rx_queue_stop = pcap_rx_queue_stop,
	.tx_queue_start = pcap_tx_queue_start,
	.tx_queue_stop = pcap_tx_queue_stop,
	.stats_get = pcap_stats_get,
	.stats_reset = pcap_stats_reset,
};

/* iface=: the interface's index, and its MAC when phy_mac=1. */
static int
pcap_iface_facts(const char *dev_name, struct pcap_private *priv)
{
	const char *iface = priv->rx_src[0].name;
	int fd, ret;

	priv->if_index = (int)if_nametoindex(iface);
	if (!priv->phy_mac)
		return 0;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		ret = -errno;
	else
		ret = netif_hwaddr_get(fd, iface, &priv->mac);
	if (fd >= 0)
		close(fd);
	if (ret < 0) {
		PCAP_LOG(ERR,
			 "%s: phy_mac: cannot read the MAC address of '%s': %s; drop "
			 "phy_mac=1\n",
			 dev_name, iface, strerror(-ret));
		return ret;
	}
	return 0;
}

static void
pcap_burst_fns_set(struct rte_eth_dev *dev, const struct pcap_private *priv)
{
	/* one kind a side, as the devargs laid the queues out */
	if (priv->infinite_rx)
		dev->rx_pkt_burst = pcap_rx_loop_burst;
	else if (priv->rx_src[0].kind != PCAP_Q_NONE)
		dev->rx_pkt_burst = pcap_rx_burst;
	else
		dev->rx_pkt_burst = pcap_rx_none_burst;
	if (priv->tx_src[0].kind == PCAP_Q_FILE)
		dev->tx_pkt_burst = pcap_tx_dump_burst;
	else if (priv->tx_src[0].kind == PCAP_Q_IFACE)
		dev->tx_pkt_burst = pcap_tx_iface_burst;
	else
		dev->tx_pkt_burst = pcap_tx_drop_burst;
}

/*
 * A secondary (a capture or statistics tool) only needs the port to exist:
 * the pcap handles belong to the primary, so this process's burst functions
 * neither read nor write them. Statistics read the counters in place.
 */
static int
pcap_port_attach(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return -ENODEV;
	dev->device = &vdev->device;
	dev->dev_ops = &pcap_ops;
	dev->rx_pkt_burst = pcap_rx_none_burst;
	dev->tx_pkt_burst = pcap_tx_drop_burst;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
pcap_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int numa = vdev->device.numa_node;
	struct pcap_private *priv;
	struct rte_eth_dev *dev;
	int ts_offset;
	uint64_t ts_flag;
	uint16_t q;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return pcap_port_attach(vdev);
	priv = rte_zmalloc_socket(name, sizeof(*priv), RTE_CACHE_LINE_SIZE, numa);
	if (priv == NULL) {
		PCAP_LOG(ERR, "%s: out of memory\n", name);
		return -ENOMEM;
	}
	ret = pcap_args_parse(vdev, priv);
	if (ret == 0 && priv->single_iface)
		ret = pcap_iface_facts(name, priv);
	/* as DPDK: every Rx mbuf of a file or capture carries its stamp */
	if (ret == 0 && rte_mbuf_dyn_rx_timestamp_register(&ts_offset, &ts_flag) != 0) {
		PCAP_LOG(ERR, "%s: cannot register the Rx timestamp field: %s\n", name,
			 rte_strerror(rte_errno));
		ret = -rte_errno;
	}
	if (ret == 0)
		ret = pcap_port_open(name, priv, true);
	if (ret != 0) {
		rte_free(priv);
		return ret;
	}
	for (q = 0; q < PCAP_MAX_QUEUES; q++) {
		priv->rxq[q].ts_offset = ts_offset;
		priv->rxq[q].ts_flag = ts_flag;
	}
	if (!priv->phy_mac)
		priv->mac = (struct rte_ether_addr){
			.addr_bytes = {0x02, 0x70, 0x63, 0x61, 0x70, pcap_mac_next++}};
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL) {
		ret = -rte_errno;
		goto err_close;
	}
	/* from here rte_eth_dev_release_port frees priv and mac_addrs */
	dev->data->dev_private = priv;
	dev->device = &vdev->device;
	dev->dev_ops = &pcap_ops;
	dev->data->numa_node = numa;
	dev->data->promiscuous = 1;
	dev->data->all_multicast = 1;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(priv->mac), 0, numa);
	if (dev->data->mac_addrs == NULL) {
		PCAP_LOG(ERR, "%s: out of memory\n", name);
		pcap_dev_close(dev);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	dev->data->mac_addrs[0] = priv->mac;
	pcap_burst_fns_set(dev, priv);
	pcap_link_set(dev, false);
	rte_eth_dev_probing_finish(dev);
	PCAP_LOG(INFO, "%s: %u Rx and %u Tx queue(s)%s\n", name, priv->nb_rxq, priv->nb_txq,
		 priv->infinite_rx ? ", infinite_rx" : "");
	return 0;

err_close:
	pcap_port_close(priv);
	rte_free(priv);
	return ret;
}

static int
pcap_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed through rte_eth_dev_close already */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev); /* the primary owns the handles */
	pcap_dev_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver pcap_driver = {
	.probe = pcap_probe,
	.remove = pcap_remove,
};

RTE_PMD_REGISTER_VDEV(net_pcap, pcap_driver);
RTE_PMD_REGISTER_ALIAS(net_pcap, eth_pcap);
RTE_PMD_REGISTER_PARAM_STRING(net_pcap, ARG_RX_PCAP
			      "=<string> " ARG_TX_PCAP "=<string> " ARG_RX_IFACE
			      "=<ifc> " ARG_RX_IFACE_IN "=<ifc> " ARG_TX_IFACE "=<ifc> " ARG_IFACE
			      "=<ifc> " ARG_PHY_MAC "=<int> " ARG_INFINITE_RX "=<0|1>");
