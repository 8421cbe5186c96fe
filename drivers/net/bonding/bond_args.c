/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding devargs, as DPDK's: mode= once; slave= (repeatable) and
 * primary= name ports that may be probed after the bond, so they are
 * checked for form at probe and resolved at the first configure.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <driver_args.h>
#include <rte_lcore.h>

#include "bond_private.h"

#define ARG_SLAVE "slave"
#define ARG_PRIMARY "primary"
#define ARG_MODE "mode"
#define ARG_XMIT "xmit_policy"
#define ARG_SOCKET "socket_id"
#define ARG_MAC "mac"
#define ARG_POLL "lsc_poll_period_ms"
#define ARG_UP "up_delay"
#define ARG_DOWN "down_delay"
#define ARG_AGG "agg_mode"

static const char *const bond_valid_args[] = {ARG_SLAVE,  ARG_PRIMARY, ARG_MODE, ARG_XMIT,
					      ARG_SOCKET, ARG_MAC,     ARG_POLL, ARG_UP,
					      ARG_DOWN,	  ARG_AGG,     NULL};

struct bond_arg_ctx {
	const char *name;
	struct bond_private *priv;
	struct rte_ether_addr *mac;
	bool *have_mac;
	int socket;
};

static int
bond_parse_ulong(const char *name, const char *key, const char *value, unsigned long max,
		 const char *expected, unsigned long *out)
{
	if (value == NULL || driver_arg_uint(value, max, out) != 0)
		return rte_vdev_arg_invalid(name, key, value, expected);
	return 0;
}

static int
bond_arg_handler(const char *key, const char *value, void *opaque)
{
	struct bond_arg_ctx *ctx = opaque;
	struct bond_private *priv = ctx->priv;
	unsigned long v = 0;

	if (strcmp(key, ARG_SLAVE) == 0 || strcmp(key, ARG_PRIMARY) == 0) {
		if (value == NULL || value[0] == '\0')
			return rte_vdev_arg_invalid(ctx->name, key, value, "expected a port name");
		return 0;
	}
	if (strcmp(key, ARG_MODE) == 0) {
		if (bond_parse_ulong(ctx->name, key, value, 255, "expected 0-5", &v) != 0)
			return -1;
		if (!bond_mode_supported(ctx->name, v))
			return -1;
		priv->mode = (uint8_t)v;
		return 0;
	}
	if (strcmp(key, ARG_XMIT) == 0) {
		static const char *const names[] = {"l2", "l23", "l34"};

		for (v = 0; v < RTE_DIM(names); v++)
			if (value != NULL && strcmp(value, names[v]) == 0) {
				priv->xmit_policy = (uint8_t)v;
				return 0;
			}
		return rte_vdev_arg_invalid(ctx->name, key, value, "expected l2, l23 or l34");
	}
	if (strcmp(key, ARG_AGG) == 0) {
		/* In the order of enum rte_bond_8023ad_agg_selection. */
		static const char *const names[] = {"bandwidth", "count", "stable"};

		for (v = 0; v < RTE_DIM(names); v++)
			if (value != NULL && strcmp(value, names[v]) == 0) {
				priv->m4.conf.agg_selection = (enum rte_bond_8023ad_agg_selection)v;
				return 0;
			}
		return rte_vdev_arg_invalid(ctx->name, key, value,
					    "expected bandwidth, count or stable");
	}
	if (strcmp(key, ARG_SOCKET) == 0) {
		if (bond_parse_ulong(ctx->name, key, value, RTE_MAX_NUMA_NODES - 1,
				     "expected a NUMA node number", &v) != 0)
			return -1;
		ctx->socket = (int)v;
		return 0;
	}
	if (strcmp(key, ARG_MAC) == 0) {
		if (value == NULL || rte_ether_unformat_addr(value, ctx->mac) != 0 ||
		    !rte_is_valid_assigned_ether_addr(ctx->mac))
			return rte_vdev_arg_invalid(ctx->name, key, value,
						    "expected a unicast address xx:xx:xx:xx:xx:xx");
		*ctx->have_mac = true;
		return 0;
	}
	if (bond_parse_ulong(ctx->name, key, value, INT32_MAX, "expected milliseconds", &v) != 0)
		return -1;
	if (strcmp(key, ARG_POLL) == 0) {
		if (v == 0)
			return rte_vdev_arg_invalid(ctx->name, key, value,
						    "expected a period above 0 ms");
		priv->poll_ms = (uint32_t)v;
	} else if (strcmp(key, ARG_UP) == 0) {
		priv->up_delay_ms = (uint32_t)v;
	} else {
		priv->down_delay_ms = (uint32_t)v;
	}
	return 0;
}

