/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Flow API and device dumps: the error contract on a port without flow
 * support (net_null), on a bad port, and through a driver that has a partial
 * flow table; enum values that must equal DPDK 22.11's.
 */
#include <errno.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_flow.h>
#include <rte_flow_driver.h>

#include "test.h"

#define BAD_PORT (RTE_MAX_ETHPORTS - 1)

/* An ingress rule "IPv4 to queue 0", as the flow_filtering example builds it. */
static const struct rte_flow_attr flow_attr = {.ingress = 1};
static const struct rte_flow_action_queue flow_queue = {.index = 0};
static const struct rte_flow_item flow_pattern[] = {
	{.type = RTE_FLOW_ITEM_TYPE_ETH},
	{.type = RTE_FLOW_ITEM_TYPE_IPV4, .mask = &rte_flow_item_ipv4_mask},
	{.type = RTE_FLOW_ITEM_TYPE_END},
};
static const struct rte_flow_action flow_actions[] = {
	{.type = RTE_FLOW_ACTION_TYPE_QUEUE, .conf = &flow_queue},
	{.type = RTE_FLOW_ACTION_TYPE_END},
};

/* Fill err with junk so that the test sees what the call wrote. */
static void
flow_error_poison(struct rte_flow_error *err)
{
	memset(err, 0x5a, sizeof(*err));
	rte_errno = 0;
}

/* ret, rte_errno and the error struct all say code, with type UNSPECIFIED. */
static int
flow_check_failure(int ret, const struct rte_flow_error *err, int code, const char *what)
{
	TEST_ASSERT_EQUAL(ret, -code, "%s: returned %d", what, ret);
	TEST_ASSERT_EQUAL(rte_errno, code, "%s: rte_errno %d", what, rte_errno);
	TEST_ASSERT_EQUAL(err->type, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, "%s: type", what);
	TEST_ASSERT_NULL(err->cause, "%s: cause", what);
	TEST_ASSERT(err->message != NULL && strcmp(err->message, rte_strerror(code)) == 0,
		    "%s: message", what);
	return TEST_SUCCESS;
}

/* Every flow call on port fails with code, with and without an error struct. */
static int
flow_check_all_fail(uint16_t port, int code)
{
	struct rte_flow_query_count count;
	struct rte_flow_error err;
	struct rte_flow *flow;

	flow_error_poison(&err);
	TEST_ASSERT_SUCCESS(flow_check_failure(rte_flow_validate(port, &flow_attr, flow_pattern,
								 flow_actions, &err),
					       &err, code, "validate"),
			    "validate");
	flow_error_poison(&err);
	flow = rte_flow_create(port, &flow_attr, flow_pattern, flow_actions, &err);
	TEST_ASSERT_NULL(flow, "create gave a rule");
	TEST_ASSERT_SUCCESS(flow_check_failure(-rte_errno, &err, code, "create"), "create");
	flow_error_poison(&err);
	TEST_ASSERT_SUCCESS(
		flow_check_failure(rte_flow_destroy(port, NULL, &err), &err, code, "destroy"),
		"destroy");
	flow_error_poison(&err);
	TEST_ASSERT_SUCCESS(flow_check_failure(rte_flow_flush(port, &err), &err, code, "flush"),
			    "flush");
	flow_error_poison(&err);
	memset(&count, 0, sizeof(count));
	TEST_ASSERT_SUCCESS(
		flow_check_failure(rte_flow_query(port, NULL, &flow_actions[0], &count, &err), &err,
				   code, "query"),
		"query");
	flow_error_poison(&err);
	TEST_ASSERT_SUCCESS(
		flow_check_failure(rte_flow_isolate(port, 1, &err), &err, code, "isolate"),
		"isolate");

	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_flow_validate(port, &flow_attr, flow_pattern, flow_actions, NULL),
			  -code, "NULL error pointer accepted");
	TEST_ASSERT_EQUAL(rte_errno, code, "rte_errno without an error struct");
	TEST_ASSERT_NULL(rte_flow_create(port, &flow_attr, flow_pattern, flow_actions, NULL),
			 "create, NULL error");
	TEST_ASSERT_EQUAL(rte_flow_flush(port, NULL), -code, "flush, NULL error");
	TEST_ASSERT_EQUAL(rte_flow_isolate(port, 0, NULL), -code, "isolate, NULL error");
	return TEST_SUCCESS;
}

