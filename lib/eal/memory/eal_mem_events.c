/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory events (the VFIO bus maps DMA for memory as it is added) and
 * allocation validators (limits on how far a socket's memory may grow).
 * Both tables are guarded by the memory lock.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_mem_private.h"

#define MEM_EVENT_MAX 32
#define MEM_VALIDATOR_MAX 32

struct mem_event_cb {
	char name[RTE_MEM_EVENT_CALLBACK_NAME_LEN];
	rte_mem_event_callback_t clb;
	void *arg;
};

struct mem_validator {
	char name[RTE_MEM_ALLOC_VALIDATOR_NAME_LEN];
	rte_mem_alloc_validator_t clb;
	int socket_id;
	size_t limit;
};

static struct mem_event_cb event_cbs[MEM_EVENT_MAX];
static unsigned int n_event_cbs;
static struct mem_validator validators[MEM_VALIDATOR_MAX];
static unsigned int n_validators;

/* As DPDK 22.11: a NULL or empty name is EINVAL, one that fills max is ENAMETOOLONG. */
static int
name_check(const char *name, size_t max)
{
	if (name == NULL || name[0] == '\0') {
		rte_errno = EINVAL;
		return -1;
	}
	if (strnlen(name, max) == max) {
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

__rte_export int
rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb, void *arg)
{
	int ret = -1;

	if (clb == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (name_check(name, RTE_MEM_EVENT_CALLBACK_NAME_LEN) < 0)
		return -1;
	eal_mem_lock();
	for (unsigned int i = 0; i < n_event_cbs; i++) {
		if (strcmp(event_cbs[i].name, name) == 0 && event_cbs[i].arg == arg) {
			rte_errno = EEXIST;
			goto out;
		}
	}
	if (n_event_cbs == MEM_EVENT_MAX) {
		rte_errno = ENOMEM;
		goto out;
	}
	snprintf(event_cbs[n_event_cbs].name, sizeof(event_cbs[0].name), "%s", name);
	event_cbs[n_event_cbs].clb = clb;
	event_cbs[n_event_cbs].arg = arg;
	n_event_cbs++;
	ret = 0;
out:
	eal_mem_unlock();
	return ret;
}

__rte_export int
rte_mem_event_callback_unregister(const char *name, void *arg)
{
	int ret = -1;

	if (name_check(name, RTE_MEM_EVENT_CALLBACK_NAME_LEN) < 0)
		return -1;
	eal_mem_lock();
	for (unsigned int i = 0; i < n_event_cbs; i++) {
		if (strcmp(event_cbs[i].name, name) == 0 && event_cbs[i].arg == arg) {
			memmove(&event_cbs[i], &event_cbs[i + 1],
				(n_event_cbs - i - 1) * sizeof(event_cbs[0]));
			n_event_cbs--;
			ret = 0;
			break;
		}
	}
	eal_mem_unlock();
	if (ret != 0)
		rte_errno = ENOENT;
	return ret;
}

/* Called with the memory lock held. */
void
eal_mem_events_notify(enum rte_mem_event ev, const void *addr, size_t len)
{
	for (unsigned int i = 0; i < n_event_cbs; i++)
		event_cbs[i].clb(ev, addr, len, event_cbs[i].arg);
}

__rte_export int
rte_mem_alloc_validator_register(const char *name, rte_mem_alloc_validator_t clb,
				 int socket_id, size_t limit)
{
	int ret = -1;

	if (clb == NULL || socket_id < 0 || socket_id >= RTE_MAX_NUMA_NODES) {
		rte_errno = EINVAL;
		return -1;
	}
	if (name_check(name, RTE_MEM_ALLOC_VALIDATOR_NAME_LEN) < 0)
		return -1;
	eal_mem_lock();
	for (unsigned int i = 0; i < n_validators; i++) {
		if (strcmp(validators[i].name, name) == 0 &&
		    validators[i].socket_id == socket_id) {
			rte_errno = EEXIST;
			goto out;
		}
	}
	if (n_validators == MEM_VALIDATOR_MAX) {
		rte_errno = ENOMEM;
		goto out;
	}
	snprintf(validators[n_validators].name, sizeof(validators[0].name), "%s", name);
	validators[n_validators].clb = clb;
	validators[n_validators].socket_id = socket_id;
	validators[n_validators].limit = limit;
	n_validators++;
	ret = 0;
out:
	eal_mem_unlock();
	return ret;
}

__rte_export int
rte_mem_alloc_validator_unregister(const char *name, int socket_id)
{
	int ret = -1;

	if (socket_id < 0 || socket_id >= RTE_MAX_NUMA_NODES) {
		rte_errno = EINVAL;
		return -1;
	}
	if (name_check(name, RTE_MEM_ALLOC_VALIDATOR_NAME_LEN) < 0)
		return -1;
	eal_mem_lock();
	for (unsigned int i = 0; i < n_validators; i++) {
		if (strcmp(validators[i].name, name) == 0 &&
		    validators[i].socket_id == socket_id) {
			memmove(&validators[i], &validators[i + 1],
				(n_validators - i - 1) * sizeof(validators[0]));
			n_validators--;
			ret = 0;
			break;
		}
	}
	eal_mem_unlock();
	if (ret != 0)
		rte_errno = ENOENT;
	return ret;
}

/* Called with the memory lock held; -1 if a validator refuses the growth. */
int
eal_mem_validate_growth(int socket_id, size_t cur, size_t new_len)
{
	for (unsigned int i = 0; i < n_validators; i++) {
		struct mem_validator *v = &validators[i];

		if (v->socket_id != socket_id || new_len <= v->limit)
			continue;
		if (v->clb(socket_id, v->limit, new_len) < 0)
			return -1;
	}
	(void)cur;
	return 0;
}

void
eal_mem_events_reset(void)
{
	n_event_cbs = 0;
	n_validators = 0;
}
