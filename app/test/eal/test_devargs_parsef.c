/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * devargs_parsef: device strings built from a format parse like the same text given
 * to rte_devargs_parse(), at any length; bad arguments are refused without leaks.
 */
#include <errno.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_devargs.h>

#include "test.h"

static int
test_devargs_parsef_fields(void)
{
	struct rte_devargs da;

	TEST_ASSERT_SUCCESS(rte_devargs_parsef(&da, "%s%d,%s=%u", "net_null", 3, "size", 64u),
			    "parsef");
	TEST_ASSERT(strcmp(da.name, "net_null3") == 0, "name %s", da.name);
	TEST_ASSERT(strcmp(da.args, "size=64") == 0, "args %s", da.args);
	TEST_ASSERT(strcmp(da.data, "net_null3,size=64") == 0, "data %s", da.data);
	TEST_ASSERT(da.bus != NULL && strcmp(rte_bus_name(da.bus), "vdev") == 0, "vdev bus");
	rte_devargs_reset(&da);

	TEST_ASSERT_SUCCESS(rte_devargs_parsef(&da, "0000:00:%02x.%x", 3, 1), "no args");
	TEST_ASSERT(strcmp(da.name, "0000:00:03.1") == 0 && strcmp(da.args, "") == 0,
		    "name %s args '%s'", da.name, da.args);
	TEST_ASSERT(da.bus != NULL && strcmp(rte_bus_name(da.bus), "pci") == 0, "pci bus");
	rte_devargs_reset(&da);

	TEST_ASSERT_SUCCESS(rte_devargs_parsef(&da, "%s", "nodriver0"), "unknown name");
	TEST_ASSERT_NULL(da.bus, "no bus claims it");
	rte_devargs_reset(&da);
	return TEST_SUCCESS;
}

static int
test_devargs_parsef_long(void)
{
	/* Arguments far longer than any fixed buffer must arrive whole. */
	static char args[3000];
	struct rte_devargs da;

	memset(args, 'k', sizeof(args) - 1);
	args[sizeof(args) - 1] = '\0';
	args[1] = '=';
	TEST_ASSERT_SUCCESS(rte_devargs_parsef(&da, "net_ring0,%s", args), "long args");
	TEST_ASSERT_EQUAL(strlen(da.args), sizeof(args) - 1, "args cut to %zu", strlen(da.args));
	TEST_ASSERT(strcmp(da.args, args) == 0, "args differ");
	rte_devargs_reset(&da);
	return TEST_SUCCESS;
}

static int
test_devargs_parsef_errors(void)
{
	/* Through a pointer, which carries no format attribute, a NULL format compiles. */
	int (*parsef)(struct rte_devargs *, const char *, ...) = rte_devargs_parsef;
	char name[RTE_DEV_NAME_MAX_LEN + 1];
	struct rte_devargs da;

	TEST_ASSERT_EQUAL(rte_devargs_parsef(NULL, "net_null0"), -EINVAL, "NULL da");
	TEST_ASSERT_EQUAL(parsef(&da, NULL), -EINVAL, "NULL format");
	TEST_ASSERT_EQUAL(rte_devargs_parsef(&da, "%s", ""), -EINVAL, "empty");
	TEST_ASSERT_EQUAL(rte_devargs_parsef(&da, ",%s", "a=1"), -EINVAL, "empty name");
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	TEST_ASSERT_EQUAL(rte_devargs_parsef(&da, "%s,x=1", name), -EINVAL, "name too long");
	return TEST_SUCCESS;
}

static const struct test_case devargs_parsef_cases[] = {
	TEST_CASE(test_devargs_parsef_fields),
	TEST_CASE(test_devargs_parsef_long),
	TEST_CASE(test_devargs_parsef_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(devargs_parsef, TEST_SUITE_EAL, devargs_parsef_cases);
