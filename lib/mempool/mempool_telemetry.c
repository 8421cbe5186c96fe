/* SPDX-License-Identifier: BSD-3-Clause */
/* /mempool/list and /mempool/info, with DPDK 22.11's fields. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_telemetry.h>

#include "eal_private.h"

static void
mempool_tel_list_one(struct rte_mempool *mp, void *arg)
{
	rte_tel_data_add_array_string(arg, mp->name);
}

static int
mempool_tel_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	RTE_SET_USED(cmd);
	RTE_SET_USED(params);
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	rte_mempool_walk(mempool_tel_list_one, d);
	return 0;
}

static int
mempool_tel_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	const struct rte_memzone *mz;
	struct rte_mempool *mp;

	RTE_SET_USED(cmd);
	if (params == NULL || params[0] == '\0' || strlen(params) >= RTE_MEMPOOL_NAMESIZE)
		return -EINVAL;
	rte_tel_data_start_dict(d);
	mp = rte_mempool_lookup(params);
	if (mp == NULL)
		return 0; /* an unknown pool is an empty dictionary, as in DPDK */
	rte_tel_data_add_dict_string(d, "name", mp->name);
	rte_tel_data_add_dict_u64(d, "pool_id", mp->pool_id);
	rte_tel_data_add_dict_u64(d, "flags", mp->flags);
	rte_tel_data_add_dict_int(d, "socket_id", mp->socket_id);
	rte_tel_data_add_dict_u64(d, "size", mp->size);
	rte_tel_data_add_dict_u64(d, "cache_size", mp->cache_size);
	rte_tel_data_add_dict_u64(d, "elt_size", mp->elt_size);
	rte_tel_data_add_dict_u64(d, "header_size", mp->header_size);
	rte_tel_data_add_dict_u64(d, "trailer_size", mp->trailer_size);
	rte_tel_data_add_dict_u64(d, "private_data_size", mp->private_data_size);
	rte_tel_data_add_dict_int(d, "ops_index", mp->ops_index);
	rte_tel_data_add_dict_u64(d, "populated_size", mp->populated_size);
	mz = mp->mz;
	if (mz == NULL)
		return 0;
	eal_memzone_tel_add(d, mz);
	return 0;
}

RTE_INIT(mempool_telemetry_register)
{
	rte_telemetry_register_cmd("/mempool/list", mempool_tel_list,
				   "Names of the mempools. No parameters");
	rte_telemetry_register_cmd("/mempool/info", mempool_tel_info,
				   "Sizes and memzone of a mempool. Parameter: pool name");
}
