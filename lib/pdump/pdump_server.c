/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The primary's side of capture: it serves "mp_pdump" requests by adding
 * Rx/Tx callbacks that copy each burst into the requester's ring. A
 * forwarding lcore pays for a copy only while a capture is on its queue.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>
#include <rte_pause.h>
#include <rte_pcapng.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "pdump_private.h"

RTE_LOG_REGISTER(pdump_logtype, lib.pdump, NOTICE);

static_assert(sizeof(struct pdump_request) <= RTE_MP_MAX_PARAM_LEN,
	      "a capture request must fit one IPC message");
static_assert(sizeof(struct pdump_response) <= RTE_MP_MAX_PARAM_LEN,
	      "a capture answer must fit one IPC message");

/*
 * One capture of one queue in one direction. Only the IPC thread writes
 * the configuration; the queue's lcore reads it in the callback.
 */
struct pdump_slot {
	const struct rte_eth_rxtx_callback *cb; /* linked while capturing */
	/* unlinked at the last disable; freed at the next one, when no burst
	 * can be running it any more */
	struct rte_eth_rxtx_callback *retired;
	struct rte_ring *ring;
	struct rte_mempool *mp;
	uint32_t snaplen;
	bool pcapng;
	pid_t owner;
	struct rte_pdump_stats *stats;
	int active; /* seq_cst: written by enable/disable, read by the callback */
	int busy;   /* seq_cst: bursts inside the callback now */
};

static struct pdump_slot rx_slots[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
static struct pdump_slot tx_slots[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
static const struct rte_memzone *stats_mz;

/* Copies of at most this many packets are enqueued at once (a bounded stack array). */
#define PDUMP_COPY_BURST 64

static void
pdump_burst_copy(struct pdump_slot *s, uint16_t port, uint16_t queue, enum rte_pcapng_direction dir,
		 struct rte_mbuf **pkts, uint16_t nb)
{
	struct rte_mbuf *copies[PDUMP_COPY_BURST];
	uint64_t now = rte_get_tsc_cycles();
	unsigned int n = 0, sent, room, nombuf = 0;
	uint16_t i;

	/*
	 * A copy the ring has no room for would be made only to be freed: when
	 * the capture falls behind, the packets beyond the free slots are
	 * counted as ring-full drops without touching the pool. The count is a
	 * lower bound of the room (other queues may enqueue meanwhile), so the
	 * enqueue below can still fall short.
	 */
	room = rte_ring_free_count(s->ring);
	if (room < nb) {
		__atomic_fetch_add(&s->stats->ringfull, nb - room, __ATOMIC_RELAXED);
		nb = (uint16_t)room;
	}
	for (i = 0; i < nb; i++) {
		struct rte_mbuf *c = s->pcapng ? rte_pcapng_copy(port, queue, pkts[i], s->mp,
								 s->snaplen, now, dir)
					       : rte_pktmbuf_copy(pkts[i], s->mp, 0, s->snaplen);

		if (c == NULL)
			nombuf++;
		else
			copies[n++] = c;
	}
	if (nombuf != 0)
		__atomic_fetch_add(&s->stats->nombuf, nombuf, __ATOMIC_RELAXED);
	if (n == 0)
		return;
	sent = rte_ring_enqueue_burst(s->ring, (void **)copies, n, NULL);
	__atomic_fetch_add(&s->stats->accepted, sent, __ATOMIC_RELAXED);
	if (sent < n) {
		__atomic_fetch_add(&s->stats->ringfull, n - sent, __ATOMIC_RELAXED);
		rte_pktmbuf_free_bulk(&copies[sent], n - sent);
	}
}

/* Runs the copy unless a disable has begun; see pdump_slot_quiesce(). */
static void
pdump_slot_run(struct pdump_slot *s, uint16_t port, uint16_t queue, enum rte_pcapng_direction dir,
	       struct rte_mbuf **pkts, uint16_t nb)
{
	__atomic_fetch_add(&s->busy, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&s->active, __ATOMIC_SEQ_CST))
		for (unsigned int done = 0; done < nb; done += PDUMP_COPY_BURST)
			pdump_burst_copy(
				s, port, queue, dir, &pkts[done],
				RTE_MIN((uint16_t)(nb - done), (uint16_t)PDUMP_COPY_BURST));
	/* release: the copy's reads of ring and mp are done before the disable sees 0 */
	__atomic_fetch_sub(&s->busy, 1, __ATOMIC_RELEASE);
}

static uint16_t
pdump_rx_cb(uint16_t port, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb,
	    uint16_t max __rte_unused, void *arg)
{
	pdump_slot_run(arg, port, queue, RTE_PCAPNG_DIRECTION_IN, pkts, nb);
	return nb;
}

static uint16_t
pdump_tx_cb(uint16_t port, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb, void *arg)
{
	pdump_slot_run(arg, port, queue, RTE_PCAPNG_DIRECTION_OUT, pkts, nb);
	return nb;
}

/*
 * Wait until no burst uses the slot's ring and mempool: the requester frees
 * them once the disable is answered. A burst either saw active == 0 or is
 * counted in busy (both seq_cst), so this loop ends within one burst.
 */
static void
pdump_slot_quiesce(struct pdump_slot *s)
{
	__atomic_store_n(&s->active, 0, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&s->busy, __ATOMIC_SEQ_CST) != 0)
		rte_pause();
}

