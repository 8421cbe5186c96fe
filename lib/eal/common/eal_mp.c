/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multi-process messages (rte_mp_*): one SOCK_DGRAM unix socket a process
 * in the runtime directory, mp_socket for the primary and
 * mp_socket_<pid>_<n> for each secondary, and one thread that receives.
 * A datagram is one struct mp_wire; fds ride along as SCM_RIGHTS. What a
 * peer sends is untrusted: sizes, counts and the name are checked before
 * an action sees the message.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

#define MP_SOCKET_NAME "mp_socket"

enum mp_type {
	MP_MSG = 1, /* one-way */
	MP_REQ,	    /* a request: the sender waits for MP_REP or MP_IGN */
	MP_REP,
	MP_IGN, /* "not ready for this yet": counts as no reply */
};

struct mp_wire {
	int32_t type;
	struct rte_mp_msg msg;
};

struct mp_action {
	TAILQ_ENTRY(mp_action) next;
	char name[RTE_MP_MAX_NAME_LEN];
	rte_mp_t cb;
};

/* A request waiting for the reply of one peer. */
struct mp_pending {
	TAILQ_ENTRY(mp_pending) next;
	char peer[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char name[RTE_MP_MAX_NAME_LEN];
	struct rte_mp_msg *reply; /* where the reply goes */
	int state;		  /* 0 waiting, 1 replied, 2 ignored */
};

static TAILQ_HEAD(, mp_action) mp_actions = TAILQ_HEAD_INITIALIZER(mp_actions);
static TAILQ_HEAD(, mp_pending) mp_pendings = TAILQ_HEAD_INITIALIZER(mp_pendings);
static pthread_mutex_t mp_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t mp_cond;
static int mp_fd = -1;
static int mp_stop[2] = {-1, -1};
static pthread_t mp_thread;
static bool mp_thread_started;
static char mp_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
/* asynchronous requests still running: cleanup waits for them */
static atomic_int mp_async_running;

bool
eal_mp_enabled(void)
{
	return mp_fd >= 0;
}

static int
mp_path_of(char *buf, size_t len, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", rte_eal_get_runtime_dir(), name);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int
mp_name_check(const char *name)
{
	if (name == NULL || name[0] == '\0' ||
	    strnlen(name, RTE_MP_MAX_NAME_LEN) == RTE_MP_MAX_NAME_LEN) {
		EAL_LOG(ERR,
			"multi-process: action name is NULL, empty or longer than %d "
			"characters\n",
			RTE_MP_MAX_NAME_LEN - 1);
		rte_errno = EINVAL;
		return -1;
	}
	return 0;
}

static int
mp_msg_check(const struct rte_mp_msg *m)
{
	if (m == NULL || mp_name_check(m->name) < 0)
		return -1;
	if (m->len_param < 0 || m->len_param > RTE_MP_MAX_PARAM_LEN || m->num_fds < 0 ||
	    m->num_fds > RTE_MP_MAX_FD_NUM) {
		EAL_LOG(ERR,
			"multi-process: message '%s' has %d bytes and %d fds; at most %d "
			"and %d fit\n",
			m->name, m->len_param, m->num_fds, RTE_MP_MAX_PARAM_LEN, RTE_MP_MAX_FD_NUM);
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_fd < 0) {
		rte_errno = ENOTSUP;
		return -1;
	}
	return 0;
}

/* Send one datagram to the socket at path: 0, or -errno. */
static int
mp_send_to(const char *path, const struct rte_mp_msg *m, enum mp_type type)
{
	struct sockaddr_un dst = {.sun_family = AF_UNIX};
	char ctl[CMSG_SPACE(sizeof(int) * RTE_MP_MAX_FD_NUM)];
	struct mp_wire w;
	struct iovec iov = {.iov_base = &w, .iov_len = sizeof(w)};
	struct msghdr mh = {
		.msg_name = &dst, .msg_namelen = sizeof(dst), .msg_iov = &iov, .msg_iovlen = 1};
	ssize_t n;

	memset(&w, 0, sizeof(w));
	w.type = type;
	w.msg = *m;
	strlcpy(dst.sun_path, path, sizeof(dst.sun_path));
	if (m->num_fds > 0) {
		struct cmsghdr *c;

		memset(ctl, 0, sizeof(ctl));
		mh.msg_control = ctl;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)m->num_fds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)m->num_fds);
		memcpy(CMSG_DATA(c), m->fds, sizeof(int) * (size_t)m->num_fds);
	}
	do
		n = sendmsg(mp_fd, &mh, 0);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : 0;
}

