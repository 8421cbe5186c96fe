/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory segments, IOVA translation and memory events (DPDK 22.11 API).
 *
 * All EAL memory lives in one virtual window reserved at start-up. The
 * window is cut into memseg lists, one per NUMA socket and page size; a
 * list's pages (memsegs) are mapped on demand and each records its IOVA.
 */
#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>

#include <rte_config.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* I/O virtual address: what a device puts on the bus for DMA. */
typedef uint64_t rte_iova_t;
typedef uint64_t phys_addr_t;
#ifndef RTE_BAD_IOVA
#define RTE_BAD_IOVA ((rte_iova_t)-1)
#endif
#ifndef RTE_BAD_PHYS_ADDR
#define RTE_BAD_PHYS_ADDR ((phys_addr_t)-1)
#endif

#define RTE_PGSIZE_4K   (1ULL << 12)
#define RTE_PGSIZE_64K  (1ULL << 16)
#define RTE_PGSIZE_256K (1ULL << 18)
#define RTE_PGSIZE_2M   (1ULL << 21)
#define RTE_PGSIZE_16M  (1ULL << 24)
#define RTE_PGSIZE_256M (1ULL << 28)
#define RTE_PGSIZE_512M (1ULL << 29)
#define RTE_PGSIZE_1G   (1ULL << 30)
#define RTE_PGSIZE_4G   (1ULL << 32)
#define RTE_PGSIZE_16G  (1ULL << 34)

#ifndef SOCKET_ID_ANY
#define SOCKET_ID_ANY (-1)
#endif

/* Segment preallocated at start-up (-m, --socket-mem): never given back. */
#define RTE_MEMSEG_FLAG_DO_NOT_FREE (1U << 0)
/* Segment may hold stale data (was not zeroed by the kernel). */
#define RTE_MEMSEG_FLAG_DIRTY (1U << 1)

/* One page of EAL memory. */
struct rte_memseg {
	rte_iova_t iova;		/* start IO address */
	RTE_STD_C11
	union {
		void *addr;		/* start virtual address */
		uint64_t addr_64;
	};
	size_t len;			/* length of the segment */
	uint64_t hugepage_sz;		/* page size of the backing memory */
	int32_t socket_id;		/* NUMA socket */
	uint32_t nchannel;
	uint32_t nrank;
	uint32_t flags;			/* RTE_MEMSEG_FLAG_* */
} __rte_packed;

/*
 * A range of the VA window holding pages of one size on one socket.
 * DPDK keeps the segments in an rte_fbarray; Sluice keeps a plain table
 * (memsegs[i] covers base_va + i * page_sz; unmapped ones have addr NULL).
 */
struct rte_memseg_list {
	RTE_STD_C11
	union {
		void *base_va;		/* start of this list's VA range */
		uint64_t addr_64;
	};
	uint64_t page_sz;		/* page size of every segment */
	int socket_id;			/* NUMA socket of every segment */
	volatile uint32_t version;	/* bumped on each change */
	size_t len;			/* length of the VA range */
	unsigned int external;		/* 1 if external memory */
	unsigned int heap;		/* 1 if the malloc heap uses it */
	struct rte_memseg *memsegs;	/* len / page_sz entries */
	unsigned int n_segs;		/* entries in memsegs */
	unsigned int n_mapped;		/* entries currently mapped */
};

/* Lock the page holding virt in memory; 0 or -1. */
int rte_mem_lock_page(const void *virt);

/* Physical address of virt, RTE_BAD_IOVA if unknown (not root). */
phys_addr_t rte_mem_virt2phy(const void *virt);

/* IOVA of virt (its VA in IOVA-as-VA mode), RTE_BAD_IOVA if unknown. */
rte_iova_t rte_mem_virt2iova(const void *virt);

/* Virtual address of an IOVA in EAL memory, NULL if none. */
void *
rte_mem_iova2virt(rte_iova_t iova);

/* The memseg holding virt (in msl, or any list when msl is NULL), or NULL. */
struct rte_memseg *
rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl);

/* The memseg list whose VA range holds virt, or NULL. */
struct rte_memseg_list *
rte_mem_virt2memseg_list(const void *virt);

typedef int (*rte_memseg_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, void *arg);
typedef int (*rte_memseg_contig_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, size_t len, void *arg);
typedef int (*rte_memseg_list_walk_t)(const struct rte_memseg_list *msl,
		void *arg);

/*
 * Walks call func for each mapped segment (or VA-contiguous run of them,
 * or list) until it returns nonzero: 1 stops the walk and is returned, -1
 * stops it and -1 is returned. 0 when the walk completed.
 */
int
rte_memseg_walk(rte_memseg_walk_t func, void *arg);
int
rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg);
int
rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg);
/* The same without taking the memory lock (for use inside memory events). */
int
rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg);
int
rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg);
int
rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg);

/*
 * File descriptor backing a segment (memfd or hugetlbfs file); -1 with
 * rte_errno EINVAL (bad segment) or ENODEV (no fd).
 */
int
rte_memseg_get_fd(const struct rte_memseg *ms);
int
rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms);
/* Offset of the segment in that file; 0, or -1 with rte_errno as above. */
int
rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset);
int
rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms,
		size_t *offset);

/* Print every mapped segment. */
void rte_dump_physmem_layout(FILE *f);

/* Bytes of EAL memory currently mapped. */
uint64_t rte_eal_get_physmem_size(void);

unsigned rte_memory_get_nchannel(void);
unsigned rte_memory_get_nrank(void);

/* 0 if every segment's IOVA fits in maskbits bits, else -1. */
int rte_mem_check_dma_mask(uint8_t maskbits);
int rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits);
/* Record a DMA mask that future memory must fit. */
void rte_mem_set_dma_mask(uint8_t maskbits);

/* 1 if physical addresses can be read (root, pagemap), else 0. */
int rte_eal_using_phys_addrs(void);

enum rte_mem_event {
	RTE_MEM_EVENT_ALLOC = 0,	/* memory was mapped */
	RTE_MEM_EVENT_FREE,		/* memory is about to be unmapped */
};

#define RTE_MEM_EVENT_CALLBACK_NAME_LEN 64

/*
 * Called with the memory lock held, after memory is added or before it is
 * removed: use only the *_thread_unsafe walks in it and never allocate.
 */
typedef void (*rte_mem_event_callback_t)(enum rte_mem_event event_type,
		const void *addr, size_t len, void *arg);

/*
 * 0, or -1 with rte_errno EINVAL (NULL name or clb), ENAMETOOLONG, EEXIST
 * (same name and arg registered), ENOMEM.
 */
int
rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb,
		void *arg);
/* 0, or -1 with rte_errno EINVAL or ENOENT. */
int
rte_mem_event_callback_unregister(const char *name, void *arg);

#define RTE_MEM_ALLOC_VALIDATOR_NAME_LEN 64

typedef int (*rte_mem_alloc_validator_t)(int socket_id,
		size_t cur_limit, size_t new_len);

/*
 * Called before memory on socket_id grows past limit; a negative return
 * refuses the growth. 0, or -1 with rte_errno EINVAL, ENAMETOOLONG,
 * EEXIST, ENOMEM.
 */
int
rte_mem_alloc_validator_register(const char *name,
		rte_mem_alloc_validator_t clb, int socket_id, size_t limit);
int
rte_mem_alloc_validator_unregister(const char *name, int socket_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
