/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio_user: the vdev, its devargs (DPDK 22.11's: path, queues,
 * server, packed_vq, mrg_rxbuf, in_order, queue_size, mac, cq), and the
 * vhost-user transport ops net_virtio's control path drives. A watch on
 * the eal-intr thread (an alarm, every VU_WATCH_US) notices a back-end
 * that went away (link down, LSC) and, with server=1 or a client whose
 * back-end comes back, takes the new connection and hands it the rings
 * of a started port again.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>

#include <rte_alarm.h>
#include <rte_interrupts.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>

#include <bus_vdev_driver.h>
#include <driver_args.h>

#include "virtio_user.h"
#include "../virtio_ethdev.h"

#define VU_WATCH_US 100000
#define VU_DEFAULT_QUEUE_SIZE 256

/*
 * What the transport can carry: no control queue (cq is refused), so none
 * of the features that need one; no IOMMU, addresses are virtual.
 */
#define VU_FEATURES_USABLE                                                       \
	(VIRTIO_BIT(VIRTIO_F_VERSION_1) | VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX) |  \
	 VIRTIO_BIT(VIRTIO_F_RING_PACKED) | VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) | \
	 VIRTIO_BIT(VIRTIO_NET_F_MQ) | VIRTIO_BIT(VIRTIO_NET_F_CSUM) |           \
	 VIRTIO_BIT(VIRTIO_NET_F_GUEST_CSUM))
/* Emulated here, never asked of the back-end: the MAC and the link come from us. */
#define VU_FEATURES_LOCAL (VIRTIO_BIT(VIRTIO_NET_F_MAC) | VIRTIO_BIT(VIRTIO_NET_F_STATUS))
/* What a server assumes of a back-end that has not connected yet */
#define VU_FEATURES_ASSUMED                                                      \
	(VIRTIO_BIT(VIRTIO_F_VERSION_1) | VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX) |  \
	 VIRTIO_BIT(VIRTIO_F_RING_PACKED) | VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) | \
	 VIRTIO_BIT(VIRTIO_NET_F_MQ) | VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES))

static struct virtio_user *
vu_of(struct virtio_hw *hw)
{
	return hw->transport;
}

/* --- transport ops ---------------------------------------------------------- */

static int
vu_reset(struct virtio_hw *hw)
{
	struct virtio_user *vu = vu_of(hw);

	pthread_mutex_lock(&vu->lock);
	vu_chan_stop(vu);
	memset(vu->vqs, 0, sizeof(vu->vqs[0]) * 2 * vu->max_pairs);
	vu->status = 0;
	pthread_mutex_unlock(&vu->lock);
	return 0;
}

static uint8_t
vu_status_get(struct virtio_hw *hw)
{
	return vu_of(hw)->status;
}

/*
 * DRIVER_OK hands the rings to the back-end. A server without a back-end
 * yet starts anyway, link down: the watch hands them over when it comes.
 */
static int
vu_status_set(struct virtio_hw *hw, uint8_t status)
{
	struct virtio_user *vu = vu_of(hw);
	int ret = 0;

	pthread_mutex_lock(&vu->lock);
	if ((status & VIRTIO_STATUS_DRIVER_OK) && !(vu->status & VIRTIO_STATUS_DRIVER_OK) &&
	    vu->fd >= 0) {
		ret = vu_chan_start(vu);
		if (ret != 0 && vu->server) {
			vu_chan_close(vu);
			ret = 0;
		}
	}
	if (ret == 0)
		vu->status = status;
	pthread_mutex_unlock(&vu->lock);
	if (ret != 0)
		VIRTIO_LOG(ERR, "%s: the back-end on %s did not take the rings\n", hw->name,
			   vu->path);
	return ret;
}

static uint64_t
vu_features_get(struct virtio_hw *hw)
{
	struct virtio_user *vu = vu_of(hw);

	return (vu->backend_features & vu->allowed) | VU_FEATURES_LOCAL;
}

static void
vu_features_set(struct virtio_hw *hw, uint64_t features)
{
	vu_of(hw)->features = features & ~VU_FEATURES_LOCAL;
}

/* 5.1.2: the pairs, and a control queue number the driver never uses */
static uint16_t
vu_num_queues(struct virtio_hw *hw)
{
	return (uint16_t)(2 * vu_of(hw)->max_pairs + 1);
}

