/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reorder buffers: a window of size slots indexed by sequence number (the
 * order buffer) in front of a FIFO of packets already in order (the ready
 * buffer). Both arrays follow the header in one allocation, so
 * rte_reorder_init() can place a buffer in caller memory.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_reorder.h>
#include <rte_string_fns.h>

#include "eal_private.h"

#define RTE_REORDER_NAMESIZE 32
#define REORDER_SEQN_DYNFIELD_NAME "rte_reorder_seqn_dynfield"

RTE_LOG_REGISTER(reorder_logtype, lib.reorder, INFO);
#define REORDER_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, reorder_logtype, "REORDER: " fmt "\n", ##__VA_ARGS__)

__rte_export int rte_reorder_seqn_dynfield_offset = -1;

struct rte_reorder_buffer {
	char name[RTE_REORDER_NAMESIZE];
	TAILQ_ENTRY(rte_reorder_buffer) next; /* on reorder_list when created */
	unsigned int memsize;		      /* bytes at this address, arrays included */
	unsigned int size;		      /* slots in each array, a power of two */
	bool started;			      /* min_seqn set by a first insert */
	uint32_t min_seqn;		      /* sequence number of order[order_head] */
	unsigned int order_head;	      /* slot of min_seqn, always < size */
	/* Ready FIFO positions: free-running, taken modulo size, so that
	 * head - tail counts the packets it holds (0 to size). */
	unsigned int ready_head;
	unsigned int ready_tail;
	struct rte_mbuf **order; /* size slots, NULL where a packet is missing */
	struct rte_mbuf **ready; /* size slots */
} __rte_cache_aligned;

static TAILQ_HEAD(, rte_reorder_buffer) reorder_list = TAILQ_HEAD_INITIALIZER(reorder_list);
static pthread_mutex_t reorder_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* The bytes a buffer of size slots needs, or 0 if that passes UINT_MAX. */
static unsigned int
reorder_memsize(unsigned int size)
{
	uint64_t bytes =
		sizeof(struct rte_reorder_buffer) + 2ull * size * sizeof(struct rte_mbuf *);

	return bytes > UINT_MAX ? 0 : (unsigned int)bytes;
}

static int
reorder_args_check(const char *name, unsigned int size)
{
	if (name == NULL) {
		REORDER_LOG(ERR, "reorder buffer name is NULL; pass a name");
		return -EINVAL;
	}
	if (!rte_is_power_of_2(size) || reorder_memsize(size) == 0) {
		REORDER_LOG(ERR,
			    "reorder buffer %s: size %u is not a power of two up to 2^27; "
			    "pick one such as 1024",
			    name, size);
		return -EINVAL;
	}
	return 0;
}

/* Empty both arrays and forget the window's position. */
static void
reorder_state_clear(struct rte_reorder_buffer *b)
{
	memset(b->order, 0, b->size * sizeof(b->order[0]));
	memset(b->ready, 0, b->size * sizeof(b->ready[0]));
	b->started = false;
	b->min_seqn = 0;
	b->order_head = 0;
	b->ready_head = 0;
	b->ready_tail = 0;
}

static void
reorder_mbufs_free(struct rte_reorder_buffer *b)
{
	unsigned int i;

	for (i = 0; i < b->size; i++)
		rte_pktmbuf_free(b->order[i]);
	for (i = b->ready_tail; i != b->ready_head; i++)
		rte_pktmbuf_free(b->ready[i & (b->size - 1)]);
}

