/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL memory: the VA window, memseg walks, IOVA translation, memory
 * events and validators; and, in a child process, the errors of
 * rte_eal_init when memory cannot be had.
 */
#include <errno.h>
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "test.h"

/* gcc says __SANITIZE_ADDRESS__; clang 14 only answers __has_feature */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#ifndef TEST_ASAN
#define TEST_ASAN 0
#endif

#define VA_LIMIT (1ULL << 39)

struct walk_sum {
	unsigned int segs;
	uint64_t bytes;
	uint64_t max_end;
	uint64_t page_sz;
	int bad;
};

static int
seg_cb(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	struct walk_sum *w = arg;

	w->segs++;
	w->bytes += ms->len;
	w->max_end = RTE_MAX(w->max_end, (uint64_t)(uintptr_t)ms->addr + ms->len);
	if (ms->len != msl->page_sz || ms->hugepage_sz != msl->page_sz ||
	    ms->socket_id != msl->socket_id)
		w->bad++;
	/* Every page translates to its own IOVA and back. */
	if (rte_mem_virt2iova((char *)ms->addr + 100) != ms->iova + 100 ||
	    rte_mem_iova2virt(ms->iova + 100) != (char *)ms->addr + 100 ||
	    rte_mem_virt2memseg(ms->addr, msl) != ms)
		w->bad++;
	return 0;
}

static int
contig_cb(const struct rte_memseg_list *msl, const struct rte_memseg *ms, size_t len,
	  void *arg)
{
	struct walk_sum *w = arg;

	(void)msl;
	w->segs++;
	w->bytes += len;
	if (len % ms->len != 0)
		w->bad++;
	return 0;
}

static int
list_cb(const struct rte_memseg_list *msl, void *arg)
{
	struct walk_sum *w = arg;

	w->segs++;
	w->page_sz = msl->page_sz;
	w->max_end = RTE_MAX(w->max_end, (uint64_t)(uintptr_t)msl->base_va + msl->len);
	return 0;
}

static int
stop_cb(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	(void)msl;
	(void)ms;
	++*(int *)arg;
	return 1;
}

static int
test_memory_window(void)
{
	struct walk_sum w = { 0 };
	void *p = rte_malloc(NULL, 1 << 20, 0);

	TEST_ASSERT_NOT_NULL(p, "malloc");
	/* 4 GiB normally; sanitizers' shadow memory pushes it lower, never near NULL. */
	TEST_ASSERT(rte_eal_get_baseaddr() >= (256ULL << 20), "base %#" PRIx64 " is low",
		    rte_eal_get_baseaddr());
	TEST_ASSERT_SUCCESS(rte_memseg_list_walk(list_cb, &w), "list walk");
	TEST_ASSERT(w.segs >= 1, "no memseg list");
	TEST_ASSERT(w.max_end <= VA_LIMIT, "window ends at %#" PRIx64 ", above 2^39", w.max_end);
	TEST_ASSERT_EQUAL(w.page_sz, test_no_huge() ? (uint64_t)sysconf(_SC_PAGESIZE) : RTE_PGSIZE_2M,
			  "page size of the lists");
	TEST_ASSERT((uintptr_t)p >= rte_eal_get_baseaddr() && (uintptr_t)p < VA_LIMIT,
		    "a block at %p is outside the window", p);
	TEST_ASSERT_SUCCESS(rte_mem_check_dma_mask(39), "all memory fits 39 bits");
	TEST_ASSERT_EQUAL(rte_mem_check_dma_mask(20), 1, "memory does not fit 20 bits: 1, as DPDK");
	TEST_ASSERT_EQUAL(rte_mem_check_dma_mask_thread_unsafe(20), 1, "unlocked check too");
	TEST_ASSERT_EQUAL(rte_mem_check_dma_mask(64), -1, "a 64-bit mask is refused, as DPDK");
	TEST_ASSERT_SUCCESS(rte_mem_lock_page(p), "lock the page of a block");
#if !TEST_ASAN
	/* (AddressSanitizer turns mlock into a call that always succeeds) */
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_mem_lock_page((void *)(uintptr_t)0x1000), -1,
			  "page 0x1000 is not mapped");
	TEST_ASSERT_EQUAL(rte_errno, ENOMEM, "mlock's errno goes to rte_errno");
#endif
	rte_free(p);
	return TEST_SUCCESS;
}

