/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_devargs_parse() of the layered syntax (bus=.../class=.../driver=...),
 * the legacy "bus:name" prefix, and rte_devargs_add() of both; bad strings
 * are refused with da left empty.
 */
#include <errno.h>
#include <string.h>

#include <bus_driver.h>
#include <rte_class.h>
#include <rte_common.h>
#include <rte_devargs.h>

#include "test.h"

static int
test_devargs_layers_fields(void)
{
	struct rte_devargs da;

	TEST_ASSERT_SUCCESS(rte_devargs_parse(&da, "bus=pci,addr=1:2.3/class=eth/driver=abc,k0=v0"),
			    "layered pci");
	TEST_ASSERT(da.bus == rte_bus_find_by_name("pci"), "bus");
	TEST_ASSERT(da.cls != NULL && strcmp(da.cls->name, "eth") == 0, "class");
	TEST_ASSERT(strcmp(da.name, "0000:01:02.3") == 0, "name %s", da.name);
	TEST_ASSERT(strcmp(da.bus_str, "bus=pci,addr=1:2.3") == 0, "bus_str %s", da.bus_str);
	TEST_ASSERT(strcmp(da.cls_str, "class=eth") == 0, "cls_str %s", da.cls_str);
	TEST_ASSERT(strcmp(da.drv_str, "driver=abc,k0=v0") == 0, "drv_str %s", da.drv_str);
	rte_devargs_reset(&da);
	TEST_ASSERT_NULL(da.data, "reset frees");

	/* a '/' inside a value does not start a layer */
	TEST_ASSERT_SUCCESS(rte_devargs_parse(&da, "class=eth/bus=vdev,name=/class/bus/x"),
			    "layers in any order, path in a value");
	TEST_ASSERT(da.bus == rte_bus_find_by_name("vdev"), "vdev bus");
	TEST_ASSERT(strcmp(da.name, "/class/bus/x") == 0, "name %s", da.name);
	TEST_ASSERT(strcmp(da.drv_str, "") == 0, "no driver layer: empty args");
	rte_devargs_reset(&da);

	TEST_ASSERT_SUCCESS(rte_devargs_parse(&da, "class=eth"), "class alone");
	TEST_ASSERT(da.bus == NULL && da.cls != NULL && da.bus_str == NULL, "class only");
	TEST_ASSERT(da.name[0] == '\0', "no name");
	rte_devargs_reset(&da);

	/* legacy: an explicit bus prefix, the name not rewritten */
	TEST_ASSERT_SUCCESS(rte_devargs_parse(&da, "pci:1:2.3,k0=v0"), "pci: prefix");
	TEST_ASSERT(da.bus == rte_bus_find_by_name("pci"), "prefix bus");
	TEST_ASSERT(strcmp(da.name, "1:2.3") == 0, "name %s", da.name);
	TEST_ASSERT(strcmp(da.args, "k0=v0") == 0, "args %s", da.args);
	TEST_ASSERT(da.bus_str == NULL && da.cls == NULL, "no layers");
	rte_devargs_reset(&da);
	return TEST_SUCCESS;
}

static int
test_devargs_layers_errors(void)
{
	static const struct {
		const char *str;
		int err;
	} bad[] = {
		{"bus=wrong-bus", -ENODEV},	{"bus=", -ENODEV},
		{"class=wrong-class", -ENODEV}, {"bus=pci/class=nope/driver=x", -ENODEV},
		{"driver=abc,k=v", -EINVAL},	{"bus=pci/bus=vdev", -EINVAL},
		{"bus=pci,addr=zz:1", -EINVAL},
	};
	char name[RTE_DEV_NAME_MAX_LEN + 32];
	struct rte_devargs da;

	for (size_t i = 0; i < RTE_DIM(bad); i++) {
		int ret = rte_devargs_parse(&da, bad[i].str);

		TEST_ASSERT_EQUAL(ret, bad[i].err, "\"%s\": %d, not %d", bad[i].str, ret,
				  bad[i].err);
		TEST_ASSERT(da.data == NULL && da.bus == NULL && da.cls == NULL &&
				    da.bus_str == NULL && da.name[0] == '\0',
			    "\"%s\": da left empty", bad[i].str);
	}
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	memcpy(name, "bus=vdev,name=", strlen("bus=vdev,name="));
	TEST_ASSERT_EQUAL(rte_devargs_parse(&da, name), -EINVAL, "name too long");
	TEST_ASSERT_NULL(da.data, "nothing kept");
	return TEST_SUCCESS;
}

/* rte_devargs_add() files a layered string under its bus, by its name. */
static int
test_devargs_layers_add(void)
{
	struct rte_devargs *it, probe = {0};
	int n = 0;

	TEST_ASSERT_SUCCESS(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "bus=pci,addr=7:1.2/driver=x,a=b"),
			    "add layered");
	RTE_EAL_DEVARGS_FOREACH("pci", it)
	{
		if (strcmp(it->name, "0000:07:01.2") != 0)
			continue;
		n++;
		TEST_ASSERT(strcmp(it->drv_str, "driver=x,a=b") == 0, "args %s", it->drv_str);
		TEST_ASSERT_EQUAL(it->policy, RTE_DEV_BLOCKED, "policy");
	}
	TEST_ASSERT_EQUAL(n, 1, "listed once under pci: %d", n);
	/* the same device again: arguments replaced, still one entry */
	TEST_ASSERT_SUCCESS(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "0000:07:01.2,c=d"), "add legacy");
	n = 0;
	RTE_EAL_DEVARGS_FOREACH("pci", it)
	{
		if (strcmp(it->name, "0000:07:01.2") != 0)
			continue;
		n++;
		TEST_ASSERT(strcmp(it->args, "c=d") == 0, "args replaced: %s", it->args);
	}
	TEST_ASSERT_EQUAL(n, 1, "still once: %d", n);
	TEST_ASSERT(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "class=eth") < 0, "class alone: no bus");
	TEST_ASSERT(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "bus=nope") < 0, "unknown bus");

	probe.bus = rte_bus_find_by_name("pci");
	strcpy(probe.name, "0000:07:01.2");
	TEST_ASSERT_SUCCESS(rte_devargs_remove(&probe), "remove");
	TEST_ASSERT_EQUAL(rte_devargs_remove(&probe), 1, "gone");
	return TEST_SUCCESS;
}

static const struct test_case devargs_layers_cases[] = {
	TEST_CASE(test_devargs_layers_fields),
	TEST_CASE(test_devargs_layers_errors),
	TEST_CASE(test_devargs_layers_add),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(devargs_layers, TEST_SUITE_EAL, devargs_layers_cases);
