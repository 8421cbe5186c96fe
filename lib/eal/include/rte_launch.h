/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_LAUNCH_H_
#define _RTE_LAUNCH_H_

#ifdef __cplusplus
extern "C" {
#endif

enum rte_lcore_state_t {
	WAIT,		/* waiting for a new command */
	RUNNING,	/* executing a command */
};

/* The function an lcore runs; its return value is what rte_eal_wait_lcore gives. */
typedef int (lcore_function_t)(void *);

/*
 * Start f(arg) on worker lcore worker_id (a service lcore too, as in DPDK) and
 * return at once. Returns 0; -EBUSY when that lcore is still RUNNING a
 * function; -EINVAL (not checked by DPDK) when worker_id is out of range, the
 * main lcore, or not an lcore with a thread. rte_errno is not set.
 */
int rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id);

enum rte_rmt_call_main_t {
	SKIP_MAIN = 0,	/* lcore handler not executed by main core */
	CALL_MAIN,	/* lcore handler executed by main core */
};

/*
 * Start f(arg) on every worker lcore and, with CALL_MAIN, run it on the main
 * lcore too before returning. Returns 0, or -EBUSY (nothing launched) when a
 * worker is still RUNNING. rte_errno is not set.
 */
int rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
			     enum rte_rmt_call_main_t call_main);

/*
 * WAIT or RUNNING for worker_id; WAIT when worker_id is not below
 * RTE_MAX_LCORE. Cannot fail; rte_errno is not set.
 */
enum rte_lcore_state_t rte_eal_get_lcore_state(unsigned int worker_id);

/*
 * Wait until worker_id has finished its function. Returns what that function
 * returned (the last one if it was already WAITing), or 0 when worker_id is
 * not in the lcore list. Service lcores are waited for too. rte_errno is not set.
 */
int rte_eal_wait_lcore(unsigned int worker_id);

/*
 * rte_eal_wait_lcore on every worker lcore, not on service lcores (as in
 * DPDK). Returns nothing; no rte_errno.
 */
void rte_eal_mp_wait_lcore(void);

#ifdef __cplusplus
}
#endif

#endif
