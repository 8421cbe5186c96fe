/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hugepage discovery: page sizes and free pages per NUMA node from sysfs,
 * hugetlbfs mounts from /proc/mounts, stale files in --huge-dir.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_mem_private.h"

#define SYS_HUGEPAGES "/sys/kernel/mm/hugepages"
#define SYS_NODES "/sys/devices/system/node"
#define HUGETLBFS_MAGIC 0x958458f6

static int
read_u64(const char *path, uint64_t *val)
{
	FILE *f = fopen(path, "r");
	int ok;

	if (f == NULL)
		return -1;
	ok = fscanf(f, "%" SCNu64, val) == 1;
	fclose(f);
	return ok ? 0 : -1;
}

/* A value of /proc/meminfo ("Hugepagesize:", "MemTotal:"), in bytes. */
static uint64_t
meminfo_bytes(const char *key)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[256];
	uint64_t kb = 0;
	size_t klen = strlen(key);

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, key, klen) == 0) {
			kb = strtoull(line + klen, NULL, 10);
			break;
		}
	}
	fclose(f);
	return kb << 10;
}

uint64_t
eal_mem_system_total(void)
{
	return meminfo_bytes("MemTotal:");
}

/* "2M", "1G", "2048k" as mount options spell page sizes. */
static uint64_t
parse_size(const char *s)
{
	char *end;
	uint64_t v = strtoull(s, &end, 10);

	switch (*end) {
	case 'G': case 'g':
		return v << 30;
	case 'M': case 'm':
		return v << 20;
	case 'K': case 'k':
		return v << 10;
	default:
		return v;
	}
}

static void
find_mounts(struct eal_huge_info *info)
{
	FILE *f = fopen("/proc/mounts", "r");
	char dev[256], dir[PATH_MAX], type[64], opts[1024];

	if (f == NULL)
		return;
	while (fscanf(f, "%255s %4095s %63s %1023s %*d %*d", dev, dir, type, opts) == 4) {
		uint64_t sz = info->default_sz;
		char *p;

		if (strcmp(type, "hugetlbfs") != 0)
			continue;
		p = strstr(opts, "pagesize=");
		if (p != NULL)
			sz = parse_size(p + strlen("pagesize="));
		for (unsigned int i = 0; i < info->n_sizes; i++) {
			struct eal_huge_size *hs = &info->sizes[i];

			if (hs->page_sz == sz && hs->mount[0] == '\0')
				snprintf(hs->mount, sizeof(hs->mount), "%s", dir);
		}
	}
	fclose(f);
}

int
eal_huge_discover(struct eal_huge_info *info)
{
	DIR *d;
	struct dirent *e;

	memset(info, 0, sizeof(*info));
	info->default_sz = meminfo_bytes("Hugepagesize:");
	d = opendir(SYS_HUGEPAGES);
	if (d == NULL)
		return 0;	/* kernel without hugetlb: no sizes */
	while ((e = readdir(d)) != NULL && info->n_sizes < RTE_MAX_HUGEPAGE_SIZES) {
		struct eal_huge_size *hs = &info->sizes[info->n_sizes];
		char path[PATH_MAX];
		uint64_t kb, free_p = 0, resv = 0, nr = 0;
		bool per_node = false;

		if (sscanf(e->d_name, "hugepages-%" SCNu64 "kB", &kb) != 1)
			continue;
		memset(hs, 0, sizeof(*hs));
		hs->page_sz = kb << 10;
		snprintf(path, sizeof(path), SYS_HUGEPAGES "/%s/free_hugepages", e->d_name);
		read_u64(path, &free_p);
		snprintf(path, sizeof(path), SYS_HUGEPAGES "/%s/resv_hugepages", e->d_name);
		read_u64(path, &resv);
		snprintf(path, sizeof(path), SYS_HUGEPAGES "/%s/nr_hugepages", e->d_name);
		read_u64(path, &nr);
		hs->free_total = free_p > resv ? free_p - resv : 0;
		hs->pool_total = nr;

		for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++) {
			uint64_t v;

			snprintf(path, sizeof(path), SYS_NODES "/node%u/hugepages/%s/free_hugepages",
				 n, e->d_name);
			if (read_u64(path, &v) < 0)
				continue;
			per_node = true;
			hs->free_pages[n] = v;
			snprintf(path, sizeof(path), SYS_NODES "/node%u/hugepages/%s/nr_hugepages",
				 n, e->d_name);
			if (read_u64(path, &v) == 0)
				hs->pool_pages[n] = v;
		}
		if (!per_node) {
			hs->free_pages[0] = hs->free_total;
			hs->pool_pages[0] = nr;
		}
		/* Reserved pages are promised to others: never count them as ours. */
		for (unsigned int n = 0; n < RTE_MAX_NUMA_NODES; n++)
			if (hs->free_pages[n] > hs->free_total)
				hs->free_pages[n] = hs->free_total;
		info->n_sizes++;
	}
	closedir(d);
	find_mounts(info);
	return 0;
}