static int
test_flow_unsupported_port(void)
{
	uint16_t port;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_null_flow0", NULL), "create");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_null_flow0", &port), "port");
	/* DPDK 22.11 answers ENOSYS, not ENOTSUP, when the driver has no flow ops. */
	TEST_ASSERT_SUCCESS(flow_check_all_fail(port, ENOSYS), "net_null");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_flow0"), "uninit");
	return TEST_SUCCESS;
}

static int
test_flow_bad_port(void)
{
	TEST_ASSERT_SUCCESS(flow_check_all_fail(BAD_PORT, ENODEV), "last port id");
	TEST_ASSERT_SUCCESS(flow_check_all_fail(RTE_MAX_ETHPORTS + 3, ENODEV), "past the table");
	return TEST_SUCCESS;
}

static int
test_flow_attr_transfer(void)
{
	struct rte_flow_attr attr = {.ingress = 1, .transfer = 1};
	struct rte_flow_error err;

	flow_error_poison(&err);
	TEST_ASSERT_EQUAL(rte_flow_validate(BAD_PORT, &attr, flow_pattern, flow_actions, &err),
			  -EINVAL, "transfer with ingress");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	TEST_ASSERT_EQUAL(err.type, RTE_FLOW_ERROR_TYPE_ATTR, "type names the attributes");
	TEST_ASSERT(err.cause == &attr, "cause is the attr");
	return TEST_SUCCESS;
}

/* A driver whose flow table has validate only, and whose EEPROM is 512 bytes. */
static const struct rte_flow_item *fake_flow_seen;

static int
fake_flow_validate(struct rte_eth_dev *dev __rte_unused,
		   const struct rte_flow_attr *attr __rte_unused,
		   const struct rte_flow_item pattern[],
		   const struct rte_flow_action actions[] __rte_unused,
		   struct rte_flow_error *error)
{
	fake_flow_seen = pattern;
	return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, &pattern[1],
				  "IPv4 matching not offered");
}

static const struct rte_flow_ops fake_flow_ops = {
	.validate = fake_flow_validate,
};

static int
fake_flow_ops_get(struct rte_eth_dev *dev __rte_unused, const struct rte_flow_ops **ops)
{
	*ops = &fake_flow_ops;
	return 0;
}

static int
fake_eeprom_length(struct rte_eth_dev *dev __rte_unused)
{
	return 512;
}

static const struct eth_dev_ops fake_flow_dev_ops = {
	.flow_ops_get = fake_flow_ops_get,
	.get_eeprom_length = fake_eeprom_length,
};

static int
test_flow_driver_table(void)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocate("flow_fake0");
	struct rte_flow_error err;
	uint16_t port;
	int ret;

	TEST_ASSERT_NOT_NULL(dev, "allocate");
	dev->dev_ops = &fake_flow_dev_ops;
	rte_eth_dev_probing_finish(dev);
	port = dev->data->port_id;

	flow_error_poison(&err);
	ret = rte_flow_validate(port, &flow_attr, flow_pattern, flow_actions, &err);
	TEST_ASSERT_EQUAL(ret, -ENOTSUP, "the driver's answer, %d", ret);
	TEST_ASSERT_EQUAL(rte_errno, ENOTSUP, "rte_errno from the driver");
	TEST_ASSERT(fake_flow_seen == flow_pattern, "driver got the pattern");
	TEST_ASSERT_EQUAL(err.type, RTE_FLOW_ERROR_TYPE_ITEM, "driver's error type");
	TEST_ASSERT(err.cause == &flow_pattern[1], "driver's cause");
	/* Operations the table leaves out are ENOSYS, as in DPDK. */
	TEST_ASSERT_SUCCESS(flow_check_failure(rte_flow_flush(port, &err), &err, ENOSYS, "flush"),
			    "flush missing");
	TEST_ASSERT_NULL(rte_flow_create(port, &flow_attr, flow_pattern, flow_actions, &err),
			 "create missing");
	TEST_ASSERT_EQUAL(rte_errno, ENOSYS, "create missing: rte_errno");

	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom_length(port), 512, "driver's EEPROM length");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(port, NULL), -EINVAL, "NULL info");
	TEST_ASSERT_SUCCESS(rte_eth_dev_release_port(dev), "release");
	return TEST_SUCCESS;
}

