/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The eal-intr thread: one epoll instance over every fd that has callbacks
 * (device eventfds, the alarm timerfd, app fds), and a wake-up eventfd to
 * stop it. Callbacks run in that thread, without the source lock held, so
 * they may register, set alarms or mark themselves for removal.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/queue.h>

#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "eal_private.h"
#include "eal_intr_private.h"

struct intr_callback {
	TAILQ_ENTRY(intr_callback) next;
	rte_intr_callback_fn cb_fn;
	void *cb_arg;
	bool pending_delete;
	rte_intr_unregister_callback_fn ucb_fn;
};

/* All callbacks of one fd. */
struct intr_source {
	TAILQ_ENTRY(intr_source) next;
	struct rte_intr_handle *handle;	/* our copy: the caller's may be freed */
	TAILQ_HEAD(, intr_callback) callbacks;
	bool active;			/* its callbacks are running now */
	bool in_epoll;
};

static pthread_mutex_t intr_lock = PTHREAD_MUTEX_INITIALIZER;
static TAILQ_HEAD(, intr_source) intr_sources = TAILQ_HEAD_INITIALIZER(intr_sources);
static int intr_epfd = -1;
static int intr_wake_fd = -1;
static pthread_t intr_thread;
static bool intr_thread_started;

/* Per-thread epoll fd for RTE_EPOLL_PER_THREAD, closed when the thread exits. */
static __thread int intr_tls_epfd = -1;
static pthread_key_t intr_tls_key;
static pthread_once_t intr_tls_once = PTHREAD_ONCE_INIT;

static struct intr_source *
intr_source_find(int fd)
{
	struct intr_source *src;

	TAILQ_FOREACH(src, &intr_sources, next)
		if (src->handle->fd == fd)
			return src;
	return NULL;
}

/* Called with intr_lock held. */
static void
intr_source_epoll_add(struct intr_source *src)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLPRI };

	if (intr_epfd < 0 || src->in_epoll)
		return;
	ev.data.fd = src->handle->fd;
	if (epoll_ctl(intr_epfd, EPOLL_CTL_ADD, src->handle->fd, &ev) < 0) {
		RTE_LOG(ERR, EAL, "interrupt fd %d cannot be watched: %s\n",
			src->handle->fd, strerror(errno));
		return;
	}
	src->in_epoll = true;
}

/* Called with intr_lock held; frees src and what remains of its callbacks. */
static void
intr_source_free(struct intr_source *src)
{
	struct intr_callback *cb;

	if (src->in_epoll && intr_epfd >= 0)
		epoll_ctl(intr_epfd, EPOLL_CTL_DEL, src->handle->fd, NULL);
	while ((cb = TAILQ_FIRST(&src->callbacks)) != NULL) {
		TAILQ_REMOVE(&src->callbacks, cb, next);
		free(cb);
	}
	TAILQ_REMOVE(&intr_sources, src, next);
	rte_intr_instance_free(src->handle);
	free(src);
}

__rte_export int
rte_intr_callback_register(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
			   void *cb_arg)
{
	struct intr_source *src;
	struct intr_callback *c;

	if (h == NULL || h->fd < 0 || cb == NULL) {
		RTE_LOG(ERR, EAL, "rte_intr_callback_register: %s\n",
			h == NULL ? "NULL handle" : cb == NULL ? "NULL callback" :
			"handle has no fd: set one with rte_intr_fd_set");
		return -EINVAL;
	}
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return -ENOMEM;
	c->cb_fn = cb;
	c->cb_arg = cb_arg;

	pthread_mutex_lock(&intr_lock);
	src = intr_source_find(h->fd);
	if (src == NULL) {
		src = calloc(1, sizeof(*src));
		if (src != NULL)
			src->handle = rte_intr_instance_dup(h);
		if (src == NULL || src->handle == NULL) {
			pthread_mutex_unlock(&intr_lock);
			free(src);
			free(c);
			return -ENOMEM;
		}
		TAILQ_INIT(&src->callbacks);
		TAILQ_INSERT_TAIL(&intr_sources, src, next);
	}
	TAILQ_INSERT_TAIL(&src->callbacks, c, next);
	intr_source_epoll_add(src);
	pthread_mutex_unlock(&intr_lock);
	return 0;
}

