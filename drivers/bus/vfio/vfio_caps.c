/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Capability chains of VFIO info answers (region info, IOMMU info). The
 * kernel writes them, but a chain is a set of offsets into our buffer:
 * each one is bounded by the buffer size before it is followed, and every
 * sum is written so that it cannot wrap.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/vfio.h>

#include "pci_private.h"

/* Each capability starts 8-byte aligned in the kernel's answers. */
#define VFIO_CAP_ALIGN 8

/* 1 if [off, off + len) lies inside a buffer of argsz bytes. */
static bool
vfio_span_fits(uint32_t argsz, uint64_t off, uint64_t len)
{
	return off <= argsz && len <= argsz - off;
}

const struct vfio_info_cap_header *
vfio_info_cap_find(const void *info, uint32_t argsz, uint32_t first, uint16_t id, size_t cap_len)
{
	uint32_t off = first;

	/* A capability never overlaps the fixed part, so offset 0 ends the chain. */
	while (off != 0 && off % VFIO_CAP_ALIGN == 0 &&
	       vfio_span_fits(argsz, off, sizeof(struct vfio_info_cap_header))) {
		const struct vfio_info_cap_header *h = (const void *)((const char *)info + off);

		if (h->id == id)
			return vfio_span_fits(argsz, off, cap_len) ? h : NULL;
		/* Only forward: a loop or a step back ends the walk. */
		if (h->next <= off)
			break;
		off = h->next;
	}
	return NULL;
}

uint32_t
vfio_cap_entries_fit(const void *info, uint32_t argsz, const void *cap, size_t head_len,
		     size_t entry_len, uint32_t count)
{
	uint64_t off = (uint64_t)((const char *)cap - (const char *)info);
	uint64_t room;

	if (entry_len == 0 || !vfio_span_fits(argsz, off, head_len))
		return 0;
	room = (argsz - off - head_len) / entry_len;
	return count < room ? count : (uint32_t)room;
}

bool
vfio_sparse_area_fits(uint64_t region_size, uint64_t offset, uint64_t size, uint64_t page_size)
{
	/* offset + size > region_size would wrap for offsets near 2^64. */
	return size != 0 && offset <= region_size && size <= region_size - offset &&
	       (page_size == 0 || offset % page_size == 0);
}
