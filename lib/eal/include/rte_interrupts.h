/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt handles and callbacks (DPDK 22.11 API). A handle is opaque:
 * an fd (eventfd, timerfd, pipe), a type saying how to read it, and for
 * devices the VFIO device fd and one eventfd per Rx vector. Callbacks
 * registered on a handle run in the one "eal-intr" thread.
 */
#ifndef _RTE_INTERRUPTS_H_
#define _RTE_INTERRUPTS_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_epoll.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_BIT32
#define RTE_BIT32(nr) (UINT32_C(1) << (nr))
#endif

struct rte_intr_handle;

/* rte_intr_instance_alloc flags: private to this process, or shared memory. */
#define RTE_INTR_INSTANCE_F_PRIVATE UINT32_C(0)
#define RTE_INTR_INSTANCE_F_SHARED RTE_BIT32(0)

#define RTE_MAX_RXTX_INTR_VEC_ID 512
#define RTE_INTR_VEC_ZERO_OFFSET 0
#define RTE_INTR_VEC_RXTX_OFFSET 1

enum rte_intr_handle_type {
	RTE_INTR_HANDLE_UNKNOWN = 0,
	RTE_INTR_HANDLE_UIO,
	RTE_INTR_HANDLE_UIO_INTX,
	RTE_INTR_HANDLE_VFIO_LEGACY,	/* INTx eventfd */
	RTE_INTR_HANDLE_VFIO_MSI,
	RTE_INTR_HANDLE_VFIO_MSIX,
	RTE_INTR_HANDLE_ALARM,		/* timerfd */
	RTE_INTR_HANDLE_EXT,		/* any fd; 1 byte is read per event */
	RTE_INTR_HANDLE_VDEV,
	RTE_INTR_HANDLE_DEV_EVENT,
	RTE_INTR_HANDLE_VFIO_REQ,
	RTE_INTR_HANDLE_MAX
};

typedef void (*rte_intr_callback_fn)(void *cb_arg);
typedef void (*rte_intr_unregister_callback_fn)(struct rte_intr_handle *intr_handle,
						void *cb_arg);

/*
 * 0, or -EINVAL (NULL handle or cb, fd < 0), -ENOMEM. rte_errno is not set,
 * except ENOMEM when copying the handle fails.
 */
int rte_intr_callback_register(const struct rte_intr_handle *intr_handle,
			       rte_intr_callback_fn cb, void *cb_arg);

/*
 * Remove the callbacks cb with cb_arg ((void *)-1: any arg) of the
 * handle's fd. Returns how many were removed (0 when the fd has callbacks
 * but none matches), -ENOENT when the fd has no callback at all, -EINVAL
 * (NULL handle, fd < 0), or -EAGAIN while the fd's callbacks are running
 * (from inside a callback use rte_intr_callback_unregister_pending).
 * rte_errno is not set.
 */
int rte_intr_callback_unregister(const struct rte_intr_handle *intr_handle,
				 rte_intr_callback_fn cb, void *cb_arg);

/*
 * From inside a running callback: mark matching callbacks for removal once
 * the fd's callbacks return; ucb_fn (optional) is called just before.
 * Returns how many were marked, -EAGAIN if the fd's callbacks are not
 * running, -ENOENT, -EINVAL (NULL handle, fd < 0). rte_errno is not set.
 */
int
rte_intr_callback_unregister_pending(const struct rte_intr_handle *intr_handle,
				     rte_intr_callback_fn cb_fn, void *cb_arg,
				     rte_intr_unregister_callback_fn ucb_fn);

/*
 * rte_intr_callback_unregister, waiting while the callbacks run: its returns but
 * -EAGAIN. From the interrupt thread (inside a callback), which cannot wait for
 * itself: when the fd's callbacks are running, the matching ones are marked and
 * removed as soon as they return (the count marked is returned, as with
 * rte_intr_callback_unregister_pending without ucb_fn); otherwise they are
 * removed at once. DPDK would wait forever there. rte_errno is not set.
 */
__rte_experimental
int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *intr_handle,
				  rte_intr_callback_fn cb, void *cb_arg);