static int
pdump_slot_disable(struct pdump_slot *s, uint16_t port, uint16_t queue, bool rx)
{
	int ret;

	if (s->cb == NULL) {
		PDUMP_LOG(ERR, "port %u %s queue %u is not captured: nothing to disable", port,
			  rx ? "Rx" : "Tx", queue);
		return -EINVAL;
	}
	pdump_slot_quiesce(s);
	ret = rx ? rte_eth_remove_rx_callback(port, queue, s->cb)
		 : rte_eth_remove_tx_callback(port, queue, s->cb);
	if (ret != 0)
		PDUMP_LOG(ERR, "port %u %s queue %u: cannot remove the capture callback: %s", port,
			  rx ? "Rx" : "Tx", queue, strerror(-ret));
	rte_free(s->retired);
	s->retired = (struct rte_eth_rxtx_callback *)(uintptr_t)s->cb;
	s->cb = NULL;
	return ret;
}

/* A capture whose requester has exited can be taken over. */
static bool
pdump_slot_orphaned(const struct pdump_slot *s)
{
	return s->owner > 0 && kill(s->owner, 0) != 0 && errno == ESRCH;
}

struct pdump_target {
	uint16_t port;
	struct rte_ring *ring;
	struct rte_mempool *mp;
	const struct pdump_request *req;
	struct pdump_stats_table *stats;
};

static int
pdump_slot_enable(const struct pdump_target *t, uint16_t queue, bool rx)
{
	struct pdump_slot *s = rx ? &rx_slots[t->port][queue] : &tx_slots[t->port][queue];
	const char *dir = rx ? "Rx" : "Tx";

	if (s->cb != NULL) {
		/* pdump_request_apply() refused a capture whose owner lives */
		PDUMP_LOG(NOTICE,
			  "port %u %s queue %u: process %d capturing it has exited; "
			  "taking its capture over",
			  t->port, dir, queue, (int)s->owner);
		pdump_slot_quiesce(s);
	}
	s->ring = t->ring;
	s->mp = t->mp;
	s->snaplen = t->req->snaplen;
	s->pcapng = (t->req->flags & RTE_PDUMP_FLAG_PCAPNG) != 0;
	s->owner = t->req->pid;
	s->stats = rx ? &t->stats->rx[t->port][queue] : &t->stats->tx[t->port][queue];
	memset(s->stats, 0, sizeof(*s->stats));
	if (s->cb == NULL) {
		s->cb = rx ? rte_eth_add_first_rx_callback(t->port, queue, pdump_rx_cb, s)
			   : rte_eth_add_tx_callback(t->port, queue, pdump_tx_cb, s);
		if (s->cb == NULL) {
			PDUMP_LOG(ERR, "port %u %s queue %u: cannot add the capture callback: %s",
				  t->port, dir, queue, rte_strerror(rte_errno));
			return -rte_errno;
		}
	}
	/* seq_cst: the configuration above is visible before a burst sees active */
	__atomic_store_n(&s->active, 1, __ATOMIC_SEQ_CST);
	return 0;
}

