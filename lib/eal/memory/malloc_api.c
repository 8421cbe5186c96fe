/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_malloc and friends: argument rules of DPDK over the heaps. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"
#include "eal_mem_private.h"
#include "malloc_heap.h"

__rte_export void *
rte_malloc_socket(const char *type, size_t size, unsigned align, int socket)
{
	(void)type;	/* DPDK ignores it too */
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align)) ||
	    (socket != SOCKET_ID_ANY && (socket < 0 || socket >= RTE_MAX_HEAPS))) {
		rte_errno = EINVAL;
		return NULL;
	}
	/* Without hugepages any socket will do, as in DPDK; an external heap is asked for */
	if (!eal_mem->hugepages && socket < RTE_MAX_NUMA_NODES)
		socket = SOCKET_ID_ANY;
	return malloc_heap_alloc(size, socket, align == 0 ? 1 : align, 0, false);
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

	/* Freed blocks keep their old bytes: clear every time. */
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
	if (size != 0 && num > SIZE_MAX / size) {
		rte_errno = EINVAL;
		return NULL;
	}
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
		malloc_heap_free(ptr);
}

__rte_export void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
{
	size_t old;
	void *n;

	if (ptr == NULL)
		return rte_malloc_socket(NULL, size, align, socket);
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align))) {
		rte_errno = EINVAL;
		return NULL;
	}
	old = malloc_heap_usable(ptr);
	if (old == 0) {
		EAL_LOG(ERR, "rte_realloc(%p): not a block from rte_malloc\n", ptr);
		rte_errno = EINVAL;
		return NULL;
	}
	if (!eal_mem->hugepages && socket < RTE_MAX_NUMA_NODES)
		socket = SOCKET_ID_ANY;
	align = RTE_MAX(align, (unsigned int)RTE_CACHE_LINE_SIZE);
	/* In place when the socket and alignment already match. */
	if ((socket == SOCKET_ID_ANY || socket == malloc_heap_socket_of(ptr)) &&
	    ((uintptr_t)ptr & (align - 1)) == 0 && malloc_heap_resize(ptr, size) == 0)
		return ptr;
	n = rte_malloc_socket(NULL, size, align, socket);
	if (n == NULL)
		return NULL;
	memcpy(n, ptr, RTE_MIN(old, size));
	rte_free(ptr);
	return n;
}

__rte_export void *
rte_realloc(void *ptr, size_t size, unsigned int align)
{
	return rte_realloc_socket(ptr, size, align, SOCKET_ID_ANY);
}

__rte_export int
rte_malloc_validate(const void *ptr, size_t *size)
{
	size_t n = malloc_heap_usable(ptr);

	if (n == 0)
		return -1;
	if (size != NULL)
		*size = n;
	return 0;
}

__rte_export int
rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *socket_stats)
{
	return malloc_heap_get_stats(socket, socket_stats);
}

__rte_export void
rte_malloc_dump_stats(FILE *f, const char *type)
{
	struct rte_malloc_socket_stats st;

	(void)type;
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		int s = eal_mem->lists[i].msl.socket_id;

		if (malloc_heap_get_stats(s, &st) < 0)
			continue;
		fprintf(f, "Heap id:%d\n", s);
		fprintf(f, "\tHeap name:socket_%d\n", s);
		fprintf(f, "\tHeap_size:%zu,\n", st.heap_totalsz_bytes);
		fprintf(f, "\tFree_size:%zu,\n", st.heap_freesz_bytes);
		fprintf(f, "\tAlloc_size:%zu,\n", st.heap_allocsz_bytes);
		fprintf(f, "\tGreatest_free_size:%zu,\n", st.greatest_free_size);
		fprintf(f, "\tAlloc_count:%u,\n", st.alloc_count);
		fprintf(f, "\tFree_count:%u,\n", st.free_count);
	}
}

__rte_export void
rte_malloc_dump_heaps(FILE *f)
{
	malloc_heap_dump(f);
}

__rte_export rte_iova_t
rte_malloc_virt2iova(const void *addr)
{
	const struct rte_memseg *ms = rte_mem_virt2memseg(addr, NULL);

	if (ms == NULL)
		return malloc_heap_ext_virt2iova(addr);
	if (ms->iova == RTE_BAD_IOVA)
		return RTE_BAD_IOVA;
	return ms->iova + RTE_PTR_DIFF(addr, ms->addr);
}

__rte_export int
rte_malloc_heap_get_socket(const char *name)
{
	char own[32];
	int ext_socket;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		int s = eal_mem->lists[i].msl.socket_id;

		snprintf(own, sizeof(own), "socket_%d", s);
		if (strcmp(own, name) == 0)
			return s;
	}
	ext_socket = malloc_heap_ext_socket_of_name(name);
	if (ext_socket >= 0)
		return ext_socket;
	rte_errno = ENOENT;
	return -1;
}

__rte_export int
rte_malloc_heap_socket_is_external(int socket_id)
{
	if (socket_id == SOCKET_ID_ANY)
		return 0;
	if (malloc_heap_ext_of_socket(socket_id) != NULL)
		return 1;
	for (unsigned int i = 0; i < eal_mem->n_lists; i++)
		if (eal_mem->lists[i].msl.socket_id == socket_id)
			return 0;
	rte_errno = EINVAL;
	return -1;
}
