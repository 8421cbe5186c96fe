/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The registered sockets: a server accepts one front-end at a time, a
 * client connects and, unless told not to, reconnects when the connection
 * drops. One thread a socket reads its messages (header, ancillary fds,
 * payload) and hands them to vhost_user.c.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "vhost_private.h"
#include "vhost_user_io.h"

/* between connection attempts of a client, and between checks of the stop flag */
#define VHOST_RECONNECT_MS 1000

static struct vhost_socket *vhost_sockets[RTE_MAX_VHOST_DEVICE];
static unsigned int vhost_nsockets;
static pthread_mutex_t vhost_sockets_lock = PTHREAD_MUTEX_INITIALIZER;

/* The socket registered at path; the caller holds vhost_sockets_lock. */
static struct vhost_socket *
vhost_socket_find(const char *path)
{
	for (unsigned int i = 0; i < vhost_nsockets; i++)
		if (strcmp(vhost_sockets[i]->path, path) == 0)
			return vhost_sockets[i];
	return NULL;
}

__rte_export int
rte_vhost_driver_register(const char *path, uint64_t flags)
{
	const uint64_t unsupported = RTE_VHOST_USER_POSTCOPY_SUPPORT | RTE_VHOST_USER_ASYNC_COPY;
	struct vhost_socket *s;
	int vid;

	if (path == NULL || path[0] == '\0' || strlen(path) >= sizeof(s->path)) {
		VHOST_LOG(ERR, "vhost: socket path missing or longer than %zu bytes\n",
			  sizeof(s->path) - 1);
		return -1;
	}
	if (flags & unsupported) {
		VHOST_LOG(ERR,
			  "vhost: %s: flags 0x%jx (postcopy, async copy) are not "
			  "supported: register without them\n",
			  path, (uintmax_t)(flags & unsupported));
		return -1;
	}
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		return -1;
	rte_strlcpy(s->path, path, sizeof(s->path));
	s->flags = flags;
	s->features = VHOST_FEATURES_SUPPORTED;
	s->protocol_features = VHOST_PROTOCOL_FEATURES_SUPPORTED;
	if (flags & RTE_VHOST_USER_IOMMU_SUPPORT) {
		s->features |= VHOST_FEATURES_IOMMU;
		s->protocol_features |= VHOST_PROTOCOL_FEATURES_IOMMU;
	}
	s->max_queue_pairs = VHOST_MAX_QUEUE_PAIRS;
	s->listen_fd = -1;
	atomic_init(&s->conn_fd, -1);
	vhost_dev_init(&s->dev, s, -1);

	pthread_mutex_lock(&vhost_sockets_lock);
	if (vhost_socket_find(path) != NULL) {
		pthread_mutex_unlock(&vhost_sockets_lock);
		VHOST_LOG(ERR, "vhost: %s is already registered\n", path);
		free(s);
		return -1;
	}
	vid = vhost_dev_register(&s->dev);
	if (vid < 0 || vhost_nsockets == RTE_DIM(vhost_sockets)) {
		if (vid >= 0)
			vhost_dev_unregister(&s->dev);
		pthread_mutex_unlock(&vhost_sockets_lock);
		VHOST_LOG(ERR, "vhost: %s: already %d sockets, unregister one first\n", path,
			  RTE_MAX_VHOST_DEVICE);
		free(s);
		return -1;
	}
	vhost_sockets[vhost_nsockets++] = s;
	pthread_mutex_unlock(&vhost_sockets_lock);
	return 0;
}