/* Enum values are part of DPDK 22.11's ABI: these numbers come from its rte_flow.h. */
static int
test_flow_enum_values(void)
{
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_END, 0, "item END");
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_PORT_ID, 4, "item PORT_ID");
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_ETH, 6, "item ETH");
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_IPV4, 8, "item IPV4");
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_UDP, 11, "item UDP");
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_TCP, 12, "item TCP");
	TEST_ASSERT_EQUAL(RTE_FLOW_ITEM_TYPE_VXLAN, 14, "item VXLAN");
	TEST_ASSERT_EQUAL(RTE_FLOW_ACTION_TYPE_MARK, 4, "action MARK");
	TEST_ASSERT_EQUAL(RTE_FLOW_ACTION_TYPE_QUEUE, 6, "action QUEUE");
	TEST_ASSERT_EQUAL(RTE_FLOW_ACTION_TYPE_DROP, 7, "action DROP");
	TEST_ASSERT_EQUAL(RTE_FLOW_ACTION_TYPE_RSS, 9, "action RSS");
	TEST_ASSERT_EQUAL(RTE_FLOW_ACTION_TYPE_METER, 13, "action METER");
	TEST_ASSERT_EQUAL(RTE_FLOW_ERROR_TYPE_UNSPECIFIED, 1, "error UNSPECIFIED");
	TEST_ASSERT_EQUAL(RTE_FLOW_ERROR_TYPE_ITEM, 13, "error ITEM");
	TEST_ASSERT_EQUAL(RTE_FLOW_ERROR_TYPE_STATE, 17, "error STATE");
	TEST_ASSERT_EQUAL(RTE_ETH_HASH_FUNCTION_TOEPLITZ, 1, "hash TOEPLITZ");
	/* Layouts the item structs share with DPDK. */
	TEST_ASSERT_EQUAL(sizeof(struct rte_flow_item_eth), 20, "item eth size");
	TEST_ASSERT_EQUAL(sizeof(struct rte_flow_item_ipv6), 44, "item ipv6 size");
	TEST_ASSERT_EQUAL(rte_flow_item_vlan_mask.hdr.vlan_tci, RTE_BE16(0x0fff), "vlan mask");
	TEST_ASSERT_EQUAL(rte_flow_item_udp_mask.hdr.dst_port, 0xffff, "udp mask");
	TEST_ASSERT_EQUAL(rte_flow_item_tcp_mask.hdr.src_port, 0xffff, "tcp mask");
	TEST_ASSERT_EQUAL(rte_flow_item_eth_mask.hdr.ether_type, 0, "eth mask type");
	TEST_ASSERT_EQUAL(rte_flow_item_ipv6_mask.hdr.dst_addr[15], 0xff, "ipv6 mask");
	return TEST_SUCCESS;
}

static int
test_flow_dump_unsupported(void)
{
	uint8_t buf[16];
	struct rte_dev_eeprom_info ee = {.data = buf, .length = sizeof(buf)};
	struct rte_dev_reg_info reg = {0};
	struct rte_eth_dev_module_info mod;
	uint16_t port;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_null_flow1", NULL), "create");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_null_flow1", &port), "port");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(port, &reg), -ENOTSUP, "reg");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom_length(port), -ENOTSUP, "eeprom length");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(port, &ee), -ENOTSUP, "get eeprom");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_eeprom(port, &ee), -ENOTSUP, "set eeprom");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_info(port, &mod), -ENOTSUP, "module info");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, &ee), -ENOTSUP, "module eeprom");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(port, NULL), -EINVAL, "NULL reg info");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_info(port, NULL), -EINVAL, "NULL modinfo");
	ee.length = 0;
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, &ee), -EINVAL, "zero length");
	ee.length = sizeof(buf);
	ee.data = NULL;
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(port, &ee), -EINVAL, "NULL data");
	ee.data = buf;
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_flow1"), "uninit");

	TEST_ASSERT_EQUAL(rte_eth_dev_get_reg_info(BAD_PORT, &reg), -ENODEV, "reg, bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom_length(BAD_PORT), -ENODEV, "length, bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(BAD_PORT, &ee), -ENODEV, "get, bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_set_eeprom(BAD_PORT, &ee), -ENODEV, "set, bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_info(BAD_PORT, &mod), -ENODEV, "mod, bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_module_eeprom(BAD_PORT, &ee), -ENODEV,
			  "module eeprom, bad port");
	TEST_ASSERT_EQUAL(rte_eth_dev_get_eeprom(BAD_PORT, NULL), -ENODEV, "port checked first");
	return TEST_SUCCESS;
}

