/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL memory: one VA window reserved at start-up, cut into one memseg list
 * per NUMA socket; pages are mapped into it on demand from a memfd (or a
 * file in --huge-dir), and each records its IOVA.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <numaif.h>
#include <sys/file.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_mem_private.h"

#ifndef MFD_HUGE_SHIFT
#define MFD_HUGE_SHIFT 26
#endif

static struct eal_mem_config eal_mem_local = { .lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP };
struct eal_mem_config *eal_mem = &eal_mem_local;

/* What backs each list in this process: a memfd or a --huge-dir file. */
static struct {
	int fd;
	char path[PATH_MAX];	/* the file to unlink at cleanup, "" if none */
} list_backing[RTE_MAX_NUMA_NODES];

int
eal_mem_list_fd(const struct eal_mem_list *l)
{
	return list_backing[l - eal_mem->lists].fd;
}

void
eal_mem_lock(void)
{
	pthread_mutex_lock(&eal_mem->lock);
}

void
eal_mem_unlock(void)
{
	pthread_mutex_unlock(&eal_mem->lock);
}

struct eal_mem_list *
eal_mem_list_of_socket(int socket_id)
{
	/* Without hugepages the socket is ignored, as DPDK does. */
	if (!eal_mem->hugepages && eal_mem->n_lists > 0)
		return &eal_mem->lists[0];
	for (unsigned int i = 0; i < eal_mem->n_lists; i++)
		if (eal_mem->lists[i].msl.socket_id == socket_id)
			return &eal_mem->lists[i];
	return NULL;
}

struct eal_mem_list *
eal_mem_list_of_va(const void *va)
{
	uintptr_t a = (uintptr_t)va;

	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		struct rte_memseg_list *msl = &eal_mem->lists[i].msl;
		uintptr_t base = (uintptr_t)msl->base_va;

		if (a >= base && a < base + msl->len)
			return &eal_mem->lists[i];
	}
	return NULL;
}

phys_addr_t
eal_mem_virt2phy_raw(const void *virt)
{
	long pgsz = sysconf(_SC_PAGESIZE);
	uint64_t entry, pfn;
	off_t off;
	int fd;

	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return RTE_BAD_PHYS_ADDR;
	off = (off_t)((uintptr_t)virt / (uintptr_t)pgsz * sizeof(uint64_t));
	if (pread(fd, &entry, sizeof(entry), off) != (ssize_t)sizeof(entry)) {
		close(fd);
		return RTE_BAD_PHYS_ADDR;
	}
	close(fd);
	/* Bits 0-54 hold the PFN; without CAP_SYS_ADMIN the kernel shows 0. */
	pfn = entry & ((1ULL << 55) - 1);
	if (!(entry & (1ULL << 63)) || pfn == 0)
		return RTE_BAD_PHYS_ADDR;
	return pfn * (uint64_t)pgsz + (uintptr_t)virt % (uintptr_t)pgsz;
}

bool
eal_mem_iova_contig(const void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr, end = a + len;
	struct rte_memseg *first, *ms;

	if (eal_mem->iova_mode == RTE_IOVA_VA || len == 0)
		return true;
	first = rte_mem_virt2memseg(addr, NULL);
	if (first == NULL)
		return false;
	for (uintptr_t p = RTE_ALIGN_FLOOR(a, eal_mem->page_sz); p < end; p += eal_mem->page_sz) {
		ms = rte_mem_virt2memseg((void *)p, NULL);
		if (ms == NULL || ms->iova != first->iova + (p - (uintptr_t)first->addr))
			return false;
	}
	return true;
}

/* Put the PROT_NONE reservation back over [addr, addr + len). */
static void
window_restore(void *addr, size_t len)
{
	mmap(addr, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
	     -1, 0);
}

static unsigned int
list_find_free_run(const struct rte_memseg_list *msl, unsigned int n)
{
	unsigned int run = 0;

	for (unsigned int i = 0; i < msl->n_segs; i++) {
		run = msl->memsegs[i].addr == NULL ? run + 1 : 0;
		if (run == n)
			return i + 1 - n;
	}
	return UINT_MAX;
}

