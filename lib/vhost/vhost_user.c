/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vhost-user messages a back-end handles (QEMU's
 * docs/interop/vhost-user.rst), one handler each in a table with the
 * payload size it takes. Everything in a message is the front-end's word:
 * sizes, ring indices, counts and addresses are checked before use.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "vhost_private.h"

RTE_LOG_REGISTER(vhost_logtype, lib.vhost, NOTICE);

static void
vhost_fd_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = VHOST_FD_UNSET;
}

static void
vhost_vq_init(struct vhost_vq *vq)
{
	rte_spinlock_t lock = vq->lock;

	memset(vq, 0, sizeof(*vq));
	vq->lock = lock;
	vq->kickfd = VHOST_FD_UNSET;
	vq->callfd = VHOST_FD_UNSET;
}

/* The ring stops: its addresses and fds are forgotten, its position kept for GET_VRING_BASE. */
static void
vhost_vq_stop(struct vhost_vq *vq)
{
	vhost_fd_close(&vq->kickfd);
	vhost_fd_close(&vq->callfd);
	vq->addr_set = false;
	vq->desc = NULL;
	vq->avail = NULL;
	vq->used = NULL;
	vq->broken = false;
}

void
vhost_dev_init(struct vhost_dev *dev, struct vhost_socket *sock, int vid)
{
	memset(dev, 0, sizeof(*dev));
	dev->vid = vid;
	dev->sock = sock;
	for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++) {
		rte_spinlock_init(&dev->vq[i].lock);
		vhost_vq_init(&dev->vq[i]);
	}
	vhost_iotlb_init(dev);
}

void
vhost_dev_lock_all(struct vhost_dev *dev)
{
	for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++)
		rte_spinlock_lock(&dev->vq[i].lock);
}

void
vhost_dev_unlock_all(struct vhost_dev *dev)
{
	for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++)
		rte_spinlock_unlock(&dev->vq[i].lock);
}

static void
vhost_dev_stop(struct vhost_dev *dev)
{
	if (dev->running && dev->sock->ops.destroy_device != NULL)
		dev->sock->ops.destroy_device(dev->vid);
	dev->running = false;
}

void
vhost_dev_reset(struct vhost_dev *dev)
{
	vhost_dev_stop(dev);
	vhost_dev_lock_all(dev);
	for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++) {
		vhost_vq_stop(&dev->vq[i]);
		vhost_vq_init(&dev->vq[i]);
	}
	vhost_mem_table_free(dev);
	vhost_iotlb_reset(dev);
	dev->features = 0;
	dev->iotlb_on = false;
	dev->protocol_features = 0;
	dev->nr_vring = 0;
	vhost_dev_unlock_all(dev);
}

/* The ring a message names, or NULL (logged) when the index is out of range. */
static struct vhost_vq *
vhost_vq_of(struct vhost_dev *dev, uint32_t index, const char *what)
{
	if (index >= 2 * dev->sock->max_queue_pairs) {
		VHOST_LOG(ERR, "vhost: %s: %s names ring %u, this device has %u\n", dev->sock->path,
			  what, index, 2 * dev->sock->max_queue_pairs);
		return NULL;
	}
	if (index >= dev->nr_vring)
		dev->nr_vring = index + 1;
	return &dev->vq[index];
}

static int
vhost_msg_get_features(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
		       unsigned int nfds)
{
	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	msg->payload.u64 = dev->sock->features;
	msg->size = sizeof(msg->payload.u64);
	return 1;
}

static int
vhost_msg_set_features(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
		       unsigned int nfds)
{
	uint64_t f = msg->payload.u64;

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if ((f & ~dev->sock->features) != 0) {
		VHOST_LOG(ERR,
			  "vhost: %s: front-end accepted features 0x%jx that were not offered\n",
			  dev->sock->path, (uintmax_t)(f & ~dev->sock->features));
		return -EINVAL;
	}
	dev->features = f;
	if (dev->iotlb_on != !!(f & VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM))) {
		/* ring addresses change meaning (uva or IOVA): found again */
		dev->iotlb_on = !dev->iotlb_on;
		vhost_iotlb_flush(dev);
		for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++)
			dev->vq[i].desc = NULL;
	}
	/* 5.1.6: without VERSION_1 or MRG_RXBUF the header has no num_buffers */
	dev->hdr_len = (f & (VIRTIO_BIT(VIRTIO_F_VERSION_1) | VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF)))
			       ? sizeof(struct virtio_net_hdr)
			       : offsetof(struct virtio_net_hdr, num_buffers);
	return 0;
}

