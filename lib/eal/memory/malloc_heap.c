/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The malloc heaps: one per NUMA socket, a boundary-tag allocator over
 * regions of EAL memory. A region is one growth of the heap (whole pages);
 * it is given back to the system once all of it is free again, unless it
 * was preallocated by -m/--socket-mem.
 *
 *   region: [malloc_region][elem hdr|data ...][elem hdr|data ...]...
 *
 * Each element knows its address neighbours (prev/next) in its region so
 * that freeing merges free neighbours in O(1).
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"
#include "eal_mem_private.h"
#include "malloc_heap.h"

/* One a socket, in the shared config once memory is up. */
static struct malloc_heap *heaps;
static bool heaps_ready;

/* Without hugepages there is one list and so one heap, as in DPDK. */
static struct malloc_heap *
heap_of_socket(int socket_id)
{
	struct eal_mem_list *l;

	if (socket_id >= RTE_MAX_NUMA_NODES)
		return malloc_heap_ext_of_socket(socket_id);
	if (socket_id < 0)
		return NULL;
	l = eal_mem_list_of_socket(socket_id);
	if (l == NULL)
		return NULL;
	return &heaps[l->msl.socket_id];
}

static unsigned int
bin_of(size_t size)
{
	unsigned int b = 0;

	size >>= 8;
	while (size > 0 && b < MALLOC_BINS - 1) {
		size >>= 1;
		b++;
	}
	return b;
}

static void
free_list_insert(struct malloc_heap *heap, struct malloc_elem *e)
{
	e->cookie = MALLOC_COOKIE_FREE;
	LIST_INSERT_HEAD(&heap->free_head[bin_of(e->size)], e, free_link);
}

static void
free_list_remove(struct malloc_elem *e)
{
	LIST_REMOVE(e, free_link);
}

/* Grow e over the element after it (whose header is then gone). */
static void
elem_join_next(struct malloc_elem *e)
{
	struct malloc_elem *n = e->next;

	e->size += n->size;
	e->next = n->next;
	if (n->next != NULL)
		n->next->prev = e;
	n->cookie = 0;
}

static struct malloc_elem *
elem_make(struct malloc_heap *heap, void *at, size_t size, struct malloc_elem *prev,
	  struct malloc_elem *next)
{
	struct malloc_elem *e = at;

	memset(e, 0, sizeof(*e));
	e->heap = heap;
	e->size = size;
	e->prev = prev;
	e->next = next;
	if (prev != NULL)
		prev->next = e;
	if (next != NULL)
		next->prev = e;
	return e;
}

/* The first block of n bytes from data on crosses a multiple of bound. */
static bool
crosses(uintptr_t data, size_t n, size_t bound)
{
	return bound != 0 && (data & ~(bound - 1)) != ((data + n - 1) & ~(bound - 1));
}

/*
 * Where in free element e a block of size bytes could start, or 0.
 * A gap left in front must be big enough to stay a free element.
 */
static uintptr_t
elem_fit(const struct malloc_elem *e, size_t size, size_t align, size_t bound, bool contig)
{
	uintptr_t s = (uintptr_t)e, end = s + e->size;
	uintptr_t data = RTE_ALIGN_CEIL(s + MALLOC_ELEM_HDR, align);

	for (int i = 0; i < 3; i++) {
		if (data - MALLOC_ELEM_HDR != s && data - MALLOC_ELEM_HDR - s < MALLOC_ELEM_MIN)
			data = RTE_ALIGN_CEIL(s + MALLOC_ELEM_MIN + MALLOC_ELEM_HDR, align);
		if (!crosses(data, size, bound))
			break;
		data = RTE_ALIGN_CEIL(RTE_ALIGN_FLOOR(data + size - 1, bound), align);
	}
	if (crosses(data, size, bound) || data + size > end || data + size < data)
		return 0;
	if (contig && !eal_mem_iova_contig((void *)data, size))
		return 0;
	return data;
}

/*
 * Where a new block of size bytes goes in free element e, or 0. As in DPDK's
 * heap, it is cut from the top of e: the lower part stays one free element
 * in place, so a block freed later merges with it, and a block just below
 * a busy one cannot grow in place into space that was never its own. When the
 * top does not suit (a gap below too small to be an element, no room under a
 * boundary, not IOVA-contiguous) the lowest start elem_fit() finds is used.
 */
