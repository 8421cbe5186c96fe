/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: lib/vhost's message handler, as a front-end drives it.
 * The input is a run of messages, each a 4-byte head (request, bit 0 of
 * flags for NEED_REPLY, number of fds, payload size) and its payload; the fds are copies of one
 * memfd, so memory tables can be mapped. The socket offers IOMMU_PLATFORM
 * and BACKEND_REQ, so IOTLB updates and invalidations and the back-end
 * channel are parsed too. After each message the rings' readiness is
 * recomputed (translating ring addresses through the IOTLB and the table),
 * and at the end the device is reset: every mapping unmapped and every fd
 * the handler kept closed, which the fd count checks.
 *
 * Built with the other targets (-Dfuzz=true, see fuzz/README.md).
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "vhost_private.h"

#define FZ_MEM_SIZE (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fz_fd_count(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (d == NULL)
		return -1;
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vhost_socket sock;
	static int memfd = -1;
	struct vhost_dev *dev = &sock.dev;
	size_t off = 0;
	int fds_before;

	if (memfd < 0) {
		memfd = memfd_create("fuzz-vhost", MFD_CLOEXEC);
		if (memfd < 0 || ftruncate(memfd, FZ_MEM_SIZE) != 0)
			abort();
	}
	memset(&sock, 0, sizeof(sock));
	strcpy(sock.path, "fuzz");
	/* as registered with RTE_VHOST_USER_IOMMU_SUPPORT, so IOTLB messages are reached */
	sock.features = VHOST_FEATURES_SUPPORTED | VHOST_FEATURES_IOMMU;
	sock.protocol_features = VHOST_PROTOCOL_FEATURES_SUPPORTED | VHOST_PROTOCOL_FEATURES_IOMMU;
	sock.max_queue_pairs = VHOST_MAX_QUEUE_PAIRS;
	vhost_dev_init(dev, &sock, 0);
	fds_before = fz_fd_count();

	while (off + 4 <= size) {
		struct vhost_user_msg msg;
		int fds[VHOST_USER_MEMORY_MAX_NREGIONS];
		unsigned int nfds = data[off + 2] % (VHOST_USER_MEMORY_MAX_NREGIONS + 1);
		uint32_t len = data[off + 3];
		size_t avail;

		memset(&msg, 0, sizeof(msg));
		msg.request = data[off] % (VHOST_USER_REQUEST_MAX + 2);
		msg.flags = VHOST_USER_VERSION | (data[off + 1] & 1 ? VHOST_USER_NEED_REPLY : 0);
		/* the socket layer refuses larger payloads before the handler sees them */
		msg.size = len > VHOST_USER_PAYLOAD_MAX ? VHOST_USER_PAYLOAD_MAX : len;
		off += 4;
		avail = size - off < msg.size ? size - off : msg.size;
		memcpy(&msg.payload, data + off, avail);
		off += avail;
		for (unsigned int i = 0; i < nfds; i++)
			fds[i] = dup(memfd);
		vhost_dev_lock_all(dev);
		vhost_user_msg_handle(dev, &msg, fds, nfds);
		vhost_dev_unlock_all(dev);
		vhost_dev_state_update(dev);
	}
	vhost_dev_reset(dev);
	if (fz_fd_count() != fds_before)
		abort(); /* an fd a message brought stayed open */
	return 0;
}
