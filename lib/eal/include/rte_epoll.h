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

/* Called with the registered fd and cb_arg before its event is returned. */
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
 * Wait up to timeout ms (-1: forever) on epfd (RTE_EPOLL_PER_THREAD: this
 * thread's instance) and copy at most maxevents (64 at a time) ready
 * registrations into events; a wait cut by a signal is restarted.
 * Returns the number of events, 0 on timeout, or -1 when events is NULL,
 * maxevents <= 0, or epoll_wait fails (errno is then epoll_wait's).
 * rte_errno is not set.
 */
int
rte_epoll_wait(int epfd, struct rte_epoll_event *events,
	       int maxevents, int timeout);

/*
 * As rte_epoll_wait, but a signal ends the wait: returns -1 with errno EINTR.
 * Otherwise the same returns; rte_errno is not set.
 */
int
rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events,
			     int maxevents, int timeout);

/*
 * Apply op (EPOLL_CTL_ADD/DEL/MOD) for fd on epfd (RTE_EPOLL_PER_THREAD: this
 * thread's instance), with event as its registration (event->epdata.event is
 * the epoll mask). After EPOLL_CTL_DEL the caller may free event.
 * Returns 0, or -1 when event is NULL or epoll_ctl fails (errno is then
 * epoll_ctl's). rte_errno is not set.
 */
int
rte_epoll_ctl(int epfd, int op, int fd,
	      struct rte_epoll_event *event);

#ifdef __cplusplus
}
#endif

#endif /* __RTE_EPOLL_H__ */