static uintptr_t
elem_place(const struct malloc_elem *e, size_t size, size_t align, size_t bound, bool contig)
{
	uintptr_t s = (uintptr_t)e, end = s + e->size, data;

	if (size > e->size || end - size < s + MALLOC_ELEM_HDR)
		return 0;
	data = RTE_ALIGN_FLOOR(end - size, align);
	/* end it at the boundary it would cross */
	if (crosses(data, size, bound))
		data = RTE_ALIGN_FLOOR(RTE_ALIGN_FLOOR(data + size - 1, bound) - size, align);
	if (data >= s + MALLOC_ELEM_HDR && data + size <= end && !crosses(data, size, bound) &&
	    (data - MALLOC_ELEM_HDR == s || data - MALLOC_ELEM_HDR - s >= MALLOC_ELEM_MIN) &&
	    (!contig || eal_mem_iova_contig((void *)data, size)))
		return data;
	return elem_fit(e, size, align, bound, contig);
}

/* Split a free tail off e when it is big enough to be an element. */
static void
elem_trim(struct malloc_heap *heap, struct malloc_elem *e, uintptr_t keep_end)
{
	uintptr_t end = (uintptr_t)e + e->size;
	struct malloc_elem *t;

	if (end - keep_end < MALLOC_ELEM_MIN)
		return;
	t = elem_make(heap, (void *)keep_end, end - keep_end, e, e->next);
	e->size = keep_end - (uintptr_t)e;
	/* The new tail may touch a free element: merge them. */
	if (t->next != NULL && t->next->cookie == MALLOC_COOKIE_FREE) {
		free_list_remove(t->next);
		elem_join_next(t);
	}
	free_list_insert(heap, t);
}

/* Carve the busy block at data out of free element e; returns data. */
static void *
elem_take(struct malloc_heap *heap, struct malloc_elem *e, uintptr_t data, size_t size)
{
	struct malloc_elem *b = (struct malloc_elem *)(data - MALLOC_ELEM_HDR);

	free_list_remove(e);
	if (b != e) {
		size_t front = (uintptr_t)b - (uintptr_t)e;

		b = elem_make(heap, b, e->size - front, e, e->next);
		e->size = front;
		free_list_insert(heap, e);
	}
	b->cookie = MALLOC_COOKIE_BUSY;
	elem_trim(heap, b, data + size);
	heap->alloc_count++;
	heap->alloc_bytes += b->size;
	return (void *)data;
}

static struct malloc_elem *
heap_find(struct malloc_heap *heap, size_t size, size_t align, size_t bound, bool contig,
	  uintptr_t *data)
{
	for (unsigned int b = bin_of(size + MALLOC_ELEM_HDR); b < MALLOC_BINS; b++) {
		struct malloc_elem *e;

		LIST_FOREACH(e, &heap->free_head[b], free_link) {
			*data = elem_place(e, size, align, bound, contig);
			if (*data != 0)
				return e;
		}
	}
	return NULL;
}

/* Map a new region of at least len bytes into heap; its one free element. */
static struct malloc_elem *
heap_grow(struct malloc_heap *heap, size_t len, bool prealloc)
{
	struct malloc_region *r;
	size_t pg = eal_mem->page_sz;

	len = RTE_ALIGN_CEIL(len, pg);
	/* Small pages: grow by at least 2 MiB so growth stays rare. */
	if (!prealloc && len < MALLOC_GROW_MIN)
		len = RTE_ALIGN_CEIL((size_t)MALLOC_GROW_MIN, pg);
	r = eal_mem_pages_alloc(heap->socket_id, len,
				prealloc ? RTE_MEMSEG_FLAG_DO_NOT_FREE : 0);
	if (r == NULL)
		return NULL;
	memset(r, 0, sizeof(*r));
	r->len = len;
	r->prealloc = prealloc;
	LIST_INSERT_HEAD(&heap->regions, r, link);
	heap->total += len;
	return elem_make(heap, r + 1, len - sizeof(*r), NULL, NULL);
}

static void elem_release_locked(struct malloc_heap *heap, struct malloc_elem *e);