__rte_export struct rte_reorder_buffer *
rte_reorder_init(struct rte_reorder_buffer *b, unsigned int bufsize, const char *name,
		 unsigned int size)
{
	static const struct rte_mbuf_dynfield seqn_field = {
		.name = REORDER_SEQN_DYNFIELD_NAME,
		.size = sizeof(rte_reorder_seqn_t),
		.align = __alignof__(rte_reorder_seqn_t),
	};
	int offset;

	if (b == NULL) {
		REORDER_LOG(ERR, "reorder buffer memory is NULL; pass memory or use "
				 "rte_reorder_create()");
		rte_errno = EINVAL;
		return NULL;
	}
	if (reorder_args_check(name, size) < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (bufsize < reorder_memsize(size)) {
		REORDER_LOG(ERR, "reorder buffer %s: %u bytes hold no %u slots; give it %u bytes",
			    name, bufsize, size, reorder_memsize(size));
		rte_errno = EINVAL;
		return NULL;
	}
	/* Registering again returns the same offset. */
	offset = rte_mbuf_dynfield_register(&seqn_field);
	if (offset < 0) {
		REORDER_LOG(ERR,
			    "reorder buffer %s: no room for the sequence number mbuf field "
			    "(%s); register fewer mbuf dynamic fields",
			    name, rte_strerror(rte_errno));
		rte_errno = ENOMEM;
		return NULL;
	}
	rte_reorder_seqn_dynfield_offset = offset;

	memset(b, 0, sizeof(*b));
	strlcpy(b->name, name, sizeof(b->name));
	b->memsize = bufsize;
	b->size = size;
	b->ready = (struct rte_mbuf **)(b + 1);
	b->order = b->ready + size;
	reorder_state_clear(b);
	return b;
}

/* Caller holds reorder_list_lock. */
static struct rte_reorder_buffer *
reorder_list_find(const char *name)
{
	struct rte_reorder_buffer *b;

	TAILQ_FOREACH(b, &reorder_list, next)
	if (strncmp(b->name, name, RTE_REORDER_NAMESIZE) == 0)
		return b;
	return NULL;
}

__rte_export struct rte_reorder_buffer *
rte_reorder_create(const char *name, unsigned socket_id, unsigned int size)
{
	struct rte_reorder_buffer *b, *existing;
	unsigned int bufsize;

	if (reorder_args_check(name, size) < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	bufsize = reorder_memsize(size);
	b = rte_zmalloc_socket("REORDER_BUFFER", bufsize, RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (b == NULL) {
		REORDER_LOG(ERR,
			    "reorder buffer %s: no memory for %u bytes on socket %d; "
			    "reserve more memory (-m) or use a smaller size",
			    name, bufsize, (int)socket_id);
		rte_errno = ENOMEM;
		return NULL;
	}
	if (rte_reorder_init(b, bufsize, name, size) == NULL)
		goto out_free;

	pthread_mutex_lock(&reorder_list_lock);
	existing = reorder_list_find(b->name);
	if (existing == NULL)
		TAILQ_INSERT_TAIL(&reorder_list, b, next);
	pthread_mutex_unlock(&reorder_list_lock);
	if (existing != NULL) {
		/* DPDK hands back the buffer already made under this name. */
		rte_free(b);
		return existing;
	}
	return b;

out_free:
	rte_free(b);
	return NULL;
}

__rte_export struct rte_reorder_buffer *
rte_reorder_find_existing(const char *name)
{
	struct rte_reorder_buffer *b;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&reorder_list_lock);
	b = reorder_list_find(name);
	pthread_mutex_unlock(&reorder_list_lock);
	if (b == NULL)
		rte_errno = ENOENT;
	return b;
}

__rte_export void
rte_reorder_reset(struct rte_reorder_buffer *b)
{
	if (b == NULL)
		return;
	reorder_mbufs_free(b);
	reorder_state_clear(b);
}

__rte_export void
rte_reorder_free(struct rte_reorder_buffer *b)
{
	struct rte_reorder_buffer *it;

	if (b == NULL)
		return;
	pthread_mutex_lock(&reorder_list_lock);
	TAILQ_FOREACH(it, &reorder_list, next)
	if (it == b)
		break;
	if (it != NULL)
		TAILQ_REMOVE(&reorder_list, b, next);
	pthread_mutex_unlock(&reorder_list_lock);
	if (it == NULL)
		return; /* not ours: a buffer from rte_reorder_init() */
	reorder_mbufs_free(b);
	rte_free(b);
}

static bool
reorder_ready_full(const struct rte_reorder_buffer *b)
{
	return b->ready_head - b->ready_tail == b->size;
}

/*
 * Slide the window forward by at least n slots: packets at its head go to
 * the ready buffer, missing ones are given up. Keeps going past n while
 * packets are waiting in order; stops early when the ready buffer is full.
 * Returns how many slots the window moved.
 */
static unsigned int
reorder_window_slide(struct rte_reorder_buffer *b, unsigned int n)
{
	const unsigned int mask = b->size - 1;
	unsigned int moved = 0;
	struct rte_mbuf *m;

	for (;;) {
		m = b->order[b->order_head];
		if (m == NULL && moved >= n)
			break;
		if (m != NULL) {
			if (reorder_ready_full(b))
				break;
			b->ready[b->ready_head & mask] = m;
			b->ready_head++;
			b->order[b->order_head] = NULL;
		}
		b->order_head = (b->order_head + 1) & mask;
		moved++;
	}
	b->min_seqn += moved;
	return moved;
}

__rte_export int
rte_reorder_insert(struct rte_reorder_buffer *b, struct rte_mbuf *mbuf)
{
	rte_reorder_seqn_t seqn;
	uint32_t offset, need;
	unsigned int slot;

	if (b == NULL || mbuf == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	seqn = *rte_reorder_seqn(mbuf);
	if (!b->started) {
		b->min_seqn = seqn;
		b->started = true;
	}
	/* Unsigned distance ahead of the window: sequence numbers wrap, and a
	 * number behind the window comes out huge, i.e. late. */
	offset = seqn - b->min_seqn;
	if (offset >= 2u * b->size) {
		rte_errno = ERANGE;
		return -1;
	}
	if (offset >= b->size) {
		need = offset - b->size + 1;
		if (reorder_window_slide(b, need) < need) {
			rte_errno = ENOSPC;
			return -1;
		}
		offset = seqn - b->min_seqn;
	}
	slot = (b->order_head + offset) & (b->size - 1);
	if (b->order[slot] != NULL) {
		/* A duplicate number: refuse it rather than lose the mbuf held. */
		rte_errno = ERANGE;
		return -1;
	}
	b->order[slot] = mbuf;
	return 0;
}

__rte_export unsigned int
rte_reorder_drain(struct rte_reorder_buffer *b, struct rte_mbuf **mbufs, unsigned max_mbufs)
{
	const unsigned int mask = b->size - 1;
	unsigned int n = 0;

	while (n < max_mbufs && b->ready_tail != b->ready_head) {
		mbufs[n++] = b->ready[b->ready_tail & mask];
		b->ready[b->ready_tail & mask] = NULL;
		b->ready_tail++;
	}
	while (n < max_mbufs && b->order[b->order_head] != NULL) {
		mbufs[n++] = b->order[b->order_head];
		b->order[b->order_head] = NULL;
		b->order_head = (b->order_head + 1) & mask;
		b->min_seqn++;
	}
	return n;
}
