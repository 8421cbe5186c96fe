/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What both FIB data planes share: writing runs of entries of any size, and
 * the pool of groups of 256 entries that longer prefixes take.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "fib_private.h"

void
fib_entries_fill(void *tbl, size_t i, size_t n, unsigned int sz_shift, uint64_t v)
{
	size_t end = i + n;

	switch (sz_shift) {
	case 0:
		memset((uint8_t *)tbl + i, (int)v, n);
		break;
	case 1:
		for (; i < end; i++)
			((uint16_t *)tbl)[i] = (uint16_t)v;
		break;
	case 2:
		for (; i < end; i++)
			((uint32_t *)tbl)[i] = (uint32_t)v;
		break;
	default:
		for (; i < end; i++)
			((uint64_t *)tbl)[i] = v;
		break;
	}
}

int
fib_tables_check(const char *kind, const char *name, unsigned int sz_shift, uint32_t num_tbl8,
		 uint64_t default_nh)
{
	uint64_t max_nh = fib_max_nh(sz_shift);

	if (num_tbl8 == 0 || num_tbl8 > max_nh) {
		RTE_LOG(ERR, LPM,
			"%s %s: num_tbl8 %u is invalid; give 1 to %" PRIu64
			" groups for this nh_sz\n",
			kind, name, num_tbl8, max_nh);
		return -EINVAL;
	}
	if (default_nh > max_nh) {
		RTE_LOG(ERR, LPM,
			"%s %s: default_nh %" PRIu64 " is above %" PRIu64
			", the largest this nh_sz holds; use a larger nh_sz\n",
			kind, name, default_nh, max_nh);
		return -EINVAL;
	}
	return 0;
}

int
fib_tables_init(void **tbl24, struct fib_groups *g, uint32_t n, unsigned int sz_shift,
		uint64_t default_nh, int socket_id, const char *kind, const char *name)
{
	uint32_t i;

	memset(g, 0, sizeof(*g));
	*tbl24 = rte_malloc_socket("FIB_TBL24", (size_t)DIR24_8_TBL24_ENTRIES << sz_shift,
				   RTE_CACHE_LINE_SIZE, socket_id);
	g->tbl8 = rte_zmalloc_socket("FIB_TBL8", ((size_t)n * DIR24_8_GROUP_ENTRIES) << sz_shift,
				     RTE_CACHE_LINE_SIZE, socket_id);
	g->free = rte_malloc_socket("FIB_TBL8_FREE", (size_t)n * sizeof(uint32_t), 0, socket_id);
	if (*tbl24 == NULL || g->tbl8 == NULL || g->free == NULL) {
		fib_tables_fini(tbl24, g);
		RTE_LOG(ERR, LPM,
			"%s %s: no memory for the tables on socket %d; "
			"use a smaller nh_sz or num_tbl8, or give the EAL more memory\n",
			kind, name, socket_id);
		return -ENOMEM;
	}
	fib_entries_fill(*tbl24, 0, DIR24_8_TBL24_ENTRIES, sz_shift, default_nh << 1);
	g->n = n;
	g->sz_shift = sz_shift;
	/* group 0 is handed out first */
	for (i = 0; i < n; i++)
		g->free[i] = n - 1 - i;
	g->free_count = n;
	return 0;
}

void
fib_tables_fini(void **tbl24, struct fib_groups *g)
{
	rte_free(*tbl24);
	*tbl24 = NULL;
	rte_free(g->tbl8);
	rte_free(g->free);
	memset(g, 0, sizeof(*g));
}

uint64_t
fib_groups_take(struct fib_groups *g, uint64_t e)
{
	uint32_t n = g->free[--g->free_count];

	fib_entries_fill(g->tbl8, (size_t)n * DIR24_8_GROUP_ENTRIES, DIR24_8_GROUP_ENTRIES,
			 g->sz_shift, e);
	/*
	 * The group is whole before a lookup can reach it: its entries are
	 * stored before the caller stores the tbl24 entry that points here
	 * (store-store order, which x86 keeps; the barrier keeps the compiler
	 * from reordering, and builds under ThreadSanitizer too).
	 */
	rte_smp_wmb();
	return (uint64_t)n << 1 | 1;
}

uint64_t
fib_groups_fold(struct fib_groups *g, uint64_t ext)
{
	uint32_t n = (uint32_t)(ext >> 1);

	g->free[g->free_count++] = n;
	return fib_entry_get(g->tbl8, (size_t)n * DIR24_8_GROUP_ENTRIES, g->sz_shift);
}
