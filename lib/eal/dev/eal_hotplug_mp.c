/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hotplug across processes, as DPDK's: a device is added in the primary
 * first, then in every secondary; it is removed from the secondaries first,
 * then from the primary. A secondary's rte_eal_hotplug_add/remove asks the
 * primary (message eal_dev_mp_request), which runs the whole sequence and
 * answers with its result. Each process applies a step with its bus's
 * plug/unplug (message eal_dev_mp_sync to the secondaries).
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bus_driver.h>
#include <rte_alarm.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

#define HOTPLUG_MP_REQUEST "eal_dev_mp_request"
#define HOTPLUG_MP_SYNC "eal_dev_mp_sync"
/* a secondary's probe is quick; the primary's whole sequence waits on them */
#define HOTPLUG_MP_SYNC_TIMEOUT_S 5
#define HOTPLUG_MP_REQUEST_TIMEOUT_S 15

enum hotplug_op { HOTPLUG_ADD = 1, HOTPLUG_REMOVE = 2 };

struct hotplug_mp_msg {
	uint32_t op;
	int32_t result; /* in answers: 0 or a negative errno */
	char bus[24];
	char name[64];
	char args[160];
};
static_assert(sizeof(struct hotplug_mp_msg) <= RTE_MP_MAX_PARAM_LEN,
	      "a hotplug message fits one IPC message");

/* A request of a secondary, handled off the IPC thread. */
struct hotplug_mp_pending {
	struct hotplug_mp_msg req;
	char peer[128];
};

static int
hotplug_local(const struct hotplug_mp_msg *m)
{
	struct rte_bus *bus = rte_bus_find_by_name(m->bus);

	if (bus == NULL || bus->plug == NULL || bus->unplug == NULL)
		return -ENOTSUP;
	return m->op == HOTPLUG_ADD ? bus->plug(m->name, m->args) : bus->unplug(m->name);
}

