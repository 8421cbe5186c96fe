/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Timers: per-lcore pending lists kept as skip lists (ordered by expiry,
 * O(log n) insert and removal), the status-word protocol that lets any lcore
 * arm or stop a timer, and rte_timer_manage() running expired callbacks on
 * the owner lcore.
 *
 * Status protocol: a caller first moves the status word from STOP or PENDING
 * to CONFIG (owner = caller) with a CAS; while it holds CONFIG nobody else
 * touches the timer, so it unlinks, changes the fields and links the timer
 * again, then publishes PENDING (owner = list lcore) or STOP with a release
 * store. rte_timer_manage() moves expired timers from PENDING to RUNNING
 * (owner = managing lcore) under the list lock; a RUNNING timer can only be
 * reset or stopped by its own callback.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_pause.h>
#include <rte_spinlock.h>
#include <rte_timer.h>

#define __rte_export __attribute__((visibility("default")))

#define TIMER_LOG(level, ...) RTE_LOG(level, TIMER, __VA_ARGS__)

/* Instances of the per-lcore lists (DPDK allows 64 too). */
#define TIMER_DATA_MAX 64
/* The instance rte_timer_subsystem_init() allocates for the plain API. */
#define TIMER_DATA_DEFAULT 0
/* next_expire of an empty list: later than any timer. */
#define TIMER_NEVER UINT64_MAX

/* The layout applications built against DPDK 22.11 headers expect (LP64). */
_Static_assert(offsetof(struct rte_timer, expire) == 0, "expire offset");
_Static_assert(offsetof(struct rte_timer, sl_next) == 8, "sl_next offset");
_Static_assert(offsetof(struct rte_timer, status) == 88, "status offset");
_Static_assert(offsetof(struct rte_timer, period) == 96, "period offset");
_Static_assert(offsetof(struct rte_timer, f) == 104, "f offset");
_Static_assert(offsetof(struct rte_timer, arg) == 112, "arg offset");
_Static_assert(sizeof(struct rte_timer) == 120, "struct rte_timer size");
_Static_assert(sizeof(union rte_timer_status) == 4, "status is one 32-bit word");

/*
 * One lcore's slot in an instance: the pending list of the timers it owns,
 * and what that lcore needs as a caller (the callback it runs, counters).
 */
struct timer_lcore {
	struct rte_timer head; /* head.sl_next[i]: first timer on level i */
	rte_spinlock_t lock;   /* guards head, levels, pending, rng and members' links */
	unsigned int levels;   /* levels in use (0: empty list) */
	uint64_t next_expire;  /* earliest expiry, TIMER_NEVER if empty; read unlocked */
	uint64_t pending;      /* timers linked in the list */
	uint64_t rng;	       /* xorshift state for level choice */
	/* Written by this lcore only: */
	unsigned int next_any;	   /* last lcore picked for LCORE_ID_ANY */
	struct rte_timer *running; /* timer whose callback runs on this lcore */
	bool running_changed;	   /* that callback reset or stopped its timer */
	uint64_t n_reset;
	uint64_t n_stop;
	uint64_t n_manage;
} __rte_cache_aligned;

struct timer_data {
	bool allocated;
	struct timer_lcore lcore[RTE_MAX_LCORE];
};

/* Instances are created on first allocation and kept until finalize. */
static struct timer_data *timer_data_table[TIMER_DATA_MAX];
static pthread_mutex_t timer_data_mutex = PTHREAD_MUTEX_INITIALIZER;

/* Counter written by one lcore, read by rte_timer_dump_stats() on any. */
static inline void
timer_stat_inc(uint64_t *counter)
{
	__atomic_store_n(counter, *counter + 1, __ATOMIC_RELAXED);
}

