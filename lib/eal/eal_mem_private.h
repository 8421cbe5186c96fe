/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL memory internals: hugepage discovery, the VA window and its memseg
 * lists, the malloc heaps and the memzones. Never installed.
 */
#ifndef _EAL_MEM_PRIVATE_H_
#define _EAL_MEM_PRIVATE_H_

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_eal.h>
#include <rte_tailq.h>

#include "malloc_heap.h"

/* Without hugepages and without -m, memory may grow up to this much. */
#define EAL_MEM_NO_HUGE_DEFAULT (256ULL << 20)
/* No memseg list covers more than this much VA (keeps the window low). */
#define EAL_MEM_LIST_MAX_LEN (64ULL << 30)
/* The IOVA width a QEMU vIOMMU gives: the whole window must stay below it. */
#define EAL_MEM_VA_LIMIT (1ULL << 39)
/* Where the window is tried first (DPDK's default base address). */
#define EAL_MEM_BASE_HINT 0x100000000ULL

/* What sysfs says about one hugepage size. */
struct eal_huge_size {
	uint64_t page_sz;
	/* pages free now / in the pool, per NUMA node */
	uint64_t free_pages[RTE_MAX_NUMA_NODES];
	uint64_t pool_pages[RTE_MAX_NUMA_NODES];
	uint64_t free_total;		/* free minus reserved, all nodes */
	uint64_t pool_total;
	char mount[PATH_MAX];		/* a hugetlbfs mount of this size, or "" */
};

struct eal_huge_info {
	unsigned int n_sizes;
	struct eal_huge_size sizes[RTE_MAX_HUGEPAGE_SIZES];
	uint64_t default_sz;		/* Hugepagesize in /proc/meminfo */
};

/*
 * One memseg list. It lives in the shared config, so what backs it (an fd
 * number, a path) is kept per process: see eal_mem_list_fd().
 */
struct eal_mem_list {
	struct rte_memseg_list msl;	/* what rte_memseg_* walks show */
	size_t limit;			/* validator limit, SIZE_MAX if none */
	size_t mapped;			/* bytes mapped now */
};

struct eal_mem_config {
	bool initialized;
	bool hugepages;			/* false with --no-huge */
	bool phys_addrs;		/* /proc/self/pagemap gives PFNs */
	enum rte_iova_mode iova_mode;
	uint64_t page_sz;
	void *window;			/* the one VA reservation */
	size_t window_len;
	size_t total_cap;		/* most memory we may map, all lists */
	size_t total_mapped;
	uint8_t dma_mask_bits;		/* 0: no mask set */
	unsigned int n_lists;
	struct eal_mem_list lists[RTE_MAX_NUMA_NODES];
	/* Recursive, so that event callbacks may walk the memsegs; process-shared. */
	pthread_mutex_t lock;
};

/*
 * The layout in use: a process-local one until memory is set up, then the
 * one inside the shared config (the same for the primary and secondaries).
 */
extern struct eal_mem_config *eal_mem;

/* The memzone table (eal_memzone.c), in the shared config. */
struct eal_memzone_table {
	pthread_rwlock_t lock;		/* process-shared */
	unsigned int count;
	struct rte_memzone zones[RTE_MAX_MEMZONE];
};

/* The registered tailq heads (eal_tailq.c), in the shared config. */
struct eal_tailq_table {
	pthread_rwlock_t lock;		/* process-shared; rte_mcfg_tailq_*_lock */
	unsigned int count;
	struct rte_tailq_head heads[RTE_MAX_TAILQ];
};

#define EAL_SHARED_MAGIC 0x65636975756c73ULL /* "sluice" */

/*
 * What the primary shares with its secondaries: mapped MAP_SHARED from one
 * memfd at the start of the VA window, at the same address in every
 * process, so that the pointers inside stay valid. The memseg arrays of
 * the lists follow it.
 */
struct eal_shared_config {
	uint64_t magic;			/* EAL_SHARED_MAGIC once filled */
	uint64_t layout;		/* eal_shared_layout(): differs between builds */
	char version[64];		/* rte_version() of the primary */
	int32_t primary_pid;
	struct eal_mem_config mem;
	struct malloc_heap heaps[RTE_MAX_NUMA_NODES];
	struct eal_memzone_table memzones;
	struct eal_tailq_table tailqs;
	uint8_t mp_disabled;		/* rte_mp_disable() in the primary */
	uint8_t secondary_seen;		/* a secondary attached: too late to disable */
};