/* Read a message in: sizes first, then terminated strings, a known op and result. */
static int
hotplug_mp_msg_get(const struct rte_mp_msg *msg, struct hotplug_mp_msg *m)
{
	for (int i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	if (msg->len_param != (int)sizeof(*m))
		return -EINVAL;
	memcpy(m, msg->param, sizeof(*m));
	m->bus[sizeof(m->bus) - 1] = '\0';
	m->name[sizeof(m->name) - 1] = '\0';
	m->args[sizeof(m->args) - 1] = '\0';
	/* a result is 0 or an errno */
	if ((m->op != HOTPLUG_ADD && m->op != HOTPLUG_REMOVE) || m->result > 0 ||
	    m->result < -4095)
		return -EINVAL;
	return 0;
}

static void
hotplug_mp_msg_put(struct rte_mp_msg *msg, const char *name, const struct hotplug_mp_msg *m)
{
	memset(msg, 0, sizeof(*msg));
	strlcpy(msg->name, name, sizeof(msg->name));
	memcpy(msg->param, m, sizeof(*m));
	msg->len_param = sizeof(*m);
}

/*
 * The primary asks every secondary to apply m; the first failure is the
 * result. A secondary that does not answer in time counts as failed.
 */
static int
hotplug_secondaries_sync(const struct hotplug_mp_msg *m)
{
	const struct timespec ts = {.tv_sec = HOTPLUG_MP_SYNC_TIMEOUT_S};
	struct rte_mp_reply reply;
	struct rte_mp_msg msg;
	int ret = 0;

	hotplug_mp_msg_put(&msg, HOTPLUG_MP_SYNC, m);
	if (rte_mp_request_sync(&msg, &reply, &ts) < 0)
		return rte_errno == ENOTSUP ? 0 : -rte_errno; /* no IPC: no secondary */
	if (reply.nb_received < reply.nb_sent)
		ret = -ETIMEDOUT;
	for (int i = 0; i < reply.nb_received; i++) {
		struct hotplug_mp_msg r;

		if (hotplug_mp_msg_get(&reply.msgs[i], &r) < 0)
			ret = ret != 0 ? ret : -EPROTO;
		else if (r.result < 0 && ret == 0)
			ret = r.result;
	}
	free(reply.msgs);
	return ret;
}

/* The whole sequence, in the primary. */
static int
hotplug_primary_run(const struct hotplug_mp_msg *m)
{
	struct hotplug_mp_msg undo = *m;
	int ret;

	if (m->op == HOTPLUG_REMOVE) {
		ret = hotplug_secondaries_sync(m);
		if (ret < 0)
			EAL_LOG(WARNING,
				"hotplug: a secondary could not remove %s (%s); removing "
				"it from the primary anyway\n",
				m->name, strerror(-ret));
		return hotplug_local(m);
	}
	ret = hotplug_local(m);
	if (ret < 0)
		return ret;
	ret = hotplug_secondaries_sync(m);
	if (ret < 0) {
		/* all processes see the device or none does */
		EAL_LOG(ERR, "hotplug: a secondary could not add %s (%s): removing it again\n",
			m->name, strerror(-ret));
		undo.op = HOTPLUG_REMOVE;
		hotplug_secondaries_sync(&undo);
		hotplug_local(&undo);
	}
	return ret;
}

/* Runs on the alarm thread: a synchronous request is not allowed on the IPC one. */
static void
hotplug_request_serve(void *arg)
{
	struct hotplug_mp_pending *p = arg;
	struct rte_mp_msg msg;

	p->req.result = hotplug_primary_run(&p->req);
	hotplug_mp_msg_put(&msg, HOTPLUG_MP_REQUEST, &p->req);
	if (rte_mp_reply(&msg, p->peer) < 0)
		EAL_LOG(WARNING, "hotplug: cannot answer the request for %s: %s\n", p->req.name,
			rte_strerror(rte_errno));
	free(p);
}

static int
hotplug_request_action(const struct rte_mp_msg *msg, const void *peer)
{
	struct hotplug_mp_pending *p = calloc(1, sizeof(*p));
	struct hotplug_mp_msg refusal = {0};
	struct rte_mp_msg answer;
	int ret;

	if (p == NULL)
		ret = -ENOMEM;
	else if (strlen(peer) >= sizeof(p->peer))
		ret = -ENAMETOOLONG;
	else
		ret = hotplug_mp_msg_get(msg, &p->req);
	if (ret == 0) {
		strlcpy(p->peer, peer, sizeof(p->peer));
		ret = rte_eal_alarm_set(1, hotplug_request_serve, p);
		if (ret == 0)
			return 0;
	}
	free(p);
	refusal.result = ret;
	hotplug_mp_msg_put(&answer, HOTPLUG_MP_REQUEST, &refusal);
	return rte_mp_reply(&answer, peer);
}

/* A secondary applies one step of the primary's sequence. */
static int
hotplug_sync_action(const struct rte_mp_msg *msg, const void *peer)
{
	struct hotplug_mp_msg m;
	struct rte_mp_msg answer;

	if (hotplug_mp_msg_get(msg, &m) < 0)
		return -1;
	m.result = hotplug_local(&m);
	/* removing a device this process never attached is no failure */
	if (m.op == HOTPLUG_REMOVE && m.result == -ENOENT)
		m.result = 0;
	hotplug_mp_msg_put(&answer, HOTPLUG_MP_SYNC, &m);
	return rte_mp_reply(&answer, peer);
}

static int
hotplug_msg_fill(struct hotplug_mp_msg *m, enum hotplug_op op, const char *bus, const char *name,
		 const char *args)
{
	memset(m, 0, sizeof(*m));
	m->op = op;
	if (strlcpy(m->bus, bus, sizeof(m->bus)) >= sizeof(m->bus) ||
	    strlcpy(m->name, name, sizeof(m->name)) >= sizeof(m->name) ||
	    strlcpy(m->args, args != NULL ? args : "", sizeof(m->args)) >= sizeof(m->args)) {
		EAL_LOG(ERR,
			"hotplug %s: bus, name or arguments longer than %zu, %zu, %zu "
			"bytes: shorten them\n",
			name, sizeof(m->bus) - 1, sizeof(m->name) - 1, sizeof(m->args) - 1);
		return -ENAMETOOLONG;
	}
	return 0;
}

/* A secondary asks the primary and waits for the whole sequence. */
static int
hotplug_secondary_request(const struct hotplug_mp_msg *m)
{
	const struct timespec ts = {.tv_sec = HOTPLUG_MP_REQUEST_TIMEOUT_S};
	struct rte_mp_reply reply;
	struct hotplug_mp_msg r;
	struct rte_mp_msg msg;
	int ret;

	hotplug_mp_msg_put(&msg, HOTPLUG_MP_REQUEST, m);
	if (rte_mp_request_sync(&msg, &reply, &ts) < 0)
		return -rte_errno;
	ret = reply.nb_received == 1 ? hotplug_mp_msg_get(&reply.msgs[0], &r) : -ETIMEDOUT;
	free(reply.msgs);
	if (ret < 0) {
		EAL_LOG(ERR, "hotplug %s: the primary did not answer: is it running?\n", m->name);
		return ret;
	}
	return r.result;
}

int
eal_hotplug_mp_run(bool add, const char *bus, const char *name, const char *args)
{
	struct hotplug_mp_msg m;
	int ret;

	ret = hotplug_msg_fill(&m, add ? HOTPLUG_ADD : HOTPLUG_REMOVE, bus, name, args);
	if (ret < 0)
		return ret;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return hotplug_secondary_request(&m);
	return hotplug_primary_run(&m);
}

int
eal_hotplug_mp_init(void)
{
	const char *name = HOTPLUG_MP_REQUEST;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		name = HOTPLUG_MP_SYNC;
		ret = rte_mp_action_register(name, hotplug_sync_action);
	} else {
		ret = rte_mp_action_register(name, hotplug_request_action);
	}
	/* ENOTSUP: no IPC socket (--no-shconf, or not the config's owner) */
	if (ret < 0 && rte_errno != ENOTSUP && rte_errno != EEXIST) {
		EAL_LOG(ERR, "cannot register %s: %s\n", name, rte_strerror(rte_errno));
		return -1;
	}
	return 0;
}
