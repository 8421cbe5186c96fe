/* SPDX-License-Identifier: BSD-3-Clause */
/* ethdev internals shared by its source files. Never installed. */
#ifndef _ETHDEV_PRIVATE_H_
#define _ETHDEV_PRIVATE_H_

#include <pthread.h>
#include <stdbool.h>

#include <ethdev_driver.h>

#include "eal_private.h"

/* An application event callback (rte_eth_dev_callback_register). */
struct rte_eth_dev_callback {
	TAILQ_ENTRY(rte_eth_dev_callback) next;
	rte_eth_dev_cb_fn cb_fn;
	void *cb_arg;
	enum rte_eth_event_type event;
	uint32_t active;		/* running now: unregister must wait */
};

/*
 * Control-path lock: port allocation, event and Rx/Tx callback lists.
 * Never taken on the fast path.
 */
extern pthread_mutex_t eth_dev_lock;

/* The port if port_id is valid, else logs "Invalid port_id" and NULL. */
struct rte_eth_dev *eth_dev_get_valid(uint16_t port_id);

/* Point the port's fast-path entry at its driver (start) or at dummies (stop). */
void eth_dev_fp_ops_setup(struct rte_eth_dev *dev);
void eth_dev_fp_ops_reset(uint16_t port_id);

/* Release every driver queue and free the queue arrays. */
void eth_dev_queues_release(struct rte_eth_dev *dev);

/* Fetch the driver's info with the ethdev defaults applied. */
int eth_dev_info_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info);

/* min_mtu..max_mtu, and the frame it makes within 64..max_rx_pktlen: 0 or -EINVAL. */
int eth_dev_validate_mtu(uint16_t port_id, const struct rte_eth_dev_info *info, uint32_t mtu);

/* Look the port up or return -ENODEV (logged) from the calling function. */
#define ETH_DEV_OR_RET(dev, port_id, ret) do { \
	(dev) = eth_dev_get_valid(port_id); \
	if ((dev) == NULL) \
		return (ret); \
} while (0)

#define ETH_OP_OR_RET(dev, op) do { \
	if ((dev)->dev_ops->op == NULL) \
		return -ENOTSUP; \
} while (0)

#endif