/*
 * Arm the interrupt (VFIO: VFIO_DEVICE_SET_IRQS). 0 (always for VDEV); -1 for a
 * NULL handle, no fd or device fd, a non-VFIO type, or a failed ioctl. No rte_errno.
 */
int rte_intr_enable(const struct rte_intr_handle *intr_handle);
/* Disarm it: 0 (always for VDEV), or -1 as for rte_intr_enable. No rte_errno. */
int rte_intr_disable(const struct rte_intr_handle *intr_handle);
/*
 * Re-enable after one interrupt (unmasks INTx): 0 (nothing to do for VDEV, MSI, MSI-X);
 * -1 for a NULL handle, no fd or device fd, another type, or a failed unmask. No rte_errno.
 */
int rte_intr_ack(const struct rte_intr_handle *intr_handle);

/* 1 in the eal-intr thread, else 0. rte_errno is not set. */
int rte_thread_is_intr(void);

/* NULL with rte_errno EINVAL (unknown flag) or ENOMEM. */
__rte_experimental
struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags);
/* Free the handle and its tables; NULL is ignored. No rte_errno. */
__rte_experimental
void
rte_intr_instance_free(struct rte_intr_handle *intr_handle);

/* 0, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_experimental
int rte_intr_fd_set(struct rte_intr_handle *intr_handle, int fd);
/* The fd, or -1 with rte_errno EINVAL for a NULL handle. */
__rte_experimental
int rte_intr_fd_get(const struct rte_intr_handle *intr_handle);
/* 0, or -EINVAL with rte_errno EINVAL for a NULL handle (type is not checked). */
__rte_experimental
int rte_intr_type_set(struct rte_intr_handle *intr_handle,
		      enum rte_intr_handle_type type);
/* The type, or RTE_INTR_HANDLE_UNKNOWN with rte_errno EINVAL for a NULL handle. */
__rte_experimental
enum rte_intr_handle_type rte_intr_type_get(const struct rte_intr_handle *intr_handle);

/* This thread's epoll fd (created on first use), -1 on failure. No rte_errno. */
__rte_internal
int rte_intr_tls_epfd(void);

/*
 * Add (RTE_INTR_EVENT_ADD) or remove the eventfd of Rx vector vec to epoll
 * instance epfd (RTE_EPOLL_PER_THREAD: this thread's); data comes back in
 * rte_epoll_event.epdata.data. 0, -EEXIST (already added) or -EPERM (vec has
 * no eventfd, unknown op, removal of a vector not added, or epoll_ctl failed).
 * rte_errno is not set.
 */
__rte_internal
int rte_intr_rx_ctl(struct rte_intr_handle *intr_handle,
		    int epfd, int op, unsigned int vec, void *data);
/* Take the handle's Rx vectors out of their epoll sets; NULL is ignored. No rte_errno. */
__rte_internal
void rte_intr_free_epoll_fd(struct rte_intr_handle *intr_handle);

/*
 * Prepare nb_efd Rx vectors: MSI-X handles get one eventfd each, others
 * share the handle's fd. 0; or -EINVAL (NULL handle, nb_efd 0, VDEV counter
 * size above 8) or -errno of eventfd, with rte_errno set to the same positive.
 */
__rte_internal
int rte_intr_efd_enable(struct rte_intr_handle *intr_handle, uint32_t nb_efd);
/* Undo rte_intr_efd_enable, closing its eventfds; NULL is ignored. No rte_errno. */
__rte_internal
void rte_intr_efd_disable(struct rte_intr_handle *intr_handle);
/* 1 when Rx vectors are enabled, else 0 (also for NULL). No rte_errno. */
__rte_internal
int rte_intr_dp_is_en(struct rte_intr_handle *intr_handle);
/*
 * 1 when a vector is left for other causes (link status) besides Rx, or Rx
 * vectors are not enabled; else 0. No rte_errno.
 */
__rte_internal
int rte_intr_allow_others(struct rte_intr_handle *intr_handle);
/* 1 when the handle can have one vector per queue (MSI-X, VDEV), else 0. No rte_errno. */
__rte_internal
int rte_intr_cap_multiple(struct rte_intr_handle *intr_handle);

