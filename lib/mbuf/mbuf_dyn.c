/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Registry of dynamic mbuf fields (bytes of dynfield1) and flags (the free
 * bits 23..40 of ol_flags). Registration is rare and takes a lock; users
 * keep the returned offset or bit and never come back here on the fast path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#include "mbuf_private.h"

#define DYN_AREA_START offsetof(struct rte_mbuf, dynfield1)
#define DYN_AREA_END (offsetof(struct rte_mbuf, dynfield1) + \
		      sizeof(((struct rte_mbuf *)0)->dynfield1))
#define DYN_FLAG_FIRST 23	/* RTE_MBUF_F_FIRST_FREE */
#define DYN_FLAG_LAST 40	/* RTE_MBUF_F_LAST_FREE */
#define DYN_MAX_FIELDS 64

struct dyn_field {
	struct rte_mbuf_dynfield params;
	size_t offset;
};

struct dyn_flag {
	struct rte_mbuf_dynflag params;
	unsigned int bitnum;
	bool used;
};

static pthread_mutex_t dyn_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dyn_field dyn_fields[DYN_MAX_FIELDS];
static unsigned int dyn_nb_fields;
static uint8_t dyn_byte_used[sizeof(struct rte_mbuf)];	/* 1 = taken */
static struct dyn_flag dyn_flags[64];			/* by bit number */

static int
dyn_name_ok(const char *name)
{
	size_t len = strnlen(name, RTE_MBUF_DYN_NAMESIZE);

	return len > 0 && len < RTE_MBUF_DYN_NAMESIZE;
}

static struct dyn_field *
dyn_field_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < dyn_nb_fields; i++)
		if (strcmp(dyn_fields[i].params.name, name) == 0)
			return &dyn_fields[i];
	return NULL;
}

static int
dyn_range_free(size_t offset, size_t size)
{
	size_t i;

	if (offset < DYN_AREA_START || offset + size > DYN_AREA_END)
		return 0;
	for (i = offset; i < offset + size; i++)
		if (dyn_byte_used[i])
			return 0;
	return 1;
}

/* Returns the offset, or -1 with rte_errno set. Called with dyn_lock held. */
static int
dyn_field_register_locked(const struct rte_mbuf_dynfield *params, size_t req)
{
	struct dyn_field *f = dyn_field_find(params->name);
	size_t offset;

	if (f != NULL) {
		/* The same request again gets the same field; a different one is refused. */
		if (f->params.size != params->size || f->params.align != params->align ||
		    f->params.flags != params->flags || (req != SIZE_MAX && req != f->offset)) {
			rte_errno = EEXIST;
			return -1;
		}
		return (int)f->offset;
	}
	if (dyn_nb_fields == DYN_MAX_FIELDS) {
		rte_errno = ENOENT;
		return -1;
	}
	if (req != SIZE_MAX) {
		if (req % params->align != 0) {
			rte_errno = EINVAL;
			return -1;
		}
		if (!dyn_range_free(req, params->size)) {
			rte_errno = EBUSY;
			return -1;
		}
		offset = req;
	} else {
		for (offset = RTE_ALIGN_CEIL(DYN_AREA_START, params->align);
		     offset + params->size <= DYN_AREA_END; offset += params->align)
			if (dyn_range_free(offset, params->size))
				break;
		if (offset + params->size > DYN_AREA_END) {
			rte_errno = ENOENT;
			return -1;
		}
	}
	memset(&dyn_byte_used[offset], 1, params->size);
	f = &dyn_fields[dyn_nb_fields++];
	f->params = *params;
	f->offset = offset;
	return (int)offset;
}

static int
dyn_field_register(const struct rte_mbuf_dynfield *params, size_t req)
{
	int ret;

	if (params == NULL || !dyn_name_ok(params->name) || params->size == 0 ||
	    params->size > DYN_AREA_END - DYN_AREA_START || params->align == 0 ||
	    !rte_is_power_of_2((uint32_t)params->align) || params->flags != 0 ||
	    (req != SIZE_MAX && req >= sizeof(struct rte_mbuf))) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	ret = dyn_field_register_locked(params, req);
	pthread_mutex_unlock(&dyn_lock);
	return ret;
}

__rte_export int
rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params)
{
	return dyn_field_register(params, SIZE_MAX);
}

__rte_export int
rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params, size_t offset)
{
	return dyn_field_register(params, offset);
}

__rte_export int
rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params)
{
	struct dyn_field *f;
	int ret = -1;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	f = dyn_field_find(name);
	if (f != NULL) {
		if (params != NULL)
			*params = f->params;
		ret = (int)f->offset;
	}
	pthread_mutex_unlock(&dyn_lock);
	if (ret < 0)
		rte_errno = ENOENT;
	return ret;
}