static void *
heap_alloc(struct malloc_heap *heap, size_t size, size_t align, size_t bound, bool contig)
{
	struct malloc_elem *e;
	uintptr_t data = 0;
	void *p = NULL;

	pthread_mutex_lock(&heap->lock);
	e = heap_find(heap, size, align, bound, contig, &data);
	/* an external heap has only the memory its owner added */
	if (e == NULL && !heap->external) {
		size_t need = sizeof(struct malloc_region) + MALLOC_ELEM_MIN +
			      MALLOC_ELEM_HDR + size + align + bound;

		e = heap_grow(heap, need, false);
		if (e != NULL) {
			free_list_insert(heap, e);
			data = elem_place(e, size, align, bound, contig);
			if (data == 0) {
				/* e.g. pages not physically contiguous in PA mode */
				free_list_remove(e);
				elem_release_locked(heap, e);
				e = NULL;
			}
		}
	}
	if (e != NULL)
		p = elem_take(heap, e, data, size);
	pthread_mutex_unlock(&heap->lock);
	if (p == NULL)
		rte_errno = ENOMEM;
	return p;
}

void *
malloc_heap_alloc(size_t size, int socket_id, size_t align, size_t bound, bool contig)
{
	struct malloc_heap *heap;
	int first;
	void *p;

	if (!heaps_ready || size == 0 || size > SIZE_MAX / 2 || align == 0 ||
	    !rte_is_power_of_2((uint32_t)align) || align > (1U << 31) ||
	    (bound != 0 && (!rte_is_power_of_2((uint32_t)bound) || bound < size))) {
		rte_errno = heaps_ready ? EINVAL : ENOMEM;
		return NULL;
	}
	size = RTE_ALIGN_CEIL(size, (size_t)RTE_CACHE_LINE_SIZE);
	align = RTE_MAX(align, (size_t)RTE_CACHE_LINE_SIZE);
	if (socket_id != SOCKET_ID_ANY) {
		heap = heap_of_socket(socket_id);
		if (heap == NULL) {
			rte_errno = EINVAL;
			return NULL;
		}
		return heap_alloc(heap, size, align, bound, contig);
	}
	/* Any socket: the caller's first, then the others in order. */
	first = (int)rte_socket_id();
	heap = heap_of_socket(first);
	if (heap == NULL) {
		first = (int)rte_lcore_to_socket_id(rte_get_main_lcore());
		heap = heap_of_socket(first);
	}
	if (heap != NULL) {
		p = heap_alloc(heap, size, align, bound, contig);
		if (p != NULL)
			return p;
	}
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		struct malloc_heap *h = &heaps[eal_mem->lists[i].msl.socket_id];

		if (h == heap)
			continue;
		p = heap_alloc(h, size, align, bound, contig);
		if (p != NULL)
			return p;
	}
	rte_errno = ENOMEM;
	return NULL;
}

/*
 * Return element e (in no free list) to heap, merging it with free
 * neighbours; a region left wholly free goes back to the system.
 */
static void
elem_release_locked(struct malloc_heap *heap, struct malloc_elem *e)
{
	struct malloc_region *r = NULL;

	e->cookie = MALLOC_COOKIE_FREE;
	if (e->next != NULL && e->next->cookie == MALLOC_COOKIE_FREE) {
		free_list_remove(e->next);
		elem_join_next(e);
	}
	if (e->prev != NULL && e->prev->cookie == MALLOC_COOKIE_FREE) {
		e = e->prev;
		free_list_remove(e);
		elem_join_next(e);
	}
	if (e->prev == NULL && e->next == NULL) {
		r = (struct malloc_region *)e - 1;
		if (r->prealloc)
			r = NULL;
	}
	if (r != NULL) {
		/* The whole region is free: give its pages back. */
		e->cookie = 0;
		LIST_REMOVE(r, link);
		heap->total -= r->len;
		eal_mem_pages_free(r, r->len);
	} else {
		free_list_insert(heap, e);
	}
}

/* The element of a block handed out, or NULL if ptr is not one. */
struct malloc_elem *
malloc_elem_of(const void *ptr)
{
	struct malloc_elem *e;

	if (ptr == NULL || ((uintptr_t)ptr & (RTE_CACHE_LINE_SIZE - 1)) != 0)
		return NULL;
	e = (struct malloc_elem *)((uintptr_t)ptr - MALLOC_ELEM_HDR);
	/* Read the header only where a page is mapped. */
	if ((rte_mem_virt2memseg(e, NULL) == NULL && !malloc_heap_ext_contains(e)) ||
	    e->cookie != MALLOC_COOKIE_BUSY)
		return NULL;
	return e;
}