static int
test_memory_walks(void)
{
	struct walk_sum segs = { 0 }, runs = { 0 };
	char *p = rte_malloc(NULL, 3 << 20, 0);
	int calls = 0;

	TEST_ASSERT_NOT_NULL(p, "malloc");
	TEST_ASSERT_SUCCESS(rte_memseg_walk(seg_cb, &segs), "memseg walk");
	TEST_ASSERT_EQUAL(segs.bad, 0, "segments with wrong fields or IOVAs");
	TEST_ASSERT_EQUAL(segs.bytes, rte_eal_get_physmem_size(), "walk = physmem size");
	TEST_ASSERT(segs.bytes >= (3 << 20), "3 MiB block, %" PRIu64 " bytes mapped", segs.bytes);
	TEST_ASSERT(segs.max_end <= VA_LIMIT, "segment above 2^39");
	TEST_ASSERT_SUCCESS(rte_memseg_contig_walk(contig_cb, &runs), "contig walk");
	TEST_ASSERT_EQUAL(runs.bad, 0, "runs of whole pages");
	TEST_ASSERT_EQUAL(runs.bytes, segs.bytes, "runs cover the segments");
	TEST_ASSERT(runs.segs >= 1 && runs.segs <= segs.segs, "%u runs of %u segments",
		    runs.segs, segs.segs);
	TEST_ASSERT_EQUAL(rte_memseg_walk(stop_cb, &calls), 1, "walk returns the stop value");
	TEST_ASSERT_EQUAL(calls, 1, "walk stops at the first 1");
	rte_free(p);
	return TEST_SUCCESS;
}

static int
test_memory_lookup(void)
{
	char *p = rte_malloc(NULL, 5000, 0);
	const struct rte_memseg_list *msl;
	const struct rte_memseg *ms;
	size_t off = 0;
	int local, fd;

	TEST_ASSERT_NOT_NULL(p, "malloc");
	msl = rte_mem_virt2memseg_list(p);
	TEST_ASSERT_NOT_NULL(msl, "list of a block");
	ms = rte_mem_virt2memseg(p + 4000, msl);
	TEST_ASSERT_NOT_NULL(ms, "segment of a block");
	TEST_ASSERT((char *)ms->addr <= p + 4000 && p + 4000 < (char *)ms->addr + ms->len,
		    "segment %p+%zu does not hold %p", ms->addr, ms->len, p + 4000);
	TEST_ASSERT_NULL(rte_mem_virt2memseg_list(&local), "stack is not EAL memory");
	TEST_ASSERT_NULL(rte_mem_virt2memseg(&local, NULL), "stack has no segment");
	TEST_ASSERT_EQUAL(rte_mem_virt2iova(p), rte_eal_iova_mode() == RTE_IOVA_VA ?
			  (uintptr_t)p : ms->iova + (uintptr_t)(p - (char *)ms->addr), "IOVA");
	TEST_ASSERT_EQUAL(rte_eal_iova_mode(), RTE_IOVA_VA, "auto picks IOVA as VA");
	fd = rte_memseg_get_fd(ms);
	TEST_ASSERT(fd >= 0, "segment fd: %d (%s)", fd, rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_memseg_get_fd_offset(ms, &off), "fd offset");
	TEST_ASSERT_EQUAL(off, (uintptr_t)ms->addr - (uintptr_t)msl->base_va, "offset");
	TEST_ASSERT_EQUAL(rte_memseg_get_fd(NULL), -1, "NULL segment");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL segment errno");
	rte_free(p);
	return TEST_SUCCESS;
}

static int
test_memory_dump(void)
{
	static char buf[1 << 16];
	void *p = rte_malloc(NULL, 100, 0);
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	TEST_ASSERT_NOT_NULL(f, "fmemopen");
	rte_dump_physmem_layout(f);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(buf, "Segment 0-", "a segment line");
	TEST_ASSERT_STR_CONTAINS(buf, "hugepage_sz:", "DPDK's field names");
	rte_free(p);
	return TEST_SUCCESS;
}

struct event_log {
	unsigned int allocs, frees;
	const void *alloc_addr, *free_addr;
	size_t alloc_len, free_len;
	int walk_segs;
};

static int
count_cb(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	(void)msl;
	(void)ms;
	++*(int *)arg;
	return 0;
}

static void
event_cb(enum rte_mem_event ev, const void *addr, size_t len, void *arg)
{
	struct event_log *log = arg;

	if (ev == RTE_MEM_EVENT_ALLOC) {
		log->allocs++;
		log->alloc_addr = addr;
		log->alloc_len = len;
	} else {
		log->frees++;
		log->free_addr = addr;
		log->free_len = len;
	}
	/* What the VFIO bus does: look at the memsegs from the callback. */
	log->walk_segs = 0;
	rte_memseg_walk_thread_unsafe(count_cb, &log->walk_segs);
}

