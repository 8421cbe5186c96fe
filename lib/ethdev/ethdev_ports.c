/* SPDX-License-Identifier: BSD-3-Clause */
/* Port table: allocation, release, lookup, iteration and ownership. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

/* Exported: RTE_ETHDEV_LOG in the public header names it. */
__rte_export extern int rte_eth_dev_logtype;
RTE_LOG_REGISTER(rte_eth_dev_logtype, lib.ethdev, INFO);

__rte_export struct rte_eth_dev rte_eth_devices[RTE_MAX_ETHPORTS];
__rte_export struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

/*
 * The port data, as in DPDK, in the memzone ETH_DEV_DATA_MZ that the
 * primary makes at its first port, so that secondaries see its ports;
 * the local table stands in while there is no EAL memory.
 */
#define ETH_DEV_DATA_MZ "rte_eth_dev_data"
static struct rte_eth_dev_data eth_dev_data_local[RTE_MAX_ETHPORTS];

pthread_mutex_t eth_dev_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t eth_dev_next_owner_id = RTE_ETH_DEV_NO_OWNER + 1;

/* What stopped ports' fast-path entries point at: no queues, no callbacks. */
static void *eth_dev_dummy_queues[RTE_MAX_QUEUES_PER_PORT];
static void *eth_dev_dummy_clbk[RTE_MAX_QUEUES_PER_PORT];

__rte_export uint16_t
rte_eth_pkt_burst_dummy(void *queue __rte_unused, struct rte_mbuf **pkts __rte_unused,
			uint16_t nb_pkts __rte_unused)
{
	return 0;
}

void
eth_dev_fp_ops_reset(uint16_t port_id)
{
	struct rte_eth_fp_ops *fpo = &rte_eth_fp_ops[port_id];

	*fpo = (struct rte_eth_fp_ops){
		.rx_pkt_burst = rte_eth_pkt_burst_dummy,
		.tx_pkt_burst = rte_eth_pkt_burst_dummy,
		.rxq = { .data = eth_dev_dummy_queues, .clbk = eth_dev_dummy_clbk },
		.txq = { .data = eth_dev_dummy_queues, .clbk = eth_dev_dummy_clbk },
	};
}

void
eth_dev_fp_ops_setup(struct rte_eth_dev *dev)
{
	struct rte_eth_fp_ops *fpo = &rte_eth_fp_ops[dev->data->port_id];

	*fpo = (struct rte_eth_fp_ops){
		.rx_pkt_burst = dev->rx_pkt_burst ? dev->rx_pkt_burst : rte_eth_pkt_burst_dummy,
		.tx_pkt_burst = dev->tx_pkt_burst ? dev->tx_pkt_burst : rte_eth_pkt_burst_dummy,
		.tx_pkt_prepare = dev->tx_pkt_prepare,
		.rx_queue_count = dev->rx_queue_count,
		.rx_descriptor_status = dev->rx_descriptor_status,
		.tx_descriptor_status = dev->tx_descriptor_status,
		.rxq = { .data = dev->data->rx_queues, .clbk = (void **)dev->post_rx_burst_cbs },
		.txq = { .data = dev->data->tx_queues, .clbk = (void **)dev->pre_tx_burst_cbs },
	};
}

RTE_INIT(eth_dev_table_init)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		rte_eth_devices[i].data = &eth_dev_data_local[i];
		TAILQ_INIT(&rte_eth_devices[i].link_intr_cbs);
		eth_dev_fp_ops_reset(i);
	}
}

/* Always built: an application may define RTE_ETHDEV_DEBUG_RX on its own. */
__rte_export int
rte_eth_fp_check_queue(uint16_t port_id, uint16_t queue_id, int is_rx)
{
	const struct rte_eth_dev_data *data;

	if (port_id >= RTE_MAX_ETHPORTS || !rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u in %s burst\n", port_id,
			       is_rx ? "Rx" : "Tx");
		return -1;
	}
	data = rte_eth_devices[port_id].data;
	if (queue_id >= (is_rx ? data->nb_rx_queues : data->nb_tx_queues) ||
	    (is_rx ? data->rx_queues : data->tx_queues)[queue_id] == NULL) {
		RTE_ETHDEV_LOG(ERR, "Invalid %s queue_id=%u for port_id=%u\n",
			       is_rx ? "Rx" : "Tx", queue_id, port_id);
		return -1;
	}
	return 0;
}