/* Ports the walk over devargs yields, as a bit mask of port ids below 64. */
static uint64_t
flow_iter_ports(const char *devargs)
{
	struct rte_dev_iterator it;
	uint64_t seen = 0;
	uint16_t p;

	RTE_ETH_FOREACH_MATCHING_DEV(p, devargs, &it) {
		if (p < 64)
			seen |= UINT64_C(1) << p;
	}
	return seen;
}

static int
test_flow_port_iterator(void)
{
	char mac_str[RTE_ETHER_ADDR_FMT_SIZE + 16];
	struct rte_ether_addr mac;
	struct rte_dev_iterator it;
	uint16_t p0, p1, p;
	uint64_t all = 0;

	TEST_ASSERT_SUCCESS(rte_vdev_init("net_null_it0", NULL), "create 0");
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_null_it1", NULL), "create 1");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_null_it0", &p0), "port 0");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_null_it1", &p1), "port 1");
	TEST_ASSERT(p0 < 64 && p1 < 64, "ports fit the mask");

	TEST_ASSERT_EQUAL(flow_iter_ports("net_null_it1"), UINT64_C(1) << p1, "by name");
	TEST_ASSERT_EQUAL(flow_iter_ports("net_null_it0,size=64"), UINT64_C(1) << p0,
			  "name with arguments");
	TEST_ASSERT_EQUAL(flow_iter_ports("net_null_none"), 0, "no such name");
	RTE_ETH_FOREACH_DEV(p) {
		if (p < 64)
			all |= UINT64_C(1) << p;
	}
	TEST_ASSERT_EQUAL(flow_iter_ports("class=eth"), all, "the whole class");

	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(p1, &mac), "MAC");
	strcpy(mac_str, "class=eth,mac=");
	rte_ether_format_addr(mac_str + strlen(mac_str), RTE_ETHER_ADDR_FMT_SIZE, &mac);
	TEST_ASSERT(flow_iter_ports(mac_str) & (UINT64_C(1) << p1), "by MAC: %s", mac_str);

	TEST_ASSERT_EQUAL(rte_eth_iterator_init(&it, "bus=vdev/class=eth"), -ENOTSUP, "bus");
	TEST_ASSERT_EQUAL(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS, "failed init: no port");
	TEST_ASSERT_EQUAL(rte_eth_iterator_init(&it, "class=eth,mac=zz"), -EINVAL, "bad MAC");
	TEST_ASSERT_EQUAL(rte_eth_iterator_init(&it, ",x=1"), -EINVAL, "empty name");
	TEST_ASSERT_EQUAL(rte_eth_iterator_init(NULL, "net_null_it0"), -EINVAL, "NULL iter");
	TEST_ASSERT_EQUAL(flow_iter_ports("class=eth,speed=10"), 0, "other keys refused");

	/* Stop early: cleanup frees the copy (ASan would see a leak otherwise). */
	TEST_ASSERT_SUCCESS(rte_eth_iterator_init(&it, "net_null_it0"), "init");
	TEST_ASSERT_EQUAL(rte_eth_iterator_next(&it), p0, "first");
	rte_eth_iterator_cleanup(&it);
	TEST_ASSERT_EQUAL(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS, "after cleanup");

	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_it0"), "uninit 0");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_null_it1"), "uninit 1");
	return TEST_SUCCESS;
}

static const struct test_case flow_cases[] = {
	TEST_CASE(test_flow_enum_values),   TEST_CASE(test_flow_unsupported_port),
	TEST_CASE(test_flow_bad_port),	    TEST_CASE(test_flow_attr_transfer),
	TEST_CASE(test_flow_driver_table),  TEST_CASE(test_flow_dump_unsupported),
	TEST_CASE(test_flow_port_iterator), TEST_CASES_END(),
};

REGISTER_TEST_SUITE(flow, TEST_SUITE_EAL, flow_cases);
