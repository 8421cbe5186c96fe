/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ethdev_eeprom: register and EEPROM calls check the port and their buffers as
 * DPDK does and answer -ENOTSUP for a valid port (no driver here exposes them).
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_ethdev.h>

#include "test.h"

static int
eeprom_checks(uint16_t port)
{
	struct rte_eth_dev_module_info mod;
	struct rte_dev_eeprom_info ee = {0};
	struct rte_dev_reg_info reg = {0};
	uint8_t buf[16];

	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(port, NULL), -EINVAL, "reg NULL");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(port, &reg), -ENOTSUP, "reg");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom_length(port), -ENOTSUP, "length");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(port, NULL), -EINVAL, "get NULL");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(port, &ee), -ENOTSUP, "get");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_eeprom(port, NULL), -EINVAL, "set NULL");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_eeprom(port, &ee), -ENOTSUP, "set");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_info(port, NULL), -EINVAL, "module NULL");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_info(port, &mod), -ENOTSUP, "module");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, NULL), -EINVAL, "module ee NULL");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, &ee), -EINVAL, "no data");
	ee.data = buf;
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, &ee), -EINVAL, "length 0");
	ee.length = sizeof(buf);
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, &ee), -ENOTSUP, "module ee");
	return TEST_SUCCESS;
}

static int
test_ethdev_eeprom_port(void)
{
	uint16_t port;
	int rc;

	TEST_ASSERT_SUCCESS(rte_eal_hotplug_add("vdev", "net_null_ee0", ""), "port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_null_ee0", &port), "port id");
	rc = eeprom_checks(port);
	TEST_ASSERT_SUCCESS(rte_eal_hotplug_remove("vdev", "net_null_ee0"), "remove");
	return rc;
}

static int
test_ethdev_eeprom_bad_port(void)
{
	struct rte_eth_dev_module_info mod;
	struct rte_dev_eeprom_info ee = {0};
	struct rte_dev_reg_info reg = {0};
	const uint16_t bad = RTE_MAX_ETHPORTS;

	/* A bad port is reported before a NULL buffer. */
	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(bad, NULL), -ENODEV, "reg NULL");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(bad, &reg), -ENODEV, "reg");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom_length(bad), -ENODEV, "length");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(bad, &ee), -ENODEV, "get");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_eeprom(bad, &ee), -ENODEV, "set");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_info(bad, &mod), -ENODEV, "module");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(bad, &ee), -ENODEV, "module ee");
	return TEST_SUCCESS;
}

static const struct test_case ethdev_eeprom_cases[] = {
	TEST_CASE(test_ethdev_eeprom_port),
	TEST_CASE(test_ethdev_eeprom_bad_port),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(ethdev_eeprom, TEST_SUITE_EAL, ethdev_eeprom_cases);
