/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fib: create, find and free IPv4 FIBs, and route add, delete and
 * lookup through the data plane of the FIB's type.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_rib.h>

#include "fib_private.h"

/* RTE_FIB_DUMMY: the RIB is the data plane. */
static void
fib_dummy_lookup(void *p, const uint32_t *ips, uint64_t *next_hops, const unsigned int n)
{
	struct rte_fib *fib = p;
	struct rte_rib_node *node;
	unsigned int i;

	for (i = 0; i < n; i++) {
		node = rte_rib_lookup(fib->rib, ips[i]);
		if (node == NULL || rte_rib_get_nh(node, &next_hops[i]) != 0)
			next_hops[i] = fib->def_nh;
	}
}

static int
fib_dummy_modify(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop, int op)
{
	struct rte_rib_node *node = rte_rib_lookup_exact(fib->rib, ip, depth);

	switch (op) {
	case RTE_FIB_ADD:
		if (node == NULL)
			node = rte_rib_insert(fib->rib, ip, depth);
		if (node == NULL)
			return -rte_errno;
		return rte_rib_set_nh(node, next_hop);
	case RTE_FIB_DEL:
		if (node == NULL)
			return -ENOENT;
		rte_rib_remove(fib->rib, ip, depth);
		return 0;
	default:
		return -EINVAL;
	}
}

static int
fib_dataplane_init(struct rte_fib *fib, const char *name, int socket_id,
		   const struct rte_fib_conf *conf)
{
	switch (conf->type) {
	case RTE_FIB_DUMMY:
		fib->dp = fib;
		fib->lookup = fib_dummy_lookup;
		fib->modify = fib_dummy_modify;
		return 0;
	case RTE_FIB_DIR24_8:
		fib->dp = dir24_8_create(name, socket_id, conf);
		if (fib->dp == NULL)
			return -rte_errno;
		fib->lookup = dir24_8_lookup_fn(fib->dp, RTE_FIB_LOOKUP_DEFAULT);
		fib->modify = dir24_8_modify;
		return 0;
	default:
		return -EINVAL;
	}
}

__rte_export struct rte_fib *
rte_fib_create(const char *name, int socket_id, struct rte_fib_conf *conf)
{
	struct rte_rib_conf rib_conf;
	struct rte_fib *fib;
	int ret;

	ret = rib_name_check("FIB", name);
	if (ret < 0)
		goto out_err;
	ret = -EINVAL;
	if (conf == NULL) {
		RTE_LOG(ERR, LPM, "FIB %s: conf is NULL; give a struct rte_fib_conf\n", name);
		goto out_err;
	}
	if (conf->type != RTE_FIB_DUMMY && conf->type != RTE_FIB_DIR24_8) {
		RTE_LOG(ERR, LPM,
			"FIB %s: type %d is invalid; use RTE_FIB_DUMMY or "
			"RTE_FIB_DIR24_8\n",
			name, (int)conf->type);
		goto out_err;
	}
	if (conf->max_routes <= 0 || conf->max_routes > INT32_MAX / 2) {
		RTE_LOG(ERR, LPM, "FIB %s: max_routes %d is invalid; give 1 to %d routes\n", name,
			conf->max_routes, INT32_MAX / 2);
		goto out_err;
	}
	fib = rte_zmalloc_socket("FIB", sizeof(*fib), RTE_CACHE_LINE_SIZE, socket_id);
	if (fib == NULL) {
		RTE_LOG(ERR, LPM, "FIB %s: no memory on socket %d; give the EAL more memory\n",
			name, socket_id);
		ret = -ENOMEM;
		goto out_err;
	}
	/* a route can cost a branch point besides its own node */
	rib_conf.ext_sz = conf->rib_ext_sz;
	rib_conf.max_nodes = conf->max_routes * 2;
	fib->rib = rte_rib_create(name, socket_id, &rib_conf);
	if (fib->rib == NULL) {
		ret = -rte_errno;
		goto out_free_fib;
	}
	fib->type = conf->type;
	fib->def_nh = conf->default_nh;
	ret = fib_dataplane_init(fib, name, socket_id, conf);
	if (ret < 0)
		goto out_free_rib;
	ret = rib_names_add(&fib->name, RIB_NAME_FIB, name, fib);
	if (ret < 0) {
		RTE_LOG(ERR, LPM, "a FIB named %s exists; pick another name\n", name);
		goto out_free_dp;
	}
	return fib;

out_free_dp:
	if (fib->type == RTE_FIB_DIR24_8)
		dir24_8_free(fib->dp);
out_free_rib:
	rte_rib_free(fib->rib);
out_free_fib:
	rte_free(fib);
out_err:
	rte_errno = -ret;
	return NULL;
}

__rte_export struct rte_fib *
rte_fib_find_existing(const char *name)
{
	return rib_names_find(RIB_NAME_FIB, name);
}

__rte_export void
rte_fib_free(struct rte_fib *fib)
{
	if (fib == NULL)
		return;
	rib_names_remove(&fib->name);
	if (fib->type == RTE_FIB_DIR24_8)
		dir24_8_free(fib->dp);
	rte_rib_free(fib->rib);
	rte_free(fib);
}

__rte_export int
rte_fib_add(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop)
{
	if (fib == NULL || depth > RTE_FIB_MAXDEPTH)
		return -EINVAL;
	return fib->modify(fib, ip, depth, next_hop, RTE_FIB_ADD);
}

__rte_export int
rte_fib_delete(struct rte_fib *fib, uint32_t ip, uint8_t depth)
{
	if (fib == NULL || depth > RTE_FIB_MAXDEPTH)
		return -EINVAL;
	return fib->modify(fib, ip, depth, 0, RTE_FIB_DEL);
}

__rte_export int
rte_fib_lookup_bulk(struct rte_fib *fib, uint32_t *ips, uint64_t *next_hops, int n)
{
	if (fib == NULL || ips == NULL || next_hops == NULL || n < 0)
		return -EINVAL;
	fib->lookup(fib->dp, ips, next_hops, (unsigned int)n);
	return 0;
}

__rte_export void *
rte_fib_get_dp(struct rte_fib *fib)
{
	return fib == NULL ? NULL : fib->dp;
}

__rte_export struct rte_rib *
rte_fib_get_rib(struct rte_fib *fib)
{
	return fib == NULL ? NULL : fib->rib;
}

__rte_export int
rte_fib_select_lookup(struct rte_fib *fib, enum rte_fib_lookup_type type)
{
	rte_fib_lookup_fn_t fn;

	if (fib == NULL || fib->type != RTE_FIB_DIR24_8)
		return -EINVAL;
	fn = dir24_8_lookup_fn(fib->dp, type);
	if (fn == NULL)
		return -EINVAL;
	fib->lookup = fn;
	return 0;
}
