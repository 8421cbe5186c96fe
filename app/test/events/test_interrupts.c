/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt callbacks and epoll: eventfds and pipes stand in for device
 * vectors; every callback must run in the eal-intr thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_epoll.h>

#include "eal_intr_private.h"
#include "test.h"

struct cb_record {
	atomic_int calls;
	atomic_int in_intr_thread;
	void *last_arg;
	int unregister_ret;	/* what the callback's own unregister returned */
	int pending_ret;
	atomic_int ucb_calls;
	atomic_int running;
	atomic_int done;
	atomic_int eofs;
};

static struct cb_record rec_a, rec_b;

/* Poll for up to ms milliseconds until *v >= want. */
static bool
wait_for(atomic_int *v, int want, int ms)
{
	for (int i = 0; i < ms; i++) {
		if (atomic_load(v) >= want)
			return true;
		usleep(1000);
	}
	return atomic_load(v) >= want;
}

static void
record_cb(void *arg)
{
	struct cb_record *r = arg;

	r->last_arg = arg;
	atomic_fetch_add(&r->in_intr_thread, rte_thread_is_intr());
	atomic_fetch_add(&r->calls, 1);
}

static int ext_fd = -1;
static struct rte_intr_handle *ext_handle;

/* An EXT owner: reads one byte a call; on the hang-up takes itself off. */
static void
ext_read_cb(void *arg)
{
	struct cb_record *r = arg;
	char c;

	if (read(ext_fd, &c, 1) == 0) {
		atomic_fetch_add(&r->eofs, 1);
		rte_intr_callback_unregister_pending(ext_handle, ext_read_cb, arg, NULL);
		return;
	}
	atomic_fetch_add(&r->calls, 1);
}

static struct rte_intr_handle *
handle_new(enum rte_intr_handle_type type, int fd)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);

	if (h == NULL)
		return NULL;
	rte_intr_type_set(h, type);
	rte_intr_fd_set(h, fd);
	return h;
}

static void
kick(int efd)
{
	uint64_t one = 1;

	if (write(efd, &one, sizeof(one)) != sizeof(one))
		printf("  eventfd write failed: %s\n", strerror(errno));
}

static int
test_intr_thread_named(void)
{
	int found = test_threads_named("eal-intr");

	TEST_ASSERT_EQUAL(found, 1, "exactly one eal-intr thread");
	TEST_ASSERT_EQUAL(rte_thread_is_intr(), 0, "main thread is not the intr thread");
	return TEST_SUCCESS;
}

static int
test_intr_eventfd_callback(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	struct rte_intr_handle *h = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);

	TEST_ASSERT_NOT_NULL(h, "handle");
	memset(&rec_a, 0, sizeof(rec_a));
	memset(&rec_b, 0, sizeof(rec_b));
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(h, record_cb, &rec_a), "register a");
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(h, record_cb, &rec_b), "register b");
	kick(efd);
	TEST_ASSERT(wait_for(&rec_b.calls, 1, 2000), "callback b did not fire");
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.calls), 1, "a fired once");
	TEST_ASSERT(rec_a.last_arg == &rec_a && rec_b.last_arg == &rec_b, "args");
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.in_intr_thread), 1, "ran in eal-intr");

	/* The 8-byte counter was consumed: no second call without a new write. */
	usleep(50000);
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.calls), 1, "level-triggered re-fire");
	kick(efd);
	TEST_ASSERT(wait_for(&rec_a.calls, 2, 2000), "second event");

	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(h, record_cb, &rec_a), 1, "remove a");
	/* The fd is still registered (b): none matches is 0, as in DPDK. */
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(h, record_cb, &rec_a), 0,
			  "a is gone, nothing left to remove");
	kick(efd);
	TEST_ASSERT(wait_for(&rec_b.calls, 3, 2000), "b still fires");
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.calls), 2, "a no longer fires");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(h, record_cb, (void *)-1), 1,
			  "wildcard arg removes b");
	rte_intr_instance_free(h);
	close(efd);
	return TEST_SUCCESS;
}

