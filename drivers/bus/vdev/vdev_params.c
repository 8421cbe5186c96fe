/* SPDX-License-Identifier: BSD-3-Clause */
/* Device argument parsing with errors that say what to write instead. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>

#include "bus_vdev_driver.h"
#include "eal_private.h"
#include "vdev_private.h"

static void
vdev_keys_list(const char *const valid_keys[], char *buf, size_t len)
{
	size_t off = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; valid_keys[i] != NULL; i++) {
		int n = snprintf(buf + off, len - off, "%s%s", i ? ", " : "", valid_keys[i]);

		if (n < 0 || (size_t)n >= len - off)
			return;
		off += (size_t)n;
	}
	if (i == 0)
		snprintf(buf, len, "none");
}

__rte_export struct rte_kvargs *
rte_vdev_kvargs_parse(const struct rte_vdev_device *dev, const char *const valid_keys[])
{
	static const char *const no_keys[] = { NULL };
	const char *name = rte_vdev_device_name(dev);
	const char *args = rte_vdev_device_args(dev);
	struct rte_kvargs *kv;
	char keys[256];
	unsigned int i, k;

	if (valid_keys == NULL)
		valid_keys = no_keys;
	vdev_keys_list(valid_keys, keys, sizeof(keys));
	/* Parse without the key check first, to name the key that is wrong. */
	kv = rte_kvargs_parse(args, NULL);
	if (kv == NULL) {
		VDEV_LOG(ERR, "%s: cannot parse arguments '%s': write key=value pairs "
			 "separated by commas (valid keys: %s)\n", name, args, keys);
		rte_errno = EINVAL;
		return NULL;
	}
	for (i = 0; i < kv->count; i++) {
		for (k = 0; valid_keys[k] != NULL; k++)
			if (strcmp(kv->pairs[i].key, valid_keys[k]) == 0)
				break;
		if (valid_keys[k] == NULL) {
			VDEV_LOG(ERR, "%s: unknown argument '%s' in '%s' (valid keys: %s)\n",
				 name, kv->pairs[i].key, args, keys);
			rte_kvargs_free(kv);
			rte_errno = EINVAL;
			return NULL;
		}
	}
	return kv;
}

__rte_export int
rte_vdev_arg_invalid(const char *dev_name, const char *key, const char *value,
		     const char *expected)
{
	VDEV_LOG(ERR, "%s: invalid value '%s' for '%s': %s\n", dev_name,
		 value != NULL ? value : "", key, expected);
	return -EINVAL;
}
