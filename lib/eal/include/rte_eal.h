/* SPDX-License-Identifier: BSD-3-Clause */
/* EAL start-up and shutdown. */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <stdint.h>
#include <stdbool.h>
#include <sched.h>
#include <time.h>

#include <rte_config.h>
#include <rte_compat.h>
#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MAGIC 19820526

enum rte_proc_type_t {
	RTE_PROC_AUTO = -1,
	RTE_PROC_PRIMARY = 0,
	RTE_PROC_SECONDARY,
	RTE_PROC_INVALID
};

enum rte_iova_mode {
	RTE_IOVA_DC = 0,	/* don't care */
	RTE_IOVA_PA = (1 << 0),	/* DMA with physical addresses */
	RTE_IOVA_VA = (1 << 1)	/* DMA with virtual addresses */
};

/*
 * The type of this process: RTE_PROC_PRIMARY or RTE_PROC_SECONDARY (after
 * --proc-type=auto, the one it turned out to be). Cannot fail; rte_errno
 * is not set.
 */
enum rte_proc_type_t rte_eal_process_type(void);
/*
 * I/O port access is not provided (every device is driven through MMIO), so
 * this always returns -1, unlike DPDK on x86 which tries iopl(3). rte_errno
 * is not set.
 */
int rte_eal_iopl_init(void);

/*
 * Initialise the EAL from the command line argc/argv (argv[0] is the program
 * name). Returns the number of arguments it consumed (argv[0] included, "--"
 * included). On failure it prints one line that says what is wrong, releases
 * what it took and returns -1 with rte_errno set:
 * EALREADY (called a second time), EINVAL (a bad option), ENOTSUP
 * (--proc-type=secondary), ENODEV (no CPU found), ENOMEM (not enough memory
 * or hugepages for -m/--socket-mem), ENOENT/EACCES (an unusable --huge-dir),
 * EBUSY (hugepage files held by another process), EPERM (--iova-mode=pa
 * without root), or the errno of the system call that failed (thread
 * creation, pinning, epoll, timerfd, memfd), or what a bus scan or driver
 * probe reported. -h/--help prints the usage and returns -1 with rte_errno 0.
 */
int rte_eal_init(int argc, char **argv);

/*
 * Release everything rte_eal_init acquired. Returns 0; or -EALREADY with
 * rte_errno EALREADY when the EAL is not initialised (never initialised, or
 * already cleaned up). DPDK 22.11 has no such guard and returns 0 (later
 * releases return -1 with EALREADY on a second call); refusing is kept on
 * purpose, as a second release would free memory twice.
 */
int rte_eal_cleanup(void);

/*
 * 1 if a primary process holds config_file_path (NULL: this process's
 * <runtime dir>/config) locked, i.e. runs; 0 if none does or the file
 * cannot be opened. In the primary itself, NULL gives 1. rte_errno is not set.
 */
int rte_eal_primary_proc_alive(const char *config_file_path);

/*
 * Forbid multi-process for the rest of this primary's life: secondaries
 * that try to attach afterwards are refused. Returns true; false in a
 * secondary, or once a secondary has attached (as DPDK). rte_errno is not
 * set.
 */
bool rte_mp_disable(void);

/*
 * Messages between the primary and its secondaries, over the datagram
 * socket <runtime dir>/mp_socket (a secondary's is mp_socket_<pid>_<n>).
 * Each carries up to RTE_MP_MAX_PARAM_LEN bytes and RTE_MP_MAX_FD_NUM fds.
 */
#define RTE_MP_MAX_FD_NUM 8
#define RTE_MP_MAX_NAME_LEN 64
#define RTE_MP_MAX_PARAM_LEN 256

struct rte_mp_msg {
	char name[RTE_MP_MAX_NAME_LEN];	/* the action it is for */
	int len_param;
	int num_fds;
	uint8_t param[RTE_MP_MAX_PARAM_LEN];
	int fds[RTE_MP_MAX_FD_NUM];
};

struct rte_mp_reply {
	int nb_sent;			/* requests sent */
	int nb_received;		/* replies in msgs */
	struct rte_mp_msg *msgs;	/* the caller frees it (free()) */
};

/*
 * An action: runs on the multi-process thread for each message or request
 * named after it; peer is what rte_mp_reply() takes to answer a request.
 * Fds received are the action's to close.
 */
