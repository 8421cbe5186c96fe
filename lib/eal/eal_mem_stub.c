/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interim memory layer backed by the C library so that the rest of the
 * tree can build and run against rte_malloc/rte_memzone; replaced by the
 * hugepage-backed implementation.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memzone.h>

#include "eal_private.h"

struct stub_hdr {
	size_t size;
	void *base;
	uint64_t pad[6];
};

static pthread_mutex_t stub_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rte_memzone stub_mz[RTE_MAX_MEMZONE];

int
eal_memory_init(void)
{
	return 0;
}

void
eal_memory_cleanup(void)
{
}

__rte_export enum rte_iova_mode
rte_eal_iova_mode(void)
{
	return RTE_IOVA_VA;
}

__rte_export uint64_t
rte_eal_get_baseaddr(void)
{
	return 0;
}

__rte_export void *
rte_malloc_socket(const char *type, size_t size, unsigned align, int socket)
{
	struct stub_hdr *h;
	void *base;
	uintptr_t p;

	(void)type;
	(void)socket;
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align)))
		return NULL;
	if (align < RTE_CACHE_LINE_SIZE)
		align = RTE_CACHE_LINE_SIZE;
	base = malloc(size + align + sizeof(*h));
	if (base == NULL)
		return NULL;
	p = RTE_ALIGN_CEIL((uintptr_t)base + sizeof(*h), align);
	h = (struct stub_hdr *)(p - sizeof(*h));
	h->size = size;
	h->base = base;
	return (void *)p;
}

__rte_export void *
rte_malloc(const char *type, size_t size, unsigned align)
{
	return rte_malloc_socket(type, size, align, SOCKET_ID_ANY);
}

__rte_export void *
rte_zmalloc_socket(const char *type, size_t size, unsigned align, int socket)
{
	void *p = rte_malloc_socket(type, size, align, socket);

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

__rte_export void *
rte_zmalloc(const char *type, size_t size, unsigned align)
{
	return rte_zmalloc_socket(type, size, align, SOCKET_ID_ANY);
}

__rte_export void *
rte_calloc_socket(const char *type, size_t num, size_t size, unsigned align, int socket)
{
	if (size != 0 && num > SIZE_MAX / size)
		return NULL;
	return rte_zmalloc_socket(type, num * size, align, socket);
}

__rte_export void *
rte_calloc(const char *type, size_t num, size_t size, unsigned align)
{
	return rte_calloc_socket(type, num, size, align, SOCKET_ID_ANY);
}

__rte_export void
rte_free(void *ptr)
{
	if (ptr != NULL)
		free(((struct stub_hdr *)ptr - 1)->base);
}

__rte_export void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
{
	void *n;
	size_t old;

	if (ptr == NULL)
		return rte_malloc_socket(NULL, size, align, socket);
	n = rte_malloc_socket(NULL, size, align, socket);
	if (n == NULL)
		return NULL;
	old = ((struct stub_hdr *)ptr - 1)->size;
	memcpy(n, ptr, RTE_MIN(old, size));
	rte_free(ptr);
	return n;
}

__rte_export void *
rte_realloc(void *ptr, size_t size, unsigned int align)
{
	return rte_realloc_socket(ptr, size, align, SOCKET_ID_ANY);
}

__rte_export rte_iova_t
rte_malloc_virt2iova(const void *addr)
{
	return (uintptr_t)addr;
}

__rte_export rte_iova_t
rte_mem_virt2iova(const void *virt)
{
	return (uintptr_t)virt;
}

__rte_export const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id,
			    unsigned flags, unsigned align, unsigned bound)
{
	struct rte_memzone *free_mz = NULL;
	void *p;
	int i;

	(void)flags;
	(void)bound;
	if (name == NULL || len == 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (strnlen(name, RTE_MEMZONE_NAMESIZE) == RTE_MEMZONE_NAMESIZE) {
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	pthread_mutex_lock(&stub_lock);
	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		if (stub_mz[i].addr == NULL) {
			if (free_mz == NULL)
				free_mz = &stub_mz[i];
		} else if (strcmp(stub_mz[i].name, name) == 0) {
			pthread_mutex_unlock(&stub_lock);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	p = free_mz ? rte_zmalloc_socket(NULL, len, align, socket_id) : NULL;
	if (p == NULL) {
		pthread_mutex_unlock(&stub_lock);
		rte_errno = free_mz ? ENOMEM : ENOSPC;
		return NULL;
	}
	snprintf(free_mz->name, sizeof(free_mz->name), "%s", name);
	free_mz->addr = p;
	free_mz->iova = (uintptr_t)p;
	free_mz->len = len;
	free_mz->hugepage_sz = 4096;
	free_mz->socket_id = 0;
	free_mz->flags = 0;
	pthread_mutex_unlock(&stub_lock);
	return free_mz;
}

__rte_export const struct rte_memzone *
rte_memzone_reserve_aligned(const char *name, size_t len, int socket_id,
			    unsigned flags, unsigned align)
{
	return rte_memzone_reserve_bounded(name, len, socket_id, flags, align, 0);
}

__rte_export const struct rte_memzone *
rte_memzone_reserve(const char *name, size_t len, int socket_id, unsigned flags)
{
	return rte_memzone_reserve_bounded(name, len, socket_id, flags, 0, 0);
}

__rte_export int
rte_memzone_free(const struct rte_memzone *mz)
{
	struct rte_memzone *m = (struct rte_memzone *)(uintptr_t)mz;

	if (mz == NULL)
		return -EINVAL;
	pthread_mutex_lock(&stub_lock);
	rte_free(m->addr);
	memset(m, 0, sizeof(*m));
	pthread_mutex_unlock(&stub_lock);
	return 0;
}

__rte_export const struct rte_memzone *
rte_memzone_lookup(const char *name)
{
	int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (stub_mz[i].addr != NULL && strcmp(stub_mz[i].name, name) == 0)
			return &stub_mz[i];
	return NULL;
}

__rte_export void
rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg), void *arg)
{
	int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (stub_mz[i].addr != NULL)
			func(&stub_mz[i], arg);
}

__rte_export void
rte_memzone_dump(FILE *f)
{
	(void)f;
}
