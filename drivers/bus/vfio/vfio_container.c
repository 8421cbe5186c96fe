/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The process's one VFIO container: its type1 IOMMU, the IOVA ranges the
 * IOMMU accepts, and DMA mappings of all EAL memory (made when the first
 * group joins, kept in step with memory events, undone when the last
 * group leaves).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "pci_private.h"

#define VFIO_MEM_EVENT_NAME "vfio_bus_dma"
#define VFIO_MAX_IOVA_RANGES 16

struct dma_map {
	uint64_t va;
	uint64_t iova;
	uint64_t len;
};

static int container_fd = -1;
static int iommu_type;			/* VFIO_TYPE1v2_IOMMU or VFIO_TYPE1_IOMMU once set */
static unsigned int container_groups;	/* groups attached */
static bool mem_event_registered;
static struct vfio_iova_range iova_ranges[VFIO_MAX_IOVA_RANGES];
static unsigned int n_iova_ranges;	/* 0: the IOMMU did not say, anything goes */

/* DMA mappings made, guarded by dma_lock (memory events come from any thread). */
static pthread_mutex_t dma_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dma_map *dma_maps;
static unsigned int n_dma_maps, dma_maps_cap;

static char vfio_dev_dir[256] = "/dev/vfio";

/* Test hook: where the VFIO character devices live. */
void
vfio_dev_dir_set(const char *dir)
{
	pci_fmt(vfio_dev_dir, sizeof(vfio_dev_dir), "%s", dir != NULL ? dir : "/dev/vfio");
}

const char *
vfio_dev_dir_get(void)
{
	return vfio_dev_dir;
}

/*
 * A secondary uses the primary's container: the IOMMU is set and EAL memory
 * mapped there already, at the IOVAs shared with this process.
 */
static int
container_fd_from_primary(void)
{
	const struct vfio_mp_req q = { .op = VFIO_MP_OP_CONTAINER };
	struct vfio_mp_rep r;
	int fd, ret;

	ret = vfio_mp_request(&q, &r, &fd);
	if (ret < 0) {
		if (ret == -ENODEV)
			VFIO_LOG(ERR, "the primary process has no VFIO device open, so a secondary "
				 "has none either; fix: give the device to the primary (-a BDF)\n");
		return ret;
	}
	pthread_mutex_lock(&dma_lock);
	container_fd = fd;
	pthread_mutex_unlock(&dma_lock);
	return fd;
}

int
vfio_container_fd_dup(int *fd)
{
	int err = 0;

	pthread_mutex_lock(&dma_lock);
	*fd = container_fd >= 0 ? fcntl(container_fd, F_DUPFD_CLOEXEC, 0) : -1;
	if (container_fd < 0)
		err = ENODEV;
	else if (*fd < 0)
		err = errno;
	pthread_mutex_unlock(&dma_lock);
	return -err;
}

int
vfio_container_fd(void)
{
	char path[300];
	int fd, err, api;

	if (container_fd >= 0)
		return container_fd;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return container_fd_from_primary();
	pci_fmt(path, sizeof(path), "%s/vfio", vfio_dev_dir);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		if (err == ENOENT)
			VFIO_LOG(ERR, "%s is missing: VFIO is not loaded; fix: modprobe vfio-pci "
				 "(and boot with intel_iommu=on so that devices have an IOMMU)\n",
				 path);
		else if (err == EACCES || err == EPERM)
			VFIO_LOG(ERR, "no permission to open %s: run as root (or give your user "
				 "access to /dev/vfio)\n", path);
		else
			VFIO_LOG(ERR, "cannot open %s: %s\n", path, strerror(err));
		return -err;
	}
	api = ioctl(fd, VFIO_GET_API_VERSION);
	if (api != VFIO_API_VERSION) {
		close(fd);
		VFIO_LOG(ERR, "the kernel's VFIO API version is %d, not %d: this kernel is not "
			 "supported\n", api, VFIO_API_VERSION);
		return -ENOTSUP;
	}
	if (ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) <= 0 &&
	    ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) <= 0) {
		close(fd);
		VFIO_LOG(ERR, "VFIO offers no type1 IOMMU: the IOMMU is off; fix: boot with "
			 "intel_iommu=on (AMD: amd_iommu=on)\n");
		return -ENODEV;
	}
	pthread_mutex_lock(&dma_lock);
	container_fd = fd;
	pthread_mutex_unlock(&dma_lock);
	return fd;
}