/*
 * Send to a peer found in the runtime directory; a secondary that died
 * left its socket there: the primary removes it, as DPDK does, and the
 * peer does not count. Only such paths are removed, never one a peer
 * named as its address.
 */
static int
mp_send_to_listed(const char *path, const struct rte_mp_msg *m, enum mp_type type)
{
	int err = mp_send_to(path, m, type);

	if ((err == -ECONNREFUSED || err == -ENOENT) &&
	    eal_cfg.process_type == RTE_PROC_PRIMARY) {
		unlink(path);
		return 1;
	}
	return err;
}

/* Every peer of this process: the primary for a secondary, all secondaries for it. */
static int
mp_peers_walk(int (*fn)(const char *path, void *arg), void *arg)
{
	char path[sizeof(mp_path)], folder[sizeof(mp_path)];
	struct dirent *d;
	DIR *dir;
	int ret = 0;

	if (eal_cfg.process_type == RTE_PROC_SECONDARY) {
		if (mp_path_of(path, sizeof(path), MP_SOCKET_NAME) < 0)
			return -ENAMETOOLONG;
		return fn(path, arg);
	}
	/* the folder of our own socket: it outlives the runtime directory's name at cleanup */
	strlcpy(folder, mp_path, sizeof(folder));
	if (strrchr(folder, '/') != NULL)
		*strrchr(folder, '/') = '\0';
	dir = opendir(folder);
	if (dir == NULL)
		return -errno;
	while ((d = readdir(dir)) != NULL) {
		int n;

		if (fnmatch(MP_SOCKET_NAME "_*", d->d_name, 0) != 0)
			continue;
		n = snprintf(path, sizeof(path), "%s/%s", folder, d->d_name);
		if (n < 0 || (size_t)n >= sizeof(path))
			continue;
		ret = fn(path, arg);
		if (ret < 0)
			break;
	}
	closedir(dir);
	return ret;
}

static void
mp_fds_close(struct rte_mp_msg *m)
{
	for (int i = 0; i < m->num_fds; i++)
		close(m->fds[i]);
	m->num_fds = 0;
}

/* Hand a reply to the request waiting for it; its fds are closed if none waits. */
static void
mp_reply_deliver(struct mp_wire *w, const char *from)
{
	struct mp_pending *p;

	pthread_mutex_lock(&mp_lock);
	TAILQ_FOREACH(p, &mp_pendings, next)
	if (p->state == 0 && strcmp(p->peer, from) == 0 && strcmp(p->name, w->msg.name) == 0)
		break;
	if (p != NULL) {
		if (w->type == MP_REP)
			*p->reply = w->msg;
		p->state = w->type == MP_REP ? 1 : 2;
		pthread_cond_broadcast(&mp_cond);
	}
	pthread_mutex_unlock(&mp_lock);
	if (p == NULL || w->type != MP_REP)
		mp_fds_close(&w->msg);
}

static void
mp_dispatch(struct mp_wire *w, const char *from)
{
	struct mp_action *a;
	rte_mp_t cb = NULL;

	if (w->type == MP_REP || w->type == MP_IGN) {
		mp_reply_deliver(w, from);
		return;
	}
	pthread_mutex_lock(&mp_lock);
	TAILQ_FOREACH(a, &mp_actions, next)
	if (strcmp(a->name, w->msg.name) == 0)
		cb = a->cb;
	pthread_mutex_unlock(&mp_lock);
	if (cb != NULL) {
		cb(&w->msg, from);
		return;
	}
	mp_fds_close(&w->msg);
	if (w->type == MP_REQ && !eal_cfg.init_complete) {
		/* not ready yet: tell the requester not to wait for us */
		struct rte_mp_msg ign;

		memset(&ign, 0, sizeof(ign));
		strlcpy(ign.name, w->msg.name, sizeof(ign.name));
		mp_send_to(from, &ign, MP_IGN);
	} else {
		EAL_LOG(ERR, "multi-process: no action registered for '%s' (from %s)\n",
			w->msg.name, from);
	}
}

