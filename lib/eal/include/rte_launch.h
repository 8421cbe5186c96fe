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

typedef int (lcore_function_t)(void *);

/*
 * Run f(arg) on worker lcore worker_id. Returns 0, or -EBUSY when the
 * lcore is not WAITing, -EINVAL when it is not a worker.
 */
int rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id);

enum rte_rmt_call_main_t {
	SKIP_MAIN = 0,	/* lcore handler not executed by main core */
	CALL_MAIN,	/* lcore handler executed by main core */
};

/* Launch f on every worker (and on the main lcore with CALL_MAIN). */
int rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
			     enum rte_rmt_call_main_t call_main);

enum rte_lcore_state_t rte_eal_get_lcore_state(unsigned int worker_id);

/* Wait for a worker to finish; returns its function's return value (0 if idle). */
int rte_eal_wait_lcore(unsigned int worker_id);

void rte_eal_mp_wait_lcore(void);

#ifdef __cplusplus
}
#endif

#endif
