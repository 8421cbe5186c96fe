/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * telemetry_eal: the EAL starts telemetry by default in the runtime
 * directory DPDK's tools look in, answers /eal/... from the command line,
 * and rte_eal_cleanup removes the socket and joins the thread;
 * --no-telemetry makes neither.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <telemetry_internal.h>

#include "test.h"

static char answer_buf[TELEMETRY_MAX_OUTPUT_LEN];

static const char *
tel_answer(const char *req)
{
	telemetry_request_answer(req, strlen(req), answer_buf, sizeof(answer_buf));
	return answer_buf;
}

/* <base>/dpdk/<prefix>, base chosen as DPDK chooses it. */
static void
tel_expected_dir(char *buf, size_t size, const char *prefix)
{
	const char *base = getenv("RUNTIME_DIRECTORY");

	if (base == NULL || base[0] == '\0')
		base = getuid() == 0			   ? "/var/run"
		       : getenv("XDG_RUNTIME_DIR") != NULL ? getenv("XDG_RUNTIME_DIR")
							   : "/tmp";
	snprintf(buf, size, "%s/dpdk/%s", base, prefix);
}

static int
test_telemetry_eal_lifecycle(void)
{
	char prefix[64], dir[512], sock[600], want[1024];
	char *argv[64];
	int argc = 0, len;
	struct stat st;

	snprintf(prefix, sizeof(prefix), "sluice-tel-eal-%d", (int)getpid());
	for (int i = 0; i < test_eal_argc && argc < 56; i++)
		argv[argc++] = test_eal_argv[i];
	argv[argc++] = (char *)"--file-prefix";
	argv[argc++] = prefix;
	argv[argc++] = (char *)"--";
	argv[argc++] = (char *)"app_arg";
	argv[argc] = NULL;

	/* /eal/params: the EAL's part of argv, as given */
	len = snprintf(want, sizeof(want), "{\"/eal/params\":[");
	for (int i = 0; i < argc - 2; i++)
		len += snprintf(want + len, sizeof(want) - (size_t)len, "%s\"%s\"", i ? "," : "",
				argv[i]);
	snprintf(want + len, sizeof(want) - (size_t)len, "]}");

	TEST_ASSERT(rte_eal_init(argc, argv) >= 0, "rte_eal_init: %s", rte_strerror(rte_errno));
	tel_expected_dir(dir, sizeof(dir), prefix);
	TEST_ASSERT(strcmp(rte_eal_get_runtime_dir(), dir) == 0, "runtime dir %s, want %s",
		    rte_eal_get_runtime_dir(), dir);
	snprintf(sock, sizeof(sock), "%s/dpdk_telemetry.v2", dir);
	TEST_ASSERT(strcmp(telemetry_socket_path(), sock) == 0, "socket %s",
		    telemetry_socket_path());
	TEST_ASSERT(stat(sock, &st) == 0 && S_ISSOCK(st.st_mode), "socket file %s", sock);
	TEST_ASSERT_EQUAL(test_threads_named("telemetry-v2"), 1, "one named telemetry thread");

	TEST_ASSERT(strcmp(tel_answer("/eal/params"), want) == 0, "got %s\nwant %s", answer_buf,
		    want);
	TEST_ASSERT(strcmp(tel_answer("/eal/app_params"), "{\"/eal/app_params\":[\"app_arg\"]}") ==
			    0,
		    "app params: %s", answer_buf);
	TEST_ASSERT(strcmp(tel_answer("/eal/lcore/list"), "{\"/eal/lcore/list\":[0,1]}") == 0,
		    "lcores: %s", answer_buf);
	TEST_ASSERT(strcmp(tel_answer("/eal/lcore/info,0"),
			   "{\"/eal/lcore/info\":{\"lcore_id\":0,\"socket\":0,\"role\":\"RTE\","
			   "\"cpuset\":[0]}}") == 0,
		    "lcore 0: %s", answer_buf);
	TEST_ASSERT(strcmp(tel_answer("/eal/lcore/info,2"), "{\"/eal/lcore/info\":null}") == 0,
		    "lcore 2 is not in -l 0-1: %s", answer_buf);

	TEST_ASSERT_SUCCESS(rte_eal_cleanup(), "cleanup");
	TEST_ASSERT(access(sock, F_OK) < 0 && errno == ENOENT, "socket removed at cleanup");
	TEST_ASSERT_EQUAL(test_threads_named("telemetry-v2"), 0, "thread joined at cleanup");
	TEST_ASSERT(strcmp(tel_answer("/eal/params"), "{\"/eal/params\":[]}") == 0,
		    "command line freed: %s", answer_buf);
	rmdir(dir);
	return TEST_SUCCESS;
}

/* A child process's EAL with and without --no-telemetry: what it leaves. */
static int
test_telemetry_eal_no_telemetry(void)
{
	char prefix[64], dir[512], out[4096];
	const char *argv[] = {"eal_init_only", "--no-huge",	 "-l", "0-1", "--file-prefix",
			      prefix,	       "--no-telemetry", NULL};
	struct stat st;

	snprintf(prefix, sizeof(prefix), "sluice-tel-off-%d", (int)getpid());
	tel_expected_dir(dir, sizeof(dir), prefix);
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "init: %s", out);
	TEST_ASSERT(stat(dir, &st) < 0, "--no-telemetry made %s", dir);

	argv[6] = NULL; /* telemetry on: the directory stays, the socket goes */
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "init: %s", out);
	TEST_ASSERT(stat(dir, &st) == 0 && S_ISDIR(st.st_mode), "runtime dir %s", dir);
	TEST_ASSERT_EQUAL(test_dir_entries(dir), 0, "nothing left in %s", dir);
	rmdir(dir);
	return TEST_SUCCESS;
}

static const struct test_case telemetry_eal_cases[] = {
	TEST_CASE(test_telemetry_eal_no_telemetry),
	TEST_CASE(test_telemetry_eal_lifecycle),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(telemetry_eal, TEST_SUITE_NO_EAL, telemetry_eal_cases);