static int
pages_populate(void *addr, size_t len, int socket_id)
{
	if (eal_mem->hugepages && eal_topo.numa_nodes > 1) {
		unsigned long mask = 1UL << socket_id;

		/* Bind before the first touch: that is when the page is taken. */
		if (mbind(addr, len, MPOL_BIND, &mask, sizeof(mask) * 8 + 1, 0) < 0)
			return -errno;
	}
	/*
	 * Unlike a first touch, MADV_POPULATE_WRITE reports a missing hugepage
	 * as an error instead of SIGBUS.
	 */
	if (madvise(addr, len, MADV_POPULATE_WRITE) == 0)
		return 0;
	if (errno != EINVAL)
		return -ENOMEM;
	for (size_t off = 0; off < len; off += eal_mem->page_sz)
		*(volatile char *)((char *)addr + off) = 0;
	return 0;
}

void *
eal_mem_pages_alloc(int socket_id, size_t len, uint32_t flags)
{
	struct eal_mem_list *l;
	struct rte_memseg_list *msl;
	unsigned int n, idx;
	size_t pg = eal_mem->page_sz;
	char *addr;
	int err;

	if (eal_cfg.process_type == RTE_PROC_SECONDARY) {
		/* the primary's mapping would not follow */
		EAL_LOG(ERR, "a secondary process cannot map new memory (%zu kB asked): have "
			"the primary reserve more with -m or --socket-mem\n", len >> 10);
		rte_errno = ENOMEM;
		return NULL;
	}
	eal_mem_lock();
	l = eal_mem_list_of_socket(socket_id);
	if (l == NULL || len == 0 || len % pg != 0) {
		err = l == NULL ? ENOMEM : EINVAL;
		goto fail;
	}
	msl = &l->msl;
	n = (unsigned int)(len / pg);
	if (eal_mem->total_mapped + len > eal_mem->total_cap ||
	    eal_mem_validate_growth(msl->socket_id, l->mapped, l->mapped + len) < 0) {
		err = ENOMEM;
		goto fail;
	}
	idx = list_find_free_run(msl, n);
	if (idx == UINT_MAX) {
		err = ENOMEM;
		goto fail;
	}
	addr = (char *)msl->base_va + (size_t)idx * pg;
	if (mmap(addr, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, eal_mem_list_fd(l),
		 (off_t)idx * (off_t)pg) == MAP_FAILED) {
		/* hugetlbfs reserves pages at mmap: ENOMEM means none left */
		err = errno;
		window_restore(addr, len);
		goto fail;
	}
	err = -pages_populate(addr, len, msl->socket_id);
	for (unsigned int i = 0; err == 0 && i < n; i++) {
		struct rte_memseg *ms = &msl->memsegs[idx + i];
		char *va = addr + (size_t)i * pg;

		ms->addr = va;
		ms->len = pg;
		ms->hugepage_sz = pg;
		ms->socket_id = msl->socket_id;
		ms->flags = flags;
		ms->iova = eal_mem->iova_mode == RTE_IOVA_PA ? eal_mem_virt2phy_raw(va) :
			   (rte_iova_t)(uintptr_t)va;
		if (ms->iova == RTE_BAD_IOVA)
			err = EFAULT;
	}
	if (err != 0) {
		memset(&msl->memsegs[idx], 0, sizeof(msl->memsegs[0]) * n);
		window_restore(addr, len);
		fallocate(eal_mem_list_fd(l), FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
			  (off_t)idx * (off_t)pg, (off_t)len);
		goto fail;
	}
	msl->n_mapped += n;
	msl->version++;
	l->mapped += len;
	eal_mem->total_mapped += len;
	eal_mem_events_notify(RTE_MEM_EVENT_ALLOC, addr, len);
	eal_mem_unlock();
	return addr;
fail:
	eal_mem_unlock();
	rte_errno = err;
	return NULL;
}

