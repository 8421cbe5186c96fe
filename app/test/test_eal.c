/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eal_init from the outside: each case runs the binary again as an
 * application would ("eal_init_only ARGS") and checks the result line, the
 * error text and that nothing is left behind.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_dev.h>
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
	{ { "-l", "0,4095", NULL }, "is above the build's maximum" },
	{ { "-l", "0,120", NULL }, "core 120 in -l '0,120' does not exist on this machine" },
	{ { "-l", "0-x", NULL }, "malformed range in -l '0-x'" },
	{ { "-c", "0xZZ", NULL }, "malformed core mask -c '0xZZ'" },
	{ { "-l", "0", "--main-lcore=1" }, "--main-lcore 1 is not in the core list" },
	{ { "-a", "00:zz.0", NULL }, "invalid PCI address '00:zz.0' in -a/--allow" },
	{ { "-b", "1:2:3:4", NULL }, "invalid PCI address '1:2:3:4' in -b/--block" },
	{ { "--iova-mode", "xx", NULL }, "invalid --iova-mode 'xx': use va, pa or auto" },
	{ { "--log-level", "lib.eal:loud", NULL }, "invalid level 'loud' in --log-level" },
	{ { "--proc-type", "secondary", NULL }, "--proc-type=secondary is not supported" },
	{ { "-m", "lots", NULL }, "invalid -m 'lots'" },
	{ { "--file-prefix", "a/b", NULL }, "invalid --file-prefix 'a/b'" },
	{ { "--base-virtaddr", "0xzz", NULL }, "invalid --base-virtaddr '0xzz'" },
	{ { "--base-virtaddr", "0", NULL }, "invalid --base-virtaddr '0'" },
	/* beyond the 47-bit user address space */
	{ { "--base-virtaddr", "0x800000000000", NULL },
	  "of memory at --base-virtaddr 0x800000000000: " },
	{ { "-l", NULL, NULL }, "option '-l' needs an argument" },
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
	TEST_CASE(test_init_allow_block_conflict),
	TEST_CASE(test_init_base_virtaddr),
	TEST_CASE(test_init_help_version),
	TEST_CASE(test_init_fail_leaves_no_threads),
	TEST_CASE(test_init_returns_consumed),
	TEST_CASE(test_parse_after_bad_short_option),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(eal, TEST_SUITE_NO_EAL, eal_cases)
