/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Writing captured packets in the pcapng file format (the IETF draft
 * "PCAP Next Generation Dump File Format", as libpcap and Wireshark read it).
 *
 * rte_pcapng_fdopen() writes a section header (operating system, hardware,
 * application, comment) and one interface description per ethdev port that
 * exists at that moment: its name, a description, the MAC address, the link
 * speed and nanosecond timestamps. rte_pcapng_copy() turns a packet into a
 * new mbuf that already holds a complete enhanced packet block (header,
 * data, padding, direction flags and queue options, trailing length);
 * rte_pcapng_write_packets() writes such mbufs with one writev() a batch.
 * Copies can be made on any lcore at the same time; one thread writes a
 * file.
 *
 * Timestamps are TSC cycles turned into nanoseconds since the epoch from a
 * base (wall clock, TSC) pair taken when the first file is opened.
 */
#ifndef _RTE_PCAPNG_H_
#define _RTE_PCAPNG_H_

#include <stdint.h>
#include <sys/types.h>

#include <rte_compat.h>
#include <rte_mempool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A capture file being written (opaque). */
typedef struct rte_pcapng rte_pcapng_t;

/*
 * Start a capture file on fd, which must be open for writing: the section
 * header with the optional strings osname, hardware, appname and comment
 * (NULL leaves one out), then an interface block for each ethdev port.
 * The handle owns fd from here on: rte_pcapng_close() closes it.
 *
 * Returns the handle, or NULL with rte_errno set (fd stays open):
 *   EINVAL  a string longer than an option holds (65535 bytes)
 *   ENOMEM  no memory for the handle
 *   other   the errno of the failed write
 */
__rte_experimental rte_pcapng_t *rte_pcapng_fdopen(int fd, const char *osname, const char *hardware,
						   const char *appname, const char *comment);

/* Close the file descriptor and free the handle (NULL is ignored). */
__rte_experimental void rte_pcapng_close(rte_pcapng_t *self);

/* The direction of a packet: the values of the enhanced packet block's
 * flags word (inbound 1, outbound 2). */
enum rte_pcapng_direction {
	RTE_PCAPNG_DIRECTION_UNKNOWN = 0,
	RTE_PCAPNG_DIRECTION_IN = 1,
	RTE_PCAPNG_DIRECTION_OUT = 2,
};

/*
 * Copy at most length bytes of m (UINT32_MAX: all of it), from the pool mp,
 * into a new mbuf chain formatted as an enhanced packet block of port_id and
 * queue with the time cycles (a TSC value, rte_get_tsc_cycles()) and the
 * direction. A VLAN or QinQ tag the NIC stripped (Rx) or is to insert (Tx)
 * is put back in the copy. m itself is not changed.
 *
 * Returns the copy, or NULL with rte_errno set: ENOBUFS when mp is empty,
 * EINVAL for a bad direction, ENOSPC when mp's mbufs have too little room
 * (see rte_pcapng_mbuf_size()).
 */
__rte_experimental struct rte_mbuf *
rte_pcapng_copy(uint16_t port_id, uint32_t queue, const struct rte_mbuf *m, struct rte_mempool *mp,
		uint32_t length, uint64_t cycles, enum rte_pcapng_direction direction);

/* The data room size of a pool's mbufs (the data_room_size argument of
 * rte_pktmbuf_pool_create()) for which rte_pcapng_copy() of a packet of up
 * to length bytes fits in a single mbuf. */
__rte_experimental uint32_t rte_pcapng_mbuf_size(uint32_t length);

/*
 * Write nb_pkts copies made by rte_pcapng_copy() to the file. The mbufs
 * stay the caller's to free. Only such copies may be passed: an mbuf that
 * does not hold an enhanced packet block is refused before anything is
 * written.
 *
 * Returns the number of bytes written, or -1 with rte_errno set: EINVAL
 * for an mbuf that is not a pcapng copy or whose port has no interface in
 * the file, else the errno of the failed write.
 */
__rte_experimental ssize_t rte_pcapng_write_packets(rte_pcapng_t *self, struct rte_mbuf *pkts[],
						    uint16_t nb_pkts);

/*
 * Write an interface statistics block for port: the optional comment,
 * start_time and end_time in nanoseconds since the epoch (0: unknown),
 * ifrecv packets received and ifdrop packets dropped (UINT64_MAX:
 * unknown). Typically written once, before rte_pcapng_close().
 *
 * Returns the number of bytes written; -EINVAL for a port that has no
 * interface in the file or a comment too long; -1 with rte_errno set when
 * the write fails.
 */
__rte_experimental ssize_t rte_pcapng_write_stats(rte_pcapng_t *self, uint16_t port,
						  const char *comment, uint64_t start_time,
						  uint64_t end_time, uint64_t ifrecv,
						  uint64_t ifdrop);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCAPNG_H_ */