static int
test_memory_events(void)
{
	struct event_log log = { 0 };
	const size_t big = 6 << 20;
	char *p;
	char longname[RTE_MEM_EVENT_CALLBACK_NAME_LEN + 8];

	TEST_ASSERT_SUCCESS(rte_mem_event_callback_register("test_ev", event_cb, &log), "register");
	TEST_ASSERT_EQUAL(rte_mem_event_callback_register("test_ev", event_cb, &log), -1, "twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "twice: EEXIST");
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	TEST_ASSERT_EQUAL(rte_mem_event_callback_register(longname, event_cb, &log), -1, "long");
	TEST_ASSERT_EQUAL(rte_errno, ENAMETOOLONG, "long name: ENAMETOOLONG");
	TEST_ASSERT_EQUAL(rte_mem_event_callback_register("x", NULL, NULL), -1, "NULL callback");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "NULL callback: EINVAL");
	TEST_ASSERT_EQUAL(rte_mem_event_callback_register("", event_cb, &log), -1, "empty name");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "empty name: EINVAL");

	p = rte_malloc(NULL, big, 0);
	TEST_ASSERT_NOT_NULL(p, "malloc %zu", big);
	TEST_ASSERT(log.allocs >= 1, "no ALLOC event for a %zu byte block", big);
	TEST_ASSERT((const char *)log.alloc_addr <= p &&
		    p + big <= (const char *)log.alloc_addr + log.alloc_len,
		    "ALLOC event %p+%zu does not cover the block %p", log.alloc_addr,
		    log.alloc_len, p);
	TEST_ASSERT(log.walk_segs > 0, "callback saw no segments");
	rte_free(p);
	TEST_ASSERT_EQUAL(log.frees, 1, "one FREE event when the region empties");
	TEST_ASSERT(log.free_addr == log.alloc_addr && log.free_len == log.alloc_len,
		    "FREE %p+%zu differs from ALLOC %p+%zu", log.free_addr, log.free_len,
		    log.alloc_addr, log.alloc_len);

	rte_errno = 0;
	TEST_ASSERT_SUCCESS(rte_mem_event_callback_unregister("test_ev", &log), "unregister");
	TEST_ASSERT_EQUAL(rte_errno, 0, "a successful unregister leaves rte_errno alone");
	TEST_ASSERT_EQUAL(rte_mem_event_callback_unregister("test_ev", &log), -1, "twice");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "unregister twice: ENOENT");
	log.allocs = 0;
	p = rte_malloc(NULL, big, 0);
	TEST_ASSERT_NOT_NULL(p, "malloc");
	rte_free(p);
	TEST_ASSERT_EQUAL(log.allocs, 0, "no event after unregister");
	return TEST_SUCCESS;
}

static unsigned int validator_calls;

static int
refuse_cb(int socket_id, size_t cur_limit, size_t new_len)
{
	(void)socket_id;
	(void)cur_limit;
	(void)new_len;
	validator_calls++;
	return -1;
}

static int
test_memory_validator(void)
{
	int s;
	void *keep = rte_malloc(NULL, 64, 0), *p;
	const struct rte_memseg_list *msl = rte_mem_virt2memseg_list(keep);

	TEST_ASSERT_NOT_NULL(msl, "list");
	s = msl->socket_id;
	validator_calls = 0;
	TEST_ASSERT_SUCCESS(rte_mem_alloc_validator_register("test_val", refuse_cb, s, 0),
			    "register");
	p = rte_malloc_socket(NULL, 32 << 20, 0, s);
	TEST_ASSERT_NULL(p, "the validator refused the growth");
	TEST_ASSERT(validator_calls >= 1, "validator not called");
	rte_errno = 0;
	TEST_ASSERT_SUCCESS(rte_mem_alloc_validator_unregister("test_val", s), "unregister");
	TEST_ASSERT_EQUAL(rte_errno, 0, "a successful unregister leaves rte_errno alone");
	TEST_ASSERT_EQUAL(rte_mem_alloc_validator_unregister("test_val", s), -1, "twice");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "unregister twice: ENOENT");
	TEST_ASSERT_EQUAL(rte_mem_alloc_validator_unregister("test_val", -2), -1, "bad socket");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "bad socket: EINVAL");
	p = rte_malloc_socket(NULL, 32 << 20, 0, s);
	TEST_ASSERT_NOT_NULL(p, "grows again without the validator");
	rte_free(p);
	rte_free(keep);
	return TEST_SUCCESS;
}

