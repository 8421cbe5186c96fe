/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC frequency and delays. */
#include <time.h>
#include <stdio.h>
#include <string.h>
#include <cpuid.h>

#include <rte_cycles.h>
#include <rte_pause.h>

#include "eal_private.h"

__rte_export enum timer_source eal_timer_source = EAL_TIMER_TSC;

static uint64_t tsc_hz;

static uint64_t
ns_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* CPUID leaf 0x15 gives the TSC frequency exactly where the CPU reports it. */
static uint64_t
tsc_hz_from_cpuid(void)
{
	unsigned int a, b, c, d;

	if (__get_cpuid_max(0, NULL) < 0x15)
		return 0;
	__cpuid(0x15, a, b, c, d);
	(void)d;
	if (a == 0 || b == 0 || c == 0)
		return 0;
	return (uint64_t)c * b / a;
}

/* Measure the TSC against CLOCK_MONOTONIC_RAW over 50 ms, three times. */
static uint64_t
tsc_hz_measure(void)
{
	uint64_t best = 0;

	for (int i = 0; i < 3; i++) {
		struct timespec sl = { 0, 50 * 1000 * 1000 };
		uint64_t ns0 = ns_now(), c0 = rte_rdtsc_precise();
		uint64_t ns1, c1, hz;

		nanosleep(&sl, NULL);
		c1 = rte_rdtsc_precise();
		ns1 = ns_now();
		hz = (c1 - c0) * NS_PER_S / (ns1 - ns0);
		/* the shortest disturbance wins: keep the median-ish by min delta */
		if (best == 0 || hz < best)
			best = hz;
	}
	/* Round to 10 kHz so repeated runs agree. */
	return (best + 5000) / 10000 * 10000;
}

int
eal_timer_init(void)
{
	if (tsc_hz == 0) {
		tsc_hz = tsc_hz_from_cpuid();
		if (tsc_hz == 0)
			tsc_hz = tsc_hz_measure();
	}
	return 0;
}

__rte_export uint64_t
rte_get_tsc_hz(void)
{
	if (tsc_hz == 0)
		eal_timer_init();
	return tsc_hz;
}

__rte_export void
rte_delay_us_block(unsigned int us)
{
	const uint64_t start = rte_get_timer_cycles();
	const uint64_t ticks = (uint64_t)us * rte_get_timer_hz() / 1000000ULL;

	while ((rte_get_timer_cycles() - start) < ticks)
		rte_pause();
}

__rte_export void
rte_delay_us_sleep(unsigned int us)
{
	struct timespec req = { us / US_PER_S, (long)(us % US_PER_S) * 1000 }, rem;

	while (nanosleep(&req, &rem) != 0)
		req = rem;
}

__rte_export void (*rte_delay_us)(unsigned int) = rte_delay_us_block;

__rte_export void
rte_delay_us_callback_register(void (*userfunc)(unsigned int))
{
	rte_delay_us = userfunc != NULL ? userfunc : rte_delay_us_block;
}
