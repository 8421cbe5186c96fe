/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Basic and extended statistics. The xstats list is the basic counters
 * (DPDK's names), then per-queue counters when the driver sets
 * RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS, then the driver's own.
 */
#include <errno.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ethdev_private.h"

struct eth_xstat_basic {
	const char *name;
	size_t offset;
};

static const struct eth_xstat_basic eth_basic_stats[] = {
	{ "rx_good_packets", offsetof(struct rte_eth_stats, ipackets) },
	{ "tx_good_packets", offsetof(struct rte_eth_stats, opackets) },
	{ "rx_good_bytes", offsetof(struct rte_eth_stats, ibytes) },
	{ "tx_good_bytes", offsetof(struct rte_eth_stats, obytes) },
	{ "rx_missed_errors", offsetof(struct rte_eth_stats, imissed) },
	{ "rx_errors", offsetof(struct rte_eth_stats, ierrors) },
	{ "tx_errors", offsetof(struct rte_eth_stats, oerrors) },
	{ "rx_mbuf_allocation_errors", offsetof(struct rte_eth_stats, rx_nombuf) },
};

static const struct eth_xstat_basic eth_rxq_stats[] = {
	{ "packets", offsetof(struct rte_eth_stats, q_ipackets) },
	{ "bytes", offsetof(struct rte_eth_stats, q_ibytes) },
	{ "errors", offsetof(struct rte_eth_stats, q_errors) },
};

static const struct eth_xstat_basic eth_txq_stats[] = {
	{ "packets", offsetof(struct rte_eth_stats, q_opackets) },
	{ "bytes", offsetof(struct rte_eth_stats, q_obytes) },
};

__rte_export int
rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (stats == NULL) {
		RTE_ETHDEV_LOG(ERR, "Cannot get port %u stats to NULL\n", port_id);
		return -EINVAL;
	}
	memset(stats, 0, sizeof(*stats));
	ETH_OP_OR_RET(dev, stats_get);
	stats->rx_nombuf = dev->data->rx_mbuf_alloc_failed;
	return dev->dev_ops->stats_get(dev, stats);
}

__rte_export int
rte_eth_stats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	ETH_OP_OR_RET(dev, stats_reset);
	ret = dev->dev_ops->stats_reset(dev);
	if (ret == 0)
		dev->data->rx_mbuf_alloc_failed = 0;
	return ret;
}

static unsigned int
eth_dev_nb_rxq_xstats(const struct rte_eth_dev *dev)
{
	if (!(dev->data->dev_flags & RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS))
		return 0;
	return RTE_MIN(dev->data->nb_rx_queues, RTE_ETHDEV_QUEUE_STAT_CNTRS) *
	       RTE_DIM(eth_rxq_stats);
}

static unsigned int
eth_dev_nb_txq_xstats(const struct rte_eth_dev *dev)
{
	if (!(dev->data->dev_flags & RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS))
		return 0;
	return RTE_MIN(dev->data->nb_tx_queues, RTE_ETHDEV_QUEUE_STAT_CNTRS) *
	       RTE_DIM(eth_txq_stats);
}

/* Generic counters: basic, then per queue. */
static unsigned int
eth_dev_nb_generic_xstats(const struct rte_eth_dev *dev)
{
	return RTE_DIM(eth_basic_stats) + eth_dev_nb_rxq_xstats(dev) +
	       eth_dev_nb_txq_xstats(dev);
}

static int
eth_dev_nb_driver_xstats(struct rte_eth_dev *dev)
{
	if (dev->dev_ops->xstats_get_names == NULL)
		return 0;
	return dev->dev_ops->xstats_get_names(dev, NULL, 0);
}

/* Number of xstats: generic plus the driver's; the driver's error as is. */
static int
eth_xstats_count(struct rte_eth_dev *dev)
{
	int drv = eth_dev_nb_driver_xstats(dev);

	return drv < 0 ? drv : (int)eth_dev_nb_generic_xstats(dev) + drv;
}

/* Names of the generic xstats into names[]; returns their number. */
static unsigned int
eth_generic_xstats_names(const struct rte_eth_dev *dev, struct rte_eth_xstat_name *names)
{
	unsigned int i, q, n = 0;

	for (i = 0; i < RTE_DIM(eth_basic_stats); i++)
		snprintf(names[n++].name, RTE_ETH_XSTATS_NAME_SIZE, "%s", eth_basic_stats[i].name);
	for (q = 0; q < eth_dev_nb_rxq_xstats(dev) / RTE_DIM(eth_rxq_stats); q++)
		for (i = 0; i < RTE_DIM(eth_rxq_stats); i++)
			snprintf(names[n++].name, RTE_ETH_XSTATS_NAME_SIZE, "rx_q%u_%s", q,
				 eth_rxq_stats[i].name);
	for (q = 0; q < eth_dev_nb_txq_xstats(dev) / RTE_DIM(eth_txq_stats); q++)
		for (i = 0; i < RTE_DIM(eth_txq_stats); i++)
			snprintf(names[n++].name, RTE_ETH_XSTATS_NAME_SIZE, "tx_q%u_%s", q,
				 eth_txq_stats[i].name);
	return n;
}

