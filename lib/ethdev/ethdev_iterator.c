/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Walk the ports matching a device string. Two forms are understood:
 *   "NAME[,key=value...]"          ports named NAME or on the device NAME;
 *   "class=eth[,mac=XX:XX:...]"     every port, or the one with that MAC.
 * Bus filters ("bus=pci/...") and other class keys are refused with
 * -ENOTSUP: they need the bus and class iterators, which are not there yet.
 * The state lives in the iterator: dev_str holds the name, cls_str the MAC
 * text (both our copies), class_device the last port returned, and bus_str
 * points at eth_iter_live while the walk is on, so that an iterator whose
 * init failed or that was cleaned up yields no port at all.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_class.h>

#include "ethdev_private.h"

#define ETH_ITER_CLASS "class=eth"
#define ETH_ITER_MAC "mac="

static const char eth_iter_live[] = "ethdev";

/* 0 with iter->cls_str set (NULL: all ports), or -ENOTSUP/-EINVAL/-ENOMEM. */
static int
eth_iter_class_parse(struct rte_dev_iterator *iter, const char *args)
{
	struct rte_ether_addr mac;

	if (*args == '\0')
		return 0;
	if (*args != ',' || strncmp(args + 1, ETH_ITER_MAC, strlen(ETH_ITER_MAC)) != 0) {
		RTE_ETHDEV_LOG(ERR,
			       "Port iterator: only \"mac=\" follows \"class=eth\", got "
			       "\"%s\"; match ports by name or MAC\n",
			       args);
		return -ENOTSUP;
	}
	args += 1 + strlen(ETH_ITER_MAC);
	if (rte_ether_unformat_addr(args, &mac) != 0) {
		RTE_ETHDEV_LOG(ERR,
			       "Port iterator: \"%s\" is not a MAC address; write it as "
			       "XX:XX:XX:XX:XX:XX\n",
			       args);
		return -EINVAL;
	}
	iter->cls_str = strdup(args);
	return iter->cls_str == NULL ? -ENOMEM : 0;
}

__rte_export int
rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs)
{
	size_t len;
	char *name;

	if (iter == NULL || devargs == NULL) {
		RTE_ETHDEV_LOG(ERR, "Port iterator: iter and devargs must not be NULL\n");
		return -EINVAL;
	}
	memset(iter, 0, sizeof(*iter));
	if (strncmp(devargs, ETH_ITER_CLASS, strlen(ETH_ITER_CLASS)) == 0) {
		int ret = eth_iter_class_parse(iter, devargs + strlen(ETH_ITER_CLASS));

		if (ret == 0)
			iter->bus_str = eth_iter_live;
		return ret;
	}
	if (strncmp(devargs, "bus=", 4) == 0 || strstr(devargs, "class=") != NULL) {
		RTE_ETHDEV_LOG(ERR,
			       "Port iterator: \"%s\": bus filters and classes other than "
			       "\"class=eth[,mac=...]\" are not supported; give a device name\n",
			       devargs);
		return -ENOTSUP;
	}
	len = strcspn(devargs, ",");
	if (len == 0) {
		RTE_ETHDEV_LOG(ERR, "Port iterator: empty device name in \"%s\"\n", devargs);
		return -EINVAL;
	}
	name = strndup(devargs, len);
	if (name == NULL)
		return -ENOMEM;
	iter->dev_str = name;
	iter->bus_str = eth_iter_live;
	return 0;
}

/* Whether port p is one the iterator looks for. */
static bool
eth_iter_match(const struct rte_dev_iterator *iter, const struct rte_eth_dev *dev)
{
	struct rte_ether_addr mac;

	if (iter->dev_str != NULL)
		return strcmp(dev->data->name, iter->dev_str) == 0 ||
		       (dev->device != NULL &&
			strcmp(rte_dev_name(dev->device), iter->dev_str) == 0);
	if (iter->cls_str == NULL)
		return true;
	if (dev->data->mac_addrs == NULL || rte_ether_unformat_addr(iter->cls_str, &mac) != 0)
		return false;
	return rte_is_same_ether_addr(&mac, &dev->data->mac_addrs[0]);
}

__rte_export uint16_t
rte_eth_iterator_next(struct rte_dev_iterator *iter)
{
	uint16_t p;

	if (iter == NULL || iter->bus_str != eth_iter_live)
		return RTE_MAX_ETHPORTS;
	p = iter->class_device == NULL
		    ? 0
		    : (uint16_t)((struct rte_eth_dev *)iter->class_device - rte_eth_devices) + 1;
	for (; p < RTE_MAX_ETHPORTS; p++) {
		if (!rte_eth_dev_is_valid_port(p) || !eth_iter_match(iter, &rte_eth_devices[p]))
			continue;
		iter->class_device = &rte_eth_devices[p];
		return p;
	}
	rte_eth_iterator_cleanup(iter);
	return RTE_MAX_ETHPORTS;
}

__rte_export void
rte_eth_iterator_cleanup(struct rte_dev_iterator *iter)
{
	if (iter == NULL)
		return;
	free((void *)(uintptr_t)iter->dev_str);
	free((void *)(uintptr_t)iter->cls_str);
	memset(iter, 0, sizeof(*iter));
}

/*
 * The "eth" device class, so that "class=eth" in devargs names a class. Its
 * iterator walks the ports after start (a struct rte_eth_dev, NULL: from the
 * first) and returns the next one that str ("" or NULL: any, "mac=X") matches.
 */
static void *
eth_class_dev_iterate(const void *start, const char *str,
		      const struct rte_dev_iterator *it __rte_unused)
{
	struct rte_dev_iterator match = { 0 };
	uint16_t p = 0;
	void *found = NULL;

	if (str != NULL && *str != '\0') {
		/* the same "mac=" rule as the port iterator, from its leading ',' */
		char *args = malloc(strlen(str) + 2);

		if (args == NULL)
			return NULL;
		args[0] = ',';
		strcpy(args + 1, str);
		if (eth_iter_class_parse(&match, args) != 0) {
			free(args);
			return NULL;
		}
		free(args);
	}
	if (start != NULL)
		p = (uint16_t)((const struct rte_eth_dev *)start - rte_eth_devices) + 1;
	for (; p < RTE_MAX_ETHPORTS; p++) {
		if (rte_eth_dev_is_valid_port(p) && eth_iter_match(&match, &rte_eth_devices[p])) {
			found = &rte_eth_devices[p];
			break;
		}
	}
	free((void *)(uintptr_t)match.cls_str);
	return found;
}

static struct rte_class eth_class = {
	.dev_iterate = eth_class_dev_iterate,
};

RTE_REGISTER_CLASS(eth, eth_class);
