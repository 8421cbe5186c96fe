/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Moving one vhost-user message over the unix socket, with its fds as
 * SCM_RIGHTS: the back-end (lib/vhost), the front-end (net_virtio_user) and
 * the test peers that play either side all go through these two calls, so
 * the ancillary-data handling and the bounds on what a peer sends live in
 * one place.
 */
#ifndef _VHOST_USER_IO_H_
#define _VHOST_USER_IO_H_

#include <stddef.h>

#include "vhost_user_wire.h"

/*
 * The most fds one message may carry when sent. Twice what a receiver keeps,
 * so a peer under test can send more than the protocol allows.
 */
#define VHOST_USER_SEND_MAX_FDS (2 * VHOST_USER_MEMORY_MAX_NREGIONS)

/* The most fds a received message keeps; any more are closed. */
#define VHOST_USER_RECV_MAX_FDS VHOST_USER_MEMORY_MAX_NREGIONS

/*
 * Send the 12-byte header of hdr (as it is: flags are the caller's), then
 * len bytes of payload (which need not match hdr->size), with nfds fds.
 * 0 when every byte went out; -EINVAL for more than VHOST_USER_SEND_MAX_FDS
 * fds, -EIO for a short write, else the negative errno of sendmsg().
 */
int vhost_user_msg_send(int sock, const struct vhost_user_msg *hdr, const void *payload, size_t len,
			const int *fds, unsigned int nfds);

/*
 * Receive one message: its header with the fds that came with it, then
 * hdr.size bytes of payload. fds has room for VHOST_USER_RECV_MAX_FDS (or is
 * NULL: none is taken). Returns 1 with the message in msg and its fds in
 * fds[0 .. *nfds), 0 when the peer closed before a header, or a negative
 * errno with no fd left open: -EPROTO for a header of another version or a
 * payload larger than the message (msg holds that header, for the log),
 * -EBADMSG for a short header or more fds than kept, -ECONNRESET when the
 * stream ended inside the payload.
 */
int vhost_user_msg_recv(int sock, struct vhost_user_msg *msg, int *fds, unsigned int *nfds);

#endif /* _VHOST_USER_IO_H_ */