static uint64_t
eth_stat_field(const struct rte_eth_stats *st, size_t offset, unsigned int q)
{
	return ((const uint64_t *)(const void *)((const char *)st + offset))[q];
}

/*
 * Values of the generic xstats into xstats[] (ids are the indexes). Returns
 * their number, or the error of rte_eth_stats_get().
 */
static int
eth_generic_xstats_values(uint16_t port_id, const struct rte_eth_dev *dev,
			  struct rte_eth_xstat *xstats)
{
	struct rte_eth_stats st;
	unsigned int i, q, k = 0;
	int ret;

	ret = rte_eth_stats_get(port_id, &st);
	if (ret != 0)
		return ret;
	for (i = 0; i < RTE_DIM(eth_basic_stats); i++)
		xstats[k++].value = eth_stat_field(&st, eth_basic_stats[i].offset, 0);
	for (q = 0; q < eth_dev_nb_rxq_xstats(dev) / RTE_DIM(eth_rxq_stats); q++)
		for (i = 0; i < RTE_DIM(eth_rxq_stats); i++)
			xstats[k++].value = eth_stat_field(&st, eth_rxq_stats[i].offset, q);
	for (q = 0; q < eth_dev_nb_txq_xstats(dev) / RTE_DIM(eth_txq_stats); q++)
		for (i = 0; i < RTE_DIM(eth_txq_stats); i++)
			xstats[k++].value = eth_stat_field(&st, eth_txq_stats[i].offset, q);
	for (i = 0; i < k; i++)
		xstats[i].id = i;
	return (int)k;
}

__rte_export int
rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *names, unsigned int size)
{
	struct rte_eth_dev *dev;
	unsigned int n;
	int total, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	total = eth_xstats_count(dev);
	if (total < 0 || names == NULL || size < (unsigned int)total)
		return total;
	n = eth_generic_xstats_names(dev, names);
	if ((unsigned int)total == n)
		return (int)n;
	ret = dev->dev_ops->xstats_get_names(dev, names + n, size - n);
	return ret < 0 ? ret : (int)(n + (unsigned int)ret);
}

__rte_export int
rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
{
	struct rte_eth_dev *dev;
	unsigned int i, k;
	int total, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (xstats == NULL && n > 0)
		return -EINVAL;
	total = eth_xstats_count(dev);
	if (total < 0 || xstats == NULL || n < (unsigned int)total)
		return total;
	ret = eth_generic_xstats_values(port_id, dev, xstats);
	if (ret < 0 || ret == total)
		return ret;
	k = (unsigned int)ret;
	ret = dev->dev_ops->xstats_get(dev, xstats + k, n - k);
	if (ret < 0)
		return ret;
	/* Driver ids count from 0; shift them behind the generic ones. */
	for (i = k; i < k + (unsigned int)ret; i++)
		xstats[i].id = i;
	return (int)(k + (unsigned int)ret);
}

__rte_export int
rte_eth_xstats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	/* As DPDK: the driver's xstats reset covers its basic stats too. */
	if (dev->dev_ops->xstats_reset != NULL)
		return dev->dev_ops->xstats_reset(dev);
	return rte_eth_stats_reset(port_id);
}

/*
 * Fetch the n xstats (values or names) into a fresh array; with generic_only
 * just the generic ones, without asking the driver (DPDK does the same when
 * every id asked for is generic). Returns 0, the error of rte_eth_stats_get()
 * or of the driver, -ENOMEM, or -EAGAIN if the count changed meanwhile.
 */
static int
eth_xstats_fetch_all(uint16_t port_id, int n, bool generic_only, struct rte_eth_xstat **vals,
		     struct rte_eth_xstat_name **names)
{
	struct rte_eth_dev *dev = &rte_eth_devices[port_id];
	int want = generic_only ? (int)eth_dev_nb_generic_xstats(dev) : n;
	int ret;

	if (names != NULL) {
		*names = calloc(n ? n : 1, sizeof(**names));
		if (*names == NULL)
			return -ENOMEM;
		ret = generic_only ? (int)eth_generic_xstats_names(dev, *names) :
				     rte_eth_xstats_get_names(port_id, *names, n);
	} else {
		*vals = calloc(n ? n : 1, sizeof(**vals));
		if (*vals == NULL)
			return -ENOMEM;
		ret = generic_only ? eth_generic_xstats_values(port_id, dev, *vals) :
				     rte_eth_xstats_get(port_id, *vals, n);
	}
	if (ret == want)
		return 0;
	if (names != NULL) {
		free(*names);
		*names = NULL;
	} else {
		free(*vals);
		*vals = NULL;
	}
	return ret < 0 ? ret : -EAGAIN;
}