/* NULL until memory is set up; the shared config after that. */
extern struct eal_shared_config *eal_shared;
/* A number that changes when the shared layout does (sizes of its parts). */
uint64_t eal_shared_layout(void);

/* eal_hugepages.c */
int eal_huge_discover(struct eal_huge_info *info);
const struct eal_huge_size *eal_huge_pick(const struct eal_huge_info *info);
int eal_huge_dir_check(const char *dir, uint64_t *page_sz);
int eal_huge_dir_clean(const char *dir, const char *prefix);
/* Open and lock one of our --huge-dir files: fd, or -1 (one line logged). */
int eal_huge_file_open(const char *path);
/* No free hugepages of page_sz (0: the default size): log how to get some. */
int eal_huge_fail_none(const struct eal_huge_info *info, uint64_t page_sz);
uint64_t eal_mem_system_total(void);

/* eal_mem_shared.c */
/* Map a shared config of len bytes at at, move eal_mem into it (primary). */
int eal_shared_create(void *at, size_t len);
/* Mark it filled and answer secondaries from now on; undone by unpublish. */
int eal_shared_publish(void);
void eal_shared_unpublish(void);
void eal_shared_close(void);
/* The secondary's memory init: map the primary's config and lists. */
int eal_mem_attach(void);

/* eal_memory.c */
/* Map list idx of the shared layout from the primary's fd (secondary). */
int eal_mem_list_map(unsigned int idx, int fd);
/* The fd that backs list l in this process, -1 if none. */
int eal_mem_list_fd(const struct eal_mem_list *l);
void eal_mem_lock(void);
void eal_mem_unlock(void);
struct eal_mem_list *eal_mem_list_of_socket(int socket_id);
struct eal_mem_list *eal_mem_list_of_va(const void *va);
/*
 * Map len bytes (a multiple of the page size) of new pages on socket_id
 * and raise RTE_MEM_EVENT_ALLOC; flags are RTE_MEMSEG_FLAG_*. Returns the
 * address, or NULL with rte_errno ENOMEM (nothing left) or an mmap error.
 */
void *eal_mem_pages_alloc(int socket_id, size_t len, uint32_t flags);
/* Raise RTE_MEM_EVENT_FREE and give the pages back. */
void eal_mem_pages_free(void *addr, size_t len);
/* true if [addr, addr + len) is one IOVA-contiguous range. */
bool eal_mem_iova_contig(const void *addr, size_t len);
phys_addr_t eal_mem_virt2phy_raw(const void *virt);

/* eal_mem_events.c */
void eal_mem_events_notify(enum rte_mem_event ev, const void *addr, size_t len);
int eal_mem_validate_growth(int socket_id, size_t cur, size_t new_len);
void eal_mem_events_reset(void);

/* malloc_heap.c: heaps is the shared array; init in the primary only. */
int malloc_heap_init(struct malloc_heap *heaps, bool init);
void malloc_heap_cleanup(void);
/* Add preallocated memory (never shrunk) to the heap of socket_id. */
int malloc_heap_prealloc(int socket_id, size_t len);
/*
 * Allocate size bytes aligned to align (a power of two), not crossing a
 * multiple of bound (0 = none), IOVA-contiguous if contig. socket_id may
 * be SOCKET_ID_ANY. NULL with rte_errno ENOMEM or EINVAL.
 */
void *malloc_heap_alloc(size_t size, int socket_id, size_t align, size_t bound,
			bool contig);
void malloc_heap_free(void *ptr);
/* Usable size of a live block, 0 if ptr is not one. */
size_t malloc_heap_usable(const void *ptr);
/* Grow or shrink in place; 0, or -1 if it cannot. */
int malloc_heap_resize(void *ptr, size_t size);
int malloc_heap_socket_of(const void *ptr);
/* Largest block that could be allocated on socket_id now (for memzones). */
size_t malloc_heap_max_free(int socket_id, size_t align);

/* eal_memzone.c: use the table t; init in the primary only. */
void eal_memzone_attach(struct eal_memzone_table *t, bool init);
void eal_memzone_cleanup(void);

/* eal_tailq.c: move the registered heads into t (init: the primary) and back. */
int eal_tailqs_share(struct eal_tailq_table *t, bool init);
void eal_tailqs_unshare(void);

/* Attributes of a process-shared lock: 0, or -1 with rte_errno set. */
int eal_shared_mutex_init(pthread_mutex_t *m, bool recursive);
int eal_shared_rwlock_init(pthread_rwlock_t *l);

#endif