void
eal_mem_pages_free(void *addr, size_t len)
{
	struct eal_mem_list *l;
	struct rte_memseg_list *msl;
	size_t pg = eal_mem->page_sz;
	unsigned int idx, n;

	eal_mem_lock();
	l = eal_mem_list_of_va(addr);
	if (l == NULL) {
		eal_mem_unlock();
		return;
	}
	msl = &l->msl;
	idx = (unsigned int)(((uintptr_t)addr - (uintptr_t)msl->base_va) / pg);
	n = (unsigned int)(len / pg);
	/* Listeners (VFIO DMA unmap) run while the pages are still there. */
	eal_mem_events_notify(RTE_MEM_EVENT_FREE, addr, len);
	window_restore(addr, len);
	/* Unmapping keeps a shared file's pages: punch them out of it. */
	fallocate(eal_mem_list_fd(l), FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
		  (off_t)idx * (off_t)pg, (off_t)len);
	memset(&msl->memsegs[idx], 0, sizeof(msl->memsegs[0]) * n);
	msl->n_mapped -= n;
	msl->version++;
	l->mapped -= len;
	eal_mem->total_mapped -= len;
	eal_mem_unlock();
}

/* First free gap of /proc/self/maps above 256 MiB that holds len below 2^39. */
static void *
window_reserve_in_gap(size_t len, uint64_t align)
{
	FILE *f = fopen("/proc/self/maps", "r");
	uint64_t prev_end = 256ULL << 20, start, end;
	char line[512];
	void *ret = NULL;

	if (f == NULL)
		return NULL;
	for (;;) {
		bool more = fgets(line, sizeof(line), f) != NULL &&
			    sscanf(line, "%" SCNx64 "-%" SCNx64, &start, &end) == 2;
		uint64_t a = RTE_ALIGN_CEIL(prev_end, align);

		if (!more)
			start = EAL_MEM_VA_LIMIT;
		if (a + len <= RTE_MIN(start, EAL_MEM_VA_LIMIT)) {
			void *p = mmap((void *)a, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS |
				       MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);

			if (p == (void *)a) {
				ret = p;
				break;
			}
			if (p != MAP_FAILED)
				munmap(p, len);
		}
		if (!more || start >= EAL_MEM_VA_LIMIT)
			break;
		prev_end = RTE_MAX(prev_end, end);
	}
	fclose(f);
	return ret;
}

/*
 * Reserve [base, base + len) PROT_NONE below 2^39, so that IOVA = VA fits an
 * IOMMU with 39 address bits (QEMU's default vIOMMU).
 */