/* 5.1.4 struct virtio_net_config as this side knows it */
static int
vu_cfg_read(struct virtio_hw *hw, size_t off, void *buf, size_t len)
{
	struct virtio_user *vu = vu_of(hw);
	struct virtio_net_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	if (off + len > sizeof(cfg)) {
		memset(buf, 0, len);
		return -EINVAL;
	}
	memcpy(cfg.mac, vu->mac.addr_bytes, RTE_ETHER_ADDR_LEN);
	cfg.status = vu->running ? VIRTIO_NET_S_LINK_UP : 0;
	cfg.max_virtqueue_pairs = vu->max_pairs;
	memcpy(buf, (uint8_t *)&cfg + off, len);
	return 0;
}

static uint16_t
vu_queue_max_size(struct virtio_hw *hw, uint16_t index)
{
	struct virtio_user *vu = vu_of(hw);

	return index < 2 * vu->max_pairs ? vu->queue_size : 0;
}

/* The rings go to the back-end at DRIVER_OK (vu_chan_start); the kick eventfd is the doorbell. */
static int
vu_queue_program(struct virtio_hw *hw, struct virtqueue *vq)
{
	struct virtio_user *vu = vu_of(hw);

	if (vq->index >= 2 * vu->max_pairs)
		return -EINVAL;
	vq->kick_fd = vu->kick_fds[vq->index];
	pthread_mutex_lock(&vu->lock);
	vu->vqs[vq->index] = vq;
	pthread_mutex_unlock(&vu->lock);
	return 0;
}

/* Link changes come from the watch; Rx interrupts are not offered. */
static int
vu_intr_setup(struct rte_eth_dev *dev)
{
	if (dev->data->dev_conf.intr_conf.rxq) {
		VIRTIO_LOG(ERR,
			   "%s: Rx interrupts are not supported on net_virtio_user: "
			   "configure without intr_conf.rxq\n",
			   dev->data->name);
		return -ENOTSUP;
	}
	return 0;
}

static void
vu_intr_teardown(struct rte_eth_dev *dev __rte_unused)
{
}

static void vu_watch(void *arg);

static void
vu_free(struct virtio_user *vu)
{
	for (uint16_t i = 0; vu->kick_fds != NULL && i < 2 * vu->max_pairs; i++) {
		if (vu->kick_fds[i] >= 0)
			close(vu->kick_fds[i]);
		if (vu->call_fds[i] >= 0)
			close(vu->call_fds[i]);
	}
	if (vu->fd >= 0)
		close(vu->fd);
	if (vu->listen_fd >= 0) {
		close(vu->listen_fd);
		unlink(vu->path);
	}
	pthread_mutex_destroy(&vu->lock);
	free(vu->kick_fds);
	free(vu->call_fds);
	free(vu->vqs);
	free(vu);
}

static void
vu_release(struct virtio_hw *hw)
{
	struct virtio_user *vu = vu_of(hw);

	bool deferred;

	rte_mem_event_callback_unregister(hw->name, vu);
	pthread_mutex_lock(&vu->lock);
	vu->closing = true;
	/* closed from the application's LSC callback, inside the watch: it frees vu */
	deferred = vu->in_watch && rte_thread_is_intr();
	vu->free_in_watch = deferred;
	pthread_mutex_unlock(&vu->lock);
	hw->transport = NULL;
	if (deferred)
		return;
	/* outside the lock: the watch may be waiting for it */
	rte_eal_alarm_cancel(vu_watch, vu);
	vu_free(vu);
}

static const struct virtio_ops virtio_user_ops = {
	.pairs_by_transport = true,
	.reset = vu_reset,
	.status_get = vu_status_get,
	.status_set = vu_status_set,
	.features_get = vu_features_get,
	.features_set = vu_features_set,
	.num_queues = vu_num_queues,
	.cfg_read = vu_cfg_read,
	.queue_max_size = vu_queue_max_size,
	.queue_program = vu_queue_program,
	.intr_setup = vu_intr_setup,
	.intr_teardown = vu_intr_teardown,
	.release = vu_release,
};

/*
 * EAL memory grew (the memory lock is held): the back-end must be able to
 * translate buffers there before any reaches a ring. Sent now when the
 * connection is free; else the watch sends it (taking vu->lock here could
 * deadlock with a holder of vu->lock that walks memory).
 */
