/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the lpm suite's files. */
#ifndef _TEST_LPM_H_
#define _TEST_LPM_H_

#include <stdint.h>

#include <rte_lpm.h>

#define IPV4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

/* A table on SOCKET_ID_ANY; NULL with rte_errno on failure. */
struct rte_lpm *test_lpm_make(const char *name, uint32_t max_rules, uint32_t tbl8s);
/* The next hop rte_lpm_lookup gives for ip, or -1 for no match. */
long test_lpm_hop(const struct rte_lpm *lpm, uint32_t ip);

/* test_lpm_rcu.c */
int test_lpm_rcu_args(void);
int test_lpm_rcu_dq(void);
int test_lpm_rcu_delete_all(void);
int test_lpm_rcu_sync(void);

#endif