static int
vhost_msg_no_op(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds, unsigned int nfds)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(msg);
	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	return 0;
}

static int
vhost_msg_reset_owner(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
		      unsigned int nfds)
{
	RTE_SET_USED(msg);
	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++) {
		vhost_vq_stop(&dev->vq[i]);
		vhost_vq_init(&dev->vq[i]);
	}
	vhost_mem_table_free(dev);
	vhost_iotlb_flush(dev);
	dev->features = 0;
	dev->iotlb_on = false;
	dev->nr_vring = 0;
	return 0;
}

static int
vhost_msg_get_protocol_features(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
				unsigned int nfds)
{
	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	msg->payload.u64 = dev->sock->protocol_features;
	msg->size = sizeof(msg->payload.u64);
	return 1;
}

static int
vhost_msg_set_protocol_features(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
				unsigned int nfds)
{
	uint64_t f = msg->payload.u64;

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if ((f & ~dev->sock->protocol_features) != 0) {
		VHOST_LOG(ERR,
			  "vhost: %s: front-end accepted protocol features 0x%jx not offered\n",
			  dev->sock->path, (uintmax_t)(f & ~dev->sock->protocol_features));
		return -EINVAL;
	}
	dev->protocol_features = f;
	return 0;
}

static int
vhost_msg_get_queue_num(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			unsigned int nfds)
{
	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	msg->payload.u64 = dev->sock->max_queue_pairs;
	msg->size = sizeof(msg->payload.u64);
	return 1;
}

static int
vhost_msg_set_mem_table(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			unsigned int nfds)
{
	struct vhost_user_memory mem;
	int ret;

	if (msg->size !=
	    offsetof(struct vhost_user_memory, regions) +
		    (uint64_t)msg->payload.memory.nregions * sizeof(struct vhost_user_mem_region)) {
		VHOST_LOG(ERR, "vhost: %s: SET_MEM_TABLE of %u bytes for %u regions\n",
			  dev->sock->path, msg->size, msg->payload.memory.nregions);
		return -EINVAL;
	}
	/* the payload is packed: the checks read an aligned copy */
	memcpy(&mem, &msg->payload.memory, sizeof(mem));
	ret = vhost_mem_table_set(dev, &mem, fds, nfds);
	if (ret < 0)
		return ret;
	/* ring addresses are translated again through the new table, IOTLB entries mapped again */
	vhost_iotlb_flush(dev);
	for (unsigned int i = 0; i < VHOST_MAX_VRINGS; i++) {
		dev->vq[i].desc = NULL;
		dev->vq[i].avail = NULL;
		dev->vq[i].used = NULL;
	}
	return 0;
}

static int
vhost_msg_set_vring_num(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			unsigned int nfds)
{
	struct vhost_vq *vq = vhost_vq_of(dev, msg->payload.state.index, "SET_VRING_NUM");
	uint32_t num = msg->payload.state.num;

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if (vq == NULL)
		return -EINVAL;
	/* 2.6: a split ring's size is a power of two up to 32768; 2.7: a packed one any */
	if (!virtq_size_valid(num, dev->features & VIRTIO_BIT(VIRTIO_F_RING_PACKED))) {
		VHOST_LOG(ERR, "vhost: %s: ring size %u: 1..%u, a power of two for split rings\n",
			  dev->sock->path, num, VIRTQ_MAX_SIZE);
		return -EINVAL;
	}
	vq->num = num;
	vq->desc = NULL;
	return 0;
}

static int
vhost_msg_set_vring_addr(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			 unsigned int nfds)
{
	struct vhost_vq *vq = vhost_vq_of(dev, msg->payload.addr.index, "SET_VRING_ADDR");

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if (vq == NULL)
		return -EINVAL;
	vq->addr = msg->payload.addr;
	vq->addr_set = true;
	vq->desc = NULL; /* translated when the ring is checked for readiness */
	return 0;
}