/* True if every one of the size ids names a generic xstat. */
static bool
eth_xstats_ids_generic(const struct rte_eth_dev *dev, const uint64_t *ids, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		if (ids[i] >= eth_dev_nb_generic_xstats(dev))
			return false;
	return true;
}

/* Every id below n, else logged -EINVAL (DPDK returns -1 there). */
static int
eth_xstats_ids_check(uint16_t port_id, const uint64_t *ids, unsigned int size, int n)
{
	unsigned int i;

	for (i = 0; i < size; i++) {
		if (ids[i] >= (uint64_t)n) {
			RTE_ETHDEV_LOG(ERR, "Port %u: xstat id %" PRIu64 " is not below the %d "
				       "xstats\n", port_id, ids[i], n);
			return -EINVAL;
		}
	}
	return 0;
}

__rte_export int
rte_eth_xstats_get_names_by_id(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
			       unsigned int size, uint64_t *ids)
{
	struct rte_eth_xstat_name *all;
	struct rte_eth_dev *dev;
	unsigned int i;
	int n, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	n = eth_xstats_count(dev);
	if (n < 0)
		return n;
	if (ids == NULL)
		return rte_eth_xstats_get_names(port_id, xstats_names, size);
	if (xstats_names == NULL)
		return -EINVAL;
	ret = eth_xstats_ids_check(port_id, ids, size, n);
	if (ret == 0)
		ret = eth_xstats_fetch_all(port_id, n, eth_xstats_ids_generic(dev, ids, size), NULL,
					   &all);
	if (ret != 0)
		return ret;
	for (i = 0; i < size; i++)
		xstats_names[i] = all[ids[i]];
	free(all);
	return (int)size;
}

__rte_export int
rte_eth_xstats_get_by_id(uint16_t port_id, const uint64_t *ids, uint64_t *values,
			 unsigned int size)
{
	struct rte_eth_xstat *all;
	struct rte_eth_dev *dev;
	unsigned int i, count;
	int n, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	n = eth_xstats_count(dev);
	if (n < 0)
		return n;
	/* All of them: a table that is missing or too small gets the number needed. */
	if (ids == NULL && (values == NULL || size < (unsigned int)n))
		return n;
	if (values == NULL)
		return -EINVAL;
	ret = ids != NULL ? eth_xstats_ids_check(port_id, ids, size, n) : 0;
	if (ret == 0)
		ret = eth_xstats_fetch_all(port_id, n, ids != NULL &&
					   eth_xstats_ids_generic(dev, ids, size), &all, NULL);
	if (ret != 0)
		return ret;
	count = ids != NULL ? size : (unsigned int)n;
	for (i = 0; i < count; i++)
		values[i] = all[ids != NULL ? ids[i] : i].value;
	free(all);
	return (int)count;
}

__rte_export int
rte_eth_xstats_get_id_by_name(uint16_t port_id, const char *xstat_name, uint64_t *id)
{
	struct rte_eth_xstat_name *all;
	struct rte_eth_dev *dev;
	int i, n, ret;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	/* DPDK's documented code for a NULL argument */
	if (xstat_name == NULL || id == NULL)
		return -ENOMEM;
	n = eth_xstats_count(dev);
	if (n < 0)
		return n;
	ret = eth_xstats_fetch_all(port_id, n, false, NULL, &all);
	if (ret != 0)
		return ret;
	for (i = 0; i < n; i++) {
		if (strcmp(all[i].name, xstat_name) == 0) {
			*id = (uint64_t)i;
			free(all);
			return 0;
		}
	}
	free(all);
	return -EINVAL;
}

static int
eth_dev_queue_stats_mapping(uint16_t port_id, uint16_t queue_id, uint8_t stat_idx,
			    uint8_t is_rx)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (queue_id >= (is_rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues) ||
	    stat_idx >= RTE_ETHDEV_QUEUE_STAT_CNTRS)
		return -EINVAL;
	ETH_OP_OR_RET(dev, queue_stats_mapping_set);
	return dev->dev_ops->queue_stats_mapping_set(dev, queue_id, stat_idx, is_rx);
}

__rte_export int
rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id, uint16_t tx_queue_id,
				       uint8_t stat_idx)
{
	return eth_dev_queue_stats_mapping(port_id, tx_queue_id, stat_idx, 0);
}

__rte_export int
rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id, uint16_t rx_queue_id,
				       uint8_t stat_idx)
{
	return eth_dev_queue_stats_mapping(port_id, rx_queue_id, stat_idx, 1);
}