/* Receive, check and handle one message; a negative errno ends the connection. */
static int
vhost_conn_msg_process(struct vhost_socket *s, int fd)
{
	struct vhost_user_msg msg;
	int fds[VHOST_USER_RECV_MAX_FDS];
	unsigned int nfds;
	int ret;

	ret = vhost_user_msg_recv(fd, &msg, fds, &nfds);
	if (ret == -EPROTO) {
		VHOST_LOG(ERR,
			  "vhost: %s: message %u with version %u and %u payload bytes "
			  "(version 1, at most %zu)\n",
			  s->path, msg.request, msg.flags & VHOST_USER_VERSION_MASK, msg.size,
			  VHOST_USER_PAYLOAD_MAX);
		s->dev.msg_errors++;
		return -EBADMSG;
	}
	if (ret <= 0)
		return ret == 0 ? -ECONNRESET : ret;
	/* a message that stops a running ring stops the device first */
	if (msg.request == VHOST_USER_GET_VRING_BASE || msg.request == VHOST_USER_RESET_OWNER) {
		if (s->dev.running && s->ops.destroy_device != NULL)
			s->ops.destroy_device(s->dev.vid);
		s->dev.running = false;
	}
	vhost_dev_lock_all(&s->dev);
	ret = vhost_user_msg_handle(&s->dev, &msg, fds, nfds);
	vhost_dev_unlock_all(&s->dev);
	if (ret == 1) {
		msg.flags = VHOST_USER_VERSION | VHOST_USER_REPLY_MASK;
		if (vhost_user_msg_send(fd, &msg, &msg.payload, msg.size, NULL, 0) != 0)
			return -EPIPE;
	} else if (ret < 0) {
		return ret;
	}
	vhost_dev_state_update(&s->dev);
	return 1;
}

/* Serve one connection until it ends or the socket is unregistered. */
static void
vhost_conn_serve(struct vhost_socket *s, int fd)
{
	atomic_store(&s->conn_fd, fd);
	if (s->ops.new_connection != NULL)
		s->ops.new_connection(s->dev.vid);
	while (!atomic_load(&s->stop)) {
		struct pollfd p = {.fd = fd, .events = POLLIN};

		if (poll(&p, 1, VHOST_RECONNECT_MS) <= 0)
			continue;
		if (vhost_conn_msg_process(s, fd) < 0)
			break;
	}
	vhost_dev_reset(&s->dev);
	if (s->ops.destroy_connection != NULL)
		s->ops.destroy_connection(s->dev.vid);
	atomic_store(&s->conn_fd, -1);
	close(fd);
}

static int
vhost_sock_addr(const struct vhost_socket *s, struct sockaddr_un *sun)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	rte_strlcpy(sun->sun_path, s->path, sizeof(sun->sun_path));
	return socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

static void *
vhost_socket_thread(void *arg)
{
	struct vhost_socket *s = arg;

	while (!atomic_load(&s->stop)) {
		struct pollfd p = {.fd = s->listen_fd, .events = POLLIN};
		struct sockaddr_un sun;
		int fd;

		if (!(s->flags & RTE_VHOST_USER_CLIENT)) {
			if (poll(&p, 1, VHOST_RECONNECT_MS) <= 0)
				continue;
			fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
			if (fd >= 0)
				vhost_conn_serve(s, fd);
			continue;
		}
		fd = vhost_sock_addr(s, &sun);
		if (fd >= 0 && connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
			vhost_conn_serve(s, fd);
			if (s->flags & RTE_VHOST_USER_NO_RECONNECT)
				break;
			continue;
		}
		if (fd >= 0)
			close(fd);
		poll(NULL, 0, VHOST_RECONNECT_MS);
	}
	return NULL;
}

