/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hotplug: a net_null port added on the vdev bus after initialisation appears as an
 * ethdev port and is gone after removal; duplicates, unknown buses and devices, and
 * a bus that cannot plug are refused with the documented errors.
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_ethdev.h>

#include "test.h"

static int
test_hotplug_add_remove(void)
{
	uint16_t port;

	TEST_ASSERT_NOT_EQUAL(rte_eth_dev_get_port_by_name("net_null_hp0", &port), 0,
			      "no port before");
	TEST_ASSERT_SUCCESS(rte_eal_hotplug_add("vdev", "net_null_hp0", "size=128"), "add");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_null_hp0", &port), "port");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add("vdev", "net_null_hp0", NULL), -EEXIST, "twice");
	TEST_ASSERT_SUCCESS(rte_eal_hotplug_remove("vdev", "net_null_hp0"), "remove");
	TEST_ASSERT_NOT_EQUAL(rte_eth_dev_get_port_by_name("net_null_hp0", &port), 0, "port gone");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_remove("vdev", "net_null_hp0"), -ENOENT, "removed twice");
	/* The name can be used again once removed. */
	TEST_ASSERT_SUCCESS(rte_eal_hotplug_add("vdev", "net_null_hp0", ""), "add again");
	TEST_ASSERT_SUCCESS(rte_eal_hotplug_remove("vdev", "net_null_hp0"), "remove again");
	return TEST_SUCCESS;
}

static int
test_hotplug_errors(void)
{
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add(NULL, "net_null_hp1", ""), -EINVAL, "NULL bus");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add("vdev", NULL, ""), -EINVAL, "NULL name");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add("vdev", "", ""), -EINVAL, "empty name");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_remove("vdev", NULL), -EINVAL, "remove NULL");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add("nosuchbus", "x0", ""), -ENOENT, "bus");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_remove("nosuchbus", "x0"), -ENOENT, "bus");
	/* No vdev driver's name prefixes this one. */
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add("vdev", "nodriver0", ""), -EINVAL, "no driver");
	TEST_ASSERT_EQUAL(rte_eal_hotplug_remove("vdev", "nodriver0"), -ENOENT, "not added");
	/* PCI devices are found by the scan at initialisation only. */
	TEST_ASSERT_EQUAL(rte_eal_hotplug_add("pci", "0000:00:1f.0", ""), -ENOTSUP, "pci");
	return TEST_SUCCESS;
}

static const struct test_case hotplug_cases[] = {
	TEST_CASE(test_hotplug_add_remove),
	TEST_CASE(test_hotplug_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hotplug, TEST_SUITE_EAL, hotplug_cases);
