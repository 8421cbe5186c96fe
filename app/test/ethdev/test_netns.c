/* SPDX-License-Identifier: BSD-3-Clause */
/* Network namespace, raw socket and frame helpers for the kernel-interface PMD suites. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include "test.h"
#include "test_netns.h"

#define NETNS_IP_MAX_ARGS 16

static void
netns_sysctl_write(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;	/* no IPv6 in this kernel: nothing to silence */
	if (write(fd, val, strlen(val)) < 0)
		printf("  cannot write %s: %s\n", path, strerror(errno));
	close(fd);
}

int
test_netns_enter(int *orig_ns, const char *what)
{
	*orig_ns = -1;
	if (geteuid() != 0) {
		printf("  needs root to create a network namespace and %s\n", what);
		return TEST_SKIPPED;
	}
	*orig_ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (*orig_ns < 0 || unshare(CLONE_NEWNET) < 0) {
		printf("  cannot create a network namespace: %s\n", strerror(errno));
		return TEST_SKIPPED;
	}
	netns_sysctl_write("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
	netns_sysctl_write("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
	return TEST_SUCCESS;
}

void
test_netns_leave(int orig_ns)
{
	if (orig_ns < 0)
		return;
	if (setns(orig_ns, CLONE_NEWNET) < 0)
		printf("  cannot return to the original namespace: %s\n", strerror(errno));
	close(orig_ns);
}

int
test_netns_ip(const char *arg, ...)
{
	const char *argv[NETNS_IP_MAX_ARGS + 2] = { "/usr/sbin/ip" };
	char out[1024], line[256];
	size_t argc = 1, used = 0;
	va_list ap;
	int ret;

	va_start(ap, arg);
	for (; arg != NULL && argc <= NETNS_IP_MAX_ARGS; arg = va_arg(ap, const char *))
		argv[argc++] = arg;
	va_end(ap);
	ret = test_run_cmd(argv, out, sizeof(out));
	if (ret != 0) {
		line[0] = '\0';
		for (size_t i = 1; i < argc && used < sizeof(line); i++)
			used += (size_t)snprintf(line + used, sizeof(line) - used, " %s", argv[i]);
		printf("  ip%s: exit %d: %s\n", line, ret, out);
	}
	return ret;
}

int
test_netns_if_flags(const char *ifname)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ret = ioctl(fd, SIOCGIFFLAGS, &ifr) < 0 ? -1 : ifr.ifr_flags;
	close(fd);
	return ret;
}

int
test_netns_if_mac(const char *ifname, uint8_t mac[6])
{
	struct ifreq ifr;
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0), ret;

	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ret = ioctl(fd, SIOCGIFHWADDR, &ifr) < 0 ? -errno : 0;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	close(fd);
	return ret;
}

int
test_netns_raw_open(const char *ifname)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = (int)if_nametoindex(ifname),
	};
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		close(fd);
		return -1;
	}
	/* room for whole bursts of full-size frames the port under test sends */
	int rcvbuf = 8 << 20;

	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	return fd;
}

int
test_netns_raw_send(int fd, const uint8_t *f, uint32_t len)
{
	for (int tries = 0; tries < 1000; tries++) {
		if (send(fd, f, len, 0) == (ssize_t)len)
			return 0;
		if (errno != EAGAIN && errno != ENOBUFS)
			return -errno;
		usleep(100);
	}
	return -EAGAIN;
}

int
test_netns_raw_recv(int fd, uint8_t *buf, size_t len, int ms, uint16_t also_type)
{
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		uint16_t type;
		ssize_t n;

		if (poll(&pfd, 1, ms) <= 0)
			return -1;
		n = recv(fd, buf, len, MSG_TRUNC);
		if (n < 0)
			return -1;
		if (n < 14)
			continue;
		type = (uint16_t)(buf[12] << 8 | buf[13]);
		if (type == TEST_NETNS_ETHERTYPE || (also_type != 0 && type == also_type))
			return (int)n;
	}
}

void
test_netns_frame_build(uint8_t *f, uint32_t len, const uint8_t dst[6], const uint8_t src[6],
		       uint32_t seq)
{
	uint32_t i;

	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = TEST_NETNS_ETHERTYPE >> 8;
	f[13] = TEST_NETNS_ETHERTYPE & 0xff;
	f[14] = seq >> 24;
	f[15] = seq >> 16;
	f[16] = seq >> 8;
	f[17] = seq;
	for (i = 18; i < len; i++)
		f[i] = (uint8_t)(seq * 7 + i);
}