/* Bind the server's socket; a stale file nobody listens on is replaced. */
static int
vhost_socket_listen(struct vhost_socket *s)
{
	struct sockaddr_un sun;
	int fd = vhost_sock_addr(s, &sun), ret;

	if (fd < 0)
		return -errno;
	ret = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
	if (ret != 0 && errno == EADDRINUSE) {
		int probe = vhost_sock_addr(s, &sun);

		if (probe >= 0 && connect(probe, (struct sockaddr *)&sun, sizeof(sun)) != 0 &&
		    errno == ECONNREFUSED)
			unlink(s->path);
		if (probe >= 0)
			close(probe);
		ret = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
		if (ret != 0 && errno == EADDRINUSE) {
			VHOST_LOG(ERR,
				  "vhost: %s is in use by another process: pick another path\n",
				  s->path);
			close(fd);
			return -EADDRINUSE;
		}
	}
	if (ret != 0) {
		int err = errno;

		VHOST_LOG(ERR,
			  "vhost: cannot create socket %s (%s): check the directory exists "
			  "and is writable\n",
			  s->path, strerror(err));
		close(fd);
		return -err;
	}
	if (listen(fd, 1) != 0) {
		int err = errno;

		VHOST_LOG(ERR,
			  "vhost: %s: cannot listen (%s): check the directory exists and is "
			  "writable\n",
			  s->path, strerror(err));
		close(fd);
		return -err;
	}
	s->listen_fd = fd;
	return 0;
}

__rte_export int
rte_vhost_driver_start(const char *path)
{
	struct vhost_socket *s;
	int ret = -1;

	pthread_mutex_lock(&vhost_sockets_lock);
	s = path != NULL ? vhost_socket_find(path) : NULL;
	if (s == NULL) {
		VHOST_LOG(ERR,
			  "vhost: %s is not registered: call rte_vhost_driver_register first\n",
			  path != NULL ? path : "(null)");
		goto out_unlock;
	}
	if (s->started) {
		ret = 0;
		goto out_unlock;
	}
	if (!(s->flags & RTE_VHOST_USER_CLIENT) && vhost_socket_listen(s) < 0)
		goto out_unlock;
	atomic_store(&s->stop, false);
	if (pthread_create(&s->thread, NULL, vhost_socket_thread, s) != 0) {
		VHOST_LOG(ERR, "vhost: %s: cannot start its thread\n", path);
		if (s->listen_fd >= 0) {
			close(s->listen_fd);
			unlink(s->path);
			s->listen_fd = -1;
		}
		goto out_unlock;
	}
	s->started = true;
	ret = 0;
out_unlock:
	pthread_mutex_unlock(&vhost_sockets_lock);
	return ret;
}

__rte_export int
rte_vhost_driver_unregister(const char *path)
{
	struct vhost_socket *s = NULL;
	unsigned int i;

	pthread_mutex_lock(&vhost_sockets_lock);
	for (i = 0; path != NULL && i < vhost_nsockets; i++) {
		if (strcmp(vhost_sockets[i]->path, path) == 0) {
			s = vhost_sockets[i];
			vhost_sockets[i] = vhost_sockets[--vhost_nsockets];
			break;
		}
	}
	pthread_mutex_unlock(&vhost_sockets_lock);
	if (s == NULL)
		return -1;
	if (s->started) {
		int fd = atomic_load(&s->conn_fd);

		atomic_store(&s->stop, true);
		/* a read blocked on the connection returns now */
		if (fd >= 0)
			shutdown(fd, SHUT_RDWR);
		pthread_join(s->thread, NULL);
	}
	if (s->listen_fd >= 0) {
		close(s->listen_fd);
		unlink(s->path);
	}
	vhost_dev_unregister(&s->dev);
	free(s);
	return 0;
}

/* Run fn on the socket at path under the registry lock: 0, or -1 when it is not registered. */
static int
vhost_socket_with(const char *path, void (*fn)(struct vhost_socket *s, void *arg), void *arg)
{
	struct vhost_socket *s;

	pthread_mutex_lock(&vhost_sockets_lock);
	s = path != NULL ? vhost_socket_find(path) : NULL;
	if (s != NULL)
		fn(s, arg);
	pthread_mutex_unlock(&vhost_sockets_lock);
	return s == NULL ? -1 : 0;
}

static void
vhost_socket_ops_set(struct vhost_socket *s, void *arg)
{
	const struct rte_vhost_device_ops *ops = arg;

	if (ops != NULL)
		s->ops = *ops;
	else
		memset(&s->ops, 0, sizeof(s->ops));
}

__rte_export int
rte_vhost_driver_callback_register(const char *path, struct rte_vhost_device_ops const *const ops)
{
	return vhost_socket_with(path, vhost_socket_ops_set, (void *)(uintptr_t)ops);
}

