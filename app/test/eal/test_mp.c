/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Secondary processes: this process is the primary (a --file-prefix of its
 * own), fills a memzone, a ring and a mempool, and runs copies of this
 * binary as secondaries ("mp_secondary" suite) that check and change them
 * and talk to it over rte_mp_*. Then each way a secondary start can fail,
 * with its line.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "test.h"

#define MP_MZ "mp_test_mz"
#define MP_RING "mp_test_ring"
#define MP_POOL "mp_test_pool"
#define MP_POOL_N 63
#define MP_ECHO "mp_test_echo"
#define MP_PATTERN 0x5a
/* The secondary writes this at MP_MARK_OFF of the memzone. */
#define MP_MARK_OFF 100
#define MP_MARK 0xa5
#define MP_PORT "net_ring0"
#define MP_MBUFS "mp_test_mbufs"
#define MP_PKTS 4

static char out[16384];
static char prefix[64];
static bool primary_up;

/* A memfd holding text, or -1. */
static int
memfd_with(const char *text)
{
	int fd = memfd_create("mp_test", MFD_CLOEXEC);

	if (fd >= 0 && pwrite(fd, text, strlen(text) + 1, 0) != (ssize_t)strlen(text) + 1) {
		close(fd);
		return -1;
	}
	return fd;
}

