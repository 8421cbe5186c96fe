/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pflock: readers share the lock and a writer waits for them; a reader
 * arriving while a writer waits does not get in before it (phase-fair);
 * and a writer and a reader on two lcores, where the reader must never see
 * a half-written pair.
 */
#include <stdatomic.h>
#include <stdint.h>

#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pflock.h>

#include "test.h"

#define PF_ROUNDS 100000

static int
test_pflock_states(void)
{
	rte_pflock_t pf = RTE_PFLOCK_INITIALIZER;

	rte_pflock_read_lock(&pf);
	rte_pflock_read_lock(&pf);
	TEST_ASSERT_EQUAL(pf.rd.in, 2 * RTE_PFLOCK_RINC, "two readers in");
	rte_pflock_read_unlock(&pf);
	rte_pflock_read_unlock(&pf);
	rte_pflock_write_lock(&pf);
	TEST_ASSERT_EQUAL(pf.rd.in & RTE_PFLOCK_WBITS, RTE_PFLOCK_PRES, "writer present, phase 0");
	rte_pflock_write_unlock(&pf);
	TEST_ASSERT_EQUAL(pf.rd.in & RTE_PFLOCK_WBITS, 0, "write phase over");
	rte_pflock_write_lock(&pf);
	TEST_ASSERT_EQUAL(pf.rd.in & RTE_PFLOCK_WBITS, RTE_PFLOCK_PRES | RTE_PFLOCK_PHID,
			  "second writer, phase 1");
	rte_pflock_write_unlock(&pf);
	TEST_ASSERT(pf.wr.in == 2 && pf.wr.out == 2, "writer tickets");
	rte_pflock_init(&pf);
	TEST_ASSERT(pf.rd.in == 0 && pf.rd.out == 0 && pf.wr.in == 0 && pf.wr.out == 0, "init");
	return TEST_SUCCESS;
}

struct pf_ctx {
	rte_pflock_t pf;
	_Atomic int stage; /* 1: writer waiting, 2: writer in, 3: writer out */
	uint64_t a, b;	   /* written together under the lock */
	_Atomic uint64_t torn;
	_Atomic bool done;
};

static int
pf_writer(void *arg)
{
	struct pf_ctx *c = arg;

	atomic_store(&c->stage, 1);
	rte_pflock_write_lock(&c->pf);
	atomic_store(&c->stage, 2);
	rte_pflock_write_unlock(&c->pf);
	atomic_store(&c->stage, 3);
	return 0;
}

/* A writer waits for the reader in; a reader arriving after the writer
 * waits for the write phase. */
static int
test_pflock_writer_waits(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct pf_ctx c = {.pf = RTE_PFLOCK_INITIALIZER};

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	rte_pflock_read_lock(&c.pf);
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(pf_writer, &c, worker), "launch");
	while ((__atomic_load_n(&c.pf.rd.in, __ATOMIC_ACQUIRE) & RTE_PFLOCK_PRES) == 0)
		rte_pause();
	rte_delay_ms(20);
	TEST_ASSERT_EQUAL(atomic_load(&c.stage), 1, "writer got in past a reader");
	rte_pflock_read_unlock(&c.pf);
	/* This reader arrives during the write phase (or after it): it gets
	 * in only once the writer is out. */
	rte_pflock_read_lock(&c.pf);
	TEST_ASSERT(atomic_load(&c.stage) >= 2, "reader got in before the waiting writer");
	rte_pflock_read_unlock(&c.pf);
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	return TEST_SUCCESS;
}

static int
pf_pair_writer(void *arg)
{
	struct pf_ctx *c = arg;

	for (uint64_t i = 1; i <= PF_ROUNDS; i++) {
		rte_pflock_write_lock(&c->pf);
		*(volatile uint64_t *)&c->a = i;
		*(volatile uint64_t *)&c->b = i;
		rte_pflock_write_unlock(&c->pf);
	}
	atomic_store(&c->done, true);
	return 0;
}

static int
test_pflock_two_lcores(void)
{
	unsigned int worker = rte_get_next_lcore(rte_get_main_lcore(), 1, 0);
	struct pf_ctx c = {.pf = RTE_PFLOCK_INITIALIZER};
	uint64_t reads = 0;

	TEST_ASSERT(worker < RTE_MAX_LCORE, "needs two lcores (-l 0-1)");
	TEST_ASSERT_SUCCESS(rte_eal_remote_launch(pf_pair_writer, &c, worker), "launch");
	while (!atomic_load(&c.done)) {
		rte_pflock_read_lock(&c.pf);
		if (*(volatile uint64_t *)&c.a != *(volatile uint64_t *)&c.b)
			atomic_fetch_add(&c.torn, 1);
		rte_pflock_read_unlock(&c.pf);
		reads++;
	}
	TEST_ASSERT_SUCCESS(rte_eal_wait_lcore(worker), "worker");
	TEST_ASSERT_EQUAL(atomic_load(&c.torn), 0, "torn pairs in %" PRIu64 " reads", reads);
	TEST_ASSERT(c.a == PF_ROUNDS && c.b == PF_ROUNDS, "last write");
	return TEST_SUCCESS;
}

static const struct test_case pflock_cases[] = {
	TEST_CASE(test_pflock_states),
	TEST_CASE(test_pflock_writer_waits),
	TEST_CASE(test_pflock_two_lcores),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pflock, TEST_SUITE_EAL, pflock_cases)
