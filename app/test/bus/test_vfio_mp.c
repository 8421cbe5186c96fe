/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The primary's answer to a secondary asking for VFIO fds (bus_vfio_fds),
 * without a device: malformed requests, groups and devices it does not
 * have, and one device it does (a stand-in in the device list, a pipe as
 * its group fd).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <rte_eal.h>

#include "pci_private.h"
#include "test.h"

#define FAKE_GROUP 4242
#define FAKE_BDF "0000:00:1f.7"

static struct rte_mp_msg
req_msg(uint32_t op, int32_t group, const char *dev)
{
	struct vfio_mp_req q;
	struct rte_mp_msg m;

	memset(&q, 0, sizeof(q));
	q.op = op;
	q.group = group;
	if (dev != NULL)
		strncpy(q.dev, dev, sizeof(q.dev) - 1);
	memset(&m, 0, sizeof(m));
	memcpy(m.param, &q, sizeof(q));
	m.len_param = sizeof(q);
	return m;
}

/* The result of the primary's answer to m; -1000 if the reply is not well formed. */
static int
answer_result(const struct rte_mp_msg *m, struct vfio_mp_rep *r, int *fd)
{
	struct rte_mp_msg reply;

	vfio_mp_answer_build(m, &reply);
	*fd = reply.num_fds == 1 ? reply.fds[0] : -1;
	if (strcmp(reply.name, "bus_vfio_fds") != 0 || reply.len_param != (int)sizeof(*r))
		return -1000;
	memcpy(r, reply.param, sizeof(*r));
	/* one fd exactly when it says yes */
	if ((r->result == 0) != (reply.num_fds == 1) || reply.num_fds > 1)
		return -1000;
	return r->result;
}

static int
test_vfio_mp_malformed(void)
{
	struct vfio_mp_rep r;
	struct rte_mp_msg m;
	int fd, p[2];

	m = req_msg(VFIO_MP_OP_DEVICE, 1, FAKE_BDF);
	m.len_param = sizeof(struct vfio_mp_req) - 1;
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "short request");
	m.len_param = sizeof(struct vfio_mp_req) + 1;
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "long request");
	m = req_msg(0, 1, FAKE_BDF);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "op 0");
	m = req_msg(77, 1, FAKE_BDF);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "op 77");
	m = req_msg(VFIO_MP_OP_DEVICE, -1, FAKE_BDF);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "group -1");
	m = req_msg(VFIO_MP_OP_DEVICE, INT32_MIN, FAKE_BDF);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "group INT32_MIN");
	m = req_msg(VFIO_MP_OP_DEVICE, 65536, FAKE_BDF);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "group past the bound");
	/* a device name without its terminator */
	m = req_msg(VFIO_MP_OP_DEVICE, 1, NULL);
	memset(((struct vfio_mp_req *)m.param)->dev, 'a', sizeof(((struct vfio_mp_req *)0)->dev));
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "unterminated name");

	/* fds sent with a request are the handler's to close */
	TEST_ASSERT_SUCCESS(pipe(p), "pipe");
	m = req_msg(77, 1, FAKE_BDF);
	m.fds[0] = p[0];
	m.fds[1] = p[1];
	m.num_fds = 2;
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -EINVAL, "op 77 with fds");
	TEST_ASSERT(fcntl(p[0], F_GETFD) < 0 && errno == EBADF, "request fd 0 left open");
	TEST_ASSERT(fcntl(p[1], F_GETFD) < 0 && errno == EBADF, "request fd 1 left open");
	return TEST_SUCCESS;
}

static int
test_vfio_mp_unknown(void)
{
	struct vfio_mp_rep r;
	struct rte_mp_msg m;
	int fd;

	m = req_msg(VFIO_MP_OP_CONTAINER, 0, NULL);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -ENODEV, "container before any is open");
	m = req_msg(VFIO_MP_OP_DEVICE, 7, FAKE_BDF);
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -ENOENT, "a device not in the list");
	m = req_msg(VFIO_MP_OP_DEVICE, 0, "");
	TEST_ASSERT_EQUAL(answer_result(&m, &r, &fd), -ENOENT, "empty name");
	return TEST_SUCCESS;
}

static int
test_vfio_mp_open_device(void)
{
	static struct pci_dev_priv fake;
	struct vfio_mp_rep r = {.result = 1};
	struct rte_mp_msg m;
	struct stat a, b;
	int p[2], fd = -1, ret;

	TEST_ASSERT_SUCCESS(pipe(p), "pipe");
	TEST_ASSERT_SUCCESS(fstat(p[0], &a), "fstat");
	memset(&fake, 0, sizeof(fake));
	strcpy(fake.pdev.name, FAKE_BDF);
	fake.iommu_group = FAKE_GROUP;
	fake.dev_fd = -1;
	fake.bar_va[0] = (void *)(uintptr_t)0x7f0000000000ull;
	fake.bar_va_len[0] = 0x20000;
	TAILQ_INSERT_TAIL(&pci_device_list, &fake.pdev, next);

	/* listed but not open: not one of the primary's ports */
	m = req_msg(VFIO_MP_OP_DEVICE, FAKE_GROUP, FAKE_BDF);
	ret = answer_result(&m, &r, &fd);
	if (ret != -ENOENT)
		goto out;
	fake.dev_fd = p[1];
	fake.group = vfio_group_adopt(FAKE_GROUP, p[0]);
	if (fake.group == NULL) {
		ret = -ENOMEM;
		goto out;
	}
	/* open, but the secondary names another group: refused */
	m = req_msg(VFIO_MP_OP_DEVICE, FAKE_GROUP + 1, FAKE_BDF);
	ret = answer_result(&m, &r, &fd);
	if (ret != -ENOENT)
		goto out;
	m = req_msg(VFIO_MP_OP_DEVICE, FAKE_GROUP, FAKE_BDF);
	ret = answer_result(&m, &r, &fd);
out:
	TAILQ_REMOVE(&pci_device_list, &fake.pdev, next);
	vfio_group_put(fake.group);
	close(p[1]);
	TEST_ASSERT_EQUAL(ret, 0, "the open device's group was refused (%d)", ret);
	/* a copy of the group's fd, and where the BARs are */
	TEST_ASSERT(fd >= 0 && fd != p[0], "no copy of the group fd");
	TEST_ASSERT(fstat(fd, &b) == 0 && a.st_ino == b.st_ino, "the fd sent is not the group's");
	close(fd);
	TEST_ASSERT_EQUAL(r.bar_va[0], 0x7f0000000000ull, "BAR0 address");
	TEST_ASSERT_EQUAL(r.bar_len[0], 0x20000ull, "BAR0 length");
	TEST_ASSERT_EQUAL(r.bar_va[1], 0ull, "BAR1 is not mapped");
	TEST_ASSERT_EQUAL(vfio_group_count(), 0u, "the stand-in group is left");
	return TEST_SUCCESS;
}

static const struct test_case vfio_mp_cases[] = {
	TEST_CASE(test_vfio_mp_malformed), TEST_CASE(test_vfio_mp_unknown),
	TEST_CASE(test_vfio_mp_open_device), TEST_CASES_END()};

REGISTER_TEST_SUITE(vfio_mp, TEST_SUITE_NO_EAL, vfio_mp_cases);
