/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_ring devices. "--vdev net_ring0" makes a port over 16 rings of its
 * own, each both Rx and Tx of one queue (a loopback).
 * "nodeaction=NAME:NODE:CREATE" does the same with rings named after NAME
 * on NUMA node NODE; "nodeaction=NAME:NODE:ATTACH" uses the rings another
 * port created that way. rte_eth_from_rings() passes its rings through the
 * "internal" key.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "rte_eth_ring.h"
#include "eal_private.h"
#include "ring_private.h"

#define ARG_NODEACTION "nodeaction"
#define ARG_INTERNAL "internal"

static const char *const ring_valid_args[] = { ARG_NODEACTION, ARG_INTERNAL, NULL };

/* What rte_eth_from_rings hands to the probe, by address. */
struct ring_internal_args {
	struct rte_ring *const *rx;
	unsigned int nb_rx;
	struct rte_ring *const *tx;
	unsigned int nb_tx;
	int numa_node;
};

/*
 * The arguments rte_eth_from_rings is probing with right now. The probe
 * accepts "internal=<pointer>" only if it points here, so a pointer typed
 * on a command line is never followed.
 */
static pthread_mutex_t ring_from_rings_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct ring_internal_args *ring_from_rings_pending;

struct ring_nodeaction {
	char name[RTE_RING_NAMESIZE];
	int node;
	enum ring_action action;
	unsigned int count;
};

struct ring_arg_ctx {
	const char *dev_name;
	struct ring_nodeaction na;
	const struct ring_internal_args *internal;
};

static int
ring_parse_nodeaction(struct ring_arg_ctx *ctx, const char *value)
{
	static const char expected[] = "expected NAME:NODE:CREATE or NAME:NODE:ATTACH";
	char buf[RTE_RING_NAMESIZE + 32], *node, *action, *end;
	unsigned long n;

	if (++ctx->na.count > 1)
		return rte_vdev_arg_invalid(ctx->dev_name, ARG_NODEACTION, value,
					    "give nodeaction once per device");
	if (value == NULL || strlcpy(buf, value, sizeof(buf)) >= sizeof(buf))
		return rte_vdev_arg_invalid(ctx->dev_name, ARG_NODEACTION, value, expected);
	node = strchr(buf, ':');
	action = node != NULL ? strchr(node + 1, ':') : NULL;
	if (node == NULL || action == NULL || node == buf)
		return rte_vdev_arg_invalid(ctx->dev_name, ARG_NODEACTION, value, expected);
	*node++ = '\0';
	*action++ = '\0';
	errno = 0;
	n = strtoul(node, &end, 10);
	if (errno != 0 || end == node || *end != '\0' || n >= RTE_MAX_NUMA_NODES)
		return rte_vdev_arg_invalid(ctx->dev_name, ARG_NODEACTION, value,
					    "NODE must be a NUMA node number");
	if (strcmp(action, "CREATE") == 0)
		ctx->na.action = RING_ACTION_CREATE;
	else if (strcmp(action, "ATTACH") == 0)
		ctx->na.action = RING_ACTION_ATTACH;
	else
		return rte_vdev_arg_invalid(ctx->dev_name, ARG_NODEACTION, value, expected);
	strlcpy(ctx->na.name, buf, sizeof(ctx->na.name));
	ctx->na.node = (int)n;
	return 0;
}

static int
ring_arg_handler(const char *key, const char *value, void *opaque)
{
	struct ring_arg_ctx *ctx = opaque;
	void *p = NULL;

	if (strcmp(key, ARG_NODEACTION) == 0)
		return ring_parse_nodeaction(ctx, value);
	if (value == NULL || sscanf(value, "%p", &p) != 1 || p == NULL)
		return rte_vdev_arg_invalid(ctx->dev_name, key, value,
					    "reserved for rte_eth_from_rings()");
	if (p != ring_from_rings_pending)
		return rte_vdev_arg_invalid(ctx->dev_name, key, value,
					    "reserved for rte_eth_from_rings()");
	ctx->internal = p;
	return 0;
}

/* Create or look up the 16 rings of a nodeaction / default device. */
static int
ring_get_rings(const char *dev_name, const struct ring_nodeaction *na,
	       struct rte_ring *rings[RING_MAX_QUEUES])
{
	char rname[RTE_RING_NAMESIZE];
	unsigned int i;

	for (i = 0; i < RING_MAX_QUEUES; i++) {
		if (snprintf(rname, sizeof(rname), "ETH_RXTX%u_%s", i, na->name) >=
		    (int)sizeof(rname)) {
			RTE_ETHDEV_LOG(ERR, "%s: ring name ETH_RXTX%u_%s is longer than %d "
				       "characters: use a shorter name\n", dev_name, i, na->name,
				       (int)RTE_RING_NAMESIZE - 1);
			while (na->action == RING_ACTION_CREATE && i-- > 0)
				rte_ring_free(rings[i]);
			return -ENAMETOOLONG;
		}
		if (na->action == RING_ACTION_CREATE)
			rings[i] = rte_ring_create(rname, RING_SIZE, na->node,
						   RING_F_SP_ENQ | RING_F_SC_DEQ);
		else
			rings[i] = rte_ring_lookup(rname);
		if (rings[i] != NULL)
			continue;
		if (na->action == RING_ACTION_ATTACH)
			RTE_ETHDEV_LOG(ERR, "%s: no ring %s to attach to: create it first with "
				       "nodeaction=%s:%d:CREATE on another device\n", dev_name,
				       rname, na->name, na->node);
		else
			RTE_ETHDEV_LOG(ERR, "%s: cannot create ring %s: %s\n", dev_name, rname,
				       rte_strerror(rte_errno));
		while (na->action == RING_ACTION_CREATE && i-- > 0)
			rte_ring_free(rings[i]);
		return na->action == RING_ACTION_ATTACH ? -ENOENT : -rte_errno;
	}
	return 0;
}

