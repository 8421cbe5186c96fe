/* SPDX-License-Identifier: BSD-3-Clause */
/* Layout of the malloc heaps, shared by malloc_heap.c and malloc_api.c. */
#ifndef _MALLOC_HEAP_H_
#define _MALLOC_HEAP_H_

#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_malloc.h>

#define MALLOC_BINS 20
#define MALLOC_GROW_MIN (2U << 20)
#define MALLOC_COOKIE_BUSY 0x5b0b5b0b1c0ffee1ULL
#define MALLOC_COOKIE_FREE 0x5b0b5b0bf4eef4eeULL

struct malloc_heap;

/* Header in front of every block; data follows it, cache-line aligned. */
struct malloc_elem {
	uint64_t cookie;		/* MALLOC_COOKIE_BUSY / _FREE */
	struct malloc_heap *heap;
	struct malloc_elem *prev;	/* neighbour below, NULL at region start */
	struct malloc_elem *next;	/* neighbour above, NULL at region end */
	LIST_ENTRY(malloc_elem) free_link;
	size_t size;			/* whole element, header included */
	uint64_t reserved;
};
#define MALLOC_ELEM_HDR sizeof(struct malloc_elem)
/* A free element must hold its header and one cache line. */
#define MALLOC_ELEM_MIN (MALLOC_ELEM_HDR + RTE_CACHE_LINE_SIZE)
static_assert(sizeof(struct malloc_elem) == RTE_CACHE_LINE_SIZE,
	      "blocks are cache-line aligned only if the header is one line");

/* At the start of each region (one growth of the heap). */
struct malloc_region {
	LIST_ENTRY(malloc_region) link;
	size_t len;			/* whole region, this header included */
	bool prealloc;			/* -m/--socket-mem: never given back */
	uint8_t pad[RTE_CACHE_LINE_SIZE - 2 * sizeof(void *) - sizeof(size_t) - 1];
};
static_assert(sizeof(struct malloc_region) == RTE_CACHE_LINE_SIZE,
	      "the first element must start cache-line aligned");

struct malloc_heap {
	pthread_mutex_t lock;		/* guards everything below */
	int socket_id;
	bool external;			/* memory from rte_malloc_heap_memory_add only */
	LIST_HEAD(, malloc_elem) free_head[MALLOC_BINS];
	LIST_HEAD(, malloc_region) regions;
	size_t total;			/* bytes of all regions */
	size_t alloc_bytes;		/* bytes of busy elements */
	unsigned int alloc_count;
};

struct malloc_elem *malloc_elem_of(const void *ptr);
int malloc_heap_get_stats(int socket_id, struct rte_malloc_socket_stats *st);
void malloc_heap_dump(FILE *f);

/* Initialize an empty heap for socket_id. */
void malloc_heap_setup(struct malloc_heap *heap, int socket_id, bool external);
/* Make [va, va + len) one region of heap, never given back to the system. */
void malloc_heap_region_add(struct malloc_heap *heap, void *va, size_t len);
/* Take that region out of heap: 0, or -EBUSY if a block in it is in use. */
int malloc_heap_region_remove(struct malloc_heap *heap, void *va);

/* External heaps (malloc_heap_ext.c). */
struct malloc_heap *malloc_heap_ext_of_socket(int socket_id);
const char *malloc_heap_ext_name(int socket_id);
int malloc_heap_ext_socket_of_name(const char *name);
rte_iova_t malloc_heap_ext_virt2iova(const void *addr);
bool malloc_heap_ext_contains(const void *addr);

#endif
