/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-compat-pktio: send known Ethernet frames on one kernel interface
 * and check, byte for byte, the frames that come back on another. Used by
 * the compatibility tests to drive programs that forward between two
 * AF_PACKET ports.
 *
 *   sluice-compat-pktio TX_IF RX_IF COUNT LEN [--expect-dst MAC] [--expect-src MAC]
 *
 * Frame i: dst 02:00:00:00:00:aa, src 02:00:00:00:00:bb, EtherType 0x88b5
 * (local experimental), then the 32-bit big-endian i and bytes
 * (i + k) & 0xff up to LEN. The expected output is the same frame, with
 * its addresses replaced when --expect-dst/--expect-src are given. Exits 0
 * when all COUNT frames came back in order and equal; prints the first
 * difference otherwise.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/ether.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define ETHERTYPE_TEST 0x88b5
#define MAX_LEN 1514
#define TIMEOUT_MS 5000

static void
frame_build(uint8_t *f, unsigned int i, unsigned int len)
{
	static const uint8_t dst[6] = { 2, 0, 0, 0, 0, 0xaa };
	static const uint8_t src[6] = { 2, 0, 0, 0, 0, 0xbb };
	uint32_t be = htonl(i);

	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = ETHERTYPE_TEST >> 8;
	f[13] = ETHERTYPE_TEST & 0xff;
	memcpy(f + 14, &be, 4);
	for (unsigned int k = 18; k < len; k++)
		f[k] = (uint8_t)(i + k);
}

static int
sock_open(const char *ifname, int *ifindex)
{
	struct sockaddr_ll sll;
	int fd;

	*ifindex = (int)if_nametoindex(ifname);
	if (*ifindex == 0) {
		fprintf(stderr, "pktio: no interface '%s': create it first (ip link add)\n",
			ifname);
		return -1;
	}
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETHERTYPE_TEST));
	if (fd < 0) {
		fprintf(stderr, "pktio: AF_PACKET socket: %s (run as root)\n", strerror(errno));
		return -1;
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETHERTYPE_TEST);
	sll.sll_ifindex = *ifindex;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		fprintf(stderr, "pktio: bind to %s: %s\n", ifname, strerror(errno));
		close(fd);
		return -1;
	}
	/*
	 * A forwarder that was not scheduled for a while hands over a whole
	 * ring of frames at once: room for a few hundred full-size frames, so
	 * that the kernel does not drop what the check is waiting for.
	 */
	int rcvbuf = 8 << 20;

	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	return fd;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int
main(int argc, char **argv)
{
	struct ether_addr *want_dst = NULL, *want_src = NULL, dst_buf, src_buf;
	unsigned int count, len, got = 0;
	int txfd, rxfd, txidx, rxidx;
	uint8_t frame[MAX_LEN], rx[MAX_LEN + 64];
	struct timespec t0 = { 0, 0 };

	if (argc < 5) {
		fprintf(stderr, "usage: %s TX_IF RX_IF COUNT LEN [--expect-dst MAC] "
			"[--expect-src MAC]\n", argv[0]);
		return 2;
	}
	count = (unsigned int)strtoul(argv[3], NULL, 10);
	len = (unsigned int)strtoul(argv[4], NULL, 10);
	if (len < 60 || len > MAX_LEN) {
		fprintf(stderr, "pktio: LEN %u: give 60..%d\n", len, MAX_LEN);
		return 2;
	}
	for (int a = 5; a + 1 < argc; a += 2) {
		struct ether_addr *e = ether_aton(argv[a + 1]);

		if (e == NULL) {
			fprintf(stderr, "pktio: '%s' is not a MAC address\n", argv[a + 1]);
			return 2;
		}
		if (strcmp(argv[a], "--expect-dst") == 0) {
			dst_buf = *e;
			want_dst = &dst_buf;
		} else if (strcmp(argv[a], "--expect-src") == 0) {
			src_buf = *e;
			want_src = &src_buf;
		} else {
			fprintf(stderr, "pktio: unknown option '%s'\n", argv[a]);
			return 2;
		}
	}
	rxfd = sock_open(argv[2], &rxidx);
	txfd = sock_open(argv[1], &txidx);
	if (rxfd < 0 || txfd < 0)
		return 1;

	for (unsigned int i = 0; i < count; i++) {
		frame_build(frame, i, len);
		if (send(txfd, frame, len, 0) != (ssize_t)len) {
			fprintf(stderr, "pktio: send on %s: %s\n", argv[1], strerror(errno));
			return 1;
		}
		/* the wait for stragglers counts from the last frame sent */
		if (i + 1 == count)
			clock_gettime(CLOCK_MONOTONIC, &t0);
		/* A gentle pace: this checks bytes, not how fast queues drain. */
		usleep(200);
		/* Receive as we go so that no socket buffer overflows. */
		for (;;) {
			struct pollfd p = { .fd = rxfd, .events = POLLIN };
			struct sockaddr_ll from;
			socklen_t fl = sizeof(from);
			ssize_t n;

			/* Wait for the last frames; else only drain what is there. */
			if (poll(&p, 1, i + 1 == count ? 100 : 0) <= 0) {
				if (i + 1 < count || got == count || ms_since(&t0) > TIMEOUT_MS)
					break;
				continue;
			}
			n = recvfrom(rxfd, rx, sizeof(rx), 0, (struct sockaddr *)&from, &fl);
			if (n < 0 || from.sll_pkttype == PACKET_OUTGOING)
				continue;
			frame_build(frame, got, len);
			if (want_dst)
				memcpy(frame, want_dst, 6);
			if (want_src)
				memcpy(frame + 6, want_src, 6);
			if ((size_t)n != len || memcmp(rx, frame, len) != 0) {
				size_t k = 0;

				while (k < (size_t)n && k < len && rx[k] == frame[k])
					k++;
				printf("pktio: frame %u differs: length %zd (want %u), first "
				       "difference at byte %zu: 0x%02x (want 0x%02x)\n", got, n, len,
				       k, k < (size_t)n ? rx[k] : 0, k < len ? frame[k] : 0);
				return 1;
			}
			got++;
		}
	}
	printf("pktio: sent %u, received %u equal frames of %u bytes\n", count, got, len);
	return got == count ? 0 : 1;
}