static void
vu_mem_event(enum rte_mem_event type, const void *addr __rte_unused, size_t len __rte_unused,
	     void *arg)
{
	struct virtio_user *vu = arg;

	if (type != RTE_MEM_EVENT_ALLOC)
		return; /* the back-end's own mapping of freed memory does no harm */
	if (pthread_mutex_trylock(&vu->lock) != 0) {
		atomic_store(&vu->mem_grew, true);
		return;
	}
	if (vu->fd >= 0 && vu->running && vu_mem_table_send(vu, true) != 0)
		atomic_store(&vu->mem_grew, true);
	pthread_mutex_unlock(&vu->lock);
}

/* --- the watch: back-end gone, back-end back -------------------------------- */

static bool
vu_peer_gone(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};

	/* between requests the back-end has nothing to say: data, EOF or an error all end it */
	return poll(&pfd, 1, 0) > 0;
}

/*
 * A new connection: the handshake, and for a started port the rings
 * again. The negotiated features fixed the ring layout; a back-end
 * without one of them cannot take the rings.
 */
static void
vu_reconnect(struct virtio_user *vu)
{
	if (vu_chan_handshake(vu) != 0)
		return;
	if (!(vu->status & VIRTIO_STATUS_DRIVER_OK))
		return;
	if ((vu->features & ~vu->backend_features) != 0) {
		VIRTIO_LOG(ERR,
			   "%s: the new back-end on %s lacks features %#" PRIx64 " the port "
			   "was started with: restart the port\n",
			   vu->hw->name, vu->path, vu->features & ~vu->backend_features);
		vu_chan_close(vu);
		return;
	}
	if (vu_chan_start(vu) != 0)
		vu_chan_close(vu);
}

