/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vhost-user message send and receive pair on a socketpair: what a
 * peer may get wrong (too many fds, another version, a payload larger than
 * any message) is refused with no fd left open, and a good message with
 * fds comes through whole.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

#include <rte_common.h>

#include <vhost_user_io.h>

#include "test.h"

#define VIO_FDS 10

struct vio_env {
	int sock[2];
	int fds[VIO_FDS];
	int open_before;
};

static void
vio_env_close(struct vio_env *e)
{
	for (int i = 0; i < 2; i++)
		if (e->sock[i] >= 0)
			close(e->sock[i]);
	for (int i = 0; i < VIO_FDS; i++)
		if (e->fds[i] >= 0)
			close(e->fds[i]);
}

static int
vio_env_open(struct vio_env *e)
{
	e->sock[0] = e->sock[1] = -1;
	for (int i = 0; i < VIO_FDS; i++)
		e->fds[i] = -1;
	e->open_before = test_dir_entries("/proc/self/fd");
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, e->sock) != 0)
		goto out_close;
	for (int i = 0; i < VIO_FDS; i++) {
		e->fds[i] = eventfd(0, EFD_CLOEXEC);
		if (e->fds[i] < 0)
			goto out_close;
	}
	return 0;

out_close:
	vio_env_close(e);
	return -1;
}

/* After the sender's ends are closed, no fd the receiver got may be left open. */
static int
vio_env_leaked(struct vio_env *e)
{
	vio_env_close(e);
	return test_dir_entries("/proc/self/fd") - e->open_before;
}

static int
test_vhost_user_io_good(void)
{
	struct vhost_user_msg out = {
		.request = VHOST_USER_SET_VRING_NUM, .flags = VHOST_USER_VERSION, .size = 8};
	struct vhost_user_msg in;
	int got[VHOST_USER_RECV_MAX_FDS];
	unsigned int nfds = 99;
	struct vio_env e;
	uint64_t v = 1;

	TEST_ASSERT_SUCCESS(vio_env_open(&e), "socketpair and eventfds");
	out.payload.state = (struct vhost_user_vring_state){.index = 1, .num = 256};
	TEST_ASSERT_SUCCESS(vhost_user_msg_send(e.sock[0], &out, &out.payload, out.size, e.fds, 2),
			    "send");
	TEST_ASSERT_EQUAL(vhost_user_msg_recv(e.sock[1], &in, got, &nfds), 1, "receive");
	TEST_ASSERT(in.request == out.request && in.size == 8 && in.payload.state.index == 1 &&
			    in.payload.state.num == 256,
		    "header and payload as sent");
	TEST_ASSERT_EQUAL(nfds, 2u, "both fds");
	/* the received fd is the same eventfd: what is written on it is read on ours */
	TEST_ASSERT_EQUAL(write(got[1], &v, sizeof(v)), (ssize_t)sizeof(v), "write");
	TEST_ASSERT_EQUAL(read(e.fds[1], &v, sizeof(v)), (ssize_t)sizeof(v), "read");
	close(got[0]);
	close(got[1]);
	TEST_ASSERT_EQUAL(vio_env_leaked(&e), 0, "fds left open");
	return TEST_SUCCESS;
}

static int
test_vhost_user_io_too_many_fds(void)
{
	struct vhost_user_msg out = {.request = VHOST_USER_SET_MEM_TABLE,
				     .flags = VHOST_USER_VERSION};
	struct vhost_user_msg in;
	int got[VHOST_USER_RECV_MAX_FDS];
	unsigned int nfds;
	struct vio_env e;
	int many[VHOST_USER_SEND_MAX_FDS + 1];

	TEST_ASSERT_SUCCESS(vio_env_open(&e), "socketpair and eventfds");
	for (unsigned int i = 0; i < RTE_DIM(many); i++)
		many[i] = e.fds[0];
	TEST_ASSERT_EQUAL(vhost_user_msg_send(e.sock[0], &out, NULL, 0, many, RTE_DIM(many)),
			  -EINVAL, "more fds than a message may carry, sent");
	TEST_ASSERT_SUCCESS(vhost_user_msg_send(e.sock[0], &out, NULL, 0, e.fds, VIO_FDS),
			    "send with ten fds");
	TEST_ASSERT_EQUAL(vhost_user_msg_recv(e.sock[1], &in, got, &nfds), -EBADMSG,
			  "ten fds refused");
	TEST_ASSERT_EQUAL(nfds, 0u, "none handed over");
	TEST_ASSERT_EQUAL(vio_env_leaked(&e), 0, "fds left open");
	return TEST_SUCCESS;
}

static int
test_vhost_user_io_bad_header(void)
{
	/* no payloads: after a refused header the stream stays in step for the next */
	struct vhost_user_msg out = {.request = VHOST_USER_SET_FEATURES, .flags = 2};
	struct vhost_user_msg in;
	int got[VHOST_USER_RECV_MAX_FDS];
	unsigned int nfds;
	struct vio_env e;

	TEST_ASSERT_SUCCESS(vio_env_open(&e), "socketpair and eventfds");
	TEST_ASSERT_SUCCESS(vhost_user_msg_send(e.sock[0], &out, NULL, 0, e.fds, 1), "version 2");
	TEST_ASSERT_EQUAL(vhost_user_msg_recv(e.sock[1], &in, got, &nfds), -EPROTO,
			  "version 2 refused");
	TEST_ASSERT(nfds == 0 && in.flags == 2, "no fd, the header kept for the log");
	/* too big: refused from the header, its payload never read into the message */
	out.flags = VHOST_USER_VERSION;
	out.size = (uint32_t)VHOST_USER_PAYLOAD_MAX + 1;
	TEST_ASSERT_SUCCESS(vhost_user_msg_send(e.sock[0], &out, NULL, 0, e.fds, 1), "oversized");
	TEST_ASSERT_EQUAL(vhost_user_msg_recv(e.sock[1], &in, got, &nfds), -EPROTO,
			  "oversized refused");
	/* a payload cut short by the end of the stream */
	out.size = 8;
	TEST_ASSERT_SUCCESS(vhost_user_msg_send(e.sock[0], &out, &out.payload, 4, e.fds, 1),
			    "half a payload");
	shutdown(e.sock[0], SHUT_WR);
	TEST_ASSERT_EQUAL(vhost_user_msg_recv(e.sock[1], &in, got, &nfds), -EBADMSG,
			  "short payload refused");
	TEST_ASSERT_EQUAL(vhost_user_msg_recv(e.sock[1], &in, got, &nfds), 0, "end of stream");
	TEST_ASSERT_EQUAL(vio_env_leaked(&e), 0, "fds left open");
	return TEST_SUCCESS;
}

static const struct test_case vhost_user_io_cases[] = {
	TEST_CASE(test_vhost_user_io_good),
	TEST_CASE(test_vhost_user_io_too_many_fds),
	TEST_CASE(test_vhost_user_io_bad_header),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(vhost_user_io, TEST_SUITE_EAL, vhost_user_io_cases);
