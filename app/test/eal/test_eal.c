/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eal_init from the outside: each case runs the binary again as an
 * application would ("eal_init_only ARGS") and checks the result line, the
 * error text and that nothing is left behind.
 */
#include <dirent.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_malloc.h>
#include <dev_driver.h>

#include "eal_private.h"
#include "test.h"

static char out[16384];

/* Run "eal_init_only" with the memory option of this run plus args. */
static int
eal_run(const char *a0, const char *a1, const char *a2, const char *a3)
{
	const char *argv[8];
	int n = 0;

	argv[n++] = "eal_init_only";
	if (test_no_huge())
		argv[n++] = "--no-huge";
	if (a0 != NULL)
		argv[n++] = a0;
	if (a1 != NULL)
		argv[n++] = a1;
	if (a2 != NULL)
		argv[n++] = a2;
	if (a3 != NULL)
		argv[n++] = a3;
	argv[n] = NULL;
	return test_run_self(argv, out, sizeof(out));
}

/* Lines the EAL printed that start with "EAL: " (errors are one line). */
static int
count_error_lines(void)
{
	int n = 0;

	for (const char *p = out; (p = strstr(p, "EAL: ")) != NULL; p++)
		n++;
	return n;
}

static int
test_init_ok(void)
{
	int rc = eal_run("-l", "0-1", NULL, NULL);

	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "lcores=2 main=0", "two lcores, main 0");
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "cleanup succeeds");
	return TEST_SUCCESS;
}

static int
test_init_main_lcore(void)
{
	int rc = eal_run("-l", "0-1", "--main-lcore", "1");

	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "lcores=2 main=1", "main lcore 1");
	rc = eal_run("-c", "0x2", NULL, NULL);
	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "lcores=1 main=1", "coremask 0x2 is lcore 1");
	return TEST_SUCCESS;
}

struct bad_case {
	const char *args[3];
	const char *message;
};

static const struct bad_case bad_cases[] = {
	{ { "--bogus-option", NULL, NULL }, "unknown option '--bogus-option'" },
	{ { "-l", "0-1,1", NULL }, "lcore 1 is listed twice in -l '0-1,1'" },
	{ { "-l", "0,4095", NULL }, "lcore 4095 in -l '0,4095' is out of range: valid lcores are 0-127" },
	{ { "-l", "0,120", NULL }, "core 120 in -l '0,120' does not exist on this machine" },
	{ { "-l", "0-x", NULL }, "malformed range in -l '0-x'" },
	{ { "-c", "0xZZ", NULL }, "malformed core mask -c '0xZZ'" },
	{ { "-l", "0", "--main-lcore=1" }, "--main-lcore 1 is not in the core list" },
	{ { "-a", "00:zz.0", NULL }, "invalid PCI address '00:zz.0' in -a/--allow" },
	{ { "-b", "1:2:3:4", NULL }, "invalid PCI address '1:2:3:4' in -b/--block" },
	{ { "--iova-mode", "xx", NULL }, "invalid --iova-mode 'xx': use va, pa or auto" },
	{ { "--log-level", "lib.eal:loud", NULL }, "invalid level 'loud' in --log-level" },
	{ { "--syslog", "loud", NULL }, "invalid --syslog 'loud': give a syslog facility: auth," },
	{ { "--vfio-intr", "irq", NULL },
	  "invalid --vfio-intr 'irq': give an interrupt mode: legacy, msi, msix" },
	{ { "--proc-type", "tertiary", NULL },
	  "invalid --proc-type 'tertiary': use primary, secondary or auto" },
	{ { "-m", "lots", NULL }, "invalid -m 'lots'" },
	{ { "--file-prefix", "a/b", NULL }, "invalid --file-prefix 'a/b'" },
	{ { "--base-virtaddr", "0xzz", NULL }, "invalid --base-virtaddr '0xzz'" },
	{ { "--base-virtaddr", "0", NULL }, "invalid --base-virtaddr '0'" },
	/* beyond the 47-bit user address space */
	{ { "--base-virtaddr", "0x800000000000", NULL },
	  "of memory at --base-virtaddr 0x800000000000: " },
	{ { "-l", NULL, NULL }, "option '-l' needs an argument" },
	/* the option at fault inside a cluster, not the word before it */
	{ { "-vZl0", NULL, NULL }, "unknown option '-Z'" },
	{ { "--no-pci=1", NULL, NULL }, "option '--no-pci' takes no argument" },
	/* numbers are range-checked before any narrowing */
	{ { "--lcores", "1@4294967296", NULL },
	  "CPU 4294967296 in --lcores '1@4294967296' is out of range: valid CPUs are 0-" },
	{ { "-l", "18446744073709551617", NULL }, "valid lcores are 0-127" },
	{ { "-l", "0,", NULL }, "malformed core list -l '0,'" },
	{ { "-S", "4294967296", NULL }, "lcore 4294967296 in -S '4294967296' is out of range" },
	{ { "--socket-mem", "17592186044416", NULL },
	  "size 17592186044416 in --socket-mem '17592186044416' is out of range: "
	  "valid sizes (MiB) are 0-16777216" },
	{ { "--socket-mem", "1024,", NULL }, "malformed --socket-mem '1024,'" },
	{ { "--socket-mem", "", NULL }, "--socket-mem needs megabytes per node" },
	{ { "--socket-limit", "0,17592186044416", NULL },
	  "size 17592186044416 in --socket-limit '0,17592186044416' is out of range" },
	{ { "-m", "18446744073709551617", NULL },
	  "invalid -m '18446744073709551617': give megabytes from 1 to 16777216" },
	{ { "-r", "17", NULL }, "invalid -r '17': give a rank count from 1 to 16" },
	{ { "-n", "0", NULL }, "invalid -n '0': give a channel count from 1 to 64" },
	{ { "--main-lcore", "4294967296", NULL },
	  "invalid --main-lcore '4294967296': give an lcore id from 0 to 127" },
	/* a heap near NULL would hide NULL-plus-offset bugs */
	{ { "--base-virtaddr", "0x1000", NULL },
	  "invalid --base-virtaddr '0x1000': give a hexadecimal address from 0x10000000 to" },
	{ { "--base-virtaddr", "0xffffffffffffffff", NULL },
	  "invalid --base-virtaddr '0xffffffffffffffff': give a hexadecimal address" },
	{ { "--base-virtaddr", "-0x100000000", NULL }, "invalid --base-virtaddr '-0x100000000'" },
};

