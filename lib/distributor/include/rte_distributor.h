/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packet distributor, DPDK 22.11's API: one distributor lcore hands
 * packets out to worker lcores in bursts, keeping the flow order: while a
 * packet with a given tag (mbuf->hash.usr) is held by a worker or waits
 * for one, every packet with that tag goes to the same worker. Workers
 * hand their processed packets back, and the distributor lcore collects
 * them with rte_distributor_returned_pkts().
 *
 * rte_distributor_process, _returned_pkts, _flush and _clear_returns
 * belong to the distributor lcore; the worker calls belong to the lcore
 * that owns worker_id. One owner each, as in DPDK.
 */
#ifndef _RTE_DISTRIBUTOR_H_
#define _RTE_DISTRIBUTOR_H_

#ifdef __cplusplus
extern "C" {
#endif

enum rte_distributor_alg_type {
	RTE_DIST_ALG_BURST = 0, /* bursts of up to 8 packets a worker */
	RTE_DIST_ALG_SINGLE,	/* one packet at a time */
	RTE_DIST_NUM_ALG_TYPES
};

struct rte_distributor;
struct rte_mbuf;

/*
 * A distributor for num_workers workers (1..64). Returns NULL and sets
 * rte_errno: EINVAL (no name, a bad worker count or algorithm), EEXIST
 * (the name is taken), ENOMEM.
 */
struct rte_distributor *rte_distributor_create(const char *name, unsigned int socket_id,
					       unsigned int num_workers, unsigned int alg_type);

/*
 * Hand out num_mbufs packets (0: only collect what workers returned and
 * feed waiting workers). Waits for workers while the packets of a flow
 * are queued up for a busy one. Returns the number of packets taken.
 */
int rte_distributor_process(struct rte_distributor *d, struct rte_mbuf **mbufs,
			    unsigned int num_mbufs);

/* Up to max_mbufs of the packets workers returned, oldest first; count. */
int rte_distributor_returned_pkts(struct rte_distributor *d, struct rte_mbuf **mbufs,
				  unsigned int max_mbufs);

/* Process until every packet handed in went to a worker and every worker
 * that has work asked for more. Returns the number of packets flushed. */
int rte_distributor_flush(struct rte_distributor *d);

/* Forget the returned packets not yet collected (they are not freed). */
void rte_distributor_clear_returns(struct rte_distributor *d);

/*
 * Worker: hand back retcount processed packets (oldpkt) and wait for new
 * ones. Returns how many were put in pkts (up to 8; 1 with SINGLE).
 */
int rte_distributor_get_pkt(struct rte_distributor *d, unsigned int worker_id,
			    struct rte_mbuf **pkts, struct rte_mbuf **oldpkt,
			    unsigned int retcount);

/* Worker: hand back num packets and leave (no more packets come to it).
 * Returns 0, or -EINVAL for a bad worker_id or count. */
int rte_distributor_return_pkt(struct rte_distributor *d, unsigned int worker_id,
			       struct rte_mbuf **oldpkt, int num);

/* Worker: hand back count packets and ask for more, without waiting. */
void rte_distributor_request_pkt(struct rte_distributor *d, unsigned int worker_id,
				 struct rte_mbuf **oldpkt, unsigned int count);

/* Worker: the packets asked for by rte_distributor_request_pkt, into
 * mbufs: their count, or -1 (BURST) / 0 (SINGLE) when none came yet. */
int rte_distributor_poll_pkt(struct rte_distributor *d, unsigned int worker_id,
			     struct rte_mbuf **mbufs);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DISTRIBUTOR_H_ */