__rte_export int
rte_eth_dev_is_valid_port(uint16_t port_id)
{
	return port_id < RTE_MAX_ETHPORTS &&
	       rte_eth_devices[port_id].state != RTE_ETH_DEV_UNUSED;
}

struct rte_eth_dev *
eth_dev_get_valid(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u: no such port (list them with "
			       "RTE_ETH_FOREACH_DEV)\n", port_id);
		return NULL;
	}
	return &rte_eth_devices[port_id];
}

/*
 * The port data table: looked up each time, since it goes with the EAL's
 * memory at rte_eal_cleanup(). create: the primary makes it if missing.
 */
static struct rte_eth_dev_data *
eth_dev_data_table(bool create)
{
	const struct rte_memzone *mz = rte_memzone_lookup(ETH_DEV_DATA_MZ);

	if (mz == NULL && create && rte_eal_process_type() == RTE_PROC_PRIMARY)
		mz = rte_memzone_reserve(ETH_DEV_DATA_MZ,
					 sizeof(struct rte_eth_dev_data) * RTE_MAX_ETHPORTS,
					 SOCKET_ID_ANY, 0);
	return mz != NULL ? mz->addr : eth_dev_data_local;
}

/* Caller holds eth_dev_lock. */
static struct rte_eth_dev *
eth_dev_find_by_name(const char *name)
{
	struct rte_eth_dev_data *data = eth_dev_data_table(false);
	unsigned int i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		if (data[i].name[0] != '\0' && strcmp(data[i].name, name) == 0 &&
		    rte_eth_devices[i].data == &data[i])
			return &rte_eth_devices[i];
	return NULL;
}

__rte_export struct rte_eth_dev *
rte_eth_dev_allocated(const char *name)
{
	struct rte_eth_dev *dev;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&eth_dev_lock);
	dev = eth_dev_find_by_name(name);
	pthread_mutex_unlock(&eth_dev_lock);
	return dev;
}

__rte_export struct rte_eth_dev *
rte_eth_dev_allocate(const char *name)
{
	struct rte_eth_dev_data *table;
	struct rte_eth_dev *dev = NULL;
	size_t len;
	unsigned int i;

	len = name != NULL ? strnlen(name, RTE_ETH_NAME_MAX_LEN) : 0;
	if (len == 0 || len >= RTE_ETH_NAME_MAX_LEN) {
		RTE_ETHDEV_LOG(ERR, "Ethernet device name must be 1..%d characters\n",
			       RTE_ETH_NAME_MAX_LEN - 1);
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&eth_dev_lock);
	table = eth_dev_data_table(true);
	/* by the shared data: another process's port of that name counts too */
	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		if (strncmp(table[i].name, name, RTE_ETH_NAME_MAX_LEN) == 0)
			break;
	if (i < RTE_MAX_ETHPORTS) {
		pthread_mutex_unlock(&eth_dev_lock);
		RTE_ETHDEV_LOG(ERR, "Ethernet device with name %s already allocated\n", name);
		rte_errno = EEXIST;
		return NULL;
	}
	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		if (table[i].name[0] == '\0') {
			dev = &rte_eth_devices[i];
			dev->data = &table[i];
			break;
		}
	}
	if (dev == NULL) {
		pthread_mutex_unlock(&eth_dev_lock);
		RTE_ETHDEV_LOG(ERR, "Cannot add %s: all %d ports are in use; "
			       "rebuild with -Dmax_ethports=N for more\n", name, RTE_MAX_ETHPORTS);
		rte_errno = ENOSPC;
		return NULL;
	}
	memset(dev->data, 0, sizeof(*dev->data));
	strlcpy(dev->data->name, name, sizeof(dev->data->name));
	dev->data->port_id = (uint16_t)i;
	dev->data->mtu = RTE_ETHER_MTU;
	dev->data->numa_node = SOCKET_ID_ANY;
	dev->data->backer_port_id = RTE_MAX_ETHPORTS;
	pthread_mutex_unlock(&eth_dev_lock);
	return dev;
}

