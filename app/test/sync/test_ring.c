/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ring, single thread: creation and its errors, sizes, every enqueue and
 * dequeue flavour, bulk versus burst, wrap-around of the slot table and of
 * the 32-bit indexes, element sizes, lookup, reset, free and dump.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#include "test.h"

#define OBJ(i) ((void *)(uintptr_t)((i) + 1))	/* never NULL */

/* One way to call the ring: the pointer API under a given sync mode. */
struct ring_api {
	const char *name;
	unsigned int flags;	/* creation flags the default forms expect */
	unsigned int (*enq_bulk)(struct rte_ring *, void * const *, unsigned int, unsigned int *);
	unsigned int (*deq_bulk)(struct rte_ring *, void **, unsigned int, unsigned int *);
	unsigned int (*enq_burst)(struct rte_ring *, void * const *, unsigned int, unsigned int *);
	unsigned int (*deq_burst)(struct rte_ring *, void **, unsigned int, unsigned int *);
	int (*enq_one)(struct rte_ring *, void *);
	int (*deq_one)(struct rte_ring *, void **);
};

static const struct ring_api apis[] = {
	{ "mp/mc", 0, rte_ring_mp_enqueue_bulk, rte_ring_mc_dequeue_bulk,
	  rte_ring_mp_enqueue_burst, rte_ring_mc_dequeue_burst,
	  rte_ring_mp_enqueue, rte_ring_mc_dequeue },
	{ "sp/sc", 0, rte_ring_sp_enqueue_bulk, rte_ring_sc_dequeue_bulk,
	  rte_ring_sp_enqueue_burst, rte_ring_sc_dequeue_burst,
	  rte_ring_sp_enqueue, rte_ring_sc_dequeue },
	{ "default (MP/MC ring)", 0, rte_ring_enqueue_bulk, rte_ring_dequeue_bulk,
	  rte_ring_enqueue_burst, rte_ring_dequeue_burst,
	  rte_ring_enqueue, rte_ring_dequeue },
	{ "default (SP/SC ring)", RING_F_SP_ENQ | RING_F_SC_DEQ,
	  rte_ring_enqueue_bulk, rte_ring_dequeue_bulk,
	  rte_ring_enqueue_burst, rte_ring_dequeue_burst,
	  rte_ring_enqueue, rte_ring_dequeue },
	{ "mp/mc hts", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
	  rte_ring_mp_hts_enqueue_bulk, rte_ring_mc_hts_dequeue_bulk,
	  rte_ring_mp_hts_enqueue_burst, rte_ring_mc_hts_dequeue_burst,
	  rte_ring_enqueue, rte_ring_dequeue },
	{ "default (HTS ring)", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
	  rte_ring_enqueue_bulk, rte_ring_dequeue_bulk,
	  rte_ring_enqueue_burst, rte_ring_dequeue_burst,
	  rte_ring_enqueue, rte_ring_dequeue },
	{ "default (HTS producer, SC ring)", RING_F_MP_HTS_ENQ | RING_F_SC_DEQ,
	  rte_ring_enqueue_bulk, rte_ring_dequeue_bulk,
	  rte_ring_enqueue_burst, rte_ring_dequeue_burst,
	  rte_ring_enqueue, rte_ring_dequeue },
};