static bool
intr_cb_matches(const struct intr_callback *c, rte_intr_callback_fn cb, void *cb_arg)
{
	return c->cb_fn == cb && (cb_arg == (void *)-1 || c->cb_arg == cb_arg);
}

__rte_export int
rte_intr_callback_unregister(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
			     void *cb_arg)
{
	struct intr_callback *c, *tmp;
	struct intr_source *src;
	int count = 0;

	if (h == NULL || h->fd < 0)
		return -EINVAL;
	pthread_mutex_lock(&intr_lock);
	src = intr_source_find(h->fd);
	if (src == NULL) {
		pthread_mutex_unlock(&intr_lock);
		return -ENOENT;
	}
	if (src->active) {
		pthread_mutex_unlock(&intr_lock);
		return -EAGAIN;
	}
	TAILQ_FOREACH_SAFE(c, &src->callbacks, next, tmp) {
		if (intr_cb_matches(c, cb, cb_arg)) {
			TAILQ_REMOVE(&src->callbacks, c, next);
			free(c);
			count++;
		}
	}
	if (TAILQ_EMPTY(&src->callbacks))
		intr_source_free(src);
	pthread_mutex_unlock(&intr_lock);
	/* As in DPDK: a registered fd with no matching callback removes none (0). */
	return count;
}

__rte_export int
rte_intr_callback_unregister_pending(const struct rte_intr_handle *h,
				     rte_intr_callback_fn cb_fn, void *cb_arg,
				     rte_intr_unregister_callback_fn ucb_fn)
{
	struct intr_callback *c;
	struct intr_source *src;
	int count = 0;

	if (h == NULL || h->fd < 0)
		return -EINVAL;
	pthread_mutex_lock(&intr_lock);
	src = intr_source_find(h->fd);
	if (src == NULL) {
		pthread_mutex_unlock(&intr_lock);
		return -ENOENT;
	}
	if (!src->active) {
		pthread_mutex_unlock(&intr_lock);
		return -EAGAIN;
	}
	TAILQ_FOREACH(c, &src->callbacks, next) {
		if (intr_cb_matches(c, cb_fn, cb_arg) && !c->pending_delete) {
			c->pending_delete = true;
			c->ucb_fn = ucb_fn;
			count++;
		}
	}
	pthread_mutex_unlock(&intr_lock);
	return count > 0 ? count : -ENOENT;
}

__rte_export int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
				  void *cb_arg)
{
	int ret;

	if (rte_thread_is_intr()) {
		/*
		 * This thread runs the callbacks, so it cannot wait for them. When
		 * the fd's callbacks are running, the caller is one of them (a port
		 * stopped from its own LSC callback): remove the entry once they
		 * return, as unregister_pending does; otherwise remove it now.
		 */
		ret = rte_intr_callback_unregister(h, cb, cb_arg);
		if (ret == -EAGAIN)
			ret = rte_intr_callback_unregister_pending(h, cb, cb_arg, NULL);
		return ret;
	}
	while ((ret = rte_intr_callback_unregister(h, cb, cb_arg)) == -EAGAIN)
		rte_pause();
	return ret;
}

unsigned int
eal_intr_source_count(void)
{
	struct intr_source *src;
	unsigned int n = 0;

	pthread_mutex_lock(&intr_lock);
	TAILQ_FOREACH(src, &intr_sources, next)
		n++;
	pthread_mutex_unlock(&intr_lock);
	return n;
}

__rte_export int
rte_thread_is_intr(void)
{
	return intr_thread_started && pthread_equal(intr_thread, pthread_self());
}

/*
 * How many bytes to read to clear one event of this type (as DPDK does):
 * eventfd and timerfd counters are 8 bytes, unknown fds give 1. EXT fds
 * are not read: they belong to their callback (a socket that must see
 * every message and the peer's hang-up), which clears them.
 */
