/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ring control path: sizing, creation in a memzone, the list of created
 * rings for lookup by name, reset, free and dump. The data path is inline
 * in rte_ring_elem_pvt.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <pthread.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_eal_memconfig.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_tailq.h>
#include <rte_string_fns.h>
#include <rte_ring.h>

#define __rte_export __attribute__((visibility("default")))

#define RING_LOG(level, ...) RTE_LOG(level, RING, __VA_ARGS__)

/* Flags this implementation accepts. */
#define RING_F_SUPPORTED (RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ | \
			  RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ | \
			  RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ)
/* The sync-mode flags of each side: at most one of them a side. */
#define RING_F_PROD_SYNC (RING_F_SP_ENQ | RING_F_MP_RTS_ENQ | RING_F_MP_HTS_ENQ)
#define RING_F_CONS_SYNC (RING_F_SC_DEQ | RING_F_MC_RTS_DEQ | RING_F_MC_HTS_DEQ)

/* An RTS side's default head-to-tail distance: capacity / RING_RTS_HTD_DIV. */
#define RING_RTS_HTD_DIV 8

/* Largest power-of-2 slot count that RTE_RING_SZ_MASK allows. */
#define RING_SIZE_MAX (RTE_RING_SZ_MASK / 2 + 1)

/* Layout facts the fast path and DPDK-built code rely on. */
_Static_assert((sizeof(struct rte_ring) & RTE_CACHE_LINE_MASK) == 0,
	       "object table must start cache-line aligned");
_Static_assert((offsetof(struct rte_ring, prod) & RTE_CACHE_LINE_MASK) == 0,
	       "producer state must start a cache line");
_Static_assert((offsetof(struct rte_ring, cons) & RTE_CACHE_LINE_MASK) == 0,
	       "consumer state must start a cache line");
_Static_assert(offsetof(struct rte_ring, cons) - offsetof(struct rte_ring, prod)
	       >= 2 * RTE_CACHE_LINE_SIZE,
	       "an empty line must separate producer and consumer");
_Static_assert(sizeof(struct rte_ring) == 6 * RTE_CACHE_LINE_SIZE,
	       "struct rte_ring has DPDK 22.11's size");
_Static_assert(offsetof(struct rte_ring_headtail, sync_type) ==
	       offsetof(struct rte_ring_headtail, single),
	       "single aliases sync_type");
_Static_assert(RTE_RING_SYNC_MT == 0 && RTE_RING_SYNC_ST == 1,
	       "flag-dispatched calls pass sync_type as the 'single' argument");
_Static_assert(offsetof(struct rte_ring_headtail, tail) ==
	       offsetof(struct rte_ring_hts_headtail, ht.pos.tail),
	       "an HTS tail is read where a plain tail is");
_Static_assert(offsetof(struct rte_ring_headtail, head) ==
	       offsetof(struct rte_ring_hts_headtail, ht.pos.head),
	       "an HTS head is where a plain head is (reset, dump)");
_Static_assert(offsetof(struct rte_ring_headtail, sync_type) ==
	       offsetof(struct rte_ring_hts_headtail, sync_type),
	       "sync_type at one place in every mode");
_Static_assert(offsetof(struct rte_ring_headtail, tail) ==
	       offsetof(struct rte_ring_rts_headtail, tail.val.pos),
	       "an RTS tail is read where a plain tail is");
_Static_assert(offsetof(struct rte_ring_headtail, sync_type) ==
	       offsetof(struct rte_ring_rts_headtail, sync_type),
	       "sync_type at one place in every mode");

/*
 * Rings made by rte_ring_create*(), for rte_ring_lookup(): on the tailq
 * DPDK names RTE_RING, in shared memory, so that secondary processes find
 * the primary's rings. An entry has the layout of struct rte_tailq_entry.
 */