static int
test_ring_create_errors(void)
{
	char longname[RTE_RING_NAMESIZE + 1];
	const struct rte_memzone *mz;
	struct rte_ring *r, *r2;

	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 1000, SOCKET_ID_ANY, 0), "not a power of 2");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "non power of 2 size");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 0, SOCKET_ID_ANY, 0), "size 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "size 0");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", RTE_RING_SZ_MASK + 1u, SOCKET_ID_ANY, 0),
			 "too large");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "size 2^31");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 0, SOCKET_ID_ANY, RING_F_EXACT_SZ),
			 "exact size 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "exact size 0");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 1u << 30, SOCKET_ID_ANY, RING_F_EXACT_SZ),
			 "exact size needs 2^31 slots");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "exact size too large");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create_elem("r_bad", 6, 64, SOCKET_ID_ANY, 0), "esize 6");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "esize not a multiple of 4");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create_elem("r_bad", 0, 64, SOCKET_ID_ANY, 0), "esize 0");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "esize 0");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 64, SOCKET_ID_ANY,
					 RING_F_SP_ENQ | RING_F_MP_RTS_ENQ), "SP + RTS");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "SP + RTS refused");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 64, SOCKET_ID_ANY,
					 RING_F_MC_RTS_DEQ | RING_F_MC_HTS_DEQ), "RTS + HTS");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "RTS + HTS dequeue refused");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 64, SOCKET_ID_ANY,
					 RING_F_SP_ENQ | RING_F_MP_HTS_ENQ), "SP + HTS");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "two producer modes refused");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 64, SOCKET_ID_ANY,
					 RING_F_SC_DEQ | RING_F_MC_HTS_DEQ), "SC + HTS");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "two consumer modes refused");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_bad", 64, SOCKET_ID_ANY, 0x80), "unknown flag");
	TEST_ASSERT_EQUAL(rte_errno, EINVAL, "unknown flag refused");
	TEST_ASSERT_NULL(rte_ring_lookup("r_bad"), "no failed ring is listed");

	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create(longname, 64, SOCKET_ID_ANY, 0), "long name");
	TEST_ASSERT_EQUAL(rte_errno, ENAMETOOLONG, "name of %zu chars", strlen(longname));
	/* The longest name that fits works. */
	longname[RTE_RING_NAMESIZE - 1] = '\0';
	r = rte_ring_create(longname, 64, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(r, "name of %zu chars: %s", strlen(longname),
			     rte_strerror(rte_errno));
	TEST_ASSERT(rte_ring_lookup(longname) == r, "lookup by the longest name");
	rte_ring_free(r);

	r = rte_ring_create("r_dup", 64, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	rte_errno = 0;
	r2 = rte_ring_create("r_dup", 128, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NULL(r2, "same name twice");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "duplicate name");
	TEST_ASSERT(rte_ring_lookup("r_dup") == r, "the first ring stays");
	TEST_ASSERT_NOT_NULL(rte_memzone_lookup("RG_r_dup"), "memzone named RG_<name>");
	rte_ring_free(r);
	TEST_ASSERT_NULL(rte_memzone_lookup("RG_r_dup"), "memzone freed with the ring");
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_lookup("r_dup"), "freed ring not found");
	TEST_ASSERT_EQUAL(rte_errno, ENOENT, "lookup of a freed ring");
	r = rte_ring_create("r_dup", 128, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(r, "name free again after rte_ring_free");
	TEST_ASSERT_EQUAL(rte_ring_get_size(r), 128, "the new ring");
	rte_ring_free(r);
	rte_ring_free(NULL);

	/* A memzone that is not a ring holds the name too. */
	mz = rte_memzone_reserve("RG_r_mzonly", 64, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(mz, "memzone: %s", rte_strerror(rte_errno));
	rte_errno = 0;
	TEST_ASSERT_NULL(rte_ring_create("r_mzonly", 64, SOCKET_ID_ANY, 0), "memzone name taken");
	TEST_ASSERT_EQUAL(rte_errno, EEXIST, "memzone RG_<name> in use");
	TEST_ASSERT_NULL(rte_ring_lookup("r_mzonly"), "nothing listed");
	TEST_ASSERT_SUCCESS(rte_memzone_free(mz), "memzone free");
	return TEST_SUCCESS;
}

static int
test_ring_sizes(void)
{
	struct rte_ring *r;

	TEST_ASSERT_EQUAL(rte_ring_get_memsize(1024),
			  sizeof(struct rte_ring) + 1024 * sizeof(void *), "memsize");
	TEST_ASSERT_EQUAL(rte_ring_get_memsize_elem(4, 2), sizeof(struct rte_ring) + 64,
			  "rounded up to a cache line");
	TEST_ASSERT_EQUAL(rte_ring_get_memsize_elem(20, 64),
			  sizeof(struct rte_ring) + 20 * 64, "generic size");
	TEST_ASSERT_EQUAL(rte_ring_get_memsize(1000), -EINVAL, "not a power of 2");
	TEST_ASSERT_EQUAL(rte_ring_get_memsize_elem(10, 64), -EINVAL, "esize 10");
	TEST_ASSERT_EQUAL(sizeof(struct rte_ring) % RTE_CACHE_LINE_SIZE, 0, "aligned");
	TEST_ASSERT(offsetof(struct rte_ring, cons) - offsetof(struct rte_ring, prod) >=
		    2 * RTE_CACHE_LINE_SIZE, "prod and cons lines apart");

	r = rte_ring_create("r_size", 64, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_ring_get_size(r), 64, "size");
	TEST_ASSERT_EQUAL(rte_ring_get_capacity(r), 63, "power-of-2 ring keeps one slot");
	TEST_ASSERT_EQUAL(rte_ring_get_flags(r), 0, "flags");
	TEST_ASSERT(!rte_ring_is_prod_single(r) && !rte_ring_is_cons_single(r), "MP/MC");
	TEST_ASSERT_EQUAL(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT, "MT");
	TEST_ASSERT(rte_ring_empty(r) && !rte_ring_full(r), "new ring is empty");
	TEST_ASSERT_EQUAL(rte_ring_free_count(r), 63, "free count");
	TEST_ASSERT(((uintptr_t)r % RTE_CACHE_LINE_SIZE) == 0, "ring cache-line aligned");
	rte_ring_free(r);

	r = rte_ring_create("r_exact", 100, SOCKET_ID_ANY,
			    RING_F_EXACT_SZ | RING_F_SP_ENQ | RING_F_SC_DEQ);
	TEST_ASSERT_NOT_NULL(r, "create exact: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_ring_get_size(r), 128, "slots rounded up");
	TEST_ASSERT_EQUAL(rte_ring_get_capacity(r), 100, "exact capacity");
	TEST_ASSERT_EQUAL(rte_ring_get_flags(r), RING_F_EXACT_SZ | RING_F_SP_ENQ | RING_F_SC_DEQ,
			  "flags kept");
	TEST_ASSERT(rte_ring_is_prod_single(r) && rte_ring_is_cons_single(r), "SP/SC");
	rte_ring_free(r);

	r = rte_ring_create("r_hts", 64, SOCKET_ID_ANY, RING_F_MP_HTS_ENQ | RING_F_SC_DEQ);
	TEST_ASSERT_NOT_NULL(r, "create HTS: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT_HTS, "HTS producer");
	TEST_ASSERT_EQUAL(rte_ring_get_cons_sync_type(r), RTE_RING_SYNC_ST, "SC consumer");
	TEST_ASSERT(!rte_ring_is_prod_single(r), "HTS is multi-producer");
	rte_ring_free(r);

	/* A power of 2 asked exactly needs the next power of 2 of slots. */
	r = rte_ring_create("r_exact", 64, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	TEST_ASSERT_NOT_NULL(r, "create exact 64: %s", rte_strerror(rte_errno));
	TEST_ASSERT_EQUAL(rte_ring_get_size(r), 128, "64 + 1 rounded up");
	TEST_ASSERT_EQUAL(rte_ring_get_capacity(r), 64, "exact capacity 64");
	rte_ring_free(r);
	return TEST_SUCCESS;
}

/* Fill to capacity, check all-or-nothing vs partial, drain in order. */
static int
ring_check_api(const struct ring_api *api, unsigned int extra_flags)
{
	void *in[80], *out[80];
	unsigned int i, n, fs, av;
	struct rte_ring *r;
	int k;

	for (i = 0; i < RTE_DIM(in); i++)
		in[i] = OBJ(i);
	/* capacity 63 (power of 2) or 70 (exact) */
	r = rte_ring_create("r_api", extra_flags ? 70 : 64, SOCKET_ID_ANY,
			    api->flags | extra_flags);
	TEST_ASSERT_NOT_NULL(r, "%s: create: %s", api->name, rte_strerror(rte_errno));
	const unsigned int cap = rte_ring_get_capacity(r);

	fs = av = 12345;
	TEST_ASSERT_EQUAL(api->deq_bulk(r, out, 1, &av), 0, "%s: empty bulk", api->name);
	TEST_ASSERT_EQUAL(av, 0, "%s: available on empty", api->name);
	TEST_ASSERT_EQUAL(api->deq_burst(r, out, 8, &av), 0, "%s: empty burst", api->name);
	TEST_ASSERT_EQUAL(api->deq_one(r, &out[0]), -ENOENT, "%s: empty single", api->name);
	TEST_ASSERT_EQUAL(api->enq_bulk(r, in, 0, &fs), 0, "%s: bulk of 0", api->name);
	TEST_ASSERT_EQUAL(fs, cap, "%s: free_space after bulk of 0", api->name);

	TEST_ASSERT_EQUAL(api->enq_bulk(r, in, cap - 3, &fs), cap - 3, "%s: bulk", api->name);
	TEST_ASSERT_EQUAL(fs, 3, "%s: free_space", api->name);
	TEST_ASSERT_EQUAL(rte_ring_count(r), cap - 3, "%s: count", api->name);
	TEST_ASSERT_EQUAL(rte_ring_free_count(r), 3, "%s: free count", api->name);
	TEST_ASSERT(!rte_ring_full(r) && !rte_ring_empty(r), "%s: neither", api->name);
	/* bulk is all or nothing */
	fs = 12345;
	TEST_ASSERT_EQUAL(api->enq_bulk(r, &in[cap - 3], 8, &fs), 0, "%s: bulk too big", api->name);
	TEST_ASSERT_EQUAL(fs, 3, "%s: free_space after refused bulk", api->name);
	TEST_ASSERT_EQUAL(rte_ring_count(r), cap - 3, "%s: refused bulk added nothing", api->name);
	/* burst takes what fits */
	TEST_ASSERT_EQUAL(api->enq_burst(r, &in[cap - 3], 8, &fs), 3, "%s: partial burst",
			  api->name);
	TEST_ASSERT_EQUAL(fs, 0, "%s: free_space when full", api->name);
	TEST_ASSERT(rte_ring_full(r), "%s: full", api->name);
	TEST_ASSERT_EQUAL(rte_ring_count(r), cap, "%s: count when full", api->name);
	TEST_ASSERT_EQUAL(api->enq_one(r, in[0]), -ENOBUFS, "%s: single when full", api->name);
	TEST_ASSERT_EQUAL(api->enq_burst(r, in, 4, &fs), 0, "%s: burst when full", api->name);

	/* dequeue: bulk too big refused, with the count available */
	av = 12345;
	TEST_ASSERT_EQUAL(api->deq_bulk(r, out, cap + 1, &av), 0, "%s: deq bulk too big",
			  api->name);
	TEST_ASSERT_EQUAL(av, cap, "%s: available after refused bulk", api->name);
	TEST_ASSERT_EQUAL(api->deq_one(r, &out[0]), 0, "%s: single", api->name);
	TEST_ASSERT(out[0] == in[0], "%s: single got the first object", api->name);
	TEST_ASSERT_EQUAL(api->deq_bulk(r, &out[1], 10, &av), 10, "%s: deq bulk", api->name);
	TEST_ASSERT_EQUAL(av, cap - 11, "%s: available", api->name);
	n = api->deq_burst(r, &out[11], 80, &av);
	TEST_ASSERT_EQUAL(n, cap - 11, "%s: deq burst takes the rest", api->name);
	TEST_ASSERT_EQUAL(av, 0, "%s: available when empty", api->name);
	for (i = 0; i < cap; i++)
		TEST_ASSERT(out[i] == in[i], "%s: object %u in order", api->name, i);
	TEST_ASSERT(rte_ring_empty(r), "%s: empty", api->name);

	/* single objects, one by one across the ring twice (wraps the table) */
	for (i = 0; i < 2 * rte_ring_get_size(r) + 5; i++) {
		void *o = NULL;

		k = api->enq_one(r, OBJ(i));
		TEST_ASSERT_EQUAL(k, 0, "%s: single enqueue %u", api->name, i);
		k = api->deq_one(r, &o);
		TEST_ASSERT_EQUAL(k, 0, "%s: single dequeue %u", api->name, i);
		TEST_ASSERT(o == OBJ(i), "%s: single object %u", api->name, i);
	}
	rte_ring_free(r);
	return TEST_SUCCESS;
}

static int
test_ring_flavours(void)
{
	for (unsigned int i = 0; i < RTE_DIM(apis); i++) {
		if (ring_check_api(&apis[i], 0) != TEST_SUCCESS)
			return TEST_FAILED;
		if (ring_check_api(&apis[i], RING_F_EXACT_SZ) != TEST_SUCCESS)
			return TEST_FAILED;
	}
	return TEST_SUCCESS;
}

/*
 * Odd-sized transfers over a small ring so that nearly every call wraps
 * somewhere, starting with indexes just below 2^32 so the 32-bit head and
 * tail counters wrap too.
 */
static int
ring_check_wrap(const struct ring_api *api, uint32_t start)
{
	void *in[32], *out[32];
	uint64_t next_in = 0, next_out = 0;
	struct rte_ring *r;
	unsigned int i, n, k;

	r = rte_ring_create("r_wrap", 16, SOCKET_ID_ANY, api->flags);
	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	r->prod.head = r->prod.tail = r->cons.head = r->cons.tail = start;
	TEST_ASSERT(rte_ring_empty(r) && rte_ring_count(r) == 0, "%s: empty at %#x",
		    api->name, start);

	for (i = 0; i < 2000; i++) {
		n = 1 + (i * 7) % 13;	/* 1..13, never more than capacity 15 */
		for (k = 0; k < n; k++)
			in[k] = OBJ(next_in + k);
		if (i & 1)
			k = api->enq_burst(r, in, n, NULL);
		else
			k = api->enq_bulk(r, in, n, NULL);
		next_in += k;
		TEST_ASSERT(rte_ring_count(r) <= 15, "%s: count within capacity", api->name);
		n = 1 + (i * 5) % 11;
		if (i & 2)
			k = api->deq_burst(r, out, n, NULL);
		else
			k = api->deq_bulk(r, out, n, NULL);
		for (unsigned int j = 0; j < k; j++)
			TEST_ASSERT(out[j] == OBJ(next_out + j), "%s: order at %" PRIu64,
				    api->name, next_out + j);
		next_out += k;
		TEST_ASSERT_EQUAL(rte_ring_count(r), next_in - next_out, "%s: count", api->name);
	}
	TEST_ASSERT(next_in > 5000, "%s: moved %" PRIu64 " objects", api->name, next_in);
	TEST_ASSERT(r->prod.tail < start, "%s: the index wrapped past 2^32", api->name);
	rte_ring_free(r);
	return TEST_SUCCESS;
}

static int
test_ring_wrap(void)
{
	for (unsigned int i = 0; i < RTE_DIM(apis); i++) {
		if (ring_check_wrap(&apis[i], UINT32_MAX - 40) != TEST_SUCCESS)
			return TEST_FAILED;
	}
	return TEST_SUCCESS;
}

/* Element of esize bytes whose every 32-bit word names (index, word). */
static void
elem_fill(uint32_t *e, unsigned int esize, uint32_t idx)
{
	for (unsigned int w = 0; w < esize / 4; w++)
		e[w] = idx * 64 + w;
}

static int
ring_check_elem(unsigned int esize, unsigned int flags)
{
	const unsigned int words = esize / 4;
	/* up to 32 elements of 64 bytes, plus a guard element */
	uint32_t in[32 * 16], out[33 * 16];
	uint32_t next_in = 0, next_out = 0;
	unsigned int i, k, n, fs, av;
	struct rte_ring *r;

	r = rte_ring_create_elem("r_elem", esize, 32, SOCKET_ID_ANY, flags);
	TEST_ASSERT_NOT_NULL(r, "esize %u: create: %s", esize, rte_strerror(rte_errno));
	const unsigned int cap = (flags & RING_F_EXACT_SZ) ? 32 : 31;

	TEST_ASSERT_EQUAL(rte_ring_get_capacity(r), cap, "esize %u capacity", esize);
	TEST_ASSERT_EQUAL(rte_ring_get_memsize_elem(esize, 32),
			  RTE_ALIGN(sizeof(struct rte_ring) + 32 * esize, RTE_CACHE_LINE_SIZE),
			  "esize %u memsize", esize);

	for (i = 0; i < 300; i++) {
		n = 1 + (i * 11) % 17;
		for (k = 0; k < n; k++)
			elem_fill(&in[k * words], esize, next_in + k);
		switch (i % 3) {
		case 0:
			k = rte_ring_mp_enqueue_bulk_elem(r, in, esize, n, &fs);
			break;
		case 1:
			k = rte_ring_sp_enqueue_burst_elem(r, in, esize, n, &fs);
			break;
		default:
			k = rte_ring_enqueue_burst_elem(r, in, esize, n, &fs);
			break;
		}
		next_in += k;
		TEST_ASSERT_EQUAL(fs, cap - (next_in - next_out), "esize %u free_space", esize);
		/* a guard element after the last one must stay untouched */
		n = 1 + (i * 7) % 19;
		memset(&out[n * words], 0xa5, esize);
		switch (i % 4) {
		case 0:
			k = rte_ring_mc_dequeue_bulk_elem(r, out, esize, n, &av);
			break;
		case 1:
			k = rte_ring_sc_dequeue_burst_elem(r, out, esize, n, &av);
			break;
		case 2:
			k = rte_ring_dequeue_bulk_elem(r, out, esize, n, &av);
			break;
		default:
			k = rte_ring_mc_dequeue_burst_elem(r, out, esize, n, &av);
			break;
		}
		for (unsigned int j = 0; j < k; j++)
			for (unsigned int w = 0; w < words; w++)
				TEST_ASSERT_EQUAL(out[j * words + w], (next_out + j) * 64 + w,
						  "esize %u element %u word %u", esize,
						  next_out + j, w);
		TEST_ASSERT_EQUAL(out[n * words], 0xa5a5a5a5u, "esize %u: no overrun", esize);
		next_out += k;
		TEST_ASSERT_EQUAL(av, next_in - next_out, "esize %u available", esize);
	}
	TEST_ASSERT(next_in > 600, "esize %u: moved %u", esize, next_in);

	/* single-element forms, on a drained ring */
	rte_ring_dequeue_burst_elem(r, out, esize, 33, NULL);
	TEST_ASSERT(rte_ring_empty(r), "esize %u drained", esize);
	elem_fill(in, esize, 7);
	TEST_ASSERT_EQUAL(rte_ring_mp_enqueue_elem(r, in, esize), 0, "esize %u mp one", esize);
	elem_fill(in, esize, 8);
	TEST_ASSERT_EQUAL(rte_ring_sp_enqueue_elem(r, in, esize), 0, "esize %u sp one", esize);
	elem_fill(in, esize, 9);
	TEST_ASSERT_EQUAL(rte_ring_enqueue_elem(r, in, esize), 0, "esize %u one", esize);
	TEST_ASSERT_EQUAL(rte_ring_mc_dequeue_elem(r, out, esize), 0, "esize %u mc one", esize);
	TEST_ASSERT_EQUAL(out[words - 1], 7 * 64 + words - 1, "esize %u first value", esize);
	TEST_ASSERT_EQUAL(rte_ring_sc_dequeue_elem(r, out, esize), 0, "esize %u sc one", esize);
	TEST_ASSERT_EQUAL(out[0], 8 * 64, "esize %u second value", esize);
	TEST_ASSERT_EQUAL(rte_ring_dequeue_elem(r, out, esize), 0, "esize %u one", esize);
	TEST_ASSERT_EQUAL(out[words - 1], 9 * 64 + words - 1, "esize %u third value", esize);
	TEST_ASSERT_EQUAL(rte_ring_dequeue_elem(r, out, esize), -ENOENT, "esize %u empty", esize);
	rte_ring_free(r);
	return TEST_SUCCESS;
}

static int
test_ring_elem_sizes(void)
{
	static const unsigned int sizes[] = { 4, 8, 12, 16, 20, 32, 64 };

	for (unsigned int i = 0; i < RTE_DIM(sizes); i++)
		if (ring_check_elem(sizes[i], 0) != TEST_SUCCESS)
			return TEST_FAILED;
	return ring_check_elem(16, RING_F_EXACT_SZ);
}

/* 8-byte elements from a table that is only 4-byte aligned. */
static int
test_ring_unaligned_table(void)
{
	uint32_t buf[2 * 10 + 1], back[2 * 10 + 1];
	struct rte_ring *r;

	r = rte_ring_create_elem("r_unal", 8, 16, SOCKET_ID_ANY, 0);
	TEST_ASSERT_NOT_NULL(r, "create: %s", rte_strerror(rte_errno));
	for (unsigned int i = 0; i < RTE_DIM(buf); i++)
		buf[i] = 1000 + i;
	for (unsigned int round = 0; round < 5; round++) {
		memset(back, 0, sizeof(back));
		TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk_elem(r, &buf[1], 8, 10, NULL), 10,
				  "unaligned enqueue");
		TEST_ASSERT_EQUAL(rte_ring_dequeue_bulk_elem(r, &back[1], 8, 10, NULL), 10,
				  "unaligned dequeue");
		TEST_ASSERT(memcmp(&buf[1], &back[1], 80) == 0, "round trip, round %u", round);
	}
	rte_ring_free(r);
	return TEST_SUCCESS;
}

static int
test_ring_init_reset_dump(void)
{
	char *text = NULL;
	size_t len = 0;
	void *objs[5] = { OBJ(0), OBJ(1), OBJ(2), OBJ(3), OBJ(4) };
	ssize_t sz = rte_ring_get_memsize(32);
	struct rte_ring *r;
	FILE *f;

	TEST_ASSERT(sz > 0, "memsize");
	r = aligned_alloc(RTE_CACHE_LINE_SIZE, sz);
	TEST_ASSERT_NOT_NULL(r, "alloc");
	TEST_ASSERT_EQUAL(rte_ring_init(r, "r_user", 32, RING_F_SP_ENQ), 0, "init");
	TEST_ASSERT_EQUAL(rte_ring_init(r, "r_user", 33, 0), -EINVAL, "init bad count");
	TEST_ASSERT_EQUAL(rte_ring_init(r, "r_user", 32, RING_F_MP_RTS_ENQ | RING_F_MP_HTS_ENQ),
			  -EINVAL, "init with two producer modes");
	TEST_ASSERT_EQUAL(rte_ring_init(r, "a_name_much_longer_than_the_limit_allows", 32, 0),
			  -ENAMETOOLONG, "init long name");
	TEST_ASSERT_EQUAL(rte_ring_init(r, "r_user", 32, RING_F_SP_ENQ), 0, "init again");
	TEST_ASSERT_NULL(rte_ring_lookup("r_user"), "an initialized ring is not listed");
	TEST_ASSERT(rte_ring_is_prod_single(r) && !rte_ring_is_cons_single(r), "SP/MC");
	TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk(r, objs, 5, NULL), 5, "enqueue");

	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_ring_dump(f, r);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "ring <r_user>@", "dump header");
	TEST_ASSERT_STR_CONTAINS(text, "capacity=31", "dump capacity");
	TEST_ASSERT_STR_CONTAINS(text, "used=5", "dump used");
	TEST_ASSERT_STR_CONTAINS(text, "avail=26", "dump avail");
	free(text);

	rte_ring_reset(r);
	TEST_ASSERT(rte_ring_empty(r), "empty after reset");
	TEST_ASSERT_EQUAL(rte_ring_count(r), 0, "count after reset");
	TEST_ASSERT_EQUAL(rte_ring_free_count(r), 31, "free after reset");
	TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk(r, objs, 5, NULL), 5, "usable after reset");
	rte_ring_free(r);	/* refused: not from rte_ring_create */
	TEST_ASSERT_EQUAL(rte_ring_count(r), 5, "rte_ring_free left it alone");
	free(r);
	return TEST_SUCCESS;
}

static int
test_ring_lookup_list(void)
{
	struct rte_ring *a, *b;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	a = rte_ring_create("r_list_a", 8, SOCKET_ID_ANY, 0);
	b = rte_ring_create_elem("r_list_b", 16, 8, SOCKET_ID_ANY, 0);
	TEST_ASSERT(a != NULL && b != NULL, "create: %s", rte_strerror(rte_errno));
	TEST_ASSERT(rte_ring_lookup("r_list_a") == a, "lookup a");
	TEST_ASSERT(rte_ring_lookup("r_list_b") == b, "lookup b");
	TEST_ASSERT_NULL(rte_ring_lookup("r_list"), "no prefix match");
	f = open_memstream(&text, &len);
	TEST_ASSERT_NOT_NULL(f, "memstream");
	rte_ring_list_dump(f);
	fclose(f);
	TEST_ASSERT_STR_CONTAINS(text, "ring <r_list_a>", "list has a");
	TEST_ASSERT_STR_CONTAINS(text, "ring <r_list_b>", "list has b");
	free(text);
	rte_ring_free(a);
	TEST_ASSERT_NULL(rte_ring_lookup("r_list_a"), "a gone");
	TEST_ASSERT(rte_ring_lookup("r_list_b") == b, "b stays");
	rte_ring_free(b);
	return TEST_SUCCESS;
}

static const struct test_case ring_cases[] = {
	TEST_CASE(test_ring_create_errors),
	TEST_CASE(test_ring_sizes),
	TEST_CASE(test_ring_flavours),
	TEST_CASE(test_ring_wrap),
	TEST_CASE(test_ring_elem_sizes),
	TEST_CASE(test_ring_unaligned_table),
	TEST_CASE(test_ring_init_reset_dump),
	TEST_CASE(test_ring_lookup_list),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(ring, TEST_SUITE_EAL, ring_cases)