static int
test_intr_ext_pipe(void)
{
	int p[2];
	struct rte_intr_handle *h;

	TEST_ASSERT_SUCCESS(pipe2(p, O_NONBLOCK | O_CLOEXEC), "pipe");
	h = handle_new(RTE_INTR_HANDLE_EXT, p[0]);
	ext_handle = h;
	ext_fd = p[0];
	memset(&rec_a, 0, sizeof(rec_a));
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(h, ext_read_cb, &rec_a), "register");
	/*
	 * As in DPDK, the EAL leaves an EXT fd's data to its callback: one that
	 * reads a byte a call is called once a byte, and a hang-up still calls it.
	 */
	TEST_ASSERT_EQUAL(write(p[1], "abc", 3), 3, "write");
	TEST_ASSERT(wait_for(&rec_a.calls, 3, 2000), "got %d calls", atomic_load(&rec_a.calls));
	usleep(50000);
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.calls), 3, "exactly three");
	close(p[1]);
	TEST_ASSERT(wait_for(&rec_a.eofs, 1, 2000), "hang-up not passed to the callback");
	usleep(50000);
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.eofs), 1, "the callback took itself off");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(h, ext_read_cb, &rec_a), -ENOENT,
			  "already off");
	rte_intr_instance_free(h);
	close(p[0]);
	return TEST_SUCCESS;
}

static struct rte_intr_handle *self_handle;

static void
self_ucb(struct rte_intr_handle *h, void *arg)
{
	struct cb_record *r = arg;

	(void)h;
	atomic_fetch_add(&r->ucb_calls, 1);
}

static void
self_unregister_cb(void *arg)
{
	struct cb_record *r = arg;

	r->unregister_ret = rte_intr_callback_unregister(self_handle, self_unregister_cb, arg);
	r->pending_ret = rte_intr_callback_unregister_pending(self_handle, self_unregister_cb,
							      arg, self_ucb);
	atomic_fetch_add(&r->calls, 1);
}

static int
test_intr_unregister_from_callback(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

	self_handle = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);
	memset(&rec_a, 0, sizeof(rec_a));
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister_pending(self_handle, self_unregister_cb,
							       &rec_a, NULL), -ENOENT,
			  "nothing registered yet");
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(self_handle, self_unregister_cb, &rec_a),
			    "register");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister_pending(self_handle, self_unregister_cb,
							       &rec_a, NULL), -EAGAIN,
			  "pending outside a running callback");
	kick(efd);
	TEST_ASSERT(wait_for(&rec_a.ucb_calls, 1, 2000), "ucb_fn not called");
	TEST_ASSERT_EQUAL(rec_a.unregister_ret, -EAGAIN, "plain unregister while active");
	TEST_ASSERT_EQUAL(rec_a.pending_ret, 1, "pending marks one");
	kick(efd);
	usleep(50000);
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.calls), 1, "removed after it returned");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(self_handle, self_unregister_cb, &rec_a),
			  -ENOENT, "already gone");
	rte_intr_instance_free(self_handle);
	close(efd);
	return TEST_SUCCESS;
}

static struct rte_intr_handle *other_handle;

/* Unregister itself, and another fd's callback, the _sync way. */
static void
sync_self_cb(void *arg)
{
	struct cb_record *r = arg;

	r->unregister_ret = rte_intr_callback_unregister_sync(self_handle, sync_self_cb, arg);
	r->pending_ret = rte_intr_callback_unregister_sync(other_handle, record_cb, &rec_b);
	atomic_fetch_add(&r->calls, 1);
}

/*
 * rte_intr_callback_unregister_sync from inside a callback (a port stopped
 * from its own LSC callback) cannot wait for itself: its entry goes once the
 * callbacks return, another fd's at once, and nothing stays registered. It
 * used to return -EDEADLK and leave both in place.
 */
static int
test_intr_unregister_sync_in_callback(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	int efd_b = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	unsigned int sources = eal_intr_source_count();

	self_handle = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);
	other_handle = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd_b);
	memset(&rec_a, 0, sizeof(rec_a));
	memset(&rec_b, 0, sizeof(rec_b));
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(self_handle, sync_self_cb, &rec_a), "a");
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(other_handle, record_cb, &rec_b), "b");
	TEST_ASSERT_EQUAL(eal_intr_source_count(), sources + 2, "two fds watched");
	kick(efd);
	TEST_ASSERT(wait_for(&rec_a.calls, 1, 2000), "callback did not run");
	TEST_ASSERT_EQUAL(rec_a.unregister_ret, 1, "own entry marked: %d", rec_a.unregister_ret);
	TEST_ASSERT_EQUAL(rec_a.pending_ret, 1, "other fd's entry removed: %d", rec_a.pending_ret);
	for (int i = 0; i < 2000 && eal_intr_source_count() != sources; i++)
		usleep(1000);
	TEST_ASSERT_EQUAL(eal_intr_source_count(), sources, "nothing left registered");
	kick(efd);
	kick(efd_b);
	usleep(50000);
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.calls), 1, "not called again");
	TEST_ASSERT_EQUAL(atomic_load(&rec_b.calls), 0, "the other never called");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(self_handle, sync_self_cb, &rec_a),
			  -ENOENT, "already gone");
	rte_intr_instance_free(self_handle);
	rte_intr_instance_free(other_handle);
	close(efd);
	close(efd_b);
	return TEST_SUCCESS;
}

