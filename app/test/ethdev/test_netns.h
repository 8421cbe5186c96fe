/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * For the suites that drive a PMD over kernel interfaces (net_af_packet on a
 * veth pair, net_tap): a private network namespace that vanishes with its
 * links when left, 'ip' commands, raw packet sockets, test frames, and the
 * checks for a failed probe.
 */
#ifndef _TEST_NETNS_H_
#define _TEST_NETNS_H_

#include <stddef.h>
#include <stdint.h>

/* Ethertype of the test frames: IEEE local experimental. */
#define TEST_NETNS_ETHERTYPE 0x88b5

/*
 * Move this process into a new network namespace with IPv6 off, so that the
 * kernel sends nothing of its own on new links. *orig_ns gets our namespace
 * for test_netns_leave() (-1 if none was opened). Returns TEST_SUCCESS, or
 * TEST_SKIPPED (logged) without root or namespaces; what names the links
 * made there, for that line.
 */
int test_netns_enter(int *orig_ns, const char *what);

/* Back to orig_ns (if >= 0) and close it: the namespace and its links go. */
void test_netns_leave(int orig_ns);

/* Run /usr/sbin/ip with the arguments up to a NULL; its exit status (logged if not 0). */
int test_netns_ip(const char *arg, ...) __attribute__((sentinel));

/* The interface's IFF_* flags, or -1 if it does not exist. */
int test_netns_if_flags(const char *ifname);

/* Read the interface's MAC address. Returns 0 or -errno. */
int test_netns_if_mac(const char *ifname, uint8_t mac[6]);

/* A non-blocking AF_PACKET socket bound to ifname for every protocol, or -1. */
int test_netns_raw_open(const char *ifname);

/* Send one frame, retrying while the socket is full. Returns 0 or -errno. */
int test_netns_raw_send(int fd, const uint8_t *f, uint32_t len);

/*
 * The next frame of ethertype TEST_NETNS_ETHERTYPE (or also_type, if not 0)
 * the socket receives within ms: its length, or -1.
 */
int test_netns_raw_recv(int fd, uint8_t *buf, size_t len, int ms, uint16_t also_type);

/* A test frame: dst, src, TEST_NETNS_ETHERTYPE, seq (big endian), then bytes from seq. */
void test_netns_frame_build(uint8_t *f, uint32_t len, const uint8_t dst[6],
			    const uint8_t src[6], uint32_t seq);

/*
 * An IPv4/UDP frame of len bytes whose addresses and ports vary with seq, so
 * that flow hashes spread such frames over queues; seq is also at bytes 42-43.
 */
void test_netns_udp_frame_build(uint8_t *f, uint32_t len, const uint8_t dst[6],
				const uint8_t src[6], uint32_t seq);

/*
 * Poll Rx queues 0..nb_q-1 of port (2 s at most) for nb_frames 128-byte frames
 * of test_netns_udp_frame_build(dst, src, seq < nb_frames): each must come
 * once, byte for byte, and every queue must get some. per_q[q] counts them.
 * Returns TEST_SUCCESS or TEST_FAILED.
 */
int test_netns_rx_spread(uint16_t port, uint16_t nb_q, uint32_t nb_frames,
			 const uint8_t dst[6], const uint8_t src[6], uint32_t *per_q);

/*
 * rte_vdev_init(name, args) must fail, log exactly one line containing want,
 * and leave no port and no fd behind. Returns TEST_SUCCESS or TEST_FAILED.
 */
int test_netns_probe_error(const char *name, const char *args, const char *want);

#endif /* _TEST_NETNS_H_ */