static int
test_init_bad_options(void)
{
	for (size_t i = 0; i < RTE_DIM(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		int rc = eal_run(c->args[0], c->args[1], c->args[2], NULL);

		TEST_ASSERT_EQUAL(rc, 1, "case %zu (%s) should fail:\n%s", i, c->args[0], out);
		TEST_ASSERT_STR_CONTAINS(out, "init=-1 errno=", "case %zu returns -1", i);
		TEST_ASSERT_STR_CONTAINS(out, c->message, "case %zu message", i);
		TEST_ASSERT_EQUAL(count_error_lines(), 1, "case %zu: one error line:\n%s", i, out);
	}
	return TEST_SUCCESS;
}

/* "item,item,..." of n items, in buf. */
static const char *
list_of(char *buf, size_t len, const char *item, int n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && used + strlen(item) + 2 < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "," : "", item);
	return buf;
}

/* Huge lists: refused by length, or with the cause still in the one line. */
static int
test_init_long_lists(void)
{
	static char list[8192];
	int rc;

	rc = eal_run("-l", list_of(list, sizeof(list), "0", 1500), NULL, NULL);
	TEST_ASSERT_EQUAL(rc, 1, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "EAL: -l takes at most 1024 characters, not 2999",
				 "length refused");
	/* 150 nodes, 750 characters: quoted whole, the cause after it */
	rc = eal_run("--socket-mem", list_of(list, sizeof(list), "1024", 150), NULL, NULL);
	TEST_ASSERT_EQUAL(rc, 1, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, ",1024' names more than 8 nodes; see --help",
				 "cause kept");
	TEST_ASSERT_EQUAL(count_error_lines(), 1, "one line:\n%s", out);
	return TEST_SUCCESS;
}

/*
 * --base-virtaddr places EAL memory, and so the heap, at that address (one
 * above the sanitizers' shadow memory, so that the check holds under ASan).
 */
static int
test_init_base_virtaddr(void)
{
	const uint64_t base = 0x500000000000ULL;
	unsigned long long obj = 0;
	const char *p;
	int rc = eal_run("--base-virtaddr", "0x500000000000", NULL, NULL);

	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	p = strstr(out, "malloc=");
	TEST_ASSERT(p != NULL && sscanf(p, "malloc=%llx", &obj) == 1, "no malloc line:\n%s", out);
	TEST_ASSERT(obj >= base && obj < base + (64ULL << 30),
		    "heap object at 0x%llx, not in the window at 0x%" PRIx64, obj, base);
	return TEST_SUCCESS;
}

static int
test_init_allow_block_conflict(void)
{
	int rc = eal_run("-a", "0000:00:03.0", "-b", "0000:00:04.0");

	TEST_ASSERT_EQUAL(rc, 1, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "-a/--allow and -b/--block cannot be used together",
				 "conflict named");
	return TEST_SUCCESS;
}

