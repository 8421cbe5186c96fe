/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The front-end's memory: SET_MEM_TABLE's regions mapped from the fds that
 * came with it, each checked before it is mapped (vhost-user.rst, "Memory
 * regions description"), and the two translations the rings need.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_common.h>

#include "vhost_private.h"

/* Whether [a, a + alen) and [b, b + blen) share a byte; neither wraps (checked before). */
static bool
vhost_range_overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

static int
vhost_mem_region_check(const struct vhost_user_mem_region *r, unsigned int i,
		       const struct vhost_user_mem_region *all)
{
	if (r->memory_size == 0) {
		VHOST_LOG(ERR,
			  "vhost: memory region %u has size 0: the front-end must not send it\n",
			  i);
		return -EINVAL;
	}
	if (r->guest_phys_addr + r->memory_size < r->guest_phys_addr ||
	    r->userspace_addr + r->memory_size < r->userspace_addr ||
	    r->mmap_offset + r->memory_size < r->mmap_offset) {
		VHOST_LOG(ERR, "vhost: memory region %u wraps around the address space\n", i);
		return -EINVAL;
	}
	for (unsigned int j = 0; j < i; j++) {
		if (vhost_range_overlaps(r->guest_phys_addr, r->memory_size, all[j].guest_phys_addr,
					 all[j].memory_size) ||
		    vhost_range_overlaps(r->userspace_addr, r->memory_size, all[j].userspace_addr,
					 all[j].memory_size)) {
			VHOST_LOG(ERR, "vhost: memory regions %u and %u overlap\n", j, i);
			return -EINVAL;
		}
	}
	return 0;
}

/* Map one checked region: the file must hold all of it, or a read would fault. */
static int
vhost_mem_region_map(struct vhost_mem_region *out, const struct vhost_user_mem_region *r, int fd)
{
	struct stat st;
	uint64_t end = r->mmap_offset + r->memory_size;
	uint64_t align;
	void *map;

	if (fstat(fd, &st) != 0)
		return -errno;
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size < end) {
		VHOST_LOG(ERR, "vhost: memory region fd holds %jd bytes, the region needs %ju\n",
			  (intmax_t)st.st_size, (uintmax_t)end);
		return -EINVAL;
	}
	/* hugetlbfs files map in whole huge pages; st_blksize is their size */
	align = st.st_blksize > 0 ? (uint64_t)st.st_blksize : 4096;
	if ((align & (align - 1)) != 0)
		align = 4096;
	end = RTE_ALIGN_CEIL(end, align);
	map = mmap(NULL, end, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		return -errno;
	out->gpa = r->guest_phys_addr;
	out->uva = r->userspace_addr;
	out->size = r->memory_size;
	out->map = map;
	out->map_len = end;
	out->host = (uint8_t *)map + r->mmap_offset;
	out->fd = fd;
	return 0;
}

void
vhost_mem_table_free(struct vhost_dev *dev)
{
	for (uint32_t i = 0; i < dev->nregions; i++) {
		munmap(dev->regions[i].map, dev->regions[i].map_len);
		close(dev->regions[i].fd);
	}
	memset(dev->regions, 0, sizeof(dev->regions));
	dev->nregions = 0;
}

int
vhost_mem_table_set(struct vhost_dev *dev, const struct vhost_user_memory *mem, int *fds,
		    unsigned int nfds)
{
	struct vhost_mem_region next[VHOST_USER_MEMORY_MAX_NREGIONS];
	uint32_t n = mem->nregions;
	unsigned int i;
	int ret;

	if (n == 0 || n > VHOST_USER_MEMORY_MAX_NREGIONS || nfds != n) {
		VHOST_LOG(ERR,
			  "vhost: memory table of %u regions with %u fds (1..%u, one fd each)\n", n,
			  nfds, VHOST_USER_MEMORY_MAX_NREGIONS);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		ret = vhost_mem_region_check(&mem->regions[i], i, mem->regions);
		if (ret < 0)
			return ret;
	}
	for (i = 0; i < n; i++) {
		ret = vhost_mem_region_map(&next[i], &mem->regions[i], fds[i]);
		if (ret < 0)
			goto out_unmap;
	}
	/* the new table replaces the old only once all of it is mapped */
	vhost_mem_table_free(dev);
	memcpy(dev->regions, next, sizeof(next[0]) * n);
	dev->nregions = n;
	for (i = 0; i < n; i++)
		fds[i] = -1; /* kept by the table */
	return 0;

out_unmap:
	while (i-- > 0)
		munmap(next[i].map, next[i].map_len);
	return ret;
}

void *
vhost_mem_uva_to_va(const struct vhost_dev *dev, uint64_t uva, uint64_t len)
{
	for (uint32_t i = 0; i < dev->nregions; i++) {
		const struct vhost_mem_region *r = &dev->regions[i];

		if (uva >= r->uva && uva - r->uva < r->size && len <= r->size - (uva - r->uva))
			return r->host + (uva - r->uva);
	}
	return NULL;
}
