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

/* Name the directory (and its parent in dpdk_dir); nothing is made. */
static int
runtime_dir_name(char *dpdk_dir, size_t len)
{
	const char *base = runtime_dir_base();
	int n;

	n = snprintf(dpdk_dir, len, "%s/dpdk", base);
	if (n >= 0 && (size_t)n < len)
		n = snprintf(eal_runtime_dir, sizeof(eal_runtime_dir), "%s/%s", dpdk_dir,
			     eal_cfg.file_prefix);
	if (n < 0 || (size_t)n >= sizeof(eal_runtime_dir)) {
		eal_runtime_dir[0] = '\0';
		return eal_fail(ENAMETOOLONG, "EAL: runtime directory base '%s' is too long\n",
				base);
	}
	return 0;
}

/* Create (or reuse) the directory; it is kept, as DPDK keeps it. */
int
eal_runtime_dir_create(void)
{
	char dpdk_dir[PATH_MAX];

	if (runtime_dir_name(dpdk_dir, sizeof(dpdk_dir)) < 0)
		return -1;
	if (runtime_dir_mkdir(dpdk_dir) < 0 || runtime_dir_mkdir(eal_runtime_dir) < 0) {
		eal_runtime_dir[0] = '\0';
		return -1;
	}
	return 0;
}

/* A secondary uses the primary's directory: named, never made. */
int
eal_runtime_dir_find(void)
{
	char dpdk_dir[PATH_MAX];

	return runtime_dir_name(dpdk_dir, sizeof(dpdk_dir));
}

void
eal_runtime_dir_reset(void)
{
	eal_runtime_dir[0] = '\0';
}

/*
 * As DPDK's primary does, keep <runtime dir>/config open and write-locked
 * while the EAL runs: the lock is how secondaries and
 * rte_eal_primary_proc_alive() know the primary runs, and DPDK's tools and
 * tests find the process's --file-prefix from it (DPDK's eal_flags tests
 * read the link of fd 3, which it is when nothing else is open yet). It
 * goes at rte_eal_cleanup(). A directory that cannot be made (or
 * --no-telemetry), or a lock another primary of the same prefix holds,
 * only costs those: no error. Returns true when this process holds it.
 */
bool
eal_runtime_config_open(void)
{
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char path[PATH_MAX];
	int fd, n;

	/* --no-telemetry leaves nothing on disk: no runtime directory then */
	if (eal_config_fd >= 0 || eal_cfg.no_telemetry || eal_runtime_dir_create() < 0)
		return eal_config_fd >= 0;
	n = snprintf(path, sizeof(path), "%s/config", eal_runtime_dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		return false;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	if (fcntl(fd, F_SETLK, &lock) < 0) {
		close(fd);
		return false;
	}
	eal_config_fd = fd;
	memcpy(eal_config_path, path, sizeof(path));
	return true;
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

/* Whether path is the config this process holds (by inode: /var/run may be a link). */
static bool
runtime_config_is_ours(const char *path)
{
	struct stat a, b;

	return eal_config_fd >= 0 && stat(path, &a) == 0 && fstat(eal_config_fd, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

__rte_export int
rte_eal_primary_proc_alive(const char *config_file_path)
{
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char path[PATH_MAX];
	int fd, alive;

	if (config_file_path == NULL) {
		if (eal_cfg.process_type == RTE_PROC_PRIMARY && eal_config_fd >= 0)
			return 1;
		int n = snprintf(path, sizeof(path), "%s/config", eal_runtime_dir);

		if (eal_runtime_dir[0] == '\0' || n < 0 || (size_t)n >= sizeof(path))
			return 0;
		config_file_path = path;
	}
	/* closing another fd of a file drops this process's lock on it: never ours */
	if (runtime_config_is_ours(config_file_path))
		return 1;
	fd = open(config_file_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	/* F_GETLK reports a lock of another process only */
	alive = fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
	close(fd);
	return alive;
}

__rte_export const char *
rte_eal_get_runtime_dir(void)
{
	return eal_runtime_dir;
}