static void
vu_watch(void *arg)
{
	struct virtio_user *vu = arg;
	struct rte_eth_dev *dev = vu->dev;

	pthread_mutex_lock(&vu->lock);
	if (vu->closing) {
		pthread_mutex_unlock(&vu->lock);
		return;
	}
	if (vu->fd >= 0 && vu_peer_gone(vu->fd)) {
		VIRTIO_LOG(NOTICE, "%s: the back-end on %s went away\n", vu->hw->name, vu->path);
		vu_chan_close(vu);
	}
	if (vu->fd >= 0 && vu->running && atomic_exchange(&vu->mem_grew, false) &&
	    vu_mem_table_send(vu, false) != 0)
		atomic_store(&vu->mem_grew, true);
	if (vu->fd < 0) {
		int ret = vu->server ? vu_chan_accept(vu) : vu_chan_open(vu);

		if (ret == 0)
			vu_reconnect(vu);
	}
	vu->in_watch = true;
	pthread_mutex_unlock(&vu->lock);
	if (dev->data->dev_started && virtio_link_update(dev, 0) == 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	/*
	 * Re-armed under the lock: vu_release either finds this alarm pending
	 * and cancels it, or set closing first and none is armed.
	 */
	pthread_mutex_lock(&vu->lock);
	vu->in_watch = false;
	if (vu->free_in_watch) {
		pthread_mutex_unlock(&vu->lock);
		vu_free(vu);
		return;
	}
	if (!vu->closing && rte_eal_alarm_set(VU_WATCH_US, vu_watch, vu) != 0)
		VIRTIO_LOG(ERR,
			   "%s: cannot re-arm the connection watch: the link will not "
			   "follow the back-end\n",
			   vu->hw->name);
	pthread_mutex_unlock(&vu->lock);
}

/* --- devargs and probe ------------------------------------------------------ */

static const char *const vu_keys[] = {
	"path",	    "queues",	  "server", "packed_vq", "mrg_rxbuf",
	"in_order", "queue_size", "mac",    "cq",	 NULL,
};

static int
vu_arg_uint(const char *name, struct rte_kvargs *kv, const char *key, unsigned long min,
	    unsigned long max, unsigned long *out)
{
	const char *v = rte_kvargs_get(kv, key);

	if (v == NULL)
		return 0;
	if (driver_arg_uint(v, max, out) != 0 || *out < min) {
		VIRTIO_LOG(ERR, "%s: %s=%s: give a number from %lu to %lu\n", name, key, v, min,
			   max);
		return -EINVAL;
	}
	return 0;
}

static int
vu_args_parse(const char *name, const char *args, struct virtio_user *vu)
{
	unsigned long queues = 1, server = 0, packed = 0, mrg = 1, in_order = 1, cq = 0;
	unsigned long qsize = VU_DEFAULT_QUEUE_SIZE;
	struct rte_kvargs *kv = rte_kvargs_parse(args != NULL ? args : "", vu_keys);
	const char *v;
	int ret = -EINVAL;

	if (kv == NULL) {
		VIRTIO_LOG(ERR,
			   "%s: cannot parse '%s': net_virtio_user knows path=, queues=, "
			   "server=0|1, packed_vq=0|1, mrg_rxbuf=0|1, in_order=0|1, queue_size=, "
			   "mac=, cq=0\n",
			   name, args);
		return -EINVAL;
	}
	v = rte_kvargs_get(kv, "path");
	if (v == NULL || v[0] == '\0' || strlen(v) >= sizeof(vu->path)) {
		VIRTIO_LOG(ERR,
			   "%s: give path=SOCKET, the vhost-user socket (under %zu "
			   "characters)\n",
			   name, sizeof(vu->path));
		goto out;
	}
	strcpy(vu->path, v);
	if (vu_arg_uint(name, kv, "queues", 1, RTE_MAX_QUEUES_PER_PORT, &queues) != 0 ||
	    vu_arg_uint(name, kv, "server", 0, 1, &server) != 0 ||
	    vu_arg_uint(name, kv, "packed_vq", 0, 1, &packed) != 0 ||
	    vu_arg_uint(name, kv, "mrg_rxbuf", 0, 1, &mrg) != 0 ||
	    vu_arg_uint(name, kv, "in_order", 0, 1, &in_order) != 0 ||
	    vu_arg_uint(name, kv, "queue_size", 2, VIRTQ_MAX_SIZE, &qsize) != 0 ||
	    vu_arg_uint(name, kv, "cq", 0, 1, &cq) != 0)
		goto out;
	if (cq != 0) {
		VIRTIO_LOG(ERR,
			   "%s: cq=1: net_virtio_user has no control queue (queue pairs "
			   "are enabled directly, Rx mode is fixed): drop cq\n",
			   name);
		goto out;
	}
	if (!virtq_size_valid((uint32_t)qsize, packed != 0)) {
		VIRTIO_LOG(ERR, "%s: queue_size=%lu: a split ring needs a power of two\n", name,
			   qsize);
		goto out;
	}
	v = rte_kvargs_get(kv, "mac");
	if (v != NULL && rte_ether_unformat_addr(v, &vu->mac) != 0) {
		VIRTIO_LOG(ERR, "%s: mac=%s: give six hex bytes, as 02:00:00:00:00:01\n", name, v);
		goto out;
	}
	if (v == NULL)
		rte_eth_random_addr(vu->mac.addr_bytes);
	/* in_order is accepted for DPDK's command lines; the rings never ask for it */
	(void)in_order;
	vu->max_pairs = (uint16_t)queues;
	vu->server = server != 0;
	vu->queue_size = (uint16_t)qsize;
	vu->allowed = VU_FEATURES_USABLE;
	if (!packed)
		vu->allowed &= ~VIRTIO_BIT(VIRTIO_F_RING_PACKED);
	if (!mrg)
		vu->allowed &= ~VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF);
	ret = 0;
out:
	rte_kvargs_free(kv);
	return ret;
}

