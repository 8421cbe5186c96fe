/* SPDX-License-Identifier: BSD-3-Clause */
/* Public view of EAL memory: memseg walks, address translation, dumps. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_mem_private.h"

__rte_export enum rte_iova_mode
rte_eal_iova_mode(void)
{
	return eal_mem->initialized ? eal_mem->iova_mode : eal_cfg.iova_mode;
}

__rte_export uint64_t
rte_eal_get_baseaddr(void)
{
	return eal_mem->window != NULL ? (uint64_t)(uintptr_t)eal_mem->window :
					EAL_MEM_BASE_HINT;
}

__rte_export int
rte_eal_using_phys_addrs(void)
{
	return eal_mem->phys_addrs;
}

__rte_export unsigned
rte_memory_get_nchannel(void)
{
	return 0;
}

__rte_export unsigned
rte_memory_get_nrank(void)
{
	return 0;
}

__rte_export int
rte_mem_lock_page(const void *virt)
{
	long pgsz = sysconf(_SC_PAGESIZE);
	uintptr_t p = RTE_ALIGN_FLOOR((uintptr_t)virt, (uintptr_t)pgsz);
	int ret = mlock((void *)p, (size_t)pgsz);

	/* As DPDK's rte_mem_lock: the cause goes to rte_errno. */
	if (ret != 0)
		rte_errno = errno;
	return ret;
}

__rte_export phys_addr_t
rte_mem_virt2phy(const void *virt)
{
	if (!eal_mem->phys_addrs)
		return RTE_BAD_PHYS_ADDR;
	return eal_mem_virt2phy_raw(virt);
}

__rte_export rte_iova_t
rte_mem_virt2iova(const void *virt)
{
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (rte_iova_t)(uintptr_t)virt;
	return rte_mem_virt2phy(virt);
}

__rte_export struct rte_memseg_list *
rte_mem_virt2memseg_list(const void *virt)
{
	struct eal_mem_list *l = eal_mem_list_of_va(virt);

	return l != NULL ? &l->msl : NULL;
}

__rte_export struct rte_memseg *
rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl)
{
	uintptr_t base, a = (uintptr_t)virt;
	struct rte_memseg *ms;

	if (msl == NULL)
		msl = rte_mem_virt2memseg_list(virt);
	if (msl == NULL)
		return NULL;
	base = (uintptr_t)msl->base_va;
	if (a < base || a >= base + msl->len)
		return NULL;
	ms = &msl->memsegs[(a - base) / msl->page_sz];
	return ms->addr != NULL ? ms : NULL;
}

__rte_export void *
rte_mem_iova2virt(rte_iova_t iova)
{
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (void *)(uintptr_t)iova;
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		const struct rte_memseg_list *msl = &eal_mem->lists[i].msl;

		for (unsigned int s = 0; s < msl->n_segs; s++) {
			const struct rte_memseg *ms = &msl->memsegs[s];

			if (ms->addr != NULL && iova >= ms->iova && iova < ms->iova + ms->len)
				return RTE_PTR_ADD(ms->addr, iova - ms->iova);
		}
	}
	return NULL;
}

__rte_export int
rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg)
{
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		int ret = func(&eal_mem->lists[i].msl, arg);

		if (ret != 0)
			return ret < 0 ? -1 : 1;
	}
	return 0;
}

__rte_export int
rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg)
{
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		const struct rte_memseg_list *msl = &eal_mem->lists[i].msl;

		for (unsigned int s = 0; s < msl->n_segs; s++) {
			int ret;

			if (msl->memsegs[s].addr == NULL)
				continue;
			ret = func(msl, &msl->memsegs[s], arg);
			if (ret != 0)
				return ret < 0 ? -1 : 1;
		}
	}
	return 0;
}

/* Each run of mapped segments is VA-contiguous, as in DPDK. */
__rte_export int
rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg)
{
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		const struct rte_memseg_list *msl = &eal_mem->lists[i].msl;
		unsigned int s = 0;

		while (s < msl->n_segs) {
			unsigned int start;
			int ret;

			if (msl->memsegs[s].addr == NULL) {
				s++;
				continue;
			}
			start = s;
			while (s < msl->n_segs && msl->memsegs[s].addr != NULL)
				s++;
			ret = func(msl, &msl->memsegs[start],
				   (size_t)(s - start) * msl->page_sz, arg);
			if (ret != 0)
				return ret < 0 ? -1 : 1;
		}
	}
	return 0;
}

__rte_export int
rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg)
{
	int ret;

	eal_mem_lock();
	ret = rte_memseg_list_walk_thread_unsafe(func, arg);
	eal_mem_unlock();
	return ret;
}

