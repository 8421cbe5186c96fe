/* SPDX-License-Identifier: BSD-3-Clause */
/* Epoll wrappers for Rx interrupts (DPDK 22.11 API). */
#ifndef __RTE_EPOLL_H__
#define __RTE_EPOLL_H__

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_INTR_EVENT_ADD 1UL
#define RTE_INTR_EVENT_DEL 2UL

typedef void (*rte_intr_event_cb_t)(int fd, void *arg);

struct rte_epoll_data {
	uint32_t event;			/* epoll event mask (EPOLLIN ...) */
	void *data;			/* user data */
	rte_intr_event_cb_t cb_fun;	/* called before the event is returned */
	void *cb_arg;
};

enum {
	RTE_EPOLL_INVALID = 0,
	RTE_EPOLL_VALID,
	RTE_EPOLL_EXEC,
};

/* One registration; epoll_event.data.ptr points at it. */
struct rte_epoll_event {
	uint32_t status;		/* RTE_EPOLL_*; changed atomically */
	int fd;				/* the fd it watches */
	int epfd;			/* the epoll instance it is in */
	struct rte_epoll_data epdata;
};

/* In place of an epoll fd: this thread's own epoll instance. */
#define RTE_EPOLL_PER_THREAD -1

/*
 * Wait for events; retried on EINTR. Returns the number of events, 0 on
 * timeout, or -1 (events NULL, maxevents <= 0, epoll failure).
 */
int
rte_epoll_wait(int epfd, struct rte_epoll_event *events,
	       int maxevents, int timeout);

/* The same, but returns -1 with errno EINTR when a signal arrives. */
int
rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events,
			     int maxevents, int timeout);

/*
 * EPOLL_CTL_ADD/DEL/MOD of fd with event as its registration; 0 or -1.
 * After EPOLL_CTL_DEL the caller may free event.
 */
int
rte_epoll_ctl(int epfd, int op, int fd,
	      struct rte_epoll_event *event);

#ifdef __cplusplus
}
#endif

#endif /* __RTE_EPOLL_H__ */