/*
 * One datagram: exactly one struct mp_wire with a known type, a terminated
 * name, in-range lengths and as many fds as it says. 0 if it may be used.
 */
static int
mp_recv_one(struct mp_wire *w, char *from, size_t from_len)
{
	struct sockaddr_un src;
	char ctl[CMSG_SPACE(sizeof(int) * RTE_MP_MAX_FD_NUM)];
	struct iovec iov = {.iov_base = w, .iov_len = sizeof(*w)};
	struct msghdr mh = {.msg_name = &src,
			    .msg_namelen = sizeof(src),
			    .msg_iov = &iov,
			    .msg_iovlen = 1,
			    .msg_control = ctl,
			    .msg_controllen = sizeof(ctl)};
	int fds[RTE_MP_MAX_FD_NUM], nfds = 0;
	struct cmsghdr *c;
	ssize_t n;

	memset(&src, 0, sizeof(src));
	n = recvmsg(mp_fd, &mh, MSG_CMSG_CLOEXEC);
	if (n < 0)
		return -1;
	for (c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c)) {
		size_t k;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < k; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(fd));
			if (nfds < RTE_MP_MAX_FD_NUM)
				fds[nfds++] = fd;
			else
				close(fd);
		}
	}
	if ((size_t)n != sizeof(*w) || (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
	    w->type < MP_MSG || w->type > MP_IGN ||
	    memchr(w->msg.name, '\0', sizeof(w->msg.name)) == NULL || w->msg.name[0] == '\0' ||
	    w->msg.len_param < 0 || w->msg.len_param > RTE_MP_MAX_PARAM_LEN ||
	    w->msg.num_fds != nfds || mh.msg_namelen <= offsetof(struct sockaddr_un, sun_path)) {
		for (int i = 0; i < nfds; i++)
			close(fds[i]);
		EAL_LOG(WARNING,
			"multi-process: dropped a malformed message (%zd bytes, %d "
			"fds)\n",
			n, nfds);
		return -1;
	}
	memcpy(w->msg.fds, fds, sizeof(int) * (size_t)nfds);
	snprintf(from, from_len, "%.*s", (int)sizeof(src.sun_path), src.sun_path);
	return 0;
}

static void *
mp_thread_main(void *arg)
{
	struct pollfd pf[2] = {{.fd = mp_fd, .events = POLLIN},
			       {.fd = mp_stop[0], .events = POLLIN}};
	char from[sizeof(mp_path)];
	struct mp_wire w;

	(void)arg;
	for (;;) {
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[1].revents != 0)
			break;
		if (mp_recv_one(&w, from, sizeof(from)) == 0)
			mp_dispatch(&w, from);
	}
	return NULL;
}

int
eal_mp_init(void)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	static atomic_uint seq;
	pthread_condattr_t ca;
	char name[64];
	int err;

	if (eal_cfg.process_type == RTE_PROC_SECONDARY)
		snprintf(name, sizeof(name), MP_SOCKET_NAME "_%d_%u", (int)getpid(),
			 atomic_fetch_add(&seq, 1));
	else
		snprintf(name, sizeof(name), MP_SOCKET_NAME);
	if (mp_path_of(mp_path, sizeof(mp_path), name) < 0)
		return eal_fail(ENAMETOOLONG,
				"EAL: the runtime directory %s is too long for a "
				"unix socket path; use a shorter RUNTIME_DIRECTORY\n",
				rte_eal_get_runtime_dir());
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&mp_cond, &ca);
	pthread_condattr_destroy(&ca);
	mp_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (mp_fd < 0 || pipe2(mp_stop, O_CLOEXEC) < 0)
		goto fail;
	/* a primary's socket left by a killed primary of this prefix goes */
	unlink(mp_path);
	strlcpy(a.sun_path, mp_path, sizeof(a.sun_path));
	if (bind(mp_fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		goto fail;
	err = pthread_create(&mp_thread, NULL, mp_thread_main, NULL);
	if (err != 0) {
		errno = err;
		goto fail_unlink;
	}
	pthread_setname_np(mp_thread, "rte_mp_handle");
	mp_thread_started = true;
	return 0;
fail_unlink:
	unlink(mp_path);
fail:
	err = errno;
	eal_mp_cleanup();
	return eal_fail(err, "EAL: cannot open the multi-process socket %s: %s\n", mp_path,
			strerror(err));
}

/* A socket nobody reads (its secondary was killed) is removed: nothing outlives the primary. */
static int
mp_peer_reap(const char *path, void *arg)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	(void)arg;
	if (fd < 0)
		return 0;
	strlcpy(a.sun_path, path, sizeof(a.sun_path));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0 && errno == ECONNREFUSED)
		unlink(path);
	close(fd);
	return 0;
}