static void
fd_read_text(int fd, char *buf, size_t len)
{
	ssize_t n = pread(fd, buf, len - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
}

/* The primary's side of the echo: read the fd sent, reply with its text and an fd. */
static int
mp_echo_action(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r;
	char text[64] = "";

	memset(&r, 0, sizeof(r));
	snprintf(r.name, sizeof(r.name), "%s", msg->name);
	if (msg->num_fds == 1) {
		fd_read_text(msg->fds[0], text, sizeof(text));
		close(msg->fds[0]);
	}
	r.len_param = snprintf((char *)r.param, sizeof(r.param), "got %.*s:%s", msg->len_param,
			       (const char *)msg->param, text) +
		      1;
	r.fds[0] = memfd_with("from the primary");
	r.num_fds = r.fds[0] >= 0;
	rte_mp_reply(&r, peer);
	if (r.num_fds)
		close(r.fds[0]);
	return 0;
}

static int
primary_start(void)
{
	char pf[96];
	/* hugepage memfds with the runner's --huge */
	char *argv[] = {"mp",	     "-m", "64", "-l", "0", "--no-pci", pf, "--vdev=" MP_PORT,
			"--no-huge", NULL};
	int argc = (int)RTE_DIM(argv) - (test_no_huge() ? 1 : 2);
	const struct rte_memzone *mz;
	struct rte_mempool *mp;
	struct rte_ring *r;

	if (primary_up)
		return 0;
	snprintf(prefix, sizeof(prefix), "mp_test_%d", (int)getpid());
	snprintf(pf, sizeof(pf), "--file-prefix=%s", prefix);
	if (rte_eal_init(argc, argv) < 0)
		return -1;
	primary_up = true;
	mz = rte_memzone_reserve(MP_MZ, 4096, SOCKET_ID_ANY, 0);
	r = rte_ring_create(MP_RING, 16, SOCKET_ID_ANY, 0);
	mp = rte_mempool_create(MP_POOL, MP_POOL_N, 64, 0, 0, NULL, NULL, NULL, NULL, SOCKET_ID_ANY,
				0);
	if (mz == NULL || r == NULL || mp == NULL)
		return -1;
	memset(mz->addr, MP_PATTERN, mz->len);
	for (uintptr_t v = 1; v <= 3; v++)
		if (rte_ring_enqueue(r, (void *)v) != 0)
			return -1;
	return rte_mp_action_register(MP_ECHO, mp_echo_action);
}

/* Run the mp_secondary suite case name as a secondary of prefix pf. */
static int
secondary_run(const char *name, const char *pf)
{
	char arg[96];
	const char *argv[] = {"mp_secondary",
			      "--proc-type=secondary",
			      arg,
			      "-l",
			      "0",
			      "--no-pci",
			      "--no-huge",
			      NULL};

	snprintf(arg, sizeof(arg), "--file-prefix=%s", pf);
	setenv("SLUICE_TEST_MP_CASE", name, 1);
	return test_run_self(argv, out, sizeof(out));
}

static int
test_mp_secondary_sees_objects(void)
{
	const struct rte_memzone *mz;
	struct rte_ring *r;
	void *objs[4];
	int rc;

	TEST_ASSERT_SUCCESS(primary_start(), "the primary starts: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_eal_process_type(), RTE_PROC_PRIMARY, "this is the primary");
	rc = secondary_run("objects", prefix);
	TEST_ASSERT_EQUAL(rc, 0, "the secondary's checks pass:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "secondary: all checked", "it ran them");
	TEST_ASSERT(!rte_mp_disable(), "too late to disable: a secondary attached");
	/* what the secondary changed, seen here */
	mz = rte_memzone_lookup(MP_MZ);
	r = rte_ring_lookup(MP_RING);
	TEST_ASSERT(mz != NULL && r != NULL, "still there");
	TEST_ASSERT_EQUAL(((uint8_t *)mz->addr)[MP_MARK_OFF], MP_MARK, "its write is seen");
	TEST_ASSERT_EQUAL(rte_ring_dequeue_bulk(r, objs, 3, NULL), 3, "three objects left");
	TEST_ASSERT(objs[0] == (void *)2 && objs[1] == (void *)3 && objs[2] == (void *)42,
		    "it took 1 and put 42: %p %p %p", objs[0], objs[1], objs[2]);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(rte_mempool_lookup(MP_POOL)), MP_POOL_N,
			  "the object it took went back");
	return TEST_SUCCESS;
}

/*
 * The secondary (no --vdev: it learns the port from the primary) sends on
 * the primary's net_ring port; its ring loops them back here.
 */
static int
test_mp_secondary_port(void)
{
	struct rte_eth_conf conf;
	struct rte_mempool *pool;
	struct rte_mbuf *pkts[MP_PKTS * 2];
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	uint16_t port, n;

	TEST_ASSERT_SUCCESS(primary_start(), "the primary starts");
	memset(&conf, 0, sizeof(conf));
	pool = rte_pktmbuf_pool_create(MP_MBUFS, 255, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				       SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(pool, "mbuf pool: %s", rte_strerror(rte_errno));
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(MP_PORT, &port), "the port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(port, 1, 1, &conf), "configure");
	TEST_ASSERT_SUCCESS(rte_eth_rx_queue_setup(port, 0, 64, SOCKET_ID_ANY, NULL, pool), "rxq");
	TEST_ASSERT_SUCCESS(rte_eth_tx_queue_setup(port, 0, 64, SOCKET_ID_ANY, NULL), "txq");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(port), "start");
	TEST_ASSERT_EQUAL(secondary_run("port", prefix), 0, "the secondary sends:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "secondary: sent", "it did");
	n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts));
	TEST_ASSERT_EQUAL(n, MP_PKTS, "what it sent arrives here");
	for (uint16_t i = 0; i < n; i++) {
		TEST_ASSERT_EQUAL(rte_pktmbuf_data_len(pkts[i]), 60, "length of %u", i);
		TEST_ASSERT_EQUAL(*rte_pktmbuf_mtod(pkts[i], uint8_t *), i + 1, "payload of %u", i);
	}
	rte_pktmbuf_free_bulk(pkts, n);
	/* the secondary's close left the port as it was here */
	TEST_ASSERT(rte_eth_dev_is_valid_port(port), "the port is still the primary's");
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info");
	TEST_ASSERT_EQUAL(info.nb_rx_queues, 1, "its Rx queue is still configured");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "the link is still up");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");
	return TEST_SUCCESS;
}

