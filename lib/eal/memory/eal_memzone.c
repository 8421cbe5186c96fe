/* SPDX-License-Identifier: BSD-3-Clause */
/* Memzones: named blocks from the malloc heaps, in one fixed table. */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>

#include "eal_private.h"
#include "eal_mem_private.h"

#define MZ_PAGE_FLAGS (RTE_MEMZONE_2MB | RTE_MEMZONE_1GB | RTE_MEMZONE_16MB | \
		       RTE_MEMZONE_16GB | RTE_MEMZONE_256KB | RTE_MEMZONE_256MB | \
		       RTE_MEMZONE_512MB | RTE_MEMZONE_4GB)
/* Every flag DPDK 22.11 knows; any other bit is refused with EINVAL, as there. */
#define MZ_KNOWN_FLAGS (MZ_PAGE_FLAGS | RTE_MEMZONE_SIZE_HINT_ONLY | RTE_MEMZONE_IOVA_CONTIG)

/* The table in the shared config; NULL (no memzone) before memory is up. */
static struct eal_memzone_table *mzt;

static struct rte_memzone *
mz_find_locked(const char *name)
{
	for (unsigned int i = 0; i < RTE_MAX_MEMZONE; i++)
		if (mzt->zones[i].addr != NULL &&
		    strncmp(mzt->zones[i].name, name, RTE_MEMZONE_NAMESIZE) == 0)
			return &mzt->zones[i];
	return NULL;
}

/* true if flags ask for a page size other than the one we use. */
static bool
mz_page_size_mismatch(unsigned int flags)
{
	static const struct { unsigned int flag; uint64_t sz; } map[] = {
		{ RTE_MEMZONE_256KB, RTE_PGSIZE_256K }, { RTE_MEMZONE_2MB, RTE_PGSIZE_2M },
		{ RTE_MEMZONE_16MB, RTE_PGSIZE_16M }, { RTE_MEMZONE_256MB, RTE_PGSIZE_256M },
		{ RTE_MEMZONE_512MB, RTE_PGSIZE_512M }, { RTE_MEMZONE_1GB, RTE_PGSIZE_1G },
		{ RTE_MEMZONE_4GB, RTE_PGSIZE_4G }, { RTE_MEMZONE_16GB, RTE_PGSIZE_16G },
	};

	if ((flags & MZ_PAGE_FLAGS) == 0 || (flags & RTE_MEMZONE_SIZE_HINT_ONLY))
		return false;
	for (unsigned int i = 0; i < RTE_DIM(map); i++)
		if ((flags & map[i].flag) && map[i].sz == eal_mem->page_sz)
			return false;
	return true;
}

