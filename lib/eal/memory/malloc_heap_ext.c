/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * External malloc heaps: named heaps over memory the application provides
 * (rte_malloc_heap_create, rte_malloc_heap_memory_add). Their socket ids
 * follow the NUMA sockets' (RTE_MAX_NUMA_NODES and up), so rte_malloc_socket
 * and the statistics work on them as on a socket's heap. They never grow:
 * a heap holds exactly the chunks added to it. The heaps and chunks are
 * this process's: attach and detach only check that a chunk exists.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "malloc_heap.h"

#define EXT_HEAPS (RTE_MAX_HEAPS - RTE_MAX_NUMA_NODES)

/* One chunk added to an external heap, with the IOVA of each page. */
struct ext_chunk {
	TAILQ_ENTRY(ext_chunk) next;
	struct malloc_heap *heap;
	uintptr_t va;
	size_t len;
	size_t page_sz;
	unsigned int n_pages;
	rte_iova_t iova[]; /* n_pages entries; RTE_BAD_IOVA when not given */
};

struct ext_heap {
	bool used;
	char name[RTE_HEAP_NAME_MAX_LEN];
	struct malloc_heap heap;
};

static struct ext_heap ext_heaps[EXT_HEAPS];
static TAILQ_HEAD(, ext_chunk) ext_chunks = TAILQ_HEAD_INITIALIZER(ext_chunks);
/* Guards the tables above; each heap's own lock guards its blocks. */
static pthread_mutex_t ext_lock = PTHREAD_MUTEX_INITIALIZER;

static bool
ext_name_valid(const char *name)
{
	return name != NULL && name[0] != '\0' &&
	       strnlen(name, RTE_HEAP_NAME_MAX_LEN) < RTE_HEAP_NAME_MAX_LEN;
}

/* Caller holds ext_lock. */
static struct ext_heap *
ext_heap_find(const char *name)
{
	for (unsigned int i = 0; i < EXT_HEAPS; i++)
		if (ext_heaps[i].used && strcmp(ext_heaps[i].name, name) == 0)
			return &ext_heaps[i];
	return NULL;
}

/* Caller holds ext_lock. */
static struct ext_chunk *
ext_chunk_find(const struct malloc_heap *heap, uintptr_t va, size_t len)
{
	struct ext_chunk *c;

	TAILQ_FOREACH(c, &ext_chunks, next)
	if (c->heap == heap && c->va == va && c->len == len)
		return c;
	return NULL;
}

/*
 * True if name is the name of a socket's own heap ("socket_<n>"): those
 * are not ours to create or change. Takes no lock.
 */
static bool
ext_name_is_internal(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "socket_", 7) != 0 || name[7] < '0' || name[7] > '9')
		return false;
	n = strtol(name + 7, &end, 10);
	return *end == '\0' && n < RTE_MAX_NUMA_NODES;
}

/*
 * Look up the external heap name for a change, with ext_lock taken.
 * Returns it, or NULL with rte_errno set (ext_lock then released).
 */
static struct ext_heap *
ext_heap_lock(const char *name)
{
	struct ext_heap *h;

	if (!ext_name_valid(name)) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&ext_lock);
	h = ext_heap_find(name);
	if (h == NULL) {
		pthread_mutex_unlock(&ext_lock);
		rte_errno = ext_name_is_internal(name) ? EPERM : ENOENT;
	}
	return h;
}

struct malloc_heap *
malloc_heap_ext_of_socket(int socket_id)
{
	int i = socket_id - RTE_MAX_NUMA_NODES;

	if (i < 0 || i >= EXT_HEAPS || !ext_heaps[i].used)
		return NULL;
	return &ext_heaps[i].heap;
}

const char *
malloc_heap_ext_name(int socket_id)
{
	int i = socket_id - RTE_MAX_NUMA_NODES;

	if (i < 0 || i >= EXT_HEAPS || !ext_heaps[i].used)
		return NULL;
	return ext_heaps[i].name;
}