static bool
iova_fits(uint64_t iova, uint64_t len)
{
	if (n_iova_ranges == 0)
		return true;
	for (unsigned int i = 0; i < n_iova_ranges; i++)
		if (iova >= iova_ranges[i].start && iova + len - 1 <= iova_ranges[i].end)
			return true;
	return false;
}

/* Called with dma_lock held. */
static int
dma_map_one(uint64_t va, uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_map m = {
		.argsz = sizeof(m),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.vaddr = va,
		.iova = iova,
		.size = len,
	};

	if (iova == RTE_BAD_IOVA) {
		VFIO_LOG(ERR, "memory at %#" PRIx64 " has no IOVA (physical addresses need root): "
			 "use --iova-mode=va\n", va);
		return -EINVAL;
	}
	if (!iova_fits(iova, len)) {
		VFIO_LOG(ERR, "EAL memory at IOVA %#" PRIx64 "-%#" PRIx64 " is outside what the "
			 "IOMMU accepts (up to %#" PRIx64 "): the IOMMU has too few address bits; "
			 "fix: give it more (QEMU: -device intel-iommu,aw-bits=48) or keep EAL "
			 "memory low (do not use --base-virtaddr above that)\n", iova,
			 iova + len - 1, (uint64_t)iova_ranges[n_iova_ranges - 1].end);
		return -EINVAL;
	}
	if (n_dma_maps == dma_maps_cap) {
		unsigned int cap = dma_maps_cap ? dma_maps_cap * 2 : 64;
		struct dma_map *n = realloc(dma_maps, sizeof(*n) * cap);

		if (n == NULL)
			return -ENOMEM;
		dma_maps = n;
		dma_maps_cap = cap;
	}
	if (ioctl(container_fd, VFIO_IOMMU_MAP_DMA, &m) < 0) {
		int err = errno;

		VFIO_LOG(ERR, "cannot map %#" PRIx64 " bytes at IOVA %#" PRIx64 " for DMA: %s%s\n",
			 len, iova, strerror(err), err == ENOSPC ?
			 " (too many mappings: raise vfio_iommu_type1 dma_entry_limit)" :
			 err == ENOMEM ? " (locked memory limit: raise ulimit -l)" : "");
		return -err;
	}
	dma_maps[n_dma_maps++] = (struct dma_map){ va, iova, len };
	return 0;
}

/* Called with dma_lock held; removes entry i from the list. */
static void
dma_unmap_index(unsigned int i)
{
	struct vfio_iommu_type1_dma_unmap u = {
		.argsz = sizeof(u),
		.iova = dma_maps[i].iova,
		.size = dma_maps[i].len,
	};

	if (ioctl(container_fd, VFIO_IOMMU_UNMAP_DMA, &u) < 0)
		VFIO_LOG(WARNING, "cannot unmap IOVA %#" PRIx64 ": %s\n", (uint64_t)u.iova,
			 strerror(errno));
	dma_maps[i] = dma_maps[--n_dma_maps];
}

static uint64_t
dma_iova_of(const void *va, uint64_t seg_iova)
{
	return rte_eal_iova_mode() == RTE_IOVA_VA ? (uint64_t)(uintptr_t)va : seg_iova;
}