static void
slow_cb(void *arg)
{
	struct cb_record *r = arg;

	atomic_store(&r->running, 1);
	usleep(200000);
	atomic_store(&r->done, 1);
}

static int
test_intr_unregister_sync(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	struct rte_intr_handle *h = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);

	memset(&rec_a, 0, sizeof(rec_a));
	TEST_ASSERT_SUCCESS(rte_intr_callback_register(h, slow_cb, &rec_a), "register");
	kick(efd);
	TEST_ASSERT(wait_for(&rec_a.running, 1, 2000), "slow callback did not start");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(h, slow_cb, &rec_a), -EAGAIN,
			  "refused while running");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister_sync(h, slow_cb, &rec_a), 1,
			  "sync waits then removes");
	TEST_ASSERT_EQUAL(atomic_load(&rec_a.done), 1, "returned only after the callback");
	rte_intr_instance_free(h);
	close(efd);
	return TEST_SUCCESS;
}

static int
test_intr_bad_args(void)
{
	struct rte_intr_handle *h;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_intr_instance_alloc(0x80), "unknown flag");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "rte_errno");
	TEST_ASSERT_EQUAL(rte_intr_callback_register(NULL, record_cb, NULL), -EINVAL, "NULL");
	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	TEST_ASSERT_NOT_NULL(h, "alloc");
	TEST_ASSERT_EQUAL(rte_intr_fd_get(h), -1, "fresh handle has no fd");
	TEST_ASSERT_EQUAL(rte_intr_callback_register(h, record_cb, NULL), -EINVAL, "no fd");
	rte_intr_fd_set(h, 1000);
	TEST_ASSERT_EQUAL(rte_intr_callback_register(h, NULL, NULL), -EINVAL, "NULL cb");
	TEST_ASSERT_EQUAL(rte_intr_callback_unregister(h, record_cb, NULL), -ENOENT,
			  "never registered");
	TEST_ASSERT_EQUAL(rte_intr_enable(h), -1, "no device behind the handle");
	TEST_ASSERT_EQUAL(rte_intr_fd_get(NULL), -1, "NULL handle");
	TEST_ASSERT_EQUAL(rte_intr_type_get(NULL), RTE_INTR_HANDLE_UNKNOWN, "NULL type");

	TEST_ASSERT_SUCCESS(rte_intr_vec_list_alloc(h, "q", 4), "vec list");
	TEST_ASSERT_SUCCESS(rte_intr_vec_list_index_set(h, 3, 7), "set 3");
	TEST_ASSERT_EQUAL(rte_intr_vec_list_index_get(h, 3), 7, "get 3");
	TEST_ASSERT_EQUAL(rte_intr_vec_list_index_set(h, 4, 1), -ERANGE, "past the end");
	rte_intr_vec_list_free(h);
	TEST_ASSERT_EQUAL(rte_intr_vec_list_index_get(h, 0), -ERANGE, "freed");
	TEST_ASSERT_EQUAL(rte_intr_nb_intr_get(h), RTE_MAX_RXTX_INTR_VEC_ID, "nb_intr");
	TEST_ASSERT_EQUAL(rte_intr_efds_index_set(h, RTE_MAX_RXTX_INTR_VEC_ID, 3), -ERANGE,
			  "efds bound");
	rte_intr_instance_free(h);
	return TEST_SUCCESS;
}

