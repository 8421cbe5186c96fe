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

static inline uint64_t
rte_rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a" (lo), "=d" (hi));
	return ((uint64_t)hi << 32) | lo;
}

/* rdtsc ordered after every earlier instruction. */
static inline uint64_t
rte_rdtsc_precise(void)
{
	asm volatile("mfence" : : : "memory");
	return rte_rdtsc();
}

static inline uint64_t
rte_get_tsc_cycles(void)
{
	return rte_rdtsc();
}

/* TSC frequency in Hz, measured at rte_eal_init (or on first use). */
uint64_t rte_get_tsc_hz(void);

static inline uint64_t
rte_get_timer_cycles(void)
{
	return rte_get_tsc_cycles();
}

static inline uint64_t
rte_get_timer_hz(void)
{
	return rte_get_tsc_hz();
}

/* Busy-wait (the default) for us microseconds. */
extern void (*rte_delay_us)(unsigned int us);
void rte_delay_us_block(unsigned int us);
void rte_delay_us_sleep(unsigned int us);
void rte_delay_us_callback_register(void (*userfunc)(unsigned int));

static inline void
rte_delay_ms(unsigned int ms)
{
	rte_delay_us(ms * 1000);
}

#ifdef __cplusplus
}
#endif

#endif
