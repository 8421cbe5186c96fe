/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The layered devargs syntax: "bus=pci,addr=0000:00:01.0/class=eth/driver=x,k=v".
 * Each layer is a key=value list whose first key names it; a '/' starts a new
 * layer only when a layer key follows it, so values may hold paths
 * ("bus=vdev,name=/dev/file/class=eth").
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bus_driver.h>
#include <rte_class.h>
#include <rte_devargs.h>
#include <rte_log.h>

#include "eal_private.h"

enum devargs_layer {
	DEVARGS_LAYER_BUS,
	DEVARGS_LAYER_CLASS,
	DEVARGS_LAYER_DRIVER,
	DEVARGS_LAYER_COUNT,
};

static const char *const devargs_layer_keys[DEVARGS_LAYER_COUNT] = {
	[DEVARGS_LAYER_BUS] = RTE_DEVARGS_KEY_BUS,
	[DEVARGS_LAYER_CLASS] = RTE_DEVARGS_KEY_CLASS,
	[DEVARGS_LAYER_DRIVER] = RTE_DEVARGS_KEY_DRIVER,
};

/* The layer that s starts ("class=..."), or -1. */
static int
devargs_layer_of(const char *s)
{
	for (int i = 0; i < DEVARGS_LAYER_COUNT; i++) {
		size_t n = strlen(devargs_layer_keys[i]);

		if (strncmp(s, devargs_layer_keys[i], n) == 0 && s[n] == '=')
			return i;
	}
	return -1;
}

bool
eal_devargs_is_layered(const char *dev)
{
	return dev != NULL && devargs_layer_of(dev) >= 0;
}

/*
 * Copy the value of key in the pair list "k=v,k=v" into buf: 1 when found,
 * 0 when not, -E2BIG when the value does not fit.
 */
static int
devargs_pair_value(const char *list, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
			size_t vlen = len - klen - 1;

			if (vlen >= size)
				return -E2BIG;
			memcpy(buf, p + klen + 1, vlen);
			buf[vlen] = '\0';
			return 1;
		}
		p = end != NULL ? end + 1 : NULL;
	}
	return 0;
}

/* Cut s (starting with a layer key) into its layers, in place. 0 or -EINVAL. */
static int
devargs_layers_split(const char *dev, char *s, char *layer[DEVARGS_LAYER_COUNT])
{
	int k = devargs_layer_of(s);

	for (;;) {
		char *p = s;
		int next = -1;

		if (layer[k] != NULL) {
			RTE_LOG(ERR, EAL,
				"devargs \"%s\": the %s= layer is given twice; give it once\n", dev,
				devargs_layer_keys[k]);
			return -EINVAL;
		}
		layer[k] = s;
		while ((p = strchr(p, '/')) != NULL) {
			next = devargs_layer_of(p + 1);
			if (next >= 0)
				break;
			p++;
		}
		if (p == NULL)
			return 0;
		*p = '\0';
		s = p + 1;
		k = next;
	}
}

/* The bus's own reading of its layer, or its "name=" key. 0 or -errno. */
static int
devargs_name_resolve(struct rte_devargs *da, const char *dev)
{
	int ret;

	if (da->bus != NULL && da->bus->devargs_parse != NULL)
		return da->bus->devargs_parse(da);
	if (da->bus_str == NULL)
		return 0;
	ret = devargs_pair_value(da->bus_str, "name", da->name, sizeof(da->name));
	if (ret == -E2BIG) {
		RTE_LOG(ERR, EAL, "devargs \"%s\": the device name is longer than %d characters\n",
			dev, RTE_DEV_NAME_MAX_LEN - 1);
		return -EINVAL;
	}
	return 0;
}

/* Look up the bus and class the layers name. 0 or -ENODEV after logging. */
static int
devargs_layers_lookup(struct rte_devargs *da, const char *dev)
{
	/* bus and class names are short; a longer one cannot be registered */
	char name[RTE_DEV_NAME_MAX_LEN];

	if (da->bus_str != NULL) {
		if (devargs_pair_value(da->bus_str, RTE_DEVARGS_KEY_BUS, name, sizeof(name)) != 1 ||
		    (da->bus = rte_bus_find_by_name(name)) == NULL) {
			RTE_LOG(ERR, EAL,
				"devargs \"%s\": unknown bus in \"%s\"; use bus=pci or bus=vdev\n",
				dev, da->bus_str);
			return -ENODEV;
		}
	}
	if (da->cls_str != NULL) {
		if (devargs_pair_value(da->cls_str, RTE_DEVARGS_KEY_CLASS, name, sizeof(name)) !=
			    1 ||
		    (da->cls = rte_class_find_by_name(name)) == NULL) {
			RTE_LOG(ERR, EAL,
				"devargs \"%s\": unknown device class in \"%s\"; use class=eth\n",
				dev, da->cls_str);
			return -ENODEV;
		}
	}
	return 0;
}

int
eal_devargs_layers_parse(struct rte_devargs *da, const char *dev)
{
	char *layer[DEVARGS_LAYER_COUNT] = {NULL};
	int ret;

	da->data = strdup(dev);
	if (da->data == NULL) {
		RTE_LOG(ERR, EAL, "devargs \"%s\": out of memory\n", dev);
		return -ENOMEM;
	}
	ret = devargs_layers_split(dev, da->data, layer);
	if (ret < 0)
		goto out_reset;
	da->bus_str = layer[DEVARGS_LAYER_BUS];
	da->cls_str = layer[DEVARGS_LAYER_CLASS];
	/* no driver layer: empty arguments, as the legacy syntax gives */
	da->drv_str = layer[DEVARGS_LAYER_DRIVER] != NULL ? layer[DEVARGS_LAYER_DRIVER]
							  : da->data + strlen(dev);
	if (da->bus_str == NULL && da->cls_str == NULL) {
		RTE_LOG(ERR, EAL,
			"devargs \"%s\": a driver= layer needs a bus= or class= layer "
			"before it\n",
			dev);
		ret = -EINVAL;
		goto out_reset;
	}
	ret = devargs_layers_lookup(da, dev);
	if (ret < 0)
		goto out_reset;
	ret = devargs_name_resolve(da, dev);
	if (ret < 0)
		goto out_reset;
	return 0;

out_reset:
	free(da->data);
	memset(da, 0, sizeof(*da));
	return ret;
}
