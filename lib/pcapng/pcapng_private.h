/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PCAPNG_PRIVATE_H_
#define _PCAPNG_PRIVATE_H_

#include <stdint.h>

#include <rte_log.h>

extern int pcapng_logtype;
#define PCAPNG_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, pcapng_logtype, "PCAPNG: " fmt "\n", ##__VA_ARGS__)

/* Take the (wall clock, TSC) base of all timestamps, once a process. */
void pcapng_clock_init(void);

/* TSC cycles to nanoseconds since the epoch; pcapng_clock_init() first. */
uint64_t pcapng_cycles_to_ns(uint64_t cycles);

#endif /* _PCAPNG_PRIVATE_H_ */