void
malloc_heap_free(void *ptr)
{
	struct malloc_elem *e = malloc_elem_of(ptr);
	struct malloc_heap *heap;

	if (e == NULL) {
		EAL_LOG(ERR, "rte_free(%p): not a block from rte_malloc, or freed twice\n", ptr);
		return;
	}
	heap = e->heap;
	pthread_mutex_lock(&heap->lock);
	heap->alloc_count--;
	heap->alloc_bytes -= e->size;
	elem_release_locked(heap, e);
	pthread_mutex_unlock(&heap->lock);
}

size_t
malloc_heap_usable(const void *ptr)
{
	const struct malloc_elem *e = malloc_elem_of(ptr);

	if (e == NULL)
		return 0;
	return (uintptr_t)e + e->size - (uintptr_t)ptr;
}

int
malloc_heap_socket_of(const void *ptr)
{
	const struct malloc_elem *e = malloc_elem_of(ptr);

	return e != NULL ? e->heap->socket_id : SOCKET_ID_ANY;
}

int
malloc_heap_resize(void *ptr, size_t size)
{
	struct malloc_elem *e = malloc_elem_of(ptr);
	struct malloc_heap *heap;
	uintptr_t need_end;
	int ret = -1;

	if (e == NULL)
		return -1;
	heap = e->heap;
	size = RTE_ALIGN_CEIL(size, (size_t)RTE_CACHE_LINE_SIZE);
	need_end = (uintptr_t)ptr + size;
	pthread_mutex_lock(&heap->lock);
	heap->alloc_bytes -= e->size;
	if (need_end > (uintptr_t)e + e->size && e->next != NULL &&
	    e->next->cookie == MALLOC_COOKIE_FREE &&
	    (uintptr_t)e->next + e->next->size >= need_end) {
		free_list_remove(e->next);
		elem_join_next(e);
	}
	if (need_end <= (uintptr_t)e + e->size) {
		elem_trim(heap, e, need_end);
		ret = 0;
	}
	heap->alloc_bytes += e->size;
	pthread_mutex_unlock(&heap->lock);
	return ret;
}

size_t
malloc_heap_max_free(int socket_id, size_t align)
{
	size_t best = 0;

	align = RTE_MAX(align, (size_t)RTE_CACHE_LINE_SIZE);
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		struct malloc_heap *h = &heaps[eal_mem->lists[i].msl.socket_id];

		if (socket_id != SOCKET_ID_ANY && h != heap_of_socket(socket_id))
			continue;
		pthread_mutex_lock(&h->lock);
		for (unsigned int b = 0; b < MALLOC_BINS; b++) {
			struct malloc_elem *e;

			LIST_FOREACH(e, &h->free_head[b], free_link) {
				uintptr_t data = elem_fit(e, 1, align, 0, false);
				uintptr_t end = (uintptr_t)e + e->size;

				if (data != 0 && end - data > best)
					best = RTE_ALIGN_FLOOR(end - data,
							       (size_t)RTE_CACHE_LINE_SIZE);
			}
		}
		pthread_mutex_unlock(&h->lock);
	}
	return best;
}

int
malloc_heap_prealloc(int socket_id, size_t len)
{
	struct malloc_heap *heap = heap_of_socket(socket_id);
	struct malloc_elem *e;

	if (heap == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&heap->lock);
	e = heap_grow(heap, len, true);
	if (e != NULL)
		free_list_insert(heap, e);
	pthread_mutex_unlock(&heap->lock);
	return e != NULL ? 0 : -1;
}

