/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_build_config.h defines what DPDK 22.11's defines and applications
 * test with #if/#ifdef: the execution environment, the mbuf IOVA layout,
 * the version prefix, and one RTE_LIB_/RTE_NET_/RTE_BUS_ macro per part
 * this build has.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_version.h>

#include "test.h"

_Static_assert(RTE_EXEC_ENV_IS_LINUX == 1 && RTE_EXEC_ENV_IS_WINDOWS == 0 &&
		       RTE_EXEC_ENV_IS_FREEBSD == 0,
	       "execution environment tests");
_Static_assert(RTE_IOVA_AS_PA == 1, "rte_mbuf carries buf_iova");

static int
test_build_config_version_prefix(void)
{
	const char *v = rte_version();

	TEST_ASSERT(strncmp(v, RTE_VER_PREFIX, strlen(RTE_VER_PREFIX)) == 0,
		    "rte_version() '%s' does not start with RTE_VER_PREFIX '%s'", v,
		    RTE_VER_PREFIX);
	return TEST_SUCCESS;
}

/* Each macro names a part that is built into libsluice: a function of it
 * links. */
static int
test_build_config_parts(void)
{
	static const char *const parts[] = {
#ifdef RTE_LIB_EAL
		"RTE_LIB_EAL",
#endif
#ifdef RTE_LIB_KVARGS
		"RTE_LIB_KVARGS",
#endif
#ifdef RTE_LIB_RING
		"RTE_LIB_RING",
#endif
#ifdef RTE_LIB_MEMPOOL
		"RTE_LIB_MEMPOOL",
#endif
#ifdef RTE_LIB_MBUF
		"RTE_LIB_MBUF",
#endif
#ifdef RTE_LIB_ETHDEV
		"RTE_LIB_ETHDEV",
#endif
#ifdef RTE_NET_RING
		"RTE_NET_RING",
#endif
#ifdef RTE_NET_NULL
		"RTE_NET_NULL",
#endif
#ifdef RTE_BUS_VDEV
		"RTE_BUS_VDEV",
#endif
	};

	TEST_ASSERT_EQUAL(RTE_DIM(parts), 9, "a part built into libsluice lacks its macro");
	return TEST_SUCCESS;
}

static const struct test_case build_config_cases[] = {
	TEST_CASE(test_build_config_version_prefix),
	TEST_CASE(test_build_config_parts),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(build_config, TEST_SUITE_NO_EAL, build_config_cases);