__rte_export int
rte_memseg_walk(rte_memseg_walk_t func, void *arg)
{
	int ret;

	eal_mem_lock();
	ret = rte_memseg_walk_thread_unsafe(func, arg);
	eal_mem_unlock();
	return ret;
}

__rte_export int
rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg)
{
	int ret;

	eal_mem_lock();
	ret = rte_memseg_contig_walk_thread_unsafe(func, arg);
	eal_mem_unlock();
	return ret;
}

static struct eal_mem_list *
memseg_owner(const struct rte_memseg *ms)
{
	if (ms == NULL || ms->addr == NULL)
		return NULL;
	return eal_mem_list_of_va(ms->addr);
}

__rte_export int
rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms)
{
	struct eal_mem_list *l = memseg_owner(ms);

	if (l == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (eal_mem_list_fd(l) < 0) {
		rte_errno = ENODEV;
		return -1;
	}
	return eal_mem_list_fd(l);
}

__rte_export int
rte_memseg_get_fd(const struct rte_memseg *ms)
{
	int ret;

	eal_mem_lock();
	ret = rte_memseg_get_fd_thread_unsafe(ms);
	eal_mem_unlock();
	return ret;
}

__rte_export int
rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms, size_t *offset)
{
	struct eal_mem_list *l = memseg_owner(ms);

	if (l == NULL || offset == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (eal_mem_list_fd(l) < 0) {
		rte_errno = ENODEV;
		return -1;
	}
	/* The backing file mirrors the list: page i lives at i * page_sz. */
	*offset = RTE_PTR_DIFF(ms->addr, l->msl.base_va);
	return 0;
}

__rte_export int
rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset)
{
	int ret;

	eal_mem_lock();
	ret = rte_memseg_get_fd_offset_thread_unsafe(ms, offset);
	eal_mem_unlock();
	return ret;
}

__rte_export uint64_t
rte_eal_get_physmem_size(void)
{
	return eal_mem->total_mapped;
}

__rte_export void
rte_dump_physmem_layout(FILE *f)
{
	eal_mem_lock();
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		const struct eal_mem_list *l = &eal_mem->lists[i];

		for (unsigned int s = 0; s < l->msl.n_segs; s++) {
			const struct rte_memseg *ms = &l->msl.memsegs[s];

			if (ms->addr == NULL)
				continue;
			fprintf(f, "Segment %u-%u: IOVA:0x%" PRIx64 ", len:%zu, virt:%p, "
				"socket_id:%" PRId32 ", hugepage_sz:%" PRIu64 ", nchannel:%"
				PRIx32 ", nrank:%" PRIx32 " fd:%i\n", i, s, ms->iova, ms->len,
				ms->addr, ms->socket_id, ms->hugepage_sz, ms->nchannel,
				ms->nrank, eal_mem_list_fd(l));
		}
	}
	eal_mem_unlock();
}

/* DPDK's limit: a wider mask is taken for a caller's mistake. */
#define EAL_DMA_MASK_BITS_MAX 63

/*
 * As DPDK 22.11: -1 for a mask wider than 63 bits, 1 when a mapped segment
 * ends above the mask (one without an IOVA, RTE_BAD_IOVA, never fits), else
 * 0, and then the narrowest mask that all memory fits is kept. Called with
 * the memory lock held, or before other threads exist.
 */
static int
dma_mask_check(uint8_t maskbits)
{
	uint64_t mask;

	if (maskbits > EAL_DMA_MASK_BITS_MAX) {
		EAL_LOG(ERR, "DMA mask of %u bits is wider than %u: give the device's "
			"address width\n", maskbits, EAL_DMA_MASK_BITS_MAX);
		return -1;
	}
	mask = ~((1ULL << maskbits) - 1);
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		const struct rte_memseg_list *msl = &eal_mem->lists[i].msl;

		for (unsigned int s = 0; s < msl->n_segs; s++) {
			const struct rte_memseg *ms = &msl->memsegs[s];

			if (ms->addr != NULL && ((ms->iova + ms->len - 1) & mask) != 0)
				return 1;
		}
	}
	if (eal_mem->dma_mask_bits == 0 || maskbits < eal_mem->dma_mask_bits)
		eal_mem->dma_mask_bits = maskbits;
	return 0;
}

__rte_export int
rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits)
{
	return dma_mask_check(maskbits);
}

__rte_export int
rte_mem_check_dma_mask(uint8_t maskbits)
{
	int ret;

	eal_mem_lock();
	ret = dma_mask_check(maskbits);
	eal_mem_unlock();
	return ret;
}

__rte_export void
rte_mem_set_dma_mask(uint8_t maskbits)
{
	eal_mem->dma_mask_bits = maskbits;
}