/* A copy of src, or NULL with rte_errno EINVAL (NULL src) or ENOMEM. */
__rte_internal
struct rte_intr_handle *rte_intr_instance_dup(const struct rte_intr_handle *src);
/* 0, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_dev_fd_set(struct rte_intr_handle *intr_handle, int fd);
/* The device fd, or -1 with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_dev_fd_get(const struct rte_intr_handle *intr_handle);
/*
 * 0; -EINVAL (NULL handle) or -ERANGE (max_intr below 0 or above the table size),
 * with rte_errno set to the same positive.
 */
__rte_internal
int rte_intr_max_intr_set(struct rte_intr_handle *intr_handle, int max_intr);
/* The value, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_max_intr_get(const struct rte_intr_handle *intr_handle);
/* 0; -EINVAL (NULL handle) or -ERANGE (out of 0..table size), rte_errno likewise. */
__rte_internal
int rte_intr_nb_efd_set(struct rte_intr_handle *intr_handle, int nb_efd);
/* The value, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_nb_efd_get(const struct rte_intr_handle *intr_handle);
/* The efds/elist table size, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_nb_intr_get(const struct rte_intr_handle *intr_handle);
/* 0, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_efd_counter_size_set(struct rte_intr_handle *intr_handle,
				  uint8_t efd_counter_size);
/* The value, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_efd_counter_size_get(const struct rte_intr_handle *intr_handle);
/* 0; -EINVAL (NULL handle) or -ERANGE (index out of range), rte_errno likewise. */
__rte_internal
int rte_intr_efds_index_set(struct rte_intr_handle *intr_handle, int index, int fd);
/* The fd, or -EINVAL with rte_errno EINVAL for a NULL handle or index out of range. */
__rte_internal
int rte_intr_efds_index_get(const struct rte_intr_handle *intr_handle, int index);
/* 0; -EINVAL (NULL handle) or -ERANGE (index out of range), rte_errno likewise. */
__rte_internal
int rte_intr_elist_index_set(struct rte_intr_handle *intr_handle, int index,
			     struct rte_epoll_event elist);
/* The entry, or NULL with rte_errno EINVAL (NULL handle) or ERANGE (bad index). */
__rte_internal
struct rte_epoll_event *
rte_intr_elist_index_get(struct rte_intr_handle *intr_handle, int index);
/*
 * Queue-to-vector table of size entries (kept if already allocated: 0). 0; -EINVAL
 * (NULL handle), -ERANGE (size not in 1..table size), -ENOMEM; rte_errno likewise.
 */
__rte_internal
int rte_intr_vec_list_alloc(struct rte_intr_handle *intr_handle, const char *name,
			    int size);
/*
 * 0; -EINVAL (NULL handle) or -ERANGE (no table or index out of range),
 * rte_errno likewise.
 */
__rte_internal
int rte_intr_vec_list_index_set(struct rte_intr_handle *intr_handle, int index,
				int vec);
/* The vector; -EINVAL (NULL handle) or -ERANGE (no table, bad index), rte_errno likewise. */
__rte_internal
int rte_intr_vec_list_index_get(const struct rte_intr_handle *intr_handle,
				int index);
/* Free the queue-to-vector table; NULL is ignored. No rte_errno. */
__rte_internal
void rte_intr_vec_list_free(struct rte_intr_handle *intr_handle);
/*
 * Resize the efds and elist tables to size entries (contents reset). 0; -EINVAL
 * (NULL handle, size <= 0) or -ENOMEM, with rte_errno set to the same positive.
 */
__rte_internal
int rte_intr_event_list_update(struct rte_intr_handle *intr_handle, int size);
/* The stored Windows handle, or NULL with rte_errno EINVAL for a NULL handle. */
__rte_internal
void *rte_intr_instance_windows_handle_get(struct rte_intr_handle *intr_handle);
/* 0, or -EINVAL with rte_errno EINVAL for a NULL handle. */
__rte_internal
int rte_intr_instance_windows_handle_set(struct rte_intr_handle *intr_handle,
					 void *windows_handle);

#ifdef __cplusplus
}
#endif

#endif
