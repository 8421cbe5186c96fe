/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hugepage files in --huge-dir: a file another live process holds is never
 * truncated or removed, and --huge-unlink decides what stays on disk. Each
 * case mounts a hugetlbfs of its own (root needed; the runner skips the
 * suite without free 2 MiB pages) and starts the EAL in a child.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "test.h"

#define HUGE_2M (2UL << 20)
#define PREFIX "hdtest"
#define MARK "held by a live process"

static char mnt[64];
static char file0[128];
static char out[16384];

/* A fresh hugetlbfs of 2 MiB pages; 0, or TEST_SKIPPED where it cannot be. */
static int
mnt_setup(void)
{
	int rc = test_hugetlbfs_mount(mnt, sizeof(mnt));

	snprintf(file0, sizeof(file0), "%s/" PREFIX "map_0", mnt);
	return rc;
}

static void
mnt_teardown(void)
{
	test_hugetlbfs_umount(mnt);
}

/* What a live process does with its file: a page with MARK in it, locked. */
static int
holder_open(void)
{
	int fd = open(file0, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
	char *p;

	if (fd < 0)
		return -1;
	if (ftruncate(fd, HUGE_2M) < 0 || flock(fd, LOCK_EX | LOCK_NB) < 0)
		goto out_close;
	p = mmap(NULL, HUGE_2M, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		goto out_close;
	memcpy(p, MARK, sizeof(MARK));
	munmap(p, HUGE_2M);
	return fd;
out_close:
	close(fd);
	return -1;
}

/* The holder's page still has MARK: nobody truncated the file. */
static bool
holder_intact(int fd)
{
	struct stat st;
	bool ok;
	char *p;

	if (fstat(fd, &st) < 0 || (size_t)st.st_size < HUGE_2M)
		return false;
	p = mmap(NULL, HUGE_2M, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return false;
	ok = memcmp(p, MARK, sizeof(MARK)) == 0;
	munmap(p, HUGE_2M);
	return ok;
}

/* "eal_init_only --huge-dir MNT --file-prefix PREFIX ..." in a child. */
static int
run_eal(const char *extra)
{
	const char *argv[] = {
		"eal_init_only", "-l",	 "0",	"--no-pci", "-m", "2", "--huge-dir", mnt,
		"--file-prefix", PREFIX, extra, NULL};

	return test_run_self(argv, out, sizeof(out));
}

/* How both cases end: the start refused, the holder's file untouched. */
static int
holder_finish(int fd, bool refused)
{
	int ret = TEST_FAILED;

	if (!refused)
		printf("  the start went on with a file another process holds\n");
	else if (!holder_intact(fd) || access(file0, F_OK) < 0)
		printf("  the live process's file was truncated or removed\n");
	else
		ret = TEST_SUCCESS;
	if (fd >= 0)
		close(fd);
	mnt_teardown();
	return ret;
}

static int
test_hugedir_live_file_kept(void)
{
	bool refused;
	int fd, rc;

	rc = mnt_setup();
	if (rc != 0)
		return rc;
	fd = holder_open();
	if (fd < 0) {
		printf("  cannot create the holder's file\n");
		return holder_finish(fd, false);
	}
	rc = run_eal(NULL);
	refused = rc == 1 && strstr(out, "is in use by another process") != NULL;
	if (!refused)
		printf("  init must fail naming the live file (rc %d):\n%s\n", rc, out);
	return holder_finish(fd, refused);
}

/*
 * The same, with the file appearing between the stale-file sweep and our
 * open (another process starting with the same prefix): the child is
 * traced and held at its openat(O_CREAT) of the file while the holder
 * creates and locks it. The open must not truncate it, and the failed lock
 * must stop the start, which must then not remove the file either.
 */
static int
trace_until_open(pid_t pid, int *holder_fd)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status))
		return -1;
	if (ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) < 0)
		return -1;
	for (int sig = 0;;) {
		struct __ptrace_syscall_info info;
		char path[sizeof(file0)] = "";
		struct iovec local = {path, sizeof(path) - 1};
		struct iovec remote;

		if (ptrace(PTRACE_SYSCALL, pid, 0, sig) < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFSTOPPED(status))
			return -1;
		sig = 0;
		if (WSTOPSIG(status) != (SIGTRAP | 0x80)) {
			sig = WSTOPSIG(status) == SIGSTOP ? 0 : WSTOPSIG(status);
			continue;
		}
		if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info) <= 0 ||
		    info.op != PTRACE_SYSCALL_INFO_ENTRY || info.entry.nr != SYS_openat ||
		    (info.entry.args[2] & O_CREAT) == 0)
			continue;
		remote.iov_base = (void *)(uintptr_t)info.entry.args[1];
		remote.iov_len = sizeof(path) - 1;
		if (process_vm_readv(pid, &local, 1, &remote, 1, 0) <= 0 ||
		    strcmp(path, file0) != 0)
			continue;
		*holder_fd = holder_open();
		return ptrace(PTRACE_DETACH, pid, 0, 0);
	}
}