int
malloc_heap_ext_socket_of_name(const char *name)
{
	struct ext_heap *h;
	int socket = -1;

	pthread_mutex_lock(&ext_lock);
	h = ext_heap_find(name);
	if (h != NULL)
		socket = h->heap.socket_id;
	pthread_mutex_unlock(&ext_lock);
	return socket;
}

/* Caller holds ext_lock. */
static struct ext_chunk *
ext_chunk_of_addr(uintptr_t a)
{
	struct ext_chunk *c;

	TAILQ_FOREACH(c, &ext_chunks, next)
	if (a >= c->va && a - c->va < c->len)
		return c;
	return NULL;
}

rte_iova_t
malloc_heap_ext_virt2iova(const void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	rte_iova_t iova = RTE_BAD_IOVA;
	struct ext_chunk *c;

	pthread_mutex_lock(&ext_lock);
	c = ext_chunk_of_addr(a);
	if (c != NULL) {
		iova = c->iova[(a - c->va) / c->page_sz];
		if (iova != RTE_BAD_IOVA)
			iova += (a - c->va) % c->page_sz;
	}
	pthread_mutex_unlock(&ext_lock);
	return iova;
}

bool
malloc_heap_ext_contains(const void *addr)
{
	bool in;

	pthread_mutex_lock(&ext_lock);
	in = ext_chunk_of_addr((uintptr_t)addr) != NULL;
	pthread_mutex_unlock(&ext_lock);
	return in;
}

__rte_export int
rte_malloc_heap_create(const char *heap_name)
{
	struct ext_heap *free_slot = NULL;

	if (!ext_name_valid(heap_name)) {
		EAL_LOG(ERR, "heap name must be 1 to %d characters\n", RTE_HEAP_NAME_MAX_LEN - 1);
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&ext_lock);
	if (ext_heap_find(heap_name) != NULL || ext_name_is_internal(heap_name)) {
		pthread_mutex_unlock(&ext_lock);
		rte_errno = EEXIST;
		return -1;
	}
	for (unsigned int i = 0; i < EXT_HEAPS && free_slot == NULL; i++)
		if (!ext_heaps[i].used)
			free_slot = &ext_heaps[i];
	if (free_slot == NULL) {
		pthread_mutex_unlock(&ext_lock);
		EAL_LOG(ERR, "cannot create heap %s: all %d external heaps exist; destroy one\n",
			heap_name, EXT_HEAPS);
		rte_errno = ENOSPC;
		return -1;
	}
	malloc_heap_setup(&free_slot->heap, RTE_MAX_NUMA_NODES + (int)(free_slot - ext_heaps),
			  true);
	strlcpy(free_slot->name, heap_name, sizeof(free_slot->name));
	free_slot->used = true;
	pthread_mutex_unlock(&ext_lock);
	return 0;
}

__rte_export int
rte_malloc_heap_destroy(const char *heap_name)
{
	struct ext_heap *h = ext_heap_lock(heap_name);

	if (h == NULL)
		return -1;
	if (!LIST_EMPTY(&h->heap.regions)) {
		pthread_mutex_unlock(&ext_lock);
		EAL_LOG(ERR, "heap %s still has memory; remove it first\n", heap_name);
		rte_errno = EBUSY;
		return -1;
	}
	pthread_mutex_destroy(&h->heap.lock);
	h->used = false;
	pthread_mutex_unlock(&ext_lock);
	return 0;
}