static int
test_intr_epoll_per_thread(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	struct rte_epoll_event ev = { 0 }, out[4];
	int marker, n;

	ev.epdata.event = EPOLLIN;
	ev.epdata.data = &marker;
	TEST_ASSERT_SUCCESS(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_ADD, efd, &ev), "add");
	TEST_ASSERT_EQUAL(ev.status, RTE_EPOLL_VALID, "registration valid");
	TEST_ASSERT_EQUAL(ev.epfd, rte_intr_tls_epfd(), "per-thread epfd");
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, out, 4, 0), 0, "nothing yet");
	kick(efd);
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, out, 4, 1000);
	TEST_ASSERT_EQUAL(n, 1, "one event");
	TEST_ASSERT_EQUAL(out[0].fd, efd, "its fd");
	TEST_ASSERT(out[0].epdata.data == &marker, "its data");
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, out, 0, 0), -1, "maxevents 0");
	TEST_ASSERT_SUCCESS(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_DEL, efd, &ev), "del");
	TEST_ASSERT_EQUAL(ev.status, RTE_EPOLL_INVALID, "released");
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, out, 4, 0), 0, "removed");
	close(efd);
	return TEST_SUCCESS;
}

/* The Rx-interrupt path: MSI-X vectors as eventfds, waited on per thread. */
static int
test_intr_rx_vectors(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), vfd, vfd0;
	struct rte_intr_handle *h = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);
	struct rte_epoll_event out[4];
	uint64_t cnt;
	int q1;

	TEST_ASSERT_EQUAL(rte_intr_dp_is_en(h), 0, "not enabled yet");
	TEST_ASSERT_EQUAL(rte_intr_allow_others(h), 1, "all vectors free");
	TEST_ASSERT_EQUAL(rte_intr_cap_multiple(h), 1, "MSI-X has many vectors");
	TEST_ASSERT_EQUAL(rte_intr_efd_enable(h, 0), -EINVAL, "0 vectors");
	TEST_ASSERT_SUCCESS(rte_intr_efd_enable(h, 2), "two Rx vectors");
	TEST_ASSERT_EQUAL(rte_intr_nb_efd_get(h), 2, "nb_efd");
	TEST_ASSERT_EQUAL(rte_intr_max_intr_get(h), 3, "vector 0 + 2");
	TEST_ASSERT_EQUAL(rte_intr_dp_is_en(h), 1, "enabled");
	TEST_ASSERT_EQUAL(rte_intr_allow_others(h), 1, "vector 0 left for LSC");
	vfd0 = rte_intr_efds_index_get(h, 0);
	vfd = rte_intr_efds_index_get(h, 1);
	TEST_ASSERT(vfd0 >= 0 && vfd >= 0 && vfd != vfd0 && vfd != efd, "distinct eventfds");

	TEST_ASSERT_SUCCESS(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
					    RTE_INTR_VEC_RXTX_OFFSET + 1, &q1), "add queue 1");
	TEST_ASSERT_EQUAL(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
					  RTE_INTR_VEC_RXTX_OFFSET + 1, &q1), -EEXIST, "twice");
	TEST_ASSERT_EQUAL(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
					  RTE_INTR_VEC_RXTX_OFFSET + 5, &q1), -EPERM,
			  "vector without eventfd");
	kick(vfd);
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, out, 4, 1000), 1, "Rx event");
	TEST_ASSERT(out[0].epdata.data == &q1, "queue 1's data");
	TEST_ASSERT_EQUAL(read(vfd, &cnt, sizeof(cnt)), -1, "counter was cleared");
	TEST_ASSERT_EQUAL(errno, EAGAIN, "EAGAIN");
	TEST_ASSERT_SUCCESS(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL,
					    RTE_INTR_VEC_RXTX_OFFSET + 1, NULL), "del");
	TEST_ASSERT_EQUAL(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL,
					  RTE_INTR_VEC_RXTX_OFFSET + 1, NULL), -EPERM, "del twice");

	rte_intr_efd_disable(h);
	TEST_ASSERT_EQUAL(rte_intr_nb_efd_get(h), 0, "disabled");
	TEST_ASSERT_EQUAL(fcntl(vfd, F_GETFD), -1, "vector eventfd closed");
	TEST_ASSERT_EQUAL(fcntl(efd, F_GETFD) >= 0, 1, "handle fd left alone");
	rte_intr_instance_free(h);
	close(efd);
	return TEST_SUCCESS;
}

/*
 * The eventfds handed to VFIO_DEVICE_SET_IRQS: a driver that asks for more
 * vectors (rte_intr_max_intr_set) than it has Rx eventfds leaves the rest
 * at -1, "no trigger". A zero-filled table bound them to fd 0 instead.
 */
