/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packet capture across processes. The primary calls rte_pdump_init(); a
 * secondary asks it, over the "mp_pdump" IPC action, to copy the packets
 * of a port's queues into a ring and mempool of shared memory, and reads
 * the copies from that ring.
 */
#ifndef _RTE_PDUMP_H_
#define _RTE_PDUMP_H_

#include <stdint.h>

#include <rte_compat.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/* BPF filters are not supported: only a NULL program is accepted. */
struct rte_bpf_prm;

/* Queue id meaning every configured queue of the port. */
#define RTE_PDUMP_ALL_QUEUES UINT16_MAX

enum {
	RTE_PDUMP_FLAG_RX = 1,
	RTE_PDUMP_FLAG_TX = 2,
	RTE_PDUMP_FLAG_RXTX = (RTE_PDUMP_FLAG_RX | RTE_PDUMP_FLAG_TX),
	/* copies are pcapng enhanced packet blocks (rte_pcapng_copy) */
	RTE_PDUMP_FLAG_PCAPNG = 4,
};

/*
 * Primary only: reserve the shared statistics and serve capture requests.
 * Returns 0; -1 with rte_errno ENOMEM (no memory for the statistics) or
 * EEXIST (already initialised).
 */
int rte_pdump_init(void);

/* Stop serving requests and release what rte_pdump_init() took. Returns 0. */
int rte_pdump_uninit(void);

/*
 * Secondary only: capture port's queue (or RTE_PDUMP_ALL_QUEUES) in the
 * directions of flags into ring, copies taken from mp. The ring must be
 * multi-producer/multi-consumer and mp must not be single-producer or
 * single-consumer: several lcores of the primary copy at once. filter is
 * ignored, as in DPDK. Returns 0; -1 with rte_errno EINVAL (bad port,
 * flags, ring or mempool; the primary refused: queue, ring or mempool not
 * found), ENOTSUP (unknown flag), EEXIST (that queue is captured already),
 * EPERM (called in the primary) or the IPC's error (no answer).
 */
int rte_pdump_enable(uint16_t port, uint16_t queue, uint32_t flags, struct rte_ring *ring,
		     struct rte_mempool *mp, void *filter);

/*
 * As rte_pdump_enable(), each copy cut to snaplen bytes (0: whole packets).
 * prm must be NULL: -1 with rte_errno ENOTSUP otherwise.
 */
__rte_experimental int rte_pdump_enable_bpf(uint16_t port_id, uint16_t queue, uint32_t flags,
					    uint32_t snaplen, struct rte_ring *ring,
					    struct rte_mempool *mp, const struct rte_bpf_prm *prm);

/* Stop a capture. Returns 0; -1 with rte_errno EINVAL (no such capture) or as above. */
int rte_pdump_disable(uint16_t port, uint16_t queue, uint32_t flags);

/* As rte_pdump_enable() for the port of device name device_id. */
int rte_pdump_enable_by_deviceid(char *device_id, uint16_t queue, uint32_t flags,
				 struct rte_ring *ring, struct rte_mempool *mp, void *filter);

/* As rte_pdump_enable_bpf() for the port of device name device_id. */
__rte_experimental int rte_pdump_enable_bpf_by_deviceid(const char *device_id, uint16_t queue,
							uint32_t flags, uint32_t snaplen,
							struct rte_ring *ring,
							struct rte_mempool *mp,
							const struct rte_bpf_prm *filter);

/* As rte_pdump_disable() for the port of device name device_id. */
int rte_pdump_disable_by_deviceid(char *device_id, uint16_t queue, uint32_t flags);

struct rte_pdump_stats {
	uint64_t accepted; /* packets copied */
	uint64_t filtered; /* packets a filter rejected (always 0: no filters) */
	uint64_t nombuf;   /* copies lost: the mempool was empty */
	uint64_t ringfull; /* copies lost: the ring was full */
	uint64_t reserved[4];
};

/*
 * The capture counters of port, summed over its queues, from either
 * process. Returns 0; a negative errno for a bad port; -1 with rte_errno
 * EINVAL if the primary never called rte_pdump_init().
 */
__rte_experimental int rte_pdump_stats(uint16_t port_id, struct rte_pdump_stats *stats);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PDUMP_H_ */