struct ring_list_entry {
	TAILQ_ENTRY(ring_list_entry) next;
	struct rte_ring *r;
};
TAILQ_HEAD(ring_list_head, ring_list_entry);
static struct rte_tailq_elem rte_ring_tailq = { .name = "RTE_RING" };
EAL_REGISTER_TAILQ(rte_ring_tailq)

static struct ring_list_head *
ring_list(void)
{
	return RTE_TAILQ_CAST(rte_ring_tailq.head, ring_list_head);
}

/* Caller holds the tailq lock. */
static struct ring_list_entry *
ring_list_find(const char *name)
{
	struct ring_list_entry *e;

	TAILQ_FOREACH(e, ring_list(), next)
		if (strncmp(name, e->r->name, RTE_RING_NAMESIZE) == 0)
			return e;
	return NULL;
}

/* Slots for count objects: count itself, or the power of 2 above it for an exact-size ring. */
static int
ring_slots(unsigned int count, unsigned int flags, uint32_t *slots)
{
	if (flags & RING_F_EXACT_SZ) {
		if (count == 0 || count >= RING_SIZE_MAX) {
			RING_LOG(ERR, "exact-size ring of %u objects is invalid; "
				 "ask for 1 to %u objects\n", count, RING_SIZE_MAX - 1);
			return -EINVAL;
		}
		*slots = rte_align32pow2(count + 1);
		return 0;
	}
	if (!rte_is_power_of_2(count) || count > RTE_RING_SZ_MASK) {
		RING_LOG(ERR, "ring size %u is not a power of 2 up to %u; "
			 "use one, or pass RING_F_EXACT_SZ\n", count, RING_SIZE_MAX);
		return -EINVAL;
	}
	*slots = count;
	return 0;
}

static int
ring_check_flags(unsigned int flags)
{
	if (flags & ~RING_F_SUPPORTED) {
		RING_LOG(ERR, "unknown ring flags %#x; see RING_F_* in rte_ring_core.h\n",
			 flags & ~RING_F_SUPPORTED);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(flags & RING_F_PROD_SYNC) && (flags & RING_F_PROD_SYNC) != 0) {
		RING_LOG(ERR, "ring flags %#x pick more than one producer mode; give at most "
			 "one of RING_F_SP_ENQ, RING_F_MP_RTS_ENQ, RING_F_MP_HTS_ENQ\n", flags);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(flags & RING_F_CONS_SYNC) && (flags & RING_F_CONS_SYNC) != 0) {
		RING_LOG(ERR, "ring flags %#x pick more than one consumer mode; give at most "
			 "one of RING_F_SC_DEQ, RING_F_MC_RTS_DEQ, RING_F_MC_HTS_DEQ\n", flags);
		return -EINVAL;
	}
	return 0;
}

static enum rte_ring_sync_type
ring_sync_type(unsigned int flags, unsigned int single, unsigned int rts, unsigned int hts)
{
	if (flags & single)
		return RTE_RING_SYNC_ST;
	if (flags & rts)
		return RTE_RING_SYNC_MT_RTS;
	if (flags & hts)
		return RTE_RING_SYNC_MT_HTS;
	return RTE_RING_SYNC_MT;
}

/* Empty one side; an RTS side also has its head and counts apart. */
static void
ring_side_reset(struct rte_ring_headtail *ht, struct rte_ring_rts_headtail *rts)
{
	if (ht->sync_type == RTE_RING_SYNC_MT_RTS) {
		__atomic_store_n(&rts->head.raw, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&rts->tail.raw, 0, __ATOMIC_RELAXED);
		return;
	}
	__atomic_store_n(&ht->head, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&ht->tail, 0, __ATOMIC_RELAXED);
}

/* Where the side's next operation will start. */
static uint32_t
ring_side_head(const struct rte_ring_headtail *ht, const struct rte_ring_rts_headtail *rts)
{
	if (ht->sync_type == RTE_RING_SYNC_MT_RTS)
		return __atomic_load_n(&rts->head.val.pos, __ATOMIC_RELAXED);
	return __atomic_load_n(&ht->head, __ATOMIC_RELAXED);
}

