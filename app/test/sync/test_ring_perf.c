/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ring benchmark. Prints the same figures, in the same lines, as DPDK
 * 22.11's ring_perf_autotest, measured the same way, so that the two can
 * be compared line by line (bench/ring.sh):
 *   - single lcore, "single" and "burst/bulk (size: n)": TSC cycles per
 *     loop iteration of one enqueue plus one dequeue (of n objects);
 *   - "empty bulk deq": cycles per dequeue call on an empty ring;
 *   - two lcores: cycles per object of the producer plus the consumer;
 *   - all lcores: enqueue+dequeue pairs each lcore did in 100 ms.
 * Pointer ("legacy APIs") and 16-byte element ("elem APIs") rings.
 */
#include <stdio.h>
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_pause.h>
#include <rte_ring.h>

#include "test.h"

#define PERF_RING_NAME "RING_PERF"
#define PERF_RING_SIZE 4096
#define PERF_MAX_BURST 32
#define PERF_LOAD_MS 100
#define ESIZE_LEGACY (-1)	/* the pointer API */

/* API selectors, combined as (thread mode | transfer kind). */
#define API_SPSC 2
#define API_MPMC 4
#define API_SINGLE 8
#define API_BULK 16
#define API_BURST 32

/* Volatile so the compiler cannot specialize the loops on the size. */
static const volatile unsigned int perf_sizes[] = { 8, 32 };

static volatile unsigned int perf_lcores_ready;
static uint32_t perf_go;
static uint64_t perf_load_count[RTE_MAX_LCORE];

struct perf_pair {
	unsigned int c1, c2;
};

struct perf_thread {
	struct rte_ring *r;
	unsigned int size;
	double spsc, mpmc;	/* cycles per object */
};

static void
perf_print(unsigned int api, int esize, unsigned int n, double v)
{
	if (esize == ESIZE_LEGACY)
		printf("legacy APIs");
	else
		printf("elem APIs: element size %dB", esize);
	printf((api & API_SPSC) ? ": SP/SC: " : ": MP/MC: ");
	if (api & API_SINGLE)
		printf("single: ");
	else if (api & API_BULK)
		printf("bulk (size: %u): ", n);
	else
		printf("burst (size: %u): ", n);
	printf("%.2F\n", v);
}

static void *
perf_table(unsigned int n, int esize)
{
	return rte_zmalloc(NULL, n * (esize == ESIZE_LEGACY ? sizeof(void *) : (size_t)esize),
			   RTE_CACHE_LINE_SIZE);
}

static inline unsigned int
perf_enq(struct rte_ring *r, void **obj, int esize, unsigned int n, unsigned int api)
{
	if (esize == ESIZE_LEGACY) {
		switch (api) {
		case API_SPSC | API_SINGLE: return rte_ring_sp_enqueue(r, *obj);
		case API_MPMC | API_SINGLE: return rte_ring_mp_enqueue(r, *obj);
		case API_SPSC | API_BULK: return rte_ring_sp_enqueue_bulk(r, obj, n, NULL);
		case API_MPMC | API_BULK: return rte_ring_mp_enqueue_bulk(r, obj, n, NULL);
		case API_SPSC | API_BURST: return rte_ring_sp_enqueue_burst(r, obj, n, NULL);
		case API_MPMC | API_BURST: return rte_ring_mp_enqueue_burst(r, obj, n, NULL);
		}
	} else {
		switch (api) {
		case API_SPSC | API_SINGLE: return rte_ring_sp_enqueue_elem(r, obj, esize);
		case API_MPMC | API_SINGLE: return rte_ring_mp_enqueue_elem(r, obj, esize);
		case API_SPSC | API_BULK:
			return rte_ring_sp_enqueue_bulk_elem(r, obj, esize, n, NULL);
		case API_MPMC | API_BULK:
			return rte_ring_mp_enqueue_bulk_elem(r, obj, esize, n, NULL);
		case API_SPSC | API_BURST:
			return rte_ring_sp_enqueue_burst_elem(r, obj, esize, n, NULL);
		case API_MPMC | API_BURST:
			return rte_ring_mp_enqueue_burst_elem(r, obj, esize, n, NULL);
		}
	}
	return 0;
}