static void *
window_reserve(size_t len)
{
	const int fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
	const uint64_t step = 1ULL << 30;
	uint64_t align = RTE_MAX(eal_mem->page_sz, (uint64_t)step);
	char *p;

	if (eal_cfg.base_virtaddr != 0) {
		/* --base-virtaddr: there (rounded up to a page) or nowhere */
		uint64_t a = RTE_ALIGN_CEIL(eal_cfg.base_virtaddr, eal_mem->page_sz);

		/* a wrapped address would be 0, and root may map page 0 */
		if (a < eal_cfg.base_virtaddr || a + len < a) {
			errno = EINVAL;
			return NULL;
		}
		p = mmap((void *)(uintptr_t)a, len, PROT_NONE, fl | MAP_FIXED_NOREPLACE, -1, 0);
		if (p == MAP_FAILED)
			return NULL;
		if (p != (void *)(uintptr_t)a) {
			munmap(p, len);
			errno = EEXIST;
			return NULL;
		}
		goto placed;
	}
	for (uint64_t a = EAL_MEM_BASE_HINT; a + len <= EAL_MEM_VA_LIMIT; a += step) {
		p = mmap((void *)a, len, PROT_NONE, fl | MAP_FIXED_NOREPLACE, -1, 0);
		if (p == (void *)a)
			return p;
		if (p != MAP_FAILED)
			munmap(p, len);	/* a kernel that took the address as a hint */
		else if (errno != EEXIST)
			break;
	}
	/* Sanitizers keep 2 GiB..16 TiB for shadow memory: try the gaps below. */
	p = window_reserve_in_gap(len, RTE_MAX(eal_mem->page_sz, (uint64_t)(2U << 20)));
	if (p != NULL)
		return p;
	p = mmap(NULL, len + align, PROT_NONE, fl, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	{
		char *aligned = RTE_PTR_ALIGN_CEIL(p, align);

		if (aligned > p)
			munmap(p, (size_t)(aligned - p));
		munmap(aligned + len, (size_t)(p + len + align - (aligned + len)));
		p = aligned;
	}
placed:
	if ((uint64_t)(uintptr_t)p + len > EAL_MEM_VA_LIMIT)
		EAL_LOG(WARNING, "memory window at %p ends above 2^39: an IOMMU with 39 "
			"address bits cannot map it with --iova-mode=va\n", p);
	return p;
}

static int
list_backing_open(struct eal_mem_list *l, unsigned int idx)
{
	char name[128];
	int log2sz = __builtin_ctzll(eal_mem->page_sz);
	char *path = list_backing[idx].path;
	int *fd = &list_backing[idx].fd;

	snprintf(name, sizeof(name), "%smap_%u", eal_cfg.file_prefix, idx);
	if (eal_mem->hugepages && eal_cfg.huge_dir_given && !eal_cfg.in_memory) {
		snprintf(path, PATH_MAX, "%s/%s", eal_cfg.huge_dir, name);
		/* locked first: only then is the file ours to truncate or unlink */
		*fd = eal_huge_file_open(path);
		if (*fd < 0) {
			path[0] = '\0';
			return -1;
		}
		if (eal_cfg.huge_unlink != EAL_HUGE_UNLINK_NEVER &&
		    ftruncate(*fd, 0) < 0) /* the kernel clears what a file held */
			return eal_fail(errno, "EAL: cannot truncate %s: %s\n", path,
					strerror(errno));
		/* "always": gone from the directory now; "never": kept for reuse */
		if (eal_cfg.huge_unlink == EAL_HUGE_UNLINK_ALWAYS)
			unlink(path);
		if (eal_cfg.huge_unlink != EAL_HUGE_UNLINK_EXISTING)
			path[0] = '\0';
	} else {
		unsigned int fl = MFD_CLOEXEC;

		if (eal_mem->hugepages)
			fl |= MFD_HUGETLB | ((unsigned int)log2sz << MFD_HUGE_SHIFT);
		*fd = memfd_create(name, fl);
		if (*fd < 0)
			return eal_fail(errno, "EAL: memfd_create for %" PRIu64 " kB pages failed: "
					"%s: use a kernel with hugetlb memfd (4.14+) or "
					"give --huge-dir\n", eal_mem->page_sz >> 10,
					strerror(errno));
	}
	if (ftruncate(*fd, (off_t)l->msl.len) < 0)
		return eal_fail(errno, "EAL: cannot size the memory file to %zu MiB: %s\n",
				l->msl.len >> 20, strerror(errno));
	return 0;
}

static int
list_add(int socket_id, size_t len)
{
	struct eal_mem_list *l = &eal_mem->lists[eal_mem->n_lists];

	memset(l, 0, sizeof(*l));
	l->limit = SIZE_MAX;
	l->msl.len = RTE_ALIGN_CEIL(len, eal_mem->page_sz);
	l->msl.page_sz = eal_mem->page_sz;
	l->msl.socket_id = socket_id;
	l->msl.heap = 1;
	/* its memseg array goes in the shared config, once that is mapped */
	l->msl.n_segs = (unsigned int)(l->msl.len / eal_mem->page_sz);
	eal_mem->n_lists++;
	return 0;
}

/* Lists for hugepages of one size: one per NUMA node that has a pool. */
static int
lists_plan_huge(const struct eal_huge_size *hs)
{
	uint64_t free_b = hs->free_total * hs->page_sz;

	if (eal_cfg.memory > free_b)
		return eal_fail(ENOMEM, "EAL: -m %zu MiB is more than the free hugepage memory: "
				"%" PRIu64 " pages of %" PRIu64 " kB = %" PRIu64 " MiB; reserve more "
				"(echo N > /sys/kernel/mm/hugepages/hugepages-%" PRIu64
				"kB/nr_hugepages) or lower -m\n", eal_cfg.memory >> 20,
				hs->free_total, hs->page_sz >> 10, free_b >> 20,
				hs->page_sz >> 10);
	for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++) {
		uint64_t node_free = hs->free_pages[n] * hs->page_sz;
		uint64_t pages = RTE_MAX(hs->pool_pages[n], hs->free_pages[n]);
		size_t len = (size_t)RTE_MIN(pages * hs->page_sz, EAL_MEM_LIST_MAX_LEN);

		if (eal_cfg.socket_mem[n] > node_free)
			return eal_fail(ENOMEM, "EAL: --socket-mem asks %zu MiB on socket %u, which "
					"has %" PRIu64 " MiB of free hugepages: reserve more in "
					"/sys/devices/system/node/node%u/hugepages/hugepages-%"
					PRIu64 "kB/nr_hugepages or ask less\n",
					eal_cfg.socket_mem[n] >> 20, n, node_free >> 20, n,
					hs->page_sz >> 10);
		if (len == 0)
			continue;
		if (list_add((int)n, len) < 0)
			return -1;
		eal_mem->total_cap += len;
	}
	return 0;
}