static int
bond_arg_once(const struct bond_arg_ctx *ctx, const struct rte_kvargs *kv, const char *key,
	      bool required)
{
	unsigned int n = rte_kvargs_count(kv, key);

	if (n > 1 || (required && n == 0)) {
		RTE_ETHDEV_LOG(ERR, "%s: give %s= exactly once%s\n", ctx->name, key,
			       required ? " (e.g. mode=1)" : "");
		return -EINVAL;
	}
	return 0;
}

int
bond_args_parse(struct rte_vdev_device *vdev, struct bond_private *priv, struct rte_ether_addr *mac,
		bool *have_mac)
{
	struct bond_arg_ctx ctx = {rte_vdev_device_name(vdev), priv, mac, have_mac,
				   (int)rte_socket_id()};
	static const char *const once[] = {ARG_PRIMARY, ARG_XMIT, ARG_SOCKET, ARG_MAC,
					   ARG_POLL,	ARG_UP,	  ARG_DOWN,   ARG_AGG};
	struct rte_kvargs *kv;
	unsigned int i;
	int ret;

	kv = rte_vdev_kvargs_parse(vdev, bond_valid_args);
	if (kv == NULL)
		return -EINVAL; /* logged with the valid keys */
	ret = bond_arg_once(&ctx, kv, ARG_MODE, true);
	for (i = 0; ret == 0 && i < RTE_DIM(once); i++)
		ret = bond_arg_once(&ctx, kv, once[i], false);
	if (ret == 0 && rte_kvargs_process(kv, NULL, bond_arg_handler, &ctx) < 0)
		ret = -EINVAL;
	if (ret != 0 || rte_kvargs_count(kv, ARG_SLAVE) + rte_kvargs_count(kv, ARG_PRIMARY) == 0) {
		rte_kvargs_free(kv);
		return ret != 0 ? ret : ctx.socket;
	}
	priv->pending = kv;
	return ctx.socket;
}

static int
bond_arg_port(struct bond_private *priv, const char *key, const char *value, uint16_t *port)
{
	if (rte_eth_dev_get_port_by_name(value, port) == 0)
		return 0;
	RTE_ETHDEV_LOG(ERR,
		       "bond port %u: %s=%s: no such port; create it (--vdev, -a) before "
		       "configuring the bond\n",
		       priv->port_id, key, value);
	return -ENODEV;
}

int
bond_args_apply_slaves(struct bond_private *priv)
{
	const struct rte_kvargs *kv = priv->pending;
	uint16_t added[BOND_MAX_SLAVES], n_added = 0, port;
	unsigned int i;
	int ret = 0;

	rte_spinlock_lock(&priv->lock);
	for (i = 0; ret == 0 && i < kv->count; i++) {
		const struct rte_kvargs_pair *p = &kv->pairs[i];

		if (strcmp(p->key, ARG_SLAVE) != 0)
			continue;
		ret = bond_arg_port(priv, p->key, p->value, &port);
		if (ret == 0 && bond_slave_find(priv, port) < 0) {
			ret = bond_slave_add_locked(priv, port);
			if (ret == 0)
				added[n_added++] = port;
		}
	}
	for (i = 0; ret == 0 && i < kv->count; i++) {
		const struct rte_kvargs_pair *p = &kv->pairs[i];

		if (strcmp(p->key, ARG_PRIMARY) != 0)
			continue;
		ret = bond_arg_port(priv, p->key, p->value, &port);
		if (ret == 0 && bond_slave_find(priv, port) < 0) {
			RTE_ETHDEV_LOG(ERR,
				       "bond port %u: primary=%s is not a slave; add slave=%s\n",
				       priv->port_id, p->value, p->value);
			ret = -EINVAL;
		}
		if (ret == 0)
			priv->primary_port = port;
	}
	/* Nothing left behind: undo this call's slaves, keep the args for a retry. */
	while (ret != 0 && n_added > 0) {
		int idx = bond_slave_find(priv, added[--n_added]);

		if (idx >= 0)
			bond_slave_remove_locked(priv, (unsigned int)idx);
	}
	rte_spinlock_unlock(&priv->lock);
	if (ret == 0) {
		rte_kvargs_free(priv->pending);
		priv->pending = NULL;
	}
	return ret;
}
