/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Two-level bitmap over caller memory, for finding set bits fast in a
 * large, sparse set (schedulers keep their active queues in one).
 *
 * array2 holds the bits themselves. array1 has one bit per cache line of
 * array2, set while that line has any bit set, so a scan skips empty
 * lines by reading array1 only. rte_bitmap_scan() hands out one 64-bit
 * slab of array2 at a time, resuming where the previous call stopped and
 * wrapping at the end, so repeated scans visit every set slab in turn.
 *
 * Not thread safe: one thread uses a bitmap at a time. All inline.
 */
#ifndef _RTE_BITMAP_H_
#define _RTE_BITMAP_H_

#include <stdint.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_config.h>
#include <rte_prefetch.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A slab: the 64-bit word the bitmap is read and written in. */
#define RTE_BITMAP_SLAB_BIT_SIZE 64
#define RTE_BITMAP_SLAB_BIT_SIZE_LOG2 6
#define RTE_BITMAP_SLAB_BIT_MASK (RTE_BITMAP_SLAB_BIT_SIZE - 1)

/* A cache line of array2, summarized by one bit of array1. */
#define RTE_BITMAP_CL_BIT_SIZE (RTE_CACHE_LINE_SIZE * 8)
#define RTE_BITMAP_CL_BIT_SIZE_LOG2 (RTE_CACHE_LINE_SIZE_LOG2 + 3)
#define RTE_BITMAP_CL_BIT_MASK (RTE_BITMAP_CL_BIT_SIZE - 1)
#define RTE_BITMAP_CL_SLAB_SIZE (RTE_BITMAP_CL_BIT_SIZE / RTE_BITMAP_SLAB_BIT_SIZE)
#define RTE_BITMAP_CL_SLAB_SIZE_LOG2 (RTE_BITMAP_CL_BIT_SIZE_LOG2 - RTE_BITMAP_SLAB_BIT_SIZE_LOG2)
#define RTE_BITMAP_CL_SLAB_MASK (RTE_BITMAP_CL_SLAB_SIZE - 1)

struct rte_bitmap {
	uint64_t *array1;     /* one bit per array2 cache line */
	uint64_t *array2;     /* the bits */
	uint32_t array1_size; /* slabs of array1 (a power of 2) */
	uint32_t array2_size; /* slabs of array2 (whole cache lines) */
	/* Scan position: the array2 line of bit offset1 of array1 slab
	 * index1; index2 the next array2 slab to read; go2 nonzero while
	 * index2 is still inside that line. */
	uint32_t index1;
	uint32_t offset1;
	uint32_t index2;
	uint32_t go2;
	uint8_t memory[];
};

/* Where the parts go in n_bits' memory block, and its total size in bytes. */
static inline uint32_t
__rte_bitmap_get_memory_footprint(uint32_t n_bits, uint32_t *array1_byte_offset,
				  uint32_t *array1_slabs, uint32_t *array2_byte_offset,
				  uint32_t *array2_slabs)
{
	const uint32_t slab_bytes = RTE_BITMAP_SLAB_BIT_SIZE / 8;
	uint32_t lines2 = (uint32_t)(((uint64_t)n_bits + RTE_BITMAP_CL_BIT_SIZE - 1) /
				     RTE_BITMAP_CL_BIT_SIZE);
	uint32_t slabs1 =
		rte_align32pow2((lines2 + RTE_BITMAP_SLAB_BIT_SIZE - 1) / RTE_BITMAP_SLAB_BIT_SIZE);
	uint32_t ctx_slabs = (sizeof(struct rte_bitmap) + slab_bytes - 1) / slab_bytes;
	uint32_t lines1 =
		(ctx_slabs + slabs1 + RTE_BITMAP_CL_SLAB_SIZE - 1) / RTE_BITMAP_CL_SLAB_SIZE;

	if (array1_byte_offset != NULL)
		*array1_byte_offset = ctx_slabs * slab_bytes;
	if (array1_slabs != NULL)
		*array1_slabs = slabs1;
	if (array2_byte_offset != NULL)
		*array2_byte_offset = lines1 * RTE_CACHE_LINE_SIZE;
	if (array2_slabs != NULL)
		*array2_slabs = lines2 * RTE_BITMAP_CL_SLAB_SIZE;
	return (lines1 + lines2) * RTE_CACHE_LINE_SIZE;
}

/* Point the scan before the first line, so that the next scan starts at bit 0. */
static inline void
__rte_bitmap_scan_init(struct rte_bitmap *bmp)
{
	bmp->index1 = bmp->array1_size - 1;
	bmp->offset1 = RTE_BITMAP_SLAB_BIT_SIZE - 1;
	bmp->index2 = 0;
	bmp->go2 = 0;
}