/* ---- rte_eal_init failures, in a child ---- */


static char out[16384];

static int
run_init(const char *const *args)
{
	const char *argv[16];
	int n = 0;

	argv[n++] = "eal_init_only";
	argv[n++] = "-l";
	argv[n++] = "0";
	for (; *args != NULL && n < 15; args++)
		argv[n++] = *args;
	argv[n] = NULL;
	return test_run_self(argv, out, sizeof(out));
}

static int
free_hugepages(void)
{
	DIR *d = opendir("/sys/kernel/mm/hugepages");
	struct dirent *e;
	int total = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char path[512];
		FILE *f;
		int n = 0;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/mm/hugepages/%s/free_hugepages",
			 e->d_name);
		f = fopen(path, "r");
		if (f != NULL && fscanf(f, "%d", &n) == 1)
			total += n;
		if (f != NULL)
			fclose(f);
	}
	closedir(d);
	return total;
}

static int
free_pages_of(const char *size_dir)
{
	char path[256];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof(path), "/sys/kernel/mm/hugepages/%s/free_hugepages", size_dir);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%d", &n) != 1)
		n = -1;
	fclose(f);
	return n;
}

static int
check_no_hugepages_text(const char *size_dir)
{
	TEST_ASSERT_STR_CONTAINS(out, "init=-1 errno=12", "-1 with ENOMEM");
	TEST_ASSERT_STR_CONTAINS(out, "no free hugepages", "the cause");
	TEST_ASSERT_STR_CONTAINS(out, size_dir, "the sysfs fix names the page size");
	TEST_ASSERT_STR_CONTAINS(out, "/nr_hugepages", "the sysfs fix");
	TEST_ASSERT_STR_CONTAINS(out, "hugeadm --pool-pages-min", "the hugeadm fix");
	TEST_ASSERT_STR_CONTAINS(out, "--no-huge", "the way around");
	return TEST_SUCCESS;
}

/*
 * No free hugepages: the machine's own state when it has none, else a
 * hugetlbfs mount of 1 GiB pages when none of those are free.
 */
static int
test_memory_init_no_hugepages(void)
{
	char dir[] = "/tmp/sluice-huge1g-XXXXXX";
	const char *mount_argv[] = { "/bin/mount", "-t", "hugetlbfs", "-o", "pagesize=1G",
				     "nodev", dir, NULL };
	const char *umount_argv[] = { "/bin/umount", dir, NULL };
	const char *none[] = { NULL };
	const char *with_dir[] = { "--huge-dir", dir, NULL };
	int rc, left;

	if (free_hugepages() == 0) {
		rc = run_init(none);
		TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
		return check_no_hugepages_text("hugepages-");
	}
	if (free_pages_of("hugepages-1048576kB") != 0 || getuid() != 0)
		return TEST_SKIPPED;
	TEST_ASSERT_NOT_NULL(mkdtemp(dir), "mkdtemp");
	if (test_run_cmd(mount_argv, NULL, 0) != 0) {
		rmdir(dir);
		return TEST_SKIPPED;
	}
	rc = run_init(with_dir);
	left = test_dir_entries(dir);
	test_run_cmd(umount_argv, NULL, 0);
	rmdir(dir);
	TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
	TEST_ASSERT_EQUAL(left, 0, "files left in --huge-dir");
	return check_no_hugepages_text("hugepages-1048576kB");
}

static int
test_memory_init_too_much(void)
{
	const char *huge[] = { "-m", "4000000", NULL };
	const char *nohuge[] = { "--no-huge", "-m", "8000000", NULL };
	int rc;

	rc = run_init(nohuge);
	TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "init=-1 errno=12", "-1 with ENOMEM");
	TEST_ASSERT_STR_CONTAINS(out, "-m 8000000 MiB is more than this machine's", "numbers");
	if (free_hugepages() == 0)
		return TEST_SUCCESS;
	rc = run_init(huge);
	TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "-m 4000000 MiB is more than the free hugepage memory",
				 "the cause with numbers");
	TEST_ASSERT_STR_CONTAINS(out, "lower -m", "the fix");
	return TEST_SUCCESS;
}

static int
test_memory_init_bad_options(void)
{
	const char *pa[] = { "--no-huge", "--iova-mode=pa", NULL };
	const char *dir[] = { "--huge-dir", "/proc", NULL };
	int rc;

	rc = run_init(pa);
	TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "--iova-mode=pa needs hugepages", "cause and fix");
	rc = run_init(dir);
	TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "--huge-dir /proc is not a hugetlbfs mount", "cause");
	return TEST_SUCCESS;
}

