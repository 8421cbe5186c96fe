/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The runtime directory, named as DPDK names it so that DPDK's tools find
 * what is in it: $RUNTIME_DIRECTORY (systemd), else /var/run for root,
 * else $XDG_RUNTIME_DIR or /tmp; then dpdk/<--file-prefix>.
 */
#include <errno.h>
#include <fcntl.h>
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
/* <runtime dir>/config, open while the EAL runs; -1 when not. */
static int eal_config_fd = -1;
static char eal_config_path[PATH_MAX];

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

/*
 * As DPDK's primary does, keep <runtime dir>/config open and write-locked
 * while the EAL runs: DPDK's tools and tests find the process's
 * --file-prefix from it (DPDK's eal_flags tests read the link of fd 3,
 * which it is when nothing else is open yet). Sluice shares nothing
 * through it: it goes at rte_eal_cleanup(), and a directory that cannot
 * be made (or --no-telemetry), or a lock another process of the same
 * prefix holds, only costs that lookup: no error.
 */
void
eal_runtime_config_open(void)
{
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char path[PATH_MAX];
	int fd, n;

	/* --no-telemetry leaves nothing on disk: no runtime directory then */
	if (eal_config_fd >= 0 || eal_cfg.no_telemetry || eal_runtime_dir_create() < 0)
		return;
	n = snprintf(path, sizeof(path), "%s/config", eal_runtime_dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		return;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (fcntl(fd, F_SETLK, &lock) < 0) {
		close(fd);
		return;
	}
	eal_config_fd = fd;
	memcpy(eal_config_path, path, sizeof(path));
}

void
eal_runtime_config_close(void)
{
	if (eal_config_fd < 0)
		return;
	/* nothing is left behind; the lock, still held, keeps others off it until the close */
	unlink(eal_config_path);
	close(eal_config_fd);
	eal_config_fd = -1;
}

__rte_export const char *
rte_eal_get_runtime_dir(void)
{
	return eal_runtime_dir;
}