/*
 * Bytes of cache-aligned memory a bitmap of n_bits needs (its header
 * included), or 0 for n_bits 0.
 */
static inline uint32_t
rte_bitmap_get_memory_footprint(uint32_t n_bits)
{
	if (n_bits == 0)
		return 0;
	return __rte_bitmap_get_memory_footprint(n_bits, NULL, NULL, NULL, NULL);
}

static inline struct rte_bitmap *
__rte_bitmap_setup(uint32_t n_bits, uint8_t *mem, uint32_t mem_size)
{
	uint32_t off1, slabs1, off2, slabs2, size;
	struct rte_bitmap *bmp;

	if (n_bits == 0 || mem == NULL || ((uintptr_t)mem & RTE_CACHE_LINE_MASK) != 0)
		return NULL;
	size = __rte_bitmap_get_memory_footprint(n_bits, &off1, &slabs1, &off2, &slabs2);
	if (size > mem_size)
		return NULL;
	memset(mem, 0, size);
	bmp = (struct rte_bitmap *)mem;
	bmp->array1 = (uint64_t *)&mem[off1];
	bmp->array1_size = slabs1;
	bmp->array2 = (uint64_t *)&mem[off2];
	bmp->array2_size = slabs2;
	__rte_bitmap_scan_init(bmp);
	return bmp;
}

/*
 * Make an empty bitmap of n_bits in mem (cache-line aligned, at least
 * rte_bitmap_get_memory_footprint(n_bits) bytes). Returns the bitmap (at
 * mem), or NULL for n_bits 0, a NULL or misaligned mem, or mem_size too
 * small. rte_errno is not set.
 */
static inline struct rte_bitmap *
rte_bitmap_init(uint32_t n_bits, uint8_t *mem, uint32_t mem_size)
{
	return __rte_bitmap_setup(n_bits, mem, mem_size);
}

/* Set bits [0, n) of a table of slabs, clearing the rest of its size. */
static inline void
__rte_bitmap_fill_slabs(uint64_t *slabs, uint32_t slab_count, uint32_t n)
{
	uint32_t full = n / RTE_BITMAP_SLAB_BIT_SIZE;

	memset(slabs, 0xff, (size_t)full * sizeof(slabs[0]));
	if (n & RTE_BITMAP_SLAB_BIT_MASK)
		slabs[full++] = (1ULL << (n & RTE_BITMAP_SLAB_BIT_MASK)) - 1;
	if (full < slab_count)
		memset(&slabs[full], 0, (size_t)(slab_count - full) * sizeof(slabs[0]));
}

/* As rte_bitmap_init(), with bits 0 to n_bits - 1 set. Same errors. */
static inline struct rte_bitmap *
rte_bitmap_init_with_all_set(uint32_t n_bits, uint8_t *mem, uint32_t mem_size)
{
	struct rte_bitmap *bmp = __rte_bitmap_setup(n_bits, mem, mem_size);

	if (bmp == NULL)
		return NULL;
	__rte_bitmap_fill_slabs(bmp->array2, bmp->array2_size, n_bits);
	__rte_bitmap_fill_slabs(bmp->array1, bmp->array1_size,
				bmp->array2_size >> RTE_BITMAP_CL_SLAB_SIZE_LOG2);
	return bmp;
}

/* The memory belongs to the caller: nothing to free. Returns 0, or -1 for NULL. */
static inline int
rte_bitmap_free(struct rte_bitmap *bmp)
{
	return bmp == NULL ? -1 : 0;
}

/* Clear every bit and restart the scan. */
static inline void
rte_bitmap_reset(struct rte_bitmap *bmp)
{
	memset(bmp->array1, 0, bmp->array1_size * sizeof(uint64_t));
	memset(bmp->array2, 0, bmp->array2_size * sizeof(uint64_t));
	__rte_bitmap_scan_init(bmp);
}

/* Prefetch the slab holding bit pos. */
static inline void
rte_bitmap_prefetch0(struct rte_bitmap *bmp, uint32_t pos)
{
	rte_prefetch0(bmp->array2 + (pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2));
}

/* Nonzero if bit pos is set (the bit's value within its slab), else 0. pos < n_bits. */
static inline uint64_t
rte_bitmap_get(struct rte_bitmap *bmp, uint32_t pos)
{
	return bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] &
	       (1ULL << (pos & RTE_BITMAP_SLAB_BIT_MASK));
}

