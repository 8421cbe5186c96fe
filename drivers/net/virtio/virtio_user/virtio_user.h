/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio_user: the virtio-net driver of drivers/net/virtio reaching a
 * vhost-user back-end (QEMU's docs/interop/vhost-user.rst) over a unix
 * socket instead of a PCI device. The rings, the data path and the ethdev
 * operations are net_virtio's; this transport (struct virtio_ops) turns the
 * device handshake into vhost-user messages, shares EAL memory with the
 * back-end (SET_MEM_TABLE with each segment's fd), and gives each queue a
 * kick and a call eventfd. The back-end sees this process's virtual
 * addresses (hw->use_va).
 */
#ifndef _VIRTIO_USER_H_
#define _VIRTIO_USER_H_

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/un.h>

#include <rte_ether.h>

#include <vhost_user_wire.h>

#include "../virtio_pci.h"

/* How long the back-end has to answer one request */
#define VU_REPLY_TIMEOUT_MS 3000

struct virtio_user {
	struct virtio_hw *hw;
	struct rte_eth_dev *dev;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	pthread_mutex_t lock; /* the socket and the fields below */
	int fd;		      /* the connection, -1 while there is none */
	int listen_fd;	      /* server=1: where the back-end connects */
	bool server;
	bool running; /* the back-end has the rings (DRIVER_OK sent) */
	bool closing;
	bool in_watch;		    /* the watch is running the LSC callbacks */
	bool free_in_watch;	    /* closed from one of them: the watch frees */
	atomic_bool mem_grew;	    /* memory came after the table was sent */
	uint8_t status;		    /* 2.1 device status, as the driver set it */
	uint64_t backend_features;  /* GET_FEATURES, or assumed until a server's peer comes */
	uint64_t protocol_features; /* negotiated with SET_PROTOCOL_FEATURES */
	uint64_t allowed;	    /* devargs: what may be negotiated at all */
	uint64_t features;	    /* the driver's choice (features_set) */
	uint16_t max_pairs;	    /* queues=, at most the back-end's GET_QUEUE_NUM */
	uint16_t queue_size;
	struct rte_ether_addr mac;
	struct virtqueue **vqs; /* programmed queues by index, 2 * max_pairs */
	int *kick_fds;		/* eventfds by queue index */
	int *call_fds;
};

/* vhost_user_chan.c: the socket and the messages; the caller holds vu->lock */
int vu_chan_open(struct virtio_user *vu);
int vu_chan_accept(struct virtio_user *vu);
void vu_chan_close(struct virtio_user *vu);
int vu_chan_handshake(struct virtio_user *vu);
int vu_chan_start(struct virtio_user *vu);
void vu_chan_stop(struct virtio_user *vu);
int vu_mem_check(const char *name);
int vu_mem_table_send(struct virtio_user *vu, bool in_mem_event);

#endif /* _VIRTIO_USER_H_ */