/* Looks the request's names up; the request is untrusted. */
static int
pdump_target_resolve(const struct pdump_request *req, struct pdump_target *t)
{
	char name[RTE_DEV_NAME_MAX_LEN];

	memset(t, 0, sizeof(*t));
	if (stats_mz == NULL)
		return -ENODEV; /* a request that crossed rte_pdump_uninit() */
	t->req = req;
	t->stats = stats_mz->addr;
	memcpy(name, req->device, sizeof(name));
	name[sizeof(name) - 1] = '\0';
	if (rte_eth_dev_get_port_by_name(name, &t->port) != 0) {
		PDUMP_LOG(ERR, "no port named '%s' to capture", name);
		return -EINVAL;
	}
	if (req->op == PDUMP_OP_DISABLE)
		return 0;
	if (memchr(req->ring, '\0', sizeof(req->ring)) == NULL ||
	    memchr(req->mempool, '\0', sizeof(req->mempool)) == NULL)
		return -EINVAL;
	t->ring = rte_ring_lookup(req->ring);
	t->mp = rte_mempool_lookup(req->mempool);
	if (t->ring == NULL || t->mp == NULL) {
		PDUMP_LOG(ERR, "capture of '%s': no ring '%s' or no mempool '%s' in shared memory",
			  name, req->ring, req->mempool);
		return -EINVAL;
	}
	if (rte_ring_is_prod_single(t->ring) ||
	    (t->mp->flags & (RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET)) != 0) {
		PDUMP_LOG(ERR,
			  "capture of '%s': ring '%s' and mempool '%s' must be "
			  "multi-producer",
			  name, req->ring, req->mempool);
		return -EINVAL;
	}
	return 0;
}

static int
pdump_request_apply(const struct pdump_request *req)
{
	uint16_t nb_q[2], q, first, end;
	struct rte_eth_dev_info info;
	struct pdump_target t;
	int dir, ret;

	if (req->version != PDUMP_REQUEST_VERSION ||
	    (req->op != PDUMP_OP_ENABLE && req->op != PDUMP_OP_DISABLE) ||
	    (req->flags & RTE_PDUMP_FLAG_RXTX) == 0 ||
	    (req->flags & ~(uint32_t)(RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG)) != 0) {
		PDUMP_LOG(ERR,
			  "malformed capture request (version %u, op %u, flags %#x): "
			  "is the capturing tool from this build?",
			  req->version, req->op, req->flags);
		return -EINVAL;
	}
	ret = pdump_target_resolve(req, &t);
	if (ret != 0)
		return ret;
	ret = rte_eth_dev_info_get(t.port, &info);
	if (ret != 0)
		return ret;
	nb_q[0] = info.nb_rx_queues;
	nb_q[1] = info.nb_tx_queues;
	for (dir = 0; dir < 2; dir++) {
		bool rx = dir == 0;

		if ((req->flags & (rx ? RTE_PDUMP_FLAG_RX : RTE_PDUMP_FLAG_TX)) == 0)
			continue;
		first = req->queue == RTE_PDUMP_ALL_QUEUES ? 0 : req->queue;
		end = req->queue == RTE_PDUMP_ALL_QUEUES ? nb_q[dir] : req->queue + 1;
		if (end > nb_q[dir] || first >= end) {
			PDUMP_LOG(ERR, "port %u has %u %s queue(s): cannot capture queue %u",
				  t.port, nb_q[dir], rx ? "Rx" : "Tx", req->queue);
			return -EINVAL;
		}
		/* refuse before changing anything: a request applies whole or not at all */
		for (q = first; req->op == PDUMP_OP_ENABLE && q < end; q++) {
			const struct pdump_slot *s =
				rx ? &rx_slots[t.port][q] : &tx_slots[t.port][q];

			if (s->cb != NULL && !pdump_slot_orphaned(s)) {
				PDUMP_LOG(ERR,
					  "port %u %s queue %u is captured already (by process "
					  "%d): stop that capture first",
					  t.port, rx ? "Rx" : "Tx", q, (int)s->owner);
				return -EEXIST;
			}
		}
		for (q = first; q < end; q++) {
			ret = req->op == PDUMP_OP_ENABLE
				      ? pdump_slot_enable(&t, q, rx)
				      : pdump_slot_disable(rx ? &rx_slots[t.port][q]
							      : &tx_slots[t.port][q],
							   t.port, q, rx);
			if (ret != 0)
				return ret;
		}
	}
	return 0;
}

