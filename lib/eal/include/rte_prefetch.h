/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

/* Prefetch the cache line at p into all cache levels. A hint only; returns nothing. */
static inline void
rte_prefetch0(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 3);
}

/* Prefetch the cache line at p into L2 and beyond. A hint only; returns nothing. */
static inline void
rte_prefetch1(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 2);
}

/* Prefetch the cache line at p into L3 and beyond. A hint only; returns nothing. */
static inline void
rte_prefetch2(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 1);
}

/*
 * Prefetch the cache line at p for one use, keeping it out of the caches where
 * possible. A hint only; returns nothing.
 */
static inline void
rte_prefetch_non_temporal(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 0);
}

/* Prefetch the cache line at p for writing, into all cache levels. A hint only; returns nothing. */
static inline void
rte_prefetch0_write(const void *p)
{
	__builtin_prefetch(p, 1, 3);
}

/* As rte_prefetch0_write(), into the caches from L2 on. A hint only; returns nothing. */
static inline void
rte_prefetch1_write(const void *p)
{
	__builtin_prefetch(p, 1, 2);
}

/* As rte_prefetch0_write(), into the caches from L3 on. A hint only; returns nothing. */
static inline void
rte_prefetch2_write(const void *p)
{
	__builtin_prefetch(p, 1, 1);
}

/* A hint to move the line at p to a farther cache; does nothing here. Returns nothing. */
static inline void
rte_cldemote(const volatile void *p)
{
	(void)p;
}

#endif