__rte_export struct rte_eth_dev *
rte_eth_dev_attach_secondary(const char *name)
{
	struct rte_eth_dev_data *table;
	struct rte_eth_dev *dev = NULL;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&eth_dev_lock);
	table = eth_dev_data_table(false);
	for (unsigned int i = 0; table != eth_dev_data_local && i < RTE_MAX_ETHPORTS; i++)
		if (strncmp(table[i].name, name, RTE_ETH_NAME_MAX_LEN) == 0) {
			dev = &rte_eth_devices[i];
			dev->data = &table[i];
			break;
		}
	pthread_mutex_unlock(&eth_dev_lock);
	if (dev == NULL)
		RTE_ETHDEV_LOG(ERR, "device %s is not a port of the primary process: create "
			       "it there first\n", name);
	return dev;
}

__rte_export void
rte_eth_dev_probing_finish(struct rte_eth_dev *dev)
{
	if (dev == NULL)
		return;
	/* a secondary attaches to a port the primary may have started already */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		eth_dev_fp_ops_setup(dev);
	dev->state = RTE_ETH_DEV_ATTACHED;
	rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_NEW, NULL);
}

__rte_export int
rte_eth_dev_release_port(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data;
	unsigned int q;

	if (dev == NULL)
		return -EINVAL;
	data = dev->data;
	if (dev->state != RTE_ETH_DEV_UNUSED)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_DESTROY, NULL);
	eth_dev_fp_ops_reset(data->port_id);

	pthread_mutex_lock(&eth_dev_lock);
	dev->state = RTE_ETH_DEV_UNUSED;
	dev->device = NULL;
	dev->process_private = NULL;
	dev->intr_handle = NULL;
	dev->rx_pkt_burst = NULL;
	dev->tx_pkt_burst = NULL;
	dev->tx_pkt_prepare = NULL;
	dev->rx_queue_count = NULL;
	dev->rx_descriptor_status = NULL;
	dev->tx_descriptor_status = NULL;
	dev->security_ctx = NULL;
	/* Callbacks not removed by the application are forgotten with the port. */
	for (q = 0; q < RTE_MAX_QUEUES_PER_PORT; q++) {
		dev->post_rx_burst_cbs[q] = NULL;
		dev->pre_tx_burst_cbs[q] = NULL;
	}
	/* a secondary lets go of the port; its data is the primary's */
	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		rte_free(data->rx_queues);
		rte_free(data->tx_queues);
		rte_free(data->mac_addrs);
		rte_free(data->hash_mac_addrs);
		rte_free(data->dev_private);
		memset(data, 0, sizeof(*data));
	}
	dev->data = &eth_dev_data_local[dev - rte_eth_devices];
	pthread_mutex_unlock(&eth_dev_lock);
	return 0;
}

__rte_export uint16_t
rte_eth_find_next(uint16_t port_id)
{
	while (port_id < RTE_MAX_ETHPORTS &&
	       rte_eth_devices[port_id].state == RTE_ETH_DEV_UNUSED)
		port_id++;
	return port_id < RTE_MAX_ETHPORTS ? port_id : RTE_MAX_ETHPORTS;
}

__rte_export uint64_t
rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id)
{
	port_id = rte_eth_find_next(port_id);
	while (port_id < RTE_MAX_ETHPORTS &&
	       rte_eth_devices[port_id].data->owner.id != owner_id)
		port_id = rte_eth_find_next(port_id + 1);
	return port_id;
}

__rte_export uint16_t
rte_eth_find_next_of(uint16_t port_id, const struct rte_device *parent)
{
	port_id = rte_eth_find_next(port_id);
	while (port_id < RTE_MAX_ETHPORTS && rte_eth_devices[port_id].device != parent)
		port_id = rte_eth_find_next(port_id + 1);
	return port_id;
}

__rte_export uint16_t
rte_eth_find_next_sibling(uint16_t port_id, uint16_t ref_port_id)
{
	if (!rte_eth_dev_is_valid_port(ref_port_id))
		return RTE_MAX_ETHPORTS;
	return rte_eth_find_next_of(port_id, rte_eth_devices[ref_port_id].device);
}

__rte_export uint16_t
rte_eth_dev_count_avail(void)
{
	uint16_t p, count = 0;

	RTE_ETH_FOREACH_DEV(p)
		count++;
	return count;
}