static int
test_mp_auto_is_secondary(void)
{
	char arg[96];
	const char *argv[] = {
		"eal_init_only", "--proc-type=auto", arg, "-l", "0", "--no-pci", NULL};

	TEST_ASSERT_SUCCESS(primary_start(), "the primary starts");
	snprintf(arg, sizeof(arg), "--file-prefix=%s", prefix);
	TEST_ASSERT_EQUAL(test_run_self(argv, out, sizeof(out)), 0, "auto attaches:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "init=", "ran");
	TEST_ASSERT_STR_CONTAINS(out, "cleanup=0", "and cleaned up");
	/* its rte_malloc came from the primary's heap, which still works here */
	TEST_ASSERT(strstr(out, "malloc=(nil)") == NULL, "rte_malloc worked:\n%s", out);
	return TEST_SUCCESS;
}

static int
test_mp_no_primary(void)
{
	char pf[64], dir[512];
	int rc;

	snprintf(pf, sizeof(pf), "mp_none_%d", (int)getpid());
	rc = secondary_run("objects", pf);
	TEST_ASSERT_NOT_EQUAL(rc, 0, "fails:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "EAL: no primary process runs with --file-prefix", "why");
	TEST_ASSERT_STR_CONTAINS(out, "start the primary first or use --proc-type=auto", "fix");
	/* nothing made for it */
	TEST_ASSERT_SUCCESS(primary_start(), "the primary starts");
	snprintf(dir, sizeof(dir), "%s/../%s", rte_eal_get_runtime_dir(), pf);
	TEST_ASSERT(access(dir, F_OK) != 0, "no runtime directory %s left", dir);
	return TEST_SUCCESS;
}

/* The lowest address of the primary's memory (a memseg list's start). */
static int
first_list(const struct rte_memseg_list *msl, void *arg)
{
	uintptr_t *lo = arg;

	if (*lo == 0 || (uintptr_t)msl->base_va < *lo)
		*lo = (uintptr_t)msl->base_va;
	return 0;
}

static int
test_mp_address_taken(void)
{
	uintptr_t lo = 0;
	char addr[32];
	int rc;

	TEST_ASSERT_SUCCESS(primary_start(), "the primary starts");
	rte_memseg_list_walk(first_list, &lo);
	TEST_ASSERT(lo != 0, "the primary has memory");
	snprintf(addr, sizeof(addr), "%#" PRIxPTR, lo);
	setenv("SLUICE_TEST_MP_BLOCK", addr, 1);
	rc = secondary_run("objects", prefix);
	unsetenv("SLUICE_TEST_MP_BLOCK");
	TEST_ASSERT_NOT_EQUAL(rc, 0, "fails:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "is taken in this process by '", "names the mapping");
	TEST_ASSERT_STR_CONTAINS(out, addr + 2, "the mapping in the way is at %s", addr);
	TEST_ASSERT_STR_CONTAINS(out, "--base-virtaddr", "fix");
	return TEST_SUCCESS;
}

/* A fake primary of another build: holds the lock, answers with the wrong layout. */
static void
fake_primary(const char *dir, int ready)
{
	struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
	struct sockaddr_un a = {.sun_family = AF_UNIX}, from;
	struct {
		int32_t type;
		struct rte_mp_msg msg;
	} w;
	char path[600];
	socklen_t fl = sizeof(from);
	int cfd, s;

	snprintf(path, sizeof(path), "%s/config", dir);
	cfd = open(path, O_RDWR | O_CREAT, 0600);
	/* the socket path, checked to fit */
	if ((size_t)snprintf(path, sizeof(path), "%s/mp_socket", dir) >= sizeof(a.sun_path))
		_exit(1);
	memcpy(a.sun_path, path, strlen(path) + 1);
	unlink(a.sun_path);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (cfd < 0 || fcntl(cfd, F_SETLK, &lk) < 0 || s < 0 ||
	    bind(s, (struct sockaddr *)&a, sizeof(a)) < 0)
		_exit(1);
	(void)!write(ready, "r", 1);
	while (recvfrom(s, &w, sizeof(w), 0, (struct sockaddr *)&from, &fl) > 0) {
		w.type = 3; /* a reply */
		w.msg.len_param = 8;
		memcpy(w.msg.param, "DPDK-xx", 8);
		w.msg.num_fds = 0;
		sendto(s, &w, sizeof(w), 0, (struct sockaddr *)&from, fl);
		fl = sizeof(from);
	}
	_exit(0);
}

static int
test_mp_primary_other_build(void)
{
	char pf[64], dir[512], c;
	int p[2], rc, st;
	pid_t pid;

	TEST_ASSERT_SUCCESS(primary_start(), "the primary starts");
	snprintf(pf, sizeof(pf), "mp_fake_%d", (int)getpid());
	/* the path the secondary will name: replies are matched by it */
	snprintf(dir, sizeof(dir), "%s", rte_eal_get_runtime_dir());
	*strrchr(dir, '/') = '\0';
	snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "/%s", pf);
	TEST_ASSERT(mkdir(dir, 0700) == 0 || errno == EEXIST, "made %s", dir);
	TEST_ASSERT_SUCCESS(pipe(p), "pipe");
	pid = fork();
	TEST_ASSERT(pid >= 0, "fork");
	if (pid == 0)
		fake_primary(dir, p[1]);
	close(p[1]);
	rc = read(p[0], &c, 1) == 1 ? 0 : -1;
	close(p[0]);
	if (rc == 0)
		rc = secondary_run("objects", pf);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	{
		char f[600];

		snprintf(f, sizeof(f), "%s/config", dir);
		unlink(f);
		snprintf(f, sizeof(f), "%s/mp_socket", dir);
		unlink(f);
		rmdir(dir);
	}
	TEST_ASSERT_NOT_EQUAL(rc, 0, "fails:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "is another build", "why");
	TEST_ASSERT_STR_CONTAINS(out, "run the secondary from the primary's build", "fix");
	return TEST_SUCCESS;
}

/* A primary in a child (forked before this process starts its EAL) for the secondary to outlive. */
/*
 * Fork a primary of prefix pf holding MP_MZ filled with MP_PATTERN (only
 * before this process starts its EAL); extra: one more EAL option or NULL;
 * disable: it calls rte_mp_disable(). 0 once it is up, its pid in *pid.
 */
static int
child_primary_fork(const char *pf, const char *extra, bool disable, pid_t *pid)
{
	char arg[96], c;
	char *argv[10] = {"mp", "-m", "8", "-l", "0", "--no-pci", arg};
	int argc = 7, p[2], rc;

	snprintf(arg, sizeof(arg), "--file-prefix=%s", pf);
	if (extra != NULL)
		argv[argc++] = (char *)(uintptr_t)extra;
	else if (test_no_huge())
		argv[argc++] = "--no-huge";
	if (pipe(p) < 0)
		return -1;
	*pid = fork();
	if (*pid == 0) {
		const struct rte_memzone *mz;

		close(p[0]);
		if (rte_eal_init(argc, argv) < 0)
			_exit(1);
		mz = rte_memzone_reserve(MP_MZ, 4096, SOCKET_ID_ANY, 0);
		if (mz == NULL)
			_exit(1);
		memset(mz->addr, MP_PATTERN, mz->len);
		if (disable && !rte_mp_disable())
			_exit(1);
		(void)!write(p[1], "r", 1);
		for (;;)
			pause();
	}
	close(p[1]);
	rc = *pid > 0 && read(p[0], &c, 1) == 1 ? 0 : -1;
	close(p[0]);
	return rc;
}

static void
child_primary_kill(pid_t pid)
{
	int st;

	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
}

/* A primary in a child, for the secondary to outlive. */
static int
test_mp_primary_died(void)
{
	char pf[64], cmd[128], pidstr[16];
	const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
	pid_t pid = -1;
	int rc;

	snprintf(pf, sizeof(pf), "mp_die_%d", (int)getpid());
	rc = child_primary_fork(pf, NULL, false, &pid);
	snprintf(pidstr, sizeof(pidstr), "%d", (int)pid);
	setenv("SLUICE_TEST_MP_PRIMARY_PID", pidstr, 1);
	if (rc == 0)
		rc = secondary_run("orphan", pf);
	unsetenv("SLUICE_TEST_MP_PRIMARY_PID");
	child_primary_kill(pid);
	TEST_ASSERT_EQUAL(rc, 0, "the secondary saw the primary die:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "secondary: primary gone", "checked");
	/* memfds: nothing of the killed primary in /dev/shm */
	snprintf(cmd, sizeof(cmd), "ls /dev/shm | grep -c %s", pf);
	test_run_cmd(sh, out, sizeof(out));
	TEST_ASSERT(atoi(out) == 0, "nothing in /dev/shm: %s", out);
	return TEST_SUCCESS;
}

/* A primary that called rte_mp_disable() refuses secondaries, with one line. */
static int
test_mp_disabled(void)
{
	char pf[64];
	pid_t pid = -1;
	int rc;

	snprintf(pf, sizeof(pf), "mp_off_%d", (int)getpid());
	rc = child_primary_fork(pf, NULL, true, &pid);
	TEST_ASSERT_SUCCESS(rc, "the primary disables multi-process");
	rc = secondary_run("objects", pf);
	child_primary_kill(pid);
	TEST_ASSERT_NOT_EQUAL(rc, 0, "refused:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "called rte_mp_disable(): it takes no secondary", "why");
	return TEST_SUCCESS;
}

/* --huge-dir: the secondary maps the primary's hugetlbfs files it was sent. */
static int
test_mp_huge_dir(void)
{
	char mnt[64], pf[64], arg[96];
	pid_t pid = -1;
	int rc;

	if (test_no_huge()) {
		printf("  needs hugepages: run with --huge\n");
		return TEST_SKIPPED;
	}
	if (test_hugetlbfs_mount(mnt, sizeof(mnt)) != 0)
		return TEST_SKIPPED;
	snprintf(pf, sizeof(pf), "mp_hd_%d", (int)getpid());
	snprintf(arg, sizeof(arg), "--huge-dir=%s", mnt);
	rc = child_primary_fork(pf, arg, false, &pid);
	if (rc == 0)
		rc = secondary_run("hugedir", pf);
	child_primary_kill(pid);
	test_hugetlbfs_umount(mnt);
	TEST_ASSERT_EQUAL(rc, 0, "the secondary reads the huge-dir memory:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "secondary: huge-dir memory seen", "checked");
	return TEST_SUCCESS;
}

/* The socket a secondary killed with SIGKILL leaves: bound, then nobody reads it. */
static int
dead_secondary_socket(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	int ret;

	if (fd < 0)
		return -1;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	ret = bind(fd, (struct sockaddr *)&a, sizeof(a));
	close(fd);
	return ret;
}

static int
test_mp_cleanup(void)
{
	char dead[300] = "";

	if (primary_up) {
		snprintf(dead, sizeof(dead), "%s/mp_socket_1_0", rte_eal_get_runtime_dir());
		TEST_ASSERT_SUCCESS(dead_secondary_socket(dead), "made %s", dead);
		TEST_ASSERT_SUCCESS(rte_eal_cleanup(), "the primary stops");
		TEST_ASSERT(access(dead, F_OK) != 0, "a dead secondary's socket outlived the primary");
	}
	primary_up = false;
	return TEST_SUCCESS;
}

/* The first cases: their primaries are forked before this process starts an EAL. */
static const struct test_case mp_cases[] = {
	TEST_CASE(test_mp_primary_died),
	TEST_CASE(test_mp_huge_dir),
	TEST_CASE(test_mp_disabled),
	TEST_CASE(test_mp_secondary_sees_objects),
	TEST_CASE(test_mp_secondary_port),
	TEST_CASE(test_mp_auto_is_secondary),
	TEST_CASE(test_mp_no_primary),
	TEST_CASE(test_mp_address_taken),
	TEST_CASE(test_mp_primary_other_build),
	TEST_CASE(test_mp_cleanup),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mp, TEST_SUITE_NO_EAL, mp_cases)

/*
 * The secondary's side, run by test_mp_* through SLUICE_TEST_MP_CASE. The
 * runner starts the EAL with the arguments given, as a secondary.
 */
static int
secondary_objects(void)
{
	const struct timespec ts = {.tv_sec = 5};
	struct rte_mp_reply reply;
	struct rte_mp_msg m;
	const struct rte_memzone *mz = rte_memzone_lookup(MP_MZ);
	struct rte_ring *r = rte_ring_lookup(MP_RING);
	struct rte_mempool *mp = rte_mempool_lookup(MP_POOL);
	char text[64];
	void *obj;

	TEST_ASSERT_EQUAL(rte_eal_process_type(), RTE_PROC_SECONDARY, "a secondary");
	TEST_ASSERT_EQUAL(rte_eal_primary_proc_alive(NULL), 1, "the primary runs");
	TEST_ASSERT(mz != NULL && r != NULL && mp != NULL, "found %p %p %p", (void *)mz, (void *)r,
		    (void *)mp);
	for (size_t i = 0; i < mz->len; i++)
		TEST_ASSERT_EQUAL(((uint8_t *)mz->addr)[i], MP_PATTERN, "byte %zu", i);
	((uint8_t *)mz->addr)[MP_MARK_OFF] = MP_MARK;
	TEST_ASSERT_EQUAL(rte_ring_count(r), 3, "the primary's three objects");
	TEST_ASSERT_SUCCESS(rte_ring_dequeue(r, &obj), "dequeue");
	TEST_ASSERT(obj == (void *)1, "first in, first out: %p", obj);
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(r, (void *)42), "enqueue");
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), MP_POOL_N, "pool full");
	TEST_ASSERT_SUCCESS(rte_mempool_get(mp, &obj), "get through the ops index");
	memset(obj, 0x11, 64);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), MP_POOL_N - 1, "one out");
	rte_mempool_put(mp, obj);

	memset(&m, 0, sizeof(m));
	snprintf(m.name, sizeof(m.name), MP_ECHO);
	m.len_param = snprintf((char *)m.param, sizeof(m.param), "hello");
	m.fds[0] = memfd_with("from the secondary");
	m.num_fds = 1;
	TEST_ASSERT(m.fds[0] >= 0, "memfd");
	TEST_ASSERT_SUCCESS(rte_mp_request_sync(&m, &reply, &ts), "request: %s",
			    rte_strerror(rte_errno));
	close(m.fds[0]);
	TEST_ASSERT_EQUAL(reply.nb_sent, 1, "to the primary");
	TEST_ASSERT_EQUAL(reply.nb_received, 1, "its reply");
	TEST_ASSERT_STR_CONTAINS((char *)reply.msgs[0].param, "got hello:from the secondary",
				 "it read our fd");
	TEST_ASSERT_EQUAL(reply.msgs[0].num_fds, 1, "an fd back");
	fd_read_text(reply.msgs[0].fds[0], text, sizeof(text));
	close(reply.msgs[0].fds[0]);
	free(reply.msgs);
	TEST_ASSERT_STR_CONTAINS(text, "from the primary", "its fd's content");
	printf("secondary: all checked\n");
	return TEST_SUCCESS;
}

static int
secondary_orphan(void)
{
	const char *pid = getenv("SLUICE_TEST_MP_PRIMARY_PID");
	int alive = 1;

	TEST_ASSERT(pid != NULL, "primary pid given");
	TEST_ASSERT_NOT_NULL(rte_memzone_lookup(MP_MZ), "attached");
	TEST_ASSERT_EQUAL(rte_eal_primary_proc_alive(NULL), 1, "alive at first");
	kill((pid_t)atoi(pid), SIGKILL);
	for (int i = 0; i < 200 && alive; i++) {
		usleep(10000);
		alive = rte_eal_primary_proc_alive(NULL);
	}
	TEST_ASSERT_EQUAL(alive, 0, "the primary's death is seen");
	/* its memory stays mapped here */
	TEST_ASSERT_NOT_NULL(rte_memzone_lookup(MP_MZ), "memory still mapped");
	printf("secondary: primary gone\n");
	return TEST_SUCCESS;
}

static int
secondary_port(void)
{
	struct rte_mempool *pool = rte_mempool_lookup(MP_MBUFS);
	struct rte_mbuf *pkts[MP_PKTS];
	uint16_t port;

	TEST_ASSERT_NOT_NULL(pool, "the primary's mbuf pool");
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), 1, "one port attached");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(MP_PORT, &port), "by name");
	TEST_ASSERT_SUCCESS(rte_pktmbuf_alloc_bulk(pool, pkts, MP_PKTS), "mbufs");
	for (unsigned int i = 0; i < MP_PKTS; i++) {
		uint8_t *d = (uint8_t *)rte_pktmbuf_append(pkts[i], 60);

		TEST_ASSERT_NOT_NULL(d, "room");
		memset(d, (int)i + 1, 60);
	}
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 0, pkts, MP_PKTS), MP_PKTS,
			  "sent on the primary's queue");
	/* its view only: the port, started, its queues and rings stay the primary's */
	TEST_ASSERT_SUCCESS(rte_eth_dev_close(port), "the secondary closes the started port");
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), 0, "gone from this process");
	printf("secondary: sent %d\n", MP_PKTS);
	return TEST_SUCCESS;
}

