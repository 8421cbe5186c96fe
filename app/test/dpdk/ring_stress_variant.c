/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One variant of DPDK's ring stress test as an autotest of its own, so a
 * variant whose ring API is there runs even while another is missing
 * (DPDK's ring_stress_autotest needs all seven). Built with
 * -DSTRESS_VARIANT=<name of the variant's struct test> and
 * -DSTRESS_COMMAND=<autotest name> beside that variant's source file.
 */
#include "test_ring_stress.h"

static int
ring_stress_variant_run(void)
{
	const struct test *t = &STRESS_VARIANT;
	uint32_t i, ok = 0;

	for (i = 0; i != t->nb_case; i++) {
		int rc = t->cases[i].func(t->cases[i].wfunc);

		printf("%s %s: %s\n", t->name, t->cases[i].name, rc == 0 ? "OK" : "FAILED");
		ok += rc == 0;
	}
	return ok == t->nb_case ? TEST_SUCCESS : TEST_FAILED;
}

REGISTER_TEST_COMMAND(STRESS_COMMAND, ring_stress_variant_run);
