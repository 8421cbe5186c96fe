/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Link status change for net_tap: an rtnetlink socket subscribed to
 * RTMGRP_LINK sits in the EAL interrupt thread's epoll set. When a link
 * message names our interface (someone ran 'ip link set <iface> down'),
 * the link is read again and, if its status changed, the application gets
 * RTE_ETH_EVENT_INTR_LSC, as with DPDK's net_tap.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <rte_interrupts.h>

#include "tap.h"

static void
tap_lsc_handler(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct tap_private *priv = dev->data->dev_private;
	int fd = priv->lsc_fd;
	bool ours = false;
	char buf[8192] __rte_aligned(NLMSG_ALIGNTO);

	/* drain the socket: the interrupt thread waits level-triggered */
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		const struct nlmsghdr *nh;
		int len;

		if (n <= 0)
			break;
		len = (int)n;
		/* NLMSG_OK spelled out: it compares the u32 length with an int */
		for (nh = (const void *)buf;
		     len >= (int)sizeof(*nh) && nh->nlmsg_len >= sizeof(*nh) &&
		     nh->nlmsg_len <= (unsigned int)len;
		     nh = NLMSG_NEXT(nh, len)) {
			const struct ifinfomsg *ifi = NLMSG_DATA(nh);

			if ((nh->nlmsg_type == RTM_NEWLINK || nh->nlmsg_type == RTM_DELLINK) &&
			    nh->nlmsg_len >= NLMSG_LENGTH(sizeof(*ifi)) &&
			    ifi->ifi_index == priv->ifindex)
				ours = true;
		}
	}
	if (ours && tap_link_update(dev, 0) == 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

int
tap_lsc_enable(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = RTMGRP_LINK };
	struct rte_intr_handle *h;
	int fd, ret;

	if (priv->lsc_handle != NULL)
		return 0;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		ret = -errno;
		TAP_LOG(ERR, "%s: cannot watch link changes on an rtnetlink socket: %s\n",
			dev->data->name, strerror(-ret));
		if (fd >= 0)
			close(fd);
		return ret;
	}
	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (h == NULL) {
		close(fd);
		return -ENOMEM;
	}
	/*
	 * DEV_EVENT: the EAL reads nothing before calling us (EXT would eat a
	 * byte of a netlink message); the handler drains the socket itself.
	 */
	rte_intr_fd_set(h, fd);
	rte_intr_type_set(h, RTE_INTR_HANDLE_DEV_EVENT);
	priv->lsc_handle = h;
	priv->lsc_fd = fd;
	ret = rte_intr_callback_register(h, tap_lsc_handler, dev);
	if (ret != 0) {
		TAP_LOG(ERR, "%s: cannot register the link change handler: %s\n",
			dev->data->name, strerror(-ret));
		priv->lsc_handle = NULL;
		rte_intr_instance_free(h);
		close(fd);
		return ret;
	}
	return 0;
}

/* Runs in the interrupt thread once the handler is off its fd. */
static void
tap_lsc_fd_close(struct rte_intr_handle *h, void *arg __rte_unused)
{
	close(rte_intr_fd_get(h));
}

void
tap_lsc_disable(struct rte_eth_dev *dev)
{
	struct tap_private *priv = dev->data->dev_private;
	struct rte_intr_handle *h = priv->lsc_handle;

	if (h == NULL)
		return;
	/* the EAL keeps its own copy of the handle; ours can go now */
	if (rte_thread_is_intr()) {
		/* stopped from an LSC callback: the fd closes after it returns */
		rte_intr_callback_unregister_pending(h, tap_lsc_handler, dev, tap_lsc_fd_close);
	} else {
		rte_intr_callback_unregister_sync(h, tap_lsc_handler, dev);
		close(rte_intr_fd_get(h));
	}
	priv->lsc_handle = NULL;
	rte_intr_instance_free(h);
}