int
malloc_heap_get_stats(int socket_id, struct rte_malloc_socket_stats *st)
{
	struct malloc_heap *heap = NULL;

	/* Only sockets that have a heap of their own, as in DPDK. */
	for (unsigned int i = 0; i < eal_mem->n_lists; i++)
		if (eal_mem->lists[i].msl.socket_id == socket_id)
			heap = &heaps[socket_id];
	if (socket_id >= RTE_MAX_NUMA_NODES)
		heap = malloc_heap_ext_of_socket(socket_id);
	if (heap == NULL || st == NULL)
		return -1;
	memset(st, 0, sizeof(*st));
	pthread_mutex_lock(&heap->lock);
	for (unsigned int b = 0; b < MALLOC_BINS; b++) {
		struct malloc_elem *e;

		LIST_FOREACH(e, &heap->free_head[b], free_link) {
			st->free_count++;
			st->heap_freesz_bytes += e->size;
			if (e->size > st->greatest_free_size)
				st->greatest_free_size = e->size;
		}
	}
	st->heap_totalsz_bytes = heap->total;
	st->alloc_count = heap->alloc_count;
	st->heap_allocsz_bytes = heap->alloc_bytes;
	pthread_mutex_unlock(&heap->lock);
	return 0;
}

void
malloc_heap_dump(FILE *f)
{
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		struct malloc_heap *h = &heaps[eal_mem->lists[i].msl.socket_id];
		struct malloc_region *r;

		pthread_mutex_lock(&h->lock);
		fprintf(f, "Heap id:%d\n", h->socket_id);
		LIST_FOREACH(r, &h->regions, link) {
			fprintf(f, "  region %p len %zu%s\n", (void *)r, r->len,
				r->prealloc ? " (preallocated)" : "");
			for (struct malloc_elem *e = (struct malloc_elem *)(r + 1); e != NULL;
			     e = e->next)
				fprintf(f, "    elem %p size %zu %s\n", (void *)e, e->size,
					e->cookie == MALLOC_COOKIE_BUSY ? "busy" : "free");
		}
		pthread_mutex_unlock(&h->lock);
	}
}

void
malloc_heap_setup(struct malloc_heap *h, int socket_id, bool external)
{
	memset(h, 0, sizeof(*h));
	eal_shared_mutex_init(&h->lock, false); /* cannot fail on Linux */
	h->socket_id = socket_id;
	h->external = external;
	for (unsigned int b = 0; b < MALLOC_BINS; b++)
		LIST_INIT(&h->free_head[b]);
	LIST_INIT(&h->regions);
}

void
malloc_heap_region_add(struct malloc_heap *heap, void *va, size_t len)
{
	struct malloc_region *r = va;
	struct malloc_elem *e;

	pthread_mutex_lock(&heap->lock);
	memset(r, 0, sizeof(*r));
	r->len = len;
	r->prealloc = true; /* the owner's memory: never unmapped here */
	LIST_INSERT_HEAD(&heap->regions, r, link);
	heap->total += len;
	e = elem_make(heap, r + 1, len - sizeof(*r), NULL, NULL);
	free_list_insert(heap, e);
	pthread_mutex_unlock(&heap->lock);
}

int
malloc_heap_region_remove(struct malloc_heap *heap, void *va)
{
	struct malloc_region *r = va;
	struct malloc_elem *e = (struct malloc_elem *)(r + 1);
	int ret = 0;

	pthread_mutex_lock(&heap->lock);
	/* wholly free: one free element spanning the region */
	if (e->cookie != MALLOC_COOKIE_FREE || e->next != NULL) {
		ret = -EBUSY;
	} else {
		free_list_remove(e);
		e->cookie = 0;
		LIST_REMOVE(r, link);
		heap->total -= r->len;
	}
	pthread_mutex_unlock(&heap->lock);
	return ret;
}

int
malloc_heap_init(struct malloc_heap *shared, bool init)
{
	heaps = shared;
	for (unsigned int i = 0; init && i < RTE_MAX_NUMA_NODES; i++)
		malloc_heap_setup(&heaps[i], (int)i, false);
	heaps_ready = true;
	return 0;
}

/*
 * The window is unmapped as a whole afterwards: only forget the blocks. A
 * secondary leaves them to the primary.
 */
void
malloc_heap_cleanup(void)
{
	if (!heaps_ready)
		return;
	heaps_ready = false;
	for (unsigned int i = 0; eal_cfg.process_type != RTE_PROC_SECONDARY &&
	     i < RTE_MAX_NUMA_NODES; i++)
		pthread_mutex_destroy(&heaps[i].lock);
	heaps = NULL;
}
