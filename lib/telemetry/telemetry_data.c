/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_tel_data_*: what a command's callback fills, with DPDK's limits. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "telemetry_data.h"

/* Containers nest; the depth is bounded so a cycle cannot recurse forever. */
#define TEL_MAX_DEPTH 16

/* Copy with truncation; E2BIG (positive, as DPDK) when src did not fit. */
static int
tel_copy(char *dst, const char *src, size_t size)
{
	size_t n = strnlen(src, size);

	if (n == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return E2BIG;
	}
	memcpy(dst, src, n + 1);
	return 0;
}

static bool
tel_name_valid(const char *name)
{
	for (; *name != '\0'; name++) {
		unsigned char c = (unsigned char)*name;

		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      c == '_' || c == '/'))
			return false;
	}
	return true;
}

__rte_export int
rte_tel_data_start_array(struct rte_tel_data *d, enum rte_tel_value_type type)
{
	static const enum tel_kind kinds[] = {
		[RTE_TEL_STRING_VAL] = TEL_ARRAY_STRING,
		[RTE_TEL_INT_VAL] = TEL_ARRAY_INT,
		[RTE_TEL_U64_VAL] = TEL_ARRAY_U64,
		[RTE_TEL_CONTAINER] = TEL_ARRAY_CONTAINER,
	};

	if (d == NULL || (unsigned int)type >= sizeof(kinds) / sizeof(kinds[0]))
		return -EINVAL;
	d->kind = kinds[type];
	d->count = 0;
	return 0;
}

__rte_export int
rte_tel_data_start_dict(struct rte_tel_data *d)
{
	if (d == NULL)
		return -EINVAL;
	d->kind = TEL_DICT;
	d->count = 0;
	return 0;
}

__rte_export int
rte_tel_data_string(struct rte_tel_data *d, const char *str)
{
	if (d == NULL || str == NULL)
		return -EINVAL;
	d->kind = TEL_STRING;
	d->count = 0;
	return tel_copy(d->u.str, str, sizeof(d->u.str));
}

/* The next free slot of an array of this kind, or NULL with *err set. */
static union tel_value *
tel_array_slot(struct rte_tel_data *d, enum tel_kind kind, int *err)
{
	if (d == NULL || d->kind != kind) {
		*err = -EINVAL;
		return NULL;
	}
	if (d->count >= RTE_TEL_MAX_ARRAY_ENTRIES) {
		*err = -ENOSPC;
		return NULL;
	}
	return &d->u.array[d->count++];
}

__rte_export int
rte_tel_data_add_array_string(struct rte_tel_data *d, const char *str)
{
	union tel_value *v;
	int err;

	if (str == NULL)
		return -EINVAL;
	v = tel_array_slot(d, TEL_ARRAY_STRING, &err);
	if (v == NULL)
		return err;
	return tel_copy(v->sval, str, sizeof(v->sval));
}

__rte_export int
rte_tel_data_add_array_int(struct rte_tel_data *d, int x)
{
	union tel_value *v;
	int err;

	v = tel_array_slot(d, TEL_ARRAY_INT, &err);
	if (v == NULL)
		return err;
	v->ival = x;
	return 0;
}

__rte_export int
rte_tel_data_add_array_u64(struct rte_tel_data *d, uint64_t x)
{
	union tel_value *v;
	int err;

	v = tel_array_slot(d, TEL_ARRAY_U64, &err);
	if (v == NULL)
		return err;
	v->u64val = x;
	return 0;
}

static bool
tel_is_value_array(const struct rte_tel_data *d)
{
	return d->kind == TEL_ARRAY_STRING || d->kind == TEL_ARRAY_INT || d->kind == TEL_ARRAY_U64;
}

__rte_export int
rte_tel_data_add_array_container(struct rte_tel_data *d, struct rte_tel_data *val, int keep)
{
	union tel_value *v;
	int err;

	if (val == NULL || val == d || !tel_is_value_array(val))
		return -EINVAL;
	v = tel_array_slot(d, TEL_ARRAY_CONTAINER, &err);
	if (v == NULL)
		return err;
	v->container.data = val;
	v->container.keep = !!keep;
	return 0;
}

/* The next free entry of a dictionary, named; NULL with *err set. */
static struct tel_dict_entry *
tel_dict_entry(struct rte_tel_data *d, const char *name, enum rte_tel_value_type type, int *err)
{
	struct tel_dict_entry *e;

	if (d == NULL || name == NULL || d->kind != TEL_DICT || !tel_name_valid(name)) {
		*err = -EINVAL;
		return NULL;
	}
	if (d->count >= RTE_TEL_MAX_DICT_ENTRIES) {
		*err = -ENOSPC;
		return NULL;
	}
	e = &d->u.dict[d->count++];
	e->type = type;
	*err = tel_copy(e->name, name, sizeof(e->name));
	return e;
}

__rte_export int
rte_tel_data_add_dict_string(struct rte_tel_data *d, const char *name, const char *val)
{
	struct tel_dict_entry *e;
	int err, verr;

	if (val == NULL)
		return -EINVAL;
	e = tel_dict_entry(d, name, RTE_TEL_STRING_VAL, &err);
	if (e == NULL)
		return err;
	verr = tel_copy(e->value.sval, val, sizeof(e->value.sval));
	return err != 0 ? err : verr;
}

__rte_export int
rte_tel_data_add_dict_int(struct rte_tel_data *d, const char *name, int val)
{
	struct tel_dict_entry *e;
	int err;

	e = tel_dict_entry(d, name, RTE_TEL_INT_VAL, &err);
	if (e == NULL)
		return err;
	e->value.ival = val;
	return err;
}

__rte_export int
rte_tel_data_add_dict_u64(struct rte_tel_data *d, const char *name, uint64_t val)
{
	struct tel_dict_entry *e;
	int err;

	e = tel_dict_entry(d, name, RTE_TEL_U64_VAL, &err);
	if (e == NULL)
		return err;
	e->value.u64val = val;
	return err;
}

__rte_export int
rte_tel_data_add_dict_container(struct rte_tel_data *d, const char *name, struct rte_tel_data *val,
				int keep)
{
	struct tel_dict_entry *e;
	int err;

	if (val == NULL || val == d || (!tel_is_value_array(val) && val->kind != TEL_DICT))
		return -EINVAL;
	e = tel_dict_entry(d, name, RTE_TEL_CONTAINER, &err);
	if (e == NULL)
		return err;
	e->value.container.data = val;
	e->value.container.keep = !!keep;
	return err;
}

__rte_export struct rte_tel_data *
rte_tel_data_alloc(void)
{
	/* zeroed: a callback that starts nothing answers null */
	return calloc(1, sizeof(struct rte_tel_data));
}

__rte_export void
rte_tel_data_free(struct rte_tel_data *data)
{
	free(data);
}

static void
tel_release(struct rte_tel_data *d, unsigned int depth)
{
	struct tel_container *c;

	if (depth > TEL_MAX_DEPTH)
		return;
	for (unsigned int i = 0; i < d->count; i++) {
		if (d->kind == TEL_ARRAY_CONTAINER)
			c = &d->u.array[i].container;
		else if (d->kind == TEL_DICT && d->u.dict[i].type == RTE_TEL_CONTAINER)
			c = &d->u.dict[i].value.container;
		else
			continue;
		if (c->keep || c->data == NULL)
			continue;
		tel_release(c->data, depth + 1);
		rte_tel_data_free(c->data);
		c->data = NULL;
	}
}

void
telemetry_data_release(struct rte_tel_data *d)
{
	tel_release(d, 0);
}