static inline unsigned int
perf_deq(struct rte_ring *r, void **obj, int esize, unsigned int n, unsigned int api)
{
	if (esize == ESIZE_LEGACY) {
		switch (api) {
		case API_SPSC | API_SINGLE: return rte_ring_sc_dequeue(r, obj);
		case API_MPMC | API_SINGLE: return rte_ring_mc_dequeue(r, obj);
		case API_SPSC | API_BULK: return rte_ring_sc_dequeue_bulk(r, obj, n, NULL);
		case API_MPMC | API_BULK: return rte_ring_mc_dequeue_bulk(r, obj, n, NULL);
		case API_SPSC | API_BURST: return rte_ring_sc_dequeue_burst(r, obj, n, NULL);
		case API_MPMC | API_BURST: return rte_ring_mc_dequeue_burst(r, obj, n, NULL);
		}
	} else {
		switch (api) {
		case API_SPSC | API_SINGLE: return rte_ring_sc_dequeue_elem(r, obj, esize);
		case API_MPMC | API_SINGLE: return rte_ring_mc_dequeue_elem(r, obj, esize);
		case API_SPSC | API_BULK:
			return rte_ring_sc_dequeue_bulk_elem(r, obj, esize, n, NULL);
		case API_MPMC | API_BULK:
			return rte_ring_mc_dequeue_bulk_elem(r, obj, esize, n, NULL);
		case API_SPSC | API_BURST:
			return rte_ring_sc_dequeue_burst_elem(r, obj, esize, n, NULL);
		case API_MPMC | API_BURST:
			return rte_ring_mc_dequeue_burst_elem(r, obj, esize, n, NULL);
		}
	}
	return 0;
}

/*
 * Two enabled lcores: on one socket with the same CPU id (hyperthreads,
 * as DPDK's test defines them) or different ones, or on two sockets.
 */
static int
perf_find_pair(struct perf_pair *p, int same_cpu, int same_socket)
{
	unsigned int a, b;

	RTE_LCORE_FOREACH(a) {
		RTE_LCORE_FOREACH(b) {
			int cpu_eq = rte_lcore_to_cpu_id(a) == rte_lcore_to_cpu_id(b);
			int socket_eq = rte_lcore_to_socket_id(a) == rte_lcore_to_socket_id(b);

			if (a == b || socket_eq != same_socket ||
			    (same_socket && cpu_eq != same_cpu))
				continue;
			p->c1 = a;
			p->c2 = b;
			return 0;
		}
	}
	return -1;
}

static void
perf_empty_dequeue(struct rte_ring *r, int esize, unsigned int api)
{
	const unsigned int iterations = 1u << 26;
	void *burst[PERF_MAX_BURST];
	uint64_t start, end;

	start = rte_rdtsc();
	for (unsigned int i = 0; i < iterations; i++)
		perf_deq(r, burst, esize, perf_sizes[0], api);
	end = rte_rdtsc();
	perf_print(api, esize, perf_sizes[0], (double)(end - start) / iterations);
}

/* One side of the two-lcore test: dir 0 enqueues, 1 dequeues. */
static __rte_always_inline int
perf_pair_side(unsigned int dir, int esize, struct perf_thread *p)
{
	const unsigned int iterations = 1u << 15;
	const unsigned int n = p->size;
	uint64_t t0, t1, t2, t3;
	unsigned int ret;
	void **burst;

	/* both sides start timing together */
	if (__atomic_add_fetch(&perf_lcores_ready, 1, __ATOMIC_RELAXED) != 2)
		while (perf_lcores_ready != 2)
			rte_pause();
	burst = perf_table(PERF_MAX_BURST, esize);
	if (burst == NULL)
		return -1;

	t0 = rte_rdtsc();
	for (unsigned int i = 0; i < iterations; i++) {
		do {
			ret = dir == 0 ? perf_enq(p->r, burst, esize, n, API_SPSC | API_BULK) :
					 perf_deq(p->r, burst, esize, n, API_SPSC | API_BULK);
			if (ret == 0)
				rte_pause();
		} while (ret == 0);
	}
	t1 = rte_rdtsc();
	t2 = rte_rdtsc();
	for (unsigned int i = 0; i < iterations; i++) {
		do {
			ret = dir == 0 ? perf_enq(p->r, burst, esize, n, API_MPMC | API_BULK) :
					 perf_deq(p->r, burst, esize, n, API_MPMC | API_BULK);
			if (ret == 0)
				rte_pause();
		} while (ret == 0);
	}
	t3 = rte_rdtsc();
	p->spsc = (double)(t1 - t0) / ((double)iterations * n);
	p->mpmc = (double)(t3 - t2) / ((double)iterations * n);
	rte_free(burst);
	return 0;
}