/* Mark the array2 line holding bit pos as not empty. */
static inline void
__rte_bitmap_line_mark(struct rte_bitmap *bmp, uint32_t pos)
{
	uint32_t line = pos >> RTE_BITMAP_CL_BIT_SIZE_LOG2;

	bmp->array1[line >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] |= 1ULL
							      << (line & RTE_BITMAP_SLAB_BIT_MASK);
}

/* Set bit pos. pos < n_bits. */
static inline void
rte_bitmap_set(struct rte_bitmap *bmp, uint32_t pos)
{
	bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] |= 1ULL
							     << (pos & RTE_BITMAP_SLAB_BIT_MASK);
	__rte_bitmap_line_mark(bmp, pos);
}

/* OR slab into the slab holding bit pos (pos is rounded down to a multiple of 64). */
static inline void
rte_bitmap_set_slab(struct rte_bitmap *bmp, uint32_t pos, uint64_t slab)
{
	if (slab == 0)
		return;
	bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] |= slab;
	__rte_bitmap_line_mark(bmp, pos);
}

/* Nonzero if any slab of the array2 line starting at slab2 has a bit set. */
static inline uint64_t
__rte_bitmap_line_not_empty(const uint64_t *slab2)
{
	uint64_t any = 0;

	for (uint32_t i = 0; i < RTE_BITMAP_CL_SLAB_SIZE; i++)
		any |= slab2[i];
	return any;
}

/* Clear bit pos; the line's array1 bit goes when the line empties. pos < n_bits. */
static inline void
rte_bitmap_clear(struct rte_bitmap *bmp, uint32_t pos)
{
	uint32_t index2 = pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2;
	uint32_t line = pos >> RTE_BITMAP_CL_BIT_SIZE_LOG2;

	bmp->array2[index2] &= ~(1ULL << (pos & RTE_BITMAP_SLAB_BIT_MASK));
	if (bmp->array2[index2] != 0 ||
	    __rte_bitmap_line_not_empty(bmp->array2 + (index2 & ~RTE_BITMAP_CL_SLAB_MASK)))
		return;
	bmp->array1[line >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] &=
		~(1ULL << (line & RTE_BITMAP_SLAB_BIT_MASK));
}

/* Next nonzero slab of the current line, if any is left in it. */
static inline int
__rte_bitmap_scan_read(struct rte_bitmap *bmp, uint32_t *pos, uint64_t *slab)
{
	while (bmp->go2) {
		uint64_t v = bmp->array2[bmp->index2];
		uint32_t at = bmp->index2;

		bmp->index2++;
		bmp->go2 = bmp->index2 & RTE_BITMAP_CL_SLAB_MASK;
		if (v != 0) {
			*pos = at << RTE_BITMAP_SLAB_BIT_SIZE_LOG2;
			*slab = v;
			return 1;
		}
	}
	return 0;
}

/* Move to the next line with bits, after the current one, wrapping once. */
static inline int
__rte_bitmap_scan_search(struct rte_bitmap *bmp)
{
	uint64_t above = bmp->offset1 == RTE_BITMAP_SLAB_BIT_MASK
				 ? 0
				 : bmp->array1[bmp->index1] & (~0ULL << (bmp->offset1 + 1));

	if (rte_bsf64_safe(above, &bmp->offset1))
		goto found;
	/* the other slabs, then the current one again from bit 0 */
	for (uint32_t i = 0; i < bmp->array1_size; i++) {
		bmp->index1 = (bmp->index1 + 1) & (bmp->array1_size - 1);
		if (rte_bsf64_safe(bmp->array1[bmp->index1], &bmp->offset1))
			goto found;
	}
	return 0;
found:
	bmp->index2 = ((bmp->index1 << RTE_BITMAP_SLAB_BIT_SIZE_LOG2) + bmp->offset1)
		      << RTE_BITMAP_CL_SLAB_SIZE_LOG2;
	bmp->go2 = 1;
	return 1;
}

/*
 * Find the next slab with a bit set, resuming after the one the previous
 * call returned and wrapping around. Returns 1 with *pos the position of
 * the slab's bit 0 (a multiple of 64) and *slab its bits, or 0 when no
 * bit is set.
 */
static inline int
rte_bitmap_scan(struct rte_bitmap *bmp, uint32_t *pos, uint64_t *slab)
{
	if (__rte_bitmap_scan_read(bmp, pos, slab))
		return 1;
	if (__rte_bitmap_scan_search(bmp))
		return __rte_bitmap_scan_read(bmp, pos, slab);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif
