/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_memif control channel. A server listens on a unix SOCK_SEQPACKET
 * socket shared by every server interface on that path, and picks the
 * interface by the id in the client's INIT. The conversation:
 *
 *   server: HELLO                     client: INIT          server: ACK
 *   client: ADD_REGION (+memfd)       server: ACK           (per region)
 *   client: ADD_RING (+eventfd)       server: ACK           (per ring)
 *   client: CONNECT                   server: CONNECTED
 *   either: DISCONNECT, or the socket closes
 *
 * The client sends its next message on each ACK. Every message is 128
 * bytes; each handler checks the state it may come in and every field
 * before it acts, and a fault ends the connection with DISCONNECT and the
 * reason. Everything runs on the interrupt thread, or in ethdev calls,
 * under memif_lock. A channel is never torn down under its own callback:
 * a dead one goes to a list that memif_reap() empties once the lock is
 * dropped.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <rte_alarm.h>
#include <rte_interrupts.h>
#include <rte_string_fns.h>
#include <rte_version.h>

#include "memif.h"

struct memif_socket {
	TAILQ_ENTRY(memif_socket) next;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	bool abstract;
	bool dead;
	unsigned int users;
	int fd; /* listening socket, -1 if no server uses it */
	struct rte_intr_handle *ih;
};

enum memif_cc_state {
	MEMIF_CC_WAIT_HELLO,	 /* client */
	MEMIF_CC_SENDING,	 /* client: INIT .. CONNECT, one per ACK */
	MEMIF_CC_WAIT_CONNECTED, /* client */
	MEMIF_CC_WAIT_INIT,	 /* server */
	MEMIF_CC_SETUP,		 /* server: regions and rings until CONNECT */
	MEMIF_CC_CONNECTED,
	MEMIF_CC_DEAD,
};

struct memif_out {
	struct memif_msg msg;
	int fd; /* borrowed from the region or queue */
};

struct memif_cc {
	TAILQ_ENTRY(memif_cc) next;
	int fd;
	struct rte_intr_handle *ih;
	struct memif_socket *sock;  /* server: the socket it was accepted on */
	struct memif_private *priv; /* NULL on a server until INIT names one */
	enum memif_cc_state state;
	struct memif_out *out;
	uint16_t nb_out;
	uint16_t next_out;
};

static pthread_mutex_t memif_lock = PTHREAD_MUTEX_INITIALIZER;
static TAILQ_HEAD(, memif_socket) memif_sockets = TAILQ_HEAD_INITIALIZER(memif_sockets);
static TAILQ_HEAD(, memif_socket) memif_dead_sockets = TAILQ_HEAD_INITIALIZER(memif_dead_sockets);
static TAILQ_HEAD(, memif_private) memif_ports = TAILQ_HEAD_INITIALIZER(memif_ports);
static TAILQ_HEAD(, memif_cc) memif_ccs = TAILQ_HEAD_INITIALIZER(memif_ccs);
static TAILQ_HEAD(, memif_cc) memif_dead_ccs = TAILQ_HEAD_INITIALIZER(memif_dead_ccs);

static void memif_cc_handler(void *arg);
static void memif_listen_handler(void *arg);
static void memif_reconnect_alarm(void *arg);

static socklen_t
memif_sockaddr(struct sockaddr_un *un, const char *path, bool abstract)
{
	memset(un, 0, sizeof(*un));
	un->sun_family = AF_UNIX;
	if (!abstract) {
		strlcpy(un->sun_path, path, sizeof(un->sun_path));
		return sizeof(*un);
	}
	/* abstract: a NUL, then the name, and the length says where it ends */
	strlcpy(un->sun_path + 1, path, sizeof(un->sun_path) - 1);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
			   strnlen(path, sizeof(un->sun_path) - 1));
}