static struct virtio_user *
vu_new(const char *name, const char *args, int *err)
{
	struct virtio_user *vu = calloc(1, sizeof(*vu));
	uint16_t n;

	*err = -ENOMEM;
	if (vu == NULL)
		return NULL;
	vu->fd = -1;
	vu->listen_fd = -1;
	pthread_mutex_init(&vu->lock, NULL);
	*err = vu_args_parse(name, args, vu);
	if (*err != 0)
		goto fail;
	n = (uint16_t)(2 * vu->max_pairs);
	vu->vqs = calloc(n, sizeof(*vu->vqs));
	vu->kick_fds = malloc(sizeof(int) * n);
	vu->call_fds = malloc(sizeof(int) * n);
	*err = -ENOMEM;
	if (vu->vqs == NULL || vu->kick_fds == NULL || vu->call_fds == NULL)
		goto fail;
	for (uint16_t i = 0; i < n; i++)
		vu->kick_fds[i] = vu->call_fds[i] = -1;
	for (uint16_t i = 0; i < n; i++) {
		vu->kick_fds[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		vu->call_fds[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (vu->kick_fds[i] < 0 || vu->call_fds[i] < 0) {
			*err = -errno;
			VIRTIO_LOG(ERR, "%s: eventfd: %s: raise the open file limit (ulimit -n)\n",
				   name, strerror(errno));
			goto fail;
		}
	}
	return vu;
fail:
	vu_free(vu);
	return NULL;
}

/* The connection of a new port; a server's back-end may come later. */
static int
vu_connect_first(struct virtio_user *vu, const char *name)
{
	int ret = vu_chan_open(vu);

	if (ret != 0) {
		VIRTIO_LOG(ERR, "%s: cannot %s %s: %s: %s\n", name,
			   vu->server ? "listen on" : "connect to", vu->path, strerror(-ret),
			   vu->server ? "check the directory exists and is writable"
				      : "start the vhost-user back-end first (e.g. --vdev "
					"net_vhost0,iface=PATH),"
					" or give server=1 and start it with client=1");
		return ret;
	}
	if (vu->server) {
		vu->backend_features = VU_FEATURES_ASSUMED;
		return 0;
	}
	return vu_chan_handshake(vu);
}

static int
virtio_user_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev;
	struct virtio_user *vu;
	struct virtio_hw *hw;
	int ret;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		VIRTIO_LOG(ERR, "%s: net_virtio_user is created by the primary process only\n",
			   name);
		return -ENOTSUP;
	}
	vu = vu_new(name, rte_vdev_device_args(vdev), &ret);
	if (vu == NULL)
		return ret;
	ret = vu_mem_check(name);
	if (ret != 0) {
		vu_free(vu);
		return ret;
	}
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL) {
		ret = -rte_errno;
		vu_free(vu);
		return ret;
	}
	hw = rte_zmalloc_socket("virtio_hw", sizeof(*hw), RTE_CACHE_LINE_SIZE, rte_socket_id());
	/* from here rte_eth_dev_release_port frees dev_private and mac_addrs */
	dev->data->dev_private = hw;
	dev->data->mac_addrs = rte_zmalloc("virtio_user_mac", sizeof(struct rte_ether_addr), 0);
	if (hw == NULL || dev->data->mac_addrs == NULL) {
		ret = -ENOMEM;
		vu_free(vu);
		goto err_release;
	}
	hw->ops = &virtio_user_ops;
	hw->name = dev->data->name;
	hw->transport = vu;
	hw->use_va = true;
	vu->hw = hw;
	vu->dev = dev;
	dev->data->numa_node = rte_socket_id();
	dev->device = &vdev->device;
	ret = vu_connect_first(vu, name);
	if (ret == 0)
		ret = virtio_hw_setup(dev, hw,
				      (vu->allowed & VIRTIO_BIT(VIRTIO_F_RING_PACKED)) != 0);
	if (ret != 0)
		goto err_hw;
	virtio_ethdev_finish(dev, hw);
	if (rte_mem_event_callback_register(hw->name, vu_mem_event, vu) != 0) {
		ret = -rte_errno;
		goto err_hw;
	}
	ret = rte_eal_alarm_set(VU_WATCH_US, vu_watch, vu);
	if (ret != 0) {
		rte_mem_event_callback_unregister(hw->name, vu);
		goto err_hw;
	}
	rte_eth_dev_probing_finish(dev);
	return 0;

err_hw:
	virtio_cvq_free(hw);
	rte_free(hw->vq_max);
	vu_free(vu);
err_release:
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
virtio_user_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed through rte_eth_dev_close already */
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver virtio_user_driver = {
	.probe = virtio_user_probe,
	.remove = virtio_user_remove,
};

RTE_PMD_REGISTER_VDEV(net_virtio_user, virtio_user_driver);
RTE_PMD_REGISTER_PARAM_STRING(net_virtio_user,
			      "path=<path> queues=<int> server=<0|1> packed_vq=<0|1> "
			      "mrg_rxbuf=<0|1> in_order=<0|1> queue_size=<int> mac=<mac> cq=<0>");