static int
test_memory_init_no_huge_m(void)
{
	const char *args[] = { "--no-huge", "-m", "16", NULL };
	int rc = run_init(args);

	TEST_ASSERT_EQUAL(rc, 0, "init with --no-huge -m 16:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "cleanup");
	return TEST_SUCCESS;
}

/* --huge-dir: files named after --file-prefix, stale ones removed, none left. */
static int
test_memory_init_huge_dir(void)
{
	char dir[] = "/tmp/sluice-huge-XXXXXX", stale[256];
	const char *mount_argv[] = { "/bin/mount", "-t", "hugetlbfs", "nodev", dir, NULL };
	const char *umount_argv[] = { "/bin/umount", dir, NULL };
	const char *args[] = { "--huge-dir", dir, "--file-prefix", "memtest", "-m", "4", NULL };
	FILE *f;
	int rc, left;

	if (free_hugepages() < 4 || getuid() != 0)
		return TEST_SKIPPED;
	TEST_ASSERT_NOT_NULL(mkdtemp(dir), "mkdtemp");
	if (test_run_cmd(mount_argv, out, sizeof(out)) != 0) {
		rmdir(dir);
		return TEST_SKIPPED;
	}
	snprintf(stale, sizeof(stale), "%s/memtestmap_0", dir);
	f = fopen(stale, "w");
	if (f != NULL)
		fclose(f);
	rc = run_init(args);
	left = test_dir_entries(dir);
	test_run_cmd(umount_argv, NULL, 0);
	rmdir(dir);
	TEST_ASSERT_EQUAL(rc, 0, "init with --huge-dir:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "removed stale hugepage file", "stale file cleaned");
	TEST_ASSERT_EQUAL(left, 0, "files left in --huge-dir");
	return TEST_SUCCESS;
}

/* Root with hugepages reads physical addresses; a hugepage is one run of them. */
static int
test_memory_phys(void)
{
	const char *pa[] = { "--iova-mode=pa", "-m", "8", NULL };
	char *p;
	phys_addr_t a, b;
	int rc;

	if (test_no_huge() || getuid() != 0) {
		TEST_ASSERT_EQUAL(rte_eal_using_phys_addrs(), 0, "no physical addresses");
		TEST_ASSERT_EQUAL(rte_mem_virt2phy(&rc), RTE_BAD_PHYS_ADDR, "unknown");
		return TEST_SUCCESS;
	}
	TEST_ASSERT_EQUAL(rte_eal_using_phys_addrs(), 1, "root reads PFNs");
	p = rte_malloc(NULL, 8192, 4096);
	TEST_ASSERT_NOT_NULL(p, "malloc");
	a = rte_mem_virt2phy(p);
	b = rte_mem_virt2phy(p + 4096);
	TEST_ASSERT(a != RTE_BAD_PHYS_ADDR && a != 0, "physical address of a block");
	if (((uintptr_t)p & (RTE_PGSIZE_2M - 1)) + 8192 <= RTE_PGSIZE_2M)
		TEST_ASSERT_EQUAL(b, a + 4096, "one hugepage is physically contiguous");
	rte_free(p);
	rc = run_init(pa);
	TEST_ASSERT_EQUAL(rc, 0, "init with --iova-mode=pa:\n%s", out);
	return TEST_SUCCESS;
}

/* First case, before any allocation: like DPDK, init leaves at least one
 * segment mapped, with or without -m (memory_autotest checks this). */
static int
test_memory_physmem_after_init(void)
{
	TEST_ASSERT(rte_eal_get_physmem_size() > 0, "physmem is 0 right after rte_eal_init");
	return TEST_SUCCESS;
}

static const struct test_case memory_cases[] = {
	TEST_CASE(test_memory_physmem_after_init),
	TEST_CASE(test_memory_window),
	TEST_CASE(test_memory_walks),
	TEST_CASE(test_memory_lookup),
	TEST_CASE(test_memory_dump),
	TEST_CASE(test_memory_events),
	TEST_CASE(test_memory_validator),
	TEST_CASE(test_memory_init_no_hugepages),
	TEST_CASE(test_memory_init_too_much),
	TEST_CASE(test_memory_init_bad_options),
	TEST_CASE(test_memory_init_no_huge_m),
	TEST_CASE(test_memory_init_huge_dir),
	TEST_CASE(test_memory_phys),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(memory, TEST_SUITE_EAL, memory_cases);