/* The default hugepage size if any are free, else the smallest free size. */
const struct eal_huge_size *
eal_huge_pick(const struct eal_huge_info *info)
{
	const struct eal_huge_size *best = NULL;

	for (unsigned int i = 0; i < info->n_sizes; i++) {
		const struct eal_huge_size *hs = &info->sizes[i];

		if (hs->free_total == 0)
			continue;
		if (hs->page_sz == info->default_sz)
			return hs;
		if (best == NULL || hs->page_sz < best->page_sz)
			best = hs;
	}
	return best;
}

int
eal_huge_fail_none(const struct eal_huge_info *info, uint64_t page_sz)
{
	uint64_t sz = page_sz ? page_sz : info->default_sz ? info->default_sz : (2ULL << 20);
	/* Suggest 1 GiB worth of pages. */
	uint64_t n = RTE_MAX((1ULL << 30) / sz, 1ULL);

	return eal_fail(ENOMEM, "EAL: no free hugepages: reserve some with "
			"'echo %" PRIu64 " > " SYS_HUGEPAGES "/hugepages-%" PRIu64 "kB/nr_hugepages' "
			"(or 'hugeadm --pool-pages-min %" PRIu64 "MB:%" PRIu64 "' from "
			"libhugetlbfs-bin) as root, or run without them using --no-huge\n",
			n, sz >> 10, sz >> 20, n);
}

int
eal_huge_dir_check(const char *dir, uint64_t *page_sz)
{
	struct statfs st;

	if (statfs(dir, &st) < 0)
		return eal_fail(ENOENT, "EAL: --huge-dir %s: %s: give an existing hugetlbfs "
				"mount, or omit --huge-dir to use memfd hugepages\n",
				dir, strerror(errno));
	if ((uint32_t)st.f_type != HUGETLBFS_MAGIC)
		return eal_fail(EINVAL, "EAL: --huge-dir %s is not a hugetlbfs mount: mount one "
				"with 'mount -t hugetlbfs nodev %s', or omit --huge-dir\n",
				dir, dir);
	if (access(dir, W_OK) < 0)
		return eal_fail(EACCES, "EAL: --huge-dir %s is not writable: run as its "
				"owner or give another mount\n", dir);
	*page_sz = (uint64_t)st.f_bsize;
	return 0;
}

/*
 * Open (creating it if needed) one of our files in --huge-dir and lock it
 * for our lifetime before anything else touches it: a file another live
 * process holds is neither truncated nor, later, unlinked by us.
 * Returns the fd, or -1 with rte_errno set and one line logged.
 */
int
eal_huge_file_open(const char *path)
{
	int fd, err;

	fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0) {
		err = errno;
		return eal_fail(err, "EAL: cannot create %s: %s: check the permissions of "
				"--huge-dir\n", path, strerror(err));
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		err = errno;
		close(fd);
		if (err == EWOULDBLOCK)
			return eal_fail(EBUSY, "EAL: %s is in use by another process: give this "
					"one another --file-prefix\n", path);
		return eal_fail(err, "EAL: cannot lock %s: %s: give a --huge-dir on a local "
				"hugetlbfs mount\n", path, strerror(err));
	}
	return fd;
}

/*
 * Remove "<prefix>map_*" files a crashed run left behind. A live process
 * holds a lock on its files: finding one locked means the prefix is taken.
 */
int
eal_huge_dir_clean(const char *dir, const char *prefix)
{
	char stem[128], path[PATH_MAX];
	struct dirent *e;
	DIR *d;
	int ret = 0;

	snprintf(stem, sizeof(stem), "%smap_", prefix);
	d = opendir(dir);
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		int fd;

		if (strncmp(e->d_name, stem, strlen(stem)) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			close(fd);
			ret = eal_fail(EBUSY, "EAL: %s is in use by another process: give this "
				       "one another --file-prefix\n", path);
			break;
		}
		unlink(path);
		close(fd);
		EAL_LOG(INFO, "removed stale hugepage file %s\n", path);
	}
	closedir(d);
	return ret;
}