static int
memif_msg_send(int fd, const struct memif_msg *msg, int afd)
{
	char ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = {.iov_base = (void *)(uintptr_t)msg, .iov_len = sizeof(*msg)};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	struct cmsghdr *cmsg;

	if (afd >= 0) {
		memset(ctl, 0, sizeof(ctl));
		mh.msg_control = ctl;
		mh.msg_controllen = sizeof(ctl);
		cmsg = CMSG_FIRSTHDR(&mh);
		cmsg->cmsg_len = CMSG_LEN(sizeof(int));
		cmsg->cmsg_level = SOL_SOCKET;
		cmsg->cmsg_type = SCM_RIGHTS;
		memcpy(CMSG_DATA(cmsg), &afd, sizeof(int));
	}
	/* non-blocking: a peer that stops reading is a fault, not a hang */
	if (sendmsg(fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT) != (ssize_t)sizeof(*msg))
		return errno != 0 ? -errno : -EIO;
	return 0;
}

/*
 * One message and at most one fd. 0; -EPIPE when the peer closed;
 * -EAGAIN for nothing to read; -EBADMSG for a message of the wrong size
 * or with truncated control data. Extra fds are closed here.
 */
static int
memif_msg_recv(int fd, struct memif_msg *msg, int *afd)
{
	char ctl[CMSG_SPACE(4 * sizeof(int))];
	struct iovec iov = {.iov_base = msg, .iov_len = sizeof(*msg)};
	struct msghdr mh = {.msg_iov = &iov,
			    .msg_iovlen = 1,
			    .msg_control = ctl,
			    .msg_controllen = sizeof(ctl)};
	struct cmsghdr *cmsg;
	ssize_t n;

	*afd = -1;
	n = recvmsg(fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? -EAGAIN : -EPIPE;
	if (n == 0)
		return -EPIPE;
	for (cmsg = CMSG_FIRSTHDR(&mh); cmsg != NULL; cmsg = CMSG_NXTHDR(&mh, cmsg)) {
		size_t i, nfd;

		if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
			continue;
		nfd = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < nfd; i++) {
			int f;

			memcpy(&f, CMSG_DATA(cmsg) + i * sizeof(int), sizeof(int));
			if (*afd < 0)
				*afd = f;
			else
				close(f);
		}
	}
	if (n != (ssize_t)sizeof(*msg) || (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)))
		return -EBADMSG;
	return 0;
}

static int
memif_cc_send(struct memif_cc *cc, uint16_t type)
{
	struct memif_msg msg;

	memset(&msg, 0, sizeof(msg));
	msg.type = type;
	return memif_msg_send(cc->fd, &msg, -1);
}

/* A dead channel: off the lists that find it, onto the one memif_reap empties. */
static void
memif_cc_kill(struct memif_cc *cc)
{
	if (cc->state == MEMIF_CC_DEAD)
		return;
	if (cc->priv != NULL && cc->priv->cc == cc)
		cc->priv->cc = NULL;
	cc->priv = NULL;
	cc->state = MEMIF_CC_DEAD;
	TAILQ_REMOVE(&memif_ccs, cc, next);
	TAILQ_INSERT_TAIL(&memif_dead_ccs, cc, next);
}

static void
memif_link_set(struct memif_private *priv, bool up)
{
	struct rte_eth_link *link = &priv->dev->data->dev_link;

	if (link->link_status == (up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN))
		return;
	link->link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	priv->lsc_pending = true;
}

static void
memif_reconnect_arm(struct memif_private *priv)
{
	if (priv->reconnect_armed)
		return;
	if (rte_eal_alarm_set(MEMIF_RECONNECT_US, memif_reconnect_alarm, priv) == 0)
		priv->reconnect_armed = true;
}

/*
 * The connection of priv ends: tell the peer why (reason NULL: it already
 * knows), stop the fast path, link down; a started client tries again.
 */
static void
memif_conn_down(struct memif_private *priv, const char *reason)
{
	struct memif_cc *cc = priv->cc;

	if (cc != NULL) {
		if (reason != NULL) {
			struct memif_msg msg;

			memset(&msg, 0, sizeof(msg));
			msg.type = MEMIF_MSG_DISCONNECT;
			strlcpy((char *)msg.disconnect.string, reason,
				sizeof(msg.disconnect.string));
			(void)memif_msg_send(cc->fd, &msg, -1);
		}
		memif_cc_kill(cc);
	}
	memif_queues_disconnect(priv);
	memif_link_set(priv, false);
	if (!priv->server && priv->started)
		memif_reconnect_arm(priv);
}

/* Outside the lock: take dead channels and sockets off the interrupt thread. */
static void
memif_fd_close_cb(struct rte_intr_handle *ih, void *arg __rte_unused)
{
	close(rte_intr_fd_get(ih));
}

static void
memif_handler_remove(struct rte_intr_handle *ih, rte_intr_callback_fn fn, void *arg)
{
	/*
	 * From this fd's own callback the handler comes off, and the fd
	 * closes, once the callback returns; anywhere else both happen now
	 * (the EAL keeps its own copy of the handle).
	 */
	if (!rte_thread_is_intr() ||
	    rte_intr_callback_unregister_pending(ih, fn, arg, memif_fd_close_cb) <= 0) {
		rte_intr_callback_unregister_sync(ih, fn, arg);
		close(rte_intr_fd_get(ih));
	}
	rte_intr_instance_free(ih);
}

static void
memif_reap(void)
{
	for (;;) {
		struct memif_socket *sock;
		struct memif_cc *cc;

		pthread_mutex_lock(&memif_lock);
		cc = TAILQ_FIRST(&memif_dead_ccs);
		if (cc != NULL)
			TAILQ_REMOVE(&memif_dead_ccs, cc, next);
		sock = cc == NULL ? TAILQ_FIRST(&memif_dead_sockets) : NULL;
		if (sock != NULL)
			TAILQ_REMOVE(&memif_dead_sockets, sock, next);
		pthread_mutex_unlock(&memif_lock);
		if (cc != NULL) {
			if (cc->ih != NULL)
				memif_handler_remove(cc->ih, memif_cc_handler, cc);
			else
				close(cc->fd);
			free(cc->out);
			free(cc);
		} else if (sock != NULL) {
			if (sock->ih != NULL)
				memif_handler_remove(sock->ih, memif_listen_handler, sock);
			if (sock->fd >= 0 && !sock->abstract)
				unlink(sock->path);
			free(sock);
		} else {
			return;
		}
	}
}

/* Outside the lock: link-state events for the application. */
static void
memif_lsc_flush(void)
{
	for (;;) {
		struct rte_eth_dev *dev = NULL;
		struct memif_private *p;

		pthread_mutex_lock(&memif_lock);
		TAILQ_FOREACH(p, &memif_ports, next)
		if (p->lsc_pending) {
			p->lsc_pending = false;
			dev = p->dev;
			break;
		}
		pthread_mutex_unlock(&memif_lock);
		if (dev == NULL)
			return;
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	}
}

static void
memif_unlock(void)
{
	pthread_mutex_unlock(&memif_lock);
	memif_reap();
	memif_lsc_flush();
}

/* Run fn(arg) on the interrupt thread whenever fd has something. */
static struct rte_intr_handle *
memif_watch(int fd, rte_intr_callback_fn fn, void *arg)
{
	struct rte_intr_handle *ih = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);

	/* EXT: the EAL leaves reading the socket, and its hang-up, to fn */
	if (ih == NULL || rte_intr_fd_set(ih, fd) != 0 ||
	    rte_intr_type_set(ih, RTE_INTR_HANDLE_EXT) != 0 ||
	    rte_intr_callback_register(ih, fn, arg) != 0) {
		rte_intr_instance_free(ih);
		return NULL;
	}
	return ih;
}

static struct memif_cc *
memif_cc_new(int fd, struct memif_socket *sock, struct memif_private *priv,
	     enum memif_cc_state state)
{
	struct memif_cc *cc = calloc(1, sizeof(*cc));

	if (cc == NULL)
		return NULL;
	cc->fd = fd;
	cc->sock = sock;
	cc->priv = priv;
	cc->state = state;
	cc->ih = memif_watch(fd, memif_cc_handler, cc);
	if (cc->ih == NULL) {
		free(cc);
		return NULL;
	}
	TAILQ_INSERT_TAIL(&memif_ccs, cc, next);
	return cc;
}

/* Both sides, the last step: the rings are checked, then traffic may flow. */
static int
memif_cc_connected(struct memif_cc *cc, const char **why)
{
	int ret = memif_queues_connect(cc->priv, why);

	if (ret != 0)
		return ret;
	cc->state = MEMIF_CC_CONNECTED;
	memif_link_set(cc->priv, true);
	MEMIF_LOG(INFO, "%s: connected to %s\n", cc->priv->dev->data->name, cc->priv->remote_name);
	return 0;
}

/* ---- server side ---- */

static int
memif_server_init(struct memif_cc *cc, const struct memif_msg_init *in, const char **why)
{
	struct memif_private *priv;

	if (in->version != MEMIF_VERSION) {
		*why = "Incompatible memif version";
		return -EPROTO;
	}
	TAILQ_FOREACH(priv, &memif_ports, next)
	if (priv->sock == cc->sock && priv->server && priv->id == in->id)
		break;
	if (priv == NULL || !priv->started) {
		*why = "ID not found";
		return -ENOENT;
	}
	if (priv->cc != NULL) {
		*why = "Already connected";
		return -EBUSY;
	}
	if (in->mode != MEMIF_MODE_ETHERNET) {
		*why = "Only ethernet mode supported";
		return -ENOTSUP;
	}
	if (priv->secret[0] != '\0' &&
	    strncmp(priv->secret, (const char *)in->secret, MEMIF_SECRET_SZ) != 0) {
		*why = in->secret[0] == '\0' ? "Secret required" : "Incorrect secret";
		return -EPERM;
	}
	/* whatever a previous client left is no longer polled */
	memif_queues_release(priv);
	memcpy(priv->remote_name, in->name, MEMIF_NAME_SZ);
	priv->remote_name[MEMIF_NAME_SZ] = '\0';
	cc->priv = priv;
	priv->cc = cc;
	cc->state = MEMIF_CC_SETUP;
	return memif_cc_send(cc, MEMIF_MSG_ACK);
}

static int
memif_server_add_ring(struct memif_private *priv, const struct memif_msg_add_ring *ar, int *afd,
		      const char **why)
{
	bool c2s = (ar->flags & MEMIF_ADD_RING_C2S) != 0;
	struct memif_queue *q = memif_ring_queue(priv, c2s, ar->index);

	if (q == NULL) {
		*why = "Invalid ring index";
		return -EINVAL;
	}
	if (q->ring_added) {
		*why = "Ring added twice";
		return -EINVAL;
	}
	if (*afd < 0) {
		*why = "Missing interrupt fd";
		return -EINVAL;
	}
	/* we write kicks to it from an lcore: never block there */
	if (fcntl(*afd, F_SETFL, O_NONBLOCK) < 0) {
		*why = "Bad interrupt fd";
		return -EINVAL;
	}
	if (q->fd >= 0)
		close(q->fd);
	q->fd = *afd;
	*afd = -1;
	q->ring_added = true;
	q->ring_region = ar->region;
	q->ring_off = ar->offset;
	q->ring_log2 = ar->log2_ring_size;
	return 0;
}

static int
memif_server_msg(struct memif_cc *cc, const struct memif_msg *msg, int *afd, const char **why)
{
	struct memif_private *priv = cc->priv;
	struct memif_msg reply;
	int ret;

	if (cc->state == MEMIF_CC_WAIT_INIT) {
		if (msg->type != MEMIF_MSG_INIT) {
			*why = "Unexpected message";
			return -EPROTO;
		}
		return memif_server_init(cc, &msg->init, why);
	}
	if (cc->state != MEMIF_CC_SETUP) {
		*why = "Unexpected message";
		return -EPROTO;
	}
	switch (msg->type) {
	case MEMIF_MSG_ADD_REGION:
		ret = memif_region_accept(priv, msg->add_region.index, msg->add_region.size, *afd,
					  why);
		if (ret != 0)
			return ret;
		*afd = -1;
		return memif_cc_send(cc, MEMIF_MSG_ACK);
	case MEMIF_MSG_ADD_RING:
		ret = memif_server_add_ring(priv, &msg->add_ring, afd, why);
		return ret != 0 ? ret : memif_cc_send(cc, MEMIF_MSG_ACK);
	case MEMIF_MSG_CONNECT:
		ret = memif_cc_connected(cc, why);
		if (ret != 0)
			return ret;
		memset(&reply, 0, sizeof(reply));
		reply.type = MEMIF_MSG_CONNECTED;
		strlcpy((char *)reply.connect.if_name, priv->dev->data->name,
			sizeof(reply.connect.if_name));
		return memif_msg_send(cc->fd, &reply, -1);
	default:
		*why = "Unexpected message";
		return -EPROTO;
	}
}

/*
 * Connections that never send INIT cost a socket each: past a bound the
 * oldest goes, so idle ones cannot lock a real client out.
 */
static void
memif_pending_trim(struct memif_socket *sock)
{
	struct memif_cc *cc, *oldest = NULL;
	unsigned int n = 0;

	TAILQ_FOREACH(cc, &memif_ccs, next)
	if (cc->sock == sock && cc->priv == NULL && n++ == 0)
		oldest = cc;
	if (n >= MEMIF_MAX_PENDING) {
		MEMIF_LOG(DEBUG, "%s: %u connections without INIT: closing the oldest\n",
			  sock->path, n);
		memif_cc_kill(oldest);
	}
}

static void
memif_listen_handler(void *arg)
{
	struct memif_socket *sock = arg;
	struct memif_msg hello;
	struct memif_cc *cc;
	int fd;

	pthread_mutex_lock(&memif_lock);
	if (sock->dead)
		goto out;
	fd = accept4(sock->fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (fd < 0)
		goto out;
	memif_pending_trim(sock);
	cc = memif_cc_new(fd, sock, NULL, MEMIF_CC_WAIT_INIT);
	if (cc == NULL) {
		MEMIF_LOG(ERR, "%s: out of memory for a new connection\n", sock->path);
		close(fd);
		goto out;
	}
	memset(&hello, 0, sizeof(hello));
	hello.type = MEMIF_MSG_HELLO;
	strlcpy((char *)hello.hello.name, rte_version(), sizeof(hello.hello.name));
	hello.hello.min_version = MEMIF_VERSION;
	hello.hello.max_version = MEMIF_VERSION;
	hello.hello.max_region = MEMIF_MAX_REGIONS - 1;
	hello.hello.max_c2s_ring = MEMIF_MAX_QPAIRS - 1;
	hello.hello.max_s2c_ring = MEMIF_MAX_QPAIRS - 1;
	hello.hello.max_log2_ring_size = MEMIF_MAX_LOG2_RING;
	if (memif_msg_send(fd, &hello, -1) != 0)
		memif_cc_kill(cc);
out:
	memif_unlock();
}

/* ---- client side ---- */

static void
memif_out_ring(struct memif_out *o, struct memif_queue *q, bool c2s, uint16_t index)
{
	o->msg.type = MEMIF_MSG_ADD_RING;
	o->msg.add_ring.flags = c2s ? MEMIF_ADD_RING_C2S : 0;
	o->msg.add_ring.index = index;
	o->msg.add_ring.region = q->ring_region;
	o->msg.add_ring.offset = q->ring_off;
	o->msg.add_ring.log2_ring_size = q->ring_log2;
	o->fd = q->fd;
}

/* HELLO: size the connection, build the region, queue INIT .. CONNECT. */
static int
memif_client_hello(struct memif_cc *cc, const struct memif_msg_hello *h, const char **why)
{
	struct memif_private *priv = cc->priv;
	struct rte_eth_dev_data *data = priv->dev->data;
	struct memif_out *o;
	uint16_t i, n;
	int ret;

	if (h->min_version > MEMIF_VERSION || h->max_version < MEMIF_VERSION) {
		*why = "Incompatible memif version";
		return -EPROTO;
	}
	memcpy(priv->remote_name, h->name, MEMIF_NAME_SZ);
	priv->remote_name[MEMIF_NAME_SZ] = '\0';
	priv->nb_c2s = RTE_MIN((uint32_t)h->max_c2s_ring + 1, data->nb_tx_queues);
	priv->nb_s2c = RTE_MIN((uint32_t)h->max_s2c_ring + 1, data->nb_rx_queues);
	priv->run_log2 = RTE_MIN(h->max_log2_ring_size, priv->log2_ring);
	memif_queues_release(priv);
	ret = memif_client_regions_create(priv);
	if (ret != 0) {
		*why = "Client cannot create its region";
		return ret;
	}
	n = 3 + priv->nb_c2s + priv->nb_s2c;
	free(cc->out);
	cc->out = calloc(n, sizeof(*cc->out));
	if (cc->out == NULL) {
		*why = "Out of memory";
		return -ENOMEM;
	}
	o = cc->out;
	o->msg.type = MEMIF_MSG_INIT;
	o->msg.init.version = MEMIF_VERSION;
	o->msg.init.id = priv->id;
	o->msg.init.mode = MEMIF_MODE_ETHERNET;
	memcpy(o->msg.init.secret, priv->secret, MEMIF_SECRET_SZ);
	strlcpy((char *)o->msg.init.name, rte_version(), sizeof(o->msg.init.name));
	o->fd = -1;
	o++;
	o->msg.type = MEMIF_MSG_ADD_REGION;
	o->msg.add_region.index = 0;
	o->msg.add_region.size = priv->regions[0].size;
	o->fd = priv->regions[0].fd;
	o++;
	for (i = 0; i < priv->nb_c2s; i++)
		memif_out_ring(o++, memif_ring_queue(priv, true, i), true, i);
	for (i = 0; i < priv->nb_s2c; i++)
		memif_out_ring(o++, memif_ring_queue(priv, false, i), false, i);
	o->msg.type = MEMIF_MSG_CONNECT;
	strlcpy((char *)o->msg.connect.if_name, data->name, sizeof(o->msg.connect.if_name));
	o->fd = -1;
	cc->nb_out = n;
	cc->next_out = 0;
	cc->state = MEMIF_CC_SENDING;
	return 0;
}

static int
memif_client_send_next(struct memif_cc *cc)
{
	const struct memif_out *o = &cc->out[cc->next_out++];

	if (cc->next_out == cc->nb_out)
		cc->state = MEMIF_CC_WAIT_CONNECTED;
	return memif_msg_send(cc->fd, &o->msg, o->fd);
}

static int
memif_client_msg(struct memif_cc *cc, const struct memif_msg *msg, const char **why)
{
	int ret;

	*why = "Unexpected message";
	switch (cc->state) {
	case MEMIF_CC_WAIT_HELLO:
		if (msg->type != MEMIF_MSG_HELLO)
			return -EPROTO;
		ret = memif_client_hello(cc, &msg->hello, why);
		return ret != 0 ? ret : memif_client_send_next(cc);
	case MEMIF_CC_SENDING:
		if (msg->type != MEMIF_MSG_ACK)
			return -EPROTO;
		return memif_client_send_next(cc);
	case MEMIF_CC_WAIT_CONNECTED:
		if (msg->type != MEMIF_MSG_CONNECTED)
			return -EPROTO;
		return memif_cc_connected(cc, why);
	default:
		return -EPROTO;
	}
}

/* Locked. 0, or -errno when no server listens (yet). */
static int
memif_client_connect(struct memif_private *priv)
{
	struct sockaddr_un un;
	socklen_t len = memif_sockaddr(&un, priv->path, priv->abstract);
	int fd, ret;

	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&un, len) < 0 || fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
		ret = -errno;
		close(fd);
		return ret;
	}
	priv->cc = memif_cc_new(fd, NULL, priv, MEMIF_CC_WAIT_HELLO);
	if (priv->cc == NULL) {
		close(fd);
		return -ENOMEM;
	}
	return 0;
}

static void
memif_reconnect_alarm(void *arg)
{
	struct memif_private *priv = arg;

	pthread_mutex_lock(&memif_lock);
	priv->reconnect_armed = false;
	if (priv->started && priv->cc == NULL && memif_client_connect(priv) != 0)
		memif_reconnect_arm(priv);
	memif_unlock();
}

/* ---- both ---- */

static void
memif_cc_handler(void *arg)
{
	struct memif_cc *cc = arg;
	struct memif_private *priv;
	const char *why = NULL;
	struct memif_msg msg;
	int afd = -1, ret;

	pthread_mutex_lock(&memif_lock);
	if (cc->state == MEMIF_CC_DEAD)
		goto out;
	ret = memif_msg_recv(cc->fd, &msg, &afd);
	if (ret == -EAGAIN)
		goto out;
	priv = cc->priv;
	if (ret == -EPIPE || (ret == 0 && msg.type == MEMIF_MSG_DISCONNECT)) {
		if (priv != NULL) {
			char reason[MEMIF_DISC_SZ + 1] = "socket closed";

			/* the peer's string need not end in the field: copy the field only */
			if (ret == 0) {
				memcpy(reason, msg.disconnect.string, MEMIF_DISC_SZ);
				reason[MEMIF_DISC_SZ] = '\0';
			}
			MEMIF_LOG(NOTICE, "%s: peer %s disconnected: %s\n", priv->dev->data->name,
				  priv->remote_name, reason);
			memif_conn_down(priv, NULL);
		} else {
			memif_cc_kill(cc);
		}
		goto out;
	}
	if (ret != 0) {
		why = "Invalid message size";
	} else {
		if (cc->sock != NULL)
			ret = memif_server_msg(cc, &msg, &afd, &why);
		else
			ret = memif_client_msg(cc, &msg, &why);
		if (ret != 0 && why == NULL)
			why = strerror(-ret);
	}
	if (ret != 0) {
		priv = cc->priv;
		MEMIF_LOG(ERR, "%s: control message %u from the peer refused: %s\n",
			  priv != NULL ? priv->dev->data->name : cc->sock->path, msg.type, why);
		if (priv != NULL) {
			memif_conn_down(priv, why);
		} else {
			struct memif_msg d;

			memset(&d, 0, sizeof(d));
			d.type = MEMIF_MSG_DISCONNECT;
			strlcpy((char *)d.disconnect.string, why, sizeof(d.disconnect.string));
			(void)memif_msg_send(cc->fd, &d, -1);
			memif_cc_kill(cc);
		}
	}
out:
	if (afd >= 0)
		close(afd);
	memif_unlock();
}

/* A listening socket at sock's address; a stale socket file is replaced. */
static int
memif_listen_open(struct memif_socket *sock, const char *name)
{
	struct sockaddr_un un;
	socklen_t len = memif_sockaddr(&un, sock->path, sock->abstract);
	int fd, ret, probe;

	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	ret = bind(fd, (struct sockaddr *)&un, len);
	if (ret < 0 && errno == EADDRINUSE && !sock->abstract) {
		/* nobody answers on it: a file left by a process that died */
		probe = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
		if (probe >= 0 && connect(probe, (struct sockaddr *)&un, len) < 0 &&
		    errno == ECONNREFUSED) {
			unlink(sock->path);
			ret = bind(fd, (struct sockaddr *)&un, len);
		} else {
			errno = EADDRINUSE;
		}
		if (probe >= 0)
			close(probe);
	}
	if (ret < 0 || listen(fd, 8) < 0) {
		ret = -errno;
		MEMIF_LOG(ERR, "%s: cannot listen on %s%s: %s; %s\n", name,
			  sock->abstract ? "abstract socket " : "", sock->path, strerror(-ret),
			  ret == -EADDRINUSE ? "another process serves it: pick another socket="
					     : "check socket= and its directory's permissions");
		close(fd);
		return ret;
	}
	sock->ih = memif_watch(fd, memif_listen_handler, sock);
	if (sock->ih == NULL) {
		close(fd);
		if (!sock->abstract)
			unlink(sock->path);
		MEMIF_LOG(ERR, "%s: cannot watch socket %s\n", name, sock->path);
		return -ENOMEM;
	}
	sock->fd = fd;
	return 0;
}

/* Probe: join (or make) the socket of priv's path; a server listens at once. */
int
memif_socket_attach(struct memif_private *priv)
{
	const char *name = priv->dev->data->name;
	struct memif_socket *sock;
	struct memif_private *p;
	int ret = 0;

	pthread_mutex_lock(&memif_lock);
	TAILQ_FOREACH(sock, &memif_sockets, next)
	if (sock->abstract == priv->abstract && strcmp(sock->path, priv->path) == 0)
		break;
	if (sock != NULL) {
		TAILQ_FOREACH(p, &memif_ports, next)
		if (p->sock == sock && p->id == priv->id && p->server == priv->server) {
			MEMIF_LOG(ERR,
				  "%s: %s already uses id=%u as %s on socket %s: give "
				  "each interface of a socket its own id\n",
				  name, p->dev->data->name, priv->id,
				  priv->server ? "server" : "client", priv->path);
			ret = -EEXIST;
			goto out;
		}
	} else {
		sock = calloc(1, sizeof(*sock));
		if (sock == NULL) {
			ret = -ENOMEM;
			goto out;
		}
		strlcpy(sock->path, priv->path, sizeof(sock->path));
		sock->abstract = priv->abstract;
		sock->fd = -1;
		TAILQ_INSERT_TAIL(&memif_sockets, sock, next);
	}
	if (priv->server && sock->fd < 0) {
		ret = memif_listen_open(sock, name);
		if (ret != 0) {
			if (sock->users == 0) {
				TAILQ_REMOVE(&memif_sockets, sock, next);
				free(sock);
			}
			goto out;
		}
	}
	sock->users++;
	priv->sock = sock;
	TAILQ_INSERT_TAIL(&memif_ports, priv, next);
out:
	pthread_mutex_unlock(&memif_lock);
	return ret;
}

void
memif_socket_detach(struct memif_private *priv)
{
	struct memif_socket *sock = priv->sock;
	struct memif_cc *cc, *tmp;

	if (sock == NULL)
		return;
	pthread_mutex_lock(&memif_lock);
	TAILQ_REMOVE(&memif_ports, priv, next);
	priv->sock = NULL;
	if (--sock->users == 0) {
		/* connections that never named an interface go with the socket */
		RTE_TAILQ_FOREACH_SAFE(cc, &memif_ccs, next, tmp)
		if (cc->sock == sock)
			memif_cc_kill(cc);
		sock->dead = true;
		TAILQ_REMOVE(&memif_sockets, sock, next);
		TAILQ_INSERT_TAIL(&memif_dead_sockets, sock, next);
	}
	memif_unlock();
}

int
memif_control_start(struct memif_private *priv)
{
	int ret;

	pthread_mutex_lock(&memif_lock);
	priv->started = true;
	if (!priv->server && priv->cc == NULL) {
		ret = memif_client_connect(priv);
		if (ret != 0) {
			MEMIF_LOG(NOTICE, "%s: no server on %s%s yet (%s): retrying every %u ms\n",
				  priv->dev->data->name, priv->abstract ? "abstract socket " : "",
				  priv->path, strerror(-ret), MEMIF_RECONNECT_US / 1000);
			memif_reconnect_arm(priv);
		}
	}
	memif_unlock();
	return 0;
}

void
memif_control_stop(struct memif_private *priv)
{
	pthread_mutex_lock(&memif_lock);
	priv->started = false;
	pthread_mutex_unlock(&memif_lock);
	/* outside the lock: a running alarm waits for it, and cancel waits for the alarm */
	rte_eal_alarm_cancel(memif_reconnect_alarm, priv);
	pthread_mutex_lock(&memif_lock);
	priv->reconnect_armed = false;
	memif_conn_down(priv, "Interface stopped");
	memif_queues_release(priv);
	memif_unlock();
}