static int
test_init_help_version(void)
{
	int rc = eal_run("--help", NULL, NULL, NULL);

	TEST_ASSERT_EQUAL(rc, 1, "--help does not start the EAL:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "--iova-mode MODE", "usage lists options");
	TEST_ASSERT_STR_CONTAINS(out, "init=-1 errno=0", "help is not an error");
	rc = eal_run("-v", "-l", "0", NULL);
	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "Sluice 22.11", "version printed");
	return TEST_SUCCESS;
}

/* A failed init leaves no thread behind: count our threads in a child. */
static int
test_init_fail_leaves_no_threads(void)
{
	const char *argv[] = { "eal_fail_threads", NULL };
	int rc = test_run_self(argv, out, sizeof(out));

	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "threads before=1 after=1", "no thread left");
	return TEST_SUCCESS;
}

static int
test_init_returns_consumed(void)
{
	const char *argv[] = { "eal_consumed", NULL };
	int rc = test_run_self(argv, out, sizeof(out));

	TEST_ASSERT_EQUAL(rc, 0, "output:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "consumed=4 rest=prog,-p,3", "argv after EAL args");
	return TEST_SUCCESS;
}

static atomic_int busy_alarm_started;

static void
busy_alarm(void *arg)
{
	(void)arg;
	atomic_store(&busy_alarm_started, 1);
	usleep(100000);
}

static void
idle_alarm(void *arg)
{
	(void)arg;
}

#define PENDING_ALARMS 4000

/*
 * In a child: start the EAL, leave PENDING_ALARMS alarms pending behind one
 * that is running, clean up, and return the bytes of the main malloc arena
 * (where rte_eal_alarm_set allocates for this thread) still in use.
 */
static size_t
cleanup_alarms_kept(void)
{
	char *args[] = { "eal", "--no-huge", "--no-pci", "-l", "0-1", NULL };
	size_t before;

	before = mallinfo2().uordblks;
	if (rte_eal_init((int)RTE_DIM(args) - 1, args) < 0)
		return SIZE_MAX;
	if (rte_eal_alarm_set(1000, busy_alarm, NULL) < 0)
		return SIZE_MAX;
	for (int i = 0; i < PENDING_ALARMS; i++)
		if (rte_eal_alarm_set(10000000, idle_alarm, NULL) < 0)
			return SIZE_MAX;
	for (int i = 0; i < 2000 && !atomic_load(&busy_alarm_started); i++)
		usleep(1000);
	if (!atomic_load(&busy_alarm_started) || rte_eal_cleanup() != 0)
		return SIZE_MAX;
	return mallinfo2().uordblks - RTE_MIN(before, mallinfo2().uordblks);
}

static int
cleanup_alarms_run(void)
{
	size_t kept = cleanup_alarms_kept();

	printf("  after cleanup: %zu bytes still allocated\n", kept);
	return kept < PENDING_ALARMS * 16 ? 0 : 1;
}

/* fn in a forked child, where the EAL may start; its result is the exit status. */
static int
fork_run(int (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int ret = fn();

		fflush(stdout);
		_exit(ret);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/*
 * rte_eal_cleanup while an alarm callback runs frees the alarms queued
 * behind it too (it used to stop at the running one and leak the rest).
 * Without a leak about 17 kB stay in use (stdio buffers, log type names);
 * the leak was every pending alarm, over 200 kB. Sanitizers replace malloc
 * and its statistics: there LeakSanitizer is the check.
 */
static int
test_cleanup_frees_alarms(void)
{
	int rc = fork_run(cleanup_alarms_run);

	TEST_ASSERT_EQUAL(rc, 0, "pending alarms leaked (exit status %d)", rc);
	return TEST_SUCCESS;
}

/* --socket-limit 32: the heap may not grow past 32 MiB on socket 0. */
static int
socket_limit_run(void)
{
	char *args[] = { "eal", "--no-huge", "--no-pci", "-l", "0", "--socket-limit", "32", NULL };
	void *small, *big;

	if (rte_eal_init((int)RTE_DIM(args) - 1, args) < 0)
		return 2;
	small = rte_malloc(NULL, 4 << 20, 0);
	big = rte_malloc(NULL, 64 << 20, 0);
	printf("  --socket-limit 32: 4 MiB %s, 64 MiB %s\n", small ? "given" : "refused",
	       big ? "given" : "refused");
	rte_free(small);
	rte_free(big);
	rte_eal_cleanup();
	return small != NULL && big == NULL ? 0 : 1;
}

static int
test_init_socket_limit(void)
{
	int rc = fork_run(socket_limit_run);

	TEST_ASSERT_EQUAL(rc, 0, "--socket-limit not applied (exit status %d)", rc);
	return TEST_SUCCESS;
}

/*
 * A parse that fails inside a word of short options ("-vZq": Z is
 * unknown) must not leave getopt pointing into that word: the next parse
 * gets other arguments, and the old buffer may be gone.
 */
static int
test_parse_after_bad_short_option(void)
{
	char bad[] = "-vZq";
	char *argv1[] = { "prog", bad, NULL };
	char *argv2[] = { "prog", "-l", "0", NULL };
	int ret;

	eal_options_reset();
	ret = eal_parse_args(2, argv1);
	eal_options_free();
	TEST_ASSERT(ret < 0, "-vZq refused");
	/* What a freed and reused buffer would hold. */
	memset(bad, 'W', sizeof(bad) - 1);
	eal_options_reset();
	ret = eal_parse_args(3, argv2);
	eal_options_free();
	TEST_ASSERT_EQUAL(ret, 2, "the second parse reads its own argv only");
	return TEST_SUCCESS;
}

/* The accessors of rte_dev.h read the device a bus filled in. */
/* Options of DPDK 22.11 Sluice accepts with DPDK's checks: --no-hpet, and
 * --huge-worker-stack[=KB], which DPDK refuses with --no-huge. */
static int
test_init_dpdk_timer_stack_options(void)
{
	const char *argv[] = {"eal_init_only", "--no-huge", "-l", "0-1", "--no-hpet", NULL};

	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "--no-hpet:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "init and cleanup");
	argv[4] = "--huge-worker-stack=512";
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 1, "with --no-huge:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "--huge-worker-stack cannot be combined with --no-huge",
				 "names the conflict");
	argv[1] = "-m";
	argv[2] = "64";
	argv[3] = "--huge-worker-stack=0";
	argv[4] = NULL;
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 1, "size 0:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "invalid --huge-worker-stack '0'", "names the value");
	TEST_ASSERT_EQUAL(count_error_lines(), 1, "one error line:\n%s", out);
	if (test_no_huge())
		return TEST_SUCCESS; /* the rest needs hugepages */
	argv[3] = "--huge-worker-stack";
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "default size:\n%s", out);
	argv[3] = "--huge-worker-stack=256";
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "256 kB:\n%s", out);
	return TEST_SUCCESS;
}