static const struct rte_memzone *
mz_reserve(const char *name, size_t len, int socket_id, unsigned int flags,
	   unsigned int align, unsigned int bound)
{
	struct rte_memzone *mz = NULL;
	size_t want;
	void *p;
	int err;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (strnlen(name, RTE_MEMZONE_NAMESIZE) == RTE_MEMZONE_NAMESIZE) {
		EAL_LOG(DEBUG, "memzone name '%.*s...' is longer than %d characters\n",
			RTE_MEMZONE_NAMESIZE - 1, name, RTE_MEMZONE_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	/* As DPDK, the bound is checked against the length rounded to a cache line. */
	if ((align != 0 && !rte_is_power_of_2(align)) ||
	    (bound != 0 && (!rte_is_power_of_2(bound) ||
			    RTE_ALIGN_CEIL((uint64_t)len, RTE_CACHE_LINE_SIZE) > bound)) ||
	    (socket_id != SOCKET_ID_ANY && socket_id < 0) ||
	    (flags & ~MZ_KNOWN_FLAGS) != 0 ||
	    len > SIZE_MAX / 2) {
		rte_errno = EINVAL;
		return NULL;
	}
	align = RTE_MAX(align, (unsigned int)RTE_CACHE_LINE_SIZE);
	if (!eal_mem->hugepages && socket_id < RTE_MAX_NUMA_NODES)
		socket_id = SOCKET_ID_ANY;

	if (mzt == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	pthread_rwlock_wrlock(&mzt->lock);
	err = EEXIST;
	if (mz_find_locked(name) != NULL)
		goto fail;
	err = ENOSPC;
	for (unsigned int i = 0; i < RTE_MAX_MEMZONE && mz == NULL; i++)
		if (mzt->zones[i].addr == NULL)
			mz = &mzt->zones[i];
	if (mz == NULL)
		goto fail;
	/* A socket past RTE_MAX_NUMA_NODES has no heap: ENOMEM, as in DPDK 22.11. */
	err = ENOMEM;
	if (!eal_mem->initialized || mz_page_size_mismatch(flags) ||
	    socket_id >= RTE_MAX_NUMA_NODES)
		goto fail;
	/* len 0: the biggest block there is (or one bound's worth). */
	want = len != 0 ? RTE_ALIGN_CEIL(len, (size_t)RTE_CACHE_LINE_SIZE) : bound;
	if (want == 0)
		want = malloc_heap_max_free(socket_id, align);
	if (want == 0)
		goto fail;
	p = malloc_heap_alloc(want, socket_id, align, bound,
			      (flags & RTE_MEMZONE_IOVA_CONTIG) != 0);
	if (p == NULL)
		goto fail;
	memset(p, 0, want);
	snprintf(mz->name, sizeof(mz->name), "%s", name);
	mz->addr = p;
	mz->iova = rte_malloc_virt2iova(p);
	mz->len = want;
	mz->hugepage_sz = eal_mem->page_sz;
	mz->socket_id = malloc_heap_socket_of(p);
	mz->flags = 0;
	mzt->count++;
	pthread_rwlock_unlock(&mzt->lock);
	return mz;
fail:
	pthread_rwlock_unlock(&mzt->lock);
	rte_errno = err;
	return NULL;
}

__rte_export const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id,
			    unsigned flags, unsigned align, unsigned bound)
{
	return mz_reserve(name, len, socket_id, flags, align, bound);
}

__rte_export const struct rte_memzone *
rte_memzone_reserve_aligned(const char *name, size_t len, int socket_id,
			    unsigned flags, unsigned align)
{
	return mz_reserve(name, len, socket_id, flags, align, 0);
}

__rte_export const struct rte_memzone *
rte_memzone_reserve(const char *name, size_t len, int socket_id, unsigned flags)
{
	return mz_reserve(name, len, socket_id, flags, RTE_CACHE_LINE_SIZE, 0);
}

__rte_export int
rte_memzone_free(const struct rte_memzone *mz)
{
	uintptr_t idx;
	void *addr;

	if (mz == NULL || mzt == NULL)
		return -EINVAL;
	idx = (uintptr_t)(mz - mzt->zones);
	if (mz < mzt->zones || idx >= RTE_MAX_MEMZONE)
		return -EINVAL;
	pthread_rwlock_wrlock(&mzt->lock);
	addr = mzt->zones[idx].addr;
	if (addr == NULL) {
		pthread_rwlock_unlock(&mzt->lock);
		return -EINVAL;
	}
	memset(&mzt->zones[idx], 0, sizeof(mzt->zones[idx]));
	mzt->count--;
	pthread_rwlock_unlock(&mzt->lock);
	rte_free(addr);
	return 0;
}

__rte_export const struct rte_memzone *
rte_memzone_lookup(const char *name)
{
	const struct rte_memzone *mz;

	if (name == NULL || mzt == NULL)
		return NULL;
	pthread_rwlock_rdlock(&mzt->lock);
	mz = mz_find_locked(name);
	pthread_rwlock_unlock(&mzt->lock);
	return mz;
}

__rte_export void
rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg), void *arg)
{
	if (mzt == NULL)
		return;
	pthread_rwlock_rdlock(&mzt->lock);
	for (unsigned int i = 0; i < RTE_MAX_MEMZONE; i++)
		if (mzt->zones[i].addr != NULL)
			func(&mzt->zones[i], arg);
	pthread_rwlock_unlock(&mzt->lock);
}

__rte_export void
rte_memzone_dump(FILE *f)
{
	if (mzt == NULL)
		return;
	pthread_rwlock_rdlock(&mzt->lock);
	for (unsigned int i = 0; i < RTE_MAX_MEMZONE; i++) {
		const struct rte_memzone *mz = &mzt->zones[i];

		if (mz->addr == NULL)
			continue;
		fprintf(f, "Zone %u: name:<%s>, len:0x%zx, virt:%p, socket_id:%" PRId32
			", flags:%#" PRIx32 "\n", i, mz->name, mz->len, mz->addr,
			mz->socket_id, mz->flags);
		fprintf(f, "physical segments used:\n");
		for (uintptr_t p = RTE_ALIGN_FLOOR((uintptr_t)mz->addr, mz->hugepage_sz);
		     p < (uintptr_t)mz->addr + mz->len; p += mz->hugepage_sz) {
			const struct rte_memseg *ms = rte_mem_virt2memseg((void *)p, NULL);

			if (ms != NULL)
				fprintf(f, "  addr: %p iova: 0x%" PRIx64 " len: 0x%zx pagesz: 0x%"
					PRIx64 "\n", ms->addr, ms->iova, ms->len, ms->hugepage_sz);
		}
	}
	pthread_rwlock_unlock(&mzt->lock);
}

void
eal_memzone_attach(struct eal_memzone_table *t, bool init)
{
	if (init) {
		memset(t, 0, sizeof(*t));
		eal_shared_rwlock_init(&t->lock); /* cannot fail on Linux */
	}
	mzt = t;
}

/* The primary forgets the zones (their memory goes with the window); a secondary lets go. */
void
eal_memzone_cleanup(void)
{
	if (mzt != NULL && eal_cfg.process_type != RTE_PROC_SECONDARY)
		pthread_rwlock_destroy(&mzt->lock);
	mzt = NULL;
}
