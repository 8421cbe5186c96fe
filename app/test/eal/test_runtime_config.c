/* SPDX-License-Identifier: BSD-3-Clause */
/* <runtime dir>/config: open and write-locked by the running EAL, as in DPDK. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_eal.h>

#include "test.h"

/* Whether one of this process's fds is the file path (by inode: /var/run may be a link). */
static bool
runtime_config_is_open(const char *path)
{
	struct stat want, st;
	char link[PATH_MAX];
	struct dirent *d;
	bool found = false;
	DIR *dir;

	if (stat(path, &want) < 0)
		return false;
	dir = opendir("/proc/self/fd");
	if (dir == NULL)
		return false;
	while (!found && (d = readdir(dir)) != NULL) {
		snprintf(link, sizeof(link), "/proc/self/fd/%s", d->d_name);
		found = stat(link, &st) == 0 && st.st_dev == want.st_dev &&
			st.st_ino == want.st_ino;
	}
	closedir(dir);
	return found;
}

/*
 * The child: an EAL of its own prefix (the default one may be locked by
 * another program of the machine). It reports its config path through
 * the pipe, waits until the parent closes the other one, and exits 0 if
 * the file was open in it.
 */
static void
runtime_config_child(int report, int wait_fd, const char *prefix)
{
	char arg[64], path[PATH_MAX] = "";
	char *argv[] = {"runtime_config", "--no-huge", "-l", "0", "--no-pci", arg, NULL};
	bool open_here;

	snprintf(arg, sizeof(arg), "--file-prefix=%s", prefix);
	if (rte_eal_init(6, argv) < 0)
		_exit(3);
	snprintf(path, sizeof(path), "%s/config", rte_eal_get_runtime_dir());
	open_here = runtime_config_is_open(path);
	if (write(report, path, sizeof(path)) != (ssize_t)sizeof(path))
		_exit(4);
	(void)read(wait_fd, arg, 1); /* returns when the parent closes its end */
	rte_eal_cleanup();
	_exit(open_here ? 0 : 1);
}

static int
test_runtime_config_locked(void)
{
	struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
	int to_parent[2], to_child[2], status, fd;
	char prefix[32], path[PATH_MAX], dir[PATH_MAX + 8];
	pid_t child;
	bool left;

	snprintf(prefix, sizeof(prefix), "sluice-cfg-%d", (int)getpid());
	TEST_ASSERT(pipe(to_parent) == 0 && pipe(to_child) == 0, "pipes");
	child = fork();
	TEST_ASSERT(child >= 0, "fork");
	if (child == 0) {
		close(to_parent[0]);
		close(to_child[1]);
		runtime_config_child(to_parent[1], to_child[0], prefix);
	}
	close(to_parent[1]);
	close(to_child[0]);
	if (read(to_parent[0], path, sizeof(path)) != (ssize_t)sizeof(path))
		path[0] = '\0';
	/* the lock shows to another process: this one */
	fd = path[0] != '\0' ? open(path, O_RDWR) : -1;
	if (fd >= 0 && fcntl(fd, F_GETLK, &lk) < 0)
		lk.l_type = F_UNLCK;
	if (fd >= 0)
		close(fd);
	close(to_child[1]); /* the child cleans up and exits */
	close(to_parent[0]);
	TEST_ASSERT_EQUAL(waitpid(child, &status, 0), child, "waitpid");
	left = path[0] != '\0' && access(path, F_OK) == 0;
	if (path[0] != '\0') {
		snprintf(dir, sizeof(dir), "%s", path);
		unlink(path);
		*strrchr(dir, '/') = '\0';
		rmdir(dir);
	}
	TEST_ASSERT(path[0] != '\0', "the child started its EAL (status %d)", status);
	TEST_ASSERT(strstr(path, prefix) != NULL, "%s is in the prefix's directory", path);
	TEST_ASSERT(fd >= 0, "%s exists", path);
	TEST_ASSERT(lk.l_type == F_WRLCK && lk.l_pid == child, "the child's EAL write-locks it");
	TEST_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0, "and holds it open (status %d)",
		    status);
	TEST_ASSERT(!left, "rte_eal_cleanup removed it");
	return TEST_SUCCESS;
}

static const struct test_case runtime_config_cases[] = {
	TEST_CASE(test_runtime_config_locked),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(runtime_config, TEST_SUITE_NO_EAL, runtime_config_cases);