static int
test_hugedir_racing_file_kept(void)
{
	char *args[] = {"eal",		 "-l",	 "0", "--no-pci", "-m", "2", "--huge-dir", mnt,
			"--file-prefix", PREFIX, NULL};
	int rc, status = 0, fd = -1;
	pid_t pid;

	rc = mnt_setup();
	if (rc != 0)
		return rc;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		rc = rte_eal_init((int)RTE_DIM(args) - 1, args);
		/* 0: refused because the file is busy, as it must be */
		_exit(rc < 0 && rte_errno == EBUSY ? 0 : 1);
	}
	if (pid < 0 || trace_until_open(pid, &fd) < 0 || fd < 0) {
		printf("  could not hold the child at its open (%s)\n", strerror(errno));
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
		}
		if (fd >= 0)
			close(fd);
		mnt_teardown();
		return TEST_SKIPPED;
	}
	waitpid(pid, &status, 0);
	return holder_finish(fd, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * Start the EAL in a child that then dies without cleanup (a crash): which
 * of our files are still in the directory, and is map_0 one of them?
 */
static int
crash_leaves(const char *unlink_opt, bool *map0_left)
{
	char *args[] = {"eal",
			"-l",
			"0",
			"--no-pci",
			"-m",
			"2",
			"--huge-dir",
			mnt,
			"--file-prefix",
			PREFIX,
			(char *)(uintptr_t)unlink_opt,
			NULL};
	int argc = (int)RTE_DIM(args) - (unlink_opt == NULL ? 2 : 1);
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(rte_eal_init(argc, args) < 0 ? 1 : 0);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	*map0_left = access(file0, F_OK) == 0;
	return test_dir_entries(mnt);
}

static int
test_huge_unlink_modes(void)
{
	bool left = false;
	int rc, n, ret = TEST_FAILED;

	rc = mnt_setup();
	if (rc != 0)
		return rc;
	/* default (existing): a crash leaves the file; the next run replaces it */
	n = crash_leaves(NULL, &left);
	if (n != 1 || !left) {
		printf("  default: %d files after a crash, map_0 %s\n", n, left ? "kept" : "gone");
		goto out;
	}
	rc = run_eal(NULL);
	if (rc != 0 || test_dir_entries(mnt) != 0) {
		printf("  default: the stale file was not replaced and removed (rc %d):\n%s\n", rc,
		       out);
		goto out;
	}
	/* always: nothing on disk even after a crash */
	n = crash_leaves("--huge-unlink", &left);
	if (n != 0) {
		printf("  --huge-unlink: %d files after a crash\n", n);
		goto out;
	}
	n = crash_leaves("--huge-unlink=always", &left);
	if (n != 0) {
		printf("  --huge-unlink=always: %d files after a crash\n", n);
		goto out;
	}
	/* never: files stay, through a clean exit too, and are reused */
	rc = run_eal("--huge-unlink=never");
	if (rc != 0 || !(access(file0, F_OK) == 0) || test_dir_entries(mnt) != 1) {
		printf("  --huge-unlink=never: the file did not stay (rc %d):\n%s\n", rc, out);
		goto out;
	}
	rc = run_eal("--huge-unlink=never");
	if (rc != 0 || test_dir_entries(mnt) != 1) {
		printf("  --huge-unlink=never: second run (rc %d):\n%s\n", rc, out);
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	mnt_teardown();
	return ret;
}

static int
test_huge_unlink_options(void)
{
	const char *bad[] = {"eal_init_only", "-l", "0", "--huge-unlink=sometimes", NULL};
	const char *no_huge[] = {"eal_init_only", "-l", "0", "--no-huge", "--huge-unlink", NULL};
	const char *in_mem[] = {"eal_init_only",       "-l", "0", "--in-memory",
				"--huge-unlink=never", NULL};
	int rc;

	rc = test_run_self(bad, out, sizeof(out));
	TEST_ASSERT_EQUAL(rc, 1, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out,
				 "invalid --huge-unlink 'sometimes': use existing, always "
				 "or never",
				 "bad value named");
	rc = test_run_self(no_huge, out, sizeof(out));
	TEST_ASSERT_EQUAL(rc, 1, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "--huge-unlink cannot be combined with --no-huge",
				 "conflict named");
	rc = test_run_self(in_mem, out, sizeof(out));
	TEST_ASSERT_EQUAL(rc, 1, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "--huge-unlink=never cannot be combined with --in-memory",
				 "conflict named");
	return TEST_SUCCESS;
}

static const struct test_case eal_hugedir_cases[] = {
	TEST_CASE(test_huge_unlink_options),
	TEST_CASE(test_hugedir_live_file_kept),
	TEST_CASE(test_hugedir_racing_file_kept),
	TEST_CASE(test_huge_unlink_modes),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(eal_hugedir, TEST_SUITE_NO_EAL, eal_hugedir_cases)
