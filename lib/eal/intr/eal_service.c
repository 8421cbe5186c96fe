/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Service cores: registered services, and the loop that service lcores run
 * on the EAL's lcore threads. The control functions hold service_lock; the
 * loop reads only atomics, so configuration changes reach a running lcore
 * on its next pass.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_pause.h>
#include <rte_service.h>
#include <rte_service_component.h>
#include <rte_spinlock.h>

#include "eal_private.h"

/* One bit per service in an lcore's mask. */
#define SERVICE_NUM_MAX 64

struct service {
	struct rte_service_spec spec;
	rte_spinlock_t execute_lock; /* held while a non-MT-safe service runs */
	/* The flags below are read by running lcores: atomic. */
	uint8_t registered;
	uint8_t app_runstate;
	uint8_t comp_runstate;
	uint8_t stats_enabled;
	uint8_t mapped_check;
	uint32_t num_mapped; /* service lcores mapped, + callers in run_iter */
} __rte_cache_aligned;

struct service_stats {
	uint64_t calls;
	uint64_t cycles;
};

/* Per lcore; one writer each (its thread), except the shared last slot. */
struct service_lcore {
	uint64_t service_mask; /* mapped services */
	uint8_t is_service;
	uint8_t runstate;		 /* 1 from start to stop */
	uint8_t loop_active;		 /* 1 while in service_lcore_loop */
	bool launched;			 /* the loop was launched; only under service_lock */
	uint8_t active[SERVICE_NUM_MAX]; /* service i runnable on its last pass */
	uint64_t loops;
	uint64_t cycles;
	struct service_stats stats[SERVICE_NUM_MAX];
} __rte_cache_aligned;

static struct service services[SERVICE_NUM_MAX];
/* Slot RTE_MAX_LCORE is for threads that are not lcores (several writers). */
static struct service_lcore slcores[RTE_MAX_LCORE + 1];
static uint32_t service_count;
static bool service_initialized;
static pthread_mutex_t service_lock = PTHREAD_MUTEX_INITIALIZER;

#define SHARED_SLOT RTE_MAX_LCORE

static bool
service_valid(uint32_t id)
{
	/* acquire: pairs with the release in register, so spec is complete */
	return id < SERVICE_NUM_MAX && __atomic_load_n(&services[id].registered, __ATOMIC_ACQUIRE);
}

static bool
slcore_is_service(uint32_t lcore)
{
	return lcore < RTE_MAX_LCORE &&
	       __atomic_load_n(&slcores[lcore].is_service, __ATOMIC_ACQUIRE);
}

static unsigned int
slot_of_caller(void)
{
	unsigned int id = rte_lcore_id();

	return id < RTE_MAX_LCORE ? id : SHARED_SLOT;
}

/* Add v to a statistic: a plain read-modify-write for an lcore's own slot. */
static void
stat_add(uint64_t *p, uint64_t v, unsigned int slot)
{
	if (slot == SHARED_SLOT)
		__atomic_fetch_add(p, v, __ATOMIC_RELAXED);
	else
		__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED) + v, __ATOMIC_RELAXED);
}

static void
service_call(struct service *s, uint32_t id, unsigned int slot)
{
	struct service_lcore *sl = &slcores[slot];
	uint64_t start;
	int32_t rc;

	if (!__atomic_load_n(&s->stats_enabled, __ATOMIC_RELAXED)) {
		s->spec.callback(s->spec.callback_userdata);
		return;
	}
	start = rte_rdtsc();
	rc = s->spec.callback(s->spec.callback_userdata);
	if (rc != -EAGAIN) {
		uint64_t cycles = rte_rdtsc() - start;

		stat_add(&sl->stats[id].cycles, cycles, slot);
		stat_add(&sl->cycles, cycles, slot);
	}
	stat_add(&sl->stats[id].calls, 1, slot);
}

