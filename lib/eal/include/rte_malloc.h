/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Allocation from EAL memory (DPDK 22.11 API): one heap per NUMA socket,
 * growing on demand, every block with a known IOVA.
 *
 * align is a power of two (0 means a cache line); anything else fails.
 * socket is a NUMA socket id or SOCKET_ID_ANY (the caller's socket first,
 * then the others). Without hugepages the socket is ignored, as in DPDK.
 * Allocators return NULL on failure: size 0, bad align, bad socket or no
 * memory. rte_errno is then ENOMEM (no memory, or EAL not initialised) or
 * EINVAL (a socket with no heap, size above SIZE_MAX / 2); size 0, a bad align
 * or a socket id out of range return NULL with rte_errno untouched.
 */
#ifndef _RTE_MALLOC_H_
#define _RTE_MALLOC_H_

#include <stdio.h>
#include <stddef.h>

#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_malloc_socket_stats {
	size_t heap_totalsz_bytes;	/* total bytes on heap */
	size_t heap_freesz_bytes;	/* total free bytes on heap */
	size_t greatest_free_size;	/* largest free block */
	unsigned free_count;		/* free blocks */
	unsigned alloc_count;		/* allocated blocks */
	size_t heap_allocsz_bytes;	/* total allocated bytes */
};

/* size bytes from any socket (type is ignored). Returns the block, or NULL (see above). */
void *
rte_malloc(const char *type, size_t size, unsigned align)
	__rte_alloc_size(2);

/* As rte_malloc, zero-filled. Returns the block, or NULL (see above). */
void *
rte_zmalloc(const char *type, size_t size, unsigned align)
	__rte_alloc_size(2);

/* num * size bytes, zero-filled; NULL on overflow (rte_errno untouched) or as above. */
void *
rte_calloc(const char *type, size_t num, size_t size, unsigned align)
	__rte_alloc_size(2, 3);

/*
 * Resize ptr (NULL: allocate) keeping its contents, in place when possible;
 * the block moves if it does not meet align. On failure ptr is untouched.
 * Returns the block, or NULL: size 0, bad align, ptr not from rte_malloc
 * (rte_errno untouched), or no memory (rte_errno as for rte_malloc).
 */
void *
rte_realloc(void *ptr, size_t size, unsigned int align)
	__rte_alloc_size(2);

/*
 * As rte_realloc; the block moves to socket if it lives elsewhere. Returns the
 * block, or NULL as rte_realloc does (a bad socket as for rte_malloc_socket).
 */
void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);

/* size bytes on socket (or SOCKET_ID_ANY). Returns the block, or NULL (see above). */
void *
rte_malloc_socket(const char *type, size_t size, unsigned align, int socket)
	__rte_alloc_size(2);

/* As rte_malloc_socket, zero-filled. Returns the block, or NULL (see above). */
void *
rte_zmalloc_socket(const char *type, size_t size, unsigned align, int socket)
	__rte_alloc_size(2);

/* As rte_calloc, on socket. NULL on overflow (rte_errno untouched) or as above. */
void *
rte_calloc_socket(const char *type, size_t num, size_t size, unsigned align, int socket)
	__rte_alloc_size(2, 3);

/* Give a block back; NULL is ignored, a pointer not from rte_malloc is logged and ignored. */
void
rte_free(void *ptr);

/*
 * 0 if ptr is a live block (its usable size stored in *size when size is
 * not NULL), -1 if it is not. rte_errno is not set.
 */
int
rte_malloc_validate(const void *ptr, size_t *size);

/* 0, or -1 for a socket with no heap or NULL socket_stats; rte_errno is not set. */
int
rte_malloc_get_socket_stats(int socket,
		struct rte_malloc_socket_stats *socket_stats);

/*
 * Socket of the heap named name ("socket_0", ...), or -1 with rte_errno
 * EINVAL (NULL name) or ENOENT (no such heap).
 */
int
rte_malloc_heap_get_socket(const char *name);

/*
 * 1 if socket_id is an external heap, 0 if it is a socket's own heap (or
 * SOCKET_ID_ANY), -1 with rte_errno EINVAL if there is no such heap.
 */
int
rte_malloc_heap_socket_is_external(int socket_id);

/* Longest heap name, with its NUL. */
#define RTE_HEAP_NAME_MAX_LEN 32

/*
 * External heaps: named heaps over memory the application provides, used
 * through rte_malloc_socket() with the socket id
 * rte_malloc_heap_get_socket(name) returns (RTE_MAX_NUMA_NODES and up).
 * They hold only the memory added to them and never grow. All return 0,
 * or -1 with rte_errno set.
 */

/*
 * Create an empty heap. rte_errno: EINVAL (name NULL, empty or of
 * RTE_HEAP_NAME_MAX_LEN characters or more), EEXIST (a heap has that
 * name), ENOSPC (RTE_MAX_HEAPS heaps exist).
 */
int rte_malloc_heap_create(const char *heap_name);

/*
 * Destroy an external heap. rte_errno: EINVAL (bad name), ENOENT (no
 * such heap), EPERM (a socket's own heap), EBUSY (memory is still added).
 */
int rte_malloc_heap_destroy(const char *heap_name);

/*
 * Add len bytes at va_addr (page_sz-aligned, whole pages of page_sz, a
 * power of 2) to the heap; iova_addrs gives the IOVA of each of its
 * n_pages pages, or is NULL (IOVAs unknown: RTE_BAD_IOVA). The memory
 * must stay mapped until removed. rte_errno: EINVAL (bad argument, or
 * n_pages not len / page_sz), ENOENT (no such heap), EPERM (a socket's
 * own heap), EEXIST (overlaps memory already added), ENOMEM.
 */
int rte_malloc_heap_memory_add(const char *heap_name, void *va_addr, size_t len,
			       rte_iova_t iova_addrs[], unsigned int n_pages, size_t page_sz);

/*
 * Take back a chunk added with exactly this va_addr and len. rte_errno:
 * EINVAL, ENOENT (no such heap or chunk), EPERM, EBUSY (a block in it is
 * still allocated).
 */
int rte_malloc_heap_memory_remove(const char *heap_name, void *va_addr, size_t len);

/*
 * Use (stop using) a chunk that another process added. The heaps of this
 * implementation belong to one process, so these only check that the
 * chunk exists: rte_errno EINVAL, ENOENT or EPERM as above.
 */
int rte_malloc_heap_memory_attach(const char *heap_name, void *va_addr, size_t len);
int rte_malloc_heap_memory_detach(const char *heap_name, void *va_addr, size_t len);

/* Print the statistics of every heap (type is ignored, as in DPDK). */
void
rte_malloc_dump_stats(FILE *f, const char *type);

/* Print every heap's blocks. */
void
rte_malloc_dump_heaps(FILE *f);

/* IOVA of an address inside a block, RTE_BAD_IOVA if unknown; rte_errno is not set. */
rte_iova_t
rte_malloc_virt2iova(const void *addr);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MALLOC_H_ */