struct vhost_feature_op {
	uint64_t value;
	enum {
		VHOST_F_SET,
		VHOST_F_ENABLE,
		VHOST_F_DISABLE,
		VHOST_F_GET,
		VHOST_PF_SET,
		VHOST_PF_GET,
		VHOST_QNUM_GET,
		VHOST_QNUM_SET
	} kind;
	uint64_t out;
};

static void
vhost_socket_features_op(struct vhost_socket *s, void *arg)
{
	struct vhost_feature_op *op = arg;

	/* only what this back-end implements can be offered */
	switch (op->kind) {
	case VHOST_F_SET:
		s->features = op->value & VHOST_FEATURES_SUPPORTED;
		break;
	case VHOST_F_ENABLE:
		s->features |= op->value & VHOST_FEATURES_SUPPORTED;
		break;
	case VHOST_F_DISABLE:
		s->features &= ~op->value;
		break;
	case VHOST_F_GET:
		op->out = s->features;
		break;
	case VHOST_PF_SET:
		s->protocol_features = op->value & VHOST_PROTOCOL_FEATURES_SUPPORTED;
		break;
	case VHOST_PF_GET:
		op->out = s->protocol_features;
		break;
	case VHOST_QNUM_GET:
		op->out = s->max_queue_pairs;
		break;
	case VHOST_QNUM_SET:
		s->max_queue_pairs = (uint32_t)op->value;
		break;
	}
}

static int
vhost_features_do(const char *path, int kind, uint64_t value, uint64_t *out)
{
	struct vhost_feature_op op = {.value = value, .kind = kind};
	int ret = vhost_socket_with(path, vhost_socket_features_op, &op);

	if (ret == 0 && out != NULL)
		*out = op.out;
	return ret;
}

__rte_export int
rte_vhost_driver_set_features(const char *path, uint64_t features)
{
	return vhost_features_do(path, VHOST_F_SET, features, NULL);
}

__rte_export int
rte_vhost_driver_enable_features(const char *path, uint64_t features)
{
	return vhost_features_do(path, VHOST_F_ENABLE, features, NULL);
}

__rte_export int
rte_vhost_driver_disable_features(const char *path, uint64_t features)
{
	return vhost_features_do(path, VHOST_F_DISABLE, features, NULL);
}

__rte_export int
rte_vhost_driver_get_features(const char *path, uint64_t *features)
{
	if (features == NULL)
		return -1;
	return vhost_features_do(path, VHOST_F_GET, 0, features);
}

__rte_export int
rte_vhost_driver_set_protocol_features(const char *path, uint64_t protocol_features)
{
	return vhost_features_do(path, VHOST_PF_SET, protocol_features, NULL);
}

__rte_export int
rte_vhost_driver_get_protocol_features(const char *path, uint64_t *protocol_features)
{
	if (protocol_features == NULL)
		return -1;
	return vhost_features_do(path, VHOST_PF_GET, 0, protocol_features);
}

__rte_export int
rte_vhost_driver_get_queue_num(const char *path, uint32_t *queue_num)
{
	uint64_t v;

	if (queue_num == NULL || vhost_features_do(path, VHOST_QNUM_GET, 0, &v) < 0)
		return -1;
	*queue_num = (uint32_t)v;
	return 0;
}

__rte_export int
rte_vhost_driver_set_max_queue_num(const char *path, uint32_t max_queue_pairs)
{
	if (max_queue_pairs == 0 || max_queue_pairs > VHOST_MAX_QUEUE_PAIRS) {
		VHOST_LOG(ERR, "vhost: %s: %u queue pairs, this back-end serves 1..%u\n",
			  path != NULL ? path : "(null)", max_queue_pairs, VHOST_MAX_QUEUE_PAIRS);
		return -1;
	}
	return vhost_features_do(path, VHOST_QNUM_SET, max_queue_pairs, NULL);
}
