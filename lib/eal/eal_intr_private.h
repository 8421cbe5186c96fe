/* SPDX-License-Identifier: BSD-3-Clause */
/* The interrupt handle behind the opaque rte_intr_handle. Never installed. */
#ifndef _EAL_INTR_PRIVATE_H_
#define _EAL_INTR_PRIVATE_H_

#include <stdint.h>

#include <rte_interrupts.h>

struct rte_intr_handle {
	int fd;				/* the fd epoll waits on (vector 0) */
	int dev_fd;			/* VFIO device fd, -1 if none */
	enum rte_intr_handle_type type;
	uint32_t alloc_flags;		/* RTE_INTR_INSTANCE_F_* */
	uint32_t max_intr;		/* vectors in use: 1 + Rx vectors */
	uint32_t nb_efd;		/* Rx vectors with an eventfd */
	uint8_t efd_counter_size;	/* bytes to read per event (VDEV) */
	int nb_intr;			/* entries in efds and elist */
	int *efds;			/* Rx vector eventfds */
	struct rte_epoll_event *elist;	/* their epoll registrations */
	int vec_list_size;
	int *intr_vec;			/* queue -> vector */
	void *windows_handle;
};

/* VFIO_DEVICE_SET_IRQS for a handle of a VFIO type (eal_intr_vfio.c); 0 or -1. */
int eal_intr_vfio_enable(const struct rte_intr_handle *h);
int eal_intr_vfio_disable(const struct rte_intr_handle *h);
int eal_intr_vfio_ack(const struct rte_intr_handle *h);
/* How many fds have callbacks registered (tests check nothing is left). */
unsigned int eal_intr_source_count(void);
/*
 * The eventfd of each of count vectors for VFIO_DEVICE_SET_IRQS: vector 0
 * the handle's fd, then the Rx eventfds (efds), -1 for vectors without one
 * (max_intr set past nb_efd + 1).
 */
void eal_intr_vfio_fds_fill(const struct rte_intr_handle *h, int *fds, uint32_t count);

#endif
