/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_RANDOM_H_
#define _RTE_RANDOM_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Seed the generator of every lcore (and of non-lcore threads) from seedval. No rte_errno. */
void rte_srand(uint64_t seedval);
/*
 * A pseudo-random 64-bit number (not cryptographic); lock-free on lcores,
 * under a lock on other threads. Cannot fail; rte_errno is not set.
 */
uint64_t rte_rand(void);
/* A number uniform in [0, upper_bound), 0 when upper_bound is 0 or 1. No rte_errno. */
uint64_t rte_rand_max(uint64_t upper_bound);
/* A double uniform in [0, 1) (53 random bits). Cannot fail; rte_errno is not set. */
double rte_drand(void);

#ifdef __cplusplus
}
#endif

#endif