static size_t
intr_read_size(const struct rte_intr_handle *h)
{
	switch (h->type) {
	case RTE_INTR_HANDLE_UIO:
	case RTE_INTR_HANDLE_UIO_INTX:
		return sizeof(uint32_t);
	case RTE_INTR_HANDLE_ALARM:
	case RTE_INTR_HANDLE_VFIO_MSIX:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		return sizeof(uint64_t);
	case RTE_INTR_HANDLE_VFIO_REQ:
	case RTE_INTR_HANDLE_DEV_EVENT:
	case RTE_INTR_HANDLE_EXT:
		return 0;
	default:
		return 1;
	}
}

/* Run the callbacks of one ready fd. */
static void
intr_process_fd(int fd, uint32_t events)
{
	struct intr_callback *c, *tmp;
	struct intr_source *src;
	uint64_t buf;
	size_t want;

	pthread_mutex_lock(&intr_lock);
	src = intr_source_find(fd);
	if (src == NULL) {
		/* Unregistered after epoll_wait returned. */
		pthread_mutex_unlock(&intr_lock);
		return;
	}
	want = intr_read_size(src->handle);
	if (want > 0) {
		ssize_t n = read(fd, &buf, want);

		if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			pthread_mutex_unlock(&intr_lock);
			return;
		}
		if (n <= 0) {
			/* A dead fd would spin the thread: stop watching it. */
			RTE_LOG(ERR, EAL, "interrupt fd %d %s: its callbacks are removed\n",
				fd, n < 0 ? strerror(errno) : "was closed by its writer");
			intr_source_free(src);
			pthread_mutex_unlock(&intr_lock);
			return;
		}
	} else if ((events & (EPOLLERR | EPOLLHUP)) && src->handle->type != RTE_INTR_HANDLE_EXT) {
		RTE_LOG(ERR, EAL, "interrupt fd %d hung up: its callbacks are removed\n", fd);
		intr_source_free(src);
		pthread_mutex_unlock(&intr_lock);
		return;
	}

	/*
	 * Entries stay allocated while active (unregister refuses, pending only
	 * marks), so walking the list across the unlocked calls is safe.
	 */
	src->active = true;
	TAILQ_FOREACH(c, &src->callbacks, next) {
		rte_intr_callback_fn fn = c->cb_fn;
		void *arg = c->cb_arg;

		if (c->pending_delete)
			continue;
		pthread_mutex_unlock(&intr_lock);
		fn(arg);
		pthread_mutex_lock(&intr_lock);
	}
	src->active = false;
	TAILQ_FOREACH_SAFE(c, &src->callbacks, next, tmp) {
		if (!c->pending_delete)
			continue;
		TAILQ_REMOVE(&src->callbacks, c, next);
		if (c->ucb_fn != NULL)
			c->ucb_fn(src->handle, c->cb_arg);
		free(c);
	}
	if (TAILQ_EMPTY(&src->callbacks))
		intr_source_free(src);
	pthread_mutex_unlock(&intr_lock);
}

static void *
intr_thread_main(void *arg)
{
	struct epoll_event events[16];

	(void)arg;
	for (;;) {
		int n = epoll_wait(intr_epfd, events, (int)RTE_DIM(events), -1);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			RTE_LOG(ERR, EAL, "interrupt thread: epoll_wait failed: %s\n",
				strerror(errno));
			return NULL;
		}
		for (int i = 0; i < n; i++) {
			if (events[i].data.fd == intr_wake_fd)
				return NULL;
			intr_process_fd(events[i].data.fd, events[i].events);
		}
	}
}

