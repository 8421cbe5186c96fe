/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * port attach DEVARGS / port detach N: virtual devices probed and removed
 * at run time, with DPDK testpmd's lines. An attached port is configured
 * at its next start, like the ports of the command line.
 */
#include <stdio.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_ethdev.h>

#include "testpmd.h"

const char *port_attach_only;

/* "port attach [vdev:]NAME[,ARGS]" */
int
port_attach(const char *devargs)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	bool known[RTE_MAX_ETHPORTS] = {false};
	const char *args, *start = devargs;
	size_t len;
	uint16_t pid;
	int ret;

	printf("Attaching a new port...\n");
	if (strncmp(start, "vdev:", 5) == 0)
		start += 5;
	args = strchr(start, ',');
	len = args != NULL ? (size_t)(args - start) : strlen(start);
	if (len == 0 || len >= sizeof(name) || strchr(start, ':') != NULL) {
		printf("Invalid parameters are specified: '%s'; give a virtual device such as "
		       "net_null2 or net_ring2 (devices of other buses cannot be attached here)\n",
		       devargs);
		return -1;
	}
	memcpy(name, start, len);
	name[len] = '\0';
	if (port_attach_only != NULL &&
	    strncmp(name, port_attach_only, strlen(port_attach_only)) != 0) {
		printf("Bad arguments: only %s devices can be attached here\n", port_attach_only);
		return -1;
	}
	RTE_ETH_FOREACH_DEV(pid)
	known[pid] = true;
	ret = rte_eal_hotplug_add("vdev", name, args != NULL ? args + 1 : "");
	if (ret < 0) {
		printf("Failed to attach port %s\n", devargs);
		return ret;
	}
	RTE_ETH_FOREACH_DEV(pid)
	{
		if (known[pid])
			continue;
		port_state_reset(pid);
		printf("Port %d is attached. Now total ports is %d\n", pid,
		       rte_eth_dev_count_avail());
		printf("Done\n");
	}
	return 0;
}

/* "port detach N": the port's device goes, with every port it has. */
int
port_detach(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	char name[RTE_DEV_NAME_MAX_LEN];
	uint16_t sibling, siblings[RTE_MAX_ETHPORTS], nb = 0;
	int ret;

	if (ports[port_id].started) {
		printf("Port not stopped\n");
		return -1;
	}
	/* As DPDK's testpmd: a stopped port may go without "port close". */
	if (ports[port_id].configured)
		printf("Port was not closed\n");
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0 || info.device == NULL) {
		printf("Failed to get device info for port %d, not detaching\n", port_id);
		return -1;
	}
	printf("Removing a device...\n");
	RTE_ETH_FOREACH_DEV_OF(sibling, info.device)
	{
		if (ports[sibling].started) {
			printf("Port %u not stopped\n", sibling);
			return -1;
		}
		siblings[nb++] = sibling;
	}
	for (uint16_t i = 0; i < nb; i++) {
		verbose_callbacks_remove(siblings[i]);
		flow_rules_release(siblings[i]);
	}
	/* The name lives in the device that is about to go. */
	snprintf(name, sizeof(name), "%s", rte_dev_name(info.device));
	ret = rte_eal_hotplug_remove(rte_bus_name(rte_dev_bus(info.device)), name);
	if (ret < 0) {
		printf("Failed to detach device %s\n", name);
		return ret;
	}
	/* The ids may come back with other devices: forget these. */
	for (uint16_t i = 0; i < nb; i++)
		memset(&ports[siblings[i]], 0, sizeof(ports[siblings[i]]));
	printf("Device is detached\n");
	printf("Now total ports is %d\n", rte_eth_dev_count_avail());
	printf("Done\n");
	return 0;
}