static int
secondary_hugedir(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(MP_MZ);
	const struct rte_memseg *ms;

	TEST_ASSERT_NOT_NULL(mz, "the primary's memzone");
	for (size_t i = 0; i < mz->len; i++)
		TEST_ASSERT_EQUAL(((uint8_t *)mz->addr)[i], MP_PATTERN, "byte %zu", i);
	ms = rte_mem_virt2memseg(mz->addr, NULL);
	TEST_ASSERT(ms != NULL && rte_memseg_get_fd(ms) >= 0, "its file, received");
	TEST_ASSERT_EQUAL(ms->hugepage_sz, 2U << 20, "2 MiB pages");
	printf("secondary: huge-dir memory seen\n");
	return TEST_SUCCESS;
}

static int
test_mp_secondary_case(void)
{
	const char *c = getenv("SLUICE_TEST_MP_CASE");

	if (c != NULL && strcmp(c, "hugedir") == 0)
		return secondary_hugedir();
	if (c != NULL && strcmp(c, "port") == 0)
		return secondary_port();
	if (c != NULL && strcmp(c, "orphan") == 0)
		return secondary_orphan();
	return secondary_objects();
}

static const struct test_case mp_secondary_cases[] = {
	TEST_CASE(test_mp_secondary_case),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mp_secondary, TEST_SUITE_EAL, mp_secondary_cases)

/* Address space taken: map over where the primary's memory is, before the EAL runs. */
static void __attribute__((constructor)) mp_block_address(void)
{
	const char *a = getenv("SLUICE_TEST_MP_BLOCK");

	if (a != NULL)
		mmap((void *)(uintptr_t)strtoull(a, NULL, 16), 4096, PROT_READ,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
}
