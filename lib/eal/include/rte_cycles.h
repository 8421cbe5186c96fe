/* SPDX-License-Identifier: BSD-3-Clause */
/* Time stamp counter and delays. */
#ifndef _RTE_CYCLES_H_
#define _RTE_CYCLES_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MS_PER_S 1000
#define US_PER_S 1000000
#define NS_PER_S 1000000000

enum timer_source {
	EAL_TIMER_TSC = 0,
	EAL_TIMER_HPET
};
extern enum timer_source eal_timer_source;

/* The time stamp counter (rdtsc, not ordered). Cannot fail; no rte_errno. */
static inline uint64_t
rte_rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a" (lo), "=d" (hi));
	return ((uint64_t)hi << 32) | lo;
}

/* The time stamp counter, read after every earlier load and store. No rte_errno. */
static inline uint64_t
rte_rdtsc_precise(void)
{
	asm volatile("mfence" : : : "memory");
	return rte_rdtsc();
}

/* The time stamp counter (as rte_rdtsc). Cannot fail; rte_errno is not set. */
static inline uint64_t
rte_get_tsc_cycles(void)
{
	return rte_rdtsc();
}

/*
 * The TSC frequency in Hz, measured at rte_eal_init (or on first use before
 * it). Cannot fail; rte_errno is not set.
 */
uint64_t rte_get_tsc_hz(void);

/* The timer's cycle count; the timer is the TSC. Cannot fail; no rte_errno. */
static inline uint64_t
rte_get_timer_cycles(void)
{
	return rte_get_tsc_cycles();
}

/* The timer's frequency in Hz (the TSC's). Cannot fail; rte_errno is not set. */
static inline uint64_t
rte_get_timer_hz(void)
{
	return rte_get_tsc_hz();
}

/*
 * Wait us microseconds with the registered delay function (busy-waiting with
 * rte_delay_us_block unless another was registered). Returns nothing.
 */
extern void (*rte_delay_us)(unsigned int us);
/* Busy-wait us microseconds on the TSC. Returns nothing; rte_errno is not set. */
void rte_delay_us_block(unsigned int us);
/* Sleep us microseconds (nanosleep, resumed after signals). Returns nothing; no rte_errno. */
void rte_delay_us_sleep(unsigned int us);
/*
 * Make rte_delay_us call userfunc; NULL puts rte_delay_us_block back (DPDK
 * would store NULL). Returns nothing; rte_errno is not set.
 */
void rte_delay_us_callback_register(void (*userfunc)(unsigned int));

/* Wait ms milliseconds through rte_delay_us. Returns nothing; rte_errno is not set. */
static inline void
rte_delay_ms(unsigned int ms)
{
	rte_delay_us(ms * 1000);
}

#ifdef __cplusplus
}
#endif

#endif