static int
test_dev_accessors(void)
{
	struct rte_driver drv = { .name = "net_test" };
	struct rte_device dev = {
		.name = "net_test0", .bus_info = NULL, .driver = NULL,
		.bus = NULL, .numa_node = -1, .devargs = NULL,
	};

	TEST_ASSERT(strcmp(rte_driver_name(&drv), "net_test") == 0, "driver name");
	TEST_ASSERT(strcmp(rte_dev_name(&dev), "net_test0") == 0, "device name");
	TEST_ASSERT_EQUAL(rte_dev_numa_node(&dev), -1, "unknown NUMA node");
	TEST_ASSERT_NULL(rte_dev_bus_info(&dev), "no bus info");
	TEST_ASSERT_NULL(rte_dev_devargs(&dev), "no devargs");
	TEST_ASSERT_NULL(rte_dev_bus(&dev), "no bus");
	TEST_ASSERT_EQUAL(rte_dev_is_probed(&dev), 0, "not probed without a driver");
	TEST_ASSERT_NULL(rte_dev_driver(&dev), "no driver");
	dev.driver = &drv;
	TEST_ASSERT_EQUAL(rte_dev_is_probed(&dev), 1, "probed once a driver is set");
	TEST_ASSERT(rte_dev_driver(&dev) == &drv, "the driver that probed it");
	return TEST_SUCCESS;
}

static const struct test_case eal_cases[] = {
	TEST_CASE(test_dev_accessors),
	TEST_CASE(test_init_ok),
	TEST_CASE(test_init_main_lcore),
	TEST_CASE(test_init_bad_options),
	TEST_CASE(test_init_long_lists),
	TEST_CASE(test_init_allow_block_conflict),
	TEST_CASE(test_init_base_virtaddr),
	TEST_CASE(test_init_help_version),
	TEST_CASE(test_init_fail_leaves_no_threads),
	TEST_CASE(test_init_returns_consumed),
	TEST_CASE(test_cleanup_frees_alarms),
	TEST_CASE(test_init_socket_limit),
	TEST_CASE(test_init_dpdk_timer_stack_options),
	TEST_CASE(test_parse_after_bad_short_option),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(eal, TEST_SUITE_NO_EAL, eal_cases)
