/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The smallest Sluice program: start the EAL, say hello from every lcore,
 * clean up. Run: sluice-helloworld -l 0-1 --no-huge
 */
#include <stdio.h>
#include <stdlib.h>

#include <rte_eal.h>
#include <rte_debug.h>
#include <rte_launch.h>
#include <rte_lcore.h>

static int
say_hello(void *arg)
{
	(void)arg;
	printf("hello from lcore %u on socket %u\n", rte_lcore_id(),
	       rte_lcore_to_socket_id(rte_lcore_id()));
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned int lcore_id;

	if (rte_eal_init(argc, argv) < 0)
		rte_exit(EXIT_FAILURE, "cannot start the EAL (see the message above)\n");

	/* Every worker runs say_hello; the main lcore says hello itself. */
	RTE_LCORE_FOREACH_WORKER(lcore_id)
		rte_eal_remote_launch(say_hello, NULL, lcore_id);
	say_hello(NULL);
	rte_eal_mp_wait_lcore();

	rte_eal_cleanup();
	return 0;
}