/* Run service id once on this slot if it may run: 0, -ENOEXEC or -EBUSY. */
static int32_t
service_run_once(uint32_t id, unsigned int slot, bool serialize)
{
	struct service *s = &services[id];
	uint8_t *active = &slcores[slot].active[id];

	/* acquire: pairs with the release stores of the runstate setters */
	if (!__atomic_load_n(&s->registered, __ATOMIC_ACQUIRE) ||
	    !__atomic_load_n(&s->comp_runstate, __ATOMIC_ACQUIRE) ||
	    !__atomic_load_n(&s->app_runstate, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(active, 0, __ATOMIC_RELEASE);
		return -ENOEXEC;
	}
	__atomic_store_n(active, 1, __ATOMIC_RELEASE);
	if (serialize && !(s->spec.capabilities & RTE_SERVICE_CAP_MT_SAFE)) {
		/* one lcore at a time: the lock is the service's */
		if (!rte_spinlock_trylock(&s->execute_lock))
			return -EBUSY;
		service_call(s, id, slot);
		rte_spinlock_unlock(&s->execute_lock);
	} else {
		service_call(s, id, slot);
	}
	return 0;
}

/* What a started service lcore runs until its runstate goes to 0. */
static int
service_lcore_loop(void *arg)
{
	unsigned int lcore = rte_lcore_id();
	struct service_lcore *sl = &slcores[lcore];
	uint64_t prev = 0;

	RTE_SET_USED(arg);
	__atomic_store_n(&sl->loop_active, 1, __ATOMIC_SEQ_CST);
	/* acquire: pairs with the release store in rte_service_lcore_stop */
	while (__atomic_load_n(&sl->runstate, __ATOMIC_ACQUIRE)) {
		/* acquire: pairs with the release in service_map_set */
		uint64_t mask = __atomic_load_n(&sl->service_mask, __ATOMIC_ACQUIRE);

		/* a service unmapped from here is no longer active here */
		for (uint64_t m = prev & ~mask; m != 0; m &= m - 1)
			__atomic_store_n(&sl->active[__builtin_ctzll(m)], 0, __ATOMIC_RELEASE);
		prev = mask;
		if (mask == 0) {
			rte_pause();
			continue;
		}
		for (uint64_t m = mask; m != 0; m &= m - 1)
			service_run_once((uint32_t)__builtin_ctzll(m), lcore, true);
		__atomic_store_n(&sl->loops, __atomic_load_n(&sl->loops, __ATOMIC_RELAXED) + 1,
				 __ATOMIC_RELAXED);
	}
	for (unsigned int i = 0; i < SERVICE_NUM_MAX; i++)
		__atomic_store_n(&sl->active[i], 0, __ATOMIC_RELAXED);
	/* seq_cst: once 0 is seen, this lcore is done with every service */
	__atomic_store_n(&sl->loop_active, 0, __ATOMIC_SEQ_CST);
	return 0;
}

/*
 * Wait for the loop a service lcore was given to return (it has been told to
 * stop); 0, or -EBUSY if the lcore runs a function the application gave it.
 * Under service_lock.
 */
static int
service_lcore_wait_loop(uint32_t lcore)
{
	struct service_lcore *sl = &slcores[lcore];

	if (rte_eal_get_lcore_state(lcore) == WAIT) {
		sl->launched = false;
		return 0;
	}
	if (!sl->launched)
		return -EBUSY;
	rte_eal_wait_lcore(lcore);
	sl->launched = false;
	return 0;
}

__rte_export uint32_t
rte_service_get_count(void)
{
	return __atomic_load_n(&service_count, __ATOMIC_RELAXED);
}

__rte_export int32_t
rte_service_get_by_name(const char *name, uint32_t *service_id)
{
	if (name == NULL || service_id == NULL)
		return -EINVAL;
	for (uint32_t i = 0; i < SERVICE_NUM_MAX; i++) {
		if (service_valid(i) && strcmp(services[i].spec.name, name) == 0) {
			*service_id = i;
			return 0;
		}
	}
	return -ENODEV;
}

__rte_export const char *
rte_service_get_name(uint32_t id)
{
	return service_valid(id) ? services[id].spec.name : NULL;
}

__rte_export int32_t
rte_service_probe_capability(uint32_t id, uint32_t capability)
{
	if (!service_valid(id))
		return -EINVAL;
	return (services[id].spec.capabilities & capability) != 0;
}

__rte_export int32_t
rte_service_component_register(const struct rte_service_spec *spec, uint32_t *service_id)
{
	uint32_t id;

	if (spec == NULL || spec->callback == NULL || spec->name[0] == '\0' ||
	    memchr(spec->name, '\0', sizeof(spec->name)) == NULL)
		return -EINVAL;
	pthread_mutex_lock(&service_lock);
	for (id = 0; id < SERVICE_NUM_MAX; id++)
		if (!__atomic_load_n(&services[id].registered, __ATOMIC_RELAXED))
			break;
	if (id == SERVICE_NUM_MAX) {
		pthread_mutex_unlock(&service_lock);
		return -ENOSPC;
	}
	memset(&services[id], 0, sizeof(services[id]));
	services[id].spec = *spec;
	rte_spinlock_init(&services[id].execute_lock);
	services[id].mapped_check = 1;
	for (unsigned int l = 0; l <= RTE_MAX_LCORE; l++)
		memset(&slcores[l].stats[id], 0, sizeof(slcores[l].stats[id]));
	/* release: the spec is complete before anyone sees the service */
	__atomic_store_n(&services[id].registered, 1, __ATOMIC_RELEASE);
	__atomic_fetch_add(&service_count, 1, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&service_lock);
	if (service_id != NULL)
		*service_id = id;
	return 0;
}

__rte_export int32_t
rte_service_may_be_active(uint32_t id)
{
	if (!service_valid(id))
		return -EINVAL;
	for (unsigned int l = 0; l <= RTE_MAX_LCORE; l++)
		if (__atomic_load_n(&slcores[l].active[id], __ATOMIC_ACQUIRE))
			return 1;
	return 0;
}

__rte_export int32_t
rte_service_component_unregister(uint32_t id)
{
	int ret = 0;

	pthread_mutex_lock(&service_lock);
	if (!service_valid(id)) {
		ret = -EINVAL;
	} else if (rte_service_may_be_active(id) == 1) {
		ret = -EBUSY;
	} else {
		for (unsigned int l = 0; l < RTE_MAX_LCORE; l++)
			__atomic_fetch_and(&slcores[l].service_mask, ~(UINT64_C(1) << id),
					   __ATOMIC_RELEASE);
		/* The spec stays in place: a late reader still finds a callback. */
		__atomic_store_n(&services[id].registered, 0, __ATOMIC_RELEASE);
		__atomic_store_n(&services[id].num_mapped, 0, __ATOMIC_RELAXED);
		__atomic_fetch_sub(&service_count, 1, __ATOMIC_RELAXED);
	}
	pthread_mutex_unlock(&service_lock);
	return ret;
}

/* Set one of a service's flags; -EINVAL if id is not a registered service. */
static int32_t
service_flag_set(uint32_t id, size_t offset, bool on)
{
	if (!service_valid(id))
		return -EINVAL;
	/* release: pairs with the acquire loads in service_run_once */
	__atomic_store_n((uint8_t *)&services[id] + offset, on, __ATOMIC_RELEASE);
	return 0;
}

__rte_export int32_t
rte_service_component_runstate_set(uint32_t id, uint32_t runstate)
{
	return service_flag_set(id, offsetof(struct service, comp_runstate), runstate != 0);
}

__rte_export int32_t
rte_service_runstate_set(uint32_t id, uint32_t runstate)
{
	return service_flag_set(id, offsetof(struct service, app_runstate), runstate != 0);
}

__rte_export int32_t
rte_service_set_stats_enable(uint32_t id, int32_t enable)
{
	return service_flag_set(id, offsetof(struct service, stats_enabled), enable != 0);
}

__rte_export int32_t
rte_service_set_runstate_mapped_check(uint32_t id, int32_t enable)
{
	return service_flag_set(id, offsetof(struct service, mapped_check), enable != 0);
}

__rte_export int32_t
rte_service_runstate_get(uint32_t id)
{
	struct service *s;

	if (!service_valid(id))
		return -EINVAL;
	s = &services[id];
	if (!__atomic_load_n(&s->comp_runstate, __ATOMIC_ACQUIRE) ||
	    !__atomic_load_n(&s->app_runstate, __ATOMIC_ACQUIRE))
		return 0;
	return !__atomic_load_n(&s->mapped_check, __ATOMIC_RELAXED) ||
	       __atomic_load_n(&s->num_mapped, __ATOMIC_RELAXED) > 0;
}

__rte_export int32_t
rte_service_run_iter_on_app_lcore(uint32_t id, uint32_t serialize_multithread_unsafe)
{
	unsigned int slot = slot_of_caller();
	int32_t ret;

	if (!service_valid(id))
		return -EINVAL;
	/* the caller counts as mapped while it runs the service */
	__atomic_fetch_add(&services[id].num_mapped, 1, __ATOMIC_RELAXED);
	ret = service_run_once(id, slot, serialize_multithread_unsafe != 0);
	__atomic_store_n(&slcores[slot].active[id], 0, __ATOMIC_RELEASE);
	__atomic_fetch_sub(&services[id].num_mapped, 1, __ATOMIC_RELAXED);
	return ret;
}

/* Map or unmap under service_lock; the caller checked id and lcore. */
static void
service_map_set(uint32_t id, uint32_t lcore, bool on)
{
	uint64_t bit = UINT64_C(1) << id;
	uint64_t old;

	/* release: pairs with the acquire load of the mask in the loop */
	if (on)
		old = __atomic_fetch_or(&slcores[lcore].service_mask, bit, __ATOMIC_RELEASE);
	else
		old = __atomic_fetch_and(&slcores[lcore].service_mask, ~bit, __ATOMIC_RELEASE);
	if (on && !(old & bit))
		__atomic_fetch_add(&services[id].num_mapped, 1, __ATOMIC_RELAXED);
	else if (!on && (old & bit))
		__atomic_fetch_sub(&services[id].num_mapped, 1, __ATOMIC_RELAXED);
}

__rte_export int32_t
rte_service_map_lcore_set(uint32_t service_id, uint32_t lcore, uint32_t enable)
{
	int32_t ret = 0;

	pthread_mutex_lock(&service_lock);
	if (!service_valid(service_id) || !slcore_is_service(lcore))
		ret = -EINVAL;
	else
		service_map_set(service_id, lcore, enable != 0);
	pthread_mutex_unlock(&service_lock);
	return ret;
}

__rte_export int32_t
rte_service_map_lcore_get(uint32_t service_id, uint32_t lcore)
{
	if (!service_valid(service_id) || !slcore_is_service(lcore))
		return -EINVAL;
	return (__atomic_load_n(&slcores[lcore].service_mask, __ATOMIC_RELAXED) >> service_id) & 1;
}

__rte_export int32_t
rte_service_lcore_may_be_active(uint32_t lcore_id)
{
	if (!slcore_is_service(lcore_id))
		return -EINVAL;
	return __atomic_load_n(&slcores[lcore_id].loop_active, __ATOMIC_ACQUIRE);
}

__rte_export int32_t
rte_service_lcore_count(void)
{
	int32_t n = 0;

	for (uint32_t l = 0; l < RTE_MAX_LCORE; l++)
		n += slcore_is_service(l);
	return n;
}

__rte_export int32_t
rte_service_lcore_list(uint32_t array[], uint32_t n)
{
	uint32_t count = (uint32_t)rte_service_lcore_count(), idx = 0;

	if (count > n)
		return -ENOMEM;
	if (array == NULL)
		return -EINVAL;
	for (uint32_t l = 0; l < RTE_MAX_LCORE && idx < count; l++)
		if (slcore_is_service(l))
			array[idx++] = l;
	return (int32_t)idx;
}

__rte_export int32_t
rte_service_lcore_count_services(uint32_t lcore)
{
	if (lcore >= RTE_MAX_LCORE)
		return -EINVAL;
	if (!slcore_is_service(lcore))
		return -ENOTSUP;
	return __builtin_popcountll(
		__atomic_load_n(&slcores[lcore].service_mask, __ATOMIC_RELAXED));
}

__rte_export int32_t
rte_service_lcore_add(uint32_t lcore)
{
	struct service_lcore *sl;
	int32_t ret;

	if (lcore >= RTE_MAX_LCORE)
		return -EINVAL;
	pthread_mutex_lock(&service_lock);
	sl = &slcores[lcore];
	if (slcore_is_service(lcore)) {
		ret = -EALREADY;
		goto out;
	}
	if (lcore_config[lcore].role != ROLE_RTE || !lcore_config[lcore].thread_started ||
	    lcore == rte_get_main_lcore()) {
		EAL_LOG(ERR,
			"lcore %u cannot become a service lcore: it is %s; use a "
			"worker lcore of -l, -c or --lcores\n",
			lcore,
			lcore == rte_get_main_lcore() ? "the main lcore" : "not in the lcore list");
		ret = -EINVAL;
		goto out;
	}
	ret = service_lcore_wait_loop(lcore);
	if (ret < 0)
		goto out;
	__atomic_store_n(&sl->service_mask, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&sl->runstate, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&sl->loops, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&sl->cycles, 0, __ATOMIC_RELAXED);
	lcore_config[lcore].role = ROLE_SERVICE;
	/* release: the state above is set before the lcore counts as one */
	__atomic_store_n(&sl->is_service, 1, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&service_lock);
	return ret;
}

/* Unmap everything from a service lcore and give it back. Under service_lock. */
static void
service_lcore_release(uint32_t lcore)
{
	for (uint32_t id = 0; id < SERVICE_NUM_MAX; id++)
		service_map_set(id, lcore, false);
	__atomic_store_n(&slcores[lcore].is_service, 0, __ATOMIC_RELEASE);
	lcore_config[lcore].role = ROLE_RTE;
}

__rte_export int32_t
rte_service_lcore_del(uint32_t lcore)
{
	int32_t ret = 0;

	pthread_mutex_lock(&service_lock);
	if (!slcore_is_service(lcore))
		ret = -EINVAL;
	else if (__atomic_load_n(&slcores[lcore].runstate, __ATOMIC_ACQUIRE))
		ret = -EBUSY;
	else
		service_lcore_release(lcore);
	pthread_mutex_unlock(&service_lock);
	return ret;
}

__rte_export int32_t
rte_service_lcore_start(uint32_t lcore_id)
{
	struct service_lcore *sl;
	int32_t ret;

	pthread_mutex_lock(&service_lock);
	if (!slcore_is_service(lcore_id)) {
		ret = -EINVAL;
		goto out;
	}
	sl = &slcores[lcore_id];
	if (__atomic_load_n(&sl->runstate, __ATOMIC_ACQUIRE)) {
		ret = -EALREADY;
		goto out;
	}
	ret = service_lcore_wait_loop(lcore_id);
	if (ret < 0)
		goto out;
	/* release: pairs with the acquire in the loop; set before the launch,
	 * or the loop would return at once */
	__atomic_store_n(&sl->runstate, 1, __ATOMIC_RELEASE);
	ret = rte_eal_remote_launch(service_lcore_loop, NULL, lcore_id);
	if (ret < 0)
		__atomic_store_n(&sl->runstate, 0, __ATOMIC_RELEASE);
	else
		sl->launched = true;
out:
	pthread_mutex_unlock(&service_lock);
	return ret;
}

__rte_export int32_t
rte_service_lcore_stop(uint32_t lcore_id)
{
	struct service_lcore *sl;
	uint64_t mask;
	int32_t ret = 0;

	if (lcore_id >= RTE_MAX_LCORE)
		return -EINVAL;
	pthread_mutex_lock(&service_lock);
	sl = &slcores[lcore_id];
	if (!__atomic_load_n(&sl->runstate, __ATOMIC_ACQUIRE)) {
		ret = -EALREADY;
		goto out;
	}
	/* A running service that only this lcore serves would starve. */
	mask = __atomic_load_n(&sl->service_mask, __ATOMIC_RELAXED);
	for (uint64_t m = mask; m != 0; m &= m - 1) {
		uint32_t id = (uint32_t)__builtin_ctzll(m);

		if (rte_service_runstate_get(id) == 1 &&
		    __atomic_load_n(&services[id].num_mapped, __ATOMIC_RELAXED) == 1) {
			ret = -EBUSY;
			goto out;
		}
	}
	/* release: pairs with the acquire in the loop */
	__atomic_store_n(&sl->runstate, 0, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&service_lock);
	return ret;
}

__rte_export int32_t
rte_service_lcore_reset_all(void)
{
	unsigned int self = rte_lcore_id();

	pthread_mutex_lock(&service_lock);
	for (uint32_t l = 0; l < RTE_MAX_LCORE; l++) {
		if (!slcore_is_service(l))
			continue;
		__atomic_store_n(&slcores[l].runstate, 0, __ATOMIC_RELEASE);
		service_lcore_release(l);
	}
	/* Stopped lcores are back in WAIT when this returns. */
	for (uint32_t l = 0; l < RTE_MAX_LCORE; l++)
		if (slcores[l].launched && l != self)
			service_lcore_wait_loop(l);
	pthread_mutex_unlock(&service_lock);
	return 0;
}

__rte_export int32_t
rte_service_start_with_defaults(void)
{
	uint32_t ids[RTE_MAX_LCORE];
	int32_t n = rte_service_lcore_list(ids, RTE_DIM(ids));
	int32_t next = 0;

	if (n <= 0)
		return -ENOTSUP;
	for (int32_t i = 0; i < n; i++)
		rte_service_lcore_start(ids[i]);
	for (uint32_t id = 0; id < SERVICE_NUM_MAX; id++) {
		if (!service_valid(id))
			continue;
		if (rte_service_map_lcore_set(id, ids[next], 1) < 0)
			return -ENODEV;
		next = (next + 1) % n;
		rte_service_runstate_set(id, 1);
	}
	return 0;
}

/* A statistic of service id, summed over every slot. */
static uint64_t
service_stat_sum(uint32_t id, size_t offset)
{
	uint64_t sum = 0;

	for (unsigned int l = 0; l <= RTE_MAX_LCORE; l++)
		sum += __atomic_load_n((uint64_t *)((char *)&slcores[l].stats[id] + offset),
				       __ATOMIC_RELAXED);
	return sum;
}

__rte_export int32_t
rte_service_attr_get(uint32_t id, uint32_t attr_id, uint64_t *attr_value)
{
	if (!service_valid(id) || attr_value == NULL)
		return -EINVAL;
	switch (attr_id) {
	case RTE_SERVICE_ATTR_CYCLES:
		*attr_value = service_stat_sum(id, offsetof(struct service_stats, cycles));
		return 0;
	case RTE_SERVICE_ATTR_CALL_COUNT:
		*attr_value = service_stat_sum(id, offsetof(struct service_stats, calls));
		return 0;
	default:
		return -EINVAL;
	}
}

__rte_export int32_t
rte_service_attr_reset_all(uint32_t id)
{
	if (!service_valid(id))
		return -EINVAL;
	for (unsigned int l = 0; l <= RTE_MAX_LCORE; l++) {
		__atomic_store_n(&slcores[l].stats[id].calls, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&slcores[l].stats[id].cycles, 0, __ATOMIC_RELAXED);
	}
	return 0;
}

__rte_export int32_t
rte_service_lcore_attr_get(uint32_t lcore, uint32_t attr_id, uint64_t *attr_value)
{
	if (lcore >= RTE_MAX_LCORE || attr_value == NULL)
		return -EINVAL;
	if (!slcore_is_service(lcore))
		return -ENOTSUP;
	switch (attr_id) {
	case RTE_SERVICE_LCORE_ATTR_LOOPS:
		*attr_value = __atomic_load_n(&slcores[lcore].loops, __ATOMIC_RELAXED);
		return 0;
	case RTE_SERVICE_LCORE_ATTR_CYCLES:
		*attr_value = __atomic_load_n(&slcores[lcore].cycles, __ATOMIC_RELAXED);
		return 0;
	default:
		return -EINVAL;
	}
}

__rte_export int32_t
rte_service_lcore_attr_reset_all(uint32_t lcore)
{
	if (lcore >= RTE_MAX_LCORE)
		return -EINVAL;
	if (!slcore_is_service(lcore))
		return -ENOTSUP;
	__atomic_store_n(&slcores[lcore].loops, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&slcores[lcore].cycles, 0, __ATOMIC_RELAXED);
	return 0;
}

static void
service_dump_one(FILE *f, uint32_t id)
{
	uint64_t calls = service_stat_sum(id, offsetof(struct service_stats, calls));
	uint64_t cycles = service_stat_sum(id, offsetof(struct service_stats, cycles));

	fprintf(f,
		"  %s: runstate %d, stats %d, lcores %u, calls %" PRIu64 ", cycles %" PRIu64
		", avg %" PRIu64 " cycles/call\n",
		services[id].spec.name, rte_service_runstate_get(id),
		__atomic_load_n(&services[id].stats_enabled, __ATOMIC_RELAXED),
		__atomic_load_n(&services[id].num_mapped, __ATOMIC_RELAXED), calls, cycles,
		calls != 0 ? cycles / calls : 0);
}

__rte_export int32_t
rte_service_dump(FILE *f, uint32_t id)
{
	if (f == NULL || (id != UINT32_MAX && !service_valid(id)))
		return -EINVAL;
	if (id != UINT32_MAX) {
		service_dump_one(f, id);
		return 0;
	}
	fprintf(f, "Services: %u\n", rte_service_get_count());
	for (uint32_t i = 0; i < SERVICE_NUM_MAX; i++)
		if (service_valid(i))
			service_dump_one(f, i);
	fprintf(f, "Service lcores: %d\n", rte_service_lcore_count());
	for (uint32_t l = 0; l < RTE_MAX_LCORE; l++) {
		struct service_lcore *sl = &slcores[l];

		if (!slcore_is_service(l))
			continue;
		fprintf(f, "  lcore %u: %s, loops %" PRIu64 ", cycles %" PRIu64 ", calls:", l,
			__atomic_load_n(&sl->runstate, __ATOMIC_RELAXED) ? "started" : "stopped",
			__atomic_load_n(&sl->loops, __ATOMIC_RELAXED),
			__atomic_load_n(&sl->cycles, __ATOMIC_RELAXED));
		for (uint32_t i = 0; i < SERVICE_NUM_MAX; i++)
			if (service_valid(i))
				fprintf(f, " %s=%" PRIu64, services[i].spec.name,
					__atomic_load_n(&sl->stats[i].calls, __ATOMIC_RELAXED));
		fprintf(f, "\n");
	}
	return 0;
}

__rte_export int32_t
rte_service_init(void)
{
	if (service_initialized)
		return -EALREADY;
	for (uint32_t l = 0; l < RTE_MAX_LCORE; l++)
		if (eal_cfg.service_lcore[l])
			rte_service_lcore_add(l);
	service_initialized = true;
	return 0;
}

__rte_export void
rte_service_finalize(void)
{
	if (!service_initialized)
		return;
	rte_service_lcore_reset_all();
	pthread_mutex_lock(&service_lock);
	for (uint32_t id = 0; id < SERVICE_NUM_MAX; id++)
		__atomic_store_n(&services[id].registered, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&service_count, 0, __ATOMIC_RELAXED);
	memset(slcores, 0, sizeof(slcores));
	service_initialized = false;
	pthread_mutex_unlock(&service_lock);
}
