/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_RANDOM_H_
#define _RTE_RANDOM_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Seed the generator of every lcore. */
void rte_srand(uint64_t seedval);
/* A pseudo-random 64-bit number (not cryptographic); lock-free per lcore. */
uint64_t rte_rand(void);
/* Uniform in [0, upper_bound); 0 when upper_bound is 0. */
uint64_t rte_rand_max(uint64_t upper_bound);
/* Uniform double in [0, 1). */
double rte_drand(void);

#ifdef __cplusplus
}
#endif

#endif
