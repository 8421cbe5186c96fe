/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The distributor and its workers meet in two single-producer slots a
 * worker: the worker writes its request (packets handed back, and whether
 * it wants more or leaves) into one, the distributor writes the next
 * burst into the other; each slot's word is stored with release after its
 * packets and loaded with acquire before them. Everything else (which
 * tags each worker holds, the packets queued up for it, the returns) is
 * the distributor lcore's alone.
 *
 * Flow order: a packet whose tag a worker holds (in the burst it works
 * on, or queued up for it) goes to that worker; any other goes to the
 * active worker with the least work.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_distributor.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_pause.h>
#include <rte_string_fns.h>

#include "eal_private.h"

RTE_LOG_REGISTER(dist_logtype, lib.distributor, INFO);
#define DIST_LOG(level, ...) rte_log(RTE_LOG_##level, dist_logtype, "DISTRIBUTOR: " __VA_ARGS__)
#define DIST_NAMESIZE 32
#define DIST_MAX_WORKERS 64
#define DIST_BURST 8
/* Packets queued up for one worker beyond the burst it holds. */
#define DIST_BACKLOG 8
/* Returned packets kept for rte_distributor_returned_pkts (a power of 2). */
#define DIST_RETURNS 128

enum dist_req { DIST_REQ_NONE, DIST_REQ_MORE, DIST_REQ_LEAVE };

/* Written by the worker, read by the distributor. */
struct dist_request {
	atomic_uint req; /* enum dist_req; NONE once the distributor took it */
	unsigned int nret;
	struct rte_mbuf *ret[DIST_BURST];
} __rte_cache_aligned;

/* Written by the distributor, read by the worker. */
struct dist_burst {
	atomic_uint count; /* packets ready; 0 once the worker took them */
	struct rte_mbuf *bufs[DIST_BURST];
} __rte_cache_aligned;

/* The distributor lcore's view of one worker. */
struct dist_worker_state {
	bool active;  /* has not left */
	bool waiting; /* asked for packets and got none since */
	unsigned int nbusy;
	uint32_t busy_tags[DIST_BURST]; /* tags of the burst it holds */
	unsigned int nback;
	struct rte_mbuf *backlog[DIST_BACKLOG];
};

struct rte_distributor {
	TAILQ_ENTRY(rte_distributor) next;
	char name[DIST_NAMESIZE];
	unsigned int num_workers;
	unsigned int burst; /* 8, or 1 for RTE_DIST_ALG_SINGLE */
	unsigned int ret_start, ret_count;
	struct rte_mbuf *returns[DIST_RETURNS];
	struct dist_worker_state state[DIST_MAX_WORKERS];
	struct dist_request request[DIST_MAX_WORKERS];
	struct dist_burst given[DIST_MAX_WORKERS];
};

static TAILQ_HEAD(, rte_distributor) dist_list = TAILQ_HEAD_INITIALIZER(dist_list);
static pthread_mutex_t dist_list_lock = PTHREAD_MUTEX_INITIALIZER;