static int
dyn_flag_find(const char *name)
{
	int bit;

	for (bit = DYN_FLAG_FIRST; bit <= DYN_FLAG_LAST; bit++)
		if (dyn_flags[bit].used && strcmp(dyn_flags[bit].params.name, name) == 0)
			return bit;
	return -1;
}

static int
dyn_flag_register(const struct rte_mbuf_dynflag *params, unsigned int req)
{
	int bit, ret;

	if (params == NULL || !dyn_name_ok(params->name) || params->flags != 0 ||
	    (req != UINT_MAX && (req < DYN_FLAG_FIRST || req > DYN_FLAG_LAST))) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	bit = dyn_flag_find(params->name);
	if (bit >= 0) {
		if (dyn_flags[bit].params.flags != params->flags ||
		    (req != UINT_MAX && req != (unsigned int)bit)) {
			rte_errno = EEXIST;
			ret = -1;
		} else {
			ret = bit;
		}
		goto out;
	}
	if (req != UINT_MAX) {
		if (dyn_flags[req].used) {
			rte_errno = EBUSY;
			ret = -1;
			goto out;
		}
		bit = (int)req;
	} else {
		/* Lowest free bit, as DPDK picks it. */
		for (bit = DYN_FLAG_FIRST; bit <= DYN_FLAG_LAST; bit++)
			if (!dyn_flags[bit].used)
				break;
		if (bit > DYN_FLAG_LAST) {
			rte_errno = ENOENT;
			ret = -1;
			goto out;
		}
	}
	dyn_flags[bit].params = *params;
	dyn_flags[bit].bitnum = (unsigned int)bit;
	dyn_flags[bit].used = true;
	ret = bit;
out:
	pthread_mutex_unlock(&dyn_lock);
	return ret;
}

__rte_export int
rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params)
{
	return dyn_flag_register(params, UINT_MAX);
}

__rte_export int
rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params, unsigned int bitnum)
{
	return dyn_flag_register(params, bitnum);
}

__rte_export int
rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params)
{
	int bit;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	bit = dyn_flag_find(name);
	if (bit >= 0 && params != NULL)
		*params = dyn_flags[bit].params;
	pthread_mutex_unlock(&dyn_lock);
	if (bit < 0)
		rte_errno = ENOENT;
	return bit;
}

__rte_export void
rte_mbuf_dyn_dump(FILE *out)
{
	unsigned int i;
	int bit;

	pthread_mutex_lock(&dyn_lock);
	fprintf(out, "Reserved fields:\n");
	for (i = 0; i < dyn_nb_fields; i++)
		fprintf(out, "  name=%s offset=%zu size=%zu align=%zu flags=%x\n",
			dyn_fields[i].params.name, dyn_fields[i].offset, dyn_fields[i].params.size,
			dyn_fields[i].params.align, dyn_fields[i].params.flags);
	fprintf(out, "Reserved flags:\n");
	for (bit = DYN_FLAG_FIRST; bit <= DYN_FLAG_LAST; bit++)
		if (dyn_flags[bit].used)
			fprintf(out, "  name=%s bitnum=%d flags=%x\n", dyn_flags[bit].params.name,
				bit, dyn_flags[bit].params.flags);
	pthread_mutex_unlock(&dyn_lock);
}

static int
dyn_timestamp_register(int *field_offset, uint64_t *flag, const char *flag_name)
{
	static const struct rte_mbuf_dynfield field_desc = {
		.name = RTE_MBUF_DYNFIELD_TIMESTAMP_NAME,
		.size = sizeof(rte_mbuf_timestamp_t),
		.align = __alignof__(rte_mbuf_timestamp_t),
	};
	struct rte_mbuf_dynflag flag_desc = { .flags = 0 };
	int offset, bit;

	snprintf(flag_desc.name, sizeof(flag_desc.name), "%s", flag_name);
	bit = rte_mbuf_dynflag_register(&flag_desc);
	if (bit < 0)
		return -1;
	offset = rte_mbuf_dynfield_register(&field_desc);
	if (offset < 0)
		return -1;
	if (field_offset != NULL)
		*field_offset = offset;
	if (flag != NULL)
		*flag = 1ULL << bit;
	return 0;
}

__rte_export int
rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag)
{
	return dyn_timestamp_register(field_offset, rx_flag, RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME);
}

__rte_export int
rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag)
{
	return dyn_timestamp_register(field_offset, tx_flag, RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME);
}
