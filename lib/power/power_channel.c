/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's side of the power channels: lcore N talks to the host's
 * power manager through the virtio-serial port named
 * POWER_CHANNEL_NAME.N, one fixed-size packet a message. A port is held
 * with an exclusive flock so that two processes never share one.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>

#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_power_guest_channel.h>

#include "eal_private.h"
#include "power_private.h"

#define POWER_LOG(level, ...) RTE_LOG(level, POWER, __VA_ARGS__)
/* How long an answer from the host may take. */
#define POWER_CHANNEL_TIMEOUT_MS 3000

static const char *channel_dir = POWER_CHANNEL_DIR;
static int channel_fd[RTE_MAX_LCORE];
static bool channel_open[RTE_MAX_LCORE];

void
power_channel_dir_set(const char *dir)
{
	channel_dir = dir != NULL ? dir : POWER_CHANNEL_DIR;
}

static void
power_channel_path(unsigned int lcore_id, char *path, size_t len)
{
	snprintf(path, len, "%s/%s.%u", channel_dir, POWER_CHANNEL_NAME, lcore_id);
}

bool
power_channel_exists(unsigned int lcore_id)
{
	char path[PATH_MAX];

	power_channel_path(lcore_id, path, sizeof(path));
	return access(path, R_OK | W_OK) == 0;
}

/* Write all of buf; 0 or a positive errno. */
static int
power_channel_write(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
power_channel_connect(unsigned int lcore_id)
{
	struct rte_power_channel_packet pkt;
	char path[PATH_MAX];
	int fd, ret;

	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore %u is out of range 0..%d\n", lcore_id, RTE_MAX_LCORE - 1);
		return -1;
	}
	if (channel_open[lcore_id]) {
		POWER_LOG(ERR,
			  "lcore %u: its power channel is already open: rte_power_exit() "
			  "it first\n",
			  lcore_id);
		return -1;
	}
	power_channel_path(lcore_id, path, sizeof(path));
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		POWER_LOG(ERR,
			  "lcore %u: cannot open its power channel %s: %s; give the VM a "
			  "virtio-serial port of that name for the host's power manager\n",
			  lcore_id, path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		POWER_LOG(ERR, "lcore %u: power channel %s is used by another process\n", lcore_id,
			  path);
		goto out_close;
	}
	memset(&pkt, 0, sizeof(pkt));
	pkt.command = RTE_POWER_CPU_POWER_CONNECT;
	pkt.resource_id = lcore_id;
	ret = power_channel_write(fd, &pkt, sizeof(pkt));
	if (ret != 0) {
		POWER_LOG(ERR, "lcore %u: cannot write to power channel %s: %s\n", lcore_id, path,
			  strerror(ret));
		goto out_close;
	}
	channel_fd[lcore_id] = fd;
	channel_open[lcore_id] = true;
	return 0;

out_close:
	close(fd);
	return -1;
}

void
power_channel_disconnect(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE || !channel_open[lcore_id])
		return;
	close(channel_fd[lcore_id]); /* drops the flock too */
	channel_open[lcore_id] = false;
}

__rte_export int
rte_power_guest_channel_send_msg(struct rte_power_channel_packet *pkt, unsigned int lcore_id)
{
	if (pkt == NULL || lcore_id >= RTE_MAX_LCORE || !channel_open[lcore_id])
		return -1;
	return power_channel_write(channel_fd[lcore_id], pkt, sizeof(*pkt));
}

__rte_export int
rte_power_guest_channel_receive_msg(void *pkt, size_t pkt_len, unsigned int lcore_id)
{
	char *p = pkt;
	size_t left = pkt_len;

	if (pkt == NULL || lcore_id >= RTE_MAX_LCORE || !channel_open[lcore_id])
		return -1;
	while (left > 0) {
		struct pollfd pfd = {.fd = channel_fd[lcore_id], .events = POLLIN};
		ssize_t n;
		int ret;

		ret = poll(&pfd, 1, POWER_CHANNEL_TIMEOUT_MS);
		if (ret == 0) {
			POWER_LOG(ERR,
				  "lcore %u: no answer from the host's power manager in %d ms\n",
				  lcore_id, POWER_CHANNEL_TIMEOUT_MS);
			return -1;
		}
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		n = read(channel_fd[lcore_id], p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		left -= (size_t)n;
	}
	return 0;
}
