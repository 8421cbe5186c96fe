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

/*
 * Lock the (system-size) page holding virt in memory with mlock. Returns 0,
 * or -1 with rte_errno set to mlock's errno (ENOMEM: not mapped, EPERM or
 * EAGAIN: over the locked-memory limit).
 */
int rte_mem_lock_page(const void *virt);

/*
 * The physical address of virt, read from /proc/self/pagemap; RTE_BAD_PHYS_ADDR
 * when physical addresses are not available (not root) or virt is not mapped.
 * rte_errno is not set.
 */
phys_addr_t rte_mem_virt2phy(const void *virt);

/*
 * The IOVA of virt: virt itself in IOVA-as-VA mode, else its physical address
 * (RTE_BAD_IOVA when that is unknown). rte_errno is not set.
 */
rte_iova_t rte_mem_virt2iova(const void *virt);

/*
 * The virtual address of iova: iova itself in IOVA-as-VA mode, else the
 * address in the mapped EAL segment that holds it, NULL if none does.
 * rte_errno is not set.
 */
void *
rte_mem_iova2virt(rte_iova_t iova);

/*
 * The mapped memseg holding virt, looked up in msl (in the list holding virt
 * when msl is NULL). NULL when virt is outside that list or its page is not
 * mapped. rte_errno is not set.
 */
struct rte_memseg *
rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl);

/* The memseg list whose VA range holds virt, or NULL if none. rte_errno is not set. */
struct rte_memseg_list *
rte_mem_virt2memseg_list(const void *virt);

/* Called for each mapped segment ms of list msl; see rte_memseg_walk for its return. */
typedef int (*rte_memseg_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, void *arg);
/* Called for each run of len bytes of VA-contiguous segments starting at ms. */
typedef int (*rte_memseg_contig_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, size_t len, void *arg);
/* Called for each memseg list msl. */
typedef int (*rte_memseg_list_walk_t)(const struct rte_memseg_list *msl,
		void *arg);

/*
 * Call func(msl, ms, arg) for each mapped segment, under the memory lock,
 * until func returns nonzero. Returns 0 when every segment was visited, 1
 * when func stopped the walk with a positive value, -1 when it returned a
 * negative one. rte_errno is not set (func may set it).
 */
int
rte_memseg_walk(rte_memseg_walk_t func, void *arg);
/*
 * As rte_memseg_walk, once for each run of VA-contiguous mapped segments
 * (func gets the first one and the run's length). Same returns.
 */
int
rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg);
/* As rte_memseg_walk, once for each memseg list. Same returns. */
int
rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg);
/*
 * rte_memseg_walk without taking the memory lock, for memory event callbacks
 * (which run with it held). Same returns.
 */
int
rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg);
/* rte_memseg_contig_walk without taking the memory lock. Same returns. */
int
rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg);
/* rte_memseg_list_walk without taking the memory lock. Same returns. */
int
rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg);

/*
 * The file descriptor backing segment ms (memfd or hugetlbfs file), shared by
 * its whole list; the caller must not close it. Returns the fd, or -1 with
 * rte_errno EINVAL when ms is NULL or not a mapped EAL segment, ENODEV when
 * the memory has no file (--no-huge).
 */
int
rte_memseg_get_fd(const struct rte_memseg *ms);
/* rte_memseg_get_fd without taking the memory lock. Same returns. */
int
rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms);
/*
 * Store in *offset where segment ms starts in its backing file. Returns 0,
 * or -1 with rte_errno EINVAL (ms as for rte_memseg_get_fd, or offset NULL)
 * or ENODEV (no file).
 */
int
rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset);
/* rte_memseg_get_fd_offset without taking the memory lock. Same returns. */
int
rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms,
		size_t *offset);

/* Print every mapped segment to f. Returns nothing; rte_errno is not set. */
void rte_dump_physmem_layout(FILE *f);

/* The number of bytes of EAL memory currently mapped. No rte_errno. */
uint64_t rte_eal_get_physmem_size(void);

/* Always 0: the number of memory channels is not known. No rte_errno. */
unsigned rte_memory_get_nchannel(void);
/* Always 0: the number of memory ranks is not known. No rte_errno. */
unsigned rte_memory_get_nrank(void);

/*
 * Check that every mapped segment's IOVA range fits in maskbits bits; if so
 * and maskbits is narrower than the recorded mask (or none is), record it.
 * Returns 0 when all fit, 1 when a segment does not, -1 (logged) when
 * maskbits is above 63. rte_errno is not set.
 */
int rte_mem_check_dma_mask(uint8_t maskbits);
/* rte_mem_check_dma_mask without taking the memory lock. Same returns. */
int rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits);
/*
 * Record maskbits as the DMA mask (kept for DPDK compatibility; memory is
 * placed for the IOMMU's ranges, not checked against it when it grows).
 * Returns nothing; rte_errno is not set.
 */
void rte_mem_set_dma_mask(uint8_t maskbits);

/* 1 if physical addresses can be read (root, pagemap), else 0. No rte_errno. */
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
 * Call clb(event, addr, len, arg) each time EAL memory is mapped or about to
 * be unmapped; name identifies the registration together with arg. Returns
 * 0, or -1 with rte_errno EINVAL (name or clb NULL, name empty), ENAMETOOLONG
 * (name of RTE_MEM_EVENT_CALLBACK_NAME_LEN characters or more), EEXIST (name
 * and arg already registered) or ENOMEM (no free slot).
 */
int
rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb,
		void *arg);
/*
 * Remove the callback registered with name and arg. Returns 0, or -1 with
 * rte_errno EINVAL (name NULL or empty), ENAMETOOLONG (name too long) or
 * ENOENT (no such registration).
 */
int
rte_mem_event_callback_unregister(const char *name, void *arg);

#define RTE_MEM_ALLOC_VALIDATOR_NAME_LEN 64

/*
 * Asked before memory on socket_id grows past cur_limit to new_len bytes;
 * a negative return refuses the growth, anything else allows it.
 */
typedef int (*rte_mem_alloc_validator_t)(int socket_id,
		size_t cur_limit, size_t new_len);

/*
 * Have clb asked before memory on socket_id grows past limit bytes. Returns
 * 0, or -1 with rte_errno EINVAL (clb or name NULL, name empty, socket_id
 * out of range), ENAMETOOLONG (name of RTE_MEM_ALLOC_VALIDATOR_NAME_LEN
 * characters or more), EEXIST (name already registered on socket_id) or
 * ENOMEM (no free slot).
 */
int
rte_mem_alloc_validator_register(const char *name,
		rte_mem_alloc_validator_t clb, int socket_id, size_t limit);
/*
 * Remove the validator name of socket_id. Returns 0, or -1 with rte_errno
 * EINVAL (name NULL or empty, socket_id out of range), ENAMETOOLONG or ENOENT
 * (no such validator).
 */
int
rte_mem_alloc_validator_unregister(const char *name, int socket_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