__rte_export struct rte_distributor *
rte_distributor_create(const char *name, unsigned int socket_id, unsigned int num_workers,
		       unsigned int alg_type)
{
	struct rte_distributor *d;
	unsigned int w;

	if (name == NULL || name[0] == '\0' || strlen(name) >= DIST_NAMESIZE || num_workers == 0 ||
	    num_workers > DIST_MAX_WORKERS || alg_type >= RTE_DIST_NUM_ALG_TYPES) {
		DIST_LOG(ERR,
			 "invalid arguments: a name of 1..%d characters, 1..%d workers and "
			 "RTE_DIST_ALG_BURST or RTE_DIST_ALG_SINGLE are needed\n",
			 DIST_NAMESIZE - 1, DIST_MAX_WORKERS);
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&dist_list_lock);
	TAILQ_FOREACH(d, &dist_list, next)
	{
		if (strcmp(d->name, name) == 0) {
			pthread_mutex_unlock(&dist_list_lock);
			DIST_LOG(ERR, "'%s' exists already: pick another name\n", name);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	d = rte_zmalloc_socket(name, sizeof(*d), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (d == NULL) {
		pthread_mutex_unlock(&dist_list_lock);
		rte_errno = ENOMEM;
		return NULL;
	}
	strlcpy(d->name, name, sizeof(d->name));
	d->num_workers = num_workers;
	d->burst = alg_type == RTE_DIST_ALG_SINGLE ? 1 : DIST_BURST;
	for (w = 0; w < num_workers; w++)
		d->state[w].active = true;
	TAILQ_INSERT_TAIL(&dist_list, d, next);
	pthread_mutex_unlock(&dist_list_lock);
	return d;
}

/* Keep a returned packet; when full the oldest is overwritten, as in DPDK. */
static void
dist_return_store(struct rte_distributor *d, struct rte_mbuf *m)
{
	d->returns[(d->ret_start + d->ret_count) & (DIST_RETURNS - 1)] = m;
	if (d->ret_count == DIST_RETURNS)
		d->ret_start = (d->ret_start + 1) & (DIST_RETURNS - 1);
	else
		d->ret_count++;
}

static bool
dist_worker_holds(const struct dist_worker_state *s, uint32_t tag)
{
	unsigned int i;

	for (i = 0; i < s->nbusy; i++)
		if (s->busy_tags[i] == tag)
			return true;
	for (i = 0; i < s->nback; i++)
		if (s->backlog[i]->hash.usr == tag)
			return true;
	return false;
}

/* Take in what the workers handed back; a worker that left leaves its
 * queued packets in orphans (up to DIST_BACKLOG a leaver). */
static unsigned int
dist_collect(struct rte_distributor *d, struct rte_mbuf **orphans)
{
	unsigned int w, i, norphans = 0;

	for (w = 0; w < d->num_workers; w++) {
		struct dist_request *r = &d->request[w];
		struct dist_worker_state *s = &d->state[w];
		unsigned int req = atomic_load_explicit(&r->req, memory_order_acquire);

		if (req == DIST_REQ_NONE)
			continue;
		for (i = 0; i < r->nret; i++)
			dist_return_store(d, r->ret[i]);
		s->nbusy = 0;
		if (req == DIST_REQ_LEAVE) {
			s->active = false;
			s->waiting = false;
			for (i = 0; i < s->nback; i++)
				orphans[norphans++] = s->backlog[i];
			s->nback = 0;
		} else {
			s->waiting = true;
		}
		/* the slot is free for the worker's next request */
		atomic_store_explicit(&r->req, DIST_REQ_NONE, memory_order_release);
	}
	return norphans;
}

/* Give each waiting worker the packets queued up for it. */
static void
dist_give(struct rte_distributor *d)
{
	unsigned int w, i, n;

	for (w = 0; w < d->num_workers; w++) {
		struct dist_worker_state *s = &d->state[w];
		struct dist_burst *b = &d->given[w];

		if (!s->waiting || s->nback == 0)
			continue;
		n = RTE_MIN(s->nback, d->burst);
		for (i = 0; i < n; i++) {
			b->bufs[i] = s->backlog[i];
			s->busy_tags[i] = s->backlog[i]->hash.usr;
		}
		s->nbusy = n;
		s->nback -= n;
		memmove(s->backlog, s->backlog + n, s->nback * sizeof(s->backlog[0]));
		s->waiting = false;
		/* the worker reads bufs after it sees count */
		atomic_store_explicit(&b->count, n, memory_order_release);
	}
}

/* The worker that must take m, or the least busy one; -1 when none is active. */
static int
dist_pick(const struct rte_distributor *d, uint32_t tag)
{
	unsigned int w, load, best_load = UINT32_MAX;
	int best = -1;

	for (w = 0; w < d->num_workers; w++) {
		const struct dist_worker_state *s = &d->state[w];

		if (!s->active)
			continue;
		if (dist_worker_holds(s, tag))
			return (int)w;
		/* a waiting worker with nothing queued is the best choice */
		load = s->nbusy + s->nback + (s->waiting ? 0 : 1);
		if (load < best_load) {
			best_load = load;
			best = (int)w;
		}
	}
	return best;
}

/* Queue m for its worker, waiting for room. Returns 0, or -1 when no worker is left. */
static int
dist_assign(struct rte_distributor *d, struct rte_mbuf *m)
{
	struct rte_mbuf *orphans[DIST_MAX_WORKERS * DIST_BACKLOG];
	unsigned int i, n;

	for (;;) {
		int w = dist_pick(d, m->hash.usr);
		struct dist_worker_state *s;

		if (w < 0)
			return -1;
		s = &d->state[w];
		if (s->nback < DIST_BACKLOG) {
			s->backlog[s->nback++] = m;
			return 0;
		}
		/* its queue is full: feed the workers until it drains */
		n = dist_collect(d, orphans);
		for (i = 0; i < n; i++)
			if (dist_assign(d, orphans[i]) != 0)
				dist_return_store(d, orphans[i]); /* no worker left for it */
		dist_give(d);
		rte_pause();
	}
}

/* Collect, re-home what leavers left behind, and feed the workers. */
static void
dist_poll(struct rte_distributor *d)
{
	struct rte_mbuf *orphans[DIST_MAX_WORKERS * DIST_BACKLOG];
	unsigned int i, n = dist_collect(d, orphans);

	for (i = 0; i < n; i++)
		if (dist_assign(d, orphans[i]) != 0)
			dist_return_store(d, orphans[i]);
	dist_give(d);
}

__rte_export int
rte_distributor_process(struct rte_distributor *d, struct rte_mbuf **mbufs, unsigned int num_mbufs)
{
	unsigned int i;

	if (d == NULL || (num_mbufs > 0 && mbufs == NULL))
		return 0;
	dist_poll(d);
	for (i = 0; i < num_mbufs; i++)
		if (dist_assign(d, mbufs[i]) != 0)
			break;
	dist_give(d);
	return (int)i;
}

__rte_export int
rte_distributor_returned_pkts(struct rte_distributor *d, struct rte_mbuf **mbufs,
			      unsigned int max_mbufs)
{
	unsigned int i, n;

	if (d == NULL || mbufs == NULL)
		return 0;
	n = RTE_MIN(max_mbufs, d->ret_count);
	for (i = 0; i < n; i++)
		mbufs[i] = d->returns[(d->ret_start + i) & (DIST_RETURNS - 1)];
	d->ret_start = (d->ret_start + n) & (DIST_RETURNS - 1);
	d->ret_count -= n;
	return (int)n;
}

/* Packets queued, or held by a worker that has not asked again. */
static unsigned int
dist_pending(const struct rte_distributor *d)
{
	unsigned int w, n = 0;

	for (w = 0; w < d->num_workers; w++)
		if (d->state[w].active)
			n += d->state[w].nback + d->state[w].nbusy;
	return n;
}

__rte_export int
rte_distributor_flush(struct rte_distributor *d)
{
	unsigned int w, flushed = 0;

	if (d == NULL)
		return 0;
	for (w = 0; w < d->num_workers; w++)
		flushed += d->state[w].nback;
	while (dist_pending(d) > 0) {
		dist_poll(d);
		rte_pause();
	}
	return (int)flushed;
}

__rte_export void
rte_distributor_clear_returns(struct rte_distributor *d)
{
	if (d == NULL)
		return;
	d->ret_start = 0;
	d->ret_count = 0;
}

/* Hand back count packets with req; false (logged) for bad arguments. */
static bool
dist_worker_request(struct rte_distributor *d, unsigned int worker_id, struct rte_mbuf **oldpkt,
		    unsigned int count, enum dist_req req)
{
	struct dist_request *r;
	unsigned int i;

	if (d == NULL || worker_id >= d->num_workers || count > DIST_BURST ||
	    (count > 0 && oldpkt == NULL)) {
		DIST_LOG(ERR,
			 "worker %u: bad request (%u packets back; at most %d, and worker ids "
			 "below the worker count)\n",
			 worker_id, count, DIST_BURST);
		return false;
	}
	r = &d->request[worker_id];
	/* the previous request is taken before the burst it asked for is given */
	while (atomic_load_explicit(&r->req, memory_order_acquire) != DIST_REQ_NONE)
		rte_pause();
	for (i = 0; i < count; i++)
		r->ret[i] = oldpkt[i];
	r->nret = count;
	atomic_store_explicit(&r->req, req, memory_order_release);
	return true;
}

__rte_export void
rte_distributor_request_pkt(struct rte_distributor *d, unsigned int worker_id,
			    struct rte_mbuf **oldpkt, unsigned int count)
{
	dist_worker_request(d, worker_id, oldpkt, count, DIST_REQ_MORE);
}

__rte_export int
rte_distributor_poll_pkt(struct rte_distributor *d, unsigned int worker_id, struct rte_mbuf **mbufs)
{
	struct dist_burst *b;
	unsigned int i, n;

	if (d == NULL || worker_id >= d->num_workers || mbufs == NULL)
		return -EINVAL;
	b = &d->given[worker_id];
	n = atomic_load_explicit(&b->count, memory_order_acquire);
	if (n == 0)
		return d->burst == 1 ? 0 : -1;
	for (i = 0; i < n; i++)
		mbufs[i] = b->bufs[i];
	atomic_store_explicit(&b->count, 0, memory_order_release);
	return (int)n;
}

__rte_export int
rte_distributor_get_pkt(struct rte_distributor *d, unsigned int worker_id, struct rte_mbuf **pkts,
			struct rte_mbuf **oldpkt, unsigned int retcount)
{
	int n;

	if (pkts == NULL || !dist_worker_request(d, worker_id, oldpkt, retcount, DIST_REQ_MORE))
		return -EINVAL;
	while ((n = rte_distributor_poll_pkt(d, worker_id, pkts)) <= 0)
		rte_pause();
	return n;
}

__rte_export int
rte_distributor_return_pkt(struct rte_distributor *d, unsigned int worker_id,
			   struct rte_mbuf **oldpkt, int num)
{
	if (num < 0 ||
	    !dist_worker_request(d, worker_id, oldpkt, (unsigned int)num, DIST_REQ_LEAVE))
		return -EINVAL;
	return 0;
}