__rte_export int
rte_malloc_heap_memory_add(const char *heap_name, void *va_addr, size_t len,
			   rte_iova_t iova_addrs[], unsigned int n_pages, size_t page_sz)
{
	uintptr_t va = (uintptr_t)va_addr;
	struct ext_chunk *c;
	struct ext_heap *h;
	size_t pages;

	if (va_addr == NULL || page_sz == 0 || !rte_is_power_of_2(page_sz) || len == 0 ||
	    len % page_sz != 0 || va % page_sz != 0 || va + len < va ||
	    (iova_addrs != NULL && n_pages != len / page_sz) ||
	    len < sizeof(struct malloc_region) + MALLOC_ELEM_MIN) {
		EAL_LOG(ERR,
			"external memory %p len %zu page size %zu (%u IOVAs) is invalid; "
			"give page-aligned memory of whole pages and one IOVA per page\n",
			va_addr, len, page_sz, n_pages);
		rte_errno = EINVAL;
		return -1;
	}
	pages = len / page_sz;
	h = ext_heap_lock(heap_name);
	if (h == NULL)
		return -1;
	TAILQ_FOREACH(c, &ext_chunks, next)
	{
		if (va < c->va + c->len && c->va < va + len) {
			pthread_mutex_unlock(&ext_lock);
			rte_errno = EEXIST;
			return -1;
		}
	}
	c = malloc(sizeof(*c) + pages * sizeof(c->iova[0]));
	if (c == NULL) {
		pthread_mutex_unlock(&ext_lock);
		rte_errno = ENOMEM;
		return -1;
	}
	c->heap = &h->heap;
	c->va = va;
	c->len = len;
	c->page_sz = page_sz;
	c->n_pages = (unsigned int)pages;
	for (size_t i = 0; i < pages; i++)
		c->iova[i] = iova_addrs != NULL ? iova_addrs[i] : RTE_BAD_IOVA;
	TAILQ_INSERT_TAIL(&ext_chunks, c, next);
	malloc_heap_region_add(&h->heap, va_addr, len);
	pthread_mutex_unlock(&ext_lock);
	return 0;
}

/*
 * The chunk added to heap_name at exactly va_addr and len, with ext_lock
 * taken; or NULL with rte_errno set and ext_lock released.
 */
static struct ext_chunk *
ext_chunk_lock(const char *heap_name, void *va_addr, size_t len, struct ext_heap **heap)
{
	struct ext_chunk *c;

	if (va_addr == NULL || len == 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	*heap = ext_heap_lock(heap_name);
	if (*heap == NULL)
		return NULL;
	c = ext_chunk_find(&(*heap)->heap, (uintptr_t)va_addr, len);
	if (c == NULL) {
		pthread_mutex_unlock(&ext_lock);
		rte_errno = ENOENT;
	}
	return c;
}

__rte_export int
rte_malloc_heap_memory_remove(const char *heap_name, void *va_addr, size_t len)
{
	struct ext_heap *h;
	struct ext_chunk *c = ext_chunk_lock(heap_name, va_addr, len, &h);

	if (c == NULL)
		return -1;
	if (malloc_heap_region_remove(&h->heap, va_addr) != 0) {
		pthread_mutex_unlock(&ext_lock);
		EAL_LOG(ERR,
			"external memory %p of heap %s still has blocks in use; free them first\n",
			va_addr, heap_name);
		rte_errno = EBUSY;
		return -1;
	}
	TAILQ_REMOVE(&ext_chunks, c, next);
	pthread_mutex_unlock(&ext_lock);
	free(c);
	return 0;
}

/* Attach and detach: the chunk must exist in that heap; nothing to map here. */
static int
ext_chunk_check(const char *heap_name, void *va_addr, size_t len)
{
	struct ext_heap *h;

	if (ext_chunk_lock(heap_name, va_addr, len, &h) == NULL)
		return -1;
	pthread_mutex_unlock(&ext_lock);
	return 0;
}

__rte_export int
rte_malloc_heap_memory_attach(const char *heap_name, void *va_addr, size_t len)
{
	return ext_chunk_check(heap_name, va_addr, len);
}

__rte_export int
rte_malloc_heap_memory_detach(const char *heap_name, void *va_addr, size_t len)
{
	return ext_chunk_check(heap_name, va_addr, len);
}