static void
timer_data_clear(struct timer_data *d)
{
	unsigned int i;

	memset(d, 0, sizeof(*d));
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		struct timer_lcore *l = &d->lcore[i];

		rte_spinlock_init(&l->lock);
		l->head.status.state = RTE_TIMER_STOP;
		l->head.status.owner = RTE_TIMER_NO_OWNER;
		l->next_expire = TIMER_NEVER;
		l->rng = (i + 1) * 0x9e3779b97f4a7c15ull;
		l->next_any = i;
	}
}

/* The instance id, or NULL if it is not allocated (or not initialized). */
static struct timer_data *
timer_data_get(uint32_t id)
{
	struct timer_data *d;

	if (id >= TIMER_DATA_MAX)
		return NULL;
	/* acquire: pairs with the release stores in timer_data_take */
	d = __atomic_load_n(&timer_data_table[id], __ATOMIC_ACQUIRE);
	if (d == NULL || !__atomic_load_n(&d->allocated, __ATOMIC_ACQUIRE))
		return NULL;
	return d;
}

/* timer_data_get for the functions a user calls once per action: says why. */
static struct timer_data *
timer_data_get_logged(uint32_t id, const char *func)
{
	struct timer_data *d = timer_data_get(id);

	if (d != NULL)
		return d;
	if (timer_data_get(TIMER_DATA_DEFAULT) == NULL)
		TIMER_LOG(ERR, "%s: call rte_timer_subsystem_init() first\n", func);
	else
		TIMER_LOG(ERR, "%s: timer data %" PRIu32 " is not allocated\n", func, id);
	return NULL;
}

/* Mark slot id allocated, creating its instance if needed. Mutex held. */
static int
timer_data_take(uint32_t id)
{
	struct timer_data *d = timer_data_table[id];

	if (d == NULL) {
		if (posix_memalign((void **)&d, RTE_CACHE_LINE_SIZE, sizeof(*d)) != 0)
			return -ENOMEM;
		timer_data_clear(d);
		/* release: pairs with the acquire load in timer_data_get */
		__atomic_store_n(&timer_data_table[id], d, __ATOMIC_RELEASE);
	} else {
		timer_data_clear(d);
	}
	/* release: lists cleared before the instance can be used */
	__atomic_store_n(&d->allocated, true, __ATOMIC_RELEASE);
	return 0;
}

/* ---- skip list; the caller holds l->lock ---- */

/* Height of a new entry: one more level with probability 1/4 each. */
static unsigned int
timer_list_pick_height(struct timer_lcore *l)
{
	uint64_t x = l->rng;
	unsigned int height = 1;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	l->rng = x;
	while ((x & 3) == 0 && height < MAX_SKIPLIST_DEPTH) {
		height++;
		x >>= 2;
	}
	/* Grow the list one level at a time, as a skip list must. */
	return RTE_MIN(height, l->levels + 1);
}

static void
timer_list_update_next(struct timer_lcore *l)
{
	struct rte_timer *first = l->head.sl_next[0];

	while (l->levels > 0 && l->head.sl_next[l->levels - 1] == NULL)
		l->levels--;
	/* relaxed: only a hint for the unlocked check in timer_list_take_expired */
	__atomic_store_n(&l->next_expire, first != NULL ? first->expire : TIMER_NEVER,
			 __ATOMIC_RELAXED);
}

/* Link tim after the timers that expire no later: equal expiries keep arming order. */
static void
timer_list_insert(struct timer_lcore *l, struct rte_timer *tim)
{
	struct rte_timer *prev[MAX_SKIPLIST_DEPTH];
	struct rte_timer *x = &l->head;
	unsigned int height = timer_list_pick_height(l);
	unsigned int i;

	if (height > l->levels)
		l->levels = height;
	for (i = l->levels; i-- > 0;) {
		while (x->sl_next[i] != NULL && x->sl_next[i]->expire <= tim->expire)
			x = x->sl_next[i];
		prev[i] = x;
	}
	for (i = 0; i < height; i++) {
		tim->sl_next[i] = prev[i]->sl_next[i];
		prev[i]->sl_next[i] = tim;
	}
	for (; i < MAX_SKIPLIST_DEPTH; i++)
		tim->sl_next[i] = NULL;
	l->pending++;
	timer_list_update_next(l);
}