static int
lists_plan_no_huge(void)
{
	size_t cap = eal_cfg.memory;
	uint64_t sys = eal_mem_system_total();

	if (eal_cfg.force_sockets)
		for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++)
			cap += eal_cfg.socket_mem[n];
	if (cap == 0)
		cap = EAL_MEM_NO_HUGE_DEFAULT;
	if (sys != 0 && cap > sys)
		return eal_fail(ENOMEM, "EAL: -m %zu MiB is more than this machine's %" PRIu64
				" MiB of memory: lower -m\n", cap >> 20, sys >> 20);
	if (cap > EAL_MEM_LIST_MAX_LEN)
		return eal_fail(ENOMEM, "EAL: -m %zu MiB is more than the %llu MiB one memory "
				"window may hold: lower -m\n", cap >> 20,
				EAL_MEM_LIST_MAX_LEN >> 20);
	if (list_add(0, cap) < 0)
		return -1;
	eal_mem->total_cap = eal_mem->lists[0].msl.len;
	return 0;
}

static int
memory_plan(void)
{
	struct eal_huge_info info;
	const struct eal_huge_size *hs = NULL;
	uint64_t sz = 0;

	eal_mem->hugepages = !eal_cfg.no_huge;
	if (!eal_mem->hugepages) {
		eal_mem->page_sz = (uint64_t)sysconf(_SC_PAGESIZE);
		return lists_plan_no_huge();
	}
	eal_huge_discover(&info);
	if (eal_cfg.huge_dir_given && !eal_cfg.in_memory) {
		if (eal_huge_dir_check(eal_cfg.huge_dir, &sz) < 0)
			return -1;
		/* --huge-unlink=never reuses the files a previous run left */
		if (eal_cfg.huge_unlink == EAL_HUGE_UNLINK_NEVER)
			EAL_LOG(WARNING, "--huge-unlink=never reuses the hugepage files in %s "
				"as they are: their memory may hold an earlier process's data\n",
				eal_cfg.huge_dir);
		else if (eal_huge_dir_clean(eal_cfg.huge_dir, eal_cfg.file_prefix) < 0)
			return -1;
		for (unsigned int i = 0; i < info.n_sizes; i++)
			if (info.sizes[i].page_sz == sz && info.sizes[i].free_total > 0)
				hs = &info.sizes[i];
	} else {
		hs = eal_huge_pick(&info);
	}
	if (hs == NULL)
		return eal_huge_fail_none(&info, sz);
	eal_mem->page_sz = hs->page_sz;
	return lists_plan_huge(hs);
}

static int
iova_mode_pick(void)
{
	char probe[64] = "";

	eal_mem->iova_mode = eal_cfg.iova_mode == RTE_IOVA_PA ? RTE_IOVA_PA : RTE_IOVA_VA;
	/* Physical addresses: root reads real PFNs, others read 0. */
	probe[0] = 1;
	eal_mem->phys_addrs = eal_mem->hugepages &&
			     eal_mem_virt2phy_raw(probe) != RTE_BAD_PHYS_ADDR;
	if (eal_mem->iova_mode != RTE_IOVA_PA)
		return 0;
	if (!eal_mem->hugepages)
		return eal_fail(EINVAL, "EAL: --iova-mode=pa needs hugepages (4K pages may "
				"move): drop --no-huge or use --iova-mode=va\n");
	if (!eal_mem->phys_addrs)
		return eal_fail(EPERM, "EAL: --iova-mode=pa needs physical addresses, but "
				"/proc/self/pagemap shows PFN 0 (not root): run as root "
				"or use --iova-mode=va\n");
	return 0;
}

