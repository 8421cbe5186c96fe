/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device arguments as -a/--vdev give them: rte_devargs_parse splits off
 * the name, rte_kvargs_parse reads the key=value list behind it, and the
 * device list takes the string and gives it back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_devargs.h>
#include <rte_kvargs.h>

#include "eal_private.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_keys[] = {"iface", "size", "copy", "queues", "mac", NULL};

/* Every value is a string the list owns; touch each byte of it. */
static int
kv_visit(const char *key, const char *value, void *opaque)
{
	size_t *total = opaque;

	*total += strlen(key) + (value != NULL ? strlen(value) : 0);
	return 0;
}

static void
kvargs_check(const char *args, const char *const *keys)
{
	struct rte_kvargs *kv = rte_kvargs_parse(args, keys);
	size_t total = 0;

	if (kv == NULL)
		return;
	if (kv->count > RTE_KVARGS_MAX)
		abort();
	rte_kvargs_process(kv, NULL, kv_visit, &total);
	for (unsigned int i = 0; i < kv->count; i++) {
		if (rte_kvargs_count(kv, kv->pairs[i].key) == 0)
			abort(); /* a parsed key must be found */
		rte_kvargs_get(kv, kv->pairs[i].key);
	}
	rte_kvargs_free(kv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rte_devargs da;
	struct rte_kvargs *kv;
	char *s = fuzz_input_str(data, size);

	if (s == NULL)
		return 0;
	kvargs_check(s, NULL);
	kvargs_check(s, fuzz_keys);
	kv = rte_kvargs_parse_delim(s, NULL, " ");
	rte_kvargs_free(kv);
	if (rte_devargs_parse(&da, s) == 0) {
		if (da.args == NULL || strlen(da.name) >= sizeof(da.name))
			abort();
		kvargs_check(da.args, NULL);
		rte_devargs_reset(&da);
	}
	if (rte_devargs_add(RTE_DEVTYPE_VIRTUAL, s) == 0 &&
	    rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL) != 1)
		abort();
	if (rte_devargs_add(RTE_DEVTYPE_ALLOWED, s) == 0 &&
	    rte_devargs_type_count(RTE_DEVTYPE_ALLOWED) != 1)
		abort();
	eal_devargs_free_all();
	free(s);
	return 0;
}
