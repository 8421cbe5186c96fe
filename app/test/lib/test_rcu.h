/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the suites that use QSBR (rcu, hash, lpm). */
#ifndef _TEST_RCU_H_
#define _TEST_RCU_H_

#include <stdint.h>

#include <rte_malloc.h>
#include <rte_rcu_qsbr.h>

/* An initialised QS variable for max_threads readers (rte_free it), or NULL. */
static inline struct rte_rcu_qsbr *
test_rcu_qsbr_make(uint32_t max_threads)
{
	struct rte_rcu_qsbr *v = rte_zmalloc("test_qsbr", rte_rcu_qsbr_get_memsize(max_threads),
					     RTE_CACHE_LINE_SIZE);

	if (v != NULL && rte_rcu_qsbr_init(v, max_threads) != 0) {
		rte_free(v);
		v = NULL;
	}
	return v;
}

#endif