void
eal_mp_cleanup(void)
{
	struct mp_action *a;

	while (atomic_load(&mp_async_running) > 0)
		usleep(1000);
	if (mp_thread_started) {
		(void)!write(mp_stop[1], "x", 1);
		pthread_join(mp_thread, NULL);
		mp_thread_started = false;
	}
	if (mp_fd >= 0) {
		if (eal_cfg.process_type == RTE_PROC_PRIMARY)
			(void)mp_peers_walk(mp_peer_reap, NULL);
		close(mp_fd);
		unlink(mp_path);
		mp_fd = -1;
	}
	for (int i = 0; i < 2; i++) {
		if (mp_stop[i] >= 0)
			close(mp_stop[i]);
		mp_stop[i] = -1;
	}
	pthread_mutex_lock(&mp_lock);
	while ((a = TAILQ_FIRST(&mp_actions)) != NULL) {
		TAILQ_REMOVE(&mp_actions, a, next);
		free(a);
	}
	pthread_mutex_unlock(&mp_lock);
}

__rte_export int
rte_mp_action_register(const char *name, rte_mp_t action)
{
	struct mp_action *a, *it;

	if (mp_name_check(name) < 0)
		return -1;
	if (action == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_fd < 0) {
		rte_errno = ENOTSUP;
		return -1;
	}
	a = calloc(1, sizeof(*a));
	if (a == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	strlcpy(a->name, name, sizeof(a->name));
	a->cb = action;
	pthread_mutex_lock(&mp_lock);
	TAILQ_FOREACH(it, &mp_actions, next)
	if (strcmp(it->name, name) == 0)
		break;
	if (it == NULL)
		TAILQ_INSERT_TAIL(&mp_actions, a, next);
	pthread_mutex_unlock(&mp_lock);
	if (it != NULL) {
		free(a);
		rte_errno = EEXIST;
		return -1;
	}
	return 0;
}

__rte_export void
rte_mp_action_unregister(const char *name)
{
	struct mp_action *a;

	if (name == NULL)
		return;
	pthread_mutex_lock(&mp_lock);
	TAILQ_FOREACH(a, &mp_actions, next)
	if (strncmp(a->name, name, RTE_MP_MAX_NAME_LEN) == 0)
		break;
	if (a != NULL)
		TAILQ_REMOVE(&mp_actions, a, next);
	pthread_mutex_unlock(&mp_lock);
	free(a);
}

static int
mp_sendmsg_one(const char *path, void *arg)
{
	int err = mp_send_to_listed(path, arg, MP_MSG);

	return err > 0 ? 0 : err;
}

__rte_export int
rte_mp_sendmsg(struct rte_mp_msg *msg)
{
	int err;

	if (mp_msg_check(msg) < 0)
		return -1;
	err = mp_peers_walk(mp_sendmsg_one, msg);
	if (err < 0) {
		rte_errno = -err;
		return -1;
	}
	return 0;
}

__rte_export int
rte_mp_reply(struct rte_mp_msg *msg, const char *peer)
{
	int err;

	if (peer == NULL) {
		EAL_LOG(ERR, "multi-process: rte_mp_reply without a peer: pass the peer the "
			     "action was given\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_msg_check(msg) < 0)
		return -1;
	err = mp_send_to(peer, msg, MP_REP);
	if (err < 0) {
		rte_errno = -err;
		return -1;
	}
	return 0;
}

/* One request in flight: a pending entry a peer. */
struct mp_request {
	const struct rte_mp_msg *req;
	struct mp_pending *pend;
	unsigned int n, cap;
	struct rte_mp_reply *reply;
};

static int
mp_request_one(const char *path, void *arg)
{
	struct mp_request *r = arg;
	struct mp_pending *p;
	int err;

	if (r->n == r->cap) {
		unsigned int cap = r->cap == 0 ? 4 : r->cap * 2;
		struct mp_pending *np = realloc(r->pend, cap * sizeof(*np));

		if (np == NULL)
			return -ENOMEM;
		r->pend = np;
		r->cap = cap;
	}
	p = &r->pend[r->n];
	memset(p, 0, sizeof(*p));
	strlcpy(p->peer, path, sizeof(p->peer));
	strlcpy(p->name, r->req->name, sizeof(p->name));
	err = mp_send_to_listed(path, r->req, MP_REQ);
	if (err != 0)
		return err > 0 ? 0 : err; /* a dead secondary is skipped */
	r->n++;
	r->reply->nb_sent++;
	return 0;
}

__rte_export int
rte_mp_request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply, const struct timespec *ts)
{
	struct mp_request r = {.req = req, .reply = reply};
	struct timespec deadline;
	int err;

	if (reply == NULL || ts == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	memset(reply, 0, sizeof(*reply));
	/* the replies would wait behind the action that asks for them */
	if (mp_thread_started && pthread_equal(pthread_self(), mp_thread)) {
		EAL_LOG(ERR, "multi-process: rte_mp_request_sync from an action would wait "
			"for itself: use rte_mp_request_async there\n");
		rte_errno = EDEADLK;
		return -1;
	}
	if (mp_msg_check(req) < 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += ts->tv_sec + (deadline.tv_nsec + ts->tv_nsec) / 1000000000L;
	deadline.tv_nsec = (deadline.tv_nsec + ts->tv_nsec) % 1000000000L;

	/*
	 * The entries are listed before the sends so that a reply arriving at
	 * once finds its entry: lock held across the sends, the receiver waits.
	 */
	pthread_mutex_lock(&mp_lock);
	err = mp_peers_walk(mp_request_one, &r);
	reply->msgs = calloc(r.n + 1, sizeof(*reply->msgs));
	if (reply->msgs == NULL && err == 0)
		err = -ENOMEM;
	for (unsigned int i = 0; i < r.n; i++) {
		r.pend[i].reply = reply->msgs != NULL ? &reply->msgs[i] : NULL;
		TAILQ_INSERT_TAIL(&mp_pendings, &r.pend[i], next);
	}
	for (unsigned int i = 0; err == 0 && i < r.n; i++)
		while (r.pend[i].state == 0 &&
		       pthread_cond_timedwait(&mp_cond, &mp_lock, &deadline) != ETIMEDOUT)
			;
	for (unsigned int i = 0; i < r.n; i++) {
		TAILQ_REMOVE(&mp_pendings, &r.pend[i], next);
		/* replies are packed at the front of msgs */
		if (r.pend[i].state == 1 && reply->msgs != NULL)
			reply->msgs[reply->nb_received++] = reply->msgs[i];
	}
	pthread_mutex_unlock(&mp_lock);
	free(r.pend);
	if (err == 0 && eal_cfg.process_type == RTE_PROC_SECONDARY && reply->nb_received == 0)
		err = -ETIMEDOUT;
	if (err < 0) {
		rte_errno = -err;
		return -1;
	}
	return 0;
}

struct mp_async {
	struct rte_mp_msg req;
	struct timespec ts;
	rte_mp_async_reply_t clb;
};

static void *
mp_async_main(void *arg)
{
	struct mp_async *a = arg;
	struct rte_mp_reply reply;

	rte_mp_request_sync(&a->req, &reply, &a->ts);
	a->clb(&a->req, &reply);
	free(reply.msgs);
	free(a);
	atomic_fetch_sub(&mp_async_running, 1);
	return NULL;
}

__rte_export int
rte_mp_request_async(struct rte_mp_msg *req, const struct timespec *ts, rte_mp_async_reply_t clb)
{
	struct mp_async *a;
	pthread_attr_t attr;
	pthread_t t;
	int err;

	if (ts == NULL || clb == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_msg_check(req) < 0)
		return -1;
	a = malloc(sizeof(*a));
	if (a == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	a->req = *req;
	a->ts = *ts;
	a->clb = clb;
	atomic_fetch_add(&mp_async_running, 1);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&t, &attr, mp_async_main, a);
	pthread_attr_destroy(&attr);
	if (err != 0) {
		atomic_fetch_sub(&mp_async_running, 1);
		free(a);
		rte_errno = err;
		return -1;
	}
	return 0;
}