/* -m / --socket-mem: map that much now, for the heaps to keep. */
static int
memory_preallocate(void)
{
	size_t left = eal_cfg.memory;

	/* Nothing asked: one page on the main lcore's socket, as DPDK's own
	 * start-up allocations leave it with at least one segment (physmem
	 * is never 0 after init). Not fatal: the heap grows on demand anyway
	 * and says so when it cannot. */
	if (left == 0 && !eal_cfg.force_sockets) {
		int main_socket = (int)lcore_config[eal_cfg.main_lcore].socket_id;

		if (malloc_heap_prealloc(eal_mem->hugepages ? main_socket : 0, 1) < 0)
			EAL_LOG(DEBUG, "memory: no page mapped at start: %s\n",
				rte_strerror(rte_errno));
		return 0;
	}
	if (eal_cfg.force_sockets) {
		for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++)
			if (eal_cfg.socket_mem[n] > 0 &&
			    malloc_heap_prealloc(eal_mem->hugepages ? (int)n : 0,
						 eal_cfg.socket_mem[n]) < 0)
				goto fail;
		return 0;
	}
	/* -m: the main lcore's socket first, then the others. */
	for (unsigned int pass = 0; pass < 2 && left > 0; pass++) {
		int main_socket = (int)lcore_config[eal_cfg.main_lcore].socket_id;

		for (unsigned int i = 0; i < eal_mem->n_lists && left > 0; i++) {
			struct eal_mem_list *l = &eal_mem->lists[i];
			size_t room = l->msl.len - l->mapped, chunk;

			if ((pass == 0) != (l->msl.socket_id == main_socket))
				continue;
			chunk = RTE_MIN(left, room);
			if (chunk > 0 && malloc_heap_prealloc(l->msl.socket_id, chunk) < 0)
				goto fail;
			left -= RTE_MIN(left, RTE_ALIGN_CEIL(chunk, eal_mem->page_sz));
		}
	}
	return 0;
fail:
	return eal_fail(ENOMEM, "EAL: cannot map the %zu MiB asked by -m/--socket-mem: "
			"%s; free or reserve more memory, or ask less\n",
			(eal_cfg.memory ? eal_cfg.memory : left) >> 20, rte_strerror(rte_errno));
}

/* --socket-limit: the growth a validator is asked about goes past it. */
static int
socket_limit_refuse(int socket_id, size_t limit, size_t new_len)
{
	EAL_LOG(ERR, "socket %d would hold %zu MiB, more than its --socket-limit of %zu MiB\n",
		socket_id, new_len >> 20, limit >> 20);
	return -1;
}

/* As DPDK: after -m/--socket-mem are mapped, one validator a limited socket. */
static int
socket_limits_set(void)
{
	for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++) {
		if (eal_cfg.socket_limit[n] == 0)
			continue;
		if (rte_mem_alloc_validator_register("socket-limit", socket_limit_refuse, (int)n,
						     eal_cfg.socket_limit[n]) < 0)
			return eal_fail(rte_errno, "EAL: cannot apply --socket-limit on socket "
					"%u: %s\n", n, rte_strerror(rte_errno));
	}
	return 0;
}

/* The shared config and the memseg arrays that follow it, in whole pages. */
static size_t
shared_config_len(void)
{
	size_t n = sizeof(struct eal_shared_config);

	for (unsigned int i = 0; i < eal_mem->n_lists; i++)
		n += eal_mem->lists[i].msl.n_segs * sizeof(struct rte_memseg);
	return RTE_ALIGN_CEIL(n, eal_mem->page_sz);
}

