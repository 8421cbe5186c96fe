/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eal_paging.h over the Linux system calls. */
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_eal_paging.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

#define PAGING_PROT_ALL (RTE_PROT_READ | RTE_PROT_WRITE | RTE_PROT_EXECUTE)
#define PAGING_FLAGS_ALL \
	(RTE_MAP_SHARED | RTE_MAP_ANONYMOUS | RTE_MAP_PRIVATE | RTE_MAP_FORCE_ADDRESS)

__rte_export void *
rte_mem_map(void *requested_addr, size_t size, int prot, int flags, int fd, uint64_t offset)
{
	int sys_prot = PROT_NONE, sys_flags = 0;
	void *va;

	if ((prot & ~PAGING_PROT_ALL) != 0 || (flags & ~PAGING_FLAGS_ALL) != 0 ||
	    !(flags & RTE_MAP_SHARED) == !(flags & RTE_MAP_PRIVATE)) {
		RTE_LOG(ERR, EAL,
			"rte_mem_map: prot %#x / flags %#x invalid; give RTE_PROT_* and "
			"exactly one of RTE_MAP_SHARED, RTE_MAP_PRIVATE\n",
			prot, flags);
		rte_errno = EINVAL;
		return NULL;
	}
	if (prot & RTE_PROT_READ)
		sys_prot |= PROT_READ;
	if (prot & RTE_PROT_WRITE)
		sys_prot |= PROT_WRITE;
	if (prot & RTE_PROT_EXECUTE)
		sys_prot |= PROT_EXEC;
	sys_flags |= (flags & RTE_MAP_SHARED) ? MAP_SHARED : MAP_PRIVATE;
	if (flags & RTE_MAP_ANONYMOUS) {
		sys_flags |= MAP_ANONYMOUS;
		fd = -1;
	}
	if (flags & RTE_MAP_FORCE_ADDRESS)
		sys_flags |= MAP_FIXED;
	va = mmap(requested_addr, size, sys_prot, sys_flags, fd, (off_t)offset);
	if (va == MAP_FAILED) {
		rte_errno = errno;
		return NULL;
	}
	return va;
}

__rte_export int
rte_mem_unmap(void *virt, size_t size)
{
	if (munmap(virt, size) != 0) {
		rte_errno = errno;
		return -1;
	}
	return 0;
}

__rte_export size_t
rte_mem_page_size(void)
{
	static size_t page_size;

	/* racing first calls store the same value */
	if (page_size == 0)
		page_size = (size_t)sysconf(_SC_PAGESIZE);
	return page_size;
}

__rte_export int
rte_mem_lock(const void *virt, size_t size)
{
	if (mlock(virt, size) != 0) {
		rte_errno = errno;
		return -1;
	}
	return 0;
}