static int
vhost_msg_set_vring_base(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			 unsigned int nfds)
{
	struct vhost_vq *vq = vhost_vq_of(dev, msg->payload.state.index, "SET_VRING_BASE");
	uint32_t num;

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if (vq == NULL)
		return -EINVAL;
	num = msg->payload.state.num;
	if (dev->features & VIRTIO_BIT(VIRTIO_F_RING_PACKED)) {
		/*
		 * vhost-user.rst: the avail position in bits 0-14, its wrap
		 * counter in bit 15. QEMU (virtio_queue_packed_get_last_avail_idx)
		 * adds the used position and its wrap counter in bits 16-31; a
		 * front-end that sends 0 there (virtio-user) means "as avail".
		 * Positions past the ring are refused when the ring starts.
		 */
		vq->last_avail = num & 0x7fff;
		vq->avail_wrap = (num >> 15) & 1;
		vq->last_used = num >> 16 != 0 ? (num >> 16) & 0x7fff : vq->last_avail;
		vq->used_wrap = num >> 16 != 0 ? (num >> 31) & 1 : vq->avail_wrap;
	} else if (num > UINT16_MAX) {
		VHOST_LOG(ERR, "vhost: %s: ring base %u is past 65535\n", dev->sock->path, num);
		return -EINVAL;
	} else {
		vq->last_avail = (uint16_t)num;
		vq->avail_wrap = false;
		vq->last_used = vq->last_avail;
		vq->used_wrap = false;
	}
	vq->signalled_used = vq->last_used;
	/* what the front-end believes: a restarted back-end's test compares it with the ring */
	VHOST_LOG(DEBUG, "vhost: %s: ring %u base: avail %u wrap %d, used %u wrap %d\n",
		  dev->sock->path, msg->payload.state.index, vq->last_avail, vq->avail_wrap,
		  vq->last_used, vq->used_wrap);
	return 0;
}

static int
vhost_msg_get_vring_base(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			 unsigned int nfds)
{
	struct vhost_vq *vq = vhost_vq_of(dev, msg->payload.state.index, "GET_VRING_BASE");

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if (vq == NULL)
		return -EINVAL;
	/* the ring stops here (vhost-user.rst, "Starting and stopping rings") */
	vhost_vq_stop(vq);
	vq->enabled = false;
	/*
	 * A stopped ring is where a guest driver lets go of the device: its
	 * mappings may be reused by the next one, so none is trusted past here.
	 */
	if (dev->iotlb_on)
		vhost_iotlb_flush(dev);
	msg->payload.state.num = vq->last_avail;
	/* packed: the used half too, which QEMU keeps from bits 16-31 (see SET_VRING_BASE) */
	if (dev->features & VIRTIO_BIT(VIRTIO_F_RING_PACKED))
		msg->payload.state.num |= (uint32_t)vq->avail_wrap << 15 |
					  ((uint32_t)vq->last_used | (uint32_t)vq->used_wrap << 15)
						  << 16;
	msg->size = sizeof(msg->payload.state);
	return 1;
}

/* SET_VRING_KICK/CALL/ERR: the ring in the low byte, the "no fd" bit, else one fd. */
static int
vhost_msg_vring_fd(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds, unsigned int nfds,
		   const char *what, struct vhost_vq **vqp, int *fd)
{
	uint64_t v = msg->payload.u64;
	bool nofd = (v & VHOST_USER_VRING_NOFD_MASK) != 0;

	if ((v & ~(uint64_t)(VHOST_USER_VRING_IDX_MASK | VHOST_USER_VRING_NOFD_MASK)) != 0 ||
	    nfds != (nofd ? 0u : 1u)) {
		VHOST_LOG(ERR, "vhost: %s: %s with 0x%jx and %u fds\n", dev->sock->path, what,
			  (uintmax_t)v, nfds);
		return -EINVAL;
	}
	*vqp = vhost_vq_of(dev, v & VHOST_USER_VRING_IDX_MASK, what);
	if (*vqp == NULL)
		return -EINVAL;
	*fd = nofd ? -1 : fds[0];
	if (!nofd)
		fds[0] = -1;
	return 0;
}

static int
vhost_msg_set_vring_kick(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			 unsigned int nfds)
{
	struct vhost_vq *vq;
	int fd, ret;

	ret = vhost_msg_vring_fd(dev, msg, fds, nfds, "SET_VRING_KICK", &vq, &fd);
	if (ret < 0)
		return ret;
	vhost_fd_close(&vq->kickfd);
	vq->kickfd = fd;
	/* without protocol features a kick fd is what starts the ring */
	if (!(dev->features & VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES)))
		vq->enabled = true;
	return 0;
}

static int
vhost_msg_set_vring_call(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			 unsigned int nfds)
{
	struct vhost_vq *vq;
	int fd, ret;

	ret = vhost_msg_vring_fd(dev, msg, fds, nfds, "SET_VRING_CALL", &vq, &fd);
	if (ret < 0)
		return ret;
	vhost_fd_close(&vq->callfd);
	vq->callfd = fd;
	return 0;
}

static int
vhost_msg_set_vring_err(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			unsigned int nfds)
{
	struct vhost_vq *vq;
	int fd, ret;

	ret = vhost_msg_vring_fd(dev, msg, fds, nfds, "SET_VRING_ERR", &vq, &fd);
	if (ret < 0)
		return ret;
	/* nothing is reported on it */
	vhost_fd_close(&fd);
	return 0;
}

