/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EFD tables kept in an rte_hash that stores the value beside each key. DPDK's
 * perfect-hash layout saves memory by not storing keys; the observable contract
 * (values of inserted keys, lookups never failing, one writer with concurrent
 * readers) is the same, and no insert ever fails for want of a perfect hash.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_hash.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_efd.h>

#define __rte_export __attribute__((visibility("default")))

struct rte_efd_table {
	TAILQ_ENTRY(rte_efd_table) next;
	char name[RTE_EFD_NAMESIZE];
	struct rte_hash *hash;
};

static TAILQ_HEAD(, rte_efd_table) efd_list = TAILQ_HEAD_INITIALIZER(efd_list);
static pthread_mutex_t efd_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds efd_list_lock. */
static struct rte_efd_table *
efd_find_locked(const char *name)
{
	struct rte_efd_table *t;

	TAILQ_FOREACH(t, &efd_list, next)
	if (strcmp(t->name, name) == 0)
		return t;
	return NULL;
}

static struct rte_efd_table *
efd_create_fail(int err)
{
	rte_errno = err;
	return NULL;
}

__rte_export struct rte_efd_table *
rte_efd_create(const char *name, uint32_t max_num_rules, uint32_t key_len,
	       uint64_t online_cpu_socket_bitmask, uint8_t offline_cpu_socket)
{
	char hname[RTE_HASH_NAMESIZE];
	struct rte_hash_parameters p = {0};
	struct rte_efd_table *t;

	/* One copy serves every socket, but the sockets named must exist, as in DPDK. */
	if (online_cpu_socket_bitmask == 0 || offline_cpu_socket >= RTE_MAX_NUMA_NODES) {
		RTE_LOG(ERR, EFD,
			"rte_efd_create: set at least one socket in online_cpu_socket_bitmask and "
			"give an offline_cpu_socket below %d (got %u)\n",
			RTE_MAX_NUMA_NODES, offline_cpu_socket);
		return efd_create_fail(EINVAL);
	}
	if (name == NULL || name[0] == '\0' || strlen(name) >= RTE_EFD_NAMESIZE ||
	    max_num_rules == 0 || key_len == 0) {
		RTE_LOG(ERR, EFD,
			"rte_efd_create: need a name of 1..%d characters, "
			"max_num_rules > 0 and key_len > 0\n",
			RTE_EFD_NAMESIZE - 1);
		return efd_create_fail(EINVAL);
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return efd_create_fail(ENOMEM);
	memcpy(t->name, name, strlen(name) + 1);
	/* The table's own address keeps the hash name apart from the caller's hashes. */
	snprintf(hname, sizeof(hname), "efd_%" PRIxPTR, (uintptr_t)t);
	p.name = hname;
	p.entries = RTE_MAX(max_num_rules, 8u);
	p.key_len = key_len;
	p.socket_id = offline_cpu_socket;
	/* Readers may look up while the single writer updates. */
	p.extra_flag = RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY;

	pthread_mutex_lock(&efd_list_lock);
	if (efd_find_locked(name) != NULL) {
		pthread_mutex_unlock(&efd_list_lock);
		free(t);
		RTE_LOG(ERR, EFD,
			"rte_efd_create: a table named \"%s\" exists; pick another "
			"name or rte_efd_find_existing it\n",
			name);
		return efd_create_fail(EEXIST);
	}
	t->hash = rte_hash_create(&p);
	if (t->hash == NULL && offline_cpu_socket != 0) {
		/* A socket without memory of its own: any memory will do. */
		p.socket_id = SOCKET_ID_ANY;
		t->hash = rte_hash_create(&p);
	}
	if (t->hash == NULL) {
		pthread_mutex_unlock(&efd_list_lock);
		free(t);
		RTE_LOG(ERR, EFD, "rte_efd_create %s: no memory for %u keys\n", name,
			max_num_rules);
		return efd_create_fail(ENOMEM);
	}
	TAILQ_INSERT_TAIL(&efd_list, t, next);
	pthread_mutex_unlock(&efd_list_lock);
	return t;
}

__rte_export void
rte_efd_free(struct rte_efd_table *table)
{
	if (table == NULL)
		return;
	pthread_mutex_lock(&efd_list_lock);
	TAILQ_REMOVE(&efd_list, table, next);
	pthread_mutex_unlock(&efd_list_lock);
	rte_hash_free(table->hash);
	free(table);
}

__rte_export struct rte_efd_table *
rte_efd_find_existing(const char *name)
{
	struct rte_efd_table *t;

	if (name == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	pthread_mutex_lock(&efd_list_lock);
	t = efd_find_locked(name);
	pthread_mutex_unlock(&efd_list_lock);
	if (t == NULL)
		rte_errno = ENOENT;
	return t;
}

__rte_export int
rte_efd_update(struct rte_efd_table *table, unsigned int socket_id, const void *key,
	       efd_value_t value)
{
	void *old;

	RTE_SET_USED(socket_id);
	if (table == NULL || key == NULL)
		return RTE_EFD_UPDATE_FAILED;
	if (rte_hash_lookup_data(table->hash, key, &old) >= 0 && (uintptr_t)old == value)
		return RTE_EFD_UPDATE_NO_CHANGE;
	if (rte_hash_add_key_data(table->hash, key, (void *)(uintptr_t)value) != 0) {
		RTE_LOG(ERR, EFD, "rte_efd_update %s: table full; create it with more rules\n",
			table->name);
		return RTE_EFD_UPDATE_FAILED;
	}
	return 0;
}

__rte_export int
rte_efd_delete(struct rte_efd_table *table, unsigned int socket_id, const void *key,
	       efd_value_t *prev_value)
{
	void *old;

	RTE_SET_USED(socket_id);
	if (table == NULL || key == NULL)
		return -EINVAL;
	if (rte_hash_lookup_data(table->hash, key, &old) < 0)
		return -ENOENT;
	if (rte_hash_del_key(table->hash, key) < 0)
		return -ENOENT;
	if (prev_value != NULL)
		*prev_value = (efd_value_t)(uintptr_t)old;
	return 0;
}

__rte_export efd_value_t
rte_efd_lookup(const struct rte_efd_table *table, unsigned int socket_id, const void *key)
{
	void *v;

	RTE_SET_USED(socket_id);
	if (table == NULL || key == NULL || rte_hash_lookup_data(table->hash, key, &v) < 0)
		return 0;
	return (efd_value_t)(uintptr_t)v;
}

__rte_export void
rte_efd_lookup_bulk(const struct rte_efd_table *table, unsigned int socket_id, int num_keys,
		    const void **key_list, efd_value_t *value_list)
{
	void *data[RTE_EFD_BURST_MAX];
	uint64_t hits;
	int done, n, i;

	RTE_SET_USED(socket_id);
	if (table == NULL || key_list == NULL || value_list == NULL)
		return;
	/* Bursts larger than the hash's bulk limit are served in slices. */
	for (done = 0; done < num_keys; done += n) {
		n = RTE_MIN(num_keys - done, RTE_EFD_BURST_MAX);
		hits = 0;
		if (rte_hash_lookup_bulk_data(table->hash, key_list + done, (uint32_t)n, &hits,
					      data) < 0)
			hits = 0;
		for (i = 0; i < n; i++)
			value_list[done + i] =
				(hits >> i) & 1 ? (efd_value_t)(uintptr_t)data[i] : 0;
	}
}