static int
test_intr_vfio_vector_fds(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	struct rte_intr_handle *h = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);
	int fds[6];

	TEST_ASSERT_SUCCESS(rte_intr_efd_enable(h, 1), "one Rx vector");
	TEST_ASSERT_SUCCESS(rte_intr_max_intr_set(h, 4), "four vectors asked");
	memset(fds, 0x55, sizeof(fds));
	eal_intr_vfio_fds_fill(h, fds, 4);
	TEST_ASSERT_EQUAL(fds[0], efd, "vector 0: the handle's fd");
	TEST_ASSERT_EQUAL(fds[1], rte_intr_efds_index_get(h, 0), "vector 1: the Rx eventfd");
	TEST_ASSERT_EQUAL(fds[2], -1, "vector 2 has no eventfd: %d", fds[2]);
	TEST_ASSERT_EQUAL(fds[3], -1, "vector 3 has no eventfd: %d", fds[3]);
	TEST_ASSERT_EQUAL(fds[4], 0x55555555, "nothing written past count");
	/* A hostile nb_efd past the table reads no further than nb_intr. */
	TEST_ASSERT_SUCCESS(rte_intr_nb_efd_set(h, rte_intr_nb_intr_get(h)), "nb_efd = nb_intr");
	eal_intr_vfio_fds_fill(h, fds, 3);
	TEST_ASSERT_EQUAL(fds[2], -1, "unfilled efds entry stays -1");
	TEST_ASSERT_SUCCESS(rte_intr_nb_efd_set(h, 1), "back to one");
	rte_intr_efd_disable(h);
	TEST_ASSERT(fcntl(0, F_GETFD) >= 0, "fd 0 still open");
	TEST_ASSERT(fcntl(efd, F_GETFD) >= 0, "handle fd left alone");
	rte_intr_instance_free(h);
	close(efd);
	return TEST_SUCCESS;
}

/*
 * Running out of fds half-way through rte_intr_efd_enable: the eventfds it
 * made are closed, every slot is -1 again and nothing else (fd 0) is closed.
 */
static int
test_intr_efd_enable_no_fds(void)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), probe, ret;
	struct rte_intr_handle *h = handle_new(RTE_INTR_HANDLE_VFIO_MSIX, efd);
	struct rlimit old, lim;

	TEST_ASSERT_SUCCESS(getrlimit(RLIMIT_NOFILE, &old), "getrlimit");
	/* Room for one more fd (the lowest free one): the second eventfd fails. */
	probe = dup(0);
	TEST_ASSERT(probe >= 0, "dup");
	close(probe);
	lim = old;
	lim.rlim_cur = (rlim_t)probe + 1;
	TEST_ASSERT_SUCCESS(setrlimit(RLIMIT_NOFILE, &lim), "setrlimit");
	ret = rte_intr_efd_enable(h, 4);
	setrlimit(RLIMIT_NOFILE, &old);
	TEST_ASSERT_EQUAL(ret, -EMFILE, "no fds left: %d", ret);
	TEST_ASSERT_EQUAL(rte_intr_nb_efd_get(h), 0, "no vector counted");
	for (int i = 0; i < 4; i++)
		TEST_ASSERT_EQUAL(rte_intr_efds_index_get(h, i), -1, "slot %d cleared", i);
	TEST_ASSERT_EQUAL(fcntl(probe, F_GETFD), -1, "the eventfd it made is closed again");
	TEST_ASSERT(fcntl(0, F_GETFD) >= 0, "fd 0 untouched");
	rte_intr_efd_disable(h);
	TEST_ASSERT(fcntl(0, F_GETFD) >= 0, "fd 0 untouched by disable");
	rte_intr_instance_free(h);
	close(efd);
	return TEST_SUCCESS;
}

static const struct test_case interrupts_cases[] = {
	TEST_CASE(test_intr_thread_named),
	TEST_CASE(test_intr_eventfd_callback),
	TEST_CASE(test_intr_ext_pipe),
	TEST_CASE(test_intr_unregister_from_callback),
	TEST_CASE(test_intr_unregister_sync),
	TEST_CASE(test_intr_unregister_sync_in_callback),
	TEST_CASE(test_intr_bad_args),
	TEST_CASE(test_intr_epoll_per_thread),
	TEST_CASE(test_intr_rx_vectors),
	TEST_CASE(test_intr_vfio_vector_fds),
	TEST_CASE(test_intr_efd_enable_no_fds),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(interrupts, TEST_SUITE_EAL, interrupts_cases);