int
eal_intr_init(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct intr_source *src;
	int err;

	intr_epfd = epoll_create1(EPOLL_CLOEXEC);
	if (intr_epfd < 0)
		return eal_fail(errno, "EAL: cannot create the interrupt epoll instance: %s\n",
				strerror(errno));
	intr_wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (intr_wake_fd < 0) {
		err = errno;
		goto fail;
	}
	ev.data.fd = intr_wake_fd;
	if (epoll_ctl(intr_epfd, EPOLL_CTL_ADD, intr_wake_fd, &ev) < 0) {
		err = errno;
		goto fail;
	}
	/* Callbacks registered before init start being watched now. */
	pthread_mutex_lock(&intr_lock);
	TAILQ_FOREACH(src, &intr_sources, next)
		intr_source_epoll_add(src);
	pthread_mutex_unlock(&intr_lock);

	err = pthread_create(&intr_thread, NULL, intr_thread_main, NULL);
	if (err != 0)
		goto fail;
	intr_thread_started = true;
	pthread_setname_np(intr_thread, "eal-intr");
	return 0;

fail:
	if (intr_wake_fd >= 0)
		close(intr_wake_fd);
	close(intr_epfd);
	intr_wake_fd = -1;
	intr_epfd = -1;
	return eal_fail(err, "EAL: cannot start the interrupt thread: %s\n", strerror(err));
}

void
eal_intr_cleanup(void)
{
	struct intr_source *src;

	if (intr_thread_started) {
		uint64_t one = 1;

		if (write(intr_wake_fd, &one, sizeof(one)) == sizeof(one) &&
		    !pthread_equal(intr_thread, pthread_self()))
			pthread_join(intr_thread, NULL);
		else
			pthread_detach(intr_thread);
		intr_thread_started = false;
	}
	pthread_mutex_lock(&intr_lock);
	while ((src = TAILQ_FIRST(&intr_sources)) != NULL)
		intr_source_free(src);
	pthread_mutex_unlock(&intr_lock);
	if (intr_wake_fd >= 0)
		close(intr_wake_fd);
	if (intr_epfd >= 0)
		close(intr_epfd);
	intr_wake_fd = -1;
	intr_epfd = -1;
	if (intr_tls_epfd >= 0) {
		close(intr_tls_epfd);
		intr_tls_epfd = -1;
	}
}

/* --- enable/disable: only VFIO handles reach the hardware ------------- */

/* Arm or disarm through VFIO; VDEV handles have nothing to do. */
static int
intr_vfio_apply(const struct rte_intr_handle *h,
		int (*vfio_op)(const struct rte_intr_handle *), const char *what)
{
	if (h == NULL)
		return -1;
	if (h->type == RTE_INTR_HANDLE_VDEV)
		return 0;
	if (h->fd < 0 || h->dev_fd < 0)
		return -1;
	switch (h->type) {
	case RTE_INTR_HANDLE_VFIO_LEGACY:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_MSIX:
	case RTE_INTR_HANDLE_VFIO_REQ:
		return vfio_op(h);
	default:
		RTE_LOG(ERR, EAL, "%s: handle type %d has no device to arm or disarm\n",
			what, h->type);
		return -1;
	}
}

__rte_export int
rte_intr_enable(const struct rte_intr_handle *h)
{
	return intr_vfio_apply(h, eal_intr_vfio_enable, "rte_intr_enable");
}

__rte_export int
rte_intr_disable(const struct rte_intr_handle *h)
{
	return intr_vfio_apply(h, eal_intr_vfio_disable, "rte_intr_disable");
}

__rte_export int
rte_intr_ack(const struct rte_intr_handle *h)
{
	if (h == NULL)
		return -1;
	if (h->type == RTE_INTR_HANDLE_VDEV)
		return 0;
	if (h->fd < 0 || h->dev_fd < 0)
		return -1;
	switch (h->type) {
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_MSIX:
		return 0;	/* edge-triggered: nothing to re-enable */
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		return eal_intr_vfio_ack(h);
	default:
		return -1;
	}
}

/* --- epoll for Rx interrupts ------------------------------------------ */

static void
intr_tls_close(void *arg)
{
	(void)arg;
	if (intr_tls_epfd >= 0) {
		close(intr_tls_epfd);
		intr_tls_epfd = -1;
	}
}

static void
intr_tls_key_create(void)
{
	pthread_key_create(&intr_tls_key, intr_tls_close);
}

__rte_export int
rte_intr_tls_epfd(void)
{
	if (intr_tls_epfd < 0) {
		intr_tls_epfd = epoll_create1(EPOLL_CLOEXEC);
		if (intr_tls_epfd < 0)
			return -1;
		/* The key's destructor closes the fd when this thread exits. */
		pthread_once(&intr_tls_once, intr_tls_key_create);
		pthread_setspecific(intr_tls_key, &intr_tls_epfd);
	}
	return intr_tls_epfd;
}

