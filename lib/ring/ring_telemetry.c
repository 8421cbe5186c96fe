/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * /ring/list and /ring/info. DPDK 22.11 has no ring commands; names and
 * fields are those later DPDK releases gave them. Rings are found through
 * their memzones (RTE_RING_MZ_PREFIX + name), as rte_ring_create made them.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_telemetry.h>

#include "eal_private.h"

static int
ring_mz_is_ring(const struct rte_memzone *mz)
{
	return strncmp(mz->name, RTE_RING_MZ_PREFIX, sizeof(RTE_RING_MZ_PREFIX) - 1) == 0;
}

static void
ring_tel_list_one(const struct rte_memzone *mz, void *arg)
{
	if (ring_mz_is_ring(mz))
		rte_tel_data_add_array_string(arg, mz->name + sizeof(RTE_RING_MZ_PREFIX) - 1);
}

static int
ring_tel_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	RTE_SET_USED(cmd);
	RTE_SET_USED(params);
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	rte_memzone_walk(ring_tel_list_one, d);
	return 0;
}

static const char *
ring_sync_name(enum rte_ring_sync_type t, int prod)
{
	switch (t) {
	case RTE_RING_SYNC_MT:
		return prod ? "MP" : "MC";
	case RTE_RING_SYNC_ST:
		return prod ? "SP" : "SC";
	case RTE_RING_SYNC_MT_RTS:
		return prod ? "MP_RTS" : "MC_RTS";
	case RTE_RING_SYNC_MT_HTS:
		return prod ? "MP_HTS" : "MC_HTS";
	default:
		return "Unknown";
	}
}

static int
ring_tel_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	const struct rte_memzone *mz;
	const struct rte_ring *r;

	RTE_SET_USED(cmd);
	if (params == NULL || params[0] == '\0' || strlen(params) >= RTE_RING_NAMESIZE)
		return -EINVAL;
	r = rte_ring_lookup(params);
	if (r == NULL)
		return -ENOENT;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "name", r->name);
	rte_tel_data_add_dict_int(d, "socket", r->memzone != NULL ? r->memzone->socket_id : -1);
	rte_tel_data_add_dict_u64(d, "flags", (uint32_t)r->flags);
	rte_tel_data_add_dict_string(d, "producer_type", ring_sync_name(r->prod.sync_type, 1));
	rte_tel_data_add_dict_string(d, "consumer_type", ring_sync_name(r->cons.sync_type, 0));
	rte_tel_data_add_dict_u64(d, "size", r->size);
	rte_tel_data_add_dict_u64(d, "mask", r->mask);
	rte_tel_data_add_dict_u64(d, "capacity", r->capacity);
	rte_tel_data_add_dict_u64(d, "used_count", rte_ring_count(r));
	mz = r->memzone;
	if (mz == NULL)
		return 0;
	eal_memzone_tel_add(d, mz);
	return 0;
}

RTE_INIT(ring_telemetry_register)
{
	rte_telemetry_register_cmd("/ring/list", ring_tel_list,
				   "Names of the rings. No parameters");
	rte_telemetry_register_cmd("/ring/info", ring_tel_info,
				   "Sizes, sync types and memzone of a ring. Parameter: ring name");
}