static int
dma_map_contig(const struct rte_memseg_list *msl, const struct rte_memseg *ms, size_t len,
	       void *arg)
{
	int ret;

	(void)arg;
	if (msl->external)
		return 0;
	pthread_mutex_lock(&dma_lock);
	ret = dma_map_one(ms->addr_64, dma_iova_of(ms->addr, ms->iova), len);
	pthread_mutex_unlock(&dma_lock);
	return ret < 0 ? -1 : 0;
}

/*
 * Unmap [va, va+len): type1 only unmaps whole mappings, so a mapping that
 * straddles the range is unmapped and its remaining parts mapped again.
 */
static void
dma_unmap_range(uint64_t va, uint64_t len)
{
	uint64_t end = va + len;

	for (unsigned int i = 0; i < n_dma_maps;) {
		struct dma_map m = dma_maps[i];

		if (m.va >= end || m.va + m.len <= va) {
			i++;
			continue;
		}
		dma_unmap_index(i);
		if (m.va < va)
			dma_map_one(m.va, m.iova, va - m.va);
		if (m.va + m.len > end)
			dma_map_one(end, m.iova + (end - m.va), m.va + m.len - end);
	}
}

static void
dma_mem_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	uint64_t va = (uint64_t)(uintptr_t)addr;

	(void)arg;
	pthread_mutex_lock(&dma_lock);
	if (iommu_type == 0) {
		pthread_mutex_unlock(&dma_lock);
		return;
	}
	if (type == RTE_MEM_EVENT_FREE) {
		dma_unmap_range(va, len);
	} else if (rte_eal_iova_mode() == RTE_IOVA_VA) {
		dma_map_one(va, va, len);
	} else {
		/* PA: pages need not be IOVA-contiguous; map them one by one. */
		for (uint64_t off = 0; off < len;) {
			const struct rte_memseg *ms = rte_mem_virt2memseg((void *)(uintptr_t)(va + off),
									  NULL);

			if (ms == NULL || ms->len == 0)
				break;
			dma_map_one(ms->addr_64, ms->iova, ms->len);
			off = ms->addr_64 + ms->len - va;
		}
	}
	pthread_mutex_unlock(&dma_lock);
}

/* Read the usable IOVA ranges from VFIO_IOMMU_GET_INFO's capability chain. */
static void
iommu_read_ranges(void)
{
	const struct vfio_iommu_type1_info_cap_iova_range *r;
	struct vfio_iommu_type1_info *info;
	uint32_t argsz = sizeof(*info);

	n_iova_ranges = 0;
	info = calloc(1, argsz);
	if (info == NULL)
		return;
	info->argsz = argsz;
	if (ioctl(container_fd, VFIO_IOMMU_GET_INFO, info) == 0 && info->argsz > argsz) {
		argsz = info->argsz;
		free(info);
		info = calloc(1, argsz);
		if (info == NULL)
			return;
		info->argsz = argsz;
		if (ioctl(container_fd, VFIO_IOMMU_GET_INFO, info) < 0) {
			free(info);
			return;
		}
	}
	if (!(info->flags & VFIO_IOMMU_INFO_CAPS)) {
		free(info);
		return;
	}
	r = (const void *)vfio_info_cap_find(info, argsz, info->cap_offset,
					     VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, sizeof(*r));
	if (r != NULL) {
		uint32_t n = vfio_cap_entries_fit(info, argsz, r, sizeof(*r),
						  sizeof(r->iova_ranges[0]), r->nr_iovas);

		for (uint32_t i = 0; i < n && n_iova_ranges < VFIO_MAX_IOVA_RANGES; i++)
			iova_ranges[n_iova_ranges++] = r->iova_ranges[i];
	}
	free(info);
}

