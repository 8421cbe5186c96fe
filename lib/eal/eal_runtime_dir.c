/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The runtime directory, named as DPDK names it so that DPDK's tools find
 * what is in it: $RUNTIME_DIRECTORY (systemd), else /var/run for root,
 * else $XDG_RUNTIME_DIR or /tmp; then dpdk/<--file-prefix>.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>

#include "eal_private.h"

static char eal_runtime_dir[PATH_MAX];

static const char *
runtime_dir_base(void)
{
	const char *dir = getenv("RUNTIME_DIRECTORY");

	if (dir != NULL && dir[0] != '\0')
		return dir;
	if (getuid() == 0)
		return "/var/run";
	dir = getenv("XDG_RUNTIME_DIR");
	return dir != NULL && dir[0] != '\0' ? dir : "/tmp";
}

static int
runtime_dir_mkdir(const char *path)
{
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return eal_fail(errno,
				"EAL: cannot create the runtime directory %s: %s; "
				"set RUNTIME_DIRECTORY to a writable directory or use "
				"--no-telemetry\n",
				path, strerror(errno));
	return 0;
}

/* Create (or reuse) the directory; it is kept, as DPDK keeps it. */
int
eal_runtime_dir_create(void)
{
	char dpdk_dir[PATH_MAX];
	const char *base = runtime_dir_base();
	int n;

	n = snprintf(dpdk_dir, sizeof(dpdk_dir), "%s/dpdk", base);
	if (n < 0 || (size_t)n >= sizeof(dpdk_dir))
		return eal_fail(ENAMETOOLONG, "EAL: runtime directory base '%s' is too long\n",
				base);
	n = snprintf(eal_runtime_dir, sizeof(eal_runtime_dir), "%s/%s", dpdk_dir,
		     eal_cfg.file_prefix);
	if (n < 0 || (size_t)n >= sizeof(eal_runtime_dir)) {
		eal_runtime_dir[0] = '\0';
		return eal_fail(ENAMETOOLONG, "EAL: runtime directory base '%s' is too long\n",
				base);
	}
	if (runtime_dir_mkdir(dpdk_dir) < 0 || runtime_dir_mkdir(eal_runtime_dir) < 0) {
		eal_runtime_dir[0] = '\0';
		return -1;
	}
	return 0;
}

void
eal_runtime_dir_reset(void)
{
	eal_runtime_dir[0] = '\0';
}

__rte_export const char *
rte_eal_get_runtime_dir(void)
{
	return eal_runtime_dir;
}
