/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memzones (DPDK 22.11 API): named, never-moving blocks of EAL memory that
 * libraries and drivers share by name (rings, descriptor rings, pools).
 */
#ifndef _RTE_MEMZONE_H_
#define _RTE_MEMZONE_H_

#include <stdio.h>

#include <rte_memory.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MEMZONE_2MB            0x00000001	/* use 2MB pages */
#define RTE_MEMZONE_1GB            0x00000002	/* use 1GB pages */
#define RTE_MEMZONE_16MB           0x00000100	/* use 16MB pages */
#define RTE_MEMZONE_16GB           0x00000200	/* use 16GB pages */
#define RTE_MEMZONE_256KB          0x00010000	/* use 256KB pages */
#define RTE_MEMZONE_256MB          0x00020000	/* use 256MB pages */
#define RTE_MEMZONE_512MB          0x00040000	/* use 512MB pages */
#define RTE_MEMZONE_4GB            0x00080000	/* use 4GB pages */
#define RTE_MEMZONE_SIZE_HINT_ONLY 0x00000004	/* page size is a hint only */
#define RTE_MEMZONE_IOVA_CONTIG    0x00100000	/* IOVA-contiguous memory */

struct rte_memzone {

#define RTE_MEMZONE_NAMESIZE 32	/* longest name, terminating NUL included */
	char name[RTE_MEMZONE_NAMESIZE];
	rte_iova_t iova;		/* start IO address */
	RTE_STD_C11
	union {
		void *addr;		/* start virtual address */
		uint64_t addr_64;
	};
	size_t len;			/* length of the memzone */
	uint64_t hugepage_sz;		/* page size of the backing memory */
	int32_t socket_id;		/* NUMA socket */
	uint32_t flags;			/* characteristics of this memzone */
} __rte_packed;

/*
 * Reserve len bytes (rounded up to a cache line; 0: the largest free block)
 * of zeroed memory named name on socket_id (or SOCKET_ID_ANY; ignored
 * without hugepages), cache-line aligned. flags are RTE_MEMZONE_* page-size
 * and IOVA_CONTIG requests. Returns the memzone, or NULL with rte_errno:
 * EINVAL (name NULL, socket_id negative but not SOCKET_ID_ANY, len too
 * large, a flag that is not an RTE_MEMZONE_* one),
 * ENAMETOOLONG (name of RTE_MEMZONE_NAMESIZE characters or more), EEXIST
 * (name in use), ENOSPC (RTE_MAX_MEMZONE memzones exist), ENOMEM (no memory
 * fits, no heap on socket_id, the page size asked is not available, or
 * the EAL is not initialised). E_RTE_NO_CONFIG and E_RTE_SECONDARY, listed
 * by DPDK, never happen here.
 */
const struct rte_memzone *rte_memzone_reserve(const char *name,
					      size_t len, int socket_id,
					      unsigned flags);

/*
 * As rte_memzone_reserve, aligned to align (a power of two; at least a cache
 * line is used). Same returns; rte_errno EINVAL also when align is not a
 * power of two.
 */
const struct rte_memzone *rte_memzone_reserve_aligned(const char *name,
			size_t len, int socket_id,
			unsigned flags, unsigned align);

/*
 * As rte_memzone_reserve_aligned, and not crossing a multiple of bound (a
 * power of two; 0: no bound). Same returns; rte_errno EINVAL also when bound
 * is not a power of two or is below len rounded up to a cache line.
 */
const struct rte_memzone *rte_memzone_reserve_bounded(const char *name,
			size_t len, int socket_id,
			unsigned flags, unsigned align, unsigned bound);

/*
 * Free memzone mz and its memory. Returns 0, or -EINVAL when mz is NULL, not
 * one of the memzones, or not reserved. rte_errno is not set.
 */
int rte_memzone_free(const struct rte_memzone *mz);

/* The memzone named name, or NULL if none (or name is NULL). rte_errno is not set. */
const struct rte_memzone *rte_memzone_lookup(const char *name);

/* Print every reserved memzone to f. Returns nothing; rte_errno is not set. */
void rte_memzone_dump(FILE *f);

/*
 * Call func(mz, arg) for each reserved memzone, under the memzone lock
 * (func must not reserve or free). Returns nothing; rte_errno is not set.
 */
void rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg),
		      void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMZONE_H_ */
