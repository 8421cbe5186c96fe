/* SPDX-License-Identifier: BSD-3-Clause */
/* Application callbacks: port events, and Rx/Tx burst callbacks. */
#include <errno.h>
#include <stdlib.h>

#include <rte_errno.h>
#include <rte_malloc.h>

#include "ethdev_private.h"

static int
eth_dev_callback_add(uint16_t port_id, enum rte_eth_event_type event,
		     rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct rte_eth_dev *dev = &rte_eth_devices[port_id];
	struct rte_eth_dev_callback *cb;

	TAILQ_FOREACH(cb, &dev->link_intr_cbs, next)
		if (cb->cb_fn == cb_fn && cb->cb_arg == cb_arg && cb->event == event)
			return 0;	/* already there */
	cb = calloc(1, sizeof(*cb));
	if (cb == NULL)
		return -ENOMEM;
	cb->cb_fn = cb_fn;
	cb->cb_arg = cb_arg;
	cb->event = event;
	TAILQ_INSERT_TAIL(&dev->link_intr_cbs, cb, next);
	return 0;
}

/* Returns -EAGAIN if a matching callback is running now. */
static int
eth_dev_callback_del(uint16_t port_id, enum rte_eth_event_type event,
		     rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct rte_eth_dev *dev = &rte_eth_devices[port_id];
	struct rte_eth_dev_callback *cb, *next;
	int ret = 0;

	for (cb = TAILQ_FIRST(&dev->link_intr_cbs); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (cb->cb_fn != cb_fn || cb->event != event ||
		    (cb_arg != (void *)-1 && cb->cb_arg != cb_arg))
			continue;
		if (cb->active) {
			ret = -EAGAIN;
			continue;
		}
		TAILQ_REMOVE(&dev->link_intr_cbs, cb, next);
		free(cb);
	}
	return ret;
}

__rte_export int
rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
			      rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	uint16_t first, last, p;
	int ret = 0;

	if (cb_fn == NULL || event >= RTE_ETH_EVENT_MAX)
		return -EINVAL;
	if (port_id != RTE_ETH_ALL && !rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id);
		return -EINVAL;
	}
	/* RTE_ETH_ALL: every slot, so that ports probed later are covered too. */
	first = port_id == RTE_ETH_ALL ? 0 : port_id;
	last = port_id == RTE_ETH_ALL ? RTE_MAX_ETHPORTS - 1 : port_id;
	pthread_mutex_lock(&eth_dev_lock);
	for (p = first; p <= last && ret == 0; p++)
		ret = eth_dev_callback_add(p, event, cb_fn, cb_arg);
	if (ret != 0)
		while (p-- > first)
			eth_dev_callback_del(p, event, cb_fn, cb_arg);
	pthread_mutex_unlock(&eth_dev_lock);
	return ret;
}

__rte_export int
rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
				rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	uint16_t first, last, p;
	int ret = 0, r;

	if (cb_fn == NULL || event >= RTE_ETH_EVENT_MAX)
		return -EINVAL;
	if (port_id != RTE_ETH_ALL && !rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id);
		return -EINVAL;
	}
	first = port_id == RTE_ETH_ALL ? 0 : port_id;
	last = port_id == RTE_ETH_ALL ? RTE_MAX_ETHPORTS - 1 : port_id;
	pthread_mutex_lock(&eth_dev_lock);
	for (p = first; p <= last; p++) {
		r = eth_dev_callback_del(p, event, cb_fn, cb_arg);
		if (r != 0)
			ret = r;
	}
	pthread_mutex_unlock(&eth_dev_lock);
	return ret;
}

__rte_export int
rte_eth_dev_callback_process(struct rte_eth_dev *dev, enum rte_eth_event_type event,
			     void *ret_param)
{
	struct rte_eth_dev_callback *cb;
	int ret = 0;

	if (dev == NULL)
		return -EINVAL;
	pthread_mutex_lock(&eth_dev_lock);
	TAILQ_FOREACH(cb, &dev->link_intr_cbs, next) {
		struct rte_eth_dev_callback copy;

		if (cb->event != event)
			continue;
		/* Run it unlocked so that it may call the ethdev API; active keeps
		 * unregister from freeing it meanwhile. */
		copy = *cb;
		cb->active = 1;
		pthread_mutex_unlock(&eth_dev_lock);
		ret = copy.cb_fn(dev->data->port_id, event, copy.cb_arg, ret_param);
		pthread_mutex_lock(&eth_dev_lock);
		cb->active = 0;
	}
	pthread_mutex_unlock(&eth_dev_lock);
	return ret;
}

/* Rx/Tx burst callbacks. */

__rte_export uint16_t
rte_eth_call_rx_callbacks(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
			  uint16_t nb_rx, uint16_t nb_pkts, void *opaque)
{
	const struct rte_eth_rxtx_callback *cb = opaque;

	while (cb != NULL) {
		nb_rx = cb->fn.rx(port_id, queue_id, rx_pkts, nb_rx, nb_pkts, cb->param);
		/* acquire: pairs with the release store that linked cb->next */
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_rx;
}

__rte_export uint16_t
rte_eth_call_tx_callbacks(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
			  uint16_t nb_pkts, void *opaque)
{
	const struct rte_eth_rxtx_callback *cb = opaque;

	while (cb != NULL) {
		nb_pkts = cb->fn.tx(port_id, queue_id, tx_pkts, nb_pkts, cb->param);
		/* acquire: pairs with the release store that linked cb->next */
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_pkts;
}

/* Checks shared by the add functions; sets rte_errno and returns NULL on error. */
static struct rte_eth_rxtx_callback *
eth_cb_new(uint16_t port_id, uint16_t queue_id, bool rx, void *fn, void *param)
{
	struct rte_eth_rxtx_callback *cb;
	struct rte_eth_dev *dev;

	/* As DPDK: a bad port is EINVAL here, like a bad queue or a NULL fn. */
	dev = eth_dev_get_valid(port_id);
	if (dev == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (fn == NULL || queue_id >= (rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues)) {
		RTE_ETHDEV_LOG(ERR, "Port %u: invalid %s queue_id=%u or NULL callback\n",
			       port_id, rx ? "Rx" : "Tx", queue_id);
		rte_errno = EINVAL;
		return NULL;
	}
	/* rte_zmalloc: the application frees it with rte_free after removal. */
	cb = rte_zmalloc(NULL, sizeof(*cb), 0);
	if (cb == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	if (rx)
		cb->fn.rx = (rte_rx_callback_fn)fn;
	else
		cb->fn.tx = (rte_tx_callback_fn)fn;
	cb->param = param;
	return cb;
}

static const struct rte_eth_rxtx_callback *
eth_cb_add(uint16_t port_id, uint16_t queue_id, bool rx, bool first, void *fn, void *param)
{
	struct rte_eth_rxtx_callback *cb, **link;
	struct rte_eth_dev *dev;

	cb = eth_cb_new(port_id, queue_id, rx, fn, param);
	if (cb == NULL)
		return NULL;
	dev = &rte_eth_devices[port_id];
	pthread_mutex_lock(&eth_dev_lock);
	link = rx ? &dev->post_rx_burst_cbs[queue_id] : &dev->pre_tx_burst_cbs[queue_id];
	if (first) {
		cb->next = *link;
	} else {
		while (*link != NULL)
			link = &(*link)->next;
	}
	/* release: cb is fully written before a burst on another lcore can see it */
	__atomic_store_n(link, cb, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&eth_dev_lock);
	return cb;
}

static int
eth_cb_remove(uint16_t port_id, uint16_t queue_id, bool rx,
	      const struct rte_eth_rxtx_callback *user_cb)
{
	struct rte_eth_rxtx_callback **link;
	struct rte_eth_dev *dev;
	int ret = -EINVAL;

	ETH_DEV_OR_RET(dev, port_id, -ENODEV);
	if (user_cb == NULL ||
	    queue_id >= (rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues))
		return -EINVAL;
	pthread_mutex_lock(&eth_dev_lock);
	link = rx ? &dev->post_rx_burst_cbs[queue_id] : &dev->pre_tx_burst_cbs[queue_id];
	for (; *link != NULL; link = &(*link)->next) {
		if (*link == user_cb) {
			/* release: pairs with the acquire loads in the burst path */
			__atomic_store_n(link, user_cb->next, __ATOMIC_RELEASE);
			ret = 0;
			break;
		}
	}
	pthread_mutex_unlock(&eth_dev_lock);
	return ret;
}

__rte_export const struct rte_eth_rxtx_callback *
rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
			void *user_param)
{
	return eth_cb_add(port_id, queue_id, true, false, (void *)fn, user_param);
}

__rte_export const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
			      void *user_param)
{
	return eth_cb_add(port_id, queue_id, true, true, (void *)fn, user_param);
}

__rte_export const struct rte_eth_rxtx_callback *
rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id, rte_tx_callback_fn fn,
			void *user_param)
{
	return eth_cb_add(port_id, queue_id, false, false, (void *)fn, user_param);
}

__rte_export int
rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
			   const struct rte_eth_rxtx_callback *user_cb)
{
	return eth_cb_remove(port_id, queue_id, true, user_cb);
}

__rte_export int
rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
			   const struct rte_eth_rxtx_callback *user_cb)
{
	return eth_cb_remove(port_id, queue_id, false, user_cb);
}