int
eal_memory_init(void)
{
	size_t off, cfg_len;
	int err;

	for (unsigned int i = 0; i < RTE_DIM(list_backing); i++)
		list_backing[i].fd = -1;
	if (eal_cfg.process_type == RTE_PROC_SECONDARY)
		return eal_mem_attach();
	if (memory_plan() < 0 || iova_mode_pick() < 0)
		goto fail;
	cfg_len = shared_config_len();
	eal_mem->window_len = cfg_len;
	for (unsigned int i = 0; i < eal_mem->n_lists; i++)
		eal_mem->window_len += eal_mem->lists[i].msl.len;
	errno = 0;
	eal_mem->window = window_reserve(eal_mem->window_len);
	/* the mmap's own errno, read once: a stale 0 read "Success" */
	err = errno != 0 ? errno : EINVAL;
	if (eal_mem->window == NULL && eal_cfg.base_virtaddr != 0) {
		eal_fail(ENOMEM, "EAL: cannot reserve %zu MiB of memory at --base-virtaddr "
			 "0x%" PRIx64 ": %s; fix: give a free address, or drop the option\n",
			 eal_mem->window_len >> 20, eal_cfg.base_virtaddr,
			 err == EEXIST ? "the range is in use" : strerror(err));
		goto fail;
	}
	if (eal_mem->window == NULL) {
		eal_fail(ENOMEM, "EAL: cannot reserve %zu MiB of address space for memory: "
			 "%s; lower -m or raise 'ulimit -v'\n", eal_mem->window_len >> 20,
			 strerror(err));
		goto fail;
	}
	/* from here on eal_mem is the copy in the shared config */
	if (eal_shared_create(eal_mem->window, cfg_len) < 0)
		goto fail;
	off = cfg_len;
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		struct eal_mem_list *l = &eal_mem->lists[i];

		l->msl.base_va = (char *)eal_mem->window + off;
		off += l->msl.len;
		if (list_backing_open(l, i) < 0)
			goto fail;
	}
	if (malloc_heap_init(eal_shared->heaps, true) < 0)
		goto fail;
	eal_memzone_attach(&eal_shared->memzones, true);
	if (eal_tailqs_share(&eal_shared->tailqs, true) < 0)
		goto fail;
	eal_mem->initialized = true;
	if (memory_preallocate() < 0 || socket_limits_set() < 0)
		goto fail;
	if (eal_shared_publish() < 0)
		goto fail;
	EAL_LOG(DEBUG, "memory: %zu MiB window at %p, %" PRIu64 " kB pages, IOVA as %s\n",
		eal_mem->window_len >> 20, eal_mem->window, eal_mem->page_sz >> 10,
		eal_mem->iova_mode == RTE_IOVA_PA ? "PA" : "VA");
	return 0;
fail:
	err = rte_errno;
	eal_memory_cleanup();
	rte_errno = err;
	return -1;
}

/* Map the list of index idx from fd over its place in the window (secondary). */
int
eal_mem_list_map(unsigned int idx, int fd)
{
	struct rte_memseg_list *msl = &eal_mem->lists[idx].msl;

	list_backing[idx].fd = fd;
	/* NORESERVE: only pages the primary has mapped hold memory */
	if (mmap(msl->base_va, msl->len, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_FIXED | MAP_NORESERVE, fd, 0) == MAP_FAILED)
		return eal_fail(errno, "EAL: cannot map the primary's memory list %u (%zu MiB at "
				"%p): %s\n", idx, msl->len >> 20, msl->base_va, strerror(errno));
	return 0;
}

void
eal_memory_cleanup(void)
{
	void *window = eal_mem->window;
	size_t window_len = eal_mem->window_len;
	unsigned int n_lists = eal_mem->n_lists;
	bool primary = eal_cfg.process_type != RTE_PROC_SECONDARY;

	eal_shared_unpublish();
	/* a secondary only lets go of what the primary still uses */
	eal_memzone_cleanup();
	malloc_heap_cleanup();
	eal_tailqs_unshare();
	eal_mem_events_reset();
	for (unsigned int i = 0; i < n_lists; i++) {
		if (list_backing[i].fd >= 0)
			close(list_backing[i].fd);
		if (primary && list_backing[i].path[0] != '\0')
			unlink(list_backing[i].path);
		list_backing[i].fd = -1;
		list_backing[i].path[0] = '\0';
	}
	/* back to the local layout before the shared one goes with the window */
	eal_mem = &eal_mem_local;
	if (window != NULL)
		munmap(window, window_len);
	eal_shared_close();
	eal_mem->initialized = false;
	eal_mem->n_lists = 0;
	eal_mem->window = NULL;
	eal_mem->window_len = 0;
	eal_mem->total_cap = 0;
	eal_mem->total_mapped = 0;
	eal_mem->dma_mask_bits = 0;
	memset(eal_mem->lists, 0, sizeof(eal_mem->lists));
}
