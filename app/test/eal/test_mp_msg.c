/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_mp_* in a primary of its own prefix: argument errors, requests with
 * no secondary, and datagrams a hostile local peer sends to mp_socket
 * (wrong size, fd counts that lie, unterminated names), which must be
 * dropped with their fds closed while the socket keeps serving.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "test.h"

/* The datagram of mp_socket: a type, then the message (1 = one-way, 2 = request). */
struct wire {
	int32_t type;
	struct rte_mp_msg msg;
};

static char prefix[64];
static bool up;
static atomic_int seen;		/* messages the test action got */
static atomic_int nested_errno; /* what a request from inside an action got */
static atomic_int async_calls;

static int
eal_up(void)
{
	char pf[96];
	char *argv[] = {"mp_msg", "--no-huge", "-m", "16", "-l", "0", "--no-pci", pf, NULL};

	if (up)
		return 0;
	snprintf(prefix, sizeof(prefix), "mp_msg_%d", (int)getpid());
	snprintf(pf, sizeof(pf), "--file-prefix=%s", prefix);
	if (rte_eal_init((int)RTE_DIM(argv) - 1, argv) < 0)
		return -1;
	up = true;
	return 0;
}

static int
count_action(const struct rte_mp_msg *msg, const void *peer)
{
	(void)peer;
	for (int i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	atomic_fetch_add(&seen, 1);
	return 0;
}

static int
nested_action(const struct rte_mp_msg *msg, const void *peer)
{
	const struct timespec ts = {.tv_sec = 1};
	struct rte_mp_reply r;
	struct rte_mp_msg m = *msg;

	(void)peer;
	m.num_fds = 0;
	rte_errno = 0;
	if (rte_mp_request_sync(&m, &r, &ts) < 0)
		atomic_store(&nested_errno, rte_errno);
	free(r.msgs);
	return 0;
}

static int
async_done(const struct rte_mp_msg *req, const struct rte_mp_reply *reply)
{
	(void)req;
	if (reply->nb_sent == 0 && reply->nb_received == 0)
		atomic_fetch_add(&async_calls, 1);
	return 0;
}

static int
test_mp_msg_api(void)
{
	const struct timespec ts = {.tv_nsec = 100000000};
	char longname[RTE_MP_MAX_NAME_LEN + 8];
	struct rte_mp_reply reply;
	struct rte_mp_msg m;

	TEST_ASSERT_SUCCESS(eal_up(), "EAL: %s", rte_strerror(rte_errno));
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	TEST_ASSERT(rte_mp_action_register(NULL, count_action) < 0 && rte_errno == EINVAL, "NULL");
	TEST_ASSERT(rte_mp_action_register(longname, count_action) < 0 && rte_errno == EINVAL,
		    "too long");
	TEST_ASSERT_SUCCESS(rte_mp_action_register("mp_msg_count", count_action), "register");
	TEST_ASSERT(rte_mp_action_register("mp_msg_count", count_action) < 0 && rte_errno == EEXIST,
		    "taken");
	TEST_ASSERT_SUCCESS(rte_mp_action_register("mp_msg_nested", nested_action), "nested");

	memset(&m, 0, sizeof(m));
	snprintf(m.name, sizeof(m.name), "mp_msg_count");
	m.len_param = RTE_MP_MAX_PARAM_LEN + 1;
	TEST_ASSERT(rte_mp_sendmsg(&m) < 0 && rte_errno == EINVAL, "param too long");
	m.len_param = 4;
	m.num_fds = RTE_MP_MAX_FD_NUM + 1;
	TEST_ASSERT(rte_mp_sendmsg(&m) < 0 && rte_errno == EINVAL, "too many fds");
	m.num_fds = 0;
	/* no secondary: nothing sent, nothing to wait for */
	TEST_ASSERT_SUCCESS(rte_mp_sendmsg(&m), "broadcast to none");
	TEST_ASSERT_SUCCESS(rte_mp_request_sync(&m, &reply, &ts), "request to none");
	TEST_ASSERT(reply.nb_sent == 0 && reply.nb_received == 0, "none sent");
	free(reply.msgs);
	TEST_ASSERT_SUCCESS(rte_mp_request_async(&m, &ts, async_done), "async");
	for (int i = 0; i < 200 && atomic_load(&async_calls) == 0; i++)
		usleep(5000);
	TEST_ASSERT_EQUAL(atomic_load(&async_calls), 1, "its callback ran once");
	TEST_ASSERT(rte_mp_reply(&m, NULL) < 0 && rte_errno == EINVAL, "reply without peer");
	return TEST_SUCCESS;
}

/* A socket of our own, bound, to talk to the primary as a peer would. */
static int
peer_open(struct sockaddr_un *self, struct sockaddr_un *primary)
{
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	memset(self, 0, sizeof(*self));
	self->sun_family = AF_UNIX;
	snprintf(self->sun_path, sizeof(self->sun_path), "/tmp/sluice-mp-msg-%d", (int)getpid());
	unlink(self->sun_path);
	memset(primary, 0, sizeof(*primary));
	primary->sun_family = AF_UNIX;
	if ((size_t)snprintf(primary->sun_path, sizeof(primary->sun_path), "%s/mp_socket",
			     rte_eal_get_runtime_dir()) >= sizeof(primary->sun_path) ||
	    s < 0 || bind(s, (struct sockaddr *)self, sizeof(*self)) < 0) {
		if (s >= 0)
			close(s);
		return -1;
	}
	return s;
}

/* Send len bytes of w with nfds copies of fd attached. */
static int
peer_send(int s, const struct sockaddr_un *to, const void *w, size_t len, int fd, int nfds)
{
	char ctl[CMSG_SPACE(sizeof(int) * 16)];
	int fds[16];
	struct iovec iov = {.iov_base = (void *)(uintptr_t)w, .iov_len = len};
	struct msghdr mh = {.msg_name = (void *)(uintptr_t)to,
			    .msg_namelen = sizeof(*to),
			    .msg_iov = &iov,
			    .msg_iovlen = 1};

	if (nfds > 0) {
		struct cmsghdr *c;

		for (int i = 0; i < nfds; i++)
			fds[i] = fd;
		memset(ctl, 0, sizeof(ctl));
		mh.msg_control = ctl;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
	}
	return sendmsg(s, &mh, 0) < 0 ? -1 : 0;
}

/* Open fds of this process, to see that dropped messages' fds were closed. */
static int
fd_count(void)
{
	return test_dir_entries("/proc/self/fd");
}

static int
test_mp_msg_hostile(void)
{
	struct sockaddr_un self, primary;
	struct wire w;
	int s, fd, before, n;

	TEST_ASSERT_SUCCESS(eal_up(), "EAL");
	s = peer_open(&self, &primary);
	TEST_ASSERT(s >= 0, "peer socket");
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	TEST_ASSERT(fd >= 0, "an fd to send");
	before = fd_count();
	atomic_store(&seen, 0);
	memset(&w, 0, sizeof(w));
	w.type = 1;
	snprintf(w.msg.name, sizeof(w.msg.name), "mp_msg_count");
	/* short datagram, with an fd */
	peer_send(s, &primary, &w, sizeof(w) / 2, fd, 1);
	/* says 1 fd, carries 3 */
	w.msg.num_fds = 1;
	peer_send(s, &primary, &w, sizeof(w), fd, 3);
	/* more fds than a message holds */
	w.msg.num_fds = 12;
	peer_send(s, &primary, &w, sizeof(w), fd, 12);
	/* a name without its terminator */
	w.msg.num_fds = 0;
	memset(w.msg.name, 'x', sizeof(w.msg.name));
	peer_send(s, &primary, &w, sizeof(w), -1, 0);
	/* a length past the param */
	snprintf(w.msg.name, sizeof(w.msg.name), "mp_msg_count");
	w.msg.len_param = RTE_MP_MAX_PARAM_LEN + 1;
	peer_send(s, &primary, &w, sizeof(w), -1, 0);
	/* an unknown type */
	w.msg.len_param = 0;
	w.type = 77;
	peer_send(s, &primary, &w, sizeof(w), -1, 0);
	/* then a good one, with one fd: the only one the action sees */
	w.type = 1;
	w.msg.num_fds = 1;
	peer_send(s, &primary, &w, sizeof(w), fd, 1);
	for (int i = 0; i < 200 && atomic_load(&seen) == 0; i++)
		usleep(5000);
	TEST_ASSERT_EQUAL(atomic_load(&seen), 1, "only the good message reached the action");

	/* a request whose action asks in turn: refused, not hung */
	atomic_store(&nested_errno, 0);
	w.type = 2;
	w.msg.num_fds = 0;
	snprintf(w.msg.name, sizeof(w.msg.name), "mp_msg_nested");
	peer_send(s, &primary, &w, sizeof(w), -1, 0);
	for (int i = 0; i < 200 && atomic_load(&nested_errno) == 0; i++)
		usleep(5000);
	TEST_ASSERT_EQUAL(atomic_load(&nested_errno), EDEADLK, "a request from an action");

	close(fd);
	n = fd_count();
	close(s);
	unlink(self.sun_path);
	/* our socket and /dev/null are gone again: every fd sent was closed there */
	TEST_ASSERT_EQUAL(n, before - 1, "no fd of a dropped message kept (%d, then %d)", before,
			  n);
	return TEST_SUCCESS;
}

static int
test_mp_msg_cleanup(void)
{
	if (up)
		TEST_ASSERT_SUCCESS(rte_eal_cleanup(), "cleanup");
	up = false;
	return TEST_SUCCESS;
}

static const struct test_case mp_msg_cases[] = {
	TEST_CASE(test_mp_msg_api),
	TEST_CASE(test_mp_msg_hostile),
	TEST_CASE(test_mp_msg_cleanup),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(mp_msg, TEST_SUITE_NO_EAL, mp_msg_cases)