__rte_export uint16_t
rte_eth_dev_count_total(void)
{
	uint16_t p, count = 0;

	for (p = rte_eth_find_next(0); p < RTE_MAX_ETHPORTS; p = rte_eth_find_next(p + 1))
		count++;
	return count;
}

__rte_export int
rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (name == NULL)
		return -EINVAL;
	strlcpy(name, dev->data->name, RTE_ETH_NAME_MAX_LEN);
	return 0;
}

__rte_export int
rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
{
	uint16_t p;

	if (name == NULL || port_id == NULL)
		return -EINVAL;
	for (p = rte_eth_find_next(0); p < RTE_MAX_ETHPORTS; p = rte_eth_find_next(p + 1)) {
		if (strcmp(rte_eth_devices[p].data->name, name) == 0) {
			*port_id = p;
			return 0;
		}
	}
	return -ENODEV;
}

__rte_export int
rte_eth_dev_socket_id(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		rte_errno = EINVAL;
		return -1;
	}
	rte_errno = 0;
	return rte_eth_devices[port_id].data->numa_node;
}

__rte_export int
rte_eth_dev_is_removed(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id, 0);
	if (dev->state == RTE_ETH_DEV_REMOVED)
		return 1;
	if (dev->dev_ops->is_removed == NULL)
		return 0;
	ret = dev->dev_ops->is_removed(dev);
	if (ret != 0)
		dev->state = RTE_ETH_DEV_REMOVED;
	return ret;
}

__rte_export int
rte_eth_dev_owner_new(uint64_t *owner_id)
{
	if (owner_id == NULL)
		return -EINVAL;
	pthread_mutex_lock(&eth_dev_lock);
	*owner_id = eth_dev_next_owner_id++;
	pthread_mutex_unlock(&eth_dev_lock);
	return 0;
}

static bool
eth_dev_owner_id_valid(uint64_t id)
{
	return id != RTE_ETH_DEV_NO_OWNER && id < eth_dev_next_owner_id;
}

__rte_export int
rte_eth_dev_owner_set(const uint16_t port_id, const struct rte_eth_dev_owner *owner)
{
	struct rte_eth_dev *dev;
	int ret = 0;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (owner == NULL)
		return -EINVAL;
	pthread_mutex_lock(&eth_dev_lock);
	if (!eth_dev_owner_id_valid(owner->id)) {
		RTE_ETHDEV_LOG(ERR, "Invalid owner id=%016" PRIx64 "\n", owner->id);
		ret = -EINVAL;
	} else if (dev->data->owner.id != RTE_ETH_DEV_NO_OWNER &&
		   dev->data->owner.id != owner->id) {
		RTE_ETHDEV_LOG(ERR, "Cannot set owner of port %u: it is owned by %s\n",
			       port_id, dev->data->owner.name);
		ret = -EPERM;
	} else {
		dev->data->owner = *owner;
		dev->data->owner.name[RTE_ETH_MAX_OWNER_NAME_LEN - 1] = '\0';
	}
	pthread_mutex_unlock(&eth_dev_lock);
	return ret;
}

__rte_export int
rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id)
{
	struct rte_eth_dev *dev;
	int ret = 0;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	pthread_mutex_lock(&eth_dev_lock);
	if (!eth_dev_owner_id_valid(owner_id))
		ret = -EINVAL;
	else if (dev->data->owner.id != owner_id)
		ret = -EPERM;
	else
		memset(&dev->data->owner, 0, sizeof(dev->data->owner));
	pthread_mutex_unlock(&eth_dev_lock);
	return ret;
}

__rte_export int
rte_eth_dev_owner_delete(const uint64_t owner_id)
{
	unsigned int i;

	pthread_mutex_lock(&eth_dev_lock);
	if (!eth_dev_owner_id_valid(owner_id)) {
		pthread_mutex_unlock(&eth_dev_lock);
		return -EINVAL;
	}
	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		if (rte_eth_devices[i].data->owner.id == owner_id)
			memset(&rte_eth_devices[i].data->owner, 0,
			       sizeof(rte_eth_devices[i].data->owner));
	pthread_mutex_unlock(&eth_dev_lock);
	return 0;
}

__rte_export int
rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (owner == NULL)
		return -EINVAL;
	pthread_mutex_lock(&eth_dev_lock);
	*owner = dev->data->owner;
	pthread_mutex_unlock(&eth_dev_lock);
	return 0;
}