static int
vhost_msg_set_vring_enable(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
			   unsigned int nfds)
{
	struct vhost_vq *vq = vhost_vq_of(dev, msg->payload.state.index, "SET_VRING_ENABLE");

	RTE_SET_USED(fds);
	RTE_SET_USED(nfds);
	if (vq == NULL)
		return -EINVAL;
	if (msg->payload.state.num > 1) {
		VHOST_LOG(ERR, "vhost: %s: SET_VRING_ENABLE with %u (0 or 1)\n", dev->sock->path,
			  msg->payload.state.num);
		return -EINVAL;
	}
	vq->enabled = msg->payload.state.num == 1;
	return 0;
}

typedef int (*vhost_msg_handler_t)(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
				   unsigned int nfds);

struct vhost_msg_kind {
	const char *name;
	vhost_msg_handler_t handle;
	uint32_t size; /* payload bytes, or VHOST_MSG_SIZE_VARIES */
	uint32_t max_fds;
};

#define VHOST_MSG_SIZE_VARIES UINT32_MAX

static const struct vhost_msg_kind vhost_msg_kinds[VHOST_USER_REQUEST_MAX] = {
	[VHOST_USER_GET_FEATURES] = {"GET_FEATURES", vhost_msg_get_features, 0, 0},
	[VHOST_USER_SET_FEATURES] = {"SET_FEATURES", vhost_msg_set_features, 8, 0},
	[VHOST_USER_SET_OWNER] = {"SET_OWNER", vhost_msg_no_op, 0, 0},
	[VHOST_USER_RESET_OWNER] = {"RESET_OWNER", vhost_msg_reset_owner, 0, 0},
	[VHOST_USER_SET_MEM_TABLE] = {"SET_MEM_TABLE", vhost_msg_set_mem_table,
				      VHOST_MSG_SIZE_VARIES, VHOST_USER_MEMORY_MAX_NREGIONS},
	[VHOST_USER_SET_VRING_NUM] = {"SET_VRING_NUM", vhost_msg_set_vring_num, 8, 0},
	[VHOST_USER_SET_VRING_ADDR] = {"SET_VRING_ADDR", vhost_msg_set_vring_addr,
				       sizeof(struct vhost_user_vring_addr), 0},
	[VHOST_USER_SET_VRING_BASE] = {"SET_VRING_BASE", vhost_msg_set_vring_base, 8, 0},
	[VHOST_USER_GET_VRING_BASE] = {"GET_VRING_BASE", vhost_msg_get_vring_base, 8, 0},
	[VHOST_USER_SET_VRING_KICK] = {"SET_VRING_KICK", vhost_msg_set_vring_kick, 8, 1},
	[VHOST_USER_SET_VRING_CALL] = {"SET_VRING_CALL", vhost_msg_set_vring_call, 8, 1},
	[VHOST_USER_SET_VRING_ERR] = {"SET_VRING_ERR", vhost_msg_set_vring_err, 8, 1},
	[VHOST_USER_GET_PROTOCOL_FEATURES] = {"GET_PROTOCOL_FEATURES",
					      vhost_msg_get_protocol_features, 0, 0},
	[VHOST_USER_SET_PROTOCOL_FEATURES] = {"SET_PROTOCOL_FEATURES",
					      vhost_msg_set_protocol_features, 8, 0},
	[VHOST_USER_GET_QUEUE_NUM] = {"GET_QUEUE_NUM", vhost_msg_get_queue_num, 0, 0},
	[VHOST_USER_SET_VRING_ENABLE] = {"SET_VRING_ENABLE", vhost_msg_set_vring_enable, 8, 0},
	[VHOST_USER_SET_SLAVE_REQ_FD] = {"SET_SLAVE_REQ_FD", vhost_msg_set_backend_req_fd, 0, 1},
	[VHOST_USER_IOTLB_MSG] = {"IOTLB_MSG", vhost_msg_iotlb, sizeof(struct vhost_user_iotlb), 0},
};

/*
 * Whether a reply is owed: asked for with REPLY_ACK negotiated, and no
 * reply of its own. An IOTLB message is acknowledged whenever it asks
 * (vhost-user.rst: "the back-end has to acknowledge the request").
 */
