/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-test runner: "sluice-test SUITE [EAL options]" runs one suite.
 * "--huge" in place of EAL memory options means: use real hugepages, and
 * skip (exit 77) when the machine has none free.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_malloc.h>
#include <rte_errno.h>
#include <rte_lcore.h>

#include "test.h"

static struct test_suite *suites;
int test_eal_argc;
char **test_eal_argv;
static bool no_huge;
static const char *self_path;

void
test_suite_register(struct test_suite *s)
{
	s->next = suites;
	suites = s;
}

bool
test_no_huge(void)
{
	return no_huge;
}

static unsigned long
free_hugepages_2m(void)
{
	FILE *f = fopen("/sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages", "r");
	unsigned long n = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%lu", &n) != 1)
		n = 0;
	fclose(f);
	return n;
}

static int
run_child(const char *path, const char *const argv[], char *out, size_t outlen)
{
	int pipefd[2], status;
	size_t used = 0;
	pid_t pid;

	if (pipe(pipefd) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(pipefd[1], STDOUT_FILENO);
		dup2(pipefd[1], STDERR_FILENO);
		close(pipefd[0]);
		close(pipefd[1]);
		execv(path, (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	close(pipefd[1]);
	for (;;) {
		char buf[4096];
		ssize_t n = read(pipefd[0], buf, sizeof(buf));

		if (n <= 0)
			break;
		if (out != NULL && used + 1 < outlen) {
			size_t c = RTE_MIN((size_t)n, outlen - 1 - used);

			memcpy(out + used, buf, c);
			used += c;
		}
	}
	close(pipefd[0]);
	if (out != NULL && outlen > 0)
		out[used] = '\0';
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int
test_run_cmd(const char *const argv[], char *out, size_t outlen)
{
	return run_child(argv[0], argv, out, outlen);
}

int
test_run_self(const char *const argv[], char *out, size_t outlen)
{
	const char *full[64];
	size_t n = 0;

	full[n++] = self_path;
	for (size_t i = 0; argv[i] != NULL && n < RTE_DIM(full) - 1; i++)
		full[n++] = argv[i];
	full[n] = NULL;
	return run_child(self_path, full, out, outlen);
}

int
test_hugetlbfs_mount(char *mnt, size_t len)
{
	snprintf(mnt, len, "/tmp/sluice-hugetlbfs-XXXXXX");
	if (mkdtemp(mnt) == NULL)
		return TEST_SKIPPED;
	if (mount("nodev", mnt, "hugetlbfs", 0, "pagesize=2M") < 0) {
		printf("  cannot mount hugetlbfs (%s): needs root\n", strerror(errno));
		rmdir(mnt);
		return TEST_SKIPPED;
	}
	return 0;
}

void
test_hugetlbfs_umount(const char *mnt)
{
	char path[PATH_MAX];
	DIR *d = opendir(mnt);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", mnt, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	umount2(mnt, MNT_DETACH);
	rmdir(mnt);
}

/*
 * "eal_init_only ARGS": what an application does, reported on stdout:
 * "init=RET errno=E" then "cleanup=RET".
 */
static int
eal_init_only(int argc, char **argv)
{
	int ret = rte_eal_init(argc, argv);

	printf("init=%d errno=%d\n", ret, ret < 0 ? rte_errno : 0);
	if (ret < 0)
		return 1;
	printf("lcores=%u main=%u\n", rte_lcore_count(), rte_get_main_lcore());
	void *obj = rte_malloc(NULL, 64, 0);

	printf("malloc=%p\n", obj);
	rte_free(obj);
	ret = rte_eal_cleanup();
	printf("cleanup=%d\n", ret);
	return ret == 0 ? 0 : 1;
}

char *
test_capture(void (*dump)(FILE *f))
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (f == NULL)
		return NULL;
	dump(f);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

int
test_dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

int
test_threads_named(const char *name)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		char path[300], comm[32] = "";
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue; /* the thread ended meanwhile */
		if (fgets(comm, sizeof(comm), f) != NULL) {
			comm[strcspn(comm, "\n")] = '\0';
			n += strcmp(comm, name) == 0;
		}
		fclose(f);
	}
	closedir(d);
	return n;
}

static int
count_threads(void)
{
	return test_dir_entries("/proc/self/task");
}

/* An init that fails after the lcore threads started must stop them. */
static int
eal_fail_threads(const char *prg)
{
	char *args[] = { (char *)(uintptr_t)prg, "--no-huge", "-l", "0-1", "-m", "8000000", NULL };
	int before = count_threads(), ret;

	ret = rte_eal_init((int)RTE_DIM(args) - 1, args);
	printf("init=%d threads before=%d after=%d\n", ret, before, count_threads());
	return ret < 0 ? 0 : 1;
}

static int
eal_consumed(const char *prg)
{
	char *args[] = { (char *)(uintptr_t)prg, "-l", "0", "--no-huge", "--", "-p", "3", NULL };
	int ret = rte_eal_init((int)RTE_DIM(args) - 1, args);

	if (ret < 0)
		return 1;
	printf("consumed=%d rest=%s,%s,%s\n", ret, args[ret], args[ret + 1], args[ret + 2]);
	rte_eal_cleanup();
	return 0;
}

static void
usage(const char *prg)
{
	struct test_suite *s;

	printf("usage: %s SUITE [EAL options]\nsuites:", prg);
	for (s = suites; s != NULL; s = s->next)
		printf(" %s", s->name);
	printf("\n");
}

int
main(int argc, char **argv)
{
	struct test_suite *s;
	char **eal_argv;
	int eal_argc = 0, passed = 0, failed = 0, skipped = 0;
	int ret;

	self_path = "/proc/self/exe";
	if (argc >= 2 && strcmp(argv[1], "eal_init_only") == 0) {
		argv[1] = argv[0];
		return eal_init_only(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "eal_fail_threads") == 0)
		return eal_fail_threads(argv[0]);
	if (argc >= 2 && strcmp(argv[1], "eal_consumed") == 0)
		return eal_consumed("prog");
	if (argc < 2) {
		usage(argv[0]);
		return 2;
	}
	for (s = suites; s != NULL; s = s->next)
		if (strcmp(s->name, argv[1]) == 0)
			break;
	if (s == NULL) {
		printf("unknown suite '%s'\n", argv[1]);
		usage(argv[0]);
		return 2;
	}

	/* Runner's EAL argv: program name, then the options after the suite. */
	eal_argv = calloc((size_t)argc + 1, sizeof(*eal_argv));
	if (eal_argv == NULL)
		return 1;
	eal_argv[eal_argc++] = argv[0];
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--huge") == 0) {
			if (free_hugepages_2m() < 16) {
				printf("suite %s: SKIPPED (fewer than 16 free 2 MiB hugepages)\n",
				       s->name);
				free(eal_argv);
				return TEST_SKIPPED;
			}
			continue;
		}
		if (strcmp(argv[i], "--no-huge") == 0)
			no_huge = true;
		eal_argv[eal_argc++] = argv[i];
	}
	test_eal_argc = eal_argc;
	test_eal_argv = eal_argv;

	if (s->mode == TEST_SUITE_EAL) {
		char **copy = calloc((size_t)eal_argc + 1, sizeof(*copy));

		if (copy == NULL)
			return 1;
		memcpy(copy, eal_argv, sizeof(*copy) * (size_t)eal_argc);
		ret = rte_eal_init(eal_argc, copy);
		free(copy);
		if (ret < 0) {
			printf("suite %s: rte_eal_init failed: %s\n", s->name,
			       rte_strerror(rte_errno));
			free(eal_argv);
			return 1;
		}
	}

	printf("suite %s\n", s->name);
	for (const struct test_case *c = s->cases; c->name != NULL; c++) {
		fflush(stdout);
		ret = c->fn();
		if (ret == TEST_SUCCESS) {
			passed++;
			printf("  ok   %s\n", c->name);
		} else if (ret == TEST_SKIPPED) {
			skipped++;
			printf("  skip %s\n", c->name);
		} else {
			failed++;
			printf("  FAIL %s\n", c->name);
		}
	}
	printf("suite %s: %d passed, %d failed, %d skipped\n", s->name, passed, failed,
	       skipped);
	fflush(stdout);

	if (s->mode == TEST_SUITE_EAL)
		rte_eal_cleanup();
	free(eal_argv);
	if (failed > 0)
		return 1;
	if (passed == 0 && skipped > 0)
		return TEST_SKIPPED;
	return 0;
}