static int
epoll_process_events(struct epoll_event *evs, int n, struct rte_epoll_event *events)
{
	int count = 0;

	for (int i = 0; i < n; i++) {
		struct rte_epoll_event *rev = evs[i].data.ptr;
		uint32_t valid = RTE_EPOLL_VALID;

		/*
		 * VALID -> EXEC keeps rte_epoll_ctl(DEL) from clearing rev while
		 * its callback runs; acquire pairs with the release in
		 * rte_epoll_ctl(ADD) that published rev's fields.
		 */
		if (!__atomic_compare_exchange_n(&rev->status, &valid, RTE_EPOLL_EXEC, 0,
						 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			continue;
		events[count].status = RTE_EPOLL_VALID;
		events[count].fd = rev->fd;
		events[count].epfd = rev->epfd;
		events[count].epdata.event = evs[i].events;
		events[count].epdata.data = rev->epdata.data;
		events[count].epdata.cb_fun = rev->epdata.cb_fun;
		events[count].epdata.cb_arg = rev->epdata.cb_arg;
		if (rev->epdata.cb_fun != NULL)
			rev->epdata.cb_fun(rev->fd, rev->epdata.cb_arg);
		/* Release pairs with the acquire spin in epoll_event_release. */
		__atomic_store_n(&rev->status, RTE_EPOLL_VALID, __ATOMIC_RELEASE);
		count++;
	}
	return count;
}

static int
epoll_wait_common(int epfd, struct rte_epoll_event *events, int maxevents, int timeout,
		  bool interruptible)
{
	struct epoll_event evs[64];

	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	if (events == NULL || maxevents <= 0) {
		RTE_LOG(ERR, EAL, "rte_epoll_wait: %s\n", events == NULL ?
			"events is NULL" : "maxevents must be > 0");
		return -1;
	}
	if (maxevents > (int)RTE_DIM(evs))
		maxevents = (int)RTE_DIM(evs);
	for (;;) {
		int rc = epoll_wait(epfd, evs, maxevents, timeout);

		if (rc > 0)
			return epoll_process_events(evs, rc, events);
		if (rc == 0)
			return 0;
		if (errno == EINTR) {
			if (interruptible)
				return -1;
			continue;
		}
		RTE_LOG(ERR, EAL, "epoll_wait on fd %d failed: %s\n", epfd, strerror(errno));
		return -1;
	}
}

__rte_export int
rte_epoll_wait(int epfd, struct rte_epoll_event *events, int maxevents, int timeout)
{
	return epoll_wait_common(epfd, events, maxevents, timeout, false);
}

__rte_export int
rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events, int maxevents,
			     int timeout)
{
	return epoll_wait_common(epfd, events, maxevents, timeout, true);
}

/* Wait for a running rte_epoll_wait to finish with ev, then clear it. */
static void
epoll_event_release(struct rte_epoll_event *ev)
{
	uint32_t valid = RTE_EPOLL_VALID;

	/* Acquire pairs with the release store at the end of epoll_process_events. */
	while (!__atomic_compare_exchange_n(&ev->status, &valid, RTE_EPOLL_INVALID, 0,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		while (__atomic_load_n(&ev->status, __ATOMIC_RELAXED) != RTE_EPOLL_VALID)
			rte_pause();
		valid = RTE_EPOLL_VALID;
	}
	memset(&ev->epdata, 0, sizeof(ev->epdata));
	ev->fd = -1;
	ev->epfd = -1;
}

__rte_export int
rte_epoll_ctl(int epfd, int op, int fd, struct rte_epoll_event *event)
{
	struct epoll_event ev = { 0 };

	if (event == NULL) {
		RTE_LOG(ERR, EAL, "rte_epoll_ctl: event is NULL\n");
		return -1;
	}
	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	if (op == EPOLL_CTL_ADD) {
		event->fd = fd;
		event->epfd = epfd;
		/* Release pairs with the acquire in epoll_process_events. */
		__atomic_store_n(&event->status, RTE_EPOLL_VALID, __ATOMIC_RELEASE);
	}
	ev.data.ptr = event;
	ev.events = event->epdata.event;
	if (epoll_ctl(epfd, op, fd, &ev) < 0) {
		RTE_LOG(ERR, EAL, "epoll_ctl op %d on fd %d failed: %s\n", op, fd,
			strerror(errno));
		if (op == EPOLL_CTL_ADD)
			__atomic_store_n(&event->status, RTE_EPOLL_INVALID, __ATOMIC_RELAXED);
		return -1;
	}
	if (op == EPOLL_CTL_DEL &&
	    __atomic_load_n(&event->status, __ATOMIC_RELAXED) != RTE_EPOLL_INVALID)
		epoll_event_release(event);
	return 0;
}

/* Clear an Rx vector's eventfd before rte_epoll_wait returns its event. */
static void
intr_rxtx_clear(int fd, void *arg)
{
	struct rte_intr_handle *h = arg;
	uint64_t buf;
	size_t want = sizeof(buf);
	ssize_t n;

	if (h->type == RTE_INTR_HANDLE_VDEV) {
		want = h->efd_counter_size;
		if (want == 0)
			return;	/* the vdev driver clears it itself */
	}
	do {
		n = read(fd, &buf, want);
	} while (n < 0 && errno == EINTR);
}

__rte_export int
rte_intr_rx_ctl(struct rte_intr_handle *h, int epfd, int op, unsigned int vec, void *data)
{
	struct rte_epoll_event *rev;
	unsigned int efd_idx;

	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	efd_idx = vec >= RTE_INTR_VEC_RXTX_OFFSET ? vec - RTE_INTR_VEC_RXTX_OFFSET : vec;
	if (h == NULL || h->nb_efd == 0 || efd_idx >= h->nb_efd) {
		RTE_LOG(ERR, EAL, "rte_intr_rx_ctl: vector %u has no eventfd: enable Rx "
			"interrupts first (rte_intr_efd_enable)\n", vec);
		return -EPERM;
	}
	rev = &h->elist[efd_idx];
	switch (op) {
	case RTE_INTR_EVENT_ADD:
		if (__atomic_load_n(&rev->status, __ATOMIC_RELAXED) != RTE_EPOLL_INVALID) {
			RTE_LOG(INFO, EAL, "Rx interrupt vector %u is already in an epoll set\n",
				vec);
			return -EEXIST;
		}
		rev->epdata.event = EPOLLIN | EPOLLPRI | EPOLLET;
		rev->epdata.data = data;
		rev->epdata.cb_fun = intr_rxtx_clear;
		rev->epdata.cb_arg = h;
		return rte_epoll_ctl(epfd, EPOLL_CTL_ADD, h->efds[efd_idx], rev) == 0 ?
			0 : -EPERM;
	case RTE_INTR_EVENT_DEL:
		if (__atomic_load_n(&rev->status, __ATOMIC_RELAXED) == RTE_EPOLL_INVALID) {
			RTE_LOG(INFO, EAL, "Rx interrupt vector %u is in no epoll set\n", vec);
			return -EPERM;
		}
		return rte_epoll_ctl(rev->epfd, EPOLL_CTL_DEL, rev->fd, rev) == 0 ? 0 : -EPERM;
	default:
		RTE_LOG(ERR, EAL, "rte_intr_rx_ctl: op %d: use RTE_INTR_EVENT_ADD or _DEL\n",
			op);
		return -EPERM;
	}
}

__rte_export void
rte_intr_free_epoll_fd(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	for (uint32_t i = 0; i < h->nb_efd; i++) {
		struct rte_epoll_event *rev = &h->elist[i];

		if (__atomic_load_n(&rev->status, __ATOMIC_RELAXED) == RTE_EPOLL_INVALID)
			continue;
		if (rte_epoll_ctl(rev->epfd, EPOLL_CTL_DEL, rev->fd, rev) < 0)
			epoll_event_release(rev);
	}
}