__rte_export ssize_t
rte_ring_get_memsize_elem(unsigned int esize, unsigned int count)
{
	if (esize == 0 || esize % 4 != 0) {
		RING_LOG(ERR, "element size %u is not a multiple of 4 bytes; "
			 "pad the element\n", esize);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(count) || count > RTE_RING_SZ_MASK) {
		RING_LOG(ERR, "ring size %u is not a power of 2 up to %u\n",
			 count, RING_SIZE_MAX);
		return -EINVAL;
	}
	return RTE_ALIGN((ssize_t)sizeof(struct rte_ring) + (ssize_t)count * esize,
			 RTE_CACHE_LINE_SIZE);
}

__rte_export ssize_t
rte_ring_get_memsize(unsigned int count)
{
	return rte_ring_get_memsize_elem(sizeof(void *), count);
}

__rte_export void
rte_ring_reset(struct rte_ring *r)
{
	ring_side_reset(&r->prod, &r->rts_prod);
	ring_side_reset(&r->cons, &r->rts_cons);
}

__rte_export int
rte_ring_init(struct rte_ring *r, const char *name, unsigned int count,
	      unsigned int flags)
{
	uint32_t slots;
	int ret;

	if (r == NULL || name == NULL)
		return -EINVAL;
	ret = ring_check_flags(flags);
	if (ret != 0)
		return ret;
	ret = ring_slots(count, flags, &slots);
	if (ret != 0)
		return ret;
	if (strnlen(name, RTE_RING_NAMESIZE) >= RTE_RING_NAMESIZE)
		return -ENAMETOOLONG;

	memset(r, 0, sizeof(*r));
	strlcpy(r->name, name, sizeof(r->name));
	r->flags = flags;
	r->prod.sync_type =
		ring_sync_type(flags, RING_F_SP_ENQ, RING_F_MP_RTS_ENQ, RING_F_MP_HTS_ENQ);
	r->cons.sync_type =
		ring_sync_type(flags, RING_F_SC_DEQ, RING_F_MC_RTS_DEQ, RING_F_MC_HTS_DEQ);
	r->size = slots;
	r->mask = slots - 1;
	r->capacity = (flags & RING_F_EXACT_SZ) ? count : slots - 1;
	/* only RTS sides take it; -ENOTSUP for the others is expected */
	(void)rte_ring_set_prod_htd_max(r, r->capacity / RING_RTS_HTD_DIV);
	(void)rte_ring_set_cons_htd_max(r, r->capacity / RING_RTS_HTD_DIV);
	return 0;
}