static int
iommu_setup(void)
{
	int type = VFIO_TYPE1v2_IOMMU, ret;
	uint64_t top = 0;

	if (ioctl(container_fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) <= 0)
		type = VFIO_TYPE1_IOMMU;
	if (ioctl(container_fd, VFIO_SET_IOMMU, type) < 0) {
		int err = errno;

		VFIO_LOG(ERR, "cannot set the %s IOMMU: %s\n",
			 type == VFIO_TYPE1v2_IOMMU ? "type1v2" : "type1", strerror(err));
		return -err;
	}
	iommu_read_ranges();
	if (n_iova_ranges > 0)
		top = iova_ranges[n_iova_ranges - 1].end;
	VFIO_LOG(INFO, "IOMMU %s, usable IOVA up to %#" PRIx64 " (%d bits), IOVA as %s%s\n",
		 type == VFIO_TYPE1v2_IOMMU ? "type1v2" : "type1", top,
		 top ? 64 - __builtin_clzll(top) : 64,
		 rte_eal_iova_mode() == RTE_IOVA_VA ? "VA" : "PA",
		 rte_eal_iova_mode() == RTE_IOVA_VA ?
		 " (EAL memory is placed low, so its virtual addresses fit)" : "");

	pthread_mutex_lock(&dma_lock);
	iommu_type = type;
	pthread_mutex_unlock(&dma_lock);
	/* Map what exists now; memory events keep the mappings current. */
	ret = rte_memseg_contig_walk(dma_map_contig, NULL);
	if (ret < 0)
		return -EINVAL;
	if (!mem_event_registered) {
		if (rte_mem_event_callback_register(VFIO_MEM_EVENT_NAME, dma_mem_event, NULL) < 0 &&
		    rte_errno != EEXIST) {
			VFIO_LOG(ERR, "cannot follow memory events: %s\n", rte_strerror(rte_errno));
			return -rte_errno;
		}
		mem_event_registered = true;
	}
	VFIO_LOG(DEBUG, "%u DMA mappings of EAL memory\n", n_dma_maps);
	return 0;
}

static void
dma_unmap_all(void)
{
	pthread_mutex_lock(&dma_lock);
	while (n_dma_maps > 0)
		dma_unmap_index(n_dma_maps - 1);
	iommu_type = 0;
	pthread_mutex_unlock(&dma_lock);
}

int
vfio_container_attach(struct vfio_group *g)
{
	int fd = vfio_container_fd(), ret;

	if (fd < 0)
		return fd;
	if (ioctl(g->fd, VFIO_GROUP_SET_CONTAINER, &fd) < 0) {
		ret = -errno;
		VFIO_LOG(ERR, "cannot add IOMMU group %d to the container: %s\n", g->num,
			 strerror(-ret));
		return ret;
	}
	container_groups++;
	if (iommu_type == 0) {
		ret = iommu_setup();
		if (ret < 0) {
			vfio_container_detach(g);
			return ret;
		}
	}
	return 0;
}

void
vfio_container_detach(struct vfio_group *g)
{
	/* The IOMMU goes away with the last group: unmap first, explicitly. */
	if (container_groups == 1)
		dma_unmap_all();
	ioctl(g->fd, VFIO_GROUP_UNSET_CONTAINER);
	if (container_groups > 0)
		container_groups--;
}

void
vfio_container_close(void)
{
	if (mem_event_registered) {
		rte_mem_event_callback_unregister(VFIO_MEM_EVENT_NAME, NULL);
		mem_event_registered = false;
	}
	dma_unmap_all();
	free(dma_maps);
	dma_maps = NULL;
	dma_maps_cap = 0;
	pthread_mutex_lock(&dma_lock);
	if (container_fd >= 0)
		close(container_fd);
	container_fd = -1;
	pthread_mutex_unlock(&dma_lock);
	n_iova_ranges = 0;
}

int
vfio_dma_is_mapped(uint64_t iova, uint64_t len)
{
	int found = 0;

	pthread_mutex_lock(&dma_lock);
	for (unsigned int i = 0; i < n_dma_maps && !found; i++)
		found = iova >= dma_maps[i].iova &&
			iova + len <= dma_maps[i].iova + dma_maps[i].len;
	pthread_mutex_unlock(&dma_lock);
	return found;
}

unsigned int
vfio_dma_map_count(void)
{
	return n_dma_maps;
}