static int perf_enq_legacy(void *p) { return perf_pair_side(0, ESIZE_LEGACY, p); }
static int perf_deq_legacy(void *p) { return perf_pair_side(1, ESIZE_LEGACY, p); }
static int perf_enq_16(void *p) { return perf_pair_side(0, 16, p); }
static int perf_deq_16(void *p) { return perf_pair_side(1, 16, p); }

static int
perf_run_pair(const struct perf_pair *pair, struct rte_ring *r, int esize)
{
	lcore_function_t *fenq = esize == ESIZE_LEGACY ? perf_enq_legacy : perf_enq_16;
	lcore_function_t *fdeq = esize == ESIZE_LEGACY ? perf_deq_legacy : perf_deq_16;
	struct perf_thread p1 = { 0 }, p2 = { 0 };

	for (unsigned int i = 0; i < RTE_DIM(perf_sizes); i++) {
		perf_lcores_ready = 0;
		p1.r = p2.r = r;
		p1.size = p2.size = perf_sizes[i];
		if (pair->c1 == rte_get_main_lcore()) {
			if (rte_eal_remote_launch(fdeq, &p2, pair->c2) != 0)
				return -1;
			fenq(&p1);
			if (rte_eal_wait_lcore(pair->c2) < 0)
				return -1;
		} else {
			if (rte_eal_remote_launch(fenq, &p1, pair->c1) != 0 ||
			    rte_eal_remote_launch(fdeq, &p2, pair->c2) != 0)
				return -1;
			if (rte_eal_wait_lcore(pair->c1) < 0 || rte_eal_wait_lcore(pair->c2) < 0)
				return -1;
		}
		perf_print(API_SPSC | API_BULK, esize, perf_sizes[i], p1.spsc + p2.spsc);
		perf_print(API_MPMC | API_BULK, esize, perf_sizes[i], p1.mpmc + p2.mpmc);
	}
	return 0;
}

static __rte_always_inline int
perf_load_loop(struct perf_thread *p, int esize)
{
	const uint64_t limit = rte_get_timer_hz() * PERF_LOAD_MS / 1000;
	const unsigned int lcore = rte_lcore_id();
	uint64_t begin, count = 0;
	void **burst;

	burst = perf_table(PERF_MAX_BURST, esize);
	if (burst == NULL)
		return -1;
	if (lcore != rte_get_main_lcore())
		rte_wait_until_equal_32(&perf_go, 1, __ATOMIC_RELAXED);
	begin = rte_get_timer_cycles();
	while (rte_get_timer_cycles() - begin < limit) {
		perf_enq(p->r, burst, esize, p->size, API_MPMC | API_BULK);
		perf_deq(p->r, burst, esize, p->size, API_MPMC | API_BULK);
		count++;
	}
	perf_load_count[lcore] = count;
	rte_free(burst);
	return 0;
}

static int perf_load_legacy(void *p) { return perf_load_loop(p, ESIZE_LEGACY); }
static int perf_load_16(void *p) { return perf_load_loop(p, 16); }

static int
perf_run_all(struct rte_ring *r, int esize)
{
	lcore_function_t *f = esize == ESIZE_LEGACY ? perf_load_legacy : perf_load_16;
	struct perf_thread p = { .r = r };
	unsigned int c;

	for (unsigned int i = 0; i < RTE_DIM(perf_sizes); i++) {
		uint64_t total = 0;

		printf("\nBulk enq/dequeue count on size %u\n", perf_sizes[i]);
		p.size = perf_sizes[i];
		__atomic_store_n(&perf_go, 0, __ATOMIC_RELAXED);
		if (rte_eal_mp_remote_launch(f, &p, SKIP_MAIN) < 0)
			return -1;
		__atomic_store_n(&perf_go, 1, __ATOMIC_RELAXED);
		f(&p);
		rte_eal_mp_wait_lcore();
		RTE_LCORE_FOREACH(c) {
			printf("Core [%u] count = %" PRIu64 "\n", c, perf_load_count[c]);
			total += perf_load_count[c];
		}
		printf("Total count (size: %u): %" PRIu64 "\n", perf_sizes[i], total);
	}
	return 0;
}