typedef int (*rte_mp_t)(const struct rte_mp_msg *msg, const void *peer);
/* Called once with the replies (or none) of an asynchronous request. */
typedef int (*rte_mp_async_reply_t)(const struct rte_mp_msg *request,
				    const struct rte_mp_reply *reply);

/*
 * Run action for messages named name. 0; -1 with rte_errno EINVAL (NULL,
 * empty or too long name), EEXIST (taken), ENOMEM, ENOTSUP (multi-process
 * disabled or no runtime directory).
 */
int rte_mp_action_register(const char *name, rte_mp_t action);
/* Forget the action of name, if any. */
void rte_mp_action_unregister(const char *name);

/*
 * Send msg, without waiting for an answer: from the primary to every
 * secondary, from a secondary to the primary. 0; -1 with rte_errno EINVAL
 * (bad name, length or fd count) or the send's errno.
 */
int rte_mp_sendmsg(struct rte_mp_msg *msg);

/*
 * Send req as a request and wait until every peer replied or ts passed.
 * reply->msgs is allocated (free() it) even when some did not answer.
 * 0 when every request went out; -1 with rte_errno EINVAL, ENOMEM,
 * ETIMEDOUT (a secondary's primary did not answer) or the send's errno.
 */
int rte_mp_request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply,
			const struct timespec *ts);

/*
 * As rte_mp_request_sync, but returns at once; clb runs on another thread
 * with the replies once all came or ts passed. 0, or -1 with rte_errno.
 */
int rte_mp_request_async(struct rte_mp_msg *req, const struct timespec *ts,
			 rte_mp_async_reply_t clb);

/*
 * Answer the request whose action got peer with msg. 0; -1 with rte_errno
 * EINVAL (NULL peer, bad message) or the send's errno.
 */
int rte_mp_reply(struct rte_mp_msg *msg, const char *peer);

/*
 * For applications only: log the printf-style message built from format at
 * CRIT level, run rte_eal_cleanup if the EAL is up, and exit(exit_code).
 * Never returns.
 */
void rte_exit(int exit_code, const char *format, ...)
	__attribute__((noreturn)) __attribute__((format(printf, 2, 3)));

/* 1 if memory comes from hugepages, 0 with --no-huge. Cannot fail; no rte_errno. */
int rte_eal_has_hugepages(void);
/* 1 if PCI devices are scanned, 0 with --no-pci. Cannot fail; no rte_errno. */
int rte_eal_has_pci(void);
/* Always 0: UIO is not used (devices are reached through VFIO). No rte_errno. */
int rte_eal_create_uio_dev(void);
/*
 * The IOVA mode in use (RTE_IOVA_VA or RTE_IOVA_PA) once memory is set up,
 * before that the one asked with --iova-mode (RTE_IOVA_DC for auto).
 * Cannot fail; rte_errno is not set.
 */
enum rte_iova_mode rte_eal_iova_mode(void);
/*
 * The mempool ops name given with --mbuf-pool-ops-name, or NULL if none was
 * given. Cannot fail; rte_errno is not set.
 */
const char *rte_eal_mbuf_user_pool_ops(void);
/*
 * Always "" (an empty string, never NULL): nothing is kept on disk, so there
 * is no runtime directory, unlike DPDK. rte_errno is not set.
 */
const char *rte_eal_get_runtime_dir(void);
/*
 * The address of the reserved virtual-address window once memory is set up,
 * before that the address that will be asked for. Cannot fail; no rte_errno.
 */
uint64_t rte_eal_get_baseaddr(void);

/* Prints the application's own usage after the EAL's; prgname is argv[0]. */
typedef void (*rte_usage_hook_t)(const char *prgname);
/*
 * Make usage_func (NULL: none) print the application's usage with the EAL's.
 * Returns the hook set before, NULL if there was none. rte_errno is not set.
 */
rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t usage_func);

/* The kernel thread id of the caller (gettid system call). Cannot fail; no rte_errno. */
int rte_sys_gettid(void);
RTE_DECLARE_PER_LCORE(int, _thread_id);
/*
 * The kernel thread id of the caller, as rte_sys_gettid but cached per thread
 * after the first call. Cannot fail; rte_errno is not set.
 */
static inline int
rte_gettid(void)
{
	if (RTE_PER_LCORE(_thread_id) == 0)
		RTE_PER_LCORE(_thread_id) = rte_sys_gettid();
	return RTE_PER_LCORE(_thread_id);
}

#ifdef __cplusplus
}
#endif

#endif
