/* SPDX-License-Identifier: BSD-3-Clause */
/* Page mappings in OS-neutral terms, over mmap(2), munmap(2) and mlock(2). */
#ifndef _RTE_EAL_PAGING_H_
#define _RTE_EAL_PAGING_H_

#include <stddef.h>
#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Access to mapped memory (an OR of these). */
enum rte_mem_prot {
	RTE_PROT_READ = 1 << 0,
	RTE_PROT_WRITE = 1 << 1,
	RTE_PROT_EXECUTE = 1 << 2,
};

/* Kind of mapping; exactly one of SHARED and PRIVATE. */
enum rte_map_flags {
	RTE_MAP_SHARED = 1 << 0,	/* writes reach the file and other mappers */
	RTE_MAP_ANONYMOUS = 1 << 1,	/* no file: fd is ignored */
	RTE_MAP_PRIVATE = 1 << 2,	/* copy on write */
	RTE_MAP_FORCE_ADDRESS = 1 << 3, /* at requested_addr, replacing what is there */
};

/*
 * Map size bytes of fd from offset (or anonymous memory) with prot
 * (RTE_PROT_*) and flags (RTE_MAP_*), at requested_addr if not NULL (a
 * hint unless RTE_MAP_FORCE_ADDRESS). Returns the address, or NULL with
 * rte_errno set: EINVAL (neither or both of SHARED and PRIVATE, unknown
 * bits) or mmap(2)'s errno.
 */
void *rte_mem_map(void *requested_addr, size_t size, int prot, int flags, int fd, uint64_t offset);

/* Unmap [virt, virt + size). Returns 0, or -1 with rte_errno set (munmap(2)'s errno). */
int rte_mem_unmap(void *virt, size_t size);

/* The system page size in bytes. Cannot fail. */
size_t rte_mem_page_size(void);

/*
 * Keep the pages of [virt, virt + size) in memory. Returns 0, or -1 with
 * rte_errno set (mlock(2)'s errno, e.g. ENOMEM over RLIMIT_MEMLOCK).
 */
int rte_mem_lock(const void *virt, size_t size);

#ifdef __cplusplus
}
#endif

#endif