static bool
vhost_msg_wants_ack(const struct vhost_dev *dev, const struct vhost_user_msg *msg)
{
	return ((dev->protocol_features & VIRTIO_BIT(VHOST_USER_PROTOCOL_F_REPLY_ACK)) ||
		msg->request == VHOST_USER_IOTLB_MSG) &&
	       (msg->flags & VHOST_USER_NEED_REPLY);
}

int
vhost_user_msg_handle(struct vhost_dev *dev, struct vhost_user_msg *msg, int *fds,
		      unsigned int nfds)
{
	const struct vhost_msg_kind *k = NULL;
	bool ack = vhost_msg_wants_ack(dev, msg);
	int ret = -EINVAL;

	if (msg->request < VHOST_USER_REQUEST_MAX && vhost_msg_kinds[msg->request].handle)
		k = &vhost_msg_kinds[msg->request];
	if (k == NULL) {
		VHOST_LOG(ERR, "vhost: %s: request %u is not one this back-end offered\n",
			  dev->sock->path, msg->request);
	} else if ((k->size != VHOST_MSG_SIZE_VARIES && msg->size != k->size) ||
		   msg->size > VHOST_USER_PAYLOAD_MAX) {
		VHOST_LOG(ERR, "vhost: %s: %s with %u payload bytes, it takes %u\n",
			  dev->sock->path, k->name, msg->size, k->size);
	} else if (nfds > k->max_fds) {
		VHOST_LOG(ERR, "vhost: %s: %s with %u fds, it takes at most %u\n", dev->sock->path,
			  k->name, nfds, k->max_fds);
	} else {
		ret = k->handle(dev, msg, fds, nfds);
	}
	/* whatever fd the handler did not keep is closed here, on every path */
	for (unsigned int i = 0; i < nfds; i++)
		if (fds[i] >= 0) {
			close(fds[i]);
			fds[i] = -1;
		}
	if (ret < 0)
		dev->msg_errors++;
	if (ret == 1 || !ack)
		return ret;
	msg->payload.u64 = ret < 0 ? 1 : 0;
	msg->size = sizeof(msg->payload.u64);
	return 1;
}

/* A ring is ready once it has checked addresses, its fds and is enabled. */
static bool
vhost_vq_check_ready(struct vhost_dev *dev, struct vhost_vq *vq, unsigned int index)
{
	int ret;

	if (vq->num == 0 || !vq->addr_set || dev->nregions == 0 || vq->kickfd == VHOST_FD_UNSET ||
	    vq->callfd == VHOST_FD_UNSET || !vq->enabled || vq->broken)
		return false;
	if (vq->desc == NULL) {
		ret = vhost_ring_translate(dev, vq);

		/*
		 * An IOVA missed: asked for, and this runs again after the
		 * UPDATE. A running ring stays up and its bursts look again.
		 */
		if (ret == -EAGAIN)
			return vq->ready;
		if (ret < 0) {
			/* -ESTALE: the packed ring said why */
			if (ret == -EFAULT)
				VHOST_LOG(
					ERR,
					"vhost: %s: ring %u is not inside the front-end's memory\n",
					dev->sock->path, index);
			vq->broken = true;
			dev->msg_errors++;
			return false;
		}
	}
	return true;
}

void
vhost_dev_state_update(struct vhost_dev *dev)
{
	const struct rte_vhost_device_ops *ops = &dev->sock->ops;
	bool changed[VHOST_MAX_VRINGS] = {false};
	bool dev_ready;

	vhost_dev_lock_all(dev);
	for (unsigned int i = 0; i < dev->nr_vring; i++) {
		bool r = vhost_vq_check_ready(dev, &dev->vq[i], i);

		changed[i] = r != dev->vq[i].ready;
		dev->vq[i].ready = r;
	}
	/* a net device works once its first pair works (DPDK's rule too) */
	dev_ready = dev->nr_vring >= 2 && dev->vq[0].ready && dev->vq[1].ready;
	vhost_dev_unlock_all(dev);

	for (unsigned int i = 0; i < dev->nr_vring; i++)
		if (changed[i] && ops->vring_state_changed != NULL)
			ops->vring_state_changed(dev->vid, i, dev->vq[i].ready);
	if (dev_ready && !dev->running) {
		VHOST_LOG(INFO, "vhost: %s: device %d ready, %u %s rings, features 0x%jx\n",
			  dev->sock->path, dev->vid, dev->nr_vring,
			  dev->features & VIRTIO_BIT(VIRTIO_F_RING_PACKED) ? "packed" : "split",
			  (uintmax_t)dev->features);
		dev->running = ops->new_device == NULL || ops->new_device(dev->vid) == 0;
	} else if (!dev_ready && dev->running) {
		vhost_dev_stop(dev);
	}
}