/*
 * Unlink tim from every level it is on. It may be absent: manage takes
 * expired timers off the list before it learns that one is being configured.
 */
static void
timer_list_remove(struct timer_lcore *l, struct rte_timer *tim)
{
	struct rte_timer *x = &l->head, *y;
	bool found = false;
	unsigned int i;

	for (i = l->levels; i-- > 0;) {
		while (x->sl_next[i] != NULL && x->sl_next[i]->expire < tim->expire)
			x = x->sl_next[i];
		/* among equal expiries, tim is not necessarily first */
		y = x;
		while (y->sl_next[i] != NULL && y->sl_next[i] != tim &&
		       y->sl_next[i]->expire == tim->expire)
			y = y->sl_next[i];
		if (y->sl_next[i] == tim) {
			y->sl_next[i] = tim->sl_next[i];
			found = true;
		}
	}
	if (found)
		l->pending--;
	timer_list_update_next(l);
}

/*
 * Cut the timers that expired by now off list l and mark them RUNNING for
 * lcore self. Returns them chained through sl_next[0], earliest first.
 */
static struct rte_timer *
timer_list_take_expired(struct timer_lcore *l, unsigned int list_lcore, unsigned int self,
			uint64_t now)
{
	union rte_timer_status pending, running;
	struct rte_timer *first, *tim, *next, *x, **link;
	unsigned int i;

	/* relaxed: a stale value only delays a timer to the next call */
	if (__atomic_load_n(&l->next_expire, __ATOMIC_RELAXED) > now)
		return NULL;

	rte_spinlock_lock(&l->lock);
	first = l->head.sl_next[0];
	if (first == NULL || first->expire > now) {
		rte_spinlock_unlock(&l->lock);
		return NULL;
	}
	x = &l->head;
	for (i = l->levels; i-- > 0;) {
		while (x->sl_next[i] != NULL && x->sl_next[i]->expire <= now)
			x = x->sl_next[i];
		if (x != &l->head) {
			l->head.sl_next[i] = x->sl_next[i];
			x->sl_next[i] = NULL;
		}
	}

	pending.state = RTE_TIMER_PENDING;
	pending.owner = (int16_t)list_lcore;
	running.state = RTE_TIMER_RUNNING;
	running.owner = (int16_t)self;
	link = &first;
	for (tim = first; tim != NULL; tim = next) {
		uint32_t expected = pending.u32;

		next = tim->sl_next[0];
		l->pending--;
		/*
		 * acquire: pairs with the release store of PENDING by the lcore
		 * that armed it. Fails only if another lcore holds CONFIG: it
		 * takes the timer over, so leave it out of the run list.
		 */
		if (__atomic_compare_exchange_n(&tim->status.u32, &expected, running.u32, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			link = &tim->sl_next[0];
		else
			*link = next;
	}
	timer_list_update_next(l);
	rte_spinlock_unlock(&l->lock);
	return first;
}

/* Link a timer the caller holds (CONFIG or RUNNING) into l and publish it PENDING there. */
static void
timer_make_pending(struct timer_lcore *l, struct rte_timer *tim, unsigned int lcore)
{
	union rte_timer_status status;

	rte_spinlock_lock(&l->lock);
	timer_list_insert(l, tim);
	status.state = RTE_TIMER_PENDING;
	status.owner = (int16_t)lcore;
	/* release: pairs with the acquire CAS in timer_claim / take_expired */
	__atomic_store_n(&tim->status.u32, status.u32, __ATOMIC_RELEASE);
	rte_spinlock_unlock(&l->lock);
}

/* Publish a timer the caller holds as STOP: from now on another lcore may take it. */
static void
timer_make_stopped(struct rte_timer *tim)
{
	union rte_timer_status status;

	status.state = RTE_TIMER_STOP;
	status.owner = RTE_TIMER_NO_OWNER;
	/* release: pairs with the acquire CAS of the next lcore to claim it */
	__atomic_store_n(&tim->status.u32, status.u32, __ATOMIC_RELEASE);
}

/*
 * Run the callbacks of nb run lists (from timer_list_take_expired) on lcore
 * self, merged in expiry order; alt_cb replaces the timers' own callbacks.
 */
static void
timer_run_expired(struct timer_data *d, unsigned int self, struct rte_timer **runs, unsigned int nb,
		  rte_timer_alt_manage_cb_t alt_cb)
{
	struct timer_lcore *me = &d->lcore[self];
	struct rte_timer *tim;
	unsigned int i, pick;

	for (;;) {
		pick = nb;
		for (i = 0; i < nb; i++)
			if (runs[i] != NULL && (pick == nb || runs[i]->expire < runs[pick]->expire))
				pick = i;
		if (pick == nb)
			return;
		tim = runs[pick];
		/* before the callback: it may re-link or free its timer */
		runs[pick] = tim->sl_next[0];

		me->running = tim;
		me->running_changed = false;
		if (alt_cb != NULL)
			alt_cb(tim);
		else if (tim->f != NULL)
			tim->f(tim, tim->arg);
		me->running = NULL;
		if (me->running_changed)
			continue; /* the callback reset or stopped it */

		if (tim->period == 0) {
			timer_make_stopped(tim);
		} else {
			/* RUNNING keeps every other lcore off: no CONFIG step needed */
			tim->expire += tim->period;
			timer_make_pending(me, tim, self);
		}
	}
}

/*
 * Move tim to CONFIG for the caller. Returns 0 with its previous status in
 * *prev, or -1 if it is being configured, or running other than as the
 * caller's own callback.
 */
static int
timer_claim(struct timer_data *d, struct rte_timer *tim, unsigned int self,
	    union rte_timer_status *prev)
{
	union rte_timer_status old, config;

	config.state = RTE_TIMER_CONFIG;
	config.owner = (int16_t)self;
	old.u32 = __atomic_load_n(&tim->status.u32, __ATOMIC_RELAXED);
	do {
		if (old.state == RTE_TIMER_CONFIG)
			return -1;
		if (old.state == RTE_TIMER_RUNNING &&
		    (self >= RTE_MAX_LCORE || old.owner != (int16_t)self ||
		     d->lcore[self].running != tim))
			return -1;
		/* acquire: pairs with the release store that published old */
	} while (!__atomic_compare_exchange_n(&tim->status.u32, &old.u32, config.u32, false,
					      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
	*prev = old;
	return 0;
}

/* Take a claimed timer off whatever list its previous status put it on. */
static void
timer_detach(struct timer_data *d, struct rte_timer *tim, union rte_timer_status prev,
	     unsigned int self)
{
	struct timer_lcore *l;

	if (prev.state == RTE_TIMER_RUNNING) {
		/* the caller is its callback (timer_claim checked) */
		d->lcore[self].running_changed = true;
	} else if (prev.state == RTE_TIMER_PENDING) {
		l = &d->lcore[(uint16_t)prev.owner];
		rte_spinlock_lock(&l->lock);
		timer_list_remove(l, tim);
		rte_spinlock_unlock(&l->lock);
	}
}

static unsigned int
timer_pick_any(struct timer_data *d, unsigned int self)
{
	unsigned int next;

	if (self >= RTE_MAX_LCORE)
		return rte_get_next_lcore(-1, 0, 1);
	next = rte_get_next_lcore(d->lcore[self].next_any, 0, 1);
	d->lcore[self].next_any = next;
	return next;
}

static int
timer_arm(struct timer_data *d, struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
	  unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	uint64_t expire = rte_get_timer_cycles() + ticks;
	unsigned int self = rte_lcore_id();
	union rte_timer_status prev;

	if (tim_lcore == LCORE_ID_ANY) {
		tim_lcore = timer_pick_any(d, self);
	} else if (tim_lcore >= RTE_MAX_LCORE) {
		TIMER_LOG(ERR, "rte_timer_reset: lcore %u is not below RTE_MAX_LCORE (%u)\n",
			  tim_lcore, RTE_MAX_LCORE);
		return -EINVAL;
	}
	if (timer_claim(d, tim, self, &prev) < 0)
		return -1;
	timer_detach(d, tim, prev, self);

	tim->expire = expire;
	tim->period = type == PERIODICAL ? ticks : 0;
	tim->f = fct;
	tim->arg = arg;
	timer_make_pending(&d->lcore[tim_lcore], tim, tim_lcore);
	if (self < RTE_MAX_LCORE)
		timer_stat_inc(&d->lcore[self].n_reset);
	return 0;
}

static int
timer_disarm(struct timer_data *d, struct rte_timer *tim)
{
	unsigned int self = rte_lcore_id();
	union rte_timer_status prev;

	if (timer_claim(d, tim, self, &prev) < 0)
		return -1;
	timer_detach(d, tim, prev, self);
	timer_make_stopped(tim);
	if (self < RTE_MAX_LCORE)
		timer_stat_inc(&d->lcore[self].n_stop);
	return 0;
}

__rte_export int
rte_timer_subsystem_init(void)
{
	int ret;

	pthread_mutex_lock(&timer_data_mutex);
	if (timer_data_get(TIMER_DATA_DEFAULT) != NULL)
		ret = -EALREADY;
	else
		ret = timer_data_take(TIMER_DATA_DEFAULT);
	pthread_mutex_unlock(&timer_data_mutex);
	if (ret == -ENOMEM)
		TIMER_LOG(ERR, "rte_timer_subsystem_init: out of memory\n");
	return ret;
}

__rte_export void
rte_timer_subsystem_finalize(void)
{
	struct timer_data *d;
	unsigned int i;

	pthread_mutex_lock(&timer_data_mutex);
	for (i = 0; i < TIMER_DATA_MAX; i++) {
		d = timer_data_table[i];
		__atomic_store_n(&timer_data_table[i], NULL, __ATOMIC_RELAXED);
		free(d);
	}
	pthread_mutex_unlock(&timer_data_mutex);
}

__rte_export int
rte_timer_data_alloc(uint32_t *id_ptr)
{
	int ret = -ENOSPC;
	uint32_t id;

	pthread_mutex_lock(&timer_data_mutex);
	if (timer_data_get(TIMER_DATA_DEFAULT) == NULL) {
		ret = -ENOMEM; /* what DPDK returns before rte_timer_subsystem_init */
		TIMER_LOG(ERR, "rte_timer_data_alloc: call rte_timer_subsystem_init() first\n");
		goto out;
	}
	for (id = 0; id < TIMER_DATA_MAX; id++) {
		if (timer_data_get(id) != NULL)
			continue;
		ret = timer_data_take(id);
		if (ret == 0 && id_ptr != NULL)
			*id_ptr = id;
		goto out;
	}
out:
	pthread_mutex_unlock(&timer_data_mutex);
	return ret;
}

__rte_export int
rte_timer_data_dealloc(uint32_t id)
{
	struct timer_data *d;
	int ret = 0;

	pthread_mutex_lock(&timer_data_mutex);
	d = timer_data_get_logged(id, __func__);
	if (d == NULL)
		ret = -EINVAL;
	else
		__atomic_store_n(&d->allocated, false, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&timer_data_mutex);
	return ret;
}

__rte_export void
rte_timer_init(struct rte_timer *tim)
{
	timer_make_stopped(tim);
}

__rte_export int
rte_timer_alt_reset(uint32_t timer_data_id, struct rte_timer *tim, uint64_t ticks,
		    enum rte_timer_type type, unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	struct timer_data *d = timer_data_get_logged(timer_data_id, "rte_timer_reset");

	if (d == NULL)
		return -EINVAL;
	return timer_arm(d, tim, ticks, type, tim_lcore, fct, arg);
}

__rte_export int
rte_timer_reset(struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
		unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	return rte_timer_alt_reset(TIMER_DATA_DEFAULT, tim, ticks, type, tim_lcore, fct, arg);
}

__rte_export void
rte_timer_reset_sync(struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
		     unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	/* Retry only the transient refusal: -EINVAL would never go away. */
	while (rte_timer_reset(tim, ticks, type, tim_lcore, fct, arg) == -1)
		rte_pause();
}

__rte_export int
rte_timer_alt_stop(uint32_t timer_data_id, struct rte_timer *tim)
{
	struct timer_data *d = timer_data_get_logged(timer_data_id, "rte_timer_stop");

	if (d == NULL)
		return -EINVAL;
	return timer_disarm(d, tim);
}

__rte_export int
rte_timer_stop(struct rte_timer *tim)
{
	return rte_timer_alt_stop(TIMER_DATA_DEFAULT, tim);
}

__rte_export void
rte_timer_stop_sync(struct rte_timer *tim)
{
	while (rte_timer_stop(tim) == -1)
		rte_pause();
}

__rte_export int
rte_timer_pending(struct rte_timer *tim)
{
	union rte_timer_status status;

	/* relaxed: a snapshot, stale as soon as it is returned */
	status.u32 = __atomic_load_n(&tim->status.u32, __ATOMIC_RELAXED);
	return status.state == RTE_TIMER_PENDING;
}

__rte_export int64_t
rte_timer_next_ticks(void)
{
	struct timer_data *d = timer_data_get(TIMER_DATA_DEFAULT);
	unsigned int self = rte_lcore_id();
	struct rte_timer *first;
	struct timer_lcore *l;
	int64_t left = -ENOENT;
	uint64_t now;

	if (d == NULL || self >= RTE_MAX_LCORE)
		return -EINVAL;
	l = &d->lcore[self];
	now = rte_get_timer_cycles();
	rte_spinlock_lock(&l->lock);
	first = l->head.sl_next[0];
	if (first != NULL)
		left = first->expire > now ? (int64_t)(first->expire - now) : 0;
	rte_spinlock_unlock(&l->lock);
	return left;
}

__rte_export int
rte_timer_manage(void)
{
	struct timer_data *d = timer_data_get(TIMER_DATA_DEFAULT);
	unsigned int self = rte_lcore_id();
	struct rte_timer *run;

	if (d == NULL || self >= RTE_MAX_LCORE)
		return -EINVAL;
	timer_stat_inc(&d->lcore[self].n_manage);
	run = timer_list_take_expired(&d->lcore[self], self, self, rte_get_timer_cycles());
	if (run != NULL)
		timer_run_expired(d, self, &run, 1, NULL);
	return 0;
}

__rte_export int
rte_timer_alt_manage(uint32_t timer_data_id, unsigned int *poll_lcores, int n_poll_lcores,
		     rte_timer_alt_manage_cb_t f)
{
	struct timer_data *d = timer_data_get(timer_data_id);
	struct rte_timer *runs[RTE_MAX_LCORE];
	unsigned int self = rte_lcore_id();
	unsigned int nb = 0;
	uint64_t now;
	int i;

	if (d == NULL || self >= RTE_MAX_LCORE || f == NULL)
		return -EINVAL;
	if (poll_lcores == NULL) {
		poll_lcores = &self;
		n_poll_lcores = 1;
	}
	if (n_poll_lcores < 0 || n_poll_lcores > RTE_MAX_LCORE)
		return -EINVAL;
	for (i = 0; i < n_poll_lcores; i++)
		if (poll_lcores[i] >= RTE_MAX_LCORE)
			return -EINVAL;

	timer_stat_inc(&d->lcore[self].n_manage);
	now = rte_get_timer_cycles();
	for (i = 0; i < n_poll_lcores; i++) {
		runs[nb] = timer_list_take_expired(&d->lcore[poll_lcores[i]], poll_lcores[i], self,
						   now);
		if (runs[nb] != NULL)
			nb++;
	}
	if (nb > 0)
		timer_run_expired(d, self, runs, nb, f);
	return 0;
}

__rte_export int
rte_timer_stop_all(uint32_t timer_data_id, unsigned int *walk_lcores, int nb_walk_lcores,
		   rte_timer_stop_all_cb_t f, void *f_arg)
{
	struct timer_data *d = timer_data_get_logged(timer_data_id, __func__);
	union rte_timer_status pending, config;
	struct rte_timer *tim, *next, *taken, **tail;
	struct timer_lcore *l;
	int i;

	if (d == NULL || nb_walk_lcores < 0 || (walk_lcores == NULL && nb_walk_lcores > 0))
		return -EINVAL;
	for (i = 0; i < nb_walk_lcores; i++)
		if (walk_lcores[i] >= RTE_MAX_LCORE)
			return -EINVAL;

	config.state = RTE_TIMER_CONFIG;
	config.owner = (int16_t)rte_lcore_id();
	for (i = 0; i < nb_walk_lcores; i++) {
		l = &d->lcore[walk_lcores[i]];
		pending.state = RTE_TIMER_PENDING;
		pending.owner = (int16_t)walk_lcores[i];
		taken = NULL;
		tail = &taken;
		rte_spinlock_lock(&l->lock);
		for (tim = l->head.sl_next[0]; tim != NULL; tim = next) {
			uint32_t expected = pending.u32;

			next = tim->sl_next[0];
			/* acquire: as in timer_claim; a failure means another lcore holds CONFIG */
			if (!__atomic_compare_exchange_n(&tim->status.u32, &expected, config.u32,
							 false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				continue;
			timer_list_remove(l, tim);
			/* ours while in CONFIG: chain it for the callbacks */
			*tail = tim;
			tail = &tim->sl_next[0];
		}
		*tail = NULL;
		rte_spinlock_unlock(&l->lock);

		/* Callbacks outside the lock: they may arm timers on this lcore. */
		for (tim = taken; tim != NULL; tim = next) {
			next = tim->sl_next[0];
			timer_make_stopped(tim);
			if (f != NULL)
				f(tim, f_arg);
		}
	}
	return 0;
}

__rte_export int
rte_timer_alt_dump_stats(uint32_t timer_data_id, FILE *f)
{
	struct timer_data *d = timer_data_get_logged(timer_data_id, "rte_timer_dump_stats");
	uint64_t reset = 0, stop = 0, manage = 0, pending = 0;
	unsigned int i;

	if (d == NULL)
		return -EINVAL;
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		struct timer_lcore *l = &d->lcore[i];

		reset += __atomic_load_n(&l->n_reset, __ATOMIC_RELAXED);
		stop += __atomic_load_n(&l->n_stop, __ATOMIC_RELAXED);
		manage += __atomic_load_n(&l->n_manage, __ATOMIC_RELAXED);
		rte_spinlock_lock(&l->lock);
		pending += l->pending;
		rte_spinlock_unlock(&l->lock);
	}
	fprintf(f, "Timer statistics (timer data %" PRIu32 "):\n", timer_data_id);
	fprintf(f, "  reset = %" PRIu64 "\n", reset);
	fprintf(f, "  stop = %" PRIu64 "\n", stop);
	fprintf(f, "  manage = %" PRIu64 "\n", manage);
	fprintf(f, "  pending = %" PRIu64 "\n", pending);
	return 0;
}

__rte_export int
rte_timer_dump_stats(FILE *f)
{
	return rte_timer_alt_dump_stats(TIMER_DATA_DEFAULT, f);
}
