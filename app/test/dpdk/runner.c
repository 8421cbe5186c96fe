/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stands in for DPDK's app/test/test.c and commands.c: starts the EAL with
 * the command line, then runs the one autotest named by $DPDK_TEST or by
 * the first argument after the EAL's, and exits with its result (0 pass,
 * 77 skipped, anything else failed). A copy of the program started by a
 * test (process.h) finds what to do in $RTE_TEST_RECURSIVE instead.
 * Built once against libsluice and once against DPDK's libraries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_timer.h>

#include "test.h"

const char *prgname;
int last_test_result;

static TAILQ_HEAD(, test_command) runner_commands = TAILQ_HEAD_INITIALIZER(runner_commands);

void
add_test_command(struct test_command *t)
{
	TAILQ_INSERT_TAIL(&runner_commands, t, next);
}

/* Only the test files that start such copies define these actions; the
 * weak references let every other autotest link without them. */
#pragma weak test_exit
#pragma weak test_panic
#pragma weak test_mp_secondary
#pragma weak test_timer_secondary

static int
runner_no_action(void)
{
	return 0;
}

/* The copies that eal_flags starts only check that the EAL accepted or
 * refused their options: once it is up, there is nothing left to do. */
static const char *const runner_eal_flags_copies[] = {
	"test_missing_c_flag",	  "test_main_lcore_flag", "test_invalid_n_flag",
	"test_no_hpet_flag",	  "test_allow_flag",	  "test_invalid_b_flag",
	"test_invalid_vdev_flag", "test_invalid_r_flag",  "test_misc_flags",
	"test_memory_flags",	  "test_file_prefix",	  "test_no_huge_flag",
};

static test_callback *
runner_copy_action(const char *what)
{
	const struct {
		const char *name;
		test_callback *fn;
	} actions[] = {
		{"run_secondary_instances", test_mp_secondary},
		{"test_panic", test_panic},
		{"test_exit", test_exit},
		{"timer_secondary_spawn_wait", test_timer_secondary},
	};
	size_t i;

	for (i = 0; i < RTE_DIM(runner_eal_flags_copies); i++)
		if (strcmp(what, runner_eal_flags_copies[i]) == 0)
			return runner_no_action;
	for (i = 0; i < RTE_DIM(actions); i++)
		if (strcmp(what, actions[i].name) == 0)
			return actions[i].fn;
	return NULL;
}

static int
runner_run(const char *name)
{
	struct test_command *t;
	int ret;

	TAILQ_FOREACH(t, &runner_commands, next)
	{
		if (strcmp(name, t->command) != 0)
			continue;
		ret = t->callback();
		last_test_result = ret;
		if (ret == TEST_SUCCESS)
			printf("Test OK\n");
		else if (ret == TEST_SKIPPED)
			printf("Test Skipped\n");
		else
			printf("Test Failed\n");
		fflush(stdout);
		return ret;
	}
	printf("runner: no autotest named '%s' in this program\n", name);
	return TEST_FAILED;
}

/* Like DPDK's test.c: words of $DPDK_TEST_PARAMS are added to the EAL's
 * arguments. *argvp and *argcp then name the merged array, whose words
 * after the EAL's are the program's, as for argv. */
static int
runner_eal_init(int *argcp, char ***argvp)
{
	const char *extra = getenv("DPDK_TEST_PARAMS");
	char *copy, *word, *save = NULL;
	char **all;
	int n = *argcp;

	if (extra == NULL || extra[0] == '\0')
		return rte_eal_init(*argcp, *argvp);
	copy = strdup(extra);
	all = calloc((size_t)n + strlen(extra) / 2 + 2, sizeof(*all));
	if (copy == NULL || all == NULL) {
		free(copy);
		free(all);
		rte_errno = ENOMEM;
		return -1;
	}
	memcpy(all, *argvp, (size_t)n * sizeof(*all));
	for (word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save))
		all[n++] = word;
	/* both stay allocated: the EAL and the test keep pointers into them */
	*argcp = n;
	*argvp = all;
	return rte_eal_init(n, all);
}

int
main(int argc, char **argv)
{
	const char *name, *copy;
	test_callback *action;
	int ret;

	ret = runner_eal_init(&argc, &argv);
	if (ret < 0) {
		printf("runner: rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	argc -= ret;
	argv += ret;
	prgname = argv[0];

	ret = rte_timer_subsystem_init();
	if (ret < 0 && ret != -EALREADY) {
		printf("runner: rte_timer_subsystem_init failed: %d\n", ret);
		ret = 1;
		goto out;
	}

	copy = getenv(RECURSIVE_ENV_VAR);
	if (copy != NULL) {
		action = runner_copy_action(copy);
		if (action == NULL) {
			printf("runner: nothing to do for %s=%s in this program\n",
			       RECURSIVE_ENV_VAR, copy);
			ret = 1;
		} else {
			ret = action();
		}
		goto out_timer;
	}

	name = getenv("DPDK_TEST");
	if (name == NULL || name[0] == '\0')
		name = argc > 1 ? argv[1] : NULL;
	if (name == NULL) {
		printf("runner: name the autotest in DPDK_TEST or as the first argument\n");
		ret = 1;
		goto out_timer;
	}
	ret = runner_run(name);

out_timer:
	rte_timer_subsystem_finalize();
out:
	rte_eal_cleanup();
	return ret;
}

/* process.h refers to these when DPDK's build has pdump and net_ring; only
 * pdump's autotest (not run here) uses them, the others only link them. */
#if defined(RTE_LIB_PDUMP) && defined(RTE_NET_RING)
#pragma weak send_pkts
#pragma weak flag_for_send_pkts
uint16_t flag_for_send_pkts = 1;

void *
send_pkts(void *arg __rte_unused)
{
	return NULL;
}
#endif