static int
perf_single(struct rte_ring *r, int esize, unsigned int api)
{
	const unsigned int iterations = 1u << 24;
	uint64_t start, end;
	void **burst = perf_table(1, esize);

	if (burst == NULL)
		return -1;
	start = rte_rdtsc();
	for (unsigned int i = 0; i < iterations; i++) {
		perf_enq(r, burst, esize, 1, api);
		perf_deq(r, burst, esize, 1, api);
	}
	end = rte_rdtsc();
	perf_print(api, esize, 1, (double)(end - start) / iterations);
	rte_free(burst);
	return 0;
}

static int
perf_burst_bulk(struct rte_ring *r, int esize, unsigned int api)
{
	const unsigned int iterations = 1u << 23;
	void **burst = perf_table(PERF_MAX_BURST, esize);

	if (burst == NULL)
		return -1;
	for (unsigned int s = 0; s < RTE_DIM(perf_sizes); s++) {
		uint64_t start, end;

		start = rte_rdtsc();
		for (unsigned int i = 0; i < iterations; i++) {
			perf_enq(r, burst, esize, perf_sizes[s], api);
			perf_deq(r, burst, esize, perf_sizes[s], api);
		}
		end = rte_rdtsc();
		perf_print(api, esize, perf_sizes[s], (double)(end - start) / iterations);
	}
	rte_free(burst);
	return 0;
}

static int
perf_esize(int esize)
{
	struct perf_pair pair;
	struct rte_ring *r;
	int ret = -1;

	r = esize == ESIZE_LEGACY ?
		rte_ring_create(PERF_RING_NAME, PERF_RING_SIZE, rte_socket_id(), 0) :
		rte_ring_create_elem(PERF_RING_NAME, esize, PERF_RING_SIZE, rte_socket_id(), 0);
	if (r == NULL) {
		printf("cannot create the ring: %s\n", rte_strerror(rte_errno));
		return -1;
	}

	printf("\n### Testing single element enq/deq ###\n");
	if (perf_single(r, esize, API_SPSC | API_SINGLE) < 0 ||
	    perf_single(r, esize, API_MPMC | API_SINGLE) < 0)
		goto out;
	printf("\n### Testing burst enq/deq ###\n");
	if (perf_burst_bulk(r, esize, API_SPSC | API_BURST) < 0 ||
	    perf_burst_bulk(r, esize, API_MPMC | API_BURST) < 0)
		goto out;
	printf("\n### Testing bulk enq/deq ###\n");
	if (perf_burst_bulk(r, esize, API_SPSC | API_BULK) < 0 ||
	    perf_burst_bulk(r, esize, API_MPMC | API_BULK) < 0)
		goto out;
	printf("\n### Testing empty bulk deq ###\n");
	perf_empty_dequeue(r, esize, API_SPSC | API_BULK);
	perf_empty_dequeue(r, esize, API_MPMC | API_BULK);

	if (perf_find_pair(&pair, 1, 1) == 0) {
		printf("\n### Testing using two hyperthreads ###\n");
		if (perf_run_pair(&pair, r, esize) < 0)
			goto out;
	}
	if (perf_find_pair(&pair, 0, 1) == 0) {
		printf("\n### Testing using two physical cores ###\n");
		if (perf_run_pair(&pair, r, esize) < 0)
			goto out;
	}
	if (perf_find_pair(&pair, 0, 0) == 0) {
		printf("\n### Testing using two NUMA nodes ###\n");
		if (perf_run_pair(&pair, r, esize) < 0)
			goto out;
	}
	printf("\n### Testing using all worker nodes ###\n");
	if (perf_run_all(r, esize) < 0)
		goto out;
	ret = 0;
out:
	rte_ring_free(r);
	return ret;
}

static int
test_ring_perf(void)
{
	TEST_ASSERT_SUCCESS(perf_esize(ESIZE_LEGACY), "pointer ring benchmark");
	TEST_ASSERT_SUCCESS(perf_esize(16), "16-byte element ring benchmark");
	return TEST_SUCCESS;
}

static const struct test_case ring_perf_cases[] = {
	TEST_CASE(test_ring_perf),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(ring_perf, TEST_SUITE_EAL, ring_perf_cases)