void
test_netns_udp_frame_build(uint8_t *f, uint32_t len, const uint8_t dst[6],
			   const uint8_t src[6], uint32_t seq)
{
	uint32_t sum = 0, i;

	test_netns_frame_build(f, len, dst, src, seq);
	f[12] = 0x08;
	f[13] = 0x00;
	memset(f + 14, 0, 28);
	f[14] = 0x45;
	f[16] = (len - 14) >> 8;
	f[17] = (len - 14) & 0xff;
	f[20] = 0x40;	/* DF */
	f[22] = 64;
	f[23] = 17;	/* UDP */
	f[26] = 10; f[27] = 1; f[28] = seq >> 8; f[29] = seq & 0xff;
	f[30] = 10; f[31] = 2; f[32] = 0; f[33] = 1;
	for (i = 14; i < 34; i += 2)
		sum += (uint32_t)(f[i] << 8 | f[i + 1]);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	f[24] = (uint8_t)(~sum >> 8);
	f[25] = (uint8_t)~sum;
	f[34] = (1024 + seq) >> 8;
	f[35] = (1024 + seq) & 0xff;
	f[36] = 0x30;
	f[37] = 0x39;
	f[38] = (len - 34) >> 8;
	f[39] = (len - 34) & 0xff;
	/* the sequence number again, past the headers */
	f[42] = seq >> 8;
	f[43] = seq & 0xff;
}

/* Is this mbuf the UDP test frame its seq names, new and byte for byte? */
static bool
netns_rx_frame_ok(const struct rte_mbuf *m, uint32_t nb_frames, const uint8_t dst[6],
		  const uint8_t src[6], uint8_t *seen)
{
	static uint8_t f[128];
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);
	uint32_t s = (uint32_t)(p[42] << 8 | p[43]);

	if (m->pkt_len != sizeof(f) || s >= nb_frames || seen[s]) {
		printf("  frame of %u bytes, seq %u: unexpected or seen before\n", m->pkt_len, s);
		return false;
	}
	seen[s] = 1;
	test_netns_udp_frame_build(f, sizeof(f), dst, src, s);
	if (memcmp(p, f, sizeof(f)) != 0) {
		printf("  frame %u: bytes differ\n", s);
		return false;
	}
	return true;
}

/* One burst from each queue into per_q[]. Returns the frames taken, -1 on a bad one. */
static int
netns_rx_round(uint16_t port, uint16_t nb_q, uint32_t nb_frames, const uint8_t dst[6],
	       const uint8_t src[6], uint8_t *seen, uint32_t *per_q)
{
	struct rte_mbuf *pkts[32];
	int total = 0;
	bool ok = true;

	for (uint16_t q = 0; q < nb_q; q++) {
		uint16_t n = rte_eth_rx_burst(port, q, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			ok = ok && netns_rx_frame_ok(pkts[i], nb_frames, dst, src, seen);
			rte_pktmbuf_free(pkts[i]);
		}
		per_q[q] += n;
		total += n;
	}
	return ok ? total : -1;
}

int
test_netns_rx_spread(uint16_t port, uint16_t nb_q, uint32_t nb_frames, const uint8_t dst[6],
		     const uint8_t src[6], uint32_t *per_q)
{
	uint8_t *seen = calloc(nb_frames, 1);
	uint32_t total = 0;
	int n = 0;

	TEST_ASSERT_NOT_NULL(seen, "seen[]");
	memset(per_q, 0, nb_q * sizeof(*per_q));
	for (int spin = 0; spin < 2000 && total < nb_frames && n >= 0; spin++) {
		n = netns_rx_round(port, nb_q, nb_frames, dst, src, seen, per_q);
		if (n > 0)
			total += (uint32_t)n;
		else if (n == 0)
			usleep(1000);
	}
	free(seen);
	TEST_ASSERT(n >= 0, "every frame once, byte for byte");
	TEST_ASSERT_EQUAL(total, nb_frames, "all frames across the queues");
	for (uint16_t q = 0; q < nb_q; q++)
		TEST_ASSERT(per_q[q] > 0, "queue %u receives (%u frames)", q, per_q[q]);
	return TEST_SUCCESS;
}

int
test_netns_probe_error(const char *name, const char *args, const char *want)
{
	char *log = NULL;
	size_t log_len = 0;
	FILE *f = open_memstream(&log, &log_len);
	uint16_t ports = rte_eth_dev_count_avail();
	int fds = test_dir_entries("/proc/self/fd"), ret;

	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_openlog_stream(f);
	ret = rte_vdev_init(name, args);
	rte_openlog_stream(NULL);
	fclose(f);
	if (ret == 0)
		rte_vdev_uninit(name);
	TEST_ASSERT(ret < 0, "'%s' must fail", args);
	TEST_ASSERT_STR_CONTAINS(log, want, "for '%s'", args);
	TEST_ASSERT(strchr(log, '\n') == log + strlen(log) - 1, "one line: %s", log);
	free(log);
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), ports, "no port left");
	TEST_ASSERT_EQUAL(test_dir_entries("/proc/self/fd"), fds, "no fd left");
	return TEST_SUCCESS;
}