/*
 * The device's arguments, or NULL when it has none. Like DPDK's net_ring,
 * arguments with a key it does not know (or that do not parse) are
 * ignored, with a warning, and the device gets its default rings.
 */
static struct rte_kvargs *
ring_args_parse(struct rte_vdev_device *vdev)
{
	const char *args = rte_vdev_device_args(vdev);
	struct rte_kvargs *kv;

	if (args == NULL || args[0] == '\0')
		return NULL;
	kv = rte_kvargs_parse(args, ring_valid_args);
	if (kv == NULL)
		RTE_ETHDEV_LOG(WARNING, "%s: ignoring arguments '%s': net_ring knows only "
			       ARG_NODEACTION "=NAME:NODE:CREATE|ATTACH\n",
			       rte_vdev_device_name(vdev), args);
	return kv;
}

static int
ring_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct ring_arg_ctx ctx = { .dev_name = name };
	struct rte_ring *rings[RING_MAX_QUEUES];
	struct rte_kvargs *kv;
	int ret;
	unsigned int i;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return ring_port_attach(vdev);
	kv = ring_args_parse(vdev);
	ret = rte_kvargs_process(kv, NULL, ring_arg_handler, &ctx);
	rte_kvargs_free(kv);
	if (ret < 0)
		return -EINVAL;

	if (ctx.internal != NULL)
		return ring_port_create(vdev, ctx.internal->rx, ctx.internal->nb_rx,
					ctx.internal->tx, ctx.internal->nb_tx,
					ctx.internal->numa_node, RING_ACTION_NONE);
	if (ctx.na.count == 0) {
		strlcpy(ctx.na.name, name, sizeof(ctx.na.name));
		ctx.na.node = (int)rte_socket_id();
		ctx.na.action = RING_ACTION_CREATE;
	}
	ret = ring_get_rings(name, &ctx.na, rings);
	if (ret != 0)
		return ret;
	ret = ring_port_create(vdev, rings, RING_MAX_QUEUES, rings, RING_MAX_QUEUES,
			       ctx.na.node, ctx.na.action);
	if (ret != 0 && ctx.na.action == RING_ACTION_CREATE)
		for (i = 0; i < RING_MAX_QUEUES; i++)
			rte_ring_free(rings[i]);
	return ret;
}

static int
ring_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	uint16_t port;

	if (dev == NULL)
		return 0;	/* closed by the application already */
	/* the port is the primary's to stop: a secondary only lets go */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
	port = dev->data->port_id;
	if (dev->data->dev_started)
		rte_eth_dev_stop(port);
	return rte_eth_dev_close(port);
}

__rte_export int
rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
		   const unsigned nb_rx_queues, struct rte_ring *const tx_queues[],
		   const unsigned nb_tx_queues, const unsigned numa_node)
{
	struct ring_internal_args ia = {
		.rx = rx_queues, .nb_rx = nb_rx_queues,
		.tx = tx_queues, .nb_tx = nb_tx_queues,
		.numa_node = (int)numa_node,
	};
	char args[64], vdev_name[RTE_DEV_NAME_MAX_LEN];
	uint16_t port;
	int ret;

	if (name == NULL || (rx_queues == NULL && nb_rx_queues > 0) ||
	    (tx_queues == NULL && nb_tx_queues > 0) ||
	    nb_rx_queues > RING_MAX_QUEUES || nb_tx_queues > RING_MAX_QUEUES) {
		RTE_ETHDEV_LOG(ERR, "rte_eth_from_rings: need a name and at most %d Rx and "
			       "%d Tx rings\n", RING_MAX_QUEUES, RING_MAX_QUEUES);
		rte_errno = EINVAL;
		return -1;
	}
	/* As DPDK: the device (and port) is named net_ring_<name>. */
	if ((size_t)snprintf(vdev_name, sizeof(vdev_name), "net_ring_%s", name) >=
	    sizeof(vdev_name)) {
		RTE_ETHDEV_LOG(ERR, "rte_eth_from_rings: name %s is too long\n", name);
		rte_errno = EINVAL;
		return -1;
	}
	snprintf(args, sizeof(args), ARG_INTERNAL "=%p", (void *)&ia);
	pthread_mutex_lock(&ring_from_rings_lock);
	ring_from_rings_pending = &ia;
	ret = rte_vdev_init(vdev_name, args);
	ring_from_rings_pending = NULL;
	pthread_mutex_unlock(&ring_from_rings_lock);
	if (ret != 0) {
		rte_errno = -ret;
		return -1;
	}
	if (rte_eth_dev_get_port_by_name(vdev_name, &port) != 0) {
		rte_errno = ENODEV;
		return -1;
	}
	return port;
}

__rte_export int
rte_eth_from_ring(struct rte_ring *r)
{
	if (r == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	return rte_eth_from_rings(r->name, &r, 1, &r, 1,
				  r->memzone != NULL ? (unsigned int)r->memzone->socket_id :
				  (unsigned int)SOCKET_ID_ANY);
}

static struct rte_vdev_driver ring_pmd_drv = {
	.probe = ring_probe,
	.remove = ring_remove,
};

RTE_PMD_REGISTER_VDEV(net_ring, ring_pmd_drv);
RTE_PMD_REGISTER_ALIAS(net_ring, eth_ring);
RTE_PMD_REGISTER_PARAM_STRING(net_ring, ARG_NODEACTION "=name:node:action(ATTACH|CREATE)");
