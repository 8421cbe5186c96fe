/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VFIO fds for secondary processes. A group can be opened once, so a
 * secondary cannot open the primary's groups itself: it asks the primary
 * (message bus_vfio_fds) for the container fd and, device by device, for
 * the group fd and where the primary mapped the BARs. The primary answers
 * only for devices it has open; the fds travel with SCM_RIGHTS.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "pci_private.h"

#define VFIO_MP_NAME "bus_vfio_fds"
/* The kernel numbers groups from 0; far fewer than this exist. */
#define VFIO_MP_GROUP_MAX 65535
/* The primary answers from its own thread: a second is plenty. */
#define VFIO_MP_TIMEOUT_S 2

static bool vfio_mp_registered;
/* Secondary: the primary did not answer once; the other devices do not wait again. */
static bool vfio_mp_unanswered;

static void
vfio_mp_fds_close(const struct rte_mp_msg *m)
{
	for (int i = 0; i < m->num_fds && i < RTE_MP_MAX_FD_NUM; i++)
		close(m->fds[i]);
}

/* The primary's device named name with its VFIO fd open, or NULL. */
static struct pci_dev_priv *
vfio_mp_open_device(const char *name, int group)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_device_list, next)
	{
		struct pci_dev_priv *p = pci_priv(dev);

		if (strcmp(dev->name, name) == 0)
			return p->dev_fd >= 0 && p->iommu_group == group ? p : NULL;
	}
	return NULL;
}

static int
vfio_mp_device_answer(const struct vfio_mp_req *q, struct vfio_mp_rep *r, int *fd)
{
	struct pci_dev_priv *p;

	if (q->group < 0 || q->group > VFIO_MP_GROUP_MAX)
		return -EINVAL;
	if (memchr(q->dev, '\0', sizeof(q->dev)) == NULL)
		return -EINVAL;
	p = vfio_mp_open_device(q->dev, q->group);
	if (p == NULL)
		return -ENOENT;
	*fd = vfio_group_fd_dup(q->group);
	if (*fd < 0)
		return *fd;
	for (int i = 0; i < PCI_MAX_RESOURCE; i++) {
		r->bar_va[i] = (uint64_t)(uintptr_t)p->bar_va[i];
		r->bar_len[i] = p->bar_va_len[i];
	}
	return 0;
}

void
vfio_mp_answer_build(const struct rte_mp_msg *msg, struct rte_mp_msg *reply)
{
	struct vfio_mp_req q;
	struct vfio_mp_rep r;
	int fd = -1;

	memset(&r, 0, sizeof(r));
	memset(reply, 0, sizeof(*reply));
	strlcpy(reply->name, VFIO_MP_NAME, sizeof(reply->name));
	/* a request carries no fds: any that came are dropped */
	vfio_mp_fds_close(msg);
	if (msg->len_param != (int)sizeof(q)) {
		r.result = -EINVAL;
	} else {
		memcpy(&q, msg->param, sizeof(q));
		if (q.op == VFIO_MP_OP_CONTAINER)
			r.result = vfio_container_fd_dup(&fd);
		else if (q.op == VFIO_MP_OP_DEVICE)
			r.result = vfio_mp_device_answer(&q, &r, &fd);
		else
			r.result = -EINVAL;
	}
	if (r.result == 0) {
		reply->fds[0] = fd;
		reply->num_fds = 1;
	}
	memcpy(reply->param, &r, sizeof(r));
	reply->len_param = sizeof(r);
}

static int
vfio_mp_answer(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg reply;
	int ret;

	vfio_mp_answer_build(msg, &reply);
	ret = rte_mp_reply(&reply, peer);
	/* the reply carried copies: the primary keeps its own fds */
	vfio_mp_fds_close(&reply);
	return ret;
}

void
vfio_mp_serve(void)
{
	if (vfio_mp_registered)
		return;
	/* without a runtime directory there is no secondary to serve */
	if (rte_mp_action_register(VFIO_MP_NAME, vfio_mp_answer) < 0) {
		if (rte_errno != ENOTSUP)
			VFIO_LOG(WARNING, "secondary processes will not reach VFIO devices: %s\n",
				 rte_strerror(rte_errno));
		return;
	}
	vfio_mp_registered = true;
}

void
vfio_mp_unserve(void)
{
	vfio_mp_unanswered = false;
	if (!vfio_mp_registered)
		return;
	rte_mp_action_unregister(VFIO_MP_NAME);
	vfio_mp_registered = false;
}

int
vfio_mp_request(const struct vfio_mp_req *q, struct vfio_mp_rep *r, int *fd)
{
	const struct timespec ts = {.tv_sec = VFIO_MP_TIMEOUT_S};
	struct rte_mp_reply reply;
	struct rte_mp_msg m;
	const struct rte_mp_msg *a;
	int ret;

	*fd = -1;
	if (vfio_mp_unanswered)
		return -ENOTCONN;
	memset(&m, 0, sizeof(m));
	strlcpy(m.name, VFIO_MP_NAME, sizeof(m.name));
	memcpy(m.param, q, sizeof(*q));
	m.len_param = sizeof(*q);
	if (rte_mp_request_sync(&m, &reply, &ts) < 0 || reply.nb_received != 1) {
		ret = -ENOTCONN;
		goto out_free;
	}
	a = &reply.msgs[0];
	/* untrusted: exact length, one fd on success and none otherwise */
	if (a->len_param != (int)sizeof(*r)) {
		ret = -EPROTO;
		goto out_close;
	}
	memcpy(r, a->param, sizeof(*r));
	if (r->result > 0 || (r->result == 0 && a->num_fds != 1) ||
	    (r->result < 0 && a->num_fds != 0)) {
		ret = -EPROTO;
		goto out_close;
	}
	ret = r->result;
	if (ret == 0)
		*fd = a->fds[0];
	goto out_free;

out_close:
	vfio_mp_fds_close(a);
out_free:
	free(reply.msgs);
	vfio_mp_unanswered = ret == -ENOTCONN;
	if (ret == -ENOTCONN)
		VFIO_LOG(ERR,
			 "the primary process did not answer for its VFIO devices (message "
			 "%s): it runs with --no-pci, or is another build; fix: give the device "
			 "to the primary (-a BDF), or start this process with --no-pci\n",
			 VFIO_MP_NAME);
	else if (ret == -EPROTO)
		VFIO_LOG(ERR,
			 "the primary process answered %s with a malformed message: it is "
			 "another build; fix: run the secondary from the primary's build\n",
			 VFIO_MP_NAME);
	return ret;
}