__rte_export struct rte_ring *
rte_ring_create_elem(const char *name, unsigned int esize, unsigned int count,
		     int socket_id, unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct ring_list_entry *e;
	struct rte_ring *r;
	ssize_t ring_size;
	uint32_t slots;
	int ret;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	ret = ring_check_flags(flags);
	if (ret == 0)
		ret = ring_slots(count, flags, &slots);
	if (ret != 0) {
		rte_errno = -ret;
		return NULL;
	}
	ring_size = rte_ring_get_memsize_elem(esize, slots);
	if (ring_size < 0) {
		rte_errno = (int)-ring_size;
		return NULL;
	}
	ret = snprintf(mz_name, sizeof(mz_name), "%s%s", RTE_RING_MZ_PREFIX, name);
	if (ret < 0 || ret >= (int)sizeof(mz_name)) {
		RING_LOG(ERR, "ring name \"%s\" is too long; use at most %zu characters\n",
			 name, (size_t)RTE_RING_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}

	e = rte_zmalloc("RING_TAILQ_ENTRY", sizeof(*e), 0);
	if (e == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}

	rte_mcfg_tailq_write_lock();
	if (ring_list_find(name) != NULL) {
		ret = EEXIST;
		goto err_unlock;
	}
	mz = rte_memzone_reserve_aligned(mz_name, ring_size, socket_id, 0,
					 RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		ret = rte_errno;
		goto err_unlock;
	}
	r = mz->addr;
	/* Cannot fail: name, count and flags were checked above. */
	rte_ring_init(r, name, count, flags);
	r->memzone = mz;
	e->r = r;
	TAILQ_INSERT_TAIL(ring_list(), e, next);
	rte_mcfg_tailq_write_unlock();
	return r;

err_unlock:
	rte_mcfg_tailq_write_unlock();
	rte_free(e);
	if (ret == EEXIST)
		RING_LOG(ERR, "cannot create ring \"%s\": the name is in use; "
			 "free that ring or pick another name\n", name);
	else if (ret == ENOMEM || ret == ENOSPC)
		RING_LOG(ERR, "cannot create ring \"%s\": no memzone of %zd bytes (%s); "
			 "give the EAL more memory (-m, --socket-mem) or free unused rings\n",
			 name, ring_size, rte_strerror(ret));
	else
		RING_LOG(ERR, "cannot create ring \"%s\": no memzone of %zd bytes (%s)\n",
			 name, ring_size, rte_strerror(ret));
	rte_errno = ret;
	return NULL;
}

__rte_export struct rte_ring *
rte_ring_create(const char *name, unsigned int count, int socket_id,
		unsigned int flags)
{
	return rte_ring_create_elem(name, sizeof(void *), count, socket_id, flags);
}

__rte_export void
rte_ring_free(struct rte_ring *r)
{
	char name[RTE_RING_NAMESIZE];
	struct ring_list_entry *e;
	const struct rte_memzone *mz;

	if (r == NULL)
		return;
	if (r->memzone == NULL) {
		RING_LOG(ERR, "cannot free ring \"%s\": it was made by rte_ring_init(); "
			 "free its memory instead\n", r->name);
		return;
	}

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, ring_list(), next)
		if (e->r == r)
			break;
	if (e != NULL)
		TAILQ_REMOVE(ring_list(), e, next);
	rte_mcfg_tailq_write_unlock();

	/* The ring lives in the memzone: nothing of it is read after the free. */
	mz = r->memzone;
	strlcpy(name, r->name, sizeof(name));
	if (rte_memzone_free(mz) != 0)
		RING_LOG(ERR, "cannot free the memzone of ring \"%s\"\n", name);
	rte_free(e);
}

__rte_export void
rte_ring_dump(FILE *f, const struct rte_ring *r)
{
	fprintf(f, "ring <%s>@%p\n", r->name, (const void *)r);
	fprintf(f, "  flags=%x\n", r->flags);
	fprintf(f, "  size=%" PRIu32 "\n", r->size);
	fprintf(f, "  capacity=%" PRIu32 "\n", r->capacity);
	fprintf(f, "  ct=%" PRIu32 "\n", __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED));
	fprintf(f, "  ch=%" PRIu32 "\n", ring_side_head(&r->cons, &r->rts_cons));
	fprintf(f, "  pt=%" PRIu32 "\n", __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED));
	fprintf(f, "  ph=%" PRIu32 "\n", ring_side_head(&r->prod, &r->rts_prod));
	fprintf(f, "  used=%u\n", rte_ring_count(r));
	fprintf(f, "  avail=%u\n", rte_ring_free_count(r));
}

__rte_export void
rte_ring_list_dump(FILE *f)
{
	struct ring_list_entry *e;

	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(e, ring_list(), next)
		rte_ring_dump(f, e->r);
	rte_mcfg_tailq_read_unlock();
}

__rte_export struct rte_ring *
rte_ring_lookup(const char *name)
{
	struct ring_list_entry *e;
	struct rte_ring *r = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	e = ring_list_find(name);
	if (e != NULL)
		r = e->r;
	rte_mcfg_tailq_read_unlock();
	if (r == NULL)
		rte_errno = ENOENT;
	return r;
}
