/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A secondary's vdev scan: it asks the primary for its devices one by one
 * (message bus_vdev_mp, the index of the device) and lists each name, so
 * that the drivers attach to the primary's ports without --vdev.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "vdev_private.h"

#define VDEV_MP "bus_vdev_mp"
/* More than any primary lists: a reply above it is not believed. */
#define VDEV_MP_MAX 4096

struct vdev_mp_req {
	uint32_t index;
};

struct vdev_mp_rep {
	uint32_t count;
	char name[RTE_DEV_NAME_MAX_LEN];
};

static int
vdev_mp_answer(const struct rte_mp_msg *msg, const void *peer)
{
	struct vdev_mp_req q = {.index = UINT32_MAX};
	struct vdev_mp_rep r;
	struct rte_mp_msg m;

	for (int i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	if (msg->len_param == (int)sizeof(q))
		memcpy(&q, msg->param, sizeof(q));
	memset(&r, 0, sizeof(r));
	if (!vdev_device_name_at(q.index, r.name, sizeof(r.name), &r.count))
		r.name[0] = '\0';
	memset(&m, 0, sizeof(m));
	strlcpy(m.name, VDEV_MP, sizeof(m.name));
	memcpy(m.param, &r, sizeof(r));
	m.len_param = sizeof(r);
	return rte_mp_reply(&m, peer);
}

void
vdev_mp_serve(void)
{
	/* registered once; without a runtime directory there is no secondary */
	if (rte_mp_action_register(VDEV_MP, vdev_mp_answer) < 0 && rte_errno != EEXIST &&
	    rte_errno != ENOTSUP)
		VDEV_LOG(WARNING, "secondaries will not see the virtual devices: %s\n",
			 rte_strerror(rte_errno));
}

int
vdev_mp_scan(int (*add)(const char *name))
{
	const struct timespec ts = {.tv_sec = 5};
	uint32_t count = 1;

	for (uint32_t i = 0; i < count; i++) {
		struct vdev_mp_req q = {.index = i};
		struct rte_mp_reply reply;
		struct vdev_mp_rep r;
		struct rte_mp_msg m;
		int ok, ret;

		memset(&m, 0, sizeof(m));
		strlcpy(m.name, VDEV_MP, sizeof(m.name));
		memcpy(m.param, &q, sizeof(q));
		m.len_param = sizeof(q);
		ok = rte_mp_request_sync(&m, &reply, &ts) == 0 && reply.nb_received == 1 &&
		     reply.msgs[0].len_param == (int)sizeof(r);
		if (ok)
			memcpy(&r, reply.msgs[0].param, sizeof(r));
		for (int k = 0; reply.msgs != NULL && k < reply.nb_received; k++)
			for (int f = 0; f < reply.msgs[k].num_fds; f++)
				close(reply.msgs[k].fds[f]);
		free(reply.msgs);
		if (!ok) {
			VDEV_LOG(WARNING, "the primary did not list its virtual devices; give "
					  "them with --vdev\n");
			return 0;
		}
		/* untrusted: a bounded count, a terminated name */
		r.name[sizeof(r.name) - 1] = '\0';
		count = RTE_MIN(r.count, (uint32_t)VDEV_MP_MAX);
		if (r.name[0] == '\0')
			continue;
		ret = add(r.name);
		if (ret < 0)
			return ret;
	}
	return 0;
}
