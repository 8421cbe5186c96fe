/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared config: the primary puts the memseg lists, the heaps, the
 * memzones and the tailq heads in one memfd mapped at the start of its VA
 * window. A secondary asks the primary for that memfd and the lists'
 * memfds (message EAL_MP_MEM_ATTACH, one fd a request) and maps them at
 * the same addresses, so the pointers inside mean the same in both.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_version.h>

#include "eal_private.h"
#include "eal_mem_private.h"

#define EAL_MP_MEM_ATTACH "eal_mem_attach"
/* A primary that answers at all answers within this. */
#define EAL_MP_ATTACH_TIMEOUT_S 5

struct eal_shared_config *eal_shared;
static int eal_shared_fd = -1;
static size_t eal_shared_len;

/* Request: which fd; both sides say what they are. */
struct mem_attach_req {
	uint64_t magic;
	uint64_t layout;
	char version[64];
	uint32_t fd_index; /* 0: the shared config, 1 + i: list i */
};

struct mem_attach_rep {
	int32_t status; /* 0, or a positive errno */
	uint64_t magic;
	uint64_t layout;
	char version[64];
	uint64_t window;
	uint64_t window_len;
	uint64_t cfg_len;
};

static_assert(sizeof(struct mem_attach_req) <= RTE_MP_MAX_PARAM_LEN, "fits a message");
static_assert(sizeof(struct mem_attach_rep) <= RTE_MP_MAX_PARAM_LEN, "fits a message");

int
eal_shared_mutex_init(pthread_mutex_t *m, bool recursive)
{
	pthread_mutexattr_t a;
	int err;

	pthread_mutexattr_init(&a);
	err = pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	if (err == 0 && recursive)
		err = pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	if (err == 0)
		err = pthread_mutex_init(m, &a);
	pthread_mutexattr_destroy(&a);
	rte_errno = err;
	return err == 0 ? 0 : -1;
}

int
eal_shared_rwlock_init(pthread_rwlock_t *l)
{
	pthread_rwlockattr_t a;
	int err;

	pthread_rwlockattr_init(&a);
	err = pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	if (err == 0)
		err = pthread_rwlock_init(l, &a);
	pthread_rwlockattr_destroy(&a);
	rte_errno = err;
	return err == 0 ? 0 : -1;
}

uint64_t
eal_shared_layout(void)
{
	/* sizes of what both sides read in place: a change in any shows */
	return ((uint64_t)sizeof(struct eal_shared_config) << 32) ^
	       ((uint64_t)sizeof(struct rte_memseg) << 24) ^
	       ((uint64_t)sizeof(struct rte_memzone) << 12) ^ sizeof(struct malloc_heap);
}

/* Point each list's memseg array into the space after the config. */
static void
shared_memsegs_place(struct eal_shared_config *s)
{
	struct rte_memseg *ms = (struct rte_memseg *)RTE_PTR_ALIGN_CEIL(s + 1, 64);

	for (unsigned int i = 0; i < s->mem.n_lists; i++) {
		s->mem.lists[i].msl.memsegs = ms;
		ms += s->mem.lists[i].msl.n_segs;
	}
}

int
eal_shared_create(void *at, size_t len)
{
	struct eal_shared_config *s;
	char name[96];

	snprintf(name, sizeof(name), "%sconfig", eal_cfg.file_prefix);
	eal_shared_fd = memfd_create(name, MFD_CLOEXEC);
	if (eal_shared_fd < 0 || ftruncate(eal_shared_fd, (off_t)len) < 0)
		goto fail;
	s = mmap(at, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, eal_shared_fd, 0);
	if (s == MAP_FAILED)
		goto fail;
	eal_shared = s;
	eal_shared_len = len;
	s->mem = *eal_mem;
	if (eal_shared_mutex_init(&s->mem.lock, true) < 0)
		return eal_fail(rte_errno, "EAL: cannot make a process-shared lock: %s\n",
				strerror(rte_errno));
	shared_memsegs_place(s);
	eal_mem = &s->mem;
	return 0;
fail:
	return eal_fail(errno, "EAL: cannot create the shared config (%zu kB memfd): %s\n",
			len >> 10, strerror(errno));
}

static void
mem_attach_rep_fill(struct mem_attach_rep *r)
{
	memset(r, 0, sizeof(*r));
	r->magic = EAL_SHARED_MAGIC;
	r->layout = eal_shared_layout();
	strlcpy(r->version, rte_version(), sizeof(r->version));
	r->window = (uint64_t)(uintptr_t)eal_mem->window;
	r->window_len = eal_mem->window_len;
	r->cfg_len = eal_shared_len;
}

