/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_version() and its parts. */
#include <rte_common.h>
#include <rte_version.h>

#include "eal_private.h"

__rte_export const char *
rte_version(void)
{
	/* RTE_VER_STRING is "Sluice <release>", from the build configuration */
	return RTE_VER_PREFIX
		" " RTE_STR(RTE_VER_YEAR) "." RTE_STR(RTE_VER_MONTH) "." RTE_STR(RTE_VER_MINOR)
			RTE_VER_SUFFIX " (" RTE_VER_STRING ")";
}

__rte_export const char *
rte_version_prefix(void)
{
	return RTE_VER_PREFIX;
}

__rte_export unsigned int
rte_version_year(void)
{
	return RTE_VER_YEAR;
}

__rte_export unsigned int
rte_version_month(void)
{
	return RTE_VER_MONTH;
}

__rte_export unsigned int
rte_version_minor(void)
{
	return RTE_VER_MINOR;
}

__rte_export const char *
rte_version_suffix(void)
{
	return RTE_VER_SUFFIX;
}

__rte_export unsigned int
rte_version_release(void)
{
	return RTE_VER_RELEASE;
}