static int
pdump_action(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg answer;
	struct pdump_response *res = (struct pdump_response *)answer.param;
	struct pdump_request req;

	memset(&answer, 0, sizeof(answer));
	if (msg->len_param != (int)sizeof(req)) {
		PDUMP_LOG(ERR,
			  "capture request of %d bytes, want %zu: is the capturing tool "
			  "from this build?",
			  msg->len_param, sizeof(req));
		res->err = -EINVAL;
	} else {
		/* one copy: the checks and the use read the same bytes */
		memcpy(&req, msg->param, sizeof(req));
		res->version = req.version;
		res->op = req.op;
		res->err = pdump_request_apply(&req);
	}
	strlcpy(answer.name, PDUMP_MP_ACTION, sizeof(answer.name));
	answer.len_param = sizeof(*res);
	if (rte_mp_reply(&answer, peer) < 0) {
		PDUMP_LOG(ERR, "cannot answer a capture request: %s", rte_strerror(rte_errno));
		return -1;
	}
	return 0;
}

__rte_export int
rte_pdump_init(void)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		PDUMP_LOG(ERR, "rte_pdump_init() is for the primary process; a secondary "
			       "captures with rte_pdump_enable()");
		rte_errno = EPERM;
		return -1;
	}
	if (stats_mz != NULL) {
		rte_errno = EEXIST;
		return -1;
	}
	stats_mz = rte_memzone_reserve(PDUMP_STATS_MZ, sizeof(struct pdump_stats_table),
				       (int)rte_socket_id(), 0);
	if (stats_mz == NULL) {
		PDUMP_LOG(ERR,
			  "no memory for the capture statistics (%zu kB): give the EAL more "
			  "with -m",
			  sizeof(struct pdump_stats_table) / 1024);
		rte_errno = ENOMEM;
		return -1;
	}
	memset(stats_mz->addr, 0, sizeof(struct pdump_stats_table));
	/* ENOTSUP: multi-process is off (--in-memory...); nobody can ask */
	if (rte_mp_action_register(PDUMP_MP_ACTION, pdump_action) != 0 && rte_errno != ENOTSUP) {
		int err = rte_errno;

		rte_memzone_free(stats_mz);
		stats_mz = NULL;
		rte_errno = err;
		return -1;
	}
	return 0;
}

static void
pdump_slots_release(struct pdump_slot slots[][RTE_MAX_QUEUES_PER_PORT], bool rx)
{
	uint16_t port, q;

	for (port = 0; port < RTE_MAX_ETHPORTS; port++)
		for (q = 0; q < RTE_MAX_QUEUES_PER_PORT; q++) {
			struct pdump_slot *s = &slots[port][q];

			if (s->cb != NULL)
				pdump_slot_disable(s, port, q, rx);
			rte_free(s->retired);
			memset(s, 0, sizeof(*s));
		}
}

__rte_export int
rte_pdump_uninit(void)
{
	rte_mp_action_unregister(PDUMP_MP_ACTION);
	if (stats_mz == NULL)
		return 0;
	pdump_slots_release(rx_slots, true);
	pdump_slots_release(tx_slots, false);
	rte_memzone_free(stats_mz);
	stats_mz = NULL;
	return 0;
}

struct pdump_stats_table *
pdump_stats_table_get(void)
{
	static const struct rte_memzone *found;

	if (stats_mz != NULL)
		return stats_mz->addr;
	if (rte_eal_process_type() != RTE_PROC_SECONDARY)
		return NULL;
	if (found == NULL)
		found = rte_memzone_lookup(PDUMP_STATS_MZ);
	return found != NULL ? found->addr : NULL;
}