/* The primary's side: one fd a request, after both builds agree. */
static int
mem_attach_serve(const struct rte_mp_msg *msg, const void *peer)
{
	struct mem_attach_req q;
	struct mem_attach_rep r;
	struct rte_mp_msg m;

	memset(&m, 0, sizeof(m));
	strlcpy(m.name, msg->name, sizeof(m.name));
	mem_attach_rep_fill(&r);
	memset(&q, 0, sizeof(q));
	if (msg->len_param != (int)sizeof(q)) {
		r.status = EPROTO;
		goto out;
	}
	memcpy(&q, msg->param, sizeof(q));
	if (q.magic != EAL_SHARED_MAGIC || q.layout != r.layout ||
	    strncmp(q.version, r.version, sizeof(r.version)) != 0)
		r.status = EPROTO;
	else if (eal_shared->mp_disabled)
		r.status = EPERM;
	else if (q.fd_index == 0) {
		m.fds[m.num_fds++] = eal_shared_fd;
		eal_shared->secondary_seen = 1;
	}
	else if (q.fd_index <= eal_mem->n_lists)
		m.fds[m.num_fds++] = eal_mem_list_fd(&eal_mem->lists[q.fd_index - 1]);
	else
		r.status = EINVAL;
out:
	for (int i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	memcpy(m.param, &r, sizeof(r));
	m.len_param = sizeof(r);
	return rte_mp_reply(&m, peer);
}

int
eal_shared_publish(void)
{
	eal_shared->magic = EAL_SHARED_MAGIC;
	eal_shared->layout = eal_shared_layout();
	strlcpy(eal_shared->version, rte_version(), sizeof(eal_shared->version));
	eal_shared->primary_pid = (int32_t)getpid();
	/* without a runtime directory there is nobody to share with */
	if (!eal_mp_enabled())
		return 0;
	if (rte_mp_action_register(EAL_MP_MEM_ATTACH, mem_attach_serve) < 0)
		return eal_fail(rte_errno,
				"EAL: cannot serve secondaries' memory requests: "
				"%s\n",
				rte_strerror(rte_errno));
	return 0;
}

void
eal_shared_unpublish(void)
{
	if (eal_cfg.process_type != RTE_PROC_SECONDARY)
		rte_mp_action_unregister(EAL_MP_MEM_ATTACH);
}

void
eal_shared_close(void)
{
	if (eal_shared_fd >= 0)
		close(eal_shared_fd);
	eal_shared_fd = -1;
	eal_shared = NULL;
	eal_shared_len = 0;
}

/* Ask the primary for fd number idx; the fd, or -1 (one line logged). */
static int
mem_attach_fd(uint32_t idx, struct mem_attach_rep *rep)
{
	const struct timespec ts = {.tv_sec = EAL_MP_ATTACH_TIMEOUT_S};
	struct mem_attach_req q = {.magic = EAL_SHARED_MAGIC, .fd_index = idx};
	struct rte_mp_reply reply;
	struct rte_mp_msg m;
	const struct rte_mp_msg *a;
	int fd = -1;

	q.layout = eal_shared_layout();
	strlcpy(q.version, rte_version(), sizeof(q.version));
	memset(&m, 0, sizeof(m));
	strlcpy(m.name, EAL_MP_MEM_ATTACH, sizeof(m.name));
	memcpy(m.param, &q, sizeof(q));
	m.len_param = sizeof(q);
	if (rte_mp_request_sync(&m, &reply, &ts) < 0) {
		int err = rte_errno;

		free(reply.msgs);
		if (err == ETIMEDOUT)
			return eal_fail(EPROTO,
					"EAL: the primary of --file-prefix %s did not "
					"answer the memory request in %d s: it is another build "
					"(or not a Sluice primary); run the secondary from the "
					"primary's build\n",
					eal_cfg.file_prefix, EAL_MP_ATTACH_TIMEOUT_S);
		return eal_fail(err,
				"EAL: cannot reach the primary of --file-prefix %s on its "
				"mp_socket: %s; start a primary of this build first or use "
				"--proc-type=auto\n",
				eal_cfg.file_prefix, strerror(err));
	}
	a = &reply.msgs[0];
	memset(rep, 0, sizeof(*rep));
	if (a->len_param == (int)sizeof(*rep))
		memcpy(rep, a->param, sizeof(*rep));
	rep->version[sizeof(rep->version) - 1] = '\0';
	if (a->len_param != (int)sizeof(*rep) || rep->magic != EAL_SHARED_MAGIC ||
	    rep->layout != eal_shared_layout() || rep->status == EPROTO ||
	    strcmp(rep->version, rte_version()) != 0) {
		eal_fail(EPROTO,
			 "EAL: the primary of --file-prefix %s is another build ('%s', "
			 "layout %#" PRIx64 "; this process: '%s', layout %#" PRIx64 "): run "
			 "the secondary from the primary's build\n",
			 eal_cfg.file_prefix, rep->version, rep->layout, rte_version(),
			 eal_shared_layout());
	} else if (rep->status == EPERM) {
		eal_fail(EPERM,
			 "EAL: the primary of --file-prefix %s called rte_mp_disable(): "
			 "it takes no secondary; start one that does not\n",
			 eal_cfg.file_prefix);
	} else if (rep->status != 0 || a->num_fds != 1) {
		eal_fail(EPROTO, "EAL: the primary refused memory fd %u: %s\n", idx,
			 strerror(rep->status != 0 ? rep->status : EPROTO));
	} else {
		fd = a->fds[0];
	}
	for (int i = 0; fd < 0 && i < a->num_fds; i++)
		close(a->fds[i]);
	free(reply.msgs);
	return fd;
}

/* The first mapping of /proc/self/maps that overlaps [a, a + len), into buf. */
static void
maps_find_overlap(uint64_t a, uint64_t len, char *buf, size_t buflen)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	uint64_t s, e;

	snprintf(buf, buflen, "an unknown mapping");
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%" SCNx64 "-%" SCNx64, &s, &e) != 2 || e <= a || s >= a + len)
			continue;
		/* the line without its trailing blanks and newline */
		for (size_t n = strlen(line); n > 0 && (line[n - 1] == '\n' || line[n - 1] == ' ');)
			line[--n] = '\0';
		snprintf(buf, buflen, "'%s'", line);
		break;
	}
	fclose(f);
}

