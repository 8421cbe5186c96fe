/* SPDX-License-Identifier: BSD-3-Clause */
/* EAL start-up and shutdown. */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <stdint.h>
#include <stdbool.h>
#include <sched.h>

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

enum rte_proc_type_t rte_eal_process_type(void);
int rte_eal_iopl_init(void);

/*
 * Initialise the EAL from the command line. Returns the number of
 * arguments it consumed (argv[0] included, "--" included), or -1 with
 * rte_errno set after printing one line that says what is wrong.
 */
int rte_eal_init(int argc, char **argv);

/* Release everything rte_eal_init acquired; 0, or -EALREADY before init. */
int rte_eal_cleanup(void);

int rte_eal_primary_proc_alive(const char *config_file_path);
bool rte_mp_disable(void);

/* For applications only: log the message, clean up and exit. */
void rte_exit(int exit_code, const char *format, ...)
	__attribute__((noreturn)) __attribute__((format(printf, 2, 3)));

int rte_eal_has_hugepages(void);
int rte_eal_has_pci(void);
int rte_eal_create_uio_dev(void);
enum rte_iova_mode rte_eal_iova_mode(void);
const char *rte_eal_mbuf_user_pool_ops(void);
const char *rte_eal_get_runtime_dir(void);
uint64_t rte_eal_get_baseaddr(void);

typedef void (*rte_usage_hook_t)(const char *prgname);
rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t usage_func);

/* The kernel thread id of the caller, cached per thread. */
int rte_sys_gettid(void);
RTE_DECLARE_PER_LCORE(int, _thread_id);
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
