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
 * Sluice has no external heaps.
 */
int
rte_malloc_heap_socket_is_external(int socket_id);

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