/* The shared config as the primary filled it: checked before any use. */
static int
shared_config_check(const struct eal_shared_config *s, const struct mem_attach_rep *rep)
{
	uintptr_t lo = (uintptr_t)rep->window + rep->cfg_len;
	uintptr_t hi = (uintptr_t)rep->window + rep->window_len;
	size_t segs = 0;

	if (s->magic != EAL_SHARED_MAGIC || s->layout != eal_shared_layout() ||
	    s->mem.n_lists > RTE_MAX_NUMA_NODES ||
	    s->mem.window != (void *)(uintptr_t)rep->window || s->mem.window_len != rep->window_len)
		return -1;
	for (unsigned int i = 0; i < s->mem.n_lists; i++) {
		const struct rte_memseg_list *msl = &s->mem.lists[i].msl;
		uintptr_t b = (uintptr_t)msl->base_va;

		segs += msl->n_segs;
		if (b < lo || b > hi || msl->len > hi - b || msl->page_sz == 0)
			return -1;
	}
	if (sizeof(*s) + 64 + segs * sizeof(struct rte_memseg) > rep->cfg_len)
		return -1;
	return 0;
}

int
eal_mem_attach(void)
{
	struct mem_attach_rep rep;
	struct eal_shared_config *s;
	char in_the_way[600];
	void *w = MAP_FAILED;
	int fd;

	fd = mem_attach_fd(0, &rep);
	if (fd < 0)
		return -1;
	if (rep.cfg_len < sizeof(*s) || rep.cfg_len > rep.window_len ||
	    rep.window + rep.window_len < rep.window) {
		eal_fail(EPROTO, "EAL: the primary sent an impossible memory layout\n");
		goto fail;
	}
	w = mmap((void *)(uintptr_t)rep.window, rep.window_len, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
	if (w != (void *)(uintptr_t)rep.window) {
		if (w != MAP_FAILED)
			munmap(w, rep.window_len);
		w = MAP_FAILED;
		maps_find_overlap(rep.window, rep.window_len, in_the_way, sizeof(in_the_way));
		eal_fail(ENOMEM,
			 "EAL: the primary's memory at 0x%" PRIx64 "-0x%" PRIx64 " is "
			 "taken in this process by %s; start the primary with --base-virtaddr "
			 "at a range free in both\n",
			 rep.window, rep.window + rep.window_len, in_the_way);
		goto fail;
	}
	s = mmap(w, rep.cfg_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
	if (s == MAP_FAILED || shared_config_check(s, &rep) < 0) {
		eal_fail(EPROTO, "EAL: the primary's shared config is not one this build reads: "
				 "run the secondary from the primary's build\n");
		goto fail;
	}
	eal_shared_fd = fd;
	eal_shared_len = rep.cfg_len;
	eal_shared = s;
	eal_mem = &s->mem;
	/* from here eal_memory_cleanup() undoes it all */
	for (unsigned int i = 0; i < eal_mem->n_lists; i++) {
		int lfd = mem_attach_fd(i + 1, &rep);

		if (lfd < 0 || eal_mem_list_map(i, lfd) < 0) {
			if (lfd >= 0 && eal_mem_list_fd(&eal_mem->lists[i]) != lfd)
				close(lfd);
			goto fail_attached;
		}
	}
	if (malloc_heap_init(s->heaps, false) < 0)
		goto fail_attached;
	eal_memzone_attach(&s->memzones, false);
	if (eal_tailqs_share(&s->tailqs, false) < 0)
		goto fail_attached;
	EAL_LOG(DEBUG, "memory: attached to primary %d: %zu MiB window at %p\n",
		(int)s->primary_pid, eal_mem->window_len >> 20, eal_mem->window);
	return 0;
fail_attached : {
	int err = rte_errno;

	eal_memory_cleanup();
	rte_errno = err;
	return -1;
}
fail:
	if (w != MAP_FAILED)
		munmap(w, rep.window_len);
	close(fd);
	return -1;
}
